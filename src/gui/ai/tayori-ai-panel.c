/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiPanel: one row per task. Running a task: ask the assistant where it would go; when
 * text would leave the machine, show exactly what (or why the policy refuses it) and wait for
 * the writer; then run it with the task's own GCancellable and show the proposal in the row. */
#define G_LOG_DOMAIN "tayori-ai"

#include <glib/gi18n.h>
#include <string.h>

#include "tayori-ai-panel-private.h"
#include "tayori-ai-send-dialog.h"
#include "tayori-style.h"

G_DEFINE_FINAL_TYPE (TayoriAiPanel, tayori_ai_panel, GTK_TYPE_WIDGET)

guint _tayori_ai_panel_signals[N_SIGNALS];

static const struct {
  TayoriAiTask task;
  const char  *title;
  const char  *subtitle;
  const char  *icon;
} task_rows[N_TASKS] = {
  { TAYORI_AI_TASK_CATEGORY,      N_("Category"),              N_("Three likely categories from your list"),      "folder-symbolic" },
  { TAYORI_AI_TASK_SUMMARY,       N_("Summary"),               N_("A short summary of the body"),                 "view-paged-symbolic" },
  { TAYORI_AI_TASK_TITLES,        N_("Title Ideas"),           N_("Three other ways to put the title"),          "format-text-bold-symbolic" },
  { TAYORI_AI_TASK_THUMBNAIL,     N_("Thumbnail"),             N_("A 1200 × 630 card with alternative text"),   "image-x-generic-symbolic" },
  { TAYORI_AI_TASK_SNS,           N_("Social Media Drafts"),   N_("A draft for each network, within its limit"), "emblem-shared-symbolic" },
  { TAYORI_AI_TASK_EASY_JAPANESE, N_("Easy Japanese Version"), N_("やさしい日本語, with reading levels"),           "accessories-dictionary-symbolic" },
  { TAYORI_AI_TASK_ENGLISH,       N_("English Version"),       N_("Needs an AI service your organisation allows"), "preferences-desktop-locale-symbolic" },
  { TAYORI_AI_TASK_PROOFREAD,     N_("Proofreading"),          N_("Typos and inconsistent spellings, as checks"),   "tools-check-spelling-symbolic" },
};

/* One run of a task: keeps the panel alive until the assistant returns */
typedef struct {
  TayoriAiPanel  *self;
  TayoriAiTask    task;
  GCancellable   *cancellable;
  TayoriAiResult *result;
  TayoriArticle  *article;
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->self);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->result);
  g_clear_object (&run->article);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static TayoriAiAssistant *
assistant (TayoriAiPanel *self)
{
  return self->service != NULL ? tayori_ai_service_get_assistant (self->service) : NULL;
}

TayoriAiResult *
_tayori_ai_panel_get_result (TayoriAiPanel *self,
                             TayoriAiTask   task)
{
  GtkWidget *content = self->rows[task] != NULL ? tayori_ai_task_row_get_content (self->rows[task]) : NULL;

  return TAYORI_IS_AI_RESULT (content) ? TAYORI_AI_RESULT (content) : NULL;
}

void
_tayori_ai_panel_toast (TayoriAiPanel *self,
                        const char    *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "page.show-message", "s", message);
}

/* Bringing a proposal into view, once the row has its place */
static void
scroll_cb (gpointer user_data)
{
  TayoriAiPanel *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t top;

  self->scroll_id = 0;
  if (self->rows[self->scroll_task] == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self->rows[self->scroll_task]), self->tasks_box,
                                 &GRAPHENE_POINT_INIT (0, 0), &top))
    return;
  gtk_adjustment_clamp_page (adjustment, MAX (0, top.y - 12), top.y + gtk_adjustment_get_page_size (adjustment) - 12);
}

void
_tayori_ai_panel_show (TayoriAiPanel *self,
                       TayoriAiTask   task,
                       GtkWidget     *content)
{
  tayori_ai_task_row_set_content (self->rows[task], content);
  if (content == NULL)
    return;
  self->scroll_task = task;
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  self->scroll_id = g_idle_add_once (scroll_cb, self);
}

/* Where requests go */

static char *
describe_route (TayoriAiPanel *self,
                TayoriAiTask   task)
{
  TayoriAiEndpoint *endpoint = tayori_ai_assistant_route (assistant (self), task);

  return endpoint != NULL ? tayori_ai_endpoint_describe (endpoint)
                          : g_strdup (_("the built-in assistant, on this computer"));
}

