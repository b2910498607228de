/* export.c - see export.h. The facts: zoom-reference.md "Exports";
 * integrations.md §1.1 (the Mattermost plugin's settings), §1.6 (mmctl), §2.1
 * (Recall.ai's create-app body), §4 (the env names); systemd.exec(5).
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "export.h"
#include "events.h"
#include "secret.h"
#include "text.h"
#include "url.h"

#include <jansson.h>
#include <string.h>

static const char *const format_names[]
    = { "env", "json", "mattermost", "recall", "k8s", "systemd", "checklist", "manifest", NULL };
G_STATIC_ASSERT (G_N_ELEMENTS (format_names) == EXPORT_MANIFEST + 2);
/* What a file of each format is called after the profile's name. */
static const char *const file_suffixes[]
    = { ".env", ".json", "-mattermost.json", "-recall.json", "-k8s.yaml", ".conf",
        "-checklist.txt", "-manifest.json" };
G_STATIC_ASSERT (G_N_ELEMENTS (file_suffixes) == EXPORT_MANIFEST + 1);

gboolean
export_format_from_name (const char *name, ExportFormat *out)
{
  for (int f = 0; format_names[f] != NULL; f++)
    if (strcmp (format_names[f], name) == 0)
      {
        *out = (ExportFormat) f;
        return TRUE;
      }
  return FALSE;
}

const char *const *
export_format_names (void)
{
  return format_names;
}

const char *
export_file_suffix (ExportFormat f)
{
  return file_suffixes[f];
}

gboolean
export_holds_secrets (ExportFormat f)
{
  return f != EXPORT_CHECKLIST;
}

/* ---- a buffer for text with secrets ------------------------------------ */

/* GString grows with realloc, which would leave copies of the secrets in
 * freed memory. Out moves its text to a bigger buffer itself and zeroes the
 * old one, so every byte it ever held is zeroed by out_wipe or secret_free. */
typedef struct
{
  GString *s;
} Out;

static Out
out_new (void)
{
  return (Out){ g_string_sized_new (1024) };
}

static void
string_wipe (GString *s)
{
  explicit_bzero (s->str, s->allocated_len);
  g_string_free (s, TRUE);
}

static void
out_wipe (Out *o)
{
  g_clear_pointer (&o->s, string_wipe);
}

/* The text, for secret_free. */
static char *
out_steal (Out *o)
{
  return g_string_free (g_steal_pointer (&o->s), FALSE);
}

static void
out_append_len (Out *o, const char *text, gsize n)
{
  /* GLib reallocates once len + n reaches allocated_len. */
  if (o->s->len + n >= o->s->allocated_len)
    {
      GString *bigger = g_string_sized_new (2 * (o->s->len + n));
      g_string_append_len (bigger, o->s->str, o->s->len);
      string_wipe (o->s);
      o->s = bigger;
    }
  g_string_append_len (o->s, text, n);
}

static void
out_append (Out *o, const char *text)
{
  out_append_len (o, text, strlen (text));
}

static void G_GNUC_PRINTF (2, 3)
out_printf (Out *o, const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  char *text = g_strdup_vprintf (format, ap);
  va_end (ap);
  out_append (o, text);
  secret_free (text);
}

/* ---- values ------------------------------------------------------------ */

/* An answer, NULL when it is not given or empty. */
static const char *
value (const Answers *a, AnswerKey k)
{
  const char *v = answers_get (a, k);
  return v != NULL && *v != '\0' ? v : NULL;
}

static const char *
key_name (AnswerKey k)
{
  return answer_key_info (k)->name;
}

/* A name for a comment or a heading: one line, no control characters. */
static char *
one_line (const char *s)
{
  return text_sanitize (s, -1, 200);
}

/* Problems gathered for one error, so the admin sees them all at once. */
static void G_GNUC_PRINTF (2, 3)
problem_add (GString *problems, const char *format, ...)
{
  va_list ap;
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  va_start (ap, format);
  g_string_append_vprintf (problems, format, ap);
  va_end (ap);
}

static gboolean
problems_report (GString *problems, GError **error)
{
  gboolean ok = problems->len == 0;
  if (!ok)
    {
      /* They quote the answers: safe for a terminal. */
      g_autofree char *said = text_clean (problems->str);
      g_set_error_literal (error, ZW_ERROR, ZW_ERROR_INVALID_DATA, said);
    }
  g_string_free (problems, TRUE);
  return ok;
}

/* ---- JSON documents and YAML strings ----------------------------------- */

static int
out_json_chunk (const char *buffer, size_t size, void *out)
{
  out_append_len (out, buffer, size);
  return 0;
}

/* DOC as the JSON exports have it: two-space indentation, the keys in the
 * order they were added, a newline at the end. jansson writes straight into
 * O (whose old buffers are zeroed), and frees DOC's values through
 * secret_json_free. DOC NULL (jansson had no memory) aborts, as g_malloc. */
static void
out_json (Out *o, json_t *doc, size_t flags)
{
  if (doc == NULL || json_dump_callback (doc, out_json_chunk, o, flags) != 0)
    g_error ("export: jansson could not make the document (out of memory)");
  json_decref (doc);
}

static void
out_json_document (Out *o, json_t *doc)
{
  out_json (o, doc, JSON_INDENT (2) | JSON_PRESERVE_ORDER);
  out_append (o, "\n");
}

/* Adds to OBJECT, or to the array when KEY is NULL; V NULL (no memory)
 * aborts at out_json. */
static void
json_add (json_t *object, const char *key, json_t *v)
{
  if (key != NULL ? json_object_set_new (object, key, v) : json_array_append_new (object, v))
    g_error ("export: jansson could not make the document (out of memory)");
}

