/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiEndpointRow: one AI service of the user's own, editable in the preferences: name,
 * type, base URL, model, image model and an API key that is written to the keyring only and
 * never shown back. Save and Remove emit "save" and "remove". */
#pragma once

#include <adwaita.h>
#include "tayori-ai-endpoint.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_AI_ENDPOINT_ROW (tayori_ai_endpoint_row_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiEndpointRow, tayori_ai_endpoint_row, TAYORI, AI_ENDPOINT_ROW, AdwExpanderRow)

/* @endpoint: the service to edit, or NULL for a new one. */
GtkWidget        *tayori_ai_endpoint_row_new      (TayoriAiEndpoint    *endpoint);
/* The service as the fields describe it; NULL with an error the user can act on. */
TayoriAiEndpoint *tayori_ai_endpoint_row_build    (TayoriAiEndpointRow *self,
                                                   GError             **error);
/* The name it was saved under, NULL while it is new. */
const char       *tayori_ai_endpoint_row_get_saved_name (TayoriAiEndpointRow *self);
void              tayori_ai_endpoint_row_set_saved_name (TayoriAiEndpointRow *self,
                                                   const char          *name);
/* The typed API key (NULL when none was typed); the field is emptied. */
char             *tayori_ai_endpoint_row_take_key (TayoriAiEndpointRow *self);

G_END_DECLS
