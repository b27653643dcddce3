/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriChecksPanel: rebuilt from the report on every change (reports hold tens of findings,
 * not thousands), keeping open details, the scroll position and keyboard focus. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-check-labels.h"
#include "tayori-checks-panel.h"
#include "tayori-finding-row.h"
#include "tayori-style.h"

/* Rows per family and severity: a huge article can have thousands of notices, and a list that
 * long helps nobody (the counts stay complete) */
#define MAX_ROWS_PER_LIST 50

struct _TayoriChecksPanel
{
  GtkWidget parent_instance;

  GtkSpinner *spinner;
  GtkWidget *submit_box;
  GtkImage *submit_icon;
  GtkLabel *submit_label;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkScrolledWindow *scroller;
  GtkBox *sections;

  TayoriCheckReport *report;
  TayoriCheckDocument *document;
  GPtrArray *rows;   /* TayoriFindingRow, as placed; the buttons' targets index it */
  gboolean read_only;
  GArray *body_newlines;  /* gsize offsets of the body's line ends, for the lines shown */
};

G_DEFINE_FINAL_TYPE (TayoriChecksPanel, tayori_checks_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ACTIVATE_FINDING,
  SIGNAL_FIX_FINDING,
  SIGNAL_DISMISS_FINDING,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static const TayoriSeverity severities[] = {
  TAYORI_SEVERITY_ERROR, TAYORI_SEVERITY_WARNING, TAYORI_SEVERITY_NOTICE,
};

/* Header: can the article be sent for review? */

static void
update_submit_state (TayoriChecksPanel *self)
{
  g_auto(GStrv) reasons = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  gboolean ready = FALSE;

  if (self->report == NULL)
    text = g_strdup (_("Not checked yet"));
  else if ((ready = tayori_check_report_can_submit (self->report, &reasons)))
    text = g_strdup (_("Ready to be sent for review"));
  else
    {
      guint errors = tayori_check_report_count (self->report, TAYORI_SEVERITY_ERROR);

      text = g_strdup_printf (ngettext ("Cannot be sent for review: there is %u error",
                                        "Cannot be sent for review: there are %u errors", errors),
                              errors);
    }
  if (reasons != NULL && reasons[0] != NULL)
    tooltip = g_strjoinv ("\n", reasons);

  gtk_label_set_label (self->submit_label, text);
  gtk_widget_set_tooltip_text (self->submit_box, tooltip);
  gtk_image_set_from_icon_name (self->submit_icon, ready ? "emblem-ok-symbolic" : "action-unavailable-symbolic");
  if (ready)
    {
      gtk_widget_add_css_class (self->submit_box, "ready");
      gtk_widget_remove_css_class (self->submit_box, "blocked");
    }
  else
    {
      gtk_widget_add_css_class (self->submit_box, "blocked");
      gtk_widget_remove_css_class (self->submit_box, "ready");
    }
  gtk_widget_set_visible (self->submit_box, self->report != NULL || self->document != NULL);
}

/* Building the list */

static void
row_activated_cb (TayoriChecksPanel *self,
                  GtkListBoxRow     *row)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVATE_FINDING], 0,
                 tayori_finding_row_get_finding (TAYORI_FINDING_ROW (row)));
}

static GtkWidget *
section_header (TayoriSeverity severity,
                guint          count)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (tayori_check_severity_icon (severity));
  GtkWidget *title = gtk_label_new (tayori_check_severity_label (severity));
  g_autofree char *number = g_strdup_printf ("%u", count);
  GtkWidget *badge = gtk_label_new (number);

  gtk_widget_add_css_class (icon, tayori_check_severity_style (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (badge, "tayori-count");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), badge);
  return box;
}

static GtkWidget *
family_list (TayoriChecksPanel *self,
             TayoriSeverity     severity,
             const char        *family)
{
  GtkWidget *list = gtk_list_box_new ();
  /* TRANSLATORS: the accessible name of a list of findings, e.g. "Errors: Dates" */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), tayori_check_severity_label (severity),
                                           tayori_check_family_label (family));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  return list;
}

/* The 1-based line of a body finding (0 for other fields): a binary search over the line ends,
 * found once per rebuild, since a body can be megabytes long. */
static guint
line_of (TayoriChecksPanel *self,
         TayoriFinding     *finding)
{
  gsize start = tayori_finding_get_start (finding);
  guint low = 0;
  guint high;

  if (!g_str_equal (tayori_finding_get_field (finding), "body"))
    return 0;
  if (self->body_newlines == NULL)
    {
      const char *body = tayori_check_document_get_text (self->document, "body");
      const char *end = body + strlen (body);

      self->body_newlines = g_array_new (FALSE, FALSE, sizeof (gsize));
      for (const char *p = body; (p = memchr (p, '\n', end - p)) != NULL; p++)
        {
          gsize offset = p - body;

          g_array_append_val (self->body_newlines, offset);
        }
    }
  high = self->body_newlines->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->body_newlines, gsize, middle) < start)
        low = middle + 1;
      else
        high = middle;
    }
  return low + 1;
}

