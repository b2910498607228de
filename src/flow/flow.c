/* flow.c - see flow.h. The steps follow DESIGN.md's "The wizard's steps".
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "flow.h"
#include "core/text.h"
#include "core/rules.h"
#include "core/url.h"

#include <string.h>

#define END ANSWER_N_KEYS

/* In the order of Zoom's own pages: Build App, Basic Information (the
 * management, App Credentials, OAuth Information), Features → Access (the
 * Secret Token, Event Subscription), Scopes, Local Test. */
static const FlowStep steps[] = {
  { "integration", N_("Integration"),
    N_("What are you connecting to Zoom? A preset fills in everything it knows."),
    FLOW_STEP_ASK, { ANSWER_PRESET, END }, FALSE },
  { "app-type", N_("App type"),
    N_("The kind of Zoom Marketplace app, chosen on Develop → Build App."),
    FLOW_STEP_ASK, { ANSWER_APP_TYPE, END }, FALSE },
  { "management", N_("Management"),
    N_("Who authorizes the app: each user, or an admin for the whole account."),
    FLOW_STEP_ASK, { ANSWER_MANAGEMENT, END }, FALSE },
  { "make", N_("Making the app"),
    N_("Build it yourself in the Marketplace, guided step by step, or have zoomwiz "
       "create it with a builder app's token."),
    FLOW_STEP_ASK, { ANSWER_BUILDER, END }, TRUE },
  { "environment", N_("Credentials"),
    N_("Development credentials work at once, for the accounts you add to the "
       "app; Production ones after Zoom publishes it."),
    FLOW_STEP_ASK, { ANSWER_ENVIRONMENT, END }, FALSE },
  { "credentials", N_("App credentials"),
    N_("From the app's App Credentials: the copy button beside each value."),
    FLOW_STEP_ASK,
    { ANSWER_ACCOUNT_ID, ANSWER_CLIENT_ID, ANSWER_CLIENT_SECRET, ANSWER_SECRET_TOKEN, END },
    FALSE },
  { "urls", N_("URLs"),
    N_("Where Zoom sends users back after they allow the app, and the allow list: "
       "paste each into the app's settings exactly as shown."),
    FLOW_STEP_ASK, { ANSWER_SITE_URL, ANSWER_REDIRECT_URL, ANSWER_ALLOW_LIST, END }, FALSE },
  { "secret-token", N_("Secret Token"),
    N_("Zoom signs every event with the app's Secret Token; the receiver checks "
       "the signature with it."),
    FLOW_STEP_ASK, { ANSWER_SECRET_TOKEN, END }, TRUE },
  { "recall", N_("Register with Recall.ai"),
    N_("Recall.ai gets the Client ID, Client Secret and Secret Token, and gives "
       "the app an id: the event URL is made from it."),
    FLOW_STEP_ASK, { ANSWER_RECALL_REGION, ANSWER_RECALL_API_KEY, ANSWER_RECALL_APP_ID, END },
    TRUE },
  { "webhooks", N_("Events"),
    N_("Where Zoom sends events, which ones, and the secrets that prove they "
       "come from Zoom."),
    FLOW_STEP_ASK,
    { ANSWER_SECRET_TOKEN, ANSWER_EVENT_ENDPOINT, ANSWER_EVENTS, ANSWER_DEAUTHORIZATION_URL,
      ANSWER_ENCRYPTION_KEY, ANSWER_WEBHOOK_SECRET, END }, FALSE },
  { "scopes", N_("Scopes"),
    N_("What the app may do. One app never mixes user-level and :admin scopes."),
    FLOW_STEP_ASK, { ANSWER_SCOPES, END }, FALSE },
  { "create", N_("Create the app"),
    N_("zoomwiz has Zoom check the app made from your answers, then create it with "
       "the builder's token. Zoom requires a developer contact."),
    FLOW_STEP_ASK, { ANSWER_CONTACT_NAME, ANSWER_CONTACT_EMAIL, ANSWER_COMPANY, END }, TRUE },
  { "live-test", N_("Live test"),
    N_("zoomwiz asks Zoom, as your server will, and says what is wrong."),
    FLOW_STEP_LIVE, { END }, FALSE },
  { "save", N_("Save and export"),
    N_("A profile (its secrets in the keyring, or in a file with --secret-store "
       "file), and what to paste where in the Marketplace."),
    FLOW_STEP_SAVE, { END }, FALSE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (steps) <= 16);

/* A builder profile exists: the step "make" is offered (flow_offer_builders). */
static gboolean builders_offered;

void
flow_offer_builders (gboolean offer)
{
  builders_offered = offer;
}

/* The steps in the order the preset gives (steps=), or the default one. */
typedef struct
{
  const FlowStep *at[16];
  guint n;
} Order;

static int place_of (const Order *o, const FlowStep *s);


/* Puts step ID after step AFTER (at the end when AFTER is not there). */
static void
order_insert (Order *o, const char *id, const char *after)
{
  if (o->n >= G_N_ELEMENTS (o->at))
    return;
  int at = place_of (o, flow_step_by_id (after)) + 1;
  if (at <= 0)
    at = (int) o->n;
  memmove (&o->at[at + 1], &o->at[at], (o->n - at) * sizeof o->at[0]);
  o->at[at] = flow_step_by_id (id);
  o->n++;
}

/* The steps that need the app to exist, when zoomwiz creates it: its
 * credentials, the Secret Token on its Features page, the registration
 * with Recall.ai (which needs both), and the events when their URL comes
 * from that registration. */
static gboolean
needs_app (const Order *o, const FlowStep *s)
{
  static const char *const ids[] = { "credentials", "secret-token", "recall" };
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (strcmp (s->id, ids[i]) == 0)
      return TRUE;
  return strcmp (s->id, "webhooks") == 0 && place_of (o, flow_step_by_id ("recall")) >= 0;
}

/* The steps in the preset's order (steps=), or the default one; with a
 * builder on offer the step "make" before the app type (before the first
 * page of the Marketplace), and when it creates the app, the order flow.h
 * describes: no environment, the steps that need the app moved after
 * "create", which comes before the live test. */
static void
order_of (const Preset *p, const Answers *a, Order *o)
{
  o->n = 0;
  if (p == NULL || p->steps == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (!steps[i].preset_only)
          o->at[o->n++] = &steps[i];
    }
  else
    for (char **id = p->steps; *id != NULL && o->n < G_N_ELEMENTS (o->at); id++)
      {
        const FlowStep *s = flow_step_by_id (*id);
        if (s != NULL)
          o->at[o->n++] = s;
      }
  if (!builders_offered && !answers_builder_creates (a))
    return;
  order_insert (o, "make", "integration");
  if (!answers_builder_creates (a))
    return;
  Order base = *o, later = { .n = 0 };
  o->n = 0;
  for (guint i = 0; i < base.n; i++)
    {
      const FlowStep *s = base.at[i];
      if (strcmp (s->id, "environment") == 0)
        continue;
      if (needs_app (&base, s))
        later.at[later.n++] = s;
      else
        {
          if (s->kind == FLOW_STEP_LIVE)
            {
              o->at[o->n++] = flow_step_by_id ("create");
              for (guint j = 0; j < later.n; j++)
                o->at[o->n++] = later.at[j];
            }
          o->at[o->n++] = s;
        }
    }
}

/* S's place in the order, or -1. */
static int
place_of (const Order *o, const FlowStep *s)
{
  for (guint i = 0; i < o->n; i++)
    if (o->at[i] == s)
      return (int) i;
  return -1;
}

static gboolean
lists (const FlowStep *s, AnswerKey key)
{
  for (const AnswerKey *k = s->keys; *k != END; k++)
    if (*k == key)
      return TRUE;
  return FALSE;
}

const FlowStep *
flow_steps (guint *n)
{
  *n = G_N_ELEMENTS (steps);
  return steps;
}

const FlowStep *
flow_step_by_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (strcmp (steps[i].id, id) == 0)
      return &steps[i];
  return NULL;
}

