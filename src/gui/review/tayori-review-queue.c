/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriReviewQueue: rebuilds its rows whenever the service's lists change or a filter
 * moves; the filter choices come from the items themselves. */
#define G_LOG_DOMAIN "tayori-review-queue"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tayori-cms-service.h"
#include "tayori-review-queue.h"

struct _TayoriReviewQueue
{
  GtkWidget         parent_instance;

  GtkDropDown      *ward_dropdown;
  GtkDropDown      *department_dropdown;
  GtkDropDown      *author_dropdown;
  GtkDropDown      *age_dropdown;
  GtkStack         *stack;
  GtkListBox       *list;

  TayoriCmsService *service;
  guint             filling : 1;
};

G_DEFINE_FINAL_TYPE (TayoriReviewQueue, tayori_review_queue, GTK_TYPE_WIDGET)

enum {
  OPEN_ITEM,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

typedef enum {
  AGE_ANY,
  AGE_TODAY,
  AGE_3_DAYS,
  AGE_WEEK,
} Age;

static const char *age_choices[] = {
  N_("Any Time"), N_("Today"), N_("3 Days or More"), N_("1 Week or More"), NULL,
};

static const char *
item_time (const TayoriCmsRemoteItem *item)
{
  return item->submitted_at != NULL ? item->submitted_at : item->modified_gmt;
}

static GDateTime *
parse_utc (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return iso != NULL ? g_date_time_new_from_iso8601 (iso, utc) : NULL;
}

static gboolean
age_matches (const TayoriCmsRemoteItem *item,
             Age                        age)
{
  g_autoptr(GDateTime) when = parse_utc (item_time (item));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = NULL;
  GTimeSpan waited;

  if (age == AGE_ANY)
    return TRUE;
  if (when == NULL)
    return FALSE;
  local = g_date_time_to_local (when);
  waited = g_date_time_difference (now, local);
  switch (age)
    {
    case AGE_TODAY:
      return g_date_time_get_year (local) == g_date_time_get_year (now) &&
             g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now);
    case AGE_3_DAYS:
      return waited >= 3 * G_TIME_SPAN_DAY;
    case AGE_WEEK:
      return waited >= 7 * G_TIME_SPAN_DAY;
    case AGE_ANY:
    default:
      return TRUE;
    }
}

/* The chosen value of a filter, NULL for 「すべて」. */
static const char *
chosen (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  guint position = gtk_drop_down_get_selected (dropdown);

  return item != NULL && position > 0 ? gtk_string_object_get_string (item) : NULL;
}

static gboolean
field_matches (const char *value,
               const char *wanted)
{
  return wanted == NULL || g_strcmp0 (value, wanted) == 0;
}

/* Fills @dropdown with 「すべて」 and the distinct values, keeping the choice. */
static void
fill_choices (GtkDropDown *dropdown,
              const char  *all_label,
              GPtrArray   *items,
              gsize        field_offset)
{
  g_autofree char *kept = g_strdup (chosen (dropdown));
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint selected = 0;

  gtk_string_list_append (choices, all_label);
  for (guint i = 0; i < items->len; i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, g_ptr_array_index (items, i), field_offset);

      if (value == NULL || *value == '\0' || !g_hash_table_add (seen, (gpointer) value))
        continue;
      gtk_string_list_append (choices, value);
      if (g_strcmp0 (value, kept) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (choices)) - 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (dropdown, selected);
}

static GtkWidget *
item_row (const TayoriCmsRemoteItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) when = parse_utc (item_time (item));
  g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
  g_autofree char *date = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
  g_autofree char *subtitle = NULL;
  g_autoptr(GString) place = g_string_new (NULL);

  if (item->ward != NULL && *item->ward != '\0')
    g_string_append_printf (place, " · %s", item->ward);
  if (item->department != NULL && *item->department != '\0')
    g_string_append_printf (place, " · %s", item->department);
  subtitle = g_strdup_printf (_("%s%s · sent %s · %u approval(s)"), item->author != NULL ? item->author : "",
                              place->str, date, item->approvals);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "account", g_strdup (item->account), g_free);
  g_object_set_data_full (G_OBJECT (row), "remote-id", g_memdup2 (&item->remote_id, sizeof (gint64)), g_free);
  return row;
}

static void
rebuild (TayoriReviewQueue *self)
{
  GPtrArray *items = tayori_cms_service_get_queue (self->service);
  const char *ward = chosen (self->ward_dropdown);
  const char *department = chosen (self->department_dropdown);
  const char *author = chosen (self->author_dropdown);
  Age age = gtk_drop_down_get_selected (self->age_dropdown);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < items->len; i++)
    {
      TayoriCmsRemoteItem *item = g_ptr_array_index (items, i);

      if (!field_matches (item->ward, ward) || !field_matches (item->department, department) ||
          !field_matches (item->author, author) || !age_matches (item, age))
        continue;
      gtk_list_box_append (self->list, item_row (item));
      shown++;
    }
  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
}

static void
lists_changed_cb (TayoriReviewQueue *self)
{
  GPtrArray *items = tayori_cms_service_get_queue (self->service);

  self->filling = TRUE;
  fill_choices (self->ward_dropdown, _("All Wards"), items, G_STRUCT_OFFSET (TayoriCmsRemoteItem, ward));
  fill_choices (self->department_dropdown, _("All Departments"), items,
                G_STRUCT_OFFSET (TayoriCmsRemoteItem, department));
  fill_choices (self->author_dropdown, _("All Writers"), items, G_STRUCT_OFFSET (TayoriCmsRemoteItem, author));
  self->filling = FALSE;
  rebuild (self);
}

static void
filter_changed_cb (TayoriReviewQueue *self)
{
  if (!self->filling && self->service != NULL)
    rebuild (self);
}

static void
refresh_clicked_cb (TayoriReviewQueue *self)
{
  tayori_cms_service_refresh (self->service);
}

static void
row_activated_cb (TayoriReviewQueue *self,
                  GtkListBoxRow     *row)
{
  const char *account = g_object_get_data (G_OBJECT (row), "account");
  gint64 *remote_id = g_object_get_data (G_OBJECT (row), "remote-id");

  g_signal_emit (self, signals[OPEN_ITEM], 0, account, *remote_id);
}

static void
tayori_review_queue_dispose (GObject *object)
{
  TayoriReviewQueue *self = TAYORI_REVIEW_QUEUE (object);

  g_clear_object (&self->service);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_REVIEW_QUEUE);

  G_OBJECT_CLASS (tayori_review_queue_parent_class)->dispose (object);
}

static void
tayori_review_queue_class_init (TayoriReviewQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_review_queue_dispose;

  signals[OPEN_ITEM] =
    g_signal_new ("open-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tayori/Tayori/review/tayori-review-queue.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewQueue, ward_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewQueue, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewQueue, author_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewQueue, age_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewQueue, stack);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewQueue, list);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
tayori_review_queue_init (TayoriReviewQueue *self)
{
  g_autoptr(GtkStringList) ages = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; age_choices[i] != NULL; i++)
    gtk_string_list_append (ages, _(age_choices[i]));
  gtk_drop_down_set_model (self->age_dropdown, G_LIST_MODEL (ages));

  self->service = tayori_cms_service_get_default ();
  if (self->service == NULL)
    return;
  g_object_ref (self->service);
  g_signal_connect_object (self->service, "lists-changed", G_CALLBACK (lists_changed_cb), self,
                           G_CONNECT_SWAPPED);
  lists_changed_cb (self);
}
