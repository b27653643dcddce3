/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticlePage: wires one article to the form, the body editor, the preview, the
 * writing checks and the saver. Loading another article flushes the current one first; losing window focus saves. */
#include <glib/gi18n.h>

#include "tayori-article-page-private.h"
#include "tayori-style.h"

/* Share of the width the editor side gets before the user moves the divider */
#define EDITOR_SHARE 0.5

G_DEFINE_FINAL_TYPE (TayoriArticlePage, tayori_article_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PRESET,
  PROP_SETTINGS,
  PROP_TITLE,
  PROP_PREVIEW_MODE,
  PROP_SHOW_PREVIEW,
  PROP_PREVIEW_ZOOM,
  PROP_CAN_SUBMIT,
  PROP_SUBMIT_BLOCKERS,
  PROP_SHOW_RUBY,
  PROP_RUBY_GRADE,
  N_PROPS,
};

enum {
  SIGNAL_SAVED,
  SIGNAL_OPEN_ARTICLE,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One load_async call: superseded when a later load starts */
typedef struct {
  gint64 id;
  guint serial;
} Load;

static const char *
page_title (TayoriArticlePage *self)
{
  const char *title;

  if (self->article == NULL)
    return NULL;
  title = tayori_article_get_title (self->article);
  return *title != '\0' ? title : _("Untitled");
}

static void
saver_saved_cb (TayoriArticlePage *self,
                gint64             article_id)
{
  _tayori_article_page_ai_saved (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, article_id);
}

static void
title_changed_cb (TayoriArticlePage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
submit_state_changed_cb (TayoriArticlePage *self,
                         GParamSpec        *pspec)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[g_str_equal (pspec->name, "can-submit")
                                                        ? PROP_CAN_SUBMIT : PROP_SUBMIT_BLOCKERS]);
}

static void
cursor_line_changed_cb (TayoriArticlePage *self,
                        guint              line)
{
  if (self->preview != NULL)
    tayori_preview_view_scroll_to_source_line (self->preview, line);
}

static void
set_article (TayoriArticlePage *self,
             TayoriArticle     *article)
{
  tayori_body_editor_commit (self->body_editor);
  g_set_object (&self->article, article);

  /* The saver first: what the form fills in from the preset is then saved too */
  tayori_article_saver_set_article (self->saver, article);
  tayori_article_form_set_article (self->form, article);
  tayori_body_editor_set_article (self->body_editor, article);
  if (self->preview != NULL)
    tayori_preview_view_set_article (self->preview, article);
  g_signal_group_set_target (self->article_signals, article);
  _tayori_article_page_checks_set_article (self);
  _tayori_article_page_ai_set_article (self);
  _tayori_article_page_review_set_article (self);
  _tayori_article_page_sns_set_article (self);

  _tayori_article_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Flush */

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!tayori_article_saver_save_finish (TAYORI_ARTICLE_SAVER (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
tayori_article_page_flush_async (TayoriArticlePage   *self,
                                 GCancellable        *c,
                                 GAsyncReadyCallback  cb,
                                 gpointer             data)
{
  GTask *task;

  g_return_if_fail (TAYORI_IS_ARTICLE_PAGE (self));

  task = g_task_new (self, c, cb, data);
  g_task_set_source_tag (task, tayori_article_page_flush_async);
  tayori_body_editor_commit (self->body_editor);
  tayori_article_saver_save_async (self->saver, TAYORI_SAVE_AUTO, c, flushed_cb, task);
}

gboolean
tayori_article_page_flush_finish (TayoriArticlePage  *self,
                                  GAsyncResult       *r,
                                  GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (r, self), FALSE);
  return g_task_propagate_boolean (G_TASK (r), error);
}

/* Load */

static void
article_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TayoriArticlePage *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (task);
  g_autoptr(TayoriArticle) article = NULL;
  GError *error = NULL;

  article = tayori_store_load_article_finish (TAYORI_STORE (object), result, &error);
  if (article == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (load->serial != self->load_serial)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "Another article was opened meanwhile");
      return;
    }
  set_article (self, article);
  g_task_return_boolean (task, TRUE);
}

