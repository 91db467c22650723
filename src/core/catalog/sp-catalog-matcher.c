/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sp-catalog-matcher.h"
#include "sp-course-private.h"

/* Matches courses to plan topics by the phrases that name a topic: its
 * title, the parts of its title ("Probability and Statistics" gives both
 * words) and its keywords. A phrase found in a course's title counts most,
 * in its tags next, in its description least. Texts are folded to lower
 * case words with a light plural stemming, and phrases are looked up by
 * word n-grams straight in the folded buffer, so indexing thousands of
 * courses allocates next to nothing. */

#define MAX_PHRASE_WORDS 5
#define MAX_MATCHES      3
#define WEIGHT_TITLE     3
#define WEIGHT_TAGS      2
#define WEIGHT_TEXT      1
#define MIN_SCORE        2
#define FILTER_BITS      (1 << 16)

typedef struct
{
  char   *text;      /* folded phrase, words separated by single spaces */
  gsize   len;
  int     phrase;    /* index in phrases, or -1 for a prefix only */
  gboolean prefix;   /* a longer phrase starts with these words */
} Entry;

typedef struct
{
  const char *text;
  gsize       len;
} Slice;

/* Where each word starts in a folded buffer; grown inline, as GArray's call
 * per word showed in the profile */
typedef struct
{
  gsize *data;
  guint  len;
  guint  size;
} Starts;

static inline void
starts_add (Starts *starts,
            gsize   value)
{
  if (starts->len == starts->size)
    {
      starts->size = MAX (64, starts->size * 2);
      starts->data = g_renew (gsize, starts->data, starts->size);
    }
  starts->data[starts->len++] = value;
}

typedef struct
{
  GArray *topics;    /* element-type guint: topic indexes naming this phrase */
  guint   words;
} Phrase;

struct _SpCatalogMatcher
{
  GObject     parent_instance;

  SpPlan     *plan;
  GHashTable *entries;   /* Slice* → Entry*, keys point into the entries */
  /* The entries again, frozen into open addressing for the hot lookups */
  struct {
    guint32  hash;
    Entry   *entry;
  }          *table;
  guint32     table_mask;
  GArray     *phrases;   /* element-type Phrase */
  GPtrArray  *topics;    /* element-type SpTopic, borrowed from the plan */

  /* A bit per hash of each phrase's first word: most words of a course
   * start no phrase, and this says so without a hash table lookup */
  guint8     *first_words;

  /* Scratch, reused from course to course */
  GString    *buffer;
  Starts      starts;    /* word starts in buffer */
  guint8     *best;      /* per phrase: best weight found in this course */
  GArray     *touched;   /* element-type guint: phrases set in best */
  double     *scores;    /* per topic */
};

G_DEFINE_FINAL_TYPE (SpCatalogMatcher, sp_catalog_matcher, G_TYPE_OBJECT)

/* Words that name no topic on their own, left out when splitting titles */
static const char * const generic_words[] = {
  "introduction", "intro", "basic", "basics", "foundation", "foundations",
  "fundamental", "fundamentals", "advanced", "applied", "practical", "topic",
  "topics", "project", "projects", "the", "a", "an", "to", "in", "for", "of",
  "with", "on", "your", "first", "ml", "ai", "course", "skill", "skills",
  NULL
};

static inline guint32
hash_bytes (const char *text,
            gsize       len)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < len; i++)
    hash = (hash ^ (guint8) text[i]) * 16777619u;
  return hash;
}

static guint
slice_hash (gconstpointer key)
{
  const Slice *slice = key;

  return hash_bytes (slice->text, slice->len);
}

static gboolean
slice_equal (gconstpointer a,
             gconstpointer b)
{
  const Slice *x = a, *y = b;

  return x->len == y->len && memcmp (x->text, y->text, x->len) == 0;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->text);
  g_free (entry);
}

static gboolean
is_word_char (gunichar ch)
{
  return g_unichar_isalnum (ch) || ch == '+' || ch == '#';
}

