/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiAssistant: routes each task to an endpoint the policy allows or to the built-in
 * provider, runs it (preparing and masking the request and the offline work on worker threads),
 * falls back to the built-in provider when a remote service fails, writes the usage log, and
 * applies accepted proposals with their provenance. */

#include <string.h>
#include <glib/gi18n.h>
#include "tayori-ai-assistant-private.h"
#include "tayori-post-counter.h"

#define N_TASKS (TAYORI_AI_TASK_PROOFREAD + 1)
/* Characters of a body paragraph kept in its provenance record. */
#define PARAGRAPH_KEY_CHARS 40

struct _TayoriAiAssistant
{
  GObject parent_instance;

  TayoriPreset     *preset;
  GPtrArray        *endpoints;
  TayoriAiUsageLog *log;
  TayoriAiPolicy   *policy;
  TayoriClassifier *classifier;
  char             *text_provider;     /* "[ai] text-provider=" */
  char             *image_provider;    /* "[ai] image-provider=" */
  GStrv             categories;        /* NULL: the preset's list */
  char             *routes[N_TASKS];   /* the user's choice per task, NULL: the preset's */
};

G_DEFINE_FINAL_TYPE (TayoriAiAssistant, tayori_ai_assistant, G_TYPE_OBJECT)

static void
tayori_ai_assistant_finalize (GObject *object)
{
  TayoriAiAssistant *self = TAYORI_AI_ASSISTANT (object);

  g_clear_object (&self->preset);
  g_clear_pointer (&self->endpoints, g_ptr_array_unref);
  g_clear_object (&self->log);
  g_clear_object (&self->policy);
  g_clear_object (&self->classifier);
  g_free (self->text_provider);
  g_free (self->image_provider);
  g_strfreev (self->categories);
  for (guint i = 0; i < N_TASKS; i++)
    g_free (self->routes[i]);

  G_OBJECT_CLASS (tayori_ai_assistant_parent_class)->finalize (object);
}

static void
tayori_ai_assistant_class_init (TayoriAiAssistantClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_ai_assistant_finalize;
}

static void
tayori_ai_assistant_init (TayoriAiAssistant *self)
{
}

static char *
read_provider (GKeyFile   *keyfile,
               const char *key)
{
  g_autofree char *value = g_key_file_get_string (keyfile, "ai", key, NULL);

  return value != NULL && *g_strstrip (value) != '\0' ? g_steal_pointer (&value) : NULL;
}

TayoriAiAssistant *
tayori_ai_assistant_new (TayoriPreset     *preset,
                         GPtrArray        *endpoints,
                         TayoriAiUsageLog *log)
{
  TayoriAiAssistant *self;
  g_autoptr(GKeyFile) keyfile = NULL;

  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);
  g_return_val_if_fail (endpoints != NULL, NULL);
  g_return_val_if_fail (log == NULL || TAYORI_IS_AI_USAGE_LOG (log), NULL);

  self = g_object_new (TAYORI_TYPE_AI_ASSISTANT, NULL);
  self->preset = g_object_ref (preset);
  self->endpoints = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < endpoints->len; i++)
    g_ptr_array_add (self->endpoints, g_object_ref (g_ptr_array_index (endpoints, i)));
  self->log = log != NULL ? g_object_ref (log) : NULL;
  self->policy = tayori_ai_policy_new (preset);
  self->classifier = tayori_classifier_new ();

  keyfile = tayori_preset_dup_ai_keyfile (preset);
  self->text_provider = read_provider (keyfile, "text-provider");
  self->image_provider = read_provider (keyfile, "image-provider");
  return self;
}

TayoriAiPolicy *
tayori_ai_assistant_get_policy (TayoriAiAssistant *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ASSISTANT (self), NULL);
  return self->policy;
}

TayoriAiUsageLog *
tayori_ai_assistant_get_log (TayoriAiAssistant *self)
{
  return self->log;
}

TayoriClassifier *
tayori_ai_assistant_get_classifier (TayoriAiAssistant *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ASSISTANT (self), NULL);
  return self->classifier;
}

void
tayori_ai_assistant_set_categories (TayoriAiAssistant  *self,
                                    const char * const *categories)
{
  g_return_if_fail (TAYORI_IS_AI_ASSISTANT (self));

  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **) categories);
}

void
tayori_ai_assistant_set_route (TayoriAiAssistant *self,
                               TayoriAiTask       task,
                               const char        *endpoint_name)
{
  g_return_if_fail (TAYORI_IS_AI_ASSISTANT (self));
  g_return_if_fail (task < N_TASKS);

  g_free (self->routes[task]);
  self->routes[task] = g_strdup (endpoint_name);
}

/* ---- routing ------------------------------------------------------------------------------ */

