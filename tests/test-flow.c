/* test-flow.c - the wizard's steps as data: which apply to which answers,
 * what each asks, "N of M", and that each step sees only its own findings.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "flow/flow.h"
#include "flow/session.h"
#include "core/preset.h"
#include "test-languages.h"

#include <string.h>

static Catalog *catalog;

static Answers *
answers_with (const char *preset_id, Preset **preset, ...) G_GNUC_NULL_TERMINATED;

/* Answers with KEY, VALUE pairs, the preset's defaults applied. */
static Answers *
answers_with (const char *preset_id, Preset **preset, ...)
{
  Answers *a = answers_new ();
  va_list ap;
  va_start (ap, preset);
  for (const char *k; (k = va_arg (ap, const char *)) != NULL;)
    answers_set (a, answer_key_by_name (k), va_arg (ap, const char *), ORIGIN_ANSWER);
  va_end (ap);
  *preset = NULL;
  if (preset_id != NULL)
    {
      answers_set (a, ANSWER_PRESET, preset_id, ORIGIN_ANSWER);
      *preset = preset_load (preset_id, NULL);
      g_assert_nonnull (*preset);
      preset_apply (*preset, a, catalog);
    }
  return a;
}

static char *
applicable (const Answers *a, const Preset *p)
{
  GString *s = g_string_new (NULL);
  for (const FlowStep *t = flow_next (NULL, a, p); t != NULL; t = flow_next (t, a, p))
    g_string_append_printf (s, "%s%s", s->len ? " " : "", t->id);
  return g_string_free (s, FALSE);
}

static void
test_table (void)
{
  guint n;
  const FlowStep *steps = flow_steps (&n);
  g_assert_cmpuint (n, ==, 14); /* DESIGN.md's ten, two a preset adds, two a builder */
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (steps[i].title != NULL && *steps[i].title);
      g_assert_true (steps[i].help != NULL && *steps[i].help);
      g_assert_true (flow_step_by_id (steps[i].id) == &steps[i]);
    }
  g_assert_null (flow_step_by_id ("no-such-step"));
  /* Every choice of the choice keys the steps ask has its line of help. */
  static const AnswerKey choices[] = { ANSWER_APP_TYPE, ANSWER_MANAGEMENT,
                                       ANSWER_ENVIRONMENT };
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    for (const char *const *v = answer_key_info (choices[i])->choices; *v; v++)
      g_assert_nonnull (flow_choice_help (choices[i], *v));
  g_assert_nonnull (flow_step_note (flow_step_by_id ("app-type")));
}

static void
test_s2s (void)
{
  Preset *p;
  g_autoptr (Answers) a = answers_with ("own-server", &p, NULL);
  g_autofree char *ids = applicable (a, p);
  /* No management, credentials type or URLs for Server-to-Server. */
  g_assert_cmpstr (ids, ==, "integration app-type credentials webhooks scopes live-test save");
  const FlowStep *cred = flow_step_by_id ("credentials");
  g_assert_true (flow_asks (cred, ANSWER_ACCOUNT_ID, a, p));
  g_assert_true (flow_asks (cred, ANSWER_CLIENT_SECRET, a, p));
  guint total;
  g_assert_cmpuint (flow_position (cred, a, p, &total), ==, 3);
  g_assert_cmpuint (total, ==, 7);
  preset_free (p);
}

