/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <locale.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

#include "sp-export-record.h"
#include "sp-export.h"
#include "sp-planner.h"
#include "sp-print-layout.h"
#include "sp-test-core.h"
#include "sp-test-files.h"
#include "sp-test-pdf.h"

/* The exports as a user gets them: real PDFs read back with poppler's
 * pdfinfo and pdftotext, and calendars read back with libical and with an
 * independent reader (tests/ics-reader.py, Python's standard library). The
 * schedule is the bundled path from 3 March 2025, with a few blocks done
 * and a missed week moved forward, in Europe/Bucharest. */

/* The exports as the app and the command line make them: bytes, then an
 * atomic write */
static gboolean
export_pdf (SpSchedule  *schedule,
            SpPrintRange range,
            guint32      from_day,
            guint        first_weekday,
            SpPaper      paper,
            const char  *path,
            GError     **error)
{
  SpExportOptions options = {
    .range = range, .from_day = from_day, .first_weekday = first_weekday, .paper = paper
  };

  return sp_export_to_file (sp_export_pdf, schedule, &options, path, error);
}

static gboolean
export_ics_file (SpPlanner  *planner,
                 const char *path,
                 GError    **error)
{
  SpExportOptions options;

  sp_export_options_init (&options, planner);
  return sp_export_to_file (sp_export_ics, sp_planner_get_schedule (planner), &options, path, error);
}

static char *
export_ics_string (SpPlanner *planner,
                   GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  SpExportOptions options;

  sp_export_options_init (&options, planner);
  bytes = sp_export_ics (sp_planner_get_schedule (planner), &options, error);
  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
is_romanian (void)
{
  return g_str_has_prefix (setlocale (LC_TIME, NULL), "ro_RO");
}

/* The first day of the plan, the day the week's blocks were marked, and
 * "today": the week between was missed, so its work comes forward. */
#define START_DAY "2025-03-03"
#define TODAY     "2025-03-12"

static SpPlanner *
make_planner (void)
{
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  g_autoptr(SpAvailability) availability = sp_availability_new ();
  SpPlanner *planner = sp_planner_new (plan);
  SpSchedule *schedule;
  guint first, n;

  g_assert_nonnull (tz);
  sp_planner_set_timezone (planner, tz);
  sp_planner_set_today (planner, sp_test_date (START_DAY));
  availability->start_day = sp_test_date (START_DAY);
  sp_planner_set_availability (planner, availability);

  /* The first two days done, then nothing until today */
  schedule = sp_planner_get_schedule (planner);
  for (guint32 day = sp_test_date (START_DAY); day < sp_test_date (START_DAY) + 2; day++)
    {
      n = sp_schedule_get_day_blocks (schedule, day, &first);
      g_assert_cmpuint (n, >, 0);
      for (guint i = first; i < first + n; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *id = g_strdup (sp_schedule_get_block (schedule, i)->id);

          g_assert_true (sp_planner_mark_block (planner, id, SP_BLOCK_STATUS_DONE, 0, &error));
          g_assert_no_error (error);
          schedule = sp_planner_get_schedule (planner);
        }
    }
  sp_planner_set_today (planner, sp_test_date (TODAY));
  return planner;
}

/* Tools ---------------------------------------------------------------- */

/* Every page's size, in points */
static void
assert_page_size (const char *path,
                  double      width,
                  double      height)
{
  g_autofree char *info = sp_test_run_tool ("pdfinfo", "-f", "1", "-l", "9999", path, NULL);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  guint seen = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *size = strstr (lines[i], " size:");
      char *end;
      double w, h;

      if (!g_str_has_prefix (lines[i], "Page") || size == NULL || strstr (lines[i], "rot") != NULL)
        continue;
      w = g_ascii_strtod (size + strlen (" size:"), &end);
      g_assert_true (g_str_has_prefix (end, " x "));
      h = g_ascii_strtod (end + 3, NULL);
      g_assert_cmpfloat_with_epsilon (w, width, 0.01);
      g_assert_cmpfloat_with_epsilon (h, height, 0.01);
      seen++;
    }
  g_assert_cmpuint (seen, ==, sp_test_pdf_info (path, NULL, NULL));
}

/* The text of each page, in the order it was drawn */
static GPtrArray *
pdf_page_texts (const char *path)
{
  g_autofree char *text = sp_test_run_tool ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; pages[i] != NULL; i++)
    if (pages[i + 1] != NULL || pages[i][0] != '\0')
      g_ptr_array_add (result, sp_test_normalize_space (pages[i]));
  return result;
}

static char *
format_day (guint32     day,
            const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  dt = g_date_time_new_utc (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 12, 0, 0);
  return g_date_time_format (dt, format);
}

/* A folder of this run's own: the English and Romanian runs go in parallel */
static const char *
test_dir (void)
{
  static char *dir;

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("sp-test-export-XXXXXX", NULL);
      g_assert_nonnull (dir);
    }
  return dir;
}

