/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-availability.h"
#include "sp-schedule.h"

G_BEGIN_DECLS

char *sp_export_json (SpSchedule           *schedule,
                      const SpAvailability *availability,
                      gsize                *length);

G_END_DECLS
