/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SpModelProperty:
 * @name: the property's name: "planner", "catalog", "settings"…
 * @get_type: the type of object it takes, as its get_type function
 * @offset: where the instance keeps it, G_STRUCT_OFFSET() of its field
 * @flags: the param spec's flags (G_PARAM_STATIC_STRINGS is added)
 * @set: (nullable): the class's public setter, `(self, model)`, which
 *   notifies the change; %NULL for a construct-only property, kept as given
 *
 * A model a window, page or view holds: an object property kept, with a
 * reference, in a field of the instance, which the class reads directly
 * and clears in its dispose. Descriptions are static: the param spec
 * keeps a pointer to its own.
 */
typedef struct
{
  const char *name;
  GType (*get_type) (void);
  gsize       offset;
  GParamFlags flags;
  GCallback   set;
} SpModelProperty;

GParamSpec *sp_model_property_new (const SpModelProperty *model);
void        sp_model_properties_install (GObjectClass          *object_class,
                                         const SpModelProperty *models,
                                         guint                  n_models);
void        sp_model_properties_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec);
void        sp_model_properties_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec);

G_END_DECLS
