/* fileio.h - files that may hold secrets, written so that a crash leaves
 * the old file whole: a temporary file (mode 0600) in the same folder,
 * fsync'd, then renamed into place.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_FILEIO_H
#define ZW_FILEIO_H

#include "core/common.h"

/* Writes LEN bytes of DATA to PATH with MODE. An existing PATH is kept,
 * and an error names it, unless OVERWRITE. The folder must exist. */
gboolean fileio_write (const char *path, const char *data, gsize len, int mode,
                       gboolean overwrite, GError **error);

/* Creates DIR and its parents with mode 0700 where missing. */
gboolean fileio_make_private_dir (const char *dir, GError **error);

#endif
