/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-planner.h"

/* The one owner of the planner's state: the plan, the user's choices and,
 * from them, the schedule. Views read from it and send edits through it. */
struct _SpPlanner
{
  GObject  parent_instance;

  SpPlan  *plan;
  char    *track;
};

G_DEFINE_FINAL_TYPE (SpPlanner, sp_planner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_TRACK,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Keeps the track valid for the plan: an unknown one falls back to the plan's first. */
static void
normalize_track (SpPlanner *self)
{
  if (self->plan == NULL)
    return;
  if (self->track == NULL || sp_plan_lookup_track (self->plan, self->track) == NULL)
    {
      g_free (self->track);
      self->track = g_strdup (sp_plan_get_default_track (self->plan));
    }
}

static void
sp_planner_finalize (GObject *object)
{
  SpPlanner *self = (SpPlanner *)object;

  g_clear_object (&self->plan);
  g_clear_pointer (&self->track, g_free);

  G_OBJECT_CLASS (sp_planner_parent_class)->finalize (object);
}

static void
sp_planner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpPlanner *self = SP_PLANNER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_TRACK:
      g_value_set_string (value, self->track);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_planner_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SpPlanner *self = SP_PLANNER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      sp_planner_set_plan (self, g_value_get_object (value));
      break;
    case PROP_TRACK:
      sp_planner_set_track (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_planner_class_init (SpPlannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_planner_finalize;
  object_class->get_property = sp_planner_get_property;
  object_class->set_property = sp_planner_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         SP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRACK] =
    g_param_spec_string ("track", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpPlanner::changed:
   *
   * Emitted once after anything the views show has changed: the plan,
   * the track, the user's state or the schedule made from them.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sp_planner_init (SpPlanner *self)
{
}

SpPlanner *
sp_planner_new (SpPlan *plan)
{
  g_return_val_if_fail (SP_IS_PLAN (plan), NULL);
  return g_object_new (SP_TYPE_PLANNER, "plan", plan, NULL);
}

/**
 * sp_planner_get_plan:
 *
 * Returns: (transfer none): the plan being followed
 */
SpPlan *
sp_planner_get_plan (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  return self->plan;
}

void
sp_planner_set_plan (SpPlanner *self,
                     SpPlan    *plan)
{
  g_autofree char *old_track = NULL;

  g_return_if_fail (SP_IS_PLANNER (self));
  g_return_if_fail (SP_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  old_track = g_strdup (self->track);
  normalize_track (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  if (g_strcmp0 (old_track, self->track) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACK]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * sp_planner_get_track:
 *
 * Returns: (nullable): the chosen specialization track
 */
const char *
sp_planner_get_track (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  return self->track;
}

void
sp_planner_set_track (SpPlanner  *self,
                      const char *track)
{
  g_autofree char *old = NULL;

  g_return_if_fail (SP_IS_PLANNER (self));

  old = g_steal_pointer (&self->track);
  self->track = g_strdup (track);
  normalize_track (self);
  if (g_strcmp0 (old, self->track) == 0)
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACK]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * sp_planner_get_level_progress:
 *
 * Returns: the share of @level's hours done, from 0 to 1
 */
double
sp_planner_get_level_progress (SpPlanner *self,
                               guint      level)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), 0);

  /* Nothing is tracked until the user marks study blocks done */
  return 0;
}
