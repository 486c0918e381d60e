/* test-diagnosis.c — the rules over real and made-up captures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kd-command.h"
#include "kd-diagnosis.h"
#include "kd-capture-parser.h"

static KdDiagnosis *
diagnose_text (const char *text)
{
  g_autoptr(KdCapture) doc = kd_capture_parse ((const guint8 *) text, strlen (text), KD_CAPTURE_PARSE_NONE, NULL);
  return kd_diagnosis_new (doc);
}

static KdDiagnosis *
diagnose_fixture (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.txt", name);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(KdCapture) doc = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  doc = kd_capture_parse ((const guint8 *) contents, length, KD_CAPTURE_PARSE_NONE, NULL);
  return kd_diagnosis_new (doc);
}

static gboolean
has_related (KdFinding  *finding,
             const char *code)
{
  const char * const *related = kd_finding_get_related (finding);

  for (guint i = 0; related[i] != NULL; i++)
    if (g_str_equal (related[i], code))
      return TRUE;
  return FALSE;
}

static gboolean
has_command_containing (KdFinding  *finding,
                        const char *text)
{
  GListModel *commands = kd_finding_get_commands (finding);

  for (guint i = 0; i < g_list_model_get_n_items (commands); i++)
    {
      g_autoptr(KdCommand) cmd = g_list_model_get_item (commands, i);
      if (strstr (kd_command_get_command (cmd), text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static const struct {
  const char *fixture;
  KdVerdict verdict;
  const char *rules[4];
  const char *absent[3];
} fixture_cases[] = {
  { "en-dlv-win10-ent-never-activated-utf16le-nobom", KD_VERDICT_ERROR, { "kms-client.never-activated", "status.initial-grace" } },
  { "en-dlv-ws2022-kmshost-count3-dns-disabled-utf8bom", KD_VERDICT_ERROR, { "kms-host.count-below-5", "kms-host.dns-publishing-disabled" } },
  { "en-dlv-ws2012r2-kmshost-count14-port-lowpri-ps", KD_VERDICT_WARNING, { "kms-host.count-below-25", "kms-host.non-default-port", "kms-host.low-priority" } },
  { "en-dlv-win10-kmshost-count37-failed-cr-only", KD_VERDICT_WARNING, { "kms-host.count-ok", "kms-host.failed-requests" } },
  { "en-dlv-ws2022-kmshost-count50-lf", KD_VERDICT_OK, { "kms-host.count-ok" }, { "kms-host.failed-requests" } },
  { "en-dlv-ws2025-datacenter-eval", KD_VERDICT_WARNING, { "edition.evaluation" } },
  { "en-dlv-win11-pro-kmsclient-registered-utf16le-bom", KD_VERDICT_OK, { "kms-client.registered-host" } },
  { "en-dlv-win10-pro-kmsclient-notification-utf16be-bom", KD_VERDICT_ERROR, { "status.notification" } },
  { "en-ato-ws2019-c004f074-powershell-wrap120", KD_VERDICT_ERROR, { "ato.failed" } },
  { "en-dlv-win11-pro-retail-title-body", KD_VERDICT_OK, { "channel.not-volume" }, { "kms-client.never-activated" } },
  { "en-dlv-win10-pro-mak-wrap100", KD_VERDICT_OK, { "channel.mak" } },
  { "en-dlv-win11-ent-adba-cp437", KD_VERDICT_OK, { "channel.adba" } },
  { "xx-it-dlv-kms-client-messagebox", KD_VERDICT_OK, { "capture.unknown-language" } },
  { "en-dlv-chat-export-unknown-lines", KD_VERDICT_OK, { "capture.unknown-lines" } },
  { "en-dlv-win10-ent-kmsclient-expired-negative-minutes", KD_VERDICT_ERROR, { "kms-client.expired" },
    { "kms-client.expires-soon", "kms-client.missed-renewals" } },
  { "en-ato-win10-pro-non-genuine-notification-no-code", KD_VERDICT_ERROR, { "ato.failed" } },
  { "en-ato-c004f038-vista-wording-error-line-only", KD_VERDICT_ERROR, { "ato.failed" } },
  { "en-xpr-ws2019-standard-eval", KD_VERDICT_WARNING, { "edition.evaluation" } },
  { "en-ospp-act-dstatus-office16-4004f040-registry-override-port", KD_VERDICT_OK, { "ato.succeeded", "kms-client.registered-host" } },
  { "en-ospp-act-error-lines-only-no-hint", KD_VERDICT_ERROR, { "ato.failed" } },
  { "en-ospp-dstatus-unpkey-office2013-subscription-expiration", KD_VERDICT_ERROR, { "ato.failed", "status.notification" } },
  { "en-dlv-ws2022-kmshost-count-overflow-lf", KD_VERDICT_WARNING, { "capture.number-out-of-range" },
    { "kms-host.count-ok", "kms-host.count-below-5" } },
};

static void
test_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture_cases); i++)
    {
      g_autoptr(KdDiagnosis) diagnosis = diagnose_fixture (fixture_cases[i].fixture);

      g_test_message ("%s", fixture_cases[i].fixture);
      for (guint r = 0; r < G_N_ELEMENTS (fixture_cases[i].rules) && fixture_cases[i].rules[r]; r++)
        {
          g_test_message ("  expects %s", fixture_cases[i].rules[r]);
          g_assert_nonnull (kd_diagnosis_find_rule (diagnosis, fixture_cases[i].rules[r]));
        }
      for (guint r = 0; r < G_N_ELEMENTS (fixture_cases[i].absent) && fixture_cases[i].absent[r]; r++)
        g_assert_null (kd_diagnosis_find_rule (diagnosis, fixture_cases[i].absent[r]));
      g_assert_cmpint (kd_diagnosis_get_verdict (diagnosis), ==, fixture_cases[i].verdict);
    }
}

static void
test_links_and_commands (void)
{
  g_autoptr(KdDiagnosis) notification = diagnose_fixture ("en-dlv-win10-pro-kmsclient-notification-utf16be-bom");
  g_autoptr(KdDiagnosis) ato = diagnose_fixture ("en-ato-ws2019-c004f074-powershell-wrap120");
  g_autoptr(KdDiagnosis) port = diagnose_fixture ("en-dlv-ws2012r2-kmshost-count14-port-lowpri-ps");
  KdFinding *f;

  f = kd_diagnosis_find_rule (notification, "status.notification");
  g_assert_cmpuint (g_strv_length ((GStrv) kd_finding_get_related (f)), >=, 1);

  /* A failed /ato links to the catalog entry and brings its commands. */
  f = kd_diagnosis_find_rule (ato, "ato.failed");
  g_assert_true (has_related (f, "0xC004F074"));
  g_assert_cmpuint (g_list_model_get_n_items (kd_finding_get_commands (f)), >, 0);

  /* The host's own port is filled in. */
  f = kd_diagnosis_find_rule (port, "kms-host.non-default-port");
  g_assert_true (has_command_containing (f, "/skms"));
  g_assert_false (has_command_containing (f, ":1688"));

  /* A language without a table: how to get the same output in English. */
  {
    g_autoptr(KdDiagnosis) italian = diagnose_fixture ("xx-it-dlv-kms-client-messagebox");

    f = kd_diagnosis_find_rule (italian, "capture.unknown-language");
    g_assert_true (has_command_containing (f, "copy /Y \"%windir%\\System32\\slmgr.vbs\""));
    g_assert_true (has_command_containing (f, "cscript //nologo \"%temp%\\slmgr.vbs\" /dlv"));
  }
}

