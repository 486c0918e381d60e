/* test-window.c — the Error Codes view, in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every state is also saved as a PNG in tests/screenshots/ of the build
 * directory, to be looked at.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kd-error-catalog.h"
#include "kd-shortcuts-dialog.h"
#include "kd-test-utils.h"
#include "kd-window.h"

static KdDiagnosis *diagnose_after (KdAnalyzePage *page,
                                    void         (*change) (KdAnalyzePage *, gconstpointer),
                                    gconstpointer  data);
static void change_text (KdAnalyzePage *page, gconstpointer text);

typedef struct
{
  GtkEditable *entry;
  const char *text;
  guint listed;
} Search;

static void
count_search (Search *search)
{
  if (g_str_equal (gtk_editable_get_text (search->entry), search->text))
    search->listed++;
}

static void
type_text (KdWindow   *window,
           const char *text)
{
  KdErrorCodesPage *page = kd_window_get_error_codes_page (window);
  GListModel *results = kd_error_codes_page_get_results (page);
  Search search = { GTK_EDITABLE (kd_error_codes_page_get_search_entry (page)), text, 0 };
  gulong id;

  /* The same text again changes nothing: its search has run. */
  if (g_str_equal (gtk_editable_get_text (search.entry), text))
    return;

  /* As if typed: the entry's own search-changed (after its delay) runs the
   * search, not a direct call.  Every search fills the list anew, that of
   * the empty text too, on the way from the old text to the new one. */
  id = g_signal_connect_swapped (results, "items-changed", G_CALLBACK (count_search), &search);
  gtk_editable_set_text (search.entry, text);
  KD_TEST_WAIT_UNTIL (search.listed > 0);
  g_signal_handler_disconnect (results, id);
}

static void
test_type_code_fragment (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdErrorCodesPage *page = kd_window_get_error_codes_page (window);
  KdErrorCode *entry;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  kd_test_save_screenshot (GTK_WIDGET (window), "01-start");

  type_text (window, "f074");
  entry = kd_error_codes_page_get_entry (page);
  g_assert_nonnull (entry);
  g_assert_cmpstr (kd_error_code_get_code (entry), ==, "0xC004F074");
  g_assert_cmpuint (g_list_model_get_n_items (kd_error_codes_page_get_results (page)), >=, 1);
  /* The search is remembered. */
  g_assert_cmpstr (g_settings_get_string (settings, "last-search"), ==, "f074");
  kd_test_save_screenshot (GTK_WIDGET (window), "02-f074");

  type_text (window, "count insufficient");
  entry = kd_error_codes_page_get_entry (page);
  g_assert_nonnull (entry);
  g_assert_true (kd_error_code_get_known (entry));
  kd_test_save_screenshot (GTK_WIDGET (window), "03-words");

  type_text (window, "xyzzyplugh");
  g_assert_cmpuint (g_list_model_get_n_items (kd_error_codes_page_get_results (page)), ==, 0);
  kd_test_save_screenshot (GTK_WIDGET (window), "04-no-match");

  /* Written as a code but not one: the reason, not a word search. */
  type_text (window, "0x1234567890");
  g_assert_cmpuint (g_list_model_get_n_items (kd_error_codes_page_get_results (page)), ==, 0);
  kd_test_save_screenshot (GTK_WIDGET (window), "04b-not-a-code");

  kd_test_window_destroy (window);
}

static void
test_unknown_code (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdErrorCodesPage *page = kd_window_get_error_codes_page (window);
  KdErrorCode *entry;

  type_text (window, "0x80070020");
  entry = kd_error_codes_page_get_entry (page);
  g_assert_nonnull (entry);
  g_assert_false (kd_error_code_get_known (entry));
  g_assert_cmpstr (kd_error_code_get_win32_symbol (entry), ==, "ERROR_SHARING_VIOLATION");
  /* The nearest catalog entries are listed. */
  g_assert_cmpuint (g_list_model_get_n_items (kd_error_codes_page_get_results (page)), >, 0);
  kd_test_save_screenshot (GTK_WIDGET (window), "05-unknown");

  kd_test_window_destroy (window);
}

typedef struct
{
  gboolean done;
  char *text;
} ClipboardRead;

