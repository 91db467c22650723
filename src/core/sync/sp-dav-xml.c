/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-dav-xml.h"

/* WebDAV multistatus bodies read with GMarkupParseContext. GMarkup knows no
 * namespaces, so the parser keeps the xmlns declarations in scope itself
 * and matches elements by namespace and local name: servers choose their
 * own prefixes ("D:", "d:", none at all). */

#define NS_DAV    "DAV:"
#define NS_CALDAV "urn:ietf:params:xml:ns:caldav"

G_DEFINE_QUARK (sp - dav - xml - error - quark, sp_dav_xml_error)

typedef struct
{
  char *prefix; /* "" for the default namespace */
  char *uri;
  guint depth;
} NsScope;

/* Where in the multistatus the parser is. */
typedef enum
{
  IN_NONE,
  IN_HREF,
  IN_STATUS,
  IN_ETAG,
  IN_PRINCIPAL_HREF,
  IN_HOME_HREF,
  IN_DISPLAY_NAME,
  IN_CALENDAR_DATA,
  IN_SYNC_TOKEN,
  IN_TOP_SYNC_TOKEN,
} Field;

typedef struct
{
  GArray           *scopes; /* element-type NsScope */
  guint             depth;
  gboolean          seen_multistatus;
  SpDavMultistatus *result;
  SpDavResponse    *response; /* the <response> being read */
  SpDavResponse    *props;    /* the <propstat>'s properties, merged if 2xx */
  guint             propstat_status;
  gboolean          in_propstat;
  gboolean          in_principal;
  gboolean          in_home;
  Field             field;
  GString          *text;
} Parser;

static void
response_free (gpointer data)
{
  SpDavResponse *response = data;

  if (response == NULL)
    return;
  g_free (response->href);
  g_free (response->etag);
  g_free (response->principal);
  g_free (response->home);
  g_free (response->display_name);
  g_free (response->calendar_data);
  g_free (response->sync_token);
  g_free (response);
}

static void
ns_scope_clear (gpointer data)
{
  NsScope *scope = data;

  g_free (scope->prefix);
  g_free (scope->uri);
}

/* The namespace of a prefix, the innermost declaration first. */
static const char *
lookup_ns (Parser     *parser,
           const char *prefix)
{
  for (guint i = parser->scopes->len; i > 0; i--)
    {
      NsScope *scope = &g_array_index (parser->scopes, NsScope, i - 1);

      if (g_str_equal (scope->prefix, prefix))
        return scope->uri;
    }
  return "";
}

static gboolean
is_element (Parser     *parser,
            const char *qname,
            const char *ns,
            const char *local)
{
  const char      *colon = strchr (qname, ':');
  g_autofree char *prefix = colon ? g_strndup (qname, (gsize) (colon - qname)) : g_strdup ("");
  const char      *name = colon ? colon + 1 : qname;

  return g_str_equal (name, local) && g_str_equal (lookup_ns (parser, prefix), ns);
}

/**
 * sp_dav_parse_status_line:
 * @line: "HTTP/1.1 404 Not Found"
 *
 * Returns: the status code, or 0 when @line is not a status line
 */
guint
sp_dav_parse_status_line (const char *line)
{
  const char      *space;
  g_autofree char *digits = NULL;
  guint64          code = 0;

  if (line == NULL)
    return 0;
  while (g_ascii_isspace (*line))
    line++;
  if (!g_str_has_prefix (line, "HTTP/"))
    return 0;
  space = strchr (line, ' ');
  if (space == NULL)
    return 0;
  digits = g_strndup (space + 1, 3);
  if (!g_ascii_string_to_unsigned (digits, 10, 100, 599, &code, NULL))
    return 0;
  return (guint) code;
}

