/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-plan.h"

G_BEGIN_DECLS

/* The plan model and its loader share the plan's fields: the loader fills
 * them in, everyone else reads them through sp-plan.h. */

struct _SpText
{
  char       *en;
  GHashTable *translations; /* nullable: lang → text */
};

struct _SpPlan
{
  GObject     parent_instance;

  char       *filename;
  char       *id;
  SpText     *title;
  SpText     *description;
  char       *author;
  char       *url;
  int         min_months; /* how long the whole path typically takes; -1: not said */
  int         max_months; /* -1: open ended, or not said */
  GPtrArray  *levels;   /* element-type SpLevel, owned */
  GPtrArray  *topics;   /* element-type SpTopic, owned */
  GHashTable *topic_by_id;
};

void sp_text_free  (SpText  *text);
void sp_topic_free (SpTopic *topic);
void sp_track_free (SpTrack *track);
void sp_level_free (SpLevel *level);

G_END_DECLS
