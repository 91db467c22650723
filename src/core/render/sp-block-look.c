/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-block-look.h"

/* A block's look, shared by the Month and Week grids and their tests. */

/**
 * sp_block_look_init:
 * @look: (out caller-allocates): the look
 * @high_contrast: whether the theme asks for high contrast
 *
 * Fills @look for @block. A skipped block is struck through rather than
 * faded: in high contrast its text keeps the full text colour, so it stays
 * as readable as the rest; a review is hatched and carries "↻", so it
 * differs from learning without colour.
 */
void
sp_block_look_init (SpBlockLook   *look,
                    const SpBlock *block,
                    gboolean       high_contrast)
{
  g_return_if_fail (look != NULL);
  g_return_if_fail (block != NULL);

  *look = (SpBlockLook){ .tint = 0.20, .text_alpha = 1.0 };
  switch (block->status)
    {
    case SP_BLOCK_STATUS_DONE:
      look->tint = 0.42;
      look->status_sign = "✓";
      break;
    case SP_BLOCK_STATUS_PARTIAL:
      look->tint = 0.30;
      look->status_sign = "◐";
      break;
    case SP_BLOCK_STATUS_SKIPPED:
      look->tint = 0.08;
      look->text_alpha = high_contrast ? 1.0 : 0.7;
      look->struck = TRUE;
      look->status_sign = "✗";
      break;
    case SP_BLOCK_STATUS_PLANNED:
    default:
      break;
    }
  if (high_contrast)
    look->tint = MIN (look->tint + 0.15, 0.6);

  if (block->kind == SP_BLOCK_KIND_REVIEW)
    {
      look->hatched = TRUE;
      look->kind_sign = "↻";
    }
}