static char *
export_to_file (SpSchedule   *schedule,
                SpPrintRange  range,
                guint32       from,
                SpPaper       paper,
                const char   *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (test_dir (), name, NULL);

  g_assert_true (export_pdf (schedule, range, from, 0, paper, path, &error));
  g_assert_no_error (error);
  return path;
}

static const char *march_name (void)
{
  return is_romanian () ? "martie" : "March";
}

/* PDF ------------------------------------------------------------------ */

static void
test_pdf_week (void)
{
  g_autoptr(SpPlanner) planner = make_planner ();
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  g_autofree char *path = NULL;
  g_autofree char *letter = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *page_number = g_strdup_printf (_("Page %u of %u"), 1, 1);
  guint32          monday = sp_test_date ("2025-03-10");
  const char *text;
  guint n_moved = 0, n_blocks = 0;
  double w, h;

  path = export_to_file (schedule, SP_PRINT_RANGE_WEEK, sp_test_date (TODAY), SP_PAPER_A4, "sp-test-week.pdf");
  g_assert_cmpuint (sp_test_pdf_info (path, NULL, NULL), ==, 1);
  sp_paper_get_size (SP_PAPER_A4, TRUE, &w, &h);
  assert_page_size (path, w, h);
  g_assert_cmpfloat_with_epsilon (w, 841.89, 0.01);

  pages = pdf_page_texts (path);
  g_assert_cmpuint (pages->len, ==, 1);
  text = g_ptr_array_index (pages, 0);

  /* The plan, the week's dates in the user's language, every weekday */
  sp_test_assert_text_has (text, sp_plan_get_title (sp_schedule_get_plan (schedule)));
  {
    g_autofree char *range = g_strdup_printf ("10 – 16 %s 2025", march_name ());
    sp_test_assert_text_has (text, range);
  }
  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *weekday = format_day (monday + d, "%A");
      sp_test_assert_text_has (text, weekday);
    }
  if (is_romanian ())
    {
      sp_test_assert_text_has (text, "miercuri");
      sp_test_assert_text_has (text, "duminică");
    }

  /* Every block's topic, and the moved ones marked */
  for (guint32 day = monday; day < monday + 7; day++)
    {
      guint first, n = sp_schedule_get_day_blocks (schedule, day, &first);

      for (guint i = first; i < first + n; i++)
        {
          const SpBlock *block = sp_schedule_get_block (schedule, i);

          sp_test_assert_text_has (text, sp_topic_get_title (block->topic));
          n_moved += block->moved;
          n_blocks++;
        }
    }
  g_assert_cmpuint (n_blocks, >=, 7);
  g_assert_cmpuint (n_moved, >, 0);
  /* Each moved block carries the mark; the legend once more */
  {
    guint marks = 0;

    for (const char *p = text; (p = strstr (p, "↪")) != NULL; p++)
      marks++;
    g_assert_cmpuint (marks, ==, n_moved + 1);
  }

  /* The week's planned hours: 9 h 10 min at the default availability */
  {
    g_autofree char *hours = g_strdup_printf (_("%u h %u min"), 9, 10);
    g_autofree char *planned = g_strdup_printf (_("Planned: %s"), hours);

    g_assert_cmpfloat_with_epsilon (sp_schedule_get_planned_hours (schedule, monday, monday + 6), 9 + 10 / 60.0, 1e-9);
    sp_test_assert_text_has (text, planned);
  }
  sp_test_assert_text_has (text, _("Goals This Week"));
  sp_test_assert_text_has (text, page_number);

  /* US Letter, landscape */
  letter = export_to_file (schedule, SP_PRINT_RANGE_WEEK, sp_test_date (TODAY), SP_PAPER_LETTER, "sp-test-week-letter.pdf");
  g_assert_cmpuint (sp_test_pdf_info (letter, NULL, NULL), ==, 1);
  assert_page_size (letter, 792, 612);

  g_unlink (path);
  g_unlink (letter);
}

/* Weeks as the calendar shows them where they start on Sunday */
static void
test_pdf_week_sunday (void)
{
  g_autoptr(SpPlanner) planner = make_planner ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir (), "sp-test-week-sunday.pdf", NULL);
  g_autofree char *range = g_strdup_printf ("9 – 15 %s 2025", march_name ());
  g_autofree char *sunday = format_day (sp_test_date ("2025-03-09"), "%A");
  g_autofree char *monday = format_day (sp_test_date ("2025-03-10"), "%A");
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(SpPrintLayout) layout = sp_print_layout_new (sp_planner_get_schedule (planner), SP_PRINT_RANGE_WEEK,
                                                          sp_test_date (TODAY), 6);
  const char *text;

  g_assert_cmpuint (sp_print_layout_get_first_day (layout), ==, sp_test_date ("2025-03-09"));
  g_assert_cmpuint (sp_print_layout_get_last_day (layout), ==, sp_test_date ("2025-03-15"));

  g_assert_true (export_pdf (sp_planner_get_schedule (planner), SP_PRINT_RANGE_WEEK, sp_test_date (TODAY), 6,
                             SP_PAPER_LETTER, path, &error));
  g_assert_no_error (error);
  pages = pdf_page_texts (path);
  text = g_ptr_array_index (pages, 0);
  sp_test_assert_text_has (text, range);
  /* Sunday's column comes first */
  g_assert_nonnull (strstr (text, sunday));
  g_assert_true (strstr (text, sunday) < strstr (text, monday));
  g_unlink (path);
}

