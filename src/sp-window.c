/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-bench.h"
#include "sp-window-private.h"

G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SELECTED_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The span of the visible calendar view; the Path view has none. */
gboolean
sp_window_get_span (SpWindow       *self,
                    SpCalendarSpan *span)
{
  const char *view = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (view, "month") == 0)
    *span = SP_CALENDAR_SPAN_MONTH;
  else if (g_strcmp0 (view, "week") == 0)
    *span = SP_CALENDAR_SPAN_WEEK;
  else if (g_strcmp0 (view, "day") == 0)
    *span = SP_CALENDAR_SPAN_DAY;
  else
    return FALSE;
  return TRUE;
}

/* The date button's label gives way rather than widen the header: a long
 * week ("30 November – 6 December 2026") never moves the switcher */
static void
ellipsize_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (widget), 6);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    ellipsize_labels (child);
}

/* The title a narrow window shows instead of the switcher, short enough to
 * fit beside the buttons at 360 px in every language: on a calendar view
 * its date, on the others the view's name */
static void
update_narrow_title (SpWindow *self)
{
  SpCalendarSpan   span;
  g_autofree char *title = NULL;

  if (self->selected_day == 0 || !sp_window_get_span (self, &span))
    {
      GtkWidget        *view = adw_view_stack_get_visible_child (self->stack);
      AdwViewStackPage *page = view ? adw_view_stack_get_page (self->stack, view) : NULL;

      title = g_strdup (page ? adw_view_stack_page_get_title (page) : _("Study Planner"));
    }
  else if (span == SP_CALENDAR_SPAN_MONTH)
    title = sp_calendar_format_month (self->selected_day);
  else if (span == SP_CALENDAR_SPAN_WEEK)
    {
      guint32 first = sp_day_get_week_start (self->selected_day, sp_calendar_grid_get_first_weekday (self->week_grid));

      /* TRANSLATORS: a narrow window's title in the Week view, "Week 49" */
      title = g_strdup_printf (_("Week %u"), sp_day_get_iso_week (first + 3));
    }
  else
    /* TRANSLATORS: a narrow window's title in the Day view, "Sat 5 Dec"; see g_date_time_format() */
    /* xgettext:no-c-format */
    title = sp_calendar_format (self->selected_day, C_("date", "%a %-d %b"));
  adw_view_switcher_title_set_title (self->switcher_title, title);
}

static gboolean
same_year (guint32 day,
           guint32 other)
{
  GDate a, b;

  if (day == 0 || other == 0)
    return FALSE;
  sp_day_to_date (day, &a);
  sp_day_to_date (other, &b);
  return g_date_get_year (&a) == g_date_get_year (&b);
}

static void
update_title (SpWindow *self)
{
  SpCalendarSpan span;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  guint32 first, last;
  guint first_weekday = sp_calendar_grid_get_first_weekday (self->week_grid);

  if (self->selected_day == 0)
    return;

  if (!sp_window_get_span (self, &span))
    span = SP_CALENDAR_SPAN_MONTH;
  sp_calendar_visible_range (self->selected_day, span, first_weekday, &first, &last);
  /* The button's label is short, so that it fits beside a wide switcher;
   * its accessible name and the Week view's header have the whole date */
  switch (span)
    {
    case SP_CALENDAR_SPAN_MONTH:
      title = sp_calendar_format_month (self->selected_day);
      label = g_strdup (title);
      break;
    case SP_CALENDAR_SPAN_WEEK:
      title = sp_calendar_format_range (first, last);
      /* the month of the week's Thursday, as ISO weeks count */
      label = sp_calendar_format_month (first + 3);
      break;
    case SP_CALENDAR_SPAN_DAY:
    default:
      title = sp_calendar_format_day (self->selected_day);
      /* The year only when it is not this one, as GNOME Calendar does:
       * with it the longest dates ran past a 1280 px header */
      if (same_year (self->selected_day, self->planner ? sp_planner_get_today (self->planner) : 0))
        /* TRANSLATORS: a narrow window's title in the Day view, "Sat 5 Dec"; see g_date_time_format() */
        /* xgettext:no-c-format */
        label = sp_calendar_format (self->selected_day, C_("date", "%a %-d %b"));
      else
        /* TRANSLATORS: the date button in the Day view, "Sat 7 Mar 2026"; see g_date_time_format() */
        /* xgettext:no-c-format */
        label = sp_calendar_format (self->selected_day, C_("date", "%a %-d %b %Y"));
      break;
    }
  gtk_menu_button_set_label (self->date_button, label);
  ellipsize_labels (GTK_WIDGET (self->date_button));
  update_narrow_title (self);
  {
    /* TRANSLATORS: the date button's accessible name, "Choose a date, shown: March 2026" */
    g_autofree char *accessible = g_strdup_printf (_("Choose a date, shown: %s"), title);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                    -1);
  }

  /* The Week view's header: the week's hours */
  if (self->planner != NULL && sp_planner_get_schedule (self->planner) != NULL)
    {
      SpSchedule *schedule = sp_planner_get_schedule (self->planner);
      guint32 week_first = sp_day_get_week_start (self->selected_day, first_weekday);
      double planned = sp_schedule_get_planned_hours (schedule, week_first, week_first + 6);
      double done = sp_schedule_get_done_hours (schedule, week_first, week_first + 6);
      g_autofree char *planned_text = sp_calendar_format_duration ((guint) (planned * 60 + 0.5));
      g_autofree char *done_text = sp_calendar_format_duration ((guint) (done * 60 + 0.5));
      g_autofree char *range = sp_calendar_format_range (week_first, week_first + 6);
      g_autofree char *text = NULL;

      /* TRANSLATORS: the Week view's header, "Week 10 · 3 – 9 March 2025 · 11 h planned, 3 h 20 min done" */
      text = g_strdup_printf (_("Week %u · %s · %s planned, %s done"), sp_day_get_iso_week (week_first + 3),
                              range, planned_text, done_text);
      gtk_label_set_text (self->week_label, text);
    }
}

