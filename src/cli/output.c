/* output.c - how the commands print errors and findings. */
#include "cli.h"

#include <stdio.h>

void
cli_error (const char *format, ...)
{
  va_list ap;
  fflush (stdout);
  fprintf (stderr, "%s: ", g_get_prgname ());
  va_start (ap, format);
  vfprintf (stderr, format, ap);
  va_end (ap);
  fputc ('\n', stderr);
}

int
cli_try_help (const char *command)
{
  if (command != NULL)
    fprintf (stderr, _("Try '%s %s --help' for more information.\n"),
             g_get_prgname (), command);
  else
    fprintf (stderr, _("Try '%s --help' for more information.\n"),
             g_get_prgname ());
  return EXIT_USAGE;
}

int
cli_usage_error (const char *command, const char *format, ...)
{
  va_list ap;
  g_autofree char *message = NULL;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  cli_error ("%s", message);
  return cli_try_help (command);
}

guint
cli_print_findings (const Findings *f, FILE *out)
{
  for (guint i = 0; i < f->items->len; i++)
    {
      const Finding *item = g_ptr_array_index (f->items, i);
      /* TRANSLATORS: "error: KEY: MESSAGE [RULE-ID]" for one finding. */
      fprintf (out, _("%s: %s: %s [%s]\n"),
               item->severity == SEVERITY_ERROR ? _("error") : _("warning"),
               item->key, item->message, item->rule);
      if (item->fix != NULL)
        /* TRANSLATORS: the line under a finding that says how to fix it. */
        fprintf (out, _("  fix: %s\n"), item->fix);
    }
  return findings_count (f, SEVERITY_ERROR);
}
