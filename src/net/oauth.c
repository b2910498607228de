/* oauth.c - see oauth.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "oauth.h"
#include "core/text.h"
#include "core/secret.h"
#include "core/url.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <string.h>

void
oauth_pkce_free (OAuthPkce *p)
{
  if (p == NULL)
    return;
  secret_free (p->verifier);
  g_free (p->challenge);
  g_free (p->state);
  g_free (p);
}

/* base64url without padding (RFC 7636 appendix A). */
static char *
base64url (const guint8 *data, gsize len)
{
  char *s = g_base64_encode (data, len);
  for (char *p = s; *p; p++)
    *p = *p == '+' ? '-' : *p == '/' ? '_' : *p;
  char *eq = strchr (s, '=');
  if (eq != NULL)
    *eq = '\0';
  return s;
}

OAuthPkce *
oauth_pkce_new (GError **error)
{
  g_autoptr (OAuthPkce) p = g_new0 (OAuthPkce, 1);
  guint8 digest[32];
  gsize digest_len = sizeof digest;

  p->verifier = secret_generate (32, error);
  p->state = secret_generate (16, error);
  if (p->verifier == NULL || p->state == NULL)
    return NULL;
  GChecksum *sha = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sha, (const guchar *) p->verifier, -1);
  g_checksum_get_digest (sha, digest, &digest_len);
  g_checksum_free (sha);
  p->challenge = base64url (digest, digest_len);
  return g_steal_pointer (&p);
}

char *
oauth_authorize_url (const char *zoom_url, const char *client_id,
                     const char *redirect_uri, const OAuthPkce *p)
{
  /* No scope parameter: the scopes are the app's (zoom-reference). */
  g_autofree char *query
      = url_query ("response_type", "code", "client_id", client_id, "redirect_uri",
                   redirect_uri, "state", p->state, "code_challenge", p->challenge,
                   "code_challenge_method", "S256", NULL);
  return g_strconcat (zoom_url, "/oauth/authorize?", query, NULL);
}

struct OAuthListener
{
  int fd;
  char *redirect_uri;
};

/* What failed at the listener, with the system's words. */
static void
listener_error (GError **error, const char *what)
{
  int e = errno;
  g_set_error (error, ZW_ERROR, ZW_ERROR_NOT_SUPPORTED,
               /* TRANSLATORS: %s: a system call (bind, listen...), then why. */
               _("zoomwiz cannot listen on 127.0.0.1 for the browser's redirect "
                 "(%s: %s)"),
               what, g_strerror (e));
}

OAuthListener *
oauth_listener_new (GError **error)
{
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    {
      listener_error (error, "socket");
      return NULL;
    }
  struct sockaddr_in addr = { .sin_family = AF_INET,
                              .sin_addr.s_addr = htonl (INADDR_LOOPBACK),
                              .sin_port = 0 };
  socklen_t len = sizeof addr;
  const char *failed = bind (fd, (struct sockaddr *) &addr, sizeof addr) != 0 ? "bind"
                       : listen (fd, 8) != 0                                  ? "listen"
                       : getsockname (fd, (struct sockaddr *) &addr, &len) != 0
                           ? "getsockname"
                           : NULL;
  if (failed != NULL)
    {
      listener_error (error, failed);
      close (fd);
      return NULL;
    }
  OAuthListener *l = g_new0 (OAuthListener, 1);
  l->fd = fd;
  l->redirect_uri = g_strdup_printf ("http://127.0.0.1:%u" OAUTH_LOOPBACK_PATH,
                                     (unsigned) ntohs (addr.sin_port));
  return l;
}

const char *
oauth_listener_redirect_uri (const OAuthListener *l)
{
  return l->redirect_uri;
}

void
oauth_listener_free (OAuthListener *l)
{
  if (l == NULL)
    return;
  close (l->fd);
  g_free (l->redirect_uri);
  g_free (l);
}

static void
answer (int c, const char *status, const char *text)
{
  g_autofree char *reply = g_strdup_printf (
      "HTTP/1.1 %s\r\nContent-Type: text/plain; charset=utf-8\r\n"
      "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
      status, strlen (text), text);
  for (gsize sent = 0, len = strlen (reply); sent < len;)
    {
      ssize_t n = send (c, reply + sent, len - sent, MSG_NOSIGNAL);
      if (n <= 0)
        break;
      sent += (gsize) n;
    }
}

