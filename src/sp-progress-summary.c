/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-progress-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-progress-summary.h"
#include "sp-calendar-grid.h"
#include "sp-calendar-layout.h"
#include "sp-tooltip.h"

/* Always in sight under the views: this week's hours planned against
 * done, the streak of study days, and each level's share done, whose
 * numbered, coloured badges double as the legend of the calendar. */
struct _SpProgressSummary
{
  GtkWidget   parent_instance;

  SpPlanner  *planner;
  GtkWidget  *squeezer;
  GtkWidget  *wide_items;    /* a row of measures, the legend beside them */
  GtkWidget  *narrow_items;  /* the same row, the legend behind a button */
  GtkWidget  *flow;          /* in lines, for narrow windows */
  GArray     *shown;         /* element-type Shown: each measure in each arrangement */
  char       *shape;         /* what the shown measures are, to update them in place */
  char       *text;
};

G_DEFINE_FINAL_TYPE (SpProgressSummary, sp_progress_summary, GTK_TYPE_WIDGET)

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

/* One measure: a heading and its value on a line, a bar or a note under it */
static GtkWidget *
new_item (const char *heading,
          const char *value,
          const char *accessible,
          GtkWidget  *badge)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = new_label (heading, "caption-heading");
  GtkWidget *amount = new_label (value, "caption");

  gtk_widget_add_css_class (box, "summary-item");
  gtk_widget_set_hexpand (title, TRUE);
  /* Long level names give way: five measures fit in a line at 800 pixels;
   * they wrap to a second line before they are cut */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 10);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_label_set_ellipsize (GTK_LABEL (amount), PANGO_ELLIPSIZE_NONE);
  if (badge != NULL)
    gtk_box_append (GTK_BOX (line), badge);
  gtk_box_append (GTK_BOX (line), title);
  gtk_box_append (GTK_BOX (line), amount);
  gtk_box_append (GTK_BOX (box), line);
  sp_tooltip_set_text (box, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return box;
}

static GtkWidget *
new_bar (double      fraction,
         const char *accessible)
{
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), CLAMP (fraction, 0, 1));
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return bar;
}

typedef struct
{
  char   *heading;
  char   *value;
  char   *accessible;
  char   *note;       /* nullable: a line instead of a bar */
  double  fraction;
  int     level;      /* -1: not a level */
} Measure;

static void
measure_clear (Measure *m)
{
  g_free (m->heading);
  g_free (m->value);
  g_free (m->accessible);
  g_free (m->note);
}

/* The widgets of one measure in one arrangement that change with progress */
typedef struct
{
  GtkWidget *item;
  GtkWidget *value;
  GtkWidget *bar;   /* NULL with a note */
} Shown;

static void
update_shown (const Shown   *shown,
              const Measure *m)
{
  gtk_label_set_text (GTK_LABEL (shown->value), m->value);
  sp_tooltip_set_text (shown->item, m->accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (shown->item),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, m->accessible,
                                  -1);
  if (shown->bar != NULL)
    {
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (shown->bar), CLAMP (m->fraction, 0, 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (shown->bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, m->accessible,
                                      -1);
    }
}

static Shown
make_measure (const Measure *m)
{
  GtkWidget *badge = NULL;
  GtkWidget *line;
  Shown shown = { NULL, NULL, NULL };

  if (m->level >= 0)
    {
      g_autofree char *number = g_strdup_printf ("%d", m->level + 1);
      g_autofree char *css = g_strdup_printf ("level-%d", MIN (m->level + 1, 6));

      badge = gtk_label_new (number);
      gtk_widget_add_css_class (badge, "level-badge");
      gtk_widget_add_css_class (badge, "small");
      gtk_widget_add_css_class (badge, css);
    }
  shown.item = new_item (m->heading, m->value, m->accessible, badge);
  line = gtk_widget_get_first_child (shown.item);
  shown.value = gtk_widget_get_last_child (line);
  if (m->level >= 0)
    {
      g_autofree char *css = g_strdup_printf ("level-%d", MIN (m->level + 1, 6));

      gtk_widget_add_css_class (shown.item, "level-progress");
      gtk_widget_add_css_class (shown.item, css);
    }
  if (m->note != NULL)
    {
      GtkWidget *note = new_label (m->note, "caption");

      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (shown.item), note);
    }
  else
    {
      shown.bar = new_bar (m->fraction, m->accessible);
      gtk_box_append (GTK_BOX (shown.item), shown.bar);
    }
  return shown;
}

