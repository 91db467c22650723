/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-calendar-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sp-block-look.h"
#include "sp-calendar-grid-private.h"

/* How the grid draws: the Month and Week painters, the blocks they share
 * and the few shapes and texts they are made of. */

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

static const GdkRGBA *
level_color (const Paint *paint,
             guint        level)
{
  return &paint->levels[level % N_LEVEL_COLORS];
}

/* Lines and tints are the text colour made faint, so they invert with the
 * theme; high contrast makes them stronger. */
static GdkRGBA
faint (const Paint *paint,
       double       alpha)
{
  return with_alpha (&paint->fg, paint->high_contrast ? MIN (alpha * 3, 1) : alpha);
}

int
sp_calendar_grid_text_width (PangoLayout *layout,
            const char  *text)
{
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Shaping text is most of the cost of a frame, and a calendar shows the
 * same few topic names, dates and hours again and again: each text is
 * drawn once per layout, width and colour, and its render node reused. */
#define TEXT_CACHE_KEY "sp-text-nodes"
#define TEXT_CACHE_MAX 4096

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         y,
           double         width,
           PangoAlignment alignment,
           const GdkRGBA *color)
{
  GHashTable *cache;
  GskRenderNode *node;
  g_autofree char *key = NULL;

  if (width < 1)
    return;

  cache = g_object_get_data (G_OBJECT (layout), TEXT_CACHE_KEY);
  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) gsk_render_node_unref);
      g_object_set_data_full (G_OBJECT (layout), TEXT_CACHE_KEY, cache, (GDestroyNotify) g_hash_table_unref);
    }
  key = g_strdup_printf ("%d %d %d %.3f %.3f %.3f %.3f %s", (int) width, alignment,
                         pango_layout_get_attributes (layout) != NULL,
                         color->red, color->green, color->blue, color->alpha, text);
  node = g_hash_table_lookup (cache, key);
  if (node == NULL)
    {
      GtkSnapshot *drawing = gtk_snapshot_new ();

      pango_layout_set_text (layout, text, -1);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_alignment (layout, alignment);
      gtk_snapshot_append_layout (drawing, layout, color);
      node = gtk_snapshot_free_to_node (drawing);
      if (node == NULL)
        return;
      if (g_hash_table_size (cache) >= TEXT_CACHE_MAX)
        g_hash_table_remove_all (cache);
      g_hash_table_insert (cache, g_steal_pointer (&key), node);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}

static graphene_rect_t
to_graphene (const SpRect *rect)
{
  return GRAPHENE_RECT_INIT ((float) rect->x, (float) rect->y, (float) rect->width, (float) rect->height);
}

static void
fill_rect (GtkSnapshot   *snapshot,
           const SpRect  *rect,
           const GdkRGBA *color)
{
  graphene_rect_t bounds = to_graphene (rect);

  gtk_snapshot_append_color (snapshot, color, &bounds);
}

static void
outline_rect (GtkSnapshot   *snapshot,
              const SpRect  *rect,
              double         radius,
              double         width,
              const GdkRGBA *color)
{
  GskRoundedRect outline;
  graphene_rect_t bounds = to_graphene (rect);
  float w = (float) width;
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, &bounds, (float) radius);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { w, w, w, w }, colors);
}

/* Diagonal stripes for days off: a pattern, not only a tint. */
static void
hatch_rect (GtkSnapshot   *snapshot,
            const SpRect  *rect,
            const GdkRGBA *color)
{
  GskColorStop stops[] = {
    { 0.0f, *color },
    { 0.35f, *color },
    { 0.35f, { 0, 0, 0, 0 } },
    { 1.0f, { 0, 0, 0, 0 } },
  };
  graphene_rect_t bounds = to_graphene (rect);

  gtk_snapshot_append_repeating_linear_gradient (snapshot, &bounds,
                                                 &GRAPHENE_POINT_INIT (bounds.origin.x, bounds.origin.y),
                                                 &GRAPHENE_POINT_INIT (bounds.origin.x + 7, bounds.origin.y + 7),
                                                 stops, G_N_ELEMENTS (stops));
}

