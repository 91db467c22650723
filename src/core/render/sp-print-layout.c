/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "sp-availability.h"
#include "sp-calendar-text.h"
#include "sp-print-layout.h"

/* The schedule on paper. One drawing code for the print preview, the
 * printer and the PDF export: a cairo context in points whose origin is
 * the top left of the printable area, of the size given to paginate().
 * Text is set with Pango, always within a width (ellipsized or wrapped to
 * a number of lines) and clipped to its box, so nothing overlaps. Levels
 * are told apart by a pattern and a number, not by colour alone. */

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
} Style;

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
#define N_LEVEL_LOOKS G_N_ELEMENTS (level_rgb)

#define GAP          6.0
#define RULE         0.5
#define ROW_HEIGHT   11.5
#define FOOTER_GAP   4.0

typedef enum
{
  ITEM_LEVEL,   /* a level's heading: its dates, hours and whether it fits */
  ITEM_WEEK,    /* a week's heading */
  ITEM_BLOCK,   /* one block, a row with a checkbox */
  ITEM_EMPTY,   /* a week without blocks */
  ITEM_SUMMARY, /* nothing scheduled at all: why */
} ItemKind;

typedef struct
{
  ItemKind kind;
  guint    index;   /* the level, or the block */
  guint32  monday;  /* the week it belongs to */
  double   height;
} Item;

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
  cairo_pattern_t *level_patterns[N_LEVEL_LOOKS];
};

G_DEFINE_FINAL_TYPE (SpPrintLayout, sp_print_layout, G_TYPE_OBJECT)

/* Text set on one cairo context, one layout per style. */
typedef struct
{
  cairo_t      *cr;
  PangoContext *context;
  PangoLayout  *layouts[N_STYLES];
} Pen;

static const char * const range_names[] = { "week", "month", "plan" };

const char *
sp_print_range_to_string (SpPrintRange range)
{
  g_return_val_if_fail ((guint) range < G_N_ELEMENTS (range_names), NULL);
  return range_names[range];
}

