/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-day-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-accessible.h"
#include "sp-block-popover.h"
#include "sp-calendar-layout.h"
#include "sp-course-rows.h"
#include "sp-day-view.h"
#include "sp-model-properties.h"
#include "sp-wrap-layout.h"

/* One day's blocks as a list a person works through: what to study and
 * how, the course for it, and buttons to mark each block. A day has a
 * handful of blocks, so rows are ordinary widgets, rebuilt on change. */
struct _SpDayView
{
  AdwBin        parent_instance;

  SpPlanner    *planner;
  SpCatalog    *catalog;     /* for a course to suggest; may be NULL */
  guint32       selected_day;
  guint         rebuild_id;
  gboolean      stale;       /* changed while hidden: rebuilt when shown */
  char         *shape;       /* the rows shown, to update them in place */
  char         *opening;     /* a block whose details open once its row is in sight */
  guint         opening_id;  /* the tick callback that opens them */
  guint         opening_tries;

  GtkLabel     *title_label;
  GtkLabel     *summary_label;
  GtkLabel     *level_label;
  GtkListBox   *list;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (SpDayView, sp_day_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLANNER,
  PROP_CATALOG,
  PROP_SELECTED_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SpModelProperty planner_property = {
  "planner", sp_planner_get_type, G_STRUCT_OFFSET (SpDayView, planner),
  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY, G_CALLBACK (sp_day_view_set_planner)
};

/**
 * SpDayView:catalog:
 *
 * The course listings a block's topic without a course is matched in.
 */
static const SpModelProperty catalog_property = {
  "catalog", sp_catalog_get_type, G_STRUCT_OFFSET (SpDayView, catalog),
  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY, G_CALLBACK (sp_day_view_set_catalog)
};

#define BLOCK_ID_KEY "sp-block-id"

static const char *
get_block_id (gpointer object)
{
  return g_object_get_data (G_OBJECT (object), BLOCK_ID_KEY);
}

static void
set_block_id (gpointer    object,
              const char *id)
{
  g_object_set_data_full (G_OBJECT (object), BLOCK_ID_KEY, g_strdup (id), g_free);
}

static void
report_error (SpDayView    *self,
              const GError *error)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message))
    g_warning ("%s", error->message);
}

static void
mark (SpDayView     *self,
      const char    *block_id,
      SpBlockStatus  status,
      guint          minutes)
{
  g_autoptr(GError) error = NULL;

  if (!sp_block_mark_with_toast (GTK_WIDGET (self), self->planner, block_id, status, minutes, &error))
    report_error (self, error);
}

static void
done_clicked_cb (GtkButton *button,
                 SpDayView *self)
{
  mark (self, get_block_id (button), SP_BLOCK_STATUS_DONE, 0);
}

static void
skip_clicked_cb (GtkButton *button,
                 SpDayView *self)
{
  mark (self, get_block_id (button), SP_BLOCK_STATUS_SKIPPED, 0);
}

static void
reset_clicked_cb (GtkButton *button,
                  SpDayView *self)
{
  mark (self, get_block_id (button), SP_BLOCK_STATUS_PLANNED, 0);
}

static void
partial_save_cb (GtkWidget *widget,
                 SpDayView *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (widget), "sp-spin");
  GtkPopover *popover = GTK_POPOVER (gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER));

  if (popover != NULL)
    gtk_popover_popdown (popover);
  mark (self, get_block_id (widget), SP_BLOCK_STATUS_PARTIAL, (guint) gtk_spin_button_get_value_as_int (spin));
}

static void
save_note (SpDayView *self,
           GtkEntry  *entry)
{
  const char *id = get_block_id (entry);
  SpSchedule *schedule = sp_planner_get_schedule (self->planner);
  const SpBlock *block = schedule ? sp_schedule_lookup_block (schedule, id) : NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;

  if (block == NULL || g_strcmp0 (block->note ? block->note : "", text) == 0)
    return;
  if (!sp_planner_set_block_note (self->planner, id, text, &error))
    report_error (self, error);
}

