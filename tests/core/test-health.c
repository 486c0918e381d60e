/* test-health.c — the health snapshot of a KMS deployment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Histories are written in wevtutil's text layout (kms-events.md §1.4),
 * read by the events reader, and every figure of the snapshot asserted.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kd-finding.h"
#include "kd-capture-parser.h"
#include "kd-enum-types.h"
#include "kd-health-chart.h"
#include "kd-health-import.h"
#include "kd-health-private.h"
#include "kd-health.h"
#include "kd-products.h"
#include "kd-test-json.h"

/* A 12290 in wevtutil's text */
static void
add_12290 (GString    *text,
           const char *time,
           const char *hresult,
           int         n_policy,
           const char *name,
           const char *cmid,
           guint       minutes)
{
  static guint record = 0;

  g_string_append_printf (text,
                          "Event[%u]:\n  Log Name: Key Management Service\n  Source: Microsoft-Windows-Security-SPP\n"
                          "  Date: %s\n  Event ID: 12290\n  Task: N/A\n  Level: Information\n  Opcode: N/A\n"
                          "  Keyword: Classic\n  User: N/A\n  User Name: N/A\n  Computer: kms01.corp.example\n"
                          "  Description: \nAn activation request has been processed.\nInfo:\n"
                          "%s,%d,%s,%s,%.4s/%.2s/%.2s %.5s,0,1,%u,2de67392-b7a7-462a-b1ca-108dd189f588\n\n",
                          record++, time, hresult, n_policy, name, cmid, time, time + 5, time + 8, time + 11, minutes);
}

/* A client's 12288, or the 12289 that answers it, in wevtutil's text */
static void
add_client_event (GString    *text,
                  int         event_id,
                  const char *time,
                  const char *computer,
                  const char *cmid)
{
  g_autofree char *client_time = g_strdup_printf ("%.4s/%.2s/%.2s %.5s", time, time + 5, time + 8, time + 11);

  g_string_append_printf (text,
                          "Event[0]:\n  Log Name: Application\n  Source: Microsoft-Windows-Security-SPP\n"
                          "  Date: %s\n  Event ID: %d\n  Task: N/A\n  Level: Information\n  Opcode: N/A\n"
                          "  Keyword: Classic\n  User: N/A\n  User Name: N/A\n  Computer: %s\n  Description: \n",
                          time, event_id, computer);
  if (event_id == 12288)
    g_string_append_printf (text, "The client has sent an activation request to the key management service machine.\n"
                                  "Info:\n0x0, 0x0, kms01.corp.example:1688, %s, %s, 0, 1, 259200, "
                                  "73111121-5638-40f6-bc11-f1d7b0d64300, 25\n\n",
                            cmid, client_time);
  else
    g_string_append_printf (text, "The client has processed an activation response from the key management service "
                                  "machine.\nInfo:\n0x0, 0x0, 1, 0, 30, 120, 10080, %s\n\n",
                            client_time);
}

static KdHealth *
health_of (GString *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KdEventLog) log = kd_event_log_read ((const guint8 *) text->str, text->len, &error);
  KdHealth *health = kd_health_new ();

  g_assert_no_error (error);
  kd_health_add_events (health, "history.txt", log);
  return health;
}

static char *
format (GDateTime  *time,
        const char *format)
{
  g_assert_nonnull (time);
  return g_date_time_format (time, format);
}

/* 30 machines of N-policy 25 and a clone under two names in the last 10
 * days; a failed request; 5 machines of N-policy 5 before the window */
