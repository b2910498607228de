/* paths.c - see paths.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "paths.h"
#include "core/installdirs.h" /* made by make: LOCALEDIR, PKGDATADIR */

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
