/* test-health-page.c — the KMS Health view, in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inputs are the health scenarios of tests/fixtures/health, read the
 * way a user gives them: files and folders added to the page.  Every state
 * is saved as a PNG in tests/screenshots/ of the build directory.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kd-chart.h"
#include "kd-stat-card.h"
#include "kd-test-utils.h"
#include "kd-window.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "health", name, NULL);

  return g_file_new_for_path (path);
}

static void
show_health_view (KdWindow *window)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (
                                           GTK_WIDGET (kd_window_get_health_page (window)), ADW_TYPE_VIEW_STACK)),
                                         "health");
}

/* Adds @names (fixtures) and waits for the snapshot they make */
static KdHealth *
add_and_wait (KdHealthPage       *page,
              const char * const *names)
{
  g_autoptr(KdTestNotify) health = kd_test_notify_watch (page, "health");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (files, fixture (names[i]));
  kd_health_page_add_files (page, (GFile **) files->pdata, files->len);
  g_assert_nonnull (kd_health_page_get_import (page));
  KD_TEST_WAIT_UNTIL (kd_test_notify_count (health) > 0 && kd_health_page_get_import (page) == NULL);
  return kd_health_page_get_health (page);
}

static gboolean
is_view_stack_named (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_VIEW_STACK (widget) && adw_view_stack_get_child_by_name (ADW_VIEW_STACK (widget), data) != NULL;
}

static void
show_tab (KdHealthPage *page,
          const char   *name)
{
  GtkWidget *stack = kd_test_find_widget (GTK_WIDGET (page), is_view_stack_named, name);

  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
}

static gboolean
is_card_titled (GtkWidget     *widget,
                gconstpointer  data)
{
  g_autofree char *title = NULL;

  if (!KD_IS_STAT_CARD (widget))
    return FALSE;
  g_object_get (widget, "title", &title, NULL);
  return g_strcmp0 (title, data) == 0;
}

static KdStatCard *
card (KdHealthPage *page,
      const char   *title)
{
  GtkWidget *found = kd_test_find_widget (GTK_WIDGET (page), is_card_titled, title);

  g_assert_nonnull (found);
  return KD_STAT_CARD (found);
}

/* as a GFile gives it: canonical */
static void
keep_result (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static char *
fixture_path (const char *name)
{
  g_autoptr(GFile) file = fixture (name);

  return g_file_get_path (file);
}

static gboolean
is_chart_of_kind (GtkWidget     *widget,
                  gconstpointer  data)
{
  return KD_IS_CHART (widget) && (int) kd_chart_get_kind (KD_CHART (widget)) == GPOINTER_TO_INT (data);
}

static const char *
chart_description (KdHealthPage      *page,
                   KdHealthChartKind  kind)
{
  GtkWidget *chart = kd_test_find_widget (GTK_WIDGET (page), is_chart_of_kind, GINT_TO_POINTER (kind));

  g_assert_nonnull (chart);
  return kd_chart_get_description (KD_CHART (chart));
}

static guint
n_shown (KdHealthPage *page)
{
  return g_list_model_get_n_items (kd_client_table_get_shown (kd_health_page_get_client_table (page)));
}

static gboolean
is_status_titled (GtkWidget     *widget,
                  gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), data) == 0;
}

/* The basic scenario, as a user gives it: the host's capture and history,
 * and the folder of client captures.  The cards, the charts and the table
 * say what the JSON of the same files says. */
