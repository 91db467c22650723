/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-catalog-matcher.h"
#include "sp-catalog.h"
#include "sp-course-private.h"

/* The one owner of course listings: the bundled snapshot until a fetched
 * or cached listing arrives, then each source's latest good listing. A
 * failed fetch never takes a listing away; it is reported through
 * ::source-failed and the old listing stays. */

typedef struct
{
  SpCatalogSource *source;
  GPtrArray       *courses;      /* nullable: nothing had yet */
  gint64           updated;
  GCancellable    *cancellable;  /* nullable: no fetch running */
} SourceState;

struct _SpCatalog
{
  GObject           parent_instance;

  SpPlan           *plan;
  SpCatalogMatcher *matcher;
  SpCatalogFetcher *fetcher;
  GListStore       *store;
  GPtrArray        *states;      /* element-type SourceState, in the order of the setting */
  GPtrArray        *bundled;     /* element-type SpCourse, nullable */
  guint             pending;
  guint             total;
  guint             generation;  /* of the latest refresh */
  GSettings        *settings;    /* nullable: where the sources come from */
};

G_DEFINE_FINAL_TYPE (SpCatalog, sp_catalog, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_PROGRESS,
  PROP_UPDATED,
  N_PROPS
};

enum {
  SOURCE_FAILED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  guint    pending;
  guint    succeeded;
  GError  *first_error;
  gulong   cancelled_id;
  guint    generation;
  SpCatalogFetchFlags flags;
} Refresh;

typedef struct
{
  SpCatalog       *self;
  GTask           *task;
  SpCatalogSource *source;
  GCancellable    *cancellable;
} SourceFetch;

static void
source_state_free (SourceState *state)
{
  if (state->cancellable != NULL)
    g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  sp_catalog_source_free (state->source);
  g_clear_pointer (&state->courses, g_ptr_array_unref);
  g_free (state);
}

static void
refresh_free (Refresh *refresh)
{
  g_clear_error (&refresh->first_error);
  g_free (refresh);
}

static SourceState *
find_state (SpCatalog             *self,
            const SpCatalogSource *source)
{
  for (guint i = 0; i < self->states->len; i++)
    {
      SourceState *state = g_ptr_array_index (self->states, i);

      if (sp_catalog_source_equal (state->source, source))
        return state;
    }
  return NULL;
}

static gboolean
has_listings (SpCatalog *self)
{
  for (guint i = 0; i < self->states->len; i++)
    if (((SourceState *) g_ptr_array_index (self->states, i))->courses != NULL)
      return TRUE;
  return FALSE;
}

/* Puts every listing had into the store in the order of the sources; the
 * bundled snapshot only while no source has given anything. */
static void
rebuild_store (SpCatalog *self)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; i < self->states->len; i++)
    {
      SourceState *state = g_ptr_array_index (self->states, i);

      if (state->courses != NULL)
        g_ptr_array_extend (all, state->courses, NULL, NULL);
    }
  if (all->len == 0 && self->bundled != NULL)
    g_ptr_array_extend (all, self->bundled, NULL, NULL);

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       all->pdata, all->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
match (SpCatalog *self,
       GPtrArray *courses)
{
  if (courses == NULL)
    return;
  if (self->matcher != NULL)
    sp_catalog_matcher_match_all (self->matcher, courses);
  for (guint i = 0; i < courses->len; i++)
    sp_course_prepare_search (g_ptr_array_index (courses, i));
}

