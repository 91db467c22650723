/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sp-catalog-fetcher.h"
#include "sp-catalog-format.h"
#include "sp-course-private.h"
#include "sp-http.h"
#include "sp-url.h"

/* Fetches one source's listing, page after page, with libsoup's own async
 * API. Redirects are followed here, hop by hop, so each address is checked
 * (https, or http on this computer) and counted; bodies are read in chunks
 * so the size limit holds while reading, whatever Content-Length says. */

#define DEFAULT_MAX_PAGES   50
#define DEFAULT_MAX_COURSES 20000
#define READ_CHUNK          (64 * 1024)

/* libsoup's timeout is per read, so a server that sends a byte now and
 * then would keep a fetch going for good: a page must arrive within
 * PAGE_SECONDS, and at least MIN_RATE bytes a second over each
 * STALL_SECONDS (headers count as nothing, so they too must come in time) */
#define DEFAULT_PAGE_SECONDS  60
#define DEFAULT_STALL_SECONDS 20
#define DEFAULT_MIN_RATE      256
#define PACE_TICK_MS          250

struct _SpCatalogFetcher
{
  GObject         parent_instance;

  SoupSession    *session;
  SpCatalogCache *cache;    /* nullable */
  guint           timeout;
  gsize           max_body_size;
  guint           max_pages;
  guint           max_courses;
  guint           page_seconds;
  guint           stall_seconds;
  guint           min_rate; /* bytes a second */
};

G_DEFINE_FINAL_TYPE (SpCatalogFetcher, sp_catalog_fetcher, G_TYPE_OBJECT)

typedef struct
{
  GTask               *task; /* unowned: the task owns this */
  SpCatalogSource     *source;
  SpCatalogFetchFlags  flags;
  GPtrArray           *courses;
  GHashTable          *seen;         /* page addresses already asked */
  char                *page_url;     /* the page's address: the cache key */
  char                *current_url;  /* where the redirects have led */
  guint                redirects;
  guint                page;
  SoupMessage         *message;
  GInputStream        *stream;
  GByteArray          *body;
  SpCatalogCacheEntry *cached;
  gint64               updated;      /* oldest confirmation over the pages */
  gboolean             all_cached;
  gboolean             truncated;
  gboolean             unconditional; /* asked again, without the cached copy */
  guint64              stored;        /* bytes of this fetch's pages on disk */

  /* The pace of the page under way */
  GCancellable *page_cancellable; /* the task's, or the pace's */
  GCancellable *task_cancellable; /* kept: the task drops its own first */
  gulong        cancelled_id;
  GSource      *pace;
  gint64        page_started;
  gint64        window_started;
  gsize         window_bytes;
  enum
  {
    PACE_OK,
    PACE_DEADLINE,
    PACE_SLOW
  } stopped;
} Fetch;

static void request_page (GTask *task);
static void send_request (GTask *task);

void
sp_catalog_result_free (SpCatalogResult *result)
{
  if (result == NULL)
    return;
  sp_catalog_source_free (result->source);
  g_clear_pointer (&result->courses, g_ptr_array_unref);
  g_free (result);
}

/* Stops watching the page under way */
static void
end_page (Fetch *fetch)
{
  if (fetch->pace != NULL)
    {
      g_source_destroy (fetch->pace);
      g_clear_pointer (&fetch->pace, g_source_unref);
    }
  if (fetch->cancelled_id != 0)
    {
      /* The callback's data is the page's cancellable, alive till here */
      g_cancellable_disconnect (fetch->task_cancellable, fetch->cancelled_id);
      fetch->cancelled_id = 0;
    }
  g_clear_object (&fetch->task_cancellable);
  g_clear_object (&fetch->page_cancellable);
}

