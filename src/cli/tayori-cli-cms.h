/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Private to tayori-cli: the CMS commands (account, push, pull, status, submit, resolve,
 * review, update) and what they share: the sync engine, waiting for async calls, the JSON of
 * sync results and the classified error output. */
#pragma once

#include "tayori-cli.h"
#include "tayori-cms-sync.h"

G_BEGIN_DECLS

/* tayori-cli-account.c */
int             tayori_cli_account            (TayoriCli *cli, int argc, char **argv);
/* tayori-cli-cms.c */
int             tayori_cli_push               (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_pull               (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_status             (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_submit             (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_resolve            (TayoriCli *cli, int argc, char **argv);
/* Prints the remote posts of @scope (@account NULL: every account) as JSON, first opening
 * each as a local article when @open_locally; returns the exit status. */
int             tayori_cli_pull_scope         (TayoriCli *cli, const char *account,
                                               TayoriCmsScope scope, gboolean open_locally);
/* tayori-cli-review.c */
int             tayori_cli_review             (TayoriCli *cli, int argc, char **argv);
/* tayori-cli-update.c */
int             tayori_cli_update             (TayoriCli *cli, int argc, char **argv);

/* tayori-cli-cms-common.c: the store, the installed preset and a sync engine over them. */
typedef struct {
  TayoriStore   *store;
  TayoriPreset  *preset;
  TayoriCmsSync *sync;
} TayoriCliCms;

gboolean        tayori_cli_cms_open           (TayoriCli      *cli,
                                               TayoriCliCms   *cms,
                                               GError        **error);
void            tayori_cli_cms_clear          (TayoriCliCms   *cms);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TayoriCliCms, tayori_cli_cms_clear)

/* A GAsyncReadyCallback keeping the result in *(GAsyncResult **) @user_data, and the wait
 * for it: iterates the thread-default main context until it is set. */
void            tayori_cli_cms_store_result   (GObject        *source,
                                               GAsyncResult   *result,
                                               gpointer        user_data);
void            tayori_cli_cms_wait           (GAsyncResult  **result);

/* An article id argument; a bad one is a usage error of @context. Returns
 * TAYORI_CLI_CONTINUE with @out_id set, or the exit status. */
int             tayori_cli_cms_parse_id       (GOptionContext *context,
                                               const char     *text,
                                               gint64         *out_id);
/* "tayori-cli: message" (and what to do, for CMS errors) on stderr and
 * {"error": {"class", "message", "advice"}} on stdout; returns the error status. */
int             tayori_cli_cms_report         (TayoriCli      *cli,
                                               const GError   *error);

/* JSON of the sync engine's results. */
JsonNode       *tayori_cli_json_sync_status   (const TayoriCmsSyncStatus *status);
JsonNode       *tayori_cli_json_remote_items  (GPtrArray      *items);
/* One sync engine call that ends in a status: @start begins it with the command's @data,
 * @finish is its _finish function. tayori_cli_cms_run () opens the engine, runs the call to
 * the end and prints the status (or the classified error); returns the exit status. */
typedef void                 (*TayoriCliCmsStart)  (TayoriCmsSync       *sync,
                                                    gpointer             data,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
typedef TayoriCmsSyncStatus *(*TayoriCliCmsFinish) (TayoriCmsSync       *sync,
                                                    GAsyncResult        *result,
                                                    GError             **error);
int             tayori_cli_cms_run            (TayoriCli          *cli,
                                               TayoriCliCmsStart   start,
                                               TayoriCliCmsFinish  finish,
                                               gpointer            data);

G_END_DECLS
