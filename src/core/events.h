/* events.h - Zoom's webhook event names and how the Marketplace labels them
 * (data/events.tsv, from Zoom's SDK and docs; tools/zoom-events/README.md).
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_EVENTS_H
#define ZW_EVENTS_H

#include "common.h"

/* Every event name, NULL-terminated; empty when the file cannot be read.
 * Read on first use, kept for the run. */
const char *const *events_names (void);

/* How Add Events shows NAME: "Meetings → End Meeting", or the product and
 * the name where the label is not known ("Meetings → meeting.created");
 * NULL for a name not in the catalog. */
char *events_label (const char *name);

#endif
