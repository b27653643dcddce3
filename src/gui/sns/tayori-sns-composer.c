/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 「SNS」 tab's texts: the base text and a version per network that shows the base until
 * edited, each with its network's exact counter; 「下書きを作成」; loading an article's texts
 * (stored as they change, see -store.c); the widget itself. */
#define G_LOG_DOMAIN "tayori-sns"

#include <glib/gi18n.h>

#include "tayori-accounts.h"
#include "tayori-sns-composer-private.h"
#include "tayori-sns-draft.h"
#include "tayori-sns-versions.h"
#include "tayori-style.h"

G_DEFINE_FINAL_TYPE (TayoriSnsComposer, tayori_sns_composer, GTK_TYPE_WIDGET)

static const char * const network_titles[N_NETWORKS] = { "X", "Bluesky", "Mastodon", "LINE" };

/* The texts */

char *
_tayori_sns_composer_resolved_text (TayoriSnsComposer *self,
               const char        *account,
               TayoriPostNetwork  network)
{
  const TayoriSnsVersion *version =
    tayori_sns_versions_resolve (self->versions, account, tayori_post_network_to_string (network));

  return g_strdup (version != NULL && version->text != NULL ? version->text : "");
}

static void
fill_editors (TayoriSnsComposer *self)
{
  TayoriSnsVersion *base = _tayori_sns_composer_find_version (self, "base");

  tayori_sns_text_editor_set_text (self->base_editor, base != NULL ? base->text : "", FALSE);
  for (guint n = 0; n < N_NETWORKS; n++)
    {
      TayoriSnsVersion *own = _tayori_sns_composer_find_version (self, tayori_post_network_to_string (n));

      tayori_sns_text_editor_set_text (self->editors[n], own != NULL ? own->text : base != NULL ? base->text : "",
                                       own == NULL);
    }
}

static void
editor_edited_cb (TayoriSnsComposer   *self,
                  TayoriSnsTextEditor *editor)
{
  int network = tayori_sns_text_editor_get_network (editor);
  const char *target = network < 0 ? "base" : tayori_post_network_to_string (network);
  TayoriSnsVersion *version = _tayori_sns_composer_ensure_version (self, target);

  g_free (version->text);
  version->text = tayori_sns_text_editor_dup_text (editor);
  if (network < 0)
    for (guint n = 0; n < N_NETWORKS; n++)
      if (tayori_sns_text_editor_get_inherited (self->editors[n]))
        tayori_sns_text_editor_set_text (self->editors[n], version->text, TRUE);
  _tayori_sns_composer_changed (self, target);
}

static void
editor_revert_cb (TayoriSnsComposer   *self,
                  TayoriSnsTextEditor *editor)
{
  const char *target = tayori_post_network_to_string (tayori_sns_text_editor_get_network (editor));
  TayoriSnsVersion *version = _tayori_sns_composer_find_version (self, target);

  if (version != NULL)
    g_ptr_array_remove (self->versions, version);
  fill_editors (self);
  _tayori_sns_composer_changed (self, target);
}

