/* test-analyze-page.c — the Analyze view, in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every state is also saved as a PNG in tests/screenshots/ of the build
 * directory, to be looked at.  The test paths keep the /window/ prefix
 * they had when all the widget tests were one program.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kd-test-utils.h"
#include "kd-window.h"

/* Runs @change and waits for the diagnosis it causes: parsing runs in a
 * thread after a short debounce.  (A new diagnosis may reuse the address
 * of the old one, so the notifications are counted.) */
static KdDiagnosis *
diagnose_after (KdAnalyzePage *page,
                void         (*change) (KdAnalyzePage *, gconstpointer),
                gconstpointer  data)
{
  g_autoptr(KdTestNotify) diagnosis = kd_test_notify_watch (page, "diagnosis");

  change (page, data);
  KD_TEST_WAIT_UNTIL (kd_test_notify_count (diagnosis) > 0 && kd_analyze_page_get_diagnosis (page) != NULL);
  return kd_analyze_page_get_diagnosis (page);
}

static void
change_text (KdAnalyzePage *page,
             gconstpointer  text)
{
  kd_analyze_page_set_text (page, text);
}

static void
change_file (KdAnalyzePage *page,
             gconstpointer  file)
{
  kd_analyze_page_open_file (page, G_FILE (file));
}

static void
change_paste (KdAnalyzePage *page,
              gconstpointer  text)
{
  kd_window_paste_text (KD_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))), text);
}

/* The capture the window's case holds, as text, or NULL */
static char *
case_capture_text (KdWindow *window)
{
  g_autoptr(KdCaseCapture) capture = g_list_model_get_item (kd_case_get_captures (kd_window_get_case (window)), 0);
  GBytes *text;

  if (capture == NULL)
    return NULL;
  text = kd_case_capture_get_text (capture);
  return g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text));
}

static gboolean
case_holds (KdWindow   *window,
            const char *expected)
{
  g_autofree char *text = case_capture_text (window);

  return g_strcmp0 (text, expected) == 0;
}

