/* verify.c - see verify.h. Every diagnosis of Zoom's answers is here, in
 * the tables and functions below.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "verify.h"
#include "endpoint.h"
#include "oauth.h"
#include "transport.h"
#include "core/text.h"
#include "core/url.h"

#include <jansson.h>
#include <string.h>

typedef struct
{
  HttpClient *http;
  const VerifyOptions *o;
  Verification *v;
  const Answers *a;
  const Catalog *catalog; /* NULL when none could be loaded */
} Ctx;

void
verification_free (Verification *v)
{
  if (v == NULL)
    return;
  g_ptr_array_unref (v->checks);
  g_strfreev (v->granted);
  g_strfreev (v->missing);
  g_free (v->api_url);
  if (v->token != NULL)
    explicit_bzero (v->token, strlen (v->token));
  g_free (v->token);
  g_free (v);
}

int
verification_exit_status (const Verification *v)
{
  return checks_exit_status (v->checks);
}

/* ---- transport ---------------------------------------------------------- */

/* Seconds a 429 asks to wait: Retry-After in seconds, as an HTTP date, or
 * as an ISO-8601 date (Zoom's daily limits); -1 when it says nothing. */
static gint64
retry_after_seconds (const HttpResponse *r)
{
  const char *v = http_response_header (r, "retry-after");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  if (v == NULL || *v == '\0')
    return -1;
  if (g_ascii_isdigit (*v))
    {
      guint64 n = 0;
      g_autoptr (GError) error = NULL;
      if (g_ascii_string_to_unsigned (v, 10, 0, G_MAXINT64, &n, &error))
        return (gint64) n;
      /* All digits, but past any 64-bit number: longer than any bound. */
      if (g_error_matches (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
        return G_MAXINT64;
    }
  gint64 t = text_http_date (v);
  if (t != -1)
    return MAX (0, (gint64) t - now);
  g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (v, NULL);
  if (dt != NULL)
    return MAX (0, g_date_time_to_unix (dt) - now);
  return -1;
}

/* Sends REQUEST; waits out a 429's Retry-After up to the bound, and tries a
 * 5xx once more, and nothing else. */
static HttpResponse *
call (Ctx *x, const HttpRequest *request)
{
  gint64 waited = 0;
  for (int attempt = 0;; attempt++)
    {
      HttpResponse *r = http_client_send (x->http, request);
      if (r->error != HTTP_OK || attempt >= 2)
        return r;
      if (r->status == 429)
        {
          gint64 wait = retry_after_seconds (r);
          /* Compared as a difference: a sum could overflow. */
          if (wait < 0 || wait > (gint64) x->o->max_wait_s - waited)
            return r;
          waited += wait;
          http_response_free (r);
          http_client_wait (x->http, (guint) wait);
          continue;
        }
      if (r->status >= 500 && attempt == 0)
        {
          http_response_free (r);
          http_client_sleep (x->http, 1);
          continue;
        }
      return r;
    }
}

/* ---- the token endpoint ----------------------------------------------- */

typedef enum
{
  GRANT_ANY,
  GRANT_S2S,   /* account_credentials */
  GRANT_PROBE, /* authorization_code with a made-up code */
  GRANT_CODE   /* authorization_code with the code of a real authorization */
} Grant;

/* How Zoom's {"error","reason"} answers read, per grant. The probe's reading
 * is inferred, not documented: a pass says only that Zoom accepted the
 * client ID and secret. */
static const struct
{
  Grant grant;
  const char *error;
  const char *reason_has; /* NULL: any reason */
  CheckStatus status;
  const char *message;
  const char *fix;
  const char *key; /* the answers keys a failure points at (Check.key) */
} token_answers[] = {
  { GRANT_ANY, "invalid_client", NULL, CHECK_FAIL,
    N_("Zoom refused the client ID or the client secret."),
    N_("Copy both again from the app's App Credentials page. Development and "
       "Production credentials differ: take both from the same one, the one "
       "environment names."), "client_id client_secret" },
  { GRANT_S2S, "invalid_request", NULL, CHECK_FAIL,
    N_("Zoom refused the account ID, or the app is not activated."),
    N_("Compare account_id with the App Credentials page, and activate the app "
       "on its Activation page: tokens work only for an activated app, a few "
       "minutes after activation."), "account_id" },
  { GRANT_S2S, "unsupported_grant_type", NULL, CHECK_FAIL,
    N_("These are not Server-to-Server credentials: Zoom refused the "
       "account_credentials grant for this client ID."),
    N_("Use the credentials of a Server-to-Server OAuth app, or write app_type "
       "= general if this is a General app."), "client_id" },
  { GRANT_PROBE, "invalid_request", "redirect", CHECK_FAIL,
    N_("Zoom accepted the client but not the redirect URL."),
    N_("Make redirect_url exactly the app's Redirect URL for OAuth."), "redirect_url" },
  { GRANT_PROBE, "invalid_grant", NULL, CHECK_PASS,
    N_("Zoom accepted the client ID and secret (checked without a user: it "
       "refused only the made-up authorization code)."),
    NULL, NULL },
  { GRANT_PROBE, "invalid_request", "code", CHECK_PASS,
    N_("Zoom accepted the client ID and secret (checked without a user: it "
       "refused only the made-up authorization code)."),
    NULL, NULL },
  { GRANT_CODE, "invalid_request", "redirect", CHECK_FAIL,
    N_("Zoom refused the redirect URI in the code exchange."),
    N_("The redirect URI must be the one the authorization used; run again."), NULL },
  { GRANT_CODE, "invalid_grant", NULL, CHECK_FAIL,
    N_("Zoom refused the authorization code (codes expire after 5 minutes and "
       "work once)."),
    N_("Run again and finish the authorization within 5 minutes."), NULL },
  { GRANT_CODE, "invalid_request", "verifier", CHECK_FAIL,
    N_("Zoom refused the PKCE code verifier."),
    N_("Run again; if it persists, report it: zoomwiz sends S256 challenges."), NULL },
  { GRANT_PROBE, "unsupported_grant_type", NULL, CHECK_FAIL,
    N_("These look like Server-to-Server credentials: Zoom refused the "
       "authorization-code grant."),
    N_("Write app_type = s2s and give account_id, or use the General app's "
       "credentials."), NULL },
};

/* Reads a token endpoint answer that is not a token into a check. */
static void
token_refused (Ctx *x, Grant grant, long status, json_t *j)
{
  const char *error = json_string_value (json_object_get (j, "error"));
  const char *reason = json_string_value (json_object_get (j, "reason"));
  g_autofree char *reason_lower = g_ascii_strdown (reason ? reason : "", -1);

  for (guint i = 0; error != NULL && i < G_N_ELEMENTS (token_answers); i++)
    {
      if ((token_answers[i].grant != GRANT_ANY && token_answers[i].grant != grant)
          || strcmp (token_answers[i].error, error) != 0
          || (token_answers[i].reason_has != NULL
              && strstr (reason_lower, token_answers[i].reason_has) == NULL))
        continue;
      Check *c = checks_add (x->v->checks, "credentials", token_answers[i].status,
                             token_answers[i].fix ? _(token_answers[i].fix) : NULL, "%s",
                             _(token_answers[i].message));
      if (c->status == CHECK_FAIL)
        check_set_key (c, token_answers[i].key);
      return;
    }
  /* Unknown answers are shown, not guessed at. */
  g_autofree char *e = transport_json_text (j, "error", 80);
  g_autofree char *why = transport_json_text (j, "reason", 200);
  checks_add (x->v->checks, "credentials", CHECK_FAIL,
             _("Compare the answers with the app's App Credentials page."),
             _("Zoom refused the token request (HTTP %ld, error '%s': %s)."), status,
             e ? e : "-", why ? why : "-");
}

static const char *
registrable_domain (const char *host)
{
  static const char *const domains[] = { "zoom.us", "zoomgov.com" };
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    {
      g_autofree char *dotted = g_strconcat (".", domains[i], NULL);
      if (g_ascii_strcasecmp (host, domains[i]) == 0 || g_str_has_suffix (host, dotted))
        return domains[i];
    }
  return NULL;
}

char *
verify_accept_api_url (const char *offered, const char *configured)
{
  g_autoptr (GUri) o = offered ? g_uri_parse (offered, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autoptr (GUri) c = g_uri_parse (configured, G_URI_FLAGS_NONE, NULL);
  if (o == NULL || c == NULL || g_uri_get_host (o) == NULL
      || g_ascii_strcasecmp (g_uri_get_scheme (o), "https") != 0)
    return NULL;
  const char *domain = registrable_domain (g_uri_get_host (c));
  if (domain != NULL ? g_strcmp0 (registrable_domain (g_uri_get_host (o)), domain) == 0
                     : (g_ascii_strcasecmp (g_uri_get_host (o), g_uri_get_host (c)) == 0
                        && g_uri_get_port (o) == g_uri_get_port (c)))
    return url_base (offered, TRUE);
  return NULL;
}

/* ---- the checks --------------------------------------------------------- */

static void
skip_rest (Ctx *x, const char *why)
{
  static const char *const ids[] = { "user", "scopes" };
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    checks_add (x->v->checks, ids[i], CHECK_SKIP, NULL, "%s", why);
}

/* users/me refused a Server-to-Server token for another reason than a
 * scope (one Zoom note says not to call it with one): the account's first
 * user instead. TRUE when that answer is the check; FALSE leaves the
 * diagnosis to users/me's answer (ME_STATUS, ME_CODE, ME_MESSAGE). */
static gboolean
check_user_list (Ctx *x, const char *token, long me_status, const char *me_code,
                 const char *me_message)
{
  g_autofree char *url = g_strconcat (x->v->api_url, "/v2/users?page_size=1", NULL);
  HttpRequest rq = { .method = "GET", .url = url, .bearer = token };
  g_autoptr (HttpResponse) r = call (x, &rq);
  if (r->error != HTTP_OK)
    {
      transport_failure (x->v->checks, "user", r, url, x->o->timeout_s, PEER_ZOOM);
      return TRUE;
    }
  json_t *j = transport_answer_json (x->v->checks, "user", r, url);
  if (j == NULL)
    return TRUE;
  g_autofree char *message = transport_json_text (j, "message", 300);
  gboolean said = TRUE;
  if (r->status == 200)
    {
      json_t *first = json_array_get (json_object_get (j, "users"), 0);
      g_autofree char *email = transport_json_text (first, "email", 120);
      checks_add (x->v->checks, "user", CHECK_PASS, NULL,
                  _("Zoom answers for the account's users (the first: %s). "
                    "/v2/users/me refused the Server-to-Server token (HTTP %ld, "
                    "code %s: %s), so zoomwiz asked /v2/users instead."),
                  email ? email : "?", me_status, me_code, me_message ? me_message : "-");
    }
  else if (message != NULL && strstr (message, "does not contain scopes") != NULL)
    /* Zoom took the token and judged its scopes: no credentials failure. */
    checks_add (x->v->checks, "user", CHECK_SKIP,
                _("Add user:read:list_users:admin if the integration lists "
                  "users; zoomwiz can then read one."),
                _("/v2/users/me refused the Server-to-Server token (HTTP %ld, code "
                  "%s: %s), and /v2/users needs a scope it lacks: %s"),
                me_status, me_code, me_message ? me_message : "-", message);
  else
    said = FALSE;
  json_decref (j);
  return said;
}

static void
check_user (Ctx *x, const char *token, gboolean s2s)
{
  g_autofree char *url = g_strconcat (x->v->api_url, "/v2/users/me", NULL);
  HttpRequest rq = { .method = "GET", .url = url, .bearer = token };
  g_autoptr (HttpResponse) r = call (x, &rq);
  if (r->error != HTTP_OK)
    {
      transport_failure (x->v->checks, "user", r, url, x->o->timeout_s, PEER_ZOOM);
      return;
    }
  json_t *j = transport_answer_json (x->v->checks, "user", r, url);
  if (j == NULL)
    return;
  g_autofree char *message = transport_json_text (j, "message", 300);
  g_autofree char *code = g_strdup_printf ("%" JSON_INTEGER_FORMAT,
                                           json_integer_value (json_object_get (j, "code")));
  if (r->status == 200)
    {
      g_autofree char *email = transport_json_text (j, "email", 120);
      g_autofree char *account = transport_json_text (j, "account_id", 60);
      checks_add (x->v->checks, "user", CHECK_PASS, NULL, _("Zoom answers for %s (account %s)."),
                 email ? email : "?", account ? account : "?");
    }
  else if (message != NULL && strstr (message, "does not contain scopes") != NULL)
    /* A scope finding, not a credentials failure (the scopes check judges). */
    checks_add (x->v->checks, "user", CHECK_SKIP,
               _("Add a user:read scope if the integration reads users."),
               _("The token may not read its user: %s"), message);
  /* Code 124 is the token itself refused: no other call would take it. */
  else if (s2s && r->status >= 400 && r->status <= 499 && strcmp (code, "124") != 0
           && check_user_list (x, token, r->status, code, message))
    {
      /* /v2/users's answer is the check. */
    }
  else if (r->status == 401)
    checks_add (x->v->checks, "user", CHECK_FAIL,
               _("The app may have been deactivated or its secret regenerated "
                 "just now: check its Activation page and run again."),
               _("Zoom refused the token it had just issued (code %s: %s)."),
               code, message ? message : "-");
  else
    checks_add (x->v->checks, "user", CHECK_FAIL, NULL, _("Zoom answered HTTP %ld (code %s: %s)."),
               r->status, code, message ? message : "-");
  json_decref (j);
}

static void
check_scopes (Ctx *x)
{
  g_auto (GStrv) required = answers_list (x->a, ANSWER_SCOPES);
  GPtrArray *missing = g_ptr_array_new ();
  g_autoptr (GPtrArray) unknown = g_ptr_array_new ();
  guint compared = 0;
  for (char **s = required; *s != NULL; s++)
    {
      if (g_strv_contains ((const char *const *) x->v->granted, *s))
        compared++;
      /* A name Zoom's API catalog does not know (Mattermost's guide names
       * two: event-only scopes, maybe) may never be in a token's scope
       * string, so its absence says nothing. */
      else if (x->catalog != NULL && catalog_lookup (x->catalog, *s) == NULL)
        g_ptr_array_add (unknown, *s);
      else
        {
          compared++;
          g_ptr_array_add (missing, g_strdup (*s));
        }
    }
  g_ptr_array_add (missing, NULL);
  x->v->missing = (char **) g_ptr_array_free (missing, FALSE);

  guint n = g_strv_length (x->v->missing);
  if (required[0] == NULL)
    checks_add (x->v->checks, "scopes", CHECK_SKIP, NULL, "%s", _("The answers name no scopes to compare."));
  else if (compared == 0)
    checks_add (x->v->checks, "scopes", CHECK_SKIP, NULL, "%s",
                _("None of the scopes the answers need is in Zoom's API scope "
                  "catalog, so none is compared with the token."));
  else if (n == 0 && unknown->len > 0)
    checks_add (x->v->checks, "scopes", CHECK_PASS, NULL,
               ngettext ("The token carries the %u scope the answers need that "
                         "Zoom's API scope catalog knows.",
                         "The token carries all %u scopes the answers need that "
                         "Zoom's API scope catalog knows.",
                         compared),
               compared);
  else if (n == 0)
    checks_add (x->v->checks, "scopes", CHECK_PASS, NULL,
               ngettext ("The token carries the %u scope the answers need.",
                         "The token carries all %u scopes the answers need.",
                         g_strv_length (required)),
               g_strv_length (required));
  else
    {
      g_autofree char *list = g_strjoinv (", ", x->v->missing);
      /* A new or changed Server-to-Server app issues tokens without its
       * scopes for a while (about 12 s seen by Zoom, up to 5 minutes). */
      checks_add (x->v->checks, "scopes", CHECK_FAIL,
                 answers_app_type (x->a) == APP_TYPE_S2S
                     ? _("Add each on the app's Scopes page (Add Scopes) and save; "
                         "the next token carries them. If they are there already "
                         "and the app is new, just activated or changed, Zoom may "
                         "issue tokens without them for a while: wait a minute and "
                         "verify again.")
                     : _("Add each on the app's Scopes page (Add Scopes) and save; the "
                         "next token carries them."),
                 ngettext ("The token lacks %s.", "The token lacks these scopes: %s.", n),
                 list);
    }
  for (guint i = 0; i < unknown->len; i++)
    {
      g_autofree char *id = g_strconcat ("scopes:", (char *) unknown->pdata[i], NULL);
      checks_add (x->v->checks, id, CHECK_SKIP,
                  _("Check that the app's Scopes page lists it; if Zoom does not "
                    "offer it, remove it from scopes."),
                  _("Not compared: %s is not in Zoom's API scope catalog, and the "
                    "token does not carry it (a scope the catalog lacks may come "
                    "only with events, so its absence is not held against the "
                    "app)."),
                  (char *) unknown->pdata[i]);
    }
}

/* Asks the token endpoint for a token with BODY. Returns Zoom's answer
 * holding an access_token, with the granted scopes and the api_url rule
 * applied; otherwise NULL, after adding the failed check and the skips. */
static json_t *
request_token (Ctx *x, const char *token_url, char *body, Grant grant)
{
  HttpRequest rq = { .method = "POST", .url = token_url, .body = body,
                     .basic_user = answers_get (x->a, ANSWER_CLIENT_ID),
                     .basic_password = answers_get (x->a, ANSWER_CLIENT_SECRET) };
  g_autoptr (HttpResponse) r = call (x, &rq);
  json_t *j = NULL;

  explicit_bzero (body, strlen (body));
  if (r->error != HTTP_OK)
    transport_failure (x->v->checks, "credentials", r, token_url, x->o->timeout_s, PEER_ZOOM);
  else if ((j = transport_answer_json (x->v->checks, "credentials", r, token_url)) != NULL
           && (r->status != 200
               || json_string_value (json_object_get (j, "access_token")) == NULL))
    {
      token_refused (x, grant, r->status, j);
      g_clear_pointer (&j, json_decref);
    }
  if (j == NULL)
    {
      skip_rest (x, _("Needs a token."));
      return NULL;
    }
  /* Zoom's words, shown as the token's scopes. */
  const char *scope = json_string_value (json_object_get (j, "scope"));
  g_autofree char *said = scope != NULL ? text_sanitize (scope, -1, 20000) : NULL;
  x->v->granted = text_split (said, " ");
  g_autofree char *api = verify_accept_api_url (
      json_string_value (json_object_get (j, "api_url")), x->o->api_url);
  if (api != NULL)
    {
      g_free (x->v->api_url);
      x->v->api_url = g_steal_pointer (&api);
    }
  return j;
}

static void
verify_s2s (Ctx *x, const char *token_url)
{
  g_autofree char *body = url_query ("grant_type", "account_credentials", "account_id",
                                     answers_get (x->a, ANSWER_ACCOUNT_ID), NULL);
  json_t *j = request_token (x, token_url, body, GRANT_S2S);
  if (j == NULL)
    return;
  checks_add (x->v->checks, "credentials", CHECK_PASS, NULL,
             ngettext ("Zoom issued a Server-to-Server token with %u scope.",
                       "Zoom issued a Server-to-Server token with %u scopes.",
                       g_strv_length (x->v->granted)),
             g_strv_length (x->v->granted));
  g_autofree char *t = g_strdup (json_string_value (json_object_get (j, "access_token")));
  json_decref (j);
  check_user (x, t, TRUE);
  if (x->o->keep_token)
    x->v->token = g_strdup (t);
  explicit_bzero (t, strlen (t));
  check_scopes (x);
}

static void
verify_oauth (Ctx *x, const char *token_url)
{
  g_autofree char *code = g_strdup_printf ("zoomwiz-probe-%08x%08x", g_random_int (),
                                           g_random_int ());
  const char *redirect = answers_get (x->a, ANSWER_REDIRECT_URL);
  g_autofree char *body = url_query ("grant_type", "authorization_code", "code", code,
                                     "redirect_uri", redirect ? redirect : "", NULL);
  HttpRequest rq = { .method = "POST", .url = token_url, .body = body,
                     .basic_user = answers_get (x->a, ANSWER_CLIENT_ID),
                     .basic_password = answers_get (x->a, ANSWER_CLIENT_SECRET) };
  g_autoptr (HttpResponse) r = call (x, &rq);
  const char *later = x->o->authorize_hint != NULL
                          ? x->o->authorize_hint
                          : _("Needs a user's authorization: run verify --authorize.");

  if (r->error != HTTP_OK)
    transport_failure (x->v->checks, "credentials", r, token_url, x->o->timeout_s, PEER_ZOOM);
  else
    {
      json_t *j = transport_answer_json (x->v->checks, "credentials", r, token_url);
      if (j != NULL && r->status == 200)
        checks_add (x->v->checks, "credentials", CHECK_FAIL, NULL, "%s",
                   _("Zoom issued a token for a made-up authorization code; this "
                     "is not Zoom's behaviour. Check zoom_url."));
      else if (j != NULL)
        token_refused (x, GRANT_PROBE, r->status, j);
      json_decref (j);
    }
  skip_rest (x, later);
}

static void
revoke_token (Ctx *x, const char *token)
{
  g_autofree char *zoom = url_base (x->o->zoom_url, FALSE);
  g_autofree char *url = g_strconcat (zoom, "/oauth/revoke", NULL);
  g_autofree char *body = url_query ("token", token, NULL);
  HttpRequest rq = { .method = "POST", .url = url, .body = body,
                     .basic_user = answers_get (x->a, ANSWER_CLIENT_ID),
                     .basic_password = answers_get (x->a, ANSWER_CLIENT_SECRET) };
  g_autoptr (HttpResponse) r = call (x, &rq);
  explicit_bzero (body, strlen (body));
  if (r->error != HTTP_OK)
    transport_failure (x->v->checks, "revoke", r, url, x->o->timeout_s, PEER_ZOOM);
  else if (r->status == 200)
    checks_add (x->v->checks, "revoke", CHECK_PASS, NULL, "%s",
               _("The test token was revoked; nothing is left behind."));
  else
    checks_add (x->v->checks, "revoke", CHECK_FAIL,
               _("Remove the test authorization under Added Apps in the Zoom "
                 "Marketplace."),
               _("Zoom did not revoke the test token (HTTP %ld)."), r->status);
}

static gboolean
idle (gpointer data)
{
  Ctx *x = data;
  return x->o->idle (x->v->checks, x->o->idle_data);
}

/* The authorization-code flow: PKCE, the browser, the code exchange, then
 * the same user and scope checks as a Server-to-Server token, and revoke. */
static void
verify_authorize (Ctx *x, const char *token_url)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OAuthPkce) pkce = oauth_pkce_new (&error);
  g_autoptr (OAuthListener) listener = NULL;
  g_autofree char *query = NULL;
  const char *redirect;
  const char *needs = _("Needs the authorization to finish.");

  if (pkce == NULL)
    {
      checks_add (x->v->checks, "credentials", CHECK_FAIL, NULL, "%s", error->message);
      skip_rest (x, needs);
      return;
    }
  if (x->o->paste)
    redirect = answers_get (x->a, ANSWER_REDIRECT_URL);
  else
    {
      listener = oauth_listener_new (&error);
      if (listener == NULL)
        {
          checks_add (x->v->checks, "credentials", CHECK_FAIL, _("Use --paste to copy the URL "
                                                     "the browser lands on instead."),
                     _("Cannot listen on 127.0.0.1: %s"), error->message);
          skip_rest (x, needs);
          return;
        }
      redirect = oauth_listener_redirect_uri (listener);
    }
  g_autofree char *zoom = url_base (x->o->zoom_url, FALSE);
  g_autofree char *url = oauth_authorize_url (zoom, answers_get (x->a, ANSWER_CLIENT_ID),
                                              redirect, pkce);
  x->o->show_authorize_url (url, redirect, x->o->ui_data);
  if (x->o->paste)
    {
      g_autofree char *landing = x->o->read_landing_url (x->o->ui_data);
      const char *q = landing ? strchr (landing, '?') : NULL;
      query = q ? g_strdup (q + 1) : NULL;
      if (query == NULL)
        g_set_error (&error, ZW_ERROR, ZW_ERROR_INVALID_DATA, "%s",
                     _("no URL with a query (?code=...) was pasted"));
    }
  else
    query = oauth_listener_wait (listener, x->o->authorize_wait_s,
                                 x->o->idle != NULL ? idle : NULL, x, &error);

  g_autofree char *code = query ? oauth_code_from_query (query, pkce->state, &error) : NULL;
  if (g_error_matches (error, ZW_ERROR, ZW_ERROR_CANCELLED))
    {
      checks_add (x->v->checks, "credentials", CHECK_SKIP, NULL, "%s",
                  _("The authorization was cancelled."));
      skip_rest (x, needs);
      return;
    }
  if (code == NULL)
    {
      g_autofree char *fix
          = x->o->paste ? g_strdup (_("Paste the whole address the browser shows "
                                      "after you allow the app."))
                        : g_strdup_printf (_("Add %s to the app's OAuth allow list "
                                             "(Development), open the URL, and allow "
                                             "the app."),
                                           OAUTH_LOOPBACK_ALLOW_URL);
      checks_add (x->v->checks, "credentials", CHECK_FAIL, fix,
                 _("The authorization did not come back: %s."), error->message);
      skip_rest (x, needs);
      return;
    }

  g_autofree char *body = url_query ("grant_type", "authorization_code", "code", code,
                                     "redirect_uri", redirect, "code_verifier",
                                     pkce->verifier, NULL);
  json_t *j = request_token (x, token_url, body, GRANT_CODE);
  explicit_bzero (body, strlen (body));
  if (j == NULL)
    return;
  checks_add (x->v->checks, "credentials", CHECK_PASS, NULL,
             ngettext ("Zoom issued a user token with %u scope after the "
                       "authorization.",
                       "Zoom issued a user token with %u scopes after the "
                       "authorization.",
                       g_strv_length (x->v->granted)),
             g_strv_length (x->v->granted));
  g_autofree char *t = g_strdup (json_string_value (json_object_get (j, "access_token")));
  json_decref (j);
  check_user (x, t, FALSE);
  check_scopes (x);
  revoke_token (x, t);
  explicit_bzero (t, strlen (t));
}


/* The event endpoint, when the answers have one and the Secret Token. */
static void
verify_endpoint (Ctx *x)
{
  const char *endpoint = answers_get (x->a, ANSWER_EVENT_ENDPOINT);
  g_auto (GStrv) events = answers_list (x->a, ANSWER_EVENTS);
  EndpointOptions eo = {
    .url = endpoint,
    .secret_token = answers_get (x->a, ANSWER_SECRET_TOKEN),
    .events = (const char *const *) events,
    .account_id = answers_get (x->a, ANSWER_ACCOUNT_ID),
    .client_id = answers_get (x->a, ANSWER_CLIENT_ID),
    .receiver_hint = x->o->receiver_hint,
    .receiver_404 = x->o->receiver_404,
    .ca_file = x->o->ca_file,
    .timeout_s = x->o->timeout_s,
    .log = x->o->log,
    .log_data = x->o->log_data,
    .idle = x->o->idle != NULL ? idle : NULL,
    .idle_fd = x->o->idle_fd,
    .idle_data = x,
  };

  if (http_client_cancelled (x->http))
    return;
  if (endpoint == NULL || *endpoint == '\0')
    checks_add (x->v->checks, "webhook", CHECK_SKIP, NULL, "%s",
                _("No event endpoint is configured."));
  else if (eo.secret_token == NULL)
    checks_add (x->v->checks, "webhook", CHECK_SKIP,
                _("Give secret_token_file (the Secret Token from the app's Features → "
                  "Access page) to test the endpoint."),
                "%s", _("No Secret Token is given, so the event endpoint is not tested."));
  else
    endpoint_test (&eo, x->v->checks);
}

Verification *
verify_run (const Answers *a, const VerifyOptions *o)
{
  Verification *v = g_new0 (Verification, 1);
  g_autoptr (HttpClient) http = http_client_new (o->ca_file, o->timeout_s * 1000,
                                                 o->log, o->log_data);
  g_autoptr (Catalog) installed = o->catalog == NULL ? catalog_load (NULL, NULL) : NULL;
  Ctx x = { http, o, v, a, o->catalog != NULL ? o->catalog : installed };
  if (o->idle != NULL)
    http_client_set_idle (http, o->idle_fd, idle, &x);
  g_autofree char *zoom = url_base (o->zoom_url, FALSE);
  g_autofree char *token_url = g_strconcat (zoom, "/oauth/token", NULL);

  v->checks = checks_new ();
  v->api_url = url_base (o->api_url, TRUE);
  if (answers_app_type (a) == APP_TYPE_S2S)
    verify_s2s (&x, token_url);
  else if (o->authorize)
    verify_authorize (&x, token_url);
  else
    verify_oauth (&x, token_url);

  verify_endpoint (&x);
  return v;
}
