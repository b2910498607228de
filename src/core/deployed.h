/* deployed.h - a running integration's configuration, read back into
 * answers for zoomwiz doctor: a Mattermost config.json (or the patch
 * zoomwiz export writes), the output of mmctl config get
 * PluginSettings.Plugins.zoom, an env file, a Kubernetes Secret, a systemd
 * EnvironmentFile or unit. Each setting keeps the line it is on, so that a
 * finding can say which line of the deployed file is wrong.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_DEPLOYED_H
#define ZW_DEPLOYED_H

#include "answers.h"
#include "findings.h"

typedef enum
{
  DEPLOYED_AUTO,       /* told from the content */
  DEPLOYED_MATTERMOST, /* config.json, or a mmctl config patch */
  DEPLOYED_MMCTL,      /* mmctl config get PluginSettings.Plugins.zoom */
  DEPLOYED_ENV,        /* KEY=VALUE lines (docker compose, sh) */
  DEPLOYED_K8S,        /* a Kubernetes Secret manifest */
  DEPLOYED_SYSTEMD     /* an EnvironmentFile, or a unit's Environment= lines */
} DeployedFormat;

/* The largest deployed file read (a Mattermost config.json is ~30 KiB). */
#define DEPLOYED_MAX_BYTES (1024 * 1024)

typedef struct
{
  char *name;   /* as the file names it (made safe for a terminal) */
  char *value;  /* NULL: none that can be read (empty, masked, null) */
  guint line;   /* 1-based; 0 when unknown */
  int key;      /* the AnswerKey it gives, or -1 */
  char *note;   /* for one not mapped: why, translated */
} DeployedSetting;

typedef struct
{
  char *path;
  DeployedFormat format;
  char *format_reason; /* why auto took the format; NULL when it was given */
  GPtrArray *settings; /* DeployedSetting*, in the file's order */
  int by_key[ANSWER_N_KEYS]; /* index of the setting whose value counts, or -1 */
  Answers *answers;    /* what the settings give */
  char *preset;        /* the preset the content points to, or NULL */
  char *preset_reason; /* why, or why none can be told */
  Findings *findings;  /* what is wrong with the file itself */
} Deployed;

void deployed_free (Deployed *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Deployed, deployed_free)

/* "auto", "mattermost", ... -> format; FALSE for an unknown name. */
gboolean deployed_format_from_name (const char *name, DeployedFormat *out);
const char *deployed_format_name (DeployedFormat f);
/* The names, NULL-terminated, for help and messages. */
const char *const *deployed_format_names (void);

/* Reads PATH (a regular file, at most DEPLOYED_MAX_BYTES) as format F.
 * NULL with ERROR (ZW_ERROR or G_FILE_ERROR) when it cannot be read or is
 * not a file of the format: empty, binary, not UTF-8, CR LF line ends in
 * an env file, a control character in a value, YAML beyond what a Secret
 * needs. The message names the file, the line and the fix, never a value. */
Deployed *deployed_read (const char *path, DeployedFormat f, GError **error);
/* The same from text in memory; SOURCE names it in messages. */
Deployed *deployed_parse (const char *text, gsize len, const char *source,
                          DeployedFormat f, GError **error);

/* The setting that gives KEY, or NULL. */
const DeployedSetting *deployed_setting_for (const Deployed *d, AnswerKey key);
/* The name the format gives KEY ("ZOOM_ACCOUNT_ID", "zoomwebhooksecret"),
 * or NULL when it has none. */
const char *deployed_name_for (DeployedFormat f, AnswerKey key);
/* Whether a file of D's format gives KEY, by a name of its own or, for
 * the Mattermost plugin, made from ServiceSettings.SiteURL (the redirect
 * URL, the event and deauthorization endpoints) when D has it. A rule's
 * finding about any other key (scopes, events) is not the file's. */
gboolean deployed_gives (const Deployed *d, AnswerKey key);
/* What KEY's value must be, in words ("the Account ID on the app's App
 * Credentials page"), or NULL. */
const char *deployed_should_be (AnswerKey key);

/* Compares D's values with PROFILE (the answers the admin set up, named
 * NAME, its secrets kept WHERE: "the keyring", "the profile's secrets
 * file"): a finding "profile-differs" for each value that differs, naming
 * the setting and where the right value is; never either secret. */
void deployed_compare (const Deployed *d, const Answers *profile, const char *name,
                       const char *where, Findings *out);

#endif