static void
clipboard_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static char *
read_clipboard (GtkWidget *widget)
{
  ClipboardRead read = { FALSE, NULL };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, clipboard_done, &read);
  KD_TEST_WAIT_UNTIL (read.done);
  g_assert_nonnull (read.text);
  return read.text;
}

static void
test_copy (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;

  type_text (window, "0xC004F038");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-text", NULL);
  text = read_clipboard (GTK_WIDGET (window));
  g_assert_true (g_str_has_prefix (text, "0xC004F038 — "));
  g_assert_nonnull (strstr (text, "SL_E_VL_NOT_ENOUGH_COUNT"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-markdown", NULL);
  markdown = read_clipboard (GTK_WIDGET (window));
  g_assert_true (g_str_has_prefix (markdown, "## 0xC004F038"));
  kd_test_save_screenshot (GTK_WIDGET (window), "06-copied");

  kd_test_window_destroy (window);
}

static void
test_paste (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdErrorCodesPage *page = kd_window_get_error_codes_page (window);
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'x');
  g_autoptr(KdTestNotify) entry = kd_test_notify_watch (page, "entry");

  /* A message box with a code: the code opens, there and then. */
  kd_window_paste_text (window, "---------------------------\nWindows Script Host\n---------------------------\n"
                                "Error: 0xC004F06C The Software Licensing Service reported that the computer "
                                "could not be activated. The Key Management Service (KMS) determined that the "
                                "request timestamp is invalid.\n---------------------------\nOK\n");
  kd_test_assert_notified_once (entry);
  g_assert_cmpstr (kd_error_code_get_code (kd_error_codes_page_get_entry (page)), ==, "0xC004F06C");

  /* A 10 MB paste without a code: a toast, the page unchanged. */
  kd_test_notify_reset (entry);
  kd_window_paste_text (window, huge);
  kd_test_assert_not_notified (entry);
  g_assert_cmpstr (kd_error_code_get_code (kd_error_codes_page_get_entry (page)), ==, "0xC004F06C");
  kd_test_save_screenshot (GTK_WIDGET (window), "07-pasted");

  kd_test_window_destroy (window);
}

/* Ctrl+V outside a text field: the window action reads the clipboard. */
static void
test_paste_action (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdErrorCodesPage *page = kd_window_get_error_codes_page (window);
  g_autoptr(KdTestNotify) entry = kd_test_notify_watch (page, "entry");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)),
                          "Error: 0xC004F042 The Software Licensing Service reported that the "
                          "specified Key Management Service (KMS) cannot be used.");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL);
  /* The clipboard is read asynchronously; then the code opens. */
  KD_TEST_WAIT_NOTIFIED (entry);
  g_assert_cmpstr (kd_error_code_get_code (kd_error_codes_page_get_entry (page)), ==, "0xC004F042");

  kd_test_window_destroy (window);
}

