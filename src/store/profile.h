/* profile.h - profiles: a named answers file under
 * $XDG_CONFIG_HOME/zoomwiz/profiles/NAME.ini (no secrets, mode 0600 all the
 * same) and its secrets in the keyring, or, when the admin chose the file
 * store, in NAME.ID.secrets beside it (mode 0600). ID names one save's
 * secrets; the INI file's [profile] group records it, so that a save cut
 * short leaves the old profile whole.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_PROFILE_H
#define ZW_PROFILE_H

#include "core/answers.h"
#include "core/export.h"

typedef enum
{
  SECRET_STORE_KEYRING,
  SECRET_STORE_FILE
} SecretStore;

/* Letters, digits, '.', '_' and '-', at most 64, not starting with '.'. */
gboolean profile_name_ok (const char *name, GError **error);
char *profile_dir (void);
char *profile_path (const char *name);
gboolean profile_exists (const char *name);
/* Where NAME keeps its secrets, as its INI file records it. */
SecretStore profile_secret_store (const char *name);

/* Saves the answers A gave (not a preset's defaults) as profile NAME, and
 * only those: the secrets first, so that a keyring that does not answer
 * leaves nothing behind, then the INI file, then the old save's secrets
 * (the ID its INI file named) are removed wherever they were. An existing
 * profile only with OVERWRITE. */
gboolean profile_save (const char *name, const Answers *a, SecretStore store,
                       gboolean overwrite, GError **error);
/* Loads profile NAME with its secrets (WITH_SECRETS: a keyring that does
 * not answer is an error; otherwise the secrets are left out). */
Answers *profile_load (const char *name, gboolean with_secrets, GError **error);
/* The profile names, sorted. */
char **profile_list (GError **error);
/* Renames the profile, and the stored default with it. */
gboolean profile_rename (const char *from, const char *to, GError **error);
/* Removes the profile (and the stored default, when it names it) and what any save of it left (keyring items, files),
 * also when a save cut short left no INI file. */
gboolean profile_delete (const char *name, GError **error);

/* The default profile, taken by the commands that take --profile when
 * neither --profile nor --answers is given: ZOOMWIZ_PROFILE (when set and
 * not empty), else the name stored in profile_default_path ('profiles
 * default NAME'). */
typedef enum
{
  PROFILE_DEFAULT_NONE,
  PROFILE_DEFAULT_ENV,   /* ZOOMWIZ_PROFILE */
  PROFILE_DEFAULT_STORED /* profile_default_path () */
} ProfileDefaultSource;

/* $XDG_CONFIG_HOME/zoomwiz/default-profile: the name and a newline. */
char *profile_default_path (void);
/* The stored default's name; NULL with no ERROR when none is stored. A
 * file that cannot be read or holds no profile name is an error naming
 * the file and the fix. */
char *profile_default_stored (GError **error);
/* Stores NAME (an existing profile) as the default, mode 0600, through a
 * temporary file renamed into place; NULL removes the stored one. */
gboolean profile_default_set (const char *name, GError **error);
/* The default in force and *SOURCE: NULL with no ERROR (and
 * PROFILE_DEFAULT_NONE) when there is none. A default that names no
 * profile (any more) is an error naming where it was set and the fix. */
char *profile_default (ProfileDefaultSource *source, GError **error);

/* Where a value 'profiles show' shows came from, as 'aws configure list'
 * says it. */
typedef enum
{
  VALUE_FROM_PRESET,       /* the preset's default; location: the preset */
  VALUE_FROM_ANSWERS_FILE, /* location: the file it was imported from */
  VALUE_FROM_WIZARD,
  VALUE_FROM_GENERATED,    /* location: where the secret is kept */
  VALUE_FROM_KEYRING,      /* a secret with no record of its origin */
  VALUE_FROM_FILE_STORE,   /* the same, in the file store: its path */
  VALUE_FROM_PROFILE_FILE  /* a value with no record: the profile's file */
} ValueOrigin;

/* Where the value of KEY in A (profile NAME as profile_load gave it, the
 * preset's defaults filled in) came from; *LOCATION a path, a preset, a
 * description of the keyring item, or NULL. */
ValueOrigin profile_value_origin (const char *name, const Answers *a, AnswerKey key,
                                  char **location);
/* "preset", "answers-file", "wizard", "generated", "keyring", "file-store",
 * "profile-file": for --json. */
const char *value_origin_id (ValueOrigin o);
/* The same in words, translated: for the text. */
const char *value_origin_label (ValueOrigin o);

/* What the checklist says of where a profile's secrets are. */
ExportSecretsAt profile_secrets_at (SecretStore store);

/* SECRET with all but its last four characters masked, for show. */
char *profile_mask_secret (const char *secret);

#endif
