/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The body editor's formatting actions (editor.*) and their shortcuts. Each edits the
 * buffer in one undoable step; links and images go through a dialog first. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-body-editor-private.h"
#include "tayori-image-dialog.h"
#include "tayori-link-dialog.h"
#include "tayori-markdown-format.h"
#include "tayori-media-import.h"

/* Longest block marker looked at ("###### ", "123456789. ") */
#define MARKER_SCAN_CHARS 12

/* An image on its way in: imported into the media store, then described */
typedef struct {
  TayoriBodyEditor *self;
  GFile *file;
  char *hash;
} ImageInsert;

static void
image_insert_free (gpointer  data,
                   GClosure *closure)
{
  ImageInsert *insert = data;

  g_clear_object (&insert->self);
  g_clear_object (&insert->file);
  g_free (insert->hash);
  g_free (insert);
}

static char *
line_head (GtkTextBuffer *buffer,
           int            line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  if (gtk_text_iter_get_line_offset (&end) > MARKER_SCAN_CHARS)
    gtk_text_iter_set_line_offset (&end, MARKER_SCAN_CHARS);
  return gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
}

static gboolean
line_is_empty (GtkTextBuffer *buffer,
               int            line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
  return gtk_text_iter_ends_line (&iter);
}

/* Adds the marker to every selected line, or removes it when all already have it (a
 * heading of another level is replaced). Blank lines inside a selection are skipped. */
static void
toggle_block (TayoriBodyEditor    *self,
              TayoriMarkdownBlock  kind,
              guint                level)
{
  GtkTextBuffer *buffer = text_buffer (self);
  GtkTextIter start, end;
  int first, last;
  gboolean all_marked = TRUE;
  guint index = 0;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  first = gtk_text_iter_get_line (&start);
  last = gtk_text_iter_get_line (&end);
  if (last > first && gtk_text_iter_starts_line (&end))
    last--;

  for (int line = first; line <= last && all_marked; line++)
    {
      g_autofree char *head = line_head (buffer, line);
      guint length = tayori_markdown_marker_length (head, kind);

      if (first != last && line_is_empty (buffer, line))
        continue;
      all_marked = length > 0 && (kind != TAYORI_MARKDOWN_HEADING || length == level + 1);
    }

  gtk_text_buffer_begin_user_action (buffer);
  for (int line = first; line <= last; line++)
    {
      g_autofree char *head = line_head (buffer, line);
      guint length = tayori_markdown_marker_length (head, kind);
      GtkTextIter line_start, marker_end;

      if (first != last && line_is_empty (buffer, line))
        continue;
      gtk_text_buffer_get_iter_at_line (buffer, &line_start, line);
      if (length > 0)
        {
          marker_end = line_start;
          gtk_text_iter_forward_chars (&marker_end, length);
          gtk_text_buffer_delete (buffer, &line_start, &marker_end);
        }
      if (!all_marked)
        {
          g_autofree char *marker = tayori_markdown_marker (kind, kind == TAYORI_MARKDOWN_NUMBERED ? index : level);

          gtk_text_buffer_insert (buffer, &line_start, marker, -1);
        }
      index++;
    }
  gtk_text_buffer_end_user_action (buffer);
}

static gboolean
surrounded_by (GtkTextIter *start,
               GtkTextIter *end,
               const char  *mark)
{
  GtkTextIter before = *start, after = *end;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  int n = g_utf8_strlen (mark, -1);

  if (!gtk_text_iter_backward_chars (&before, n) || !gtk_text_iter_forward_chars (&after, n))
    return FALSE;
  left = gtk_text_iter_get_slice (&before, start);
  right = gtk_text_iter_get_slice (end, &after);
  return g_str_equal (left, mark) && g_str_equal (right, mark);
}

/* Wraps the selection in @mark (or unwraps it); without a selection inserts a selected
 * placeholder to type over. Offsets, not iterators, survive the edits in between. */
