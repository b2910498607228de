/* view_save.c - the last step: the profile's name, where its secrets go,
 * an export and its path; then the finish screen with what to paste into
 * the Marketplace (copied with ^Y), the checklist, and where every file
 * went.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "view.h"
#include "core/export.h"
#include "core/secret.h"
#include "store/exports.h"
#include "store/fileio.h"

#include <errno.h>
#include <string.h>

enum { SAVE_NAME, SAVE_STORE, SAVE_FORMAT, SAVE_PATH, SAVE_N };

static const char *const stores[] = { "keyring", "file", NULL };

typedef struct
{
  Field fields[SAVE_N];
  gboolean path_edited;
  gboolean saved; /* the profile exists now: saving again replaces it */
  char *replace;  /* a profile of this name exists, and Enter again replaces it */
} Save;

static Save save;

/* Paste rows of the finish screen: a label and the value to copy. */
typedef struct
{
  const char *label;
  AnswerKey key;
  char *value;
} Row;

static GPtrArray *paste_rows; /* Row* */

static const char *
save_label (int i)
{
  switch (i)
    {
    case SAVE_NAME: return _("Profile name");
    case SAVE_STORE: return _("Secrets in");
    case SAVE_FORMAT: return _("Export");
    default: return _("Export to");
    }
}

static void
set_text (Field *f, const char *text)
{
  explicit_bzero (f->text->str, f->text->len);
  g_string_assign (f->text, text);
  f->cursor = g_utf8_strlen (text, -1);
}

/* The export path follows the name and the format until it is typed. */
static void
default_path (void)
{
  ExportFormat format;
  if (save.path_edited)
    return;
  if (!export_format_from_name (save.fields[SAVE_FORMAT].text->str, &format))
    {
      set_text (&save.fields[SAVE_PATH], "");
      return;
    }
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *file = g_strconcat (save.fields[SAVE_NAME].text->str,
                                       export_file_suffix (format), NULL);
  g_autofree char *path = g_build_filename (cwd, file, NULL);
  set_text (&save.fields[SAVE_PATH], path);
}

static void
save_enter (Tui *t)
{
  const char *preset = answers_get (t->s->a, ANSWER_PRESET);
  for (int i = 0; i < SAVE_N; i++)
    {
      if (save.fields[i].text == NULL)
        save.fields[i].text = g_string_new (NULL);
      save.fields[i].key = ANSWER_N_KEYS;
    }
  if (save.fields[SAVE_NAME].text->len == 0)
    set_text (&save.fields[SAVE_NAME], t->o->profile ? t->o->profile
                                       : preset != NULL ? preset : "zoom");
  set_text (&save.fields[SAVE_STORE], stores[t->store == SECRET_STORE_FILE]);
  if (save.fields[SAVE_FORMAT].text->len == 0)
    set_text (&save.fields[SAVE_FORMAT],
              t->s->preset != NULL && t->s->preset->export_format != NULL
                  ? t->s->preset->export_format : "env");
  default_path ();
}

static void
save_draw (Tui *t, int top, int bottom)
{
  int cols = screen_cols ();
  (void) bottom;
  for (int i = 0; i < SAVE_N; i++)
    {
      int y = top + 2 * i;
      int lw = screen_put (y, 2, cols - 4, i == t->focus ? ATTR_TITLE : ATTR_NORMAL, FALSE,
                           save_label (i));
      field_draw (t, &save.fields[i], y + 1, 4, cols - 6, i == t->focus);
      const char *hint = NULL;
      if (i == SAVE_STORE)
        hint = strcmp (save.fields[i].text->str, "file") == 0
                   ? _("a 0600 file beside the profile (Space changes it)")
                   : _("the Secret Service keyring (Space changes it)");
      else if (i == SAVE_FORMAT)
        hint = _("what the server takes, or none (Space changes it)");
      else if (i == SAVE_PATH)
        hint = _("written with mode 0600; an existing file is never replaced");
      if (hint != NULL)
        screen_put (y, 2 + lw + 2, cols - lw - 6, ATTR_DIM, FALSE, hint);
    }
}

