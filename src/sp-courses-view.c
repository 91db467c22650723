/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-courses-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-accessible.h"
#include "sp-course-attach.h"
#include "sp-course-rows.h"
#include "sp-courses-view.h"
#include "sp-model-properties.h"
#include "sp-tooltip.h"
#include "sp-url.h"

/* Course listings beside the plan: search as you type, filters, sorting,
 * and per course the topics it matches, "Use for <topic>" and its page.
 * The listings, their fetching and matching live in SpCatalog; this only
 * shows them. Texts from listings are shown as plain text, never markup. */

typedef enum
{
  SORT_RELEVANCE,
  SORT_HOURS,
  SORT_RATING,
} SortMode;

struct _SpCoursesView
{
  AdwBin              parent_instance;

  SpCatalog          *catalog;
  SpPlanner          *planner;
  GCancellable       *cancellable;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  SpCourseQuery      *query;       /* NULL when the search is empty */
  char               *typed;       /* the search as typed, to tell narrowing from widening */
  GPtrArray          *providers;   /* element-type utf8; [0] is NULL: all */
  GPtrArray          *languages;   /* element-type utf8; [0] is NULL: all */
  guint               tick_id;
  gboolean            updating;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *level_dropdown;
  GtkDropDown        *provider_dropdown;
  GtkDropDown        *language_dropdown;
  GtkDropDown        *cost_dropdown;
  GtkDropDown        *sort_dropdown;
  GtkLabel           *status_label;
  GtkProgressBar     *progress_bar;
  GtkButton          *refresh_button;
  GtkButton          *stop_button;
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (SpCoursesView, sp_courses_view, ADW_TYPE_BIN)

static const SpModelProperty models[] = {
  /**
   * SpCoursesView:catalog:
   *
   * The listings shown, searched and refreshed.
   */
  { "catalog", sp_catalog_get_type, G_STRUCT_OFFSET (SpCoursesView, catalog),
    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY },
  /**
   * SpCoursesView:planner:
   *
   * Where courses are attached to topics; the topics they match come from
   * its plan.
   */
  { "planner", sp_planner_get_type, G_STRUCT_OFFSET (SpCoursesView, planner),
    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY },
};

static const char *
language_name (const char *code)
{
  static const struct {
    const char *code;
    const char *name;
  } names[] = {
    { "ar", N_("Arabic") }, { "de", N_("German") }, { "en", N_("English") },
    { "es", N_("Spanish") }, { "fr", N_("French") }, { "hi", N_("Hindi") },
    { "it", N_("Italian") }, { "ja", N_("Japanese") }, { "ko", N_("Korean") },
    { "pt", N_("Portuguese") }, { "ro", N_("Romanian") }, { "ru", N_("Russian") },
    { "tr", N_("Turkish") }, { "zh", N_("Chinese") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strncasecmp (code, names[i].code, 2) == 0 && (code[2] == '\0' || code[2] == '-' || code[2] == '_'))
      return _(names[i].name);
  return code;
}

static char *
format_hours (SpCourse *course)
{
  double total = sp_course_get_total_hours (course);
  double weekly = sp_course_get_hours_per_week (course);

  if (total > 0)
    /* TRANSLATORS: study hours of a course, "40 h" */
    return g_strdup_printf (_("%.0f h"), total);
  if (weekly > 0)
    /* TRANSLATORS: weekly effort of a course, "6 h a week" */
    return g_strdup_printf (_("%.0f h a week"), weekly);
  return NULL;
}

static const char *
topic_title (SpCoursesView *self,
             const char    *topic_id)
{
  SpPlan *plan = self->catalog ? sp_catalog_get_plan (self->catalog) : NULL;
  const SpTopic *topic = plan ? sp_plan_lookup_topic (plan, topic_id) : NULL;

  return topic ? sp_topic_get_title (topic) : topic_id;
}

static char *
describe_topics (SpCoursesView *self,
                 SpCourse      *course)
{
  const char * const *ids = sp_course_get_matched_topics (course);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, topic_title (self, ids[i]));
    }
  if (names->len == 0)
    return NULL;
  /* TRANSLATORS: the plan topics a course teaches, "For: Linear algebra, Calculus" */
  return g_strdup_printf (_("For: %s"), names->str);
}

