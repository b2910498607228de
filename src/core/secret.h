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

/* jansson's allocation functions for the whole program: malloc, and a free
 * that zeroes the block first, so that the secrets jansson holds (answers,
 * tokens, the exports' documents) do not stay in freed memory. Set once at
 * start, before jansson allocates (main, and the unit tests that use it). */
void secret_json_alloc_init (void);
void *secret_json_malloc (size_t size);
void secret_json_free (void *block);
/* Zeroes the whole of BLOCK (from malloc), as secret_json_free does before
 * freeing it. */
void secret_block_wipe (void *block);

#endif
