/* fuzz-zoom.c - every reading of a server's answer through the fake
 * transport: Zoom's token endpoint (Server-to-Server, the OAuth probe, the
 * code exchange), users/me, revoke, the event endpoint's answers as verify
 * reaches them, and Recall's create-app answer. The first byte picks the
 * path; the rest is the answers, in order. Every check must come out clean.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz.h"
#include "core/answers.h"
#include "net/recall.h"
#include "net/verify.h"

#include <string.h>

static char *state;

static void
show_authorize_url (const char *url, const char *redirect_uri, gpointer data)
{
  (void) redirect_uri, (void) data;
  const char *s = strstr (url, "state=");
  g_free (state);
  state = s ? g_strndup (s + 6, strcspn (s + 6, "&")) : g_strdup ("");
}

/* The browser lands on the redirect URL with the next part as its query,
 * where {state} stands for the state zoomwiz sent. */
static char *
read_landing_url (gpointer data)
{
  (void) data;
  g_autofree char *query = fuzz_transport_next_part ();
  if (query == NULL)
    return NULL;
  g_auto (GStrv) pieces = g_strsplit (query, "{state}", -1);
  g_autofree char *joined = g_strjoinv (state ? state : "", pieces);
  return g_strconcat ("https://127.0.0.1/cb?", joined, NULL);
}

static Answers *
answers_for (guint8 mode)
{
  Answers *a = answers_new ();
  answers_set (a, ANSWER_APP_TYPE, (mode & 3) == 0 ? "s2s" : "general", ORIGIN_ANSWER);
  answers_set (a, ANSWER_MANAGEMENT, "admin", ORIGIN_ANSWER);
  answers_set (a, ANSWER_ACCOUNT_ID, "AcCoUnTiD0000000000000", ORIGIN_ANSWER);
  answers_set (a, ANSWER_CLIENT_ID, "ClientId00000000000000", ORIGIN_ANSWER);
  answers_set (a, ANSWER_CLIENT_SECRET, "ClientSecret0000000000000000000000", ORIGIN_ANSWER);
  answers_set (a, ANSWER_REDIRECT_URL, "https://127.0.0.1/cb", ORIGIN_ANSWER);
  answers_set (a, ANSWER_SCOPES, "user:read:user:admin meeting:read:meeting:admin",
               ORIGIN_ANSWER);
  if (mode & 4)
    {
      answers_set (a, ANSWER_EVENT_ENDPOINT, "https://127.0.0.1/hook?secret=s3cr3t",
                   ORIGIN_ANSWER);
      answers_set (a, ANSWER_SECRET_TOKEN, "SecretToken0000000000000", ORIGIN_ANSWER);
      answers_set (a, ANSWER_EVENTS, "meeting.started meeting.ended", ORIGIN_ANSWER);
    }
  return a;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 1)
    return 0;
  guint8 mode = data[0];
  fuzz_transport_feed (data + 1, size - 1);

  if ((mode & 3) == 3)
    {
      /* Recall's create-app request. */
      RecallOptions o = { .base_url = "https://127.0.0.1", .region = "us-west-2",
                          .api_key = "RecallKey000000000000", .timeout_s = 5 };
      g_autoptr (GPtrArray) checks = checks_new ();
      g_autofree char *id = recall_register (&o, "{\"kind\":\"zoom_oauth\"}", checks);
      fuzz_assert_clean ("Recall's app id", id);
      fuzz_assert_clean_checks (checks);
      return 0;
    }

  g_autoptr (Answers) a = answers_for (mode);
  VerifyOptions o = {
    .zoom_url = "https://127.0.0.1",
    .api_url = "https://127.0.0.1",
    .timeout_s = 5,
    .max_wait_s = 30,
    .authorize = (mode & 3) == 2,
    .paste = TRUE,
    .show_authorize_url = show_authorize_url,
    .read_landing_url = read_landing_url,
    .idle_fd = -1,
    .catalog = fuzz_catalog (),
  };
  g_autoptr (Verification) v = verify_run (a, &o);
  fuzz_assert_clean_checks (v->checks);
  for (char **s = v->granted; s != NULL && *s != NULL; s++)
    fuzz_assert_clean ("a granted scope", *s);
  for (char **s = v->missing; s != NULL && *s != NULL; s++)
    fuzz_assert_clean ("a missing scope", *s);
  fuzz_assert_clean ("the API URL", v->api_url);
  g_clear_pointer (&state, g_free);
  return 0;
}
