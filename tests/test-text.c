/* test-text.c - edit distance, nearest names, splitting.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "core/text.h"

#include <string.h>

static void
test_distance (void)
{
  g_assert_cmpuint (text_distance ("", ""), ==, 0);
  g_assert_cmpuint (text_distance ("abc", "abc"), ==, 0);
  g_assert_cmpuint (text_distance ("abc", ""), ==, 3);
  g_assert_cmpuint (text_distance ("kitten", "sitting"), ==, 3);
  /* A swap of neighbours is one edit. */
  g_assert_cmpuint (text_distance ("meetnig", "meeting"), ==, 1);
  g_assert_cmpuint (text_distance ("admn", "admin"), ==, 1);
}

static void
test_nearest (void)
{
  static const char *const names[]
      = { "client_id", "client_secret", "account_id", "site_url", NULL };
  g_auto (GStrv) a = text_nearest ("clent_id", names, -1, 3);
  g_auto (GStrv) b = text_nearest ("zzzzzzzz", names, -1, 3);
  g_auto (GStrv) c = text_nearest ("client_id", names, -1, 3);

  g_assert_cmpstr (a[0], ==, "client_id");
  g_assert_null (b[0]);
  /* An exact match is not a suggestion. */
  for (char **p = c; *p != NULL; p++)
    g_assert_cmpstr (*p, !=, "client_id");
}

static void
test_split (void)
{
  g_auto (GStrv) a = text_split (" a  b,c;;d ", " ,;");
  g_auto (GStrv) b = text_split (NULL, " ");
  g_auto (GStrv) c = text_split ("https://x/a ; https://x/b", ";");

  g_assert_cmpuint (g_strv_length (a), ==, 4);
  g_assert_cmpstr (a[3], ==, "d");
  g_assert_cmpuint (g_strv_length (b), ==, 0);
  g_assert_cmpstr (c[0], ==, "https://x/a");
  g_assert_cmpstr (c[1], ==, "https://x/b");
}

static void
test_has_space (void)
{
  g_assert_false (text_has_space ("abc"));
  g_assert_false (text_has_space (NULL));
  g_assert_true (text_has_space ("a b"));
  g_assert_true (text_has_space ("ab\n"));
  g_assert_true (text_has_space ("\tab"));
}

/* A word for a pasted command: left alone when no shell treats a character
 * of it specially, quoted so that sh reads it back whole otherwise. */
static void
test_shell_word (void)
{
  const char *plain[] = { "/etc/zoomwiz/a.ini", "my-app_1.ini", "user@host:x,y+%", NULL };
  for (int i = 0; plain[i] != NULL; i++)
    {
      g_autofree char *w = text_shell_word (plain[i]);
      g_assert_cmpstr (w, ==, plain[i]);
    }
  const char *quoted[] = { "", "a b", "it's", "$HOME", "a;rm -rf x", "`x`", "a\"b", "~", "*", NULL };
  for (int i = 0; quoted[i] != NULL; i++)
    {
      g_autofree char *w = text_shell_word (quoted[i]);
      g_autofree char *back = g_shell_unquote (w, NULL);
      g_assert_cmpstr (w, !=, quoted[i]);
      g_assert_cmpint (w[0], ==, '\'');
      g_assert_cmpstr (back, ==, quoted[i]);
    }
}

static void
test_sanitize (void)
{
  g_autofree char *a = text_sanitize ("ok\033[2J\033]52;c;x\a\r\nend", -1, 100);
  g_autofree char *b = text_sanitize ("\xff\xfe" "ab", -1, 100);
  g_autofree char *c = text_sanitize ("abcdef", -1, 3);
  g_autofree char *d = text_sanitize ("a\0b", 3, 10);
  g_assert_null (strchr (a, '\033'));
  g_assert_null (strchr (a, '\a'));
  g_assert_null (strchr (a, '\n'));
  g_assert_true (g_str_has_prefix (a, "ok "));
  g_assert_true (g_utf8_validate (b, -1, NULL));
  g_assert_cmpstr (c, ==, "abc…");
  g_assert_cmpstr (d, ==, "a\xef\xbf\xbd" "b"); /* NUL: U+FFFD */
}

