/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

#include "sp-availability.h"
#include "sp-planner.h"
#include "sp-print-layout.h"
#include "sp-schedule.h"
#include "sp-state.h"

G_BEGIN_DECLS

#define SP_EXPORT_ERROR (sp_export_error_quark ())

typedef enum
{
  SP_EXPORT_ERROR_DRAW,      /* cairo could not make the PDF */
  SP_EXPORT_ERROR_CALENDAR,  /* libical could not make the calendar */
} SpExportError;

/* What the last iCalendar export to a file held (sp-export-record.h) */
typedef struct _SpIcsHistory SpIcsHistory;

typedef enum
{
  SP_PAPER_A4,
  SP_PAPER_LETTER,
} SpPaper;

/* The version of --export-json's format, its "version" member */
#define SP_EXPORT_JSON_VERSION 1

/* The margin of the exported PDF on every side, in points (12.7 mm). */
#define SP_EXPORT_MARGIN 36.0

/* What an export needs besides the schedule. Each format reads its own
 * fields and ignores the rest; sp_export_options_init() fills them from a
 * planner as the app and the command line use it. */
typedef struct
{
  GTimeZone            *timezone;      /* the zone of the blocks' local times */
  const SpAvailability *availability;  /* JSON: the hours the schedule was made from */
  SpState              *state;         /* iCalendar: the course attached to each topic; nullable */
  SpPrintRange          range;         /* PDF: week, month or the whole plan */
  guint32               from_day;      /* PDF: a day in the range; 0 for today */
  guint                 first_weekday; /* PDF: the day weeks start on, 0 Monday … 6 Sunday */
  SpPaper               paper;         /* PDF */
  GPtrArray            *goals;         /* JSON: element-type SpGoalResult (sp_planner_solve_goals()); nullable: none */
  SpIcsHistory         *ics_history;   /* iCalendar: in, the last export to the same file, whose events no
                                        * longer planned are cancelled; out, this one; nullable */
} SpExportOptions;

GQuark      sp_export_error_quark     (void);
char       *sp_export_zone_name (GTimeZone *timezone);

const char *sp_paper_to_string        (SpPaper       paper);
gboolean    sp_paper_from_string      (const char   *str,
                                       SpPaper      *paper);
SpPaper     sp_paper_get_default      (void);
void        sp_paper_get_size         (SpPaper       paper,
                                       gboolean      landscape,
                                       double       *width,
                                       double       *height);

void sp_export_options_init (SpExportOptions *options,
                             SpPlanner       *planner);

/* The three formats, one shape: the schedule and options in, the file's
 * bytes or an error out. Writing them is the caller's (sp_file_write_atomic). */
GBytes *sp_export_json (SpSchedule            *schedule,
                        const SpExportOptions *options,
                        GError               **error);
GBytes *sp_export_ics (SpSchedule            *schedule,
                       const SpExportOptions *options,
                       GError               **error);
GBytes *sp_export_pdf (SpSchedule            *schedule,
                       const SpExportOptions *options,
                       GError               **error);

/* Any of the three */
typedef GBytes *(*SpExportFunc) (SpSchedule            *schedule,
                                 const SpExportOptions *options,
                                 GError               **error);

gboolean sp_export_to_file (SpExportFunc export,
                            SpSchedule            *schedule,
                            const SpExportOptions *options,
                            const char            *path,
                            GError               **error);

char *sp_export_ics_uid (SpPlan        *plan,
                         const SpBlock *block);
/* One block's event, and the head of a resource that holds one (CalDAV) */
icalcomponent *sp_export_ics_block_event (SpSchedule            *schedule,
                                          const SpExportOptions *options,
                                          const SpBlock         *block,
                                          int                    sequence);
char          *sp_export_ics_event_to_string (icalcomponent *event);
char          *sp_export_ics_resource_head (SpSchedule            *schedule,
                                            const SpExportOptions *options,
                                            GError               **error);

G_END_DECLS
