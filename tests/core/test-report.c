/* test-report.c — the report of a case, in each format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "kd-enum-types.h"
#include "kd-health.h"
#include "kd-labels.h"
#include "kd-text-decode.h"
#include "kd-report.h"

static char *
read_fixture (const char *dir,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", dir, name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* A capture, the basic health scenario, codes and notes: every section
 * in its order, in each format */
static KdReport *
full_report (void)
{
  KdReport *report = kd_report_new ();
  g_autofree char *capture = read_fixture ("diff", "before.txt");
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fixtures", "health", "basic", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (capture, strlen (capture));
  g_autoptr(GDateTime) made = g_date_time_new_utc (2026, 12, 6, 9, 30, 0);

  kd_health_add_path (health, file, "basic", NULL);
  kd_report_add_input (report, "before.txt", bytes);
  kd_report_add_input (report, "basic", NULL);
  kd_report_add_capture (report, "before.txt", capture);
  kd_report_set_health (report, health);
  kd_report_set_codes (report, (const char *[]) { "0xC004F074", NULL });
  /* hostile: markup, a table's bar, a fence */
  kd_report_set_notes (report, "Ticket <b>4711</b> | call ``` Milan *now*");
  kd_report_set_made (report, made);
  return report;
}

static void
test_text (void)
{
  g_autoptr(KdReport) report = full_report ();
  g_autoptr(GString) out = g_string_new (NULL);
  const char *order[] = { "KMS Doctor Report", "Made 2026-12-06 09:30 UTC", "SHA-256 ", "Verdict", "What Was Checked",
                          "Findings", "KMS Health", "Clients", "Capture: before.txt", "Codes Looked Up",
                          "0xC004F074 — ", "Notes", "Appendix", "Client Machine ID (CMID): 3f1c8e2a" };
  const char *at = NULL;

  kd_report_render (report, KD_REPORT_FORMAT_TEXT, out);
  at = out->str;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *found = strstr (at, order[i]);

      if (found == NULL)
        g_error ("“%s” not found after the previous part in:\n%s", order[i], out->str);
      at = found;
    }
  g_assert_cmpint (kd_report_get_verdict (report), ==, KD_VERDICT_WARNING);
  /* the checks: what was given, and what not */
  g_assert_nonnull (strstr (out->str, "Checked: 1 capture"));
  g_assert_nonnull (strstr (out->str, "Not checked: no probe in this report"));
}

static void
test_markdown (void)
{
  g_autoptr(KdReport) report = full_report ();
  g_autoptr(GString) out = g_string_new (NULL);

  kd_report_render (report, KD_REPORT_FORMAT_MARKDOWN, out);
  g_assert_true (g_str_has_prefix (out->str, "# KMS Doctor Report\n"));
  /* the notes as text: no markup, no cell broken by a bar */
  g_assert_nonnull (strstr (out->str, "Ticket \\<b\\>4711\\</b\\> \\| call \\`\\`\\` Milan \\*now\\*"));
  g_assert_null (strstr (out->str, "<b>"));
  /* every table row has as many cells as its header */
  {
    g_auto(GStrv) lines = g_strsplit (out->str, "\n", -1);
    int cells = -1;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        int n = 0;

        if (lines[i][0] != '|')
          {
            cells = -1;
            continue;
          }
        for (const char *c = lines[i]; *c != '\0'; c++)
          n += *c == '|' && (c == lines[i] || c[-1] != '\\');
        if (cells < 0)
          cells = n;
        else if (n != cells)
          g_error ("a row of %d bars under a header of %d: %s", n, cells, lines[i]);
      }
  }
  /* the capture whole in a fence that nothing in it closes */
  g_assert_nonnull (strstr (out->str, "```\nName: Windows(R), Enterprise edition"));
}

static void
test_json (void)
{
  g_autoptr(KdReport) report = full_report ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *sections;
  const char *ids[] = { "summary", "checks", "findings", "health", "clients", "capture-1", "codes", "notes", "appendix" };

  kd_report_render (report, KD_REPORT_FORMAT_JSON, out);
  json_parser_load_from_data (parser, out->str, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "format_version"), ==, KD_REPORT_FORMAT_VERSION);
  g_assert_cmpstr (json_object_get_string_member (root, "made"), ==, "2026-12-06T09:30:00Z");
  g_assert_false (json_object_get_boolean_member (root, "redacted"));
  g_assert_cmpstr (json_object_get_string_member (root, "verdict"), ==, "warning");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "inputs")), ==, 2);
  sections = json_object_get_array_member (root, "sections");
  g_assert_cmpuint (json_array_get_length (sections), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sections, i), "id"), ==, ids[i]);
}