static json_t *
json_string_list (char **items)
{
  json_t *list = json_array ();
  for (char **i = items; list != NULL && *i != NULL; i++)
    json_add (list, NULL, json_string (*i));
  return list;
}

/* S (valid UTF-8) as a YAML double-quoted scalar: JSON's escapes (YAML 1.2
 * takes JSON; 1.1 knows every escape used), and the characters YAML does
 * not take raw or folds as line breaks escaped too:
 * DEL, the C1 controls (NEL among them), U+2028, U+2029, U+FEFF, U+FFFE and
 * U+FFFF. Read back whole with PyYAML 6 (YAML 1.1); that kubectl's parser
 * (go-yaml) reads every escape alike is UNCONFIRMED, not tried. */
static void
out_yaml_string (Out *o, const char *s)
{
  out_append (o, "\"");
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char esc[8];
      switch (c)
        {
        case '"':
          out_append (o, "\\\"");
          break;
        case '\\':
          out_append (o, "\\\\");
          break;
        case '\n':
          out_append (o, "\\n");
          break;
        case '\r':
          out_append (o, "\\r");
          break;
        case '\t':
          out_append (o, "\\t");
          break;
        default:
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
              || c == 0xfeff || c == 0xfffe || c == 0xffff)
            {
              g_snprintf (esc, sizeof esc, "\\u%04X", c);
              out_append (o, esc);
              explicit_bzero (esc, sizeof esc);
            }
          else
            out_append_len (o, p, g_utf8_next_char (p) - p);
        }
    }
  out_append (o, "\"");
}

/* ---- env --------------------------------------------------------------- */

/* The names of zoom-reference.md "Exports". */
static const ExportName env_vars[] = {
  { "ZOOM_ACCOUNT_ID", ANSWER_ACCOUNT_ID },
  { "ZOOM_CLIENT_ID", ANSWER_CLIENT_ID },
  { "ZOOM_CLIENT_SECRET", ANSWER_CLIENT_SECRET },
  { "ZOOM_REDIRECT_URI", ANSWER_REDIRECT_URL },
  { "ZOOM_WEBHOOK_SECRET_TOKEN", ANSWER_SECRET_TOKEN },
};

const ExportName *
export_env_names (guint *n)
{
  *n = G_N_ELEMENTS (env_vars);
  return env_vars;
}

static const char *
env_value (const Answers *a, guint i)
{
  /* Only a Server-to-Server app gets its tokens with the Account ID. */
  if (env_vars[i].key == ANSWER_ACCOUNT_ID && answers_app_type (a) != APP_TYPE_S2S)
    return NULL;
  return value (a, env_vars[i].key);
}

/* Unicode noncharacters: systemd 252's EnvironmentFile= parser refuses a
 * value holding one, and then the whole file (tried with load_env_file() of
 * libsystemd-shared-252: -EINVAL). */
static gboolean
has_noncharacter (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
        return TRUE;
    }
  return FALSE;
}

static gboolean
env_check (const Answers *a, GError **error)
{
  GString *problems = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (env_vars); i++)
    {
      const char *v = env_value (a, i);
      if (v != NULL && has_noncharacter (v))
        problem_add (problems, _("%s holds a Unicode noncharacter (U+FDD0 to "
                                 "U+FDEF, or one ending in FFFE or FFFF), and "
                                 "systemd refuses an EnvironmentFile= that holds "
                                 "one. "
                                 "Copy the value from Zoom again."),
                     key_name (env_vars[i].key));
    }
  return problems_report (problems, error);
}

/* VALUE in double quotes for both a POSIX sh ". FILE" and systemd's
 * EnvironmentFile=. In both, a backslash before " \ ` or $ stands for that
 * character and any other character inside the quotes is itself, a newline
 * too: POSIX sh's double quotes, and systemd.exec(5) "EnvironmentFile=" of
 * systemd 252 ("the same escape sequences are recognized as in double-quoted
 * text of a POSIX shell"; a """-quoted value "can span multiple lines").
 * Checked with load_env_file() of libsystemd-shared-252, dash and bash on
 * the value a'b"c$d `e` f\g<newline>h #i. */
static void
out_env_value (Out *o, const char *v)
{
  out_append (o, "\"");
  for (const char *p = v; *p != '\0'; p++)
    {
      if (strchr ("\\\"$`", *p) != NULL)
        out_append (o, "\\");
      out_append_len (o, p, 1);
    }
  out_append (o, "\"");
}

static void
out_env_lines (Out *o, const Answers *a)
{
  for (guint i = 0; i < G_N_ELEMENTS (env_vars); i++)
    {
      const char *v = env_value (a, i);
      if (v == NULL)
        continue;
      out_printf (o, "%s=", env_vars[i].name);
      out_env_value (o, v);
      out_append (o, "\n");
    }
}

/* A comment line of an env, systemd or YAML file. systemd's parser takes a
 * backslash at the end of a comment as joining the next line to it (tried
 * with libsystemd-shared-252), so such a line gets a space after it. */
static void G_GNUC_PRINTF (2, 3)
out_comment (Out *o, const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  g_autofree char *text = g_strdup_vprintf (format, ap);
  va_end (ap);
  out_printf (o, "# %s%s\n", text, g_str_has_suffix (text, "\\") ? " " : "");
}

static void
render_env (Out *o, const Answers *a, const char *profile)
{
  out_comment (o, _("zoomwiz profile %s: the Zoom app's credentials. Keep this "
                    "file mode 0600."),
               profile);
  out_comment (o, _("For systemd's EnvironmentFile=, or in sh: set -a; . ./FILE; "
                    "set +a"));
  out_env_lines (o, a);
}

