/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-availability.h"
#include "sp-cli-export.h"
#include "sp-cli.h"
#include "sp-export.h"

/* --export-pdf and --export-ics: the schedule of the shared schedule
 * options (sp_cli_planner_from_options()) on paper or as a calendar. */

static int
report_error (const GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : PACKAGE_NAME, error->message);
  return error->domain == SP_CLI_ERROR && error->code == SP_CLI_ERROR_USAGE ? SP_CLI_USAGE : SP_CLI_FAILED;
}

static gboolean
parse_pdf_options (GVariantDict  *options,
                   SpPrintRange  *range,
                   guint32       *from_day,
                   SpPaper       *paper,
                   GError       **error)
{
  const char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  *range = SP_PRINT_RANGE_WEEK;
  *from_day = 0;
  *paper = sp_paper_get_default ();

  if (g_variant_dict_lookup (options, "range", "&s", &text) && !sp_print_range_from_string (text, range))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   /* TRANSLATORS: keep week, month and plan untranslated: they are values to type */
                   _("--range: “%s” is not a range; choose week, month or plan"), text);
      return FALSE;
    }
  if (g_variant_dict_lookup (options, "from", "&s", &text) && !sp_parse_date (text, from_day, &local_error))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, "--from: %s", local_error->message);
      return FALSE;
    }
  if (g_variant_dict_lookup (options, "paper", "&s", &text) && !sp_paper_from_string (text, paper))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   /* TRANSLATORS: keep a4 and letter untranslated: they are values to type */
                   _("--paper: “%s” is not a paper size; choose a4 or letter"), text);
      return FALSE;
    }
  return TRUE;
}

/**
 * sp_cli_export_pdf:
 * @filename: a file, or "-" for standard output
 *
 * Draws --range (week by default) from --from (today by default) on --paper
 * (the locale's paper by default).
 *
 * Returns: the exit status
 */
int
sp_cli_export_pdf (GVariantDict *options,
                   const char   *filename)
{
  g_autoptr(SpPlanner) planner = NULL;
  g_autoptr(GError) error = NULL;
  SpPrintRange range;
  guint32 from_day;
  SpPaper paper;

  /* Options first: a typo should not wait for the scheduler */
  if (!parse_pdf_options (options, &range, &from_day, &paper, &error))
    return report_error (error);

  planner = sp_cli_planner_from_options (options, &error);
  if (planner == NULL)
    return report_error (error);

  /* Weeks start on Monday, as ISO 8601 has them: a script gets the same
   * pages in any locale */
  if (!sp_export_pdf (sp_planner_get_schedule (planner), range, from_day, 0, paper, filename, &error))
    return report_error (error);
  return SP_CLI_OK;
}

/**
 * sp_cli_export_ics:
 * @filename: a file, or "-" for standard output
 *
 * Returns: the exit status
 */
int
sp_cli_export_ics (GVariantDict *options,
                   const char   *filename)
{
  g_autoptr(SpPlanner) planner = NULL;
  g_autoptr(GError) error = NULL;

  planner = sp_cli_planner_from_options (options, &error);
  if (planner == NULL)
    return report_error (error);

  if (!sp_export_ics (planner, filename, &error))
    return report_error (error);
  return SP_CLI_OK;
}