static gboolean
label_starts_with (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* The label under @widget whose text starts with @prefix, or NULL */
static GtkLabel *
find_label_starting (GtkWidget  *widget,
                     const char *prefix)
{
  return (GtkLabel *) kd_test_find_widget (widget, label_starts_with, prefix);
}

static void
expand_all (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    expand_all (child);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_analyze (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdAnalyzePage *page = kd_window_get_analyze_page (window);
  g_autofree char *capture = kd_test_read_fixture ("en-dlv-ws2022-kmshost-count3-dns-disabled-utf8bom");
  KdDiagnosis *diagnosis;

  /* Ctrl+V of a capture anywhere in the window opens it in Analyze. */
  diagnosis = diagnose_after (page, change_paste, capture);
  g_assert_nonnull (diagnosis);
  g_assert_cmpint (kd_diagnosis_get_verdict (diagnosis), ==, KD_VERDICT_ERROR);
  g_assert_cmpuint (g_list_model_get_n_items (kd_diagnosis_get_findings (diagnosis)), >=, 2);
  kd_test_save_screenshot (GTK_WIDGET (window), "20-analyze");

  /* Several products: the switcher lists them. */
  {
    g_autofree char *all = kd_test_read_fixture ("en-dlvall-win10-office-2016-2019-2021-clients");

    diagnosis = diagnose_after (page, change_text, all);
    g_assert_cmpuint (g_list_model_get_n_items (kd_capture_get_products (kd_diagnosis_get_document (diagnosis))), >, 1);
    kd_test_save_screenshot (GTK_WIDGET (window), "21-analyze-products");
  }

  /* Not a capture: a clear state, nothing lost. */
  diagnosis = diagnose_after (page, change_text, "hello, my PC is not activated");
  g_assert_cmpint (kd_diagnosis_get_verdict (diagnosis), ==, KD_VERDICT_ERROR);
  {
    g_autofree char *text = kd_analyze_page_dup_text (page);
    g_assert_cmpstr (text, ==, "hello, my PC is not activated");
  }
  kd_test_save_screenshot (GTK_WIDGET (window), "22-analyze-nothing");

  /* Clear: no result, and no capture left for the next start. */
  {
    g_autoptr(KdTestNotify) cleared = kd_test_notify_watch (page, "diagnosis");

    gtk_widget_activate_action (GTK_WIDGET (page), "analyze.clear", NULL);
    KD_TEST_WAIT_NOTIFIED (cleared);
  }
  g_assert_null (kd_analyze_page_get_diagnosis (page));
  {
    g_autofree char *text = kd_analyze_page_dup_text (page);
    g_assert_cmpstr (text, ==, "");
  }
  g_assert_true (case_holds (window, NULL));

  kd_test_window_destroy (window);
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

/* The page keeps its capture in the window's case the moment it has it,
 * and shows the one a restored case brings. */
static void
test_analyze_case (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdAnalyzePage *page = kd_window_get_analyze_page (window);
  KdCase *kase = kd_window_get_case (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", "ru-dlv-retail-cp866.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* A paste is in the case at once, before any parse.  Its diagnosis is
   * waited for, not to be taken for the file's below. */
  {
    g_autoptr(KdTestNotify) diagnosed = kd_test_notify_watch (page, "diagnosis");

    kd_analyze_page_set_text (page, "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n");
    g_assert_true (case_holds (window, "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n"));
    KD_TEST_WAIT_UNTIL (kd_test_notify_count (diagnosed) > 0 && kd_analyze_page_get_diagnosis (page) != NULL);
  }

  /* A file goes in decoded, with its name and encoding. */
  {
    g_autoptr(KdCaseCapture) capture = NULL;
    g_autofree char *text = NULL;

    diagnose_after (page, change_file, file);
    capture = g_list_model_get_item (kd_case_get_captures (kase), 0);
    g_assert_cmpstr (kd_case_capture_get_source_name (capture), ==, "ru-dlv-retail-cp866.txt");
    g_assert_cmpstr (kd_case_capture_get_encoding (capture), ==, "CP866");
    text = case_capture_text (window);
    g_assert_true (g_utf8_validate (text, -1, NULL));
    g_assert_nonnull (strstr (text, "Windows"));
    g_assert_cmpuint (g_list_model_get_n_items (kd_case_get_captures (kase)), ==, 1);
  }

  /* A capture the case brings (as a restored session does) is shown and
   * analysed, and not put back into the case. */
  {
    g_autoptr(KdTestNotify) diagnosis = kd_test_notify_watch (page, "diagnosis");
    static const char restored_text[] = "Name: Windows(R), Professional edition\nLicense Status: Notification\n";
    g_autoptr(GBytes) text = g_bytes_new_static (restored_text, strlen (restored_text));
    g_autoptr(KdCaseCapture) restored = kd_case_capture_new (text, NULL, NULL);
    g_autoptr(KdCaseCapture) kept = NULL;
    g_autofree char *shown = NULL;
    guint changes = 0;
    gulong handler = g_signal_connect_swapped (kase, "changed", G_CALLBACK (count_change), &changes);

    kd_case_set_capture (kase, 0, restored);
    changes = 0;
    KD_TEST_WAIT_UNTIL (kd_test_notify_count (diagnosis) > 0 && kd_analyze_page_get_diagnosis (page) != NULL);
    shown = kd_analyze_page_dup_text (page);
    g_assert_cmpstr (shown, ==, "Name: Windows(R), Professional edition\nLicense Status: Notification\n");
    kept = g_list_model_get_item (kd_case_get_captures (kase), 0);
    g_assert_true (kept == restored);
    g_assert_cmpuint (changes, ==, 0);
    g_signal_handler_disconnect (kase, handler);
  }

  kd_test_window_destroy (window);
}

static void
test_analyze_file_encoding (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdAnalyzePage *page = kd_window_get_analyze_page (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", "ru-dlv-retail-cp866.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KdDiagnosis *diagnosis;

  /* (The text of the previous window is restored and read first: the
   * window waits for that.) */
  diagnosis = diagnose_after (page, change_file, file);
  g_assert_nonnull (diagnosis);
  g_assert_cmpstr (kd_capture_get_encoding (kd_diagnosis_get_document (diagnosis)), ==, "CP866");
  kd_test_window_destroy (window);
}

static void
record_fraction (GtkProgressBar *bar,
                 GParamSpec     *pspec,
                 GArray         *fractions)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  g_array_append_val (fractions, fraction);
}

/* Opening a file: a progress bar over the capture and what is being done
 * beside the spinner while it is read, both from the page's loader;
 * then the text, its name and its encoding.  A file that cannot be read
 * says why in a toast and leaves the text as it was. */
static void
test_analyze_open_progress (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdAnalyzePage *page = kd_window_get_analyze_page (window);
  GtkProgressBar *bar = GTK_PROGRESS_BAR (kd_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_PROGRESS_BAR));
  GtkStack *stack = GTK_STACK (kd_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_STACK));
  GtkTextView *view = GTK_TEXT_VIEW (kd_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *capture = kd_test_read_fixture ("en-dlv-win10-ent-token-based");
  g_autofree char *dir = g_dir_make_tmp ("kd-test-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many-clients.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(KdTestNotify) notify = NULL;
  g_autofree gunichar2 *utf16 = NULL;
  glong n_units, n_chars;
  KdDiagnosis *diagnosis;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK)),
                                         "analyze");
  diagnose_after (page, change_text, "typed before");
  /* Thousands of captures in one UTF-16 file, as `>>` on a console makes
   * them: 16 MB. */
  while (text->len < 8 * 1024 * 1024)
    g_string_append (text, capture);
  utf16 = g_utf8_to_utf16 (text->str, (glong) text->len, NULL, &n_units, NULL);
  g_assert_nonnull (utf16);
  {
    g_autoptr(GByteArray) data = g_byte_array_new ();

    g_byte_array_append (data, (const guint8 *) "\xff\xfe", 2);
    g_byte_array_append (data, (const guint8 *) utf16, (guint) (n_units * 2));
    g_assert_true (g_file_set_contents (path, (const char *) data->data, data->len, NULL));
  }

  g_assert_nonnull (bar);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (record_fraction), fractions);

  notify = kd_test_notify_watch (page, "diagnosis");
  kd_analyze_page_open_file (page, file);
  g_assert_nonnull (kd_analyze_page_get_loader (page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "busy");
  /* the message comes as the worker starts */
  {
    g_autofree char *reading = g_strdup_printf (_("Reading “%s”…"), "many-clients.txt");
    g_autofree char *decoding = g_strdup_printf (_("Decoding “%s”…"), "many-clients.txt");

    KD_TEST_WAIT_UNTIL (find_label_starting (GTK_WIDGET (page), reading) != NULL ||
                        find_label_starting (GTK_WIDGET (page), decoding) != NULL ||
                        kd_analyze_page_get_loader (page) == NULL);
  }
  if (kd_analyze_page_get_loader (page) != NULL)
    kd_test_save_screenshot_moving (GTK_WIDGET (window), "29-analyze-opening");

  KD_TEST_WAIT_UNTIL (kd_analyze_page_get_loader (page) == NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
  {
    g_autofree char *label = g_strdup_printf (_("%s (%s)"), "many-clients.txt", "UTF-16LE");

    g_assert_nonnull (find_label_starting (GTK_WIDGET (page), label));
  }
  /* The view takes a big text in chunks, a frame at a time. */
  n_chars = g_utf8_strlen (text->str, (gssize) text->len);
  /* The file is parsed from its own bytes at once, not once the view has
   * taken all of it in, which is many times slower. */
  KD_TEST_WAIT_UNTIL (kd_test_notify_count (notify) > 0);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), <, n_chars);
  KD_TEST_WAIT_UNTIL (kd_test_notify_count (notify) > 0 && kd_analyze_page_get_diagnosis (page) != NULL &&
                      gtk_text_buffer_get_char_count (buffer) == n_chars);
  {
    g_autofree char *shown = kd_analyze_page_dup_text (page);

    g_assert_true (shown != NULL && strcmp (shown, text->str) == 0);
  }
  diagnosis = kd_analyze_page_get_diagnosis (page);
  g_assert_cmpuint (g_list_model_get_n_items (kd_capture_get_products (kd_diagnosis_get_document (diagnosis))), >, 1000);

  /* A folder: refused with its reason, the text as it was. */
  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autofree char *dir_name = g_path_get_basename (dir);
    g_autofree char *message = g_strdup_printf (_("“%s” is a folder, not a file"), dir_name);

    kd_analyze_page_set_text (page, "typed before");
    diagnose_after (page, change_text, "typed before");
    kd_analyze_page_open_file (page, folder);
    KD_TEST_WAIT_UNTIL (kd_analyze_page_get_loader (page) == NULL);
    g_assert_nonnull (find_label_starting (GTK_WIDGET (window), message));
    {
      g_autofree char *shown = kd_analyze_page_dup_text (page);

      g_assert_cmpstr (shown, ==, "typed before");
    }
    KD_TEST_WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "busy") != 0);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
    kd_test_save_screenshot (GTK_WIDGET (window), "30-analyze-open-folder");
  }

  /* 300 MB (sparse: nothing is written): not a capture, refused unread. */
  {
    g_autofree char *huge_path = g_build_filename (dir, "disk.img", NULL);
    g_autoptr(GFile) huge = g_file_new_for_path (huge_path);
    g_autofree char *size = g_format_size (300 * 1000 * 1000);
    g_autofree char *max = g_format_size (256 * 1000 * 1000);
    g_autofree char *message = g_strdup_printf (_("“%s” is %s, more than a capture can be (at most %s)"), "disk.img", size, max);
    g_autoptr(GFileOutputStream) stream = g_file_replace (huge, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL);

    g_assert_nonnull (stream);
    g_assert_true (g_seekable_truncate (G_SEEKABLE (stream), 300 * 1000 * 1000, NULL, NULL));
    g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL));
    kd_analyze_page_open_file (page, huge);
    KD_TEST_WAIT_UNTIL (kd_analyze_page_get_loader (page) == NULL);
    KD_TEST_WAIT_UNTIL (find_label_starting (GTK_WIDGET (window), message) != NULL);
    {
      g_autofree char *shown = kd_analyze_page_dup_text (page);

      g_assert_cmpstr (shown, ==, "typed before");
    }
    g_unlink (huge_path);
  }

  /* Typing while a file is read: the typing stays, the file is dropped. */
  {
    GtkTextIter end;

    kd_analyze_page_open_file (page, file);
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert_interactive (buffer, &end, ", and more", -1, TRUE);
    g_assert_null (kd_analyze_page_get_loader (page));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
    kd_test_run_ms (500);
    {
      g_autofree char *shown = kd_analyze_page_dup_text (page);

      g_assert_cmpstr (shown, ==, "typed before, and more");
    }
  }

  g_unlink (path);
  g_rmdir (dir);
  kd_test_window_destroy (window);
}

