/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiService: the application's one AI assistant, with the endpoints and the usage log it
 * was made with, and the built-in classifier kept trained from the store. The application
 * makes it at startup and registers it; article pages and the preferences find it there. */
#pragma once

#include <gio/gio.h>
#include "tayori-ai-assistant.h"
#include "tayori-store.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_AI_SERVICE (tayori_ai_service_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiService, tayori_ai_service, TAYORI, AI_SERVICE, GObject)

/* Loads the endpoints of @preset and of the user's file, opens the usage log (@log_path NULL:
 * the default file; a log that cannot be opened leaves requests unlogged, with a warning). */
TayoriAiService   *tayori_ai_service_new           (TayoriPreset     *preset,
                                                    const char       *log_path);
/* The registered service, or NULL (e.g. a page made without the application). */
TayoriAiService   *tayori_ai_service_get_default   (void);
void               tayori_ai_service_set_default   (TayoriAiService  *service);

TayoriPreset      *tayori_ai_service_get_preset    (TayoriAiService  *self);
/* Property "assistant": replaced when the endpoints are reloaded; also notified when the
 * user's choice of service changed (tayori_ai_service_set_route). */
TayoriAiAssistant *tayori_ai_service_get_assistant (TayoriAiService  *self);
TayoriAiUsageLog  *tayori_ai_service_get_usage_log (TayoriAiService  *self); /* may be NULL */
/* Element type TayoriAiEndpoint: the preset's and the user's. */
GPtrArray         *tayori_ai_service_get_endpoints (TayoriAiService  *self);
gboolean           tayori_ai_service_is_user_endpoint (TayoriAiService  *self,
                                                    TayoriAiEndpoint *endpoint);
/* The user's choice of service for text tasks or for pictures (@images): an endpoint name,
 * "builtin", or NULL for the organisation's choice. Kept in $XDG_CONFIG_HOME/tayori/ai-routes.conf;
 * the policy still decides whether a request may go there. */
const char        *tayori_ai_service_get_route     (TayoriAiService  *self,
                                                    gboolean          images);
void               tayori_ai_service_set_route     (TayoriAiService  *self,
                                                    gboolean          images,
                                                    const char       *name);
/* Reads the endpoints again (the user changed them) and makes a new assistant, trained again
 * from the store it was trained from. */
void               tayori_ai_service_reload        (TayoriAiService  *self);

/* Trains the classifier from @store on a worker; the same store is learnt once. Property
 * "trained" (boolean) turns TRUE when it is done. */
void               tayori_ai_service_train         (TayoriAiService  *self,
                                                    TayoriStore      *store);
gboolean           tayori_ai_service_get_trained   (TayoriAiService  *self);
/* Keeps the classifier current after a save, on a worker: unlearns @before (the article as
 * last learnt, NULL for a new one) and learns @after (its saved state). Both are kept. */
void               tayori_ai_service_relearn       (TayoriAiService  *self,
                                                    TayoriArticle    *before,
                                                    TayoriArticle    *after);

G_END_DECLS