static gboolean
is_s2s (const Answers *a)
{
  return answers_app_type (a) == APP_TYPE_S2S;
}

/* Whether a preset's list (secrets, generated) names KEY. */
static gboolean
names (char **list, AnswerKey key)
{
  return list != NULL && g_strv_contains ((const char *const *) list,
                                          answer_key_info (key)->name);
}

/* The Secret Token is on a page of the app: when zoomwiz creates it, asked
 * with the credentials Zoom sent, else with the events. */
static gboolean
token_asked_at (const FlowStep *s, const Answers *a)
{
  return (strcmp (s->id, "credentials") == 0) == answers_builder_creates (a);
}

gboolean
flow_asks (const FlowStep *s, AnswerKey key, const Answers *a, const Preset *p)
{
  if (!lists (s, key))
    return FALSE;
  if (key == ANSWER_SECRET_TOKEN && !token_asked_at (s, a))
    return FALSE;
  if (key == ANSWER_BUILDER)
    return answers_app_type (a) != APP_TYPE_OAUTH_LEGACY;
  Order o;
  order_of (p, a, &o);
  int at = place_of (&o, s);
  for (int i = 0; i < at; i++)
    if (lists (o.at[i], key) && (key != ANSWER_SECRET_TOKEN || token_asked_at (o.at[i], a)))
      return FALSE; /* asked before */
  switch (key)
    {
    case ANSWER_ACCOUNT_ID:
      return is_s2s (a);
    case ANSWER_SITE_URL:
      /* Only a preset that makes URLs from it asks for it. */
      return p != NULL && p->site_url_example != NULL;
    case ANSWER_DEAUTHORIZATION_URL:
      return p != NULL && p->defaults[ANSWER_DEAUTHORIZATION_URL] != NULL;
    case ANSWER_ENCRYPTION_KEY:
    case ANSWER_WEBHOOK_SECRET:
      return p != NULL && names (p->generated, key);
    case ANSWER_SECRET_TOKEN:
      {
        /* Events, or an endpoint to send them to: Zoom signs with it. */
        const char *events = answers_get (a, ANSWER_EVENTS);
        const char *endpoint = answers_get (a, ANSWER_EVENT_ENDPOINT);
        return (events != NULL && *events != '\0') || (endpoint != NULL && *endpoint != '\0')
               || (p != NULL && names (p->secrets, key));
      }
    default:
      return TRUE;
    }
}

