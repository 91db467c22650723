/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-sync-controller.h"

G_BEGIN_DECLS

#define SP_TYPE_SYNC_PREFERENCES_PAGE (sp_sync_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (SpSyncPreferencesPage, sp_sync_preferences_page, SP, SYNC_PREFERENCES_PAGE, AdwPreferencesPage)

GtkWidget *sp_sync_preferences_page_new (SpSyncController *controller,
                                         GSettings        *settings);

G_END_DECLS