static void
test_health (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdHealthPage *page = kd_window_get_health_page (window);
  g_autofree char *dlv = fixture_path ("basic/host-dlv.txt");
  g_autofree char *history = fixture_path ("basic/host-12290.txt");
  g_autofree char *clients = fixture_path ("basic/clients");
  GtkWidget *empty;
  KdHealth *health;

  show_health_view (window);
  empty = kd_test_find_widget (GTK_WIDGET (page), is_status_titled, _("Check a KMS Host"));
  g_assert_nonnull (empty);
  kd_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_null (kd_health_page_get_health (page));
  kd_test_save_screenshot (GTK_WIDGET (window), "40-health-empty");

  health = add_and_wait (page, (const char *[]) { "basic/host-dlv.txt", "basic/host-12290.txt", "basic/clients", NULL });
  g_assert_nonnull (health);
  /* the inputs belong to the case, as given */
  g_assert_cmpstrv (kd_case_get_health_inputs (kd_window_get_case (window)),
                    ((const char *[]) { dlv, history, clients, NULL }));
  /* a file given twice is read once */
  {
    g_autoptr(GFile) again = fixture ("basic/host-dlv.txt");

    kd_health_page_add_files (page, &again, 1);
    g_assert_cmpuint (g_strv_length ((char **) kd_case_get_health_inputs (kd_window_get_case (window))), ==, 3);
    g_assert_null (kd_health_page_get_import (page));
  }

  g_assert_cmpuint (kd_health_get_count (health), ==, 31);
  g_assert_cmpstr (kd_stat_card_get_value (card (page, _("Count"))), ==, "31");
  g_assert_cmpint (kd_stat_card_get_tone (card (page, _("Count"))), ==, KD_STAT_TONE_GOOD);
  g_assert_cmpstr (kd_stat_card_get_value (card (page, _("The Host’s Own Count"))), ==, "31");
  g_assert_cmpint (kd_stat_card_get_tone (card (page, _("The Host’s Own Count"))), ==, KD_STAT_TONE_GOOD);
  g_assert_cmpstr (kd_stat_card_get_value (card (page, _("Clones"))), ==, "1");
  g_assert_cmpint (kd_stat_card_get_tone (card (page, _("Clones"))), ==, KD_STAT_TONE_WARNING);
  g_assert_cmpstr (kd_stat_card_get_value (card (page, _("Failed Requests"))), ==, "1");
  g_assert_cmpint (kd_stat_card_get_tone (card (page, _("Failed Requests"))), ==, KD_STAT_TONE_ERROR);
  g_assert_cmpint (kd_stat_card_get_tone (card (page, _("Probe"))), ==, KD_STAT_TONE_NEUTRAL);
  /* the charts' text alternatives carry the figures */
  g_assert_nonnull (strstr (chart_description (page, KD_HEALTH_CHART_COUNT), "31"));
  g_assert_nonnull (strstr (chart_description (page, KD_HEALTH_CHART_COUNT), "2026-12-22"));
  g_assert_nonnull (strstr (chart_description (page, KD_HEALTH_CHART_REQUESTS), "32"));
  if (!kd_test_in_italian ())
    {
      g_assert_nonnull (strstr (chart_description (page, KD_HEALTH_CHART_COUNT), "falls below 25 on 2026-12-22"));
      g_assert_cmpstr (kd_stat_card_get_detail (card (page, _("The Host’s Own Count"))), ==,
                       "The same as the count made from its history.");
    }
  kd_test_save_screenshot (GTK_WIDGET (window), "41-health-summary");

  /* The table: every client, by name; searched and filtered */
  show_tab (page, "clients");
  g_assert_cmpuint (n_shown (page), ==, g_list_model_get_n_items (kd_health_get_clients (health)));
  {
    GListModel *shown = kd_client_table_get_shown (kd_health_page_get_client_table (page));
    g_autoptr(KdHealthClient) first = g_list_model_get_item (shown, 0);
    g_autoptr(KdHealthClient) second = g_list_model_get_item (shown, 1);

    g_assert_cmpint (g_utf8_collate (kd_health_client_get_name (first), kd_health_client_get_name (second)), <=, 0);
  }
  kd_test_save_screenshot (GTK_WIDGET (window), "42-health-clients");
  kd_client_table_set_search (kd_health_page_get_client_table (page), "CLONE");
  g_assert_cmpuint (n_shown (page), ==, 1);
  kd_client_table_set_search (kd_health_page_get_client_table (page), "0xc004f042");
  g_assert_cmpuint (n_shown (page), ==, 1);
  kd_client_table_set_search (kd_health_page_get_client_table (page), "");
  kd_client_table_set_filter (kd_health_page_get_client_table (page), KD_HEALTH_CLIENT_CLONES);
  g_assert_cmpuint (n_shown (page), ==, 1);
  kd_client_table_set_filter (kd_health_page_get_client_table (page), KD_HEALTH_CLIENT_FAILING);
  g_assert_cmpuint (n_shown (page), ==, 1);
  kd_client_table_set_filter (kd_health_page_get_client_table (page), KD_HEALTH_CLIENT_SILENT);
  g_assert_cmpuint (n_shown (page), ==, 14);
  kd_test_save_screenshot (GTK_WIDGET (window), "43-health-clients-silent");
  /* exported as shown: the 14 silent clients, under the titles */
  {
    g_autofree char *dir = g_dir_make_tmp ("kd-test-csv-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "clients.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;

    kd_client_table_export_csv_async (kd_health_page_get_client_table (page), file, NULL, keep_result, &result);
    KD_TEST_WAIT_UNTIL (result != NULL);
    g_assert_true (kd_client_table_export_csv_finish (kd_health_page_get_client_table (page), result, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    lines = g_strsplit (contents, "\r\n", -1);
    /* the titles, 14 rows, and nothing after the last line's end */
    g_assert_cmpuint (g_strv_length (lines), ==, 16);
    g_assert_true (g_str_has_prefix (lines[1], "PC00.corp.example,"));
    g_unlink (path);
    g_rmdir (dir);
  }
  kd_client_table_set_search (kd_health_page_get_client_table (page), "srv");
  g_assert_cmpuint (n_shown (page), ==, 5);
  kd_client_table_set_search (kd_health_page_get_client_table (page), "");
  kd_client_table_set_filter (kd_health_page_get_client_table (page), KD_HEALTH_CLIENT_ALL);

  /* sorted by the last request, newest first */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (kd_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr(GtkColumnViewColumn) last = g_list_model_get_item (columns, 4);
    GListModel *shown = kd_client_table_get_shown (kd_health_page_get_client_table (page));
    g_autoptr(KdHealthClient) first = NULL;
    g_autoptr(KdHealthClient) later = NULL;

    gtk_column_view_sort_by_column (view, last, GTK_SORT_DESCENDING);
    first = g_list_model_get_item (shown, 0);
    later = g_list_model_get_item (shown, 10);
    g_assert_cmpint (g_date_time_compare (kd_health_client_get_last_request (first),
                                          kd_health_client_get_last_request (later)), >=, 0);
    g_assert_cmpstr (kd_health_client_get_last_hresult (first), ==, "0xC004F042");

    /* a client whose capture was given opens in Analyze */
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr(KdHealthClient) client = g_list_model_get_item (shown, i);

        if (kd_health_client_get_capture_path (client) != NULL)
          {
            KdAnalyzePage *analyze = kd_window_get_analyze_page (window);

            g_signal_emit_by_name (view, "activate", i);
            KD_TEST_WAIT_UNTIL (kd_analyze_page_get_diagnosis (analyze) != NULL);
            g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (analyze)));
            break;
          }
      }
  }
  show_health_view (window);
  show_tab (page, "summary");

  /* Taking the history out: a snapshot of the rest */
  {
    g_autoptr(KdTestNotify) notified = kd_test_notify_watch (page, "health");

    gtk_widget_activate_action (GTK_WIDGET (page), "health.remove-input", "s", history);
    KD_TEST_WAIT_UNTIL (kd_test_notify_count (notified) > 0 && kd_health_page_get_import (page) == NULL);
    g_assert_cmpstrv (kd_case_get_health_inputs (kd_window_get_case (window)),
                      ((const char *[]) { dlv, clients, NULL }));
    g_assert_cmpuint (kd_health_get_count (kd_health_page_get_health (page)), ==, 0);
    g_assert_cmpint (kd_stat_card_get_tone (card (page, _("Count"))), ==, KD_STAT_TONE_ERROR);
  }

  /* And everything: the empty page again */
  gtk_widget_activate_action (GTK_WIDGET (page), "health.clear", NULL);
  g_assert_null (kd_health_page_get_health (page));
  kd_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (empty));
  kd_test_window_destroy (window);
}

