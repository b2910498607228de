/* resume.h - the answers of a wizard left unfinished (quit, a lost
 * terminal, SIGTERM), so the next start can offer to go on: one file,
 * $XDG_STATE_HOME/zoomwiz/resume.ini, mode 0600, never a secret in it.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_RESUME_H
#define ZW_RESUME_H

#include "core/answers.h"

char *resume_path (void);

/* Writes the answers given (no secret, no preset default) and the id of
 * the step the wizard was at. */
gboolean resume_save (const Answers *a, const char *step_id, GError **error);

/* The saved answers, and in *STEP_ID the step (free it); NULL without an
 * error when there is nothing to resume. */
Answers *resume_load (char **step_id, GError **error);

/* Removes the file (the wizard finished, or the user chose to start over). */
gboolean resume_clear (GError **error);

#endif
