/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page's writing checks: the scheduler keeps the report current, the badge in the
 * preview's header counts it, the panel lists it. Activating a finding selects its span in
 * the editor or form and outlines it in the preview; Fix replaces the span (undoable);
 * Dismiss… records the reason on the article. Also the furigana of やさしい日本語 articles. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-article-page-private.h"
#include "tayori-check-labels.h"
#include "tayori-dismiss-dialog.h"
#include "tayori-paths.h"

#define LINK_FIELD_PREFIX "link-title:"

/* The field a Fix changed outside the body editor (which has its own undo), for Undo */
struct _TayoriFieldFix {
  TayoriArticle *article;
  char *field;
  char *before;
  char *after;
};

/* Field texts */

static gboolean
link_index (const char *field,
            guint      *index)
{
  guint64 value;

  if (!g_str_has_prefix (field, LINK_FIELD_PREFIX) ||
      !g_ascii_string_to_unsigned (field + strlen (LINK_FIELD_PREFIX), 10, 0, G_MAXUINT, &value, NULL))
    return FALSE;
  *index = (guint) value;
  return TRUE;
}

/* The current text of @field of the article, or NULL when it has none such */
static char *
dup_field_text (TayoriArticlePage *self,
                const char        *field)
{
  GParamSpec *pspec;
  char *text = NULL;
  guint index;

  if (link_index (field, &index))
    {
      GPtrArray *links = tayori_article_get_links (self->article);

      return index < links->len ? g_strdup (((TayoriLink *) g_ptr_array_index (links, index))->title) : NULL;
    }
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->article), field);
  if (pspec == NULL || pspec->value_type != G_TYPE_STRING)
    return NULL;
  if (g_str_equal (field, "body"))
    tayori_body_editor_commit (self->body_editor);
  g_object_get (self->article, field, &text, NULL);
  return text != NULL ? text : g_strdup ("");
}

static void
set_field_text (TayoriArticlePage *self,
                const char        *field,
                const char        *text)
{
  guint index;

  if (link_index (field, &index))
    {
      g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);
      GPtrArray *current = tayori_article_get_links (self->article);

      for (guint i = 0; i < current->len; i++)
        g_ptr_array_add (links, tayori_link_copy (g_ptr_array_index (current, i)));
      if (index < links->len)
        {
          TayoriLink *link = g_ptr_array_index (links, index);

          g_free (link->title);
          link->title = g_strdup (text);
          tayori_article_set_links (self->article, links);
        }
      return;
    }
  g_object_set (self->article, field, text, NULL);
}

/* TRUE when the text @finding covers is still where the report saw it: the writer may have
 * typed since, and the next report is a moment away. */
static gboolean
span_unchanged (TayoriArticlePage *self,
                TayoriFinding     *finding)
{
  TayoriCheckDocument *document = tayori_check_scheduler_get_document (self->checks);
  const char *field = tayori_finding_get_field (finding);
  gsize start = tayori_finding_get_start (finding);
  gsize end = tayori_finding_get_end (finding);
  g_autofree char *now = NULL;
  const char *then;

  if (self->article == NULL || document == NULL)
    return FALSE;
  then = tayori_check_document_get_text (document, field);
  now = dup_field_text (self, field);
  if (now == NULL)
    return start == end;
  return end <= strlen (now) && end <= strlen (then) && memcmp (now + start, then + start, end - start) == 0;
}

static void
text_moved_on (TayoriArticlePage *self)
{
  _tayori_article_page_show_message (self, _("The text has changed since the check. Checking again…"));
  tayori_check_scheduler_run_now (self->checks);
}

/* Activate: show the finding */

/* The selector of the innermost rendered element made from [start, end) of the body */
static const char *
body_selector (TayoriCheckDocument *document,
               gsize                start,
               gsize                end)
{
  const TayoriCheckElement *best = NULL;

  for (guint i = 0; i < tayori_check_document_get_n_elements (document); i++)
    {
      const TayoriCheckElement *element = tayori_check_document_get_element (document, i);

      if (element->source_start <= start && end <= element->source_end &&
          element->source_start < element->source_end && (best == NULL || element->depth > best->depth))
        best = element;
    }
  return best != NULL ? best->selector : NULL;
}

