/* answers.h - the answers: every value a step of the wizard asks for, as
 * read from an answers file (GKeyFile, group [zoomwiz]) or filled in from a
 * preset. The key table in answers.c is the one list of keys.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_ANSWERS_H
#define ZW_ANSWERS_H

#include "common.h"
#include "findings.h"

typedef enum
{
  ANSWER_PRESET,
  ANSWER_APP_TYPE,
  ANSWER_MANAGEMENT,
  ANSWER_ENVIRONMENT,
  ANSWER_SITE_URL,
  ANSWER_REDIRECT_URL,
  ANSWER_ALLOW_LIST,
  ANSWER_SCOPES,
  ANSWER_EVENT_ENDPOINT,
  ANSWER_EVENTS,
  ANSWER_DEAUTHORIZATION_URL,
  ANSWER_ACCOUNT_ID,
  ANSWER_CLIENT_ID,
  ANSWER_CLIENT_SECRET,
  ANSWER_SECRET_TOKEN,
  ANSWER_ENCRYPTION_KEY,
  ANSWER_WEBHOOK_SECRET,
  ANSWER_RECALL_REGION,
  ANSWER_RECALL_APP_ID,
  ANSWER_RECALL_API_KEY,
  ANSWER_APP_ID, /* the Marketplace's id of the app, when zoomwiz created it */
  ANSWER_BUILDER, /* the builder profile that creates it ("marketplace": by hand) */
  ANSWER_CONTACT_NAME, /* the developer contact Zoom requires of a created app */
  ANSWER_CONTACT_EMAIL,
  ANSWER_COMPANY,
  ANSWER_ZOOM_URL,
  ANSWER_API_URL,
  ANSWER_N_KEYS
} AnswerKey;

typedef enum
{
  ANSWER_KIND_TEXT,
  ANSWER_KIND_CHOICE,
  ANSWER_KIND_URL,
  ANSWER_KIND_URL_LIST, /* separated by ; */
  ANSWER_KIND_WORDS,    /* separated by spaces */
  ANSWER_KIND_SECRET    /* also KEY_file: a path to a 0600 file */
} AnswerKind;

typedef struct
{
  const char *name;
  AnswerKind kind;
  const char *const *choices; /* for ANSWER_KIND_CHOICE */
} AnswerKeyInfo;

/* The group in which a profile's file records where its secrets are
 * (store/profile.c): not answers, and no error in an answers file. */
#define ANSWERS_PROFILE_GROUP "profile"

const AnswerKeyInfo *answer_key_info (AnswerKey key);
/* The key named NAME, or -1. */
int answer_key_by_name (const char *name);

typedef enum
{
  APP_TYPE_NONE,
  APP_TYPE_GENERAL,
  APP_TYPE_S2S,
  APP_TYPE_OAUTH_LEGACY,
  APP_TYPE_INVALID
} AppType;

typedef enum
{
  MANAGEMENT_NONE,
  MANAGEMENT_USER,
  MANAGEMENT_ADMIN,
  MANAGEMENT_INVALID
} Management;

typedef enum
{
  ENVIRONMENT_NONE,
  ENVIRONMENT_DEVELOPMENT,
  ENVIRONMENT_PRODUCTION,
  ENVIRONMENT_INVALID
} Environment;

typedef enum
{
  ORIGIN_UNSET,
  ORIGIN_ANSWER, /* given in the answers */
  ORIGIN_PRESET  /* filled in from the preset's defaults */
} AnswerOrigin;

/* Where a given value came from, as a profile remembers it for 'profiles
 * show'. Setting a value forgets it; who knows sets it after. */
typedef enum
{
  PROVENANCE_UNKNOWN,      /* not recorded (a profile saved before they were) */
  PROVENANCE_ANSWERS_FILE, /* read from an answers file: provenance_file */
  PROVENANCE_WIZARD,       /* typed or chosen in the wizard */
  PROVENANCE_GENERATED,    /* made by zoomwiz (preset_generate_secrets) */
  PROVENANCE_N
} Provenance;

typedef struct
{
  char *source; /* the answers file, for messages; may be NULL */
  char *values[ANSWER_N_KEYS];
  AnswerOrigin origin[ANSWER_N_KEYS];
  Provenance provenance[ANSWER_N_KEYS];
  char *provenance_file; /* the answers file's absolute path, or NULL */
} Answers;

/* "answers-file", "wizard", "generated" (NULL for PROVENANCE_UNKNOWN): the
 * words a profile's file records; and back (PROVENANCE_UNKNOWN for none). */
const char *provenance_name (Provenance p);
Provenance provenance_by_name (const char *name);

Answers *answers_new (void);
/* A copy of A: every value with its origin. */
Answers *answers_copy (const Answers *a);
/* Zeroes the secrets before freeing them. */
void answers_free (Answers *a);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Answers, answers_free)

/* Reads an answers file. Problems with single keys (unknown key, an
 * unreadable *_file, a key given twice) go to FINDINGS; a file that cannot
 * be read or parsed, or that holds a secret while others may read it, is an
 * error and returns NULL. */
Answers *answers_load (const char *path, Findings *findings, GError **error);
/* The same from text in memory (SOURCE names it in messages; no mode check). */
Answers *answers_load_data (const char *data, const char *source,
                            Findings *findings, GError **error);

const char *answers_get (const Answers *a, AnswerKey key);
/* Sets (a copy of) VALUE; NULL unsets. */
void answers_set (Answers *a, AnswerKey key, const char *value,
                  AnswerOrigin origin);

AppType answers_app_type (const Answers *a);
/* The value of ANSWER_BUILDER for an app made by hand in the Marketplace. */
#define ANSWER_BUILDER_BY_HAND "marketplace"
/* Whether zoomwiz creates A's app with a builder's token: ANSWER_BUILDER
 * names a builder profile, and the app is not a legacy one. */
gboolean answers_builder_creates (const Answers *a);
Management answers_management (const Answers *a);
Environment answers_environment (const Answers *a);
/* The scopes / allow list / events as a newly allocated vector. */
char **answers_list (const Answers *a, AnswerKey key);

gboolean answer_is_secret (AnswerKey key);
/* Whether A's value of KEY is or carries a secret: a secret key, or a URL
 * with a secret= parameter (Mattermost's webhook and deauthorization URLs
 * hold its webhook secret so). Such a URL is written without the values by
 * answers_to_data (..., FALSE): a profile's file and the resume file get
 * "?secret=", the secrets store the whole URL. */
gboolean answers_holds_secret (const Answers *a, AnswerKey key);
/* Whether A's value of KEY is such a URL written without its secret: the
 * whole one is in the secrets store. */
gboolean answers_secret_withheld (const Answers *a, AnswerKey key);

/* The answers given (not a preset's defaults) as the text of an answers
 * file; the secrets only when WITH_SECRETS (a 0600 file). */
char *answers_to_data (const Answers *a, gboolean with_secrets);

#endif
