/* cmd_verify.c - "zoomwiz verify": the live checks, for people and for CI.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/rules.h"
#include "net/oauth.h"
#include "net/verify.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_TIMEOUT 10
/* Time for a person to sign in to Zoom and allow the app. */
#define AUTHORIZE_WAIT 300

static void
verify_help (void)
{
  printf (_("Usage: %s verify --answers FILE | --profile NAME [OPTION]...\n"),
          g_get_prgname ());
  fputs (_("Test the app's credentials live against Zoom: a token, the user it "
           "acts for,\nand the scopes it carries against those the answers "
           "need.\n"),
         stdout);
  fputs ("\n", stdout);
  printf (_("  -a, --answers FILE  the answers file\n"
            "  -p, --profile NAME  a saved profile, its secrets from the keyring\n"
            "      --json          print one JSON object instead of text\n"
            "      --zoom-url URL  Zoom's OAuth host (default https://zoom.us)\n"
            "      --api-url URL   Zoom's API host (default https://api.zoom.us)\n"
            "      --cloud gov     Zoom for Government (zoomgov.com)\n"
            "      --ca-file PEM   trust these CA certificates instead of the "
            "system's\n"
            "      --timeout N     seconds for each request (default %d)\n"
            "      --authorize     OAuth apps: authorize in a browser (PKCE), then "
            "test the\n"
            "                      user token's user and scopes, and revoke it\n"
            "      --paste         with --authorize: paste the URL the browser lands "
            "on,\n"
            "                      instead of a listener on 127.0.0.1\n"
            "  -v, --verbose       show each request and answer (never a secret)\n"
            "  -h, --help          display this help and exit\n"),
          DEFAULT_TIMEOUT);
  fputs ("\n", stdout);
  fputs (_("The client secret comes from the answers file (client_secret_file), "
           "or is\nasked for without echo when standard input is a terminal; "
           "never from the\ncommand line.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 every check passed, 1 a check failed, 2 bad usage or "
           "answers,\n3 Zoom could not be reached (network, TLS, timeout).\n"),
         stdout);
  cli_help_end ();
}

static void
show_authorize_url (const char *url, const char *redirect_uri, gpointer data)
{
  gboolean paste = GPOINTER_TO_INT (data);
  fprintf (stderr, "%s\n  %s\n", _("Open this address in a browser, sign in to Zoom "
                                    "and allow the app:"), url);
  if (paste)
    fprintf (stderr, _("Zoom then sends the browser to %s. Paste the whole "
                       "address it lands on here:\n"),
             redirect_uri);
  else
    fprintf (stderr, _("Zoom then sends the browser back to %s; the app's OAuth "
                       "allow list must hold %s (Zoom ignores the port). Waiting "
                       "up to %d seconds...\n"),
             redirect_uri, OAUTH_LOOPBACK_ALLOW_URL, AUTHORIZE_WAIT);
  fflush (stderr);
}

static char *
read_landing_url (gpointer data)
{
  char buf[4096];
  (void) data;
  if (fgets (buf, sizeof buf, stdin) == NULL)
    return NULL;
  return g_strstrip (g_strdup (buf));
}

static gboolean
https_url (const char *url)
{
  g_autoptr (GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri)
         && g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0;
}

