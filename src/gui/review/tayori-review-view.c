/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriReviewView: loads the article from the store, runs the checks on it, and diffs it
 * against the snapshot saved at the last review, each off the main thread; the actions go
 * through the CMS service's sync engine (its outbox). */
#define G_LOG_DOMAIN "tayori-review-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tayori-ai-provenance-button.h"
#include "tayori-check-runner.h"
#include "tayori-checks-panel.h"
#include "tayori-cms-error.h"
#include "tayori-cms-service.h"
#include "tayori-history-diff.h"
#include "tayori-preview-view.h"
#include "tayori-return-dialog.h"
#include "tayori-review-util.h"
#include "tayori-review-view.h"
#include "tayori-schedule-dialog.h"
#include "tayori-signoff.h"
#include "tayori-signoff-print.h"
#include "tayori-style.h"

struct _TayoriReviewView
{
  GtkWidget                 parent_instance;

  GtkLabel                 *title_label;
  GtkLabel                 *state_label;
  TayoriAiProvenanceButton *provenance_button;
  AdwBin                   *preview_bin;
  GtkTextView              *diff_view;
  TayoriChecksPanel        *checks_panel;

  TayoriCmsService         *service;
  TayoriPreviewView        *preview;
  TayoriCheckRunner        *runner;
  GCancellable             *cancellable;   /* loading the current article; replaced per article */
  TayoriArticle            *article;
  TayoriCmsSyncStatus      *status;
  TayoriCheckReport        *report;
  guint                     busy : 1;
};

G_DEFINE_FINAL_TYPE (TayoriReviewView, tayori_review_view, GTK_TYPE_WIDGET)

enum {
  BACK,
  DONE,
  FAILED,
  MESSAGE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* The review actions while the post waits for review; the record whenever there is one. */
static void
update_actions (TayoriReviewView *self)
{
  gboolean ready = self->article != NULL && !self->busy && self->status != NULL &&
                   g_strcmp0 (self->status->remote_status, "pending") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.approve", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.schedule", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.return", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.print", self->article != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save-pdf", self->article != NULL);
}

static void
show_state (TayoriReviewView *self)
{
  g_autofree char *text = NULL;

  if (self->status == NULL)
    {
      gtk_label_set_text (self->state_label, "");
      return;
    }
  text = g_strdup_printf (_("%s · written by %s · approvals %u of %u"),
                          tayori_review_status_label (self->status->remote_status),
                          self->status->remote_author != NULL ? self->status->remote_author : "",
                          self->status->approvals, MAX (self->status->approval_levels, 1));
  gtk_label_set_text (self->state_label, text);
}

static void
status_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TayoriReviewView) self = user_data;
  g_autoptr(GError) error = NULL;
  TayoriCmsSyncStatus *status;

  status = tayori_cms_sync_status_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (status == NULL)
    return;
  g_clear_pointer (&self->status, tayori_cms_sync_status_free);
  self->status = status;
  show_state (self);
  update_actions (self);
}

static void
diff_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TayoriReviewView) self = user_data;
  g_autoptr(GPtrArray) diff = NULL;
  g_autoptr(GError) error = NULL;

  diff = tayori_history_diff_finish (result, &error);
  if (diff != NULL)
    tayori_history_diff_render (diff, gtk_text_view_get_buffer (self->diff_view));
}

static void
snapshot_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TayoriReviewView) self = user_data;
  g_autoptr(TayoriArticle) reviewed = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);

  reviewed = tayori_cms_sync_reviewed_snapshot_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->article == NULL)
    return;
  if (reviewed == NULL)
    {
      gtk_text_buffer_set_text (buffer, error != NULL ? error->message
                                                      : _("Not reviewed before: the whole article is new to the review."), -1);
      return;
    }
  tayori_history_diff_async (reviewed, self->article, self->cancellable, diff_cb, g_object_ref (self));
}

static void
checks_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TayoriReviewView) self = user_data;
  g_autoptr(TayoriCheckReport) report = NULL;
  g_autoptr(TayoriCheckDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  report = tayori_check_runner_run_finish (TAYORI_CHECK_RUNNER (source), result, &error);
  if (report == NULL)
    return;
  document = tayori_check_document_new_for_article (self->article);
  tayori_checks_panel_set_running (self->checks_panel, FALSE);
  tayori_checks_panel_set_report (self->checks_panel, report, document);
  g_set_object (&self->report, report);
}

