/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli check FILE: every writing check over a front-matter Markdown article or an HTML
 * file, and axe-core in an offscreen web view when a display exists, as JSON or as
 * "FILE:LINE:COLUMN: severity: message" lines whose positions are in the file itself. */

#include <glib/gi18n.h>
#include "tayori-cli-check.h"
#include "tayori-axe.h"
#include "tayori-check-runner.h"
#include "tayori-json.h"

typedef struct {
  TayoriFinding *finding;
  guint          index;      /* in the report's order, to keep sorting stable */
  gboolean       known;      /* FALSE when the finding has no place in the file ("page") */
  guint          line;
  guint          column;
  guint          end_line;
  guint          end_column;
} Located;

TayoriCheckReport *
tayori_cli_run_checks (TayoriCliSource *source,
                       TayoriPreset    *preset)
{
  g_autoptr(TayoriCheckSettings) settings = tayori_check_settings_new (preset);
  g_autoptr(TayoriCheckRunner) runner = tayori_check_runner_new (settings);

  return tayori_check_runner_run (runner, source->document, NULL);
}

TayoriCheckReport *
tayori_cli_check_file (const char       *path,
                       const char       *preset_path,
                       TayoriCliSource **source,
                       GError          **error)
{
  g_autoptr(TayoriPreset) preset = tayori_cli_load_preset (preset_path, error);

  if (preset == NULL)
    return NULL;
  *source = tayori_cli_source_load (path, error);
  if (*source == NULL)
    return NULL;
  return tayori_cli_run_checks (*source, preset);
}

/* "ran", or why axe did not run; findings go into @report's "axe" family. */
static const char *
run_axe (TayoriCliSource   *source,
         TayoriCheckReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = tayori_axe_check_document (source->document, &error);

  if (findings != NULL)
    {
      tayori_check_report_replace_family (report, "axe", findings);
      return "ran";
    }

  if (g_error_matches (error, TAYORI_AXE_ERROR, TAYORI_AXE_ERROR_NO_DISPLAY))
    {
      g_printerr (_("tayori-cli: the axe-core accessibility check needs a display and none was "
                    "found (run under a desktop session or Xvfb, or pass --no-axe); the other "
                    "checks ran\n"));
      return "no-display";
    }
  g_printerr (_("tayori-cli: the axe-core accessibility check failed, the other checks ran: %s\n"),
              error->message);
  return "failed";
}

static void
locate (TayoriCliSource *source,
        Located         *located)
{
  TayoriFinding *finding = located->finding;
  const char *field = tayori_finding_get_field (finding);
  gsize start = tayori_finding_get_start (finding);
  gsize end = tayori_finding_get_end (finding);
  gsize text_start, text_end;

  /* A finding about a whole front-matter field points at its key, and so does one whose
   * span cannot be found in the YAML text. */
  if (start != end || g_str_equal (field, "body"))
    located->known = tayori_cli_source_find_span (source, field, start, end, &text_start, &text_end);
  if (!located->known)
    {
      located->known = tayori_cli_source_find_field (source, field, &text_start);
      text_end = text_start;
    }
  if (!located->known)
    return;

  tayori_cli_source_position (source, text_start, &located->line, &located->column);
  tayori_cli_source_position (source, text_end, &located->end_line, &located->end_column);
}

static GArray *
locate_all (TayoriCliSource *source,
            GPtrArray       *findings)
{
  GArray *all = g_array_sized_new (FALSE, TRUE, sizeof (Located), findings->len);

  for (guint i = 0; i < findings->len; i++)
    {
      Located located = { .finding = g_ptr_array_index (findings, i), .index = i };

      locate (source, &located);
      g_array_append_val (all, located);
    }
  return all;
}

static void
add_position (JsonBuilder    *builder,
              const Located  *located)
{
  const char *keys[] = { "line", "column", "end_line", "end_column" };
  const guint values[] = { located->line, located->column, located->end_line, located->end_column };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      json_builder_set_member_name (builder, keys[i]);
      if (located->known)
        json_builder_add_int_value (builder, values[i]);
      else
        json_builder_add_null_value (builder);
    }
}

