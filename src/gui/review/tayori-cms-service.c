/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCmsService: one per application. Pulls "mine", the review queue and the published
 * posts at start and every five minutes; an article of mine that came back returned brings a
 * notification, a badge count and a refresh of the local copy (its status and note). */
#define G_LOG_DOMAIN "tayori-cms-service"

#include <glib/gi18n.h>
#include <string.h>

#include "tayori-cms-error.h"
#include "tayori-cms-reviewer.h"
#include "tayori-cms-service.h"
#include "tayori-publish-time.h"
#include "tayori-default-slot.h"

#define REFRESH_SECONDS (5 * 60)

struct _TayoriCmsService
{
  GObject        parent_instance;

  TayoriPreset  *preset;
  TayoriStore   *store;
  TayoriCmsSync *sync;
  GCancellable  *cancellable;
  GPtrArray     *queue;      /* TayoriCmsRemoteItem */
  GPtrArray     *returned;
  GPtrArray     *expired;
  GHashTable    *notified;   /* "account:remote id" of returns already announced */
  guint          refresh_id;
  guint          pulling;    /* pulls of the current refresh still out */
  GCancellable  *checking;   /* the accounts' reviewer checks under way */
  gboolean       can_review;
};

G_DEFINE_FINAL_TYPE (TayoriCmsService, tayori_cms_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUEUE_COUNT,
  PROP_RETURNED_COUNT,
  PROP_EXPIRED_COUNT,
  PROP_CAN_REVIEW,
  N_PROPS,
};

enum {
  LISTS_CHANGED,
  ACCOUNTS_CHANGED,
  ARTICLE_CHANGED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static TayoriCmsService *default_service;

static GPtrArray *
empty_list (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_remote_item_free);
}

/* A published post whose publish window has ended: a bare end date still counts its day. */
static gboolean
is_expired (const TayoriCmsRemoteItem *item,
            GDateTime                 *now)
{
  g_autoptr(GDateTime) given = tayori_publish_time_to_date_time (item->publish_end);
  g_autoptr(GDateTime) end = NULL;

  if (given == NULL)
    return FALSE;
  end = strchr (item->publish_end, 'T') != NULL ? g_date_time_ref (given) : g_date_time_add_days (given, 1);
  return g_date_time_compare (end, now) < 0;
}

/* Submitted once and back to draft: the plugin's return puts the post there. */
static gboolean
is_returned (const TayoriCmsRemoteItem *item)
{
  return g_strcmp0 (item->status, "draft") == 0 && item->submitted_at != NULL;
}

static void
refreshed_local_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TayoriCmsService) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = tayori_cms_sync_open_remote_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (id <= 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("A returned article was not refreshed: %s", error->message);
      return;
    }
  g_signal_emit (self, signals[ARTICLE_CHANGED], 0, id);
}

static void
announce_return (TayoriCmsService          *self,
                 const TayoriCmsRemoteItem *item)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, item->account, item->remote_id);
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;
  GApplication *app = g_application_get_default ();

  if (g_hash_table_contains (self->notified, key))
    return;
  g_hash_table_add (self->notified, g_steal_pointer (&key));

  /* The local copy takes the return's status and note */
  tayori_cms_sync_open_remote_async (self->sync, item->account, item->remote_id, self->cancellable,
                                     refreshed_local_cb, g_object_ref (self));
  if (app == NULL)
    return;
  notification = g_notification_new (_("An Article Was Returned"));
  g_notification_set_body (notification, item->title);
  id = g_strdup_printf ("returned-%s-%" G_GINT64_FORMAT, item->account, item->remote_id);
  g_application_send_notification (app, id, notification);
}

