/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-popover-fit"

#include "config.h"

#include "sp-popover-fit.h"

/* Popovers that stay inside the window. GTK keeps a popover on the
 * monitor, not in the window: in a phone-sized window, or a popover
 * opened from another one, it would run past the window's edge. Before a
 * popover opens, this picks the side of its anchor with room for it,
 * slides it along that side into the window, and when no side has room,
 * lays it over its anchor as a sheet, its scrolled content shortened to
 * the window's height. */

/* Kept free between a popover's frame and the window's edge */
#define EDGE 6
/* Room for the popover's arrow between the anchor and the frame */
#define TAIL 12

/* Where @native's own coordinates start, in those of the window it opens
 * from, through each popover it is nested in */
static gboolean
native_origin (GtkNative *native,
               double    *x,
               double    *y)
{
  *x = 0;
  *y = 0;
  while (GTK_IS_POPOVER (native))
    {
      GdkSurface *surface = gtk_native_get_surface (native);
      GtkWidget  *parent = gtk_widget_get_parent (GTK_WIDGET (native));
      GtkNative  *parent_native;
      double      nx, ny, px, py;

      if (surface == NULL || parent == NULL || !gdk_surface_get_mapped (surface))
        return FALSE;
      parent_native = gtk_widget_get_native (parent);
      gtk_native_get_surface_transform (native, &nx, &ny);
      gtk_native_get_surface_transform (parent_native, &px, &py);
      *x += gdk_popup_get_position_x (GDK_POPUP (surface)) + nx - px;
      *y += gdk_popup_get_position_y (GDK_POPUP (surface)) + ny - py;
      native = parent_native;
    }
  return GTK_IS_WINDOW (native);
}

/**
 * sp_widget_get_window_bounds:
 *
 * @widget's bounds in the coordinates of the window it shows in, also
 * when it is in a popover (of a popover) of that window.
 *
 * Returns: whether @widget is shown in a window
 */
gboolean
sp_widget_get_window_bounds (GtkWidget       *widget,
                             graphene_rect_t *bounds)
{
  GtkNative *native = gtk_widget_get_native (widget);
  double     x, y;

  if (native == NULL || !gtk_widget_compute_bounds (widget, GTK_WIDGET (native), bounds) ||
      !native_origin (native, &x, &y))
    return FALSE;
  bounds->origin.x += x;
  bounds->origin.y += y;
  return TRUE;
}

/* Where a popover points, in the window's coordinates */
static gboolean
get_anchor (GtkPopover      *popover,
            graphene_rect_t *anchor)
{
  GtkWidget      *parent = gtk_widget_get_parent (GTK_WIDGET (popover));
  GdkRectangle    rect;
  graphene_rect_t bounds;

  /* A parent not laid out yet (a row just made) has no place to point at */
  if (parent == NULL || !gtk_widget_get_mapped (parent) || gtk_widget_get_width (parent) == 0 ||
      !sp_widget_get_window_bounds (parent, &bounds))
    return FALSE;
  /* The rectangle pointed to, else the parent's own */
  gtk_popover_get_pointing_to (popover, &rect);
  graphene_rect_init (anchor, bounds.origin.x + rect.x, bounds.origin.y + rect.y, rect.width, rect.height);
  return TRUE;
}

static double
centre_x (const graphene_rect_t *rect)
{
  return rect->origin.x + rect->size.width / 2;
}

static double
centre_y (const graphene_rect_t *rect)
{
  return rect->origin.y + rect->size.height / 2;
}

/* @start moved as little as it takes for @size to fit in @length */
static int
slide_into (double start,
            int    size,
            int    length)
{
  double last = MAX (length - EDGE - size, EDGE);

  return (int) (CLAMP (start, EDGE, last) - start);
}

static gboolean
is_vertical (GtkPositionType position)
{
  return position == GTK_POS_TOP || position == GTK_POS_BOTTOM;
}

static GtkPositionType
opposite (GtkPositionType position)
{
  switch (position)
    {
    case GTK_POS_TOP:
      return GTK_POS_BOTTOM;
    case GTK_POS_BOTTOM:
      return GTK_POS_TOP;
    case GTK_POS_LEFT:
      return GTK_POS_RIGHT;
    case GTK_POS_RIGHT:
    default:
      return GTK_POS_LEFT;
    }
}

/* The room beside @anchor on @position's side, for the frame */
static double
room (const graphene_rect_t *anchor,
      GtkPositionType        position,
      int                    width,
      int                    height)
{
  switch (position)
    {
    case GTK_POS_TOP:
      return anchor->origin.y - EDGE - TAIL;
    case GTK_POS_BOTTOM:
      return height - (anchor->origin.y + anchor->size.height) - EDGE - TAIL;
    case GTK_POS_LEFT:
      return anchor->origin.x - EDGE - TAIL;
    case GTK_POS_RIGHT:
    default:
      return width - (anchor->origin.x + anchor->size.width) - EDGE - TAIL;
    }
}

