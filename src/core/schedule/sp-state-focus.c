/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-state-private.h"

/* Focus sessions in state.json: optional members added after format 1,
 * so older files read as before (see docs/scheduling.md). */

typedef struct
{
  const char *name;
  gint64      max;
  guint      *out;
} MinutesField;

static gboolean
minutes_in (const SpJsonValue *value,
            gint64             max,
            guint             *out)
{
  if (!sp_json_is_integer (value) || sp_json_number (value) < 0 || sp_json_number (value) > max)
    return FALSE;
  *out = (guint) sp_json_number (value);
  return TRUE;
}

static gboolean
parse_focus_start (const char *text,
                   guint32    *day,
                   guint      *minute)
{
  g_auto(GStrv) parts = text ? g_strsplit (text, "T", 2) : NULL;

  return parts != NULL && g_strv_length (parts) == 2 && sp_parse_date (parts[0], day, NULL) &&
         sp_parse_time (parts[1], minute, NULL);
}

/* A UTC instant to the second, as written by add_instant() */
static gboolean
parse_instant (const char *text,
               gint64     *out)
{
  g_autoptr(GDateTime) time = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  if (time == NULL)
    return FALSE;
  *out = g_date_time_to_unix (time) * G_USEC_PER_SEC;
  return *out > 0;
}

gboolean
_sp_state_load_focus (SpJsonDoc         *doc,
                      const SpJsonValue *member,
                      SpBlockRecord     *record,
                      const char        *filename,
                      const char        *path,
                      GError           **error)
{
  if (!_sp_state_check_member (member, SP_JSON_ARRAY, _("an array"), filename, path, "focus", error))
    return FALSE;
  for (guint i = 0; i < sp_json_length (member); i++)
    {
      const SpJsonValue *object = sp_json_element (doc, member, i);
      const SpJsonValue *start = NULL, *minutes = NULL;
      g_autofree char   *field = NULL;
      SpFocusInterval    interval = { 0 };
      guint              minute, length = 0;

      if (sp_json_type (object) == SP_JSON_OBJECT)
        {
          start = sp_json_member (doc, object, "start");
          minutes = sp_json_member (doc, object, "minutes");
        }
      if (sp_json_type (object) != SP_JSON_OBJECT)
        {
          field = g_strdup_printf ("%s.focus[%u]", path, i);
          return _sp_state_invalid (error, filename, field, _("an object"), object);
        }
      if (!parse_focus_start (sp_json_string (doc, start), &interval.day, &minute))
        {
          field = g_strdup_printf ("%s.focus[%u].start", path, i);
          return _sp_state_invalid (error, filename, field, _("a date and time as YYYY-MM-DDTHH:MM"), start);
        }
      if (!minutes_in (minutes, SP_MAX_BLOCK_MINUTES * 2, &length) || length == 0)
        {
          field = g_strdup_printf ("%s.focus[%u].minutes", path, i);
          return _sp_state_invalid (error, filename, field, _("a number of minutes"), minutes);
        }
      interval.start = (guint16) minute;
      interval.minutes = (guint16) length;
      if (record->focus == NULL)
        record->focus = g_array_new (FALSE, FALSE, sizeof (SpFocusInterval));
      g_array_append_val (record->focus, interval);
    }
  return TRUE;
}

SpFocusSaved *
_sp_state_load_focus_session (SpJsonDoc         *doc,
                              const SpJsonValue *object,
                              const char        *filename,
                              GError           **error)
{
  g_autoptr(SpFocusSaved) saved = NULL;
  const SpJsonValue *member;
  const char        *plan_id, *block_id;
  gint64             started;

  if (sp_json_type (object) != SP_JSON_OBJECT)
    {
      _sp_state_invalid (error, filename, "$.focus_session", _("an object"), object);
      return NULL;
    }
  if ((plan_id = sp_json_string (doc, sp_json_member (doc, object, "plan"))) == NULL)
    {
      _sp_state_invalid (error, filename, "$.focus_session.plan", _("a plan id"), sp_json_member (doc, object, "plan"));
      return NULL;
    }
  block_id = sp_json_string (doc, sp_json_member (doc, object, "block"));
  if (block_id == NULL || block_id[0] == '\0')
    {
      _sp_state_invalid (error, filename, "$.focus_session.block", _("a block id"), sp_json_member (doc, object, "block"));
      return NULL;
    }
  if (!parse_instant (sp_json_string (doc, sp_json_member (doc, object, "started")), &started))
    {
      _sp_state_invalid (error, filename, "$.focus_session.started", _("a date and time in ISO 8601"), sp_json_member (doc, object, "started"));
      return NULL;
    }
  saved = sp_focus_saved_new (plan_id, block_id, started);

  {
    const MinutesField minutes[] = {
      { "extra_minutes", SP_MAX_BLOCK_MINUTES, &saved->extra_minutes },
      { "pomodoro_focus", SP_MAX_BLOCK_MINUTES, &saved->pomodoro_focus },
      { "pomodoro_break", SP_MAX_BREAK_MINUTES, &saved->pomodoro_break },
      { "pomodoro_long_break", SP_MAX_BREAK_MINUTES, &saved->pomodoro_long_break },
    };

    for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
      {
        member = sp_json_member (doc, object, minutes[i].name);
        if (member != NULL && !minutes_in (member, minutes[i].max, minutes[i].out))
          {
            g_autofree char *field = g_strdup_printf ("$.focus_session.%s", minutes[i].name);
            _sp_state_invalid (error, filename, field, _("a number of minutes"), member);
            return NULL;
          }
      }
  }

  member = sp_json_member (doc, object, "pauses");
  if (!_sp_state_check_member (member, SP_JSON_ARRAY, _("an array"), filename, "$.focus_session", "pauses", error))
    return NULL;
  for (guint i = 0; i < sp_json_length (member); i++)
    {
      const SpJsonValue *element = sp_json_element (doc, member, i);
      gboolean           is_object = sp_json_type (element) == SP_JSON_OBJECT;
      const SpJsonValue *end = is_object ? sp_json_member (doc, element, "end") : NULL;
      SpFocusPause       pause = { 0 };

      if (!is_object || !parse_instant (sp_json_string (doc, sp_json_member (doc, element, "start")), &pause.start) ||
          (end != NULL && sp_json_type (end) != SP_JSON_NULL && !parse_instant (sp_json_string (doc, end), &pause.end)))
        {
          g_autofree char *path = g_strdup_printf ("$.focus_session.pauses[%u]", i);
          _sp_state_invalid (error, filename, path, _("a pause with its start and end in ISO 8601"), element);
          return NULL;
        }
      g_array_append_val (saved->pauses, pause);
    }
  return g_steal_pointer (&saved);
}

