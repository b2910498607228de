/* cli.h - the commands of the zoomwiz program, and the one place that
 * prints errors for them.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_CLI_H
#define ZW_CLI_H

#include "core/common.h"
#include "core/answers.h"
#include "core/check.h"
#include "core/preset.h"
#include "core/findings.h"
#include "net/verify.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>

/* Exit statuses scripts may rely on (documented in --help and the man page). */
enum
{
  EXIT_OK = 0,
  EXIT_FINDINGS = 1, /* a check found errors; a search found nothing */
  EXIT_USAGE = 2,    /* bad usage, or input that cannot be read */
  EXIT_UNREACHABLE = 3, /* verify: Zoom could not be reached */
  EXIT_STORE = 4,       /* the keyring did not answer; nothing was stored */
  EXIT_QUIT = 5         /* the wizard was quit; its answers are kept (TUI_EXIT_QUIT) */
};

int cmd_presets (int argc, char **argv);
int cmd_scopes (int argc, char **argv);
int cmd_check (int argc, char **argv);
int cmd_secret (int argc, char **argv);
int cmd_verify (int argc, char **argv);
int cmd_webhook (int argc, char **argv);
int cmd_profiles (int argc, char **argv);
int cmd_export (int argc, char **argv);
int cmd_register (int argc, char **argv);
int cmd_create (int argc, char **argv);
int cmd_rotate (int argc, char **argv);
int cmd_setup (int argc, char **argv);
int cmd_doctor (int argc, char **argv);

/* "zoomwiz: MESSAGE" on standard error. */
void cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* "zoomwiz: MESSAGE" on standard error: a note on what a command did
 * besides its result (a secret generated, a file written); none with
 * --quiet. */
