/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sp-json-doc.h"

/* json-glib builds a GObject-backed node per value, which for a 5 MiB
 * listing costs more than the whole budget of a refresh. This parser keeps
 * values in one array, container children as index ranges in another, and
 * unescaped strings in one arena. Errors use JSON_PARSER_ERROR with the
 * line and column apart. It reads the course listings, plans and the
 * state file; json-glib only writes.
 *
 * A 16 MB page of 600,000 small courses took 71 MB as 16-byte values with
 * every member name a value of its own and a copy in the arena. Now a
 * value is 8 bytes (a number takes a second one for its double), an
 * object's slots pair a name's arena offset with the value, and names are
 * kept once in the arena: 31 MB. */

struct _SpJsonValue
{
  guint32 head;    /* the type in the low 3 bits; above: string bytes, array
                    * elements, object members, 1 for a whole number */
  guint32 payload; /* string: arena offset; container: first slot; boolean */
};

#define TYPE_BITS       3
#define VALUE_TYPE(v)   ((SpJsonType) ((v)->head & ((1u << TYPE_BITS) - 1)))
#define VALUE_LENGTH(v) ((v)->head >> TYPE_BITS)
#define MAKE_HEAD(t, n) ((guint32) (t) | ((guint32) (n) << TYPE_BITS))
/* Lengths and offsets fit in the bits left: the input is at most this */
#define MAX_INPUT_SIZE ((1u << (32 - TYPE_BITS)) - 1)

/* Member names are looked up here while parsing so that each is kept once;
 * past INTERN_MAX names (a listing has a few dozen) new ones are not added,
 * so a hostile file cannot make the table the cost */
#define INTERN_SIZE 8192
#define INTERN_MAX  4096

/* Growable arrays written inline: GArray's function call per element
 * was a tenth of the parse */
typedef struct
{
  guint8 *data;
  gsize   len;    /* in bytes */
  gsize   size;
} Buffer;

struct _SpJsonDoc
{
  Buffer  values; /* SpJsonValue */
  Buffer  slots;  /* guint32: children; objects as name offset, value pairs */
  Buffer  arena;  /* NUL-terminated strings */
  guint32 root;
};

static inline void
buffer_reserve (Buffer *buffer,
                gsize   extra)
{
  if (buffer->len + extra > buffer->size)
    {
      buffer->size = MAX (buffer->size * 2, buffer->len + extra + 64);
      buffer->data = g_realloc (buffer->data, buffer->size);
    }
}

static inline void
buffer_append (Buffer     *buffer,
               const void *data,
               gsize       len)
{
  if (len == 0)
    return;
  buffer_reserve (buffer, len);
  memcpy (buffer->data + buffer->len, data, len);
  buffer->len += len;
}

#define VALUE_AT(doc, i) (((SpJsonValue *) (doc)->values.data) + (i))
#define SLOT_AT(buffer, i) (((guint32 *) (buffer).data)[i])

typedef enum
{
  FAILURE_SYNTAX,
  FAILURE_DEPTH,
  FAILURE_SURROGATE,
} Failure;

typedef struct
{
  SpJsonDoc  *doc;
  const char *p;
  const char *start;
  const char *end;
  Buffer      scratch; /* guint32: children being gathered */
  guint32    *names;   /* INTERN_SIZE arena offsets + 1 of member names; 0 empty */
  guint       n_names;
  guint       depth;
  guint       max_depth;
  gboolean    strict;    /* sp_json_doc_parse_bytes(): lone surrogates refused */
  const char *value_end; /* just after the last value read */
  const char *error_at;
  char       *error;
  Failure     failure;
} Parser;

static gboolean parse_value (Parser *parser, guint32 *out);

static gboolean
fail_as (Parser     *parser,
         Failure     failure,
         const char *at,
         const char *message)
{
  if (parser->error == NULL)
    {
      parser->error_at = at;
      parser->error = g_strdup (message);
      parser->failure = failure;
    }
  return FALSE;
}

static gboolean
fail (Parser     *parser,
      const char *at,
      const char *message)
{
  return fail_as (parser, FAILURE_SYNTAX, at, message);
}

static void
skip_space (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\n' || *parser->p == '\r' || *parser->p == '\t'))
    parser->p++;
}

static inline guint32
add_value (Parser      *parser,
           SpJsonValue *value)
{
  buffer_append (&parser->doc->values, value, sizeof *value);
  return parser->doc->values.len / sizeof (SpJsonValue) - 1;
}

