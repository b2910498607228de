/* cmd_create.c - "zoomwiz create": the Zoom app of a profile made through
 * Zoom's Marketplace API, with the token of a builder app (a
 * Server-to-Server app holding the Marketplace scopes, made by hand once per
 * account): the manifest validated, the app created on its route, the
 * scopes Zoom kept compared with those asked, the app id and credentials
 * kept in the profile, then the live checks. doc/reference/marketplace-api.md.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "flow/create.h"
#include "flow/session.h"
#include "store/profile.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_TIMEOUT 20
/* A new Server-to-Server app's first tokens may lack its scopes for about
 * 12 s (marketplace-api.md): the live checks are tried again, this often,
 * for at most this long. */
#define SCOPE_WAIT_STEP_S 3
#define SCOPE_WAIT_MAX_S 30

static void
create_help (void)
{
  printf (_("Usage: %s create --profile NAME --builder B --contact-name N\n"
            "         --contact-email E --company C [OPTION]...\n"),
          g_get_prgname ());
  fputs (_("Create the profile's Zoom app through Zoom's Marketplace API, with the token\n"
           "of the builder app B: a General app from the profile's manifest (validated\n"
           "first), a Server-to-Server app from its scopes. The app id and credentials\n"
           "go into the profile, then its live checks run.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("  -p, --profile NAME      the profile of the app to create\n"
           "  -b, --builder B         the builder's profile (Server-to-Server, with\n"
           "                          marketplace:write:app:admin and\n"
           "                          marketplace:read:app:admin; :master too for\n"
           "                          Server-to-Server apps)\n"
           "      --contact-name N, --contact-email E, --company C\n"
           "                          the developer contact Zoom requires\n"
           "      --dry-run           check the builder and validate the manifest only\n"
           "      --force             create another app for a profile that has one\n"
           "      --zoom-url URL, --api-url URL, --cloud gov, --ca-file PEM,\n"
           "      --timeout N         as for verify\n"
           "  -v, --verbose           show each request and answer (never a secret)\n"
           "  -h, --help              display this help and exit\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 created and every check passed (or --dry-run: valid),\n"
           "1 Zoom refused, or a check failed, 2 bad usage or answers, 3 Zoom could not\n"
           "be reached, 4 the keyring did not answer.\n"),
         stdout);
  cli_help_end ();
}

/* The live checks of the new app; a new Server-to-Server app's scopes may
 * come some seconds after it: tried again, said on standard error. */
static Verification *
check_new_app (const Answers *a, const CliZoomOptions *z, gboolean verbose)
{
  VerifyOptions vo = cli_verify_options (z, a);
  vo.log = verbose ? cli_log_to_stderr : NULL;
  Verification *v = verify_run (a, &vo);
  for (int waited = 0; answers_app_type (a) == APP_TYPE_S2S && v->missing != NULL
                       && v->missing[0] != NULL && waited < SCOPE_WAIT_MAX_S;
       waited += SCOPE_WAIT_STEP_S)
    {
      if (!cli_quiet)
        fprintf (stderr, _("The new app's token lacks scopes yet (Zoom gives them some "
                           "seconds after the app is made): testing again in %d s (%d of "
                           "at most %d s).\n"),
                 SCOPE_WAIT_STEP_S, waited + SCOPE_WAIT_STEP_S, SCOPE_WAIT_MAX_S);
      g_usleep (SCOPE_WAIT_STEP_S * G_USEC_PER_SEC);
      verification_free (v);
      v = verify_run (a, &vo);
    }
  return v;
}

/* What is left after the app exists: the Secret Token (no create answer
 * carries it), then the preset's finish guide. */
