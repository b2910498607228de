/* cmd_doctor.c - "zoomwiz doctor FILE": a running integration's deployed
 * configuration read back (core/deployed.c), checked by every rule, against
 * the profile the admin set up, and live against Zoom and the event
 * endpoint; each finding named by the line of the file that is wrong.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/deployed.h"
#include "core/rules.h"
#include "core/text.h"
#include "net/verify.h"
#include "plain/plain.h"
#include "store/profile.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define DEFAULT_TIMEOUT 10

static void
doctor_help (void)
{
  printf (_("Usage: %s doctor FILE [OPTION]...\n"), g_get_prgname ());
  fputs (_("Check the configuration a running integration was deployed with: a "
           "Mattermost\nconfig.json (or mmctl config get "
           "PluginSettings.Plugins.zoom), an env file, a\nKubernetes Secret, a "
           "systemd EnvironmentFile or unit. Every rule, the live\nchecks against "
           "Zoom and the event endpoint test run on what the file holds,\nand each "
           "finding names the line that is wrong and what it should be. No\nsecret "
           "of the file is ever printed.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("The formats (--format):\n"
           "  auto        told from the content, and said (the default)\n"
           "  mattermost  a Mattermost config.json, or a mmctl config patch\n"
           "  mmctl       what mmctl config get PluginSettings.Plugins.zoom prints "
           "(secrets\n"
           "              masked: those are not checked)\n"
           "  env         NAME=VALUE lines (sh, docker compose): ZOOM_CLIENT_ID,\n"
           "              ZOOM_ACCOUNT_ID...\n"
           "  k8s         a Kubernetes Secret, stringData: or data: (base64)\n"
           "  systemd     an EnvironmentFile, or a unit's Environment= lines\n"),
         stdout);
  fputs ("\n", stdout);
  printf (_("  -f, --format F      how to read FILE (default auto)\n"
            "      --preset NAME   the integration (default: told from the file, "
            "or the\n"
            "                      profile's)\n"
            "  -p, --profile NAME  compare with this profile, which the admin set "
            "up; the\n"
            "                      event endpoint is then tested with its Secret "
            "Token,\n"
            "                      as Zoom signs its events\n"
            "      --no-test       the rules only: no network\n"
            "      --json          print one JSON object instead of text\n"
            "      --zoom-url URL  Zoom's OAuth host (default https://zoom.us)\n"
            "      --api-url URL   Zoom's API host (default https://api.zoom.us)\n"
            "      --cloud gov     Zoom for Government (zoomgov.com)\n"
            "      --ca-file PEM   trust these CA certificates instead of the "
            "system's\n"
            "      --timeout N     seconds for each request (default %d)\n"
            "  -h, --help          display this help and exit\n"),
          DEFAULT_TIMEOUT);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 nothing wrong, 1 an error found or a live check failed,\n"
           "2 bad usage or a file that cannot be read, 3 Zoom or the endpoint could not\n"
           "be reached.\n"),
         stdout);
  cli_help_end ();
}

/* Where a finding about answers KEY (or a setting named KEY) points. */
static const DeployedSetting *
locate (const Deployed *d, const char *key)
{
  int k = answer_key_by_name (key);
  if (k >= 0 && deployed_setting_for (d, k) != NULL)
    return deployed_setting_for (d, k);
  /* The plugin makes these URLs from the Site URL. */
  if (k >= 0 && deployed_name_for (d->format, k) == NULL && deployed_gives (d, k))
    return deployed_setting_for (d, ANSWER_SITE_URL);
  for (guint i = 0; i < d->settings->len; i++)
    {
      const DeployedSetting *s = d->settings->pdata[i];
      if (strcmp (s->name, key) == 0)
        return s;
    }
  return NULL;
}

/* Whether D should set KEY but does not: a name of its format, not set,
 * and needed by the app A is (the Account ID only by a Server-to-Server
 * app, a redirect URL only by the others; an empty Zoom URL is zoom.us). */
