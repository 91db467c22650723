/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <langinfo.h>

#include "sp-export.h"

/* The PDF export: the print layout drawn on a cairo PDF surface in memory,
 * then written atomically, so a failure never leaves half a file. */

static const struct
{
  const char *name;
  double      width;   /* points, portrait */
  double      height;
} papers[] = {
  [SP_PAPER_A4] = { "a4", 595.276, 841.89 },        /* 210 × 297 mm */
  [SP_PAPER_LETTER] = { "letter", 612.0, 792.0 },   /* 8.5 × 11 in */
};

const char *
sp_paper_to_string (SpPaper paper)
{
  g_return_val_if_fail ((guint) paper < G_N_ELEMENTS (papers), NULL);
  return papers[paper].name;
}

gboolean
sp_paper_from_string (const char *str,
                      SpPaper    *paper)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (str, papers[i].name) == 0)
      {
        *paper = (SpPaper) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * sp_paper_get_default:
 *
 * Returns: US Letter where the locale's paper is 216 mm wide (LC_PAPER), A4 elsewhere
 */
SpPaper
sp_paper_get_default (void)
{
  /* glibc's _NL_PAPER_WIDTH is an enumeration value, not a macro: an
   * #ifdef on it was never true, and US users always had A4. The item is
   * a word in a union with the string pointer, whose other bytes are not
   * set: read through the same union, as GTK does */
#ifdef __GLIBC__
  union
  {
    char        *string;
    unsigned int word;
  } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (width.word == 216)
    return SP_PAPER_LETTER;
#endif
  return SP_PAPER_A4;
}

void
sp_paper_get_size (SpPaper   paper,
                   gboolean  landscape,
                   double   *width,
                   double   *height)
{
  g_return_if_fail ((guint) paper < G_N_ELEMENTS (papers));

  *width = landscape ? papers[paper].height : papers[paper].width;
  *height = landscape ? papers[paper].width : papers[paper].height;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_DRAW,
               _("Could not draw the PDF: %s"), cairo_status_to_string (status));
  return FALSE;
}

/**
 * sp_export_pdf:
 * @options: the range, the day in it (a Julian day in the week or month; for
 *   the plan, its first day or 0), the day weeks start on and the paper
 *
 * Draws the range on the paper, landscape for the week and month and portrait
 * for the plan, with %SP_EXPORT_MARGIN on every side.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
sp_export_pdf (SpSchedule            *schedule,
               const SpExportOptions *options,
               GError               **error)
{
  g_autoptr(SpPrintLayout) layout = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree char *subject = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  SpPrintRange     range;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  range = options->range;
  layout = sp_print_layout_new (schedule, range, options->from_day, options->first_weekday);
  sp_paper_get_size (options->paper, sp_print_range_prefers_landscape (range), &width, &height);

  surface = cairo_pdf_surface_create_for_stream (write_cb, data, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  sp_plan_get_title (sp_schedule_get_plan (schedule)));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  subject = g_strdup (sp_print_range_get_label (range));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cr = cairo_create (surface);

  n_pages = sp_print_layout_paginate (layout, cr, width - 2 * SP_EXPORT_MARGIN, height - 2 * SP_EXPORT_MARGIN);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, SP_EXPORT_MARGIN, SP_EXPORT_MARGIN);
      sp_print_layout_draw_page (layout, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
