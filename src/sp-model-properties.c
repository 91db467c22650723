/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-model-properties"

#include "config.h"

#include "sp-model-properties.h"

/* The windows, pages and views hold their models (the planner, the
 * catalog, the settings) alike: each class describes them, and these
 * make their param specs and get and set them, where each class wrote
 * the same param specs and get_property and set_property cases. */

/* Each param spec carries its SpModelProperty, to find the field */
static GQuark
model_property_quark (void)
{
  return g_quark_from_static_string ("sp-model-property");
}

/**
 * sp_model_property_new:
 * @model: (transfer none): kept for the life of the program
 *
 * Returns: (transfer floating): the param spec of @model, for a class
 *   whose get_property and set_property hand the ids they have no case
 *   for to sp_model_properties_get_property() and
 *   sp_model_properties_set_property()
 */
GParamSpec *
sp_model_property_new (const SpModelProperty *model)
{
  GParamSpec *pspec;

  g_return_val_if_fail (model->set != NULL || (model->flags & G_PARAM_CONSTRUCT_ONLY) != 0, NULL);

  pspec = g_param_spec_object (model->name, NULL, NULL, model->get_type (), model->flags | G_PARAM_STATIC_STRINGS);
  g_param_spec_set_qdata (pspec, model_property_quark (), (gpointer) model);
  return pspec;
}

/**
 * sp_model_properties_install:
 * @models: (array length=n_models): the class's models, kept for the
 *   life of the program (a static table)
 *
 * Installs @models as the class's only properties, their ids from 1 in
 * the order of the table, with the get_property and set_property that
 * keep them.
 */
void
sp_model_properties_install (GObjectClass          *object_class,
                             const SpModelProperty *models,
                             guint                  n_models)
{
  object_class->get_property = sp_model_properties_get_property;
  object_class->set_property = sp_model_properties_set_property;

  for (guint i = 0; i < n_models; i++)
    g_object_class_install_property (object_class, i + 1, sp_model_property_new (&models[i]));
}

/* The get_property of a class whose properties are all models, or what
 * its own does for the ids it has no case for */
void
sp_model_properties_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  const SpModelProperty *model = g_param_spec_get_qdata (pspec, model_property_quark ());

  if (model == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_set_object (value, G_STRUCT_MEMBER (gpointer, object, model->offset));
}

/* Likewise its set_property */
void
sp_model_properties_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  const SpModelProperty *model = g_param_spec_get_qdata (pspec, model_property_quark ());

  if (model == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (model->set != NULL)
    /* Called as GLib calls a handler given with G_CALLBACK () */
    ((void (*) (gpointer, gpointer)) model->set) (object, g_value_get_object (value));
  else
    /* Construct-only: set once, on a field still empty */
    G_STRUCT_MEMBER (gpointer, object, model->offset) = g_value_dup_object (value);
}
