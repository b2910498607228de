/* view_form.c - a step's answers as a form of fields: text, URLs, masked
 * secrets (revealed with ^R), choices cycled with Space. What is typed
 * goes into the session as soon as no more keys wait (a paste is taken
 * whole first), so derived values follow (a new site URL makes a new
 * redirect URL) and nothing typed is lost on Back.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "view.h"

#include <string.h>

void
form_fields_clear (Tui *t)
{
  form_fields_flush (t);
  for (guint i = 0; i < t->fields->len; i++)
    {
      Field *f = t->fields->pdata[i];
      explicit_bzero (f->text->str, f->text->len);
      g_string_free (f->text, TRUE);
      g_free (f);
    }
  g_ptr_array_set_size (t->fields, 0);
}

static void
field_load (Field *f, const Answers *a)
{
  const char *v = answers_get (a, f->key);
  explicit_bzero (f->text->str, f->text->len);
  g_string_assign (f->text, v != NULL ? v : "");
  f->cursor = g_utf8_strlen (f->text->str, -1);
  f->counted_bytes = G_MAXSIZE; /* field_chars counts again */
}

void
form_fields_load (Tui *t, const AnswerKey *keys, guint n)
{
  form_fields_clear (t);
  for (guint i = 0; i < n; i++)
    {
      Field *f = g_new0 (Field, 1);
      f->key = keys[i];
      f->text = g_string_new (NULL);
      field_load (f, t->s->a);
      g_ptr_array_add (t->fields, f);
    }
}

/* The characters in F, counted again only when its text changed length
 * (each key of a paste past the bound would count them all again). */
static glong
field_chars (Field *f)
{
  if (f->counted_bytes != f->text->len)
    {
      f->counted = g_utf8_strlen (f->text->str, -1);
      f->counted_bytes = f->text->len;
    }
  return f->counted;
}

/* The byte offset of character POS. */
static gsize
offset_of (const Field *f, glong pos)
{
  return (gsize) (g_utf8_offset_to_pointer (f->text->str, pos) - f->text->str);
}

gboolean
field_edit (Field *f, Key k)
{
  /* Not for a character typed: a paste is thousands of them. */
  glong len = k.action == ACT_CHAR ? 0 : g_utf8_strlen (f->text->str, -1);
  switch (k.action)
    {
    case ACT_CHAR:
      {
        char buf[8];
        int n = g_unichar_to_utf8 (k.ch, buf);
        g_string_insert_len (f->text, (gssize) offset_of (f, f->cursor), buf, n);
        f->cursor++;
        return TRUE;
      }
    case ACT_BACKSPACE:
      if (f->cursor > 0)
        {
          gsize from = offset_of (f, f->cursor - 1), to = offset_of (f, f->cursor);
          g_string_erase (f->text, (gssize) from, (gssize) (to - from));
          f->cursor--;
        }
      return TRUE;
    case ACT_DELETE:
      if (f->cursor < len)
        {
          gsize from = offset_of (f, f->cursor), to = offset_of (f, f->cursor + 1);
          g_string_erase (f->text, (gssize) from, (gssize) (to - from));
        }
      return TRUE;
    case ACT_LEFT:
      f->cursor = MAX (0, f->cursor - 1);
      return TRUE;
    case ACT_RIGHT:
      f->cursor = MIN (len, f->cursor + 1);
      return TRUE;
    case ACT_HOME:
      f->cursor = 0;
      return TRUE;
    case ACT_END:
      f->cursor = len;
      return TRUE;
    case ACT_KILL_LINE:
      explicit_bzero (f->text->str, f->text->len);
      g_string_truncate (f->text, 0);
      f->cursor = 0;
      return TRUE;
    default:
      return FALSE;
    }
}

