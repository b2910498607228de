/* preset.c - see preset.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "preset.h"
#include "paths.h"
#include "secret.h"
#include "text.h"

#include <string.h>

#define GROUP "preset"

/* Keys of [preset] that are not answers defaults. The others are the
 * answers keys, but for the preset itself and the secrets. */
static const char *const own_keys[]
    = { "title", "summary", "app_types", "managements", "site_url_example",
        "secrets", "generated", "export", "receiver_secret", "receiver_404", "steps",
        NULL };
static const char *const groups[]
    = { GROUP, "scopes", "classic scopes", "guide", NULL };

static void
preset_scope_free (gpointer p)
{
  PresetScope *s = p;
  g_free (s->name);
  g_free (s->purpose);
  g_free (s);
}

static void
preset_line_free (gpointer p)
{
  PresetLine *l = p;
  g_free (l->step);
  g_strfreev (l->when);
  g_free (l->text);
  g_free (l);
}

void
preset_free (Preset *p)
{
  if (p == NULL)
    return;
  g_free (p->id);
  g_free (p->path);
  g_free (p->title);
  g_free (p->summary);
  g_free (p->receiver_secret);
  g_free (p->receiver_404);
  g_strfreev (p->app_types);
  g_strfreev (p->managements);
  g_free (p->site_url_example);
  g_strfreev (p->secrets);
  g_strfreev (p->generated);
  g_free (p->export_format);
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    g_free (p->defaults[k]);
  g_ptr_array_unref (p->scopes);
  g_ptr_array_unref (p->classic_scopes);
  g_strfreev (p->steps);
  g_ptr_array_unref (p->guide);
  g_free (p);
}

/* Keys of GROUP without their [locale] twins, in file order. */
static char **
plain_keys (GKeyFile *kf, const char *group)
{
  g_auto (GStrv) all = g_key_file_get_keys (kf, group, NULL, NULL);
  GPtrArray *out = g_ptr_array_new ();
  for (char **k = all; k != NULL && *k != NULL; k++)
    if (strchr (*k, '[') == NULL)
      g_ptr_array_add (out, g_strdup (*k));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* A text in the user's language. A value that is not UTF-8 would come
 * back NULL and end a NULL-terminated list early: it is kept, made valid. */
static char *
text_of (GKeyFile *kf, const char *group, const char *key)
{
  char *s = g_key_file_get_locale_string (kf, group, key, NULL, NULL);
  if (s != NULL)
    return s;
  g_autofree char *raw = g_key_file_get_value (kf, group, key, NULL);
  return raw != NULL ? g_utf8_make_valid (raw, -1) : NULL;
}

/* What a list of presets shows, from the [preset] group of KF; INFO->id is
 * set. The full loader reads them here too. */
static void
read_info (GKeyFile *kf, PresetInfo *info)
{
  info->title = text_of (kf, GROUP, "title");
  if (info->title == NULL)
    info->title = g_strdup (info->id);
  info->summary = text_of (kf, GROUP, "summary");
  g_autofree char *app_type
      = g_key_file_get_string (kf, GROUP, answer_key_info (ANSWER_APP_TYPE)->name, NULL);
  g_autofree char *management
      = g_key_file_get_string (kf, GROUP, answer_key_info (ANSWER_MANAGEMENT)->name, NULL);
  g_autofree char *app_types = g_key_file_get_string (kf, GROUP, "app_types", NULL);
  g_autofree char *managements = g_key_file_get_string (kf, GROUP, "managements", NULL);
  /* The supported lists default to the single default value. */
  info->app_types = text_split (app_types ? app_types : app_type, ";");
  info->managements = text_split (managements ? managements : management, ";");
}

static GPtrArray *
load_scopes (GKeyFile *kf, const char *group)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (preset_scope_free);
  g_auto (GStrv) names = plain_keys (kf, group);
  for (char **n = names; *n != NULL; n++)
    {
      PresetScope *s = g_new0 (PresetScope, 1);
      s->name = g_strdup (*n);
      s->purpose = text_of (kf, group, *n);
      g_ptr_array_add (out, s);
    }
  return out;
}

