/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The article page: every user string in every fragment shows as text (never markup), the
 * emergency banner, attachments with format and size, live slot wrapping, and the standalone
 * export (CSP, language, inlined CSS, no script), from the bundled or a preset template. */
#include <string.h>
#include <glib/gstdio.h>

#include "tayori-html.h"
#include "tayori-page.h"

#define EVIL "<b>\"x'&</b>"
#define MEDIA_HASH "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

typedef struct {
  char         *dir;
  TayoriPreset *preset;
} Fixture;

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  template_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *preset_path = NULL;
  g_autoptr(GString) conf = g_string_new ("[city]\nname=" EVIL "市\n[contact]\nfax=" EVIL "\n");

  fixture->dir = g_dir_make_tmp ("tayori-page-XXXXXX", &error);
  g_assert_no_error (error);
  if (template_dir != NULL)
    {
      g_string_append (conf, "[preview]\ntemplate-dir=.\n");
      write_file (fixture->dir, "page.html",
                  "<!DOCTYPE html><html lang=\"fr\" onload=\"x()\"><head><title>{{title}}</title>"
                  "<script>alert(1)</script><link rel=\"stylesheet\" href=\"page.css\">"
                  "<meta http-equiv=\"refresh\" content=\"0\"></head>"
                  "<body onload=\"alert(1)\"><h1 class=\"custom\">{{title}}</h1>{{body}}"
                  "<script src=\"x.js\"></script></body></html>");
      write_file (fixture->dir, "page.css", ".custom { color: #123456 } /* </style><script> */");
    }
  preset_path = g_build_filename (fixture->dir, "preset.conf", NULL);
  write_file (fixture->dir, "preset.conf", conf->str);
  fixture->preset = tayori_preset_new_from_file (preset_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  template_dir)
{
  const char * const names[] = { "preset.conf", "page.html", "page.css" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_assert_finalize_object (fixture->preset);
}

static TayoriArticle *
evil_article (void)
{
  TayoriArticle *article = tayori_article_new ();
  const char * const audiences[] = { EVIL "世帯", "高齢者", NULL };
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_attachment_free);

  tayori_article_set_title (article, EVIL "のお知らせ");
  tayori_article_set_category (article, "防災/" EVIL);
  tayori_article_set_body (article, "本文 <b onclick=\"x()\">太字</b> `" EVIL "`\n");
  tayori_article_set_ward (article, EVIL "区");
  tayori_article_set_department (article, EVIL "課");
  tayori_article_set_audiences (article, audiences);
  tayori_article_set_thumbnail (article, MEDIA_HASH);
  tayori_article_set_thumbnail_alt (article, EVIL "の写真");
  tayori_article_set_contact_section (article, EVIL "係");
  tayori_article_set_contact_phone (article, "06-1234-5678 " EVIL);
  tayori_article_set_contact_email (article, EVIL "@example.jp");
  tayori_article_set_contact_address (article, EVIL "1-1");
  tayori_article_set_publish_start (article, "2026-12-01T09:00:00+09:00");
  tayori_article_set_publish_end (article, "2027-01-31");
  g_ptr_array_add (links, tayori_link_new (EVIL "リンク", "https://example.jp/?a=1&b=\"2\""));
  g_ptr_array_add (links, tayori_link_new ("危険", "javascript:alert(1)"));
  tayori_article_set_links (article, links);
  g_ptr_array_add (attachments, tayori_attachment_new (EVIL ".pdf", MEDIA_HASH, "application/pdf", 123456));
  tayori_article_set_attachments (article, attachments);
  return article;
}

/* Concatenated text and attribute values of @html, as a browser would decode them; fails
 * on any <b> element or event handler. */
static char *
visible_strings (const char *html)
{
  g_autoptr(TayoriHtmlTokenizer) tokenizer = tayori_html_tokenizer_new (html, -1);
  GString *strings = g_string_new (NULL);
  const TayoriHtmlToken *token;

  while ((token = tayori_html_tokenizer_next (tokenizer))->type != TAYORI_HTML_TOKEN_EOF)
    {
      if (token->type == TAYORI_HTML_TOKEN_TEXT)
        g_string_append_len (strings, token->data, token->data_len);
      if (token->type != TAYORI_HTML_TOKEN_START_TAG)
        continue;
      g_assert_cmpstr (token->name, !=, "script");
      if (strcmp (token->name, "style") == 0 || strcmp (token->name, "title") == 0)
        tayori_html_tokenizer_set_raw_text (tokenizer, token->name);
      for (guint i = 0; i < token->n_attributes; i++)
        {
          g_assert_false (g_str_has_prefix (token->attributes[i].name, "on"));
          g_string_append_printf (strings, "[%s]", token->attributes[i].value);
        }
    }
  return g_string_free (strings, FALSE);
}

