/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-application.h"

G_BEGIN_DECLS

#define SP_TYPE_WINDOW (sp_window_get_type ())
G_DECLARE_FINAL_TYPE (SpWindow, sp_window, SP, WINDOW, AdwApplicationWindow)

SpWindow   *sp_window_new            (SpApplication *application);
void        sp_window_add_toast      (SpWindow      *self,
                                      const char    *message);
void        sp_window_show_error     (SpWindow      *self,
                                      const char    *heading,
                                      const char    *message);
const char *sp_window_get_view       (SpWindow      *self);
void        sp_window_set_view       (SpWindow      *self,
                                      const char    *name);
void        sp_window_add_undo_toast (SpWindow      *self,
                                      const char    *message);
guint32     sp_window_get_selected_day (SpWindow    *self);
void        sp_window_set_selected_day (SpWindow    *self,
                                        guint32      day);
gboolean    sp_window_show_block     (SpWindow      *self,
                                      const char    *block_id);
void        sp_window_start_focus (SpWindow   *self,
                                   const char *block_id);
GtkWidget  *sp_window_get_focus_view (SpWindow *self);
GtkWidget  *sp_window_get_focus_indicator (SpWindow *self);
GtkWidget  *sp_window_get_focus_recovery (SpWindow *self);
void        sp_window_set_sync_fraction (SpWindow *self,
                                         double    fraction);
GtkWidget  *sp_window_get_sync_progress (SpWindow *self);
/* The clock new focus sessions read; tests move one by hand */
void sp_window_set_focus_clock (SpWindow *self,
                                GObject  *clock);

G_END_DECLS
