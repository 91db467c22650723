/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-course-private.h"

/* One course from a catalog, whatever format it came in. Texts come from
 * the network: they are cleaned of control characters here and never used
 * as markup by whoever shows them. */

G_DEFINE_FINAL_TYPE (SpCourse, sp_course, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PROVIDER,
  PROP_URL,
  PROP_DESCRIPTION,
  PROP_TOTAL_HOURS,
  PROP_MATCHED_TOPICS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_matches (SpCourse *self)
{
  if (self->matches != NULL)
    {
      for (guint i = 0; i < self->matches->len; i++)
        g_free (g_array_index (self->matches, SpCourseMatch, i).topic_id);
      g_clear_pointer (&self->matches, g_array_unref);
    }
}

static void
sp_course_finalize (GObject *object)
{
  SpCourse *self = SP_COURSE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->provider);
  g_free (self->institution);
  g_free (self->url);
  g_free (self->description);
  g_free (self->language);
  g_free (self->updated);
  g_free (self->source);
  g_strfreev (self->tags);
  clear_matches (self);
  g_strfreev (self->matched_ids);
  g_free (self->search_text);

  G_OBJECT_CLASS (sp_course_parent_class)->finalize (object);
}

static void
sp_course_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpCourse *self = SP_COURSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PROVIDER:
      g_value_set_string (value, self->provider);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_TOTAL_HOURS:
      g_value_set_double (value, sp_course_get_total_hours (self));
      break;
    case PROP_MATCHED_TOPICS:
      g_value_set_boxed (value, self->matched_ids);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_course_class_init (SpCourseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_course_finalize;
  object_class->get_property = sp_course_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PROVIDER] = g_param_spec_string ("provider", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_TOTAL_HOURS] = g_param_spec_double ("total-hours", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_MATCHED_TOPICS] = g_param_spec_boxed ("matched-topics", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_course_init (SpCourse *self)
{
  self->tags = g_new0 (char *, 1);
  self->matched_ids = g_new0 (char *, 1);
}

/**
 * sp_course_new:
 *
 * Returns: (transfer full): a course with nothing known but its id and title
 */
SpCourse *
sp_course_new (const char *id,
               const char *title)
{
  SpCourse *self = g_object_new (SP_TYPE_COURSE, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  return self;
}

const char *
sp_course_get_id (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), NULL);
  return self->id;
}

const char *
sp_course_get_title (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), NULL);
  return self->title;
}

/**
 * sp_course_get_provider:
 *
 * Returns: (nullable): the platform or publisher, such as "Coursera"
 */
const char *
sp_course_get_provider (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), NULL);
  return self->provider;
}

const char *
sp_course_get_institution (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), NULL);
  return self->institution;
}

/**
 * sp_course_get_url:
 *
 * Returns: (nullable): the course's page; always http or https
 */
const char *
sp_course_get_url (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), NULL);
  return self->url;
}

const char *
sp_course_get_description (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), NULL);
  return self->description;
}

const char *
sp_course_get_language (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), NULL);
  return self->language;
}

const char *
sp_course_get_updated (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), NULL);
  return self->updated;
}

const char *
sp_course_get_source (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), NULL);
  return self->source;
}

const char * const *
sp_course_get_tags (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), NULL);
  return (const char * const *) self->tags;
}

SpCourseLevel
sp_course_get_level (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), SP_COURSE_LEVEL_UNKNOWN);
  return self->level;
}

SpCourseCost
sp_course_get_cost (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), SP_COURSE_COST_UNKNOWN);
  return self->cost;
}

double
sp_course_get_hours (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), 0);
  return self->hours;
}

double
sp_course_get_hours_per_week (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), 0);
  return self->hours_per_week;
}

double
sp_course_get_weeks (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), 0);
  return self->weeks;
}

/**
 * sp_course_get_total_hours:
 *
 * Returns: the stated hours, or hours a week times weeks; 0 when unknown.
 *   A product past %SP_COURSE_MAX_HOURS (168 h for 520 weeks) is no
 *   workload anyone states, so it counts as unknown too.
 */
double
sp_course_get_total_hours (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), 0);

  if (self->hours > 0)
    return self->hours;
  if (self->hours_per_week > 0 && self->weeks > 0 && self->hours_per_week * self->weeks <= SP_COURSE_MAX_HOURS)
    return self->hours_per_week * self->weeks;
  return 0;
}

double
sp_course_get_rating (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), 0);
  return self->rating;
}

