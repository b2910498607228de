/* rules.c - see rules.h. The facts behind the rules come from Zoom's docs
 * (OAuth scopes overview, app management types, granular scopes) and the
 * integrations' guides; the unconfirmed ones are listed in HACKING.md.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "rules.h"
#include "events.h"
#include "paths.h"
#include "secret.h"
#include "text.h"
#include "url.h"

#include <string.h>

/* A scope of the answers with its catalog entry (NULL: unknown). */
typedef struct
{
  const char *name;
  const Scope *known;
  gboolean user_level_only; /* see user_level_only */
} ScopeAnswer;

/* A URL among the answers; URI is NULL where it is not an http(s) URL
 * with a host. */
typedef struct
{
  AnswerKey key;
  const char *url;
  GUri *uri;
} UrlAnswer;

typedef struct
{
  const Answers *a;
  const Catalog *catalog;
  const Preset *preset;
  Findings *out;
  /* Made once a run, when a rule first asks, and shared by every rule: the
   * list answers split (list_of), the scopes looked up (scopes_of), the
   * URLs parsed (urls_of). */
  char **lists[ANSWER_N_KEYS];
  GArray *scopes; /* ScopeAnswer */
  GArray *urls;   /* UrlAnswer */
} Ctx;

typedef void (*RuleFunc) (Ctx *ctx, const char *id);

/* ---- helpers ---------------------------------------------------------- */

static const char *
get (Ctx *ctx, AnswerKey k)
{
  const char *v = answers_get (ctx->a, k);
  return v != NULL && *v != '\0' ? v : NULL;
}

static const char *
key_name (AnswerKey k)
{
  return answer_key_info (k)->name;
}

static gboolean
is_oauth_app (AppType t)
{
  return t == APP_TYPE_GENERAL || t == APP_TYPE_OAUTH_LEGACY;
}

/* The level of scope a valid app of these answers takes, or 0 when that is
 * not known yet. Server-to-Server apps take account-level scopes (whether
 * Zoom lets one hold user-level scopes is unconfirmed: this is the one
 * place to change). */
static ScopeLevel
expected_level (Ctx *ctx)
{
  AppType t = answers_app_type (ctx->a);
  if (t == APP_TYPE_S2S)
    return SCOPE_LEVEL_ACCOUNT;
  if (is_oauth_app (t))
    switch (answers_management (ctx->a))
      {
      case MANAGEMENT_USER:
        return SCOPE_LEVEL_USER;
      case MANAGEMENT_ADMIN:
        return SCOPE_LEVEL_ACCOUNT;
      default:
        break;
      }
  return 0;
}

/* The items of list answer K (the scopes, the allow list, the events). */
static const char *const *
list_of (Ctx *ctx, AnswerKey k)
{
  if (ctx->lists[k] == NULL)
    ctx->lists[k] = answers_list (ctx->a, k);
  return (const char *const *) ctx->lists[k];
}

/* A granular scope Zoom's catalog lists at user level only, with no :admin
 * form (marketplace:update:client_secret, which a builder app needs to
 * rotate secrets). Whether Zoom lets an admin-managed or Server-to-Server
 * app hold one is UNCONFIRMED (doc/reference/marketplace-api.md): this is
 * the one place that decides, and it lets such a scope stay, warned
 * (scope-level-unconfirmed), where a user-level scope with an :admin form is
 * an error. */
static gboolean
user_level_only (Ctx *ctx, const char *name, const Scope *s)
{
  if (s == NULL || s->level != SCOPE_LEVEL_USER || s->family != SCOPE_FAMILY_GRANULAR)
    return FALSE;
  g_autofree char *admin = g_strconcat (name, ":admin", NULL);
  return catalog_lookup (ctx->catalog, admin) == NULL;
}

/* The scopes of the answers, each looked up in the catalog. */
static const GArray *
scopes_of (Ctx *ctx)
{
  if (ctx->scopes != NULL)
    return ctx->scopes;
  ctx->scopes = g_array_new (FALSE, FALSE, sizeof (ScopeAnswer));
  for (const char *const *n = list_of (ctx, ANSWER_SCOPES); *n != NULL; n++)
    {
      const Scope *known = ctx->catalog != NULL ? catalog_lookup (ctx->catalog, *n) : NULL;
      g_array_append_val (ctx->scopes, ((ScopeAnswer){ *n, known,
                                                       user_level_only (ctx, *n, known) }));
    }
  return ctx->scopes;
}

/* Scope names of the answers that match KEEP, joined for a message. */
static char *
join_scopes (Ctx *ctx, gboolean (*keep) (const ScopeAnswer *, gpointer),
             gpointer data, guint *count)
{
  const GArray *scopes = scopes_of (ctx);
  GString *s = g_string_new (NULL);
  *count = 0;
  for (guint i = 0; i < scopes->len; i++)
    {
      const ScopeAnswer *n = &g_array_index (scopes, ScopeAnswer, i);
      if (!keep (n, data))
        continue;
      g_string_append (s, *count ? ", " : "");
      g_string_append (s, n->name);
      (*count)++;
    }
  return g_string_free (s, FALSE);
}

static guint
count_scopes (Ctx *ctx, gboolean (*keep) (const ScopeAnswer *, gpointer),
              gpointer data)
{
  guint n;
  g_free (join_scopes (ctx, keep, data, &n));
  return n;
}

/* Unknown names count for no level: scope-unknown reports them. */
static gboolean
has_level (const ScopeAnswer *s, gpointer levels)
{
  return s->known != NULL && (s->known->level & GPOINTER_TO_UINT (levels)) != 0;
}

/* User-level scopes that have an admin-level form: they make an app's
 * level, where user_level_only ones do not. */
static gboolean
has_user_level (const ScopeAnswer *s, gpointer unused)
{
  (void) unused;
  return s->known != NULL && s->known->level == SCOPE_LEVEL_USER && !s->user_level_only;
}

static gboolean
is_user_level_only (const ScopeAnswer *s, gpointer unused)
{
  (void) unused;
  return s->user_level_only;
}

static gboolean
has_family (const ScopeAnswer *s, gpointer family)
{
  return s->known != NULL && s->known->family == (ScopeFamily) GPOINTER_TO_UINT (family);
}

static gboolean
scope_well_formed (const char *name)
{
  if (*name == '\0' || *name == ':' || g_str_has_suffix (name, ":")
      || strstr (name, "::") != NULL)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || strchr ("_:*.-", *p)))
      return FALSE;
  return TRUE;
}

