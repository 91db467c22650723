/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-planner-private.h"

/* Reviews that adapt: after a review block the user rates how well they
 * recalled the topic, and the scheduler spaces the topic's next review
 * from that (sp-fsrs.c). */

/**
 * sp_planner_rate_review:
 * @rating: how well the topic was recalled
 *
 * Rates a review block (and marks it done, when it was not yet): the
 * topic's next review is spaced from the ratings. Undo takes it back.
 */
gboolean
sp_planner_rate_review (SpPlanner  *self,
                        const char *block_id,
                        SpRating    rating,
                        GError    **error)
{
  const SpBlock *block;
  SpBlockRecord *record;

  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);

  block = _sp_planner_find_block (self, block_id, error);
  if (block == NULL)
    return FALSE;
  if (block->kind != SP_BLOCK_KIND_REVIEW)
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID, _("Only a review block can be rated"));
      return FALSE;
    }
  if (rating < SP_RATING_AGAIN || rating > SP_RATING_EASY)
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID, _("Unknown recall rating %d"), (int) rating);
      return FALSE;
    }

  _sp_planner_push_undo (self, FALSE);
  record = _sp_planner_ensure_record (self, block);
  if (record->status != SP_BLOCK_STATUS_DONE)
    {
      record->status = SP_BLOCK_STATUS_DONE;
      record->done_minutes = 0;
    }
  record->rating = rating;
  return _sp_planner_commit_edit (self, error);
}
