/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

G_BEGIN_DECLS

char    *sp_caldav_event_hash (icalcomponent *event);
char    *sp_caldav_event_time (icalcomponent *event);
char    *sp_caldav_href_for_uid (const char *uid);
gboolean sp_caldav_event_start (icalcomponent *calendar,
                                icalcomponent *event,
                                GTimeZone     *tz,
                                guint32       *day,
                                guint         *minute);

G_END_DECLS
