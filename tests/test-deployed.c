/* test-deployed.c - deployed files read back (core/deployed.c) and the
 * lines of JSON keys (core/jsonpos.c): the exports' own quoting read back
 * value for value, the shapes of the docs, what is refused, conflicts,
 * mmctl's masks, and the comparison with a profile that never shows a
 * secret.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "core/deployed.h"
#include "core/export.h"
#include "core/jsonpos.h"
#include "core/secret.h"

#include <string.h>

/* Every character a shell, systemd or YAML may trip on, but no control
 * character (which no credential has, and doctor refuses). */
static const char *const tricky = "a'b\"c$d `e` f\\g #i \\$ \\\\ ü";

static Deployed *
parse (const char *text, DeployedFormat f, GError **error)
{
  return deployed_parse (text, strlen (text), "test-file", f, error);
}

static void
test_json_lines (void)
{
  const char *text = "{\n"
                     "  \"A\": {\"b\": 1,\n"
                     "    \"list\": [ {\"x\": \"y\\\"}, \\\"z\\\": 2\"}, 3 ],\n"
                     "    \"c\": \"{not: a key}\"\n"
                     "  },\n"
                     "  \"d\": true, \"d\": false\n"
                     "}\n";
  GHashTable *lines = json_key_lines (text, strlen (text));
  g_assert_cmpuint (json_key_line (lines, "a"), ==, 2);
  g_assert_cmpuint (json_key_line (lines, "a.b"), ==, 2);
  g_assert_cmpuint (json_key_line (lines, "a.list"), ==, 3);
  g_assert_cmpuint (json_key_line (lines, "a.list.#.x"), ==, 3);
  g_assert_cmpuint (json_key_line (lines, "a.list.#.z"), ==, 0); /* inside a string */
  g_assert_cmpuint (json_key_line (lines, "a.c"), ==, 4);
  g_assert_cmpuint (json_key_line (lines, "d"), ==, 6);
  g_assert_cmpuint (json_key_line (lines, "nokey"), ==, 0);
  g_hash_table_unref (lines);
}

/* export FORMAT of a Server-to-Server app whose secret is TRICKY, read
 * back: the format told from the content, every value as it was. */
static void
test_round_trip (gconstpointer data)
{
  ExportFormat ef = GPOINTER_TO_INT (data);
  DeployedFormat want = ef == EXPORT_ENV ? DEPLOYED_ENV
                        : ef == EXPORT_SYSTEMD ? DEPLOYED_SYSTEMD
                        : ef == EXPORT_K8S ? DEPLOYED_K8S
                                           : DEPLOYED_MATTERMOST;
  g_autoptr (Answers) a = answers_new ();
  g_autoptr (GError) error = NULL;
  answers_set (a, ANSWER_APP_TYPE, ef == EXPORT_MATTERMOST ? "general" : "s2s", ORIGIN_ANSWER);
  answers_set (a, ANSWER_MANAGEMENT, "admin", ORIGIN_ANSWER);
  answers_set (a, ANSWER_ACCOUNT_ID, "AcCoUnTiD0000000000000", ORIGIN_ANSWER);
  answers_set (a, ANSWER_CLIENT_ID, "ClientId000000000", ORIGIN_ANSWER);
  answers_set (a, ANSWER_CLIENT_SECRET, tricky, ORIGIN_ANSWER);
  answers_set (a, ANSWER_SECRET_TOKEN, "Token 0001", ORIGIN_ANSWER);
  answers_set (a, ANSWER_WEBHOOK_SECRET, "HookXYZZY_abcdefghijklmnopqrstu1", ORIGIN_ANSWER);
  answers_set (a, ANSWER_ENCRYPTION_KEY, "EncXYZZY_abcdefghijklmnopqrstuv1", ORIGIN_ANSWER);
  answers_set (a, ANSWER_ZOOM_URL, "https://zoomgov.com", ORIGIN_ANSWER);
  answers_set (a, ANSWER_API_URL, "https://api.zoomgov.com", ORIGIN_ANSWER);
  const ExportOptions o = { .profile = "work" };
  char *text = export_render (ef, a, NULL, &o, &error);
  g_assert_no_error (error);

  g_autoptr (Deployed) d = parse (text, DEPLOYED_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->format, ==, want);
  g_assert_nonnull (d->format_reason);
  g_assert_cmpuint (d->findings->items->len, ==, 0);
  const AnswerKey keys[] = { ANSWER_CLIENT_ID, ANSWER_CLIENT_SECRET, ANSWER_SECRET_TOKEN };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (answers_get (d->answers, keys[i]), ==, answers_get (a, keys[i]));
  if (ef == EXPORT_MATTERMOST)
    {
      g_assert_cmpstr (answers_get (d->answers, ANSWER_MANAGEMENT), ==, "admin");
      g_assert_cmpstr (answers_get (d->answers, ANSWER_API_URL), ==, "https://api.zoomgov.com");
      g_assert_cmpstr (answers_get (d->answers, ANSWER_WEBHOOK_SECRET), ==,
                       answers_get (a, ANSWER_WEBHOOK_SECRET));
      g_assert_cmpstr (d->preset, ==, "mattermost-account");
    }
  else
    {
      g_assert_cmpstr (answers_get (d->answers, ANSWER_ACCOUNT_ID), ==,
                       "AcCoUnTiD0000000000000");
      g_assert_cmpstr (d->preset, ==, "own-server");
    }
  /* The line is the one the value is on. */
  const DeployedSetting *s = deployed_setting_for (d, ANSWER_CLIENT_SECRET);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (s->line, >, 0);
  g_assert_nonnull (strstr (lines[s->line - 1], s->name));
  secret_free (text);
}

