/* text.c - see text.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "text.h"

#include <stdio.h>
#include <string.h>

guint
text_distance (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  /* Three rows are enough for the transposition case. */
  guint *prev2 = g_new0 (guint, lb + 1);
  guint *prev = g_new (guint, lb + 1);
  guint *cur = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    prev[j] = (guint) j;
  for (gsize i = 1; i <= la; i++)
    {
      cur[0] = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (prev[j] + 1, cur[j - 1] + 1);
          best = MIN (best, prev[j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
        }
      guint *t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
  guint d = prev[lb];
  g_free (prev2);
  g_free (prev);
  g_free (cur);
  return d;
}

typedef struct
{
  const char *name;
  guint distance;
} Candidate;

static gint
candidate_compare (gconstpointer pa, gconstpointer pb)
{
  const Candidate *a = pa, *b = pb;
  if (a->distance != b->distance)
    return a->distance < b->distance ? -1 : 1;
  return strcmp (a->name, b->name);
}

char **
text_nearest (const char *word, const char *const *candidates, gssize len,
              guint max)
{
  gsize wl = strlen (word);
  /* A third of the word may be wrong, at least one and at most six edits. */
  guint limit = CLAMP ((guint) (wl / 3), 1, 6);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (gssize i = 0; len < 0 ? candidates[i] != NULL : i < len; i++)
    {
      const char *c = candidates[i];
      gsize cl = strlen (c);
      /* Length difference is a lower bound on the distance: skip early. */
      if ((cl > wl ? cl - wl : wl - cl) > limit)
        continue;
      guint d = text_distance (word, c);
      if (d <= limit && d > 0)
        {
          Candidate cand = { c, d };
          g_array_append_val (hits, cand);
        }
    }
  g_array_sort (hits, candidate_compare);

  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; i < hits->len && i < max; i++)
    g_ptr_array_add (out, g_strdup (g_array_index (hits, Candidate, i).name));
  g_ptr_array_add (out, NULL);
  g_array_free (hits, TRUE);
  return (char **) g_ptr_array_free (out, FALSE);
}

