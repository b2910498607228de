/* view_scopes.c - the scope checklist over the whole catalog: type to
 * filter, Space to select, the preset's required scopes marked with their
 * purpose, and the rules' findings beside the list as the selection
 * changes.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "view.h"

#include <string.h>

#define SIDE_WIDTH 27

static ScopeFamily
families (Tui *t)
{
  return answers_app_type (t->s->a) == APP_TYPE_OAUTH_LEGACY ? SCOPE_FAMILY_BOTH
                                                             : SCOPE_FAMILY_GRANULAR;
}

static const PresetScope *
required (Tui *t, const char *name)
{
  const Catalog *c = flow_session_catalog (t->s, NULL);
  if (t->s->preset == NULL || c == NULL)
    return NULL;
  const GPtrArray *req = preset_required_scopes (t->s->preset, t->s->a, c);
  for (guint i = 0; req != NULL && i < req->len; i++)
    {
      const PresetScope *ps = req->pdata[i];
      if (strcmp (ps->name, name) == 0)
        return ps;
    }
  return NULL;
}

/* The rows: with no filter the selected scopes first, then the required
 * ones, then the rest of the catalog; with one, what matches it. */
static void
rebuild (Tui *t)
{
  const Catalog *c = flow_session_catalog (t->s, NULL);
  g_ptr_array_set_size (t->rows, 0);
  if (c == NULL)
    return;
  if (t->filter->len > 0)
    catalog_filter (c, t->filter->str, SCOPE_LEVEL_ANY, families (t), t->rows);
  else
    {
      g_autoptr (GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_auto (GStrv) selected = answers_list (t->s->a, ANSWER_SCOPES);
      for (char **s = selected; s != NULL && *s != NULL; s++)
        {
          const Scope *scope = catalog_lookup (c, *s);
          if (scope != NULL && g_hash_table_add (seen, (gpointer) scope))
            g_ptr_array_add (t->rows, (gpointer) scope);
        }
      const GPtrArray *req = t->s->preset != NULL
                                 ? preset_required_scopes (t->s->preset, t->s->a, c)
                                 : NULL;
      for (guint i = 0; req != NULL && i < req->len; i++)
        {
          const Scope *scope = catalog_lookup (c, ((PresetScope *) req->pdata[i])->name);
          if (scope != NULL && g_hash_table_add (seen, (gpointer) scope))
            g_ptr_array_add (t->rows, (gpointer) scope);
        }
      g_autoptr (GPtrArray) all = g_ptr_array_new ();
      catalog_filter (c, NULL, SCOPE_LEVEL_ANY, families (t), all);
      for (guint i = 0; i < all->len; i++)
        if (!g_hash_table_contains (seen, all->pdata[i]))
          g_ptr_array_add (t->rows, all->pdata[i]);
    }
  t->focus = MIN (t->focus, MAX ((int) t->rows->len - 1, 0));
}

static void
scopes_enter (Tui *t)
{
  g_autoptr (GError) error = NULL;
  if (flow_session_catalog (t->s, &error) == NULL)
    tui_set_message (t, ATTR_ERROR, "%s", error->message);
  if (t->filter == NULL)
    t->filter = g_string_new (NULL);
  g_string_truncate (t->filter, 0);
  if (t->rows == NULL)
    t->rows = g_ptr_array_new ();
  rebuild (t);
}

static gboolean
is_selected (char **selected, const char *name)
{
  return selected != NULL && g_strv_contains ((const char *const *) selected, name);
}

static void
scopes_draw (Tui *t, int top, int bottom)
{
  int cols = screen_cols ();
  int side = cols >= 2 * SIDE_WIDTH + 10 ? SIDE_WIDTH : 0;
  int lw = cols - 2 - (side > 0 ? side + 2 : 0);
  int sx = 2 + lw + 2;
  g_auto (GStrv) selected = answers_list (t->s->a, ANSWER_SCOPES);
  guint n_selected = selected != NULL ? g_strv_length (selected) : 0;

  /* The filter line. */
  g_autofree char *shown = g_strdup_printf (ngettext ("%u shown", "%u shown", t->rows->len),
                                            t->rows->len);
  int label = screen_put (top, 2, lw, ATTR_NORMAL, FALSE, _("Filter: "));
  int fw = lw - label - screen_width_of (shown) - 2;
  screen_put (top, 2 + label, fw, ATTR_FIELD, TRUE, t->filter->str);
  t->cursor_y = top;
  t->cursor_x = 2 + label + MIN (screen_width_of (t->filter->str), fw - 1);
  screen_put (top, 2 + lw - screen_width_of (shown), screen_width_of (shown), ATTR_DIM,
              FALSE, shown);

  /* The list. */
  int first = top + 1, fit = MAX (1, bottom - first - (side > 0 ? 0 : 4));
  tui_scroll_to_focus (t, fit);
  for (int i = t->top; i < (int) t->rows->len && i < t->top + fit; i++)
    {
      const Scope *s = t->rows->pdata[i];
      const PresetScope *req = required (t, s->name);
      g_autofree char *line = g_strdup_printf ("[%s] %s %s", is_selected (selected, s->name)
                                                                 ? "x" : " ",
                                               req != NULL ? screen_symbol_mark () : " ",
                                               s->name);
      screen_put (first + i - t->top, 2, lw, i == t->focus ? ATTR_SELECTED
                                             : req != NULL ? ATTR_MARK : ATTR_NORMAL,
                  TRUE, line);
    }
  if (t->rows->len == 0)
    screen_put (first, 2, lw, ATTR_DIM, FALSE,
                _("Nothing matches: Backspace or ^U."));

  /* Beside the list (below it on a narrow terminal): the count, the
   * findings, and the scope under the cursor. */
  int y = side > 0 ? top : bottom - 4, x = side > 0 ? sx : 2, w = side > 0 ? side : cols - 4;
  int end = bottom;
  g_autofree char *count = g_strdup_printf (ngettext ("%u scope selected", "%u scopes selected",
                                                      n_selected), n_selected);
  screen_put (y++, x, w, ATTR_TITLE, FALSE, count);
  g_autoptr (Findings) findings = flow_session_findings (t->s, t->step);
  /* A line is kept for saying how many findings did not fit. */
  guint n = findings->items->len, i = 0;
  int room = end - 3 - (n > 1 ? 1 : 0);
  for (; i < n && y < room; i++)
    {
      const Finding *f = findings->items->pdata[i];
      g_autofree char *text = tui_finding_text (f);
      y += screen_wrap (y, x, w, room - y, f->severity == SEVERITY_ERROR ? ATTR_ERROR
                                                                       : ATTR_WARNING,
                        text);
    }
  if (i < n)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("… %u more: ^G shows it",
                                                         "… %u more: ^G shows them all",
                                                         n - i), n - i);
      screen_put (y++, x, w, ATTR_DIM, FALSE, more);
    }
  if (findings->items->len == 0 && n_selected > 0)
    {
      g_autofree char *ok = g_strdup_printf ("%s %s", screen_symbol_pass (),
                                             _("No rule is broken."));
      screen_put (y++, x, w, ATTR_OK, FALSE, ok);
    }
  if (side > 0 && t->focus < (int) t->rows->len)
    {
      const Scope *s = t->rows->pdata[t->focus];
      const PresetScope *req = required (t, s->name);
      int yy = MAX (y + 1, end - 3);
      g_autofree char *about = req != NULL
          ? g_strdup_printf ("%s %s", screen_symbol_mark (), req->purpose)
          : g_strdup_printf ("%s: %s", scope_level_name (s->level), s->info);
      screen_wrap (yy, x, w, end - yy, req != NULL ? ATTR_MARK : ATTR_DIM, about);
    }
}