/* Parses URL when it is an http(s) URL with a host; NULL otherwise. */
static GUri *
parse_web_url (const char *url)
{
  if (text_has_space (url))
    return NULL;
  GUri *uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return NULL;
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);
  if ((g_ascii_strcasecmp (scheme, "https") != 0
       && g_ascii_strcasecmp (scheme, "http") != 0)
      || host == NULL || *host == '\0')
    {
      g_uri_unref (uri);
      return NULL;
    }
  return uri;
}

static void
url_answer_clear (gpointer p)
{
  UrlAnswer *u = p;
  g_clear_pointer (&u->uri, g_uri_unref);
}

/* Every URL among the answers, the allow list item by item, parsed. */
static const GArray *
urls_of (Ctx *ctx)
{
  static const AnswerKey url_keys[]
      = { ANSWER_SITE_URL, ANSWER_REDIRECT_URL, ANSWER_ALLOW_LIST,
          ANSWER_EVENT_ENDPOINT, ANSWER_DEAUTHORIZATION_URL, ANSWER_ZOOM_URL,
          ANSWER_API_URL };
  if (ctx->urls != NULL)
    return ctx->urls;
  ctx->urls = g_array_new (FALSE, FALSE, sizeof (UrlAnswer));
  g_array_set_clear_func (ctx->urls, url_answer_clear);
  for (guint i = 0; i < G_N_ELEMENTS (url_keys); i++)
    {
      AnswerKey k = url_keys[i];
      if (k == ANSWER_ALLOW_LIST)
        for (const char *const *u = list_of (ctx, k); *u != NULL; u++)
          g_array_append_val (ctx->urls, ((UrlAnswer){ k, *u, parse_web_url (*u) }));
      else if (get (ctx, k) != NULL)
        g_array_append_val (ctx->urls,
                            ((UrlAnswer){ k, get (ctx, k), parse_web_url (get (ctx, k)) }));
    }
  return ctx->urls;
}

/* Adds a finding about URL U whose message FORMAT has the URL (secrets
 * hidden) as its one %s. A macro, so that FORMAT stays a checked literal. */
#define url_finding(ctx, id, sev, u, format)                                  \
  do                                                                          \
    {                                                                         \
      g_autofree char *shown_ = url_for_display ((u)->url);                   \
      findings_add ((ctx)->out, (sev), (id), key_name ((u)->key), (format),   \
                    shown_);                                                  \
    }                                                                         \
  while (0)

typedef void (*UrlRule) (Ctx *ctx, const char *id, const UrlAnswer *u, GUri *uri);

/* Runs CHECK on every URL answer; URI is NULL where it does not parse. */
static void
each_url (Ctx *ctx, const char *id, UrlRule check)
{
  const GArray *urls = urls_of (ctx);
  for (guint i = 0; i < urls->len; i++)
    {
      const UrlAnswer *u = &g_array_index (urls, UrlAnswer, i);
      check (ctx, id, u, u->uri);
    }
}

/* ---- answers and app type -------------------------------------------- */

static void
rule_value_invalid (Ctx *ctx, const char *id)
{
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      const AnswerKeyInfo *info = answer_key_info (k);
      const char *v = get (ctx, k);
      if (info->kind != ANSWER_KIND_CHOICE || v == NULL
          || g_strv_contains (info->choices, v))
        continue;
      g_autofree char *choices = g_strjoinv (", ", (char **) info->choices);
      findings_add (ctx->out, SEVERITY_ERROR, id, info->name,
                    _("%s = '%s' is not one of: %s."), info->name, v, choices);
      if (k == ANSWER_APP_TYPE && g_ascii_strcasecmp (v, "jwt") == 0)
        findings_set_fix (ctx->out, _("Zoom retired JWT apps in 2023. Create a "
                                      "Server-to-Server OAuth app instead and "
                                      "write app_type = s2s."));
      else
        {
          g_auto (GStrv) near = text_nearest (v, info->choices, -1, 1);
          if (near[0] != NULL)
            findings_set_fix (ctx->out, _("Did you mean '%s'?"), near[0]);
          else
            findings_set_fix (ctx->out, _("Write one of: %s."), choices);
        }
    }
}

static void
missing (Ctx *ctx, const char *id, AnswerKey k, const char *why, const char *fix)
{
  findings_add (ctx->out, SEVERITY_ERROR, id, key_name (k), "%s", why);
  findings_set_fix (ctx->out, "%s", fix);
}

#define CONTACT_RULE "contact-missing"

void
rules_contact (const Answers *a, Findings *out)
{
  if (!answers_builder_creates (a))
    return;
  static const AnswerKey keys[] = { ANSWER_CONTACT_NAME, ANSWER_CONTACT_EMAIL,
                                    ANSWER_COMPANY };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *v = answers_get (a, keys[i]);
      gboolean given = v != NULL && *v != '\0';
      /* An address: something@something. */
      if (given && (keys[i] != ANSWER_CONTACT_EMAIL || (*v != '@' && strchr (v, '@') != NULL
                                                        && !g_str_has_suffix (v, "@"))))
        continue;
      findings_add (out, SEVERITY_ERROR, CONTACT_RULE, answer_key_info (keys[i])->name, "%s",
                    given ? _("The contact email is not an email address.")
                          : _("Zoom requires the developer contact (name, email, company) "
                              "of every app it creates."));
      findings_set_fix (out, "%s", _("Give the name, email address and company Zoom shows "
                                     "as the app's developer."));
    }
}

static void
rule_contact_missing (Ctx *ctx, const char *id)
{
  (void) id;
  rules_contact (ctx->a, ctx->out);
}