static void
assert_shows (GHashTable *fragments,
              const char *slot,
              const char *text)
{
  const char *html = g_hash_table_lookup (fragments, slot);
  g_autofree char *strings = NULL;

  g_assert_nonnull (html);
  strings = visible_strings (html);
  if (strstr (strings, text) == NULL)
    g_error ("slot %s does not show %s as text: %s", slot, text, html);
  if (strcmp (slot, "body") != 0)
    g_assert_null (strstr (html, "<b>"));
}

static void
test_fragments_escape (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = evil_article ();
  g_autoptr(GHashTable) fragments = tayori_page_build_fragments (article, fixture->preset);

  for (guint i = 0; tayori_page_slots[i] != NULL; i++)
    g_assert_true (g_hash_table_contains (fragments, tayori_page_slots[i]));

  assert_shows (fragments, "city", EVIL "市");
  assert_shows (fragments, "breadcrumb", "防災");
  assert_shows (fragments, "breadcrumb", EVIL);
  assert_shows (fragments, "breadcrumb", EVIL "のお知らせ");
  assert_shows (fragments, "title", EVIL "のお知らせ");
  assert_shows (fragments, "meta", EVIL "区 " EVIL "課");
  assert_shows (fragments, "audiences", EVIL "世帯");
  assert_shows (fragments, "thumbnail", "[tayori-media:" MEDIA_HASH "][" EVIL "の写真]");
  assert_shows (fragments, "body", EVIL);
  assert_shows (fragments, "links", "[https://example.jp/?a=1&b=\"2\"][noopener noreferrer]" EVIL "リンク");
  assert_shows (fragments, "links", "危険");
  assert_shows (fragments, "attachments", EVIL ".pdf");
  assert_shows (fragments, "contact", EVIL "係");
  assert_shows (fragments, "contact", "[tel:0612345678]06-1234-5678 " EVIL);
  assert_shows (fragments, "contact", EVIL);   /* the fax default from the preset */
  assert_shows (fragments, "contact", EVIL "1-1");
  g_assert_null (strstr (g_hash_table_lookup (fragments, "links"), "javascript"));
  g_assert_null (strstr (g_hash_table_lookup (fragments, "contact"), "mailto:"));
  g_assert_nonnull (strstr (g_hash_table_lookup (fragments, "body"), "<b>太字</b>"));
  g_assert_cmpstr (g_hash_table_lookup (fragments, "emergency"), ==, "");
}

static void
test_meta_dates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = evil_article ();
  g_autoptr(GDateTime) updated = g_date_time_new_utc (2026, 11, 20, 3, 0, 0);
  g_autoptr(GHashTable) fragments = NULL;
  const char *meta;

  tayori_article_set_updated (article, updated);
  fragments = tayori_page_build_fragments (article, fixture->preset);
  meta = g_hash_table_lookup (fragments, "meta");
  g_assert_nonnull (strstr (meta, "<time datetime=\"2026-11-20\">"));
  g_assert_nonnull (strstr (meta, "<time datetime=\"2026-12-01\">"));
  g_assert_nonnull (strstr (meta, "<time datetime=\"2027-01-31\">"));
  g_assert_nonnull (strstr (meta, "Updated: "));
  g_assert_nonnull (strstr (meta, "Publication period: "));
}

static void
test_emergency_and_attachments (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = evil_article ();
  g_autoptr(GHashTable) fragments = NULL;
  GPtrArray *attachments = tayori_article_get_attachments (article);
  g_autofree char *description = tayori_attachment_describe (g_ptr_array_index (attachments, 0));
  g_autofree char *escaped = tayori_html_escape (description);
  const char *html;

  tayori_article_set_emergency (article, TRUE);
  fragments = tayori_page_build_fragments (article, fixture->preset);
  g_assert_nonnull (strstr (g_hash_table_lookup (fragments, "emergency"), "class=\"emergency-banner\""));
  assert_shows (fragments, "emergency", "Emergency information");

  html = g_hash_table_lookup (fragments, "attachments");
  g_assert_nonnull (strstr (html, "href=\"tayori-media:" MEDIA_HASH "\""));
  g_assert_nonnull (strstr (description, "PDF"));
  g_assert_nonnull (strstr (html, escaped));
}

