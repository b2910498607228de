/* deployed.c - see deployed.h. The formats: export.c writes them (their
 * names are the first read back here); integrations.md §1.1 and §1.6 (the
 * Mattermost plugin's settings, config.json, mmctl's masked secrets), §4
 * (the ZOOM_* names of Zoom's samples); systemd.exec(5) (EnvironmentFile=,
 * Environment=); the Kubernetes docs' Secret (stringData:, data: base64).
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "deployed.h"
#include "export.h"
#include "infile.h"
#include "jsonpos.h"
#include "secret.h"
#include "text.h"

#include <jansson.h>
#include <string.h>

static const char *const format_names[]
    = { "auto", "mattermost", "mmctl", "env", "k8s", "systemd", NULL };
G_STATIC_ASSERT (G_N_ELEMENTS (format_names) == DEPLOYED_SYSTEMD + 2);

gboolean
deployed_format_from_name (const char *name, DeployedFormat *out)
{
  for (int f = 0; format_names[f] != NULL; f++)
    if (strcmp (format_names[f], name) == 0)
      {
        *out = (DeployedFormat) f;
        return TRUE;
      }
  return FALSE;
}

const char *
deployed_format_name (DeployedFormat f)
{
  return format_names[f];
}

const char *const *
deployed_format_names (void)
{
  return format_names;
}

/* ---- names ------------------------------------------------------------- */

/* Names of Zoom's own samples and of other tools for the same answers
 * (integrations.md §4), after the export's own (export_env_names). */
static const ExportName env_variants[] = {
  { "ZOOM_SECRET_TOKEN", ANSWER_SECRET_TOKEN },
  { "ZOOM_WEBHOOK_SECRET", ANSWER_SECRET_TOKEN },
  { "ZOOM_WEBHOOK_SECRET_TOKEN", ANSWER_SECRET_TOKEN },
  { "ZOOM_REDIRECT_URL", ANSWER_REDIRECT_URL },
  { "ZOOM_APP_CLIENT_ID", ANSWER_CLIENT_ID },
  { "ZOOM_APP_CLIENT_SECRET", ANSWER_CLIENT_SECRET },
  { "ZOOM_APP_REDIRECT_URI", ANSWER_REDIRECT_URL },
  { "ZM_CLIENT_ID", ANSWER_CLIENT_ID },
  { "ZM_CLIENT_SECRET", ANSWER_CLIENT_SECRET },
  { "ZM_REDIRECT_URI", ANSWER_REDIRECT_URL },
};

/* The Mattermost plugin's settings zoomwiz knows but does not check. */
static const struct
{
  const char *name;
  const char *why;
} mattermost_other[] = {
  { "restrictmeetingcreation", N_("a setting of the plugin, not of the Zoom app") },
  { "enablepostingrecordingpassword", N_("a setting of the plugin, not of the Zoom app") },
  { "apikey", N_("a setting of plugin versions before 1.7 (JWT apps), no longer read") },
  { "apisecret", N_("a setting of plugin versions before 1.7 (JWT apps), no longer read") },
  { "enableoauth", N_("a setting of plugin versions before 1.7, no longer read") },
  { "enablelegacyauth", N_("a setting of plugin versions before 1.7, no longer read") },
};

/* mmctl shows a secret setting so (FAKE_SETTING of Mattermost's config.go). */
#define MATTERMOST_MASKED "********************************"

/* The answers key NAME stands for among the N NAMES, or -1. */
static int
key_among (const ExportName *names, guint n, const char *name)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (names[i].name, name) == 0)
      return names[i].key;
  return -1;
}

static int
env_key_of (const char *name)
{
  guint n;
  const ExportName *names = export_env_names (&n);
  int k = key_among (names, n, name);
  return k >= 0 ? k : key_among (env_variants, G_N_ELEMENTS (env_variants), name);
}

static gboolean
is_json_format (DeployedFormat f)
{
  return f == DEPLOYED_MATTERMOST || f == DEPLOYED_MMCTL;
}

const char *
deployed_name_for (DeployedFormat f, AnswerKey key)
{
  guint n;
  const ExportName *names = is_json_format (f) ? export_mattermost_names (&n)
                                               : export_env_names (&n);
  for (guint i = 0; i < n; i++)
    if (names[i].key == key)
      return names[i].name;
  if (is_json_format (f) && key == ANSWER_SITE_URL)
    return "ServiceSettings.SiteURL";
  return NULL;
}

gboolean
deployed_gives (const Deployed *d, AnswerKey key)
{
  if (deployed_name_for (d->format, key) != NULL)
    return TRUE;
  return is_json_format (d->format) && deployed_setting_for (d, ANSWER_SITE_URL) != NULL
         && (key == ANSWER_REDIRECT_URL || key == ANSWER_ALLOW_LIST
             || key == ANSWER_EVENT_ENDPOINT || key == ANSWER_DEAUTHORIZATION_URL);
}

