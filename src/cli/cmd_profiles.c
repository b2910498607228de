/* cmd_profiles.c - "zoomwiz profiles": list, show (secrets masked),
 * import from an answers file, rename, delete.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/text.h"
#include "flow/session.h"
#include "store/profile.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void
profiles_help (void)
{
  printf (_("Usage: %s profiles [list] [--json]\n"
            "  or:  %s profiles show NAME [--json]\n"
            "  or:  %s profiles import NAME --answers FILE [--secret-store S] "
            "[--force]\n"
            "  or:  %s profiles rename OLD NEW\n"
            "  or:  %s profiles delete NAME\n"),
          g_get_prgname (), g_get_prgname (), g_get_prgname (), g_get_prgname (),
          g_get_prgname ());
  printf (_("  or:  %s profiles default [NAME | --unset]\n"), g_get_prgname ());
  fputs (_("A profile is a named answers file under $XDG_CONFIG_HOME/zoomwiz/profiles/ "
           "(no\nsecrets in it) with its secrets in the Secret Service keyring. "
           "Where no keyring\nanswers (a server), --secret-store file keeps them in a "
           "file only you can read,\nbeside the profile.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("The default profile (ZOOMWIZ_PROFILE, else the one 'profiles default NAME'\n"
           "stores) is taken by the commands that take --profile when neither --profile\n"
           "nor --answers is given, and by show without NAME; a note on standard error\n"
           "says which profile was taken, and why.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("  -a, --answers FILE      import: the answers file; its secrets go to\n"
           "                          the keyring (or the file, see --secret-store)\n"
           "      --secret-store S    import: keyring (default) or file\n"
           "      --force             import: replace a profile of the same name\n"
           "      --json              list, show: print one JSON object instead of "
           "text\n"
           "                          (where each secret is kept, never its value)\n"
           "  -h, --help              display this help and exit\n"),
         stdout);
  fputs (_("      --unset             default: remove the stored default\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 success, 2 bad usage or a profile that cannot be read,\n"
           "4 the keyring did not answer (nothing was stored).\n"),
         stdout);
  cli_help_end ();
}

static const char *
store_name (SecretStore store)
{
  return store == SECRET_STORE_FILE ? "file" : "keyring";
}

/* {"schema_version", "dir", "profiles": [{"name", "preset", "app_type",
 * "secret_store"}]} */
/* The preset's defaults for what the profile A leaves out, marked as
 * such: 'profiles show' says each value's origin, a default's too, and
 * 'profiles list' shows the app type a preset gives. */
static void
fill_defaults (Answers *a)
{
  const char *id = answers_get (a, ANSWER_PRESET);
  g_autoptr (Preset) p = id != NULL ? preset_load (id, NULL) : NULL;
  if (p != NULL)
    preset_apply (p, a, NULL);
}

/* Profile NAME without its secrets, with its preset's defaults; NULL when
 * it cannot be read. */
static Answers *
load_listed (const char *name)
{
  Answers *a = profile_load (name, FALSE, NULL);
  if (a != NULL)
    fill_defaults (a);
  return a;
}

static void
print_list_json (char **names)
{
  g_autofree char *dir = profile_dir ();
  json_t *list = json_array ();
  for (char **n = names; *n != NULL; n++)
    {
      g_autoptr (Answers) a = load_listed (*n);
      json_array_append_new (
          list, json_pack ("{s:o, s:o, s:o, s:s}", "name", cli_json_text (*n),
                           "preset", cli_json_text (a ? answers_get (a, ANSWER_PRESET) : NULL),
                           "app_type",
                           cli_json_text (a ? answers_get (a, ANSWER_APP_TYPE) : NULL),
                           "secret_store", store_name (profile_secret_store (*n))));
    }
  cli_json_print (json_pack ("{s:o, s:o}", "dir", cli_json_text (dir), "profiles", list));
}

