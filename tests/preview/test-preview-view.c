/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriPreviewView in a real window under Xvfb: typing updates the page in place (coalesced,
 * no reload, scroll kept), scrolling follows source lines, phone width and zoom, links never
 * navigate the view, and the context menu only copies. */

#include "preview-test-util.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tayori-web-context.h"

static gboolean
slot_contains (WebKitWebView *web_view,
               const char    *slot,
               const char    *text)
{
  g_autofree char *shown = preview_test_slot_text (web_view, slot);

  return strstr (shown, text) != NULL;
}

static void
mark_window (PreviewFixture *fixture)
{
  preview_test_js (fixture->web_view, "window.tayoriTestMarker = 'kept'; return true;", NULL);
}

/* The page was never reloaded: our world's window object is the same one. */
static void
assert_not_reloaded (PreviewFixture *fixture)
{
  g_autofree char *marker =
    preview_test_js_string (fixture->web_view, "return String(window.tayoriTestMarker);", NULL);

  g_assert_cmpstr (marker, ==, "kept");
  g_assert_cmpuint (fixture->loads, ==, 1);
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==,
                   TAYORI_WEB_CONTEXT_PAGE_BASE_URI);
}

static void
test_typing (PreviewFixture *fixture,
             gconstpointer   data)
{
  mark_window (fixture);

  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *title = g_strdup_printf ("臨時休館のお知らせ（第%u報）", i);
      g_autofree char *body =
        g_strdup_printf ("## 休館日\n\n中央図書館は%u日に休館します。ご迷惑をおかけします。", i);

      tayori_article_set_title (fixture->article, title);
      tayori_article_set_body (fixture->article, body);
      preview_test_spin (3);
    }

  PREVIEW_WAIT_UNTIL (slot_contains (fixture->web_view, "title", "臨時休館のお知らせ（第12報）") &&
                      slot_contains (fixture->web_view, "body", "中央図書館は12日に休館します。"));
  g_assert_true (slot_contains (fixture->web_view, "body", "休館日"));
  g_assert_false (slot_contains (fixture->web_view, "title", "はじめのタイトル"));
  assert_not_reloaded (fixture);
}

static void
test_coalescing (PreviewFixture *fixture,
                 gconstpointer   data)
{
  guint start = fixture->updates;

  /* No main-loop iteration between the edits: the first starts an update, the other 19 only
   * mark the view dirty, so exactly one more update follows. */
  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *body = g_strdup_printf ("入力中の本文、%u文字目まで。", i);

      tayori_article_set_body (fixture->article, body);
    }

  preview_fixture_wait_updates (fixture, start + 2);
  preview_test_spin (300);
  g_assert_cmpuint (fixture->updates, ==, start + 2);
  g_assert_true (slot_contains (fixture->web_view, "body", "入力中の本文、20文字目まで。"));
}

static void
test_unchanged_slots_kept (PreviewFixture *fixture,
                           gconstpointer   data)
{
  const char *same_node =
    "return document.querySelector('[data-slot=\"title\"]').firstChild === window.titleNode;";
  guint start = fixture->updates;

  preview_test_js (fixture->web_view,
                   "window.titleNode = document.querySelector('[data-slot=\"title\"]').firstChild;"
                   "return true;", NULL);

  tayori_article_set_body (fixture->article, "本文だけを変えました。");
  preview_fixture_wait_updates (fixture, start + 1);
  g_assert_true (slot_contains (fixture->web_view, "body", "本文だけを変えました。"));
  g_assert_true (preview_test_js_bool (fixture->web_view, same_node, NULL));

  tayori_article_set_title (fixture->article, "タイトルも変えました");
  preview_fixture_wait_updates (fixture, start + 2);
  g_assert_false (preview_test_js_bool (fixture->web_view, same_node, NULL));
}

/* A keystroke replaces only the block it changed; blocks that merely moved in the source keep
 * their nodes and get their new source positions. */
