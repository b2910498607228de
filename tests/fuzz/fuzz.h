/* fuzz.h - what the fuzz targets share: the fake transport's feed, and the
 * oracle that every text zoomwiz would print is clean.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_FUZZ_H
#define ZW_FUZZ_H

#include "core/common.h"

#include <stddef.h>
#include <stdint.h>

/* LLVMFuzzerInitialize (fuzz-common.c) sets what every target needs once:
 * the data folder, GLib criticals and warnings fatal (a g_return_if_fail
 * reached is a bug found). Each target defines LLVMFuzzerTestOneInput. */
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The scope catalog, loaded once. */
const struct Catalog *fuzz_catalog (void);

/* The answers the fake transport gives, in order, one per request: the
 * input's parts separated by FUZZ_SEPARATOR. A part is either
 *   !N DETAIL            a transport error (HttpError N) with libcurl's words
 * or the answer as a server sends it:
 *   HTTP/1.1 STATUS ...  the status line, then header lines, an empty line,
 *                        and the body.
 * When the parts run out, every request is refused. */
#define FUZZ_SEPARATOR "\n@@@\n"
void fuzz_transport_feed (const uint8_t *data, size_t size);
/* The next part, raw (for a landing URL's code, say); NULL when none is left. */
char *fuzz_transport_next_part (void);

/* Aborts when TEXT, which zoomwiz would print, is not valid UTF-8 or holds a
 * control character other than newline and tab: a server's (or a file's)
 * bytes reached the terminal unsanitised. */
void fuzz_assert_clean (const char *what, const char *text);
/* The same for every check's message and fix. */
void fuzz_assert_clean_checks (const GPtrArray *checks);

#endif
