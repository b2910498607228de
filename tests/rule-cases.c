/* rule-cases.c - writes every breaking case of rule-cases.h as an answers
 * file for the wizard (tests/tui-messages.sh walks each through the
 * screens), and says what the wizard must show for it.
 *
 * Usage: rule-cases DIR. Writes DIR/N.answers (mode 0600: the answers hold
 * secrets) and prints one line per case, tab-separated: N, the case, the
 * rule, error or warning, the title of the step whose screen shows the
 * finding, its message, its fix; for a case the wizard shows nothing for
 * (see not_shown), "-" for the severity and the step, and why. Any other
 * case the wizard does not show is an error (exit 1).
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "flow/session.h"
#include "rule-cases.h"

#include <stdio.h>

/* The cases the wizard shows nothing for, and why; any other is an error. */
static const struct
{
  const char *name, *why;
} not_shown[] = {
  { "value-invalid/region", "recall_region is asked only of a Recall.ai app" },
  { "value-missing/app-type", "the preset gives the app type" },
  { "app-type-management/none", "the preset gives the management type" },
  { "app-type-management/s2s", "a Server-to-Server app is never asked its management type" },
  { "secret-missing/generated", "the wizard makes the encryption key" },
  { "events-endpoint-missing/template", "the wizard makes the webhook secret" },
};

static const char *
why_not_shown (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (not_shown); i++)
    if (strcmp (not_shown[i].name, name) == 0)
      return not_shown[i].why;
  return NULL;
}

/* Tabs and line breaks would end the line's field. */
static void
put_field (const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    putchar (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/* The first step, in the wizard's order, whose screen shows the finding
 * of RULE; *FOUND is set to the step's findings, *AT to its place there. */
static const FlowStep *
step_showing (FlowSession *s, const char *rule, Findings **found, guint *at)
{
  for (const FlowStep *st = flow_next (NULL, s->a, s->preset); st != NULL;
       st = flow_next (st, s->a, s->preset))
    {
      if (st->kind != FLOW_STEP_ASK)
        continue;
      g_autoptr (Findings) f = flow_session_findings (s, st);
      for (guint i = 0; i < f->items->len; i++)
        if (strcmp (((Finding *) f->items->pdata[i])->rule, rule) == 0)
          {
            *found = g_steal_pointer (&f);
            *at = i;
            return st;
          }
    }
  return NULL;
}

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DIR\n", argv[0]);
      return 2;
    }
  g_setenv ("LANGUAGE", "C", TRUE);
  int status = 0, n = 0;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      if (!c->breaks)
        continue;
      g_autoptr (GKeyFile) kf = rule_case_keyfile (c->base, c->changes);
      /* The wizard's first step is the integration: one without a preset
       * is the preset for the kind of app. */
      if (!g_key_file_has_key (kf, "zoomwiz", "preset", NULL))
        g_key_file_set_value (kf, "zoomwiz", "preset",
                              strcmp (c->base, "s2s") == 0 ? "own-server" : "own-app");
      g_autofree char *data = g_key_file_to_data (kf, NULL, NULL);
      g_autofree char *path = g_strdup_printf ("%s/%d.answers", argv[1], ++n);
      g_autoptr (GError) error = NULL;
      if (!g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }

      /* As the wizard reads it. */
      g_autoptr (Findings) load = findings_new ();
      Answers *a = answers_load (path, load, &error);
      if (a == NULL)
        {
          fprintf (stderr, "%s: %s\n", c->name, error->message);
          return 1;
        }
      FlowSession *s = flow_session_new (a);
      if (!flow_session_set (s, ANSWER_PRESET, answers_get (s->a, ANSWER_PRESET), &error))
        {
          fprintf (stderr, "%s: %s\n", c->name, error->message);
          return 1;
        }
      g_autoptr (Findings) shown = NULL;
      guint at = 0;
      const FlowStep *st = step_showing (s, c->rule, &shown, &at);
      if (st == NULL && why_not_shown (c->name) != NULL)
        printf ("%d\t%s\t%s\t-\t-\t%s\t-\n", n, c->name, c->rule, why_not_shown (c->name));
      else if (st == NULL)
        {
          fprintf (stderr, "%s: no step of the wizard shows %s\n", c->name, c->rule);
          status = 1;
        }
      else if (why_not_shown (c->name) != NULL)
        {
          fprintf (stderr, "%s: the wizard shows %s now\n", c->name, c->rule);
          status = 1;
        }
      else
        {
          const Finding *f = shown->items->pdata[at];
          printf ("%d\t%s\t%s\t%s\t", n, c->name, c->rule,
                  f->severity == SEVERITY_ERROR ? "error" : "warning");
          put_field (st->title);
          putchar ('\t');
          put_field (f->message);
          putchar ('\t');
          put_field (f->fix);
          putchar ('\n');
        }
      flow_session_free (s);
    }
  return status;
}