gboolean
sp_print_range_from_string (const char   *str,
                            SpPrintRange *range)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (range_names); i++)
    if (g_str_equal (str, range_names[i]))
      {
        *range = (SpPrintRange) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_print_range_get_label (SpPrintRange range)
{
  switch (range)
    {
    case SP_PRINT_RANGE_WEEK:
      return _("This Week");
    case SP_PRINT_RANGE_MONTH:
      return _("This Month");
    case SP_PRINT_RANGE_PLAN:
      return _("The Whole Plan");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The week and month pages are wider than tall; the plan is a list. */
gboolean
sp_print_range_prefers_landscape (SpPrintRange range)
{
  return range != SP_PRINT_RANGE_PLAN;
}

/* Numbers -------------------------------------------------------------- */

static char *
format_level_tag (guint level)
{
  /* TRANSLATORS: a short label for a level of the path on paper, "L2" for Level 2 */
  return g_strdup_printf (_("L%u"), level + 1);
}

static const SpLevel *
get_level (SpPrintLayout *self,
           guint          index)
{
  if (index < sp_plan_get_n_levels (self->plan))
    return sp_plan_get_level (self->plan, index);
  return NULL;
}

static const char *
level_title (SpPrintLayout *self,
             guint          index)
{
  const SpLevel *level = get_level (self, index);

  return level ? sp_text_get (level->title) : "";
}

/* Planned for a day gone by and never marked */
static gboolean
block_is_missed (SpPrintLayout *self,
                 const SpBlock *block)
{
  return block->status == SP_BLOCK_STATUS_PLANNED && block->day < sp_schedule_get_today (self->schedule);
}

/* Text ---------------------------------------------------------------- */

static void
pen_init (Pen     *pen,
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

static void
pen_clear (Pen *pen)
{
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_object (&pen->layouts[i]);
  g_clear_object (&pen->context);
}

/* Sets @text in @style @width wide; with @max_lines > 0 it wraps to at
 * most that many lines and ellipsizes the last, with 0 it wraps freely. */
static PangoLayout *
pen_set (Pen           *pen,
         Style          style,
         const char    *text,
         double         width,
         int            max_lines,
         PangoAlignment align)
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

static double
pen_measure (Pen        *pen,
             Style       style,
             const char *text,
             double      width,
             int         max_lines)
{
  return layout_height (pen_set (pen, style, text, width, max_lines, PANGO_ALIGN_LEFT));
}

static double
pen_line_height (Pen   *pen,
                 Style  style)
{
  return pen_measure (pen, style, "Ag", -1, 1);
}

static double
pen_text_width (Pen        *pen,
                Style       style,
                const char *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (pen_set (pen, style, text, -1, 1, PANGO_ALIGN_LEFT), NULL, &logical);
  return pango_units_to_double (logical.width);
}

/* Shows text at (x, y), its top; returns its height. */
static double
pen_show (Pen           *pen,
          Style          style,
          const char    *text,
          double         x,
          double         y,
          double         width,
          int            max_lines,
          PangoAlignment align)
{
  PangoLayout *layout = pen_set (pen, style, text, width, max_lines, align);

  cairo_move_to (pen->cr, x, y);
  pango_cairo_show_layout (pen->cr, layout);
  return layout_height (layout);
}

/* Shapes -------------------------------------------------------------- */

static void
set_gray (cairo_t *cr,
          double   gray)
{
  cairo_set_source_rgb (cr, gray, gray, gray);
}

static void
hline (cairo_t *cr,
       double   x1,
       double   x2,
       double   y,
       double   width,
       double   gray)
{
  cairo_save (cr);
  set_gray (cr, gray);
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

static void
fill_level (SpPrintLayout *self,
            cairo_t       *cr,
            guint          level,
            double         x,
            double         y,
            double         w,
            double         h)
{
  guint look = level % N_LEVEL_LOOKS;
  cairo_matrix_t matrix;

  if (look > 0 && self->level_patterns[look] == NULL)
    self->level_patterns[look] = make_level_pattern (look);

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
      cairo_pattern_set_matrix (self->level_patterns[look], &matrix);
      cairo_set_source (cr, self->level_patterns[look]);
    }
  cairo_fill_preserve (cr);
  set_gray (cr, 0.25);
  cairo_set_line_width (cr, 0.4);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A box to tick on paper; already ticked for done work. */
static void
draw_checkbox (cairo_t       *cr,
               double         x,
               double         y,
               double         size,
               SpBlockStatus  status)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill_preserve (cr);
  set_gray (cr, 0);
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

/* Header and footer ----------------------------------------------------- */

static char *
dup_range_text (SpPrintLayout *self)
{
  switch (self->range)
    {
    case SP_PRINT_RANGE_MONTH:
      return sp_calendar_format_month (self->from_day);
    case SP_PRINT_RANGE_WEEK:
    case SP_PRINT_RANGE_PLAN:
    default:
      return sp_calendar_format_range (self->first_day, self->last_day);
    }
}

static guint
count_minutes (SpPrintLayout *self,
               guint32        first_day,
               guint32        last_day,
               gboolean       done)
{
  guint minutes = 0;
  guint first;

  sp_schedule_get_day_blocks (self->schedule, first_day, &first);
  for (guint i = first; i < sp_schedule_get_n_blocks (self->schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (self->schedule, i);

      if (block->day > last_day)
        break;
      if (!done)
        minutes += block->status == SP_BLOCK_STATUS_SKIPPED ? 0 : block->minutes;
      else if (block->status == SP_BLOCK_STATUS_DONE)
        minutes += block->minutes;
      else if (block->status == SP_BLOCK_STATUS_PARTIAL)
        minutes += block->done_minutes;
    }
  return minutes;
}

static char *
dup_subtitle (SpPrintLayout *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *track_id = sp_schedule_get_track (self->schedule);
  const SpTrack *track = track_id ? sp_plan_lookup_track (self->plan, track_id) : NULL;
  guint planned = count_minutes (self, self->first_day, self->last_day, FALSE);
  guint done = count_minutes (self, self->first_day, self->last_day, TRUE);
  g_autofree char *planned_text = sp_calendar_format_duration (planned);

  if (track != NULL)
    /* TRANSLATORS: the specialization track on the printed schedule */
    g_string_append_printf (text, _("Track: %s"), sp_text_get (track->title));
  if (text->len > 0)
    g_string_append (text, " · ");
  /* TRANSLATORS: study time planned in the printed days, "Planned: 9 h 10 min" */
  g_string_append_printf (text, _("Planned: %s"), planned_text);
  if (done > 0)
    {
      g_autofree char *done_text = sp_calendar_format_duration (done);
      g_string_append (text, " · ");
      /* TRANSLATORS: study time done in the printed days, "Done: 2 h" */
      g_string_append_printf (text, _("Done: %s"), done_text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static double
measure_header (Pen *pen)
{
  return pen_line_height (pen, STYLE_TITLE) + pen_line_height (pen, STYLE_SUBTITLE) + 3 + GAP;
}

static void
draw_header (SpPrintLayout *self,
             Pen           *pen)
{
  cairo_t *cr = pen->cr;
  g_autofree char *range_text = dup_range_text (self);
  g_autofree char *subtitle = dup_subtitle (self);
  double title_h = pen_line_height (pen, STYLE_TITLE);
  double range_w = MIN (pen_text_width (pen, STYLE_TITLE, range_text), self->width * 0.55);
  double y;

  set_gray (cr, 0);
  pen_show (pen, STYLE_TITLE, sp_plan_get_title (self->plan), 0, 0,
            self->width - range_w - 12, 1, PANGO_ALIGN_LEFT);
  pen_show (pen, STYLE_TITLE, range_text, self->width - range_w, 0, range_w, 1, PANGO_ALIGN_RIGHT);
  y = title_h;
  set_gray (cr, 0.25);
  pen_show (pen, STYLE_SUBTITLE, subtitle, 0, y, self->width, 1, PANGO_ALIGN_LEFT);
  y += pen_line_height (pen, STYLE_SUBTITLE) + 2;
  hline (cr, 0, self->width, y, 1.0, 0);
}

static void
draw_footer (SpPrintLayout *self,
             Pen           *pen,
             guint          page)
{
  g_autofree char *number = NULL;
  double y = self->height - pen_line_height (pen, STYLE_SMALL);
  double third = self->width / 3;

  hline (pen->cr, 0, self->width, y - FOOTER_GAP / 2, RULE, 0.5);
  set_gray (pen->cr, 0.3);
  /* TRANSLATORS: the page number at the foot of a printed page */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  pen_show (pen, STYLE_SMALL, _("Study Planner"), 0, y, third, 1, PANGO_ALIGN_LEFT);
  pen_show (pen, STYLE_SMALL, number, third, y, third, 1, PANGO_ALIGN_CENTER);
}

static double
measure_footer (Pen *pen)
{
  return pen_line_height (pen, STYLE_SMALL) + FOOTER_GAP;
}

/* The levels, told apart without colour. */
static double
draw_legend (SpPrintLayout *self,
             Pen           *pen,
             double         x,
             double         y,
             double         width,
             gboolean       measure_only)
{
  double line = pen_line_height (pen, STYLE_SMALL);
  double cx = x, cy = y;
  guint n_levels = sp_plan_get_n_levels (self->plan);
  const char *notes[] = {
    /* TRANSLATORS: the legend of the printed schedule */
    _("Tick the box when done"),
    /* TRANSLATORS: the legend of the printed schedule; "Moved" is the mark on such blocks */
    _("↪ Moved: brought forward from a missed day"),
  };

  for (guint i = 0; i < n_levels + G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *text = NULL;
      double w;

      if (i < n_levels)
        {
          g_autofree char *tag = format_level_tag (i);
          text = g_strdup_printf ("%s %s", tag, level_title (self, i));
        }
      else
        text = g_strdup (notes[i - n_levels]);

      w = MIN (pen_text_width (pen, STYLE_SMALL, text) + 12 + 10, width);
      if (cx > x && cx + w > x + width)
        {
          cx = x;
          cy += line + 2;
        }
      if (!measure_only)
        {
          if (i < n_levels)
            fill_level (self, pen->cr, i, cx, cy + line / 2 - 4, 8, 8);
          else if (i == n_levels)
            draw_checkbox (pen->cr, cx, cy + line / 2 - 4, 8, SP_BLOCK_STATUS_PLANNED);
          else
            {
              cairo_save (pen->cr);
              cairo_set_dash (pen->cr, (double[]) { 1.5, 1.0 }, 2, 0);
              cairo_set_line_width (pen->cr, 0.8);
              set_gray (pen->cr, 0);
              cairo_rectangle (pen->cr, cx, cy + line / 2 - 4, 8, 8);
              cairo_stroke (pen->cr);
              cairo_restore (pen->cr);
            }
          set_gray (pen->cr, 0);
          pen_show (pen, STYLE_SMALL, text, cx + 11, cy, w - 11 - 10, 1, PANGO_ALIGN_LEFT);
        }
      cx += w;
    }
  return cy + line - y;
}

/* The week ------------------------------------------------------------- */

typedef struct
{
  const SpTopic *topic;
  guint          level;
  guint          minutes;
  guint          kinds;        /* 1 << SpBlockKind */
  gboolean       before;       /* study (reviews aside) before the week */
  gboolean       after;        /* and after it */
  guint          order;
} Goal;

static int
goal_compare (gconstpointer a,
              gconstpointer b)
{
  const Goal *ga = *(const Goal **) a, *gb = *(const Goal **) b;

  return (int) ga->order - (int) gb->order;
}

/* The topics of the week, in the order they come, with what to reach:
 * start, carry on, finish, or review. */
static GPtrArray *
collect_goals (SpPrintLayout *self,
               guint32        monday)
{
  g_autoptr(GHashTable) by_topic = g_hash_table_new (NULL, NULL);
  GPtrArray *goals = g_ptr_array_new_with_free_func (g_free);
  guint32 sunday = monday + 6;
  guint n = sp_schedule_get_n_blocks (self->schedule);
  guint first;

  sp_schedule_get_day_blocks (self->schedule, monday, &first);
  for (guint i = first; i < n; i++)
    {
      const SpBlock *block = sp_schedule_get_block (self->schedule, i);
      Goal *goal;

      if (block->day > sunday)
        break;
      goal = g_hash_table_lookup (by_topic, block->topic);
      if (goal == NULL)
        {
          goal = g_new0 (Goal, 1);
          goal->topic = block->topic;
          goal->level = block->level;
          goal->order = goals->len;
          g_hash_table_insert (by_topic, (gpointer) block->topic, goal);
          g_ptr_array_add (goals, goal);
        }
      goal->minutes += block->minutes;
      goal->kinds |= 1u << block->kind;
    }

  /* Whether the topic's study (reviews aside) begins or ends this week */
  for (guint i = 0; i < n; i++)
    {
      const SpBlock *block = sp_schedule_get_block (self->schedule, i);
      Goal *goal;

      if (block->kind == SP_BLOCK_KIND_REVIEW)
        continue;
      goal = g_hash_table_lookup (by_topic, block->topic);
      if (goal == NULL)
        continue;
      if (block->day < monday)
        goal->before = TRUE;
      else if (block->day > sunday)
        goal->after = TRUE;
    }

  g_ptr_array_sort (goals, goal_compare);
  return goals;
}

static char *
dup_goal_text (const Goal *goal)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *minutes = sp_calendar_format_duration (goal->minutes);
  const char *aim;

  if (goal->kinds == (1u << SP_BLOCK_KIND_REVIEW))
    /* TRANSLATORS: a week's goal for a topic on the printed schedule */
    aim = _("Review");
  else if (!goal->after)
    /* TRANSLATORS: a week's goal for a topic on the printed schedule */
    aim = _("Finish");
  else if (!goal->before)
    /* TRANSLATORS: a week's goal for a topic on the printed schedule */
    aim = C_("week goal", "Start");
  else
    /* TRANSLATORS: a week's goal for a topic on the printed schedule */
    aim = _("Continue");

  g_string_append_printf (text, "%s · %s", aim, minutes);
  for (guint k = SP_BLOCK_KIND_LEARN; k <= SP_BLOCK_KIND_PROJECT; k++)
    if (goal->kinds & (1u << k))
      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", sp_block_kind_get_label (k));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
goal_task (const Goal *goal)
{
  const SpText *task = NULL;

  if (goal->kinds & (1u << SP_BLOCK_KIND_LEARN))
    task = goal->topic->task_read;
  if (task == NULL && goal->kinds & (1u << SP_BLOCK_KIND_PRACTICE))
    task = goal->topic->task_practice;
  if (task == NULL && goal->kinds & (1u << SP_BLOCK_KIND_PROJECT))
    task = goal->topic->task_project;
  return task ? sp_text_get (task) : NULL;
}

/* The goals, one after another, as many as fit; then how many did not. */
static void
draw_goals (SpPrintLayout *self,
            Pen           *pen,
            GPtrArray     *goals,
            double         x,
            double         y,
            double         width,
            double         height)
{
  cairo_t *cr = pen->cr;
  double bottom = y + height;
  double more_h = pen_line_height (pen, STYLE_SMALL);
  guint shown = 0;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  set_gray (cr, 0);
  y += pen_show (pen, STYLE_WEEK, _("Goals This Week"), x, y, width, 1, PANGO_ALIGN_LEFT) + 3;

  if (goals->len == 0)
    {
      set_gray (cr, 0.3);
      pen_show (pen, STYLE_BODY, _("No study blocks this week."), x, y, width, 0, PANGO_ALIGN_LEFT);
    }

  for (guint i = 0; i < goals->len; i++)
    {
      const Goal *goal = g_ptr_array_index (goals, i);
      g_autofree char *tag = format_level_tag (goal->level);
      g_autofree char *title = g_strdup_printf ("%s  %s", tag, sp_topic_get_title (goal->topic));
      g_autofree char *detail = dup_goal_text (goal);
      const char *task = goal_task (goal);
      double tx = x + 11, tw = width - 11;
      double h;
      gboolean last = i + 1 == goals->len;
      double reserve = last ? 0 : more_h;

      h = pen_measure (pen, STYLE_BODY_BOLD, title, tw, 2)
          + pen_measure (pen, STYLE_SMALL, detail, tw, 2)
          + (task ? pen_measure (pen, STYLE_SMALL, task, tw, 2) : 0) + 4;
      if (y + h > bottom - reserve)
        break;

      fill_level (self, cr, goal->level, x, y + 1.5, 7, 7);
      set_gray (cr, 0);
      y += pen_show (pen, STYLE_BODY_BOLD, title, tx, y, tw, 2, PANGO_ALIGN_LEFT);
      set_gray (cr, 0.15);
      y += pen_show (pen, STYLE_SMALL, detail, tx, y, tw, 2, PANGO_ALIGN_LEFT);
      if (task != NULL)
        {
          set_gray (cr, 0.35);
          y += pen_show (pen, STYLE_SMALL, task, tx, y, tw, 2, PANGO_ALIGN_LEFT);
        }
      y += 4;
      shown++;
    }

  if (shown < goals->len)
    {
      g_autofree char *more = NULL;
      guint rest = goals->len - shown;

      /* TRANSLATORS: goals that did not fit on the printed week */
      more = g_strdup_printf (ngettext ("and %u more topic", "and %u more topics", rest), rest);
      set_gray (cr, 0.3);
      pen_show (pen, STYLE_SMALL, more, x + 11, y, width - 11, 1, PANGO_ALIGN_LEFT);
    }
  cairo_restore (cr);
}

/* The hours of the grid: from the week's first block to its last, at least
 * four; runs of two or more empty hours between blocks shrink to a thin
 * band, so the hours with blocks get the room. */
typedef struct
{
  guint  first_hour;
  guint  last_hour;   /* exclusive */
  double weight;
  double y;
  double height;
} Band;

#define COLLAPSED_WEIGHT 0.45

static GArray *
week_bands (SpPrintLayout *self,
            guint32        monday)
{
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (Band));
  gboolean busy[24] = { FALSE, };
  guint lo = 24, hi = 0;

  for (guint32 day = monday; day < monday + 7; day++)
    {
      guint first, n = sp_schedule_get_day_blocks (self->schedule, day, &first);

      for (guint i = first; i < first + n; i++)
        {
          const SpBlock *block = sp_schedule_get_block (self->schedule, i);
          guint end = MIN ((guint) block->start + block->minutes, SP_MINUTES_PER_DAY);

          for (guint h = block->start / 60u; h * 60 < end && h < 24; h++)
            busy[h] = TRUE;
          lo = MIN (lo, block->start / 60u);
          hi = MAX (hi, MIN ((end + 59u) / 60u, 24u));
        }
    }
  if (lo >= hi)
    {
      lo = 8;
      hi = 20;
    }
  while (hi - lo < 4)
    {
      if (hi < 24)
        hi++;
      if (hi - lo < 4 && lo > 0)
        lo--;
    }

  for (guint h = lo; h < hi;)
    {
      Band band = { h, h + 1, 1.0, 0, 0 };

      if (!busy[h])
        {
          guint end = h;

          while (end < hi && !busy[end])
            end++;
          /* Only between blocks: the edges are room to write in */
          if (end - h >= 2 && h > lo && end < hi)
            {
              band.last_hour = end;
              band.weight = COLLAPSED_WEIGHT;
            }
        }
      g_array_append_val (bands, band);
      h = band.last_hour;
    }
  return bands;
}

static void
place_bands (GArray *bands,
             double  y,
             double  height)
{
  double total = 0;

  for (guint i = 0; i < bands->len; i++)
    total += g_array_index (bands, Band, i).weight;
  for (guint i = 0; i < bands->len; i++)
    {
      Band *band = &g_array_index (bands, Band, i);

      band->y = y;
      band->height = height * band->weight / total;
      y += band->height;
    }
}

static double
minute_to_y (GArray *bands,
             guint   minute)
{
  for (guint i = 0; i < bands->len; i++)
    {
      const Band *band = &g_array_index (bands, Band, i);

      if (minute < band->last_hour * 60 || i + 1 == bands->len)
        {
          double span = (band->last_hour - band->first_hour) * 60.0;
          double into = CLAMP ((double) minute - band->first_hour * 60.0, 0, span);

          return band->y + band->height * into / span;
        }
    }
  return 0;
}

static void
draw_week_block (SpPrintLayout *self,
                 Pen           *pen,
                 const SpBlock *block,
                 double         x,
                 double         y,
                 double         w,
                 double         h)
{
  cairo_t *cr = pen->cr;
  g_autofree char *start = sp_format_time (block->start);
  g_autofree char *meta = NULL;
  const char *task = NULL;
  gboolean missed = block_is_missed (self, block);
  double strip = 4.5, box = 6.5;
  double tx = x + strip + 2.5, tw = w - strip - 4;
  double line = pen_line_height (pen, STYLE_TINY_BOLD);
  double title_line = pen_line_height (pen, STYLE_SMALL_BOLD);
  double ty;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip_preserve (cr);
  set_gray (cr, block->status == SP_BLOCK_STATUS_SKIPPED || missed ? 0.9 : 1.0);
  cairo_fill (cr);
  {
    /* The border inside the box, so the clip keeps all of it */
    double line_width = block->moved ? 0.9 : 0.5;

    set_gray (cr, 0.2);
    cairo_set_line_width (cr, line_width);
    if (block->moved)
      cairo_set_dash (cr, (double[]) { 2.0, 1.2 }, 2, 0);
    cairo_rectangle (cr, x + line_width / 2, y + line_width / 2, w - line_width, h - line_width);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }

  fill_level (self, cr, block->level, x, y, strip, h);
  draw_checkbox (cr, x + w - box - 2, y + 2, box, block->status);

  /* The time and the kind, marked when moved or missed */
  meta = g_strdup_printf ("%s%s · %s", block->moved ? "↪ " : "", start,
                          missed ? _("Missed") : sp_block_kind_get_label (block->kind));
  set_gray (cr, 0.15);
  if (h < line + title_line + 2)
    {
      /* Too short for two lines: the time and the topic on one */
      g_autofree char *one = g_strdup_printf ("%s %s", meta, sp_topic_get_title (block->topic));

      pen_show (pen, STYLE_TINY_BOLD, one, tx, y + MAX (0, (h - line) / 2), tw - box - 2, 1, PANGO_ALIGN_LEFT);
      cairo_restore (cr);
      return;
    }

  ty = y + 1.5;
  ty += pen_show (pen, STYLE_TINY_BOLD, meta, tx, ty, tw - box - 2, 1, PANGO_ALIGN_LEFT);
  set_gray (cr, 0);
  ty += pen_show (pen, STYLE_SMALL_BOLD, sp_topic_get_title (block->topic), tx, ty, tw,
                  (int) MAX (1, MIN (3, floor ((y + h - ty) / title_line))), PANGO_ALIGN_LEFT);

  /* Room left: what to do */
  switch (block->kind)
    {
    case SP_BLOCK_KIND_LEARN:
      task = block->topic->task_read ? sp_text_get (block->topic->task_read) : NULL;
      break;
    case SP_BLOCK_KIND_PRACTICE:
      task = block->topic->task_practice ? sp_text_get (block->topic->task_practice) : NULL;
      break;
    case SP_BLOCK_KIND_PROJECT:
      task = block->topic->task_project ? sp_text_get (block->topic->task_project) : NULL;
      break;
    case SP_BLOCK_KIND_REVIEW:
    default:
      break;
    }
  if (task != NULL && y + h - ty >= pen_line_height (pen, STYLE_TINY) + 1)
    {
      set_gray (cr, 0.35);
      pen_show (pen, STYLE_TINY, task, tx, ty + 1, tw,
                (int) floor ((y + h - ty - 1) / pen_line_height (pen, STYLE_TINY)), PANGO_ALIGN_LEFT);
    }
  cairo_restore (cr);
}

static void
draw_week_grid (SpPrintLayout *self,
                Pen           *pen,
                guint32        monday,
                double         x,
                double         y,
                double         width,
                double         height)
{
  cairo_t *cr = pen->cr;
  double axis = pen_text_width (pen, STYLE_TINY, "00:00") + 4;
  double head = pen_line_height (pen, STYLE_SMALL_BOLD) + pen_line_height (pen, STYLE_TINY) + 4;
  double col_w = (width - axis) / 7;
  double grid_y = y + head;
  double grid_h = height - head;
  g_autoptr(GArray) bands = week_bands (self, monday);
  const Band *last;

  place_bands (bands, grid_y, grid_h);

  /* Weekdays with their dates */
  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *name = NULL;
      g_autofree char *date = NULL;
      double cx = x + axis + d * col_w;

      name = sp_calendar_format_weekday (monday + d);
      date = sp_calendar_format_day_short (monday + d);
      set_gray (cr, 0);
      pen_show (pen, STYLE_SMALL_BOLD, name, cx + 2, y, col_w - 4, 1, PANGO_ALIGN_LEFT);
      set_gray (cr, 0.3);
      pen_show (pen, STYLE_TINY, date, cx + 2, y + pen_line_height (pen, STYLE_SMALL_BOLD),
                col_w - 4, 1, PANGO_ALIGN_LEFT);
    }

  /* Hours, and the quiet hours shrunk to a band */
  for (guint i = 0; i < bands->len; i++)
    {
      const Band *band = &g_array_index (bands, Band, i);
      g_autofree char *label = sp_format_time (band->first_hour * 60);

      if (band->last_hour - band->first_hour > 1)
        {
          g_autofree char *until = sp_format_time (band->last_hour * 60);
          g_autofree char *range = g_strdup_printf ("%s–%s", label, until);

          cairo_save (cr);
          set_gray (cr, 0.95);
          cairo_rectangle (cr, x + axis, band->y, width - axis, band->height);
          cairo_fill (cr);
          cairo_restore (cr);
          set_gray (cr, 0.45);
          pen_show (pen, STYLE_TINY, range, x + axis, band->y + (band->height - pen_line_height (pen, STYLE_TINY)) / 2,
                    width - axis, 1, PANGO_ALIGN_CENTER);
        }
      else
        {
          set_gray (cr, 0.35);
          pen_show (pen, STYLE_TINY, label, x, band->y + 1, axis - 3, 1, PANGO_ALIGN_RIGHT);
        }
      hline (cr, x + axis, x + width, band->y, i == 0 ? 0.8 : RULE, i == 0 ? 0 : 0.7);
    }
  last = &g_array_index (bands, Band, bands->len - 1);
  hline (cr, x + axis, x + width, last->y + last->height, 0.8, 0);

  for (guint d = 0; d <= 7; d++)
    {
      double cx = x + axis + d * col_w;

      cairo_save (cr);
      set_gray (cr, d == 0 || d == 7 ? 0 : 0.6);
      cairo_set_line_width (cr, d == 0 || d == 7 ? 0.8 : RULE);
      cairo_move_to (cr, cx, grid_y);
      cairo_line_to (cr, cx, grid_y + grid_h);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* The blocks */
  for (guint d = 0; d < 7; d++)
    {
      guint first, n = sp_schedule_get_day_blocks (self->schedule, monday + d, &first);
      double cx = x + axis + d * col_w;

      for (guint i = first; i < first + n; i++)
        {
          const SpBlock *block = sp_schedule_get_block (self->schedule, i);
          double by = minute_to_y (bands, block->start);
          double bh = minute_to_y (bands, MIN (block->start + block->minutes, SP_MINUTES_PER_DAY)) - by;

          draw_week_block (self, pen, block, cx + 1.5, by + 0.5, col_w - 3, MAX (bh - 1, 2));
        }
    }
}

static void
draw_week_page (SpPrintLayout *self,
                Pen           *pen)
{
  g_autoptr(GPtrArray) goals = collect_goals (self, self->first_day);
  double top = self->header_height;
  double body_h = self->height - top - self->footer_height - GAP;
  double legend_h;

  if (self->width > self->height * 1.1)
    {
      /* Landscape: the goals beside the grid */
      double side = CLAMP (self->width * 0.27, 150, 260);
      double grid_w = self->width - side - GAP * 2;

      legend_h = draw_legend (self, pen, 0, 0, grid_w, TRUE);
      draw_week_grid (self, pen, self->first_day, 0, top, grid_w, body_h - legend_h - GAP);
      draw_legend (self, pen, 0, top + body_h - legend_h, grid_w, FALSE);
      draw_goals (self, pen, goals, grid_w + GAP * 2, top, side, body_h);
    }
  else
    {
      /* Portrait: the goals under the grid */
      double grid_h = body_h * 0.62;

      legend_h = draw_legend (self, pen, 0, 0, self->width, TRUE);
      draw_week_grid (self, pen, self->first_day, 0, top, self->width, grid_h);
      draw_goals (self, pen, goals, 0, top + grid_h + GAP * 2, self->width,
                  body_h - grid_h - GAP * 3 - legend_h);
      draw_legend (self, pen, 0, top + body_h - legend_h, self->width, FALSE);
    }
}

/* The month ------------------------------------------------------------ */

static void
draw_month_cell (SpPrintLayout *self,
                 Pen           *pen,
                 guint32        day,
                 gboolean       in_month,
                 double         x,
                 double         y,
                 double         w,
                 double         h)
{
  cairo_t *cr = pen->cr;
  g_autofree char *number = sp_calendar_format (day, "%-d");
  double num_h = pen_line_height (pen, STYLE_SMALL_BOLD);
  double line = pen_line_height (pen, STYLE_TINY) + 1;
  guint first, n = sp_schedule_get_day_blocks (self->schedule, day, &first);
  guint fit = (guint) MAX (0, floor ((h - num_h - 2) / line));
  double ly = y + num_h + 1;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  if (!in_month)
    {
      set_gray (cr, 0.94);
      cairo_paint (cr);
    }
  set_gray (cr, in_month ? 0 : 0.55);
  pen_show (pen, STYLE_SMALL_BOLD, number, x + 2, y + 1, w - 4, 1, PANGO_ALIGN_LEFT);
  if (n > 0)
    {
      g_autofree char *total = NULL;
      guint minutes = 0;

      for (guint i = first; i < first + n; i++)
        minutes += sp_schedule_get_block (self->schedule, i)->minutes;
      total = sp_calendar_format_duration (minutes);
      set_gray (cr, 0.35);
      pen_show (pen, STYLE_TINY, total, x + w / 2, y + 1.5, w / 2 - 2, 1, PANGO_ALIGN_RIGHT);
    }

  for (guint i = 0; i < n; i++)
    {
      const SpBlock *block = sp_schedule_get_block (self->schedule, first + i);
      g_autofree char *start = NULL;
      g_autofree char *text = NULL;

      if (i + 1 == fit && n > fit)
        {
          guint rest = n - i;

          /* TRANSLATORS: blocks that did not fit in a day of the printed month */
          text = g_strdup_printf (ngettext ("+ %u more block", "+ %u more blocks", rest), rest);
          set_gray (cr, 0.3);
          pen_show (pen, STYLE_TINY, text, x + 9, ly, w - 11, 1, PANGO_ALIGN_LEFT);
          break;
        }
      if (i >= fit)
        break;

      start = sp_format_time (block->start);
      text = g_strdup_printf ("%s%s %s", block->moved ? "↪" : "", start, sp_topic_get_title (block->topic));
      draw_checkbox (cr, x + 2, ly + line / 2 - 2.7, 5, block->status);
      fill_level (self, cr, block->level, x + 8, ly + 0.5, 2.5, line - 1.5);
      set_gray (cr, 0);
      pen_show (pen, STYLE_TINY, text, x + 12, ly, w - 14, 1, PANGO_ALIGN_LEFT);
      ly += line;
    }
  cairo_restore (cr);
}

static void
draw_month_page (SpPrintLayout *self,
                 Pen           *pen)
{
  cairo_t *cr = pen->cr;
  double top = self->header_height;
  double body_h = self->height - top - self->footer_height - GAP;
  double legend_h = draw_legend (self, pen, 0, 0, self->width, TRUE);
  double head = pen_line_height (pen, STYLE_SMALL_BOLD) + 3;
  guint32 grid_first = sp_day_get_week_start (self->first_day, self->first_weekday);
  guint n_weeks = (sp_day_get_week_start (self->last_day, self->first_weekday) - grid_first) / 7 + 1;
  double col_w = self->width / 7;
  double row_h = (body_h - legend_h - GAP - head) / n_weeks;
  double grid_y = top + head;

  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *name = sp_calendar_format_weekday (grid_first + d);

      set_gray (cr, 0);
      pen_show (pen, STYLE_SMALL_BOLD, name, d * col_w + 2, top, col_w - 4, 1, PANGO_ALIGN_LEFT);
    }

  for (guint w = 0; w < n_weeks; w++)
    for (guint d = 0; d < 7; d++)
      {
        guint32 day = grid_first + w * 7 + d;

        draw_month_cell (self, pen, day, day >= self->first_day && day <= self->last_day,
                         d * col_w, grid_y + w * row_h, col_w, row_h);
      }

  cairo_save (cr);
  set_gray (cr, 0);
  cairo_set_line_width (cr, RULE);
  for (guint w = 0; w <= n_weeks; w++)
    {
      cairo_move_to (cr, 0, grid_y + w * row_h);
      cairo_line_to (cr, self->width, grid_y + w * row_h);
    }
  for (guint d = 0; d <= 7; d++)
    {
      cairo_move_to (cr, d * col_w, grid_y);
      cairo_line_to (cr, d * col_w, grid_y + n_weeks * row_h);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_legend (self, pen, 0, top + body_h - legend_h, self->width, FALSE);
}

/* The whole plan ------------------------------------------------------- */

static guint
week_number (SpPrintLayout *self,
             guint32        monday)
{
  return (monday - self->plan_monday) / 7 + 1;
}

static char *
dup_week_heading (SpPrintLayout *self,
                  guint32        monday,
                  gboolean       continued)
{
  g_autofree char *range = sp_calendar_format_range (monday, monday + 6);

  if (continued)
    /* TRANSLATORS: a week of the plan carried over to the next page: "Week 12 · 3 March – 9 March 2025 (continued)" */
    return g_strdup_printf (_("Week %u · %s (continued)"), week_number (self, monday), range);
  /* TRANSLATORS: a week of the plan on paper: "Week 12 · 3 March – 9 March 2025" */
  return g_strdup_printf (_("Week %u · %s"), week_number (self, monday), range);
}

static char *
dup_level_detail (SpPrintLayout       *self,
                  const SpLevelReport *report)
{
  g_autofree char *range = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *months = NULL;

  if (report->start_day == 0)
    return g_strdup (_("Not scheduled"));

  range = sp_calendar_format_range (report->start_day, MAX (report->end_day, report->start_day));
  hours = g_strdup_printf ("%.0f", report->hours);
  months = g_strdup_printf ("%.1f", report->months);
  /* TRANSLATORS: a level's dates on the printed plan: "3 March 2025 – 12 September 2025 · 6.3 months · 320 hours" */
  return g_strdup_printf (_("%s · %s months · %s hours"), range, months, hours);
}

static double
level_item_height (SpPrintLayout *self,
                   Pen           *pen,
                   guint          level)
{
  const SpLevelReport *report = sp_schedule_get_level_report (self->schedule, level);
  g_autofree char *detail = dup_level_detail (self, report);
  g_autofree char *title = g_strdup_printf (_("Level %u · %s"), level + 1, level_title (self, level));
  double h = GAP + pen_measure (pen, STYLE_HEADING, title, self->width - 20, 2)
             + pen_measure (pen, STYLE_BODY, detail, self->width - 20, 2) + 3;

  if (report->advice != NULL && report->advice[0] != '\0')
    h += pen_measure (pen, STYLE_SMALL, report->advice, self->width - 20, 3) + 2;
  return h + GAP;
}

static double
draw_level_item (SpPrintLayout *self,
                 Pen           *pen,
                 guint          level,
                 double         y)
{
  cairo_t *cr = pen->cr;
  const SpLevelReport *report = sp_schedule_get_level_report (self->schedule, level);
  g_autofree char *detail = dup_level_detail (self, report);
  g_autofree char *title = g_strdup_printf (_("Level %u · %s"), level + 1, level_title (self, level));
  double y0 = y;

  y += GAP;
  fill_level (self, cr, level, 0, y + 1, 14, 14);
  set_gray (cr, 0);
  y += pen_show (pen, STYLE_HEADING, title, 20, y, self->width - 20, 2, PANGO_ALIGN_LEFT);
  set_gray (cr, 0.2);
  y += pen_show (pen, STYLE_BODY, detail, 20, y, self->width - 20, 2, PANGO_ALIGN_LEFT) + 3;
  if (report->advice != NULL && report->advice[0] != '\0')
    {
      set_gray (cr, 0.35);
      y += pen_show (pen, STYLE_SMALL, report->advice, 20, y, self->width - 20, 3, PANGO_ALIGN_LEFT) + 2;
    }
  return y + GAP - y0;
}

static double
week_item_height (Pen *pen)
{
  return 4 + pen_line_height (pen, STYLE_WEEK) + 3;
}

static double
draw_week_item (SpPrintLayout *self,
                Pen           *pen,
                guint32        monday,
                gboolean       continued,
                double         y)
{
  cairo_t *cr = pen->cr;
  g_autofree char *heading = dup_week_heading (self, monday, continued);
  g_autofree char *planned = sp_calendar_format_duration (count_minutes (self, monday, monday + 6, FALSE));
  double planned_w = MIN (pen_text_width (pen, STYLE_SMALL, planned), self->width / 3);
  double h = week_item_height (pen);

  set_gray (cr, 0);
  pen_show (pen, STYLE_WEEK, heading, 0, y + 4, self->width - planned_w - 10, 1, PANGO_ALIGN_LEFT);
  set_gray (cr, 0.3);
  pen_show (pen, STYLE_SMALL, planned, self->width - planned_w, y + 5, planned_w, 1, PANGO_ALIGN_RIGHT);
  hline (cr, 0, self->width, y + h - 1.5, RULE, 0.3);
  return h;
}

/* @first_on_page: name the day even when the page starts inside it */
static void
draw_block_row (SpPrintLayout *self,
                Pen           *pen,
                guint          index,
                gboolean       first_on_page,
                double         y)
{
  cairo_t *cr = pen->cr;
  const SpBlock *block = sp_schedule_get_block (self->schedule, index);
  const SpBlock *prev = index > 0 ? sp_schedule_get_block (self->schedule, index - 1) : NULL;
  g_autofree char *times = sp_calendar_format_times (block->start, (guint) block->start + block->minutes);
  g_autofree char *tag = format_level_tag (block->level);
  g_autoptr(GString) kind = g_string_new (sp_block_kind_get_label (block->kind));
  double line = pen_line_height (pen, STYLE_BODY);
  double ty = y + (ROW_HEIGHT - line) / 2;
  double x_day = 12, x_time = x_day + 58, x_level = x_time + 58, x_topic = x_level + 30;
  double kind_w = MIN (110, self->width * 0.22);
  double topic_w = self->width - x_topic - kind_w - 6;

  if (block->moved)
    g_string_append_printf (kind, " · %s", _("Moved"));
  if (block_is_missed (self, block))
    /* TRANSLATORS: a mark on a printed block planned for a day gone by and never marked */
    g_string_append_printf (kind, " · %s", _("Missed"));

  draw_checkbox (cr, 0, y + (ROW_HEIGHT - 7.5) / 2, 7.5, block->status);
  if (first_on_page || prev == NULL || prev->day != block->day)
    {
      g_autofree char *day = sp_calendar_format_day_brief (block->day);

      set_gray (cr, 0);
      pen_show (pen, STYLE_BODY_BOLD, day, x_day, ty, x_time - x_day - 4, 1, PANGO_ALIGN_LEFT);
    }
  set_gray (cr, 0.15);
  pen_show (pen, STYLE_BODY, times, x_time, ty, x_level - x_time - 4, 1, PANGO_ALIGN_LEFT);
  fill_level (self, cr, block->level, x_level, y + 2, 8, ROW_HEIGHT - 4);
  set_gray (cr, 0);
  pen_show (pen, STYLE_SMALL_BOLD, tag, x_level + 10, ty + 0.5, x_topic - x_level - 12, 1, PANGO_ALIGN_LEFT);
  pen_show (pen, STYLE_BODY, sp_topic_get_title (block->topic), x_topic, ty, topic_w, 1, PANGO_ALIGN_LEFT);
  set_gray (cr, 0.3);
  pen_show (pen, block->moved || block_is_missed (self, block) ? STYLE_SMALL_BOLD : STYLE_SMALL, kind->str, self->width - kind_w, ty + 0.5,
            kind_w, 1, PANGO_ALIGN_RIGHT);
}

static void
add_item (GArray   *items,
          ItemKind  kind,
          guint     index,
          guint32   monday,
          double    height)
{
  Item item = { kind, index, monday, height };

  g_array_append_val (items, item);
}

static void
build_plan_items (SpPrintLayout *self,
                  Pen           *pen)
{
  guint n_levels = sp_schedule_get_n_levels (self->schedule);
  guint n_blocks = sp_schedule_get_n_blocks (self->schedule);
  double week_h = week_item_height (pen);
  double empty_h = ROW_HEIGHT;
  g_autofree gboolean *headed = g_new0 (gboolean, MAX (n_levels, 1));
  guint first;

  g_array_set_size (self->items, 0);

  if (n_blocks == 0 || self->first_day > self->last_day)
    {
      const char *summary = sp_schedule_get_summary (self->schedule);

      add_item (self->items, ITEM_SUMMARY, 0, 0,
                pen_measure (pen, STYLE_BODY, summary ? summary : _("Nothing is scheduled."), self->width, 0) + GAP);
      return;
    }

  sp_schedule_get_day_blocks (self->schedule, self->first_day, &first);
  for (guint32 monday = sp_day_get_week_start (self->first_day, self->first_weekday); monday <= self->last_day; monday += 7)
    {
      guint32 sunday = monday + 6;
      gboolean any = FALSE;

      /* A level's heading comes before the week it starts in */
      for (guint l = 0; l < n_levels; l++)
        {
          const SpLevelReport *report = sp_schedule_get_level_report (self->schedule, l);

          if (!headed[l] && report->start_day != 0 && report->start_day <= sunday)
            {
              headed[l] = TRUE;
              add_item (self->items, ITEM_LEVEL, l, monday, level_item_height (self, pen, l));
            }
        }

      add_item (self->items, ITEM_WEEK, 0, monday, week_h);
      for (; first < n_blocks; first++)
        {
          const SpBlock *block = sp_schedule_get_block (self->schedule, first);

          if (block->day > sunday || block->day > self->last_day)
            break;
          if (block->day < self->first_day)
            continue;
          add_item (self->items, ITEM_BLOCK, first, monday, ROW_HEIGHT);
          any = TRUE;
        }
      if (!any)
        add_item (self->items, ITEM_EMPTY, 0, monday, empty_h);
    }
}

/* Headings stay with what follows them; a page that starts inside a week
 * repeats the week's heading. */
static void
paginate_plan (SpPrintLayout *self,
               Pen           *pen)
{
  double avail = self->height - self->header_height - self->footer_height - GAP;
  double week_h = week_item_height (pen);
  double y = 0;
  guint zero = 0;

  build_plan_items (self, pen);
  g_array_set_size (self->pages, 0);
  g_array_append_val (self->pages, zero);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double need = item->height;

      if (item->kind == ITEM_LEVEL || item->kind == ITEM_WEEK)
        for (guint j = i + 1; j < self->items->len; j++)
          {
            const Item *next = &g_array_index (self->items, Item, j);

            need += next->height;
            if (next->kind != ITEM_LEVEL && next->kind != ITEM_WEEK)
              break;
          }

      if (y > 0 && y + need > avail)
        {
          g_array_append_val (self->pages, i);
          y = item->kind == ITEM_BLOCK || item->kind == ITEM_EMPTY ? week_h : 0;
        }
      y += item->height;
    }
}

static void
draw_plan_page (SpPrintLayout *self,
                Pen           *pen,
                guint          page)
{
  cairo_t *cr = pen->cr;
  guint start = g_array_index (self->pages, guint, page);
  guint end = page + 1 < self->pages->len ? g_array_index (self->pages, guint, page + 1) : self->items->len;
  double bottom = self->height - self->footer_height;
  double y = self->header_height;

  cairo_save (cr);
  cairo_rectangle (cr, 0, y, self->width, bottom - y);
  cairo_clip (cr);

  for (guint i = start; i < end; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (i == start && (item->kind == ITEM_BLOCK || item->kind == ITEM_EMPTY))
        y += draw_week_item (self, pen, item->monday, TRUE, y);

      switch (item->kind)
        {
        case ITEM_LEVEL:
          draw_level_item (self, pen, item->index, y);
          break;
        case ITEM_WEEK:
          draw_week_item (self, pen, item->monday, FALSE, y);
          break;
        case ITEM_BLOCK:
          draw_block_row (self, pen, item->index, i == start, y);
          break;
        case ITEM_EMPTY:
          set_gray (cr, 0.4);
          pen_show (pen, STYLE_SMALL, _("No study blocks this week."), 12, y + 2, self->width - 12, 1,
                    PANGO_ALIGN_LEFT);
          break;
        case ITEM_SUMMARY:
        default:
          {
            const char *summary = sp_schedule_get_summary (self->schedule);

            set_gray (cr, 0);
            pen_show (pen, STYLE_BODY, summary ? summary : _("Nothing is scheduled."), 0, y + GAP,
                      self->width, 0, PANGO_ALIGN_LEFT);
          }
          break;
        }
      y += item->height;
    }
  cairo_restore (cr);
}

/* The object --------------------------------------------------------- */

static void
sp_print_layout_finalize (GObject *object)
{
  SpPrintLayout *self = SP_PRINT_LAYOUT (object);

  g_clear_object (&self->schedule);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  for (guint i = 0; i < N_LEVEL_LOOKS; i++)
    g_clear_pointer (&self->level_patterns[i], cairo_pattern_destroy);

  G_OBJECT_CLASS (sp_print_layout_parent_class)->finalize (object);
}

static void
sp_print_layout_class_init (SpPrintLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_print_layout_finalize;
}

static void
sp_print_layout_init (SpPrintLayout *self)
{
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * sp_print_layout_new:
 * @schedule: the schedule to print
 * @range: what to print
 * @from_day: a Julian day in the week or month to print; for the whole
 *   plan, the first day to print, or 0 for the schedule's first day
 * @first_weekday: the day weeks start on, 0 for Monday (ISO 8601) to 6
 *   for Sunday, as the calendar views show them
 *
 * Returns: (transfer full): a layout to paginate and draw
 */
SpPrintLayout *
sp_print_layout_new (SpSchedule   *schedule,
                     SpPrintRange  range,
                     guint32       from_day,
                     guint         first_weekday)
{
  SpPrintLayout *self;
  guint32 today;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (range <= SP_PRINT_RANGE_PLAN, NULL);
  g_return_val_if_fail (from_day == 0 || g_date_valid_julian (from_day), NULL);
  g_return_val_if_fail (first_weekday < 7, NULL);

  self = g_object_new (SP_TYPE_PRINT_LAYOUT, NULL);
  self->schedule = g_object_ref (schedule);
  self->plan = g_object_ref (sp_schedule_get_plan (schedule));
  self->range = range;

  today = sp_schedule_get_today (schedule);
  if (today == 0)
    today = sp_day_today (NULL);
  self->first_weekday = first_weekday;
  self->plan_monday = sp_day_get_week_start (sp_schedule_get_first_day (schedule) ? sp_schedule_get_first_day (schedule) : today,
                                  first_weekday);

  switch (range)
    {
    case SP_PRINT_RANGE_WEEK:
      self->from_day = from_day ? from_day : today;
      self->first_day = sp_day_get_week_start (self->from_day, first_weekday);
      self->last_day = self->first_day + 6;
      break;
    case SP_PRINT_RANGE_MONTH:
      self->from_day = from_day ? from_day : today;
      sp_day_get_month_range (self->from_day, &self->first_day, &self->last_day);
      break;
    case SP_PRINT_RANGE_PLAN:
    default:
      /* Never before the plan: there is nothing to print there */
      self->from_day = MAX (from_day, sp_schedule_get_first_day (schedule));
      if (self->from_day == 0)
        self->from_day = today;
      self->first_day = self->from_day;
      self->last_day = MAX (sp_schedule_get_last_day (schedule), self->first_day);
      break;
    }
  return self;
}

SpPrintRange
sp_print_layout_get_range (SpPrintLayout *self)
{
  g_return_val_if_fail (SP_IS_PRINT_LAYOUT (self), SP_PRINT_RANGE_WEEK);
  return self->range;
}

guint32
sp_print_layout_get_first_day (SpPrintLayout *self)
{
  g_return_val_if_fail (SP_IS_PRINT_LAYOUT (self), 0);
  return self->first_day;
}

guint32
sp_print_layout_get_last_day (SpPrintLayout *self)
{
  g_return_val_if_fail (SP_IS_PRINT_LAYOUT (self), 0);
  return self->last_day;
}

/**
 * sp_print_layout_paginate:
 * @cr: a context on the target surface, to measure text with
 * @width: the printable width in points
 * @height: the printable height in points
 *
 * Lays out the pages for a printable area; call again when it changes.
 *
 * Returns: the number of pages, at least 1
 */
guint
sp_print_layout_paginate (SpPrintLayout *self,
                          cairo_t       *cr,
                          double         width,
                          double         height)
{
  Pen pen;

  g_return_val_if_fail (SP_IS_PRINT_LAYOUT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  self->width = width;
  self->height = height;

  pen_init (&pen, cr);
  self->header_height = measure_header (&pen);
  self->footer_height = measure_footer (&pen);
  if (self->range == SP_PRINT_RANGE_PLAN)
    {
      paginate_plan (self, &pen);
      self->n_pages = self->pages->len;
    }
  else
    self->n_pages = 1;
  pen_clear (&pen);

  return self->n_pages;
}

guint
sp_print_layout_get_n_pages (SpPrintLayout *self)
{
  g_return_val_if_fail (SP_IS_PRINT_LAYOUT (self), 0);
  return self->n_pages;
}

/**
 * sp_print_layout_draw_page:
 * @cr: a context in points, its origin at the top left of the printable area
 * @page: from 0 to the number of pages less one
 *
 * Draws one page, after sp_print_layout_paginate().
 */
void
sp_print_layout_draw_page (SpPrintLayout *self,
                           cairo_t       *cr,
                           guint          page)
{
  Pen pen;

  g_return_if_fail (SP_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->n_pages > 0);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  pen_init (&pen, cr);

  draw_header (self, &pen);
  switch (self->range)
    {
    case SP_PRINT_RANGE_WEEK:
      draw_week_page (self, &pen);
      break;
    case SP_PRINT_RANGE_MONTH:
      draw_month_page (self, &pen);
      break;
    case SP_PRINT_RANGE_PLAN:
    default:
      draw_plan_page (self, &pen, page);
      break;
    }
  draw_footer (self, &pen, page);

  pen_clear (&pen);
  cairo_restore (cr);
}