/* Caps the scrolled content so that the frame is at most @max on
 * @orientation; returns the frame's size there. @inset is how much
 * narrower than the frame the scrolled window is. */
static int
cap (GtkWidget         *frame,
     GtkScrolledWindow *scroller,
     GtkOrientation     orientation,
     int                for_size,
     int                inset,
     int                max)
{
  int natural, content;

  gtk_widget_measure (frame, orientation, for_size, NULL, &natural, NULL, NULL);
  if (scroller == NULL || natural <= max)
    return natural;
  gtk_widget_measure (GTK_WIDGET (scroller), orientation, for_size < 0 ? -1 : for_size - inset, NULL, &content,
                      NULL, NULL);
  content = MAX (content - (natural - max), 1);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int least;

      /* No narrower than the content can be (the scroller has no
       * horizontal scrollbar of its own to show the rest) */
      gtk_widget_measure (gtk_scrolled_window_get_child (scroller), orientation, -1, &least, NULL, NULL, NULL);
      gtk_scrolled_window_set_min_content_width (scroller, least);
      gtk_scrolled_window_set_max_content_width (scroller, MAX (content, least));
    }
  else
    gtk_scrolled_window_set_max_content_height (scroller, content);
  gtk_widget_measure (frame, orientation, for_size, NULL, &natural, NULL, NULL);
  return natural;
}

/* Places @popover by @anchor, in the window's coordinates */
static void
place (GtkPopover            *popover,
       GtkPositionType        preferred,
       GtkScrolledWindow     *scroller,
       const graphene_rect_t *anchor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (popover));
  /* The popover's visible frame; the popover's own size adds its shadow */
  GtkWidget      *frame = gtk_widget_get_first_child (GTK_WIDGET (popover));
  GtkPositionType order[4];
  graphene_rect_t visible;
  int             width, height, frame_width, frame_height, inset = 0;
  double          dx, dy, top;
  gboolean        hidden;

  gtk_popover_set_position (popover, preferred);
  gtk_popover_set_offset (popover, 0, 0);
  gtk_popover_set_has_arrow (popover, TRUE);
  if (scroller != NULL)
    {
      gtk_scrolled_window_set_min_content_width (scroller, -1);
      gtk_scrolled_window_set_max_content_width (scroller, -1);
      gtk_scrolled_window_set_max_content_height (scroller, -1);
    }
  if (!GTK_IS_WINDOW (root) || frame == NULL)
    return;

  width = gtk_widget_get_width (GTK_WIDGET (root));
  height = gtk_widget_get_height (GTK_WIDGET (root));
  frame_width = cap (frame, scroller, GTK_ORIENTATION_HORIZONTAL, -1, 0, width - 2 * EDGE);
  if (scroller != NULL)
    {
      gtk_widget_measure (GTK_WIDGET (scroller), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &inset, NULL, NULL);
      inset = frame_width - inset;
    }
  frame_height = cap (frame, scroller, GTK_ORIENTATION_VERTICAL, frame_width, inset, G_MAXINT);

  /* Only what shows of the anchor counts: a view may have scrolled part
   * of it, or all of it, out of the window. An arrow then points at
   * nothing (and GDK sizes such a popup on its own terms): a sheet. */
  if (!graphene_rect_intersection (anchor, &GRAPHENE_RECT_INIT (0, 0, width, height), &visible))
    graphene_rect_init (&visible, CLAMP (anchor->origin.x, 0, width - 1), CLAMP (anchor->origin.y, 0, height - 1),
                        1, 1);
  hidden = !graphene_rect_equal (&visible, anchor);

  order[0] = preferred;
  order[1] = opposite (preferred);
  order[2] = is_vertical (preferred) ? GTK_POS_RIGHT : GTK_POS_BOTTOM;
  order[3] = opposite (order[2]);
  for (guint i = 0; i < G_N_ELEMENTS (order) && !hidden; i++)
    {
      if (is_vertical (order[i]) ? frame_height > room (&visible, order[i], width, height) ||
                                       frame_width > width - 2 * EDGE
                                 : frame_width > room (&visible, order[i], width, height) ||
                                       frame_height > height - 2 * EDGE)
        continue;
      /* GTK centres the frame on the anchor's side; it goes by what shows
       * of the anchor, slid into the window */
      gtk_popover_set_position (popover, order[i]);
      switch (order[i])
        {
        case GTK_POS_TOP:
        case GTK_POS_BOTTOM:
          dy = order[i] == GTK_POS_TOP ? visible.origin.y - anchor->origin.y
                                       : visible.origin.y + visible.size.height -
                                             (anchor->origin.y + anchor->size.height);
          dx = slide_into (centre_x (&visible) - frame_width / 2.0, frame_width, width) +
               centre_x (&visible) - centre_x (anchor);
          break;
        case GTK_POS_LEFT:
        case GTK_POS_RIGHT:
        default:
          dx = order[i] == GTK_POS_LEFT ? visible.origin.x - anchor->origin.x
                                        : visible.origin.x + visible.size.width -
                                              (anchor->origin.x + anchor->size.width);
          dy = slide_into (centre_y (&visible) - frame_height / 2.0, frame_height, height) +
               centre_y (&visible) - centre_y (anchor);
          break;
        }
      gtk_popover_set_offset (popover, (int) dx, (int) dy);
      return;
    }

  /* No side has room: over the anchor, below its top, as high as the window */
  frame_height = cap (frame, scroller, GTK_ORIENTATION_VERTICAL, frame_width, inset, height - 2 * EDGE);
  gtk_popover_set_has_arrow (popover, FALSE);
  gtk_popover_set_position (popover, GTK_POS_BOTTOM);
  top = visible.origin.y + visible.size.height;
  dx = slide_into (centre_x (&visible) - frame_width / 2.0, frame_width, width) +
       centre_x (&visible) - centre_x (anchor);
  dy = slide_into (top, frame_height, height) + top - (anchor->origin.y + anchor->size.height);
  gtk_popover_set_offset (popover, (int) dx, (int) dy);
}