static void
toggle (Tui *t)
{
  if (t->focus >= (int) t->rows->len)
    return;
  const char *name = ((const Scope *) t->rows->pdata[t->focus])->name;
  g_auto (GStrv) selected = answers_list (t->s->a, ANSWER_SCOPES);
  GPtrArray *next = g_ptr_array_new ();
  gboolean found = FALSE;
  for (char **s = selected; s != NULL && *s != NULL; s++)
    if (strcmp (*s, name) == 0)
      found = TRUE;
    else
      g_ptr_array_add (next, *s);
  if (!found)
    g_ptr_array_add (next, (gpointer) name);
  g_ptr_array_add (next, NULL);
  g_autofree char *value = g_strjoinv (" ", (char **) next->pdata);
  g_ptr_array_free (next, TRUE);
  flow_session_set (t->s, ANSWER_SCOPES, value, NULL);
}

static ViewResult
scopes_key (Tui *t, Key k)
{
  int n = (int) t->rows->len, page = MAX (1, screen_lines () - 12);
  if (tui_move_focus (t, k, n))
    return VIEW_STAY;
  switch (k.action)
    {
    case ACT_PAGE_UP:
      t->focus = MAX (0, t->focus - page);
      break;
    case ACT_PAGE_DOWN:
      t->focus = MAX (0, MIN (n - 1, t->focus + page));
      break;
    case ACT_HOME:
      t->focus = 0;
      break;
    case ACT_END:
      t->focus = MAX (0, n - 1);
      break;
    case ACT_CHAR:
      if (k.ch == ' ')
        {
          toggle (t);
          tui_set_message (t, ATTR_NORMAL, NULL);
        }
      else
        {
          char buf[8];
          g_string_append_len (t->filter, buf, g_unichar_to_utf8 (k.ch, buf));
          t->focus = 0;
          rebuild (t);
        }
      break;
    case ACT_BACKSPACE:
      if (t->filter->len > 0)
        {
          const char *last = g_utf8_find_prev_char (t->filter->str,
                                                    t->filter->str + t->filter->len);
          g_string_truncate (t->filter, (gsize) (last - t->filter->str));
          t->focus = 0;
          rebuild (t);
        }
      break;
    case ACT_KILL_LINE:
      g_string_truncate (t->filter, 0);
      t->focus = 0;
      rebuild (t);
      break;
    case ACT_ENTER:
      {
        g_autoptr (Findings) findings = flow_session_findings (t->s, t->step);
        if (findings_count (findings, SEVERITY_ERROR) == 0)
          return VIEW_NEXT;
        tui_set_message (t, ATTR_ERROR, "%s",
                         _("The selection breaks a rule (beside the list): change it, "
                           "then press Enter."));
        break;
      }
    default:
      break;
    }
  return VIEW_STAY;
}

const View view_scopes = { scopes_enter, scopes_draw, scopes_key,
                           N_(" type to filter  Space select  Enter next  ^G more  ^P back  Esc quit"),
                           NULL, FALSE };