/* A folder of two thousand captures, cancelled as soon as it starts: the
 * snapshot shown and the inputs stay as they were */
static void
test_health_cancel (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdHealthPage *page = kd_window_get_health_page (window);
  g_autofree char *dir = g_dir_make_tmp ("kd-test-health-XXXXXX", NULL);
  g_autofree char *capture = NULL;
  g_autofree char *dlv = fixture_path ("basic/host-dlv.txt");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  KdHealth *before;

  show_health_view (window);
  before = add_and_wait (page, (const char *[]) { "basic/host-dlv.txt", NULL });
  g_assert_true (g_file_get_contents (dlv, &capture, NULL, NULL));
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/pc%04u.txt", dir, i);

      g_assert_true (g_file_set_contents (name, capture, -1, NULL));
    }

  kd_health_page_add_files (page, &folder, 1);
  g_assert_nonnull (kd_health_page_get_import (page));
  gtk_widget_activate_action (GTK_WIDGET (page), "health.cancel", NULL);
  KD_TEST_WAIT_UNTIL (kd_health_page_get_import (page) == NULL);
  g_assert_true (kd_health_page_get_health (page) == before);
  g_assert_cmpstrv (kd_case_get_health_inputs (kd_window_get_case (window)), ((const char *[]) { dlv, NULL }));

  /* not cancelled, it is read whole */
  {
    KdHealth *after;
    g_autoptr(KdTestNotify) notified = kd_test_notify_watch (page, "health");

    kd_health_page_add_files (page, &folder, 1);
    kd_test_save_screenshot_moving (GTK_WIDGET (window), "44-health-importing");
    KD_TEST_WAIT_UNTIL (kd_test_notify_count (notified) > 0 && kd_health_page_get_import (page) == NULL);
    after = kd_health_page_get_health (page);
    g_assert_cmpuint (g_list_model_get_n_items (kd_health_get_inputs (after)), ==, 2001);
  }

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/pc%04u.txt", dir, i);

      g_unlink (name);
    }
  g_rmdir (dir);
  kd_test_window_destroy (window);
}

