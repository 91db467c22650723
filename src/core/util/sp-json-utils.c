/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sp-json-utils.h"

/* Returns FALSE, with the place of the first bracket too deep, when nesting exceeds max_depth. */
gboolean
sp_json_check_depth (const char *data,
                     gsize       length,
                     guint       max_depth,
                     guint      *line,
                     guint      *column)
{
  guint depth = 0;
  guint l = 1, c = 0;
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char ch = data[i];

      c++;
      if (ch == '\n')
        {
          l++;
          c = 0;
          continue;
        }
      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (ch == '\\')
            escaped = TRUE;
          else if (ch == '"')
            in_string = FALSE;
          continue;
        }
      if (ch == '"')
        in_string = TRUE;
      else if (ch == '[' || ch == '{')
        {
          if (++depth > max_depth)
            {
              if (line)
                *line = l;
              if (column)
                *column = c;
              return FALSE;
            }
        }
      else if ((ch == ']' || ch == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* json-glib turns a lone "\uD800" escape into bytes that are not UTF-8:
 * such text must not reach a label or be written back. */
static gboolean
node_is_valid_text (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          if (!g_utf8_validate (name, -1, NULL) || !node_is_valid_text (member))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!node_is_valid_text (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_utf8_validate (json_node_get_string (node), -1, NULL);
      return TRUE;
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/**
 * sp_json_parse_bytes:
 * @line: (out) (optional): the line of a syntax error, 0 when unknown
 * @column: (out) (optional): its column
 *
 * Parses untrusted JSON: refuses deep nesting and invalid UTF-8, and
 * gives the place of a syntax error apart from its message.
 *
 * Returns: (transfer full): the root node, or %NULL with @error set
 */
JsonNode *
sp_json_parse_bytes (GBytes  *bytes,
                     guint   *line,
                     guint   *column,
                     GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;
  guint l = 0, c = 0;

  if (line)
    *line = 0;
  if (column)
    *column = 0;

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL || length == 0)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           _("The file is empty"));
      return NULL;
    }

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("The file is not valid UTF-8 text"));
      return NULL;
    }

  if (!sp_json_check_depth (data, length, SP_JSON_MAX_DEPTH, &l, &c))
    {
      if (line)
        *line = l;
      if (column)
        *column = c;
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                   _("Nested deeper than %u levels"), SP_JSON_MAX_DEPTH);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      /* json-glib quotes the bad token, which may be a lone surrogate
       * escape ("\ud800") decoded to bytes that are not UTF-8 */
      g_autofree char *valid = g_utf8_make_valid (local_error->message, -1);
      const char *msg = valid;
      int consumed = 0;

      /* json-glib says "<data>:LINE:COL: Parse error: ..."; keep the place apart */
      if (sscanf (msg, "<data>:%u:%u: %n", &l, &c, &consumed) == 2 && consumed > 0)
        {
          if (line)
            *line = l;
          if (column)
            *column = c;
          msg += consumed;
        }
      g_set_error_literal (error, JSON_PARSER_ERROR, local_error->code, msg);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           _("The file is empty"));
      return NULL;
    }

  if (!node_is_valid_text (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("The file has text that is not valid Unicode (a lone \\u surrogate escape)"));
      return NULL;
    }

  return json_parser_steal_root (parser);
}

const char *
sp_json_type_name (JsonNode *node)
{
  if (node == NULL)
    return _("nothing");

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("a boolean");
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");
    default:
      return _("a value");
    }
}

/**
 * sp_json_object_get_string:
 *
 * Returns: (nullable): the string member @name, or %NULL when it is missing
 *   or holds anything else
 */
const char *
sp_json_object_get_string (JsonObject *object,
                           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}