static void
render_systemd (Out *o, const Answers *a, const char *profile)
{
  g_autofree char *path = g_strdup_printf ("/etc/zoomwiz/%s.env", profile);

  out_comment (o, _("zoomwiz profile %s: the Zoom app's credentials for a "
                    "systemd service."),
               profile);
  out_comment (o, _("Save it as %s, owned by root, mode 0600: systemd reads it "
                    "as root before the service starts."),
               path);
  out_comment (o, _("Then add to the unit's [Service] section:"));
  out_comment (o, "  EnvironmentFile=%s", path);
  out_comment (o, _("Better (systemd 247 or later), as a credential, which "
                    "stays out of the environment of the service's children:"));
  out_comment (o, "  LoadCredential=zoom:%s", path);
  out_comment (o, _("and have the service read these lines from "
                    "$CREDENTIALS_DIRECTORY/zoom (in sh: set -a; . "
                    "\"$CREDENTIALS_DIRECTORY/zoom\"; set +a)."));
  out_env_lines (o, a);
}

/* ---- json -------------------------------------------------------------- */

static gboolean
is_list_key (AnswerKey k)
{
  AnswerKind kind = answer_key_info (k)->kind;
  return kind == ANSWER_KIND_URL_LIST || kind == ANSWER_KIND_WORDS;
}

static void
render_json (Out *o, const Answers *a, const char *profile)
{
  json_t *answers = json_object ();

  for (int k = 0; answers != NULL && k < ANSWER_N_KEYS; k++)
    {
      const char *v = value (a, k);
      if (v == NULL)
        continue;
      g_auto (GStrv) items = is_list_key (k) ? answers_list (a, k) : NULL;
      json_add (answers, key_name (k), items != NULL ? json_string_list (items) : json_string (v));
    }
  out_json_document (o, json_pack ("{s:s, s:o}", "profile", profile, "answers", answers));
}

/* ---- mattermost -------------------------------------------------------- */

/* The plugin's ZoomURL and ZoomAPIURL: empty for zoom.us, where the plugin
 * falls back to https://zoom.us and https://api.zoom.us/v2 (integrations.md
 * §1.1); otherwise zoom_url and api_url + "/v2". */
static void
mattermost_urls (const Answers *a, char **zoom, char **api, GString *problems)
{
  const char *zoom_url = value (a, ANSWER_ZOOM_URL);
  const char *api_url = value (a, ANSWER_API_URL);
  g_autofree char *z = zoom_url ? url_base (zoom_url, FALSE) : NULL;
  g_autofree char *x = api_url ? url_base (api_url, TRUE) : NULL;
  gboolean zoom_custom = z != NULL && strcmp (z, "https://zoom.us") != 0;
  gboolean api_custom = x != NULL && strcmp (x, "https://api.zoom.us") != 0;

  /* One without the other would send the plugin's API calls to zoom.us. */
  if (zoom_custom && api_url == NULL)
    {
      g_autofree char *shown = url_for_display (zoom_url);
      problem_add (problems, _("zoom_url is %s but api_url is not given: the "
                               "plugin would call the API of zoom.us. Give "
                               "api_url too (https://api.zoomgov.com for Zoom "
                               "for Government)."),
                   shown);
      return;
    }
  if (api_custom && zoom_url == NULL)
    {
      g_autofree char *shown = url_for_display (api_url);
      problem_add (problems, _("api_url is %s but zoom_url is not given: the "
                               "plugin would sign in at zoom.us. Give zoom_url "
                               "too (https://zoomgov.com for Zoom for "
                               "Government)."),
                   shown);
      return;
    }
  *zoom = g_strdup (zoom_custom ? z : "");
  *api = api_custom ? g_strconcat (x, "/v2", NULL) : g_strdup ("");
}

static void
need (const Answers *a, AnswerKey k, GString *problems, const char *fix)
{
  if (value (a, k) == NULL)
    /* TRANSLATORS: "client_id is missing: FIX". */
    problem_add (problems, _("%s is missing: %s"), key_name (k), fix);
}

static void
need_generated (const Answers *a, AnswerKey k, GString *problems, const char *use)
{
  const char *v = value (a, k);
  if (v == NULL)
    /* TRANSLATORS: the second %s says what the plugin uses the secret for. */
    problem_add (problems, _("%s is missing (%s). Generate it with 'zoomwiz "
                             "secret generate'."),
                 key_name (k), use);
  else if (!secret_is_generated_form (v))
    /* The length, never the value. */
    problem_add (problems,
                 secret_alphabet_ok (v)
                     ? _("%s must be %d characters of A-Z, a-z, 0-9, _ and - (%s), but "
                         "it is %ld characters long. Generate a new one with 'zoomwiz "
                         "secret generate'.")
                     : _("%s must be %d characters of A-Z, a-z, 0-9, _ and - (%s), but "
                         "it is %ld characters long with other characters. Generate a "
                         "new one with 'zoomwiz secret generate'."),
                 key_name (k), SECRET_GENERATED_LENGTH, use, (long) g_utf8_strlen (v, -1));
}

static gboolean
has_events (const Answers *a)
{
  g_auto (GStrv) events = answers_list (a, ANSWER_EVENTS);
  return events[0] != NULL;
}

/* The plugin's settings, lower-cased as the System Console stores them
 * (integrations.md §1.1 and §1.6), in the order the export writes them.
 * accountlevelapp is true for management admin. */
static const ExportName mattermost_settings[] = {
  { "zoomurl", ANSWER_ZOOM_URL },
  { "zoomapiurl", ANSWER_API_URL },
  { "accountlevelapp", ANSWER_MANAGEMENT },
  { "oauthclientid", ANSWER_CLIENT_ID },
  { "oauthclientsecret", ANSWER_CLIENT_SECRET },
  { "encryptionkey", ANSWER_ENCRYPTION_KEY },
  { "webhooksecret", ANSWER_WEBHOOK_SECRET },
  { "zoomwebhooksecret", ANSWER_SECRET_TOKEN },
};

