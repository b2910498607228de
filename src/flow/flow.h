/* flow.h - the wizard's steps as data, read by every front end: what each
 * step asks (answers keys), when it applies, the help for each choice, and
 * its validation by the core rules. No terminal here, no rule of its own.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_FLOW_H
#define ZW_FLOW_H

#include "core/answers.h"
#include "core/catalog.h"
#include "core/findings.h"
#include "core/export.h"
#include "core/preset.h"

#define FLOW_MAX_KEYS 6

typedef enum
{
  FLOW_STEP_ASK,  /* asks answers keys */
  FLOW_STEP_LIVE, /* the live test against Zoom (and the event endpoint) */
  FLOW_STEP_SAVE  /* profile, keyring, exports, the Marketplace checklist */
} FlowStepKind;

typedef struct
{
  const char *id;    /* stable: "integration", "app-type", ... */
  const char *title; /* N_(): translate with _() */
  const char *help;  /* N_(): one line under the title */
  FlowStepKind kind;
  /* What it asks, in order; ANSWER_N_KEYS ends the list. A key two steps
   * list is asked at the first of them in the order. */
  AnswerKey keys[FLOW_MAX_KEYS + 1];
  gboolean preset_only; /* a step only a preset's order names (steps=) */
} FlowStep;

/* When zoomwiz creates the app (answers_builder_creates), the order
 * changes: no Development/Production choice (a created app has
 * Development credentials), the steps that would send the admin to the
 * Marketplace only gather the answers, the step "create" comes after the
 * scopes, and the credentials (with the Secret Token) after it, filled in. */

/* Whether the step "make" (made by hand, or by a builder), before the app
 * type, is offered: a
 * front end that found a builder profile says so before the first step. */
void flow_offer_builders (gboolean offer);

/* Every step, the default order's first; *N gets their number. */
const FlowStep *flow_steps (guint *n);
const FlowStep *flow_step_by_id (const char *id);

/* Whether step S applies to the answers (no management step for a
 * Server-to-Server app, ...), and whether it asks KEY for them (the
 * account ID only for Server-to-Server, the generated secrets only where
 * the preset makes them, ...). P may be NULL. */
gboolean flow_step_applies (const FlowStep *s, const Answers *a, const Preset *p);
gboolean flow_asks (const FlowStep *s, AnswerKey key, const Answers *a, const Preset *p);
/* Whether S asks for a secret for these answers: before the first such
 * step a front end finds out whether the keyring answers, so that no
 * secret is typed with nowhere to keep it. */
gboolean flow_asks_secret (const FlowStep *s, const Answers *a, const Preset *p);
/* What was typed for KEY, tidied as an admin would expect: spaces around
 * it (and around each item of a list) removed, https:// put before a bare
 * host name, a site URL's trailing / removed (the paths go after it).
 * Sets *NOTE (translated, one line; the value never in it) when something
 * was changed, else NULL. */
char *flow_tidy (AnswerKey key, const char *typed, char **note);

/* What a front end says when that keyring did not answer (WHY: libsecret's
 * words), before offering the 0600 file store. */
char *flow_no_keyring_text (const char *why);

/* The lines of the preset's Marketplace guide for S ("finish" for NULL:
 * the preset's own; flow_session_left adds what every integration has
 * left), made from the answers (export_guide), NULL-terminated; secrets are
 * named where AT keeps them. Empty without a preset. */
char **flow_step_guide (const FlowStep *s, const Answers *a, const Preset *p,
                        ExportSecretsAt at);

/* The applicable step after S (S NULL: the first), or before it; NULL past
 * the end. */
const FlowStep *flow_next (const FlowStep *s, const Answers *a, const Preset *p);
const FlowStep *flow_prev (const FlowStep *s, const Answers *a, const Preset *p);
/* "N of M": S's place among the applicable steps (from 1), and their count. */
guint flow_position (const FlowStep *s, const Answers *a, const Preset *p, guint *total);

/* One line of help for VALUE of a choice KEY (N_(): translate with _()),
 * or NULL. */
const char *flow_choice_help (AnswerKey key, const char *value);
/* Whether KEY is answered by choosing one of flow_choices (the choice
 * keys, the integration, the builder). */
gboolean flow_key_is_choice (AnswerKey key);
/* What a front end calls KEY ("Client Secret"), translated. */
const char *flow_key_label (AnswerKey key);

/* The label before step S's guide ("In Zoom:"; NULL: the finish's). */
const char *flow_guide_label (const FlowStep *s);

/* Where in Zoom (or Recall) the value of KEY is found, translated, or
 * NULL for a value zoomwiz makes or the admin decides. */
const char *flow_key_where (AnswerKey key);

/* A note the step shows whatever is chosen (the retired JWT apps on the
 * app-type step), N_(), or NULL. */
const char *flow_step_note (const FlowStep *s);

/* Every rule over the answers (P's defaults already applied), keeping the
 * findings about the keys step S asks. */
Findings *flow_step_findings (const FlowStep *s, const Answers *a, const Catalog *c,
                              const Preset *p);

#endif
