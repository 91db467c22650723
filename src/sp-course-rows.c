/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-course-rows"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sp-calendar-layout.h"
#include "sp-course-attach.h"
#include "sp-course-rows.h"
#include "sp-scheduler.h"
#include "sp-tooltip.h"
#include "sp-url.h"

/* The courses shown in a topic's expansion in the Path view: the one the
 * user attached, then the best matches, each with its page and "Use". */

#define MAX_SUGGESTIONS 3

typedef struct
{
  SpPlanner *planner;
  SpCourse  *course;
  char      *topic_id;
} UseData;

static void
use_data_free (gpointer  data,
               GClosure *closure)
{
  UseData *use = data;

  g_clear_object (&use->planner);
  g_clear_object (&use->course);
  g_free (use->topic_id);
  g_free (use);
}

static void
use_clicked_cb (GtkButton *button,
                UseData   *use)
{
  sp_course_rows_attach (GTK_WIDGET (button), use->planner, use->topic_id, use->course);
}

typedef struct
{
  SpPlanner *planner;
  char      *topic_id;
  double     hours;
} HoursData;

static void
hours_data_free (gpointer  data,
                 GClosure *closure)
{
  HoursData *choice = data;

  g_clear_object (&choice->planner);
  g_free (choice->topic_id);
  g_free (choice);
}

/* "40 hours", with the plural the number asks for */
static char *
format_hours_phrase (double hours)
{
  g_autofree char *number = sp_scheduler_format_hours (hours);
  gulong n = fabs (hours - round (hours)) < 0.05 ? (gulong) round (hours) : (gulong) ceil (hours);

  /* TRANSLATORS: a number of hours in a sentence, "40 hours" or "7.5 hours" */
  return g_strdup_printf (ngettext ("%s hour", "%s hours", n), number);
}

