/* cmd_secret.c - "zoomwiz secret generate".
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/secret.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
secret_help (void)
{
  printf (_("Usage: %s secret generate [--bytes N]\n"), g_get_prgname ());
  printf (_("Print a new secret made of N random bytes from the kernel "
            "(getrandom), written\nin the URL-safe alphabet A-Z a-z 0-9 - _. "
            "The default, %d bytes, gives the\n%d characters Mattermost's "
            "Encryption Key and Webhook Secret use.\n"),
          SECRET_DEFAULT_BYTES, SECRET_GENERATED_LENGTH);
  fputs ("\n", stdout);
  printf (_("  -b, --bytes N   random bytes, %d to %d\n"
            "  -h, --help      display this help and exit\n"),
          SECRET_MIN_BYTES, SECRET_MAX_BYTES);
  cli_help_end ();
}

int
cmd_secret (int argc, char **argv)
{
  static const struct option options[] = {
    { "bytes", required_argument, NULL, 'b' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  long bytes = SECRET_DEFAULT_BYTES;
  int c;

  while ((c = cli_getopt (argc, argv, "b:h", options)) != -1)
    switch (c)
      {
      case 'b':
        {
          char *end;
          errno = 0;
          bytes = strtol (optarg, &end, 10);
          if (errno != 0 || end == optarg || *end != '\0' || bytes < SECRET_MIN_BYTES
              || bytes > SECRET_MAX_BYTES)
            return cli_usage_error ("secret", _("--bytes takes a whole number "
                                                "from %d to %d, not '%s'"),
                                    SECRET_MIN_BYTES, SECRET_MAX_BYTES, optarg);
          break;
        }
      case 'h':
        secret_help ();
        return EXIT_OK;
      default:
        return cli_try_help ("secret");
      }
  if (optind >= argc)
    return cli_usage_error ("secret", _("nothing to do; the command is: "
                                        "secret generate"));
  if (strcmp (argv[optind], "generate") != 0)
    return cli_usage_error ("secret", _("'%s' is not a secret command; the "
                                        "one there is: generate"),
                            argv[optind]);
  if (optind + 1 < argc)
    return cli_usage_error ("secret", _("unexpected argument '%s'"),
                            argv[optind + 1]);

  g_autoptr (GError) error = NULL;
  char *secret = secret_generate ((gsize) bytes, &error);
  if (secret == NULL)
    {
      cli_error ("%s", error->message);
      return EXIT_USAGE;
    }
  printf ("%s\n", secret);
  secret_free (secret);
  return EXIT_OK;
}
