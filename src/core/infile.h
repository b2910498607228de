/* infile.h - reading a file someone named (an answers file, a *_file
 * secret, a body): a regular file only, opened once, read to a bound.
 * A FIFO, a device or a folder is refused with what it is, never read.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_INFILE_H
#define ZW_INFILE_H

#include "common.h"

#include <sys/stat.h>

#define INFILE_MAX_ANSWERS (1024 * 1024) /* an answers file */
#define INFILE_MAX_SECRET (64 * 1024)    /* a *_file secret */
#define INFILE_MAX_BODY (1024 * 1024)    /* a body to sign (webhook sign) */

/* What a file mode is, in words ("a FIFO (named pipe)"). */
const char *infile_kind_of (mode_t mode);

/* The contents of PATH, NUL-terminated, at most MAX bytes; LEN and ST (the
 * descriptor's fstat) when not NULL. NULL with ERROR (G_FILE_ERROR) when it
 * cannot be opened, is no regular file, or is larger. The caller zeroes a
 * secret's contents. */
char *infile_read (const char *path, gsize max, gsize *len, struct stat *st,
                   GError **error);

#endif
