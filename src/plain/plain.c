/* plain.c - see plain.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "plain.h"
#include "core/export.h"
#include "core/text.h"
#include "core/rules.h"
#include "core/secret.h"
#include "flow/session.h"
#include "store/keyring.h"

#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

typedef struct
{
  const SetupOptions *o;
  FlowSession *s;
  Answers *a;           /* the session's */
  gboolean interactive; /* standard input is a terminal: wrong answers are asked again */
  SecretStore store;    /* the file store when the keyring did not answer and
                           the admin chose it */
  gboolean keyring_checked;
} Ctx;

/* The terminal's settings while echo is off, for the signal handler. */
static struct termios echoing;
static const int ending_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/* ^C (or a lost terminal) at a prompt without echo: echo comes back before
 * the signal ends zoomwiz as it would have. */
static void
restore_echo (int sig)
{
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &echoing);
  if (write (STDERR_FILENO, "\n", 1) < 0)
    {
      /* nothing more can be done */
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

char *
plain_read_secret (const char *prompt)
{
  struct termios quiet;
  struct sigaction sa, before[G_N_ELEMENTS (ending_signals)];
  char buf[1024];

  if (!isatty (STDIN_FILENO) || tcgetattr (STDIN_FILENO, &echoing) != 0)
    return NULL;
  quiet = echoing;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = restore_echo;
  sigemptyset (&sa.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (ending_signals); i++)
    sigaction (ending_signals[i], &sa, &before[i]);
  fputs (prompt, stderr);
  fflush (stderr);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  char *line = fgets (buf, sizeof buf, stdin);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &echoing);
  for (guint i = 0; i < G_N_ELEMENTS (ending_signals); i++)
    sigaction (ending_signals[i], &before[i], NULL);
  fputc ('\n', stderr);
  if (line == NULL)
    return NULL;
  char *secret = g_strndup (buf, strcspn (buf, "\r\n"));
  explicit_bzero (buf, sizeof buf);
  return secret;
}

void
plain_print_checks (const GPtrArray *checks, FILE *out)
{
  int width = 12;
  for (guint i = 0; i < checks->len; i++)
    width = MAX (width, (int) strlen (((const Check *) checks->pdata[i])->id));
  const char *words[] = { _("pass"), _("fail"), _("skip") };
  int sw = 5; /* the status words' column, in display columns */
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    sw = MAX (sw, text_width (words[i]));
  GString *status = g_string_new (NULL);
  for (guint i = 0; i < checks->len; i++)
    {
      const Check *c = checks->pdata[i];
      g_string_truncate (status, 0);
      text_pad (status, words[c->status == CHECK_PASS ? 0 : c->status == CHECK_FAIL ? 1 : 2], sw);
      fprintf (out, "%-*s %s %s\n", width, c->id, status->str, c->message);
      if (c->fix != NULL && c->status != CHECK_PASS)
        {
          /* Under the message: the fix line of a finding, indented. */
          fprintf (out, "%*s", width + sw, "");
          fprintf (out, _("  fix: %s\n"), c->fix);
        }
    }
  g_string_free (status, TRUE);
}

/* TEXT on lines of at most 79 columns, each indented by two spaces. */
static void
print_wrapped (const char *text)
{
  g_auto (GStrv) lines = text_wrap (text, 77, NULL);
  for (char **l = lines; *l != NULL; l++)
    printf ("  %s\n", *l);
}

/* A line of standard input without its newline; NULL at its end. */
static char *
read_line (void)
{
  char buf[4096];
  fflush (stdout);
  if (fgets (buf, sizeof buf, stdin) == NULL)
    return NULL;
  char *line = g_strndup (buf, strcspn (buf, "\r\n"));
  explicit_bzero (buf, sizeof buf);
  return line;
}

static void
list_choices (Ctx *x, AnswerKey k)
{
  g_auto (GStrv) choices = flow_choices (x->s, k);
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    {
      g_autofree char *help = flow_choice_label (k, choices[i]);
      printf ("    %2u) %-20s %s\n", i + 1, choices[i], help);
    }
}

