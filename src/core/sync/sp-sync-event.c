/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sp-sync-event.h"

/* What a sync compares of an event: the content hash and times of events on
 * either side, and the resource an event is kept in. */

/* Event content, the part that matters */

static gboolean
is_volatile (icalproperty_kind kind)
{
  /* Stamps and counters change without the event changing */
  return kind == ICAL_DTSTAMP_PROPERTY || kind == ICAL_LASTMODIFIED_PROPERTY ||
         kind == ICAL_SEQUENCE_PROPERTY || kind == ICAL_CREATED_PROPERTY || kind == ICAL_X_PROPERTY;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * sp_caldav_event_hash:
 * @event: a VEVENT
 *
 * A hash of what a person sees of @event: every property but DTSTAMP,
 * LAST-MODIFIED, CREATED, SEQUENCE and X- ones, by value and TZID, in any
 * order, so a server that writes the event back in its own way (folding,
 * parameter order) gives the same hash.
 *
 * Returns: (transfer full): a SHA-256 in hex
 */
char *
sp_caldav_event_hash (icalcomponent *event)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_ANY_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_ANY_PROPERTY))
    {
      icalproperty_kind kind = icalproperty_isa (p);
      icalparameter    *tzid = icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER);
      const char       *value = icalproperty_get_value_as_string (p);

      if (is_volatile (kind))
        continue;
      g_ptr_array_add (lines, g_strdup_printf ("%s;%s:%s", icalproperty_kind_to_string (kind),
                                               tzid ? icalparameter_get_tzid (tzid) : "",
                                               value ? value : ""));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    {
      g_checksum_update (checksum, (const guchar *) g_ptr_array_index (lines, i), -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
property_time (icalcomponent    *event,
               icalproperty_kind kind)
{
  icalproperty  *p = icalcomponent_get_first_property (event, kind);
  icalparameter *tzid;

  if (p == NULL)
    return g_strdup ("");
  tzid = icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER);
  return g_strdup_printf ("%s%s%s", tzid ? icalparameter_get_tzid (tzid) : "", tzid ? ":" : "",
                          icalproperty_get_value_as_string (p));
}

/**
 * sp_caldav_event_time:
 *
 * Returns: (transfer full): @event's start and end as written,
 *   "Europe/Bucharest:20250303T090000/Europe/Bucharest:20250303T095000"
 */
char *
sp_caldav_event_time (icalcomponent *event)
{
  g_autofree char *start = property_time (event, ICAL_DTSTART_PROPERTY);
  g_autofree char *end = property_time (event, ICAL_DTEND_PROPERTY);

  return g_strdup_printf ("%s/%s", start, end);
}

/**
 * sp_caldav_href_for_uid:
 *
 * Returns: (transfer full): the resource name of the event @uid: a hash, so
 *   any character of the UID is safe (Radicale refuses a "/" in a name)
 */
char *
sp_caldav_href_for_uid (const char *uid)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uid, -1);

  return g_strdup_printf ("%.40s.ics", hash);
}

/**
 * sp_caldav_event_start:
 * @calendar: the VCALENDAR of @event, for its VTIMEZONE
 *
 * Where the server's event starts, as a day and minute in @tz.
 *
 * Returns: whether @event has a start with a time of day
 */
gboolean
sp_caldav_event_start (icalcomponent *calendar,
                       icalcomponent *event,
                       GTimeZone     *tz,
                       guint32       *day,
                       guint         *minute)
{
  icalproperty       *p = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalparameter      *tzid;
  struct icaltimetype t;
  icaltimezone       *zone = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDate date;

  if (p == NULL)
    return FALSE;
  t = icalproperty_get_dtstart (p);
  if (icaltime_is_null_time (t) || t.is_date)
    return FALSE;
  tzid = icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER);
  if (tzid != NULL)
    {
      zone = icalcomponent_get_timezone (calendar, icalparameter_get_tzid (tzid));
      if (zone == NULL)
        zone = icaltimezone_get_builtin_timezone (icalparameter_get_tzid (tzid));
    }
  else if (icaltime_is_utc (t))
    zone = icaltimezone_get_utc_timezone ();

  if (zone != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc ((gint64) icaltime_as_timet_with_zone (t, zone));

      local = utc ? g_date_time_to_timezone (utc, tz) : NULL;
    }
  else
    /* Floating: the same wall-clock time wherever the planner is */
    local = g_date_time_new (tz, t.year, t.month, t.day, t.hour, t.minute, 0);
  if (local == NULL)
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
  *day = g_date_get_julian (&date);
  *minute = (guint) (g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local));
  return TRUE;
}