static void
test_http_date (void)
{
  /* RFC 9110's example, in each of its three forms. */
  g_assert_cmpint (text_http_date ("Sun, 06 Nov 1994 08:49:37 GMT"), ==, 784111777);
  g_assert_cmpint (text_http_date ("Sunday, 06-Nov-94 08:49:37 GMT"), ==, 784111777);
  g_assert_cmpint (text_http_date ("Sun Nov  6 08:49:37 1994"), ==, 784111777);
  g_assert_cmpint (text_http_date ("Thu, 01 Jan 2037 00:00:00 GMT"), ==, 2114380800);
  g_assert_cmpint (text_http_date ("Sun, 06 Nov 1994 08:49:37 UTC"), ==, -1);
  g_assert_cmpint (text_http_date ("Sun, 06 Nov 1994 08:49:37 GMT trailing"), ==, -1);
  g_assert_cmpint (text_http_date ("Sun, 06 Foo 1994 08:49:37 GMT"), ==, -1);
  g_assert_cmpint (text_http_date ("Sun, 06 ovD 1994 08:49:37 GMT"), ==, -1);
  g_assert_cmpint (text_http_date ("Sun, 31 Feb 1994 08:49:37 GMT"), ==, -1);
  g_assert_cmpint (text_http_date ("Sun, 06 Nov 1994 25:49:37 GMT"), ==, -1);
  g_assert_cmpint (text_http_date ("2026-12-03T10:00:00Z"), ==, -1);
  g_assert_cmpint (text_http_date (""), ==, -1);
  g_assert_cmpint (text_http_date ("120"), ==, -1);
}

static void
test_width (void)
{
  g_assert_cmpint (text_width (""), ==, 0);
  g_assert_cmpint (text_width ("abc"), ==, 3);
  g_assert_cmpint (text_width ("Prüfen"), ==, 6);
  g_assert_cmpint (text_width ("設定"), ==, 4);
  g_assert_cmpint (text_width ("e\xcc\x81"), ==, 1); /* e and a combining acute */
  GString *s = g_string_new (NULL);
  text_pad (s, "名前", 6);
  text_pad (s, "|", 0);
  text_pad (s, "Größe", 7);
  g_string_append_c (s, '|');
  g_assert_cmpstr (s->str, ==, "名前  |Größe  |");
  g_string_free (s, TRUE);
}

/* S without its spaces and newlines. */
static char *
without_blanks (const char *s)
{
  GString *out = g_string_new (NULL);
  for (; *s != '\0'; s++)
    if (*s != ' ' && *s != '\n')
      g_string_append_c (out, *s);
  return g_string_free (out, FALSE);
}

/* Every line of LINES at most WIDTH columns, and their text the words of
 * TEXT in order: nothing lost. */
static void
assert_wrapped (const char *text, int width, char **lines)
{
  for (char **l = lines; *l != NULL; l++)
    g_assert_cmpint (text_width (*l), <=, width);
  g_autofree char *joined = g_strjoinv ("", lines);
  g_autofree char *got = without_blanks (joined);
  g_autofree char *want = without_blanks (text);
  g_assert_cmpstr (got, ==, want);
}

static void
test_wrap (void)
{
  g_auto (GStrv) empty = text_wrap ("", 10, NULL);
  g_assert_cmpuint (g_strv_length (empty), ==, 0);

  g_auto (GStrv) words = text_wrap ("one two three four", 9, NULL);
  g_assert_cmpuint (g_strv_length (words), ==, 3);
  g_assert_cmpstr (words[0], ==, "one two");
  g_assert_cmpstr (words[1], ==, "three");
  g_assert_cmpstr (words[2], ==, "four");
  g_auto (GStrv) lines = text_wrap ("a\n\nb", 9, NULL);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[1], ==, "");

  /* A URL longer than the line: broken, all of it shown. */
  const char *url = "see https://example.com/plugins/zoom/webhook?x=1 now";
  g_auto (GStrv) u = text_wrap (url, 20, NULL);
  assert_wrapped (url, 20, u);
  g_assert_cmpstr (u[0], ==, "see");
  g_assert_cmpstr (u[1], ==, "https://example.com/");

  /* Japanese has no spaces: it breaks between characters, by columns. */
  const char *ja = "Zoomの認証情報を入力してください。次に進みます。";
  g_auto (GStrv) j = text_wrap (ja, 20, NULL);
  assert_wrapped (ja, 20, j);
  g_assert_cmpuint (g_strv_length (j), ==, 3);
  g_assert_cmpstr (j[0], ==, "Zoomの認証情報を入力"); /* 4 + 8x2 = 20 columns */
  /* No line starts with a closing mark: "。" stays with what it closes. */
  for (int width = 4; width < 30; width++)
    {
      g_auto (GStrv) k = text_wrap ("「設定」を開いて、保存します。", width, NULL);
      assert_wrapped ("「設定」を開いて、保存します。", width, k);
      for (char **l = k; *l; l++)
        {
          g_assert_false (g_str_has_prefix (*l, "。"));
          g_assert_false (g_str_has_prefix (*l, "、"));
          g_assert_false (g_str_has_prefix (*l, "」"));
          g_assert_false (g_str_has_suffix (*l, "「"));
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/distance", test_distance);
  g_test_add_func ("/text/nearest", test_nearest);
  g_test_add_func ("/text/split", test_split);
  g_test_add_func ("/text/has-space", test_has_space);
  g_test_add_func ("/text/shell-word", test_shell_word);
  g_test_add_func ("/text/sanitize", test_sanitize);
  g_test_add_func ("/text/http-date", test_http_date);
  g_test_add_func ("/text/width", test_width);
  g_test_add_func ("/text/wrap", test_wrap);
  return g_test_run ();
}
