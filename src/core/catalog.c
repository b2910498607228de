/* catalog.c - see catalog.h. The file is read once into one buffer and
 * split in place: the rows point into it.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "catalog.h"
#include "paths.h"

#include <string.h>

struct Catalog
{
  char *text;
  GArray *scopes;      /* of Scope */
  GHashTable *by_name; /* name -> index + 1; made by the first lookup (a
                        * list of scopes, zoomwiz scopes, needs none) */
  GPtrArray *names;    /* NULL-terminated */
};

static gboolean
parse_family (const char *s, ScopeFamily *out)
{
  if (strcmp (s, "granular") == 0)
    *out = SCOPE_FAMILY_GRANULAR;
  else if (strcmp (s, "classic") == 0)
    *out = SCOPE_FAMILY_CLASSIC;
  else if (strcmp (s, "both") == 0)
    *out = SCOPE_FAMILY_BOTH;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_level (const char *s, ScopeLevel *out)
{
  if (strcmp (s, "user") == 0)
    *out = SCOPE_LEVEL_USER;
  else if (strcmp (s, "admin") == 0)
    *out = SCOPE_LEVEL_ADMIN;
  else if (strcmp (s, "master") == 0)
    *out = SCOPE_LEVEL_MASTER;
  else
    return FALSE;
  return TRUE;
}

Catalog *
catalog_load (const char *path, GError **error)
{
  g_autofree char *default_path = NULL;
  Catalog *c = g_new0 (Catalog, 1);
  guint lineno = 0;

  if (path == NULL)
    path = default_path = paths_data_file ("scopes.tsv", NULL);
  if (!g_file_get_contents (path, &c->text, NULL, error))
    {
      g_free (c);
      return NULL;
    }
  c->scopes = g_array_sized_new (FALSE, FALSE, sizeof (Scope), 3000);
  c->names = g_ptr_array_sized_new (3001);

  for (char *line = c->text, *next; line != NULL && *line != '\0'; line = next)
    {
      char *fields[6];
      int n = 0;

      lineno++;
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      if (*line == '#' || *line == '\0')
        continue;
      for (char *f = line; n < 6; n++)
        {
          fields[n] = f;
          f = strchr (f, '\t');
          if (f == NULL)
            {
              n++;
              break;
            }
          *f++ = '\0';
        }
      Scope s = { 0 };
      if (n != 6 || !parse_family (fields[1], &s.family)
          || !parse_level (fields[2], &s.level))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       _("%s, line %u: not a scope catalog row (expected "
                         "name, family, level, product, info, note)"),
                       path, lineno);
          catalog_free (c);
          return NULL;
        }
      s.name = fields[0];
      s.product = fields[3];
      s.info = fields[4];
      s.note = fields[5];
      g_array_append_val (c->scopes, s);
      g_ptr_array_add (c->names, (gpointer) s.name);
    }
  g_ptr_array_add (c->names, NULL);
  return c;
}

void
catalog_free (Catalog *c)
{
  if (c == NULL)
    return;
  g_array_free (c->scopes, TRUE);
  if (c->by_name != NULL)
    g_hash_table_destroy (c->by_name);
  g_ptr_array_free (c->names, TRUE);
  g_free (c->text);
  g_free (c);
}

guint
catalog_size (const Catalog *c)
{
  return c->scopes->len;
}

const Scope *
catalog_get (const Catalog *c, guint i)
{
  return &g_array_index (c->scopes, Scope, i);
}

const Scope *
catalog_lookup (const Catalog *c, const char *name)
{
  if (c->by_name == NULL)
    {
      /* A cache of what C holds: made once, under the const of a reader. */
      Catalog *m = (Catalog *) c;
      m->by_name = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint k = 0; k < c->scopes->len; k++)
        g_hash_table_insert (m->by_name, (gpointer) catalog_get (c, k)->name,
                             GUINT_TO_POINTER (k + 1));
    }
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (c->by_name, name));
  return i == 0 ? NULL : catalog_get (c, i - 1);
}

const char *const *
catalog_names (const Catalog *c)
{
  return (const char *const *) c->names->pdata;
}

void
catalog_filter (const Catalog *c, const char *pattern, ScopeLevel levels,
                ScopeFamily families, GPtrArray *out)
{
  g_autofree char *folded = NULL;
  GPatternSpec *glob = NULL;

  if (pattern != NULL && *pattern != '\0')
    {
      folded = g_ascii_strdown (pattern, -1);
      if (strpbrk (folded, "*?") != NULL)
        glob = g_pattern_spec_new (folded);
    }
  for (guint i = 0; i < c->scopes->len; i++)
    {
      const Scope *s = catalog_get (c, i);
      if (!(s->level & levels) || !(s->family & families))
        continue;
      /* Catalog names are lower case already (the script refuses others). */
      if (glob != NULL ? !g_pattern_spec_match_string (glob, s->name)
                       : folded != NULL && strstr (s->name, folded) == NULL)
        continue;
      g_ptr_array_add (out, (gpointer) s);
    }
  if (glob != NULL)
    g_pattern_spec_free (glob);
}

const char *
scope_level_name (ScopeLevel level)
{
  switch (level)
    {
    case SCOPE_LEVEL_ADMIN:
      return "admin";
    case SCOPE_LEVEL_MASTER:
      return "master";
    default:
      return "user";
    }
}

const char *
scope_family_name (ScopeFamily family)
{
  switch (family)
    {
    case SCOPE_FAMILY_CLASSIC:
      return "classic";
    case SCOPE_FAMILY_BOTH:
      return "both";
    default:
      return "granular";
    }
}
