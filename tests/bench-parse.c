/* bench-parse.c — parser throughput and memory on 100 MB of captures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Concatenates the capture fixtures up to 100 MB, parses them once, and
 * reports MB/s next to `wc -l` on the same file in the same run (goal: within
 * 10x of it) and the peak memory added by parsing (goal: under 5x the input).
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gio/gio.h>

#include <glib/gstdio.h>

#include "kd-dlv-parser.h"

#define TARGET_SIZE (100 * 1024 * 1024)

static gsize
current_rss (void)
{
  g_autofree char *statm = NULL;
  gsize pages = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%zu %zu", &pages, &resident);
  return resident * (gsize) sysconf (_SC_PAGESIZE);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR") : ".",
                                           "fixtures", "captures", NULL);
  g_autofree char *big = g_build_filename (g_get_tmp_dir (), "kd-bench-captures.txt", NULL);
  g_autoptr(GDir) fixtures = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GString) one_round = g_string_new (NULL);
  g_autoptr(KdDlvDocument) doc = NULL;
  g_autofree char *wc_out = NULL;
  const char *file;
  struct rusage usage;
  gsize baseline, peak;
  gint64 t0, parse_us, wc_us;
  int wc_status;

  (void) argc;
  (void) argv;

  /* Only the UTF-8 fixtures: a real 100 MB file has one encoding. */
  fixtures = g_dir_open (dir, 0, NULL);
  g_assert (fixtures != NULL);
  while ((file = g_dir_read_name (fixtures)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_str_has_suffix (file, ".txt") || !g_file_get_contents (path, &contents, &length, NULL) ||
          !g_utf8_validate_len (contents, length, NULL) || memchr (contents, 0, length) != NULL)
        continue;
      g_string_append_len (one_round, contents, length);
      g_string_append (one_round, "\n\n");
    }
  while (all->len < TARGET_SIZE)
    g_string_append_len (all, one_round->str, one_round->len);
  g_assert (g_file_set_contents (big, all->str, all->len, NULL));

  baseline = current_rss ();
  t0 = g_get_monotonic_time ();
  doc = kd_dlv_parse ((const guint8 *) all->str, all->len, NULL);
  parse_us = g_get_monotonic_time () - t0;
  getrusage (RUSAGE_SELF, &usage);
  peak = (gsize) usage.ru_maxrss * 1024;

  t0 = g_get_monotonic_time ();
  {
    const char *wc_argv[] = { "wc", "-l", big, NULL };
    g_spawn_sync (NULL, (char **) wc_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &wc_out, NULL, &wc_status, NULL);
  }
  wc_us = g_get_monotonic_time () - t0;

  g_print ("input: %.1f MB, %u products\n", all->len / 1048576.0,
           g_list_model_get_n_items (kd_dlv_document_get_products (doc)));
  g_print ("parse: %.2f s, %.1f MB/s\n", parse_us / 1e6, all->len / 1048576.0 / (parse_us / 1e6));
  g_print ("wc -l: %.3f s (%s)\n", wc_us / 1e6, g_strstrip (wc_out));
  g_print ("ratio parse / wc -l: %.1fx (goal: within 10x)\n", (double) parse_us / MAX (wc_us, 1));
  g_print ("peak memory added by parsing: %.1f MB = %.2fx the input (goal: under 5x)\n",
           (peak > baseline ? peak - baseline : 0) / 1048576.0,
           (double) (peak > baseline ? peak - baseline : 0) / all->len);

  g_unlink (big);
  return 0;
}
