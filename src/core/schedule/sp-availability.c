/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-availability.h"
#include "sp-calendar-text.h"
#include "sp-json-write.h"

G_DEFINE_QUARK (sp-availability-error-quark, sp_availability_error)

G_DEFINE_BOXED_TYPE (SpAvailability, sp_availability, sp_availability_copy, sp_availability_free)

static const char * const weekday_abbrevs[SP_N_WEEKDAYS] = {
  "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
};

/**
 * sp_availability_new:
 *
 * A new user gets an hour on weekday evenings and two and a half hours on
 * weekend mornings: ten hours a week, studying a little every day.
 *
 * Returns: (transfer full): the default availability, start day unset
 */
SpAvailability *
sp_availability_new (void)
{
  SpAvailability *self = g_new0 (SpAvailability, 1);

  for (guint i = 0; i < 5; i++)
    sp_availability_set_day (self, i, 60, 19 * 60);
  sp_availability_set_day (self, 5, 150, 10 * 60);
  sp_availability_set_day (self, 6, 150, 10 * 60);
  self->block_minutes = SP_DEFAULT_BLOCK;
  self->break_minutes = SP_DEFAULT_BREAK;
  self->days_off = g_array_new (FALSE, FALSE, sizeof (SpDayRange));
  return self;
}

SpAvailability *
sp_availability_copy (const SpAvailability *self)
{
  SpAvailability *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->days_off = g_array_copy (self->days_off);
  return copy;
}

void
sp_availability_free (SpAvailability *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->days_off);
  g_free (self);
}

gboolean
sp_availability_equal (const SpAvailability *a,
                       const SpAvailability *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (memcmp (a->minutes, b->minutes, sizeof a->minutes) != 0 ||
      memcmp (a->start, b->start, sizeof a->start) != 0 ||
      a->block_minutes != b->block_minutes ||
      a->break_minutes != b->break_minutes ||
      a->start_day != b->start_day ||
      a->days_off->len != b->days_off->len)
    return FALSE;
  return a->days_off->len == 0 ||
         memcmp (a->days_off->data, b->days_off->data, a->days_off->len * sizeof (SpDayRange)) == 0;
}

/* Minutes are kept in 5-minute steps, and a start within the day. */
void
sp_availability_set_day (SpAvailability *self,
                         guint           weekday,
                         guint           minutes,
                         guint           start)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (weekday < SP_N_WEEKDAYS);

  minutes = MIN (minutes, SP_MINUTES_PER_DAY);
  self->minutes[weekday] = (guint16) ((minutes + SP_MINUTES_STEP / 2) / SP_MINUTES_STEP * SP_MINUTES_STEP);
  self->start[weekday] = (guint16) MIN (start, SP_MINUTES_PER_DAY - 1);
}

/**
 * sp_availability_get_usable_minutes:
 *
 * Returns: the minutes of @weekday that fit between its start and midnight
 */
guint
sp_availability_get_usable_minutes (const SpAvailability *self,
                                    guint                 weekday)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (weekday < SP_N_WEEKDAYS, 0);

  return MIN (self->minutes[weekday], SP_MINUTES_PER_DAY - self->start[weekday]);
}

/**
 * sp_availability_get_study_minutes:
 *
 * The minutes of study the scheduler can plan on @weekday: its hours cut
 * into blocks with a break after each, as sp-scheduler.c places them,
 * where a piece shorter than a block's least length and what passes
 * midnight are left out. At most sp_availability_get_usable_minutes().
 *
 * Returns: the minutes of study of @weekday
 */
guint
sp_availability_get_study_minutes (const SpAvailability *self,
                                   guint                 weekday)
{
  guint budget, cursor, study = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (weekday < SP_N_WEEKDAYS, 0);

  budget = self->minutes[weekday];
  cursor = self->start[weekday];
  while (budget >= SP_MIN_BLOCK_MINUTES && cursor < SP_MINUTES_PER_DAY && self->block_minutes > 0)
    {
      guint len = MIN (MIN (budget, self->block_minutes), SP_MINUTES_PER_DAY - cursor);

      if (len < SP_MIN_BLOCK_MINUTES)
        break;
      study += len;
      budget -= len;
      cursor += len + self->break_minutes;
    }
  return study;
}

