/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-notifier.h"
#include "sp-catalog.h"
#include "sp-planner.h"

G_BEGIN_DECLS

#define SP_TYPE_APPLICATION (sp_application_get_type ())
G_DECLARE_FINAL_TYPE (SpApplication, sp_application, SP, APPLICATION, AdwApplication)

SpApplication *sp_application_new          (void);
SpPlanner     *sp_application_get_planner  (SpApplication *self);
SpCatalog     *sp_application_get_catalog  (SpApplication *self);
GSettings     *sp_application_get_settings (SpApplication *self);
SpNotifier    *sp_application_get_notifier (SpApplication *self);
gboolean       sp_application_open_plan    (SpApplication *self,
                                            GFile         *file,
                                            GError       **error);

G_END_DECLS
