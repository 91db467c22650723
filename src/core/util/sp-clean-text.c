/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sp-clean-text.h"

/* Text from files and the network, made fit for one line of a listing:
 * never markup, never a control character. */

/* Longest description kept: a listing is a summary, not a syllabus */
#define MAX_TEXT_BYTES 4000

static gboolean
append_entity (GString     *out,
               const char **p)
{
  static const struct
  {
    const char *name;
    const char *text;
  } entities[] = {
    { "&amp;", "&" },
    { "&lt;", "<" },
    { "&gt;", ">" },
    { "&quot;", "\"" },
    { "&#39;", "'" },
    { "&apos;", "'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_has_prefix (*p, entities[i].name))
      {
        g_string_append (out, entities[i].text);
        *p += strlen (entities[i].name);
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_inline_tag (const char *tag)
{
  static const char * const inline_tags[] = {
    "b", "i", "em", "strong", "span", "a", "code", "u", "small", "sub", "sup", "abbr", NULL
  };
  gsize len;

  if (*tag == '/')
    tag++;
  len = strspn (tag, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
  for (guint i = 0; inline_tags[i] != NULL; i++)
    if (strlen (inline_tags[i]) == len && g_ascii_strncasecmp (tag, inline_tags[i], len) == 0)
      return TRUE;
  return FALSE;
}

/**
 * sp_clean_text:
 * @strip_html: drop tags and decode the common entities, for APIs that
 *   send descriptions as HTML
 *
 * Collapses white space and drops control characters, which have no
 * place in a one-line listing and could confuse a terminal.
 *
 * Returns: (transfer full) (nullable): the cleaned text, %NULL when empty
 */
char *
sp_clean_text (const char *text,
               gboolean    strip_html)
{
  GString    *out;
  gboolean    space = FALSE;
  const char *p;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (MIN (strlen (text), MAX_TEXT_BYTES) + 8);
  for (p = text; *p != '\0' && out->len < MAX_TEXT_BYTES;)
    {
      guchar   c = (guchar) *p;
      gunichar ch;

      /* Plain ASCII, the common case, a run at a time */
      if (c < 0x80 && c != '<' && c != '&')
        {
          const char *run = p;

          if (c <= ' ' || c == 0x7f)
            {
              space = TRUE;
              p++;
              continue;
            }
          while ((guchar) *p > ' ' && (guchar) *p < 0x7f && *p != '<' && *p != '&')
            p++;
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_len (out, run, MIN ((gsize) (p - run), MAX_TEXT_BYTES - out->len));
          continue;
        }

      if (strip_html && c == '<')
        {
          const char *end = strchr (p, '>');

          if (end != NULL)
            {
              /* Block tags separate words; inline ones sit inside them */
              if (!is_inline_tag (p + 1))
                space = TRUE;
              p = end + 1;
              continue;
            }
        }
      /* A non-breaking space is white space like any other: collapsed, so
       * that text reads back the same from the cache */
      if (strip_html && g_str_has_prefix (p, "&nbsp;"))
        {
          space = TRUE;
          p += strlen ("&nbsp;");
          continue;
        }
      if (strip_html && c == '&')
        {
          gsize before = out->len;

          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          if (append_entity (out, &p))
            continue;
          g_string_truncate (out, before);
        }

      ch = g_utf8_get_char (p);
      if (g_unichar_isspace (ch) || g_unichar_iscntrl (ch) ||
          g_unichar_type (ch) == G_UNICODE_LINE_SEPARATOR ||
          g_unichar_type (ch) == G_UNICODE_PARAGRAPH_SEPARATOR)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
      p = g_utf8_next_char (p);
    }

  /* Cut at the size limit just after a space: no trailing space, as a
   * second cleaning (the cache reading it back) would leave none */
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}