guint
sp_availability_get_weekly_study_minutes (const SpAvailability *self)
{
  guint total = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < SP_N_WEEKDAYS; i++)
    total += sp_availability_get_study_minutes (self, i);
  return total;
}

/**
 * sp_availability_describe_week:
 *
 * The hours a week the user gave, and plainly what is studied of them when
 * breaks and the leftovers too short for a block come out.
 *
 * Returns: (transfer full): "10 h a week", or "10 h a week, 8 h 20 min of
 *   study"
 */
char *
sp_availability_describe_week (const SpAvailability *self)
{
  guint            given = 0, study;
  g_autofree char *hours = NULL;
  g_autofree char *studied = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < SP_N_WEEKDAYS; i++)
    given += self->minutes[i];
  study = sp_availability_get_weekly_study_minutes (self);
  hours = sp_format_hours (given / 60.0, SP_HOURS_TEXT);
  if (study >= given)
    /* TRANSLATORS: the total of the study hours, "10 h a week" */
    return g_strdup_printf (_("%s h a week"), hours);
  studied = sp_calendar_format_duration (study);
  /* TRANSLATORS: the hours given and what is studied of them once the breaks
   * come out: "10 h a week, 8 h 20 min of study" */
  return g_strdup_printf (_("%s h a week, %s of study"), hours, studied);
}

guint
sp_availability_get_weekly_minutes (const SpAvailability *self)
{
  guint total = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < SP_N_WEEKDAYS; i++)
    total += sp_availability_get_usable_minutes (self, i);
  return total;
}

/**
 * sp_availability_has_hours:
 *
 * Returns: whether some weekday has room for at least one useful block
 */
/**
 * sp_availability_check_room:
 * @weekdays: (nullable): which weekdays to check, all when %NULL
 *
 * A weekday's hours run from its start time and never past midnight: 24 h
 * from 19:00 would be 5 h, and saying nothing about it plans less than
 * the user asked for.
 *
 * Returns: %TRUE when each weekday's hours fit between its start and
 *   midnight, else %FALSE with @error saying how much fits
 */
gboolean
sp_availability_check_room (const SpAvailability *self,
                            const gboolean       *weekdays,
                            GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    {
      guint            room = SP_MINUTES_PER_DAY - self->start[d];
      g_autofree char *asked = NULL;
      g_autofree char *fits = NULL;
      g_autofree char *start = NULL;

      if ((weekdays != NULL && !weekdays[d]) || self->minutes[d] <= room)
        continue;
      asked = sp_format_hours (self->minutes[d] / 60.0, SP_HOURS_TEXT);
      fits = sp_format_hours (room / SP_MINUTES_STEP * SP_MINUTES_STEP / 60.0, SP_HOURS_TEXT);
      start = sp_format_time (self->start[d]);
      g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_HOURS,
                   /* TRANSLATORS: "Mon: 24 h do not fit after 19:00, when study starts that day: at most 5 h fit" */
                   _("%s: %s h do not fit after %s, when study starts that day: at most %s h fit"),
                      weekday_abbrevs[d], asked, start, fits);
      return FALSE;
    }
  return TRUE;
}

/**
 * sp_availability_get_room:
 *
 * Returns: the most study minutes @weekday can hold after its start, in
 *   5-minute steps
 */
guint
sp_availability_get_room (const SpAvailability *self,
                          guint                 weekday)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (weekday < SP_N_WEEKDAYS, 0);

  return (SP_MINUTES_PER_DAY - self->start[weekday]) / SP_MINUTES_STEP * SP_MINUTES_STEP;
}

gboolean
sp_availability_has_hours (const SpAvailability *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < SP_N_WEEKDAYS; i++)
    if (sp_availability_get_usable_minutes (self, i) >= SP_MIN_BLOCK_MINUTES)
      return TRUE;
  return FALSE;
}

