/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSidebar: turns the search bar and filter controls into a TayoriArticleFilter for the
 * lazy list model, shows the rows through TayoriArticleRow, and restores the selection by
 * article id whenever the list is re-queried. */
#define G_LOG_DOMAIN "tayori-sidebar"

#include <glib/gi18n.h>

#include "tayori-article-list-model.h"
#include "tayori-article-row.h"
#include "tayori-exclude-model.h"
#include "tayori-sidebar.h"

struct _TayoriSidebar
{
  GtkWidget               parent_instance;

  /* template children */
  GtkWidget              *box;
  GtkSearchBar           *search_bar;
  GtkSearchEntry         *search_entry;
  GtkDropDown            *status_dropdown;
  GtkToggleButton        *mine_button;
  GtkDropDown            *category_dropdown;
  GtkDropDown            *ward_dropdown;
  GtkStack               *stack;
  GtkListView            *list_view;

  GtkSingleSelection     *selection;
  GSettings              *settings;
  TayoriArticleListModel *articles;
  TayoriExcludeModel     *visible_articles;
  gint64                  selected_id;
  guint                   syncing_selection : 1;
  guint                   resetting_filters : 1;
};

G_DEFINE_FINAL_TYPE (TayoriSidebar, tayori_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS,
};

enum {
  ARTICLE_SELECTED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkStringList *
tayori_sidebar_choices (const char         *all_label,
                        const char * const *values)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, all_label);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    gtk_string_list_append (choices, values[i]);

  return choices;
}

/* The chosen value, or NULL for the first ("all") choice. */
static char *
tayori_sidebar_dup_choice (GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), position));
}

static gboolean
tayori_sidebar_is_filtering (TayoriSidebar *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (query));

  return *stripped != '\0' ||
         gtk_toggle_button_get_active (self->mine_button) ||
         gtk_drop_down_get_selected (self->status_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->category_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->ward_dropdown) > 0;
}

static void
tayori_sidebar_update_state (TayoriSidebar *self)
{
  const char *page = "list";

  if (self->visible_articles != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->visible_articles)) == 0)
    page = tayori_sidebar_is_filtering (self) ? "no-results" : "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
tayori_sidebar_apply_filter (TayoriSidebar *self)
{
  g_autoptr(TayoriArticleFilter) filter = NULL;
  guint status;

  if (self->articles == NULL || self->resetting_filters)
    return;

  filter = tayori_article_filter_new ();
  filter->query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  if (*filter->query == '\0')
    g_clear_pointer (&filter->query, g_free);

  status = gtk_drop_down_get_selected (self->status_dropdown);
  filter->status = status == 0 || status == GTK_INVALID_LIST_POSITION ? -1 : (int) status - 1;
  filter->category = tayori_sidebar_dup_choice (self->category_dropdown);
  filter->ward = tayori_sidebar_dup_choice (self->ward_dropdown);
  if (gtk_toggle_button_get_active (self->mine_button))
    filter->author = g_settings_get_string (self->settings, "author-name");

  tayori_article_list_model_set_filter (self->articles, filter);
  tayori_sidebar_update_state (self);
}

static void
tayori_sidebar_update_mine_button (TayoriSidebar *self)
{
  g_autofree char *author = g_settings_get_string (self->settings, "author-name");
  gboolean has_author = *author != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_button), has_author);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_button),
                               has_author ? _("Show only the articles you wrote")
                                          : _("Enter your name in Preferences to use this filter"));
  if (!has_author)
    gtk_toggle_button_set_active (self->mine_button, FALSE);
}

static void
tayori_sidebar_author_changed_cb (TayoriSidebar *self)
{
  tayori_sidebar_update_mine_button (self);
  if (gtk_toggle_button_get_active (self->mine_button))
    tayori_sidebar_apply_filter (self);
}

static void
tayori_sidebar_filter_changed_cb (TayoriSidebar *self)
{
  tayori_sidebar_apply_filter (self);
}