static void
test_pdf_month (void)
{
  g_autoptr(SpPlanner) planner = make_planner ();
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GHashTable) topics = g_hash_table_new (NULL, NULL);
  const char *text;
  GHashTableIter iter;
  gpointer topic;

  path = export_to_file (schedule, SP_PRINT_RANGE_MONTH, sp_test_date (TODAY), SP_PAPER_A4, "sp-test-month.pdf");
  g_assert_cmpuint (sp_test_pdf_info (path, NULL, NULL), ==, 1);
  assert_page_size (path, 841.89, 595.276);

  pages = pdf_page_texts (path);
  text = g_ptr_array_index (pages, 0);
  title = g_strdup_printf ("%s 2025", march_name ());
  sp_test_assert_text_has (text, title);

  for (guint32 day = sp_test_date ("2025-03-01"); day <= sp_test_date ("2025-03-31"); day++)
    {
      guint first, n = sp_schedule_get_day_blocks (schedule, day, &first);

      for (guint i = first; i < first + n; i++)
        g_hash_table_add (topics, (gpointer) sp_schedule_get_block (schedule, i)->topic);
    }
  g_assert_cmpuint (g_hash_table_size (topics), >, 0);
  g_hash_table_iter_init (&iter, topics);
  while (g_hash_table_iter_next (&iter, &topic, NULL))
    sp_test_assert_text_has (text, sp_topic_get_title (topic));

  g_unlink (path);
}

static void
test_pdf_plan (void)
{
  g_autoptr(SpPlanner) planner = make_planner ();
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  SpPlan *plan = sp_schedule_get_plan (schedule);
  g_autofree char *path = NULL;
  g_autofree char *first_date = NULL;
  g_autofree char *last_date = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  guint n_pages, n_weeks;
  guint32 first_monday, last_day;

  path = export_to_file (schedule, SP_PRINT_RANGE_PLAN, 0, SP_PAPER_A4, "sp-test-plan.pdf");
  n_pages = sp_test_pdf_info (path, NULL, NULL);
  g_assert_cmpuint (n_pages, >, 10);
  assert_page_size (path, 595.276, 841.89);

  pages = pdf_page_texts (path);
  g_assert_cmpuint (pages->len, ==, n_pages);

  /* Each page has the plan's name, its date range and its number */
  first_date = format_day (sp_schedule_get_first_day (schedule), C_("print date", "%-d %B %Y"));
  last_date = format_day (sp_schedule_get_last_day (schedule), C_("print date", "%-d %B %Y"));
  for (guint i = 0; i < n_pages; i++)
    {
      const char *text = g_ptr_array_index (pages, i);
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);

      sp_test_assert_text_has (text, sp_plan_get_title (plan));
      sp_test_assert_text_has (text, number);
      sp_test_assert_text_has (text, last_date);
      g_string_append_printf (joined, "%s ", text);
    }
  g_assert_nonnull (strstr (first_date, is_romanian () ? "martie 2025" : "March 2025"));
  sp_test_assert_text_has (joined->str, first_date);

  /* Levels as section headings with their dates */
  for (guint l = 0; l < sp_schedule_get_n_levels (schedule); l++)
    {
      const SpLevelReport *report = sp_schedule_get_level_report (schedule, l);
      g_autofree char *heading = g_strdup_printf (_("Level %u · %s"), l + 1,
                                                  sp_text_get (sp_plan_get_level (plan, l)->title));
      g_autofree char *dates = NULL;
      g_autofree char *end = format_day (MAX (report->end_day, report->start_day), C_("print date", "%-d %B %Y"));

      g_assert_cmpuint (report->start_day, !=, 0);
      sp_test_assert_text_has (joined->str, heading);
      /* The level's dates under its heading */
      dates = g_strdup_printf ("%s · ", end);
      sp_test_assert_text_has (joined->str, dates);
    }

  /* Every week, and every topic of the schedule */
  first_monday = sp_schedule_get_first_day (schedule) - sp_day_get_weekday (sp_schedule_get_first_day (schedule));
  last_day = sp_schedule_get_last_day (schedule);
  n_weeks = (last_day - first_monday) / 7 + 1;
  for (guint w = 1; w <= n_weeks; w += 1)
    {
      g_autofree char *week = g_strdup_printf (_("Week %u · %s"), w, "");
      sp_test_assert_text_has (joined->str, week);
    }
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    sp_test_assert_text_has (joined->str, sp_topic_get_title (sp_schedule_get_block (schedule, i)->topic));

  g_unlink (path);
}

