/* screen.c - see screen.h. The only file that includes curses.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#define _XOPEN_SOURCE_EXTENDED 1
#include "screen.h"
#include "core/text.h"

#include <curses.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

static SCREEN *term;
static attr_t attrs[ATTR_N];
static gboolean utf8;
static volatile sig_atomic_t pending_signal;

static void
on_end_signal (int sig)
{
  pending_signal = sig;
}

/* What a crash writes to give the terminal back, made at screen_open: a
 * signal handler may call neither curses nor stdio (the main loop may be
 * inside either, holding its buffer or its lock). */
static char restore_seq[256];
static size_t restore_len;
static struct termios saved_tty;
static gboolean have_tty;

static void
add_capability (const char *name)
{
  const char *cap = tigetstr (name);
  /* A capability with a delay ($<5>) needs tputs: left out. */
  if (cap == NULL || cap == (const char *) -1 || strstr (cap, "$<") != NULL)
    return;
  size_t n = strlen (cap);
  if (restore_len + n <= sizeof restore_seq)
    {
      memcpy (restore_seq + restore_len, cap, n);
      restore_len += n;
    }
}

/* A crash: give the terminal back before the default action. */
static void
on_crash (int sig)
{
  static const char msg[] = "zoomwiz: crashed; the terminal was restored.\n";
  if (restore_len > 0 && write (STDOUT_FILENO, restore_seq, restore_len) < 0)
    {
      /* nothing more can be done */
    }
  if (have_tty)
    tcsetattr (STDIN_FILENO, TCSANOW, &saved_tty);
  if (write (STDERR_FILENO, msg, sizeof msg - 1) < 0)
    {
      /* nothing more can be done */
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
handle (int sig, void (*handler) (int))
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sigemptyset (&sa.sa_mask);
  /* No SA_RESTART: a read of the keyboard returns, and the loop sees it. */
  sigaction (sig, &sa, NULL);
}

static void
set_attributes (void)
{
  const char *no_color = g_getenv ("NO_COLOR");
  gboolean colour = has_colors () && (no_color == NULL || *no_color == '\0');

  /* Without colour every distinction is kept with an attribute. */
  attrs[ATTR_NORMAL] = A_NORMAL;
  attrs[ATTR_BAR] = A_REVERSE;
  attrs[ATTR_TITLE] = A_BOLD;
  attrs[ATTR_DIM] = A_DIM;
  attrs[ATTR_SELECTED] = A_REVERSE;
  attrs[ATTR_FIELD] = A_UNDERLINE;
  attrs[ATTR_ERROR] = A_BOLD;
  attrs[ATTR_WARNING] = A_BOLD;
  attrs[ATTR_OK] = A_NORMAL;
  attrs[ATTR_MARK] = A_BOLD;
  if (!colour)
    return;
  start_color ();
  use_default_colors ();
  init_pair (1, COLOR_WHITE, COLOR_BLUE);
  init_pair (2, COLOR_RED, -1);
  init_pair (3, COLOR_YELLOW, -1);
  init_pair (4, COLOR_GREEN, -1);
  init_pair (5, COLOR_CYAN, -1);
  attrs[ATTR_BAR] = COLOR_PAIR (1) | A_BOLD;
  attrs[ATTR_TITLE] = COLOR_PAIR (5) | A_BOLD;
  attrs[ATTR_ERROR] = COLOR_PAIR (2) | A_BOLD;
  attrs[ATTR_WARNING] = COLOR_PAIR (3);
  attrs[ATTR_OK] = COLOR_PAIR (4);
  attrs[ATTR_MARK] = COLOR_PAIR (3) | A_BOLD;
}

gboolean
screen_open (GError **error)
{
  const char *t = g_getenv ("TERM");
  if (t == NULL || *t == '\0' || strcmp (t, "dumb") == 0 || !isatty (STDIN_FILENO)
      || !isatty (STDOUT_FILENO))
    {
      g_set_error (error, ZW_ERROR, ZW_ERROR_NOT_SUPPORTED, "%s",
                   _("this is no terminal that can draw screens"));
      return FALSE;
    }
  utf8 = g_get_charset (NULL);
  have_tty = tcgetattr (STDIN_FILENO, &saved_tty) == 0;
  term = newterm (NULL, stdout, stdin);
  if (term == NULL)
    {
      g_set_error (error, ZW_ERROR, ZW_ERROR_NOT_SUPPORTED,
                   _("the terminal type '%s' is unknown here"), t);
      return FALSE;
    }
  set_term (term);
  /* CAN first: the main loop may have been stopped half-way through an
     escape sequence, which would swallow what follows. */
  restore_seq[0] = '\030';
  restore_len = 1;
  add_capability ("sgr0");
  add_capability ("cnorm");
  add_capability ("rmkx");
  /* Bracketed paste off again (a terminal that never knew it ignores it). */
  static const char paste_off[] = "\033[?2004l";
  if (restore_len + sizeof paste_off <= sizeof restore_seq)
    {
      memcpy (restore_seq + restore_len, paste_off, sizeof paste_off - 1);
      restore_len += sizeof paste_off - 1;
    }
  add_capability ("rmcup");
  handle (SIGHUP, on_end_signal);
  handle (SIGTERM, on_end_signal);
  handle (SIGINT, on_end_signal);
  handle (SIGQUIT, on_end_signal); /* ^\ : as ^C, the terminal given back */
  handle (SIGSEGV, on_crash);
  handle (SIGBUS, on_crash);
  handle (SIGFPE, on_crash);
  handle (SIGILL, on_crash);
  handle (SIGABRT, on_crash);
  cbreak ();
  noecho ();
  nonl ();
  keypad (stdscr, TRUE);
  set_escdelay (25);
  curs_set (0);
  set_attributes ();
  /* Bracketed paste: a paste comes between ESC[200~ and ESC[201~, so that
     its line breaks are text, and its first byte is not taken for Esc. */
  refresh ();
  fputs ("\033[?2004h", stdout);
  fflush (stdout);
  return TRUE;
}

void
screen_close (void)
{
  if (term == NULL)
    return;
  fputs ("\033[?2004l", stdout);
  fflush (stdout);
  endwin ();
  delscreen (term);
  term = NULL;
  signal (SIGSEGV, SIG_DFL);
  signal (SIGBUS, SIG_DFL);
  signal (SIGFPE, SIG_DFL);
  signal (SIGILL, SIG_DFL);
  signal (SIGABRT, SIG_DFL);
}

int
screen_lines (void)
{
  return LINES;
}

int
screen_cols (void)
{
  return COLS;
}

gboolean
screen_too_small (void)
{
  if (COLS >= SCREEN_MIN_COLS && LINES >= SCREEN_MIN_LINES)
    return FALSE;
  erase ();
  g_autofree char *msg
      = g_strdup_printf (_("The terminal is %d×%d; zoomwiz needs at least %d×%d. "
                           "Enlarge the window, or run zoomwiz setup --plain."),
                         COLS, LINES, SCREEN_MIN_COLS, SCREEN_MIN_LINES);
  screen_wrap (0, 0, COLS, LINES, ATTR_NORMAL, msg);
  screen_cursor (-1, -1);
  refresh ();
  return TRUE;
}

void
screen_erase (void)
{
  erase ();
}

/* A terminal in a locale that is not UTF-8 (LANG unset: the C locale)
 * can show ASCII only; the texts' few other characters get a stand-in. */
static gunichar
ascii_stand_in (gunichar c)
{
  static const struct { gunichar c; char ascii; } table[] = {
    { 0x2191, '^' }, { 0x2193, 'v' }, { 0x2190, '<' }, { 0x2192, '>' },
    { 0x00b7, '-' }, { 0x2014, '-' }, { 0x2013, '-' }, { 0x2026, '.' },
    { 0x2022, '*' }, { 0x2605, '*' }, { 0x2713, '+' }, { 0x2717, 'x' },
    { 0x00ab, '"' }, { 0x00bb, '"' }, { 0x201c, '"' }, { 0x201d, '"' },
    { 0x201e, '"' }, { 0x2018, '\'' }, { 0x2019, '\'' }, { 0x00d7, 'x' },
    { 0x25cf, '*' },
  };
  if (c < 0x80)
    return c;
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].c == c)
      return table[i].ascii;
  return '?';
}