static void
add_editor (TayoriSnsComposer    *self,
            TayoriSnsTextEditor **slot,
            int                   network,
            const char           *title)
{
  *slot = TAYORI_SNS_TEXT_EDITOR (tayori_sns_text_editor_new (network, title));
  g_signal_connect_object (*slot, "edited", G_CALLBACK (editor_edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (*slot, "revert", G_CALLBACK (editor_revert_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->editors_box, GTK_WIDGET (*slot));
}

/* Drafts: the base from the strictest network (X), so every network can inherit it; a
 * network whose own draft says more gets it as its version */
static void
draft_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (widget);
  TayoriPreset *preset = tayori_sns_service_get_preset (self->service);
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  g_autofree char *base = NULL;

  if (self->article == NULL)
    return;
  if (*url == '\0')
    url = NULL;
  base = tayori_sns_draft (self->article, preset, TAYORI_POST_NETWORK_X, url, 0);
  g_free (_tayori_sns_composer_ensure_version (self, "base")->text);
  _tayori_sns_composer_ensure_version (self, "base")->text = g_strdup (base);
  _tayori_sns_composer_changed (self, "base");
  for (guint n = TAYORI_POST_NETWORK_BLUESKY; n < N_NETWORKS; n++)
    {
      const char *target = tayori_post_network_to_string (n);
      g_autofree char *own = tayori_sns_draft (self->article, preset, n, url,
                                               tayori_sns_text_editor_get_limit (self->editors[n]));
      TayoriSnsVersion *version = _tayori_sns_composer_find_version (self, target);

      if (g_strcmp0 (own, base) == 0 && version == NULL)
        continue;
      version = _tayori_sns_composer_ensure_version (self, target);
      g_free (version->text);
      version->text = g_steal_pointer (&own);
      _tayori_sns_composer_changed (self, target);
    }
  fill_editors (self);
}


/* Loading an article's texts */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TayoriStore *store = tayori_sns_service_get_store (TAYORI_SNS_COMPOSER (source_object)->service);
  GError *error = NULL;
  GPtrArray *versions = tayori_sns_versions_load (store, *(gint64 *) task_data, &error);

  if (versions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, versions, (GDestroyNotify) g_ptr_array_unref);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (object);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  versions = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (versions == NULL)
    {
      _tayori_sns_composer_toast (self, error->message);
      return;
    }
  g_ptr_array_set_size (self->versions, 0);
  for (guint i = 0; i < versions->len; i++)
    g_ptr_array_add (self->versions, _tayori_sns_composer_version_copy (g_ptr_array_index (versions, i)));
  fill_editors (self);
  _tayori_sns_composer_fill_image (self);
  _tayori_sns_composer_schedule_preview (self);
  _tayori_sns_composer_update_send (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paned), TRUE);
}

void
tayori_sns_composer_set_article (TayoriSnsComposer *self,
                                 TayoriArticle     *article)
{
  g_autoptr(GTask) task = NULL;
  gint64 *id;

  g_return_if_fail (TAYORI_IS_SNS_COMPOSER (self));
  g_return_if_fail (article == NULL || TAYORI_IS_ARTICLE (article));

  _tayori_sns_composer_save_now (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->article, article);
  g_signal_group_set_target (self->article_signals, article);
  g_ptr_array_set_size (self->versions, 0);
  _tayori_sns_composer_clear_progress (self);
  g_hash_table_remove_all (self->schedules);
  fill_editors (self);
  _tayori_sns_composer_fill_hashtags (self);
  _tayori_sns_composer_fill_accounts (self);
  _tayori_sns_composer_fill_url (self);
  _tayori_sns_composer_fill_image (self);
  _tayori_sns_composer_reload_history (self);
  _tayori_sns_composer_update_send (self);
  /* Until its stored texts are in, edits would be lost when they arrive */
  gtk_widget_set_sensitive (GTK_WIDGET (self->paned), FALSE);
  if (article == NULL || tayori_article_get_id (article) == 0 || tayori_sns_service_get_store (self->service) == NULL)
    return;

  id = g_new (gint64, 1);
  *id = tayori_article_get_id (article);
  task = g_task_new (self, self->cancellable, loaded_cb, NULL);
  g_task_set_task_data (task, id, g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_thread);
}

