/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page's preview pane: the TayoriPreviewView, its mode, visibility and zoom (bound to
 * GSettings), and the page.preview-mode, page.toggle-preview and page.zoom-* actions. */
#include "tayori-article-page-private.h"
#include "tayori-preview-probe.h"

static const double zoom_steps[] = { 0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0 };

gboolean
_tayori_article_page_apply_preview_mode (TayoriArticlePage *self,
                                         const char        *mode)
{
  if (mode == NULL || g_strcmp0 (self->preview_mode, mode) == 0)
    return FALSE;
  g_free (self->preview_mode);
  self->preview_mode = g_strdup (mode);
  if (self->preview != NULL)
    tayori_preview_view_set_phone_mode (self->preview, g_str_equal (mode, "phone"));
  return TRUE;
}

gboolean
_tayori_article_page_apply_show_preview (TayoriArticlePage *self,
                                         gboolean           show)
{
  show = !!show;
  if (self->show_preview == (guint) show)
    return FALSE;
  self->show_preview = show;
  gtk_widget_set_visible (self->preview_box, show);
  return TRUE;
}

gboolean
_tayori_article_page_apply_preview_zoom (TayoriArticlePage *self,
                                         double             zoom)
{
  g_autofree char *label = NULL;

  zoom = CLAMP (zoom, 0.5, 2.0);
  if (G_APPROX_VALUE (self->preview_zoom, zoom, 0.001))
    return FALSE;
  self->preview_zoom = zoom;
  if (self->preview != NULL)
    tayori_preview_view_set_zoom (self->preview, zoom);
  label = g_strdup_printf ("%d%%", (int) (zoom * 100 + 0.5));
  gtk_label_set_label (self->zoom_label, label);
  _tayori_article_page_update_actions (self);
  return TRUE;
}

void
_tayori_article_page_setup_preview (TayoriArticlePage *self)
{
  self->preview = TAYORI_PREVIEW_VIEW (tayori_preview_view_new (self->preset));
  tayori_preview_probe_attach (self->preview);
  adw_bin_set_child (self->preview_bin, GTK_WIDGET (self->preview));
  tayori_preview_view_set_phone_mode (self->preview, g_str_equal (self->preview_mode, "phone"));
  tayori_preview_view_set_zoom (self->preview, self->preview_zoom);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "preview-mode", self, "preview-mode", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "show-preview", self, "show-preview", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "preview-zoom", self, "preview-zoom", G_SETTINGS_BIND_DEFAULT);
    }
}

void
_tayori_article_page_update_zoom_actions (TayoriArticlePage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "page.zoom-in", self->preview_zoom < zoom_steps[G_N_ELEMENTS (zoom_steps) - 1]);
  gtk_widget_action_set_enabled (widget, "page.zoom-out", self->preview_zoom > zoom_steps[0]);
  gtk_widget_action_set_enabled (widget, "page.zoom-reset", !G_APPROX_VALUE (self->preview_zoom, 1.0, 0.001));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (widget);
  double zoom = 1.0;

  if (g_str_equal (action_name, "page.zoom-in"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if ((zoom = zoom_steps[i]) > self->preview_zoom + 0.001)
          break;
    }
  else if (g_str_equal (action_name, "page.zoom-out"))
    {
      for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
        if ((zoom = zoom_steps[i - 1]) < self->preview_zoom - 0.001)
          break;
    }
  /* Through the property, which notifies GSettings */
  g_object_set (self, "preview-zoom", zoom, NULL);
}

void
_tayori_article_page_class_add_preview_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "page.preview-mode", "preview-mode");
  gtk_widget_class_install_property_action (widget_class, "page.toggle-preview", "show-preview");
  gtk_widget_class_install_action (widget_class, "page.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "page.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "page.zoom-reset", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "page.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "page.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "page.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "page.zoom-reset", NULL);
}
