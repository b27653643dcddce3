/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Private to tayori-cli: the posting commands (count, qr, post, jobs, audit, emergency). */
#pragma once

#include "tayori-cli.h"

G_BEGIN_DECLS

/* tayori-cli-count.c */
int tayori_cli_count     (TayoriCli *cli, int argc, char **argv);
/* tayori-cli-qr.c */
int tayori_cli_qr        (TayoriCli *cli, int argc, char **argv);
/* tayori-cli-post.c */
int tayori_cli_post      (TayoriCli *cli, int argc, char **argv);
/* tayori-cli-jobs.c */
int tayori_cli_jobs      (TayoriCli *cli, int argc, char **argv);
int tayori_cli_audit     (TayoriCli *cli, int argc, char **argv);
/* tayori-cli-emergency.c */
int tayori_cli_emergency (TayoriCli *cli, int argc, char **argv);

G_END_DECLS
