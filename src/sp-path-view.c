/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-path-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sp-accessible.h"
#include "sp-calendar-text.h"
#include "sp-course-rows.h"
#include "sp-goal-rows.h"
#include "sp-model-properties.h"
#include "sp-path-view.h"
#include "sp-tooltip.h"
#include "sp-wrap-layout.h"

/* The learning path as a person reads it: levels in order, each with its
 * time frame, its topics and what to do, and the chosen track. */
struct _SpPathView
{
  AdwBin      parent_instance;

  SpPlanner  *planner;
  SpCatalog  *catalog;
  guint       rebuild_id;
  gboolean    stale;       /* changed while hidden: rebuilt when shown */
  guint       fill_id;
  gboolean    overview_pending;
  gboolean    sections_pending;
  gboolean    built;       /* the page has been made whole once */
  GtkBox     *next_levels; /* (owned): the sections being made, shown when whole */
  GPtrArray  *filling;   /* element-type GtkListBox: lists still making their rows, in order */

  GtkLabel   *title_label;
  GtkLabel   *description_label;
  GtkBox     *steps_box;
  GtkBox     *fit_box;
  GtkBox     *levels_box;
  GtkBox     *verdict_box; /* the one line that says whether the plan fits */
};

G_DEFINE_FINAL_TYPE (SpPathView, sp_path_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLANNER,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SpModelProperty planner_property = {
  "planner", sp_planner_get_type, G_STRUCT_OFFSET (SpPathView, planner),
  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY, G_CALLBACK (sp_path_view_set_planner)
};

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static char *
format_time_frame (const SpLevel *level)
{
  if (level->max_months < 0)
    /* TRANSLATORS: an open-ended time frame, "12+ months" */
    return g_strdup_printf (ngettext ("%u+ month", "%u+ months", level->min_months), level->min_months);
  /* TRANSLATORS: a time frame, "3–6 months" */
  return g_strdup_printf (ngettext ("%u–%d month", "%u–%d months", level->max_months),
                          level->min_months, level->max_months);
}

static char *
format_hours (double hours)
{
  /* TRANSLATORS: a number of study hours, "30 h" */
  return g_strdup_printf (_("%.0f h"), hours);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_level_badge (guint level_index)
{
  GtkWidget *badge = gtk_label_new (NULL);
  g_autofree char *css = g_strdup_printf ("level-%u", MIN (level_index + 1, 6));
  g_autofree char *text = g_strdup_printf ("%u", level_index + 1);

  gtk_label_set_text (GTK_LABEL (badge), text);
  gtk_widget_add_css_class (badge, "level-badge");
  gtk_widget_add_css_class (badge, css);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

static void
add_task_row (AdwExpanderRow *expander,
              const char     *kind,
              const SpText   *task)
{
  GtkWidget *row;

  if (task == NULL)
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kind);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sp_text_get (task));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_expander_row_add_row (expander, row);
}

/* Task rows are made on first expansion: most topics are never opened. */
static void
topic_row_expanded_cb (AdwExpanderRow *expander,
                       GParamSpec     *pspec,
                       const SpTopic  *topic)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (expander), SP_TYPE_PATH_VIEW);
  SpPathView *self = view ? SP_PATH_VIEW (view) : NULL;

  if (!adw_expander_row_get_expanded (expander))
    return;

  g_signal_handlers_disconnect_by_func (expander, topic_row_expanded_cb, (gpointer) topic);
  add_task_row (expander, _("Read"), topic->task_read);
  add_task_row (expander, _("Practice"), topic->task_practice);
  add_task_row (expander, _("Project"), topic->task_project);
  if (self != NULL && self->catalog != NULL)
    sp_course_rows_add (expander, self->catalog, self->planner, topic->id);
}

static char *
describe_prerequisites (SpPlan        *plan,
                        const SpTopic *topic)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; topic->prerequisites[i] != NULL; i++)
    {
      const SpTopic *prereq = sp_plan_lookup_topic (plan, topic->prerequisites[i]);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, prereq ? sp_topic_get_title (prereq) : topic->prerequisites[i]);
    }

  if (names->len == 0)
    return NULL;
  /* TRANSLATORS: the topics to finish first, "After: Python, Linear algebra" */
  return g_strdup_printf (_("After: %s"), names->str);
}

