/* view_live.c - the live test: the checks run against Zoom (and the event
 * endpoint) while the screen stays live, each shown as it ends; Esc
 * cancels. A failure shows its diagnosis and fix, and f goes back to the
 * step where it is put right.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "view.h"

#include "net/oauth.h"

#include <string.h>

typedef struct
{
  Tui *t;
  const GPtrArray *checks; /* while running: the checks so far */
  gboolean running;
  gboolean cancelled;      /* Esc: every later request is cancelled too */
  guint tick;
  char *authorize_url;     /* the authorization flow's URL to open */
  const char *redirect_uri; /* where Zoom sends the browser back */
  Field *landing;          /* pasting: the address the browser landed on */
} Live;

static Live live;

static void
draw_checks (const GPtrArray *checks, int top, int bottom)
{
  int cols = screen_cols (), y = top, idw = 12;
  for (guint i = 0; checks != NULL && i < checks->len; i++)
    idw = MAX (idw, screen_width_of (((const Check *) checks->pdata[i])->id));
  idw = MIN (idw, 22);
  for (guint i = 0; checks != NULL && i < checks->len && y < bottom; i++)
    {
      const Check *c = checks->pdata[i];
      const char *sym = c->status == CHECK_PASS ? screen_symbol_pass ()
                        : c->status == CHECK_FAIL ? screen_symbol_fail () : "-";
      const char *word = c->status == CHECK_PASS ? _("pass")
                         : c->status == CHECK_FAIL ? _("fail") : _("skip");
      ScreenAttr attr = c->status == CHECK_PASS ? ATTR_OK
                        : c->status == CHECK_FAIL ? ATTR_ERROR : ATTR_DIM;
      g_autofree char *head = g_strdup_printf ("%s %-4s", sym, word);
      int hw = screen_put (y, 2, 8, attr, FALSE, head);
      (void) hw;
      screen_put (y, 10, idw, ATTR_TITLE, FALSE, c->id);
      int x = 10 + idw + 1;
      y += screen_wrap (y, x, cols - x - 2, MAX (1, bottom - y), ATTR_NORMAL, c->message);
      if (c->status == CHECK_FAIL && c->fix != NULL && y < bottom)
        {
          g_autofree char *fix = g_strdup_printf (_("fix: %s"), c->fix);
          y += screen_wrap (y, x, cols - x - 2, MAX (1, bottom - y), ATTR_WARNING, fix);
        }
    }
}

static void
live_draw (Tui *t, int top, int bottom)
{
  const GPtrArray *checks = live.running ? live.checks
                            : t->verification != NULL ? t->verification->checks : NULL;
  if (t->o->skip_live_test || t->o->verify == NULL)
    {
      screen_wrap (top, 2, screen_cols () - 4, 3, ATTR_DIM,
                   _("Skipped (--no-test); run 'zoomwiz verify --profile NAME' later."));
      return;
    }
  int end = bottom - 1;
  if (live.running && live.authorize_url != NULL)
    {
      /* The URL to open, whole, below the checks; when pasting, then the
       * field for the address the browser lands on. */
      int cols = screen_cols ();
      const char *open = live.landing != NULL
          ? _("Open this address in a browser on any machine and allow the app (^Y "
              "copies it):")
          : _("Open this address in a browser on this machine and allow the app (^Y "
              "copies it):");
      g_autofree char *then = live.landing != NULL
          ? g_strdup_printf (_("Zoom then sends the browser to %s. Paste the whole address "
                               "it lands on here and press Enter:"),
                             live.redirect_uri)
          : g_strdup_printf (_("The app's OAuth allow list needs %s (Development)."),
                             OAUTH_LOOPBACK_ALLOW_URL);
      g_auto (GStrv) open_lines = screen_wrap_lines (open, cols - 4);
      g_auto (GStrv) url_lines = screen_wrap_lines (live.authorize_url, cols - 4);
      g_auto (GStrv) then_lines = screen_wrap_lines (then, cols - 4);
      int n_open = (int) g_strv_length (open_lines), n_url = (int) g_strv_length (url_lines);
      int n_then = (int) g_strv_length (then_lines);
      int y = MAX (top, bottom - 2 - n_open - n_url - n_then - (live.landing != NULL));
      end = y;
      y += screen_wrap (y, 2, cols - 4, n_open, ATTR_TITLE, open);
      y += screen_wrap (y, 2, cols - 4, n_url, ATTR_NORMAL, live.authorize_url);
      y += screen_wrap (y, 2, cols - 4, n_then, live.landing != NULL ? ATTR_TITLE : ATTR_DIM,
                        then);
      if (live.landing != NULL)
        field_draw (t, live.landing, y, 2, cols - 4, TRUE);
    }
  draw_checks (checks, top, end);
  if (live.running && live.landing == NULL)
    {
      static const char *const spin[] = { "|", "/", "-", "\\" };
      g_autofree char *line = g_strdup_printf ("%s %s", spin[live.tick % 4],
                                               _("Asking Zoom… (Esc cancels)"));
      screen_put (bottom - 1, 2, screen_cols () - 4, ATTR_DIM, FALSE, line);
    }
}

/* Called by the network loop: draws the checks so far, reads a key. */
static gboolean
idle (const GPtrArray *checks, gpointer data)
{
  Tui *t = data;
  live.checks = checks;
  live.tick++;
  tui_redraw (t);
  Key k = screen_read_key (0);
  if (k.action == ACT_COPY && live.authorize_url != NULL)
    tui_copy (t, _("The address"), live.authorize_url);
  if (k.action == ACT_QUIT && !live.cancelled)
    {
      tui_set_message (t, ATTR_WARNING, "%s", _("Cancelled."));
      live.cancelled = TRUE;
    }
  return k.action != ACT_SIGNAL && !live.cancelled;
}

