/* check.h - the result of a live check (verify, webhook test): a pass,
 * fail or skip with a message and the fix. The net layer makes them; the
 * front ends print them.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_CHECK_H
#define ZW_CHECK_H

#include "common.h"

typedef enum
{
  CHECK_PASS,
  CHECK_FAIL,
  CHECK_SKIP
} CheckStatus;

typedef struct
{
  char *id;             /* credentials, user, scopes, revoke, webhook, webhook:EVENT */
  CheckStatus status;
  char *message;
  char *fix;            /* NULL when there is nothing to do */
  gboolean unreachable; /* failed because the other side could not be reached */
  char *key;            /* the answers keys a failure points at, separated by
                           spaces ("account_id"); NULL when it names none */
} Check;

/* A list of Check*, which frees them. */
GPtrArray *checks_new (void);
/* Adds a check; FIX is taken as given, MESSAGE is a printf format. */
Check *checks_add (GPtrArray *checks, const char *id, CheckStatus status,
                   const char *fix, const char *message_format, ...)
    G_GNUC_PRINTF (5, 6);
/* Sets the answers keys C's failure points at (see Check.key). */
void check_set_key (Check *c, const char *key);
/* The first check with ID, or NULL. */
const Check *checks_find (const GPtrArray *checks, const char *id);

/* 0 every check passed or was skipped, 1 a check failed, 3 a check failed
 * because the other side could not be reached. */
int checks_exit_status (const GPtrArray *checks);

/* "pass", "fail", "skip": the names in --json. */
const char *check_status_name (CheckStatus s);

#endif
