/* screen.h - the terminal for the full-screen wizard: the one module that
 * knows curses. Text in UTF-8 placed by display columns (wide characters
 * count two), keys read as actions, colours or (NO_COLOR, monochrome)
 * attributes, the terminal restored on every way out, OSC 52 copies.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_SCREEN_H
#define ZW_SCREEN_H

#include "core/common.h"

/* Below this the wizard shows a "too small" message instead of its screens. */
#define SCREEN_MIN_COLS 64
#define SCREEN_MIN_LINES 18

typedef enum
{
  ATTR_NORMAL,
  ATTR_BAR,      /* the header and footer lines */
  ATTR_TITLE,    /* the step's title */
  ATTR_DIM,      /* help, defaults not yet confirmed */
  ATTR_SELECTED, /* the line the cursor is on */
  ATTR_FIELD,    /* an input field */
  ATTR_ERROR,
  ATTR_WARNING,
  ATTR_OK,
  ATTR_MARK,     /* a required scope, a key name in the footer */
  ATTR_N
} ScreenAttr;

/* Keys as what they mean (tig's habit): a view switches on these. */
typedef enum
{
  ACT_NONE,    /* nothing came in time */
  ACT_CHAR,    /* a printable character: Key.ch */
  ACT_UP,
  ACT_DOWN,
  ACT_LEFT,
  ACT_RIGHT,
  ACT_HOME,
  ACT_END,
  ACT_PAGE_UP,
  ACT_PAGE_DOWN,
  ACT_TAB,
  ACT_BACKTAB,
  ACT_ENTER,
  ACT_BACKSPACE,
  ACT_DELETE,
  ACT_KILL_LINE, /* ^U */
  ACT_BACK,      /* ^P: the previous step */
  ACT_REVEAL,    /* ^R: show a secret field as typed */
  ACT_COPY,      /* ^Y: copy to the clipboard */
  ACT_QUIT,      /* Esc (and q where no text is typed) */
  ACT_DETAILS,   /* ^G, F1: the step's guide and every message, whole */
  ACT_RESIZE,
  ACT_SIGNAL     /* SIGHUP, SIGTERM or SIGINT came: see screen_signal */
} Action;

typedef struct
{
  Action action;
  gunichar ch;
} Key;

/* Takes over the terminal; FALSE with ERROR when it cannot draw (TERM
 * unknown). Installs the handlers that restore it on signals and crashes. */
gboolean screen_open (GError **error);
void screen_close (void);

int screen_lines (void);
int screen_cols (void);
/* TRUE, after drawing a message that says so, when the terminal is smaller
 * than the wizard needs. */
gboolean screen_too_small (void);

void screen_erase (void);
/* TEXT at Y, X in at most WIDTH columns (cut with "…" if longer), the rest
 * of WIDTH filled with spaces in ATTR when FILL. Returns the columns used. */
int screen_put (int y, int x, int width, ScreenAttr attr, gboolean fill, const char *text);
/* TEXT wrapped at words into WIDTH columns from line Y, at most MAX_LINES
 * (the last one ending in "…" when more would follow); returns the lines
 * used. */
int screen_wrap (int y, int x, int width, int max_lines, ScreenAttr attr, const char *text);
/* TEXT wrapped at words into lines of at most WIDTH columns ("\n" starts a
 * new one), NULL-terminated: what screen_wrap would draw, all of it. */
char **screen_wrap_lines (const char *text, int width);
/* TEXT as it may be printed to the terminal after the screens are gone:
 * ASCII stand-ins for every other character in a locale that is not UTF-8. */
char *screen_text_for_terminal (const char *text);
/* Display columns of TEXT. */
int screen_width_of (const char *text);
/* Where the terminal's cursor shows (a field being typed in); Y < 0 hides it. */
void screen_cursor (int y, int x);
void screen_update (void);

/* The next key, waiting at most TIMEOUT_MS (-1: until one comes). */
Key screen_read_key (int timeout_ms);
/* The descriptor keys come from, for poll(2) in the network loop. */
int screen_input_fd (void);
/* TRUE when more keys are waiting to be read (a paste, typeahead). */
gboolean screen_input_pending (void);
/* The signal that asked zoomwiz to end (SIGHUP, SIGTERM, SIGINT), or 0. */
int screen_signal (void);

/* Asks the terminal to put TEXT on the clipboard (OSC 52). The terminal
 * may refuse silently; nothing says whether it did. */
void screen_copy (const char *text);

/* Symbols to draw with screen_put (which has their ASCII stand-ins). */
const char *screen_symbol_pass (void);
const char *screen_symbol_fail (void);
const char *screen_symbol_mark (void);

#endif