static void
show_authorize_url (const char *url, const char *redirect_uri, gpointer data)
{
  g_free (live.authorize_url);
  live.authorize_url = g_strdup (url);
  live.redirect_uri = redirect_uri;
  tui_redraw (data);
}

/* Pasting (a browser on another machine, over SSH): the address the
 * browser landed on, typed or pasted into a field under the URL to open;
 * NULL when Esc or a signal ended it. */
static char *
read_landing_url (gpointer data)
{
  Tui *t = data;
  Field f = { .key = ANSWER_N_KEYS, .text = g_string_new (NULL) };
  char *landing = NULL;
  glong chars = 0;
  live.landing = &f;
  tui_set_message (t, ATTR_NORMAL, NULL);
  for (;;)
    {
      if (!screen_input_pending ())
        tui_redraw (t);
      Key k = screen_read_key (-1);
      if (k.action == ACT_ENTER)
        {
          landing = g_strdup (f.text->str);
          break;
        }
      if (k.action == ACT_QUIT || k.action == ACT_SIGNAL)
        {
          tui_set_message (t, ATTR_WARNING, "%s", _("Cancelled."));
          live.cancelled = TRUE;
          break;
        }
      if (k.action == ACT_COPY)
        tui_copy (t, _("The address"), live.authorize_url);
      else if (k.action == ACT_CHAR && chars >= FIELD_MAX_CHARS)
        tui_set_message (t, ATTR_ERROR, _("That is more than %d characters: the address "
                                          "the browser shows is shorter."),
                         FIELD_MAX_CHARS);
      else if (field_edit (&f, k))
        chars = g_utf8_strlen (f.text->str, -1);
    }
  live.landing = NULL;
  g_string_free (f.text, TRUE);
  return landing;
}

/* AUTHORIZE: with a user's authorization, PASTE: by pasting the address
 * the browser lands on instead of listening on this machine. */
static void
run (Tui *t, gboolean authorize, gboolean paste)
{
  g_clear_pointer (&t->verification, verification_free);
  t->live_failed = FALSE;
  if (t->o->skip_live_test || t->o->verify == NULL)
    return;
  VerifyOptions o = *t->o->verify;
  o.idle = idle;
  o.idle_fd = screen_input_fd ();
  /* This screen's key, not the command line's flag. */
  o.authorize_hint = _("Needs a user's authorization: press a to authorize in a browser "
                       "here, or p to paste the address a browser elsewhere lands on.");
  o.idle_data = t;
  o.authorize = authorize;
  o.paste = paste;
  o.authorize_wait_s = 300;
  o.show_authorize_url = show_authorize_url;
  o.read_landing_url = read_landing_url;
  o.ui_data = t;
  live.t = t;
  live.running = TRUE;
  live.cancelled = FALSE;
  live.checks = NULL;
  tui_set_message (t, ATTR_NORMAL, NULL);
  t->verification = flow_session_verify (t->s, &o);
  /* The allow list needed the listener's URL: the finish says to take it
   * off again. */
  t->s->loopback_used |= authorize && !paste;
  live.running = FALSE;
  g_clear_pointer (&live.authorize_url, g_free);
  int status = verification_exit_status (t->verification);
  t->live_failed = status != 0;
  if (!live.cancelled)
    tui_set_message (t, status == 0 ? ATTR_OK : ATTR_ERROR, "%s",
                     status == 0 ? _("Every check passed. Enter goes on to saving.")
                                 : _("A check failed: f goes to the step to put it right, "
                                     "r tests again, Enter saves anyway."));
}

static void
live_enter (Tui *t)
{
  run (t, FALSE, FALSE);
}

/* An OAuth app's checks need a user: the authorization flow gets one. */
static gboolean
can_authorize (Tui *t)
{
  return answers_app_type (t->s->a) != APP_TYPE_S2S && !t->o->skip_live_test
         && t->o->verify != NULL;
}

static const Check *
first_failure (Tui *t)
{
  for (guint i = 0; t->verification != NULL && i < t->verification->checks->len; i++)
    {
      const Check *c = t->verification->checks->pdata[i];
      if (c->status == CHECK_FAIL)
        return c;
    }
  return NULL;
}

static ViewResult
live_key (Tui *t, Key k)
{
  switch (k.action)
    {
    case ACT_ENTER:
      return VIEW_NEXT;
    case ACT_CHAR:
      if (k.ch == 'r')
        run (t, FALSE, FALSE);
      else if (k.ch == 'a' && can_authorize (t))
        run (t, TRUE, FALSE);
      else if (k.ch == 'p' && can_authorize (t))
        run (t, TRUE, TRUE);
      else if (k.ch == 'q')
        return VIEW_QUIT;
      else if (k.ch == 'f' && first_failure (t) != NULL)
        {
          t->jump = flow_step_for_check (first_failure (t)->id);
          return VIEW_JUMP;
        }
      return VIEW_STAY;
    default:
      return VIEW_STAY;
    }
}

static const char *
live_footer (Tui *t)
{
  if (live.landing != NULL)
    return _(" Enter test the pasted address  ^Y copy the address to open  Esc cancel");
  if (live.running)
    return _(" Esc cancel  ^Y copy the address");
  if (first_failure (t) != NULL)
    return can_authorize (t) ? _(" Enter save anyway  f fix  r again  a/p authorize  ^P back  q quit")
                             : _(" Enter save anyway  f fix  r test again  ^P back  q quit");
  return can_authorize (t) ? _(" Enter next  r again  a authorize here  p over SSH  ^P back  q quit")
                           : _(" Enter next  r test again  ^P back  q quit");
}

const View view_live = { live_enter, live_draw, live_key, NULL, live_footer, FALSE };