/* The request line's target of a browser's request on C (at most ten
 * seconds for it), answered: the query of the callback, or NULL for
 * another path or no request. */
static char *
serve (int c)
{
  struct timeval ten = { .tv_sec = 10 };
  setsockopt (c, SOL_SOCKET, SO_RCVTIMEO, &ten, sizeof ten);
  setsockopt (c, SOL_SOCKET, SO_SNDTIMEO, &ten, sizeof ten);
  char buf[8192];
  ssize_t n = recv (c, buf, sizeof buf - 1, 0);
  if (n <= 0)
    return NULL;
  buf[n] = '\0';
  /* "GET /zoomwiz/callback?code=...&state=... HTTP/1.1" */
  char *target = g_str_has_prefix (buf, "GET ") ? buf + 4 : NULL;
  char *end = target ? strchr (target, ' ') : NULL;
  if (end == NULL)
    {
      answer (c, "400 Bad Request", "");
      return NULL;
    }
  *end = '\0';
  char *query = strchr (target, '?');
  if (query != NULL)
    *query++ = '\0';
  if (strcmp (target, OAUTH_LOOPBACK_PATH) != 0)
    {
      answer (c, "404 Not Found", "");
      return NULL;
    }
  answer (c, "200 OK", _("zoomwiz received the authorization. You may close "
                         "this page and return to the terminal.\n"));
  return g_strdup (query ? query : "");
}

char *
oauth_listener_wait (OAuthListener *l, guint wait_s, HttpIdleFunc idle, gpointer data,
                     GError **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) wait_s * G_USEC_PER_SEC;

  for (;;)
    {
      gint64 left = deadline - g_get_monotonic_time ();
      if (left <= 0)
        {
          g_set_error (error, ZW_ERROR, ZW_ERROR_TIMED_OUT,
                       _("no browser came back to %s within %u seconds"),
                       l->redirect_uri, wait_s);
          return NULL;
        }
      /* With an idle function, a tenth of a second at a time. */
      gint64 slice = idle != NULL ? MIN (left, G_USEC_PER_SEC / 10) : left;
      struct pollfd p = { .fd = l->fd, .events = POLLIN };
      int ready = poll (&p, 1, (int) ((slice + 999) / 1000));
      if (ready <= 0)
        {
          if (ready < 0 && errno != EINTR)
            {
              listener_error (error, "poll");
              return NULL;
            }
          if (idle != NULL && !idle (data))
            {
              g_set_error (error, ZW_ERROR, ZW_ERROR_CANCELLED, "%s", _("cancelled"));
              return NULL;
            }
          continue;
        }
      int c = accept4 (l->fd, NULL, NULL, SOCK_CLOEXEC);
      if (c < 0 && (errno == EINTR || errno == ECONNABORTED || errno == EAGAIN))
        continue;
      if (c < 0)
        {
          listener_error (error, "accept");
          return NULL;
        }
      char *query = serve (c);
      close (c);
      if (query != NULL)
        return query;
    }
}

char *
oauth_code_from_query (const char *query, const char *state, GError **error)
{
  g_autoptr (GHashTable) params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  const char *code = params ? g_hash_table_lookup (params, "code") : NULL;
  const char *got_state = params ? g_hash_table_lookup (params, "state") : NULL;
  const char *zoom_error = params ? g_hash_table_lookup (params, "error") : NULL;

  if (zoom_error != NULL)
    {
      /* Whoever sent the browser here wrote it: bounded, no control character. */
      g_autofree char *said = text_sanitize (zoom_error, -1, 100);
      g_set_error (error, ZW_ERROR, ZW_ERROR_PERMISSION_DENIED,
                   _("Zoom sent the browser back with error '%s'"), said);
      return NULL;
    }
  if (got_state == NULL || strcmp (got_state, state) != 0)
    {
      g_set_error (error, ZW_ERROR, ZW_ERROR_INVALID_DATA, "%s",
                   _("the state in the redirect is not the one zoomwiz sent: "
                     "the redirect did not come from this authorization"));
      return NULL;
    }
  if (code == NULL || *code == '\0')
    {
      g_set_error (error, ZW_ERROR, ZW_ERROR_INVALID_DATA, "%s",
                   _("the redirect carries no authorization code"));
      return NULL;
    }
  return g_strdup (code);
}
