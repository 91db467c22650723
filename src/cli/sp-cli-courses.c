/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sp-availability.h"
#include "sp-catalog.h"
#include "sp-cli-courses.h"
#include "sp-cli-options.h"

/* study-planner --list-courses: the same catalog code as the window, run on
 * a main context of its own until the listings are in. Saved listings are
 * read first, then the network is asked; a source that fails keeps what the
 * cache had. */

typedef struct
{
  gboolean  done;
  GError   *error;
} Wait;

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  sp_catalog_refresh_finish (SP_CATALOG (object), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
run_refresh (SpCatalog            *catalog,
             SpCatalogFetchFlags   flags,
             GMainContext         *context,
             GError              **error)
{
  Wait wait = { FALSE, NULL };

  sp_catalog_refresh_async (catalog, flags, NULL, refresh_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (context, TRUE);
  if (wait.error != NULL)
    {
      g_propagate_error (error, wait.error);
      return FALSE;
    }
  return TRUE;
}

static void
source_failed_cb (SpCatalog  *catalog,
                  const char *name,
                  const char *message,
                  gpointer    user_data)
{
  /* TRANSLATORS: a warning on standard error: "Coursera: The server … (HTTP 500)" */
  g_printerr (_("%s: %s\n"), name, message);
}

/* The plan chosen in the application, or the bundled one. */
static SpPlan *
load_plan (void)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  schema = schemas ? g_settings_schema_source_lookup (schemas, APP_ID, TRUE) : NULL;
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *path = g_settings_get_string (settings, "plan-file");

      if (path[0] != '\0')
        {
          g_autoptr(GFile) file = g_file_new_for_path (path);
          SpPlan *plan = sp_plan_new_from_file (file, NULL, NULL);

          if (plan != NULL)
            return plan;
        }
    }
  return sp_plan_new_bundled ();
}

static GPtrArray *
configured_sources (void)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GVariant) value = NULL;

  schema = schemas ? g_settings_schema_source_lookup (schemas, APP_ID, TRUE) : NULL;
  if (schema == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) sp_catalog_source_free);

  settings = g_settings_new (APP_ID);
  value = g_settings_get_value (settings, "catalog-sources");
  return sp_catalog_sources_from_variant (value);
}

static char *
format_hours (double hours)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (hours <= 0)
    return g_strdup ("");
  /* Scripts read this: always a dot, at most one decimal */
  return g_strdup (g_ascii_formatd (buf, sizeof buf, hours == (gint64) hours ? "%.0f" : "%.1f", hours));
}

static void
print_line (SpCourse *course)
{
  g_autofree char *hours = format_hours (sp_course_get_total_hours (course));
  g_autofree char *topics = g_strjoinv (",", (char **) sp_course_get_matched_topics (course));
  const char *url = sp_course_get_url (course);
  const char *provider = sp_course_get_provider (course);

  g_print ("%s\t%s\t%s\t%s\t%s\n", provider ? provider : "", sp_course_get_title (course),
           hours, url ? url : "", topics);
}

static void
print_json (GPtrArray *courses)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < courses->len; i++)
    {
      SpCourse *course = g_ptr_array_index (courses, i);
      g_autoptr(JsonNode) node = sp_catalog_course_to_json_node (course);
      JsonObject *object = json_node_get_object (node);
      g_autoptr(JsonArray) topics = json_array_new ();
      const char * const *ids = sp_course_get_matched_topics (course);

      for (guint t = 0; ids[t] != NULL; t++)
        json_array_add_string_element (topics, ids[t]);
      json_object_set_double_member (object, "total_hours", sp_course_get_total_hours (course));
      json_object_set_array_member (object, "matched_topics", g_steal_pointer (&topics));
      if (sp_course_get_source (course) != NULL)
        json_object_set_string_member (object, "source", sp_course_get_source (course));
      json_builder_add_value (builder, g_steal_pointer (&node));
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static char *
name_for_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : url);
}

