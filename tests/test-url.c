/* test-url.c - the URL helpers of src/core/url.c: the loopback test, a URL's base.
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/url/loopback", test_loopback);
  g_test_add_func ("/url/base", test_base);
  return g_test_run ();
}
