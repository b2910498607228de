/* test-export.c - the export formats for the example answers of three
 * presets (tests/preset-examples/), byte for byte where a format is plain
 * text and parsed with jansson where it is JSON; the quoting of tricky
 * values; no secret in the checklist; the Mattermost export's errors.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "core/export.h"
#include "core/secret.h"

#include <jansson.h>
#include <string.h>

static Catalog *catalog;

static const char *const tricky = "a'b\"c$d `e` f\\g\nh #i";

/* The example answers of preset ID, its defaults applied, as
 * export_render gets them. */
static Answers *
load_example (const char *id, Preset **preset)
{
  g_autofree char *file = g_strconcat (id, ".ini", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "preset-examples", file, NULL);
  g_autofree char *text = NULL;
  g_autoptr (Findings) f = findings_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  Answers *a = answers_load_data (text, path, f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->items->len, ==, 0);
  *preset = preset_load (id, &error);
  g_assert_no_error (error);
  preset_apply (*preset, a, catalog);
  return a;
}

static char *
render (ExportFormat f, const Answers *a, const Preset *p, GError **error)
{
  const ExportOptions o = { .profile = "work" };
  return export_render (f, a, p, &o, error);
}

/* The lines of TEXT that are not comments, joined again. */
static char *
without_comments (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *s = g_string_new (NULL);
  for (char **l = lines; *l != NULL; l++)
    if (**l != '#' && (**l != '\0' || l[1] != NULL))
      g_string_append_printf (s, "%s\n", *l);
  return g_string_free (s, FALSE);
}

static json_t *
parse_json (const char *text)
{
  json_error_t jerr;
  json_t *j = json_loads (text, JSON_REJECT_DUPLICATES, &jerr);
  if (j == NULL)
    g_test_message ("%s at line %d: %s", jerr.text, jerr.line, text);
  g_assert_nonnull (j);
  return j;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The keys of OBJECT, sorted and joined by spaces. */
static char *
object_keys (json_t *object)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  const char *key;
  json_t *v;

  g_assert_true (json_is_object (object));
  json_object_foreach (object, key, v)
    g_ptr_array_add (keys, (gpointer) key);
  g_ptr_array_sort (keys, compare_names);
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (" ", (char **) keys->pdata);
}

/* ---- names ------------------------------------------------------------ */

static void
test_names (void)
{
  const char *const *names = export_format_names ();
  ExportFormat f;

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 8);
  for (int i = 0; names[i] != NULL; i++)
    {
      g_assert_true (export_format_from_name (names[i], &f));
      g_assert_cmpint (f, ==, i);
      g_assert_true (export_holds_secrets (f) == (f != EXPORT_CHECKLIST));
    }
  g_assert_true (export_format_from_name ("mattermost", &f));
  g_assert_cmpint (f, ==, EXPORT_MATTERMOST);
  g_assert_true (export_format_from_name ("k8s", &f));
  g_assert_cmpint (f, ==, EXPORT_K8S);
  g_assert_false (export_format_from_name ("yaml", &f));
  g_assert_false (export_format_from_name ("", &f));
  g_assert_false (export_format_from_name ("ENV", &f));
}

/* ---- every format, three presets ----------------------------------------- */

typedef struct
{
  const char *preset;
  /* The formats, in enum order, that fail with its example answers. */
  gboolean fails[EXPORT_MANIFEST + 1];
} Sweep;

static const Sweep sweeps[] = {
  { "mattermost-account", { FALSE } },
  /* No generated secrets for the plugin. */
  { "recall-account", { [EXPORT_MATTERMOST] = TRUE } },
  /* A Server-to-Server app: no management for Recall's kind either, and
   * no manifest. */
  { "own-server", { [EXPORT_MATTERMOST] = TRUE, [EXPORT_RECALL] = TRUE,
                    [EXPORT_MANIFEST] = TRUE } },
};

static void
test_every_format (gconstpointer data)
{
  const Sweep *sweep = data;
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example (sweep->preset, &p);

  for (int f = EXPORT_ENV; f <= EXPORT_MANIFEST; f++)
    {
      g_autoptr (GError) error = NULL;
      char *text = render (f, a, p, &error);
      g_test_message ("%s: %s", sweep->preset, export_format_names ()[f]);
      if (sweep->fails[f])
        {
          g_assert_null (text);
          g_assert_error (error, ZW_ERROR, ZW_ERROR_INVALID_DATA);
          continue;
        }
      g_assert_no_error (error);
      g_assert_nonnull (text);
      g_assert_true (g_str_has_suffix (text, "\n"));
      g_assert_true (g_utf8_validate (text, -1, NULL));
      if (f == EXPORT_JSON || f == EXPORT_MATTERMOST || f == EXPORT_RECALL
          || f == EXPORT_MANIFEST)
        json_decref (parse_json (text));
      /* The client secret is in every format that holds secrets but the
       * manifest (the app's own description: its event URL may hold the
       * webhook secret). */
      g_assert_true ((strstr (text, answers_get (a, ANSWER_CLIENT_SECRET)) != NULL)
                     == (export_holds_secrets (f) && f != EXPORT_MANIFEST));
      secret_free (text);
    }
}

/* ---- env and systemd --------------------------------------------------- */

