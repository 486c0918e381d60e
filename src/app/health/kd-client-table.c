/* kd-client-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kd-client-table.h"
#include "kd-products.h"

/* The clients of a health snapshot, one row per machine ID: sorted by any
 * column, searched, filtered to one kind, exported as shown, and a row
 * activated opens the client's capture in Analyze.  Ten thousand rows
 * keep up with typing: each client's search text is made with the
 * snapshot, in the import's worker, and the rows are sorted before they
 * are filtered, so that a keystroke sorts nothing. */

struct _KdClientTable
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget *box;
  GtkSearchEntry *client_search;
  GtkDropDown *client_kind;
  GtkStack *clients_stack;
  GtkColumnView *client_view;
  GtkLabel *clients_label;
  GtkSortListModel *client_sort_model;
  GtkFilterListModel *client_filter_model;
  GtkCustomFilter *client_filter;
  GtkSingleSelection *client_selection;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *cmid_column;
  GtkColumnViewColumn *product_column;
  GtkColumnViewColumn *host_column;
  GtkColumnViewColumn *last_column;
  GtkColumnViewColumn *state_column;
  GtkColumnViewColumn *expires_column;
  GtkColumnViewColumn *result_column;

  KdHealth *health;
  KdHealthClientFilter kind;
  char *search;             /* lower case, or NULL */
};

G_DEFINE_FINAL_TYPE (KdClientTable, kd_client_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HEALTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The client table's cells ------------------------------------------------
 *
 * GtkInscription, the label GTK has for the cells of big lists (it does
 * not measure its text for a natural size), made in C rather than parsed
 * from a template for each of the hundreds of cells a view makes; and no
 * tooltips: on every cell they cost the table 300 ms to 400 ms more per
 * keystroke (health-page benchmark). */

typedef enum
{
  CELL_NAME,
  CELL_CMID,
  CELL_PRODUCT,
  CELL_HOST,
  CELL_LAST_REQUEST,
  CELL_STATE,
  CELL_EXPIRES,
  CELL_RESULT,
} Cell;

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  Cell cell = GPOINTER_TO_INT (data);
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0.0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     cell == CELL_CMID ? GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE
                                                       : GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (cell == CELL_CMID || cell == CELL_RESULT)
    gtk_widget_add_css_class (inscription, "monospace");
  if (cell == CELL_LAST_REQUEST || cell == CELL_EXPIRES)
    gtk_widget_add_css_class (inscription, "numeric");
  gtk_list_item_set_child (item, inscription);
}

static char *
format_time (GDateTime  *time,
             const char *format)
{
  return time != NULL ? g_date_time_format (time, format) : g_strdup ("—");
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  Cell cell = GPOINTER_TO_INT (data);
  KdHealthClient *client = gtk_list_item_get_item (item);
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  g_autofree char *owned = NULL;
  const char *text = NULL;
  const char *tone = NULL;

  switch (cell)
    {
    case CELL_NAME:
      text = kd_health_client_get_name (client);
      if (g_strv_length ((char **) kd_health_client_get_names (client)) > 1)
        tone = "warning";
      break;
    case CELL_CMID:
      text = kd_health_client_get_cmid (client);
      break;
    case CELL_PRODUCT:
      text = kd_product_edition (kd_health_client_get_activation_id (client), NULL);
      break;
    case CELL_HOST:
      text = kd_health_client_get_kms_host (client);
      break;
    case CELL_LAST_REQUEST:
      text = owned = format_time (kd_health_client_get_last_request (client), "%Y-%m-%d %H:%M");
      break;
    case CELL_STATE:
      text = kd_client_license_state_get_label (kd_health_client_get_license_state (client));
      break;
    case CELL_EXPIRES:
      text = owned = format_time (kd_health_client_get_expires (client), "%Y-%m-%d");
      break;
    case CELL_RESULT:
      text = kd_health_client_get_last_hresult (client);
      if (text != NULL && g_ascii_strcasecmp (text, "0x00000000") != 0)
        tone = "error";
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_inscription_set_text (inscription, text != NULL ? text : "—");
  gtk_widget_remove_css_class (GTK_WIDGET (inscription), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (inscription), "error");
  if (tone != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (inscription), tone);
}

static void
set_cell_factory (GtkColumnViewColumn *column,
                  Cell                 cell)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), GINT_TO_POINTER (cell));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), GINT_TO_POINTER (cell));
  gtk_column_view_column_set_factory (column, factory);
}