const char *
deployed_should_be (AnswerKey key)
{
  /* TRANSLATORS: what a deployed setting should be, to complete "Set
     ZOOM_ACCOUNT_ID to %s." and "... the value must be %s.": each reads
     after "to" and after "must be". */
  switch (key)
    {
    case ANSWER_ACCOUNT_ID:
      return _("the Account ID on the app's App Credentials page in Zoom");
    case ANSWER_CLIENT_ID:
      return _("the Client ID on the app's App Credentials page in Zoom");
    case ANSWER_CLIENT_SECRET:
      return _("the Client Secret on the app's App Credentials page in Zoom (of "
               "the same environment, Development or Production, as the Client ID)");
    case ANSWER_SECRET_TOKEN:
      return _("the Secret Token on the app's Features → Access page in Zoom");
    case ANSWER_WEBHOOK_SECRET:
      return _("the value after ?secret= in the Event notification endpoint URL "
               "the app has in Zoom (Features → Access)");
    case ANSWER_ENCRYPTION_KEY:
      return _("32 characters of A-Z, a-z, 0-9, _ and - ('zoomwiz secret "
               "generate'; a new one makes every user connect again)");
    case ANSWER_REDIRECT_URL:
      return _("the OAuth Redirect URL on the app's Basic Information page in Zoom");
    case ANSWER_MANAGEMENT:
      return _("true for an admin-managed app, false for a user-managed one (the "
               "app's Basic Information page in Zoom)");
    case ANSWER_SITE_URL:
      return _("the address users open Mattermost at, with https://");
    case ANSWER_ZOOM_URL:
    case ANSWER_API_URL:
      return _("empty for zoom.us; Zoom for Government's hosts for zoomgov.com");
    default:
      return NULL;
    }
}

/* ---- reading ----------------------------------------------------------- */

typedef struct
{
  Deployed *d;
  const char *text;
  gsize len;
  GError *error; /* the first problem */
} Parser;

static void G_GNUC_PRINTF (3, 4)
fail (Parser *p, guint line, const char *format, ...)
{
  if (p->error != NULL)
    return;
  va_list ap;
  va_start (ap, format);
  g_autofree char *what = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_autofree char *source = text_sanitize (p->d->path, -1, 200);
  if (line > 0)
    /* TRANSLATORS: FILE:LINE: what is wrong. */
    p->error = g_error_new (ZW_ERROR, ZW_ERROR_INVALID_DATA, _("%s:%u: %s"), source,
                            line, what);
  else
    p->error = g_error_new (ZW_ERROR, ZW_ERROR_INVALID_DATA, "%s: %s", source, what);
}

static void
setting_free (gpointer data)
{
  DeployedSetting *s = data;
  g_free (s->name);
  secret_free (s->value);
  g_free (s->note);
  g_free (s);
}

void
deployed_free (Deployed *d)
{
  if (d == NULL)
    return;
  g_free (d->path);
  g_free (d->format_reason);
  g_ptr_array_free (d->settings, TRUE);
  if (d->answers != NULL)
    answers_free (d->answers);
  g_free (d->preset);
  g_free (d->preset_reason);
  if (d->findings != NULL)
    findings_free (d->findings);
  g_free (d);
}

/* A value no service would take whole: control characters (a CR of a
 * Windows line end, a newline in quotes, an escape sequence). */
static gboolean
value_ok (Parser *p, const char *name, const char *value, guint line)
{
  for (const unsigned char *c = (const unsigned char *) value; *c != '\0'; c++)
    if (*c < 0x20 || *c == 0x7f)
      {
        g_autofree char *shown = text_sanitize (name, -1, 80);
        fail (p, line,
              _("the value of %s holds a control character (byte 0x%02X): no "
                "credential or URL has one, and the service would take it as part "
                "of the value. Write the value again on one line, without it."),
              shown, *c);
        return FALSE;
      }
  return TRUE;
}

/* Adds a setting NAME (as the file has it) = VALUE (NULL: none) on LINE,
 * giving answers KEY (-1: none, NOTE says why). Takes VALUE. */
static void
add_setting (Parser *p, const char *name, char *value, guint line, int key,
             const char *note)
{
  if (value != NULL && !value_ok (p, name, value, line))
    {
      secret_free (value);
      return;
    }
  DeployedSetting *s = g_new0 (DeployedSetting, 1);
  s->name = text_sanitize (name, -1, 120);
  s->value = value;
  s->line = line;
  s->key = key;
  s->note = note != NULL ? g_strdup (note) : NULL;
  g_ptr_array_add (p->d->settings, s);
}

/* An environment variable's NAME = VALUE, mapped by its name. */
static void
add_env (Parser *p, const char *name, char *value, guint line)
{
  int key = env_key_of (name);
  add_setting (p, name, value, line, key,
               key < 0 ? _("not a Zoom setting zoomwiz knows") : NULL);
}

/* ---- env files and systemd --------------------------------------------- */

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* The lines of an env file (sh, docker compose) or a systemd
 * EnvironmentFile=: NAME=VALUE, "export NAME=VALUE", '#' and ';' comments,
 * values in "..." (a backslash before " \ ` $ or a newline takes it as
 * itself; export.c writes them so) or '...' (as they are), or bare (a
 * backslash takes the next character, one at a line's end joins the next
 * line). Docker compose ends a bare value at " #"; systemd does not
 * (INLINE_COMMENTS). */