/* A paste of megabytes is analysed from its own bytes at once, long
 * before the view has taken all of it in, piece by piece. */
static void
test_analyze_big_paste (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdAnalyzePage *page = kd_window_get_analyze_page (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (kd_test_find_descendant (GTK_WIDGET (page),
                                                                                            GTK_TYPE_TEXT_VIEW)));
  g_autofree char *capture = kd_test_read_fixture ("en-dlv-ws2022-kmshost-count50-lf");
  g_autoptr(GString) paste = g_string_new (NULL);
  g_autoptr(KdTestNotify) notify = NULL;
  guint n_products;
  glong n_chars;

  diagnose_after (page, change_text, "typed before");
  for (n_products = 0; paste->len < 4 * 1024 * 1024; n_products++)
    g_string_append (paste, capture);
  n_chars = g_utf8_strlen (paste->str, (gssize) paste->len);

  notify = kd_test_notify_watch (page, "diagnosis");
  kd_window_paste_text (window, paste->str);
  KD_TEST_WAIT_UNTIL (kd_test_notify_count (notify) > 0);
  g_assert_cmpuint (g_list_model_get_n_items (kd_capture_get_products (kd_diagnosis_get_document (kd_analyze_page_get_diagnosis (page)))),
                    ==, n_products);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), <, n_chars);

  KD_TEST_WAIT_UNTIL (gtk_text_buffer_get_char_count (buffer) == n_chars);
  {
    g_autofree char *shown = kd_analyze_page_dup_text (page);

    g_assert_true (strcmp (shown, paste->str) == 0);
  }
  kd_test_window_destroy (window);
}

