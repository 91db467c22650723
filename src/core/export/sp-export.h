/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-planner.h"
#include "sp-print-layout.h"
#include "sp-schedule.h"

G_BEGIN_DECLS

#define SP_EXPORT_ERROR (sp_export_error_quark ())

typedef enum
{
  SP_EXPORT_ERROR_DRAW,      /* cairo could not make the PDF */
  SP_EXPORT_ERROR_CALENDAR,  /* libical could not make the calendar */
} SpExportError;

typedef enum
{
  SP_PAPER_A4,
  SP_PAPER_LETTER,
} SpPaper;

/* The margin of the exported PDF on every side, in points (12.7 mm). */
#define SP_EXPORT_MARGIN 36.0

GQuark      sp_export_error_quark     (void);

const char *sp_paper_to_string        (SpPaper       paper);
gboolean    sp_paper_from_string      (const char   *str,
                                       SpPaper      *paper);
SpPaper     sp_paper_get_default      (void);
void        sp_paper_get_size         (SpPaper       paper,
                                       gboolean      landscape,
                                       double       *width,
                                       double       *height);

GBytes     *sp_export_pdf_to_bytes    (SpSchedule   *schedule,
                                       SpPrintRange  range,
                                       guint32       from_day,
                                       guint         first_weekday,
                                       SpPaper       paper,
                                       GError      **error);
gboolean    sp_export_pdf             (SpSchedule   *schedule,
                                       SpPrintRange  range,
                                       guint32       from_day,
                                       guint         first_weekday,
                                       SpPaper       paper,
                                       const char   *path,
                                       GError      **error);

char       *sp_export_ics_to_string   (SpPlanner    *planner,
                                       GError      **error);
gboolean    sp_export_ics             (SpPlanner    *planner,
                                       const char   *path,
                                       GError      **error);
char       *sp_export_ics_uid         (SpPlan       *plan,
                                       const SpBlock *block);

G_END_DECLS