static void
load_flushed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (object);
  Load *load = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  /* A failed flush keeps the current article open: switching would hide unsaved text */
  if (!tayori_article_page_flush_finish (self, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  tayori_store_load_article_async (self->store, load->id, cancellable,
                                   article_loaded_cb, g_steal_pointer (&task));
}

void
tayori_article_page_load_async (TayoriArticlePage   *self,
                                gint64               id,
                                GCancellable        *c,
                                GAsyncReadyCallback  cb,
                                gpointer             data)
{
  GTask *task;
  Load *load;

  g_return_if_fail (TAYORI_IS_ARTICLE_PAGE (self));

  load = g_new0 (Load, 1);
  load->id = id;
  load->serial = ++self->load_serial;
  task = g_task_new (self, c, cb, data);
  g_task_set_source_tag (task, tayori_article_page_load_async);
  g_task_set_task_data (task, load, g_free);
  tayori_article_page_flush_async (self, c, load_flushed_cb, task);
}

gboolean
tayori_article_page_load_finish (TayoriArticlePage  *self,
                                 GAsyncResult       *r,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (r, self), FALSE);
  return g_task_propagate_boolean (G_TASK (r), error);
}

TayoriArticle *
tayori_article_page_get_article (TayoriArticlePage *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_PAGE (self), NULL);
  return self->article;
}

/* Window focus and size */

static void
window_active_cb (TayoriArticlePage *self)
{
  if (self->window != NULL && !gtk_window_is_active (self->window))
    tayori_article_page_flush_async (self, NULL, NULL, NULL);
}

/* Once the paned has its real width, split it evenly; the user's moves are kept after */
static void
place_divider_cb (TayoriArticlePage *self)
{
  int min = 0, max = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));

  g_object_get (self->paned, "min-position", &min, "max-position", &max, NULL);
  if (self->paned_placed || width <= 0 || max <= min)
    return;
  self->paned_placed = TRUE;
  gtk_paned_set_position (self->paned, CLAMP ((int) (width * EDITOR_SHARE), min, max));
}

static void
tayori_article_page_root (GtkWidget *widget)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (tayori_article_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      self->window_active_id = g_signal_connect_swapped (root, "notify::is-active",
                                                         G_CALLBACK (window_active_cb), self);
    }
}

static void
tayori_article_page_unroot (GtkWidget *widget)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (widget);

  g_clear_signal_handler (&self->window_active_id, self->window);
  self->window = NULL;

  GTK_WIDGET_CLASS (tayori_article_page_parent_class)->unroot (widget);
}

/* GObject */

GtkWidget *
tayori_article_page_new (TayoriStore  *store,
                         TayoriPreset *preset,
                         GSettings    *settings)
{
  g_return_val_if_fail (TAYORI_IS_STORE (store), NULL);
  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (TAYORI_TYPE_ARTICLE_PAGE,
                       "store", store,
                       "preset", preset,
                       "settings", settings,
                       NULL);
}

