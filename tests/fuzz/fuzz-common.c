/* fuzz-common.c - see fuzz.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz.h"
#include "core/catalog.h"
#include "core/check.h"

#include <stdio.h>
#include <stdlib.h>

/* A GLib critical or warning is printed, then abort(): libFuzzer saves the
 * input that reached it (a trap would end the run with nothing saved). */
static GLogWriterOutput
fatal_writer (GLogLevelFlags level, const GLogField *fields, gsize n, gpointer data)
{
  g_log_writer_standard_streams (level, fields, n, data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc, (void) argv;
  /* FUZZ_DATADIR: the source tree's data/, set by tests/fuzz/build.sh. */
  g_setenv ("ZOOMWIZ_DATADIR", FUZZ_DATADIR, TRUE);
  g_log_set_writer_func (fatal_writer, NULL, NULL);
  return 0;
}

const Catalog *
fuzz_catalog (void)
{
  static Catalog *catalog;
  if (catalog == NULL && (catalog = catalog_load (NULL, NULL)) == NULL)
    abort ();
  return catalog;
}

void
fuzz_assert_clean (const char *what, const char *text)
{
  if (text == NULL)
    return;
  const char *bad = NULL;
  if (!g_utf8_validate (text, -1, &bad))
    {
      fprintf (stderr, "fuzz: %s is not valid UTF-8 at byte %td: %s\n", what, bad - text,
               text);
      abort ();
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != '\n' && c != '\t' && (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029))
        {
          fprintf (stderr, "fuzz: %s holds the control character U+%04X at byte %td\n",
                   what, c, p - text);
          abort ();
        }
    }
}

void
fuzz_assert_clean_checks (const GPtrArray *checks)
{
  for (guint i = 0; checks != NULL && i < checks->len; i++)
    {
      const Check *c = g_ptr_array_index (checks, i);
      fuzz_assert_clean ("a check's id", c->id);
      fuzz_assert_clean ("a check's message", c->message);
      fuzz_assert_clean ("a check's fix", c->fix);
    }
}