void
field_draw (Tui *t, const Field *f, int y, int x, int width, gboolean focused)
{
  gboolean secret = f->key < ANSWER_N_KEYS && answer_is_secret (f->key);
  gboolean masked = secret && !t->reveal;
  const char *bullet = "•"; /* "*" outside UTF-8 (screen_put) */
  GString *shown = g_string_new (NULL);
  glong len = g_utf8_strlen (f->text->str, -1);

  g_autofree char *display = f->key < ANSWER_N_KEYS && !secret
                                 ? flow_shown_value (f->key, f->text->str) : NULL;
  /* A URL's ?secret= stays hidden, as a secret does, until ^R. */
  gboolean hidden = display != NULL && strcmp (display, f->text->str) != 0 && !t->reveal;

  if (masked)
    for (glong i = 0; i < len; i++)
      g_string_append (shown, bullet);
  else if (hidden)
    g_string_assign (shown, display);
  else
    g_string_assign (shown, f->text->str);

  /* Scrolled, when focused, so that the cursor is in view. */
  glong shown_len = g_utf8_strlen (shown->str, -1);
  glong cursor = !focused ? 0 : hidden ? shown_len : MIN (f->cursor, shown_len);
  char *at = g_utf8_offset_to_pointer (shown->str, cursor);
  /* Back from the cursor, as many characters as fit before it: the cost is
   * the width, not the length (a 4,096-character paste). */
  const char *from = at;
  int used = 0;
  while (from > shown->str)
    {
      const char *prev = g_utf8_prev_char (from);
      char one[8] = { 0 };
      memcpy (one, prev, (gsize) (from - prev));
      int w = screen_width_of (one);
      if (used + w >= width - 1)
        break;
      used += w;
      from = prev;
    }
  g_autofree char *before = g_strndup (from, (gsize) (at - from));
  const char *visible = from;
  ScreenAttr attr = focused ? ATTR_SELECTED : ATTR_FIELD;
  if (!focused && f->key < ANSWER_N_KEYS && t->s->a->origin[f->key] == ORIGIN_PRESET)
    attr = ATTR_DIM;
  screen_put (y, x, width, attr, TRUE, visible);
  if (focused)
    {
      t->cursor_y = y;
      t->cursor_x = x + screen_width_of (before);
    }
  explicit_bzero (shown->str, shown->len);
  g_string_free (shown, TRUE);
}

void
tui_copy (Tui *t, const char *label, const char *value)
{
  if (value == NULL || *value == '\0')
    {
      tui_set_message (t, ATTR_WARNING, _("%s is empty: nothing to copy."), label);
      return;
    }
  screen_copy (value);
  tui_set_message (t, ATTR_OK,
                   _("%s sent to the clipboard (OSC 52). If your terminal does not "
                     "allow that, select the text with the mouse."),
                   label);
}

static int first_error (Tui *t, const Findings *findings, int from);

/* The keys the step asks for the answers as they are now, in order. */
static guint
asked_keys (Tui *t, AnswerKey keys[FLOW_MAX_KEYS])
{
  guint n = 0;
  for (const AnswerKey *k = t->step->keys; *k != ANSWER_N_KEYS; k++)
    if (flow_asks (t->step, *k, t->s->a, t->s->preset))
      keys[n++] = *k;
  return n;
}

static void
form_enter (Tui *t)
{
  AnswerKey keys[FLOW_MAX_KEYS] = { ANSWER_N_KEYS };
  guint n = asked_keys (t, keys);
  form_fields_load (t, keys, n);
  /* The cursor starts at the first field without a value, else at the
   * first one with an error. */
  g_autoptr (Findings) findings = flow_session_findings (t->s, t->step);
  t->focus = MAX (0, first_error (t, findings, 0));
  for (guint i = 0; i < n; i++)
    if (((Field *) t->fields->pdata[i])->text->len == 0)
      {
        t->focus = (int) i;
        break;
      }
}

/* The findings about FIELD to show (errors first), or NULL: errors of an
 * empty field only once Enter was pressed. */
