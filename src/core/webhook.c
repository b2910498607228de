/* webhook.c - see webhook.h. The wire facts: Zoom's webhook sample and SDK
 * (reference: webhooks); payload shapes from the SDK's event types.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "webhook.h"
#include "secret.h"

#include <jansson.h>
#include <string.h>

char *
webhook_hmac_hex (const char *secret, const char *message, gssize len)
{
  GHmac *h = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));
  g_hmac_update (h, (const guchar *) message, len);
  char *hex = g_strdup (g_hmac_get_string (h)); /* GLib's hex is lower case */
  g_hmac_unref (h);
  return hex;
}

char *
webhook_signature (const char *secret, const char *timestamp, const char *body,
                   gsize body_len)
{
  GString *message = g_string_new ("v0:");
  g_string_append (message, timestamp);
  g_string_append_c (message, ':');
  g_string_append_len (message, body, (gssize) body_len);
  g_autofree char *hex = webhook_hmac_hex (secret, message->str, (gssize) message->len);
  g_string_free (message, TRUE);
  return g_strconcat ("v0=", hex, NULL);
}

char *
webhook_encrypted_token (const char *secret, const char *plain_token)
{
  return webhook_hmac_hex (secret, plain_token, -1);
}

char *
webhook_plain_token (GError **error)
{
  /* 16 bytes: 22 characters, the length of the tokens Zoom sends. */
  char *token = secret_generate (16, error);
  char *copy = g_strdup (token);
  if (token != NULL)
    secret_free (token);
  return copy;
}

static char *
dump_compact (json_t *j)
{
  char *s = json_dumps (j, JSON_COMPACT | JSON_PRESERVE_ORDER);
  char *copy = g_strdup (s);
  free (s);
  json_decref (j);
  return copy;
}

char *
webhook_validation_body (const char *plain_token, gint64 event_ts_ms)
{
  return dump_compact (json_pack ("{s:{s:s}, s:I, s:s}", "payload", "plainToken",
                                  plain_token, "event_ts", (json_int_t) event_ts_ms,
                                  "event", WEBHOOK_VALIDATION_EVENT));
}

/* The made-up things a sample names; "zoomwiz" in each, so that a receiver's
 * log shows where a test delivery came from. */
#define SAMPLE_ACCOUNT "zoomwizTestAccount0001"
#define SAMPLE_USER "zoomwizTestUser000001"
#define SAMPLE_MEETING_ID 81234567890
#define SAMPLE_MEETING_ID_TEXT "81234567890"
#define SAMPLE_UUID "zoomwizTestMeeting0001=="
#define SAMPLE_TOPIC "zoomwiz test event"

static char *
iso_time (gint64 ms, int minutes_before)
{
  g_autoptr (GDateTime) t = g_date_time_new_from_unix_utc (ms / 1000 - minutes_before * 60);
  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
}

/* Payload builders, one per event shape (the SDK's event types). */
static json_t *
meeting_object (gint64 ms, gboolean ended)
{
  g_autofree char *start = iso_time (ms, ended ? 30 : 0);
  g_autofree char *end = iso_time (ms, 0);
  /* meeting.started and meeting.ended carry the id as a string. */
  json_t *o = json_pack ("{s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:i}", "id",
                         SAMPLE_MEETING_ID_TEXT, "uuid", SAMPLE_UUID, "host_id",
                         SAMPLE_USER, "topic", SAMPLE_TOPIC, "type", 2, "start_time",
                         start, "timezone", "UTC", "duration", 30);
  if (ended)
    json_object_set_new (o, "end_time", json_string (end));
  return o;
}

static json_t *
payload_meeting_started (const char *account, gint64 ms)
{
  return json_pack ("{s:s, s:o}", "account_id", account, "object", meeting_object (ms, FALSE));
}

static json_t *
payload_meeting_ended (const char *account, gint64 ms)
{
  return json_pack ("{s:s, s:o}", "account_id", account, "object", meeting_object (ms, TRUE));
}

