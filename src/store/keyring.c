/* keyring.c - see keyring.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "keyring.h"

#include <libsecret/secret.h>

static const SecretSchema *
schema (void)
{
  static const SecretSchema s = {
    KEYRING_SCHEMA, SECRET_SCHEMA_NONE,
    {
      { "config", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "profile", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "secrets_id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "field", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };
  return &s;
}

/* The attributes TAG names, and FIELD where not NULL. */
static GHashTable *
attributes (const KeyringTag *tag, const char *id, const char *field)
{
  GHashTable *h = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (h, (char *) "config", (char *) tag->config);
  g_hash_table_insert (h, (char *) "profile", (char *) tag->profile);
  if (id != NULL)
    g_hash_table_insert (h, (char *) "secrets_id", (char *) id);
  if (field != NULL)
    g_hash_table_insert (h, (char *) "field", (char *) field);
  return h;
}

/* Every libsecret failure, said in a way an admin can act on. */
static void
unreachable (GError **error, GError *cause)
{
  g_set_error (error, ZW_ERROR, ZW_ERROR_NOT_CONNECTED,
               _("no Secret Service keyring answered (%s). Run zoomwiz in a desktop "
                 "session with a keyring, or give --secret-store file to keep the "
                 "secrets in a file only you can read, beside the profile"),
               cause->message);
  g_error_free (cause);
}

gboolean
keyring_store (const KeyringTag *tag, const char *field, const char *secret,
               GError **error)
{
  GError *local = NULL;
  g_autoptr (GHashTable) attrs = attributes (tag, tag->id, field);
  /* TRANSLATORS: the label of a keyring item, as Seahorse shows it:
     profile name, answers key, the folder the profile is in. */
  g_autofree char *label = g_strdup_printf (_("zoomwiz profile %s: %s (in %s)"),
                                            tag->profile, field, tag->config);
  if (!secret_password_storev_sync (schema (), attrs, SECRET_COLLECTION_DEFAULT, label,
                                    secret, NULL, &local))
    {
      unreachable (error, local);
      return FALSE;
    }
  return TRUE;
}

char *
keyring_lookup (const KeyringTag *tag, const char *field, GError **error)
{
  GError *local = NULL;
  g_autoptr (GHashTable) attrs = attributes (tag, tag->id, field);
  char *secret = secret_password_lookupv_sync (schema (), attrs, NULL, &local);
  if (local != NULL)
    unreachable (error, local);
  return secret;
}

void
keyring_free (char *secret)
{
  secret_password_free (secret);
}

gboolean
keyring_clear (const KeyringTag *tag, gboolean *found, GError **error)
{
  GError *local = NULL;
  g_autoptr (GHashTable) attrs = attributes (tag, tag->id, NULL);
  gboolean removed = secret_password_clearv_sync (schema (), attrs, NULL, &local);
  if (local != NULL)
    {
      unreachable (error, local);
      return FALSE;
    }
  if (found != NULL)
    *found = removed;
  return TRUE;
}

gboolean
keyring_answers (GError **error)
{
  KeyringTag probe = { .config = "", .profile = "", .id = "" };
  g_autoptr (GHashTable) attrs = attributes (&probe, probe.id, "zoomwiz-probe");
  GError *local = NULL;
  char *none = secret_password_lookupv_sync (schema (), attrs, NULL, &local);
  secret_password_free (none);
  if (local == NULL)
    return TRUE;
  /* libsecret's own words: the caller says what to do, where it asks. */
  g_set_error_literal (error, ZW_ERROR, ZW_ERROR_NOT_CONNECTED, local->message);
  g_error_free (local);
  return FALSE;
}

#ifdef ZW_MODULE
/* Built as the module keyring.so: its one export. */
#include "keyring-module.h"
#define KEYRING_INIT_F(type, name, params, args, none) .name = name,
#define KEYRING_INIT_V(name, params, args) .name = name,
MODULE_EXPORT const KeyringModule zoomwiz_module = {
  .head = MODULE_HEAD (KeyringModule),
  KEYRING_FUNCTIONS (KEYRING_INIT_F, KEYRING_INIT_V)
};
#endif
