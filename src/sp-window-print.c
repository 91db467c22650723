/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-window-print"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-export-record.h"
#include "sp-print-preview.h"
#include "sp-window-print.h"
#include "sp-window-private.h"

/* Print (with the app's own preview and page setup), Export as PDF and Export as
 * iCalendar. All drawing is SpPrintLayout's, through SpPrintOperation or
 * the PDF export; files are written whole or not at all. The print
 * settings and the page setup last as long as the window. */

#define PRINT_SETTINGS_KEY "sp-print-settings"
#define PAGE_SETUP_KEY     "sp-page-setup"

/* The day the calendar shows, so that the week or month on screen is the
 * one printed; today before any is chosen */
static guint32
get_print_day (SpWindow *self)
{
  return self->selected_day != 0 ? self->selected_day : sp_planner_get_today (self->planner);
}

static SpPrintRange
get_saved_range (SpWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "print-range");
  SpPrintRange range = SP_PRINT_RANGE_WEEK;

  sp_print_range_from_string (name, &range);
  return range;
}

/**
 * sp_window_create_print_operation:
 *
 * Returns: (transfer full): a print operation for @range around the day
 *   the calendar shows, weeks starting as they do on screen, with the
 *   settings and page setup last used in this window
 */
SpPrintOperation *
sp_window_create_print_operation (SpWindow     *self,
                                  SpPrintRange  range)
{
  GtkPrintSettings *settings = g_object_get_data (G_OBJECT (self), PRINT_SETTINGS_KEY);
  GtkPageSetup *page_setup = g_object_get_data (G_OBJECT (self), PAGE_SETUP_KEY);
  SpPrintOperation *operation;

  operation = sp_print_operation_new (sp_planner_advise_levels (self->planner), range, get_print_day (self),
                                      sp_calendar_get_locale_first_weekday (), page_setup);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  return operation;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               SpWindow                *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      sp_window_show_error (self, _("Could not print"), error ? error->message : _("The printer reported an error."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      SpPrintRange range = sp_print_operation_get_range (SP_PRINT_OPERATION (operation));

      g_object_set_data_full (G_OBJECT (self), PRINT_SETTINGS_KEY,
                              g_object_ref (gtk_print_operation_get_print_settings (operation)), g_object_unref);
      g_settings_set_string (self->settings, "print-range",
                             sp_print_range_to_string (range));
    }
}

static SpPaper
paper_of (GtkPageSetup *setup)
{
  const char *name;

  if (setup == NULL)
    return sp_paper_get_default ();
  name = gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup));
  if (g_strcmp0 (name, GTK_PAPER_NAME_LETTER) == 0)
    return SP_PAPER_LETTER;
  if (g_strcmp0 (name, GTK_PAPER_NAME_A4) == 0)
    return SP_PAPER_A4;
  return sp_paper_get_default ();
}

static SpPrintPreview *show_preview (SpWindow    *self,
                                     SpPrintRange range,
                                     SpPaper      paper);

static void
end_preview (gpointer data)
{
  gtk_print_operation_preview_end_preview (data);
  g_object_unref (data);
}

/* The dialog's Preview opens the app's own preview rather than an outside
 * previewer (often not installed); the dialog's operation ends when it
 * closes. */
static gboolean
operation_preview_cb (GtkPrintOperation        *operation,
                      GtkPrintOperationPreview *preview,
                      GtkPrintContext          *context,
                      GtkWindow                *parent,
                      SpWindow                 *self)
{
  SpPrintPreview *ours = show_preview (self, sp_print_operation_get_range (SP_PRINT_OPERATION (operation)),
                                       paper_of (gtk_print_context_get_page_setup (context)));

  g_object_set_data_full (G_OBJECT (ours), "sp-operation-preview", g_object_ref (preview), end_preview);
  return TRUE;
}

static void
run_print_dialog (SpWindow     *self,
                  SpPrintRange  range,
                  GtkPageSetup *page_setup)
{
  g_autoptr(SpPrintOperation) operation = sp_window_create_print_operation (self, range);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), page_setup);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  g_signal_connect_object (operation, "preview", G_CALLBACK (operation_preview_cb), self, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sp_window_show_error (self, _("Could not print"), error->message);
}

static void
preview_print_cb (SpPrintPreview *preview,
                  SpWindow       *self)
{
  g_autoptr(GtkPageSetup) setup = sp_print_preview_dup_page_setup (preview);

  g_object_set_data_full (G_OBJECT (self), PAGE_SETUP_KEY, g_object_ref (setup), g_object_unref);
  run_print_dialog (self, sp_print_preview_get_range (preview), setup);
}

static SpPrintPreview *
show_preview (SpWindow    *self,
              SpPrintRange range,
              SpPaper      paper)
{
  SpPrintPreview *preview;

  preview = sp_print_preview_new (sp_planner_advise_levels (self->planner), range, get_print_day (self),
                                  sp_calendar_get_locale_first_weekday (), paper);
  gtk_window_set_transient_for (GTK_WINDOW (preview), GTK_WINDOW (self));
  g_signal_connect_object (preview, "print", G_CALLBACK (preview_print_cb), self, 0);
  gtk_window_present (GTK_WINDOW (preview));
  return preview;
}

/* Print… shows what will be printed first, the range and the paper in
 * front; its Print… then opens the system's dialog */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  show_preview (self, get_saved_range (self), paper_of (g_object_get_data (G_OBJECT (self), PAGE_SETUP_KEY)));
}

static void
page_setup_done_cb (GtkPageSetup *page_setup,
                    gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;

  /* NULL when cancelled */
  if (page_setup != NULL)
    g_object_set_data_full (G_OBJECT (self), PAGE_SETUP_KEY, g_object_ref (page_setup), g_object_unref);
}

