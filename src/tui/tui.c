/* tui.c - see tui.h: the loop that moves between the views, the frame
 * around them (header with "Step N of M", footer with the keys), quitting,
 * resuming, and signals.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "tui.h"
#include "view.h"
#include "store/keyring.h"
#include "store/resume.h"

#include <signal.h>
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>

void
tui_set_message (Tui *t, ScreenAttr attr, const char *format, ...)
{
  va_list ap;
  g_clear_pointer (&t->message, g_free);
  if (format == NULL)
    return;
  va_start (ap, format);
  t->message = g_strdup_vprintf (format, ap);
  va_end (ap);
  t->message_attr = attr;
}

static const View *
view_for (Tui *t, const FlowStep *s)
{
  if (s->kind == FLOW_STEP_LIVE)
    return &view_live;
  if (s->kind == FLOW_STEP_SAVE)
    return &view_save;
  if (strcmp (s->id, "scopes") == 0)
    return &view_scopes;
  guint asked = 0;
  AnswerKey only = ANSWER_N_KEYS;
  for (const AnswerKey *k = s->keys; *k != ANSWER_N_KEYS; k++)
    if (flow_asks (s, *k, t->s->a, t->s->preset))
      {
        asked++;
        only = *k;
      }
  if (asked == 1 && flow_key_is_choice (only))
    return &view_choice;
  return &view_form;
}

static void
enter (Tui *t, const FlowStep *s)
{
  t->step = s;
  t->focus = 0;
  t->top = 0;
  t->tried = FALSE;
  t->reveal = FALSE;
  if (!t->keep_message)
    tui_set_message (t, ATTR_NORMAL, NULL);
  t->keep_message = FALSE;
  form_fields_clear (t);
  t->view = view_for (t, s);
  t->view->enter (t);
}

char *
tui_finding_text (const Finding *f)
{
  return g_strdup_printf ("%s %s%s%s",
                          f->severity == SEVERITY_ERROR ? screen_symbol_fail () : "!",
                          f->message, f->fix != NULL ? " " : "", f->fix != NULL ? f->fix : "");
}

/* The answers so far, for the next start (never a secret). */
static void
keep_for_resume (Tui *t, const FlowStep *at)
{
  g_autoptr (GError) error = NULL;
  if (!resume_save (t->s->a, at->id, &error))
    tui_set_message (t, ATTR_WARNING, _("Your answers could not be kept for later: %s"),
                     error->message);
}

/* The lines of the Marketplace guide at this step (NULL-terminated). */
static char **
step_guide (Tui *t)
{
  return flow_step_guide (t->step, t->s->a, t->s->preset, profile_secrets_at (t->store));
}

/* Everything ^G shows: the guide of this step, then every finding and
 * check whole, with its fix; on the finish screen, its text. */
static char *
details_text (Tui *t)
{
  /* Saved: the finish screen's text, whole. */
  if (t->view == &view_finish && t->finish_text != NULL)
    return g_strdup (t->finish_text);
  GString *s = g_string_new (NULL);
  g_auto (GStrv) guide = step_guide (t);
  if (guide[0] != NULL)
    {
      g_string_append_printf (s, "%s\n", flow_guide_label (t->step));
      for (char **l = guide; *l != NULL; l++)
        g_string_append_printf (s, "- %s\n", *l);
    }
  if (t->step->kind == FLOW_STEP_ASK)
    {
      g_autoptr (Findings) f = flow_session_findings (t->s, t->step);
      for (guint i = 0; i < f->items->len; i++)
        {
          const Finding *item = f->items->pdata[i];
          g_string_append_printf (s, "\n%s %s: %s\n",
                                  item->severity == SEVERITY_ERROR ? _("Error") : _("Warning"),
                                  item->key, item->message);
          if (item->fix != NULL)
            g_string_append_printf (s, "  %s %s\n", _("Fix:"), item->fix);
        }
    }
  for (guint i = 0; t->verification != NULL && i < t->verification->checks->len; i++)
    {
      const Check *c = t->verification->checks->pdata[i];
      if (c->status == CHECK_PASS)
        continue;
      g_string_append_printf (s, "\n%s %s: %s\n",
                              c->status == CHECK_FAIL ? _("Failed") : _("Skipped"), c->id,
                              c->message);
      if (c->fix != NULL)
        g_string_append_printf (s, "  %s %s\n", _("Fix:"), c->fix);
    }
  if (t->message != NULL)
    g_string_append_printf (s, "\n%s\n", t->message);
  if (s->len == 0)
    g_string_append (s, _("Nothing more to read at this step."));
  return g_string_free (s, FALSE);
}

