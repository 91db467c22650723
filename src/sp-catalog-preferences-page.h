/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_CATALOG_PREFERENCES_PAGE (sp_catalog_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (SpCatalogPreferencesPage, sp_catalog_preferences_page, SP, CATALOG_PREFERENCES_PAGE, AdwPreferencesPage)

GtkWidget *sp_catalog_preferences_page_new (GSettings *settings);

G_END_DECLS
