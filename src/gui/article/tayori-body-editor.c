/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriBodyEditor: the buffer is the editing copy of the body. A keystroke only marks it
 * pending; a short tick (longer for huge bodies) copies the text into the article once, so
 * a 5 MB body is not copied per key. Formatting actions edit the buffer in one undo step. */
#include <adwaita.h>
#include <string.h>

#include "tayori-body-editor-private.h"

/* Coalescing ticks between a keystroke and the article (and so the preview) */
#define COMMIT_DELAY_MS        30
#define COMMIT_DELAY_LARGE_MS  300
/* Above this the buffer drops syntax highlighting and bracket matching */
#define LARGE_BODY_BYTES       (1024 * 1024)
#define ICONS_RESOURCE_PATH    "/io/github/tayori/Tayori/article/icons"


G_DEFINE_FINAL_TYPE (TayoriBodyEditor, tayori_body_editor, GTK_TYPE_WIDGET)

enum {
  SIGNAL_EDITED,
  SIGNAL_CURSOR_LINE_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
set_large (TayoriBodyEditor *self,
           gsize             bytes)
{
  gboolean large = bytes > LARGE_BODY_BYTES;

  if (large == self->large)
    return;
  self->large = large;
  gtk_source_buffer_set_highlight_syntax (self->buffer, !large);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, !large);
}

/* Article ↔ buffer */

void
tayori_body_editor_commit (TayoriBodyEditor *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_return_if_fail (TAYORI_IS_BODY_EDITOR (self));

  g_clear_handle_id (&self->commit_id, g_source_remove);
  if (!self->pending || self->article == NULL)
    return;

  gtk_text_buffer_get_bounds (text_buffer (self), &start, &end);
  text = gtk_text_buffer_get_text (text_buffer (self), &start, &end, TRUE);
  self->pending = FALSE;
  self->committing = TRUE;
  tayori_article_set_body (self->article, text);
  self->committing = FALSE;
  set_large (self, strlen (text));
}

/* Iterators at byte offsets of the body; the buffer holds the article's body after a commit */
static gboolean
iters_at_bytes (TayoriBodyEditor *self,
                gsize             start,
                gsize             end,
                GtkTextIter      *start_iter,
                GtkTextIter      *end_iter)
{
  const char *body;
  gsize length;

  if (self->article == NULL)
    return FALSE;
  tayori_body_editor_commit (self);
  body = tayori_article_get_body (self->article);
  length = strlen (body);
  if (start > end || end > length ||
      (start < length && (body[start] & 0xC0) == 0x80) || (end < length && (body[end] & 0xC0) == 0x80))
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (text_buffer (self), start_iter, (int) g_utf8_pointer_to_offset (body, body + start));
  gtk_text_buffer_get_iter_at_offset (text_buffer (self), end_iter, (int) g_utf8_pointer_to_offset (body, body + end));
  return TRUE;
}

