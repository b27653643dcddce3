/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiEndpoint: one configured AI service: type, base URL, model, timeouts, extra headers,
 * Azure details. Endpoints come from the organisation preset ("[ai-endpoint:NAME]" groups) and
 * from the user's own file ($XDG_CONFIG_HOME/tayori/ai-endpoints.conf, same format), never
 * with a key: keys live in libsecret under the endpoint's name (tayori-secret.h). */
#pragma once

#include <glib-object.h>
#include "tayori-preset.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_AI_ENDPOINT (tayori_ai_endpoint_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiEndpoint, tayori_ai_endpoint, TAYORI, AI_ENDPOINT, GObject)

/* Keyfile keys of a group: type (openai|anthropic|sdwebui), base-url, model, image-model,
 * connect-timeout (s, default 10), timeout (s, default 120), max-retries (default 3),
 * headers ("Name: value;…"), azure-deployment, azure-api-version, auth (bearer|api-key|none;
 * default by type), label (shown to users). */
TayoriAiEndpoint   *tayori_ai_endpoint_new_from_keyfile (GKeyFile    *keyfile,
                                                         const char  *group,
                                                         GError     **error);
TayoriAiEndpoint   *tayori_ai_endpoint_new              (const char  *name,
                                                         const char  *type,
                                                         const char  *base_url,
                                                         const char  *model);
/* Writes the endpoint as a "[ai-endpoint:NAME]" group. */
void                tayori_ai_endpoint_to_keyfile       (TayoriAiEndpoint *self,
                                                         GKeyFile         *keyfile);

const char         *tayori_ai_endpoint_get_name           (TayoriAiEndpoint *self);
const char         *tayori_ai_endpoint_get_label          (TayoriAiEndpoint *self);
const char         *tayori_ai_endpoint_get_kind           (TayoriAiEndpoint *self); /* type */
const char         *tayori_ai_endpoint_get_base_url       (TayoriAiEndpoint *self);
const char         *tayori_ai_endpoint_get_host           (TayoriAiEndpoint *self); /* from base URL */
const char         *tayori_ai_endpoint_get_model          (TayoriAiEndpoint *self);
const char         *tayori_ai_endpoint_get_image_model    (TayoriAiEndpoint *self); /* NULL: none */
guint               tayori_ai_endpoint_get_connect_timeout (TayoriAiEndpoint *self);
guint               tayori_ai_endpoint_get_timeout        (TayoriAiEndpoint *self);
guint               tayori_ai_endpoint_get_max_retries    (TayoriAiEndpoint *self);
const char * const *tayori_ai_endpoint_get_headers        (TayoriAiEndpoint *self); /* "Name: value" */
const char         *tayori_ai_endpoint_get_azure_deployment (TayoriAiEndpoint *self); /* NULL: not Azure */
const char         *tayori_ai_endpoint_get_azure_api_version (TayoriAiEndpoint *self);
const char         *tayori_ai_endpoint_get_auth           (TayoriAiEndpoint *self); /* bearer|api-key|x-api-key|none */
void                tayori_ai_endpoint_set_base_url       (TayoriAiEndpoint *self, const char *base_url);
void                tayori_ai_endpoint_set_model          (TayoriAiEndpoint *self, const char *model);
void                tayori_ai_endpoint_set_label          (TayoriAiEndpoint *self, const char *label);
/* The checks new_from_keyfile () makes (known type and auth, https or http to this computer
 * only, no key in the URL or the headers), for settings forms before they save. */
gboolean            tayori_ai_endpoint_validate           (TayoriAiEndpoint *self, GError **error);
/* TRUE for endpoints of the organisation preset (users cannot change or save them). */
gboolean            tayori_ai_endpoint_get_from_preset    (TayoriAiEndpoint *self);

/* Every endpoint of the preset and of the user's file (user endpoints cannot replace a preset
 * endpoint of the same name: they are left out). Element type TayoriAiEndpoint. A missing user
 * file is no error; an invalid endpoint fails the load with a message naming it. */
GPtrArray          *tayori_ai_endpoints_load              (TayoriPreset *preset,
                                                           const char   *user_file, /* NULL: default */
                                                           GError      **error);
/* Writes the endpoints that are not from the preset (those are skipped). */
gboolean            tayori_ai_endpoints_save_user         (GPtrArray    *endpoints,
                                                           const char   *user_file, /* NULL: default */
                                                           GError      **error);

G_END_DECLS
