/* view_choice.c - a step that asks one choice: the integration, the app
 * type, the management type, the credentials' environment. One line per
 * option with its line of help; Enter takes the one under the cursor.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "view.h"

#include <string.h>

/* The step's one key. */
static AnswerKey
choice_key (Tui *t)
{
  for (const AnswerKey *k = t->step->keys; *k != ANSWER_N_KEYS; k++)
    if (flow_asks (t->step, *k, t->s->a, t->s->preset))
      return *k;
  return ANSWER_N_KEYS;
}

/* The choices and their labels, made once a step (a preset's title means
 * reading its file). */
static char **choices_cached, **labels_cached;

static void
choice_enter (Tui *t)
{
  AnswerKey key = choice_key (t);
  g_clear_pointer (&choices_cached, g_strfreev);
  g_clear_pointer (&labels_cached, g_strfreev);
  choices_cached = flow_choices (t->s, key);
  guint n = choices_cached != NULL ? g_strv_length (choices_cached) : 0;
  labels_cached = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    labels_cached[i] = flow_choice_label (key, choices_cached[i]);
  char **choices = choices_cached;
  const char *now = answers_get (t->s->a, key);
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    if (g_strcmp0 (choices[i], now) == 0)
      t->focus = (int) i;
}

static void
choice_draw (Tui *t, int top, int bottom)
{
  AnswerKey key = choice_key (t);
  char **choices = choices_cached;
  int cols = screen_cols (), n = choices != NULL ? (int) g_strv_length (choices) : 0;
  int idw = 0, fit = MAX (1, bottom - top - 2);
  const char *now = answers_get (t->s->a, key);

  for (int i = 0; i < n; i++)
    idw = MAX (idw, screen_width_of (choices[i]));
  tui_scroll_to_focus (t, fit);
  for (int i = t->top; i < n && i < t->top + fit; i++)
    {
      int y = top + i - t->top;
      gboolean here = i == t->focus;
      ScreenAttr attr = here ? ATTR_SELECTED : ATTR_NORMAL;
      g_autofree char *line = g_strdup_printf ("%s %d  %-*s  %s",
                                               g_strcmp0 (choices[i], now) == 0 ? "●" : " ",
                                               i + 1, idw, choices[i], labels_cached[i]);
      screen_put (y, 2, cols - 4, attr, TRUE, line);
    }
  g_autoptr (Findings) findings = flow_session_findings (t->s, t->step);
  if (findings->items->len > 0)
    {
      const Finding *f = findings->items->pdata[0];
      g_autofree char *text = tui_finding_text (f);
      screen_wrap (bottom - 2, 2, cols - 4, 2,
                   f->severity == SEVERITY_ERROR ? ATTR_ERROR : ATTR_WARNING, text);
    }
}

static ViewResult
take (Tui *t, const char *value)
{
  g_autoptr (GError) error = NULL;
  if (!flow_session_set (t->s, choice_key (t), value, &error))
    {
      tui_set_message (t, ATTR_ERROR, "%s", error->message);
      return VIEW_STAY;
    }
  g_autoptr (Findings) findings = flow_session_findings (t->s, t->step);
  if (findings_count (findings, SEVERITY_ERROR) > 0)
    return VIEW_STAY; /* shown under the list */
  return VIEW_NEXT;
}

static ViewResult
choice_key_press (Tui *t, Key k)
{
  char **choices = choices_cached;
  int n = choices != NULL ? (int) g_strv_length (choices) : 0;
  switch (k.action)
    {
    case ACT_LEFT:
      return VIEW_BACK;
    case ACT_UP:
    case ACT_BACKTAB:
      t->focus = (t->focus + n - 1) % MAX (n, 1);
      return VIEW_STAY;
    case ACT_DOWN:
    case ACT_TAB:
      t->focus = (t->focus + 1) % MAX (n, 1);
      return VIEW_STAY;
    case ACT_HOME:
      t->focus = 0;
      return VIEW_STAY;
    case ACT_END:
      t->focus = MAX (n - 1, 0);
      return VIEW_STAY;
    case ACT_ENTER:
    case ACT_RIGHT:
      return n > 0 ? take (t, choices[t->focus]) : VIEW_STAY;
    case ACT_CHAR:
      if (k.ch == 'q')
        return VIEW_QUIT;
      if (k.ch >= '1' && k.ch <= '9' && (int) (k.ch - '1') < n)
        {
          t->focus = (int) (k.ch - '1');
          return take (t, choices[t->focus]);
        }
      return VIEW_STAY;
    default:
      return VIEW_STAY;
    }
}

const View view_choice = { choice_enter, choice_draw, choice_key_press,
                           N_(" ↑↓ choose  Enter take  ^G more  ^P/← back  q quit"), NULL, FALSE };