gboolean
flow_step_applies (const FlowStep *s, const Answers *a, const Preset *p)
{
  Order o;
  order_of (p, a, &o);
  if (place_of (&o, s) < 0)
    return FALSE;
  if (is_s2s (a) && (strcmp (s->id, "management") == 0 || strcmp (s->id, "environment") == 0
                     || strcmp (s->id, "urls") == 0))
    return FALSE; /* one credential set, account level, no user to send back */
  if (s->kind != FLOW_STEP_ASK)
    return TRUE;
  for (const AnswerKey *k = s->keys; *k != END; k++)
    if (flow_asks (s, *k, a, p))
      return TRUE;
  return FALSE;
}

gboolean
flow_asks_secret (const FlowStep *s, const Answers *a, const Preset *p)
{
  for (const AnswerKey *k = s->keys; *k != ANSWER_N_KEYS; k++)
    if (answer_is_secret (*k) && flow_asks (s, *k, a, p))
      return TRUE;
  return FALSE;
}

char *
flow_no_keyring_text (const char *why)
{
  return g_strdup_printf (_("No Secret Service keyring answers here (%s), so the secrets "
                            "asked next would have nowhere to go."),
                          why);
}

/* A host name with nothing before it: a dot (or localhost), no scheme, no
 * space, no slash before the host ends. */
static gboolean
bare_host (const char *v)
{
  if (strstr (v, "://") != NULL || text_has_space (v) || *v == '/' || *v == '\0')
    return FALSE;
  gsize host = strcspn (v, "/?#");
  g_autofree char *h = g_strndup (v, host);
  return strchr (h, '.') != NULL || g_str_has_prefix (h, "localhost");
}

