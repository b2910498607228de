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
/* WORD as one word of a shell command line (a path in a "Run: chmod ..."
 * fix): WORD itself when it has only characters no shell treats specially,
 * else quoted by g_shell_quote. */
char *text_shell_word (const char *word);
/* TRUE when S has a control character (C0, DEL or C1) or is not UTF-8. */
gboolean text_has_control (const char *s);

/* Text from a server, made safe for a terminal: valid UTF-8, control
 * characters (escape sequences included) replaced by spaces, at most
 * MAX_CHARS characters (then "…"). */
char *text_sanitize (const char *data, gssize len, guint max_chars);
/* A whole message made safe the same way, its newlines and tabs kept, with
 * no bound; NULL for NULL. Every check and finding goes through it. */
char *text_clean (const char *text);

/* Display columns: 0 for a combining or zero-width character, 2 for an
 * East Asian wide or full-width one, else 1 (Unicode's, as GLib knows them;
 * the TUI asks the terminal's locale instead). */
int text_char_width (gunichar c);
/* The columns of the UTF-8 string S, by TEXT_CHAR_WIDTH. */
int text_width (const char *s);
/* Appends S to OUT, then spaces up to WIDTH columns (none when wider): a
 * column of a table, aligned whatever the language. */
void text_pad (GString *out, const char *s, int width);
/* TEXT on lines of at most WIDTH columns (WIDTH_OF, or text_char_width when
 * NULL, gives a character's columns), a NULL-terminated vector. Newlines
 * start lines; lines break at spaces and, in Chinese and Japanese text,
 * between two characters where one of them is wide - but never before a
 * closing mark (。、」) and the like) nor after an opening one. A word wider
 * than a line (a long URL) starts a line and is broken where it must. */
char **text_wrap (const char *text, int width, int (*width_of) (gunichar c));

/* An HTTP date (RFC 9110 5.6.7: IMF-fixdate, and the obsolete RFC 850 and
 * asctime forms) as Unix time; -1 when V is none of them. */
gint64 text_http_date (const char *v);

#endif
