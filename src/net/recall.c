/* recall.c - see recall.h. How Recall.ai answers (reference: integrations
 * §2): 201 with the app's "id"; 401 for a missing or wrong key; 400 with
 * {"field": ["message", ...]}; 429 with Retry-After.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "recall.h"
#include "transport.h"
#include "core/answers.h"
#include "core/text.h"

#include <jansson.h>
#include <string.h>

#define APPS_PATH "/api/v2/zoom-oauth-apps/"

const char *const *
recall_regions (void)
{
  /* The one list is the answers key's choices. */
  return answer_key_info (ANSWER_RECALL_REGION)->choices;
}

gboolean
recall_region_known (const char *region)
{
  return region != NULL && g_strv_contains (recall_regions (), region);
}

char *
recall_base_url (const char *region)
{
  return g_strdup_printf ("https://%s.recall.ai", region);
}

/* Recall's field errors, {"client_id": ["This field is required."]}, as one
 * line: "client_id: This field is required.; ...". */
static char *
field_errors (json_t *j)
{
  GString *s = g_string_new (NULL);
  const char *key;
  json_t *value;
  json_object_foreach (j, key, value)
    {
      g_autofree char *k = text_sanitize (key, -1, 40);
      g_string_append_printf (s, "%s%s:", s->len ? "; " : "", k);
      if (json_is_array (value))
        {
          size_t i;
          json_t *item;
          json_array_foreach (value, i, item)
            if (json_is_string (item))
              {
                g_autofree char *m = text_sanitize (json_string_value (item), -1, 120);
                g_string_append_printf (s, " %s", m);
              }
        }
      else if (json_is_string (value))
        {
          g_autofree char *m = text_sanitize (json_string_value (value), -1, 120);
          g_string_append_printf (s, " %s", m);
        }
    }
  return g_string_free (s, FALSE);
}

char *
recall_register (const RecallOptions *o, const char *body, GPtrArray *checks)
{
  g_autofree char *url = g_strconcat (o->base_url, APPS_PATH, NULL);
  g_autofree char *auth = g_strconcat ("Authorization: Token ", o->api_key, NULL);
  const char *headers[] = { auth, NULL };
  HttpRequest rq = { .method = "POST", .url = url, .body = body,
                     .content_type = "application/json", .headers = headers };
  g_autoptr (HttpClient) http = http_client_new (o->ca_file, o->timeout_s * 1000, o->log,
                                                 o->log_data);
  if (o->idle != NULL)
    http_client_set_idle (http, o->idle_fd, o->idle, o->idle_data);
  g_autoptr (HttpResponse) r = http_client_send (http, &rq);
  explicit_bzero (auth, strlen (auth));

  if (r->error != HTTP_OK)
    {
      transport_failure (checks, "register", r, url, o->timeout_s, PEER_SERVICE);
      return NULL;
    }
  json_t *j = json_loadb ((const char *) r->body->data, r->body->len, 0, NULL);
  g_autofree char *said = j != NULL && json_is_object (j) ? field_errors (j)
                          : r->body->len == 0 ? g_strdup (_("(the answer was empty)"))
                                              : text_sanitize ((const char *) r->body->data,
                                                               r->body->len, 120);
  const char *id = json_string_value (json_object_get (j, "id"));
  char *result = NULL;

  if ((r->status == 200 || r->status == 201) && id != NULL && *id != '\0')
    {
      result = text_sanitize (id, -1, 80);
      checks_add (checks, "register", CHECK_PASS, NULL,
                  _("Recall.ai registered the Zoom app as %s."), result);
    }
  else if (r->status == 200 || r->status == 201)
    checks_add (checks, "register", CHECK_FAIL,
                _("Check that the URL is Recall.ai's API."),
                _("Recall.ai answered HTTP %ld without an app id: %s"), r->status, said);
  else if (r->status == 401 || r->status == 403)
    {
      g_autofree char *fix = g_strdup_printf (
          _("Check the API key and its region: a key works only in the region it was "
            "made in (https://%s.recall.ai/dashboard/developers/api-keys)."),
          o->region);
      checks_add (checks, "register", CHECK_FAIL, fix,
                  _("Recall.ai refused the API key (HTTP %ld: %s)."), r->status, said);
    }
  else if (r->status == 400)
    checks_add (checks, "register", CHECK_FAIL,
                _("Correct these answers, import the profile again (profiles import "
                  "--force) and register again."),
                _("Recall.ai refused the app's values (HTTP 400): %s"), said);
  else if (r->status == 429)
    {
      const char *after = http_response_header (r, "retry-after");
      checks_add (checks, "register", CHECK_FAIL, _("Wait that long and run again."),
                  _("Recall.ai is rate-limiting this key (Retry-After: %s)."),
                  after ? after : "-");
    }
  else
    checks_add (checks, "register", CHECK_FAIL,
                r->status >= 500 ? _("Recall.ai has trouble of its own: try again later.")
                                 : _("Check the region and the URL."),
                _("Recall.ai answered HTTP %ld: %s"), r->status, said);
  json_decref (j);
  return result;
}
