/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-application.h"
#include "sp-calendar-grid.h"

G_BEGIN_DECLS

SpApplication *sp_test_ui_start_app        (void);
SpApplication *sp_test_ui_start_app_first_time (void);
void           sp_test_ui_init (int    *argc,
                                char ***argv);
void           sp_test_ui_stop_app         (SpApplication *app);
char          *sp_test_ui_make_data_home (const char *tmpl);
void           sp_test_ui_reset_state (void);
GtkWindow     *sp_test_ui_get_window       (SpApplication *app);
void           sp_test_ui_wait             (guint          ms);
void           sp_test_ui_wait_for_mapped  (GtkWidget     *widget);
gboolean       sp_test_ui_resize           (GtkWindow     *window,
                                            int            width,
                                            int            height);
/* Whether @widget is what a search looks for; @data is the search's own */
typedef gboolean (*SpTestUiMatch) (GtkWidget    *widget,
                                   gconstpointer data);

GtkWidget     *sp_test_ui_find (GtkWidget    *root,
                                SpTestUiMatch match,
                                gconstpointer data);
GPtrArray     *sp_test_ui_collect (GtkWidget    *root,
                                   SpTestUiMatch match,
                                   gconstpointer data);
GtkWidget     *sp_test_ui_find_by_type     (GtkWidget     *root,
                                            GType          type);
GtkWidget     *sp_test_ui_find_by_css_class (GtkWidget  *root,
                                             const char *css_class);
GPtrArray     *sp_test_ui_collect_by_type (GtkWidget *root,
                                           GType      type);
GtkWidget     *sp_test_ui_find_grid (GtkWidget     *root,
                                     SpCalendarSpan span);
GtkWidget     *sp_test_ui_find_button      (GtkWidget     *root,
                                            const char    *label);
GtkMenuButton *sp_test_ui_find_primary_menu_button (GtkWidget *root);
GPtrArray     *sp_test_ui_collect_text     (GtkWidget     *root);
gboolean       sp_test_ui_has_text         (GtkWidget     *root,
                                            const char    *text);
gboolean       sp_test_ui_has_text_containing (GtkWidget  *root,
                                               const char *needle);
GdkTexture    *sp_test_ui_render (GtkWidget *widget);
void           sp_test_ui_save_png         (GtkWidget     *widget,
                                            const char    *name);
gboolean       sp_test_ui_press_key        (GtkWidget     *focus,
                                            guint          keyval,
                                            GdkModifierType modifiers);

G_END_DECLS
