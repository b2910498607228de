/* main.c - the zoomwiz command line: locale set-up and the command table.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/paths.h"
#include "core/secret.h"
#include "core/text.h"

#include <errno.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <getopt.h>
#include <unistd.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmd_help (int argc, char **argv);

static const struct
{
  const char *name;
  int (*run) (int argc, char **argv);
} commands[] = {
  { "setup", cmd_setup },
  { "help", cmd_help },
  { "presets", cmd_presets },
  { "scopes", cmd_scopes },
  { "check", cmd_check },
  { "secret", cmd_secret },
  { "verify", cmd_verify },
  { "webhook", cmd_webhook },
  { "profiles", cmd_profiles },
  { "export", cmd_export },
  { "register", cmd_register },
  { "create", cmd_create },
  { "rotate", cmd_rotate },
  { "doctor", cmd_doctor },
};

/* NAME is no command: said, with the nearest one (the usage error of
 * COMMAND: NULL, or "help"). */
static int
unknown_command (const char *command, const char *name)
{
  const char *names[G_N_ELEMENTS (commands)];
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    names[i] = commands[i].name;
  g_auto (GStrv) near = text_nearest (name, names, G_N_ELEMENTS (names), 1);
  if (near[0] != NULL)
    return cli_usage_error (command, _("'%s' is not a command; did you mean '%s'?"),
                            name, near[0]);
  return cli_usage_error (command, _("'%s' is not a command."), name);
}