static void
set_pending (SpCatalog *self,
             guint      pending,
             guint      total)
{
  gboolean was_loading = self->pending > 0;

  self->pending = pending;
  self->total = total;
  if (was_loading != (pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
sp_catalog_dispose (GObject *object)
{
  SpCatalog *self = SP_CATALOG (object);

  sp_catalog_cancel (self);
  g_clear_pointer (&self->states, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_catalog_parent_class)->dispose (object);
}

static void
sp_catalog_finalize (GObject *object)
{
  SpCatalog *self = SP_CATALOG (object);

  g_clear_object (&self->settings);

  g_clear_object (&self->plan);
  g_clear_object (&self->matcher);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->store);
  g_clear_pointer (&self->bundled, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_catalog_parent_class)->finalize (object);
}

static void
sp_catalog_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpCatalog *self = SP_CATALOG (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, sp_catalog_get_loading (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, sp_catalog_get_progress (self));
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, sp_catalog_get_updated (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_catalog_class_init (SpCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_catalog_dispose;
  object_class->finalize = sp_catalog_finalize;
  object_class->get_property = sp_catalog_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpCatalog::source-failed:
   * @name: the source's name as the user gave it
   * @message: what went wrong, in plain words
   *
   * Emitted when a source could not be fetched; its old listing stays.
   */
  signals[SOURCE_FAILED] =
    g_signal_new ("source-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * SpCatalog::changed:
   *
   * Emitted when the listings or their matches to the plan changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sp_catalog_init (SpCatalog *self)
{
  self->store = g_list_store_new (SP_TYPE_COURSE);
  self->states = g_ptr_array_new_with_free_func ((GDestroyNotify) source_state_free);
}

/**
 * sp_catalog_new:
 * @plan: (nullable): the plan whose topics the courses are matched to
 * @fetcher: (nullable): how listings are fetched; a default one with the
 *   user's cache when %NULL
 */
SpCatalog *
sp_catalog_new (SpPlan           *plan,
                SpCatalogFetcher *fetcher)
{
  SpCatalog *self = g_object_new (SP_TYPE_CATALOG, NULL);

  if (fetcher != NULL)
    self->fetcher = g_object_ref (fetcher);
  else
    {
      g_autoptr(SpCatalogCache) cache = sp_catalog_cache_new_default ();
      self->fetcher = sp_catalog_fetcher_new (cache);
    }
  if (plan != NULL)
    sp_catalog_set_plan (self, plan);
  return self;
}

/**
 * sp_catalog_get_model:
 *
 * Returns: (transfer none): a #GListModel of #SpCourse: every listing had
 */
GListModel *
sp_catalog_get_model (SpCatalog *self)
{
  g_return_val_if_fail (SP_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->store);
}

SpCatalogFetcher *
sp_catalog_get_fetcher (SpCatalog *self)
{
  g_return_val_if_fail (SP_IS_CATALOG (self), NULL);
  return self->fetcher;
}

SpPlan *
sp_catalog_get_plan (SpCatalog *self)
{
  g_return_val_if_fail (SP_IS_CATALOG (self), NULL);
  return self->plan;
}

/**
 * sp_catalog_set_plan:
 *
 * Matches every listing again to the topics of @plan.
 */
void
sp_catalog_set_plan (SpCatalog *self,
                     SpPlan    *plan)
{
  g_return_if_fail (SP_IS_CATALOG (self));
  g_return_if_fail (plan == NULL || SP_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  g_clear_object (&self->matcher);
  if (plan != NULL)
    self->matcher = sp_catalog_matcher_new (plan);

  match (self, self->bundled);
  for (guint i = 0; i < self->states->len; i++)
    match (self, ((SourceState *) g_ptr_array_index (self->states, i))->courses);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * sp_catalog_get_sources:
 *
 * Returns: (transfer container) (element-type SpCatalogSource): copies of
 *   the sources
 */
GPtrArray *
sp_catalog_get_sources (SpCatalog *self)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_catalog_source_free);

  g_return_val_if_fail (SP_IS_CATALOG (self), sources);

  for (guint i = 0; i < self->states->len; i++)
    g_ptr_array_add (sources, sp_catalog_source_copy (((SourceState *) g_ptr_array_index (self->states, i))->source));
  return sources;
}

/**
 * sp_catalog_set_sources:
 * @sources: (element-type SpCatalogSource)
 *
 * A source that is gone has its fetch cancelled and its listing dropped;
 * the others keep theirs.
 */
void
sp_catalog_set_sources (SpCatalog *self,
                        GPtrArray *sources)
{
  GPtrArray *states;

  g_return_if_fail (SP_IS_CATALOG (self));
  g_return_if_fail (sources != NULL);

  states = g_ptr_array_new_with_free_func ((GDestroyNotify) source_state_free);
  for (guint i = 0; i < sources->len; i++)
    {
      const SpCatalogSource *source = g_ptr_array_index (sources, i);
      SourceState *state = NULL;
      guint index;

      for (index = 0; index < self->states->len; index++)
        {
          SourceState *old = g_ptr_array_index (self->states, index);

          if (old != NULL && sp_catalog_source_equal (old->source, source))
            {
              state = g_ptr_array_steal_index (self->states, index);
              break;
            }
        }
      if (state == NULL)
        {
          state = g_new0 (SourceState, 1);
          state->source = sp_catalog_source_copy (source);
        }
      g_ptr_array_add (states, state);
    }

  /* What is left was removed: freeing cancels its fetch */
  g_ptr_array_unref (self->states);
  self->states = states;
  rebuild_store (self);
}

/**
 * sp_catalog_load_bundled:
 *
 * Loads the snapshot of listings shipped in the resources, shown until
 * a fetched or cached listing arrives.
 */
gboolean
sp_catalog_load_bundled (SpCatalog  *self,
                         GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SpCatalogPage) page = NULL;

  g_return_val_if_fail (SP_IS_CATALOG (self), FALSE);

  bytes = g_resources_lookup_data (SP_CATALOG_BUNDLED, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  page = sp_catalog_parse_page (SP_CATALOG_FORMAT_OWN, bytes, NULL, error);
  if (page == NULL)
    return FALSE;

  g_clear_pointer (&self->bundled, g_ptr_array_unref);
  self->bundled = g_steal_pointer (&page->courses);
  match (self, self->bundled);
  rebuild_store (self);
  return TRUE;
}

gboolean
sp_catalog_get_loading (SpCatalog *self)
{
  g_return_val_if_fail (SP_IS_CATALOG (self), FALSE);
  return self->pending > 0;
}

double
sp_catalog_get_progress (SpCatalog *self)
{
  g_return_val_if_fail (SP_IS_CATALOG (self), 1);
  if (self->total == 0)
    return 1;
  return (double) (self->total - self->pending) / self->total;
}

/**
 * sp_catalog_get_updated:
 *
 * Returns: the unix time of the oldest listing shown, as the server last
 *   confirmed it; 0 when only the bundled snapshot is shown
 */
gint64
sp_catalog_get_updated (SpCatalog *self)
{
  gint64 oldest = 0;

  g_return_val_if_fail (SP_IS_CATALOG (self), 0);

  for (guint i = 0; i < self->states->len; i++)
    {
      SourceState *state = g_ptr_array_index (self->states, i);

      if (state->courses != NULL && state->updated > 0)
        oldest = oldest == 0 ? state->updated : MIN (oldest, state->updated);
    }
  return oldest;
}

gboolean
sp_catalog_is_bundled (SpCatalog *self)
{
  g_return_val_if_fail (SP_IS_CATALOG (self), FALSE);
  return !has_listings (self);
}

/**
 * sp_catalog_needs_refresh:
 *
 * Returns: whether some source has no listing, or one older than
 *   @max_age_seconds
 */
gboolean
sp_catalog_needs_refresh (SpCatalog *self,
                          gint64     max_age_seconds)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (SP_IS_CATALOG (self), FALSE);

  for (guint i = 0; i < self->states->len; i++)
    {
      SourceState *state = g_ptr_array_index (self->states, i);

      if (state->courses == NULL || now - state->updated > max_age_seconds)
        return TRUE;
    }
  return FALSE;
}

static void
source_fetch_free (SourceFetch *data)
{
  g_object_unref (data->self);
  g_object_unref (data->task);
  sp_catalog_source_free (data->source);
  g_clear_object (&data->cancellable);
  g_free (data);
}

static void
refresh_done (GTask *task)
{
  SpCatalog *self = g_task_get_source_object (task);
  Refresh *refresh = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable != NULL && refresh->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, refresh->cancelled_id);
  refresh->cancelled_id = 0;

  if (refresh->generation == self->generation)
    set_pending (self, 0, 0);
  if (refresh->succeeded > 0 || refresh->first_error == NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&refresh->first_error));
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SourceFetch *data = user_data;
  SpCatalog *self = data->self;
  Refresh *refresh = g_task_get_task_data (data->task);
  SpCatalogFetchFlags flags = refresh->flags;
  g_autoptr(SpCatalogResult) listing = NULL;
  g_autoptr(GError) error = NULL;
  SourceState *state;

  listing = sp_catalog_fetcher_fetch_finish (SP_CATALOG_FETCHER (object), result, &error);
  state = self->states != NULL ? find_state (self, data->source) : NULL;

  if (listing != NULL && state != NULL)
    {
      /* Only a listing newer than the one shown replaces it */
      if (state->courses == NULL || listing->updated >= state->updated || !listing->from_cache)
        {
          match (self, listing->courses);
          g_clear_pointer (&state->courses, g_ptr_array_unref);
          state->courses = g_steal_pointer (&listing->courses);
          state->updated = listing->updated;
          rebuild_store (self);
        }
      refresh->succeeded++;
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Reading the cache only: an empty cache is no failure to report */
      if (!((flags & SP_CATALOG_FETCH_CACHE_ONLY) &&
            g_error_matches (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_NOT_CACHED)))
        g_signal_emit (self, signals[SOURCE_FAILED], 0, data->source->name, error->message);
      if (refresh->first_error == NULL)
        refresh->first_error = g_error_new (error->domain, error->code, "%s: %s",
                                            data->source->name, error->message);
    }

  if (state != NULL && state->cancellable == data->cancellable)
    g_clear_object (&state->cancellable);

  refresh->pending--;
  if (refresh->pending == 0)
    refresh_done (data->task);
  else if (refresh->generation == self->generation)
    set_pending (self, refresh->pending, self->total);

  source_fetch_free (data);
}

static void
refresh_cancelled_cb (GCancellable *cancellable,
                      SpCatalog    *self)
{
  sp_catalog_cancel (self);
}

/**
 * sp_catalog_refresh_async:
 * @flags: %SP_CATALOG_FETCH_CACHE_ONLY to read the saved listings only
 *
 * Fetches every source side by side; each listing replaces the source's
 * old one as it arrives, each failure is emitted as ::source-failed.
 * A refresh started while one runs cancels the fetches of the first.
 */
void
sp_catalog_refresh_async (SpCatalog           *self,
                          SpCatalogFetchFlags  flags,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Refresh *refresh;

  g_return_if_fail (SP_IS_CATALOG (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_catalog_refresh_async);
  refresh = g_new0 (Refresh, 1);
  refresh->generation = ++self->generation;
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);
  refresh->flags = flags;

  sp_catalog_cancel (self);

  if (self->states->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (cancellable != NULL)
    refresh->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (refresh_cancelled_cb), self, NULL);

  refresh->pending = self->states->len;
  set_pending (self, self->states->len, self->states->len);
  for (guint i = 0; i < self->states->len; i++)
    {
      SourceState *state = g_ptr_array_index (self->states, i);
      SourceFetch *data = g_new0 (SourceFetch, 1);

      data->self = g_object_ref (self);
      data->task = g_object_ref (task);
      data->source = sp_catalog_source_copy (state->source);
      state->cancellable = g_cancellable_new ();
      data->cancellable = g_object_ref (state->cancellable);
      sp_catalog_fetcher_fetch_async (self->fetcher, state->source, flags, state->cancellable, fetch_cb, data);
    }
}

/**
 * sp_catalog_refresh_finish:
 *
 * Returns: %TRUE when at least one source gave a listing (or there is no
 *   source); otherwise %FALSE with the first source's error
 */
gboolean
sp_catalog_refresh_finish (SpCatalog     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sp_catalog_cancel:
 *
 * Cancels every fetch running; listings had stay.
 */
void
sp_catalog_cancel (SpCatalog *self)
{
  g_return_if_fail (SP_IS_CATALOG (self));

  for (guint i = 0; self->states != NULL && i < self->states->len; i++)
    {
      SourceState *state = g_ptr_array_index (self->states, i);

      if (state->cancellable != NULL)
        {
          g_cancellable_cancel (state->cancellable);
          g_clear_object (&state->cancellable);
        }
    }
}

static int
compare_for_topic (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  SpCourse *x = *(SpCourse **) a, *y = *(SpCourse **) b;
  const char *topic_id = user_data;
  double sx = sp_course_get_match_score (x, topic_id);
  double sy = sp_course_get_match_score (y, topic_id);

  if (sx != sy)
    return sx > sy ? -1 : 1;
  if (x->rating != y->rating)
    return x->rating > y->rating ? -1 : 1;
  return g_utf8_collate (x->title, y->title);
}

/**
 * sp_catalog_dup_courses_for_topic:
 * @max: how many at most; 0 for all
 *
 * Returns: (transfer container) (element-type SpCourse): the courses that
 *   match @topic_id, best first
 */
GPtrArray *
sp_catalog_dup_courses_for_topic (SpCatalog  *self,
                                  const char *topic_id,
                                  guint       max)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (SP_IS_CATALOG (self), found);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      SpCourse *course = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_strv_contains ((const char * const *) course->matched_ids, topic_id))
        g_ptr_array_add (found, course);
      else
        g_object_unref (course);
    }

  g_ptr_array_sort_with_data (found, compare_for_topic, (gpointer) topic_id);
  if (max > 0 && found->len > max)
    g_ptr_array_set_size (found, max);
  return found;
}

/**
 * sp_catalog_lookup_course:
 * @source: (nullable): the source's name, or %NULL for any
 *
 * Returns: (transfer none) (nullable): the course shown with that id
 */
SpCourse *
sp_catalog_lookup_course (SpCatalog  *self,
                          const char *source,
                          const char *id)
{
  guint n;

  g_return_val_if_fail (SP_IS_CATALOG (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpCourse) course = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_strcmp0 (course->id, id) == 0 && (source == NULL || g_strcmp0 (course->source, source) == 0))
        return course;
    }
  return NULL;
}

