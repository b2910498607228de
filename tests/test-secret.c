/* test-secret.c - generated secrets: length, alphabet, randomness.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "core/secret.h"

#include <string.h>

static void
test_default_form (void)
{
  g_autoptr (GError) error = NULL;
  char *s = secret_generate (SECRET_DEFAULT_BYTES, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (s), ==, 32);
  g_assert_true (secret_is_generated_form (s));
  secret_free (s);
}

static void
test_lengths (void)
{
  static const gsize bytes[] = { 16, 17, 18, 24, 32, 1024 };
  for (guint i = 0; i < G_N_ELEMENTS (bytes); i++)
    {
      char *s = secret_generate (bytes[i], NULL);
      /* Unpadded base64: ceil(4n/3) characters. */
      g_assert_cmpuint (strlen (s), ==, (bytes[i] * 4 + 2) / 3);
      g_assert_true (secret_alphabet_ok (s));
      secret_free (s);
    }
}

/* Every character of the alphabet turns up, none other, and no two of many
 * secrets are the same. */
static void
test_random (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean chars[256] = { FALSE };
  guint distinct = 0;

  for (int i = 0; i < 500; i++)
    {
      char *s = secret_generate (24, NULL);
      for (const char *p = s; *p; p++)
        chars[(guchar) *p] = TRUE;
      g_assert_true (g_hash_table_add (seen, s));
    }
  for (int c = 0; c < 256; c++)
    distinct += chars[c];
  g_assert_cmpuint (distinct, ==, 64);
  g_assert_true (chars['-'] && chars['_']);
  g_assert_false (chars['+'] || chars['/'] || chars['=']);
}

static void
test_form_checks (void)
{
  g_assert_true (secret_is_generated_form ("abcdefghijklmnopqrstuvwxyz012-_A"));
  g_assert_false (secret_is_generated_form ("abcdefghijklmnopqrstuvwxyz012-_"));
  g_assert_false (secret_is_generated_form ("abcdefghijklmnopqrstuvwxyz012+/A"));
  g_assert_false (secret_alphabet_ok ("a b"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/secret/default-form", test_default_form);
  g_test_add_func ("/secret/lengths", test_lengths);
  g_test_add_func ("/secret/random", test_random);
  g_test_add_func ("/secret/form-checks", test_form_checks);
  return g_test_run ();
}
