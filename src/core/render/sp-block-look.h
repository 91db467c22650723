/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-schedule.h"

G_BEGIN_DECLS

/* How a block is drawn in the calendars, apart from where: its state and
 * kind as signs and patterns, never by colour alone. */
typedef struct
{
  double      tint;        /* the level colour's opacity over the background */
  double      text_alpha;  /* the text colour's opacity */
  gboolean    struck;      /* a line through the title: skipped */
  gboolean    hatched;     /* stripes over a lighter tint: a review */
  const char *status_sign; /* "✓", "◐", "✗", or NULL when planned */
  const char *kind_sign;   /* "↻" for a review, or NULL */
} SpBlockLook;

void sp_block_look_init (SpBlockLook   *look,
                         const SpBlock *block,
                         gboolean       high_contrast);

G_END_DECLS
