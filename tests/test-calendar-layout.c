/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sp-block-look.h"
#include "sp-calendar-layout.h"
#include "sp-planner.h"
#include "sp-schedule-private.h"
#include "sp-test-core.h"

/* The calendar arithmetic and the month and week layouts the views draw and
 * printing reuses: pure functions of a schedule, dates and a box. */

static const SpCalendarMetrics metrics = {
  .header_height = 30,
  .day_header_height = 24,
  .item_height = 20,
  .spacing = 4,
  .time_gutter = 50,
  .min_hour_height = 30,
};

static SpPlanner *
new_planner (const char *today)
{
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  SpPlanner *planner = sp_planner_new (plan);
  g_autoptr(SpAvailability) availability = NULL;

  sp_planner_set_timezone (planner, tz);
  sp_planner_set_today (planner, sp_test_date (today));
  availability = sp_availability_copy (sp_planner_get_availability (planner));
  availability->start_day = sp_test_date (today);
  sp_planner_set_availability (planner, availability);
  return planner;
}

static gboolean
rect_inside (const SpRect *inner,
             const SpRect *outer)
{
  return inner->x >= outer->x - 0.001 && inner->y >= outer->y - 0.001 &&
         inner->x + inner->width <= outer->x + outer->width + 0.001 &&
         inner->y + inner->height <= outer->y + outer->height + 0.001;
}

