/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sp-json-doc.h"
#include "sp-state-private.h"

/* What the user has told us and done, saved in state.json: availability,
 * per plan the blocks touched and notes, and courses attached to topics. */
struct _SpState
{
  GObject         parent_instance;

  SpAvailability *availability;
  GHashTable     *progress;  /* plan id → SpProgress */
  GHashTable     *courses;   /* topic id → course JSON or id */
  SpFocusSaved   *focus_session; /* nullable: a session running when saved */
};

G_DEFINE_FINAL_TYPE (SpState, sp_state, G_TYPE_OBJECT)

G_DEFINE_QUARK (sp-state-error-quark, sp_state_error)

static guint
parse_seq (const char *id)
{
  const char *slash = strrchr (id, '/');
  guint64 value = 0;

  if (slash == NULL || slash[1] == '\0')
    return 0;
  for (const char *p = slash + 1; *p; p++)
    {
      if (!g_ascii_isdigit (*p) || value > G_MAXUINT16)
        return 0;
      value = value * 10 + (guint) (*p - '0');
    }
  return (guint) value;
}

SpBlockRecord *
sp_block_record_new (const char  *id,
                     const char  *topic,
                     SpBlockKind  kind,
                     guint32      day,
                     guint        start,
                     guint        minutes)
{
  SpBlockRecord *record = g_new0 (SpBlockRecord, 1);

  record->id = g_strdup (id);
  record->topic = g_strdup (topic);
  record->kind = kind;
  record->seq = parse_seq (id);
  record->day = day;
  record->start = (guint16) start;
  record->minutes = (guint16) minutes;
  record->status = SP_BLOCK_STATUS_PLANNED;
  return record;
}

SpBlockRecord *
sp_block_record_copy (const SpBlockRecord *record)
{
  SpBlockRecord *copy = g_memdup2 (record, sizeof *record);

  copy->id = g_strdup (record->id);
  copy->topic = g_strdup (record->topic);
  if (record->focus != NULL)
    copy->focus = g_array_copy (record->focus);
  return copy;
}

void
sp_block_record_free (SpBlockRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->id);
  g_free (record->topic);
  g_clear_pointer (&record->focus, g_array_unref);
  g_free (record);
}

/**
 * sp_block_record_get_done_minutes:
 *
 * Returns: the minutes of study the record stands for: all of a done
 *   block, part of a partly done one, none otherwise
 */
guint
sp_block_record_get_done_minutes (const SpBlockRecord *record)
{
  switch (record->status)
    {
    case SP_BLOCK_STATUS_DONE:
      return record->minutes;
    case SP_BLOCK_STATUS_PARTIAL:
      return MIN (record->done_minutes, record->minutes);
    case SP_BLOCK_STATUS_PLANNED:
    case SP_BLOCK_STATUS_SKIPPED:
    default:
      return 0;
    }
}

SpProgress *
sp_progress_new (void)
{
  SpProgress *progress = g_new0 (SpProgress, 1);

  progress->records = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_block_record_free);
  progress->record_ids = g_hash_table_new (g_str_hash, g_str_equal);
  progress->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  progress->topic_hours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  progress->goals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  progress->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_block_record_free);
  return progress;
}

SpProgress *
sp_progress_copy (const SpProgress *progress)
{
  SpProgress *copy = sp_progress_new ();
  GHashTableIter iter;
  gpointer key, value;

  copy->planned_today = progress->planned_today;
  copy->track = g_strdup (progress->track);
  for (guint i = 0; i < progress->records->len; i++)
    sp_progress_set_record (copy, sp_block_record_copy (g_ptr_array_index (progress->records, i)));
  for (guint i = 0; i < progress->kept->len; i++)
    g_ptr_array_add (copy->kept, sp_block_record_copy (g_ptr_array_index (progress->kept, i)));
  g_hash_table_iter_init (&iter, progress->notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->notes, g_strdup (key), g_strdup (value));
  g_hash_table_iter_init (&iter, progress->topic_hours);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->topic_hours, g_strdup (key), g_memdup2 (value, sizeof (double)));
  g_hash_table_iter_init (&iter, progress->goals);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->goals, g_strdup (key), value);
  return copy;
}