static void
test_env_shapes (void)
{
  g_autoptr (GError) error = NULL;
  const char *text = "# a comment\n"
                     "; another\n"
                     "\n"
                     "export ZOOM_CLIENT_ID=abc\n"
                     "  ZOOM_CLIENT_SECRET = 'x y'  # said\n"
                     "ZOOM_SECRET_TOKEN=tok # a comment in docker compose\n"
                     "ZOOM_REDIRECT_URI=https://a.example.com/cb\\\n"
                     "x\n"
                     "OTHER=1\n";
  g_autoptr (Deployed) d = parse (text, DEPLOYED_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->format, ==, DEPLOYED_ENV);
  g_assert_cmpstr (answers_get (d->answers, ANSWER_CLIENT_ID), ==, "abc");
  g_assert_cmpstr (answers_get (d->answers, ANSWER_CLIENT_SECRET), ==, "x y");
  g_assert_cmpstr (answers_get (d->answers, ANSWER_SECRET_TOKEN), ==, "tok");
  g_assert_cmpstr (answers_get (d->answers, ANSWER_REDIRECT_URL), ==, "https://a.example.com/cbx");
  g_assert_cmpuint (deployed_setting_for (d, ANSWER_CLIENT_SECRET)->line, ==, 5);
  const DeployedSetting *other = d->settings->pdata[d->settings->len - 1];
  g_assert_cmpstr (other->name, ==, "OTHER");
  g_assert_cmpuint (other->line, ==, 9);
  g_assert_cmpint (other->key, ==, -1);
  g_assert_nonnull (other->note);
  g_assert_null (d->preset); /* no Account ID: which app cannot be told */

  /* systemd's EnvironmentFile= has no comments after a value. */
  g_autoptr (Deployed) s = parse ("ZOOM_SECRET_TOKEN=tok # part of it\n", DEPLOYED_SYSTEMD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (answers_get (s->answers, ANSWER_SECRET_TOKEN), ==, "tok # part of it");
}

static void
test_unit (void)
{
  g_autoptr (GError) error = NULL;
  const char *text = "[Service]\n"
                     "Environment=\"ZOOM_CLIENT_ID=a b\" ZOOM_ACCOUNT_ID=acc\n"
                     "Environment='ZOOM_CLIENT_SECRET=s\"t'\n";
  g_autoptr (Deployed) d = parse (text, DEPLOYED_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->format, ==, DEPLOYED_SYSTEMD);
  g_assert_cmpstr (answers_get (d->answers, ANSWER_CLIENT_ID), ==, "a b");
  g_assert_cmpstr (answers_get (d->answers, ANSWER_ACCOUNT_ID), ==, "acc");
  g_assert_cmpstr (answers_get (d->answers, ANSWER_CLIENT_SECRET), ==, "s\"t");
  g_assert_cmpuint (deployed_setting_for (d, ANSWER_ACCOUNT_ID)->line, ==, 2);
}

static void
test_k8s_shapes (void)
{
  g_autoptr (GError) error = NULL;
  const char *text = "---\n"
                     "apiVersion: v1\n"
                     "kind: Secret\n"
                     "metadata:\n"
                     "    name: zoom\n"
                     "type: Opaque\n"
                     "data:\n"
                     "    ZOOM_CLIENT_SECRET: c2VjcmV0\n"
                     "stringData:\n"
                     "    ZOOM_CLIENT_ID: 'it''s'\n"
                     "    ZOOM_ACCOUNT_ID: plain # comment\n";
  g_autoptr (Deployed) d = parse (text, DEPLOYED_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->format, ==, DEPLOYED_K8S);
  g_assert_cmpstr (answers_get (d->answers, ANSWER_CLIENT_SECRET), ==, "secret");
  g_assert_cmpstr (answers_get (d->answers, ANSWER_CLIENT_ID), ==, "it's");
  g_assert_cmpstr (answers_get (d->answers, ANSWER_ACCOUNT_ID), ==, "plain");
  g_assert_cmpuint (deployed_setting_for (d, ANSWER_CLIENT_SECRET)->line, ==, 8);
}

/* Text that must be refused, with a message holding WANT and never the
 * value XYZZY. */
static void
refused (const char *text, DeployedFormat f, const char *want)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Deployed) d = parse (text, f, &error);
  g_assert_null (d);
  g_assert_nonnull (error);
  if (strstr (error->message, want) == NULL)
    g_error ("'%s' not in '%s'", want, error->message);
  if (strstr (error->message, "XYZZY") != NULL)
    g_error ("a value shown in '%s'", error->message);
}

