/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sp-print-layout.h"
#include "sp-schedule.h"

G_BEGIN_DECLS

#define SP_TYPE_PRINT_OPERATION (sp_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (SpPrintOperation, sp_print_operation, SP, PRINT_OPERATION, GtkPrintOperation)

SpPrintOperation *sp_print_operation_new        (SpSchedule       *schedule,
                                                 SpPrintRange      range,
                                                 guint32           from_day,
                                                 guint             first_weekday,
                                                 GtkPageSetup     *page_setup);
SpPrintRange      sp_print_operation_get_range  (SpPrintOperation *self);
void              sp_print_operation_set_range  (SpPrintOperation *self,
                                                 SpPrintRange      range);

G_END_DECLS
