/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Applying and accepting proposals. Everything goes through tayori_ai_assistant_accept (),
 * which sets the field and records the provenance (and the disclosure line when the policy
 * asks for it). A thumbnail is stored in the media store first; a language version becomes a
 * new article in the same translation group, stored and then opened. */
#define G_LOG_DOMAIN "tayori-ai"

#include <glib/gi18n.h>

#include "tayori-ai-media.h"
#include "tayori-ai-panel-private.h"

static TayoriAiAssistant *
assistant (TayoriAiPanel *self)
{
  return tayori_ai_service_get_assistant (self->service);
}

static void
finish_task (TayoriAiPanel *self,
             TayoriAiTask   task,
             const char    *message)
{
  tayori_ai_task_row_set_content (self->rows[task], NULL);
  _tayori_ai_panel_toast (self, message);
}

/* A category or a title: one click */

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TayoriAiPanel *self = TAYORI_AI_PANEL (widget);
  const char *name;
  guint32 index;
  TayoriAiTask task;
  TayoriAiResult *result;
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;
  const char *field;

  g_variant_get (parameter, "(&su)", &name, &index);
  if (!tayori_ai_task_from_string (name, &task) || task >= N_TASKS || self->article == NULL ||
      (result = _tayori_ai_panel_get_result (self, task)) == NULL ||
      (value = tayori_ai_result_dup_item (result, index)) == NULL)
    return;

  g_strstrip (value);
  if (*value == '\0')
    return;
  if (task == TAYORI_AI_TASK_CATEGORY)
    {
      field = "category";
      /* TRANSLATORS: %s is a category */
      message = g_strdup_printf (_("Category set to “%s”"), value);
    }
  else if (task == TAYORI_AI_TASK_TITLES)
    {
      field = "title";
      message = g_strdup (_("Title replaced"));
    }
  else
    return;
  tayori_ai_assistant_accept (assistant (self), self->article, tayori_ai_result_get_proposal (result), field, value);
  finish_task (self, task, message);
}

/* The thumbnail */

typedef struct {
  TayoriAiPanel *self;
  TayoriArticle *article;
  TayoriAiResult *result;
  TayoriAiTask task;
  char *alt_text;
} Accepting;

static void
accepting_free (Accepting *accepting)
{
  g_clear_object (&accepting->self);
  g_clear_object (&accepting->article);
  g_clear_object (&accepting->result);
  g_free (accepting->alt_text);
  g_free (accepting);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Accepting, accepting_free)

static Accepting *
accepting_new (TayoriAiPanel  *self,
               TayoriAiTask    task,
               TayoriAiResult *result)
{
  Accepting *accepting = g_new0 (Accepting, 1);

  accepting->self = g_object_ref (self);
  accepting->article = g_object_ref (self->article);
  accepting->result = g_object_ref (result);
  accepting->task = task;
  return accepting;
}

static void
thumbnail_stored_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Accepting) accepting = user_data;
  TayoriAiPanel *self = accepting->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = tayori_ai_media_store_png_finish (result, &error);

  if (hash == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("Could not store the picture: %s"), error->message);
      _tayori_ai_panel_toast (self, message);
      return;
    }
  if (accepting->article != self->article)
    return;
  tayori_article_set_thumbnail (self->article, hash);
  tayori_ai_assistant_accept (assistant (self), self->article, tayori_ai_result_get_proposal (accepting->result),
                              "thumbnail-alt", accepting->alt_text);
  finish_task (self, TAYORI_AI_TASK_THUMBNAIL, _("Thumbnail set"));
}

static void
accept_thumbnail (TayoriAiPanel  *self,
                  TayoriAiResult *result)
{
  const TayoriAiProposal *proposal = tayori_ai_result_get_proposal (result);
  Accepting *accepting;

  if (proposal->image == NULL)
    return;
  accepting = accepting_new (self, TAYORI_AI_TASK_THUMBNAIL, result);
  accepting->alt_text = tayori_ai_result_dup_alt_text (result);
  tayori_ai_media_store_png_async (proposal->image, _tayori_ai_panel_get_cancellable (self),
                                   thumbnail_stored_cb, accepting);
}