#define KMS_CLIENT_HEAD \
  "Software licensing service version: 10.0.19041.1\n\n" \
  "Name: Windows(R), Enterprise edition\n" \
  "Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n" \
  "Activation ID: 73111121-5638-40f6-bc11-f1d7b0d64300\n" \
  "Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f\n" \
  "Extended PID: 03612-03311-000-000000-03-1033-19041.0000-0012021\n" \
  "Product Key Channel: Volume:GVLK\n"

static void
test_kms_client_rules (void)
{
  /* 100000 minutes left of 259200: about 15 weekly renewals missed. */
  g_autoptr(KdDiagnosis) missed = diagnose_text (KMS_CLIENT_HEAD
    "Partial Product Key: 2YT43\nLicense Status: Licensed\n"
    "Volume activation expiration: 100000 minute(s) (70 day(s))\n"
    "Trusted time: 3/18/2026 12:34:20 PM\n"
    "Configured Activation Type: All\n\nMost recent activation information:\n"
    "Key Management Service client information\n"
    "    Client Machine ID (CMID): 6c4e1a2b-91f3-4d8e-a7b2-3f5d9c0e8a14\n"
    "    KMS machine name from DNS: kms01.contoso.com:1688\n"
    "    KMS machine IP address: 10.0.0.5\n"
    "    Activation interval: 60 minutes\n    Renewal interval: 10080 minutes\n"
    "    KMS host caching is disabled\n");
  g_autoptr(KdDiagnosis) soon = diagnose_text (KMS_CLIENT_HEAD
    "Partial Product Key: 2YT43\nLicense Status: Licensed\n"
    "Volume activation expiration: 20000 minute(s) (14 day(s))\n"
    "Trusted time: 3/18/2026 12:34:20 PM\n");
  /* 2YT43 ends the GVLK of Windows 10/11 Enterprise… on a Pro edition. */
  g_autoptr(KdDiagnosis) edition = diagnose_text (
    "Name: Windows(R), Professional edition\n"
    "Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n"
    "Partial Product Key: 2YT43\nLicense Status: Licensed\n");
  g_autoptr(KdDiagnosis) right = diagnose_text (
    "Name: Windows(R), Professional edition\n"
    "Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n"
    "Partial Product Key: T83GX\nLicense Status: Licensed\n");
  KdFinding *f;

  f = kd_diagnosis_find_rule (missed, "kms-client.missed-renewals");
  g_assert_nonnull (f);
  g_assert_cmpint (kd_finding_get_severity (f), ==, KD_FINDING_WARNING);
  g_assert_nonnull (kd_diagnosis_find_rule (missed, "kms-client.host-caching-disabled"));
  g_assert_nonnull (kd_diagnosis_find_rule (missed, "kms-client.non-default-intervals"));
  g_assert_null (kd_diagnosis_find_rule (missed, "kms-client.expires-soon"));

  f = kd_diagnosis_find_rule (soon, "kms-client.expires-soon");
  g_assert_nonnull (f);
  g_assert_cmpint (kd_finding_get_severity (f), ==, KD_FINDING_ERROR);
  /* trusted time + 20000 minutes */
  g_assert_nonnull (strstr (kd_finding_get_title (f), "2026-04-01"));

  g_assert_nonnull (kd_diagnosis_find_rule (edition, "key.gvlk-other-edition"));
  g_assert_null (kd_diagnosis_find_rule (right, "key.gvlk-other-edition"));
  g_assert_cmpint (kd_diagnosis_get_verdict (right), ==, KD_VERDICT_OK);

  /* A number no int64 holds (the fuzzer's): read as the largest one, and
   * no arithmetic on it overflows (the sanitizer build checks). */
  {
    g_autoptr(KdDiagnosis) huge = diagnose_text (KMS_CLIENT_HEAD
      "Partial Product Key: 2YT43\nLicense Status: Licensed\n"
      "Volume activation expiration: 99999999999999999999999 minute(s) (9 day(s))\n"
      "Trusted time: 3/18/2026 12:34:20 PM\n");

    g_assert_null (kd_diagnosis_find_rule (huge, "kms-client.expires-soon"));
    g_assert_null (kd_diagnosis_find_rule (huge, "kms-client.missed-renewals"));
  }
}

