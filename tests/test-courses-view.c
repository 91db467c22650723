/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "sp-catalog-preferences-page.h"
#include "sp-course-attach.h"
#include "sp-courses-view.h"
#include "sp-path-view.h"
#include "sp-test-server.h"
#include "sp-test-ui.h"
#include "sp-tooltip.h"
#include "sp-window.h"

/* The Courses view in the real window under Xvfb: the bundled listings
 * show, the search filters as one types, the filters and sorting hold,
 * a course is attached to a topic, and a failing source is a toast while
 * the listings stay. */

/* One application for the whole program: a second one in the same
 * process cannot register while the first is still referenced. */
static SpApplication *the_app;

static SpApplication *
get_app (void)
{
  if (the_app == NULL)
    the_app = sp_test_ui_start_app ();
  return the_app;
}

static SpCoursesView *
show_courses (SpApplication *app)
{
  GtkWindow *window = sp_test_ui_get_window (app);
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "courses"));
  g_assert_cmpstr (sp_window_get_view (SP_WINDOW (window)), ==, "courses");
  view = sp_test_ui_find_by_type (GTK_WIDGET (window), SP_TYPE_COURSES_VIEW);
  g_assert_nonnull (view);
  sp_test_ui_wait (100);
  return SP_COURSES_VIEW (view);
}

/* Types @text one character at a time, as a user would, and returns how
 * many courses were shown after each key. */
static GArray *
type_text (SpCoursesView *view,
           const char    *text)
{
  GtkWidget *entry = sp_test_ui_find_by_type (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (guint));
  int position = 0;

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint n;

      gtk_editable_insert_text (GTK_EDITABLE (entry), p, g_utf8_next_char (p) - p, &position);
      /* GtkSearchEntry waits a little before it says the search changed */
      sp_test_ui_wait (200);
      n = g_list_model_get_n_items (sp_courses_view_get_model (view));
      g_array_append_val (counts, n);
    }
  return counts;
}

static SpCourse *
shown_course (SpCoursesView *view,
              guint          index)
{
  g_autoptr(SpCourse) course = g_list_model_get_item (sp_courses_view_get_model (view), index);
  return course;
}

static void
test_filter_as_you_type (void)
{
  SpApplication *app = get_app ();
  SpCoursesView *view = show_courses (app);
  SpCatalog *catalog = sp_application_get_catalog (app);
  GListModel *shown = sp_courses_view_get_model (view);
  guint total = g_list_model_get_n_items (sp_catalog_get_model (catalog));
  g_autoptr(GArray) counts = NULL;

  /* A first start without a network shows the bundled listings */
  g_assert_true (sp_catalog_is_bundled (catalog));
  g_assert_cmpuint (total, >=, 40);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, total);
  g_assert_true (sp_test_ui_has_text_containing (GTK_WIDGET (view), _("listings bundled with Study Planner")));
  sp_test_ui_save_png (GTK_WIDGET (sp_test_ui_get_window (app)), "courses-view");

  /* Each key narrows the list, and what is left is about linear algebra */
  counts = type_text (view, "linear alg");
  for (guint i = 1; i < counts->len; i++)
    g_assert_cmpuint (g_array_index (counts, guint, i), <=, g_array_index (counts, guint, i - 1));
  g_assert_cmpuint (g_array_index (counts, guint, 2), <, total);
  g_assert_cmpuint (g_array_index (counts, guint, counts->len - 1), >=, 3);
  g_assert_cmpuint (g_array_index (counts, guint, counts->len - 1), <, 10);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autofree char *folded = NULL;
      SpCourse *course = shown_course (view, i);
      g_autoptr(GString) all = g_string_new (sp_course_get_title (course));

      for (guint t = 0; sp_course_get_tags (course)[t] != NULL; t++)
        g_string_append_printf (all, " %s", sp_course_get_tags (course)[t]);
      g_string_append_printf (all, " %s", sp_course_get_description (course));
      folded = g_utf8_casefold (all->str, -1);
      g_assert_nonnull (strstr (folded, "linear"));
    }

  /* Courses named after the search come first, and their rows show */
  sp_test_ui_wait (100);
  g_assert_nonnull (strstr (sp_course_get_title (shown_course (view, 0)), "Linear"));
  g_assert_true (sp_test_ui_has_text (GTK_WIDGET (view), sp_course_get_title (shown_course (view, 0))));
  g_assert_true (sp_test_ui_has_text_containing (GTK_WIDGET (view), "MIT OpenCourseWare"));
  sp_test_ui_save_png (GTK_WIDGET (sp_test_ui_get_window (app)), "courses-view-search");

  /* Deleting widens again */
  g_clear_pointer (&counts, g_array_unref);
  counts = type_text (view, "");
  sp_courses_view_set_search (view, "");
  sp_test_ui_wait (250);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, total);

  /* Nothing found says so */
  sp_courses_view_set_search (view, "zzzz-no-such-course");
  sp_test_ui_wait (250);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_true (sp_test_ui_has_text (GTK_WIDGET (view), _("No Courses Found")));
  /* its icon is named only once shown (see empty_page_map_cb) */
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (sp_test_ui_find_by_type (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE))),
                   ==, "edit-find-symbolic");
  sp_courses_view_set_search (view, "");
  sp_test_ui_wait (250);
}