/* The answers key a guide condition names: "KEY:V", "KEY!V", "KEY", "!KEY". */
static int
condition_key (const char *cond, const char **values, gboolean *negated)
{
  *negated = *cond == '!';
  if (*negated)
    cond++;
  gsize n = strcspn (cond, ":!");
  g_autofree char *name = g_strndup (cond, n);
  *values = cond[n] != '\0' ? cond + n + 1 : NULL;
  if (cond[n] == '!')
    *negated = TRUE;
  return answer_key_by_name (name);
}

/* [guide]'s lines: "NN STEP [COND ...]" keys, in file order. */
static gboolean
load_guide (GKeyFile *kf, Preset *p, GError **error)
{
  p->guide = g_ptr_array_new_with_free_func (preset_line_free);
  g_auto (GStrv) keys = plain_keys (kf, "guide");
  for (char **k = keys; *k != NULL; k++)
    {
      g_auto (GStrv) words = g_strsplit (*k, " ", -1);
      gboolean ok = g_strv_length (words) >= 2 && words[0][0] != '\0'
                    && strspn (words[0], "0123456789") == strlen (words[0])
                    && words[1][0] != '\0';
      for (char **c = ok ? words + 2 : words; ok && *c != NULL; c++)
        {
          const char *values;
          gboolean negated;
          ok = condition_key (*c, &values, &negated) >= 0
               && (values == NULL || *values != '\0') && !(negated && **c == '!' && values);
        }
      if (!ok)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       _("%s: [guide] key '%s' is not \"NUMBER STEP [CONDITION ...]\" "
                         "(a condition is KEY:VALUES, KEY!VALUES, KEY or !KEY, with "
                         "an answers key)"),
                       p->path, *k);
          return FALSE;
        }
      PresetLine *l = g_new0 (PresetLine, 1);
      l->step = g_strdup (words[1]);
      l->when = g_strdupv (words + 2);
      l->text = text_of (kf, "guide", *k);
      g_ptr_array_add (p->guide, l);
    }
  return TRUE;
}

gboolean
preset_line_applies (const PresetLine *l, const Answers *a)
{
  for (char **c = l->when; *c != NULL; c++)
    {
      const char *values;
      gboolean negated;
      int k = condition_key (*c, &values, &negated);
      const char *v = answers_get (a, k);
      gboolean holds;
      if (values == NULL)
        holds = v != NULL && *v != '\0';
      else
        {
          g_auto (GStrv) list = g_strsplit (values, ",", -1);
          holds = v != NULL && g_strv_contains ((const char *const *) list, v);
        }
      if (holds == negated)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_layout (GKeyFile *kf, const char *path, GError **error)
{
  g_auto (GStrv) file_groups = g_key_file_get_groups (kf, NULL);
  for (char **g = file_groups; *g != NULL; g++)
    if (!g_strv_contains (groups, *g))
      {
        g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                     _("%s: unknown group [%s]"), path, *g);
        return FALSE;
      }
  if (!g_key_file_has_group (kf, GROUP))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("%s: no [%s] group"), path, GROUP);
      return FALSE;
    }
  g_auto (GStrv) names = plain_keys (kf, GROUP);
  for (char **n = names; *n != NULL; n++)
    if (!g_strv_contains (own_keys, *n)
        && (answer_key_by_name (*n) < 0 || answer_is_secret (answer_key_by_name (*n))
            || answer_key_by_name (*n) == ANSWER_PRESET))
      {
        g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                     _("%s: unknown key '%s' in [%s]"), path, *n, GROUP);
        return FALSE;
      }
  return TRUE;
}

