/* fuzz-codes.c — libFuzzer target for everything that reads a code or a query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes: the code parser, the scanner that finds a code in pasted text,
 * the catalog search (folding, tokenizing, scoring), what a query means
 * (KdLookup) and what a paste holds (KdInput).
 */

#include "config.h"

#include <stdint.h>

#include "kd-error-catalog.h"
#include "kd-hresult.h"
#include "kd-input.h"
#include "kd-lookup.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) results = NULL;
  guint32 value;

  if (kd_hresult_parse (text, &value, NULL))
    {
      g_autoptr(KdErrorCode) entry = kd_error_catalog_resolve (kd_error_catalog_get_default (), value);
      g_autofree char *markdown = kd_error_code_to_markdown (entry);
    }
  kd_hresult_find_in_text ((const char *) data, size, &value);
  results = kd_error_catalog_search (kd_error_catalog_get_default (), text, 5);
  {
    g_autoptr(KdLookup) lookup = kd_lookup_new (kd_error_catalog_get_default (), text);
    g_autoptr(GPtrArray) listed = kd_lookup_get_results (lookup, 5);
    g_autoptr(KdInput) input = kd_input_new_for_text ((const char *) data, size);

    g_assert (kd_lookup_get_kind (lookup) != KD_LOOKUP_NOT_A_CODE || kd_lookup_get_reason (lookup) != NULL);
    g_assert (kd_input_get_kind (input) != KD_INPUT_SEARCH || kd_input_get_search (input) != NULL);
  }

  return 0;
}
