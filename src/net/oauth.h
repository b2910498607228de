/* oauth.h - the pieces of an OAuth authorization-code flow with PKCE: the
 * verifier and challenge, the state, the authorize URL, and a one-shot
 * loopback listener on 127.0.0.1 that catches the browser's redirect.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_OAUTH_H
#define ZW_OAUTH_H

#include "core/common.h"
#include "http.h"

typedef struct
{
  char *verifier;  /* 43 characters of base64url (32 random bytes) */
  char *challenge; /* base64url (no padding) of SHA-256 of the verifier */
  char *state;     /* random, checked when the browser comes back */
} OAuthPkce;

OAuthPkce *oauth_pkce_new (GError **error);
void oauth_pkce_free (OAuthPkce *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OAuthPkce, oauth_pkce_free)

char *oauth_authorize_url (const char *zoom_url, const char *client_id,
                           const char *redirect_uri, const OAuthPkce *p);

/* The path the loopback redirect URL uses. Zoom ignores the port of a
 * loopback redirect, so http://127.0.0.1/zoomwiz/callback is what goes on
 * the allow list. */
#define OAUTH_LOOPBACK_PATH "/zoomwiz/callback"
#define OAUTH_LOOPBACK_ALLOW_URL "http://127.0.0.1" OAUTH_LOOPBACK_PATH

typedef struct OAuthListener OAuthListener;

/* Listens on 127.0.0.1 with a free port; its redirect URI has that port. */
OAuthListener *oauth_listener_new (GError **error);
const char *oauth_listener_redirect_uri (const OAuthListener *l);
/* Waits up to WAIT_S seconds for the browser's request to the callback
 * path, answers it with a short page, and returns the request's query
 * string. Other paths (a favicon) get 404 and the wait goes on. IDLE (see
 * http.h; may be NULL) is called while it waits; its FALSE ends the wait
 * with ZW_ERROR_CANCELLED. */
char *oauth_listener_wait (OAuthListener *l, guint wait_s, HttpIdleFunc idle, gpointer data,
                           GError **error);
void oauth_listener_free (OAuthListener *l);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OAuthListener, oauth_listener_free)

/* From the query of the redirect: the code, after checking the state.
 * Sets ERROR with Zoom's error parameter, or a state mismatch. */
char *oauth_code_from_query (const char *query, const char *state, GError **error);

#endif
