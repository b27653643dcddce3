/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the checks panel asks of the preview: highlighting a finding's element (by selector or
 * by source position) and the ruby (furigana) preview, seen in the page through JavaScript. */

#include "preview-test-util.h"

#define BODY \
  "最初の段落です。\n" \
  "\n" \
  "二番目の段落です。\n" \
  "\n" \
  "三番目の段落です。\n"

/* The text of every highlighted element, joined by "|" ("" when none), each followed by
 * "!" when it is not outlined on screen. */
static char *
highlighted (PreviewFixture *fixture)
{
  return preview_test_js_string (fixture->web_view,
                                 "return Array.from(document.querySelectorAll('[data-tayori-highlight]'),"
                                 "  el => el.textContent +"
                                 "        (getComputedStyle(el).outlineStyle === 'solid' ? '' : '!'))"
                                 "  .join('|');",
                                 NULL);
}

/* The highlight is applied by a script of the view: wait until the page shows @expected. */
static void
wait_highlighted (PreviewFixture *fixture,
                  const char     *expected)
{
  g_autofree char *now = highlighted (fixture);

  for (guint i = 0; g_strcmp0 (now, expected) != 0 && i < 100; i++)
    {
      preview_test_spin (20);
      g_free (now);
      now = highlighted (fixture);
    }
  g_assert_cmpstr (now, ==, expected);
}

static void
show_body (PreviewFixture *fixture,
           const char     *body)
{
  guint updates = fixture->updates;

  tayori_article_set_body (fixture->article, body);
  preview_fixture_wait_updates (fixture, updates + 1);
}

static void
test_highlight (PreviewFixture *fixture,
                gconstpointer   data)
{
  show_body (fixture, BODY);

  /* A selector relative to the body (as C-side findings give). */
  tayori_preview_view_highlight (fixture->view, "p:nth-of-type(2)", NULL);
  wait_highlighted (fixture, "二番目の段落です。");

  /* A selector that finds nothing: the source position decides; the earlier mark goes. */
  tayori_preview_view_highlight (fixture->view, "table > tr", "5:1-5:27");
  wait_highlighted (fixture, "三番目の段落です。");

  /* A selector for the whole page, as axe gives (the title is outside the body). */
  tayori_preview_view_highlight (fixture->view, ".article-title", NULL);
  wait_highlighted (fixture, "はじめのタイトル");

  /* An edit elsewhere in the body keeps the mark on its block. */
  tayori_preview_view_highlight (fixture->view, "p:nth-of-type(1)", NULL);
  wait_highlighted (fixture, "最初の段落です。");
  show_body (fixture, BODY "\n四番目の段落を足しました。\n");
  wait_highlighted (fixture, "最初の段落です。");

  tayori_preview_view_clear_highlight (fixture->view);
  wait_highlighted (fixture, "");

  /* Invalid selector, no source position: nothing marked, nothing thrown. */
  tayori_preview_view_highlight (fixture->view, "p[", NULL);
  preview_test_spin (100);
  wait_highlighted (fixture, "");
}

static void
test_highlight_scrolls (PreviewFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 1; i <= 80; i++)
    g_string_append_printf (body, "第%u段落です。\n\n", i);
  show_body (fixture, body->str);
  g_assert_cmpfloat (preview_test_js_number (fixture->web_view, "return window.scrollY;", NULL),
                     ==, 0);

  tayori_preview_view_highlight (fixture->view, "p:nth-of-type(80)", NULL);
  wait_highlighted (fixture, "第80段落です。");
  g_assert_cmpfloat (preview_test_js_number (fixture->web_view, "return window.scrollY;", NULL),
                     >, 0);
  g_assert_true (preview_test_js_bool (fixture->web_view,
                                       "const r = document.querySelector('[data-tayori-highlight]')"
                                       "  .getBoundingClientRect();"
                                       "return r.top >= 0 && r.bottom <= window.innerHeight;",
                                       NULL));
}

/* Texts of the body's <rt> elements, joined by "|". */
static char *
ruby_texts (PreviewFixture *fixture)
{
  return preview_test_js_string (fixture->web_view,
                                 "return Array.from(document.querySelectorAll("
                                 "  '[data-slot=\"body\"] ruby rt'), rt => rt.textContent).join('|');",
                                 NULL);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_ruby (PreviewFixture *fixture,
           gconstpointer   data)
{
  g_autofree char *plain = NULL;
  g_autofree char *every = NULL;
  g_autofree char *above = NULL;
  g_autofree char *off = NULL;
  g_autofree char *text = NULL;
  guint notifies = 0;
  guint updates;

  show_body (fixture, "学校で避難訓練を行います。\n");
  plain = ruby_texts (fixture);
  g_assert_cmpstr (plain, ==, "");
  g_signal_connect (fixture->view, "notify::ruby", G_CALLBACK (notify_cb), &notifies);
  g_signal_connect (fixture->view, "notify::ruby-grade", G_CALLBACK (notify_cb), &notifies);

  updates = fixture->updates;
  tayori_preview_view_set_ruby (fixture->view, TRUE, 0);
  g_assert_true (tayori_preview_view_get_ruby (fixture->view));
  g_assert_cmpuint (notifies, ==, 1);
  preview_fixture_wait_updates (fixture, updates + 1);
  every = ruby_texts (fixture);
  g_assert_cmpstr (every, ==, "がっこう|ひなん|くんれん|おこな");

  /* Grade-1 kanji (学校) lose their ruby; 避難訓練 and 行 keep it. */
  updates = fixture->updates;
  tayori_preview_view_set_ruby (fixture->view, TRUE, 1);
  g_assert_cmpuint (tayori_preview_view_get_ruby_grade (fixture->view), ==, 1);
  g_assert_cmpuint (notifies, ==, 2);
  preview_fixture_wait_updates (fixture, updates + 1);
  above = ruby_texts (fixture);
  g_assert_cmpstr (above, ==, "ひなん|くんれん|おこな");

  /* Setting the same again changes nothing. */
  tayori_preview_view_set_ruby (fixture->view, TRUE, 1);
  g_assert_cmpuint (notifies, ==, 2);

  updates = fixture->updates;
  tayori_preview_view_set_ruby (fixture->view, FALSE, 1);
  preview_fixture_wait_updates (fixture, updates + 1);
  off = ruby_texts (fixture);
  g_assert_cmpstr (off, ==, "");
  text = preview_test_slot_text (fixture->web_view, "body");
  g_assert_cmpstr (g_strstrip (text), ==, "学校で避難訓練を行います。");
  g_signal_handlers_disconnect_by_data (fixture->view, &notifies);
}

int
main (int   argc,
      char *argv[])
{
  preview_test_init (&argc, &argv, "test-axe-view");

  g_test_add ("/tayori/preview/highlight", PreviewFixture, NULL,
              preview_fixture_setup, test_highlight, preview_fixture_teardown);
  g_test_add ("/tayori/preview/highlight-scrolls", PreviewFixture, NULL,
              preview_fixture_setup, test_highlight_scrolls, preview_fixture_teardown);
  g_test_add ("/tayori/preview/ruby", PreviewFixture, NULL,
              preview_fixture_setup, test_ruby, preview_fixture_teardown);

  return g_test_run ();
}
