/* profile.c - see profile.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "profile.h"
#include "exports.h"
#include "fileio.h"
#include "keyring.h"
#include "core/infile.h"
#include "core/text.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAX_NAME 64

gboolean
profile_name_ok (const char *name, GError **error)
{
  gsize len = strlen (name);
  gboolean ok = len > 0 && len <= MAX_NAME && name[0] != '.';
  for (const char *p = name; ok && *p; p++)
    ok = g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-';
  if (!ok)
    {
      /* From the command line or the environment: shown safe, cut short. */
      g_autofree char *shown = text_sanitize (name, -1, 80);
      g_set_error (error, ZW_ERROR, ZW_ERROR_INVALID_ARGUMENT,
                   _("'%s' is not a profile name: use letters, digits, '.', '_' and '-' "
                     "(at most %d characters, not starting with '.')"),
                   shown, MAX_NAME);
    }
  return ok;
}

char *
profile_dir (void)
{
  return g_build_filename (g_get_user_config_dir (), "zoomwiz", "profiles", NULL);
}

static char *
profile_file (const char *name, const char *suffix)
{
  g_autofree char *dir = profile_dir ();
  g_autofree char *file = g_strconcat (name, suffix, NULL);
  return g_build_filename (dir, file, NULL);
}

char *
profile_path (const char *name)
{
  return profile_file (name, ".ini");
}

