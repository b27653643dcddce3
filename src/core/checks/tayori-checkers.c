/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The C-side checkers: every rule family that needs neither the network nor a display, and
 * the runner that uses them all. */
#include "tayori-check-runner.h"
#include "tayori-checker.h"

typedef TayoriChecker *(*CheckerNew) (void);

static const CheckerNew families[] = {
  tayori_check_characters_new,
  tayori_check_dates_new,
  tayori_check_links_new,
  tayori_check_images_new,
  tayori_check_structure_new,
  tayori_check_easy_japanese_new,
  tayori_check_readability_new,
  tayori_check_personal_data_new,
  tayori_check_words_new,
  tayori_check_title_new,
  tayori_check_stale_new,
};

GPtrArray *
tayori_checkers_new_all (void)
{
  GPtrArray *checkers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    g_ptr_array_add (checkers, families[i] ());
  return checkers;
}

TayoriCheckRunner *
tayori_check_runner_new (TayoriCheckSettings *settings)
{
  g_autoptr(GPtrArray) checkers = tayori_checkers_new_all ();

  g_return_val_if_fail (TAYORI_IS_CHECK_SETTINGS (settings), NULL);
  return tayori_check_runner_new_with_checkers (settings, checkers);
}
