/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-export.h"
#include "sp-print-layout.h"
#include "sp-schedule.h"

G_BEGIN_DECLS

#define SP_TYPE_PRINT_PREVIEW (sp_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (SpPrintPreview, sp_print_preview, SP, PRINT_PREVIEW, AdwWindow)

SpPrintPreview *sp_print_preview_new (SpSchedule  *schedule,
                                      SpPrintRange range,
                                      guint32      from_day,
                                      guint        first_weekday,
                                      SpPaper      paper);
SpPrintRange    sp_print_preview_get_range (SpPrintPreview *self);
void            sp_print_preview_set_range (SpPrintPreview *self,
                                            SpPrintRange    range);
SpPaper         sp_print_preview_get_paper (SpPrintPreview *self);
void            sp_print_preview_set_paper (SpPrintPreview *self,
                                            SpPaper         paper);
guint           sp_print_preview_get_n_pages (SpPrintPreview *self);
guint           sp_print_preview_get_page (SpPrintPreview *self);
void            sp_print_preview_set_page (SpPrintPreview *self,
                                           guint           page);
GtkPageSetup   *sp_print_preview_dup_page_setup (SpPrintPreview *self);

G_END_DECLS
