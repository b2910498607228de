/* keyring.h - a profile's secrets in the Secret Service (GNOME Keyring,
 * KeePassXC, ...) through libsecret: store, look up and clear, and nothing
 * more. Items carry the attributes config (the profiles folder, so that
 * two config folders never share an item), profile, secrets_id (the one
 * save they belong to) and field.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_KEYRING_H
#define ZW_KEYRING_H

#include "core/common.h"

/* The schema name, for secret-tool and Seahorse. */
#define KEYRING_SCHEMA "org.zoomwiz.Profile"

/* Which items: those of PROFILE in CONFIG, and of the save ID where one is
 * named (NULL: of every save). */
typedef struct
{
  const char *config;
  const char *profile;
  const char *id;
} KeyringTag;

gboolean keyring_store (const KeyringTag *tag, const char *field, const char *secret,
                        GError **error);
/* The secret, or NULL: with ERROR unset when there is no such item. The
 * caller zeroes and frees it (keyring_free). */
char *keyring_lookup (const KeyringTag *tag, const char *field, GError **error);
void keyring_free (char *secret);
/* Removes every item TAG names. FOUND (may be NULL) tells whether there
 * was any to remove. */
gboolean keyring_clear (const KeyringTag *tag, gboolean *found, GError **error);

/* TRUE when a Secret Service answers a lookup (of an item no one has);
 * FALSE with libsecret's words for why not (ZW_ERROR_NOT_CONNECTED). A
 * locked keyring answers (unlocking is asked only when a secret is stored). */
gboolean keyring_answers (GError **error);

/* TRUE for the error of a keyring that did not answer (or whose module,
 * keyring.so, could not be loaded: see keyring-module.c). */
static inline gboolean
keyring_error_unreachable (const GError *error)
{
  return g_error_matches (error, ZW_ERROR, ZW_ERROR_NOT_CONNECTED);
}

#endif
