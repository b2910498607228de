/* test-catalog.c - loading data/scopes.tsv and filtering it.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "core/catalog.h"

#include <glib/gstdio.h>
#include <string.h>

static Catalog *catalog;

static void
test_size (void)
{
  g_autoptr (GPtrArray) admin = g_ptr_array_new ();
  g_assert_cmpuint (catalog_size (catalog), >, 2900);
  catalog_filter (catalog, NULL, SCOPE_LEVEL_ADMIN, SCOPE_FAMILY_GRANULAR, admin);
  g_assert_cmpuint (admin->len, >, 1000);
}

static void
test_lookup (void)
{
  const Scope *s = catalog_lookup (catalog, "meeting:read:meeting:admin");
  const Scope *c = catalog_lookup (catalog, "meeting_token:read:admin:local_recording");
  const Scope *b = catalog_lookup (catalog, "meeting:write:sip_dialing");

  g_assert_nonnull (s);
  g_assert_cmpint (s->level, ==, SCOPE_LEVEL_ADMIN);
  g_assert_cmpint (s->family, ==, SCOPE_FAMILY_GRANULAR);
  g_assert_cmpstr (s->product, !=, "");
  g_assert_nonnull (c);
  g_assert_cmpint (c->level, ==, SCOPE_LEVEL_ADMIN);
  g_assert_cmpint (c->family, ==, SCOPE_FAMILY_CLASSIC);
  g_assert_nonnull (b);
  g_assert_cmpint (b->family, ==, SCOPE_FAMILY_BOTH);
  g_assert_null (catalog_lookup (catalog, "meeting:read:meetnig"));
  /* Left out by the catalog script: it has a space. */
  g_assert_null (catalog_lookup (catalog, "contact_center:write:queue disposition:admin"));
}

static void
test_filter (void)
{
  g_autoptr (GPtrArray) hits = g_ptr_array_new ();
  catalog_filter (catalog, "MEETING:READ", SCOPE_LEVEL_ANY, SCOPE_FAMILY_BOTH, hits);
  g_assert_cmpuint (hits->len, >, 10);
  for (guint i = 0; i < hits->len; i++)
    g_assert_nonnull (strstr (((const Scope *) hits->pdata[i])->name, "meeting:read"));

  g_ptr_array_set_size (hits, 0);
  catalog_filter (catalog, "user:read:*:admin", SCOPE_LEVEL_ANY, SCOPE_FAMILY_GRANULAR, hits);
  g_assert_cmpuint (hits->len, >, 3);
  for (guint i = 0; i < hits->len; i++)
    {
      const Scope *s = hits->pdata[i];
      g_assert_true (g_str_has_prefix (s->name, "user:read:"));
      g_assert_true (g_str_has_suffix (s->name, ":admin"));
    }

  g_ptr_array_set_size (hits, 0);
  catalog_filter (catalog, NULL, SCOPE_LEVEL_USER, SCOPE_FAMILY_CLASSIC, hits);
  g_assert_cmpuint (hits->len, >, 100);
  for (guint i = 0; i < hits->len; i++)
    {
      const Scope *s = hits->pdata[i];
      g_assert_cmpint (s->level, ==, SCOPE_LEVEL_USER);
      g_assert_true (s->family & SCOPE_FAMILY_CLASSIC);
    }
}

static void
test_bad_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zw-catalog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "scopes.tsv", NULL);

  g_assert_true (g_file_set_contents (path, "# c\na:b\tgranular\tuser\tP\tI\t\nx\tplaid\tuser\tP\tI\t\n", -1, NULL));
  g_assert_null (catalog_load (path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_unlink (path);
  g_clear_error (&error);
  g_assert_null (catalog_load (path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_test_init (&argc, &argv, NULL);
  catalog = catalog_load (NULL, &error);
  g_assert_no_error (error);
  g_test_add_func ("/catalog/size", test_size);
  g_test_add_func ("/catalog/lookup", test_lookup);
  g_test_add_func ("/catalog/filter", test_filter);
  g_test_add_func ("/catalog/bad-file", test_bad_file);
  int status = g_test_run ();
  catalog_free (catalog);
  return status;
}
