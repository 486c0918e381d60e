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

static void
write_history (const char *text_path,
               const char *xml_path)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) xml = g_string_new ("<Events>\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (12290);

  for (guint i = 0; i < N_EVENTS; i++)
    {
      guint client = g_rand_int_range (rand, 0, 3000);
      guint minute = i / 3;
      g_autofree char *info = g_strdup_printf ("0x0,25,PC-%04u.corp.example.com,%08x-1111-4222-8333-%012x,2026/11/%02u %u:%02u,"
                                               "%u,1,%u,2de67392-b7a7-462a-b1ca-108dd189f588",
                                               client, client, client, 1 + minute / 1440 % 28, minute / 60 % 24, minute % 60,
                                               client % 2, 259200 - minute % 10080);
      g_autofree char *date = g_strdup_printf ("2026-11-%02uT%02u:%02u:%02u.%07uZ", 1 + minute / 1440 % 28,
                                               minute / 60 % 24, minute % 60, i % 60, i);

      g_string_append_printf (text,
                              "Event[%u]:\n  Log Name: Key Management Service\n  Source: Microsoft-Windows-Security-SPP\n"
                              "  Date: %s\n  Event ID: 12290\n  Task: N/A\n  Level: Information\n  Opcode: N/A\n"
                              "  Keyword: Classic\n  User: N/A\n  User Name: N/A\n  Computer: kms01.corp.example.com\n"
                              "  Description: \nAn activation request has been processed.\nInfo:\n%s\n\n",
                              i, date, info);
      g_string_append_printf (xml,
                              "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                              "<Provider Name='Microsoft-Windows-Security-SPP' Guid='{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}' "
                              "EventSourceName='Software Protection Platform Service'/><EventID Qualifiers='16384'>12290</EventID>"
                              "<Version>0</Version><Level>0</Level><Task>0</Task><Opcode>0</Opcode>"
                              "<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='%s'/><EventRecordID>%u</EventRecordID>"
                              "<Correlation/><Execution ProcessID='0' ThreadID='0'/><Channel>Key Management Service</Channel>"
                              "<Computer>kms01.corp.example.com</Computer><Security/></System><EventData><Data>%s</Data>"
                              "</EventData></Event>\n",
                              date, i + 1, info);
    }
  g_string_append (xml, "</Events>\n");
  g_assert (g_file_set_contents (text_path, text->str, text->len, NULL));
  g_assert (g_file_set_contents (xml_path, xml->str, xml->len, NULL));
}

static gint64
run_timed (const char * const *argv,
           char              **out)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL | (out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0), NULL,
                     NULL, out, NULL, &status, &error))
    return -1;
  return g_spawn_check_wait_status (status, NULL) ? g_get_monotonic_time () - t0 : -1;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
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

      if (run_timed (argv, &out) < 0 || sscanf (out, "%" G_GINT64_FORMAT " %u %ld", &us, &n_events, &peak) != 3)
        g_error ("reading %s failed", path);
      read_us[round] = us;
      ref_us[round] = have_reference ? run_timed (reference, NULL) : -1;
      have_reference = have_reference && ref_us[round] > 0;
      if (have_reference)
        g_print ("  round %u: read %.3f s, %s %.3f s: %.2fx\n", round + 1, us / 1e6, reference[0], ref_us[round] / 1e6,
                 (double) us / ref_us[round]);
      else
        g_print ("  round %u: read %.3f s\n", round + 1, us / 1e6);
    }
  qsort (read_us, ROUNDS, sizeof read_us[0], compare_int64);
  qsort (ref_us, ROUNDS, sizeof ref_us[0], compare_int64);
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
      write_history (text, xml);
      return 0;
    }

  dir = g_dir_make_tmp ("kd-bench-events-XXXXXX", NULL);
  text = g_build_filename (dir, "history.txt", NULL);
  xml = g_build_filename (dir, "history.xml", NULL);
  write_history (text, xml);
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