gboolean
tayori_body_editor_select_range (TayoriBodyEditor *self,
                                 gsize             start,
                                 gsize             end)
{
  GtkTextIter start_iter, end_iter;

  g_return_val_if_fail (TAYORI_IS_BODY_EDITOR (self), FALSE);

  if (!iters_at_bytes (self, start, end, &start_iter, &end_iter))
    return FALSE;
  gtk_text_buffer_select_range (text_buffer (self), &start_iter, &end_iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (text_buffer (self)),
                                0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  return TRUE;
}

gboolean
tayori_body_editor_replace_range (TayoriBodyEditor *self,
                                  gsize             start,
                                  gsize             end,
                                  const char       *text)
{
  GtkTextBuffer *buffer = text_buffer (self);
  GtkTextIter start_iter, end_iter;

  g_return_val_if_fail (TAYORI_IS_BODY_EDITOR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!iters_at_bytes (self, start, end, &start_iter, &end_iter))
    return FALSE;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start_iter, &end_iter);
  gtk_text_buffer_insert (buffer, &start_iter, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_place_cursor (buffer, &start_iter);
  tayori_body_editor_commit (self);
  return TRUE;
}

static void
commit_cb (gpointer user_data)
{
  TayoriBodyEditor *self = user_data;

  self->commit_id = 0;
  tayori_body_editor_commit (self);
}

static void
load_body (TayoriBodyEditor *self)
{
  const char *body = self->article != NULL ? tayori_article_get_body (self->article) : "";
  GtkTextIter start;

  g_clear_handle_id (&self->commit_id, g_source_remove);
  /* Before the text goes in, so a huge body is never highlighted */
  set_large (self, strlen (body));

  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (text_buffer (self));
  gtk_text_buffer_set_text (text_buffer (self), body, -1);
  gtk_text_buffer_end_irreversible_action (text_buffer (self));
  gtk_text_buffer_get_start_iter (text_buffer (self), &start);
  gtk_text_buffer_place_cursor (text_buffer (self), &start);
  self->loading = FALSE;
  self->pending = FALSE;
  self->cursor_line = 1;
}

static void
body_notify_cb (TayoriBodyEditor *self)
{
  /* Our own commit is already in the buffer; anything else (a restore) replaces it */
  if (!self->committing)
    load_body (self);
}

static void
buffer_changed_cb (TayoriBodyEditor *self)
{
  if (self->loading)
    return;
  self->pending = TRUE;
  g_signal_emit (self, signals[SIGNAL_EDITED], 0);
  if (self->commit_id == 0)
    self->commit_id = g_timeout_add_once (self->large ? COMMIT_DELAY_LARGE_MS : COMMIT_DELAY_MS,
                                          commit_cb, self);
}

static void
cursor_moved_cb (TayoriBodyEditor *self)
{
  GtkTextIter iter;
  guint line;

  if (self->loading)
    return;
  gtk_text_buffer_get_iter_at_mark (text_buffer (self), &iter, gtk_text_buffer_get_insert (text_buffer (self)));
  line = gtk_text_iter_get_line (&iter) + 1;
  if (line == self->cursor_line)
    return;
  self->cursor_line = line;
  g_signal_emit (self, signals[SIGNAL_CURSOR_LINE_CHANGED], 0, line);
}

void
tayori_body_editor_set_article (TayoriBodyEditor *self,
                                TayoriArticle    *article)
{
  g_return_if_fail (TAYORI_IS_BODY_EDITOR (self));
  g_return_if_fail (article == NULL || TAYORI_IS_ARTICLE (article));

  if (self->article == article)
    return;
  tayori_body_editor_commit (self);
  g_clear_signal_handler (&self->body_notify_id, self->article);
  g_set_object (&self->article, article);
  if (article != NULL)
    self->body_notify_id = g_signal_connect_swapped (article, "notify::body",
                                                     G_CALLBACK (body_notify_cb), self);
  load_body (self);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), article != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), article != NULL);
}

static void
update_style_scheme (TayoriBodyEditor *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_source_buffer_set_style_scheme (self->buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark"
                                                                                                : "Adwaita"));
}

GtkWidget *
tayori_body_editor_new (void)
{
  return g_object_new (TAYORI_TYPE_BODY_EDITOR, NULL);
}

static void
tayori_body_editor_dispose (GObject *object)
{
  TayoriBodyEditor *self = TAYORI_BODY_EDITOR (object);
  GtkWidget *child;

  tayori_body_editor_commit (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_signal_handler (&self->body_notify_id, self->article);
  g_clear_object (&self->article);
  g_clear_object (&self->buffer);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_BODY_EDITOR);
  /* Children the template made without binding them are this widget's to unparent */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tayori_body_editor_parent_class)->dispose (object);
}

static void
tayori_body_editor_class_init (TayoriBodyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_body_editor_dispose;

  /**
   * TayoriBodyEditor::edited:
   *
   * Emitted on every change of the text, before it reaches the article: cheap, for
   * starting an autosave.
   */
  signals[SIGNAL_EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TayoriBodyEditor::cursor-line-changed:
   * @line: the cursor's line, 1-based, in the body's own numbering
   *
   * Emitted when the cursor moves to another line: the preview follows it.
   */
  signals[SIGNAL_CURSOR_LINE_CHANGED] =
    g_signal_new ("cursor-line-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/article/tayori-body-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriBodyEditor, view);

  _tayori_body_editor_class_add_actions (widget_class);
}

static void
tayori_body_editor_init (TayoriBodyEditor *self)
{
  GtkIconTheme *icons = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  if (!gtk_icon_theme_has_icon (icons, "tayori-heading-symbolic"))
    gtk_icon_theme_add_resource_path (icons, ICONS_RESOURCE_PATH);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = gtk_source_buffer_new_with_language (gtk_source_language_manager_get_language (languages,
                                                                                                 "markdown"));
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->view), GTK_TEXT_BUFFER (self->buffer));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);

  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  g_signal_connect_swapped (self->buffer, "notify::cursor-position", G_CALLBACK (cursor_moved_cb), self);
  g_signal_connect_swapped (self->buffer, "notify::can-undo", G_CALLBACK (_tayori_body_editor_update_undo), self);
  g_signal_connect_swapped (self->buffer, "notify::can-redo", G_CALLBACK (_tayori_body_editor_update_undo), self);
  _tayori_body_editor_update_undo (self);

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}