static void
test_mattermost (void)
{
  Preset *p;
  g_autoptr (Answers) a = answers_with ("mattermost-account", &p, "site_url",
                                        "https://chat.example.com", NULL);
  g_autofree char *ids = applicable (a, p);
  /* In the order of Zoom's pages. */
  g_assert_cmpstr (ids, ==, "integration app-type management environment credentials urls "
                            "webhooks scopes live-test save");
  const FlowStep *urls = flow_step_by_id ("urls");
  g_assert_true (flow_asks (urls, ANSWER_SITE_URL, a, p));
  const FlowStep *hooks = flow_step_by_id ("webhooks");
  g_assert_true (flow_asks (hooks, ANSWER_DEAUTHORIZATION_URL, a, p));
  g_assert_true (flow_asks (hooks, ANSWER_ENCRYPTION_KEY, a, p));
  g_assert_true (flow_asks (hooks, ANSWER_WEBHOOK_SECRET, a, p));
  g_assert_true (flow_asks (hooks, ANSWER_SECRET_TOKEN, a, p));
  /* A key the step does not list is never asked there. */
  g_assert_false (flow_asks (hooks, ANSWER_CLIENT_ID, a, p));
  g_assert_false (flow_asks (flow_step_by_id ("credentials"), ANSWER_ACCOUNT_ID, a, p));
  /* Back and forward. */
  g_assert_true (flow_next (urls, a, p) == flow_step_by_id ("webhooks"));
  g_assert_true (flow_prev (urls, a, p) == flow_step_by_id ("credentials"));
  g_assert_null (flow_prev (flow_step_by_id ("integration"), a, p));
  g_assert_null (flow_next (flow_step_by_id ("save"), a, p));
  preset_free (p);
}

static void
test_own_app (void)
{
  Preset *p;
  g_autoptr (Answers) a = answers_with ("own-app", &p, "app_type", "general", NULL);
  const FlowStep *hooks = flow_step_by_id ("webhooks");
  /* No events yet: no Secret Token asked; no generated secrets. */
  g_assert_false (flow_asks (hooks, ANSWER_SECRET_TOKEN, a, p));
  g_assert_false (flow_asks (hooks, ANSWER_ENCRYPTION_KEY, a, p));
  g_assert_false (flow_asks (flow_step_by_id ("urls"), ANSWER_SITE_URL, a, p));
  answers_set (a, ANSWER_EVENTS, "meeting.ended", ORIGIN_ANSWER);
  g_assert_true (flow_asks (hooks, ANSWER_SECRET_TOKEN, a, p));
  preset_free (p);
}

/* Recall's own order: the Secret Token before the registration, the event
 * URLs after it. */
static void
test_recall (void)
{
  Preset *p;
  g_autoptr (Answers) a = answers_with ("recall-account", &p, NULL);
  g_autofree char *ids = applicable (a, p);
  g_assert_cmpstr (ids, ==, "integration app-type management environment credentials urls "
                            "secret-token recall webhooks scopes live-test save");
  const FlowStep *token = flow_step_by_id ("secret-token"), *hooks = flow_step_by_id ("webhooks");
  g_assert_true (flow_asks (token, ANSWER_SECRET_TOKEN, a, p));
  g_assert_false (flow_asks (hooks, ANSWER_SECRET_TOKEN, a, p));
  g_assert_true (flow_asks (hooks, ANSWER_EVENT_ENDPOINT, a, p));
  g_assert_true (flow_asks (hooks, ANSWER_DEAUTHORIZATION_URL, a, p));
  g_assert_true (flow_asks_secret (flow_step_by_id ("recall"), a, p));
  /* Without the preset, neither step of its own is there. */
  g_autoptr (Answers) plain = answers_new ();
  g_autofree char *none = applicable (plain, NULL);
  g_assert_null (strstr (none, "recall"));
  g_assert_null (strstr (none, "secret-token"));
  preset_free (p);
}

/* With a builder on offer, "make" after the app type; when a builder
 * creates the app, the answers the manifest needs first, then "create",
 * then the credentials Zoom sent with the Secret Token; no Development or
 * Production choice. A preset with its own order is made by hand. */
