/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-file-utils.h"
#include "sp-json-doc.h"
#include "sp-plan-private.h"

/* Reading and validating a plan file: every problem with its JSON path. */

#define SP_PLAN_FORMAT        1
#define SP_PLAN_MAX_HOURS     2000.0
#define SP_PLAN_MAX_MONTHS    240
#define SP_PLAN_MAX_TOPICS    200000
/* Each level and track is a section of the Path view, made whole */
#define SP_PLAN_MAX_LEVELS    100
#define SP_PLAN_MAX_TRACKS    100
/* Labels lay out every character: a title is a line, a description a paragraph */
#define SP_PLAN_MAX_TITLE     200
#define SP_PLAN_MAX_TEXT      2000
#define SP_PLAN_BUNDLED       "/io/github/studyplanner/StudyPlanner/plans/ml-career.json"

G_DEFINE_QUARK (sp-plan-error-quark, sp_plan_error)

/* Loading context: problems are collected, not stopped at, so a user sees them all. */
typedef struct
{
  SpJsonDoc  *doc;
  SpPlan     *plan;
  GPtrArray  *problems;
  GHashTable *id_paths; /* topic id → JSON path of its first definition */
  GHashTable *topic_paths; /* SpTopic* → JSON path */
} Loader;

void
sp_plan_problem_free (SpPlanProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (Loader     *loader,
             const char *path,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (Loader     *loader,
             const char *path,
             const char *format,
             ...)
{
  SpPlanProblem *problem = g_new0 (SpPlanProblem, 1);
  va_list args;

  va_start (args, format);
  problem->path = g_strdup (path);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (loader->problems, problem);
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0])))
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return strlen (id) <= 64;
}

static gboolean
web_link (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0;
}

static const SpJsonValue *
member (Loader            *loader,
        const SpJsonValue *object,
        const char        *name)
{
  return sp_json_member (loader->doc, object, name);
}

static gboolean
is_type (const SpJsonValue *value,
         SpJsonType         type)
{
  return value != NULL && sp_json_type (value) == type;
}

static gboolean
is_string (const SpJsonValue *value)
{
  return is_type (value, SP_JSON_STRING);
}

static gboolean
is_number (const SpJsonValue *value)
{
  return is_type (value, SP_JSON_NUMBER);
}

static char *
get_string (Loader            *loader,
            const SpJsonValue *object,
            const char        *path,
            const char        *name,
            gboolean           required)
{
  const SpJsonValue *node = member (loader, object, name);

  if (node == NULL || (!required && is_type (node, SP_JSON_NULL)))
    {
      if (required)
        add_problem (loader, path, _("missing field “%s”: expected a string"), name);
      return NULL;
    }
  if (!is_string (node))
    {
      g_autofree char *field_path = g_strdup_printf ("%s.%s", path, name);
      add_problem (loader, field_path, _("expected a string, found %s"), sp_json_describe (node));
      return NULL;
    }
  return g_strdup (sp_json_string (loader->doc, node));
}

static char *
get_id (Loader            *loader,
        const SpJsonValue *object,
        const char        *path)
{
  g_autofree char *id = get_string (loader, object, path, "id", TRUE);

  if (id != NULL && !valid_id (id))
    {
      g_autofree char *field_path = g_strdup_printf ("%s.id", path);
      add_problem (loader, field_path,
                   _("“%s” is not a valid id: use lower-case letters, digits and “-”, at most 64"),
                   id);
      return NULL;
    }
  return g_steal_pointer (&id);
}

static gboolean
check_length (Loader     *loader,
              const char *path,
              const char *name,
              const char *value)
{
  glong max = g_str_equal (name, "title") ? SP_PLAN_MAX_TITLE : SP_PLAN_MAX_TEXT;
  glong length = g_utf8_strlen (value, -1);

  if (length <= max)
    return TRUE;
  add_problem (loader, path, _("too long: %ld characters, at most %ld"), length, max);
  return FALSE;
}

