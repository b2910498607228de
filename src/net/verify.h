/* verify.h - the live checks against Zoom: each a pass, fail or skip with a
 * message and the fix. The wire facts they rest on: Zoom's OAuth token
 * endpoint answers {"error","reason"}; the REST API {"code","message"}.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_VERIFY_H
#define ZW_VERIFY_H

#include "core/answers.h"
#include "core/catalog.h"
#include "core/check.h"
#include "http.h"


/* Zoom's hosts: the global cloud, and Zoom for Government (reference:
 * domains). */
#define ZOOM_URL_GLOBAL "https://zoom.us"
#define ZOOM_API_URL_GLOBAL "https://api.zoom.us"
#define ZOOM_URL_GOV "https://zoomgov.com"
#define ZOOM_API_URL_GOV "https://api.zoomgov.com"

typedef struct
{
  const char *zoom_url;  /* https://zoom.us unless the answers or flags say */
  const char *api_url;   /* https://api.zoom.us */
  const char *ca_file;   /* NULL: the system's CAs */
  guint timeout_s;       /* per request */
  guint max_wait_s;      /* the longest Retry-After zoomwiz waits out */
  const char *receiver_hint; /* the webhook test's: see endpoint.h */
  const char *receiver_404;  /* the webhook test's: see endpoint.h */
  /* Zoom's scope catalog, to tell a scope Zoom does not know (not held
   * against the token) from one it lacks; NULL: the installed one. */
  const Catalog *catalog;
  /* What an OAuth app's skipped checks say to do for a user's
   * authorization; NULL: the command line's (verify --authorize). */
  const char *authorize_hint;
  HttpLogFunc log;       /* --verbose */
  gpointer log_data;
  /* OAuth apps: the authorization-code flow with a person at a browser. */
  gboolean authorize;
  gboolean paste;        /* read the landing URL instead of listening */
  /* Server-to-Server: keep the token in Verification.token, for a caller
   * that goes on to use it (zoomwiz create with the builder app's). */
  gboolean keep_token;
  guint authorize_wait_s;
  /* Shows the URL to open, and the redirect URI it brings the browser back to. */
  void (*show_authorize_url) (const char *url, const char *redirect_uri, gpointer data);
  /* Paste mode: the URL the browser landed on, or NULL. */
  char *(*read_landing_url) (gpointer data);
  gpointer ui_data;
  /* A live user interface: called often while the checks run, with the
   * checks so far; FALSE cancels the rest. IDLE_FD (the terminal) wakes it
   * at once. Only read when IDLE is set. */
  gboolean (*idle) (const GPtrArray *checks, gpointer data);
  int idle_fd;
  gpointer idle_data;
} VerifyOptions;

typedef struct
{
  GPtrArray *checks;   /* Check* */
  char **granted;      /* the token's scopes; NULL without a token */
  char **missing;      /* required scopes the token lacks */
  char *api_url;       /* the API base used */
  char *token;         /* with keep_token, the token (a secret; zeroed when freed) */
} Verification;

Verification *verify_run (const Answers *a, const VerifyOptions *o);
void verification_free (Verification *v);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Verification, verification_free)

/* 0 every check passed or was skipped, 1 a check failed, 3 Zoom (or the
 * event endpoint) could not be reached. */
int verification_exit_status (const Verification *v);

/* The token's api_url when it may be used (https, on the configured API's
 * domain: zoom.us, zoomgov.com, or exactly the configured host); else NULL. */
char *verify_accept_api_url (const char *offered, const char *configured);

#endif