static void
note_activate_cb (GtkEntry  *entry,
                  SpDayView *self)
{
  save_note (self, entry);
}

static void
note_focus_leave_cb (GtkEventControllerFocus *controller,
                     SpDayView               *self)
{
  save_note (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
create_details_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  SpDayView *self = SP_DAY_VIEW (user_data);
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  if (popover == NULL)
    {
      popover = GTK_POPOVER (sp_block_popover_new (self->planner));
      gtk_menu_button_set_popover (button, GTK_WIDGET (popover));
    }
  sp_block_popover_set_block (SP_BLOCK_POPOVER (popover), get_block_id (button));
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
new_button (SpDayView  *self,
            const char *label,
            const char *block_id,
            GCallback   callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  set_block_id (button, block_id);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
new_partial_button (SpDayView     *self,
                    const SpBlock *block)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Minutes done"));
  GtkWidget *spin = gtk_spin_button_new_with_range (1, MAX (block->minutes - 1, 1), 5);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("Sa_ve"));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Partly Done…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_sensitive (button, block->minutes > 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                             block->status == SP_BLOCK_STATUS_PARTIAL ? block->done_minutes : block->minutes / 2);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minutes done"),
                                  -1);
  set_block_id (save, block->id);
  g_object_set_data (G_OBJECT (save), "sp-spin", spin);
  g_object_set_data (G_OBJECT (button), "sp-spin", spin);
  g_signal_connect_object (save, "clicked", G_CALLBACK (partial_save_cb), self, 0);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), spin);
  gtk_box_append (GTK_BOX (box), save);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

/* What changes in a row when its block is marked, moved or noted */
typedef struct
{
  GtkWidget *time;
  GtkWidget *meta;
  GtkWidget *start;
  GtkWidget *done;
  GtkWidget *partial;
  GtkWidget *spin;
  GtkWidget *skip;
  GtkWidget *reset;
  GtkWidget *note;
  char      *shown;  /* what the row shows now, to leave it alone when unchanged */
} RowParts;

static void
row_parts_free (RowParts *parts)
{
  g_free (parts->shown);
  g_free (parts);
}

#define ROW_PARTS_KEY "sp-row-parts"

