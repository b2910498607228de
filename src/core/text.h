/* text.h - small string helpers shared by the core: edit distance for
 * "did you mean", word lists, and trimming.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_TEXT_H
#define ZW_TEXT_H

#include "common.h"

/* Damerau-Levenshtein (optimal string alignment) distance, byte-wise. */
guint text_distance (const char *a, const char *b);

/* Up to MAX names from CANDIDATES (NULL-terminated or LEN long when LEN >= 0)
 * close to WORD, nearest first; a newly allocated NULL-terminated vector
 * (possibly empty). "Close" scales with the length of WORD. */
char **text_nearest (const char *word, const char *const *candidates,
                     gssize len, guint max);

/* Splits on runs of SEPARATORS, dropping empty items and trimming each. */
char **text_split (const char *s, const char *separators);

/* TRUE when S has a character that isspace() accepts. */
gboolean text_has_space (const char *s);

/* Text from a server, made safe for a terminal: valid UTF-8, control
 * characters (escape sequences included) replaced by spaces, at most
 * MAX_CHARS characters (then "…"). */
char *text_sanitize (const char *data, gssize len, guint max_chars);
/* A whole message made safe the same way, its newlines and tabs kept, with
 * no bound; NULL for NULL. Every check and finding goes through it. */
char *text_clean (const char *text);

/* An HTTP date (RFC 9110 5.6.7: IMF-fixdate, and the obsolete RFC 850 and
 * asctime forms) as Unix time; -1 when V is none of them. */
gint64 text_http_date (const char *v);

#endif