static GtkDropDown *
find_dropdown (SpCoursesView *view,
               const char    *tooltip)
{
  GtkWidget *flow = sp_test_ui_find_by_type (GTK_WIDGET (view), GTK_TYPE_FLOW_BOX);

  for (GtkWidget *child = gtk_widget_get_first_child (flow); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *dropdown = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_strcmp0 (gtk_widget_get_tooltip_text (dropdown), tooltip) == 0)
        return GTK_DROP_DOWN (dropdown);
    }
  g_error ("no drop-down “%s”", tooltip);
  return NULL;
}

static void
test_filters_and_sort (void)
{
  SpApplication *app = get_app ();
  SpCoursesView *view = show_courses (app);
  GListModel *shown = sp_courses_view_get_model (view);
  guint total = g_list_model_get_n_items (shown);
  GtkDropDown *level = find_dropdown (view, _("Level"));
  GtkDropDown *cost = find_dropdown (view, _("Price"));
  GtkDropDown *sort = find_dropdown (view, _("Sort By"));
  GtkDropDown *provider = find_dropdown (view, _("Provider"));
  double previous = 0;

  gtk_drop_down_set_selected (level, SP_COURSE_LEVEL_ADVANCED);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, total);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    g_assert_cmpint (sp_course_get_level (shown_course (view, i)), ==, SP_COURSE_LEVEL_ADVANCED);

  gtk_drop_down_set_selected (cost, SP_COURSE_COST_PAID);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    g_assert_cmpint (sp_course_get_cost (shown_course (view, i)), ==, SP_COURSE_COST_PAID);
  gtk_drop_down_set_selected (level, 0);
  gtk_drop_down_set_selected (cost, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, total);

  /* Providers are offered from the listings */
  for (guint i = 1; i < g_list_model_get_n_items (gtk_drop_down_get_model (provider)); i++)
    {
      GtkStringObject *name = g_list_model_get_item (gtk_drop_down_get_model (provider), i);

      if (g_str_equal (gtk_string_object_get_string (name), "Kaggle Learn"))
        gtk_drop_down_set_selected (provider, i);
      g_object_unref (name);
    }
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 5);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    g_assert_cmpstr (sp_course_get_provider (shown_course (view, i)), ==, "Kaggle Learn");
  gtk_drop_down_set_selected (provider, 0);

  /* Fewest hours first, courses without hours last */
  gtk_drop_down_set_selected (sort, 1);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      double hours = sp_course_get_total_hours (shown_course (view, i));

      if (hours > 0)
        g_assert_cmpfloat (hours, >=, previous);
      previous = hours > 0 ? hours : previous;
    }
  g_assert_cmpfloat (sp_course_get_total_hours (shown_course (view, 0)), <=, 3);

  gtk_drop_down_set_selected (sort, 2);
  g_assert_cmpfloat (sp_course_get_rating (shown_course (view, 0)), ==, 4.9);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Depth first: the label showing exactly @text */
static gboolean
is_label_reading (GtkWidget    *widget,
                  gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return sp_test_ui_find (root, is_label_reading, text);
}