static void
test_refused (void)
{
  refused ("", DEPLOYED_AUTO, "empty");
  refused (" \n\t\n", DEPLOYED_AUTO, "empty");
  refused ("[1, 2]", DEPLOYED_AUTO, "not an object");
  refused ("{\"a\": 1}", DEPLOYED_AUTO, "neither PluginSettings");
  refused ("{\"oauthclientid\": ", DEPLOYED_AUTO, "not valid JSON");
  refused ("{\"PluginSettings\": {}}", DEPLOYED_AUTO, "no PluginSettings.Plugins.zoom");
  refused ("{\"oauthclientid\": 12}", DEPLOYED_AUTO, "JSON number");
  refused ("A=XYZZY\xff\n", DEPLOYED_AUTO, "not UTF-8");
  refused ("A=1\r\nB=XYZZY\r\n", DEPLOYED_AUTO, "test-file:1: the line ends in CR LF");
  refused ("A=\"XYZZY\nB=1\n", DEPLOYED_AUTO, "never closed");
  refused ("A=\"XYZZY\" more\n", DEPLOYED_AUTO, "after the quoted value");
  refused ("ZOOM_CLIENT_SECRET=\"XYZZY\nline\"\n", DEPLOYED_ENV, "control character");
  refused ("not an assignment\n", DEPLOYED_AUTO, "test-file:1: this line is not NAME=VALUE");
  refused ("XYZZY\n", DEPLOYED_ENV, "test-file:1: this line is not NAME=VALUE");
  refused ("kind: Secret\nstringData:\n  A: |\n    XYZZY\n", DEPLOYED_AUTO, "test-file:3: YAML");
  refused ("kind: Secret\nstringData:\n  - XYZZY\n", DEPLOYED_AUTO, "a YAML list");
  refused ("kind: Secret\nstringData:\n\tA: XYZZY\n", DEPLOYED_AUTO, "a tab");
  refused ("kind: Secret\nstringData:\n  A:\n    B: XYZZY\n", DEPLOYED_AUTO, "nested deeper");
  refused ("kind: Secret\n---\nkind: Secret\n", DEPLOYED_AUTO, "a second YAML document");
  refused ("kind: Secret\ndata:\n  A: XYZZY!!\n", DEPLOYED_AUTO, "not base64");
  refused ("kind: Secret\ndata:\n  A: AAEC\n", DEPLOYED_AUTO, "not base64");
  refused ("apiVersion: v1\ndata:\n  A: Yg==\n", DEPLOYED_AUTO, "no 'kind: Secret'");
  refused ("[Service]\nEnvironment=XYZZY\n", DEPLOYED_AUTO, "NAME=VALUE words");
}

