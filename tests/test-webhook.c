/* test-webhook.c - Zoom's webhook wire format: the HMACs against vectors
 * computed independently with openssl, e.g.
 *   printf 'v0:1688752773:BODY' | openssl dgst -sha256 -hmac 'WHsecretToken'
 * and the bodies zoomwiz sends, byte for byte.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "core/webhook.h"

#include <jansson.h>
#include <string.h>

static void
test_hmac_vectors (void)
{
  static const struct
  {
    const char *secret, *message, *hex;
  } v[] = {
    { "tok", "abc", "6685cdc20d366e5335b55d65ca514a0515c98395dada3d158d19ba601af2acc2" },
    /* UTF-8 in the key and the message: bytes, not characters. */
    { "sëcret", "v0:1:é€", "0b3fde96c949ac7cec88794e2efaab1d9380b6425b75f0d656d838d113e1e07a" },
    { "", "x", "4cbc96099a6467ce002461f10549b4898265ebe6188b45efacc44293516e62c4" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (v); i++)
    {
      g_autofree char *hex = webhook_hmac_hex (v[i].secret, v[i].message, -1);
      g_assert_cmpstr (hex, ==, v[i].hex);
    }
}

static void
test_signature_vector (void)
{
  const char *body = "{\"event\":\"meeting.started\",\"payload\":{\"account_id\":\"x\"},"
                     "\"event_ts\":1688752773000}";
  g_autofree char *sig = webhook_signature ("WHsecretToken", "1688752773", body, strlen (body));
  g_assert_cmpstr (sig, ==,
                   "v0=c0f15114b0194b71208194be6786159c5b72f954d9f8c6b4a26d8a9792ceb5b1");
  /* The length counts, not a NUL: a body with a NUL byte signs all of it. */
  g_autofree char *cut = webhook_signature ("WHsecretToken", "1688752773", body, 10);
  g_assert_cmpstr (cut, !=, sig);
}

static void
test_encrypted_token_vector (void)
{
  /* The plainToken of Zoom's public fixtures. */
  g_autofree char *t = webhook_encrypted_token ("WHsecretToken", "qgg8vlvZRS6UYooatFL8Aw");
  g_assert_cmpstr (t, ==, "121d9328b0c2af2834c8f600931280bacec33095387637822d48551738674b2b");
}

static void
test_validation_body (void)
{
  g_autofree char *b = webhook_validation_body ("qgg8vlvZRS6UYooatFL8Aw", 1700000000123);
  g_assert_cmpstr (b, ==,
                   "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},"
                   "\"event_ts\":1700000000123,\"event\":\"endpoint.url_validation\"}");
  g_assert_true (webhook_body_is_compact (b, strlen (b)));
}

static void
test_plain_token (void)
{
  g_autofree char *a = webhook_plain_token (NULL);
  g_autofree char *b = webhook_plain_token (NULL);
  g_assert_cmpuint (strlen (a), ==, 22);
  g_assert_cmpstr (a, !=, b);
  for (const char *p = a; *p; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
}

static json_t *
parse (const char *s)
{
  json_t *j = json_loads (s, 0, NULL);
  g_assert_nonnull (j);
  return j;
}

static void
test_samples (void)
{
  static const char *const events[] = { "meeting.started", "meeting.ended", "meeting.created",
                                        "user.updated", "recording.completed",
                                        "recording.transcript_completed", "app_deauthorized" };
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autofree char *b = webhook_sample_body (events[i], "AcCoUnT", 1700000000123);
      g_assert_true (webhook_sample_known (events[i]));
      g_assert_true (webhook_body_is_compact (b, strlen (b)));
      /* Zoom's envelope, in Zoom's order. */
      g_assert_true (g_str_has_prefix (b, "{\"event\":\""));
      g_assert_true (g_str_has_suffix (b, ",\"event_ts\":1700000000123}"));
      json_t *j = parse (b);
      g_assert_cmpstr (json_string_value (json_object_get (j, "event")), ==, events[i]);
      g_assert_cmpstr (json_string_value (json_object_get (json_object_get (j, "payload"),
                                                           "account_id")),
                       ==, "AcCoUnT");
      json_decref (j);
    }

  /* The Mattermost plugin reads the meeting id of start and end as a string. */
  g_autofree char *ended = webhook_sample_body ("meeting.ended", NULL, 1700000000123);
  json_t *j = parse (ended);
  json_t *object = json_object_get (json_object_get (j, "payload"), "object");
  g_assert_true (json_is_string (json_object_get (object, "id")));
  g_assert_cmpstr (json_string_value (json_object_get (object, "end_time")), ==,
                   "2023-11-14T22:13:20Z");
  g_assert_nonnull (json_string_value (json_object_get (object, "uuid")));
  json_decref (j);

  /* An event without a sample of its own gets the bare envelope. */
  g_assert_false (webhook_sample_known ("webinar.ended"));
  g_autofree char *bare = webhook_sample_body ("webinar.ended", NULL, 5);
  g_assert_cmpstr (bare, ==,
                   "{\"event\":\"webinar.ended\",\"payload\":{\"account_id\":"
                   "\"zoomwizTestAccount0001\",\"object\":{}},\"event_ts\":5}");
}

static void
test_compact (void)
{
  static const struct
  {
    const char *body;
    gboolean compact;
  } v[] = {
    { "{\"a\":1,\"b\":[1,2]}", TRUE },
    { "{\"a\": 1}", FALSE },
    { "{\"a\":1}\n", FALSE },
    { "{\"b\":1,\"a\":2}", TRUE }, /* order is kept */
    { "not json", FALSE },
    { "", FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (v); i++)
    g_assert_cmpint (webhook_body_is_compact (v[i].body, strlen (v[i].body)), ==,
                     v[i].compact);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/webhook/hmac-vectors", test_hmac_vectors);
  g_test_add_func ("/webhook/signature-vector", test_signature_vector);
  g_test_add_func ("/webhook/encrypted-token-vector", test_encrypted_token_vector);
  g_test_add_func ("/webhook/validation-body", test_validation_body);
  g_test_add_func ("/webhook/plain-token", test_plain_token);
  g_test_add_func ("/webhook/samples", test_samples);
  g_test_add_func ("/webhook/compact", test_compact);
  return g_test_run ();
}