/* The CSV is the client table; without a health, its titles alone */
static void
test_csv (void)
{
  g_autoptr(KdReport) report = full_report ();
  g_autoptr(KdReport) empty = kd_report_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) none = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  kd_report_render (report, KD_REPORT_FORMAT_CSV, out);
  lines = g_strsplit (out->str, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "Name,"));
  g_assert_cmpuint (g_strv_length (lines), >, 30);
  kd_report_render (empty, KD_REPORT_FORMAT_CSV, none);
  g_assert_true (g_str_has_prefix (none->str, "Name,"));
  g_assert_true (g_str_has_suffix (none->str, "All names\r\n"));
}

static char *
run_tool (const char *tool,
          const char *arg1,
          const char *arg2)
{
  const char *argv[] = { tool, arg1, arg2, "-", NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  return out;
}

/* The PDF read back with poppler: its metadata, "Page N of M" on every
 * page, the client table's titles again on the page its rows go on to,
 * and a page to look at */
static void
test_pdf (void)
{
  g_autoptr(KdReport) report = full_report ();
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "report.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages, with_titles = 0;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  g_assert_true (kd_report_write_pdf (report, path, KD_REPORT_PAPER_A4, &error));
  g_assert_no_error (error);
  info = run_tool ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "Title:           KMS Doctor Report"));
  g_assert_nonnull (strstr (info, "Author:          KMS Doctor"));
  g_assert_nonnull (strstr (info, "(A4)"));
  text = run_tool ("pdftotext", "-layout", path);
  pages = g_strsplit (text, "\f", -1);
  n_pages = g_strv_length (pages) - 1;
  g_assert_cmpuint (n_pages, >=, 3);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_nonnull (strstr (pages[i], footer));
      with_titles += strstr (pages[i], "Machine ID") != NULL && strstr (pages[i], "Last result") != NULL;
    }
  /* 37 clients are more than a page */
  g_assert_cmpuint (with_titles, >=, 2);
  g_assert_nonnull (strstr (text, "Ticket <b>4711</b> | call ``` Milan *now*"));

  /* a file that cannot be written: said, and nothing left behind */
  g_assert_false (kd_report_write_pdf (report, "/etc/passwd/report.pdf", KD_REPORT_PAPER_LETTER, &error));
  /* the system's reason, not cairo's "error while writing" */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
}

/* Values planted in a capture, in the host's history and in the notes, in
 * upper and lower case: none is left in any format, the PDF read back;
 * the public ones are all there */
