/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-planner.h"

G_BEGIN_DECLS

/* How long after a change the schedule is synced: edits in a row sync once */
#define SP_SYNC_DEBOUNCE_MS 3000

#define SP_TYPE_SYNC_CONTROLLER (sp_sync_controller_get_type ())
G_DECLARE_FINAL_TYPE (SpSyncController, sp_sync_controller, SP, SYNC_CONTROLLER, GObject)

SpSyncController *sp_sync_controller_new (SpPlanner  *planner,
                                          GSettings  *settings,
                                          const char *record_path);
void              sp_sync_controller_start (SpSyncController *self);
void              sp_sync_controller_set_up (SpSyncController *self,
                                             const char       *url,
                                             const char       *user,
                                             const char       *password);
void              sp_sync_controller_sync_now (SpSyncController *self);
void              sp_sync_controller_stop (SpSyncController *self,
                                           gboolean          remove_events);
void              sp_sync_controller_cancel (SpSyncController *self);
gboolean          sp_sync_controller_get_configured (SpSyncController *self);
gboolean          sp_sync_controller_get_busy (SpSyncController *self);
double            sp_sync_controller_get_fraction (SpSyncController *self);
char             *sp_sync_controller_dup_status (SpSyncController *self);

G_END_DECLS