static gboolean
not_set (const Deployed *d, const Answers *a, AnswerKey k)
{
  gboolean s2s = answers_app_type (a) == APP_TYPE_S2S;
  return deployed_name_for (d->format, k) != NULL && deployed_setting_for (d, k) == NULL
         && k != ANSWER_ZOOM_URL && k != ANSWER_API_URL && k != ANSWER_MANAGEMENT
         && !(k == ANSWER_ACCOUNT_ID && !s2s) && !(k == ANSWER_REDIRECT_URL && s2s);
}

/* "FILE:LINE: NAME" or "FILE: KEY" for a finding's first line. */
static char *
place (const Deployed *d, const char *key)
{
  const DeployedSetting *s = locate (d, key);
  g_autofree char *file = text_sanitize (d->path, -1, 200);
  if (strcmp (key, file) == 0) /* about the file itself */
    return g_strdup (file);
  if (s != NULL && s->line > 0)
    return g_strdup_printf ("%s:%u: %s", file, s->line, s->name);
  if (s != NULL)
    return g_strdup_printf ("%s: %s", file, s->name);
  return g_strdup_printf ("%s: %s", file, key);
}

/* The fix of a failed check that names KEY, with what the file's setting
 * must be. */
static char *
check_fix (const Deployed *d, const Check *c, const char *key, gboolean signed_by_file)
{
  const DeployedSetting *s = locate (d, key);
  int k = answer_key_by_name (key);
  GString *fix = g_string_new (c->fix);
  if (k == ANSWER_SECRET_TOKEN && signed_by_file)
    g_string_append_printf (fix, "%s%s", fix->len ? " " : "",
                            _("zoomwiz signed with this file's Secret Token, so the "
                              "endpoint does not run with this file: apply it and "
                              "restart the service."));
  if (s != NULL && k >= 0 && deployed_should_be (k) != NULL)
    g_string_append_printf (fix, "%s", fix->len ? " " : "");
  if (s != NULL && k >= 0 && deployed_should_be (k) != NULL)
    /* TRANSLATORS: "Set ZOOM_ACCOUNT_ID to the Account ID on ... page." */
    g_string_append_printf (fix, _("Set %s to %s."), s->name, deployed_should_be (k));
  return g_string_free (fix, FALSE);
}

static void
print_finding (const Deployed *d, const Finding *f)
{
  g_autofree char *at = place (d, f->key);
  /* TRANSLATORS: "FILE:LINE: SETTING: error: MESSAGE [RULE-ID]". */
  printf (_("%s: %s: %s [%s]\n"), at, f->severity == SEVERITY_ERROR ? _("error") : _("warning"),
          f->message, f->rule);
  if (f->fix != NULL)
    printf (_("  fix: %s\n"), f->fix);
}

/* The keys of C's failure that have a setting in D, else its first key. */
static char **
check_keys (const Check *c)
{
  return c->status == CHECK_FAIL && c->key != NULL ? g_strsplit (c->key, " ", -1) : NULL;
}