/* A LOC is a string, or an object of language → string with "en" required. */
static SpText *
get_text (Loader            *loader,
          const SpJsonValue *object,
          const char        *path,
          const char        *name,
          gboolean           required)
{
  const SpJsonValue *node = member (loader, object, name);
  g_autofree char *field_path = g_strdup_printf ("%s.%s", path, name);
  SpText *text;

  if (node == NULL || (!required && is_type (node, SP_JSON_NULL)))
    {
      if (required)
        add_problem (loader, path, _("missing field “%s”: expected a string or an object of translations"), name);
      return NULL;
    }

  if (is_string (node))
    {
      if (!check_length (loader, field_path, name, sp_json_string (loader->doc, node)))
        return NULL;
      text = g_new0 (SpText, 1);
      text->en = g_strdup (sp_json_string (loader->doc, node));
      return text;
    }

  if (is_type (node, SP_JSON_OBJECT))
    {
      const SpJsonValue *translations = node;
      g_auto(SpJsonMemberIter) iter = { 0 };
      const char *lang;
      const SpJsonValue *value;
      gboolean ok = TRUE;

      sp_json_member_iter_init (&iter, loader->doc, translations);
      while (sp_json_member_iter_next (&iter, &lang, &value))
        {
          if (!is_string (value))
            {
              add_problem (loader, field_path, _("translation “%s” must be a string, found %s"), lang, sp_json_describe (value));
              ok = FALSE;
            }
          else
            {
              g_autofree char *lang_path = g_strdup_printf ("%s.%s", field_path, lang);

              if (!check_length (loader, lang_path, name, sp_json_string (loader->doc, value)))
                ok = FALSE;
            }
        }
      if (!is_string (member (loader, translations, "en")))
        {
          if (ok)
            add_problem (loader, field_path, _("translations need an “en” text"));
          return NULL;
        }
      if (!ok)
        return NULL;

      text = g_new0 (SpText, 1);
      text->en = g_strdup (sp_json_string (loader->doc, member (loader, translations, "en")));
      text->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      sp_json_member_iter_clear (&iter);
      sp_json_member_iter_init (&iter, loader->doc, translations);
      while (sp_json_member_iter_next (&iter, &lang, &value))
        if (!g_str_equal (lang, "en"))
          g_hash_table_insert (text->translations, g_strdup (lang),
                               g_strdup (sp_json_string (loader->doc, value)));
      return text;
    }

  add_problem (loader, field_path, _("expected a string or an object of translations, found %s"), sp_json_describe (node));
  return NULL;
}

static GStrv
get_string_array (Loader            *loader,
                  const SpJsonValue *object,
                  const char        *path,
                  const char        *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const SpJsonValue *node = member (loader, object, name);
  g_autofree char *field_path = g_strdup_printf ("%s.%s", path, name);
  const SpJsonValue *array;

  if (node == NULL || is_type (node, SP_JSON_NULL))
    return g_strv_builder_end (builder);

  if (!is_type (node, SP_JSON_ARRAY))
    {
      add_problem (loader, field_path, _("expected an array of strings, found %s"), sp_json_describe (node));
      return g_strv_builder_end (builder);
    }

  array = node;
  for (guint i = 0; i < sp_json_length (array); i++)
    {
      const SpJsonValue *element = sp_json_element (loader->doc, array, i);

      if (!is_string (element))
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", field_path, i);
          add_problem (loader, element_path, _("expected a string, found %s"), sp_json_describe (element));
          continue;
        }
      g_strv_builder_add (builder, sp_json_string (loader->doc, element));
    }

  return g_strv_builder_end (builder);
}

static const SpJsonValue *
get_array (Loader            *loader,
           const SpJsonValue *object,
           const char        *path,
           const char        *name,
           gboolean           required)
{
  const SpJsonValue *node = member (loader, object, name);

  if (node == NULL || (!required && is_type (node, SP_JSON_NULL)))
    {
      if (required)
        add_problem (loader, path, _("missing field “%s”: expected an array"), name);
      return NULL;
    }
  if (!is_type (node, SP_JSON_ARRAY))
    {
      g_autofree char *field_path = g_strdup_printf ("%s.%s", path, name);
      add_problem (loader, field_path, _("expected an array, found %s"), sp_json_describe (node));
      return NULL;
    }
  return node;
}

static const SpJsonValue *
element_object (Loader            *loader,
                const SpJsonValue *array,
                guint              index,
                const char        *path)
{
  const SpJsonValue *node = sp_json_element (loader->doc, array, index);

  if (!is_type (node, SP_JSON_OBJECT))
    {
      add_problem (loader, path, _("expected an object, found %s"), sp_json_describe (node));
      return NULL;
    }
  return node;
}