void
tui_pager (Tui *t G_GNUC_UNUSED, const char *title, const char *text)
{
  int top = 0;
  for (;;)
    {
      int cols = screen_cols (), lines = screen_lines ();
      g_auto (GStrv) wrapped = screen_wrap_lines (text, cols - 4);
      int n = (int) g_strv_length (wrapped), fit = MAX (1, lines - 5);
      top = CLAMP (top, 0, MAX (0, n - fit));
      if (!screen_too_small ())
        {
          screen_erase ();
          screen_put (0, 0, cols, ATTR_BAR, TRUE, " zoomwiz");
          screen_put (2, 1, cols - 2, ATTR_TITLE, FALSE, title);
          for (int i = 0; i < fit && top + i < n; i++)
            screen_put (3 + i, 2, cols - 4, ATTR_NORMAL, FALSE, wrapped[top + i]);
          g_autofree char *where = g_strdup_printf (
              /* TRANSLATORS: the pager's footer: the lines shown, of how many. */
              _(" ↑↓ PgUp/PgDn scroll  Esc back   lines %d-%d of %d"), n > 0 ? top + 1 : 0,
              MIN (top + fit, n), n);
          screen_put (lines - 1, 0, cols, ATTR_BAR, TRUE, where);
          screen_cursor (-1, -1);
          screen_update ();
        }
      Key k = screen_read_key (-1);
      switch (k.action)
        {
        case ACT_UP: top--; break;
        case ACT_DOWN: top++; break;
        case ACT_PAGE_UP: top -= fit - 1; break;
        case ACT_PAGE_DOWN: top += fit - 1; break;
        case ACT_HOME: top = 0; break;
        case ACT_END: top = n; break;
        case ACT_CHAR:
          if (k.ch == 'q')
            return;
          break;
        case ACT_QUIT:
        case ACT_ENTER:
        case ACT_DETAILS:
        case ACT_SIGNAL:
          return;
        default:
          break;
        }
    }
}

/* The guide of this step, under its help: at most MAX lines; the rest is
 * said to be on ^G. Returns the lines used. */
static int
draw_guide (Tui *t, int y, int max)
{
  int cols = screen_cols ();
  g_auto (GStrv) guide = step_guide (t);
  if (guide[0] == NULL || max < 2)
    return 0;
  GString *all = g_string_new (NULL);
  for (char **l = guide; *l != NULL; l++)
    g_string_append_printf (all, "%s• %s", all->len ? "\n" : "", *l);
  int lw = screen_put (y, 1, cols - 2, ATTR_TITLE, FALSE, flow_guide_label (t->step)) + 2;
  g_auto (GStrv) wrapped = screen_wrap_lines (all->str, cols - 2 - lw);
  g_string_free (all, TRUE);
  int n = (int) g_strv_length (wrapped);
  for (int i = 0; i < n && i < max; i++)
    {
      if (i < max - 1 || n <= max)
        {
          screen_put (y + i, 1 + lw, cols - 2 - lw, ATTR_NORMAL, FALSE, wrapped[i]);
          continue;
        }
      /* The last line makes room for where the rest is. */
      /* TRANSLATORS: ends a guide cut short; ^G shows it whole. */
      g_autofree char *more = g_strdup_printf ("… %s", _("(^G: all of it)"));
      g_autofree char *rest = g_strjoinv (" ", wrapped + i);
      g_auto (GStrv) fit = screen_wrap_lines (rest, cols - 3 - lw - screen_width_of (more));
      g_autofree char *line = g_strdup_printf ("%s %s", fit[0], more);
      screen_put (y + i, 1 + lw, cols - 2 - lw, ATTR_NORMAL, FALSE, line);
    }
  return MIN (n, max);
}