static GPtrArray *
findings_for (Tui *t, const Findings *f, const Field *field)
{
  const char *name = answer_key_info (field->key)->name;
  if (field->text->len == 0 && !t->tried)
    return NULL;
  GPtrArray *mine = NULL;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < f->items->len; i++)
      {
        const Finding *item = f->items->pdata[i];
        if (strcmp (item->key, name) != 0
            || (item->severity == SEVERITY_ERROR) != (pass == 0))
          continue;
        if (mine == NULL)
          mine = g_ptr_array_new ();
        g_ptr_array_add (mine, (gpointer) item);
      }
  return mine;
}

/* The note beside FIELD's label: what is wrong (every finding whole, with
 * its fix, one a line when SEP is "\n"), or where the value came from;
 * NULL for none. *PROBLEM is set to the first finding. */
static char *
field_note (Tui *t, const Findings *findings, const Field *f, gboolean focused,
            const char *sep, const Finding **problem)
{
  g_autoptr (GPtrArray) mine = findings_for (t, findings, f);
  *problem = mine != NULL ? mine->pdata[0] : NULL;
  if (mine != NULL)
    {
      GString *all = g_string_new (NULL);
      for (guint i = 0; i < mine->len; i++)
        {
          g_autofree char *one = tui_finding_text (mine->pdata[i]);
          g_string_append_printf (all, "%s%s", i > 0 ? sep : "", one);
        }
      return g_string_free (all, FALSE);
    }
  if (t->s->generated[f->key])
    return g_strdup (flow_note_generated ());
  if (t->s->a->origin[f->key] == ORIGIN_PRESET)
    return g_strdup (flow_note_preset ());
  if (f->text->len == 0 && flow_key_where (f->key) != NULL)
    return g_strdup (flow_key_where (f->key));
  if (answer_key_info (f->key)->kind == ANSWER_KIND_CHOICE && focused)
    return g_strdup (_("Space or ←/→ changes it"));
  return NULL;
}

/* The most lines a focused field's finding takes below its value. */
#define NOTE_LINES 4

/* The lines field I takes: its label with a note beside it (what is wrong,
 * where the value came from), then the value across the whole width, so a
 * URL is seen as it must be pasted; the focused field's finding, when it
 * does not fit beside the label, wrapped whole below the value instead.
 * *BELOW is set to the lines of that note, or NULL. */
static int
field_height (Tui *t, const Findings *findings, int i, char ***below)
{
  int cols = screen_cols ();
  const Field *f = t->fields->pdata[i];
  const Finding *problem;
  gboolean focused = i == t->focus;
  g_autofree char *note = field_note (t, findings, f, focused, "\n", &problem);
  *below = NULL;
  if (note == NULL || problem == NULL || !focused
      || (strchr (note, '\n') == NULL
          && screen_width_of (note)
                 <= flow_note_room (cols, screen_width_of (flow_key_label (f->key)))))
    return 2;
  *below = screen_wrap_lines (note, cols - 8);
  return 2 + MIN ((int) g_strv_length (*below), NOTE_LINES);
}

static void
form_draw (Tui *t, int top, int bottom)
{
  int cols = screen_cols (), x = 4, width = cols - x - 2, n = (int) t->fields->len;
  g_autoptr (Findings) findings = flow_session_findings (t->s, t->step);
  g_autofree int *height = g_new0 (int, MAX (n, 1));
  char **below_focus = NULL;

  for (int i = 0; i < n; i++)
    {
      char **below;
      height[i] = field_height (t, findings, i, &below);
      if (i == t->focus)
        below_focus = below;
      else
        g_strfreev (below);
    }
  /* Scrolled so that the focused field is whole in view. */
  t->top = MIN (t->top, t->focus);
  for (;;)
    {
      int used = 0;
      for (int i = t->top; i <= t->focus && i < n; i++)
        used += height[i];
      if (used <= bottom - top || t->top >= t->focus)
        break;
      t->top++;
    }
  int y = top;
  for (int i = t->top; i < n && y + 2 <= bottom; i++)
    {
      const Field *f = t->fields->pdata[i];
      gboolean focused = i == t->focus;
      const Finding *problem;
      g_autofree char *note = field_note (t, findings, f, focused, " ", &problem);
      int lw = screen_put (y, 2, cols - 4, focused ? ATTR_TITLE : ATTR_NORMAL, FALSE,
                           flow_key_label (f->key));
      field_draw (t, f, y + 1, x, width, focused);
      ScreenAttr attr = problem == NULL ? ATTR_DIM
                        : problem->severity == SEVERITY_ERROR ? ATTR_ERROR : ATTR_WARNING;
      if (focused && below_focus != NULL)
        {
          /* ^G shows the rest of a note longer than its lines. */
          g_autofree char *rest = g_strjoinv (" ", below_focus + MIN (
              (int) g_strv_length (below_focus), NOTE_LINES - 1));
          for (int l = 0; l < NOTE_LINES - 1 && below_focus[l] != NULL && y + 2 + l < bottom; l++)
            screen_put (y + 2 + l, x, cols - x - 4, attr, FALSE, below_focus[l]);
          if (*rest != '\0' && y + 2 + NOTE_LINES - 1 < bottom)
            screen_wrap (y + 2 + NOTE_LINES - 1, x, cols - x - 4, 1, attr, rest);
        }
      else if (note != NULL)
        screen_put (y, 2 + lw + 2, flow_note_room (cols, lw), attr, FALSE, note);
      y += height[i];
    }
  g_strfreev (below_focus);
}