/* A week's heading never ends a page: the week's rows follow it */
static void
test_pdf_plan_letter (void)
{
  g_autoptr(SpPlanner) planner = make_planner ();
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *a4 = NULL;
  guint n_letter;

  path = export_to_file (schedule, SP_PRINT_RANGE_PLAN, 0, SP_PAPER_LETTER, "sp-test-plan-letter.pdf");
  a4 = export_to_file (schedule, SP_PRINT_RANGE_PLAN, 0, SP_PAPER_A4, "sp-test-plan-a4.pdf");
  assert_page_size (path, 612, 792);
  n_letter = sp_test_pdf_info (path, NULL, NULL);
  /* Letter is shorter than A4: as many pages or more */
  g_assert_cmpuint (n_letter, >=, sp_test_pdf_info (a4, NULL, NULL));

  pages = pdf_page_texts (path);
  for (guint i = 0; i < pages->len; i++)
    {
      const char *text = g_ptr_array_index (pages, i);
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), i + 1, n_letter);
      const char *page_pos = strstr (text, number);
      const char *last_week = NULL;

      g_assert_nonnull (page_pos);
      for (const char *p = text; (p = strstr (p, _("Week"))) != NULL; p++)
        last_week = p;
      /* Something comes after the last week heading before the footer */
      if (last_week != NULL && last_week < page_pos)
        g_assert_cmpint (page_pos - last_week, >, 60);
    }
  g_unlink (path);
  g_unlink (a4);
}

/* The layout honours any printable area: portrait weeks, tiny margins */
static void
test_layout_sizes (void)
{
  g_autoptr(SpPlanner) planner = make_planner ();
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  static const struct { double w, h; } areas[] = {
    { 523, 770 }, { 770, 523 }, { 540, 720 }, { 300, 400 }, { 1100, 800 },
  };

  for (guint r = SP_PRINT_RANGE_WEEK; r <= SP_PRINT_RANGE_PLAN; r++)
    for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
      {
        g_autoptr(SpPrintLayout) layout = sp_print_layout_new (schedule, r, sp_test_date (TODAY), 0);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) areas[a].w + 40,
                                                               (int) areas[a].h + 40);
        cairo_t *cr = cairo_create (surface);
        guint n = sp_print_layout_paginate (layout, cr, areas[a].w, areas[a].h);
        guchar *data;
        int stride;
        gboolean outside = FALSE;

        g_assert_cmpuint (n, >=, 1);
        g_assert_cmpuint (n, ==, sp_print_layout_get_n_pages (layout));
        if (r != SP_PRINT_RANGE_PLAN)
          g_assert_cmpuint (n, ==, 1);

        /* Nothing drawn outside the printable area, which starts at (20, 20) */
        cairo_translate (cr, 20, 20);
        sp_print_layout_draw_page (layout, cr, n - 1);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_flush (surface);
        data = cairo_image_surface_get_data (surface);
        stride = cairo_image_surface_get_stride (surface);
        for (int y = 0; y < cairo_image_surface_get_height (surface) && !outside; y++)
          for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
            {
              gboolean inside = x >= 19 && y >= 19 && x <= areas[a].w + 21 && y <= areas[a].h + 21;
              guint32 pixel = *(guint32 *) (data + y * stride + x * 4);

              if (!inside && pixel != 0)
                {
                  outside = TRUE;
                  break;
                }
            }
        g_assert_false (outside);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

/* No hours at all: the page says why instead of being blank */
static void
test_pdf_no_hours (void)
{
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
  g_autoptr(SpPlanner) planner = sp_planner_new (plan);
  g_autoptr(SpAvailability) availability = sp_availability_new ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  SpSchedule *schedule;

  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    sp_availability_set_day (availability, d, 0, 8 * 60);
  sp_planner_set_today (planner, sp_test_date (START_DAY));
  sp_planner_set_availability (planner, availability);
  schedule = sp_planner_get_schedule (planner);
  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), ==, 0);

  path = export_to_file (schedule, SP_PRINT_RANGE_PLAN, 0, SP_PAPER_A4, "sp-test-empty.pdf");
  g_assert_cmpuint (sp_test_pdf_info (path, NULL, NULL), ==, 1);
  pages = pdf_page_texts (path);
  sp_test_assert_text_has (g_ptr_array_index (pages, 0), sp_schedule_get_summary (schedule));
  g_unlink (path);
}

