/* test-url.c - the URL helpers of src/core/url.c: the loopback test, a URL's base,
 * a URL shown without its secret, a query made of pairs.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "core/url.h"

#include <string.h>

static void
test_loopback (void)
{
  static const char *const yes[]
      = { "localhost", "LocalHost", "app.localhost", "a.b.LOCALHOST", "127.0.0.1",
          "127.1.2.3", "127.255.255.255", "::1", "[::1]", "0:0:0:0:0:0:0:1",
          "[0:0::1]", "::ffff:127.0.0.1", "[::ffff:127.9.8.7]", "::FFFF:7f00:1" };
  static const char *const no[]
      = { "", "localhost.example.com", "localhostx", "xlocalhost", ".localhost",
          "128.0.0.1", "126.255.255.255", "127.0.0", "127.0.0.1.example.com",
          "127.0.0.256", "127.1", "0x7f.0.0.1", "2130706433", " 127.0.0.1",
          "127.0.0.1 ", "::2", "[::1", "::1]", "[[::1]]", "::ffff:128.0.0.1",
          "::ffff:10.0.0.1", "::127.0.0.1", "0.0.0.0", "::", "example.com",
          "10.0.0.1", "192.168.0.1", "fe80::1" };
  g_assert_false (url_host_is_loopback (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (!url_host_is_loopback (yes[i]))
      g_error ("'%s' is loopback, but said not", yes[i]);
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (url_host_is_loopback (no[i]))
      g_error ("'%s' is no loopback, but said so", no[i]);
}

static void
test_base (void)
{
  static const struct
  {
    const char *url;
    gboolean api;
    const char *base;
  } cases[] = {
    { "https://zoom.us", FALSE, "https://zoom.us" },
    { "https://zoom.us/", FALSE, "https://zoom.us" },
    { "https://zoom.us///", FALSE, "https://zoom.us" },
    { "https://zoomgov.com:8443/", FALSE, "https://zoomgov.com:8443" },
    { "https://zoom.us/v2", FALSE, "https://zoom.us/v2" },
    { "https://api.zoom.us/v2", TRUE, "https://api.zoom.us" },
    { "https://api.zoom.us/v2/", TRUE, "https://api.zoom.us" },
    { "https://api.zoom.us/v2//", TRUE, "https://api.zoom.us" },
    { "https://api.zoom.us/", TRUE, "https://api.zoom.us" },
    { "https://api.zoom.us/v2/v2", TRUE, "https://api.zoom.us/v2" },
    { "https://api.zoom.us/xv2", TRUE, "https://api.zoom.us/xv2" },
    { "https://127.0.0.1:4443/proxy/v2", TRUE, "https://127.0.0.1:4443/proxy" },
    { "", TRUE, "" },
    { "/", TRUE, "" },
    { "/v2", TRUE, "" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *b = url_base (cases[i].url, cases[i].api);
      g_assert_cmpstr (b, ==, cases[i].base);
    }
}

static void
test_for_display (void)
{
  static const struct
  {
    const char *url;
    const char *shown;
  } cases[] = {
    { "https://x.example.com/h?secret=abc&y=1", "https://x.example.com/h?secret=…&y=1" },
    { "https://x.example.com/h?notsecret=abc", "https://x.example.com/h?notsecret=abc" },
    { "https://x.example.com/h?a=1&secret=abc", "https://x.example.com/h?a=1&secret=…" },
    { "https://x.example.com/h?secret=a&secret=b#c", "https://x.example.com/h?secret=…&secret=…#c" },
    { "https://x.example.com/h?secret=", "https://x.example.com/h?secret=…" },
    { "https://x.example.com/h?secret=secret=x&z", "https://x.example.com/h?secret=…&z" },
    { "https://x.example.com/h?a#&secret=abc", "https://x.example.com/h?a#&secret=…" },
    { "https://x.example.com/h?a#secret=abc", "https://x.example.com/h?a#secret=abc" },
    { "https://x.example.com/h?secret", "https://x.example.com/h?secret" },
    { "https://x.example.com/h?Secret=abc", "https://x.example.com/h?Secret=abc" },
    { "https://x.example.com/secret=abc", "https://x.example.com/secret=abc" },
    { "https://x.example.com/&secret=abc?q", "https://x.example.com/&secret=abc?q" },
    { "?secret=abc", "?secret=…" },
    { "", "" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = url_for_display (cases[i].url);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  /* Left out, as the data without secrets has it. */
  g_autofree char *without = url_secrets_replaced ("https://x/h?secret=abc&b=1&secret=d#e", "");
  g_assert_cmpstr (without, ==, "https://x/h?secret=&b=1&secret=#e");
  gsize len = 0;
  const char *url = "https://x/h?a=1&secret=abc#e";
  const char *v = url_secret_next (url, NULL, &len);
  g_assert_nonnull (v);
  g_assert_cmpmem (v, len, "abc", 3);
  g_assert_null (url_secret_next (url, v + len, &len));
  g_assert_null (url_secret_next ("https://x/h?a=1", NULL, &len));
}

static void
test_query (void)
{
  g_autofree char *q = url_query ("grant_type", "authorization_code", "code", "a b&c=d",
                                  "redirect_uri", "https://x.example.com/cb?y=1#z",
                                  "empty", "", "name", "Zoë+~._-", NULL);
  g_assert_cmpstr (q, ==,
                   "grant_type=authorization_code&code=a%20b%26c%3Dd"
                   "&redirect_uri=https%3A%2F%2Fx.example.com%2Fcb%3Fy%3D1%23z"
                   "&empty=&name=Zo%C3%AB%2B~._-");
  g_autofree char *one = url_query ("token", "t0k3n", NULL);
  g_assert_cmpstr (one, ==, "token=t0k3n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/url/loopback", test_loopback);
  g_test_add_func ("/url/base", test_base);
  g_test_add_func ("/url/for-display", test_for_display);
  g_test_add_func ("/url/query", test_query);
  return g_test_run ();
}
