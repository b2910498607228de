/* cmd_create.c - "zoomwiz create": the Zoom app of a profile made through
 * Zoom's Marketplace API, with the token of a builder app (a
 * Server-to-Server app holding the Marketplace scopes, made by hand once per
 * account): the manifest validated, the app created on its route, the
 * scopes Zoom kept compared with those asked, the app id and credentials
 * kept in the profile, then the live checks. doc/reference/marketplace-api.md.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/export.h"
#include "core/secret.h"
#include "flow/session.h"
#include "net/marketplace.h"
#include "store/profile.h"

#include <getopt.h>
#include <jansson.h>
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

/* The body of the create request. */
static char *
create_body (const Answers *a, const char *name, const char *const contact[3],
             json_t *manifest)
{
  json_t *j = json_pack ("{s:s, s:s, s:s, s:s, s:s}", "app_type",
                         answers_app_type (a) == APP_TYPE_S2S ? "s2s_oauth" : "general",
                         "app_name", name, "contact_name", contact[0], "contact_email",
                         contact[1], "company_name", contact[2]);
  if (manifest != NULL)
    json_object_set (j, "manifest", manifest);
  else
    {
      g_auto (GStrv) scopes = answers_list (a, ANSWER_SCOPES);
      json_t *list = json_array ();
      for (char **s = scopes; *s != NULL; s++)
        json_array_append_new (list, json_string (*s));
      json_object_set_new (j, "scopes", list);
      json_object_set_new (j, "active", json_true ());
    }
  char *text = json_dumps (j, JSON_COMPACT | JSON_SORT_KEYS);
  json_decref (j);
  return text;
}

/* The scopes asked that Zoom did not keep (it drops unknown ones silently),
 * as a failed check; a passed one when it kept them all. */