static void
print_help (void)
{
  printf (_("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), g_get_prgname ());
  fputs (_("Set up a Zoom Marketplace app for an integration, check the "
           "answers,\nand print what the Marketplace and the server need. With "
           "no command it\nruns the wizard (setup).\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Commands:\n"
           "  setup [--plain]              set up an app step by step\n"
           "  presets [NAME]               list the integration presets, or "
           "show one\n"
           "  scopes [OPTION]... [PATTERN] search Zoom's scope catalog\n"
           "  check --answers FILE         check an answers file against "
           "every rule\n"
           "  secret generate [--bytes N]  print a new random secret\n"
           "  verify --answers FILE        test the credentials live against "
           "Zoom\n"
           "  webhook test [URL]           test the event endpoint as Zoom "
           "would\n"
           "  webhook sign --body FILE     print Zoom's signature headers for a "
           "body\n"
           "  profiles [COMMAND]           list, show, import, rename or delete "
           "profiles\n"
           "  export --profile NAME        write a profile for a server, or the "
           "checklist\n"
           "  register recall --profile NAME\n"
           "                               register the app with Recall.ai\n"
           "  create --profile NAME --builder B\n"
           "                               create the app through Zoom's "
           "Marketplace API\n"
           "  rotate --profile NAME [--builder B]\n"
           "                               give the app a new client secret\n"),
         stdout);
  /* Its own strings, so that the translations of the lines above still hold. */
  fputs (_("  doctor FILE                  check a deployed config: rules, live, "
           "endpoint\n"),
         stdout);
  fputs (_("  help [COMMAND]               this help, or a command's (COMMAND --help)\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Options:\n"
           "  -h, --help     display this help and exit\n"
           "  -V, --version  output version information and exit\n"),
         stdout);
  fputs (_("  -q, --quiet    no progress and no notes, only errors and the result\n"
           "                 (also among a command's options)\n"),
         stdout);
  fputs ("\n", stdout);
  printf (_("'%s COMMAND --help' describes a command and its options.\n"),
          g_get_prgname ());
  fputs (_("With --json, check, scopes, presets, profiles list and show, verify and\n"
           "webhook test print one JSON object instead of text (schema_version 1).\n"),
         stdout);
  fputs (_("So does doctor FILE --json.\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status:\n"
           "  0  success\n"
           "  1  a check found errors, or a search found nothing\n"
           "  2  bad usage, or input that cannot be read\n"
           "  3  Zoom, the event endpoint or Recall.ai could not be reached\n"
           "  4  the keyring did not answer; nothing was stored\n"
           "  5  the wizard was quit before its end; the answers are kept\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Environment: ZOOMWIZ_DATADIR, the folder of the scope catalog "
           "and the presets.\n"),
         stdout);
  fputs (_("ZOOMWIZ_PROFILE, the profile taken when a command is given neither "
           "--profile\nnor --answers (over 'zoomwiz profiles default').\n"),
         stdout);
  cli_help_end ();
}

static void
help_help (void)
{
  printf (_("Usage: %s help [COMMAND]\n"), g_get_prgname ());
  fputs (_("Without COMMAND, print the list of commands (as --help). With COMMAND,\n"
           "describe it and its options, as 'zoomwiz COMMAND --help' does.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("  -h, --help  display this help and exit\n"), stdout);
  cli_help_end ();
}

/* "zoomwiz help [COMMAND]": git's and gh's habit, the same text as --help. */
static int
cmd_help (int argc, char **argv)
{
  static const struct option options[] = {
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  int c;

  while ((c = cli_getopt (argc, argv, "+h", options)) != -1)
    switch (c)
      {
      case 'h':
        help_help ();
        return EXIT_OK;
      default:
        return cli_try_help ("help");
      }
  if (optind >= argc)
    {
      print_help ();
      return EXIT_OK;
    }
  if (argc - optind > 1)
    return cli_usage_error ("help", _("give one COMMAND"));
  const char *name = argv[optind];
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      {
        char *vector[] = { argv[0], (char *) "--help", NULL };
        optind = 0;
        return commands[i].run (2, vector);
      }
  return unknown_command (NULL, name);
}

static void
print_version (void)
{
  printf ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
  /* The GNU coding standards' lines; "(C)" stays as it is. */
  fputs (_("Copyright (C) 2026 the zoomwiz authors.\n"
           "License GPLv3+: GNU GPL version 3 or later "
           "<https://gnu.org/licenses/gpl.html>.\n"
           "This is free software: you are free to change and redistribute it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Written by the zoomwiz authors.\n"), stdout);
}

/* Turns a failed write to standard output (a full disk, a closed pipe)
 * into an error exit instead of a silent success. */
static void
close_stdout (void)
{
  if (fflush (stdout) != 0 || ferror (stdout) || fclose (stdout) != 0)
    {
      cli_error (_("write error: %s"), g_strerror (errno));
      _exit (EXIT_USAGE);
    }
}

/* Any command may hold a secret: no core dump may write it to disk, and no
 * other process of the same user may read this one's memory (ptrace). */
static void
keep_memory_private (void)
{
  const struct rlimit none = { 0, 0 };
  setrlimit (RLIMIT_CORE, &none);
  prctl (PR_SET_DUMPABLE, 0, 0, 0, 0);
}

static void
setup_locale (void)
{
  const char *locale = setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE in the C locale; an admin who asks for a
   * language with LANGUAGE alone gets it, in UTF-8. */
  if ((locale == NULL || strcmp (locale, "C") == 0 || strcmp (locale, "POSIX") == 0)
      && g_getenv ("LANGUAGE") != NULL && *g_getenv ("LANGUAGE") != '\0')
    setlocale (LC_ALL, "C.UTF-8");
#if ENABLE_NLS
  bindtextdomain (PACKAGE, paths_locale_dir ());
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  textdomain (PACKAGE);
#endif
}

int
main (int argc, char **argv)
{
  static const struct option options[] = {
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 },
  };
  int c;

  keep_memory_private ();
  secret_json_alloc_init ();
  setup_locale ();
  g_set_prgname ("zoomwiz");
  atexit (close_stdout);
  /* getopt names argv[0] in its messages: "zoomwiz:", as every other
   * error, not the path the program was started by or the command. */
  argv[0] = (char *) g_get_prgname ();

  /* Options before the command only; the command parses its own.
     cli_getopt takes -q and --quiet. */
  while ((c = cli_getopt (argc, argv, "+hV", options)) != -1)
    switch (c)
      {
      case 'h':
        print_help ();
        return EXIT_OK;
      case 'V':
        print_version ();
        return EXIT_OK;
      default:
        return cli_try_help (NULL);
      }
  if (optind >= argc)
    {
      /* No command: the wizard, as DESIGN's "zoomwiz [setup]". */
      char *setup[] = { argv[0], NULL };
      optind = 0;
      return cmd_setup (1, setup);
    }
  const char *name = argv[optind];
  int first = optind;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      {
        optind = 0; /* glibc: start getopt afresh for the command's options */
        argv[first] = argv[0];
        return commands[i].run (argc - first, argv + first);
      }
  return unknown_command (NULL, name);
}
