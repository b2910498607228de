/* test-preset.c - the presets: they load, are complete, are translated,
 * and fill in the answers.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "core/paths.h"
#include "core/preset.h"
#include "test-languages.h"

#include <glib/gstdio.h>
#include <string.h>

static Catalog *catalog;

static void
test_all_load (void)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) ids = preset_list (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 9);
  for (char **id = ids; *id != NULL; id++)
    {
      g_autoptr (Preset) p = preset_load (*id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (p->id, ==, *id);
      g_assert_nonnull (p->summary);
      g_assert_nonnull (p->app_types[0]);
      g_assert_cmpstr (p->app_types[0], ==, p->defaults[ANSWER_APP_TYPE]);
      g_assert_cmpuint (p->guide->len, >, 0);
      /* Every scope a preset needs is in the catalog, in its family. */
      for (guint i = 0; i < p->scopes->len; i++)
        {
          const Scope *s = catalog_lookup (catalog, ((PresetScope *) p->scopes->pdata[i])->name);
          g_assert_nonnull (s);
          g_assert_true (s->family & SCOPE_FAMILY_GRANULAR);
          g_assert_nonnull (((PresetScope *) p->scopes->pdata[i])->purpose);
        }
      for (guint i = 0; i < p->classic_scopes->len; i++)
        {
          const Scope *s = catalog_lookup (catalog, ((PresetScope *) p->classic_scopes->pdata[i])->name);
          g_assert_nonnull (s);
          g_assert_true (s->family & SCOPE_FAMILY_CLASSIC);
        }
      for (char **g = p->generated; *g != NULL; g++)
        g_assert_true (g_strv_contains ((const char *const *) p->secrets, *g));
    }
}

/* KEY of GROUP has its twin KEY[LANG]; says which is missing when not. */
static gboolean
has_twin (GKeyFile *kf, const char *id, const char *group, const char *key,
          const char *lang)
{
  g_autofree char *twin = g_strdup_printf ("%s[%s]", key, lang);
  if (g_key_file_has_key (kf, group, twin, NULL))
    return TRUE;
  g_test_message ("%s: [%s] %s has no text in %s", id, group, key, lang);
  return FALSE;
}

/* Every text a person reads has a twin in each language of po/LINGUAS
 * (name[de]=..., name[fr]=...). */
static void
test_translated (void)
{
  static const char *const groups[] = { "scopes", "classic scopes", "guide" };
  static const char *const texts[] = { "title", "summary", "receiver_secret", "receiver_404" };
  g_auto (GStrv) ids = preset_list (NULL);
  g_auto (GStrv) langs = test_languages ();
  gboolean all = TRUE;
  for (char **id = ids; *id != NULL; id++)
    {
      g_autofree char *file = g_strconcat (*id, ".ini", NULL);
      g_autofree char *path = paths_data_file ("presets", file, NULL);
      g_autoptr (GKeyFile) kf = g_key_file_new ();
      g_assert_true (g_key_file_load_from_file (kf, path, G_KEY_FILE_KEEP_TRANSLATIONS, NULL));
      g_assert_true (g_key_file_has_key (kf, "preset", "title", NULL));
      for (char **lang = langs; *lang != NULL; lang++)
        {
          for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
            if (g_key_file_has_key (kf, "preset", texts[t], NULL))
              all &= has_twin (kf, *id, "preset", texts[t], *lang);
          for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
            {
              g_auto (GStrv) keys = g_key_file_get_keys (kf, groups[g], NULL, NULL);
              for (char **k = keys; k != NULL && *k != NULL; k++)
                if (strchr (*k, '[') == NULL)
                  all &= has_twin (kf, *id, groups[g], *k, *lang);
            }
        }
    }
  g_assert_true (all);
}

static void
test_unknown (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) info_error = NULL;
  g_assert_null (preset_load ("mattermost-acount", &error));
  g_assert_nonnull (strstr (error->message, "'mattermost-account'"));
  g_assert_null (preset_info ("mattermost-acount", &info_error));
  g_assert_cmpstr (info_error->message, ==, error->message);
}

/* What a list shows of a preset is what the full loader reads, in
 * English and in German. */
static void
test_info (void)
{
  static const char *const languages[] = { "C", "de" };
  static const char *const titles[] = { "Mattermost Zoom plugin, user level",
                                        "Mattermost-Zoom-Plugin, Benutzerebene" };
  g_auto (GStrv) ids = preset_list (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_setenv ("LANGUAGE", languages[i], TRUE);
      g_autoptr (PresetInfo) mattermost = preset_info ("mattermost-user", NULL);
      g_assert_cmpstr (mattermost->title, ==, titles[i]);
      for (char **id = ids; *id != NULL; id++)
        {
          g_autoptr (GError) error = NULL;
          g_autoptr (PresetInfo) info = preset_info (*id, &error);
          g_autoptr (Preset) p = preset_load (*id, NULL);
          g_assert_no_error (error);
          g_assert_cmpstr (info->id, ==, p->id);
          g_assert_cmpstr (info->title, ==, p->title);
          g_assert_cmpstr (info->summary, ==, p->summary);
          g_assert_true (g_strv_equal ((const char *const *) info->app_types,
                                       (const char *const *) p->app_types));
          g_assert_true (g_strv_equal ((const char *const *) info->managements,
                                       (const char *const *) p->managements));
        }
    }
  g_setenv ("LANGUAGE", "C", TRUE);
}