static void
fetch_free (Fetch *fetch)
{
  end_page (fetch);
  sp_catalog_source_free (fetch->source);
  g_clear_pointer (&fetch->courses, g_ptr_array_unref);
  g_clear_pointer (&fetch->seen, g_hash_table_unref);
  g_free (fetch->page_url);
  g_free (fetch->current_url);
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_clear_pointer (&fetch->cached, sp_catalog_cache_entry_free);
  g_free (fetch);
}

static void
sp_catalog_fetcher_finalize (GObject *object)
{
  SpCatalogFetcher *self = SP_CATALOG_FETCHER (object);

  g_clear_object (&self->session);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (sp_catalog_fetcher_parent_class)->finalize (object);
}

static void
sp_catalog_fetcher_class_init (SpCatalogFetcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_catalog_fetcher_finalize;
}

static void
sp_catalog_fetcher_init (SpCatalogFetcher *self)
{
  const char *pace = g_getenv ("SP_TEST_CATALOG_PACE");

  self->timeout = SP_HTTP_TIMEOUT_SECONDS;
  self->max_body_size = SP_HTTP_MAX_BODY_SIZE;
  self->max_pages = DEFAULT_MAX_PAGES;
  self->max_courses = DEFAULT_MAX_COURSES;
  self->page_seconds = DEFAULT_PAGE_SECONDS;
  self->stall_seconds = DEFAULT_STALL_SECONDS;
  self->min_rate = DEFAULT_MIN_RATE;
  self->session = sp_http_session_new (self->timeout);

  /* For the command-line tests alone, which cannot call
   * sp_catalog_fetcher_set_pace(): "PAGE_SECONDS,STALL_SECONDS,MIN_RATE" */
  if (pace != NULL)
    {
      guint page, stall, rate;

      if (sscanf (pace, "%u,%u,%u", &page, &stall, &rate) == 3)
        sp_catalog_fetcher_set_pace (self, page, stall, rate);
    }
}

/**
 * sp_catalog_fetcher_new:
 * @cache: (nullable): where pages are kept between runs
 *
 * Returns: (transfer full): a fetcher with the default limits: 20 s per
 *   request, 16 MiB a body, 5 redirects, 50 pages and 20,000 courses a source
 */
SpCatalogFetcher *
sp_catalog_fetcher_new (SpCatalogCache *cache)
{
  SpCatalogFetcher *self = g_object_new (SP_TYPE_CATALOG_FETCHER, NULL);

  g_set_object (&self->cache, cache);
  return self;
}

SpCatalogCache *
sp_catalog_fetcher_get_cache (SpCatalogFetcher *self)
{
  g_return_val_if_fail (SP_IS_CATALOG_FETCHER (self), NULL);
  return self->cache;
}

void
sp_catalog_fetcher_set_timeout (SpCatalogFetcher *self,
                                guint             seconds)
{
  g_return_if_fail (SP_IS_CATALOG_FETCHER (self));
  g_return_if_fail (seconds > 0);

  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
}

void
sp_catalog_fetcher_set_max_body_size (SpCatalogFetcher *self,
                                      gsize             bytes)
{
  g_return_if_fail (SP_IS_CATALOG_FETCHER (self));
  self->max_body_size = bytes;
}

void
sp_catalog_fetcher_set_limits (SpCatalogFetcher *self,
                               guint             max_pages,
                               guint             max_courses)
{
  g_return_if_fail (SP_IS_CATALOG_FETCHER (self));
  self->max_pages = MAX (max_pages, 1);
  self->max_courses = MAX (max_courses, 1);
}

/**
 * sp_catalog_fetcher_set_pace:
 * @page_seconds: the most a page may take, redirects included
 * @stall_seconds: how long the pace is measured over
 * @min_rate: the fewest bytes a second a page may come at, over each
 *   @stall_seconds
 *
 * By default 60 s a page and 256 bytes a second over 20 s.
 */
void
sp_catalog_fetcher_set_pace (SpCatalogFetcher *self,
                             guint             page_seconds,
                             guint             stall_seconds,
                             guint             min_rate)
{
  g_return_if_fail (SP_IS_CATALOG_FETCHER (self));

  self->page_seconds = MAX (page_seconds, 1);
  self->stall_seconds = MAX (stall_seconds, 1);
  self->min_rate = min_rate;
}

