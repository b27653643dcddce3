/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli fix FILE: applies the fixes the writing checks offer (all, or those of the rules
 * named) and prints the file with only the fixed spans changed, as the app's "修正" does. */

#include <glib/gi18n.h>
#include <string.h>
#include "tayori-cli-check.h"
#include "tayori-front-matter.h"

typedef struct {
  TayoriFinding *finding;
  gsize          start;   /* in the field */
  gsize          end;
  guint          index;   /* report order, for stable sorting */
  gsize          file_start;  /* in the file, once located */
  gsize          file_end;
} Fix;

static int
compare_fix (gconstpointer a,
             gconstpointer b)
{
  const Fix *fa = a, *fb = b;
  int by_field = g_strcmp0 (tayori_finding_get_field (fa->finding),
                            tayori_finding_get_field (fb->finding));

  if (by_field != 0)
    return by_field;
  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;
  if (fa->end != fb->end)
    return fa->end < fb->end ? -1 : 1;
  return fa->index < fb->index ? -1 : fa->index > fb->index;
}

/* The fixes to apply, by field then position: of the rules asked for (all when @rules is
 * NULL), and in each field the first of any that overlap. */
static GArray *
choose_fixes (GPtrArray          *findings,
              const char * const *rules)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Fix));
  GArray *chosen = g_array_new (FALSE, TRUE, sizeof (Fix));
  const char *field = NULL;
  gsize last_end = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (findings, i);
      Fix fix = { finding, tayori_finding_get_start (finding), tayori_finding_get_end (finding), i };

      if (tayori_finding_get_fix (finding) != NULL &&
          (rules == NULL || g_strv_contains (rules, tayori_finding_get_rule_id (finding))))
        g_array_append_val (candidates, fix);
    }
  g_array_sort (candidates, compare_fix);

  for (guint i = 0; i < candidates->len; i++)
    {
      Fix *fix = &g_array_index (candidates, Fix, i);
      const char *fix_field = tayori_finding_get_field (fix->finding);

      if (field == NULL || !g_str_equal (field, fix_field))
        {
          field = fix_field;
          last_end = 0;
        }
      else if (fix->start < last_end)
        continue;
      last_end = fix->end;
      g_array_append_val (chosen, *fix);
    }
  return chosen;
}

/* @text with the fixes [first, last) of @fixes (ascending, not overlapping) applied; the
 * ranges are the fields' when @in_file is FALSE, the file's otherwise. */
static char *
splice (const char *text,
        gsize       length,
        GArray     *fixes,
        guint       first,
        guint       last,
        gboolean    in_file)
{
  GString *out = g_string_sized_new (length);
  gsize at = 0;

  for (guint i = first; i < last; i++)
    {
      const Fix *fix = &g_array_index (fixes, Fix, i);
      gsize start = in_file ? fix->file_start : fix->start;
      gsize end = in_file ? fix->file_end : fix->end;

      g_string_append_len (out, text + at, start - at);
      g_string_append (out, tayori_finding_get_fix (fix->finding));
      at = end;
    }
  g_string_append_len (out, text + at, length - at);
  return g_string_free (out, FALSE);
}

static gboolean
set_field (TayoriArticle *article,
           const char    *field,
           const char    *value)
{
  guint64 index;

  if (g_str_has_prefix (field, "link-title:"))
    {
      GPtrArray *links = tayori_article_get_links (article);
      g_autoptr(GPtrArray) fixed = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);

      if (!g_ascii_string_to_unsigned (field + strlen ("link-title:"), 10, 0, G_MAXUINT, &index, NULL) ||
          index >= links->len)
        return FALSE;
      for (guint i = 0; i < links->len; i++)
        {
          const TayoriLink *link = g_ptr_array_index (links, i);

          g_ptr_array_add (fixed, tayori_link_new (i == index ? value : link->title, link->url));
        }
      tayori_article_set_links (article, fixed);
      return TRUE;
    }

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (article), field) == NULL)
    return FALSE;
  g_object_set (article, field, value, NULL);
  return TRUE;
}

/* The article as it is once every fix is applied; fixes in fields it cannot set are
 * dropped from @fixes. */
