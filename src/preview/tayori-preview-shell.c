/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Builds the preview's shell page from the page template: the CSP goes first in <head> (a
 * policy in a <meta> only guards what follows it), then an organisation's stylesheet. */

#include "tayori-preview-shell.h"

#include <string.h>

#include "tayori-page.h"


/* Offset just past the start tag <@name …> in @lower (an ASCII-lowercased copy), or -1. */
static gssize
end_of_start_tag (const char *lower,
                  const char *name)
{
  gsize len = strlen (name);

  for (const char *p = strchr (lower, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *end;

      /* "<head" must not match "<header". */
      if (strncmp (p + 1, name, len) != 0 ||
          !(p[len + 1] == '>' || p[len + 1] == '/' || g_ascii_isspace (p[len + 1])))
        continue;

      end = strchr (p, '>');
      return end != NULL ? end + 1 - lower : -1;
    }
  return -1;
}

const char *
tayori_preview_shell_get_csp (TayoriPreset *preset)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  return tayori_preset_get_template_dir (preset) != NULL ? TAYORI_PREVIEW_SHELL_CSP_INLINE_STYLE
                                                         : TAYORI_PREVIEW_SHELL_CSP;
}

char *
tayori_preview_shell_build (const char *template_html,
                            const char *inline_css)
{
  g_autofree char *lower = NULL;
  g_autoptr(GString) head = g_string_new (NULL);
  GString *shell;
  gssize at;

  g_return_val_if_fail (template_html != NULL, NULL);

  g_string_append_printf (head, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">",
                          inline_css != NULL ? TAYORI_PREVIEW_SHELL_CSP_INLINE_STYLE
                                             : TAYORI_PREVIEW_SHELL_CSP);
  if (inline_css != NULL)
    {
      g_autoptr(GString) css = g_string_new (inline_css);

      /* Keep the stylesheet from closing its <style> element; "\/" is "/" in CSS. */
      g_string_replace (css, "</", "<\\/", 0);
      g_string_append_printf (head, "<style>%s</style>", css->str);
    }

  lower = g_ascii_strdown (template_html, -1);
  shell = g_string_new (template_html);

  if ((at = end_of_start_tag (lower, "head")) >= 0)
    {
      g_string_insert (shell, at, head->str);
      return g_string_free (shell, FALSE);
    }

  g_string_prepend (head, "<head>");
  g_string_append (head, "</head>");
  if ((at = end_of_start_tag (lower, "html")) < 0 &&
      (at = end_of_start_tag (lower, "!doctype")) < 0)
    at = 0;
  g_string_insert (shell, at, head->str);
  return g_string_free (shell, FALSE);
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* @files: the preset to read the template from; @inline_css: whether the CSS is inlined. */
static char *
load_shell (TayoriPreset  *files,
            gboolean       inline_css,
            GError       **error)
{
  g_autoptr(GBytes) html = tayori_page_load_asset (files, "page.html", error);
  g_autoptr(GBytes) css = NULL;
  g_autofree char *template_html = NULL;
  g_autofree char *css_text = NULL;

  if (html == NULL)
    return NULL;

  if (inline_css)
    {
      if ((css = tayori_page_load_asset (files, "page.css", error)) == NULL)
        return NULL;
      css_text = bytes_to_string (css);
    }

  template_html = bytes_to_string (html);
  return tayori_preview_shell_build (template_html, css_text);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TayoriPreset *preset = task_data;
  gboolean custom = tayori_preset_get_template_dir (preset) != NULL;
  g_autoptr(TayoriPreset) defaults = NULL;
  g_autoptr(GError) error = NULL;
  char *shell;

  /* A broken organisation template falls back to the bundled files, still inlined: the web
   * view's policy was chosen for the preset (tayori_preview_shell_get_csp()). */
  if ((shell = load_shell (preset, custom, &error)) == NULL && custom)
    {
      g_warning ("Using the bundled page template: %s", error->message);
      g_clear_error (&error);
      defaults = tayori_preset_new_defaults ();
      shell = load_shell (defaults, TRUE, &error);
    }

  if (shell != NULL)
    g_task_return_pointer (task, shell, g_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
tayori_preview_shell_load_async (TayoriPreset        *preset,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TAYORI_IS_PRESET (preset));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_preview_shell_load_async);
  g_task_set_task_data (task, g_object_ref (preset), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

char *
tayori_preview_shell_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