static GtkWidget *
new_topic_row (SpPlan        *plan,
               SpPlanner     *planner,
               const SpTopic *topic,
               const char    *extra)
{
  GtkWidget *row = adw_expander_row_new ();
  /* The hours of an attached course when the user chose them */
  gboolean from_course = planner != NULL && sp_planner_has_topic_hours (planner, topic->id);
  g_autofree char *hours = format_hours (from_course ? sp_planner_get_topic_hours (planner, topic->id)
                                                     : topic->hours);
  g_autofree char *prereqs = describe_prerequisites (plan, topic);
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *hours_label;

  if (extra != NULL && prereqs != NULL)
    subtitle = g_strdup_printf ("%s · %s", extra, prereqs);
  else
    subtitle = g_strdup (extra ? extra : prereqs);

  /* Plan text is untrusted: never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_topic_get_title (topic));
  if (subtitle != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), new_level_badge (topic->level));

  hours_label = gtk_label_new (hours);
  gtk_widget_add_css_class (hours_label, "numeric");
  gtk_widget_add_css_class (hours_label, "dim-label");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), hours_label);
  if (from_course)
    {
      g_autofree char *estimate = format_hours (topic->hours);
      /* TRANSLATORS: the tooltip of a topic's hours taken from its course, "From the course (estimate: 30 h)" */
      g_autofree char *tooltip = g_strdup_printf (_("From the course (estimate: %s)"), estimate);

      sp_tooltip_set_text (hours_label, tooltip);
      gtk_widget_add_css_class (hours_label, "course-hours");
      /* TRANSLATORS: read out for a topic row, "Linear algebra, 40 h, from the course" */
      accessible = g_strdup_printf (_("%s, %s, from the course"), sp_topic_get_title (topic), hours);
    }
  else
    accessible = g_strdup_printf (_("%s, %s"), sp_topic_get_title (topic), hours);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  g_signal_connect (row, "notify::expanded", G_CALLBACK (topic_row_expanded_cb), (gpointer) topic);
  return row;
}

static GtkWidget *
new_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

/* A list makes rows for its first topics and more on request: a plan may
 * hold 200,000 topics, a row is a dozen widgets, and all of them at once
 * took minutes and gigabytes before the first frame. Even the first page
 * is made a few rows at a time, after the first frame: the sections and
 * rows of the bundled path, all below the first screen, doubled the time
 * to the first frame. */
#define ROWS_PER_PAGE  100
#define ROWS_PER_IDLE  8

typedef struct
{
  SpPlan    *plan;
  SpPlanner *planner;    /* nullable */
  GPtrArray *topics;     /* element-type SpTopic, borrowed from plan */
  gboolean   show_level; /* for woven topics: say during which level */
  guint      shown;
  guint      target;     /* rows to make before a "Show More" row */
} TopicPager;

static void
topic_pager_free (TopicPager *pager)
{
  g_object_unref (pager->plan);
  g_clear_object (&pager->planner);
  g_ptr_array_unref (pager->topics);
  g_free (pager);
}

static gboolean append_rows (GtkListBox *list,
                             guint       n);

static void
more_row_activated_cb (AdwActionRow *row,
                       GtkListBox   *list)
{
  TopicPager *pager = g_object_get_data (G_OBJECT (list), "sp-topic-pager");
  GtkWidget *next;

  /* Asked for: made at once */
  pager->target = MIN (pager->shown + ROWS_PER_PAGE, pager->topics->len);
  append_rows (list, G_MAXUINT);
  /* Keep the keyboard where it was: on the first of the new rows */
  next = gtk_widget_get_next_sibling (GTK_WIDGET (row));
  gtk_list_box_remove (list, GTK_WIDGET (row));
  if (next != NULL)
    gtk_widget_grab_focus (next);
}

/* Makes up to @n more rows toward the page's target, then the "Show More"
 * row when topics are left. Returns whether the page is complete. */
