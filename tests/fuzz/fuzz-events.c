/* fuzz-events.c — libFuzzer target for the event readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes: encoding detection, the choice of reader, the XML reader and
 * the Info of every event ID, and the JSON of the contract, which must be
 * valid UTF-8; an input either gives a log or says why not.
 */

#include "config.h"

#include <stdint.h>

#include "kd-event-log.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KdEventLog) log = kd_event_log_read (data, size, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  g_assert ((log == NULL) == (error != NULL));
  if (log == NULL)
    return 0;
  kd_event_log_to_json (log, builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  g_assert (g_utf8_validate (json, -1, NULL));
  return 0;
}
