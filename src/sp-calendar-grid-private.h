/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-block-popover.h"
#include "sp-calendar-grid.h"

G_BEGIN_DECLS

/* What the grid's files share: sp-calendar-grid.c is the widget (its
 * properties, layout, paint cache and pointer), sp-calendar-grid-draw.c
 * paints the Month and Week grids, sp-calendar-grid-keys.c takes the
 * keyboard and sp-calendar-grid-dnd.c drag and drop. */

#define N_LEVEL_COLORS 6

struct _SpCalendarGrid
{
  GtkWidget          parent_instance;

  SpPlanner         *planner;
  SpCalendarSpan     span;
  guint32            selected_day;
  guint              first_weekday;

  SpCalendarLayout  *layout;
  SpCalendarMetrics  metrics;
  double             line_height;
  double             small_height;
  int                layout_width;
  int                layout_height;
  char              *description;
  SpBlockPopover    *popover;

  char              *drag_block;
  guint              drag_offset;   /* minutes from the block's start to where it was grabbed */
  guint              drag_minutes;
  gboolean           drop_active;
  guint32            drop_day;
  guint              drop_minute;

  guint              clock_id;
  gboolean           compact;        /* as last notified */
  gboolean           scroll_pending; /* week: to its first block once laid out */
  guint              scroll_id;
  GtkAdjustment     *watched_scroll; /* week: redrawn as it scrolls, for the day names */
  guint              autoscroll_id;  /* a drag near the top or bottom edge */
  int                autoscroll_step;
  guint              compact_id;

  /* Made on the first frame and kept until the style or the fonts change */
  struct _Paint     *paint;
  gboolean           fonts_measured;
};

typedef struct _Paint
{
  GdkRGBA fg;
  GdkRGBA accent_bg;
  GdkRGBA accent_fg;
  GdkRGBA accent;
  GdkRGBA now;
  GdkRGBA        bg; /* under the Week view's day names, which stay in sight */
  GdkRGBA levels[N_LEVEL_COLORS];
  gboolean high_contrast;
  PangoLayout *text;
  PangoLayout *small;
  PangoLayout *bold;
  PangoLayout *badge;
  GskRenderNode *badges[N_LEVEL_COLORS]; /* the level numbers, drawn once */
  double badge_size;
} Paint;

/* sp-calendar-grid.c */
SpSchedule             *sp_calendar_grid_get_schedule      (SpCalendarGrid *self);
const SpCalendarLayout *sp_calendar_grid_ensure_layout     (SpCalendarGrid *self);
const Paint            *sp_calendar_grid_ensure_paint      (SpCalendarGrid *self);
void                    sp_calendar_grid_select_and_scroll (SpCalendarGrid *self,
                                                            guint32         day);
void                    sp_calendar_grid_activate_day      (SpCalendarGrid *self,
                                                            guint32         day);

/* sp-calendar-grid-draw.c */
int                     sp_calendar_grid_text_width        (PangoLayout            *layout,
                                                            const char             *text);
void                    sp_calendar_grid_draw_block        (SpCalendarGrid         *self,
                                                            GtkSnapshot            *snapshot,
                                                            const Paint            *paint,
                                                            const SpBlock          *block,
                                                            const SpRect           *rect,
                                                            gboolean                ghost);
void                    sp_calendar_grid_snapshot_month    (SpCalendarGrid         *self,
                                                            GtkSnapshot            *snapshot,
                                                            const Paint            *paint,
                                                            const SpCalendarLayout *layout);
double                  sp_calendar_grid_get_header_top (SpCalendarGrid         *self,
                                                         const SpCalendarLayout *layout);
void                    sp_calendar_grid_snapshot_week     (SpCalendarGrid         *self,
                                                            GtkSnapshot            *snapshot,
                                                            const Paint            *paint,
                                                            const SpCalendarLayout *layout);

/* sp-calendar-grid-keys.c */
void                    sp_calendar_grid_keys_class_init   (GtkWidgetClass         *widget_class);

/* sp-calendar-grid-dnd.c */
void                    sp_calendar_grid_dnd_init          (SpCalendarGrid         *self);

G_END_DECLS