static gboolean
append_rows (GtkListBox *list,
             guint       n)
{
  TopicPager *pager = g_object_get_data (G_OBJECT (list), "sp-topic-pager");
  guint end = pager->shown + MIN (n, pager->target - pager->shown);
  guint left;
  GtkWidget *more;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  for (; pager->shown < end; pager->shown++)
    {
      const SpTopic *topic = g_ptr_array_index (pager->topics, pager->shown);
      g_autofree char *when = NULL;

      if (pager->show_level)
        /* TRANSLATORS: when a skill is studied, "During Machine Learning Core" */
        when = g_strdup_printf (_("During %s"),
                                sp_text_get (sp_plan_get_level (pager->plan, topic->level)->title));
      gtk_list_box_append (list, new_topic_row (pager->plan, pager->planner, topic, when));
    }

  if (pager->shown < pager->target)
    return FALSE;
  if (pager->shown == pager->topics->len)
    return TRUE;

  left = pager->topics->len - pager->shown;
  title = g_strdup_printf (ngettext ("Show %u More Topic", "Show %u More Topics", MIN (left, ROWS_PER_PAGE)),
                           MIN (left, ROWS_PER_PAGE));
  subtitle = g_strdup_printf (ngettext ("%u topic not shown yet", "%u topics not shown yet", left), left);
  more = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (more), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (more), gtk_image_new_from_icon_name ("go-down-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (more), TRUE);
  gtk_widget_add_css_class (more, "more-topics");
  g_signal_connect_object (more, "activated", G_CALLBACK (more_row_activated_cb), list, 0);
  gtk_list_box_append (list, more);
  return TRUE;
}

/* Makes up to @budget rows in the lists still filling, in order.
 * Returns whether any list is left to fill. */
static gboolean
fill_rows (SpPathView *self,
           guint       budget)
{
  while (budget > 0 && self->filling->len > 0)
    {
      GtkListBox *list = g_ptr_array_index (self->filling, 0);
      TopicPager *pager = g_object_get_data (G_OBJECT (list), "sp-topic-pager");
      guint n = MIN (budget, pager->target - pager->shown);

      budget -= n;
      if (append_rows (list, n))
        g_ptr_array_remove_index (self->filling, 0);
    }
  return self->filling->len > 0;
}

static void add_overview (SpPathView *self);
static void add_level (SpPathView    *self,
                       SpPlan        *plan,
                       const SpLevel *level);
static void add_woven_section (SpPathView      *self,
                               SpPlan          *plan,
                               SpTopicCategory  category,
                               const char      *title,
                               const char      *subtitle);

static void
add_sections (SpPathView *self)
{
  SpPlan *plan = sp_planner_get_plan (self->planner);

  for (guint i = 0; i < sp_plan_get_n_levels (plan); i++)
    add_level (self, plan, sp_plan_get_level (plan, i));

  add_woven_section (self, plan, SP_TOPIC_CATEGORY_SKILL, _("Complementary Skills"),
                     _("Studied alongside the levels, a little each week"));
  add_woven_section (self, plan, SP_TOPIC_CATEGORY_MILESTONE, _("Portfolio Milestones"),
                     _("Projects that show what you can do"));
  add_woven_section (self, plan, SP_TOPIC_CATEGORY_INTERVIEW, _("Interview Preparation"),
                     _("Getting ready for the job search"));
}

static gboolean
fill_idle_cb (gpointer data)
{
  SpPathView *self = data;

  if (self->overview_pending)
    {
      self->overview_pending = FALSE;
      add_overview (self);
      return G_SOURCE_CONTINUE;
    }

  if (self->sections_pending)
    {
      self->sections_pending = FALSE;
      add_sections (self);
      return G_SOURCE_CONTINUE;
    }

  if (fill_rows (self, ROWS_PER_IDLE))
    return G_SOURCE_CONTINUE;

  /* Whole: it takes the place of what was shown, in one frame, so the
   * page keeps its length and where it was scrolled to */
  remove_children (self->levels_box);
  gtk_box_append (self->levels_box, GTK_WIDGET (self->next_levels));
  g_clear_object (&self->next_levels);
  self->built = TRUE;

  self->fill_id = 0;
  if (!sp_path_view_get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  return G_SOURCE_REMOVE;
}

/* Returns: (transfer full) (nullable): a boxed list of @topics, NULL for
 *   none; its rows are made by fill_rows() */
static GtkWidget *
new_topic_list (SpPathView *self,
                SpPlan     *plan,
                GPtrArray  *topics,
                gboolean    show_level)
{
  GtkWidget *list;
  TopicPager *pager;

  if (topics->len == 0)
    return NULL;

  list = new_boxed_list ();
  pager = g_new0 (TopicPager, 1);
  pager->plan = g_object_ref (plan);
  pager->planner = self->planner ? g_object_ref (self->planner) : NULL;
  pager->topics = g_ptr_array_ref (topics);
  pager->show_level = show_level;
  pager->target = MIN (ROWS_PER_PAGE, topics->len);
  g_object_set_data_full (G_OBJECT (list), "sp-topic-pager", pager, (GDestroyNotify) topic_pager_free);
  g_ptr_array_add (self->filling, g_object_ref (list));
  return list;
}

static void
track_selected_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   SpPathView  *self)
{
  SpPlan *plan = sp_planner_get_plan (self->planner);
  const SpLevel *level = g_object_get_data (G_OBJECT (row), "sp-level");
  guint selected = adw_combo_row_get_selected (row);
  const SpTrack *track;

  if (plan == NULL || level == NULL || selected >= level->tracks->len)
    return;

  track = g_ptr_array_index (level->tracks, selected);
  sp_planner_set_track (self->planner, track->id);
}

static GtkWidget *
new_track_selector (SpPathView    *self,
                    const SpLevel *level)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const char *current = sp_planner_get_track (self->planner);
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkListItemFactory) list_factory = sp_list_cell_string_factory_new ();
  guint selected = 0;

  for (guint i = 0; i < level->tracks->len; i++)
    {
      const SpTrack *track = g_ptr_array_index (level->tracks, i);

      gtk_string_list_append (model, sp_text_get (track->title));
      if (g_strcmp0 (track->id, current) == 0)
        selected = i;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Specialization Track"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), FALSE);
  /* The row shows its choice in a list of its own, named as the popup's */
  adw_combo_row_set_factory (ADW_COMBO_ROW (row), list_factory);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (row), list_factory);
  g_object_set_data (G_OBJECT (row), "sp-level", (gpointer) level);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (track_selected_cb), self, 0);
  return row;
}