static gboolean
get_months (Loader            *loader,
            const SpJsonValue *object,
            const char        *path,
            const char        *name,
            gboolean           required,
            int               *out)
{
  const SpJsonValue *node = member (loader, object, name);
  g_autofree char *field_path = g_strdup_printf ("%s.%s", path, name);
  double value;

  if (node == NULL || is_type (node, SP_JSON_NULL))
    {
      if (required)
        add_problem (loader, path, _("missing field “%s”: expected a whole number of months"), name);
      return FALSE;
    }
  if (!is_number (node))
    {
      add_problem (loader, field_path, _("expected a whole number of months, found %s"), sp_json_describe (node));
      return FALSE;
    }
  value = sp_json_number (node);
  if (value != floor (value) || value < 0 || value > SP_PLAN_MAX_MONTHS)
    {
      add_problem (loader, field_path, _("%g is not a number of months from 0 to %d"),
                   value, SP_PLAN_MAX_MONTHS);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}

static SpTopic *
load_topic (Loader            *loader,
            const SpJsonValue *object,
            const char        *path,
            SpTopicCategory    category,
            guint              level)
{
  g_autofree char *id = get_id (loader, object, path);
  SpTopic *topic;
  const SpJsonValue *hours = member (loader, object, "hours");
  const SpJsonValue *tasks = member (loader, object, "tasks");
  g_autofree char *hours_path = g_strdup_printf ("%s.hours", path);
  g_autofree char *tasks_path = g_strdup_printf ("%s.tasks", path);

  topic = g_new0 (SpTopic, 1);
  topic->category = category;
  topic->level = level;
  topic->title = get_text (loader, object, path, "title", TRUE);
  topic->stream = get_string (loader, object, path, "stream", FALSE);
  topic->prerequisites = get_string_array (loader, object, path, "prerequisites");
  topic->keywords = get_string_array (loader, object, path, "keywords");

  if (hours == NULL)
    add_problem (loader, path, _("missing field “%s”: expected a number of hours"), "hours");
  else if (!is_number (hours))
    add_problem (loader, hours_path, _("expected a number of hours, found %s"), sp_json_describe (hours));
  else
    {
      double value = sp_json_number (hours);

      if (!(value > 0))
        add_problem (loader, hours_path, _("hours must be more than 0, found %g"), value);
      else if (value > SP_PLAN_MAX_HOURS)
        add_problem (loader, hours_path, _("%g hours is not a believable estimate for one topic: at most %g"),
                     value, SP_PLAN_MAX_HOURS);
      else
        topic->hours = value;
    }

  if (tasks == NULL)
    add_problem (loader, path, _("missing field “%s”: expected an object with “read”, “practice” or “project”"),
                 "tasks");
  else if (!is_type (tasks, SP_JSON_OBJECT))
    add_problem (loader, tasks_path, _("expected an object with “read”, “practice” or “project”, found %s"), sp_json_describe (tasks));
  else
    {
      const SpJsonValue *tasks_object = tasks;

      topic->task_read = get_text (loader, tasks_object, tasks_path, "read", FALSE);
      topic->task_practice = get_text (loader, tasks_object, tasks_path, "practice", FALSE);
      topic->task_project = get_text (loader, tasks_object, tasks_path, "project", FALSE);
      if (!member (loader, tasks_object, "read") &&
          !member (loader, tasks_object, "practice") &&
          !member (loader, tasks_object, "project"))
        add_problem (loader, tasks_path, _("give at least one of “read”, “practice” or “project”"));
    }

  if (id != NULL)
    {
      const char *first = g_hash_table_lookup (loader->id_paths, id);

      if (first != NULL)
        {
          g_autofree char *id_path = g_strdup_printf ("%s.id", path);
          add_problem (loader, id_path, _("duplicate id “%s”, first used at %s"), id, first);
        }
      else
        g_hash_table_insert (loader->id_paths, g_strdup (id), g_strdup (path));
    }
  topic->id = g_steal_pointer (&id);

  topic->index = loader->plan->topics->len;
  g_ptr_array_add (loader->plan->topics, topic);
  g_hash_table_insert (loader->topic_paths, topic, g_strdup (path));
  if (topic->id != NULL && !g_hash_table_contains (loader->plan->topic_by_id, topic->id))
    g_hash_table_insert (loader->plan->topic_by_id, topic->id, topic);

  return topic;
}

static void
load_topics (Loader            *loader,
             const SpJsonValue *array,
             const char        *path,
             guint              level,
             const char        *track,
             GPtrArray         *into)
{
  for (guint i = 0; array != NULL && i < sp_json_length (array); i++)
    {
      g_autofree char *topic_path = g_strdup_printf ("%s[%u]", path, i);
      const SpJsonValue *object = element_object (loader, array, i, topic_path);
      SpTopic *topic;

      if (object == NULL)
        continue;
      topic = load_topic (loader, object, topic_path, SP_TOPIC_CATEGORY_TOPIC, level);
      topic->track = track;
      g_ptr_array_add (into, topic);
    }
}

static void
load_level (Loader            *loader,
            const SpJsonValue *object,
            const char        *path,
            guint              index)
{
  SpLevel *level = g_new0 (SpLevel, 1);
  g_autofree char *topics_path = g_strdup_printf ("%s.topics", path);
  g_autofree char *tracks_path = g_strdup_printf ("%s.tracks", path);
  const SpJsonValue *topics, *tracks;
  int min_months = 0;

  level->number = index + 1;
  level->max_months = -1;
  level->topics = g_ptr_array_new ();
  level->tracks = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_track_free);
  level->woven = g_ptr_array_new ();
  g_ptr_array_add (loader->plan->levels, level);

  level->id = get_id (loader, object, path);
  if (level->id != NULL)
    for (guint i = 0; i < index; i++)
      {
        SpLevel *other = g_ptr_array_index (loader->plan->levels, i);
        if (g_strcmp0 (other->id, level->id) == 0)
          {
            g_autofree char *id_path = g_strdup_printf ("%s.id", path);
            add_problem (loader, id_path, _("duplicate level id “%s”, first used at $.levels[%u]"),
                         level->id, i);
          }
      }
  level->title = get_text (loader, object, path, "title", TRUE);
  level->description = get_text (loader, object, path, "description", FALSE);
  if (get_months (loader, object, path, "min_months", TRUE, &min_months))
    level->min_months = (guint) min_months;
  if (get_months (loader, object, path, "max_months", FALSE, &level->max_months) &&
      level->max_months < min_months)
    {
      g_autofree char *max_path = g_strdup_printf ("%s.max_months", path);
      add_problem (loader, max_path, _("max_months (%d) is less than min_months (%d)"),
                   level->max_months, min_months);
    }

  topics = get_array (loader, object, path, "topics", FALSE);
  tracks = get_array (loader, object, path, "tracks", FALSE);
  if (tracks != NULL && sp_json_length (tracks) > SP_PLAN_MAX_TRACKS)
    {
      add_problem (loader, tracks_path,
                   ngettext ("%u track is more than Study Planner can show in a level (at most %u)",
                             "%u tracks is more than Study Planner can show in a level (at most %u)",
                             sp_json_length (tracks)),
                   sp_json_length (tracks), SP_PLAN_MAX_TRACKS);
      tracks = NULL;
    }
  if (!member (loader, object, "topics") && !member (loader, object, "tracks"))
    add_problem (loader, path, _("a level needs “topics”, “tracks” or both"));

  load_topics (loader, topics, topics_path, index, NULL, level->topics);

  for (guint i = 0; tracks != NULL && i < sp_json_length (tracks); i++)
    {
      g_autofree char *track_path = g_strdup_printf ("%s[%u]", tracks_path, i);
      g_autofree char *track_topics_path = g_strdup_printf ("%s.topics", track_path);
      const SpJsonValue *track_object = element_object (loader, tracks, i, track_path);
      SpTrack *track;

      if (track_object == NULL)
        continue;

      track = g_new0 (SpTrack, 1);
      track->level = index;
      track->topics = g_ptr_array_new ();
      track->id = get_id (loader, track_object, track_path);
      track->title = get_text (loader, track_object, track_path, "title", TRUE);
      track->description = get_text (loader, track_object, track_path, "description", FALSE);
      g_ptr_array_add (level->tracks, track);

      if (track->id != NULL && sp_plan_lookup_track (loader->plan, track->id) != track)
        {
          g_autofree char *id_path = g_strdup_printf ("%s.id", track_path);
          add_problem (loader, id_path, _("duplicate track id “%s”"), track->id);
        }

      load_topics (loader,
                   get_array (loader, track_object, track_path, "topics", TRUE),
                   track_topics_path, index, track->id, track->topics);
    }
}

