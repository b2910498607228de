/* preset.h - an integration preset (data/presets/NAME.ini): the defaults it
 * gives the answers, the scopes it needs with their purpose, and its
 * Marketplace checklist. Adding an integration is adding a file.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_PRESET_H
#define ZW_PRESET_H

#include "answers.h"
#include "catalog.h"

typedef struct
{
  char *name;
  char *purpose; /* translated where the file has it */
} PresetScope;

/* A line of the Marketplace guide: the wizard step it belongs to (a flow
 * step id, or "finish": what is left after the wizard), when it applies,
 * and its text (a template). In the file: [guide] NN STEP [COND ...]=TEXT,
 * each COND one of KEY:V1,V2 (the answer is one of them), KEY!V1,V2 (it is
 * none of them), KEY (it is given), !KEY (it is not). */
typedef struct
{
  char *step;
  char **when;
  char *text; /* translated where the file has it */
} PresetLine;

typedef struct
{
  char *id;   /* the file name without .ini */
  char *path;
  char *title;
  char *summary;
  char **app_types;   /* supported app types, default first */
  char **managements; /* supported management types, default first */
  char *site_url_example;
  char **secrets;   /* answers keys of the secrets it needs */
  char **generated; /* of those, the ones zoomwiz generates */
  char *export_format;
  /* Where the integration keeps its copy of Zoom's Secret Token, for the
   * webhook test's messages; NULL when it has no events. */
  char *receiver_secret;
  /* What a 404 from the integration's event endpoint means, for the
   * webhook test's fix; NULL: said in general. */
  char *receiver_404;
  /* Defaults for the answers keys, as templates ({site_url}, ...). */
  char *defaults[ANSWER_N_KEYS];
  GPtrArray *scopes;         /* PresetScope*, granular names */
  GPtrArray *classic_scopes; /* PresetScope*, classic names */
  char **steps;              /* the wizard's steps in order, or NULL: flow's */
  GPtrArray *guide;          /* PresetLine*, in order */
} Preset;

/* Loads data/presets/ID.ini. An unknown ID's error names the nearest ids. */
Preset *preset_load (const char *id, GError **error);
Preset *preset_load_file (const char *path, GError **error);
void preset_free (Preset *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Preset, preset_free)

/* What a list of presets shows of one (the first screen, 'zoomwiz
 * presets'): read from its [preset] group alone, as preset_load reads it. */
typedef struct
{
  char *id;
  char *title;   /* translated; the id when the file has none */
  char *summary; /* translated, or NULL */
  char **app_types;
  char **managements;
} PresetInfo;

PresetInfo *preset_info (const char *id, GError **error);
void preset_info_free (PresetInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PresetInfo, preset_info_free)

/* The ids of every installed preset, sorted. */
char **preset_list (GError **error);

/* The scopes the preset needs for the answers' app type: the classic list
 * for a legacy app that uses no granular names, the granular one otherwise. */
const GPtrArray *preset_required_scopes (const Preset *p, const Answers *a,
                                         const Catalog *c);

/* Whether guide line L applies to the answers A. */
gboolean preset_line_applies (const PresetLine *l, const Answers *a);

/* Replaces {key} with the answers' values; NULL when one is not given. */
char *preset_expand (const char *template_text, const Answers *a);

/* Makes each secret the preset generates (P->generated) that A lacks, as
 * the wizard makes them (secret_generate), given in A; MADE[KEY] (may be
 * NULL) is set TRUE for each one made. FALSE when the kernel gives no
 * randomness. */
gboolean preset_generate_secrets (const Preset *p, Answers *a, gboolean *made,
                                  GError **error);

/* Fills every answer not given from the preset's defaults. */
void preset_apply (const Preset *p, Answers *a, const Catalog *c);

#endif
