/* findings.h - what the rules say about a set of answers: a list of
 * findings, each an error or a warning about one answer, with the rule it
 * comes from, a message and the fix.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_FINDINGS_H
#define ZW_FINDINGS_H

#include "common.h"

typedef enum
{
  SEVERITY_ERROR,
  SEVERITY_WARNING
} Severity;

typedef struct
{
  Severity severity;
  char *rule;    /* stable id, e.g. "scope-level-mixed" (for tests, JSON) */
  char *key;     /* the answers key it concerns, e.g. "scopes" */
  char *message; /* what is wrong, translated */
  char *fix;     /* what to do, translated */
} Finding;

typedef struct
{
  GPtrArray *items; /* of Finding* */
} Findings;

Findings *findings_new (void);
void findings_free (Findings *f);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Findings, findings_free)

/* Adds a finding; FIX is taken as given, MESSAGE is a printf format. */
void findings_add (Findings *f, Severity severity, const char *rule,
                      const char *key, const char *message_format, ...)
    G_GNUC_PRINTF (5, 6);
/* Sets the fix of the finding added last (a printf format). */
void findings_set_fix (Findings *f, const char *fix_format, ...)
    G_GNUC_PRINTF (2, 3);

guint findings_count (const Findings *f, Severity severity);
gboolean findings_has_rule (const Findings *f, const char *rule);
/* Moves every finding of FROM to the end of TO. */
void findings_take_all (Findings *to, Findings *from);

#endif