int
cmd_verify (int argc, char **argv)
{
  enum { OPT_JSON = 256, OPT_AUTHORIZE, OPT_PASTE };
  static const struct option options[] = {
    { "answers", required_argument, NULL, 'a' },
    { "profile", required_argument, NULL, 'p' },
    { "json", no_argument, NULL, OPT_JSON },
    CLI_ZOOM_OPTIONS,
    { "authorize", no_argument, NULL, OPT_AUTHORIZE },
    { "paste", no_argument, NULL, OPT_PASTE },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *path = NULL, *profile = NULL;
  gboolean json = FALSE, verbose = FALSE, authorize = FALSE, paste = FALSE;
  CliZoomOptions zoom = { .timeout = DEFAULT_TIMEOUT };
  int c;

  while ((c = cli_getopt (argc, argv, "a:p:vh", options)) != -1)
    switch (c)
      {
      case 'a':
        path = optarg;
        break;
      case 'p':
        profile = optarg;
        break;
      case OPT_JSON:
        json = TRUE;
        break;
      case OPT_AUTHORIZE:
        authorize = TRUE;
        break;
      case OPT_PASTE:
        paste = TRUE;
        break;
      case 'v':
        verbose = TRUE;
        break;
      case 'h':
        verify_help ();
        return EXIT_OK;
      default:
        switch (cli_option_zoom ("verify", c, optarg, &zoom))
          {
          case EXIT_OK:
            break;
          case EXIT_USAGE:
            return EXIT_USAGE;
          default:
            return cli_try_help ("verify");
          }
      }
  if (optind < argc)
    return cli_usage_error ("verify", _("unexpected argument '%s'"), argv[optind]);
  if (paste && !authorize)
    return cli_usage_error ("verify", _("--paste goes with --authorize"));

  /* TRANSLATORS: who asked to wait, in "%s asked to wait: 12 s…". */
  cli_progress_start (_("Zoom"), json);
  int defaulted = EXIT_OK;
  if (!cli_default_profile (path, &profile, &defaulted))
    return defaulted;
  g_autoptr (Findings) findings = findings_new ();
  g_autoptr (GError) error = NULL;
  int status;
  g_autoptr (Answers) answers = cli_load_answers ("verify", path, profile, TRUE, findings,
                                                  &status);
  if (answers == NULL)
    return status;
  g_autoptr (Catalog) catalog = catalog_load (NULL, &error);
  if (catalog == NULL)
    {
      cli_error (_("cannot load the scope catalog: %s"), error->message);
      return EXIT_USAGE;
    }
  rules_check_answers (answers, catalog, findings);
  g_autoptr (Findings) blocking = findings_new ();
  for (guint i = 0; i < findings->items->len; i++)
    if (cli_blocks_verify (findings->items->pdata[i]))
      findings_add (blocking, SEVERITY_ERROR, ((Finding *) findings->items->pdata[i])->rule,
                    ((Finding *) findings->items->pdata[i])->key, "%s",
                    ((Finding *) findings->items->pdata[i])->message);
  if (blocking->items->len > 0)
    {
      cli_print_findings (blocking, stderr);
      if (path != NULL)
        cli_error (_("%s: these answers must be right before Zoom can be asked "
                     "('zoomwiz check --answers %s' shows every problem)"),
                   path, path);
      else
        cli_error (_("profile %s: these answers must be right before Zoom can be "
                     "asked (import the profile again from a corrected answers file)"),
                   profile);
      return EXIT_USAGE;
    }

  if (authorize && answers_app_type (answers) == APP_TYPE_S2S)
    return cli_usage_error ("verify", _("--authorize is for OAuth apps; a "
                                        "Server-to-Server app has no user to "
                                        "authorize"));
  if (paste && answers_get (answers, ANSWER_REDIRECT_URL) == NULL)
    return cli_usage_error ("verify", _("--paste needs redirect_url in the answers"));

  g_autofree char *prompt = g_strdup_printf (_("Client secret for %s: "),
                                             answers_get (answers, ANSWER_CLIENT_ID));
  if (!cli_ask_secret (answers, ANSWER_CLIENT_SECRET, prompt, path))
    return EXIT_USAGE;

  const char *preset_id = answers_get (answers, ANSWER_PRESET);
  g_autoptr (Preset) preset = preset_id != NULL ? preset_load (preset_id, NULL) : NULL;

  VerifyOptions o = cli_verify_options (&zoom, answers);
  o.receiver_hint = preset != NULL ? preset->receiver_secret : NULL;
  o.receiver_404 = preset != NULL ? preset->receiver_404 : NULL;
  o.catalog = catalog;
  o.log = verbose ? cli_log_to_stderr : NULL;
  o.authorize = authorize;
  o.paste = paste;
  o.authorize_wait_s = AUTHORIZE_WAIT;
  o.show_authorize_url = show_authorize_url;
  o.read_landing_url = read_landing_url;
  o.ui_data = GINT_TO_POINTER (paste);
  if (!https_url (o.zoom_url) || !https_url (o.api_url))
    return cli_usage_error ("verify", _("Zoom's URLs must be https:// addresses "
                                        "(got %s and %s)"),
                            o.zoom_url, o.api_url);

  g_autoptr (Verification) v = verify_run (answers, &o);
  json_t *scopes = json_pack ("{s:o, s:o}", "granted_scopes",
                              cli_json_strings ((const char *const *) v->granted),
                              "missing_scopes",
                              cli_json_strings ((const char *const *) v->missing));
  cli_print_checks (v->checks, json, scopes);
  return verification_exit_status (v);
}
