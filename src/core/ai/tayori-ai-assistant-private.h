/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Private to TayoriAiAssistant: one run of a task (everything it needs, owned, so the steps can
 * go to worker threads), the built-in answers and the remote request and its parsing. */
#pragma once

#include "tayori-ai-assistant.h"
#include "tayori-ai-endpoint.h"

G_BEGIN_DECLS

typedef struct {
  TayoriAiTask       task;
  TayoriArticle     *article;          /* a copy of the caller's */
  TayoriPreset      *preset;
  TayoriAiPolicy    *policy;
  TayoriClassifier  *classifier;
  GStrv              categories;       /* the categories a suggestion may name */
  GStrv              networks;         /* SNS networks, never NULL */
  char              *url;
  guint              max_chars;        /* resolved: the option or the preset's limit */
  GBytes            *photo;
  char              *user;
  gint64             article_id;
  TayoriAiDeltaFunc  on_delta;
  gpointer           delta_data;

  /* Routing. */
  TayoriAiEndpoint  *endpoint;         /* NULL: the built-in provider */
  TayoriAiProvider  *provider;
  TayoriAiProvider  *writer;           /* thumbnail: writes the picture's description */
  gboolean           fell_back;
  char              *fallback_reason;

  /* The remote request, once prepared (tayori_ai_remote_prepare ()). */
  char              *template_id;
  char              *template_version;
  char              *system;           /* masked */
  char              *prompt;           /* masked */
  guint              masked_spans;
  JsonNode          *schema;           /* NULL for free text */
  const char        *schema_name;
  gboolean           sent;             /* the request left the machine */
  char              *remote_error;     /* why the remote answer was not used, for the log */
  char              *remote_model;     /* the model the server says answered */
  char              *image_prompt;     /* the description the writer gave */
  GBytes            *generated;        /* the image the service returned */

  /* The outcome, kept while the usage log is written. */
  TayoriAiProposal  *result;
  GError            *error;
} TayoriAiRun;

void              tayori_ai_run_free         (TayoriAiRun *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriAiRun, tayori_ai_run_free)

/* tayori-ai-assistant.c */
/* A provider for the endpoint @task goes to, or NULL for the built-in provider; then @reason
 * says (in the UI language) why a configured endpoint is not used, or is NULL when none is.
 * A generated thumbnail takes two services: the text provider writes the picture's
 * description (given in @writer, which may be NULL) and the image provider draws it. */
TayoriAiProvider *tayori_ai_assistant_resolve (TayoriAiAssistant  *self,
                                              TayoriAiTask        task,
                                              TayoriAiProvider  **writer,
                                              char              **reason);
/* FALSE with TAYORI_AI_ERROR_POLICY when the policy turns AI off. */
gboolean          tayori_ai_assistant_check_not_off (TayoriAiAssistant *self,
                                              GError            **error);
TayoriAiRun      *tayori_ai_assistant_new_run (TayoriAiAssistant         *self,
                                              TayoriAiTask               task,
                                              TayoriArticle             *article,
                                              const TayoriAiTaskOptions *options);
TayoriAiUsageLog *tayori_ai_assistant_get_log (TayoriAiAssistant *self); /* may be NULL */

/* tayori-ai-assistant-run.c */
TayoriAiProposal *tayori_ai_proposal_new     (TayoriAiTask task);
/* Moves the strings of @items and the doubles of @scores (NULL: no scores) into @proposal,
 * leaving both arrays empty. */
void              tayori_ai_proposal_take_items (TayoriAiProposal *proposal,
                                              GPtrArray        *items,
                                              GArray           *scores);

/* tayori-ai-assistant-builtin.c: the offline answer, on a worker thread. */
gboolean          tayori_ai_builtin_can_do   (TayoriAiTask  task);
TayoriAiProposal *tayori_ai_builtin_run      (TayoriAiRun  *run,
                                              GCancellable *cancellable,
                                              GError      **error);
/* Three title proposals from the title (or the summary when there is none). */
GStrv             tayori_ai_builtin_titles   (TayoriArticle *article,
                                              TayoriPreset  *preset);

/* tayori-ai-assistant-remote.c: renders the task's prompt template with the article and
 * passes it through the policy (masking, or TAYORI_AI_ERROR_POLICY when it blocks). */
gboolean          tayori_ai_remote_prepare   (TayoriAiRun  *run,
                                              GError      **error);
/* What left (or would leave) the machine: the masked system and user prompts, and for a
 * thumbnail the picture's description sent to the image service. */
char             *tayori_ai_remote_sent_text (TayoriAiRun  *run);
/* The answer checked against the task's schema and turned into a proposal. */
TayoriAiProposal *tayori_ai_remote_parse     (TayoriAiRun  *run,
                                              const char   *answer,
                                              GError      **error);

/* tayori-ai-assistant-image.c: a generated image scaled and cropped to fill the thumbnail
 * size, as PNG. */
GBytes           *tayori_ai_image_fit        (GBytes       *image,
                                              GError      **error);

G_END_DECLS