/* A field an answer makes necessary appears at once (the Secret Token when
 * events are given), and one no longer asked goes; the field being typed
 * in keeps its text, its cursor and the focus. */
static void
refit_fields (Tui *t, const Field *typed)
{
  AnswerKey keys[FLOW_MAX_KEYS];
  guint n = asked_keys (t, keys);
  gboolean same = n == t->fields->len;
  for (guint i = 0; same && i < n; i++)
    same = ((Field *) t->fields->pdata[i])->key == keys[i];
  if (same)
    return;
  AnswerKey key = typed->key;
  glong cursor = typed->cursor;
  g_autofree char *text = g_strdup (typed->text->str);
  form_fields_load (t, keys, n);
  for (guint i = 0; i < n; i++)
    if (keys[i] == key)
      {
        Field *f = t->fields->pdata[i];
        g_string_assign (f->text, text);
        f->cursor = cursor;
        f->counted_bytes = G_MAXSIZE;
        t->focus = (int) i;
      }
  explicit_bzero (text, strlen (text));
  t->focus = MIN (t->focus, (int) n - 1);
}

static void
store (Tui *t, Field *f)
{
  g_autoptr (GError) error = NULL;
  if (!flow_session_set (t->s, f->key, f->text->str, &error))
    tui_set_message (t, ATTR_ERROR, "%s", error->message);
  /* Derived values follow; the field being typed in stays as typed. */
  for (guint i = 0; i < t->fields->len; i++)
    if (t->fields->pdata[i] != f)
      field_load (t->fields->pdata[i], t->s->a);
  refit_fields (t, f);
}

void
form_fields_flush (Tui *t)
{
  Field *f = t->unstored;
  t->unstored = NULL;
  if (f != NULL)
    store (t, f);
}

static void
cycle_choice (Tui *t, Field *f, int by)
{
  g_auto (GStrv) choices = flow_choices (t->s, f->key);
  int n = choices != NULL ? (int) g_strv_length (choices) : 0, at = -1;
  if (n == 0)
    return;
  for (int i = 0; i < n; i++)
    if (strcmp (choices[i], f->text->str) == 0)
      at = i;
  at = ((at < 0 ? (by > 0 ? -1 : 0) : at) + by + n) % n;
  g_string_assign (f->text, choices[at]);
  f->cursor = g_utf8_strlen (f->text->str, -1);
  store (t, f);
}

/* The first field from FROM on with an error, or -1. */
static int
first_error (Tui *t, const Findings *findings, int from)
{
  for (int at = MAX (from, 0); at < (int) t->fields->len; at++)
    {
      const char *name = answer_key_info (((Field *) t->fields->pdata[at])->key)->name;
      for (guint j = 0; j < findings->items->len; j++)
        {
          const Finding *item = findings->items->pdata[j];
          if (item->severity == SEVERITY_ERROR && strcmp (item->key, name) == 0)
            return at;
        }
    }
  return -1;
}

