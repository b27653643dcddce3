/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Incremental Server-Sent Events parser (WHATWG event-stream rules): fed arbitrary chunks,
 * emits complete events; handles CR, LF and CRLF line ends split across chunks, comments,
 * multi-line data, and a size limit per event. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TayoriSseParser TayoriSseParser;

/* @event is "message" when the stream names none. Return FALSE to stop parsing. */
typedef gboolean (*TayoriSseEventFunc) (const char *event, const char *data, gpointer user_data);

TayoriSseParser *tayori_sse_parser_new    (gsize               max_event_size,
                                           TayoriSseEventFunc  func,
                                           gpointer            user_data);
void             tayori_sse_parser_free   (TayoriSseParser *self);
/* FALSE with TAYORI_AI_ERROR_TOO_LARGE when an event exceeds the limit, or when the callback
 * stopped (no error then). */
gboolean         tayori_sse_parser_feed   (TayoriSseParser *self,
                                           const char      *chunk,
                                           gsize            length,
                                           GError         **error);
/* End of stream: dispatches a pending event when the stream ended with a blank line; TRUE when
 * nothing was left half-written. */
gboolean         tayori_sse_parser_finish (TayoriSseParser *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriSseParser, tayori_sse_parser_free)

G_END_DECLS
