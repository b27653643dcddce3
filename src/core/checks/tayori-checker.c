/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriChecker: the interface every rule family implements. */
#include "tayori-checker.h"

G_DEFINE_INTERFACE (TayoriChecker, tayori_checker, G_TYPE_OBJECT)

static void
tayori_checker_default_init (TayoriCheckerInterface *iface)
{
}

const char *
tayori_checker_get_family (TayoriChecker *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECKER (self), NULL);
  return TAYORI_CHECKER_GET_IFACE (self)->get_family (self);
}

void
tayori_checker_check (TayoriChecker       *self,
                      TayoriCheckDocument *document,
                      TayoriCheckSettings *settings,
                      GPtrArray           *findings,
                      GCancellable        *cancellable)
{
  g_return_if_fail (TAYORI_IS_CHECKER (self));
  g_return_if_fail (TAYORI_IS_CHECK_DOCUMENT (document));
  g_return_if_fail (TAYORI_IS_CHECK_SETTINGS (settings));
  g_return_if_fail (findings != NULL);

  TAYORI_CHECKER_GET_IFACE (self)->check (self, document, settings, findings, cancellable);
}