static void
add_finding (JsonBuilder   *builder,
             const Located *located)
{
  TayoriFinding *finding = located->finding;
  const char *fix = tayori_finding_get_fix (finding);

  json_builder_begin_object (builder);
  tayori_json_add_string (builder, "rule", tayori_finding_get_rule_id (finding));
  tayori_json_add_string (builder, "severity",
                          tayori_severity_to_string (tayori_finding_get_severity (finding)));
  tayori_json_add_string (builder, "message", tayori_finding_get_message (finding));
  tayori_json_add_string (builder, "message_en", tayori_finding_get_message_en (finding));
  add_position (builder, located);
  tayori_json_add_string (builder, "field", tayori_finding_get_field (finding));
  tayori_json_add_string (builder, "selector", tayori_finding_get_selector (finding));
  tayori_json_add_strv (builder, "wcag", tayori_finding_get_wcag (finding));
  tayori_json_add_strv (builder, "act", tayori_finding_get_act (finding));
  json_builder_set_member_name (builder, "fix");
  if (fix == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      tayori_json_add_string (builder, "replacement", fix);
      add_position (builder, located);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static int
print_json (TayoriCli       *cli,
            TayoriCliSource *source,
            const char      *axe,
            GArray          *located)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  tayori_json_add_string (builder, "file", source->path);
  tayori_json_add_string (builder, "axe", axe);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < located->len; i++)
    add_finding (builder, &g_array_index (located, Located, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return tayori_cli_print_json (cli, root);
}

/* Findings without a place first, then by line and column. */
static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  const Located *la = a, *lb = b;

  if (la->known != lb->known)
    return la->known ? 1 : -1;
  if (la->line != lb->line)
    return la->line < lb->line ? -1 : 1;
  if (la->column != lb->column)
    return la->column < lb->column ? -1 : 1;
  return la->index < lb->index ? -1 : la->index > lb->index;
}

static int
print_text (TayoriCliSource *source,
            GArray          *located)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_array_sort (located, compare_position);
  for (guint i = 0; i < located->len; i++)
    {
      const Located *l = &g_array_index (located, Located, i);
      const char * const *wcag = tayori_finding_get_wcag (l->finding);

      g_string_append (text, source->path);
      if (l->known)
        g_string_append_printf (text, ":%u:%u", l->line, l->column);
      g_string_append_printf (text, ": %s: %s [%s]",
                              tayori_severity_to_string (tayori_finding_get_severity (l->finding)),
                              tayori_finding_get_message (l->finding),
                              tayori_finding_get_rule_id (l->finding));
      if (wcag[0] != NULL)
        {
          g_autofree char *criteria = g_strjoinv (", ", (char **) wcag);

          g_string_append_printf (text, " (WCAG %s)", criteria);
        }
      g_string_append_c (text, '\n');
    }

  if (!tayori_cli_write (NULL, text->str, text->len, &error))
    return tayori_cli_report (error);
  return TAYORI_CLI_EXIT_OK;
}

int
tayori_cli_check (TayoriCli  *cli,
                  int         argc,
                  char      **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *preset_path = NULL;
  gboolean no_axe = FALSE;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("json (the default) or text (one “FILE:LINE:COLUMN: severity: message” line each)"),
      N_("FORMAT") },
    { "no-axe", 0, 0, G_OPTION_ARG_NONE, &no_axe,
      N_("Skip the axe-core check, which needs a display"), NULL },
    { "preset", 0, 0, G_OPTION_ARG_FILENAME, &preset_path,
      N_("Organisation preset file with the rule settings (default: the installed preset)"),
      N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(GStrv) args = NULL;
  g_autoptr(TayoriCliSource) source = NULL;
  g_autoptr(TayoriCheckReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GArray) located = NULL;
  g_autoptr(GError) error = NULL;
  const char *axe = "skipped";
  gboolean text;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 1, 1, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  text = g_strcmp0 (format, "text") == 0;
  if (!text && format != NULL && !g_str_equal (format, "json"))
    return tayori_cli_usage_error (context, _("Unknown format “%s” (json or text)"), format);

  report = tayori_cli_check_file (args[0], preset_path, &source, &error);
  if (report == NULL)
    return tayori_cli_report (error);
  if (!no_axe)
    axe = run_axe (source, report);

  findings = tayori_check_report_dup_all (report);
  located = locate_all (source, findings);
  return text ? print_text (source, located) : print_json (cli, source, axe, located);
}
