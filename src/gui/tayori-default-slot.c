/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application-wide default of a service, held by a weak pointer. */
#include "tayori-default-slot.h"

void
tayori_default_slot_set (gpointer *slot,
                         gpointer  object)
{
  g_return_if_fail (slot != NULL);
  g_return_if_fail (object == NULL || G_IS_OBJECT (object));

  if (*slot != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*slot), slot);
  *slot = object;
  if (object != NULL)
    g_object_add_weak_pointer (G_OBJECT (object), slot);
}
