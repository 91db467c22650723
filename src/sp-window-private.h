/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-calendar-grid.h"
#include "sp-clock.h"
#include "sp-courses-view.h"
#include "sp-day-view.h"
#include "sp-path-view.h"
#include "sp-progress-summary.h"
#include "sp-window.h"

G_BEGIN_DECLS

/* The window's parts, shared by the files that make the window:
 * sp-window.c (the views and their wiring), sp-window-actions.c (its
 * GActions and keys), sp-window-print.c (printing and exporting) and
 * sp-window-focus.c (focus sessions).
 * Nothing else sees them: children ask the window through its actions. */
struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  SpPlanner            *planner;
  SpCatalog            *catalog;
  GSettings            *settings;
  guint32               selected_day;
  gboolean              syncing_calendar;

  AdwHeaderBar         *header_bar;
  AdwToastOverlay      *toast_overlay;
  GtkProgressBar       *sync_progress;
  AdwViewStack         *stack;
  SpPathView           *path_view;
  AdwBin               *courses_bin;
  SpCoursesView        *courses_view;     /* made after the first frame */
  guint                 courses_id;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;     /* its popover is made when first opened */
  GtkWidget            *nav_area;
  GtkWidget            *nav_box;
  GtkWidget            *compact_nav_box;
  GtkMenuButton        *date_button;
  GtkCalendar          *date_calendar;    /* made when the date picker first opens */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  SpCalendarGrid       *month_grid;
  GtkWidget            *month_list_scroller;
  GtkListBox           *month_list;
  SpCalendarGrid       *week_grid;
  GtkLabel             *week_label;
  SpDayView            *day_view;
  SpProgressSummary    *progress_summary;
  GtkWidget            *summary_separator;

  /* sp-window-focus.c */
  GtkWidget *focus_window; /* while a focus session runs */
  GtkWidget *focus_view;
  GtkWidget *focus_indicator;
  GtkWidget *focus_time;      /* the indicator's time left, when it has room */
  guint      focus_announced; /* the minutes screen readers last heard */
  SpClock   *focus_clock;
  GObject   *focus_sound; /* a GSoundContext, made at the first end */
  guint      focus_inhibit;
  guint      focus_recover_id;
  GtkWidget *focus_recover_dialog;
};

gboolean sp_window_get_span          (SpWindow       *self,
                                      SpCalendarSpan *span);
void     sp_window_actions_class_init (GtkWidgetClass *widget_class);
void     sp_window_print_class_init   (GtkWidgetClass *widget_class);
void     sp_window_focus_class_init (GtkWidgetClass *widget_class);
void     sp_window_focus_setup (SpWindow *self);
void     sp_window_focus_dispose (SpWindow *self);

G_END_DECLS