static void
print_left (const Answers *a, const char *profile, const char *app_id)
{
  Answers *copy = answers_copy (a);
  g_autoptr (FlowSession) s = flow_session_new (copy);
  const char *preset = answers_get (copy, ANSWER_PRESET);
  if (preset != NULL)
    flow_session_set (s, ANSWER_PRESET, preset, NULL);
  printf ("\n%s\n", _("What is left:"));
  guint n = 0;
  if (answers_get (a, ANSWER_EVENT_ENDPOINT) != NULL || answers_get (a, ANSWER_EVENTS) != NULL)
    printf (_("%u. Open the app %s in the Marketplace, copy the Secret Token from "
              "Features → Access, and give it to the profile (secret_token_file in an "
              "answers file, then zoomwiz profiles import %s --answers FILE --force).\n"),
            ++n, app_id, profile);
  g_auto (GStrv) left = flow_session_left (s, profile_secrets_at (profile_secret_store (profile)));
  for (char **l = left; *l != NULL; l++)
    printf ("%u. %s\n", ++n, *l);
}

int
cmd_create (int argc, char **argv)
{
  enum { OPT_NAME = 256, OPT_EMAIL, OPT_COMPANY, OPT_DRY_RUN, OPT_FORCE };
  static const struct option options[] = {
    { "profile", required_argument, NULL, 'p' },
    { "builder", required_argument, NULL, 'b' },
    { "contact-name", required_argument, NULL, OPT_NAME },
    { "contact-email", required_argument, NULL, OPT_EMAIL },
    { "company", required_argument, NULL, OPT_COMPANY },
    { "dry-run", no_argument, NULL, OPT_DRY_RUN },
    { "force", no_argument, NULL, OPT_FORCE },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    CLI_ZOOM_OPTIONS,
    { NULL, 0, NULL, 0 },
  };
  const char *profile = NULL, *builder = NULL;
  const char *contact[3] = { NULL, NULL, NULL };
  gboolean dry_run = FALSE, force = FALSE, verbose = FALSE;
  CliZoomOptions z = { .timeout = DEFAULT_TIMEOUT };
  int c;

  while ((c = cli_getopt (argc, argv, "p:b:vh", options)) != -1)
    {
      int zoom = cli_option_zoom ("create", c, optarg, &z);
      if (zoom == EXIT_USAGE)
        return EXIT_USAGE;
      if (zoom == EXIT_OK)
        continue;
      switch (c)
        {
        case 'p': profile = optarg; break;
        case 'b': builder = optarg; break;
        case OPT_NAME: contact[0] = optarg; break;
        case OPT_EMAIL: contact[1] = optarg; break;
        case OPT_COMPANY: contact[2] = optarg; break;
        case OPT_DRY_RUN: dry_run = TRUE; break;
        case OPT_FORCE: force = TRUE; break;
        case 'v': verbose = TRUE; break;
        case 'h':
          create_help ();
          return EXIT_OK;
        default:
          return cli_try_help ("create");
        }
    }
  if (optind < argc)
    return cli_usage_error ("create", _("unexpected argument '%s'"), argv[optind]);
  cli_progress_start (_("Zoom"), FALSE);
  int defaulted = EXIT_OK;
  if (!cli_default_profile (NULL, &profile, &defaulted))
    return defaulted;
  if (profile == NULL || builder == NULL)
    return cli_usage_error ("create", _("give the app's --profile NAME and the --builder "
                                        "profile whose token creates it"));
  if (strcmp (profile, builder) == 0)
    return cli_usage_error ("create", _("an app cannot create itself: the builder is "
                                        "another profile, a Server-to-Server app made by "
                                        "hand"));
  if (contact[1] != NULL && strchr (contact[1], '@') == NULL)
    return cli_usage_error ("create", _("--contact-email '%s' is not an email address"),
                            contact[1]);

  g_autoptr (Preset) preset = NULL;
  int status = EXIT_USAGE;
  g_autoptr (Answers) app = cli_load_filled_answers ("create", NULL, profile, &preset,
                                                     &status);
  if (app == NULL)
    return status;
  const char *had = answers_get (app, ANSWER_CLIENT_ID);
  if (had != NULL && *had != '\0' && !force && !dry_run)
    return cli_usage_error ("create", _("profile %s has an app already (client_id %s); "
                                        "--force creates another"),
                            profile, had);
  g_autoptr (Preset) builder_preset = NULL;
  g_autoptr (Answers) b = cli_load_filled_answers ("create", NULL, builder, &builder_preset,
                                                   &status);
  if (b == NULL)
    return status;
  if (answers_app_type (b) != APP_TYPE_S2S)
    return cli_usage_error ("create", _("the builder %s is not a Server-to-Server app: "
                                        "only such an app's token (or an admin's) may "
                                        "create apps"),
                            builder);
  /* The contact given here wins over the profile's. */
  static const AnswerKey contact_keys[] = { ANSWER_CONTACT_NAME, ANSWER_CONTACT_EMAIL,
                                            ANSWER_COMPANY };
  static const char *const contact_flags[] = { "--contact-name", "--contact-email",
                                               "--company" };
  for (int i = 0; i < 3; i++)
    {
      if (contact[i] != NULL)
        answers_set (app, contact_keys[i], contact[i], ORIGIN_ANSWER);
      const char *v = answers_get (app, contact_keys[i]);
      if (!dry_run && (v == NULL || *v == '\0'))
        return cli_usage_error ("create", _("give %s (or %s in the profile): Zoom requires "
                                            "the developer contact (name, email, company) "
                                            "of every app"),
                                contact_flags[i], answer_key_info (contact_keys[i])->name);
    }
  answers_set (app, ANSWER_BUILDER, builder, ORIGIN_ANSWER);

  VerifyOptions vo = cli_verify_options (&z, b);
  vo.log = verbose ? cli_log_to_stderr : NULL;
  g_autoptr (Findings) f = findings_new ();
  g_autoptr (GPtrArray) checks = checks_new ();
  gboolean id_only = FALSE;
  g_autofree char *name = g_strdup (preset != NULL && preset->title != NULL ? preset->title
                                                                          : profile);
  FlowCreateResult made = flow_create_app (app, preset, name, b, &vo, dry_run, f, checks,
                                           &id_only);
  cli_print_findings (f, stdout);
  cli_print_checks (checks, FALSE, NULL);
  if (made != FLOW_CREATE_DONE)
    return checks_exit_status (checks) != 0 ? checks_exit_status (checks) : 1;
  if (dry_run)
    return EXIT_OK;

  const char *app_id = answers_get (app, ANSWER_APP_ID);
  if (id_only)
    /* An answer with the app id alone: both are on the app's page. */
    printf (_("Zoom sent only the app id %s: open the app in the Zoom Marketplace "
              "(Manage → Created Apps) and copy the Client ID and Client Secret from "
              "App Credentials into the profile (client_id and client_secret_file in "
              "an answers file, then zoomwiz profiles import %s --answers FILE "
              "--force).\n"),
            app_id, profile);
  else if (answers_get (app, ANSWER_CLIENT_SECRET) == NULL)
    {
      /* Zoom's answer may lack it: where to read it, and asked. */
      printf (_("Zoom did not send the new app's Client Secret: open the app %s in the "
                "Zoom Marketplace (Manage → Created Apps), and copy it from App "
                "Credentials.\n"),
              app_id);
      if (!cli_ask_secret (app, ANSWER_CLIENT_SECRET, _("Client Secret: "), NULL))
        fprintf (stderr, _("zoomwiz: the profile is saved without it; give it later "
                           "(client_secret_file in an answers file, then zoomwiz profiles "
                           "import %s --answers FILE --force).\n"),
                 profile);
    }
  g_autoptr (GError) error = NULL;
  if (!profile_save (profile, app, profile_secret_store (profile), TRUE, &error))
    {
      cli_error (_("Zoom created the app %s (client_id %s), but the profile could not "
                   "keep it: %s"),
                 app_id, answers_get (app, ANSWER_CLIENT_ID) != NULL
                             ? answers_get (app, ANSWER_CLIENT_ID) : "-",
                 error->message);
      return cli_store_error (error);
    }
  printf (_("Profile %s keeps the app %s and its credentials.\n"), profile, app_id);
  if (answers_get (app, ANSWER_CLIENT_ID) == NULL || answers_get (app, ANSWER_CLIENT_SECRET) == NULL)
    return 1;

  g_autoptr (Verification) v = check_new_app (app, &z, verbose);
  cli_print_checks (v->checks, FALSE, NULL);
  print_left (app, profile, app_id);
  int live = verification_exit_status (v);
  return live != 0 ? live : checks_exit_status (checks);
}
