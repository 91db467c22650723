/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-plan-private.h"

/* The plan model: a validated, immutable plan and what it is asked. Making
 * one from a file is the loader's (sp-plan-loader.c). */

G_DEFINE_FINAL_TYPE (SpPlan, sp_plan, G_TYPE_OBJECT)

void
sp_text_free (SpText *text)
{
  if (text == NULL)
    return;
  g_free (text->en);
  g_clear_pointer (&text->translations, g_hash_table_unref);
  g_free (text);
}

const char *
sp_text_get_lang (const SpText *text,
                  const char   *lang)
{
  const char *found;

  if (text == NULL)
    return NULL;
  if (lang == NULL || text->translations == NULL)
    return text->en;
  found = g_hash_table_lookup (text->translations, lang);
  return found ? found : text->en;
}

/**
 * sp_text_get:
 *
 * Returns: (transfer none): the best translation for the user's languages
 */
const char *
sp_text_get (const SpText *text)
{
  const char * const *langs;

  if (text == NULL)
    return NULL;
  if (text->translations == NULL)
    return text->en;

  langs = g_get_language_names ();
  for (guint i = 0; langs[i] != NULL; i++)
    {
      const char *found;

      if (g_str_equal (langs[i], "C") || g_str_has_prefix (langs[i], "en"))
        return text->en;
      found = g_hash_table_lookup (text->translations, langs[i]);
      if (found != NULL)
        return found;
    }

  return text->en;
}

void
sp_topic_free (SpTopic *topic)
{
  g_free (topic->id);
  sp_text_free (topic->title);
  g_free (topic->stream);
  g_strfreev (topic->prerequisites);
  g_strfreev (topic->keywords);
  sp_text_free (topic->task_read);
  sp_text_free (topic->task_practice);
  sp_text_free (topic->task_project);
  g_free (topic);
}

void
sp_track_free (SpTrack *track)
{
  g_free (track->id);
  sp_text_free (track->title);
  sp_text_free (track->description);
  g_ptr_array_unref (track->topics);
  g_free (track);
}

void
sp_level_free (SpLevel *level)
{
  g_free (level->id);
  sp_text_free (level->title);
  sp_text_free (level->description);
  g_ptr_array_unref (level->topics);
  g_ptr_array_unref (level->tracks);
  g_ptr_array_unref (level->woven);
  g_free (level);
}
static void
sp_plan_finalize (GObject *object)
{
  SpPlan *self = (SpPlan *)object;

  g_clear_pointer (&self->topic_by_id, g_hash_table_unref);
  g_clear_pointer (&self->levels, g_ptr_array_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->title, sp_text_free);
  g_clear_pointer (&self->description, sp_text_free);
  g_free (self->filename);
  g_free (self->id);
  g_free (self->author);
  g_free (self->url);

  G_OBJECT_CLASS (sp_plan_parent_class)->finalize (object);
}

static void
sp_plan_class_init (SpPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_plan_finalize;
}

static void
sp_plan_init (SpPlan *self)
{
  self->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_level_free);
  self->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_topic_free);
  self->topic_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->min_months = -1;
  self->max_months = -1;
}


const char *
sp_plan_get_id (SpPlan *self)
{
  g_return_val_if_fail (SP_IS_PLAN (self), NULL);
  return self->id;
}

const char *
sp_plan_get_title (SpPlan *self)
{
  g_return_val_if_fail (SP_IS_PLAN (self), NULL);
  return sp_text_get (self->title);
}

const char *
sp_plan_get_description (SpPlan *self)
{
  g_return_val_if_fail (SP_IS_PLAN (self), NULL);
  return sp_text_get (self->description);
}

const char *
sp_plan_get_author (SpPlan *self)
{
  g_return_val_if_fail (SP_IS_PLAN (self), NULL);
  return self->author;
}

const char *
sp_plan_get_url (SpPlan *self)
{
  g_return_val_if_fail (SP_IS_PLAN (self), NULL);
  return self->url;
}

/**
 * sp_plan_get_months:
 * @min_months: (out): the fewest months the whole path typically takes
 * @max_months: (out): the most; -1 when open ended
 *
 * Returns: whether the plan says how long the whole path typically takes
 */
gboolean
sp_plan_get_months (SpPlan *self,
                    guint  *min_months,
                    int    *max_months)
{
  g_return_val_if_fail (SP_IS_PLAN (self), FALSE);

  if (self->min_months < 0)
    return FALSE;
  *min_months = (guint) self->min_months;
  *max_months = self->max_months;
  return TRUE;
}

const char *
sp_plan_get_filename (SpPlan *self)
{
  g_return_val_if_fail (SP_IS_PLAN (self), NULL);
  return self->filename;
}

guint
sp_plan_get_n_levels (SpPlan *self)
{
  g_return_val_if_fail (SP_IS_PLAN (self), 0);
  return self->levels->len;
}