/* What the user studied of a level in focus sessions */
static guint
level_focus_minutes (SpPathView *self,
                     guint       level)
{
  SpSchedule *schedule = sp_planner_get_schedule (self->planner);
  guint       minutes = 0;

  for (guint i = 0; schedule != NULL && i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock         *block = sp_schedule_get_block (schedule, i);
      const SpFocusInterval *focus;
      guint                  n;

      if (block->level != level)
        continue;
      focus = sp_schedule_get_focus (schedule, block, &n);
      for (guint j = 0; j < n; j++)
        minutes += focus[j].minutes;
    }
  return minutes;
}

static GtkWidget *
new_step (SpPathView    *self,
          const SpLevel *level,
          double         hours,
          double         progress)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *bar = gtk_progress_bar_new ();
  g_autofree char *number = g_strdup_printf (_("Level %u"), level->number);
  g_autofree char *frame = format_time_frame (level);
  g_autofree char *hours_text = format_hours (hours);
  guint            focused = level_focus_minutes (self, level->number - 1);
  g_autofree char *focused_text = sp_calendar_format_duration (focused);
  g_autofree char *meta = focused > 0
      /* TRANSLATORS: a level's time frame, hours and minutes studied in focus sessions, "3–6 months · 195 h · 4 h 10 min focused" */
      ? g_strdup_printf (_("%s · %s · %s focused"), frame, hours_text, focused_text)
      : g_strdup_printf ("%s · %s", frame, hours_text);
  g_autofree char *css = g_strdup_printf ("level-%u", MIN (level->number, 6));
  g_autofree char *percent = g_strdup_printf (_("%.0f%% done"), progress * 100);
  g_autofree char *accessible = g_strdup_printf (_("Level %u, %s: %s, %s"), level->number,
                                                 sp_text_get (level->title), meta, percent);
  GtkWidget *title;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "level-step");
  gtk_widget_add_css_class (card, css);

  gtk_box_append (GTK_BOX (card), new_label (number, "caption-heading"));
  title = new_label (sp_text_get (level->title), "heading");
  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (card), new_label (meta, "caption"));

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), progress);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (bar), percent);
  sp_tooltip_set_text (bar, percent);
  gtk_widget_set_margin_top (bar, 6);
  gtk_box_append (GTK_BOX (card), bar);

  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, percent,
                                  -1);
  return card;
}

