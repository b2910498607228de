/* tui.h - the full-screen wizard: a thin view over the flow, drawn with
 * curses (screen.c). Each step is a view (view.h) over the same session
 * the line mode uses.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_TUI_H
#define ZW_TUI_H

#include "flow/session.h"

/* Exit status of a wizard the user quit (answers kept for resuming). */
#define TUI_EXIT_QUIT 5 /* EXIT_QUIT of the command line */

/* Runs the wizard. -1 (nothing drawn, O->answers untouched, ERROR set)
 * when the terminal cannot draw: run the line mode instead. Otherwise
 * plain_run's statuses, TUI_EXIT_QUIT, or 128 + a signal's number. */
int tui_run (const SetupOptions *o, GError **error);

#endif
