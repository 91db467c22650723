/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "sp-catalog-format.h"
#include "sp-course.h"
#include "sp-export-record.h"
#include "sp-export.h"
#include "sp-url.h"

/* The iCalendar export: one VEVENT per block, written by libical. Times are
 * in the planner's time zone with its VTIMEZONE, or in UTC when the zone has
 * no name a calendar would know. UIDs come from the block ids, which stay
 * the same across re-plans, so importing again updates the events.
 *
 * libical writes the commas and semicolons of CATEGORIES and of X-
 * properties as they are (it takes them for separators of several
 * values): a level titled "Math, Stats; Prob" read as two categories.
 * Those two are written here, escaped as every other text, in place of a
 * marker libical writes. There is no METHOD: METHOD:PUBLISH without an
 * ORGANIZER fails libical's own icalrestriction_check(), and a file to
 * import needs none. */

#define CATEGORY_MARKER "SP-CATEGORY-MARKER"
#define CALNAME_MARKER  "SP-CALNAME-MARKER"

/**
 * sp_export_ics_uid:
 *
 * Returns: (transfer full): the UID of @block's event: the block id, the plan id, "@studyplanner"
 */
char *
sp_export_ics_uid (SpPlan        *plan,
                   const SpBlock *block)
{
  return g_strdup_printf ("%s.%s@studyplanner", block->id, sp_plan_get_id (plan));
}

/* The zone's data from the system (through libical), when it has a name a
 * calendar knows, such as "Europe/Bucharest". */
static icaltimezone *
lookup_zone (GTimeZone *tz)
{
  g_autofree char *id = tz ? sp_export_zone_name (tz) : NULL;

  /* UTC has no rules to send: times are written in UTC, as before */
  if (id == NULL || strchr (id, '/') == NULL)
    return NULL;
  return icaltimezone_get_builtin_timezone (id);
}

/* libical calls its zones "/freeassociation.sourceforge.net/Europe/…", and
 * an empty prefix means that one; calendars know the plain name better. */
static icalcomponent *
dup_vtimezone (icaltimezone *zone,
               guint32       first_day)
{
  icalcomponent *vtimezone = icaltimezone_get_component (zone);
  icalproperty *tzid;

  if (vtimezone == NULL)
    return NULL;
  vtimezone = icalcomponent_new_clone (vtimezone);
  if (first_day > 1)
    {
      /* Only the rules from the first block on: clients need no zone history */
      struct icaltimetype since = icaltime_null_time ();
      GDate date;

      sp_day_to_date (first_day - 1, &date);
      since.year = g_date_get_year (&date);
      since.month = g_date_get_month (&date);
      since.day = g_date_get_day (&date);
      since = icaltime_set_timezone (&since, icaltimezone_get_utc_timezone ());
      icaltimezone_truncate_vtimezone (vtimezone, since, icaltime_null_time (), 0);
    }
  tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);
  if (tzid != NULL)
    icalproperty_set_tzid (tzid, icaltimezone_get_location (zone));
  else
    icalcomponent_add_property (vtimezone, icalproperty_new_tzid (icaltimezone_get_location (zone)));
  return vtimezone;
}

static struct icaltimetype
block_time (GTimeZone    *tz,
            icaltimezone *zone,
            guint32       day,
            guint         minute)
{
  struct icaltimetype t = icaltime_null_time ();
  GDate date;

  sp_day_to_date (day, &date);
  if (zone != NULL)
    {
      t.year = g_date_get_year (&date);
      t.month = g_date_get_month (&date);
      t.day = g_date_get_day (&date);
      t.hour = (int) (minute / 60);
      t.minute = (int) (minute % 60);
      t.is_date = 0;
      return t;
    }
  else
    {
      g_autoptr(GDateTime) local = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                                                     g_date_get_day (&date), (int) (minute / 60),
                                                     (int) (minute % 60), 0);

      return icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (local), 0,
                                            icaltimezone_get_utc_timezone ());
    }
}

