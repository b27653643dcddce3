/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The article page's CMS side: the sync bar, 「承認依頼」 (page.submit-review: the submit
 * dialog, an override reason while the checks report errors) and resolving a conflict (keep
 * mine, take theirs, or merge by hand with the CMS version shown beside the editor). */
#include <glib/gi18n.h>

#include "tayori-article-page-private.h"
#include "tayori-cms-error.h"
#include "tayori-cms-service.h"
#include "tayori-conflict-dialog.h"
#include "tayori-submit-dialog.h"

static TayoriCmsSync *
page_sync (void)
{
  TayoriCmsService *service = tayori_cms_service_get_default ();

  return service != NULL ? tayori_cms_service_get_sync (service) : NULL;
}

static gint64
page_article_id (TayoriArticlePage *self)
{
  return self->article != NULL ? tayori_article_get_id (self->article) : 0;
}

static void
show_cms_error (TayoriArticlePage *self,
                const GError      *error)
{
  g_autofree char *message = NULL;

  if (error->domain == TAYORI_CMS_ERROR)
    message = g_strdup (tayori_cms_error_advice (error->code));
  else
    message = g_strdup_printf (_("Could not reach the CMS: %s"), error->message);
  _tayori_article_page_show_message (self, message);
}

static void start_conflict (TayoriArticlePage *self);

/* Submit */

typedef struct {
  TayoriArticlePage *self;
  char *note;
  char *reason;
} Submit;

static void
submit_free (Submit *submit)
{
  g_clear_object (&submit->self);
  g_free (submit->note);
  g_free (submit->reason);
  g_free (submit);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Submit, submit_free)

static void
submitted_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TayoriArticlePage) self = user_data;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = tayori_cms_sync_submit_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  tayori_sync_bar_refresh (self->sync_bar);
  if (g_error_matches (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_CONFLICT))
    start_conflict (self);
  else if (error != NULL)
    show_cms_error (self, error);
  else
    _tayori_article_page_show_message (self, _("Sent for approval"));
}

static void
submit_flushed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Submit) submit = user_data;
  TayoriArticlePage *self = submit->self;
  g_autoptr(GError) error = NULL;

  if (!tayori_article_page_flush_finish (self, result, &error))
    {
      _tayori_article_page_show_message (self, error->message);
      return;
    }
  tayori_cms_sync_submit_async (page_sync (), page_article_id (self), NULL, submit->note, submit->reason,
                                self->review_cancellable, submitted_cb, g_object_ref (self));
}

static void
submit_response_cb (TayoriSubmitDialog *dialog,
                    const char         *response,
                    TayoriArticlePage  *self)
{
  Submit *submit;

  if (g_strcmp0 (response, "submit") != 0 || page_sync () == NULL)
    return;

  submit = g_new0 (Submit, 1);
  submit->self = g_object_ref (self);
  submit->note = tayori_submit_dialog_dup_note (dialog);
  submit->reason = tayori_submit_dialog_dup_override_reason (dialog);
  tayori_article_page_flush_async (self, self->review_cancellable, submit_flushed_cb, submit);
}

static void
submit_review_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (widget);
  const char * const *blockers = NULL;
  GtkWidget *dialog;

  if (!_tayori_article_page_get_can_submit (self))
    blockers = _tayori_article_page_get_submit_blockers (self);
  dialog = tayori_submit_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), blockers);
  g_signal_connect_object (dialog, "response", G_CALLBACK (submit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Conflicts */

static void
resolved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TayoriArticlePage) self = user_data;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = tayori_cms_sync_resolve_conflict_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  tayori_sync_bar_set_merging (self->sync_bar, FALSE);
  if (error != NULL)
    {
      show_cms_error (self, error);
      return;
    }
  /* Taking theirs changed the stored article under the page */
  tayori_article_page_load_async (self, status->article_id, NULL, NULL, NULL);
  _tayori_article_page_show_message (self, _("The conflict is resolved"));
}

static void
resolve (TayoriArticlePage   *self,
         TayoriConflictChoice choice)
{
  tayori_cms_sync_resolve_conflict_async (page_sync (), page_article_id (self), choice,
                                          self->review_cancellable, resolved_cb, g_object_ref (self));
}

static void
conflict_response_cb (TayoriConflictDialog *dialog,
                      const char           *response,
                      TayoriArticlePage    *self)
{
  TayoriArticle *theirs = tayori_conflict_dialog_get_theirs (dialog);

  if (g_strcmp0 (response, "mine") == 0)
    resolve (self, TAYORI_CONFLICT_KEEP_MINE);
  else if (g_strcmp0 (response, "theirs") == 0)
    resolve (self, TAYORI_CONFLICT_TAKE_THEIRS);
  else if (g_strcmp0 (response, "merge") == 0)
    {
      if (self->theirs_window != NULL)
        gtk_window_destroy (GTK_WINDOW (self->theirs_window));
      self->theirs_window = tayori_conflict_dialog_new_theirs_window (self->window, theirs);
      g_object_add_weak_pointer (G_OBJECT (self->theirs_window), (gpointer *) &self->theirs_window);
      gtk_window_present (GTK_WINDOW (self->theirs_window));
      tayori_sync_bar_set_merging (self->sync_bar, TRUE);
    }
}

static void
conflict_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TayoriArticlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  dialog = tayori_conflict_dialog_new_from_result (self->window, TAYORI_CMS_SYNC (source), result, &error);
  if (dialog == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_cms_error (self, error);
      return;
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_conflict (TayoriArticlePage *self)
{
  if (page_sync () == NULL || page_article_id (self) == 0)
    return;
  tayori_cms_sync_get_conflict_async (page_sync (), page_article_id (self), self->review_cancellable,
                                      conflict_loaded_cb, g_object_ref (self));
}

static void
merge_flushed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TayoriArticlePage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tayori_article_page_flush_finish (self, result, &error))
    {
      _tayori_article_page_show_message (self, error->message);
      return;
    }
  if (self->theirs_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->theirs_window));
  resolve (self, TAYORI_CONFLICT_MERGED);
}

static void
finish_merge_cb (TayoriArticlePage *self)
{
  tayori_article_page_flush_async (self, self->review_cancellable, merge_flushed_cb, g_object_ref (self));
}

/* Page wiring */

/* A new article has its id from its first save on */
static void
page_saved_cb (TayoriArticlePage *self)
{
  _tayori_article_page_review_set_article (self);
}

void
_tayori_article_page_class_add_review_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.submit-review", NULL, submit_review_action);
}

void
_tayori_article_page_setup_review (TayoriArticlePage *self)
{
  self->review_cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->sync_bar, "resolve-conflict", G_CALLBACK (start_conflict), self);
  g_signal_connect_swapped (self->sync_bar, "finish-merge", G_CALLBACK (finish_merge_cb), self);
  g_signal_connect (self, "saved", G_CALLBACK (page_saved_cb), NULL);
  _tayori_article_page_review_set_article (self);
}

void
_tayori_article_page_review_set_article (TayoriArticlePage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.submit-review",
                                 page_sync () != NULL && page_article_id (self) > 0);
  tayori_sync_bar_set_article_id (self->sync_bar, page_article_id (self));
}

void
_tayori_article_page_dispose_review (TayoriArticlePage *self)
{
  g_cancellable_cancel (self->review_cancellable);
  g_clear_object (&self->review_cancellable);
  if (self->theirs_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->theirs_window));
}