static void
rule_value_missing (Ctx *ctx, const char *id)
{
  AppType t = answers_app_type (ctx->a);

  if (t == APP_TYPE_NONE)
    missing (ctx, id, ANSWER_APP_TYPE, _("No app type is given."),
             _("Write app_type = general (a General app, OAuth), s2s "
               "(Server-to-Server OAuth) or oauth-legacy (an OAuth app made "
               "before 2024)."));
  if (get (ctx, ANSWER_CLIENT_ID) == NULL)
    missing (ctx, id, ANSWER_CLIENT_ID, _("No client ID is given."),
             _("Copy the Client ID from the app's App Credentials page in the "
               "Zoom Marketplace into client_id."));
  if (t == APP_TYPE_S2S && get (ctx, ANSWER_ACCOUNT_ID) == NULL)
    missing (ctx, id, ANSWER_ACCOUNT_ID,
             _("A Server-to-Server app needs its account ID."),
             _("Copy the Account ID from the app's App Credentials page into "
               "account_id."));
  if (is_oauth_app (t) && get (ctx, ANSWER_REDIRECT_URL) == NULL)
    missing (ctx, id, ANSWER_REDIRECT_URL,
             ctx->preset != NULL && ctx->preset->site_url_example != NULL
                 && get (ctx, ANSWER_SITE_URL) == NULL
                 ? _("No redirect URL: the preset makes it from site_url, "
                     "which is not given.")
                 : _("An OAuth app needs a redirect URL."),
             ctx->preset != NULL && ctx->preset->site_url_example != NULL
                 ? _("Give site_url, the address users open the integration "
                     "at (for example the Mattermost Site URL).")
                 : _("Write the URL Zoom sends users back to after they "
                     "authorize the app into redirect_url."));
}

static void
rule_app_type_management (Ctx *ctx, const char *id)
{
  AppType t = answers_app_type (ctx->a);
  Management m = answers_management (ctx->a);

  if (is_oauth_app (t) && m == MANAGEMENT_NONE)
    {
      findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_MANAGEMENT),
                    _("An OAuth app is either user-managed or admin-managed; "
                      "management is not given."));
      findings_set_fix (ctx->out, _("Write management = user (each user "
                                    "authorizes for their own data) or "
                                    "management = admin (an admin authorizes "
                                    "for the whole account)."));
    }
  else if (t == APP_TYPE_S2S && m != MANAGEMENT_NONE)
    {
      findings_add (ctx->out, SEVERITY_WARNING, id, key_name (ANSWER_MANAGEMENT),
                    _("management is ignored for a Server-to-Server app: it "
                      "always acts for the whole account."));
      findings_set_fix (ctx->out, _("Remove the management line."));
    }
}

static void
rule_app_type_preset (Ctx *ctx, const char *id)
{
  const Preset *p = ctx->preset;
  if (p == NULL)
    return;
  const char *t = get (ctx, ANSWER_APP_TYPE);
  const char *m = get (ctx, ANSWER_MANAGEMENT);
  if (t != NULL && answers_app_type (ctx->a) != APP_TYPE_INVALID
      && !g_strv_contains ((const char *const *) p->app_types, t))
    {
      g_autofree char *ok = g_strjoinv (", ", p->app_types);
      findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_APP_TYPE),
                    _("%s works with app type %s, not %s."), p->title, ok, t);
      findings_set_fix (ctx->out, _("Create the app type the integration "
                                    "supports and write app_type = %s."),
                        p->app_types[0]);
    }
  if (m != NULL && answers_management (ctx->a) != MANAGEMENT_INVALID
      && answers_app_type (ctx->a) != APP_TYPE_S2S
      && !g_strv_contains ((const char *const *) p->managements, m))
    {
      g_autofree char *ok = g_strjoinv (", ", p->managements);
      findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_MANAGEMENT),
                    _("%s needs a %s-managed app, not %s-managed."), p->title,
                    ok, m);
      findings_set_fix (ctx->out, _("Write management = %s, or pick the "
                                    "preset for the other level ('zoomwiz "
                                    "presets')."),
                        p->managements[0] != NULL ? p->managements[0] : "");
    }
}

/* ---- scopes ----------------------------------------------------------- */

static void
rule_scope_none (Ctx *ctx, const char *id)
{
  if (list_of (ctx, ANSWER_SCOPES)[0] != NULL)
    return;
  findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_SCOPES),
                _("No scope is chosen; Zoom will not let the app be tested or "
                  "activated without one."));
  findings_set_fix (ctx->out, _("Add the scopes the integration needs to "
                                "scopes, separated by spaces ('zoomwiz scopes "
                                "PATTERN' searches the catalog)."));
}

static void
rule_scope_malformed (Ctx *ctx, const char *id)
{
  for (const char *const *n = list_of (ctx, ANSWER_SCOPES); *n != NULL; n++)
    if (!scope_well_formed (*n))
      {
        g_autofree char *lower = g_ascii_strdown (*n, -1);
        findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_SCOPES),
                      _("'%s' is not a scope name: names are lower-case words "
                        "joined by colons, like meeting:read:meeting."),
                      *n);
        if (strcmp (lower, *n) != 0 && scope_well_formed (lower))
          findings_set_fix (ctx->out, _("Write it in lower case: %s"), lower);
        else
          findings_set_fix (ctx->out, _("Separate scopes with spaces and check "
                                        "the name with 'zoomwiz scopes'."));
      }
}

static void
rule_scope_unknown (Ctx *ctx, const char *id)
{
  /* Each name searched for its nearest costs a pass over the catalog: past
   * a number no app has wrong, the rest are counted, not named (a 1 MiB
   * list took 37 s). */
  enum { MAX_NAMED = 20 };
  if (ctx->catalog == NULL)
    return; /* nothing is known: not each scope unknown */
  const GArray *scopes = scopes_of (ctx);
  guint unknown = 0;
  for (guint i = 0; i < scopes->len; i++)
    {
      const ScopeAnswer *n = &g_array_index (scopes, ScopeAnswer, i);
      if (!scope_well_formed (n->name) || n->known != NULL)
        continue;
      if (++unknown > MAX_NAMED)
        continue;
      g_auto (GStrv) near = text_nearest (n->name, catalog_names (ctx->catalog), -1, 3);
      if (near[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", near);
          findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_SCOPES),
                        _("'%s' is not a Zoom scope."), n->name);
          findings_set_fix (ctx->out, _("Did you mean %s?"), list);
        }
      else
        {
          /* Zoom adds scopes often; a far-off name may be newer than us. */
          findings_add (ctx->out, SEVERITY_WARNING, id, key_name (ANSWER_SCOPES),
                        _("'%s' is not in zoomwiz's scope catalog."), n->name);
          findings_set_fix (ctx->out, _("Check the name in the app's Scopes "
                                        "page; if Zoom lists it, it is newer "
                                        "than this catalog and can stay."));
        }
    }
  if (unknown > MAX_NAMED)
    {
      guint more = unknown - MAX_NAMED;
      findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_SCOPES),
                    ngettext ("%u more scope is not in zoomwiz's scope catalog.",
                              "%u more scopes are not in zoomwiz's scope catalog.", more),
                    more);
      findings_set_fix (ctx->out, _("Copy the scopes from the app's Scopes page; no "
                                    "Zoom app has that many."));
    }
}

