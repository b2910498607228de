/* keyring-module.h - keyring.c as the module keyring.so (libsecret, GIO):
 * the functions its table holds, in one list for the table, the module's
 * export of it and the program's stubs (keyring-module.c). Private to store/.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_KEYRING_MODULE_H
#define ZW_KEYRING_MODULE_H

#include "keyring.h"
#include "core/module.h"

/* F (return type, name, parameters, arguments, the value when the module
 * cannot be loaded) for those that return a value, V (name, parameters,
 * arguments) for the one that does not. */
#define KEYRING_FUNCTIONS(F, V)                                                 \
  F (gboolean, keyring_store,                                                   \
     (const KeyringTag *tag, const char *field, const char *secret, GError **error), \
     (tag, field, secret, error), FALSE)                                             \
  F (char *, keyring_lookup, (const KeyringTag *tag, const char *field, GError **error), \
     (tag, field, error), NULL)                                                   \
  V (keyring_free, (char *secret), (secret))                                    \
  F (gboolean, keyring_clear, (const KeyringTag *tag, gboolean *found, GError **error), \
     (tag, found, error), FALSE)                                                   \
  F (gboolean, keyring_answers, (GError **error), (error), FALSE)

#define KEYRING_MEMBER_F(type, name, params, args, none) type (*name) params;
#define KEYRING_MEMBER_V(name, params, args) void (*name) params;
typedef struct
{
  ModuleHead head;
  KEYRING_FUNCTIONS (KEYRING_MEMBER_F, KEYRING_MEMBER_V)
} KeyringModule;

#endif
