/* paths.c - see paths.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "paths.h"
#include "core/installdirs.h" /* made by make: LOCALEDIR, PKGDATADIR, PKGLIBDIR */

#include <unistd.h>

static const char *
env_or (const char *name, const char *fallback)
{
  const char *v = g_getenv (name);
  return v != NULL && *v != '\0' ? v : fallback;
}

const char *
paths_data_dir (void)
{
  return env_or ("ZOOMWIZ_DATADIR", PKGDATADIR);
}

const char *
paths_locale_dir (void)
{
  return env_or ("ZOOMWIZ_LOCALEDIR", LOCALEDIR);
}

const char *
paths_module_dir (void)
{
  static char *dir;
  if (dir != NULL)
    return dir;
  const char *given = g_getenv ("ZOOMWIZ_MODULEDIR");
  if (given != NULL && *given != '\0')
    return dir = g_strdup (given);
  /* The build tree: src/zoomwiz beside src/modules/. */
  char exe[4096];
  ssize_t n = readlink ("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0)
    {
      exe[n] = '\0';
      g_autofree char *bin = g_path_get_dirname (exe);
      g_autofree char *beside = g_build_filename (bin, "modules", NULL);
      if (g_file_test (beside, G_FILE_TEST_IS_DIR))
        return dir = g_steal_pointer (&beside);
    }
  return dir = g_strdup (PKGLIBDIR);
}

char *
paths_data_file (const char *first, ...)
{
  va_list ap;
  GPtrArray *parts = g_ptr_array_new ();

  g_ptr_array_add (parts, (gpointer) paths_data_dir ());
  va_start (ap, first);
  for (const char *p = first; p != NULL; p = va_arg (ap, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (ap);
  g_ptr_array_add (parts, NULL);
  char *path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_free (parts, TRUE);
  return path;
}
