/* url.h - what the program decides about a URL, in one place: whether its
 * host is this machine, its base, its secret= parameter hidden, a query
 * made of pairs.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_URL_H
#define ZW_URL_H

#include "common.h"

/* Whether HOST (a URL's host, with or without the brackets of an IPv6
 * address) is this machine: the name localhost or a name under it
 * (RFC 6761: foo.localhost), 127.0.0.0/8, ::1 or ::ffff:127.x.y.z. Where
 * plain http is allowed. */
gboolean url_host_is_loopback (const char *host);

/* URL without its trailing slashes and, for Zoom's API (API), without its
 * version's /v2 after them: the base that paths (/oauth/token, /v2/users)
 * are put after. The zoom_url and api_url answers and options as verify
 * calls them and the Mattermost plugin is configured with. */
char *url_base (const char *url, gboolean api);

/* The value of the next secret= parameter of URL from FROM on (a place in
 * URL past the last value found; NULL: from the start), its length in LEN;
 * NULL when there is no more. A parameter named exactly secret after the
 * URL's first ?, preceded by that ? or an &, its value up to the next & or
 * # (Mattermost's webhook and deauthorization URLs carry its webhook
 * secret so). */
const char *url_secret_next (const char *url, const char *from, gsize *len);
/* URL (NULL: "") with the value of each secret= parameter replaced by WITH:
 * "" for a file without secrets, "…" for a message. */
char *url_secrets_replaced (const char *url, const char *with);
/* URL for a message: url_secrets_replaced (URL, "…"). */
char *url_for_display (const char *url);

/* The pairs KEY, VALUE, ..., NULL as a query (or a form body):
 * key=value&..., each value escaped by GLib (g_uri_escape_string: every byte
 * but RFC 3986's unreserved ones as %XX, a space as %20), each key as it is
 * (a literal of the caller's). No other copy of the values is left
 * behind: wipe it (explicit_bzero) when a value is a secret. */
char *url_query (const char *first_key, ...) G_GNUC_NULL_TERMINATED;

#endif