static char *
describe_meta (SpCourse *course)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *hours = format_hours (course);
  const char *parts[6] = { NULL };
  guint n = 0;

  parts[n++] = sp_course_get_provider (course);
  if (g_strcmp0 (sp_course_get_institution (course), sp_course_get_provider (course)) != 0)
    parts[n++] = sp_course_get_institution (course);
  parts[n++] = hours;
  if (sp_course_get_level (course) != SP_COURSE_LEVEL_UNKNOWN)
    parts[n++] = sp_course_level_get_label (sp_course_get_level (course));
  if (sp_course_get_cost (course) != SP_COURSE_COST_UNKNOWN)
    parts[n++] = sp_course_get_cost (course) == SP_COURSE_COST_FREE ? _("Free") : _("Paid");

  for (guint i = 0; i < n; i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (meta->len > 0)
        g_string_append (meta, " · ");
      g_string_append (meta, parts[i]);
    }
  return g_string_free (g_steal_pointer (&meta), FALSE);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SpCoursesView *self = user_data;
  SpCourse *course = item;
  guint level = gtk_drop_down_get_selected (self->level_dropdown);
  guint cost = gtk_drop_down_get_selected (self->cost_dropdown);
  guint provider = gtk_drop_down_get_selected (self->provider_dropdown);
  guint language = gtk_drop_down_get_selected (self->language_dropdown);

  if (level != 0 && level != GTK_INVALID_LIST_POSITION && (guint) sp_course_get_level (course) != level)
    return FALSE;
  if (cost != 0 && cost != GTK_INVALID_LIST_POSITION && (guint) sp_course_get_cost (course) != cost)
    return FALSE;
  if (provider != 0 && provider < self->providers->len &&
      g_strcmp0 (sp_course_get_provider (course), g_ptr_array_index (self->providers, provider)) != 0)
    return FALSE;
  if (language != 0 && language < self->languages->len &&
      g_strcmp0 (sp_course_get_language (course), g_ptr_array_index (self->languages, language)) != 0)
    return FALSE;
  return self->query == NULL || sp_course_matches_query (course, self->query);
}

static int
compare_double_desc (double a,
                     double b)
{
  return a > b ? -1 : a < b ? 1 : 0;
}

/* Unknown values (0) go last in either direction. */
static int
compare_known_asc (double a,
                   double b)
{
  if ((a > 0) != (b > 0))
    return a > 0 ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  SpCoursesView *self = user_data;
  SpCourse *x = (SpCourse *) a, *y = (SpCourse *) b;
  int result = 0;

  switch ((SortMode) gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SORT_HOURS:
      result = compare_known_asc (sp_course_get_total_hours (x), sp_course_get_total_hours (y));
      break;
    case SORT_RATING:
      result = compare_double_desc (sp_course_get_rating (x), sp_course_get_rating (y));
      break;
    case SORT_RELEVANCE:
    default:
      if (self->query != NULL)
        result = (int) sp_course_query_rank (y, self->query) - (int) sp_course_query_rank (x, self->query);
      if (result == 0)
        result = compare_double_desc (sp_course_get_relevance (x), sp_course_get_relevance (y));
      if (result == 0)
        result = compare_double_desc (sp_course_get_rating (x), sp_course_get_rating (y));
      break;
    }

  if (result == 0)
    result = sp_course_compare_titles (x, y);
  return result;
}

/* The icon is given when the page is first shown, not in the template: a
 * large symbolic icon is drawn from SVG, and GTK loads an icon as soon as it
 * is named, so librsvg (7 MiB resident) would come with every start. */
static void
empty_page_map_cb (SpCoursesView *self)
{
  if (adw_status_page_get_icon_name (self->empty_page) == NULL)
    adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
}

