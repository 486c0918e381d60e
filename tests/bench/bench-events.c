/* bench-events.c — the event readers on a KMS host's history of 100,000
 * requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes 100,000 events 12290 (made up, in the documented layout) as
 * wevtutil's text and as wevtutil's XML, then reads each in three rounds,
 * each next to the tool the issue names for it on the same file: `wc -l`
 * for the text (goal: within 10x), `xmllint --stream --noout` for the XML
 * (goal: no slower).  For .evtx, which nothing here can write, the
 * largest real one at hand is read next to `evtxexport` when libevtx-utils
 * is installed (goal: within 1.5x).  Each file is read in a process of its
 * own, so that the peak memory of one is not another's (goal: under 2x the
 * file), as kms-doctor-cli reads it: kd_event_log_read_file(), its time
 * counted from before the file is loaded.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bench-history.h"
#include "kd-event-log.h"

#define N_EVENTS 100000
#define ROUNDS 3

/* Run as "bench-events --read FILE": reads FILE once; prints the time in
 * µs, the events read and the peak memory in bytes. */
static int
read_one (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KdEventLog) log = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 t0;

  /* as kms-doctor-cli reads a file: loading it is part of the time */
  t0 = g_get_monotonic_time ();
  log = kd_event_log_read_file (file, g_getenv ("KD_BENCH_SERIAL") ? KD_EVENT_READ_NONE : KD_EVENT_READ_THREADS, NULL, &error);
  if (log == NULL)
    g_error ("%s", error->message);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("%" G_GINT64_FORMAT " %u %ld\n", g_get_monotonic_time () - t0,
           g_list_model_get_n_items (kd_event_log_get_events (log)), usage.ru_maxrss * 1024);
  return 0;
}

/* Reads @path in its own process next to @reference, ROUNDS times */
static void
bench (const char         *self,
       const char         *what,
       const char         *path,
       const char * const *reference,
       const char         *goal)
{
  gint64 read_us[ROUNDS], ref_us[ROUNDS];
  gsize size = 0;
  long peak = 0;
  guint n_events = 0;
  gboolean have_reference = reference != NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (g_file_new_for_path (path), G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

  if (info != NULL)
    size = g_file_info_get_size (info);
  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *argv[] = { self, "--read", path, NULL };
      g_autofree char *out = NULL;
      gint64 us = 0;

      if (bench_run_timed (argv, &out) < 0 || sscanf (out, "%" G_GINT64_FORMAT " %u %ld", &us, &n_events, &peak) != 3)
        g_error ("reading %s failed", path);
      read_us[round] = us;
      ref_us[round] = have_reference ? bench_run_timed (reference, NULL) : -1;
      have_reference = have_reference && ref_us[round] > 0;
      if (have_reference)
        g_print ("  round %u: read %.3f s, %s %.3f s: %.2fx\n", round + 1, us / 1e6, reference[0], ref_us[round] / 1e6,
                 (double) us / ref_us[round]);
      else
        g_print ("  round %u: read %.3f s\n", round + 1, us / 1e6);
    }
  qsort (read_us, ROUNDS, sizeof read_us[0], bench_compare_int64);
  qsort (ref_us, ROUNDS, sizeof ref_us[0], bench_compare_int64);
  g_print ("%s: %.1f MB, %u events; read: median %.3f s (%.1f MB/s)", what, size / 1048576.0, n_events,
           read_us[ROUNDS / 2] / 1e6, size / 1048576.0 / (read_us[ROUNDS / 2] / 1e6));
  if (have_reference)
    g_print (", %s median %.3f s: %.2fx (goal: %s)", reference[0], ref_us[ROUNDS / 2] / 1e6,
             (double) read_us[ROUNDS / 2] / ref_us[ROUNDS / 2], goal);
  else if (reference != NULL)
    g_print (", %s: not installed, no comparison", reference[0]);
  g_print ("\n  peak memory of the reading process: %.1f MB = %.2fx the file (goal: under 2x)\n", peak / 1048576.0,
           size > 0 ? (double) peak / size : 0.0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL, *xml = NULL, *evtx = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--read"))
    return read_one (argv[2]);
  /* "--write DIR" keeps the generated files, for a profiler */
  if (argc == 3 && g_str_equal (argv[1], "--write"))
    {
      text = g_build_filename (argv[2], "history.txt", NULL);
      xml = g_build_filename (argv[2], "history.xml", NULL);
      bench_write_history (text, xml, N_EVENTS);
      return 0;
    }

  dir = g_dir_make_tmp ("kd-bench-events-XXXXXX", NULL);
  text = g_build_filename (dir, "history.txt", NULL);
  xml = g_build_filename (dir, "history.xml", NULL);
  bench_write_history (text, xml, N_EVENTS);
  evtx = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures", "events", "evtx-application-spp-no-crc32.evtx", NULL);

  {
    const char *wc[] = { "wc", "-l", text, NULL };
    const char *xmllint[] = { "xmllint", "--stream", "--noout", xml, NULL };
    const char *evtxexport[] = { "evtxexport", "-f", "xml", evtx, NULL };

    bench (argv[0], "wevtutil text", text, wc, "within 10x");
    bench (argv[0], "wevtutil XML", xml, xmllint, "no slower, 1x");
#if HAVE_LIBEVTX
    bench (argv[0], ".evtx (the largest real one at hand)", evtx, evtxexport, "within 1.5x");
#endif
  }

  g_unlink (text);
  g_unlink (xml);
  g_rmdir (dir);
  return 0;
}
