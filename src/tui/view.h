/* view.h - the wizard's screens. A view is a small table of operations
 * (enter, draw, key), as in tig; tui.c moves between them.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_VIEW_H
#define ZW_VIEW_H

#include "screen.h"
#include "tui.h"

typedef enum
{
  VIEW_STAY, /* redraw and read the next key */
  VIEW_NEXT, /* the step is done: on to the next */
  VIEW_BACK, /* to the step before */
  VIEW_QUIT, /* asks before quitting */
  VIEW_JUMP, /* to Tui.jump */
  VIEW_DONE  /* the wizard is finished: Tui.status says how */
} ViewResult;

typedef struct Tui Tui;

typedef struct
{
  void (*enter) (Tui *t);
  void (*draw) (Tui *t, int top, int bottom); /* the body: lines TOP..BOTTOM-1 */
  ViewResult (*key) (Tui *t, Key k);
  const char *footer;                  /* N_(): the keys that work here */
  const char *(*footer_for) (Tui *t);  /* or, when they change, this */
  gboolean own_quit_back;              /* Esc and ^P are the view's own keys */
} View;

/* The most characters a field takes (a paste past it is cut, and said). */
#define FIELD_MAX_CHARS 4096

/* A line-editing buffer for one field. */
typedef struct
{
  AnswerKey key;
  GString *text;
  glong cursor; /* in characters */
  gsize counted_bytes; /* field_chars' cache: the length it counted at */
  glong counted;
} Field;

struct Tui
{
  const SetupOptions *o;
  FlowSession *s;
  const FlowStep *step;
  const View *view;
  const FlowStep *jump; /* VIEW_JUMP's target */
  int status;           /* VIEW_DONE's exit status */
  gboolean tried;       /* Enter was pressed on this step: show what is missing */

  int cursor_y, cursor_x; /* where the terminal's cursor shows; -1: hidden */

  /* The bottom message: what just happened, or what is wrong. */
  char *message;
  ScreenAttr message_attr;
  gboolean keep_message; /* the next step keeps it (a note on what was tidied) */

  /* Forms and lists. */
  GPtrArray *fields; /* Field* */
  int focus;         /* the field or row the cursor is on */
  int top;           /* the first row shown */
  gboolean reveal;   /* secrets shown as typed */
  Field *unstored;   /* typed into, not yet given to the session (a paste) */

  /* The scope list. */
  GString *filter;
  GPtrArray *rows; /* const Scope* */

  /* The live test, and the saved result. */
  Verification *verification;
  gboolean live_failed;
  SecretStore store;       /* where the save puts the secrets (the file store
                              when the keyring did not answer and the admin
                              chose it) */
  gboolean keyring_checked; /* the keyring was asked before the first secret */
  char *saved_profile;
  char *saved_export;
  char *finish_text;
};

/* ↑/Shift-Tab and ↓/Tab move the focus among N fields or rows; TRUE when
 * K was one of them. */
gboolean tui_move_focus (Tui *t, Key k, int n);
/* Scrolls a list of FIT visible rows so that the focus is among them. */
void tui_scroll_to_focus (Tui *t, int fit);
/* Shows TEXT whole on a screen of its own, wrapped, scrolled with the
 * arrows and PgUp/PgDn, until Esc, Enter, q or ^G. */
void tui_pager (Tui *t, const char *title, const char *text);
/* Draws the whole screen now (from a view's long-running work). */
void tui_redraw (Tui *t);
void tui_set_message (Tui *t, ScreenAttr attr, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Fields (view_form.c): the step's keys as editable lines. */
void form_fields_load (Tui *t, const AnswerKey *keys, guint n);
void form_fields_clear (Tui *t);
/* Gives the session what was typed into a field and not yet given: a paste
 * is taken key by key, and the session (its rules) once, when no more keys
 * wait. The loop calls it before drawing and before any other key. */
void form_fields_flush (Tui *t);
/* Edits FIELD by K; TRUE when K was an editing key. */
gboolean field_edit (Field *f, Key k);
/* Draws FIELD at Y, X in WIDTH columns; when FOCUSED, the terminal's
 * cursor goes to its cursor. */
void field_draw (Tui *t, const Field *f, int y, int x, int width, gboolean focused);
/* A finding as a line to wrap: its mark (errors and warnings differ in
 * more than colour), its message and its fix. */
char *tui_finding_text (const Finding *f);
/* Copies VALUE (the whole of it, secrets too) through OSC 52, and says so. */
void tui_copy (Tui *t, const char *label, const char *value);

extern const View view_choice;
extern const View view_form;
extern const View view_scopes;
extern const View view_live;
extern const View view_save;
extern const View view_finish;

#endif
