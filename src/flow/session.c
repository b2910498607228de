/* session.c - see session.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "session.h"
#include "net/oauth.h"
#include "core/url.h"
#include "core/secret.h"
#include "net/recall.h"
#include "create.h"
#include "store/profile.h"

#include <string.h>

FlowSession *
flow_session_new (Answers *a)
{
  FlowSession *s = g_new0 (FlowSession, 1);
  s->a = a;
  return s;
}

void
flow_session_free (FlowSession *s)
{
  if (s == NULL)
    return;
  g_clear_pointer (&s->preset, preset_free);
  g_clear_pointer (&s->catalog, catalog_free);
  g_strfreev (s->builders);
  answers_free (s->a);
  g_free (s);
}

const Catalog *
flow_session_catalog (FlowSession *s, GError **error)
{
  if (s->catalog == NULL)
    s->catalog = catalog_load (NULL, error);
  return s->catalog;
}

/* Preset defaults follow the answers they are made from (a new site URL
 * makes a new redirect URL): drop them and fill them in again. */
static void
refill (FlowSession *s)
{
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    if (s->a->origin[k] == ORIGIN_PRESET)
      answers_set (s->a, k, NULL, ORIGIN_UNSET);
  if (s->preset != NULL)
    preset_apply (s->preset, s->a, s->catalog);
}

static gboolean
choose_preset (FlowSession *s, const char *id, GError **error)
{
  g_clear_pointer (&s->preset, preset_free);
  if (id != NULL && *id != '\0' && strcmp (id, "custom") != 0
      && (s->preset = preset_load (id, error)) == NULL)
    return FALSE;
  /* Secrets the preset makes are made now: its URL templates use them. */
  if (s->preset != NULL && !preset_generate_secrets (s->preset, s->a, s->generated, error))
    return FALSE;
  refill (s);
  return TRUE;
}

gboolean
flow_session_set (FlowSession *s, AnswerKey key, const char *given, GError **error)
{
  gboolean ok = TRUE;
  /* A copy: GIVEN may be the answer it replaces. */
  char *value = given != NULL && *given != '\0' ? g_strdup (given) : NULL;
  if (key == ANSWER_PRESET)
    {
      answers_set (s->a, key, value != NULL && strcmp (value, "custom") == 0 ? NULL : value,
                   ORIGIN_ANSWER);
      s->a->provenance[key] = PROVENANCE_WIZARD;
      ok = choose_preset (s, value, error);
    }
  else
    {
      answers_set (s->a, key, value, value != NULL ? ORIGIN_ANSWER : ORIGIN_UNSET);
      s->a->provenance[key] = value != NULL ? PROVENANCE_WIZARD : PROVENANCE_UNKNOWN;
      s->generated[key] = FALSE;
      refill (s);
    }
  if (value != NULL)
    explicit_bzero (value, strlen (value));
  g_free (value);
  return ok;
}

Findings *
flow_session_findings (FlowSession *s, const FlowStep *step)
{
  /* The catalog is read once there are scopes to look up (not for the
   * first screen). Without it the scope rules cannot run: its error is one
   * of the step's findings. */
  g_autoptr (GError) error = NULL;
  gboolean needed = answers_get (s->a, ANSWER_SCOPES) != NULL;
  const Catalog *c = needed ? flow_session_catalog (s, &error) : s->catalog;
  Findings *f = flow_step_findings (step, s->a, c, s->preset);
  if (c == NULL && needed)
    {
      findings_add (f, SEVERITY_ERROR, "catalog", answer_key_info (ANSWER_SCOPES)->name,
                    _("The scope catalog cannot be read: %s"), error->message);
      findings_set_fix (f, "%s", _("Reinstall zoomwiz, or set ZOOMWIZ_DATADIR to its "
                                   "data folder."));
    }
  return f;
}

