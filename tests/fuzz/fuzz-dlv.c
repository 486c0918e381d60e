/* fuzz-dlv.c — libFuzzer target for the capture parser and the diagnosis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes: encoding detection, line splitting, label matching, wraps,
 * shapes, dates, the JSON of the contract and every rule; and the same
 * bytes read in two halves from their middle on, which must read the same
 * (kd_capture_parse_in_halves()).
 */

#include "config.h"

#include <stdint.h>

#include "kd-diagnosis.h"
#include "kd-capture-parser-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(KdCapture) doc = kd_capture_parse (data, size, KD_CAPTURE_PARSE_NONE, NULL);
  g_autoptr(KdDiagnosis) diagnosis = kd_diagnosis_new (doc);
  g_autofree char *json = kd_capture_to_json_string (doc);
  g_autoptr(KdCapture) halves = kd_capture_parse_in_halves (data, size, size / 2, NULL, NULL);
  g_autofree char *halves_json = kd_capture_to_json_string (halves);

  g_assert (g_utf8_validate (json, -1, NULL));
  g_assert (g_str_equal (json, halves_json));
  return 0;
}
