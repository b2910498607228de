/* secret.c - see secret.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "secret.h"

#include <errno.h>
#include <jansson.h>
#include <malloc.h>
#include <string.h>
#include <sys/random.h>

static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static gboolean
fill_random (guint8 *buf, gsize len, GError **error)
{
  for (gsize done = 0; done < len;)
    {
      ssize_t n = getrandom (buf + done, len - done, 0);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       _("the system gave no random bytes (getrandom: %s)"),
                       g_strerror (errno));
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

char *
secret_generate (gsize n_bytes, GError **error)
{
  guint8 *raw = g_malloc (n_bytes + 2);
  gsize out_len = (n_bytes * 4 + 2) / 3;
  char *out = g_malloc (out_len + 1);
  gsize o = 0;

  if (!fill_random (raw, n_bytes, error))
    {
      g_free (raw);
      g_free (out);
      return NULL;
    }
  raw[n_bytes] = raw[n_bytes + 1] = 0;
  for (gsize i = 0; i < n_bytes; i += 3)
    {
      guint32 v = (guint32) raw[i] << 16 | (guint32) raw[i + 1] << 8 | raw[i + 2];
      for (int j = 0; j < 4 && o < out_len; j++)
        out[o++] = alphabet[(v >> (18 - 6 * j)) & 63];
    }
  out[o] = '\0';
  explicit_bzero (raw, n_bytes + 2);
  g_free (raw);
  return out;
}

void
secret_free (char *secret)
{
  if (secret == NULL)
    return;
  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

gboolean
secret_alphabet_ok (const char *s)
{
  return strspn (s, alphabet) == strlen (s);
}

gboolean
secret_is_generated_form (const char *s)
{
  return strlen (s) == SECRET_GENERATED_LENGTH && secret_alphabet_ok (s);
}

/* jansson's free gets no size. The block's own size from malloc_usable_size
 * (glibc, musl) rather than a size header: a block stays plain malloc's, so
 * the free () and g_free () that the code already calls on json_dumps's
 * text stay right, and so does freeing a block jansson allocated before
 * the functions were set; and the slack past the size asked is zeroed too. */
void
secret_block_wipe (void *block)
{
  if (block != NULL)
    explicit_bzero (block, malloc_usable_size (block));
}

void *
secret_json_malloc (size_t size)
{
  return malloc (size);
}

void
secret_json_free (void *block)
{
  secret_block_wipe (block);
  free (block);
}

void
secret_json_alloc_init (void)
{
  json_set_alloc_funcs (secret_json_malloc, secret_json_free);
}