/* Leaving search mode clears the query and every filter, so no hidden filter stays on. */
static void
tayori_sidebar_search_mode_changed_cb (TayoriSidebar *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      self->resetting_filters = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      gtk_drop_down_set_selected (self->category_dropdown, 0);
      gtk_drop_down_set_selected (self->ward_dropdown, 0);
      gtk_toggle_button_set_active (self->mine_button, FALSE);
      self->resetting_filters = FALSE;
      tayori_sidebar_apply_filter (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
tayori_sidebar_sync_selection (TayoriSidebar *self)
{
  int position = -1;
  guint wanted;

  if (self->visible_articles != NULL && self->selected_id != 0)
    position = tayori_exclude_model_find (self->visible_articles, self->selected_id);
  wanted = position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION;

  if (gtk_single_selection_get_selected (self->selection) == wanted)
    return;

  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, wanted);
  self->syncing_selection = FALSE;

  if (wanted != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", wanted);
}

static void
tayori_sidebar_items_changed_cb (TayoriSidebar *self)
{
  tayori_sidebar_sync_selection (self);
  tayori_sidebar_update_state (self);
}

static void
tayori_sidebar_selected_cb (TayoriSidebar *self)
{
  TayoriArticleSummary *summary = gtk_single_selection_get_selected_item (self->selection);
  gint64 id;

  if (self->syncing_selection || summary == NULL || !tayori_article_summary_get_loaded (summary))
    return;

  id = tayori_article_summary_get_id (summary);
  if (id == self->selected_id)
    return;

  self->selected_id = id;
  g_signal_emit (self, signals[ARTICLE_SELECTED], 0, id);
}

/* Enter on a row: show it, even when it is already the selected one (a folded window
 * then moves to the article). */
static void
tayori_sidebar_activate_cb (TayoriSidebar *self,
                            guint          position)
{
  g_autoptr(TayoriArticleSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (summary != NULL && tayori_article_summary_get_loaded (summary))
    {
      self->selected_id = tayori_article_summary_get_id (summary);
      g_signal_emit (self, signals[ARTICLE_SELECTED], 0, self->selected_id);
    }
}

static void
tayori_sidebar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TayoriSidebar *self = TAYORI_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, tayori_sidebar_get_search_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_sidebar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TayoriSidebar *self = TAYORI_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      tayori_sidebar_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_sidebar_dispose (GObject *object)
{
  TayoriSidebar *self = TAYORI_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_SIDEBAR);

  g_clear_object (&self->selection);
  g_clear_object (&self->visible_articles);
  g_clear_object (&self->articles);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tayori_sidebar_parent_class)->dispose (object);
}

static void
tayori_sidebar_class_init (TayoriSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tayori_sidebar_get_property;
  object_class->set_property = tayori_sidebar_set_property;
  object_class->dispose = tayori_sidebar_dispose;

  /**
   * TayoriSidebar:search-mode:
   *
   * Whether the search bar with its filters is shown.
   */
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TayoriSidebar::article-selected:
   * @self: a #TayoriSidebar
   * @id: the id of the article
   *
   * Emitted when the user picks an article in the list.
   */
  signals[ARTICLE_SELECTED] =
    g_signal_new ("article-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tayori/Tayori/ui/tayori-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, TayoriSidebar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TayoriSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TayoriSidebar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TayoriSidebar, mine_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriSidebar, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TayoriSidebar, ward_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TayoriSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, TayoriSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, tayori_sidebar_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tayori_sidebar_search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tayori_sidebar_activate_cb);

  /* Delete in the list deletes the selected article (with undo). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete", NULL);
}

static void
tayori_sidebar_init (TayoriSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = tayori_article_row_factory_new ();
  g_autoptr(GtkStringList) statuses = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_view_set_factory (self->list_view, factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (tayori_sidebar_selected_cb), self);
  /* After the list view has taken the change in, or it would see a selection it has no row for. */
  g_signal_connect_data (self->selection, "items-changed", G_CALLBACK (tayori_sidebar_items_changed_cb), self,
                         NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  statuses = gtk_string_list_new (NULL);
  gtk_string_list_append (statuses, _("All Statuses"));
  for (TayoriArticleStatus status = TAYORI_ARTICLE_STATUS_DRAFT; status <= TAYORI_ARTICLE_STATUS_ARCHIVED; status++)
    gtk_string_list_append (statuses, tayori_article_status_to_label (status));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->list_view));
}

void
tayori_sidebar_setup (TayoriSidebar *self,
                      TayoriPreset  *preset,
                      GSettings     *settings)
{
  g_autoptr(GtkStringList) categories = NULL;
  g_autoptr(GtkStringList) wards = NULL;

  g_return_if_fail (TAYORI_IS_SIDEBAR (self));
  g_return_if_fail (TAYORI_IS_PRESET (preset));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::author-name", G_CALLBACK (tayori_sidebar_author_changed_cb),
                           self, G_CONNECT_SWAPPED);
  tayori_sidebar_update_mine_button (self);

  categories = tayori_sidebar_choices (_("All Categories"), tayori_preset_get_categories (preset));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));
  wards = tayori_sidebar_choices (_("All Wards"), tayori_preset_get_wards (preset));
  gtk_drop_down_set_model (self->ward_dropdown, G_LIST_MODEL (wards));
}