/* The bar at a block's start edge has one pattern per level: solid,
 * dashed, double; with the level number this tells levels apart without
 * colour. */
static void
draw_level_bar (GtkSnapshot   *snapshot,
                guint          level,
                const SpRect  *bar,
                const GdkRGBA *color)
{
  switch (level % 3)
    {
    case 0:
      fill_rect (snapshot, bar, color);
      break;
    case 1:
      for (double y = bar->y; y < bar->y + bar->height; y += 6)
        fill_rect (snapshot, &(SpRect) { bar->x, y, bar->width, MIN (4, bar->y + bar->height - y) }, color);
      break;
    default:
      fill_rect (snapshot, &(SpRect) { bar->x, bar->y, bar->width * 0.4, bar->height }, color);
      fill_rect (snapshot, &(SpRect) { bar->x + bar->width * 0.7, bar->y, bar->width * 0.3, bar->height }, color);
      break;
    }
}

/* A small rounded badge with the level's number, as .level-badge in CSS;
 * each level's is drawn once and reused. */
static double
draw_badge (GtkSnapshot *snapshot,
            const Paint *paint,
            guint        level,
            double       x,
            double       y,
            double       height)
{
  Paint *cache = (Paint *) paint;
  double size = MAX (height, 8);
  guint index = level % N_LEVEL_COLORS;

  if (cache->badge_size != size)
    {
      for (guint i = 0; i < N_LEVEL_COLORS; i++)
        g_clear_pointer (&cache->badges[i], gsk_render_node_unref);
      cache->badge_size = size;
    }
  if (cache->badges[index] == NULL)
    {
      GtkSnapshot *badge = gtk_snapshot_new ();
      g_autofree char *number = g_strdup_printf ("%u", level + 1);
      GskRoundedRect round;
      int text_height;
      static const GdkRGBA white = { 1, 1, 1, 1 };

      gsk_rounded_rect_init_from_rect (&round, &GRAPHENE_RECT_INIT (0, 0, (float) size, (float) size), (float) size / 2);
      gtk_snapshot_push_rounded_clip (badge, &round);
      gtk_snapshot_append_color (badge, level_color (paint, level), &round.bounds);
      gtk_snapshot_pop (badge);
      pango_layout_set_text (paint->badge, number, -1);
      pango_layout_set_width (paint->badge, -1);
      pango_layout_get_pixel_size (paint->badge, NULL, &text_height);
      draw_text (badge, paint->badge, number, 0, (size - text_height) / 2, size, PANGO_ALIGN_CENTER, &white);
      cache->badges[index] = gtk_snapshot_free_to_node (badge);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_node (snapshot, cache->badges[index]);
  gtk_snapshot_restore (snapshot);
  return size;
}

void
sp_calendar_grid_draw_block (SpCalendarGrid *self,
            GtkSnapshot    *snapshot,
            const Paint    *paint,
            const SpBlock  *block,
            const SpRect   *rect,
            gboolean        ghost)
{
  const GdkRGBA *color = level_color (paint, block->level);
  gboolean week = self->span == SP_CALENDAR_SPAN_WEEK;
  double          bar_width = week ? 5 : 4, x, y, badge;
  GskRoundedRect round;
  graphene_rect_t bounds = to_graphene (rect);
  GdkRGBA         tint, text_color;
  g_autoptr(GString) title = g_string_new (NULL);
  SpBlockLook    look;
  PangoAttrList *attrs = NULL;

  sp_block_look_init (&look, block, paint->high_contrast);
  tint = with_alpha (color, ghost ? 0.6 : look.tint);
  text_color = with_alpha (&paint->fg, look.text_alpha);

  gsk_rounded_rect_init_from_rect (&round, &bounds, 4);
  gtk_snapshot_push_rounded_clip (snapshot, &round);
  if (look.hatched && !ghost)
    {
      /* A review: a lighter tint under stripes of the level's colour */
      GdkRGBA light = with_alpha (color, look.tint * 0.5);
      GdkRGBA stripe = with_alpha (color, MIN (look.tint * 1.5, 0.6));

      gtk_snapshot_append_color (snapshot, &light, &round.bounds);
      hatch_rect (snapshot, rect, &stripe);
    }
  else
    gtk_snapshot_append_color (snapshot, &tint, &round.bounds);
  draw_level_bar (snapshot, block->level, &(SpRect) { rect->x, rect->y, bar_width, rect->height }, color);

  if (block->level_start)
    g_string_append (title, "▶ ");
  if (look.status_sign != NULL)
    {
      g_string_append (title, look.status_sign);
      g_string_append_c (title, ' ');
    }
  if (look.kind_sign != NULL)
    {
      g_string_append (title, look.kind_sign);
      g_string_append_c (title, ' ');
    }
  if (!week && rect->width > 16 * self->line_height)
    {
      g_autofree char *time = sp_format_time (block->start);
      g_string_append_printf (title, "%s ", time);
    }
  g_string_append (title, sp_topic_get_title (block->topic));

  x = rect->x + bar_width + 3;
  y = rect->y + (week ? 2 : (rect->height - self->line_height) / 2);
  badge = 0;
  if (rect->width > 60)
    badge = draw_badge (snapshot, paint, block->level, x, y + (self->line_height - self->small_height) / 2,
                        self->small_height) + 3;

  if (look.struck)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      pango_layout_set_attributes (paint->text, attrs);
    }
  draw_text (snapshot, paint->text, title->str, x + badge, y, rect->x + rect->width - x - badge - 2,
             PANGO_ALIGN_LEFT, &text_color);
  if (attrs != NULL)
    {
      pango_layout_set_attributes (paint->text, NULL);
      pango_attr_list_unref (attrs);
    }

  if (week && rect->height >= self->line_height + self->small_height + 4)
    {
      g_autofree char *range = sp_calendar_format_time_range (block);
      g_autofree char *detail = g_strdup_printf ("%s · %s", sp_block_kind_get_label (block->kind), range);
      GdkRGBA          dim = with_alpha (&text_color, paint->high_contrast ? 1 : 0.8);

      draw_text (snapshot, paint->small, detail, x, y + self->line_height, rect->x + rect->width - x - 2,
                 PANGO_ALIGN_LEFT, &dim);
    }
  gtk_snapshot_pop (snapshot);

  /* Pinned blocks, placed by the user, are outlined */
  if (block->pinned || ghost)
    outline_rect (snapshot, rect, 4, ghost ? 2 : 1, ghost ? &paint->accent : color);
}

