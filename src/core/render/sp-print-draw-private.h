/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sp-schedule.h"

G_BEGIN_DECLS

/* The text and shape toolkit of the printed pages, private to them. */

typedef enum
{
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_WEEK,
  STYLE_BODY,
  STYLE_BODY_BOLD,
  STYLE_SMALL,
  STYLE_SMALL_BOLD,
  STYLE_TINY,
  STYLE_TINY_BOLD,
  N_STYLES
} SpPenStyle;

/* Text set on one cairo context, one layout per style. */
typedef struct
{
  cairo_t      *cr;
  PangoContext *context;
  PangoLayout  *layouts[N_STYLES];
} SpPen;

/* Levels take these many patterns in turn */
#define SP_PRINT_N_LEVEL_LOOKS 6

void   sp_pen_init             (SpPen            *pen,
                                cairo_t          *cr);
void   sp_pen_clear            (SpPen            *pen);
double sp_pen_measure          (SpPen            *pen,
                                SpPenStyle        style,
                                const char       *text,
                                double            width,
                                int               max_lines);
double sp_pen_line_height      (SpPen            *pen,
                                SpPenStyle        style);
double sp_pen_text_width       (SpPen            *pen,
                                SpPenStyle        style,
                                const char       *text);
double sp_pen_show             (SpPen            *pen,
                                SpPenStyle        style,
                                const char       *text,
                                double            x,
                                double            y,
                                double            width,
                                int               max_lines,
                                PangoAlignment    align);

void   sp_print_set_gray       (cairo_t          *cr,
                                double            gray);
void   sp_print_hline          (cairo_t          *cr,
                                double            x1,
                                double            x2,
                                double            y,
                                double            width,
                                double            gray);
void   sp_print_fill_level     (cairo_pattern_t **patterns,
                                cairo_t          *cr,
                                guint             level,
                                double            x,
                                double            y,
                                double            w,
                                double            h);
void   sp_print_draw_checkbox  (cairo_t          *cr,
                                double            x,
                                double            y,
                                double            size,
                                SpBlockStatus     status);

G_END_DECLS
