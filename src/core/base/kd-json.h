/* kd-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Members of the JSON contracts (docs/): absent values are null. */
void kd_json_add_string (JsonBuilder        *builder,
                         const char         *member,
                         const char         *value);
void kd_json_add_count  (JsonBuilder        *builder,
                         const char         *member,
                         gint64              value);
void kd_json_add_strv   (JsonBuilder        *builder,
                         const char         *member,
                         const char * const *strv);
JsonNode *kd_json_load_resource (const char  *name,
                                 GError     **error);
void kd_json_add_boolean (JsonBuilder       *builder,
                          const char        *member,
                          int                value);

G_END_DECLS
