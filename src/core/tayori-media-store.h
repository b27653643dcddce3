/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Images and attachments as files under the data dir, named by the SHA-256 of their content
 * (so the same file added twice is stored once). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Copies @file into @media_dir as "<sha256>.<ext>"; returns the hash. */
char     *tayori_media_store_add_file  (const char   *media_dir,
                                        GFile        *file,
                                        GError      **error);
/* Path of the stored file for @hash (64 lowercase hex), or NULL when absent or malformed. */
char     *tayori_media_store_lookup    (const char   *media_dir,
                                        const char   *hash);
gboolean  tayori_media_store_is_hash   (const char   *text);

G_END_DECLS
