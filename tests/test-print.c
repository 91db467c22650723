/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <locale.h>
#include <string.h>

#include "sp-calendar-grid.h"
#include "sp-export.h"
#include "sp-print-layout.h"
#include "sp-print-operation.h"
#include "sp-print-preview.h"
#include "sp-test-core.h"
#include "sp-test-files.h"
#include "sp-test-pdf.h"
#include "sp-test-ui.h"
#include "sp-window-print.h"
#include "sp-window.h"

/* The app's print path for real: the window's print operation run with
 * GTK_PRINT_OPERATION_ACTION_EXPORT, which renders through GTK's own
 * print machinery into a PDF, then read back with pdfinfo and pdftotext;
 * the menu and the shortcut; Export as PDF and iCalendar with their toasts
 * and their error dialogs. */

static char *tmp_dir;
static SpApplication *shared_app;

/* One application for every test: starting the window is the slow part,
 * under the sanitizers most of all */
static SpApplication *
get_app (void)
{
  if (shared_app == NULL)
    shared_app = sp_test_ui_start_app ();
  return shared_app;
}

static SpPlanner *
setup_planner (SpApplication *app)
{
  SpPlanner *planner = sp_application_get_planner (app);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  g_autoptr(SpAvailability) availability = sp_availability_copy (sp_planner_get_availability (planner));

  sp_planner_set_timezone (planner, tz);
  sp_planner_set_today (planner, sp_test_date ("2025-03-12"));
  availability->start_day = sp_test_date ("2025-03-03");
  sp_planner_set_availability (planner, availability);
  g_assert_cmpuint (sp_schedule_get_n_blocks (sp_planner_get_schedule (planner)), >, 100);
  /* The calendar shows "today" */
  sp_window_set_selected_day (SP_WINDOW (sp_test_ui_get_window (app)), sp_test_date ("2025-03-12"));
  return planner;
}

/* Runs the window's own print operation into a PDF, as Print to File does */
static char *
print_to_pdf (SpWindow         *window,
              SpPrintOperation *operation,
              const char       *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static void
test_print_week (void)
{
  SpApplication *app = get_app ();
  SpWindow *window = SP_WINDOW (sp_test_ui_get_window (app));
  SpPlanner *planner = setup_planner (app);
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  g_autoptr(SpPrintOperation) operation = sp_window_create_print_operation (window, SP_PRINT_RANGE_WEEK);
  g_autofree char *path = print_to_pdf (window, operation, "week.pdf");
  g_autofree char *text = sp_test_pdf_text (path);
  g_autofree char *page = g_strdup_printf (_("Page %u of %u"), 1, 1);
  guint first_weekday = sp_calendar_get_locale_first_weekday ();
  guint32          monday = sp_test_date ("2025-03-12") - (sp_day_get_weekday (sp_test_date ("2025-03-12")) + 7 - first_weekday) % 7;
  g_autofree char *range = NULL;
  double w, h;

  /* One landscape page, whatever the locale's paper */
  g_assert_cmpuint (sp_test_pdf_info (path, &w, &h), ==, 1);
  g_assert_cmpfloat (w, >, h);

  sp_test_assert_text_has (text, sp_plan_get_title (sp_schedule_get_plan (schedule)));
  sp_test_assert_text_has (text, page);
  sp_test_assert_text_has (text, _("Goals This Week"));
  /* The week as the calendar has it: from Monday in Romanian, from Sunday in the C locale */
  g_assert_cmpuint (first_weekday, ==, g_str_has_prefix (setlocale (LC_TIME, NULL), "ro_RO") ? 0 : 6);
  range = g_strdup_printf ("%u – %u %s 2025", monday - sp_test_date ("2025-03-01") + 1, monday - sp_test_date ("2025-03-01") + 7,
                           g_str_has_prefix (setlocale (LC_TIME, NULL), "ro_RO") ? "martie" : "March");
  sp_test_assert_text_has (text, range);
  for (guint32 day = monday; day < monday + 7; day++)
    {
      guint first, n = sp_schedule_get_day_blocks (schedule, day, &first);

      for (guint i = first; i < first + n; i++)
        sp_test_assert_text_has (text, sp_topic_get_title (sp_schedule_get_block (schedule, i)->topic));
    }

  g_unlink (path);
}

/* The month the calendar shows is the one printed */
static void
test_print_shown_month (void)
{
  SpApplication *app = get_app ();
  SpWindow *window = SP_WINDOW (sp_test_ui_get_window (app));
  g_autoptr(SpPrintOperation) operation = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  double w, h;

  setup_planner (app);
  sp_window_set_selected_day (window, sp_test_date ("2025-05-20"));
  operation = sp_window_create_print_operation (window, SP_PRINT_RANGE_MONTH);
  path = print_to_pdf (window, operation, "shown-month.pdf");
  g_assert_cmpuint (sp_test_pdf_info (path, &w, &h), ==, 1);
  text = sp_test_pdf_text (path);
  sp_test_assert_text_has (text, g_str_has_prefix (setlocale (LC_TIME, NULL), "ro_RO") ? "mai 2025" : "May 2025");

  g_unlink (path);
}

/* The whole plan paginates in GTK as in the core: same pages, numbered */
static void
test_print_plan (void)
{
  SpApplication *app = get_app ();
  SpWindow *window = SP_WINDOW (sp_test_ui_get_window (app));
  SpPlanner *planner = setup_planner (app);
  g_autoptr(SpPrintOperation) operation = sp_window_create_print_operation (window, SP_PRINT_RANGE_PLAN);
  GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
  g_autoptr(SpPrintLayout) layout = sp_print_layout_new (sp_planner_get_schedule (planner), SP_PRINT_RANGE_PLAN, 0,
                                                                 sp_calendar_get_locale_first_weekday ());
  cairo_surface_t *surface = cairo_pdf_surface_create (NULL, 100, 100);
  cairo_t *cr = cairo_create (surface);
  guint expected = sp_print_layout_paginate (layout, cr, gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS),
                                             gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS));
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  double w, h;
  guint n_pages;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_PORTRAIT);

  path = print_to_pdf (window, operation, "plan.pdf");
  n_pages = sp_test_pdf_info (path, &w, &h);
  g_assert_cmpuint (n_pages, ==, expected);
  g_assert_cmpuint (n_pages, >, 10);
  g_assert_cmpfloat (w, <, h);

  text = sp_test_pdf_text (path);
  last = g_strdup_printf (_("Page %u of %u"), n_pages, n_pages);
  sp_test_assert_text_has (text, last);
  for (guint l = 0; l < sp_plan_get_n_levels (sp_planner_get_plan (planner)); l++)
    {
      g_autofree char *heading = g_strdup_printf (_("Level %u · %s"), l + 1,
                                                  sp_text_get (sp_plan_get_level (sp_planner_get_plan (planner), l)->title));
      sp_test_assert_text_has (text, heading);
    }

  g_unlink (path);
}

