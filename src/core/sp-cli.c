/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sp-cli-courses.h"
#include "sp-cli.h"
#include "sp-plan.h"

/* The command-line modes run before any window exists, so they need no display.
 * Their options and output formats are a contract that scripts rely on. */
static const GOptionEntry option_entries[] = {
  { "check-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Validate a plan file and print its problems, without opening a window"), N_("FILE") },
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

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return SP_CLI_OK;
    }

  if (g_variant_dict_lookup (options, "check-plan", "^&ay", &check_plan))
    return sp_cli_check_plan (check_plan);

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
