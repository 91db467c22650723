/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-manual-clock.h"

/* A clock that moves only when told: sp_manual_clock_advance() runs each
 * timeout that falls due on the way, in order, at its own time. */
struct _SpManualClock
{
  GObject parent_instance;

  gint64  now;
  GArray *timeouts; /* element-type Timeout */
  guint   next_id;
};

typedef struct
{
  guint       id;
  gint64      due;
  gint64      interval;
  GSourceFunc func;
  gpointer    data;
} Timeout;

static void sp_manual_clock_iface_init (SpClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpManualClock, sp_manual_clock, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (SP_TYPE_CLOCK, sp_manual_clock_iface_init))

static gint64
sp_manual_clock_get_time (SpClock *clock)
{
  return SP_MANUAL_CLOCK (clock)->now;
}

static guint
sp_manual_clock_add_timeout (SpClock    *clock,
                             guint       interval_ms,
                             GSourceFunc func,
                             gpointer    data)
{
  SpManualClock *self = SP_MANUAL_CLOCK (clock);
  Timeout        timeout = {
           .id = ++self->next_id,
           .interval = MAX (interval_ms, 1) * (gint64) 1000,
           .func = func,
           .data = data,
  };

  timeout.due = self->now + timeout.interval;
  g_array_append_val (self->timeouts, timeout);
  return timeout.id;
}

static void
sp_manual_clock_remove_timeout (SpClock *clock,
                                guint    id)
{
  SpManualClock *self = SP_MANUAL_CLOCK (clock);

  for (guint i = 0; i < self->timeouts->len; i++)
    if (g_array_index (self->timeouts, Timeout, i).id == id)
      {
        g_array_remove_index (self->timeouts, i);
        return;
      }
  g_critical ("No timeout %u on this clock", id);
}

static void
sp_manual_clock_iface_init (SpClockInterface *iface)
{
  iface->get_time = sp_manual_clock_get_time;
  iface->add_timeout = sp_manual_clock_add_timeout;
  iface->remove_timeout = sp_manual_clock_remove_timeout;
}

static void
sp_manual_clock_finalize (GObject *object)
{
  SpManualClock *self = (SpManualClock *) object;

  g_clear_pointer (&self->timeouts, g_array_unref);

  G_OBJECT_CLASS (sp_manual_clock_parent_class)->finalize (object);
}

static void
sp_manual_clock_class_init (SpManualClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_manual_clock_finalize;
}

static void
sp_manual_clock_init (SpManualClock *self)
{
  self->timeouts = g_array_new (FALSE, FALSE, sizeof (Timeout));
}

/**
 * sp_manual_clock_new:
 * @now: the time to start at, in microseconds since the epoch
 */
SpManualClock *
sp_manual_clock_new (gint64 now)
{
  SpManualClock *self = g_object_new (SP_TYPE_MANUAL_CLOCK, NULL);

  self->now = now;
  return self;
}

/* The index of the timeout due first, or -1 when none is due by @until */
static gint
next_due (SpManualClock *self,
          gint64         until)
{
  gint best = -1;

  for (guint i = 0; i < self->timeouts->len; i++)
    {
      const Timeout *t = &g_array_index (self->timeouts, Timeout, i);

      if (t->due <= until && (best < 0 || t->due < g_array_index (self->timeouts, Timeout, best).due))
        best = (gint) i;
    }
  return best;
}

void
sp_manual_clock_advance (SpManualClock *self,
                         gint64         usec)
{
  gint64 until;
  gint   i;

  g_return_if_fail (SP_IS_MANUAL_CLOCK (self));
  g_return_if_fail (usec >= 0);

  until = self->now + usec;
  g_object_ref (self);
  while ((i = next_due (self, until)) >= 0)
    {
      Timeout t = g_array_index (self->timeouts, Timeout, i);

      self->now = t.due;
      /* Rescheduled before the call, which may remove it */
      g_array_index (self->timeouts, Timeout, i).due += t.interval;
      if (t.func (t.data) == G_SOURCE_REMOVE)
        for (guint j = 0; j < self->timeouts->len; j++)
          if (g_array_index (self->timeouts, Timeout, j).id == t.id)
            {
              g_array_remove_index (self->timeouts, j);
              break;
            }
    }
  self->now = until;
  g_object_unref (self);
}
