/* endpoint.h - the event endpoint test: sends the endpoint what Zoom sends
 * (a signed endpoint.url_validation, then a signed sample of each event)
 * and says what is wrong with its answers.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_ENDPOINT_H
#define ZW_ENDPOINT_H

#include "core/check.h"
#include "http.h"

typedef struct
{
  const char *url;            /* the event endpoint; may hold ?secret= */
  const char *secret_token;   /* Zoom's Secret Token, as zoomwiz was given it */
  const char *const *events;  /* a sample of each is sent; may be NULL */
  const char *account_id;     /* put in the samples; may be NULL */
  const char *client_id;      /* Zoom sends it as a clientid header; may be NULL */
  const char *receiver_hint;  /* where the receiver keeps its copy of the Secret
                                 Token, for messages; NULL: said in general */
  const char *receiver_404;   /* the fix when the endpoint answers 404 (the
                                 preset's); NULL: said in general */
  const char *ca_file;        /* NULL: the system's CAs */
  guint timeout_s;            /* per request (Zoom itself waits 3 seconds) */
  gboolean allow_http;        /* test a plain http endpoint off loopback anyway */
  HttpLogFunc log;
  gpointer log_data;
  HttpIdleFunc idle;          /* see http_client_set_idle; NULL: none */
  int idle_fd;
  gpointer idle_data;
} EndpointOptions;

/* Adds the check "webhook" (the validation) and "webhook:EVENT" for each
 * event to CHECKS. */
void endpoint_test (const EndpointOptions *o, GPtrArray *checks);

/* A warning for an http:// endpoint off this machine's loopback (Zoom sends
 * events over https only), or NULL. */
char *endpoint_http_warning (const char *url);

#endif
