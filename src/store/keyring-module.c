/* keyring-module.c - keyring.h's functions from the module keyring.so
 * (libsecret), loaded by the first of them. When it cannot be loaded, each
 * fails as a keyring that does not answer (ZW_ERROR_NOT_CONNECTED), with
 * the loader's words: the callers offer the file store as they do then.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "keyring-module.h"

/* The module's table, or NULL with ERROR. */
static const KeyringModule *
keyring (GError **error)
{
  static const KeyringModule *k;
  static GError *failed;
  if (k == NULL && failed == NULL)
    k = module_table ("keyring", sizeof (KeyringModule), &failed);
  if (k == NULL)
    g_propagate_error (error, g_error_copy (failed));
  return k;
}

/* Each function: the module's, or the failure with the loader's words. */
#define KEYRING_STUB_F(type, name, params, args, none)                          \
  type name params                                                              \
  {                                                                             \
    const KeyringModule *k = keyring (error);                                   \
    return k != NULL ? k->name args : none;                                     \
  }
/* keyring_free, below: it loads nothing. */
#define KEYRING_STUB_V(name, params, args)
KEYRING_FUNCTIONS (KEYRING_STUB_F, KEYRING_STUB_V)

void
keyring_free (char *secret)
{
  /* A secret comes only from a loaded module. */
  if (secret != NULL)
    keyring (NULL)->keyring_free (secret);
}
