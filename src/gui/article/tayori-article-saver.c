/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticleSaver: throttled autosave, explicit saves and flushes of one article, one
 * store call at a time so a new article is created once and saves land in order. */
#include "tayori-article-saver.h"

struct _TayoriArticleSaver
{
  GObject parent_instance;

  TayoriStore *store;
  TayoriArticle *article;
  gulong changed_id;
  guint throttle_id;

  /* Callers waiting for the save after the one in flight */
  GPtrArray *queued;
  guint queued_manual : 1;

  guint saving : 1;
  guint dirty : 1;

  TayoriSaveState state;
  GDateTime *saved_time;
  char *error_message;
};

G_DEFINE_FINAL_TYPE (TayoriArticleSaver, tayori_article_saver, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (TayoriSaveState, tayori_save_state,
  G_DEFINE_ENUM_VALUE (TAYORI_SAVE_STATE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (TAYORI_SAVE_STATE_SAVING, "saving"),
  G_DEFINE_ENUM_VALUE (TAYORI_SAVE_STATE_SAVED, "saved"),
  G_DEFINE_ENUM_VALUE (TAYORI_SAVE_STATE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_STATE,
  PROP_SAVED_TIME,
  PROP_ERROR_MESSAGE,
  N_PROPS,
};

enum {
  SIGNAL_BEFORE_SAVE,
  SIGNAL_SAVED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One store call and everybody waiting for it */
typedef struct {
  TayoriArticleSaver *self;
  TayoriArticle *article;  /* the live article, to receive the id of a new one */
  TayoriArticle *copy;     /* what was written */
  GPtrArray *tasks;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->article);
  g_clear_object (&data->copy);
  g_clear_pointer (&data->tasks, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void start_save (TayoriArticleSaver *self, TayoriSaveKind kind, GPtrArray *tasks);

static void
set_state (TayoriArticleSaver *self,
           TayoriSaveState     state,
           const char         *error_message)
{
  if (g_strcmp0 (self->error_message, error_message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (error_message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
throttle_elapsed_cb (gpointer user_data)
{
  TayoriArticleSaver *self = user_data;

  self->throttle_id = 0;
  tayori_article_saver_save_async (self, TAYORI_SAVE_AUTO, NULL, NULL, NULL);
}

/* Started by the first change and never pushed back by later ones: typing without a pause
 * is still saved every throttle interval. After a failure the retry interval applies. */
static void
ensure_throttle (TayoriArticleSaver *self)
{
  guint delay = self->state == TAYORI_SAVE_STATE_FAILED ? TAYORI_ARTICLE_SAVER_RETRY_MS
                                                         : TAYORI_ARTICLE_SAVER_THROTTLE_MS;

  if (self->throttle_id == 0)
    self->throttle_id = g_timeout_add_once (delay, throttle_elapsed_cb, self);
}

static void
article_changed_cb (TayoriArticleSaver *self)
{
  tayori_article_saver_mark_dirty (self);
}

static void
return_tasks (GPtrArray    *tasks,
              const GError *error)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
start_queued (TayoriArticleSaver *self)
{
  g_autoptr(GPtrArray) tasks = NULL;
  TayoriSaveKind kind;

  if (self->queued->len == 0)
    return;
  tasks = g_steal_pointer (&self->queued);
  self->queued = g_ptr_array_new_with_free_func (g_object_unref);
  kind = self->queued_manual ? TAYORI_SAVE_MANUAL : TAYORI_SAVE_AUTO;
  self->queued_manual = FALSE;
  start_save (self, kind, tasks);
}

static void
save_article_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  TayoriArticleSaver *self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean current = data->article == self->article;
  gint64 id;

  self->saving = FALSE;
  tayori_store_save_article_finish (TAYORI_STORE (object), result, &error);
  if (error != NULL)
    {
      if (current)
        {
          /* Nothing is lost: the edits stay in the article and are written on the retry */
          self->dirty = TRUE;
          set_state (self, TAYORI_SAVE_STATE_FAILED, error->message);
          g_clear_handle_id (&self->throttle_id, g_source_remove);
          ensure_throttle (self);
        }
      return_tasks (data->tasks, error);
      start_queued (self);
      return;
    }

  /* The store set the new id on the copy; the live article learns it without an edit */
  id = tayori_article_get_id (data->copy);
  if (tayori_article_get_id (data->article) == 0)
    tayori_article_set_id (data->article, id);

  if (current)
    {
      g_clear_pointer (&self->saved_time, g_date_time_unref);
      self->saved_time = g_date_time_new_now_utc ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_TIME]);
      set_state (self, TAYORI_SAVE_STATE_SAVED, NULL);
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  return_tasks (data->tasks, NULL);
  start_queued (self);
}

static void
start_save (TayoriArticleSaver *self,
            TayoriSaveKind      kind,
            GPtrArray          *tasks)
{
  SaveData *data;

  g_assert (!self->saving);

  g_clear_handle_id (&self->throttle_id, g_source_remove);
  if (self->article != NULL)
    g_signal_emit (self, signals[SIGNAL_BEFORE_SAVE], 0);

  if (self->article == NULL || (!self->dirty && kind == TAYORI_SAVE_AUTO))
    {
      return_tasks (tasks, NULL);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->article = g_object_ref (self->article);
  data->copy = tayori_article_copy (self->article);
  data->tasks = g_ptr_array_ref (tasks);

  self->dirty = FALSE;
  self->saving = TRUE;
  set_state (self, TAYORI_SAVE_STATE_SAVING, self->error_message);
  /* Not cancellable: a save that was asked for must land even if its callers go away */
  tayori_store_save_article_async (self->store, data->copy, kind, NULL, save_article_cb, data);
}

void
tayori_article_saver_save_async (TayoriArticleSaver  *self,
                                 TayoriSaveKind       kind,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) tasks = NULL;

  g_return_if_fail (TAYORI_IS_ARTICLE_SAVER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_article_saver_save_async);

  if (self->saving)
    {
      g_ptr_array_add (self->queued, g_steal_pointer (&task));
      self->queued_manual |= kind == TAYORI_SAVE_MANUAL;
      return;
    }

  tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (tasks, g_steal_pointer (&task));
  start_save (self, kind, tasks);
}

gboolean
tayori_article_saver_save_finish (TayoriArticleSaver  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
tayori_article_saver_mark_dirty (TayoriArticleSaver *self)
{
  g_return_if_fail (TAYORI_IS_ARTICLE_SAVER (self));

  if (self->article == NULL)
    return;
  self->dirty = TRUE;
  ensure_throttle (self);
}

gboolean
tayori_article_saver_get_dirty (TayoriArticleSaver *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SAVER (self), FALSE);
  return self->dirty;
}

void
tayori_article_saver_set_article (TayoriArticleSaver *self,
                                  TayoriArticle      *article)
{
  g_return_if_fail (TAYORI_IS_ARTICLE_SAVER (self));
  g_return_if_fail (article == NULL || TAYORI_IS_ARTICLE (article));

  if (self->article == article)
    return;

  g_clear_signal_handler (&self->changed_id, self->article);
  g_clear_handle_id (&self->throttle_id, g_source_remove);
  g_set_object (&self->article, article);
  if (article != NULL)
    self->changed_id = g_signal_connect_swapped (article, "changed",
                                                 G_CALLBACK (article_changed_cb), self);
  self->dirty = FALSE;
  if (self->saved_time != NULL)
    {
      g_clear_pointer (&self->saved_time, g_date_time_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_TIME]);
    }
  set_state (self, TAYORI_SAVE_STATE_IDLE, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

TayoriArticle *
tayori_article_saver_get_article (TayoriArticleSaver *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SAVER (self), NULL);
  return self->article;
}

TayoriSaveState
tayori_article_saver_get_state (TayoriArticleSaver *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SAVER (self), TAYORI_SAVE_STATE_IDLE);
  return self->state;
}

GDateTime *
tayori_article_saver_get_saved_time (TayoriArticleSaver *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SAVER (self), NULL);
  return self->saved_time;
}

const char *
tayori_article_saver_get_error_message (TayoriArticleSaver *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SAVER (self), NULL);
  return self->error_message;
}

TayoriArticleSaver *
tayori_article_saver_new (TayoriStore *store)
{
  TayoriArticleSaver *self;

  g_return_val_if_fail (TAYORI_IS_STORE (store), NULL);

  self = g_object_new (TAYORI_TYPE_ARTICLE_SAVER, NULL);
  self->store = g_object_ref (store);
  return self;
}

static void
tayori_article_saver_dispose (GObject *object)
{
  TayoriArticleSaver *self = TAYORI_ARTICLE_SAVER (object);

  /* Last resort when the owner did not flush: write what is pending, nobody waits for it */
  if (self->dirty && self->article != NULL)
    {
      g_autoptr(TayoriArticle) copy = tayori_article_copy (self->article);

      tayori_store_save_article_async (self->store, copy, TAYORI_SAVE_AUTO, NULL, NULL, NULL);
      self->dirty = FALSE;
    }
  g_clear_handle_id (&self->throttle_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->article);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (tayori_article_saver_parent_class)->dispose (object);
}

static void
tayori_article_saver_finalize (GObject *object)
{
  TayoriArticleSaver *self = TAYORI_ARTICLE_SAVER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->queued, g_ptr_array_unref);
  g_clear_pointer (&self->saved_time, g_date_time_unref);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (tayori_article_saver_parent_class)->finalize (object);
}

static void
tayori_article_saver_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TayoriArticleSaver *self = TAYORI_ARTICLE_SAVER (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:       g_value_set_object (value, self->article); break;
    case PROP_STATE:         g_value_set_enum (value, self->state); break;
    case PROP_SAVED_TIME:    g_value_set_boxed (value, self->saved_time); break;
    case PROP_ERROR_MESSAGE: g_value_set_string (value, self->error_message); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_article_saver_class_init (TayoriArticleSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tayori_article_saver_dispose;
  object_class->finalize = tayori_article_saver_finalize;
  object_class->get_property = tayori_article_saver_get_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, TAYORI_TYPE_ARTICLE, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, TAYORI_TYPE_SAVE_STATE, TAYORI_SAVE_STATE_IDLE, flags);
  properties[PROP_SAVED_TIME] =
    g_param_spec_boxed ("saved-time", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TayoriArticleSaver::before-save:
   *
   * Emitted right before the article is copied for a save, so that edits held back by a
   * view (the body editor coalesces keystrokes) can be pushed into the article.
   */
  signals[SIGNAL_BEFORE_SAVE] =
    g_signal_new ("before-save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TayoriArticleSaver::saved:
   * @article_id: the id of the saved article
   *
   * Emitted after every successful store save.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
tayori_article_saver_init (TayoriArticleSaver *self)
{
  self->queued = g_ptr_array_new_with_free_func (g_object_unref);
}
