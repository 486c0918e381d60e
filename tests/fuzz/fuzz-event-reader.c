/* fuzz-event-reader.c — libFuzzer target for one event reader alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once per reader (tests/meson.build: fuzz-events-xml, -text,
 * -formatlist, -csv, -json, -evtx), so that each is driven by inputs the
 * others would have taken first in fuzz-events.  Any bytes, decoded as the
 * log decodes them (or as a binary log), through the reader, every
 * record's Info read and its JSON made, which must be valid UTF-8.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "kd-event-readers.h"
#include "kd-labels.h"
#include "kd-text-decode.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  KdEventRead read;

  kd_event_read_init (&read);
#if KD_FUZZ_EVTX
  {
    g_autoptr(GError) error = NULL;

    if (!kd_event_read_evtx (data, size, &read, &error))
      g_assert (error != NULL);
  }
#else
  {
    const char *encoding = NULL;
    g_autofree char *owned = NULL;
    gsize length;
    /* as the log reads it: UTF-8 where it is, without a NUL after it */
    const char *text = kd_text_decode_borrow (data, size, &length, &owned, kd_labels_codepage_for_lcid_default,
                                              &encoding, NULL);

    KD_FUZZ_READER (text, length, &read);
  }
#endif
  for (guint i = 0; i < read.records->len; i++)
    {
      KdKmsEvent *event = g_ptr_array_index (read.records, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

      kd_kms_event_finish (event);
      kd_kms_event_to_json (event, builder);
      root = json_builder_get_root (builder);
      json = json_to_string (root, FALSE);
      g_assert (g_utf8_validate (json, -1, NULL));
    }
  for (guint i = 0; i < read.notes->len; i++)
    g_assert (g_utf8_validate (g_ptr_array_index (read.notes, i), -1, NULL));
  kd_event_read_clear (&read);
  return 0;
}