/* Says what went wrong in words a user can act on; the technical detail
 * comes after a colon where it helps. */
static void
return_network_error (GTask  *task,
                      GError *error)
{
  SpCatalogFetcher *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  g_autofree char  *host = sp_http_host_of (fetch->current_url);
  GError *mapped;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && fetch->stopped == PACE_DEADLINE)
    mapped = g_error_new (SP_CATALOG_ERROR, SP_CATALOG_ERROR_TIMEOUT,
                          ngettext ("The server %s did not send a page of the listing within %u second",
                                    "The server %s did not send a page of the listing within %u seconds",
                                    self->page_seconds),
                          host, self->page_seconds);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && fetch->stopped == PACE_SLOW)
    mapped = g_error_new (SP_CATALOG_ERROR, SP_CATALOG_ERROR_TIMEOUT,
                          ngettext ("The server %s sent the listing too slowly: less than %u bytes a second for %u second",
                                    "The server %s sent the listing too slowly: less than %u bytes a second for %u seconds",
                                    self->stall_seconds),
                          host, self->min_rate, self->stall_seconds);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    mapped = g_error_copy (error);
  else if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING) ||
           g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_ENCODING))
    mapped = g_error_new (SP_CATALOG_ERROR, SP_CATALOG_ERROR_NETWORK,
                          _("The server %s did not answer in valid HTTP"), host);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    mapped = g_error_new (SP_CATALOG_ERROR, SP_CATALOG_ERROR_TIMEOUT,
                          ngettext ("The server %s did not answer within %u second",
                                    "The server %s did not answer within %u seconds", self->timeout),
                          host, self->timeout);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) &&
           (g_str_equal (error->message, "Header too big") ||
            g_str_equal (error->message, g_dgettext ("libsoup-3.0", "Header too big"))))
    /* libsoup has no code of its own for it, only this message */
    mapped = g_error_new (SP_CATALOG_ERROR, SP_CATALOG_ERROR_NETWORK,
                          _("The server %s sent headers that are too large"), host);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    mapped = g_error_new (SP_CATALOG_ERROR, SP_CATALOG_ERROR_TRUNCATED,
                          _("The connection to %s closed before the whole listing arrived"), host);
  else if (error->domain == G_RESOLVER_ERROR)
    mapped = g_error_new (SP_CATALOG_ERROR, SP_CATALOG_ERROR_NETWORK,
                          _("Could not find the server %s: check the address and the network connection"), host);
  else if (error->domain == G_TLS_ERROR)
    mapped = g_error_new (SP_CATALOG_ERROR, SP_CATALOG_ERROR_NETWORK,
                          _("Could not make a secure connection to %s: %s"), host, error->message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    mapped = g_error_new (SP_CATALOG_ERROR, SP_CATALOG_ERROR_NETWORK,
                          _("The server %s refused the connection"), host);
  else
    mapped = g_error_new (SP_CATALOG_ERROR, SP_CATALOG_ERROR_NETWORK,
                          _("Could not reach %s: %s"), host, error->message);

  g_task_return_error (task, mapped);
}