static void
test_count (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(KdHealth) health = NULL;
  g_autoptr(KdHealthClient) clone = NULL;
  g_autofree char *as_of = NULL, *below_25 = NULL, *below_5 = NULL;
  GListModel *clients;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *cmid = g_strdup_printf ("00000000-0000-4000-8000-5000000000%02u", i);
      g_autofree char *name = g_strdup_printf ("SRV%02u.corp.example", i);

      add_12290 (text, "2026-09-01T08:00:00.0000000Z", "0x0", 5, name, cmid, 259200);
    }
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *cmid = g_strdup_printf ("00000000-0000-4000-8000-2500000000%02u", i);
      g_autofree char *name = g_strdup_printf ("PC%02u.corp.example", i);
      g_autofree char *time = g_strdup_printf ("2026-11-%02uT%02u:00:00.0000000Z", 20 + i / 3, i % 24);

      add_12290 (text, time, "0x0", 25, name, cmid, 259200);
    }
  /* one image cloned: the same CMID under two names */
  add_12290 (text, "2026-11-25T09:00:00.0000000Z", "0x0", 25, "CLONE-A", "aaaaaaaa-0000-4000-8000-000000000001", 259200);
  add_12290 (text, "2026-11-29T09:00:00.0000000Z", "0x0", 25, "CLONE-B", "AAAAAAAA-0000-4000-8000-000000000001", 259200);
  /* a product the host cannot activate: not counted */
  add_12290 (text, "2026-11-29T10:00:00.0000000Z", "0xC004F042", 25, "LAB01", "bbbbbbbb-0000-4000-8000-000000000002",
             0);

  health = health_of (text);
  as_of = format (kd_health_get_as_of (health), "%FT%TZ");
  g_assert_cmpstr (as_of, ==, "2026-11-29T10:00:00Z");
  g_assert_cmpuint (kd_health_get_count (health), ==, 31);
  g_assert_cmpuint (kd_health_get_cap (health), ==, 50);
  g_assert_cmpint (kd_health_get_reported_count (health), ==, -1);

  /* 31 counted: below 25 once 7 have gone, below 5 once 27 have; the
   * 7th request in time was PC06's of 2026-11-22, the 27th PC26's of 11-28 */
  below_25 = format (kd_health_get_below_on (health, 25), "%F");
  below_5 = format (kd_health_get_below_on (health, 5), "%F");
  g_assert_cmpstr (below_25, ==, "2026-12-22");
  g_assert_cmpstr (below_5, ==, "2026-12-28");

  /* the series: the count of the time in its middle, falling ahead to
   * nobody, and the 33 requests of the last 30 days by result */
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;
    JsonObject *series;
    JsonArray *count, *requests;
    gint64 previous = G_MAXINT64;
    guint succeeded = 0, failed = 0;

    kd_health_to_json (health, builder);
    root = json_builder_get_root (builder);
    series = json_object_get_object_member (json_node_get_object (root), "series");
    count = json_object_get_array_member (series, "count");
    requests = json_object_get_array_member (series, "requests");
    g_assert_cmpuint (json_array_get_length (count), ==, 61);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (count, 30), "value"), ==, 31);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (count, 30), "date"), ==, "2026-11-29");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (count, 60), "value"), ==, 0);
    for (guint i = 30; i < 61; i++)
      {
        gint64 value = json_object_get_int_member (json_array_get_object_element (count, i), "value");

        g_assert_cmpint (value, <=, previous);
        previous = value;
      }
    g_assert_cmpuint (json_array_get_length (requests), ==, 30);
    for (guint i = 0; i < 30; i++)
      {
        succeeded += json_object_get_int_member (json_array_get_object_element (requests, i), "succeeded");
        failed += json_object_get_int_member (json_array_get_object_element (requests, i), "failed");
      }
    g_assert_cmpuint (succeeded, ==, 32);
    g_assert_cmpuint (failed, ==, 1);
  }

  /* 37 machines: 5 servers, 30 PCs, the clone, the lab machine */
  clients = kd_health_get_clients (health);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 37);
  for (guint i = 0; i < g_list_model_get_n_items (clients) && clone == NULL; i++)
    {
      g_autoptr(KdHealthClient) client = g_list_model_get_item (clients, i);

      if (g_str_equal (kd_health_client_get_cmid (client), "aaaaaaaa-0000-4000-8000-000000000001"))
        clone = g_steal_pointer (&client);
    }
  g_assert_nonnull (clone);
  g_assert_cmpstrv (kd_health_client_get_names (clone), ((const char *[]) { "CLONE-A", "CLONE-B", NULL }));
  /* what a table binds to */
  {
    g_autofree char *product = NULL, *host = NULL, *result = NULL;
    g_autoptr(GDateTime) expires = NULL;
    KdClientLicenseState state;
    gboolean is_clone;

    g_object_get (clone, "product", &product, "kms-host", &host, "last-hresult", &result, "expires", &expires,
                  "license-state", &state, "clone", &is_clone, NULL);
    g_assert_cmpstr (product, ==, "Windows 10/11 Pro");
    g_assert_cmpstr (host, ==, "kms01.corp.example");
    g_assert_cmpstr (result, ==, "0x00000000");
    g_assert_nonnull (expires);
    g_assert_cmpint (state, ==, KD_CLIENT_LICENSE_LICENSED);
    g_assert_true (is_clone);
  }
  /* the series a chart draws */
  {
    guint n_days = 0, n_request_days = 0;
    const KdHealthDay *days = kd_health_get_count_series (health, &n_days);
    const KdHealthDay *requests = kd_health_get_request_series (health, &n_request_days);

    g_assert_cmpuint (n_days, ==, 61);
    g_assert_cmpuint (days[30].count, ==, 31);
    g_assert_false (days[30].forecast);
    g_assert_true (days[31].forecast);
    g_assert_cmpuint (days[60].count, ==, 0);
    g_assert_cmpuint (n_request_days, ==, 30);
    g_assert_cmpuint (requests[29].failed, ==, 1);
  }
  g_assert_cmpuint (kd_health_client_get_n_requests (clone), ==, 2);
  g_assert_cmpstr (kd_health_client_get_kms_host (clone), ==, "kms01.corp.example");
  g_assert_cmpint (kd_health_client_get_sources (clone), ==, KD_HEALTH_SOURCE_12290);
}

