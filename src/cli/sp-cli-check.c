/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-cli-check.h"
#include "sp-cli-options.h"
#include "sp-plan.h"

/* --check-plan: a plan file's problems, for whoever writes plans. They go
 * to standard output: they are the answer asked for, not a failure. */

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