static gboolean
pace_tick (gpointer data)
{
  Fetch            *fetch = data;
  SpCatalogFetcher *self = g_task_get_source_object (fetch->task);
  gint64            now = g_get_monotonic_time ();

  if (now - fetch->page_started >= (gint64) self->page_seconds * G_USEC_PER_SEC)
    fetch->stopped = PACE_DEADLINE;
  else if (now - fetch->window_started >= (gint64) self->stall_seconds * G_USEC_PER_SEC)
    {
      if (fetch->window_bytes < (gsize) self->min_rate * self->stall_seconds)
        fetch->stopped = PACE_SLOW;
      fetch->window_started = now;
      fetch->window_bytes = 0;
    }
  if (fetch->stopped == PACE_OK)
    return G_SOURCE_CONTINUE;

  /* The request under way ends with G_IO_ERROR_CANCELLED, which
   * return_network_error() tells by fetch->stopped */
  g_cancellable_cancel (fetch->page_cancellable);
  g_clear_pointer (&fetch->pace, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
cancel_page (GCancellable *task_cancellable,
             GCancellable *page_cancellable)
{
  g_cancellable_cancel (page_cancellable);
}

/* Starts watching a page: its deadline and its pace */
static void
start_page (Fetch *fetch)
{
  GCancellable *cancellable = g_task_get_cancellable (fetch->task);

  end_page (fetch);
  fetch->stopped = PACE_OK;
  fetch->page_started = fetch->window_started = g_get_monotonic_time ();
  fetch->window_bytes = 0;
  fetch->page_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      fetch->task_cancellable = g_object_ref (cancellable);
      fetch->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancel_page), fetch->page_cancellable, NULL);
    }
  fetch->pace = g_timeout_source_new (PACE_TICK_MS);
  g_source_set_callback (fetch->pace, pace_tick, fetch, NULL);
  g_source_set_static_name (fetch->pace, "[study-planner] catalog page pace");
  g_source_attach (fetch->pace, g_task_get_context (fetch->task));
}

static void
return_http_error (GTask *task,
                   guint  status)
{
  Fetch *fetch = g_task_get_task_data (task);
  g_autofree char *host = sp_http_host_of (fetch->current_url);

  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_HTTP,
                             _("The server %s has no listing at this address (HTTP %u)"), host, status);
  else if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_HTTP,
                             _("The server %s refused access to the listing (HTTP %u)"), host, status);
  else if (status == 429)
    g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_HTTP,
                             _("The server %s asks to wait before trying again (HTTP %u)"), host, status);
  else if (status >= 500)
    g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_HTTP,
                             _("The server %s had a problem (HTTP %u); try again later"), host, status);
  else
    g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_HTTP,
                             _("The server %s answered with an error (HTTP %u)"), host, status);
}

static void
return_too_large (GTask *task)
{
  SpCatalogFetcher *self = g_task_get_source_object (task);
  g_autofree char *limit = g_format_size_full (self->max_body_size, G_FORMAT_SIZE_IEC_UNITS);

  g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_TOO_LARGE,
                           _("The listing is larger than the limit of %s"), limit);
}

static void
finish (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  SpCatalogFetcher *self = g_task_get_source_object (task);
  SpCatalogResult *result = g_new0 (SpCatalogResult, 1);

  /* The pages this fetch did not read are what a listing left behind */
  if (self->cache != NULL && !fetch->all_cached)
    sp_catalog_cache_prune (self->cache, fetch->source->url, fetch->seen);

  result->source = g_steal_pointer (&fetch->source);
  result->courses = g_steal_pointer (&fetch->courses);
  result->updated = fetch->updated;
  result->from_cache = fetch->all_cached;
  result->n_pages = fetch->page;
  result->truncated = fetch->truncated;
  g_task_return_pointer (task, result, (GDestroyNotify) sp_catalog_result_free);
}

/* Parses one page's body, and either sets fetch->page_url to the next
 * page and returns TRUE, or finishes the task (and drops it): FALSE. */
