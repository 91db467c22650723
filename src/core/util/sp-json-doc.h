/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A compact, read-only JSON document for listings of thousands of courses:
 * one parse into flat arrays, no object per value. Strict RFC 8259. */

/* Deeper documents are refused: the readers of a document recurse per level. */
#define SP_JSON_MAX_DEPTH 64

typedef enum
{
  SP_JSON_NULL,
  SP_JSON_BOOLEAN,
  SP_JSON_NUMBER,
  SP_JSON_STRING,
  SP_JSON_ARRAY,
  SP_JSON_OBJECT,
} SpJsonType;

typedef struct _SpJsonDoc   SpJsonDoc;
typedef struct _SpJsonValue SpJsonValue;

SpJsonDoc         *sp_json_doc_parse   (const char        *data,
                                        gsize              length,
                                        guint              max_depth,
                                        guint             *line,
                                        guint             *column,
                                        GError           **error);
SpJsonDoc         *sp_json_doc_parse_bytes (GBytes  *bytes,
                                            guint   *line,
                                            guint   *column,
                                            GError **error);
void               sp_json_doc_free    (SpJsonDoc         *doc);
const SpJsonValue *sp_json_doc_root    (SpJsonDoc         *doc);

SpJsonType         sp_json_type        (const SpJsonValue *value);
const char        *sp_json_string      (SpJsonDoc         *doc,
                                        const SpJsonValue *value);
double             sp_json_number      (const SpJsonValue *value);
gboolean           sp_json_is_integer (const SpJsonValue *value);
gboolean           sp_json_boolean     (const SpJsonValue *value);
guint              sp_json_length      (const SpJsonValue *value);
const SpJsonValue *sp_json_element     (SpJsonDoc         *doc,
                                        const SpJsonValue *array,
                                        guint              index);
const SpJsonValue *sp_json_member      (SpJsonDoc         *doc,
                                        const SpJsonValue *object,
                                        const char        *name);
const char        *sp_json_describe    (const SpJsonValue *value);

/* An object's members in order; a name given more than once is seen once,
 * with its last value, as sp_json_member() finds it. */
typedef struct
{
  SpJsonDoc         *doc;
  const SpJsonValue *object;
  guint              index;
  GHashTable        *last; /* name → its last index + 1 */
} SpJsonMemberIter;

void     sp_json_member_iter_init (SpJsonMemberIter  *iter,
                                   SpJsonDoc         *doc,
                                   const SpJsonValue *object);
gboolean sp_json_member_iter_next (SpJsonMemberIter   *iter,
                                   const char        **name,
                                   const SpJsonValue **value);
void     sp_json_member_iter_clear (SpJsonMemberIter *iter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpJsonDoc, sp_json_doc_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpJsonMemberIter, sp_json_member_iter_clear)

G_END_DECLS