static void
compare_scopes (const Answers *a, char **kept, GPtrArray *checks)
{
  if (kept == NULL)
    return;
  g_auto (GStrv) asked = answers_list (a, ANSWER_SCOPES);
  GString *dropped = g_string_new (NULL);
  for (char **s = asked; *s != NULL; s++)
    if (!g_strv_contains ((const char *const *) kept, *s))
      g_string_append_printf (dropped, "%s%s", dropped->len ? ", " : "", *s);
  if (dropped->len > 0)
    checks_add (checks, "scopes-kept", CHECK_FAIL,
                _("Zoom drops a scope it does not know without a word: correct its name "
                  "(zoomwiz scopes NAME), then add it under the app's Scopes."),
                _("Zoom did not keep %s."), dropped->str);
  else
    checks_add (checks, "scopes-kept", CHECK_PASS, NULL, "%s",
                _("Zoom kept every scope asked for."));
  g_string_free (dropped, TRUE);
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

  while ((c = getopt_long (argc, argv, "p:b:vh", options, NULL)) != -1)
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
  if (profile == NULL || builder == NULL)
    return cli_usage_error ("create", _("give the app's --profile NAME and the --builder "
                                        "profile whose token creates it"));
  if (strcmp (profile, builder) == 0)
    return cli_usage_error ("create", _("an app cannot create itself: the builder is "
                                        "another profile, a Server-to-Server app made by "
                                        "hand"));
  static const char *const contact_flags[] = { "--contact-name", "--contact-email",
                                               "--company" };
  for (int i = 0; i < 3 && !dry_run; i++)
    if (contact[i] == NULL || *contact[i] == '\0')
      return cli_usage_error ("create", _("give %s: Zoom requires the developer contact "
                                          "(name, email, company) of every app"),
                              contact_flags[i]);
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

  /* The builder's own live checks, and its token. */
  VerifyOptions vo = cli_verify_options (&z, b);
  vo.keep_token = TRUE;
  vo.log = verbose ? cli_log_to_stderr : NULL;
  g_autoptr (Verification) bv = verify_run (b, &vo);
  if (bv->token == NULL)
    {
      fprintf (stderr, _("zoomwiz: the builder %s gets no token:\n"), builder);
      cli_print_checks (bv->checks, FALSE, NULL);
      return verification_exit_status (bv) != 0 ? verification_exit_status (bv) : 1;
    }
  MarketplaceOptions mo = { .api_url = bv->api_url != NULL ? bv->api_url : vo.api_url,
                            .token = bv->token, .ca_file = z.ca_file,
                            .timeout_s = (guint) z.timeout,
                            .log = verbose ? cli_log_to_stderr : NULL };
  g_autoptr (GPtrArray) checks = checks_new ();
  gboolean s2s = answers_app_type (app) == APP_TYPE_S2S;
  if (!marketplace_builder_check (bv->granted,
                                  s2s ? MARKETPLACE_CREATE_S2S
                                      : MARKETPLACE_VALIDATE | MARKETPLACE_CREATE_GENERAL,
                                  checks))
    {
      cli_print_checks (checks, FALSE, NULL);
      return 1;
    }

  /* A General app's manifest, validated; a Server-to-Server app has none. */
  json_t *manifest = NULL;
  if (!s2s)
    {
      g_autoptr (GError) error = NULL;
      ExportOptions eo = { .profile = profile };
      char *text = export_render (EXPORT_MANIFEST, app, preset, &eo, &error);
      if (text == NULL)
        {
          cli_error (_("cannot make the manifest: %s"), error->message);
          return EXIT_USAGE;
        }
      g_autoptr (Findings) f = findings_new ();
      gboolean valid = marketplace_validate (&mo, text, f, checks);
      manifest = json_loads (text, 0, NULL);
      secret_free (text);
      cli_print_findings (f, stdout);
      if (!valid)
        {
          cli_print_checks (checks, FALSE, NULL);
          json_decref (manifest);
          return checks_exit_status (checks) != 0 ? checks_exit_status (checks) : 1;
        }
    }
  if (dry_run)
    {
      if (s2s)
        checks_add (checks, "validate", CHECK_SKIP, NULL, "%s",
                    _("A Server-to-Server app has no manifest to validate; the builder's "
                      "token works."));
      cli_print_checks (checks, FALSE, NULL);
      json_decref (manifest);
      return EXIT_OK;
    }

  g_autofree char *name = g_strdup (preset != NULL && preset->title != NULL ? preset->title
                                                                          : profile);
  char *body = create_body (app, name, contact, manifest);
  json_decref (manifest);
  g_autoptr (MarketplaceApp) made = marketplace_create (
      &mo, body, s2s ? answers_get (b, ANSWER_ACCOUNT_ID) : NULL, checks);
  explicit_bzero (body, strlen (body));
  free (body);
  if (made == NULL)
    {
      cli_print_checks (checks, FALSE, NULL);
      return checks_exit_status (checks) != 0 ? checks_exit_status (checks) : 1;
    }
  compare_scopes (app, made->scopes, checks);
  cli_print_checks (checks, FALSE, NULL);

  /* Kept in the profile: the app id, the credentials (the account's, for a
   * Server-to-Server app). */
  answers_set (app, ANSWER_APP_ID, made->app_id, ORIGIN_ANSWER);
  if (made->client_id != NULL)
    answers_set (app, ANSWER_CLIENT_ID, made->client_id, ORIGIN_ANSWER);
  if (s2s)
    answers_set (app, ANSWER_ACCOUNT_ID, answers_get (b, ANSWER_ACCOUNT_ID), ORIGIN_ANSWER);
  if (made->client_id == NULL)
    {
      /* An answer with the app id alone: both are on the app's page. */
      printf (_("Zoom sent only the app id %s: open the app in the Zoom Marketplace "
                "(Manage → Created Apps) and copy the Client ID and Client Secret from "
                "App Credentials into the profile (client_id and client_secret_file in "
                "an answers file, then zoomwiz profiles import %s --answers FILE "
                "--force).\n"),
              made->app_id, profile);
      answers_set (app, ANSWER_CLIENT_ID, NULL, ORIGIN_UNSET);
      answers_set (app, ANSWER_CLIENT_SECRET, NULL, ORIGIN_UNSET);
    }
  else if (made->client_secret != NULL)
    answers_set (app, ANSWER_CLIENT_SECRET, made->client_secret, ORIGIN_ANSWER);
  else
    {
      /* Zoom's answer may lack it: where to read it, and asked. */
      printf (_("Zoom did not send the new app's Client Secret: open the app %s in the "
                "Zoom Marketplace (Manage → Created Apps), and copy it from App "
                "Credentials.\n"),
              made->app_id);
      answers_set (app, ANSWER_CLIENT_SECRET, NULL, ORIGIN_UNSET);
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
                 made->app_id, made->client_id != NULL ? made->client_id : "-",
                 error->message);
      return cli_store_error (error);
    }
  printf (_("Profile %s keeps the app %s and its credentials.\n"), profile, made->app_id);
  if (answers_get (app, ANSWER_CLIENT_ID) == NULL || answers_get (app, ANSWER_CLIENT_SECRET) == NULL)
    return 1;

  g_autoptr (Verification) v = check_new_app (app, &z, verbose);
  cli_print_checks (v->checks, FALSE, NULL);
  print_left (app, profile, made->app_id);
  int live = verification_exit_status (v);
  return live != 0 ? live : checks_exit_status (checks);
}
