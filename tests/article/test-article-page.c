/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The article page under Xvfb: loading, autosave of typed text, flush, the formatting
 * actions of the body editor, the link and image dialogs' checks, the history diff and a
 * restore that keeps the replaced text as a version, the accessible names tests use, and the
 * preview pane's zoom actions and properties. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "tayori-article-page-private.h"
#include "tayori-body-editor.h"
#include "tayori-history-diff.h"
#include "tayori-history-window.h"
#include "tayori-image-dialog.h"
#include "tayori-link-dialog.h"
#include "tayori-save-status.h"

#define WAIT_LIMIT_US (30 * G_USEC_PER_SEC)

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_US;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_true (condition (data));
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The widget of @type (any control when G_TYPE_INVALID) whose accessible label is @name.
 * Labels name themselves after their text, so they never count as controls. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name,
            GType       type)
{
  gboolean wanted = type != G_TYPE_INVALID ? G_TYPE_CHECK_INSTANCE_TYPE (root, type) : !GTK_IS_LABEL (root);

  if (wanted)
    {
      g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name);

      if (mismatch == NULL)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Page fixture: a store with one article, the page showing it in a window */

typedef struct {
  char *dir;
  TayoriStore *store;
  TayoriPreset *preset;
  GtkWindow *window;
  TayoriArticlePage *page;
  gint64 id;
  guint saved;
  gboolean loaded;
} Fixture;

static void
saved_cb (TayoriArticlePage *page,
          gint64             id,
          Fixture           *fixture)
{
  g_assert_cmpint (id, ==, fixture->id);
  fixture->saved++;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (tayori_article_page_load_finish (TAYORI_ARTICLE_PAGE (object), result, &error));
  g_assert_no_error (error);
  fixture->loaded = TRUE;
}

static gboolean
is_loaded (gpointer data)
{
  return ((Fixture *) data)->loaded;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("tayori-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "tayori.db", NULL);
  fixture->store = tayori_store_open (path, &error);
  g_assert_no_error (error);
  fixture->preset = tayori_preset_new_defaults ();

  tayori_article_set_title (article, "保育施設の利用申込み");
  tayori_article_set_body (article, "はじめに\n\n## 受付期間\n\n平日の午前9時から");
  tayori_store_save_article (fixture->store, article, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
  fixture->id = tayori_article_get_id (article);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 800);
  fixture->page = TAYORI_ARTICLE_PAGE (tayori_article_page_new (fixture->store, fixture->preset, NULL));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  g_signal_connect (fixture->page, "saved", G_CALLBACK (saved_cb), fixture);
  gtk_window_present (fixture->window);

  g_assert_null (tayori_article_page_get_article (fixture->page));
  tayori_article_page_load_async (fixture->page, fixture->id, NULL, loaded_cb, fixture);
  wait_until (is_loaded, fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  tayori_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->preset);
  g_free (fixture->dir);
}

static GtkTextBuffer *
body_buffer (Fixture *fixture)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (GTK_WIDGET (fixture->page),
                                                               GTK_SOURCE_TYPE_VIEW)));
}

static TayoriArticle *
stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TayoriArticle *article = tayori_store_load_article (fixture->store, fixture->id, &error);

  g_assert_no_error (error);
  return article;
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  TayoriArticle *article = tayori_article_page_get_article (fixture->page);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GtkTextIter start, end;
  GtkWidget *title_entry = find_named (GTK_WIDGET (fixture->page), "Title", GTK_TYPE_TEXT);

  g_assert_nonnull (article);
  g_assert_cmpint (tayori_article_get_id (article), ==, fixture->id);
  g_object_get (fixture->page, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "保育施設の利用申込み");

  gtk_text_buffer_get_bounds (body_buffer (fixture), &start, &end);
  body = gtk_text_buffer_get_text (body_buffer (fixture), &start, &end, TRUE);
  g_assert_cmpstr (body, ==, tayori_article_get_body (article));

  g_assert_nonnull (title_entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_entry)), ==, "保育施設の利用申込み");
}

static gboolean
saved_once (gpointer data)
{
  return ((Fixture *) data)->saved > 0;
}

