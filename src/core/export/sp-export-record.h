/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-export.h"

G_BEGIN_DECLS

/* What an iCalendar export wrote to one file, so that the next export to
 * that file can cancel the events that are no longer in the schedule. */
typedef struct
{
  char  *uid;
  gint64 start; /* Unix time */
  gint64 end;
  char  *summary;
} SpExportedEvent;

struct _SpIcsHistory
{
  int        sequence; /* the SEQUENCE written last */
  GPtrArray *events;   /* element-type SpExportedEvent */
};

SpIcsHistory *sp_ics_history_new (void);
void          sp_ics_history_free (SpIcsHistory *history);
void          sp_ics_history_add (SpIcsHistory *history,
                                  const char   *uid,
                                  gint64        start,
                                  gint64        end,
                                  const char   *summary);

char         *sp_export_record_get_default_path (void);
char         *sp_export_record_key (const char *path);
SpIcsHistory *sp_export_record_load (const char *record_path,
                                     const char *key);
gboolean      sp_export_record_save (const char   *record_path,
                                     const char   *key,
                                     SpIcsHistory *history,
                                     GError      **error);

gboolean sp_export_ics_to_file (SpSchedule            *schedule,
                                const SpExportOptions *options,
                                const char            *path,
                                GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpIcsHistory, sp_ics_history_free)

G_END_DECLS