/* @minute of @day in @tz, as Unix time */
static gint64
block_unix_time (GTimeZone *tz,
                 guint32    day,
                 guint      minute)
{
  g_autoptr(GDateTime) local = NULL;
  GDate date;

  sp_day_to_date (day, &date);
  local = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                           (int) (minute / 60), (int) (minute % 60), 0);
  return local ? g_date_time_to_unix (local) : 0;
}

static const char *
block_task (const SpBlock *block)
{
  const SpText *task = NULL;

  switch (block->kind)
    {
    case SP_BLOCK_KIND_LEARN:
      task = block->topic->task_read;
      break;
    case SP_BLOCK_KIND_PRACTICE:
      task = block->topic->task_practice;
      break;
    case SP_BLOCK_KIND_PROJECT:
      task = block->topic->task_project;
      break;
    case SP_BLOCK_KIND_REVIEW:
    default:
      break;
    }
  return task ? sp_text_get (task) : NULL;
}

static char *
dup_description (SpState       *state,
                 SpPlan        *plan,
                 const SpBlock *block,
                 char         **url)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *task = block_task (block);
  const char    *course_json = state ? sp_state_get_course (state, block->topic->id) : NULL;
  const SpLevel *level = block->level < sp_plan_get_n_levels (plan) ? sp_plan_get_level (plan, block->level) : NULL;

  /* TRANSLATORS: the first line of a calendar event: "Learn: Read chapters 1–3 of …" */
  g_string_append_printf (text, _("%s: %s"), sp_block_kind_get_label (block->kind),
                          task ? task : sp_topic_get_title (block->topic));
  if (block->kind == SP_BLOCK_KIND_REVIEW)
    {
      g_string_truncate (text, 0);
      /* TRANSLATORS: what to do in a review block of a calendar event */
      g_string_append_printf (text, _("Review: go over “%s” again, from memory first."),
                              sp_topic_get_title (block->topic));
    }
  if (level != NULL)
    g_string_append_printf (text, "\n%s", sp_text_get (level->title));
  if (block->moved)
    g_string_append_printf (text, "\n%s", _("Moved forward from a missed day."));
  if (block->note != NULL && block->note[0] != '\0')
    {
      /* Control characters have no place in a TEXT value (RFC 5545):
       * a note keeps its line breaks and tabs, and loses the rest */
      g_string_append_c (text, '\n');
      for (const char *p = block->note; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          if (ch == '\n' || ch == '\t' || !g_unichar_iscntrl (ch))
            g_string_append_unichar (text, ch);
        }
    }

  *url = NULL;
  if (course_json != NULL)
    {
      g_autoptr(SpCourse) course = sp_catalog_course_from_json (course_json, NULL);

      if (course != NULL)
        {
          const char *course_url = sp_course_get_url (course);

          /* TRANSLATORS: the course attached to a topic, in a calendar event */
          g_string_append_printf (text, "\n%s", _("Course:"));
          g_string_append_printf (text, " %s", sp_course_get_title (course));
          if (course_url != NULL && sp_url_is_web (course_url))
            {
              g_string_append_printf (text, "\n%s", course_url);
              *url = g_strdup (course_url);
            }
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define CALENDAR_END "END:VCALENDAR\r\n"

/* Appends "NAME:TEXT" as RFC 5545 writes a TEXT value: backslash, comma,
 * semicolon and line break escaped, folded at 75 octets without cutting a
 * character */
static void
append_text_line (GString    *out,
                  const char *name,
                  const char *text)
{
  g_autoptr(GString) line = g_string_new (name);
  gsize start = 0;

  g_string_append_c (line, ':');
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (line, "\\\\");
        break;
      case ';':
        g_string_append (line, "\\;");
        break;
      case ',':
        g_string_append (line, "\\,");
        break;
      case '\n':
        g_string_append (line, "\\n");
        break;
      case '\r':
        break;
      default:
        g_string_append_c (line, *p);
        break;
      }

  while (start < line->len)
    {
      gsize room = start == 0 ? 75 : 74;
      gsize end = MIN (line->len, start + room);

      while (end < line->len && end > start + 1 && ((guchar) line->str[end] & 0xC0) == 0x80)
        end--;
      if (start > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, line->str + start, end - start);
      g_string_append (out, "\r\n");
      start = end;
    }
}

/* Replaces the line "NAME:MARKER\r\n" of @out with NAME and @text */
static void
replace_marker_line (GString    *out,
                     const char *name,
                     const char *marker,
                     const char *text)
{
  g_autofree char *wanted = g_strdup_printf ("%s:%s\r\n", name, marker);
  g_autoptr(GString) line = g_string_new (NULL);
  const char *at = strstr (out->str, wanted);

  if (at == NULL)
    return;
  append_text_line (line, name, text);
  g_string_erase (out, at - out->str, strlen (wanted));
  g_string_insert_len (out, at - out->str, line->str, line->len);
}

/**
 * sp_export_ics_event_to_string:
 * @event: a VEVENT made by sp_export_ics_block_event()
 *
 * Writes @event as libical does, but with its category escaped as text.
 *
 * Returns: (transfer full): the event's lines, ending with END:VEVENT
 */
char *
sp_export_ics_event_to_string (icalcomponent *event)
{
  icalproperty    *categories = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
  g_autofree char *category = NULL;
  GString         *out;
  char            *text;

  if (categories != NULL)
    {
      category = g_strdup (icalproperty_get_categories (categories));
      icalproperty_set_categories (categories, CATEGORY_MARKER);
    }
  text = icalcomponent_as_ical_string_r (event);
  if (categories != NULL)
    icalproperty_set_categories (categories, category);
  if (text == NULL)
    return NULL;
  out = g_string_new (text);
  icalmemory_free_buffer (text);
  if (category != NULL)
    replace_marker_line (out, "CATEGORIES", CATEGORY_MARKER, category);
  return g_string_free (out, FALSE);
}

static GBytes *
calendar_error (GError **error)
{
  g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_CALENDAR,
               _("Could not write the calendar: %s"), icalerror_strerror (icalerrno));
  return NULL;
}