static void
test_env (void)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("mattermost-account", &p);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = render (EXPORT_ENV, a, p, &error);
  g_autofree char *body = without_comments (text);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "# "));
  g_assert_nonnull (strstr (text, "work"));
  /* No account ID for a General app, even when the answers have one. */
  g_assert_cmpstr (body, ==,
                   "ZOOM_CLIENT_ID=\"AbCdEfGhIjKlMnOpQrStUv\"\n"
                   "ZOOM_CLIENT_SECRET=\"test-secret-0000000000000000000A\"\n"
                   "ZOOM_REDIRECT_URI=\"https://chat.example.com/plugins/zoom/oauth2/complete\"\n"
                   "ZOOM_WEBHOOK_SECRET_TOKEN=\"test-token-00000000000000000000B\"\n");
  answers_set (a, ANSWER_ACCOUNT_ID, "acc", ORIGIN_ANSWER);
  g_autofree char *again = render (EXPORT_ENV, a, p, NULL);
  g_assert_null (strstr (again, "ZOOM_ACCOUNT_ID"));
}

static void
test_env_server (void)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("own-server", &p);
  g_autofree char *text = render (EXPORT_ENV, a, p, NULL);
  g_autofree char *body = without_comments (text);

  /* Server-to-Server: the account ID, no redirect, no Secret Token. */
  g_assert_cmpstr (body, ==,
                   "ZOOM_ACCOUNT_ID=\"ZyXwVuTsRqPoNmLkJiHgFe\"\n"
                   "ZOOM_CLIENT_ID=\"AbCdEfGhIjKlMnOpQrStUv\"\n"
                   "ZOOM_CLIENT_SECRET=\"test-secret-0000000000000000000A\"\n");
  /* An empty value is left out like a missing one. */
  answers_set (a, ANSWER_ACCOUNT_ID, "", ORIGIN_ANSWER);
  g_autofree char *again = render (EXPORT_ENV, a, p, NULL);
  g_assert_null (strstr (again, "ZOOM_ACCOUNT_ID"));
}

/* Double quotes with \ " $ ` escaped, the newline literal: what both sh
 * and systemd's EnvironmentFile= read back as the value itself. */
static void
test_env_quoting (void)
{
  g_autoptr (Answers) a = answers_new ();
  answers_set (a, ANSWER_CLIENT_ID, "id with spaces", ORIGIN_ANSWER);
  answers_set (a, ANSWER_CLIENT_SECRET, tricky, ORIGIN_ANSWER);
  answers_set (a, ANSWER_SECRET_TOKEN, "\\", ORIGIN_ANSWER);
  g_autofree char *text = render (EXPORT_ENV, a, NULL, NULL);
  g_autofree char *body = without_comments (text);

  g_assert_cmpstr (body, ==,
                   "ZOOM_CLIENT_ID=\"id with spaces\"\n"
                   "ZOOM_CLIENT_SECRET=\"a'b\\\"c\\$d \\`e\\` f\\\\g\nh #i\"\n"
                   "ZOOM_WEBHOOK_SECRET_TOKEN=\"\\\\\"\n");
  g_autofree char *sd = render (EXPORT_SYSTEMD, a, NULL, NULL);
  g_autofree char *sd_body = without_comments (sd);
  g_assert_cmpstr (sd_body, ==, body);
}

/* systemd refuses an EnvironmentFile= with a noncharacter: an error, not a
 * file systemd ignores. JSON takes it. */
static void
test_env_noncharacter (void)
{
  g_autoptr (Answers) a = answers_new ();
  answers_set (a, ANSWER_CLIENT_SECRET, "x\xef\xbf\xbey", ORIGIN_ANSWER);
  for (int f = EXPORT_ENV; f <= EXPORT_SYSTEMD; f += EXPORT_SYSTEMD - EXPORT_ENV)
    {
      g_autoptr (GError) error = NULL;
      g_assert_null (render (f, a, NULL, &error));
      g_assert_error (error, ZW_ERROR, ZW_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "client_secret"));
    }
  g_autofree char *json = render (EXPORT_JSON, a, NULL, NULL);
  g_assert_nonnull (json);
}

static void
test_not_utf8 (void)
{
  g_autoptr (Answers) a = answers_new ();
  g_autoptr (GError) error = NULL;
  answers_set (a, ANSWER_CLIENT_SECRET, "zq\xffzq", ORIGIN_ANSWER);
  g_assert_null (render (EXPORT_JSON, a, NULL, &error));
  g_assert_error (error, ZW_ERROR, ZW_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "client_secret"));
  g_assert_null (strstr (error->message, "zq"));
}

static void
test_systemd (void)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("own-server", &p);
  g_autofree char *text = render (EXPORT_SYSTEMD, a, p, NULL);
  g_autofree char *env = render (EXPORT_ENV, a, p, NULL);
  g_autofree char *body = without_comments (text);
  g_autofree char *env_body = without_comments (env);

  g_assert_cmpstr (body, ==, env_body);
  g_assert_true (g_str_has_prefix (text, "# "));
  g_assert_nonnull (strstr (text, "\n#   EnvironmentFile=/etc/zoomwiz/work.env\n"));
  g_assert_nonnull (strstr (text, "\n#   LoadCredential=zoom:/etc/zoomwiz/work.env\n"));
  g_assert_nonnull (strstr (text, "$CREDENTIALS_DIRECTORY/zoom"));
  g_assert_nonnull (strstr (text, "0600"));
  /* Every line before the first assignment is a comment. */
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (char **l = lines; !g_str_has_prefix (*l, "ZOOM_"); l++)
    g_assert_cmpint (**l, ==, '#');
}

/* A profile's name with a newline stays in its comment line. */
static void
test_comment_one_line (void)
{
  g_autoptr (Answers) a = answers_new ();
  const ExportOptions o = { .profile = "evil\nZOOM_CLIENT_ID=\"x\"" };
  answers_set (a, ANSWER_CLIENT_ID, "id", ORIGIN_ANSWER);
  for (int f = EXPORT_ENV; f <= EXPORT_SYSTEMD; f += EXPORT_SYSTEMD - EXPORT_ENV)
    {
      g_autofree char *text = export_render (f, a, NULL, &o, NULL);
      g_autofree char *body = without_comments (text);
      g_assert_cmpstr (body, ==, "ZOOM_CLIENT_ID=\"id\"\n");
    }
}

