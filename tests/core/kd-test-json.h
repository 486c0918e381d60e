/* kd-test-json.h — what the core tests share about JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean kd_test_json_subset_matches (JsonNode   *expected,
                                      JsonNode   *actual,
                                      const char *path,
                                      GString    *why);

/* Reads @input_file, turns it into JSON with @to_json, and fails the test
 * unless the values @expected_file lists are there (a fixture of
 * tests/fixtures). */
typedef JsonNode *(*KdTestToJson) (const guint8 *data,
                                   gsize         length);

void     kd_test_json_check_fixture  (const char   *input_file,
                                      const char   *expected_file,
                                      KdTestToJson  to_json);

G_END_DECLS