const ExportName *
export_mattermost_names (guint *n)
{
  *n = G_N_ELEMENTS (mattermost_settings);
  return mattermost_settings;
}
static gboolean
render_mattermost (Out *o, const Answers *a, GError **error)
{
  GString *problems = g_string_new (NULL);
  g_autofree char *zoom = NULL, *api = NULL;
  Management m = answers_management (a);

  need (a, ANSWER_CLIENT_ID, problems,
        _("copy the Client ID from the app's App Credentials page in Zoom."));
  need (a, ANSWER_CLIENT_SECRET, problems,
        _("copy the Client Secret from the app's App Credentials page in Zoom."));
  need_generated (a, ANSWER_ENCRYPTION_KEY, problems,
                  _("the plugin's AES-256 key for the Zoom tokens it stores"));
  need_generated (a, ANSWER_WEBHOOK_SECRET, problems,
                  _("the ?secret= value in the URLs Zoom calls"));
  if (has_events (a))
    need (a, ANSWER_SECRET_TOKEN, problems,
          _("events are configured, so copy the Secret Token from Features → "
            "Access in Zoom; without it the plugin cannot answer Zoom's "
            "validation."));
  if (m == MANAGEMENT_INVALID)
    problem_add (problems, _("management is '%s'; give user or admin."),
                 answers_get (a, ANSWER_MANAGEMENT));
  mattermost_urls (a, &zoom, &api, problems);
  if (!problems_report (problems, error))
    return FALSE;

  /* Empty without events: the plugin then has no webhooks to check. */
  const char *token = value (a, ANSWER_SECRET_TOKEN);
  /* Only what the wizard decided: mmctl config patch leaves every other
     setting (restrictmeetingcreation, enablepostingrecordingpassword) as
     the admin set it. */
  json_t *zoom_settings = json_object ();
  for (guint i = 0; i < G_N_ELEMENTS (mattermost_settings); i++)
    {
      AnswerKey k = mattermost_settings[i].key;
      const char *v = k == ANSWER_ZOOM_URL      ? zoom
                      : k == ANSWER_API_URL     ? api
                      : k == ANSWER_SECRET_TOKEN ? (token != NULL ? token : "")
                                                 : value (a, k);
      json_object_set_new (zoom_settings, mattermost_settings[i].name,
                           k == ANSWER_MANAGEMENT ? json_boolean (m == MANAGEMENT_ADMIN)
                                                  : json_string (v));
    }
  out_json_document (o, json_pack ("{s:{s:{s:o}, s:{s:{s:b}}}}", "PluginSettings", "Plugins",
                                   "zoom", zoom_settings, "PluginStates", "zoom", "Enable",
                                   TRUE));
  return TRUE;
}

/* ---- recall ------------------------------------------------------------ */

/* Recall.ai takes at most 200 characters in each field (integrations.md §2.1). */
#define RECALL_MAX_CHARS 200

static gboolean
render_recall (Out *o, const Answers *a, GError **error)
{
  static const struct
  {
    const char *field;
    AnswerKey key;
  } fields[] = {
    { "client_id", ANSWER_CLIENT_ID },
    { "client_secret", ANSWER_CLIENT_SECRET },
    /* Recall's webhook_secret is the Zoom app's Secret Token. */
    { "webhook_secret", ANSWER_SECRET_TOKEN },
  };
  GString *problems = g_string_new (NULL);
  Management m = answers_management (a);

  if (m != MANAGEMENT_USER && m != MANAGEMENT_ADMIN)
    problem_add (problems, _("management is not user or admin: Recall.ai needs "
                             "kind user_level for a user-managed app or "
                             "account_level for an admin-managed one. Set "
                             "management."));
  need (a, ANSWER_CLIENT_ID, problems,
        _("copy the Client ID from the app's App Credentials page in Zoom."));
  need (a, ANSWER_CLIENT_SECRET, problems,
        _("copy the Client Secret from the app's App Credentials page in Zoom."));
  need (a, ANSWER_SECRET_TOKEN, problems,
        _("copy the Secret Token from Features → Access in Zoom; Recall.ai "
          "takes it as webhook_secret."));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *v = value (a, fields[i].key);
      if (v != NULL && g_utf8_strlen (v, -1) > RECALL_MAX_CHARS)
        problem_add (problems, _("%s is %ld characters long; Recall.ai takes at "
                                 "most %d. Check that it was pasted whole and "
                                 "alone."),
                     key_name (fields[i].key), (long) g_utf8_strlen (v, -1),
                     RECALL_MAX_CHARS);
    }
  if (!problems_report (problems, error))
    return FALSE;

  json_t *body = json_pack ("{s:s}", "kind",
                            m == MANAGEMENT_ADMIN ? "account_level" : "user_level");
  for (guint i = 0; body != NULL && i < G_N_ELEMENTS (fields); i++)
    json_add (body, fields[i].field, json_string (value (a, fields[i].key)));
  out_json_document (o, body);
  return TRUE;
}

/* ---- manifest ---------------------------------------------------------- */

/* Zoom's limit for display_information.display_name (marketplace-api.md:
 * "under 50 characters"). */
#define MANIFEST_NAME_MAX 49

/* S cut to at most MAX characters. */
static char *
cut_chars (const char *s, glong max)
{
  if (g_utf8_strlen (s, -1) <= max)
    return g_strdup (s);
  return g_strndup (s, (gsize) (g_utf8_offset_to_pointer (s, max) - s));
}

