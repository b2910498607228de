/* events.c - see events.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "events.h"
#include "paths.h"

#include <string.h>

/* The lines of events.tsv: name, product, label, source. */
static GPtrArray *
rows (void)
{
  static GPtrArray *all;
  if (all != NULL)
    return all;
  all = g_ptr_array_new ();
  g_autofree char *path = paths_data_file ("events.tsv", NULL);
  g_autofree char *text = NULL;
  if (g_file_get_contents (path, &text, NULL, NULL))
    {
      g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
      for (char **l = lines; *l != NULL; l++)
        if (**l != '#' && **l != '\0')
          g_ptr_array_add (all, g_strsplit (*l, "\t", 4));
    }
  return all;
}

const char *const *
events_names (void)
{
  static GPtrArray *names;
  if (names != NULL)
    return (const char *const *) names->pdata;
  GPtrArray *r = rows ();
  names = g_ptr_array_sized_new (r->len + 1);
  for (guint i = 0; i < r->len; i++)
    g_ptr_array_add (names, ((char **) r->pdata[i])[0]);
  g_ptr_array_add (names, NULL);
  return (const char *const *) names->pdata;
}

char *
events_label (const char *name)
{
  GPtrArray *r = rows ();
  for (guint i = 0; i < r->len; i++)
    {
      char **row = r->pdata[i];
      if (strcmp (row[0], name) != 0 || row[1] == NULL)
        continue;
      const char *label = row[2] != NULL && *row[2] != '\0' ? row[2] : name;
      return g_strdup_printf ("%s → %s", row[1], label);
    }
  return NULL;
}