static void
update_state (TayoriAiPanel *self)
{
  TayoriAiAssistant *ai = assistant (self);
  TayoriAiPolicy *policy = ai != NULL ? tayori_ai_assistant_get_policy (ai) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *image = NULL;
  g_autofree char *route = NULL;
  gboolean english;

  if (policy == NULL || tayori_ai_policy_get_mode (policy) == TAYORI_AI_MODE_OFF)
    {
      gtk_label_set_label (self->route_label, _("Not available"));
      gtk_stack_set_visible_child_name (self->stack, "off");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "tasks");
  text = describe_route (self, TAYORI_AI_TASK_SUMMARY);
  image = describe_route (self, TAYORI_AI_TASK_THUMBNAIL);
  if (g_strcmp0 (text, image) == 0)
    /* TRANSLATORS: %s is an AI service or "the built-in assistant, on this computer" */
    route = g_strdup_printf (_("Answers come from %s."), text);
  else
    /* TRANSLATORS: the services text and image tasks go to */
    route = g_strdup_printf (_("Text: %s. Pictures: %s."), text, image);
  gtk_label_set_label (self->route_label, route);

  english = tayori_ai_assistant_route (ai, TAYORI_AI_TASK_ENGLISH) != NULL;
  gtk_widget_set_sensitive (GTK_WIDGET (self->rows[TAYORI_AI_TASK_ENGLISH]), english);
}

/* Running */

static void
cancel_run (TayoriAiPanel *self,
            TayoriAiTask   task)
{
  if (self->runs[task] != NULL)
    g_cancellable_cancel (self->runs[task]);
  g_clear_object (&self->runs[task]);
  tayori_ai_task_row_set_running (self->rows[task], FALSE);
}

static void
delta_cb (const char *delta,
          gpointer    user_data)
{
  Run *run = user_data;

  if (run->self->runs[run->task] == run->cancellable)
    tayori_ai_result_append (run->result, delta);
}

static void
show_proofread (TayoriAiPanel    *self,
                TayoriAiProposal *proposal)
{
  guint n = proposal->findings != NULL ? proposal->findings->len : 0;
  g_autofree char *message = NULL;

  if (n > 0)
    g_signal_emit (self, _tayori_ai_panel_signals[SIGNAL_PROOFREAD], 0, proposal->findings);
  message = n == 0 ? g_strdup (_("Nothing to correct was found."))
                   : g_strdup_printf (ngettext ("%u finding was added to the writing checks.",
                                                "%u findings were added to the writing checks.", n), n);
  tayori_ai_task_row_set_message (self->rows[TAYORI_AI_TASK_PROOFREAD], message, FALSE);
  _tayori_ai_panel_show (self, TAYORI_AI_TASK_PROOFREAD, tayori_ai_task_row_get_content (self->rows[TAYORI_AI_TASK_PROOFREAD]));
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  TayoriAiPanel *self = run->self;
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiTaskRow *row;

  proposal = tayori_ai_assistant_run_finish (TAYORI_AI_ASSISTANT (object), result, &error);
  if (self->runs[run->task] != run->cancellable)
    return;  /* stopped, or a newer run replaced this one */
  g_clear_object (&self->runs[run->task]);
  row = self->rows[run->task];
  tayori_ai_task_row_set_running (row, FALSE);

  if (proposal == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tayori_ai_task_row_set_content (row, NULL);
      else
        {
          tayori_ai_task_row_set_message (row, error->message, TRUE);
          _tayori_ai_panel_show (self, run->task, tayori_ai_task_row_get_content (row));
        }
      return;
    }
  if (run->task == TAYORI_AI_TASK_PROOFREAD)
    {
      show_proofread (self, proposal);
      return;
    }
  tayori_ai_result_set_proposal (run->result, g_steal_pointer (&proposal));
  if (tayori_ai_task_row_get_content (row) != GTK_WIDGET (run->result))
    _tayori_ai_panel_show (self, run->task, GTK_WIDGET (run->result));
}