static void
rule_scope_level_mixed (Ctx *ctx, const char *id)
{
  guint nu, na;
  g_autofree char *user = join_scopes (ctx, has_user_level, NULL, &nu);
  g_autofree char *account = join_scopes (ctx, has_level,
                                          GUINT_TO_POINTER (SCOPE_LEVEL_ACCOUNT), &na);
  if (nu == 0 || na == 0)
    return;
  findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_SCOPES),
                _("User-level and admin-level scopes are mixed: user level %s; "
                  "admin level %s. One Zoom app never holds both."),
                user, account);
  findings_set_fix (ctx->out, _("Keep one level: the names without :admin for "
                                "a user-managed app, the :admin names for an "
                                "admin-managed or Server-to-Server app. Two "
                                "levels need two apps."));
}

static void
rule_scope_admin_on_user_app (Ctx *ctx, const char *id)
{
  guint n;
  if (expected_level (ctx) != SCOPE_LEVEL_USER)
    return;
  g_autofree char *bad = join_scopes (ctx, has_level,
                                      GUINT_TO_POINTER (SCOPE_LEVEL_ACCOUNT), &n);
  if (n == 0)
    return;
  findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_SCOPES),
                ngettext ("%s is an admin-level scope, but the app is "
                          "user-managed: Zoom offers it only to admin-managed "
                          "apps.",
                          "%s are admin-level scopes, but the app is "
                          "user-managed: Zoom offers them only to "
                          "admin-managed apps.", n),
                bad);
  findings_set_fix (ctx->out, _("Use the same scope without :admin, or make the "
                                "app admin-managed (management = admin)."));
}

static void
rule_scope_user_on_admin_app (Ctx *ctx, const char *id)
{
  guint n;
  if (expected_level (ctx) != SCOPE_LEVEL_ACCOUNT)
    return;
  g_autofree char *bad = join_scopes (ctx, has_user_level, NULL, &n);
  if (n == 0)
    return;
  gboolean s2s = answers_app_type (ctx->a) == APP_TYPE_S2S;
  findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_SCOPES),
                s2s ? ngettext ("%s is a user-level scope; a Server-to-Server "
                                "app takes admin-level scopes (ending in :admin).",
                                "%s are user-level scopes; a Server-to-Server "
                                "app takes admin-level scopes (ending in :admin).",
                                n)
                    : ngettext ("%s is a user-level scope, but the app is "
                                "admin-managed and takes admin-level scopes "
                                "(ending in :admin).",
                                "%s are user-level scopes, but the app is "
                                "admin-managed and takes admin-level scopes "
                                "(ending in :admin).",
                                n),
                bad);
  findings_set_fix (ctx->out, _("Use the :admin form of each ('zoomwiz scopes "
                                "--admin NAME' finds it)."));
}

static void
rule_scope_level_unconfirmed (Ctx *ctx, const char *id)
{
  guint n;
  if (expected_level (ctx) != SCOPE_LEVEL_ACCOUNT)
    return;
  g_autofree char *only = join_scopes (ctx, is_user_level_only, NULL, &n);
  if (n == 0)
    return;
  findings_add (ctx->out, SEVERITY_WARNING, id, key_name (ANSWER_SCOPES),
                ngettext ("%s has no :admin form in Zoom's scope catalog; whether an "
                          "admin-level app may hold it is not confirmed.",
                          "%s have no :admin form in Zoom's scope catalog; whether an "
                          "admin-level app may hold them is not confirmed.",
                          n),
                only);
  findings_set_fix (ctx->out, _("Keep it if the app's Scopes page offers it; if Zoom "
                                "refuses it, remove it and do that task by hand."));
}

static void
rule_scope_family_mixed (Ctx *ctx, const char *id)
{
  guint ng, nc;
  g_autofree char *granular = join_scopes (ctx, has_family,
                                           GUINT_TO_POINTER (SCOPE_FAMILY_GRANULAR), &ng);
  g_autofree char *classic = join_scopes (ctx, has_family,
                                          GUINT_TO_POINTER (SCOPE_FAMILY_CLASSIC), &nc);
  if (ng == 0 || nc == 0)
    return;
  gboolean legacy = answers_app_type (ctx->a) == APP_TYPE_OAUTH_LEGACY;
  findings_add (ctx->out, legacy ? SEVERITY_WARNING : SEVERITY_ERROR, id,
                key_name (ANSWER_SCOPES),
                _("Classic scope names (%s) are mixed with granular ones (%s)."),
                classic, granular);
  findings_set_fix (ctx->out,
                    legacy ? _("A legacy app shows either its classic scopes or, "
                               "once migrated, granular ones: use the names its "
                               "Scopes page shows.")
                           : _("A General app offers granular scopes only: "
                               "replace each classic name with its granular "
                               "form ('zoomwiz scopes NAME')."));
}

static void
rule_scope_classic_on_general (Ctx *ctx, const char *id)
{
  guint nc;
  if (answers_app_type (ctx->a) != APP_TYPE_GENERAL)
    return;
  guint ng = count_scopes (ctx, has_family, GUINT_TO_POINTER (SCOPE_FAMILY_GRANULAR));
  g_autofree char *classic = join_scopes (ctx, has_family,
                                          GUINT_TO_POINTER (SCOPE_FAMILY_CLASSIC), &nc);
  if (nc == 0 || ng > 0)
    return;
  findings_add (ctx->out, SEVERITY_WARNING, id, key_name (ANSWER_SCOPES),
                _("%s are classic scope names; General apps made since March "
                  "2024 offer granular scopes only."),
                classic);
  findings_set_fix (ctx->out, _("If the app was made before 2024, write "
                                "app_type = oauth-legacy; otherwise use the "
                                "granular names."));
}

