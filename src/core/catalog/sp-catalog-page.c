/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-catalog-page.h"

G_DEFINE_QUARK (sp - catalog - error - quark, sp_catalog_error)

void
sp_catalog_page_free (SpCatalogPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->courses, g_ptr_array_unref);
  g_free (page->next_url);
  g_free (page);
}
