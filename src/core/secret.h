/* secret.h - secrets zoomwiz makes, and the form they must have.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_SECRET_H
#define ZW_SECRET_H

#include "common.h"

/* Mattermost's generated settings: 32 characters of [A-Za-z0-9_-], the
 * URL-safe base64 alphabet, as Mattermost's System Console makes them
 * (webapp generated_setting.tsx). 24 random bytes. */
#define SECRET_GENERATED_LENGTH 32
#define SECRET_DEFAULT_BYTES 24
#define SECRET_MIN_BYTES 16
#define SECRET_MAX_BYTES 1024

/* N_BYTES from getrandom(2) as unpadded URL-safe base64 (a multiple of 3
 * bytes fills every character with random bits). NULL with ERROR set when
 * the kernel gives no randomness. The caller frees it with secret_free. */
char *secret_generate (gsize n_bytes, GError **error);
/* Zeroes and frees. */
void secret_free (char *secret);

gboolean secret_alphabet_ok (const char *s);
/* TRUE for exactly SECRET_GENERATED_LENGTH characters of the alphabet. */
gboolean secret_is_generated_form (const char *s);

#endif