/* Only servers and volume Office ask: the cap is 10 */
static void
test_cap_of_five (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(KdHealth) health = NULL;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *cmid = g_strdup_printf ("00000000-0000-4000-8000-5000000000%02u", i);
      g_autofree char *name = g_strdup_printf ("SRV%02u", i);

      add_12290 (text, "2026-11-01T08:00:00.0000000Z", "0x0", 5, name, cmid, 259200);
    }
  health = health_of (text);
  g_assert_cmpuint (kd_health_get_cap (health), ==, 10);
  g_assert_cmpuint (kd_health_get_count (health), ==, 10);
  g_assert_null (kd_health_get_below_on (health, 25));
  g_assert_nonnull (kd_health_get_below_on (health, 5));

  /* thirty days and a minute later, nothing is left */
  {
    g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 12, 1, 8, 1, 0);

    kd_health_set_as_of (health, later);
    g_assert_cmpuint (kd_health_get_count (health), ==, 0);
    g_assert_null (kd_health_get_below_on (health, 5));
  }
}

/* A count held below 25 by a clone under six names, a host that counts
 * more than its history shows, a count about to fall below 5, and, weeks
 * after the last request, a silent host and silent clients */
static void
test_findings (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(KdHealth) health = NULL;
  g_autofree char *capture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "health", "basic", "host-dlv.txt", NULL);
  g_autoptr(GFile) capture = g_file_new_for_path (capture_path);
  g_autoptr(GDateTime) as_of = g_date_time_new_utc (2026, 12, 18, 0, 0, 0);
  static const struct {
    const char *rule;
    KdFindingSeverity severity;
  } expected[] = {
    { "health.count-below-25", KD_FINDING_WARNING },
    { "health.clones", KD_FINDING_ERROR },
    { "health.count-gap", KD_FINDING_WARNING },
    { "health.count-falls-soon", KD_FINDING_WARNING },
    /* as of 2026-12-18, nobody has asked since 11-24 */
    { "health.host-idle", KD_FINDING_WARNING },
    { "health.clients-silent", KD_FINDING_WARNING },
  };
  GListModel *findings;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *cmid = g_strdup_printf ("00000000-0000-4000-8000-2500000000%02u", i);
      g_autofree char *name = g_strdup_printf ("PC%02u", i);
      g_autofree char *time = g_strdup_printf ("2026-11-%02uT%02u:00:00.0000000Z", 20 + i / 4, i);

      add_12290 (text, time, "0x0", 25, name, cmid, 259200);
    }
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("LAB-%c", 'A' + i);

      add_12290 (text, "2026-11-24T12:00:00.0000000Z", "0x0", 25, name, "cccccccc-0000-4000-8000-000000000003", 259200);
    }
  health = health_of (text);
  kd_health_add_file (health, capture, "host-dlv.txt", NULL);
  kd_health_set_as_of (health, as_of);

  g_assert_cmpuint (kd_health_get_count (health), ==, 21);
  g_assert_cmpint (kd_health_get_reported_count (health), ==, 31);
  findings = kd_health_get_findings (health);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KdFinding) finding = g_list_model_get_item (findings, i);

      g_assert_cmpstr (kd_finding_get_rule (finding), ==, expected[i].rule);
      g_assert_cmpint (kd_finding_get_severity (finding), ==, expected[i].severity);
    }
}

/* The clients' side against the host's: a client the host never logged,
 * one that got no answer, a clock five hours off, a client silent for
 * ten days, one whose activation ends in a day, a host silent for three */
static void
test_clients_and_host (void)
{
  g_autoptr(GString) host = g_string_new (NULL);
  g_autoptr(GString) clients = g_string_new (NULL);
  g_autoptr(KdEventLog) host_log = NULL;
  g_autoptr(KdEventLog) client_log = NULL;
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autoptr(GDateTime) as_of = g_date_time_new_utc (2026, 11, 30, 12, 0, 0);
  static const char * const expected[] = {
    "health.count-below-5", "health.host-idle", "health.clients-silent", "health.clients-expiring",
    "health.not-on-host", "health.no-answer", "health.clock-skew",
  };
  GListModel *findings;

  /* PC01 on time; PC02's clock 5 hours behind; PC03 ten days ago; PC04
   * with a day left */
  add_12290 (host, "2026-11-27T08:00:00.0000000Z", "0x0", 25, "PC01", "00000000-0000-4000-8000-000000000001", 259200);
  add_12290 (host, "2026-11-27T09:00:00.0000000Z", "0x0", 25, "PC02", "00000000-0000-4000-8000-000000000002", 259200);
  g_string_replace (host, "2026/11/27 09:00", "2026/11/27 04:00", 0);
  add_12290 (host, "2026-11-20T09:00:00.0000000Z", "0x0", 25, "PC03", "00000000-0000-4000-8000-000000000003", 259200);
  add_12290 (host, "2026-11-27T10:00:00.0000000Z", "0x0", 25, "PC04", "00000000-0000-4000-8000-000000000004", 1440);
  /* PC01 asked and got its answer; PC05 asked, and the host has no trace
   * of it, nor did an answer come */
  add_client_event (clients, 12288, "2026-11-27T08:00:00.0000000Z", "PC01", "00000000-0000-4000-8000-000000000001");
  add_client_event (clients, 12289, "2026-11-27T08:00:01.0000000Z", "PC01", NULL);
  add_client_event (clients, 12288, "2026-11-29T08:00:00.0000000Z", "PC05", "00000000-0000-4000-8000-000000000005");

  host_log = kd_event_log_read ((const guint8 *) host->str, host->len, NULL);
  client_log = kd_event_log_read ((const guint8 *) clients->str, clients->len, NULL);
  kd_health_add_events (health, "host.txt", host_log);
  kd_health_add_events (health, "clients.txt", client_log);
  kd_health_set_as_of (health, as_of);

  findings = kd_health_get_findings (health);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KdFinding) finding = g_list_model_get_item (findings, i);
      g_test_message ("%s: %s", kd_finding_get_rule (finding), kd_finding_get_title (finding));
    }
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KdFinding) finding = g_list_model_get_item (findings, i);

      g_assert_cmpstr (kd_finding_get_rule (finding), ==, expected[i]);
    }
  /* each names the clients it is about, and only those */
  {
    static const struct {
      guint index;
      const char *names;
    } named[] = {
      { 2, "PC03" }, { 3, "PC04" }, { 4, "PC05" }, { 5, "PC05" }, { 6, "PC02" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (named); i++)
      {
        g_autoptr(KdFinding) finding = g_list_model_get_item (findings, named[i].index);
        const char *explanation = kd_finding_get_explanation (finding);

        g_assert_nonnull (strstr (explanation, named[i].names));
        for (guint pc = 1; pc <= 5; pc++)
          {
            g_autofree char *other = g_strdup_printf ("PC0%u", pc);

            if (!g_str_equal (other, named[i].names))
              g_assert_null (strstr (explanation, other));
          }
      }
  }
}