/* ---- json -------------------------------------------------------------- */

static void
test_json (void)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("mattermost-account", &p);
  g_autofree char *text = render (EXPORT_JSON, a, p, NULL);
  json_t *j = parse_json (text);
  json_t *answers = json_object_get (j, "answers");

  g_assert_true (g_str_has_prefix (text, "{\n  \"profile\": \"work\",\n  \"answers\": {\n    \""));
  g_assert_cmpstr (json_string_value (json_object_get (j, "profile")), ==, "work");
  g_assert_cmpuint (json_object_size (j), ==, 2);
  /* Every key with a value, secrets included, and no other. */
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      const char *name = answer_key_info (k)->name;
      json_t *v = json_object_get (answers, name);
      const char *given = answers_get (a, k);
      if (given == NULL || *given == '\0')
        {
          g_assert_null (v);
          continue;
        }
      AnswerKind kind = answer_key_info (k)->kind;
      if (kind != ANSWER_KIND_URL_LIST && kind != ANSWER_KIND_WORDS)
        {
          g_assert_cmpstr (json_string_value (v), ==, given);
          continue;
        }
      g_auto (GStrv) items = answers_list (a, k);
      g_assert_true (json_is_array (v));
      g_assert_cmpuint (json_array_size (v), ==, g_strv_length (items));
      for (guint i = 0; items[i] != NULL; i++)
        g_assert_cmpstr (json_string_value (json_array_get (v, i)), ==, items[i]);
    }
  g_assert_cmpstr (json_string_value (json_object_get (answers, "webhook_secret")), ==,
                   "test-webhook-secret-00000000000D");
  g_assert_cmpuint (json_array_size (json_object_get (answers, "events")), ==, 2);
  json_decref (j);

  /* Any value survives, control characters and all. */
  g_autoptr (Answers) b = answers_new ();
  answers_set (b, ANSWER_CLIENT_SECRET, "\x01\x7f\xc2\x85\xe2\x80\xa8\t\r\"\\/é", ORIGIN_ANSWER);
  g_autofree char *odd = render (EXPORT_JSON, b, NULL, NULL);
  j = parse_json (odd);
  g_assert_cmpstr (json_string_value (json_object_get (json_object_get (j, "answers"),
                                                       "client_secret")),
                   ==, "\x01\x7f\xc2\x85\xe2\x80\xa8\t\r\"\\/é");
  json_decref (j);
  /* No answers at all. */
  g_autoptr (Answers) none = answers_new ();
  g_autofree char *empty = render (EXPORT_JSON, none, NULL, NULL);
  g_assert_cmpstr (empty, ==, "{\n  \"profile\": \"work\",\n  \"answers\": {}\n}\n");
}

/* ---- mattermost -------------------------------------------------------- */

/* integrations.md §1.1, lower-cased, sorted: those the wizard decides. */
static const char *const plugin_keys
    = "accountlevelapp encryptionkey oauthclientid oauthclientsecret webhooksecret "
      "zoomapiurl zoomurl zoomwebhooksecret";

/* A General app's manifest: Zoom's schema, from the answers and the
 * preset (doc/reference/marketplace-api.md). */
static void
test_manifest (void)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("mattermost-user", &p);
  answers_set (a, ANSWER_SCOPES, "meeting:read:meeting meeting:write:meeting user:read:user "
                                 "user:read:email", ORIGIN_ANSWER);
  g_autofree char *text = render (EXPORT_MANIFEST, a, p, NULL);
  g_autofree char *again = render (EXPORT_MANIFEST, a, p, NULL);
  json_t *j = parse_json (text);
  json_t *di = json_object_get (j, "display_information");
  json_t *oi = json_object_get (j, "oauth_information");
  json_t *sub = json_array_get (json_object_get (json_object_get (json_object_get (
                                    j, "features"), "event_subscription"), "events"), 0);

  g_assert_cmpstr (text, ==, again); /* deterministic */
  g_autofree char *top = object_keys (j);
  g_assert_cmpstr (top, ==, "display_information features oauth_information");
  const char *name = json_string_value (json_object_get (di, "display_name"));
  g_assert_cmpstr (name, ==, p->title);
  g_assert_cmpint (g_utf8_strlen (name, -1), <, 50);
  g_assert_cmpstr (json_string_value (json_object_get (oi, "usage")), ==, "USER_OPERATION");
  g_assert_cmpstr (json_string_value (json_object_get (oi, "development_redirect_uri")), ==,
                   "https://chat.example.com/plugins/zoom/oauth2/complete");
  g_assert_cmpstr (json_string_value (json_array_get (json_object_get (oi, "oauth_allow_list"),
                                                      0)),
                   ==, "https://chat.example.com/plugins/zoom/oauth2/complete");
  /* The preset's scopes are not optional; one the admin added is. */
  json_t *scopes = json_object_get (oi, "scopes");
  g_assert_cmpuint (json_array_size (scopes), ==, 4);
  g_assert_cmpstr (json_string_value (json_object_get (json_array_get (scopes, 0), "scope")),
                   ==, "meeting:read:meeting");
  g_assert_true (json_is_false (json_object_get (json_array_get (scopes, 0), "optional")));
  g_assert_cmpstr (json_string_value (json_object_get (json_array_get (scopes, 3), "scope")),
                   ==, "user:read:email");
  g_assert_true (json_is_true (json_object_get (json_array_get (scopes, 3), "optional")));
  g_assert_nonnull (strstr (json_string_value (json_object_get (oi, "scope_description")),
                            "meeting:write:meeting: "));
  /* The events, to the plugin's endpoint. */
  g_assert_cmpstr (json_string_value (json_array_get (json_object_get (sub, "event_types"), 1)),
                   ==, "meeting.ended");
  g_assert_nonnull (strstr (json_string_value (json_object_get (sub, "development_webhook_url")),
                            "/plugins/zoom/webhook?secret="));
  json_decref (j);

  /* Admin-managed: ADMIN_MANAGEMENT; no endpoint: no features. */
  answers_set (a, ANSWER_MANAGEMENT, "admin", ORIGIN_ANSWER);
  answers_set (a, ANSWER_EVENT_ENDPOINT, "", ORIGIN_ANSWER);
  g_autofree char *admin = render (EXPORT_MANIFEST, a, NULL, NULL);
  j = parse_json (admin);
  g_assert_cmpstr (json_string_value (json_object_get (json_object_get (j, "oauth_information"),
                                                       "usage")),
                   ==, "ADMIN_MANAGEMENT");
  g_assert_null (json_object_get (j, "features"));
  /* Without a preset: the profile's name, and no scope optional. */
  g_assert_cmpstr (json_string_value (json_object_get (json_object_get (j, "display_information"),
                                                       "display_name")),
                   ==, "work");
  json_decref (j);

  /* A name past Zoom's 50 characters is cut. */
  g_autofree char *title = p->title;
  p->title = g_strdup ("A very long name for a Zoom app, longer than Zoom allows it");
  g_autofree char *cut = render (EXPORT_MANIFEST, a, p, NULL);
  j = parse_json (cut);
  g_assert_cmpint (g_utf8_strlen (json_string_value (json_object_get (json_object_get (
                                      j, "display_information"), "display_name")), -1),
                   ==, 49);
  json_decref (j);
  g_free (p->title);
  p->title = g_steal_pointer (&title);

  /* What it cannot do without, said at once. */
  g_autoptr (GError) error = NULL;
  answers_set (a, ANSWER_REDIRECT_URL, NULL, ORIGIN_UNSET);
  answers_set (a, ANSWER_SITE_URL, NULL, ORIGIN_UNSET);
  answers_set (a, ANSWER_SCOPES, "", ORIGIN_ANSWER);
  g_assert_null (render (EXPORT_MANIFEST, a, NULL, &error));
  g_assert_nonnull (strstr (error->message, "redirect_url is missing"));
  g_assert_nonnull (strstr (error->message, "at least one scope"));
}