/* Pasted text with markup, NUL-free binary noise, glued CJK lines and a
 * garbled label, through the paths that read them: shown as it is, read
 * without a crash, and nothing in it taken as markup. */
static void
test_analyze_hostile_paste (void)
{
  static const char hostile[] =
    "Name: <b>Windows(R)</b>, Enterprise edition\n"
    "Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n"
    "License Status: Licensed\n"
    "Remaining SKIJ rearm count: 1001\n"
    "Volume activation expiration: -5 minute(s) (-1 day(s))\n"
    "Current count: 99999999999999999999999\n"
    "\x01\x02\x7f <span foreground=\"red\">&amp;</span> \xef\xbf\xbd\n"
    "正在激活Windows（R)，<i>Pro</i>edition (<b>id</b>). 错误：0xC004F074<span>消息</span>\n";
  KdWindow *window = kd_test_window_new (1100, 720);
  KdAnalyzePage *page = kd_window_get_analyze_page (window);
  KdDiagnosis *diagnosis;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK)),
                                         "analyze");
  diagnosis = diagnose_after (page, change_paste, hostile);
  g_assert_nonnull (diagnosis);
  g_assert_nonnull (kd_diagnosis_find_rule (diagnosis, "kms-client.expired"));
  g_assert_nonnull (kd_diagnosis_find_rule (diagnosis, "capture.number-out-of-range"));
  {
    g_autofree char *shown = kd_analyze_page_dup_text (page);

    g_assert_cmpstr (shown, ==, hostile);
  }
  /* the note quotes the garbled label as text */
  {
    g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "A label was read approximately, as a photo or a scan can garble it: %s",
                                                          "Labels were read approximately, as a photo or a scan can garble them: %s", 1), "");

    g_assert_nonnull (find_label_starting (GTK_WIDGET (page), note));
  }
  kd_test_save_screenshot (GTK_WIDGET (window), "31-analyze-hostile");
  kd_test_window_destroy (window);
}