static GtkWidget *
new_section_header (const char *title,
                    const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), new_label (title, "title-3"));
  if (subtitle != NULL && subtitle[0] != '\0')
    gtk_box_append (GTK_BOX (box), new_label (subtitle, "dim-label"));
  return box;
}

static char *
format_months (double months)
{
  /* TRANSLATORS: a projected length, "4.8 months"; the number has one decimal */
  return g_strdup_printf (ngettext ("%.1f month", "%.1f months", (gulong) lround (months * 10)), months);
}

/* One level against its time frame: dates, months, and what to do about it. */
static GtkWidget *
new_fit_row (SpPlan              *plan,
             const SpLevelReport *report)
{
  const SpLevel *level = sp_plan_get_level (plan, report->level);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autofree char *title = g_strdup_printf (_("Level %u · %s"), level->number, sp_text_get (level->title));
  g_autofree char *frame = format_time_frame (level);
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  const char *verdict;

  if (report->start_day != 0)
    {
      g_autofree char *start = sp_calendar_format_date (report->start_day);
      g_autofree char *end = sp_calendar_format_date (report->end_day);
      g_autofree char *months = format_months (report->months);

      /* TRANSLATORS: "1 September 2025 – 24 January 2026 · 4.8 months of 3–6 months\nAt 10 h a week, …" */
      subtitle = g_strdup_printf (_("%s – %s · %s of %s\n%s"), start, end, months, frame, report->advice);
    }
  else
    subtitle = g_strdup (report->advice);

  verdict = report->fits ? _("Fits its time frame") : _("Does not fit its time frame");
  icon = gtk_image_new_from_icon_name (report->fits ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, report->fits ? "success" : "warning");
  sp_tooltip_set_text (icon, verdict);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, verdict, -1);

  /* Plan text is untrusted: never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), new_level_badge (report->level));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, report->fits ? "level-fits" : "level-does-not-fit");

  accessible = g_strdup_printf ("%s: %s. %s", title, verdict, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

/* The row of @target's goal in the report, when it has one */
static void
add_goal_row (SpPathView *self,
              GtkWidget  *list,
              GPtrArray  *goals,
              const char *target)
{
  for (guint i = 0; i < goals->len; i++)
    {
      const SpGoalResult *goal = g_ptr_array_index (goals, i);

      if (g_str_equal (goal->target, target))
        gtk_list_box_append (GTK_LIST_BOX (list), sp_goal_result_row_new (self->planner, goal));
    }
}

/* The projected end, its length, and how long the plan's sources say the
 * whole journey typically takes */
static char *
describe_end (SpSchedule *schedule)
{
  SpPlan          *plan = sp_schedule_get_plan (schedule);
  guint32          end_day = sp_schedule_get_end_day (schedule);
  guint32          first = 0;
  guint            min_months;
  int              max_months;
  g_autofree char *end = NULL;
  g_autofree char *length = NULL;

  if (end_day == 0)
    return g_strdup (_("Not planned"));
  for (guint l = 0; l < sp_schedule_get_n_levels (schedule) && first == 0; l++)
    first = sp_schedule_get_level_report (schedule, l)->start_day;
  end = sp_calendar_format_date (end_day);
  length = format_months ((end_day - MIN (first, end_day) + 1) / 30.436875);
  if (!sp_plan_get_months (plan, &min_months, &max_months))
    /* TRANSLATORS: the projected end of the path and its length, "3 March 2029 · 25.9 months" */
    return g_strdup_printf (_("%s · %s"), end, length);
  if (max_months < 0)
    /* TRANSLATORS: "3 March 2029 · 25.9 months; typically 12 months or more of dedicated study and practice before you’re job-ready" */
    return g_strdup_printf (ngettext ("%s · %s; typically %u month or more of dedicated study and practice before you’re job-ready",
                                      "%s · %s; typically %u months or more of dedicated study and practice before you’re job-ready",
                                      min_months),
                            end, length, min_months);
  /* TRANSLATORS: "3 March 2029 · 25.9 months; typically 12–18 months of dedicated study and practice before you’re job-ready" */
  return g_strdup_printf (ngettext ("%s · %s; typically %u–%d month of dedicated study and practice before you’re job-ready",
                                    "%s · %s; typically %u–%d months of dedicated study and practice before you’re job-ready",
                                    (gulong) max_months),
                          end, length, min_months, max_months);
}