static void
parse_env (Parser *p, gboolean inline_comments)
{
  const char *t = p->text, *end = p->text + p->len;
  guint line = 1;

  while (t < end && p->error == NULL)
    {
      guint at = line;
      while (t < end && (*t == ' ' || *t == '\t'))
        t++;
      if (t < end && *t == '\n')
        {
          t++, line++;
          continue;
        }
      if (t >= end)
        break;
      if (*t == '#' || *t == ';')
        {
          while (t < end && *t != '\n')
            t++;
          continue;
        }
      if (end - t > 7 && strncmp (t, "export", 6) == 0 && (t[6] == ' ' || t[6] == '\t'))
        for (t += 6; t < end && (*t == ' ' || *t == '\t'); t++)
          ;
      const char *name = t;
      if (!is_name_start (*t))
        {
          fail (p, at, "%s", _("this line is not NAME=VALUE, a comment or empty (an "
                               "env file has one setting per line; a name is letters, "
                               "digits and _)"));
          return;
        }
      while (t < end && is_name_char (*t))
        t++;
      g_autofree char *n = g_strndup (name, (gsize) (t - name));
      while (t < end && (*t == ' ' || *t == '\t'))
        t++;
      if (t >= end || *t != '=')
        {
          /* The word is not shown: it may be a value (a secret) on a line
             of its own. */
          fail (p, at, "%s", _("this line is not NAME=VALUE: it has no '=' (an env file "
                               "has one setting per line)"));
          return;
        }
      t++;
      while (t < end && (*t == ' ' || *t == '\t'))
        t++;

      GString *v = g_string_new (NULL);
      gboolean ok = TRUE;
      if (t < end && (*t == '"' || *t == '\''))
        {
          char q = *t++;
          while (t < end && *t != q)
            {
              if (q == '"' && *t == '\\' && t + 1 < end && strchr ("\"\\`$\n", t[1]) != NULL)
                {
                  if (t[1] == '\n')
                    line++;
                  else
                    g_string_append_c (v, t[1]);
                  t += 2;
                  continue;
                }
              if (*t == '\n')
                line++;
              g_string_append_c (v, *t++);
            }
          if (t >= end)
            {
              g_autofree char *shown = text_sanitize (n, -1, 80);
              fail (p, at, _("the value of %s opens a quote (%c) that is never closed"),
                    shown, q);
              ok = FALSE;
            }
          else
            {
              t++;
              while (t < end && (*t == ' ' || *t == '\t'))
                t++;
              if (t < end && *t == '#')
                while (t < end && *t != '\n')
                  t++;
              if (t < end && *t != '\n')
                {
                  g_autofree char *shown = text_sanitize (n, -1, 80);
                  fail (p, line, _("after the quoted value of %s comes more text: "
                                   "quote the whole value"),
                        shown);
                  ok = FALSE;
                }
            }
        }
      else
        {
          while (t < end && *t != '\n')
            {
              if (inline_comments && *t == '#' && v->len > 0
                  && (v->str[v->len - 1] == ' ' || v->str[v->len - 1] == '\t'))
                {
                  while (t < end && *t != '\n')
                    t++;
                  break;
                }
              if (*t == '\\' && t + 1 < end)
                {
                  if (t[1] == '\n')
                    line++;
                  else
                    g_string_append_c (v, t[1]);
                  t += 2;
                  continue;
                }
              g_string_append_c (v, *t++);
            }
          while (v->len > 0 && (v->str[v->len - 1] == ' ' || v->str[v->len - 1] == '\t'))
            g_string_truncate (v, v->len - 1);
        }
      if (!ok)
        {
          secret_free (g_string_free (v, FALSE));
          return;
        }
      add_env (p, n, g_string_free (v, FALSE), at);
    }
}

/* One word of a unit's Environment= line (systemd's quoting: "..." or
 * '...', a backslash takes the next character), from *T; NULL at the end. */
static char *
unit_word (const char **t, const char *end)
{
  while (*t < end && (**t == ' ' || **t == '\t'))
    (*t)++;
  if (*t >= end)
    return NULL;
  GString *w = g_string_new (NULL);
  char q = 0;
  for (; *t < end; (*t)++)
    {
      char c = **t;
      if (q == 0 && (c == ' ' || c == '\t'))
        break;
      if (q == 0 && (c == '"' || c == '\''))
        q = c;
      else if (q != 0 && c == q)
        q = 0;
      else if (c == '\\' && *t + 1 < end && q != '\'')
        g_string_append_c (w, *++(*t));
      else
        g_string_append_c (w, c);
    }
  return g_string_free (w, FALSE);
}

/* A systemd unit: each Environment=NAME=VALUE... of its lines, and each
 * EnvironmentFile= named (zoomwiz reads only this file). */
static void
parse_unit (Parser *p)
{
  g_auto (GStrv) lines = g_strsplit (p->text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && p->error == NULL; i++)
    {
      const char *l = lines[i];
      while (*l == ' ' || *l == '\t')
        l++;
      if (g_str_has_prefix (l, "EnvironmentFile"))
        {
          const char *v = strchr (l, '=');
          g_autofree char *path = v != NULL ? g_strstrip (g_strdup (v + 1)) : NULL;
          /* "-": systemd's mark that a missing file is no error. */
          if (path != NULL && path[0] == '-')
            memmove (path, path + 1, strlen (path));
          g_autofree char *shown = text_sanitize (path ? path : "", -1, 200);
          g_autofree char *note = g_strdup_printf (_("the service also reads %s: run "
                                                     "zoomwiz doctor on that file too"),
                                                   shown);
          add_setting (p, "EnvironmentFile", NULL, i + 1, -1, note);
          continue;
        }
      if (!g_str_has_prefix (l, "Environment"))
        continue;
      const char *v = l + strlen ("Environment");
      while (*v == ' ' || *v == '\t')
        v++;
      if (*v != '=')
        continue;
      v++;
      const char *end = v + strlen (v);
      char *word;
      for (guint n = 1; (word = unit_word (&v, end)) != NULL; n++)
        {
          char *eq = strchr (word, '=');
          if (eq == NULL || eq == word)
            {
              /* Not shown: the word may be a value (a secret) without its
                 name. */
              secret_free (word);
              fail (p, i + 1, _("Environment= takes NAME=VALUE words; word %u of this line "
                                "is none (quote a value with spaces: \"NAME=a b\")"),
                    n);
              return;
            }
          *eq = '\0';
          add_env (p, word, g_strdup (eq + 1), i + 1);
          secret_free (word);
        }
    }
}