/* "✓" for a day with everything done, "•" for some study: signs, not colour. */
static const char *
day_sign (const SpCalendarDay *cell)
{
  if (cell->flags & SP_CALENDAR_DAY_ALL_DONE)
    return "✓";
  if (cell->flags & SP_CALENDAR_DAY_SOME_DONE)
    return "•";
  return "";
}

static void
draw_level_start (GtkSnapshot         *snapshot,
                  const Paint         *paint,
                  const SpCalendarDay *cell,
                  const SpRect        *edge)
{
  if (cell->level_start < 0)
    return;
  fill_rect (snapshot, &(SpRect) { edge->x, edge->y, edge->width, 4 }, level_color (paint, (guint) cell->level_start));
}

/* A narrow month, as GNOME Calendar draws one on a phone: a dot per block
 * in its level's colour (a square for a review, hollow when skipped), "+N"
 * past the room; the selected day's blocks are listed below the grid */
static void
draw_compact_blocks (SpCalendarGrid      *self,
                     GtkSnapshot         *snapshot,
                     const Paint         *paint,
                     SpSchedule          *schedule,
                     const SpCalendarDay *cell)
{
  double size = 6, step = 9;
  double x = cell->rect.x + 6;
  double y = cell->header.y + cell->header.height + 2;
  guint  room = (guint) MAX ((cell->rect.width - 12 + (step - size)) / step, 1);
  guint  shown = cell->n_blocks > room ? room - 1 : cell->n_blocks;

  if (y + size > cell->rect.y + cell->rect.height)
    return;
  for (guint k = 0; k < shown; k++)
    {
      const SpBlock  *block = sp_schedule_get_block (schedule, cell->first_block + k);
      SpRect          dot = { x + k * step, y, size, size };
      GskRoundedRect  round;
      graphene_rect_t bounds = to_graphene (&dot);

      /* A review's is a square, a skipped block's hollow */
      gsk_rounded_rect_init_from_rect (&round, &bounds, block->kind == SP_BLOCK_KIND_REVIEW ? 1 : (float) size / 2);
      if (block->status == SP_BLOCK_STATUS_SKIPPED)
        {
          const GdkRGBA *color = level_color (paint, block->level);

          gtk_snapshot_append_border (snapshot, &round, (float[4]){ 1, 1, 1, 1 },
                                      (GdkRGBA[4]){ *color, *color, *color, *color });
          continue;
        }
      gtk_snapshot_push_rounded_clip (snapshot, &round);
      gtk_snapshot_append_color (snapshot, level_color (paint, block->level), &round.bounds);
      gtk_snapshot_pop (snapshot);
    }
  if (shown < cell->n_blocks)
    {
      /* TRANSLATORS: more blocks than a narrow month's day has dots for, "+3" */
      g_autofree char *more = g_strdup_printf (_("+%u"), cell->n_blocks - shown);

      draw_text (snapshot, paint->small, more, x + shown * step, y + size / 2 - self->small_height / 2,
                 cell->rect.x + cell->rect.width - x - shown * step, PANGO_ALIGN_LEFT, &paint->fg);
    }
}