static void
test_redacted (void)
{
  const char *planted[] = {
    "5f3c9a1b", "7d2e-4c8a-9b6f", "0e1d2c3b4a59", "kmsprod07", "contoso-corp", "10.20.30.40", "741852", "456789",
    "0741852963", "7h3qw", "jane.doe", "jdoe", "fd12:3456", "192.168.7.9",
    /* the basic scenario's */
    "corp.example", "kms01", "clone-a", "clone-b", "lab01", "pc00", "srv00", "000000000001", "250000000",
    "3f1c8e2a", "kms-old",
  };
  const char *public[] = {
    "2ffd8952-7d47-4e8e-9b7b-0c1e5c1d4a33", "55c92734-d682-4d71-983e-d6ec3f16059f", "10.0.19041.1", "0xC004F074",
    "activation-v2.sls.microsoft.com", "2YT43", "73111121-5638-40f6-bc11-f1d7b0d64300",
  };
  const KdReportFormat formats[] = {
    KD_REPORT_FORMAT_TEXT, KD_REPORT_FORMAT_MARKDOWN, KD_REPORT_FORMAT_JSON, KD_REPORT_FORMAT_CSV,
    KD_REPORT_FORMAT_PDF,
  };
  g_autofree char *capture = read_fixture ("redact", "planted-dlv.txt");
  g_autofree char *before = read_fixture ("diff", "before.txt");
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fixtures", "health", "basic", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autoptr(KdRedactor) redactor = kd_redactor_new ();
  g_autoptr(KdReport) report = kd_report_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (capture, strlen (capture));
  g_autofree char *cmid_mask = NULL;

  kd_health_add_path (health, file, "basic", NULL);
  kd_report_add_input (report, "/home/jdoe/tickets/kmsprod07-planted-dlv.txt", bytes);
  kd_report_add_capture (report, "/home/jdoe/tickets/kmsprod07-planted-dlv.txt", capture);
  kd_report_add_capture (report, "before.txt", before);
  kd_report_set_health (report, health);
  kd_report_set_codes (report, (const char *[]) { "0xC004F074", NULL });
  kd_report_set_notes (report, "Called jane.doe@contoso-corp.example (CONTOSO\\jdoe): kmsprod07 at 10.20.30.40 "
                               "and fd12:3456:789a:1::40, cmid 5f3c9a1b-7d2e-4c8a-9b6f-0e1d2c3b4a59, key 7h3qw; "
                               "LAB01 and Clone-A too, gateway 192.168.7.9.");
  kd_report_set_redactor (report, redactor);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *text = NULL;
      g_autofree char *lower = NULL;

      if (formats[f] == KD_REPORT_FORMAT_PDF)
        {
          g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "redacted.pdf", NULL);
          g_autoptr(GError) error = NULL;

          if (pdftotext == NULL)
            {
              g_test_message ("poppler-utils is not installed: the PDF is not read back");
              continue;
            }
          g_assert_true (kd_report_write_pdf (report, path, KD_REPORT_PAPER_A4, &error));
          g_assert_no_error (error);
          text = run_tool ("pdftotext", "-raw", path);
        }
      else
        {
          g_autoptr(GString) out = g_string_new (NULL);

          kd_report_render (report, formats[f], out);
          text = g_string_free (g_steal_pointer (&out), FALSE);
        }
      lower = g_ascii_strdown (text, -1);
      for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
        if (strstr (lower, planted[i]) != NULL)
          g_error ("“%s” is left in the %s report", planted[i], kd_enum_get_nick (KD_TYPE_REPORT_FORMAT, formats[f]));
      /* the client table has no capture's values, nor codes */
      for (guint i = 0; formats[f] != KD_REPORT_FORMAT_CSV && i < G_N_ELEMENTS (public); i++)
        if (strstr (text, public[i]) == NULL)
          g_error ("“%s” is missing from the %s report", public[i],
                   kd_enum_get_nick (KD_TYPE_REPORT_FORMAT, formats[f]));
      /* one mask for one value, in every format */
      if (cmid_mask == NULL)
        cmid_mask = g_strdup (kd_redactor_lookup (redactor, "5F3C9A1B-7D2E-4C8A-9B6F-0E1D2C3B4A59"));
      if (formats[f] != KD_REPORT_FORMAT_CSV)
        g_assert_nonnull (strstr (text, cmid_mask));
      g_assert_nonnull (strstr (text, kd_redactor_lookup (redactor, "clone-a")));
    }
  g_assert_cmpuint (kd_redactor_get_n_masked (redactor, KD_REDACT_EMAIL), ==, 1);
  g_assert_cmpuint (kd_redactor_get_n_masked (redactor, KD_REDACT_USER), ==, 1);
  g_assert_cmpuint (kd_redactor_get_n_masked (redactor, KD_REDACT_PRODUCT_KEY), ==, 1);
  g_assert_cmpuint (kd_redactor_get_n_masked (redactor, KD_REDACT_IP_ADDRESS), ==, 3);
}

/* The HTML: one file, no script, its style allowed by its hash alone,
 * hostile values inert, the charts as images with their words */
static void
test_html (void)
{
  g_autoptr(KdReport) report = full_report ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *lower = NULL;
  g_autofree char *csp = NULL;
  g_autofree char *hash = NULL;
  const char *style, *style_end, *at;
  guint8 digest[32];
  gsize length = sizeof digest;
  guint images = 0;

  kd_report_add_capture (report, "<b>x</b>\".txt", "Name: </style><script>alert(1)</script>\n");
  kd_report_set_notes (report, "</style><script>alert(1)</script> \"quoted\" 'single' & <img src=x onerror=alert(2)>");
  kd_report_render (report, KD_REPORT_FORMAT_HTML, out);
  lower = g_ascii_strdown (out->str, -1);

  g_assert_true (g_str_has_prefix (out->str, "<!DOCTYPE html>\n<html lang=\"en\">"));
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<img src=x"));
  g_assert_null (strstr (out->str, "<b>x"));
  g_assert_nonnull (strstr (out->str, "&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &apos;single&apos; &amp; "));
  /* one style, the one the policy names by its hash */
  style = strstr (out->str, "<style>");
  g_assert_nonnull (style);
  style += strlen ("<style>");
  style_end = strstr (style, "</style>");
  g_assert_nonnull (style_end);
  g_assert_null (strstr (style_end + 1, "<style"));
  g_assert_null (strstr (style_end + 1, "</style>"));
  g_checksum_update (checksum, (const guchar *) style, style_end - style);
  g_checksum_get_digest (checksum, digest, &length);
  hash = g_base64_encode (digest, length);
  csp = g_strdup_printf ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                         "style-src 'sha256-%s'; img-src data:; base-uri 'none'; form-action 'none'\">", hash);
  g_assert_nonnull (strstr (out->str, csp));
  /* three charts, SVG, each with its words */
  for (at = out->str; (at = strstr (at, "<img ")) != NULL; at++)
    {
      const char *src = strstr (at, "src=\"data:image/svg+xml;base64,");
      const char *alt = strstr (at, "alt=\"");
      g_autofree char *base64 = NULL;
      g_autofree guchar *svg = NULL;
      gsize svg_length;

      g_assert_nonnull (src);
      g_assert_nonnull (alt);
      src += strlen ("src=\"data:image/svg+xml;base64,");
      base64 = g_strndup (src, strcspn (src, "\""));
      svg = g_base64_decode (base64, &svg_length);
      g_assert_nonnull (g_strstr_len ((const char *) svg, svg_length, "<svg"));
      g_assert_cmpint (alt[5], !=, '"');
      images++;
    }
  g_assert_cmpuint (images, ==, 3);
  g_assert_nonnull (strstr (out->str, "<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Machine ID (CMID)</th>"));
  g_assert_true (g_str_has_suffix (out->str, "</html>\n"));
}

