/* kd-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-json.h"
#include "kd-resources.h"

/**
 * kd_json_add_string:
 * @builder: a builder inside an object
 * @member: the member name
 * @value: (nullable): the value; %NULL writes null
 */
void
kd_json_add_string (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * kd_json_add_count:
 * @builder: a builder inside an object
 * @member: the member name
 * @value: a count; a negative one (unknown) writes null
 */
void
kd_json_add_count (JsonBuilder *builder,
                   const char  *member,
                   gint64       value)
{
  json_builder_set_member_name (builder, member);
  if (value >= 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * kd_json_add_strv:
 * @builder: a builder inside an object
 * @member: the member name
 * @strv: (nullable): the strings; %NULL writes an empty array
 */
void
kd_json_add_strv (JsonBuilder        *builder,
                  const char         *member,
                  const char * const *strv)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

/**
 * kd_json_add_boolean:
 * @value: 1 or 0, or -1 when not known (null)
 */
void
kd_json_add_boolean (JsonBuilder *builder,
                     const char  *member,
                     int          value)
{
  json_builder_set_member_name (builder, member);
  if (value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, value != 0);
}

/**
 * kd_json_load_resource:
 * @name: a file of data/ compiled into the core's resource ("gvlk.json")
 *
 * Returns: (transfer full) (nullable): its JSON, or %NULL with @error set
 */
JsonNode *
kd_json_load_resource (const char  *name,
                       GError     **error)
{
  g_autofree char *path = g_strconcat ("/io/github/kmsdoctor/KmsDoctor/", name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (kd_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  return json_parser_steal_root (parser);
}
