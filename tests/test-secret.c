/* test-secret.c - generated secrets: length, alphabet, randomness; jansson's
 * allocation functions, which zero what they free.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "core/secret.h"

#include <jansson.h>
#include <malloc.h>
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

/* A block's bytes, all zero. */
static gboolean
all_zero (const void *block, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (((const guint8 *) block)[i] != 0)
      return FALSE;
  return TRUE;
}

static void
test_block_wipe (void)
{
  /* Odd sizes: the slack malloc adds past the size asked is zeroed too. */
  for (gsize size = 1; size < 300; size += 37)
    {
      guint8 *block = secret_json_malloc (size);
      gsize n = malloc_usable_size (block);
      g_assert_cmpuint (n, >=, size);
      memset (block, 'S', n);
      secret_block_wipe (block);
      g_assert_true (all_zero (block, n));
      secret_json_free (block);
    }
  secret_block_wipe (NULL);
  secret_json_free (NULL);
}

/* What jansson freed: how many blocks held the secret, and whether each
 * was all zeros once secret_json_free's wipe had run. Read before free,
 * as memory cannot be read after it. */
static guint held_secret, held_secret_wiped;
static const char spy_secret[] = "s3cret-value-of-a-json-string";

static void
spy_free (void *block)
{
  if (block != NULL && memmem (block, malloc_usable_size (block), spy_secret,
                               strlen (spy_secret)) != NULL)
    {
      held_secret++;
      secret_block_wipe (block);
      held_secret_wiped += all_zero (block, malloc_usable_size (block));
    }
  secret_json_free (block);
}

static void
test_json_alloc (void)
{
  json_malloc_t m;
  json_free_t f;

  secret_json_alloc_init ();
  json_get_alloc_funcs (&m, &f);
  g_assert_true (m == secret_json_malloc);
  g_assert_true (f == secret_json_free);

  /* A json string's copy of its value, and a document dumped with it (and
   * jansson's buffer for that), are freed through the free function, wiped. */
  json_set_alloc_funcs (secret_json_malloc, spy_free);
  json_t *j = json_pack ("{s:s}", "client_secret", spy_secret);
  char *text = json_dumps (j, JSON_COMPACT);
  g_assert_nonnull (strstr (text, spy_secret));
  f = spy_free;
  f (text);
  json_decref (j);
  g_assert_cmpuint (held_secret, >=, 2);
  g_assert_cmpuint (held_secret_wiped, ==, held_secret);
  secret_json_alloc_init ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/secret/default-form", test_default_form);
  g_test_add_func ("/secret/lengths", test_lengths);
  g_test_add_func ("/secret/random", test_random);
  g_test_add_func ("/secret/form-checks", test_form_checks);
  g_test_add_func ("/secret/block-wipe", test_block_wipe);
  g_test_add_func ("/secret/json-alloc", test_json_alloc);
  return g_test_run ();
}