/* The same measure goes in each of the three arrangements */
static void
add_measure (SpProgressSummary *self,
             const Measure     *m)
{
  Shown wide = make_measure (m), narrow = make_measure (m), lines = make_measure (m);

  /* The legend stays in sight only when the measures keep room to read */
  gtk_widget_set_size_request (wide.item, 150, -1);
  gtk_box_append (GTK_BOX (self->wide_items), wide.item);
  gtk_box_append (GTK_BOX (self->narrow_items), narrow.item);
  gtk_flow_box_append (GTK_FLOW_BOX (self->flow), lines.item);
  /* Read, not operated: the keyboard skips it */
  gtk_widget_set_focusable (gtk_widget_get_last_child (self->flow), FALSE);
  g_array_append_val (self->shown, wide);
  g_array_append_val (self->shown, narrow);
  g_array_append_val (self->shown, lines);
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
add (GArray     *measures,
     char       *heading,
     char       *value,
     char       *accessible,
     char       *note,
     double      fraction,
     int         level)
{
  Measure m = { heading, value, accessible, note, fraction, level };

  g_array_append_val (measures, m);
}

/* What the summary says now: this week, the streak, each level */
static GArray *
compute_measures (SpProgressSummary *self,
                  SpSchedule        *schedule)
{
  GArray *measures = g_array_new (FALSE, FALSE, sizeof (Measure));
  SpPlan *plan = sp_schedule_get_plan (schedule);
  guint32 today = sp_planner_get_today (self->planner);
  guint32 week = sp_day_get_week_start (today, sp_calendar_get_locale_first_weekday ());
  double planned = sp_schedule_get_planned_hours (schedule, week, week + 6);
  double done = sp_schedule_get_done_hours (schedule, week, week + 6);
  guint   focused = sp_schedule_get_focus_minutes (schedule, week, week + 6);
  guint streak = sp_calendar_get_streak (schedule, today);

  g_array_set_clear_func (measures, (GDestroyNotify) measure_clear);

  {
    g_autofree char *done_text = sp_calendar_format_duration ((guint) (done * 60 + 0.5));
    g_autofree char *planned_text = sp_calendar_format_duration ((guint) (planned * 60 + 0.5));

    g_autofree char *focused_text = sp_calendar_format_duration (focused);
    char            *accessible;

    if (focused > 0)
      /* TRANSLATORS: "This week: 3 h 20 min of 11 h done, 2 h 5 min of it in focus sessions" */
      accessible = g_strdup_printf (_("This week: %s of %s done, %s of it in focus sessions"), done_text,
                                       planned_text, focused_text);
    else
      /* TRANSLATORS: "This week: 3 h 20 min of 11 h done" */
      accessible = g_strdup_printf (_("This week: %s of %s done"), done_text, planned_text);

    add (measures, g_strdup (_("This Week")),
                             /* TRANSLATORS: this week's study in short, hours done of hours planned, "3.3 / 11.0 h" */
                             g_strdup_printf (_("%.1f / %.1f h"), done, planned),
                                              accessible, NULL, planned > 0 ? done / planned : 0, -1);
  }
  {
    g_autofree char *value = g_strdup_printf (ngettext ("%u day", "%u days", streak), streak);

    add (measures, g_strdup (_("Study Streak")), g_strdup (value),
         /* TRANSLATORS: the number of study days in a row, "Study streak: 4 days" */
         g_strdup_printf (_("Study streak: %s"), value),
         g_strdup (_("days in a row")), 0, -1);
  }
  /* Each level: the same progress as the Path view */
  for (guint l = 0; l < sp_plan_get_n_levels (plan); l++)
    {
      const SpLevel *level = sp_plan_get_level (plan, l);
      double share = sp_planner_get_level_progress (self->planner, l);
      g_autofree char *percent_done = g_strdup_printf (_("%.0f%% done"), share * 100);

      add (measures, g_strdup (sp_text_get (level->title)), g_strdup_printf (_("%.0f%%"), share * 100),
           g_strdup_printf (_("Level %u, %s: %s"), level->number, sp_text_get (level->title), percent_done),
           NULL, share, (int) l);
    }
  return measures;
}

/* Progress changes with every mark: the numbers are updated in place, and
 * the widgets made again only for another plan. */
static void
update (SpProgressSummary *self)
{
  SpSchedule *schedule;
  g_autoptr(GArray) measures = NULL;
  g_autoptr(GString) shape = g_string_new (NULL);
  g_autoptr(GString) all = g_string_new (NULL);

  g_clear_pointer (&self->text, g_free);
  if (self->planner == NULL || (schedule = sp_planner_get_schedule (self->planner)) == NULL)
    {
      remove_children (self->wide_items);
      remove_children (self->narrow_items);
      remove_children (self->flow);
      g_array_set_size (self->shown, 0);
      g_clear_pointer (&self->shape, g_free);
      return;
    }

  measures = compute_measures (self, schedule);
  for (guint i = 0; i < measures->len; i++)
    {
      const Measure *m = &g_array_index (measures, Measure, i);

      g_string_append_printf (shape, "%s\x1f%d\x1f%d\x1e", m->heading, m->level, m->note != NULL);
      if (all->len > 0)
        g_string_append (all, "; ");
      g_string_append (all, m->accessible);
    }

  if (g_strcmp0 (shape->str, self->shape) == 0)
    for (guint i = 0; i < self->shown->len; i++)
      update_shown (&g_array_index (self->shown, Shown, i), &g_array_index (measures, Measure, i / 3));
  else
    {
      remove_children (self->wide_items);
      remove_children (self->narrow_items);
      remove_children (self->flow);
      g_array_set_size (self->shown, 0);
      for (guint i = 0; i < measures->len; i++)
        add_measure (self, &g_array_index (measures, Measure, i));
      g_free (self->shape);
      self->shape = g_strdup (shape->str);
    }

  self->text = g_string_free (g_steal_pointer (&all), FALSE);
}

static void
planner_changed_cb (SpProgressSummary *self)
{
  update (self);
}

static void
sp_progress_summary_dispose (GObject *object)
{
  SpProgressSummary *self = SP_PROGRESS_SUMMARY (object);

  if (self->planner != NULL)
    g_signal_handlers_disconnect_by_func (self->planner, planner_changed_cb, self);
  g_clear_object (&self->planner);
  g_clear_pointer (&self->squeezer, gtk_widget_unparent);

  G_OBJECT_CLASS (sp_progress_summary_parent_class)->dispose (object);
}

static void
sp_progress_summary_finalize (GObject *object)
{
  SpProgressSummary *self = SP_PROGRESS_SUMMARY (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->shape, g_free);
  g_clear_pointer (&self->shown, g_array_unref);

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

/* The signs drawn on blocks, explained; the level badges of the
 * measures are the legend of the colours. */
static GtkWidget *
new_legend (void)
{
  GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_add_css_class (legend, "legend");
  gtk_widget_set_valign (legend, GTK_ALIGN_CENTER);
  /* TRANSLATORS: the legend of the signs drawn on calendar blocks; a
   * review block is striped and carries "↻" */
  gtk_box_append (GTK_BOX (legend), new_label (_("✓ done · ◐ partly · ✗ skipped · ↻ striped: review"), "caption"));
  /* TRANSLATORS: the legend: a level's first day, and blocks the user pinned */
  gtk_box_append (GTK_BOX (legend), new_label (_("▶ level starts · outlined: pinned"), "caption"));
  /* TRANSLATORS: the legend: the signs on a day of the month, "✓" all done, "•" some done */
  gtk_box_append (GTK_BOX (legend), new_label (_("Days: ✓ all done · • some done"), "caption"));
  /* TRANSLATORS: the legend: a narrow month draws a dot per block, a square
   * for a review, hollow when skipped */
  gtk_box_append (GTK_BOX (legend), new_label (_("Narrow month: ● block · ■ review · ○ skipped"), "caption"));
  /* Whole or not at all: a cut legend explains nothing */
  for (GtkWidget *label = gtk_widget_get_first_child (legend); label; label = gtk_widget_get_next_sibling (label))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (legend),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"),
                                  -1);
  return legend;
}

static GtkWidget *
new_legend_button (void)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *legend = new_legend ();

  gtk_widget_set_margin_top (legend, 6);
  gtk_widget_set_margin_bottom (legend, 6);
  gtk_widget_set_margin_start (legend, 6);
  gtk_widget_set_margin_end (legend, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), legend);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "dialog-information-symbolic");
  sp_tooltip_set_text (button, _("Legend"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"),
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
new_row (GtkWidget  *items,
         GtkWidget  *legend)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_set_homogeneous (GTK_BOX (items), TRUE);
  gtk_box_set_spacing (GTK_BOX (items), 12);
  gtk_widget_set_hexpand (items, TRUE);
  gtk_box_append (GTK_BOX (row), items);
  gtk_box_append (GTK_BOX (row), legend);
  return row;
}

static void
sp_progress_summary_init (SpProgressSummary *self)
{
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->shown = g_array_new (FALSE, FALSE, sizeof (Shown));

  /* The widest arrangement that fits: one row with the legend, one row
   * with the legend behind a button, or lines */
  self->squeezer = adw_squeezer_new ();
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (self->squeezer), FALSE);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (self->squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  gtk_widget_set_parent (self->squeezer, GTK_WIDGET (self));

  self->wide_items = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  adw_squeezer_add (ADW_SQUEEZER (self->squeezer), new_row (self->wide_items, new_legend ()));
  self->narrow_items = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  adw_squeezer_add (ADW_SQUEEZER (self->squeezer), new_row (self->narrow_items, new_legend_button ()));

  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 5);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 6);
  gtk_widget_set_hexpand (self->flow, TRUE);
  gtk_box_append (GTK_BOX (lines), self->flow);
  gtk_box_append (GTK_BOX (lines), new_legend_button ());
  adw_squeezer_add (ADW_SQUEEZER (self->squeezer), lines);

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
  update (self);
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
