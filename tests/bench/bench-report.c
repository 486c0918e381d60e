/* bench-report.c — a report of 10,000 clients as PDF, next to a browser
 * printing the same report's HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the folder bench-health reads (10,000 client captures and the
 * host's 100,000 events 12290), then three times, each in a process of its
 * own: reads it into a health snapshot (not timed), and writes its report
 * as PDF (timed: the tree, the pages laid out twice, the file), and as
 * HTML.  In the same run, headless Chromium prints that HTML to PDF (goal:
 * ours under 0.1x its time).  The memory the PDF takes is the growth of the
 * process's peak while it is written.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bench-history.h"
#include "kd-health-import.h"
#include "kd-report.h"

#define N_CAPTURES 10000
#define N_EVENTS 100000
#define ROUNDS 3

static long
peak_rss (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss * 1024;
}

static KdReport *
report_of (KdHealth *health)
{
  KdReport *report = kd_report_new ();

  kd_report_add_input (report, "clients", NULL);
  kd_report_set_health (report, health);
  return report;
}

/* Run as "bench-report --write DIR PDF HTML": prints the µs the PDF took,
 * its pages' growth of the peak memory in bytes, the µs the HTML took,
 * and the clients */
static int
write_one (const char *dir,
           const char *pdf,
           const char *html)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  GFile *files[] = { folder, NULL };
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autoptr(KdHealthImport) import = kd_health_import_new (health);
  g_autoptr(KdReport) report = NULL;
  g_autoptr(KdReport) html_report = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 t0, pdf_us, html_us;
  long before;

  if (!kd_health_import_run (import, files, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_list_model_get_n_items (kd_health_get_findings (health));
  before = peak_rss ();

  t0 = g_get_monotonic_time ();
  report = report_of (health);
  if (!kd_report_write_pdf (report, pdf, KD_REPORT_PAPER_A4, &error))
    g_error ("%s", error->message);
  pdf_us = g_get_monotonic_time () - t0;

  t0 = g_get_monotonic_time ();
  html_report = report_of (health);
  kd_report_render (html_report, KD_REPORT_FORMAT_HTML, text);
  if (!g_file_set_contents (html, text->str, text->len, &error))
    g_error ("%s", error->message);
  html_us = g_get_monotonic_time () - t0;

  g_print ("%" G_GINT64_FORMAT " %ld %" G_GINT64_FORMAT " %u\n", pdf_us, peak_rss () - before, html_us,
           g_list_model_get_n_items (kd_health_get_clients (health)));
  return 0;
}

static guint
count_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  const char *pages;
  guint n = 0;

  if (bench_run_timed (argv, &out) < 0 || (pages = strstr (out, "Pages:")) == NULL)
    return 0;
  sscanf (pages, "Pages: %u", &n);
  return n;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *html = NULL;
  g_autofree char *browser_pdf = NULL;
  g_autofree char *html_uri = NULL;
  g_autofree char *print_arg = NULL;
  g_autofree char *profile_arg = NULL;
  g_autofree char *browser = g_find_program_in_path ("chromium-headless-shell");
  gint64 ours_us[ROUNDS], theirs_us[ROUNDS];
  guint n_clients = 0;
  long growth = 0, largest_growth = 0;

  if (argc == 5 && g_str_equal (argv[1], "--write"))
    return write_one (argv[2], argv[3], argv[4]);
  if (browser == NULL)
    {
      g_print ("chromium-headless-shell is not installed: nothing to measure against\n");
      return 77;
    }

  dir = g_dir_make_tmp ("kd-bench-report-XXXXXX", NULL);
  bench_write_health_folder (dir, N_CAPTURES, N_EVENTS);
  pdf = g_build_filename (g_get_tmp_dir (), "kd-bench-report.pdf", NULL);
  html = g_build_filename (g_get_tmp_dir (), "kd-bench-report.html", NULL);
  browser_pdf = g_build_filename (g_get_tmp_dir (), "kd-bench-report-chromium.pdf", NULL);
  html_uri = g_filename_to_uri (html, NULL, NULL);
  print_arg = g_strdup_printf ("--print-to-pdf=%s", browser_pdf);
  profile_arg = g_strdup_printf ("--user-data-dir=%s/profile", g_get_tmp_dir ());

  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *self[] = { argv[0], "--write", dir, pdf, html, NULL };
      const char *chromium[] = { browser, "--no-sandbox", "--disable-gpu", "--no-first-run", profile_arg,
                                 "--no-pdf-header-footer", print_arg, html_uri, NULL };
      g_autofree char *out = NULL;
      gint64 pdf_us = 0, html_us = 0, browser_us;

      if (bench_run_timed (self, &out) < 0
          || sscanf (out, "%" G_GINT64_FORMAT " %ld %" G_GINT64_FORMAT " %u", &pdf_us, &growth, &html_us, &n_clients) != 4)
        g_error ("writing the report failed");
      browser_us = bench_run_timed (chromium, NULL);
      if (browser_us < 0)
        g_error ("%s could not print %s", browser, html);
      ours_us[round] = pdf_us;
      theirs_us[round] = browser_us;
      largest_growth = MAX (largest_growth, growth);
      g_print ("  round %u: our PDF %.3f s (%u pages), HTML %.3f s; Chromium printing that HTML %.3f s (%u pages): "
               "%.3fx; memory +%.1f MB\n",
               round + 1, pdf_us / 1e6, count_pages (pdf), html_us / 1e6, browser_us / 1e6, count_pages (browser_pdf),
               (double) pdf_us / browser_us, growth / 1048576.0);
    }
  qsort (ours_us, ROUNDS, sizeof ours_us[0], bench_compare_int64);
  qsort (theirs_us, ROUNDS, sizeof theirs_us[0], bench_compare_int64);
  g_print ("report of %u clients as PDF: median %.3f s; Chromium printing its HTML median %.3f s: %.3fx "
           "(goal: under 0.1x); the PDF's memory at most +%.1f MB\n",
           n_clients, ours_us[ROUNDS / 2] / 1e6, theirs_us[ROUNDS / 2] / 1e6,
           (double) ours_us[ROUNDS / 2] / theirs_us[ROUNDS / 2], largest_growth / 1048576.0);

  g_unlink (pdf);
  g_unlink (html);
  g_unlink (browser_pdf);
  bench_remove_tree (dir);
  return 0;
}
