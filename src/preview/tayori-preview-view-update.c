/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preview's update loop: load the shell page once, then render edits off the main thread
 * and push only the changed slots into the page from our isolated script world, with the HTML
 * as GVariant arguments, never spliced into script source. */

#include "tayori-preview-view-private.h"

#include "tayori-page.h"
#include "tayori-preview-fragments.h"
#include "tayori-preview-shell.h"
#include "tayori-web-context.h"

/* Our script world: page content can neither see nor call what runs here. */
#define SCRIPT_WORLD "tayori"
#define NO_LINE      0

/* @name is the body of an async JS function in our resources (resources/preview/js/). */
void
_tayori_preview_view_call_script (TayoriPreviewView   *self,
                                  const char          *name,
                                  GVariant            *arguments,
                                  GAsyncReadyCallback  callback)
{
  g_autofree char *path = g_strconcat ("/io/github/tayori/Tayori/preview/js/", name, NULL);
  g_autoptr(GBytes) body = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  gsize length;
  const char *source = g_bytes_get_data (body, &length);

  webkit_web_view_call_async_javascript_function (self->web_view, source, length, arguments,
                                                  SCRIPT_WORLD, NULL, self->cancellable,
                                                  callback, g_object_ref (self));
}

void
_tayori_preview_view_script_done_cb (GObject      *source_object,
                                     GAsyncResult *result,
                                     gpointer      user_data)
{
  g_autoptr(TayoriPreviewView) self = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source_object),
                                                                 result, &error);
  if (value == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Preview script failed: %s", error->message);
}

void
_tayori_preview_view_flush_scroll (TayoriPreviewView *self)
{
  GVariantDict arguments;

  if (self->pending_line == NO_LINE || self->busy || !self->shell_ready)
    return;

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "line", "u", self->pending_line);
  self->pending_line = NO_LINE;
  _tayori_preview_view_call_script (self, "scroll-to-line.js", g_variant_dict_end (&arguments),
                                    _tayori_preview_view_script_done_cb);
}

static void
update_done (TayoriPreviewView *self)
{
  self->busy = FALSE;
  _tayori_preview_view_emit_updated (self);

  if (self->dirty)
    _tayori_preview_view_queue_update (self);
  else
    _tayori_preview_view_flush_scroll (self);
}

/* A failure does not retry by itself (that could loop); the next edit or page load does. */
static void
update_failed (TayoriPreviewView *self)
{
  self->busy = FALSE;
  if (self->dirty)
    _tayori_preview_view_queue_update (self);
}

static void
slots_set_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TayoriPreviewView) self = user_data;
  g_autoptr(GHashTable) pushed = g_steal_pointer (&self->pushing);
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source_object),
                                                                 result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (value == NULL)
    {
      g_warning ("Preview update failed: %s", error->message);
      update_failed (self);
      return;
    }

  g_clear_pointer (&self->shown, g_hash_table_unref);
  self->shown = g_steal_pointer (&pushed);
  update_done (self);
}

static void
fragments_built_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TayoriPreviewView) self = user_data;
  g_autoptr(GHashTable) fragments = NULL;
  g_autoptr(GVariant) changed = NULL;
  g_autoptr(GError) error = NULL;
  GVariantDict arguments;

  fragments = tayori_preview_fragments_build_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (fragments == NULL)
    {
      g_warning ("Preview rendering failed: %s", error->message);
      update_failed (self);
      return;
    }

  /* The page is being reloaded after its web process ended; the load pushes the article. */
  if (!self->shell_ready)
    {
      update_failed (self);
      return;
    }

  changed = tayori_preview_fragments_diff (self->shown, fragments);
  if (changed == NULL)
    {
      update_done (self);
      return;
    }

  self->pushing = g_steal_pointer (&fragments);
  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert_value (&arguments, "slots", changed);
  _tayori_preview_view_call_script (self, "set-slots.js", g_variant_dict_end (&arguments),
                                    slots_set_cb);
}

/* Coalesces edits: while a render or push is in flight, changes only mark the view dirty and
 * exactly one more update follows when it completes. */
void
_tayori_preview_view_queue_update (TayoriPreviewView *self)
{
  self->dirty = TRUE;
  if (self->busy || !self->shell_ready)
    return;

  self->busy = TRUE;
  self->dirty = FALSE;
  tayori_preview_fragments_build_async (self->article, self->preset, self->ruby, self->ruby_grade,
                                        self->cancellable, fragments_built_cb,
                                        g_object_ref (self));
}

static void
load_shell (TayoriPreviewView *self)
{
  g_autoptr(TayoriArticle) empty = tayori_article_new ();
  g_autofree char *html = NULL;

  /* The shell starts out with an empty article; the first push after the load fills it. */
  g_clear_pointer (&self->shown, g_hash_table_unref);
  self->shown = tayori_page_build_fragments (empty, self->preset);
  html = tayori_page_fill_template (self->shell_template, self->shown, TRUE);

  self->shell_ready = FALSE;
  self->expect_shell_load = TRUE;
  webkit_web_view_load_html (self->web_view, html, TAYORI_WEB_CONTEXT_PAGE_BASE_URI);
}

static void
load_changed_cb (TayoriPreviewView *self,
                 WebKitLoadEvent    event)
{
  /* Only the shell's own load may be let through, and only once. */
  if (event == WEBKIT_LOAD_COMMITTED)
    self->expect_shell_load = FALSE;
  if (event != WEBKIT_LOAD_FINISHED)
    return;

  self->shell_ready = TRUE;
  _tayori_preview_view_queue_update (self);
}

static void
web_process_terminated_cb (TayoriPreviewView                 *self,
                           WebKitWebProcessTerminationReason  reason)
{
  g_warning ("The preview's web process ended (reason %d); reloading the preview", reason);
  load_shell (self);
}

static void
shell_loaded_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TayoriPreviewView) self = user_data;
  g_autoptr(GError) error = NULL;

  self->shell_template = tayori_preview_shell_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->shell_template == NULL)
    {
      g_critical ("No page template for the preview: %s", error->message);
      return;
    }

  g_signal_connect_object (self->web_view, "load-changed",
                           G_CALLBACK (load_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "web-process-terminated",
                           G_CALLBACK (web_process_terminated_cb), self, G_CONNECT_SWAPPED);
  load_shell (self);
}

void
_tayori_preview_view_load_shell_async (TayoriPreviewView *self)
{
  tayori_preview_shell_load_async (self->preset, self->cancellable, shell_loaded_cb,
                                   g_object_ref (self));
}