static void
test_blocks_kept (PreviewFixture *fixture,
                  gconstpointer   data)
{
  const char *kept =
    "const p = [...document.querySelectorAll('[data-slot=\"body\"] p')];"
    "return [p.indexOf(window.blocks[0]), p.indexOf(window.blocks[1]), p.indexOf(window.blocks[2]),"
    "        window.blocks[2].getAttribute('data-sourcepos')].join(' ');";
  g_autofree char *after_edit = NULL;
  g_autofree char *after_insert = NULL;
  guint start = fixture->updates;

  tayori_article_set_body (fixture->article, "第一段落。\n\n第二段落。\n\n第三段落。");
  preview_fixture_wait_updates (fixture, start + 1);
  preview_test_js (fixture->web_view,
                   "window.blocks = [...document.querySelectorAll('[data-slot=\"body\"] p')];"
                   "return true;", NULL);

  tayori_article_set_body (fixture->article, "第一段落。\n\n第二段落を直しました。\n\n第三段落。");
  preview_fixture_wait_updates (fixture, start + 2);
  after_edit = preview_test_js_string (fixture->web_view, kept, NULL);
  g_assert_cmpstr (after_edit, ==, "0 -1 2 5:1-5:15");

  tayori_article_set_body (fixture->article,
                           "新しい段落。\n\n第一段落。\n\n第二段落を直しました。\n\n第三段落。");
  preview_fixture_wait_updates (fixture, start + 3);
  after_insert = preview_test_js_string (fixture->web_view, kept, NULL);
  g_assert_cmpstr (after_insert, ==, "1 -1 3 7:1-7:15");
  g_assert_true (slot_contains (fixture->web_view, "body", "第二段落を直しました。"));
}

static char *
long_body (guint paragraphs)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < paragraphs; i++)
    g_string_append_printf (body, "段落%uの本文です。市民の皆さまへのお知らせが続きます。\n\n", i);
  return g_string_free (body, FALSE);
}

static void
test_scroll_kept (PreviewFixture *fixture,
                  gconstpointer   data)
{
  g_autofree char *body = long_body (200);
  g_autofree char *longer = g_strconcat (body, "最後に一段落を追加しました。", NULL);
  guint start = fixture->updates;
  double y;

  tayori_article_set_body (fixture->article, body);
  preview_fixture_wait_updates (fixture, start + 1);
  y = preview_test_js_number (fixture->web_view,
                              "window.scrollTo(0, 1500); return window.scrollY;", NULL);
  g_assert_cmpfloat (y, ==, 1500);

  tayori_article_set_title (fixture->article, "スクロールしたまま題名を変更");
  preview_fixture_wait_updates (fixture, start + 2);
  tayori_article_set_body (fixture->article, longer);
  preview_fixture_wait_updates (fixture, start + 3);

  g_assert_true (slot_contains (fixture->web_view, "body", "最後に一段落を追加しました。"));
  g_assert_cmpfloat (preview_test_js_number (fixture->web_view, "return window.scrollY;", NULL),
                     ==, y);
}

/* Distance from the top of the viewport to the body block starting on @line. */
static double
block_top (WebKitWebView *web_view,
           guint          line)
{
  GVariantDict arguments;

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "line", "u", line);
  return preview_test_js_number (web_view,
                                 "const el = [...document.querySelectorAll("
                                 "  '[data-slot=\"body\"] [data-sourcepos]')]"
                                 "  .find(e => e.getAttribute('data-sourcepos')"
                                 "               .startsWith(line + ':'));"
                                 "return el ? el.getBoundingClientRect().top : NaN;",
                                 g_variant_dict_end (&arguments));
}

