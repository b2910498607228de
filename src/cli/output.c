/* output.c - how the commands print errors and findings.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/preset.h"
#include "core/text.h"
#include "store/keyring.h"
#include "net/verify.h"
#include "net/http.h"
#include "plain/plain.h"
#include "store/profile.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void say (const char *format, va_list ap) G_GNUC_PRINTF (1, 0);

/* One line on standard error after "zoomwiz: ". Made safe for the terminal
 * here, in one place: a message may hold what the admin typed or a file
 * named (a path, an option's value), escape sequences and all. */
static void
say (const char *format, va_list ap)
{
  g_autofree char *text = g_strdup_vprintf (format, ap);
  g_autofree char *safe = text_clean (text);
  fflush (stdout);
  fprintf (stderr, "%s: %s\n", g_get_prgname (), safe);
}

void
cli_error (const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  say (format, ap);
  va_end (ap);
}

gboolean cli_quiet;

void
cli_note (const char *format, ...)
{
  va_list ap;
  if (cli_quiet)
    return;
  va_start (ap, format);
  say (format, ap);
  va_end (ap);
}

enum { CLI_OPT_QUIET = 0x300 };

int
cli_getopt (int argc, char **argv, const char *shortopts, const struct option *longopts)
{
  /* The command's table with --quiet, made once per table. */
  static const struct option *made_for;
  static struct option *merged;
  static char *merged_short;
  if (made_for != longopts)
    {
      gsize n = 0;
      while (longopts[n].name != NULL)
        n++;
      g_free (merged);
      merged = g_new0 (struct option, n + 2);
      memcpy (merged, longopts, n * sizeof *merged);
      merged[n] = (struct option){ "quiet", no_argument, NULL, CLI_OPT_QUIET };
      /* After getopt's own leading '+', '-' or ':'. */
      gsize lead = strspn (shortopts, "+-:");
      g_free (merged_short);
      merged_short = g_strdup_printf ("%.*sq%s", (int) lead, shortopts, shortopts + lead);
      made_for = longopts;
    }
  /* getopt names a wrong option as it was typed, itself: one with a
     control character (an escape sequence) is refused here instead, once
     a parse (it starts at optind 0 or 1), not at every option. */
  for (int i = 1; optind <= 1 && i < argc && strcmp (argv[i], "--") != 0; i++)
    if (argv[i][0] == '-' && text_has_control (argv[i]))
      {
        cli_error (_("'%s' is not an option: it has a control character"), argv[i]);
        optind = argc;
        return '?';
      }
  int c;
  while ((c = getopt_long (argc, argv, merged_short, merged, NULL)) == 'q'
         || c == CLI_OPT_QUIET)
    cli_quiet = TRUE;
  return c;
}

/* The progress line: what it said last, to clear it (in columns). */
static struct
{
  const char *who;
  glong width;
} progress_line;

static void
progress_show (HttpProgress what, const char *host, guint seconds, gpointer data)
{
  (void) data;
  g_autofree char *line = NULL;
  if (what == HTTP_PROGRESS_ANSWER)
    /* TRANSLATORS: said in place while an answer is awaited; %s is host:port. */
    line = g_strdup_printf (_("Waiting for %s: %u s…"), host ? host : "", seconds);
  else if (what == HTTP_PROGRESS_RETRY_AFTER)
    /* TRANSLATORS: a server's Retry-After counted down; %s is "Zoom",
       "Recall.ai" or "The event endpoint". */
    line = g_strdup_printf (_("%s asked to wait: %u s…"), progress_line.who, seconds);
  g_autofree char *safe = line != NULL ? text_sanitize (line, -1, 200) : g_strdup ("");
  glong width = text_width (safe); /* in columns: Japanese's are two wide */
  /* Back to the line's start, the new text, blanks over what is left of
     the old, and back again: no terminal sequence but the carriage return. */
  fprintf (stderr, "\r%s%*s\r%s", safe, (int) MAX (0, progress_line.width - width), "",
           what == HTTP_PROGRESS_DONE ? "" : safe);
  fflush (stderr);
  progress_line.width = what == HTTP_PROGRESS_DONE ? 0 : width;
}

void
cli_progress_start (const char *who, gboolean json)
{
  progress_line.who = who;
  if (!cli_quiet && !json && isatty (STDERR_FILENO))
    http_set_progress (progress_show, NULL);
}

