/* test-error-codes-page.c — the Error Codes view, in a real window under Xvfb
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

#include "kd-error-catalog.h"
#include "kd-error-detail.h"
#include "kd-hresult.h"
#include "kd-code-row.h"
#include "kd-link-row.h"
#include "kd-paced-list.h"
#include "kd-row-slot.h"
#include "kd-step-row.h"
#include "kd-test-utils.h"
#include "kd-window.h"

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
  Search search = { GTK_EDITABLE (kd_error_codes_page_get_search_entry (page)), text, 0 };
  gulong id;

  /* The same text again changes nothing: its search has run, and its
   * best match shows once the window has drawn twice. */
  if (g_str_equal (gtk_editable_get_text (search.entry), text))
    {
      kd_test_wait_for_draw (GTK_WIDGET (window));
      kd_test_wait_for_draw (GTK_WIDGET (window));
      return;
    }

  /* As if typed: the entry's own search-changed runs the search, not a
   * direct call; the page has run it when the signal is over. */
  id = g_signal_connect_data (search.entry, "search-changed", G_CALLBACK (count_search), &search, NULL,
                              G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_editable_set_text (search.entry, text);
  KD_TEST_WAIT_UNTIL (search.listed > 0);
  g_signal_handler_disconnect (search.entry, id);

  /* The best match is shown in the frame after the list's. */
  kd_test_wait_for_draw (GTK_WIDGET (window));
  kd_test_wait_for_draw (GTK_WIDGET (window));
}

static gboolean
is_chip (GtkWidget     *widget,
         gconstpointer  label)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The toggle button of a filter chip, by its label */
static GtkToggleButton *
find_chip (GtkWidget  *widget,
           const char *label)
{
  return (GtkToggleButton *) kd_test_find_widget (widget, is_chip, label);
}

/* The entries the list's rows show, once they have caught up with the
 * search (KdPacedList re-labels them a screenful a frame). */
static GPtrArray *
get_rows (GtkListView *list)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  KdPacedList *rows = KD_PACED_LIST (gtk_single_selection_get_model (selection));
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  KD_TEST_WAIT_UNTIL (!kd_paced_list_get_pending (rows));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr(KdRowSlot) slot = g_list_model_get_item (G_LIST_MODEL (rows), i);

      g_assert_true (KD_IS_ERROR_CODE (kd_row_slot_get_item (slot)));
      g_ptr_array_add (entries, g_object_ref (kd_row_slot_get_item (slot)));
    }
  return entries;
}

/* The chips filter what a search found, declared in the page's .ui as a
 * filter model; the code typed stays whatever they say. */
static void
test_chips (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdErrorCodesPage *page = kd_window_get_error_codes_page (window);
  GtkListView *list = GTK_LIST_VIEW (kd_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW));
  GtkToggleButton *mak = find_chip (GTK_WIDGET (page), kd_applies_to_get_label (KD_APPLIES_TO_MAK));
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) code = NULL;

  g_assert_nonnull (mak);
  type_text (window, "licensing");
  all = get_rows (list);
  g_assert_cmpuint (all->len, >, 1);

  gtk_toggle_button_set_active (mak, TRUE);
  kept = get_rows (list);
  g_assert_cmpuint (kept->len, >=, 1);
  g_assert_cmpuint (kept->len, <, all->len);
  for (guint i = 0; i < kept->len; i++)
    g_assert_cmpint (kd_error_code_get_applies_to (kept->pdata[i]) & KD_APPLIES_TO_MAK, !=, 0);

  /* A code typed stays, though 0xC004F074 is a KMS client's error. */
  type_text (window, "0xC004F074");
  code = get_rows (list);
  g_assert_cmpuint (code->len, ==, 1);
  g_assert_cmphex (kd_error_code_get_value (code->pdata[0]), ==, 0xC004F074);
  g_assert_cmpint (kd_error_code_get_applies_to (code->pdata[0]) & KD_APPLIES_TO_MAK, ==, 0);

  gtk_toggle_button_set_active (mak, FALSE);
  kd_test_window_destroy (window);
}

static void
test_type_code_fragment (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdErrorCodesPage *page = kd_window_get_error_codes_page (window);
  KdErrorCode *entry;
  GSettings *settings = g_settings_new (APP_ID);

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
  /* the reason quotes what was typed, shown as it is: as markup it would
   * be a fatal warning here */
  type_text (window, "0xC004F07<b>&");
  kd_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (kd_error_codes_page_get_results (page)), ==, 0);

  kd_test_window_destroy (window);
  g_assert_finalize_object (settings);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The subtitle of the visible row titled @title, or NULL if none shows */