static void
hours_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   HoursData        *choice)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "use") != 0)
    return;
  if (!sp_planner_set_topic_hours (choice->planner, choice->topic_id, choice->hours, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
      AdwMessageDialog *failed = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Hours Not Changed"), NULL));

      adw_message_dialog_set_body (failed, error->message);
      adw_message_dialog_add_response (failed, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
    }
}

/**
 * sp_course_rows_attach:
 * @from: the widget the user chose the course in, for the dialog's window
 *
 * Attaches @course to @topic_id and, when the course states a workload
 * other than the topic's hours, asks whether to plan with it instead.
 */
void
sp_course_rows_attach (GtkWidget  *from,
                       SpPlanner  *planner,
                       const char *topic_id,
                       SpCourse   *course)
{
  GtkRoot *root = gtk_widget_get_root (from);
  SpPlan *plan = sp_planner_get_plan (planner);
  const SpTopic *topic = plan ? sp_plan_lookup_topic (plan, topic_id) : NULL;
  AdwMessageDialog *dialog;
  g_autofree char *offered = NULL;
  g_autofree char *current = NULL;
  g_autofree char *body = NULL;
  HoursData *choice;
  double hours;

  sp_course_attach (planner, topic_id, course);

  hours = sp_course_get_offered_hours (planner, topic_id, course);
  if (hours <= 0 || topic == NULL)
    return;

  offered = format_hours_phrase (hours);
  current = format_hours_phrase (sp_planner_get_topic_hours (planner, topic_id));
  /* TRANSLATORS: "Use the course’s 40 hours instead of the estimated 30 hours for Linear algebra?" */
  body = g_strdup_printf (_("Use the course’s %s instead of the estimated %s for %s?"),
                          offered, current, sp_topic_get_title (topic));

  /* Plan and listing text is untrusted: the body is plain text, never markup */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Use the Course’s Hours?"), NULL));
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Estimate"),
                                    "use", _("_Use Course Hours"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "use", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "use");
  adw_message_dialog_set_close_response (dialog, "keep");

  choice = g_new0 (HoursData, 1);
  choice->planner = g_object_ref (planner);
  choice->topic_id = g_strdup (topic_id);
  choice->hours = hours;
  g_signal_connect_data (dialog, "response", G_CALLBACK (hours_response_cb), choice, hours_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_clicked_cb (GtkButton *button,
                 SpCourse  *course)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  const char *url = sp_course_get_url (course);

  if (sp_url_is_web (url))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static char *
describe (SpCourse *course)
{
  double hours = sp_course_get_total_hours (course);
  const char *provider = sp_course_get_provider (course);

  if (hours > 0)
    /* TRANSLATORS: "Coursera · 40 h" */
    return g_strdup_printf (_("%s · %.0f h"), provider ? provider : "", hours);
  return g_strdup (provider ? provider : "");
}

static void
remove_clicked_cb (GtkButton *button,
                   UseData   *data)
{
  SpPlan *plan = sp_planner_get_plan (data->planner);
  const SpTopic *topic = plan ? sp_plan_lookup_topic (plan, data->topic_id) : NULL;
  g_autofree char *message = NULL;

  /* TRANSLATORS: "“CS231n” is no longer the course for Computer vision" */
  message = g_strdup_printf (_("“%s” is no longer the course for %s"), sp_course_get_title (data->course),
                             topic ? sp_topic_get_title (topic) : data->topic_id);
  /* The row goes as the view is rebuilt: the message is made before */
  sp_course_detach (data->planner, data->topic_id);
  gtk_widget_activate_action (GTK_WIDGET (button), "win.toast", "s", message);
}

/* A button at the end of @row whose @clicked gets the course and topic */
static void
add_course_button (GtkWidget  *row,
                   const char *mnemonic,
                   const char *tooltip,
                   GCallback   clicked,
                   SpPlanner  *planner,
                   SpCourse   *course,
                   const char *topic_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);
  UseData *data = g_new0 (UseData, 1);

  data->planner = g_object_ref (planner);
  data->course = g_object_ref (course);
  data->topic_id = g_strdup (topic_id);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  sp_tooltip_set_text (button, tooltip);
  g_signal_connect_data (button, "clicked", clicked, data, use_data_free, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

/* @attached: the topic's own course, which can be removed; otherwise a
 * suggestion, which can be used */
static GtkWidget *
new_course_row (SpCourse   *course,
                const char *title,
                SpPlanner  *planner,
                const char *topic_id,
                gboolean    attached)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe (course);
  g_autofree char *accessible = NULL;

  /* Listings are untrusted: plain text only */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (sp_course_get_url (course) != NULL)
    {
      GtkWidget *open = gtk_button_new_from_icon_name ("web-browser-symbolic");

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      sp_tooltip_set_text (open, _("Open Course Page"));
      accessible = g_strdup_printf (_("Open the page of “%s”"), sp_course_get_title (course));
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_signal_connect_data (open, "clicked", G_CALLBACK (open_clicked_cb), g_object_ref (course),
                             (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }

  if (planner != NULL && attached)
    add_course_button (row, _("_Remove"), _("Stop using this course for the topic; its estimate is used again"),
                       G_CALLBACK (remove_clicked_cb), planner, course, topic_id);
  else if (planner != NULL)
    add_course_button (row, _("_Use"), _("Use this course for the topic"),
                       G_CALLBACK (use_clicked_cb), planner, course, topic_id);
  return row;
}

/**
 * sp_course_rows_add:
 * @planner: (nullable): where an attached course is kept
 *
 * Adds the attached course and the best matches for @topic_id to @expander.
 */
void
sp_course_rows_add (AdwExpanderRow *expander,
                    SpCatalog      *catalog,
                    SpPlanner      *planner,
                    const char     *topic_id)
{
  g_autoptr(SpCourse) attached = planner ? sp_course_dup_attached (planner, topic_id) : NULL;
  g_autoptr(GPtrArray) best = sp_catalog_dup_courses_for_topic (catalog, topic_id, MAX_SUGGESTIONS + 1);
  guint shown = 0;

  if (attached != NULL)
    {
      /* TRANSLATORS: the course the user chose for a topic, "Your course: CS231n" */
      g_autofree char *title = g_strdup_printf (_("Your course: %s"), sp_course_get_title (attached));
      adw_expander_row_add_row (expander, new_course_row (attached, title, planner, topic_id, TRUE));
    }

  for (guint i = 0; i < best->len && shown < MAX_SUGGESTIONS; i++)
    {
      SpCourse *course = g_ptr_array_index (best, i);
      g_autofree char *title = NULL;

      if (attached != NULL && g_strcmp0 (sp_course_get_id (course), sp_course_get_id (attached)) == 0)
        continue;
      /* TRANSLATORS: a suggested course for a topic, "Suggested course: CS231n" */
      title = g_strdup_printf (_("Suggested course: %s"), sp_course_get_title (course));
      adw_expander_row_add_row (expander, new_course_row (course, title, planner, topic_id, FALSE));
      shown++;
    }
}

/**
 * sp_course_rows_show_attached:
 * @box: what holds @label and @link, hidden when no course is attached
 *
 * Shows the course attached to @topic_id ("Course: …") and a link to its
 * page, only when that is a web page (http or https).
 */
void
sp_course_rows_show_attached (SpPlanner     *planner,
                              const char    *topic_id,
                              GtkWidget     *box,
                              GtkLabel      *label,
                              GtkLinkButton *link)
{
  const char      *course = sp_planner_get_topic_course (planner, topic_id);
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  gtk_widget_set_visible (box, course != NULL);
  if (course == NULL)
    return;
  text = sp_calendar_describe_course (course, &url);
  shown = g_strdup_printf (_("Course: %s"), text);
  gtk_label_set_text (label, shown);
  gtk_widget_set_visible (GTK_WIDGET (link), url != NULL);
  if (url != NULL)
    gtk_link_button_set_uri (link, url);
}