char *
flow_tidy (AnswerKey key, const char *typed, char **note)
{
  const AnswerKeyInfo *info = answer_key_info (key);
  GString *notes = g_string_new (NULL);
  char *v;

  if (info->kind == ANSWER_KIND_URL_LIST)
    {
      /* Each item trimmed; empty ones (";;", a trailing ";") dropped. */
      g_auto (GStrv) items = g_strsplit (typed, ";", -1);
      GPtrArray *kept = g_ptr_array_new ();
      for (char **it = items; *it != NULL; it++)
        if (*g_strstrip (*it) != '\0')
          g_ptr_array_add (kept, *it);
      g_ptr_array_add (kept, NULL);
      v = g_strjoinv (";", (char **) kept->pdata);
      g_ptr_array_free (kept, TRUE);
      if (strcmp (v, typed) != 0)
        g_string_append (notes, _("Spaces and empty items were removed."));
    }
  else
    {
      v = g_strstrip (g_strdup (typed));
      if (strcmp (v, typed) != 0)
        g_string_append (notes, _("Spaces around it were removed."));
    }
  if (info->kind == ANSWER_KIND_URL && bare_host (v))
    {
      char *with = g_strconcat ("https://", v, NULL);
      g_free (v);
      v = with;
      if (notes->len > 0)
        g_string_append_c (notes, ' ');
      g_string_append (notes, _("https:// was put in front."));
    }
  if (key == ANSWER_SITE_URL)
    {
      gsize n = strlen (v), before = n;
      gsize scheme = strstr (v, "://") != NULL ? (gsize) (strstr (v, "://") - v) + 3 : 0;
      while (n > scheme + 1 && v[n - 1] == '/')
        v[--n] = '\0';
      if (n < before)
        {
          if (notes->len > 0)
            g_string_append_c (notes, ' ');
          g_string_append (notes, _("The trailing / was removed: the paths go after it."));
        }
    }
  *note = notes->len > 0 ? g_string_free (notes, FALSE) : (g_string_free (notes, TRUE), NULL);
  return v;
}

const FlowStep *
flow_next (const FlowStep *s, const Answers *a, const Preset *p)
{
  Order o;
  order_of (p, a, &o);
  for (guint i = s != NULL ? (guint) (place_of (&o, s) + 1) : 0; i < o.n; i++)
    if (flow_step_applies (o.at[i], a, p))
      return o.at[i];
  return NULL;
}

const FlowStep *
flow_prev (const FlowStep *s, const Answers *a, const Preset *p)
{
  Order o;
  order_of (p, a, &o);
  for (int i = place_of (&o, s) - 1; i >= 0; i--)
    if (flow_step_applies (o.at[i], a, p))
      return o.at[i];
  return NULL;
}

/* When zoomwiz creates the app: what the step "create" sends Zoom (the
 * manifest's essentials), what the credentials step has from Zoom, and for
 * the steps between, that the answers go into the app; NULL for a step
 * whose own guide stands. */
