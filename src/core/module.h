/* module.h - zoomwiz's own modules: the parts that need a large library
 * (net.so: libcurl; keyring.so: libsecret and GIO), loaded the first time
 * they are called, so that a start-up - the first screen, --version, a
 * check - maps neither. Each module exports one table, `zoomwiz_module`,
 * that begins with a ModuleHead; the program's side of each (a file of
 * stubs behind the layer's own header) calls through it. Built with
 * ./configure --disable-modules, the layers are linked in and this is
 * not used.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_MODULE_H
#define ZW_MODULE_H

#include "common.h"

/* A module and the program must come from the same build. */
#define MODULE_ABI PACKAGE_VERSION
#define MODULE_SYMBOL "zoomwiz_module"

typedef struct
{
  const char *abi; /* MODULE_ABI */
  gsize size;      /* of the whole table */
} ModuleHead;

/* The head of a table: MODULE_HEAD (TableType). */
#define MODULE_HEAD(type) { MODULE_ABI, sizeof (type) }

/* The exported table, on its own: the rest of a module is hidden. */
#define MODULE_EXPORT __attribute__ ((visibility ("default")))

/* The table of module NAME (paths_module_dir ()/NAME.so), of SIZE bytes;
 * loaded once, on the first call. NULL with ERROR (ZW_ERROR_NOT_CONNECTED)
 * saying which file could not be loaded and why, and the fix. */
gconstpointer module_table (const char *name, gsize size, GError **error);

#endif
