/* marketplace.c - see marketplace.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "marketplace.h"
#include "transport.h"
#include "core/text.h"
#include "core/url.h"

#include <jansson.h>
#include <string.h>

#define VALIDATE_PATH "/v2/marketplace/apps/manifest/validate"
#define CREATE_PATH "/v2/marketplace/apps"
/* Zoom's code for "this app type is created on another route". */
#define CODE_WRONG_ROUTE 1500
/* Zoom's code for a token without the scope an endpoint needs. */
#define CODE_MISSING_SCOPE 4711

void
marketplace_app_free (MarketplaceApp *app)
{
  if (app == NULL)
    return;
  g_free (app->app_id);
  g_free (app->client_id);
  if (app->client_secret != NULL)
    explicit_bzero (app->client_secret, strlen (app->client_secret));
  g_free (app->client_secret);
  g_strfreev (app->scopes);
  g_free (app);
}

static HttpResponse *
post (const MarketplaceOptions *o, const char *url, const char *body)
{
  HttpRequest rq = { .method = "POST", .url = url, .body = body,
                     .content_type = "application/json", .bearer = o->token };
  g_autoptr (HttpClient) http = http_client_new (o->ca_file, o->timeout_s * 1000, o->log,
                                                 o->log_data);
  return http_client_send (http, &rq);
}

static char *
url_of (const MarketplaceOptions *o, const char *path)
{
  g_autofree char *base = url_base (o->api_url, TRUE);
  return g_strconcat (base, path, NULL);
}

/* The builder's scopes: what each lets zoomwiz do, what its lack
 * prevents. A task is allowed by any of its names (the user-level form
 * counts where Zoom's catalog has one). doc/reference/marketplace-api.md,
 * "Endpoints". */
static const struct
{
  MarketplaceTask task;
  const char *names[3];
  const char *does, *prevents;
} builder_scopes[] = {
  { MARKETPLACE_VALIDATE, { "marketplace:read:app:admin", "marketplace:read:app", NULL },
    N_("manifests can be validated"), N_("without it no manifest can be validated, so no "
                                         "General app created") },
  { MARKETPLACE_CREATE_GENERAL, { "marketplace:write:app:admin", "marketplace:write:app", NULL },
    N_("General apps can be created"), N_("without it no General app can be created") },
  { MARKETPLACE_CREATE_S2S, { "marketplace:write:app:master", NULL },
    N_("Server-to-Server apps can be created"),
    N_("without it no Server-to-Server app can be created") },
  { MARKETPLACE_ROTATE, { "marketplace:update:client_secret", NULL },
    N_("client secrets can be rotated"), N_("without it no client secret can be rotated") },
};

/* What a missing builder scope keeps zoomwiz from doing. */
static const char *
what_scope_allows (const char *scope)
{
  for (guint i = 0; i < G_N_ELEMENTS (builder_scopes); i++)
    for (guint n = 0; builder_scopes[i].names[n] != NULL; n++)
      if (strcmp (scope, builder_scopes[i].names[n]) == 0)
        return _(builder_scopes[i].prevents);
  return _("the Marketplace API needs it here");
}

gboolean
marketplace_builder_check (char **granted, guint needed, GPtrArray *checks)
{
  gboolean held_all = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (builder_scopes); i++)
    {
      const char *held = NULL;
      for (guint n = 0; held == NULL && builder_scopes[i].names[n] != NULL; n++)
        if (granted != NULL
            && g_strv_contains ((const char *const *) granted, builder_scopes[i].names[n]))
          held = builder_scopes[i].names[n];
      g_autofree char *id = g_strconcat ("builder:", builder_scopes[i].names[0], NULL);
      gboolean need = (needed & builder_scopes[i].task) != 0;
      if (held != NULL)
        checks_add (checks, id, CHECK_PASS, NULL, _("The builder's token holds %s: %s."),
                    held, _(builder_scopes[i].does));
      else if (need)
        {
          held_all = FALSE;
          g_autofree char *fix = g_strdup_printf (
              g_str_has_suffix (builder_scopes[i].names[0], ":master")
                  ? _("Add %s under the builder app's Scopes in the Marketplace (only "
                      "the account owner can add a :master scope), then run again: the "
                      "next token holds it.")
                  : _("Add %s under the builder app's Scopes in the Marketplace, then "
                      "run again: the next token holds it."),
              builder_scopes[i].names[0]);
          checks_add (checks, id, CHECK_FAIL, fix, _("The builder's token lacks %s: %s."),
                      builder_scopes[i].names[0], _(builder_scopes[i].prevents));
        }
      else
        checks_add (checks, id, CHECK_SKIP, NULL,
                    _("The builder's token lacks %s (not needed now): %s."),
                    builder_scopes[i].names[0], _(builder_scopes[i].prevents));
    }
  return held_all;
}