static void
update_block_row (GtkWidget     *row,
                  SpSchedule    *schedule,
                  const SpBlock *block)
{
  RowParts *parts = g_object_get_data (G_OBJECT (row), ROW_PARTS_KEY);
  g_autofree char *shown = g_strdup_printf ("%u %u %u %u %u %u %u %u %s", block->day, block->start, block->minutes,
                                            block->status, block->done_minutes, block->pinned, block->moved,
                                            block->level, block->note ? block->note : "");
  g_autofree char *range = NULL;
  g_autofree char *length = NULL;
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *accessible = NULL;
  GtkRoot *root;
  GtkWidget       *focus;

  /* A mark changes one row of the day: the others stay as they are */
  if (g_strcmp0 (shown, parts->shown) == 0)
    return;
  g_free (parts->shown);
  parts->shown = g_steal_pointer (&shown);

  range = sp_calendar_format_time_range (block);
  length = sp_calendar_format_duration (block->minutes);
  when = g_strdup_printf ("%s · %s", range, length);
  meta = sp_calendar_format_block_meta (schedule, block);
  accessible = sp_calendar_describe_block (schedule, block);

  for (guint status = SP_BLOCK_STATUS_PLANNED; status <= SP_BLOCK_STATUS_SKIPPED; status++)
    {
      g_autofree char *css = g_strdup_printf ("block-%s", sp_block_status_to_string (status));

      if (status == block->status)
        gtk_widget_add_css_class (row, css);
      else
        gtk_widget_remove_css_class (row, css);
    }
  gtk_label_set_text (GTK_LABEL (parts->time), when);
  gtk_label_set_text (GTK_LABEL (parts->meta), meta);

  gtk_widget_set_visible (parts->start, block->status == SP_BLOCK_STATUS_PLANNED ||
                                            block->status == SP_BLOCK_STATUS_PARTIAL);
  gtk_widget_set_sensitive (parts->done, block->status != SP_BLOCK_STATUS_DONE);
  gtk_widget_set_sensitive (parts->skip, block->status != SP_BLOCK_STATUS_SKIPPED);
  gtk_widget_set_visible (parts->reset, block->status != SP_BLOCK_STATUS_PLANNED);
  gtk_widget_set_sensitive (parts->partial, block->minutes > 1);
  gtk_spin_button_set_range (GTK_SPIN_BUTTON (parts->spin), 1, MAX (block->minutes - 1, 1));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (parts->spin),
                             block->status == SP_BLOCK_STATUS_PARTIAL ? block->done_minutes : block->minutes / 2);

  /* Not under the user's fingers (the window may have no focus at all) */
  root = gtk_widget_get_root (row);
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, parts->note))
    gtk_editable_set_text (GTK_EDITABLE (parts->note), block->note ? block->note : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
use_suggestion_clicked_cb (GtkButton *button,
                           SpDayView *self)
{
  SpCourse *course = g_object_get_data (G_OBJECT (button), "sp-course");
  const char *topic_id = g_object_get_data (G_OBJECT (button), "sp-topic");

  if (self->planner != NULL && course != NULL)
    sp_course_rows_attach (GTK_WIDGET (button), self->planner, topic_id, course);
}

/* With no course chosen for the topic, the listing that matches it best,
 * ready to be used for it. */
static void
add_suggestion (SpDayView     *self,
                GtkBox        *box,
                const SpBlock *block)
{
  g_autoptr(GPtrArray) courses = NULL;
  g_autofree char *label = NULL;
  SpCourse *course;
  GtkWidget *line, *text, *use;

  if (self->catalog == NULL)
    return;
  courses = sp_catalog_dup_courses_for_topic (self->catalog, block->topic->id, 1);
  if (courses == NULL || courses->len == 0)
    return;

  course = g_ptr_array_index (courses, 0);
  /* TRANSLATORS: a course that matches the block's topic, "Suggested course: Linear Algebra (Coursera)" */
  label = g_strdup_printf (_("Suggested course: %s (%s)"), sp_course_get_title (course),
                           sp_course_get_provider (course) ? sp_course_get_provider (course) : "");
  /* The button goes below the text where both do not fit side by side:
   * squeezed beside it, the text wrapped a letter a line at 360 px */
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_layout_manager (line, sp_wrap_layout_new (6, 6, FALSE));
  text = new_label (label, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (text), 16);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (line), text);

  use = gtk_button_new_with_mnemonic (_("_Use for This Topic"));
  gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (use), "sp-course", g_object_ref (course), g_object_unref);
  g_object_set_data_full (G_OBJECT (use), "sp-topic", g_strdup (block->topic->id), g_free);
  g_signal_connect_object (use, "clicked", G_CALLBACK (use_suggestion_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (line), use);
  gtk_box_append (box, line);
}