static void
load_woven (Loader            *loader,
            const SpJsonValue *root,
            const char        *name,
            SpTopicCategory    category)
{
  g_autofree char *path = g_strdup_printf ("$.%s", name);
  const SpJsonValue *array = get_array (loader, root, "$", name, FALSE);

  for (guint i = 0; array != NULL && i < sp_json_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      const SpJsonValue *object = element_object (loader, array, i, item_path);
      g_autofree char *level_id = NULL;
      const SpLevel *level = NULL;
      SpTopic *topic;

      if (object == NULL)
        continue;

      level_id = get_string (loader, object, item_path, "level", TRUE);
      if (level_id != NULL)
        {
          level = sp_plan_lookup_level (loader->plan, level_id);
          if (level == NULL)
            {
              g_autoptr(GString) known = g_string_new (NULL);
              g_autofree char *level_path = g_strdup_printf ("%s.level", item_path);

              for (guint l = 0; l < loader->plan->levels->len; l++)
                {
                  SpLevel *known_level = g_ptr_array_index (loader->plan->levels, l);
                  if (known_level->id == NULL || sp_plan_lookup_level (loader->plan, known_level->id) != known_level)
                    continue;
                  if (known->len > 0)
                    g_string_append (known, ", ");
                  g_string_append (known, known_level->id);
                }
              if (known->len > 0)
                add_problem (loader, level_path, _("unknown level “%s”: expected one of %s"),
                             level_id, known->str);
              else
                add_problem (loader, level_path, _("unknown level “%s”: the plan has no valid levels"),
                             level_id);
            }
        }

      topic = load_topic (loader, object, item_path, category, level ? level->number - 1 : 0);
      if (level != NULL)
        g_ptr_array_add (((SpLevel *) level)->woven, topic);
    }
}