/* A calendar with what every file and resource we write starts with */
static icalcomponent *
new_calendar (void)
{
  icalcomponent   *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  g_autofree char *prodid = g_strdup_printf ("-//Study Planner//%s %s//EN", PACKAGE_NAME, PACKAGE_VERSION);

  icalcomponent_add_property (calendar, icalproperty_new_prodid (prodid));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  return calendar;
}

/* @calendar (consumed) as text without its END:VCALENDAR, for the events
 * to follow; %NULL with @error set when libical cannot write it */
static char *
calendar_head (icalcomponent *calendar,
               GError       **error)
{
  char *ical = icalcomponent_as_ical_string_r (calendar);
  char *head;

  icalcomponent_free (calendar);
  if (ical == NULL || !g_str_has_suffix (ical, CALENDAR_END))
    {
      icalmemory_free_buffer (ical);
      calendar_error (error);
      return NULL;
    }
  head = g_strndup (ical, strlen (ical) - strlen (CALENDAR_END));
  icalmemory_free_buffer (ical);
  return head;
}

static icalcomponent *
make_event (SpState            *state,
            SpPlan             *plan,
            GTimeZone          *tz,
            icaltimezone       *zone,
            const SpBlock      *block,
            struct icaltimetype stamp,
            int                 sequence)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *uid = sp_export_ics_uid (plan, block);
  g_autofree char *summary = NULL;
  g_autofree char *url = NULL;
  g_autofree char *description = dup_description (state, plan, block, &url);
  const SpLevel *level = block->level < sp_plan_get_n_levels (plan) ? sp_plan_get_level (plan, block->level) : NULL;
  icalproperty *start;
  icalproperty *end;

  /* TRANSLATORS: the title of a calendar event: topic · kind of block, "Linear algebra · Learn" */
  summary = g_strdup_printf (_("%s · %s"), sp_topic_get_title (block->topic), sp_block_kind_get_label (block->kind));

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_lastmodified (stamp));
  icalcomponent_add_property (event, icalproperty_new_sequence (sequence));
  start = icalproperty_new_dtstart (block_time (tz, zone, block->day, block->start));
  end = icalproperty_new_dtend (block_time (tz, zone, block->day, block->start + block->minutes));
  if (zone != NULL)
    {
      icalproperty_add_parameter (start, icalparameter_new_tzid (icaltimezone_get_location (zone)));
      icalproperty_add_parameter (end, icalparameter_new_tzid (icaltimezone_get_location (zone)));
    }
  icalcomponent_add_property (event, start);
  icalcomponent_add_property (event, end);
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  if (level != NULL)
    icalcomponent_add_property (event, icalproperty_new_categories (sp_text_get (level->title)));
  if (url != NULL)
    icalcomponent_add_property (event, icalproperty_new_url (url));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
  if (block->status == SP_BLOCK_STATUS_SKIPPED)
    icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CANCELLED));
  else
    icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  return event;
}

