/* rules.h - every rule about a Zoom app's answers, in one place. Each rule
 * is a row of the table in rules.c, with a stable id; it only adds
 * findings with its own id.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_RULES_H
#define ZW_RULES_H

#include "answers.h"
#include "catalog.h"
#include "findings.h"
#include "preset.h"

/* Runs every rule over A (already filled from PRESET, which may be NULL).
 * C may be NULL when the catalog cannot be read: the rules that need it
 * say nothing (the caller says why there is none). */
void rules_run (const Answers *a, const Catalog *c, const Preset *p,
                Findings *out);

/* The whole check: loads the preset the answers name (a finding when there
 * is none by that name), fills in its defaults, runs every rule. */
void rules_check_answers (Answers *a, const Catalog *c, Findings *out);

/* The rule contact-missing alone: the developer contact Zoom requires of
 * an app a builder creates (zoomwiz create's gate, too). */
void rules_contact (const Answers *a, Findings *out);

/* The ids of every rule, NULL-terminated, in table order. */
const char *const *rules_ids (void);


#endif