gboolean
profile_exists (const char *name)
{
  g_autofree char *path = profile_path (name);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A save's secrets are named by an ID of their own, recorded in the INI
 * file's [profile] group: the rename of the INI file is the one moment a
 * save takes effect, so a profile is always the old one whole or the new
 * one whole. The secrets of other saves are left-overs to remove. */
#define ID_LEN 16

typedef struct
{
  SecretStore store;
  char *id; /* NULL: the profile keeps no secrets (an INI file put there by hand) */
} Record;

static void
record_clear (Record *r)
{
  g_clear_pointer (&r->id, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Record, record_clear)

static gboolean
id_ok (const char *id)
{
  gsize n = 0;
  for (; id[n] != '\0'; n++)
    if (!g_ascii_isxdigit (id[n]) || g_ascii_isupper (id[n]))
      return FALSE;
  return n == ID_LEN;
}

static char *
new_id (void)
{
  return g_strdup_printf ("%08" G_GINT32_MODIFIER "x%08" G_GINT32_MODIFIER "x",
                          g_random_int (), g_random_int ());
}

/* The record in TEXT, an INI file's contents. */
static void
record_parse (const char *text, gsize len, Record *r)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  r->store = SECRET_STORE_KEYRING;
  r->id = NULL;
  if (!g_key_file_load_from_data (kf, text, len, G_KEY_FILE_NONE, NULL))
    return;
  g_autofree char *store = g_key_file_get_string (kf, ANSWERS_PROFILE_GROUP, "secrets", NULL);
  g_autofree char *id = g_key_file_get_string (kf, ANSWERS_PROFILE_GROUP, "secrets_id", NULL);
  if (g_strcmp0 (store, "file") == 0)
    r->store = SECRET_STORE_FILE;
  if (id != NULL && id_ok (id))
    r->id = g_steal_pointer (&id);
}

/* The INI file of NAME, read once, and its record. */
static char *
read_ini (const char *name, gsize *len, Record *r, GError **error)
{
  g_autofree char *path = profile_path (name);
  char *text = infile_read (path, INFILE_MAX_ANSWERS, len, NULL, error);
  if (text != NULL)
    record_parse (text, *len, r);
  return text;
}

SecretStore
profile_secret_store (const char *name)
{
  g_auto (Record) r = { 0 };
  gsize len;
  g_autofree char *text = read_ini (name, &len, &r, NULL);
  return text != NULL ? r.store : SECRET_STORE_KEYRING;
}

static char *
secrets_path (const char *name, const char *id)
{
  g_autofree char *suffix = g_strdup_printf (".%s.secrets", id);
  return profile_file (name, suffix);
}

/* The keyring items of NAME in this config folder (of save ID, if not NULL). */
static KeyringTag
tag_of (const char *config, const char *name, const char *id)
{
  return (KeyringTag){ .config = config, .profile = name, .id = id };
}

static char *
config_of_profiles (void)
{
  g_autofree char *dir = profile_dir ();
  return g_canonicalize_filename (dir, NULL);
}

/* Removes NAME's secrets files but that of save KEEP (NULL: all). */
static void
remove_secrets_files (const char *name, const char *keep, gboolean *found)
{
  g_autofree char *dir_path = profile_dir ();
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  gsize n = strlen (name);

  for (const char *f; dir != NULL && (f = g_dir_read_name (dir)) != NULL;)
    {
      if (strncmp (f, name, n) != 0 || f[n] != '.' || strlen (f + n + 1) != ID_LEN + 8
          || strcmp (f + n + 1 + ID_LEN, ".secrets") != 0)
        continue;
      g_autofree char *id = g_strndup (f + n + 1, ID_LEN);
      if (!id_ok (id) || g_strcmp0 (id, keep) == 0)
        continue;
      g_autofree char *path = g_build_filename (dir_path, f, NULL);
      if (unlink (path) == 0 && found != NULL)
        *found = TRUE;
    }
  if (dir != NULL)
    g_dir_close (dir);
}

static gboolean
no_such_profile (const char *name, GError **error)
{
  g_auto (GStrv) names = profile_list (NULL);
  g_auto (GStrv) near = names != NULL
                            ? text_nearest (name, (const char *const *) names, -1, 1)
                            : NULL;
  if (near != NULL && near[0] != NULL)
    g_set_error (error, ZW_ERROR, ZW_ERROR_NOT_FOUND,
                 _("there is no profile '%s'; did you mean '%s'? ('zoomwiz profiles' "
                   "lists them)"),
                 name, near[0]);
  else
    g_set_error (error, ZW_ERROR, ZW_ERROR_NOT_FOUND,
                 _("there is no profile '%s' ('zoomwiz profiles' lists them)"), name);
  return FALSE;
}

/* Stores A's secrets as save ID; on failure none of them stays. */
static gboolean
store_secrets (const char *name, const Answers *a, SecretStore store, const KeyringTag *tag,
               GError **error)
{
  if (store == SECRET_STORE_FILE)
    {
      /* The secrets only: an answers file that answers_load reads back. */
      g_autoptr (Answers) only = answers_new ();
      for (int k = 0; k < ANSWER_N_KEYS; k++)
        if (answers_holds_secret (a, k) && answers_get (a, k) != NULL)
          answers_set (only, k, answers_get (a, k), ORIGIN_ANSWER);
      g_autofree char *path = secrets_path (name, tag->id);
      char *data = answers_to_data (only, TRUE);
      gboolean ok = fileio_write (path, data, strlen (data), 0600, FALSE, error);
      explicit_bzero (data, strlen (data));
      g_free (data);
      return ok;
    }
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    if (answers_holds_secret (a, k) && answers_get (a, k) != NULL
        && !keyring_store (tag, answer_key_info (k)->name, answers_get (a, k), error))
      {
        keyring_clear (tag, NULL, NULL);
        return FALSE;
      }
  return TRUE;
}

static void
forget_secrets (const char *name, SecretStore store, const KeyringTag *tag)
{
  if (store == SECRET_STORE_FILE)
    {
      g_autofree char *path = secrets_path (name, tag->id);
      unlink (path);
    }
  else
    keyring_clear (tag, NULL, NULL);
}

/* The lines of the [profile] group that record where each given value
 * came from: origin_KEY=WORD (provenance_name), and answers_file=PATH,
 * escaped as GKeyFile escapes a value. */
static char *
origins_to_data (const Answers *a)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  gboolean from_file = FALSE;
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      const char *word = provenance_name (a->provenance[k]);
      if (a->values[k] == NULL || a->origin[k] != ORIGIN_ANSWER || word == NULL)
        continue;
      g_autofree char *key = g_strconcat ("origin_", answer_key_info (k)->name, NULL);
      g_key_file_set_string (kf, ANSWERS_PROFILE_GROUP, key, word);
      from_file |= a->provenance[k] == PROVENANCE_ANSWERS_FILE;
    }
  if (from_file && a->provenance_file != NULL)
    g_key_file_set_string (kf, ANSWERS_PROFILE_GROUP, "answers_file", a->provenance_file);
  if (!g_key_file_has_group (kf, ANSWERS_PROFILE_GROUP))
    return g_strdup ("");
  g_autofree char *text = g_key_file_to_data (kf, NULL, NULL);
  /* Without its group line: the lines go into the group written above. */
  const char *body = strchr (text, '\n');
  return g_strdup (body != NULL ? body + 1 : "");
}