/**
 * sp_course_get_matched_topics:
 *
 * Returns: (transfer none): the ids of the plan topics the course teaches,
 *   best match first; empty, never %NULL
 */
const char * const *
sp_course_get_matched_topics (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), NULL);
  return (const char * const *) self->matched_ids;
}

double
sp_course_get_match_score (SpCourse   *self,
                           const char *topic_id)
{
  g_return_val_if_fail (SP_IS_COURSE (self), 0);

  for (guint i = 0; self->matches != NULL && i < self->matches->len; i++)
    {
      SpCourseMatch *match = &g_array_index (self->matches, SpCourseMatch, i);

      if (g_strcmp0 (match->topic_id, topic_id) == 0)
        return match->score;
    }
  return 0;
}

/**
 * sp_course_get_relevance:
 *
 * Returns: how well the course fits the plan: the score of its best match
 */
double
sp_course_get_relevance (SpCourse *self)
{
  g_return_val_if_fail (SP_IS_COURSE (self), 0);

  return self->relevance;
}

/* Takes @matches (element-type SpCourseMatch, best first). */
void
sp_course_set_matches (SpCourse *self,
                       GArray   *matches)
{
  GStrv ids;
  guint n = matches ? matches->len : 0;
  gboolean same;

  ids = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (g_array_index (matches, SpCourseMatch, i).topic_id);

  same = g_strv_equal ((const char * const *) ids, (const char * const *) self->matched_ids);
  clear_matches (self);
  self->matches = matches;
  self->relevance = n > 0 ? g_array_index (matches, SpCourseMatch, 0).score : 0;
  g_strfreev (self->matched_ids);
  self->matched_ids = ids;

  if (!same)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCHED_TOPICS]);
}

void
sp_course_set_string (char       **field,
                      const char  *value)
{
  g_free (*field);
  *field = (value != NULL && value[0] != '\0') ? g_strdup (value) : NULL;
}

struct _SpCourseQuery
{
  char  *words;   /* folded words, each ending with a NUL; two NULs at the end */
  guint  serial;  /* tells cached ranks apart */
};

/* Lower case, simply: ASCII byte by byte, other letters by their simple
 * case mapping. The same fold for courses and queries, and several times
 * quicker than g_utf8_casefold(), which also normalizes. */
static void
fold_append (GString    *out,
             const char *text)
{
  gsize len = strlen (text);
  gsize start = out->len;
  const char *p = text;
  char *dst;

  /* ASCII keeps its length: write it in place, then go char by char from
   * the first other letter on */
  g_string_set_size (out, start + len);
  dst = out->str + start;
  while ((guchar) *p != '\0' && (guchar) *p < 0x80)
    {
      char c = *p++;
      *dst++ = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
    }
  g_string_truncate (out, dst - out->str);

  while (*p != '\0')
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          g_string_append_c (out, (c >= 'A' && c <= 'Z') ? (char) (c + 32) : (char) c);
          p++;
        }
      else
        {
          g_string_append_unichar (out, g_unichar_tolower (g_utf8_get_char (p)));
          p = g_utf8_next_char (p);
        }
    }
}

static const char *
ensure_search_text (SpCourse *self)
{
  GString *text;

  if (self->search_text != NULL)
    return self->search_text;

  text = g_string_sized_new (256);
  fold_append (text, self->title);
  g_string_append_c (text, '\n');
  if (self->provider)
    {
      fold_append (text, self->provider);
      g_string_append_c (text, '\n');
    }
  if (self->institution)
    {
      fold_append (text, self->institution);
      g_string_append_c (text, '\n');
    }
  for (guint i = 0; self->tags[i] != NULL; i++)
    {
      fold_append (text, self->tags[i]);
      g_string_append_c (text, '\n');
    }
  if (self->description)
    fold_append (text, self->description);

  self->search_text = g_string_free (text, FALSE);
  return self->search_text;
}

/* Builds the search text now, so the first keystroke is as quick as the rest. */
void
sp_course_prepare_search (SpCourse *self)
{
  ensure_search_text (self);
}

/**
 * sp_course_query_new:
 * @text: what the user typed
 *
 * Returns: (transfer full): the query: its words folded to lower case
 */