static void
test_fill_template (void)
{
  static const char template_html[] =
    "<title>{{title}}</title><p class=\"brand\">{{city}}</p><section>{{body}}</section>"
    "<li>{{title}}</li>{{unknown}} {{ body";
  g_autoptr(GHashTable) fragments = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *live = NULL;
  g_autofree char *once = NULL;

  g_hash_table_insert (fragments, (gpointer) "title", (gpointer) "T &amp; t");
  g_hash_table_insert (fragments, (gpointer) "body", (gpointer) "<p>B</p>");
  live = tayori_page_fill_template (template_html, fragments, TRUE);
  once = tayori_page_fill_template (template_html, fragments, FALSE);

  g_assert_cmpstr (live, ==,
                   "<title>T &amp; t</title><p class=\"brand\"><span data-slot=\"city\"></span></p>"
                   "<section><div data-slot=\"body\"><p>B</p></div></section>"
                   "<li><span data-slot=\"title\">T &amp; t</span></li>{{unknown}} {{ body");
  g_assert_cmpstr (once, ==,
                   "<title>T &amp; t</title><p class=\"brand\"></p><section><p>B</p></section>"
                   "<li>T &amp; t</li>{{unknown}} {{ body");
}

static void
test_bundled_template (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = evil_article ();
  g_autoptr(GHashTable) fragments = tayori_page_build_fragments (article, fixture->preset);
  g_autoptr(GBytes) template_bytes = tayori_page_load_asset (fixture->preset, "page.html", NULL);
  g_autofree char *template_html = g_strndup (g_bytes_get_data (template_bytes, NULL),
                                              g_bytes_get_size (template_bytes));
  g_autofree char *live = tayori_page_fill_template (template_html, fragments, TRUE);

  for (guint i = 0; tayori_page_slots[i] != NULL; i++)
    {
      g_autofree char *div = g_strdup_printf ("<div data-slot=\"%s\">", tayori_page_slots[i]);
      g_autofree char *span = g_strdup_printf ("<span data-slot=\"%s\">", tayori_page_slots[i]);

      if (strstr (live, div) == NULL && strstr (live, span) == NULL)
        g_error ("slot %s missing from the bundled template", tayori_page_slots[i]);
    }
  g_assert_null (strstr (live, "{{"));
}

static void
assert_standalone (const char *html,
                   const char *lang)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);
  g_autofree char *html_tag = g_strdup_printf ("<html lang=\"%s\">", lang);
  g_autofree char *strings = visible_strings (html);

  g_assert_nonnull (strstr (html, html_tag));
  g_assert_nonnull (strstr (html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                                  "'none'; img-src * data:; style-src 'unsafe-inline'\">"));
  g_assert_nonnull (strstr (html, "<style>"));
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "stylesheet"));
  g_assert_null (strstr (lower, "refresh"));
  g_assert_null (strstr (html, "{{"));
  g_assert_nonnull (strstr (strings, EVIL "のお知らせ"));
}

static void
test_standalone_bundled (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = evil_article ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ja = tayori_page_render_standalone (article, fixture->preset, &error);
  g_autofree char *en = NULL;

  g_assert_no_error (error);
  assert_standalone (ja, "ja");
  g_assert_nonnull (strstr (ja, "--brand"));   /* the bundled CSS, inlined */
  g_assert_nonnull (strstr (ja, "@media (max-width: 480px)"));

  tayori_article_set_language (article, TAYORI_LANGUAGE_EN);
  en = tayori_page_render_standalone (article, fixture->preset, &error);
  g_assert_no_error (error);
  assert_standalone (en, "en");
}

static void
test_standalone_preset_template (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = evil_article ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = tayori_page_render_standalone (article, fixture->preset, &error);

  g_assert_no_error (error);
  assert_standalone (html, "ja");
  g_assert_nonnull (strstr (html, "<h1 class=\"custom\">"));
  g_assert_nonnull (strstr (html, ".custom { color: #123456 } /* \\3c /style>\\3c script> */"));
  g_assert_null (strstr (html, "onload"));
  g_assert_null (strstr (html, "lang=\"fr\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tayori/render/page/fragments-escape", Fixture, NULL,
              fixture_set_up, test_fragments_escape, fixture_tear_down);
  g_test_add ("/tayori/render/page/meta-dates", Fixture, NULL,
              fixture_set_up, test_meta_dates, fixture_tear_down);
  g_test_add ("/tayori/render/page/emergency-and-attachments", Fixture, NULL,
              fixture_set_up, test_emergency_and_attachments, fixture_tear_down);
  g_test_add_func ("/tayori/render/page/fill-template", test_fill_template);
  g_test_add ("/tayori/render/page/bundled-template", Fixture, NULL,
              fixture_set_up, test_bundled_template, fixture_tear_down);
  g_test_add ("/tayori/render/page/standalone-bundled", Fixture, NULL,
              fixture_set_up, test_standalone_bundled, fixture_tear_down);
  g_test_add ("/tayori/render/page/standalone-preset-template", Fixture, "preset",
              fixture_set_up, test_standalone_preset_template, fixture_tear_down);

  return g_test_run ();
}
