/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the front matter reader (tayori-front-matter.c) and writer (tayori-front-matter-write.c)
 * share: the table of keys, which is also the key order of written files. */
#pragma once

#include "tayori-front-matter.h"

G_BEGIN_DECLS

typedef enum {
  KIND_TEXT,
  KIND_DATE,
  KIND_LIST,
  KIND_BOOL,
  KIND_LANGUAGE,
  KIND_STATUS,
  KIND_CONTACT,
  KIND_LINKS,
  KIND_ATTACHMENTS,
  KIND_DISMISSALS,
  KIND_AI_PROVENANCE,
  KIND_ID,
} FieldKind;

typedef struct {
  const char *key;
  FieldKind kind;
  const char *property;
} FrontMatterField;

/* The members of a record (link, attachment, dismissal, AI provenance), by key: text (a
 * char *), a size (guint64) or a flag (gboolean) */
typedef enum {
  RECORD_TEXT,
  RECORD_SIZE,
  RECORD_BOOL,
} RecordKind;

typedef struct {
  const char *key;
  gsize offset;
  RecordKind kind;
} RecordField;

#define TAYORI_FRONT_MATTER_N_CONTACT_KEYS 5

extern const FrontMatterField tayori_front_matter_fields[];
extern const guint            tayori_front_matter_n_fields;
/* NULL-terminated, so it is also a strv */
extern const char * const     tayori_front_matter_contact_keys[TAYORI_FRONT_MATTER_N_CONTACT_KEYS + 1];
/* Terminated by an entry with a NULL key */
extern const RecordField      tayori_front_matter_link_fields[];
extern const RecordField      tayori_front_matter_attachment_fields[];
extern const RecordField      tayori_front_matter_dismissal_fields[];
extern const RecordField      tayori_front_matter_ai_provenance_fields[];

G_END_DECLS
