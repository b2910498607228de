/* http.h - an HTTPS client over libcurl's multi interface: one connection
 * per host, reused; TLS always verified; bounded answers; no redirect to
 * another host. Knows nothing of Zoom.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_HTTP_H
#define ZW_HTTP_H

#include "core/common.h"

typedef enum
{
  HTTP_OK,            /* an HTTP answer came (any status) */
  HTTP_ERR_DNS,       /* the host name does not resolve */
  HTTP_ERR_REFUSED,   /* nothing listens there */
  HTTP_ERR_TIMEOUT,   /* no (whole) answer in time */
  HTTP_ERR_UNTRUSTED, /* the certificate is not signed by a trusted CA */
  HTTP_ERR_NAME,      /* the certificate is for another name */
  HTTP_ERR_CERT_DATE, /* the certificate has expired, or is not valid yet */
  HTTP_ERR_CA_BUNDLE, /* the CA bundle to verify with cannot be read */
  HTTP_ERR_TLS,       /* another TLS failure */
  HTTP_ERR_TOO_LARGE, /* the answer is over HTTP_MAX_BODY */
  HTTP_ERR_HEADERS_TOO_LARGE, /* a header over libcurl's 100 kB */
  HTTP_ERR_REDIRECT,  /* a redirect to another host, refused */
  HTTP_ERR_NETWORK,   /* anything else on the way */
  HTTP_ERR_CANCELLED,
  HTTP_ERR_MODULE     /* zoomwiz's net.so could not be loaded: DETAIL says why */
} HttpError;

#define HTTP_MAX_BODY (1024 * 1024)

typedef struct
{
  HttpError error;
  char *detail;        /* libcurl's words for a transport error; for
                        * HTTP_ERR_CA_BUNDLE, the file it looked for */
  gboolean ca_given;   /* that file came with --ca-file */
  long status;
  GHashTable *headers; /* lower-case name -> value */
  GByteArray *body;
  double seconds;      /* from the start of the request to the whole answer */
} HttpResponse;

void http_response_free (HttpResponse *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HttpResponse, http_response_free)
const char *http_response_header (const HttpResponse *r, const char *name);

/* For the transport (http-curl.c, or a test's fake one): an empty answer,
 * then each header line as it came (a status line starts a new answer's
 * headers), then the body; FALSE and nothing added past HTTP_MAX_BODY. */
HttpResponse *http_response_new (void);
void http_response_add_header_line (HttpResponse *r, const char *data, gsize len);
gboolean http_response_add_body (HttpResponse *r, const char *data, gsize len);

/* What --verbose shows: one line per request and per answer, never a
 * header or a body (URLs with a secret= parameter hidden). */
typedef void (*HttpLogFunc) (const char *line, gpointer data);

typedef struct HttpClient HttpClient;

/* CA_FILE: a PEM bundle to trust instead of the system's (NULL: system).
 * TIMEOUT_MS: for each request, connection included. */
HttpClient *http_client_new (const char *ca_file, guint timeout_ms,
                             HttpLogFunc log, gpointer log_data);
void http_client_free (HttpClient *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HttpClient, http_client_free)

typedef struct
{
  const char *method;       /* "GET" or "POST" */
  const char *url;          /* https only */
  const char *body;         /* for POST; NULL for none */
  const char *content_type; /* of the body */
  const char *basic_user;   /* HTTP Basic, when set (a secret: never logged) */
  const char *basic_password;
  const char *bearer;       /* Authorization: Bearer (a secret) */
  const char *const *headers; /* more "Name: value" lines, NULL-terminated */
  const char *user_agent;   /* NULL: zoomwiz/VERSION */
  gboolean allow_http;      /* plain http too (webhook endpoints on loopback) */
  gboolean keep_redirects;  /* http_client_send: return a 3xx as it is */
} HttpRequest;

typedef struct HttpTransfer HttpTransfer;

/* Starts REQUEST; the client's loop (http_client_step) moves it on. */
HttpTransfer *http_client_start (HttpClient *c, const HttpRequest *request);
/* Runs the transfers for at most TIMEOUT_MS; TRUE when T is done. */
gboolean http_client_step (HttpClient *c, HttpTransfer *t, int timeout_ms);
void http_transfer_cancel (HttpClient *c, HttpTransfer *t);
/* The answer of a finished transfer, which is freed. */
HttpResponse *http_transfer_finish (HttpClient *c, HttpTransfer *t);

/* What keeps a user interface live while a request runs: between steps of
 * the transfers (and when FD, the terminal, has input) IDLE is called;
 * when it returns FALSE the running transfer and every later one end as
 * HTTP_ERR_CANCELLED. FD -1: no descriptor to watch. */
typedef gboolean (*HttpIdleFunc) (gpointer data);
void http_client_set_idle (HttpClient *c, int fd, HttpIdleFunc idle, gpointer data);
/* Waits SECONDS (a Retry-After), idle calls included, counted down to the
 * progress function; FALSE if cancelled. */
gboolean http_client_wait (HttpClient *c, guint seconds);
/* The same, said to no one: a pause of zoomwiz's own (a retry). */
gboolean http_client_sleep (HttpClient *c, guint seconds);

/* What a command shows while it waits on the network, one function for the
 * process: HTTP_PROGRESS_ANSWER each second a request has waited for its
 * answer (SECONDS so far), HTTP_PROGRESS_RETRY_AFTER each second of a
 * server's Retry-After (SECONDS left), HTTP_PROGRESS_DONE when the wait is
 * over (the line is cleared). HOST is the request's "host:port". */
typedef enum
{
  HTTP_PROGRESS_ANSWER,
  HTTP_PROGRESS_RETRY_AFTER,
  HTTP_PROGRESS_DONE
} HttpProgress;
typedef void (*HttpProgressFunc) (HttpProgress what, const char *host, guint seconds,
                                  gpointer data);
/* NULL: nothing is shown (the default). */
void http_set_progress (HttpProgressFunc progress, gpointer data);
gboolean http_client_cancelled (const HttpClient *c);

/* Start, step until done, finish: for callers with nothing else to do.
 * Follows up to three redirects on the same host unless KEEP_REDIRECTS. */
HttpResponse *http_client_send (HttpClient *c, const HttpRequest *request);

/* The host and port of an https URL ("host:port"), or NULL. */
char *http_url_origin (const char *url);

#endif
