/* answers.c - see answers.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "answers.h"
#include "infile.h"
#include "text.h"
#include "url.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

static const char *const app_types[] = { "general", "s2s", "oauth-legacy", NULL };
static const char *const managements[] = { "user", "admin", NULL };
static const char *const environments[] = { "development", "production", NULL };
/* Recall.ai's regions (https://docs.recall.ai/docs/regions). */
static const char *const recall_regions[]
    = { "us-west-2", "us-east-1", "eu-central-1", "ap-northeast-1", NULL };

static const AnswerKeyInfo keys[ANSWER_N_KEYS] = {
  [ANSWER_PRESET] = { "preset", ANSWER_KIND_TEXT, NULL },
  [ANSWER_APP_TYPE] = { "app_type", ANSWER_KIND_CHOICE, app_types },
  [ANSWER_MANAGEMENT] = { "management", ANSWER_KIND_CHOICE, managements },
  [ANSWER_ENVIRONMENT] = { "environment", ANSWER_KIND_CHOICE, environments },
  [ANSWER_SITE_URL] = { "site_url", ANSWER_KIND_URL, NULL },
  [ANSWER_REDIRECT_URL] = { "redirect_url", ANSWER_KIND_URL, NULL },
  [ANSWER_ALLOW_LIST] = { "allow_list", ANSWER_KIND_URL_LIST, NULL },
  [ANSWER_SCOPES] = { "scopes", ANSWER_KIND_WORDS, NULL },
  [ANSWER_EVENT_ENDPOINT] = { "event_endpoint", ANSWER_KIND_URL, NULL },
  [ANSWER_EVENTS] = { "events", ANSWER_KIND_WORDS, NULL },
  [ANSWER_DEAUTHORIZATION_URL] = { "deauthorization_url", ANSWER_KIND_URL, NULL },
  [ANSWER_ACCOUNT_ID] = { "account_id", ANSWER_KIND_TEXT, NULL },
  [ANSWER_CLIENT_ID] = { "client_id", ANSWER_KIND_TEXT, NULL },
  [ANSWER_CLIENT_SECRET] = { "client_secret", ANSWER_KIND_SECRET, NULL },
  [ANSWER_SECRET_TOKEN] = { "secret_token", ANSWER_KIND_SECRET, NULL },
  [ANSWER_ENCRYPTION_KEY] = { "encryption_key", ANSWER_KIND_SECRET, NULL },
  [ANSWER_WEBHOOK_SECRET] = { "webhook_secret", ANSWER_KIND_SECRET, NULL },
  [ANSWER_RECALL_REGION] = { "recall_region", ANSWER_KIND_CHOICE, recall_regions },
  [ANSWER_RECALL_APP_ID] = { "recall_app_id", ANSWER_KIND_TEXT, NULL },
  [ANSWER_RECALL_API_KEY] = { "recall_api_key", ANSWER_KIND_SECRET, NULL },
  [ANSWER_APP_ID] = { "app_id", ANSWER_KIND_TEXT, NULL },
  [ANSWER_BUILDER] = { "builder", ANSWER_KIND_TEXT, NULL },
  [ANSWER_CONTACT_NAME] = { "contact_name", ANSWER_KIND_TEXT, NULL },
  [ANSWER_CONTACT_EMAIL] = { "contact_email", ANSWER_KIND_TEXT, NULL },
  [ANSWER_COMPANY] = { "company", ANSWER_KIND_TEXT, NULL },
  [ANSWER_ZOOM_URL] = { "zoom_url", ANSWER_KIND_URL, NULL },
  [ANSWER_API_URL] = { "api_url", ANSWER_KIND_URL, NULL },
};

#define GROUP "zoomwiz"
#define FILE_SUFFIX "_file"

const AnswerKeyInfo *
answer_key_info (AnswerKey key)
{
  g_return_val_if_fail (key < ANSWER_N_KEYS, NULL);
  return &keys[key];
}

