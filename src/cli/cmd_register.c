/* cmd_register.c - "zoomwiz register recall": register the profile's Zoom
 * app with Recall.ai and keep the id it gets in the profile.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/export.h"
#include "net/recall.h"
#include "store/profile.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#define DEFAULT_TIMEOUT 10

static void
register_help (void)
{
  g_autofree char *regions = g_strjoinv (", ", (char **) recall_regions ());
  printf (_("Usage: %s register recall --profile NAME --region R [OPTION]...\n"),
          g_get_prgname ());
  fputs (_("Register the profile's Zoom app with Recall.ai (POST "
           "/api/v2/zoom-oauth-apps/),\nkeep the app id Recall returns in the "
           "profile, and print the event endpoint\nURL to paste into Zoom.\n"),
         stdout);
  fputs ("\n", stdout);
  printf (_("  -p, --profile NAME  the profile (a Recall.ai preset)\n"
            "  -r, --region R      Recall.ai's region, one of\n"
            "                      %s\n"
            "      --recall-url URL\n"
            "                      another https base URL (a test server)\n"
            "      --ca-file PEM   trust these CA certificates instead of the "
            "system's\n"
            "      --timeout N     seconds for the request (default %d)\n"
            "      --force         register again when the profile has an app id\n"
            "  -v, --verbose       show the request and answer (never a secret)\n"
            "  -h, --help          display this help and exit\n"),
          regions, DEFAULT_TIMEOUT);
  fputs ("\n", stdout);
  fputs (_("The API key comes from the profile (recall_api_key, in the keyring),\n"
           "or is asked for without echo when standard input is a terminal; never\n"
           "from the command line.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 registered, 1 Recall.ai refused, 2 bad usage,\n"
           "3 Recall.ai could not be reached, 4 the keyring did not answer.\n"),
         stdout);
  cli_help_end ();
}

int
cmd_register (int argc, char **argv)
{
  enum { OPT_RECALL_URL = 256, OPT_CA_FILE, OPT_TIMEOUT, OPT_FORCE };
  static const struct option options[] = {
    { "profile", required_argument, NULL, 'p' },
    { "region", required_argument, NULL, 'r' },
    { "recall-url", required_argument, NULL, OPT_RECALL_URL },
    { "ca-file", required_argument, NULL, OPT_CA_FILE },
    { "timeout", required_argument, NULL, OPT_TIMEOUT },
    { "force", no_argument, NULL, OPT_FORCE },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *profile = NULL, *region = NULL, *recall_url = NULL, *ca_file = NULL;
  gboolean force = FALSE, verbose = FALSE;
  long timeout = DEFAULT_TIMEOUT;
  int c;

  while ((c = cli_getopt (argc, argv, "p:r:vh", options)) != -1)
    switch (c)
      {
      case 'p':
        profile = optarg;
        break;
      case 'r':
        region = optarg;
        break;
      case OPT_RECALL_URL:
        recall_url = optarg;
        break;
      case OPT_CA_FILE:
        if (cli_option_ca_file ("register", optarg, &ca_file) != EXIT_OK)
          return EXIT_USAGE;
        break;
      case OPT_TIMEOUT:
        if (cli_option_timeout ("register", optarg, &timeout) != EXIT_OK)
          return EXIT_USAGE;
        break;
      case OPT_FORCE:
        force = TRUE;
        break;
      case 'v':
        verbose = TRUE;
        break;
      case 'h':
        register_help ();
        return EXIT_OK;
      default:
        return cli_try_help ("register");
      }
  if (optind >= argc || strcmp (argv[optind], "recall") != 0)
    return cli_usage_error ("register", _("say where to register: register recall"));
  if (++optind < argc)
    return cli_usage_error ("register", _("unexpected argument '%s'"), argv[optind]);
  cli_progress_start ("Recall.ai", FALSE);
  int defaulted = EXIT_OK;
  if (!cli_default_profile (NULL, &profile, &defaulted))
    return defaulted;
  if (profile == NULL)
    return cli_usage_error ("register", _("no profile: give --profile NAME"));

  g_autoptr (Preset) preset = NULL;
  int status = EXIT_USAGE;
  g_autoptr (Answers) answers = cli_load_filled_answers ("register", NULL, profile, &preset,
                                                         &status);
  if (answers == NULL)
    return status;
  if (region == NULL)
    region = answers_get (answers, ANSWER_RECALL_REGION);
  g_autofree char *regions = g_strjoinv (", ", (char **) recall_regions ());
  if (region == NULL)
    return cli_usage_error ("register", _("no region: give --region (%s)"), regions);
  if (!recall_region_known (region))
    return cli_usage_error ("register", _("'%s' is not a Recall.ai region (%s)"), region,
                            regions);
  const char *known = answers_get (answers, ANSWER_RECALL_APP_ID);
  if (known != NULL && !force)
    return cli_usage_error ("register", _("profile %s is registered already, as %s "
                                          "(--force registers it again)"),
                            profile, known);

  g_autoptr (GError) error = NULL;
  ExportOptions eo = { .profile = profile };
  char *body = export_render (EXPORT_RECALL, answers, preset, &eo, &error);
  if (body == NULL)
    {
      cli_error (_("cannot make Recall.ai's request: %s"), error->message);
      return EXIT_USAGE;
    }
  g_autofree char *prompt = g_strdup_printf (_("Recall.ai API key (%s): "), region);
  if (!cli_ask_secret (answers, ANSWER_RECALL_API_KEY, prompt, NULL))
    {
      explicit_bzero (body, strlen (body));
      g_free (body);
      return EXIT_USAGE;
    }

  g_autofree char *base = recall_url != NULL ? g_strdup (recall_url) : recall_base_url (region);
  RecallOptions ro = { .base_url = base, .region = region,
                       .api_key = answers_get (answers, ANSWER_RECALL_API_KEY),
                       .ca_file = ca_file, .timeout_s = (guint) timeout,
                       .log = verbose ? cli_log_to_stderr : NULL };
  g_autoptr (GPtrArray) checks = checks_new ();
  g_autofree char *id = recall_register (&ro, body, checks);
  explicit_bzero (body, strlen (body));
  g_free (body);
  cli_print_checks (checks, FALSE, NULL);
  if (id == NULL)
    return checks_exit_status (checks);

  /* The id and region go into the profile, and the event URLs made from
   * them replace those of an earlier registration. */
  answers_set (answers, ANSWER_RECALL_APP_ID, id, ORIGIN_ANSWER);
  answers_set (answers, ANSWER_RECALL_REGION, region, ORIGIN_ANSWER);
  static const AnswerKey made[] = { ANSWER_EVENT_ENDPOINT, ANSWER_DEAUTHORIZATION_URL };
  for (guint i = 0; preset != NULL && i < G_N_ELEMENTS (made); i++)
    if (preset->defaults[made[i]] != NULL)
      {
        g_autofree char *url = preset_expand (preset->defaults[made[i]], answers);
        if (url != NULL)
          answers_set (answers, made[i], url, ORIGIN_ANSWER);
      }
  if (!profile_save (profile, answers, profile_secret_store (profile), TRUE, &error))
    {
      cli_error (_("Recall.ai registered the app as %s, but the profile could not keep "
                   "it: %s. Write recall_app_id = %s into your answers."),
                 id, error->message, id);
      return cli_store_error (error);
    }
  if (preset != NULL && preset->defaults[ANSWER_EVENT_ENDPOINT] != NULL)
    {
      g_autofree char *endpoint = preset_expand (preset->defaults[ANSWER_EVENT_ENDPOINT],
                                                 answers);
      if (endpoint != NULL)
        printf (_("Paste this as the Event notification endpoint URL in Zoom (Features → "
                  "Access → Event Subscription):\n  %s\n"),
                endpoint);
    }
  return EXIT_OK;
}