static void
tayori_article_page_constructed (GObject *object)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (object);

  G_OBJECT_CLASS (tayori_article_page_parent_class)->constructed (object);

  self->saver = tayori_article_saver_new (self->store);
  g_signal_connect_object (self->saver, "before-save", G_CALLBACK (tayori_body_editor_commit),
                           self->body_editor, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->saver, "saved", G_CALLBACK (saver_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_editor, "edited", G_CALLBACK (tayori_article_saver_mark_dirty),
                           self->saver, G_CONNECT_SWAPPED);

  tayori_article_form_set_preset (self->form, self->preset);
  _tayori_article_page_setup_preview (self);
  _tayori_article_page_setup_checks (self);
  _tayori_article_page_setup_ai (self);
  _tayori_article_page_setup_review (self);
  _tayori_article_page_setup_sns (self);
  g_signal_connect_object (self->checks, "notify::can-submit", G_CALLBACK (submit_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checks, "notify::submit-blockers", G_CALLBACK (submit_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  tayori_save_status_set_saver (self->save_status, self->saver);
  _tayori_article_page_update_actions (self);
}

static void
tayori_article_page_dispose (GObject *object)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (object);
  GtkWidget *child;

  /* Typed text reaches the article, and the saver writes what is still dirty */
  if (self->body_editor != NULL)
    tayori_body_editor_commit (self->body_editor);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->saver != NULL)
    g_signal_handlers_disconnect_by_data (self->saver, self);
  g_clear_object (&self->saver);
  _tayori_article_page_dispose_checks (self);
  _tayori_article_page_dispose_ai (self);
  _tayori_article_page_dispose_review (self);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->article);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_ARTICLE_PAGE);
  /* Children the template made without binding them are this widget's to unparent */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->settings);
  g_clear_object (&self->preset);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tayori_article_page_parent_class)->dispose (object);
}

static void
tayori_article_page_finalize (GObject *object)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (object);

  g_clear_pointer (&self->preview_mode, g_free);

  G_OBJECT_CLASS (tayori_article_page_parent_class)->finalize (object);
}

