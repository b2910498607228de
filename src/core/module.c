/* module.c - see module.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "module.h"
#include "paths.h"
#include "text.h"

#include <dlfcn.h>
#include <string.h>

static void
cannot_load (GError **error, const char *path, const char *why)
{
  /* dlerror () begins with the path, said already. */
  if (g_str_has_prefix (why, path) && g_str_has_prefix (why + strlen (path), ": "))
    why += strlen (path) + 2;
  /* The loader's words name files and symbols: bounded, no control character. */
  g_autofree char *said = text_sanitize (why, -1, 300);
  g_set_error (error, ZW_ERROR, ZW_ERROR_NOT_CONNECTED,
               /* TRANSLATORS: %s: a file (.../net.so), then the system's reason. */
               _("zoomwiz's module %s cannot be loaded (%s). Install zoomwiz again "
                 "(make install puts its modules there), or build it with "
                 "./configure --disable-modules."),
               path, said);
}

gconstpointer
module_table (const char *name, gsize size, GError **error)
{
  g_autofree char *file = g_strconcat (name, ".so", NULL);
  g_autofree char *path = g_build_filename (paths_module_dir (), file, NULL);
  /* Every symbol now: a missing one is said here, not at its first call. */
  void *handle = dlopen (path, RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL)
    {
      cannot_load (error, path, dlerror ());
      return NULL;
    }
  const ModuleHead *head = dlsym (handle, MODULE_SYMBOL);
  if (head == NULL)
    {
      cannot_load (error, path, dlerror ());
      dlclose (handle);
      return NULL;
    }
  if (head->abi == NULL || strcmp (head->abi, MODULE_ABI) != 0 || head->size != size)
    {
      g_autofree char *why
          = head->abi != NULL && strcmp (head->abi, MODULE_ABI) != 0
                ? g_strdup_printf (
                    /* TRANSLATORS: %s: two version numbers. */
                    _("it is from another version of zoomwiz: %s, this is %s"),
                    head->abi, MODULE_ABI)
                : g_strdup_printf (_("it is not the %s module of this zoomwiz"), name);
      cannot_load (error, path, why);
      dlclose (handle);
      return NULL;
    }
  /* Kept loaded: its functions are called until the program ends. */
  return head;
}
