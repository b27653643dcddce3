/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preview probe: after each "updated" of the view, reads the page's DOM from a script
 * world of its own (page content cannot see it) and replaces the probe file atomically, so a
 * test outside the process sees what a reader would: AT-SPI cannot see web content. The
 * <ruby> elements come as markup, since the text alone does not show which kanji carry which
 * reading. */
#define G_LOG_DOMAIN "tayori-preview-probe"

#include <string.h>

#include "tayori-preview-probe.h"

#define PROBE_ENV   "TAYORI_PREVIEW_PROBE"
#define PROBE_WORLD "tayori-probe"
#define PROBE_KEY   "tayori-preview-probe"

/* Only reads the page; returns the JSON text. */
static const char probe_script[] =
  "const slots = {};\n"
  "for (const el of document.querySelectorAll('[data-slot]')) {\n"
  "  if (!(el.dataset.slot in slots))\n"
  "    slots[el.dataset.slot] = el.textContent.trim();\n"
  "}\n"
  "const images = Array.from(document.querySelectorAll('img'));\n"
  "return JSON.stringify({\n"
  "  title: document.title,\n"
  "  body_text: document.body ? document.body.innerText : '',\n"
  "  image_alts: images.map(img => img.getAttribute('alt')),\n"
  "  image_srcs: images.map(img => img.getAttribute('src')),\n"
  "  slots: slots,\n"
  "  ruby: Array.from(document.querySelectorAll('ruby'), r => r.outerHTML),\n"
  "});\n";

typedef struct
{
  GFile        *file;
  GCancellable *cancellable;
  gboolean      busy;   /* a read or write is in flight */
  gboolean      dirty;  /* the view updated since that read started */
} Probe;

static void
probe_free (Probe *probe)
{
  g_clear_object (&probe->file);
  g_clear_object (&probe->cancellable);
  g_free (probe);
}

static void probe_run (TayoriPreviewView *view);

static void
probe_done (TayoriPreviewView *view)
{
  Probe *probe = g_object_get_data (G_OBJECT (view), PROBE_KEY);

  probe->busy = FALSE;
  if (probe->dirty && !g_cancellable_is_cancelled (probe->cancellable))
    probe_run (view);
}

static void
probe_written_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TayoriPreviewView) view = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source_object), result, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not write the preview probe: %s", error->message);
  probe_done (view);
}

static void
probe_read_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TayoriPreviewView) view = user_data;
  Probe *probe = g_object_get_data (G_OBJECT (view), PROBE_KEY);
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = NULL;
  char *text;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source_object),
                                                                 result, &error);
  if (value == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the preview page: %s", error->message);
      probe_done (view);
      return;
    }

  text = jsc_value_to_string (value);
  json = g_bytes_new_take (text, strlen (text));
  /* The replace writes a temporary file and renames it over FILE: readers never see half. */
  g_file_replace_contents_bytes_async (probe->file, json, NULL, FALSE, G_FILE_CREATE_NONE,
                                       probe->cancellable, probe_written_cb, g_steal_pointer (&view));
}

static void
probe_run (TayoriPreviewView *view)
{
  Probe *probe = g_object_get_data (G_OBJECT (view), PROBE_KEY);
  WebKitWebView *web_view = tayori_preview_view_get_web_view (view);

  probe->dirty = TRUE;
  if (probe->busy || web_view == NULL)
    return;

  probe->busy = TRUE;
  probe->dirty = FALSE;
  webkit_web_view_call_async_javascript_function (web_view, probe_script, -1, NULL, PROBE_WORLD,
                                                  NULL, probe->cancellable, probe_read_cb,
                                                  g_object_ref (view));
}

static void
updated_cb (TayoriPreviewView *view,
            gpointer           user_data)
{
  probe_run (view);
}

static void
destroy_cb (TayoriPreviewView *view,
            Probe             *probe)
{
  g_cancellable_cancel (probe->cancellable);
}

void
tayori_preview_probe_attach (TayoriPreviewView *view)
{
  const char *path = g_getenv (PROBE_ENV);
  Probe *probe;

  g_return_if_fail (TAYORI_IS_PREVIEW_VIEW (view));

  /* Attaching twice would leave a handler with the first probe, freed by the second. */
  if (path == NULL || *path == '\0' || g_object_get_data (G_OBJECT (view), PROBE_KEY) != NULL)
    return;

  probe = g_new0 (Probe, 1);
  probe->file = g_file_new_for_path (path);
  probe->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (view), PROBE_KEY, probe, (GDestroyNotify) probe_free);
  g_signal_connect (view, "updated", G_CALLBACK (updated_cb), NULL);
  g_signal_connect (view, "destroy", G_CALLBACK (destroy_cb), probe);
}
