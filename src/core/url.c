/* url.c - see url.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "url.h"
#include "secret.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

gboolean
url_host_is_loopback (const char *host)
{
  if (host == NULL)
    return FALSE;
  /* RFC 6761 6.3: localhost and the names under it are this machine. */
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  gsize len = strlen (host);
  if (len > strlen (".localhost")
      && g_ascii_strcasecmp (host + len - strlen (".localhost"), ".localhost") == 0)
    return TRUE;
  /* The address itself, parsed (dotted quads only, as inet_pton reads them). */
  g_autofree char *bare = len >= 2 && host[0] == '[' && host[len - 1] == ']'
                              ? g_strndup (host + 1, len - 2)
                              : NULL;
  struct in_addr v4;
  struct in6_addr v6;
  if (bare == NULL && inet_pton (AF_INET, host, &v4) == 1)
    return (ntohl (v4.s_addr) >> 24) == 127;
  if (inet_pton (AF_INET6, bare != NULL ? bare : host, &v6) == 1)
    return IN6_IS_ADDR_LOOPBACK (&v6) || (IN6_IS_ADDR_V4MAPPED (&v6) && v6.s6_addr[12] == 127);
  return FALSE;
}

char *
url_base (const char *url, gboolean api)
{
  gsize len = strlen (url);
  while (len > 0 && url[len - 1] == '/')
    len--;
  if (api && len >= 3 && strncmp (url + len - 3, "/v2", 3) == 0)
    len -= 3;
  return g_strndup (url, len);
}

const char *
url_secret_next (const char *url, const char *from, gsize *len)
{
  const char *q = url != NULL ? strchr (url, '?') : NULL;
  if (q == NULL)
    return NULL;
  /* "secret=" cannot begin at the ?, so p[-1] is in URL. */
  for (const char *p = strstr (from != NULL && from > q ? from : q, "secret="); p != NULL;
       p = strstr (p + 1, "secret="))
    if (p[-1] == '?' || p[-1] == '&')
      {
        const char *v = p + strlen ("secret=");
        *len = strcspn (v, "&#");
        return v;
      }
  return NULL;
}

char *
url_secrets_replaced (const char *url, const char *with)
{
  if (url == NULL)
    return g_strdup ("");
  /* Only the rest is copied: no copy of a secret is left behind. */
  GString *s = g_string_sized_new (strlen (url) + 1);
  const char *done = url;
  gsize len = 0;
  for (const char *v = url_secret_next (url, NULL, &len); v != NULL;
       v = url_secret_next (url, v + len, &len))
    {
      g_string_append_len (s, done, v - done);
      g_string_append (s, with);
      done = v + len;
    }
  g_string_append (s, done);
  return g_string_free (s, FALSE);
}

char *
url_for_display (const char *url)
{
  return url_secrets_replaced (url, "…");
}

char *
url_query (const char *first_key, ...)
{
  /* The values escaped first, so that the query is allocated once. */
  GPtrArray *escaped = g_ptr_array_new_with_free_func ((GDestroyNotify) secret_free);
  gsize size = 1;
  va_list ap;
  va_start (ap, first_key);
  for (const char *k = first_key; k != NULL; k = va_arg (ap, const char *))
    {
      char *ev = g_uri_escape_string (va_arg (ap, const char *), NULL, FALSE);
      size += strlen ("&=") + strlen (k) + strlen (ev);
      g_ptr_array_add (escaped, ev);
    }
  va_end (ap);
  GString *s = g_string_sized_new (size);
  guint i = 0;
  va_start (ap, first_key);
  for (const char *k = first_key; k != NULL; k = va_arg (ap, const char *), i++)
    {
      (void) va_arg (ap, const char *);
      g_string_append_printf (s, "%s%s=%s", i > 0 ? "&" : "", k,
                              (const char *) escaped->pdata[i]);
    }
  va_end (ap);
  g_ptr_array_free (escaped, TRUE);
  return g_string_free (s, FALSE);
}
