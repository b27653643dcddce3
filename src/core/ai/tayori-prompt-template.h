/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prompt templates: Japanese resources (resources/ai/prompts/ID.prompt) with an id and a
 * version, overridable by the preset's directory ("[ai] prompts-dir=", same file names).
 * File format: a keyfile group [prompt] with id, version, system, user; "{{name}}" placeholders
 * are replaced by tayori_prompt_template_render (). */
#pragma once

#include <glib-object.h>
#include "tayori-preset.h"

G_BEGIN_DECLS

typedef struct _TayoriPromptTemplate TayoriPromptTemplate;

/* Task ids: "category", "summary", "titles", "sns", "thumbnail", "easy-japanese", "english",
 * "proofread". */
TayoriPromptTemplate *tayori_prompt_template_load    (TayoriPreset *preset,   /* may be NULL */
                                                      const char   *id,
                                                      GError      **error);
void                  tayori_prompt_template_free    (TayoriPromptTemplate *self);
const char           *tayori_prompt_template_get_id      (TayoriPromptTemplate *self);
const char           *tayori_prompt_template_get_version (TayoriPromptTemplate *self);
/* @values: name → text. Unknown placeholders are an error (the template is broken). */
gboolean              tayori_prompt_template_render  (TayoriPromptTemplate *self,
                                                      GHashTable           *values,
                                                      char                **system,
                                                      char                **user,
                                                      GError              **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriPromptTemplate, tayori_prompt_template_free)

G_END_DECLS