/* What the [profile] group of TEXT records of the origins, into A. */
static void
origins_parse (const char *text, gsize len, Answers *a)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  if (!g_key_file_load_from_data (kf, text, len, G_KEY_FILE_NONE, NULL))
    return;
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      g_autofree char *key = g_strconcat ("origin_", answer_key_info (k)->name, NULL);
      g_autofree char *word = g_key_file_get_string (kf, ANSWERS_PROFILE_GROUP, key, NULL);
      a->provenance[k] = provenance_by_name (word);
    }
  g_free (a->provenance_file);
  a->provenance_file = g_key_file_get_string (kf, ANSWERS_PROFILE_GROUP, "answers_file",
                                              NULL);
}

gboolean
profile_save (const char *name, const Answers *a, SecretStore store, gboolean overwrite,
              GError **error)
{
  g_autofree char *dir = profile_dir ();
  g_autofree char *path = profile_path (name);

  if (!profile_name_ok (name, error) || !fileio_make_private_dir (dir, error))
    return FALSE;
  if (!overwrite && profile_exists (name))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("a profile '%s' exists; it was left as it is (--force replaces "
                     "it)"),
                   name);
      return FALSE;
    }
  g_auto (Record) old = { 0 };
  gsize len;
  g_autofree char *old_text = read_ini (name, &len, &old, NULL);
  g_autofree char *config = config_of_profiles ();
  g_autofree char *id = new_id ();
  KeyringTag tag = tag_of (config, name, id);

  /* 1. The new secrets, beside the old ones. */
  if (!store_secrets (name, a, store, &tag, error))
    return FALSE;

  /* 2. The INI file naming them: from here on, the profile is the new one. */
  g_autofree char *answers = answers_to_data (a, FALSE);
  /* TRANSLATORS: a comment in a profile's file, above zoomwiz's own group. */
  g_autofree char *comment = g_strdup (_("Where this profile's secrets are; zoomwiz "
                                         "writes this group, not answers."));
  g_strdelimit (comment, "\n", ' ');
  g_autofree char *origins = origins_to_data (a);
  g_autofree char *data = g_strdup_printf ("%s\n# %s\n[%s]\nsecrets=%s\nsecrets_id=%s\n%s",
                                           answers, comment, ANSWERS_PROFILE_GROUP,
                                           store == SECRET_STORE_FILE ? "file" : "keyring",
                                           id, origins);
  if (!fileio_write (path, data, strlen (data), 0600, overwrite, error))
    {
      forget_secrets (name, store, &tag);
      return FALSE;
    }

  /* 3. The old save's secrets, wherever they were: a keyring that does not
     answer now keeps them for the next save or delete. (A save cut short
     before its INI file left items of its own ID: delete removes those.) */
  remove_secrets_files (name, store == SECRET_STORE_FILE ? id : NULL, NULL);
  if (old_text != NULL && old.store == SECRET_STORE_KEYRING && old.id != NULL)
    {
      KeyringTag before = tag_of (config, name, old.id);
      keyring_clear (&before, NULL, NULL);
    }
  return TRUE;
}