void
sp_calendar_grid_snapshot_month (SpCalendarGrid         *self,
                GtkSnapshot            *snapshot,
                const Paint            *paint,
                const SpCalendarLayout *layout)
{
  SpSchedule *schedule = layout->schedule;
  GdkRGBA line = faint (paint, 0.15);
  GdkRGBA dim = with_alpha (&paint->fg, 0.55);
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self));
  double column_width = layout->width / 7;
  gboolean    compact = sp_calendar_grid_is_compact (self);
  gboolean    long_names = TRUE;

  /* Weekday names, long when all seven fit: a row of "Sunday", "Mon",
   * "Tue" reads as a mistake */
  for (guint i = 0; i < 7 && long_names; i++)
    {
      g_autofree char *name = sp_calendar_format_weekday (sp_calendar_layout_get_day (layout, i)->day);

      long_names = sp_calendar_grid_text_width (paint->small, name) <= column_width - 8;
    }
  for (guint i = 0; i < 7; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);
      g_autofree char     *name = long_names ? sp_calendar_format_weekday (cell->day) : sp_calendar_format (cell->day, "%a");

      draw_text (snapshot, paint->small, name, cell->rect.x + 4,
                 (layout->header.height - self->small_height) / 2, cell->rect.width - 8, PANGO_ALIGN_CENTER, &dim);
    }

  for (guint i = 0; i < layout->days->len; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);
      gboolean other = cell->flags & SP_CALENDAR_DAY_OTHER_MONTH;
      gboolean selected = cell->day == self->selected_day;
      GdkRGBA text_color = other ? dim : paint->fg;
      g_autofree char *number = sp_calendar_format (cell->day, "%-d");
      g_autofree char *hours = NULL;
      double x = cell->header.x + 6, number_width;
      GString *right = g_string_new (day_sign (cell));

      if (other)
        fill_rect (snapshot, &cell->rect, &(GdkRGBA) { paint->fg.red, paint->fg.green, paint->fg.blue, 0.04 });
      if (cell->flags & SP_CALENDAR_DAY_OFF)
        hatch_rect (snapshot, &cell->rect, &(GdkRGBA) { paint->fg.red, paint->fg.green, paint->fg.blue, 0.07 });
      if (selected)
        fill_rect (snapshot, &cell->rect, &(GdkRGBA) { paint->accent_bg.red, paint->accent_bg.green,
                                                       paint->accent_bg.blue, 0.12 });
      if (self->drop_active && cell->day == self->drop_day)
        fill_rect (snapshot, &cell->rect, &(GdkRGBA) { paint->accent_bg.red, paint->accent_bg.green,
                                                       paint->accent_bg.blue, 0.25 });
      draw_level_start (snapshot, paint, cell, &cell->rect);

      /* The date: today in an accent circle, as GNOME Calendar does */
      number_width = MAX (sp_calendar_grid_text_width (paint->bold, number), self->line_height) + 8;
      if (cell->flags & SP_CALENDAR_DAY_TODAY)
        {
          GskRoundedRect pill;
          SpRect r = { x - 4, cell->header.y + 3, number_width, cell->header.height - 6 };
          graphene_rect_t pill_bounds = to_graphene (&r);

          gsk_rounded_rect_init_from_rect (&pill, &pill_bounds, (float) r.height / 2);
          gtk_snapshot_push_rounded_clip (snapshot, &pill);
          gtk_snapshot_append_color (snapshot, &paint->accent_bg, &pill.bounds);
          gtk_snapshot_pop (snapshot);
          draw_text (snapshot, paint->bold, number, r.x, cell->header.y + (cell->header.height - self->line_height) / 2,
                     r.width, PANGO_ALIGN_CENTER, &paint->accent_fg);
        }
      else
        draw_text (snapshot, paint->bold, number, x, cell->header.y + (cell->header.height - self->line_height) / 2,
                   number_width, PANGO_ALIGN_LEFT, &text_color);
      x += number_width;

      if (compact)
        {
          draw_compact_blocks (self, snapshot, paint, schedule, cell);
          g_string_free (right, TRUE);
          continue;
        }

      if (cell->level_start >= 0 && cell->header.width > number_width + 40)
        {
          /* TRANSLATORS: marks the first day of a level in the month grid, "▶ 2" */
          g_autofree char *mark = g_strdup_printf (_("▶ %d"), cell->level_start + 1);
          draw_text (snapshot, paint->small, mark, x, cell->header.y + (cell->header.height - self->small_height) / 2,
                     40, PANGO_ALIGN_LEFT, level_color (paint, (guint) cell->level_start));
        }

      if (cell->planned_minutes > 0)
        {
          hours = sp_calendar_format_duration (cell->planned_minutes);
          if (right->len > 0)
            g_string_append_c (right, ' ');
          g_string_append (right, hours);
        }
      else if (cell->flags & SP_CALENDAR_DAY_OFF)
        /* TRANSLATORS: a day the user takes off, in a month cell */
        g_string_append (right, _("Day off"));
      /* Only where it does not run over the level's mark */
      if (right->len > 0 && cell->header.width > number_width + (cell->level_start >= 0 ? 40 : 0) + 12 +
                                                     sp_calendar_grid_text_width (paint->small, right->str))
        draw_text (snapshot, paint->small, right->str, cell->header.x + number_width + 6,
                   cell->header.y + (cell->header.height - self->small_height) / 2,
                   cell->header.width - number_width - 12, PANGO_ALIGN_RIGHT, &dim);
      g_string_free (right, TRUE);

      for (guint k = 0; k < cell->n_items; k++)
        {
          const SpCalendarItem *item = sp_calendar_layout_get_item (layout, cell->first_item + k);
          const SpBlock *block = sp_schedule_get_block (schedule, item->block);

          sp_calendar_grid_draw_block (self, snapshot, paint, block, &item->rect, FALSE);
        }
      if (cell->n_more > 0)
        {
          /* TRANSLATORS: blocks that do not fit in a day of the month grid */
          g_autofree char *more = g_strdup_printf (ngettext ("+%u more", "+%u more", cell->n_more), cell->n_more);
          draw_text (snapshot, paint->small, more, cell->more.x + 4,
                     cell->more.y + (cell->more.height - self->small_height) / 2, cell->more.width - 4,
                     PANGO_ALIGN_LEFT, &paint->fg);
        }
    }

  /* Grid lines */
  for (guint row = 0; row < layout->n_rows; row++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, row * 7);
      fill_rect (snapshot, &(SpRect) { 0, cell->rect.y, layout->width, 1 }, &line);
    }
  for (guint col = 1; col < 7; col++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, col);
      fill_rect (snapshot, &(SpRect) { cell->rect.x, layout->body.y, 1, layout->body.height }, &line);
    }

  /* The selected day, strongest when the grid has the keyboard */
  {
    const SpCalendarDay *cell = sp_calendar_layout_lookup_day (layout, self->selected_day);
    GdkRGBA unfocused = with_alpha (&paint->accent, 0.6);

    if (cell != NULL)
      outline_rect (snapshot, &(SpRect) { cell->rect.x + 1, cell->rect.y + 1, cell->rect.width - 1, cell->rect.height - 1 },
                    0, focused ? 2 : 1, focused ? &paint->accent : &unfocused);
  }
}

