/* check.c - see check.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "check.h"
#include "text.h"

#include <string.h>

static void
check_free (gpointer p)
{
  Check *c = p;
  g_free (c->id);
  g_free (c->message);
  g_free (c->fix);
  g_free (c->key);
  g_free (c);
}

GPtrArray *
checks_new (void)
{
  return g_ptr_array_new_with_free_func (check_free);
}

Check *
checks_add (GPtrArray *checks, const char *id, CheckStatus status, const char *fix,
            const char *message_format, ...)
{
  Check *c = g_new0 (Check, 1);
  va_list ap;
  c->id = g_strdup (id);
  c->status = status;
  /* Messages quote servers and files: safe for a terminal, here, once. */
  c->fix = text_clean (fix);
  va_start (ap, message_format);
  g_autofree char *message = g_strdup_vprintf (message_format, ap);
  va_end (ap);
  c->message = text_clean (message);
  g_ptr_array_add (checks, c);
  return c;
}

void
check_set_key (Check *c, const char *key)
{
  g_free (c->key);
  c->key = g_strdup (key);
}

const Check *
checks_find (const GPtrArray *checks, const char *id)
{
  for (guint i = 0; i < checks->len; i++)
    if (strcmp (((const Check *) checks->pdata[i])->id, id) == 0)
      return checks->pdata[i];
  return NULL;
}

int
checks_exit_status (const GPtrArray *checks)
{
  int status = 0;
  for (guint i = 0; i < checks->len; i++)
    {
      const Check *c = checks->pdata[i];
      if (c->status == CHECK_FAIL)
        status = MAX (status, c->unreachable ? 3 : 1);
    }
  return status;
}

const char *
check_status_name (CheckStatus s)
{
  return s == CHECK_PASS ? "pass" : s == CHECK_FAIL ? "fail" : "skip";
}
