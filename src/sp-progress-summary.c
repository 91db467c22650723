/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-progress-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-calendar-grid.h"
#include "sp-calendar-layout.h"
#include "sp-progress-summary.h"

/* Always in sight under the views: this week's hours planned against
 * done, the streak of study days, and each level's share done, whose
 * numbered, coloured badges double as the legend of the calendar. */
struct _SpProgressSummary
{
  GtkWidget   parent_instance;

  SpPlanner  *planner;
  GtkWidget  *flow;
  char       *text;
};

G_DEFINE_FINAL_TYPE (SpProgressSummary, sp_progress_summary, GTK_TYPE_WIDGET)

static GtkWidget *
new_item (const char *accessible)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  gtk_widget_add_css_class (box, "summary-item");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return box;
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_bar (double      fraction,
         const char *accessible)
{
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), CLAMP (fraction, 0, 1));
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return bar;
}

static void
add_item (SpProgressSummary *self,
          GtkWidget         *item)
{
  GtkWidget *child;

  gtk_flow_box_append (GTK_FLOW_BOX (self->flow), item);
  /* Read, not operated: the keyboard skips it */
  child = gtk_widget_get_parent (item);
  gtk_widget_set_focusable (child, FALSE);
}

static void
rebuild (SpProgressSummary *self)
{
  SpSchedule *schedule;
  SpPlan *plan;
  GtkWidget *child;
  GtkWidget *item;
  GtkWidget *heading;
  guint32 today, week;
  double planned, done;
  guint streak;
  g_autoptr(GString) all = g_string_new (NULL);

  while ((child = gtk_widget_get_first_child (self->flow)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->flow), child);
  g_clear_pointer (&self->text, g_free);

  if (self->planner == NULL || (schedule = sp_planner_get_schedule (self->planner)) == NULL)
    return;
  plan = sp_schedule_get_plan (schedule);
  today = sp_planner_get_today (self->planner);
  week = sp_calendar_week_start (today, sp_calendar_get_locale_first_weekday ());

  /* This week */
  planned = sp_schedule_get_planned_hours (schedule, week, week + 6);
  done = sp_schedule_get_done_hours (schedule, week, week + 6);
  {
    g_autofree char *done_text = sp_calendar_format_duration ((guint) (done * 60 + 0.5));
    g_autofree char *planned_text = sp_calendar_format_duration ((guint) (planned * 60 + 0.5));
    /* TRANSLATORS: this week's study, "3 h 20 min of 11 h done" */
    g_autofree char *value = g_strdup_printf (_("%s of %s done"), done_text, planned_text);
    g_autofree char *accessible = g_strdup_printf (_("This week: %s"), value);

    item = new_item (accessible);
    gtk_box_append (GTK_BOX (item), new_label (_("This Week"), "caption-heading"));
    gtk_box_append (GTK_BOX (item), new_label (value, "numeric"));
    gtk_box_append (GTK_BOX (item), new_bar (planned > 0 ? done / planned : 0, accessible));
    add_item (self, item);
    g_string_append (all, accessible);
  }

  /* Streak */
  streak = sp_calendar_get_streak (schedule, today);
  {
    g_autofree char *value = g_strdup_printf (ngettext ("%u day", "%u days", streak), streak);
    /* TRANSLATORS: the number of study days in a row, "Study streak: 4 days" */
    g_autofree char *accessible = g_strdup_printf (_("Study streak: %s"), value);

    item = new_item (accessible);
    gtk_box_append (GTK_BOX (item), new_label (_("Study Streak"), "caption-heading"));
    gtk_box_append (GTK_BOX (item), new_label (value, "numeric"));
    gtk_box_append (GTK_BOX (item), new_label (_("days in a row"), "caption"));
    add_item (self, item);
    g_string_append_printf (all, "; %s", accessible);
  }

  /* Each level: the same progress as the Path view */
  for (guint l = 0; l < sp_plan_get_n_levels (plan); l++)
    {
      const SpLevel *level = sp_plan_get_level (plan, l);
      double share = sp_planner_get_level_progress (self->planner, l);
      g_autofree char *number = g_strdup_printf ("%u", level->number);
      g_autofree char *css = g_strdup_printf ("level-%u", MIN (level->number, 6));
      g_autofree char *percent = g_strdup_printf (_("%.0f%% done"), share * 100);
      g_autofree char *accessible = g_strdup_printf (_("Level %u, %s: %s"), level->number,
                                                     sp_text_get (level->title), percent);
      GtkWidget *badge = gtk_label_new (number);
      GtkWidget *bar;

      item = new_item (accessible);
      gtk_widget_add_css_class (item, "level-progress");
      gtk_widget_add_css_class (item, css);
      heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (badge, "level-badge");
      gtk_widget_add_css_class (badge, "small");
      gtk_widget_add_css_class (badge, css);
      gtk_box_append (GTK_BOX (heading), badge);
      gtk_box_append (GTK_BOX (heading), new_label (sp_text_get (level->title), "caption-heading"));
      gtk_box_append (GTK_BOX (item), heading);
      gtk_box_append (GTK_BOX (item), new_label (percent, "numeric"));
      bar = new_bar (share, accessible);
      gtk_box_append (GTK_BOX (item), bar);
      add_item (self, item);
      g_string_append_printf (all, "; %s", accessible);
    }

  /* The signs on blocks, explained once */
  item = new_item (_("Legend"));
  gtk_box_append (GTK_BOX (item), new_label (_("Legend"), "caption-heading"));
  /* TRANSLATORS: the legend of the signs drawn on calendar blocks */
  gtk_box_append (GTK_BOX (item), new_label (_("✓ done · ◐ partly · ✗ skipped"), "caption"));
  /* TRANSLATORS: the legend: a level's first day, and blocks the user pinned */
  gtk_box_append (GTK_BOX (item), new_label (_("▶ level starts · outlined: pinned"), "caption"));
  add_item (self, item);

  self->text = g_string_free (g_steal_pointer (&all), FALSE);
}

