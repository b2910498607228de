/* fileio.c - see fileio.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "fileio.h"
#include "core/infile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Sets ERROR from errno value ERR; FORMAT takes the path and the reason.
 * A macro, so that FORMAT stays a checked literal. */
#define fail(error, err, format, path)                                        \
  (g_set_error ((error), G_FILE_ERROR, g_file_error_from_errno (err), (format), \
                (path), g_strerror (err)),                                    \
   FALSE)

static gboolean
write_all (int fd, const char *data, gsize len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* The rename is what makes the new file visible; fsync of the folder is
 * what makes the rename survive a power cut. */
static void
sync_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean write_new (const char *path, char *tmp, const char *data, gsize len,
                           int mode, gboolean overwrite, GError **error);

/* What a write killed before its rename (SIGKILL, a power cut) left: our
 * own ".NAME.XXXXXX" files beside PATH, older than a live write could be. */
static void
remove_stale (const char *dir, const char *base)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 6)
        continue;
      g_autofree char *stale = g_build_filename (dir, name, NULL);
      struct stat st;
      if (lstat (stale, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid ()
          && now - st.st_mtime > 60)
        unlink (stale);
    }
}

/* Not g_file_set_contents_full, though its CONSISTENT | DURABLE is this
 * write's guarantee (fsync the file, rename, fsync the folder): it fits
 * none of the writes here. Without OVERWRITE, link() refuses an existing
 * name, which its rename cannot. With it, it would still (GLib 2.74):
 * - name its temporary file PATH.XXXXXX, visible, and a name an admin's own
 *   file may have: after a kill or a power cut the secrets in it would stay,
 *   as remove_stale deletes only our hidden .NAME.XXXXXX;
 * - create the file with MODE less the umask, where fchmod gives MODE;
 * - say its own error, naming the temporary file, where ours names PATH;
 * - leave no place for the tests' ZOOMWIZ_TEST_CRASH_BEFORE_RENAME, so
 *   profiles.sh's crash and TERM tests would test this path, not that one. */
gboolean
fileio_write (const char *path, const char *data, gsize len, int mode, gboolean overwrite,
              GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  struct stat st;
  gboolean exists = lstat (path, &st) == 0;

  /* --force replaces a file, never a device, a FIFO, a socket or a folder
   * (as root, -o /dev/null would have become a file). */
  if (exists && !S_ISREG (st.st_mode) && !S_ISLNK (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   /* TRANSLATORS: the second %s is a kind of file, e.g. "a character device". */
                   _("%s is %s; zoomwiz writes only regular files: give the path of "
                     "a file"),
                   path, infile_kind_of (st.st_mode));
      return FALSE;
    }
  if (!overwrite && exists)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("%s exists; it was left as it is (--force replaces it)"), path);
      return FALSE;
    }
  remove_stale (dir, base);
  /* ^C, a lost terminal or a TERM between the temporary file and the
   * rename would leave a file of secrets behind: they wait until after. */
  sigset_t ending, before;
  sigemptyset (&ending);
  sigaddset (&ending, SIGINT);
  sigaddset (&ending, SIGTERM);
  sigaddset (&ending, SIGHUP);
  sigaddset (&ending, SIGQUIT);
  sigprocmask (SIG_BLOCK, &ending, &before);
  gboolean ok = write_new (path, tmp, data, len, mode, overwrite, error);
  sigprocmask (SIG_SETMASK, &before, NULL);
  return ok;
}

static gboolean
write_new (const char *path, char *tmp, const char *data, gsize len, int mode,
           gboolean overwrite, GError **error)
{
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail (error, errno, _("cannot write in the folder of %s: %s"), path);
  if (!write_all (fd, data, len) || fchmod (fd, mode) != 0 || fsync (fd) != 0)
    {
      int err = errno;
      close (fd);
      unlink (tmp);
      return fail (error, err, _("cannot write %s: %s"), path);
    }
  if (close (fd) != 0)
    {
      int err = errno;
      unlink (tmp);
      return fail (error, err, _("cannot write %s: %s"), path);
    }
  /* Tests stop here, as a crash would, to find the old file whole; or
     send a TERM here, to find it waits until the new file is in place. */
  const char *crash = g_getenv ("ZOOMWIZ_TEST_CRASH_BEFORE_RENAME");
  if (crash != NULL)
    raise (strcmp (crash, "TERM") == 0 ? SIGTERM : SIGKILL);
  /* Without overwrite, link() fails on an existing name: no race with a
   * file that appeared since the check above. */
  int linked = overwrite ? -1 : link (tmp, path);
  if (linked != 0 && !overwrite && (errno == EPERM || errno == EOPNOTSUPP))
    linked = -1, overwrite = TRUE; /* no hard links here: rename, checked above */
  if (overwrite ? rename (tmp, path) != 0 : linked != 0)
    {
      int err = errno;
      unlink (tmp);
      if (err == EEXIST)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("%s exists; it was left as it is (--force replaces it)"), path);
          return FALSE;
        }
      return fail (error, err, _("cannot write %s: %s"), path);
    }
  if (!overwrite)
    unlink (tmp);
  sync_dir (path);
  return TRUE;
}

gboolean
fileio_make_private_dir (const char *dir, GError **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return fail (error, errno, _("cannot create the folder %s: %s"), dir);
  return TRUE;
}
