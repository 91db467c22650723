/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sp-state-private.h"

/* A plan's goal dates in the state file, beside its progress: "goals",
 * an object of target (a level id, or "path" for the whole path) → date.
 * Optional, and written only when there are some, so older files read as
 * before and files without goals stay as they were. The command line
 * reads them from here too, so there is one copy. */

/**
 * sp_progress_get_goal:
 * @target: a level id, or "path"
 *
 * Returns: the goal's Julian day, or 0 when there is none
 */
guint32
sp_progress_get_goal (SpProgress *progress,
                      const char *target)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (progress->goals, target));
}

/**
 * sp_progress_set_goal:
 * @day: a Julian day, or 0 to remove the goal
 */
void
sp_progress_set_goal (SpProgress *progress,
                      const char *target,
                      guint32     day)
{
  if (day == 0)
    g_hash_table_remove (progress->goals, target);
  else
    g_hash_table_insert (progress->goals, g_strdup (target), GUINT_TO_POINTER (day));
}

gboolean
_sp_state_load_goals (SpJsonDoc         *doc,
                      const SpJsonValue *member,
                      SpProgress        *progress,
                      const char        *filename,
                      const char        *path,
                      GError           **error)
{
  g_auto(SpJsonMemberIter) iter = { 0 };
  const char        *target;
  const SpJsonValue *value;

  if (!_sp_state_check_member (member, SP_JSON_OBJECT, _("an object of level id or “path” → date"), filename, path, "goals", error))
    return FALSE;
  if (member == NULL)
    return TRUE;

  sp_json_member_iter_init (&iter, doc, member);
  while (sp_json_member_iter_next (&iter, &target, &value))
    {
      const char *text = sp_json_string (doc, value);
      guint32     day;

      if (text == NULL || !sp_parse_supported_date (text, &day, NULL))
        {
          g_autofree char *field = g_strdup_printf ("%s.goals[\"%s\"]", path, target);

          return _sp_state_invalid (error, filename, field, _("a date as YYYY-MM-DD from 1970-01-01 to 2200-12-31"), value);
        }
      sp_progress_set_goal (progress, target, day);
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
_sp_state_add_goals (JsonBuilder *builder,
                     SpProgress  *progress)
{
  g_autofree gpointer *targets = NULL;
  guint                n;

  if (g_hash_table_size (progress->goals) == 0)
    return;
  targets = g_hash_table_get_keys_as_array (progress->goals, &n);
  qsort (targets, n, sizeof (gpointer), compare_strings);

  json_builder_set_member_name (builder, "goals");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = sp_format_date (sp_progress_get_goal (progress, targets[i]));

      json_builder_set_member_name (builder, targets[i]);
      json_builder_add_string_value (builder, date);
    }
  json_builder_end_object (builder);
}