const SpLevel *
sp_plan_get_level (SpPlan *self,
                   guint   index)
{
  g_return_val_if_fail (SP_IS_PLAN (self), NULL);
  g_return_val_if_fail (index < self->levels->len, NULL);
  return g_ptr_array_index (self->levels, index);
}

const SpLevel *
sp_plan_lookup_level (SpPlan     *self,
                      const char *id)
{
  g_return_val_if_fail (SP_IS_PLAN (self), NULL);

  for (guint i = 0; i < self->levels->len; i++)
    {
      SpLevel *level = g_ptr_array_index (self->levels, i);
      if (g_strcmp0 (level->id, id) == 0)
        return level;
    }
  return NULL;
}

/**
 * sp_plan_get_topics:
 *
 * Returns: (transfer none) (element-type SpTopic): every topic of the plan, tracks included
 */
GPtrArray *
sp_plan_get_topics (SpPlan *self)
{
  g_return_val_if_fail (SP_IS_PLAN (self), NULL);
  return self->topics;
}

const SpTopic *
sp_plan_lookup_topic (SpPlan     *self,
                      const char *id)
{
  g_return_val_if_fail (SP_IS_PLAN (self), NULL);
  return id ? g_hash_table_lookup (self->topic_by_id, id) : NULL;
}

const SpTrack *
sp_plan_lookup_track (SpPlan     *self,
                      const char *id)
{
  g_return_val_if_fail (SP_IS_PLAN (self), NULL);

  if (id == NULL)
    return NULL;
  for (guint i = 0; i < self->levels->len; i++)
    {
      SpLevel *level = g_ptr_array_index (self->levels, i);
      for (guint t = 0; t < level->tracks->len; t++)
        {
          SpTrack *track = g_ptr_array_index (level->tracks, t);
          if (g_strcmp0 (track->id, id) == 0)
            return track;
        }
    }
  return NULL;
}

/**
 * sp_plan_get_default_track:
 *
 * Returns: (nullable): the first track of the plan, %NULL when it has none
 */
const char *
sp_plan_get_default_track (SpPlan *self)
{
  g_return_val_if_fail (SP_IS_PLAN (self), NULL);

  for (guint i = 0; i < self->levels->len; i++)
    {
      SpLevel *level = g_ptr_array_index (self->levels, i);
      if (level->tracks->len > 0)
        return ((SpTrack *) g_ptr_array_index (level->tracks, 0))->id;
    }
  return NULL;
}

static gboolean
topic_is_active (const SpTopic *topic,
                 const char    *track)
{
  return topic->track == NULL || g_strcmp0 (topic->track, track) == 0;
}

/**
 * sp_plan_dup_active_topics:
 * @track: (nullable): the chosen track; topics of other tracks are left out
 *
 * Returns: (transfer container) (element-type SpTopic): the topics a person
 *   following @track studies, in file order
 */
GPtrArray *
sp_plan_dup_active_topics (SpPlan     *self,
                           const char *track)
{
  GPtrArray *active;

  g_return_val_if_fail (SP_IS_PLAN (self), NULL);

  active = g_ptr_array_sized_new (self->topics->len);
  for (guint i = 0; i < self->topics->len; i++)
    {
      SpTopic *topic = g_ptr_array_index (self->topics, i);
      if (topic_is_active (topic, track))
        g_ptr_array_add (active, topic);
    }
  return active;
}

/**
 * sp_plan_get_level_hours:
 *
 * Returns: the hours of everything studied in @level when following @track
 */
double
sp_plan_get_level_hours (SpPlan     *self,
                         guint       level,
                         const char *track)
{
  double hours = 0;

  g_return_val_if_fail (SP_IS_PLAN (self), 0);

  for (guint i = 0; i < self->topics->len; i++)
    {
      SpTopic *topic = g_ptr_array_index (self->topics, i);
      if (topic->level == level && topic_is_active (topic, track))
        hours += topic->hours;
    }
  return hours;
}

double
sp_plan_get_total_hours (SpPlan *self)
{
  double hours = 0;

  g_return_val_if_fail (SP_IS_PLAN (self), 0);

  for (guint i = 0; i < self->topics->len; i++)
    hours += ((SpTopic *) g_ptr_array_index (self->topics, i))->hours;
  return hours;
}

const char *
sp_topic_category_to_string (SpTopicCategory category)
{
  switch (category)
    {
    case SP_TOPIC_CATEGORY_SKILL:
      return "skill";
    case SP_TOPIC_CATEGORY_MILESTONE:
      return "milestone";
    case SP_TOPIC_CATEGORY_INTERVIEW:
      return "interview";
    case SP_TOPIC_CATEGORY_TOPIC:
    default:
      return "topic";
    }
}

const char *
sp_topic_get_title (const SpTopic *topic)
{
  g_return_val_if_fail (topic != NULL, NULL);
  return sp_text_get (topic->title);
}
