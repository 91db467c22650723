/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-system-clock.h"

/* The real time, and GLib timeouts on the thread-default main context. */
struct _SpSystemClock
{
  GObject parent_instance;
};

static void sp_system_clock_iface_init (SpClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpSystemClock, sp_system_clock, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (SP_TYPE_CLOCK, sp_system_clock_iface_init))

static gint64
sp_system_clock_get_time (SpClock *clock)
{
  return g_get_real_time ();
}

static guint
sp_system_clock_add_timeout (SpClock    *clock,
                             guint       interval_ms,
                             GSourceFunc func,
                             gpointer    data)
{
  return g_timeout_add (interval_ms, func, data);
}

static void
sp_system_clock_remove_timeout (SpClock *clock,
                                guint    id)
{
  g_source_remove (id);
}

static void
sp_system_clock_iface_init (SpClockInterface *iface)
{
  iface->get_time = sp_system_clock_get_time;
  iface->add_timeout = sp_system_clock_add_timeout;
  iface->remove_timeout = sp_system_clock_remove_timeout;
}

static void
sp_system_clock_class_init (SpSystemClockClass *klass)
{
}

static void
sp_system_clock_init (SpSystemClock *self)
{
}

SpClock *
sp_system_clock_new (void)
{
  return g_object_new (SP_TYPE_SYSTEM_CLOCK, NULL);
}