static void
add_family (TayoriChecksPanel *self,
            TayoriSeverity     severity,
            const char        *family,
            GPtrArray         *findings)
{
  GtkWidget *caption = gtk_label_new (tayori_check_family_label (family));
  GtkWidget *list = family_list (self, severity, family);
  guint listed = 0;

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_margin_top (caption, 6);
  gtk_widget_set_margin_start (caption, 2);
  gtk_box_append (self->sections, caption);
  gtk_box_append (self->sections, list);

  for (guint i = 0; i < findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (findings, i);
      const char *field_text = tayori_check_document_get_text (self->document,
                                                               tayori_finding_get_field (finding));
      GtkWidget *row;

      if (tayori_finding_get_severity (finding) != severity ||
          g_strcmp0 (tayori_finding_get_family (finding), family) != 0)
        continue;
      if (listed++ >= MAX_ROWS_PER_LIST)
        continue;
      row = tayori_finding_row_new (finding, self->rows->len, field_text, line_of (self, finding));
      tayori_finding_row_set_read_only (TAYORI_FINDING_ROW (row), self->read_only);
      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (listed > MAX_ROWS_PER_LIST)
    {
      guint more = listed - MAX_ROWS_PER_LIST;
      g_autofree char *text = g_strdup_printf (ngettext ("%u more finding of this kind is not listed",
                                                         "%u more findings of this kind are not listed", more),
                                               more);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_start (label, 2);
      gtk_box_append (self->sections, label);
    }
}

static void
add_severity (TayoriChecksPanel *self,
              TayoriSeverity     severity,
              GPtrArray         *findings)
{
  g_autoptr(GPtrArray) families = g_ptr_array_new ();
  guint count = 0;

  /* Families in the order the report first names them */
  for (guint i = 0; i < findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (findings, i);
      const char *family = tayori_finding_get_family (finding);

      if (tayori_finding_get_severity (finding) != severity)
        continue;
      count++;
      if (!g_ptr_array_find_with_equal_func (families, family, g_str_equal, NULL))
        g_ptr_array_add (families, (gpointer) family);
    }
  if (count == 0)
    return;

  gtk_box_append (self->sections, section_header (severity, count));
  for (guint i = 0; i < families->len; i++)
    add_family (self, severity, g_ptr_array_index (families, i), findings);
}

static void
clear_sections (TayoriChecksPanel *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);
}

static void
show_empty (TayoriChecksPanel *self)
{
  g_autofree char *description = NULL;
  guint dismissed = self->report != NULL ? tayori_check_report_get_n_dismissed (self->report) : 0;

  if (self->report == NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, self->document != NULL ? _("Checking…") : _("No Article"));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Problems Found"));
    }
  if (dismissed > 0)
    description = g_strdup_printf (ngettext ("%u dismissed finding is not shown.",
                                             "%u dismissed findings are not shown.", dismissed),
                                   dismissed);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* What the rebuild keeps: open details by finding, and which finding had the focus */
static void
remember_rows (TayoriChecksPanel  *self,
               GHashTable         *expanded,
               char              **focused_key,
               guint              *focused_index)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  *focused_key = NULL;
  *focused_index = G_MAXUINT;
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (tayori_finding_row_get_expanded (TAYORI_FINDING_ROW (row)))
        g_hash_table_add (expanded, tayori_finding_row_dup_key (TAYORI_FINDING_ROW (row)));
      if (focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)))
        {
          *focused_key = tayori_finding_row_dup_key (TAYORI_FINDING_ROW (row));
          *focused_index = i;
        }
    }
}

static void
restore_rows (TayoriChecksPanel *self,
              GHashTable        *expanded,
              const char        *focused_key,
              guint              focused_index)
{
  TayoriFindingRow *focus_row = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      TayoriFindingRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *key = tayori_finding_row_dup_key (row);

      tayori_finding_row_set_expanded (row, g_hash_table_contains (expanded, key));
      if (focused_key != NULL && g_str_equal (key, focused_key))
        focus_row = row;
    }
  /* The focused finding was fixed or dismissed: the one that took its place gets the focus */
  if (focus_row == NULL && focused_key != NULL && self->rows->len > 0)
    focus_row = g_ptr_array_index (self->rows, MIN (focused_index, self->rows->len - 1));
  if (focus_row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (focus_row));
}

static void
rebuild (TayoriChecksPanel *self)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double scrolled = gtk_adjustment_get_value (vadjustment);
  g_autofree char *focused_key = NULL;
  guint focused_index;
  guint n;

  remember_rows (self, expanded, &focused_key, &focused_index);
  clear_sections (self);
  g_clear_pointer (&self->body_newlines, g_array_unref);
  update_submit_state (self);

  n = self->report != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->report)) : 0;
  if (n == 0)
    {
      show_empty (self);
      return;
    }
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (findings, g_list_model_get_item (G_LIST_MODEL (self->report), i));
  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    add_severity (self, severities[i], findings);
  gtk_stack_set_visible_child_name (self->stack, "list");
  restore_rows (self, expanded, focused_key, focused_index);
  gtk_adjustment_set_value (vadjustment, scrolled);
}