/* The name just written at @offset to the end of the arena, kept once:
 * returns the offset of its first copy, dropping this one */
static guint32
intern_name (Parser *parser,
             guint32 offset)
{
  Buffer     *arena = &parser->doc->arena;
  const char *text = (const char *) arena->data + offset;
  gsize       length = arena->len - offset - 1;
  guint32     hash = 5381;
  guint       slot;

  if (parser->names == NULL)
    parser->names = g_new0 (guint32, INTERN_SIZE);
  for (gsize i = 0; i < length; i++)
    hash = hash * 33 + (guchar) text[i];
  for (slot = hash & (INTERN_SIZE - 1); parser->names[slot] != 0; slot = (slot + 1) & (INTERN_SIZE - 1))
    {
      const char *known = (const char *) arena->data + parser->names[slot] - 1;

      if (memcmp (known, text, length + 1) == 0)
        {
          arena->len = offset;
          return parser->names[slot] - 1;
        }
    }
  if (parser->n_names < INTERN_MAX)
    {
      parser->names[slot] = offset + 1;
      parser->n_names++;
    }
  return offset;
}

static inline void
add_child (Parser  *parser,
           guint32  child)
{
  buffer_append (&parser->scratch, &child, sizeof child);
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser   *parser,
           gunichar *out)
{
  gunichar value = 0;

  if (parser->end - parser->p < 4)
    return fail (parser, parser->p, _("unfinished \\u escape"));
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_digit (parser->p[i]);

      if (digit < 0)
        return fail (parser, parser->p + i, _("invalid \\u escape"));
      value = value * 16 + (gunichar) digit;
    }
  parser->p += 4;
  *out = value;
  return TRUE;
}

/* Unescapes the string at parser->p to the end of the arena, NUL-ended;
 * @offset: where it starts there */
static gboolean
read_string (Parser  *parser,
             guint32 *offset_out)
{
  Buffer     *arena = &parser->doc->arena;
  const char *open = parser->p;
  gsize offset = arena->len;

  parser->p++; /* the opening quote */
  for (;;)
    {
      const char *run = parser->p;

      /* Copy plain runs in one go */
      while (parser->p < parser->end && *parser->p != '"' && *parser->p != '\\' && (guchar) *parser->p >= 0x20)
        parser->p++;
      if (parser->p > run)
        buffer_append (arena, run, parser->p - run);

      if (parser->p >= parser->end)
        return fail (parser, open, _("unterminated string"));
      if (*parser->p == '"')
        break;
      if ((guchar) *parser->p < 0x20)
        return fail (parser, parser->p, _("control character in a string"));

      /* An escape */
      parser->p++;
      if (parser->p >= parser->end)
        return fail (parser, open, _("unterminated string"));
      switch (*parser->p++)
        {
        case '"': buffer_append (arena, "\"", 1); break;
        case '\\': buffer_append (arena, "\\", 1); break;
        case '/': buffer_append (arena, "/", 1); break;
        case 'b': buffer_append (arena, "\b", 1); break;
        case 'f': buffer_append (arena, "\f", 1); break;
        case 'n': buffer_append (arena, "\n", 1); break;
        case 'r': buffer_append (arena, "\r", 1); break;
        case 't': buffer_append (arena, "\t", 1); break;
        case 'u':
          {
            gunichar ch, low;
            char utf8[6];
            int n;

            if (!read_hex4 (parser, &ch))
              return FALSE;
            if (ch >= 0xD800 && ch <= 0xDBFF)
              {
                /* A surrogate pair; a lone half becomes U+FFFD */
                if (parser->end - parser->p >= 6 && parser->p[0] == '\\' && parser->p[1] == 'u')
                  {
                    parser->p += 2;
                    if (!read_hex4 (parser, &low))
                      return FALSE;
                    if (low >= 0xDC00 && low <= 0xDFFF)
                      ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
                    else
                      ch = 0xFFFD;
                  }
                else
                  ch = 0xFFFD;
              }
            else if (ch >= 0xDC00 && ch <= 0xDFFF)
              ch = 0xFFFD;
            /* What a person writes is refused rather than changed behind their back */
            if (ch == 0xFFFD && parser->strict)
              return fail_as (parser, FAILURE_SURROGATE, open,
                              _("The file has text that is not valid Unicode (a lone \\u surrogate escape)"));
            if (ch == 0)
              ch = 0xFFFD; /* a NUL would cut the C string short */
            n = g_unichar_to_utf8 (ch, utf8);
            buffer_append (arena, utf8, n);
          }
          break;
        default:
          return fail (parser, parser->p - 1, _("invalid escape in a string"));
        }
    }

  parser->p++; /* the closing quote */
  parser->value_end = parser->p;
  buffer_append (arena, "", 1);
  *offset_out = offset;
  return TRUE;
}

