/* cmd_setup.c - "zoomwiz setup": the wizard. Line prompts (--plain) are
 * the front end there is so far; answers files pre-fill any step.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "plain/plain.h"
#include "tui/tui.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_TIMEOUT 10
G_STATIC_ASSERT (EXIT_QUIT == TUI_EXIT_QUIT);

static void
setup_help (void)
{
  printf (_("Usage: %s setup [--plain] [--preset NAME] [--answers FILE] [OPTION]...\n"),
          g_get_prgname ());
  fputs (_("Set up a Zoom app step by step: integration, app type, management, URLs,\n"
           "scopes, events, credentials, a live test against Zoom, then a profile "
           "and the\nMarketplace checklist. In a terminal the steps are screens; with "
           "--plain,\nTERM=dumb or no terminal they are numbered prompts, where Enter "
           "keeps the\nvalue in brackets and a complete --answers FILE runs unattended. "
           "A wizard\nquit before its end keeps its answers (never the secrets) and "
           "offers them\nat the next start.\n"),
         stdout);
  fputs ("\n", stdout);
  printf (_("      --plain           line prompts instead of screens\n"
            "      --preset NAME     start from this integration\n"
            "  -a, --answers FILE    pre-fill the answers (secrets: KEY_file)\n"
            "  -p, --profile NAME    save under this name (default: asked)\n"
            "      --secret-store S  keyring (default) or file\n"
            "      --force           replace a profile of the same name\n"
            "      --no-test         skip the live test\n"
            "      --zoom-url URL, --api-url URL, --cloud gov, --ca-file PEM,\n"
            "      --timeout N       for the live test, as for verify (default %d)\n"
            "      --recall-url URL  Recall.ai's base URL for the registration (a test\n"
            "                        server; default: the recall_region's)\n"
            "  -h, --help            display this help and exit\n"),
          DEFAULT_TIMEOUT);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 saved, 1 saved but the live test failed, 2 an answer "
           "was\nmissing or wrong and no one could be asked, 4 the keyring did not "
           "answer,\n5 quit before the end (the answers are kept to resume).\n"),
         stdout);
  cli_help_end ();
}

int
cmd_setup (int argc, char **argv)
{
  enum { OPT_PLAIN = 256, OPT_PRESET, OPT_STORE, OPT_FORCE, OPT_NO_TEST, OPT_RECALL_URL };
  static const struct option options[] = {
    { "plain", no_argument, NULL, OPT_PLAIN },
    { "preset", required_argument, NULL, OPT_PRESET },
    { "answers", required_argument, NULL, 'a' },
    { "profile", required_argument, NULL, 'p' },
    { "secret-store", required_argument, NULL, OPT_STORE },
    { "force", no_argument, NULL, OPT_FORCE },
    { "no-test", no_argument, NULL, OPT_NO_TEST },
    { "recall-url", required_argument, NULL, OPT_RECALL_URL },
    CLI_ZOOM_OPTIONS,
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *path = NULL, *preset = NULL;
  CliZoomOptions zoom = { .timeout = DEFAULT_TIMEOUT };
  SetupOptions po = { .secret_store = SECRET_STORE_KEYRING };
  gboolean plain = FALSE;
  int c;

  while ((c = cli_getopt (argc, argv, "a:p:h", options)) != -1)
    switch (c)
      {
      case OPT_PLAIN:
        plain = TRUE;
        break;
      case OPT_PRESET:
        preset = optarg;
        break;
      case 'a':
        path = optarg;
        break;
      case 'p':
        po.profile = optarg;
        break;
      case OPT_STORE:
        if (strcmp (optarg, "file") == 0)
          po.secret_store = SECRET_STORE_FILE;
        else if (strcmp (optarg, "keyring") != 0)
          return cli_usage_error ("setup", _("--secret-store takes keyring or file, not "
                                             "'%s'"),
                                  optarg);
        break;
      case OPT_FORCE:
        po.force = TRUE;
        break;
      case OPT_NO_TEST:
        po.skip_live_test = TRUE;
        break;
      case OPT_RECALL_URL:
        po.recall_url = optarg;
        break;
      case 'h':
        setup_help ();
        return EXIT_OK;
      default:
        switch (cli_option_zoom ("setup", c, optarg, &zoom))
          {
          case EXIT_OK:
            break;
          case EXIT_USAGE:
            return EXIT_USAGE;
          default:
            return cli_try_help ("setup");
          }
      }
  if (optind < argc)
    return cli_usage_error ("setup", _("unexpected argument '%s'"), argv[optind]);

  g_autoptr (Findings) findings = findings_new ();
  int status;
  po.answers = cli_load_answers ("setup", path, NULL, FALSE, findings, &status);
  if (po.answers == NULL)
    return status;
  if (cli_print_findings (findings, stderr) > 0)
    {
      answers_free (po.answers);
      return EXIT_USAGE;
    }
  if (preset != NULL)
    answers_set (po.answers, ANSWER_PRESET, preset, ORIGIN_ANSWER);
  VerifyOptions vo = cli_verify_options (&zoom, po.answers);
  po.verify = &vo;
  if (!plain)
    {
      /* Answers given by hand are not replaced by a wizard left earlier. */
      po.resume = path == NULL && preset == NULL;
      g_autoptr (GError) error = NULL;
      int drawn = tui_run (&po, &error);
      if (drawn >= 0)
        return drawn;
      /* A terminal that cannot draw gets the same steps as prompts. */
      if (isatty (STDIN_FILENO))
        fprintf (stderr, _("zoomwiz: %s; using line prompts\n"), error->message);
    }
  return plain_run (&po);
}