static void
test_mattermost (void)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("mattermost-account", &p);
  g_autofree char *text = render (EXPORT_MATTERMOST, a, p, NULL);
  json_t *j = parse_json (text);
  json_t *ps = json_object_get (j, "PluginSettings");
  json_t *zoom = json_object_get (json_object_get (ps, "Plugins"), "zoom");
  g_autofree char *top = object_keys (j);
  g_autofree char *settings = object_keys (ps);
  g_autofree char *keys = object_keys (zoom);
  g_autofree char *plugins = object_keys (json_object_get (ps, "Plugins"));
  g_autofree char *states = object_keys (json_object_get (ps, "PluginStates"));

  g_assert_cmpstr (top, ==, "PluginSettings");
  g_assert_cmpstr (settings, ==, "PluginStates Plugins");
  g_assert_cmpstr (plugins, ==, "zoom");
  g_assert_cmpstr (states, ==, "zoom");
  g_assert_cmpstr (keys, ==, plugin_keys);
  g_assert_true (json_is_true (json_object_get (
      json_object_get (json_object_get (ps, "PluginStates"), "zoom"), "Enable")));
  g_assert_true (json_is_true (json_object_get (zoom, "accountlevelapp")));
  /* Settings the wizard does not ask are left to what the admin set. */
  g_assert_null (json_object_get (zoom, "restrictmeetingcreation"));
  g_assert_null (json_object_get (zoom, "enablepostingrecordingpassword"));
  /* zoom.us: empty, the plugin falls back. */
  g_assert_cmpstr (json_string_value (json_object_get (zoom, "zoomurl")), ==, "");
  g_assert_cmpstr (json_string_value (json_object_get (zoom, "zoomapiurl")), ==, "");
  g_assert_cmpstr (json_string_value (json_object_get (zoom, "oauthclientid")), ==,
                   "AbCdEfGhIjKlMnOpQrStUv");
  g_assert_cmpstr (json_string_value (json_object_get (zoom, "oauthclientsecret")), ==,
                   "test-secret-0000000000000000000A");
  g_assert_cmpstr (json_string_value (json_object_get (zoom, "encryptionkey")), ==,
                   "test-encryption-key-00000000000C");
  g_assert_cmpstr (json_string_value (json_object_get (zoom, "webhooksecret")), ==,
                   "test-webhook-secret-00000000000D");
  g_assert_cmpstr (json_string_value (json_object_get (zoom, "zoomwebhooksecret")), ==,
                   "test-token-00000000000000000000B");
  json_decref (j);
}

