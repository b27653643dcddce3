/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Errors of CMS connectors, classified by what the person should do, with the CMS's own
 * message kept for IT (never a secret in it). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TAYORI_CMS_ERROR (tayori_cms_error_quark ())
typedef enum {
  TAYORI_CMS_ERROR_AUTH,            /* wrong or revoked application password: reconnect once */
  TAYORI_CMS_ERROR_FORBIDDEN,       /* the role cannot do this (message says what) */
  TAYORI_CMS_ERROR_REJECTED,        /* the CMS refused the content (validation, plugin rule) */
  TAYORI_CMS_ERROR_UNREACHABLE,     /* network, timeout, 5xx, 429: will retry */
  TAYORI_CMS_ERROR_BAD_RESPONSE,    /* malformed or oversized answer */
  TAYORI_CMS_ERROR_NOT_FOUND,       /* the remote post or site is gone */
  TAYORI_CMS_ERROR_CONFLICT,        /* changed on the CMS since the last sync */
  TAYORI_CMS_ERROR_PLUGIN_MISSING,  /* needs the tayori-connector plugin */
  TAYORI_CMS_ERROR_SELF_APPROVAL,   /* no one approves their own article */
  TAYORI_CMS_ERROR_CHECKS_FAILED,   /* the checks report errors and no override reason was given */
  TAYORI_CMS_ERROR_INSECURE,        /* plain HTTP to a host that is not loopback */
} TayoriCmsError;

GQuark      tayori_cms_error_quark        (void);
/* Stable key for storage and JSON: "auth", "forbidden", "rejected", "unreachable",
 * "bad-response", "not-found", "conflict", "plugin-missing", "self-approval",
 * "checks-failed", "insecure". */
const char *tayori_cms_error_to_key       (TayoriCmsError code);
gboolean    tayori_cms_error_from_key     (const char *key, TayoriCmsError *out_code);
/* Whether the outbox retries it later by itself (unreachable, bad-response). */
gboolean    tayori_cms_error_is_transient (const GError *error);
/* What to do, translated, for people: 「パスワードが正しくないか、取り消されています。…」. */
const char *tayori_cms_error_advice       (TayoriCmsError code);

G_END_DECLS