/* The About dialog is built from the metainfo in the resources. */
static void
test_about (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  AdwDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (kd_test_get_application ()), "about", NULL);
  KD_TEST_WAIT_UNTIL (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ABOUT_DIALOG (dialog));
  g_assert_cmpstr (adw_about_dialog_get_application_name (ADW_ABOUT_DIALOG (dialog)), ==, "KMS Doctor");
  g_assert_cmpstr (adw_about_dialog_get_version (ADW_ABOUT_DIALOG (dialog)), ==, PACKAGE_VERSION);
  kd_test_save_screenshot (GTK_WIDGET (window), "12-about");
  adw_dialog_force_close (dialog);
  KD_TEST_WAIT_UNTIL (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL);

  /* Every accelerator, in a dialog of its own. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL);
  KD_TEST_WAIT_UNTIL (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (KD_IS_SHORTCUTS_DIALOG (dialog));
  kd_test_save_screenshot (GTK_WIDGET (window), "13-shortcuts");
  adw_dialog_force_close (dialog);
  KD_TEST_WAIT_UNTIL (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL);

  kd_test_window_destroy (window);
}

static void
test_narrow (void)
{
  KdWindow *window = kd_test_window_new (360, 720);
  KdErrorCodesPage *page = kd_window_get_error_codes_page (window);
  g_autoptr(KdTestNotify) entry = NULL;

  g_assert_true (kd_error_codes_page_get_narrow (page));
  type_text (window, "c004f0");
  kd_test_save_screenshot (GTK_WIDGET (window), "08-narrow-list");

  entry = kd_test_notify_watch (page, "entry");
  gtk_widget_activate_action (GTK_WIDGET (page), "page.open-code", "s", "0xC004F074");
  kd_test_assert_notified_once (entry);
  kd_test_save_screenshot (GTK_WIDGET (window), "09-narrow-detail");
  g_assert_true (kd_error_codes_page_go_back (page));

  kd_test_window_destroy (window);
}

static void
test_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(KdTestNotify) dark = kd_test_notify_watch (style, "dark");
  KdWindow *window;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  kd_test_assert_notified_once (dark);
  window = kd_test_window_new (1100, 720);
  type_text (window, "0xC004F074");
  g_assert_true (adw_style_manager_get_dark (style));
  kd_test_save_screenshot (GTK_WIDGET (window), "10-dark");
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

static void
test_italian (void)
{
  KdWindow *window;
  KdErrorCodesPage *page;
  KdErrorCode *entry;

  if (!kd_test_in_italian ())
    {
      g_test_skip ("runs under LANGUAGE=it");
      return;
    }

  window = kd_test_window_new (1100, 720);
  page = kd_window_get_error_codes_page (window);
  type_text (window, "0xC004F074");
  entry = kd_error_codes_page_get_entry (page);
  g_assert_cmpstr (kd_error_code_get_title (entry), !=, "No KMS host could be reached");
  g_assert_cmpstr (_("Error Codes"), ==, "Codici di errore");
  kd_test_save_screenshot (GTK_WIDGET (window), "11-italian");
  kd_test_window_destroy (window);
}

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
change_bytes (KdAnalyzePage *page,
              gconstpointer  bytes)
{
  kd_analyze_page_load_bytes (page, (GBytes *) bytes, "ru-dlv-retail-cp866.txt");
}

static void
change_paste (KdAnalyzePage *page,
              gconstpointer  text)
{
  kd_window_paste_text (KD_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))), text);
}

/* The text the Analyze page keeps for the next start */
static gboolean
saved_text_is (const char *expected)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "kms-doctor", "analyze.txt", NULL);
  g_autofree char *saved = NULL;

  return g_file_get_contents (path, &saved, NULL, NULL) && g_str_equal (saved, expected);
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

  /* Clear: no result, and the empty text is what the next start finds
   * (GIO refuses the empty GBytes of "" with a critical, fatal here). */
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
  KD_TEST_WAIT_UNTIL (saved_text_is (""));

  kd_test_window_destroy (window);
}

static void
test_analyze_file_encoding (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdAnalyzePage *page = kd_window_get_analyze_page (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", "ru-dlv-retail-cp866.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  KdDiagnosis *diagnosis;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  /* (The text of the previous window is restored and read first: the
   * window waits for that.) */
  diagnosis = diagnose_after (page, change_bytes, bytes);
  g_assert_nonnull (diagnosis);
  g_assert_cmpstr (kd_capture_get_encoding (kd_diagnosis_get_document (diagnosis)), ==, "CP866");
  kd_test_window_destroy (window);
}

/* The label under @widget whose text starts with @prefix, or NULL */
static GtkLabel *
find_label_starting (GtkWidget  *widget,
                     const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_starting (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
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
  g_assert_false (kd_analyze_page_go_back (page));
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

int
main (int    argc,
      char **argv)
{
  kd_test_init (&argc, &argv);

  g_test_add_func ("/window/type-code-fragment", test_type_code_fragment);
  g_test_add_func ("/window/unknown-code", test_unknown_code);
  g_test_add_func ("/window/copy", test_copy);
  g_test_add_func ("/window/paste", test_paste);
  g_test_add_func ("/window/paste-action", test_paste_action);
  g_test_add_func ("/window/about", test_about);
  g_test_add_func ("/window/narrow", test_narrow);
  g_test_add_func ("/window/dark", test_dark);
  g_test_add_func ("/window/italian", test_italian);
  g_test_add_func ("/window/analyze", test_analyze);
  g_test_add_func ("/window/analyze-file-encoding", test_analyze_file_encoding);
  g_test_add_func ("/window/analyze-narrow", test_analyze_narrow);
  g_test_add_func ("/window/analyze-undo", test_analyze_undo);
  g_test_add_func ("/window/analyze-long-line", test_analyze_long_line);

  return kd_test_run ();
}
