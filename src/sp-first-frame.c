/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-first-frame.h"

/* Work that must not delay the window's first frame waits for it: the
 * frame clock exists from realize, and "after-paint" follows the first
 * painted frame. */

typedef struct
{
  SpFirstFrameFunc func;
  gpointer         user_data;
} FirstFrame;

static void
first_frame_free (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static void
after_paint_cb (GdkFrameClock *clock,
                FirstFrame    *first)
{
  SpFirstFrameFunc func = first->func;
  gpointer user_data = first->user_data;

  /* Frees @first */
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, first);
  func (user_data);
}

static void
watch_clock (GtkWidget        *widget,
             const FirstFrame *first)
{
  g_signal_connect_data (gtk_widget_get_frame_clock (widget), "after-paint",
                         G_CALLBACK (after_paint_cb), g_memdup2 (first, sizeof *first),
                         first_frame_free, 0);
}

static void
realize_cb (GtkWidget  *widget,
            FirstFrame *first)
{
  watch_clock (widget, first);
  /* Frees @first, after watch_clock() took a copy */
  g_signal_handlers_disconnect_by_func (widget, realize_cb, first);
}

/**
 * sp_after_first_frame:
 * @widget: a widget of the window, usually the window
 * @func: called once, after the first frame @widget's window paints
 *
 * Nothing is called if the window goes away before painting.
 */
void
sp_after_first_frame (GtkWidget        *widget,
                      SpFirstFrameFunc  func,
                      gpointer          user_data)
{
  FirstFrame first = { func, user_data };

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  if (gtk_widget_get_realized (widget))
    watch_clock (widget, &first);
  else
    g_signal_connect_data (widget, "realize", G_CALLBACK (realize_cb),
                           g_memdup2 (&first, sizeof first), first_frame_free, 0);
}