/* The scope named in Zoom's "does not contain scopes:[NAME]." */
static char *
scope_named (const char *message)
{
  const char *at = message != NULL ? strstr (message, "scopes:[") : NULL;
  if (at == NULL)
    return NULL;
  at += strlen ("scopes:[");
  const char *end = strchr (at, ']');
  return end != NULL ? text_sanitize (at, end - at, 100) : NULL;
}

/* A refusal of the Marketplace API as the failed check ID. */
static void
refused (GPtrArray *checks, const char *id, long status, json_t *j)
{
  g_autofree char *message = transport_json_text (j, "message", 300);
  json_int_t code = json_integer_value (json_object_get (j, "code"));
  g_autofree char *scope = scope_named (message);
  const char *said = message != NULL ? message : "-";

  if ((status == 401 || status == 403) && (code == CODE_MISSING_SCOPE || scope != NULL))
    {
      g_autofree char *fix = g_strdup_printf (
          _("Add %s under the builder app's Scopes in the Marketplace (only the account "
            "owner can add a :master scope), then run again: the next token holds it."),
          scope != NULL ? scope : "?");
      checks_add (checks, id, CHECK_FAIL, fix, _("The builder app's token lacks %s: %s."),
                  scope != NULL ? scope : said, what_scope_allows (scope != NULL ? scope : ""));
    }
  else if (status == 401)
    checks_add (checks, id, CHECK_FAIL,
                _("Run zoomwiz verify --profile BUILDER: the builder's credentials may "
                  "have changed, or the app was deactivated."),
                _("Zoom refused the builder app's token (HTTP 401: %s)."), said);
  else if (status == 404 && code == CODE_WRONG_ROUTE)
    checks_add (checks, id, CHECK_FAIL,
                _("A Server-to-Server app is created on the account's route: check the "
                  "profile's app_type."),
                _("Zoom creates this kind of app on another route (code 1500: %s)."), said);
  else if (status == 404 && strcmp (id, "create") != 0)
    checks_add (checks, id, CHECK_FAIL,
                _("Check the profile's app_id: it is in the address of the app's page in "
                  "the Marketplace (…/develop/applications/APP_ID/…), and the builder "
                  "must be of the same account."),
                _("Zoom knows no such app (HTTP 404: %s)."), said);
  else if (status == 400 && strcmp (id, "create") != 0 && strcmp (id, "validate") != 0)
    checks_add (checks, id, CHECK_FAIL,
                _("Run zoomwiz rotate again; the secret that worked before still works "
                  "until the time said."),
                _("Zoom refused the request (HTTP 400): %s"), said);
  else if (status == 400)
    checks_add (checks, id, CHECK_FAIL,
                _("Correct the answer Zoom names and run again; zoomwiz create --dry-run "
                  "checks the manifest alone."),
                _("Zoom refused the app (HTTP 400): %s"), said);
  else
    checks_add (checks, id, CHECK_FAIL, _("Run again with --verbose to see the request."),
                _("Zoom's Marketplace API answered HTTP %ld: %s"), status, said);
}

/* A 429 as the failed check ID, TRUE; else FALSE. Creating apps is a
 * HEAVY endpoint; a rotation's schedule may change 3 times in 15 minutes
 * (marketplace-api.md). Nothing changed at Zoom either way. */
static gboolean
rate_limited (GPtrArray *checks, const char *id, const HttpResponse *r)
{
  if (r->status != 429)
    return FALSE;
  const char *after = http_response_header (r, "retry-after");
  char *end = NULL;
  guint64 seconds = after != NULL ? g_ascii_strtoull (after, &end, 10) : 0;
  g_autofree char *wait = after != NULL && end != after && *end == '\0' && seconds <= 86400
                              ? g_strdup_printf (_("Run again in %u seconds (Zoom's "
                                                   "Retry-After)."),
                                                 (guint) seconds)
                              : g_strdup (_("Run again in some minutes."));
  g_autofree char *fix = NULL;
  if (strcmp (id, "create") == 0)
    {
      fix = g_strconcat (wait, " ", _("Nothing was created."), NULL);
      checks_add (checks, id, CHECK_FAIL, fix, "%s",
                  _("Zoom's rate limit for creating apps (a HEAVY endpoint) refused "
                    "the request (HTTP 429)."));
    }
  else
    {
      fix = g_strconcat (wait, " ", _("The secret that worked before still works."), NULL);
      checks_add (checks, id, CHECK_FAIL, fix, "%s",
                  _("Zoom allows 3 changes to a secret's rotation in 15 minutes, and "
                    "refused this one (HTTP 429)."));
    }
  return TRUE;
}