/* Whether @finding's remedy or one of its commands names @what */
static gboolean
finding_says (KdFinding  *finding,
              const char *what)
{
  GListModel *commands = kd_finding_get_commands (finding);

  if (strstr (kd_finding_get_remedy (finding), what) != NULL)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (commands); i++)
    {
      g_autoptr(KdCommand) command = g_list_model_get_item (commands, i);

      if (strstr (kd_command_get_command (command), what) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* An ospp.vbs capture is answered with ospp.vbs: on Windows 7, Office
 * is not in slmgr's reach.  Windows' own message, quoted inside one of
 * ours, keeps one full stop. */
static void
test_ospp_commands (void)
{
  g_autoptr(KdDiagnosis) ospp = diagnose_fixture ("en-ospp-dstatus-unpkey-office2013-subscription-expiration");
  g_autoptr(KdDiagnosis) slmgr = diagnose_text (
    "Name: Windows(R), Professional edition\n"
    "Description: Windows(R) Operating System, RETAIL channel\n"
    "Activation ID: 2de67392-b7a7-462a-b1ca-108dd189f588\n"
    "License Status: Notification\nNotification Reason: 0xC004F009 (grace time expired).\n");
  const char *rules[] = { "ato.failed", "status.notification" };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      KdFinding *f = kd_diagnosis_find_rule (ospp, rules[i]);

      g_assert_nonnull (f);
      g_assert_true (finding_says (f, "cscript ospp.vbs /act"));
      g_assert_false (finding_says (f, "slmgr"));
      g_assert_null (strstr (kd_finding_get_explanation (f), ".."));
    }
  g_assert_true (finding_says (kd_diagnosis_find_rule (slmgr, "status.notification"),
                               "slmgr.vbs /ato 2de67392-b7a7-462a-b1ca-108dd189f588"));
  g_assert_false (finding_says (kd_diagnosis_find_rule (slmgr, "status.notification"), "ospp"));
}

static void
test_host_rules (void)
{
  g_autoptr(KdDiagnosis) stuck = diagnose_text (
    "Name: Windows(R), ServerStandard edition\n"
    "Description: Windows(R) Operating System, VOLUME_KMS_2012-R2_WIN10 channel\n"
    "Partial Product Key: ABCDE\nLicense Status: Unlicensed\n\n"
    "Key Management Service is enabled on this machine\n"
    "    Current count: 3\n    Listening on Port: 1688\n    DNS publishing enabled\n    KMS priority: Normal\n\n"
    "Key Management Service cumulative requests received from clients\n"
    "    Total requests received: 480\n    Failed requests received: 0\n");
  g_autoptr(KdDiagnosis) rearm = diagnose_text (
    "Name: Windows(R), Professional edition\n"
    "Description: Windows(R) Operating System, RETAIL channel\n"
    "License Status: Initial grace period\nTime remaining: 43200 minute(s) (30 day(s))\n"
    "Remaining Windows rearm count: 0\n");

  g_assert_nonnull (kd_diagnosis_find_rule (stuck, "kms-host.count-stuck"));
  g_assert_nonnull (kd_diagnosis_find_rule (stuck, "kms-host.not-licensed"));
  g_assert_nonnull (kd_diagnosis_find_rule (stuck, "kms-host.count-below-5"));
  g_assert_nonnull (kd_diagnosis_find_rule (rearm, "rearm.none-left"));
  g_assert_nonnull (kd_diagnosis_find_rule (rearm, "status.initial-grace"));
  g_assert_nonnull (strstr (kd_finding_get_title (kd_diagnosis_find_rule (rearm, "status.initial-grace")), "30"));
}

static void
test_nothing (void)
{
  g_autoptr(KdDiagnosis) empty = diagnose_text ("");
  g_autoptr(KdDiagnosis) prose = diagnose_text ("Hello, my PC says it is not activated, please help.\n");

  g_assert_nonnull (kd_diagnosis_find_rule (empty, "capture.nothing-recognised"));
  g_assert_cmpint (kd_diagnosis_get_verdict (empty), ==, KD_VERDICT_ERROR);
  g_assert_nonnull (kd_diagnosis_find_rule (prose, "capture.nothing-recognised"));
}

static void
test_main_product (void)
{
  g_autoptr(KdDiagnosis) all = diagnose_fixture ("en-dlvall-win10-office-2016-2019-2021-clients");
  g_autoptr(KdDiagnosis) two = diagnose_text ("Name: Windows(R), Enterprise edition\n"
                                              "Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n"
                                              "License Status: Licensed\n"
                                              "\n"
                                              "Name: Office 21, Office21ProPlus2021VL_KMS_Client_AE edition\n"
                                              "Description: Office 21, VOLUME_KMSCLIENT channel\n"
                                              "License Status: Unlicensed\n");
  g_autoptr(KdDiagnosis) empty = diagnose_text ("");
  GListModel *products = kd_capture_get_products (kd_diagnosis_get_document (all));
  guint main_product = kd_diagnosis_get_main_product (all);
  g_autoptr(KdCaptureProduct) shown = g_list_model_get_item (products, main_product);

  /* /dlv all lists an unused licence first: the page opens on one in use,
   * and none in use is worse */
  g_assert_cmpuint (main_product, >, 0);
  g_assert_false (kd_capture_product_has_flag (shown, "license_not_in_use"));
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products, i);

      if (!kd_capture_product_has_flag (product, "license_not_in_use"))
        g_assert_cmpint (kd_diagnosis_get_product_verdict (all, i), <=, kd_diagnosis_get_product_verdict (all, main_product));
    }

  g_assert_cmpuint (kd_diagnosis_get_main_product (two), ==, 1);
  g_assert_cmpint (kd_diagnosis_get_product_verdict (two, 1), ==, KD_VERDICT_ERROR);
  g_assert_cmpuint (kd_diagnosis_get_main_product (empty), ==, 0);
}