static GtkWidget *
new_block_row (SpDayView     *self,
               SpSchedule    *schedule,
               const SpBlock *block)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *badge, *title, *buttons, *details;
  GtkEventController *focus;
  RowParts *parts = g_new0 (RowParts, 1);
  const char *course;
  g_autofree char *number = g_strdup_printf ("%u", block->level + 1);
  g_autofree char *badge_class = g_strdup_printf ("level-%u", MIN (block->level + 1, 6));
  g_autofree char *task = sp_calendar_get_block_task (block);

  set_block_id (row, block->id);
  g_object_set_data_full (G_OBJECT (row), ROW_PARTS_KEY, parts, (GDestroyNotify) row_parts_free);
  gtk_widget_add_css_class (row, "day-block");
  gtk_widget_add_css_class (row, badge_class);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  badge = gtk_label_new (number);
  gtk_widget_add_css_class (badge, "level-badge");
  gtk_widget_add_css_class (badge, badge_class);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (top), badge);

  /* Plan text is untrusted: plain labels, never markup */
  title = new_label (sp_topic_get_title (block->topic), "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (top), title);

  parts->time = gtk_label_new (NULL);
  gtk_widget_add_css_class (parts->time, "numeric");
  gtk_widget_set_valign (parts->time, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (top), parts->time);
  gtk_box_append (GTK_BOX (box), top);

  parts->meta = new_label (NULL, "dim-label");
  gtk_box_append (GTK_BOX (box), parts->meta);
  if (block->level_start)
    {
      /* TRANSLATORS: on the first block of a level, "First block of Machine Learning Core" */
      g_autofree char *start = g_strdup_printf (_("▶ First block of %s"),
                                                sp_calendar_get_level_title (schedule, block->level));
      GtkWidget       *label = new_label (start, "level-start");

      /* Its edge in the level's color, as the day's own line above */
      gtk_widget_add_css_class (label, badge_class);
      gtk_box_append (GTK_BOX (box), label);
    }
  if (task != NULL)
    gtk_box_append (GTK_BOX (box), new_label (task, NULL));

  course = sp_planner_get_topic_course (self->planner, block->topic->id);
  if (course != NULL)
    {
      g_autofree char *url = NULL;
      g_autofree char *text = sp_calendar_describe_course (course, &url);
      g_autofree char *label = g_strdup_printf (_("Course: %s"), text);
      GtkWidget *course_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *course_label = new_label (label, NULL);

      gtk_widget_set_hexpand (course_label, TRUE);
      gtk_box_append (GTK_BOX (course_box), course_label);
      if (url != NULL)
        {
          GtkWidget *link = gtk_link_button_new_with_label (url, _("Open"));
          gtk_box_append (GTK_BOX (course_box), link);
        }
      gtk_box_append (GTK_BOX (box), course_box);
    }
  else
    add_suggestion (self, GTK_BOX (box), block);

  /* The buttons wrap in a narrow window rather than widen it */
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_layout_manager (buttons, sp_wrap_layout_new (6, 6, FALSE));
  /* A focus session on this block, in the window's hands */
  parts->start = gtk_button_new_with_mnemonic (_("St_art"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (parts->start), "win.focus-start");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (parts->start), "s", block->id);
  gtk_widget_set_tooltip_text (parts->start, _("Study this block with a timer"));
  gtk_box_append (GTK_BOX (buttons), parts->start);
  parts->done = new_button (self, _("_Done"), block->id, G_CALLBACK (done_clicked_cb));
  parts->partial = new_partial_button (self, block);
  parts->spin = g_object_get_data (G_OBJECT (parts->partial), "sp-spin");
  parts->skip = new_button (self, _("_Skip"), block->id, G_CALLBACK (skip_clicked_cb));
  parts->reset = new_button (self, _("Mark as _Planned"), block->id, G_CALLBACK (reset_clicked_cb));
  gtk_box_append (GTK_BOX (buttons), parts->done);
  gtk_box_append (GTK_BOX (buttons), parts->partial);
  gtk_box_append (GTK_BOX (buttons), parts->skip);
  gtk_box_append (GTK_BOX (buttons), parts->reset);

  details = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (details), _("D_etails and Move…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (details), TRUE);
  gtk_widget_set_hexpand (details, TRUE);
  gtk_widget_set_halign (details, GTK_ALIGN_END);
  set_block_id (details, block->id);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (details), create_details_cb, self, NULL);
  gtk_widget_add_css_class (details, "details-button");
  gtk_box_append (GTK_BOX (buttons), details);
  gtk_box_append (GTK_BOX (box), buttons);

  parts->note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (parts->note), _("Add a note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->note),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"),
                                  -1);
  set_block_id (parts->note, block->id);
  g_signal_connect_object (parts->note, "activate", G_CALLBACK (note_activate_cb), self, 0);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (note_focus_leave_cb), self, 0);
  gtk_widget_add_controller (parts->note, focus);
  gtk_box_append (GTK_BOX (box), parts->note);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  update_block_row (row, schedule, block);
  return row;
}

