/* test-lookup.c — what a query means (KdLookup), what a paste holds
 * (KdInput), and the ids and labels every front end shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "kd-capture-parser.h"
#include "kd-enum-types.h"
#include "kd-error-catalog.h"
#include "kd-field-info.h"
#include "kd-input.h"
#include "kd-kms-limits.h"
#include "kd-lookup.h"

static KdLookup *
lookup (const char *text)
{
  return kd_lookup_new (kd_error_catalog_get_default (), text);
}

static void
test_lookup_kinds (void)
{
  static const struct {
    const char *text;
    KdLookupKind kind;
  } cases[] = {
    { "", KD_LOOKUP_EMPTY },
    { "   \t\n", KD_LOOKUP_EMPTY },
    { "0xC004F074", KD_LOOKUP_CODE },
    { "  c004f074 ", KD_LOOKUP_CODE },
    { "-1073418124", KD_LOOKUP_CODE },
    { "3221549172", KD_LOOKUP_CODE },
    { "Error: 0xC004F074", KD_LOOKUP_CODE },
    { "0x1234567890", KD_LOOKUP_NOT_A_CODE },
    { "0xZZ", KD_LOOKUP_NOT_A_CODE },
    { "99999999999999", KD_LOOKUP_NOT_A_CODE },
    { "f074", KD_LOOKUP_WORDS },
    { "count insufficient", KD_LOOKUP_WORDS },
    { "SL_E_VL_BINDING_SERVICE_UNAVAILABLE", KD_LOOKUP_WORDS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KdLookup) l = lookup (cases[i].text);
      KdLookupKind kind;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (kd_lookup_get_kind (l), ==, cases[i].kind);
      g_object_get (l, "kind", &kind, NULL);
      g_assert_cmpint (kind, ==, cases[i].kind);
      g_assert_true (kd_lookup_get_kind (l) == KD_LOOKUP_NOT_A_CODE
                     ? kd_lookup_get_reason (l) != NULL && *kd_lookup_get_reason (l) != '\0'
                     : kd_lookup_get_reason (l) == NULL);
      g_assert_true ((kd_lookup_get_kind (l) == KD_LOOKUP_CODE) == (kd_lookup_get_entry (l) != NULL));
    }
}

static void
test_lookup_results (void)
{
  {
    /* A known code: its entry, and the list starts with it. */
    g_autoptr(KdLookup) l = lookup (" -1073418124 ");
    g_autoptr(GPtrArray) results = kd_lookup_get_results (l, 10);

    g_assert_cmpstr (kd_lookup_get_query (l), ==, "-1073418124");
    g_assert_true (kd_lookup_get_known (l));
    g_assert_cmphex (kd_lookup_get_value (l), ==, 0xC004F074);
    g_assert_cmpstr (kd_error_code_get_code (kd_lookup_get_entry (l)), ==, "0xC004F074");
    g_assert_cmpuint (results->len, >=, 1);
    g_assert_true (g_ptr_array_index (results, 0) == (gpointer) kd_lookup_get_entry (l));
  }
  {
    /* A code the catalog does not have: decoded, and its neighbours. */
    g_autoptr(KdLookup) l = lookup ("0xC004FF7E");
    g_autoptr(GPtrArray) nearest = kd_lookup_get_results (l, 5);

    g_assert_cmpint (kd_lookup_get_kind (l), ==, KD_LOOKUP_CODE);
    g_assert_false (kd_lookup_get_known (l));
    g_assert_false (kd_error_code_get_known (kd_lookup_get_entry (l)));
    g_assert_cmpuint (nearest->len, >, 0);
    g_assert_cmpuint (nearest->len, <=, 5);
    for (guint i = 0; i < nearest->len; i++)
      g_assert_cmphex (kd_error_code_get_value (g_ptr_array_index (nearest, i)) >> 16, ==, 0xC004);
  }
  {
    /* Part of a code is a search, and finds the code. */
    g_autoptr(KdLookup) l = lookup ("f074");
    g_autoptr(GPtrArray) results = kd_lookup_get_results (l, 0);
    gboolean found = FALSE;

    for (guint i = 0; i < results->len; i++)
      found |= kd_error_code_get_value (g_ptr_array_index (results, i)) == 0xC004F074;
    g_assert_true (found);
  }
  {
    /* Nothing is listed for what is not a code, or for nothing. */
    g_autoptr(KdLookup) bad = lookup ("0x1234567890");
    g_autoptr(KdLookup) empty = lookup ("");
    g_autoptr(GPtrArray) none = kd_lookup_get_results (bad, 10);
    g_autoptr(GPtrArray) nothing = kd_lookup_get_results (empty, 10);

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (nothing->len, ==, 0);
  }
  {
    /* Bytes that are not UTF-8 are made valid, not refused. */
    g_autoptr(KdLookup) l = lookup ("caf\xe9 licensing");

    g_assert_true (g_utf8_validate (kd_lookup_get_query (l), -1, NULL));
    g_assert_cmpint (kd_lookup_get_kind (l), ==, KD_LOOKUP_WORDS);
  }
}