static void
start_run (TayoriAiPanel *self,
           TayoriAiTask   task)
{
  g_autofree char *user = NULL;
  TayoriAiTaskOptions options = { 0 };
  Run *run;

  cancel_run (self, task);
  self->runs[task] = g_cancellable_new ();
  run = g_new0 (Run, 1);
  run->self = g_object_ref (self);
  run->task = task;
  run->cancellable = g_object_ref (self->runs[task]);
  run->article = g_object_ref (self->article);
  run->result = g_object_ref_sink (TAYORI_AI_RESULT (tayori_ai_result_new (task, tayori_ai_service_get_preset (self->service),
                                                                           self->article)));
  tayori_ai_task_row_set_running (self->rows[task], TRUE);
  /* The summary streams into its proposal; the others show theirs when complete */
  _tayori_ai_panel_show (self, task, task == TAYORI_AI_TASK_SUMMARY ? GTK_WIDGET (run->result) : NULL);

  if (self->settings != NULL)
    user = g_settings_get_string (self->settings, "author-name");
  options.user = user != NULL && *user != '\0' ? user : g_get_user_name ();
  tayori_ai_assistant_run_async (assistant (self), task, self->article, &options,
                                 task == TAYORI_AI_TASK_SUMMARY ? delta_cb : NULL, run,
                                 run->cancellable, run_done_cb, run);
}

/* Asking first */

typedef struct {
  TayoriAiPanel *self;
  TayoriAiTask   task;
  TayoriArticle *article;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->self);
  g_clear_object (&ask->article);
  g_free (ask);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ask, ask_free)

static void
asked_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Ask) ask = user_data;
  gboolean go;

  if (g_task_get_source_tag (G_TASK (result)) == tayori_ai_send_dialog_run_async)
    go = tayori_ai_send_dialog_run_finish (result);
  else
    go = tayori_ai_refusal_dialog_run_finish (result);
  /* The article may have been closed or replaced while the question was open */
  if (go && ask->self->article == ask->article && ask->self->service != NULL)
    start_run (ask->self, ask->task);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TayoriAiPanel *self = TAYORI_AI_PANEL (widget);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));
  TayoriAiTask task;
  TayoriAiEndpoint *endpoint;
  g_autofree char *preview = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiTaskOptions options = { 0 };
  Ask *ask;

  if (!tayori_ai_task_from_string (g_variant_get_string (parameter, NULL), &task) || task >= N_TASKS ||
      self->article == NULL || assistant (self) == NULL)
    return;
  g_signal_emit (self, _tayori_ai_panel_signals[SIGNAL_PREPARE], 0);

  endpoint = tayori_ai_assistant_route (assistant (self), task);
  if (endpoint == NULL)
    {
      start_run (self, task);
      return;
    }
  preview = tayori_ai_assistant_preview_request (assistant (self), task, self->article, &options, &error);
  if (preview == NULL && error == NULL)
    {
      start_run (self, task);
      return;
    }
  ask = g_new0 (Ask, 1);
  ask->self = g_object_ref (self);
  ask->task = task;
  ask->article = g_object_ref (self->article);
  if (error != NULL)
    tayori_ai_refusal_dialog_run_async (window, endpoint, error->message, asked_cb, ask);
  else
    tayori_ai_send_dialog_run_async (window, endpoint, preview, asked_cb, ask);
}

static gboolean
task_of (GVariant     *parameter,
         TayoriAiTask *task)
{
  return tayori_ai_task_from_string (g_variant_get_string (parameter, NULL), task) && *task < N_TASKS;
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TayoriAiPanel *self = TAYORI_AI_PANEL (widget);
  TayoriAiTask task;

  if (!task_of (parameter, &task))
    return;
  cancel_run (self, task);
  tayori_ai_task_row_set_message (self->rows[task], _("Stopped. Nothing was changed."), FALSE);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TayoriAiPanel *self = TAYORI_AI_PANEL (widget);
  TayoriAiTask task;

  if (!task_of (parameter, &task))
    return;
  cancel_run (self, task);
  tayori_ai_task_row_set_content (self->rows[task], NULL);
}

/* Public */

static void
forget_runs (TayoriAiPanel *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  for (guint i = 0; i < N_TASKS; i++)
    if (self->rows[i] != NULL)
      {
        cancel_run (self, i);
        tayori_ai_task_row_set_content (self->rows[i], NULL);
      }
}

