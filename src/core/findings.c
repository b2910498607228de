/* findings.c - see findings.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "findings.h"
#include "text.h"

#include <string.h>

static void
finding_free (gpointer p)
{
  Finding *f = p;
  g_free (f->rule);
  g_free (f->key);
  g_free (f->message);
  g_free (f->fix);
  g_free (f);
}

Findings *
findings_new (void)
{
  Findings *f = g_new0 (Findings, 1);
  f->items = g_ptr_array_new_with_free_func (finding_free);
  return f;
}

void
findings_free (Findings *f)
{
  if (f == NULL)
    return;
  g_ptr_array_unref (f->items);
  g_free (f);
}

void
findings_add (Findings *f, Severity severity, const char *rule,
                 const char *key, const char *message_format, ...)
{
  Finding *item = g_new0 (Finding, 1);
  va_list ap;

  item->severity = severity;
  item->rule = g_strdup (rule);
  /* Messages quote the answers file: safe for a terminal, here, once. */
  item->key = text_clean (key);
  va_start (ap, message_format);
  g_autofree char *message = g_strdup_vprintf (message_format, ap);
  va_end (ap);
  item->message = text_clean (message);
  g_ptr_array_add (f->items, item);
}

void
findings_set_fix (Findings *f, const char *fix_format, ...)
{
  g_return_if_fail (f->items->len > 0);
  Finding *item = g_ptr_array_index (f->items, f->items->len - 1);
  va_list ap;

  g_free (item->fix);
  va_start (ap, fix_format);
  g_autofree char *fix = g_strdup_vprintf (fix_format, ap);
  va_end (ap);
  item->fix = text_clean (fix);
}

guint
findings_count (const Findings *f, Severity severity)
{
  guint n = 0;
  for (guint i = 0; i < f->items->len; i++)
    if (((Finding *) g_ptr_array_index (f->items, i))->severity == severity)
      n++;
  return n;
}

gboolean
findings_has_rule (const Findings *f, const char *rule)
{
  for (guint i = 0; i < f->items->len; i++)
    if (strcmp (((Finding *) g_ptr_array_index (f->items, i))->rule, rule) == 0)
      return TRUE;
  return FALSE;
}

void
findings_take_all (Findings *to, Findings *from)
{
  g_ptr_array_set_free_func (from->items, NULL);
  for (guint i = 0; i < from->items->len; i++)
    g_ptr_array_add (to->items, g_ptr_array_index (from->items, i));
  g_ptr_array_set_size (from->items, 0);
  g_ptr_array_set_free_func (from->items, finding_free);
}