/* Two hosts that 15 clients each ask: 30 together, neither at 25; and
 * a list of approved hosts that lacks one */
static void
test_split_hosts (void)
{
  g_autoptr(GString) one = g_string_new (NULL);
  g_autoptr(GString) two = g_string_new (NULL);
  g_autoptr(KdEventLog) log_one = NULL;
  g_autoptr(KdEventLog) log_two = NULL;
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  static const char * const approved[] = { "KMS01", NULL };
  GListModel *findings;
  gboolean split = FALSE, unapproved = FALSE;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *cmid = g_strdup_printf ("00000000-0000-4000-8000-0000000000%02u", i);
      g_autofree char *name = g_strdup_printf ("PC%02u", i);
      g_autofree char *time = g_strdup_printf ("2026-11-29T%02u:00:00.0000000Z", i % 24);

      add_12290 (i < 15 ? one : two, time, "0x0", 25, name, cmid, 259200);
    }
  g_string_replace (two, "kms01.corp.example", "kms02.corp.example", 0);
  log_one = kd_event_log_read ((const guint8 *) one->str, one->len, NULL);
  log_two = kd_event_log_read ((const guint8 *) two->str, two->len, NULL);
  kd_health_add_events (health, "kms01.txt", log_one);
  kd_health_add_events (health, "kms02.txt", log_two);
  kd_health_set_approved_hosts (health, approved);

  findings = kd_health_get_findings (health);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KdFinding) finding = g_list_model_get_item (findings, i);
      const char *rule = kd_finding_get_rule (finding);

      if (g_str_equal (rule, "health.split-hosts"))
        {
          split = TRUE;
          g_assert_cmpint (kd_finding_get_severity (finding), ==, KD_FINDING_ERROR);
          g_assert_nonnull (strstr (kd_finding_get_explanation (finding), "kms01.corp.example: 15"));
          g_assert_nonnull (strstr (kd_finding_get_explanation (finding), "kms02.corp.example: 15"));
        }
      if (g_str_equal (rule, "health.unapproved-host"))
        {
          unapproved = TRUE;
          g_assert_nonnull (strstr (kd_finding_get_title (finding), "kms02.corp.example"));
        }
    }
  g_assert_true (split);
  g_assert_true (unapproved);

  /* kms01 approved by its short name, in another case */
  kd_health_to_json (health, builder);
  root = json_builder_get_root (builder);
  {
    JsonArray *hosts = json_object_get_array_member (json_node_get_object (root), "hosts");

    g_assert_cmpuint (json_array_get_length (hosts), ==, 2);
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (hosts, 0), "approved"));
    g_assert_false (json_object_get_boolean_member (json_array_get_object_element (hosts, 1), "approved"));
  }
}

/* With captures alone, the time of the snapshot is their trusted time */
static void
test_as_of_from_capture (void)
{
  static const char text[] = "Name: Windows(R), Enterprise edition\n"
                             "Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n"
                             "Activation ID: 73111121-5638-40f6-bc11-f1d7b0d64300\n"
                             "License Status: Licensed\n"
                             "Trusted time: 11/30/2026 8:00:00 AM\n"
                             "Client Machine ID (CMID): 00000000-0000-4000-8000-600000000001\n"
                             "Registered KMS machine name: kms01.corp.example:1688\n";
  g_autoptr(KdCapture) capture = kd_capture_parse ((const guint8 *) text, sizeof text - 1, KD_CAPTURE_PARSE_NONE, NULL);
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autofree char *as_of = NULL;

  kd_health_add_capture (health, "pc.txt", capture);
  as_of = format (kd_health_get_as_of (health), "%FT%TZ");
  g_assert_cmpstr (as_of, ==, "2026-11-30T08:00:00Z");
  g_assert_cmpuint (g_list_model_get_n_items (kd_health_get_clients (health)), ==, 1);
}