static void
rule_scope_required_missing (Ctx *ctx, const char *id)
{
  if (ctx->preset == NULL)
    return;
  const char *const *chosen = list_of (ctx, ANSWER_SCOPES);
  const GPtrArray *need = preset_required_scopes (ctx->preset, ctx->a, ctx->catalog);
  for (guint i = 0; i < need->len; i++)
    {
      const PresetScope *s = need->pdata[i];
      if (g_strv_contains (chosen, s->name))
        continue;
      findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_SCOPES),
                    _("%s needs the scope %s: %s"), ctx->preset->title, s->name,
                    s->purpose != NULL ? s->purpose : "");
      findings_set_fix (ctx->out, _("Add %s on the app's Scopes page (Add "
                                    "Scopes) and to scopes."),
                        s->name);
    }
}

/* ---- URLs ------------------------------------------------------------- */

static void
url_whitespace (Ctx *ctx, const char *id, const UrlAnswer *u, GUri *uri)
{
  (void) uri;
  if (!text_has_space (u->url))
    return;
  url_finding (ctx, id, SEVERITY_ERROR, u, _("'%s' contains a space or a line "
                                             "break."));
  findings_set_fix (ctx->out, _("Remove it (a paste often brings one); a space "
                                "inside a path is written %%20."));
}

static void
url_invalid (Ctx *ctx, const char *id, const UrlAnswer *u, GUri *uri)
{
  if (uri != NULL || text_has_space (u->url))
    return;
  url_finding (ctx, id, SEVERITY_ERROR, u, _("'%s' is not a web address."));
  findings_set_fix (ctx->out, _("Write the whole address, starting with "
                                "https:// and the host name, e.g. "
                                "https://chat.example.com/path."));
}

static void
url_not_https (Ctx *ctx, const char *id, const UrlAnswer *u, GUri *uri)
{
  if (uri == NULL || g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0
      || url_host_is_loopback (g_uri_get_host (uri)))
    return;
  url_finding (ctx, id, SEVERITY_ERROR, u, _("'%s' uses http; Zoom accepts only "
                                             "https addresses (plain http only "
                                             "on this machine's loopback)."));
  findings_set_fix (ctx->out, _("Serve it over TLS and write https://."));
}

static void
url_fragment (Ctx *ctx, const char *id, const UrlAnswer *u, GUri *uri)
{
  if (uri == NULL || g_uri_get_fragment (uri) == NULL)
    return;
  url_finding (ctx, id, SEVERITY_ERROR, u, _("'%s' has a #fragment, which Zoom "
                                             "does not allow and browsers never "
                                             "send to the server."));
  findings_set_fix (ctx->out, _("Remove the # and what follows it."));
}

static void
url_userinfo (Ctx *ctx, const char *id, const UrlAnswer *u, GUri *uri)
{
  if (uri == NULL || g_uri_get_userinfo (uri) == NULL)
    return;
  /* Never print the URL: the user info may be a password. */
  findings_add (ctx->out, SEVERITY_ERROR, id, key_name (u->key),
                _("%s has a user name or password before the host "
                  "(user:password@host), which Zoom refuses."),
                key_name (u->key));
  findings_set_fix (ctx->out, _("Remove the part before @; the endpoint must "
                                "authenticate requests another way."));
}

/* Recall.ai refuses a loopback redirect URL at its final step, the code
 * exchange: its presets are the recall-* ones. */
static gboolean
refuses_loopback_redirect (Ctx *ctx)
{
  return ctx->preset != NULL && g_str_has_prefix (ctx->preset->id, "recall-");
}

static void
url_loopback_production (Ctx *ctx, const char *id, const UrlAnswer *u, GUri *uri)
{
  if (uri == NULL || answers_environment (ctx->a) != ENVIRONMENT_PRODUCTION
      || (u->key != ANSWER_REDIRECT_URL && u->key != ANSWER_ALLOW_LIST)
      || !url_host_is_loopback (g_uri_get_host (uri)))
    return;
  if (u->key == ANSWER_REDIRECT_URL && refuses_loopback_redirect (ctx))
    return; /* url_loopback_refused says it better */
  url_finding (ctx, id, SEVERITY_ERROR, u,
               _("'%s' points at the user's own machine; Zoom accepts "
                 "loopback redirect URLs only for Development credentials."));
  findings_set_fix (ctx->out, _("Use the server's public https address, or "
                                "environment = development for a local test."));
}

static void
url_loopback_refused (Ctx *ctx, const char *id, const UrlAnswer *u, GUri *uri)
{
  if (uri == NULL || u->key != ANSWER_REDIRECT_URL || !refuses_loopback_redirect (ctx)
      || !url_host_is_loopback (g_uri_get_host (uri)))
    return;
  url_finding (ctx, id, SEVERITY_ERROR, u,
               _("'%s' points at this machine: Recall.ai refuses a localhost "
                 "redirect URL and throws an error at its final step, when the "
                 "authorization code is sent to it."));
  findings_set_fix (ctx->out, _("Use a public https page of your own app as "
                                "redirect_url (and on the OAuth allow list), the "
                                "same you will send Recall as redirect_uri, also "
                                "for Development."));
}

static void
url_loopback_endpoint (Ctx *ctx, const char *id, const UrlAnswer *u, GUri *uri)
{
  if (uri == NULL
      || (u->key != ANSWER_EVENT_ENDPOINT && u->key != ANSWER_DEAUTHORIZATION_URL)
      || !url_host_is_loopback (g_uri_get_host (uri)))
    return;
  url_finding (ctx, id, SEVERITY_WARNING, u,
               _("'%s' is a loopback address: Zoom's servers cannot reach it."));
  findings_set_fix (ctx->out, _("Fine for a local test receiver; for Zoom, use "
                                "the server's public https address."));
}

static void
url_site_form (Ctx *ctx, const char *id, const UrlAnswer *u, GUri *uri)
{
  if (uri == NULL || u->key != ANSWER_SITE_URL)
    return;
  if (!g_str_has_suffix (g_uri_get_path (uri), "/")
      && g_uri_get_query (uri) == NULL && g_uri_get_fragment (uri) == NULL)
    return;
  g_autofree char *clean = g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri),
                                       NULL, g_uri_get_host (uri),
                                       g_uri_get_port (uri), g_uri_get_path (uri),
                                       NULL, NULL);
  while (g_str_has_suffix (clean, "/"))
    clean[strlen (clean) - 1] = '\0';
  url_finding (ctx, id, SEVERITY_ERROR, u,
               _("The site URL '%s' must end without a slash, query or "
                 "fragment: the URLs made from it must match Zoom's exactly."));
  findings_set_fix (ctx->out, _("Write site_url = %s"), clean);
}