SpCourseQuery *
sp_course_query_new (const char *text)
{
  static guint last_serial;
  g_autoptr(GString) folded = g_string_new (NULL);
  GString *words = g_string_new (NULL);
  SpCourseQuery *query = g_new0 (SpCourseQuery, 1);
  gboolean in_word = FALSE;

  fold_append (folded, text ? text : "");
  for (const char *p = folded->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isspace (ch))
        {
          if (in_word)
            g_string_append_c (words, '\0');
          in_word = FALSE;
          continue;
        }
      g_string_append_len (words, p, g_utf8_next_char (p) - p);
      in_word = TRUE;
    }
  if (in_word)
    g_string_append_c (words, '\0');
  g_string_append_c (words, '\0');

  query->words = g_string_free (words, FALSE);
  query->serial = ++last_serial;
  return query;
}

void
sp_course_query_free (SpCourseQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->words);
  g_free (query);
}

gboolean
sp_course_query_is_empty (const SpCourseQuery *query)
{
  return query == NULL || query->words[0] == '\0';
}

/**
 * sp_course_matches_query:
 *
 * Returns: whether every word of @query is in the course's title,
 *   provider, institution, tags or description
 */
gboolean
sp_course_matches_query (SpCourse            *self,
                         const SpCourseQuery *query)
{
  const char *haystack = ensure_search_text (self);

  if (query == NULL)
    return TRUE;
  for (const char *word = query->words; *word != '\0'; word += strlen (word) + 1)
    if (strstr (haystack, word) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * sp_course_query_rank:
 *
 * Returns: how many words of @query are in the course's title, so that a
 *   course named after the search comes before one that mentions it.
 *   Cached per query: a sort asks many times.
 */
guint
sp_course_query_rank (SpCourse            *self,
                      const SpCourseQuery *query)
{
  const char *haystack;
  const char *title_end;
  guint rank = 0;

  if (query == NULL)
    return 0;
  if (self->rank_serial == query->serial)
    return self->rank;

  haystack = ensure_search_text (self);
  title_end = strchr (haystack, '\n');
  for (const char *word = query->words; *word != '\0'; word += strlen (word) + 1)
    {
      const char *hit = strstr (haystack, word);

      if (hit != NULL && (title_end == NULL || hit < title_end))
        rank++;
    }
  self->rank_serial = query->serial;
  self->rank = rank;
  return rank;
}

/* Orders by title, case aside; quicker than collation, for sorting ties. */
int
sp_course_compare_titles (SpCourse *a,
                          SpCourse *b)
{
  const char *x = ensure_search_text (a);
  const char *y = ensure_search_text (b);

  for (; *x == *y; x++, y++)
    if (*x == '\n' || *x == '\0')
      return 0;
  if (*x == '\n')
    return -1;
  if (*y == '\n')
    return 1;
  return (guchar) *x < (guchar) *y ? -1 : 1;
}

const char *
sp_course_level_to_string (SpCourseLevel level)
{
  switch (level)
    {
    case SP_COURSE_LEVEL_BEGINNER:
      return "beginner";
    case SP_COURSE_LEVEL_INTERMEDIATE:
      return "intermediate";
    case SP_COURSE_LEVEL_ADVANCED:
      return "advanced";
    case SP_COURSE_LEVEL_UNKNOWN:
    default:
      return "unknown";
    }
}

/* Accepts the words the listing APIs use for their levels. */
gboolean
sp_course_level_from_string (const char    *text,
                             SpCourseLevel *level)
{
  static const struct {
    const char    *word;
    SpCourseLevel  level;
  } words[] = {
    { "beginner", SP_COURSE_LEVEL_BEGINNER },
    { "introductory", SP_COURSE_LEVEL_BEGINNER },
    { "introduction", SP_COURSE_LEVEL_BEGINNER },
    { "high school", SP_COURSE_LEVEL_BEGINNER },
    { "intermediate", SP_COURSE_LEVEL_INTERMEDIATE },
    { "undergraduate", SP_COURSE_LEVEL_INTERMEDIATE },
    { "advanced", SP_COURSE_LEVEL_ADVANCED },
    { "graduate", SP_COURSE_LEVEL_ADVANCED },
  };

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (text, words[i].word) == 0)
      {
        *level = words[i].level;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_course_level_get_label (SpCourseLevel level)
{
  switch (level)
    {
    case SP_COURSE_LEVEL_BEGINNER:
      return _("Beginner");
    case SP_COURSE_LEVEL_INTERMEDIATE:
      return _("Intermediate");
    case SP_COURSE_LEVEL_ADVANCED:
      return _("Advanced");
    case SP_COURSE_LEVEL_UNKNOWN:
    default:
      return _("Any level");
    }
}
