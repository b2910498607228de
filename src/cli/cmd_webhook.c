/* cmd_webhook.c - "zoomwiz webhook test" sends an event endpoint what Zoom
 * sends and says what is wrong; "zoomwiz webhook sign" prints Zoom's
 * signature headers for a body, to replay a delivery with curl.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/infile.h"
#include "core/preset.h"
#include "core/url.h"
#include "core/webhook.h"
#include "net/endpoint.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_TIMEOUT 10

static void
webhook_help (void)
{
  printf (_("Usage: %s webhook test [URL] [OPTION]...\n"
            "  or:  %s webhook sign --body FILE [OPTION]...\n"),
          g_get_prgname (), g_get_prgname ());
  fputs (_("test: send the event endpoint what Zoom sends (a signed\n"
           "endpoint.url_validation, then a signed sample of each event) and check "
           "its\nanswers: status, JSON, the HMAC, and Zoom's 3 seconds. URL defaults "
           "to\nevent_endpoint in the answers.\n"
           "sign: print the x-zm-request-timestamp and x-zm-signature headers "
           "Zoom would\nsend with the body in FILE (- for standard input).\n"),
         stdout);
  fputs ("\n", stdout);
  printf (_("  -a, --answers FILE  the answers file (secret_token_file, "
            "event_endpoint,\n"
            "                      events)\n"
            "  -p, --profile NAME  a saved profile, its secrets from the keyring\n"
            "  -e, --event NAME    test: send a sample of this event (again for "
            "more);\n"
            "                      default: the answers' events\n"
            "      --json          test: print one JSON object instead of text\n"
            "      --ca-file PEM   test: trust these CA certificates instead of "
            "the system's\n"
            "      --timeout N     test: seconds to wait for each answer (default "
            "%d)\n"
            "      --allow-http    test: test a plain http endpoint off this "
            "machine all the\n"
            "                      same (Zoom itself requires https)\n"
            "      --body FILE     sign: the body, byte for byte\n"
            "      --timestamp N   sign: Unix seconds to sign with (default: now)\n"
            "  -v, --verbose       show each request and answer (never a secret)\n"
            "  -h, --help          display this help and exit\n"),
          DEFAULT_TIMEOUT);
  fputs ("\n", stdout);
  fputs (_("The Secret Token (from the app's Features → Access page) comes from "
           "the answers\nfile (secret_token_file), or is asked for without echo "
           "when standard input is\na terminal; never from the command line. For "
           "the same reason a URL on the\ncommand line may not carry ?secret=: "
           "put such a URL in the answers\n(event_endpoint), or give "
           "webhook_secret_file there with a Mattermost preset.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 every check passed, 1 a check failed, 2 bad usage or "
           "answers,\n3 the endpoint could not be reached (network, TLS, "
           "timeout).\n"),
         stdout);
  cli_help_end ();
}

static int
webhook_test (const char *url, const char *path, const char *profile, GPtrArray *events, gboolean json,
              const char *ca_file, long timeout, gboolean allow_http, gboolean verbose)
{
  g_autoptr (Preset) preset = NULL;
  g_autofree char *shown = url != NULL ? url_for_display (url) : NULL;
  if (url != NULL && strcmp (shown, url) != 0)
    /* The URL's secret would be in argv, which every user can read (ps). */
    return cli_usage_error ("webhook", _("the URL holds a ?secret= value, and the "
                                         "command line is visible to every user "
                                         "of this machine; put the URL in the "
                                         "answers file (event_endpoint) instead, "
                                         "or give webhook_secret_file there with "
                                         "a Mattermost preset"));
  int status = EXIT_USAGE;
  g_autoptr (Answers) answers = cli_load_filled_answers ("webhook", path, profile, &preset, &status);
  if (answers == NULL)
    return status;
  if (url == NULL)
    url = answers_get (answers, ANSWER_EVENT_ENDPOINT);
  if (url == NULL)
    return cli_usage_error ("webhook", path != NULL || profile != NULL
                                           ? _("no URL: give it, or event_endpoint "
                                               "in the answers")
                                           : _("no URL: give it, or --answers FILE "
                                               "with event_endpoint"));
  if (!cli_ask_secret (answers, ANSWER_SECRET_TOKEN,
                       _("Secret Token (Features → Access): "), path))
    return EXIT_USAGE;

  g_auto (GStrv) answer_events = answers_list (answers, ANSWER_EVENTS);
  g_ptr_array_add (events, NULL);
  g_autofree char *warning = endpoint_http_warning (url);
  if (warning != NULL && allow_http)
    /* TRANSLATORS: a warning; the endpoint is tested anyway (--allow-http). */
    cli_error (_("warning: %s Testing it anyway (--allow-http)."), warning);

  EndpointOptions o = {
    .url = url,
    .secret_token = answers_get (answers, ANSWER_SECRET_TOKEN),
    .events = events->len > 1 ? (const char *const *) events->pdata
                              : (const char *const *) answer_events,
    .account_id = answers_get (answers, ANSWER_ACCOUNT_ID),
    .client_id = answers_get (answers, ANSWER_CLIENT_ID),
    .receiver_hint = preset != NULL ? preset->receiver_secret : NULL,
    .receiver_404 = preset != NULL ? preset->receiver_404 : NULL,
    .ca_file = ca_file,
    .timeout_s = (guint) timeout,
    .allow_http = allow_http,
    .log = verbose ? cli_log_to_stderr : NULL,
  };
  g_autoptr (GPtrArray) checks = checks_new ();
  endpoint_test (&o, checks);
  cli_print_checks (checks, json, NULL);
  return checks_exit_status (checks);
}

