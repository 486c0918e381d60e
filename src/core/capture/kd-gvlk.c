/* kd-gvlk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-gvlk.h"
#include "kd-json.h"

typedef struct
{
  JsonNode *root;        /* owns the strings */
  GHashTable *by_partial; /* partial -> GPtrArray of KdGvlk */
} Table;

static Table *
table_get (void)
{
  static Table *table;

  if (g_once_init_enter_pointer (&table))
    {
      Table *t = g_new0 (Table, 1);
      g_autoptr(GError) error = NULL;

      t->by_partial = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
      t->root = kd_json_load_resource ("gvlk.json", &error);
      if (t->root != NULL)
        {
          JsonArray *gvlks;

          gvlks = json_object_get_array_member (json_node_get_object (t->root), "gvlks");
          for (guint i = 0; i < json_array_get_length (gvlks); i++)
            {
              JsonObject *obj = json_array_get_object_element (gvlks, i);
              KdGvlk *gvlk = g_new0 (KdGvlk, 1);
              GPtrArray *list;

              gvlk->partial = json_object_get_string_member (obj, "partial");
              gvlk->key = json_object_get_string_member (obj, "key");
              gvlk->edition = json_object_get_string_member (obj, "edition");
              gvlk->family = json_object_get_string_member (obj, "family");
              list = g_hash_table_lookup (t->by_partial, gvlk->partial);
              if (list == NULL)
                {
                  list = g_ptr_array_new_with_free_func (g_free);
                  g_hash_table_insert (t->by_partial, (gpointer) gvlk->partial, list);
                }
              g_ptr_array_add (list, gvlk);
            }
        }
      else
        g_critical ("Cannot load the GVLK table: %s", error->message);

      g_once_init_leave_pointer (&table, t);
    }

  return table;
}

/**
 * kd_gvlk_lookup:
 * @partial: the last five characters of a key
 *
 * Returns: (transfer none) (nullable) (element-type KdGvlk): the setup
 *   keys ending in @partial, or %NULL if none is public
 */
GPtrArray *
kd_gvlk_lookup (const char *partial)
{
  g_autofree char *upper = NULL;

  if (partial == NULL)
    return NULL;
  upper = g_ascii_strup (partial, -1);
  return g_hash_table_lookup (table_get ()->by_partial, upper);
}
