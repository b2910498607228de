/* paths.h - where zoomwiz finds its installed data and translations.
 * ZOOMWIZ_DATADIR and ZOOMWIZ_LOCALEDIR override the installed places, so
 * the build tree and the tests run the program without installing it.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_PATHS_H
#define ZW_PATHS_H

#include "common.h"

const char *paths_data_dir (void);
const char *paths_locale_dir (void);
/* A newly allocated path under the data directory. */
char *paths_data_file (const char *first, ...) G_GNUC_NULL_TERMINATED;

#endif
