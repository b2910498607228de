/* url.h - what the program decides about a URL, in one place: whether its
 * host is this machine, its base.
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

#endif
