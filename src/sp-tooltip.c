/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-tooltip.h"

/* gtk_widget_set_tooltip_text() asks the display where the pointer is, at
 * once, to show a changed tooltip under it: on X11 a round trip to the
 * server for each call. The window makes dozens of tooltips as it opens
 * and as progress changes, so they are answered when GTK asks instead. */

#define TOOLTIP_KEY "sp-tooltip-text"

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * sp_tooltip_set_text:
 * @text: (nullable): plain text, or NULL for no tooltip
 *
 * Like gtk_widget_set_tooltip_text(): the tooltip shows on hover and
 * keyboard focus, and is the widget's accessible description.
 */
void
sp_tooltip_set_text (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY) == NULL && text != NULL)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * sp_tooltip_get_text:
 *
 * Returns: (nullable): the tooltip set with sp_tooltip_set_text() or GTK's own
 */
const char *
sp_tooltip_get_text (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);
  return text != NULL ? text : gtk_widget_get_tooltip_text (widget);
}