#define URL_RULE(name)                                                        \
  static void rule_##name (Ctx *ctx, const char *id)                          \
  {                                                                           \
    each_url (ctx, id, url_##name);                                      \
  }
URL_RULE (whitespace)
URL_RULE (invalid)
URL_RULE (not_https)
URL_RULE (fragment)
URL_RULE (userinfo)
URL_RULE (loopback_production)
URL_RULE (loopback_refused)
URL_RULE (loopback_endpoint)
URL_RULE (site_form)

/* TRUE when A and B differ only by one trailing slash. */
static gboolean
differ_by_slash (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  if (la + 1 == lb)
    return b[la] == '/' && strncmp (a, b, la) == 0;
  if (lb + 1 == la)
    return a[lb] == '/' && strncmp (a, b, lb) == 0;
  return FALSE;
}

static void
rule_redirect_not_allowed (Ctx *ctx, const char *id)
{
  const char *redirect = get (ctx, ANSWER_REDIRECT_URL);
  const char *const *allow = list_of (ctx, ANSWER_ALLOW_LIST);
  /* With no allow list given, Zoom adds the redirect URL to it itself. */
  if (redirect == NULL || allow[0] == NULL || g_strv_contains (allow, redirect))
    return;
  for (const char *const *u = allow; *u != NULL; u++)
    if (differ_by_slash (*u, redirect))
      return; /* rule_trailing_slash says it better */
  g_autofree char *shown = url_for_display (redirect);
  findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_ALLOW_LIST),
                _("The redirect URL %s is not on the allow list; Zoom refuses "
                  "to send users back to it."),
                shown);
  findings_set_fix (ctx->out, _("Add exactly %s to the OAuth allow list (and "
                                "to allow_list)."),
                    shown);
}

static void
rule_trailing_slash (Ctx *ctx, const char *id)
{
  const char *redirect = get (ctx, ANSWER_REDIRECT_URL);
  const char *const *allow = list_of (ctx, ANSWER_ALLOW_LIST);
  if (redirect == NULL || g_strv_contains (allow, redirect))
    return;
  for (const char *const *u = allow; *u != NULL; u++)
    if (differ_by_slash (*u, redirect))
      {
        g_autofree char *r = url_for_display (redirect);
        g_autofree char *l = url_for_display (*u);
        findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_ALLOW_LIST),
                      _("The redirect URL %s and the allow-list entry %s differ "
                        "only by a trailing slash; Zoom compares them exactly."),
                      r, l);
        findings_set_fix (ctx->out, _("Make both the same, character for "
                                      "character (as the integration sends "
                                      "it: %s)."),
                          r);
        return;
      }
}

static void
rule_url_preset_mismatch (Ctx *ctx, const char *id)
{
  static const AnswerKey keys[]
      = { ANSWER_REDIRECT_URL, ANSWER_EVENT_ENDPOINT, ANSWER_DEAUTHORIZATION_URL };
  if (ctx->preset == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *tmpl = ctx->preset->defaults[keys[i]];
      const char *given = get (ctx, keys[i]);
      if (tmpl == NULL || given == NULL || ctx->a->origin[keys[i]] != ORIGIN_ANSWER)
        continue;
      g_autofree char *want = preset_expand (tmpl, ctx->a);
      if (want == NULL || strcmp (want, given) == 0)
        continue;
      g_autofree char *shown_given = url_for_display (given);
      g_autofree char *shown_want = url_for_display (want);
      /* They differ only in the hidden ?secret=: webhook-secret-mismatch
       * says so, in words that can be read. */
      if (strcmp (shown_given, shown_want) == 0)
        continue;
      if (strstr (tmpl, "{recall_") != NULL)
        {
          /* Recall's URLs are Recall's to give (zoom-reference.md,
           * "Corrections"): the one zoomwiz makes from the app id is a
           * guess to compare with Recall's dashboard, not a rule. */
          findings_add (ctx->out, SEVERITY_WARNING, id, key_name (keys[i]),
                        _("%s is %s, not %s, the URL zoomwiz makes from Recall's app id "
                          "and region."),
                        key_name (keys[i]), shown_given, shown_want);
          findings_set_fix (ctx->out, "%s",
                            _("Keep it if it is the URL Recall's dashboard shows for "
                              "the app."));
          continue;
        }
      findings_add (ctx->out, SEVERITY_ERROR, id, key_name (keys[i]),
                    _("%s is %s, but %s uses %s."), key_name (keys[i]),
                    shown_given, ctx->preset->title, shown_want);
      findings_set_fix (ctx->out, _("Use %s, or remove the line to take the "
                                    "preset's value."),
                        shown_want);
    }
}

/* ---- secrets and credentials ------------------------------------------ */

static void
rule_secret_format (Ctx *ctx, const char *id)
{
  static const AnswerKey keys[] = { ANSWER_ENCRYPTION_KEY, ANSWER_WEBHOOK_SECRET };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *v = get (ctx, keys[i]);
      if (v == NULL || secret_is_generated_form (v))
        continue;
      /* The message gives the length, never the value. */
      findings_add (ctx->out, SEVERITY_ERROR, id, key_name (keys[i]),
                    _("%s must be exactly %d characters of A-Z, a-z, 0-9, _ and "
                      "- (it is %d characters%s)."),
                    key_name (keys[i]), SECRET_GENERATED_LENGTH,
                    (int) g_utf8_strlen (v, -1),
                    secret_alphabet_ok (v) ? "" : _(", with other characters"));
      findings_set_fix (ctx->out, _("Make a new one with 'zoomwiz secret "
                                    "generate' (Mattermost uses it as an "
                                    "AES-256 key or in URLs)."));
    }
}

static void
rule_secret_missing (Ctx *ctx, const char *id)
{
  if (ctx->preset == NULL)
    return;
  for (char **s = ctx->preset->secrets; *s != NULL; s++)
    {
      int k = answer_key_by_name (*s);
      if (k < 0 || k == ANSWER_SECRET_TOKEN || get (ctx, k) != NULL)
        continue;
      if (g_strv_contains ((const char *const *) ctx->preset->generated, *s))
        {
          findings_add (ctx->out, SEVERITY_ERROR, id, *s,
                        _("%s needs %s, a secret zoomwiz generates."),
                        ctx->preset->title, *s);
          findings_set_fix (ctx->out, _("Generate one with 'zoomwiz secret "
                                        "generate' and give it as %s or %s_file."),
                            *s, *s);
        }
      else
        {
          findings_add (ctx->out, SEVERITY_WARNING, id, *s,
                        _("%s is not in the answers; zoomwiz will ask for it "
                          "when it is needed."),
                        *s);
          findings_set_fix (ctx->out, _("Give it as %s_file (a file only you "
                                        "can read) to run unattended."),
                            *s);
        }
    }
}