static void
planner_changed_cb (SpProgressSummary *self)
{
  rebuild (self);
}

static void
sp_progress_summary_dispose (GObject *object)
{
  SpProgressSummary *self = SP_PROGRESS_SUMMARY (object);

  if (self->planner != NULL)
    g_signal_handlers_disconnect_by_func (self->planner, planner_changed_cb, self);
  g_clear_object (&self->planner);
  g_clear_pointer (&self->flow, gtk_widget_unparent);

  G_OBJECT_CLASS (sp_progress_summary_parent_class)->dispose (object);
}

static void
sp_progress_summary_finalize (GObject *object)
{
  SpProgressSummary *self = SP_PROGRESS_SUMMARY (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (sp_progress_summary_parent_class)->finalize (object);
}

static void
sp_progress_summary_class_init (SpProgressSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_progress_summary_dispose;
  object_class->finalize = sp_progress_summary_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "progresssummary");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_progress_summary_init (SpProgressSummary *self)
{
  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 8);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 6);
  gtk_widget_set_parent (self->flow, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"),
                                  -1);
}

void
sp_progress_summary_set_planner (SpProgressSummary *self,
                                 SpPlanner         *planner)
{
  g_return_if_fail (SP_IS_PROGRESS_SUMMARY (self));

  if (self->planner != NULL)
    g_signal_handlers_disconnect_by_func (self->planner, planner_changed_cb, self);
  g_set_object (&self->planner, planner);
  if (planner != NULL)
    g_signal_connect_object (planner, "changed", G_CALLBACK (planner_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

/**
 * sp_progress_summary_get_text:
 *
 * Returns: (nullable): what the summary shows, in words
 */
const char *
sp_progress_summary_get_text (SpProgressSummary *self)
{
  g_return_val_if_fail (SP_IS_PROGRESS_SUMMARY (self), NULL);
  return self->text;
}