static void
test_attach (void)
{
  SpApplication *app = get_app ();
  SpCoursesView *view = show_courses (app);
  SpPlanner *planner = sp_application_get_planner (app);
  SpCatalog *catalog = sp_application_get_catalog (app);
  SpCourse *course = sp_catalog_lookup_course (catalog, NULL, "py4e");
  const char *topic;
  const char *topic_name;
  g_autoptr(SpCourse) attached = NULL;
  GtkWidget *path_view;
  AdwExpanderRow *row = NULL;
  AdwMessageDialog *dialog;
  double estimate, level_hours;
  guint level;

  g_assert_nonnull (course);
  topic = sp_course_get_matched_topics (course)[0];
  g_assert_nonnull (topic);
  topic_name = sp_topic_get_title (sp_plan_lookup_topic (sp_planner_get_plan (planner), topic));
  level = sp_plan_lookup_topic (sp_planner_get_plan (planner), topic)->level;

  /* Saved state may outlive a run: start from the plan's estimate */
  g_assert_true (sp_planner_set_topic_hours (planner, topic, 0, NULL));
  sp_course_detach (planner, topic);
  level_hours = sp_schedule_get_level_report (sp_planner_get_schedule (planner), level)->hours;

  /* "Use for <topic>" is an action, reachable from the row's menu */
  estimate = sp_planner_get_topic_hours (planner, topic);
  g_assert_cmpfloat (sp_course_get_total_hours (course), ==, 80);
  g_assert_cmpfloat (estimate, !=, 80);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "courses.attach", "(sss)", "", "py4e", topic));
  sp_test_ui_wait (50);

  /* The course states 80 hours: the user is asked before the estimate changes */
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == sp_test_ui_get_window (app));
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "80"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), topic_name));
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "keep"), ==, _("_Keep Estimate"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "use"), ==, _("_Use Course Hours"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "keep");
  g_assert_cmpfloat (sp_planner_get_topic_hours (planner, topic), ==, estimate);
  sp_test_ui_wait_for_mapped (GTK_WIDGET (dialog));
  sp_test_ui_wait (100);
  sp_test_ui_save_png (GTK_WIDGET (dialog), "workload-dialog");
  /* What the "Use Course Hours" button does: respond, then close */
  adw_message_dialog_response (dialog, "use");
  gtk_window_close (GTK_WINDOW (dialog));
  sp_test_ui_wait (50);
  g_assert_null (find_message_dialog ());
  g_assert_cmpfloat (sp_planner_get_topic_hours (planner, topic), ==, 80);
  g_assert_true (sp_planner_has_topic_hours (planner, topic));
  g_assert_cmpfloat (sp_schedule_get_level_report (sp_planner_get_schedule (planner), level)->hours, >,
                     level_hours);

  attached = sp_course_dup_attached (planner, topic);
  g_assert_nonnull (attached);
  g_assert_cmpstr (sp_course_get_title (attached), ==, "Python for Everybody");
  {
    g_autofree char *toast = g_strdup_printf (_("“%s” is now the course for %s"), "Python for Everybody",
                                              sp_topic_get_title (sp_plan_lookup_topic (sp_planner_get_plan (planner), topic)));
    g_assert_true (sp_test_ui_has_text_containing (GTK_WIDGET (sp_test_ui_get_window (app)), toast));
  }

  /* The Path view shows it, and the best matches, in the topic's expansion */
  sp_window_set_view (SP_WINDOW (sp_test_ui_get_window (app)), "path");
  sp_test_ui_wait (100);
  path_view = sp_test_ui_find_by_type (GTK_WIDGET (sp_test_ui_get_window (app)), SP_TYPE_PATH_VIEW);
  for (GtkWidget *w = path_view; w != NULL;)
    {
      /* Depth-first walk for the topic's expander row */
      if (ADW_IS_EXPANDER_ROW (w) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)),
                     sp_topic_get_title (sp_plan_lookup_topic (sp_planner_get_plan (planner), topic))) == 0)
        {
          row = ADW_EXPANDER_ROW (w);
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != path_view && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == path_view) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (row, TRUE);
  sp_test_ui_wait (400);   /* past the expansion's animation */
  {
    g_autofree char *yours = g_strdup_printf (_("Your course: %s"), "Python for Everybody");
    g_autofree char *suggested = g_strdup_printf (_("Suggested course: %s"), "");

    g_assert_true (sp_test_ui_has_text_containing (GTK_WIDGET (row), yours));
    g_assert_true (sp_test_ui_has_text_containing (GTK_WIDGET (row), suggested));
  }
  {
    /* The row shows the course's hours, and says where they come from */
    g_autofree char *hours = g_strdup_printf (_("%.0f h"), 80.0);
    g_autofree char *estimate_text = g_strdup_printf (_("%.0f h"), estimate);
    g_autofree char *tooltip = g_strdup_printf (_("From the course (estimate: %s)"), estimate_text);
    GtkWidget *label = find_label (GTK_WIDGET (row), hours);

    g_assert_nonnull (label);
    g_assert_cmpstr (sp_tooltip_get_text (label), ==, tooltip);
  }
  sp_test_ui_save_png (GTK_WIDGET (sp_test_ui_get_window (app)), "path-view-courses");

  /* Removed from the topic, the course takes its hours with it */
  {
    GtkWidget *remove = sp_test_ui_find_button (GTK_WIDGET (row), _("_Remove"));
    g_autofree char *toast = g_strdup_printf (_("“%s” is no longer the course for %s"), "Python for Everybody",
                                              topic_name);
    g_autoptr(SpCourse) none = NULL;

    g_assert_nonnull (remove);
    sp_test_ui_save_png (GTK_WIDGET (row), "topic-courses");
    g_signal_emit_by_name (remove, "clicked");
    sp_test_ui_wait (100);
    none = sp_course_dup_attached (planner, topic);
    g_assert_null (none);
    g_assert_false (sp_planner_has_topic_hours (planner, topic));
    g_assert_cmpfloat (sp_planner_get_topic_hours (planner, topic), ==, estimate);
    g_assert_cmpfloat (sp_schedule_get_level_report (sp_planner_get_schedule (planner), level)->hours, ==,
                       level_hours);
    /* after the toast before it, which stays its five seconds */
    {
      gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

      while (!sp_test_ui_has_text_containing (GTK_WIDGET (sp_test_ui_get_window (app)), toast) &&
             g_get_monotonic_time () < deadline)
        sp_test_ui_wait (100);
    }
    g_assert_true (sp_test_ui_has_text_containing (GTK_WIDGET (sp_test_ui_get_window (app)), toast));
  }
}