static gboolean
rects_overlap (const SpRect *a,
               const SpRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
test_arithmetic (void)
{
  guint32 first, last;

  g_assert_cmpuint (sp_day_from_dmy (2025, 2, 29), ==, 0);
  g_assert_cmpuint (sp_day_from_dmy (2024, 2, 29), ==, sp_test_date ("2024-02-29"));
  g_assert_cmpuint (sp_day_from_dmy (2025, 13, 1), ==, 0);

  /* 2025-03-05 is a Wednesday */
  sp_test_assert_date (sp_day_get_week_start (sp_test_date ("2025-03-05"), 0), "2025-03-03");
  sp_test_assert_date (sp_day_get_week_start (sp_test_date ("2025-03-05"), 6), "2025-03-02");
  sp_test_assert_date (sp_day_get_week_start (sp_test_date ("2025-03-03"), 0), "2025-03-03");
  sp_test_assert_date (sp_day_get_week_start (sp_test_date ("2025-03-02"), 0), "2025-02-24");
  /* Across a year */
  sp_test_assert_date (sp_day_get_week_start (sp_test_date ("2026-01-01"), 0), "2025-12-29");

  sp_day_get_month_range (sp_test_date ("2024-02-10"), &first, &last);
  sp_test_assert_date (first, "2024-02-01");
  sp_test_assert_date (last, "2024-02-29");
  sp_day_get_month_range (sp_test_date ("2025-12-31"), &first, &last);
  sp_test_assert_date (first, "2025-12-01");
  sp_test_assert_date (last, "2025-12-31");

  /* Months keep the day where they can */
  sp_test_assert_date (sp_calendar_step (sp_test_date ("2024-01-31"), SP_CALENDAR_SPAN_MONTH, 1), "2024-02-29");
  sp_test_assert_date (sp_calendar_step (sp_test_date ("2025-01-31"), SP_CALENDAR_SPAN_MONTH, 1), "2025-02-28");
  sp_test_assert_date (sp_calendar_step (sp_test_date ("2025-12-15"), SP_CALENDAR_SPAN_MONTH, 1), "2026-01-15");
  sp_test_assert_date (sp_calendar_step (sp_test_date ("2026-01-15"), SP_CALENDAR_SPAN_MONTH, -1), "2025-12-15");
  sp_test_assert_date (sp_calendar_step (sp_test_date ("2025-03-31"), SP_CALENDAR_SPAN_MONTH, -13), "2024-02-29");
  sp_test_assert_date (sp_calendar_step (sp_test_date ("2025-12-29"), SP_CALENDAR_SPAN_WEEK, 1), "2026-01-05");
  sp_test_assert_date (sp_calendar_step (sp_test_date ("2026-01-05"), SP_CALENDAR_SPAN_WEEK, -1), "2025-12-29");
  sp_test_assert_date (sp_calendar_step (sp_test_date ("2025-12-31"), SP_CALENDAR_SPAN_DAY, 1), "2026-01-01");
  sp_test_assert_date (sp_calendar_step (sp_test_date ("2026-01-01"), SP_CALENDAR_SPAN_DAY, -1), "2025-12-31");
  /* Not before the first year */
  sp_test_assert_date (sp_calendar_step (sp_test_date ("0001-01-03"), SP_CALENDAR_SPAN_DAY, -5), "0001-01-03");
  sp_test_assert_date (sp_calendar_step (sp_test_date ("0001-03-03"), SP_CALENDAR_SPAN_MONTH, -5), "0001-03-03");

  /* March 2025 starts on a Saturday and ends on a Monday: six weeks from Monday */
  sp_calendar_visible_range (sp_test_date ("2025-03-15"), SP_CALENDAR_SPAN_MONTH, 0, &first, &last);
  sp_test_assert_date (first, "2025-02-24");
  sp_test_assert_date (last, "2025-04-06");
  /* February 2021 from Monday is exactly four weeks */
  sp_calendar_visible_range (sp_test_date ("2021-02-10"), SP_CALENDAR_SPAN_MONTH, 0, &first, &last);
  sp_test_assert_date (first, "2021-02-01");
  sp_test_assert_date (last, "2021-02-28");
  sp_calendar_visible_range (sp_test_date ("2025-03-05"), SP_CALENDAR_SPAN_WEEK, 6, &first, &last);
  sp_test_assert_date (first, "2025-03-02");
  sp_test_assert_date (last, "2025-03-08");
  sp_calendar_visible_range (sp_test_date ("2025-03-05"), SP_CALENDAR_SPAN_DAY, 0, &first, &last);
  g_assert_cmpuint (first, ==, last);
}

static void
check_month (SpCalendarLayout *layout,
             SpSchedule       *schedule,
             double            width,
             double            height)
{
  double area = 0;

  g_assert_cmpuint (layout->days->len, ==, layout->n_rows * 7);
  g_assert_cmpuint (layout->last_day - layout->first_day + 1, ==, layout->days->len);

  for (guint i = 0; i < layout->days->len; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);
      guint first, n = sp_schedule_get_day_blocks (schedule, cell->day, &first);
      gboolean other = cell->day < layout->month_first || cell->day > layout->month_last;

      g_assert_cmpuint (cell->day, ==, layout->first_day + i);
      g_assert_cmpuint (cell->n_blocks, ==, n);
      g_assert_cmpuint (cell->first_block, ==, first);
      /* Every block is shown or counted in "+N more" */
      g_assert_cmpuint (cell->n_items + cell->n_more, ==, n);
      g_assert_cmpint (!!(cell->flags & SP_CALENDAR_DAY_OTHER_MONTH), ==, other);
      g_assert_cmpint (!!(cell->flags & SP_CALENDAR_DAY_TODAY), ==, cell->day == layout->today);
      g_assert_cmpfloat_with_epsilon (cell->planned_minutes / 60.0,
                                      sp_schedule_get_planned_hours (schedule, cell->day, cell->day), 1e-9);
      g_assert_true (rect_inside (&cell->rect, &layout->body));
      g_assert_true (rect_inside (&cell->header, &cell->rect));
      area += cell->rect.width * cell->rect.height;

      for (guint k = 0; k < cell->n_items; k++)
        {
          const SpCalendarItem *item = sp_calendar_layout_get_item (layout, cell->first_item + k);

          g_assert_cmpuint (item->day, ==, i);
          g_assert_cmpuint (item->block, ==, first + k);
          g_assert_true (rect_inside (&item->rect, &cell->rect));
          g_assert_false (rects_overlap (&item->rect, &cell->header));
          if (k > 0)
            g_assert_false (rects_overlap (&item->rect, &sp_calendar_layout_get_item (layout, item->block - 1 - first + cell->first_item)->rect));
          if (cell->n_more > 0)
            g_assert_false (rects_overlap (&item->rect, &cell->more));
          /* Clicking the middle of a block finds it */
          g_assert_true (sp_calendar_layout_item_at (layout, item->rect.x + item->rect.width / 2,
                                                     item->rect.y + item->rect.height / 2) == item);
        }
      if (cell->n_more > 0)
        g_assert_true (rect_inside (&cell->more, &cell->rect));
      g_assert_true (sp_calendar_layout_day_at (layout, cell->rect.x + 1, cell->rect.y + 1) == cell);
      g_assert_true (sp_calendar_layout_lookup_day (layout, cell->day) == cell);
    }

  /* The cells tile the body exactly */
  g_assert_cmpfloat_with_epsilon (area, width * (height - metrics.header_height), 0.01);
  for (guint i = 0; i + 1 < layout->days->len; i++)
    g_assert_false (rects_overlap (&sp_calendar_layout_get_day (layout, i)->rect,
                                   &sp_calendar_layout_get_day (layout, i + 1)->rect));
  g_assert_null (sp_calendar_layout_lookup_day (layout, layout->last_day + 1));
  g_assert_null (sp_calendar_layout_day_at (layout, width / 2, metrics.header_height / 2));
}

