/* cmd_presets.c - "zoomwiz presets [NAME]": list the presets, or show one.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/text.h"
#include "core/preset.h"

#include <getopt.h>
#include <string.h>
#include <stdio.h>

static void
presets_help (void)
{
  printf (_("Usage: %s presets [--json] [NAME]\n"), g_get_prgname ());
  fputs (_("Without NAME, list the integrations zoomwiz knows. With NAME, "
           "show what the\npreset sets up: app type, URLs, scopes with their "
           "purpose, events, secrets\nand the Marketplace checklist.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("      --json  print one JSON object instead of text\n"
           "  -h, --help  display this help and exit\n"),
         stdout);
  cli_help_end ();
}

static const char *
or_dash (const char *s)
{
  return s != NULL && *s != '\0' ? s : "-";
}

/* The members a preset's JSON starts with, in the list and alone. */
static json_t *
preset_json (const char *id, const char *title, const char *summary,
             char **app_types, char **managements)
{
  return json_pack ("{s:o, s:o, s:o, s:o, s:o}", "name", cli_json_text (id),
                    "title", cli_json_text (title), "summary", cli_json_text (summary),
                    "app_types", cli_json_strings ((const char *const *) app_types),
                    "managements", cli_json_strings ((const char *const *) managements));
}

static int
list_presets (gboolean json)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) ids = preset_list (&error);
  if (ids == NULL)
    {
      cli_error (_("cannot list the presets: %s"), error->message);
      return EXIT_USAGE;
    }
  g_autoptr (GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                preset_info_free);
  for (char **id = ids; *id != NULL; id++)
    {
      PresetInfo *p = preset_info (*id, &error);
      if (p == NULL)
        {
          cli_error ("%s", error->message);
          return EXIT_USAGE;
        }
      g_ptr_array_add (infos, p);
    }
  if (json)
    {
      json_t *list = json_array ();
      for (guint i = 0; i < infos->len; i++)
        {
          const PresetInfo *p = infos->pdata[i];
          json_array_append_new (list, preset_json (p->id, p->title, p->summary,
                                                    p->app_types, p->managements));
        }
      cli_json_print (json_pack ("{s:o}", "presets", list));
      return EXIT_OK;
    }
  /* A table: each column as wide as its widest cell (headings included,
   * in display columns), at least as wide as in English. */
  guint rows = infos->len + 1;
  g_auto (GStrv) cells = g_new0 (char *, rows * 4 + 1);
  /* TRANSLATORS: column headings of "zoomwiz presets". */
  const char *const headings[] = { _("NAME"), _("APP TYPE"), _("MANAGEMENT"), _("INTEGRATION") };
  for (guint c = 0; c < 4; c++)
    cells[c] = g_strdup (headings[c]);
  for (guint i = 0; i < infos->len; i++)
    {
      const PresetInfo *p = infos->pdata[i];
      g_autofree char *mgmt = g_strjoinv ("|", p->managements);
      char **row = cells + (i + 1) * 4;
      row[0] = g_strdup (p->id);
      row[1] = g_strjoinv ("|", p->app_types);
      row[2] = g_strdup (or_dash (mgmt));
      row[3] = g_strdup (p->title);
    }
  const int min[] = { 21, 23, 12 };
  /* A line a preset, for grep and awk ('zoomwiz presets --json' for more). */
  cli_print_table ((const char *const *) cells, rows, 4, 0, FALSE, min);
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