/**
 * sp_catalog_format_age:
 *
 * Returns: (transfer full): "updated 3 hours ago" and the like
 */
char *
sp_catalog_format_age (gint64 then,
                       gint64 now)
{
  gint64 age = MAX (now - then, 0);

  if (then <= 0)
    return g_strdup (_("not updated yet"));
  if (age < 60)
    return g_strdup (_("updated just now"));
  if (age < 3600)
    return g_strdup_printf (ngettext ("updated %d minute ago", "updated %d minutes ago", (gulong) (age / 60)),
                            (int) (age / 60));
  if (age < 2 * 86400)
    return g_strdup_printf (ngettext ("updated %d hour ago", "updated %d hours ago", (gulong) (age / 3600)),
                            (int) (age / 3600));
  return g_strdup_printf (ngettext ("updated %d day ago", "updated %d days ago", (gulong) (age / 86400)),
                          (int) (age / 86400));
}

static void
planner_changed_cb (SpCatalog *self,
                    SpPlanner *planner)
{
  sp_catalog_set_plan (self, sp_planner_get_plan (planner));
}

/**
 * sp_catalog_follow_planner:
 *
 * Matches the listings to the planner's plan, now and whenever it changes.
 */
void
sp_catalog_follow_planner (SpCatalog *self,
                           SpPlanner *planner)
{
  g_return_if_fail (SP_IS_CATALOG (self));
  g_return_if_fail (SP_IS_PLANNER (planner));

  g_signal_connect_object (planner, "changed", G_CALLBACK (planner_changed_cb), self, G_CONNECT_SWAPPED);
  planner_changed_cb (self, planner);
}