/* The user's page setup wins: US Letter, portrait, even for the week */
static void
test_print_page_setup (void)
{
  SpApplication *app = get_app ();
  SpWindow *window = SP_WINDOW (sp_test_ui_get_window (app));
  SpPlanner *planner = setup_planner (app);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr(SpPrintOperation) operation = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  double w, h;

  gtk_page_setup_set_paper_size_and_default_margins (setup, letter);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  operation = sp_print_operation_new (sp_planner_get_schedule (planner), SP_PRINT_RANGE_MONTH,
                                      sp_planner_get_today (planner), 0, setup);
  path = print_to_pdf (window, operation, "month-letter.pdf");
  g_assert_cmpuint (sp_test_pdf_info (path, &w, &h), ==, 1);
  g_assert_cmpfloat_with_epsilon (w, 612, 1);
  g_assert_cmpfloat_with_epsilon (h, 792, 1);
  text = sp_test_pdf_text (path);
  sp_test_assert_text_has (text, g_str_has_prefix (setlocale (LC_TIME, NULL), "ro_RO") ? "martie 2025" : "March 2025");

  g_unlink (path);
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static SpPrintPreview *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (SP_IS_PRINT_PREVIEW (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return SP_PRINT_PREVIEW (toplevel);
    }
  return NULL;
}

static void
count_cb (SpPrintPreview *preview,
          guint          *count)
{
  (*count)++;
}

/* The share of the sheet's pixels that are not white: the ink on the page */
static double
ink_share (GtkWidget *area)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (area);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int                width = gtk_widget_get_width (area), height = gtk_widget_get_height (area);
  guint              ink = 0, total = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (area)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  /* The middle half of the area lies on the sheet at any window size */
  for (int y = height / 4; y < height * 3 / 4; y++)
    for (int x = width / 4; x < width * 3 / 4; x++)
      {
        const guchar *p = pixels + ((gsize) y * width + x) * 4;

        total++;
        if (p[0] < 200 || p[1] < 200 || p[2] < 200)
          ink++;
      }
  return total > 0 ? (double) ink / total : 0;
}

/* Print… first shows what will be printed, drawn by the paper's own code:
 * the range and the paper in front, pages to leaf through, the same page
 * count as the PDF of the same range and paper; its Print… hands the
 * range and the paper on */