static gint
find_range (const SpAvailability *self,
            guint32               day)
{
  guint lo = 0, hi = self->days_off->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const SpDayRange *range = &g_array_index (self->days_off, SpDayRange, mid);

      if (day < range->first)
        hi = mid;
      else if (day > range->last)
        lo = mid + 1;
      else
        return (gint) mid;
    }
  return -1;
}

gboolean
sp_availability_is_day_off (const SpAvailability *self,
                            guint32               day)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return find_range (self, day) >= 0;
}

/**
 * sp_availability_get_day_minutes:
 *
 * Returns: the study minutes of @day: none on a day off
 */
guint
sp_availability_get_day_minutes (const SpAvailability *self,
                                 guint32               day)
{
  g_return_val_if_fail (self != NULL, 0);

  if (sp_availability_is_day_off (self, day))
    return 0;
  return sp_availability_get_usable_minutes (self, sp_day_get_weekday (day));
}

/* Keeps the ranges sorted and merges those that touch, so each day has one answer. */
void
sp_availability_add_days_off (SpAvailability *self,
                              guint32         first,
                              guint32         last)
{
  SpDayRange range;
  guint i = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (first > 0 && first <= last);

  range.first = first;
  range.last = last;
  while (i < self->days_off->len)
    {
      SpDayRange *other = &g_array_index (self->days_off, SpDayRange, i);

      if ((guint64) other->last + 1 < range.first)
        {
          i++;
          continue;
        }
      if (other->first > (guint64) range.last + 1)
        break;
      range.first = MIN (range.first, other->first);
      range.last = MAX (range.last, other->last);
      g_array_remove_index (self->days_off, i);
    }
  g_array_insert_val (self->days_off, i, range);
}

void
sp_availability_remove_days_off (SpAvailability *self,
                                 guint           index)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->days_off->len);
  g_array_remove_index (self->days_off, index);
}

guint
sp_availability_get_n_days_off (const SpAvailability *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->days_off->len;
}

const SpDayRange *
sp_availability_get_days_off (const SpAvailability *self,
                              guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->days_off->len, NULL);
  return &g_array_index (self->days_off, SpDayRange, index);
}

