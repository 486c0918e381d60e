/* bench-history.c — what the events and health benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

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