/* The first error about FIELD's key, or NULL. */
static const Finding *
error_for (const Findings *findings, const Field *field)
{
  const char *name = answer_key_info (field->key)->name;
  for (guint j = 0; j < findings->items->len; j++)
    {
      const Finding *item = findings->items->pdata[j];
      if (item->severity == SEVERITY_ERROR && strcmp (item->key, name) == 0)
        return item;
    }
  return NULL;
}

/* Says what is wrong with the field at AT and puts the cursor there. */
static ViewResult
stay_at (Tui *t, int at, const Finding *item)
{
  Field *f = t->fields->pdata[at];
  t->tried = TRUE;
  t->focus = at;
  if (item != NULL)
    /* The finding itself is at the field, whole. */
    tui_set_message (t, ATTR_ERROR, _("Put %s right before going on: its note says how."),
                     flow_key_label (f->key));
  else
    tui_set_message (t, ATTR_ERROR, _("%s needs an answer: type it here."),
                     flow_key_label (f->key));
  return VIEW_STAY;
}

/* While leaving the step sets something off: Esc (or a signal) cancels. */
static gboolean
leave_idle (gpointer data)
{
  (void) data;
  Key k = screen_read_key (0);
  return k.action != ACT_QUIT && k.action != ACT_SIGNAL;
}

static ViewResult
form_next (Tui *t)
{
  g_autoptr (Findings) findings = flow_session_findings (t->s, t->step);
  Field *here = t->fields->len > 0 ? t->fields->pdata[t->focus] : NULL;
  /* An empty field the step cannot do without keeps the cursor: what is
   * typed next belongs in it, not in the field after. Its error may be on
   * a value made from it (the redirect URL from the site URL). */
  if (here != NULL && here->text->len == 0
      && (error_for (findings, here) != NULL
          || (here->key == ANSWER_SITE_URL && first_error (t, findings, 0) >= 0)))
    return stay_at (t, t->focus, error_for (findings, here));
  /* On to the next field that still needs an answer: one with an error,
   * or an empty one (a secret the rules cannot ask for). */
  for (int i = t->focus + 1; i < (int) t->fields->len; i++)
    if (((Field *) t->fields->pdata[i])->text->len == 0)
      {
        t->focus = i;
        return VIEW_STAY;
      }
  int after = first_error (t, findings, t->focus + 1);
  if (after >= 0)
    {
      t->focus = after;
      return VIEW_STAY;
    }
  int any = first_error (t, findings, 0);
  if (any >= 0)
    return stay_at (t, any, error_for (findings, t->fields->pdata[any]));
  /* What leaving the step sets off (the registration with Recall.ai). */
  g_autoptr (GPtrArray) checks = checks_new ();
  if (strcmp (t->step->id, "recall") == 0 && answers_get (t->s->a, ANSWER_RECALL_APP_ID) == NULL)
    {
      tui_set_message (t, ATTR_NORMAL, "%s",
                       _("Registering the app with Recall.ai… (Esc cancels)"));
      tui_redraw (t);
    }
  if (strcmp (t->step->id, "create") == 0 && answers_get (t->s->a, ANSWER_APP_ID) == NULL)
    {
      tui_set_message (t, ATTR_NORMAL, "%s",
                       _("Zoom checks the manifest, then creates the app…"));
      tui_redraw (t);
    }
  if (!flow_session_leave (t->s, t->step, t->o, checks, leave_idle, screen_input_fd (), t))
    {
      const Check *c = checks->len > 0 ? checks->pdata[checks->len - 1] : NULL;
      tui_set_message (t, ATTR_ERROR, "%s %s", c != NULL ? c->message : "",
                       c != NULL && c->fix != NULL ? c->fix : "");
      /* What it lacked is typed next: the first empty field. */
      for (guint i = 0; i < t->fields->len; i++)
        if (((Field *) t->fields->pdata[i])->text->len == 0)
          {
            t->focus = (int) i;
            break;
          }
      return VIEW_STAY;
    }
  const Check *done = checks_find (checks, "register");
  for (guint i = 0; i < checks->len; i++)
    if (strcmp (((const Check *) checks->pdata[i])->id, "create") == 0)
      done = checks->pdata[i]; /* the last word of the creation */
  if (done != NULL)
    {
      tui_set_message (t, ATTR_NORMAL, "%s", done->message);
      t->keep_message = TRUE;
    }
  return VIEW_NEXT;
}