/* Failing writes: nothing half-written, the old file kept ------------- */

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_pdf_refuses (void)
{
  g_autoptr(SpPlanner) planner = make_planner ();
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sp-export-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "week.pdf", NULL);

  /* A directory, a device */
  g_assert_false (export_pdf (schedule, SP_PRINT_RANGE_WEEK, 0, 0, SP_PAPER_A4, dir, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);
  g_assert_false (export_ics_file (planner, "/dev/null", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
  g_clear_error (&error);

  /* A folder that is not there */
  g_assert_false (export_pdf (schedule, SP_PRINT_RANGE_WEEK, 0, 0, SP_PAPER_A4, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_cmpuint (count_entries (dir), ==, 0);

  g_rmdir (dir);
}

static void
test_pdf_full_disk (void)
{
  g_autoptr(SpPlanner) planner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gboolean tmpfs;

  if (!g_test_subprocess ())
    {
      /* The child mounts over a folder the parent made and cleans away */
      dir = g_build_filename (test_dir (), "full", NULL);
      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      g_setenv ("SP_TEST_FULL_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_unsetenv ("SP_TEST_FULL_DIR");
      /* Without a tmpfs the file was written here */
      path = g_build_filename (dir, "plan.pdf", NULL);
      g_unlink (path);
      g_assert_cmpint (g_rmdir (dir), ==, 0);
      return;
    }

  planner = make_planner ();
  dir = g_strdup (g_getenv ("SP_TEST_FULL_DIR"));
  g_assert_nonnull (dir);
  tmpfs = sp_test_mount_small_tmpfs (dir, "128k");
  if (!tmpfs)
    {
      struct rlimit limit = { 128 * 1024, 128 * 1024 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    }
  path = g_build_filename (dir, "plan.pdf", NULL);

  /* A week fits; the whole plan does not, and the week's PDF stays whole */
  g_assert_true (export_pdf (sp_planner_get_schedule (planner), SP_PRINT_RANGE_WEEK, 0, 0, SP_PAPER_A4, path, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_false (export_pdf (sp_planner_get_schedule (planner), SP_PRINT_RANGE_PLAN, 0, 0, SP_PAPER_A4, path,
                              &error));
  g_assert_nonnull (error);
  if (tmpfs)
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("full disk (%s): %s", tmpfs ? "tmpfs" : "RLIMIT_FSIZE", error->message);

  {
    g_autofree char *after = NULL;
    gsize after_length;

    g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
    g_assert_cmpmem (after, after_length, contents, length);
    g_assert_true (g_str_has_prefix (after, "%PDF-"));
  }
  /* No temporary file left behind */
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* iCalendar ------------------------------------------------------------- */

static gint64
expected_unix (GTimeZone *tz,
               guint32    day,
               guint      minute)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  dt = g_date_time_new (tz, g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d),
                        (int) (minute / 60), (int) (minute % 60), 0);
  return g_date_time_to_unix (dt);
}

/* UID → start, end (Unix seconds) as libical reads them */
static GHashTable *
parse_with_libical (const char *ical,
                    SpPlanner  *planner)
{
  GHashTable *events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  icalcomponent *calendar = icalparser_parse_string (ical);
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  SpPlan *plan = sp_planner_get_plan (planner);
  icalcomponent *event;
  icalcomponent *vtimezone;

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  vtimezone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (vtimezone);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY)), ==,
                   "Europe/Bucharest");

  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      struct icaltimetype end = icalcomponent_get_dtend (event);
      icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      icalparameter *tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);
      const char *uid = icalcomponent_get_uid (event);
      gint64 *times = g_new (gint64, 2);
      const SpBlock *block;
      g_autofree char *expected_uid = NULL;
      g_autofree char *block_id = NULL;
      icalproperty *categories;

      g_assert_nonnull (uid);
      g_assert_true (g_str_has_suffix (uid, ".ml-career@studyplanner"));
      block_id = g_strndup (uid, strlen (uid) - strlen (".ml-career@studyplanner"));
      block = sp_schedule_lookup_block (schedule, block_id);
      g_assert_nonnull (block);
      expected_uid = sp_export_ics_uid (plan, block);
      g_assert_cmpstr (uid, ==, expected_uid);

      g_assert_nonnull (tzid);
      g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, "Europe/Bucharest");
      g_assert_nonnull (start.zone);
      times[0] = icaltime_as_timet_with_zone (start, start.zone);
      times[1] = icaltime_as_timet_with_zone (end, end.zone);
      g_assert_false (icaltime_is_null_time (icalcomponent_get_dtstamp (event)));

      g_assert_nonnull (strstr (icalcomponent_get_summary (event), sp_topic_get_title (block->topic)));
      g_assert_nonnull (icalcomponent_get_description (event));
      categories = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
      g_assert_nonnull (categories);
      g_assert_cmpstr (icalproperty_get_categories (categories), ==,
                       sp_text_get (sp_plan_get_level (plan, block->level)->title));

      g_assert_false (g_hash_table_contains (events, uid));
      g_hash_table_insert (events, g_strdup (uid), times);
    }
  icalcomponent_free (calendar);
  return events;
}

static void
test_ics_roundtrip (void)
{
  g_autoptr(SpPlanner) planner = make_planner ();
  g_autoptr(SpPlanner) again = make_planner ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = export_ics_string (planner, &error);
  g_autofree char *second = NULL;
  g_autoptr(GHashTable) events = NULL;
  g_autoptr(GHashTable) events_again = NULL;
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  GTimeZone *tz = sp_planner_get_timezone (planner);
  guint n_summer = 0, n_winter = 0;

  g_assert_no_error (error);
  second = export_ics_string (again, &error);
  g_assert_no_error (error);

  events = parse_with_libical (first, planner);
  events_again = parse_with_libical (second, again);
  g_assert_cmpuint (g_hash_table_size (events), ==, sp_schedule_get_n_blocks (schedule));
  g_assert_cmpuint (g_hash_table_size (events_again), ==, g_hash_table_size (events));

  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);
      g_autofree char *uid = sp_export_ics_uid (sp_planner_get_plan (planner), block);
      gint64 *times = g_hash_table_lookup (events, uid);
      gint64 *times_again = g_hash_table_lookup (events_again, uid);
      gint64 start = expected_unix (tz, block->day, block->start);

      g_assert_nonnull (times);
      g_assert_nonnull (times_again);
      g_assert_cmpint (times[0], ==, start);
      g_assert_cmpint (times[1] - times[0], ==, block->minutes * 60);
      g_assert_cmpint (times_again[0], ==, times[0]);

      /* Both sides of the clock changes, so the VTIMEZONE is really used */
      if (block->day > sp_test_date ("2025-03-30") && block->day < sp_test_date ("2025-10-26"))
        n_summer++;
      else
        n_winter++;
    }
  g_assert_cmpuint (n_summer, >, 0);
  g_assert_cmpuint (n_winter, >, 0);
}