static TayoriAiEndpoint *
find_endpoint (TayoriAiAssistant *self,
               const char        *name)
{
  for (guint i = 0; i < self->endpoints->len; i++)
    if (g_str_equal (tayori_ai_endpoint_get_name (g_ptr_array_index (self->endpoints, i)), name))
      return g_ptr_array_index (self->endpoints, i);
  return NULL;
}

/* A provider for the endpoint @name, or NULL (with @reason when @name is set) when it is not
 * set up or the policy refuses it. */
static TayoriAiProvider *
resolve_name (TayoriAiAssistant  *self,
              const char         *name,
              gboolean            image,
              char              **reason)
{
  g_autoptr(TayoriAiProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiEndpoint *endpoint;

  *reason = NULL;
  if (name == NULL || g_str_equal (name, "builtin"))
    return NULL;

  endpoint = find_endpoint (self, name);
  if (endpoint == NULL)
    {
      *reason = g_strdup_printf (_("No AI service named “%s” is set up"), name);
      return NULL;
    }
  if (!tayori_ai_policy_allows_endpoint (self->policy, endpoint, &error))
    {
      *reason = g_strdup (error->message);
      return NULL;
    }
  if (image && !tayori_ai_policy_allows_images (self->policy))
    {
      *reason = g_strdup (_("Your organisation’s policy does not allow generated images"));
      return NULL;
    }

  provider = tayori_ai_provider_new_for_endpoint (endpoint, &error);
  if (provider == NULL)
    {
      *reason = g_strdup (error->message);
      return NULL;
    }
  if (image && !tayori_ai_provider_supports_images (provider))
    {
      *reason = g_strdup_printf (_("The AI service “%s” cannot make images"),
                                 tayori_ai_endpoint_get_label (endpoint));
      return NULL;
    }
  return g_steal_pointer (&provider);
}

/* A generated thumbnail takes two services: the text provider writes the picture's
 * description from the "thumbnail" prompt template, the image provider draws it. */
static TayoriAiProvider *
resolve_writer (TayoriAiAssistant  *self,
                char              **reason)
{
  g_autofree char *why = NULL;
  TayoriAiProvider *writer = resolve_name (self, self->text_provider, FALSE, &why);

  if (writer != NULL)
    return writer;
  if (why != NULL)
    *reason = g_strdup_printf (_("A generated picture needs a text AI service to describe it: %s"),
                               why);
  else
    *reason = g_strdup (_("A generated picture needs a text AI service to describe it, and none "
                          "is set up"));
  return NULL;
}

TayoriAiProvider *
tayori_ai_assistant_resolve (TayoriAiAssistant  *self,
                             TayoriAiTask        task,
                             TayoriAiProvider  **writer,
                             char              **reason)
{
  gboolean image = task == TAYORI_AI_TASK_THUMBNAIL;
  const char *name = self->routes[task];
  g_autoptr(TayoriAiProvider) provider = NULL;
  g_autoptr(TayoriAiProvider) image_writer = NULL;

  if (name == NULL)
    name = image ? self->image_provider : self->text_provider;
  provider = resolve_name (self, name, image, reason);
  if (provider == NULL || !image)
    return g_steal_pointer (&provider);

  image_writer = resolve_writer (self, reason);
  if (image_writer == NULL)
    return NULL;
  if (writer != NULL)
    *writer = g_steal_pointer (&image_writer);
  return g_steal_pointer (&provider);
}

TayoriAiEndpoint *
tayori_ai_assistant_route (TayoriAiAssistant *self,
                           TayoriAiTask       task)
{
  g_autoptr(TayoriAiProvider) provider = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (TAYORI_IS_AI_ASSISTANT (self), NULL);
  g_return_val_if_fail (task < N_TASKS, NULL);

  if (tayori_ai_policy_get_mode (self->policy) == TAYORI_AI_MODE_OFF)
    return NULL;
  provider = tayori_ai_assistant_resolve (self, task, NULL, &reason);
  return provider != NULL ? tayori_ai_provider_get_endpoint (provider) : NULL;
}

gboolean
tayori_ai_assistant_check_not_off (TayoriAiAssistant  *self,
               GError            **error)
{
  if (tayori_ai_policy_get_mode (self->policy) != TAYORI_AI_MODE_OFF)
    return TRUE;
  g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY,
               _("Your organisation’s policy has turned AI assistance off"));
  return FALSE;
}

static GStrv
all_networks (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (TayoriPostNetwork network = TAYORI_POST_NETWORK_X;
       network <= TAYORI_POST_NETWORK_LINE;
       network++)
    g_strv_builder_add (builder, tayori_post_network_to_string (network));
  return g_strv_builder_end (builder);
}

