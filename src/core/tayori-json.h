/* SPDX-License-Identifier: GPL-3.0-or-later */
/* JSON members written the same way by the store's snapshots and tayori-cli's output:
 * text (null when unset), text lists, and an article's links, attachments and dismissals;
 * and reading a JSON object stored as text. */
#pragma once

#include <json-glib/json-glib.h>

#include "tayori-article.h"
#include "tayori-dismissal.h"

G_BEGIN_DECLS

void tayori_json_add_string      (JsonBuilder        *builder,
                                  const char         *key,
                                  const char         *value);
void tayori_json_add_strv        (JsonBuilder        *builder,
                                  const char         *key,
                                  const char * const *values);
/* "links": an array of { title, url } */
void tayori_json_add_links       (JsonBuilder        *builder,
                                  GPtrArray          *links);
/* "attachments": an array of { name, hash, mime_type, size }. @described is for output
 * other tools read: size clamped to the int64 range and a "description" ("PDF, 123KB") added;
 * without it the size is written as its bit pattern, which the store reads back unsigned. */
void tayori_json_add_attachments (JsonBuilder        *builder,
                                  GPtrArray          *attachments,
                                  gboolean            described);
/* @key ("dismissals" in the store, "dismissed" as the front matter spells it): an array of
 * { rule, field, span, reason, author, time } */
void tayori_json_add_dismissals  (JsonBuilder        *builder,
                                  const char         *key,
                                  GPtrArray          *dismissals);

/* The root object of @text parsed by @parser (it owns the result), or NULL when @text is NULL,
 * empty, malformed or not an object. */
JsonObject *tayori_json_parse_object (JsonParser *parser,
                                      const char *text);

G_END_DECLS