static gboolean
take_page (GTask  *task,
           GBytes *body,
           gint64  confirmed)
{
  SpCatalogFetcher *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(SpCatalogPage) page = NULL;
  g_autoptr(GError) error = NULL;

  end_page (fetch);
  page = sp_catalog_parse_page_within (fetch->source->format, body, fetch->page_url,
                                       self->max_courses - MIN (fetch->courses->len, self->max_courses), &error);
  if (page == NULL)
    {
      if (fetch->page > 1)
        g_task_return_new_error (task, SP_CATALOG_ERROR, error->code,
                                 /* TRANSLATORS: "Page 3: The listing is not valid JSON: …" */
                                 _("Page %u: %s"), fetch->page, error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return FALSE;
    }

  fetch->updated = fetch->updated == 0 ? confirmed : MIN (fetch->updated, confirmed);
  for (guint i = 0; i < page->courses->len; i++)
    {
      SpCourse *course = g_ptr_array_index (page->courses, i);

      if (fetch->courses->len >= self->max_courses)
        {
          fetch->truncated = TRUE;
          break;
        }
      sp_course_set_string (&course->source, fetch->source->name);
      g_ptr_array_add (fetch->courses, g_object_ref (course));
    }
  if (page->truncated)
    fetch->truncated = TRUE;

  if (page->next_url == NULL || fetch->truncated)
    {
      finish (task);
      g_object_unref (task);
      return FALSE;
    }
  if (fetch->page >= self->max_pages || g_hash_table_contains (fetch->seen, page->next_url))
    {
      /* A listing longer than the limit, or one whose pages go round in a
       * circle: what was read so far is the listing */
      fetch->truncated = TRUE;
      finish (task);
      g_object_unref (task);
      return FALSE;
    }

  g_free (fetch->page_url);
  fetch->page_url = g_steal_pointer (&page->next_url);
  return TRUE;
}

/* A page the server just confirmed, sent whole or as "not modified": the
 * body is freed once parsed, before the next page is asked for, so only
 * one page's text is alive at a time. Takes @task and @body. */
static void
take_fresh_page (GTask  *task,
                 GBytes *body)
{
  Fetch   *fetch = g_task_get_task_data (task);
  gboolean more;

  fetch->all_cached = FALSE;
  /* take_page () drops the task when the listing is complete */
  more = take_page (task, body, g_get_real_time () / G_USEC_PER_SEC);
  g_bytes_unref (body);
  if (more)
    request_page (task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpCatalogFetcher *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeaders *headers;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      return_network_error (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) > 0)
    {
      if (fetch->body->len + g_bytes_get_size (chunk) > self->max_body_size)
        {
          return_too_large (task);
          return;
        }
      fetch->window_bytes += g_bytes_get_size (chunk);
      g_byte_array_append (fetch->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                       fetch->page_cancellable, read_cb, g_steal_pointer (&task));
      return;
    }

  g_clear_object (&fetch->stream);
  headers = soup_message_get_response_headers (fetch->message);

  /* libsoup ends the stream quietly when the connection closes early */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      (guint64) fetch->body->len < (guint64) soup_message_headers_get_content_length (headers))
    {
      g_autofree char *host = sp_http_host_of (fetch->current_url);

      g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_TRUNCATED,
                               _("The connection to %s closed before the whole listing arrived"), host);
      return;
    }

  /* libsoup reads a chunk size it cannot parse as the last chunk, so
   * broken chunked framing ends the body at once, without an error */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED && fetch->body->len == 0)
    {
      g_autofree char *host = sp_http_host_of (fetch->current_url);

      g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_NETWORK,
                               _("The server %s sent an empty answer, or one that is not valid HTTP"), host);
      return;
    }

  body = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));
  /* Within the source's bound the first pages are kept, so that a replay
   * reads the listing's beginning */
  if (self->cache != NULL &&
      fetch->stored + g_bytes_get_size (body) <= sp_catalog_cache_get_max_source_size (self->cache))
    {
      g_autoptr(GError) cache_error = NULL;

      fetch->stored += g_bytes_get_size (body);
      /* A cache that cannot be written costs the next start its listings,
       * not this fetch */
      if (!sp_catalog_cache_store (self->cache, fetch->source->url, fetch->page_url, body,
                                   soup_message_headers_get_one (headers, "ETag"),
                                   soup_message_headers_get_one (headers, "Last-Modified"),
                                   &cache_error))
        g_warning ("Could not cache %s: %s", fetch->page_url, cache_error->message);
    }
  take_fresh_page (g_steal_pointer (&task), g_steal_pointer (&body));
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpCatalogFetcher *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status;
  goffset length;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (fetch->stream == NULL)
    {
      return_network_error (task, error);
      return;
    }

  status = soup_message_get_status (fetch->message);
  headers = soup_message_get_response_headers (fetch->message);

  if (sp_http_status_is_redirect (status))
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      g_autofree char *target = NULL;
      g_autofree char *host = sp_http_host_of (fetch->current_url);

      g_clear_object (&fetch->stream);
      if (location != NULL)
        target = sp_url_resolve (fetch->current_url, location);
      if (target == NULL || !sp_url_is_web (target))
        {
          g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_REDIRECT,
                                   _("The server %s sent the request on to “%s”, which is not a web address"),
                                   host, location ? location : "");
          return;
        }
      if (++fetch->redirects > SP_HTTP_MAX_REDIRECTS)
        {
          g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_REDIRECT,
                                   ngettext ("The server %s redirected more than %u time; it may be going round in a circle",
                                             "The server %s redirected more than %u times; it may be going round in a circle",
                                             SP_HTTP_MAX_REDIRECTS),
                                   host, SP_HTTP_MAX_REDIRECTS);
          return;
        }
      g_free (fetch->current_url);
      fetch->current_url = g_steal_pointer (&target);
      send_request (g_steal_pointer (&task));
      return;
    }

  if (status == SOUP_STATUS_NOT_MODIFIED && fetch->cached != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_ref (fetch->cached->body);
      g_autoptr(GError) cache_error = NULL;

      g_clear_object (&fetch->stream);
      fetch->stored += g_bytes_get_size (body);
      if (self->cache != NULL && !sp_catalog_cache_touch (self->cache, fetch->page_url, &cache_error))
        g_warning ("Could not update the cache of %s: %s", fetch->page_url, cache_error->message);
      take_fresh_page (g_steal_pointer (&task), g_steal_pointer (&body));
      return;
    }

  /* "Not modified" when nothing was saved to compare: ask once more for
   * the whole listing, telling caches on the way not to answer */
  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      g_autofree char *host = sp_http_host_of (fetch->current_url);

      g_clear_object (&fetch->stream);
      if (!fetch->unconditional)
        {
          fetch->unconditional = TRUE;
          send_request (g_steal_pointer (&task));
          return;
        }
      g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_HTTP,
                               _("The server %s answered “not modified” though nothing is saved from it (HTTP 304)"),
                                  host);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_clear_object (&fetch->stream);
      return_http_error (task, status);
      return;
    }

  if (!sp_http_content_length_is_valid (headers))
    {
      g_autofree char *host = sp_http_host_of (fetch->current_url);

      g_clear_object (&fetch->stream);
      g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_NETWORK,
                               _("The server %s sent an answer that is not valid HTTP: its length is not a number"),
                                  host);
      return;
    }

  /* Refuse early when the server says the size; the reading checks anyway */
  length = soup_message_headers_get_content_length (headers);
  if (length > 0 && (guint64) length > self->max_body_size)
    {
      g_clear_object (&fetch->stream);
      return_too_large (task);
      return;
    }

  fetch->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   fetch->page_cancellable, read_cb, g_steal_pointer (&task));
}