static void
toggle_inline (TayoriBodyEditor *self,
               const char       *mark,
               const char       *placeholder)
{
  GtkTextBuffer *buffer = text_buffer (self);
  int n = g_utf8_strlen (mark, -1);
  GtkTextIter start, end;
  int from, to;

  gtk_text_buffer_begin_user_action (buffer);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      g_autofree char *text = g_strconcat (mark, placeholder, mark, NULL);

      from = gtk_text_iter_get_offset (&start) + n;
      to = from + g_utf8_strlen (placeholder, -1);
      gtk_text_buffer_insert (buffer, &start, text, -1);
    }
  else if (surrounded_by (&start, &end, mark))
    {
      GtkTextIter outer;

      from = gtk_text_iter_get_offset (&start) - n;
      to = gtk_text_iter_get_offset (&end) - n;
      outer = end;
      gtk_text_iter_forward_chars (&outer, n);
      gtk_text_buffer_delete (buffer, &end, &outer);
      gtk_text_buffer_get_iter_at_offset (buffer, &outer, from);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, from + n);
      gtk_text_buffer_delete (buffer, &outer, &start);
    }
  else
    {
      from = gtk_text_iter_get_offset (&start) + n;
      to = gtk_text_iter_get_offset (&end) + n;
      gtk_text_buffer_insert (buffer, &end, mark, -1);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, from - n);
      gtk_text_buffer_insert (buffer, &start, mark, -1);
    }
  gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, to);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

void
_tayori_body_editor_end_range (TayoriBodyEditor *self)
{
  if (self->range_start != NULL)
    gtk_text_buffer_delete_mark (text_buffer (self), self->range_start);
  if (self->range_end != NULL)
    gtk_text_buffer_delete_mark (text_buffer (self), self->range_end);
  self->range_start = NULL;
  self->range_end = NULL;
}

/* Remembers the selection a dialog will replace, whatever happens around it meanwhile */
static char *
begin_range (TayoriBodyEditor *self)
{
  GtkTextBuffer *buffer = text_buffer (self);
  GtkTextIter start, end;

  _tayori_body_editor_end_range (self);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  self->range_start = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  self->range_end = gtk_text_buffer_create_mark (buffer, NULL, &end, FALSE);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
replace_range (TayoriBodyEditor *self,
               const char       *text)
{
  GtkTextBuffer *buffer = text_buffer (self);
  GtkTextIter start, end;

  if (self->range_start == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &start, self->range_start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, self->range_end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_place_cursor (buffer, &start);
  _tayori_body_editor_end_range (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static GtkWindow *
parent_window (TayoriBodyEditor *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* Actions */

static void
heading_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  toggle_block (TAYORI_BODY_EDITOR (widget), TAYORI_MARKDOWN_HEADING, g_variant_get_int32 (parameter));
}

static void
bulleted_list_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  toggle_block (TAYORI_BODY_EDITOR (widget), TAYORI_MARKDOWN_BULLET, 0);
}

static void
numbered_list_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  toggle_block (TAYORI_BODY_EDITOR (widget), TAYORI_MARKDOWN_NUMBERED, 0);
}

static void
quote_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  toggle_block (TAYORI_BODY_EDITOR (widget), TAYORI_MARKDOWN_QUOTE, 0);
}

static void
bold_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  /* Translators: placeholder selected after the bold button is used without a selection */
  toggle_inline (TAYORI_BODY_EDITOR (widget), "**", _("bold text"));
}

static gboolean
is_space (gunichar ch,
          gpointer user_data)
{
  return g_unichar_isspace (ch);
}

/* A table needs blank lines around it: before, to start one, and after, or the next line
 * of text would become one of its rows */
static void
table_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TayoriBodyEditor *self = TAYORI_BODY_EDITOR (widget);
  GtkTextBuffer *buffer = text_buffer (self);
  g_autofree char *table = tayori_markdown_table ();
  g_autofree char *text = NULL;
  GtkTextIter iter, cell_start, cell_end;
  const char *prefix = "";
  int offset;

  gtk_text_buffer_get_selection_bounds (buffer, NULL, &iter);
  if (!gtk_text_iter_starts_line (&iter))
    prefix = "\n\n";
  else if (gtk_text_iter_get_line (&iter) > 0 && !line_is_empty (buffer, gtk_text_iter_get_line (&iter) - 1))
    prefix = "\n";
  text = g_strconcat (prefix, table, gtk_text_iter_is_end (&iter) ? "" : "\n", NULL);
  offset = gtk_text_iter_get_offset (&iter) + (int) strlen (prefix) + 2;  /* past "| " */

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &iter, text, -1);
  gtk_text_buffer_end_user_action (buffer);

  /* Select the first header cell, ready to be typed over */
  gtk_text_buffer_get_iter_at_offset (buffer, &cell_start, offset);
  cell_end = cell_start;
  gtk_text_iter_forward_find_char (&cell_end, is_space, NULL, NULL);
  gtk_text_buffer_select_range (buffer, &cell_start, &cell_end);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
