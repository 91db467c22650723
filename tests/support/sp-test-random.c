/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "sp-test-core.h"
#include "sp-test-random.h"

/* Seeded random plans and availabilities: the scheduler's promises are
 * checked over many of them (tests/test-scheduler.c, tests/test-stable.c). */

static const char *streams[] = { "math", "code", "data", NULL };

static void
add_tasks (JsonBuilder *b,
           GRand       *rand)
{
  guint mask = (guint) g_rand_int_range (rand, 1, 8);

  json_builder_set_member_name (b, "tasks");
  json_builder_begin_object (b);
  if (mask & 1)
    {
      json_builder_set_member_name (b, "read");
      json_builder_add_string_value (b, "Read");
    }
  if (mask & 2)
    {
      json_builder_set_member_name (b, "practice");
      json_builder_add_string_value (b, "Practise");
    }
  if (mask & 4)
    {
      json_builder_set_member_name (b, "project");
      json_builder_add_string_value (b, "Build");
    }
  json_builder_end_object (b);
}

static double
random_hours (GRand *rand)
{
  static const double choices[] = { 0.1, 0.25, 0.5, 1, 1.2, 2.5, 4, 7, 12, 20, 40 };

  if (g_rand_boolean (rand))
    return choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (choices))];
  return round (g_rand_double_range (rand, 0.2, 30) * 10) / 10;
}

/* Prerequisites only point to topics made earlier (so no cycles), but
 * topics are written in shuffled order inside a level. */
static void
add_topic (JsonBuilder *b,
           GRand       *rand,
           const char  *id,
           GPtrArray   *earlier,
           const char  *level)
{
  guint       n_prereqs = earlier->len ? (guint) g_rand_int_range (rand, 0, 3) : 0;
  const char *stream = streams[g_rand_int_range (rand, 0, G_N_ELEMENTS (streams))];
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "hours");
  json_builder_add_double_value (b, random_hours (rand));
  if (stream != NULL)
    {
      json_builder_set_member_name (b, "stream");
      json_builder_add_string_value (b, stream);
    }
  if (level != NULL)
    {
      json_builder_set_member_name (b, "level");
      json_builder_add_string_value (b, level);
    }
  json_builder_set_member_name (b, "prerequisites");
  json_builder_begin_array (b);
  for (guint p = 0; p < n_prereqs; p++)
    {
      const char *prereq = g_ptr_array_index (earlier, g_rand_int_range (rand, 0, (gint32) earlier->len));

      if (g_hash_table_add (used, (gpointer) prereq))
        json_builder_add_string_value (b, prereq);
    }
  json_builder_end_array (b);
  add_tasks (b, rand);
  json_builder_end_object (b);
}

static void
shuffle (GRand     *rand,
         GPtrArray *array)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint    j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

