/* paths.h - where zoomwiz finds its installed data and translations.
 * ZOOMWIZ_DATADIR and ZOOMWIZ_LOCALEDIR override the installed places, so
 * the build tree and the tests run the program without installing it.
 * Its modules (module.h) are in ZOOMWIZ_MODULEDIR, else in modules/ beside
 * the program where there is one (the build tree), else installed.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_PATHS_H
#define ZW_PATHS_H

#include "common.h"

const char *paths_data_dir (void);
const char *paths_locale_dir (void);
const char *paths_module_dir (void);
/* A newly allocated path under the data directory. */
char *paths_data_file (const char *first, ...) G_GNUC_NULL_TERMINATED;

#endif
