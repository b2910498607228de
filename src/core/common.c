/* common.c - see common.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "common.h"

G_DEFINE_QUARK (zoomwiz-error-quark, zw_error)
