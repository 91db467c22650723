/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-availability.h"
#include "sp-print-draw-private.h"
#include "sp-print-layout.h"

G_BEGIN_DECLS

/* Shared by the page kinds of the printed schedule: sp-print-week.c,
 * sp-print-month.c and sp-print-plan.c draw into the layout that
 * sp-print-layout.c makes and paginates. Sizes in points. */

#define GAP          6.0
#define RULE         0.5
#define ROW_HEIGHT   11.5
#define FOOTER_GAP   4.0

struct _SpPrintLayout
{
  GObject       parent_instance;

  SpSchedule   *schedule;
  SpPlan       *plan;
  SpPrintRange  range;
  guint32       from_day;
  guint32       first_day;    /* the days on paper */
  guint32       last_day;
  guint         first_weekday; /* 0 for Monday to 6 for Sunday */
  guint32       plan_monday;  /* the first day of week 1 of the plan */

  double        width;
  double        height;
  double        header_height;
  double        footer_height;
  GArray       *items;        /* element-type Item: the whole plan */
  GArray       *pages;        /* element-type guint: the first item of each page */
  guint         n_pages;
  cairo_pattern_t *level_patterns[SP_PRINT_N_LEVEL_LOOKS];
};

/* Helpers of every page */
char       *sp_print_format_level_tag        (guint          level);
const char *sp_print_layout_level_title      (SpPrintLayout *self,
                                              guint          index);
gboolean    sp_print_layout_block_is_missed  (SpPrintLayout *self,
                                              const SpBlock *block);
guint       sp_print_layout_count_minutes    (SpPrintLayout *self,
                                              guint32        first_day,
                                              guint32        last_day,
                                              gboolean       done);
double      sp_print_layout_draw_legend      (SpPrintLayout *self,
                                              SpPen         *pen,
                                              double         x,
                                              double         y,
                                              double         width,
                                              gboolean       measure_only);

/* The page kinds */
void        sp_print_week_draw_page          (SpPrintLayout *self,
                                              SpPen         *pen);
void        sp_print_month_draw_page         (SpPrintLayout *self,
                                              SpPen         *pen);
void        sp_print_plan_paginate           (SpPrintLayout *self,
                                              SpPen         *pen);
void        sp_print_plan_draw_page          (SpPrintLayout *self,
                                              SpPen         *pen,
                                              guint          page);

G_END_DECLS