static void
cycle (Field *f, const char *const *choices)
{
  int n = (int) g_strv_length ((char **) choices), at = 0;
  for (int i = 0; i < n; i++)
    if (strcmp (choices[i], f->text->str) == 0)
      at = (i + 1) % n;
  set_text (f, choices[at]);
}

static const char *const formats[] = { "none", "env", "json", "mattermost", "recall",
                                       "k8s", "systemd", NULL };

static void
paste_rows_add (Tui *t, AnswerKey key)
{
  const char *v = answers_get (t->s->a, key);
  if (v == NULL || *v == '\0')
    return;
  Row *r = g_new0 (Row, 1);
  r->label = flow_key_label (key);
  r->key = key;
  r->value = g_strdup (v);
  g_ptr_array_add (paste_rows, r);
}

static void
row_free (gpointer p)
{
  Row *r = p;
  explicit_bzero (r->value, strlen (r->value));
  g_free (r->value);
  g_free (r);
}

/* Saves the profile and writes the export; FALSE with the message set and
 * the field at fault focused. */
static gboolean
do_save (Tui *t)
{
  g_autoptr (GError) error = NULL;
  const char *name = save.fields[SAVE_NAME].text->str;
  const char *path = save.fields[SAVE_PATH].text->str;
  ExportFormat format;
  gboolean exporting = export_format_from_name (save.fields[SAVE_FORMAT].text->str, &format);
  SecretStore store = strcmp (save.fields[SAVE_STORE].text->str, "file") == 0
                          ? SECRET_STORE_FILE : SECRET_STORE_KEYRING;

  if (!profile_name_ok (name, &error))
    {
      t->focus = SAVE_NAME;
      tui_set_message (t, ATTR_ERROR, "%s", error->message);
      return FALSE;
    }
  /* The export is checked before anything is written. Its text holds
   * secrets: secret_free zeroes it. */
  char *text = NULL;
  ExportOptions eo = { .profile = name, .secrets_at = profile_secrets_at (store) };
  if (exporting)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      if (*path == '\0' || !g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          t->focus = SAVE_PATH;
          tui_set_message (t, ATTR_ERROR, _("There is no folder %s: give the path of a "
                                            "file in a folder that exists."),
                           *path ? dir : "''");
          return FALSE;
        }
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          t->focus = SAVE_PATH;
          tui_set_message (t, ATTR_ERROR, _("%s exists, and zoomwiz does not replace "
                                            "it: give another path, or move it away."),
                           path);
          return FALSE;
        }
      text = export_render (format, t->s->a, t->s->preset, &eo, &error);
      if (text == NULL)
        {
          t->focus = SAVE_FORMAT;
          tui_set_message (t, ATTR_ERROR, "%s", error->message);
          return FALSE;
        }
    }
  gboolean replace = t->o->force || save.saved || g_strcmp0 (save.replace, name) == 0;
  if (!profile_save (name, t->s->a, store, replace, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_EXIST))
        {
          /* The command line's --force, said as this screen's keys. */
          g_free (save.replace);
          save.replace = g_strdup (name);
          t->focus = SAVE_NAME;
          tui_set_message (t, ATTR_ERROR, _("A profile %s exists already: give another "
                                            "name, or press Enter again to replace it."),
                           name);
        }
      else if (g_error_matches (error, ZW_ERROR, ZW_ERROR_NOT_CONNECTED))
        {
          t->focus = SAVE_STORE;
          tui_set_message (t, ATTR_ERROR, _("%s. Nothing was saved. Choose file under "
                                            "Secrets in (a 0600 file), or start a "
                                            "keyring and press Enter again."),
                           error->message);
        }
      else
        {
          t->focus = SAVE_NAME;
          tui_set_message (t, ATTR_ERROR, "%s", error->message);
        }
      if (text != NULL)
        secret_free (text);
      return FALSE;
    }
  save.saved = TRUE;
  g_free (t->saved_profile);
  t->saved_profile = g_strdup (name);
  if (text != NULL)
    {
      gboolean ok = fileio_write (path, text, strlen (text), 0600, FALSE, &error);
      /* Recorded for zoomwiz rotate, as export -o does; the export stands
       * without it. */
      if (ok)
        exports_remember (name, path, export_format_names ()[format], &eo, text,
                          strlen (text), NULL);
      secret_free (text);
      if (!ok)
        {
          t->focus = SAVE_PATH;
          tui_set_message (t, ATTR_ERROR, _("The profile is saved, but the export is not: "
                                            "%s"),
                           error->message);
          return FALSE;
        }
      g_free (t->saved_export);
      t->saved_export = g_strdup (path);
    }
  return TRUE;
}

