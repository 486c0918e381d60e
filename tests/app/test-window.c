/* test-window.c — what belongs to the window rather than to one of its
 * views, in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every state is also saved as a PNG in tests/screenshots/ of the build
 * directory, to be looked at.  The views have test programs of their own:
 * test-error-codes-page.c and test-analyze-page.c.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kd-diff-dialog.h"
#include "kd-page-preview.h"
#include "kd-redaction.h"
#include "kd-shortcuts-dialog.h"
#include "kd-test-utils.h"
#include "kd-window-private.h"

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

/* Ctrl+V of a capture outside a text field: the window action opens it in
 * Analyze, whichever view is shown. */
static void
test_paste_action_capture (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdAnalyzePage *page = kd_window_get_analyze_page (window);
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK));
  g_autofree char *capture = kd_test_read_fixture ("en-dlv-ws2022-kmshost-count3-dns-disabled-utf8bom");
  g_autoptr(KdTestNotify) diagnosis = kd_test_notify_watch (page, "diagnosis");

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "error-codes");
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), capture);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL);
  /* The clipboard is read asynchronously, the capture analysed in a worker. */
  KD_TEST_WAIT_NOTIFIED (diagnosis);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "analyze");
  g_assert_nonnull (kd_analyze_page_get_diagnosis (page));
  {
    g_autofree char *text = kd_analyze_page_dup_text (page);

    /* (not cmpstr: a failure would print the capture twice) */
    g_assert_true (g_str_equal (text, capture));
  }

  kd_test_window_destroy (window);
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* What is dropped on the window goes where it belongs: a file to Analyze,
 * a folder or several files to KMS Health, text by what it holds. */
static void
test_drop (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdAnalyzePage *analyze = kd_window_get_analyze_page (window);
  KdErrorCodesPage *codes = kd_window_get_error_codes_page (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", "ru-dlv-retail-cp866.txt", NULL);

  {
    /* a code, in the message around it, on the Analyze view */
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(KdTestNotify) entry = kd_test_notify_watch (codes, "entry");

    adw_view_stack_set_visible_child_name (window->stack, "analyze");
    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "Error: 0xC004F038 The count reported by your KMS is insufficient.");
    g_assert_true (_kd_window_drop (window, &value));
    KD_TEST_WAIT_NOTIFIED (entry);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "error-codes");
    g_assert_cmpstr (kd_error_code_get_code (kd_error_codes_page_get_entry (codes)), ==, "0xC004F038");
  }
  {
    /* a file: read in its encoding, in Analyze */
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GFile) file = g_file_new_for_path (path);
    GdkFileList *files = gdk_file_list_new_from_array (&file, 1);
    g_autoptr(KdTestNotify) diagnosis = kd_test_notify_watch (analyze, "diagnosis");

    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, files);
    g_assert_true (_kd_window_drop (window, &value));
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "analyze");
    KD_TEST_WAIT_UNTIL (kd_test_notify_count (diagnosis) > 0 && kd_analyze_page_get_diagnosis (analyze) != NULL);
    g_assert_cmpstr (kd_capture_get_encoding (kd_diagnosis_get_document (kd_analyze_page_get_diagnosis (analyze))),
                     ==, "CP866");
  }
  {
    /* a folder: to KMS Health, from any view */
    g_auto(GValue) value = G_VALUE_INIT;
    g_autofree char *folder_path = g_test_build_filename (G_TEST_DIST, "fixtures", "health", "basic", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
    KdHealthPage *health = kd_window_get_health_page (window);
    g_autoptr(KdTestNotify) notified = kd_test_notify_watch (health, "health");

    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_array (&folder, 1));
    g_assert_true (_kd_window_drop (window, &value));
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "health");
    KD_TEST_WAIT_UNTIL (kd_test_notify_count (notified) > 0 && kd_health_page_get_import (health) == NULL);
    g_assert_cmpuint (kd_health_get_count (kd_health_page_get_health (health)), ==, 31);
  }
  {
    /* a file dropped on KMS Health joins its inputs */
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GFile) file = g_file_new_for_path (path);
    KdHealthPage *health = kd_window_get_health_page (window);

    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));
    g_assert_true (_kd_window_drop (window, &value));
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "health");
    g_assert_cmpuint (g_strv_length ((char **) kd_case_get_health_inputs (kd_window_get_case (window))), ==, 2);
    KD_TEST_WAIT_UNTIL (kd_health_page_get_import (health) == NULL);
  }
  {
    /* neither */
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_INT);
    g_assert_false (_kd_window_drop (window, &value));
  }

  kd_test_window_destroy (window);
}

