/* fuzz-health.c — libFuzzer target for the files of the KMS Health page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as a file on disk, told apart as the health import tells its
 * files apart (a capture, an export of events, or something else), added
 * to a snapshot whose figures and JSON are made: the kind must be one of
 * the four, a file that gave nothing must say why, and the JSON must be
 * valid UTF-8.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "kd-health-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *path;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(KdHealthItem) item = NULL;
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  if (path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("kd-fuzz-health-XXXXXX", NULL);

      g_assert (dir != NULL);
      path = g_build_filename (dir, "input", NULL);
    }
  g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));

  file = g_file_new_for_path (path);
  item = kd_health_item_read (file, "input", NULL);
  g_assert (item->kind <= KD_HEALTH_INPUT_OTHER);
  g_assert ((item->kind == KD_HEALTH_INPUT_EVENTS) == (item->log != NULL));
  g_assert ((item->kind == KD_HEALTH_INPUT_CAPTURE) == (item->products != NULL));
  g_assert (item->kind == KD_HEALTH_INPUT_EVENTS || item->kind == KD_HEALTH_INPUT_CAPTURE || item->problem != NULL);

  kd_health_add_item (health, item);
  kd_health_to_json (health, builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  g_assert (g_utf8_validate (json, -1, NULL));
  return 0;
}