static void
test_mattermost_user_and_gov (void)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("mattermost-user", &p);

  answers_set (a, ANSWER_ZOOM_URL, "https://zoomgov.com/", ORIGIN_ANSWER);
  answers_set (a, ANSWER_API_URL, "https://api.zoomgov.com", ORIGIN_ANSWER);
  g_autofree char *text = render (EXPORT_MATTERMOST, a, p, NULL);
  json_t *j = parse_json (text);
  json_t *zoom = json_object_get (json_object_get (json_object_get (j, "PluginSettings"),
                                                   "Plugins"),
                                  "zoom");
  g_autofree char *keys = object_keys (zoom);

  g_assert_cmpstr (keys, ==, plugin_keys);
  g_assert_true (json_is_false (json_object_get (zoom, "accountlevelapp")));
  g_assert_cmpstr (json_string_value (json_object_get (zoom, "zoomurl")), ==,
                   "https://zoomgov.com");
  g_assert_cmpstr (json_string_value (json_object_get (zoom, "zoomapiurl")), ==,
                   "https://api.zoomgov.com/v2");
  json_decref (j);

  /* An API URL given with its /v2, and zoom.us given explicitly. */
  answers_set (a, ANSWER_ZOOM_URL, "https://zoom.us", ORIGIN_ANSWER);
  answers_set (a, ANSWER_API_URL, "https://api.zoom.us/v2/", ORIGIN_ANSWER);
  g_autofree char *plain = render (EXPORT_MATTERMOST, a, p, NULL);
  g_assert_nonnull (strstr (plain, "\"zoomurl\": \"\""));
  g_assert_nonnull (strstr (plain, "\"zoomapiurl\": \"\""));

  /* One without the other would mix two clouds. */
  answers_set (a, ANSWER_ZOOM_URL, "https://zoomgov.com", ORIGIN_ANSWER);
  answers_set (a, ANSWER_API_URL, NULL, ORIGIN_ANSWER);
  g_autoptr (GError) error = NULL;
  g_assert_null (render (EXPORT_MATTERMOST, a, p, &error));
  g_assert_nonnull (strstr (error->message, "api_url"));
}

static void
test_mattermost_errors (void)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("mattermost-account", &p);
  g_autoptr (GError) error = NULL;

  /* Neither generated: both named, with the command that makes them. */
  answers_set (a, ANSWER_ENCRYPTION_KEY, NULL, ORIGIN_ANSWER);
  answers_set (a, ANSWER_WEBHOOK_SECRET, "too-short-secret", ORIGIN_ANSWER);
  g_assert_null (render (EXPORT_MATTERMOST, a, p, &error));
  g_assert_error (error, ZW_ERROR, ZW_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "encryption_key"));
  g_assert_nonnull (strstr (error->message, "webhook_secret"));
  g_assert_nonnull (strstr (error->message, "zoomwiz secret generate"));
  g_assert_null (strstr (error->message, "too-short-secret"));
  g_assert_null (strstr (error->message, "test-secret"));
  /* Its length, and nothing said of other characters when it has none. */
  g_assert_nonnull (strstr (error->message, "it is 16 characters long. Generate"));
  g_clear_error (&error);

  /* 32 characters, but not of the URL-safe alphabet. */
  answers_set (a, ANSWER_ENCRYPTION_KEY, "+encryption+key+00000000000000C/", ORIGIN_ANSWER);
  answers_set (a, ANSWER_WEBHOOK_SECRET, "test-webhook-secret-00000000000D", ORIGIN_ANSWER);
  g_assert_null (render (EXPORT_MATTERMOST, a, p, &error));
  g_assert_nonnull (strstr (error->message, "encryption_key"));
  g_assert_nonnull (strstr (error->message, "32 characters long with other characters."));
  g_assert_null (strstr (error->message, "webhook_secret"));
  g_clear_error (&error);
  answers_set (a, ANSWER_ENCRYPTION_KEY, "test-encryption-key-00000000000C", ORIGIN_ANSWER);

  /* Events need Zoom's Secret Token; without events it may be empty. */
  answers_set (a, ANSWER_SECRET_TOKEN, NULL, ORIGIN_ANSWER);
  g_assert_null (render (EXPORT_MATTERMOST, a, p, &error));
  g_assert_nonnull (strstr (error->message, "secret_token"));
  g_clear_error (&error);
  answers_set (a, ANSWER_EVENTS, "", ORIGIN_ANSWER);
  g_autofree char *text = render (EXPORT_MATTERMOST, a, p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\"zoomwebhooksecret\": \"\""));

  /* The plugin does not start without its client credentials. */
  answers_set (a, ANSWER_CLIENT_ID, NULL, ORIGIN_ANSWER);
  g_assert_null (render (EXPORT_MATTERMOST, a, p, &error));
  g_assert_nonnull (strstr (error->message, "client_id"));
}

static void
test_mattermost_steps (void)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("mattermost-account", &p);
  g_autofree char *admin = export_mattermost_steps (a, "/root/zoom-work.json");

  g_assert_nonnull (strstr (admin, "mmctl config patch /root/zoom-work.json\n"));
  g_assert_nonnull (strstr (admin, "mmctl plugin enable zoom"));
  g_assert_nonnull (strstr (admin, "/zoom connect"));
  g_assert_nonnull (strstr (admin, "system admin who is also a Zoom admin"));
  g_assert_nonnull (strstr (admin, "Install"));
  g_assert_nonnull (strstr (admin, "https://chat.example.com"));
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    if (answer_is_secret (k) && answers_get (a, k) != NULL)
      g_assert_null (strstr (admin, answers_get (a, k)));

  g_autoptr (Preset) q = NULL;
  g_autoptr (Answers) b = load_example ("mattermost-user", &q);
  g_autofree char *user = export_mattermost_steps (b, "my patch.json");
  g_assert_nonnull (strstr (user, "mmctl config patch 'my patch.json'\n"));
  g_assert_nonnull (strstr (user, "/zoom connect"));
  g_assert_null (strstr (user, "also a Zoom admin"));
}

/* ---- recall ------------------------------------------------------------ */

