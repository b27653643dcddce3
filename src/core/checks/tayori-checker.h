/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriChecker: one family of writing rules. Implementations live one family per file and
 * are listed in tayori-checkers.c. check () runs on a worker thread: it must only read the
 * document and settings, keep no state between calls except immutable data loaded once
 * (behind a mutex or g_once), and look at @cancellable between large steps. */
#pragma once

#include <gio/gio.h>
#include "tayori-check-document.h"
#include "tayori-check-settings.h"
#include "tayori-finding.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_CHECKER (tayori_checker_get_type ())
G_DECLARE_INTERFACE (TayoriChecker, tayori_checker, TAYORI, CHECKER, GObject)

struct _TayoriCheckerInterface
{
  GTypeInterface parent_iface;

  const char *(*get_family) (TayoriChecker       *self);
  /* Appends TayoriFinding objects (owned by @findings) for every enabled rule of the family.
   * Checkers skip rules that settings disable; the runner applies severity overrides. */
  void        (*check)      (TayoriChecker       *self,
                             TayoriCheckDocument *document,
                             TayoriCheckSettings *settings,
                             GPtrArray           *findings,
                             GCancellable        *cancellable);
};

const char *tayori_checker_get_family (TayoriChecker       *self);
void        tayori_checker_check      (TayoriChecker       *self,
                                       TayoriCheckDocument *document,
                                       TayoriCheckSettings *settings,
                                       GPtrArray           *findings,
                                       GCancellable        *cancellable);

/* tayori-checkers.c: a new instance of every C-side checker (no network, no display). */
GPtrArray  *tayori_checkers_new_all   (void);

G_END_DECLS

G_BEGIN_DECLS
/* The families (one file each; tayori_checkers_new_all () lists them). */
TayoriChecker *tayori_check_characters_new    (void); /* tayori-check-characters.c: municipal-text */
TayoriChecker *tayori_check_dates_new         (void); /* tayori-check-dates.c: dates */
TayoriChecker *tayori_check_links_new         (void); /* tayori-check-links.c: municipal-structure (links) */
TayoriChecker *tayori_check_images_new        (void); /* tayori-check-images.c: municipal-structure (images) */
TayoriChecker *tayori_check_structure_new     (void); /* tayori-check-structure.c: tables, headings, layout, emphasis */
TayoriChecker *tayori_check_easy_japanese_new (void); /* tayori-check-easy-japanese.c: easy-japanese */
TayoriChecker *tayori_check_readability_new   (void); /* tayori-check-readability.c: readability */
TayoriChecker *tayori_check_personal_data_new (void); /* tayori-check-personal-data.c: content */
TayoriChecker *tayori_check_words_new         (void); /* tayori-check-words.c: content (dictionary) */
TayoriChecker *tayori_check_title_new         (void); /* tayori-check-title.c: content (title) */
TayoriChecker *tayori_check_stale_new         (void); /* tayori-check-stale.c: content (stale) */
G_END_DECLS
