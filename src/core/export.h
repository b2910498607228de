/* export.h - a profile as the text an integration or a deployment takes:
 * an env file, JSON, the Mattermost plugin's config patch, Recall.ai's
 * create-app body, a Kubernetes Secret, a systemd EnvironmentFile, the
 * Marketplace checklist, and a Zoom app manifest. Text only: writing it (mode 0600) is the caller's.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_EXPORT_H
#define ZW_EXPORT_H

#include "answers.h"
#include "preset.h"


typedef enum
{
  EXPORT_ENV,
  EXPORT_JSON,
  EXPORT_MATTERMOST,
  EXPORT_RECALL,
  EXPORT_K8S,
  EXPORT_SYSTEMD,
  EXPORT_CHECKLIST,
  EXPORT_MANIFEST   /* a General app's Zoom manifest, for zoomwiz create */
} ExportFormat;

/* Where the checklist tells the admin a secret's value is found. */
typedef enum
{
  EXPORT_SECRETS_IN_KEYRING, /* a profile's, in the keyring */
  EXPORT_SECRETS_IN_FILE,    /* a profile's, in its 0600 file */
  EXPORT_SECRETS_IN_ANSWERS  /* an answers file's (or its *_file) */
} ExportSecretsAt;

typedef struct
{
  const char *profile;       /* the profile's name (k8s names, json, comments) */
  const char *k8s_name;      /* NULL: "zoom-" + profile */
  const char *k8s_namespace; /* NULL: no namespace line */
  ExportSecretsAt secrets_at; /* for the checklist */
} ExportOptions;

/* A name an export gives an answer: an environment variable, a setting. */
typedef struct
{
  const char *name;
  AnswerKey key;
} ExportName;

/* The variables of the env, systemd and k8s exports, in their order. */
const ExportName *export_env_names (guint *n);
/* The Mattermost plugin's settings the mattermost export writes under
 * PluginSettings.Plugins.zoom, lower-cased, in its order. */
const ExportName *export_mattermost_names (guint *n);

/* "env", "json", ... -> format; FALSE for an unknown name. */
gboolean export_format_from_name (const char *name, ExportFormat *out);
/* The names, NULL-terminated, in enum order, for help and "did you mean". */
const char *const *export_format_names (void);
/* The end of a file name for the format (".env", "-mattermost.json"). */
const char *export_file_suffix (ExportFormat f);
/* TRUE when the format's output holds secrets (every one but checklist). */
gboolean export_holds_secrets (ExportFormat f);

/* The text of the export of A (secrets filled in, preset defaults applied)
 * with P its preset (may be NULL). NULL with ERROR (ZW_ERROR) when a value
 * the format needs is missing or unusable; the message names every such key
 * and its fix, never a secret's value. Free a text that holds secrets with
 * secret_free (it zeroes). */
char *export_render (ExportFormat f, const Answers *a, const Preset *p,
                     const ExportOptions *o, GError **error);

/* The lines of P's Marketplace guide for the wizard step STEP ("finish":
 * what is left after it; NULL: every step, in order) that apply to A, made
 * from their templates: {marketplace} the Marketplace's host (Zoom for
 * Government's for a zoomgov.com Zoom URL), {event_labels} the events as
 * Add Events shows them, {KEY} the answers (for one not given, MISSING[KEY]
 * when MISSING and it are not NULL, else a phrase that says so), every
 * secret's value replaced by where it is found (AT). NULL-terminated, none
 * of it secret; NULL with ERROR when a secret is too short to hide. */
char **export_guide (const Answers *a, const Preset *p, const char *step, ExportSecretsAt at,
                     const char *const *missing, GError **error);

/* For the mattermost export: what the admin still has to do, as text for a
 * terminal: the mmctl commands that apply the patch saved at PATCH_PATH and
 * enable the plugin, then who connects first and what never to click. */
char *export_mattermost_steps (const Answers *a, const char *patch_path);

#endif
