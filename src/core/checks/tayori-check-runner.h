/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCheckRunner: runs every C-side checker over a document on one worker thread shared by
 * all runs (a newer run does not wait behind an older cancelled one), applies the settings'
 * on/off and severity overrides, and hands back a report. */
#pragma once

#include <gio/gio.h>
#include "tayori-check-document.h"
#include "tayori-check-report.h"
#include "tayori-check-settings.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_CHECK_RUNNER (tayori_check_runner_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckRunner, tayori_check_runner, TAYORI, CHECK_RUNNER, GObject)

/* Every C-side checker (tayori_checkers_new_all; defined in tayori-checkers.c with it). */
TayoriCheckRunner   *tayori_check_runner_new          (TayoriCheckSettings *settings);
/* The given checkers only (tests, benchmarks of one family). */
TayoriCheckRunner   *tayori_check_runner_new_with_checkers (TayoriCheckSettings *settings,
                                                            GPtrArray           *checkers);
TayoriCheckSettings *tayori_check_runner_get_settings (TayoriCheckRunner   *self);
/* Blocking; for the CLI, tests and benchmarks. */
TayoriCheckReport   *tayori_check_runner_run          (TayoriCheckRunner   *self,
                                                       TayoriCheckDocument *document,
                                                       GCancellable        *cancellable);
void                 tayori_check_runner_run_async    (TayoriCheckRunner   *self,
                                                       TayoriCheckDocument *document,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* G_IO_ERROR_CANCELLED when cancelled. */
TayoriCheckReport   *tayori_check_runner_run_finish   (TayoriCheckRunner   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