/* The case as a file of the user's: the title says its name and whether
 * it has every change; another case opened asks first when this one has
 * changes; a file that cannot be written leaves the case as it was */
static void
test_case_file (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdCase *kase = kd_window_get_case (window);
  g_autofree char *dir = g_dir_make_tmp ("kd-test-case-XXXXXX", NULL);
  g_autofree char *mine_path = g_build_filename (dir, "Ticket 9.kmsdoctor", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.kmsdoctor", NULL);
  g_autoptr(GFile) mine = g_file_new_for_path (mine_path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/etc/passwd/x.kmsdoctor");

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, _("KMS Doctor"));
  /* changes to a case never saved: kept by the session, nothing to tell */
  kd_case_add_code (kase, "0xC004F074");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, _("KMS Doctor"));

  kd_window_save_case_as (window, mine);
  KD_TEST_WAIT_UNTIL (kd_case_get_file (kase) != NULL);
  g_assert_true (g_file_equal (kd_case_get_file (kase), mine));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Ticket 9 "));
  kd_case_set_notes (kase, "mine");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• Ticket 9 "));

  /* the notes: typed in the popover, in the case; set in the case, shown */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (window->notes_view);
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_set_text (buffer, "Call Milan <b>&", -1);
    g_assert_cmpstr (kd_case_get_notes (kase), ==, "Call Milan <b>&");
    kd_case_set_notes (kase, "mine");
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "mine");
  }

  /* not written: still the same file, with the changes not saved */
  kd_window_save_case_as (window, nowhere);
  kd_test_run_ms (300);
  g_assert_true (g_file_equal (kd_case_get_file (kase), mine));
  g_assert_true (kd_case_get_unsaved (kase));

  /* another case, over unsaved changes: asked first */
  {
    g_autoptr(KdCase) written = kd_case_new ();
    g_autoptr(GAsyncResult) result = NULL;
    AdwDialog *dialog;

    kd_case_set_notes (written, "other");
    kd_case_save_async (written, other, NULL, keep_result, &result);
    KD_TEST_WAIT_UNTIL (result != NULL);
    g_assert_true (kd_case_save_finish (written, result, NULL));

    kd_window_open_case (window, other);
    KD_TEST_WAIT_UNTIL (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL);
    dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    kd_test_save_screenshot (GTK_WIDGET (window), "60-case-open-over-unsaved");
    /* as its button does: the response, and the dialog closed */
    g_signal_emit_by_name (dialog, "response", "open");
    adw_dialog_force_close (dialog);
    KD_TEST_WAIT_UNTIL (g_strcmp0 (kd_case_get_notes (kase), "other") == 0);
    g_assert_true (g_file_equal (kd_case_get_file (kase), other));
    g_assert_false (kd_case_get_unsaved (kase));
    g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "other "));
  }

  /* saved again to its file: no question to open the first one */
  kd_window_open_case (window, mine);
  KD_TEST_WAIT_UNTIL (g_strcmp0 (kd_case_get_notes (kase), "") == 0 && g_file_equal (kd_case_get_file (kase), mine));
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

  /* the recent files know both */
  {
    g_autofree char *uri = g_file_get_uri (mine);

    KD_TEST_WAIT_UNTIL (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }

  /* closed with changes its file lacks: asked; kept open on Cancel */
  kd_case_set_notes (kase, "more");
  gtk_window_close (GTK_WINDOW (window));
  KD_TEST_WAIT_UNTIL (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL);
  {
    AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

    kd_test_save_screenshot (GTK_WIDGET (window), "61-case-close-unsaved");
    g_signal_emit_by_name (dialog, "response", "cancel");
    adw_dialog_force_close (dialog);
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Quit asks too */
  g_action_group_activate_action (G_ACTION_GROUP (kd_test_get_application ()), "quit", NULL);
  KD_TEST_WAIT_UNTIL (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL);
  {
    AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

    g_signal_emit_by_name (dialog, "response", "cancel");
    adw_dialog_force_close (dialog);
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  g_unlink (mine_path);
  g_unlink (other_path);
  g_rmdir (dir);
  kd_test_window_destroy (window);
}

/* A case file opened with the app, as Files does it (GApplication's
 * open, which D-Bus activation calls): the window's case becomes it */
static void
test_open_with_app (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdCase *kase = kd_window_get_case (window);
  g_autofree char *dir = g_dir_make_tmp ("kd-test-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "from-files.kmsdoctor", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, "{\"format_version\": 1, \"codes\": [\"0xC004F050\"], "
                                            "\"notes\": \"opened from Files\"}", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_application_open (G_APPLICATION (kd_test_get_application ()), &file, 1, "");
  KD_TEST_WAIT_UNTIL (g_strcmp0 (kd_case_get_notes (kase), "opened from Files") == 0);
  g_assert_true (g_file_equal (kd_case_get_file (kase), file));
  g_assert_cmpstr (kd_case_get_codes (kase)[0], ==, "0xC004F050");

  g_unlink (path);
  g_rmdir (dir);
  kd_test_window_destroy (window);
}

/* The window's case as a report, in the format its file's name says: its
 * capture, the health on screen, its notes */
static void
test_export_report (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  g_autofree char *capture = kd_test_read_fixture ("en-dlv-win10-ent-kmsclient-dns-banner-prompt");
  g_autofree char *dir = g_dir_make_tmp ("kd-test-report-XXXXXX", NULL);
  const char *names[] = { "ticket.md", "ticket.json", "ticket.txt", "clients.csv", "ticket.pdf", "ticket.html",
                          "R&D <notes>.md" };
  const char *starts[] = { "# ", "{", NULL, NULL, "%PDF-", "<!DOCTYPE html>", "# " };

  kd_analyze_page_set_text (kd_window_get_analyze_page (window), capture);
  kd_case_set_notes (kd_window_get_case (window), "Call <Milan> | now");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      kd_window_export_report_async (window, file, FALSE, keep_result, &result);
      KD_TEST_WAIT_UNTIL (result != NULL);
      g_assert_true (kd_window_export_report_finish (window, result, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      if (starts[i] != NULL)
        g_assert_true (g_str_has_prefix (contents, starts[i]));
      if (i < 3)
        g_assert_nonnull (strstr (contents, "Client Machine ID"));
      else if (i == 3)
        g_assert_true (g_str_has_suffix (contents, "\r\n"));
      g_unlink (path);
    }
  /* a toast naming such a file shows it as it is, not as markup (a
   * markup error would be a fatal warning here) */
  kd_window_toast (window, "Saved “R&D <notes>.md”");
  kd_test_wait_for_draw (GTK_WIDGET (window));
  kd_test_run_ms (100);
  /* redacted: the capture's machine ID and host masked, in both reports
   * the same way, and the masks kept in the case */
  {
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *path = g_build_filename (dir, "redacted.txt", NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GAsyncResult) result = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(KdRedactor) redactor = NULL;
        char *contents = NULL;

        kd_window_export_report_async (window, file, TRUE, keep_result, &result);
        KD_TEST_WAIT_UNTIL (result != NULL);
        g_assert_true (kd_window_export_report_finish (window, result, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        g_assert_null (strstr (contents, "kms01"));
        g_assert_null (strstr (contents, "e1f2a3b4"));
        g_assert_nonnull (strstr (contents, "Client Machine ID (CMID): cmid-1"));
        *(i == 0 ? &first : &second) = contents;
        redactor = kd_case_dup_redactor (kd_window_get_case (window));
        g_assert_cmpstr (kd_redactor_lookup (redactor, "kms01.corp.contoso.com"), ==, "host-1.domain-1.com");
        g_unlink (path);
      }
    g_assert_nonnull (strstr (second, "host-1.domain-1.com"));
  }
  /* not written: said */
  {
    g_autoptr(GFile) nowhere = g_file_new_for_path ("/etc/passwd/report.md");
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    kd_window_export_report_async (window, nowhere, FALSE, keep_result, &result);
    KD_TEST_WAIT_UNTIL (result != NULL);
    g_assert_false (kd_window_export_report_finish (window, result, &error));
    g_assert_nonnull (error);
  }
  g_rmdir (dir);
  kd_test_window_destroy (window);
}

/* A redacted report checked first: the preview masks and highlights,
 * a value switched off is written as it is, the export follows the
 * choices, and the case keeps them */
static void
test_redaction_preview (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  g_autofree char *capture = kd_test_read_fixture ("en-dlv-win10-ent-kmsclient-dns-banner-prompt");
  g_autofree char *dir = g_dir_make_tmp ("kd-test-redact-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "redacted.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(KdRedactor) redactor = NULL;
  KdRedactionDialog *dialog;
  GListModel *redactions;
  KdRedaction *host = NULL;

  kd_analyze_page_set_text (kd_window_get_analyze_page (window), capture);
  kd_case_set_notes (kd_window_get_case (window), "Ask jane.doe@contoso.com about <b>kms01</b>");
  dialog = g_object_ref (kd_window_redact_report (window, file));
  KD_TEST_WAIT_UNTIL (kd_redaction_dialog_get_text (dialog) != NULL && !kd_redaction_dialog_get_busy (dialog));
  g_assert_null (strstr (kd_redaction_dialog_get_text (dialog), "kms01"));
  g_assert_null (strstr (kd_redaction_dialog_get_text (dialog), "jane.doe"));
  g_assert_nonnull (strstr (kd_redaction_dialog_get_text (dialog), "host-1.domain-1.com"));
  redactions = kd_redaction_dialog_get_redactions (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (redactions), >=, 4);
  kd_test_wait_for_draw (GTK_WIDGET (window));
  kd_test_save_screenshot (GTK_WIDGET (window), "64-redaction-preview");
  /* the masks highlighted in the text */
  {
    GtkTextView *view = GTK_TEXT_VIEW (kd_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "mask");
    GtkTextIter start, match_start, match_end;

    gtk_text_buffer_get_start_iter (buffer, &start);
    g_assert_true (gtk_text_iter_forward_search (&start, " cmid-1", 0, &match_start, &match_end, NULL));
    g_assert_false (gtk_text_iter_has_tag (&match_start, tag));
    gtk_text_iter_forward_char (&match_start);
    g_assert_true (gtk_text_iter_has_tag (&match_start, tag));
    gtk_text_iter_backward_char (&match_end);
    g_assert_true (gtk_text_iter_has_tag (&match_end, tag));
  }

  /* keep the KMS host's full name */
  for (guint i = 0; i < g_list_model_get_n_items (redactions); i++)
    {
      g_autoptr(KdRedaction) redaction = g_list_model_get_item (redactions, i);

      if (g_str_equal (kd_redaction_get_value (redaction), "kms01.corp.contoso.com"))
        host = redaction;
    }
  g_assert_nonnull (host);
  kd_redaction_set_masked (host, FALSE);
  KD_TEST_WAIT_UNTIL (!kd_redaction_dialog_get_busy (dialog)
                      && strstr (kd_redaction_dialog_get_text (dialog), "kms01.corp.contoso.com") != NULL);

  g_signal_emit_by_name (dialog, "export");
  KD_TEST_WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS));
  KD_TEST_WAIT_UNTIL (kd_case_get_modified (kd_window_get_case (window)));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, " kms01.corp.contoso.com:1688"));
  g_assert_null (strstr (contents, "jane.doe"));
  g_assert_null (strstr (contents, "e1f2a3b4"));
  redactor = kd_case_dup_redactor (kd_window_get_case (window));
  {
    g_autofree char *again = kd_redactor_apply (redactor, "kms01.corp.contoso.com e1f2a3b4-5c6d-4e7f-8a9b-0c1d2e3f4a5b");

    g_assert_cmpstr (again, ==, "kms01.corp.contoso.com cmid-1");
  }
  g_object_unref (dialog);
  g_unlink (path);
  g_rmdir (dir);
  kd_test_window_destroy (window);
}

/* The capture in Analyze compared with another one, field by field; a
 * file that is not a capture is said to be, and shows nothing */
static void
test_compare (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  g_autofree char *before_path = g_test_build_filename (G_TEST_DIST, "fixtures", "diff", "before.txt", NULL);
  g_autofree char *after_path = g_test_build_filename (G_TEST_DIST, "fixtures", "diff", "after-utf16.txt", NULL);
  g_autofree char *readme_path = g_test_build_filename (G_TEST_DIST, "fixtures", "redact", "README.md", NULL);
  g_autoptr(GFile) after = g_file_new_for_path (after_path);
  g_autoptr(GFile) readme = g_file_new_for_path (readme_path);
  g_autofree char *before = NULL;
  AdwDialog *dialog;

  g_assert_true (g_file_get_contents (before_path, &before, NULL, NULL));
  kd_analyze_page_set_text (kd_window_get_analyze_page (window), before);
  KD_TEST_WAIT_UNTIL (kd_analyze_page_get_diagnosis (kd_window_get_analyze_page (window)) != NULL);

  kd_window_compare_file (window, readme);
  kd_test_run_ms (300);
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

  kd_window_compare_file (window, after);
  KD_TEST_WAIT_UNTIL ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL);
  g_assert_true (KD_IS_DIFF_DIALOG (dialog));
  g_assert_cmpuint (kd_capture_diff_get_n_changes (kd_diff_dialog_get_diff (KD_DIFF_DIALOG (dialog))), >, 0);
  /* B is kept in the case, after Analyze's capture */
  {
    GListModel *captures = kd_case_get_captures (kd_window_get_case (window));
    g_autoptr(KdCaseCapture) kept = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (captures), ==, 2);
    kept = g_list_model_get_item (captures, 1);
    g_assert_cmpstr (kd_case_capture_get_source_name (kept), ==, "after-utf16.txt");
    g_assert_cmpstr (kd_case_capture_get_encoding (kept), ==, "UTF-16LE");
  }
  kd_test_wait_for_draw (GTK_WIDGET (window));
  kd_test_save_screenshot (GTK_WIDGET (window), "66-compare");
  adw_dialog_force_close (dialog);
  KD_TEST_WAIT_UNTIL (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL);

  /* again, with the B the case keeps: no file asked for */
  kd_window_compare (window);
  KD_TEST_WAIT_UNTIL ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL);
  g_assert_true (KD_IS_DIFF_DIALOG (dialog));
  g_assert_cmpuint (kd_capture_diff_get_n_changes (kd_diff_dialog_get_diff (KD_DIFF_DIALOG (dialog))), >, 0);
  adw_dialog_force_close (dialog);
  kd_test_window_destroy (window);
}

