/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What goes with the composer's texts: hashtag chips, the image with its required alt text,
 * the article's URL once the CMS has it, the accounts to post to, one request per account,
 * and the previews of the chosen network. */
#define G_LOG_DOMAIN "tayori-sns"

#include <glib/gi18n.h>

#include "tayori-accounts.h"
#include "tayori-cms-sync.h"
#include "tayori-media-store.h"
#include "tayori-paths.h"
#include "tayori-sns-composer-private.h"
#include "tayori-sns-draft.h"

/* Hashtags: a chip adds the tag to the base text */

static void
hashtag_clicked_cb (GtkButton         *button,
                    TayoriSnsComposer *self)
{
  g_autofree char *text = tayori_sns_text_editor_dup_text (self->base_editor);
  const char *tag = gtk_button_get_label (button);
  g_autofree char *addition = g_strconcat (*text == '\0' || g_str_has_suffix (text, "\n") ? "" : " ", tag, NULL);

  if (strstr (text, tag) == NULL)
    tayori_sns_text_editor_append (self->base_editor, addition);
}

void
_tayori_sns_composer_fill_hashtags (TayoriSnsComposer *self)
{
  g_auto(GStrv) tags = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hashtags))) != NULL)
    gtk_flow_box_remove (self->hashtags, child);
  if (self->article != NULL)
    tags = tayori_sns_hashtags (self->article, tayori_sns_service_get_preset (self->service));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *label = g_strconcat ("#", tags[i], NULL);
      GtkWidget *chip = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (chip, "pill");
      gtk_widget_add_css_class (chip, "tayori-sns-chip");
      gtk_widget_set_tooltip_text (chip, _("Add to the base text"));
      g_signal_connect_object (chip, "clicked", G_CALLBACK (hashtag_clicked_cb), self, 0);
      gtk_flow_box_append (self->hashtags, chip);
    }
  gtk_widget_set_visible (self->hashtag_box, tags != NULL && tags[0] != NULL);
}

/* The image: the article's thumbnail unless the base text has its own, alt text required */

static TayoriPostImage *
base_image (TayoriSnsComposer *self)
{
  TayoriSnsVersion *base = _tayori_sns_composer_find_version (self, "base");

  return base != NULL && base->images != NULL && base->images->len > 0 ? g_ptr_array_index (base->images, 0)
                                                                       : NULL;
}

static void
update_alt_state (TayoriSnsComposer *self)
{
  gboolean missing = self->image_hash != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->alt_row)) == '\0';

  if (missing)
    gtk_widget_add_css_class (GTK_WIDGET (self->alt_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->alt_row), "error");
}

void
_tayori_sns_composer_fill_image (TayoriSnsComposer *self)
{
  TayoriPostImage *image = base_image (self);
  const char *thumbnail = self->article != NULL ? tayori_article_get_thumbnail (self->article) : "";
  g_autofree char *media_dir = tayori_paths_media_dir ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base64 = NULL;
  g_autofree char *mime = NULL;
  gsize length = 0;

  g_clear_pointer (&self->image_hash, g_free);
  g_clear_pointer (&self->image_uri, g_free);
  if (image != NULL)
    self->image_hash = g_strdup (image->hash);
  else if (tayori_media_store_is_hash (thumbnail))
    self->image_hash = g_strdup (thumbnail);
  path = self->image_hash != NULL ? tayori_media_store_lookup (media_dir, self->image_hash) : NULL;
  /* Small (a thumbnail): read at once, the previews need it as a data: URI */
  if (path != NULL && g_file_get_contents (path, &contents, &length, NULL))
    {
      mime = g_content_type_guess (path, (const guchar *) contents, length, NULL);
      base64 = g_base64_encode ((const guchar *) contents, length);
      self->image_uri = g_strdup_printf ("data:%s;base64,%s", mime, base64);
    }
  gtk_picture_set_filename (self->image_picture, path);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->image_row),
                                 path != NULL ? _("Article Thumbnail") : _("No Image"));
  adw_action_row_set_subtitle (self->image_row,
                               path != NULL
                               ? _("Resized when sent to each network's limits: X 5 MB and 4096 px, Bluesky 2 MB (1 MB for a link card), Mastodon 16 MB and 3840×2160 px; LINE sends it by its website address.")
                               : _("Set a thumbnail on the article to post an image."));
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->alt_row),
                         image != NULL ? image->alt : self->article != NULL ? tayori_article_get_thumbnail_alt (self->article) : "");
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->alt_row), self->image_hash != NULL);
  update_alt_state (self);
}

void
_tayori_sns_composer_alt_changed_cb (TayoriSnsComposer *self)
{
  TayoriSnsVersion *base;

  update_alt_state (self);
  if (self->filling || self->image_hash == NULL || self->article == NULL)
    return;
  base = _tayori_sns_composer_ensure_version (self, "base");
  g_ptr_array_set_size (base->images, 0);
  g_ptr_array_add (base->images, tayori_post_image_new (self->image_hash,
                                                        gtk_editable_get_text (GTK_EDITABLE (self->alt_row))));
  _tayori_sns_composer_changed (self, "base");
}

/* The article's URL, as the CMS last reported it */

static void
status_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TayoriSnsComposer) self = user_data;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;

  status = tayori_cms_sync_status_finish (TAYORI_CMS_SYNC (object), result, NULL);
  if (status == NULL || status->remote_link == NULL || self->article == NULL ||
      status->article_id != tayori_article_get_id (self->article) ||
      *gtk_editable_get_text (GTK_EDITABLE (self->url_row)) != '\0')
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), status->remote_link);
}