static void
sync_calendar (SpWindow *self)
{
  g_autoptr(GDateTime) time = NULL;

  if (self->selected_day == 0 || self->date_calendar == NULL)
    return;
  time = sp_day_to_date_time (self->selected_day);
  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (self->date_calendar, time);
  self->syncing_calendar = FALSE;
}

static void
calendar_day_selected_cb (SpWindow *self)
{
  g_autoptr(GDateTime) time = NULL;
  guint32 day;

  if (self->syncing_calendar)
    return;
  time = gtk_calendar_get_date (self->date_calendar);
  day = sp_day_from_date_time (time);
  sp_window_set_selected_day (self, day);
  gtk_menu_button_popdown (self->date_button);
}

/* The bottom switcher shows only in a narrow window, where the progress
 * summary gives its room to the view (the Path view has the same) */
static void
switcher_bar_reveal_cb (SpWindow *self)
{
  gboolean narrow = adw_view_switcher_bar_get_reveal (self->switcher_bar);

  if (narrow && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
  gtk_widget_set_visible (self->summary_separator, !narrow);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_summary), !narrow);
}

/* A month of day labels is a tenth of the window's widgets: the date
 * picker is made when it first opens */
static void
create_date_popover_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  SpWindow *self = SP_WINDOW (user_data);
  GtkWidget *popover;

  if (self->date_calendar != NULL)
    return;
  self->date_calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Go to date"), -1);
  g_signal_connect_object (self->date_calendar, "day-selected",
                           G_CALLBACK (calendar_day_selected_cb), self, G_CONNECT_SWAPPED);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->date_calendar));
  gtk_menu_button_set_popover (button, popover);
  sync_calendar (self);
}

/* A menu button given its model makes the popover, and a widget for each
 * item, at once: that waits for the menu to be opened (by click or F10). */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  SpWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
