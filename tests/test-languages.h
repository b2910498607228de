/* test-languages.h - for the unit tests that look at every language: the
 * languages of po/LINGUAS, and gettext switched to one of them (the build's
 * catalogues, from ZOOMWIZ_LOCALEDIR).
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_TEST_LANGUAGES_H
#define ZW_TEST_LANGUAGES_H

#include "core/common.h"
#include "core/text.h"

#include <locale.h>

/* The languages of po/LINGUAS, a NULL-terminated vector. */
static inline char **
test_languages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  char **langs = text_split (text, " \t\n");
  g_assert_cmpuint (g_strv_length (langs), >, 0);
  return langs;
}

/* Messages in LANG ("C": English) from now on. */
static inline void
test_use_language (const char *lang)
{
  static gboolean bound;
  if (!bound)
    {
      setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (PACKAGE, g_getenv ("ZOOMWIZ_LOCALEDIR"));
      bind_textdomain_codeset (PACKAGE, "UTF-8");
      textdomain (PACKAGE);
      bound = TRUE;
    }
  g_setenv ("LANGUAGE", lang, TRUE);
  /* GNU gettext reads LANGUAGE again after a locale change. */
  setlocale (LC_MESSAGES, "");
  setlocale (LC_ALL, "C.UTF-8");
}

#endif
