/* infile.c - see infile.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "infile.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

const char *
infile_kind_of (mode_t mode)
{
  return S_ISDIR (mode)    ? _("a folder")
         : S_ISCHR (mode)  ? _("a character device")
         : S_ISBLK (mode)  ? _("a block device")
         : S_ISFIFO (mode) ? _("a FIFO (named pipe)")
         : S_ISSOCK (mode) ? _("a socket")
                           : _("a special file");
}

static char *
fail (GError **error, int err, const char *path)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (err), _("cannot read %s: %s"),
               path, g_strerror (err));
  return NULL;
}

char *
infile_read (const char *path, gsize max, gsize *len, struct stat *st, GError **error)
{
  /* O_NONBLOCK: opening a FIFO must not wait for a writer; fstat on the
   * descriptor, so what is checked is what is read. */
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return fail (error, errno, path);
  struct stat s;
  if (fstat (fd, &s) != 0)
    {
      int err = errno;
      close (fd);
      return fail (error, err, path);
    }
  if (!S_ISREG (s.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   /* TRANSLATORS: the second %s is a kind of file, e.g. "a FIFO (named pipe)". */
                   _("%s is %s, not a file: give the path of a regular file"), path,
                   infile_kind_of (s.st_mode));
      return NULL;
    }
  GString *text = g_string_sized_new (MIN ((gsize) s.st_size, max) + 1);
  char buf[8192];
  for (;;)
    {
      ssize_t n = read (fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int err = errno;
          close (fd);
          explicit_bzero (text->str, text->len);
          g_string_free (text, TRUE);
          return fail (error, err, path);
        }
      if (n == 0)
        break;
      if (text->len + (gsize) n > max)
        {
          close (fd);
          explicit_bzero (text->str, text->len);
          explicit_bzero (buf, sizeof buf);
          g_string_free (text, TRUE);
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       _("%s is larger than %lu KiB, which no such file needs; it was "
                         "not read"),
                       path, (unsigned long) (max / 1024));
          return NULL;
        }
      g_string_append_len (text, buf, n);
    }
  explicit_bzero (buf, sizeof buf);
  close (fd);
  if (len != NULL)
    *len = text->len;
  if (st != NULL)
    *st = s;
  return g_string_free (text, FALSE);
}