static void
article_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TayoriReviewView) self = user_data;
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(TayoriCheckDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  TayoriCmsSync *sync = tayori_cms_service_get_sync (self->service);
  gint64 id;

  article = tayori_store_load_article_finish (TAYORI_STORE (source), result, &error);
  if (article == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  g_set_object (&self->article, article);
  id = tayori_article_get_id (article);
  gtk_label_set_text (self->title_label, tayori_article_get_title (article));
  tayori_preview_view_set_article (self->preview, article);
  tayori_ai_provenance_button_set_article (self->provenance_button, article);
  update_actions (self);

  document = tayori_check_document_new_for_article (article);
  tayori_checks_panel_set_running (self->checks_panel, TRUE);
  tayori_check_runner_run_async (self->runner, document, self->cancellable, checks_cb, g_object_ref (self));
  tayori_cms_sync_reviewed_snapshot_async (sync, id, self->cancellable, snapshot_cb, g_object_ref (self));
  tayori_cms_sync_status_async (sync, id, self->cancellable, status_cb, g_object_ref (self));
}

void
tayori_review_view_set_article_id (TayoriReviewView *self,
                                   gint64            article_id)
{
  g_return_if_fail (TAYORI_IS_REVIEW_VIEW (self));
  g_return_if_fail (self->service != NULL);

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  g_clear_object (&self->article);
  g_clear_object (&self->report);
  g_clear_pointer (&self->status, tayori_cms_sync_status_free);
  self->busy = FALSE;
  gtk_label_set_text (self->title_label, "");
  gtk_label_set_text (self->state_label, "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->diff_view), "", -1);
  tayori_checks_panel_set_report (self->checks_panel, NULL, NULL);
  update_actions (self);

  tayori_store_load_article_async (tayori_cms_service_get_store (self->service), article_id, self->cancellable,
                                   article_loaded_cb, g_object_ref (self));
}

/* Actions */

typedef struct {
  TayoriReviewView *self;
  const char *done_message;
  gboolean returning;   /* tayori_cms_sync_return_async's */
} Review;

static void
reviewed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Review *review = user_data;
  g_autoptr(TayoriReviewView) self = review->self;
  const char *done_message = review->done_message;
  gboolean returning = review->returning;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  g_free (review);
  if (returning)
    status = tayori_cms_sync_return_finish (TAYORI_CMS_SYNC (source), result, &error);
  else
    status = tayori_cms_sync_review_finish (TAYORI_CMS_SYNC (source), result, &error);
  self->busy = FALSE;
  update_actions (self);
  if (status == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0,
                       error->domain == TAYORI_CMS_ERROR ? tayori_cms_error_advice (error->code) : error->message);
      return;
    }
  g_clear_pointer (&self->status, tayori_cms_sync_status_free);
  self->status = g_steal_pointer (&status);
  show_state (self);
  update_actions (self);
  tayori_cms_service_refresh (self->service);
  g_signal_emit (self, signals[DONE], 0, done_message);
}

static Review *
review_new (TayoriReviewView *self,
            const char       *done_message)
{
  Review *review = g_new0 (Review, 1);

  review->self = g_object_ref (self);
  review->done_message = done_message;
  self->busy = TRUE;
  update_actions (self);
  return review;
}

static void
run_review (TayoriReviewView      *self,
            TayoriCmsReviewAction  action,
            const char            *note,
            GDateTime             *publish_at,
            const char            *done_message)
{
  tayori_cms_sync_review_async (tayori_cms_service_get_sync (self->service), tayori_article_get_id (self->article),
                                action, note, publish_at, self->cancellable, reviewed_cb,
                                review_new (self, done_message));
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  run_review (TAYORI_REVIEW_VIEW (widget), TAYORI_CMS_REVIEW_APPROVE, NULL, NULL, _("Approved"));
}

