/* http-curl.c - the libcurl side of http.h: the client, its transfers
 * over the multi interface, and libcurl's errors said as HttpError. A
 * test's fake transport (tests/fuzz/) replaces this file and nothing else.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "http.h"
#include "core/url.h"

#include <curl/curl.h>
#include <string.h>

struct HttpClient
{
  CURLM *multi; /* its connection cache is what keeps one connection a host */
  char *ca_file;
  guint timeout_ms;
  HttpLogFunc log;
  gpointer log_data;
  int idle_fd;
  HttpIdleFunc idle;
  gpointer idle_data;
  gboolean cancelled; /* IDLE said so: every transfer from then on ends at once */
};

struct HttpTransfer
{
  CURL *easy;
  struct curl_slist *headers;
  HttpResponse *response;
  char errbuf[CURL_ERROR_SIZE];
  gboolean too_large;
  gboolean done;
  CURLcode result;
  char *secret_header; /* "Authorization: Bearer ...", zeroed on free */
};

static void
log_line (HttpClient *c, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
log_line (HttpClient *c, const char *format, ...)
{
  va_list ap;
  if (c->log == NULL)
    return;
  va_start (ap, format);
  g_autofree char *line = g_strdup_vprintf (format, ap);
  va_end (ap);
  c->log (line, c->log_data);
}

HttpClient *
http_client_new (const char *ca_file, guint timeout_ms, HttpLogFunc log,
                 gpointer log_data)
{
  static gsize initialised;
  if (g_once_init_enter (&initialised))
    {
      curl_global_init (CURL_GLOBAL_DEFAULT);
      g_once_init_leave (&initialised, 1);
    }
  HttpClient *c = g_new0 (HttpClient, 1);
  c->multi = curl_multi_init ();
  c->ca_file = g_strdup (ca_file);
  c->timeout_ms = timeout_ms;
  c->log = log;
  c->log_data = log_data;
  c->idle_fd = -1;
  return c;
}

void
http_client_free (HttpClient *c)
{
  if (c == NULL)
    return;
  curl_multi_cleanup (c->multi);
  g_free (c->ca_file);
  g_free (c);
}

static size_t
on_body (char *data, size_t size, size_t n, void *p)
{
  HttpTransfer *t = p;
  size_t len = size * n;
  if (!http_response_add_body (t->response, data, len))
    {
      t->too_large = TRUE;
      return 0; /* libcurl stops with CURLE_WRITE_ERROR */
    }
  return len;
}

static size_t
on_header (char *data, size_t size, size_t n, void *p)
{
  HttpTransfer *t = p;
  size_t len = size * n;
  http_response_add_header_line (t->response, data, len);
  return len;
}

HttpTransfer *
http_client_start (HttpClient *c, const HttpRequest *request)
{
  HttpTransfer *t = g_new0 (HttpTransfer, 1);
  CURL *e = curl_easy_init ();

  t->easy = e;
  t->response = http_response_new ();

  curl_easy_setopt (e, CURLOPT_URL, request->url);
  curl_easy_setopt (e, CURLOPT_PROTOCOLS_STR, request->allow_http ? "http,https" : "https");
  curl_easy_setopt (e, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (e, CURLOPT_SSL_VERIFYHOST, 2L);
  if (c->ca_file != NULL)
    curl_easy_setopt (e, CURLOPT_CAINFO, c->ca_file);
  curl_easy_setopt (e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt (e, CURLOPT_TIMEOUT_MS, (long) c->timeout_ms);
  curl_easy_setopt (e, CURLOPT_CONNECTTIMEOUT_MS, (long) c->timeout_ms);
  curl_easy_setopt (e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (e, CURLOPT_USERAGENT,
                    request->user_agent ? request->user_agent : PACKAGE_NAME "/" PACKAGE_VERSION);
  curl_easy_setopt (e, CURLOPT_ERRORBUFFER, t->errbuf);
  curl_easy_setopt (e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt (e, CURLOPT_WRITEDATA, t);
  curl_easy_setopt (e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt (e, CURLOPT_HEADERDATA, t);
  curl_easy_setopt (e, CURLOPT_PRIVATE, t);

  t->headers = curl_slist_append (t->headers, "Accept: application/json");
  if (strcmp (request->method, "POST") == 0)
    {
      curl_easy_setopt (e, CURLOPT_POST, 1L);
      curl_easy_setopt (e, CURLOPT_COPYPOSTFIELDS, request->body ? request->body : "");
      g_autofree char *ct = g_strconcat ("Content-Type: ", request->content_type
                                             ? request->content_type
                                             : "application/x-www-form-urlencoded",
                                         NULL);
      t->headers = curl_slist_append (t->headers, ct);
    }
  if (request->basic_user != NULL)
    {
      curl_easy_setopt (e, CURLOPT_HTTPAUTH, (long) CURLAUTH_BASIC);
      curl_easy_setopt (e, CURLOPT_USERNAME, request->basic_user);
      curl_easy_setopt (e, CURLOPT_PASSWORD, request->basic_password ? request->basic_password : "");
    }
  for (const char *const *h = request->headers; h != NULL && *h != NULL; h++)
    t->headers = curl_slist_append (t->headers, *h);
  if (request->bearer != NULL)
    {
      t->secret_header = g_strconcat ("Authorization: Bearer ", request->bearer, NULL);
      t->headers = curl_slist_append (t->headers, t->secret_header);
    }
  curl_easy_setopt (e, CURLOPT_HTTPHEADER, t->headers);
  g_autofree char *shown = url_for_display (request->url);
  log_line (c, "> %s %s", request->method, shown);
  curl_multi_add_handle (c->multi, e);
  return t;
}

static void
collect (HttpClient *c)
{
  CURLMsg *msg;
  int left;
  while ((msg = curl_multi_info_read (c->multi, &left)) != NULL)
    if (msg->msg == CURLMSG_DONE)
      {
        HttpTransfer *t = NULL;
        curl_easy_getinfo (msg->easy_handle, CURLINFO_PRIVATE, (char **) &t);
        t->result = msg->data.result;
        t->done = TRUE;
      }
}

void
http_client_set_idle (HttpClient *c, int fd, HttpIdleFunc idle, gpointer data)
{
  c->idle_fd = fd;
  c->idle = idle;
  c->idle_data = data;
}

/* Polls the transfers' sockets and the idle descriptor for at most
 * TIMEOUT_MS, then lets the idle function run. */
static void
poll_once (HttpClient *c, int timeout_ms)
{
  struct curl_waitfd wake = { .fd = c->idle_fd, .events = CURL_WAIT_POLLIN };
  curl_multi_poll (c->multi, c->idle_fd >= 0 ? &wake : NULL, c->idle_fd >= 0 ? 1 : 0,
                   timeout_ms, NULL);
  if (c->idle != NULL && !c->cancelled && !c->idle (c->idle_data))
    c->cancelled = TRUE;
}

gboolean
http_client_step (HttpClient *c, HttpTransfer *t, int timeout_ms)
{
  int running;
  if (!t->done && c->cancelled)
    http_transfer_cancel (c, t);
  if (t->done)
    return TRUE;
  curl_multi_perform (c->multi, &running);
  collect (c);
  if (!t->done)
    {
      /* An idle function is called often enough to animate and to read keys. */
      poll_once (c, c->idle != NULL ? MIN (timeout_ms, 100) : timeout_ms);
      if (c->cancelled)
        http_transfer_cancel (c, t);
      else
        {
          curl_multi_perform (c->multi, &running);
          collect (c);
        }
    }
  return t->done;
}

gboolean
http_client_cancelled (const HttpClient *c)
{
  return c->cancelled;
}

gboolean
http_client_sleep (HttpClient *c, guint seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  gint64 now;
  while (!c->cancelled && (now = g_get_monotonic_time ()) < end)
    {
      int ms = (int) MIN ((end - now) / 1000 + 1, 1000);
      if (c->idle != NULL)
        poll_once (c, MIN (ms, 100));
      else
        g_usleep ((gulong) ms * 1000);
    }
  return !c->cancelled;
}

void
http_transfer_cancel (HttpClient *c, HttpTransfer *t)
{
  (void) c;
  t->done = TRUE;
  t->result = CURLE_ABORTED_BY_CALLBACK;
}

/* TLS failures say what is wrong with the certificate, in libcurl's words
 * (OpenSSL and GnuTLS builds word a name mismatch alike). */
static HttpError
classify (HttpTransfer *t)
{
  switch (t->result)
    {
    case CURLE_OK:
      return HTTP_OK;
    case CURLE_COULDNT_RESOLVE_HOST:
      return HTTP_ERR_DNS;
    case CURLE_COULDNT_CONNECT:
      return HTTP_ERR_REFUSED;
    case CURLE_OPERATION_TIMEDOUT:
      return HTTP_ERR_TIMEOUT;
    case CURLE_WRITE_ERROR:
      return t->too_large ? HTTP_ERR_TOO_LARGE : HTTP_ERR_NETWORK;
    case CURLE_ABORTED_BY_CALLBACK:
      return HTTP_ERR_CANCELLED;
    /* libcurl's refusal of a header over CURL_MAX_HTTP_HEADER (100 kB), with
     * no word in the error buffer; zoomwiz's own allocations abort instead. */
    case CURLE_OUT_OF_MEMORY:
      return HTTP_ERR_HEADERS_TOO_LARGE;
    case CURLE_PEER_FAILED_VERIFICATION:
      if (strstr (t->errbuf, "name") != NULL || strstr (t->errbuf, "match") != NULL)
        return HTTP_ERR_NAME;
      /* OpenSSL: "certificate has expired", "certificate is not yet valid";
       * GnuTLS: "The certificate has expired" / "...not yet activated". */
      if (strstr (t->errbuf, "expired") != NULL || strstr (t->errbuf, "not yet") != NULL)
        return HTTP_ERR_CERT_DATE;
      return HTTP_ERR_UNTRUSTED;
    case CURLE_SSL_CACERT_BADFILE:
      return HTTP_ERR_CA_BUNDLE;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
      return HTTP_ERR_TLS;
    default:
      return HTTP_ERR_NETWORK;
    }
}

HttpResponse *
http_transfer_finish (HttpClient *c, HttpTransfer *t)
{
  HttpResponse *r = t->response;

  curl_multi_remove_handle (c->multi, t->easy);
  r->error = classify (t);
  curl_off_t us = 0;
  if (curl_easy_getinfo (t->easy, CURLINFO_TOTAL_TIME_T, &us) == CURLE_OK)
    r->seconds = (double) us / 1e6;
  if (r->error == HTTP_OK)
    {
      curl_easy_getinfo (t->easy, CURLINFO_RESPONSE_CODE, &r->status);
      log_line (c, "< %ld (%u bytes)", r->status, r->body->len);
    }
  else if (r->error == HTTP_ERR_CA_BUNDLE)
    {
      /* The file itself: the one given, or libcurl's built-in default. */
      char *builtin = NULL;
      if (c->ca_file == NULL)
        curl_easy_getinfo (t->easy, CURLINFO_CAINFO, &builtin);
      r->ca_given = c->ca_file != NULL;
      r->detail = g_strdup (c->ca_file != NULL ? c->ca_file
                            : builtin != NULL  ? builtin
                                               : "");
      log_line (c, "< %s", *t->errbuf ? t->errbuf : curl_easy_strerror (t->result));
    }
  else
    {
      r->detail = g_strdup (*t->errbuf ? t->errbuf : curl_easy_strerror (t->result));
      log_line (c, "< %s", r->detail);
    }
  curl_easy_cleanup (t->easy);
  curl_slist_free_all (t->headers);
  if (t->secret_header != NULL)
    {
      explicit_bzero (t->secret_header, strlen (t->secret_header));
      g_free (t->secret_header);
    }
  g_free (t);
  return r;
}

#ifdef ZW_MODULE
/* Built as the module net.so: its one export. */
#include "http-module.h"
#define HTTP_INIT_F(type, name, params, args) .name = name,
#define HTTP_INIT_V(name, params, args) .name = name,
MODULE_EXPORT const HttpTransport zoomwiz_module = {
  .head = MODULE_HEAD (HttpTransport),
  HTTP_TRANSPORT_FUNCTIONS (HTTP_INIT_F, HTTP_INIT_V)
};
#endif