static void
check_recall (const char *preset, const char *kind)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example (preset, &p);
  g_autofree char *text = render (EXPORT_RECALL, a, p, NULL);
  json_t *j = parse_json (text);
  g_autofree char *keys = object_keys (j);

  g_assert_cmpstr (keys, ==, "client_id client_secret kind webhook_secret");
  g_assert_cmpstr (json_string_value (json_object_get (j, "kind")), ==, kind);
  g_assert_cmpstr (json_string_value (json_object_get (j, "client_id")), ==,
                   "AbCdEfGhIjKlMnOpQrStUv");
  g_assert_cmpstr (json_string_value (json_object_get (j, "client_secret")), ==,
                   "test-secret-0000000000000000000A");
  /* Recall's webhook_secret is Zoom's Secret Token. */
  g_assert_cmpstr (json_string_value (json_object_get (j, "webhook_secret")), ==,
                   "test-token-00000000000000000000B");
  json_decref (j);
}

static void
test_recall (void)
{
  check_recall ("recall-account", "account_level");
  check_recall ("recall-user", "user_level");

  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("recall-user", &p);
  g_autoptr (GError) error = NULL;
  g_autofree char *long_id = g_strnfill (201, 'x');
  answers_set (a, ANSWER_SECRET_TOKEN, NULL, ORIGIN_ANSWER);
  answers_set (a, ANSWER_CLIENT_ID, long_id, ORIGIN_ANSWER);
  g_assert_null (render (EXPORT_RECALL, a, p, &error));
  g_assert_nonnull (strstr (error->message, "secret_token"));
  g_assert_nonnull (strstr (error->message, "client_id is 201 characters"));
}

/* ---- k8s --------------------------------------------------------------- */

static void
test_k8s (void)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("own-server", &p);
  g_autofree char *text = render (EXPORT_K8S, a, p, NULL);
  g_autofree char *body = without_comments (text);

  g_assert_true (g_str_has_prefix (text, "# "));
  g_assert_cmpstr (body, ==,
                   "apiVersion: v1\n"
                   "kind: Secret\n"
                   "metadata:\n"
                   "  name: \"zoom-work\"\n"
                   "type: Opaque\n"
                   "stringData:\n"
                   "  ZOOM_ACCOUNT_ID: \"ZyXwVuTsRqPoNmLkJiHgFe\"\n"
                   "  ZOOM_CLIENT_ID: \"AbCdEfGhIjKlMnOpQrStUv\"\n"
                   "  ZOOM_CLIENT_SECRET: \"test-secret-0000000000000000000A\"\n");

  const ExportOptions o = { .profile = "work", .k8s_name = "zoom.prod-1",
                            .k8s_namespace = "chat" };
  answers_set (a, ANSWER_CLIENT_SECRET, tricky, ORIGIN_ANSWER);
  g_autofree char *named = export_render (EXPORT_K8S, a, p, &o, NULL);
  g_assert_nonnull (strstr (named, "\nmetadata:\n  name: \"zoom.prod-1\"\n  namespace: \"chat\"\n"));
  /* A JSON string is a YAML double-quoted scalar: read it back as JSON. */
  const char *line = strstr (named, "  ZOOM_CLIENT_SECRET: ");
  g_assert_nonnull (line);
  line += strlen ("  ZOOM_CLIENT_SECRET: ");
  g_autofree char *scalar = g_strndup (line, strcspn (line, "\n"));
  g_assert_cmpstr (scalar, ==, "\"a'b\\\"c$d `e` f\\\\g\\nh #i\"");
  json_t *j = json_loads (scalar, JSON_DECODE_ANY, NULL);
  g_assert_cmpstr (json_string_value (j), ==, tricky);
  json_decref (j);

  /* Nothing to put in it. */
  g_autoptr (Answers) none = answers_new ();
  g_autofree char *empty = render (EXPORT_K8S, none, NULL, NULL);
  g_assert_true (g_str_has_suffix (empty, "\ntype: Opaque\nstringData: {}\n"));
}

static void
test_k8s_names (void)
{
  static const struct
  {
    const char *profile, *name, *ns;
    gboolean ok;
  } cases[] = {
    { "work", NULL, NULL, TRUE },
    { "Work", NULL, NULL, FALSE },     /* upper case */
    { "my_app", NULL, NULL, FALSE },   /* underscore */
    { "a b", NULL, NULL, FALSE },
    { "x", "zoom-", NULL, FALSE },     /* ends with '-' */
    { "x", "a.b-c", NULL, TRUE },
    { "x", "a.-b", NULL, FALSE },      /* each part starts with a letter or digit */
    { "x", "a..b", NULL, FALSE },
    { "x", ".a", NULL, FALSE },
    { "x", NULL, "team-a", TRUE },
    { "x", NULL, "team.a", FALSE },    /* a namespace has no dots */
    { "x", NULL, "", FALSE },
  };
  g_autoptr (Answers) a = answers_new ();
  answers_set (a, ANSWER_CLIENT_ID, "id", ORIGIN_ANSWER);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ExportOptions o = { .profile = cases[i].profile, .k8s_name = cases[i].name,
                                .k8s_namespace = cases[i].ns };
      g_autoptr (GError) error = NULL;
      g_autofree char *text = export_render (EXPORT_K8S, a, NULL, &o, &error);
      g_test_message ("case %u", i);
      g_assert_true ((text != NULL) == cases[i].ok);
      if (!cases[i].ok)
        g_assert_error (error, ZW_ERROR, ZW_ERROR_INVALID_ARGUMENT);
    }
}

/* ---- checklist --------------------------------------------------------- */

static void
assert_no_secret (const char *text, const Answers *a)
{
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      const char *v = answers_get (a, k);
      if (answer_is_secret (k) && v != NULL && *v != '\0')
        {
          if (strstr (text, v) != NULL)
            g_test_message ("%s shows in:\n%s", answer_key_info (k)->name, text);
          g_assert_null (strstr (text, v));
        }
    }
}

static guint
count_steps (const char *text)
{
  guint n = 0;
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (char **l = lines; *l != NULL; l++)
    {
      g_autofree char *want = g_strdup_printf ("%u. ", n + 1);
      if (g_str_has_prefix (*l, want))
        n++;
    }
  return n;
}