static int
profiles_list (gboolean json)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = profile_list (&error);
  if (names == NULL)
    return cli_store_error (error);
  if (json)
    {
      print_list_json (names);
      return EXIT_OK;
    }
  if (names[0] == NULL)
    {
      g_autofree char *dir = profile_dir ();
      printf (_("No profiles yet in %s ('zoomwiz profiles import NAME --answers FILE' "
                "makes one).\n"),
              dir);
      return EXIT_OK;
    }
  /* A table as 'zoomwiz presets' prints one: a header row, each column as
   * wide as its widest cell; SECRETS holds --secret-store's own words (the
   * completion scripts read a profile's line by them, in any language). */
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  /* TRANSLATORS: column headings of "zoomwiz profiles list". */
  const char *heads[] = { _("NAME"), _("PRESET"), _("APP TYPE"), _("SECRETS") };
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    g_ptr_array_add (cells, g_strdup (heads[i]));
  for (char **n = names; *n != NULL; n++)
    {
      g_autoptr (Answers) a = load_listed (*n);
      const char *preset = a ? answers_get (a, ANSWER_PRESET) : NULL;
      const char *type = a ? answers_get (a, ANSWER_APP_TYPE) : NULL;
      g_ptr_array_add (cells, g_strdup (*n));
      g_ptr_array_add (cells, text_clean (preset ? preset : "-"));
      g_ptr_array_add (cells, text_clean (type ? type : "-"));
      g_ptr_array_add (cells, g_strdup (store_name (profile_secret_store (*n))));
    }
  cli_print_table ((const char *const *) cells->pdata, cells->len / G_N_ELEMENTS (heads),
                   G_N_ELEMENTS (heads), 0, FALSE, NULL);
  return EXIT_OK;
}

/* The members of "origins" of KEY: {"origin", "location"}. */
static json_t *
origin_json (const char *name, const Answers *a, AnswerKey k)
{
  g_autofree char *location = NULL;
  ValueOrigin o = profile_value_origin (name, a, k, &location);
  return json_pack ("{s:s, s:o}", "origin", value_origin_id (o), "location",
                    cli_json_text (location));
}

/* {"schema_version", "name", "path", "secret_store", "answers": {KEY: VALUE},
 * "defaults": {KEY: VALUE}, "secrets": {KEY: {"set", "store"}}, "origins":
 * {KEY: {"origin", "location"}}}: where each secret is, never its value. */
static void
print_show_json (const char *name, const char *path, SecretStore where, const Answers *a)
{
  const char *store = store_name (where);
  json_t *answers = json_object ();
  json_t *defaults = json_object ();
  json_t *secrets = json_object ();
  json_t *origins = json_object ();
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      const char *v = answers_get (a, k);
      const char *key = answer_key_info (k)->name;
      gboolean set = v != NULL && *v != '\0';
      if (answer_is_secret (k))
        json_object_set_new (secrets, key, json_pack ("{s:b, s:s?}", "set", set, "store",
                                                      set ? store : NULL));
      else if (v != NULL)
        {
          g_autofree char *shown = flow_shown_value (k, v);
          json_object_set_new (a->origin[k] == ORIGIN_PRESET ? defaults : answers, key,
                               cli_json_text (shown));
        }
      if (set || (v != NULL && !answer_is_secret (k)))
        json_object_set_new (origins, key, origin_json (name, a, k));
    }
  cli_json_print (json_pack ("{s:o, s:o, s:s, s:o, s:o, s:o, s:o}", "name",
                             cli_json_text (name), "path", cli_json_text (path),
                             "secret_store", store, "answers", answers, "defaults",
                             defaults, "secrets", secrets, "origins", origins));
}