/* Ends the word that starts at @start: drops a plural "s" so that
 * "networks" finds "network"; words ending in ss, us or is keep theirs. */
static void
end_word (GString *out,
          gsize    start)
{
  gsize len = out->len - start;
  char prev;

  if (len <= 3 || out->str[out->len - 1] != 's')
    return;
  prev = out->str[out->len - 2];
  if (prev != 's' && prev != 'u' && prev != 'i')
    g_string_truncate (out, out->len - 1);
}

/* Appends @text folded to @out as words separated by single spaces,
 * recording where each word starts. */
static void
fold_words_slow (GString    *out,
                 Starts     *starts,
                 const char *text)
{
  gboolean in_word = FALSE;
  gsize word_start = 0;

  if (text == NULL)
    return;

  for (const char *p = text; *p != '\0';)
    {
      guchar c = (guchar) *p;
      gunichar ch;
      gboolean word_char;

      if (c < 0x80)
        {
          ch = (c >= 'A' && c <= 'Z') ? c + 32 : c;
          word_char = g_ascii_isalnum (c) || c == '+' || c == '#';
          p++;
        }
      else
        {
          ch = g_unichar_tolower (g_utf8_get_char (p));
          word_char = is_word_char (ch);
          p = g_utf8_next_char (p);
        }

      if (!word_char)
        {
          if (in_word)
            end_word (out, word_start);
          in_word = FALSE;
          continue;
        }
      if (!in_word)
        {
          if (out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          word_start = out->len;
          starts_add (starts, word_start);
          in_word = TRUE;
        }
      if (ch < 0x80)
        g_string_append_c (out, (char) ch);
      else
        g_string_append_unichar (out, ch);
    }
  if (in_word)
    end_word (out, word_start);
}

/* The same for ASCII text, the common case, written straight into the
 * buffer; it hands over to the slow path at the first other character. */
static void
fold_words (GString    *out,
            Starts     *starts,
            const char *text)
{
  gsize base = out->len;
  guint base_starts = starts->len;
  gsize word_start = 0;
  gboolean in_word = FALSE;
  char *dst;

  if (text == NULL)
    return;

  g_string_set_size (out, base + strlen (text) + 1);
  dst = out->str + base;
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x80)
        {
          g_string_truncate (out, base);
          starts->len = base_starts;
          fold_words_slow (out, starts, text);
          return;
        }
      if (g_ascii_isalnum (c) || c == '+' || c == '#')
        {
          if (!in_word)
            {
              if (dst > out->str)
                *dst++ = ' ';
              word_start = dst - out->str;
              starts_add (starts, word_start);
              in_word = TRUE;
            }
          *dst++ = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : (char) c;
        }
      else if (in_word)
        {
          /* A plural "s", as end_word() drops it */
          gsize len = (dst - out->str) - word_start;

          if (len > 3 && dst[-1] == 's' && dst[-2] != 's' && dst[-2] != 'u' && dst[-2] != 'i')
            dst--;
          in_word = FALSE;
        }
    }
  if (in_word)
    {
      gsize len = (dst - out->str) - word_start;

      if (len > 3 && dst[-1] == 's' && dst[-2] != 's' && dst[-2] != 'u' && dst[-2] != 'i')
        dst--;
    }
  g_string_truncate (out, dst - out->str);
}

static gboolean
is_generic (const char *word,
            gsize       len)
{
  for (guint i = 0; generic_words[i] != NULL; i++)
    if (strlen (generic_words[i]) == len && memcmp (generic_words[i], word, len) == 0)
      return TRUE;
  return FALSE;
}

static Entry *
ensure_entry (SpCatalogMatcher *self,
              const char       *text,
              gsize             len)
{
  Slice key = { text, len };
  Entry *entry = g_hash_table_lookup (self->entries, &key);
  Slice *stored;

  if (entry != NULL)
    return entry;

  entry = g_new0 (Entry, 1);
  entry->text = g_strndup (text, len);
  entry->len = len;
  entry->phrase = -1;
  stored = g_new (Slice, 1);
  stored->text = entry->text;
  stored->len = len;
  g_hash_table_insert (self->entries, stored, entry);
  return entry;
}

