/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application's post queue and the person's identity for posting; asks for background
 * running as soon as a job waits for a later time, and says so when that is not possible. */
#define G_LOG_DOMAIN "tayori-sns"

#include <glib/gi18n.h>

#include "tayori-cms-service.h"
#include "tayori-sns-background.h"
#include "tayori-sns-service.h"
#include "tayori-default-slot.h"

struct _TayoriSnsService
{
  GObject          parent_instance;

  TayoriPreset    *preset;
  GSettings       *settings;
  TayoriStore     *store;
  TayoriPostQueue *queue;
  GStrv            roles;            /* the preset's [posting] roles */
  GStrv            effective_roles;  /* those, plus role:editor for a CMS reviewer */
  char            *actor;
  char            *background_problem;
  GCancellable    *cancellable;
  guint            background_asked : 1;
  guint            effective_reviewer : 1;
};

enum {
  PROP_0,
  PROP_BACKGROUND_PROBLEM,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];
static TayoriSnsService *default_service;

G_DEFINE_FINAL_TYPE (TayoriSnsService, tayori_sns_service, G_TYPE_OBJECT)

static void
set_background_problem (TayoriSnsService *self,
                        const char       *problem)
{
  if (g_strcmp0 (self->background_problem, problem) == 0)
    return;
  g_free (self->background_problem);
  self->background_problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKGROUND_PROBLEM]);
}

static void
background_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TayoriSnsService) self = user_data;
  g_autoptr(GError) error = NULL;

  if (tayori_sns_background_request_finish (result, &error))
    set_background_problem (self, NULL);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_background_problem (self, error->message);
}

/* Once per run: the portal remembers the answer for the session */
static void
job_changed_cb (TayoriSnsService *self,
                TayoriPostJob    *job)
{
  if (self->background_asked || job->state != TAYORI_POST_JOB_PENDING || job->scheduled_at == NULL)
    return;
  self->background_asked = TRUE;
  tayori_sns_background_request_async (_("Scheduled social media posts are sent at their time"),
                                       self->cancellable, background_cb, g_object_ref (self));
}

void
tayori_sns_service_set_store (TayoriSnsService *self,
                              TayoriStore      *store)
{
  g_return_if_fail (TAYORI_IS_SNS_SERVICE (self));
  g_return_if_fail (TAYORI_IS_STORE (store));

  if (self->queue != NULL)
    return;
  self->store = g_object_ref (store);
  self->queue = tayori_post_queue_new (store, self->preset);
  g_signal_connect_object (self->queue, "job-changed", G_CALLBACK (job_changed_cb), self, G_CONNECT_SWAPPED);
  tayori_post_queue_start (self->queue);
}

TayoriStore *
tayori_sns_service_get_store (TayoriSnsService *self)
{
  g_return_val_if_fail (TAYORI_IS_SNS_SERVICE (self), NULL);
  return self->store;
}

TayoriPostQueue *
tayori_sns_service_get_queue (TayoriSnsService *self)
{
  g_return_val_if_fail (TAYORI_IS_SNS_SERVICE (self), NULL);
  return self->queue;
}

TayoriPreset *
tayori_sns_service_get_preset (TayoriSnsService *self)
{
  g_return_val_if_fail (TAYORI_IS_SNS_SERVICE (self), NULL);
  return self->preset;
}

/* The application's one sync engine (the CMS service's): a second one would run a second
 * outbox over the same table */
TayoriCmsSync *
tayori_sns_service_get_cms_sync (TayoriSnsService *self)
{
  TayoriCmsService *cms = tayori_cms_service_get_default ();
  g_autoptr(GPtrArray) sites = NULL;

  g_return_val_if_fail (TAYORI_IS_SNS_SERVICE (self), NULL);

  if (cms == NULL || tayori_cms_service_get_sync (cms) == NULL)
    return NULL;
  sites = tayori_cms_service_dup_accounts (cms);
  return sites != NULL && sites->len > 0 ? tayori_cms_service_get_sync (cms) : NULL;
}

void
tayori_sns_service_offer_posts (TayoriSnsService *self,
                                TayoriArticle    *article)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (TAYORI_IS_SNS_SERVICE (self));
  g_return_if_fail (TAYORI_IS_ARTICLE (article));

  if (app == NULL)
    return;
  notification = g_notification_new (_("Emergency Notice Approved"));
  /* TRANSLATORS: %s is the notice's title */
  body = g_strdup_printf (_("The posts of “%s” are ready: press “Post to All” in its SNS tab."),
                          tayori_article_get_title (article));
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_URGENT);
  id = g_strdup_printf ("emergency-approved-%" G_GINT64_FORMAT, tayori_article_get_id (article));
  g_application_send_notification (app, id, notification);
}

