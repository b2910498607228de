/* fuzz-endpoint.c - the event endpoint test's reading of the receiver's
 * answers (the url_validation's encrypted token, each event's status),
 * through the fake transport. The first byte picks the options.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz.h"
#include "net/endpoint.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char *const events[] = { "meeting.started", "meeting.ended",
                                        "recording.completed", NULL };
  static const char *const urls[] = { "https://127.0.0.1/hook",
                                      "https://127.0.0.1/plugins/zoom/webhook?secret=abc",
                                      "http://127.0.0.1:8065/hook", "http://example.com/h" };
  if (size < 1)
    return 0;
  guint8 mode = data[0];
  fuzz_transport_feed (data + 1, size - 1);
  EndpointOptions o = {
    .url = urls[mode & 3],
    .secret_token = "SecretToken0000000000000",
    .events = (mode & 4) ? events : NULL,
    .account_id = (mode & 8) ? "AcCoUnTiD0000000000000" : NULL,
    .client_id = (mode & 16) ? "ClientId00000000000000" : NULL,
    .receiver_hint = (mode & 32) ? "the plugin's Secret Token setting" : NULL,
    .receiver_404 = (mode & 32) ? "the plugin's path and its state" : NULL,
    .timeout_s = 3,
    .allow_http = (mode & 64) != 0,
    .idle_fd = -1,
  };
  g_autoptr (GPtrArray) checks = checks_new ();
  endpoint_test (&o, checks);
  fuzz_assert_clean_checks (checks);
  return 0;
}