int
cli_try_help (const char *command)
{
  if (command != NULL)
    fprintf (stderr, _("Try '%s %s --help' for more information.\n"),
             g_get_prgname (), command);
  else
    fprintf (stderr, _("Try '%s --help' for more information.\n"),
             g_get_prgname ());
  return EXIT_USAGE;
}

void
cli_help_end (void)
{
  fputs ("\n", stdout);
  /* TRANSLATORS: the last lines of every --help. */
  fputs (_("Report bugs to the zoomwiz issue tracker, with the command and\n"
           "what it printed (zoomwiz prints no secret; check before you paste).\n"),
         stdout);
}

int
cli_usage_error (const char *command, const char *format, ...)
{
  va_list ap;
  g_autofree char *message = NULL;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  cli_error ("%s", message);
  return cli_try_help (command);
}

/* The columns of the widest run of S without a space or a wide
 * character (which text_wrap may break between). */
static int
widest_word (const char *s)
{
  int widest = 0, run = 0;
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int w = text_char_width (c);
      run = g_unichar_isspace (c) || w > 1 ? 0 : run + w;
      widest = MAX (widest, run);
    }
  return widest;
}

void
cli_print_table (const char *const *cells, guint rows, guint columns, int indent,
                 gboolean wrap, const int *min)
{
  g_autofree int *widths = g_new0 (int, columns);
  for (guint c = 0; c + 1 < columns; c++)
    {
      widths[c] = min != NULL ? min[c] : 0;
      for (guint r = 0; r < rows; r++)
        widths[c] = MAX (widths[c], text_width (cells[r * columns + c]) + 1);
    }
  GString *line = g_string_new (NULL);
  for (guint r = 0; r < rows; r++)
    {
      g_string_truncate (line, 0);
      text_pad (line, "", indent);
      for (guint c = 0; c + 1 < columns; c++)
        text_pad (line, cells[r * columns + c], widths[c]);
      /* The last cell on more lines when a line would pass 80 columns
         (a list of scopes), each under the first. */
      int room = 80 - text_width (line->str);
      const char *last = cells[r * columns + columns - 1];
      /* A word too long for the room (a URL) is not broken: the line is
         left long instead, whole for a copy. */
      gboolean whole = !wrap || text_width (last) <= room || widest_word (last) > room;
      g_auto (GStrv) parts = whole ? g_strsplit (last, "\n", -1) : text_wrap (last, room, NULL);
      printf ("%s%s\n", line->str, parts[0] != NULL ? parts[0] : "");
      for (guint i = 1; parts[0] != NULL && parts[i] != NULL; i++)
        printf ("%*s%s\n", text_width (line->str), "", parts[i]);
    }
  g_string_free (line, TRUE);
}

guint
cli_print_findings (const Findings *f, FILE *out)
{
  for (guint i = 0; i < f->items->len; i++)
    {
      const Finding *item = g_ptr_array_index (f->items, i);
      /* On standard error a finding is one of the errors: "zoomwiz:" first,
       * as every other; on standard output it is check's result. */
      if (out == stderr)
        fprintf (out, "%s: ", g_get_prgname ());
      /* TRANSLATORS: "error: KEY: MESSAGE [RULE-ID]" for one finding. */
      fprintf (out, _("%s: %s: %s [%s]\n"),
               item->severity == SEVERITY_ERROR ? _("error") : _("warning"),
               item->key, item->message, item->rule);
      if (item->fix != NULL)
        /* TRANSLATORS: the line under a finding that says how to fix it. */
        fprintf (out, _("  fix: %s\n"), item->fix);
    }
  return findings_count (f, SEVERITY_ERROR);
}

/* The rules without which no request can be made. */
gboolean
cli_blocks_verify (const Finding *f)
{
  return f->severity == SEVERITY_ERROR
         && (g_str_has_prefix (f->rule, "answers-") || g_str_has_prefix (f->rule, "value-")
             || strcmp (f->rule, "preset-unknown") == 0 || strcmp (f->rule, "secret-file") == 0
             || strcmp (f->rule, "credential-whitespace") == 0);
}

void
cli_log_to_stderr (const char *line, gpointer data)
{
  (void) data;
  fprintf (stderr, "%s\n", line);
}