/* An event the last export to the same file had and the schedule no longer
 * has: cancelled, so that importing the file takes it off the calendar */
static icalcomponent *
make_cancelled_event (const SpExportedEvent *old,
                      struct icaltimetype    stamp,
                      int                    sequence)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  icaltimezone  *utc = icaltimezone_get_utc_timezone ();

  icalcomponent_add_property (event, icalproperty_new_uid (old->uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_lastmodified (stamp));
  icalcomponent_add_property (event, icalproperty_new_sequence (sequence));
  icalcomponent_add_property (event, icalproperty_new_dtstart (icaltime_from_timet_with_zone ((time_t) old->start, 0, utc)));
  icalcomponent_add_property (event, icalproperty_new_dtend (icaltime_from_timet_with_zone ((time_t) old->end, 0, utc)));
  icalcomponent_add_property (event, icalproperty_new_summary (old->summary));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CANCELLED));
  return event;
}

/* The zone events are written in: NULL (UTC) when it has no rules to send */
static icaltimezone *
usable_zone (GTimeZone *tz)
{
  icaltimezone *zone = lookup_zone (tz);

  return zone != NULL && icaltimezone_get_component (zone) != NULL ? zone : NULL;
}

/**
 * sp_export_ics_block_event:
 * @options: the time zone of the block and the state its course comes from
 * @sequence: the event's SEQUENCE
 *
 * The event of one block, exactly as the file export writes it, for a
 * calendar that keeps each event as a resource of its own (CalDAV).
 *
 * Returns: (transfer full): a VEVENT, free with icalcomponent_free()
 */
icalcomponent *
sp_export_ics_block_event (SpSchedule            *schedule,
                           const SpExportOptions *options,
                           const SpBlock         *block,
                           int                    sequence)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeZone          *tz;
  struct icaltimetype stamp;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (options != NULL && block != NULL, NULL);

  tz = options->timezone ? options->timezone : (local = g_time_zone_new_local ());
  stamp = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (now), 0, icaltimezone_get_utc_timezone ());
  return make_event (options->state, sp_schedule_get_plan (schedule), tz, usable_zone (tz), block, stamp, sequence);
}

/**
 * sp_export_ics_resource_head:
 *
 * The start of a calendar resource that holds one event: PRODID, VERSION
 * and the VTIMEZONE the events' TZID names, without METHOD (RFC 4791
 * forbids it in a calendar collection) and without END:VCALENDAR.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
sp_export_ics_resource_head (SpSchedule            *schedule,
                             const SpExportOptions *options,
                             GError               **error)
{
  g_autoptr(GTimeZone) local = NULL;
  icalcomponent *calendar;
  icaltimezone  *zone;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  zone = usable_zone (options->timezone ? options->timezone : (local = g_time_zone_new_local ()));
  calendar = new_calendar ();
  if (zone != NULL)
    {
      icalcomponent *vtimezone = dup_vtimezone (zone, sp_schedule_get_first_day (schedule));

      if (vtimezone != NULL)
        icalcomponent_add_component (calendar, vtimezone);
    }
  return calendar_head (calendar, error);
}

/**
 * sp_export_ics:
 * @options: the time zone of the blocks and the state their courses come from
 *
 * Returns: (transfer full): the schedule as an iCalendar file, or %NULL
 *   with @error set
 */