static void
remove_rows (SpDayView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static char *
focused_block (SpDayView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    return NULL;
  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  return row ? g_strdup (get_block_id (row)) : NULL;
}

/* Only the next thing to do stands out: the Done of the day's first block
 * still planned is the suggested button, the others are plain */
static void
suggest_next (SpDayView  *self,
              SpSchedule *schedule,
              guint       first,
              guint       n)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
  gboolean   found = FALSE;

  for (guint i = first; i < first + n && row != NULL; i++, row = gtk_widget_get_next_sibling (row))
    {
      RowParts *parts = g_object_get_data (G_OBJECT (row), ROW_PARTS_KEY);
      gboolean  next = !found && sp_schedule_get_block (schedule, i)->status == SP_BLOCK_STATUS_PLANNED;

      if (parts == NULL)
        continue;
      found |= next;
      if (next)
        gtk_widget_add_css_class (parts->done, "suggested-action");
      else
        gtk_widget_remove_css_class (parts->done, "suggested-action");
    }
}

static void
rebuild (SpDayView *self)
{
  SpSchedule *schedule;
  const SpAvailability *availability;
  SpDayTotals           totals;
  guint                 first, n;
  g_autofree char *title = NULL;
  g_autofree char *refocus = focused_block (self);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) shape = g_string_new (NULL);
  guint32 today;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->stale = FALSE;
  if (self->planner == NULL || self->selected_day == 0)
    {
      remove_rows (self);
      g_clear_pointer (&self->shape, g_free);
      return;
    }

  schedule = sp_planner_get_schedule (self->planner);
  availability = sp_planner_get_availability (self->planner);
  today = sp_planner_get_today (self->planner);
  if (schedule == NULL)
    return;

  title = sp_calendar_format_day_title (self->selected_day);
  gtk_label_set_text (self->title_label, title);

  n = sp_schedule_get_day_blocks (schedule, self->selected_day, &first);

  /* Marks, moves within the day and notes update the rows in place; other
   * blocks, or their courses, make them again */
  for (guint i = first; i < first + n; i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);
      const char *course = sp_planner_get_topic_course (self->planner, block->topic->id);

      g_string_append_printf (shape, "%s\x1f%d\x1f%s\x1e", block->id, block->level_start, course ? course : "");
    }
  if (g_strcmp0 (shape->str, self->shape) != 0)
    {
      remove_rows (self);
      for (guint i = first; i < first + n; i++)
        gtk_list_box_append (self->list, new_block_row (self, schedule, sp_schedule_get_block (schedule, i)));
      g_free (self->shape);
      self->shape = g_strdup (shape->str);
    }
  else
    {
      GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));

      for (guint i = first; i < first + n && row != NULL; i++, row = gtk_widget_get_next_sibling (row))
        update_block_row (row, schedule, sp_schedule_get_block (schedule, i));
      /* The focus stays unless its button went (Skip after a skip): then the row takes it */
      {
        GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (self));
        GtkWidget *now = root ? gtk_root_get_focus (root) : NULL;

        if (now != NULL && gtk_widget_get_mapped (now))
          g_clear_pointer (&refocus, g_free);
      }
    }

  suggest_next (self, schedule, first, n);
  sp_schedule_get_day_totals (schedule, self->selected_day, &totals);

  for (guint i = first; i < first + n; i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);

      if (g_strcmp0 (refocus, block->id) == 0)
        gtk_widget_grab_focus (sp_day_view_get_block_row (self, block->id));
    }

  if (self->selected_day == today)
    g_string_append (summary, _("Today"));
  else if (self->selected_day == today + 1)
    g_string_append (summary, _("Tomorrow"));
  else if (self->selected_day + 1 == today)
    g_string_append (summary, _("Yesterday"));
  if (n > 0)
    {
      g_autofree char *planned_text = sp_calendar_format_duration (totals.planned_minutes);
      g_autofree char *done_text = sp_calendar_format_duration (totals.done_minutes);
      guint            focused = sp_schedule_get_focus_minutes (schedule, self->selected_day, self->selected_day);

      if (summary->len > 0)
        g_string_append (summary, " · ");
      g_string_append_printf (summary, ngettext ("%u study block", "%u study blocks", n), n);
      g_string_append (summary, " · ");
      /* TRANSLATORS: "1 h 40 min planned, 50 min done" */
      g_string_append_printf (summary, _("%s planned, %s done"), planned_text, done_text);
      if (focused > 0)
        {
          g_autofree char *focused_text = sp_calendar_format_duration (focused);

          /* TRANSLATORS: the Day view's summary goes on, "…, 50 min done, 42 min studied in focus" */
          g_string_append_printf (summary, _(", %s studied in focus"), focused_text);
        }
    }
  gtk_label_set_text (self->summary_label, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary->len > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->level_label), totals.level_start >= 0);
  if (totals.level_start >= 0)
    {
      /* TRANSLATORS: in the Day view, "▶ Machine Learning Core starts today" */
      g_autofree char *text = g_strdup_printf (_("▶ Level %d, %s, starts this day"), totals.level_start + 1,
                                                  sp_calendar_get_level_title (schedule, (guint) totals.level_start));
      g_autofree char *css = g_strdup_printf ("level-%d", MIN (totals.level_start + 1, 6));

      gtk_label_set_text (self->level_label, text);
      for (guint i = 1; i <= 6; i++)
        {
          g_autofree char *old = g_strdup_printf ("level-%u", i);
          gtk_widget_remove_css_class (GTK_WIDGET (self->level_label), old);
        }
      gtk_widget_add_css_class (GTK_WIDGET (self->level_label), css);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n == 0);
  if (n == 0)
    {
      if (availability != NULL && sp_availability_is_day_off (availability, self->selected_day))
        {
          adw_status_page_set_title (self->empty_page, _("Day Off"));
          adw_status_page_set_description (self->empty_page, _("No study planned: enjoy the rest."));
        }
      else if (availability != NULL &&
               sp_availability_get_usable_minutes (availability, sp_day_get_weekday (self->selected_day)) == 0)
        {
          adw_status_page_set_title (self->empty_page, _("No Study Time"));
          adw_status_page_set_description (self->empty_page,
                                           _("You have no study hours on this day of the week; change them in Preferences."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("Nothing Planned"));
          adw_status_page_set_description (self->empty_page,
                                           self->selected_day < today
                                           ? _("Nothing was planned for this day.")
                                           : _("The path has no blocks on this day."));
        }
    }
}