static void
test_analyze_narrow (void)
{
  KdWindow *window = kd_test_window_new (360, 720);
  KdAnalyzePage *page = kd_window_get_analyze_page (window);
  g_autofree char *capture = kd_test_read_fixture ("en-dlv-win10-ent-never-activated-utf16le-nobom");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK)),
                                         "analyze");
  g_assert_nonnull (diagnose_after (page, change_text,
                                    "Name: Windows(R), Enterprise edition\n"
                                    "Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n"
                                    "Partial Product Key: 2YT43\nLicense Status: Initial grace period\n"
                                    "Time remaining: 43140 minute(s) (30 day(s))\n"
                                    "Please use slmgr.vbs /ato to activate and update KMS client information in order to update values.\n"));
  kd_test_save_screenshot (GTK_WIDGET (window), "23-analyze-narrow-capture");
  kd_analyze_page_show_result (page);
  kd_test_save_screenshot (GTK_WIDGET (window), "24-analyze-narrow-result");
  /* Alt+Left goes back to the capture */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_false (kd_page_go_back (KD_PAGE (page)));
  (void) capture;

  /* A language without a table: the finding's commands, opened, fit. */
  {
    g_autofree char *italian = kd_test_read_fixture ("xx-it-dlv-kms-client-messagebox");

    g_assert_nonnull (diagnose_after (page, change_text, italian));
    kd_analyze_page_show_result (page);
    expand_all (GTK_WIDGET (page));
    kd_test_save_screenshot (GTK_WIDGET (window), "26-analyze-narrow-other-language");
  }
  kd_test_window_destroy (window);
}

/* A paste big enough to go into the view in many pieces is still one
 * step of undo, back to the text before it. */
static void
test_analyze_undo (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdAnalyzePage *page = kd_window_get_analyze_page (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (kd_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW)));
  g_autofree char *capture = kd_test_read_fixture ("en-dlv-win10-ent-kmsclient-dns-banner-prompt");
  g_autoptr(GString) big = g_string_new (NULL);
  glong big_chars;

  while (big->len < 600 * 1024)
    g_string_append (big, capture);
  big_chars = g_utf8_strlen (big->str, -1);

  kd_analyze_page_set_text (page, "before the paste");
  kd_analyze_page_set_text (page, big->str);
  /* It goes in piece by piece, one per main loop iteration. */
  KD_TEST_WAIT_UNTIL (gtk_text_buffer_get_char_count (buffer) >= big_chars);
  {
    g_autofree char *text = buffer_text (buffer);
    /* (not cmpstr: a failure would print 600 KB twice) */
    g_assert_true (g_str_equal (text, big->str));
  }

  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  {
    g_autofree char *text = buffer_text (buffer);
    g_assert_cmpstr (text, ==, "before the paste");
  }
  gtk_text_buffer_redo (buffer);
  {
    g_autofree char *text = buffer_text (buffer);
    /* (not cmpstr: a failure would print 600 KB twice) */
    g_assert_true (g_str_equal (text, big->str));
  }

  kd_test_window_destroy (window);
}

/* A line of megabytes is shown cut, and read whole: GtkTextView would
 * lay it out for seconds at every piece of the paste. */