/* ---- Kubernetes -------------------------------------------------------- */

/* A YAML scalar as a Secret's values are written: "..." (JSON's escapes),
 * '...' ('' a quote), or plain (to a " #" comment). NULL with a problem
 * said when it is YAML this reader does not take. */
static char *
yaml_scalar (Parser *p, const char *s, guint line)
{
  while (*s == ' ' || *s == '\t')
    s++;
  if (*s == '"')
    {
      /* The JSON string, read by jansson: the same escapes YAML's
         double-quoted scalars take in the export. */
      const char *close = s + 1;
      while (*close != '\0' && *close != '"')
        close += close[0] == '\\' && close[1] != '\0' ? 2 : 1;
      if (*close != '"')
        {
          fail (p, line, "%s", _("a double-quoted value is not closed on its line"));
          return NULL;
        }
      g_autofree char *doc = g_strdup_printf ("[%.*s]", (int) (close - s + 1), s);
      json_t *j = json_loads (doc, JSON_DECODE_ANY, NULL);
      char *out = json_is_string (json_array_get (j, 0))
                      ? g_strdup (json_string_value (json_array_get (j, 0)))
                      : NULL;
      json_decref (j);
      explicit_bzero (doc, strlen (doc));
      if (out == NULL)
        fail (p, line, "%s", _("a double-quoted value with an escape zoomwiz does not "
                               "read (it reads JSON's: \\\" \\\\ \\n \\t \\uXXXX)"));
      return out;
    }
  if (*s == '\'')
    {
      GString *v = g_string_new (NULL);
      for (s++; *s != '\0'; s++)
        {
          if (*s == '\'' && s[1] == '\'')
            g_string_append_c (v, *s++);
          else if (*s == '\'')
            return g_string_free (v, FALSE);
          else
            g_string_append_c (v, *s);
        }
      secret_free (g_string_free (v, FALSE));
      fail (p, line, "%s", _("a single-quoted value is not closed on its line"));
      return NULL;
    }
  if (strchr ("|>&*!{[", *s) != NULL && *s != '\0')
    {
      fail (p, line, _("YAML that zoomwiz doctor does not read (a value starting "
                       "with '%c': a block, anchor, alias, tag or flow collection). "
                       "Write each value on its line, plain or in quotes, as kubectl's "
                       "docs show a Secret"),
            *s);
      return NULL;
    }
  GString *v = g_string_new (NULL);
  for (; *s != '\0'; s++)
    {
      if (*s == '#' && v->len > 0 && (v->str[v->len - 1] == ' ' || v->str[v->len - 1] == '\t'))
        break;
      g_string_append_c (v, *s);
    }
  while (v->len > 0 && (v->str[v->len - 1] == ' ' || v->str[v->len - 1] == '\t'))
    g_string_truncate (v, v->len - 1);
  return g_string_free (v, FALSE);
}

/* Standard base64, as data: holds it; NULL when it is not. */
static char *
base64_text (const char *s)
{
  gsize n = strlen (s);
  if (n == 0 || n % 4 != 0)
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '+' && s[i] != '/'
        && !(s[i] == '=' && i >= n - 2))
      return NULL;
  gsize len;
  guchar *raw = g_base64_decode (s, &len);
  if (memchr (raw, '\0', len) != NULL || !g_utf8_validate ((char *) raw, (gssize) len, NULL))
    {
      explicit_bzero (raw, len);
      g_free (raw);
      return NULL;
    }
  char *text = g_strndup ((char *) raw, len);
  explicit_bzero (raw, len);
  g_free (raw);
  return text;
}

/* A Secret as the export writes it and kubectl's docs show it: top-level
 * "key: value" lines; metadata:, stringData: and data: blocks of indented
 * "NAME: value" lines; comments; a "---" first. Anything else is said. */
