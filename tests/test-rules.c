/* test-rules.c - every rule of src/core/rules.c, one input that breaks it
 * and one that passes, through rules_check_answers as the commands use it.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "core/rules.h"
#include "rule-cases.h"

#include <string.h>

static Catalog *catalog;

/* The base's answers with CHANGES applied. */
static Answers *
answers_for (const char *base, const char *changes)
{
  g_autoptr (GKeyFile) kf = rule_case_keyfile (base, changes);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = g_key_file_to_data (kf, NULL, NULL);
  g_autoptr (Findings) load = findings_new ();
  Answers *a = answers_load_data (data, "test", load, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (load->items->len, ==, 0);
  return a;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (Answers) a = answers_for (c->base, c->changes);
  g_autoptr (Findings) f = findings_new ();
  const Finding *hit = NULL;

  rules_check_answers (a, catalog, f);
  for (guint i = 0; i < f->items->len && hit == NULL; i++)
    if (strcmp (((Finding *) f->items->pdata[i])->rule, c->rule) == 0)
      hit = f->items->pdata[i];

  if (!c->breaks)
    {
      if (hit != NULL)
        g_test_message ("unexpected: %s: %s", hit->rule, hit->message);
      g_assert_null (hit);
      return;
    }
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->severity, ==, c->severity);
  g_assert_nonnull (hit->fix);
  g_assert_cmpstr (hit->fix, !=, "");
  if (c->mention != NULL)
    {
      g_autofree char *both = g_strconcat (hit->message, " / ", hit->fix, NULL);
      if (strstr (both, c->mention) == NULL)
        g_test_message ("'%s' not in: %s", c->mention, both);
      g_assert_nonnull (strstr (both, c->mention));
    }
}

/* Each base is valid: no finding at all. */
static void
test_base (gconstpointer data)
{
  const char *name = data;
  g_autoptr (Answers) a = answers_for (name, "");
  g_autoptr (Findings) f = findings_new ();

  rules_check_answers (a, catalog, f);
  for (guint i = 0; i < f->items->len; i++)
    g_test_message ("%s: %s", ((Finding *) f->items->pdata[i])->rule,
                    ((Finding *) f->items->pdata[i])->message);
  g_assert_cmpuint (f->items->len, ==, 0);
}

/* A new rule without a test that breaks it fails here. */
static void
test_every_rule_has_cases (void)
{
  for (const char *const *id = rules_ids (); *id != NULL; id++)
    {
      gboolean broken = FALSE, passed = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        if (strcmp (cases[i].rule, *id) == 0)
          {
            broken |= cases[i].breaks;
            passed |= !cases[i].breaks;
          }
      if (!broken || !passed)
        g_test_message ("rule %s lacks a %s case", *id, broken ? "passing" : "breaking");
      g_assert_true (broken && passed);
    }
}

/* Secrets never reach a finding's text, even where a rule is about them. */
static void
test_no_secret_in_findings (void)
{
  g_autoptr (Answers) a = answers_for (
      "mattermost",
      "encryption_key=short-secret-XYZZY\nclient_secret=my secret XYZZY\n"
      "client_id=XYZZYsecretInTheClientId00000000\n"
      "event_endpoint=http://chat.example.com/plugins/zoom/webhook?secret=XYZZY-other");
  g_autoptr (Findings) f = findings_new ();

  rules_check_answers (a, catalog, f);
  g_assert_cmpuint (f->items->len, >=, 4);
  for (guint i = 0; i < f->items->len; i++)
    {
      const Finding *x = f->items->pdata[i];
      g_assert_null (strstr (x->message, "XYZZY"));
      g_assert_null (x->fix == NULL ? NULL : strstr (x->fix, "XYZZY"));
    }
}

static void
test_unknown_preset (void)
{
  g_autoptr (Answers) a = answers_for ("general-user", "preset=matermost-account");
  g_autoptr (Findings) f = findings_new ();
  rules_check_answers (a, catalog, f);
  g_assert_true (findings_has_rule (f, "preset-unknown"));
  g_assert_nonnull (strstr (((Finding *) f->items->pdata[0])->message, "mattermost-account"));
}

/* Past 20 unknown scopes the rest are counted in one finding, not each
 * searched for its nearest name (a 1 MiB list took 37 s). */
static void
test_scope_unknown_bounded (void)
{
  GString *changes = g_string_new ("scopes=");
  for (int i = 1; i <= 25; i++)
    g_string_append_printf (changes, "hologram:beam:a%02d ", i);
  g_autoptr (Answers) a = answers_for ("general-user", changes->str);
  g_autoptr (Findings) f = findings_new ();
  const Finding *last = NULL;
  guint n = 0;

  g_string_free (changes, TRUE);
  rules_check_answers (a, catalog, f);
  for (guint i = 0; i < f->items->len; i++)
    if (strcmp (((Finding *) f->items->pdata[i])->rule, "scope-unknown") == 0)
      n++, last = f->items->pdata[i];
  g_assert_cmpuint (n, ==, 21);
  g_assert_nonnull (strstr (last->message, "5 more scopes"));
  g_assert_cmpint (last->severity, ==, SEVERITY_ERROR);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;

  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  catalog = catalog_load (NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autofree char *path = g_strconcat ("/rules/base/", bases[i].name, NULL);
      g_test_add_data_func (path, bases[i].name, test_base);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/rules/", cases[i].name, NULL);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/rules/every-rule-has-cases", test_every_rule_has_cases);
  g_test_add_func ("/rules/no-secret-in-findings", test_no_secret_in_findings);
  g_test_add_func ("/rules/unknown-preset", test_unknown_preset);
  g_test_add_func ("/rules/scope-unknown-bounded", test_scope_unknown_bounded);
  int status = g_test_run ();
  catalog_free (catalog);
  return status;
}
