/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriExcludeModel: maps positions around a short sorted list of hidden base positions,
 * so the cost is in the number of hidden rows, never in the length of the list. */
#define G_LOG_DOMAIN "tayori-exclude-model"

#include "tayori-article-summary.h"
#include "tayori-exclude-model.h"

struct _TayoriExcludeModel
{
  GObject                 parent_instance;

  TayoriArticleListModel *base;
  GArray                 *hidden;            /* HiddenArticle */
  GArray                 *hidden_positions;  /* guint, sorted: base positions of loaded hidden rows */
  guint                   n_items;
};

typedef struct
{
  gint64   id;
  gboolean released;  /* deleted from the store: forget it once the base no longer has it */
} HiddenArticle;

static void tayori_exclude_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriExcludeModel, tayori_exclude_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tayori_exclude_model_list_model_init))

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a;
  guint pb = *(const guint *) b;

  return pa < pb ? -1 : pa > pb;
}

static void
tayori_exclude_model_locate_hidden (TayoriExcludeModel *self)
{
  g_array_set_size (self->hidden_positions, 0);

  for (guint i = self->hidden->len; i > 0; i--)
    {
      HiddenArticle *hidden = &g_array_index (self->hidden, HiddenArticle, i - 1);
      int position = tayori_article_list_model_find (self->base, hidden->id);

      if (position >= 0)
        {
          guint base_position = (guint) position;

          g_array_append_val (self->hidden_positions, base_position);
        }
      else if (hidden->released)
        {
          g_array_remove_index_fast (self->hidden, i - 1);
        }
    }

  g_array_sort (self->hidden_positions, compare_positions);
}

static int
tayori_exclude_model_index_of (TayoriExcludeModel *self,
                               gint64              id)
{
  for (guint i = 0; i < self->hidden->len; i++)
    {
      if (g_array_index (self->hidden, HiddenArticle, i).id == id)
        return (int) i;
    }

  return -1;
}

static guint
tayori_exclude_model_count_items (TayoriExcludeModel *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->base)) - self->hidden_positions->len;
}

static guint
tayori_exclude_model_to_base (TayoriExcludeModel *self,
                              guint               position)
{
  for (guint i = 0; i < self->hidden_positions->len; i++)
    {
      if (g_array_index (self->hidden_positions, guint, i) > position)
        break;
      position++;
    }

  return position;
}

/* -1 when the base row is hidden. */
static int
tayori_exclude_model_from_base (TayoriExcludeModel *self,
                                guint               base_position)
{
  guint hidden_before = 0;

  for (guint i = 0; i < self->hidden_positions->len; i++)
    {
      guint hidden = g_array_index (self->hidden_positions, guint, i);

      if (hidden == base_position)
        return -1;
      if (hidden > base_position)
        break;
      hidden_before++;
    }

  return (int) (base_position - hidden_before);
}

static void
tayori_exclude_model_base_changed_cb (TayoriExcludeModel *self,
                                      guint               position,
                                      guint               removed,
                                      guint               added,
                                      GListModel         *base)
{
  guint old_n_items = self->n_items;

  if (self->hidden->len == 0)
    {
      self->n_items = tayori_exclude_model_count_items (self);
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  tayori_exclude_model_locate_hidden (self);
  self->n_items = tayori_exclude_model_count_items (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
}

static GType
tayori_exclude_model_get_item_type (GListModel *model)
{
  return TAYORI_TYPE_ARTICLE_SUMMARY;
}

static guint
tayori_exclude_model_get_n_items (GListModel *model)
{
  return TAYORI_EXCLUDE_MODEL (model)->n_items;
}

static gpointer
tayori_exclude_model_get_item (GListModel *model,
                               guint       position)
{
  TayoriExcludeModel *self = TAYORI_EXCLUDE_MODEL (model);

  if (position >= self->n_items)
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->base), tayori_exclude_model_to_base (self, position));
}

static void
tayori_exclude_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tayori_exclude_model_get_item_type;
  iface->get_n_items = tayori_exclude_model_get_n_items;
  iface->get_item = tayori_exclude_model_get_item;
}

