/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-catalog-preferences-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-catalog-preferences-page.h"
#include "sp-catalog-source.h"
#include "sp-http.h"
#include "sp-model-properties.h"

/* The catalog sources, edited in place: each source a row to rename,
 * readdress, reformat or remove; new ones added below. Everything is
 * written to the "catalog-sources" key, which the catalog follows. */

static const SpCatalogFormat formats[] = {
  SP_CATALOG_FORMAT_OWN, SP_CATALOG_FORMAT_COURSERA,
  SP_CATALOG_FORMAT_EDX, SP_CATALOG_FORMAT_MITLEARN,
};

struct _SpCatalogPreferencesPage
{
  AdwPreferencesPage    parent_instance;

  GSettings            *settings;
  GPtrArray            *rows;        /* element-type GtkWidget: the rows in sources_group */

  AdwPreferencesGroup  *sources_group;
  GtkSwitch            *auto_refresh_switch;
  AdwEntryRow          *new_name_row;
  AdwEntryRow          *new_url_row;
  AdwComboRow          *new_format_row;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (SpCatalogPreferencesPage, sp_catalog_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

static const SpModelProperty models[] = {
  /**
   * SpCatalogPreferencesPage:settings:
   *
   * The application's settings, whose "catalog-sources" the page edits.
   */
  { "settings", g_settings_get_type, G_STRUCT_OFFSET (SpCatalogPreferencesPage, settings),
    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY },
};

static GListModel *
new_format_model (void)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_string_list_append (model, sp_catalog_format_get_label (formats[i]));
  return G_LIST_MODEL (model);
}

static GPtrArray *
get_sources (SpCatalogPreferencesPage *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "catalog-sources");

  return sp_catalog_sources_from_variant (value);
}

static void
set_sources (SpCatalogPreferencesPage *self,
             GPtrArray                *sources)
{
  g_settings_set_value (self->settings, "catalog-sources", sp_catalog_sources_to_variant (sources));
}

/* Checks a source as the user typed it; the message says what to fix. */
static gboolean
validate (const char  *name,
          const char  *url,
          GError     **error)
{
  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Give the source a name"));
      return FALSE;
    }
  return sp_http_check_url (url, error);
}

static void
show_error (SpCatalogPreferencesPage *self,
            const char               *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
remove_clicked_cb (GtkButton                *button,
                   SpCatalogPreferencesPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sp-index"));
  g_autoptr(GPtrArray) sources = get_sources (self);

  if (index < sources->len)
    {
      g_ptr_array_remove_index (sources, index);
      set_sources (self, sources);
    }
}

static void
row_apply_cb (GtkWidget                *widget,
              SpCatalogPreferencesPage *self)
{
  GtkWidget *expander = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "sp-index"));
  AdwEntryRow *name_row = g_object_get_data (G_OBJECT (expander), "sp-name");
  AdwEntryRow *url_row = g_object_get_data (G_OBJECT (expander), "sp-url");
  AdwComboRow *format_row = g_object_get_data (G_OBJECT (expander), "sp-format");
  const char *name = gtk_editable_get_text (GTK_EDITABLE (name_row));
  const char *url = gtk_editable_get_text (GTK_EDITABLE (url_row));
  guint format = adw_combo_row_get_selected (format_row);
  g_autoptr(GPtrArray) sources = get_sources (self);
  g_autoptr(GError) error = NULL;

  if (!validate (name, url, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (url_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (url_row), error->message);
      show_error (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (url_row), "error");
  show_error (self, NULL);

  if (index < sources->len && format < G_N_ELEMENTS (formats))
    {
      SpCatalogSource *old = g_ptr_array_index (sources, index);

      g_ptr_array_index (sources, index) = sp_catalog_source_new (name, url, formats[format]);
      sp_catalog_source_free (old);
      set_sources (self, sources);
    }
}

static void
format_selected_cb (AdwComboRow              *row,
                    GParamSpec               *pspec,
                    SpCatalogPreferencesPage *self)
{
  row_apply_cb (GTK_WIDGET (row), self);
}

static GtkWidget *
new_source_row (SpCatalogPreferencesPage *self,
                const SpCatalogSource    *source,
                guint                     index)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  GtkWidget *url_row = adw_entry_row_new ();
  GtkWidget *format_row = adw_combo_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autoptr(GListModel) model = new_format_model ();
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", sp_catalog_format_get_label (source->format), source->url);
  g_autofree char *accessible = g_strdup_printf (_("Remove “%s”"), source->name);

  /* Names and addresses are the user's text: no markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), source->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), source->name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
  g_signal_connect (name_row, "apply", G_CALLBACK (row_apply_cb), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (url_row), _("Address"));
  gtk_editable_set_text (GTK_EDITABLE (url_row), source->url);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (url_row), TRUE);
  g_signal_connect (url_row, "apply", G_CALLBACK (row_apply_cb), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (format_row), _("Format"));
  adw_combo_row_set_model (ADW_COMBO_ROW (format_row), model);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == source->format)
      adw_combo_row_set_selected (ADW_COMBO_ROW (format_row), i);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Source"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (remove), "sp-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), url_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), format_row);

  g_object_set_data (G_OBJECT (expander), "sp-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (expander), "sp-name", name_row);
  g_object_set_data (G_OBJECT (expander), "sp-url", url_row);
  g_object_set_data (G_OBJECT (expander), "sp-format", format_row);
  /* After the initial selection, so only the user's choice applies */
  g_signal_connect (format_row, "notify::selected", G_CALLBACK (format_selected_cb), self);
  return expander;
}