static void
set_list (TayoriCmsService *self,
          GPtrArray       **list,
          GPtrArray        *items,
          guint             prop)
{
  guint before = (*list)->len;

  g_ptr_array_unref (*list);
  *list = items;
  if (before != items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

typedef struct {
  TayoriCmsService *self;
  TayoriCmsScope    scope;
} Pull;

static void
pulled_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Pull *pull = user_data;
  g_autoptr(TayoriCmsService) self = pull->self;
  TayoriCmsScope scope = pull->scope;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GPtrArray *kept = empty_list ();

  g_free (pull);
  items = tayori_cms_sync_pull_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_ptr_array_unref (kept);
      return;
    }
  /* A contributor may not list the review queue: that list is simply empty for them */
  if (items == NULL && !g_error_matches (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_FORBIDDEN))
    g_message ("CMS pull failed: %s", error->message);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      TayoriCmsRemoteItem *item = g_ptr_array_index (items, i);

      if ((scope == TAYORI_CMS_SCOPE_MINE && is_returned (item)) ||
          (scope == TAYORI_CMS_SCOPE_PUBLISHED && is_expired (item, now)) ||
          scope == TAYORI_CMS_SCOPE_PENDING_REVIEW)
        g_ptr_array_add (kept, g_ptr_array_steal_index (items, i--));
    }

  if (scope == TAYORI_CMS_SCOPE_MINE)
    {
      for (guint i = 0; i < kept->len; i++)
        announce_return (self, g_ptr_array_index (kept, i));
      set_list (self, &self->returned, kept, PROP_RETURNED_COUNT);
    }
  else if (scope == TAYORI_CMS_SCOPE_PENDING_REVIEW)
    set_list (self, &self->queue, kept, PROP_QUEUE_COUNT);
  else
    set_list (self, &self->expired, kept, PROP_EXPIRED_COUNT);

  if (--self->pulling == 0)
    g_signal_emit (self, signals[LISTS_CHANGED], 0);
}

void
tayori_cms_service_refresh (TayoriCmsService *self)
{
  static const TayoriCmsScope scopes[] = {
    TAYORI_CMS_SCOPE_MINE, TAYORI_CMS_SCOPE_PENDING_REVIEW, TAYORI_CMS_SCOPE_PUBLISHED,
  };
  g_autoptr(GPtrArray) accounts = NULL;

  g_return_if_fail (TAYORI_IS_CMS_SERVICE (self));

  accounts = tayori_cms_service_dup_accounts (self);
  if (self->sync == NULL || accounts->len == 0 || self->pulling > 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      Pull *pull = g_new0 (Pull, 1);

      pull->self = g_object_ref (self);
      pull->scope = scopes[i];
      self->pulling++;
      tayori_cms_sync_pull_async (self->sync, NULL, scopes[i], self->cancellable, pulled_cb, pull);
    }
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  tayori_cms_service_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
outbox_item_changed_cb (TayoriCmsService *self,
                        TayoriOutboxItem *item)
{
  g_signal_emit (self, signals[ARTICLE_CHANGED], 0, item->article_id);
}

TayoriCmsService *
tayori_cms_service_new (TayoriPreset *preset)
{
  TayoriCmsService *self;

  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  self = g_object_new (TAYORI_TYPE_CMS_SERVICE, NULL);
  self->preset = g_object_ref (preset);
  return self;
}

TayoriCmsService *
tayori_cms_service_get_default (void)
{
  return default_service;
}

void
tayori_cms_service_set_default (TayoriCmsService *service)
{
  g_return_if_fail (service == NULL || TAYORI_IS_CMS_SERVICE (service));

  tayori_default_slot_set ((gpointer *) &default_service, service);
}

static void
reviewer_checked_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TayoriCmsService) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tayori_cms_reviewer_check_finish (TAYORI_CMS_SYNC (source), result, &error))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not ask the CMS about the user's role: %s", error->message);
      return;
    }
  if (self->can_review)
    return;
  self->can_review = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REVIEW]);
}

/* The review entries show once one of the accounts can review */
static void
check_reviewer (TayoriCmsService *self)
{
  g_autoptr(GPtrArray) accounts = tayori_cms_service_dup_accounts (self);

  g_cancellable_cancel (self->checking);
  g_set_object (&self->checking, g_cancellable_new ());
  if (self->can_review)
    {
      self->can_review = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REVIEW]);
    }
  for (guint i = 0; self->sync != NULL && i < accounts->len; i++)
    tayori_cms_reviewer_check_async (self->sync, g_ptr_array_index (accounts, i), self->checking,
                                     reviewer_checked_cb, g_object_ref (self));
}

void
tayori_cms_service_set_store (TayoriCmsService *self,
                              TayoriStore      *store)
{
  g_return_if_fail (TAYORI_IS_CMS_SERVICE (self));
  g_return_if_fail (TAYORI_IS_STORE (store));

  if (self->store != NULL)
    return;

  self->store = g_object_ref (store);
  self->sync = tayori_cms_sync_new (store, self->preset);
  g_signal_connect_object (tayori_cms_sync_get_outbox (self->sync), "item-changed",
                           G_CALLBACK (outbox_item_changed_cb), self, G_CONNECT_SWAPPED);
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_timeout_cb, self);
  check_reviewer (self);
  tayori_cms_service_refresh (self);
}

