/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sp-availability.h"
#include "sp-cli-courses.h"
#include "sp-cli-export.h"
#include "sp-cli.h"
#include "sp-export-json.h"
#include "sp-file-utils.h"
#include "sp-plan.h"
#include "sp-planner.h"

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
  { NULL }
};

/* The options that shape a schedule; every export takes them. */
static const char * const schedule_options[] = {
  "plan", "hours", "start", "block-minutes", "break-minutes", "track", NULL
};

/* The modes that export a schedule. */
static const char * const export_modes[] = {
  "export-json", "export-pdf", "export-ics", NULL
};

/* The options of the PDF alone. */
static const char * const pdf_options[] = {
  "range", "from", "paper", NULL
};

G_DEFINE_QUARK (sp-cli-error-quark, sp_cli_error)

const GOptionEntry *
sp_cli_get_option_entries (void)
{
  return option_entries;
}

static char *
format_hours (double hours)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Scripts read this: always a dot, at most one decimal */
  return g_strdup (g_ascii_formatd (buf, sizeof buf, hours == (gint64) hours ? "%.0f" : "%.1f", hours));
}

/**
 * sp_cli_check_plan:
 *
 * Prints "ok: N levels, N topics, N hours", or one "FILE: PATH: message"
 * line per problem, on standard output.
 *
 * Returns: the exit status: 0 for a valid plan, 1 otherwise
 */
int
sp_cli_check_plan (const char *filename)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *levels = NULL;
  g_autofree char *topics = NULL;
  guint n_levels;
  guint n_topics;

  plan = sp_plan_new_from_file (file, &problems, &error);
  if (plan == NULL)
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          SpPlanProblem *problem = g_ptr_array_index (problems, i);
          g_print ("%s: %s: %s\n", filename, problem->path, problem->message);
        }
      if (problems == NULL || problems->len == 0)
        g_print ("%s\n", error->message);
      return SP_CLI_FAILED;
    }

  n_levels = sp_plan_get_n_levels (plan);
  n_topics = sp_plan_get_topics (plan)->len;
  hours = format_hours (sp_plan_get_total_hours (plan));
  levels = g_strdup_printf (ngettext ("%u level", "%u levels", n_levels), n_levels);
  topics = g_strdup_printf (ngettext ("%u topic", "%u topics", n_topics), n_topics);
  /* TRANSLATORS: the summary of a valid plan: "ok: 3 levels, 52 topics, 1480 hours";
   * keep "ok:" untranslated, scripts look for it */
  g_print (_("ok: %s, %s, %s hours\n"), levels, topics, hours);

  return SP_CLI_OK;
}

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

static gboolean
has_any (GVariantDict       *options,
         const char * const *names,
         const char        **found)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_variant_dict_contains (options, names[i]))
      {
        if (found)
          *found = names[i];
        return TRUE;
      }
  return FALSE;
}

static int
report_error (const GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : PACKAGE_NAME, error->message);
  return error->domain == SP_CLI_ERROR && error->code == SP_CLI_ERROR_USAGE ? SP_CLI_USAGE : SP_CLI_FAILED;
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
  g_autofree char *data = NULL;
  gsize length;

  planner = sp_cli_planner_from_options (options, &error);
  if (planner == NULL)
    return report_error (error);

  data = sp_export_json (sp_planner_get_schedule (planner), sp_planner_get_availability (planner), &length);
  if (!sp_file_write_atomic (filename, data, length, &error))
    return report_error (error);
  return SP_CLI_OK;
}

/**
 * sp_cli_run:
 * @options: the parsed options from #GApplication::handle-local-options
 *
 * Returns: an exit status, or %SP_CLI_CONTINUE when no command-line mode
 *   was asked for and the application should start
 */
int
sp_cli_run (GVariantDict *options)
{
  const char *check_plan = NULL;
  const char *export_json = NULL;
  const char *export_pdf = NULL;
  const char *export_ics = NULL;
  const char *option = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return SP_CLI_OK;
    }

  if (g_variant_dict_lookup (options, "check-plan", "^&ay", &check_plan))
    return sp_cli_check_plan (check_plan);

  if (has_any (options, pdf_options, &option) && !g_variant_dict_contains (options, "export-pdf"))
    {
      g_autoptr(GError) error = NULL;

      g_set_error (&error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("--%s only shapes a PDF: add --export-pdf FILE"), option);
      return report_error (error);
    }

  if (g_variant_dict_lookup (options, "export-json", "^&ay", &export_json))
    return sp_cli_export_json (options, export_json);

  if (g_variant_dict_lookup (options, "export-pdf", "^&ay", &export_pdf))
    return sp_cli_export_pdf (options, export_pdf);

  if (g_variant_dict_lookup (options, "export-ics", "^&ay", &export_ics))
    return sp_cli_export_ics (options, export_ics);

  if (has_any (options, schedule_options, &option) && !has_any (options, export_modes, NULL))
    {
      g_autoptr(GError) error = NULL;

      g_set_error (&error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("--%s only shapes an export: add --export-json FILE"), option);
      return report_error (error);
    }

  if (g_variant_dict_contains (options, "list-courses"))
    {
      const char *url = NULL, *format = NULL, *topic = NULL;

      g_variant_dict_lookup (options, "catalog-url", "&s", &url);
      g_variant_dict_lookup (options, "catalog-format", "&s", &format);
      g_variant_dict_lookup (options, "topic", "&s", &topic);
      return sp_cli_list_courses (url, format, topic, g_variant_dict_contains (options, "json"));
    }

  return SP_CLI_CONTINUE;
}
