/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-clock.h"

G_DEFINE_INTERFACE (SpClock, sp_clock, G_TYPE_OBJECT)

static void
sp_clock_default_init (SpClockInterface *iface)
{
}

/**
 * sp_clock_get_time:
 *
 * Returns: the wall-clock time in microseconds since the epoch
 */
gint64
sp_clock_get_time (SpClock *self)
{
  g_return_val_if_fail (SP_IS_CLOCK (self), 0);
  return SP_CLOCK_GET_IFACE (self)->get_time (self);
}

/**
 * sp_clock_add_timeout:
 * @func: (scope notified): called every @interval_ms until it returns
 *   %G_SOURCE_REMOVE
 *
 * Returns: the id for sp_clock_remove_timeout(), never 0
 */
guint
sp_clock_add_timeout (SpClock    *self,
                      guint       interval_ms,
                      GSourceFunc func,
                      gpointer    data)
{
  g_return_val_if_fail (SP_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);
  return SP_CLOCK_GET_IFACE (self)->add_timeout (self, interval_ms, func, data);
}

void
sp_clock_remove_timeout (SpClock *self,
                         guint    id)
{
  g_return_if_fail (SP_IS_CLOCK (self));
  SP_CLOCK_GET_IFACE (self)->remove_timeout (self, id);
}