/* Bad inputs are listed with their reason, and the rest is read */
static void
test_health_bad_inputs (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdHealthPage *page = kd_window_get_health_page (window);
  g_autofree char *dir = g_dir_make_tmp ("kd-test-health-XXXXXX", NULL);
  /* a name that is markup, and broken markup: shown as it is */
  g_autofree char *empty = g_build_filename (dir, "<b>empty<b> & <i.txt", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.evtx", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone.txt", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KdTestNotify) notified = kd_test_notify_watch (page, "health");
  KdHealth *health;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (binary, "\x00\x01\x02\xff\xfe garbage \x00", 16, NULL));
  g_ptr_array_add (files, g_file_new_for_path (empty));
  g_ptr_array_add (files, g_file_new_for_path (binary));
  g_ptr_array_add (files, g_file_new_for_path (gone));
  g_ptr_array_add (files, fixture ("basic/host-12290.txt"));

  show_health_view (window);
  kd_health_page_add_files (page, (GFile **) files->pdata, files->len);
  KD_TEST_WAIT_UNTIL (kd_test_notify_count (notified) > 0 && kd_health_page_get_import (page) == NULL);
  health = kd_health_page_get_health (page);
  g_assert_cmpuint (g_list_model_get_n_items (kd_health_get_inputs (health)), ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KdHealthInput) input = g_list_model_get_item (kd_health_get_inputs (health), i);

      g_assert_nonnull (kd_health_input_get_problem (input));
    }
  g_assert_cmpuint (kd_health_get_count (health), ==, 31);
  kd_test_save_screenshot (GTK_WIDGET (window), "45-health-bad-inputs");

  g_unlink (empty);
  g_unlink (binary);
  g_rmdir (dir);
  kd_test_window_destroy (window);
}

/* The inputs are the case's: a page given a case with inputs (a restored
 * session) reads them */