static char **
creating_guide (const FlowStep *s, const Answers *a, const Preset *p)
{
  if (s == NULL || !answers_builder_creates (a) || s->kind == FLOW_STEP_SAVE
      || strcmp (s->id, "integration") == 0 || strcmp (s->id, "make") == 0)
    return NULL;
  GPtrArray *l = g_ptr_array_new ();
  gboolean s2s = is_s2s (a);
  const char *id = answers_get (a, ANSWER_APP_ID);
  if (s->kind == FLOW_STEP_LIVE)
    {
      /* Created active: the preset's "Activate your app" does not apply. */
      if (!s2s)
        {
          g_ptr_array_free (l, TRUE);
          return NULL;
        }
      g_ptr_array_add (l, g_strdup (_("Zoom created the app active. A new app's token may "
                                      "lack its scopes for some seconds: test again then.")));
    }
  else if (strcmp (s->id, "create") == 0)
    {
      const char *name = p != NULL && p->title != NULL ? p->title : "zoomwiz";
      g_ptr_array_add (l, g_strdup_printf (
                              s2s ? _("%s: a Server-to-Server OAuth app, active, on the "
                                      "builder's account.")
                              : answers_management (a) == MANAGEMENT_ADMIN
                                  ? _("%s: a General app, admin-managed.")
                                  : _("%s: a General app, user-managed."),
                              name));
      static const AnswerKey shown[] = { ANSWER_REDIRECT_URL, ANSWER_ALLOW_LIST,
                                         ANSWER_SCOPES };
      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        {
          const char *v = answers_get (a, shown[i]);
          if (v == NULL || *v == '\0' || (s2s && shown[i] != ANSWER_SCOPES))
            continue;
          /* An allow list of the redirect URL alone says nothing more. */
          if (shown[i] == ANSWER_ALLOW_LIST
              && g_strcmp0 (v, answers_get (a, ANSWER_REDIRECT_URL)) == 0)
            continue;
          g_autofree char *plain = url_for_display (v);
          /* TRANSLATORS: "Redirect URL: https://..." in the app to create. */
          g_ptr_array_add (l, g_strdup_printf (_("%s: %s"), flow_key_label (shown[i]),
                                               plain));
        }
      const char *events = answers_get (a, ANSWER_EVENTS);
      const char *endpoint = answers_get (a, ANSWER_EVENT_ENDPOINT);
      if (events != NULL && *events != '\0' && endpoint != NULL && *endpoint != '\0')
        {
          g_autofree char *plain = url_for_display (endpoint);
          /* TRANSLATORS: "Events: meeting.started meeting.ended, to URL". */
          g_ptr_array_add (l, g_strdup_printf (_("Events: %s, to %s"), events, plain));
        }
      g_ptr_array_add (l, g_strdup_printf (_("Created with the token of the builder "
                                             "profile %s."),
                                           answers_get (a, ANSWER_BUILDER)));
    }
  else if (strcmp (s->id, "credentials") == 0 && id != NULL)
    {
      g_ptr_array_add (l, g_strdup_printf (_("Zoom created the app %s: the values below are "
                                             "the ones it sent (Development credentials)."),
                                           id));
      if (flow_asks (s, ANSWER_SECRET_TOKEN, a, p))
        g_ptr_array_add (l, g_strdup_printf (_("Open the app %s in the Marketplace (Manage → "
                                               "Created Apps), and copy the Secret Token "
                                               "from its Features → Access into the field "
                                               "below."),
                                             id));
    }
  else
    {
      /* Before the app exists, nothing to do in the Marketplace; after it,
       * the preset's guide (Recall.ai's events, made from its registration). */
      Order o;
      order_of (p, a, &o);
      if (place_of (&o, s) < place_of (&o, flow_step_by_id ("create")))
        g_ptr_array_add (l, g_strdup (_("Nothing to do here: zoomwiz puts these answers "
                                        "into the app it creates.")));
    }
  g_ptr_array_add (l, NULL);
  if (l->len == 1)
    {
      g_ptr_array_free (l, TRUE);
      return NULL;
    }
  return (char **) g_ptr_array_free (l, FALSE);
}

char **
flow_step_guide (const FlowStep *s, const Answers *a, const Preset *p, ExportSecretsAt at)
{
  char **made = creating_guide (s, a, p);
  if (made != NULL)
    return made;
  g_autoptr (GError) error = NULL;
  /* A value this step asks, not given yet, is the field below the guide. */
  char *missing[ANSWER_N_KEYS] = { NULL };
  for (const AnswerKey *k = s != NULL ? s->keys : NULL; k != NULL && *k != END; k++)
    if (flow_asks (s, *k, a, p) && !answer_is_secret (*k))
      /* TRANSLATORS: stands in a step's guide for a value the step asks
         below it, e.g. "paste the Redirect URL below as OAuth Redirect URL". */
      missing[*k] = g_strdup_printf (_("the %s below"), flow_key_label (*k));
  char **lines = export_guide (a, p, s != NULL ? s->id : "finish", at,
                               (const char *const *) missing, &error);
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    g_free (missing[k]);
  if (lines == NULL)
    {
      lines = g_new0 (char *, 2);
      lines[0] = g_strdup (error->message);
    }
  return lines;
}

