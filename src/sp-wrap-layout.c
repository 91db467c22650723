/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-wrap-layout"

#include "config.h"

#include "sp-wrap-layout.h"

/* Children side by side while they fit, on the next line when they do not:
 * a row of buttons or cards that reflows in a narrow window instead of
 * widening it. Its least width is its widest child's. Room left on a line
 * goes to the children up to their natural width, then to those that
 * expand; homogeneous children share each line equally. */
struct _SpWrapLayout
{
  GtkLayoutManager parent_instance;

  int      spacing;
  int      row_spacing;
  gboolean homogeneous;
};

G_DEFINE_FINAL_TYPE (SpWrapLayout, sp_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

typedef struct
{
  GtkWidget *widget;
  int        min;
  int        nat;
  int        width; /* given on its line */
  guint      line;
} Item;

static GArray *
collect_items (GtkWidget *widget)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, 0, 0, 0, 0 };

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &item.min, &item.nat, NULL, NULL);
      g_array_append_val (items, item);
    }
  return items;
}

static void
give_line (SpWrapLayout *self,
           GArray       *items,
           guint         first,
           guint         end,
           int           width)
{
  guint                        n = end - first;
  int                          extra = width - self->spacing * (int) (n - 1);
  g_autofree GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, n);
  guint                        n_expand = 0;

  if (self->homogeneous)
    {
      for (guint i = first; i < end; i++)
        g_array_index (items, Item, i).width = MAX (extra / (int) n, g_array_index (items, Item, i).min);
      return;
    }

  for (guint i = first; i < end; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      sizes[i - first].minimum_size = item->min;
      sizes[i - first].natural_size = item->nat;
      extra -= item->min;
      n_expand += gtk_widget_compute_expand (item->widget, GTK_ORIENTATION_HORIZONTAL);
    }
  extra = gtk_distribute_natural_allocation (MAX (extra, 0), n, sizes);
  for (guint i = first; i < end; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      item->width = sizes[i - first].minimum_size;
      if (n_expand > 0 && gtk_widget_compute_expand (item->widget, GTK_ORIENTATION_HORIZONTAL))
        item->width += extra / (int) n_expand;
    }
}

/* Breaks the children into lines for @width; returns the number of lines */
static guint
break_lines (SpWrapLayout *self,
             GArray       *items,
             int           width)
{
  int   widest = 0, x = 0;
  guint line = 0, first = 0;

  for (guint i = 0; i < items->len; i++)
    widest = MAX (widest, g_array_index (items, Item, i).min);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      int   need = self->homogeneous ? widest : item->min;

      if (i > first && x + self->spacing + need > width)
        {
          give_line (self, items, first, i, width);
          line++;
          first = i;
          x = 0;
        }
      x += (i > first ? self->spacing : 0) + need;
      item->line = line;
    }
  if (items->len > 0)
    give_line (self, items, first, items->len, width);
  return items->len > 0 ? line + 1 : 0;
}

/* The height of each line, at the least and at the natural size */
static void
line_heights (GArray *items,
              guint   n_lines,
              int    *mins,
              int    *nats)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      int   min, nat;

      gtk_widget_measure (item->widget, GTK_ORIENTATION_VERTICAL, item->width, &min, &nat, NULL, NULL);
      mins[item->line] = MAX (mins[item->line], min);
      nats[item->line] = MAX (nats[item->line], nat);
    }
}

static void
sp_wrap_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  SpWrapLayout *self = SP_WRAP_LAYOUT (manager);
  g_autoptr(GArray) items = collect_items (widget);
  int min = 0, nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      for (guint i = 0; i < items->len; i++)
        {
          Item *item = &g_array_index (items, Item, i);

          min = MAX (min, item->min);
          nat += (i > 0 ? self->spacing : 0) + item->nat;
        }
    }
  else
    {
      guint           n_lines;
      g_autofree int *mins = NULL;
      g_autofree int *nats = NULL;

      if (for_size < 0)
        for (guint i = 0; i < items->len; i++)
          for_size = MAX (for_size, 0) + (i > 0 ? self->spacing : 0) + g_array_index (items, Item, i).nat;
      n_lines = break_lines (self, items, MAX (for_size, 0));
      mins = g_new0 (int, MAX (n_lines, 1));
      nats = g_new0 (int, MAX (n_lines, 1));
      line_heights (items, n_lines, mins, nats);
      for (guint l = 0; l < n_lines; l++)
        {
          min += mins[l] + (l > 0 ? self->row_spacing : 0);
          nat += nats[l] + (l > 0 ? self->row_spacing : 0);
        }
    }
  *minimum = min;
  *natural = nat;
  *minimum_baseline = *natural_baseline = -1;
}

static void
sp_wrap_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  SpWrapLayout *self = SP_WRAP_LAYOUT (manager);
  g_autoptr(GArray) items = collect_items (widget);
  guint           n_lines = break_lines (self, items, width);
  g_autofree int *mins = g_new0 (int, MAX (n_lines, 1));
  g_autofree int *nats = g_new0 (int, MAX (n_lines, 1));
  gboolean        rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int             x = 0, y = 0;
  guint           line = 0;

  line_heights (items, n_lines, mins, nats);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (item->line != line)
        {
          y += nats[line] + self->row_spacing;
          line = item->line;
          x = 0;
        }
      gtk_widget_size_allocate (item->widget,
                                &(GtkAllocation){ rtl ? width - x - item->width : x, y, item->width, nats[line] },
                                -1);
      x += item->width + self->spacing;
    }
}

static GtkSizeRequestMode
sp_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                 GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sp_wrap_layout_class_init (SpWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = sp_wrap_layout_get_request_mode;
  manager_class->measure = sp_wrap_layout_measure;
  manager_class->allocate = sp_wrap_layout_allocate;
}

static void
sp_wrap_layout_init (SpWrapLayout *self)
{
}

GtkLayoutManager *
sp_wrap_layout_new (int      spacing,
                    int      row_spacing,
                    gboolean homogeneous)
{
  SpWrapLayout *self = g_object_new (SP_TYPE_WRAP_LAYOUT, NULL);

  self->spacing = spacing;
  self->row_spacing = row_spacing;
  self->homogeneous = homogeneous;
  return GTK_LAYOUT_MANAGER (self);
}
