/* session.h - one run of the wizard, for every front end: the answers, the
 * preset chosen, the secrets zoomwiz made, and what follows from setting an
 * answer (a new preset, the defaults made from a new site URL).
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_SESSION_H
#define ZW_SESSION_H

#include "flow.h"
#include "net/verify.h"
#include "store/profile.h"

typedef struct
{
  Answers *a;
  Preset *preset;                    /* NULL: none chosen, or "custom" */
  gboolean generated[ANSWER_N_KEYS]; /* made by zoomwiz, not given */
  Catalog *catalog;                  /* loaded when first needed */
  /* The live test authorized through zoomwiz's loopback listener, whose
   * URL the app's allow list then needed. */
  gboolean loopback_used;
  char **builders; /* the builder profiles on offer (flow_session_offer_builders) */
} FlowSession;

/* How a front end runs the wizard (zoomwiz setup's options). */
typedef struct
{
  Answers *answers;            /* pre-filled (--answers, --preset); taken over */
  const char *profile;         /* the name to save under; NULL: asked */
  SecretStore secret_store;
  gboolean skip_live_test;
  gboolean force;              /* replace a profile of the same name */
  gboolean resume;             /* offer to go on from a wizard left unfinished */
  const VerifyOptions *verify; /* Zoom's URLs, CA, timeout for the live test */
  const char *recall_url;      /* Recall.ai's base URL (a test server); NULL: the region's */
} SetupOptions;

/* Takes A over. */
FlowSession *flow_session_new (Answers *a);
void flow_session_free (FlowSession *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlowSession, flow_session_free)

/* The scope catalog, loaded on first use; NULL and ERROR if it cannot be. */
const Catalog *flow_session_catalog (FlowSession *s, GError **error);

/* Sets KEY to VALUE (NULL or "" unsets it) and what follows: the preset
 * loaded and the secrets it generates made, defaults filled in again.
 * FALSE with ERROR when the preset cannot be loaded or a secret made. */
gboolean flow_session_set (FlowSession *s, AnswerKey key, const char *value,
                           GError **error);

/* The step's findings (flow_step_findings) for the session's answers. */
Findings *flow_session_findings (FlowSession *s, const FlowStep *step);

/* The profiles made from the preset "builder", sorted. */
char **flow_builder_profiles (void);

/* Looks for builder profiles and offers the step "make" when there is one
 * (flow_offer_builders); TRUE then. */
gboolean flow_session_offer_builders (FlowSession *s);

/* The choices of a choice KEY (preset ids for the integration, "marketplace"
 * and the builder profiles for the builder), NULL if it
 * has none; of the app type and the management type, those the preset
 * supports (and the one given). */
char **flow_choices (const FlowSession *s, AnswerKey key);

/* What to show beside a choice: the preset's title, or the choice's line
 * of help, translated ("" for none). */
char *flow_choice_label (AnswerKey key, const char *value);

/* VALUE as it may be shown: a secret masked, a URL's ?secret= hidden. */
char *flow_shown_value (AnswerKey key, const char *value);

/* The live test of the session's answers: O with what the preset adds
 * (where the receiver keeps its Secret Token). */
Verification *flow_session_verify (FlowSession *s, const VerifyOptions *o);

/* What is left after the wizard, NULL-terminated: the preset's finish
 * guide, then what every integration has left (the loopback URL to take off
 * the allow list, when it is on it or the live test used it; Production). */
char **flow_session_left (FlowSession *s, ExportSecretsAt at);

/* What leaving STEP sets off. For the step "create": the app created
 * (flow_create_app) with the builder profile's token, its app id and
 * credentials put into the answers. For the Recall step with no app id given:
 * the app registered with Recall.ai (recall_region, recall_api_key), the id
 * kept and the event URLs made from it. The checks it made go to CHECKS.
 * FALSE when the step must not be left (the registration failed or was
 * cancelled, or the region or API key is missing). IDLE, when not NULL,
 * keeps a user interface live meanwhile (http_client_set_idle). */
gboolean flow_session_leave (FlowSession *s, const FlowStep *step, const SetupOptions *o,
                             GPtrArray *checks, HttpIdleFunc idle, int idle_fd,
                             gpointer idle_data);

/* The step at which the live check CHECK_ID's failure is put right. */
const FlowStep *flow_step_for_check (const char *check_id);

#endif