guint
flow_position (const FlowStep *s, const Answers *a, const Preset *p, guint *total)
{
  guint n = 0, at = 0;
  for (const FlowStep *t = flow_next (NULL, a, p); t != NULL; t = flow_next (t, a, p))
    {
      n++;
      if (t == s)
        at = n;
    }
  if (total != NULL)
    *total = n;
  return at;
}

static const struct
{
  AnswerKey key;
  const char *value;
  const char *help;
} choice_help[] = {
  { ANSWER_APP_TYPE, "general",
    N_("General app (OAuth): a user or an admin allows it") },
  { ANSWER_APP_TYPE, "s2s",
    N_("Server-to-Server OAuth: your own server, no user") },
  { ANSWER_APP_TYPE, "oauth-legacy",
    N_("OAuth app made before 2024 (classic scope names)") },
  { ANSWER_MANAGEMENT, "user",
    N_("each user allows it for themselves; user-level scopes") },
  { ANSWER_MANAGEMENT, "admin",
    N_("an admin allows it for the account; :admin scopes") },
  { ANSWER_ENVIRONMENT, "development",
    N_("works at once, for the accounts you add to the app") },
  { ANSWER_ENVIRONMENT, "production",
    N_("for a published app, after Zoom's review") },
};

const char *
flow_choice_help (AnswerKey key, const char *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (choice_help); i++)
    if (choice_help[i].key == key && strcmp (choice_help[i].value, value) == 0)
      return choice_help[i].help;
  return NULL;
}

gboolean
flow_key_is_choice (AnswerKey key)
{
  return key == ANSWER_PRESET || key == ANSWER_BUILDER
         || answer_key_info (key)->kind == ANSWER_KIND_CHOICE;
}

const char *
flow_key_label (AnswerKey key)
{
  static const char *const labels[ANSWER_N_KEYS] = {
    [ANSWER_PRESET] = N_("Integration"),
    [ANSWER_APP_TYPE] = N_("App type"),
    [ANSWER_MANAGEMENT] = N_("Management"),
    [ANSWER_ENVIRONMENT] = N_("Credentials"),
    [ANSWER_SITE_URL] = N_("Site URL"),
    [ANSWER_REDIRECT_URL] = N_("Redirect URL"),
    [ANSWER_ALLOW_LIST] = N_("Allow list"),
    [ANSWER_SCOPES] = N_("Scopes"),
    [ANSWER_EVENT_ENDPOINT] = N_("Event endpoint"),
    [ANSWER_EVENTS] = N_("Events"),
    [ANSWER_DEAUTHORIZATION_URL] = N_("Deauthorization URL"),
    [ANSWER_ACCOUNT_ID] = N_("Account ID"),
    [ANSWER_CLIENT_ID] = N_("Client ID"),
    [ANSWER_CLIENT_SECRET] = N_("Client Secret"),
    [ANSWER_SECRET_TOKEN] = N_("Secret Token"),
    [ANSWER_ENCRYPTION_KEY] = N_("Encryption key"),
    [ANSWER_WEBHOOK_SECRET] = N_("Webhook secret"),
    [ANSWER_RECALL_REGION] = N_("Recall.ai region"),
    [ANSWER_RECALL_APP_ID] = N_("Recall.ai app ID"),
    [ANSWER_RECALL_API_KEY] = N_("Recall.ai API key"),
    [ANSWER_APP_ID] = N_("Marketplace app id"),
    [ANSWER_BUILDER] = N_("Made by"),
    [ANSWER_CONTACT_NAME] = N_("Contact name"),
    [ANSWER_CONTACT_EMAIL] = N_("Contact email"),
    [ANSWER_COMPANY] = N_("Company"),
    [ANSWER_ZOOM_URL] = N_("Zoom URL"),
    [ANSWER_API_URL] = N_("Zoom API URL"),
  };
  return labels[key] != NULL ? _(labels[key]) : answer_key_info (key)->name;
}