char **
text_split (const char *s, const char *separators)
{
  GPtrArray *out = g_ptr_array_new ();
  /* One copy an item: an allow list may hold tens of thousands. */
  for (const char *p = s; p != NULL && *p != '\0';)
    {
      const char *start = p, *end = p + strcspn (p, separators);
      p = *end != '\0' ? end + 1 : end;
      while (start < end && g_ascii_isspace (*start))
        start++;
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      if (end > start)
        g_ptr_array_add (out, g_strndup (start, end - start));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

char *
text_shell_word (const char *word)
{
  if (*word == '\0')
    return g_shell_quote (word);
  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/._-+,:@%", *p) == NULL)
      return g_shell_quote (word);
  return g_strdup (word);
}

gboolean
text_has_control (const char *s)
{
  /* Not UTF-8: a terminal may take a byte of it for C1's CSI (0x9b). */
  if (!g_utf8_validate (s, -1, NULL))
    return TRUE;
  for (const unsigned char *p = (const unsigned char *) s; *p != '\0'; p++)
    /* C0 and DEL; C1 (U+0080-U+009F) is 0xc2 0x80-0x9f in UTF-8. */
    if (*p < 0x20 || *p == 0x7f || (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
      return TRUE;
  return FALSE;
}

gboolean
text_has_space (const char *s)
{
  for (; s != NULL && *s != '\0'; s++)
    if (g_ascii_isspace (*s))
      return TRUE;
  return FALSE;
}

/* Valid UTF-8, control characters (and the Unicode line separators) as
 * spaces but newline and tab where KEEP_LINES, at most MAX_CHARS (0: no
 * bound). */
static char *
sanitize (const char *data, gssize len, guint max_chars, gboolean keep_lines)
{
  /* An empty answer's body may have no bytes at all (data NULL). */
  g_autofree char *valid = data != NULL ? g_utf8_make_valid (data, len) : g_strdup ("");
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (max_chars > 0 && n++ == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (keep_lines && (c == '\n' || c == '\t'))
        g_string_append_c (out, (char) c);
      else if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

int
text_char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

int
text_width (const char *s)
{
  int w = 0;
  for (const char *p = s; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    w += text_char_width (g_utf8_get_char (p));
  return w;
}

void
text_pad (GString *out, const char *s, int width)
{
  g_string_append (out, s);
  for (int w = text_width (s); w < width; w++)
    g_string_append_c (out, ' ');
}

/* Japanese line-breaking rules (JIS X 4051's kinsoku), the common part. */
static gboolean
no_break_before (gunichar c)
{
  return g_utf8_strchr ("。、，．・：；？！ー」』）〕］｝〉》】〙〗ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々"
                        ".,:;?!)]}…", -1, c) != NULL;
}

static gboolean
no_break_after (gunichar c)
{
  return g_utf8_strchr ("「『（〔［｛〈《【〘〖([{", -1, c) != NULL;
}

typedef struct
{
  GPtrArray *lines;
  GString *line;
  int used;
  int width;
} Wrap;

static void
wrap_newline (Wrap *w)
{
  g_ptr_array_add (w->lines, g_string_free (w->line, FALSE));
  w->line = g_string_new (NULL);
  w->used = 0;
}

/* Places the piece [P, END) of COLUMNS columns, after a space when SPACED. */
static void
wrap_piece (Wrap *w, const char *p, const char *end, int columns, gboolean spaced,
            int (*width_of) (gunichar))
{
  if (columns > w->width)
    {
      /* Wider than a line: it starts one and is cut where the line ends. */
      if (w->line->len > 0)
        wrap_newline (w);
      for (; p < end; p = g_utf8_next_char (p))
        {
          int cw = width_of (g_utf8_get_char (p));
          if (w->used + cw > w->width && w->line->len > 0)
            wrap_newline (w);
          g_string_append_len (w->line, p, g_utf8_next_char (p) - p);
          w->used += cw;
        }
      return;
    }
  int gap = spaced && w->line->len > 0 ? 1 : 0;
  if (w->line->len > 0 && w->used + gap + columns > w->width)
    {
      wrap_newline (w);
      gap = 0;
    }
  if (gap)
    g_string_append_c (w->line, ' ');
  g_string_append_len (w->line, p, end - p);
  w->used += gap + columns;
}

char **
text_wrap (const char *text, int width, int (*width_of) (gunichar c))
{
  if (width_of == NULL)
    width_of = text_char_width;
  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);
  Wrap w = { g_ptr_array_new (), g_string_new (NULL), 0, MAX (width, 1) };
  const char *p = text;
  gboolean spaced = FALSE;
  while (TRUE)
    {
      if (*p == '\0' || *p == '\n')
        {
          wrap_newline (&w);
          if (*p == '\0')
            break;
          p++;
          spaced = FALSE;
          continue;
        }
      if (*p == ' ')
        {
          spaced = TRUE;
          p++;
          continue;
        }
      /* A piece: up to a space, a newline, or a break between characters. */
      const char *start = p;
      int columns = 0;
      gunichar prev = 0;
      while (*p != '\0' && *p != '\n' && *p != ' ')
        {
          gunichar c = g_utf8_get_char (p);
          if (p > start && (g_unichar_iswide (prev) || g_unichar_iswide (c))
              && !no_break_before (c) && !no_break_after (prev))
            break;
          columns += width_of (c);
          prev = c;
          p = g_utf8_next_char (p);
        }
      wrap_piece (&w, start, p, columns, spaced, width_of);
      spaced = FALSE;
    }
  g_string_free (w.line, TRUE);
  g_ptr_array_add (w.lines, NULL);
  return (char **) g_ptr_array_free (w.lines, FALSE);
}

char *
text_sanitize (const char *data, gssize len, guint max_chars)
{
  return sanitize (data, len, max_chars, FALSE);
}

char *
text_clean (const char *text)
{
  return text != NULL ? sanitize (text, -1, 0, TRUE) : NULL;
}

gint64
text_http_date (const char *v)
{
  static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  char wday[16], mon[4], zone[4];
  int day, year, h, m, sec, n = 0;
  /* Sun, 06 Nov 1994 08:49:37 GMT */
  gboolean imf = sscanf (v, "%15[A-Za-z], %2d %3s %4d %2d:%2d:%2d %3s%n", wday, &day, mon,
                         &year, &h, &m, &sec, zone, &n) == 8;
  /* Sunday, 06-Nov-94 08:49:37 GMT: a two-digit year is of 1970-2069. */
  gboolean rfc850 = !imf
                    && sscanf (v, "%15[A-Za-z], %2d-%3s-%2d %2d:%2d:%2d %3s%n", wday, &day,
                               mon, &year, &h, &m, &sec, zone, &n) == 8;
  if (rfc850)
    year += year < 70 ? 2000 : 1900;
  /* Sun Nov  6 08:49:37 1994 */
  gboolean asc = !imf && !rfc850
                 && sscanf (v, "%3s %3s %2d %2d:%2d:%2d %4d%n", wday, mon, &day, &h, &m,
                            &sec, &year, &n) == 7;
  if (asc)
    strcpy (zone, "GMT");
  if (!(imf || rfc850 || asc) || v[n] != '\0' || strcmp (zone, "GMT") != 0
      || strlen (mon) != 3)
    return -1;
  const char *at = strstr (months, mon);
  if (at == NULL || (at - months) % 3 != 0)
    return -1;
  g_autoptr (GDateTime) t
      = g_date_time_new_utc (year, (int) (at - months) / 3 + 1, day, h, m, sec);
  return t != NULL ? g_date_time_to_unix (t) : -1;
}