static void
print_text (const Deployed *d, const Answers *a, const char *preset, const char *preset_reason,
            const char *const *not_checked, const Findings *findings, const GPtrArray *checks, const char *skipped,
            const char *signed_with, gboolean signed_by_file, guint errors, guint warnings)
{
  g_autofree char *file = text_sanitize (d->path, -1, 200);
  if (d->format_reason != NULL)
    printf (_("%s: read as %s: %s\n"), file, deployed_format_name (d->format),
            d->format_reason);
  else
    printf (_("%s: read as %s, as --format says\n"), file, deployed_format_name (d->format));
  if (preset != NULL)
    printf (_("%s: preset %s: %s\n"), file, preset, preset_reason);
  else
    printf (_("%s: no preset: %s\n"), file, preset_reason);
  for (guint i = 0; i < d->settings->len; i++)
    {
      const DeployedSetting *s = d->settings->pdata[i];
      if (s->note != NULL)
        /* TRANSLATORS: "FILE:LINE: ignored: NAME (why)". */
        printf (_("%s:%u: ignored: %s (%s)\n"), file, s->line, s->name, s->note);
    }
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      const char *name = deployed_name_for (d->format, k);
      if (not_set (d, a, k))
        printf (_("%s: not set here: %s (%s)\n"), file, name, answer_key_info (k)->name);
    }
  if (not_checked[0] != NULL)
    {
      g_autofree char *keys = g_strjoinv (", ", (char **) not_checked);
      printf (_("%s: not checked, as such a file does not hold them: %s\n"), file, keys);
    }
  for (guint i = 0; i < findings->items->len; i++)
    print_finding (d, findings->items->pdata[i]);

  if (checks == NULL)
    printf ("%s\n", skipped);
  else
    {
      printf ("%s\n", _("Live checks:"));
      plain_print_checks (checks, stdout);
      if (signed_with != NULL)
        printf ("%s\n", signed_with);
      for (guint i = 0; i < checks->len; i++)
        {
          const Check *c = checks->pdata[i];
          g_auto (GStrv) keys = check_keys (c);
          for (char **k = keys; k != NULL && *k != NULL; k++)
            {
              if (locate (d, *k) == NULL && k != keys)
                continue;
              g_autofree char *at = place (d, *k);
              g_autofree char *fix = check_fix (d, c, *k, signed_by_file);
              printf (_("%s: %s: %s [%s]\n"), at, _("error"), c->message, c->id);
              printf (_("  fix: %s\n"), fix);
            }
        }
    }
  guint failed = 0;
  for (guint i = 0; checks != NULL && i < checks->len; i++)
    failed += ((const Check *) checks->pdata[i])->status == CHECK_FAIL;
  if (errors == 0 && warnings == 0 && failed == 0)
    printf (_("%s: nothing wrong found\n"), file);
  else
    {
      g_autofree char *e = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
      g_autofree char *w = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings),
                                            warnings);
      g_autofree char *c = g_strdup_printf (ngettext ("%u live check failed",
                                                      "%u live checks failed", failed),
                                            failed);
      /* TRANSLATORS: FILE: N errors, N warnings, N live checks failed */
      printf (_("%s: %s, %s, %s\n"), file, e, w, c);
    }
}

static json_t *
json_place (const Deployed *d, const char *key)
{
  const DeployedSetting *s = locate (d, key);
  return json_pack ("{s:o, s:i}", "name", cli_json_text (s != NULL ? s->name : NULL), "line",
                    s != NULL ? (int) s->line : 0);
}

static void
print_json (const Deployed *d, const Answers *a, const char *preset, const char *preset_reason,
            const char *const *not_checked, const char *profile, const Findings *findings, const GPtrArray *checks,
            const char *skipped, const char *signed_with_id, guint errors, gboolean ok)
{
  json_t *settings = json_array ();
  for (guint i = 0; i < d->settings->len; i++)
    {
      const DeployedSetting *s = d->settings->pdata[i];
      json_array_append_new (settings,
                             json_pack ("{s:o, s:i, s:o, s:b, s:o}", "name",
                                        cli_json_text (s->name), "line", (int) s->line,
                                        "key",
                                        s->key >= 0 ? json_string (answer_key_info (s->key)->name)
                                                    : json_null (),
                                        "set", s->value != NULL, "note",
                                        cli_json_text (s->note)));
    }
  json_t *missing = json_array ();
  for (int k = 0; k < ANSWER_N_KEYS; k++)
    {
      const char *name = deployed_name_for (d->format, k);
      if (not_set (d, a, k))
        json_array_append_new (missing, json_pack ("{s:s, s:s}", "key",
                                                   answer_key_info (k)->name, "name", name));
    }
  json_t *list = cli_json_findings (findings);
  for (guint i = 0; i < findings->items->len; i++)
    json_object_update_new (json_array_get (list, i),
                            json_place (d, ((const Finding *) findings->items->pdata[i])->key));
  json_t *checks_json = json_array ();
  for (guint i = 0; checks != NULL && i < checks->len; i++)
    {
      const Check *c = checks->pdata[i];
      g_auto (GStrv) keys = check_keys (c);
      const char *key = keys != NULL ? keys[0] : NULL;
      for (char **k = keys; k != NULL && *k != NULL; k++)
        if (locate (d, *k) != NULL)
          {
            key = *k;
            break;
          }
      g_autofree char *fix = key != NULL ? check_fix (d, c, key, g_strcmp0 (signed_with_id,
                                                                           "file") == 0)
                                         : g_strdup (c->fix ? c->fix : "");
      json_t *item = json_pack ("{s:s, s:s, s:s, s:o, s:o}", "id", c->id, "status",
                                check_status_name (c->status), "message", c->message, "fix",
                                cli_json_text (fix), "key",
                                key != NULL ? json_string (key) : json_null ());
      json_object_update_new (item, key != NULL ? json_place (d, key)
                                                : json_pack ("{s:n, s:i}", "name", "line", 0));
      json_array_append_new (checks_json, item);
    }
  cli_json_print (json_pack ("{s:o, s:s, s:b, s:o, s:o, s:o, s:o, s:b, s:i, s:i, s:o, s:o,"
                             " s:o, s:o, s:o, s:o, s:o}",
                             "file", cli_json_text (d->path), "format",
                             deployed_format_name (d->format), "format_detected",
                             d->format_reason != NULL, "preset", cli_json_text (preset),
                             "preset_reason", cli_json_text (preset_reason), "profile",
                             cli_json_text (profile), "settings", settings, "ok", ok,
                             "errors", (int) errors, "warnings",
                             (int) findings_count (findings, SEVERITY_WARNING), "missing",
                             missing, "not_checked", cli_json_strings (not_checked),
                             "findings", list, "checks", checks_json,
                             "live_skipped", cli_json_text (skipped), "webhook_signed_with",
                             cli_json_text (signed_with_id), "format_reason",
                             cli_json_text (d->format_reason)));
}

