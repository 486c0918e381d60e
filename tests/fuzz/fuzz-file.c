/* fuzz-file.c — libFuzzer target for files opened by KdFileLoader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as a file on disk, read the way the Analyze view opens one:
 * in a worker, in chunks, then decoded from whatever encoding they seem
 * to be in.  The text must be valid UTF-8, the bytes those of the file,
 * and the progress must end at 1.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib/gstdio.h>

#include "kd-file-loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *path;

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(KdFileLoader) loader = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  if (path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("kd-fuzz-file-XXXXXX", NULL);

      g_assert (dir != NULL);
      path = g_build_filename (dir, "capture.txt", NULL);
    }
  g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));

  g_main_context_push_thread_default (context);
  file = g_file_new_for_path (path);
  loader = kd_file_loader_new (file);
  kd_file_loader_load_async (loader, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_assert (kd_file_loader_load_finish (loader, result, &error));
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);

  bytes = kd_file_loader_get_bytes (loader);
  g_assert (g_bytes_get_size (bytes) == size);
  g_assert (size == 0 || memcmp (g_bytes_get_data (bytes, NULL), data, size) == 0);
  g_assert (g_utf8_validate (kd_file_loader_get_text (loader), -1, NULL));
  g_assert (kd_file_loader_get_fraction (loader) == 1.0);
  return 0;
}