static void
rebuild (SpCatalogPreferencesPage *self)
{
  g_autoptr(GPtrArray) sources = get_sources (self);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->sources_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < sources->len; i++)
    {
      GtkWidget *row = new_source_row (self, g_ptr_array_index (sources, i), i);

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->sources_group, row);
    }

  if (sources->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No sources: the bundled listings are shown"));
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->sources_group, row);
    }
}

static void
add_clicked_cb (SpCatalogPreferencesPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->new_name_row));
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->new_url_row));
  guint format = adw_combo_row_get_selected (self->new_format_row);
  g_autoptr(GPtrArray) sources = get_sources (self);
  g_autoptr(GError) error = NULL;

  if (!validate (name, url, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);

  g_ptr_array_add (sources, sp_catalog_source_new (name, url, formats[MIN (format, G_N_ELEMENTS (formats) - 1)]));
  set_sources (self, sources);
  gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_url_row), "");
}

static void
defaults_clicked_cb (SpCatalogPreferencesPage *self)
{
  g_settings_reset (self->settings, "catalog-sources");
}

static void
sp_catalog_preferences_page_dispose (GObject *object)
{
  SpCatalogPreferencesPage *self = SP_CATALOG_PREFERENCES_PAGE (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_catalog_preferences_page_parent_class)->dispose (object);
}

static void
sp_catalog_preferences_page_constructed (GObject *object)
{
  SpCatalogPreferencesPage *self = SP_CATALOG_PREFERENCES_PAGE (object);

  G_OBJECT_CLASS (sp_catalog_preferences_page_parent_class)->constructed (object);

  g_settings_bind (self->settings, "catalog-auto-refresh", self->auto_refresh_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->settings, "changed::catalog-sources", G_CALLBACK (rebuild), self);
  rebuild (self);
}

static void
sp_catalog_preferences_page_class_init (SpCatalogPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sp_catalog_preferences_page_constructed;
  object_class->dispose = sp_catalog_preferences_page_dispose;
  sp_model_properties_install (object_class, models, G_N_ELEMENTS (models));

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/studyplanner/StudyPlanner/ui/sp-catalog-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpCatalogPreferencesPage, sources_group);
  gtk_widget_class_bind_template_child (widget_class, SpCatalogPreferencesPage, auto_refresh_switch);
  gtk_widget_class_bind_template_child (widget_class, SpCatalogPreferencesPage, new_name_row);
  gtk_widget_class_bind_template_child (widget_class, SpCatalogPreferencesPage, new_url_row);
  gtk_widget_class_bind_template_child (widget_class, SpCatalogPreferencesPage, new_format_row);
  gtk_widget_class_bind_template_child (widget_class, SpCatalogPreferencesPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, defaults_clicked_cb);
}

static void
sp_catalog_preferences_page_init (SpCatalogPreferencesPage *self)
{
  g_autoptr(GListModel) model = new_format_model ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  adw_combo_row_set_model (self->new_format_row, model);
}

GtkWidget *
sp_catalog_preferences_page_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SP_TYPE_CATALOG_PREFERENCES_PAGE, "settings", settings, NULL);
}