TayoriAiRun *
tayori_ai_assistant_new_run (TayoriAiAssistant         *self,
         TayoriAiTask               task,
         TayoriArticle             *article,
         const TayoriAiTaskOptions *options)
{
  TayoriAiRun *run = g_new0 (TayoriAiRun, 1);
  const TayoriAiTaskOptions no_options = { 0 };

  if (options == NULL)
    options = &no_options;

  run->task = task;
  run->article = tayori_article_copy (article);
  run->article_id = tayori_article_get_id (article);
  run->preset = g_object_ref (self->preset);
  run->policy = g_object_ref (self->policy);
  run->classifier = g_object_ref (self->classifier);
  run->categories = g_strdupv (self->categories != NULL
                               ? self->categories
                               : (char **) tayori_preset_get_categories (self->preset));
  run->networks = options->networks != NULL ? g_strdupv ((char **) options->networks)
                                            : all_networks ();
  run->url = g_strdup (options->url);
  run->max_chars = options->max_chars > 0 ? options->max_chars
                                          : tayori_preset_get_summary_limit (self->preset);
  run->photo = options->photo != NULL ? g_bytes_ref (options->photo) : NULL;
  run->user = g_strdup (options->user);
  return run;
}

char *
tayori_ai_assistant_preview_request (TayoriAiAssistant          *self,
                                     TayoriAiTask                task,
                                     TayoriArticle              *article,
                                     const TayoriAiTaskOptions  *options,
                                     GError                    **error)
{
  g_autoptr(TayoriAiProvider) provider = NULL;
  g_autoptr(TayoriAiRun) run = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (TAYORI_IS_AI_ASSISTANT (self), NULL);
  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (task < N_TASKS, NULL);

  if (!tayori_ai_assistant_check_not_off (self, error))
    return NULL;
  provider = tayori_ai_assistant_resolve (self, task, NULL, &reason);
  if (provider == NULL)
    return NULL;

  run = tayori_ai_assistant_new_run (self, task, article, options);
  if (!tayori_ai_remote_prepare (run, error))
    return NULL;
  return tayori_ai_remote_sent_text (run);
}

/* ---- accepting a proposal ----------------------------------------------------------------- */

static const char * const accepted_fields[] = {
  "summary", "title", "category", "thumbnail-alt", "body", NULL
};

/* The first PARAGRAPH_KEY_CHARS characters of the first paragraph of @text. */
static char *
paragraph_key (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *end = strstr (trimmed, "\n\n");
  g_autofree char *paragraph = end != NULL ? g_strndup (trimmed, end - trimmed)
                                           : g_strdup (trimmed);

  return g_utf8_substring (paragraph, 0, MIN (g_utf8_strlen (paragraph, -1), PARAGRAPH_KEY_CHARS));
}

static void
add_disclosure (TayoriAiAssistant *self,
                TayoriArticle     *article)
{
  const char *line = tayori_ai_policy_get_disclosure_text (self->policy);
  g_autofree char *body = g_strdup (tayori_article_get_body (article));
  g_autofree char *with_line = NULL;

  if (line == NULL || *line == '\0' || strstr (body, line) != NULL)
    return;
  g_strchomp (body);
  with_line = *body != '\0' ? g_strconcat (body, "\n\n", line, "\n", NULL)
                            : g_strconcat (line, "\n", NULL);
  tayori_article_set_body (article, with_line);
}

void
tayori_ai_assistant_accept (TayoriAiAssistant      *self,
                            TayoriArticle          *article,
                            const TayoriAiProposal *proposal,
                            const char             *field,
                            const char             *text)
{
  g_autoptr(TayoriAiProvenance) record = NULL;

  g_return_if_fail (TAYORI_IS_AI_ASSISTANT (self));
  g_return_if_fail (TAYORI_IS_ARTICLE (article));
  g_return_if_fail (proposal != NULL && text != NULL);
  g_return_if_fail (field != NULL && g_strv_contains (accepted_fields, field));

  if (g_str_equal (field, "summary"))
    tayori_article_set_summary (article, text);
  else if (g_str_equal (field, "title"))
    tayori_article_set_title (article, text);
  else if (g_str_equal (field, "category"))
    tayori_article_set_category (article, text);
  else if (g_str_equal (field, "thumbnail-alt"))
    tayori_article_set_thumbnail_alt (article, text);
  else
    tayori_article_set_body (article, text);

  record = tayori_ai_provenance_new (field, proposal->provider, proposal->model,
                                     proposal->template_id, proposal->template_version, text);
  if (g_str_equal (field, "body"))
    record->paragraph = paragraph_key (text);
  tayori_article_add_ai_provenance (article, record);

  if (tayori_ai_policy_requires_disclosure (self->policy))
    add_disclosure (self, article);
}
