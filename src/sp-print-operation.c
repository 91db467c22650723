/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-print-operation"

#include "config.h"

#include "sp-print-operation.h"
#include <glib/gi18n.h>

/* Printing through GTK: the print dialog and the printer get the pages of
 * SpPrintLayout, the same drawing as the PDF export. The week, the month
 * or the whole plan is chosen before, in the app's own preview
 * (SpPrintPreview), which also stands in for the dialog's Preview. */
struct _SpPrintOperation
{
  GtkPrintOperation  parent_instance;

  SpSchedule        *schedule;
  SpPrintRange       range;
  guint32            from_day;
  guint              first_weekday;
  SpPrintLayout     *layout; /* while printing */
};

G_DEFINE_FINAL_TYPE (SpPrintOperation, sp_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_RANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkPageSetup *
make_page_setup (SpPrintRange range)
{
  GtkPageSetup *setup = gtk_page_setup_new ();

  gtk_page_setup_set_orientation (setup, sp_print_range_prefers_landscape (range)
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static void
sp_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  SpPrintOperation *self = SP_PRINT_OPERATION (operation);
  guint n_pages;

  g_clear_object (&self->layout);
  self->layout = sp_print_layout_new (self->schedule, self->range, self->from_day, self->first_weekday);
  n_pages = sp_print_layout_paginate (self->layout, gtk_print_context_get_cairo_context (context),
                                      gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
sp_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  SpPrintOperation *self = SP_PRINT_OPERATION (operation);

  g_return_if_fail (self->layout != NULL);
  sp_print_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
sp_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  SpPrintOperation *self = SP_PRINT_OPERATION (operation);

  g_clear_object (&self->layout);
}

static void
sp_print_operation_finalize (GObject *object)
{
  SpPrintOperation *self = SP_PRINT_OPERATION (object);

  g_clear_object (&self->schedule);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (sp_print_operation_parent_class)->finalize (object);
}

static void
sp_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SpPrintOperation *self = SP_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      g_value_set_uint (value, self->range);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SpPrintOperation *self = SP_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      sp_print_operation_set_range (self, (SpPrintRange) g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_print_operation_class_init (SpPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = sp_print_operation_finalize;
  object_class->get_property = sp_print_operation_get_property;
  object_class->set_property = sp_print_operation_set_property;

  print_class->begin_print = sp_print_operation_begin_print;
  print_class->draw_page = sp_print_operation_draw_page;
  print_class->end_print = sp_print_operation_end_print;

  /**
   * SpPrintOperation:range:
   *
   * What to print, an #SpPrintRange.
   */
  properties[PROP_RANGE] =
    g_param_spec_uint ("range", NULL, NULL,
                       SP_PRINT_RANGE_WEEK, SP_PRINT_RANGE_PLAN, SP_PRINT_RANGE_WEEK,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_print_operation_init (SpPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
}

/**
 * sp_print_operation_new:
 * @from_day: a Julian day in the week or month to print
 * @first_weekday: the day weeks start on, 0 for Monday to 6 for Sunday
 * @page_setup: (nullable): the user's page setup; %NULL for the locale's
 *   paper, turned to suit @range (the layout suits any orientation, so a
 *   paper turned in the dialog still prints whole)
 *
 * Returns: (transfer full): a print operation to run
 */
SpPrintOperation *
sp_print_operation_new (SpSchedule   *schedule,
                        SpPrintRange  range,
                        guint32       from_day,
                        guint         first_weekday,
                        GtkPageSetup *page_setup)
{
  SpPrintOperation *self;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *job = NULL;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (page_setup == NULL || GTK_IS_PAGE_SETUP (page_setup), NULL);

  self = g_object_new (SP_TYPE_PRINT_OPERATION, "range", range, NULL);
  self->schedule = g_object_ref (schedule);
  self->from_day = from_day;
  self->first_weekday = first_weekday;

  setup = page_setup ? g_object_ref (page_setup) : make_page_setup (range);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);

  /* TRANSLATORS: the name of a print job: the plan's title — what is printed */
  job = g_strdup_printf (_("%s — %s"), sp_plan_get_title (sp_schedule_get_plan (schedule)),
                         sp_print_range_get_label (range));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job);
  return self;
}

SpPrintRange
sp_print_operation_get_range (SpPrintOperation *self)
{
  g_return_val_if_fail (SP_IS_PRINT_OPERATION (self), SP_PRINT_RANGE_WEEK);
  return self->range;
}

void
sp_print_operation_set_range (SpPrintOperation *self,
                              SpPrintRange      range)
{
  g_return_if_fail (SP_IS_PRINT_OPERATION (self));
  g_return_if_fail (range <= SP_PRINT_RANGE_PLAN);

  if (self->range == range)
    return;
  self->range = range;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}
