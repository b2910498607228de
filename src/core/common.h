/* common.h - included first by every zoomwiz source file.
 * The one place that defines the gettext shorthands.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_COMMON_H
#define ZW_COMMON_H

#include <config.h>
#include <glib.h>

#if ENABLE_NLS
# include <libintl.h>
# define _(s) gettext (s)
#else
# define _(s) (s)
# define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

/* The domain of zoomwiz's own errors (GIO's G_IO_ERROR is not linked: the
 * program starts with GLib alone). */
#define ZW_ERROR (zw_error_quark ())
GQuark zw_error_quark (void);
typedef enum
{
  ZW_ERROR_INVALID_ARGUMENT,
  ZW_ERROR_INVALID_DATA,
  ZW_ERROR_NOT_FOUND,
  ZW_ERROR_NOT_SUPPORTED,
  ZW_ERROR_NOT_CONNECTED, /* the keyring, or a module, did not answer */
  ZW_ERROR_PERMISSION_DENIED,
  ZW_ERROR_TIMED_OUT,
  ZW_ERROR_CANCELLED,
} ZwErrorCode;

#endif
