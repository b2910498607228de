/* jsonpos.h - the line of each key of a JSON text, which jansson does not
 * keep: a small scanner that tracks the path of objects it is in.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_JSONPOS_H
#define ZW_JSONPOS_H

#include "common.h"

/* For the JSON text TEXT (LEN bytes; jansson has accepted it): a table from
 * each key's path, its keys lower-cased and joined by '.' (an array's items
 * are "#": "pluginsettings.plugins.zoom.oauthclientid"), to the 1-based
 * line the key is on, as GUINT_TO_POINTER. A key given twice: its last
 * line, as jansson keeps the last value. */
GHashTable *json_key_lines (const char *text, gsize len);

/* The line of PATH (lower-case, as above) in LINES; 0 when it has none. */
guint json_key_line (GHashTable *lines, const char *path);

#endif