SpPlan *
sp_test_random_plan (GRand *rand,
                     guint  scale)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) common = g_ptr_array_new_with_free_func (g_free); /* ids usable by later topics */
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  guint n_levels = (guint) g_rand_int_range (rand, 1, 4);
  guint level_end[3] = {
    0,
  };
  guint counter = 0;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, "random");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, "Random");
  json_builder_set_member_name (b, "levels");
  json_builder_begin_array (b);

  for (guint l = 0; l < n_levels; l++)
    {
      g_autoptr(GPtrArray) level_ids = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) order = g_ptr_array_new ();
      g_autoptr(GHashTable) pools = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);
      guint    n_topics = (guint) g_rand_int_range (rand, 1, 10) * scale;
      guint    min_months = (guint) g_rand_int_range (rand, 1, 7);
      gboolean tracks = l == n_levels - 1 && g_rand_boolean (rand);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, (const char *[]){ "one", "two", "three" }[l]);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, (const char *[]){ "One", "Two", "Three" }[l]);
      json_builder_set_member_name (b, "min_months");
      json_builder_add_int_value (b, min_months);
      if (g_rand_int_range (rand, 0, 4) > 0)
        {
          json_builder_set_member_name (b, "max_months");
          json_builder_add_int_value (b, min_months + g_rand_int_range (rand, 0, 7));
        }

      /* Each topic's prerequisites come from those made before it */
      for (guint i = 0; i < n_topics; i++)
        g_ptr_array_add (level_ids, g_strdup_printf ("t%u", counter++));
      for (guint i = 0; i < n_topics; i++)
        {
          GPtrArray *pool = g_ptr_array_new ();

          g_ptr_array_extend (pool, common, NULL, NULL);
          for (guint j = 0; j < i; j++)
            g_ptr_array_add (pool, g_ptr_array_index (level_ids, j));
          g_hash_table_insert (pools, g_ptr_array_index (level_ids, i), pool);
          g_ptr_array_add (order, g_ptr_array_index (level_ids, i));
        }
      shuffle (rand, order);

      json_builder_set_member_name (b, "topics");
      json_builder_begin_array (b);
      for (guint i = 0; i < order->len; i++)
        add_topic (b, rand, g_ptr_array_index (order, i),
                   g_hash_table_lookup (pools, g_ptr_array_index (order, i)), NULL);
      json_builder_end_array (b);

      if (tracks)
        {
          json_builder_set_member_name (b, "tracks");
          json_builder_begin_array (b);
          for (guint t = 0; t < 2; t++)
            {
              g_autoptr(GPtrArray) track_pool = g_ptr_array_new ();
              guint n = (guint) g_rand_int_range (rand, 1, 4) * scale;

              g_ptr_array_extend (track_pool, common, NULL, NULL);
              g_ptr_array_extend (track_pool, level_ids, NULL, NULL);
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "id");
              json_builder_add_string_value (b, t == 0 ? "left" : "right");
              json_builder_set_member_name (b, "title");
              json_builder_add_string_value (b, t == 0 ? "Left" : "Right");
              json_builder_set_member_name (b, "topics");
              json_builder_begin_array (b);
              for (guint i = 0; i < n; i++)
                {
                  char *id = g_strdup_printf ("k%u", counter++);

                  add_topic (b, rand, id, track_pool, NULL);
                  g_ptr_array_add (track_pool, id);
                  g_ptr_array_add (owned, id);
                }
              json_builder_end_array (b);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      json_builder_end_object (b);

      for (guint i = 0; i < n_topics; i++)
        g_ptr_array_add (common, g_strdup (g_ptr_array_index (level_ids, i)));
      level_end[l] = common->len;
    }
  json_builder_end_array (b);

  /* Woven items point at common topics of their level or before */
  for (guint kind = 0; kind < 3; kind++)
    {
      static const char *names[] = { "skills", "milestones", "interview" };
      guint              n = (guint) g_rand_int_range (rand, 0, 4) * scale;

      json_builder_set_member_name (b, names[kind]);
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("w%u", counter++);
          guint            level = (guint) g_rand_int_range (rand, 0, (gint32) n_levels);
          g_autoptr(GPtrArray) pool = g_ptr_array_new ();

          for (guint j = 0; j < level_end[level]; j++)
            g_ptr_array_add (pool, g_ptr_array_index (common, j));
          add_topic (b, rand, id, pool, (const char *[]){ "one", "two", "three" }[level]);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json = json_generator_to_data (gen, NULL);
  return sp_test_plan_from_json (json);
}

SpAvailability *
sp_test_random_availability (GRand  *rand,
                             guint32 around)
{
  SpAvailability *a = sp_availability_new ();
  guint           n_off = (guint) g_rand_int_range (rand, 0, 5);

  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    {
      guint minutes = g_rand_int_range (rand, 0, 10) < 4 ? 0 : (guint) g_rand_int_range (rand, 1, 61) * 5;
      guint start = (guint) g_rand_int_range (rand, 0, 24) * 60 + (guint) g_rand_int_range (rand, 0, 12) * 5;

      sp_availability_set_day (a, d, minutes, start);
    }
  if (!sp_availability_has_hours (a))
    sp_availability_set_day (a, 5, 120, 9 * 60);
  a->block_minutes = (guint16) g_rand_int_range (rand, SP_MIN_BLOCK_MINUTES, 121);
  a->break_minutes = (guint16) g_rand_int_range (rand, 0, 31);
  a->start_day = around + (guint32) g_rand_int_range (rand, 0, 30);
  for (guint i = 0; i < n_off; i++)
    {
      guint32 first = around + (guint32) g_rand_int_range (rand, 0, 700);
      sp_availability_add_days_off (a, first, first + (guint32) g_rand_int_range (rand, 0, 21));
    }
  return a;
}
