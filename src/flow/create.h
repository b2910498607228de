/* create.h - a profile's Zoom app made through Zoom's Marketplace API with
 * a builder app's token, for every front end (zoomwiz create, the wizard's
 * "create it for me"): the builder's token and scopes, the manifest
 * validated, the app created on its route, the scopes Zoom kept compared,
 * the app id and credentials put into the answers.
 * doc/reference/marketplace-api.md.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_CREATE_H
#define ZW_CREATE_H

#include "core/answers.h"
#include "core/findings.h"
#include "core/preset.h"
#include "flow.h"
#include "net/marketplace.h"
#include "net/verify.h"

typedef enum
{
  FLOW_CREATE_DONE,     /* created (or, dry run, valid): the checks say so */
  FLOW_CREATE_ANSWERS,  /* an answer is missing or wrong: the findings say */
  FLOW_CREATE_REFUSED   /* the builder, Zoom or the network: the checks say */
} FlowCreateResult;

/* The builder B's token, reached with BV (Zoom's URLs, CA, timeout), when
 * it holds the scopes of the tasks NEEDED (MarketplaceTask bits): the
 * verification that keeps it (free it after MO's last use), and *MO set to
 * reach the Marketplace API with it. NULL after adding the failed check
 * (the builder's own first failure, or the scope missing) to CHECKS. */
Verification *flow_builder_token (const Answers *b, const VerifyOptions *bv, guint needed,
                                  MarketplaceOptions *mo, GPtrArray *checks);

/* Creates the app of A (its preset P, may be NULL; NAME: what Zoom calls
 * it) with the token of the builder's answers B, reached with BV (Zoom's
 * URLs, CA, timeout; keep_token is set here); the developer contact from
 * A's contact_name, contact_email and company. On FLOW_CREATE_DONE, A
 * holds app_id, client_id and client_secret (unset when Zoom's answer
 * lacked it: *ID_ONLY when it sent the app id alone), and a
 * Server-to-Server app the builder's account_id. DRY_RUN: the builder and
 * the manifest checked, nothing created. Problems of answers go to
 * FINDINGS, the checks made to CHECKS. */
FlowCreateResult flow_create_app (Answers *a, const Preset *p, const char *name,
                                  const Answers *b, const VerifyOptions *bv,
                                  gboolean dry_run, Findings *findings, GPtrArray *checks,
                                  gboolean *id_only);

#endif