void
_tayori_sns_composer_toast (TayoriSnsComposer *self,
                            const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

/* GObject */

enum {
  PROP_0,
  PROP_PREVIEW_NETWORK,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
tayori_sns_composer_new (TayoriSnsService *service)
{
  TayoriSnsComposer *self;

  g_return_val_if_fail (TAYORI_IS_SNS_SERVICE (service), NULL);

  self = g_object_new (TAYORI_TYPE_SNS_COMPOSER, NULL);
  self->service = g_object_ref (service);
  _tayori_sns_composer_setup_send (self);
  return GTK_WIDGET (self);
}

static void
tayori_sns_composer_dispose (GObject *object)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (object);

  if (self->service != NULL)
    _tayori_sns_composer_save_now (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  g_clear_handle_id (&self->history_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_SNS_COMPOSER);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->article);
  g_clear_object (&self->service);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (tayori_sns_composer_parent_class)->dispose (object);
}

static void
tayori_sns_composer_finalize (GObject *object)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (object);

  g_ptr_array_unref (self->versions);
  g_ptr_array_unref (self->accounts);
  g_ptr_array_unref (self->account_rows);
  g_hash_table_unref (self->dirty);
  g_hash_table_unref (self->unchecked);
  g_hash_table_unref (self->progress_rows);
  g_hash_table_unref (self->posted);
  g_hash_table_unref (self->schedules);
  g_hash_table_unref (self->limits_asked);
  g_free (self->image_hash);
  g_free (self->image_uri);
  g_free (self->preview_network);

  G_OBJECT_CLASS (tayori_sns_composer_parent_class)->finalize (object);
}

static void
tayori_sns_composer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (object);

  switch (prop_id)
    {
    case PROP_PREVIEW_NETWORK:
      g_value_set_string (value, self->preview_network);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_sns_composer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (object);
  TayoriPostNetwork network;

  switch (prop_id)
    {
    case PROP_PREVIEW_NETWORK:
      if (!tayori_post_network_from_string (g_value_get_string (value), &network) ||
          g_strcmp0 (self->preview_network, g_value_get_string (value)) == 0)
        break;
      g_free (self->preview_network);
      self->preview_network = g_value_dup_string (value);
      _tayori_sns_composer_schedule_preview (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_sns_composer_class_init (TayoriSnsComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_sns_composer_dispose;
  object_class->finalize = tayori_sns_composer_finalize;
  object_class->get_property = tayori_sns_composer_get_property;
  object_class->set_property = tayori_sns_composer_set_property;

  /* "x", "bluesky", "mastodon" or "line": the network the preview shows */
  properties[PROP_PREVIEW_NETWORK] =
    g_param_spec_string ("preview-network", NULL, NULL, "x",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TAYORI_TYPE_SNS_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tayori/Tayori/sns/tayori-sns-composer.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, paned);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, editors_box);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, hashtag_box);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, hashtags);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, image_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, image_picture);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, alt_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, url_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, background_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, gate_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, progress_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, progress_list);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, history_list);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsComposer, preview);

  gtk_widget_class_install_action (widget_class, "sns.draft", NULL, draft_action);
  gtk_widget_class_install_property_action (widget_class, "sns.preview-network", "preview-network");
  _tayori_sns_composer_class_add_send_actions (widget_class);
  _tayori_sns_composer_class_add_account_actions (widget_class);
}

static void
tayori_sns_composer_init (TayoriSnsComposer *self)
{
  self->preview_network = g_strdup ("x");
  self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_sns_version_free);
  self->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_account_free);
  self->account_rows = g_ptr_array_new ();
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unchecked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->progress_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->posted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->schedules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
  self->limits_asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  tayori_style_load_resource (GTK_WIDGET (self), "/io/github/tayori/Tayori/sns/sns.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->article_signals = g_signal_group_new (TAYORI_TYPE_ARTICLE);
  g_signal_group_connect_swapped (self->article_signals, "notify::status",
                                  G_CALLBACK (_tayori_sns_composer_status_changed), self);
  g_signal_group_connect_swapped (self->article_signals, "notify::thumbnail",
                                  G_CALLBACK (_tayori_sns_composer_fill_image), self);
  g_signal_group_connect_swapped (self->article_signals, "notify::title",
                                  G_CALLBACK (_tayori_sns_composer_schedule_preview), self);
  add_editor (self, &self->base_editor, -1, _("Base Text"));
  for (guint n = 0; n < N_NETWORKS; n++)
    add_editor (self, &self->editors[n], (int) n, network_titles[n]);
  g_signal_connect_object (self->alt_row, "changed", G_CALLBACK (_tayori_sns_composer_alt_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->url_row, "changed", G_CALLBACK (_tayori_sns_composer_schedule_preview), self,
                           G_CONNECT_SWAPPED);
}