/* What the finish screen shows, and what stays on the terminal after. */
static char *
finish_text (Tui *t)
{
  GString *s = g_string_new (NULL);
  g_autofree char *profile = profile_path (t->saved_profile);
  g_string_append_printf (s, _("Profile %s saved: %s.\n"), t->saved_profile, profile);
  if (profile_secret_store (t->saved_profile) == SECRET_STORE_FILE)
    g_string_append (s, _("Its secrets are in a 0600 file beside it.\n"));
  else
    g_string_append (s, _("Its secrets are in the keyring.\n"));
  if (t->saved_export != NULL)
    g_string_append_printf (s, _("Export written (mode 0600): %s\n"), t->saved_export);
  if (t->saved_export != NULL
      && strcmp (save.fields[SAVE_FORMAT].text->str, "mattermost") == 0)
    {
      g_autofree char *steps = export_mattermost_steps (t->s->a, t->saved_export);
      g_string_append_printf (s, "\n%s", steps);
    }
  g_auto (GStrv) left = flow_session_left (
      t->s, profile_secrets_at (profile_secret_store (t->saved_profile)));
  if (left[0] != NULL)
    g_string_append_printf (s, "\n%s\n", flow_guide_label (NULL));
  for (guint i = 0; left[i] != NULL; i++)
    g_string_append_printf (s, "%u. %s\n", i + 1, left[i]);
  g_string_append_printf (s, _("\nEvery step in one list: zoomwiz export --profile %s "
                               "--format checklist\n"),
                          t->saved_profile);
  return g_string_free (s, FALSE);
}

static ViewResult
save_key (Tui *t, Key k)
{
  Field *f = &save.fields[t->focus];
  if (tui_move_focus (t, k, SAVE_N))
    return VIEW_STAY;
  switch (k.action)
    {
    case ACT_ENTER:
      if (!do_save (t))
        return VIEW_STAY;
      g_free (t->finish_text);
      t->finish_text = finish_text (t);
      t->status = t->live_failed ? 1 : 0;
      t->view = &view_finish;
      t->focus = 0;
      t->top = 0;
      tui_set_message (t, ATTR_OK, "%s", _("Saved. What to paste where is below."));
      view_finish.enter (t);
      return VIEW_STAY;
    default:
      break;
    }
  if (t->focus == SAVE_STORE || t->focus == SAVE_FORMAT)
    {
      if (k.action == ACT_CHAR && k.ch == ' ')
        {
          cycle (f, t->focus == SAVE_STORE ? stores : formats);
          default_path ();
        }
      return VIEW_STAY;
    }
  if (field_edit (f, k))
    {
      if (t->focus == SAVE_PATH)
        save.path_edited = TRUE;
      else
        default_path ();
    }
  return VIEW_STAY;
}

const View view_save = { save_enter, save_draw, save_key,
                         N_(" Enter save  Tab/↑↓ field  Space change  ^P back  Esc quit"), NULL,
                         FALSE };

/* --- the finish screen --- */

static int finish_fit = 1; /* the text's lines on the screen, last drawn */

static void
finish_enter (Tui *t)
{
  if (paste_rows == NULL)
    paste_rows = g_ptr_array_new_with_free_func (row_free);
  g_ptr_array_set_size (paste_rows, 0);
  static const AnswerKey keys[] = { ANSWER_REDIRECT_URL, ANSWER_ALLOW_LIST,
                                    ANSWER_DEAUTHORIZATION_URL, ANSWER_EVENT_ENDPOINT,
                                    ANSWER_EVENTS, ANSWER_SCOPES, ANSWER_ENCRYPTION_KEY,
                                    ANSWER_WEBHOOK_SECRET };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    paste_rows_add (t, keys[i]);
}