/* The redaction preview and the comparison on a phone-sized window, in
 * the dark: nothing cut off */
static void
test_reports_narrow_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  KdWindow *window;
  g_autofree char *capture = kd_test_read_fixture ("en-dlv-win10-ent-kmsclient-dns-banner-prompt");
  g_autofree char *dir = g_dir_make_tmp ("kd-test-narrow-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "redacted.md", NULL);
  g_autofree char *after_path = g_test_build_filename (G_TEST_DIST, "fixtures", "diff", "after.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) after = g_file_new_for_path (after_path);
  KdRedactionDialog *redaction;
  AdwDialog *dialog;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = kd_test_window_new (360, 700);
  kd_analyze_page_set_text (kd_window_get_analyze_page (window), capture);
  KD_TEST_WAIT_UNTIL (kd_analyze_page_get_diagnosis (kd_window_get_analyze_page (window)) != NULL);

  redaction = kd_window_redact_report (window, file);
  KD_TEST_WAIT_UNTIL (kd_redaction_dialog_get_text (redaction) != NULL && !kd_redaction_dialog_get_busy (redaction));
  kd_test_wait_for_draw (GTK_WIDGET (window));
  kd_test_save_screenshot (GTK_WIDGET (window), "67-redaction-narrow-dark");
  adw_dialog_force_close (ADW_DIALOG (redaction));

  kd_window_compare_file (window, after);
  KD_TEST_WAIT_UNTIL ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL
                      && KD_IS_DIFF_DIALOG (dialog));
  kd_test_wait_for_draw (GTK_WIDGET (window));
  kd_test_save_screenshot (GTK_WIDGET (window), "68-compare-narrow-dark");
  adw_dialog_force_close (dialog);

  kd_test_window_destroy (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_rmdir (dir);
}

/* The print preview shows the pages the printer gets, in the app: page
 * after page, in the dark style and narrow too */
static void
test_print_preview (void)
{
  KdWindow *window = kd_test_window_new (1100, 900);
  g_autofree char *capture = kd_test_read_fixture ("en-dlv-win10-ent-kmsclient-dns-banner-prompt");
  g_autoptr(GAsyncResult) printed = NULL;
  AdwDialog *dialog;
  KdPagePreview *preview;

  kd_analyze_page_set_text (kd_window_get_analyze_page (window), capture);
  kd_window_print_async (window, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, keep_result, &printed);
  KD_TEST_WAIT_UNTIL ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL);
  g_assert_true (KD_IS_PAGE_PREVIEW (dialog));
  preview = KD_PAGE_PREVIEW (dialog);
  g_assert_cmpuint (kd_page_preview_get_n_pages (preview), >=, 2);
  kd_test_wait_for_draw (GTK_WIDGET (window));
  kd_test_save_screenshot (GTK_WIDGET (window), "70-print-preview");
  kd_page_preview_set_page (preview, 1);
  g_assert_cmpuint (kd_page_preview_get_page (preview), ==, 1);
  kd_page_preview_set_page (preview, 99);
  g_assert_cmpuint (kd_page_preview_get_page (preview), ==, 1);
  kd_test_wait_for_draw (GTK_WIDGET (window));
  kd_test_save_screenshot (GTK_WIDGET (window), "70b-print-preview-page-2");
  adw_dialog_close (dialog);
  KD_TEST_WAIT_UNTIL (printed != NULL);
  g_assert_cmpint (kd_window_print_finish (window, printed, NULL), !=, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_clear_object (&printed);
  kd_test_window_destroy (window);
}

/* Printing plays the PDF's pages on the printer's paper: run to a file,
 * as the print dialog's "Print to File" does; the paper is remembered */
static void
test_print (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  g_autofree char *capture = kd_test_read_fixture ("en-dlv-win10-ent-kmsclient-dns-banner-prompt");
  g_autofree char *dir = g_dir_make_tmp ("kd-test-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) setup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  GtkPrintOperationResult result;

  kd_analyze_page_set_text (kd_window_get_analyze_page (window), capture);
  {
    g_autoptr(GAsyncResult) printed = NULL;

    kd_window_print_async (window, GTK_PRINT_OPERATION_ACTION_EXPORT, path, keep_result, &printed);
    KD_TEST_WAIT_UNTIL (printed != NULL);
    result = kd_window_print_finish (window, printed, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "pdftotext", "-layout", path, "-", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &text, NULL, &error));
  /* in any language: the capture's values */
  g_assert_nonnull (strstr (text, "VOLUME_KMSCLIENT"));
  g_assert_nonnull (strstr (text, "e1f2a3b4-5c6d-4e7f-8a9b-0c1d2e3f4a5b"));
  setup = g_settings_get_value (settings, "page-setup");
  g_assert_cmpuint (g_variant_n_children (setup), >, 0);
  g_unlink (path);
  g_rmdir (dir);
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

  kd_test_window_destroy (window);
}

/* Every accelerator, in a dialog of its own. */
static void
test_shortcuts (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  AdwDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL);
  KD_TEST_WAIT_UNTIL (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (KD_IS_SHORTCUTS_DIALOG (dialog));
  kd_test_save_screenshot (GTK_WIDGET (window), "13-shortcuts");
  adw_dialog_force_close (dialog);
  KD_TEST_WAIT_UNTIL (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL);

  kd_test_window_destroy (window);
}

/* A session that cannot be written says so in a banner, which goes once
 * Try Again succeeds. */
static void
check_autosave_banner (int         width,
                       int         height,
                       const char *screenshot)
{
  KdWindow *window = kd_test_window_new (width, height);
  KdCase *kase = kd_window_get_case (window);
  g_autofree char *dir = g_dir_make_tmp ("kd-autosave-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "kms-doctor", NULL);
  g_autofree char *path = g_build_filename (blocker, "session.kmsdoctor", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *reason;

  g_assert_false (adw_banner_get_revealed (window->autosave_banner));

  /* A file where the folder should be */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  kd_case_set_notes (kase, "kept?");
  kd_case_set_autosave_file (kase, file);
  KD_TEST_WAIT_UNTIL (adw_banner_get_revealed (window->autosave_banner));
  reason = gtk_widget_get_tooltip_text (GTK_WIDGET (window->autosave_banner));
  g_assert_cmpstr (reason, ==, kd_case_get_autosave_error (kase)->message);
  kd_test_save_screenshot (GTK_WIDGET (window), screenshot);

  g_assert_cmpint (g_unlink (blocker), ==, 0);
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  g_signal_emit_by_name (window->autosave_banner, "button-clicked");
  KD_TEST_WAIT_UNTIL (!adw_banner_get_revealed (window->autosave_banner));
  g_assert_true (g_file_query_exists (file, NULL));

  kd_test_window_destroy (window);
  g_unlink (path);
  g_rmdir (blocker);
  g_rmdir (dir);
}

static void
test_autosave_banner (void)
{
  check_autosave_banner (1100, 720, "14-autosave-failed");
  check_autosave_banner (360, 640, "14-autosave-failed-narrow");
}

/* A session that did not end properly (its marker left behind) is
 * offered back: Restore loads it; Start Empty sets it aside and starts
 * empty; a clean close takes the marker away */
static void
test_recovery_offer (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "kms-doctor", NULL);
  g_autofree char *session = g_build_filename (dir, "session.kmsdoctor", NULL);
  g_autofree char *running = g_build_filename (dir, "running", NULL);
  g_autofree char *aside = g_strconcat (session, ".discarded", NULL);
  const char *saved = "{\"format_version\": 1, \"codes\": [\"0xC004F074\"], \"notes\": \"Before the crash\"}";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint choice = 0; choice < 2; choice++)
    {
      KdWindow *window;
      AdwDialog *dialog;

      g_assert_true (g_file_set_contents (session, saved, -1, NULL));
      g_assert_true (g_file_set_contents (running, "1\n", -1, NULL));
      window = kd_test_window_new (1100, 720);
      kd_window_restore_session (window);
      KD_TEST_WAIT_UNTIL ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL);
      g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
      /* nothing restored before the user says so */
      g_assert_cmpstr (kd_case_get_notes (kd_window_get_case (window)), ==, "");
      if (choice == 0)
        {
          kd_test_wait_for_draw (GTK_WIDGET (window));
          kd_test_save_screenshot (GTK_WIDGET (window), "69-recovery-offer");
          g_signal_emit_by_name (dialog, "response", "restore");
          KD_TEST_WAIT_UNTIL (g_strcmp0 (kd_case_get_notes (kd_window_get_case (window)), "Before the crash") == 0);
        }
      else
        {
          g_signal_emit_by_name (dialog, "response", "discard");
          KD_TEST_WAIT_UNTIL (g_file_test (aside, G_FILE_TEST_EXISTS));
          g_assert_cmpstr (kd_case_get_notes (kd_window_get_case (window)), ==, "");
        }
      adw_dialog_force_close (dialog);
      g_assert_true (g_file_test (running, G_FILE_TEST_EXISTS));
      kd_test_window_destroy (window);
      /* closed cleanly: the next start asks nothing */
      g_assert_false (g_file_test (running, G_FILE_TEST_EXISTS));
    }
  g_unlink (aside);
  g_unlink (session);
}

int
main (int    argc,
      char **argv)
{
  kd_test_init (&argc, &argv);

  g_test_add_func ("/window/paste-action", test_paste_action);
  g_test_add_func ("/window/paste-action-capture", test_paste_action_capture);
  g_test_add_func ("/window/drop", test_drop);
  g_test_add_func ("/window/case-file", test_case_file);
  g_test_add_func ("/window/open-with-app", test_open_with_app);
  g_test_add_func ("/window/export-report", test_export_report);
  g_test_add_func ("/window/print", test_print);
  g_test_add_func ("/window/print-preview", test_print_preview);
  g_test_add_func ("/window/redaction-preview", test_redaction_preview);
  g_test_add_func ("/window/compare", test_compare);
  g_test_add_func ("/window/reports-narrow-dark", test_reports_narrow_dark);
  g_test_add_func ("/window/about", test_about);
  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add_func ("/window/autosave-banner", test_autosave_banner);
  g_test_add_func ("/window/recovery-offer", test_recovery_offer);

  return kd_test_run ();
}