void
tayori_ai_panel_set_article (TayoriAiPanel *self,
                             TayoriArticle *article)
{
  g_return_if_fail (TAYORI_IS_AI_PANEL (self));
  g_return_if_fail (article == NULL || TAYORI_IS_ARTICLE (article));

  if (self->article == article)
    return;
  forget_runs (self);
  g_set_object (&self->article, article);
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ai.run", article != NULL && assistant (self) != NULL);
}

GCancellable *
_tayori_ai_panel_get_cancellable (TayoriAiPanel *self)
{
  return self->cancellable;
}

void
tayori_ai_panel_setup (TayoriAiPanel   *self,
                       TayoriAiService *service,
                       TayoriStore     *store,
                       GSettings       *settings)
{
  g_return_if_fail (TAYORI_IS_AI_PANEL (self));
  g_return_if_fail (service == NULL || TAYORI_IS_AI_SERVICE (service));
  g_return_if_fail (TAYORI_IS_STORE (store));

  g_set_object (&self->service, service);
  g_set_object (&self->store, store);
  g_set_object (&self->settings, settings);
  if (service != NULL)
    g_signal_connect_object (service, "notify::assistant", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  update_state (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ai.run", self->article != NULL && assistant (self) != NULL);
}

/* GObject */

static void
tayori_ai_panel_dispose (GObject *object)
{
  TayoriAiPanel *self = TAYORI_AI_PANEL (object);
  GtkWidget *child;

  forget_runs (self);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  memset (self->rows, 0, sizeof self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_AI_PANEL);
  /* Children the template made without binding them are this widget's to unparent */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->article);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (tayori_ai_panel_parent_class)->dispose (object);
}

static void
tayori_ai_panel_class_init (TayoriAiPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_ai_panel_dispose;

  /**
   * TayoriAiPanel::prepare:
   *
   * Emitted before a task reads the article, so that pending edits reach it.
   */
  _tayori_ai_panel_signals[SIGNAL_PREPARE] =
    g_signal_new ("prepare", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TayoriAiPanel::proofread:
   * @findings: (element-type TayoriFinding): what the proofreading found
   *
   * Emitted when proofreading found something, for the writing checks to show.
   */
  _tayori_ai_panel_signals[SIGNAL_PROOFREAD] =
    g_signal_new ("proofread", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  /**
   * TayoriAiPanel::version-created:
   * @id: the id of the new article
   *
   * Emitted when a linked language version of the article was stored.
   */
  _tayori_ai_panel_signals[SIGNAL_VERSION_CREATED] =
    g_signal_new ("version-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tayori/Tayori/ai/tayori-ai-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPanel, route_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPanel, tasks_box);
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPanel, article_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPanel, sharing_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPanel, versions_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPanel, checking_group);

  gtk_widget_class_install_action (widget_class, "ai.run", "s", run_action);
  gtk_widget_class_install_action (widget_class, "ai.cancel", "s", cancel_action);
  gtk_widget_class_install_action (widget_class, "ai.discard", "s", discard_action);
  _tayori_ai_panel_class_add_accept_actions (widget_class);
}

static void
load_style_and_icons (GtkWidget *widget)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  const char *icons = "/io/github/tayori/Tayori/ai/icons";
  g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (theme);

  tayori_style_load_resource (widget, "/io/github/tayori/Tayori/ai/ai.css");
  if (paths == NULL || !g_strv_contains ((const char * const *) paths, icons))
    gtk_icon_theme_add_resource_path (theme, icons);
}

static void
tayori_ai_panel_init (TayoriAiPanel *self)
{
  load_style_and_icons (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_TASKS; i++)
    {
      TayoriAiTask task = task_rows[i].task;
      GtkWidget *row = tayori_ai_task_row_new (task, _(task_rows[i].title), _(task_rows[i].subtitle),
                                               task_rows[i].icon);
      AdwPreferencesGroup *group = self->article_group;

      if (task == TAYORI_AI_TASK_SNS)
        group = self->sharing_group;
      else if (task == TAYORI_AI_TASK_EASY_JAPANESE || task == TAYORI_AI_TASK_ENGLISH)
        group = self->versions_group;
      else if (task == TAYORI_AI_TASK_PROOFREAD)
        group = self->checking_group;
      self->rows[task] = TAYORI_AI_TASK_ROW (row);
      adw_preferences_group_add (group, row);
    }
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ai.run", FALSE);
  update_state (self);
}