/* The HTML in a real browser: the DOM it builds has no script and the
 * hostile values as text, the policy refuses nothing of ours, and a
 * screenshot and a printed PDF to look at */
static void
test_html_browser (void)
{
  g_autoptr(KdReport) report = full_report ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *browser = g_find_program_in_path ("chromium-headless-shell");
  g_autofree char *dir = NULL;
  g_autofree char *html = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *png = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *screenshot_arg = NULL;
  g_autofree char *pdf_arg = NULL;
  g_autofree char *profile_arg = NULL;
  g_autofree char *dom = NULL;
  g_autofree char *log = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (browser == NULL)
    {
      g_test_skip ("chromium-headless-shell is not installed");
      return;
    }
  kd_report_set_notes (report, "</style><script>document.title='owned'</script><img src=x onerror=alert(2)>");
  kd_report_render (report, KD_REPORT_FORMAT_HTML, out);
  dir = g_dir_make_tmp ("kd-report-html-XXXXXX", &error);
  g_assert_no_error (error);
  html = g_build_filename (dir, "report.html", NULL);
  png = g_test_build_filename (G_TEST_BUILT, "report-html.png", NULL);
  pdf = g_build_filename (dir, "report.pdf", NULL);
  profile = g_build_filename (dir, "profile", NULL);
  g_assert_true (g_file_set_contents (html, out->str, out->len, NULL));
  uri = g_filename_to_uri (html, NULL, NULL);
  profile_arg = g_strdup_printf ("--user-data-dir=%s", profile);
  screenshot_arg = g_strdup_printf ("--screenshot=%s", png);
  pdf_arg = g_strdup_printf ("--print-to-pdf=%s", pdf);

  {
    g_autoptr(GSubprocess) proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                                    &error, browser, "--no-sandbox", "--disable-gpu",
                                                    "--no-first-run", profile_arg, "--enable-logging=stderr",
                                                    "--v=0", "--dump-dom", uri, NULL);

    g_assert_no_error (error);
    g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &dom, &log, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (dom, "<title>KMS Doctor Report</title>"));
  g_assert_null (strstr (dom, "<title>owned"));
  g_assert_null (strstr (dom, "<script"));
  g_assert_nonnull (strstr (dom, "&lt;script&gt;"));
  g_assert_null (strstr (log, "Content Security Policy"));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GSubprocess) proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                                      &error, browser, "--no-sandbox", "--disable-gpu",
                                                      "--no-first-run", profile_arg, "--window-size=1000,2600",
                                                      i == 0 ? screenshot_arg : pdf_arg, uri, NULL);

      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait (proc, NULL, &error));
      g_assert_true (g_subprocess_get_successful (proc));
    }
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  text = run_tool ("pdftotext", "-layout", pdf);
  g_assert_nonnull (strstr (text, "KMS Doctor Report"));
  g_assert_nonnull (strstr (text, "Client Machine ID (CMID): 3f1c8e2a"));
  g_test_message ("screenshot: %s", png);
  g_unlink (html);
  g_unlink (pdf);
}

/* Every capture fixture and every hostile input, each alone, in every
 * format and redacted: written, whole, and the HTML inert */