/* TRUE when the preset needs scope NAME (granular or classic list). */
static gboolean
preset_needs_scope (const Preset *p, const char *name)
{
  const GPtrArray *lists[] = { p != NULL ? p->scopes : NULL,
                               p != NULL ? p->classic_scopes : NULL };
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      if (strcmp (((const PresetScope *) lists[l]->pdata[i])->name, name) == 0)
        return TRUE;
  return FALSE;
}

/* DOC, the manifest, as zoomwiz has always written it: jansson's document,
 * but each of SCOPES on a line of its own, {"scope": …, "optional": …}.
 * jansson indents every level alike, so DOC holds an empty array for them,
 * and each is written by jansson on one line (no indentation: ", " and
 * ": ") in that array's place. jansson escapes a newline inside a string,
 * so "\n    \"scopes\": []" can only be that place. */
static void
out_manifest (Out *o, json_t *doc, char **scopes, const Preset *p)
{
  static const char place[] = "\n    \"scopes\": []";
  Out whole = out_new ();

  out_json_document (&whole, doc);
  const char *at = strstr (whole.s->str, place);
  g_assert (at != NULL);
  out_append_len (o, whole.s->str, (gsize) (at - whole.s->str) + strlen (place) - 1);
  for (char **sc = scopes; *sc != NULL; sc++)
    {
      out_append (o, sc == scopes ? "\n      " : ",\n      ");
      out_json (o, json_pack ("{s:s, s:b}", "scope", *sc, "optional",
                              p != NULL && !preset_needs_scope (p, *sc)),
                JSON_PRESERVE_ORDER);
    }
  out_append (o, scopes[0] != NULL ? "\n    ]" : "]");
  out_append (o, at + strlen (place));
  out_wipe (&whole);
}

/* The answers as a General app's manifest (marketplace-api.md, "The
 * manifest"): the display name (the preset's title or the profile's name,
 * within Zoom's 50 characters), usage from the management type, the
 * redirect URL for Development and Production alike (the same app page;
 * Zoom requires the Development one), the allow list, the scopes (those
 * the preset needs not optional, the others optional), and the event
 * subscription when there are an endpoint and events. A Server-to-Server
 * app has no manifest. */
static gboolean
render_manifest (Out *o, const Answers *a, const Preset *p, const char *profile,
                 GError **error)
{
  GString *problems = g_string_new (NULL);
  Management m = answers_management (a);
  g_auto (GStrv) scopes = answers_list (a, ANSWER_SCOPES);

  if (answers_app_type (a) == APP_TYPE_S2S)
    {
      problem_add (problems, _("A Server-to-Server app has no manifest: Zoom creates "
                               "one from its name and scopes alone. The manifest is "
                               "for General apps."));
      return problems_report (problems, error);
    }
  if (m != MANAGEMENT_USER && m != MANAGEMENT_ADMIN)
    problem_add (problems, _("management is not user or admin: the manifest's usage is "
                             "USER_OPERATION for a user-managed app, ADMIN_MANAGEMENT "
                             "for an admin-managed one. Set management."));
  need (a, ANSWER_REDIRECT_URL, problems,
        _("give the app's OAuth redirect URL (Zoom requires one for Development)."));
  if (scopes[0] == NULL)
    problem_add (problems, _("scopes is missing: a Zoom app needs at least one scope."));
  if (!problems_report (problems, error))
    return FALSE;

  g_autofree char *name = cut_chars (p != NULL && p->title != NULL ? p->title : profile,
                                     MANIFEST_NAME_MAX);
  g_autofree char *about = p != NULL && p->summary != NULL
                               ? g_strdup (p->summary)
                               : g_strdup_printf (_("Made with zoomwiz (profile %s)."),
                                                  profile);
  GString *why = g_string_new (NULL);
  for (guint i = 0; p != NULL && p->scopes != NULL && i < p->scopes->len; i++)
    {
      const PresetScope *ps = p->scopes->pdata[i];
      if (ps->purpose != NULL && g_strv_contains ((const char *const *) scopes, ps->name))
        g_string_append_printf (why, "%s%s: %s", why->len ? "; " : "", ps->name,
                                ps->purpose);
    }
  if (why->len == 0)
    g_string_append (why, _("The scopes the app's own features use."));
  const char *redirect = value (a, ANSWER_REDIRECT_URL);
  g_auto (GStrv) allow = answers_list (a, ANSWER_ALLOW_LIST);

  json_t *doc = json_pack (
      "{s:{s:s, s:s}, s:{s:s, s:s, s:s, s:o, s:b, s:b, s:[], s:s}}", "display_information",
      "display_name", name, "description", about, "oauth_information", "usage",
      m == MANAGEMENT_ADMIN ? "ADMIN_MANAGEMENT" : "USER_OPERATION",
      "development_redirect_uri", redirect, "production_redirect_uri", redirect,
      "oauth_allow_list",
      json_string_list (allow[0] != NULL ? allow : (char *[]){ (char *) redirect, NULL }),
      "strict_mode", FALSE, "subdomain_strict_mode", FALSE, "scopes", "scope_description",
      why->str);
  g_string_free (why, TRUE);

  const char *endpoint = value (a, ANSWER_EVENT_ENDPOINT);
  g_auto (GStrv) events = answers_list (a, ANSWER_EVENTS);
  if (doc != NULL && endpoint != NULL && events[0] != NULL)
    json_add (doc, "features",
              json_pack ("{s:{s:b, s:[{s:s, s:o, s:s, s:s}]}}", "event_subscription",
                         "enable", TRUE, "events", "subscription_name", name, "event_types",
                         json_string_list (events), "development_webhook_url", endpoint,
                         "production_webhook_url", endpoint));
  out_manifest (o, doc, scopes, p);
  return TRUE;
}

/* ---- k8s --------------------------------------------------------------- */

