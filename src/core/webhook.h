/* webhook.h - what Zoom sends an event endpoint, byte for byte: the
 * signature headers, the endpoint.url_validation challenge and its expected
 * answer, and realistic sample events. No network here (net/webhook.c
 * sends them).
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_WEBHOOK_H
#define ZW_WEBHOOK_H

#include "common.h"

/* An endpoint must answer within this many seconds, or Zoom counts the
 * delivery as failed and retries later (reference: webhooks). */
#define WEBHOOK_ZOOM_WAIT_S 3
/* The user agent of Zoom's deliveries. */
#define WEBHOOK_USER_AGENT "Zoom Marketplace/1.0a"
#define WEBHOOK_CONTENT_TYPE "application/json; charset=utf-8"
#define WEBHOOK_VALIDATION_EVENT "endpoint.url_validation"

/* Lower-case hex HMAC-SHA256 of LEN bytes of MESSAGE (-1: a string). */
char *webhook_hmac_hex (const char *secret, const char *message, gssize len);
/* The x-zm-signature value for BODY sent at TIMESTAMP (Unix seconds, as
 * text): "v0=" + hex HMAC-SHA256(secret, "v0:" TIMESTAMP ":" BODY). */
char *webhook_signature (const char *secret, const char *timestamp,
                         const char *body, gsize body_len);
/* The encryptedToken a good endpoint answers the validation with. */
char *webhook_encrypted_token (const char *secret, const char *plain_token);

/* A random plainToken like Zoom's: 22 characters of base64url. NULL with
 * ERROR when the kernel gives no randomness. */
char *webhook_plain_token (GError **error);

/* The validation request body, compact JSON in Zoom's key order. */
char *webhook_validation_body (const char *plain_token, gint64 event_ts_ms);
/* A sample delivery of EVENT, compact JSON: a realistic payload for the
 * events the presets use, the bare envelope for others. ACCOUNT_ID may be
 * NULL. The sample names a made-up meeting or user, marked as a test. */
char *webhook_sample_body (const char *event, const char *account_id,
                           gint64 event_ts_ms);
/* TRUE when webhook_sample_body has a payload of EVENT's own shape. */
gboolean webhook_sample_known (const char *event);

/* TRUE when BODY (LEN bytes) is JSON exactly as Zoom writes it: compact,
 * no trailing newline. Receivers that re-serialise the parsed body (Zoom's
 * SDK and sample) sign what Zoom would send, not the bytes of a file. */
gboolean webhook_body_is_compact (const char *body, gsize len);

#endif