/* PresetInfo of a preset file TEXT, from a data folder of its own. */
static PresetInfo *
info_from_text (const char *text, GError **error)
{
  g_autofree char *data = g_strdup (g_getenv ("ZOOMWIZ_DATADIR"));
  g_autofree char *dir = g_dir_make_tmp ("zw-preset-XXXXXX", NULL);
  g_autofree char *presets = g_build_filename (dir, "presets", NULL);
  g_autofree char *path = g_build_filename (presets, "odd.ini", NULL);
  g_assert_cmpint (g_mkdir (presets, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_setenv ("ZOOMWIZ_DATADIR", dir, TRUE);
  PresetInfo *info = preset_info ("odd", error);
  g_setenv ("ZOOMWIZ_DATADIR", data, TRUE);
  g_unlink (path);
  g_rmdir (presets);
  g_rmdir (dir);
  return info;
}

/* The [preset] group is read up to the next group, however indented (what
 * follows is not: its line that is no key line goes unseen); where it is
 * not the first group, the whole file is read. */
static void
test_info_layout (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PresetInfo) first
      = info_from_text ("# a comment\n[preset]\ntitle=First\napp_type=s2s\n"
                        "  [guide]\n1 urls=x\nno key line\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->title, ==, "First");
  g_assert_null (first->summary);
  g_assert_cmpstr (first->app_types[0], ==, "s2s");
  g_assert_null (first->managements[0]);
  g_autoptr (PresetInfo) later
      = info_from_text ("[scopes]\nuser:read:user=why\n[preset]\ntitle=Later\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (later->title, ==, "Later");
  g_autoptr (PresetInfo) untitled = info_from_text ("[preset]\napp_type=general\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (untitled->title, ==, "odd");
  g_assert_null (info_from_text ("[preset]\ntitle=T\nclient_secret=s\n", &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND);
}

static void
test_expand (void)
{
  g_autoptr (Answers) a = answers_new ();
  answers_set (a, ANSWER_SITE_URL, "https://chat.example.com", ORIGIN_ANSWER);
  g_autofree char *x = preset_expand ("{site_url}/plugins/zoom/oauth2/complete", a);
  g_autofree char *y = preset_expand ("{site_url}/w?secret={webhook_secret}", a);
  g_autofree char *z = preset_expand ("https://fixed.example.com/cb", a);
  g_assert_cmpstr (x, ==, "https://chat.example.com/plugins/zoom/oauth2/complete");
  g_assert_null (y);
  g_assert_cmpstr (z, ==, "https://fixed.example.com/cb");
}

static void
test_apply (void)
{
  g_autoptr (Preset) p = preset_load ("mattermost-account", NULL);
  g_autoptr (Answers) a = answers_new ();

  answers_set (a, ANSWER_SITE_URL, "https://chat.example.com", ORIGIN_ANSWER);
  answers_set (a, ANSWER_WEBHOOK_SECRET, "w", ORIGIN_ANSWER);
  answers_set (a, ANSWER_EVENTS, "meeting.ended", ORIGIN_ANSWER);
  preset_apply (p, a, catalog);
  g_assert_cmpstr (answers_get (a, ANSWER_APP_TYPE), ==, "general");
  g_assert_cmpint (a->origin[ANSWER_APP_TYPE], ==, ORIGIN_PRESET);
  g_assert_cmpstr (answers_get (a, ANSWER_REDIRECT_URL), ==,
                   "https://chat.example.com/plugins/zoom/oauth2/complete");
  g_assert_cmpstr (answers_get (a, ANSWER_ALLOW_LIST), ==,
                   "https://chat.example.com/plugins/zoom/oauth2/complete");
  g_assert_cmpstr (answers_get (a, ANSWER_EVENT_ENDPOINT), ==,
                   "https://chat.example.com/plugins/zoom/webhook?secret=w");
  /* A given answer wins over the preset. */
  g_assert_cmpstr (answers_get (a, ANSWER_EVENTS), ==, "meeting.ended");
  g_assert_nonnull (strstr (answers_get (a, ANSWER_SCOPES), "user:read:user:admin"));
}

static void
test_legacy_scopes (void)
{
  g_autoptr (Preset) p = preset_load ("mattermost-user", NULL);
  g_autoptr (Answers) a = answers_new ();

  answers_set (a, ANSWER_APP_TYPE, "oauth-legacy", ORIGIN_ANSWER);
  g_assert_true (preset_required_scopes (p, a, catalog) == p->classic_scopes);
  /* A legacy app that migrated to granular scopes needs the granular list. */
  answers_set (a, ANSWER_SCOPES, "meeting:read:meeting", ORIGIN_ANSWER);
  g_assert_true (preset_required_scopes (p, a, catalog) == p->scopes);
  answers_set (a, ANSWER_APP_TYPE, "general", ORIGIN_ANSWER);
  answers_set (a, ANSWER_SCOPES, NULL, ORIGIN_ANSWER);
  g_assert_true (preset_required_scopes (p, a, catalog) == p->scopes);
}

static Preset *
preset_from_text (const char *text, GError **error)
{
  g_autofree char *dir = g_dir_make_tmp ("zw-preset-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "odd.ini", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  Preset *p = preset_load_file (path, error);
  g_unlink (path);
  g_rmdir (dir);
  return p;
}

static const char *
line_text (const Preset *p, guint i)
{
  return ((const PresetLine *) p->guide->pdata[i])->text;
}

/* A guide line that is not UTF-8 keeps its place (made valid), and
 * the lines after it are all there. */
static void
test_not_utf8 (void)
{
  static const char text[] = "[preset]\ntitle=Odd\n"
                             "[guide]\n1 urls=first\n2 urls=bad \xff byte\n3 urls=third\n"
                             "4 urls=fourth\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (Preset) p = preset_from_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p->guide->len, ==, 4);
  g_assert_cmpstr (line_text (p, 0), ==, "first");
  g_assert_true (g_utf8_validate (line_text (p, 1), -1, NULL));
  g_assert_nonnull (strstr (line_text (p, 1), "byte"));
  g_assert_cmpstr (line_text (p, 3), ==, "fourth");
}

/* A guide line's step and conditions, and keys that are not lines. */
static void
test_guide_lines (void)
{
  static const char text[]
      = "[preset]\ntitle=G\nsteps=integration;urls;save\n"
        "[guide]\n01 urls app_type:general,oauth-legacy=A\n02 urls app_type!s2s events=B\n"
        "03 finish !events=C\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (Preset) p = preset_from_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (p->steps), ==, 3);
  g_assert_cmpstr (p->steps[1], ==, "urls");
  g_autoptr (Answers) a = answers_new ();
  const PresetLine *l0 = p->guide->pdata[0], *l1 = p->guide->pdata[1], *l2 = p->guide->pdata[2];
  g_assert_cmpstr (l0->step, ==, "urls");
  g_assert_cmpstr (l2->step, ==, "finish");
  /* Not given: "is one of" fails, "is none of" holds. */
  g_assert_false (preset_line_applies (l0, a));
  g_assert_false (preset_line_applies (l1, a));
  g_assert_true (preset_line_applies (l2, a));
  answers_set (a, ANSWER_APP_TYPE, "oauth-legacy", ORIGIN_ANSWER);
  answers_set (a, ANSWER_EVENTS, "meeting.ended", ORIGIN_ANSWER);
  g_assert_true (preset_line_applies (l0, a));
  g_assert_true (preset_line_applies (l1, a));
  g_assert_false (preset_line_applies (l2, a));
  answers_set (a, ANSWER_APP_TYPE, "s2s", ORIGIN_ANSWER);
  g_assert_false (preset_line_applies (l0, a));
  g_assert_false (preset_line_applies (l1, a));

  static const char *const bad[] = { "1=no step", "x urls=not a number", "1 urls nokey:a=x",
                                     "1 urls app_type:=empty", "1 urls !app_type:s2s=both" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *t = g_strdup_printf ("[preset]\ntitle=G\n[guide]\n%s\n", bad[i]);
      g_autoptr (GError) e = NULL;
      g_autoptr (Preset) q = preset_from_text (t, &e);
      g_assert_null (q);
      g_assert_error (e, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (e->message, "[guide]"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  catalog = catalog_load (NULL, NULL);
  g_assert_nonnull (catalog);
  g_test_add_func ("/preset/all-load", test_all_load);
  g_test_add_func ("/preset/translated", test_translated);
  g_test_add_func ("/preset/unknown", test_unknown);
  g_test_add_func ("/preset/info", test_info);
  g_test_add_func ("/preset/info-layout", test_info_layout);
  g_test_add_func ("/preset/expand", test_expand);
  g_test_add_func ("/preset/apply", test_apply);
  g_test_add_func ("/preset/legacy-scopes", test_legacy_scopes);
  g_test_add_func ("/preset/not-utf8", test_not_utf8);
  g_test_add_func ("/preset/guide-lines", test_guide_lines);
  int status = g_test_run ();
  catalog_free (catalog);
  return status;
}
