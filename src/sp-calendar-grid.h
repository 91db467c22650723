/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-calendar-layout.h"
#include "sp-planner.h"

G_BEGIN_DECLS

#define SP_TYPE_CALENDAR_GRID (sp_calendar_grid_get_type ())

/* Below this width a month's day shows dots rather than its blocks */
#define SP_CALENDAR_GRID_COMPACT_DAY 64
G_DECLARE_FINAL_TYPE (SpCalendarGrid, sp_calendar_grid, SP, CALENDAR_GRID, GtkWidget)

SpPlanner              *sp_calendar_grid_get_planner       (SpCalendarGrid *self);
void                    sp_calendar_grid_set_planner       (SpCalendarGrid *self,
                                                            SpPlanner      *planner);
SpCalendarSpan          sp_calendar_grid_get_span          (SpCalendarGrid *self);
guint32                 sp_calendar_grid_get_selected_day  (SpCalendarGrid *self);
void                    sp_calendar_grid_set_selected_day  (SpCalendarGrid *self,
                                                            guint32         day);
guint                   sp_calendar_grid_get_first_weekday (SpCalendarGrid *self);
const SpCalendarLayout *sp_calendar_grid_get_layout        (SpCalendarGrid *self);
const char             *sp_calendar_grid_get_description   (SpCalendarGrid *self);
void                    sp_calendar_grid_invalidate        (SpCalendarGrid *self);
gboolean                sp_calendar_grid_open_block        (SpCalendarGrid *self,
                                                            const char     *block_id);
GtkPopover             *sp_calendar_grid_get_popover       (SpCalendarGrid *self);
gboolean                sp_calendar_grid_is_compact (SpCalendarGrid *self);
gboolean                sp_calendar_grid_drop_block        (SpCalendarGrid *self,
                                                            const char     *block_id,
                                                            guint           grab_offset,
                                                            double          x,
                                                            double          y,
                                                            GError        **error);

guint                   sp_calendar_get_locale_first_weekday (void);

G_END_DECLS
