/* create.c - see create.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "create.h"
#include "core/export.h"
#include "core/rules.h"
#include "core/secret.h"
#include "net/marketplace.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* The body of the create request: the app's type, name and contact, and
 * the manifest (a General app) or the scopes, active (Server-to-Server). */
static char *
create_body (const Answers *a, const char *name, json_t *manifest)
{
  json_t *j = json_pack ("{s:s, s:s, s:s?, s:s?, s:s?}", "app_type",
                         answers_app_type (a) == APP_TYPE_S2S ? "s2s_oauth" : "general",
                         "app_name", name, "contact_name",
                         answers_get (a, ANSWER_CONTACT_NAME), "contact_email",
                         answers_get (a, ANSWER_CONTACT_EMAIL), "company_name",
                         answers_get (a, ANSWER_COMPANY));
  if (manifest != NULL)
    json_object_set (j, "manifest", manifest);
  else
    {
      g_auto (GStrv) scopes = answers_list (a, ANSWER_SCOPES);
      json_t *list = json_array ();
      for (char **s = scopes; *s != NULL; s++)
        json_array_append_new (list, json_string (*s));
      json_object_set_new (j, "scopes", list);
      json_object_set_new (j, "active", json_true ());
    }
  char *text = json_dumps (j, JSON_COMPACT | JSON_SORT_KEYS);
  json_decref (j);
  return text;
}

/* The scopes asked that Zoom did not keep (it drops unknown ones silently),
 * as a failed check; a passed one when it kept them all. */
static void
compare_scopes (const Answers *a, char **kept, GPtrArray *checks)
{
  if (kept == NULL)
    return;
  g_auto (GStrv) asked = answers_list (a, ANSWER_SCOPES);
  GString *dropped = g_string_new (NULL);
  for (char **s = asked; *s != NULL; s++)
    if (!g_strv_contains ((const char *const *) kept, *s))
      g_string_append_printf (dropped, "%s%s", dropped->len ? ", " : "", *s);
  if (dropped->len > 0)
    checks_add (checks, "scopes-kept", CHECK_FAIL,
                _("Zoom drops a scope it does not know without a word: correct its name "
                  "(zoomwiz scopes NAME), then add it under the app's Scopes."),
                _("Zoom did not keep %s."), dropped->str);
  else
    checks_add (checks, "scopes-kept", CHECK_PASS, NULL, "%s",
                _("Zoom kept every scope asked for."));
  g_string_free (dropped, TRUE);
}

Verification *
flow_builder_token (const Answers *b, const VerifyOptions *bv, guint needed,
                    MarketplaceOptions *mo, GPtrArray *checks)
{
  VerifyOptions vo = *bv;
  vo.keep_token = TRUE;
  Verification *v = verify_run (b, &vo);
  if (v->token == NULL)
    {
      /* Its first failed check says why, and what to do. */
      const Check *why = NULL;
      for (guint i = 0; why == NULL && i < v->checks->len; i++)
        if (((const Check *) v->checks->pdata[i])->status == CHECK_FAIL)
          why = v->checks->pdata[i];
      Check *c = checks_add (checks, "builder", CHECK_FAIL,
                             why != NULL && why->fix != NULL
                                 ? why->fix
                                 : _("Run zoomwiz verify --profile BUILDER and put right "
                                     "what it says."),
                             _("The builder gets no token: %s"),
                             why != NULL ? why->message : "-");
      c->unreachable = why != NULL && why->unreachable;
      verification_free (v);
      return NULL;
    }
  if (!marketplace_builder_check (v->granted, needed, checks))
    {
      verification_free (v);
      return NULL;
    }
  *mo = (MarketplaceOptions) { .api_url = v->api_url != NULL ? v->api_url : vo.api_url,
                               .token = v->token, .ca_file = vo.ca_file,
                               .timeout_s = vo.timeout_s, .log = vo.log,
                               .log_data = vo.log_data };
  return v;
}

FlowCreateResult
flow_create_app (Answers *a, const Preset *p, const char *name, const Answers *b,
                 const VerifyOptions *bv, gboolean dry_run, Findings *findings,
                 GPtrArray *checks, gboolean *id_only)
{
  *id_only = FALSE;
  if (!dry_run)
    {
      guint before = findings_count (findings, SEVERITY_ERROR);
      rules_contact (a, findings);
      if (findings_count (findings, SEVERITY_ERROR) > before)
        return FLOW_CREATE_ANSWERS;
    }

  gboolean s2s = answers_app_type (a) == APP_TYPE_S2S;
  MarketplaceOptions mo;
  g_autoptr (Verification) v = flow_builder_token (
      b, bv, s2s ? MARKETPLACE_CREATE_S2S : MARKETPLACE_VALIDATE | MARKETPLACE_CREATE_GENERAL,
      &mo, checks);
  if (v == NULL)
    return FLOW_CREATE_REFUSED;

  /* A General app's manifest, validated; a Server-to-Server app has none. */
  json_t *manifest = NULL;
  if (!s2s)
    {
      g_autoptr (GError) error = NULL;
      ExportOptions eo = { .profile = name };
      char *text = export_render (EXPORT_MANIFEST, a, p, &eo, &error);
      if (text == NULL)
        {
          findings_add (findings, SEVERITY_ERROR, "manifest", "manifest",
                        _("No manifest can be made: %s"), error->message);
          return FLOW_CREATE_ANSWERS;
        }
      gboolean valid = marketplace_validate (&mo, text, findings, checks);
      manifest = valid ? json_loads (text, 0, NULL) : NULL;
      secret_free (text);
      if (!valid)
        return findings_count (findings, SEVERITY_ERROR) > 0 ? FLOW_CREATE_ANSWERS
                                                             : FLOW_CREATE_REFUSED;
    }
  else if (dry_run)
    checks_add (checks, "validate", CHECK_SKIP, NULL, "%s",
                _("A Server-to-Server app has no manifest to validate; the builder's "
                  "token works."));
  if (dry_run)
    {
      json_decref (manifest);
      return FLOW_CREATE_DONE;
    }

  char *body = create_body (a, name, manifest);
  json_decref (manifest);
  g_autoptr (MarketplaceApp) made = marketplace_create (
      &mo, body, s2s ? answers_get (b, ANSWER_ACCOUNT_ID) : NULL, checks);
  explicit_bzero (body, strlen (body));
  free (body);
  if (made == NULL)
    return FLOW_CREATE_REFUSED;
  compare_scopes (a, made->scopes, checks);

  answers_set (a, ANSWER_APP_ID, made->app_id, ORIGIN_ANSWER);
  answers_set (a, ANSWER_CLIENT_ID, made->client_id, ORIGIN_ANSWER);
  answers_set (a, ANSWER_CLIENT_SECRET, made->client_secret, ORIGIN_ANSWER);
  if (s2s)
    answers_set (a, ANSWER_ACCOUNT_ID, answers_get (b, ANSWER_ACCOUNT_ID), ORIGIN_ANSWER);
  *id_only = made->client_id == NULL;
  if (*id_only)
    answers_set (a, ANSWER_CLIENT_SECRET, NULL, ORIGIN_UNSET);
  return FLOW_CREATE_DONE;
}