static void
test_print_preview (void)
{
  SpApplication  *app = get_app ();
  SpWindow       *window = SP_WINDOW (sp_test_ui_get_window (app));
  SpPlanner      *planner = setup_planner (app);
  SpPrintPreview *preview;
  GtkWidget      *plan_button, *area;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *counter = NULL;
  SpExportOptions  options;
  double           w, h, week_ink;
  guint            printed = 0;

  g_settings_set_string (sp_application_get_settings (app), "print-range", "week");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  preview = find_preview ();
  g_assert_nonnull (preview);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preview)) == GTK_WINDOW (window));
  sp_test_ui_wait_for_mapped (GTK_WIDGET (preview));
  g_assert_cmpint (sp_print_preview_get_range (preview), ==, SP_PRINT_RANGE_WEEK);
  g_assert_cmpuint (sp_print_preview_get_n_pages (preview), ==, 1);
  /* TRANSLATORS: as in the preview */
  counter = g_strdup_printf (_("%u of %u"), 1, 1);
  g_assert_true (sp_test_ui_has_text (GTK_WIDGET (preview), counter));
  area = sp_test_ui_find_by_type (GTK_WIDGET (preview), GTK_TYPE_DRAWING_AREA);
  g_assert_nonnull (area);
  sp_test_ui_wait (200);
  week_ink = ink_share (area);
  g_assert_cmpfloat (week_ink, >, 0.01);

  /* The whole plan, chosen with the button as a user would */
  plan_button = sp_test_ui_find_button (GTK_WIDGET (preview), _("Whole _Plan"));
  g_assert_nonnull (plan_button);
  gtk_widget_activate (plan_button);
  /* A button activated from the keyboard clicks when its press is shown */
  for (guint tries = 0; tries < 50 && sp_print_preview_get_range (preview) != SP_PRINT_RANGE_PLAN; tries++)
    sp_test_ui_wait (50);
  g_assert_cmpint (sp_print_preview_get_range (preview), ==, SP_PRINT_RANGE_PLAN);
  sp_print_preview_set_paper (preview, SP_PAPER_A4);
  sp_export_options_init (&options, planner);
  options.range = SP_PRINT_RANGE_PLAN;
  options.from_day = 0;
  options.paper = SP_PAPER_A4;
  pdf = sp_export_pdf (sp_planner_get_schedule (planner), &options, NULL);
  g_assert_nonnull (pdf);
  path = g_build_filename (tmp_dir, "preview.pdf", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  g_assert_cmpuint (sp_print_preview_get_n_pages (preview), ==, sp_test_pdf_info (path, &w, &h));
  g_assert_cmpuint (sp_print_preview_get_n_pages (preview), >, 10);

  /* Leafing through, from the keyboard's actions */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous-page", NULL);
  g_assert_cmpuint (sp_print_preview_get_page (preview), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL));
  g_assert_cmpuint (sp_print_preview_get_page (preview), ==, 1);
  sp_test_ui_wait (200);
  g_assert_cmpfloat (ink_share (area), >, 0.01);

  /* US Letter: the page setup handed on says so, portrait for the plan */
  sp_print_preview_set_paper (preview, SP_PAPER_LETTER);
  setup = sp_print_preview_dup_page_setup (preview);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_LETTER);
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_PORTRAIT);

  /* Print… hands the range on and closes the preview; the system dialog is
   * not run here (no printer), only what it is given */
  g_signal_handlers_disconnect_matched (preview, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, window);
  g_signal_connect (preview, "print", G_CALLBACK (count_cb), &printed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.print", NULL));
  g_assert_cmpuint (printed, ==, 1);
  sp_test_ui_wait (100);
  g_assert_null (find_preview ());
  g_unlink (path);
}

/* Ctrl+P, and the four commands in the primary menu */
static void
test_print_actions (void)
{
  SpApplication *app = get_app ();
  GtkWindow *window = sp_test_ui_get_window (app);
  GtkMenuButton *button = sp_test_ui_find_primary_menu_button (GTK_WIDGET (window));
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print");
  const char *actions[] = { "win.print", "win.page-setup", "win.export-pdf", "win.export-ics" };
  GMenuModel *menu;

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>p");
  g_assert_nonnull (button);
  /* the menu is given to the button when first opened */
  gtk_menu_button_popup (button);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  gtk_menu_button_popdown (button);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      gboolean installed = FALSE;
      GType owner;
      const char *name;
      const GVariantType *parameter_type;
      const char *property;

      g_assert_true (menu_has_action (menu, actions[i]));
      for (guint a = 0;
           gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), a, &owner, &name, &parameter_type, &property);
           a++)
        installed |= g_str_equal (name, actions[i]);
      g_assert_true (installed);
    }

}