void
sp_progress_free (SpProgress *progress)
{
  if (progress == NULL)
    return;
  g_hash_table_unref (progress->record_ids);
  g_ptr_array_unref (progress->records);
  g_hash_table_unref (progress->notes);
  g_hash_table_unref (progress->topic_hours);
  g_hash_table_unref (progress->goals);
  g_ptr_array_unref (progress->kept);
  g_free (progress->track);
  g_free (progress);
}

/* Where @record is in the array; only removing a record needs it. */
static gint
find_record (SpProgress    *progress,
             SpBlockRecord *record)
{
  for (guint i = progress->records->len; i-- > 0;)
    if (g_ptr_array_index (progress->records, i) == record)
      return (gint) i;
  return -1;
}

/**
 * sp_progress_dup_records:
 *
 * Returns: (transfer container) (element-type SpBlockRecord): the records, borrowed
 */
GPtrArray *
sp_progress_dup_records (SpProgress *progress)
{
  GPtrArray *records = g_ptr_array_sized_new (progress->records->len);

  for (guint i = 0; i < progress->records->len; i++)
    g_ptr_array_add (records, g_ptr_array_index (progress->records, i));
  return records;
}

/**
 * sp_progress_lookup_record:
 *
 * Returns: (transfer none) (nullable): the record for block @id
 */
SpBlockRecord *
sp_progress_lookup_record (SpProgress *progress,
                           const char *id)
{
  return g_hash_table_lookup (progress->record_ids, id);
}

/**
 * sp_progress_set_record:
 * @record: (transfer full): replaces the record with the same id
 */
void
sp_progress_set_record (SpProgress    *progress,
                        SpBlockRecord *record)
{
  SpBlockRecord *old = g_hash_table_lookup (progress->record_ids, record->id);
  gint           i = old != NULL ? find_record (progress, old) : -1;

  g_hash_table_replace (progress->record_ids, record->id, record);
  if (i >= 0)
    {
      sp_block_record_free (old);
      g_ptr_array_index (progress->records, i) = record;
    }
  else
    g_ptr_array_add (progress->records, record);
}

gboolean
sp_progress_remove_record (SpProgress *progress,
                           const char *id)
{
  SpBlockRecord *record = g_hash_table_lookup (progress->record_ids, id);
  gint           i = record != NULL ? find_record (progress, record) : -1;

  if (i < 0)
    return FALSE;
  g_hash_table_remove (progress->record_ids, id);
  g_ptr_array_remove_index (progress->records, (guint) i);
  return TRUE;
}

/**
 * sp_progress_get_topic_hours:
 *
 * Returns: the hours the user chose for @topic_id instead of the plan's
 *   estimate, or 0 when they did not
 */
double
sp_progress_get_topic_hours (SpProgress *progress,
                             const char *topic_id)
{
  const double *hours = g_hash_table_lookup (progress->topic_hours, topic_id);

  return hours != NULL ? *hours : 0;
}

/**
 * sp_progress_set_topic_hours:
 * @hours: more than 0 and at most %SP_TOPIC_HOURS_MAX; 0 or less clears it
 */
void
sp_progress_set_topic_hours (SpProgress *progress,
                             const char *topic_id,
                             double      hours)
{
  g_return_if_fail (topic_id != NULL);
  g_return_if_fail (!isnan (hours) && hours <= SP_TOPIC_HOURS_MAX);

  if (hours <= 0)
    g_hash_table_remove (progress->topic_hours, topic_id);
  else
    g_hash_table_replace (progress->topic_hours, g_strdup (topic_id), g_memdup2 (&hours, sizeof hours));
}

static void
sp_state_finalize (GObject *object)
{
  SpState *self = (SpState *)object;

  g_clear_pointer (&self->availability, sp_availability_free);
  g_clear_pointer (&self->progress, g_hash_table_unref);
  g_clear_pointer (&self->courses, g_hash_table_unref);
  g_clear_pointer (&self->focus_session, sp_focus_saved_free);

  G_OBJECT_CLASS (sp_state_parent_class)->finalize (object);
}