static void
parse_k8s (Parser *p)
{
  g_auto (GStrv) lines = g_strsplit (p->text, "\n", -1);
  enum { TOP, META, STRING_DATA, DATA, OTHER } block = TOP;
  gboolean secret = FALSE, seen_content = FALSE;
  int indent = -1;

  for (guint i = 0; lines[i] != NULL && p->error == NULL; i++)
    {
      char *l = lines[i];
      gsize n = strlen (l);
      if (n > 0 && l[n - 1] == '\r')
        l[n - 1] = '\0';
      int sp = 0;
      while (l[sp] == ' ')
        sp++;
      if (l[sp] == '\t')
        {
          fail (p, i + 1, "%s", _("a tab in the indentation, which YAML does not "
                                  "allow: indent with spaces"));
          return;
        }
      if (l[sp] == '\0' || l[sp] == '#')
        continue;
      if (sp == 0 && (strcmp (l, "---") == 0 || g_str_has_prefix (l, "--- ")))
        {
          if (seen_content)
            {
              fail (p, i + 1, "%s", _("a second YAML document: give a file with the "
                                      "one Secret"));
              return;
            }
          continue;
        }
      if (l[sp] == '-')
        {
          fail (p, i + 1, "%s", _("a YAML list, which a Secret has none of: give the "
                                  "Secret's manifest alone (not a List or a Helm "
                                  "template)"));
          return;
        }
      seen_content = TRUE;
      char *colon = strstr (l + sp, ":");
      if (colon == NULL || (colon[1] != '\0' && colon[1] != ' '))
        {
          fail (p, i + 1, "%s", _("not a 'key: value' line, which is all a Secret's "
                                  "manifest needs"));
          return;
        }
      *colon = '\0';
      g_autofree char *k = g_strstrip (g_strdup (l + sp));
      const char *rest = colon + 1;
      while (*rest == ' ')
        rest++;
      if (k[0] == '"' || k[0] == '\'')
        {
          gsize kl = strlen (k);
          if (kl >= 2 && k[kl - 1] == k[0])
            memmove (k, k + 1, kl - 2), k[kl - 2] = '\0';
        }

      if (sp == 0)
        {
          indent = -1;
          block = strcmp (k, "metadata") == 0     ? META
                  : strcmp (k, "stringData") == 0 ? STRING_DATA
                  : strcmp (k, "data") == 0       ? DATA
                                                  : TOP;
          if (block != TOP)
            {
              if (*rest != '\0' && strcmp (rest, "{}") != 0 && *rest != '#')
                {
                  fail (p, i + 1, _("%s: is written inline; zoomwiz doctor reads it "
                                    "as a block of indented 'NAME: value' lines"),
                        k);
                  return;
                }
              continue;
            }
          g_autofree char *v = yaml_scalar (p, rest, i + 1);
          if (v == NULL)
            return;
          if (strcmp (k, "kind") == 0)
            {
              if (strcmp (v, "Secret") != 0)
                {
                  g_autofree char *shown = text_sanitize (v, -1, 80);
                  fail (p, i + 1, _("this manifest's kind is %s, not Secret: give the "
                                    "Secret that holds the Zoom app's credentials"),
                        shown);
                  return;
                }
              secret = TRUE;
            }
          continue;
        }
      if (block == TOP || block == OTHER)
        {
          fail (p, i + 1, "%s", _("an indented line outside metadata:, stringData: "
                                  "and data:, which zoomwiz doctor does not read"));
          return;
        }
      if (indent < 0)
        indent = sp;
      else if (sp != indent)
        {
          fail (p, i + 1, "%s", _("YAML nested deeper than a Secret's NAME: value "
                                  "lines, which zoomwiz doctor does not read"));
          return;
        }
      if (block == META)
        continue;
      char *v = yaml_scalar (p, rest, i + 1);
      if (v == NULL)
        return;
      if (block == DATA)
        {
          char *text = base64_text (v);
          secret_free (v);
          if (text == NULL)
            {
              g_autofree char *shown = text_sanitize (k, -1, 80);
              fail (p, i + 1, _("the value of %s under data: is not base64 of text: "
                                "data: takes base64 (echo -n VALUE | base64 -w0), "
                                "stringData: the value itself"),
                    shown);
              return;
            }
          v = text;
        }
      add_env (p, k, v, i + 1);
    }
  if (p->error == NULL && !secret)
    fail (p, 0, "%s", _("no 'kind: Secret' line: this is not a Kubernetes Secret's "
                        "manifest"));
}

/* ---- JSON: config.json, the patch, mmctl ------------------------------- */

/* O's member NAME, matched without case (Mattermost lower-cases keys, and
 * Go's JSON matches them so); the last one, as Go takes it. */
static json_t *
member (json_t *o, const char *name, const char **key_out)
{
  const char *k;
  json_t *v, *found = NULL;
  json_object_foreach (o, k, v)
    if (g_ascii_strcasecmp (k, name) == 0)
      {
        found = v;
        if (key_out != NULL)
          *key_out = k;
      }
  return found;
}

/* A JSON value as the setting's text: strings as they are, booleans as
 * true/false; NULL for null, "" and mmctl's mask. */
static char *
json_setting_text (json_t *v)
{
  if (json_is_string (v))
    {
      const char *s = json_string_value (v);
      return *s != '\0' && strcmp (s, MATTERMOST_MASKED) != 0 ? g_strdup (s) : NULL;
    }
  if (json_is_boolean (v))
    return g_strdup (json_is_true (v) ? "true" : "false");
  return NULL;
}

static int
mattermost_key_of (const char *lower)
{
  guint n;
  const ExportName *names = export_mattermost_names (&n);
  return key_among (names, n, lower);
}

/* The settings of the plugin's object ZOOM, whose keys have the path
 * PREFIX in LINES. */
static void
parse_plugin_settings (Parser *p, json_t *zoom, const char *prefix, GHashTable *lines)
{
  const char *k;
  json_t *v;
  json_object_foreach (zoom, k, v)
    {
      g_autofree char *lower = g_ascii_strdown (k, -1);
      g_autofree char *path = *prefix ? g_strconcat (prefix, ".", lower, NULL) : g_strdup (lower);
      guint line = json_key_line (lines, path);
      int key = mattermost_key_of (lower);
      const char *note = NULL;
      for (guint i = 0; key < 0 && i < G_N_ELEMENTS (mattermost_other); i++)
        if (strcmp (mattermost_other[i].name, lower) == 0)
          note = _(mattermost_other[i].why);
      if (key < 0 && note == NULL)
        note = _("not a setting of the Mattermost Zoom plugin");

      if (key >= 0 && !json_is_string (v) && !json_is_boolean (v) && !json_is_null (v))
        {
          g_autofree char *shown = text_sanitize (k, -1, 80);
          fail (p, line,
                json_is_number (v) ? _("%s is a JSON number; the plugin takes text (true or "
                                       "false for accountlevelapp)")
                                   : _("%s is a JSON object or array; the plugin takes text "
                                       "(true or false for accountlevelapp)"),
                shown);
          return;
        }
      char *text = key >= 0 ? json_setting_text (v) : NULL;
      if (json_is_string (v) && strcmp (json_string_value (v), MATTERMOST_MASKED) == 0)
        note = _("masked (mmctl and the API show secrets as ****): it cannot be "
                 "checked from here; run zoomwiz doctor on the server's config.json");
      if (key == ANSWER_MANAGEMENT && text != NULL)
        {
          char *m = g_strdup (strcmp (text, "true") == 0    ? "admin"
                              : strcmp (text, "false") == 0 ? "user"
                                                            : text);
          g_free (text);
          text = m;
        }
      else if (key == ANSWER_API_URL && text != NULL)
        {
          /* The plugin's ZoomAPIURL ends in /v2; api_url is the host. */
          while (g_str_has_suffix (text, "/"))
            text[strlen (text) - 1] = '\0';
          if (g_str_has_suffix (text, "/v2"))
            text[strlen (text) - 3] = '\0';
        }
      add_setting (p, k, text, line, note != NULL && text == NULL && key >= 0 ? -1 : key,
                   note != NULL && (key < 0 || text == NULL) ? note : NULL);
      if (p->error != NULL)
        return;
    }
}