static void
finish_draw (Tui *t, int top, int bottom)
{
  int cols = screen_cols (), lw = 20, y = top;
  /* The labels' column as wide as the widest (a translation's), up to a
   * third of the screen. */
  for (guint i = 0; i < paste_rows->len; i++)
    lw = MAX (lw, screen_width_of (((const Row *) paste_rows->pdata[i])->label));
  lw = MIN (lw, cols / 3);
  /* A created app has these from its manifest: the server still needs
   * them. */
  gboolean created = answers_builder_creates (t->s->a)
                     && answers_get (t->s->a, ANSWER_APP_ID) != NULL;
  screen_put (y++, 2, cols - 4, ATTR_TITLE, FALSE,
              created ? _("In the app zoomwiz created, and for the server (^Y copies the "
                          "line):")
                      : _("To paste into the Marketplace and the server (^Y copies the "
                          "line):"));
  for (guint i = 0; i < paste_rows->len && y < bottom; i++, y++)
    {
      const Row *r = paste_rows->pdata[i];
      g_autofree char *shown = flow_shown_value (r->key, r->value);
      gboolean here = (int) i == t->focus;
      screen_put (y, 2, lw, here ? ATTR_SELECTED : ATTR_NORMAL, TRUE, r->label);
      screen_put (y, 2 + lw + 1, cols - lw - 5, here ? ATTR_SELECTED : ATTR_FIELD, TRUE, shown);
    }
  y++;
  /* The rest of the text, wrapped, scrolled a screen line at a time. */
  g_auto (GStrv) lines = screen_wrap_lines (t->finish_text ? t->finish_text : "", cols - 4);
  int n = (int) g_strv_length (lines);
  int room = MAX (1, bottom - y);
  /* With more than fits, the last line says where the rest is. */
  finish_fit = n > room ? MAX (1, room - 1) : room;
  t->top = CLAMP (t->top, 0, MAX (0, n - finish_fit));
  for (int i = t->top; i < n && i < t->top + finish_fit; i++, y++)
    screen_put (y, 2, cols - 4, ATTR_NORMAL, FALSE, lines[i]);
  if (n > room)
    {
      /* TRANSLATORS: under the finish screen's text: lines shown, of how many. */
      g_autofree char *where = g_strdup_printf (_("lines %d-%d of %d (PgUp/PgDn; ^G all of "
                                                  "it on one screen)"), t->top + 1,
                                                MIN (t->top + finish_fit, n), n);
      screen_put (bottom - 1, 2, cols - 4, ATTR_DIM, FALSE, where);
    }
}

static ViewResult
finish_key (Tui *t, Key k)
{
  int n = (int) paste_rows->len;
  if (tui_move_focus (t, k, n))
    return VIEW_STAY;
  switch (k.action)
    {
    case ACT_PAGE_DOWN:
      t->top += MAX (1, finish_fit - 1); /* one line stays, for the eye */
      break;
    case ACT_PAGE_UP:
      t->top = MAX (0, t->top - MAX (1, finish_fit - 1));
      break;
    case ACT_COPY:
      if (t->focus < n)
        {
          const Row *r = paste_rows->pdata[t->focus];
          tui_copy (t, r->label, r->value);
        }
      break;
    case ACT_ENTER:
    case ACT_QUIT:
      g_clear_pointer (&paste_rows, g_ptr_array_unref);
      for (int i = 0; i < SAVE_N; i++)
        if (save.fields[i].text != NULL)
          {
            g_string_free (save.fields[i].text, TRUE);
            save.fields[i].text = NULL;
          }
      return VIEW_DONE;
    case ACT_CHAR:
      if (k.ch == 'q')
        return finish_key (t, (Key){ ACT_ENTER, 0 });
      break;
    default:
      break;
    }
  return VIEW_STAY;
}

/* Saved: Esc finishes too, and there is no step to go back to. */
const View view_finish = { finish_enter, finish_draw, finish_key,
                           N_(" ↑↓ line  ^Y copy  PgUp/PgDn scroll  ^G read all  Enter finish"), NULL, TRUE };
