/* endpoint.c - see endpoint.h. Every reading of an event endpoint's answers
 * is here. How receivers behave: Zoom's SDK and sample check x-zm-signature
 * before they answer the validation (400 on a bad one); the Mattermost Zoom
 * plugin checks its own ?secret= first (401), answers the validation
 * without checking the signature, and checks it on events (401).
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "endpoint.h"
#include "transport.h"
#include "core/url.h"
#include "core/text.h"
#include "core/webhook.h"

#include <jansson.h>
#include <string.h>

#define VALIDATION_ID "webhook"

typedef struct
{
  const EndpointOptions *o;
  GPtrArray *checks;
  HttpClient *http;
  char *shown_url; /* the URL with ?secret= hidden */
} Ctx;

/* What a person can act on when the two copies of the Secret Token differ. */
static char *
secret_token_fix (const Ctx *x)
{
  return g_strdup_printf (_("Compare the copies of the Secret Token: the one on the "
                            "app's Features → Access page in the Zoom Marketplace "
                            "(Zoom signs with it), the one zoomwiz was given "
                            "(secret_token), and the receiver's (%s). Make the "
                            "receiver's equal to Zoom's."),
                          x->o->receiver_hint != NULL
                              ? x->o->receiver_hint
                              : _("its configuration; Zoom's sample reads "
                                  "ZOOM_WEBHOOK_SECRET_TOKEN"));
}

static gboolean
url_has_secret (const Ctx *x)
{
  return strcmp (x->shown_url, x->o->url) != 0;
}

/* The Mattermost Zoom plugin's event path. */
static gboolean
is_mattermost_url (const Ctx *x)
{
  g_autoptr (GUri) uri = g_uri_parse (x->o->url, G_URI_FLAGS_NONE, NULL);
  return uri != NULL && g_str_has_suffix (g_uri_get_path (uri), "/plugins/zoom/webhook");
}

/* A short, terminal-safe excerpt of an answer's body ("-" when empty). */
static char *
body_excerpt (const HttpResponse *r)
{
  if (r->body->len == 0)
    return g_strdup ("-");
  g_autofree char *s = text_sanitize ((const char *) r->body->data, r->body->len, 120);
  return g_strdup (g_strstrip (s));
}

/* Words receivers use when they refuse a signature. */
static gboolean
mentions_signature (const HttpResponse *r)
{
  if (r->body->len == 0)
    return FALSE;
  g_autofree char *body = g_ascii_strdown ((const char *) r->body->data, r->body->len);
  return strstr (body, "signature") != NULL || strstr (body, "verif") != NULL;
}

static HttpResponse *
post_signed (Ctx *x, const char *body)
{
  g_autofree char *ts = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *signature = webhook_signature (x->o->secret_token, ts, body, strlen (body));
  g_autofree char *h_ts = g_strconcat ("x-zm-request-timestamp: ", ts, NULL);
  g_autofree char *h_sig = g_strconcat ("x-zm-signature: ", signature, NULL);
  g_autofree char *h_track = g_strdup_printf ("x-zm-trackingid: zoomwiz_%08x%08x",
                                              g_random_int (), g_random_int ());
  g_autofree char *h_client = x->o->client_id != NULL
                                  ? g_strconcat ("clientid: ", x->o->client_id, NULL)
                                  : NULL;
  /* "Expect:" keeps libcurl from adding Expect: 100-continue, which Zoom
   * does not send. */
  const char *headers[] = { h_ts, h_sig, h_track, "Expect:", h_client, NULL };
  HttpRequest rq = { .method = "POST", .url = x->o->url, .body = body,
                     .content_type = WEBHOOK_CONTENT_TYPE, .headers = headers,
                     .user_agent = WEBHOOK_USER_AGENT, .allow_http = TRUE,
                     .keep_redirects = TRUE };
  return http_client_send (x->http, &rq);
}

/* An answer that is neither right nor a transport failure: the diagnosis
 * by status, for the validation (EVENT NULL) or an event. Returns FALSE
 * when the status says nothing wrong (2xx). */
