/* fuzz-preset.c - a preset file (data/presets/NAME.ini) through the loader,
 * its defaults applied to answers, every rule, and its checklist rendered.
 * Presets come with zoomwiz: what is looked for is a crash, a leak or a
 * GLib critical, not a message's bytes.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz.h"
#include "core/catalog.h"
#include "core/export.h"
#include "core/preset.h"
#include "core/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char *path;

static void
remove_tmp (void)
{
  g_autofree char *dir = g_path_get_dirname (path);
  unlink (path);
  rmdir (dir);
}

/* The file each input is written to, in a folder of its own. */
static const char *
input_path (void)
{
  if (path == NULL)
    {
      char *dir = g_dir_make_tmp ("zoomwiz-fuzz-XXXXXX", NULL);
      if (dir == NULL)
        abort ();
      path = g_build_filename (dir, "fuzz.ini", NULL);
      g_free (dir);
      atexit (remove_tmp);
    }
  return path;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* Not g_file_set_contents: its fsync would be most of the time spent. */
  FILE *f = fopen (input_path (), "wb");
  if (f == NULL || fwrite (data, 1, size, f) != size || fclose (f) != 0)
    abort ();
  g_autoptr (Preset) p = preset_load_file (path, NULL);
  if (p == NULL)
    return 0;
  g_autoptr (Answers) a = answers_new ();
  answers_set (a, ANSWER_SITE_URL, "https://chat.example.com", ORIGIN_ANSWER);
  answers_set (a, ANSWER_CLIENT_ID, "ClientId00000000000000", ORIGIN_ANSWER);
  preset_apply (p, a, fuzz_catalog ());
  g_autoptr (Findings) findings = findings_new ();
  rules_run (a, fuzz_catalog (), p, findings);
  preset_required_scopes (p, a, fuzz_catalog ());
  ExportOptions eo = { .profile = "fuzz" };
  g_free (export_render (EXPORT_CHECKLIST, a, p, &eo, NULL));
  g_free (export_render (EXPORT_ENV, a, p, &eo, NULL));
  return 0;
}