static void
test_month (void)
{
  g_autoptr(SpPlanner) planner = new_planner ("2025-03-03");
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  g_autoptr(SpCalendarLayout) roomy = NULL;
  g_autoptr(SpCalendarLayout) tight = NULL;
  g_autoptr(SpCalendarLayout) tiny = NULL;
  const SpCalendarDay *today;
  guint more = 0;

  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), >, 100);

  roomy = sp_calendar_layout_new_month (schedule, sp_planner_get_availability (planner),
                                        sp_test_date ("2025-03-20"), 0, 1400, 1200, &metrics);
  g_assert_cmpuint (roomy->span, ==, SP_CALENDAR_SPAN_MONTH);
  sp_test_assert_date (roomy->month_first, "2025-03-01");
  sp_test_assert_date (roomy->month_last, "2025-03-31");
  g_assert_cmpuint (roomy->n_rows, ==, 6);
  check_month (roomy, schedule, 1400, 1200);
  for (guint i = 0; i < roomy->days->len; i++)
    more += sp_calendar_layout_get_day (roomy, i)->n_more;
  g_assert_cmpuint (more, ==, 0);

  today = sp_calendar_layout_lookup_day (roomy, sp_test_date ("2025-03-03"));
  g_assert_true (today->flags & SP_CALENDAR_DAY_TODAY);
  g_assert_cmpuint (today->n_blocks, >, 0);
  g_assert_true (sp_calendar_layout_lookup_day (roomy, sp_test_date ("2025-02-28"))->flags & SP_CALENDAR_DAY_PAST);
  g_assert_true (sp_calendar_layout_lookup_day (roomy, sp_test_date ("2025-02-28"))->flags & SP_CALENDAR_DAY_OTHER_MONTH);
  g_assert_cmpint (sp_calendar_layout_lookup_day (roomy, sp_test_date ("2025-03-03"))->level_start, ==, 0);

  /* A short box: weekends' blocks collapse into "+N more" */
  tight = sp_calendar_layout_new_month (schedule, sp_planner_get_availability (planner),
                                        sp_test_date ("2025-03-20"), 0, 700, 400, &metrics);
  check_month (tight, schedule, 700, 400);
  more = 0;
  for (guint i = 0; i < tight->days->len; i++)
    more += sp_calendar_layout_get_day (tight, i)->n_more;
  g_assert_cmpuint (more, >, 0);

  /* Not even room for one: everything is "+N" beside the date */
  tiny = sp_calendar_layout_new_month (schedule, NULL, sp_test_date ("2025-03-20"), 6, 350, 200, &metrics);
  check_month (tiny, schedule, 350, 200);
  g_assert_cmpuint (tiny->items->len, ==, 0);
  sp_test_assert_date (tiny->first_day, "2025-02-23");
}

