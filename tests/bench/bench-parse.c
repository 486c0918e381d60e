/* bench-parse.c — parser throughput and memory on 100 MB of captures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Concatenates the capture fixtures up to 100 MB and parses them, in five
 * rounds, each next to `wc -l` on the same file (goal: within 10x of it).
 * Every round is printed; the ratio is given for the first round and for
 * the medians, since one run on a shared machine varies by a third.  The
 * peak memory added by parsing is that of the first round (goal: under 5x
 * the input).  A capture this big is read in two halves on a machine with
 * two cores or more; the same input read in one thread is timed after, for
 * reference.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gio/gio.h>

#include <glib/gstdio.h>

#include "bench-common.h"
#include "kd-capture-parser-private.h"

#define TARGET_SIZE (100 * 1024 * 1024)
#define ROUNDS 5

static gsize
current_rss (void)
{
  g_autofree char *statm = NULL;
  gsize pages = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%zu %zu", &pages, &resident);
  return resident * (gsize) sysconf (_SC_PAGESIZE);
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *big = g_build_filename (g_get_tmp_dir (), "kd-bench-captures.txt", NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GString) one_round = NULL;
  gsize baseline, peak = 0;
  gint64 parse_us[ROUNDS], wc_us[ROUNDS], one_thread_us[ROUNDS];
  gboolean in_halves = FALSE;
  double first_ratio;
  guint n_products = 0;

  (void) argc;
  (void) argv;

  one_round = bench_read_utf8_fixtures ("\n\n");
  while (all->len < TARGET_SIZE)
    g_string_append_len (all, one_round->str, one_round->len);
  g_assert (g_file_set_contents (big, all->str, all->len, NULL));

  baseline = current_rss ();
  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(KdCapture) doc = NULL;
      g_autofree char *wc_out = NULL;
      const char *wc_argv[] = { "wc", "-l", big, NULL };
      int wc_status;
      gint64 t0;

      t0 = g_get_monotonic_time ();
      doc = kd_capture_parse_in_halves ((const guint8 *) all->str, all->len, -1, &in_halves, NULL);
      parse_us[round] = g_get_monotonic_time () - t0;
      if (round == 0)
        {
          struct rusage usage;

          getrusage (RUSAGE_SELF, &usage);
          peak = (gsize) usage.ru_maxrss * 1024;
          n_products = g_list_model_get_n_items (kd_capture_get_products (doc));
        }

      /* Descriptors left open let GLib start wc with posix_spawn(): a
       * fork() would mark this process's memory copy-on-write, and the
       * next round would pay a page fault for every page it writes, a
       * cost of the benchmark and not of the parser. */
      t0 = g_get_monotonic_time ();
      g_spawn_sync (NULL, (char **) wc_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_LEAVE_DESCRIPTORS_OPEN, NULL, NULL,
                    &wc_out, NULL, &wc_status, NULL);
      wc_us[round] = MAX (g_get_monotonic_time () - t0, 1);

      g_print ("round %u: parse %.3f s (%.1f MB/s), wc -l %.3f s (%s): %.1fx\n", round + 1, parse_us[round] / 1e6,
               all->len / 1048576.0 / (parse_us[round] / 1e6), wc_us[round] / 1e6, g_strstrip (wc_out),
               (double) parse_us[round] / wc_us[round]);
    }

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(KdCapture) doc = NULL;
      gint64 t0 = g_get_monotonic_time ();

      doc = kd_capture_parse_in_halves ((const guint8 *) all->str, all->len, G_MAXSSIZE, NULL, NULL);
      one_thread_us[round] = g_get_monotonic_time () - t0;
    }

  first_ratio = (double) parse_us[0] / wc_us[0];
  qsort (parse_us, ROUNDS, sizeof parse_us[0], compare_times);
  qsort (wc_us, ROUNDS, sizeof wc_us[0], compare_times);
  qsort (one_thread_us, ROUNDS, sizeof one_thread_us[0], compare_times);
  g_print ("input: %.1f MB, %u products\n", all->len / 1048576.0, n_products);
  g_print ("parse: median %.3f s, %.1f MB/s\n", parse_us[ROUNDS / 2] / 1e6,
           all->len / 1048576.0 / (parse_us[ROUNDS / 2] / 1e6));
  g_print ("read in two halves: %s (%u cores)\n", in_halves ? "yes" : "no", g_get_num_processors ());
  g_print ("wc -l: median %.3f s\n", wc_us[ROUNDS / 2] / 1e6);
  g_print ("ratio parse / wc -l: %.1fx of the medians, %.1fx in the first round (goal: within 10x)\n",
           (double) parse_us[ROUNDS / 2] / wc_us[ROUNDS / 2], first_ratio);
  g_print ("for reference, in one thread: median %.3f s, %.1f MB/s, %.1fx wc -l\n", one_thread_us[ROUNDS / 2] / 1e6,
           all->len / 1048576.0 / (one_thread_us[ROUNDS / 2] / 1e6), (double) one_thread_us[ROUNDS / 2] / wc_us[ROUNDS / 2]);
  g_print ("peak memory added by parsing: %.1f MB = %.2fx the input (goal: under 5x)\n",
           (peak > baseline ? peak - baseline : 0) / 1048576.0,
           (double) (peak > baseline ? peak - baseline : 0) / all->len);

  g_unlink (big);
  return 0;
}