/* A hidden view (the window opens on another one) is brought up to date
 * when it is shown: making its rows cost the window's first frame a few
 * milliseconds. */
static void
refresh (SpDayView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    {
      g_clear_handle_id (&self->rebuild_id, g_source_remove);
      self->stale = TRUE;
    }
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  SpDayView *self = data;

  self->rebuild_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
sp_day_view_map (GtkWidget *widget)
{
  SpDayView *self = SP_DAY_VIEW (widget);

  if (self->stale)
    rebuild (self);
  GTK_WIDGET_CLASS (sp_day_view_parent_class)->map (widget);
}

/* Changes come from this view's own buttons while they emit: rebuilding
 * later keeps them alive until their handlers return. */
static void
planner_changed_cb (SpDayView *self)
{
  if (self->selected_day == 0 && self->planner != NULL)
    self->selected_day = sp_planner_get_today (self->planner);
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, rebuild_idle_cb, self, NULL);
}

static void
row_activated_cb (SpDayView     *self,
                  GtkListBoxRow *row)
{
  sp_day_view_open_block (self, get_block_id (row));
}

static void
sp_day_view_dispose (GObject *object)
{
  SpDayView *self = SP_DAY_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->opening_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->opening_id);
  self->opening_id = 0;
  g_clear_pointer (&self->opening, g_free);
  if (self->planner != NULL)
    g_signal_handlers_disconnect_by_func (self->planner, planner_changed_cb, self);
  g_clear_object (&self->planner);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->shape, g_free);

  G_OBJECT_CLASS (sp_day_view_parent_class)->dispose (object);
}