/* Adds one folded phrase for @topic_index. */
static void
add_phrase (SpCatalogMatcher *self,
            const char       *text,
            gsize             len,
            guint             topic_index)
{
  Entry *entry;
  Phrase *phrase;
  guint words = 1;

  if (len == 0)
    return;
  for (gsize i = 0; i < len; i++)
    if (text[i] == ' ')
      words++;
  if (words > MAX_PHRASE_WORDS || (words == 1 && (len < 2 || is_generic (text, len))))
    return;

  /* Every shorter run of leading words marks a prefix, so a lookup can stop
   * as soon as the words so far start no phrase */
  for (gsize i = 0; i < len; i++)
    if (text[i] == ' ')
      ensure_entry (self, text, i)->prefix = TRUE;

  {
    gsize first = strcspn (text, " ");
    guint32 bit = hash_bytes (text, MIN (first, len)) & (FILTER_BITS - 1);

    self->first_words[bit / 8] |= 1 << (bit % 8);
  }

  entry = ensure_entry (self, text, len);
  if (entry->phrase < 0)
    {
      Phrase new_phrase = { g_array_new (FALSE, FALSE, sizeof (guint)), words };

      entry->phrase = self->phrases->len;
      g_array_append_val (self->phrases, new_phrase);
    }

  phrase = &g_array_index (self->phrases, Phrase, entry->phrase);
  for (guint i = 0; i < phrase->topics->len; i++)
    if (g_array_index (phrase->topics, guint, i) == topic_index)
      return;
  g_array_append_val (phrase->topics, topic_index);
}

/* Adds @text as a whole phrase, and the parts between "and", "&", commas,
 * slashes, colons and brackets as phrases too. */
static void
add_text (SpCatalogMatcher *self,
          const char       *text,
          guint             topic_index,
          gboolean          split)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  Starts starts = { NULL, 0, 0 };
  g_autofree char *spaced = NULL;

  if (text == NULL)
    return;

  fold_words (folded, &starts, text);
  add_phrase (self, folded->str, folded->len, topic_index);
  if (!split)
    {
      g_free (starts.data);
      return;
    }

  spaced = g_strdup (text);
  g_strdelimit (spaced, ",/:()&;", '|');
  {
    g_auto(GStrv) parts = g_strsplit (spaced, "|", -1);

    for (guint i = 0; parts[i] != NULL; i++)
      {
        g_auto(GStrv) halves = g_strsplit (parts[i], " and ", -1);

        for (guint j = 0; halves[j] != NULL; j++)
          {
            g_string_truncate (folded, 0);
            starts.len = 0;
            fold_words (folded, &starts, halves[j]);
            add_phrase (self, folded->str, folded->len, topic_index);
          }
      }
  }
  g_free (starts.data);
}

static void
freeze_entries (SpCatalogMatcher *self)
{
  guint size = 16;
  GHashTableIter iter;
  gpointer value;

  while (size < g_hash_table_size (self->entries) * 4)
    size *= 2;
  self->table = g_malloc0_n (size, sizeof *self->table);
  self->table_mask = size - 1;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;
      guint32 hash = hash_bytes (entry->text, entry->len);
      guint32 i = hash & self->table_mask;

      while (self->table[i].entry != NULL)
        i = (i + 1) & self->table_mask;
      self->table[i].hash = hash;
      self->table[i].entry = entry;
    }
}

static inline Entry *
find_entry (SpCatalogMatcher *self,
            const char       *text,
            gsize             len,
            guint32           hash)
{
  for (guint32 i = hash & self->table_mask; self->table[i].entry != NULL; i = (i + 1) & self->table_mask)
    {
      Entry *entry = self->table[i].entry;

      if (self->table[i].hash == hash && entry->len == len && memcmp (entry->text, text, len) == 0)
        return entry;
    }
  return NULL;
}

