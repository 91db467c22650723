/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-planner.h"

G_BEGIN_DECLS

/* How long before a block its notification comes */
#define SP_NOTIFIER_LEAD_MINUTES 5
#define SP_NOTIFIER_ID "study-block"

#define SP_TYPE_NOTIFIER (sp_notifier_get_type ())
G_DECLARE_FINAL_TYPE (SpNotifier, sp_notifier, SP, NOTIFIER, GObject)

SpNotifier *sp_notifier_new               (GApplication *application,
                                           SpPlanner    *planner,
                                           GSettings    *settings);
void        sp_notifier_check             (SpNotifier   *self);
const char *sp_notifier_get_notified_block (SpNotifier  *self);
void        sp_notifier_withdraw          (SpNotifier   *self);
void        sp_notifier_set_time_of_day   (SpNotifier   *self,
                                           int           minute);

G_END_DECLS
