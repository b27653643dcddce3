/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The links a document holds for the link checker (a href and img src of the body, the related
 * links) with the place to report on each, and the finding an outcome gives. */
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-link-targets.h"

void
tayori_link_target_free (TayoriLinkTarget *target)
{
  g_free (target->url);
  g_free (target->field);
  g_free (target);
}

gboolean
tayori_link_is_web_url (const char *url)
{
  return url != NULL && (g_ascii_strncasecmp (url, "http://", 7) == 0 ||
                         g_ascii_strncasecmp (url, "https://", 8) == 0);
}

static gboolean
ends_url (char c)
{
  return c == '\0' || g_ascii_isspace (c) || strchr ("\"'<>()[]", c) != NULL;
}

/* An occurrence of @needle in [from, to) of @text that ends where a URL would and is not used
 * yet; -1 when there is none. */
static gssize
find_unused (const char *text,
             gsize       from,
             gsize       to,
             const char *needle,
             GHashTable *used)
{
  gsize n = strlen (needle);

  for (const char *p = g_strstr_len (text + from, to - from, needle); p != NULL;
       p = g_strstr_len (p + 1, text + to - (p + 1), needle))
    if (ends_url (p[n]) && !g_hash_table_contains (used, GSIZE_TO_POINTER (p - text + 1)))
      return p - text;
  return -1;
}

static char *
escape_ampersands (const char *url)
{
  g_auto(GStrv) parts = g_strsplit (url, "&", -1);

  return g_strjoinv ("&amp;", parts);
}

/* Where in the body to report on @url of @element: the URL as written when it can be found
 * (the element's own range first), else the element's whole range. */
static TayoriLinkTarget *
body_target (TayoriCheckDocument      *document,
             const TayoriCheckElement *element,
             const char               *url,
             GHashTable               *used)
{
  const char *body = tayori_check_document_get_text (document, "body");
  gsize length = strlen (body);
  g_autofree char *escaped = escape_ampersands (url);
  TayoriLinkTarget *target = g_new0 (TayoriLinkTarget, 1);
  gssize at = find_unused (body, element->source_start, MIN (element->source_end, length), url, used);

  if (at < 0)
    at = find_unused (body, 0, length, url, used);
  if (at < 0 && !g_str_equal (escaped, url))
    {
      at = find_unused (body, 0, length, escaped, used);
      target->escaped = at >= 0;
    }
  target->url = g_strdup (url);
  target->field = g_strdup ("body");
  if (at >= 0)
    {
      g_hash_table_add (used, GSIZE_TO_POINTER (at + 1));
      target->start = at;
      target->end = at + strlen (target->escaped ? escaped : url);
      target->replaceable = TRUE;
    }
  else
    {
      target->start = element->source_start;
      target->end = element->source_end;
    }
  return target;
}

GPtrArray *
tayori_link_targets_collect (TayoriCheckDocument *document)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_target_free);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  GPtrArray *links = tayori_article_get_links (tayori_check_document_get_article (document));

  for (guint i = 0; i < tayori_check_document_get_n_elements (document); i++)
    {
      const TayoriCheckElement *element = tayori_check_document_get_element (document, i);
      const char *url = NULL;

      if (g_str_equal (element->tag, "a"))
        url = tayori_check_element_get_attribute (element, "href");
      else if (g_str_equal (element->tag, "img"))
        url = tayori_check_element_get_attribute (element, "src");
      if (tayori_link_is_web_url (url))
        g_ptr_array_add (targets, body_target (document, element, url, used));
    }
  for (guint i = 0; i < links->len; i++)
    {
      const TayoriLink *link = g_ptr_array_index (links, i);
      TayoriLinkTarget *target;

      if (!tayori_link_is_web_url (link->url))
        continue;
      /* Related links have no URL field to point into: the finding is on the link's title. */
      target = g_new0 (TayoriLinkTarget, 1);
      target->url = g_strdup (link->url);
      target->field = g_strdup_printf ("link-title:%u", i);
      g_ptr_array_add (targets, target);
    }
  return targets;
}

static char *
describe_failure (const TayoriLinkOutcome *outcome)
{
  if (outcome->error < 0)
    return g_strdup_printf ("HTTP %u", outcome->status);
  switch (outcome->error)
    {
    case G_IO_ERROR_TIMED_OUT:
      return g_strdup (_("no answer in time"));
    case G_IO_ERROR_HOST_NOT_FOUND:
      return g_strdup (_("server not found"));
    case G_IO_ERROR_CONNECTION_REFUSED:
      return g_strdup (_("connection refused"));
    case G_IO_ERROR_TOO_MANY_LINKS:
      return g_strdup (_("too many redirects"));
    default:
      return g_strdup (_("connection failed"));
    }
}

TayoriFinding *
tayori_link_target_finding (const TayoriLinkTarget  *target,
                            const TayoriLinkOutcome *outcome,
                            const TayoriLinkRules   *rules)
{
  TayoriFinding *finding;

  if (outcome->error >= 0 || outcome->status >= 400)
    {
      g_autofree char *status = describe_failure (outcome);

      if (!rules->dead_enabled)
        return NULL;
      finding = tayori_finding_new (TAYORI_LINK_RULE_DEAD, target->field, target->start, target->end);
      tayori_finding_set_severity (finding, rules->dead_severity);
      tayori_finding_set_arg (finding, "status", status);
    }
  else if (outcome->n_redirects > 0 && rules->redirect_enabled &&
           g_strcmp0 (outcome->final_url, target->url) != 0)
    {
      finding = tayori_finding_new (TAYORI_LINK_RULE_REDIRECT, target->field, target->start, target->end);
      tayori_finding_set_severity (finding, rules->redirect_severity);
      tayori_finding_set_arg (finding, "final", outcome->final_url);
      if (outcome->permanent && target->replaceable)
        {
          g_autofree char *escaped = escape_ampersands (outcome->final_url);

          tayori_finding_set_fix (finding, target->escaped ? escaped : outcome->final_url);
        }
    }
  else
    return NULL;
  tayori_finding_set_arg (finding, "url", target->url);
  return finding;
}