/* Prerequisites must exist, point to the same or an earlier level, stay in one track, and form no cycle. */
static void
check_prerequisites (Loader *loader)
{
  GPtrArray *topics = loader->plan->topics;
  g_autofree guint8 *color = g_new0 (guint8, topics->len); /* 0 white, 1 on stack, 2 done */
  g_autofree guint *stack = g_new0 (guint, topics->len);
  g_autofree guint *next_edge = g_new0 (guint, topics->len);

  for (guint i = 0; i < topics->len; i++)
    {
      SpTopic *topic = g_ptr_array_index (topics, i);
      const char *path = g_hash_table_lookup (loader->topic_paths, topic);

      for (guint p = 0; topic->prerequisites[p] != NULL; p++)
        {
          const char *name = topic->prerequisites[p];
          SpTopic *prereq = g_hash_table_lookup (loader->plan->topic_by_id, name);
          g_autofree char *prereq_path = g_strdup_printf ("%s.prerequisites[%u]", path, p);

          if (prereq == NULL)
            add_problem (loader, prereq_path, _("prerequisite “%s” names no topic"), name);
          else if (prereq == topic)
            add_problem (loader, prereq_path, _("topic “%s” cannot be its own prerequisite"), name);
          else if (prereq->level > topic->level)
            add_problem (loader, prereq_path, _("prerequisite “%s” is in a later level"), name);
          else if (prereq->track != NULL && g_strcmp0 (prereq->track, topic->track) != 0)
            add_problem (loader, prereq_path, _("prerequisite “%s” belongs to track “%s”, which this topic may not follow"),
                         name, prereq->track);
        }
    }

  /* Iterative depth-first search, so deep chains cannot overflow the stack. */
  for (guint start = 0; start < topics->len; start++)
    {
      guint depth = 0;

      if (color[start] != 0)
        continue;

      stack[depth++] = start;
      color[start] = 1;
      next_edge[start] = 0;

      while (depth > 0)
        {
          guint current = stack[depth - 1];
          SpTopic *topic = g_ptr_array_index (topics, current);
          const char *name = topic->prerequisites[next_edge[current]];
          SpTopic *prereq;

          if (name == NULL)
            {
              color[current] = 2;
              depth--;
              continue;
            }
          next_edge[current]++;

          prereq = g_hash_table_lookup (loader->plan->topic_by_id, name);
          if (prereq == NULL || prereq == topic)
            continue;

          if (color[prereq->index] == 1)
            {
              g_autoptr(GString) cycle = g_string_new (NULL);
              guint from = depth;

              while (from > 0 && stack[from - 1] != prereq->index)
                from--;
              for (guint s = from - 1; s < depth; s++)
                {
                  SpTopic *t = g_ptr_array_index (topics, stack[s]);
                  g_string_append_printf (cycle, "%s → ", t->id);
                }
              g_string_append (cycle, prereq->id);
              add_problem (loader, g_hash_table_lookup (loader->topic_paths, prereq),
                           _("prerequisite cycle: %s"), cycle->str);
            }
          else if (color[prereq->index] == 0)
            {
              color[prereq->index] = 1;
              next_edge[prereq->index] = 0;
              stack[depth++] = prereq->index;
            }
        }
    }
}