static void
test_input (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures",
                                                 "en-dlv-win10-ent-kmsclient-dns-banner-prompt.txt", NULL);
  g_autofree char *capture = NULL;
  g_autofree char *long_words = g_strnfill (300, 'w');

  g_assert_true (g_file_get_contents (path, &capture, NULL, NULL));
  {
    g_autoptr(KdInput) input = kd_input_new_for_text (capture, -1);

    g_assert_cmpint (kd_input_get_kind (input), ==, KD_INPUT_CAPTURE);
  }
  {
    g_autoptr(KdInput) input = kd_input_new_for_text ("Error: 0xC004F074 The Software Licensing Service reported "
                                                      "that the product could not be activated.", -1);

    g_assert_cmpint (kd_input_get_kind (input), ==, KD_INPUT_CODE);
    g_assert_cmphex (kd_input_get_code (input), ==, 0xC004F074);
  }
  {
    g_autoptr(KdInput) input = kd_input_new_for_text ("  count insufficient\nsecond line", -1);

    g_assert_cmpint (kd_input_get_kind (input), ==, KD_INPUT_SEARCH);
    g_assert_cmpstr (kd_input_get_search (input), ==, "count insufficient");
  }
  {
    g_autoptr(KdInput) empty = kd_input_new_for_text ("", 0);
    g_autoptr(KdInput) words = kd_input_new_for_text (long_words, -1);
    g_autoptr(KdInput) binary = kd_input_new_for_text ("\xff\xfe\x01", 3);

    g_assert_cmpint (kd_input_get_kind (empty), ==, KD_INPUT_NOTHING);
    g_assert_cmpint (kd_input_get_kind (words), ==, KD_INPUT_UNKNOWN);
    g_assert_cmpint (kd_input_get_kind (binary), ==, KD_INPUT_UNKNOWN);
  }
}

/* The nicks are the ids of the JSON contracts: they may never change. */
static void
test_enum_ids (void)
{
  g_assert_cmpstr (kd_capture_kind_get_id (KD_CAPTURE_KIND_SLMGR_DLV), ==, "slmgr-dlv");
  g_assert_cmpstr (kd_capture_kind_get_id (KD_CAPTURE_KIND_OSPP_DSTATUS), ==, "ospp-dstatus");
  g_assert_cmpstr (kd_capture_kind_get_id (KD_CAPTURE_KIND_UNKNOWN), ==, "unknown");
  g_assert_cmpstr (kd_license_role_get_id (KD_LICENSE_ROLE_KMS_CLIENT), ==, "kms-client");
  g_assert_cmpstr (kd_license_role_get_id (KD_LICENSE_ROLE_ADBA), ==, "adba");
  g_assert_cmpstr (kd_license_role_get_id (KD_LICENSE_ROLE_UNKNOWN), ==, "unknown");
  g_assert_cmpstr (kd_verdict_get_id (KD_VERDICT_WARNING), ==, "warning");
  g_assert_cmpstr (kd_finding_severity_get_id (KD_FINDING_INFO), ==, "info");
  g_assert_cmpint (kd_capture_kind_from_id ("ospp-act"), ==, KD_CAPTURE_KIND_OSPP_ACT);
  g_assert_cmpint (kd_capture_kind_from_id ("nonsense"), ==, KD_CAPTURE_KIND_UNKNOWN);
  g_assert_cmpint (kd_license_role_from_id ("avma"), ==, KD_LICENSE_ROLE_AVMA);
  g_assert_cmpint (kd_applies_to_from_id ("kms-client"), ==, KD_APPLIES_TO_KMS_CLIENT);
  g_assert_cmpint (kd_applies_to_from_id ("no-such-kind"), ==, KD_APPLIES_TO_NONE);
  g_assert_cmpstr (kd_applies_to_get_id (KD_APPLIES_TO_TOKEN), ==, "token");
  g_assert_null (kd_applies_to_get_id (KD_APPLIES_TO_MAK | KD_APPLIES_TO_OEM));

  /* Every role has a label of its own. */
  for (int r = KD_LICENSE_ROLE_KMS_CLIENT; r <= KD_LICENSE_ROLE_SUBSCRIPTION; r++)
    g_assert_cmpstr (kd_license_role_get_label (r), !=, kd_license_role_get_label (KD_LICENSE_ROLE_UNKNOWN));
}

