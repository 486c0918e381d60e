/* bench-open.c — opening a 100 MB UTF-16 capture file with KdFileLoader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The capture fixtures, repeated to 100 MB and written as UTF-16LE with a
 * BOM (what `slmgr.vbs /dlv > file` gives on a console), opened five times
 * the way the Analyze view opens a file: KdFileLoader reads it in chunks
 * in a worker and reports its progress on the main context.  Next to each
 * round, for reference, the same work without progress: the whole file
 * read at once and decoded, in the calling thread.  Goals: the loader's
 * median within 1.1x of the reference's (single rounds vary by half on a
 * shared machine; the worst round is printed too), and the main context never kept waiting
 * more than 50 ms while it loads (a timer every 10 ms measures how late
 * it runs).
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bench-common.h"
#include "kd-file-loader.h"
#include "kd-labels.h"
#include "kd-text-decode.h"

#define TARGET_SIZE (100 * 1024 * 1024)
#define ROUNDS 5
#define TICK_MS 10

typedef struct
{
  gint64 last;
  gint64 max_gap;
  guint n_fractions;
  GAsyncResult *result;
} Watch;

static gboolean
tick (gpointer data)
{
  Watch *watch = data;
  gint64 now = g_get_monotonic_time ();

  watch->max_gap = MAX (watch->max_gap, now - watch->last);
  watch->last = now;
  return G_SOURCE_CONTINUE;
}

static void
on_fraction (Watch *watch)
{
  watch->n_fractions++;
}

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ((Watch *) user_data)->result = g_object_ref (result);
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
  g_autofree char *big = g_build_filename (g_get_tmp_dir (), "kd-bench-open.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (big);
  g_autoptr(GString) one_round = NULL;
  g_autoptr(GByteArray) utf16 = g_byte_array_new ();
  gint64 loader_us[ROUNDS], reference_us[ROUNDS], gap_us[ROUNDS];
  gint64 worst_gap = 0;
  double worst_ratio = 0;

  (void) argc;
  (void) argv;

  one_round = bench_read_utf8_fixtures ("\r\n\r\n");
  {
    g_autofree gunichar2 *units = NULL;
    glong n_units;

    units = g_utf8_to_utf16 (one_round->str, (glong) one_round->len, NULL, &n_units, NULL);
    g_assert (units != NULL);
    g_byte_array_append (utf16, (const guint8 *) "\xff\xfe", 2);
    while (utf16->len < TARGET_SIZE)
      g_byte_array_append (utf16, (const guint8 *) units, (guint) (n_units * 2));
  }
  g_assert (g_file_set_contents (big, (const char *) utf16->data, utf16->len, NULL));

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(KdFileLoader) loader = kd_file_loader_new (file);
      g_autoptr(GError) error = NULL;
      Watch watch = { 0 };
      guint timer;
      gint64 t0;

      g_signal_connect_swapped (loader, "notify::fraction", G_CALLBACK (on_fraction), &watch);
      timer = g_timeout_add (TICK_MS, tick, &watch);
      t0 = watch.last = g_get_monotonic_time ();
      kd_file_loader_load_async (loader, NULL, got_result, &watch);
      while (watch.result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert (kd_file_loader_load_finish (loader, watch.result, &error));
      loader_us[round] = g_get_monotonic_time () - t0;
      tick (&watch);
      g_source_remove (timer);
      g_clear_object (&watch.result);
      gap_us[round] = MAX (watch.max_gap - TICK_MS * 1000, 0);
      g_assert (strlen (kd_file_loader_get_text (loader)) > TARGET_SIZE / 2 - 1024 * 1024);

      {
        g_autofree char *contents = NULL;
        g_autofree char *text = NULL;
        const char *encoding;
        gsize length;

        t0 = g_get_monotonic_time ();
        g_assert (g_file_get_contents (big, &contents, &length, NULL));
        text = kd_text_decode ((const guint8 *) contents, length, kd_labels_codepage_for_lcid_default, &encoding, NULL);
        reference_us[round] = g_get_monotonic_time () - t0;
        g_assert (strcmp (text, kd_file_loader_get_text (loader)) == 0);
      }

      worst_gap = MAX (worst_gap, gap_us[round]);
      worst_ratio = MAX (worst_ratio, (double) loader_us[round] / reference_us[round]);
      g_print ("round %u: loader %.3f s (%u progress notifications, main context late by %.1f ms at most), "
               "read and decode at once %.3f s: %.2fx\n",
               round + 1, loader_us[round] / 1e6, watch.n_fractions, gap_us[round] / 1e3,
               reference_us[round] / 1e6, (double) loader_us[round] / reference_us[round]);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  qsort (loader_us, ROUNDS, sizeof loader_us[0], compare_times);
  qsort (reference_us, ROUNDS, sizeof reference_us[0], compare_times);
  g_print ("input: %.1f MB of UTF-16LE\n", utf16->len / 1048576.0);
  g_print ("loader: median %.3f s; read and decode at once: median %.3f s; %.2fx of the medians, "
           "%.2fx in the worst round (goal: medians within 1.1x)\n",
           loader_us[ROUNDS / 2] / 1e6, reference_us[ROUNDS / 2] / 1e6,
           (double) loader_us[ROUNDS / 2] / reference_us[ROUNDS / 2], worst_ratio);
  g_print ("main context late by %.1f ms at most in any round (goal: under 50 ms)\n", worst_gap / 1e3);

  g_unlink (big);
  return 0;
}
