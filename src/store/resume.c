/* resume.c - see resume.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "resume.h"
#include "fileio.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#define GROUP "resume"

char *
resume_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "zoomwiz", "resume.ini", NULL);
}

gboolean
resume_save (const Answers *a, const char *step_id, GError **error)
{
  g_autofree char *path = resume_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *answers = answers_to_data (a, FALSE);
  /* The answers file's text, then a group of the resume file's own. */
  g_autofree char *data = g_strdup_printf ("%s\n[%s]\nstep=%s\n", answers, GROUP, step_id);
  return fileio_make_private_dir (dir, error)
         && fileio_write (path, data, strlen (data), 0600, TRUE, error);
}

Answers *
resume_load (char **step_id, GError **error)
{
  g_autofree char *path = resume_path ();
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) local = NULL;

  *step_id = NULL;
  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_KEEP_COMMENTS, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  char *step = g_key_file_get_string (kf, GROUP, "step", NULL);
  g_key_file_remove_group (kf, GROUP, NULL);
  g_autofree char *data = g_key_file_to_data (kf, NULL, NULL);
  g_autoptr (Findings) findings = findings_new ();
  Answers *a = answers_load_data (data, path, findings, error);
  if (a == NULL || findings->items->len > 0)
    {
      /* A resume file from another version: better to start afresh. */
      if (a != NULL)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: %s", path,
                     ((Finding *) findings->items->pdata[0])->message);
      answers_free (a);
      g_free (step);
      return NULL;
    }
  *step_id = step;
  return a;
}

gboolean
resume_clear (GError **error)
{
  g_autofree char *path = resume_path ();
  if (g_unlink (path) == 0 || errno == ENOENT)
    return TRUE;
  int e = errno;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "%s: %s", path,
               g_strerror (e));
  return FALSE;
}