update_actions (SpWindow *self)
{
  SpCalendarSpan span;
  gboolean calendar = sp_window_get_span (self, &span);

  /* Off the calendar views the navigation goes, and its place stays as
   * wide as the narrow navigation */
  if (calendar)
    gtk_widget_set_size_request (self->nav_area, -1, -1);
  else if (gtk_widget_get_visible (self->compact_nav_box))
    {
      int width;

      gtk_widget_measure (self->compact_nav_box, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      gtk_widget_set_size_request (self->nav_area, width, -1);
    }
  gtk_widget_set_visible (self->nav_box, calendar);
  gtk_widget_set_visible (self->compact_nav_box, calendar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous", calendar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next", calendar);
  /* Today does nothing when today is the day shown */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.today",
                                 calendar && (self->planner == NULL ||
                                              self->selected_day != sp_planner_get_today (self->planner)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->planner != NULL && sp_planner_can_undo (self->planner));
}

/* The Courses view, with its filters and a row per course, is a sixth of
 * what the window takes to open: it is made after the first frame, or
 * at once when it is the view shown. */
static void
ensure_courses_view (SpWindow *self)
{
  if (self->courses_view != NULL || self->planner == NULL || self->catalog == NULL)
    return;
  g_clear_handle_id (&self->courses_id, g_source_remove);
  self->courses_view = g_object_new (SP_TYPE_COURSES_VIEW,
                                     "catalog", self->catalog,
                                     "planner", self->planner,
                                     NULL);
  adw_bin_set_child (self->courses_bin, GTK_WIDGET (self->courses_view));
}

static gboolean
make_courses_view_cb (gpointer data)
{
  SpWindow *self = data;

  self->courses_id = 0;
  ensure_courses_view (self);
  return G_SOURCE_REMOVE;
}

/* After a view switch, or Enter on a day, the keys go on in the view
 * rather than on a button of the header */
static void
focus_view (SpWindow *self)
{
  GtkWidget *view = adw_view_stack_get_visible_child (self->stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (view == NULL || !gtk_widget_get_mapped (view) || (focus != NULL && gtk_widget_is_ancestor (focus, view)))
    return;
  gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

static void
view_changed_cb (SpWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "courses") == 0)
    ensure_courses_view (self);
  update_actions (self);
  update_title (self);
  focus_view (self);
}

static void
day_activated_cb (SpWindow       *self,
                  guint           day,
                  SpCalendarGrid *grid)
{
  sp_window_set_selected_day (self, day);
  sp_window_set_view (self, "day");
}

/* The selected day's blocks under a compact month */
static void
update_month_list (SpWindow *self)
{
  SpSchedule *schedule = self->planner ? sp_planner_get_schedule (self->planner) : NULL;
  GtkWidget  *child;
  guint       first, n;

  if (!gtk_widget_get_visible (self->month_list_scroller))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->month_list))) != NULL)
    gtk_list_box_remove (self->month_list, child);
  if (schedule == NULL || self->selected_day == 0)
    return;

  n = sp_schedule_get_day_blocks (schedule, self->selected_day, &first);
  for (guint i = first; i < first + n; i++)
    {
      const SpBlock   *block = sp_schedule_get_block (schedule, i);
      g_autofree char *times = sp_calendar_format_time_range (block);
      g_autofree char *meta = sp_calendar_format_block_meta (schedule, block);
      /* TRANSLATORS: a block under a narrow month: "19:00–19:50 · Fundamentals · Learn · Planned" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), times, meta);
      g_autofree char *title = g_markup_escape_text (sp_topic_get_title (block->topic), -1);
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
      GtkWidget       *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "sp-block-id", g_strdup (block->id), g_free);
      gtk_list_box_append (self->month_list, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      /* TRANSLATORS: under a narrow month, a day without blocks */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No study blocks"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->month_list, row);
    }
}

static void
month_compact_cb (SpWindow *self)
{
  gboolean compact;

  g_object_get (self->month_grid, "compact", &compact, NULL);
  gtk_widget_set_visible (self->month_list_scroller, compact);
  update_month_list (self);
}

static void
month_row_activated_cb (SpWindow      *self,
                        GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "sp-block-id");

  if (id != NULL)
    sp_window_show_block (self, id);
}

static void
planner_changed_cb (SpWindow *self)
{
  update_actions (self);
  update_title (self);
  update_month_list (self);
}

/* For bench/startup.sh: when the Path view has made all its sections */
static void
path_view_loading_cb (SpPathView *view,
                      GParamSpec *pspec,
                      SpWindow   *self)
{
  if (sp_path_view_get_loading (view))
    return;
  g_signal_handlers_disconnect_by_func (view, path_view_loading_cb, self);
  sp_bench_mark ("path-view-complete");
}

/* GtkWindow:application is set after construction, so the window is wired here. */
static void
setup (SpWindow      *self,
       SpApplication *app)
{
  GSettings *settings = sp_application_get_settings (app);

  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "view", self->stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);

  /* What the views show, from the application that owns it */
  self->planner = g_object_ref (sp_application_get_planner (app));
  self->catalog = g_object_ref (sp_application_get_catalog (app));
  self->settings = g_object_ref (settings);

  sp_path_view_set_planner (self->path_view, self->planner);
  sp_path_view_set_catalog (self->path_view, self->catalog);
  sp_calendar_grid_set_planner (self->month_grid, self->planner);
  sp_calendar_grid_set_planner (self->week_grid, self->planner);
  g_object_set (self->day_view, "catalog", self->catalog, "planner", self->planner, NULL);
  sp_progress_summary_set_planner (self->progress_summary, self->planner);
  sp_bench_mark ("views");
  if (sp_bench_enabled ())
    g_signal_connect_object (self->path_view, "notify::loading", G_CALLBACK (path_view_loading_cb), self, 0);
  g_signal_connect_object (self->planner, "changed", G_CALLBACK (planner_changed_cb), self, G_CONNECT_SWAPPED);

  /* One selected day for all the views */
  sp_window_set_selected_day (self, sp_planner_get_today (self->planner));
  g_object_bind_property (self, "selected-day", self->month_grid, "selected-day",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selected-day", self->week_grid, "selected-day",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selected-day", self->day_view, "selected-day",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  update_actions (self);
  update_title (self);
  sp_window_focus_setup (self);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "courses") == 0)
    ensure_courses_view (self);
  else
    self->courses_id = g_idle_add_full (G_PRIORITY_LOW, make_courses_view_cb, self, NULL);
}