/* A DNS-1123 subdomain (a Secret's name: MAX 253, with dots) or label (a
 * namespace: MAX 63, no dots), as Kubernetes' validation says:
 * [a-z0-9]([-a-z0-9]*[a-z0-9])?, dot-separated for a subdomain. */
static gboolean
k8s_name_ok (const char *s, gsize max, gboolean dots)
{
  gsize n = strlen (s);
  if (n == 0 || n > max)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      gboolean alnum = g_ascii_islower (s[i]) || g_ascii_isdigit (s[i]);
      gboolean edge = i == 0 || i == n - 1 || s[i - 1] == '.' || s[i + 1] == '.';
      if (!(alnum || (s[i] == '-' && !edge) || (dots && s[i] == '.' && !edge)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
render_k8s (Out *o, const Answers *a, const ExportOptions *opt, GError **error)
{
  g_autofree char *name = opt->k8s_name != NULL ? g_strdup (opt->k8s_name)
                                                 : g_strconcat ("zoom-", opt->profile, NULL);
  const char *ns = opt->k8s_namespace;
  g_autofree char *profile = one_line (opt->profile);
  gboolean any = FALSE;

  if (!k8s_name_ok (name, 253, TRUE))
    {
      g_autofree char *shown = one_line (name);
      g_set_error (error, ZW_ERROR, ZW_ERROR_INVALID_ARGUMENT,
                   _("'%s' cannot name a Kubernetes Secret: give a name of at "
                     "most 253 lower-case letters, digits, '-' and '.', where "
                     "each part between dots starts and ends with a letter or "
                     "digit."),
                   shown);
      return FALSE;
    }
  if (ns != NULL && !k8s_name_ok (ns, 63, FALSE))
    {
      g_autofree char *shown = one_line (ns);
      g_set_error (error, ZW_ERROR, ZW_ERROR_INVALID_ARGUMENT,
                   _("'%s' is not a Kubernetes namespace: give one of at most "
                     "63 lower-case letters, digits and '-', that starts and "
                     "ends with a letter or digit."),
                   shown);
      return FALSE;
    }

  out_comment (o, _("zoomwiz profile %s: the Zoom app's credentials as a "
                    "Kubernetes Secret."),
               profile);
  out_comment (o, _("It holds secrets: apply it with kubectl apply -f FILE and "
                    "keep it out of version control."));
  out_append (o, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ");
  out_yaml_string (o, name);
  out_append (o, "\n");
  if (ns != NULL)
    {
      out_append (o, "  namespace: ");
      out_yaml_string (o, ns);
      out_append (o, "\n");
    }
  out_append (o, "type: Opaque\nstringData:");
  for (guint i = 0; i < G_N_ELEMENTS (env_vars); i++)
    {
      const char *v = env_value (a, i);
      if (v == NULL)
        continue;
      any = TRUE;
      out_printf (o, "\n  %s: ", env_vars[i].name);
      out_yaml_string (o, v);
    }
  out_append (o, any ? "\n" : " {}\n");
  return TRUE;
}

/* ---- checklist --------------------------------------------------------- */

/* VALUE as Markdown code: fenced by more backticks than it holds in a row,
 * with spaces where it starts or ends with one (CommonMark's code spans). */
static void
out_md_code (Out *o, const char *v)
{
  guint run = 0, longest = 0;
  for (const char *p = v; *p != '\0'; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  g_autofree char *fence = g_strnfill (longest + 1, '`');
  gboolean pad = longest > 0 && (v[0] == '`' || v[strlen (v) - 1] == '`');
  out_printf (o, "%s%s", fence, pad ? " " : "");
  out_append (o, v);
  out_printf (o, "%s%s", pad ? " " : "", fence);
}

/* The values the admin pastes into the Marketplace, in its order. */
static void
out_values (Out *o, const Answers *a)
{
  static const struct
  {
    AnswerKey key;
    const char *label;
  } rows[] = {
    { ANSWER_REDIRECT_URL, N_("OAuth Redirect URL") },
    { ANSWER_ALLOW_LIST, N_("OAuth Allow Lists") },
    { ANSWER_EVENT_ENDPOINT, N_("Event notification endpoint URL") },
    { ANSWER_EVENTS, N_("Events") },
    { ANSWER_DEAUTHORIZATION_URL, N_("Deauthorization Notification endpoint URL") },
    { ANSWER_SCOPES, N_("Scopes") },
  };
  gboolean any = FALSE;

  out_printf (o, "\n## %s\n\n", _("Values"));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *v = value (a, rows[i].key);
      if (v == NULL)
        continue;
      any = TRUE;
      out_printf (o, "- %s:", _(rows[i].label));
      if (!is_list_key (rows[i].key))
        {
          out_append (o, " ");
          out_md_code (o, v);
          out_append (o, "\n");
          continue;
        }
      g_auto (GStrv) items = answers_list (a, rows[i].key);
      out_append (o, "\n");
      for (char **item = items; *item != NULL; item++)
        {
          out_append (o, "  - ");
          out_md_code (o, *item);
          out_append (o, "\n");
        }
    }
  if (!any)
    out_printf (o, "%s\n", _("None given yet."));
}

/* TEXT with every secret's value replaced by a phrase naming the key, the
 * longest match first, in one pass (a phrase is never searched again). */
static char *
hide_secrets (const char *text, const Answers *a, ExportSecretsAt at)
{
  Out o = out_new ();
  for (const char *p = text; *p != '\0';)
    {
      int best = -1;
      gsize best_len = 0;
      for (int k = 0; k < ANSWER_N_KEYS; k++)
        {
          const char *v = value (a, k);
          if (!answer_is_secret (k) || v == NULL)
            continue;
          gsize n = strlen (v);
          if (n > best_len && strncmp (p, v, n) == 0)
            {
              best = k;
              best_len = n;
            }
        }
      if (best < 0)
        {
          out_append_len (&o, p++, 1);
          continue;
        }
      /* TRANSLATORS: stand in the checklist where a secret's value would
         be; %s is its key, e.g. webhook_secret. */
      if (at == EXPORT_SECRETS_IN_FILE)
        out_printf (&o, _("(your %s: from the profile's secrets file)"), key_name (best));
      else if (at == EXPORT_SECRETS_IN_ANSWERS)
        out_printf (&o, _("(your %s: from your answers)"), key_name (best));
      else
        out_printf (&o, _("(your %s: from your keyring)"), key_name (best));
      p += best_len;
    }
  return out_steal (&o);
}

/* The answers for the steps' templates, with a phrase for each value not
 * given (MISSING's, or a general one), so that every step shows. Free with
 * answers_free (it zeroes). */
static Answers *
answers_for_steps (const Answers *a, const char *const *missing_phrase)
{
  Answers *filled = answers_new ();
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      g_autofree char *missing = NULL;
      const char *v = value (a, k);
      if (v == NULL && missing_phrase != NULL && missing_phrase[k] != NULL)
        v = missing_phrase[k];
      else if (v == NULL)
        /* TRANSLATORS: stands in a checklist step for a value not given. */
        v = missing = g_strdup_printf (_("(%s: not given yet)"), key_name (k));
      answers_set (filled, k, v, ORIGIN_ANSWER);
    }
  return filled;
}

/* FALSE with ERROR when a secret short enough to be a word of TEXT's own
 * still shows in it after hide_secrets. */
static gboolean
secrets_hidden (const char *text, const Answers *a, GError **error)
{
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    if (answer_is_secret (k) && value (a, k) != NULL && strstr (text, value (a, k)))
      {
        g_set_error (error, ZW_ERROR, ZW_ERROR_INVALID_DATA,
                     _("%s is so short that it cannot be hidden in the "
                       "checklist (it is part of the checklist's words). "
                       "Give the real value from Zoom."),
                     key_name (k));
        return FALSE;
      }
  return TRUE;
}

/* Where the admin builds the app: Zoom for Government has its own
 * Marketplace. */
static const char *
marketplace_host (const Answers *a)
{
  const char *zoom = value (a, ANSWER_ZOOM_URL);
  if (zoom != NULL)
    {
      g_autoptr (GUri) u = g_uri_parse (zoom, G_URI_FLAGS_NONE, NULL);
      const char *h = u != NULL ? g_uri_get_host (u) : NULL;
      if (h != NULL && (g_str_has_suffix (h, ".zoomgov.com") || strcmp (h, "zoomgov.com") == 0))
        return "marketplace.zoomgov.com";
    }
  return "marketplace.zoom.us";
}

/* The events as Add Events shows them: "Meetings → End Meeting
 * (meeting.ended)", joined; NULL when there are none. */
static char *
event_labels (const Answers *a)
{
  g_auto (GStrv) events = answers_list (a, ANSWER_EVENTS);
  if (events[0] == NULL)
    return NULL;
  GString *s = g_string_new (NULL);
  for (char **e = events; *e != NULL; e++)
    {
      g_autofree char *label = events_label (*e);
      if (s->len > 0)
        g_string_append (s, "; ");
      if (label != NULL)
        g_string_append_printf (s, "%s (%s)", label, *e);
      else
        g_string_append (s, *e);
    }
  return g_string_free (s, FALSE);
}

/* TEXT with {NAME} replaced by WITH. */
static char *
replace_name (const char *text, const char *name, const char *with)
{
  g_autofree char *braced = g_strdup_printf ("{%s}", name);
  g_auto (GStrv) parts = g_strsplit (text, braced, -1);
  return g_strjoinv (with, parts);
}

char **
export_guide (const Answers *a, const Preset *p, const char *step, ExportSecretsAt at,
              const char *const *missing, GError **error)
{
  GPtrArray *lines = g_ptr_array_new ();
  Answers *filled = answers_for_steps (a, missing);
  g_autofree char *labels = event_labels (a);
  if (labels == NULL)
    /* TRANSLATORS: stands in a checklist step for the events, none given. */
    labels = g_strdup (_("(events: none chosen yet)"));

  for (guint i = 0; p != NULL && i < p->guide->len; i++)
    {
      const PresetLine *l = p->guide->pdata[i];
      if ((step != NULL && strcmp (l->step, step) != 0) || !preset_line_applies (l, a))
        continue;
      g_autofree char *host = replace_name (l->text, "marketplace", marketplace_host (a));
      g_autofree char *named = replace_name (host, "event_labels", labels);
      char *expanded = preset_expand (named, filled);
      char *text = hide_secrets (expanded != NULL ? expanded : named, a, at);
      secret_free (expanded);
      g_ptr_array_add (lines, text);
    }
  answers_free (filled);
  g_ptr_array_add (lines, NULL);
  char **out = (char **) g_ptr_array_free (lines, FALSE);

  for (char **l = out; *l != NULL; l++)
    if (!secrets_hidden (*l, a, error))
      {
        g_strfreev (out);
        return NULL;
      }
  return out;
}

static gboolean
render_checklist (Out *o, const Answers *a, const Preset *p, const char *profile,
                  ExportSecretsAt at,
                  GError **error)
{
  Out draft = out_new ();
  g_autofree char *name = one_line (profile);
  g_autofree char *heading = NULL;

  if (p != NULL)
    {
      g_autofree char *title = one_line (p->title);
      /* TRANSLATORS: the checklist's title: the preset's title, the profile. */
      heading = g_strdup_printf (_("%s (profile %s)"), title, name);
    }
  else
    heading = g_strdup_printf (_("Zoom app (profile %s)"), name);
  out_printf (&draft, "# %s\n", heading);

  g_auto (GStrv) steps = export_guide (a, p, NULL, at, NULL, error);
  if (steps == NULL)
    {
      out_wipe (&draft);
      return FALSE;
    }
  if (steps[0] != NULL)
    {
      out_printf (&draft, "\n## %s\n\n", _("Steps in the Zoom App Marketplace"));
      for (guint i = 0; steps[i] != NULL; i++)
        out_printf (&draft, "%u. %s\n", i + 1, steps[i]);
    }
  out_values (&draft, a);

  /* The values hold secrets too (a ?secret= in the event URL). */
  char *text = hide_secrets (draft.s->str, a, at);
  out_wipe (&draft);
  if (!secrets_hidden (text, a, error))
    {
      secret_free (text);
      return FALSE;
    }
  out_append (o, text);
  g_free (text);
  return TRUE;
}

/* ---- the formats ------------------------------------------------------- */

static gboolean
check_utf8 (const Answers *a, GError **error)
{
  GString *problems = g_string_new (NULL);
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    if (answers_get (a, k) != NULL && !g_utf8_validate (answers_get (a, k), -1, NULL))
      problem_add (problems, _("The value of %s is not UTF-8 text. Type it "
                               "again, or save the answers file as UTF-8."),
                   key_name (k));
  return problems_report (problems, error);
}

char *
export_render (ExportFormat f, const Answers *a, const Preset *p,
               const ExportOptions *o, GError **error)
{
  g_return_val_if_fail (a != NULL && o != NULL && o->profile != NULL, NULL);

  g_autofree char *profile = one_line (o->profile);
  gboolean ok = TRUE;
  Out out;

  if (!g_utf8_validate (o->profile, -1, NULL))
    {
      g_set_error (error, ZW_ERROR, ZW_ERROR_INVALID_ARGUMENT,
                   _("The profile's name '%s' is not UTF-8 text; rename the "
                     "profile."),
                   profile);
      return NULL;
    }
  if (!check_utf8 (a, error))
    return NULL;
  if ((f == EXPORT_ENV || f == EXPORT_SYSTEMD) && !env_check (a, error))
    return NULL;

  out = out_new ();
  switch (f)
    {
    case EXPORT_ENV:
      render_env (&out, a, profile);
      break;
    case EXPORT_SYSTEMD:
      render_systemd (&out, a, profile);
      break;
    case EXPORT_JSON:
      render_json (&out, a, o->profile);
      break;
    case EXPORT_MATTERMOST:
      ok = render_mattermost (&out, a, error);
      break;
    case EXPORT_RECALL:
      ok = render_recall (&out, a, error);
      break;
    case EXPORT_K8S:
      ok = render_k8s (&out, a, o, error);
      break;
    case EXPORT_CHECKLIST:
      ok = render_checklist (&out, a, p, o->profile, o->secrets_at, error);
      break;
    case EXPORT_MANIFEST:
      ok = render_manifest (&out, a, p, o->profile, error);
      break;
    default:
      g_critical ("export_render: no format %d", (int) f);
      ok = FALSE;
    }
  if (!ok)
    {
      out_wipe (&out);
      return NULL;
    }
  return out_steal (&out);
}

/* ---- what the Mattermost admin does next -------------------------------- */

/* A numbered line of the steps. */
static void G_GNUC_PRINTF (3, 4)
add_step (GString *s, guint *n, const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  g_autofree char *text = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_string_append_printf (s, "  %u. %s\n", ++*n, text);
}

char *
export_mattermost_steps (const Answers *a, const char *patch_path)
{
  g_autofree char *path = text_shell_word (patch_path);
  const char *site = value (a, ANSWER_SITE_URL);
  GString *s = g_string_new (NULL);
  guint n = 0;

  g_string_append_printf (s, "%s\n", _("On the Mattermost server, with mmctl "
                                       "signed in as a system admin:"));
  add_step (s, &n, "%s", _("Only if the Zoom plugin is not installed yet: "
                           "mmctl plugin marketplace install zoom"));
  /* The patch deep-merges into the plugin settings, leaving other plugins'
     settings alone (integrations.md §1.6). */
  add_step (s, &n, _("Apply the settings: mmctl config patch %s"), path);
  add_step (s, &n, "%s", _("Enable the plugin: mmctl plugin enable zoom"));
  add_step (s, &n, _("Delete %s: it holds the plugin's secrets, and Mattermost "
                     "keeps its own copy."),
            path);
  if (site != NULL)
    {
      g_autofree char *shown = one_line (site);
      add_step (s, &n, _("Check that mmctl config get ServiceSettings.SiteURL "
                         "says %s: the plugin builds its redirect URL from it."),
                shown);
    }
  if (has_events (a))
    add_step (s, &n, "%s", _("Then add the event subscription in Zoom: Validate "
                             "succeeds only once the plugin runs with these "
                             "settings."));
  if (answers_management (a) == MANAGEMENT_ADMIN)
    add_step (s, &n, "%s", _("A Mattermost system admin who is also a Zoom admin "
                             "of this account runs /zoom connect first. Until "
                             "then other users see \"Zoom App not connected\"."));
  else
    add_step (s, &n, "%s", _("Each user connects their own Zoom account with "
                             "/zoom connect (or when they start their first "
                             "meeting)."));
  g_string_append_printf (s, "%s\n", _("Never click Zoom's Install button (Add App "
                                       "Now): authorizing outside Mattermost ends "
                                       "in a \"missing stored state\" (404) or "
                                       "\"OAuth user state mismatch\" (401) error."));
  return g_string_free (s, FALSE);
}