/* Language versions */

static void
version_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Accepting) accepting = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = tayori_store_save_article_finish (TAYORI_STORE (object), result, &error);
  if (id <= 0)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("The new version could not be stored: %s"), error->message);
      _tayori_ai_panel_toast (accepting->self, message);
      return;
    }
  /* Stored even when the panel went away meanwhile: the writer accepted it */
  if (accepting->self->rows[accepting->task] == NULL)
    return;
  if (accepting->result == _tayori_ai_panel_get_result (accepting->self, accepting->task))
    tayori_ai_task_row_set_content (accepting->self->rows[accepting->task], NULL);
  g_signal_emit (accepting->self, _tayori_ai_panel_signals[SIGNAL_VERSION_CREATED], 0,
                 tayori_article_get_id (accepting->article));
}

static void
accept_version (TayoriAiPanel  *self,
                TayoriAiTask    task,
                TayoriAiResult *result)
{
  const char *group = tayori_article_get_translation_group (self->article);
  g_autofree char *new_group = NULL;
  g_autofree char *body = tayori_ai_result_dup_text (result);
  g_autoptr(GPtrArray) no_dismissals = g_ptr_array_new ();
  g_autoptr(TayoriArticle) version = NULL;
  Accepting *accepting;

  /* The versions of one notice share a translation group: the original gets one if needed */
  if (group == NULL)
    {
      new_group = g_uuid_string_random ();
      tayori_article_set_translation_group (self->article, new_group);
      group = new_group;
    }
  version = tayori_article_copy (self->article);
  tayori_article_set_id (version, 0);
  tayori_article_set_created (version, NULL);
  tayori_article_set_updated (version, NULL);
  tayori_article_set_status (version, TAYORI_ARTICLE_STATUS_DRAFT);
  tayori_article_set_language (version, task == TAYORI_AI_TASK_ENGLISH ? TAYORI_LANGUAGE_EN : TAYORI_LANGUAGE_JA_EASY);
  tayori_article_set_translation_group (version, group);
  tayori_article_set_dismissals (version, no_dismissals);
  tayori_ai_assistant_accept (assistant (self), version, tayori_ai_result_get_proposal (result), "body", body);

  accepting = accepting_new (self, task, result);
  /* The new article is what the save reports on */
  g_set_object (&accepting->article, version);
  tayori_store_save_article_async (self->store, version, TAYORI_SAVE_MANUAL, NULL, version_saved_cb, accepting);
}

/* ai.accept */

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TayoriAiPanel *self = TAYORI_AI_PANEL (widget);
  TayoriAiTask task;
  TayoriAiResult *result;

  if (!tayori_ai_task_from_string (g_variant_get_string (parameter, NULL), &task) || task >= N_TASKS ||
      self->article == NULL || (result = _tayori_ai_panel_get_result (self, task)) == NULL ||
      tayori_ai_result_get_proposal (result) == NULL)
    return;

  switch (task)
    {
    case TAYORI_AI_TASK_SUMMARY:
      {
        g_autofree char *summary = g_strstrip (tayori_ai_result_dup_text (result));

        tayori_ai_assistant_accept (assistant (self), self->article, tayori_ai_result_get_proposal (result),
                                    "summary", summary);
        finish_task (self, task, _("Summary replaced"));
      }
      break;
    case TAYORI_AI_TASK_THUMBNAIL:
      accept_thumbnail (self, result);
      break;
    case TAYORI_AI_TASK_EASY_JAPANESE:
    case TAYORI_AI_TASK_ENGLISH:
      accept_version (self, task, result);
      break;
    case TAYORI_AI_TASK_CATEGORY:
    case TAYORI_AI_TASK_TITLES:
    case TAYORI_AI_TASK_SNS:
    case TAYORI_AI_TASK_PROOFREAD:
    default:
      break;
    }
}

void
_tayori_ai_panel_class_add_accept_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "ai.apply", "(su)", apply_action);
  gtk_widget_class_install_action (widget_class, "ai.accept", "s", accept_action);
}