static void
popdown_descendants (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
        gtk_popover_popdown (GTK_POPOVER (child));
      popdown_descendants (child);
    }
}

/* GTK 4.8 keeps a popover that is open when its window goes alive after
 * it, unrealized; a tooltip timer then started on the popover asks its
 * surface, which is gone, for the pointer (a Gdk-CRITICAL). Closed first,
 * the popover goes with the window. */
static void
sp_window_unrealize (GtkWidget *widget)
{
  popdown_descendants (widget);

  GTK_WIDGET_CLASS (sp_window_parent_class)->unrealize (widget);
}

static void
sp_window_dispose (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  g_clear_handle_id (&self->courses_id, g_source_remove);
  sp_window_focus_dispose (self);

  g_clear_object (&self->planner);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_window_parent_class)->dispose (object);
}

static void
sp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DAY:
      g_value_set_uint (value, self->selected_day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DAY:
      sp_window_set_selected_day (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_class_init (SpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_window_dispose;
  object_class->get_property = sp_window_get_property;
  object_class->set_property = sp_window_set_property;
  widget_class->unrealize = sp_window_unrealize;

  /**
   * SpWindow:selected-day:
   *
   * The day the calendar views show, as a Julian day; they share it.
   */
  properties[PROP_SELECTED_DAY] =
    g_param_spec_uint ("selected-day", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_PATH_VIEW);
  g_type_ensure (SP_TYPE_COURSES_VIEW);
  g_type_ensure (SP_TYPE_CALENDAR_GRID);
  g_type_ensure (SP_TYPE_DAY_VIEW);
  g_type_ensure (SP_TYPE_PROGRESS_SUMMARY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/studyplanner/StudyPlanner/ui/sp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, sync_progress);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, path_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, courses_bin);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, nav_area);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, nav_box);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, compact_nav_box);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, month_grid);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, month_list_scroller);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, month_list);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, week_grid);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, week_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, day_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, progress_summary);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, summary_separator);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, switcher_bar_reveal_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_compact_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_row_activated_cb);

  sp_window_actions_class_init (widget_class);
  sp_window_print_class_init (widget_class);
  sp_window_focus_class_init (widget_class);
}

static void
sp_window_init (SpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_bench_mark ("template");
  gtk_menu_button_set_create_popup_func (self->date_button, create_date_popover_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

SpWindow *
sp_window_new (SpApplication *application)
{
  SpWindow *self = g_object_new (SP_TYPE_WINDOW, "application", application, NULL);

  setup (self, application);
  return self;
}

void
sp_window_add_toast (SpWindow   *self,
                     const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (SP_IS_WINDOW (self));

  /* Messages may quote file contents, and libadwaita 1.2 reads a toast's
   * title as markup: escape it */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* A toast that can take the last edit back. */
void
sp_window_add_undo_toast (SpWindow   *self,
                          const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (SP_IS_WINDOW (self));

  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  /* The last edit's Undo shows at once, not after the toasts of the ones before */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * sp_window_show_error:
 * @message: plain text, one problem per line; shown as is, not as markup
 */
void
sp_window_show_error (SpWindow   *self,
                      const char *heading,
                      const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (SP_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

const char *
sp_window_get_view (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

void
sp_window_set_view (SpWindow   *self,
                    const char *name)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

guint32
sp_window_get_selected_day (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), 0);
  return self->selected_day;
}

void
sp_window_set_selected_day (SpWindow *self,
                            guint32   day)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  if (day == 0 || !g_date_valid_julian (day) || day == self->selected_day)
    return;
  self->selected_day = day;
  sync_calendar (self);
  update_actions (self);
  update_title (self);
  update_month_list (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DAY]);
}

/**
 * sp_window_show_block:
 *
 * Opens the Day view on a block's day with its details.
 */
gboolean
sp_window_show_block (SpWindow   *self,
                      const char *block_id)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);

  sp_window_set_view (self, "day");
  return sp_day_view_open_block (self->day_view, block_id);
}

/**
 * sp_window_set_sync_fraction:
 * @fraction: how much of a long calendar sync is done, from 0 to 1, or a
 *   negative number when none runs
 *
 * Shows a long sync's progress under the header, whichever view is shown:
 * a first push of the whole plan takes minutes.
 */
void
sp_window_set_sync_fraction (SpWindow *self,
                             double    fraction)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SP_IS_WINDOW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->sync_progress), fraction >= 0);
  if (fraction < 0)
    return;
  gtk_progress_bar_set_fraction (self->sync_progress, fraction);
  /* TRANSLATORS: the share of a calendar sync done, for screen readers */
  text = g_strdup_printf (_("Calendar sync %d%% done"), (int) (fraction * 100 + 0.5));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_progress), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

GtkWidget *
sp_window_get_sync_progress (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->sync_progress);
}
