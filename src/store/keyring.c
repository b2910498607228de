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
      { "profile", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "field", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };
  return &s;
}

/* Every libsecret failure, said in a way an admin can act on. */
static void
unreachable (GError **error, GError *cause)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
               _("no Secret Service keyring answered (%s). Run zoomwiz in a desktop "
                 "session with a keyring, or give --secret-store file to keep the "
                 "secrets in a file only you can read, beside the profile"),
               cause->message);
  g_error_free (cause);
}

gboolean
keyring_store (const char *profile, const char *field, const char *secret, GError **error)
{
  GError *local = NULL;
  /* TRANSLATORS: the label of a keyring item, as Seahorse shows it. */
  g_autofree char *label = g_strdup_printf (_("zoomwiz profile %s: %s"), profile, field);
  if (!secret_password_store_sync (schema (), SECRET_COLLECTION_DEFAULT, label, secret, NULL,
                                   &local, "profile", profile, "field", field, NULL))
    {
      unreachable (error, local);
      return FALSE;
    }
  return TRUE;
}

char *
keyring_lookup (const char *profile, const char *field, GError **error)
{
  GError *local = NULL;
  char *secret = secret_password_lookup_sync (schema (), NULL, &local, "profile", profile,
                                              "field", field, NULL);
  if (local != NULL)
    unreachable (error, local);
  return secret;
}

gboolean
keyring_clear (const char *profile, const char *field, GError **error)
{
  GError *local = NULL;
  if (field != NULL)
    secret_password_clear_sync (schema (), NULL, &local, "profile", profile, "field", field,
                                NULL);
  else
    secret_password_clear_sync (schema (), NULL, &local, "profile", profile, NULL);
  if (local != NULL)
    {
      unreachable (error, local);
      return FALSE;
    }
  return TRUE;
}

gboolean
keyring_error_unreachable (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED);
}