JsonNode *
sp_availability_to_json (const SpAvailability *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (guint i = 0; i < SP_N_WEEKDAYS; i++)
    {
      g_autofree char *start = sp_format_time (self->start[i]);

      json_builder_begin_object (builder);
      sp_json_builder_add_int (builder, "minutes", self->minutes[i]);
      sp_json_builder_add_string (builder, "start", start);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  sp_json_builder_add_int (builder, "block_minutes", self->block_minutes);
  sp_json_builder_add_int (builder, "break_minutes", self->break_minutes);
  json_builder_set_member_name (builder, "start");
  if (self->start_day != 0)
    {
      g_autofree char *start = sp_format_date (self->start_day);
      json_builder_add_string_value (builder, start);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "days_off");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->days_off->len; i++)
    {
      const SpDayRange *range = &g_array_index (self->days_off, SpDayRange, i);
      g_autofree char *first = sp_format_date (range->first);
      g_autofree char *last = sp_format_date (range->last);

      json_builder_begin_object (builder);
      sp_json_builder_add_string (builder, "first", first);
      sp_json_builder_add_string (builder, "last", last);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
invalid (GError           **error,
         const char        *path,
         const char        *field,
         const char        *expected,
         const SpJsonValue *found)
{
  g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_INVALID,
               /* TRANSLATORS: "$.availability.days[2].minutes: expected a whole number from 0 to 1440, found a string" */
               _("%s%s: expected %s, found %s"), path, field, expected, sp_json_describe (found));
  return FALSE;
}

static gboolean
get_int (SpJsonDoc         *doc,
         const SpJsonValue *object,
         const char        *path,
         const char        *name,
         gint64             min,
         gint64             max,
         gint64            *out,
         GError           **error)
{
  const SpJsonValue *node = sp_json_member (doc, object, name);
  g_autofree char *field = g_strdup_printf (".%s", name);
  g_autofree char *expected = g_strdup_printf (_("a whole number from %d to %d"), (int) min, (int) max);

  /* Written as a whole number, as the state file writes them */
  if (!sp_json_is_integer (node) || sp_json_number (node) < min || sp_json_number (node) > max)
    return invalid (error, path, field, expected, node);
  *out = (gint64) sp_json_number (node);
  return TRUE;
}

static gboolean
get_date (SpJsonDoc         *doc,
          const SpJsonValue *object,
          const char        *path,
          const char        *name,
          guint32           *day,
          GError           **error)
{
  const SpJsonValue *node = sp_json_member (doc, object, name);
  const char        *text = sp_json_string (doc, node);
  g_autofree char *field = g_strdup_printf (".%s", name);

  if (text == NULL || !sp_parse_supported_date (text, day, NULL))
    return invalid (error, path, field, _("a date as YYYY-MM-DD from 1970-01-01 to 2200-12-31"), node);
  return TRUE;
}

/**
 * sp_availability_new_from_doc:
 * @value: the availability in @doc
 * @path: the JSON path of @value, for messages
 *
 * Returns: (transfer full) (nullable): the availability, or %NULL with
 *   @error naming the field that is wrong
 */
SpAvailability *
sp_availability_new_from_doc (SpJsonDoc         *doc,
                              const SpJsonValue *value,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(SpAvailability) self = sp_availability_new ();
  const SpJsonValue *days, *days_off, *start;
  gint64             number;

  if (sp_json_type (value) != SP_JSON_OBJECT)
    {
      invalid (error, path, "", _("an object"), value);
      return NULL;
    }

  days = sp_json_member (doc, value, "days");
  if (sp_json_type (days) != SP_JSON_ARRAY || sp_json_length (days) != SP_N_WEEKDAYS)
    {
      invalid (error, path, ".days", _("an array of 7 days from Monday"), days);
      return NULL;
    }
  for (guint i = 0; i < SP_N_WEEKDAYS; i++)
    {
      const SpJsonValue *day = sp_json_element (doc, days, i);
      g_autofree char *day_path = g_strdup_printf ("%s.days[%u]", path, i);
      const char *start_text;
      gint64 minutes;
      guint start_minute;

      if (sp_json_type (day) != SP_JSON_OBJECT)
        {
          invalid (error, day_path, "", _("an object"), day);
          return NULL;
        }
      if (!get_int (doc, day, day_path, "minutes", 0, SP_MINUTES_PER_DAY, &minutes, error))
        return NULL;
      start_text = sp_json_string (doc, sp_json_member (doc, day, "start"));
      if (start_text == NULL || !sp_parse_time (start_text, &start_minute, NULL))
        {
          invalid (error, day_path, ".start", _("a time of day as HH:MM"), sp_json_member (doc, day, "start"));
          return NULL;
        }
      sp_availability_set_day (self, i, (guint) minutes, start_minute);
    }

  if (!get_int (doc, value, path, "block_minutes", SP_MIN_BLOCK_MINUTES, SP_MAX_BLOCK_MINUTES, &number, error))
    return NULL;
  self->block_minutes = (guint16) number;
  if (!get_int (doc, value, path, "break_minutes", 0, SP_MAX_BREAK_MINUTES, &number, error))
    return NULL;
  self->break_minutes = (guint16) number;

  start = sp_json_member (doc, value, "start");
  if (start != NULL && sp_json_type (start) != SP_JSON_NULL &&
      !get_date (doc, value, path, "start", &self->start_day, error))
    return NULL;

  days_off = sp_json_member (doc, value, "days_off");
  if (days_off != NULL && sp_json_type (days_off) != SP_JSON_ARRAY)
    {
      invalid (error, path, ".days_off", _("an array"), days_off);
      return NULL;
    }
  for (guint i = 0; i < sp_json_length (days_off); i++)
    {
      const SpJsonValue *range = sp_json_element (doc, days_off, i);
      g_autofree char *range_path = g_strdup_printf ("%s.days_off[%u]", path, i);
      guint32 first, last;

      if (sp_json_type (range) != SP_JSON_OBJECT)
        {
          invalid (error, range_path, "", _("an object with “first” and “last” dates"), range);
          return NULL;
        }
      if (!get_date (doc, range, range_path, "first", &first, error) ||
          !get_date (doc, range, range_path, "last", &last, error))
        return NULL;
      if (last < first)
        {
          g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_INVALID,
                       _("%s: the last day comes before the first"), range_path);
          return NULL;
        }
      sp_availability_add_days_off (self, first, last);
    }

  return g_steal_pointer (&self);
}