static gboolean
parse_string (Parser  *parser,
              guint32 *out)
{
  Buffer     *arena = &parser->doc->arena;
  SpJsonValue value;
  guint32     offset;

  if (!read_string (parser, &offset))
    return FALSE;
  value.head = MAKE_HEAD (SP_JSON_STRING, arena->len - offset - 1);
  value.payload = offset;
  *out = add_value (parser, &value);
  return TRUE;
}

static gboolean
parse_number (Parser  *parser,
              guint32 *out)
{
  SpJsonValue value, bits;
  double      number;
  const char *start = parser->p;
  const char *p = parser->p;
  char buffer[64];
  char *end = NULL;
  gboolean    whole = TRUE;

  if (p < parser->end && *p == '-')
    p++;
  if (p >= parser->end || !g_ascii_isdigit (*p))
    return fail (parser, start, _("invalid number"));
  if (*p == '0')
    p++;
  else
    while (p < parser->end && g_ascii_isdigit (*p))
      p++;
  if (p < parser->end && *p == '.')
    {
      whole = FALSE;
      p++;
      if (p >= parser->end || !g_ascii_isdigit (*p))
        return fail (parser, start, _("invalid number"));
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < parser->end && (*p == 'e' || *p == 'E'))
    {
      whole = FALSE;
      p++;
      if (p < parser->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= parser->end || !g_ascii_isdigit (*p))
        return fail (parser, start, _("invalid number"));
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }

  if ((gsize) (p - start) >= sizeof buffer)
    return fail (parser, start, _("number too long"));
  memcpy (buffer, start, p - start);
  buffer[p - start] = '\0';
  number = g_ascii_strtod (buffer, &end);
  value.head = MAKE_HEAD (SP_JSON_NUMBER, whole);
  value.payload = 0;
  parser->p = parser->value_end = p;
  *out = add_value (parser, &value);
  /* The double in the value after it */
  G_STATIC_ASSERT (sizeof bits == sizeof number);
  memcpy (&bits, &number, sizeof number);
  add_value (parser, &bits);
  return TRUE;
}

static gboolean
parse_literal (Parser     *parser,
               const char *word,
               SpJsonType  type,
               gboolean    boolean,
               guint32    *out)
{
  SpJsonValue value = { MAKE_HEAD (type, 0), boolean };
  gsize len = strlen (word);

  if ((gsize) (parser->end - parser->p) < len || memcmp (parser->p, word, len) != 0)
    return fail (parser, parser->p, _("unexpected character"));
  parser->p += len;
  parser->value_end = parser->p;
  *out = add_value (parser, &value);
  return TRUE;
}

/* Moves the children gathered since @mark into the slots. */
static void
close_container (Parser      *parser,
                 gsize        mark,
                 SpJsonType   type,
                 SpJsonValue *value)
{
  gsize n = (parser->scratch.len - mark) / sizeof (guint32);

  value->payload = parser->doc->slots.len / sizeof (guint32);
  if (n > 0)
    buffer_append (&parser->doc->slots, parser->scratch.data + mark, n * sizeof (guint32));
  parser->scratch.len = mark;
  value->head = MAKE_HEAD (type, type == SP_JSON_OBJECT ? n / 2 : n);
}

