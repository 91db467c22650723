/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-calendar-grid.h"
#include "sp-test-core.h"
#include "sp-test-ui.h"
#include "sp-window.h"

/* The week's earliest block, by its time of day */
static const SpBlock *
earliest_block (const SpCalendarLayout *layout)
{
  const SpBlock *earliest = NULL;

  for (guint i = 0; i < layout->items->len; i++)
    {
      const SpBlock *block = sp_schedule_get_block (layout->schedule, sp_calendar_layout_get_item (layout, i)->block);

      if (earliest == NULL || block->start < earliest->start)
        earliest = block;
    }
  return earliest;
}

/* The Week grid covers the whole day, opens on its first block, reads a
 * 25-minute block, and takes a block to 07:00 by drag */
static void
test_whole_day (void)
{
  SpApplication          *app;
  SpWindow               *window;
  SpPlanner              *planner;
  SpCalendarGrid         *week;
  GtkAdjustment          *v;
  const SpBlock          *first;
  guint32                 first_day;
  const SpCalendarLayout *layout;
  const SpBlock          *earliest;
  const SpCalendarDay    *cell;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  PangoLayout     *text;
  double           y;
  int              line_height;

  /* A fresh start: no progress saved by an earlier run */
  sp_test_ui_reset_state ();
  app = sp_test_ui_start_app ();
  window = SP_WINDOW (sp_test_ui_get_window (app));
  planner = sp_application_get_planner (app);
  week = SP_CALENDAR_GRID (sp_test_ui_find_grid (GTK_WIDGET (window), SP_CALENDAR_SPAN_WEEK));
  v = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (week), GTK_TYPE_SCROLLED_WINDOW)));
  first = sp_schedule_get_block (sp_planner_get_schedule (planner), 0);
  first_day = first->day; /* the schedule is made again after the drop */
  g_assert_true (sp_test_ui_resize (GTK_WINDOW (window), 1280, 800));
  sp_window_set_selected_day (window, first->day);
  sp_window_set_view (window, "week");
  sp_test_ui_wait (300);

  layout = sp_calendar_grid_get_layout (week);
  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->first_minute, ==, 0);
  g_assert_cmpuint (layout->last_minute, ==, 24 * 60);

  /* a 25-minute block has room for a line of text */
  text = gtk_widget_create_pango_layout (GTK_WIDGET (week), "Ag");
  pango_layout_get_pixel_size (text, NULL, &line_height);
  g_object_unref (text);
  g_assert_cmpfloat (layout->hour_height * 25 / 60 - 2, >=, line_height + 4);

  /* opened on the week's earliest block, not at midnight */
  earliest = earliest_block (layout);
  g_assert_nonnull (earliest);
  y = sp_calendar_layout_minute_to_y (layout, earliest->start);
  g_test_message ("first block at %u min, y %.0f; shown from %.0f to %.0f", earliest->start, y,
                  gtk_adjustment_get_value (v), gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v));
  /* ...below the day names, which stay at the top as the hours scroll */
  g_assert_cmpfloat (y, >=, gtk_adjustment_get_value (v) + layout->body.y);
  g_assert_cmpfloat (y + layout->hour_height / 2, <=, gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v));
  if (y > gtk_adjustment_get_page_size (v))
    g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 0);

  /* a block dragged to 07:00, before any block or study time of the week */
  id = g_strdup (earliest->id);
  cell = sp_calendar_layout_lookup_day (layout, earliest->day);
  g_assert_true (sp_calendar_grid_drop_block (week, id, 0, cell->rect.x + cell->rect.width / 2,
                                              sp_calendar_layout_minute_to_y (layout, 7 * 60) + 2, &error));
  g_assert_no_error (error);
  sp_test_ui_wait (100);
  layout = sp_calendar_grid_get_layout (week);
  g_assert_cmpuint (sp_schedule_get_block (layout->schedule,
                                           sp_calendar_layout_find_block (layout, id)->block)
                        ->start,
                    ==, 7 * 60);

  /* another week opens on its own first block */
  sp_window_set_selected_day (window, first_day + 7);
  sp_test_ui_wait (300);
  layout = sp_calendar_grid_get_layout (week);
  earliest = earliest_block (layout);
  if (earliest != NULL)
    {
      y = sp_calendar_layout_minute_to_y (layout, earliest->start);
      g_assert_cmpfloat (y, >=, gtk_adjustment_get_value (v) + layout->body.y);
      g_assert_cmpfloat (y, <=, gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v));
    }

  sp_test_ui_stop_app (app);
}

int
main (int   argc,
      char *argv[])
{
  sp_test_ui_init (&argc, &argv);

  g_test_add_func ("/week/whole-day", test_whole_day);

  return g_test_run ();
}
