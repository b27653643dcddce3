/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application-wide default of a service: a weak slot that empties itself when the
 * service is finalized. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Points *@slot at @object (or NULL) without a reference; *@slot becomes NULL when it dies. */
void tayori_default_slot_set (gpointer *slot,
                              gpointer  object);

G_END_DECLS