static void
test_every_fixture (void)
{
  const char *dirs[] = { "captures", "hostile" };
  const KdReportFormat formats[] = {
    KD_REPORT_FORMAT_TEXT, KD_REPORT_FORMAT_MARKDOWN, KD_REPORT_FORMAT_JSON, KD_REPORT_FORMAT_CSV,
    KD_REPORT_FORMAT_HTML,
  };
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "every-fixture.pdf", NULL);
  guint n = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fixtures", dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autofree char *contents = NULL;
          g_autofree char *text = NULL;
          gsize length;

          if (g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".md"))
            continue;
          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          {
            const char *encoding;
            KdDecodeFlags flags;

            text = kd_text_decode ((const guint8 *) contents, length, kd_labels_codepage_for_lcid_default, &encoding,
                                   &flags);
          }
          for (guint redacted = 0; redacted < 2; redacted++)
            {
              g_autoptr(KdReport) report = kd_report_new ();
              g_autoptr(KdRedactor) redactor = kd_redactor_new ();
              g_autoptr(GBytes) bytes = g_bytes_new (contents, length);
              g_autoptr(GError) error = NULL;

              kd_report_add_input (report, name, bytes);
              kd_report_add_capture (report, name, text != NULL ? text : "");
              if (redacted)
                kd_report_set_redactor (report, redactor);
              for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
                {
                  g_autoptr(GString) out = g_string_new (NULL);

                  kd_report_render (report, formats[f], out);
                  g_assert_cmpuint (out->len, >, 0);
                  g_assert_true (g_utf8_validate (out->str, out->len, NULL));
                  if (formats[f] == KD_REPORT_FORMAT_HTML)
                    {
                      g_autofree char *lower = g_ascii_strdown (out->str, -1);

                      g_assert_null (strstr (lower, "<script"));
                      g_assert_true (g_str_has_suffix (out->str, "</html>\n"));
                    }
                  if (formats[f] == KD_REPORT_FORMAT_JSON)
                    {
                      g_autoptr(JsonParser) parser = json_parser_new ();

                      g_assert_true (json_parser_load_from_data (parser, out->str, out->len, NULL));
                      g_assert_true (json_object_get_boolean_member (json_node_get_object (json_parser_get_root (parser)),
                                                                     "redacted") == (redacted != 0));
                    }
                }
              g_assert_true (kd_report_write_pdf (report, pdf, KD_REPORT_PAPER_A4, &error));
              g_assert_no_error (error);
            }
          n++;
        }
    }
  g_assert_cmpuint (n, >, 60);
  g_unlink (pdf);
}

/* Two captures, before and after: what changed between them, product
 * by product; one capture alone has no comparison */
static void
test_comparison (void)
{
  g_autofree char *before = read_fixture ("diff", "before.txt");
  g_autofree char *after = read_fixture ("diff", "after.txt");
  g_autoptr(KdReport) two = kd_report_new ();
  g_autoptr(KdReport) one = kd_report_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) alone = g_string_new (NULL);

  kd_report_add_capture (two, "before.txt", before);
  kd_report_add_capture (two, "after.txt", after);
  kd_report_render (two, KD_REPORT_FORMAT_MARKDOWN, out);
  g_assert_nonnull (strstr (out->str, "## Comparison: before.txt → after.txt"));
  g_assert_nonnull (strstr (out->str, "| Windows(R), Enterprise edition | License status | Initial grace period | Licensed |"));
  g_assert_nonnull (strstr (out->str, "| Office 16, Office16ProPlusVL\\_KMS\\_Client edition | The product | — | Present |"));
  g_assert_nonnull (strstr (out->str, "Not compared, because they change by themselves: "));

  kd_report_add_capture (one, "before.txt", before);
  kd_report_render (one, KD_REPORT_FORMAT_MARKDOWN, alone);
  g_assert_null (strstr (alone->str, "Comparison"));
}

/* Nothing given: the verdict and the checks say so */
static void
test_empty (void)
{
  g_autoptr(KdReport) report = kd_report_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  kd_report_render (report, KD_REPORT_FORMAT_TEXT, out);
  g_assert_cmpint (kd_report_get_verdict (report), ==, KD_VERDICT_OK);
  g_assert_nonnull (strstr (out->str, "Not checked: not given"));
  g_assert_nonnull (strstr (out->str, "Nothing was found wrong."));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/text", test_text);
  g_test_add_func ("/report/markdown", test_markdown);
  g_test_add_func ("/report/json", test_json);
  g_test_add_func ("/report/csv", test_csv);
  g_test_add_func ("/report/empty", test_empty);
  g_test_add_func ("/report/pdf", test_pdf);
  g_test_add_func ("/report/redacted", test_redacted);
  g_test_add_func ("/report/html", test_html);
  g_test_add_func ("/report/html-browser", test_html_browser);
  g_test_add_func ("/report/every-fixture", test_every_fixture);
  g_test_add_func ("/report/comparison", test_comparison);

  return g_test_run ();
}
