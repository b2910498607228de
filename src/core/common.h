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

#endif
