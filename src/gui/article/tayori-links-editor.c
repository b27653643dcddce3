/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriLinksEditor: rows are rebuilt from the article when its links change elsewhere
 * (load, restore); typing into a row writes the whole list back, guarded so the write does
 * not rebuild the row being typed in. */
#include <glib/gi18n.h>

#include "tayori-links-editor.h"
#include "tayori-markdown-format.h"

typedef struct {
  GtkWidget *row;
  GtkEditable *title;
  GtkEditable *url;
} LinkRow;

struct _TayoriLinksEditor
{
  AdwPreferencesGroup parent_instance;

  TayoriArticle *article;
  gulong notify_id;
  GPtrArray *rows;   /* LinkRow */
  guint writing : 1;
};

G_DEFINE_FINAL_TYPE (TayoriLinksEditor, tayori_links_editor, ADW_TYPE_PREFERENCES_GROUP)

static gpointer
copy_item (gconstpointer item,
           gpointer      user_data)
{
  return tayori_link_copy (item);
}

static void
update_url_style (LinkRow *link_row)
{
  const char *url = gtk_editable_get_text (link_row->url);
  gboolean invalid = *url != '\0' && !tayori_markdown_url_is_allowed (url);

  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (link_row->url), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (link_row->url), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (link_row->url),
                               invalid ? _("Enter an address starting with https:// or http://") : NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (link_row->url), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static void
write_links (TayoriLinksEditor *self,
             guint              skip)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);

  for (guint i = 0; i < self->rows->len; i++)
    {
      LinkRow *link_row = g_ptr_array_index (self->rows, i);

      if (i != skip)
        g_ptr_array_add (links, tayori_link_new (gtk_editable_get_text (link_row->title),
                                                 gtk_editable_get_text (link_row->url)));
    }
  tayori_article_set_links (self->article, links);
}

static void
entry_changed_cb (GtkEditable       *editable,
                  TayoriLinksEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      LinkRow *link_row = g_ptr_array_index (self->rows, i);

      if (link_row->url == editable)
        update_url_style (link_row);
    }
  self->writing = TRUE;
  write_links (self, G_MAXUINT);
  self->writing = FALSE;
}

static void
remove_clicked_cb (GtkWidget         *button,
                   TayoriLinksEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      LinkRow *link_row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_is_ancestor (button, link_row->row))
        {
          write_links (self, i);
          return;
        }
    }
}

static GtkEditable *
add_entry (GtkBox     *box,
           const char *text,
           const char *placeholder,
           const char *accessible_name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_box_append (box, entry);
  return GTK_EDITABLE (entry);
}

static void
add_row (TayoriLinksEditor *self,
         const TayoriLink  *link)
{
  LinkRow *link_row = g_new0 (LinkRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  link_row->title = add_entry (GTK_BOX (box), link->title, _("Link text"), _("Link Text"));
  link_row->url = add_entry (GTK_BOX (box), link->url, "https://", _("Link URL"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Link"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Link"), -1);
  gtk_box_append (GTK_BOX (box), remove);

  link_row->row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (link_row->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (link_row->row), box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), link_row->row);
  update_url_style (link_row);

  g_signal_connect (link_row->title, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (link_row->url, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  g_ptr_array_add (self->rows, link_row);
}

static void
rebuild (TayoriLinksEditor *self)
{
  GPtrArray *links = self->article != NULL ? tayori_article_get_links (self->article) : NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      LinkRow *link_row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), link_row->row);
    }
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; links != NULL && i < links->len; i++)
    add_row (self, g_ptr_array_index (links, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "links.add", self->article != NULL);
}

static void
links_changed_cb (TayoriLinksEditor *self)
{
  if (!self->writing)
    rebuild (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TayoriLinksEditor *self = TAYORI_LINKS_EDITOR (widget);
  g_autoptr(GPtrArray) links = NULL;
  LinkRow *added;

  links = g_ptr_array_copy (tayori_article_get_links (self->article),
                            copy_item, NULL);
  g_ptr_array_set_free_func (links, (GDestroyNotify) tayori_link_free);
  g_ptr_array_add (links, tayori_link_new ("", ""));
  tayori_article_set_links (self->article, links);

  added = g_ptr_array_index (self->rows, self->rows->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (added->title));
}

void
tayori_links_editor_set_article (TayoriLinksEditor *self,
                                 TayoriArticle     *article)
{
  g_return_if_fail (TAYORI_IS_LINKS_EDITOR (self));

  if (self->article == article)
    return;
  g_clear_signal_handler (&self->notify_id, self->article);
  g_set_object (&self->article, article);
  if (article != NULL)
    self->notify_id = g_signal_connect_swapped (article, "notify::links",
                                                G_CALLBACK (links_changed_cb), self);
  rebuild (self);
}

static void
tayori_links_editor_dispose (GObject *object)
{
  TayoriLinksEditor *self = TAYORI_LINKS_EDITOR (object);

  g_clear_signal_handler (&self->notify_id, self->article);
  g_clear_object (&self->article);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_LINKS_EDITOR);

  G_OBJECT_CLASS (tayori_links_editor_parent_class)->dispose (object);
}

static void
tayori_links_editor_finalize (GObject *object)
{
  TayoriLinksEditor *self = TAYORI_LINKS_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tayori_links_editor_parent_class)->finalize (object);
}

static void
tayori_links_editor_class_init (TayoriLinksEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_links_editor_dispose;
  object_class->finalize = tayori_links_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/article/tayori-links-editor.ui");
  gtk_widget_class_install_action (widget_class, "links.add", NULL, add_action);
}

static void
tayori_links_editor_init (TayoriLinksEditor *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "links.add", FALSE);
}