static void
rule_secret_token_missing (Ctx *ctx, const char *id)
{
  const char *const *events = list_of (ctx, ANSWER_EVENTS);
  if ((events[0] == NULL && get (ctx, ANSWER_EVENT_ENDPOINT) == NULL)
      || get (ctx, ANSWER_SECRET_TOKEN) != NULL)
    return;
  findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_SECRET_TOKEN),
                _("Events are configured but the Secret Token is not given; "
                  "without it the endpoint cannot answer Zoom's validation "
                  "or check event signatures."));
  findings_set_fix (ctx->out, _("Copy the Secret Token from the app's Features "
                                "→ Access page (Development or Production, as "
                                "the credentials) into secret_token_file."));
}

static void
rule_events_endpoint_missing (Ctx *ctx, const char *id)
{
  const char *const *events = list_of (ctx, ANSWER_EVENTS);
  if (events[0] == NULL || get (ctx, ANSWER_EVENT_ENDPOINT) != NULL)
    return;
  const char *tmpl = ctx->preset != NULL ? ctx->preset->defaults[ANSWER_EVENT_ENDPOINT]
                                         : NULL;
  findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_EVENT_ENDPOINT),
                _("Events are chosen but no event endpoint is given; Zoom needs "
                  "a URL to send them to."));
  if (tmpl != NULL)
    findings_set_fix (ctx->out, _("The preset makes it as %s: give the values "
                                  "in braces."),
                      tmpl);
  else
    findings_set_fix (ctx->out, _("Write the receiver's https URL into "
                                  "event_endpoint, or remove events."));
}

/* An event's API name: lower case, digits, '_', and '.' inside. */
static gboolean
event_well_formed (const char *e)
{
  gboolean ok = strchr (e, '.') != NULL && e[0] != '.' && !g_str_has_suffix (e, ".");
  for (const char *p = e; ok && *p != '\0'; p++)
    ok = g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_' || *p == '.';
  return ok;
}

static void
rule_event_malformed (Ctx *ctx, const char *id)
{
  const char *const *events = list_of (ctx, ANSWER_EVENTS);
  for (const char *const *e = events; *e != NULL; e++)
    {
      if (event_well_formed (*e))
        continue;
      findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_EVENTS),
                    _("'%s' is not a Zoom event name; names look like "
                      "meeting.ended."),
                    *e);
      findings_set_fix (ctx->out, _("Use the event's API name in lower case, "
                                    "separated from the next by a space."));
    }
}

static void
rule_event_unknown (Ctx *ctx, const char *id)
{
  const char *const *events = list_of (ctx, ANSWER_EVENTS);
  if (events[0] == NULL)
    return; /* the file is read only once there are events to look up */
  const char *const *known = events_names ();
  for (const char *const *e = events; known[0] != NULL && *e != NULL; e++)
    {
      if (!event_well_formed (*e) || g_strv_contains (known, *e))
        continue;
      g_auto (GStrv) near = text_nearest (*e, known, -1, 1);
      if (near[0] != NULL)
        {
          findings_add (ctx->out, SEVERITY_ERROR, id, key_name (ANSWER_EVENTS),
                        _("'%s' is not a Zoom event."), *e);
          findings_set_fix (ctx->out, _("Did you mean '%s'?"), near[0]);
        }
      else
        {
          findings_add (ctx->out, SEVERITY_WARNING, id, key_name (ANSWER_EVENTS),
                        _("'%s' is not in zoomwiz's event catalog."), *e);
          findings_set_fix (ctx->out, _("Check the name under Event Subscription "
                                        "(Features → Access); if Zoom lists it, it is "
                                        "newer than this catalog and can stay."));
        }
    }
}

static void
rule_credential_whitespace (Ctx *ctx, const char *id)
{
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      if (k != ANSWER_ACCOUNT_ID && k != ANSWER_CLIENT_ID && !answer_is_secret (k))
        continue;
      const char *v = get (ctx, k);
      if (v == NULL || (!text_has_space (v) && strpbrk (v, "\"'") == NULL))
        continue;
      findings_add (ctx->out, SEVERITY_ERROR, id, key_name (k),
                    _("%s contains a space, line break or quote; Zoom's IDs and "
                      "secrets never do, so the paste probably took too much."),
                    key_name (k));
      findings_set_fix (ctx->out, _("Copy the value again with the copy button "
                                    "next to it in the Marketplace."));
    }
}

/* Zoom's Client IDs and Account IDs: about 22 characters of [A-Za-z0-9_-]
 * (Client IDs of older apps a few fewer); a Client Secret is 32. The
 * lengths are kept loose, the characters are not. */
#define ID_MIN_LENGTH 16
#define ID_SECRET_LENGTH 32

