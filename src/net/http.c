/* http.c - see http.h: the answers, same-host redirects and URL origins;
 * the libcurl side is in http-curl.c.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "http.h"
#include "core/url.h"
#include "core/text.h"

#include <string.h>

void
http_response_free (HttpResponse *r)
{
  if (r == NULL)
    return;
  g_free (r->detail);
  if (r->headers != NULL)
    g_hash_table_destroy (r->headers);
  if (r->body != NULL)
    {
      /* Token answers hold secrets. */
      if (r->body->len > 0)
        explicit_bzero (r->body->data, r->body->len);
      g_byte_array_unref (r->body);
    }
  g_free (r);
}

const char *
http_response_header (const HttpResponse *r, const char *name)
{
  return r->headers != NULL ? g_hash_table_lookup (r->headers, name) : NULL;
}

HttpResponse *
http_response_new (void)
{
  HttpResponse *r = g_new0 (HttpResponse, 1);
  r->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->body = g_byte_array_new ();
  return r;
}

void
http_response_add_header_line (HttpResponse *r, const char *data, gsize len)
{
  g_autofree char *line = g_strndup (data, len);
  char *colon = strchr (line, ':');

  if (g_str_has_prefix (line, "HTTP/"))
    g_hash_table_remove_all (r->headers); /* a new answer */
  else if (colon != NULL)
    {
      *colon = '\0';
      /* A server's header values end up in messages: no control character
       * (an escape sequence, BEL, an OSC 52 clipboard write) and a bounded
       * length, here, once, for every reader. */
      g_hash_table_replace (r->headers, g_ascii_strdown (g_strstrip (line), -1),
                            text_sanitize (g_strstrip (colon + 1), -1, 300));
    }
}

gboolean
http_response_add_body (HttpResponse *r, const char *data, gsize len)
{
  if (len > HTTP_MAX_BODY - r->body->len)
    return FALSE;
  g_byte_array_append (r->body, (const guint8 *) data, len);
  return TRUE;
}

char *
http_url_origin (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL
      || g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0)
    return NULL;
  int port = g_uri_get_port (uri);
  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port > 0 ? port : 443);
}

/* The one progress function, and what it was last told. */
static struct
{
  HttpProgressFunc func;
  gpointer data;
  char *host;  /* of the last request */
  guint shown; /* 0: nothing on the line */
} progress;

void
http_set_progress (HttpProgressFunc func, gpointer data)
{
  progress.func = func;
  progress.data = data;
}

static void
progress_done (void)
{
  if (progress.func != NULL && progress.shown != 0)
    progress.func (HTTP_PROGRESS_DONE, progress.host, 0, progress.data);
  progress.shown = 0;
}

gboolean
http_client_wait (HttpClient *c, guint seconds)
{
  gboolean going = TRUE;
  /* A second at a time, the seconds left said before each. */
  for (guint left = seconds; going && left > 0; left--)
    {
      if (progress.func != NULL)
        {
          progress.shown = left;
          progress.func (HTTP_PROGRESS_RETRY_AFTER, progress.host, left, progress.data);
        }
      going = http_client_sleep (c, 1);
    }
  progress_done ();
  return going;
}

HttpResponse *
http_client_send (HttpClient *c, const HttpRequest *request)
{
  HttpRequest hop = *request;
  g_autofree char *next_url = NULL;

  /* Same-origin redirects are followed, a few; others refused. */
  for (int hops = 0;; hops++)
    {
      g_free (progress.host);
      progress.host = http_url_origin (hop.url);
      HttpTransfer *t = http_client_start (c, &hop);
      gint64 started = g_get_monotonic_time ();
      /* Steps of a quarter second: the progress line is said each second
         once the answer has kept a second; one that comes sooner shows
         nothing. */
      while (!http_client_step (c, t, progress.func != NULL ? 250 : 1000))
        {
          gint64 waited = (g_get_monotonic_time () - started) / G_USEC_PER_SEC;
          if (progress.func != NULL && waited >= 1 && (guint) waited != progress.shown)
            {
              progress.shown = (guint) waited;
              progress.func (HTTP_PROGRESS_ANSWER, progress.host, progress.shown,
                             progress.data);
            }
        }
      progress_done ();
      HttpResponse *r = http_transfer_finish (c, t);
      const char *location = http_response_header (r, "location");
      if (r->error != HTTP_OK || r->status < 300 || r->status > 399 || location == NULL
          || request->keep_redirects)
        return r;
      g_autoptr (GUri) base = g_uri_parse (hop.url, G_URI_FLAGS_NONE, NULL);
      g_autoptr (GUri) target = g_uri_parse_relative (base, location, G_URI_FLAGS_NONE, NULL);
      /* A target with no host ("https:/.//x") cannot be written back as
         a URL (GLib refuses with a critical): it is refused as it came. */
      gboolean hosted = target != NULL && g_uri_get_host (target) != NULL
                        && *g_uri_get_host (target) != '\0';
      g_autofree char *target_url = hosted ? g_uri_to_string (target) : g_strdup (location);
      g_autofree char *from = http_url_origin (hop.url);
      g_autofree char *to = http_url_origin (target_url);
      if (to == NULL || g_strcmp0 (from, to) != 0 || hops >= 3)
        {
          r->error = HTTP_ERR_REDIRECT;
          r->detail = url_for_display (target_url);
          return r;
        }
      http_response_free (r);
      g_free (next_url);
      next_url = g_steal_pointer (&target_url);
      hop.url = next_url;
    }
}