/* "Does it fit?": each level's projected dates at the user's hours, set
 * against the path's time frames, with its goal; and the end of the whole
 * path, with the path's goal. */
static void
add_fit_section (SpPathView *self,
                 GPtrArray  *goals)
{
  /* The advice's weekly hours cost a dozen runs of the scheduler a level
   * that does not fit: only here, where they are shown */
  SpSchedule      *schedule = sp_planner_advise_levels (self->planner);
  SpPlan *plan = sp_schedule_get_plan (schedule);
  GtkWidget *list = new_boxed_list ();
  GtkWidget *end_row = adw_action_row_new ();
  GtkWidget *hours_button = gtk_button_new_with_mnemonic (_("Change _Hours…"));
  g_autofree char *end = describe_end (schedule);

  gtk_box_append (self->fit_box, new_section_header (_("Does It Fit?"), sp_schedule_get_summary (schedule)));

  for (guint l = 0; l < sp_schedule_get_n_levels (schedule); l++)
    {
      const char *level_id = sp_plan_get_level (plan, l)->id;
      GtkWidget  *row = new_fit_row (plan, sp_schedule_get_level_report (schedule, l));

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sp_goal_button_new (self->planner, level_id, TRUE));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      add_goal_row (self, list, goals, level_id);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (end_row), _("Projected End of the Path"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (end_row), end);
  adw_action_row_add_prefix (ADW_ACTION_ROW (end_row), gtk_image_new_from_icon_name ("emoji-flags-symbolic"));
  gtk_widget_set_valign (hours_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (hours_button), "app.preferences");
  adw_action_row_add_suffix (ADW_ACTION_ROW (end_row), hours_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (end_row), sp_goal_button_new (self->planner, SP_GOAL_PATH, TRUE));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (end_row), 0);
  gtk_widget_add_css_class (end_row, "path-end");
  gtk_list_box_append (GTK_LIST_BOX (list), end_row);
  add_goal_row (self, list, goals, SP_GOAL_PATH);

  gtk_box_append (self->fit_box, list);
}

static void
add_level (SpPathView    *self,
           SpPlan        *plan,
           const SpLevel *level)
{
  const char *track_id = sp_planner_get_track (self->planner);
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list;
  g_autoptr(GPtrArray) topics = NULL;
  g_autofree char *heading = g_strdup_printf (_("Level %u · %s"), level->number, sp_text_get (level->title));
  g_autofree char *frame = format_time_frame (level);
  g_autofree char *hours = format_hours (sp_planner_get_level_hours (self->planner, level->number - 1));
  g_autofree char *meta = NULL;
  const char *description = sp_text_get (level->description);

  /* TRANSLATORS: "3–6 months · 185 h of study" */
  meta = g_strdup_printf (_("%s · %s of study"), frame, hours);
  gtk_box_append (GTK_BOX (section), new_section_header (heading, meta));
  if (description != NULL)
    gtk_box_append (GTK_BOX (section), new_label (description, NULL));

  if (level->tracks->len > 0)
    {
      const SpTrack *track = sp_plan_lookup_track (plan, track_id);

      list = new_boxed_list ();
      gtk_list_box_append (GTK_LIST_BOX (list), new_track_selector (self, level));
      gtk_box_append (GTK_BOX (section), list);

      if (track != NULL && track->level == level->number - 1 && track->description != NULL)
        gtk_box_append (GTK_BOX (section), new_label (sp_text_get (track->description), "dim-label"));
    }

  topics = g_ptr_array_new ();
  g_ptr_array_extend (topics, level->topics, NULL, NULL);
  for (guint t = 0; t < level->tracks->len; t++)
    {
      const SpTrack *track = g_ptr_array_index (level->tracks, t);

      if (g_strcmp0 (track->id, track_id) == 0)
        g_ptr_array_extend (topics, track->topics, NULL, NULL);
    }

  list = new_topic_list (self, plan, topics, FALSE);
  if (list != NULL)
    gtk_box_append (GTK_BOX (section), list);

  gtk_box_append (self->next_levels, section);
}