static int
webhook_sign (const char *body_path, const char *path, const char *profile,
              const char *timestamp)
{
  g_autoptr (Preset) preset = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  gsize len = 0;

  if (body_path == NULL)
    return cli_usage_error ("webhook", _("no body: give --body FILE"));
  int status = EXIT_USAGE;
  g_autoptr (Answers) answers = cli_load_filled_answers ("webhook", path, profile, &preset, &status);
  if (answers == NULL)
    return status;
  if (strcmp (body_path, "-") == 0)
    {
      if (answers_get (answers, ANSWER_SECRET_TOKEN) == NULL)
        return cli_usage_error ("webhook", _("--body - reads standard input, so the "
                                             "Secret Token must come from the "
                                             "answers (secret_token_file)"));
      GString *s = g_string_new (NULL);
      char buf[4096];
      size_t n;
      while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
        g_string_append_len (s, buf, (gssize) n);
      len = s->len;
      body = g_string_free (s, FALSE);
    }
  else if ((body = infile_read (body_path, INFILE_MAX_BODY, &len, NULL, &error)) == NULL)
    {
      cli_error (_("cannot read the body: %s"), error->message);
      return EXIT_USAGE;
    }
  if (!cli_ask_secret (answers, ANSWER_SECRET_TOKEN,
                       _("Secret Token (Features → Access): "), path))
    return EXIT_USAGE;

  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT,
                                          g_get_real_time () / G_USEC_PER_SEC);
  const char *ts = timestamp != NULL ? timestamp : now;
  g_autofree char *signature = webhook_signature (answers_get (answers, ANSWER_SECRET_TOKEN),
                                                  ts, body, len);
  if (!webhook_body_is_compact (body, len))
    cli_error (_("warning: the body is not compact JSON as Zoom sends it (no spaces, "
                 "no final newline). Receivers that check the parsed and re-written "
                 "body, as Zoom's SDK and sample do, will not match this signature; "
                 "send the file with curl --data-binary and no changes."));
  printf ("x-zm-request-timestamp: %s\n", ts);
  printf ("x-zm-signature: %s\n", signature);
  return EXIT_OK;
}