static TayoriArticle *
fix_article (TayoriCliSource *source,
             GArray          *fixes)
{
  TayoriArticle *article = tayori_article_copy (source->article);

  for (guint first = 0, last; first < fixes->len; first = last)
    {
      const char *field = tayori_finding_get_field (g_array_index (fixes, Fix, first).finding);
      const char *text = tayori_check_document_get_text (source->document, field);
      g_autofree char *fixed = NULL;

      for (last = first + 1; last < fixes->len; last++)
        if (!g_str_equal (field, tayori_finding_get_field (g_array_index (fixes, Fix, last).finding)))
          break;

      fixed = splice (text, strlen (text), fixes, first, last, FALSE);
      if (!set_field (article, field, fixed))
        {
          g_printerr (_("tayori-cli: warning: fixes in the field “%s” cannot be applied\n"), field);
          g_array_remove_range (fixes, first, last - first);
          last = first;
        }
    }
  return article;
}

static int
compare_file_start (gconstpointer a,
                    gconstpointer b)
{
  const Fix *fa = a, *fb = b;

  if (fa->file_start != fb->file_start)
    return fa->file_start < fb->file_start ? -1 : 1;
  return fa->index < fb->index ? -1 : fa->index > fb->index;
}

/* The file with each fixed span replaced in place; NULL when a span is not in the file
 * byte for byte (a YAML value with escapes, say). */
static char *
patch_file (TayoriCliSource *source,
            GArray          *fixes)
{
  g_autoptr(GArray) sorted = g_array_copy (fixes);

  for (guint i = 0; i < sorted->len; i++)
    {
      Fix *fix = &g_array_index (sorted, Fix, i);
      const char *field = tayori_finding_get_field (fix->finding);
      const char *text = tayori_check_document_get_text (source->document, field);
      gsize start, end;

      if (!tayori_cli_source_find_span (source, field, fix->start, fix->end, &start, &end) ||
          end - start != fix->end - fix->start ||
          memcmp (source->text + start, text + fix->start, end - start) != 0)
        return NULL;
      fix->file_start = tayori_cli_source_file_offset (source, start);
      fix->file_end = tayori_cli_source_file_offset (source, end);
    }
  g_array_sort (sorted, compare_file_start);
  return splice (source->raw, source->raw_length, sorted, 0, sorted->len, TRUE);
}

/* The patched file when it reads back as the fixed article (no YAML quoting went wrong),
 * else the fixed article written out anew. */
static char *
fixed_file (TayoriCliSource *source,
            GArray          *fixes)
{
  g_autoptr(TayoriArticle) fixed = NULL;
  g_autoptr(TayoriArticle) reread = NULL;
  g_autofree char *patched = NULL;

  /* First, as it drops the fixes it cannot apply. */
  fixed = fix_article (source, fixes);
  patched = patch_file (source, fixes);

  if (patched != NULL && source->kind == TAYORI_CHECK_SOURCE_HTML)
    return g_steal_pointer (&patched);
  if (patched != NULL)
    reread = tayori_front_matter_parse (patched, -1, source->path, NULL);
  if (reread != NULL && tayori_article_content_equal (reread, fixed))
    return g_steal_pointer (&patched);
  if (source->kind == TAYORI_CHECK_SOURCE_HTML)
    {
      g_printerr (_("tayori-cli: warning: some fixes are outside the HTML body and were not applied\n"));
      return g_strndup (source->raw, source->raw_length);
    }
  return tayori_front_matter_serialize (fixed);
}

int
tayori_cli_fix (TayoriCli  *cli,
                int         argc,
                char      **argv)
{
  g_auto(GStrv) rules = NULL;
  g_autofree char *preset_path = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "rule", 0, 0, G_OPTION_ARG_STRING_ARRAY, &rules,
      N_("Apply only the fixes of this rule (repeat for several)"), N_("ID") },
    { "preset", 0, 0, G_OPTION_ARG_FILENAME, &preset_path,
      N_("Organisation preset file with the rule settings (default: the installed preset)"),
      N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output (“-” is standard output)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(GStrv) args = NULL;
  g_autoptr(TayoriCliSource) source = NULL;
  g_autoptr(TayoriCheckReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GArray) fixes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 1, 1, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  for (guint i = 0; rules != NULL && rules[i] != NULL; i++)
    if (tayori_check_rule_lookup (rules[i]) == NULL)
      return tayori_cli_usage_error (context, _("Unknown rule “%s”"), rules[i]);

  report = tayori_cli_check_file (args[0], preset_path, &source, &error);
  if (report == NULL)
    return tayori_cli_report (error);
  findings = tayori_check_report_dup_all (report);
  fixes = choose_fixes (findings, (const char * const *) rules);
  if (fixes->len == 0)
    text = g_strndup (source->raw, source->raw_length);
  else
    text = fixed_file (source, fixes);

  if (!tayori_cli_write (output, text, -1, &error))
    return tayori_cli_report (error);
  return TAYORI_CLI_EXIT_OK;
}
