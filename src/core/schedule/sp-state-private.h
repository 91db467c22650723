/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sp-json-doc.h"
#include "sp-json-write.h"
#include "sp-state.h"

G_BEGIN_DECLS

/* How the state file's readers say what is wrong, with the member's path
 * (sp-state.c, shared by the focus and goals readers) */
gboolean _sp_state_invalid (GError           **error,
                            const char        *filename,
                            const char        *path,
                            const char        *expected,
                            const SpJsonValue *found);
gboolean _sp_state_check_member (const SpJsonValue *member,
                                 SpJsonType         type,
                                 const char        *expected,
                                 const char        *filename,
                                 const char        *path,
                                 const char        *name,
                                 GError           **error);

/* Shared by sp-state.c and sp-state-focus.c: the state file's focus
 * members, which came after format 1 (a block's focus stretches and the
 * session running when it was saved). */
gboolean      _sp_state_load_focus (SpJsonDoc         *doc,
                                    const SpJsonValue *member,
                                    SpBlockRecord     *record,
                                    const char        *filename,
                                    const char        *path,
                                    GError           **error);
SpFocusSaved *_sp_state_load_focus_session (SpJsonDoc         *doc,
                                            const SpJsonValue *object,
                                            const char        *filename,
                                            GError           **error);
void          _sp_state_add_focus (JsonBuilder *builder,
                                   GArray      *focus);
void          _sp_state_add_focus_session (JsonBuilder        *builder,
                                           const SpFocusSaved *saved);

/* A plan's goal dates (sp-state-goals.c), also after format 1 */
gboolean _sp_state_load_goals (SpJsonDoc         *doc,
                               const SpJsonValue *member,
                               SpProgress        *progress,
                               const char        *filename,
                               const char        *path,
                               GError           **error);
void     _sp_state_add_goals (JsonBuilder *builder,
                              SpProgress  *progress);

G_END_DECLS