static void
update_status (SpCoursesView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint total = self->catalog ? g_list_model_get_n_items (sp_catalog_get_model (self->catalog)) : 0;
  g_autofree char *count = NULL;
  g_autofree char *age = NULL;
  g_autofree char *text = NULL;

  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
  if (self->catalog == NULL)
    return;

  if (shown == total)
    count = g_strdup_printf (ngettext ("%u course", "%u courses", total), total);
  else
    /* TRANSLATORS: "12 of 340 courses" */
    count = g_strdup_printf (ngettext ("%u of %u course", "%u of %u courses", total), shown, total);

  if (sp_catalog_get_loading (self->catalog))
    text = g_strdup_printf ("%s · %s", count, _("fetching listings…"));
  else if (sp_catalog_is_bundled (self->catalog))
    text = g_strdup_printf ("%s · %s", count, _("listings bundled with Study Planner"));
  else
    {
      age = sp_catalog_format_age (sp_catalog_get_updated (self->catalog), g_get_real_time () / G_USEC_PER_SEC);
      text = g_strdup_printf ("%s · %s", count, age);
    }
  gtk_label_set_text (self->status_label, text);
}

static gboolean
tick_cb (gpointer user_data)
{
  update_status (SP_COURSES_VIEW (user_data));
  return G_SOURCE_CONTINUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* Keeps the choice by name when the list of names changes. */
static void
update_choices (SpCoursesView *self,
                GPtrArray     *choices,
                GtkDropDown   *dropdown,
                const char    *all,
                gboolean       languages,
                const char * (*get) (SpCourse *))
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *current = NULL;
  GListModel *courses = sp_catalog_get_model (self->catalog);
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint n = g_list_model_get_n_items (courses);

  if (selected != 0 && selected < choices->len)
    current = g_strdup (g_ptr_array_index (choices, selected));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpCourse) course = g_list_model_get_item (courses, i);
      const char *value = get (course);

      if (value != NULL && g_hash_table_add (seen, (gpointer) value))
        g_ptr_array_add (names, (gpointer) value);
    }
  g_ptr_array_sort (names, compare_names);

  g_ptr_array_set_size (choices, 0);
  g_ptr_array_add (choices, NULL);
  gtk_string_list_append (model, all);
  selected = 0;
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (g_strcmp0 (name, current) == 0)
        selected = choices->len;
      g_ptr_array_add (choices, g_strdup (name));
      gtk_string_list_append (model, languages ? language_name (name) : name);
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
catalog_changed_cb (SpCoursesView *self)
{
  self->updating = TRUE;
  update_choices (self, self->providers, self->provider_dropdown, _("All Providers"), FALSE, sp_course_get_provider);
  update_choices (self, self->languages, self->language_dropdown, _("All Languages"), TRUE, sp_course_get_language);
  self->updating = FALSE;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_status (self);
}

static void
loading_changed_cb (SpCoursesView *self)
{
  gboolean loading = sp_catalog_get_loading (self->catalog);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), loading);
  /* While fetching, the refresh button gives way to one that stops */
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_button), !loading);
  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), loading);
  gtk_progress_bar_set_fraction (self->progress_bar, MAX (sp_catalog_get_progress (self->catalog), 0.05));
  update_status (self);
}

/* The window shows it; outside one it is logged */
static void
show_toast (SpCoursesView *self,
            const char    *action,
            const char    *message)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), action, "s", message))
    g_message ("%s", message);
}

static void
source_failed_cb (SpCoursesView *self,
                  const char    *name,
                  const char    *message)
{
  /* TRANSLATORS: "Could not update “Coursera”: The server … (HTTP 500)" */
  g_autofree char *text = g_strdup_printf (_("Could not update “%s”: %s"), name, message);

  /* Failures come before news of success */
  show_toast (self, "win.toast-urgent", text);
}

