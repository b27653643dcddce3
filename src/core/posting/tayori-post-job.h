/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A post job: one send of an article's post to one account (store table post_jobs), with its
 * state (pending → sending → sent | failed | unknown | late | cancelled), its idempotency key
 * (made once, stored before the first attempt) and its outcome. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  TAYORI_POST_JOB_PENDING,     /* waiting: now, later (scheduled_at) or after a backoff */
  TAYORI_POST_JOB_SENDING,
  TAYORI_POST_JOB_UNKNOWN,     /* outcome unknown: reconciled before any retry */
  TAYORI_POST_JOB_SENT,
  TAYORI_POST_JOB_FAILED,      /* error_class: reconnect / fix content / quota / forbidden */
  TAYORI_POST_JOB_LATE,        /* found late beyond the grace period: a person decides */
  TAYORI_POST_JOB_CANCELLED,
} TayoriPostJobState;

typedef struct {
  gint64              id;
  gint64              article_id;
  char               *account;
  char               *network;          /* "line", "x", "mastodon", "bluesky" */
  char               *text;
  char               *images;           /* JSON [{"hash": …, "alt": …}] (media store hashes) */
  char               *link_url;
  char               *idempotency_key;
  TayoriPostJobState  state;
  char               *error_class;      /* tayori_channel_error_to_key, NULL when none */
  char               *error_message;
  guint               attempts;
  char               *scheduled_at;     /* ISO 8601 UTC, NULL = now */
  char               *remote_id;
  char               *remote_url;
  char               *metrics;          /* JSON {"likes":…} as last read, NULL when never */
  char               *actor;            /* who pressed the button */
  char               *created;
  char               *updated;
  char               *sent_at;
  char               *deleted_at;       /* when the post was deleted from the network */
} TayoriPostJob;

#define TAYORI_TYPE_POST_JOB (tayori_post_job_get_type ())
GType          tayori_post_job_get_type       (void) G_GNUC_CONST;
TayoriPostJob *tayori_post_job_copy           (const TayoriPostJob *job);
void           tayori_post_job_free           (TayoriPostJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriPostJob, tayori_post_job_free)
/* "pending", "sending", "unknown", "sent", "failed", "late", "cancelled" */
const char    *tayori_post_job_state_to_key   (TayoriPostJobState state);
gboolean       tayori_post_job_state_from_key (const char *key, TayoriPostJobState *out_state);
const char    *tayori_post_job_state_to_label (TayoriPostJobState state); /* translated */
/* The job as JSON (tayori-cli jobs). */
char          *tayori_post_job_to_json        (const TayoriPostJob *job);

G_END_DECLS