int
answer_key_by_name (const char *name)
{
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    if (strcmp (keys[k].name, name) == 0)
      return k;
  return -1;
}

gboolean
answer_is_secret (AnswerKey key)
{
  return keys[key].kind == ANSWER_KIND_SECRET;
}

/* Whether URL has a secret= parameter with a value (WITH_VALUE) or only
 * ones without. */
static gboolean
url_has_secret (const char *url, gboolean with_value)
{
  gboolean any = FALSE;
  gsize len = 0;
  for (const char *v = url_secret_next (url, NULL, &len); v != NULL;
       v = url_secret_next (url, v + len, &len))
    {
      if (len > 0)
        return with_value;
      any = TRUE;
    }
  return any && !with_value;
}

gboolean
answers_holds_secret (const Answers *a, AnswerKey key)
{
  return answer_is_secret (key)
         || (keys[key].kind == ANSWER_KIND_URL && url_has_secret (a->values[key], TRUE));
}

gboolean
answers_secret_withheld (const Answers *a, AnswerKey key)
{
  return keys[key].kind == ANSWER_KIND_URL && url_has_secret (a->values[key], FALSE);
}

Answers *
answers_new (void)
{
  return g_new0 (Answers, 1);
}

static void
value_clear (Answers *a, AnswerKey key)
{
  if (a->values[key] != NULL && answers_holds_secret (a, key))
    explicit_bzero (a->values[key], strlen (a->values[key]));
  g_clear_pointer (&a->values[key], g_free);
  a->origin[key] = ORIGIN_UNSET;
  a->provenance[key] = PROVENANCE_UNKNOWN;
}

static const char *const provenance_names[PROVENANCE_N] = {
  [PROVENANCE_ANSWERS_FILE] = "answers-file",
  [PROVENANCE_WIZARD] = "wizard",
  [PROVENANCE_GENERATED] = "generated",
};

const char *
provenance_name (Provenance p)
{
  return p < PROVENANCE_N ? provenance_names[p] : NULL;
}

Provenance
provenance_by_name (const char *name)
{
  for (int p = 0; p < PROVENANCE_N && name != NULL; p++)
    if (provenance_names[p] != NULL && strcmp (provenance_names[p], name) == 0)
      return p;
  return PROVENANCE_UNKNOWN;
}

void
answers_free (Answers *a)
{
  if (a == NULL)
    return;
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    value_clear (a, k);
  g_free (a->source);
  g_free (a->provenance_file);
  g_free (a);
}

const char *
answers_get (const Answers *a, AnswerKey key)
{
  return a->values[key];
}

gboolean
answers_builder_creates (const Answers *a)
{
  const char *b = answers_get (a, ANSWER_BUILDER);
  return b != NULL && *b != '\0' && strcmp (b, ANSWER_BUILDER_BY_HAND) != 0
         && answers_app_type (a) != APP_TYPE_OAUTH_LEGACY;
}

Answers *
answers_copy (const Answers *a)
{
  Answers *copy = answers_new ();
  copy->source = g_strdup (a->source);
  copy->provenance_file = g_strdup (a->provenance_file);
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      answers_set (copy, k, a->values[k], a->origin[k]);
      copy->provenance[k] = a->provenance[k];
    }
  return copy;
}

void
answers_set (Answers *a, AnswerKey key, const char *value, AnswerOrigin origin)
{
  value_clear (a, key);
  if (value != NULL)
    {
      a->values[key] = g_strdup (value);
      a->origin[key] = origin;
    }
}

static int
choice_index (const Answers *a, AnswerKey key)
{
  const char *v = a->values[key];
  if (v == NULL || *v == '\0')
    return -1;
  for (int i = 0; keys[key].choices[i] != NULL; i++)
    if (strcmp (keys[key].choices[i], v) == 0)
      return i;
  return -2;
}

AppType
answers_app_type (const Answers *a)
{
  int i = choice_index (a, ANSWER_APP_TYPE);
  return i == -1 ? APP_TYPE_NONE : i == -2 ? APP_TYPE_INVALID : (AppType) (i + 1);
}