static void
test_health_case (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdHealthPage *page = kd_window_get_health_page (window);
  g_autoptr(KdCase) kase = kd_case_new ();
  g_autoptr(KdHealthPage) other = g_object_ref_sink (g_object_new (KD_TYPE_HEALTH_PAGE, NULL));
  g_autoptr(KdTestNotify) notified = kd_test_notify_watch (other, "health");

  show_health_view (window);
  add_and_wait (page, (const char *[]) { "basic/host-12290.txt", NULL });
  kd_case_set_health_inputs (kase, kd_case_get_health_inputs (kd_window_get_case (window)));
  kd_test_window_destroy (window);

  kd_page_set_case (KD_PAGE (other), kase);
  g_assert_nonnull (kd_health_page_get_import (other));
  KD_TEST_WAIT_UNTIL (kd_test_notify_count (notified) > 0 && kd_health_page_get_import (other) == NULL);
  g_assert_cmpuint (kd_health_get_count (kd_health_page_get_health (other)), ==, 31);
}

static guint16
listen_on_loopback (GSocketListener *listener)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) where = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;

  g_assert_true (g_socket_listener_add_address (listener, where, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                                &effective, NULL));
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* The probe, on the Network tab, of a port listening on loopback: its
 * card says it answered, and the host joins the snapshot's; then a port
 * nobody listens on */
static void
test_health_probe (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdHealthPage *page = kd_window_get_health_page (window);
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  guint16 port = listen_on_loopback (listener);
  g_autofree char *target = g_strdup_printf ("127.0.0.1:%u", port);
  GtkWidget *domain;
  KdProbe *first;

  show_health_view (window);
  add_and_wait (page, (const char *[]) { "basic/host-12290.txt", NULL });
  show_tab (page, "network");
  domain = kd_test_find_widget (GTK_WIDGET (page), is_entry_row_titled, _("Domain or host[:port]"));
  g_assert_nonnull (domain);
  /* filled in from the hosts' names */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (domain)), ==, "corp.example");

  gtk_editable_set_text (GTK_EDITABLE (domain), target);
  {
    g_autoptr(KdTestNotify) notified = kd_test_notify_watch (page, "health");

    gtk_widget_activate_action (GTK_WIDGET (page), "health.probe", NULL);
    KD_TEST_WAIT_UNTIL (kd_health_page_get_probe (page) != NULL);
    first = kd_health_page_get_probe (page);
    g_assert_cmpuint (kd_probe_get_n_open (first), ==, 1);
    g_assert_cmpint (kd_stat_card_get_tone (card (page, _("Probe"))), ==, KD_STAT_TONE_GOOD);
    /* the snapshot is made again with the probe's host */
    KD_TEST_WAIT_UNTIL (kd_test_notify_count (notified) > 0 && kd_health_page_get_import (page) == NULL);
    {
      KdHealth *health = kd_health_page_get_health (page);
      gboolean found = FALSE;

      for (guint i = 0; i < kd_health_get_n_hosts (health); i++)
        found |= g_strcmp0 (kd_health_get_host (health, i, NULL, NULL, NULL), "127.0.0.1") == 0;
      g_assert_true (found);
    }
  }
  kd_test_save_screenshot (GTK_WIDGET (window), "51-health-probe");

  /* nobody listens any more */
  g_socket_listener_close (listener);
  gtk_widget_activate_action (GTK_WIDGET (page), "health.probe", NULL);
  KD_TEST_WAIT_UNTIL (kd_health_page_get_probe (page) != first);
  g_assert_cmpuint (kd_probe_get_n_open (kd_health_page_get_probe (page)), ==, 0);
  g_assert_cmpint (kd_stat_card_get_tone (card (page, _("Probe"))), ==, KD_STAT_TONE_ERROR);

  /* not a name: said, and nothing run */
  gtk_editable_set_text (GTK_EDITABLE (domain), "corp example;rm");
  first = kd_health_page_get_probe (page);
  gtk_widget_activate_action (GTK_WIDGET (page), "health.probe", NULL);
  kd_test_run_ms (200);
  g_assert_true (kd_health_page_get_probe (page) == first);
  kd_test_window_destroy (window);
}

