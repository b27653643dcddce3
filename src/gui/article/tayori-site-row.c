/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSiteRow: the model holds the CMS accounts' labels in the accounts' order; the target
 * comes from the article's CMS link (local), the categories from the sync engine's cached
 * terms, so the form keeps the preset's list until they arrive and when the site is offline. */
#include <glib/gi18n.h>

#include "tayori-cms-service.h"
#include "tayori-site-row.h"

struct _TayoriSiteRow
{
  AdwComboRow parent_instance;

  TayoriArticle *article;
  GPtrArray *accounts;
  char *account;
  char **categories;
  GCancellable *cancellable;        /* the article's target */
  GCancellable *terms_cancellable;  /* the site's categories */
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (TayoriSiteRow, tayori_site_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_CATEGORIES,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static TayoriCmsSync *
service_sync (void)
{
  TayoriCmsService *service = tayori_cms_service_get_default ();

  return service != NULL ? tayori_cms_service_get_sync (service) : NULL;
}

static gint64
article_id (TayoriSiteRow *self)
{
  return self->article != NULL ? tayori_article_get_id (self->article) : 0;
}

static void
renew (GCancellable **cancellable)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

/* Categories */

static void
set_categories (TayoriSiteRow *self,
                char         **categories)
{
  g_strfreev (self->categories);
  self->categories = categories;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORIES]);
}

static void
categories_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TayoriSiteRow) self = user_data;
  g_autoptr(GError) error = NULL;
  GStrv categories = tayori_cms_sync_target_categories_finish (TAYORI_CMS_SYNC (source), result, &error);

  /* Offline or refused: the preset's list is still there, nothing to tell */
  if (categories != NULL)
    set_categories (self, categories);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The site's categories are not known: %s", error->message);
}

/* Follows @account; the categories are asked for again when it changed or were not known. */
static void
set_account (TayoriSiteRow *self,
             const char    *account)
{
  TayoriCmsSync *sync = service_sync ();
  gboolean changed = g_strcmp0 (self->account, account) != 0;

  if (changed)
    {
      g_free (self->account);
      self->account = g_strdup (account);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
      if (self->categories != NULL)
        set_categories (self, NULL);
    }
  if ((!changed && self->categories != NULL) || account == NULL || sync == NULL || article_id (self) == 0)
    return;
  renew (&self->terms_cancellable);
  tayori_cms_sync_target_categories_async (sync, article_id (self), self->terms_cancellable,
                                           categories_cb, g_object_ref (self));
}

/* Target */

static guint
find_account (TayoriSiteRow *self,
              const char    *name)
{
  for (guint i = 0; name != NULL && i < self->accounts->len; i++)
    if (g_strcmp0 (((TayoriAccount *) g_ptr_array_index (self->accounts, i))->name, name) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Shows @account chosen (the first site when NULL or gone) and follows it. */
static void
show_target (TayoriSiteRow *self,
             const char    *account,
             gboolean       on_site)
{
  guint position = find_account (self, account);

  if (position == GTK_INVALID_LIST_POSITION && self->accounts->len > 0)
    position = 0;
  self->syncing = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), !on_site && article_id (self) > 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), on_site ? _("Already sent to this site; it cannot change") : "");
  set_account (self, position != GTK_INVALID_LIST_POSITION
                     ? ((TayoriAccount *) g_ptr_array_index (self->accounts, position))->name : NULL);
}

static void
status_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TayoriSiteRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriCmsSyncStatus) status = tayori_cms_sync_status_finish (TAYORI_CMS_SYNC (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_warning ("The article's site could not be read: %s", error->message);
  show_target (self, status != NULL ? status->account : NULL, status != NULL && status->remote_id != 0);
}

static void
refresh (TayoriSiteRow *self)
{
  TayoriCmsSync *sync = service_sync ();

  renew (&self->cancellable);
  if (sync == NULL || article_id (self) == 0)
    show_target (self, NULL, FALSE);
  else
    tayori_cms_sync_status_async (sync, article_id (self), self->cancellable, status_cb, g_object_ref (self));
}

static void
target_set_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TayoriSiteRow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (tayori_cms_sync_set_target_finish (TAYORI_CMS_SYNC (source), result, &error))
    refresh (self);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Back to the site it was, saying why */
      show_target (self, self->account, FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), error->message);
    }
}