static void
add_woven_section (SpPathView      *self,
                   SpPlan          *plan,
                   SpTopicCategory  category,
                   const char      *title,
                   const char      *subtitle)
{
  GPtrArray *all = sp_plan_get_topics (plan);
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();
  GtkWidget *section;
  GtkWidget *list;

  for (guint i = 0; i < all->len; i++)
    {
      const SpTopic *topic = g_ptr_array_index (all, i);

      if (topic->category == category)
        g_ptr_array_add (topics, (gpointer) topic);
    }

  list = new_topic_list (self, plan, topics, TRUE);
  if (list == NULL)
    return;

  section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (section), new_section_header (title, subtitle));
  gtk_box_append (GTK_BOX (section), list);
  gtk_box_append (self->next_levels, section);
}

/* The level cards and the feasibility report */
static void
add_overview (SpPathView *self)
{
  SpPlan *plan = sp_planner_get_plan (self->planner);
  const char *description = sp_plan_get_description (plan);

  gtk_label_set_text (self->description_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL);
  remove_children (self->steps_box);
  remove_children (self->fit_box);
  for (guint i = 0; i < sp_plan_get_n_levels (plan); i++)
    {
      const SpLevel *level = sp_plan_get_level (plan, i);

      gtk_box_append (self->steps_box,
                      new_step (self, level, sp_planner_get_level_hours (self->planner, i),
                                sp_planner_get_level_progress (self->planner, i)));
    }

  remove_children (self->verdict_box);
  if (sp_planner_get_schedule (self->planner) != NULL)
    {
      /* A dozen runs of the scheduler a goal: only the goals set */
      g_autoptr(GPtrArray) goals = sp_planner_solve_goals (self->planner);

      gtk_box_append (self->verdict_box, sp_goal_verdict_new (self->planner, goals));
      add_fit_section (self, goals);
    }
}

static void
rebuild (SpPathView *self)
{
  SpPlan *plan;

  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_ptr_array_set_size (self->filling, 0);
  self->overview_pending = FALSE;
  self->sections_pending = FALSE;
  g_clear_object (&self->next_levels);

  if (self->planner == NULL)
    {
      remove_children (self->verdict_box);
      remove_children (self->steps_box);
      remove_children (self->fit_box);
      remove_children (self->levels_box);
      self->built = FALSE;
      return;
    }

  plan = sp_planner_get_plan (self->planner);
  gtk_label_set_text (self->title_label, sp_plan_get_title (plan));

  /* A window opening on this page shows the path's title in its first
   * frame; the description, the level cards, the feasibility report, then
   * the levels' sections and their rows follow between frames (laying out
   * the description's wrapped paragraph at the widths GTK measures took
   * about 10 ms before the first frame). Once the page has been whole, a
   * change shows the new overview at once and the new sections when they
   * are all made. */
  if (self->built)
    add_overview (self);
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->description_label), FALSE);
      remove_children (self->verdict_box);
      remove_children (self->steps_box);
      remove_children (self->fit_box);
      self->overview_pending = TRUE;
    }
  self->next_levels = GTK_BOX (g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24)));
  self->sections_pending = TRUE;
  self->fill_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_idle_cb, self, NULL);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  SpPathView *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  if (!sp_path_view_get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  return G_SOURCE_REMOVE;
}

/* Changes can come from a row of this view (the track selector) while it
 * emits: rebuilding later keeps that row alive until its signal is done,
 * and coalesces bursts of changes into one rebuild. */
