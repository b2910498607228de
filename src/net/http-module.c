/* http-module.c - http.h's transport from the module net.so (libcurl),
 * loaded by the first http_client_new. When it cannot be loaded, every
 * request ends at once with HTTP_ERR_MODULE and the loader's words, which
 * the caller's checks say like any other failure to reach a server.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "http-module.h"

/* Why net.so could not be loaded; what the failed transport answers. */
static char *load_error;

static HttpClient *
failed_http_client_new (const char *ca_file, guint timeout_ms, HttpLogFunc log, gpointer log_data)
{
  (void) ca_file, (void) timeout_ms, (void) log, (void) log_data;
  /* Never read through: a distinct address per client is enough. */
  return (HttpClient *) g_new0 (char, 1);
}

static void
failed_http_client_free (HttpClient *c)
{
  g_free (c);
}

static HttpTransfer *
failed_http_client_start (HttpClient *c, const HttpRequest *request)
{
  (void) c, (void) request;
  return (HttpTransfer *) g_new0 (char, 1);
}

static gboolean
failed_http_client_step (HttpClient *c, HttpTransfer *t, int timeout_ms)
{
  (void) c, (void) t, (void) timeout_ms;
  return TRUE;
}

static void
failed_http_transfer_cancel (HttpClient *c, HttpTransfer *t)
{
  (void) c, (void) t;
}

static HttpResponse *
failed_http_transfer_finish (HttpClient *c, HttpTransfer *t)
{
  (void) c;
  g_free (t);
  HttpResponse *r = http_response_new ();
  r->error = HTTP_ERR_MODULE;
  r->detail = g_strdup (load_error);
  return r;
}

static void
failed_http_client_set_idle (HttpClient *c, int fd, HttpIdleFunc idle, gpointer data)
{
  (void) c, (void) fd, (void) idle, (void) data;
}

static gboolean
failed_http_client_sleep (HttpClient *c, guint seconds)
{
  (void) c, (void) seconds;
  return TRUE;
}

static gboolean
failed_http_client_cancelled (const HttpClient *c)
{
  (void) c;
  return FALSE;
}

#define HTTP_FAILED_F(type, name, params, args) .name = failed_##name,
#define HTTP_FAILED_V(name, params, args) .name = failed_##name,
static const HttpTransport failed = {
  .head = MODULE_HEAD (HttpTransport),
  HTTP_TRANSPORT_FUNCTIONS (HTTP_FAILED_F, HTTP_FAILED_V)
};

static const HttpTransport *
transport (void)
{
  static const HttpTransport *t;
  if (t == NULL)
    {
      g_autoptr (GError) error = NULL;
      t = module_table ("net", sizeof (HttpTransport), &error);
      if (t == NULL)
        {
          load_error = g_strdup (error->message);
          t = &failed;
        }
    }
  return t;
}

#define HTTP_STUB_F(type, name, params, args)                                   \
  type name params { return transport ()->name args; }
#define HTTP_STUB_V(name, params, args)                                         \
  void name params { transport ()->name args; }
HTTP_TRANSPORT_FUNCTIONS (HTTP_STUB_F, HTTP_STUB_V)