static void
draw_frame (Tui *t)
{
  int cols = screen_cols (), lines = screen_lines ();
  guint total, at = flow_position (t->step, t->s->a, t->s->preset, &total);

  screen_erase ();
  t->cursor_y = t->cursor_x = -1;
  g_autofree char *left = t->s->preset != NULL
                              ? g_strdup_printf (" zoomwiz · %s", t->s->preset->title)
                              : g_strdup (" zoomwiz");
  /* TRANSLATORS: at the right of the header line. */
  g_autofree char *right = g_strdup_printf (_("Step %u of %u"), at, total);
  int rw = screen_width_of (right) + 1;
  screen_put (0, 0, cols - rw, ATTR_BAR, TRUE, left);
  screen_put (0, cols - rw, rw, ATTR_BAR, TRUE, right);

  int y = 2;
  screen_put (y++, 1, cols - 2, ATTR_TITLE, FALSE, _(t->step->title));
  y += screen_wrap (y, 1, cols - 2, 3, ATTR_DIM, _(t->step->help));
  if (flow_step_note (t->step) != NULL)
    y += screen_wrap (y, 1, cols - 2, 2, ATTR_WARNING, _(flow_step_note (t->step)));
  /* The guide gets a third of the screen (more on a tall one); half at
   * "Create the app", whose guide is what Zoom gets and whose form is the
   * three lines of the contact. */
  gboolean create = strcmp (t->step->id, "create") == 0;
  y += draw_guide (t, y, MAX (3, create ? lines / 2 - 3 : lines / 3 - 2));
  int bottom = lines - 3;
  t->view->draw (t, y + 1, bottom);
  if (t->message != NULL)
    screen_wrap (lines - 3, 1, cols - 2, 2, t->message_attr, t->message);
  screen_put (lines - 1, 0, cols, ATTR_BAR, TRUE,
              t->view->footer_for != NULL ? t->view->footer_for (t) : _(t->view->footer));
  screen_cursor (t->cursor_y, t->cursor_x);
  screen_update ();
}

static void
draw (Tui *t)
{
  if (!screen_too_small ())
    draw_frame (t);
}

gboolean
tui_move_focus (Tui *t, Key k, int n)
{
  int by = k.action == ACT_UP || k.action == ACT_BACKTAB ? -1
           : k.action == ACT_DOWN || k.action == ACT_TAB ? 1 : 0;
  if (by == 0)
    return FALSE;
  t->focus = CLAMP (t->focus + by, 0, MAX (n - 1, 0));
  return TRUE;
}

void
tui_scroll_to_focus (Tui *t, int fit)
{
  if (t->focus < t->top)
    t->top = t->focus;
  if (t->focus >= t->top + fit)
    t->top = t->focus - fit + 1;
}

void
tui_redraw (Tui *t)
{
  draw (t);
}

/* Asks before quitting; TRUE to quit. */
static gboolean
confirm_quit (Tui *t)
{
  for (;;)
    {
      draw (t);
      if (!screen_too_small ())
        {
          int cols = screen_cols (), w = MIN (cols - 4, 60), x = (cols - w) / 2;
          int y = screen_lines () / 2 - 3;
          for (int i = 0; i < 6; i++)
            screen_put (y + i, x, w, ATTR_SELECTED, TRUE, "");
          screen_put (y + 1, x + 2, w - 4, ATTR_SELECTED, FALSE, _("Quit zoomwiz?"));
          screen_wrap (y + 2, x + 2, w - 4, 2, ATTR_SELECTED,
                       _("Your answers are kept (never the secrets), and the next "
                         "start offers to go on from here."));
          screen_put (y + 4, x + 2, w - 4, ATTR_SELECTED, FALSE,
                      _("y quit · n stay"));
          screen_cursor (-1, -1);
          screen_update ();
        }
      Key k = screen_read_key (-1);
      if (k.action == ACT_RESIZE || k.action == ACT_NONE)
        continue;
      if (k.action == ACT_SIGNAL)
        return TRUE;
      /* TRANSLATORS: the key that answers yes besides y: to "Quit zoomwiz?",
       * and to the line mode's [Y/n] questions. */
      const char *yes = _("y");
      return k.action == ACT_CHAR && (k.ch == 'y' || k.ch == 'Y' || k.ch == g_utf8_get_char (yes));
    }
}

/* A question with two answers on a screen of its own: TITLE, TEXT, a
 * dimmer NOTE (may be NULL). 0 or 1 for the item taken; -1 when Esc or a
 * signal ended it (t->status says which). */