static const char *
row_subtitle (GtkWidget  *widget,
              const char *title)
{
  GtkWidget *row = kd_test_find_widget (widget, is_row_titled, title);

  return row != NULL ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
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
  /* The nearest catalog entries are listed, and in the detail too. */
  g_assert_cmpuint (g_list_model_get_n_items (kd_error_codes_page_get_results (page)), >, 0);
  {
    GtkWidget *row = kd_test_find_descendant (GTK_WIDGET (page), KD_TYPE_CODE_ROW);
    guint n = 0;

    g_assert_nonnull (row);
    g_assert_true (gtk_widget_is_visible (row));
    for (; row != NULL; row = gtk_widget_get_next_sibling (row), n++)
      g_assert_true (kd_error_code_get_known (kd_code_row_get_entry (KD_CODE_ROW (row))));
    g_assert_cmpuint (n, ==, 5);
  }
  /* What its bits say, bound to the entry in the template. */
  {
    GtkWidget *detail = GTK_WIDGET (page);
    g_autofree char *facility = g_strdup_printf ("7 — %s", "FACILITY_WIN32");

    g_assert_cmpstr (row_subtitle (detail, _("Hexadecimal")), ==, "0x80070020");
    g_assert_cmpstr (row_subtitle (detail, _("Decimal (signed, as scripts and logs print it)")), ==, "-2147024864");
    g_assert_cmpstr (row_subtitle (detail, _("Decimal (unsigned)")), ==, "2147942432");
    g_assert_cmpstr (row_subtitle (detail, _("Severity")), ==,
                     kd_hresult_severity_get_label (kd_hresult_get_severity (0x80070020)));
    g_assert_cmpstr (row_subtitle (detail, _("Facility")), ==, facility);
    g_assert_cmpstr (row_subtitle (detail, _("Code")), ==, "0x0020 (32)");
    g_assert_true (g_str_has_prefix (row_subtitle (detail, _("Win32 error")), "32 — ERROR_SHARING_VIOLATION — "));
    g_assert_null (row_subtitle (detail, _("Reported by")));

    /* A code of the catalog's own zone: no Win32 error, and who reports it. */
    type_text (window, "0xC004F074");
    g_assert_cmpstr (row_subtitle (detail, _("Hexadecimal")), ==, "0xC004F074");
    g_assert_cmpstr (row_subtitle (detail, _("Code")), ==, "0xF074 (61556)");
    g_assert_null (row_subtitle (detail, _("Win32 error")));
    g_assert_cmpstr (row_subtitle (detail, _("Reported by")), ==, kd_hresult_get_zone (0xC004F074));
    g_assert_nonnull (kd_hresult_get_zone (0xC004F074));
    type_text (window, "0x80070020");
  }
  kd_test_save_screenshot (GTK_WIDGET (window), "05-unknown");
  {
    GtkWidget *detail = kd_test_find_descendant (GTK_WIDGET (page), KD_TYPE_ERROR_DETAIL);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (kd_test_find_descendant (detail, GTK_TYPE_SCROLLED_WINDOW)));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    kd_test_save_screenshot (GTK_WIDGET (window), "05b-unknown-structure");
  }

  kd_test_window_destroy (window);
}

/* The sources of an entry are links: their title, their address, opened
 * by win.open-uri. */
static void
test_sources (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdErrorCodesPage *page = kd_window_get_error_codes_page (window);
  KdErrorCode *entry;
  GtkWidget *row;
  const char *title, *url;
  GVariant *target;

  type_text (window, "0xC004F074");
  entry = kd_error_codes_page_get_entry (page);
  g_assert_nonnull (entry);
  g_assert_cmpuint (kd_error_code_get_n_sources (entry), >, 0);
  kd_error_code_get_source (entry, 0, &title, &url);

  row = kd_test_find_descendant (GTK_WIDGET (page), KD_TYPE_LINK_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_cmpstr (kd_link_row_get_label (KD_LINK_ROW (row)), ==, title);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, url);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.open-uri");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, url);

  kd_test_window_destroy (window);

  /* Dark, scrolled to the end: the steps and the sources */
  {
    AdwStyleManager *style = adw_style_manager_get_default ();
    GtkAdjustment *adjustment;

    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
    window = kd_test_window_new (1100, 720);
    type_text (window, "0xC004F074");
    page = kd_window_get_error_codes_page (window);
    row = kd_test_find_descendant (GTK_WIDGET (page), KD_TYPE_LINK_ROW);
    kd_test_wait_for_draw (GTK_WIDGET (window));
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW)));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    kd_test_save_screenshot (GTK_WIDGET (window), "10b-dark-sources");
    kd_test_window_destroy (window);
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  }
}