Management
answers_management (const Answers *a)
{
  int i = choice_index (a, ANSWER_MANAGEMENT);
  return i == -1 ? MANAGEMENT_NONE : i == -2 ? MANAGEMENT_INVALID : (Management) (i + 1);
}

Environment
answers_environment (const Answers *a)
{
  int i = choice_index (a, ANSWER_ENVIRONMENT);
  return i == -1 ? ENVIRONMENT_NONE : i == -2 ? ENVIRONMENT_INVALID : (Environment) (i + 1);
}

char **
answers_list (const Answers *a, AnswerKey key)
{
  return text_split (a->values[key], keys[key].kind == ANSWER_KIND_URL_LIST
                                         ? ";" : " \t\n,");
}

/* The names an unknown key may have been meant as: every key, and the
 * _file twin of every secret. */
static char **
known_key_names (void)
{
  GPtrArray *names = g_ptr_array_new ();
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      g_ptr_array_add (names, g_strdup (keys[k].name));
      if (keys[k].kind == ANSWER_KIND_SECRET)
        g_ptr_array_add (names, g_strconcat (keys[k].name, FILE_SUFFIX, NULL));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static void
report_unknown_key (Findings *findings, const char *name)
{
  g_auto (GStrv) known = known_key_names ();
  g_auto (GStrv) near = text_nearest (name, (const char *const *) known, -1, 1);

  findings_add (findings, SEVERITY_ERROR, "answers-key-unknown", name,
                _("'%s' is not an answers key."), name);
  if (near[0] != NULL)
    findings_set_fix (findings, _("Did you mean '%s'? Rename the key."), near[0]);
  else
    findings_set_fix (findings, _("Remove it; 'zoomwiz check --help' lists the keys "
                                  "an answers file may hold."));
}

/* Reads the first line of a secret file that only its owner may read. */
static char *
read_secret_file (const char *path, const char *key, Findings *findings)
{
  struct stat st;
  gsize len = 0;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = infile_read (path, INFILE_MAX_SECRET, &len, &st, &error);

  if (text == NULL)
    {
      findings_add (findings, SEVERITY_ERROR, "secret-file", key, "%s.", error->message);
      findings_set_fix (findings, _("Point %s_file at a file that exists, or "
                                    "give the secret another way."), key);
      return NULL;
    }
  if ((st.st_mode & 077) != 0)
    {
      explicit_bzero (text, len);
      findings_add (findings, SEVERITY_ERROR, "secret-file", key,
                    _("%s can be read by other users (mode %04o), so it was "
                      "not read."),
                    path, (unsigned) (st.st_mode & 07777));
      g_autofree char *word = text_shell_word (path);
      findings_set_fix (findings, _("Run: chmod 600 %s"), word);
      return NULL;
    }
  /* The secret is the first line, without its newline (echo adds one). */
  char *secret = g_strndup (text, strcspn (text, "\r\n"));
  explicit_bzero (text, len);
  return secret;
}

/* TRUE when every backslash of RAW (a value as the file has it) starts an
 * escape GKeyFile reads: \s \n \t \r or \\. */
static gboolean
escapes_valid (const char *raw)
{
  for (const char *p = raw; *p != '\0'; p++)
    if (*p == '\\')
      {
        p++;
        if (*p == '\0' || strchr ("sntr\\", *p) == NULL)
          return FALSE;
      }
  return TRUE;
}

static Answers *
answers_from_keyfile (GKeyFile *kf, const char *source, const char *dir,
                      Findings *findings, gboolean *holds_secret, GError **error)
{
  gsize n = 0;
  g_auto (GStrv) groups = g_key_file_get_groups (kf, NULL);

  if (!g_key_file_has_group (kf, GROUP))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("%s has no [%s] group; an answers file starts with the "
                     "line [%s]"),
                   source, GROUP, GROUP);
      return NULL;
    }
  for (char **g = groups; *g != NULL; g++)
    if (strcmp (*g, GROUP) != 0 && strcmp (*g, ANSWERS_PROFILE_GROUP) != 0)
      {
        findings_add (findings, SEVERITY_ERROR, "answers-key-unknown", *g,
                      _("[%s] is not a group of an answers file."), *g);
        findings_set_fix (findings, _("Put every key under [%s]."), GROUP);
      }

  Answers *a = answers_new ();
  a->source = g_strdup (source);
  *holds_secret = FALSE;
  g_auto (GStrv) names = g_key_file_get_keys (kf, GROUP, &n, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < n; i++)
    {
      const char *name = names[i];
      gboolean is_file = g_str_has_suffix (name, FILE_SUFFIX);
      g_autofree char *base
          = is_file ? g_strndup (name, strlen (name) - strlen (FILE_SUFFIX))
                    : g_strdup (name);
      int k = answer_key_by_name (base);

      if (k < 0 || (is_file && !answer_is_secret (k)))
        {
          report_unknown_key (findings, name);
          continue;
        }
      /* Escapes are checked here: GLib 2.74 sets its error twice (a
         warning on stderr) for a bad escape followed by a trailing \. */
      g_autofree char *raw = g_key_file_get_value (kf, GROUP, name, NULL);
      if (raw != NULL && !escapes_valid (raw))
        {
          findings_add (findings, SEVERITY_ERROR, "answers-value-invalid", base,
                        _("The value of %s has a backslash that is no escape."), name);
          findings_set_fix (findings, _("Write \\\\ for a backslash; \\s, \\n, \\t "
                                        "and \\r are a space, a new line, a tab and a "
                                        "return."));
          continue;
        }
      /* GLib's message would quote the value, which may be a secret. */
      g_autofree char *value = g_key_file_get_string (kf, GROUP, name, NULL);
      if (value == NULL)
        {
          findings_add (findings, SEVERITY_ERROR, "answers-value-invalid",
                        base, _("The value of %s is not UTF-8 text."), name);
          findings_set_fix (findings, _("Save the file as UTF-8, or type the "
                                        "value again."));
          continue;
        }
      if (!g_hash_table_add (seen, (gpointer) name))
        {
          findings_add (findings, SEVERITY_ERROR, "answers-key-twice", base,
                        _("%s appears more than once; only the last would "
                          "count."), name);
          findings_set_fix (findings, _("Keep one %s line."), name);
          continue;
        }
      if (a->values[k] != NULL)
        {
          findings_add (findings, SEVERITY_ERROR, "answers-key-twice", base,
                        _("%s is given twice (as %s and %s_file)."), base,
                        base, base);
          findings_set_fix (findings, _("Keep one of the two."));
          continue;
        }
      if (is_file)
        {
          g_autofree char *path = g_path_is_absolute (value) || dir == NULL
                                      ? g_strdup (value)
                                      : g_build_filename (dir, value, NULL);
          char *secret = read_secret_file (path, base, findings);
          if (secret != NULL)
            {
              answers_set (a, k, secret, ORIGIN_ANSWER);
              explicit_bzero (secret, strlen (secret));
              g_free (secret);
            }
        }
      else
        {
          if (answer_is_secret (k) && *value != '\0')
            *holds_secret = TRUE;
          answers_set (a, k, value, ORIGIN_ANSWER);
        }
      if (answer_is_secret (k))
        explicit_bzero (value, strlen (value));
    }
  return a;
}