static int
ask_choice (Tui *t, const char *title, const char *text, const char *note,
            const char *const items[2])
{
  int choice = 0;
  for (;;)
    {
      if (!screen_too_small ())
        {
          int cols = screen_cols (), lines = screen_lines (), y = 2;
          screen_erase ();
          screen_put (0, 0, cols, ATTR_BAR, TRUE, " zoomwiz");
          screen_put (y++, 1, cols - 2, ATTR_TITLE, FALSE, title);
          /* The text whole where the screen has room (a loader's message
           * names a file and the fix): all but the title, the note, the
           * two items and the bars; never fewer than 4 lines. */
          y += screen_wrap (y, 1, cols - 2, MAX (4, lines - 12), ATTR_NORMAL, text);
          if (note != NULL)
            y += screen_wrap (y, 1, cols - 2, 4, ATTR_DIM, note);
          y++;
          for (int i = 0; i < 2; i++)
            {
              g_autofree char *line = g_strdup_printf ("%s %s", i == choice ? ">" : " ",
                                                       items[i]);
              screen_put (y + i, 2, cols - 4, i == choice ? ATTR_SELECTED : ATTR_NORMAL,
                          TRUE, line);
            }
          screen_put (lines - 1, 0, cols, ATTR_BAR, TRUE,
                      _(" ↑↓ choose  Enter take  Esc quit"));
          screen_cursor (-1, -1);
          screen_update ();
        }
      Key k = screen_read_key (-1);
      if (k.action == ACT_UP || k.action == ACT_DOWN)
        choice = 1 - choice;
      else if (k.action == ACT_SIGNAL || k.action == ACT_QUIT)
        {
          t->status = k.action == ACT_SIGNAL ? 128 + screen_signal () : TUI_EXIT_QUIT;
          return -1;
        }
      else if (k.action == ACT_ENTER)
        return choice;
    }
}

/* Offers the answers of a wizard left unfinished. TRUE when taken: the
 * session and *STEP are set from them. */
static gboolean
offer_resume (Tui *t, const FlowStep **step)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *step_id = NULL;
  Answers *a = resume_load (&step_id, &error);
  if (a == NULL)
    return FALSE;
  const FlowStep *at = step_id != NULL ? flow_step_by_id (step_id) : NULL;
  g_autofree char *path = resume_path ();
  struct stat st;
  g_autofree char *when = NULL;
  if (stat (path, &st) == 0)
    {
      g_autoptr (GDateTime) d = g_date_time_new_from_unix_local (st.st_mtime);
      when = g_date_time_format (d, "%Y-%m-%d %H:%M");
    }
  const char *preset = answers_get (a, ANSWER_PRESET);
  /* TRANSLATORS: "Left on 2026-12-03 08:42 at the step Scopes, for
   * mattermost-account." (or "your own app"). */
  g_autofree char *what = g_strdup_printf (_("Left on %s at the step %s, for %s."),
                                           when ? when : "?", at != NULL ? _(at->title) : "?",
                                           preset ? preset : _("your own app"));
  const char *items[] = { _("Go on where I left off"), _("Start over") };
  int choice = ask_choice (t, _("An unfinished set-up"), what,
                           _("Secrets were not kept: type them again. Secrets zoomwiz "
                             "generated are made anew: paste the URLs that hold them "
                             "into Zoom again."),
                           items);
  if (choice < 0)
    {
      answers_free (a);
      return FALSE;
    }
  if (choice == 1)
    {
      answers_free (a);
      g_clear_error (&error);
      resume_clear (NULL);
      return FALSE;
    }
  /* The resumed answers replace those given; the preset is set again. */
  flow_session_free (t->s);
  t->s = flow_session_new (a);
  flow_session_offer_builders (t->s);
  if (preset != NULL)
    flow_session_set (t->s, ANSWER_PRESET, answers_get (a, ANSWER_PRESET), NULL);
  if (at != NULL && flow_step_applies (at, t->s->a, t->s->preset))
    *step = at;
  return TRUE;
}

/* Before the first step that asks a secret: does a keyring answer? When
 * none does, the admin chooses the 0600 file store now, before typing a
 * secret, or quits (the answers kept). FALSE when quitting. */
static gboolean
keyring_known (Tui *t, const FlowStep *to)
{
  if (t->keyring_checked || t->store != SECRET_STORE_KEYRING || to == NULL
      || !flow_asks_secret (to, t->s->a, t->s->preset))
    return TRUE;
  t->keyring_checked = TRUE;
  g_autoptr (GError) error = NULL;
  if (keyring_answers (&error))
    return TRUE;
  g_autofree char *why = flow_no_keyring_text (error->message);
  const char *items[] = { _("Keep them in a file only I can read (0600), beside the profile"),
                          _("Quit; start again where a keyring runs") };
  int choice = ask_choice (t, _("Where the secrets go"), why,
                           _("In a desktop session GNOME Keyring or KeePassXC keeps them; "
                             "on a server the file is the usual place."),
                           items);
  if (choice == 0)
    {
      t->store = SECRET_STORE_FILE;
      tui_set_message (t, ATTR_NORMAL, "%s",
                       _("The secrets will be kept in a 0600 file beside the profile."));
      return TRUE;
    }
  if (choice == 1)
    t->status = TUI_EXIT_QUIT;
  return FALSE;
}

