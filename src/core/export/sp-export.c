/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sp-export.h"
#include "sp-file-utils.h"

G_DEFINE_QUARK (sp - export - error - quark, sp_export_error)

/**
 * sp_export_options_init:
 * @options: (out caller-allocates): the options to fill
 * @planner: the planner whose schedule is exported
 *
 * The options as the app and the command line export the planner's
 * schedule: its time zone, availability and state; this week on the
 * locale's paper. The fields point into @planner, which must outlive them.
 */
void
sp_export_options_init (SpExportOptions *options,
                        SpPlanner       *planner)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (SP_IS_PLANNER (planner));

  *options = (SpExportOptions){
    .timezone = sp_planner_get_timezone (planner),
    .availability = sp_planner_get_availability (planner),
    .state = sp_planner_get_state (planner),
    .range = SP_PRINT_RANGE_WEEK,
    .from_day = 0,
    .first_weekday = 0,
    .paper = sp_paper_get_default (),
  };
}

/**
 * sp_export_zone_name:
 * @timezone: (nullable): a zone; the system's when %NULL
 *
 * Returns: (transfer full) (nullable): the zone's name as calendars know it,
 *   such as "Europe/Bucharest" or "UTC"; %NULL when it has none (a zone
 *   read from a file of no known name, or a bare offset)
 */
char *
sp_export_zone_name (GTimeZone *timezone)
{
  g_autoptr(GTimeZone) local = timezone ? NULL : g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (timezone ? timezone : local);

  if (id == NULL || id[0] == '/' || (strchr (id, '/') == NULL && !g_str_equal (id, "UTC")))
    return NULL;
  return g_strdup (id);
}

/**
 * sp_export_to_file:
 * @export: sp_export_json(), sp_export_ics() or sp_export_pdf()
 * @path: a file name, or "-" for standard output
 *
 * Makes the file's bytes, then writes them atomically
 * (sp_file_write_atomic()): a failed export leaves the old file whole.
 */
gboolean
sp_export_to_file (SpExportFunc export,
                   SpSchedule            *schedule,
                   const SpExportOptions *options,
                   const char            *path,
                   GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize       length;

  g_return_val_if_fail (export != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = export(schedule, options, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return sp_file_write_atomic (path, data, length, error);
}