/* A host whose last attempt to publish itself failed; another whose
 * failure was followed by a success */
static void
test_dns_publishing (void)
{
  static const char xml[] =
    "<Events>"
    "<Event><System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID>12293</EventID>"
    "<TimeCreated SystemTime='2026-11-29T22:00:05.000Z'/><Computer>kms01.corp.example</Computer></System>"
    "<EventData><Data>0x80072338</Data><Data>corp.example</Data></EventData></Event>"
    "<Event><System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID>12293</EventID>"
    "<TimeCreated SystemTime='2026-11-29T22:00:05.000Z'/><Computer>kms02.corp.example</Computer></System>"
    "<EventData><Data>0x80072338</Data><Data>corp.example</Data></EventData></Event>"
    "<Event><System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID>12294</EventID>"
    "<TimeCreated SystemTime='2026-11-30T00:00:05.000Z'/><Computer>kms02.corp.example</Computer></System>"
    "<EventData><Data>corp.example</Data></EventData></Event>"
    "</Events>";
  g_autoptr(KdEventLog) log = kd_event_log_read ((const guint8 *) xml, sizeof xml - 1, NULL);
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autoptr(KdFinding) finding = NULL;
  GListModel *findings;

  kd_health_add_events (health, "dns.xml", log);
  findings = kd_health_get_findings (health);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  finding = g_list_model_get_item (findings, 0);
  g_assert_cmpstr (kd_finding_get_rule (finding), ==, "health.dns-publishing");
  g_assert_nonnull (strstr (kd_finding_get_title (finding), "kms01.corp.example"));
  g_assert_nonnull (strstr (kd_finding_get_title (finding), "corp.example"));
  g_assert_cmpstr (kd_finding_get_related (finding)[0], ==, "0x80072338");
}

/* The product of an activation ID, in any spelling */
static void
test_products (void)
{
  const char *family = NULL;

  g_assert_cmpstr (kd_product_edition ("73111121-5638-40f6-bc11-f1d7b0d64300", &family), ==, "Windows 10/11 Enterprise");
  g_assert_cmpstr (family, ==, "windows-client");
  g_assert_cmpstr (kd_product_edition ("{2DE67392-B7A7-462A-B1CA-108DD189F588}", NULL), ==, "Windows 10/11 Pro");
  g_assert_null (kd_product_edition ("00000000-0000-0000-0000-000000000000", &family));
  g_assert_null (family);
  g_assert_null (kd_product_edition (NULL, NULL));
}

static JsonNode *
health_json (const char * const *paths,
             const char         *as_of)
{
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "health", paths[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      kd_health_add_path (health, file, paths[i], NULL);
    }
  if (as_of != NULL)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (as_of, NULL);
      kd_health_set_as_of (health, time);
    }
  kd_health_to_json (health, builder);
  return json_builder_get_root (builder);
}

/* The client table as CSV: one row per client in the model's order, the
 * clone's names together, and a name that starts like a formula made
 * text, quoted for the quotes in it */
static void
test_clients_csv (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(KdHealth) health = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  add_12290 (text, "2026-11-25T09:00:00.0000000Z", "0x0", 25, "CLONE-A", "aaaaaaaa-0000-4000-8000-000000000001", 259200);
  add_12290 (text, "2026-11-29T09:00:00.0000000Z", "0x0", 25, "CLONE-B", "aaaaaaaa-0000-4000-8000-000000000001", 259200);
  add_12290 (text, "2026-11-29T10:00:00.0000000Z", "0xC004F042", 25, "=HYPERLINK(\"http://x\";\"a\")",
             "bbbbbbbb-0000-4000-8000-000000000002", 0);
  health = health_of (text);
  kd_health_clients_to_csv (kd_health_get_clients (health), csv);
  g_test_message ("%s", csv->str);

  g_assert_true (g_str_has_suffix (csv->str, "\r\n"));
  lines = g_strsplit (csv->str, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "Name,Machine ID (CMID),Product,KMS host,Last request (UTC),State,Expires (UTC),"
                                 "Last result,Clone,All names");
  g_assert_true (g_str_has_prefix (lines[1], "\"'=HYPERLINK(\"\"http://x\"\";\"\"a\"\")\","
                                             "bbbbbbbb-0000-4000-8000-000000000002,"));
  g_assert_true (g_str_has_suffix (lines[1], ",0xC004F042,,\"'=HYPERLINK(\"\"http://x\"\";\"\"a\"\")\""));
  g_assert_true (g_str_has_prefix (lines[2], "CLONE-A,aaaaaaaa-0000-4000-8000-000000000001,"));
  g_assert_true (g_str_has_suffix (lines[2], ",2026-11-29 09:00,Licensed,2027-05-28,0x00000000,Yes,CLONE-A CLONE-B"));
  g_assert_cmpstr (lines[3], ==, "");
}