static void
update_clients_label (KdClientTable *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->client_filter_model));
  guint all = self->health != NULL ? g_list_model_get_n_items (kd_health_get_clients (self->health)) : 0;
  g_autofree char *label = g_strdup_printf (ngettext ("%u of %u client shown; activate a row to open its capture",
                                                      "%u of %u clients shown; activate a row to open its capture",
                                                      all),
                                            shown, all);

  gtk_label_set_text (self->clients_label, label);
  gtk_stack_set_visible_child_name (self->clients_stack, all > 0 ? "table" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.export-csv", shown > 0);
}


static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KdClientTable) self = user_data;
  g_autoptr(GError) error = NULL;
  /* the file the task was given */
  g_autofree char *name = g_file_get_basename (g_task_get_task_data (G_TASK (result)));
  g_autofree char *message = NULL;

  if (!kd_client_table_export_csv_finish (self, result, &error))
    message = g_strdup_printf (_("“%s” could not be saved: %s"), name, error->message);
  else
    message = g_strdup_printf (_("Saved “%s”"), name);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KdClientTable) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    kd_client_table_export_csv_async (self, file, NULL, export_done_cb, g_object_ref (self));
}

static void
export_csv_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Export the Client Table"));
  /* TRANSLATORS: the file name offered for the exported client table */
  gtk_file_dialog_set_initial_name (dialog, _("kms-clients.csv"));
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, export_chosen_cb,
                        g_object_ref (widget));
}


/* The client table -------------------------------------------------------- */

/* Typed text narrows what is shown (the rows shown are searched again),
 * text taken away widens it */
static void
on_client_search_changed (KdClientTable *self)
{
  g_autofree char *lower = g_utf8_strdown (gtk_editable_get_text (GTK_EDITABLE (self->client_search)), -1);
  char *text = g_strstrip (lower);
  GtkFilterChange change;

  if (g_strcmp0 (self->search != NULL ? self->search : "", text) == 0)
    return;
  change = self->search == NULL || strstr (text, self->search) != NULL ? GTK_FILTER_CHANGE_MORE_STRICT
         : strstr (self->search, text) != NULL ? GTK_FILTER_CHANGE_LESS_STRICT
         : GTK_FILTER_CHANGE_DIFFERENT;
  g_free (self->search);
  self->search = *text != '\0' ? g_strdup (text) : NULL;
  gtk_filter_changed (GTK_FILTER (self->client_filter), change);
}