/* A numbered choice means the name at that place. */
static char *
resolve_choice (Ctx *x, AnswerKey k, const char *typed)
{
  char *end;
  long n = strtol (typed, &end, 10);
  if (*typed == '\0' || *end != '\0' || n < 1)
    return g_strdup (typed);
  g_auto (GStrv) choices = flow_choices (x->s, k);
  guint len = choices != NULL ? g_strv_length (choices) : 0;
  return (gulong) n <= len ? g_strdup (choices[n - 1]) : g_strdup (typed);
}

/* Asks KEY once. FALSE when standard input has ended. */
static gboolean
ask (Ctx *x, AnswerKey k)
{
  const AnswerKeyInfo *info = answer_key_info (k);
  const char *current = answers_get (x->a, k);

  if (flow_key_is_choice (k))
    list_choices (x, k);
  g_autofree char *now = flow_shown_value (k, current);
  g_autofree char *prompt = current != NULL && *current
                                ? g_strdup_printf ("  %s [%s]: ", info->name, now)
                                : g_strdup_printf ("  %s: ", info->name);
  char *typed;
  if (info->kind == ANSWER_KIND_SECRET && x->interactive)
    typed = plain_read_secret (prompt);
  else
    {
      fputs (prompt, stdout);
      typed = read_line ();
      if (!x->interactive)
        /* A transcript reads well: the answer after its prompt. */
        printf ("%s\n", typed == NULL ? ""
                        : info->kind == ANSWER_KIND_SECRET ? "********" : typed);
    }
  if (typed == NULL)
    return FALSE;
  if (*typed != '\0')
    {
      g_autofree char *note = NULL;
      g_autofree char *value = flow_key_is_choice (k)
                                   ? resolve_choice (x, k, typed)
                                   : flow_tidy (k, typed, &note);
      if (note != NULL)
        /* TRANSLATORS: "  (KEY: what was changed in what was typed)" */
        printf (_("  (%s: %s)\n"), info->name, note);
      g_autoptr (GError) error = NULL;
      if (!flow_session_set (x->s, k, value, &error))
        printf ("  %s\n", error->message);
    }
  explicit_bzero (typed, strlen (typed));
  g_free (typed);
  return TRUE;
}

/* Says that a secret was made by zoomwiz rather than asking for it. */
static gboolean
generated (Ctx *x, AnswerKey k)
{
  if (!x->s->generated[k])
    return FALSE;
  printf (_("  %s: generated, %d random characters\n"),
          answer_key_info (k)->name, SECRET_GENERATED_LENGTH);
  return TRUE;
}

/* What to do in the Marketplace at step S (NULL: what is left at the end). */
static void
print_guide (Ctx *x, const FlowStep *s)
{
  ExportSecretsAt at = profile_secrets_at (x->store);
  g_auto (GStrv) lines = s != NULL ? flow_step_guide (s, x->a, x->s->preset, at)
                                   : flow_session_left (x->s, at);
  if (lines[0] == NULL)
    return;
  printf ("  %s\n", flow_guide_label (s));
  for (char **l = lines; *l != NULL; l++)
    {
      g_autofree char *item = g_strdup_printf ("- %s", *l);
      print_wrapped (item);
    }
}

/* Asks what step S asks, then checks the step; asks again what is wrong
 * while someone can answer. FALSE when no one can. */
