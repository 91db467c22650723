/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sp-schedule.h"

G_BEGIN_DECLS

/* What goes on paper. */
typedef enum
{
  SP_PRINT_RANGE_WEEK,   /* one page: a time grid of the week, with its goals */
  SP_PRINT_RANGE_MONTH,  /* one page: a calendar of the month */
  SP_PRINT_RANGE_PLAN,   /* many pages: the whole plan week by week */
} SpPrintRange;

const char *sp_print_range_to_string        (SpPrintRange  range);
gboolean    sp_print_range_from_string      (const char   *str,
                                             SpPrintRange *range);
const char *sp_print_range_get_label        (SpPrintRange  range); /* translated */
gboolean    sp_print_range_prefers_landscape (SpPrintRange range);

#define SP_TYPE_PRINT_LAYOUT (sp_print_layout_get_type ())
G_DECLARE_FINAL_TYPE (SpPrintLayout, sp_print_layout, SP, PRINT_LAYOUT, GObject)

SpPrintLayout *sp_print_layout_new            (SpSchedule    *schedule,
                                               SpPrintRange   range,
                                               guint32        from_day,
                                               guint          first_weekday);
SpPrintRange   sp_print_layout_get_range      (SpPrintLayout *self);
guint32        sp_print_layout_get_first_day  (SpPrintLayout *self);
guint32        sp_print_layout_get_last_day   (SpPrintLayout *self);
guint          sp_print_layout_paginate       (SpPrintLayout *self,
                                               cairo_t       *cr,
                                               double         width,
                                               double         height);
guint          sp_print_layout_get_n_pages    (SpPrintLayout *self);
void           sp_print_layout_draw_page      (SpPrintLayout *self,
                                               cairo_t       *cr,
                                               guint          page);

G_END_DECLS
