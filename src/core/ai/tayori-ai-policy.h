/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The organisation's AI policy from the preset's "[ai]" group (normally locked by IT):
 *   mode=off|builtin|listed   (listed: only the endpoints named in providers= and whose host is in hosts=)
 *   providers=NAME;…  hosts=HOST;…  images=true|false  attachments=true|false
 *   personal-data=block|mask  disclosure=required|optional|off
 *   disclosure-text=この記事の一部は生成AIを利用して作成しています。
 * Before any text leaves the machine it goes through tayori_ai_policy_prepare_text (): the
 * personal-data rules of the checks run on it and the spans are masked or the request refused;
 * the caller shows the user exactly the text that will be sent. */
#pragma once

#include <glib-object.h>
#include "tayori-preset.h"
#include "tayori-ai-endpoint.h"

G_BEGIN_DECLS

typedef enum {
  TAYORI_AI_MODE_OFF,
  TAYORI_AI_MODE_BUILTIN,
  TAYORI_AI_MODE_LISTED,
} TayoriAiMode;

#define TAYORI_TYPE_AI_POLICY (tayori_ai_policy_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiPolicy, tayori_ai_policy, TAYORI, AI_POLICY, GObject)

TayoriAiPolicy *tayori_ai_policy_new                 (TayoriPreset     *preset);
TayoriAiMode    tayori_ai_policy_get_mode            (TayoriAiPolicy   *self);
gboolean        tayori_ai_policy_is_locked           (TayoriAiPolicy   *self);
/* FALSE with TAYORI_AI_ERROR_POLICY and a message saying why (in the UI language). */
gboolean        tayori_ai_policy_allows_endpoint     (TayoriAiPolicy   *self,
                                                      TayoriAiEndpoint *endpoint,
                                                      GError          **error);
gboolean        tayori_ai_policy_allows_images       (TayoriAiPolicy   *self);
gboolean        tayori_ai_policy_allows_attachments  (TayoriAiPolicy   *self);
/* Returns the text to send: unchanged, or with personal data replaced by "[個人情報]" spans
 * (mask), or NULL with TAYORI_AI_ERROR_POLICY (block). @n_masked gets the number of spans. */
char           *tayori_ai_policy_prepare_text        (TayoriAiPolicy   *self,
                                                      const char       *text,
                                                      guint            *n_masked,
                                                      GError          **error);
gboolean        tayori_ai_policy_requires_disclosure (TayoriAiPolicy   *self);
const char     *tayori_ai_policy_get_disclosure_text (TayoriAiPolicy   *self);

G_END_DECLS
