/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-accessible.h"

/* Names for what GTK 4.8 and libadwaita 1.2 leave without one, so that a
 * screen reader can say every place the keys reach (tests/check-a11y.py).
 *
 * The rows of list views and drop-down lists: GTK 4.8 gives a
 * list row (the widget a GtkListItem's child is put in, which takes the
 * focus and is what a screen reader announces) no name of its own, and
 * gtk_list_item_set_accessible_label () only comes in 4.12: the row is
 * named here from its child, once bound. */

/**
 * sp_list_cell_set_accessible_label:
 * @child: the child a list item factory gave a #GtkListItem
 * @label: what the row is, for a screen reader
 *
 * Names the list row that holds @child; a @child shown elsewhere (a
 * drop-down's button uses the same factory) is left as it is.
 */
void
sp_list_cell_set_accessible_label (GtkWidget  *child,
                                   const char *label)
{
  GtkWidget *cell;

  g_return_if_fail (GTK_IS_WIDGET (child));

  cell = gtk_widget_get_parent (child);
  if (cell != NULL && g_str_equal (G_OBJECT_TYPE_NAME (cell), "GtkListItemWidget"))
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Whole names, wrapped rather than cut: a choice must be read to be made */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget  *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (label), text);
  sp_list_cell_set_accessible_label (label, text);
}

/**
 * sp_list_cell_string_factory_new:
 *
 * Returns: (transfer full): a factory for a list of #GtkStringObject, each
 *   row a label named after its string
 */
GtkListItemFactory *
sp_list_cell_string_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  return factory;
}

static GtkWidget *
find_scroller (GtkWidget *root)
{
  if (GTK_IS_SCROLLED_WINDOW (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scroller (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
status_title_cb (AdwStatusPage *page,
                 GParamSpec    *pspec,
                 GtkWidget     *scroller)
{
  const char *title = adw_status_page_get_title (page);

  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
}

/**
 * sp_accessible_name_status_page:
 *
 * An #AdwStatusPage scrolls its content in a scrolled window of its own,
 * which takes the focus unnamed: it is named after the page's title, and
 * follows it.
 */
void
sp_accessible_name_status_page (AdwStatusPage *page)
{
  GtkWidget *scroller;

  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  scroller = find_scroller (GTK_WIDGET (page));
  if (scroller == NULL)
    return;
  g_signal_connect_object (page, "notify::title", G_CALLBACK (status_title_cb), scroller, 0);
  status_title_cb (page, NULL, scroller);
}