static gboolean
parse_container (Parser  *parser,
                 guint32 *out)
{
  gboolean object = *parser->p == '{';
  char close = object ? '}' : ']';
  SpJsonValue value;
  gsize mark = parser->scratch.len;

  if (++parser->depth > parser->max_depth)
    return fail_as (parser, FAILURE_DEPTH, parser->p, _("nested too deep"));

  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == close)
    parser->p++;
  else
    for (;;)
      {
        guint32 child;

        skip_space (parser);
        if (object)
          {
            if (parser->p >= parser->end || *parser->p != '"')
              return fail (parser, parser->p, _("expected a member name in quotes"));
            if (!read_string (parser, &child))
              return FALSE;
            add_child (parser, intern_name (parser, child));
            skip_space (parser);
            if (parser->p >= parser->end || *parser->p != ':')
              return fail (parser, parser->p, _("expected “:”"));
            parser->p++;
          }

        if (!parse_value (parser, &child))
          return FALSE;
        add_child (parser, child);

        skip_space (parser);
        if (parser->p < parser->end && *parser->p == ',')
          {
            parser->p++;
            continue;
          }
        if (parser->p < parser->end && *parser->p == close)
          {
            parser->p++;
            break;
          }
        /* A person's file: the comma is missing after the last character of the value */
        if (parser->strict && parser->p < parser->end)
          return fail (parser, g_utf8_find_prev_char (parser->start, parser->value_end),
                       object ? _("expected “,” or “}”") : _("expected “,” or “]”"));
        return fail (parser, parser->p, object ? _("expected “,” or “}”") : _("expected “,” or “]”"));
      }

  parser->depth--;
  parser->value_end = parser->p;
  close_container (parser, mark, object ? SP_JSON_OBJECT : SP_JSON_ARRAY, &value);
  *out = add_value (parser, &value);
  return TRUE;
}

static gboolean
parse_value (Parser  *parser,
             guint32 *out)
{
  skip_space (parser);
  if (parser->p >= parser->end)
    return fail (parser, parser->p, _("unexpected end of the data"));

  switch (*parser->p)
    {
    case '{':
    case '[':
      return parse_container (parser, out);
    case '"':
      return parse_string (parser, out);
    case 't':
      return parse_literal (parser, "true", SP_JSON_BOOLEAN, TRUE, out);
    case 'f':
      return parse_literal (parser, "false", SP_JSON_BOOLEAN, FALSE, out);
    case 'n':
      return parse_literal (parser, "null", SP_JSON_NULL, FALSE, out);
    default:
      if (*parser->p == '-' || g_ascii_isdigit (*parser->p))
        return parse_number (parser, out);
      return fail (parser, parser->p, _("unexpected character"));
    }
}

static void
locate (const char *start,
        const char *at,
        guint      *line,
        guint      *column)
{
  guint l = 1, c = 1;

  for (const char *p = start; p < at; p++)
    {
      if (*p == '\n')
        {
          l++;
          c = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        c++;
    }
  if (line)
    *line = l;
  if (column)
    *column = c;
}

void
sp_json_doc_free (SpJsonDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->values.data);
  g_free (doc->slots.data);
  g_free (doc->arena.data);
  g_free (doc);
}

/* UTF-8 check with an ASCII fast path: eight bytes at a time until a byte
 * with the high bit, then that one character validated. */
static gboolean
validate_utf8 (const char *data,
               gsize       length)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      if (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, 8);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              /* A zero byte among the eight: JSON text has no NUL */
              if (((word - G_GUINT64_CONSTANT (0x0101010101010101)) & ~word &
                   G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
                return FALSE;
              p += 8;
              continue;
            }
        }
      if ((guchar) *p < 0x80)
        {
          if (*p == '\0')
            return FALSE;
          p++;
          continue;
        }
      {
        gunichar ch = g_utf8_get_char_validated (p, end - p);

        if (ch == (gunichar) -1 || ch == (gunichar) -2)
          return FALSE;
      }
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

static SpJsonDoc *
parse (const char *data,
       gsize       length,
       guint       max_depth,
       gboolean    strict,
       guint      *line,
       guint      *column,
       Failure    *failure,
       GError    **error)
{
  Parser parser = { 0 };
  SpJsonDoc *doc;
  guint32 root;

  if (line)
    *line = 0;
  if (column)
    *column = 0;
  *failure = FAILURE_SYNTAX;

  if (data == NULL || length == 0)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("The file is empty"));
      return NULL;
    }
  if (length > MAX_INPUT_SIZE)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("The file is too large"));
      return NULL;
    }
  if (!validate_utf8 (data, length))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("The file is not valid UTF-8 text"));
      return NULL;
    }

  doc = g_new0 (SpJsonDoc, 1);
  /* About one value per 12 bytes of a typical listing */
  buffer_reserve (&doc->values, (length / 12 + 16) * sizeof (SpJsonValue));
  buffer_reserve (&doc->slots, (length / 12 + 16) * sizeof (guint32));
  buffer_reserve (&doc->arena, length / 2 + 16);

  parser.doc = doc;
  parser.p = parser.start = parser.value_end = data;
  parser.end = data + length;

  parser.max_depth = max_depth;
  parser.strict = strict;

  if (parse_value (&parser, &root))
    {
      doc->root = root;
      skip_space (&parser);
      if (parser.p < parser.end)
        fail (&parser, parser.p, _("unexpected data after the end"));
    }

  g_free (parser.scratch.data);
  g_free (parser.names);
  if (parser.error != NULL)
    {
      locate (data, parser.error_at, line, column);
      *failure = parser.failure;
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, parser.error);
      g_free (parser.error);
      sp_json_doc_free (doc);
      return NULL;
    }
  return doc;
}