static KdHealth *
health_of_paths (const char * const *paths)
{
  KdHealth *health = kd_health_new ();

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "health", paths[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      kd_health_add_path (health, file, paths[i], NULL);
    }
  return health;
}

/* Pixels of @surface within a small distance of @color */
static guint
count_pixels (cairo_surface_t    *surface,
              const KdChartColor *color)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        n += ABS (r - (int) (color->red * 255)) < 8 && ABS (g - (int) (color->green * 255)) < 8 &&
             ABS (b - (int) (color->blue * 255)) < 8;
      }
  return n;
}

/* Rows of @surface with at least @min pixels of @color */
static guint
rows_with (cairo_surface_t    *surface,
           const KdChartColor *color,
           guint               min,
           int                *first_row)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint rows = 0;

  *first_row = -1;
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      guint n = 0;

      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        {
          guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);

          n += ABS ((int) ((pixel >> 16) & 0xff) - (int) (color->red * 255)) < 8 &&
               ABS ((int) ((pixel >> 8) & 0xff) - (int) (color->green * 255)) < 8 &&
               ABS ((int) (pixel & 0xff) - (int) (color->blue * 255)) < 8;
        }
      if (n >= min)
        {
          rows++;
          if (*first_row < 0)
            *first_row = y;
        }
    }
  return rows;
}

/* The charts drawn from the basic scenario: each shows its series in its
 * colour, the thresholds as lines (25 above 5), and says in words what a
 * reader of the JSON would find */
static void
test_charts (void)
{
  static const KdChartPalette palette = {
    { 0.0, 0.0, 0.0, 1.0 }, { 0.0, 0.0, 1.0, 1.0 }, { 0.0, 0.8, 0.0, 1.0 }, { 1.0, 0.6, 0.0, 1.0 }, { 0.9, 0.0, 0.0, 1.0 },
  };
  g_autoptr(KdHealth) health = health_of_paths ((const char *[]) { "basic", NULL });
  g_autoptr(KdHealth) empty = kd_health_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  int warning_row, error_row;
  g_autofree char *count = NULL;
  g_autofree char *requests = NULL;
  g_autofree char *expiries = NULL;
  g_autofree char *none = NULL;

  g_assert_true (kd_health_chart_has_data (health, KD_HEALTH_CHART_COUNT));
  g_assert_true (kd_health_chart_has_data (health, KD_HEALTH_CHART_REQUESTS));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 200);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  kd_health_chart_draw (health, KD_HEALTH_CHART_COUNT, cr, NULL, &palette, 480, 200);
  /* the count's line and area, the 25 and 5 lines across the plot */
  g_assert_cmpuint (count_pixels (surface, &palette.accent), >, 400);
  g_assert_cmpuint (rows_with (surface, &palette.warning, 150, &warning_row), >=, 1);
  g_assert_cmpuint (rows_with (surface, &palette.error, 150, &error_row), >=, 1);
  g_assert_cmpint (warning_row, <, error_row);
  /* to look at */
  {
    g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "health-chart-count.png", NULL);

    g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 200);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  kd_health_chart_draw (health, KD_HEALTH_CHART_REQUESTS, cr, NULL, &palette, 480, 200);
  /* 30 PCs and the clone succeeded over ten days; LAB01 was refused */
  g_assert_cmpuint (count_pixels (surface, &palette.success), >, 200);
  g_assert_cmpuint (count_pixels (surface, &palette.error), >, 10);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  count = kd_health_chart_describe (health, KD_HEALTH_CHART_COUNT);
  g_test_message ("%s", count);
  g_assert_nonnull (strstr (count, "it is 31."));
  g_assert_nonnull (strstr (count, "falls below 25 on 2026-12-22"));
  g_assert_nonnull (strstr (count, "falls below 5 on 2026-12-28"));
  requests = kd_health_chart_describe (health, KD_HEALTH_CHART_REQUESTS);
  g_test_message ("%s", requests);
  g_assert_nonnull (strstr (requests, "and 1 that failed"));
  expiries = kd_health_chart_describe (health, KD_HEALTH_CHART_EXPIRIES);
  g_test_message ("%s", expiries);

  /* Nothing to show: said on the chart and in words, in any size */
  g_assert_false (kd_health_chart_has_data (empty, KD_HEALTH_CHART_COUNT));
  none = kd_health_chart_describe (empty, KD_HEALTH_CHART_COUNT);
  g_assert_cmpstr (none, ==, "No history of the host (event 12290) was given.");
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 100);
  cr = cairo_create (surface);
  for (guint kind = KD_HEALTH_CHART_COUNT; kind <= KD_HEALTH_CHART_EXPIRIES; kind++)
    {
      kd_health_chart_draw (empty, kind, cr, NULL, &palette, 200, 100);
      kd_health_chart_draw (health, kind, cr, NULL, &palette, 200, 100);
      kd_health_chart_draw (health, kind, cr, NULL, &palette, 3, 3);
      kd_health_chart_draw (health, kind, cr, NULL, &palette, 30, 20);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A pipe and a link back to the folder it is in: each listed with its
 * reason, read once, and nothing waits */
static void
test_odd_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kd-test-odd-XXXXXX", NULL);
  g_autofree char *pipe = g_build_filename (dir, "pipe.txt", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop", NULL);
  g_autofree char *history = g_test_build_filename (G_TEST_DIST, "fixtures", "health", "basic", "host-12290.txt", NULL);
  g_autofree char *copy = g_build_filename (dir, "history.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autoptr(KdHealthImport) import = kd_health_import_new (health);
  g_autoptr(GError) error = NULL;
  GFile *files[] = { folder, NULL };
  GListModel *inputs;

  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  g_assert_cmpint (symlink (".", loop), ==, 0);
  g_assert_true (g_file_get_contents (history, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));

  g_assert_true (kd_health_import_run (import, files, (const char *[]) { "odd", NULL }, NULL, &error));
  g_assert_no_error (error);
  inputs = kd_health_get_inputs (health);
  g_assert_cmpuint (g_list_model_get_n_items (inputs), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KdHealthInput) input = g_list_model_get_item (inputs, i);
      const char *path = kd_health_input_get_path (input);

      g_test_message ("%s: %s", path, kd_health_input_get_problem (input));
      if (g_str_equal (path, "odd/history.txt"))
        g_assert_null (kd_health_input_get_problem (input));
      else
        {
          g_assert_true (g_str_equal (path, "odd/loop") || g_str_equal (path, "odd/pipe.txt"));
          g_assert_cmpint (kd_health_input_get_kind (input), ==, KD_HEALTH_INPUT_UNREADABLE);
          g_assert_nonnull (kd_health_input_get_problem (input));
        }
    }
  g_assert_cmpuint (kd_health_get_count (health), ==, 31);

  g_unlink (pipe);
  g_unlink (loop);
  g_unlink (copy);
  g_rmdir (dir);
}

static guint
count_matching (KdHealth             *health,
                KdHealthClientFilter  filter)
{
  GListModel *clients = kd_health_get_clients (health);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KdHealthClient) client = g_list_model_get_item (clients, i);

      n += kd_health_client_matches (client, filter, kd_health_get_as_of (health));
    }
  return n;
}

