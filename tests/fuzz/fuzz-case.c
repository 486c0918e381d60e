/* fuzz-case.c — libFuzzer target for case files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as a case file: the checks a file goes through before anything
 * of it is loaded (UTF-8, JSON, the format version, the type of every
 * member).  A case file comes from the disk, and may be anything.
 */

#include "config.h"

#include <stdint.h>

#include "kd-case.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;

  if (!kd_case_check_data ((const char *) data, size, &error))
    g_assert (error != NULL && error->domain == KD_CASE_ERROR);
  return 0;
}