/* Parses TEXT into KF. GLib's own messages quote the line they stumble on,
 * which may hold a secret ("client_secret s3cr3t"), whole: the error names
 * the line's number and its key instead, never a value. */
static gboolean
load_keyfile (GKeyFile *kf, const char *text, gsize len, const char *source,
              GError **error)
{
  g_autoptr (GError) local = NULL;
  if (g_key_file_load_from_data (kf, text, len, G_KEY_FILE_NONE, &local))
    return TRUE;
  if (!g_utf8_validate (text, (gssize) len, NULL))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_UNKNOWN_ENCODING,
                   _("%s is not UTF-8 text: an answers file is KEY=VALUE lines "
                     "under [%s]"),
                   source, GROUP);
      return FALSE;
    }
  /* The first line that is no group, comment, blank or KEY=VALUE. */
  guint line = 0;
  gboolean found = FALSE;
  g_autofree char *key = NULL;
  for (const char *p = text, *end = text + len; p < end; line++)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *eol = nl != NULL ? nl : end;
      const char *s = p;
      while (s < eol && g_ascii_isspace (*s))
        s++;
      if (s < eol && *s != '#' && *s != '[' && memchr (s, '=', (gsize) (eol - s)) == NULL)
        {
          gsize n = strspn (s, "abcdefghijklmnopqrstuvwxyz_");
          if (n > 0 && n <= 40 && (gsize) (eol - s) >= n)
            key = g_strndup (s, n);
          line++;
          found = TRUE;
          break;
        }
      p = eol + 1;
    }
  if (!found)
    g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                 _("%s is not a valid answers file: it starts with the line [%s], "
                   "then KEY=VALUE lines"),
                 source, GROUP);
  else if (key != NULL)
    g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                 /* TRANSLATORS: "FILE, line N (KEY): ..." */
                 _("%s, line %u (%s): not KEY=VALUE; write %s=... (the value is "
                   "not shown here)"),
                 source, line, key, key);
  else
    g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                 _("%s, line %u: not KEY=VALUE, a [group] or a # comment"), source,
                 line);
  return FALSE;
}

