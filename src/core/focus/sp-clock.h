/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a focus session reads the time and waits: the real clock in the
 * app, a clock the tests move by hand so a 50-minute session takes
 * milliseconds. */
#define SP_TYPE_CLOCK (sp_clock_get_type ())
G_DECLARE_INTERFACE (SpClock, sp_clock, SP, CLOCK, GObject)

struct _SpClockInterface
{
  GTypeInterface parent_iface;

  gint64 (*get_time) (SpClock *self);
  guint (*add_timeout) (SpClock    *self,
                        guint       interval_ms,
                        GSourceFunc func,
                        gpointer    data);
  void (*remove_timeout) (SpClock *self,
                          guint    id);
};

gint64 sp_clock_get_time (SpClock *self);
guint  sp_clock_add_timeout (SpClock    *self,
                             guint       interval_ms,
                             GSourceFunc func,
                             gpointer    data);
void   sp_clock_remove_timeout (SpClock *self,
                                guint    id);

G_END_DECLS