/* The day names and what each day holds, over the hours, at @top: the
 * top of what the scrolled window shows, so they stay in sight */
static void
snapshot_week_header (SpCalendarGrid         *self,
                      GtkSnapshot            *snapshot,
                      const Paint            *paint,
                      const SpCalendarLayout *layout,
                      const SpCalendarDay    *selected,
                      double                  top)
{
  GdkRGBA line = faint (paint, 0.12);
  GdkRGBA dim = with_alpha (&paint->fg, 0.6);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (float) top));
  if (top > 0)
    fill_rect (snapshot, &(SpRect){ 0, 0, layout->body.x + layout->body.width, layout->body.y - 1 }, &paint->bg);
  for (guint i = 0; i <= layout->days->len; i++)
    {
      double x = i < layout->days->len ? sp_calendar_layout_get_day (layout, i)->rect.x
                                       : layout->body.x + layout->body.width - 1;
      fill_rect (snapshot, &(SpRect){ x, 0, 1, layout->body.y }, &line);
    }
  fill_rect (snapshot, &(SpRect){ layout->body.x, layout->body.y - 1, layout->body.width, 1 }, &line);

  for (guint i = 0; i < layout->days->len; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);
      g_autofree char     *name = sp_calendar_format (cell->day, _("%a %-d"));
      g_autoptr(GString) second = g_string_new (day_sign (cell));
      gboolean       today = cell->flags & SP_CALENDAR_DAY_TODAY;
      const GdkRGBA *name_color = today ? &paint->accent : &paint->fg;

      if (cell == selected)
        fill_rect (snapshot, &cell->header, &(GdkRGBA){ paint->accent_bg.red, paint->accent_bg.green, paint->accent_bg.blue, 0.14 });
      draw_level_start (snapshot, paint, cell, &cell->header);
      draw_text (snapshot, today ? paint->bold : paint->text, name, cell->header.x + 6, 6,
                 cell->header.width - 12, PANGO_ALIGN_LEFT, name_color);
      if (today)
        fill_rect (snapshot, &(SpRect){ cell->header.x + 6, cell->header.height - 4, MIN (cell->header.width - 12, 40), 3 },
                   &paint->accent);

      if (cell->flags & SP_CALENDAR_DAY_OFF)
        g_string_append (second, _("Day off"));
      else if (cell->planned_minutes > 0)
        {
          g_autofree char *hours = sp_calendar_format_duration (cell->planned_minutes);
          if (second->len > 0)
            g_string_append_c (second, ' ');
          g_string_append (second, hours);
        }
      if (cell->level_start >= 0)
        g_string_append_printf (second, _(" · ▶ %d"), cell->level_start + 1);
      draw_text (snapshot, paint->small, second->str, cell->header.x + 6, 6 + self->line_height + 1,
                 cell->header.width - 12, PANGO_ALIGN_LEFT, &dim);
    }
  gtk_snapshot_restore (snapshot);
}

