/* keyring.h - a profile's secrets in the Secret Service (GNOME Keyring,
 * KeePassXC, ...) through libsecret: store, look up and clear, and nothing
 * more. Items carry the attributes profile and field.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_KEYRING_H
#define ZW_KEYRING_H

#include "core/common.h"

/* The schema name, for secret-tool and Seahorse. */
#define KEYRING_SCHEMA "org.zoomwiz.Profile"

gboolean keyring_store (const char *profile, const char *field, const char *secret,
                        GError **error);
/* The secret, or NULL: with ERROR unset when there is no such item. The
 * caller zeroes and frees it (secret_password_free). */
char *keyring_lookup (const char *profile, const char *field, GError **error);
/* Removes FIELD of PROFILE, or every item of PROFILE when FIELD is NULL. */
gboolean keyring_clear (const char *profile, const char *field, GError **error);

/* TRUE for the error of a keyring that did not answer. */
gboolean keyring_error_unreachable (const GError *error);

#endif
