/* test-oauth.c - the authorize URL of src/net/oauth.c, byte for byte, its
 * values escaped.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "net/oauth.h"

#include <string.h>

static void
test_authorize_url (void)
{
  OAuthPkce p = { "v", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "st4te_-x" };
  g_autofree char *url = oauth_authorize_url ("https://zoom.us", "AbCdEf012_-~.",
                                              "http://127.0.0.1:8123/zoomwiz/callback", &p);
  g_assert_cmpstr (url, ==,
                   "https://zoom.us/oauth/authorize?response_type=code&client_id=AbCdEf012_-~."
                   "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8123%2Fzoomwiz%2Fcallback"
                   "&state=st4te_-x&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                   "&code_challenge_method=S256");

  /* A value that would break the query: each byte outside the unreserved
   * ones escaped, and read back as it was. */
  const char *id = "a b&c=d+e/f?g#h%i\xc3\xa9j";
  const char *redirect = "https://x.example.com/cb?x=1&y=2";
  g_autofree char *odd = oauth_authorize_url ("https://127.0.0.1:4443", id, redirect, &p);
  g_assert_cmpstr (odd, ==,
                   "https://127.0.0.1:4443/oauth/authorize?response_type=code"
                   "&client_id=a%20b%26c%3Dd%2Be%2Ff%3Fg%23h%25i%C3%A9j"
                   "&redirect_uri=https%3A%2F%2Fx.example.com%2Fcb%3Fx%3D1%26y%3D2"
                   "&state=st4te_-x&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                   "&code_challenge_method=S256");
  g_autoptr (GUri) uri = g_uri_parse (odd, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_assert_nonnull (uri);
  g_autoptr (GHashTable) params
      = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  g_assert_nonnull (params);
  g_assert_cmpuint (g_hash_table_size (params), ==, 6);
  g_assert_cmpstr (g_hash_table_lookup (params, "client_id"), ==, id);
  g_assert_cmpstr (g_hash_table_lookup (params, "redirect_uri"), ==, redirect);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/oauth/authorize-url", test_authorize_url);
  return g_test_run ();
}