/* The enable flag, when the file has it. */
static void
parse_plugin_state (Parser *p, json_t *root, GHashTable *lines)
{
  json_t *states = member (member (root, "PluginSettings", NULL), "PluginStates", NULL);
  json_t *enable = member (member (states, "zoom", NULL), "Enable", NULL);
  if (enable == NULL)
    return;
  guint line = json_key_line (lines, "pluginsettings.pluginstates.zoom.enable");
  add_setting (p, "PluginSettings.PluginStates.zoom.Enable", NULL, line, -1, NULL);
  if (json_is_false (enable))
    {
      findings_add (p->d->findings, SEVERITY_ERROR, "plugin-disabled",
                    "PluginSettings.PluginStates.zoom.Enable", "%s",
                    _("the Zoom plugin is disabled: Mattermost does not run it, so "
                      "nothing answers Zoom's events or /zoom commands"));
      findings_set_fix (p->d->findings, "%s",
                        _("Enable it: mmctl plugin enable zoom (or System Console → "
                          "Plugins → Plugin Management)."));
    }
}

static void
parse_json (Parser *p, DeployedFormat want)
{
  json_error_t je;
  json_t *root = json_loadb (p->text, p->len, 0, &je);
  if (root == NULL)
    {
      /* jansson's text names a place, never a value. */
      g_autofree char *why = text_sanitize (je.text, -1, 200);
      fail (p, (guint) MAX (je.line, 0), _("not valid JSON (%s): compare it with the "
                                          "file Mattermost wrote"),
            why);
      return;
    }
  if (!json_is_object (root))
    {
      fail (p, 0, "%s", _("the JSON is not an object ({...}): zoomwiz doctor reads "
                          "a Mattermost config.json, a mmctl config patch, or what "
                          "mmctl config get PluginSettings.Plugins.zoom prints"));
      json_decref (root);
      return;
    }
  GHashTable *lines = json_key_lines (p->text, p->len);
  json_t *plugins = member (member (root, "PluginSettings", NULL), "Plugins", NULL);
  json_t *zoom = member (plugins, "zoom", NULL);
  DeployedFormat f = want;
  if (f == DEPLOYED_AUTO)
    {
      guint n;
      const ExportName *names = export_mattermost_names (&n);
      gboolean plugin_keys = FALSE;
      for (guint i = 0; i < n; i++)
        plugin_keys = plugin_keys || member (root, names[i].name, NULL) != NULL;
      if (member (root, "PluginSettings", NULL) != NULL)
        {
          f = DEPLOYED_MATTERMOST;
          p->d->format_reason = g_strdup (_("a JSON object with PluginSettings: a "
                                            "Mattermost config.json or a mmctl config "
                                            "patch"));
        }
      else if (plugin_keys)
        {
          f = DEPLOYED_MMCTL;
          p->d->format_reason = g_strdup (_("a JSON object of the Zoom plugin's "
                                            "settings: mmctl config get "
                                            "PluginSettings.Plugins.zoom"));
        }
      else
        fail (p, 0, "%s", _("a JSON object with neither PluginSettings nor the Zoom "
                            "plugin's settings (oauthclientid...): zoomwiz doctor reads "
                            "a Mattermost config.json, a mmctl config patch, or what "
                            "mmctl config get PluginSettings.Plugins.zoom prints"));
    }
  p->d->format = f;
  if (p->error == NULL && f == DEPLOYED_MATTERMOST)
    {
      if (!json_is_object (zoom))
        fail (p, 0, "%s", _("no PluginSettings.Plugins.zoom object: the Zoom plugin "
                            "has no settings in this file (install it, then save its "
                            "settings in System Console → Plugins → Zoom)"));
      else
        {
          json_t *site = member (member (root, "ServiceSettings", NULL), "SiteURL", NULL);
          if (site != NULL)
            add_setting (p, "ServiceSettings.SiteURL", json_setting_text (site),
                         json_key_line (lines, "servicesettings.siteurl"), ANSWER_SITE_URL,
                         NULL);
          parse_plugin_settings (p, zoom, "pluginsettings.plugins.zoom", lines);
          parse_plugin_state (p, root, lines);
        }
    }
  else if (p->error == NULL && f == DEPLOYED_MMCTL)
    parse_plugin_settings (p, root, "", lines);
  g_hash_table_unref (lines);
  json_decref (root);
}

/* ---- the whole file ---------------------------------------------------- */