char **
flow_builder_profiles (void)
{
  GPtrArray *out = g_ptr_array_new ();
  g_auto (GStrv) names = profile_list (NULL);
  for (char **n = names; n != NULL && *n != NULL; n++)
    {
      g_autoptr (Answers) a = strcmp (*n, ANSWER_BUILDER_BY_HAND) != 0
                                  ? profile_load (*n, FALSE, NULL) : NULL;
      if (a != NULL && g_strcmp0 (answers_get (a, ANSWER_PRESET), "zoom-builder") == 0)
        g_ptr_array_add (out, g_strdup (*n));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

gboolean
flow_session_offer_builders (FlowSession *s)
{
  g_strfreev (s->builders);
  s->builders = flow_builder_profiles ();
  flow_offer_builders (s->builders[0] != NULL);
  return s->builders[0] != NULL;
}

char **
flow_choices (const FlowSession *s, AnswerKey key)
{
  if (key == ANSWER_PRESET)
    return preset_list (NULL);
  if (key == ANSWER_BUILDER)
    {
      /* By hand, then each builder profile. */
      GPtrArray *out = g_ptr_array_new ();
      g_ptr_array_add (out, g_strdup (ANSWER_BUILDER_BY_HAND));
      for (char **b = s->builders; b != NULL && *b != NULL; b++)
        g_ptr_array_add (out, g_strdup (*b));
      /* And the one given, though no such builder is here (its finding,
       * or the creation, says so). */
      const char *given = answers_get (s->a, key);
      gboolean listed = given == NULL || *given == '\0';
      for (guint i = 0; !listed && i < out->len; i++)
        listed = strcmp (out->pdata[i], given) == 0;
      if (!listed)
        g_ptr_array_add (out, g_strdup (given));
      g_ptr_array_add (out, NULL);
      return (char **) g_ptr_array_free (out, FALSE);
    }
  const char *const *choices = answer_key_info (key)->choices;
  if (choices == NULL)
    return NULL;
  /* A preset's app types and management types, and the one given (its
   * finding says why it does not fit). */
  char **only = s->preset == NULL ? NULL
                : key == ANSWER_APP_TYPE ? s->preset->app_types
                : key == ANSWER_MANAGEMENT ? s->preset->managements : NULL;
  if (only == NULL || only[0] == NULL)
    return g_strdupv ((char **) choices);
  const char *given = answers_get (s->a, key);
  GPtrArray *out = g_ptr_array_new ();
  for (const char *const *c = choices; *c != NULL; c++)
    if (g_strv_contains ((const char *const *) only, *c) || g_strcmp0 (given, *c) == 0)
      g_ptr_array_add (out, g_strdup (*c));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

char *
flow_choice_label (AnswerKey key, const char *value)
{
  if (key == ANSWER_PRESET)
    {
      g_autoptr (PresetInfo) p = preset_info (value, NULL);
      return g_strdup (p != NULL ? p->title : "");
    }
  if (key == ANSWER_BUILDER)
    return g_strdup (strcmp (value, ANSWER_BUILDER_BY_HAND) == 0
                         ? _("build it yourself in the Marketplace, guided step by step")
                         : _("create it for me with this builder profile's token"));
  const char *help = flow_choice_help (key, value);
  return g_strdup (help != NULL ? _(help) : "");
}

char *
flow_shown_value (AnswerKey key, const char *value)
{
  if (value == NULL)
    return g_strdup ("");
  if (answer_is_secret (key))
    return profile_mask_secret (value);
  return url_for_display (value);
}

Verification *
flow_session_verify (FlowSession *s, const VerifyOptions *o)
{
  VerifyOptions mine = *o;
  if (mine.receiver_hint == NULL && s->preset != NULL)
    mine.receiver_hint = s->preset->receiver_secret;
  if (mine.receiver_404 == NULL && s->preset != NULL)
    mine.receiver_404 = s->preset->receiver_404;
  if (mine.catalog == NULL)
    mine.catalog = s->catalog;
  return verify_run (s->a, &mine);
}

/* Leaving the step "create": the app created with the builder's token,
 * once (an app id means it was), its credentials put into the answers. */
static gboolean
leave_create (FlowSession *s, const SetupOptions *o, GPtrArray *checks)
{
  const char *made = answers_get (s->a, ANSWER_APP_ID);
  if (!answers_builder_creates (s->a) || (made != NULL && *made != '\0'))
    return TRUE;
  const char *builder = answers_get (s->a, ANSWER_BUILDER);
  g_autoptr (GError) error = NULL;
  g_autoptr (Answers) b = profile_load (builder, TRUE, &error);
  g_autoptr (Preset) bp = NULL;
  if (b != NULL && answers_get (b, ANSWER_PRESET) != NULL)
    bp = preset_load (answers_get (b, ANSWER_PRESET), NULL);
  if (b == NULL)
    {
      checks_add (checks, "create", CHECK_FAIL,
                  _("Go back to \"Making the app\" and choose another, or build it by hand."),
                  _("The builder profile %s cannot be read: %s"), builder, error->message);
      return FALSE;
    }
  if (bp != NULL)
    preset_apply (bp, b, NULL);
  VerifyOptions vo = o->verify != NULL ? *o->verify : (VerifyOptions) { 0 };
  vo.idle = NULL;
  if (vo.timeout_s == 0)
    vo.timeout_s = 20;
  g_autoptr (Findings) f = findings_new ();
  gboolean id_only = FALSE;
  const char *name = s->preset != NULL && s->preset->title != NULL ? s->preset->title
                     : o->profile != NULL                        ? o->profile
                                                                 : "zoomwiz";
  FlowCreateResult r = flow_create_app (s->a, s->preset, name, b, &vo, FALSE, f, checks,
                                        &id_only);
  /* What Zoom or the rules said of the answers, as the step's checks. */
  for (guint i = 0; i < f->items->len; i++)
    {
      const Finding *item = f->items->pdata[i];
      if (item->severity == SEVERITY_ERROR)
        checks_add (checks, "create", CHECK_FAIL, item->fix, _("%s: %s"),
                    flow_key_label (answer_key_by_name (item->key) >= 0
                                        ? (AnswerKey) answer_key_by_name (item->key)
                                        : ANSWER_SCOPES),
                    item->message);
    }
  if (r != FLOW_CREATE_DONE)
    return FALSE;
  if (id_only)
    checks_add (checks, "create", CHECK_PASS, NULL,
                _("Zoom created the app %s but sent only its id: copy the Client ID and "
                  "Client Secret from its App Credentials page."),
                answers_get (s->a, ANSWER_APP_ID));
  else if (answers_get (s->a, ANSWER_CLIENT_SECRET) == NULL)
    checks_add (checks, "create", CHECK_PASS, NULL,
                _("Zoom created the app %s without sending its Client Secret: copy it "
                  "from its App Credentials page."),
                answers_get (s->a, ANSWER_APP_ID));
  refill (s);
  return TRUE;
}

gboolean
flow_session_leave (FlowSession *s, const FlowStep *step, const SetupOptions *o,
                    GPtrArray *checks, HttpIdleFunc idle, int idle_fd, gpointer idle_data)
{
  if (strcmp (step->id, "create") == 0)
    return leave_create (s, o, checks);
  const char *known = answers_get (s->a, ANSWER_RECALL_APP_ID);
  if (strcmp (step->id, "recall") != 0 || (known != NULL && *known != '\0'))
    return TRUE;
  const char *region = answers_get (s->a, ANSWER_RECALL_REGION);
  const char *key = answers_get (s->a, ANSWER_RECALL_API_KEY);
  if (region == NULL || key == NULL || *key == '\0')
    {
      checks_add (checks, "register", CHECK_FAIL,
                  _("Give both, or the id of an app registered already."),
                  "%s", _("Recall.ai needs the region and an API key to register the app."));
      return FALSE;
    }
  ExportOptions eo = { .profile = "wizard" };
  g_autoptr (GError) error = NULL;
  char *body = export_render (EXPORT_RECALL, s->a, s->preset, &eo, &error);
  if (body == NULL)
    {
      checks_add (checks, "register", CHECK_FAIL, error->message, "%s",
                  _("The request to Recall.ai cannot be made yet."));
      return FALSE;
    }
  g_autofree char *base = o->recall_url != NULL ? g_strdup (o->recall_url)
                                                : recall_base_url (region);
  const VerifyOptions *v = o->verify;
  RecallOptions ro = { .base_url = base, .region = region, .api_key = key,
                       .ca_file = v != NULL ? v->ca_file : NULL,
                       .timeout_s = v != NULL && v->timeout_s > 0 ? v->timeout_s : 30,
                       .idle = idle, .idle_fd = idle_fd, .idle_data = idle_data };
  g_autofree char *id = recall_register (&ro, body, checks);
  secret_free (body);
  if (id == NULL)
    return FALSE;
  /* The event URLs are made again from the id (refill). */
  return flow_session_set (s, ANSWER_RECALL_APP_ID, id, NULL);
}

/* Whether URL is one for zoomwiz's loopback listener: this machine's,
 * ending in its path. */
static gboolean
is_loopback_callback (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  return uri != NULL && url_host_is_loopback (g_uri_get_host (uri))
         && g_str_has_suffix (url, OAUTH_LOOPBACK_PATH);
}

char **
flow_session_left (FlowSession *s, ExportSecretsAt at)
{
  const Answers *a = s->a;
  char **lines = flow_step_guide (NULL, a, s->preset, at);
  GPtrArray *all = g_ptr_array_new ();
  for (char **l = lines; *l != NULL; l++)
    g_ptr_array_add (all, *l);
  g_free (lines);
  g_auto (GStrv) allow = answers_list (a, ANSWER_ALLOW_LIST);
  const char *loopback = s->loopback_used ? OAUTH_LOOPBACK_ALLOW_URL : NULL;
  for (char **u = allow; *u != NULL; u++)
    if (is_loopback_callback (*u))
      loopback = *u;
  if (loopback != NULL)
    g_ptr_array_add (all, g_strdup_printf (_("If you added %s to OAuth Allow Lists only "
                                             "for zoomwiz's test, remove it again."),
                                           loopback));
  if (answers_app_type (a) != APP_TYPE_S2S
      && g_strcmp0 (answers_get (a, ANSWER_ENVIRONMENT), "production") != 0)
    g_ptr_array_add (all, g_strdup (_("Once Zoom has published the app, its Production "
                                      "credentials (a pair of their own, under App "
                                      "Credentials → Production) replace these: run zoomwiz "
                                      "again with Production.")));
  g_ptr_array_add (all, NULL);
  return (char **) g_ptr_array_free (all, FALSE);
}

const FlowStep *
flow_step_for_check (const char *check_id)
{
  if (g_str_has_prefix (check_id, "webhook"))
    return flow_step_by_id ("webhooks");
  if (strcmp (check_id, "scopes") == 0 || g_str_has_prefix (check_id, "scopes:"))
    return flow_step_by_id ("scopes");
  return flow_step_by_id ("credentials");
}
