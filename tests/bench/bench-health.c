/* bench-health.c — a KMS deployment's health from 10,000 client captures
 * and a host's history of 100,000 requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a folder of 10,000 client captures (slmgr.vbs /dlv, made up in
 * the documented layout) and the host's 100,000 events 12290 as wevtutil's
 * text, then reads it into a health snapshot (KdHealthImport, every
 * processor, then the count, the clients and the findings, as the page
 * shows them; not written as JSON) three times,
 * each in a process of its own, next to what a shell does to the same
 * folder in the same run: grep -c CMID -r over it and wc -l over the
 * history (goal: within 3x).  The peak memory of the reading process is
 * set against the bytes it read (goal: under 2x).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <gio/gio.h>

#include "bench-history.h"
#include "kd-health-import.h"

#define N_CAPTURES 10000
#define N_EVENTS 100000
#define ROUNDS 3

/* Run as "bench-health --read DIR": imports DIR; prints the time in µs,
 * the clients and the peak memory in bytes */
static int
read_one (const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  GFile *files[] = { folder, NULL };
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autoptr(KdHealthImport) import = kd_health_import_new (health);
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 t0 = g_get_monotonic_time ();
  guint n_clients;

  if (!kd_health_import_run (import, files, NULL, NULL, &error))
    g_error ("%s", error->message);
  if (g_getenv ("KD_BENCH_DEBUG") != NULL)
    g_printerr ("import %.3f s\n", (g_get_monotonic_time () - t0) / 1e6);
  /* the snapshot made, as the page shows it: figures, clients, findings
   * (not written as JSON, which only the command line does) */
  g_list_model_get_n_items (kd_health_get_findings (health));
  n_clients = g_list_model_get_n_items (kd_health_get_clients (health));
  getrusage (RUSAGE_SELF, &usage);
  g_print ("%" G_GINT64_FORMAT " %u %ld\n", g_get_monotonic_time () - t0, n_clients, usage.ru_maxrss * 1024);
  return 0;
}

/* The bytes below @path */
static guint64
size_of (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  guint64 size = 0;

  if (info == NULL)
    return 0;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    return g_file_info_get_size (info);
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL,
                                        NULL);
  for (;;)
    {
      GFileInfo *child = NULL;
      g_autofree char *child_path = NULL;

      if (!g_file_enumerator_iterate (children, &child, NULL, NULL, NULL) || child == NULL)
        break;
      child_path = g_build_filename (path, g_file_info_get_name (child), NULL);
      size += size_of (child_path);
    }
  return size;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *history = NULL;
  gint64 read_us[ROUNDS], ref_us[ROUNDS];
  guint n_clients = 0;
  long peak = 0;
  guint64 size;

  if (argc == 3 && g_str_equal (argv[1], "--read"))
    return read_one (argv[2]);
  /* "--write DIR" keeps the folder, for a profiler */
  if (argc == 3 && g_str_equal (argv[1], "--write"))
    {
      bench_write_health_folder (argv[2], N_CAPTURES, N_EVENTS);
      return 0;
    }

  dir = g_dir_make_tmp ("kd-bench-health-XXXXXX", NULL);
  bench_write_health_folder (dir, N_CAPTURES, N_EVENTS);
  history = g_build_filename (dir, "kms01-history.txt", NULL);
  size = size_of (dir);

  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *self[] = { argv[0], "--read", dir, NULL };
      const char *grep[] = { "grep", "-c", "CMID", "-r", dir, NULL };
      const char *wc[] = { "wc", "-l", history, NULL };
      g_autofree char *out = NULL;
      gint64 us = 0, grep_us, wc_us;

      if (bench_run_timed (self, &out) < 0 || sscanf (out, "%" G_GINT64_FORMAT " %u %ld", &us, &n_clients, &peak) != 3)
        g_error ("reading %s failed", dir);
      grep_us = bench_run_timed (grep, NULL);
      wc_us = bench_run_timed (wc, NULL);
      read_us[round] = us;
      ref_us[round] = grep_us + wc_us;
      g_print ("  round %u: import to snapshot %.3f s, grep -c -r %.3f s + wc -l %.3f s: %.2fx; peak %.1f MB\n",
               round + 1, us / 1e6, grep_us / 1e6, wc_us / 1e6, (double) us / ref_us[round], peak / 1048576.0);
    }
  qsort (read_us, ROUNDS, sizeof read_us[0], bench_compare_int64);
  qsort (ref_us, ROUNDS, sizeof ref_us[0], bench_compare_int64);
  g_print ("%u captures and %u events (%.1f MB), %u clients: import to snapshot median %.3f s, "
           "grep + wc median %.3f s: %.2fx (goal: within 3x)\n",
           N_CAPTURES, N_EVENTS, size / 1048576.0, n_clients, read_us[ROUNDS / 2] / 1e6, ref_us[ROUNDS / 2] / 1e6,
           (double) read_us[ROUNDS / 2] / ref_us[ROUNDS / 2]);
  g_print ("  peak memory of the reading process: %.1f MB = %.2fx the bytes read (goal: under 2x)\n", peak / 1048576.0,
           (double) peak / size);

  bench_remove_tree (dir);
  return 0;
}