void
sp_calendar_grid_snapshot_week (SpCalendarGrid         *self,
               GtkSnapshot            *snapshot,
               const Paint            *paint,
               const SpCalendarLayout *layout)
{
  SpSchedule *schedule = layout->schedule;
  GdkRGBA line = faint (paint, 0.12);
  GdkRGBA dim = with_alpha (&paint->fg, 0.6);
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self));
  const SpCalendarDay *selected = sp_calendar_layout_lookup_day (layout, self->selected_day);

  /* Day columns: shading first, then lines, then blocks on top */
  for (guint i = 0; i < layout->days->len; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);

      if (cell->flags & SP_CALENDAR_DAY_OFF)
        hatch_rect (snapshot, &cell->rect, &(GdkRGBA) { paint->fg.red, paint->fg.green, paint->fg.blue, 0.07 });
      if (cell == selected)
        {
          fill_rect (snapshot, &cell->rect, &(GdkRGBA){ paint->accent_bg.red, paint->accent_bg.green, paint->accent_bg.blue, 0.07 });
        }
    }

  /* Hours */
  for (guint minute = layout->first_minute; minute <= layout->last_minute; minute += 60)
    {
      double y = floor (sp_calendar_layout_minute_to_y (layout, minute));
      g_autofree char *label = sp_format_time (minute);

      fill_rect (snapshot, &(SpRect) { layout->body.x, y, layout->body.width, 1 }, &line);
      if (minute < layout->last_minute)
        draw_text (snapshot, paint->small, label, 0, y + 2, layout->body.x - 8, PANGO_ALIGN_RIGHT, &dim);
    }
  for (guint i = 0; i <= layout->days->len; i++)
    {
      double x = i < layout->days->len ? sp_calendar_layout_get_day (layout, i)->rect.x
                                       : layout->body.x + layout->body.width - 1;
      fill_rect (snapshot, &(SpRect) { x, 0, 1, layout->body.y + layout->body.height }, &line);
    }
  fill_rect (snapshot, &(SpRect) { layout->body.x, layout->body.y - 1, layout->body.width, 1 }, &line);

  for (guint i = 0; i < layout->days->len; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);

      for (guint k = 0; k < cell->n_items; k++)
        {
          const SpCalendarItem *item = sp_calendar_layout_get_item (layout, cell->first_item + k);

          sp_calendar_grid_draw_block (self, snapshot, paint, sp_schedule_get_block (schedule, item->block), &item->rect, FALSE);
        }
    }

  /* Now, as a line across today */
  for (guint i = 0; self->planner != NULL && i < layout->days->len; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);
      g_autoptr(GDateTime) now = NULL;
      guint minute;
      double y;
      GskRoundedRect dot;

      if (!(cell->flags & SP_CALENDAR_DAY_TODAY))
        continue;
      now = g_date_time_new_now (sp_planner_get_timezone (self->planner));
      minute = (guint) (g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now));
      if (minute < layout->first_minute || minute > layout->last_minute)
        break;
      y = sp_calendar_layout_minute_to_y (layout, minute);
      fill_rect (snapshot, &(SpRect) { cell->rect.x, y - 1, cell->rect.width, 2 }, &paint->now);
      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT ((float) cell->rect.x - 4, (float) y - 5, 10, 10), 5);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &paint->now, &dot.bounds);
      gtk_snapshot_pop (snapshot);
    }

  /* Where a dragged block would land */
  if (self->drop_active)
    {
      const SpCalendarDay *cell = sp_calendar_layout_lookup_day (layout, self->drop_day);
      const SpBlock *block = self->drag_block ? sp_schedule_lookup_block (schedule, self->drag_block) : NULL;

      if (cell != NULL && block != NULL)
        {
          double y0 = sp_calendar_layout_minute_to_y (layout, self->drop_minute);
          double y1 = sp_calendar_layout_minute_to_y (layout, self->drop_minute + block->minutes);

          sp_calendar_grid_draw_block (self, snapshot, paint, block, &(SpRect) { cell->rect.x + 2, y0 + 1, cell->rect.width - 4, MAX (y1 - y0 - 2, 4) }, TRUE);
        }
    }

  snapshot_week_header (self, snapshot, paint, layout, selected, sp_calendar_grid_get_header_top (self, layout));

  if (selected != NULL)
    {
      GdkRGBA unfocused = with_alpha (&paint->accent, 0.6);

      outline_rect (snapshot, &(SpRect) { selected->header.x + 1, 1, selected->header.width - 1,
                                          layout->body.y + layout->body.height - 1 },
                    0, focused ? 2 : 1, focused ? &paint->accent : &unfocused);
    }
}
