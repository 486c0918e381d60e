/* bench-fixtures.c — the capture fixtures as one text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bench-common.h"

GString *
bench_read_utf8_fixtures (const char *separator)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR") : ".",
                                           "fixtures", "captures", NULL);
  g_autoptr(GDir) fixtures = g_dir_open (dir, 0, NULL);
  GString *all = g_string_new (NULL);
  const char *name;

  g_assert (fixtures != NULL);
  while ((name = g_dir_read_name (fixtures)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (path, &contents, &length, NULL) ||
          !g_utf8_validate_len (contents, length, NULL) || memchr (contents, 0, length) != NULL)
        continue;
      g_string_append_len (all, contents, length);
      g_string_append (all, separator);
    }
  return all;
}