static void
sp_state_class_init (SpStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_state_finalize;
}

static void
sp_state_init (SpState *self)
{
  self->availability = sp_availability_new ();
  self->progress = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sp_progress_free);
  self->courses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

SpState *
sp_state_new (void)
{
  return g_object_new (SP_TYPE_STATE, NULL);
}

gboolean
_sp_state_invalid (GError           **error,
                   const char        *filename,
                   const char        *path,
                   const char        *expected,
                   const SpJsonValue *found)
{
  g_set_error (error, SP_STATE_ERROR, SP_STATE_ERROR_INVALID,
               /* TRANSLATORS: "state.json: $.plans.ml.blocks[3].minutes: expected a number, found a string" */
               _("%s: %s: expected %s, found %s"), filename, path, expected, sp_json_describe (found));
  return FALSE;
}

/* Most members came after format 1 and may be absent; one that is there
 * must be of @type. @path is the object's, @name the member's. */
gboolean
_sp_state_check_member (const SpJsonValue *member,
                        SpJsonType         type,
                        const char        *expected,
                        const char        *filename,
                        const char        *path,
                        const char        *name,
                        GError           **error)
{
  g_autofree char *field = NULL;

  if (member == NULL || sp_json_type (member) == type)
    return TRUE;
  field = g_strdup_printf ("%s.%s", path, name);
  return _sp_state_invalid (error, filename, field, expected, member);
}

/* The members of one object of the document being read */
#define MEMBER(name) sp_json_member (doc, object, name)
#define STRING(name) sp_json_string (doc, sp_json_member (doc, object, name))

static gboolean
member_int (SpJsonDoc         *doc,
            const SpJsonValue *object,
            const char        *name,
            gint64             min,
            gint64             max,
            gint64            *out)
{
  const SpJsonValue *node = MEMBER (name);

  /* Written as a whole number, as the state file writes them */
  if (!sp_json_is_integer (node) || sp_json_number (node) < G_MININT64 || sp_json_number (node) >= G_MAXINT64)
    return FALSE;
  *out = (gint64) sp_json_number (node);
  return *out >= min && *out <= max;
}