static void
test_month_marks (void)
{
  g_autoptr(SpPlanner) planner = new_planner ("2025-03-03");
  g_autoptr(SpAvailability) availability = sp_availability_copy (sp_planner_get_availability (planner));
  g_autoptr(SpCalendarLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  SpSchedule *schedule;
  const SpCalendarDay *cell;
  const SpBlock *block;
  guint first, n;
  guint32 core_day = 0;

  /* A week off in the middle of March, and no study on Wednesdays */
  sp_availability_add_days_off (availability, sp_test_date ("2025-03-10"), sp_test_date ("2025-03-16"));
  sp_availability_set_day (availability, 2, 0, 19 * 60);
  sp_planner_set_availability (planner, availability);
  schedule = sp_planner_get_schedule (planner);

  n = sp_schedule_get_day_blocks (schedule, sp_test_date ("2025-03-03"), &first);
  g_assert_cmpuint (n, ==, 1);
  block = sp_schedule_get_block (schedule, first);
  g_assert_true (sp_planner_mark_block (planner, block->id, SP_BLOCK_STATUS_DONE, 0, &error));
  g_assert_no_error (error);
  schedule = sp_planner_get_schedule (planner);
  n = sp_schedule_get_day_blocks (schedule, sp_test_date ("2025-03-04"), &first);
  block = sp_schedule_get_block (schedule, first);
  g_assert_true (sp_planner_mark_block (planner, block->id, SP_BLOCK_STATUS_PARTIAL, 20, &error));
  g_assert_no_error (error);
  schedule = sp_planner_get_schedule (planner);

  layout = sp_calendar_layout_new_month (schedule, sp_planner_get_availability (planner),
                                         sp_test_date ("2025-03-01"), 0, 1000, 800, &metrics);
  check_month (layout, schedule, 1000, 800);

  cell = sp_calendar_layout_lookup_day (layout, sp_test_date ("2025-03-03"));
  g_assert_true (cell->flags & SP_CALENDAR_DAY_ALL_DONE);
  g_assert_cmpuint (cell->done_minutes, ==, cell->planned_minutes);
  cell = sp_calendar_layout_lookup_day (layout, sp_test_date ("2025-03-04"));
  g_assert_true (cell->flags & SP_CALENDAR_DAY_SOME_DONE);
  g_assert_false (cell->flags & SP_CALENDAR_DAY_ALL_DONE);
  g_assert_cmpuint (cell->done_minutes, ==, 20);
  cell = sp_calendar_layout_lookup_day (layout, sp_test_date ("2025-03-05"));
  g_assert_true (cell->flags & SP_CALENDAR_DAY_NO_HOURS);
  g_assert_cmpuint (cell->n_blocks, ==, 0);
  for (guint32 d = sp_test_date ("2025-03-10"); d <= sp_test_date ("2025-03-16"); d++)
    {
      cell = sp_calendar_layout_lookup_day (layout, d);
      g_assert_true (cell->flags & SP_CALENDAR_DAY_OFF);
      g_assert_false (cell->flags & SP_CALENDAR_DAY_NO_HOURS);
      g_assert_cmpuint (cell->n_blocks, ==, 0);
    }
  cell = sp_calendar_layout_lookup_day (layout, sp_test_date ("2025-03-17"));
  g_assert_cmpuint (cell->flags & (SP_CALENDAR_DAY_OFF | SP_CALENDAR_DAY_NO_HOURS | SP_CALENDAR_DAY_ALL_DONE), ==, 0);
  g_assert_cmpuint (cell->n_blocks, >, 0);

  /* The first day of the next level is marked where it falls */
  core_day = sp_schedule_get_level_report (schedule, 1)->start_day;
  g_assert_cmpuint (core_day, >, sp_test_date ("2025-03-31"));
  g_clear_pointer (&layout, sp_calendar_layout_free);
  layout = sp_calendar_layout_new_month (schedule, NULL, core_day, 0, 1000, 800, &metrics);
  for (guint i = 0; i < layout->days->len; i++)
    {
      cell = sp_calendar_layout_get_day (layout, i);
      g_assert_cmpint (cell->level_start, ==, cell->day == core_day ? 1 : -1);
    }
}

/* A schedule made by hand, for shapes the scheduler does not make. */
static SpSchedule *
new_manual_schedule (SpPlan        *plan,
                     guint32        today,
                     const guint32 *days,
                     const guint   *starts,
                     const guint   *lengths,
                     guint          n)
{
  SpSchedule *schedule = sp_schedule_new (plan, NULL, today);
  const SpTopic *topic = g_ptr_array_index (sp_plan_get_topics (plan), 0);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s/learn/%u", topic->id, i + 1);
      SpBlock block = {
        .id = sp_schedule_intern (schedule, id),
        .day = days[i],
        .start = (guint16) starts[i],
        .minutes = (guint16) lengths[i],
        .topic = topic,
        .level = topic->level,
        .kind = SP_BLOCK_KIND_LEARN,
        .status = SP_BLOCK_STATUS_PLANNED,
      };
      g_array_append_val (schedule->blocks, block);
    }
  sp_schedule_finish (schedule);
  return schedule;
}

static const SpCalendarItem *
item_for (SpCalendarLayout *layout,
          guint             n)
{
  g_autofree char *id = g_strdup_printf ("linear-algebra/learn/%u", n);
  const SpCalendarItem *item = sp_calendar_layout_find_block (layout, id);

  g_assert_nonnull (item);
  return item;
}