/**
 * sp_json_doc_parse:
 * @line: (out) (optional): the line of an error, 0 when it has none
 * @column: (out) (optional): its column, in characters from 1
 *
 * Parses untrusted JSON: invalid UTF-8, nesting deeper than @max_depth and
 * anything after the value are refused.
 *
 * Returns: (transfer full): the document, or %NULL with @error set in
 *   JSON_PARSER_ERROR
 */
SpJsonDoc *
sp_json_doc_parse (const char *data,
                   gsize       length,
                   guint       max_depth,
                   guint      *line,
                   guint      *column,
                   GError    **error)
{
  Failure failure;

  return parse (data, length, max_depth, FALSE, line, column, &failure, error);
}

/**
 * sp_json_doc_parse_bytes:
 * @line: (out) (optional): the line of a syntax error, 0 when it has none
 * @column: (out) (optional): its column, in characters from 1
 *
 * Parses a file a person writes or keeps, a plan or the state file: as
 * sp_json_doc_parse() with %SP_JSON_MAX_DEPTH, but a lone surrogate escape
 * is refused rather than made U+FFFD, a missing comma is placed at the end
 * of the value before it, a UTF-8 byte order mark is skipped, and a file of
 * white space is empty.
 *
 * Returns: (transfer full): the document, or %NULL with @error set in
 *   JSON_PARSER_ERROR
 */
SpJsonDoc *
sp_json_doc_parse_bytes (GBytes  *bytes,
                         guint   *line,
                         guint   *column,
                         GError **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize       length;
  Failure     failure;
  SpJsonDoc  *doc;
  guint       l = 0, c = 0;

  if (line)
    *line = 0;
  if (column)
    *column = 0;

  data = g_bytes_get_data (bytes, &length);
  /* Editors on some systems start a file with one */
  if (data != NULL && length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (data != NULL)
    {
      gsize i = 0;

      while (i < length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
      if (i == length)
        length = 0;
    }

  doc = parse (data, length, SP_JSON_MAX_DEPTH, TRUE, &l, &c, &failure, &local_error);
  if (doc != NULL)
    return doc;

  switch (failure)
    {
    case FAILURE_DEPTH:
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                   _("Nested deeper than %u levels"), SP_JSON_MAX_DEPTH);
      break;
    case FAILURE_SURROGATE:
      /* Said of the whole file, as before */
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA, local_error->message);
      return NULL;
    case FAILURE_SYNTAX:
    default:
      g_propagate_error (error, g_steal_pointer (&local_error));
      break;
    }
  if (line)
    *line = l;
  if (column)
    *column = c;
  return NULL;
}

const SpJsonValue *
sp_json_doc_root (SpJsonDoc *doc)
{
  return VALUE_AT (doc, doc->root);
}

SpJsonType
sp_json_type (const SpJsonValue *value)
{
  return value ? VALUE_TYPE (value) : SP_JSON_NULL;
}

const char *
sp_json_string (SpJsonDoc         *doc,
                const SpJsonValue *value)
{
  if (value == NULL || VALUE_TYPE (value) != SP_JSON_STRING)
    return NULL;
  return (const char *) doc->arena.data + value->payload;
}

double
sp_json_number (const SpJsonValue *value)
{
  double number;

  if (value == NULL || VALUE_TYPE (value) != SP_JSON_NUMBER)
    return 0;
  memcpy (&number, value + 1, sizeof number);
  return number;
}

/**
 * sp_json_is_integer:
 *
 * Returns: whether @value is a number written as a whole one: no fraction,
 *   no exponent ("50", not "50.0" or "5e1")
 */
