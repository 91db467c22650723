/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-export.h"
#include "sp-print-operation.h"
#include "sp-window.h"

G_BEGIN_DECLS

/* Printing and exporting from the window: win.print, win.page-setup,
 * win.export-pdf and win.export-ics. */
SpPrintOperation *sp_window_create_print_operation  (SpWindow       *self,
                                                     SpPrintRange    range);
void              sp_window_export_pdf              (SpWindow       *self,
                                                     GFile          *file,
                                                     SpPrintRange    range,
                                                     SpPaper         paper);
void              sp_window_export_ics              (SpWindow       *self,
                                                     GFile          *file);

G_END_DECLS
