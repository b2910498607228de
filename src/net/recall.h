/* recall.h - registering the Zoom app with Recall.ai: POST the create-app
 * body to /api/v2/zoom-oauth-apps/ with "Authorization: Token KEY", keep
 * the id it returns. Recall's regions are separate deployments.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_RECALL_H
#define ZW_RECALL_H

#include "core/check.h"
#include "http.h"

/* The regions Recall.ai runs, NULL-terminated: recall_region's choices. */
const char *const *recall_regions (void);
gboolean recall_region_known (const char *region);
/* https://REGION.recall.ai */
char *recall_base_url (const char *region);

typedef struct
{
  const char *base_url; /* recall_base_url (region), or a test server's */
  const char *region;   /* for messages (where its API keys are made) */
  const char *api_key;  /* a secret */
  const char *ca_file;
  guint timeout_s;
  HttpLogFunc log;
  gpointer log_data;
  /* A live user interface (see http_client_set_idle): FALSE cancels. */
  HttpIdleFunc idle;
  int idle_fd;
  gpointer idle_data;
} RecallOptions;

/* Sends BODY (export_render's recall body). Returns the new app's id, or
 * NULL; either way adds the check "register" to CHECKS. */
char *recall_register (const RecallOptions *o, const char *body, GPtrArray *checks);

#endif
