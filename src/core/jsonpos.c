/* jsonpos.c - see jsonpos.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "jsonpos.h"

#include <string.h>

/* The path of keys down to DEPTH, joined by '.'. */
static char *
path_join (GPtrArray *path, guint depth)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i <= depth && i < path->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, '.');
      g_string_append (s, path->pdata[i] != NULL ? path->pdata[i] : "");
    }
  return g_string_free (s, FALSE);
}

GHashTable *
json_key_lines (const char *text, gsize len)
{
  GHashTable *lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *path = g_ptr_array_new_with_free_func (g_free); /* a key per depth */
  GByteArray *in_object = g_byte_array_new ();               /* per depth */
  gboolean want_key = FALSE;
  guint line = 1;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];
      if (c == '\n')
        line++;
      else if (c == '{' || c == '[')
        {
          guint8 obj = c == '{';
          g_byte_array_append (in_object, &obj, 1);
          g_ptr_array_add (path, obj ? NULL : g_strdup ("#"));
          want_key = obj;
        }
      else if ((c == '}' || c == ']') && in_object->len > 0)
        {
          g_byte_array_set_size (in_object, in_object->len - 1);
          g_ptr_array_set_size (path, path->len - 1);
          want_key = FALSE;
        }
      else if (c == ',' && in_object->len > 0)
        want_key = in_object->data[in_object->len - 1];
      else if (c == '"')
        {
          gsize start = ++i;
          while (i < len && text[i] != '"')
            {
              if (text[i] == '\\' && i + 1 < len)
                i++;
              else if (text[i] == '\n')
                line++;
              i++;
            }
          if (want_key && in_object->len > 0)
            {
              guint depth = in_object->len - 1;
              g_free (path->pdata[depth]);
              path->pdata[depth] = g_ascii_strdown (text + start, (gssize) (i - start));
              g_hash_table_insert (lines, path_join (path, depth), GUINT_TO_POINTER (line));
              want_key = FALSE;
            }
        }
    }
  g_ptr_array_free (path, TRUE);
  g_byte_array_free (in_object, TRUE);
  return lines;
}

guint
json_key_line (GHashTable *lines, const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (lines, path));
}