static void
highlight_in_preview (TayoriArticlePage *self,
                      TayoriFinding     *finding)
{
  const char *selector = tayori_finding_get_selector (finding);

  if (self->preview == NULL)
    return;
  if (selector == NULL && g_str_equal (tayori_finding_get_field (finding), "body"))
    selector = body_selector (tayori_check_scheduler_get_document (self->checks),
                              tayori_finding_get_start (finding), tayori_finding_get_end (finding));
  if (selector != NULL)
    tayori_preview_view_highlight (self->preview, selector, NULL);
  else
    tayori_preview_view_clear_highlight (self->preview);
}

static void
activate_finding_cb (TayoriArticlePage *self,
                     TayoriFinding     *finding)
{
  const char *field = tayori_finding_get_field (finding);
  gsize start = tayori_finding_get_start (finding);
  gsize end = tayori_finding_get_end (finding);

  if (!span_unchanged (self, finding))
    {
      text_moved_on (self);
      return;
    }
  if (g_str_equal (field, "body"))
    tayori_body_editor_select_range (self->body_editor, start, end);
  else
    tayori_article_form_select_field (self->form, field, start, end);
  highlight_in_preview (self, finding);
}

/* Fix */

static void
field_fix_free (TayoriFieldFix *fix)
{
  g_clear_object (&fix->article);
  g_free (fix->field);
  g_free (fix->before);
  g_free (fix->after);
  g_free (fix);
}

static void
undo_field_fix_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (widget);
  TayoriFieldFix *fix = self->field_fix;
  g_autofree char *now = NULL;

  if (fix == NULL || fix->article != self->article)
    return;
  now = dup_field_text (self, fix->field);
  /* Typed over since: Undo would lose that */
  if (g_strcmp0 (now, fix->after) == 0)
    set_field_text (self, fix->field, fix->before);
  g_clear_pointer (&self->field_fix, field_fix_free);
  tayori_check_scheduler_run_now (self->checks);
}

static void
fix_field (TayoriArticlePage *self,
           TayoriFinding     *finding)
{
  const char *field = tayori_finding_get_field (finding);
  g_autofree char *before = dup_field_text (self, field);
  g_autoptr(GString) after = g_string_new (NULL);
  g_autofree char *field_label = tayori_check_field_label (field);
  g_autofree char *message = NULL;
  TayoriFieldFix *fix;
  AdwToast *toast;

  if (before == NULL)
    return;
  g_string_append_len (after, before, tayori_finding_get_start (finding));
  g_string_append (after, tayori_finding_get_fix (finding));
  g_string_append (after, before + tayori_finding_get_end (finding));
  set_field_text (self, field, after->str);

  fix = g_new0 (TayoriFieldFix, 1);
  fix->article = g_object_ref (self->article);
  fix->field = g_strdup (field);
  fix->before = g_steal_pointer (&before);
  fix->after = g_strdup (after->str);
  g_clear_pointer (&self->field_fix, field_fix_free);
  self->field_fix = fix;

  /* TRANSLATORS: %s is a field of the article, e.g. Title */
  message = g_strdup_printf (_("Fixed the %s"), field_label);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "page.undo-field-fix");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
fix_finding_cb (TayoriArticlePage *self,
                TayoriFinding     *finding)
{
  if (tayori_finding_get_fix (finding) == NULL)
    return;
  if (!span_unchanged (self, finding))
    {
      text_moved_on (self);
      return;
    }
  if (g_str_equal (tayori_finding_get_field (finding), "body"))
    tayori_body_editor_replace_range (self->body_editor, tayori_finding_get_start (finding),
                                      tayori_finding_get_end (finding), tayori_finding_get_fix (finding));
  else
    fix_field (self, finding);
  tayori_check_scheduler_run_now (self->checks);
}

/* Dismiss */

typedef struct {
  TayoriArticlePage *self;
  TayoriArticle *article;
  char *rule_id;
  char *field;
  char *span;
} Dismiss;

static void
dismiss_free (Dismiss *dismiss)
{
  g_clear_object (&dismiss->self);
  g_clear_object (&dismiss->article);
  g_free (dismiss->rule_id);
  g_free (dismiss->field);
  g_free (dismiss->span);
  g_free (dismiss);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Dismiss, dismiss_free)