static void
test_scroll_to_source_line (PreviewFixture *fixture,
                            gconstpointer   data)
{
  g_autofree char *body = long_body (200);
  g_autofree char *headed = g_strconcat ("# 新しい見出し\n\n", body, NULL);
  guint start = fixture->updates;

  /* Paragraph N is on line 2N+1, followed by a blank line. */
  tayori_article_set_body (fixture->article, body);
  preview_fixture_wait_updates (fixture, start + 1);
  g_assert_cmpfloat (block_top (fixture->web_view, 121), >, 800);

  tayori_preview_view_scroll_to_source_line (fixture->view, 121);
  PREVIEW_WAIT_UNTIL (fabs (block_top (fixture->web_view, 121)) < 2);

  /* A blank line between blocks goes to the block before it. */
  tayori_preview_view_scroll_to_source_line (fixture->view, 150);
  PREVIEW_WAIT_UNTIL (fabs (block_top (fixture->web_view, 149)) < 2);

  /* A scroll asked for while an edit is pending applies to the new text (here the blocks all
   * move down two lines and a heading's height). */
  tayori_article_set_body (fixture->article, headed);
  tayori_preview_view_scroll_to_source_line (fixture->view, 303);
  PREVIEW_WAIT_UNTIL (slot_contains (fixture->web_view, "body", "新しい見出し"));
  PREVIEW_WAIT_UNTIL (fabs (block_top (fixture->web_view, 303)) < 2);
}

static double
inner_width (PreviewFixture *fixture)
{
  return preview_test_js_number (fixture->web_view, "return window.innerWidth;", NULL);
}

static void
test_phone_mode (PreviewFixture *fixture,
                 gconstpointer   data)
{
  GtkWidget *web_view = GTK_WIDGET (fixture->web_view);

  g_assert_cmpfloat (inner_width (fixture), >, 900);

  tayori_preview_view_set_phone_mode (fixture->view, TRUE);
  g_assert_true (tayori_preview_view_get_phone_mode (fixture->view));

  PREVIEW_WAIT_UNTIL (inner_width (fixture) == TAYORI_PREVIEW_PHONE_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (web_view), ==, TAYORI_PREVIEW_PHONE_WIDTH);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->view), "phone"));

  /* Zoom magnifies the phone; its viewport stays 375 CSS px wide. */
  tayori_preview_view_set_zoom (fixture->view, 1.5);
  g_assert_cmpfloat (webkit_web_view_get_zoom_level (fixture->web_view), ==, 1.5);
  PREVIEW_WAIT_UNTIL (gtk_widget_get_width (web_view) == 563);
  PREVIEW_WAIT_UNTIL (inner_width (fixture) == TAYORI_PREVIEW_PHONE_WIDTH);

  tayori_preview_view_set_phone_mode (fixture->view, FALSE);
  PREVIEW_WAIT_UNTIL (gtk_widget_get_width (web_view) ==
                      gtk_widget_get_width (GTK_WIDGET (fixture->view)));
  PREVIEW_WAIT_UNTIL (fabs (inner_width (fixture) - gtk_widget_get_width (web_view) / 1.5) < 2);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->view), "phone"));

  tayori_preview_view_set_zoom (fixture->view, 7.0);
  g_assert_cmpfloat (tayori_preview_view_get_zoom (fixture->view), ==, 2.0);
  tayori_preview_view_set_zoom (fixture->view, 0.1);
  g_assert_cmpfloat (tayori_preview_view_get_zoom (fixture->view), ==, 0.5);
}

static gboolean
activate_link_cb (TayoriPreviewView *view,
                  const char        *uri,
                  GPtrArray         *opened)
{
  g_ptr_array_add (opened, g_strdup (uri));
  return TRUE;
}

static WebKitWebView *
create_cb (WebKitWebView          *web_view,
           WebKitNavigationAction *action,
           guint                  *windows)
{
  (*windows)++;
  return NULL;
}

static void
click_link (PreviewFixture *fixture,
            guint           index,
            const char     *target)
{
  GVariantDict arguments;

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "index", "u", index);
  g_variant_dict_insert (&arguments, "target", "s", target);
  preview_test_js (fixture->web_view,
                   "const a = document.querySelectorAll('[data-slot=\"body\"] a')[index];"
                   "if (target) a.target = target;"
                   "a.click(); return true;",
                   g_variant_dict_end (&arguments));
}