/* The profile's answers with its preset's defaults, for what Zoom has. */
static Answers *
profile_filled (const Answers *profile)
{
  Answers *p = answers_copy (profile);
  const char *name = answers_get (p, ANSWER_PRESET);
  g_autoptr (Preset) preset = name != NULL ? preset_load (name, NULL) : NULL;
  if (preset != NULL)
    preset_apply (preset, p, NULL);
  return p;
}

int
cmd_doctor (int argc, char **argv)
{
  enum { OPT_JSON = 256, OPT_PRESET, OPT_NO_TEST };
  static const struct option options[] = {
    { "format", required_argument, NULL, 'f' },
    { "preset", required_argument, NULL, OPT_PRESET },
    { "profile", required_argument, NULL, 'p' },
    { "no-test", no_argument, NULL, OPT_NO_TEST },
    { "json", no_argument, NULL, OPT_JSON },
    CLI_ZOOM_OPTIONS,
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *preset_arg = NULL, *profile_name = NULL;
  DeployedFormat format = DEPLOYED_AUTO;
  gboolean json = FALSE, no_test = FALSE;
  CliZoomOptions zoom = { .timeout = DEFAULT_TIMEOUT };
  int c;

  while ((c = cli_getopt (argc, argv, "f:p:h", options)) != -1)
    switch (c)
      {
      case 'f':
        if (!deployed_format_from_name (optarg, &format))
          {
            g_autofree char *names = g_strjoinv ("|", (char **) deployed_format_names ());
            return cli_usage_error ("doctor", _("--format takes %s, not '%s'"), names, optarg);
          }
        break;
      case OPT_PRESET:
        preset_arg = optarg;
        break;
      case 'p':
        profile_name = optarg;
        break;
      case OPT_NO_TEST:
        no_test = TRUE;
        break;
      case OPT_JSON:
        json = TRUE;
        break;
      case 'h':
        doctor_help ();
        return EXIT_OK;
      default:
        switch (cli_option_zoom ("doctor", c, optarg, &zoom))
          {
          case EXIT_OK:
            break;
          case EXIT_USAGE:
            return EXIT_USAGE;
          default:
            return cli_try_help ("doctor");
          }
      }
  if (optind >= argc)
    return cli_usage_error ("doctor", _("no file: give the deployed file, e.g. "
                                        "/opt/mattermost/config/config.json or the "
                                        "service's .env"));
  if (optind + 1 < argc)
    return cli_usage_error ("doctor", _("unexpected argument '%s' (doctor reads one file)"),
                            argv[optind + 1]);
  const char *path = argv[optind];

  g_autoptr (GError) error = NULL;
  g_autoptr (Deployed) d = deployed_read (path, format, &error);
  if (d == NULL)
    {
      cli_error ("%s", error->message);
      return EXIT_USAGE;
    }

  /* TRANSLATORS: who asked to wait, in "%s asked to wait: 12 s…". */
  cli_progress_start (_("Zoom"), json);
  /* No default profile here: a deployed file is compared with a profile
     only when the admin names it, as a default may be another app's (and
     would turn every difference into an error). */
  g_autoptr (Answers) profile = NULL;
  const char *where = NULL;
  if (profile_name != NULL)
    {
      if ((profile = profile_load (profile_name, TRUE, &error)) == NULL)
        return cli_store_error (error);
      /* TRANSLATORS: where the profile's secrets are, in "Set it to the
         profile's %s, kept in %s: ...". */
      where = profile_secret_store (profile_name) == SECRET_STORE_FILE
                  ? _("the profile's secrets file")
                  : _("the keyring");
    }

  /* --preset, else the profile's, else what the file shows. */
  const char *preset = d->preset;
  g_autofree char *preset_reason = g_strdup (d->preset_reason);
  if (preset_arg != NULL || (profile != NULL && answers_get (profile, ANSWER_PRESET) != NULL))
    {
      preset = preset_arg != NULL ? preset_arg : answers_get (profile, ANSWER_PRESET);
      g_free (preset_reason);
      /* TRANSLATORS: why this preset, in "FILE: preset NAME: %s". */
      preset_reason = g_strdup (preset_arg != NULL ? _("as --preset says")
                                                   : _("from the profile"));
    }
  if (preset != NULL)
    {
      g_autoptr (Preset) p = preset_load (preset, &error);
      if (p == NULL)
        {
          cli_error ("%s", error->message);
          return EXIT_USAGE;
        }
    }

  /* What the file holds; the profile gives what such a file never holds
   * (scopes, events), never a secret the file lacks. */
  g_autoptr (Answers) a = answers_copy (d->answers);
  if (preset != NULL)
    answers_set (a, ANSWER_PRESET, preset, ORIGIN_ANSWER);
  for (int k = 0; profile != NULL && k < ANSWER_N_KEYS; k++)
    if (answers_get (a, k) == NULL && !answer_is_secret (k)
        && !answers_holds_secret (profile, k) && answers_get (profile, k) != NULL
        && k != ANSWER_PRESET)
      answers_set (a, k, answers_get (profile, k), ORIGIN_ANSWER);
  /* A config patch or mmctl's output has no SiteURL, from which the plugin
     makes the URLs Zoom calls: they cannot be checked, which is said once
     instead of as missing values. */
  gboolean no_site = deployed_name_for (d->format, ANSWER_SITE_URL) != NULL
                     && answers_get (a, ANSWER_SITE_URL) == NULL;

  g_autoptr (Findings) findings = findings_new ();
  g_autoptr (Catalog) catalog = catalog_load (NULL, &error);
  if (catalog == NULL)
    {
      cli_error (_("cannot load the scope catalog: %s"), error->message);
      return EXIT_USAGE;
    }
  g_autoptr (Findings) all = findings_new ();
  /* The keys of rules' findings that such a file does not hold. */
  g_autoptr (GPtrArray) not_checked = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (not_checked, NULL);
  rules_check_answers (a, catalog, all);
  for (guint i = 0; i < all->items->len; i++)
    {
      const Finding *f = all->items->pdata[i];
      int k = answer_key_by_name (f->key);
      if (k >= 0 && !deployed_gives (d, k))
        {
          if (!g_strv_contains ((const char *const *) not_checked->pdata, f->key))
            g_ptr_array_insert (not_checked, (gint) not_checked->len - 1, g_strdup (f->key));
          continue;
        }
      findings_add (findings, f->severity, f->rule, f->key, "%s", f->message);
      if (f->fix != NULL)
        findings_set_fix (findings, "%s", f->fix);
    }
  if (no_site)
    {
      findings_add (findings, SEVERITY_WARNING, "site-url-unknown", "site_url", "%s",
                    _("the file has no ServiceSettings.SiteURL, from which the plugin "
                      "makes its redirect URL and the event endpoint: neither is checked, "
                      "nor is the endpoint tested"));
      findings_set_fix (findings, "%s",
                        _("Run zoomwiz doctor on the server's config.json, or give "
                          "--profile NAME with the profile this was exported from."));
    }
  for (guint i = 0; i < d->findings->items->len; i++)
    {
      const Finding *f = d->findings->items->pdata[i];
      findings_add (findings, f->severity, f->rule, f->key, "%s", f->message);
      if (f->fix != NULL)
        findings_set_fix (findings, "%s", f->fix);
    }
  if (profile != NULL)
    deployed_compare (d, profile, profile_name, where, findings);

  /* The live checks, unless the answers cannot reach Zoom. */
  g_autoptr (Verification) v = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *signed_with = NULL;
  const char *signed_with_id = NULL;
  gboolean blocked = FALSE;
  for (guint i = 0; i < findings->items->len; i++)
    blocked = blocked || cli_blocks_verify (findings->items->pdata[i]);
  if (no_test)
    skipped = g_strdup (_("Live checks: not run (--no-test)."));
  else if (blocked)
    skipped = g_strdup (_("Live checks: not run: the errors above must be fixed "
                          "before Zoom can be asked."));
  else if (answers_get (a, ANSWER_CLIENT_ID) == NULL
           || answers_get (a, ANSWER_CLIENT_SECRET) == NULL)
    skipped = g_strdup (_("Live checks: not run: the file gives no client ID and "
                          "secret that can be read."));
  else
    {
      g_autoptr (Answers) live = answers_copy (a);
      g_autoptr (Answers) zoomside = profile != NULL ? profile_filled (profile) : NULL;
      /* Zoom signs events with its Secret Token (the profile's) and sends
         them to the URL it has: what a wrong deployed value breaks. */
      if (zoomside != NULL && answers_get (zoomside, ANSWER_SECRET_TOKEN) != NULL)
        {
          answers_set (live, ANSWER_SECRET_TOKEN, answers_get (zoomside, ANSWER_SECRET_TOKEN),
                       ORIGIN_ANSWER);
          if (answers_get (zoomside, ANSWER_EVENT_ENDPOINT) != NULL)
            answers_set (live, ANSWER_EVENT_ENDPOINT,
                         answers_get (zoomside, ANSWER_EVENT_ENDPOINT), ORIGIN_ANSWER);
          signed_with_id = "profile";
          signed_with = g_strdup_printf (_("The event endpoint was sent events signed with "
                                           "the Secret Token of profile %s, as Zoom signs "
                                           "them."),
                                         profile_name);
        }
      else if (answers_get (live, ANSWER_SECRET_TOKEN) != NULL
               && answers_get (live, ANSWER_EVENT_ENDPOINT) != NULL)
        {
          signed_with_id = "file";
          signed_with = g_strdup (_("The event endpoint was sent events signed with this "
                                    "file's Secret Token: a pass shows the endpoint runs "
                                    "with this file, not that Zoom's Secret Token is the "
                                    "same (give --profile NAME to test with Zoom's)."));
        }
      g_autoptr (Preset) p = preset != NULL ? preset_load (preset, NULL) : NULL;
      VerifyOptions o = cli_verify_options (&zoom, live);
      o.receiver_hint = p != NULL ? p->receiver_secret : NULL;
      o.receiver_404 = p != NULL ? p->receiver_404 : NULL;
      o.catalog = catalog;
      v = verify_run (live, &o);
    }

  guint errors = findings_count (findings, SEVERITY_ERROR);
  int status = errors > 0 ? EXIT_FINDINGS : v != NULL ? verification_exit_status (v) : EXIT_OK;
  if (json)
    print_json (d, a, preset, preset_reason, (const char *const *) not_checked->pdata,
                profile_name, findings, v ? v->checks : NULL,
                skipped, signed_with_id, errors, status == EXIT_OK);
  else
    print_text (d, a, preset, preset_reason, (const char *const *) not_checked->pdata,
                findings, v ? v->checks : NULL, skipped, signed_with,
                g_strcmp0 (signed_with_id, "file") == 0, errors,
                findings_count (findings, SEVERITY_WARNING));
  return status;
}