static gboolean
status_says_saved (gpointer data)
{
  GtkWidget *status = find_widget (GTK_WIDGET (data), TAYORI_TYPE_SAVE_STATUS);
  GtkWidget *label = find_widget (status, GTK_TYPE_LABEL);

  return g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), "Saved ");
}

static void
test_autosave (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = NULL;
  GtkWidget *title_entry = find_named (GTK_WIDGET (fixture->page), "Title", GTK_TYPE_TEXT);
  g_autofree char *title = NULL;

  /* Typing alone, without any flush, reaches the store */
  gtk_text_buffer_insert_at_cursor (body_buffer (fixture), "追記：", -1);
  gtk_editable_set_text (GTK_EDITABLE (title_entry), "保育施設の利用申込み（更新）");
  wait_until (saved_once, fixture);

  article = stored (fixture);
  g_assert_true (g_str_has_prefix (tayori_article_get_body (article), "追記：はじめに"));
  g_assert_cmpstr (tayori_article_get_title (article), ==, "保育施設の利用申込み（更新）");
  g_object_get (fixture->page, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "保育施設の利用申込み（更新）");
  /* the status line tells the time of the save */
  wait_until (status_says_saved, fixture->page);
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tayori_article_page_flush_finish (TAYORI_ARTICLE_PAGE (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_flush (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = NULL;
  gboolean done = FALSE;
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (body_buffer (fixture), &end);
  gtk_text_buffer_insert (body_buffer (fixture), &end, "まで", -1);
  tayori_article_page_flush_async (fixture->page, NULL, flushed_cb, &done);
  wait_until (is_true, &done);

  article = stored (fixture);
  g_assert_true (g_str_has_suffix (tayori_article_get_body (article), "午前9時からまで"));
}

/* Restore: the current text is kept as a version, then the old one comes back */

static gboolean
restore_enabled (gpointer data)
{
  return gtk_widget_is_sensitive (find_named (GTK_WIDGET (data), "Restore This Revision", GTK_TYPE_BUTTON));
}

static gboolean
saved_thrice (gpointer data)
{
  return ((Fixture *) data)->saved >= 3;
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(TayoriArticle) kept = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  gboolean done = FALSE;
  GtkWidget *history = NULL;
  GtkWidget *list;
  GListModel *toplevels;
  GtkTextIter end;

  /* A second version, so that there is an older one to go back to */
  gtk_text_buffer_get_end_iter (body_buffer (fixture), &end);
  gtk_text_buffer_insert (body_buffer (fixture), &end, "（変更後）", -1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.save", NULL);
  wait_until (saved_once, fixture);
  before = tayori_store_list_revisions (fixture->store, fixture->id, &error);
  g_assert_cmpuint (before->len, >=, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.history", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && history == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (TAYORI_IS_HISTORY_WINDOW (window))
        history = window;
    }
  g_assert_nonnull (history);

  /* The newest version is selected first; pick the original one */
  wait_until (restore_enabled, history);
  list = find_named (history, "Revisions", GTK_TYPE_LIST_BOX);
  gtk_list_box_select_row (GTK_LIST_BOX (list),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), before->len - 1));
  wait_until (restore_enabled, history);
  g_assert_true (gtk_widget_activate_action (history, "history.restore", NULL));
  wait_until (saved_thrice, fixture);
  tayori_article_page_flush_async (fixture->page, NULL, flushed_cb, &done);
  wait_until (is_true, &done);

  article = stored (fixture);
  g_assert_cmpstr (tayori_article_get_body (article), ==, "はじめに\n\n## 受付期間\n\n平日の午前9時から");
  after = tayori_store_list_revisions (fixture->store, fixture->id, &error);
  g_assert_cmpuint (after->len, ==, before->len + 2);
  /* Nothing lost: the text that was replaced is the version just before the restore */
  kept = tayori_store_load_revision (fixture->store, ((TayoriRevision *) g_ptr_array_index (after, 1))->id,
                                     &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (tayori_article_get_body (kept), "（変更後）"));
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *names[] = {
    "Title", "Body", "Summary", "Heading", "Bold", "Bulleted list", "Numbered list", "Link",
    "Image", "Table", "Quote", "Undo", "Redo", "History", "Save", "Export", "Show Preview",
    "Desktop Preview", "Phone Preview", "Zoom In", "Zoom Out", "Reset Zoom",
    "Thumbnail alternative text", "Choose Thumbnail Image", "Remove Thumbnail Image",
    "Other Categories", "Audiences", "Emergency Information", "Publish from", "Publish until",
    "Contact Section", "Contact Phone", "Contact Fax", "Contact Email", "Contact Address",
    "Add Link", "Add Attachment",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (find_named (GTK_WIDGET (fixture->page), names[i], G_TYPE_INVALID) == NULL)
      g_error ("No widget named “%s”", names[i]);
}

/* The preview pane: zoom steps, enablement from the zoom, notify only on change */

/* Whether the page's button named @name is sensitive: how its action's enablement shows */
static gboolean
button_enabled (Fixture    *fixture,
                const char *name)
{
  GtkWidget *button = find_named (GTK_WIDGET (fixture->page), name, G_TYPE_INVALID);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static double
zoom (Fixture *fixture)
{
  double value = 0;

  g_object_get (fixture->page, "preview-zoom", &value, NULL);
  return value;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_zoom_actions (Fixture       *fixture,
                   gconstpointer  data)
{
  guint notifies = 0;

  g_signal_connect_swapped (fixture->page, "notify::preview-zoom", G_CALLBACK (count_cb), &notifies);

  g_assert_cmpfloat_with_epsilon (zoom (fixture), 1.0, 0.001);
  g_assert_cmpstr (gtk_label_get_label (fixture->page->zoom_label), ==, "100%");
  g_assert_false (button_enabled (fixture, "Reset Zoom"));
  g_assert_true (button_enabled (fixture, "Zoom In"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (zoom (fixture), 1.1, 0.001);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpstr (gtk_label_get_label (fixture->page->zoom_label), ==, "110%");
  g_assert_true (button_enabled (fixture, "Reset Zoom"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (zoom (fixture), 0.9, 0.001);
  g_assert_cmpuint (notifies, ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (zoom (fixture), 1.0, 0.001);
  g_assert_cmpuint (notifies, ==, 4);

  /* Up to the largest step, where zoom-in is disabled and zoom-out enabled */
  for (guint i = 0; i < 5; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (zoom (fixture), 2.0, 0.001);
  g_assert_cmpuint (notifies, ==, 9);
  g_assert_false (button_enabled (fixture, "Zoom In"));
  g_assert_true (button_enabled (fixture, "Zoom Out"));
  g_signal_handlers_disconnect_by_data (fixture->page, &notifies);
}

static void
test_preview_notify_on_change (Fixture       *fixture,
                               gconstpointer  data)
{
  guint notifies = 0;

  g_signal_connect_swapped (fixture->page, "notify", G_CALLBACK (count_cb), &notifies);

  g_object_set (fixture->page, "preview-zoom", 1.0, "preview-mode", "desktop", "show-preview", TRUE, NULL);
  g_assert_cmpuint (notifies, ==, 0);

  g_object_set (fixture->page, "preview-mode", "phone", NULL);
  g_assert_cmpuint (notifies, ==, 1);
  g_object_set (fixture->page, "show-preview", FALSE, NULL);
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_false (gtk_widget_get_visible (fixture->page->preview_box));
  g_object_set (fixture->page, "preview-zoom", 1.5, NULL);
  g_assert_cmpuint (notifies, ==, 3);
  g_assert_cmpstr (gtk_label_get_label (fixture->page->zoom_label), ==, "150%");
  /* The teardown notifies too (the page loses its parent), after @notifies is gone */
  g_signal_handlers_disconnect_by_data (fixture->page, &notifies);
}

/* Body editor formatting, on an article of its own */

static char *
format (const char *body,
        const char *action,
        GVariant   *parameter,
        gboolean    select_all)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = tayori_body_editor_new ();
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  char *result;

  gtk_window_set_child (GTK_WINDOW (window), editor);
  tayori_article_set_body (article, body);
  tayori_body_editor_set_article (TAYORI_BODY_EDITOR (editor), article);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (editor, GTK_SOURCE_TYPE_VIEW)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  if (select_all)
    gtk_text_buffer_select_range (buffer, &start, &end);
  else
    gtk_text_buffer_place_cursor (buffer, &start);

  g_assert_true (gtk_widget_activate_action_variant (editor, action, parameter));
  tayori_body_editor_commit (TAYORI_BODY_EDITOR (editor));
  result = g_strdup (tayori_article_get_body (article));
  gtk_window_destroy (GTK_WINDOW (window));
  return result;
}

static void
test_formatting (void)
{
  struct {
    const char *body;
    const char *action;
    int level;
    gboolean select_all;
    const char *expected;
  } cases[] = {
    { "受付期間", "editor.heading", 2, FALSE, "## 受付期間" },
    { "## 受付期間", "editor.heading", 3, FALSE, "### 受付期間" },
    { "## 受付期間", "editor.heading", 2, FALSE, "受付期間" },
    { "保育所\n\n幼稚園", "editor.bulleted-list", 0, TRUE, "- 保育所\n\n- 幼稚園" },
    { "- 保育所\n- 幼稚園", "editor.bulleted-list", 0, TRUE, "保育所\n幼稚園" },
    { "申込\n審査\n決定", "editor.numbered-list", 0, TRUE, "1. 申込\n2. 審査\n3. 決定" },
    { "大切なお知らせ", "editor.quote", 0, TRUE, "> 大切なお知らせ" },
    { "重要", "editor.bold", 0, TRUE, "**重要**" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GVariant *parameter = cases[i].level > 0 ? g_variant_new_int32 (cases[i].level) : NULL;
      g_autofree char *result = format (cases[i].body, cases[i].action, parameter, cases[i].select_all);

      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_unbold (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = tayori_body_editor_new ();
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  gtk_window_set_child (GTK_WINDOW (window), editor);
  tayori_article_set_body (article, "とても**重要**です");
  tayori_body_editor_set_article (TAYORI_BODY_EDITOR (editor), article);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (editor, GTK_SOURCE_TYPE_VIEW)));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 5);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 7);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_widget_activate_action (editor, "editor.bold", NULL);
  tayori_body_editor_commit (TAYORI_BODY_EDITOR (editor));
  g_assert_cmpstr (tayori_article_get_body (article), ==, "とても重要です");

  /* One undo step brings the markers back */
  gtk_widget_activate_action (editor, "editor.undo", NULL);
  tayori_body_editor_commit (TAYORI_BODY_EDITOR (editor));
  g_assert_cmpstr (tayori_article_get_body (article), ==, "とても**重要**です");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_table (void)
{
  g_autofree char *result = format ("前の段落", "editor.table", NULL, FALSE);
  g_auto(GStrv) lines = g_strsplit (result, "\n", -1);

  /* Inserted at the start of a line of text: the table comes first, and a blank line
   * keeps that text out of it */
  g_assert_true (g_str_has_prefix (result, "| "));
  g_assert_cmpstr (lines[1], ==, "| --- | --- |");
  g_assert_true (g_str_has_suffix (result, "|\n\n前の段落"));
}

static gboolean
line_seen (gpointer data)
{
  return *(guint *) data == 3;
}

static void
cursor_line_cb (TayoriBodyEditor *editor,
                guint             line,
                guint            *last)
{
  *last = line;
}

static void
test_cursor_line (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = tayori_body_editor_new ();
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  guint last = 0;

  gtk_window_set_child (GTK_WINDOW (window), editor);
  tayori_article_set_body (article, "一行目\n二行目\n三行目");
  tayori_body_editor_set_article (TAYORI_BODY_EDITOR (editor), article);
  g_signal_connect (editor, "cursor-line-changed", G_CALLBACK (cursor_line_cb), &last);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (editor, GTK_SOURCE_TYPE_VIEW)));
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 2);
  gtk_text_buffer_place_cursor (buffer, &iter);
  wait_until (line_seen, &last);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Dialog checks */

static void
set_entry_row (GtkWidget  *root,
               const char *name,
               const char *text)
{
  GtkWidget *entry = find_named (root, name, GTK_TYPE_TEXT);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
test_link_dialog (void)
{
  GtkWidget *dialog = tayori_link_dialog_new (NULL, "申請書");
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);
  g_autofree char *markdown = NULL;

  g_assert_false (adw_message_dialog_get_response_enabled (message, "insert"));
  set_entry_row (dialog, "Link URL", "javascript:alert(1)");
  g_assert_false (adw_message_dialog_get_response_enabled (message, "insert"));
  set_entry_row (dialog, "Link URL", " https://www.city.example.jp/form ");
  g_assert_true (adw_message_dialog_get_response_enabled (message, "insert"));
  markdown = tayori_link_dialog_dup_markdown (TAYORI_LINK_DIALOG (dialog));
  g_assert_cmpstr (markdown, ==, "[申請書](https://www.city.example.jp/form)");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_image_dialog (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/IMG_0012.JPG");
  GtkWidget *dialog = tayori_image_dialog_new (NULL, file, "IMG_0012.JPG");
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  g_assert_false (adw_message_dialog_get_response_enabled (message, "insert"));
  set_entry_row (dialog, "Alternative text", "IMG_0012");
  g_assert_false (adw_message_dialog_get_response_enabled (message, "insert"));
  set_entry_row (dialog, "Alternative text", "北区役所の正面入口");
  g_assert_true (adw_message_dialog_get_response_enabled (message, "insert"));
  g_assert_cmpstr (tayori_image_dialog_get_alt (TAYORI_IMAGE_DIALOG (dialog)), ==, "北区役所の正面入口");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* History diff: changes are marked with text, not only with colour */

static void
diff_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(GPtrArray **) user_data = tayori_history_diff_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
test_history_diff (void)
{
  g_autoptr(TayoriArticle) old_article = tayori_article_new ();
  g_autoptr(TayoriArticle) new_article = tayori_article_new ();
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(GPtrArray) diff = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end, found;

  tayori_article_set_title (old_article, "避難所の開設");
  tayori_article_set_title (new_article, "避難所の開設");
  tayori_article_set_body (old_article, "北区の小学校を開設します。");
  tayori_article_set_body (new_article, "北区の中学校を開設しました。");
  tayori_history_diff_async (old_article, new_article, NULL, diff_cb, &diff);
  wait_until (is_set, &diff);
  tayori_history_diff_render (diff, buffer);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_nonnull (strstr (text, "[-小-][+中+]"));
  g_assert_nonnull (strstr (text, "[-す-][+した+]"));
  /* the unchanged title says so in words */
  g_assert_nonnull (strstr (text, "No changes"));

  g_assert_true (gtk_text_iter_forward_search (&start, "中", 0, &found, NULL, NULL));
  g_assert_true (gtk_text_iter_has_tag (&found, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                          "insert")));
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "小", 0, &found, NULL, NULL));
  g_assert_true (gtk_text_iter_has_tag (&found, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                          "delete")));
}

int
main (int argc, char **argv)
{
  /* The accessible names are checked through GTK's test accessibility backend */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/tayori/article/page/load", Fixture, NULL, fixture_setup, test_load, fixture_teardown);
  g_test_add ("/tayori/article/page/autosave", Fixture, NULL, fixture_setup, test_autosave, fixture_teardown);
  g_test_add ("/tayori/article/page/flush", Fixture, NULL, fixture_setup, test_flush, fixture_teardown);
  g_test_add ("/tayori/article/page/restore", Fixture, NULL, fixture_setup, test_restore, fixture_teardown);
  g_test_add ("/tayori/article/page/accessible-names", Fixture, NULL, fixture_setup, test_accessible_names,
              fixture_teardown);
  g_test_add ("/tayori/article/page/zoom-actions", Fixture, NULL, fixture_setup, test_zoom_actions,
              fixture_teardown);
  g_test_add ("/tayori/article/page/preview-notify-on-change", Fixture, NULL, fixture_setup,
              test_preview_notify_on_change, fixture_teardown);
  g_test_add_func ("/tayori/article/editor/formatting", test_formatting);
  g_test_add_func ("/tayori/article/editor/unbold-and-undo", test_unbold);
  g_test_add_func ("/tayori/article/editor/table", test_table);
  g_test_add_func ("/tayori/article/editor/cursor-line", test_cursor_line);
  g_test_add_func ("/tayori/article/dialogs/link", test_link_dialog);
  g_test_add_func ("/tayori/article/dialogs/image", test_image_dialog);
  g_test_add_func ("/tayori/article/history/diff", test_history_diff);
  return g_test_run ();
}