/* The answer key a manifest SETTING comes from, as findings name it. */
static const char *
key_of_setting (const char *setting)
{
  static const struct
  {
    const char *part, *key;
  } map[] = {
    { "usage", "management" },
    { "redirect_uri", "redirect_url" },
    { "allow_list", "allow_list" },
    { "scope", "scopes" },
    { "event_types", "events" },
    { "webhook_url", "event_endpoint" },
    { "event_subscription", "event_endpoint" },
    { "display_information", "preset" },
  };
  for (guint i = 0; setting != NULL && i < G_N_ELEMENTS (map); i++)
    if (strstr (setting, map[i].part) != NULL)
      return map[i].key;
  return "manifest";
}

gboolean
marketplace_validate (const MarketplaceOptions *o, const char *manifest, Findings *out,
                      GPtrArray *checks)
{
  g_autofree char *url = url_of (o, VALIDATE_PATH);
  g_autofree char *body = g_strdup_printf ("{\"manifest\": %s}", manifest);
  g_autoptr (HttpResponse) r = post (o, url, body);
  explicit_bzero (body, strlen (body));

  if (r->error != HTTP_OK)
    {
      transport_failure (checks, "validate", r, url, o->timeout_s, PEER_ZOOM);
      return FALSE;
    }
  json_t *j = transport_answer_json (checks, "validate", r, url);
  if (j == NULL)
    return FALSE;
  gboolean ok = FALSE;
  json_t *said_ok = json_object_get (j, "ok");
  json_t *errors = json_object_get (j, "errors");
  if (r->status != 200)
    refused (checks, "validate", r->status, j);
  else if (json_is_true (said_ok))
    {
      ok = TRUE;
      checks_add (checks, "validate", CHECK_PASS, NULL, "%s", _("Zoom accepted the manifest."));
    }
  else if (json_is_false (said_ok))
    {
      size_t i;
      json_t *e;
      json_array_foreach (errors, i, e)
        {
          g_autofree char *setting = transport_json_text (e, "setting", 120);
          g_autofree char *message = transport_json_text (e, "message", 300);
          findings_add (out, SEVERITY_ERROR, "manifest", key_of_setting (setting),
                        _("Zoom's manifest check refused %s: %s"),
                        setting != NULL ? setting : _("the manifest"),
                        message != NULL ? message : "-");
          findings_set_fix (out, "%s", _("Correct this answer in the profile (zoomwiz "
                                         "setup, or profiles import --force) and run "
                                         "again."));
        }
      if (json_array_size (errors) == 0)
        findings_add (out, SEVERITY_ERROR, "manifest", "manifest", "%s",
                      _("Zoom's manifest check refused the manifest without saying why."));
      checks_add (checks, "validate", CHECK_FAIL, NULL,
                  ngettext ("Zoom's manifest check found %u problem (above).",
                            "Zoom's manifest check found %u problems (above).",
                            MAX (1, (guint) json_array_size (errors))),
                  MAX (1, (guint) json_array_size (errors)));
    }
  else
    checks_add (checks, "validate", CHECK_FAIL, _("Check that api_url is Zoom's."),
                "%s", _("Zoom's answer to the manifest check has no ok."));
  json_decref (j);
  return ok;
}

/* The credentials of a create answer: development_credentials (a General
 * or Server-to-Server app), or credentials (an answer seen with
 * oauth_authorize_url). marketplace-api.md: "Never rely on the client
 * secret coming back". */
static json_t *
credentials_of (json_t *j)
{
  json_t *c = json_object_get (j, "development_credentials");
  return json_is_object (c) ? c : json_object_get (j, "credentials");
}