static void
page_setup_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkPageSetup *page_setup = g_object_get_data (G_OBJECT (self), PAGE_SETUP_KEY);
  GtkPrintSettings *settings = g_object_get_data (G_OBJECT (self), PRINT_SETTINGS_KEY);
  g_autoptr(GtkPrintSettings) fresh = NULL;

  if (settings == NULL)
    settings = fresh = gtk_print_settings_new ();
  gtk_print_run_page_setup_dialog_async (GTK_WINDOW (self), page_setup, settings,
                                         page_setup_done_cb, g_object_ref (self));
}

/* Export as PDF ------------------------------------------------------- */

typedef struct
{
  SpSchedule     *schedule;
  SpExportOptions options; /* the PDF's fields only: another thread reads them */
  char           *path;
  char           *name;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  g_clear_object (&job->schedule);
  g_free (job->path);
  g_free (job->name);
  g_free (job);
}

static void
export_pdf_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PdfJob *job = task_data;
  GError *error = NULL;

  /* The schedule never changes once made, so another thread may read it */
  if (sp_export_to_file (sp_export_pdf, job->schedule, &job->options, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_pdf_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (object);
  PdfJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* TRANSLATORS: a toast once a file is written; %s is its name */
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), job->name);
      sp_window_add_toast (self, message);
    }
  else
    sp_window_show_error (self, _("Could not export the PDF"), error->message);
}

static char *
dup_local_path (GFile   *file,
                GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file; choose a folder on this computer"), uri);
    }
  return path;
}

/**
 * sp_window_export_pdf:
 *
 * Writes the PDF in a worker thread, then shows a toast, or a dialog
 * saying what went wrong.
 */
void
sp_window_export_pdf (SpWindow     *self,
                      GFile        *file,
                      SpPrintRange  range,
                      SpPaper       paper)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PdfJob *job;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (PdfJob, 1);
  /* The printed plan shows each level's advice */
  job->schedule = g_object_ref (sp_planner_advise_levels (self->planner));
  job->options.range = range;
  job->options.from_day = get_print_day (self);
  job->options.first_weekday = sp_calendar_get_locale_first_weekday ();
  job->options.paper = paper;
  job->name = g_file_get_basename (file);
  job->path = dup_local_path (file, &error);

  task = g_task_new (self, NULL, export_pdf_done_cb, NULL);
  g_task_set_source_tag (task, sp_window_export_pdf);
  g_task_set_task_data (task, job, (GDestroyNotify) pdf_job_free);
  if (job->path == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_run_in_thread (task, export_pdf_thread);
}

static const char *range_ids[] = { "week", "month", "plan", NULL };
static const char *paper_ids[] = { "a4", "letter", NULL };

static void
export_pdf_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        SpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
      g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
      SpPrintRange range = SP_PRINT_RANGE_WEEK;
      SpPaper paper = SP_PAPER_A4;

      sp_print_range_from_string (gtk_file_chooser_get_choice (chooser, "range"), &range);
      sp_paper_from_string (gtk_file_chooser_get_choice (chooser, "paper"), &paper);
      g_settings_set_string (self->settings, "print-range",
                             sp_print_range_to_string (range));
      sp_window_export_pdf (self, file, range, paper);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileChooserNative *
new_save_chooser (SpWindow   *self,
                  const char *title,
                  const char *file_name,
                  const char *filter_name,
                  const char *mime_type,
                  const char *suffix)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  const char *range_labels[] = {
    sp_print_range_get_label (SP_PRINT_RANGE_WEEK),
    sp_print_range_get_label (SP_PRINT_RANGE_MONTH),
    sp_print_range_get_label (SP_PRINT_RANGE_PLAN),
    NULL
  };
  const char *paper_labels[] = { _("A4"), _("US Letter"), NULL };

  /* TRANSLATORS: the suggested file name of an exported PDF */
  chooser = new_save_chooser (self, _("Export as PDF"), _("study-schedule.pdf"), _("PDF documents"),
                              "application/pdf", "pdf");
  /* TRANSLATORS: a choice in the Export as PDF dialog: what to print */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "range", _("Print"), range_ids, range_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "range",
                               sp_print_range_to_string (get_saved_range (self)));
  /* TRANSLATORS: a choice in the Export as PDF dialog */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "paper", _("Paper"), paper_ids, paper_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "paper", sp_paper_to_string (sp_paper_get_default ()));

  g_signal_connect_object (chooser, "response", G_CALLBACK (export_pdf_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Export as iCalendar ------------------------------------------------- */

/**
 * sp_window_export_ics:
 *
 * Writes every block as an event, then shows a toast, or a dialog saying
 * what went wrong. libical's zone data is not shared across threads, and
 * this takes a few milliseconds, so it runs here.
 */
void
sp_window_export_ics (SpWindow *self,
                      GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SpExportOptions  options;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = dup_local_path (file, &error);
  if (path != NULL)
    sp_export_options_init (&options, self->planner);
  if (path != NULL &&
      sp_export_ics_to_file (sp_planner_get_schedule (self->planner), &options, path, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

      sp_window_add_toast (self, message);
    }
  else
    sp_window_show_error (self, _("Could not export the calendar"), error->message);
}

static void
export_ics_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        SpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      sp_window_export_ics (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkFileChooserNative *chooser;

  /* TRANSLATORS: the suggested file name of an exported calendar */
  chooser = new_save_chooser (self, _("Export as iCalendar"), _("study-schedule.ics"), _("iCalendar files"),
                              "text/calendar", "ics");
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_ics_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
sp_window_print_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.page-setup", NULL, page_setup_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.export-ics", NULL, export_ics_action);
}