/* The checklist's lines for the preset's own choices, as templates. */
static char **
checklist_of (const Preset *p)
{
  g_autoptr (Answers) chosen = answers_new ();
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    if (p->defaults[k] != NULL && strchr (p->defaults[k], '{') == NULL)
      answers_set (chosen, k, p->defaults[k], ORIGIN_PRESET);
  GPtrArray *lines = g_ptr_array_new ();
  for (guint i = 0; i < p->guide->len; i++)
    if (preset_line_applies (p->guide->pdata[i], chosen))
      g_ptr_array_add (lines, g_strdup (((const PresetLine *) p->guide->pdata[i])->text));
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

static json_t *
scopes_json (const GPtrArray *scopes)
{
  json_t *list = json_array ();
  for (guint i = 0; i < scopes->len; i++)
    {
      const PresetScope *s = scopes->pdata[i];
      json_array_append_new (list, json_pack ("{s:o, s:o}", "name", cli_json_text (s->name),
                                              "purpose", cli_json_text (s->purpose)));
    }
  return list;
}

/* The preset's whole JSON: its answers' defaults by key (never a secret
 * key's), the secrets, scopes and checklist. */
static void
print_preset_json (const Preset *p, char **checklist)
{
  json_t *defaults = json_object ();
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    if (p->defaults[k] != NULL && !answer_is_secret (k))
      json_object_set_new (defaults, answer_key_info (k)->name,
                           cli_json_text (p->defaults[k]));
  json_t *members = preset_json (p->id, p->title, p->summary, p->app_types,
                                 p->managements);
  json_object_update_new (
      members, json_pack ("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
                       "site_url_example", cli_json_text (p->site_url_example),
                       "defaults", defaults,
                       "secrets", cli_json_strings ((const char *const *) p->secrets),
                       "generated", cli_json_strings ((const char *const *) p->generated),
                       "export_format", cli_json_text (p->export_format),
                       "scopes", scopes_json (p->scopes),
                       "classic_scopes", scopes_json (p->classic_scopes),
                       "checklist", cli_json_strings ((const char *const *) checklist)));
  cli_json_print (members);
}

static int
show_preset (const char *id, gboolean json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Preset) p = preset_load (id, &error);
  if (p == NULL)
    {
      cli_error ("%s", error->message);
      return EXIT_USAGE;
    }
  g_auto (GStrv) checklist = checklist_of (p);
  if (json)
    {
      print_preset_json (p, checklist);
      return EXIT_OK;
    }
  g_autofree char *types = g_strjoinv (", ", p->app_types);
  g_autofree char *mgmt = g_strjoinv (", ", p->managements);
  g_autofree char *secrets = g_strjoinv (", ", p->secrets);
  g_autofree char *generated = g_strjoinv (", ", p->generated);

  printf ("%s (%s)\n", p->title, p->id);
  if (p->summary != NULL)
    printf ("%s\n", p->summary);
  printf ("\n");
  /* The labels of "zoomwiz presets NAME", and their values beside them, in
   * a column as wide as the widest label (in display columns). */
  const char *const labels[][2] = {
    { _("App type:"), types },
    { _("Management:"), or_dash (mgmt) },
    { _("Credentials:"), or_dash (p->defaults[ANSWER_ENVIRONMENT]) },
    { _("Site URL example:"), or_dash (p->site_url_example) },
    { _("Redirect URL:"), or_dash (p->defaults[ANSWER_REDIRECT_URL]) },
    { _("Allow list:"), or_dash (p->defaults[ANSWER_ALLOW_LIST]) },
    { _("Event endpoint:"), or_dash (p->defaults[ANSWER_EVENT_ENDPOINT]) },
    { _("Events:"), or_dash (p->defaults[ANSWER_EVENTS]) },
    { _("Deauthorization:"), or_dash (p->defaults[ANSWER_DEAUTHORIZATION_URL]) },
    { _("Secrets:"), or_dash (secrets) },
    { _("Generated:"), or_dash (generated) },
    { _("Export:"), or_dash (p->export_format) },
  };
  int lw = 21;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    lw = MAX (lw, text_width (labels[i][0]) + 1);
  GString *line = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_string_truncate (line, 0);
      text_pad (line, labels[i][0], lw);
      printf ("%s%s\n", line->str, labels[i][1]);
    }
  g_string_free (line, TRUE);

  print_scopes (_("Required scopes (granular):"), p->scopes);
  print_scopes (_("Required scopes (classic, legacy apps):"), p->classic_scopes);
  if (checklist[0] != NULL)
    printf ("\n%s\n", _("Marketplace checklist:"));
  for (guint i = 0; checklist[i] != NULL; i++)
    printf ("%2u. %s\n", i + 1, checklist[i]);
  return EXIT_OK;
}

int
cmd_presets (int argc, char **argv)
{
  enum { OPT_JSON = 256 };
  static const struct option options[] = {
    { "json", no_argument, NULL, OPT_JSON },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  gboolean json = FALSE;
  int c;

  while ((c = cli_getopt (argc, argv, "h", options)) != -1)
    switch (c)
      {
      case OPT_JSON:
        json = TRUE;
        break;
      case 'h':
        presets_help ();
        return EXIT_OK;
      default:
        return cli_try_help ("presets");
      }
  if (argc - optind > 1)
    return cli_usage_error ("presets", _("give at most one preset NAME"));
  return optind < argc ? show_preset (argv[optind], json) : list_presets (json);
}