Preset *
preset_load_file (const char *path, GError **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();

  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_KEEP_TRANSLATIONS, error)
      || !check_layout (kf, path, error))
    return NULL;

  Preset *p = g_new0 (Preset, 1);
  g_autofree char *base = g_path_get_basename (path);
  p->id = g_strndup (base, g_str_has_suffix (base, ".ini") ? strlen (base) - 4
                                                            : strlen (base));
  p->path = g_strdup (path);
  PresetInfo info = { .id = p->id };
  read_info (kf, &info);
  p->title = info.title;
  p->summary = info.summary;
  p->app_types = info.app_types;
  p->managements = info.managements;
  p->receiver_secret = text_of (kf, GROUP, "receiver_secret");
  p->receiver_404 = text_of (kf, GROUP, "receiver_404");
  p->site_url_example = g_key_file_get_string (kf, GROUP, "site_url_example", NULL);
  p->export_format = g_key_file_get_string (kf, GROUP, "export", NULL);
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    p->defaults[k] = g_key_file_get_string (kf, GROUP, answer_key_info (k)->name, NULL);

  g_autofree char *secrets = g_key_file_get_string (kf, GROUP, "secrets", NULL);
  g_autofree char *generated = g_key_file_get_string (kf, GROUP, "generated", NULL);
  p->secrets = text_split (secrets, ";");
  p->generated = text_split (generated, ";");

  p->scopes = load_scopes (kf, "scopes");
  p->classic_scopes = load_scopes (kf, "classic scopes");

  g_autofree char *steps = g_key_file_get_string (kf, GROUP, "steps", NULL);
  p->steps = steps != NULL ? text_split (steps, ";") : NULL;
  if (!load_guide (kf, p, error))
    {
      preset_free (p);
      return NULL;
    }
  return p;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

char **
preset_list (GError **error)
{
  g_autofree char *dir_path = paths_data_file ("presets", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, error);
  if (dir == NULL)
    return NULL;

  GPtrArray *ids = g_ptr_array_new ();
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (g_str_has_suffix (name, ".ini"))
      g_ptr_array_add (ids, g_strndup (name, strlen (name) - 4));
  g_ptr_array_sort (ids, compare_names);
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

/* data/presets/ID.ini when preset_list has ID; NULL, with an error naming
 * the nearest ids, when not. The folder is listed only then. */
static char *
preset_path (const char *id, GError **error)
{
  g_autofree char *file = g_strconcat (id, ".ini", NULL);
  g_autofree char *path = paths_data_file ("presets", file, NULL);
  if (strchr (id, G_DIR_SEPARATOR) == NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);
  g_auto (GStrv) ids = preset_list (error);
  if (ids == NULL)
    return NULL;
  if (!g_strv_contains ((const char *const *) ids, id))
    {
      g_auto (GStrv) near = text_nearest (id, (const char *const *) ids, -1, 1);
      if (near[0] != NULL)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                     _("there is no preset '%s'; did you mean '%s'? "
                       "('zoomwiz presets' lists them)"),
                     id, near[0]);
      else
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                     _("there is no preset '%s' ('zoomwiz presets' lists them)"),
                     id);
      return NULL;
    }
  return g_steal_pointer (&path);
}

Preset *
preset_load (const char *id, GError **error)
{
  g_autofree char *path = preset_path (id, error);
  return path != NULL ? preset_load_file (path, error) : NULL;
}

void
preset_info_free (PresetInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->title);
  g_free (info->summary);
  g_strfreev (info->app_types);
  g_strfreev (info->managements);
  g_free (info);
}

/* The length of TEXT up to its second group: the [preset] group, where it
 * comes first (as in every installed preset). A line whose first
 * character after blanks is '[' starts a group, as GKeyFile reads it. */
static gsize
first_group_length (const char *text, gsize len)
{
  gboolean in_group = FALSE;
  for (gsize at = 0; at < len;)
    {
      gsize p = at;
      while (p < len && text[p] != '\n' && g_ascii_isspace (text[p]))
        p++;
      if (p < len && text[p] == '[')
        {
          if (in_group)
            return at;
          in_group = TRUE;
        }
      const char *nl = memchr (text + p, '\n', len - p);
      at = nl != NULL ? (gsize) (nl - text) + 1 : len;
    }
  return len;
}