/* The first non-space character, and whether a line looks like a unit's
 * or a Secret's. */
static DeployedFormat
detect_text (Parser *p)
{
  g_auto (GStrv) lines = g_strsplit (p->text, "\n", -1);
  gboolean named_by_unit = FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *l = g_strchug (lines[i]);
      /* A unit's line in a comment, as zoomwiz export --format systemd
         says where the file goes. */
      if (l[0] == '#')
        {
          const char *c = l + 1;
          while (*c == ' ' || *c == '\t')
            c++;
          named_by_unit = named_by_unit || g_str_has_prefix (c, "EnvironmentFile=");
        }
      if (g_str_has_prefix (l, "kind:") || g_str_has_prefix (l, "apiVersion:")
          || g_str_has_prefix (l, "stringData:"))
        {
          p->d->format_reason = g_strdup (_("YAML with kind: or apiVersion: lines: a "
                                            "Kubernetes Secret"));
          return DEPLOYED_K8S;
        }
      if (l[0] == '[' || g_str_has_prefix (l, "Environment=")
          || g_str_has_prefix (l, "EnvironmentFile="))
        {
          p->d->format_reason = g_strdup (_("[Section] or Environment= lines: a "
                                            "systemd unit"));
          return DEPLOYED_SYSTEMD;
        }
    }
  if (named_by_unit)
    {
      p->d->format_reason = g_strdup (_("NAME=VALUE lines, and a comment naming "
                                        "EnvironmentFile=: a systemd EnvironmentFile"));
      return DEPLOYED_SYSTEMD;
    }
  p->d->format_reason = g_strdup (_("NAME=VALUE lines: an env file (also a systemd "
                                    "EnvironmentFile)"));
  return DEPLOYED_ENV;
}

/* Whether S starts with a unit's "[Section]" line (not a JSON array). */
static gboolean
is_section (const char *s)
{
  if (s[0] != '[' || !g_ascii_isalpha (s[1]))
    return FALSE;
  for (s++; g_ascii_isalnum (*s) || *s == '-' || *s == ' '; s++)
    ;
  return *s == ']';
}

static gboolean
is_unit (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *l = g_strchug (lines[i]);
      if (l[0] == '[' || g_str_has_prefix (l, "Environment"))
        return TRUE;
    }
  return FALSE;
}

/* The settings as answers: the last setting of a key counts (as sh,
 * systemd and Go's JSON take it); another one with another value of the
 * same key is a finding. */
static void
map_answers (Deployed *d)
{
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    d->by_key[k] = -1;
  for (guint i = 0; i < d->settings->len; i++)
    {
      const DeployedSetting *s = d->settings->pdata[i];
      if (s->key < 0 || s->value == NULL)
        continue;
      int before = d->by_key[s->key];
      if (before >= 0)
        {
          const DeployedSetting *b = d->settings->pdata[before];
          if (strcmp (b->value, s->value) != 0)
            {
              /* Found at the earlier line B; S is the later one. */
              if (strcmp (b->name, s->name) == 0)
                findings_add (d->findings, SEVERITY_ERROR, "deployed-conflict", b->name,
                              _("line %u sets %s again, to another value; the last one "
                                "counts, so this line's value is not used"),
                              s->line, s->name);
              else
                findings_add (d->findings, SEVERITY_ERROR, "deployed-conflict", b->name,
                              _("line %u sets %s too (as %s), to another value; which of "
                                "the two the server reads depends on the server"),
                              s->line, answer_key_info (s->key)->name, s->name);
              findings_set_fix (d->findings, "%s",
                                _("Keep one of the two lines, with the right value."));
            }
        }
      d->by_key[s->key] = (int) i;
    }
  d->answers = answers_new ();
  d->answers->source = g_strdup (d->path);
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    if (d->by_key[k] >= 0)
      answers_set (d->answers, k, ((DeployedSetting *) d->settings->pdata[d->by_key[k]])->value,
                   ORIGIN_ANSWER);
}

/* The preset the content points to: the Mattermost plugin's level from
 * accountlevelapp; a Server-to-Server app from an Account ID. */
static void
infer_preset (Deployed *d)
{
  if (is_json_format (d->format))
    {
      const DeployedSetting *s = deployed_setting_for (d, ANSWER_MANAGEMENT);
      gboolean admin = g_strcmp0 (answers_get (d->answers, ANSWER_MANAGEMENT), "admin") == 0;
      d->preset = g_strdup (admin ? "mattermost-account" : "mattermost-user");
      if (s == NULL) /* the plugin's default */
        answers_set (d->answers, ANSWER_MANAGEMENT, "user", ORIGIN_PRESET);
      if (s != NULL)
        d->preset_reason = g_strdup_printf (_("%s is %s (line %u)"), s->name,
                                            admin ? "true" : "false", s->line);
      else
        d->preset_reason = g_strdup (_("accountlevelapp is not set: the plugin takes "
                                       "false, a user-level app"));
      return;
    }
  if (answers_get (d->answers, ANSWER_ACCOUNT_ID) != NULL)
    {
      const DeployedSetting *s = deployed_setting_for (d, ANSWER_ACCOUNT_ID);
      d->preset = g_strdup ("own-server");
      d->preset_reason = g_strdup_printf (_("%s is set (line %u): a Server-to-Server "
                                            "app"),
                                          s->name, s->line);
      return;
    }
  d->preset_reason = g_strdup (_("these names fit several kinds of app (a General "
                                 "app, user- or admin-managed, for your own server, "
                                 "Recall.ai or StackOne): give --preset NAME or "
                                 "--profile NAME"));
}