static void
dismissed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Dismiss) dismiss = user_data;
  TayoriArticlePage *self = dismiss->self;
  g_autofree char *reason = tayori_dismiss_dialog_run_finish (result, NULL);
  g_autofree char *author = NULL;
  g_autofree char *time = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(TayoriDismissal) dismissal = NULL;

  if (reason == NULL || dismiss->article != self->article)
    return;
  author = self->settings != NULL ? g_settings_get_string (self->settings, "author-name") : g_strdup ("");
  time = g_date_time_format_iso8601 (now);
  dismissal = tayori_dismissal_new (dismiss->rule_id, dismiss->field, dismiss->span, reason, author, time);
  tayori_article_add_dismissal (self->article, dismissal);
  tayori_check_scheduler_run_now (self->checks);
  _tayori_article_page_show_message (self, _("Dismissed. The reason is kept with the article."));
}

static void
dismiss_finding_cb (TayoriArticlePage *self,
                    TayoriFinding     *finding)
{
  TayoriCheckDocument *document = tayori_check_scheduler_get_document (self->checks);
  const char *field = tayori_finding_get_field (finding);
  Dismiss *dismiss;

  if (self->article == NULL || document == NULL)
    return;
  dismiss = g_new0 (Dismiss, 1);
  dismiss->self = g_object_ref (self);
  dismiss->article = g_object_ref (self->article);
  dismiss->rule_id = g_strdup (tayori_finding_get_rule_id (finding));
  dismiss->field = g_strdup (field);
  dismiss->span = tayori_finding_dup_span (finding, tayori_check_document_get_text (document, field));
  tayori_dismiss_dialog_run_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   tayori_finding_get_message (finding), dismissed_cb, dismiss);
}

/* The badge and the panel */

static char *
describe_counts (TayoriCheckReport *report)
{
  guint errors, warnings, notices;
  g_autofree char *error_text = NULL;
  g_autofree char *warning_text = NULL;

  if (report == NULL)
    return g_strdup (_("Checks: not run yet"));
  errors = tayori_check_report_count (report, TAYORI_SEVERITY_ERROR);
  warnings = tayori_check_report_count (report, TAYORI_SEVERITY_WARNING);
  notices = tayori_check_report_count (report, TAYORI_SEVERITY_NOTICE);
  error_text = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
  warning_text = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);
  if (notices == 0)
    /* TRANSLATORS: the checks button, e.g. "Checks: 2 errors, 3 warnings" */
    return g_strdup_printf (_("Checks: %s, %s"), error_text, warning_text);
  else
    {
      g_autofree char *notice_text = g_strdup_printf (ngettext ("%u notice", "%u notices", notices), notices);

      /* TRANSLATORS: the checks button, e.g. "Checks: 2 errors, 3 warnings, 1 notice" */
      return g_strdup_printf (_("Checks: %s, %s, %s"), error_text, warning_text, notice_text);
    }
}

static void
update_badge (TayoriArticlePage *self)
{
  TayoriCheckReport *report = tayori_check_scheduler_get_report (self->checks);
  guint errors = report != NULL ? tayori_check_report_count (report, TAYORI_SEVERITY_ERROR) : 0;
  guint warnings = report != NULL ? tayori_check_report_count (report, TAYORI_SEVERITY_WARNING) : 0;
  g_autofree char *count = g_strdup_printf ("%u", errors > 0 ? errors : warnings);
  g_autofree char *description = describe_counts (report);
  GtkWidget *badge = GTK_WIDGET (self->checks_badge);

  gtk_label_set_label (self->checks_badge, count);
  gtk_widget_set_visible (badge, errors > 0 || warnings > 0);
  if (errors > 0)
    gtk_widget_add_css_class (badge, "error");
  else
    gtk_widget_remove_css_class (badge, "error");
  if (errors == 0 && warnings > 0)
    gtk_widget_add_css_class (badge, "warning");
  else
    gtk_widget_remove_css_class (badge, "warning");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->checks_button), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->checks_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

static void
report_changed_cb (TayoriArticlePage *self)
{
  tayori_checks_panel_set_report (self->checks_panel, tayori_check_scheduler_get_report (self->checks),
                                  tayori_check_scheduler_get_document (self->checks));
  update_badge (self);
}

