/* fake-transport.c - http-curl.c's part of http.h for the fuzz targets:
 * no socket; each request gets the next part of the fuzz input, fed
 * through the same http_response_add_header_line and _add_body that
 * libcurl's callbacks use, so sanitising and bounds stay under test.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz.h"
#include "net/http.h"

#include <stdlib.h>
#include <string.h>

struct HttpClient
{
  HttpIdleFunc idle;
  gpointer idle_data;
  gboolean cancelled;
};

struct HttpTransfer
{
  HttpResponse *response;
};

static const char *feed;
static size_t feed_left;

void
fuzz_transport_feed (const uint8_t *data, size_t size)
{
  feed = (const char *) data;
  feed_left = size;
}

/* The next part as bytes (not NUL-terminated), or FALSE. */
static gboolean
next_part (const char **part, size_t *len)
{
  if (feed == NULL)
    return FALSE;
  const char *end = memmem (feed, feed_left, FUZZ_SEPARATOR, strlen (FUZZ_SEPARATOR));
  *part = feed;
  if (end == NULL)
    {
      *len = feed_left;
      feed = NULL;
      feed_left = 0;
    }
  else
    {
      *len = (size_t) (end - feed);
      feed_left -= *len + strlen (FUZZ_SEPARATOR);
      feed = end + strlen (FUZZ_SEPARATOR);
    }
  return TRUE;
}

char *
fuzz_transport_next_part (void)
{
  const char *part;
  size_t len;
  return next_part (&part, &len) ? g_strndup (part, len) : NULL;
}

HttpClient *
http_client_new (const char *ca_file, guint timeout_ms, HttpLogFunc log, gpointer log_data)
{
  (void) ca_file, (void) timeout_ms, (void) log, (void) log_data;
  return g_new0 (HttpClient, 1);
}

void
http_client_free (HttpClient *c)
{
  g_free (c);
}

void
http_client_set_idle (HttpClient *c, int fd, HttpIdleFunc idle, gpointer data)
{
  (void) fd;
  c->idle = idle;
  c->idle_data = data;
}

static void
fail_with (HttpResponse *r, HttpError error, const char *detail, size_t len)
{
  r->error = error;
  g_free (r->detail);
  r->detail = g_strndup (detail, len);
}

/* The status of a status line ("HTTP/x NNN ..."), or -1: libcurl takes
 * nothing else for one. */
static int
status_of (const char *line, size_t n)
{
  const char *sp = memchr (line, ' ', n);
  if (n < 9 || strncmp (line, "HTTP/", 5) != 0 || sp == NULL || sp + 4 > line + n
      || !g_ascii_isdigit (sp[1]) || !g_ascii_isdigit (sp[2]) || !g_ascii_isdigit (sp[3]))
    return -1;
  return (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
}

/* A part as libcurl would hand it over: header lines (each with its line
 * end; a later status line, after a 100 Continue, starts again), the
 * status of the last status line, then the body. */
static void
answer_from (HttpResponse *r, const char *part, size_t len)
{
  if (len > 0 && part[0] == '!')
    {
      char digits[9] = { 0 };
      const char *sp = memchr (part, ' ', len);
      memcpy (digits, part + 1, MIN (len - 1, 8));
      int n = atoi (digits);
      HttpError e = (HttpError) (1 + abs (n % HTTP_ERR_CANCELLED));
      fail_with (r, e, sp ? sp + 1 : "", sp ? len - (size_t) (sp + 1 - part) : 0);
      r->ca_given = n % 2 == 0;
      return;
    }
  const char *p = part, *end = part + len;
  r->status = -1;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', (size_t) (end - p));
      size_t n = eol ? (size_t) (eol - p) + 1 : (size_t) (end - p);
      int status = status_of (p, n);
      if (r->status < 0 && status < 0)
        break;
      if (status >= 0)
        r->status = status;
      if (n == 1 || (n == 2 && p[0] == '\r'))
        {
          p += n;
          break;
        }
      http_response_add_header_line (r, p, n);
      p += n;
    }
  if (r->status < 0)
    {
      r->status = 0;
      fail_with (r, HTTP_ERR_NETWORK, "Weird server reply", 18);
      return;
    }
  if (!http_response_add_body (r, p, (size_t) (end - p)))
    fail_with (r, HTTP_ERR_TOO_LARGE, "Failure writing output to destination", 37);
}

HttpTransfer *
http_client_start (HttpClient *c, const HttpRequest *request)
{
  HttpTransfer *t = g_new0 (HttpTransfer, 1);
  const char *part;
  size_t len;

  (void) request;
  t->response = http_response_new ();
  if (c->cancelled)
    fail_with (t->response, HTTP_ERR_CANCELLED, "", 0);
  else if (next_part (&part, &len))
    answer_from (t->response, part, len);
  else
    fail_with (t->response, HTTP_ERR_REFUSED, "Connection refused", 18);
  return t;
}

gboolean
http_client_step (HttpClient *c, HttpTransfer *t, int timeout_ms)
{
  (void) t, (void) timeout_ms;
  if (c->idle != NULL && !c->cancelled && !c->idle (c->idle_data))
    c->cancelled = TRUE;
  return TRUE;
}

void
http_transfer_cancel (HttpClient *c, HttpTransfer *t)
{
  (void) c;
  t->response->error = HTTP_ERR_CANCELLED;
}

HttpResponse *
http_transfer_finish (HttpClient *c, HttpTransfer *t)
{
  (void) c;
  HttpResponse *r = t->response;
  g_free (t);
  return r;
}

gboolean
http_client_cancelled (const HttpClient *c)
{
  return c->cancelled;
}

/* No clock: a second is over at once, so a Retry-After is waited out at
 * once (http.c's http_client_wait counts it down; the bound on it is what
 * the caller computes, and what is under test). */
gboolean
http_client_sleep (HttpClient *c, guint seconds)
{
  (void) seconds;
  return !c->cancelled;
}