TayoriStore *
tayori_cms_service_get_store (TayoriCmsService *self)
{
  g_return_val_if_fail (TAYORI_IS_CMS_SERVICE (self), NULL);
  return self->store;
}

TayoriPreset *
tayori_cms_service_get_preset (TayoriCmsService *self)
{
  g_return_val_if_fail (TAYORI_IS_CMS_SERVICE (self), NULL);
  return self->preset;
}

TayoriCmsSync *
tayori_cms_service_get_sync (TayoriCmsService *self)
{
  g_return_val_if_fail (TAYORI_IS_CMS_SERVICE (self), NULL);
  return self->sync;
}

GPtrArray *
tayori_cms_service_dup_accounts (TayoriCmsService *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *accounts;

  g_return_val_if_fail (TAYORI_IS_CMS_SERVICE (self), NULL);

  accounts = tayori_accounts_load (self->preset, TAYORI_ACCOUNT_CMS, &error);
  if (error != NULL)
    g_warning ("CMS accounts: %s", error->message);
  return accounts;
}

void
tayori_cms_service_accounts_changed (TayoriCmsService *self)
{
  g_return_if_fail (TAYORI_IS_CMS_SERVICE (self));

  check_reviewer (self);
  g_signal_emit (self, signals[ACCOUNTS_CHANGED], 0);
  tayori_cms_service_refresh (self);
}

gboolean
tayori_cms_service_get_can_review (TayoriCmsService *self)
{
  g_return_val_if_fail (TAYORI_IS_CMS_SERVICE (self), FALSE);
  return self->can_review;
}

GPtrArray *
tayori_cms_service_get_queue (TayoriCmsService *self)
{
  g_return_val_if_fail (TAYORI_IS_CMS_SERVICE (self), NULL);
  return self->queue;
}

GPtrArray *
tayori_cms_service_get_returned (TayoriCmsService *self)
{
  g_return_val_if_fail (TAYORI_IS_CMS_SERVICE (self), NULL);
  return self->returned;
}

GPtrArray *
tayori_cms_service_get_expired (TayoriCmsService *self)
{
  g_return_val_if_fail (TAYORI_IS_CMS_SERVICE (self), NULL);
  return self->expired;
}

static void
tayori_cms_service_dispose (GObject *object)
{
  TayoriCmsService *self = TAYORI_CMS_SERVICE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->sync != NULL)
    tayori_outbox_stop (tayori_cms_sync_get_outbox (self->sync));
  g_clear_object (&self->sync);
  g_clear_object (&self->store);
  g_clear_object (&self->preset);

  G_OBJECT_CLASS (tayori_cms_service_parent_class)->dispose (object);
}

static void
tayori_cms_service_finalize (GObject *object)
{
  TayoriCmsService *self = TAYORI_CMS_SERVICE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->returned, g_ptr_array_unref);
  g_clear_pointer (&self->expired, g_ptr_array_unref);
  g_clear_pointer (&self->notified, g_hash_table_unref);

  G_OBJECT_CLASS (tayori_cms_service_parent_class)->finalize (object);
}

static void
tayori_cms_service_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TayoriCmsService *self = TAYORI_CMS_SERVICE (object);

  switch (prop_id)
    {
    case PROP_QUEUE_COUNT:    g_value_set_uint (value, self->queue->len); break;
    case PROP_RETURNED_COUNT: g_value_set_uint (value, self->returned->len); break;
    case PROP_EXPIRED_COUNT:  g_value_set_uint (value, self->expired->len); break;
    case PROP_CAN_REVIEW:     g_value_set_boolean (value, self->can_review); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_cms_service_class_init (TayoriCmsServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tayori_cms_service_dispose;
  object_class->finalize = tayori_cms_service_finalize;
  object_class->get_property = tayori_cms_service_get_property;

  properties[PROP_QUEUE_COUNT] = g_param_spec_uint ("queue-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_RETURNED_COUNT] = g_param_spec_uint ("returned-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_EXPIRED_COUNT] = g_param_spec_uint ("expired-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CAN_REVIEW] = g_param_spec_boolean ("can-review", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LISTS_CHANGED] =
    g_signal_new ("lists-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACCOUNTS_CHANGED] =
    g_signal_new ("accounts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ARTICLE_CHANGED] =
    g_signal_new ("article-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
tayori_cms_service_init (TayoriCmsService *self)
{
  self->cancellable = g_cancellable_new ();
  self->queue = empty_list ();
  self->returned = empty_list ();
  self->expired = empty_list ();
  self->notified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