/**
 * sp_text_make_printable:
 * @text: input to echo in a message, such as a command-line argument
 *
 * Returns: (transfer full): @text as valid UTF-8 (command-line arguments
 *   need not be), its control characters written as \xNN so that none
 *   reaches a terminal
 */
char *
sp_text_make_printable (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString         *printable = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_printf (printable, c < 0x100 ? "\\x%02x" : "\\u%04x", c);
      else
        g_string_append_len (printable, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (printable, FALSE);
}

#define PRINTABLE(text) g_autofree char *printable_##text = sp_text_make_printable (text)

/* Digits with at most one decimal point: no signs, exponents, "inf" or hex. */
static gboolean
is_decimal (const char *text)
{
  guint digits = 0, points = 0;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '.')
        points++;
      else
        return FALSE;
    }
  return digits > 0 && digits <= 12 && points <= 1;
}

/**
 * sp_parse_hours:
 * @text: "Mon=2,Tue=1.5,Wed=0": three-letter English weekday names and
 *   decimal hours; weekdays not named get no hours
 * @minutes: (out caller-allocates): minutes per weekday, rounded to 5
 *
 * Returns: %TRUE, or %FALSE with @error saying which item is wrong and why
 */
gboolean
sp_parse_hours (const char  *text,
                guint16      minutes[SP_N_WEEKDAYS],
                GError     **error)
{
  g_auto(GStrv) items = NULL;
  gboolean seen[SP_N_WEEKDAYS] = { FALSE, };
  guint16 result[SP_N_WEEKDAYS] = { 0, };

  g_return_val_if_fail (text != NULL, FALSE);

  items = g_strsplit (text, ",", -1);
  if (items[0] == NULL || (items[1] == NULL && g_strstrip (items[0])[0] == '\0'))
    {
      g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_HOURS,
                   _("no hours given: expected a list such as Mon=2,Tue=1.5,Sat=3"));
      return FALSE;
    }

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      char *eq = strchr (item, '=');
      char *value;
      double hours;
      gint weekday = -1;

      if (eq == NULL)
        {
          PRINTABLE (item);
          g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_HOURS,
                       _("“%s” is not DAY=HOURS, for example Mon=2"), printable_item);
          return FALSE;
        }
      *eq = '\0';
      value = g_strstrip (eq + 1);
      g_strstrip (item);
      for (guint d = 0; d < SP_N_WEEKDAYS; d++)
        if (g_ascii_strcasecmp (item, weekday_abbrevs[d]) == 0)
          weekday = (gint) d;
      if (weekday < 0)
        {
          PRINTABLE (item);
          g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_HOURS,
                       _("“%s” is not a weekday: use Mon, Tue, Wed, Thu, Fri, Sat or Sun"), printable_item);
          return FALSE;
        }
      if (seen[weekday])
        {
          g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_HOURS,
                       _("%s is given more than once"), weekday_abbrevs[weekday]);
          return FALSE;
        }
      seen[weekday] = TRUE;

      if (!is_decimal (value))
        {
          PRINTABLE (value);
          g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_HOURS,
                       _("%s: “%s” is not a number of hours, for example 1.5"),
                       weekday_abbrevs[weekday], printable_value);
          return FALSE;
        }
      hours = g_ascii_strtod (value, NULL);
      if (hours < 0 || hours > 24)
        {
          g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_HOURS,
                       _("%s: %s hours is not from 0 to 24"), weekday_abbrevs[weekday], value);
          return FALSE;
        }
      result[weekday] = (guint16) (lround (hours * 60 / SP_MINUTES_STEP) * SP_MINUTES_STEP);
      /* Silently none would read "no study hours are set" */
      if (hours > 0 && result[weekday] < SP_MIN_BLOCK_MINUTES)
        {
          g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_HOURS,
                       /* TRANSLATORS: "Mon: 0.01 h is too little to plan a block: give 0, or at least 0.25 (15 minutes)" */
                       _("%s: %s h is too little to plan a block: give 0, or at least %s (%u minutes)"),
                          weekday_abbrevs[weekday], value, "0.25", SP_MIN_BLOCK_MINUTES);
          return FALSE;
        }
    }

  memcpy (minutes, result, sizeof result);
  return TRUE;
}