void cli_note (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* -q, --quiet, before the command or among its options: no progress, no
 * notes; only errors and the command's result. */
extern gboolean cli_quiet;
/* getopt_long with -q and --quiet added to every command's options (they
 * set cli_quiet and are not returned). */
int cli_getopt (int argc, char **argv, const char *shortopts,
                const struct option *longopts);
/* While the command waits on the network: the wait said on standard error,
 * in place, and cleared after; a server's Retry-After counted down. Only
 * when standard error is a terminal, and not with --quiet or JSON. WHO
 * names the server to the admin ("Zoom"). */
void cli_progress_start (const char *who, gboolean json);
/* "Try 'zoomwiz COMMAND --help'..." (COMMAND may be NULL); returns EXIT_USAGE. */
int cli_try_help (const char *command);
/* The end of every --help: where to report bugs. */
void cli_help_end (void);
/* A usage error: the message and where to read more; returns EXIT_USAGE. */
int cli_usage_error (const char *command, const char *format, ...)
    G_GNUC_PRINTF (2, 3);
/* Prints a table on standard output: ROWS rows (the headings first) of
 * COLUMNS cells each, CELLS row after row; each column but the last as wide
 * as its widest cell plus one, in display columns, and at least MIN[c]
 * (MIN may be NULL); each line after INDENT spaces. With WRAP, the last cell
 * is wrapped to keep lines within 80 columns, where its words allow. */
void cli_print_table (const char *const *cells, guint rows, guint columns, int indent,
                      gboolean wrap, const int *min);
/* Prints each finding with its fix; returns the number of errors. */
guint cli_print_findings (const Findings *f, FILE *out);

/* Machine output (--json, README's "Machine output"): keys are only added
 * while the version stays. */
#define CLI_JSON_SCHEMA_VERSION 1
/* Prints {"schema_version": 1} and the members of the object MEMBERS
 * (taken) on standard output, indented, and a newline. */
void cli_json_print (json_t *members);
/* TEXT from a file or a server, made safe as the text output's
 * (text_clean: valid UTF-8, no control character but newline and tab);
 * null for NULL. */
json_t *cli_json_text (const char *text);
/* A JSON array of the strings of STRV (NULL: empty), each as cli_json_text. */
json_t *cli_json_strings (const char *const *strv);
/* The findings, as an array of {"severity", "rule", "key", "message", "fix"}. */
json_t *cli_json_findings (const Findings *f);
/* Prints live checks: a line each (and the fix), or with JSON one object
 * {"schema_version", "ok", "checks": [...]} and the members of MORE
 * (taken; may be NULL). */
void cli_print_checks (const GPtrArray *checks, gboolean json, json_t *more);
/* --ca-file and --timeout of the live commands: sets *OUT and returns
 * EXIT_OK, or says what is wrong and returns EXIT_USAGE. */
int cli_option_ca_file (const char *command, const char *arg, const char **out);
int cli_option_timeout (const char *command, const char *arg, long *out);
/* How verify and setup reach Zoom: --zoom-url, --api-url, --cloud,
 * --ca-file, --timeout; add CLI_ZOOM_OPTIONS to a command's options. */
enum { CLI_OPT_ZOOM_URL = 0x200, CLI_OPT_API_URL, CLI_OPT_CLOUD, CLI_OPT_CA_FILE,
       CLI_OPT_TIMEOUT };
#define CLI_ZOOM_OPTIONS                                                       \
  { "zoom-url", required_argument, NULL, CLI_OPT_ZOOM_URL },                   \
  { "api-url", required_argument, NULL, CLI_OPT_API_URL },                     \
  { "cloud", required_argument, NULL, CLI_OPT_CLOUD },                         \
  { "ca-file", required_argument, NULL, CLI_OPT_CA_FILE },                     \
  { "timeout", required_argument, NULL, CLI_OPT_TIMEOUT }
typedef struct
{
  const char *zoom_url, *api_url; /* NULL: from the answers, else Zoom's own */
  const char *ca_file;
  long timeout;                   /* seconds; set the command's default first */
} CliZoomOptions;
/* Takes getopt's C and ARG when C is one of CLI_ZOOM_OPTIONS: EXIT_OK, or
 * EXIT_USAGE said; -1 when C is none of them. */
int cli_option_zoom (const char *command, int c, const char *arg, CliZoomOptions *z);
/* The VerifyOptions of Z: flags win over the answers A (may be NULL),
 * which win over Zoom's own hosts. */
VerifyOptions cli_verify_options (const CliZoomOptions *z, const Answers *a);

/* Says ERROR of a profile or the keyring; EXIT_STORE when the keyring did
 * not answer, else EXIT_USAGE. */
int cli_store_error (const GError *error);
/* When neither --answers (PATH) nor --profile (*PROFILE) is given, sets
 * *PROFILE to the default profile (ZOOMWIZ_PROFILE, else 'profiles
 * default') and says which and why in a note; with no default, leaves it
 * NULL. FALSE after saying what is wrong with the default, the exit status
 * in *STATUS. */
gboolean cli_default_profile (const char *path, const char **profile, int *status);
/* The answers of --answers PATH or --profile PROFILE (with its secrets);
 * with neither, empty answers unless REQUIRED. NULL after saying what is
 * wrong, with the exit status in *STATUS. Problems of single keys go to
 * FINDINGS. */
Answers *cli_load_answers (const char *command, const char *path, const char *profile,
                           gboolean required, Findings *findings, int *status);
/* The same, never required, with errors of single keys said, and the
 * defaults of its preset (*PRESET, or NULL) filled in. */
Answers *cli_load_filled_answers (const char *command, const char *path,
                                  const char *profile, Preset **preset, int *status);
/* Whether F is one of the rules without which Zoom cannot be asked (verify
 * and doctor stop before the live checks). */
gboolean cli_blocks_verify (const Finding *f);
/* --verbose: each line on standard error. */
void cli_log_to_stderr (const char *line, gpointer data);

/* Makes sure A has the secret KEY: from the answers, or typed without echo
 * when standard input is a terminal. Otherwise says how to give it (PATH:
 * the answers file, or NULL) and returns FALSE. Never from argv. */
gboolean cli_ask_secret (Answers *a, AnswerKey key, const char *prompt,
                         const char *path);

#endif