char *
screen_text_for_terminal (const char *text)
{
  if (g_get_charset (NULL))
    return g_strdup (text);
  GString *out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      g_string_append_c (out, (char) ascii_stand_in (c));
    }
  return g_string_free (out, FALSE);
}

static int
char_width (gunichar c)
{
  if (!utf8)
    return 1;
  int w = wcwidth ((wchar_t) c);
  return w < 0 ? 1 : w;
}

int
screen_width_of (const char *text)
{
  int w = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    w += char_width (g_utf8_get_char (p));
  return w;
}

int
screen_put (int y, int x, int width, ScreenAttr attr, gboolean fill, const char *text)
{
  if (width <= 0 || y < 0 || y >= LINES)
    return 0;
  const char *ellipsis = utf8 ? "…" : ">";
  int total = screen_width_of (text);
  int room = total > width ? width - 1 : width; /* the last column for "…" */
  wchar_t buf[1024];
  int n = 0, used = 0;

  for (const char *p = text; *p && n < (int) G_N_ELEMENTS (buf) - 2;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      /* A control character (from a server's answer, say) never reaches
       * the terminal. */
      if (c == (gunichar) -1 || c == (gunichar) -2 || c < 0x20 || (c >= 0x7f && c < 0xa0))
        c = '?';
      if (!utf8)
        c = ascii_stand_in (c);
      int w = char_width (c);
      if (used + w > room)
        break;
      buf[n++] = (wchar_t) c;
      used += w;
    }
  if (total > width)
    {
      gunichar e = g_utf8_get_char (ellipsis);
      buf[n++] = (wchar_t) e;
      used += 1;
    }
  buf[n] = 0;
  attrset ((int) attrs[attr]);
  mvaddnwstr (y, x, buf, n);
  if (fill)
    for (int i = used; i < width; i++)
      addch (' ');
  attrset (A_NORMAL);
  return used;
}