PresetInfo *
preset_info (const char *id, GError **error)
{
  g_autofree char *path = preset_path (id, error);
  g_autofree char *text = NULL;
  gsize len;
  if (path == NULL || !g_file_get_contents (path, &text, &len, error))
    return NULL;
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  if (!g_key_file_load_from_data (kf, text, first_group_length (text, len),
                                  G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return NULL;
  /* [preset] further down: the whole file, as the full loader reads it. */
  if (!g_key_file_has_group (kf, GROUP)
      && !g_key_file_load_from_data (kf, text, len, G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return NULL;
  if (!check_layout (kf, path, error))
    return NULL;
  PresetInfo *info = g_new0 (PresetInfo, 1);
  info->id = g_strdup (id);
  read_info (kf, info);
  return info;
}

const GPtrArray *
preset_required_scopes (const Preset *p, const Answers *a, const Catalog *c)
{
  if (answers_app_type (a) != APP_TYPE_OAUTH_LEGACY || p->classic_scopes->len == 0)
    return p->scopes;
  g_auto (GStrv) chosen = answers_list (a, ANSWER_SCOPES);
  for (char **s = chosen; *s != NULL; s++)
    {
      const Scope *scope = c != NULL ? catalog_lookup (c, *s) : NULL;
      if (scope != NULL && scope->family == SCOPE_FAMILY_GRANULAR)
        return p->scopes; /* a legacy app migrated to granular scopes */
    }
  return p->classic_scopes;
}

char *
preset_expand (const char *template_text, const Answers *a)
{
  GString *out = g_string_new (NULL);
  for (const char *s = template_text; *s != '\0';)
    {
      const char *open = strchr (s, '{');
      const char *close = open != NULL ? strchr (open, '}') : NULL;
      if (close == NULL)
        {
          g_string_append (out, s);
          break;
        }
      g_string_append_len (out, s, open - s);
      g_autofree char *name = g_strndup (open + 1, close - open - 1);
      int k = answer_key_by_name (name);
      const char *value = k >= 0 ? answers_get (a, k) : NULL;
      if (value == NULL || *value == '\0')
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append (out, value);
      s = close + 1;
    }
  return g_string_free (out, FALSE);
}

gboolean
preset_generate_secrets (const Preset *p, Answers *a, gboolean *made, GError **error)
{
  for (char **g = p->generated; g != NULL && *g != NULL; g++)
    {
      int k = answer_key_by_name (*g);
      if (k < 0 || answers_get (a, k) != NULL)
        continue;
      char *secret = secret_generate (SECRET_DEFAULT_BYTES, error);
      if (secret == NULL)
        return FALSE;
      answers_set (a, k, secret, ORIGIN_ANSWER);
      a->provenance[k] = PROVENANCE_GENERATED;
      secret_free (secret);
      if (made != NULL)
        made[k] = TRUE;
    }
  return TRUE;
}

void
preset_apply (const Preset *p, Answers *a, const Catalog *c)
{
  /* In table order: site_url comes before the URLs made from it, and
   * redirect_url before the allow list that repeats it. */
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      if (answers_get (a, k) != NULL || p->defaults[k] == NULL)
        continue;
      g_autofree char *value = preset_expand (p->defaults[k], a);
      if (value != NULL)
        answers_set (a, k, value, ORIGIN_PRESET);
    }
  if (answers_get (a, ANSWER_SCOPES) == NULL)
    {
      const GPtrArray *need = preset_required_scopes (p, a, c);
      if (need->len > 0)
        {
          GString *s = g_string_new (NULL);
          for (guint i = 0; i < need->len; i++)
            g_string_append_printf (s, "%s%s", i ? " " : "",
                                    ((PresetScope *) need->pdata[i])->name);
          answers_set (a, ANSWER_SCOPES, s->str, ORIGIN_PRESET);
          g_string_free (s, TRUE);
        }
    }
}
