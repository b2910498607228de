/* cmd_rotate.c - "zoomwiz rotate": a new client secret for a profile's app
 * through Zoom's Marketplace API, with a builder app's token. The order
 * keeps a secret Zoom accepts in every place at every step: the rotation
 * starts with the old secret still valid; the new one is tested; every
 * export the profile wrote is written again; the profile keeps it; only
 * then is the old one revoked. A step that fails stops there, and each
 * place's state is said. doc/reference/marketplace-api.md, "Rotate".
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"
#include "core/export.h"
#include "core/secret.h"
#include "flow/create.h"
#include "net/marketplace.h"
#include "store/exports.h"
#include "store/fileio.h"
#include "store/keyring.h"
#include "store/profile.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#define DEFAULT_TIMEOUT 20

static void
rotate_help (void)
{
  printf (_("Usage: %s rotate --profile NAME [--builder B] [OPTION]...\n"), g_get_prgname ());
  fputs (_("Give the profile's Zoom app a new client secret through Zoom's Marketplace\n"
           "API, with the token of the builder app B. The old secret stays valid while\n"
           "the new one is tested, every export the profile wrote is written again and\n"
           "the profile keeps it; then the old one is revoked. If a step fails, the old\n"
           "secret stays valid and what each place holds is said.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("  -p, --profile NAME      the profile of the app (it needs its app_id)\n"
           "  -b, --builder B         the builder's profile (Server-to-Server, with\n"
           "                          marketplace:update:client_secret; default: the\n"
           "                          one that created the app)\n"
           "      --force             write again exports that were changed by hand\n"
           "      --keep-old          leave the old secret valid for its days of grace\n"
           "                          (servers not yet given the new one keep working)\n"
           "      --zoom-url URL, --api-url URL, --cloud gov, --ca-file PEM,\n"
           "      --timeout N         as for verify\n"
           "  -v, --verbose           show each request and answer (never a secret)\n"
           "  -h, --help              display this help and exit\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 rotated and the old secret revoked, 1 a step failed (the\n"
           "old secret still works), 2 bad usage, answers, or an export changed by\n"
           "hand, 3 Zoom could not be reached, 4 the keyring did not answer.\n"),
         stdout);
  cli_help_end ();
}

/* Where each place stands, as a rotation that stopped leaves it. */
typedef struct
{
  const char *profile;
  const char *revoke_at;   /* NULL: no rotation started at Zoom */
  gboolean new_tested;     /* the new secret got a token */
  gboolean profile_new;    /* the profile keeps the new secret */
  gboolean revoked;        /* Zoom revoked the old secret */
  GPtrArray *records;      /* ExportRecord* */
  gboolean *written;       /* per record: holds the new secret */
  gboolean *skipped;       /* per record: not written (gone, or left alone) */
} Rotation;

static void
say_state (const Rotation *r)
{
  printf ("\n%s\n", _("Where each place stands:"));
  if (r->revoke_at == NULL)
    printf ("  %s\n", _("Zoom: no rotation started; the secret is the one that worked "
                        "before."));
  else if (r->revoked)
    printf ("  %s\n", _("Zoom: the old secret is revoked; only the new one works."));
  else
    /* TRANSLATORS: %s is a time as Zoom gives it, e.g. 2026-12-10T08:00:00Z. */
    printf (_("  Zoom: a new secret is issued; the old one stays valid until %s.\n"),
            r->revoke_at);
  printf (r->revoke_at == NULL ? _("  profile %s: unchanged.\n")
          : r->profile_new      ? _("  profile %s: keeps the new secret.\n")
                                : _("  profile %s: keeps the old secret.\n"),
          r->profile);
  for (guint i = 0; i < r->records->len; i++)
    {
      const ExportRecord *e = r->records->pdata[i];
      printf (r->written[i]          ? _("  %s: holds the new secret.\n")
              : r->skipped[i]        ? _("  %s: not written (see above).\n")
              : r->revoke_at == NULL ? _("  %s: unchanged.\n")
                                     : _("  %s: holds the old secret.\n"),
              e->path);
    }
  if (r->revoke_at != NULL && !r->revoked)
    printf (_("Every place works until %s. Run zoomwiz rotate --profile %s again to "
              "finish: it starts a new rotation, and the old secret goes when it is "
              "done.\n"),
            r->revoke_at, r->profile);
}

/* Writes export E again from A (the new secret); records what it wrote. */
static gboolean
write_again (const char *profile, const ExportRecord *e, const Answers *a, const Preset *p,
             GError **error)
{
  ExportFormat format;
  if (!export_format_from_name (e->format, &format))
    {
      g_set_error (error, ZW_ERROR, ZW_ERROR_INVALID_DATA,
                   _("%s was written as '%s', which this zoomwiz cannot write"), e->path,
                   e->format);
      return FALSE;
    }
  ExportOptions eo = { .profile = profile, .k8s_name = e->k8s_name,
                       .k8s_namespace = e->k8s_namespace,
                       .secrets_at = profile_secrets_at (profile_secret_store (profile)) };
  char *text = export_render (format, a, p, &eo, error);
  if (text == NULL)
    return FALSE;
  gsize len = strlen (text);
  gboolean ok = fileio_write (e->path, text, len, export_holds_secrets (format) ? 0600 : 0644,
                              TRUE, error)
                && exports_remember (profile, e->path, e->format, &eo, text, len, error);
  secret_free (text);
  return ok;
}

