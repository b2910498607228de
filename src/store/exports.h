/* exports.h - what a profile's exports wrote, and where: NAME.exports beside
 * the profile's INI file (mode 0600; no secrets: each file's SHA-256), so
 * that zoomwiz rotate can write every one again with a new secret, and
 * leaves a file changed by hand since alone.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_EXPORTS_H
#define ZW_EXPORTS_H

#include "core/export.h"

typedef struct
{
  char *path;   /* absolute */
  char *format; /* the export format's name */
  char *sha256; /* of what zoomwiz wrote */
  char *k8s_name, *k8s_namespace; /* the export's options, or NULL */
} ExportRecord;

typedef enum
{
  EXPORT_FILE_AS_WRITTEN, /* holds what zoomwiz wrote */
  EXPORT_FILE_CHANGED,    /* changed since, or not a regular file now */
  EXPORT_FILE_GONE        /* no longer there */
} ExportFileState;

/* The records of profile NAME's exports, in the order first written; an
 * empty array when it has none. NULL with ERROR for a file that cannot be
 * read. */
GPtrArray *exports_load (const char *name, GError **error);

/* Records that TEXT (LEN bytes) was written to PATH as FORMAT with options
 * O, replacing a record of the same path. */
gboolean exports_remember (const char *name, const char *path, const char *format,
                           const ExportOptions *o, const char *text, gsize len,
                           GError **error);

/* Whether the file at R's path still holds what zoomwiz wrote. */
ExportFileState exports_file_state (const ExportRecord *r);

/* The path of profile NAME's record file. */
char *exports_path (const char *name);

#endif