link_response_cb (TayoriLinkDialog *dialog,
                  const char       *response,
                  TayoriBodyEditor *self)
{
  if (g_str_equal (response, "insert"))
    {
      g_autofree char *markdown = tayori_link_dialog_dup_markdown (dialog);

      replace_range (self, markdown);
    }
  else
    _tayori_body_editor_end_range (self);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TayoriBodyEditor *self = TAYORI_BODY_EDITOR (widget);
  g_autofree char *selected = begin_range (self);
  GtkWidget *dialog = tayori_link_dialog_new (parent_window (self), selected);

  g_signal_connect_object (dialog, "response", G_CALLBACK (link_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
image_response_cb (TayoriImageDialog *dialog,
                   const char        *response,
                   ImageInsert       *insert)
{
  if (g_str_equal (response, "insert"))
    {
      g_autofree char *alt = g_strstrip (g_strdup (tayori_image_dialog_get_alt (dialog)));
      g_autofree char *markdown = tayori_markdown_image (alt, insert->hash);

      replace_range (insert->self, markdown);
    }
  else
    _tayori_body_editor_end_range (insert->self);
}

static void
image_imported_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ImageInsert *insert = user_data;
  TayoriBodyEditor *self = insert->self;
  g_autoptr(TayoriAttachment) image = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  image = tayori_media_import_finish (result, &error);
  if (image == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not add the image: %s"), error->message);

      _tayori_body_editor_end_range (self);
      gtk_widget_activate_action (GTK_WIDGET (self), "page.show-message", "s", message);
      image_insert_free (insert, NULL);
      return;
    }

  insert->hash = g_strdup (image->hash);
  dialog = tayori_image_dialog_new (parent_window (self), insert->file, image->name);
  g_signal_connect_data (dialog, "response", G_CALLBACK (image_response_cb), insert,
                         image_insert_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
image_chooser_response_cb (GtkNativeDialog  *chooser,
                           int               response,
                           TayoriBodyEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      ImageInsert *insert = g_new0 (ImageInsert, 1);

      insert->self = g_object_ref (self);
      insert->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      tayori_media_import_async (insert->file, NULL, image_imported_cb, insert);
    }
  else
    _tayori_body_editor_end_range (self);
  g_clear_object (&self->chooser);
}

static void
image_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TayoriBodyEditor *self = TAYORI_BODY_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *unused = NULL;

  if (self->chooser != NULL)
    return;
  unused = begin_range (self);
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/gif");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  self->chooser = gtk_file_chooser_native_new (_("Insert Image"), parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (image_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_text_buffer_undo (text_buffer (TAYORI_BODY_EDITOR (widget)));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_text_buffer_redo (text_buffer (TAYORI_BODY_EDITOR (widget)));
}

void
_tayori_body_editor_update_undo (TayoriBodyEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo",
                                 gtk_text_buffer_get_can_undo (text_buffer (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo",
                                 gtk_text_buffer_get_can_redo (text_buffer (self)));
}

void
_tayori_body_editor_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.heading", "i", heading_action);
  gtk_widget_class_install_action (widget_class, "editor.bold", NULL, bold_action);
  gtk_widget_class_install_action (widget_class, "editor.bulleted-list", NULL, bulleted_list_action);
  gtk_widget_class_install_action (widget_class, "editor.numbered-list", NULL, numbered_list_action);
  gtk_widget_class_install_action (widget_class, "editor.quote", NULL, quote_action);
  gtk_widget_class_install_action (widget_class, "editor.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "editor.image", NULL, image_action);
  gtk_widget_class_install_action (widget_class, "editor.table", NULL, table_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_action);

  /* The article's title is the page's h1, so body headings start at level 2 */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "editor.heading", "i", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "editor.heading", "i", 3);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "editor.heading", "i", 4);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "editor.bold", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "editor.link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.bulleted-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.numbered-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_q, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.quote", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.table", NULL);
}