GBytes *
sp_export_ics (SpSchedule            *schedule,
               const SpExportOptions *options,
               GError               **error)
{
  g_autoptr(GTimeZone) local = NULL;
  SpPlan *plan;
  GTimeZone *tz;
  icaltimezone *zone;
  icalcomponent *calendar;
  icalproperty *name;
  struct icaltimetype stamp;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *head = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(SpIcsHistory) written = NULL;
  g_autoptr(GHashTable) uids = NULL;
  guint n_blocks;
  int sequence;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = sp_schedule_get_plan (schedule);
  tz = options->timezone ? options->timezone : (local = g_time_zone_new_local ());
  zone = lookup_zone (tz);

  stamp = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (now), 0, icaltimezone_get_utc_timezone ());
  /* Some calendars update an imported event only when its SEQUENCE grows:
   * minutes since 2020 grow with every export, and above the last export
   * to the same file even within a minute */
  sequence = (int) MAX (0, (g_date_time_to_unix (now) - 1577836800) / 60);
  if (options->ics_history != NULL && options->ics_history->sequence >= sequence)
    sequence = options->ics_history->sequence + 1;
  written = options->ics_history ? sp_ics_history_new () : NULL;

  calendar = new_calendar ();
  name = icalproperty_new_x (CALNAME_MARKER);
  icalproperty_set_x_name (name, "X-WR-CALNAME");
  icalcomponent_add_property (calendar, name);
  if (zone != NULL)
    {
      icalcomponent *vtimezone = dup_vtimezone (zone, sp_schedule_get_first_day (schedule));

      if (vtimezone != NULL)
        {
          icalproperty *zone_name = icalproperty_new_x (icaltimezone_get_location (zone));

          icalproperty_set_x_name (zone_name, "X-WR-TIMEZONE");
          icalcomponent_add_property (calendar, zone_name);
          icalcomponent_add_component (calendar, vtimezone);
        }
      else
        zone = NULL;
    }

  /* libical writes the calendar's head and each event; one event at a
   * time, rather than one tree of thousands, keeps it fast */
  head = calendar_head (calendar, error);
  if (head == NULL)
    return NULL;

  n_blocks = sp_schedule_get_n_blocks (schedule);
  out = g_string_sized_new (strlen (head) + n_blocks * 640);
  g_string_append (out, head);
  replace_marker_line (out, "X-WR-CALNAME", CALNAME_MARKER, sp_plan_get_title (plan));

  uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n_blocks; i++)
    {
      const SpBlock   *block = sp_schedule_get_block (schedule, i);
      icalcomponent   *event = make_event (options->state, plan, tz, zone, block, stamp, sequence);
      g_autofree char *text = sp_export_ics_event_to_string (event);

      if (written != NULL)
        {
          sp_ics_history_add (written, icalcomponent_get_uid (event), block_unix_time (tz, block->day, block->start),
                              block_unix_time (tz, block->day, block->start + block->minutes),
                              icalcomponent_get_summary (event));
          g_hash_table_add (uids, g_strdup (icalcomponent_get_uid (event)));
        }
      icalcomponent_free (event);
      if (text == NULL)
        return calendar_error (error);
      g_string_append (out, text);
    }

  /* What the last export to this file had and the schedule no longer has;
   * kept in the record, so a later import of a later file cancels it too */
  for (guint i = 0; written != NULL && i < options->ics_history->events->len; i++)
    {
      const SpExportedEvent *old = g_ptr_array_index (options->ics_history->events, i);
      icalcomponent         *event;
      g_autofree char       *text = NULL;

      if (g_hash_table_contains (uids, old->uid))
        continue;
      g_hash_table_add (uids, g_strdup (old->uid));
      event = make_cancelled_event (old, stamp, sequence);
      text = sp_export_ics_event_to_string (event);
      icalcomponent_free (event);
      if (text == NULL)
        return calendar_error (error);
      g_string_append (out, text);
      sp_ics_history_add (written, old->uid, old->start, old->end, old->summary);
    }
  g_string_append (out, CALENDAR_END);

  if (written != NULL)
    {
      /* The caller's history becomes this export's; @written frees the old */
      GPtrArray *old = options->ics_history->events;

      options->ics_history->events = written->events;
      written->events = old;
      options->ics_history->sequence = sequence;
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}
