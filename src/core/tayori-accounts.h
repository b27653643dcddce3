/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Accounts: the CMS sites ("[cms:NAME]") and SNS channels ("[channel:NAME]") Tayori may write
 * to, from the organisation preset (locked, set by IT) and the user's own file
 * $XDG_CONFIG_HOME/tayori/accounts.conf ($TAYORI_ACCOUNTS overrides the path). Secrets never
 * live here: they are in libsecret (tayori-secret.h) with kind "cms" or "channel" and the
 * account's name. */
#pragma once

#include <gio/gio.h>
#include "tayori-preset.h"

G_BEGIN_DECLS

typedef enum {
  TAYORI_ACCOUNT_CMS,
  TAYORI_ACCOUNT_CHANNEL,
} TayoriAccountKind;

typedef struct {
  TayoriAccountKind kind;
  char       *name;       /* unique per kind: letters, digits, '-', '_' ("city", "chuo-line") */
  char       *type;       /* cms: "wordpress"; channel: "line", "x", "mastodon", "bluesky" */
  char       *label;      /* shown to people: 「中央区LINE」; the name when unset */
  char       *url;        /* site URL or API base URL ("https://api.line.me") */
  char       *user;       /* login, handle or client id; "" when the network has none */
  GStrv       posters;    /* who may use it: user names or "role:ROLE"; empty = everyone */
  gboolean    emergency;  /* channel: part of the emergency fan-out ("emergency=true") */
  gboolean    locked;     /* from the preset: the user cannot change or remove it */
  GHashTable *options;    /* every other key of the group, string → string
                           * (e.g. "footer", "audience:子育て世帯" = LINE audience group id,
                           * "client-id", "approval-levels") */
} TayoriAccount;

#define TAYORI_TYPE_ACCOUNT (tayori_account_get_type ())
GType          tayori_account_get_type      (void) G_GNUC_CONST;
TayoriAccount *tayori_account_new           (TayoriAccountKind kind,
                                             const char       *name,
                                             const char       *type,
                                             const char       *url,
                                             const char       *user);
TayoriAccount *tayori_account_copy          (const TayoriAccount *account);
void           tayori_account_free          (TayoriAccount       *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriAccount, tayori_account_free)
/* NULL when unset. */
const char    *tayori_account_get_option    (const TayoriAccount *account,
                                             const char          *key);
void           tayori_account_set_option    (TayoriAccount       *account,
                                             const char          *key,
                                             const char          *value);
/* "cms" or "channel": the libsecret kind of its secret. */
const char    *tayori_account_secret_kind   (const TayoriAccount *account);
/* Whether @user (with @roles, may be NULL) may post or push with it (posters list). */
gboolean       tayori_account_may_use       (const TayoriAccount *account,
                                             const char          *user,
                                             const char * const  *roles);

/* Path of the user's file (the override or the default). */
char          *tayori_accounts_user_path    (void);
/* Every account of @kind: the preset's (locked) then the user's; a user group with the name of
 * a preset one is ignored. A malformed user file is reported in @error and the preset's are
 * still returned. Element type TayoriAccount, sorted as in the files. */
GPtrArray     *tayori_accounts_load         (TayoriPreset       *preset,
                                             TayoriAccountKind   kind,
                                             GError            **error);
/* Looks one up by name; NULL (no error) when absent. */
TayoriAccount *tayori_accounts_find         (TayoriPreset       *preset,
                                             TayoriAccountKind   kind,
                                             const char         *name,
                                             GError            **error);
/* Adds or replaces the user's account (refused with G_IO_ERROR_PERMISSION_DENIED for a preset
 * name). Writes the file atomically (mode 0600). */
gboolean       tayori_accounts_save         (const TayoriAccount *account,
                                             GError             **error);
gboolean       tayori_accounts_remove       (TayoriAccountKind   kind,
                                             const char         *name,
                                             GError            **error);

G_END_DECLS