gboolean
cli_ask_secret (Answers *a, AnswerKey key, const char *prompt, const char *path)
{
  if (answers_get (a, key) != NULL)
    return TRUE;
  char *secret = plain_read_secret (prompt);
  if (secret == NULL)
    {
      const char *name = answer_key_info (key)->name;
      if (path != NULL)
        cli_error (_("no %s: give %s_file in %s (a file only you can read), or run "
                     "in a terminal to type it"),
                   name, name, path);
      else
        cli_error (_("no %s: give --answers FILE with %s_file (a file only you can "
                     "read), or run in a terminal to type it"),
                   name, name);
      return FALSE;
    }
  answers_set (a, key, secret, ORIGIN_ANSWER);
  explicit_bzero (secret, strlen (secret));
  g_free (secret);
  return TRUE;
}

void
cli_json_print (json_t *members)
{
  json_t *root = json_pack ("{s:i}", "schema_version", CLI_JSON_SCHEMA_VERSION);
  json_object_update_new (root, members);
  json_dumpf (root, stdout, JSON_INDENT (2));
  fputc ('\n', stdout);
  json_decref (root);
}

json_t *
cli_json_text (const char *text)
{
  if (text == NULL)
    return json_null ();
  g_autofree char *clean = text_clean (text);
  return json_string (clean);
}

json_t *
cli_json_strings (const char *const *strv)
{
  json_t *array = json_array ();
  for (const char *const *s = strv; s != NULL && *s != NULL; s++)
    json_array_append_new (array, cli_json_text (*s));
  return array;
}

json_t *
cli_json_findings (const Findings *f)
{
  json_t *list = json_array ();
  for (guint i = 0; i < f->items->len; i++)
    {
      const Finding *item = g_ptr_array_index (f->items, i);
      /* Key, message and fix are made safe already (findings_add). */
      json_array_append_new (list, json_pack ("{s:s, s:s, s:s?, s:s, s:s}", "severity",
                                              item->severity == SEVERITY_ERROR ? "error"
                                                                               : "warning",
                                              "rule", item->rule, "key", item->key,
                                              "message", item->message,
                                              "fix", item->fix ? item->fix : ""));
    }
  return list;
}

void
cli_print_checks (const GPtrArray *checks, gboolean json, json_t *more)
{
  if (json)
    {
      json_t *list = json_array ();
      for (guint i = 0; i < checks->len; i++)
        {
          const Check *c = checks->pdata[i];
          json_array_append_new (list, json_pack ("{s:s, s:s, s:s, s:s}", "id", c->id,
                                                  "status", check_status_name (c->status),
                                                  "message", c->message,
                                                  "fix", c->fix ? c->fix : ""));
        }
      json_t *members = json_pack ("{s:b, s:o}", "ok", checks_exit_status (checks) == 0,
                                   "checks", list);
      if (more != NULL)
        json_object_update (members, more);
      cli_json_print (members);
    }
  else
    plain_print_checks (checks, stdout);
  json_decref (more);
}

int
cli_option_ca_file (const char *command, const char *arg, const char **out)
{
  if (access (arg, R_OK) != 0)
    return cli_usage_error (command, _("cannot read the CA file %s: %s"), arg,
                            g_strerror (errno));
  *out = arg;
  return EXIT_OK;
}


/* --cloud gov|global: Zoom's two hosts into *ZOOM_URL and *API_URL. */
static int
cli_option_cloud (const char *command, const char *arg, const char **zoom_url,
                  const char **api_url)
{
  if (strcmp (arg, "gov") == 0)
    *zoom_url = ZOOM_URL_GOV, *api_url = ZOOM_API_URL_GOV;
  else if (strcmp (arg, "global") == 0)
    *zoom_url = ZOOM_URL_GLOBAL, *api_url = ZOOM_API_URL_GLOBAL;
  else
    return cli_usage_error (command, _("--cloud takes gov or global, not '%s'"), arg);
  return EXIT_OK;
}

int
cli_option_zoom (const char *command, int c, const char *arg, CliZoomOptions *z)
{
  switch (c)
    {
    case CLI_OPT_ZOOM_URL:
      z->zoom_url = arg;
      return EXIT_OK;
    case CLI_OPT_API_URL:
      z->api_url = arg;
      return EXIT_OK;
    case CLI_OPT_CLOUD:
      return cli_option_cloud (command, arg, &z->zoom_url, &z->api_url);
    case CLI_OPT_CA_FILE:
      return cli_option_ca_file (command, arg, &z->ca_file);
    case CLI_OPT_TIMEOUT:
      return cli_option_timeout (command, arg, &z->timeout);
    default:
      return -1;
    }
}

