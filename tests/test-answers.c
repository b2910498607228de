/* test-answers.c - reading answers files: keys, secrets and their files,
 * file modes.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "core/answers.h"

#include <glib/gstdio.h>
#include <string.h>

static char *dir;

static char *
write_file (const char *name, const char *text, int mode)
{
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
  return path;
}

static void
test_values (void)
{
  g_autoptr (Findings) f = findings_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_file (
      "a.ini", "[zoomwiz]\napp_type=s2s\nscopes=a:b:c  d:e:f,g:h:i\n"
               "allow_list=https://x.example.com/a;https://x.example.com/b\n", 0644);
  g_autoptr (Answers) a = answers_load (path, f, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (f->items->len, ==, 0);
  g_assert_cmpint (answers_app_type (a), ==, APP_TYPE_S2S);
  g_assert_cmpint (answers_management (a), ==, MANAGEMENT_NONE);
  g_auto (GStrv) scopes = answers_list (a, ANSWER_SCOPES);
  g_auto (GStrv) allow = answers_list (a, ANSWER_ALLOW_LIST);
  g_assert_cmpuint (g_strv_length (scopes), ==, 3);
  g_assert_cmpuint (g_strv_length (allow), ==, 2);
  g_assert_cmpint (a->origin[ANSWER_APP_TYPE], ==, ORIGIN_ANSWER);
}

static void
test_unknown_key (void)
{
  g_autoptr (Findings) f = findings_new ();
  g_autofree char *path = write_file ("b.ini", "[zoomwiz]\nclent_id=x\n[extra]\nk=v\n", 0644);
  g_autoptr (Answers) a = answers_load (path, f, NULL);
  const Finding *first;

  g_assert_nonnull (a);
  g_assert_cmpuint (f->items->len, ==, 2);
  first = f->items->pdata[0];
  g_assert_cmpstr (first->rule, ==, "answers-key-unknown");
  /* The group comes first, then the key with its nearest name. */
  first = f->items->pdata[1];
  g_assert_nonnull (strstr (first->fix, "'client_id'"));
  g_assert_null (answers_get (a, ANSWER_CLIENT_ID));
}

