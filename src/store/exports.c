/* exports.c - see exports.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "exports.h"
#include "fileio.h"
#include "profile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* No export zoomwiz writes comes near this; a larger file is not its. */
#define MAX_EXPORT_SIZE (4 * 1024 * 1024)

static void
record_free (gpointer p)
{
  ExportRecord *r = p;
  g_free (r->path);
  g_free (r->format);
  g_free (r->sha256);
  g_free (r->k8s_name);
  g_free (r->k8s_namespace);
  g_free (r);
}

char *
exports_path (const char *name)
{
  g_autofree char *dir = profile_dir ();
  g_autofree char *file = g_strconcat (name, ".exports", NULL);
  return g_build_filename (dir, file, NULL);
}

static GKeyFile *
load_file (const char *name, GError **error)
{
  g_autofree char *path = exports_path (name);
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  GError *local = NULL;
  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_error_free (local);
          return g_steal_pointer (&kf);
        }
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("cannot read the record of the profile's exports %s: %s"), path,
                   local->message);
      g_error_free (local);
      return NULL;
    }
  return g_steal_pointer (&kf);
}

GPtrArray *
exports_load (const char *name, GError **error)
{
  g_autoptr (GKeyFile) kf = load_file (name, error);
  if (kf == NULL)
    return NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (record_free);
  g_auto (GStrv) groups = g_key_file_get_groups (kf, NULL);
  for (char **g = groups; *g != NULL; g++)
    {
      ExportRecord *r = g_new0 (ExportRecord, 1);
      r->path = g_strdup (*g);
      r->format = g_key_file_get_string (kf, *g, "format", NULL);
      r->sha256 = g_key_file_get_string (kf, *g, "sha256", NULL);
      r->k8s_name = g_key_file_get_string (kf, *g, "name", NULL);
      r->k8s_namespace = g_key_file_get_string (kf, *g, "namespace", NULL);
      if (r->format == NULL || r->sha256 == NULL || !g_path_is_absolute (r->path))
        record_free (r); /* not one zoomwiz wrote: left out */
      else
        g_ptr_array_add (out, r);
    }
  return out;
}

gboolean
exports_remember (const char *name, const char *path, const char *format,
                  const ExportOptions *o, const char *text, gsize len, GError **error)
{
  g_autoptr (GKeyFile) kf = load_file (name, error);
  if (kf == NULL)
    return FALSE;
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                      (const guchar *) text, len);
  g_key_file_remove_group (kf, absolute, NULL);
  g_key_file_set_string (kf, absolute, "format", format);
  g_key_file_set_string (kf, absolute, "sha256", sum);
  if (o != NULL && o->k8s_name != NULL)
    g_key_file_set_string (kf, absolute, "name", o->k8s_name);
  if (o != NULL && o->k8s_namespace != NULL)
    g_key_file_set_string (kf, absolute, "namespace", o->k8s_namespace);
  gsize size = 0;
  g_autofree char *data = g_key_file_to_data (kf, &size, NULL);
  g_autofree char *at = exports_path (name);
  return fileio_write (at, data, size, 0600, TRUE, error);
}

ExportFileState
exports_file_state (const ExportRecord *r)
{
  /* Read without following a link or blocking on a FIFO. */
  int fd = open (r->path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return errno == ENOENT ? EXPORT_FILE_GONE : EXPORT_FILE_CHANGED;
  struct stat st;
  ExportFileState state = EXPORT_FILE_CHANGED;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size <= MAX_EXPORT_SIZE)
    {
      g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      guchar buf[8192];
      ssize_t n;
      while ((n = read (fd, buf, sizeof buf)) > 0)
        g_checksum_update (sum, buf, n);
      if (n == 0 && g_strcmp0 (g_checksum_get_string (sum), r->sha256) == 0)
        state = EXPORT_FILE_AS_WRITTEN;
      explicit_bzero (buf, sizeof buf);
    }
  close (fd);
  return state;
}