int
cmd_webhook (int argc, char **argv)
{
  enum { OPT_JSON = 256, OPT_CA_FILE, OPT_TIMEOUT, OPT_ALLOW_HTTP, OPT_BODY, OPT_TIMESTAMP };
  static const struct option options[] = {
    { "answers", required_argument, NULL, 'a' },
    { "profile", required_argument, NULL, 'p' },
    { "event", required_argument, NULL, 'e' },
    { "json", no_argument, NULL, OPT_JSON },
    { "ca-file", required_argument, NULL, OPT_CA_FILE },
    { "timeout", required_argument, NULL, OPT_TIMEOUT },
    { "allow-http", no_argument, NULL, OPT_ALLOW_HTTP },
    { "body", required_argument, NULL, OPT_BODY },
    { "timestamp", required_argument, NULL, OPT_TIMESTAMP },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *path = NULL, *profile = NULL, *ca_file = NULL, *body = NULL, *timestamp = NULL;
  gboolean json = FALSE, allow_http = FALSE, verbose = FALSE;
  long timeout = DEFAULT_TIMEOUT;
  g_autoptr (GPtrArray) events = g_ptr_array_new ();
  int c;

  while ((c = cli_getopt (argc, argv, "a:p:e:vh", options)) != -1)
    switch (c)
      {
      case 'a':
        path = optarg;
        break;
      case 'p':
        profile = optarg;
        break;
      case 'e':
        g_ptr_array_add (events, optarg);
        break;
      case OPT_JSON:
        json = TRUE;
        break;
      case OPT_CA_FILE:
        if (cli_option_ca_file ("webhook", optarg, &ca_file) != EXIT_OK)
          return EXIT_USAGE;
        break;
      case OPT_TIMEOUT:
        if (cli_option_timeout ("webhook", optarg, &timeout) != EXIT_OK)
          return EXIT_USAGE;
        break;
      case OPT_ALLOW_HTTP:
        allow_http = TRUE;
        break;
      case OPT_BODY:
        body = optarg;
        break;
      case OPT_TIMESTAMP:
        if (*optarg == '\0' || strspn (optarg, "0123456789") != strlen (optarg)
            || strlen (optarg) > 12)
          return cli_usage_error ("webhook", _("--timestamp takes Unix seconds, not "
                                               "'%s'"),
                                  optarg);
        timestamp = optarg;
        break;
      case 'v':
        verbose = TRUE;
        break;
      case 'h':
        webhook_help ();
        return EXIT_OK;
      default:
        return cli_try_help ("webhook");
      }
  if (optind >= argc)
    return cli_usage_error ("webhook", _("say what to do: webhook test [URL], or "
                                         "webhook sign --body FILE"));
  const char *what = argv[optind++];
  /* TRANSLATORS: who asked to wait, in "%s asked to wait: 12 s…". */
  cli_progress_start (_("The event endpoint"), json);
  int defaulted = EXIT_OK;
  if (!cli_default_profile (path, &profile, &defaulted))
    return defaulted;
  if (strcmp (what, "test") == 0)
    {
      const char *url = optind < argc ? argv[optind++] : NULL;
      if (optind < argc)
        return cli_usage_error ("webhook", _("unexpected argument '%s'"), argv[optind]);
      if (body != NULL || timestamp != NULL)
        return cli_usage_error ("webhook", _("--body and --timestamp go with "
                                             "'webhook sign'"));
      return webhook_test (url, path, profile, events, json, ca_file, timeout, allow_http,
                           verbose);
    }
  if (strcmp (what, "sign") == 0)
    {
      if (optind < argc)
        return cli_usage_error ("webhook", _("unexpected argument '%s'"), argv[optind]);
      return webhook_sign (body, path, profile, timestamp);
    }
  return cli_usage_error ("webhook", _("'%s' is not a webhook command (test, sign)"),
                          what);
}