const char *
flow_guide_label (const FlowStep *s)
{
  /* TRANSLATORS: before the steps to take at Recall.ai (its dashboard). */
  if (s != NULL && strcmp (s->id, "recall") == 0)
    return _("At Recall.ai:");
  /* TRANSLATORS: before what the wizard sends Zoom to create the app. */
  if (s != NULL && strcmp (s->id, "create") == 0)
    return _("To create:");
  /* TRANSLATORS: before the Marketplace steps of a wizard step. */
  return s != NULL ? _("In Zoom:") : _("What is left:");
}

const char *
flow_note_generated (void)
{
  return _("generated by zoomwiz, random; ^R shows it, ^Y copies it");
}

const char *
flow_note_preset (void)
{
  return _("from the integration's preset; type to change it");
}

int
flow_note_room (int cols, int label_width)
{
  /* The label at column 2, two spaces, the note, and 2 columns of margin. */
  return cols - label_width - 6;
}

const char *
flow_key_where (AnswerKey key)
{
  switch (key)
    {
    case ANSWER_ACCOUNT_ID:
    case ANSWER_CLIENT_ID:
    case ANSWER_CLIENT_SECRET:
      return _("in Zoom on the app's App Credentials page, with a copy button");
    case ANSWER_SECRET_TOKEN:
      return _("in Zoom: Features → Access (Server-to-Server: Feature)");
    case ANSWER_RECALL_API_KEY:
      return _("in the Recall.ai dashboard under API Keys, of the region");
    case ANSWER_RECALL_APP_ID:
      return _("left empty, zoomwiz registers the app and fills it in");
    default:
      return NULL;
    }
}

const char *
flow_step_note (const FlowStep *s)
{
  if (strcmp (s->id, "app-type") == 0)
    /* Reference: no new JWT apps from 2023-06-01, all deactivated 2023-09-08. */
    return N_("JWT apps were switched off in September 2023: for your own server, "
              "choose Server-to-Server OAuth.");
  return NULL;
}

Findings *
flow_step_findings (const FlowStep *s, const Answers *a, const Catalog *c, const Preset *p)
{
  g_autoptr (Findings) all = findings_new ();
  Findings *mine = findings_new ();

  rules_run (a, c, p, all);
  for (guint i = 0; i < all->items->len; i++)
    {
      Finding *f = all->items->pdata[i];
      for (const AnswerKey *k = s->keys; *k != END; k++)
        if (flow_asks (s, *k, a, p) && strcmp (f->key, answer_key_info (*k)->name) == 0)
          {
            /* Moved, not copied: ALL is freed below without it. */
            g_ptr_array_add (mine->items, g_ptr_array_steal_index (all->items, i--));
            if (strcmp (f->rule, "secret-missing") == 0 && f->severity == SEVERITY_WARNING)
              {
                /* Asked here and now: not a file to give for a later run. */
                f->severity = SEVERITY_ERROR;
                g_free (f->message);
                f->message = g_strdup_printf (_("%s is empty."), flow_key_label (*k));
                g_free (f->fix);
                f->fix = flow_key_where (*k) != NULL
                             /* TRANSLATORS: %s says where the value is, e.g. "in Zoom
                              * on the app's App Credentials page, with a copy button". */
                             ? g_strdup_printf (_("Paste it here: it is %s."), flow_key_where (*k))
                             : NULL;
              }
            else if (strcmp (f->rule, "secret-token-missing") == 0
                     && flow_key_where (*k) != NULL)
              {
                /* The same: pasted here, not given as secret_token_file. */
                g_free (f->fix);
                f->fix = g_strdup_printf (_("Paste it here: it is %s."), flow_key_where (*k));
              }
            break;
          }
    }
  return mine;
}