static void
search_changed_cb (SpCoursesView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *old = g_steal_pointer (&self->typed);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_clear_pointer (&self->query, sp_course_query_free);
  self->query = text[0] != '\0' ? sp_course_query_new (text) : NULL;
  self->typed = g_strdup (folded);

  /* Typing on narrows what is shown, deleting widens it: GTK then checks
   * only the shown or only the hidden courses */
  if (old != NULL && g_str_has_prefix (folded, old))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old != NULL && g_str_has_prefix (old, folded))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  if (gtk_drop_down_get_selected (self->sort_dropdown) == SORT_RELEVANCE)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
filter_changed_cb (SpCoursesView *self)
{
  if (self->updating)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
sort_changed_cb (SpCoursesView *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
open_course (SpCoursesView *self,
             SpCourse      *course)
{
  const char *url = sp_course_get_url (course);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Only web pages: a listing could name anything */
  if (!sp_url_is_web (url))
    return;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void
list_activate_cb (SpCoursesView *self,
                  guint          position)
{
  g_autoptr(SpCourse) course = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (course != NULL)
    open_course (self, course);
}

static SpCourse *
lookup_course (SpCoursesView *self,
               const char    *source,
               const char    *id)
{
  if (self->catalog == NULL)
    return NULL;
  return sp_catalog_lookup_course (self->catalog, source[0] != '\0' ? source : NULL, id);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpCoursesView *self = SP_COURSES_VIEW (widget);
  const char *source, *id;
  SpCourse *course;

  g_variant_get (param, "(&s&s)", &source, &id);
  course = lookup_course (self, source, id);
  if (course != NULL)
    open_course (self, course);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpCoursesView *self = SP_COURSES_VIEW (widget);
  const char *source, *id, *topic_id;
  g_autofree char *message = NULL;
  SpCourse *course;

  g_variant_get (param, "(&s&s&s)", &source, &id, &topic_id);
  course = lookup_course (self, source, id);
  if (course == NULL || self->planner == NULL)
    return;

  sp_course_rows_attach (widget, self->planner, topic_id, course);
  /* TRANSLATORS: "“CS231n” is now the course for Computer vision" */
  message = g_strdup_printf (_("“%s” is now the course for %s"),
                             sp_course_get_title (course), topic_title (self, topic_id));
  show_toast (self, "win.toast", message);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SpCoursesView) self = user_data;

  /* Each failure was a toast already, naming its source */
  sp_catalog_refresh_finish (SP_CATALOG (object), result, NULL);
  update_status (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SpCoursesView *self = SP_COURSES_VIEW (widget);

  if (self->catalog == NULL)
    return;
  sp_catalog_refresh_async (self->catalog, SP_CATALOG_FETCH_DEFAULT, self->cancellable,
                            refresh_cb, g_object_ref (self));
}

/* Stops the fetch under way: the listings had before stay, and no error is
 * shown for it */
static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpCoursesView *self = SP_COURSES_VIEW (widget);

  g_cancellable_cancel (self->cancellable);
  g_object_unref (self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
add_use_item (GMenu      *menu,
              SpCourse   *course,
              const char *topic_id,
              const char *label)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);
  const char *source = sp_course_get_source (course);

  g_menu_item_set_action_and_target (item, "courses.attach", "(sss)",
                                     source ? source : "", sp_course_get_id (course), topic_id);
  g_menu_append_item (menu, item);
}

/* The menu is made when opened: a row is bound far more often than used. */
static void
create_use_menu_cb (GtkMenuButton *button,
                    gpointer       user_data)
{
  SpCoursesView *self = SP_COURSES_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (button), SP_TYPE_COURSES_VIEW));
  SpCourse *course = g_object_get_data (G_OBJECT (button), "sp-course");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) matched = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();
  g_autoptr(GMenuItem) open = NULL;
  SpPlan *plan;
  const char * const *ids;

  if (self == NULL || course == NULL)
    return;

  ids = sp_course_get_matched_topics (course);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      /* TRANSLATORS: a menu item attaching a course to a topic, "Use for Linear algebra" */
      g_autofree char *label = g_strdup_printf (_("Use for %s"), topic_title (self, ids[i]));
      add_use_item (matched, course, ids[i], label);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (matched));

  plan = sp_catalog_get_plan (self->catalog);
  if (plan != NULL && self->planner != NULL)
    {
      g_autoptr(GPtrArray) topics = sp_plan_dup_active_topics (plan, sp_planner_get_track (self->planner));

      for (guint i = 0; i < topics->len; i++)
        {
          const SpTopic *topic = g_ptr_array_index (topics, i);

          if (!g_strv_contains (ids, topic->id))
            add_use_item (others, course, topic->id, sp_topic_get_title (topic));
        }
      g_menu_append_submenu (menu, _("Use for Another Topic"), G_MENU_MODEL (others));
    }

  if (sp_course_get_url (course) != NULL)
    {
      const char *source = sp_course_get_source (course);
      g_autoptr(GMenu) links = g_menu_new ();

      open = g_menu_item_new (_("Open Course Page"), NULL);
      g_menu_item_set_action_and_target (open, "courses.open", "(ss)", source ? source : "", sp_course_get_id (course));
      g_menu_append_item (links, open);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (links));
    }

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static GtkWidget *
new_caption (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SpCoursesView            *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = new_caption ("heading");
  GtkWidget *meta = new_caption ("caption");
  GtkWidget *topics = new_caption ("caption");
  GtkWidget *use = gtk_menu_button_new ();

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (topics, "accent");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), meta);
  gtk_box_append (GTK_BOX (text), topics);
  gtk_box_append (GTK_BOX (row), text);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (use), "view-more-symbolic");
  gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (use, "flat");
  sp_tooltip_set_text (use, _("Use for a Topic or Open"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (use), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Use for a topic or open the course page"), -1);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (use), create_use_menu_cb, NULL, NULL);
  gtk_box_append (GTK_BOX (row), use);

  g_object_set_data (G_OBJECT (row), "sp-title", title);
  g_object_set_data (G_OBJECT (row), "sp-meta", meta);
  g_object_set_data (G_OBJECT (row), "sp-topics", topics);
  g_object_set_data (G_OBJECT (row), "sp-use", use);
  gtk_list_item_set_child (item, row);
}

static void
update_topics_label (GtkWidget     *row,
                     SpCourse      *course,
                     SpCoursesView *self)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "sp-topics");
  g_autofree char *topics = describe_topics (self, course);

  gtk_label_set_text (label, topics ? topics : "");
  gtk_widget_set_visible (GTK_WIDGET (label), topics != NULL);
}