char **
screen_wrap_lines (const char *text, int width)
{
  return text_wrap (text, width, char_width);
}

int
screen_wrap (int y, int x, int width, int max_lines, ScreenAttr attr, const char *text)
{
  g_auto (GStrv) lines = screen_wrap_lines (text, width);
  int n = (int) g_strv_length (lines);
  for (int i = 0; i < n && i < max_lines; i++)
    {
      if (i == max_lines - 1 && n > max_lines)
        {
          /* More would follow: say so where the text stops. */
          g_autofree char *cut = g_strconcat (lines[i], " …", NULL);
          screen_put (y + i, x, width, attr, FALSE, cut); /* cut again if too long */
          break;
        }
      screen_put (y + i, x, width, attr, FALSE, lines[i]);
    }
  return MIN (n, max_lines);
}

void
screen_cursor (int y, int x)
{
  if (y < 0)
    {
      curs_set (0);
      return;
    }
  curs_set (1);
  move (y, x);
}

void
screen_update (void)
{
  refresh ();
}

static Action
action_of_code (int code)
{
  switch (code)
    {
    case KEY_UP: return ACT_UP;
    case KEY_DOWN: return ACT_DOWN;
    case KEY_LEFT: return ACT_LEFT;
    case KEY_RIGHT: return ACT_RIGHT;
    case KEY_HOME: return ACT_HOME;
    case KEY_END: return ACT_END;
    case KEY_PPAGE: return ACT_PAGE_UP;
    case KEY_NPAGE: return ACT_PAGE_DOWN;
    case KEY_BTAB: return ACT_BACKTAB;
    case KEY_ENTER: return ACT_ENTER;
    case KEY_BACKSPACE: return ACT_BACKSPACE;
    case KEY_DC: return ACT_DELETE;
    case KEY_RESIZE: return ACT_RESIZE;
    case KEY_F (1): return ACT_DETAILS;
    case KEY_F (2): return ACT_REVEAL;
    case KEY_F (5): return ACT_COPY;
    default: return ACT_NONE;
    }
}