static gboolean
parse_digits (const char *text,
              guint       n,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/**
 * sp_parse_date:
 * @text: a date as YYYY-MM-DD
 * @day: (out): its Julian day
 */
gboolean
sp_parse_date (const char  *text,
               guint32     *day,
               GError     **error)
{
  guint y, m, d;
  guint32 parsed = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) || !parse_digits (text + 8, 2, &d) ||
      (parsed = sp_day_from_dmy (y, m, d)) == 0)
    {
      PRINTABLE (text);
      g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_DATE,
                   _("“%s” is not a date: expected YYYY-MM-DD, for example 2025-09-01"), printable_text);
      return FALSE;
    }
  *day = parsed;
  return TRUE;
}

/**
 * sp_parse_supported_date:
 * @text: a date as YYYY-MM-DD
 * @day: (out): its Julian day
 *
 * sp_parse_date() for the dates a user gives (--start, --from, the state
 * file's): only those sp_day_is_supported() takes, since a start in the
 * year 9999 would end a plan in a year of five digits.
 */
gboolean
sp_parse_supported_date (const char *text,
                         guint32    *day,
                         GError    **error)
{
  guint32 parsed;

  if (!sp_parse_date (text, &parsed, error))
    return FALSE;
  if (!sp_day_is_supported (parsed))
    {
      PRINTABLE (text);
      g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_DATE,
                   _("“%s” is past the supported dates: from %d-01-01 to %d-12-31"),
                      printable_text, SP_DAY_FIRST_YEAR, SP_DAY_LAST_YEAR);
      return FALSE;
    }
  *day = parsed;
  return TRUE;
}

/**
 * sp_parse_time:
 * @text: a time of day as HH:MM, 00:00 to 23:59
 * @minute: (out): minutes after midnight
 */
gboolean
sp_parse_time (const char  *text,
               guint       *minute,
               GError     **error)
{
  guint h, m;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 5 || text[2] != ':' ||
      !parse_digits (text, 2, &h) || !parse_digits (text + 3, 2, &m) || h > 23 || m > 59)
    {
      PRINTABLE (text);
      g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_TIME,
                   _("“%s” is not a time of day: expected HH:MM, for example 19:30"), printable_text);
      return FALSE;
    }
  *minute = h * 60 + m;
  return TRUE;
}

/**
 * sp_parse_minutes:
 *
 * Parses a whole number of minutes from @min to @max, digits only.
 */
gboolean
sp_parse_minutes (const char  *text,
                  guint        min,
                  guint        max,
                  guint       *minutes,
                  GError     **error)
{
  guint64 value = 0;
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);

  len = strlen (text);
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]) || value > G_MAXUINT)
        {
          len = 0;
          break;
        }
      value = value * 10 + (guint) (text[i] - '0');
    }
  if (len == 0 || value < min || value > max)
    {
      PRINTABLE (text);
      g_set_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_MINUTES,
                   _("“%s” is not a whole number of minutes from %u to %u"), printable_text, min, max);
      return FALSE;
    }
  *minutes = (guint) value;
  return TRUE;
}

const char *
sp_weekday_get_abbrev (guint weekday)
{
  g_return_val_if_fail (weekday < SP_N_WEEKDAYS, NULL);
  return weekday_abbrevs[weekday];
}

/**
 * sp_weekday_get_name:
 *
 * Returns: the translated name of @weekday, from Monday (0)
 */
const char *
sp_weekday_get_name (guint weekday)
{
  static const char * const names[SP_N_WEEKDAYS] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
    N_("Friday"), N_("Saturday"), N_("Sunday"),
  };

  g_return_val_if_fail (weekday < SP_N_WEEKDAYS, NULL);
  return _(names[weekday]);
}