static void
test_conflict (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Deployed) same = parse ("ZOOM_SECRET_TOKEN=a\nZOOM_WEBHOOK_SECRET_TOKEN=a\n",
                                     DEPLOYED_ENV, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (same->findings->items->len, ==, 0);
  g_autoptr (Deployed) d = parse ("ZOOM_SECRET_TOKEN=XYZZYa\nZOOM_WEBHOOK_SECRET_TOKEN=XYZZYb\n",
                                  DEPLOYED_ENV, &error);
  g_assert_no_error (error);
  g_assert_true (findings_has_rule (d->findings, "deployed-conflict"));
  const Finding *f = d->findings->items->pdata[0];
  g_assert_cmpstr (f->key, ==, "ZOOM_SECRET_TOKEN");
  g_assert_null (strstr (f->message, "XYZZY"));
  /* The last one counts, as sh and systemd take it. */
  g_assert_cmpstr (answers_get (d->answers, ANSWER_SECRET_TOKEN), ==, "XYZZYb");
}

static void
test_mmctl_masked (void)
{
  g_autoptr (GError) error = NULL;
  const char *text = "{\n  \"accountlevelapp\": false,\n"
                     "  \"oauthclientid\": \"id\",\n"
                     "  \"oauthclientsecret\": \"********************************\",\n"
                     "  \"restrictmeetingcreation\": true\n}\n";
  g_autoptr (Deployed) d = parse (text, DEPLOYED_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->format, ==, DEPLOYED_MMCTL);
  g_assert_cmpstr (d->preset, ==, "mattermost-user");
  g_assert_null (answers_get (d->answers, ANSWER_CLIENT_SECRET));
  const DeployedSetting *s = d->settings->pdata[2];
  g_assert_cmpstr (s->name, ==, "oauthclientsecret");
  g_assert_cmpuint (s->line, ==, 4);
  g_assert_cmpint (s->key, ==, -1);
  g_assert_nonnull (strstr (s->note, "masked"));
}

static void
test_compare (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Deployed) d = parse ("ZOOM_CLIENT_ID=other\nZOOM_CLIENT_SECRET=XYZZYdeployed\n"
                                  "ZOOM_ACCOUNT_ID=same\n",
                                  DEPLOYED_ENV, &error);
  g_assert_no_error (error);
  g_autoptr (Answers) p = answers_new ();
  answers_set (p, ANSWER_CLIENT_ID, "mine", ORIGIN_ANSWER);
  answers_set (p, ANSWER_CLIENT_SECRET, "XYZZYprofile", ORIGIN_ANSWER);
  answers_set (p, ANSWER_ACCOUNT_ID, "same", ORIGIN_ANSWER);
  g_autoptr (Findings) f = findings_new ();
  deployed_compare (d, p, "prod", "the keyring", f);
  g_assert_cmpuint (f->items->len, ==, 2);
  const Finding *id = f->items->pdata[0], *secret = f->items->pdata[1];
  g_assert_cmpstr (id->key, ==, "client_id");
  g_assert_nonnull (strstr (id->message, "'other'"));
  g_assert_nonnull (strstr (id->fix, "'mine'"));
  g_assert_cmpstr (secret->key, ==, "client_secret");
  g_assert_cmpstr (secret->rule, ==, "profile-differs");
  g_assert_null (strstr (secret->message, "XYZZY"));
  g_assert_null (strstr (secret->fix, "XYZZY"));
  g_assert_nonnull (strstr (secret->fix, "the keyring"));
  g_assert_nonnull (strstr (secret->fix, "--format env"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/deployed/json-lines", test_json_lines);
  g_test_add_data_func ("/deployed/round-trip/env", GINT_TO_POINTER (EXPORT_ENV), test_round_trip);
  g_test_add_data_func ("/deployed/round-trip/systemd", GINT_TO_POINTER (EXPORT_SYSTEMD),
                        test_round_trip);
  g_test_add_data_func ("/deployed/round-trip/k8s", GINT_TO_POINTER (EXPORT_K8S), test_round_trip);
  g_test_add_data_func ("/deployed/round-trip/mattermost", GINT_TO_POINTER (EXPORT_MATTERMOST),
                        test_round_trip);
  g_test_add_func ("/deployed/env", test_env_shapes);
  g_test_add_func ("/deployed/unit", test_unit);
  g_test_add_func ("/deployed/k8s", test_k8s_shapes);
  g_test_add_func ("/deployed/refused", test_refused);
  g_test_add_func ("/deployed/conflict", test_conflict);
  g_test_add_func ("/deployed/mmctl-masked", test_mmctl_masked);
  g_test_add_func ("/deployed/compare", test_compare);
  return g_test_run ();
}