static void
planner_changed_cb (SpPathView *self)
{
  gboolean was_loading;

  /* Marking a block in the calendar changes the planner: a rebuild of
   * this whole page (about 0.3 s for the bundled path) waits until the
   * page is shown */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  was_loading = sp_path_view_get_loading (self);
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, rebuild_idle_cb, self, NULL);
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
sp_path_view_map (GtkWidget *widget)
{
  SpPathView *self = SP_PATH_VIEW (widget);

  GTK_WIDGET_CLASS (sp_path_view_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      planner_changed_cb (self);
    }
}

static void
sp_path_view_dispose (GObject *object)
{
  SpPathView *self = SP_PATH_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_ptr_array_set_size (self->filling, 0);
  g_clear_object (&self->next_levels);

  g_clear_object (&self->planner);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (sp_path_view_parent_class)->dispose (object);
}

static void
sp_path_view_finalize (GObject *object)
{
  SpPathView *self = SP_PATH_VIEW (object);

  g_ptr_array_unref (self->filling);

  G_OBJECT_CLASS (sp_path_view_parent_class)->finalize (object);
}

static void
sp_path_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpPathView *self = SP_PATH_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, sp_path_view_get_loading (self));
      break;
    default:
      sp_model_properties_get_property (object, prop_id, value, pspec);
    }
}

static void
sp_path_view_class_init (SpPathViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_path_view_dispose;
  object_class->finalize = sp_path_view_finalize;
  object_class->get_property = sp_path_view_get_property;
  object_class->set_property = sp_model_properties_set_property;
  widget_class->map = sp_path_view_map;

  properties[PROP_PLANNER] = sp_model_property_new (&planner_property);
  /**
   * SpPathView:loading:
   *
   * Whether rows of the first pages are still being made, after the
   * first screenful.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/studyplanner/StudyPlanner/ui/sp-path-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPathView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SpPathView, description_label);
  gtk_widget_class_bind_template_child (widget_class, SpPathView, steps_box);
  gtk_widget_class_bind_template_child (widget_class, SpPathView, fit_box);
  gtk_widget_class_bind_template_child (widget_class, SpPathView, levels_box);
  gtk_widget_class_set_css_name (widget_class, "pathview");
}

static void
sp_path_view_init (SpPathView *self)
{
  self->filling = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The level cards go one under the other in a narrow window */
  gtk_widget_set_layout_manager (GTK_WIDGET (self->steps_box), sp_wrap_layout_new (12, 12, TRUE));
  /* Under the title: whether the plan fits, at once; the details below */
  self->verdict_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_widget_set_margin_top (GTK_WIDGET (self->verdict_box), 6);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->description_label))),
                              GTK_WIDGET (self->verdict_box), GTK_WIDGET (self->description_label));
}

gboolean
sp_path_view_get_loading (SpPathView *self)
{
  g_return_val_if_fail (SP_IS_PATH_VIEW (self), FALSE);
  return self->rebuild_id != 0 || self->fill_id != 0;
}

SpPlanner *
sp_path_view_get_planner (SpPathView *self)
{
  g_return_val_if_fail (SP_IS_PATH_VIEW (self), NULL);
  return self->planner;
}

void
sp_path_view_set_planner (SpPathView *self,
                          SpPlanner  *planner)
{
  gboolean was_loading;

  g_return_if_fail (SP_IS_PATH_VIEW (self));

  if (self->planner != NULL)
    g_signal_handlers_disconnect_by_func (self->planner, planner_changed_cb, self);

  if (!g_set_object (&self->planner, planner))
    return;

  if (planner != NULL)
    g_signal_connect_object (planner, "changed", G_CALLBACK (planner_changed_cb), self, G_CONNECT_SWAPPED);

  was_loading = sp_path_view_get_loading (self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNER]);
  if (was_loading != sp_path_view_get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * sp_path_view_set_catalog:
 *
 * Shows the best course matches in each topic's expansion.
 */
void
sp_path_view_set_catalog (SpPathView *self,
                          SpCatalog  *catalog)
{
  g_return_if_fail (SP_IS_PATH_VIEW (self));
  g_set_object (&self->catalog, catalog);
}
