/* test-diff.c — two captures compared by what they say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kd-capture-diff.h"
#include "kd-capture-parser.h"

static KdCapture *
capture_of (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "diff", name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return kd_capture_parse_bytes (bytes, KD_CAPTURE_PARSE_NONE);
}

static KdCapture *
capture_of_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return kd_capture_parse_bytes (bytes, KD_CAPTURE_PARSE_NONE);
}

static JsonObject *
diff_json (KdCaptureDiff *diff)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  kd_capture_diff_to_json (diff, builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_object_ref (json_node_get_object (root));
}

/* Before and after a fix, the second in UTF-16: the licence state
 * changed, the KMS host set by hand gave way to one from DNS, and Office
 * came; the trusted time and the minutes left are left out */
static void
test_before_after (void)
{
  g_autoptr(KdCapture) before = capture_of ("before.txt");
  g_autoptr(KdCapture) after = capture_of ("after-utf16.txt");
  g_autoptr(KdCaptureDiff) diff = kd_capture_diff_new (before, after);
  g_autoptr(JsonObject) root = diff_json (diff);
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *products = json_object_get_array_member (root, "products");
  JsonObject *windows = json_array_get_object_element (products, 0);
  JsonObject *office = json_array_get_object_element (products, 1);
  JsonObject *changed;

  g_assert_false (kd_capture_diff_is_identical (diff));
  /* 1 changed, 1 only in A, 3 only in B, 1 product only in B */
  g_assert_cmpuint (kd_capture_diff_get_n_changes (diff), ==, 6);
  g_assert_cmpuint (json_array_get_length (products), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (windows, "in"), ==, "both");
  changed = json_array_get_object_element (json_object_get_array_member (windows, "changed"), 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (windows, "changed")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (changed, "field"), ==, "license_status");
  g_assert_cmpstr (json_object_get_string_member (changed, "a"), ==, "Initial grace period");
  g_assert_cmpstr (json_object_get_string_member (changed, "b"), ==, "Licensed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (windows, "only_in_a"), 0),
                                                  "field"), ==, "registered_kms_machine_name");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (windows, "only_in_b")), ==, 3);
  /* the CMID in upper case in B is the same machine */
  g_assert_cmpint (json_object_get_int_member (windows, "unchanged"), ==, 12);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (windows, "ignored")), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (office, "in"), ==, "b");

  kd_capture_diff_to_text (diff, text);
  g_test_message ("%s", text->str);
  g_assert_nonnull (strstr (text->str, "Initial grace period → Licensed"));
}

/* One capture against itself in another encoding: the same; captures of
 * nothing: the same, and said to show nothing */
static void
test_identical (void)
{
  g_autoptr(KdCapture) after = capture_of ("after.txt");
  g_autoptr(KdCapture) again = capture_of ("after-utf16.txt");
  g_autoptr(KdCaptureDiff) diff = kd_capture_diff_new (after, again);
  g_autoptr(KdCapture) nothing = capture_of_text ("");
  g_autoptr(KdCaptureDiff) empty = kd_capture_diff_new (nothing, nothing);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_true (kd_capture_diff_is_identical (diff));
  g_assert_cmpuint (kd_capture_diff_get_n_changes (diff), ==, 0);
  g_assert_true (kd_capture_diff_is_identical (empty));
  kd_capture_diff_to_text (empty, text);
  g_assert_cmpstr (text->str, ==, "Neither capture shows a product\n");
}

/* A product shown twice in A is paired once; its second is only in A */
static void
test_twice (void)
{
  g_autoptr(KdCapture) before = capture_of ("before.txt");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "diff", "before.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *twice = NULL;
  g_autoptr(KdCapture) doubled = NULL;
  g_autoptr(KdCaptureDiff) diff = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonArray *products;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  twice = g_strconcat (contents, "\n", contents, NULL);
  doubled = capture_of_text (twice);
  g_assert_cmpuint (g_list_model_get_n_items (kd_capture_get_products (doubled)), ==, 2);
  diff = kd_capture_diff_new (doubled, before);
  root = diff_json (diff);
  products = json_object_get_array_member (root, "products");
  g_assert_cmpuint (json_array_get_length (products), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (products, 0), "in"), ==, "both");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (products, 1), "in"), ==, "a");
  g_assert_cmpuint (kd_capture_diff_get_n_changes (diff), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/before-after", test_before_after);
  g_test_add_func ("/diff/identical", test_identical);
  g_test_add_func ("/diff/twice", test_twice);

  return g_test_run ();
}