static gboolean
run_step (Ctx *x, const FlowStep *s)
{
  guint total, at = flow_position (s, x->a, x->s->preset, &total);
  gboolean wrong[ANSWER_N_KEYS] = { FALSE };
  gboolean first = TRUE, ended = FALSE;

  /* TRANSLATORS: "Step 3 of 10: Management" */
  printf (_("\nStep %u of %u: %s\n"), at, total, _(s->title));
  print_wrapped (_(s->help));
  if (flow_step_note (s) != NULL)
    print_wrapped (_(flow_step_note (s)));
  print_guide (x, s);
  for (;;)
    {
      for (const AnswerKey *k = s->keys; *k != ANSWER_N_KEYS; k++)
        {
          if (!flow_asks (s, *k, x->a, x->s->preset) || (first && generated (x, *k)))
            continue;
          gboolean given = x->a->origin[*k] == ORIGIN_ANSWER;
          if (first && given && !wrong[*k])
            {
              g_autofree char *v = flow_shown_value (*k, answers_get (x->a, *k));
              printf (_("  %s: %s (from the answers)\n"), answer_key_info (*k)->name, v);
              continue;
            }
          if (!first && !wrong[*k])
            continue;
          if (ended)
            {
              /* Standard input has ended: a value stays as it is (a
               * default, or none), and the rules say whether that will do. */
              g_autofree char *v = flow_shown_value (*k, answers_get (x->a, *k));
              printf ("  %s: %s\n", answer_key_info (*k)->name, v);
              continue;
            }
          ended = !ask (x, *k);
        }
      g_autoptr (Findings) f = flow_session_findings (x->s, s);
      guint errors = 0;
      memset (wrong, 0, sizeof wrong);
      for (guint i = 0; i < f->items->len; i++)
        {
          const Finding *item = f->items->pdata[i];
          /* TRANSLATORS: "error: KEY: MESSAGE [RULE-ID]" for one finding. */
          printf (_("%s: %s: %s [%s]\n"),
                  item->severity == SEVERITY_ERROR ? _("error") : _("warning"), item->key,
                  item->message, item->rule);
          if (item->fix != NULL)
            printf (_("  fix: %s\n"), item->fix);
          if (item->severity == SEVERITY_ERROR)
            {
              errors++;
              int k = answer_key_by_name (item->key);
              if (k >= 0)
                wrong[k] = TRUE;
            }
        }
      g_autoptr (GPtrArray) checks = checks_new ();
      if (errors == 0 && flow_session_leave (x->s, s, x->o, checks, NULL, -1, NULL))
        {
          plain_print_checks (checks, stdout);
          return TRUE;
        }
      plain_print_checks (checks, stdout);
      if (errors == 0)
        for (const AnswerKey *k = s->keys; *k != ANSWER_N_KEYS; k++)
          wrong[*k] = TRUE; /* the step's work failed: all of it asked again */
      if (!x->interactive || ended)
        {
          fprintf (stderr, _("zoomwiz: the step %s has errors (above), and standard "
                             "input is no terminal to ask again: correct the answers "
                             "file\n"),
                   _(s->title));
          return FALSE;
        }
      printf ("%s\n", _("  Answer again what the errors name (Enter keeps the current "
                         "value)."));
      first = FALSE;
    }
}

static int
live_test (Ctx *x)
{
  if (x->o->skip_live_test || x->o->verify == NULL)
    {
      printf ("  %s\n", _("Skipped (--no-test); run 'zoomwiz verify --profile NAME' "
                          "later."));
      return 0;
    }
  g_autoptr (Verification) v = flow_session_verify (x->s, x->o->verify);
  plain_print_checks (v->checks, stdout);
  return verification_exit_status (v) == 0 ? 0 : 1;
}

