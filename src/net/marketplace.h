/* marketplace.h - Zoom's Marketplace API with a builder app's token:
 * validate a manifest, create an app (General on /v2/marketplace/apps,
 * Server-to-Server on /v2/accounts/{accountId}/marketplace/apps), rotate
 * an app's client secret. The wire
 * facts and what is unconfirmed: doc/reference/marketplace-api.md.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_MARKETPLACE_H
#define ZW_MARKETPLACE_H

#include "core/check.h"
#include "core/findings.h"
#include "http.h"

typedef struct
{
  const char *api_url; /* https://api.zoom.us, or the builder token's api_url */
  const char *token;   /* the builder app's access token (a secret) */
  const char *ca_file;
  guint timeout_s;
  HttpLogFunc log;
  gpointer log_data;
} MarketplaceOptions;

/* What zoomwiz does with a builder's token; each needs its scope. */
typedef enum
{
  MARKETPLACE_VALIDATE = 1 << 0,
  MARKETPLACE_CREATE_GENERAL = 1 << 1,
  MARKETPLACE_CREATE_S2S = 1 << 2,
  MARKETPLACE_ROTATE = 1 << 3,
} MarketplaceTask;

/* A check per builder scope on the token's GRANTED scopes, each naming what
 * it lets zoomwiz do or what its lack prevents: failed for a scope a task in
 * NEEDED (MarketplaceTask bits) lacks, skipped for another that is lacking.
 * TRUE when the token holds every scope NEEDED asks. */
gboolean marketplace_builder_check (char **granted, guint needed, GPtrArray *checks);

/* Asks Zoom to validate MANIFEST (JSON text). TRUE when Zoom accepts it.
 * Zoom's errors (it answers 200 with ok:false) become findings in OUT, each
 * on the answer its setting comes from; a request that fails adds the
 * failed check "validate" to CHECKS. */
gboolean marketplace_validate (const MarketplaceOptions *o, const char *manifest,
                               Findings *out, GPtrArray *checks);

typedef struct
{
  char *app_id;
  char *client_id;
  char *client_secret; /* NULL: Zoom did not send it (a secret: zeroed when freed) */
  char **scopes;       /* the scopes Zoom kept, or NULL when it did not say */
} MarketplaceApp;

void marketplace_app_free (MarketplaceApp *app);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MarketplaceApp, marketplace_app_free)

/* Creates the app BODY describes (JSON text: app_type, app_name, the
 * contact, the manifest or the scopes), on the account route of
 * ACCOUNT_ID when it is not NULL (Server-to-Server apps), else on
 * /v2/marketplace/apps. NULL after adding the failed check "create" with
 * its diagnosis; else the app, and the check "create" passed. */
MarketplaceApp *marketplace_create (const MarketplaceOptions *o, const char *body,
                                    const char *account_id, GPtrArray *checks);

/* How long the old secret stays valid once a rotation starts, unless
 * zoomwiz revokes it sooner (marketplace_revoke_old): long enough that a
 * rotation cut short anywhere leaves every place working. */
#define MARKETPLACE_ROTATE_GRACE_DAYS 7

/* Starts a client-secret rotation of app APP_ID (rotate_client_secret,
 * action "new"), the old secret valid MARKETPLACE_ROTATE_GRACE_DAYS more.
 * TRUE and the check "rotate" passed with *NEW_SECRET (NULL: Zoom's answer
 * did not carry it; a secret, zeroed when freed) and *REVOKE_AT (when Zoom
 * revokes the old one, as it said or as asked); FALSE after the failed
 * check "rotate" with its diagnosis. */
gboolean marketplace_rotate (const MarketplaceOptions *o, const char *app_id,
                             char **new_secret, char **revoke_at, GPtrArray *checks);

/* Revokes the old secret of app APP_ID's rotation now (action "update").
 * The check "revoke". */
gboolean marketplace_revoke_old (const MarketplaceOptions *o, const char *app_id,
                                 GPtrArray *checks);

#endif