Answers *
profile_load (const char *name, gboolean with_secrets, GError **error)
{
  g_autofree char *path = profile_path (name);
  g_autoptr (Findings) findings = findings_new ();
  g_auto (Record) r = { 0 };
  gsize len = 0;

  if (!profile_name_ok (name, error))
    return NULL;
  if (!profile_exists (name))
    {
      no_such_profile (name, error);
      return NULL;
    }
  g_autofree char *text = read_ini (name, &len, &r, error);
  if (text == NULL)
    return NULL;
  g_autoptr (Answers) a = answers_load_data (text, path, findings, error);
  if (a != NULL)
    origins_parse (text, len, a);
  if (a == NULL || !with_secrets || r.id == NULL)
    return g_steal_pointer (&a);
  /* Setting the secrets below forgets their provenance: kept here. */
  Provenance recorded[ANSWER_N_KEYS];
  memcpy (recorded, a->provenance, sizeof recorded);
  if (r.store == SECRET_STORE_FILE)
    {
      g_autofree char *spath = secrets_path (name, r.id);
      g_autoptr (Answers) s = answers_load (spath, findings, error);
      if (s == NULL)
        return NULL;
      for (int k = 0; k < ANSWER_N_KEYS; k++)
        if ((answer_is_secret (k) || answers_secret_withheld (a, k))
            && answers_get (s, k) != NULL)
          {
            answers_set (a, k, answers_get (s, k), ORIGIN_ANSWER);
            a->provenance[k] = recorded[k];
          }
      return g_steal_pointer (&a);
    }
  g_autofree char *config = config_of_profiles ();
  KeyringTag tag = tag_of (config, name, r.id);
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      if (!answer_is_secret (k) && !answers_secret_withheld (a, k))
        continue;
      GError *local = NULL;
      char *secret = keyring_lookup (&tag, answer_key_info (k)->name, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return NULL;
        }
      if (secret != NULL)
        {
          answers_set (a, k, secret, ORIGIN_ANSWER);
          a->provenance[k] = recorded[k];
          keyring_free (secret);
        }
    }
  return g_steal_pointer (&a);
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

char **
profile_list (GError **error)
{
  g_autofree char *dir_path = profile_dir ();
  GPtrArray *names = g_ptr_array_new ();
  GError *local = NULL;
  GDir *dir = g_dir_open (dir_path, 0, &local);

  if (dir == NULL && !g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, local);
      g_ptr_array_free (names, TRUE);
      return NULL;
    }
  g_clear_error (&local);
  for (const char *n; dir != NULL && (n = g_dir_read_name (dir)) != NULL;)
    if (g_str_has_suffix (n, ".ini") && n[0] != '.')
      g_ptr_array_add (names, g_strndup (n, strlen (n) - 4));
  if (dir != NULL)
    g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

gboolean
profile_rename (const char *from, const char *to, GError **error)
{
  if (!profile_name_ok (from, error) || !profile_name_ok (to, error))
    return FALSE;
  if (!profile_exists (from))
    return no_such_profile (from, error);
  if (profile_exists (to))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("a profile '%s' exists already; delete it or choose another name"),
                   to);
      return FALSE;
    }
  /* Secrets move first: a failure leaves the old profile whole. */
  g_autoptr (Answers) a = profile_load (from, TRUE, error);
  if (a == NULL || !profile_save (to, a, profile_secret_store (from), FALSE, error))
    return FALSE;
  /* The record of its exports goes with it. */
  g_autofree char *had = exports_path (from);
  g_autofree char *has = exports_path (to);
  if (g_file_test (had, G_FILE_TEST_IS_REGULAR) && rename (had, has) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("cannot move %s: %s"), had, g_strerror (errno));
      return FALSE;
    }
  g_autofree char *stored = profile_default_stored (NULL);
  if (!profile_delete (from, error))
    return FALSE;
  return stored == NULL || strcmp (stored, from) != 0 || profile_default_set (to, error);
}

