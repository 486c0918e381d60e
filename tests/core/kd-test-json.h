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

G_END_DECLS
