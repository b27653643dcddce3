/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the endpoint list (tayori-ai-endpoints.c) needs of TayoriAiEndpoint beyond its API. */
#pragma once

#include "tayori-ai-endpoint.h"

G_BEGIN_DECLS

#define TAYORI_AI_ENDPOINT_GROUP_PREFIX "ai-endpoint:"

void tayori_ai_endpoint_set_from_preset (TayoriAiEndpoint *self,
                                         gboolean          from_preset);

G_END_DECLS
