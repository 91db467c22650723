/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-print-draw-private.h"

/* The toolkit of the printed pages: text set with Pango, always within a
 * width (ellipsized or wrapped to a number of lines), and the shapes every
 * page uses. Levels are told apart by a pattern and a number, not by
 * colour alone. */

static const struct
{
  double      size;
  PangoWeight weight;
  PangoStyle  slant;
} styles[N_STYLES] = {
  [STYLE_TITLE] = { 14, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [STYLE_SUBTITLE] = { 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [STYLE_HEADING] = { 11.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [STYLE_WEEK] = { 9, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [STYLE_BODY] = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [STYLE_BODY_BOLD] = { 8, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [STYLE_SMALL] = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [STYLE_SMALL_BOLD] = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [STYLE_TINY] = { 7, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [STYLE_TINY_BOLD] = { 7, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
};

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

/* The level colours of data/style.css, for colour printers. */
static const double level_rgb[][3] = {
  { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0 },
  { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0 },
  { 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0 },
  { 0xe6 / 255.0, 0x61 / 255.0, 0x00 / 255.0 },
  { 0xc0 / 255.0, 0x1c / 255.0, 0x28 / 255.0 },
  { 0x86 / 255.0, 0x5e / 255.0, 0x3c / 255.0 },
};
G_STATIC_ASSERT (G_N_ELEMENTS (level_rgb) == SP_PRINT_N_LEVEL_LOOKS);

/* Text ---------------------------------------------------------------- */

void
sp_pen_init (SpPen   *pen,
             cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  pen->cr = cr;
  pen->context = pango_cairo_create_context (cr);
  /* Points in, points out; unhinted metrics so that the preview, the
   * printer and the PDF measure text the same */
  pango_cairo_context_set_resolution (pen->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pen->context, options);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < N_STYLES; i++)
    {
      g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (FONT_FAMILY);

      pango_font_description_set_size (desc, (int) (styles[i].size * PANGO_SCALE));
      pango_font_description_set_weight (desc, styles[i].weight);
      pango_font_description_set_style (desc, styles[i].slant);
      pen->layouts[i] = pango_layout_new (pen->context);
      pango_layout_set_font_description (pen->layouts[i], desc);
      pango_layout_set_wrap (pen->layouts[i], PANGO_WRAP_WORD_CHAR);
    }
}

void
sp_pen_clear (SpPen *pen)
{
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_object (&pen->layouts[i]);
  g_clear_object (&pen->context);
}

/* Sets @text in @style @width wide; with @max_lines > 0 it wraps to at
 * most that many lines and ellipsizes the last, with 0 it wraps freely. */
static PangoLayout *
pen_set (SpPen          *pen,
         SpPenStyle      style,
         const char     *text,
         double          width,
         int             max_lines,
         PangoAlignment  align)
{
  PangoLayout *layout = pen->layouts[style];

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width > 0 ? pango_units_from_double (width) : -1);
  pango_layout_set_alignment (layout, align);
  if (max_lines > 0 && width > 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -max_lines);
    }
  else
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (layout, -1);
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

double
sp_pen_measure (SpPen      *pen,
                SpPenStyle  style,
                const char *text,
                double      width,
                int         max_lines)
{
  return layout_height (pen_set (pen, style, text, width, max_lines, PANGO_ALIGN_LEFT));
}

double
sp_pen_line_height (SpPen      *pen,
                    SpPenStyle  style)
{
  return sp_pen_measure (pen, style, "Ag", -1, 1);
}

double
sp_pen_text_width (SpPen      *pen,
                   SpPenStyle  style,
                   const char *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (pen_set (pen, style, text, -1, 1, PANGO_ALIGN_LEFT), NULL, &logical);
  return pango_units_to_double (logical.width);
}

/* Shows text at (x, y), its top; returns its height. */
double
sp_pen_show (SpPen          *pen,
             SpPenStyle      style,
             const char     *text,
             double          x,
             double          y,
             double          width,
             int             max_lines,
             PangoAlignment  align)
{
  PangoLayout *layout = pen_set (pen, style, text, width, max_lines, align);

  cairo_move_to (pen->cr, x, y);
  pango_cairo_show_layout (pen->cr, layout);
  return layout_height (layout);
}

/* Shapes -------------------------------------------------------------- */

void
sp_print_set_gray (cairo_t *cr,
                   double   gray)
{
  cairo_set_source_rgb (cr, gray, gray, gray);
}

void
sp_print_hline (cairo_t *cr,
                double   x1,
                double   x2,
                double   y,
                double   width,
                double   gray)
{
  cairo_save (cr);
  sp_print_set_gray (cr, gray);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A tile per level: solid, stripes, dots, cross-hatch, bars, checks; in
 * the level's colour, so a colour print has both and grey has the shape. */
static cairo_pattern_t *
make_level_pattern (guint look)
{
  cairo_rectangle_t extents = { 0, 0, 4, 4 };
  cairo_surface_t *tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, level_rgb[look][0], level_rgb[look][1], level_rgb[look][2]);
  cairo_set_line_width (cr, 1.0);
  switch (look)
    {
    case 1:
      cairo_move_to (cr, -1, 5);
      cairo_line_to (cr, 5, -1);
      cairo_move_to (cr, -1, 1);
      cairo_line_to (cr, 1, -1);
      cairo_move_to (cr, 3, 5);
      cairo_line_to (cr, 5, 3);
      cairo_stroke (cr);
      break;
    case 2:
      cairo_arc (cr, 2, 2, 1.1, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case 3:
      cairo_move_to (cr, 0, 0);
      cairo_line_to (cr, 4, 4);
      cairo_move_to (cr, 4, 0);
      cairo_line_to (cr, 0, 4);
      cairo_stroke (cr);
      break;
    case 4:
      cairo_rectangle (cr, 0, 1, 4, 1.6);
      cairo_fill (cr);
      break;
    default:
      cairo_rectangle (cr, 0, 0, 2, 2);
      cairo_rectangle (cr, 2, 2, 2, 2);
      cairo_fill (cr);
      break;
    }
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

/* @patterns: the layout's cache of tiles, SP_PRINT_N_LEVEL_LOOKS long */
void
sp_print_fill_level (cairo_pattern_t **patterns,
                     cairo_t          *cr,
                     guint             level,
                     double            x,
                     double            y,
                     double            w,
                     double            h)
{
  guint look = level % SP_PRINT_N_LEVEL_LOOKS;
  cairo_matrix_t matrix;

  if (look > 0 && patterns[look] == NULL)
    patterns[look] = make_level_pattern (look);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  if (look == 0)
    {
      /* Solid: a tile would show its seams */
      cairo_set_source_rgb (cr, level_rgb[0][0], level_rgb[0][1], level_rgb[0][2]);
    }
  else
    {
      /* The tile starts at the shape, so every swatch looks the same */
      cairo_matrix_init_translate (&matrix, -x, -y);
      cairo_pattern_set_matrix (patterns[look], &matrix);
      cairo_set_source (cr, patterns[look]);
    }
  cairo_fill_preserve (cr);
  sp_print_set_gray (cr, 0.25);
  cairo_set_line_width (cr, 0.4);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A box to tick on paper; already ticked for done work. */
void
sp_print_draw_checkbox (cairo_t       *cr,
                        double         x,
                        double         y,
                        double         size,
                        SpBlockStatus  status)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill_preserve (cr);
  sp_print_set_gray (cr, 0);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);

  cairo_set_line_width (cr, 0.9);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  switch (status)
    {
    case SP_BLOCK_STATUS_DONE:
      cairo_move_to (cr, x + size * 0.2, y + size * 0.55);
      cairo_line_to (cr, x + size * 0.42, y + size * 0.8);
      cairo_line_to (cr, x + size * 0.85, y + size * 0.2);
      cairo_stroke (cr);
      break;
    case SP_BLOCK_STATUS_PARTIAL:
      cairo_move_to (cr, x, y + size);
      cairo_line_to (cr, x + size, y);
      cairo_line_to (cr, x + size, y + size);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case SP_BLOCK_STATUS_SKIPPED:
      cairo_move_to (cr, x + size * 0.2, y + size * 0.2);
      cairo_line_to (cr, x + size * 0.8, y + size * 0.8);
      cairo_move_to (cr, x + size * 0.8, y + size * 0.2);
      cairo_line_to (cr, x + size * 0.2, y + size * 0.8);
      cairo_stroke (cr);
      break;
    case SP_BLOCK_STATUS_PLANNED:
    default:
      break;
    }
  cairo_restore (cr);
}

