/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The city-site page around an article: one safe HTML fragment per template slot (the
 * template pass that places them is in tayori-page-template.c). */
#include "tayori-page.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "tayori-html.h"
#include "tayori-markdown.h"
#include "tayori-sanitizer.h"

const char * const tayori_page_slots[] = {
  "city", "breadcrumb", "title", "meta", "audiences", "emergency", "thumbnail", "body",
  "links", "attachments", "contact", NULL
};

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static gboolean
is_media_hash (const char *text)
{
  return text != NULL && strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64;
}

/* Appends @format (translated, trusted) escaped, with each %s replaced by HTML in @args. */
static void
append_label (GString    *out,
              const char *format,
              ...)
{
  g_autofree char *escaped = tayori_html_escape (format);
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (escaped, args);
  va_end (args);
  g_string_append (out, text);
}

/* Appends @before, @text entity-encoded, then @after. */
static void
append_escaped (GString    *out,
                const char *before,
                const char *text,
                const char *after)
{
  g_string_append (out, before);
  tayori_html_escape_append (out, text);
  g_string_append (out, after);
}

static char *
build_city (TayoriPreset *preset)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, "<span class=\"city-name\">", tayori_preset_get_city_name (preset), "</span> ");
  append_escaped (out, "<span class=\"site-name\">", C_("page", "Official website"), "</span>");
  return g_string_free (out, FALSE);
}

static const char *
title_or_placeholder (TayoriArticle *article)
{
  const char *title = tayori_article_get_title (article);

  return is_empty (title) ? C_("page", "Untitled") : title;
}

static char *
build_breadcrumb (TayoriArticle *article)
{
  GString *out = g_string_new (NULL);
  g_auto(GStrv) parts = g_strsplit (tayori_article_get_category (article), "/", -1);

  /* Translators: accessible name of the breadcrumb trail on the article page */
  append_escaped (out, "<nav class=\"breadcrumb\" aria-label=\"", C_("page", "You are here"), "\"><ol>");
  append_escaped (out, "<li>", C_("page", "Home"), "</li>");
  for (guint i = 0; parts[i] != NULL; i++)
    if (!is_empty (g_strstrip (parts[i])))
      append_escaped (out, "<li>", parts[i], "</li>");
  append_escaped (out, "<li aria-current=\"page\">", title_or_placeholder (article), "</li></ol></nav>");
  return g_string_free (out, FALSE);
}

