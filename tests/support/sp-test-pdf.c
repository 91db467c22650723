/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sp-test-pdf.h"
#include "sp-test-program.h"

/* PDFs are read back with poppler's tools, as a person's viewer would. */

/* Whitespace made single spaces: a wrapped title reads as one line */
char *
sp_test_normalize_space (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sp_test_pdf_info:
 * @width: (out) (optional): the first page's width, in points
 * @height: (out) (optional): its height
 *
 * Returns: the number of pages
 */
guint
sp_test_pdf_info (const char *path,
                  double     *width,
                  double     *height)
{
  g_autofree char *info = sp_test_run_tool ("pdfinfo", path, NULL);
  const char *pages = strstr (info, "\nPages:");
  const char *size = strstr (info, "\nPage size:");
  char *end;
  double w, h;

  g_assert_nonnull (pages);
  g_assert_nonnull (size);
  w = g_ascii_strtod (size + strlen ("\nPage size:"), &end);
  g_assert_true (g_str_has_prefix (end, " x "));
  h = g_ascii_strtod (end + 3, NULL);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + strlen ("\nPages:"), " "), NULL, 10);
}

/* All the PDF's text, whitespace made single spaces */
char *
sp_test_pdf_text (const char *path)
{
  g_autofree char *text = sp_test_run_tool ("pdftotext", "-enc", "UTF-8", path, "-", NULL);

  return sp_test_normalize_space (text);
}

/* Fails the test, showing the whole text, unless @text holds @needle
 * (white space made single spaces in both, as pdftotext wraps lines) */
void
sp_test_assert_text_has (const char *text,
                         const char *needle)
{
  g_autofree char *n = sp_test_normalize_space (needle);

  if (strstr (text, n) == NULL)
    g_error ("“%s” is not in the PDF text:\n%s", n, text);
}
