/* cmd_presets.c - "zoomwiz presets [NAME]": list the presets, or show one.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/preset.h"

#include <getopt.h>
#include <string.h>
#include <stdio.h>

static void
presets_help (void)
{
  printf (_("Usage: %s presets [NAME]\n"), g_get_prgname ());
  fputs (_("Without NAME, list the integrations zoomwiz knows. With NAME, "
           "show what the\npreset sets up: app type, URLs, scopes with their "
           "purpose, events, secrets\nand the Marketplace checklist.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("  -h, --help  display this help and exit\n"), stdout);
  cli_help_end ();
}

static const char *
or_dash (const char *s)
{
  return s != NULL && *s != '\0' ? s : "-";
}

static int
list_presets (void)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) ids = preset_list (&error);
  if (ids == NULL)
    {
      cli_error (_("cannot list the presets: %s"), error->message);
      return EXIT_USAGE;
    }
  /* TRANSLATORS: column headings of "zoomwiz presets"; keep the widths. */
  printf ("%-20s %-22s %-11s %s\n", _("NAME"), _("APP TYPE"), _("MANAGEMENT"),
          _("INTEGRATION"));
  for (char **id = ids; *id != NULL; id++)
    {
      g_autoptr (PresetInfo) p = preset_info (*id, &error);
      if (p == NULL)
        {
          cli_error ("%s", error->message);
          return EXIT_USAGE;
        }
      g_autofree char *types = g_strjoinv ("|", p->app_types);
      g_autofree char *mgmt = g_strjoinv ("|", p->managements);
      printf ("%-20s %-22s %-11s %s\n", p->id, types, or_dash (mgmt), p->title);
    }
  return EXIT_OK;
}

static void
print_scopes (const char *heading, const GPtrArray *scopes)
{
  if (scopes->len == 0)
    return;
  printf ("\n%s\n", heading);
  for (guint i = 0; i < scopes->len; i++)
    {
      const PresetScope *s = scopes->pdata[i];
      printf ("  %s\n      %s\n", s->name, or_dash (s->purpose));
    }
}

static int
show_preset (const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Preset) p = preset_load (id, &error);
  if (p == NULL)
    {
      cli_error ("%s", error->message);
      return EXIT_USAGE;
    }
  g_autofree char *types = g_strjoinv (", ", p->app_types);
  g_autofree char *mgmt = g_strjoinv (", ", p->managements);
  g_autofree char *secrets = g_strjoinv (", ", p->secrets);
  g_autofree char *generated = g_strjoinv (", ", p->generated);

  printf ("%s (%s)\n", p->title, p->id);
  if (p->summary != NULL)
    printf ("%s\n", p->summary);
  printf ("\n");
  /* TRANSLATORS: the labels of "zoomwiz presets NAME", padded to 20. */
  printf ("%-20s %s\n", _("App type:"), types);
  printf ("%-20s %s\n", _("Management:"), or_dash (mgmt));
  printf ("%-20s %s\n", _("Credentials:"),
          or_dash (p->defaults[ANSWER_ENVIRONMENT]));
  printf ("%-20s %s\n", _("Site URL example:"), or_dash (p->site_url_example));
  printf ("%-20s %s\n", _("Redirect URL:"), or_dash (p->defaults[ANSWER_REDIRECT_URL]));
  printf ("%-20s %s\n", _("Allow list:"), or_dash (p->defaults[ANSWER_ALLOW_LIST]));
  printf ("%-20s %s\n", _("Event endpoint:"), or_dash (p->defaults[ANSWER_EVENT_ENDPOINT]));
  printf ("%-20s %s\n", _("Events:"), or_dash (p->defaults[ANSWER_EVENTS]));
  printf ("%-20s %s\n", _("Deauthorization:"),
          or_dash (p->defaults[ANSWER_DEAUTHORIZATION_URL]));
  printf ("%-20s %s\n", _("Secrets:"), or_dash (secrets));
  printf ("%-20s %s\n", _("Generated:"), or_dash (generated));
  printf ("%-20s %s\n", _("Export:"), or_dash (p->export_format));

  print_scopes (_("Required scopes (granular):"), p->scopes);
  print_scopes (_("Required scopes (classic, legacy apps):"), p->classic_scopes);
  /* The guide for the preset's own choices, as templates. */
  g_autoptr (Answers) chosen = answers_new ();
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    if (p->defaults[k] != NULL && strchr (p->defaults[k], '{') == NULL)
      answers_set (chosen, k, p->defaults[k], ORIGIN_PRESET);
  guint n = 0;
  for (guint i = 0; i < p->guide->len; i++)
    {
      const PresetLine *l = p->guide->pdata[i];
      if (!preset_line_applies (l, chosen))
        continue;
      if (n++ == 0)
        printf ("\n%s\n", _("Marketplace checklist:"));
      printf ("%2u. %s\n", n, l->text);
    }
  return EXIT_OK;
}

int
cmd_presets (int argc, char **argv)
{
  static const struct option options[] = {
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  int c;

  while ((c = getopt_long (argc, argv, "h", options, NULL)) != -1)
    switch (c)
      {
      case 'h':
        presets_help ();
        return EXIT_OK;
      default:
        return cli_try_help ("presets");
      }
  if (argc - optind > 1)
    return cli_usage_error ("presets", _("give at most one preset NAME"));
  return optind < argc ? show_preset (argv[optind]) : list_presets ();
}