/* What the page's cards and filters read, from the basic scenario */
static void
test_summary (void)
{
  g_autoptr(KdHealth) health = health_of_paths ((const char *[]) { "basic", NULL });
  g_autofree char *domain = kd_health_dup_domain (health);
  g_autofree char *last = format (kd_health_get_last_host_request (health), "%FT%TZ");
  guint n_codes = 0, n_clients = 0;
  int port = 0, approved = 0;
  gboolean found = FALSE;

  g_assert_cmpstr (domain, ==, "corp.example");
  g_assert_cmpstr (last, ==, "2026-11-29T10:00:00Z");
  g_assert_cmpuint (kd_health_get_n_failed_requests (health, &n_codes), ==, 1);
  g_assert_cmpuint (n_codes, ==, 1);
  for (guint i = 0; i < kd_health_get_n_hosts (health); i++)
    if (g_strcmp0 (kd_health_get_host (health, i, &port, &n_clients, &approved), "kms01.corp.example") == 0)
      {
        found = TRUE;
        g_assert_cmpuint (n_clients, >=, 36);
        g_assert_cmpint (approved, ==, -1);
      }
  g_assert_true (found);

  g_assert_cmpuint (count_matching (health, KD_HEALTH_CLIENT_ALL), ==, g_list_model_get_n_items (kd_health_get_clients (health)));
  g_assert_cmpuint (count_matching (health, KD_HEALTH_CLIENT_CLONES), ==, 1);
  g_assert_cmpuint (count_matching (health, KD_HEALTH_CLIENT_FAILING), ==, 1);
  g_assert_cmpuint (count_matching (health, KD_HEALTH_CLIENT_SILENT), ==, 14);
  g_assert_cmpuint (count_matching (health, KD_HEALTH_CLIENT_EXPIRING), >=, 1);

  /* no host named with a domain: nothing to probe by name */
  {
    g_autoptr(KdHealth) empty = kd_health_new ();
    g_autofree char *none = kd_health_dup_domain (empty);

    g_assert_null (none);
    g_assert_cmpuint (kd_health_get_n_hosts (empty), ==, 0);
    g_assert_null (kd_health_get_last_host_request (empty));
  }
}

/* A scenario of tests/fixtures/health: the folder NAME gives every value
 * that NAME.expected.json lists */
static void
test_scenario (gconstpointer data)
{
  const char *name = data;
  g_autofree char *expected_file = g_strdup_printf ("%s.expected.json", name);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "fixtures", "health", expected_file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) actual = health_json ((const char *[]) { name, NULL }, NULL);
  g_autoptr(GString) why = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  if (!kd_test_json_subset_matches (json_parser_get_root (parser), actual, "$", why))
    g_error ("%s", why->str);
}