static int
save (Ctx *x)
{
  g_autoptr (GError) error = NULL;
  const char *name = x->o->profile;
  g_autofree char *asked = NULL;
  const char *fallback = answers_get (x->a, ANSWER_PRESET) ? answers_get (x->a, ANSWER_PRESET)
                                                          : "zoom";
  if (name == NULL)
    {
      printf (_("  profile name [%s]: "), fallback);
      asked = read_line ();
      if (!x->interactive)
        printf ("%s\n", asked ? asked : "");
      name = asked != NULL && *asked ? asked : fallback;
    }
  if (!profile_save (name, x->a, x->store, x->o->force, &error))
    {
      fprintf (stderr, "zoomwiz: %s\n", error->message);
      return g_error_matches (error, ZW_ERROR, ZW_ERROR_NOT_CONNECTED) ? 4 : 2;
    }
  g_autofree char *path = profile_path (name);
  printf (_("  Profile %s saved: %s.\n"), name, path);
  ExportOptions eo = { .profile = name, .secrets_at = profile_secrets_at (x->store) };
  /* The Marketplace checklist is for an app built by hand. */
  const char *made = answers_get (x->a, ANSWER_APP_ID);
  g_autofree char *checklist = answers_builder_creates (x->a) && made != NULL
                                   ? NULL
                                   : export_render (EXPORT_CHECKLIST, x->a, x->s->preset,
                                                    &eo, NULL);
  if (checklist != NULL)
    printf ("\n%s", checklist);
  else if (made != NULL)
    printf (_("  Zoom created the app %s with the builder %s.\n"), made,
            answers_get (x->a, ANSWER_BUILDER));
  printf ("\n");
  print_guide (x, NULL);
  printf (_("\nExport what the server needs with:\n  zoomwiz export --profile %s "
            "--format FORMAT -o FILE\n"),
          name);
  return 0;
}

/* Before the first step that asks a secret: does a keyring answer? When
 * none does, an admin at the terminal may take the 0600 file store now;
 * otherwise nothing is asked or stored (exit 4). */
static int
keyring_known (Ctx *x, const FlowStep *s)
{
  if (x->keyring_checked || x->store != SECRET_STORE_KEYRING
      || !flow_asks_secret (s, x->a, x->s->preset))
    return 0;
  x->keyring_checked = TRUE;
  g_autoptr (GError) error = NULL;
  if (keyring_answers (&error))
    return 0;
  g_autofree char *why = flow_no_keyring_text (error->message);
  printf ("\n");
  print_wrapped (why);
  if (x->interactive)
    {
      printf (_("  Keep them in a file only you can read (0600), beside the profile? "
                "[Y/n] "));
      g_autofree char *yes = read_line ();
      if (yes == NULL || *yes == '\0' || g_ascii_tolower (*yes) == 'y'
          || g_str_has_prefix (yes, _("y")))
        {
          x->store = SECRET_STORE_FILE;
          return 0;
        }
    }
  fprintf (stderr, _("zoomwiz: nothing was asked or stored: run zoomwiz where a keyring "
                     "runs, or give --secret-store file\n"));
  return 4;
}

int
plain_run (const SetupOptions *o)
{
  g_autoptr (FlowSession) session = flow_session_new (o->answers);
  Ctx x = { .o = o, .s = session, .a = session->a, .interactive = isatty (STDIN_FILENO),
            .store = o->secret_store };
  int status = 0;
  flow_session_offer_builders (session);

  const char *preset = answers_get (x.a, ANSWER_PRESET);
  g_autoptr (GError) error = NULL;
  if (preset != NULL && !flow_session_set (session, ANSWER_PRESET, preset, &error))
    {
      fprintf (stderr, "zoomwiz: %s\n", error->message);
      return 2;
    }
  for (const FlowStep *s = flow_next (NULL, x.a, session->preset); s != NULL && status != 2
                                                                     && status != 4;
       s = flow_next (s, x.a, session->preset))
    {
      if (s->kind == FLOW_STEP_ASK)
        {
          int none = keyring_known (&x, s);
          if (none != 0)
            status = none;
          else if (!run_step (&x, s))
            status = 2;
          continue;
        }
      guint total, at = flow_position (s, x.a, session->preset, &total);
      printf (_("\nStep %u of %u: %s\n"), at, total, _(s->title));
      print_wrapped (_(s->help));
      print_guide (&x, s);
      if (s->kind == FLOW_STEP_LIVE)
        status = live_test (&x);
      else
        {
          int saved = save (&x);
          if (saved != 0)
            status = saved;
        }
    }
  return status;
}
