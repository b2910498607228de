/* cmd_export.c - "zoomwiz export": a profile in the form a server deploys
 * (env, json, mattermost, recall, k8s, systemd) or the Marketplace
 * checklist. Files with secrets are written 0600, atomically, and never
 * over an existing file without --force.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/export.h"
#include "core/text.h"
#include "store/fileio.h"
#include "store/exports.h"
#include "store/profile.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void
export_help (void)
{
  printf (_("Usage: %s export {--profile NAME | --answers FILE} --format F\n"
            "         [-o FILE] [OPTION]...\n"),
          g_get_prgname ());
  fputs (_("Write the profile in the form a server deploys, or the Marketplace "
           "checklist:\n"
           "  env         NAME=\"VALUE\" lines for sh and systemd's EnvironmentFile\n"
           "  json        the whole profile, secrets included\n"
           "  mattermost  an mmctl config patch, and the steps left to do\n"
           "  recall      the body of Recall.ai's create-app request\n"
           "  k8s         a Kubernetes Secret (stringData)\n"
           "  systemd     an EnvironmentFile, and how a unit loads it\n"
           "  checklist   the Marketplace steps in Zoom's order (no secrets)\n"
           "  manifest    a General app's Zoom manifest (the Marketplace API's)\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("  -p, --profile NAME    the profile (secrets from the keyring)\n"
           "  -a, --answers FILE    an answers file instead of a profile\n"
           "  -f, --format F        the format\n"
           "  -o, --output FILE     where to write (default -: standard output)\n"
           "      --force           replace an existing FILE; write secrets to a "
           "terminal\n"
           "      --name NAME       k8s: the Secret's name (default zoom-PROFILE)\n"
           "      --namespace NS    k8s: its namespace\n"
           "  -h, --help            display this help and exit\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("A file with secrets is written with mode 0600 through a temporary file "
           "in the\nsame folder, so a crash leaves the old file whole.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 written, 2 bad usage, answers that cannot make this "
           "format, or a\nfile that exists (without --force), 4 the keyring did not "
           "answer.\n"),
         stdout);
  cli_help_end ();
}

int
cmd_export (int argc, char **argv)
{
  enum { OPT_FORCE = 256, OPT_NAME, OPT_NAMESPACE };
  static const struct option options[] = {
    { "profile", required_argument, NULL, 'p' },
    { "answers", required_argument, NULL, 'a' },
    { "format", required_argument, NULL, 'f' },
    { "output", required_argument, NULL, 'o' },
    { "force", no_argument, NULL, OPT_FORCE },
    { "name", required_argument, NULL, OPT_NAME },
    { "namespace", required_argument, NULL, OPT_NAMESPACE },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *profile = NULL, *path = NULL, *format_name = NULL, *output = "-";
  ExportOptions eo = { 0 };
  gboolean force = FALSE;
  ExportFormat format;
  int c;

  while ((c = cli_getopt (argc, argv, "p:a:f:o:h", options)) != -1)
    switch (c)
      {
      case 'p':
        profile = optarg;
        break;
      case 'a':
        path = optarg;
        break;
      case 'f':
        format_name = optarg;
        break;
      case 'o':
        output = optarg;
        break;
      case OPT_FORCE:
        force = TRUE;
        break;
      case OPT_NAME:
        eo.k8s_name = optarg;
        break;
      case OPT_NAMESPACE:
        eo.k8s_namespace = optarg;
        break;
      case 'h':
        export_help ();
        return EXIT_OK;
      default:
        return cli_try_help ("export");
      }
  if (optind < argc)
    return cli_usage_error ("export", _("unexpected argument '%s'"), argv[optind]);
  g_autofree char *names = g_strjoinv (", ", (char **) export_format_names ());
  if (format_name == NULL)
    return cli_usage_error ("export", _("no format: give --format (%s)"), names);
  if (!export_format_from_name (format_name, &format))
    {
      g_auto (GStrv) near = text_nearest (format_name, export_format_names (), -1, 1);
      return near[0] != NULL
                 ? cli_usage_error ("export", _("'%s' is not an export format; did you "
                                                "mean '%s'?"),
                                    format_name, near[0])
                 : cli_usage_error ("export", _("'%s' is not an export format"),
                                    format_name);
    }
  int defaulted = EXIT_OK;
  if (!cli_default_profile (path, &profile, &defaulted))
    return defaulted;
  if (path == NULL && profile == NULL)
    return cli_usage_error ("export", _("no answers: give --profile NAME or --answers "
                                        "FILE"));
  gboolean to_stdout = strcmp (output, "-") == 0;
  if (to_stdout && export_holds_secrets (format) && isatty (STDOUT_FILENO) && !force)
    return cli_usage_error ("export", _("this export holds secrets, and standard output "
                                        "is a terminal: give -o FILE, or --force to show "
                                        "them here"));

  g_autoptr (Preset) preset = NULL;
  int status = EXIT_USAGE;
  g_autoptr (Answers) answers = cli_load_filled_answers ("export", path, profile, &preset,
                                                         &status);
  if (answers == NULL)
    return status;
  eo.secrets_at = profile != NULL ? profile_secrets_at (profile_secret_store (profile))
                                   : EXPORT_SECRETS_IN_ANSWERS;
  eo.profile = profile != NULL ? profile : answers_get (answers, ANSWER_PRESET);
  if (eo.profile == NULL)
    eo.profile = "zoomwiz";

  g_autoptr (GError) error = NULL;
  char *text = export_render (format, answers, preset, &eo, &error);
  if (text == NULL)
    {
      cli_error (_("cannot export %s: %s"), format_name, error->message);
      return EXIT_USAGE;
    }
  gsize len = strlen (text);
  gboolean ok = TRUE;
  if (to_stdout)
    ok = fwrite (text, 1, len, stdout) == len;
  else
    ok = fileio_write (output, text, len, export_holds_secrets (format) ? 0600 : 0644,
                       force, &error);
  /* A profile remembers what it wrote where, for zoomwiz rotate. */
  g_autoptr (GError) unrecorded = NULL;
  if (ok && !to_stdout && profile != NULL
      && !exports_remember (profile, output, export_format_names ()[format], &eo, text, len,
                            &unrecorded))
    fprintf (stderr, _("zoomwiz: %s is written, but zoomwiz rotate will not know of it: "
                       "%s\n"),
             output, unrecorded->message);
  explicit_bzero (text, len);
  g_free (text);
  if (!ok)
    {
      cli_error ("%s", error != NULL ? error->message : g_strerror (errno));
      return EXIT_USAGE;
    }
  if (format == EXPORT_MATTERMOST)
    {
      g_autofree char *steps = export_mattermost_steps (answers, to_stdout ? "PATCH.json"
                                                                           : output);
      /* The patch may be on standard output: the steps go beside it. */
      if (!cli_quiet)
        fputs (steps, stderr);
    }
  if (!to_stdout && !cli_quiet)
    fprintf (stderr, _("%s written (%s).\n"), output, format_name);
  return EXIT_OK;
}