gboolean
profile_delete (const char *name, GError **error)
{
  g_autofree char *path = profile_path (name);
  g_autofree char *config = config_of_profiles ();
  KeyringTag all = tag_of (config, name, NULL);
  g_auto (Record) r = { 0 };
  gsize len = 0;
  gboolean found = FALSE;

  if (!profile_name_ok (name, error))
    return FALSE;
  /* The INI file goes first: cut short after it, what is left is
     left-overs that the next delete finds, never half a profile. */
  g_autofree char *text = profile_exists (name) ? read_ini (name, &len, &r, error) : NULL;
  if (profile_exists (name) && text == NULL)
    return FALSE;
  if (text != NULL)
    {
      if (unlink (path) != 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       _("cannot remove %s: %s"), path, g_strerror (errno));
          return FALSE;
        }
      found = TRUE;
    }
  remove_secrets_files (name, NULL, &found);
  g_autofree char *exports = exports_path (name);
  unlink (exports);

  /* Left-overs may be in the keyring whatever the store; only a profile
     that keeps its secrets there needs it to answer. */
  GError *local = NULL;
  gboolean in_keyring = FALSE;
  if (!keyring_clear (&all, &in_keyring, &local))
    {
      if (text != NULL && r.store == SECRET_STORE_KEYRING && r.id != NULL)
        {
          /* Nothing was removed: the profile is put back as it was. */
          fileio_write (path, text, len, 0600, FALSE, NULL);
          g_propagate_error (error, local);
          return FALSE;
        }
      g_clear_error (&local);
    }
  if (!found && !in_keyring)
    return no_such_profile (name, error);
  g_autofree char *stored = profile_default_stored (NULL);
  if (stored != NULL && strcmp (stored, name) == 0)
    return profile_default_set (NULL, error);
  return TRUE;
}

char *
profile_default_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "zoomwiz", "default-profile", NULL);
}

char *
profile_default_stored (GError **error)
{
  g_autofree char *path = profile_default_path ();
  GError *local = NULL;
  gsize len = 0;
  struct stat st;

  if (lstat (path, &st) != 0 && errno == ENOENT)
    return NULL;
  /* A name is at most 64 characters: anything larger is no default. */
  g_autofree char *text = infile_read (path, 256, &len, NULL, &local);
  if (text == NULL)
    {
      g_set_error (error, ZW_ERROR, ZW_ERROR_INVALID_DATA,
                   _("the default profile cannot be read: %s; 'zoomwiz profiles default "
                     "NAME' stores another, 'zoomwiz profiles default --unset' removes it"),
                   local->message);
      g_error_free (local);
      return NULL;
    }
  if (len > 0 && text[len - 1] == '\n')
    text[--len] = '\0';
  if (strlen (text) != len || !profile_name_ok (text, NULL))
    {
      g_set_error (error, ZW_ERROR, ZW_ERROR_INVALID_DATA,
                   _("%s holds no profile name; 'zoomwiz profiles default NAME' stores "
                     "one, 'zoomwiz profiles default --unset' removes it"),
                   path);
      return NULL;
    }
  return g_steal_pointer (&text);
}