/* The same file read by tests/ics-reader.py: no libical there */
static void
test_ics_independent (void)
{
  g_autoptr(SpPlanner) planner = make_planner ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (test_dir (), "sp-test-plan.ics", NULL);
  g_autofree char *reader = g_test_build_filename (G_TEST_DIST, "ics-reader.py", NULL);
  g_autofree char *out = NULL;
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  SpPlan *plan = sp_planner_get_plan (planner);
  GTimeZone *tz = sp_planner_get_timezone (planner);
  JsonObject *root;
  JsonArray *events;
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean seen_moved = FALSE;

  g_assert_true (export_ics_file (planner, path, &error));
  g_assert_no_error (error);

  out = sp_test_run_tool ("python3", reader, path, NULL);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "calendar-name"), ==, sp_plan_get_title (plan));
  events = json_object_get_array_member (root, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, sp_schedule_get_n_blocks (schedule));

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      g_hash_table_insert (by_uid, (gpointer) json_object_get_string_member (event, "uid"), event);
    }

  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);
      g_autofree char *uid = sp_export_ics_uid (plan, block);
      JsonObject *event = g_hash_table_lookup (by_uid, uid);
      JsonArray *categories;
      const char *description;

      g_assert_nonnull (event);
      g_assert_cmpint (json_object_get_int_member (event, "start"), ==, expected_unix (tz, block->day, block->start));
      g_assert_cmpint (json_object_get_int_member (event, "end"), ==,
                       expected_unix (tz, block->day, block->start + block->minutes));
      g_assert_cmpstr (json_object_get_string_member (event, "tzid"), ==, "Europe/Bucharest");
      g_assert_nonnull (strstr (json_object_get_string_member (event, "summary"), sp_topic_get_title (block->topic)));
      g_assert_nonnull (strstr (json_object_get_string_member (event, "summary"), sp_block_kind_get_label (block->kind)));
      categories = json_object_get_array_member (event, "categories");
      g_assert_cmpuint (json_array_get_length (categories), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (categories, 0), ==,
                       sp_text_get (sp_plan_get_level (plan, block->level)->title));

      /* What to do: the topic's task for the kind of block */
      description = json_object_get_string_member (event, "description");
      if (block->kind == SP_BLOCK_KIND_LEARN && block->topic->task_read != NULL)
        g_assert_nonnull (strstr (description, sp_text_get (block->topic->task_read)));
      if (block->kind == SP_BLOCK_KIND_PRACTICE && block->topic->task_practice != NULL)
        g_assert_nonnull (strstr (description, sp_text_get (block->topic->task_practice)));
      if (block->moved)
        {
          g_assert_nonnull (strstr (description, _("Moved forward from a missed day.")));
          seen_moved = TRUE;
        }
    }
  g_assert_true (seen_moved);
  g_unlink (path);
}

/* A course attached to a topic: its title and link in the event */
static void
test_ics_course_link (void)
{
  g_autoptr(SpPlanner) planner = make_planner ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ical = NULL;
  icalcomponent *calendar;
  icalcomponent *event;
  guint with_link = 0, without_link = 0;

  sp_planner_set_topic_course (planner, "linear-algebra",
                               "{\"id\": \"mit-18.06\", \"title\": \"Linear Algebra (MIT 18.06)\", "
                               "\"url\": \"https://ocw.mit.edu/courses/18-06-linear-algebra-spring-2010/\"}");
  /* Not a web address: not a link */
  sp_planner_set_topic_course (planner, "python",
                               "{\"id\": \"py\", \"title\": \"Python\", \"url\": \"file:///etc/passwd\"}");
  ical = export_ics_string (planner, &error);
  g_assert_no_error (error);

  calendar = icalparser_parse_string (ical);
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (event);
      const char *description = icalcomponent_get_description (event);
      icalproperty *url = icalcomponent_get_first_property (event, ICAL_URL_PROPERTY);

      if (g_str_has_prefix (uid, "linear-algebra/"))
        {
          g_assert_nonnull (strstr (description, "Linear Algebra (MIT 18.06)"));
          g_assert_nonnull (strstr (description, "https://ocw.mit.edu/courses/18-06-linear-algebra-spring-2010/"));
          g_assert_nonnull (url);
          g_assert_cmpstr (icalproperty_get_url (url), ==, "https://ocw.mit.edu/courses/18-06-linear-algebra-spring-2010/");
          with_link++;
        }
      else if (g_str_has_prefix (uid, "python/"))
        {
          g_assert_null (strstr (description, "file://"));
          g_assert_null (url);
          without_link++;
        }
    }
  g_assert_cmpuint (with_link, >, 0);
  g_assert_cmpuint (without_link, >, 0);
  icalcomponent_free (calendar);
}

