/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticleListModel: a lazy GListModel of TayoriArticleSummary. A filter change asks
 * the store for the count and the first page; other rows are placeholders until their page
 * of 100 arrives. Only pages somebody looked at exist, so 100,000 rows cost nothing. */
#include "tayori-article-list-model.h"
#include "tayori-store-private.h"

#define PAGE_SIZE 100

typedef struct {
  GPtrArray *items;      /* TayoriArticleSummary, placeholders until their page arrives */
  gboolean   requested;
} Page;

struct _TayoriArticleListModel {
  GObject              parent_instance;
  TayoriStore         *store;
  TayoriArticleFilter *filter;
  guint                n_items;
  GHashTable          *pages;            /* page number -> Page* of the rows shown */
  guint                generation;       /* of the latest query */
  guint                pages_generation; /* of the rows shown */
  GCancellable        *cancellable;      /* cancelled when a newer query starts */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriArticleListModel, tayori_article_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What an answer from the store belongs to. */
typedef struct {
  TayoriArticleListModel *self;
  guint                   generation;
  guint                   page;
} Request;

static Request *
request_new (TayoriArticleListModel *self,
             guint                   generation,
             guint                   page)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->generation = generation;
  request->page = page;
  return request;
}

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_free (request);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static GHashTable *
pages_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
}

static gboolean
report_error (GError *error)
{
  if (error == NULL)
    return FALSE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not list the articles: %s", error->message);
  return TRUE;
}

static void
page_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  TayoriArticleListModel *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  Page *page;

  rows = tayori_store_list_articles_finish (TAYORI_STORE (source), result, NULL, &error);
  if (report_error (error) || request->generation != self->pages_generation)
    return;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (request->page));
  for (guint i = 0; page != NULL && i < MIN (rows->len, page->items->len); i++)
    tayori_article_summary_update_from (g_ptr_array_index (page->items, i),
                                        g_ptr_array_index (rows, i));
}

static Page *
ensure_page (TayoriArticleListModel *self,
             guint                   number)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));
  guint first = number * PAGE_SIZE;

  if (page == NULL)
    {
      guint rows = MIN (PAGE_SIZE, self->n_items - first);

      page = g_new0 (Page, 1);
      page->items = g_ptr_array_new_full (rows, g_object_unref);
      for (guint i = 0; i < rows; i++)
        g_ptr_array_add (page->items, tayori_article_summary_new ());
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), page);
    }

  /* While a newer query runs these rows are about to be replaced: fetch nothing for them. */
  if (!page->requested && self->generation == self->pages_generation)
    {
      page->requested = TRUE;
      tayori_store_list_page_async (self->store, self->filter, first, PAGE_SIZE,
                                    self->cancellable, page_loaded,
                                    request_new (self, self->pages_generation, number));
    }
  return page;
}

static void
first_page_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  TayoriArticleListModel *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint removed = self->n_items;
  guint total = 0;
  Page *page;

  rows = tayori_store_list_articles_finish (TAYORI_STORE (source), result, &total, &error);
  if (report_error (error) || request->generation != self->generation)
    return;

  /* Rows may have come or gone between the count and the page. */
  self->n_items = MAX (total, rows->len);
  page = g_new0 (Page, 1);
  page->items = g_ptr_array_ref (rows);
  page->requested = TRUE;
  while (page->items->len < MIN (PAGE_SIZE, self->n_items))
    g_ptr_array_add (page->items, tayori_article_summary_new ());
  g_hash_table_unref (self->pages);
  self->pages = pages_new ();
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (0), page);
  self->pages_generation = self->generation;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
  if (removed != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
start_query (TayoriArticleListModel *self)
{
  gboolean was_loading = self->generation != self->pages_generation;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  tayori_store_list_articles_async (self->store, self->filter, 0, PAGE_SIZE, self->cancellable,
                                    first_page_loaded, request_new (self, self->generation, 0));
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static GType
tayori_article_list_model_get_item_type (GListModel *model)
{
  return TAYORI_TYPE_ARTICLE_SUMMARY;
}

static guint
tayori_article_list_model_get_n_items (GListModel *model)
{
  return TAYORI_ARTICLE_LIST_MODEL (model)->n_items;
}

static gpointer
tayori_article_list_model_get_item (GListModel *model,
                                    guint       position)
{
  TayoriArticleListModel *self = TAYORI_ARTICLE_LIST_MODEL (model);
  Page *page;

  if (position >= self->n_items)
    return NULL;
  page = ensure_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tayori_article_list_model_get_item_type;
  iface->get_n_items = tayori_article_list_model_get_n_items;
  iface->get_item = tayori_article_list_model_get_item;
}

static void
tayori_article_list_model_dispose (GObject *object)
{
  TayoriArticleListModel *self = TAYORI_ARTICLE_LIST_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (tayori_article_list_model_parent_class)->dispose (object);
}

static void
tayori_article_list_model_finalize (GObject *object)
{
  TayoriArticleListModel *self = TAYORI_ARTICLE_LIST_MODEL (object);

  tayori_article_filter_free (self->filter);

  G_OBJECT_CLASS (tayori_article_list_model_parent_class)->finalize (object);
}

static void
tayori_article_list_model_constructed (GObject *object)
{
  TayoriArticleListModel *self = TAYORI_ARTICLE_LIST_MODEL (object);

  G_OBJECT_CLASS (tayori_article_list_model_parent_class)->constructed (object);
  start_query (self);
}

static void
tayori_article_list_model_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TayoriArticleListModel *self = TAYORI_ARTICLE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->generation != self->pages_generation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_article_list_model_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TayoriArticleListModel *self = TAYORI_ARTICLE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_article_list_model_class_init (TayoriArticleListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tayori_article_list_model_constructed;
  object_class->dispose = tayori_article_list_model_dispose;
  object_class->finalize = tayori_article_list_model_finalize;
  object_class->get_property = tayori_article_list_model_get_property;
  object_class->set_property = tayori_article_list_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TAYORI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE from a filter change until its rows are known. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tayori_article_list_model_init (TayoriArticleListModel *self)
{
  self->filter = tayori_article_filter_new ();
  self->pages = pages_new ();
}

TayoriArticleListModel *
tayori_article_list_model_new (TayoriStore *store)
{
  g_return_val_if_fail (TAYORI_IS_STORE (store), NULL);

  return g_object_new (TAYORI_TYPE_ARTICLE_LIST_MODEL, "store", store, NULL);
}

void
tayori_article_list_model_set_filter (TayoriArticleListModel    *self,
                                      const TayoriArticleFilter *filter)
{
  g_return_if_fail (TAYORI_IS_ARTICLE_LIST_MODEL (self));

  tayori_article_filter_free (self->filter);
  self->filter = tayori_article_filter_copy (filter);
  start_query (self);
}

void
tayori_article_list_model_reload (TayoriArticleListModel *self)
{
  g_return_if_fail (TAYORI_IS_ARTICLE_LIST_MODEL (self));

  start_query (self);
}

int
tayori_article_list_model_find (TayoriArticleListModel *self,
                                gint64                  id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (TAYORI_IS_ARTICLE_LIST_MODEL (self), -1);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Page *page = value;

      for (guint i = 0; i < page->items->len; i++)
        {
          TayoriArticleSummary *summary = g_ptr_array_index (page->items, i);

          if (tayori_article_summary_get_loaded (summary) &&
              tayori_article_summary_get_id (summary) == id)
            return GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
        }
    }
  return -1;
}