static gboolean
judge_status (Ctx *x, const char *id, const char *event, const HttpResponse *r)
{
  g_autofree char *said = body_excerpt (r);
  long s = r->status;

  if (s >= 200 && s <= 299)
    return FALSE;
  if (s >= 300 && s <= 399)
    {
      const char *location = http_response_header (r, "location");
      g_autofree char *to = url_for_display (location ? location : "-");
      g_autofree char *fix = g_strdup_printf (_("Give Zoom the final address (%s): "
                                                "Zoom posts events to the address "
                                                "itself and expects the answer from "
                                                "there."),
                                              to);
      checks_add (x->checks, id, CHECK_FAIL, fix,
                  _("The endpoint answered with a redirect (HTTP %ld to %s) instead "
                    "of handling the request."),
                  s, to);
    }
  else if (s == 401 && event == NULL && (url_has_secret (x) || is_mattermost_url (x)))
    check_set_key (checks_add (x->checks, id, CHECK_FAIL,
                _("Make the URL's ?secret= the plugin's Webhook Secret (System "
                  "Console → Plugins → Zoom → Webhook Secret), not Zoom's Secret "
                  "Token, which belongs in the plugin's Zoom Webhook Secret setting."),
                url_has_secret (x)
                    ? _("The endpoint refused the request before reading it (HTTP "
                        "401: %s): the ?secret= value in the URL is wrong. The "
                        "Mattermost Zoom plugin checks it before anything else, "
                        "Zoom's validation included.")
                    : _("The endpoint refused the request before reading it (HTTP "
                        "401: %s): the URL has no ?secret=, which the Mattermost "
                        "Zoom plugin checks before anything else."),
                said), "webhook_secret");
  else if ((s == 401 || s == 403 || s == 400) && mentions_signature (r))
    {
      g_autofree char *fix = secret_token_fix (x);
      check_set_key (checks_add (x->checks, id, CHECK_FAIL, fix,
                  _("The endpoint rejected the signature (HTTP %ld: %s): it checks "
                    "x-zm-signature with another Secret Token than the one zoomwiz "
                    "was given."),
                  s, said), "secret_token");
    }
  else if ((s == 401 || s == 403) && event != NULL)
    {
      g_autofree char *fix = secret_token_fix (x);
      g_autofree char *full = g_strconcat (fix, " ", _("Also check that the clocks of "
                                                       "this machine and the receiver "
                                                       "agree: receivers refuse a "
                                                       "timestamp over 5 minutes off."),
                                           NULL);
      check_set_key (checks_add (x->checks, id, CHECK_FAIL, full,
                  _("The endpoint refused the signed %s (HTTP %ld: %s) although it "
                    "answered the validation: it checks the signature of events with "
                    "another Secret Token, or finds the timestamp too far off."),
                  event, s, said), "secret_token");
    }
  else if (s == 401 || s == 403)
    checks_add (x->checks, id, CHECK_FAIL,
                _("If the receiver checks x-zm-signature, its Secret Token differs "
                  "from Zoom's. If it wants credentials of its own, put them in the "
                  "URL: zoomwiz does not send the custom headers of the app's event "
                  "subscription (Add header)."),
                _("The endpoint refused the request as unauthorized (HTTP %ld: %s)."),
                s, said);
  else if (s == 404 && event != NULL)
    /* The same URL took the validation: the receiver routes on content, and
     * the sample names a meeting it never saw (the Mattermost plugin's
     * "meeting post not found"). */
    return FALSE;
  else if (s == 404)
    checks_add (x->checks, id, CHECK_FAIL,
                x->o->receiver_404 != NULL
                    ? x->o->receiver_404
                    : _("Check the path of the URL: it must be the receiver's "
                        "webhook handler, and the receiver must be running "
                        "there."),
                _("Nothing answers at this path (HTTP 404: %s)."), said);
  else if (s == 405)
    checks_add (x->checks, id, CHECK_FAIL,
                _("Check the path: Zoom POSTs every event, so the URL must be the "
                  "receiver's POST handler."),
                _("The address does not take POST requests (HTTP 405): it is not the "
                  "webhook receiver."));
  else if (s == 400 && event == NULL && r->body->len == 0 && is_mattermost_url (x))
    check_set_key (checks_add (x->checks, id, CHECK_FAIL,
                _("Paste the app's Secret Token (Features → Access) into System "
                  "Console → Plugins → Zoom → Zoom Webhook Secret, and save."),
                _("The endpoint refused the validation (HTTP 400, no reason given), "
                  "as the Mattermost Zoom plugin does while its Zoom Webhook Secret "
                  "setting is empty.")), "secret_token");
  else if (s >= 500)
    checks_add (x->checks, id, CHECK_FAIL,
                _("Look at the receiver's log. (The Mattermost Zoom plugin answers "
                  "501 until its settings are complete.)"),
                _("The receiver failed (HTTP %ld: %s)."), s, said);
  else if (event == NULL)
    checks_add (x->checks, id, CHECK_FAIL,
                _("Look at the receiver's log: it must answer endpoint.url_validation "
                  "with 200 and JSON {\"plainToken\", \"encryptedToken\"}."),
                _("The endpoint refused the validation (HTTP %ld: %s)."), s, said);
  else
    checks_add (x->checks, id, CHECK_FAIL,
                _("Look at the receiver's log: it took the validation but not this "
                  "event."),
                _("The endpoint refused the signed %s (HTTP %ld: %s)."), event, s, said);
  return TRUE;
}