static void
sp_day_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SpDayView *self = SP_DAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DAY:
      g_value_set_uint (value, self->selected_day);
      break;
    default:
      sp_model_properties_get_property (object, prop_id, value, pspec);
    }
}

static void
sp_day_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SpDayView *self = SP_DAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DAY:
      sp_day_view_set_selected_day (self, g_value_get_uint (value));
      break;
    default:
      sp_model_properties_set_property (object, prop_id, value, pspec);
    }
}

static void
sp_day_view_class_init (SpDayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_day_view_dispose;
  object_class->get_property = sp_day_view_get_property;
  object_class->set_property = sp_day_view_set_property;
  widget_class->map = sp_day_view_map;

  properties[PROP_PLANNER] = sp_model_property_new (&planner_property);
  properties[PROP_CATALOG] = sp_model_property_new (&catalog_property);
  properties[PROP_SELECTED_DAY] =
    g_param_spec_uint ("selected-day", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/studyplanner/StudyPlanner/ui/sp-day-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpDayView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SpDayView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SpDayView, level_label);
  gtk_widget_class_bind_template_child (widget_class, SpDayView, list);
  gtk_widget_class_bind_template_child (widget_class, SpDayView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_css_name (widget_class, "dayview");
}

static void
sp_day_view_init (SpDayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_accessible_name_status_page (self->empty_page);
}

SpPlanner *
sp_day_view_get_planner (SpDayView *self)
{
  g_return_val_if_fail (SP_IS_DAY_VIEW (self), NULL);
  return self->planner;
}

void
sp_day_view_set_planner (SpDayView *self,
                         SpPlanner *planner)
{
  g_return_if_fail (SP_IS_DAY_VIEW (self));

  if (self->planner == planner)
    return;
  if (self->planner != NULL)
    g_signal_handlers_disconnect_by_func (self->planner, planner_changed_cb, self);
  g_set_object (&self->planner, planner);
  if (planner != NULL)
    {
      g_signal_connect_object (planner, "changed", G_CALLBACK (planner_changed_cb), self, G_CONNECT_SWAPPED);
      if (self->selected_day == 0)
        self->selected_day = sp_planner_get_today (planner);
    }
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNER]);
}

void
sp_day_view_set_catalog (SpDayView *self,
                         SpCatalog *catalog)
{
  g_return_if_fail (SP_IS_DAY_VIEW (self));

  if (!g_set_object (&self->catalog, catalog))
    return;
  /* Suggestions are made with their rows: build them all again */
  g_clear_pointer (&self->shape, g_free);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

guint32
sp_day_view_get_selected_day (SpDayView *self)
{
  g_return_val_if_fail (SP_IS_DAY_VIEW (self), 0);
  return self->selected_day;
}

void
sp_day_view_set_selected_day (SpDayView *self,
                              guint32    day)
{
  g_return_if_fail (SP_IS_DAY_VIEW (self));

  if (day == 0 || !g_date_valid_julian (day) || day == self->selected_day)
    return;
  self->selected_day = day;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DAY]);
}