static void
test_analyze_long_line (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdAnalyzePage *page = kd_window_get_analyze_page (window);
  GtkTextView *view = GTK_TEXT_VIEW (kd_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW));
  AdwBanner *banner = ADW_BANNER (kd_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_BANNER));
  g_autofree char *capture = kd_test_read_fixture ("en-dlv-win10-ent-kmsclient-dns-banner-prompt");
  g_autofree char *line = g_strnfill (2 * 1024 * 1024, 'x');
  g_autofree char *text = g_strconcat (capture, "\n", line, "\nLicense Status: Licensed\n", NULL);
  KdDiagnosis *diagnosis;

  diagnosis = diagnose_after (page, change_paste, text);
  g_assert_nonnull (diagnosis);
  g_assert_cmpuint (g_list_model_get_n_items (kd_capture_get_products (kd_diagnosis_get_document (diagnosis))), >=, 1);
  /* the line is kept whole where it is read */
  g_assert_cmpuint (kd_capture_get_unknown_lines (kd_diagnosis_get_document (diagnosis))[0] != NULL, ==, TRUE);
  g_assert_cmpuint (strlen (kd_capture_get_unknown_lines (kd_diagnosis_get_document (diagnosis))[0]), ==, strlen (line));
  {
    g_autofree char *kept = kd_analyze_page_dup_text (page);
    g_autofree char *shown = buffer_text (gtk_text_view_get_buffer (view));
    g_autofree char *expected_cut = g_strdup_printf ("\n%.*s …\nLicense Status: Licensed\n", 10000, line);

    /* (not cmpstr: a failure would print megabytes) */
    g_assert_true (g_str_equal (kept, text));
    g_assert_true (g_str_has_prefix (shown, capture));
    g_assert_true (g_str_has_suffix (shown, expected_cut));
  }
  g_assert_false (gtk_text_view_get_editable (view));
  g_assert_true (adw_banner_get_revealed (banner));
  kd_test_save_screenshot (GTK_WIDGET (window), "27-analyze-long-line");

  /* The line not understood is laid out only once its row is opened,
   * and then 400 characters of it. */
  {
    g_autofree char *start = g_strndup (line, 400);
    GtkLabel *label;

    g_assert_null (find_label_starting (GTK_WIDGET (page), "xxxxxxxxxx"));
    expand_all (GTK_WIDGET (page));
    label = find_label_starting (GTK_WIDGET (page), "xxxxxxxxxx");
    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_label_get_text (label), ==, start);
  }

  /* A text without such lines can be edited again. */
  diagnosis = diagnose_after (page, change_text, capture);
  g_assert_nonnull (diagnosis);
  g_assert_true (gtk_text_view_get_editable (view));
  g_assert_false (adw_banner_get_revealed (banner));

  kd_test_window_destroy (window);
}

static void
test_analyze_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(KdTestNotify) dark = kd_test_notify_watch (style, "dark");
  KdWindow *window;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  kd_test_assert_notified_once (dark);
  window = kd_test_window_new (1100, 720);
  g_assert_true (adw_style_manager_get_dark (style));
  {
    KdAnalyzePage *page = kd_window_get_analyze_page (window);
    g_autofree char *capture = kd_test_read_fixture ("en-dlv-ws2012r2-kmshost-count14-port-lowpri-ps");

    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK)),
                                           "analyze");
    g_assert_nonnull (diagnose_after (page, change_text, capture));
    kd_test_save_screenshot (GTK_WIDGET (window), "25-analyze-dark");
  }
  kd_test_window_destroy (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  kd_test_init (&argc, &argv);

  g_test_add_func ("/window/analyze", test_analyze);
  g_test_add_func ("/window/analyze-file-encoding", test_analyze_file_encoding);
  g_test_add_func ("/window/analyze-case", test_analyze_case);
  g_test_add_func ("/window/analyze-open-progress", test_analyze_open_progress);
  g_test_add_func ("/window/analyze-big-paste", test_analyze_big_paste);
  g_test_add_func ("/window/analyze-hostile-paste", test_analyze_hostile_paste);
  g_test_add_func ("/window/analyze-narrow", test_analyze_narrow);
  g_test_add_func ("/window/analyze-undo", test_analyze_undo);
  g_test_add_func ("/window/analyze-long-line", test_analyze_long_line);
  g_test_add_func ("/window/analyze-dark", test_analyze_dark);

  return kd_test_run ();
}
