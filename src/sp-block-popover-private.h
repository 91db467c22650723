/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-block-popover.h"

G_BEGIN_DECLS

/* A study block's details, opened from any view: what to do, marking it
 * done, partly done or skipped, a note, and moving it by date and time so
 * that a block can be moved without a mouse. Edits go to the planner.
 * The move form is sp-block-popover-move.c. */
struct _SpBlockPopover
{
  GtkPopover parent_instance;

  GtkScrolledWindow *scroller;

  SpPlanner *planner;
  char      *block_id;

  GtkLabel        *level_badge;
  GtkLabel        *title_label;
  GtkLabel        *when_label;
  GtkLabel        *meta_label;
  GtkLabel        *task_label;
  GtkWidget       *course_box;
  GtkLabel        *course_label;
  GtkLinkButton   *course_link;
  GtkWidget       *start_button;
  GtkWidget       *mark_box;
  GtkWidget       *done_button;
  GtkToggleButton *partial_button;
  GtkAdjustment   *partial_adjustment;
  GtkWidget       *partial_box;
  GtkWidget       *partial_spin;
  GtkWidget       *skip_button;
  GtkWidget       *rating_box;
  GtkWidget       *rating_buttons[SP_N_RATINGS];
  GtkWidget       *reset_button;
  GtkEntry        *note_entry;
  GtkWidget       *unpin_button;
  GtkLabel        *error_label;

  /* The move form */
  GtkWidget      *move_heading;
  GtkWidget      *move_box;
  GtkMenuButton  *date_button;
  GtkLabel       *date_error;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
  GtkWidget      *time_box;
  GtkLabel       *time_error;
  GtkCalendar    *calendar;   /* made when the picker first opens */
  guint32         move_day;   /* the day chosen in the picker */
  gboolean        day_picked; /* a day was clicked or chosen by key */
  GtkPositionType position;   /* where the opener wants the details */
};

void sp_block_popover_show_error (SpBlockPopover *self,
                                  const GError   *error);

void sp_block_popover_move_class_init (GtkWidgetClass *widget_class);
void sp_block_popover_move_init (SpBlockPopover *self);
void sp_block_popover_move_update (SpBlockPopover *self,
                                   const SpBlock  *block);

G_END_DECLS