static void
start_element (GMarkupParseContext *context,
               const char          *qname,
               const char         **names,
               const char         **values,
               gpointer             user_data,
               GError             **error)
{
  Parser *parser = user_data;

  parser->depth++;
  for (guint i = 0; names[i] != NULL; i++)
    {
      NsScope scope;

      if (g_str_equal (names[i], "xmlns"))
        scope.prefix = g_strdup ("");
      else if (g_str_has_prefix (names[i], "xmlns:"))
        scope.prefix = g_strdup (names[i] + strlen ("xmlns:"));
      else
        continue;
      scope.uri = g_strdup (values[i]);
      scope.depth = parser->depth;
      g_array_append_val (parser->scopes, scope);
    }

  g_string_truncate (parser->text, 0);
  parser->field = IN_NONE;

  if (is_element (parser, qname, NS_DAV, "multistatus"))
    {
      parser->seen_multistatus = TRUE;
      return;
    }
  if (!parser->seen_multistatus)
    return;

  if (is_element (parser, qname, NS_DAV, "response"))
    {
      response_free (parser->response);
      parser->response = g_new0 (SpDavResponse, 1);
    }
  else if (parser->response == NULL)
    {
      if (is_element (parser, qname, NS_DAV, "sync-token"))
        parser->field = IN_TOP_SYNC_TOKEN;
    }
  else if (is_element (parser, qname, NS_DAV, "propstat"))
    {
      response_free (parser->props);
      parser->props = g_new0 (SpDavResponse, 1);
      parser->propstat_status = 0;
      parser->in_propstat = TRUE;
    }
  else if (is_element (parser, qname, NS_DAV, "href"))
    {
      if (parser->in_principal)
        parser->field = IN_PRINCIPAL_HREF;
      else if (parser->in_home)
        parser->field = IN_HOME_HREF;
      else if (!parser->in_propstat)
        parser->field = IN_HREF;
    }
  else if (is_element (parser, qname, NS_DAV, "status"))
    parser->field = IN_STATUS;
  else if (!parser->in_propstat)
    return;
  else if (is_element (parser, qname, NS_DAV, "getetag"))
    parser->field = IN_ETAG;
  else if (is_element (parser, qname, NS_DAV, "collection"))
    parser->props->is_collection = TRUE;
  else if (is_element (parser, qname, NS_CALDAV, "calendar"))
    parser->props->is_calendar = TRUE;
  else if (is_element (parser, qname, NS_DAV, "current-user-principal"))
    parser->in_principal = TRUE;
  else if (is_element (parser, qname, NS_CALDAV, "calendar-home-set"))
    parser->in_home = TRUE;
  else if (is_element (parser, qname, NS_DAV, "displayname"))
    parser->field = IN_DISPLAY_NAME;
  else if (is_element (parser, qname, NS_CALDAV, "calendar-data"))
    parser->field = IN_CALENDAR_DATA;
  else if (is_element (parser, qname, NS_DAV, "sync-token"))
    parser->field = IN_SYNC_TOKEN;
}

static void
set_once (char      **field,
          const char *text)
{
  if (*field == NULL)
    *field = g_strdup (text);
}

static void
merge_props (SpDavResponse *into,
             SpDavResponse *from)
{
  into->is_collection |= from->is_collection;
  into->is_calendar |= from->is_calendar;
  if (from->etag)
    set_once (&into->etag, from->etag);
  if (from->principal)
    set_once (&into->principal, from->principal);
  if (from->home)
    set_once (&into->home, from->home);
  if (from->display_name)
    set_once (&into->display_name, from->display_name);
  if (from->sync_token)
    set_once (&into->sync_token, from->sync_token);
  if (from->calendar_data && into->calendar_data == NULL)
    into->calendar_data = g_steal_pointer (&from->calendar_data);
}