static char *
format_problems (const char *filename,
                 GPtrArray  *problems)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      SpPlanProblem *problem = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append_c (str, '\n');
      g_string_append_printf (str, "%s: %s: %s", filename, problem->path, problem->message);
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}

/**
 * sp_plan_new_from_bytes:
 * @bytes: the plan file's contents
 * @filename: the name to report problems with
 * @problems: (out) (optional) (transfer full) (element-type SpPlanProblem): every problem found
 * @error: the first problem, or all of them for %SP_PLAN_ERROR_INVALID, one per line
 *
 * Parses and validates a plan. Validation goes on after a problem so that
 * all of them are reported at once.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
SpPlan *
sp_plan_new_from_bytes (GBytes      *bytes,
                        const char  *filename,
                        GPtrArray  **problems,
                        GError     **error)
{
  g_autoptr(SpPlan) self = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_plan_problem_free);
  g_autoptr(GHashTable) id_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) topic_paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(SpJsonDoc) doc = NULL;
  const SpJsonValue *root;
  g_autoptr(GError) parse_error = NULL;
  Loader loader = { 0 };
  const SpJsonValue *object;
  const SpJsonValue *levels;
  const SpJsonValue *format;
  guint line, column;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (filename == NULL)
    filename = "<plan>";
  if (problems)
    *problems = NULL;

  self = g_object_new (SP_TYPE_PLAN, NULL);
  self->filename = g_strdup (filename);
  loader.plan = self;
  loader.problems = found;
  loader.id_paths = id_paths;
  loader.topic_paths = topic_paths;

  doc = sp_json_doc_parse_bytes (bytes, &line, &column, &parse_error);
  if (doc == NULL)
    {
      g_autofree char *place = line > 0
        ? g_strdup_printf (_("line %u, column %u"), line, column)
        : g_strdup ("$");

      add_problem (&loader, place, "%s", parse_error->message);
      g_set_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_SYNTAX, "%s: %s: %s",
                   filename, place, parse_error->message);
      if (problems)
        *problems = g_steal_pointer (&found);
      return NULL;
    }

  loader.doc = doc;
  root = sp_json_doc_root (doc);
  if (!is_type (root, SP_JSON_OBJECT))
    {
      add_problem (&loader, "$", _("expected an object, found %s"), sp_json_describe (root));
      goto invalid;
    }
  object = root;

  format = member (&loader, object, "format");
  if (format == NULL)
    add_problem (&loader, "$", _("missing field “%s”: expected the format version %d"), "format", SP_PLAN_FORMAT);
  else if (!is_number (format) || sp_json_number (format) != floor (sp_json_number (format)))
    add_problem (&loader, "$.format", _("expected the format version %d, found %s"), SP_PLAN_FORMAT, sp_json_describe (format));
  /* Compared as a double: a version such as 1e300 does not fit an integer */
  else if (sp_json_number (format) > SP_PLAN_FORMAT)
    {
      add_problem (&loader, "$.format",
                   _("format %g is newer than this version of Study Planner understands (%d)"),
                      sp_json_number (format), SP_PLAN_FORMAT);
      g_set_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_VERSION, "%s: $.format: %s", filename,
                   ((SpPlanProblem *) g_ptr_array_index (found, found->len - 1))->message);
      if (problems)
        *problems = g_steal_pointer (&found);
      return NULL;
    }
  else if (sp_json_number (format) < 1)
    add_problem (&loader, "$.format", _("expected the format version %d, found %g"), SP_PLAN_FORMAT, sp_json_number (format));

  self->id = get_id (&loader, object, "$");
  self->title = get_text (&loader, object, "$", "title", TRUE);
  self->description = get_text (&loader, object, "$", "description", FALSE);
  self->author = get_string (&loader, object, "$", "author", FALSE);
  self->url = get_string (&loader, object, "$", "url", FALSE);
  if (self->url != NULL && !web_link (self->url))
    {
      /* Whatever shows it may offer to open it: only a web page, never file: or a program's scheme */
      add_problem (&loader, "$.url", _("“%s” is not a web link: expected an http:// or https:// address"),
                   self->url);
      g_clear_pointer (&self->url, g_free);
    }

  /* How long the whole path typically takes (optional), shown beside its projected length */
  if (get_months (&loader, object, "$", "min_months", FALSE, &self->min_months) &&
      get_months (&loader, object, "$", "max_months", FALSE, &self->max_months) &&
      self->max_months < self->min_months)
    add_problem (&loader, "$.max_months", _("max_months (%d) is less than min_months (%d)"), self->max_months, self->min_months);

  levels = get_array (&loader, object, "$", "levels", TRUE);
  if (levels != NULL && sp_json_length (levels) > SP_PLAN_MAX_LEVELS)
    {
      add_problem (&loader, "$.levels",
                   ngettext ("%u level is more than Study Planner can show (at most %u)",
                             "%u levels is more than Study Planner can show (at most %u)",
                             sp_json_length (levels)),
                   sp_json_length (levels), SP_PLAN_MAX_LEVELS);
      levels = NULL;
    }
  if (levels != NULL && sp_json_length (levels) == 0)
    add_problem (&loader, "$.levels", _("a plan needs at least one level"));

  for (guint i = 0; levels != NULL && i < sp_json_length (levels); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.levels[%u]", i);
      const SpJsonValue *level_object = element_object (&loader, levels, i, path);

      if (level_object != NULL)
        load_level (&loader, level_object, path, i);
    }

  load_woven (&loader, object, "skills", SP_TOPIC_CATEGORY_SKILL);
  load_woven (&loader, object, "milestones", SP_TOPIC_CATEGORY_MILESTONE);
  load_woven (&loader, object, "interview", SP_TOPIC_CATEGORY_INTERVIEW);

  if (self->topics->len > SP_PLAN_MAX_TOPICS)
    add_problem (&loader, "$", _("%u topics is more than Study Planner can plan (at most %u)"),
                 self->topics->len, SP_PLAN_MAX_TOPICS);

  if (found->len == 0)
    check_prerequisites (&loader);

  if (found->len == 0 && self->topics->len == 0)
    add_problem (&loader, "$.levels", _("the plan has no topics"));