static void
index_plan (SpCatalogMatcher *self)
{
  for (guint t = 0; t < self->topics->len; t++)
    {
      const SpTopic *topic = g_ptr_array_index (self->topics, t);
      const char *english = sp_text_get_lang (topic->title, NULL);
      const char *local = sp_topic_get_title (topic);

      add_text (self, english, t, TRUE);
      if (g_strcmp0 (english, local) != 0)
        add_text (self, local, t, TRUE);
      for (guint k = 0; topic->keywords[k] != NULL; k++)
        add_text (self, topic->keywords[k], t, FALSE);
    }

  freeze_entries (self);
  self->best = g_new0 (guint8, MAX (self->phrases->len, 1));
  self->scores = g_new0 (double, MAX (self->topics->len, 1));
}

static void
scan (SpCatalogMatcher *self,
      const char       *text,
      guint8            weight)
{
  GString *buf = self->buffer;
  Starts *starts = &self->starts;

  g_string_truncate (buf, 0);
  starts->len = 0;
  fold_words (buf, starts, text);

  for (guint i = 0; i < starts->len; i++)
    {
      gsize start = starts->data[i];
      gsize end = i + 1 < starts->len ? starts->data[i + 1] - 1 : buf->len;
      guint32 hash = hash_bytes (buf->str + start, end - start);
      guint32 bit = hash & (FILTER_BITS - 1);

      if (!(self->first_words[bit / 8] & (1 << (bit % 8))))
        continue;

      /* The n-gram's hash goes on from its first word's: FNV is a running hash */
      for (guint n = 1; n <= MAX_PHRASE_WORDS && i + n <= starts->len; n++)
        {
          Entry *entry;

          if (n > 1)
            {
              gsize next_end = i + n < starts->len ? starts->data[i + n] - 1 : buf->len;

              for (gsize k = end; k < next_end; k++)
                hash = (hash ^ (guint8) buf->str[k]) * 16777619u;
              end = next_end;
            }

          entry = find_entry (self, buf->str + start, end - start, hash);
          if (entry == NULL)
            break;
          if (entry->phrase >= 0)
            {
              guint8 *best = &self->best[entry->phrase];

              if (*best == 0)
                g_array_append_val (self->touched, entry->phrase);
              if (weight > *best)
                *best = weight;
            }
          if (!entry->prefix)
            break;
        }
    }
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const SpCourseMatch *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return 0;
}