static void
rule_credential_shape (Ctx *ctx, const char *id)
{
  static const struct
  {
    AnswerKey key;
    const char *label; /* Zoom's name of the field */
  } ids[] = { { ANSWER_CLIENT_ID, N_("Client ID") },
              { ANSWER_ACCOUNT_ID, N_("Account ID") } };
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const char *v = get (ctx, ids[i].key);
      const char *name = key_name (ids[i].key);
      const char *label = _(ids[i].label);
      /* Spaces and quotes: rule_credential_whitespace says it better. */
      if (v == NULL || text_has_space (v) || strpbrk (v, "\"'") != NULL)
        continue;
      /* The messages give the length, never the value: it may be a secret. */
      glong length = g_utf8_strlen (v, -1);
      if (!secret_alphabet_ok (v))
        {
          /* TRANSLATORS: the first %s is the answers key (client_id),
             the second Zoom's name of the field (Client ID). */
          findings_add (ctx->out, SEVERITY_ERROR, id, name,
                        _("%s holds characters that Zoom's %s never has (only "
                          "A-Z, a-z, 0-9, _ and -); the paste probably took "
                          "something else."),
                        name, label);
          findings_set_fix (ctx->out, _("Copy the %s again with the copy button "
                                        "next to it on the app's App Credentials "
                                        "page in the Zoom Marketplace."),
                            label);
        }
      else if (length >= ID_SECRET_LENGTH)
        {
          /* TRANSLATORS: the answers key, its length, Zoom's name of
             the field. */
          findings_add (ctx->out, SEVERITY_WARNING, id, name,
                        _("%s is %ld characters long, the shape of a Client "
                          "Secret: this looks like the Client Secret, not the "
                          "%s (about 22 characters)."),
                        name, length, label);
          findings_set_fix (ctx->out, _("Copy the %s from the app's App "
                                        "Credentials page in the Zoom Marketplace "
                                        "into %s; the Client Secret, beside it, "
                                        "belongs in client_secret_file."),
                            label, name);
        }
      else if (length < ID_MIN_LENGTH)
        {
          findings_add (ctx->out, SEVERITY_WARNING, id, name,
                        _("%s is %ld characters long; Zoom's %s has about 22, so "
                          "the copy may be cut short."),
                        name, length, label);
          findings_set_fix (ctx->out, _("Copy the whole %s with the copy button "
                                        "next to it on the app's App Credentials "
                                        "page in the Zoom Marketplace."),
                            label);
        }
    }
}

static void
rule_webhook_secret_mismatch (Ctx *ctx, const char *id)
{
  const char *secret = get (ctx, ANSWER_WEBHOOK_SECRET);
  if (secret == NULL)
    return;
  const GArray *urls = urls_of (ctx);
  for (guint i = 0; i < urls->len; i++)
    {
      const UrlAnswer *u = &g_array_index (urls, UrlAnswer, i);
      const char *query = u->uri != NULL ? g_uri_get_query (u->uri) : NULL;
      if ((u->key != ANSWER_EVENT_ENDPOINT && u->key != ANSWER_DEAUTHORIZATION_URL)
          || query == NULL)
        continue;
      g_autoptr (GHashTable) params = g_uri_parse_params (query, -1, "&",
                                                          G_URI_PARAMS_NONE, NULL);
      const char *given = params != NULL ? g_hash_table_lookup (params, "secret") : NULL;
      if (given == NULL || strcmp (given, secret) == 0)
        continue;
      findings_add (ctx->out, SEVERITY_ERROR, id, key_name (u->key),
                    _("The ?secret= value in %s is not webhook_secret; the "
                      "integration will answer 401 to every request."),
                    key_name (u->key));
      findings_set_fix (ctx->out, _("Remove %s to have it made from "
                                    "webhook_secret, or put the same secret in "
                                    "both."),
                        key_name (u->key));
    }
}

/* ---- the table -------------------------------------------------------- */

static const struct
{
  const char *id;
  RuleFunc fn;
} rules[] = {
  { "value-invalid", rule_value_invalid },
  { "value-missing", rule_value_missing },
  { CONTACT_RULE, rule_contact_missing },
  { "app-type-management", rule_app_type_management },
  { "app-type-preset", rule_app_type_preset },
  { "scope-none", rule_scope_none },
  { "scope-malformed", rule_scope_malformed },
  { "scope-unknown", rule_scope_unknown },
  { "scope-level-mixed", rule_scope_level_mixed },
  { "scope-admin-on-user-app", rule_scope_admin_on_user_app },
  { "scope-user-on-admin-app", rule_scope_user_on_admin_app },
  { "scope-level-unconfirmed", rule_scope_level_unconfirmed },
  { "scope-family-mixed", rule_scope_family_mixed },
  { "scope-classic-on-general", rule_scope_classic_on_general },
  { "scope-required-missing", rule_scope_required_missing },
  { "url-whitespace", rule_whitespace },
  { "url-invalid", rule_invalid },
  { "url-not-https", rule_not_https },
  { "url-fragment", rule_fragment },
  { "url-userinfo", rule_userinfo },
  { "url-loopback-production", rule_loopback_production },
  { "url-loopback-refused", rule_loopback_refused },
  { "url-loopback-endpoint", rule_loopback_endpoint },
  { "url-site-form", rule_site_form },
  { "url-redirect-not-allowed", rule_redirect_not_allowed },
  { "url-trailing-slash", rule_trailing_slash },
  { "url-preset-mismatch", rule_url_preset_mismatch },
  { "secret-format", rule_secret_format },
  { "secret-missing", rule_secret_missing },
  { "secret-token-missing", rule_secret_token_missing },
  { "events-endpoint-missing", rule_events_endpoint_missing },
  { "event-malformed", rule_event_malformed },
  { "event-unknown", rule_event_unknown },
  { "credential-whitespace", rule_credential_whitespace },
  { "credential-shape", rule_credential_shape },
  { "webhook-secret-mismatch", rule_webhook_secret_mismatch },
};

const char *const *
rules_ids (void)
{
  static const char *ids[G_N_ELEMENTS (rules) + 1];
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    ids[i] = rules[i].id;
  return ids;
}

void
rules_run (const Answers *a, const Catalog *c, const Preset *p, Findings *out)
{
  Ctx ctx = { a, c, p, out, { NULL }, NULL, NULL };
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
#ifdef ZW_WITHOUT_RULE
      /* make check-mutants: each rule's tests must fail without it. */
      if (strcmp (rules[i].id, ZW_WITHOUT_RULE) == 0)
        continue;
#endif
      rules[i].fn (&ctx, rules[i].id);
    }
  if (ctx.urls != NULL)
    g_array_free (ctx.urls, TRUE);
  if (ctx.scopes != NULL)
    g_array_free (ctx.scopes, TRUE);
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    g_strfreev (ctx.lists[k]);
}

void
rules_check_answers (Answers *a, const Catalog *c, Findings *out)
{
  g_autoptr (Preset) preset = NULL;
  const char *id = answers_get (a, ANSWER_PRESET);

  if (id != NULL && *id != '\0')
    {
      g_autoptr (GError) error = NULL;
      preset = preset_load (id, &error);
      if (preset == NULL)
        {
          findings_add (out, SEVERITY_ERROR, "preset-unknown", "preset", "%s",
                        error->message);
          findings_set_fix (out, _("Write one of the names 'zoomwiz presets' "
                                   "lists, or remove the preset line."));
        }
      else
        preset_apply (preset, a, c);
    }
  rules_run (a, c, preset, out);
}