void
tayori_checks_panel_set_report (TayoriChecksPanel   *self,
                                TayoriCheckReport   *report,
                                TayoriCheckDocument *document)
{
  g_return_if_fail (TAYORI_IS_CHECKS_PANEL (self));
  g_return_if_fail (report == NULL || TAYORI_IS_CHECK_REPORT (report));
  g_return_if_fail (document == NULL || TAYORI_IS_CHECK_DOCUMENT (document));
  g_return_if_fail ((report == NULL) || (document != NULL));

  g_set_object (&self->report, report);
  g_set_object (&self->document, document);
  rebuild (self);
}

void
tayori_checks_panel_set_running (TayoriChecksPanel *self,
                                 gboolean           running)
{
  g_return_if_fail (TAYORI_IS_CHECKS_PANEL (self));

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_spinner_set_spinning (self->spinner, running);
}

/* Actions of the rows' buttons */

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TayoriChecksPanel *self = TAYORI_CHECKS_PANEL (widget);
  guint index = g_variant_get_uint32 (parameter);
  TayoriFinding *finding;

  if (index >= self->rows->len)
    return;
  finding = tayori_finding_row_get_finding (g_ptr_array_index (self->rows, index));
  g_signal_emit (self, signals[g_str_equal (action_name, "checks.fix") ? SIGNAL_FIX_FINDING
                                                                       : SIGNAL_DISMISS_FINDING],
                 0, finding);
}

/* GObject */

GtkWidget *
tayori_checks_panel_new (void)
{
  return g_object_new (TAYORI_TYPE_CHECKS_PANEL, NULL);
}

static void
tayori_checks_panel_dispose (GObject *object)
{
  TayoriChecksPanel *self = TAYORI_CHECKS_PANEL (object);

  GtkWidget *child;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_CHECKS_PANEL);
  /* Children the template made without binding them are this widget's to unparent */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->report);
  g_clear_object (&self->document);
  g_clear_pointer (&self->body_newlines, g_array_unref);

  G_OBJECT_CLASS (tayori_checks_panel_parent_class)->dispose (object);
}

static void
tayori_checks_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TayoriChecksPanel *self = TAYORI_CHECKS_PANEL (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_checks_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TayoriChecksPanel *self = TAYORI_CHECKS_PANEL (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      tayori_checks_panel_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_checks_panel_class_init (TayoriChecksPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_checks_panel_dispose;
  object_class->get_property = tayori_checks_panel_get_property;
  object_class->set_property = tayori_checks_panel_set_property;

  /**
   * TayoriChecksPanel:read-only:
   *
   * Whether the findings only show: no Fix or Dismiss… buttons (the review view).
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TayoriChecksPanel::activate-finding:
   * @finding: the TayoriFinding of the activated row
   *
   * The writer wants to see the finding: select its span and show it in the preview.
   */
  signals[SIGNAL_ACTIVATE_FINDING] =
    g_signal_new ("activate-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TAYORI_TYPE_FINDING);
  signals[SIGNAL_FIX_FINDING] =
    g_signal_new ("fix-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TAYORI_TYPE_FINDING);
  signals[SIGNAL_DISMISS_FINDING] =
    g_signal_new ("dismiss-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TAYORI_TYPE_FINDING);

  g_type_ensure (TAYORI_TYPE_FINDING_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/checks/tayori-checks-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriChecksPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, TayoriChecksPanel, submit_box);
  gtk_widget_class_bind_template_child (widget_class, TayoriChecksPanel, submit_icon);
  gtk_widget_class_bind_template_child (widget_class, TayoriChecksPanel, submit_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriChecksPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, TayoriChecksPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TayoriChecksPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, TayoriChecksPanel, sections);

  gtk_widget_class_install_action (widget_class, "checks.fix", "u", row_action);
  gtk_widget_class_install_action (widget_class, "checks.dismiss", "u", row_action);
}

static void
tayori_checks_panel_init (TayoriChecksPanel *self)
{
  self->rows = g_ptr_array_new ();
  tayori_style_load_resource (GTK_WIDGET (self), "/io/github/tayori/Tayori/checks/checks.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

gboolean
tayori_checks_panel_get_read_only (TayoriChecksPanel *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECKS_PANEL (self), FALSE);
  return self->read_only;
}

void
tayori_checks_panel_set_read_only (TayoriChecksPanel *self,
                                   gboolean           read_only)
{
  g_return_if_fail (TAYORI_IS_CHECKS_PANEL (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  for (guint i = 0; i < self->rows->len; i++)
    tayori_finding_row_set_read_only (g_ptr_array_index (self->rows, i), read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}