static void
running_changed_cb (TayoriArticlePage *self)
{
  tayori_checks_panel_set_running (self->checks_panel, tayori_check_scheduler_get_running (self->checks));
}

static void
run_checks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (widget);

  tayori_body_editor_commit (self->body_editor);
  tayori_check_scheduler_run_now (self->checks);
  tayori_check_scheduler_run_axe_now (self->checks);
  gtk_toggle_button_set_active (self->checks_button, TRUE);
}

/* Furigana: only for the やさしい日本語 version */

static void
update_ruby (TayoriArticlePage *self)
{
  gboolean easy = self->article != NULL && tayori_article_get_language (self->article) == TAYORI_LANGUAGE_JA_EASY;

  gtk_widget_set_visible (self->ruby_box, easy);
  if (self->preview != NULL)
    tayori_preview_view_set_ruby (self->preview, easy && self->show_ruby, self->ruby_grade);
}

gboolean
_tayori_article_page_apply_show_ruby (TayoriArticlePage *self,
                                      gboolean           show)
{
  if (self->show_ruby == (guint) !!show)
    return FALSE;
  self->show_ruby = !!show;
  update_ruby (self);
  return TRUE;
}

gboolean
_tayori_article_page_apply_ruby_grade (TayoriArticlePage *self,
                                       guint              grade)
{
  if (self->ruby_grade == grade)
    return FALSE;
  self->ruby_grade = grade;
  update_ruby (self);
  return TRUE;
}

/* Set-up */

gboolean
_tayori_article_page_get_can_submit (TayoriArticlePage *self)
{
  return self->checks != NULL && tayori_check_scheduler_get_can_submit (self->checks);
}

const char * const *
_tayori_article_page_get_submit_blockers (TayoriArticlePage *self)
{
  static const char * const none[] = { NULL };

  return self->checks != NULL ? tayori_check_scheduler_get_submit_blockers (self->checks) : none;
}

void
_tayori_article_page_checks_set_article (TayoriArticlePage *self)
{
  g_clear_pointer (&self->field_fix, field_fix_free);
  tayori_check_scheduler_set_article (self->checks, self->article);
  update_ruby (self);
}

void
_tayori_article_page_setup_checks (TayoriArticlePage *self)
{
  g_autoptr(TayoriCheckSettings) settings = tayori_check_settings_new (self->preset);
  g_autofree char *cache = g_build_filename (tayori_paths_cache_dir (), "link-check.sqlite", NULL);
  GtkEventController *shortcuts;

  self->checks = tayori_check_scheduler_new (settings, cache);
  tayori_check_scheduler_set_web_view (self->checks, tayori_preview_view_get_web_view (self->preview));
  g_signal_connect_object (self->checks, "report-changed", G_CALLBACK (report_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checks, "notify::running", G_CALLBACK (running_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "updated", G_CALLBACK (tayori_check_scheduler_preview_updated),
                           self->checks, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checks_panel, "activate-finding", G_CALLBACK (activate_finding_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checks_panel, "fix-finding", G_CALLBACK (fix_finding_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checks_panel, "dismiss-finding", G_CALLBACK (dismiss_finding_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_group_connect_swapped (self->article_signals, "notify::language", G_CALLBACK (update_ruby), self);
  report_changed_cb (self);

  /* F7 in the capture phase: the body editor (a GtkTextView) binds F7 to caret browsing */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F7, 0),
                                                          gtk_named_action_new ("page.run-checks")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

void
_tayori_article_page_dispose_checks (TayoriArticlePage *self)
{
  g_clear_pointer (&self->field_fix, field_fix_free);
  /* Runs in flight keep the scheduler alive a moment: cancel them, and hear nothing more */
  if (self->checks != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->checks, self);
      tayori_check_scheduler_set_article (self->checks, NULL);
    }
  g_clear_object (&self->checks);
}

void
_tayori_article_page_class_add_check_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.run-checks", NULL, run_checks_action);
  gtk_widget_class_install_action (widget_class, "page.undo-field-fix", NULL, undo_field_fix_action);
  gtk_widget_class_install_property_action (widget_class, "page.show-ruby", "show-ruby");
  gtk_widget_class_install_property_action (widget_class, "page.ruby-grade", "ruby-grade");
}