/**
 * sp_focus_interval_format_start:
 *
 * Returns: (transfer full): "2026-03-02T19:00", as the state file and the
 *   JSON export write it
 */
char *
sp_focus_interval_format_start (const SpFocusInterval *interval)
{
  g_autofree char *date = sp_format_date (interval->day);
  g_autofree char *time = sp_format_time (interval->start);

  return g_strdup_printf ("%sT%s", date, time);
}

void
_sp_state_add_focus (JsonBuilder *builder,
                     GArray      *focus)
{
  json_builder_set_member_name (builder, "focus");
  json_builder_begin_array (builder);
  for (guint i = 0; i < focus->len; i++)
    {
      const SpFocusInterval *interval = &g_array_index (focus, SpFocusInterval, i);
      g_autofree char       *start = sp_focus_interval_format_start (interval);

      json_builder_begin_object (builder);
      sp_json_builder_add_string (builder, "start", start);
      sp_json_builder_add_int (builder, "minutes", interval->minutes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_instant (JsonBuilder *builder,
             const char  *name,
             gint64       usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_minutes (JsonBuilder *builder,
             const char  *name,
             guint        minutes)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, minutes);
}

void
_sp_state_add_focus_session (JsonBuilder        *builder,
                             const SpFocusSaved *saved)
{
  json_builder_set_member_name (builder, "focus_session");
  json_builder_begin_object (builder);
  sp_json_builder_add_string (builder, "plan", saved->plan_id);
  sp_json_builder_add_string (builder, "block", saved->block_id);
  add_instant (builder, "started", saved->started);
  add_minutes (builder, "extra_minutes", saved->extra_minutes);
  if (saved->pomodoro_focus > 0)
    {
      add_minutes (builder, "pomodoro_focus", saved->pomodoro_focus);
      add_minutes (builder, "pomodoro_break", saved->pomodoro_break);
      add_minutes (builder, "pomodoro_long_break", saved->pomodoro_long_break);
    }
  json_builder_set_member_name (builder, "pauses");
  json_builder_begin_array (builder);
  for (guint i = 0; i < saved->pauses->len; i++)
    {
      const SpFocusPause *pause = &g_array_index (saved->pauses, SpFocusPause, i);

      json_builder_begin_object (builder);
      add_instant (builder, "start", pause->start);
      if (pause->end != 0)
        add_instant (builder, "end", pause->end);
      else
        {
          json_builder_set_member_name (builder, "end");
          json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

SpFocusSaved *
sp_focus_saved_new (const char *plan_id,
                    const char *block_id,
                    gint64      started)
{
  SpFocusSaved *saved = g_new0 (SpFocusSaved, 1);

  saved->plan_id = g_strdup (plan_id ? plan_id : "");
  saved->block_id = g_strdup (block_id);
  saved->started = started;
  saved->pauses = g_array_new (FALSE, FALSE, sizeof (SpFocusPause));
  return saved;
}

SpFocusSaved *
sp_focus_saved_copy (const SpFocusSaved *saved)
{
  SpFocusSaved *copy = g_memdup2 (saved, sizeof *saved);

  copy->plan_id = g_strdup (saved->plan_id);
  copy->block_id = g_strdup (saved->block_id);
  copy->pauses = g_array_copy (saved->pauses);
  return copy;
}

void
sp_focus_saved_free (SpFocusSaved *saved)
{
  if (saved == NULL)
    return;
  g_free (saved->plan_id);
  g_free (saved->block_id);
  g_array_unref (saved->pauses);
  g_free (saved);
}