static void
test_week_lanes (void)
{
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
  guint32       monday = sp_test_date ("2025-03-03");
  const guint32 days[] = { monday, monday, monday, monday, monday + 2 };
  const guint starts[] = { 18 * 60, 18 * 60 + 30, 19 * 60, 21 * 60, 7 * 60 };
  const guint lengths[] = { 60, 60, 60, 60, 45 };
  g_autoptr(SpSchedule) schedule = new_manual_schedule (plan, monday, days, starts, lengths, 5);
  g_autoptr(SpCalendarLayout) layout = NULL;
  const SpCalendarItem *a, *b, *c, *d, *e;
  const SpCalendarDay *wednesday;

  layout = sp_calendar_layout_new_week (schedule, NULL, monday, 7, 750, 640, &metrics);
  g_assert_cmpuint (layout->span, ==, SP_CALENDAR_SPAN_WEEK);
  g_assert_cmpuint (layout->first_minute, ==, 7 * 60);
  g_assert_cmpuint (layout->last_minute, ==, 22 * 60);
  g_assert_cmpfloat (layout->hour_height, ==, 40); /* (640 - 30) / 15 hours, down to whole pixels */
  g_assert_cmpuint (layout->items->len, ==, 5);

  a = item_for (layout, 1);
  b = item_for (layout, 2);
  c = item_for (layout, 3);
  d = item_for (layout, 4);
  e = item_for (layout, 5);
  /* 18:00 and 18:30 overlap: two lanes; 19:00 reuses the first lane */
  g_assert_cmpuint (a->lane, ==, 0);
  g_assert_cmpuint (b->lane, ==, 1);
  g_assert_cmpuint (c->lane, ==, 0);
  g_assert_cmpuint (a->n_lanes, ==, 2);
  g_assert_cmpuint (b->n_lanes, ==, 2);
  g_assert_cmpuint (c->n_lanes, ==, 2);
  g_assert_cmpuint (d->lane, ==, 0);
  g_assert_cmpuint (d->n_lanes, ==, 1);
  g_assert_false (rects_overlap (&a->rect, &b->rect));
  g_assert_false (rects_overlap (&b->rect, &c->rect));
  g_assert_false (rects_overlap (&a->rect, &c->rect));
  g_assert_cmpfloat (d->rect.width, >, a->rect.width * 1.5);

  /* Placed at their times, as tall as they are long */
  g_assert_cmpfloat_with_epsilon (a->rect.y, sp_calendar_layout_minute_to_y (layout, 18 * 60) + 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->rect.height, 40 - 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (e->rect.height, 30 - 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (sp_calendar_layout_minute_to_y (layout, 7 * 60), layout->body.y, 1e-9);
  wednesday = sp_calendar_layout_lookup_day (layout, monday + 2);
  g_assert_true (rect_inside (&e->rect, &wednesday->rect));
  g_assert_true (sp_calendar_layout_day_at (layout, wednesday->header.x + 2, 2) == wednesday);
  g_assert_true (sp_calendar_layout_item_at (layout, e->rect.x + 2, e->rect.y + 2) == e);
  g_assert_null (sp_calendar_layout_item_at (layout, e->rect.x + 2, e->rect.y - 10));

  /* Dropping at a height gives the time there, on a step, within the grid */
  g_assert_cmpuint (sp_calendar_layout_y_to_minute (layout, sp_calendar_layout_minute_to_y (layout, 600), 15), ==, 600);
  g_assert_cmpuint (sp_calendar_layout_y_to_minute (layout, sp_calendar_layout_minute_to_y (layout, 607), 15), ==, 600);
  g_assert_cmpuint (sp_calendar_layout_y_to_minute (layout, sp_calendar_layout_minute_to_y (layout, 608), 15), ==, 615);
  g_assert_cmpuint (sp_calendar_layout_y_to_minute (layout, -100, 15), ==, 7 * 60);
  g_assert_cmpuint (sp_calendar_layout_y_to_minute (layout, 1e6, 15), ==, 22 * 60);

  /* Columns tile the grid */
  for (guint i = 0; i < 7; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);

      g_assert_cmpfloat (cell->rect.x, ==, i == 0 ? metrics.time_gutter
                                                  : sp_calendar_layout_get_day (layout, i - 1)->rect.x +
                                                    sp_calendar_layout_get_day (layout, i - 1)->rect.width);
      g_assert_cmpfloat (cell->rect.height, ==, 15 * 40);
    }

  /* Too short a box: the hours keep their height and the layout grows */
  g_clear_pointer (&layout, sp_calendar_layout_free);
  layout = sp_calendar_layout_new_week (schedule, NULL, monday, 7, 750, 200, &metrics);
  g_assert_cmpfloat (layout->hour_height, ==, metrics.min_hour_height);
  g_assert_cmpfloat (layout->height, ==, metrics.header_height + 15 * metrics.min_hour_height);
}

static void
test_week_hours (void)
{
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
  g_autoptr(SpSchedule) empty = new_manual_schedule (plan, sp_test_date ("2025-03-03"), NULL, NULL, NULL, 0);
  g_autoptr(SpAvailability) availability = sp_availability_new ();
  guint32 monday = sp_test_date ("2025-03-03");
  guint first, last;

  sp_calendar_week_hours (empty, NULL, monday, 7, &first, &last);
  g_assert_cmpuint (first, ==, 8 * 60);
  g_assert_cmpuint (last, ==, 20 * 60);

  /* Default hours: 19:00 on weekdays, 10:00 at weekends */
  sp_calendar_week_hours (empty, availability, monday, 7, &first, &last);
  g_assert_cmpuint (first, ==, 10 * 60);
  g_assert_cmpuint (last, ==, 20 * 60);

  /* Weekdays only: one evening hour widened to six, within the day */
  sp_calendar_week_hours (empty, availability, monday, 5, &first, &last);
  g_assert_cmpuint (first, ==, 18 * 60);
  g_assert_cmpuint (last, ==, 24 * 60);
}

static void
test_streak (void)
{
  g_autoptr(SpPlanner) planner = new_planner ("2025-03-03");
  g_autoptr(SpAvailability) availability = sp_availability_copy (sp_planner_get_availability (planner));
  guint32 monday = sp_test_date ("2025-03-03");

  /* No study on Wednesdays: they neither count nor break */
  sp_availability_set_day (availability, 2, 0, 19 * 60);
  sp_planner_set_availability (planner, availability);

  for (guint32 day = monday; day <= monday + 4; day++)
    {
      SpSchedule *schedule;
      guint first, n;

      sp_planner_set_today (planner, day);
      schedule = sp_planner_get_schedule (planner);
      n = sp_schedule_get_day_blocks (schedule, day, &first);
      if (day == monday + 2)
        {
          g_assert_cmpuint (n, ==, 0);
          continue;
        }
      /* Today before studying keeps yesterday's streak */
      g_assert_cmpuint (sp_calendar_get_streak (schedule, day), ==, day == monday ? 0 : day - monday - (day > monday + 2));
      g_assert_true (sp_planner_mark_block (planner, sp_schedule_get_block (schedule, first)->id,
                                            day == monday + 1 ? SP_BLOCK_STATUS_PARTIAL : SP_BLOCK_STATUS_DONE,
                                            day == monday + 1 ? 10 : 0, NULL));
      g_assert_cmpuint (sp_calendar_get_streak (sp_planner_get_schedule (planner), day), ==,
                        day - monday + 1 - (day > monday + 2));
    }

  /* A missed Saturday breaks it on Sunday */
  sp_planner_set_today (planner, monday + 6);
  g_assert_cmpuint (sp_calendar_get_streak (sp_planner_get_schedule (planner), monday + 6), ==, 0);
  /* Skipping is not studying */
  {
    SpSchedule *schedule = sp_planner_get_schedule (planner);
    guint first;

    sp_schedule_get_day_blocks (schedule, monday + 6, &first);
    g_assert_true (sp_planner_mark_block (planner, sp_schedule_get_block (schedule, first)->id,
                                          SP_BLOCK_STATUS_SKIPPED, 0, NULL));
    g_assert_cmpuint (sp_calendar_get_streak (sp_planner_get_schedule (planner), monday + 6), ==, 0);
  }
}

static void
test_next_block (void)
{
  g_autoptr(SpPlanner) planner = new_planner ("2025-03-03");
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  guint32          monday = sp_test_date ("2025-03-03");
  const SpBlock *next;
  g_autofree char *id = NULL;

  next = sp_calendar_find_next_block (schedule, monday, 0);
  g_assert_nonnull (next);
  g_assert_cmpuint (next->day, ==, monday);
  g_assert_cmpuint (next->start, ==, 19 * 60);
  id = g_strdup (next->id);

  /* Once started, the next is tomorrow's */
  next = sp_calendar_find_next_block (schedule, monday, 19 * 60 + 1);
  g_assert_cmpuint (next->day, ==, monday + 1);

  /* Done blocks are not coming up */
  g_assert_true (sp_planner_mark_block (planner, id, SP_BLOCK_STATUS_DONE, 0, NULL));
  next = sp_calendar_find_next_block (sp_planner_get_schedule (planner), monday, 0);
  g_assert_cmpuint (next->day, ==, monday + 1);
  g_assert_cmpstr (next->id, !=, id);
}

static void
test_words (void)
{
  g_autoptr(SpPlanner) planner = new_planner ("2025-03-03");
  g_autoptr(SpAvailability) availability = sp_availability_copy (sp_planner_get_availability (planner));
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  guint32          tuesday = sp_test_date ("2025-03-04");
  const SpBlock *block;
  guint first;
  g_autofree char *duration = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  duration = sp_calendar_format_duration (50);
  g_assert_cmpstr (duration, ==, "50 min");
  g_free (duration);
  duration = sp_calendar_format_duration (120);
  g_assert_cmpstr (duration, ==, "2 h");
  g_free (duration);
  duration = sp_calendar_format_duration (150);
  g_assert_cmpstr (duration, ==, "2 h 30 min");

  text = sp_calendar_format_day (tuesday);
  g_assert_cmpstr (text, ==, "Tuesday 4 March");
  g_free (text);
  text = sp_calendar_format_month (tuesday);
  g_assert_cmpstr (text, ==, "March 2025");
  g_free (text);
  text = sp_calendar_format_range (sp_test_date ("2025-03-03"), sp_test_date ("2025-03-09"));
  g_assert_cmpstr (text, ==, "3 – 9 March 2025");
  g_free (text);
  text = sp_calendar_format_range (sp_test_date ("2025-02-24"), sp_test_date ("2025-03-02"));
  g_assert_cmpstr (text, ==, "24 February – 2 March 2025");
  g_free (text);
  text = sp_calendar_format_range (sp_test_date ("2025-12-29"), sp_test_date ("2026-01-04"));
  g_assert_cmpstr (text, ==, "29 December 2025 – 4 January 2026");
  g_free (text);

  g_assert_cmpuint (sp_schedule_get_day_blocks (schedule, tuesday, &first), ==, 1);
  block = sp_schedule_get_block (schedule, first);
  text = sp_calendar_describe_block (schedule, block);
  expected = g_strdup_printf ("Tuesday 4 March, 19:00–19:50, %s, learning, Fundamentals, planned",
                              sp_topic_get_title (block->topic));
  g_assert_cmpint (block->kind, ==, SP_BLOCK_KIND_LEARN);
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
  g_free (expected);
  text = sp_calendar_describe_block_brief (block);
  expected = g_strdup_printf ("19:00–19:50, %s, learning, planned", sp_topic_get_title (block->topic));
  g_assert_cmpstr (text, ==, expected);
  g_free (text);

  g_assert_true (sp_planner_mark_block (planner, block->id, SP_BLOCK_STATUS_PARTIAL, 20, NULL));
  schedule = sp_planner_get_schedule (planner);
  block = sp_schedule_get_block (schedule, first);
  text = sp_calendar_describe_block (schedule, block);
  g_assert_true (g_str_has_suffix (text, ", Fundamentals, partly done, 20 of 50 minutes"));
  g_free (text);
  text = sp_calendar_format_block_meta (schedule, block);
  g_assert_cmpstr (text, ==, "Fundamentals · Learn · Partly done (20 min)");
  g_free (text);
  text = sp_calendar_format_time_range (block);
  g_assert_cmpstr (text, ==, "19:00–19:50");
  g_free (text);

  sp_schedule_get_day_blocks (schedule, sp_test_date ("2025-03-03"), &first);
  text = sp_calendar_describe_block (schedule, sp_schedule_get_block (schedule, first));
  g_assert_true (g_str_has_suffix (text, ", planned, first block of Fundamentals"));
  g_free (text);

  text = sp_calendar_get_block_task (block);
  g_assert_cmpstr (text, ==, sp_text_get (block->topic->task_read));
  g_free (text);
  {
    SpBlock review = *block;

    review.kind = SP_BLOCK_KIND_REVIEW;
    text = sp_calendar_get_block_task (&review);
    g_assert_true (strstr (text, sp_topic_get_title (block->topic)) != NULL);
    g_free (text);
  }

  text = sp_calendar_describe_day (schedule, NULL, sp_test_date ("2025-03-03"));
  g_assert_cmpstr (text, ==, "Monday 3 March, today, 1 study block, 50 min planned, 0 min done, Fundamentals starts");
  g_free (text);
  text = sp_calendar_describe_day (schedule, NULL, tuesday);
  g_assert_cmpstr (text, ==, "Tuesday 4 March, 1 study block, 50 min planned, 20 min done");
  g_free (text);
  /* A selected day's name: the day, then each block with its times */
  text = sp_calendar_describe_day_blocks (schedule, NULL, tuesday);
  g_free (expected);
  expected = g_strdup_printf ("Tuesday 4 March, 1 study block, 50 min planned, 20 min done: "
                              "19:00–19:50, %s, learning, partly done, 20 of 50 minutes",
                              sp_topic_get_title (block->topic));
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
  {
    SpBlock review = *block;

    review.kind = SP_BLOCK_KIND_PRACTICE;
    review.status = SP_BLOCK_STATUS_DONE;
    text = sp_calendar_describe_block_brief (&review);
    g_free (expected);
    expected = g_strdup_printf ("19:00–19:50, %s, practice, done", sp_topic_get_title (block->topic));
    g_assert_cmpstr (text, ==, expected);
    g_free (text);
  }

  sp_availability_add_days_off (availability, sp_test_date ("2025-03-05"), sp_test_date ("2025-03-05"));
  sp_planner_set_availability (planner, availability);
  text = sp_calendar_describe_day (sp_planner_get_schedule (planner), sp_planner_get_availability (planner),
                                   sp_test_date ("2025-03-05"));
  g_assert_cmpstr (text, ==, "Wednesday 5 March, day off, nothing planned");
}

/* Each state and kind has a sign or a pattern of its own, and a skipped
 * block keeps its whole text colour in high contrast */
static void
test_block_look (void)
{
  SpBlock     block = { .kind = SP_BLOCK_KIND_LEARN, .status = SP_BLOCK_STATUS_PLANNED, .minutes = 50 };
  SpBlockLook learn, review, skipped, skipped_hc;

  sp_block_look_init (&learn, &block, FALSE);
  g_assert_false (learn.hatched);
  g_assert_null (learn.kind_sign);
  g_assert_null (learn.status_sign);
  g_assert_false (learn.struck);

  block.kind = SP_BLOCK_KIND_REVIEW;
  sp_block_look_init (&review, &block, FALSE);
  g_assert_true (review.hatched);
  g_assert_cmpstr (review.kind_sign, ==, "↻");
  g_assert_cmpfloat (review.tint, ==, learn.tint);

  block.kind = SP_BLOCK_KIND_LEARN;
  block.status = SP_BLOCK_STATUS_SKIPPED;
  sp_block_look_init (&skipped, &block, FALSE);
  sp_block_look_init (&skipped_hc, &block, TRUE);
  g_assert_true (skipped.struck);
  g_assert_true (skipped_hc.struck);
  g_assert_cmpstr (skipped.status_sign, ==, "✗");
  g_assert_cmpfloat (skipped.text_alpha, <, 1);
  g_assert_cmpfloat (skipped_hc.text_alpha, ==, 1);
  g_assert_cmpfloat (skipped_hc.tint, >, skipped.tint);

  for (SpBlockStatus status = SP_BLOCK_STATUS_PLANNED; status <= SP_BLOCK_STATUS_SKIPPED; status++)
    {
      SpBlockLook look;

      block.status = status;
      sp_block_look_init (&look, &block, TRUE);
      g_assert_cmpfloat (look.text_alpha, ==, 1);
      g_assert_cmpfloat (look.tint, <=, 0.6);
      g_assert_true ((status == SP_BLOCK_STATUS_PLANNED) == (look.status_sign == NULL));
    }
}

static void
test_course (void)
{
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;

  text = sp_calendar_describe_course ("{\"id\": \"ml\", \"title\": \"Machine Learning\", "
                                      "\"provider\": \"Coursera\", \"url\": \"https://example.org/ml\"}", &url);
  g_assert_cmpstr (text, ==, "Machine Learning — Coursera");
  g_assert_cmpstr (url, ==, "https://example.org/ml");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&url, g_free);

  /* Only web addresses are offered to open */
  text = sp_calendar_describe_course ("{\"id\": \"x\", \"title\": \"<b>X</b>\", \"url\": \"file:///etc/passwd\"}", &url);
  g_assert_cmpstr (text, ==, "<b>X</b>");
  g_assert_null (url);
  g_clear_pointer (&text, g_free);

  /* A bare id stays as it is */
  text = sp_calendar_describe_course ("coursera:machine-learning", &url);
  g_assert_cmpstr (text, ==, "coursera:machine-learning");
  g_assert_null (url);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar-layout/arithmetic", test_arithmetic);
  g_test_add_func ("/calendar-layout/month", test_month);
  g_test_add_func ("/calendar-layout/month-marks", test_month_marks);
  g_test_add_func ("/calendar-layout/week-lanes", test_week_lanes);
  g_test_add_func ("/calendar-layout/week-hours", test_week_hours);
  g_test_add_func ("/calendar-layout/streak", test_streak);
  g_test_add_func ("/calendar-layout/next-block", test_next_block);
  g_test_add_func ("/calendar-layout/words", test_words);
  g_test_add_func ("/calendar-layout/block-look", test_block_look);
  g_test_add_func ("/calendar-layout/course", test_course);

  return g_test_run ();
}