VerifyOptions
cli_verify_options (const CliZoomOptions *z, const Answers *a)
{
  const char *zoom = a != NULL ? answers_get (a, ANSWER_ZOOM_URL) : NULL;
  const char *api = a != NULL ? answers_get (a, ANSWER_API_URL) : NULL;
  return (VerifyOptions){
    .zoom_url = z->zoom_url ? z->zoom_url : zoom ? zoom : ZOOM_URL_GLOBAL,
    .api_url = z->api_url ? z->api_url : api ? api : ZOOM_API_URL_GLOBAL,
    .ca_file = z->ca_file,
    .timeout_s = (guint) z->timeout,
    .max_wait_s = (guint) z->timeout,
  };
}

int
cli_option_timeout (const char *command, const char *arg, long *out)
{
  char *end;
  long n = strtol (arg, &end, 10);
  if (*arg == '\0' || *end != '\0' || n < 1 || n > 300)
    return cli_usage_error (command, _("--timeout takes seconds from 1 to 300, not "
                                       "'%s'"),
                            arg);
  *out = n;
  return EXIT_OK;
}

int
cli_store_error (const GError *error)
{
  cli_error ("%s", error->message);
  return keyring_error_unreachable (error) ? EXIT_STORE : EXIT_USAGE;
}

gboolean
cli_default_profile (const char *path, const char **profile, int *status)
{
  /* The name lives as long as the command. */
  static char *chosen;
  g_autoptr (GError) error = NULL;
  ProfileDefaultSource source;

  if (path != NULL || *profile != NULL)
    return TRUE;
  g_free (chosen);
  chosen = profile_default (&source, &error);
  if (chosen == NULL && error != NULL)
    {
      cli_error ("%s", error->message);
      *status = EXIT_USAGE;
      return FALSE;
    }
  if (chosen == NULL)
    return TRUE;
  /* A wrong default is a classic trap (the wrong app's secrets exported):
   * which profile was taken, and why, is said each time. */
  if (source == PROFILE_DEFAULT_ENV)
    cli_note (_("profile %s (from ZOOMWIZ_PROFILE)"), chosen);
  else
    cli_note (_("profile %s (the default: 'zoomwiz profiles default')"), chosen);
  *profile = chosen;
  return TRUE;
}

Answers *
cli_load_answers (const char *command, const char *path, const char *profile,
                  gboolean required, Findings *findings, int *status)
{
  g_autoptr (GError) error = NULL;
  Answers *a;

  *status = EXIT_USAGE;
  if (path != NULL && profile != NULL)
    {
      cli_usage_error (command, _("give --answers FILE or --profile NAME, not both"));
      return NULL;
    }
  if (profile != NULL)
    {
      if ((a = profile_load (profile, TRUE, &error)) == NULL)
        *status = cli_store_error (error);
      return a;
    }
  if (path == NULL)
    {
      if (required)
        cli_usage_error (command, _("no answers: give --answers FILE or --profile NAME"));
      return required ? NULL : answers_new ();
    }
  if ((a = answers_load (path, findings, &error)) == NULL)
    cli_error ("%s", error->message);
  return a;
}

Answers *
cli_load_filled_answers (const char *command, const char *path, const char *profile,
                         Preset **preset, int *status)
{
  g_autoptr (Findings) findings = findings_new ();
  g_autoptr (GError) error = NULL;
  Answers *a = cli_load_answers (command, path, profile, FALSE, findings, status);

  *preset = NULL;
  if (a == NULL)
    return NULL;
  if (cli_print_findings (findings, stderr) > 0)
    {
      answers_free (a);
      return NULL;
    }
  const char *name = answers_get (a, ANSWER_PRESET);
  if (name != NULL)
    {
      *preset = preset_load (name, &error);
      if (*preset == NULL)
        {
          cli_error ("%s: %s", path ? path : profile, error->message);
          answers_free (a);
          return NULL;
        }
      preset_apply (*preset, a, NULL);
    }
  return a;
}