static int
profiles_show (const char *name, gboolean json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Answers) a = profile_load (name, TRUE, &error);
  if (a == NULL)
    return cli_store_error (error);
  fill_defaults (a);
  g_autofree char *path = profile_path (name);
  SecretStore where = profile_secret_store (name);
  if (json)
    {
      print_show_json (name, path, where, a);
      return EXIT_OK;
    }
  printf (where == SECRET_STORE_FILE
              ? _("Profile %s (%s), its secrets in a file beside it:\n")
              : _("Profile %s (%s), its secrets in the keyring:\n"),
          name, path);
  /* As 'aws configure list': each value and where it came from; the
   * locations after, each once, so that a long path or value does not
   * push the table past the terminal's width. An origin with more than one
   * location names the values of each. */
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) where_cells = g_ptr_array_new_with_free_func (g_free);
  /* TRANSLATORS: column headings of "zoomwiz profiles show". */
  const char *heads[] = { _("NAME"), _("ORIGIN"), _("VALUE") };
  const char *where_heads[] = { _("ORIGIN"), _("LOCATION") };
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    g_ptr_array_add (cells, g_strdup (heads[i]));
  ValueOrigin origin[ANSWER_N_KEYS];
  char *location[ANSWER_N_KEYS] = { NULL };
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      const char *v = answers_get (a, k);
      if (v == NULL)
        continue;
      g_autofree char *shown = flow_shown_value (k, v);
      origin[k] = profile_value_origin (name, a, k, &location[k]);
      if (location[k] == NULL)
        location[k] = g_strdup ("-");
      g_ptr_array_add (cells, g_strdup (answer_key_info (k)->name));
      g_ptr_array_add (cells, g_strdup (value_origin_label (origin[k])));
      g_ptr_array_add (cells, text_clean (shown));
    }
  for (guint i = 0; i < G_N_ELEMENTS (where_heads); i++)
    g_ptr_array_add (where_cells, g_strdup (where_heads[i]));
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      gboolean seen = FALSE, several = FALSE;
      for (int j = 0; j < ANSWER_N_KEYS; j++)
        if (location[k] != NULL && location[j] != NULL && origin[j] == origin[k])
          {
            gboolean same = strcmp (location[j], location[k]) == 0;
            seen = seen || (j < k && same);
            several = several || !same;
          }
      if (location[k] == NULL || seen)
        continue;
      g_autofree char *place = text_clean (location[k]);
      GString *cell = g_string_new (place);
      guint named = 0;
      for (int j = k; several && j < ANSWER_N_KEYS; j++)
        if (location[j] != NULL && origin[j] == origin[k]
            && strcmp (location[j], location[k]) == 0
            && strstr (place, answer_key_info (j)->name) == NULL)
          g_string_append_printf (cell, "%s%s", named++ == 0 ? " (" : ", ",
                                  answer_key_info (j)->name);
      if (named > 0)
        g_string_append_c (cell, ')');
      g_ptr_array_add (where_cells, g_strdup (value_origin_label (origin[k])));
      g_ptr_array_add (where_cells, g_string_free (cell, FALSE));
    }
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    g_free (location[k]);
  cli_print_table ((const char *const *) cells->pdata, cells->len / G_N_ELEMENTS (heads),
                   G_N_ELEMENTS (heads), 2, TRUE, NULL);
  fputs ("\n", stdout);
  cli_print_table ((const char *const *) where_cells->pdata,
                   where_cells->len / G_N_ELEMENTS (where_heads), G_N_ELEMENTS (where_heads), 2,
                   FALSE, NULL);
  return EXIT_OK;
}

static int
profiles_import (const char *name, const char *path, const char *store, gboolean force)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Findings) findings = findings_new ();
  SecretStore where;

  if (path == NULL)
    return cli_usage_error ("profiles", _("import needs --answers FILE"));
  if (store == NULL || strcmp (store, "keyring") == 0)
    where = SECRET_STORE_KEYRING;
  else if (strcmp (store, "file") == 0)
    where = SECRET_STORE_FILE;
  else
    return cli_usage_error ("profiles", _("--secret-store takes keyring or file, not "
                                          "'%s'"),
                            store);
  if (!profile_name_ok (name, &error))
    return cli_usage_error ("profiles", "%s", error->message);
  g_autoptr (Answers) a = answers_load (path, findings, &error);
  if (a == NULL)
    {
      cli_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (cli_print_findings (findings, stderr) > 0)
    {
      cli_error (_("%s: fix these first; nothing was imported"), path);
      return EXIT_USAGE;
    }
  /* A profile made from a preset has the secrets it generates, as the
   * wizard's have: an answers file without them is no reason for an
   * export to fail later. */
  gboolean made[ANSWER_N_KEYS] = { FALSE };
  const char *preset_id = answers_get (a, ANSWER_PRESET);
  if (preset_id != NULL)
    {
      g_autoptr (Preset) preset = preset_load (preset_id, &error);
      if (preset == NULL)
        {
          cli_error ("%s: %s", path, error->message);
          return EXIT_USAGE;
        }
      if (!preset_generate_secrets (preset, a, made, &error))
        {
          cli_error ("%s", error->message);
          return EXIT_USAGE;
        }
    }
  if (!profile_save (name, a, where, force, &error))
    return cli_store_error (error);
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    if (made[k])
      /* TRANSLATORS: %s is an answers key, such as webhook_secret. */
      cli_note (_("generated %s (not in the answers file)"), answer_key_info (k)->name);
  g_autofree char *saved = profile_path (name);
  printf (where == SECRET_STORE_FILE
              ? _("Profile %s saved: %s, its secrets in a file beside it (mode 0600).\n")
              : _("Profile %s saved: %s, its secrets in the keyring.\n"),
          name, saved);
  return EXIT_OK;
}

