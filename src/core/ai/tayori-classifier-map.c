/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The classifier's feature map: open addressing with linear probing over 64-bit keys, the
 * values stored inline, so a model of a few hundred thousand features needs no per-entry
 * allocation. */
#include "tayori-classifier-private.h"

#include <string.h>

#define INITIAL_CAPACITY 64

struct _TayoriClassifierMap {
  guint64 *keys;      /* 0 = empty slot */
  double  *values;    /* width values per slot */
  guint    width;
  guint    capacity;  /* a power of two */
  guint    size;
};

/* The keys are hashes already (or packed code points): mixing spreads the latter. */
static inline guint
slot_of (const TayoriClassifierMap *map,
         guint64                    key)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;
  return (guint) key & (map->capacity - 1);
}

static void
map_allocate (TayoriClassifierMap *map,
              guint                capacity)
{
  map->capacity = capacity;
  map->keys = g_new0 (guint64, capacity);
  map->values = g_new0 (double, (gsize) capacity * map->width);
}

TayoriClassifierMap *
tayori_classifier_map_new (guint width,
                           guint expected)
{
  TayoriClassifierMap *map = g_new0 (TayoriClassifierMap, 1);
  guint capacity = INITIAL_CAPACITY;

  while (capacity < G_MAXUINT / 2 && capacity * 3 < expected * 4)
    capacity *= 2;
  map->width = width;
  map_allocate (map, capacity);
  return map;
}

void
tayori_classifier_map_free (TayoriClassifierMap *map)
{
  g_free (map->keys);
  g_free (map->values);
  g_free (map);
}

guint
tayori_classifier_map_size (TayoriClassifierMap *map)
{
  return map->size;
}

double *
tayori_classifier_map_lookup (TayoriClassifierMap *map,
                              guint64              key)
{
  for (guint i = slot_of (map, key);; i = (i + 1) & (map->capacity - 1))
    {
      if (map->keys[i] == key)
        return map->values + (gsize) i * map->width;
      if (map->keys[i] == 0)
        return NULL;
    }
}

static void
map_grow (TayoriClassifierMap *map)
{
  guint64 *old_keys = map->keys;
  double *old_values = map->values;
  guint old_capacity = map->capacity;

  map_allocate (map, old_capacity * 2);
  for (guint i = 0; i < old_capacity; i++)
    {
      guint j;

      if (old_keys[i] == 0)
        continue;
      for (j = slot_of (map, old_keys[i]); map->keys[j] != 0; j = (j + 1) & (map->capacity - 1))
        ;
      map->keys[j] = old_keys[i];
      memcpy (map->values + (gsize) j * map->width, old_values + (gsize) i * map->width,
              map->width * sizeof (double));
    }
  g_free (old_keys);
  g_free (old_values);
}

double *
tayori_classifier_map_insert (TayoriClassifierMap *map,
                              guint64              key)
{
  guint i;

  g_return_val_if_fail (key != 0, NULL);

  /* at most 3/4 full, so probes stay short */
  if ((map->size + 1) * 4 > map->capacity * 3)
    map_grow (map);
  for (i = slot_of (map, key); map->keys[i] != 0; i = (i + 1) & (map->capacity - 1))
    if (map->keys[i] == key)
      return map->values + (gsize) i * map->width;
  map->keys[i] = key;
  map->size++;
  return map->values + (gsize) i * map->width;
}

gboolean
tayori_classifier_map_next (TayoriClassifierMap *map,
                            guint               *position,
                            guint64             *key,
                            double             **values)
{
  for (guint i = *position; i < map->capacity; i++)
    if (map->keys[i] != 0)
      {
        *position = i + 1;
        *key = map->keys[i];
        *values = map->values + (gsize) i * map->width;
        return TRUE;
      }
  *position = map->capacity;
  return FALSE;
}

void
tayori_classifier_map_prune (TayoriClassifierMap *map,
                             guint                column,
                             double               minimum)
{
  g_autoptr(TayoriClassifierMap) old = g_new0 (TayoriClassifierMap, 1);
  guint position = 0;
  guint64 key;
  double *values;

  g_return_if_fail (column < map->width);

  *old = *map;
  map->size = 0;
  map_allocate (map, old->capacity);
  while (tayori_classifier_map_next (old, &position, &key, &values))
    if (values[column] >= minimum)
      memcpy (tayori_classifier_map_insert (map, key), values, map->width * sizeof (double));
}