static void
sources_changed_cb (SpCatalog  *self,
                    const char *key,
                    GSettings  *settings)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, "catalog-sources");
  g_autoptr(GPtrArray) sources = sp_catalog_sources_from_variant (value);

  sp_catalog_set_sources (self, sources);
}

/**
 * sp_catalog_bind_settings:
 *
 * Takes the sources from the "catalog-sources" key, now and when it changes.
 */
void
sp_catalog_bind_settings (SpCatalog *self,
                          GSettings *settings)
{
  g_return_if_fail (SP_IS_CATALOG (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  g_signal_connect_object (settings, "changed::catalog-sources", G_CALLBACK (sources_changed_cb),
                           self, G_CONNECT_SWAPPED);
  sources_changed_cb (self, "catalog-sources", settings);
}

#define DAY_SECONDS (24 * 60 * 60)

static void
start_fetch_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  /* Failures were reported through ::source-failed */
  sp_catalog_refresh_finish (SP_CATALOG (object), result, NULL);
}

static void
start_cached_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SpCatalog *self = SP_CATALOG (object);
  gboolean fetch = GPOINTER_TO_INT (user_data);

  sp_catalog_refresh_finish (self, result, NULL);
  if (fetch && sp_catalog_needs_refresh (self, DAY_SECONDS))
    sp_catalog_refresh_async (self, SP_CATALOG_FETCH_DEFAULT, NULL, start_fetch_cb, NULL);
}

/**
 * sp_catalog_start:
 * @fetch: whether to ask the servers when the saved listings are missing
 *   or more than a day old
 *
 * Shows the bundled snapshot, then the saved listings, then fresh ones.
 */
void
sp_catalog_start (SpCatalog *self,
                  gboolean   fetch)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SP_IS_CATALOG (self));

  if (self->bundled == NULL && !sp_catalog_load_bundled (self, &error))
    g_warning ("The bundled course listings could not be read: %s", error->message);
  sp_catalog_refresh_async (self, SP_CATALOG_FETCH_CACHE_ONLY, NULL, start_cached_cb, GINT_TO_POINTER (fetch));
}