static AdwMessageDialog *
wait_for_message_dialog (void)
{
  gint64 deadline = g_get_monotonic_time () + 240 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            return ADW_MESSAGE_DIALOG (toplevel);
        }
      g_main_context_iteration (NULL, FALSE);
    }
  g_error ("no error dialog appeared");
}

static void
wait_for_text (GtkWidget  *root,
               const char *text)
{
  /* Generous: a PDF in a worker thread, under the sanitizers on a busy machine */
  gint64 deadline = g_get_monotonic_time () + 240 * G_USEC_PER_SEC;

  while (!sp_test_ui_has_text (root, text) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (sp_test_ui_has_text (root, text));
}

/* Export as PDF and iCalendar from the window: a toast when done */
static void
test_export_from_window (void)
{
  SpApplication *app = get_app ();
  SpWindow *window = SP_WINDOW (sp_test_ui_get_window (app));
  SpPlanner *planner = setup_planner (app);
  g_autofree char *pdf = g_build_filename (tmp_dir, "Schedule.pdf", NULL);
  g_autofree char *ics = g_build_filename (tmp_dir, "Schedule.ics", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) ics_file = g_file_new_for_path (ics);
  g_autofree char *pdf_toast = g_strdup_printf (_("Saved “%s”"), "Schedule.pdf");
  g_autofree char *ics_toast = g_strdup_printf (_("Saved “%s”"), "Schedule.ics");
  g_autofree char *contents = NULL;
  icalcomponent *calendar;
  double w, h;

  /* The month: the whole plan is printed in /print/plan already */
  sp_window_export_pdf (window, pdf_file, SP_PRINT_RANGE_MONTH, SP_PAPER_LETTER);
  wait_for_text (GTK_WIDGET (window), pdf_toast);
  g_assert_cmpuint (sp_test_pdf_info (pdf, &w, &h), ==, 1);
  g_assert_cmpfloat_with_epsilon (w, 792, 0.1);
  g_assert_cmpfloat_with_epsilon (h, 612, 0.1);

  sp_window_export_ics (window, ics_file);
  wait_for_text (GTK_WIDGET (window), ics_toast);
  g_assert_true (g_file_get_contents (ics, &contents, NULL, NULL));
  calendar = icalparser_parse_string (contents);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==,
                   (int) sp_schedule_get_n_blocks (sp_planner_get_schedule (planner)));
  icalcomponent_free (calendar);

  g_unlink (pdf);
  g_unlink (ics);
}

/* A folder that is not there, a folder in the way: a dialog that says so,
 * and no file */
static void
test_export_errors (void)
{
  SpApplication *app = get_app ();
  SpWindow *window = SP_WINDOW (sp_test_ui_get_window (app));
  g_autofree char *missing = g_build_filename (tmp_dir, "gone", "Schedule.pdf", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) dir_file = g_file_new_for_path (tmp_dir);
  AdwMessageDialog *dialog;

  setup_planner (app);

  sp_window_export_pdf (window, missing_file, SP_PRINT_RANGE_WEEK, SP_PAPER_A4);
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Could not export the PDF"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));

  sp_window_export_ics (window, dir_file);
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Could not export the calendar"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), tmp_dir));
  gtk_window_destroy (GTK_WINDOW (dialog));

}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A state of our own: the planner saves what the tests change */
  tmp_dir = sp_test_make_tmp_dir ("sp-test-print-XXXXXX");
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }

  sp_test_ui_init (&argc, &argv);

  g_test_add_func ("/print/week", test_print_week);
  g_test_add_func ("/print/shown-month", test_print_shown_month);
  g_test_add_func ("/print/plan", test_print_plan);
  g_test_add_func ("/print/page-setup", test_print_page_setup);
  g_test_add_func ("/print/preview", test_print_preview);
  g_test_add_func ("/print/actions", test_print_actions);
  g_test_add_func ("/print/export-from-window", test_export_from_window);
  g_test_add_func ("/print/export-errors", test_export_errors);

  status = g_test_run ();
  if (shared_app != NULL)
    sp_test_ui_stop_app (shared_app);
  {
    g_autofree char *state = g_build_filename (tmp_dir, "data", "study-planner", "state.json", NULL);
    g_autofree char *state_dir = g_path_get_dirname (state);
    g_autofree char *data = g_path_get_dirname (state_dir);

    g_unlink (state);
    g_rmdir (state_dir);
    g_rmdir (data);
    g_rmdir (tmp_dir);
  }
  return status;
}