Deployed *
deployed_parse (const char *text, gsize len, const char *source, DeployedFormat f,
                GError **error)
{
  Deployed *d = g_new0 (Deployed, 1);
  Parser p = { d, text, len, NULL };
  d->path = g_strdup (source);
  d->settings = g_ptr_array_new_with_free_func (setting_free);
  d->findings = findings_new ();
  d->format = f;

  /* A UTF-8 byte order mark, as Windows editors write it. */
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    p.text += 3, p.len -= 3;
  gsize blank = 0;
  while (blank < p.len && g_ascii_isspace (p.text[blank]))
    blank++;
  if (blank == p.len)
    fail (&p, 0, "%s", _("the file is empty: nothing to check. Give the file the "
                         "service reads its Zoom settings from"));
  else if (memchr (p.text, '\0', p.len) != NULL)
    fail (&p, 0, "%s", _("the file holds NUL bytes: it is not a text file. Give a "
                         "config.json, an env file, a Kubernetes Secret or a systemd "
                         "unit"));
  else if (!g_utf8_validate (p.text, (gssize) p.len, NULL))
    fail (&p, 0, "%s", _("the file is not UTF-8 text. Save it as UTF-8"));
  else
    {
      if (f == DEPLOYED_AUTO && (p.text[blank] == '{'
                                 || (p.text[blank] == '[' && !is_section (p.text + blank))))
        parse_json (&p, f);
      else if (f == DEPLOYED_AUTO)
        d->format = detect_text (&p);
      else if (is_json_format (f))
        parse_json (&p, f);

      if (p.error == NULL && (d->format == DEPLOYED_ENV || d->format == DEPLOYED_SYSTEMD))
        {
          const char *cr = memchr (p.text, '\r', p.len);
          guint line = 1;
          for (const char *c = p.text; cr != NULL && c < cr; c++)
            line += *c == '\n';
          if (cr != NULL)
            fail (&p, line, "%s", _("the line ends in CR LF (a Windows line end): the "
                                    "service takes the CR as the last character of the "
                                    "value. Save the file with Unix line ends "
                                    "(dos2unix FILE)"));
          else if (d->format == DEPLOYED_SYSTEMD && is_unit (p.text))
            parse_unit (&p);
          else
            parse_env (&p, d->format == DEPLOYED_ENV);
        }
      else if (p.error == NULL && d->format == DEPLOYED_K8S)
        parse_k8s (&p);
    }
  if (p.error != NULL)
    {
      g_propagate_error (error, p.error);
      deployed_free (d);
      return NULL;
    }
  map_answers (d);
  infer_preset (d);
  return d;
}

Deployed *
deployed_read (const char *path, DeployedFormat f, GError **error)
{
  gsize len;
  struct stat st;
  char *text = infile_read (path, DEPLOYED_MAX_BYTES, &len, &st, error);
  if (text == NULL)
    return NULL;
  Deployed *d = deployed_parse (text, len, path, f, error);
  explicit_bzero (text, len);
  g_free (text);
  if (d != NULL && (st.st_mode & 077) != 0)
    {
      g_autofree char *shown = text_sanitize (path, -1, 200);
      findings_add (d->findings, SEVERITY_WARNING, "deployed-file-mode", shown,
                    _("the file holds secrets and others on this machine may read it "
                      "(mode %04o)"),
                    (unsigned) (st.st_mode & 07777));
      g_autofree char *quoted = text_shell_word (shown);
      findings_set_fix (d->findings, _("chmod 600 %s (or 640 with the service's group)"),
                        quoted);
    }
  return d;
}

const DeployedSetting *
deployed_setting_for (const Deployed *d, AnswerKey key)
{
  return d->by_key[key] >= 0 ? d->settings->pdata[d->by_key[key]] : NULL;
}

/* ---- against the profile ----------------------------------------------- */

void
deployed_compare (const Deployed *d, const Answers *profile, const char *name,
                  const char *where, Findings *out)
{
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      const DeployedSetting *s = deployed_setting_for (d, k);
      const char *want = answers_get (profile, k);
      if (s == NULL || want == NULL || *want == '\0' || strcmp (s->value, want) == 0)
        continue;
      const char *key = answer_key_info (k)->name;
      if (answer_is_secret (k))
        {
          findings_add (out, SEVERITY_ERROR, "profile-differs", key,
                        _("is not the %s of profile %s (neither value is shown)"), key,
                        name);
          findings_set_fix (out, _("Set it to the profile's %s, kept in %s: 'zoomwiz "
                                   "export --profile %s --format %s' writes it into a "
                                   "file of this format. If the profile is the wrong "
                                   "one, the value must be %s."),
                            key, where, name,
                            is_json_format (d->format) ? "mattermost"
                                                       : deployed_format_name (d->format),
                            deployed_should_be (k) ? deployed_should_be (k) : key);
        }
      else
        {
          gboolean flag = k == ANSWER_MANAGEMENT && is_json_format (d->format);
          /* accountlevelapp is true or false in the file. */
          g_autofree char *got = text_sanitize (
              flag ? (strcmp (s->value, "admin") == 0 ? "true" : "false") : s->value, -1, 200);
          g_autofree char *shown = text_sanitize (
              flag ? (strcmp (want, "admin") == 0 ? "true" : "false") : want, -1, 200);
          findings_add (out, SEVERITY_ERROR, "profile-differs", key,
                        _("is '%s', but profile %s has '%s'"), got, name, shown);
          findings_set_fix (out, _("Set it to '%s', as in profile %s."), shown, name);
        }
    }
}
