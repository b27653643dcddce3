/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriOutboxItem: one persisted CMS write as a boxed value, and the state keys. */
#include "tayori-outbox.h"

G_DEFINE_BOXED_TYPE (TayoriOutboxItem, tayori_outbox_item, tayori_outbox_item_copy, tayori_outbox_item_free)

TayoriOutboxItem *
tayori_outbox_item_copy (const TayoriOutboxItem *item)
{
  TayoriOutboxItem *copy = g_memdup2 (item, sizeof *item);

  copy->account = g_strdup (item->account);
  copy->action = g_strdup (item->action);
  copy->payload = g_strdup (item->payload);
  copy->next_attempt = g_strdup (item->next_attempt);
  copy->error_class = g_strdup (item->error_class);
  copy->error_message = g_strdup (item->error_message);
  copy->created = g_strdup (item->created);
  copy->updated = g_strdup (item->updated);
  return copy;
}

void
tayori_outbox_item_free (TayoriOutboxItem *item)
{
  if (item == NULL)
    return;
  g_free (item->account);
  g_free (item->action);
  g_free (item->payload);
  g_free (item->next_attempt);
  g_free (item->error_class);
  g_free (item->error_message);
  g_free (item->created);
  g_free (item->updated);
  g_free (item);
}

const char *
tayori_outbox_state_to_key (TayoriOutboxState state)
{
  static const char * const keys[] = { "pending", "running", "done", "failed", "conflict" };

  g_return_val_if_fail (state <= TAYORI_OUTBOX_CONFLICT, "pending");
  return keys[state];
}