/* A key that edits the focused field in place (no store needed before it). */
static gboolean
is_edit (Key k)
{
  switch (k.action)
    {
    case ACT_CHAR:
    case ACT_BACKSPACE:
    case ACT_DELETE:
    case ACT_KILL_LINE:
    case ACT_LEFT:
    case ACT_RIGHT:
    case ACT_HOME:
    case ACT_END:
      return TRUE;
    default:
      return FALSE;
    }
}

static int
run (Tui *t)
{
  const FlowStep *first = flow_next (NULL, t->s->a, t->s->preset);
  if (t->o->resume)
    {
      offer_resume (t, &first);
      if (t->status != 0)
        return t->status;
      if (first == NULL || !flow_step_applies (first, t->s->a, t->s->preset))
        first = flow_next (NULL, t->s->a, t->s->preset);
    }
  enter (t, first);
  if (!keyring_known (t, first))
    {
      keep_for_resume (t, first);
      return t->status;
    }
  for (;;)
    {
      /* Keys still waiting (a paste) are all taken before the screen is
         drawn again: a paste costs its length, not its length squared. */
      if (!screen_input_pending ())
        {
          form_fields_flush (t);
          draw (t);
        }
      Key k = screen_read_key (-1);
      if (k.action == ACT_NONE || k.action == ACT_RESIZE)
        continue;
      if (!is_edit (k))
        form_fields_flush (t);
      if (k.action == ACT_DETAILS && !screen_too_small ())
        {
          g_autofree char *text = details_text (t);
          tui_pager (t, _(t->step->title), text);
          continue;
        }
      if (k.action == ACT_SIGNAL)
        {
          keep_for_resume (t, t->step);
          return 128 + screen_signal ();
        }
      /* Esc and ^P mean the same on every step. */
      ViewResult r = k.action == ACT_QUIT && !t->view->own_quit_back   ? VIEW_QUIT
                     : k.action == ACT_BACK && !t->view->own_quit_back ? VIEW_BACK
                     : screen_too_small ()                             ? VIEW_STAY
                                                                       : t->view->key (t, k);
      const FlowStep *to = NULL;
      switch (r)
        {
        case VIEW_STAY:
          continue;
        case VIEW_NEXT:
          to = flow_next (t->step, t->s->a, t->s->preset);
          break;
        case VIEW_BACK:
          to = flow_prev (t->step, t->s->a, t->s->preset);
          if (to == NULL)
            {
              tui_set_message (t, ATTR_NORMAL, "%s", _("This is the first step."));
              continue;
            }
          break;
        case VIEW_JUMP:
          to = t->jump;
          break;
        case VIEW_QUIT:
          if (confirm_quit (t))
            {
              keep_for_resume (t, t->step);
              return screen_signal () != 0 ? 128 + screen_signal () : TUI_EXIT_QUIT;
            }
          continue;
        case VIEW_DONE:
          resume_clear (NULL);
          return t->status;
        }
      if (to == NULL)
        return t->status;
      keep_for_resume (t, to);
      enter (t, to);
      if (!keyring_known (t, to))
        return t->status;
    }
}

int
tui_run (const SetupOptions *o, GError **error)
{
  if (!screen_open (error))
    return -1;
  Tui t = { .o = o, .s = flow_session_new (o->answers), .cursor_y = -1,
            .store = o->secret_store };
  t.fields = g_ptr_array_new ();
  flow_session_offer_builders (t.s);
  const char *preset = answers_get (t.s->a, ANSWER_PRESET);
  g_autoptr (GError) preset_error = NULL;
  if (preset != NULL && !flow_session_set (t.s, ANSWER_PRESET, preset, &preset_error))
    tui_set_message (&t, ATTR_ERROR, "%s", preset_error->message);

  int status = run (&t);
  screen_close ();

  form_fields_clear (&t);
  g_ptr_array_unref (t.fields);
  if (t.rows != NULL)
    g_ptr_array_unref (t.rows);
  if (t.filter != NULL)
    g_string_free (t.filter, TRUE);
  g_clear_pointer (&t.verification, verification_free);
  g_free (t.message);
  g_free (t.saved_profile);
  g_free (t.saved_export);
  if (t.finish_text != NULL)
    {
      /* What the last screen showed stays on the terminal. */
      g_autofree char *shown = screen_text_for_terminal (t.finish_text);
      fputs (shown, stdout);
      g_free (t.finish_text);
    }
  flow_session_free (t.s);
  return status;
}