static Action
action_of_char (wint_t c)
{
  switch (c)
    {
    case 27: return ACT_QUIT;
    case '\r':
    case '\n': return ACT_ENTER;
    case '\t': return ACT_TAB;
    case 127:
    case 8: return ACT_BACKSPACE;
    case 1: return ACT_HOME;       /* ^A */
    case 5: return ACT_END;        /* ^E */
    case 7: return ACT_DETAILS;    /* ^G */
    case 16: return ACT_BACK;      /* ^P */
    case 18: return ACT_REVEAL;    /* ^R */
    case 21: return ACT_KILL_LINE; /* ^U */
    case 25: return ACT_COPY;      /* ^Y */
    default: return c < 0x20 ? ACT_NONE : ACT_CHAR;
    }
}

/* Inside a bracketed paste: what comes is text. */
static gboolean pasting;

/* After an ESC: the rest of "[200~" or "[201~" when it follows at once
 * (1 and 0 for the start and the end of a paste); -1 for anything else,
 * which is given back to be read as keys of its own. */
static int
paste_marker (void)
{
  static const char tail[] = "[20";
  wint_t got[5];
  int n = 0, r = -1;
  for (; n < 5; n++)
    {
      timeout (n == 0 ? 10 : 0);
      if (get_wch (&got[n]) != OK)
        break;
      if ((n < 3 && got[n] != (wint_t) tail[n]) || (n == 3 && got[n] != '0' && got[n] != '1')
          || (n == 4 && got[n] != '~'))
        {
          n++;
          break;
        }
      if (n == 4)
        r = got[3] == '0';
    }
  if (r < 0)
    for (int i = n - 1; i >= 0; i--)
      unget_wch (got[i]);
  return r;
}

Key
screen_read_key (int timeout_ms)
{
  Key k = { ACT_NONE, 0 };
  wint_t c;
  if (pending_signal != 0)
    return (Key){ ACT_SIGNAL, 0 };
  timeout (timeout_ms);
  int r = get_wch (&c);
  if (pending_signal != 0)
    return (Key){ ACT_SIGNAL, 0 };
  if (r == OK && c == 27)
    {
      int marker = paste_marker ();
      if (marker >= 0)
        {
          pasting = marker == 1;
          return k; /* ACT_NONE: the caller reads on */
        }
    }
  if (r == KEY_CODE_YES)
    k.action = action_of_code ((int) c);
  else if (r == OK && pasting && (c == '\n' || c == '\r' || c == '\t'))
    k = (Key){ ACT_CHAR, ' ' }; /* a line break pasted is a space, not Enter */
  else if (r == OK)
    {
      k.action = action_of_char (c);
      k.ch = (gunichar) c;
    }
  return k;
}

int
screen_input_fd (void)
{
  return STDIN_FILENO;
}

gboolean
screen_input_pending (void)
{
  struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
  return poll (&p, 1, 0) > 0;
}

int
screen_signal (void)
{
  return pending_signal;
}

void
screen_copy (const char *text)
{
  g_autofree char *b64 = g_base64_encode ((const guchar *) text, strlen (text));
  /* Straight to the terminal, after curses has drawn: ESC ] 52 ; c ; DATA BEL. */
  refresh ();
  fprintf (stdout, "\033]52;c;%s\a", b64);
  fflush (stdout);
  explicit_bzero (b64, strlen (b64));
}

/* The symbols are drawn through screen_put, which gives them their ASCII
 * stand-ins outside UTF-8. */
const char *
screen_symbol_pass (void)
{
  return "✓";
}

const char *
screen_symbol_fail (void)
{
  return "✗";
}

const char *
screen_symbol_mark (void)
{
  return "★";
}