/* A plan whose texts hold every character TEXT escapes */
static const char punctuated_plan[] =
    "{\"format\": 1, \"id\": \"punct\", \"title\": \"Maths, stats; and a \\\\ path\","
    " \"levels\": [{\"id\": \"one\", \"title\": \"Math, Stats; Prob\", \"min_months\": 1,"
    " \"topics\": [{\"id\": \"t\", \"title\": \"Topic\", \"hours\": 5, \"tasks\": {\"read\": \"Read\"}}]}]}";

static SpPlanner *
make_punctuated_planner (guint block_minutes)
{
  g_autoptr(SpPlan) plan = sp_test_plan_from_json (punctuated_plan);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  g_autoptr(SpAvailability) availability = sp_availability_new ();
  SpPlanner *planner = sp_planner_new (plan);

  sp_planner_set_timezone (planner, tz);
  sp_planner_set_today (planner, sp_test_date (START_DAY));
  availability->start_day = sp_test_date (START_DAY);
  availability->block_minutes = block_minutes;
  sp_planner_set_availability (planner, availability);
  return planner;
}

/* Categories and the calendar's name escaped as text, control characters
 * of a note dropped, and no METHOD: libical's own restriction check passes */
static void
test_ics_text (void)
{
  g_autoptr(SpPlanner) planner = make_punctuated_planner (50);
  g_autoptr(GError) error = NULL;
  g_autofree char *ical = NULL;
  g_autofree char *first_id = g_strdup (sp_schedule_get_block (sp_planner_get_schedule (planner), 0)->id);
  icalcomponent   *calendar;
  guint            n_events = 0, n_noted = 0;

  g_assert_true (sp_planner_set_block_note (planner, first_id, "one\x01\x1b[0m\r\ntwo\x7f\tend\xc2\x85", &error));
  g_assert_no_error (error);
  ical = export_ics_string (planner, &error);
  g_assert_no_error (error);

  g_assert_null (strstr (ical, "METHOD:"));
  g_assert_nonnull (strstr (ical, "\r\nX-WR-CALNAME:Maths\\, stats\\; and a \\\\ path\r\n"));
  g_assert_nonnull (strstr (ical, "\r\nCATEGORIES:Math\\, Stats\\; Prob\r\n"));

  calendar = icalparser_parse_string (ical);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_true (icalrestriction_check (calendar));
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *description = icalcomponent_get_description (event);

      /* One category, whole */
      g_assert_cmpint (icalcomponent_count_properties (event, ICAL_CATEGORIES_PROPERTY), ==, 1);
      g_assert_cmpstr (icalproperty_get_categories (icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY)),
                       ==, "Math, Stats; Prob");
      for (const char *p = description; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_true (*p == '\n' || *p == '\t' || !g_unichar_iscntrl (g_utf8_get_char (p)));
      if (strstr (description, "one[0m\ntwo\tend") != NULL)
        n_noted++;
      n_events++;
    }
  g_assert_cmpuint (n_events, >, 0);
  g_assert_cmpuint (n_noted, ==, 1);
  icalcomponent_free (calendar);
}

/* SEQUENCE of the event @uid in @ical, with its STATUS; -1 when absent */
static int
event_sequence (const char *ical,
                const char *uid,
                gboolean   *cancelled)
{
  icalcomponent *calendar = icalparser_parse_string (ical);
  int            sequence = -1;

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_str_equal (icalcomponent_get_uid (event), uid))
      {
        sequence = icalcomponent_get_sequence (event);
        *cancelled = icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED;
      }
  g_assert_true (icalrestriction_check (calendar));
  icalcomponent_free (calendar);
  return sequence;
}

