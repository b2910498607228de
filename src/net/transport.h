/* transport.h - a request that got no HTTP answer, said as a failed check:
 * what went wrong on the way (DNS, refused, timeout, TLS, a redirect off
 * the host, an oversized answer) and the fix, for Zoom or for an event
 * endpoint.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_TRANSPORT_H
#define ZW_TRANSPORT_H

#include "core/check.h"
#include "http.h"

#include <jansson.h>

typedef enum
{
  PEER_ZOOM,    /* zoom_url, api_url */
  PEER_ENDPOINT, /* the app's own event endpoint */
  PEER_SERVICE   /* another service's API (Recall.ai) */
} TransportPeer;

/* The host (and port) of URL, for messages; never its query. */
char *transport_host_of (const char *url);

/* Adds a failed check ID for R (R->error != HTTP_OK) on the way to URL. */
void transport_failure (GPtrArray *checks, const char *id, const HttpResponse *r,
                        const char *url, guint timeout_s, TransportPeer peer);

/* The JSON object of Zoom's answer R from URL, or NULL after adding a
 * failed check ID: a 429 (its Retry-After said), a 5xx, an empty body,
 * something that is not a JSON object. */
json_t *transport_answer_json (GPtrArray *checks, const char *id, const HttpResponse *r,
                               const char *url);
/* The string KEY of object J, made safe for a terminal and cut to MAX
 * characters; NULL when it is not a string. */
char *transport_json_text (json_t *j, const char *key, guint max);

#endif