gboolean
sp_json_is_integer (const SpJsonValue *value)
{
  return value && VALUE_TYPE (value) == SP_JSON_NUMBER && VALUE_LENGTH (value) == 1;
}

gboolean
sp_json_boolean (const SpJsonValue *value)
{
  return value && VALUE_TYPE (value) == SP_JSON_BOOLEAN && value->payload;
}

guint
sp_json_length (const SpJsonValue *value)
{
  if (value == NULL || (VALUE_TYPE (value) != SP_JSON_ARRAY && VALUE_TYPE (value) != SP_JSON_OBJECT))
    return 0;
  return VALUE_LENGTH (value);
}

const SpJsonValue *
sp_json_element (SpJsonDoc         *doc,
                 const SpJsonValue *array,
                 guint              index)
{
  if (array == NULL || VALUE_TYPE (array) != SP_JSON_ARRAY || index >= VALUE_LENGTH (array))
    return NULL;
  return VALUE_AT (doc, SLOT_AT (doc->slots, array->payload + index));
}

/**
 * sp_json_member:
 *
 * Returns: (nullable): the member named @name, the last one when repeated
 *   (as json-glib does); %NULL when absent or when @object is no object
 */
const SpJsonValue *
sp_json_member (SpJsonDoc         *doc,
                const SpJsonValue *object,
                const char        *name)
{
  if (object == NULL || VALUE_TYPE (object) != SP_JSON_OBJECT)
    return NULL;

  for (guint i = VALUE_LENGTH (object); i > 0; i--)
    {
      guint32     key = SLOT_AT (doc->slots, object->payload + 2 * (i - 1));
      const char *key_text = (const char *) doc->arena.data + key;

      if (key_text[0] == name[0] && strcmp (key_text, name) == 0)
        return VALUE_AT (doc, SLOT_AT (doc->slots, object->payload + 2 * (i - 1) + 1));
    }
  return NULL;
}

void
sp_json_member_iter_init (SpJsonMemberIter  *iter,
                          SpJsonDoc         *doc,
                          const SpJsonValue *object)
{
  iter->doc = doc;
  iter->object = object;
  iter->index = 0;
  iter->last = NULL;
  if (sp_json_length (object) > 1 && VALUE_TYPE (object) == SP_JSON_OBJECT)
    {
      iter->last = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < VALUE_LENGTH (object); i++)
        {
          guint32 key = SLOT_AT (doc->slots, object->payload + 2 * i);

          g_hash_table_insert (iter->last, (char *) doc->arena.data + key, GUINT_TO_POINTER (i + 1));
        }
    }
}

/**
 * sp_json_member_iter_next:
 * @name: (out): the member's name
 * @value: (out): its value
 *
 * Returns: %FALSE after the last member
 */
gboolean
sp_json_member_iter_next (SpJsonMemberIter   *iter,
                          const char        **name,
                          const SpJsonValue **value)
{
  SpJsonDoc         *doc = iter->doc;
  const SpJsonValue *object = iter->object;

  if (object == NULL || VALUE_TYPE (object) != SP_JSON_OBJECT)
    return FALSE;
  while (iter->index < VALUE_LENGTH (object))
    {
      guint       i = iter->index++;
      guint32     key = SLOT_AT (doc->slots, object->payload + 2 * i);
      const char *key_text = (const char *) doc->arena.data + key;

      /* A later member of the same name replaces this one */
      if (iter->last != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (iter->last, key_text)) != i + 1)
        continue;
      *name = key_text;
      *value = VALUE_AT (doc, SLOT_AT (doc->slots, object->payload + 2 * i + 1));
      return TRUE;
    }
  return FALSE;
}

void
sp_json_member_iter_clear (SpJsonMemberIter *iter)
{
  g_clear_pointer (&iter->last, g_hash_table_unref);
}

const char *
sp_json_describe (const SpJsonValue *value)
{
  if (value == NULL)
    return _("nothing");

  switch (VALUE_TYPE (value))
    {
    case SP_JSON_OBJECT:
      return _("an object");
    case SP_JSON_ARRAY:
      return _("an array");
    case SP_JSON_NULL:
      return _("null");
    case SP_JSON_STRING:
      return _("a string");
    case SP_JSON_BOOLEAN:
      return _("a boolean");
    case SP_JSON_NUMBER:
      return _("a number");
    default:
      return _("a value");
    }
}