const char *
tayori_sns_service_get_actor (TayoriSnsService *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (TAYORI_IS_SNS_SERVICE (self), NULL);

  name = g_settings_get_string (self->settings, "author-name");
  g_free (self->actor);
  self->actor = *name != '\0' ? g_steal_pointer (&name) : g_strdup (g_get_user_name ());
  return self->actor;
}

/* The preset's roles, and role:editor when the person's CMS account can review articles (the
 * CMS decides who is an editor; the preset may add roles for this machine). */
const char * const *
tayori_sns_service_get_roles (TayoriSnsService *self)
{
  TayoriCmsService *cms = tayori_cms_service_get_default ();
  gboolean reviewer = cms != NULL && tayori_cms_service_get_can_review (cms);
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (TAYORI_IS_SNS_SERVICE (self), NULL);
  /* rebuilt only when the CMS answer changed, so earlier results stay valid */
  if (self->effective_roles != NULL && self->effective_reviewer == reviewer)
    return (const char * const *) self->effective_roles;
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) self->roles);
  if (reviewer && !g_strv_contains ((const char * const *) self->roles, "role:editor"))
    g_strv_builder_add (builder, "role:editor");
  g_strfreev (self->effective_roles);
  self->effective_roles = g_strv_builder_end (builder);
  self->effective_reviewer = reviewer;
  return (const char * const *) self->effective_roles;
}

gboolean
tayori_sns_service_is_editor (TayoriSnsService *self)
{
  g_return_val_if_fail (TAYORI_IS_SNS_SERVICE (self), FALSE);
  return g_strv_contains (tayori_sns_service_get_roles (self), "role:editor");
}

const char *
tayori_sns_service_get_background_problem (TayoriSnsService *self)
{
  g_return_val_if_fail (TAYORI_IS_SNS_SERVICE (self), NULL);
  return self->background_problem;
}

static GStrv
roles_from_preset (TayoriPreset *preset)
{
  g_autoptr(GKeyFile) keyfile = tayori_preset_dup_groups (preset, "posting", "posting:");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = g_key_file_get_string_list (keyfile, "posting", "roles", NULL, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *role = g_strconcat ("role:", g_strstrip (names[i]), NULL);

      if (role[5] != '\0')
        g_strv_builder_add (builder, role);
    }
  return g_strv_builder_end (builder);
}

TayoriSnsService *
tayori_sns_service_new (TayoriPreset *preset,
                        GSettings    *settings)
{
  TayoriSnsService *self;

  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TAYORI_TYPE_SNS_SERVICE, NULL);
  self->preset = g_object_ref (preset);
  self->settings = g_object_ref (settings);
  self->roles = roles_from_preset (preset);
  return self;
}

TayoriSnsService *
tayori_sns_service_get_default (void)
{
  return default_service;
}

void
tayori_sns_service_set_default (TayoriSnsService *service)
{
  g_return_if_fail (service == NULL || TAYORI_IS_SNS_SERVICE (service));

  tayori_default_slot_set ((gpointer *) &default_service, service);
}

static void
tayori_sns_service_dispose (GObject *object)
{
  TayoriSnsService *self = TAYORI_SNS_SERVICE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->queue != NULL)
    tayori_post_queue_stop (self->queue);
  g_clear_object (&self->queue);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->preset);

  G_OBJECT_CLASS (tayori_sns_service_parent_class)->dispose (object);
}

static void
tayori_sns_service_finalize (GObject *object)
{
  TayoriSnsService *self = TAYORI_SNS_SERVICE (object);

  g_clear_object (&self->cancellable);
  g_strfreev (self->roles);
  g_strfreev (self->effective_roles);
  g_free (self->actor);
  g_free (self->background_problem);

  G_OBJECT_CLASS (tayori_sns_service_parent_class)->finalize (object);
}

static void
tayori_sns_service_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TayoriSnsService *self = TAYORI_SNS_SERVICE (object);

  switch (prop_id)
    {
    case PROP_BACKGROUND_PROBLEM:
      g_value_set_string (value, self->background_problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_sns_service_class_init (TayoriSnsServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tayori_sns_service_dispose;
  object_class->finalize = tayori_sns_service_finalize;
  object_class->get_property = tayori_sns_service_get_property;

  properties[PROP_BACKGROUND_PROBLEM] =
    g_param_spec_string ("background-problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tayori_sns_service_init (TayoriSnsService *self)
{
  self->cancellable = g_cancellable_new ();
}
