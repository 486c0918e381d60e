/* kd-products.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-products.h"
#include "kd-json.h"

/* The activation IDs (SKU IDs) of the products KMS activates, which
 * slmgr.vbs /dlv prints and events 12288 and 12290 carry, and the
 * edition each is: a public table of facts (data/ACTIVATION-IDS.md says
 * where it comes from).  Loaded once, on first use. */

typedef struct
{
  JsonNode *root;          /* owns the strings */
  GHashTable *by_id;       /* lower-case ID -> JsonObject */
} Table;

static Table *
table_get (void)
{
  static Table *table;

  if (g_once_init_enter_pointer (&table))
    {
      Table *t = g_new0 (Table, 1);
      g_autoptr(GError) error = NULL;

      t->by_id = g_hash_table_new (g_str_hash, g_str_equal);
      t->root = kd_json_load_resource ("activation-ids.json", &error);
      if (t->root != NULL)
        {
          JsonArray *ids;

          ids = json_object_get_array_member (json_node_get_object (t->root), "activation_ids");
          for (guint i = 0; i < json_array_get_length (ids); i++)
            {
              JsonObject *entry = json_array_get_object_element (ids, i);

              g_hash_table_insert (t->by_id, (gpointer) json_object_get_string_member (entry, "id"), entry);
            }
        }
      else
        g_critical ("Cannot load the table of activation IDs: %s", error->message);

      g_once_init_leave_pointer (&table, t);
    }
  return table;
}

/**
 * kd_product_edition:
 * @activation_id: (nullable): an activation ID, in any case, braces or not
 * @family: (out) (optional): `windows-client`, `windows-client-ltsc`,
 *   `windows-server` or `office`
 *
 * Returns: (nullable): the edition @activation_id activates, in English as
 *   Microsoft names it ("Windows 10/11 Enterprise"), or %NULL when the
 *   table does not know it
 */
const char *
kd_product_edition (const char  *activation_id,
                    const char **family)
{
  g_autofree char *id = NULL;
  JsonObject *entry;

  if (family != NULL)
    *family = NULL;
  if (activation_id == NULL)
    return NULL;
  id = g_ascii_strdown (activation_id[0] == '{' ? activation_id + 1 : activation_id, 36);
  entry = g_hash_table_lookup (table_get ()->by_id, id);
  if (entry == NULL)
    return NULL;
  if (family != NULL)
    *family = json_object_get_string_member (entry, "family");
  return json_object_get_string_member (entry, "edition");
}
