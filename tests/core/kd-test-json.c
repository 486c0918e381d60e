/* kd-test-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-test-json.h"

/* Every member of @expected is in @actual with the same value; arrays have
 * the same length.  A member expected null may be absent. */
gboolean
kd_test_json_subset_matches (JsonNode   *expected,
                             JsonNode   *actual,
                             const char *path,
                             GString    *why)
{
  if (JSON_NODE_HOLDS_NULL (expected))
    {
      if (actual == NULL || JSON_NODE_HOLDS_NULL (actual))
        return TRUE;
      g_string_append_printf (why, "%s: expected null\n", path);
      return FALSE;
    }
  if (actual == NULL || json_node_get_node_type (expected) != json_node_get_node_type (actual))
    {
      g_autofree char *e = json_to_string (expected, FALSE);
      g_autofree char *a = actual != NULL ? json_to_string (actual, FALSE) : g_strdup ("(absent)");
      g_string_append_printf (why, "%s: expected %s, got %s\n", path, e, a);
      return FALSE;
    }

  if (JSON_NODE_HOLDS_OBJECT (expected))
    {
      JsonObject *eo = json_node_get_object (expected);
      JsonObject *ao = json_node_get_object (actual);
      JsonObjectIter iter;
      const char *member;
      JsonNode *node;
      gboolean ok = TRUE;

      json_object_iter_init (&iter, eo);
      while (json_object_iter_next (&iter, &member, &node))
        {
          g_autofree char *sub = g_strdup_printf ("%s.%s", path, member);

          /* what the fixture is and where it comes from, for the reader */
          if (g_str_equal (path, "$") && (g_str_equal (member, "source") || g_str_equal (member, "description")))
            continue;
          ok &= kd_test_json_subset_matches (node, json_object_get_member (ao, member), sub, why);
        }
      return ok;
    }

  if (JSON_NODE_HOLDS_ARRAY (expected))
    {
      JsonArray *ea = json_node_get_array (expected);
      JsonArray *aa = json_node_get_array (actual);
      gboolean ok = TRUE;

      if (json_array_get_length (ea) != json_array_get_length (aa))
        {
          g_autofree char *a = json_to_string (actual, FALSE);
          g_string_append_printf (why, "%s: expected %u elements, got %u: %.600s\n", path,
                                  json_array_get_length (ea), json_array_get_length (aa), a);
          ok = FALSE;
        }
      for (guint i = 0; i < MIN (json_array_get_length (ea), json_array_get_length (aa)); i++)
        {
          g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);
          ok &= kd_test_json_subset_matches (json_array_get_element (ea, i), json_array_get_element (aa, i), sub, why);
        }
      return ok;
    }

  if (!json_node_equal (expected, actual))
    {
      g_autofree char *e = json_to_string (expected, FALSE);
      g_autofree char *a = json_to_string (actual, FALSE);
      g_string_append_printf (why, "%s: expected %s, got %s\n", path, e, a);
      return FALSE;
    }
  return TRUE;
}

void
kd_test_json_check_fixture (const char   *input_file,
                            const char   *expected_file,
                            KdTestToJson  to_json)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) actual = NULL;
  g_autoptr(GString) why = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (input_file, &contents, &length, &error));
  g_assert_no_error (error);
  json_parser_load_from_file (parser, expected_file, &error);
  g_assert_no_error (error);

  actual = to_json ((const guint8 *) contents, length);
  if (!kd_test_json_subset_matches (json_parser_get_root (parser), actual, "$", why))
    {
      g_autofree char *all = json_to_string (actual, TRUE);
      g_test_message ("%s\n--- actual ---\n%s", why->str, all);
      g_test_fail_printf ("%s: %s", input_file, why->str);
    }
}