static void
tayori_exclude_model_finalize (GObject *object)
{
  TayoriExcludeModel *self = TAYORI_EXCLUDE_MODEL (object);

  g_clear_object (&self->base);
  g_clear_pointer (&self->hidden, g_array_unref);
  g_clear_pointer (&self->hidden_positions, g_array_unref);

  G_OBJECT_CLASS (tayori_exclude_model_parent_class)->finalize (object);
}

static void
tayori_exclude_model_class_init (TayoriExcludeModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_exclude_model_finalize;
}

static void
tayori_exclude_model_init (TayoriExcludeModel *self)
{
  self->hidden = g_array_new (FALSE, FALSE, sizeof (HiddenArticle));
  self->hidden_positions = g_array_new (FALSE, FALSE, sizeof (guint));
}

TayoriExcludeModel *
tayori_exclude_model_new (TayoriArticleListModel *base)
{
  TayoriExcludeModel *self;

  g_return_val_if_fail (TAYORI_IS_ARTICLE_LIST_MODEL (base), NULL);

  self = g_object_new (TAYORI_TYPE_EXCLUDE_MODEL, NULL);
  self->base = g_object_ref (base);
  self->n_items = g_list_model_get_n_items (G_LIST_MODEL (base));
  g_signal_connect_object (base, "items-changed", G_CALLBACK (tayori_exclude_model_base_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

TayoriArticleListModel *
tayori_exclude_model_get_base (TayoriExcludeModel *self)
{
  g_return_val_if_fail (TAYORI_IS_EXCLUDE_MODEL (self), NULL);

  return self->base;
}

void
tayori_exclude_model_hide (TayoriExcludeModel *self,
                           gint64              id)
{
  HiddenArticle hidden = { id, FALSE };
  int base_position;
  int position;

  g_return_if_fail (TAYORI_IS_EXCLUDE_MODEL (self));

  if (tayori_exclude_model_index_of (self, id) >= 0)
    return;

  g_array_append_val (self->hidden, hidden);

  base_position = tayori_article_list_model_find (self->base, id);
  if (base_position < 0)
    return;

  position = tayori_exclude_model_from_base (self, (guint) base_position);
  tayori_exclude_model_locate_hidden (self);
  self->n_items = tayori_exclude_model_count_items (self);
  g_list_model_items_changed (G_LIST_MODEL (self), (guint) position, 1, 0);
}

void
tayori_exclude_model_unhide (TayoriExcludeModel *self,
                             gint64              id)
{
  int index;
  int base_position;
  int position;

  g_return_if_fail (TAYORI_IS_EXCLUDE_MODEL (self));

  index = tayori_exclude_model_index_of (self, id);
  if (index < 0)
    return;

  g_array_remove_index_fast (self->hidden, (guint) index);
  tayori_exclude_model_locate_hidden (self);
  base_position = tayori_article_list_model_find (self->base, id);
  if (base_position < 0)
    return;

  position = tayori_exclude_model_from_base (self, (guint) base_position);
  self->n_items = tayori_exclude_model_count_items (self);
  g_list_model_items_changed (G_LIST_MODEL (self), (guint) position, 0, 1);
}

void
tayori_exclude_model_release (TayoriExcludeModel *self,
                              gint64              id)
{
  int index;

  g_return_if_fail (TAYORI_IS_EXCLUDE_MODEL (self));

  index = tayori_exclude_model_index_of (self, id);
  if (index >= 0)
    g_array_index (self->hidden, HiddenArticle, index).released = TRUE;
}

int
tayori_exclude_model_find (TayoriExcludeModel *self,
                           gint64              id)
{
  int base_position;

  g_return_val_if_fail (TAYORI_IS_EXCLUDE_MODEL (self), -1);

  base_position = tayori_article_list_model_find (self->base, id);
  if (base_position < 0)
    return -1;

  return tayori_exclude_model_from_base (self, (guint) base_position);
}