static void
test_not_answers (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Findings) f = findings_new ();
  g_autofree char *nogroup = write_file ("c.ini", "[other]\napp_type=s2s\n", 0644);
  g_autofree char *broken = write_file ("d.ini", "[zoomwiz\napp_type\n", 0644);
  g_autofree char *missing = g_build_filename (dir, "nope.ini", NULL);

  g_assert_null (answers_load (nogroup, f, &error));
  g_assert_nonnull (strstr (error->message, "[zoomwiz]"));
  g_clear_error (&error);
  g_assert_null (answers_load (broken, f, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (answers_load (missing, f, &error));
  g_assert_nonnull (strstr (error->message, "nope.ini"));
}

/* As ssh with a private key: a secret in a file others can read is refused. */
static void
test_loose_secret (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Findings) f = findings_new ();
  g_autofree char *loose = write_file ("e.ini", "[zoomwiz]\nclient_secret=hunter2\n", 0640);
  g_autofree char *tight = write_file ("f.ini", "[zoomwiz]\nclient_secret=hunter2\n", 0600);
  g_autofree char *no_secret = write_file ("g.ini", "[zoomwiz]\nclient_id=abc\n", 0644);

  g_assert_null (answers_load (loose, f, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM);
  g_assert_nonnull (strstr (error->message, "chmod 600"));
  g_assert_null (strstr (error->message, "hunter2"));
  g_clear_error (&error);

  g_autoptr (Answers) a = answers_load (tight, f, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (answers_get (a, ANSWER_CLIENT_SECRET), ==, "hunter2");
  g_autoptr (Answers) b = answers_load (no_secret, f, &error);
  g_assert_no_error (error);
  g_assert_nonnull (b);
}

static void
test_secret_file (void)
{
  g_autoptr (Findings) f = findings_new ();
  g_autofree char *secret = write_file ("token", "s3cr3t-token\n", 0600);
  g_autofree char *loose = write_file ("loose", "s3cr3t-token\n", 0644);
  /* A relative path is relative to the answers file. */
  g_autofree char *path = write_file ("h.ini", "[zoomwiz]\nsecret_token_file=token\n", 0644);
  g_autofree char *bad = write_file ("i.ini", "[zoomwiz]\nsecret_token_file=loose\n"
                                              "client_secret_file=absent\n", 0644);
  g_autofree char *twice = write_file ("j.ini", "[zoomwiz]\nsecret_token_file=token\n"
                                                "secret_token=x\n", 0600);
  g_autoptr (Answers) a = answers_load (path, f, NULL);

  g_assert_cmpstr (answers_get (a, ANSWER_SECRET_TOKEN), ==, "s3cr3t-token");
  g_assert_cmpuint (f->items->len, ==, 0);

  g_autoptr (Answers) b = answers_load (bad, f, NULL);
  g_assert_nonnull (b);
  g_assert_null (answers_get (b, ANSWER_SECRET_TOKEN));
  g_assert_cmpuint (f->items->len, ==, 2);
  g_assert_cmpstr (((Finding *) f->items->pdata[0])->rule, ==, "secret-file");
  g_assert_nonnull (strstr (((Finding *) f->items->pdata[0])->fix, "chmod 600"));
  g_assert_nonnull (strstr (((Finding *) f->items->pdata[1])->message, "absent"));

  g_autoptr (Findings) g = findings_new ();
  g_autoptr (Answers) c = answers_load (twice, g, NULL);
  g_assert_nonnull (c);
  g_assert_true (findings_has_rule (g, "answers-key-twice"));
  g_unlink (secret);
  g_unlink (loose);
}

static void
test_bad_values (void)
{
  g_autoptr (Findings) f = findings_new ();
  g_autofree char *path = write_file ("l.ini", "[zoomwiz]\nclient_secret=\xff\xfehunter2\n"
                                               "app_type=s2s\napp_type=general\n", 0600);
  g_autoptr (Answers) a = answers_load (path, f, NULL);

  g_assert_nonnull (a);
  g_assert_cmpuint (f->items->len, ==, 2);
  g_assert_true (findings_has_rule (f, "answers-value-invalid"));
  g_assert_true (findings_has_rule (f, "answers-key-twice"));
  for (guint i = 0; i < f->items->len; i++)
    g_assert_null (strstr (((Finding *) f->items->pdata[i])->message, "hunter2"));
  g_assert_nonnull (strstr (((Finding *) f->items->pdata[1])->message, "more than once"));
}

static void
test_file_suffix_only_for_secrets (void)
{
  g_autoptr (Findings) f = findings_new ();
  g_autofree char *path = write_file ("k.ini", "[zoomwiz]\nclient_id_file=x\n", 0644);
  g_autoptr (Answers) a = answers_load (path, f, NULL);
  g_assert_nonnull (a);
  g_assert_true (findings_has_rule (f, "answers-key-unknown"));
}

static void
cleanup (void)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  for (const char *n; (n = g_dir_read_name (d)) != NULL;)
    {
      g_autofree char *p = g_build_filename (dir, n, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

/* A URL's ?secret= value is a secret: left out of the data without them. */
static void
test_url_secret (void)
{
  g_autoptr (Answers) a = answers_new ();
  answers_set (a, ANSWER_EVENT_ENDPOINT, "https://x.example.com/h?a=1&secret=S3cr3t#f",
               ORIGIN_ANSWER);
  answers_set (a, ANSWER_SITE_URL, "https://x.example.com/?nosecret=1", ORIGIN_ANSWER);
  g_assert_true (answers_holds_secret (a, ANSWER_EVENT_ENDPOINT));
  g_assert_false (answers_holds_secret (a, ANSWER_SITE_URL));
  g_assert_false (answers_secret_withheld (a, ANSWER_EVENT_ENDPOINT));
  g_autofree char *without = answers_to_data (a, FALSE);
  g_autofree char *with = answers_to_data (a, TRUE);
  g_assert_null (strstr (without, "S3cr3t"));
  g_assert_nonnull (strstr (without, "event_endpoint=https://x.example.com/h?a=1&secret=#f"));
  g_assert_nonnull (strstr (with, "secret=S3cr3t#f"));
  g_assert_nonnull (strstr (without, "nosecret=1"));
  answers_set (a, ANSWER_EVENT_ENDPOINT, "https://x.example.com/h?secret=", ORIGIN_ANSWER);
  g_assert_true (answers_secret_withheld (a, ANSWER_EVENT_ENDPOINT));
  g_assert_false (answers_holds_secret (a, ANSWER_EVENT_ENDPOINT));
  /* Every secret= parameter, not only the first; a fragment's too. */
  static const char *const twice[]
      = { "https://x.example.com/h?secret=&secret=S3cr3t", "https://x.example.com/h?secret=S3cr3t&secret=S3cr3t",
          "https://x.example.com/h?a=1#&secret=S3cr3t", "https://x.example.com/h?a#b?secret=S3cr3t&c" };
  for (guint i = 0; i < G_N_ELEMENTS (twice); i++)
    {
      answers_set (a, ANSWER_EVENT_ENDPOINT, twice[i], ORIGIN_ANSWER);
      g_assert_true (answers_holds_secret (a, ANSWER_EVENT_ENDPOINT));
      g_assert_false (answers_secret_withheld (a, ANSWER_EVENT_ENDPOINT));
      g_autofree char *none = answers_to_data (a, FALSE);
      if (strstr (none, "S3cr3t") != NULL)
        g_error ("%s: its secret is in the data without secrets:\n%s", twice[i], none);
    }
  answers_set (a, ANSWER_EVENT_ENDPOINT, "https://x.example.com/h?secret=&b=1&secret=#secret=",
               ORIGIN_ANSWER);
  g_assert_true (answers_secret_withheld (a, ANSWER_EVENT_ENDPOINT));
  g_assert_false (answers_holds_secret (a, ANSWER_EVENT_ENDPOINT));
  answers_set (a, ANSWER_EVENT_ENDPOINT, "https://x.example.com/secret=S3cr3t?nosecret=1",
               ORIGIN_ANSWER);
  g_assert_false (answers_secret_withheld (a, ANSWER_EVENT_ENDPOINT));
  g_assert_false (answers_holds_secret (a, ANSWER_EVENT_ENDPOINT));
}

/* Values read from a file remember it; setting one forgets; a copy keeps
 * them; the words a profile records go both ways. */
static void
test_provenance (void)
{
  g_autoptr (Findings) f = findings_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_file ("p.ini", "[zoomwiz]\napp_type=s2s\n", 0644);
  g_autoptr (Answers) a = answers_load (path, f, &error);
  g_assert_no_error (error);
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_assert_cmpint (a->provenance[ANSWER_APP_TYPE], ==, PROVENANCE_ANSWERS_FILE);
  g_assert_cmpint (a->provenance[ANSWER_SCOPES], ==, PROVENANCE_UNKNOWN);
  g_assert_cmpstr (a->provenance_file, ==, canonical);
  g_autoptr (Answers) copy = answers_copy (a);
  g_assert_cmpint (copy->provenance[ANSWER_APP_TYPE], ==, PROVENANCE_ANSWERS_FILE);
  g_assert_cmpstr (copy->provenance_file, ==, canonical);
  answers_set (a, ANSWER_APP_TYPE, "general", ORIGIN_ANSWER);
  g_assert_cmpint (a->provenance[ANSWER_APP_TYPE], ==, PROVENANCE_UNKNOWN);
  for (int p = PROVENANCE_ANSWERS_FILE; p < PROVENANCE_N; p++)
    g_assert_cmpint (provenance_by_name (provenance_name (p)), ==, p);
  g_assert_null (provenance_name (PROVENANCE_UNKNOWN));
  g_assert_cmpint (provenance_by_name ("nonsense"), ==, PROVENANCE_UNKNOWN);
  g_assert_cmpint (provenance_by_name (NULL), ==, PROVENANCE_UNKNOWN);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  dir = g_dir_make_tmp ("zw-answers-XXXXXX", NULL);
  g_test_add_func ("/answers/values", test_values);
  g_test_add_func ("/answers/provenance", test_provenance);
  g_test_add_func ("/answers/unknown-key", test_unknown_key);
  g_test_add_func ("/answers/not-answers", test_not_answers);
  g_test_add_func ("/answers/loose-secret", test_loose_secret);
  g_test_add_func ("/answers/secret-file", test_secret_file);
  g_test_add_func ("/answers/bad-values", test_bad_values);
  g_test_add_func ("/answers/file-suffix-only-for-secrets", test_file_suffix_only_for_secrets);
  g_test_add_func ("/answers/url-secret", test_url_secret);
  int status = g_test_run ();
  cleanup ();
  g_free (dir);
  return status;
}