MarketplaceApp *
marketplace_create (const MarketplaceOptions *o, const char *body, const char *account_id,
                    GPtrArray *checks)
{
  g_autofree char *path = NULL;
  if (account_id != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (account_id, NULL, FALSE);
      path = g_strdup_printf ("/v2/accounts/%s/marketplace/apps", escaped);
    }
  g_autofree char *url = url_of (o, path != NULL ? path : CREATE_PATH);
  g_autoptr (HttpResponse) r = post (o, url, body);

  if (r->error != HTTP_OK)
    {
      transport_failure (checks, "create", r, url, o->timeout_s, PEER_ZOOM);
      return NULL;
    }
  if (rate_limited (checks, "create", r))
    return NULL;
  json_t *j = transport_answer_json (checks, "create", r, url);
  if (j == NULL)
    return NULL;
  MarketplaceApp *app = NULL;
  g_autofree char *app_id = transport_json_text (j, "app_id", 100);
  if ((r->status != 200 && r->status != 201) || app_id == NULL)
    {
      if (r->status == 200 || r->status == 201)
        checks_add (checks, "create", CHECK_FAIL, _("Check that api_url is Zoom's."),
                    _("Zoom answered HTTP %ld without an app_id."), r->status);
      else
        refused (checks, "create", r->status, j);
      json_decref (j);
      return NULL;
    }
  app = g_new0 (MarketplaceApp, 1);
  app->app_id = g_steal_pointer (&app_id);
  json_t *cred = credentials_of (j);
  app->client_id = transport_json_text (cred, "client_id", 100);
  /* A secret of anything but visible ASCII is not Zoom's: taken as none. */
  const char *secret = json_string_value (json_object_get (cred, "client_secret"));
  gboolean plain = secret != NULL && *secret != '\0' && strlen (secret) <= 200;
  for (const char *c = secret; plain && *c != '\0'; c++)
    plain = *c > 0x20 && *c < 0x7f;
  if (plain)
    app->client_secret = g_strdup (secret);
  json_t *kept = json_object_get (j, "scopes");
  if (json_is_array (kept))
    {
      GPtrArray *names = g_ptr_array_new ();
      size_t i;
      json_t *s;
      json_array_foreach (kept, i, s)
        {
          /* An array of names, or of {"scope": NAME}. */
          const char *name = json_is_string (s) ? json_string_value (s)
                                                : json_string_value (json_object_get (s, "scope"));
          if (name != NULL)
            g_ptr_array_add (names, text_sanitize (name, -1, 200));
        }
      g_ptr_array_add (names, NULL);
      app->scopes = (char **) g_ptr_array_free (names, FALSE);
    }
  checks_add (checks, "create", CHECK_PASS, NULL, _("Zoom created the app %s."), app->app_id);
  json_decref (j);
  return app;
}

/* The new secret in a rotation's answer. Its shape is UNCONFIRMED
 * (marketplace-api.md, "Rotate"): client_secret at the top, or in
 * credentials as a create's answer has it. Only visible ASCII is taken. */
static char *
secret_of_rotation (json_t *j)
{
  const char *s = json_string_value (json_object_get (j, "client_secret"));
  if (s == NULL)
    s = json_string_value (json_object_get (credentials_of (j), "client_secret"));
  gboolean plain = s != NULL && *s != '\0' && strlen (s) <= 200;
  for (const char *c = s; plain && *c != '\0'; c++)
    plain = *c > 0x20 && *c < 0x7f;
  return plain ? g_strdup (s) : NULL;
}

static json_t *
rotate_call (const MarketplaceOptions *o, const char *app_id, const char *id,
             const char *action, const char *when, GPtrArray *checks)
{
  g_autofree char *escaped = g_uri_escape_string (app_id, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v2/marketplace/apps/%s/rotate_client_secret",
                                           escaped);
  g_autofree char *url = url_of (o, path);
  json_t *rq = json_pack ("{s:s, s:s}", "action", action, "revoke_old_secret_time", when);
  g_autofree char *body = json_dumps (rq, JSON_COMPACT | JSON_SORT_KEYS);
  json_decref (rq);
  g_autoptr (HttpResponse) r = post (o, url, body);
  if (r->error != HTTP_OK)
    {
      transport_failure (checks, id, r, url, o->timeout_s, PEER_ZOOM);
      return NULL;
    }
  if (rate_limited (checks, id, r))
    return NULL;
  json_t *j = r->status == 204 ? json_object () : transport_answer_json (checks, id, r, url);
  if (j == NULL)
    return NULL;
  if (r->status != 200 && r->status != 201 && r->status != 204)
    {
      refused (checks, id, r->status, j);
      json_decref (j);
      return NULL;
    }
  return j;
}

gboolean
marketplace_rotate (const MarketplaceOptions *o, const char *app_id, char **new_secret,
                    char **revoke_at, GPtrArray *checks)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_days (now, MARKETPLACE_ROTATE_GRACE_DAYS);
  g_autofree char *when = g_date_time_format (later, "%Y-%m-%dT%H:%M:%SZ");
  json_t *j = rotate_call (o, app_id, "rotate", "new", when, checks);
  if (j == NULL)
    return FALSE;
  *new_secret = secret_of_rotation (j);
  g_autofree char *said = transport_json_text (j, "revoke_old_secret_time", 40);
  *revoke_at = g_strdup (said != NULL ? said : when);
  json_decref (j);
  checks_add (checks, "rotate", CHECK_PASS, NULL,
              _("Zoom started the rotation: the old secret stays valid until %s."),
              *revoke_at);
  return TRUE;
}

gboolean
marketplace_revoke_old (const MarketplaceOptions *o, const char *app_id, GPtrArray *checks)
{
  json_t *j = rotate_call (o, app_id, "revoke", "update", "now", checks);
  if (j == NULL)
    return FALSE;
  json_decref (j);
  checks_add (checks, "revoke", CHECK_PASS, NULL, "%s",
              _("Zoom revoked the old secret: only the new one works now."));
  return TRUE;
}