/* Leaving a field, what was typed is tidied (spaces, https://, a site
 * URL's trailing /), and what changed is said. */
static void
tidy_field (Tui *t, Field *f)
{
  g_autofree char *note = NULL;
  g_autofree char *tidy = flow_tidy (f->key, f->text->str, &note);
  if (note == NULL)
    return;
  AnswerKey key = f->key; /* store may make the fields anew (refit_fields) */
  explicit_bzero (f->text->str, f->text->len);
  g_string_assign (f->text, tidy);
  f->cursor = g_utf8_strlen (f->text->str, -1);
  f->counted_bytes = G_MAXSIZE;
  store (t, f);
  /* TRANSLATORS: "Site URL: what was changed in what was typed" */
  tui_set_message (t, ATTR_NORMAL, _("%s: %s"), flow_key_label (key), note);
  t->keep_message = TRUE;
}

static ViewResult
form_key (Tui *t, Key k)
{
  Field *f = t->fields->len > 0 ? t->fields->pdata[t->focus] : NULL;
  int n = (int) t->fields->len;
  gboolean choice = f != NULL && answer_key_info (f->key)->kind == ANSWER_KIND_CHOICE;

  if (f != NULL && !choice
      && (k.action == ACT_ENTER || k.action == ACT_TAB || k.action == ACT_BACKTAB
          || k.action == ACT_UP || k.action == ACT_DOWN))
    {
      tidy_field (t, f);
      /* The fields may have changed with it (refit_fields). */
      f = t->fields->len > 0 ? t->fields->pdata[t->focus] : NULL;
    }

  if (tui_move_focus (t, k, n))
    return VIEW_STAY;
  switch (k.action)
    {
    case ACT_ENTER:
      return form_next (t);
    case ACT_REVEAL:
      t->reveal = !t->reveal;
      return VIEW_STAY;
    case ACT_COPY:
      if (f != NULL)
        tui_copy (t, flow_key_label (f->key), f->text->str);
      return VIEW_STAY;
    default:
      break;
    }
  if (f == NULL)
    return VIEW_STAY;
  if (choice)
    {
      if (k.action == ACT_LEFT || k.action == ACT_RIGHT
          || (k.action == ACT_CHAR && k.ch == ' '))
        cycle_choice (t, f, k.action == ACT_LEFT ? -1 : 1);
      return VIEW_STAY;
    }
  if (k.action == ACT_CHAR && f->text->len >= FIELD_MAX_CHARS
      && field_chars (f) >= FIELD_MAX_CHARS)
    {
      tui_set_message (t, ATTR_ERROR,
                       _("%s takes at most %d characters; what came after them was "
                         "left out."),
                       flow_key_label (f->key), FIELD_MAX_CHARS);
      return VIEW_STAY;
    }
  if (t->unstored == NULL)
    {
      tui_set_message (t, ATTR_NORMAL, NULL);
      t->keep_message = FALSE;
    }
  if (field_edit (f, k) && k.action != ACT_LEFT && k.action != ACT_RIGHT
      && k.action != ACT_HOME && k.action != ACT_END)
    {
      /* More keys waiting (a paste): the session takes them all at once. */
      t->unstored = f;
      if (!screen_input_pending ())
        form_fields_flush (t);
    }
  return VIEW_STAY;
}

const View view_form = {
  form_enter, form_draw, form_key,
  N_(" Enter next  Tab/↑↓ field  ^G more  ^P back  ^R show  ^Y copy  Esc quit"), NULL, FALSE
};