/* The host's history as wevtutil's text and as its XML: the same health */
static void
test_text_same_as_xml (void)
{
  g_autoptr(JsonNode) text = health_json ((const char *[]) { "basic/host-12290.txt", NULL }, NULL);
  g_autoptr(JsonNode) xml = health_json ((const char *[]) { "basic-xml/host-12290.xml", NULL }, NULL);
  static const char * const members[] = { "as_of", "count", "forecast", "duplicate_cmids", "failures", "clients", "hosts" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_test_message ("%s", members[i]);
      g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (text), members[i]),
                                      json_object_get_member (json_node_get_object (xml), members[i])));
    }
}

static void
on_import_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* The same folder read on every processor: the same snapshot, its progress
 * told on the caller's main context, and a cancelled import adds nothing */
static void
test_import (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fixtures", "health", "basic", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  GFile *files[] = { file, NULL };
  const char *paths[] = { "basic", NULL };
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autoptr(KdHealthImport) import = kd_health_import_new (health);
  g_autoptr(JsonNode) expected = health_json (paths, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) actual = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint notified = 0;

  g_signal_connect (import, "notify::fraction", G_CALLBACK (count_notify), &notified);
  kd_health_import_run_async (import, files, paths, NULL, on_import_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (kd_health_import_run_finish (import, result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (kd_health_import_get_n_files (import), ==, 5);
  /* the inputs panel's model: in the order of their names, kind and reason */
  {
    GListModel *inputs = kd_health_get_inputs (health);
    g_autoptr(KdHealthInput) readme = g_list_model_get_item (inputs, 2);

    g_assert_cmpuint (g_list_model_get_n_items (inputs), ==, 5);
    g_assert_cmpstr (kd_health_input_get_path (readme), ==, "basic/clients/readme.txt");
    g_assert_cmpint (kd_health_input_get_kind (readme), ==, KD_HEALTH_INPUT_OTHER);
    g_assert_nonnull (kd_health_input_get_problem (readme));
  }
  g_assert_cmpuint (kd_health_import_get_n_done (import), ==, 5);
  g_assert_cmpuint (kd_health_import_get_n_failed (import), ==, 1);
  g_assert_cmpfloat (kd_health_import_get_fraction (import), ==, 1.0);
  g_assert_cmpuint (notified, >, 0);
  message = kd_health_import_dup_message (import);
  g_assert_cmpstr (message, ==, "5 of 5 files read, 1 not usable");

  kd_health_to_json (health, builder);
  actual = json_builder_get_root (builder);
  g_assert_true (json_node_equal (expected, actual));

  /* cancelled: nothing is added */
  {
    g_autoptr(KdHealth) other = kd_health_new ();
    g_autoptr(KdHealthImport) cancelled = kd_health_import_new (other);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) cancel_error = NULL;

    g_cancellable_cancel (cancellable);
    g_assert_false (kd_health_import_run (cancelled, files, paths, cancellable, &cancel_error));
    g_assert_error (cancel_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (g_list_model_get_n_items (kd_health_get_clients (other)), ==, 0);
  }
}

/* Every export of events is taken for one, never for a capture, and
 * every capture of slmgr's for a capture */
static void
test_kinds (void)
{
  static const struct {
    const char *dir;
    KdHealthInputKind kind;
  } folders[] = {
    { "events", KD_HEALTH_INPUT_EVENTS },
    { "captures", KD_HEALTH_INPUT_CAPTURE },
  };

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", folders[f].dir, NULL);
      g_autoptr(GDir) files = g_dir_open (dir, 0, NULL);
      const char *name;
      guint n = 0;

      while ((name = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(KdHealthItem) item = NULL;

          if (g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".md") ||
              (!HAVE_LIBEVTX && g_str_has_suffix (name, ".evtx")))
            continue;
          item = kd_health_item_read (file, name, NULL);
          if (item->kind != folders[f].kind)
            g_error ("%s/%s read as %s", folders[f].dir, name, kd_enum_get_nick (KD_TYPE_HEALTH_INPUT_KIND, item->kind));
          n++;
        }
      g_assert_cmpuint (n, >, 10);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/health/count", test_count);
  g_test_add_func ("/health/cap-of-five", test_cap_of_five);
  g_test_add_func ("/health/findings", test_findings);
  g_test_add_func ("/health/clients-and-host", test_clients_and_host);
  g_test_add_func ("/health/split-hosts", test_split_hosts);
  g_test_add_func ("/health/as-of-from-capture", test_as_of_from_capture);
  g_test_add_func ("/health/products", test_products);
  g_test_add_func ("/health/dns-publishing", test_dns_publishing);
  g_test_add_func ("/health/charts", test_charts);
  g_test_add_func ("/health/clients-csv", test_clients_csv);
  g_test_add_func ("/health/summary", test_summary);
  g_test_add_func ("/health/odd-files", test_odd_files);
  {
    static const char * const scenarios[] = {
      "basic", "split", "clients-side", "missing-history", "n-policy", "idle-host",
    };

    for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
      {
        g_autofree char *path = g_strdup_printf ("/health/scenario/%s", scenarios[i]);
        g_test_add_data_func (path, scenarios[i], test_scenario);
      }
  }
  g_test_add_func ("/health/text-same-as-xml", test_text_same_as_xml);
  g_test_add_func ("/health/import", test_import);
  g_test_add_func ("/health/kinds", test_kinds);

  return g_test_run ();
}
