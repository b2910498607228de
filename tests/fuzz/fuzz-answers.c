/* fuzz-answers.c - an answers file through everything `check` runs (the
 * parser, the preset it names, every rule) and every export of it. The
 * findings must come out clean; the JSON export must be JSON.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz.h"
#include "core/answers.h"
#include "core/catalog.h"
#include "core/export.h"
#include "core/rules.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (Findings) findings = findings_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (Answers) a = answers_load_data (text, "fuzz.ini", findings, &error);

  if (a == NULL)
    {
      fuzz_assert_clean ("the load error", error->message);
      return 0;
    }
  rules_check_answers (a, fuzz_catalog (), findings);
  for (guint i = 0; i < findings->items->len; i++)
    {
      const Finding *f = g_ptr_array_index (findings->items, i);
      fuzz_assert_clean ("a finding's key", f->key);
      fuzz_assert_clean ("a finding's message", f->message);
      fuzz_assert_clean ("a finding's fix", f->fix);
    }

  const char *id = answers_get (a, ANSWER_PRESET);
  g_autoptr (Preset) p = id != NULL ? preset_load (id, NULL) : NULL;
  ExportOptions eo = { .profile = "fuzz" };
  for (ExportFormat f = EXPORT_ENV; f <= EXPORT_CHECKLIST; f++)
    {
      g_autoptr (GError) e = NULL;
      g_autofree char *out = export_render (f, a, p, &eo, &e);
      if (out == NULL)
        fuzz_assert_clean ("an export's error", e ? e->message : NULL);
      if (out != NULL && (f == EXPORT_JSON || f == EXPORT_MATTERMOST || f == EXPORT_RECALL))
        {
          json_error_t je;
          json_t *j = json_loads (out, 0, &je);
          if (j == NULL)
            {
              fprintf (stderr, "fuzz: export %d is not JSON (%s): %s\n", f, je.text, out);
              abort ();
            }
          json_decref (j);
        }
    }
  return 0;
}