/* The Courses view as it refreshes from a school's listing on a test server */
typedef struct
{
  SpApplication *app;
  SpCoursesView *view;
  SpCatalog     *catalog;
  guint          before; /* the courses listed before */
} Refresh;

/* A source from the preferences, @school at @path of @server, refreshed
 * with F5's action; g_settings_reset() takes the source away */
static void
refresh_start (Refresh      *r,
               SpTestServer *server,
               const char   *school,
               const char   *path)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *url = NULL;

  sp_test_server_start (server);
  url = sp_test_server_build_url (server, path);

  r->app = get_app ();
  r->view = show_courses (r->app);
  r->catalog = sp_application_get_catalog (r->app);
  r->before = g_list_model_get_n_items (sp_catalog_get_model (r->catalog));

  g_settings_set_value (settings, "catalog-sources", g_variant_new_parsed ("[(%s, %s, 'own')]", school, url));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (r->view), "courses.refresh", NULL));
}

static void
test_failure_toast (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Refresh r;

  sp_test_server_add_handler (server, NULL, sp_test_server_status_cb, GUINT_TO_POINTER (404));
  refresh_start (&r, server, "Test School", "/listing.json");
  while (sp_catalog_get_loading (r.catalog))
    g_main_context_iteration (NULL, TRUE);
  sp_test_ui_wait (100);

  {
    g_autofree char *reason = g_strdup_printf (_("The server %s has no listing at this address (HTTP %u)"), "127.0.0.1", 404);
    g_autofree char *toast = g_strdup_printf (_("Could not update “%s”: %s"), "Test School", reason);

    g_assert_true (sp_test_ui_has_text_containing (GTK_WIDGET (sp_test_ui_get_window (r.app)), toast));
  }
  /* The listings had stay */
  g_assert_cmpuint (g_list_model_get_n_items (sp_catalog_get_model (r.catalog)), ==, r.before);
  sp_test_ui_save_png (GTK_WIDGET (sp_test_ui_get_window (r.app)), "courses-view-failure");

  g_settings_reset (settings, "catalog-sources");
}

/* Never answers: the request waits until the fetch is stopped */
static void
hang_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  soup_server_message_pause (msg);
  g_ptr_array_add (user_data, g_object_ref (msg));
}

/* A fetch can be stopped: the stop button shows while it runs, and
 * stopping it keeps the listings had, with no failure shown */