void
_tayori_sns_composer_fill_url (TayoriSnsComposer *self)
{
  TayoriCmsSync *sync = tayori_sns_service_get_cms_sync (self->service);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  self->filling = FALSE;
  if (sync != NULL && self->article != NULL)
    tayori_cms_sync_status_async (sync, tayori_article_get_id (self->article), self->cancellable,
                                  status_cb, g_object_ref (self));
}

/* Accounts: one check row per account the person may use */

static void
account_toggled_cb (GtkCheckButton    *check,
                    TayoriSnsComposer *self)
{
  const char *name = g_object_get_data (G_OBJECT (check), "account");

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->unchecked, name);
  else
    g_hash_table_add (self->unchecked, g_strdup (name));
  _tayori_sns_composer_update_limits (self);
  _tayori_sns_composer_schedule_preview (self);
  _tayori_sns_composer_update_send (self);
}

void
_tayori_sns_composer_fill_accounts (TayoriSnsComposer *self)
{
  TayoriPreset *preset = tayori_sns_service_get_preset (self->service);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->account_rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->account_rows, i));
  g_ptr_array_set_size (self->account_rows, 0);
  g_ptr_array_set_size (self->accounts, 0);

  all = tayori_accounts_load (preset, TAYORI_ACCOUNT_CHANNEL, &error);
  if (error != NULL)
    _tayori_sns_composer_toast (self, error->message);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      TayoriAccount *account = g_ptr_array_index (all, i);
      GtkWidget *row, *check;

      if (!tayori_account_may_use (account, tayori_sns_service_get_actor (self->service),
                                   tayori_sns_service_get_roles (self->service)))
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !g_hash_table_contains (self->unchecked, account->name));
      g_object_set_data_full (G_OBJECT (check), "account", g_strdup (account->name), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (account_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), account->label != NULL ? account->label : account->name);
      _tayori_sns_composer_add_schedule_button (self, ADW_ACTION_ROW (row), account->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      account->label != NULL ? account->label : account->name, -1);
      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->account_rows, row);
      g_ptr_array_add (self->accounts, tayori_account_copy (account));
    }
  _tayori_sns_composer_update_account_rows (self);
  _tayori_sns_composer_fetch_limits (self);
}

const char *
_tayori_sns_composer_account_label (TayoriSnsComposer *self,
                                    const char        *name)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      TayoriAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_str_equal (account->name, name))
        return account->label != NULL ? account->label : account->name;
    }
  return name;
}

GPtrArray *
_tayori_sns_composer_build_requests (TayoriSnsComposer *self)
{
  GPtrArray *requests = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_request_free);
  const char *alt = gtk_editable_get_text (GTK_EDITABLE (self->alt_row));

  for (guint i = 0; i < self->accounts->len; i++)
    {
      TayoriAccount *account = g_ptr_array_index (self->accounts, i);
      TayoriPostNetwork network;
      g_autofree char *text = NULL;
      TayoriPostRequest *request;

      if (g_hash_table_contains (self->unchecked, account->name) ||
          !tayori_post_network_from_string (account->type, &network))
        continue;
      text = _tayori_sns_composer_resolved_text (self, account->name, network);
      request = tayori_post_request_new (account->name, text);
      if (request->images == NULL)
        request->images = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_image_free);
      if (self->image_hash != NULL)
        g_ptr_array_add (request->images, tayori_post_image_new (self->image_hash, alt));
      _tayori_sns_composer_apply_schedule (self, request);
      g_ptr_array_add (requests, request);
    }
  return requests;
}

/* The previews: the chosen network's text as the first checked account of it would post it */

static TayoriAccount *
preview_account (TayoriSnsComposer *self)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      TayoriAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_strcmp0 (account->type, self->preview_network) == 0 &&
          !g_hash_table_contains (self->unchecked, account->name))
        return account;
    }
  return NULL;
}

static gboolean
update_preview_cb (gpointer user_data)
{
  TayoriSnsComposer *self = user_data;
  TayoriAccount *account = preview_account (self);
  TayoriPreset *preset = tayori_sns_service_get_preset (self->service);
  TayoriPostNetwork network = TAYORI_POST_NETWORK_X;
  g_autofree char *handle = NULL;
  g_autofree char *text = NULL;
  TayoriSnsPreviewPost post = { 0 };
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));

  self->preview_id = 0;
  tayori_post_network_from_string (self->preview_network, &network);
  text = _tayori_sns_composer_resolved_text (self, account != NULL ? account->name : NULL, network);
  handle = account != NULL && account->user != NULL && *account->user != '\0' ? g_strconcat ("@", account->user, NULL)
                                                                              : g_strdup ("");
  post.account = account != NULL ? (account->label != NULL ? account->label : account->name)
                                 : tayori_preset_get_city_name (preset);
  post.handle = handle;
  post.text = text;
  post.image_uri = self->image_uri;
  post.alt = gtk_editable_get_text (GTK_EDITABLE (self->alt_row));
  post.link_url = *url != '\0' ? url : NULL;
  post.link_title = self->article != NULL ? tayori_article_get_title (self->article) : "";
  post.link_summary = self->article != NULL ? tayori_article_get_summary (self->article) : "";
  tayori_sns_preview_show (self->preview, network, &post);
  return G_SOURCE_REMOVE;
}

/* Typing changes the text many times a second: one render per idle */
void
_tayori_sns_composer_schedule_preview (TayoriSnsComposer *self)
{
  if (self->preview_id == 0)
    self->preview_id = g_idle_add_full (G_PRIORITY_LOW, update_preview_cb, self, NULL);
}