/* A right answer that came too late for Zoom. */
static gboolean
judge_time (Ctx *x, const char *id, const HttpResponse *r)
{
  if (r->seconds <= WEBHOOK_ZOOM_WAIT_S)
    return FALSE;
  checks_add (x->checks, id, CHECK_FAIL,
              _("Answer first and do slow work afterwards: Zoom counts a later answer "
                "as a failed delivery and retries after 5, 20 and 60 minutes."),
              ngettext ("The endpoint answered right, but after %.1f seconds: too slow "
                        "for Zoom, which waits %d second.",
                        "The endpoint answered right, but after %.1f seconds: too slow "
                        "for Zoom, which waits %d seconds.",
                        WEBHOOK_ZOOM_WAIT_S),
              r->seconds, WEBHOOK_ZOOM_WAIT_S);
  return TRUE;
}

static gboolean
validate (Ctx *x)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *plain = webhook_plain_token (&error);
  if (plain == NULL)
    {
      checks_add (x->checks, VALIDATION_ID, CHECK_FAIL, NULL, "%s", error->message);
      return FALSE;
    }
  g_autofree char *body = webhook_validation_body (plain, g_get_real_time () / 1000);
  g_autoptr (HttpResponse) r = post_signed (x, body);
  const char *id = VALIDATION_ID;

  if (r->error != HTTP_OK)
    {
      transport_failure (x->checks, id, r, x->o->url, x->o->timeout_s, PEER_ENDPOINT);
      return FALSE;
    }
  if (judge_status (x, id, NULL, r))
    return FALSE;

  json_t *j = json_loadb ((const char *) r->body->data, r->body->len, 0, NULL);
  const char *got_plain = json_string_value (json_object_get (j, "plainToken"));
  const char *got_hmac = json_string_value (json_object_get (j, "encryptedToken"));
  g_autofree char *want = webhook_encrypted_token (x->o->secret_token, plain);
  g_autofree char *said = body_excerpt (r);
  gboolean ok = FALSE;

  if (r->status != 200)
    checks_add (x->checks, id, CHECK_FAIL,
                _("Answer event endpoint.url_validation with 200 and JSON "
                  "{\"plainToken\", \"encryptedToken\"}."),
                _("The endpoint answered the validation with HTTP %ld; Zoom needs 200 "
                  "with JSON."),
                r->status);
  else if (!json_is_object (j))
    {
      const char *type = http_response_header (r, "content-type");
      checks_add (x->checks, id, CHECK_FAIL,
                  _("The receiver must answer the validation itself with JSON "
                    "{\"plainToken\", \"encryptedToken\"}; a proxy, a login page or a "
                    "catch-all handler may answer instead."),
                  _("The endpoint answered the validation with something that is not "
                    "JSON (%s): %s"),
                  type ? type : "-", said);
    }
  else if (got_plain == NULL || strcmp (got_plain, plain) != 0)
    checks_add (x->checks, id, CHECK_FAIL,
                _("Answer with payload.plainToken of the request, unchanged."),
                _("The answer's plainToken is not the one zoomwiz sent (%s)."), said);
  else if (got_hmac == NULL)
    checks_add (x->checks, id, CHECK_FAIL,
                _("Answer encryptedToken: the lower-case hex HMAC-SHA256 of plainToken "
                  "with the Secret Token."),
                "%s", _("The answer has no encryptedToken."));
  else if (strcmp (got_hmac, want) != 0 && g_ascii_strcasecmp (got_hmac, want) == 0)
    checks_add (x->checks, id, CHECK_FAIL, _("Write the HMAC in lower-case hex."),
                "%s", _("The answer's encryptedToken is the right HMAC, but in upper-case "
                        "hex; Zoom's own code writes lower-case hex and compares text."));
  else if (strcmp (got_hmac, want) != 0)
    {
      g_autofree char *fix = secret_token_fix (x);
      check_set_key (checks_add (x->checks, id, CHECK_FAIL, fix, "%s",
                  _("The HMAC does not match: the endpoint's encryptedToken is not the "
                    "HMAC of plainToken with the Secret Token zoomwiz was given, so the "
                    "receiver holds another Secret Token.")), "secret_token");
    }
  else if (!judge_time (x, id, r))
    {
      checks_add (x->checks, id, CHECK_PASS, NULL,
                  _("The endpoint answered Zoom's validation challenge right in %.0f ms "
                    "(its encryptedToken is the HMAC of plainToken with your Secret "
                    "Token)."),
                  r->seconds * 1000);
      ok = TRUE;
    }
  json_decref (j);
  return ok;
}

