/* kd-error-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kd-command.h"
#include "kd-error-catalog.h"
#include "kd-hresult.h"
#include "kd-resources.h"
#include "kd-search-index.h"

/* The catalog is layered: the SDK header's constants (symbol and message
 * for every SL code) first, then the curated entries that add our title,
 * cause, steps and commands.  A later layer completes an earlier entry with
 * the same code instead of replacing what it does not say. */

struct _KdErrorCatalog
{
  GObject parent_instance;

  GHashTable *objects;     /* code value -> JsonObject, merged layers */
  GPtrArray *layers;       /* JsonNode roots kept alive for the objects */
  GPtrArray *entries;      /* KdErrorCode, sorted by value */
  GHashTable *by_value;    /* value (and alias values) -> KdErrorCode */
  KdSearchIndex *index;    /* document i == entries[i] */
  gboolean loaded;         /* the compiled-in layers are in */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KdErrorCatalog, kd_error_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static GType
kd_error_catalog_get_item_type (GListModel *model)
{
  return KD_TYPE_ERROR_CODE;
}

static guint
kd_error_catalog_get_n_items (GListModel *model)
{
  KdErrorCatalog *self = KD_ERROR_CATALOG (model);

  return self->entries->len;
}

static gpointer
kd_error_catalog_get_item (GListModel *model,
                           guint       position)
{
  KdErrorCatalog *self = KD_ERROR_CATALOG (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = kd_error_catalog_get_item_type;
  iface->get_n_items = kd_error_catalog_get_n_items;
  iface->get_item = kd_error_catalog_get_item;
}

static void
kd_error_catalog_finalize (GObject *object)
{
  KdErrorCatalog *self = (KdErrorCatalog *) object;

  g_clear_pointer (&self->index, kd_search_index_free);
  g_clear_pointer (&self->by_value, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->objects, g_hash_table_unref);
  g_clear_pointer (&self->layers, g_ptr_array_unref);

  G_OBJECT_CLASS (kd_error_catalog_parent_class)->finalize (object);
}

static void
kd_error_catalog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KdErrorCatalog *self = KD_ERROR_CATALOG (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, kd_error_catalog_get_n_items (G_LIST_MODEL (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_error_catalog_class_init (KdErrorCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_error_catalog_finalize;
  object_class->get_property = kd_error_catalog_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_error_catalog_init (KdErrorCatalog *self)
{
  self->objects = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) json_object_unref);
  self->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_value = g_hash_table_new (NULL, NULL);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  guint32 va = kd_error_code_get_value (*(KdErrorCode **) a);
  guint32 vb = kd_error_code_get_value (*(KdErrorCode **) b);

  return va < vb ? -1 : (va > vb);
}

static void
index_english (KdSearchIndex *index,
               guint          doc,
               JsonObject    *object)
{
  static const struct {
    const char *member;
    KdSearchWeight weight;
  } fields[] = {
    { "title", KD_SEARCH_WEIGHT_TITLE },
    { "cause", KD_SEARCH_WEIGHT_CAUSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    kd_search_index_add_text (index, doc,
                              json_object_get_string_member_with_default (object, fields[i].member, NULL),
                              fields[i].weight);

  if (json_object_has_member (object, "steps"))
    {
      JsonArray *steps = json_object_get_array_member (object, "steps");
      for (guint i = 0; i < json_array_get_length (steps); i++)
        kd_search_index_add_text (index, doc, json_array_get_string_element (steps, i),
                                  KD_SEARCH_WEIGHT_STEPS);
    }

  if (json_object_has_member (object, "commands"))
    {
      JsonArray *commands = json_object_get_array_member (object, "commands");
      for (guint i = 0; i < json_array_get_length (commands); i++)
        {
          JsonObject *cmd = json_array_get_object_element (commands, i);
          kd_search_index_add_text (index, doc,
                                    json_object_get_string_member_with_default (cmd, "description", NULL),
                                    KD_SEARCH_WEIGHT_STEPS);
        }
    }
}

static void
index_entry (KdSearchIndex *index,
             KdErrorCode   *entry,
             JsonObject    *object)
{
  double boost = kd_error_code_get_seed (entry) ? 1.7 : kd_error_code_get_curated (entry) ? 1.5 : 1.0;
  guint doc = kd_search_index_add_document (index, kd_error_code_get_value (entry), boost);
  const char * const *strv;
  GListModel *commands;

  kd_search_index_add_text (index, doc, kd_error_code_get_symbol (entry), KD_SEARCH_WEIGHT_SYMBOL);
  kd_search_index_add_text (index, doc, kd_error_code_get_title (entry), KD_SEARCH_WEIGHT_TITLE);
  kd_search_index_add_text (index, doc, kd_error_code_get_message (entry), KD_SEARCH_WEIGHT_MESSAGE);
  kd_search_index_add_text (index, doc, kd_error_code_get_cause (entry), KD_SEARCH_WEIGHT_CAUSE);

  strv = kd_error_code_get_aliases (entry);
  for (guint i = 0; strv[i] != NULL; i++)
    kd_search_index_add_text (index, doc, strv[i], KD_SEARCH_WEIGHT_ALIAS);
  strv = kd_error_code_get_alias_codes (entry);
  for (guint i = 0; strv[i] != NULL; i++)
    {
      guint32 alias;
      if (kd_hresult_parse (strv[i], &alias, NULL))
        {
          g_autofree char *hex = g_strdup_printf ("%08x", alias);
          kd_search_index_add_text (index, doc, hex, KD_SEARCH_WEIGHT_SYMBOL);
        }
    }
  strv = kd_error_code_get_steps (entry);
  for (guint i = 0; strv[i] != NULL; i++)
    kd_search_index_add_text (index, doc, strv[i], KD_SEARCH_WEIGHT_STEPS);

  commands = kd_error_code_get_commands (entry);
  for (guint i = 0; i < g_list_model_get_n_items (commands); i++)
    {
      g_autoptr(KdCommand) cmd = g_list_model_get_item (commands, i);
      kd_search_index_add_text (index, doc, kd_command_get_command (cmd), KD_SEARCH_WEIGHT_STEPS);
      kd_search_index_add_text (index, doc, kd_command_get_description (cmd), KD_SEARCH_WEIGHT_STEPS);
    }

  for (guint flag = 1; flag <= KD_APPLIES_TO_LAST; flag <<= 1)
    if (kd_error_code_get_applies_to (entry) & flag)
      {
        kd_search_index_add_text (index, doc, kd_applies_to_get_id (flag), KD_SEARCH_WEIGHT_STEPS);
        kd_search_index_add_text (index, doc, kd_applies_to_get_label (flag), KD_SEARCH_WEIGHT_STEPS);
      }

  /* People search in the UI language and in English, whatever the locale:
   * a ticket may quote either. */
  index_english (index, doc, object);
}

/* The words of every entry, indexed the first time anybody searches:
 * what only looks codes up (a diagnosis, the CLI's parse) does without.
 * Searches may come from several threads; the catalog does not change
 * once shared. */
static KdSearchIndex *
ensure_index (KdErrorCatalog *self)
{
  if (g_once_init_enter_pointer (&self->index))
    {
      KdSearchIndex *index = kd_search_index_new ();

      for (guint i = 0; i < self->entries->len; i++)
        {
          KdErrorCode *entry = g_ptr_array_index (self->entries, i);
          guint32 v = kd_error_code_get_value (entry);

          index_entry (index, entry, g_hash_table_lookup (self->objects, GUINT_TO_POINTER (v)));
        }
      kd_search_index_finish (index);
      g_once_init_leave_pointer (&self->index, index);
    }
  return self->index;
}

/* Entries are made lazily, the first time anybody asks, so that loading
 * several layers builds them once. */
static void
kd_error_catalog_build (KdErrorCatalog *self)
{
  GHashTableIter iter;
  gpointer key, value;
  guint old_n;

  old_n = self->entries->len;
  g_ptr_array_set_size (self->entries, 0);
  g_hash_table_remove_all (self->by_value);
  g_clear_pointer (&self->index, kd_search_index_free);

  g_hash_table_iter_init (&iter, self->objects);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GError) error = NULL;
      KdErrorCode *entry = kd_error_code_new_from_json (value, &error);

      if (entry == NULL)
        {
          g_warning ("Skipping a catalog entry: %s", error->message);
          continue;
        }
      g_ptr_array_add (self->entries, entry);
    }
  g_ptr_array_sort (self->entries, compare_entries);

  for (guint i = 0; i < self->entries->len; i++)
    {
      KdErrorCode *entry = g_ptr_array_index (self->entries, i);
      guint32 v = kd_error_code_get_value (entry);
      const char * const *alias_codes = kd_error_code_get_alias_codes (entry);

      g_hash_table_insert (self->by_value, GUINT_TO_POINTER (v), entry);
      for (guint a = 0; alias_codes[a] != NULL; a++)
        {
          guint32 alias;
          if (kd_hresult_parse (alias_codes[a], &alias, NULL) &&
              !g_hash_table_contains (self->by_value, GUINT_TO_POINTER (alias)))
            g_hash_table_insert (self->by_value, GUINT_TO_POINTER (alias), entry);
        }
    }

  if (old_n != self->entries->len || old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->entries->len);
  if (old_n != self->entries->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

KdErrorCatalog *
kd_error_catalog_new (void)
{
  return g_object_new (KD_TYPE_ERROR_CATALOG, NULL);
}

/* Adds a layer to the merged objects, without building the entries: the
 * compiled-in catalog has two layers and is built once. */
static gboolean
merge_layer (KdErrorCatalog  *self,
             GBytes          *json,
             GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  g_return_val_if_fail (KD_IS_ERROR_CATALOG (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), g_bytes_get_size (json), error))
    return FALSE;

  root = json_parser_steal_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "A catalog layer must be a JSON array of entries");
      return FALSE;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *code;
      guint32 value;
      JsonObject *merged;

      if (object == NULL ||
          (code = json_object_get_string_member_with_default (object, "code", NULL)) == NULL ||
          !kd_hresult_parse (code, &value, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Catalog entry %u has no valid code", i);
          return FALSE;
        }

      merged = g_hash_table_lookup (self->objects, GUINT_TO_POINTER (value));
      if (merged == NULL)
        {
          g_hash_table_insert (self->objects, GUINT_TO_POINTER (value), json_object_ref (object));
          continue;
        }

      {
        JsonObjectIter iter;
        const char *member;
        JsonNode *node;

        /* Shared with the layer it came from: copy before writing. */
        if (json_object_is_immutable (merged))
          {
            JsonObject *copy = json_object_new ();
            JsonObjectIter it;

            json_object_iter_init (&it, merged);
            while (json_object_iter_next (&it, &member, &node))
              json_object_set_member (copy, member, json_node_copy (node));
            g_hash_table_insert (self->objects, GUINT_TO_POINTER (value), copy);
            merged = copy;
          }

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &member, &node))
          if (!JSON_NODE_HOLDS_NULL (node))
            json_object_set_member (merged, member, json_node_copy (node));
      }
    }

  g_ptr_array_add (self->layers, g_steal_pointer (&root));
  return TRUE;
}

/**
 * kd_error_catalog_load_layer:
 * @self: a #KdErrorCatalog
 * @json: an array of entries, as in a file of data/catalog
 * @error: a #GError
 *
 * Adds a layer.  An entry whose code is already there completes it: members
 * it sets replace the earlier ones, the others are kept.
 *
 * Returns: %TRUE if @json was a valid layer
 */
gboolean
kd_error_catalog_load_layer (KdErrorCatalog  *self,
                             GBytes          *json,
                             GError         **error)
{
  g_return_val_if_fail (KD_IS_ERROR_CATALOG (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!merge_layer (self, json, error))
    return FALSE;
  kd_error_catalog_build (self);
  return TRUE;
}

/* The layers compiled into the program, merged and built. */
static gboolean
load_builtin (KdErrorCatalog  *self,
              GError         **error)
{
  static const char * const layers[] = {
    "/io/github/kmsdoctor/KmsDoctor/catalog/slerror.json",
    "/io/github/kmsdoctor/KmsDoctor/catalog/curated.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      g_autoptr(GBytes) bytes = g_resource_lookup_data (kd_core_get_resource (), layers[i],
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, error);

      if (bytes == NULL || !merge_layer (self, bytes, error))
        {
          g_prefix_error (error, "%s: ", layers[i]);
          return FALSE;
        }
    }
  kd_error_catalog_build (self);
  self->loaded = TRUE;
  return TRUE;
}

/* Moves what @from holds into @self, in the thread that owns @self, and
 * says once what changed. */
static void
take_contents (KdErrorCatalog *self,
               KdErrorCatalog *from)
{
  guint old_n = self->entries->len;

#define SWAP(member) G_STMT_START { gpointer tmp_ = self->member; self->member = from->member; from->member = tmp_; } G_STMT_END
  SWAP (objects);
  SWAP (layers);
  SWAP (entries);
  SWAP (by_value);
  SWAP (index);
#undef SWAP
  self->loaded = from->loaded;

  if (old_n > 0 || self->entries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->entries->len);
  if (old_n != self->entries->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(KdErrorCatalog) loaded = kd_error_catalog_new ();
  GError *error = NULL;

  if (!load_builtin (loaded, &error))
    g_task_return_error (task, error);
  else
    {
      ensure_index (loaded);
      g_task_return_pointer (task, g_steal_pointer (&loaded), g_object_unref);
    }
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(KdErrorCatalog) loaded = NULL;
  GError *error = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (loaded == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  take_contents (g_task_get_source_object (task), loaded);
  g_task_return_boolean (task, TRUE);
}

/**
 * kd_error_catalog_load_async:
 * @self: an empty #KdErrorCatalog, from kd_error_catalog_new()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the catalog is ready
 * @user_data: for @callback
 *
 * Loads the catalog compiled into the program: its layers are read,
 * merged, made into entries and indexed in a worker thread, then put into
 * @self in the thread-default main context of the caller, with one
 * #GListModel::items-changed.
 */
void
kd_error_catalog_load_async (KdErrorCatalog      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (KD_IS_ERROR_CATALOG (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kd_error_catalog_load_async);
  if (self->loaded)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  worker = g_task_new (NULL, cancellable, load_done, g_steal_pointer (&task));
  g_task_set_source_tag (worker, load_thread);
  g_task_set_check_cancellable (worker, TRUE);
  g_task_run_in_thread (worker, load_thread);
}

/**
 * kd_error_catalog_load_finish:
 * @self: a #KdErrorCatalog
 * @result: the result given to the callback
 * @error: a #GError
 *
 * Returns: %TRUE if the catalog is loaded
 */
gboolean
kd_error_catalog_load_finish (KdErrorCatalog  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kd_error_catalog_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * kd_error_catalog_get_default:
 *
 * Returns: (transfer none): the catalog compiled into the program
 */
KdErrorCatalog *
kd_error_catalog_get_default (void)
{
  static KdErrorCatalog *catalog;

  if (g_once_init_enter_pointer (&catalog))
    {
      KdErrorCatalog *self = kd_error_catalog_new ();
      g_autoptr(GError) error = NULL;

      if (!load_builtin (self, &error))
        g_critical ("Cannot load the catalog: %s", error->message);
      g_once_init_leave_pointer (&catalog, self);
    }

  return catalog;
}

static void
get_default_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  KdErrorCatalog *catalog = kd_error_catalog_get_default ();

  /* what is loaded in the background is ready to search too */
  ensure_index (catalog);
  g_task_return_pointer (task, g_object_ref (catalog), g_object_unref);
}

/**
 * kd_error_catalog_get_default_async:
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the catalog is ready
 * @user_data: for @callback
 *
 * kd_error_catalog_get_default() without waiting: the first call loads the
 * catalog, which takes tens of milliseconds, and indexes it for searching,
 * in a worker thread.  The
 * catalog is only handed out once it is whole, so that threads that share
 * it never see it change.
 */
void
kd_error_catalog_get_default_async (GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, kd_error_catalog_get_default_async);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, get_default_thread);
}

/**
 * kd_error_catalog_get_default_finish:
 * @result: the result given to the callback
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL if cancelled
 */
KdErrorCatalog *
kd_error_catalog_get_default_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kd_error_catalog_get_default_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * kd_error_catalog_lookup:
 * @self: a #KdErrorCatalog
 * @value: a code
 *
 * Returns: (transfer none) (nullable): the entry for @value or one of its
 *   alias codes
 */
KdErrorCode *
kd_error_catalog_lookup (KdErrorCatalog *self,
                         guint32         value)
{
  g_return_val_if_fail (KD_IS_ERROR_CATALOG (self), NULL);

  return g_hash_table_lookup (self->by_value, GUINT_TO_POINTER (value));
}

/**
 * kd_error_catalog_resolve:
 * @self: a #KdErrorCatalog
 * @value: a code
 *
 * Returns: (transfer full): the catalog entry, or a decoded entry when the
 *   catalog does not know @value
 */
KdErrorCode *
kd_error_catalog_resolve (KdErrorCatalog *self,
                          guint32         value)
{
  KdErrorCode *entry = kd_error_catalog_lookup (self, value);

  if (entry != NULL)
    return g_object_ref (entry);
  return kd_error_code_new_decoded (value);
}

/**
 * kd_error_catalog_search:
 * @self: a #KdErrorCatalog
 * @query: a code in any spelling, part of one, a symbol, or words
 * @max_results: the most entries wanted, or 0 for all
 *
 * A query that is a whole code puts that entry first; then entries whose
 * code, symbol or texts match every word of @query, best first.
 *
 * Returns: (transfer container) (element-type KdErrorCode): the entries
 */
GPtrArray *
kd_error_catalog_search (KdErrorCatalog *self,
                         const char     *query,
                         guint           max_results)
{
  GPtrArray *results;
  g_autoptr(GArray) hits = NULL;
  KdErrorCode *exact = NULL;
  guint32 value;

  g_return_val_if_fail (KD_IS_ERROR_CATALOG (self), NULL);

  results = g_ptr_array_new_with_free_func (g_object_unref);

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return results;

  if (kd_hresult_parse (query, &value, NULL) &&
      (exact = kd_error_catalog_lookup (self, value)) != NULL)
    g_ptr_array_add (results, g_object_ref (exact));

  hits = kd_search_index_query (ensure_index (self), query);
  for (guint i = 0; i < hits->len; i++)
    {
      KdErrorCode *entry = g_ptr_array_index (self->entries, g_array_index (hits, KdSearchHit, i).document);

      if (max_results > 0 && results->len >= max_results)
        break;
      if (entry != exact)
        g_ptr_array_add (results, g_object_ref (entry));
    }

  return results;
}

/**
 * kd_error_catalog_nearest:
 * @self: a #KdErrorCatalog
 * @value: a code the catalog may not know
 * @n: how many entries
 *
 * The entries numerically closest to @value within its facility, curated
 * ones first among equals: "what is next to this code".
 *
 * Returns: (transfer container) (element-type KdErrorCode): up to @n entries
 */
GPtrArray *
kd_error_catalog_nearest (KdErrorCatalog *self,
                          guint32         value,
                          guint           n)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  GPtrArray *results = g_ptr_array_new_with_free_func (g_object_unref);
  guint facility = kd_hresult_get_facility (value);

  g_return_val_if_fail (KD_IS_ERROR_CATALOG (self), results);


  for (guint i = 0; i < self->entries->len; i++)
    {
      KdErrorCode *entry = g_ptr_array_index (self->entries, i);
      guint32 v = kd_error_code_get_value (entry);

      if (v != value && kd_hresult_get_facility (v) == facility)
        g_ptr_array_add (candidates, entry);
    }

  /* Selection by distance: the catalog is small, n is tiny. */
  while (results->len < n && candidates->len > 0)
    {
      guint best = 0;
      guint64 best_distance = G_MAXUINT64;

      for (guint i = 0; i < candidates->len; i++)
        {
          KdErrorCode *entry = g_ptr_array_index (candidates, i);
          guint32 v = kd_error_code_get_value (entry);
          guint64 distance = v > value ? (guint64) v - value : (guint64) value - v;

          /* Curated entries say more; prefer them over a neighbour that is
           * only a symbol. */
          distance = distance * 4 + (kd_error_code_get_curated (entry) ? 0 : 3);
          if (distance < best_distance)
            {
              best_distance = distance;
              best = i;
            }
        }
      g_ptr_array_add (results, g_object_ref (g_ptr_array_index (candidates, best)));
      g_ptr_array_remove_index_fast (candidates, best);
    }

  return results;
}
