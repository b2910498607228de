/* profile.c - see profile.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "profile.h"
#include "fileio.h"
#include "keyring.h"

#include <errno.h>
#include <gio/gio.h>
#include <libsecret/secret.h>
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
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("'%s' is not a profile name: use letters, digits, '.', '_' and '-' "
                   "(at most %d characters, not starting with '.')"),
                 name, MAX_NAME);
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

SecretStore
profile_secret_store (const char *name)
{
  g_autofree char *path = profile_file (name, ".secrets");
  return g_file_test (path, G_FILE_TEST_EXISTS) ? SECRET_STORE_FILE : SECRET_STORE_KEYRING;
}

static gboolean
no_such_profile (const char *name, GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("there is no profile '%s' ('zoomwiz profiles' lists them)"), name);
  return FALSE;
}

gboolean
profile_save (const char *name, const Answers *a, SecretStore store, gboolean overwrite,
              GError **error)
{
  g_autofree char *dir = profile_dir ();
  g_autofree char *path = profile_path (name);
  g_autofree char *secrets_path = profile_file (name, ".secrets");

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
  if (store == SECRET_STORE_FILE)
    {
      /* The secrets only: an answers file that answers_load reads back. */
      Answers *only = answers_new ();
      for (int k = 0; k < ANSWER_N_KEYS; k++)
        if (answer_is_secret (k) && answers_get (a, k) != NULL)
          answers_set (only, k, answers_get (a, k), ORIGIN_ANSWER);
      char *data = answers_to_data (only, TRUE);
      gboolean ok = fileio_write (secrets_path, data, strlen (data), 0600, TRUE, error);
      explicit_bzero (data, strlen (data));
      g_free (data);
      answers_free (only);
      if (!ok)
        return FALSE;
    }
  else
    {
      gboolean existed = profile_exists (name);
      for (int k = 0; k < ANSWER_N_KEYS; k++)
        if (answer_is_secret (k) && answers_get (a, k) != NULL
            && !keyring_store (name, answer_key_info (k)->name, answers_get (a, k), error))
          {
            /* A new profile leaves no half of its secrets behind. */
            if (!existed)
              keyring_clear (name, NULL, NULL);
            return FALSE;
          }
      /* A profile moved back from the file store. */
      unlink (secrets_path);
    }
  g_autofree char *data = answers_to_data (a, FALSE);
  return fileio_write (path, data, strlen (data), 0600, TRUE, error);
}

Answers *
profile_load (const char *name, gboolean with_secrets, GError **error)
{
  g_autofree char *path = profile_path (name);
  g_autoptr (Findings) findings = findings_new ();

  if (!profile_name_ok (name, error))
    return NULL;
  if (!profile_exists (name))
    {
      no_such_profile (name, error);
      return NULL;
    }
  g_autoptr (Answers) a = answers_load (path, findings, error);
  if (a == NULL)
    return NULL;
  if (!with_secrets)
    return g_steal_pointer (&a);
  if (profile_secret_store (name) == SECRET_STORE_FILE)
    {
      g_autofree char *secrets_path = profile_file (name, ".secrets");
      g_autoptr (Answers) s = answers_load (secrets_path, findings, error);
      if (s == NULL)
        return NULL;
      for (int k = 0; k < ANSWER_N_KEYS; k++)
        if (answer_is_secret (k) && answers_get (s, k) != NULL)
          answers_set (a, k, answers_get (s, k), ORIGIN_ANSWER);
      return g_steal_pointer (&a);
    }
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      if (!answer_is_secret (k))
        continue;
      GError *local = NULL;
      char *secret = keyring_lookup (name, answer_key_info (k)->name, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return NULL;
        }
      if (secret != NULL)
        {
          answers_set (a, k, secret, ORIGIN_ANSWER);
          secret_password_free (secret);
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
  return profile_delete (from, error);
}

gboolean
profile_delete (const char *name, GError **error)
{
  g_autofree char *path = profile_path (name);
  g_autofree char *secrets_path = profile_file (name, ".secrets");

  if (!profile_name_ok (name, error))
    return FALSE;
  if (!profile_exists (name))
    return no_such_profile (name, error);
  if (profile_secret_store (name) == SECRET_STORE_FILE)
    {
      if (unlink (secrets_path) != 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       _("cannot remove %s: %s"), secrets_path, g_strerror (errno));
          return FALSE;
        }
    }
  else if (!keyring_clear (name, NULL, error))
    return FALSE;
  if (unlink (path) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("cannot remove %s: %s"), path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
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
