/* plain.h - the wizard as numbered line prompts on standard input and
 * output: for scripts, screen readers and terminals that cannot draw. A thin
 * view over the flow; every rule comes from the core.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_PLAIN_H
#define ZW_PLAIN_H

#include "flow/session.h"

#include <stdio.h>

/* Runs every step. 0 saved (the live test passed or was skipped), 1 saved
 * though the live test failed, 2 an answer was missing or wrong with no
 * one to ask (standard input ended), 4 the keyring did not answer. */
int plain_run (const SetupOptions *o);

/* A line typed without echo when standard input is a terminal; NULL when
 * it is not one (a secret never comes from a pipe unasked). */
char *plain_read_secret (const char *prompt);
/* Live checks, a line each, with the fix under a failure. */
void plain_print_checks (const GPtrArray *checks, FILE *out);

#endif