/**
 * sp_day_view_get_block_row:
 *
 * Returns: (transfer none) (nullable): the row showing @block_id
 */
GtkWidget *
sp_day_view_get_block_row (SpDayView  *self,
                           const char *block_id)
{
  g_return_val_if_fail (SP_IS_DAY_VIEW (self), NULL);

  if (self->rebuild_id != 0 || self->stale)
    rebuild (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (get_block_id (row), block_id) == 0)
      return row;
  return NULL;
}

static GtkWidget *find_details_button (GtkWidget *widget);

/* Scrolls the row to the top of the view (room below it for the details),
 * or as near as the list goes, then opens its details once that is laid
 * out and the row is in sight */
static gboolean
open_when_in_sight_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  SpDayView      *self = SP_DAY_VIEW (widget);
  GtkWidget      *row = self->opening ? sp_day_view_get_block_row (self, self->opening) : NULL;
  GtkWidget      *scrolled = row ? gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  GtkWidget      *content = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  GtkWidget      *anchor;
  graphene_rect_t bounds, seen;

  if (row == NULL || !gtk_widget_get_mapped (row))
    {
      /* Gone with a re-plan, or the view left */
      g_clear_pointer (&self->opening, g_free);
      self->opening_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (gtk_widget_get_height (row) == 0)
    return G_SOURCE_CONTINUE;
  anchor = find_details_button (row);
  if (content != NULL && gtk_widget_compute_bounds (row, content, &bounds) &&
      gtk_widget_compute_bounds (row, scrolled, &seen))
    {
      GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      /* Its top at least: a row can be taller than a phone's screen */
      gboolean in_sight = seen.origin.y >= 0 && seen.origin.y < gtk_widget_get_height (scrolled) &&
                          (seen.origin.y + seen.size.height <= gtk_widget_get_height (scrolled) ||
                           seen.size.height > gtk_widget_get_height (scrolled));

      /* Out of sight, it comes to the top, with room below it for the
       * details; a few frames at most, as the list may still be growing */
      if (!in_sight && self->opening_tries++ < 10)
        {
          if (self->opening_tries == 1)
            gtk_adjustment_set_value (vadjustment, bounds.origin.y);
          else
            gtk_adjustment_clamp_page (vadjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
          return G_SOURCE_CONTINUE;
        }
    }
  gtk_menu_button_popup (GTK_MENU_BUTTON (anchor));
  g_clear_pointer (&self->opening, g_free);
  self->opening_id = 0;
  return G_SOURCE_REMOVE;
}

static GtkWidget *
find_details_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_has_css_class (widget, "details-button"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_details_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * sp_day_view_open_block:
 *
 * Shows the block's day and opens its details.
 *
 * Returns: whether the block is in the schedule
 */
gboolean
sp_day_view_open_block (SpDayView  *self,
                        const char *block_id)
{
  SpSchedule *schedule;
  const SpBlock *block;
  GtkWidget *row;
  GtkWidget *button;

  g_return_val_if_fail (SP_IS_DAY_VIEW (self), FALSE);

  schedule = self->planner ? sp_planner_get_schedule (self->planner) : NULL;
  block = schedule && block_id ? sp_schedule_lookup_block (schedule, block_id) : NULL;
  if (block == NULL)
    return FALSE;

  sp_day_view_set_selected_day (self, block->day);
  row = sp_day_view_get_block_row (self, block_id);
  if (row == NULL)
    return FALSE;
  button = find_details_button (row);
  gtk_widget_grab_focus (button);
  /* A row just made, or below the screen, has no place yet that a
   * popover could point at (GTK then asks for the monitor of a place
   * off every screen): it opens once the row is laid out and in sight */
  g_free (self->opening);
  self->opening = g_strdup (block_id);
  self->opening_tries = 0;
  if (self->opening_id == 0)
    self->opening_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), open_when_in_sight_cb, NULL, NULL);
  return TRUE;
}