/* Asks for fetch->current_url, which is page_url or where it redirected. */
static void
send_request (GTask *task)
{
  SpCatalogFetcher *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  if (!sp_http_check_url (fetch->current_url, &error))
    {
      if (fetch->redirects > 0)
        g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_REDIRECT,
                                 _("Redirected to an address that is not allowed: %s"), error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  g_clear_object (&fetch->message);
  fetch->message = soup_message_new (SOUP_METHOD_GET, fetch->current_url);
  if (fetch->message == NULL)
    {
      g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_INSECURE,
                               _("“%s” is not a web address"), fetch->current_url);
      g_object_unref (task);
      return;
    }

  soup_message_add_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (fetch->message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (fetch->unconditional)
    {
      soup_message_headers_replace (headers, "Cache-Control", "no-cache");
      soup_message_headers_replace (headers, "Pragma", "no-cache");
    }
  else if (fetch->cached != NULL)
    {
      if (fetch->cached->etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", fetch->cached->etag);
      if (fetch->cached->last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", fetch->cached->last_modified);
    }

  soup_session_send_async (self->session, fetch->message, G_PRIORITY_DEFAULT,
                           fetch->page_cancellable, send_cb, task);
}

/* Starts on fetch->page_url: from the cache only, or over the network.
 * Saved pages are read in a loop, one at a time, each body and parsed
 * page let go before the next: calling back into itself once a page kept
 * every one of them alive to the end. */
static void
request_page (GTask *task)
{
  SpCatalogFetcher *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);

  for (;;)
    {
      g_autoptr(GBytes) body = NULL;
      gint64 fetched;

      if (g_task_return_error_if_cancelled (task))
        {
          g_object_unref (task);
          return;
        }

      fetch->page++;
      fetch->redirects = 0;
      fetch->unconditional = FALSE;
      g_hash_table_add (fetch->seen, g_strdup (fetch->page_url));
      g_free (fetch->current_url);
      fetch->current_url = g_strdup (fetch->page_url);
      g_clear_pointer (&fetch->cached, sp_catalog_cache_entry_free);
      if (self->cache != NULL)
        fetch->cached = sp_catalog_cache_lookup (self->cache, fetch->page_url);

      if (!(fetch->flags & SP_CATALOG_FETCH_CACHE_ONLY))
        break;

      /* A later page pruned, or never kept past the bound: the listing
       * is what came before it */
      if (fetch->cached == NULL && fetch->page > 1)
        {
          fetch->truncated = TRUE;
          finish (task);
          g_object_unref (task);
          return;
        }
      if (fetch->cached == NULL)
        {
          g_task_return_new_error (task, SP_CATALOG_ERROR, SP_CATALOG_ERROR_NOT_CACHED,
                                   _("Nothing saved yet from %s"), fetch->page_url);
          g_object_unref (task);
          return;
        }
      body = g_bytes_ref (fetch->cached->body);
      fetched = fetch->cached->fetched;
      g_clear_pointer (&fetch->cached, sp_catalog_cache_entry_free);
      if (!take_page (task, body, fetched))
        return;
    }

  start_page (fetch);
  send_request (task);
}

/**
 * sp_catalog_fetcher_fetch_async:
 *
 * Fetches every page of @source's listing, within the page and course
 * limits, asking the server only for what changed since the cached copy.
 * Run several at once to fetch sources side by side.
 */
void
sp_catalog_fetcher_fetch_async (SpCatalogFetcher      *self,
                                const SpCatalogSource *source,
                                SpCatalogFetchFlags    flags,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  GTask *task;
  Fetch *fetch;

  g_return_if_fail (SP_IS_CATALOG_FETCHER (self));
  g_return_if_fail (source != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_catalog_fetcher_fetch_async);
  g_task_set_check_cancellable (task, TRUE);

  fetch = g_new0 (Fetch, 1);
  fetch->task = task;
  fetch->source = sp_catalog_source_copy (source);
  fetch->flags = flags;
  fetch->courses = g_ptr_array_new_with_free_func (g_object_unref);
  fetch->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fetch->page_url = g_strdup (source->url);
  fetch->all_cached = TRUE;
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  request_page (task);
}

/**
 * sp_catalog_fetcher_fetch_finish:
 *
 * Returns: (transfer full): the listing, or %NULL with @error set in
 *   %SP_CATALOG_ERROR, its message fit to show as is
 */
SpCatalogResult *
sp_catalog_fetcher_fetch_finish (SpCatalogFetcher  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sp_catalog_fetcher_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