/* Until its anchor is laid out, a popover is at least no bigger than
 * its window: GDK would otherwise shrink it to the screen, below its
 * minimum size, and GTK close it */
static void
shrink_to_window (GtkPopover        *popover,
                  GtkScrolledWindow *scroller)
{
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (popover));
  GtkWidget *frame = gtk_widget_get_first_child (GTK_WIDGET (popover));
  int        width, inset;

  if (scroller == NULL || !GTK_IS_WINDOW (root) || frame == NULL)
    return;
  width = cap (frame, scroller, GTK_ORIENTATION_HORIZONTAL, -1, 0, gtk_widget_get_width (GTK_WIDGET (root)) - 2 * EDGE);
  gtk_widget_measure (GTK_WIDGET (scroller), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &inset, NULL, NULL);
  cap (frame, scroller, GTK_ORIENTATION_VERTICAL, width, width - inset,
       gtk_widget_get_height (GTK_WIDGET (root)) - 2 * EDGE);
}

typedef struct
{
  GtkPositionType    preferred;
  GtkScrolledWindow *scroller;
  graphene_rect_t    anchor;
  gboolean           placed;
  guint              frames;
} Placing;

/* Places the popover again whenever its anchor moves in its first frames:
 * a view may scroll to what the popover points at as it opens, or lay
 * out the row it opens from only then */
static gboolean
follow_anchor_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  Placing        *placing = user_data;
  graphene_rect_t anchor;

  if (!gtk_widget_get_visible (widget) || placing->frames++ > 30)
    return G_SOURCE_REMOVE;
  if (get_anchor (GTK_POPOVER (widget), &anchor) &&
      (!placing->placed || !graphene_rect_equal (&anchor, &placing->anchor)))
    {
      place (GTK_POPOVER (widget), placing->preferred, placing->scroller, &anchor);
      placing->anchor = anchor;
      placing->placed = TRUE;
    }
  return G_SOURCE_CONTINUE;
}

/**
 * sp_popover_fit:
 * @preferred: the side of its anchor the popover opens on when it fits
 * @scroller: (nullable): a scrolled window in @popover (with propagated
 *   natural sizes, and an external horizontal scrollbar policy, so its
 *   maximum width counts) whose content may be narrowed or shortened
 *
 * Places @popover, as it opens, so that it shows whole inside its window:
 * on @preferred's side of its anchor, else the opposite one, else on a
 * side of the other axis, slid along it into the window; with no room
 * beside its anchor, over it, without an arrow. An anchor not laid out
 * yet, or moving as the popover opens, is followed.
 */
void
sp_popover_fit (GtkPopover        *popover,
                GtkPositionType    preferred,
                GtkScrolledWindow *scroller)
{
  Placing *placing;

  g_return_if_fail (GTK_IS_POPOVER (popover));

  placing = g_new0 (Placing, 1);
  placing->preferred = preferred;
  placing->scroller = scroller;
  placing->placed = get_anchor (popover, &placing->anchor);
  if (placing->placed)
    place (popover, preferred, scroller, &placing->anchor);
  else
    shrink_to_window (popover, scroller);
  gtk_widget_add_tick_callback (GTK_WIDGET (popover), follow_anchor_cb, placing, g_free);
}
