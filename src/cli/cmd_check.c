/* cmd_check.c - "zoomwiz check --answers FILE": every rule, every finding.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/answers.h"
#include "core/rules.h"

#include <getopt.h>
#include <stdio.h>

static void
check_help (void)
{
  printf (_("Usage: %s check --answers FILE [--preset NAME] [--json]\n"),
          g_get_prgname ());
  fputs (_("Check an answers file against every rule zoomwiz knows about Zoom apps,\n"
           "and print each problem with its fix. No network is used.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("  -a, --answers FILE  the answers file (group [zoomwiz])\n"
           "  -p, --preset NAME   take defaults from this preset (overrides "
           "the file's)\n"
           "      --json          print one JSON object instead of text\n"
           "  -h, --help          display this help and exit\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Keys of an answers file:\n"), stdout);
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      const AnswerKeyInfo *info = answer_key_info (k);
      if (info->kind == ANSWER_KIND_SECRET)
        /* TRANSLATORS: a secret key, then its _file twin. */
        printf (_("  %s, %s_file (secret: the file must be mode 0600)\n"),
                info->name, info->name);
      else if (info->kind == ANSWER_KIND_CHOICE)
        {
          g_autofree char *choices = g_strjoinv ("|", (char **) info->choices);
          printf ("  %s = %s\n", info->name, choices);
        }
      else
        printf ("  %s\n", info->name);
    }
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 no errors (warnings may be printed), 1 errors "
           "found,\n2 the file cannot be read or parsed, or holds a secret "
           "others can read.\n"),
         stdout);
  cli_help_end ();
}

/* Each finding with its fix, then the count. */
static void
print_findings (const char *path, const Findings *findings, guint errors, guint warnings)
{
  cli_print_findings (findings, stdout);
  if (errors == 0 && warnings == 0)
    printf (_("%s: no problems found\n"), path);
  else
    {
      g_autofree char *e = g_strdup_printf (ngettext ("%u error", "%u errors",
                                                      errors), errors);
      g_autofree char *w = g_strdup_printf (ngettext ("%u warning", "%u warnings",
                                                      warnings), warnings);
      /* TRANSLATORS: FILE: N errors, N warnings */
      printf (_("%s: %s, %s\n"), path, e, w);
    }
}

int
cmd_check (int argc, char **argv)
{
  enum { OPT_JSON = 256 };
  static const struct option options[] = {
    { "answers", required_argument, NULL, 'a' },
    { "preset", required_argument, NULL, 'p' },
    { "json", no_argument, NULL, OPT_JSON },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *path = NULL, *preset = NULL;
  gboolean json = FALSE;
  int c;

  while ((c = getopt_long (argc, argv, "a:p:h", options, NULL)) != -1)
    switch (c)
      {
      case 'a':
        path = optarg;
        break;
      case 'p':
        preset = optarg;
        break;
      case OPT_JSON:
        json = TRUE;
        break;
      case 'h':
        check_help ();
        return EXIT_OK;
      default:
        return cli_try_help ("check");
      }
  if (optind < argc)
    return cli_usage_error ("check", _("unexpected argument '%s' (the file "
                                       "goes after --answers)"),
                            argv[optind]);
  if (path == NULL)
    return cli_usage_error ("check", _("no answers file: give --answers FILE"));

  g_autoptr (Findings) findings = findings_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (Answers) answers = answers_load (path, findings, &error);
  if (answers == NULL)
    {
      cli_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (preset != NULL)
    answers_set (answers, ANSWER_PRESET, preset, ORIGIN_ANSWER);

  g_autoptr (Catalog) catalog = catalog_load (NULL, &error);
  if (catalog == NULL)
    {
      cli_error (_("cannot load the scope catalog: %s"), error->message);
      return EXIT_USAGE;
    }
  rules_check_answers (answers, catalog, findings);

  guint errors = findings_count (findings, SEVERITY_ERROR);
  guint warnings = findings_count (findings, SEVERITY_WARNING);
  if (json)
    cli_json_print (json_pack ("{s:o, s:b, s:i, s:i, s:o}", "file", cli_json_text (path),
                               "ok", errors == 0, "errors", (int) errors, "warnings",
                               (int) warnings, "findings", cli_json_findings (findings)));
  else
    print_findings (path, findings, errors, warnings);
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