Answers *
answers_load_data (const char *data, const char *source, Findings *findings,
                   GError **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  gboolean holds_secret;

  if (!load_keyfile (kf, data, strlen (data), source, error))
    return NULL;
  return answers_from_keyfile (kf, source, NULL, findings, &holds_secret, error);
}

Answers *
answers_load (const char *path, Findings *findings, GError **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autofree char *dir = g_path_get_dirname (path);
  gsize len = 0;
  struct stat st;
  gboolean holds_secret = FALSE;
  g_autofree char *text = infile_read (path, INFILE_MAX_ANSWERS, &len, &st, error);

  if (text == NULL)
    return NULL;
  gboolean parsed = load_keyfile (kf, text, len, path, error);
  explicit_bzero (text, len);
  if (!parsed)
    return NULL;

  Answers *a = answers_from_keyfile (kf, path, dir, findings, &holds_secret, error);
  /* As ssh refuses a private key others can read. */
  if (a != NULL && holds_secret && (st.st_mode & 077) != 0)
    {
      g_autofree char *word = text_shell_word (path);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                   _("%s holds a secret but other users can read it (mode "
                     "%04o); it was not used.\nRun: chmod 600 %s (and "
                     "consider the secret exposed if others could log in)"),
                   path, (unsigned) (st.st_mode & 07777), word);
      answers_free (a);
      return NULL;
    }
  if (a != NULL)
    {
      a->provenance_file = g_canonicalize_filename (path, NULL);
      for (int k = 0; k < ANSWER_N_KEYS; k++)
        if (a->values[k] != NULL)
          a->provenance[k] = PROVENANCE_ANSWERS_FILE;
    }
  return a;
}

char *
answers_to_data (const Answers *a, gboolean with_secrets)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();

  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      if (a->values[k] == NULL || a->origin[k] != ORIGIN_ANSWER
          || (!with_secrets && answer_is_secret (k)))
        continue;
      if (with_secrets || !answers_holds_secret (a, k))
        g_key_file_set_string (kf, GROUP, keys[k].name, a->values[k]);
      else
        {
          /* The URL with its secrets' values left out. */
          g_autofree char *without = url_secrets_replaced (a->values[k], "");
          g_key_file_set_string (kf, GROUP, keys[k].name, without);
        }
    }
  if (!g_key_file_has_group (kf, GROUP))
    return g_strdup ("[" GROUP "]\n");
  return g_key_file_to_data (kf, NULL, NULL);
}
