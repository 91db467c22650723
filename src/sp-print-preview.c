/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-print-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-calendar-text.h"
#include "sp-print-preview.h"

/* What will be printed, before the system's print dialog: the week, the
 * month or the whole plan on A4 or US Letter, each page drawn by
 * SpPrintLayout as on paper (the same code as the PDF export, at the same
 * margins), so no outside previewer is needed. Print… hands the range and
 * the paper to the window ("print" signal), which runs the dialog. */

#define PAGE_PADDING 24.0 /* pixels around the sheet */

struct _SpPrintPreview
{
  AdwWindow parent_instance;

  SpSchedule    *schedule;
  SpPrintRange   range;
  guint32        from_day;
  guint          first_weekday;
  SpPaper        paper;
  SpPrintLayout *layout;
  guint          n_pages;
  guint          page;

  AdwWindowTitle  *window_title;
  GtkToggleButton *week_button;
  GtkToggleButton *month_button;
  GtkToggleButton *plan_button;
  GtkDrawingArea  *page_area;
  GtkDropDown     *paper_dropdown;
  GtkLabel        *page_label;
};

G_DEFINE_FINAL_TYPE (SpPrintPreview, sp_print_preview, ADW_TYPE_WINDOW)

enum
{
  PRINT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
get_sheet_size (SpPrintPreview *self,
                double         *width,
                double         *height)
{
  sp_paper_get_size (self->paper, sp_print_range_prefers_landscape (self->range), width, height);
}

static void
update_page (SpPrintPreview *self)
{
  g_autofree char *counter = NULL;
  g_autofree char *accessible = NULL;

  /* TRANSLATORS: the print preview's page counter, "3 of 12" */
  counter = g_strdup_printf (_("%u of %u"), self->page + 1, MAX (self->n_pages, 1));
  gtk_label_set_text (self->page_label, counter);
  /* TRANSLATORS: what a screen reader says of the preview, "Page 3 of 12, Whole Plan, 2 March – 30 August 2026" */
  accessible = g_strdup_printf (_("Page %u of %u, %s, %s"), self->page + 1, MAX (self->n_pages, 1),
                                   sp_print_range_get_label (self->range),
                                   adw_window_title_get_subtitle (self->window_title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_area), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_label), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", self->page + 1 < self->n_pages);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

/* Lays the range out on the sheet less its margins, as the PDF export
 * does; text is measured at 72 dpi whatever the surface, so a small image
 * surface measures as the printer's would. */
static void
relayout (SpPrintPreview *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t         *cr = cairo_create (surface);
  g_autofree char *dates = NULL;
  double           width, height;

  get_sheet_size (self, &width, &height);
  g_clear_object (&self->layout);
  self->layout = sp_print_layout_new (self->schedule, self->range, self->from_day, self->first_weekday);
  self->n_pages = sp_print_layout_paginate (self->layout, cr, width - 2 * SP_EXPORT_MARGIN,
                                            height - 2 * SP_EXPORT_MARGIN);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  self->page = MIN (self->page, self->n_pages > 0 ? self->n_pages - 1 : 0);
  if (sp_print_layout_get_first_day (self->layout) != 0)
    dates = sp_calendar_format_range (sp_print_layout_get_first_day (self->layout),
                                      sp_print_layout_get_last_day (self->layout));
  adw_window_title_set_subtitle (self->window_title, dates != NULL ? dates : sp_print_range_get_label (self->range));
  update_page (self);
}

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             area_width,
              int             area_height,
              gpointer        user_data)
{
  SpPrintPreview *self = user_data;
  double          width, height, scale, x, y;

  if (self->layout == NULL || area_width <= 2 * PAGE_PADDING || area_height <= 2 * PAGE_PADDING)
    return;

  get_sheet_size (self, &width, &height);
  scale = MIN ((area_width - 2 * PAGE_PADDING) / width, (area_height - 2 * PAGE_PADDING) / height);
  x = (area_width - width * scale) / 2;
  y = (area_height - height * scale) / 2;

  /* The sheet, white in the dark style too: it is paper */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x + 2, y + 3, width * scale, height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, width * scale, height * scale);
  cairo_fill (cr);

  if (self->n_pages == 0)
    return;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, SP_EXPORT_MARGIN, SP_EXPORT_MARGIN);
  sp_print_layout_draw_page (self->layout, cr, self->page);
  cairo_restore (cr);
}

static void
range_toggled_cb (GtkToggleButton *button,
                  SpPrintPreview  *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->week_button)
    sp_print_preview_set_range (self, SP_PRINT_RANGE_WEEK);
  else if (button == self->month_button)
    sp_print_preview_set_range (self, SP_PRINT_RANGE_MONTH);
  else
    sp_print_preview_set_range (self, SP_PRINT_RANGE_PLAN);
}

static void
paper_selected_cb (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   SpPrintPreview *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected != GTK_INVALID_LIST_POSITION)
    sp_print_preview_set_paper (self, selected == 1 ? SP_PAPER_LETTER : SP_PAPER_A4);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SpPrintPreview *self = SP_PRINT_PREVIEW (widget);

  /* Keep ourselves alive while the window answers, then step aside for
   * the print dialog */
  g_object_ref (self);
  g_signal_emit (self, signals[PRINT], 0);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SpPrintPreview *self = SP_PRINT_PREVIEW (widget);

  if (self->page > 0)
    sp_print_preview_set_page (self, self->page - 1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpPrintPreview *self = SP_PRINT_PREVIEW (widget);

  sp_print_preview_set_page (self, self->page + 1);
}

/* The keys start on the page: Page Up and Page Down leaf, Enter prints
 * (Print… is the default widget) */