static void
on_client_kind_changed (KdClientTable *self)
{
  KdHealthClientFilter kind = gtk_drop_down_get_selected (self->client_kind);

  if (kind > KD_HEALTH_CLIENT_SILENT || kind == self->kind)
    return;
  self->kind = kind;
  gtk_filter_changed (GTK_FILTER (self->client_filter),
                      kind == KD_HEALTH_CLIENT_ALL ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
}

/* The search text of each client is made with the snapshot, in the
 * import's worker: a keystroke only looks for a string in ten thousand */
static gboolean
client_is_shown (gpointer item,
                 gpointer user_data)
{
  KdClientTable *self = user_data;

  if (self->search != NULL && strstr (kd_health_client_get_search_text (item), self->search) == NULL)
    return FALSE;
  return self->kind == KD_HEALTH_CLIENT_ALL || self->health == NULL ||
         kd_health_client_matches (item, self->kind, kd_health_get_as_of (self->health));
}

static void
on_client_activated (KdClientTable *self,
                     guint         position)
{
  g_autoptr(KdHealthClient) client = g_list_model_get_item (G_LIST_MODEL (self->client_selection), position);
  const char *path;

  if (client == NULL)
    return;
  path = kd_health_client_get_capture_path (client);
  if (path == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s",
                                  _("No capture of this client was given: only events name it"));
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-capture", "s", path);
}

/* NULL last, whichever the order */
static int
compare_times (GDateTime *a,
               GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_date_time_compare (a, b);
}

static int
compare_last_request (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return compare_times (kd_health_client_get_last_request ((KdHealthClient *) a),
                        kd_health_client_get_last_request ((KdHealthClient *) b));
}

static int
compare_expires (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return compare_times (kd_health_client_get_expires ((KdHealthClient *) a),
                        kd_health_client_get_expires ((KdHealthClient *) b));
}

static int
compare_state (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return (int) kd_health_client_get_license_state ((KdHealthClient *) a) -
         (int) kd_health_client_get_license_state ((KdHealthClient *) b);
}

/* Names and products as people sort them (PC2 before PC10); machine IDs
 * and result codes, hexadecimal, by their characters, which is also much
 * faster for ten thousand of them */
static void
set_string_sorter (GtkColumnViewColumn *column,
                   const char          *property,
                   GtkCollation         collation)
{
  GtkExpression *expression = gtk_property_expression_new (KD_TYPE_HEALTH_CLIENT, NULL, property);
  g_autoptr(GtkStringSorter) sorter = gtk_string_sorter_new (expression);

  gtk_string_sorter_set_collation (sorter, collation);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

static void
set_custom_sorter (GtkColumnViewColumn *column,
                   GCompareDataFunc     compare)
{
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare, NULL, NULL);

  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}


/* GObject ----------------------------------------------------------------- */

/* The view takes the rows when it is shown: GtkColumnView takes up to
 * 100 ms over ten thousand new rows (health-page benchmark), a stall
 * better not added to an import's while nobody looks at the table. */
static void
kd_client_table_map (GtkWidget *widget)
{
  KdClientTable *self = KD_CLIENT_TABLE (widget);

  if (gtk_column_view_get_model (self->client_view) == NULL)
    gtk_column_view_set_model (self->client_view, GTK_SELECTION_MODEL (self->client_selection));
  GTK_WIDGET_CLASS (kd_client_table_parent_class)->map (widget);
}

static void
kd_client_table_dispose (GObject *object)
{
  KdClientTable *self = (KdClientTable *) object;

  /* the rows go with the template: nothing to count then */
  if (self->client_filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->client_filter_model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_CLIENT_TABLE);
  g_clear_object (&self->health);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (kd_client_table_parent_class)->dispose (object);
}

static void
kd_client_table_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KdClientTable *self = KD_CLIENT_TABLE (object);

  switch (prop_id)
    {
    case PROP_HEALTH:
      g_value_set_object (value, self->health);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_client_table_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KdClientTable *self = KD_CLIENT_TABLE (object);

  switch (prop_id)
    {
    case PROP_HEALTH:
      kd_client_table_set_health (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_client_table_class_init (KdClientTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kd_client_table_dispose;
  object_class->get_property = kd_client_table_get_property;
  object_class->set_property = kd_client_table_set_property;
  widget_class->map = kd_client_table_map;

  /**
   * KdClientTable:health:
   *
   * The snapshot whose clients the table shows, or %NULL.
   */
  properties[PROP_HEALTH] =
    g_param_spec_object ("health", NULL, NULL, KD_TYPE_HEALTH,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KD_TYPE_HEALTH_CLIENT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-client-table.ui");
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, box);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, client_search);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, client_kind);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, clients_stack);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, client_view);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, clients_label);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, client_sort_model);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, client_filter_model);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, client_filter);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, client_selection);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, name_column);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, cmid_column);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, product_column);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, host_column);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, last_column);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, state_column);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, expires_column);
  gtk_widget_class_bind_template_child (widget_class, KdClientTable, result_column);
  gtk_widget_class_bind_template_callback (widget_class, on_client_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_client_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_client_activated);

  gtk_widget_class_install_action (widget_class, "table.export-csv", NULL, export_csv_cb);
}

