/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small AT Protocol lexicon validator for the Bluesky fake: loads the lexicon JSON files
 * at test time and checks records and procedure inputs against them (required members, types,
 * lengths and graphemes, the string formats Tayori's records use, refs and unions, blobs). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _Lexicons Lexicons;

/* Every *.json under @dir, by its "id". */
Lexicons *lexicons_load           (const char  *dir,
                                   GError     **error);
void      lexicons_free           (Lexicons    *lexicons);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lexicons, lexicons_free)

/* @record against the record definition of @nsid ("app.bsky.feed.post"), its "$type" included.
 * FALSE with a message naming the member ("record.embed.images[0].alt: missing"). */
gboolean  lexicons_check_record   (Lexicons    *lexicons,
                                   const char  *nsid,
                                   JsonNode    *record,
                                   char       **problem);
/* @input against the input schema of the procedure @nsid ("com.atproto.repo.createRecord"). */
gboolean  lexicons_check_input    (Lexicons    *lexicons,
                                   const char  *nsid,
                                   JsonNode    *input,
                                   char       **problem);

G_END_DECLS