static void
send_event (Ctx *x, const char *event)
{
  g_autofree char *id = g_strconcat (VALIDATION_ID ":", event, NULL);
  g_autofree char *body = webhook_sample_body (event, x->o->account_id,
                                               g_get_real_time () / 1000);
  g_autoptr (HttpResponse) r = post_signed (x, body);

  if (r->error != HTTP_OK)
    transport_failure (x->checks, id, r, x->o->url, x->o->timeout_s, PEER_ENDPOINT);
  else if (judge_status (x, id, event, r) || judge_time (x, id, r))
    return;
  else if (r->status == 404)
    {
      g_autofree char *said = body_excerpt (r);
      checks_add (x->checks, id, CHECK_PASS, NULL,
                  _("The endpoint took the signed %s and refused only the sample's "
                    "made-up meeting (HTTP 404: %s); Zoom's real events name real "
                    "meetings."),
                  event, said);
    }
  else
    checks_add (x->checks, id, CHECK_PASS, NULL,
                webhook_sample_known (event)
                    ? _("The endpoint accepted a signed sample %s (HTTP %ld, %.0f ms).")
                    : _("The endpoint accepted a signed %s with an empty payload (HTTP "
                        "%ld, %.0f ms); zoomwiz has no sample of this event."),
                event, r->status, r->seconds * 1000);
}

char *
endpoint_http_warning (const char *url)
{
  g_autoptr (GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  if (uri == NULL || g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0
      || url_host_is_loopback (g_uri_get_host (uri)))
    return NULL;
  return g_strdup_printf (_("%s is plain http: Zoom sends events only to https "
                            "endpoints."),
                          g_uri_get_host (uri));
}

void
endpoint_test (const EndpointOptions *o, GPtrArray *checks)
{
  g_autoptr (GUri) uri = o->url ? g_uri_parse (o->url, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autofree char *warning = endpoint_http_warning (o->url);
  Ctx x = { o, checks, NULL, url_for_display (o->url ? o->url : "") };
  const char *needs = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0
          && g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0))
    {
      checks_add (checks, VALIDATION_ID, CHECK_FAIL,
                  _("Write the whole address, starting with https:// and the host "
                    "name."),
                  _("'%s' is not a web address."), x.shown_url);
      needs = _("Needs a web address.");
    }
  else if (warning != NULL && !o->allow_http)
    {
      checks_add (checks, VALIDATION_ID, CHECK_FAIL,
                  _("Serve the endpoint over https. ('zoomwiz webhook test "
                    "--allow-http' tests an http receiver all the same.)"),
                  "%s", warning);
      needs = _("Needs an https endpoint.");
    }
  else
    {
      x.http = http_client_new (o->ca_file, o->timeout_s * 1000, o->log, o->log_data);
      if (o->idle != NULL)
        http_client_set_idle (x.http, o->idle_fd, o->idle, o->idle_data);
      if (!validate (&x))
        needs = _("Needs a passing validation: Zoom sends no events to an endpoint "
                  "that fails it.");
    }
  for (const char *const *e = o->events; e != NULL && *e != NULL; e++)
    {
      if (strcmp (*e, WEBHOOK_VALIDATION_EVENT) == 0)
        continue;
      if (needs != NULL)
        {
          g_autofree char *id = g_strconcat (VALIDATION_ID ":", *e, NULL);
          checks_add (checks, id, CHECK_SKIP, NULL, "%s", needs);
        }
      else
        send_event (&x, *e);
    }
  http_client_free (x.http);
  g_free (x.shown_url);
}
