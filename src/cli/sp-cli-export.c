/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "sp-availability.h"
#include "sp-cli-export.h"
#include "sp-cli-options.h"
#include "sp-export.h"
#include "sp-file-utils.h"
#include "sp-plan.h"

/* --export-json, --export-pdf and --export-ics: the schedule that the
 * shared schedule options make (sp_cli_planner_from_options()), as data,
 * on paper or as a calendar. */

static void
usage_error (GError     **error,
             const char  *option,
             GError      *cause)
{
  g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, "--%s: %s", option, cause->message);
}

/**
 * sp_cli_planner_from_options:
 * @options: the parsed command-line options
 *
 * Makes the planner every export uses: the plan from --plan or the bundled
 * path, the saved availability and progress (read, never written), and
 * then --hours, --start, --block-minutes, --break-minutes and --track on
 * top. Nothing is saved.
 *
 * Returns: (transfer full) (nullable): the planner, or %NULL with @error:
 *   %SP_CLI_ERROR_USAGE for a bad option, %SP_CLI_ERROR_FAILED otherwise
 */
SpPlanner *
sp_cli_planner_from_options (GVariantDict  *options,
                             GError       **error)
{
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(SpPlanner) planner = NULL;
  g_autoptr(SpAvailability) availability = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *plan_file = NULL;
  const char *text = NULL;
  const char *track = NULL;

  if (g_variant_dict_lookup (options, "plan", "^&ay", &plan_file))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (plan_file);

      plan = sp_plan_new_from_file (file, NULL, &local_error);
      if (plan == NULL)
        {
          g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_FAILED, "%s", local_error->message);
          return NULL;
        }
    }
  else
    plan = sp_plan_new_bundled ();

  /* Check the options before touching the saved state */
  availability = sp_availability_new ();
  if (g_variant_dict_lookup (options, "hours", "&s", &text) &&
      !sp_parse_hours (text, availability->minutes, &local_error))
    {
      usage_error (error, "hours", local_error);
      return NULL;
    }
  if (g_variant_dict_lookup (options, "start", "&s", &text) &&
      !sp_parse_date (text, &availability->start_day, &local_error))
    {
      usage_error (error, "start", local_error);
      return NULL;
    }
  if (g_variant_dict_lookup (options, "block-minutes", "&s", &text))
    {
      guint minutes;

      if (!sp_parse_minutes (text, SP_MIN_BLOCK_MINUTES, SP_MAX_BLOCK_MINUTES, &minutes, &local_error))
        {
          usage_error (error, "block-minutes", local_error);
          return NULL;
        }
      availability->block_minutes = (guint16) minutes;
    }
  if (g_variant_dict_lookup (options, "break-minutes", "&s", &text))
    {
      guint minutes;

      if (!sp_parse_minutes (text, 0, SP_MAX_BREAK_MINUTES, &minutes, &local_error))
        {
          usage_error (error, "break-minutes", local_error);
          return NULL;
        }
      availability->break_minutes = (guint16) minutes;
    }
  if (g_variant_dict_lookup (options, "track", "&s", &track) && sp_plan_lookup_track (plan, track) == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);
      g_autofree char *printable = g_utf8_make_valid (track, -1);

      for (guint l = 0; l < sp_plan_get_n_levels (plan); l++)
        {
          const SpLevel *level = sp_plan_get_level (plan, l);

          for (guint t = 0; t < level->tracks->len; t++)
            {
              if (known->len > 0)
                g_string_append (known, ", ");
              g_string_append (known, ((SpTrack *) g_ptr_array_index (level->tracks, t))->id);
            }
        }
      if (known->len == 0)
        g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                     _("--track: the plan has no tracks, so “%s” cannot be chosen"), printable);
      else
        g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                     _("--track: “%s” is not a track of this plan; choose one of %s"), printable, known->str);
      return NULL;
    }

  planner = sp_planner_new (plan);
  if (!sp_planner_read_state (planner, NULL, &local_error))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_FAILED,
                   _("Could not read your saved progress: %s"), local_error->message);
      return NULL;
    }

  /* The saved choices, then the options over them */
  {
    g_autoptr(SpAvailability) merged = sp_availability_copy (sp_planner_get_availability (planner));
    SpProgress *progress = sp_state_get_progress (sp_planner_get_state (planner), sp_plan_get_id (plan));

    if (g_variant_dict_contains (options, "hours"))
      memcpy (merged->minutes, availability->minutes, sizeof merged->minutes);
    if (g_variant_dict_contains (options, "start"))
      merged->start_day = availability->start_day;
    if (g_variant_dict_contains (options, "block-minutes"))
      merged->block_minutes = availability->block_minutes;
    if (g_variant_dict_contains (options, "break-minutes"))
      merged->break_minutes = availability->break_minutes;
    sp_planner_set_availability (planner, merged);

    if (track == NULL)
      track = progress->track;
    if (track != NULL)
      sp_planner_set_track (planner, track);
  }

  return g_steal_pointer (&planner);
}

/* Every format the same way: the bytes, then one atomic write */
static int
export_to_file (SpPlanner *planner,
                SpExportFunc export,
                const SpExportOptions *options,
                const char            *filename)
{
  g_autoptr(GError) error = NULL;

  if (!sp_export_to_file (export, sp_planner_get_schedule (planner), options, filename, &error))
    return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);
  return SP_CLI_OK;
}

/**
 * sp_cli_export_json:
 * @filename: a file, or "-" for standard output
 *
 * Returns: the exit status
 */
int
sp_cli_export_json (GVariantDict *options,
                    const char   *filename)
{
  g_autoptr(SpPlanner) planner = NULL;
  g_autoptr(GError) error = NULL;
  SpExportOptions export_options;

  planner = sp_cli_planner_from_options (options, &error);
  if (planner == NULL)
    return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);

  sp_export_options_init (&export_options, planner);
  return export_to_file (planner, sp_export_json, &export_options, filename);
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
  SpExportOptions export_options;
  SpPrintRange range;
  guint32 from_day;
  SpPaper paper;

  /* Options first: a typo should not wait for the scheduler */
  if (!parse_pdf_options (options, &range, &from_day, &paper, &error))
    return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);

  planner = sp_cli_planner_from_options (options, &error);
  if (planner == NULL)
    return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);

  sp_export_options_init (&export_options, planner);
  export_options.range = range;
  export_options.from_day = from_day;
  export_options.paper = paper;
  /* Weeks start on Monday, as ISO 8601 has them: a script gets the same
   * pages in any locale */
  export_options.first_weekday = 0;
  return export_to_file (planner, sp_export_pdf, &export_options, filename);
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
  SpExportOptions export_options;

  planner = sp_cli_planner_from_options (options, &error);
  if (planner == NULL)
    return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);

  sp_export_options_init (&export_options, planner);
  return export_to_file (planner, sp_export_ics, &export_options, filename);
}
