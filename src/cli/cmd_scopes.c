/* cmd_scopes.c - "zoomwiz scopes": search the scope catalog.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/catalog.h"
#include "core/text.h"

#include <getopt.h>
#include <stdio.h>

static void
scopes_help (void)
{
  printf (_("Usage: %s scopes [OPTION]... [PATTERN]\n"), g_get_prgname ());
  fputs (_("List the Zoom scopes whose name contains PATTERN (a glob when it "
           "has * or ?),\nwith their level, product and what they allow. "
           "Granular scopes by default.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("  -u, --user      user-level scopes (for user-managed apps)\n"
           "  -a, --admin     admin-level scopes (admin-managed and "
           "Server-to-Server apps)\n"
           "  -m, --master    master-account scopes\n"
           "  -c, --classic   classic scopes of legacy OAuth apps (also "
           "--legacy)\n"
           "      --json      print one JSON object instead of text\n"
           "  -h, --help      display this help and exit\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Level options combine; with none, every level is listed. "
           "Exit status is 1\nwhen nothing matches (with --json, an empty "
           "list).\n"),
         stdout);
  cli_help_end ();
}

/* {"schema_version", "scopes": [{"name", "family", "level", "product",
 * "info", "note"}]}: the catalog's columns, made safe as every text. */
static void
print_json (const GPtrArray *hits)
{
  json_t *list = json_array ();
  for (guint i = 0; i < hits->len; i++)
    {
      const Scope *s = hits->pdata[i];
      json_array_append_new (list, json_pack ("{s:o, s:s, s:s, s:o, s:o, s:o}",
                                              "name", cli_json_text (s->name),
                                              "family", scope_family_name (s->family),
                                              "level", scope_level_name (s->level),
                                              "product", cli_json_text (s->product),
                                              "info", cli_json_text (s->info),
                                              "note", cli_json_text (s->note)));
    }
  cli_json_print (json_pack ("{s:o}", "scopes", list));
}

int
cmd_scopes (int argc, char **argv)
{
  enum { OPT_JSON = 256 };
  static const struct option options[] = {
    { "user", no_argument, NULL, 'u' },
    { "admin", no_argument, NULL, 'a' },
    { "master", no_argument, NULL, 'm' },
    { "classic", no_argument, NULL, 'c' },
    { "legacy", no_argument, NULL, 'c' },
    { "json", no_argument, NULL, OPT_JSON },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  ScopeLevel levels = 0;
  ScopeFamily families = SCOPE_FAMILY_GRANULAR;
  gboolean json = FALSE;
  int c;

  while ((c = cli_getopt (argc, argv, "uamch", options)) != -1)
    switch (c)
      {
      case 'u':
        levels |= SCOPE_LEVEL_USER;
        break;
      case 'a':
        levels |= SCOPE_LEVEL_ADMIN;
        break;
      case 'm':
        levels |= SCOPE_LEVEL_MASTER;
        break;
      case 'c':
        families = SCOPE_FAMILY_CLASSIC;
        break;
      case OPT_JSON:
        json = TRUE;
        break;
      case 'h':
        scopes_help ();
        return EXIT_OK;
      default:
        return cli_try_help ("scopes");
      }
  if (argc - optind > 1)
    return cli_usage_error ("scopes", _("give at most one PATTERN (the name "
                                        "part to search for)"));
  const char *pattern = optind < argc ? argv[optind] : NULL;

  g_autoptr (GError) error = NULL;
  g_autoptr (Catalog) catalog = catalog_load (NULL, &error);
  if (catalog == NULL)
    {
      cli_error (_("cannot load the scope catalog: %s"), error->message);
      return EXIT_USAGE;
    }
  g_autoptr (GPtrArray) hits = g_ptr_array_new ();
  catalog_filter (catalog, pattern, levels ? levels : SCOPE_LEVEL_ANY, families, hits);

  if (json)
    print_json (hits);
  if (hits->len == 0)
    {
      cli_error (_("no scope matches '%s' with these options"),
                 pattern != NULL ? pattern : "");
      if (pattern != NULL)
        {
          g_auto (GStrv) near = text_nearest (pattern, catalog_names (catalog), -1, 3);
          if (near[0] != NULL)
            {
              g_autofree char *list = g_strjoinv (", ", near);
              fprintf (stderr, _("Did you mean %s?\n"), list);
            }
        }
      return EXIT_FINDINGS;
    }
  if (json)
    return EXIT_OK;

  int width = 0;
  for (guint i = 0; i < hits->len; i++)
    width = MAX (width, (int) strlen (((const Scope *) hits->pdata[i])->name));
  for (guint i = 0; i < hits->len; i++)
    {
      const Scope *s = hits->pdata[i];
      printf ("%-*s  %-6s  %s%s%s%s%s\n", width, s->name,
              scope_level_name (s->level), s->product,
              *s->product && *s->info ? " — " : "", s->info,
              *s->note ? "  " : "", *s->note ? s->note : "");
    }
  return EXIT_OK;
}