/* The preset's guide lines that apply to A. */
static guint
lines_for (const Preset *p, const Answers *a)
{
  guint n = 0;
  for (guint i = 0; i < p->guide->len; i++)
    n += preset_line_applies (p->guide->pdata[i], a);
  return n;
}

static void
test_checklist (gconstpointer data)
{
  const char *id = data;
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example (id, &p);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = render (EXPORT_CHECKLIST, a, p, &error);
  g_autofree char *title = g_strdup_printf ("# %s (profile work)\n", p->title);

  g_assert_no_error (error);
  assert_no_secret (text, a);
  g_assert_true (g_str_has_prefix (text, title));
  g_assert_cmpuint (count_steps (text), ==, lines_for (p, a));
  g_assert_cmpuint (count_steps (text), >, 3);
  g_assert_nonnull (strstr (text, "\n## Values\n\n"));
  g_assert_null (strstr (text, "{"));
  g_auto (GStrv) scopes = answers_list (a, ANSWER_SCOPES);
  for (char **s = scopes; *s != NULL; s++)
    {
      g_autofree char *item = g_strdup_printf ("  - `%s`\n", *s);
      g_assert_nonnull (strstr (text, item));
    }
  if (answers_get (a, ANSWER_REDIRECT_URL) != NULL)
    {
      g_autofree char *item = g_strdup_printf ("- OAuth Redirect URL: `%s`\n",
                                               answers_get (a, ANSWER_REDIRECT_URL));
      g_assert_nonnull (strstr (text, item));
    }
}

static void
test_checklist_hides_secrets (void)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("mattermost-account", &p);
  g_autofree char *text = render (EXPORT_CHECKLIST, a, p, NULL);

  assert_no_secret (text, a);
  /* The URLs that carry ?secret= show where it comes from. */
  g_assert_nonnull (strstr (text, "- Event notification endpoint URL: "
                                  "`https://chat.example.com/plugins/zoom/webhook"
                                  "?secret=(your webhook_secret: from your keyring)`\n"));
  g_assert_nonnull (strstr (text, "/deauthorization?secret=(your webhook_secret: "
                                  "from your keyring)"));
  g_assert_nonnull (strstr (text, "  - `meeting.started`\n  - `meeting.ended`\n"));

  /* Secrets inside each other, and a secret in a value that is not one:
   * the longest is hidden whole. */
  answers_set (a, ANSWER_CLIENT_SECRET, "xx-token-value-xx", ORIGIN_ANSWER);
  answers_set (a, ANSWER_SECRET_TOKEN, "token-value", ORIGIN_ANSWER);
  answers_set (a, ANSWER_SCOPES, "user:read:user:admin token-value", ORIGIN_ANSWER);
  answers_set (a, ANSWER_REDIRECT_URL, "https://h.example.com/xx-token-value-xx",
               ORIGIN_ANSWER);
  g_autofree char *nested = render (EXPORT_CHECKLIST, a, p, NULL);
  assert_no_secret (nested, a);
  g_assert_nonnull (strstr (nested, "  - `(your secret_token: from your keyring)`\n"));
  g_assert_nonnull (strstr (nested, "https://h.example.com/(your client_secret: "
                                    "from your keyring)`"));

  /* A "secret" that is a word of the checklist itself cannot be hidden. */
  g_autoptr (GError) error = NULL;
  answers_set (a, ANSWER_SECRET_TOKEN, "your", ORIGIN_ANSWER);
  g_assert_null (render (EXPORT_CHECKLIST, a, p, &error));
  g_assert_error (error, ZW_ERROR, ZW_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "secret_token"));
}

static void
test_checklist_missing_values (void)
{
  g_autoptr (Preset) p = preset_load ("mattermost-account", NULL);
  g_autoptr (Answers) a = answers_new ();
  preset_apply (p, a, catalog);
  g_autofree char *text = render (EXPORT_CHECKLIST, a, p, NULL);

  /* Every step shows, with what is still missing. */
  g_assert_cmpuint (count_steps (text), ==, lines_for (p, a));
  g_assert_nonnull (strstr (text, "(redirect_url: not given yet)"));
}

/* The checklist follows the answers: the app type, the events chosen,
 * the environment, Zoom for Government's Marketplace. */