/* Checks the exports before anything changes: one changed by hand is left
 * alone only with --force (else FALSE, said); a gone one is skipped. */
static gboolean
exports_ready (Rotation *r, gboolean force)
{
  gboolean ready = TRUE;
  for (guint i = 0; i < r->records->len; i++)
    {
      const ExportRecord *e = r->records->pdata[i];
      ExportFileState state = exports_file_state (e);
      if (state == EXPORT_FILE_GONE)
        {
          r->skipped[i] = TRUE;
          printf (_("%s is gone: it is not written again.\n"), e->path);
        }
      else if (state == EXPORT_FILE_CHANGED && !force)
        {
          ready = FALSE;
          cli_error (_("%s was changed since zoomwiz wrote it: it is not overwritten "
                       "without --force (or move it away, and it is skipped)"),
                     e->path);
        }
    }
  return ready;
}

static int
failed (const Rotation *r, const GPtrArray *checks)
{
  cli_print_checks (checks, FALSE, NULL);
  say_state (r);
  return checks_exit_status (checks) != 0 ? checks_exit_status (checks) : 1;
}

int
cmd_rotate (int argc, char **argv)
{
  enum { OPT_FORCE = 256, OPT_KEEP_OLD };
  static const struct option options[] = {
    { "profile", required_argument, NULL, 'p' },
    { "builder", required_argument, NULL, 'b' },
    { "force", no_argument, NULL, OPT_FORCE },
    { "keep-old", no_argument, NULL, OPT_KEEP_OLD },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    CLI_ZOOM_OPTIONS,
    { NULL, 0, NULL, 0 },
  };
  const char *profile = NULL, *builder = NULL;
  gboolean force = FALSE, keep_old = FALSE, verbose = FALSE;
  CliZoomOptions z = { .timeout = DEFAULT_TIMEOUT };
  int c;

  while ((c = getopt_long (argc, argv, "p:b:vh", options, NULL)) != -1)
    {
      int zoom = cli_option_zoom ("rotate", c, optarg, &z);
      if (zoom == EXIT_USAGE)
        return EXIT_USAGE;
      if (zoom == EXIT_OK)
        continue;
      switch (c)
        {
        case 'p': profile = optarg; break;
        case 'b': builder = optarg; break;
        case OPT_FORCE: force = TRUE; break;
        case OPT_KEEP_OLD: keep_old = TRUE; break;
        case 'v': verbose = TRUE; break;
        case 'h':
          rotate_help ();
          return EXIT_OK;
        default:
          return cli_try_help ("rotate");
        }
    }
  if (optind < argc)
    return cli_usage_error ("rotate", _("unexpected argument '%s'"), argv[optind]);
  if (profile == NULL)
    return cli_usage_error ("rotate", _("give the app's --profile NAME"));
  g_autoptr (Preset) preset = NULL;
  int status = EXIT_USAGE;
  g_autoptr (Answers) app = cli_load_filled_answers ("rotate", NULL, profile, &preset,
                                                     &status);
  if (app == NULL)
    return status;
  /* The builder that created the app, unless another is named. */
  if (builder == NULL && answers_builder_creates (app))
    builder = answers_get (app, ANSWER_BUILDER);
  if (builder == NULL)
    return cli_usage_error ("rotate", _("give the --builder profile whose token rotates "
                                        "the secret"));
  if (strcmp (profile, builder) == 0)
    return cli_usage_error ("rotate", _("the builder rotates other apps' secrets; rotate "
                                        "its own on its App Credentials page"));
  const char *app_id = answers_get (app, ANSWER_APP_ID);
  if (app_id == NULL || *app_id == '\0')
    return cli_usage_error ("rotate", _("profile %s has no app_id: zoomwiz create keeps "
                                        "it; for an app made by hand it is in the address "
                                        "of the app's page in the Marketplace "
                                        "(…/develop/applications/APP_ID/…): give app_id "
                                        "in an answers file, then zoomwiz profiles import "
                                        "%s --answers FILE --force"),
                            profile, profile);
  if (answers_get (app, ANSWER_CLIENT_ID) == NULL || answers_get (app, ANSWER_CLIENT_SECRET) == NULL)
    return cli_usage_error ("rotate", _("profile %s lacks its client_id or client_secret: "
                                        "rotate starts from credentials that work"),
                            profile);
  g_autoptr (Preset) builder_preset = NULL;
  g_autoptr (Answers) b = cli_load_filled_answers ("rotate", NULL, builder, &builder_preset,
                                                   &status);
  if (b == NULL)
    return status;
  if (answers_app_type (b) != APP_TYPE_S2S)
    return cli_usage_error ("rotate", _("the builder %s is not a Server-to-Server app"),
                            builder);

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = exports_load (profile, &error);
  if (records == NULL)
    {
      cli_error ("%s", error->message);
      return EXIT_USAGE;
    }
  g_autofree gboolean *written = g_new0 (gboolean, records->len + 1);
  g_autofree gboolean *skipped = g_new0 (gboolean, records->len + 1);
  Rotation r = { .profile = profile, .records = records, .written = written,
                 .skipped = skipped };
  if (!exports_ready (&r, force))
    {
      fprintf (stderr, "%s\n", _("zoomwiz: nothing was changed."));
      return EXIT_USAGE;
    }

  /* 1. The builder's token, holding the rotation's scope. */
  VerifyOptions vo = cli_verify_options (&z, b);
  vo.log = verbose ? cli_log_to_stderr : NULL;
  g_autoptr (GPtrArray) checks = checks_new ();
  MarketplaceOptions mo;
  g_autoptr (Verification) bv = flow_builder_token (b, &vo, MARKETPLACE_ROTATE, &mo, checks);
  if (bv == NULL)
    return failed (&r, checks);

  /* 2. The rotation starts; the old secret stays valid. */
  g_autofree char *secret = NULL;
  g_autofree char *revoke_at = NULL;
  if (!marketplace_rotate (&mo, app_id, &secret, &revoke_at, checks))
    return failed (&r, checks);
  r.revoke_at = revoke_at;
  g_autoptr (Answers) fresh = answers_copy (app);
  answers_set (fresh, ANSWER_CLIENT_SECRET, secret, ORIGIN_ANSWER);
  if (secret != NULL)
    explicit_bzero (secret, strlen (secret));
  else
    {
      cli_print_checks (checks, FALSE, NULL);
      g_ptr_array_set_size (checks, 0);
      printf (_("Zoom's answer did not carry the new secret: open the app %s in the "
                "Zoom Marketplace (Manage → Created Apps) and copy the new Client Secret "
                "from App Credentials.\n"),
              app_id);
      if (!cli_ask_secret (fresh, ANSWER_CLIENT_SECRET, _("New Client Secret: "), NULL))
        {
          checks_add (checks, "new-secret", CHECK_FAIL,
                      _("Run again at a terminal to paste it."), "%s",
                      _("The new secret was not given."));
          return failed (&r, checks);
        }
    }

  /* 3. The new secret gets a token. */
  VerifyOptions fo = cli_verify_options (&z, fresh);
  fo.log = verbose ? cli_log_to_stderr : NULL;
  g_autoptr (Verification) fv = verify_run (fresh, &fo);
  if (verification_exit_status (fv) != 0)
    {
      cli_print_checks (checks, FALSE, NULL);
      printf ("%s\n", _("The new secret's live checks:"));
      cli_print_checks (fv->checks, FALSE, NULL);
      say_state (&r);
      return verification_exit_status (fv);
    }
  r.new_tested = TRUE;
  checks_add (checks, "new-secret", CHECK_PASS, NULL, "%s",
              _("The new secret passes the app's live checks."));

  /* 4. Every export the profile wrote, written again. */
  for (guint i = 0; i < records->len; i++)
    {
      if (skipped[i])
        continue;
      const ExportRecord *e = records->pdata[i];
      g_autoptr (GError) werror = NULL;
      if (!write_again (profile, e, fresh, preset, &werror))
        {
          checks_add (checks, "exports", CHECK_FAIL,
                      _("Put it right (space, permissions), then run zoomwiz rotate "
                        "again."),
                      _("Cannot write %s again: %s"), e->path, werror->message);
          return failed (&r, checks);
        }
      written[i] = TRUE;
    }
  if (records->len > 0)
    checks_add (checks, "exports", CHECK_PASS, NULL,
                ngettext ("The profile's %u export holds the new secret.",
                          "The profile's %u exports hold the new secret.", records->len),
                records->len);

  /* 5. The profile keeps it. */
  g_autoptr (GError) serror = NULL;
  if (!profile_save (profile, fresh, profile_secret_store (profile), TRUE, &serror))
    {
      checks_add (checks, "profile", CHECK_FAIL,
                  _("Put the store right, then run zoomwiz rotate again."),
                  _("The profile could not keep the new secret: %s"), serror->message);
      int st = failed (&r, checks);
      return keyring_error_unreachable (serror) ? EXIT_STORE : st;
    }
  r.profile_new = TRUE;
  checks_add (checks, "profile", CHECK_PASS, NULL, _("Profile %s keeps the new secret."),
              profile);

  /* 6. Only now: the old secret revoked. */
  if (keep_old)
    {
      checks_add (checks, "revoke", CHECK_SKIP, NULL,
                  _("The old secret stays valid until %s (--keep-old), when Zoom revokes "
                    "it: deploy the exports written again before then."),
                  revoke_at);
      cli_print_checks (checks, FALSE, NULL);
      say_state (&r);
      return EXIT_OK;
    }
  if (!marketplace_revoke_old (&mo, app_id, checks))
    return failed (&r, checks);
  r.revoked = TRUE;
  cli_print_checks (checks, FALSE, NULL);
  say_state (&r);
  printf ("%s\n", _("Deploy the exports written again where your servers read them: the "
                    "old secret no longer works (--keep-old leaves it valid for some days)."));
  return EXIT_OK;
}
