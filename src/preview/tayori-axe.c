/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the bundled axe-core on what a web view shows: injected once per page into our own
 * script world (page content cannot see or change it), switched to Japanese, then run from
 * axe-run.js, whose compact results become findings (tayori-axe-findings.c). */

#include "tayori-axe-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tayori-axe-resources.h"

#define AXE_RESOURCE_DIR "/io/github/tayori/Tayori/preview/axe/"

G_DEFINE_QUARK (tayori-axe-error-quark, tayori_axe_error)

typedef struct {
  TayoriCheckDocument *document;
  gboolean             injected;  /* this run put axe into the page */
  char                *json;      /* axe's result, parsed on a worker thread */
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->document);
  g_free (run->json);
  g_free (run);
}

GBytes *
_tayori_axe_lookup (const char *name)
{
  static gsize registered;
  g_autofree char *path = g_strconcat (AXE_RESOURCE_DIR, name, NULL);

  if (g_once_init_enter (&registered))
    {
      tayori_axe_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

/**
 * tayori_axe_get_version:
 *
 * Returns: the version of the bundled axe-core, from its banner ("/\*! axe v4.14.1").
 */
const char *
tayori_axe_get_version (void)
{
  static char *version;

  if (g_once_init_enter (&version))
    {
      g_autoptr(GBytes) script = _tayori_axe_lookup ("axe.min.js");
      gsize size;
      const char *text = g_bytes_get_data (script, &size);
      const char *banner = g_strstr_len (text, MIN (size, 256), "axe v");
      gsize length = banner != NULL ? strcspn (banner + strlen ("axe v"), " \r\n") : 0;

      g_once_init_leave (&version, length > 0 ? g_strndup (banner + strlen ("axe v"), length)
                                              : g_strdup ("unknown"));
    }
  return version;
}

/* Cancellation stays G_IO_ERROR_CANCELLED; any other failure is the check's. */
static void
return_error (GTask  *task,
              GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, error);
  else
    {
      g_task_return_new_error (task, TAYORI_AXE_ERROR, TAYORI_AXE_ERROR_FAILED,
                               _("The accessibility check failed in the page: %s"),
                               error->message);
      g_error_free (error);
    }
}

/* @name: the body of an async JS function in the axe resources. */
static void
call_script (GTask               *task,
             const char          *name,
             GVariant            *arguments,
             GAsyncReadyCallback  callback)
{
  g_autoptr(GBytes) body = _tayori_axe_lookup (name);
  gsize length;
  const char *source = g_bytes_get_data (body, &length);

  webkit_web_view_call_async_javascript_function (g_task_get_source_object (task), source,
                                                  length, arguments, TAYORI_AXE_WORLD, name,
                                                  g_task_get_cancellable (task), callback, task);
}

static void run_script (GTask *task);

static void
setup_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(JSCValue) value = NULL;
  GError *error = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source_object),
                                                                 result, &error);
  if (value == NULL)
    {
      return_error (task, error);
      g_object_unref (task);
      return;
    }

  run->injected = TRUE;
  run_script (task);
}

static void
injected_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GBytes) locale = NULL;
  GError *error = NULL;
  GVariantDict arguments;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source_object), result,
                                                      &error);
  if (value == NULL)
    {
      return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* The locale (77 KB of JSON) goes in as a string argument, parsed by the script. */
  locale = _tayori_axe_lookup ("ja.json");
  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert_value (&arguments, "locale",
                               g_variant_new_take_string (g_strndup (g_bytes_get_data (locale, NULL),
                                                                     g_bytes_get_size (locale))));
  call_script (task, "axe-setup.js", g_variant_dict_end (&arguments), setup_done_cb);
}

static void
inject (GTask *task)
{
  g_autoptr(GBytes) script = _tayori_axe_lookup ("axe.min.js");
  gsize length;
  const char *source = g_bytes_get_data (script, &length);

  webkit_web_view_evaluate_javascript (g_task_get_source_object (task), source, length,
                                       TAYORI_AXE_WORLD, "axe.min.js",
                                       g_task_get_cancellable (task), injected_cb, task);
}

/* Runs on a worker thread in a task of its own, with no source object: the worker must never
 * hold the last reference to the web view (WebKit objects may only be finalized on the main
 * thread), so the run's task stays on the main thread. */
static void
parse_thread (GTask        *parse_task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Run *run = task_data;
  GPtrArray *findings;
  GError *error = NULL;

  (void) source_object;
  (void) cancellable;
  findings = _tayori_axe_findings_parse (run->json, run->document, &error);
  if (findings == NULL)
    g_task_return_error (parse_task, error);
  else
    g_task_return_pointer (parse_task, findings, (GDestroyNotify) g_ptr_array_unref);
}

static void
parsed_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *findings = g_task_propagate_pointer (G_TASK (result), &error);

  (void) source_object;
  if (findings == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, findings, (GDestroyNotify) g_ptr_array_unref);
}

static void
run_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GTask) parse_task = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source_object),
                                                                 result, &error);
  if (value == NULL)
    {
      return_error (task, error);
      return;
    }

  /* null: this page has no axe yet (first run, or the page was loaded again). */
  if (jsc_value_is_null (value) && !run->injected)
    {
      inject (g_steal_pointer (&task));
      return;
    }
  if (!jsc_value_is_string (value))
    {
      g_task_return_new_error (task, TAYORI_AXE_ERROR, TAYORI_AXE_ERROR_FAILED,
                               _("axe-core did not start in the page"));
      return;
    }

  /* Parsing and mapping can take a while on a long article: off the main thread. */
  run->json = jsc_value_to_string (value);
  cancellable = g_task_get_cancellable (task);
  parse_task = g_task_new (NULL, cancellable, parsed_cb, g_steal_pointer (&task));
  g_task_set_task_data (parse_task, run, NULL);
  g_task_run_in_thread (parse_task, parse_thread);
}

static void
run_script (GTask *task)
{
  call_script (task, "axe-run.js", NULL, run_done_cb);
}

void
tayori_axe_run_async (WebKitWebView       *web_view,
                      TayoriCheckDocument *document,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task;
  Run *run;

  g_return_if_fail (WEBKIT_IS_WEB_VIEW (web_view));
  g_return_if_fail (TAYORI_IS_CHECK_DOCUMENT (document));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run = g_new0 (Run, 1);
  run->document = g_object_ref (document);
  task = g_task_new (web_view, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_axe_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  run_script (task);
}

/**
 * tayori_axe_run_finish:
 *
 * Returns: (transfer container): the findings (TayoriFinding), or %NULL with @error:
 *   %G_IO_ERROR_CANCELLED or %TAYORI_AXE_ERROR_FAILED.
 */
GPtrArray *
tayori_axe_run_finish (WebKitWebView  *web_view,
                       GAsyncResult   *result,
                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, web_view), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tayori_axe_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