static void
test_creating (void)
{
  Preset *p;
  g_autoptr (Answers) a = answers_with ("mattermost-account", &p, "site_url",
                                        "https://chat.example.com", NULL);
  flow_offer_builders (TRUE);
  g_autofree char *offered = applicable (a, p);
  g_assert_cmpstr (offered, ==, "integration make app-type management environment credentials "
                                "urls webhooks scopes live-test save");
  const FlowStep *hooks = flow_step_by_id ("webhooks"), *cred = flow_step_by_id ("credentials");
  answers_set (a, ANSWER_BUILDER, ANSWER_BUILDER_BY_HAND, ORIGIN_ANSWER);
  g_assert_false (answers_builder_creates (a));
  g_autofree char *by_hand = applicable (a, p);
  g_assert_cmpstr (by_hand, ==, offered);
  g_assert_true (flow_asks (hooks, ANSWER_SECRET_TOKEN, a, p));
  g_assert_false (flow_asks (cred, ANSWER_SECRET_TOKEN, a, p));
  answers_set (a, ANSWER_BUILDER, "builder", ORIGIN_ANSWER);
  g_assert_true (answers_builder_creates (a));
  g_autofree char *ids = applicable (a, p);
  g_assert_cmpstr (ids, ==, "integration make app-type management urls webhooks scopes "
                            "create credentials live-test save");
  g_assert_false (flow_asks (hooks, ANSWER_SECRET_TOKEN, a, p));
  g_assert_true (flow_asks (cred, ANSWER_SECRET_TOKEN, a, p));
  g_assert_true (flow_asks (cred, ANSWER_CLIENT_SECRET, a, p));
  g_assert_true (flow_asks (flow_step_by_id ("create"), ANSWER_CONTACT_EMAIL, a, p));
  preset_free (p);

  /* Recall.ai's own order: the registration needs the app's credentials
   * and Secret Token, and the event URL comes from it, so all of them come
   * after "create"; the Secret Token with the credentials. */
  g_autoptr (Answers) r = answers_with ("recall-account", &p, "builder", "builder", NULL);
  g_autofree char *recall = applicable (r, p);
  g_assert_cmpstr (recall, ==, "integration make app-type management urls scopes create "
                               "credentials recall webhooks live-test save");
  g_assert_true (flow_asks (cred, ANSWER_SECRET_TOKEN, r, p));
  g_assert_false (flow_asks (flow_step_by_id ("secret-token"), ANSWER_SECRET_TOKEN, r, p));
  /* The steps after "create" keep the preset's guide. */
  g_auto (GStrv) hooks_guide = flow_step_guide (hooks, r, p, EXPORT_SECRETS_IN_ANSWERS);
  g_assert_nonnull (hooks_guide[0]);
  g_assert_null (strstr (hooks_guide[0], "Nothing to do here"));
  g_auto (GStrv) urls_guide = flow_step_guide (flow_step_by_id ("urls"), r, p,
                                               EXPORT_SECRETS_IN_ANSWERS);
  g_assert_nonnull (strstr (urls_guide[0], "Nothing to do here"));
  preset_free (p);
  /* A legacy app is made by hand. */
  g_autoptr (Answers) legacy = answers_with ("own-app", &p, "app_type", "oauth-legacy",
                                             "builder", "builder", NULL);
  g_autofree char *old = applicable (legacy, p);
  g_assert_null (strstr (old, "create"));
  g_assert_null (strstr (old, "make"));
  preset_free (p);
  flow_offer_builders (FALSE);
}

/* Every preset's order and guide name steps that exist; its guide has
 * lines for the steps before the questions, not only at the end. */
static void
test_presets_name_steps (void)
{
  g_auto (GStrv) ids = preset_list (NULL);
  for (char **id = ids; *id != NULL; id++)
    {
      g_autoptr (Preset) p = preset_load (*id, NULL);
      g_assert_nonnull (p);
      for (char **s = p->steps; s != NULL && *s != NULL; s++)
        {
          if (flow_step_by_id (*s) == NULL)
            g_test_message ("%s: steps= names '%s'", *id, *s);
          g_assert_nonnull (flow_step_by_id (*s));
        }
      if (p->steps != NULL)
        {
          g_assert_cmpstr (p->steps[0], ==, "integration");
          g_assert_cmpstr (p->steps[g_strv_length (p->steps) - 1], ==, "save");
        }
      guint before = 0;
      for (guint i = 0; i < p->guide->len; i++)
        {
          const PresetLine *l = p->guide->pdata[i];
          if (strcmp (l->step, "finish") != 0 && flow_step_by_id (l->step) == NULL)
            g_test_message ("%s: a guide line names step '%s'", *id, l->step);
          g_assert_true (strcmp (l->step, "finish") == 0 || flow_step_by_id (l->step) != NULL);
          before += strcmp (l->step, "finish") != 0;
        }
      g_assert_cmpuint (before, >=, 4);
    }
}

