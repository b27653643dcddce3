/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Background portal request: RequestBackground with autostart, then the answer on the
 * portal's Request object (subscribed to before the call, so it cannot be missed). */
#include <glib/gi18n.h>

#include "tayori-sns-background.h"

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"

typedef struct {
  GDBusConnection *bus;
  guint            response_id;
  char            *reason;
  gboolean         replied;    /* the call's reply and the Response signal may come in */
  gboolean         responded;  /* either order: the call's reference goes after both */
} Request;

static void
request_free (Request *request)
{
  if (request->response_id != 0)
    g_dbus_connection_signal_unsubscribe (request->bus, request->response_id);
  g_clear_object (&request->bus);
  g_free (request->reason);
  g_free (request);
}

static const char *
no_portal_message (void)
{
  return _("No background service is available on this desktop: scheduled posts are sent only while Tayori is open.");
}

static void
response_cb (GDBusConnection *bus,
             const char      *sender,
             const char      *path,
             const char      *interface,
             const char      *signal,
             GVariant        *parameters,
             gpointer         user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  guint32 response = 2;
  gboolean background = FALSE;

  if (request->responded)
    return;
  request->responded = TRUE;
  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &background);
  if (response == 0 && background)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("Running in the background was not allowed: scheduled posts are sent only while Tayori is open."));
  if (request->replied)
    g_object_unref (task);
}

static void
called_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GVariant) reply = NULL;

  request->replied = TRUE;
  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, NULL);
  if (reply == NULL && !request->responded)
    {
      request->responded = TRUE;
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s", no_portal_message ());
    }
  /* Without a reply no Response comes; with one, the Response keeps the task until it arrives */
  if (reply == NULL || request->responded)
    g_object_unref (task);
}

static void
bus_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *handle = NULL;
  g_autoptr(GPtrArray) commandline = g_ptr_array_new ();
  GVariantBuilder options;

  request->bus = g_bus_get_finish (result, &error);
  if (request->bus == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s", no_portal_message ());
      return;
    }

  token = g_strdup_printf ("tayori%u", g_random_int ());
  sender = g_strdelimit (g_strdup (g_dbus_connection_get_unique_name (request->bus) + 1), ".", '_');
  handle = g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender, token);
  request->response_id =
    g_dbus_connection_signal_subscribe (request->bus, PORTAL_NAME, "org.freedesktop.portal.Request",
                                        "Response", handle, NULL, G_DBUS_SIGNAL_FLAGS_NO_MATCH_RULE,
                                        response_cb, task, NULL);

  g_ptr_array_add (commandline, (gpointer) "tayori");
  g_ptr_array_add (commandline, NULL);
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason", g_variant_new_string (request->reason));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&options, "{sv}", "commandline",
                         g_variant_new_strv ((const char * const *) commandline->pdata, -1));
  g_dbus_connection_call (request->bus, PORTAL_NAME, PORTAL_PATH, "org.freedesktop.portal.Background",
                          "RequestBackground", g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          g_task_get_cancellable (task), called_cb, g_object_ref (task));
}

void
tayori_sns_background_request_async (const char          *reason,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->reason = g_strdup (reason);
  g_task_set_source_tag (task, tayori_sns_background_request_async);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_cb, task);
}

gboolean
tayori_sns_background_request_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
