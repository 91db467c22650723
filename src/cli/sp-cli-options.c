/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-cli-options.h"

/* The command-line modes run before any window exists, so they need no display.
 * Their options and output formats are a contract that scripts rely on. */
static const GOptionEntry option_entries[] = {
  { "check-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Validate a plan file and print its problems, without opening a window"), N_("FILE") },
    { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the study schedule as JSON to FILE, or to standard output for “-”"), N_("FILE") },
      { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
        N_("Write the study schedule as a PDF to print to FILE, or to standard output for “-”"), N_("FILE") },
        { "range", 0, 0, G_OPTION_ARG_STRING, NULL,
          N_("With --export-pdf: week (the default), month or the whole plan"), N_("week|month|plan") },
          { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
            N_("With --export-pdf: a day in the week or month to print, or where the plan starts (default today)"),
                N_("YYYY-MM-DD") },
            { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
              N_("With --export-pdf: the paper size (default from the locale)"), N_("a4|letter") },
              { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
                N_("Write every study block as an iCalendar event to FILE, or to standard output for “-”"), N_("FILE") },
                { "plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
                  N_("With an export: the plan file to schedule instead of the bundled path"), N_("FILE") },
                  { "hours", 0, 0, G_OPTION_ARG_STRING, NULL,
                    N_("With an export: study hours per weekday, such as Mon=2,Tue=1.5,Sat=3 (others get none)"), N_("LIST") },
                    { "start", 0, 0, G_OPTION_ARG_STRING, NULL,
                      N_("With an export: the day the study starts"), N_("YYYY-MM-DD") },
                      { "block-minutes", 0, 0, G_OPTION_ARG_STRING, NULL,
                        N_("With an export: the length of a study block (default 50)"), N_("N") },
                        { "break-minutes", 0, 0, G_OPTION_ARG_STRING, NULL,
                          N_("With an export: the break between blocks (default 10)"), N_("N") },
                          { "track", 0, 0, G_OPTION_ARG_STRING, NULL,
                            N_("With an export: the specialization track, such as dl, nlp, cv or rl"), N_("TRACK") },
                            { "goal", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
                              N_("With an export: finish a level by a date, or the whole path with path=DATE; may be repeated"),
                                  N_("LEVEL=YYYY-MM-DD") },
                              { "list-courses", 0, 0, G_OPTION_ARG_NONE, NULL,
                                N_("Print course listings with the plan topics they match, without opening a window"), NULL },
                                { "catalog-url", 0, 0, G_OPTION_ARG_STRING, NULL,
                                  N_("With --list-courses: read this listing instead of the configured sources"), N_("URL") },
                                  { "catalog-format", 0, 0, G_OPTION_ARG_STRING, NULL,
                                    N_("The format of --catalog-url: own, coursera, edx or mitlearn"), N_("FORMAT") },
                                    { "topic", 0, 0, G_OPTION_ARG_STRING, NULL,
                                      N_("With --list-courses: only the courses for this plan topic, best first"), N_("ID") },
                                      { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
                                        N_("With --list-courses: print a JSON array"), NULL },
                                        { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
                                          N_("Print the version and exit"), NULL },
                                          { NULL } };

G_DEFINE_QUARK (sp-cli-error-quark, sp_cli_error)

const GOptionEntry *
sp_cli_get_option_entries (void)
{
  return option_entries;
}

/**
 * sp_cli_report_error:
 * @error: what went wrong, in %SP_CLI_ERROR or any other domain
 * @report: whether the program's name comes first
 *
 * Prints @error on standard error, the one place every mode tells its
 * failures.
 *
 * Returns: the exit status for it: %SP_CLI_USAGE for %SP_CLI_ERROR_USAGE,
 *   %SP_CLI_FAILED for anything else
 */
int
sp_cli_report_error (const GError *error,
                     SpCliReport   report)
{
  if (report == SP_CLI_REPORT_BARE)
    g_printerr ("%s\n", error->message);
  else
    g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : PACKAGE_NAME, error->message);
  return error->domain == SP_CLI_ERROR && error->code == SP_CLI_ERROR_USAGE ? SP_CLI_USAGE : SP_CLI_FAILED;
}