static gboolean
has_rule (const Findings *f, const char *rule)
{
  return findings_has_rule (f, rule);
}

static void
test_findings_per_step (void)
{
  Preset *p;
  g_autoptr (Answers) a = answers_with (
      "own-app", &p, "app_type", "general", "management", "admin", "scopes",
      "meeting:read:meeting meeting:write:meeting:admin", "redirect_url",
      "http://app.example.com/cb", NULL);
  g_autoptr (Findings) scopes = flow_step_findings (flow_step_by_id ("scopes"), a, catalog, p);
  g_autoptr (Findings) urls = flow_step_findings (flow_step_by_id ("urls"), a, catalog, p);
  g_assert_true (has_rule (scopes, "scope-level-mixed"));
  g_assert_false (has_rule (scopes, "url-not-https"));
  g_assert_true (has_rule (urls, "url-not-https"));
  g_assert_false (has_rule (urls, "scope-level-mixed"));
  for (guint i = 0; i < scopes->items->len; i++)
    g_assert_cmpstr (((Finding *) scopes->items->pdata[i])->key, ==, "scopes");
  preset_free (p);
}

/* What an admin types carelessly, tidied and said; nothing else touched. */
static void
test_tidy (void)
{
  static const struct
  {
    AnswerKey key;
    const char *typed, *want;
    gboolean noted;
  } cases[] = {
    { ANSWER_SITE_URL, " chat.example.com/ ", "https://chat.example.com", TRUE },
    { ANSWER_SITE_URL, "https://chat.example.com//", "https://chat.example.com", TRUE },
    { ANSWER_SITE_URL, "https://chat.example.com/mm", "https://chat.example.com/mm", FALSE },
    { ANSWER_SITE_URL, "http://localhost:8065", "http://localhost:8065", FALSE },
    { ANSWER_SITE_URL, "localhost:8065", "https://localhost:8065", TRUE },
    { ANSWER_REDIRECT_URL, "https://x.example.com/cb/", "https://x.example.com/cb/", FALSE },
    { ANSWER_EVENT_ENDPOINT, "hooks.example.com/zoom", "https://hooks.example.com/zoom", TRUE },
    { ANSWER_EVENT_ENDPOINT, "not a url", "not a url", FALSE },
    { ANSWER_ALLOW_LIST, " https://a.example.com ;; https://b.example.com; ",
      "https://a.example.com;https://b.example.com", TRUE },
    { ANSWER_CLIENT_ID, "  AbCdEfGhIjKlMnOpQrStUv\t", "AbCdEfGhIjKlMnOpQrStUv", TRUE },
    { ANSWER_CLIENT_SECRET, "s3cr3t-value ", "s3cr3t-value", TRUE },
    { ANSWER_SCOPES, "user:read:user:admin", "user:read:user:admin", FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *note = NULL;
      g_autofree char *got = flow_tidy (cases[i].key, cases[i].typed, &note);
      g_test_message ("%s '%s'", answer_key_info (cases[i].key)->name, cases[i].typed);
      g_assert_cmpstr (got, ==, cases[i].want);
      g_assert_true ((note != NULL) == cases[i].noted);
      /* The note says what changed, never the value (a secret's). */
      if (note != NULL)
        g_assert_null (strstr (note, "s3cr3t"));
    }
}

/* NOTE fits beside LABEL at 80 columns; says which does not when not. */
static gboolean
note_fits (const char *lang, const char *preset, AnswerKey key, const char *note)
{
  const char *label = flow_key_label (key);
  int room = flow_note_room (80, text_width (label));
  if (text_width (note) <= room)
    return TRUE;
  g_test_message ("%s, %s: beside \"%s\", \"%s\" is %d columns, %d wider than its room",
                  lang, preset, label, note, text_width (note), text_width (note) - room);
  return FALSE;
}

/* In every language, the notes beside the fields' labels (where a value is
 * found in Zoom, that a preset or zoomwiz gave it) fit the screen's 80
 * columns beside the label, for every preset's fields: nothing is cut. */
static void
test_notes_fit (void)
{
  g_auto (GStrv) ids = preset_list (NULL);
  g_auto (GStrv) langs = test_languages ();
  gboolean all = TRUE;
  for (int l = -1; l < (int) g_strv_length (langs); l++)
    {
      const char *lang = l < 0 ? "C" : langs[l];
      test_use_language (lang);
      for (char **id = ids; *id != NULL; id++)
        {
          g_autoptr (Preset) p = preset_load (*id, NULL);
          g_assert_nonnull (p);
          for (AnswerKey k = 0; k < ANSWER_N_KEYS; k++)
            {
              if (p->defaults[k] != NULL)
                all &= note_fits (lang, *id, k, flow_note_preset ());
              if (flow_key_where (k) != NULL && id == ids)
                all &= note_fits (lang, "any preset", k, flow_key_where (k));
            }
          for (char **g = p->generated; *g != NULL; g++)
            all &= note_fits (lang, *id, answer_key_by_name (*g), flow_note_generated ());
        }
    }
  test_use_language ("C");
  g_assert_true (all);
}

/* What is left says to take zoomwiz's loopback URL off the allow list when
 * the list has one: any loopback host, the listener's path; not a host that
 * only starts like one. */
static void
test_left_loopback (void)
{
  static const struct
  {
    const char *allow;
    const char *said;
  } cases[] = {
    { "https://x.example.com/cb", NULL },
    { "https://x.example.com/cb;http://127.0.0.1/zoomwiz/callback",
      "http://127.0.0.1/zoomwiz/callback" },
    { "http://127.0.0.1:8123/zoomwiz/callback", "http://127.0.0.1:8123/zoomwiz/callback" },
    { "http://localhost/zoomwiz/callback", "http://localhost/zoomwiz/callback" },
    { "http://[::1]/zoomwiz/callback", "http://[::1]/zoomwiz/callback" },
    { "http://127.0.0.1.example.com/zoomwiz/callback", NULL },
    { "https://x.example.com/?to=http://127.0.0.1/zoomwiz/callback", NULL },
    { "http://127.0.0.1/zoomwiz/callback/other", NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Preset *p;
      g_autoptr (FlowSession) s = flow_session_new (
          answers_with (NULL, &p, "app_type", "general", "allow_list", cases[i].allow, NULL));
      g_auto (GStrv) left = flow_session_left (s, EXPORT_SECRETS_IN_ANSWERS);
      const char *said = NULL;
      for (char **l = left; *l != NULL; l++)
        if (strstr (*l, "only for zoomwiz's test") != NULL)
          said = *l;
      if (cases[i].said == NULL)
        g_assert_null (said);
      else if (said == NULL || strstr (said, cases[i].said) == NULL)
        g_error ("allow_list=%s: no line names %s", cases[i].allow, cases[i].said);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  catalog = catalog_load (NULL, NULL);
  g_assert_nonnull (catalog);
  g_test_add_func ("/flow/table", test_table);
  g_test_add_func ("/flow/s2s", test_s2s);
  g_test_add_func ("/flow/mattermost", test_mattermost);
  g_test_add_func ("/flow/recall", test_recall);
  g_test_add_func ("/flow/creating", test_creating);
  g_test_add_func ("/flow/presets-name-steps", test_presets_name_steps);
  g_test_add_func ("/flow/own-app", test_own_app);
  g_test_add_func ("/flow/findings-per-step", test_findings_per_step);
  g_test_add_func ("/flow/tidy", test_tidy);
  g_test_add_func ("/flow/notes-fit", test_notes_fit);
  g_test_add_func ("/flow/left-loopback", test_left_loopback);
  int rc = g_test_run ();
  catalog_free (catalog);
  return rc;
}