static void
end_element (GMarkupParseContext *context,
             const char          *qname,
             gpointer             user_data,
             GError             **error)
{
  Parser          *parser = user_data;
  g_autofree char *stripped = g_strstrip (g_strdup (parser->text->str));

  switch (parser->field)
    {
    case IN_HREF:
      if (parser->response)
        set_once (&parser->response->href, stripped);
      break;
    case IN_STATUS:
      if (parser->in_propstat)
        parser->propstat_status = sp_dav_parse_status_line (stripped);
      else if (parser->response)
        parser->response->status = sp_dav_parse_status_line (stripped);
      break;
    case IN_ETAG:
      set_once (&parser->props->etag, stripped);
      break;
    case IN_PRINCIPAL_HREF:
      set_once (&parser->props->principal, stripped);
      break;
    case IN_HOME_HREF:
      set_once (&parser->props->home, stripped);
      break;
    case IN_DISPLAY_NAME:
      set_once (&parser->props->display_name, stripped);
      break;
    case IN_CALENDAR_DATA:
      /* The calendar's own text, line ends and all */
      set_once (&parser->props->calendar_data, parser->text->str);
      break;
    case IN_SYNC_TOKEN:
      set_once (&parser->props->sync_token, stripped);
      break;
    case IN_TOP_SYNC_TOKEN:
      set_once (&parser->result->sync_token, stripped);
      break;
    case IN_NONE:
    default:
      break;
    }
  parser->field = IN_NONE;
  g_string_truncate (parser->text, 0);

  if (parser->seen_multistatus && parser->response != NULL)
    {
      if (is_element (parser, qname, NS_DAV, "response"))
        {
          if (parser->response->href != NULL)
            g_ptr_array_add (parser->result->responses, g_steal_pointer (&parser->response));
          g_clear_pointer (&parser->response, response_free);
        }
      else if (is_element (parser, qname, NS_DAV, "propstat"))
        {
          /* A propstat without a status line counts as found */
          if (parser->propstat_status == 0 || (parser->propstat_status >= 200 && parser->propstat_status < 300))
            merge_props (parser->response, parser->props);
          g_clear_pointer (&parser->props, response_free);
          parser->in_propstat = FALSE;
        }
      else if (is_element (parser, qname, NS_DAV, "current-user-principal"))
        parser->in_principal = FALSE;
      else if (is_element (parser, qname, NS_CALDAV, "calendar-home-set"))
        parser->in_home = FALSE;
    }

  /* Declarations end with their element */
  while (parser->scopes->len > 0 &&
         g_array_index (parser->scopes, NsScope, parser->scopes->len - 1).depth == parser->depth)
    g_array_remove_index (parser->scopes, parser->scopes->len - 1);
  parser->depth--;
}

static void
text (GMarkupParseContext *context,
      const char          *text,
      gsize                length,
      gpointer             user_data,
      GError             **error)
{
  Parser *parser = user_data;

  if (parser->field != IN_NONE)
    g_string_append_len (parser->text, text, (gssize) length);
}

/**
 * sp_dav_multistatus_parse:
 * @data: the body of a 207 answer
 *
 * Returns: (transfer full): every <response> with an href, or %NULL with
 *   %SP_DAV_XML_ERROR set when @data is not a DAV:multistatus
 */
SpDavMultistatus *
sp_dav_multistatus_parse (const char *data,
                          gsize       length,
                          GError    **error)
{
  static const GMarkupParser callbacks = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SpDavMultistatus) result = g_new0 (SpDavMultistatus, 1);
  Parser   parser = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  result->responses = g_ptr_array_new_with_free_func (response_free);
  parser.scopes = g_array_new (FALSE, FALSE, sizeof (NsScope));
  g_array_set_clear_func (parser.scopes, ns_scope_clear);
  parser.result = result;
  parser.text = g_string_new (NULL);

  /* An XML declaration is not markup GMarkup reads; skip it and any BOM */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  while (length > 0 && g_ascii_isspace (*data))
    {
      data++;
      length--;
    }
  if (length >= 5 && memcmp (data, "<?xml", 5) == 0)
    {
      const char *end = g_strstr_len (data, (gssize) length, "?>");

      if (end != NULL)
        {
          length -= (gsize) (end + 2 - data);
          data = end + 2;
        }
    }

  context = g_markup_parse_context_new (&callbacks, G_MARKUP_TREAT_CDATA_AS_TEXT, &parser, NULL);
  ok = g_markup_parse_context_parse (context, data, (gssize) length, &local_error) &&
       g_markup_parse_context_end_parse (context, &local_error);

  g_array_unref (parser.scopes);
  g_string_free (parser.text, TRUE);
  response_free (parser.response);
  response_free (parser.props);

  if (!ok)
    {
      g_set_error (error, SP_DAV_XML_ERROR, SP_DAV_XML_ERROR_INVALID,
                   _("The server’s answer is not valid XML: %s"), local_error->message);
      return NULL;
    }
  if (!parser.seen_multistatus)
    {
      g_set_error (error, SP_DAV_XML_ERROR, SP_DAV_XML_ERROR_NOT_DAV,
                   _("The server’s answer is not a WebDAV multistatus"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

void
sp_dav_multistatus_free (SpDavMultistatus *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->responses, g_ptr_array_unref);
  g_free (self->sync_token);
  g_free (self);
}