gboolean
profile_default_set (const char *name, GError **error)
{
  g_autofree char *path = profile_default_path ();
  if (name == NULL)
    {
      if (unlink (path) != 0 && errno != ENOENT)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       _("cannot remove %s: %s"), path, g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  if (!profile_name_ok (name, error))
    return FALSE;
  if (!profile_exists (name))
    return no_such_profile (name, error);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *line = g_strconcat (name, "\n", NULL);
  return fileio_make_private_dir (dir, error)
         && fileio_write (path, line, strlen (line), 0600, TRUE, error);
}

char *
profile_default (ProfileDefaultSource *source, GError **error)
{
  const char *env = g_getenv ("ZOOMWIZ_PROFILE");
  g_autofree char *name = NULL;

  *source = PROFILE_DEFAULT_NONE;
  if (env != NULL && *env != '\0')
    {
      *source = PROFILE_DEFAULT_ENV;
      GError *local = NULL;
      if (!profile_name_ok (env, &local) || !profile_exists (env))
        {
          if (local == NULL)
            no_such_profile (env, &local);
          g_set_error (error, ZW_ERROR, ZW_ERROR_NOT_FOUND,
                       _("the default profile from ZOOMWIZ_PROFILE: %s; set ZOOMWIZ_PROFILE "
                         "to one that exists, or unset it"),
                       local->message);
          g_error_free (local);
          return NULL;
        }
      return g_strdup (env);
    }
  if ((name = profile_default_stored (error)) == NULL)
    return NULL;
  *source = PROFILE_DEFAULT_STORED;
  if (!profile_exists (name))
    {
      g_autofree char *path = profile_default_path ();
      g_set_error (error, ZW_ERROR, ZW_ERROR_NOT_FOUND,
                   _("the default profile '%s' (stored in %s) does not exist any more; "
                     "'zoomwiz profiles default NAME' stores another, 'zoomwiz profiles "
                     "default --unset' removes it"),
                   name, path);
      return NULL;
    }
  return g_steal_pointer (&name);
}

/* Where NAME's secret KEY is kept, in words or as a path. */
static char *
secret_location (const char *name, AnswerKey key)
{
  g_auto (Record) r = { 0 };
  gsize len;
  g_autofree char *text = read_ini (name, &len, &r, NULL);
  if (text != NULL && r.store == SECRET_STORE_FILE && r.id != NULL)
    return secrets_path (name, r.id);
  /* TRANSLATORS: where a secret is: what secret-tool lookup needs. */
  return g_strdup_printf (_("keyring: profile %s, field %s"), name,
                          answer_key_info (key)->name);
}

ValueOrigin
profile_value_origin (const char *name, const Answers *a, AnswerKey key, char **location)
{
  gboolean secret = answers_holds_secret (a, key);
  *location = NULL;
  if (a->origin[key] == ORIGIN_PRESET)
    {
      *location = g_strdup (answers_get (a, ANSWER_PRESET));
      return VALUE_FROM_PRESET;
    }
  switch (a->provenance[key])
    {
    case PROVENANCE_ANSWERS_FILE:
      *location = g_strdup (a->provenance_file);
      return VALUE_FROM_ANSWERS_FILE;
    case PROVENANCE_WIZARD:
      return VALUE_FROM_WIZARD;
    case PROVENANCE_GENERATED:
      *location = secret ? secret_location (name, key) : NULL;
      return VALUE_FROM_GENERATED;
    default:
      break;
    }
  /* No record: said for where the value is read from, never guessed. */
  if (secret)
    {
      *location = secret_location (name, key);
      return profile_secret_store (name) == SECRET_STORE_FILE ? VALUE_FROM_FILE_STORE
                                                               : VALUE_FROM_KEYRING;
    }
  *location = profile_path (name);
  return VALUE_FROM_PROFILE_FILE;
}

const char *
value_origin_id (ValueOrigin o)
{
  static const char *const ids[] = { "preset", "answers-file", "wizard", "generated",
                                     "keyring", "file-store", "profile-file" };
  return ids[o];
}

const char *
value_origin_label (ValueOrigin o)
{
  /* TRANSLATORS: the ORIGIN column of "zoomwiz profiles show". */
  const char *const labels[] = { N_("preset"), N_("answers file"), N_("wizard"),
                                 N_("generated"), N_("keyring"), N_("file store"),
                                 N_("profile file") };
  return _(labels[o]);
}

ExportSecretsAt
profile_secrets_at (SecretStore store)
{
  return store == SECRET_STORE_FILE ? EXPORT_SECRETS_IN_FILE : EXPORT_SECRETS_IN_KEYRING;
}

char *
profile_mask_secret (const char *secret)
{
  gsize len = strlen (secret);
  /* Short secrets show nothing: four characters of eight are too many. */
  if (len < 12)
    return g_strdup ("********");
  return g_strconcat ("********", secret + len - 4, NULL);
}