static void
test_links (PreviewFixture *fixture,
            gconstpointer   data)
{
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_free);
  guint windows = 0;
  guint start = fixture->updates;

  g_signal_connect (fixture->view, "activate-link", G_CALLBACK (activate_link_cb), opened);
  g_signal_connect (fixture->web_view, "create", G_CALLBACK (create_cb), &windows);
  tayori_article_set_body (fixture->article,
                           "[市のサイト](https://www.city.example.jp/kurashi/) "
                           "[メール](mailto:info@city.example.jp) "
                           "[電話](tel:0120-000-000) "
                           "[別のページ](other.html) "
                           "[新しい窓](https://www.city.example.jp/new/) "
                           "[ページ内](#contact)");
  preview_fixture_wait_updates (fixture, start + 1);
  mark_window (fixture);
  g_assert_cmpfloat (preview_test_js_number (fixture->web_view,
                       "return document.querySelectorAll('[data-slot=\"body\"] a').length;",
                       NULL), ==, 6);

  click_link (fixture, 0, "");
  PREVIEW_WAIT_UNTIL (opened->len == 1);
  click_link (fixture, 1, "");
  PREVIEW_WAIT_UNTIL (opened->len == 2);
  click_link (fixture, 2, "");
  PREVIEW_WAIT_UNTIL (opened->len == 3);
  /* Not web links: ignored, and not handed to the desktop either. */
  click_link (fixture, 3, "");
  click_link (fixture, 5, "");
  preview_test_spin (300);
  /* A link that asks for a new window gets none. */
  click_link (fixture, 4, "_blank");
  PREVIEW_WAIT_UNTIL (opened->len == 4);
  preview_test_spin (300);

  g_assert_cmpuint (opened->len, ==, 4);
  g_assert_cmpstr (opened->pdata[0], ==, "https://www.city.example.jp/kurashi/");
  g_assert_cmpstr (opened->pdata[1], ==, "mailto:info@city.example.jp");
  g_assert_cmpstr (opened->pdata[2], ==, "tel:0120-000-000");
  g_assert_cmpstr (opened->pdata[3], ==, "https://www.city.example.jp/new/");
  g_assert_cmpuint (windows, ==, 0);
  assert_not_reloaded (fixture);
  g_signal_handlers_disconnect_by_data (fixture->view, opened);
}

static WebKitContextMenuItem *
stock_item (WebKitContextMenuAction action)
{
  return webkit_context_menu_item_new_from_stock_action (action);
}

static void
test_context_menu (PreviewFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(WebKitContextMenu) menu = webkit_context_menu_new ();
  const WebKitContextMenuAction offered[] = {
    WEBKIT_CONTEXT_MENU_ACTION_GO_BACK,
    WEBKIT_CONTEXT_MENU_ACTION_RELOAD,
    WEBKIT_CONTEXT_MENU_ACTION_NO_ACTION,
    WEBKIT_CONTEXT_MENU_ACTION_COPY,
    WEBKIT_CONTEXT_MENU_ACTION_NO_ACTION,
    WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK_IN_NEW_WINDOW,
    WEBKIT_CONTEXT_MENU_ACTION_INSPECT_ELEMENT,
    WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL,
    WEBKIT_CONTEXT_MENU_ACTION_NO_ACTION,
    WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_IMAGE_TO_DISK,
  };
  gboolean suppressed = TRUE;
  GList *items;

  for (gsize i = 0; i < G_N_ELEMENTS (offered); i++)
    webkit_context_menu_append (menu, offered[i] == WEBKIT_CONTEXT_MENU_ACTION_NO_ACTION
                                        ? webkit_context_menu_item_new_separator ()
                                        : stock_item (offered[i]));

  g_signal_emit_by_name (fixture->web_view, "context-menu", menu, NULL, &suppressed);

  g_assert_false (suppressed);
  items = webkit_context_menu_get_items (menu);
  g_assert_cmpuint (g_list_length (items), ==, 3);
  g_assert_cmpint (webkit_context_menu_item_get_stock_action (items->data), ==,
                   WEBKIT_CONTEXT_MENU_ACTION_COPY);
  g_assert_true (webkit_context_menu_item_is_separator (items->next->data));
  g_assert_cmpint (webkit_context_menu_item_get_stock_action (items->next->next->data), ==,
                   WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL);
}