static void
test_stop_fetch (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) hung = g_ptr_array_new_with_free_func (g_object_unref);
  Refresh r;

  sp_test_server_add_handler (server, NULL, hang_handler, hung);
  refresh_start (&r, server, "Slow School", "/slow.json");
  g_assert_true (sp_catalog_get_loading (r.catalog));
  sp_test_ui_wait (200);
  g_assert_true (sp_catalog_get_loading (r.catalog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (r.view), "courses.stop", NULL));
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (sp_catalog_get_loading (r.catalog) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_false (sp_catalog_get_loading (r.catalog));
  sp_test_ui_wait (100);
  g_assert_false (sp_test_ui_has_text_containing (GTK_WIDGET (sp_test_ui_get_window (r.app)), "Slow School"));
  g_assert_cmpuint (g_list_model_get_n_items (sp_catalog_get_model (r.catalog)), ==, r.before);

  g_settings_reset (settings, "catalog-sources");
  sp_test_server_unpause (server, hung);
}

static gboolean
is_entry_row_titled (GtkWidget    *widget,
                     gconstpointer title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0 &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW) == NULL;
}

static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  return sp_test_ui_find (root, is_entry_row_titled, title);
}

static guint
n_sources (SpCatalog *catalog)
{
  g_autoptr(GPtrArray) sources = sp_catalog_get_sources (catalog);
  return sources->len;
}

static void
test_preferences (void)
{
  SpApplication *app = get_app ();
  SpCatalog *catalog = sp_application_get_catalog (app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *prefs = NULL;
  GtkWidget *page;
  GtkWidget *name, *url, *add;
  g_autoptr(GPtrArray) sources = NULL;

  g_settings_reset (settings, "catalog-sources");
  g_assert_cmpuint (n_sources (catalog), ==, 3);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  sp_test_ui_wait (200);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l; l = l->next)
      if (ADW_IS_PREFERENCES_WINDOW (l->data))
        prefs = l->data;
  }
  g_assert_nonnull (prefs);
  page = sp_test_ui_find_by_type (GTK_WIDGET (prefs), SP_TYPE_CATALOG_PREFERENCES_PAGE);
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (page));
  sp_test_ui_wait (100);

  /* The working defaults are listed */
  g_assert_true (sp_test_ui_has_text (page, "Coursera"));
  g_assert_true (sp_test_ui_has_text (page, "MIT OpenCourseWare"));
  g_assert_true (sp_test_ui_has_text (page, "edX"));
  sp_test_ui_save_png (GTK_WIDGET (prefs), "preferences-courses");

  /* Plain http to another computer is refused with the reason */
  name = find_entry_row (page, _("Name"));
  url = find_entry_row (page, _("Address"));
  add = sp_test_ui_find_button (page, _("_Add Source"));
  g_assert_nonnull (name);
  g_assert_nonnull (url);
  g_assert_nonnull (add);
  gtk_editable_set_text (GTK_EDITABLE (name), "My School");
  gtk_editable_set_text (GTK_EDITABLE (url), "http://school.example.org/courses.json");
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (n_sources (catalog), ==, 3);
  {
    g_autofree char *reason = g_strdup_printf (_("“%s” is not a secure address: use https (plain http is allowed only for this computer)"),
                                               "http://school.example.org/courses.json");
    g_assert_true (sp_test_ui_has_text (page, reason));
  }

  /* An https address is added, and the catalog follows the setting */
  gtk_editable_set_text (GTK_EDITABLE (url), "https://school.example.org/courses.json");
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (n_sources (catalog), ==, 4);
  sources = sp_catalog_get_sources (catalog);
  g_assert_cmpstr (((SpCatalogSource *) g_ptr_array_index (sources, 3))->name, ==, "My School");
  g_assert_true (sp_test_ui_has_text (page, "My School"));

  g_settings_reset (settings, "catalog-sources");
  g_assert_cmpuint (n_sources (catalog), ==, 3);
  gtk_window_destroy (prefs);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sp_test_ui_init (&argc, &argv);

  g_test_add_func ("/courses-view/filter-as-you-type", test_filter_as_you_type);
  g_test_add_func ("/courses-view/filters-and-sort", test_filters_and_sort);
  g_test_add_func ("/courses-view/attach", test_attach);
  g_test_add_func ("/courses-view/failure-toast", test_failure_toast);
  g_test_add_func ("/courses-view/stop-fetch", test_stop_fetch);
  g_test_add_func ("/courses-view/preferences", test_preferences);

  status = g_test_run ();
  if (the_app != NULL)
    sp_test_ui_stop_app (the_app);
  return status;
}