static void
sp_catalog_matcher_finalize (GObject *object)
{
  SpCatalogMatcher *self = SP_CATALOG_MATCHER (object);

  for (guint i = 0; self->phrases != NULL && i < self->phrases->len; i++)
    g_array_unref (g_array_index (self->phrases, Phrase, i).topics);
  g_clear_pointer (&self->phrases, g_array_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_object (&self->plan);
  if (self->buffer != NULL)
    g_string_free (self->buffer, TRUE);
  g_clear_pointer (&self->starts.data, g_free);
  g_clear_pointer (&self->touched, g_array_unref);
  g_clear_pointer (&self->best, g_free);
  g_clear_pointer (&self->scores, g_free);
  g_clear_pointer (&self->first_words, g_free);
  g_clear_pointer (&self->table, g_free);

  G_OBJECT_CLASS (sp_catalog_matcher_parent_class)->finalize (object);
}

static void
sp_catalog_matcher_class_init (SpCatalogMatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_catalog_matcher_finalize;
}

static void
sp_catalog_matcher_init (SpCatalogMatcher *self)
{
  self->entries = g_hash_table_new_full (slice_hash, slice_equal, g_free, entry_free);
  self->phrases = g_array_new (FALSE, FALSE, sizeof (Phrase));
  self->buffer = g_string_sized_new (1024);
  self->touched = g_array_new (FALSE, FALSE, sizeof (guint));
  self->first_words = g_new0 (guint8, FILTER_BITS / 8);
}

/**
 * sp_catalog_matcher_new:
 *
 * Returns: (transfer full): a matcher for the topics of @plan
 */
SpCatalogMatcher *
sp_catalog_matcher_new (SpPlan *plan)
{
  SpCatalogMatcher *self;

  g_return_val_if_fail (SP_IS_PLAN (plan), NULL);

  self = g_object_new (SP_TYPE_CATALOG_MATCHER, NULL);
  self->plan = g_object_ref (plan);
  self->topics = g_ptr_array_ref (sp_plan_get_topics (plan));
  index_plan (self);
  return self;
}

SpPlan *
sp_catalog_matcher_get_plan (SpCatalogMatcher *self)
{
  g_return_val_if_fail (SP_IS_CATALOG_MATCHER (self), NULL);
  return self->plan;
}

/**
 * sp_catalog_matcher_match:
 *
 * Sets the course's matched topics: at most three, best first, each at
 * least half as good as the best.
 */
void
sp_catalog_matcher_match (SpCatalogMatcher *self,
                          SpCourse         *course)
{
  GArray *matches;
  double top = 0;

  g_return_if_fail (SP_IS_CATALOG_MATCHER (self));
  g_return_if_fail (SP_IS_COURSE (course));

  scan (self, course->title, WEIGHT_TITLE);
  for (guint i = 0; course->tags[i] != NULL; i++)
    scan (self, course->tags[i], WEIGHT_TAGS);
  scan (self, course->description, WEIGHT_TEXT);

  /* Sum per topic over its phrases, each phrase counted once */
  for (guint i = 0; i < self->touched->len; i++)
    {
      guint p = g_array_index (self->touched, guint, i);
      Phrase *phrase = &g_array_index (self->phrases, Phrase, p);
      /* A longer phrase is the stronger sign: "deep learning" over "learning" */
      double weight = self->best[p] * (1.0 + 0.25 * (phrase->words - 1));

      for (guint t = 0; t < phrase->topics->len; t++)
        self->scores[g_array_index (phrase->topics, guint, t)] += weight;
    }

  matches = g_array_new (FALSE, FALSE, sizeof (SpCourseMatch));
  for (guint i = 0; i < self->touched->len; i++)
    {
      guint p = g_array_index (self->touched, guint, i);
      Phrase *phrase = &g_array_index (self->phrases, Phrase, p);

      for (guint t = 0; t < phrase->topics->len; t++)
        {
          guint index = g_array_index (phrase->topics, guint, t);
          double score = self->scores[index];

          if (score >= MIN_SCORE)
            {
              SpCourseMatch match = { NULL, score };
              const SpTopic *topic = g_ptr_array_index (self->topics, index);

              match.topic_id = g_strdup (topic->id);
              g_array_append_val (matches, match);
              top = MAX (top, score);
            }
          self->scores[index] = 0;
        }
      self->best[p] = 0;
    }
  g_array_set_size (self->touched, 0);

  g_array_sort (matches, compare_matches);
  for (guint i = matches->len; i > 0; i--)
    {
      SpCourseMatch *match = &g_array_index (matches, SpCourseMatch, i - 1);

      if (i > MAX_MATCHES || match->score < top / 2)
        {
          g_free (match->topic_id);
          g_array_remove_index (matches, i - 1);
        }
    }

  sp_course_set_matches (course, matches);
}

/**
 * sp_catalog_matcher_match_all:
 * @courses: (element-type SpCourse)
 */
void
sp_catalog_matcher_match_all (SpCatalogMatcher *self,
                              GPtrArray        *courses)
{
  g_return_if_fail (SP_IS_CATALOG_MATCHER (self));

  for (guint i = 0; i < courses->len; i++)
    sp_catalog_matcher_match (self, g_ptr_array_index (courses, i));
}