static void
test_json (void)
{
  g_autoptr(KdDiagnosis) diagnosis = diagnose_fixture ("en-dlv-ws2022-kmshost-count3-dns-disabled-utf8bom");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj;
  JsonArray *findings;

  kd_diagnosis_to_json (diagnosis, builder);
  root = json_builder_get_root (builder);
  obj = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (obj, "verdict"), ==, "error");
  findings = json_object_get_array_member (obj, "findings");
  g_assert_cmpuint (json_array_get_length (findings), >=, 2);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      g_assert_true (json_object_has_member (f, "rule"));
      g_assert_true (json_object_has_member (f, "severity"));
      g_assert_true (json_object_has_member (f, "commands"));
    }
}

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The worker's diagnosis is the one made here, with the products'
 * labels made; a cancelled one is no diagnosis. */
static void
test_new_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures",
                                                 "en-dlvall-win10-office-2016-2019-2021-clients.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  {
    g_autoptr(KdCapture) doc = kd_capture_parse_bytes (bytes, KD_CAPTURE_PARSE_NONE);
    g_autoptr(KdDiagnosis) here = kd_diagnosis_new (doc);
    g_autoptr(KdDiagnosis) there = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(JsonBuilder) a = json_builder_new ();
    g_autoptr(JsonBuilder) b = json_builder_new ();
    g_autoptr(JsonNode) node_a = NULL;
    g_autoptr(JsonNode) node_b = NULL;
    const char * const *labels;
    guint n;

    kd_diagnosis_new_async (bytes, KD_CAPTURE_PARSE_THREADS, NULL, got_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    there = kd_diagnosis_new_finish (result, NULL);
    g_assert_nonnull (there);

    kd_diagnosis_to_json (here, a);
    kd_diagnosis_to_json (there, b);
    node_a = json_builder_get_root (a);
    node_b = json_builder_get_root (b);
    g_assert_true (json_node_equal (node_a, node_b));

    n = g_list_model_get_n_items (kd_capture_get_products (kd_diagnosis_get_document (there)));
    labels = kd_diagnosis_get_product_labels (there);
    g_assert_cmpuint (n, >, 1);
    g_assert_cmpuint (g_strv_length ((char **) labels), ==, n);
    g_assert_true (g_str_has_prefix (labels[0], "1. "));
  }
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(KdDiagnosis) none = NULL;
    g_autoptr(GError) error = NULL;

    g_cancellable_cancel (cancellable);
    kd_diagnosis_new_async (bytes, KD_CAPTURE_PARSE_NONE, cancellable, got_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    none = kd_diagnosis_new_finish (result, &error);
    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diagnosis/fixtures", test_fixtures);
  g_test_add_func ("/diagnosis/links-and-commands", test_links_and_commands);
  g_test_add_func ("/diagnosis/kms-client-rules", test_kms_client_rules);
  g_test_add_func ("/diagnosis/host-rules", test_host_rules);
  g_test_add_func ("/diagnosis/ospp-commands", test_ospp_commands);
  g_test_add_func ("/diagnosis/nothing", test_nothing);
  g_test_add_func ("/diagnosis/main-product", test_main_product);
  g_test_add_func ("/diagnosis/json", test_json);
  g_test_add_func ("/diagnosis/new-async", test_new_async);

  return g_test_run ();
}