static void
matched_topics_cb (SpCourse   *course,
                   GParamSpec *pspec,
                   GtkWidget  *row)
{
  SpCoursesView *self = SP_COURSES_VIEW (gtk_widget_get_ancestor (row, SP_TYPE_COURSES_VIEW));

  if (self != NULL)
    update_topics_label (row, course, self);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SpCoursesView            *self)
{
  SpCourse *course = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  g_autofree char *meta = describe_meta (course);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "sp-title"), sp_course_get_title (course));
  sp_tooltip_set_text (g_object_get_data (G_OBJECT (row), "sp-title"), sp_course_get_title (course));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "sp-meta"), meta);
  update_topics_label (row, course, self);
  g_object_set_data_full (g_object_get_data (G_OBJECT (row), "sp-use"), "sp-course",
                          g_object_ref (course), g_object_unref);
  g_signal_connect_object (course, "notify::matched-topics", G_CALLBACK (matched_topics_cb), row, 0);

  accessible = g_strdup_printf ("%s, %s", sp_course_get_title (course), meta);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  sp_list_cell_set_accessible_label (row, accessible);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SpCoursesView            *self)
{
  SpCourse *course = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  if (course != NULL)
    g_signal_handlers_disconnect_by_func (course, matched_topics_cb, row);
  g_object_set_data (g_object_get_data (G_OBJECT (row), "sp-use"), "sp-course", NULL);
}