static void
schedule_response_cb (TayoriScheduleDialog *dialog,
                      const char           *response,
                      TayoriReviewView     *self)
{
  g_autoptr(GDateTime) when = NULL;

  if (g_strcmp0 (response, "schedule") != 0 || self->article == NULL)
    return;
  when = tayori_schedule_dialog_dup_time (dialog);
  run_review (self, TAYORI_CMS_REVIEW_APPROVE, NULL, when, _("Approved and scheduled"));
}

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkWidget *dialog = tayori_schedule_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)));

  g_signal_connect_object (dialog, "response", G_CALLBACK (schedule_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
return_response_cb (TayoriReturnDialog *dialog,
                    const char         *response,
                    TayoriReviewView   *self)
{
  g_autofree char *note = NULL;
  gboolean to_previous;
  Review *review;

  if (g_strcmp0 (response, "return") != 0 || self->article == NULL)
    return;
  note = tayori_return_dialog_dup_note (dialog);
  to_previous = tayori_return_dialog_get_to_previous (dialog);
  review = review_new (self, to_previous ? _("Returned to the previous approver") : _("Returned to the writer"));
  review->returning = TRUE;
  tayori_cms_sync_return_async (tayori_cms_service_get_sync (self->service), tayori_article_get_id (self->article),
                                note, to_previous, self->cancellable, reviewed_cb, review);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TayoriReviewView *self = TAYORI_REVIEW_VIEW (widget);
  GtkWidget *dialog;

  dialog = tayori_return_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                     self->status != NULL ? self->status->approvals : 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (return_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The revision is the one the CMS recorded as approved; before any approval, this copy's. */
static char *
render_signoff (TayoriReviewView *self)
{
  GPtrArray *log = self->status != NULL ? self->status->review_log : NULL;
  g_autofree char *hash = NULL;

  for (guint i = log != NULL ? log->len : 0; i > 0 && hash == NULL; i--)
    {
      const TayoriCmsReviewEntry *entry = g_ptr_array_index (log, i - 1);

      if (g_strcmp0 (entry->action, "approve") == 0 && entry->revision_hash != NULL && *entry->revision_hash != '\0')
        hash = g_strdup (entry->revision_hash);
    }
  if (hash == NULL)
    hash = tayori_cms_content_hash (self->article);
  return tayori_signoff_render_html (self->article, tayori_cms_service_get_preset (self->service), hash, log,
                                     self->report);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autofree char *html = render_signoff (TAYORI_REVIEW_VIEW (widget));

  tayori_signoff_print (GTK_WINDOW (gtk_widget_get_root (widget)), html);
}

static void
pdf_saved_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TayoriReviewView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (tayori_signoff_save_pdf_finish (result, &error))
    g_signal_emit (self, signals[MESSAGE], 0, _("Sign-off record saved"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[FAILED], 0, error->message);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TayoriReviewView *self = TAYORI_REVIEW_VIEW (widget);
  g_autofree char *html = render_signoff (self);

  tayori_signoff_save_pdf_as_async (GTK_WINDOW (gtk_widget_get_root (widget)), html,
                                    tayori_article_get_title (self->article), self->cancellable,
                                    pdf_saved_cb, g_object_ref (self));
}

static void
back_clicked_cb (TayoriReviewView *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
tayori_review_view_dispose (GObject *object)
{
  TayoriReviewView *self = TAYORI_REVIEW_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->article);
  g_clear_object (&self->report);
  g_clear_pointer (&self->status, tayori_cms_sync_status_free);
  g_clear_object (&self->runner);
  g_clear_object (&self->service);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_REVIEW_VIEW);

  G_OBJECT_CLASS (tayori_review_view_parent_class)->dispose (object);
}

static void
tayori_review_view_class_init (TayoriReviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_review_view_dispose;

  signals[BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (TAYORI_TYPE_AI_PROVENANCE_BUTTON);
  g_type_ensure (TAYORI_TYPE_CHECKS_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tayori/Tayori/review/tayori-review-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewView, title_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewView, state_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewView, provenance_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewView, preview_bin);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewView, diff_view);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewView, checks_panel);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "review.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "review.schedule", NULL, schedule_action);
  gtk_widget_class_install_action (widget_class, "review.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "review.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "review.save-pdf", NULL, save_pdf_action);
}

static void
tayori_review_view_init (TayoriReviewView *self)
{
  g_autoptr(TayoriCheckSettings) settings = NULL;
  TayoriPreset *preset;

  tayori_style_load_resource (GTK_WIDGET (self), TAYORI_REVIEW_STYLE);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  self->service = tayori_cms_service_get_default ();
  g_return_if_fail (self->service != NULL);
  g_object_ref (self->service);
  preset = tayori_cms_service_get_preset (self->service);
  self->preview = TAYORI_PREVIEW_VIEW (tayori_preview_view_new (preset));
  adw_bin_set_child (self->preview_bin, GTK_WIDGET (self->preview));
  settings = tayori_check_settings_new (preset);
  self->runner = tayori_check_runner_new (settings);
  update_actions (self);
}