invalid:
  if (found->len > 0)
    {
      g_autofree char *message = format_problems (filename, found);

      g_set_error_literal (error, SP_PLAN_ERROR, SP_PLAN_ERROR_INVALID, message);
      if (problems)
        *problems = g_steal_pointer (&found);
      return NULL;
    }

  if (problems)
    *problems = g_steal_pointer (&found);
  return g_steal_pointer (&self);
}

/**
 * sp_plan_new_from_file:
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
SpPlan *
sp_plan_new_from_file (GFile      *file,
                       GPtrArray **problems,
                       GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_path (file);

  if (name == NULL)
    name = g_file_get_uri (file);
  if (problems)
    *problems = NULL;

  bytes = sp_file_read_gfile (file, SP_FILE_MAX_PLAN_SIZE, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_READ, "%s: %s", name, local_error->message);
      if (problems)
        {
          SpPlanProblem *problem = g_new0 (SpPlanProblem, 1);

          problem->path = g_strdup ("$");
          problem->message = g_strdup (local_error->message);
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_plan_problem_free);
          g_ptr_array_add (*problems, problem);
        }
      return NULL;
    }

  return sp_plan_new_from_bytes (bytes, name, problems, error);
}

/**
 * sp_plan_new_bundled:
 *
 * Returns: (transfer full): the machine-learning path shipped in the resources
 */
SpPlan *
sp_plan_new_bundled (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SpPlan *plan;

  bytes = g_resources_lookup_data (SP_PLAN_BUNDLED, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The bundled plan is missing from the resources: %s", error->message);

  plan = sp_plan_new_from_bytes (bytes, "ml-career.json", NULL, &error);
  if (plan == NULL)
    g_error ("The bundled plan is invalid: %s", error->message);

  return plan;
}