/* "profiles default [NAME | --unset]". */
static int
profiles_default (const char *name, gboolean unset)
{
  g_autoptr (GError) error = NULL;
  if (unset || name != NULL)
    {
      if (!profile_default_set (unset ? NULL : name, &error))
        return cli_store_error (error);
      if (unset)
        printf (_("No default profile now.\n"));
      else
        printf (_("Profile %s is the default now.\n"), name);
      if (g_getenv ("ZOOMWIZ_PROFILE") != NULL && *g_getenv ("ZOOMWIZ_PROFILE") != '\0')
        cli_note (_("ZOOMWIZ_PROFILE is set, and wins over the stored default"));
      return EXIT_OK;
    }
  ProfileDefaultSource source;
  g_autofree char *current = profile_default (&source, &error);
  if (current == NULL && error != NULL)
    return cli_store_error (error);
  if (current == NULL)
    {
      cli_note (_("no default profile ('zoomwiz profiles default NAME' stores one)"));
      return EXIT_FINDINGS;
    }
  printf ("%s\n", current);
  if (source == PROFILE_DEFAULT_ENV)
    cli_note (_("from ZOOMWIZ_PROFILE"));
  return EXIT_OK;
}

int
cmd_profiles (int argc, char **argv)
{
  enum { OPT_STORE = 256, OPT_FORCE, OPT_JSON, OPT_UNSET };
  static const struct option options[] = {
    { "answers", required_argument, NULL, 'a' },
    { "unset", no_argument, NULL, OPT_UNSET },
    { "secret-store", required_argument, NULL, OPT_STORE },
    { "force", no_argument, NULL, OPT_FORCE },
    { "json", no_argument, NULL, OPT_JSON },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *path = NULL, *store = NULL;
  gboolean force = FALSE, json = FALSE, unset = FALSE;
  g_autoptr (GError) error = NULL;
  int c;

  while ((c = cli_getopt (argc, argv, "a:h", options)) != -1)
    switch (c)
      {
      case 'a':
        path = optarg;
        break;
      case OPT_STORE:
        store = optarg;
        break;
      case OPT_FORCE:
        force = TRUE;
        break;
      case OPT_JSON:
        json = TRUE;
        break;
      case OPT_UNSET:
        unset = TRUE;
        break;
      case 'h':
        profiles_help ();
        return EXIT_OK;
      default:
        return cli_try_help ("profiles");
      }
  const char *what = optind < argc ? argv[optind++] : "list";
  int want = strcmp (what, "list") == 0 ? 0 : strcmp (what, "rename") == 0 ? 2 : 1;
  static const char *const subcommands[] = { "list", "show", "import", "rename",
                                              "delete", "default", NULL };
  if (!g_strv_contains (subcommands, what))
    {
      g_auto (GStrv) near = text_nearest (what, subcommands, -1, 1);
      if (near[0] != NULL)
        return cli_usage_error ("profiles", _("'%s' is not a profiles command; did you "
                                              "mean '%s'?"),
                                what, near[0]);
      return cli_usage_error ("profiles", _("'%s' is not a profiles command (list, show, "
                                            "import, rename, delete, default)"),
                              what);
    }
  /* show and default may leave the name out: the default profile's. */
  gboolean optional = strcmp (what, "show") == 0 || strcmp (what, "default") == 0;
  if (unset && strcmp (what, "default") != 0)
    return cli_usage_error ("profiles", _("--unset goes with default, not '%s'"), what);
  if (unset && argc - optind != 0)
    return cli_usage_error ("profiles", _("default --unset takes no name"));
  if (argc - optind != want && !(optional && argc - optind == 0))
    return cli_usage_error ("profiles", want == 2 ? _("rename takes OLD and NEW")
                                        : want == 1 ? _("'%s' takes one profile name")
                                                    : _("'%s' takes no name"),
                            what);
  if (json && strcmp (what, "list") != 0 && strcmp (what, "show") != 0)
    return cli_usage_error ("profiles", _("--json goes with list and show, not '%s'"),
                            what);
  if (strcmp (what, "list") == 0)
    return profiles_list (json);
  if (strcmp (what, "default") == 0)
    return profiles_default (optind < argc ? argv[optind] : NULL, unset);
  if (strcmp (what, "show") == 0)
    {
      const char *name = optind < argc ? argv[optind] : NULL;
      int status = EXIT_USAGE;
      if (!cli_default_profile (NULL, &name, &status))
        return status;
      if (name == NULL)
        return cli_usage_error ("profiles", _("show takes a profile name (there is no "
                                              "default profile)"));
      return profiles_show (name, json);
    }
  if (strcmp (what, "import") == 0)
    return profiles_import (argv[optind], path, store, force);
  if (strcmp (what, "rename") == 0)
    {
      if (!profile_rename (argv[optind], argv[optind + 1], &error))
        return cli_store_error (error);
      printf (_("Profile %s is now %s.\n"), argv[optind], argv[optind + 1]);
      return EXIT_OK;
    }
  if (!profile_delete (argv[optind], &error))
    return cli_store_error (error);
  printf (_("Profile %s deleted, with its secrets.\n"), argv[optind]);
  return EXIT_OK;
}