/* An organisation's template from its preset: its CSS comes inline, the bundled stylesheet
 * stays out, and the slots work as in the bundled template. */
static void
test_organisation_template (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tayori-template-XXXXXX", NULL);
  g_autofree char *html_path = g_build_filename (dir, "page.html", NULL);
  g_autofree char *css_path = g_build_filename (dir, "page.css", NULL);
  g_autofree char *preset_path = g_build_filename (dir, "preset.conf", NULL);
  g_autofree char *preset_text = g_strdup_printf ("[preview]\ntemplate-dir=%s\n", dir);
  g_autoptr(TayoriPreset) preset = NULL;
  g_autoptr(GError) error = NULL;
  PreviewFixture fixture = { 0 };

  g_file_set_contents (html_path,
                       "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
                       "<link rel=\"stylesheet\" href=\"page.css\"><title>{{title}}</title></head>"
                       "<body><h1 class=\"org\">{{title}}</h1><div>{{body}}</div></body></html>",
                       -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (css_path, "body { margin: 3px } .org { color: rgb(1, 2, 3) }", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (preset_path, preset_text, -1, &error);
  g_assert_no_error (error);
  preset = tayori_preset_new_from_file (preset_path, &error);
  g_assert_no_error (error);

  preview_fixture_setup (&fixture, preset);
  g_assert_true (slot_contains (fixture.web_view, "title", "はじめのタイトル"));
  g_assert_true (slot_contains (fixture.web_view, "body", "はじめの本文です。"));
  g_assert_true (preview_test_js_bool (fixture.web_view,
                                       "return getComputedStyle(document.body).marginTop === '3px'"
                                       "  && getComputedStyle(document.querySelector('.org')).color"
                                       "     === 'rgb(1, 2, 3)'"
                                       "  && document.querySelector('link[rel=stylesheet]').sheet"
                                       "     === null;", NULL));
  preview_fixture_teardown (&fixture, NULL);

  g_remove (html_path);
  g_remove (css_path);
  g_remove (preset_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  preview_test_init (&argc, &argv, "test-preview-view");

  g_test_add ("/tayori/preview/view/typing", PreviewFixture, NULL,
              preview_fixture_setup, test_typing, preview_fixture_teardown);
  g_test_add ("/tayori/preview/view/coalescing", PreviewFixture, NULL,
              preview_fixture_setup, test_coalescing, preview_fixture_teardown);
  g_test_add ("/tayori/preview/view/unchanged-slots-kept", PreviewFixture, NULL,
              preview_fixture_setup, test_unchanged_slots_kept, preview_fixture_teardown);
  g_test_add ("/tayori/preview/view/blocks-kept", PreviewFixture, NULL,
              preview_fixture_setup, test_blocks_kept, preview_fixture_teardown);
  g_test_add ("/tayori/preview/view/scroll-kept", PreviewFixture, NULL,
              preview_fixture_setup, test_scroll_kept, preview_fixture_teardown);
  g_test_add ("/tayori/preview/view/scroll-to-source-line", PreviewFixture, NULL,
              preview_fixture_setup, test_scroll_to_source_line, preview_fixture_teardown);
  g_test_add ("/tayori/preview/view/phone-mode", PreviewFixture, NULL,
              preview_fixture_setup, test_phone_mode, preview_fixture_teardown);
  g_test_add ("/tayori/preview/view/links", PreviewFixture, NULL,
              preview_fixture_setup, test_links, preview_fixture_teardown);
  g_test_add ("/tayori/preview/view/context-menu", PreviewFixture, NULL,
              preview_fixture_setup, test_context_menu, preview_fixture_teardown);
  g_test_add_func ("/tayori/preview/view/organisation-template", test_organisation_template);

  return g_test_run ();
}
