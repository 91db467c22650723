/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "sp-availability.h"
#include "sp-cli-export.h"
#include "sp-cli-options.h"
#include "sp-export-record.h"
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

/* The level ids of @plan, "fundamentals, ml-core, specialization" */
static char *
list_levels (SpPlan *plan)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint l = 0; l < sp_plan_get_n_levels (plan); l++)
    g_string_append_printf (ids, "%s%s", l > 0 ? ", " : "", sp_plan_get_level (plan, l)->id);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* --goal LEVEL=YYYY-MM-DD, or path=YYYY-MM-DD: into @targets and @days */
static gboolean
parse_goal (SpPlan     *plan,
            const char *text,
            char      **target,
            guint32    *day,
            GError    **error)
{
  g_autofree char *printable = sp_text_make_printable (text);
  g_autoptr(GError) local_error = NULL;
  const char      *eq = strchr (text, '=');
  g_autofree char *id = eq ? g_strndup (text, eq - text) : NULL;

  if (eq == NULL || id[0] == '\0')
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   /* TRANSLATORS: keep LEVEL, path and YYYY-MM-DD as they are: the form to type */
                   _("--goal: “%s” is not LEVEL=YYYY-MM-DD or path=YYYY-MM-DD"), printable);
      return FALSE;
    }
  if (!sp_goal_target_is_valid (plan, id))
    {
      g_autofree char *printable_id = sp_text_make_printable (id);
      g_autofree char *levels = list_levels (plan);

      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   /* TRANSLATORS: keep path as it is: a word to type */
                   _("--goal: “%s” is not a level of this plan; use path or one of %s"), printable_id, levels);
      return FALSE;
    }
  if (!sp_parse_supported_date (eq + 1, day, &local_error))
    {
      usage_error (error, "goal", local_error);
      return FALSE;
    }
  *target = g_steal_pointer (&id);
  return TRUE;
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
  g_autofree const char **goal_texts = NULL;
  g_autoptr(GPtrArray) goal_targets = NULL;
  g_autoptr(GArray) goal_days = NULL;

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
      !sp_parse_supported_date (text, &availability->start_day, &local_error))
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
  if (g_variant_dict_lookup (options, "goal", "^a&s", &goal_texts))
    {
      goal_targets = g_ptr_array_new_with_free_func (g_free);
      goal_days = g_array_new (FALSE, FALSE, sizeof (guint32));
      for (guint i = 0; goal_texts[i] != NULL; i++)
        {
          char   *target = NULL;
          guint32 day = 0;

          if (!parse_goal (plan, goal_texts[i], &target, &day, error))
            return NULL;
          g_ptr_array_add (goal_targets, target);
          g_array_append_val (goal_days, day);
        }
    }
  if (g_variant_dict_lookup (options, "track", "&s", &track) && sp_plan_lookup_track (plan, track) == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);
      g_autofree char *printable = sp_text_make_printable (track);

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

    if (g_variant_dict_contains (options, "hours"))
      {
        memcpy (merged->minutes, availability->minutes, sizeof merged->minutes);
        /* Against the saved start times: the day holds only what follows them */
        if (!sp_availability_check_room (merged, NULL, &local_error))
          {
            usage_error (error, "hours", local_error);
            return NULL;
          }
      }
    if (g_variant_dict_contains (options, "start"))
      merged->start_day = availability->start_day;
    if (g_variant_dict_contains (options, "block-minutes"))
      merged->block_minutes = availability->block_minutes;
    if (g_variant_dict_contains (options, "break-minutes"))
      merged->break_minutes = availability->break_minutes;
    sp_planner_set_availability (planner, merged);

    /* The saved track is the planner's already */
    if (track != NULL)
      sp_planner_set_track (planner, track);

    /* Over the saved goals, in memory only: the state is never written */
    for (guint i = 0; goal_targets != NULL && i < goal_targets->len; i++)
      if (!sp_planner_set_goal (planner, g_ptr_array_index (goal_targets, i), g_array_index (goal_days, guint32, i),
                                &local_error))
        {
          usage_error (error, "goal", local_error);
          return NULL;
        }
  }

  return g_steal_pointer (&planner);
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
      g_autofree char *printable = sp_text_make_printable (text);

      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   /* TRANSLATORS: keep week, month and plan untranslated: they are values to type */
                   _("--range: “%s” is not a range; choose week, month or plan"), printable);
      return FALSE;
    }
  if (g_variant_dict_lookup (options, "from", "&s", &text) && !sp_parse_supported_date (text, from_day, &local_error))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, "--from: %s", local_error->message);
      return FALSE;
    }
  if (g_variant_dict_lookup (options, "paper", "&s", &text) && !sp_paper_from_string (text, paper))
    {
      g_autofree char *printable = sp_text_make_printable (text);

      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   /* TRANSLATORS: keep a4 and letter untranslated: they are values to type */
                   _("--paper: “%s” is not a paper size; choose a4 or letter"), printable);
      return FALSE;
    }
  return TRUE;
}