void
tayori_sidebar_set_store (TayoriSidebar *self,
                          TayoriStore   *store)
{
  g_return_if_fail (TAYORI_IS_SIDEBAR (self));
  g_return_if_fail (TAYORI_IS_STORE (store));
  g_return_if_fail (self->articles == NULL);

  self->articles = tayori_article_list_model_new (store);
  self->visible_articles = tayori_exclude_model_new (self->articles);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->visible_articles));
  tayori_sidebar_apply_filter (self);
}

void
tayori_sidebar_reload (TayoriSidebar *self)
{
  g_return_if_fail (TAYORI_IS_SIDEBAR (self));

  if (self->articles != NULL)
    tayori_article_list_model_reload (self->articles);
}

void
tayori_sidebar_select_article (TayoriSidebar *self,
                               gint64         id)
{
  g_return_if_fail (TAYORI_IS_SIDEBAR (self));

  self->selected_id = id;
  tayori_sidebar_sync_selection (self);
}

void
tayori_sidebar_hide_article (TayoriSidebar *self,
                             gint64         id)
{
  g_return_if_fail (TAYORI_IS_SIDEBAR (self));

  if (self->selected_id == id)
    self->selected_id = 0;
  if (self->visible_articles != NULL)
    tayori_exclude_model_hide (self->visible_articles, id);
}

void
tayori_sidebar_unhide_article (TayoriSidebar *self,
                               gint64         id)
{
  g_return_if_fail (TAYORI_IS_SIDEBAR (self));

  if (self->visible_articles != NULL)
    tayori_exclude_model_unhide (self->visible_articles, id);
}

void
tayori_sidebar_article_deleted (TayoriSidebar *self,
                                gint64         id)
{
  g_return_if_fail (TAYORI_IS_SIDEBAR (self));

  if (self->visible_articles == NULL)
    return;

  tayori_exclude_model_release (self->visible_articles, id);
  tayori_article_list_model_reload (self->articles);
}

void
tayori_sidebar_focus_search (TayoriSidebar *self)
{
  g_return_if_fail (TAYORI_IS_SIDEBAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
tayori_sidebar_get_search_mode (TayoriSidebar *self)
{
  g_return_val_if_fail (TAYORI_IS_SIDEBAR (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
tayori_sidebar_set_search_mode (TayoriSidebar *self,
                                gboolean       search_mode)
{
  g_return_if_fail (TAYORI_IS_SIDEBAR (self));

  /* The search bar's notify::search-mode-enabled notifies our property. */
  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
}