static json_t *
payload_meeting_created (const char *account, gint64 ms)
{
  g_autofree char *start = iso_time (ms, -60);
  return json_pack ("{s:s, s:s, s:s, s:s, s:{s:s, s:I, s:s, s:s, s:i, s:s, s:i, s:s, s:s}}",
                    "account_id", account, "operator", "admin@example.com", "operator_id",
                    SAMPLE_USER, "operation", "single", "object", "uuid", SAMPLE_UUID, "id",
                    (json_int_t) SAMPLE_MEETING_ID, "host_id", SAMPLE_USER, "topic",
                    SAMPLE_TOPIC, "type", 2, "start_time", start, "duration", 30, "timezone",
                    "UTC", "join_url", "https://zoom.us/j/" SAMPLE_MEETING_ID_TEXT);
}

static json_t *
payload_user_updated (const char *account, gint64 ms)
{
  return json_pack ("{s:s, s:s, s:s, s:s, s:{s:s, s:s}, s:I}", "account_id", account,
                    "operator", "admin@example.com", "operator_id", SAMPLE_USER,
                    "operation", "update", "object", "id", SAMPLE_USER, "first_name",
                    "zoomwiz", "time_stamp", (json_int_t) ms);
}

static json_t *
payload_recording (const char *account, gint64 ms, const char *file_type,
                   const char *recording_type)
{
  g_autofree char *start = iso_time (ms, 40);
  g_autofree char *end = iso_time (ms, 10);
  return json_pack ("{s:s, s:{s:s, s:I, s:s, s:s, s:i, s:s, s:i, s:i, s:[{s:s, s:s, s:s, "
                    "s:s, s:s, s:s}]}}",
                    "account_id", account, "object", "uuid", SAMPLE_UUID, "id",
                    (json_int_t) SAMPLE_MEETING_ID, "host_id", SAMPLE_USER, "topic",
                    SAMPLE_TOPIC, "type", 2, "start_time", start, "duration", 30,
                    "recording_count", 1, "recording_files", "id", "zoomwizTestFile0001",
                    "recording_start", start, "recording_end", end, "file_type", file_type,
                    "recording_type", recording_type, "status", "completed");
}

static json_t *
payload_recording_completed (const char *account, gint64 ms)
{
  return payload_recording (account, ms, "MP4", "shared_screen_with_speaker_view");
}

static json_t *
payload_transcript_completed (const char *account, gint64 ms)
{
  return payload_recording (account, ms, "TRANSCRIPT", "audio_transcript");
}

static json_t *
payload_app_deauthorized (const char *account, gint64 ms)
{
  g_autofree char *when = iso_time (ms, 0);
  return json_pack ("{s:s, s:s, s:s, s:s, s:s}", "account_id", account, "user_id",
                    SAMPLE_USER, "signature", "zoomwiz-test", "deauthorization_time", when,
                    "client_id", "zoomwizTestClient");
}

static const struct
{
  const char *event;
  json_t *(*payload) (const char *account, gint64 ms);
} samples[] = {
  { "meeting.started", payload_meeting_started },
  { "meeting.ended", payload_meeting_ended },
  { "meeting.created", payload_meeting_created },
  { "user.updated", payload_user_updated },
  { "recording.completed", payload_recording_completed },
  { "recording.transcript_completed", payload_transcript_completed },
  { "app_deauthorized", payload_app_deauthorized },
};

gboolean
webhook_sample_known (const char *event)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    if (strcmp (samples[i].event, event) == 0)
      return TRUE;
  return FALSE;
}

char *
webhook_sample_body (const char *event, const char *account_id, gint64 event_ts_ms)
{
  const char *account = account_id != NULL && *account_id ? account_id : SAMPLE_ACCOUNT;
  json_t *payload = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (samples) && payload == NULL; i++)
    if (strcmp (samples[i].event, event) == 0)
      payload = samples[i].payload (account, event_ts_ms);
  if (payload == NULL)
    payload = json_pack ("{s:s, s:{}}", "account_id", account, "object");
  /* Zoom's envelope: event, payload, event_ts. */
  return dump_compact (json_pack ("{s:s, s:o, s:I}", "event", event, "payload", payload,
                                  "event_ts", (json_int_t) event_ts_ms));
}

gboolean
webhook_body_is_compact (const char *body, gsize len)
{
  json_t *j = json_loadb (body, len, JSON_DECODE_ANY, NULL);
  if (j == NULL)
    return FALSE;
  char *again = json_dumps (j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
  gboolean same = again != NULL && strlen (again) == len && memcmp (again, body, len) == 0;
  free (again);
  json_decref (j);
  return same;
}