static SpBlockRecord *
load_record (SpJsonDoc         *doc,
             const SpJsonValue *object,
             const char        *filename,
             const char        *path,
             GError           **error)
{
  g_autoptr(SpBlockRecord) record = NULL;
  const char *id, *topic, *kind, *date, *start, *status;
  SpRating           rating = SP_RATING_NONE;
  SpBlockKind kind_value;
  SpBlockStatus status_value;
  guint32 day;
  guint start_minute;
  gint64 minutes, done_minutes = 0;
  const SpJsonValue *pinned;
  g_autofree char *field = NULL;

  if (sp_json_type (object) != SP_JSON_OBJECT)
    {
      _sp_state_invalid (error, filename, path, _("an object"), object);
      return NULL;
    }

#define FIELD(name) (g_free (field), field = g_strdup_printf ("%s.%s", path, name))
  if ((id = STRING ("id")) == NULL || id[0] == '\0')
    {
      _sp_state_invalid (error, filename, FIELD ("id"), _("a block id"), MEMBER ("id"));
      return NULL;
    }
  if ((topic = STRING ("topic")) == NULL)
    {
      _sp_state_invalid (error, filename, FIELD ("topic"), _("a topic id"), MEMBER ("topic"));
      return NULL;
    }
  if ((kind = STRING ("kind")) == NULL || !sp_block_kind_from_string (kind, &kind_value))
    {
      _sp_state_invalid (error, filename, FIELD ("kind"), _("learn, practice, review or project"), MEMBER ("kind"));
      return NULL;
    }
  if ((date = STRING ("date")) == NULL || !sp_parse_supported_date (date, &day, NULL))
    {
      _sp_state_invalid (error, filename, FIELD ("date"), _("a date as YYYY-MM-DD from 1970-01-01 to 2200-12-31"), MEMBER ("date"));
      return NULL;
    }
  if ((start = STRING ("start")) == NULL || !sp_parse_time (start, &start_minute, NULL))
    {
      _sp_state_invalid (error, filename, FIELD ("start"), _("a time of day as HH:MM"), MEMBER ("start"));
      return NULL;
    }
  if (!member_int (doc, object, "minutes", 1, SP_MINUTES_PER_DAY - start_minute, &minutes))
    {
      _sp_state_invalid (error, filename, FIELD ("minutes"), _("a number of minutes that ends within the day"), MEMBER ("minutes"));
      return NULL;
    }
  if ((status = STRING ("status")) == NULL || !sp_block_status_from_string (status, &status_value))
    {
      _sp_state_invalid (error, filename, FIELD ("status"), _("planned, done, partial or skipped"), MEMBER ("status"));
      return NULL;
    }
  if (MEMBER ("done_minutes") != NULL &&
      !member_int (doc, object, "done_minutes", 0, minutes, &done_minutes))
    {
      _sp_state_invalid (error, filename, FIELD ("done_minutes"), _("a number of minutes within the block"), MEMBER ("done_minutes"));
      return NULL;
    }
  pinned = MEMBER ("pinned");
  if (pinned != NULL && sp_json_type (pinned) != SP_JSON_BOOLEAN)
    {
      _sp_state_invalid (error, filename, FIELD ("pinned"), _("true or false"), pinned);
      return NULL;
    }
  /* Came after format 1: absent in older files */
  if (MEMBER ("rating") != NULL && (rating = sp_rating_from_string (STRING ("rating"))) == SP_RATING_NONE)
    {
      _sp_state_invalid (error, filename, FIELD ("rating"), _("again, hard, good or easy"), MEMBER ("rating"));
      return NULL;
    }
#undef FIELD

  record = sp_block_record_new (id, topic, kind_value, day, start_minute, (guint) minutes);
  record->status = status_value;
  record->done_minutes = (guint16) done_minutes;
  record->pinned = sp_json_boolean (pinned);
  record->rating = rating;
  if (!_sp_state_load_focus (doc, MEMBER ("focus"), record, filename, path, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* Where a block record read goes: the records, or the kept ones */
typedef void (*AddRecord) (SpProgress    *progress,
                           SpBlockRecord *record);

/* The block records in the array @name of @object, each given to @add */
static gboolean
load_records (SpJsonDoc         *doc,
              const SpJsonValue *object,
              const char        *name,
              AddRecord          add,
              SpProgress        *progress,
              const char        *filename,
              const char        *path,
              GError           **error)
{
  const SpJsonValue *member = MEMBER (name);

  if (!_sp_state_check_member (member, SP_JSON_ARRAY, _("an array"), filename, path, name, error))
    return FALSE;
  for (guint i = 0; i < sp_json_length (member); i++)
    {
      g_autofree char *record_path = g_strdup_printf ("%s.%s[%u]", path, name, i);
      SpBlockRecord   *record = load_record (doc, sp_json_element (doc, member, i), filename, record_path, error);

      if (record == NULL)
        return FALSE;
      add (progress, record);
    }
  return TRUE;
}

static void
add_kept (SpProgress    *progress,
          SpBlockRecord *record)
{
  g_ptr_array_add (progress->kept, record);
}

/* The object @name of @object, of id → string (a block's note, a topic's
 * course), into @table */
static gboolean
load_string_map (SpJsonDoc         *doc,
                 const SpJsonValue *object,
                 const char        *name,
                 const char        *expected,
                 GHashTable        *table,
                 const char        *filename,
                 const char        *path,
                 GError           **error)
{
  const SpJsonValue *member = MEMBER (name);
  g_auto(SpJsonMemberIter) iter = { 0 };
  const char        *id;
  const SpJsonValue *value;

  if (!_sp_state_check_member (member, SP_JSON_OBJECT, expected, filename, path, name, error))
    return FALSE;
  if (member == NULL)
    return TRUE;
  sp_json_member_iter_init (&iter, doc, member);
  while (sp_json_member_iter_next (&iter, &id, &value))
    {
      if (sp_json_type (value) != SP_JSON_STRING)
        {
          g_autofree char *field = g_strdup_printf ("%s.%s[\"%s\"]", path, name, id);

          return _sp_state_invalid (error, filename, field, _("a string"), value);
        }
      g_hash_table_insert (table, g_strdup (id), g_strdup (sp_json_string (doc, value)));
    }
  return TRUE;
}

static SpProgress *
load_progress (SpJsonDoc         *doc,
               const SpJsonValue *object,
               const char        *filename,
               const char        *path,
               GError           **error)
{
  g_autoptr(SpProgress) progress = sp_progress_new ();
  g_autofree char *field = NULL;
  const SpJsonValue *member;

  if (sp_json_type (object) != SP_JSON_OBJECT)
    {
      _sp_state_invalid (error, filename, path, _("an object"), object);
      return NULL;
    }

  member = MEMBER ("today");
  if (member != NULL && sp_json_type (member) != SP_JSON_NULL)
    {
      const char *text = STRING ("today");

      if (text == NULL || !sp_parse_supported_date (text, &progress->planned_today, NULL))
        {
          field = g_strdup_printf ("%s.today", path);
          _sp_state_invalid (error, filename, field, _("a date as YYYY-MM-DD from 1970-01-01 to 2200-12-31"), member);
          return NULL;
        }
    }

  member = MEMBER ("track");
  if (member != NULL && sp_json_type (member) != SP_JSON_NULL)
    {
      if (STRING ("track") == NULL)
        {
          field = g_strdup_printf ("%s.track", path);
          _sp_state_invalid (error, filename, field, _("a track id"), member);
          return NULL;
        }
      progress->track = g_strdup (STRING ("track"));
    }

  if (!load_records (doc, object, "blocks", sp_progress_set_record, progress, filename, path, error) ||
      !load_records (doc, object, "kept", add_kept, progress, filename, path, error))
    return NULL;
  g_ptr_array_sort (progress->kept, sp_block_record_compare);

  if (!load_string_map (doc, object, "notes", _("an object of block id → note"), progress->notes, filename, path, error))
    return NULL;

  /* Added after format 1 was out: optional, so older files still load */
  member = MEMBER ("topic_hours");
  if (!_sp_state_check_member (member, SP_JSON_OBJECT, _("an object of topic id → hours"), filename, path, "topic_hours", error))
    return NULL;
  if (member != NULL)
    {
      g_auto(SpJsonMemberIter) iter = { 0 };
      const char *topic_id;
      const SpJsonValue *value;

      sp_json_member_iter_init (&iter, doc, member);
      while (sp_json_member_iter_next (&iter, &topic_id, &value))
        {
          double hours = sp_json_type (value) == SP_JSON_NUMBER ? sp_json_number (value) : NAN;

          if (isnan (hours) || hours <= 0 || hours > SP_TOPIC_HOURS_MAX)
            {
              g_autofree char *expected =
                /* TRANSLATORS: what a topic's hours in the state file must be, "more than 0 and at most 2000 hours" */
                g_strdup_printf (_("more than 0 and at most %.0f hours"), SP_TOPIC_HOURS_MAX);

              field = g_strdup_printf ("%s.topic_hours[\"%s\"]", path, topic_id);
              if (!isnan (hours))
                g_set_error (error, SP_STATE_ERROR, SP_STATE_ERROR_INVALID,
                             /* TRANSLATORS: "state.json: $.plans["ml"].topic_hours["la"]: expected …, found 5000" */
                             _("%s: %s: expected %s, found %g"), filename, field, expected, hours);
              else
                _sp_state_invalid (error, filename, field, expected, value);
              return NULL;
            }
          sp_progress_set_topic_hours (progress, topic_id, hours);
        }
    }

  if (!_sp_state_load_goals (doc, MEMBER ("goals"), progress, filename, path, error))
    return NULL;

  return g_steal_pointer (&progress);
}

/**
 * sp_state_new_from_bytes:
 *
 * Returns: (transfer full) (nullable): the state, or %NULL with @error
 *   naming the place that is wrong
 */
SpState *
sp_state_new_from_bytes (GBytes      *bytes,
                         const char  *filename,
                         GError     **error)
{
  g_autoptr(SpState) self = sp_state_new ();
  g_autoptr(SpJsonDoc) doc = NULL;
  g_autoptr(GError) parse_error = NULL;
  const SpJsonValue *object;
  const SpJsonValue *member;
  gint64 version;
  guint line, column;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (filename == NULL)
    filename = "state.json";

  doc = sp_json_doc_parse_bytes (bytes, &line, &column, &parse_error);
  if (doc == NULL)
    {
      if (line > 0)
        g_set_error (error, SP_STATE_ERROR, SP_STATE_ERROR_SYNTAX, _("%s: line %u, column %u: %s"),
                     filename, line, column, parse_error->message);
      else
        g_set_error (error, SP_STATE_ERROR, SP_STATE_ERROR_SYNTAX, "%s: %s", filename, parse_error->message);
      return NULL;
    }
  object = sp_json_doc_root (doc);
  if (sp_json_type (object) != SP_JSON_OBJECT)
    {
      _sp_state_invalid (error, filename, "$", _("an object"), object);
      return NULL;
    }

  member = MEMBER ("version");
  if (!sp_json_is_integer (member) || sp_json_number (member) < 1)
    {
      _sp_state_invalid (error, filename, "$.version", _("a format version number"), member);
      return NULL;
    }
  /* Past any integer is newer too */
  version = sp_json_number (member) >= (double) G_MAXINT ? G_MAXINT : (gint64) sp_json_number (member);
  if (version > SP_STATE_VERSION)
    {
      g_set_error (error, SP_STATE_ERROR, SP_STATE_ERROR_VERSION,
                   _("%s: written by a newer version of Study Planner (format %d; this version reads up to %d)"),
                   filename, (int) MIN (version, G_MAXINT), SP_STATE_VERSION);
      return NULL;
    }

  member = MEMBER ("availability");
  if (member != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      SpAvailability *availability = sp_availability_new_from_doc (doc, member, "$.availability", &local_error);

      if (availability == NULL)
        {
          g_set_error (error, SP_STATE_ERROR, SP_STATE_ERROR_INVALID, "%s: %s", filename, local_error->message);
          return NULL;
        }
      sp_availability_free (self->availability);
      self->availability = availability;
    }

  member = MEMBER ("plans");
  if (!_sp_state_check_member (member, SP_JSON_OBJECT, _("an object of plan id → progress"), filename, "$", "plans", error))
    return NULL;
  if (member != NULL)
    {
      g_auto(SpJsonMemberIter) iter = { 0 };
      const char *plan_id;
      const SpJsonValue *node;

      sp_json_member_iter_init (&iter, doc, member);
      while (sp_json_member_iter_next (&iter, &plan_id, &node))
        {
          g_autofree char *path = g_strdup_printf ("$.plans[\"%s\"]", plan_id);
          SpProgress      *progress = load_progress (doc, node, filename, path, error);

          if (progress == NULL)
            return NULL;
          g_hash_table_replace (self->progress, g_strdup (plan_id), progress);
        }
    }

  if (!load_string_map (doc, object, "courses", _("an object of topic id → course"), self->courses, filename, "$", error))
    return NULL;

  member = MEMBER ("focus_session");
  if (member != NULL && sp_json_type (member) != SP_JSON_NULL &&
      (self->focus_session = _sp_state_load_focus_session (doc, member, filename, error)) == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Sorted keys, so that the same state always writes the same bytes. */
static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

/**
 * sp_block_record_compare:
 * @a: a pointer to an #SpBlockRecord pointer
 * @b: another
 *
 * Orders records by day, start and id, for g_ptr_array_sort(): the state
 * file and the scheduler read them in one order.
 */
int
sp_block_record_compare (gconstpointer a,
                         gconstpointer b)
{
  const SpBlockRecord *ra = *(const SpBlockRecord **) a;
  const SpBlockRecord *rb = *(const SpBlockRecord **) b;

  if (ra->day != rb->day)
    return ra->day < rb->day ? -1 : 1;
  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return strcmp (ra->id, rb->id);
}

static void
add_records (JsonBuilder *builder,
             GPtrArray   *records)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    {
      SpBlockRecord   *record = g_ptr_array_index (records, i);
      g_autofree char *date = sp_format_date (record->day);
      g_autofree char *start = sp_format_time (record->start);

      json_builder_begin_object (builder);
      sp_json_builder_add_string (builder, "id", record->id);
      sp_json_builder_add_string (builder, "topic", record->topic);
      sp_json_builder_add_string (builder, "kind", sp_block_kind_to_string (record->kind));
      sp_json_builder_add_string (builder, "date", date);
      sp_json_builder_add_string (builder, "start", start);
      sp_json_builder_add_int (builder, "minutes", record->minutes);
      sp_json_builder_add_string (builder, "status", sp_block_status_to_string (record->status));
      if (record->status == SP_BLOCK_STATUS_PARTIAL)
        {
          sp_json_builder_add_int (builder, "done_minutes", record->done_minutes);
        }
      json_builder_set_member_name (builder, "pinned");
      json_builder_add_boolean_value (builder, record->pinned);
      if (record->rating != SP_RATING_NONE)
        {
          sp_json_builder_add_string (builder, "rating", sp_rating_to_string (record->rating));
        }
      if (record->focus != NULL && record->focus->len > 0)
        _sp_state_add_focus (builder, record->focus);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_progress (JsonBuilder *builder,
              SpProgress  *progress)
{
  g_autoptr(GPtrArray) records = sp_progress_dup_records (progress);
  g_autoptr(GPtrArray) note_ids = sorted_keys (progress->notes);
  g_autoptr(GPtrArray) hour_ids = sorted_keys (progress->topic_hours);

  g_ptr_array_sort (records, sp_block_record_compare);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "today");
  if (progress->planned_today != 0)
    {
      g_autofree char *today = sp_format_date (progress->planned_today);
      json_builder_add_string_value (builder, today);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "track");
  if (progress->track != NULL)
    json_builder_add_string_value (builder, progress->track);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "blocks");
  add_records (builder, records);

  /* Only when there are some, so files stay as they were for everyone else */
  if (progress->kept->len > 0)
    {
      json_builder_set_member_name (builder, "kept");
      add_records (builder, progress->kept);
    }

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_object (builder);
  for (guint i = 0; i < note_ids->len; i++)
    {
      const char *id = g_ptr_array_index (note_ids, i);
      json_builder_set_member_name (builder, id);
      json_builder_add_string_value (builder, g_hash_table_lookup (progress->notes, id));
    }
  json_builder_end_object (builder);

  /* Only when there are some, so files stay as they were for everyone else */
  if (hour_ids->len > 0)
    {
      json_builder_set_member_name (builder, "topic_hours");
      json_builder_begin_object (builder);
      for (guint i = 0; i < hour_ids->len; i++)
        {
          const char *id = g_ptr_array_index (hour_ids, i);
          json_builder_set_member_name (builder, id);
          json_builder_add_double_value (builder, sp_progress_get_topic_hours (progress, id));
        }
      json_builder_end_object (builder);
    }
  _sp_state_add_goals (builder, progress);
  json_builder_end_object (builder);
}

/**
 * sp_state_to_data:
 *
 * Returns: (transfer full): the state as pretty JSON, the same bytes for the same state
 */
char *
sp_state_to_data (SpState *self,
                  gsize   *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) plan_ids = NULL;
  g_autoptr(GPtrArray) topic_ids = NULL;

  g_return_val_if_fail (SP_IS_STATE (self), NULL);

  plan_ids = sorted_keys (self->progress);
  topic_ids = sorted_keys (self->courses);

  json_builder_begin_object (builder);
  sp_json_builder_add_int (builder, "version", SP_STATE_VERSION);
  json_builder_set_member_name (builder, "availability");
  json_builder_add_value (builder, sp_availability_to_json (self->availability));

  json_builder_set_member_name (builder, "plans");
  json_builder_begin_object (builder);
  for (guint i = 0; i < plan_ids->len; i++)
    {
      const char *plan_id = g_ptr_array_index (plan_ids, i);
      json_builder_set_member_name (builder, plan_id);
      add_progress (builder, g_hash_table_lookup (self->progress, plan_id));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "courses");
  json_builder_begin_object (builder);
  for (guint i = 0; i < topic_ids->len; i++)
    {
      const char *topic_id = g_ptr_array_index (topic_ids, i);
      json_builder_set_member_name (builder, topic_id);
      json_builder_add_string_value (builder, g_hash_table_lookup (self->courses, topic_id));
    }
  json_builder_end_object (builder);
  /* Only while a session runs, so files stay as they were for everyone else */
  if (self->focus_session != NULL)
    _sp_state_add_focus_session (builder, self->focus_session);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, length);
}

/**
 * sp_state_get_availability:
 *
 * Returns: (transfer none): the hours the user has
 */
const SpAvailability *
sp_state_get_availability (SpState *self)
{
  g_return_val_if_fail (SP_IS_STATE (self), NULL);
  return self->availability;
}

void
sp_state_set_availability (SpState              *self,
                           const SpAvailability *availability)
{
  g_return_if_fail (SP_IS_STATE (self));
  g_return_if_fail (availability != NULL);

  if (availability == self->availability)
    return;
  sp_availability_free (self->availability);
  self->availability = sp_availability_copy (availability);
}

/**
 * sp_state_get_progress:
 *
 * Returns: (transfer none): the progress on @plan_id, made empty when new
 */
SpProgress *
sp_state_get_progress (SpState    *self,
                       const char *plan_id)
{
  SpProgress *progress;

  g_return_val_if_fail (SP_IS_STATE (self), NULL);

  if (plan_id == NULL)
    plan_id = "";
  progress = g_hash_table_lookup (self->progress, plan_id);
  if (progress == NULL)
    {
      progress = sp_progress_new ();
      g_hash_table_insert (self->progress, g_strdup (plan_id), progress);
    }
  return progress;
}

/**
 * sp_state_set_progress:
 * @progress: (transfer full): replaces the progress on @plan_id
 */
void
sp_state_set_progress (SpState    *self,
                       const char *plan_id,
                       SpProgress *progress)
{
  g_return_if_fail (SP_IS_STATE (self));
  g_return_if_fail (progress != NULL);

  g_hash_table_replace (self->progress, g_strdup (plan_id ? plan_id : ""), progress);
}

const char *
sp_state_get_course (SpState    *self,
                     const char *topic_id)
{
  g_return_val_if_fail (SP_IS_STATE (self), NULL);
  g_return_val_if_fail (topic_id != NULL, NULL);
  return g_hash_table_lookup (self->courses, topic_id);
}

/**
 * sp_state_set_course:
 * @course_json: (nullable): %NULL detaches the course
 */
void
sp_state_set_course (SpState    *self,
                     const char *topic_id,
                     const char *course_json)
{
  g_return_if_fail (SP_IS_STATE (self));
  g_return_if_fail (topic_id != NULL);

  if (course_json == NULL)
    g_hash_table_remove (self->courses, topic_id);
  else
    g_hash_table_replace (self->courses, g_strdup (topic_id), g_strdup (course_json));
}

/**
 * sp_state_dup_course_topics:
 *
 * Returns: (transfer full): the topic ids with a course attached, sorted
 */
GStrv
sp_state_dup_course_topics (SpState *self)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SP_IS_STATE (self), NULL);

  keys = sorted_keys (self->courses);
  for (guint i = 0; i < keys->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (keys, i));
  return g_strv_builder_end (builder);
}

/**
 * sp_state_get_focus_session:
 *
 * Returns: (transfer none) (nullable): the focus session that was running
 *   when the state was saved
 */
const SpFocusSaved *
sp_state_get_focus_session (SpState *self)
{
  g_return_val_if_fail (SP_IS_STATE (self), NULL);
  return self->focus_session;
}

/**
 * sp_state_set_focus_session:
 * @saved: (nullable): %NULL when no session runs
 */
void
sp_state_set_focus_session (SpState            *self,
                            const SpFocusSaved *saved)
{
  g_return_if_fail (SP_IS_STATE (self));

  if (saved == self->focus_session)
    return;
  g_clear_pointer (&self->focus_session, sp_focus_saved_free);
  if (saved != NULL)
    self->focus_session = sp_focus_saved_copy (saved);
}