/* The exports asked, in the order the help lists them */
typedef struct
{
  const char *option;
  SpExportFunc export;
} ExportMode;

static const ExportMode export_modes[] = {
  { "export-json", sp_export_json },
  { "export-pdf", sp_export_pdf },
  { "export-ics", sp_export_ics },
};

/**
 * sp_cli_export:
 * @options: the parsed command-line options, with at least one export
 *
 * Writes every export asked (--export-json, --export-pdf, --export-ics)
 * from one schedule, each file atomically. The PDF draws --range (week by
 * default) from --from (today by default) on --paper (the locale's paper
 * by default). Two exports to one file, standard output included, are
 * refused: the second would overwrite or garble the first.
 *
 * Returns: the exit status: 1 when any export failed, after trying them all
 */
int
sp_cli_export (GVariantDict *options)
{
  g_autoptr(SpPlanner) planner = NULL;
  g_autoptr(GError) error = NULL;
  const char     *filenames[G_N_ELEMENTS (export_modes)] = { NULL };
  SpExportOptions export_options;
  SpPrintRange    range = SP_PRINT_RANGE_WEEK;
  guint32         from_day = 0;
  SpPaper         paper = SP_PAPER_A4;
  int             status = SP_CLI_OK;
  g_autoptr(GPtrArray) goals = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (export_modes); i++)
    {
      if (!g_variant_dict_lookup (options, export_modes[i].option, "^&ay", &filenames[i]))
        continue;
      for (guint j = 0; j < i; j++)
        if (filenames[j] != NULL && g_strcmp0 (filenames[i], filenames[j]) == 0)
          {
            g_autofree char *printable = sp_text_make_printable (filenames[i]);

            g_set_error (&error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                         _("--%s and --%s both write to “%s”: give each its own file"),
                            export_modes[j].option, export_modes[i].option, printable);
            return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);
          }
    }

  /* Options first: a typo should not wait for the scheduler */
  if (filenames[1] != NULL && !parse_pdf_options (options, &range, &from_day, &paper, &error))
    return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);

  planner = sp_cli_planner_from_options (options, &error);
  if (planner == NULL)
    return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);

  sp_export_options_init (&export_options, planner);
  /* Goals cost a dozen runs of the scheduler each: only the JSON has them */
  if (filenames[0] != NULL)
    goals = sp_planner_solve_goals (planner);
  /* So does each level's advice when one does not fit: the JSON and the
   * printed plan have it */
  if (filenames[0] != NULL || (filenames[1] != NULL && range == SP_PRINT_RANGE_PLAN))
    sp_planner_advise_levels (planner);
  export_options.goals = goals;
  export_options.range = range;
  export_options.from_day = from_day;
  export_options.paper = paper;
  for (guint i = 0; i < G_N_ELEMENTS (export_modes); i++)
    {
      SpExportOptions mode_options = export_options;

      if (filenames[i] == NULL)
        continue;
      /* Weeks start on Monday in the PDF, as ISO 8601 has them: a script
       * gets the same pages in any locale */
      if (export_modes[i].export == sp_export_pdf)
        mode_options.first_weekday = 0;
      /* The calendar remembers what it wrote where, to cancel it later */
      if (export_modes[i].export == sp_export_ics
              ? !sp_export_ics_to_file (sp_planner_get_schedule (planner), &mode_options, filenames[i], &error)
              : !sp_export_to_file (export_modes[i].export, sp_planner_get_schedule (planner), &mode_options,
                                    filenames[i], &error))
        {
          status = sp_cli_report_error (error, SP_CLI_REPORT_NAMED);
          g_clear_error (&error);
        }
    }
  return status;
}
