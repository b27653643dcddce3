/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake site's state, shared by fake-site.c and the connector in fake-connector.c. */
#pragma once

#include "fake-connector.h"

G_BEGIN_DECLS

struct _FakeSite
{
  GMutex      lock;
  GHashTable *posts;      /* gint64* -> TayoriCmsPost */
  GPtrArray  *media;      /* FakeMedia */
  GPtrArray  *categories;
  GPtrArray  *tags;
  GHashTable *calls;      /* name -> count */
  GPtrArray  *journal;
  gint64      next_id;
  guint       clock;
  guint       levels;
  guint       transient;
  int         fail_code;  /* -1: none */
  gboolean    lose_create;
  gboolean    no_uploads;
  guint       delay_ms;
  guint       active;
  guint       max_active;
};

/* A new modified_gmt for @post (the site's clock ticks once per change). */
void fake_site_touch (FakeSite *site, TayoriCmsPost *post);

G_END_DECLS