/* The codes an entry names as related are rows that open them. */
static void
test_related (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdErrorCodesPage *page = kd_window_get_error_codes_page (window);
  const char * const *related;
  GtkWidget *row;
  guint n = 0;

  type_text (window, "0xC004F038");
  related = kd_error_code_get_related (kd_error_codes_page_get_entry (page));
  g_assert_nonnull (related[0]);

  row = kd_test_find_descendant (GTK_WIDGET (page), KD_TYPE_CODE_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  for (; row != NULL; row = gtk_widget_get_next_sibling (row), n++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));

      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, related[n]);
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "page.open-code");
    }
  g_assert_cmpuint (n, ==, g_strv_length ((char **) related));

  /* Opened from there, the other code is shown. */
  gtk_widget_activate (kd_test_find_descendant (GTK_WIDGET (page), KD_TYPE_CODE_ROW));
  KD_TEST_WAIT_UNTIL (g_strcmp0 (kd_error_code_get_code (kd_error_codes_page_get_entry (page)), related[0]) == 0);

  kd_test_window_destroy (window);
}

/* The remedy is numbered from 1; commands in backticks are monospace, and
 * nothing of the catalog's text is lost or read as markup. */
static void
test_steps (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdErrorCodesPage *page = kd_window_get_error_codes_page (window);
  const char * const *steps;
  GtkWidget *row;
  guint n = 0;
  gboolean monospace = FALSE;

  type_text (window, "0xC004F038");
  steps = kd_error_code_get_steps (kd_error_codes_page_get_entry (page));
  g_assert_cmpuint (g_strv_length ((char **) steps), >, 1);

  row = kd_test_find_descendant (GTK_WIDGET (page), KD_TYPE_STEP_ROW);
  g_assert_nonnull (row);
  for (; row != NULL; row = gtk_widget_get_next_sibling (row), n++)
    {
      GtkWidget *number = kd_test_find_descendant (row, GTK_TYPE_LABEL);
      GtkWidget *text = gtk_widget_get_next_sibling (number);
      g_autofree char *expected_number = g_strdup_printf ("%u", n + 1);
      g_auto(GStrv) parts = g_strsplit (steps[n], "`", -1);
      g_autofree char *plain = g_strjoinv ("", parts);

      g_assert_nonnull (steps[n]);
      g_assert_cmpuint (kd_step_row_get_number (KD_STEP_ROW (row)), ==, n + 1);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (number)), ==, expected_number);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (text)), ==, plain);
      g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      if (strstr (kd_step_row_get_markup (KD_STEP_ROW (row)), "<tt>") != NULL)
        monospace = TRUE;
    }
  g_assert_cmpuint (n, ==, g_strv_length ((char **) steps));
  g_assert_true (monospace);

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

static void
test_narrow (void)
{
  KdWindow *window = kd_test_window_new (360, 720);
  KdErrorCodesPage *page = kd_window_get_error_codes_page (window);
  g_autoptr(KdTestNotify) entry = NULL;

  g_assert_true (kd_page_get_narrow (KD_PAGE (page)));
  type_text (window, "c004f0");
  kd_test_save_screenshot (GTK_WIDGET (window), "08-narrow-list");

  entry = kd_test_notify_watch (page, "entry");
  gtk_widget_activate_action (GTK_WIDGET (page), "page.open-code", "s", "0xC004F074");
  kd_test_assert_notified_once (entry);
  kd_test_save_screenshot (GTK_WIDGET (window), "09-narrow-detail");
  g_assert_true (kd_page_go_back (KD_PAGE (page)));

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

int
main (int    argc,
      char **argv)
{
  kd_test_init (&argc, &argv);

  g_test_add_func ("/window/type-code-fragment", test_type_code_fragment);
  g_test_add_func ("/window/chips", test_chips);
  g_test_add_func ("/window/unknown-code", test_unknown_code);
  g_test_add_func ("/window/sources", test_sources);
  g_test_add_func ("/window/steps", test_steps);
  g_test_add_func ("/window/related", test_related);
  g_test_add_func ("/window/copy", test_copy);
  g_test_add_func ("/window/paste", test_paste);
  g_test_add_func ("/window/narrow", test_narrow);
  g_test_add_func ("/window/dark", test_dark);
  g_test_add_func ("/window/italian", test_italian);

  return kd_test_run ();
}
