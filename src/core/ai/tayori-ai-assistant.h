/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiAssistant: the AI tasks the UI and the CLI offer, routed to providers. Text tasks go
 * to the endpoint named by the preset or user setting "[ai] text-provider=", image tasks to
 * "[ai] image-provider="; the built-in provider does what it can offline and is the visible
 * fallback (TayoriAiProposal.fell_back) when the policy refuses, no endpoint is set, or a remote
 * provider fails. Every request passes the policy first (tayori-ai-policy.h) and is written to
 * the usage log. Results are proposals: nothing is applied to the article until accept (). */
#pragma once

#include <gio/gio.h>
#include "tayori-article.h"
#include "tayori-preset.h"
#include "tayori-ai-policy.h"
#include "tayori-ai-provider.h"
#include "tayori-ai-usage-log.h"
#include "tayori-classifier.h"

G_BEGIN_DECLS

typedef enum {
  TAYORI_AI_TASK_CATEGORY,       /* top 3 categories from the configured list, with scores */
  TAYORI_AI_TASK_SUMMARY,        /* streams; within the preset's summary limit */
  TAYORI_AI_TASK_TITLES,         /* three title proposals */
  TAYORI_AI_TASK_SNS,            /* one draft per network (options->networks) */
  TAYORI_AI_TASK_THUMBNAIL,      /* 1200×630 PNG + alt text */
  TAYORI_AI_TASK_EASY_JAPANESE,  /* やさしい日本語 version of the body (Markdown) */
  TAYORI_AI_TASK_ENGLISH,        /* English version: needs a remote provider */
  TAYORI_AI_TASK_PROOFREAD,      /* typos and 表記ゆれ as findings: the built-in provider gives the
                                    words check's own findings (words-variant, words-inappropriate),
                                    a remote service's are words-variant findings whose note is
                                    the reason it gave */
} TayoriAiTask;

const char *tayori_ai_task_to_string   (TayoriAiTask task);   /* "category", "summary", … */
gboolean    tayori_ai_task_from_string (const char *text, TayoriAiTask *task);

typedef struct {
  char       *task;            /* tayori_ai_task_to_string () */
  char       *text;            /* summary / body / English / the first title or draft; for
                                  categories the best one, or when the built-in classifier has
                                  learnt nothing (no items) the message that says so */
  GStrv       items;           /* categories, titles, SNS drafts (as "network\ttext"), … */
  double     *scores;          /* one per item for categories, else NULL */
  GBytes     *image;           /* thumbnail PNG */
  char       *alt_text;        /* thumbnail */
  GPtrArray  *findings;        /* TayoriFinding, for proofread */
  char       *provider;        /* endpoint name or "builtin" */
  char       *model;
  char       *template_id;     /* NULL for the built-in provider */
  char       *template_version;
  char       *sent_text;       /* exactly what left the machine (masked), NULL for builtin */
  guint       masked_spans;
  gboolean    fell_back;       /* the built-in provider answered instead of the configured one */
  char       *fallback_reason; /* why, in the UI language */
} TayoriAiProposal;
void tayori_ai_proposal_free (TayoriAiProposal *proposal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriAiProposal, tayori_ai_proposal_free)

typedef struct {
  const char * const *networks;   /* SNS: "x", "bluesky", "mastodon", "line"; NULL = all */
  const char         *url;        /* SNS: the article URL when known */
  guint               max_chars;  /* summary: 0 = the preset's summary limit */
  GBytes             *photo;      /* thumbnail: optional photo (sent only if policy allows) */
  const char         *user;       /* for the usage log */
} TayoriAiTaskOptions;

#define TAYORI_TYPE_AI_ASSISTANT (tayori_ai_assistant_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiAssistant, tayori_ai_assistant, TAYORI, AI_ASSISTANT, GObject)

/* @endpoints: TayoriAiEndpoint (may be empty); @log may be NULL (no log, tests). */
TayoriAiAssistant *tayori_ai_assistant_new            (TayoriPreset      *preset,
                                                       GPtrArray         *endpoints,
                                                       TayoriAiUsageLog  *log);
TayoriAiPolicy    *tayori_ai_assistant_get_policy     (TayoriAiAssistant *self);
/* The built-in classifier; the GUI and CLI train it from the store (tayori-ai-training.h). */
TayoriClassifier  *tayori_ai_assistant_get_classifier (TayoriAiAssistant *self);
/* The user's choice of endpoint for @task, by name, over the preset's "text-provider=" or
 * "image-provider="; "builtin" picks the built-in provider, NULL goes back to the preset's.
 * The policy still decides: a refused endpoint means the built-in provider, with fell_back. */
void               tayori_ai_assistant_set_route      (TayoriAiAssistant *self,
                                                       TayoriAiTask       task,
                                                       const char        *endpoint_name);
/* The categories a suggestion may name, instead of the preset's list (the CLI passes the
 * store's categories when the preset has none); NULL goes back to the preset's. */
void               tayori_ai_assistant_set_categories (TayoriAiAssistant  *self,
                                                       const char * const *categories);
/* The endpoint a task would go to now, or NULL for the built-in provider. */
TayoriAiEndpoint  *tayori_ai_assistant_route          (TayoriAiAssistant *self,
                                                       TayoriAiTask       task);
/* What would be sent for @task (after masking), or NULL when it stays on the machine;
 * error when the policy refuses it. For the "what will be sent" dialog. A generated thumbnail
 * is described by the text service first: this is that request; the description it writes
 * then goes to the image service (proposal->sent_text has both). */
char              *tayori_ai_assistant_preview_request (TayoriAiAssistant *self,
                                                       TayoriAiTask        task,
                                                       TayoriArticle      *article,
                                                       const TayoriAiTaskOptions *options,
                                                       GError            **error);
void               tayori_ai_assistant_run_async      (TayoriAiAssistant *self,
                                                       TayoriAiTask       task,
                                                       TayoriArticle     *article,  /* copied */
                                                       const TayoriAiTaskOptions *options, /* copied */
                                                       TayoriAiDeltaFunc  on_delta, /* summary stream */
                                                       gpointer           delta_data,
                                                       GCancellable      *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer           user_data);
/* The summary streams through @on_delta; when a remote service fails part-way and the built-in
 * provider answers instead, the proposal's text replaces whatever was streamed. Every run
 * (answered, cancelled, refused or failed) adds one row to the usage log. */
TayoriAiProposal  *tayori_ai_assistant_run_finish     (TayoriAiAssistant *self,
                                                       GAsyncResult      *result,
                                                       GError           **error);
/* Applies the accepted (possibly edited by the user) @text to @field of @article ("summary",
 * "title", "category", "thumbnail-alt", "body") and records provenance; adds the disclosure
 * line to the body when the policy requires it and it is not there yet. */
void               tayori_ai_assistant_accept         (TayoriAiAssistant *self,
                                                       TayoriArticle     *article,
                                                       const TayoriAiProposal *proposal,
                                                       const char        *field,
                                                       const char        *text);

G_END_DECLS