static void
selected_changed_cb (TayoriSiteRow *self)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  TayoriCmsSync *sync = service_sync ();
  const TayoriAccount *account;

  if (self->syncing || sync == NULL || position >= self->accounts->len || article_id (self) == 0)
    return;
  account = g_ptr_array_index (self->accounts, position);
  if (g_strcmp0 (account->name, self->account) == 0)
    return;
  renew (&self->cancellable);
  tayori_cms_sync_set_target_async (sync, article_id (self), account->name, self->cancellable,
                                    target_set_cb, g_object_ref (self));
}

static void
reload_accounts (TayoriSiteRow *self)
{
  TayoriCmsService *service = tayori_cms_service_get_default ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  self->accounts = service != NULL ? tayori_cms_service_dup_accounts (service)
                                   : g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_account_free);
  for (guint i = 0; i < self->accounts->len; i++)
    {
      const TayoriAccount *account = g_ptr_array_index (self->accounts, i);

      gtk_string_list_append (labels, account->label != NULL && *account->label != '\0'
                                      ? account->label : account->name);
    }
  self->syncing = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (labels));
  self->syncing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self), self->accounts->len >= 2);
  refresh (self);
}

static void
article_changed_cb (TayoriSiteRow *self,
                    gint64         id)
{
  if (id != 0 && id == article_id (self))
    refresh (self);
}

void
tayori_site_row_set_article (TayoriSiteRow *self,
                             TayoriArticle *article)
{
  g_return_if_fail (TAYORI_IS_SITE_ROW (self));
  g_return_if_fail (article == NULL || TAYORI_IS_ARTICLE (article));

  if (g_set_object (&self->article, article))
    refresh (self);
}

const char *
tayori_site_row_get_account (TayoriSiteRow *self)
{
  g_return_val_if_fail (TAYORI_IS_SITE_ROW (self), NULL);
  return self->account;
}

const char * const *
tayori_site_row_get_categories (TayoriSiteRow *self)
{
  g_return_val_if_fail (TAYORI_IS_SITE_ROW (self), NULL);
  return (const char * const *) self->categories;
}

static void
tayori_site_row_dispose (GObject *object)
{
  TayoriSiteRow *self = TAYORI_SITE_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->terms_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->terms_cancellable);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (tayori_site_row_parent_class)->dispose (object);
}

static void
tayori_site_row_finalize (GObject *object)
{
  TayoriSiteRow *self = TAYORI_SITE_ROW (object);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_strfreev);
  g_free (self->account);

  G_OBJECT_CLASS (tayori_site_row_parent_class)->finalize (object);
}

static void
tayori_site_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TayoriSiteRow *self = TAYORI_SITE_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:    g_value_set_string (value, self->account); break;
    case PROP_CATEGORIES: g_value_set_boxed (value, self->categories); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_site_row_class_init (TayoriSiteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tayori_site_row_dispose;
  object_class->finalize = tayori_site_row_finalize;
  object_class->get_property = tayori_site_row_get_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORIES] =
    g_param_spec_boxed ("categories", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tayori_site_row_init (TayoriSiteRow *self)
{
  TayoriCmsService *service = tayori_cms_service_get_default ();

  self->cancellable = g_cancellable_new ();
  self->terms_cancellable = g_cancellable_new ();
  g_signal_connect (self, "notify::selected", G_CALLBACK (selected_changed_cb), NULL);
  if (service != NULL)
    {
      g_signal_connect_object (service, "accounts-changed", G_CALLBACK (reload_accounts), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (service, "article-changed", G_CALLBACK (article_changed_cb), self, G_CONNECT_SWAPPED);
    }
  reload_accounts (self);
}
