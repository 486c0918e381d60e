/* bench-history.c — what the events and health benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bench-history.h"

/**
 * bench_write_history:
 *
 * Writes @n events 12290 of a host with 3,000 clients (made up, in the
 * documented layout), three a minute from 2026-11-01, as wevtutil's text
 * and as wevtutil's XML.
 */
void
bench_write_history (const char *text_path,
                     const char *xml_path,
                     guint       n)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) xml = g_string_new ("<Events>\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (12290);

  for (guint i = 0; i < n; i++)
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

/* Runs @argv, its output in @out or thrown away; returns its time in µs,
 * or -1 when it failed */
gint64
bench_run_timed (const char * const  *argv,
                 char               **out)
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

int
bench_compare_int64 (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * bench_write_health_folder:
 *
 * Writes into @dir a folder "clients" of @n_captures client captures
 * (slmgr.vbs /dlv, made up in the documented layout; the first 3,000 are
 * the history's clients) and the host's history of @n_events requests as
 * wevtutil's text, kms01-history.txt.
 */
void
bench_write_health_folder (const char *dir,
                           guint       n_captures,
                           guint       n_events)
{
  g_autofree char *clients = g_build_filename (dir, "clients", NULL);
  g_autofree char *history = g_build_filename (dir, "kms01-history.txt", NULL);
  g_autofree char *history_xml = g_build_filename (dir, "unused.xml", NULL);

  g_mkdir_with_parents (clients, 0755);
  bench_write_history (history, history_xml, n_events);
  g_unlink (history_xml);
  for (guint i = 0; i < n_captures; i++)
    {
      g_autofree char *name = g_strdup_printf ("pc-%05u-dlv.txt", i);
      g_autofree char *path = g_build_filename (clients, name, NULL);
      /* the first 3,000 are the history's clients */
      g_autofree char *text =
        g_strdup_printf ("Name: Windows(R), Enterprise edition\n"
                         "Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n"
                         "Activation ID: 73111121-5638-40f6-bc11-f1d7b0d64300\n"
                         "Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f\n"
                         "Extended PID: 03612-03310-000-000000-03-1033-19045.0000-3312026\n"
                         "Product Key Channel: Volume:GVLK\n"
                         "Installation ID: 0\n"
                         "Partial Product Key: 2YT43\n"
                         "License Status: Licensed\n"
                         "Volume activation expiration: 259180 minute(s) (180 day(s))\n"
                         "Remaining Windows rearm count: 1001\n"
                         "Trusted time: 11/30/2026 8:00:00 AM\n\n"
                         "Client Machine ID (CMID): %08x-1111-4222-8333-%012x\n"
                         "Registered KMS machine name: kms01.corp.example.com:1688\n"
                         "KMS machine IP address: 192.0.2.10\n"
                         "KMS machine extended PID: 06401-00206-271-000000-03-1033-17763.0000-2152026\n"
                         "Activation interval: 120 minutes\n"
                         "Renewal interval: 10080 minutes\n"
                         "KMS host caching is enabled\n",
                         i, i);

      g_assert (g_file_set_contents (path, text, -1, NULL));
    }
}

/* Removes @path and everything below it */
gboolean
bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        bench_remove_tree (child);
      else
        g_unlink (child);
    }
  return g_rmdir (path) == 0;
}