static char *
export_with_history (SpPlanner    *planner,
                     SpIcsHistory *history)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SpExportOptions options;

  sp_export_options_init (&options, planner);
  options.ics_history = history;
  bytes = sp_export_ics (sp_planner_get_schedule (planner), &options, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Blocks gone since the last export to the same file come back cancelled,
 * with a higher SEQUENCE, and the record of it is kept by real path */
static void
test_ics_cancelled (void)
{
  g_autoptr(SpPlanner) short_blocks = make_punctuated_planner (25);
  g_autoptr(SpPlanner) long_blocks = make_punctuated_planner (50);
  g_autoptr(SpIcsHistory) history = sp_ics_history_new ();
  g_autoptr(SpIcsHistory) loaded = NULL;
  g_autoptr(SpIcsHistory) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = export_with_history (short_blocks, history);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *record = g_build_filename (test_dir (), "record", "ics-exports.json", NULL);
  g_autofree char *target = g_build_filename (test_dir (), "plan.ics", NULL);
  g_autofree char *link = g_build_filename (test_dir (), "link.ics", NULL);
  g_autofree char *gone_uid = NULL;
  g_autofree char *kept_uid = NULL;
  g_autofree char *target_key = NULL;
  SpSchedule      *shorter = sp_planner_get_schedule (short_blocks);
  SpSchedule      *longer = sp_planner_get_schedule (long_blocks);
  gboolean         cancelled = FALSE;
  int              first_sequence;

  /* Twice as many 25-minute blocks: some ids are not in the 50-minute plan */
  g_assert_cmpuint (sp_schedule_get_n_blocks (shorter), >, sp_schedule_get_n_blocks (longer));
  for (guint i = 0; gone_uid == NULL && i < sp_schedule_get_n_blocks (shorter); i++)
    if (sp_schedule_lookup_block (longer, sp_schedule_get_block (shorter, i)->id) == NULL)
      gone_uid = sp_export_ics_uid (sp_planner_get_plan (short_blocks), sp_schedule_get_block (shorter, i));
  g_assert_nonnull (gone_uid);
  kept_uid = sp_export_ics_uid (sp_planner_get_plan (long_blocks), sp_schedule_get_block (longer, 0));
  g_assert_cmpuint (history->events->len, ==, sp_schedule_get_n_blocks (shorter));
  first_sequence = event_sequence (first, gone_uid, &cancelled);
  g_assert_false (cancelled);

  second = export_with_history (long_blocks, history);
  g_assert_cmpint (event_sequence (second, gone_uid, &cancelled), >, first_sequence);
  g_assert_true (cancelled);
  g_assert_cmpint (event_sequence (second, kept_uid, &cancelled), >, first_sequence);
  g_assert_false (cancelled);
  /* Kept, so a later file cancels it too */
  g_assert_cmpuint (history->events->len, ==, sp_schedule_get_n_blocks (shorter));
  third = export_with_history (long_blocks, history);
  g_assert_cmpint (event_sequence (third, gone_uid, &cancelled), >, event_sequence (second, gone_uid, &cancelled));
  g_assert_true (cancelled);

  /* Without a history, nothing is cancelled */
  g_free (third);
  third = export_ics_string (long_blocks, &error);
  g_assert_cmpint (event_sequence (third, gone_uid, &cancelled), ==, -1);

  /* The record: by the file's real path, a link to it the same file */
  g_assert_cmpint (g_file_set_contents (target, "", 0, NULL), ==, TRUE);
  g_assert_cmpint (symlink (target, link), ==, 0);
  {
    g_autofree char *key = sp_export_record_key (link);
    g_autofree char *real = sp_export_record_key (target);

    g_assert_cmpstr (key, ==, real);
    g_assert_true (sp_export_record_save (record, key, history, &error));
    g_assert_no_error (error);
  }
  target_key = sp_export_record_key (target);
  loaded = sp_export_record_load (record, target_key);
  g_assert_cmpuint (loaded->events->len, ==, history->events->len);
  g_assert_cmpint (loaded->sequence, ==, history->sequence);
  other = sp_export_record_load (record, "/no/such/file.ics");
  g_assert_cmpuint (other->events->len, ==, 0);
  g_unlink (link);
  g_unlink (target);
  g_unlink (record);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The locale of the run: English, or ro_RO in the export-ro test */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STUDY_PLANNER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/pdf/week", test_pdf_week);
  g_test_add_func ("/export/pdf/week-sunday", test_pdf_week_sunday);
  g_test_add_func ("/export/pdf/month", test_pdf_month);
  g_test_add_func ("/export/pdf/plan", test_pdf_plan);
  g_test_add_func ("/export/pdf/plan-letter", test_pdf_plan_letter);
  g_test_add_func ("/export/pdf/no-hours", test_pdf_no_hours);
  g_test_add_func ("/export/pdf/refuses", test_pdf_refuses);
  g_test_add_func ("/export/pdf/full-disk", test_pdf_full_disk);
  g_test_add_func ("/export/layout/sizes", test_layout_sizes);
  g_test_add_func ("/export/ics/roundtrip", test_ics_roundtrip);
  g_test_add_func ("/export/ics/independent", test_ics_independent);
  g_test_add_func ("/export/ics/course-link", test_ics_course_link);
  g_test_add_func ("/export/ics/text", test_ics_text);
  g_test_add_func ("/export/ics/cancelled", test_ics_cancelled);

  status = g_test_run ();
  if (!g_test_subprocess ())
    g_rmdir (test_dir ());
  return status;
}