static void
kd_client_table_init (KdClientTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->client_filter, client_is_shown, self, NULL);
  set_cell_factory (self->name_column, CELL_NAME);
  set_cell_factory (self->cmid_column, CELL_CMID);
  set_cell_factory (self->product_column, CELL_PRODUCT);
  set_cell_factory (self->host_column, CELL_HOST);
  set_cell_factory (self->last_column, CELL_LAST_REQUEST);
  set_cell_factory (self->state_column, CELL_STATE);
  set_cell_factory (self->expires_column, CELL_EXPIRES);
  set_cell_factory (self->result_column, CELL_RESULT);
  set_string_sorter (self->name_column, "name", GTK_COLLATION_FILENAME);
  set_string_sorter (self->cmid_column, "cmid", GTK_COLLATION_NONE);
  set_string_sorter (self->product_column, "product", GTK_COLLATION_UNICODE);
  set_string_sorter (self->host_column, "kms-host", GTK_COLLATION_FILENAME);
  set_string_sorter (self->result_column, "last-hresult", GTK_COLLATION_NONE);
  set_custom_sorter (self->last_column, compare_last_request);
  set_custom_sorter (self->state_column, compare_state);
  set_custom_sorter (self->expires_column, compare_expires);
  gtk_sort_list_model_set_sorter (self->client_sort_model, gtk_column_view_get_sorter (self->client_view));
  g_signal_connect_object (self->client_filter_model, "items-changed", G_CALLBACK (update_clients_label), self,
                           G_CONNECT_SWAPPED);
  update_clients_label (self);
}

/* Public API -------------------------------------------------------------- */

/**
 * kd_client_table_get_health:
 *
 * Returns: (transfer none) (nullable): the snapshot shown
 */
KdHealth *
kd_client_table_get_health (KdClientTable *self)
{
  g_return_val_if_fail (KD_IS_CLIENT_TABLE (self), NULL);
  return self->health;
}

/**
 * kd_client_table_set_health:
 * @health: (nullable): a snapshot, whose import is finished
 */
void
kd_client_table_set_health (KdClientTable *self,
                            KdHealth      *health)
{
  g_return_if_fail (KD_IS_CLIENT_TABLE (self));
  g_return_if_fail (health == NULL || KD_IS_HEALTH (health));

  if (!g_set_object (&self->health, health))
    return;
  /* The snapshot's clients come in the order of their names: the table
   * shows them so until a column is clicked (sorting ten thousand names
   * again took 85 ms).  Hidden, the view takes them when shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_column_view_set_model (self->client_view, NULL);
  gtk_sort_list_model_set_model (self->client_sort_model, health != NULL ? kd_health_get_clients (health) : NULL);
  update_clients_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEALTH]);
}

/**
 * kd_client_table_get_shown:
 *
 * Returns: (transfer none): the rows as shown: filtered and sorted
 */
GListModel *
kd_client_table_get_shown (KdClientTable *self)
{
  g_return_val_if_fail (KD_IS_CLIENT_TABLE (self), NULL);
  return G_LIST_MODEL (self->client_filter_model);
}

/**
 * kd_client_table_set_search:
 * @text: what to look for in the client table
 */
void
kd_client_table_set_search (KdClientTable *self,
                            const char    *text)
{
  g_return_if_fail (KD_IS_CLIENT_TABLE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->client_search), text != NULL ? text : "");
  /* at once, not after the entry's delay */
  on_client_search_changed (self);
}

/**
 * kd_client_table_set_filter:
 * @filter: which clients the table shows
 */
void
kd_client_table_set_filter (KdClientTable        *self,
                            KdHealthClientFilter  filter)
{
  g_return_if_fail (KD_IS_CLIENT_TABLE (self));

  gtk_drop_down_set_selected (self->client_kind, filter);
}

static void
replaced_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * kd_client_table_export_csv_async:
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 *
 * Saves the client table as shown (filtered and sorted) to @file as CSV,
 * written off the main thread and replacing the file whole.
 */
void
kd_client_table_export_csv_async (KdClientTable        *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (KD_IS_CLIENT_TABLE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kd_client_table_export_csv_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  kd_health_clients_to_csv (G_LIST_MODEL (self->client_filter_model), csv);
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                                       replaced_cb, g_steal_pointer (&task));
}

gboolean
kd_client_table_export_csv_finish (KdClientTable  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * kd_client_table_get_pending:
 *
 * Returns: how many clients the table has still to sort or filter: it
 *   does it a step at a time
 */
guint
kd_client_table_get_pending (KdClientTable *self)
{
  g_return_val_if_fail (KD_IS_CLIENT_TABLE (self), 0);
  return gtk_sort_list_model_get_pending (self->client_sort_model) +
         gtk_filter_list_model_get_pending (self->client_filter_model);
}
