/* fuzz-redact.c — libFuzzer target for the redactor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as the free text of a report (notes, a capture as given):
 * what the redactor finds in it by its shape, and the masked text masked
 * again (masks are text too); the bytes as a case file's mapping too.  The text comes from the user, and may be anything.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "kd-redactor.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(KdRedactor) redactor = kd_redactor_new ();
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  /* a value of every kind the text may then hold */
  kd_redactor_add (redactor, KD_REDACT_HOST, text);
  kd_redactor_add (redactor, KD_REDACT_PRODUCT_KEY, text);
  kd_redactor_add (redactor, KD_REDACT_CMID, text);
  once = kd_redactor_apply (redactor, text);
  g_assert (once != NULL);
  twice = kd_redactor_apply (redactor, once);
  g_assert (twice != NULL);

  if (json_parser_load_from_data (parser, text, -1, NULL) && json_parser_get_root (parser) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KdRedactor) loaded = kd_redactor_new_from_json (json_parser_get_root (parser), &error);

      g_assert ((loaded == NULL) == (error != NULL));
      if (loaded != NULL)
        {
          g_autofree char *masked = kd_redactor_apply (loaded, "pc01.corp.example 10.0.0.1");

          g_assert (masked != NULL);
        }
    }
  return 0;
}