static void
tayori_article_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:        g_value_set_object (value, self->store); break;
    case PROP_PRESET:       g_value_set_object (value, self->preset); break;
    case PROP_SETTINGS:     g_value_set_object (value, self->settings); break;
    case PROP_TITLE:        g_value_set_string (value, page_title (self)); break;
    case PROP_PREVIEW_MODE: g_value_set_string (value, self->preview_mode); break;
    case PROP_SHOW_PREVIEW: g_value_set_boolean (value, self->show_preview); break;
    case PROP_PREVIEW_ZOOM: g_value_set_double (value, self->preview_zoom); break;
    case PROP_CAN_SUBMIT:   g_value_set_boolean (value, _tayori_article_page_get_can_submit (self)); break;
    case PROP_SUBMIT_BLOCKERS:
      g_value_set_boxed (value, _tayori_article_page_get_submit_blockers (self));
      break;
    case PROP_SHOW_RUBY:    g_value_set_boolean (value, self->show_ruby); break;
    case PROP_RUBY_GRADE:   g_value_set_uint (value, self->ruby_grade); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_article_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:        self->store = g_value_dup_object (value); break;
    case PROP_PRESET:       self->preset = g_value_dup_object (value); break;
    case PROP_SETTINGS:     self->settings = g_value_dup_object (value); break;
    case PROP_PREVIEW_MODE:
      if (_tayori_article_page_apply_preview_mode (self, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SHOW_PREVIEW:
      if (_tayori_article_page_apply_show_preview (self, g_value_get_boolean (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_PREVIEW_ZOOM:
      if (_tayori_article_page_apply_preview_zoom (self, g_value_get_double (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SHOW_RUBY:
      if (_tayori_article_page_apply_show_ruby (self, g_value_get_boolean (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_RUBY_GRADE:
      if (_tayori_article_page_apply_ruby_grade (self, g_value_get_uint (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_article_page_class_init (TayoriArticlePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags readwrite = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = tayori_article_page_constructed;
  object_class->dispose = tayori_article_page_dispose;
  object_class->finalize = tayori_article_page_finalize;
  object_class->get_property = tayori_article_page_get_property;
  object_class->set_property = tayori_article_page_set_property;
  widget_class->root = tayori_article_page_root;
  widget_class->unroot = tayori_article_page_unroot;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TAYORI_TYPE_STORE, construct);
  properties[PROP_PRESET] = g_param_spec_object ("preset", NULL, NULL, TAYORI_TYPE_PRESET, construct);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS, construct);
  /* For the window title: the article's title, "Untitled", or NULL with no article */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Bound to the GSettings keys of the same names */
  properties[PROP_PREVIEW_MODE] = g_param_spec_string ("preview-mode", NULL, NULL, "desktop", readwrite);
  properties[PROP_SHOW_PREVIEW] = g_param_spec_boolean ("show-preview", NULL, NULL, TRUE, readwrite);
  properties[PROP_PREVIEW_ZOOM] = g_param_spec_double ("preview-zoom", NULL, NULL, 0.5, 2.0, 1.0, readwrite);
  /* Whether the article may be sent for review: no error left that was not dismissed with a
   * reason; the blockers say why not, in the UI language */
  properties[PROP_CAN_SUBMIT] =
    g_param_spec_boolean ("can-submit", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBMIT_BLOCKERS] =
    g_param_spec_boxed ("submit-blockers", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Furigana in the preview of やさしい日本語 articles, over every kanji (0) or only over
   * kanji taught after that school grade */
  properties[PROP_SHOW_RUBY] = g_param_spec_boolean ("show-ruby", NULL, NULL, FALSE, readwrite);
  properties[PROP_RUBY_GRADE] = g_param_spec_uint ("ruby-grade", NULL, NULL, 0, 10, 0, readwrite);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TayoriArticlePage::saved:
   * @article_id: the id of the article that was saved
   *
   * Emitted after every successful store save (automatic or explicit).
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * TayoriArticlePage::open-article:
   * @article_id: the id of a stored article
   *
   * Emitted when the page made another article the writer wants to see next (a linked
   * language version made with the AI panel); the window opens it.
   */
  signals[SIGNAL_OPEN_ARTICLE] =
    g_signal_new ("open-article", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TAYORI_TYPE_ARTICLE_FORM);
  g_type_ensure (TAYORI_TYPE_BODY_EDITOR);
  g_type_ensure (TAYORI_TYPE_SAVE_STATUS);
  g_type_ensure (TAYORI_TYPE_CHECKS_PANEL);
  g_type_ensure (TAYORI_TYPE_AI_PANEL);
  g_type_ensure (TAYORI_TYPE_AI_PROVENANCE_BUTTON);
  g_type_ensure (TAYORI_TYPE_SYNC_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/article/tayori-article-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, paned);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, form);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, body_editor);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, preview_box);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, preview_bin);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, save_status);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, ruby_box);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, checks_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, checks_badge);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, checks_flap);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, checks_panel);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, ai_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, side_stack);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, ai_panel);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, provenance_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, sync_bar);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticlePage, sns_bin);

  _tayori_article_page_class_add_actions (widget_class);
  _tayori_article_page_class_add_preview_actions (widget_class);
  _tayori_article_page_class_add_check_actions (widget_class);
  _tayori_article_page_class_add_ai_actions (widget_class);
  _tayori_article_page_class_add_review_actions (widget_class);
  _tayori_article_page_class_add_sns_actions (widget_class);
}

static void
tayori_article_page_init (TayoriArticlePage *self)
{
  self->preview_mode = g_strdup ("desktop");
  self->preview_zoom = 1.0;
  self->show_preview = TRUE;

  tayori_style_load_resource (GTK_WIDGET (self), "/io/github/tayori/Tayori/article/article.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->article_signals = g_signal_group_new (TAYORI_TYPE_ARTICLE);
  g_signal_group_connect_swapped (self->article_signals, "notify::title",
                                  G_CALLBACK (title_changed_cb), self);
  g_signal_group_connect_swapped (self->article_signals, "notify::id",
                                  G_CALLBACK (_tayori_article_page_update_actions), self);
  g_signal_connect_swapped (self->body_editor, "cursor-line-changed",
                            G_CALLBACK (cursor_line_changed_cb), self);
  g_signal_connect_swapped (self->paned, "notify::max-position", G_CALLBACK (place_divider_cb), self);
}