static void
test_checklist_follows_answers (void)
{
  g_autoptr (Preset) p = NULL;
  g_autoptr (Answers) a = load_example ("mattermost-account", &p);
  g_autofree char *general = render (EXPORT_CHECKLIST, a, p, NULL);
  g_assert_nonnull (strstr (general, "select General app"));
  g_assert_null (strstr (general, "legacy OAuth app"));
  g_assert_nonnull (strstr (general, "On marketplace.zoom.us "));
  g_assert_nonnull (strstr (general, "copy the Development Client ID"));
  g_assert_nonnull (strstr (general, "select Meetings → Start Meeting (meeting.started); "
                                     "Meetings → End Meeting (meeting.ended)."));

  answers_set (a, ANSWER_APP_TYPE, "oauth-legacy", ORIGIN_ANSWER);
  answers_set (a, ANSWER_EVENTS, "meeting.ended", ORIGIN_ANSWER);
  answers_set (a, ANSWER_ENVIRONMENT, "production", ORIGIN_ANSWER);
  answers_set (a, ANSWER_ZOOM_URL, "https://zoomgov.com", ORIGIN_ANSWER);
  g_autofree char *legacy = render (EXPORT_CHECKLIST, a, p, NULL);
  g_assert_null (strstr (legacy, "select General app"));
  g_assert_nonnull (strstr (legacy, "legacy OAuth app (created before 2024): open it on "
                                    "marketplace.zoomgov.com under Manage"));
  g_assert_null (strstr (legacy, "marketplace.zoom.us"));
  g_assert_null (strstr (legacy, "Start Meeting"));
  g_assert_nonnull (strstr (legacy, "select Meetings → End Meeting (meeting.ended)."));
  g_assert_nonnull (strstr (legacy, "switch to Production"));
  g_assert_null (strstr (legacy, "copy the Development Client ID"));

  /* No events: no subscription to add. */
  answers_set (a, ANSWER_EVENTS, NULL, ORIGIN_UNSET);
  g_autofree char *none = render (EXPORT_CHECKLIST, a, p, NULL);
  g_assert_null (strstr (none, "Add Events"));

  /* The wizard's steps each get their own lines, the finish what is left. */
  g_auto (GStrv) urls = export_guide (a, p, "urls", EXPORT_SECRETS_IN_KEYRING, NULL, NULL);
  g_assert_cmpuint (g_strv_length (urls), ==, 1);
  g_assert_nonnull (strstr (urls[0], "OAuth Redirect URL"));
  g_auto (GStrv) nowhere = export_guide (a, p, "no-such-step", EXPORT_SECRETS_IN_KEYRING, NULL, NULL);
  g_assert_null (nowhere[0]);

  /* A value not given: the general phrase, or the one the caller has for
   * it (the wizard's: the field below). */
  answers_set (a, ANSWER_REDIRECT_URL, NULL, ORIGIN_UNSET);
  g_auto (GStrv) phrased = export_guide (a, p, "urls", EXPORT_SECRETS_IN_KEYRING, NULL, NULL);
  g_assert_nonnull (strstr (phrased[0], "(redirect_url: not given yet)"));
  const char *missing[ANSWER_N_KEYS] = { [ANSWER_REDIRECT_URL] = "the Redirect URL below" };
  g_auto (GStrv) asked = export_guide (a, p, "urls", EXPORT_SECRETS_IN_KEYRING, missing, NULL);
  g_assert_nonnull (strstr (asked[0], "paste the Redirect URL below as"));
}

static void
test_checklist_without_preset (void)
{
  g_autoptr (Answers) a = answers_new ();
  answers_set (a, ANSWER_REDIRECT_URL, "https://app.example.com/cb", ORIGIN_ANSWER);
  answers_set (a, ANSWER_CLIENT_SECRET, "s3cr3t-value", ORIGIN_ANSWER);
  g_autofree char *text = render (EXPORT_CHECKLIST, a, NULL, NULL);
  g_assert_cmpstr (text, ==,
                   "# Zoom app (profile work)\n"
                   "\n## Values\n\n"
                   "- OAuth Redirect URL: `https://app.example.com/cb`\n");

  g_autoptr (Answers) none = answers_new ();
  g_autofree char *empty = render (EXPORT_CHECKLIST, none, NULL, NULL);
  g_assert_cmpstr (empty, ==, "# Zoom app (profile work)\n\n## Values\n\nNone given yet.\n");

  /* A backtick in a value does not end its code span. */
  answers_set (a, ANSWER_REDIRECT_URL, "https://app.example.com/`x`", ORIGIN_ANSWER);
  g_autofree char *ticks = render (EXPORT_CHECKLIST, a, NULL, NULL);
  g_assert_nonnull (strstr (ticks, "`` https://app.example.com/`x` ``"));
}

int
main (int argc, char **argv)
{
  secret_json_alloc_init (); /* as main does: the documents go through it */
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  catalog = catalog_load (NULL, NULL);
  g_assert_nonnull (catalog);
  g_test_add_func ("/export/names", test_names);
  for (guint i = 0; i < G_N_ELEMENTS (sweeps); i++)
    {
      g_autofree char *path = g_strdup_printf ("/export/every-format/%s", sweeps[i].preset);
      g_test_add_data_func (path, &sweeps[i], test_every_format);
    }
  g_test_add_func ("/export/env", test_env);
  g_test_add_func ("/export/env/server", test_env_server);
  g_test_add_func ("/export/env/quoting", test_env_quoting);
  g_test_add_func ("/export/env/noncharacter", test_env_noncharacter);
  g_test_add_func ("/export/env/comment-one-line", test_comment_one_line);
  g_test_add_func ("/export/not-utf8", test_not_utf8);
  g_test_add_func ("/export/systemd", test_systemd);
  g_test_add_func ("/export/json", test_json);
  g_test_add_func ("/export/mattermost", test_mattermost);
  g_test_add_func ("/export/manifest", test_manifest);
  g_test_add_func ("/export/mattermost/user-and-gov", test_mattermost_user_and_gov);
  g_test_add_func ("/export/mattermost/errors", test_mattermost_errors);
  g_test_add_func ("/export/mattermost/steps", test_mattermost_steps);
  g_test_add_func ("/export/recall", test_recall);
  g_test_add_func ("/export/k8s", test_k8s);
  g_test_add_func ("/export/k8s/names", test_k8s_names);
  static const char *const checklist_presets[]
      = { "mattermost-account", "recall-account", "own-server" };
  for (guint i = 0; i < G_N_ELEMENTS (checklist_presets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/export/checklist/%s", checklist_presets[i]);
      g_test_add_data_func (path, checklist_presets[i], test_checklist);
    }
  g_test_add_func ("/export/checklist/hides-secrets", test_checklist_hides_secrets);
  g_test_add_func ("/export/checklist/missing-values", test_checklist_missing_values);
  g_test_add_func ("/export/checklist/follows-answers", test_checklist_follows_answers);
  g_test_add_func ("/export/checklist/without-preset", test_checklist_without_preset);
  int status = g_test_run ();
  catalog_free (catalog);
  return status;
}