/* The hosts the user approved, kept in GSettings: any other is reported */
static void
test_health_approved (void)
{
  KdWindow *window = kd_test_window_new (1100, 720);
  KdHealthPage *page = kd_window_get_health_page (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int approved = -2;

  show_health_view (window);
  add_and_wait (page, (const char *[]) { "basic/host-12290.txt", NULL });
  g_assert_cmpint (kd_stat_card_get_tone (card (page, _("KMS Hosts"))), ==, KD_STAT_TONE_NEUTRAL);

  {
    g_autoptr(KdTestNotify) notified = kd_test_notify_watch (page, "health");

    g_settings_set_strv (settings, "approved-hosts", (const char *[]) { "kms99.corp.example", NULL });
    KD_TEST_WAIT_UNTIL (kd_test_notify_count (notified) > 0 && kd_health_page_get_import (page) == NULL);
    kd_health_get_host (kd_health_page_get_health (page), 0, NULL, NULL, &approved);
    g_assert_cmpint (approved, ==, 0);
    g_assert_cmpint (kd_stat_card_get_tone (card (page, _("KMS Hosts"))), ==, KD_STAT_TONE_WARNING);
  }
  {
    g_autoptr(KdTestNotify) notified = kd_test_notify_watch (page, "health");

    g_settings_set_strv (settings, "approved-hosts", (const char *[]) { "KMS01.corp.example", NULL });
    KD_TEST_WAIT_UNTIL (kd_test_notify_count (notified) > 0 && kd_health_page_get_import (page) == NULL);
    kd_health_get_host (kd_health_page_get_health (page), 0, NULL, NULL, &approved);
    g_assert_cmpint (approved, ==, 1);
    g_assert_cmpint (kd_stat_card_get_tone (card (page, _("KMS Hosts"))), ==, KD_STAT_TONE_NEUTRAL);
  }
  g_settings_reset (settings, "approved-hosts");
  KD_TEST_WAIT_UNTIL (kd_health_page_get_import (page) == NULL);
  kd_test_window_destroy (window);
}

/* Narrow, dark: the same page, nothing cut off */
static void
test_health_narrow_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  KdWindow *window = kd_test_window_new (360, 720);
  KdHealthPage *page = kd_window_get_health_page (window);

  show_health_view (window);
  add_and_wait (page, (const char *[]) { "basic/host-dlv.txt", "basic/host-12290.txt", "basic/clients", NULL });
  kd_test_save_screenshot (GTK_WIDGET (window), "46-health-narrow-inputs");
  kd_health_page_show_result (page);
  kd_test_save_screenshot (GTK_WIDGET (window), "47-health-narrow-summary");
  show_tab (page, "network");
  kd_test_save_screenshot (GTK_WIDGET (window), "48-health-narrow-network");
  g_assert_true (kd_page_go_back (KD_PAGE (page)));
  kd_test_window_destroy (window);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = kd_test_window_new (1100, 720);
  page = kd_window_get_health_page (window);
  show_health_view (window);
  add_and_wait (page, (const char *[]) { "basic/host-dlv.txt", "basic/host-12290.txt", "basic/clients", NULL });
  kd_test_save_screenshot (GTK_WIDGET (window), "49-health-dark");
  kd_test_window_destroy (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* the whole summary, to look at */
  window = kd_test_window_new (1280, 1500);
  page = kd_window_get_health_page (window);
  show_health_view (window);
  add_and_wait (page, (const char *[]) { "basic/host-dlv.txt", "basic/host-12290.txt", "basic/clients", NULL });
  kd_test_save_screenshot (GTK_WIDGET (window), "50-health-summary-whole");
  kd_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  kd_test_init (&argc, &argv);

  g_test_add_func ("/window/health", test_health);
  g_test_add_func ("/window/health-cancel", test_health_cancel);
  g_test_add_func ("/window/health-bad-inputs", test_health_bad_inputs);
  g_test_add_func ("/window/health-case", test_health_case);
  g_test_add_func ("/window/health-probe", test_health_probe);
  g_test_add_func ("/window/health-approved", test_health_approved);
  g_test_add_func ("/window/health-narrow-dark", test_health_narrow_dark);

  return kd_test_run ();
}