/**
 * sp_cli_list_courses:
 * @catalog_url: (nullable): one listing to read instead of the configured sources
 * @catalog_format: (nullable): its format; "own" when %NULL
 * @topic_id: (nullable): only the courses matching this plan topic, best first
 *
 * Prints one course a line, tab-separated: provider, title, hours, URL and
 * the matched topic ids, comma-separated; or a JSON array with @as_json.
 *
 * Returns: the exit status: 0, or 1 when no listing could be had
 */
int
sp_cli_list_courses (const char *catalog_url,
                     const char *catalog_format,
                     const char *topic_id,
                     gboolean    as_json)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SpCatalog) catalog = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GError) error = NULL;
  SpCatalogFormat format = SP_CATALOG_FORMAT_OWN;
  int status = SP_CLI_OK;

  if (catalog_format != NULL && !sp_catalog_format_from_string (catalog_format, &format))
    {
      g_autofree char *printable = sp_text_make_printable (catalog_format);

      g_set_error (&error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown catalog format “%s”: use own, coursera, edx or mitlearn"), printable);
      return sp_cli_report_error (error, SP_CLI_REPORT_BARE);
    }
  if (catalog_format != NULL && catalog_url == NULL)
    {
      g_set_error_literal (&error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("--catalog-format needs --catalog-url"));
      return sp_cli_report_error (error, SP_CLI_REPORT_BARE);
    }

  plan = load_plan ();
  if (topic_id != NULL && sp_plan_lookup_topic (plan, topic_id) == NULL)
    {
      g_autofree char *printable = sp_text_make_printable (topic_id);

      g_set_error (&error, SP_CLI_ERROR, SP_CLI_ERROR_FAILED,
                   _("The plan “%s” has no topic “%s”"), sp_plan_get_title (plan), printable);
      return sp_cli_report_error (error, SP_CLI_REPORT_BARE);
    }

  if (catalog_url != NULL)
    {
      g_autofree char *name = name_for_url (catalog_url);

      sources = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_catalog_source_free);
      g_ptr_array_add (sources, sp_catalog_source_new (name, catalog_url, format));
    }
  else
    sources = configured_sources ();

  g_main_context_push_thread_default (context);

  catalog = sp_catalog_new (plan, NULL);
  sp_catalog_set_sources (catalog, sources);
  run_refresh (catalog, SP_CATALOG_FETCH_CACHE_ONLY, context, NULL);
  g_signal_connect (catalog, "source-failed", G_CALLBACK (source_failed_cb), NULL);
  run_refresh (catalog, SP_CATALOG_FETCH_DEFAULT, context, &error);

  if (sp_catalog_is_bundled (catalog))
    {
      if (catalog_url != NULL || !sp_catalog_load_bundled (catalog, NULL))
        {
          g_autoptr(GError) none = NULL;
          const char *reason = error ? error->message : NULL;

          g_set_error (&none, SP_CLI_ERROR, SP_CLI_ERROR_FAILED,
                       _("No course listing could be had%s%s"), reason ? ": " : "", reason ? reason : "");
          status = sp_cli_report_error (none, SP_CLI_REPORT_BARE);
        }
      else
        g_printerr (_("No source gave a listing; showing the listings bundled with Study Planner\n"));
    }

  if (status == SP_CLI_OK)
    {
      if (topic_id != NULL)
        courses = sp_catalog_dup_courses_for_topic (catalog, topic_id, 0);
      else
        {
          GListModel *model = sp_catalog_get_model (catalog);

          courses = g_ptr_array_new_with_free_func (g_object_unref);
          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            g_ptr_array_add (courses, g_list_model_get_item (model, i));
        }

      if (as_json)
        print_json (courses);
      else
        for (guint i = 0; i < courses->len; i++)
          print_line (g_ptr_array_index (courses, i));
    }

  g_clear_object (&catalog);
  /* Let the session's closed connections go before the context does */
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);
  return status;
}
