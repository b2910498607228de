/* fuzz-url.c - the URL helpers over any text: url_for_display (what every
 * message shows of a URL) and the data without secrets, the loopback test,
 * a URL's base, a query of it, the origin and host for messages, the
 * api_url a token may offer, the http warning, and the query the browser
 * brings back from an authorization.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz.h"
#include "core/url.h"
#include "net/endpoint.h"
#include "net/oauth.h"
#include "net/transport.h"
#include "net/verify.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  g_free (url_for_display (text));
  url_host_is_loopback (text);
  g_free (url_base (text, TRUE));
  g_free (url_secrets_replaced (text, ""));
  g_free (url_query ("k", text, NULL));
  g_free (http_url_origin (text));
  g_free (transport_host_of (text));
  g_free (verify_accept_api_url (text, "https://api.zoom.us"));
  g_free (verify_accept_api_url (text, "https://api.zoomgov.com"));
  g_free (endpoint_http_warning (text));
  g_autoptr (GError) error = NULL;
  g_free (oauth_code_from_query (text, "st4te", &error));
  /* What the browser brings back is said in a check. */
  fuzz_assert_clean ("the authorization's error", error ? error->message : NULL);
  return 0;
}