static void
items_changed_cb (SpCoursesView *self)
{
  update_status (self);
}

/* The list makes its rows when the view is first shown, not while the
 * window opens on another view: a few hundred rows cost about 40 ms */
static void
sp_courses_view_map (GtkWidget *widget)
{
  SpCoursesView *self = SP_COURSES_VIEW (widget);

  if (gtk_list_view_get_model (self->list_view) == NULL)
    gtk_list_view_set_model (self->list_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)))));
  GTK_WIDGET_CLASS (sp_courses_view_parent_class)->map (widget);
}

static void
sp_courses_view_dispose (GObject *object)
{
  SpCoursesView *self = SP_COURSES_VIEW (object);

  /* Closing the window stops the fetches it started */
  g_cancellable_cancel (self->cancellable);
  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->catalog);
  g_clear_object (&self->planner);

  G_OBJECT_CLASS (sp_courses_view_parent_class)->dispose (object);
}

static void
sp_courses_view_constructed (GObject *object)
{
  SpCoursesView *self = SP_COURSES_VIEW (object);

  G_OBJECT_CLASS (sp_courses_view_parent_class)->constructed (object);

  if (self->catalog == NULL)
    return;
  g_signal_connect_object (self->catalog, "changed", G_CALLBACK (catalog_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->catalog, "notify::loading", G_CALLBACK (loading_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->catalog, "notify::progress", G_CALLBACK (loading_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->catalog, "source-failed", G_CALLBACK (source_failed_cb), self, G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filter_model, sp_catalog_get_model (self->catalog));
  catalog_changed_cb (self);
  loading_changed_cb (self);
}

static void
sp_courses_view_finalize (GObject *object)
{
  SpCoursesView *self = SP_COURSES_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->providers, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->query, sp_course_query_free);
  g_free (self->typed);

  G_OBJECT_CLASS (sp_courses_view_parent_class)->finalize (object);
}

static void
sp_courses_view_class_init (SpCoursesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = sp_courses_view_map;
  object_class->constructed = sp_courses_view_constructed;
  object_class->dispose = sp_courses_view_dispose;
  object_class->finalize = sp_courses_view_finalize;
  sp_model_properties_install (object_class, models, G_N_ELEMENTS (models));

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/studyplanner/StudyPlanner/ui/sp-courses-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, provider_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, cost_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, stop_button);
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, stack);
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpCoursesView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, empty_page_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "courses.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "courses.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "courses.open", "(ss)", open_action);
  gtk_widget_class_install_action (widget_class, "courses.attach", "(sss)", attach_action);
  gtk_widget_class_set_css_name (widget_class, "coursesview");
}

static void
sp_courses_view_init (SpCoursesView *self)
{
  GtkListItemFactory *factory;
  GtkEventController *shortcuts;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));
  sp_accessible_name_status_page (self->empty_page);

  self->cancellable = g_cancellable_new ();
  self->providers = g_ptr_array_new_with_free_func (g_free);
  self->languages = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->providers, NULL);
  g_ptr_array_add (self->languages, NULL);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), GTK_SORTER (self->sorter));
  g_signal_connect_object (self->sort_model, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  /* F5 and Ctrl+R anywhere in the window, while this view is shown */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                            gtk_keyval_trigger_new (GDK_KEY_r, GDK_CONTROL_MASK)),
                               gtk_named_action_new ("courses.refresh"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->tick_id = g_timeout_add_seconds (60, tick_cb, self);
  update_status (self);
}

/**
 * sp_courses_view_get_model:
 *
 * Returns: (transfer none): the courses as shown: filtered and sorted
 */
GListModel *
sp_courses_view_get_model (SpCoursesView *self)
{
  g_return_val_if_fail (SP_IS_COURSES_VIEW (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

void
sp_courses_view_set_search (SpCoursesView *self,
                            const char    *text)
{
  g_return_if_fail (SP_IS_COURSES_VIEW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
}