static void
sp_print_preview_map (GtkWidget *widget)
{
  SpPrintPreview *self = SP_PRINT_PREVIEW (widget);

  GTK_WIDGET_CLASS (sp_print_preview_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->page_area));
}

static void
sp_print_preview_dispose (GObject *object)
{
  SpPrintPreview *self = SP_PRINT_PREVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PRINT_PREVIEW);
  g_clear_object (&self->layout);
  g_clear_object (&self->schedule);

  G_OBJECT_CLASS (sp_print_preview_parent_class)->dispose (object);
}

static void
sp_print_preview_class_init (SpPrintPreviewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_print_preview_dispose;
  widget_class->map = sp_print_preview_map;

  /**
   * SpPrintPreview::print:
   *
   * Print… was chosen: the range and the paper are the preview's; the
   * preview closes itself after the handlers ran.
   */
  signals[PRINT] = g_signal_new ("print", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/studyplanner/StudyPlanner/ui/sp-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPrintPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpPrintPreview, week_button);
  gtk_widget_class_bind_template_child (widget_class, SpPrintPreview, month_button);
  gtk_widget_class_bind_template_child (widget_class, SpPrintPreview, plan_button);
  gtk_widget_class_bind_template_child (widget_class, SpPrintPreview, page_area);
  gtk_widget_class_bind_template_child (widget_class, SpPrintPreview, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpPrintPreview, page_label);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, next_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "preview.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "preview.next-page", NULL);
}

static void
sp_print_preview_init (SpPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->page_area, draw_page_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paper_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Paper"), -1);
  g_signal_connect (self->week_button, "toggled", G_CALLBACK (range_toggled_cb), self);
  g_signal_connect (self->month_button, "toggled", G_CALLBACK (range_toggled_cb), self);
  g_signal_connect (self->plan_button, "toggled", G_CALLBACK (range_toggled_cb), self);
  g_signal_connect (self->paper_dropdown, "notify::selected", G_CALLBACK (paper_selected_cb), self);
}

/**
 * sp_print_preview_new:
 * @from_day: a Julian day in the week or month to print
 * @first_weekday: the day weeks start on, 0 for Monday to 6 for Sunday
 *
 * Returns: (transfer full): a preview; set it transient for the window
 *   and present it
 */
SpPrintPreview *
sp_print_preview_new (SpSchedule  *schedule,
                      SpPrintRange range,
                      guint32      from_day,
                      guint        first_weekday,
                      SpPaper      paper)
{
  SpPrintPreview *self;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);

  self = g_object_new (SP_TYPE_PRINT_PREVIEW, NULL);
  self->range = range;
  self->paper = paper;
  /* No layout before the schedule is set: the controls take their values
   * first, then the one layout is made */
  gtk_drop_down_set_selected (self->paper_dropdown, paper == SP_PAPER_LETTER ? 1 : 0);
  self->schedule = g_object_ref (schedule);
  self->from_day = from_day;
  self->first_weekday = first_weekday;
  gtk_toggle_button_set_active (range == SP_PRINT_RANGE_WEEK    ? self->week_button
                                : range == SP_PRINT_RANGE_MONTH ? self->month_button
                                                                : self->plan_button,
                                TRUE);
  if (self->layout == NULL)
    relayout (self);
  return self;
}

SpPrintRange
sp_print_preview_get_range (SpPrintPreview *self)
{
  g_return_val_if_fail (SP_IS_PRINT_PREVIEW (self), SP_PRINT_RANGE_WEEK);
  return self->range;
}

void
sp_print_preview_set_range (SpPrintPreview *self,
                            SpPrintRange    range)
{
  g_return_if_fail (SP_IS_PRINT_PREVIEW (self));

  if (self->range == range && self->layout != NULL)
    return;
  self->range = range;
  self->page = 0;
  if (self->schedule != NULL)
    relayout (self);
}

SpPaper
sp_print_preview_get_paper (SpPrintPreview *self)
{
  g_return_val_if_fail (SP_IS_PRINT_PREVIEW (self), SP_PAPER_A4);
  return self->paper;
}

void
sp_print_preview_set_paper (SpPrintPreview *self,
                            SpPaper         paper)
{
  g_return_if_fail (SP_IS_PRINT_PREVIEW (self));

  if (self->paper == paper && self->layout != NULL)
    return;
  self->paper = paper;
  gtk_drop_down_set_selected (self->paper_dropdown, paper == SP_PAPER_LETTER ? 1 : 0);
  if (self->schedule != NULL)
    relayout (self);
}

guint
sp_print_preview_get_n_pages (SpPrintPreview *self)
{
  g_return_val_if_fail (SP_IS_PRINT_PREVIEW (self), 0);
  return self->n_pages;
}

guint
sp_print_preview_get_page (SpPrintPreview *self)
{
  g_return_val_if_fail (SP_IS_PRINT_PREVIEW (self), 0);
  return self->page;
}

void
sp_print_preview_set_page (SpPrintPreview *self,
                           guint           page)
{
  g_return_if_fail (SP_IS_PRINT_PREVIEW (self));

  if (page >= self->n_pages || page == self->page)
    return;
  self->page = page;
  update_page (self);
}

/**
 * sp_print_preview_dup_page_setup:
 *
 * Returns: (transfer full): the paper and its orientation, for the print
 *   dialog to start from
 */
GtkPageSetup *
sp_print_preview_dup_page_setup (SpPrintPreview *self)
{
  GtkPageSetup *setup;
  g_autoptr(GtkPaperSize) size = NULL;

  g_return_val_if_fail (SP_IS_PRINT_PREVIEW (self), NULL);

  setup = gtk_page_setup_new ();
  size = gtk_paper_size_new (self->paper == SP_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_page_setup_set_orientation (setup, sp_print_range_prefers_landscape (self->range)
                                             ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                             : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}