/* The members of a JSON object along a dotted path, or NULL */
static JsonNode *
member_at (JsonObject *object,
           const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (object == NULL || !json_object_has_member (object, parts[i]))
        return NULL;
      node = json_object_get_member (object, parts[i]);
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  return node;
}

static void
test_field_info (void)
{
  static const char * const fixtures[] = {
    "en-dlv-win10-ent-kmsclient-dns-banner-prompt.txt",
    "en-dlv-win10-kmshost-count37-failed-cr-only.txt",
    "en-dlv-win10-ent-never-activated-utf16le-nobom.txt",
  };
  static const char * const sensitive[] = {
    "partial_product_key", "extended_pid", "installation_id", "cmid", "registered_kms_machine_name",
    "kms_machine_name_from_dns", "kms_machine_ip", "kms_extended_pid",
  };
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  guint checked = 0;

  for (guint i = 0; i < kd_field_info_get_n (); i++)
    {
      const KdFieldInfo *info = kd_field_info_get_nth (i);

      g_assert_true (g_hash_table_add (keys, (gpointer) kd_field_info_get_key (info)));
      g_assert_true (kd_field_info_lookup (kd_field_info_get_key (info)) == info);
      g_assert_nonnull (kd_field_info_get_label (info));
      g_assert_nonnull (kd_field_group_get_label (kd_field_info_get_group (info)));
      /* shown grouped: a group never comes back after another */
      if (i > 0)
        g_assert_cmpint (kd_field_info_get_group (kd_field_info_get_nth (i - 1)), <=, kd_field_info_get_group (info));
      g_assert_cmpint (kd_field_info_is_sensitive (info), ==,
                       g_strv_contains (sensitive, kd_field_info_get_key (info)));
    }
  g_assert_null (kd_field_info_lookup ("no_such_field"));

  /* Where a field says it stands in parse --json, there is a value. */
  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", fixtures[f], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(KdCapture) doc = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *json = NULL;
      JsonArray *products;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      doc = kd_capture_parse ((const guint8 *) contents, length, KD_CAPTURE_PARSE_NONE, NULL);
      json = kd_capture_to_json_string (doc);
      g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
      products = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "products");

      for (guint p = 0; p < json_array_get_length (products); p++)
        {
          g_autoptr(KdCaptureProduct) product = g_list_model_get_item (kd_capture_get_products (doc), p);
          JsonObject *object = json_array_get_object_element (products, p);

          for (guint i = 0; i < kd_field_info_get_n (); i++)
            {
              const KdFieldInfo *info = kd_field_info_get_nth (i);
              const char *member = kd_field_info_get_json_member (info);
              JsonNode *node;

              if (member == NULL || kd_capture_product_get_field (product, kd_field_info_get_key (info)) == NULL)
                continue;
              node = member_at (object, member);
              g_test_message ("%s: %s → %s", fixtures[f], kd_field_info_get_key (info), member);
              g_assert_nonnull (node);
              g_assert_false (JSON_NODE_HOLDS_NULL (node));
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, >, 20);
}

static void
test_limits (void)
{
  /* The cap is twice the threshold a host is asked for. */
  g_assert_cmpint (KD_KMS_COUNT_CAP_CLIENT, ==, 50);
  g_assert_cmpint (KD_KMS_COUNT_CAP_SERVER, ==, 10);
  g_assert_cmpint (KD_KMS_VALIDITY_MINUTES, ==, 259200);
  g_assert_cmpint (KD_KMS_RENEWAL_MINUTES, ==, 10080);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lookup/kinds", test_lookup_kinds);
  g_test_add_func ("/lookup/results", test_lookup_results);
  g_test_add_func ("/input/kinds", test_input);
  g_test_add_func ("/enums/ids", test_enum_ids);
  g_test_add_func ("/field-info/table", test_field_info);
  g_test_add_func ("/limits", test_limits);

  return g_test_run ();
}