/* "2026-12-01" or a full ISO 8601 date-time; the date shown is the one written. */
static GDateTime *
parse_date (const char *iso8601)
{
  int year, month, day;
  char tail;
  g_autoptr(GTimeZone) local = NULL;

  if (is_empty (iso8601))
    return NULL;
  if (sscanf (iso8601, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3)
    return g_date_time_new_utc (year, month, day, 0, 0, 0);
  local = g_time_zone_new_local ();
  return g_date_time_new_from_iso8601 (iso8601, local);
}

static char *
date_html (GDateTime *date)
{
  g_autofree char *machine = g_date_time_format (date, "%Y-%m-%d");
  /* Translators: date on the article page, in g_date_time_format() syntax */
  g_autofree char *human = g_date_time_format (date, C_("page", "%B %-d, %Y"));
  g_autofree char *escaped = tayori_html_escape (human);

  return g_strdup_printf ("<time datetime=\"%s\">%s</time>", machine, escaped);
}

static void
append_publication_period (GString       *out,
                           TayoriArticle *article)
{
  g_autoptr(GDateTime) start = parse_date (tayori_article_get_publish_start (article));
  g_autoptr(GDateTime) end = parse_date (tayori_article_get_publish_end (article));
  g_autofree char *start_html = start != NULL ? date_html (start) : NULL;
  g_autofree char *end_html = end != NULL ? date_html (end) : NULL;

  if (start == NULL && end == NULL)
    return;
  g_string_append (out, "<span class=\"meta-item meta-period\">");
  if (start != NULL && end != NULL)
    append_label (out, C_("page", "Publication period: %s – %s"), start_html, end_html);
  else if (start != NULL)
    append_label (out, C_("page", "Publication period: from %s"), start_html);
  else
    append_label (out, C_("page", "Publication period: until %s"), end_html);
  g_string_append (out, "</span>");
}

static char *
build_meta (TayoriArticle *article)
{
  GString *out = g_string_new ("<p class=\"article-meta\">");
  GDateTime *stamp = tayori_article_get_updated (article);
  g_autofree char *publisher = NULL;
  const char *parts[3] = { NULL };
  guint n_parts = 0;

  if (stamp == NULL)
    stamp = tayori_article_get_created (article);
  if (stamp != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (stamp);
      g_autofree char *html = date_html (local);

      g_string_append (out, "<span class=\"meta-item meta-updated\">");
      append_label (out, C_("page", "Updated: %s"), html);
      g_string_append (out, "</span>");
    }
  append_publication_period (out, article);

  if (!is_empty (tayori_article_get_ward (article)))
    parts[n_parts++] = tayori_article_get_ward (article);
  if (!is_empty (tayori_article_get_department (article)))
    parts[n_parts++] = tayori_article_get_department (article);
  publisher = g_strjoinv (" ", (char **) parts);
  if (n_parts > 0)
    {
      g_autofree char *html = tayori_html_escape (publisher);

      g_string_append (out, "<span class=\"meta-item meta-publisher\">");
      /* Translators: %s is the ward and department that publish the notice */
      append_label (out, C_("page", "Published by: %s"), html);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</p>");
  return g_string_free (out, FALSE);
}

static char *
build_audiences (TayoriArticle *article)
{
  const char * const *audiences = tayori_article_get_audiences (article);
  GString *out;

  if (audiences[0] == NULL)
    return g_strdup ("");
  out = g_string_new (NULL);
  /* Translators: label before the audiences of a notice ("for families, seniors") */
  append_escaped (out, "<div class=\"audiences\"><span class=\"audiences-label\">", C_("page", "For"),
                  "</span><ul class=\"chips\">");
  for (guint i = 0; audiences[i] != NULL; i++)
    append_escaped (out, "<li class=\"chip\">", audiences[i], "</li>");
  g_string_append (out, "</ul></div>");
  return g_string_free (out, FALSE);
}

static char *
build_emergency (TayoriArticle *article)
{
  GString *out;

  if (!tayori_article_get_emergency (article))
    return g_strdup ("");
  out = g_string_new ("<div class=\"emergency-banner\" role=\"note\">");
  append_escaped (out, "<strong class=\"emergency-label\">", C_("page", "Emergency information"), "</strong> ");
  append_escaped (out, "<span class=\"emergency-text\">",
                  C_("page", "This notice carries urgent information for residents."), "</span></div>");
  return g_string_free (out, FALSE);
}

static char *
build_thumbnail (TayoriArticle *article)
{
  const char *thumbnail = tayori_article_get_thumbnail (article);
  g_autofree char *src = NULL;
  GString *out;

  if (is_empty (thumbnail))
    return g_strdup ("");
  src = is_media_hash (thumbnail) ? g_strconcat ("tayori-media:", thumbnail, NULL)
                                  : tayori_sanitize_url (thumbnail, TAYORI_URL_IMAGE, NULL);
  if (src == NULL)
    return g_strdup ("");
  out = g_string_new (NULL);
  append_escaped (out, "<figure class=\"thumbnail\"><img src=\"", src, "\"");
  append_escaped (out, " alt=\"", tayori_article_get_thumbnail_alt (article), "\"></figure>");
  return g_string_free (out, FALSE);
}

static void
append_section_start (GString    *out,
                      const char *name,
                      const char *heading)
{
  g_string_append_printf (out, "<section class=\"%s\" aria-labelledby=\"tayori-%s-heading\">", name, name);
  g_string_append_printf (out, "<h2 id=\"tayori-%s-heading\">", name);
  append_escaped (out, "", heading, "</h2>");
}

static char *
build_links (TayoriArticle *article)
{
  GPtrArray *links = tayori_article_get_links (article);
  GString *out;

  if (links == NULL || links->len == 0)
    return g_strdup ("");
  out = g_string_new (NULL);
  append_section_start (out, "related-links", C_("page", "Related links"));
  g_string_append (out, "<ul>");
  for (guint i = 0; i < links->len; i++)
    {
      const TayoriLink *link = g_ptr_array_index (links, i);
      gboolean external = FALSE;
      g_autofree char *url = tayori_sanitize_url (link->url != NULL ? link->url : "",
                                                  TAYORI_URL_LINK, &external);
      const char *text = !is_empty (link->title) ? link->title : link->url;

      g_string_append (out, "<li>");
      if (url != NULL && url[0] != '\0')
        {
          append_escaped (out, "<a href=\"", url, external ? "\" rel=\"noopener noreferrer\">" : "\">");
          append_escaped (out, "", text, "</a>");
        }
      else
        append_escaped (out, "", text, "");
      if (external)
        append_escaped (out, " <span class=\"link-note\">", C_("page", "(external site)"), "</span>");
      g_string_append (out, "</li>");
    }
  g_string_append (out, "</ul></section>");
  return g_string_free (out, FALSE);
}

static char *
build_attachments (TayoriArticle *article)
{
  GPtrArray *attachments = tayori_article_get_attachments (article);
  GString *out;

  if (attachments == NULL || attachments->len == 0)
    return g_strdup ("");
  out = g_string_new (NULL);
  append_section_start (out, "attachments", C_("page", "Attachments"));
  g_string_append (out, "<ul>");
  for (guint i = 0; i < attachments->len; i++)
    {
      const TayoriAttachment *attachment = g_ptr_array_index (attachments, i);
      g_autofree char *description = tayori_attachment_describe (attachment);
      g_autofree char *info = tayori_html_escape (description);
      gboolean linked = is_media_hash (attachment->hash);

      g_string_append (out, "<li>");
      if (linked)
        g_string_append_printf (out, "<a class=\"file-link\" href=\"tayori-media:%s\">", attachment->hash);
      append_escaped (out, "", attachment->name, linked ? "</a>" : "");
      g_string_append (out, " <span class=\"file-info\">");
      /* Translators: the format and size of an attached file, after its name */
      append_label (out, C_("page", "(%s)"), info);
      g_string_append (out, "</span></li>");
    }
  g_string_append (out, "</ul></section>");
  return g_string_free (out, FALSE);
}

static const char *
contact_value (TayoriPreset  *preset,
               const char    *value,
               const char    *key)
{
  return !is_empty (value) ? value : tayori_preset_get_contact_default (preset, key);
}

static void
append_contact_row (GString    *out,
                    const char *label,
                    const char *value,
                    const char *href)
{
  if (is_empty (value))
    return;
  append_escaped (out, "<div class=\"contact-row\"><dt>", label, "</dt><dd>");
  if (href != NULL)
    append_escaped (out, "<a href=\"", href, "\">");
  append_escaped (out, "", value, href != NULL ? "</a></dd></div>" : "</dd></div>");
}

static char *
build_contact (TayoriArticle *article,
               TayoriPreset  *preset)
{
  const char *section = contact_value (preset, tayori_article_get_contact_section (article), "section");
  const char *phone = contact_value (preset, tayori_article_get_contact_phone (article), "phone");
  const char *fax = contact_value (preset, tayori_article_get_contact_fax (article), "fax");
  const char *email = contact_value (preset, tayori_article_get_contact_email (article), "email");
  const char *address = contact_value (preset, tayori_article_get_contact_address (article), "address");
  g_autofree char *tel = NULL;
  g_autofree char *mailto = NULL;
  GString *out;

  if (is_empty (section) && is_empty (phone) && is_empty (fax) && is_empty (email) && is_empty (address))
    return g_strdup ("");
  if (!is_empty (phone))
    {
      GString *digits = g_string_new ("tel:");

      for (const char *p = phone; *p != '\0'; p++)
        if (g_ascii_isdigit (*p) || (*p == '+' && digits->len == 4))
          g_string_append_c (digits, *p);
      tel = g_string_free (digits, digits->len <= 4);
    }
  if (!is_empty (email) && strchr (email, '@') != NULL && strpbrk (email, " ?&") == NULL)
    {
      g_autofree char *url = g_strconcat ("mailto:", email, NULL);

      mailto = tayori_sanitize_url (url, TAYORI_URL_LINK, NULL);
    }

  out = g_string_new (NULL);
  append_section_start (out, "contact", C_("page", "Contact"));
  g_string_append (out, "<dl>");
  /* Translators: the office in charge, in the contact box */
  append_contact_row (out, C_("page", "Section"), section, NULL);
  append_contact_row (out, C_("page", "Phone"), phone, tel);
  append_contact_row (out, C_("page", "Fax"), fax, NULL);
  append_contact_row (out, C_("page", "Email"), email, mailto);
  append_contact_row (out, C_("page", "Address"), address, NULL);
  g_string_append (out, "</dl></section>");
  return g_string_free (out, FALSE);
}

GHashTable *
tayori_page_build_fragments (TayoriArticle *article,
                             TayoriPreset  *preset)
{
  GHashTable *fragments;

  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  fragments = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (fragments, (gpointer) "city", build_city (preset));
  g_hash_table_insert (fragments, (gpointer) "breadcrumb", build_breadcrumb (article));
  g_hash_table_insert (fragments, (gpointer) "title", tayori_html_escape (title_or_placeholder (article)));
  g_hash_table_insert (fragments, (gpointer) "meta", build_meta (article));
  g_hash_table_insert (fragments, (gpointer) "audiences", build_audiences (article));
  g_hash_table_insert (fragments, (gpointer) "emergency", build_emergency (article));
  g_hash_table_insert (fragments, (gpointer) "thumbnail", build_thumbnail (article));
  g_hash_table_insert (fragments, (gpointer) "body", tayori_markdown_render_body (tayori_article_get_body (article), -1));
  g_hash_table_insert (fragments, (gpointer) "links", build_links (article));
  g_hash_table_insert (fragments, (gpointer) "attachments", build_attachments (article));
  g_hash_table_insert (fragments, (gpointer) "contact", build_contact (article, preset));
  return fragments;
}
