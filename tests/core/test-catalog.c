/* test-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kd-command.h"
#include "kd-error-catalog.h"
#include "kd-hresult.h"
#include "kd-resources.h"
#include "kd-search-index.h"

/* The 30 codes of Microsoft's table (docs/facts/error-codes.md §8.2). */
static const guint32 seed_codes[] = {
  0xC004C001, 0xC004C003, 0xC004C008, 0xC004B100, 0xC004C020, 0xC004C021, 0xC004F009,
  0xC004F00F, 0xC004F014, 0xC004F02C, 0xC004F035, 0xC004F038, 0xC004F039, 0xC004F041,
  0xC004F042, 0xC004F050, 0xC004F051, 0xC004F064, 0x4004F065, 0xC004F06C, 0xC004F074,
  0x8004FE21, 0x80070005, 0x8007007B, 0x80070490, 0x800706BA, 0x8007232A, 0x8007232B,
  0x8007251D, 0x80092328,
};

/* Every code of docs/facts/error-codes.md §8.3. */
static const guint32 win32_codes[] = {
  0x80070001, 0x80070002, 0x80070005, 0x8007000D, 0x80070057, 0x8007007B, 0x80070422,
  0x80070426, 0x80070490, 0x800704CF, 0x800705B4, 0x800706BA, 0x8007139F, 0x80072030,
  0x8007232A, 0x8007232B, 0x80072338, 0x8007251D, 0x8007267C, 0x8007274C, 0x8007274D,
  0x80072751, 0x80072AF9, 0x80072EE2, 0x80072EE7, 0x80072EFD, 0x80072F8F, 0x80092026,
  0x80092328, 0xC0020017, 0x80041010,
};

static JsonArray *
load_layer (const char *name)
{
  g_autofree char *path = g_strdup_printf ("/io/github/kmsdoctor/KmsDoctor/catalog/%s", name);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (kd_core_get_resource (), path, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bytes);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static void
test_layers_valid (void)
{
  const char *layers[] = { "slerror.json", "curated.json" };

  for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
    {
      g_autoptr(JsonArray) array = load_layer (layers[l]);
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *obj = json_array_get_object_element (array, i);
          const char *code = json_object_get_string_member (obj, "code");
          g_autofree char *canonical = NULL;
          guint32 value;

          g_assert_true (kd_hresult_parse (code, &value, NULL));
          canonical = kd_hresult_format (value);
          g_assert_cmpstr (code, ==, canonical);
          /* No code twice in a layer. */
          g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (value)));
          g_hash_table_add (seen, GUINT_TO_POINTER (value));
        }

      if (l == 0)
        g_assert_cmpuint (json_array_get_length (array), ==, 414);
    }
}

static void
assert_complete (KdErrorCode *entry)
{
  const char * const *steps = kd_error_code_get_steps (entry);

  g_test_message ("%s", kd_error_code_get_code (entry));
  g_assert_true (kd_error_code_get_known (entry));
  g_assert_true (kd_error_code_get_curated (entry));
  g_assert_nonnull (kd_error_code_get_message (entry));
  g_assert_cmpstr (kd_error_code_get_message (entry), !=, "");
  g_assert_nonnull (kd_error_code_get_title (entry));
  g_assert_cmpuint (strlen (kd_error_code_get_cause (entry)), >, 20);
  g_assert_cmpuint (g_strv_length ((GStrv) steps), >=, 1);
}

static void
test_seed_and_curated (void)
{
  KdErrorCatalog *catalog = kd_error_catalog_get_default ();
  guint curated = 0;

  for (guint i = 0; i < G_N_ELEMENTS (seed_codes); i++)
    {
      KdErrorCode *entry = kd_error_catalog_lookup (catalog, seed_codes[i]);

      g_assert_nonnull (entry);
      assert_complete (entry);
      g_assert_true (kd_error_code_get_seed (entry));
    }
  for (guint i = 0; i < G_N_ELEMENTS (win32_codes); i++)
    {
      KdErrorCode *entry = kd_error_catalog_lookup (catalog, win32_codes[i]);

      g_assert_nonnull (entry);
      assert_complete (entry);
      g_assert_nonnull (kd_error_code_get_symbol (entry) != NULL || win32_codes[i] == 0x80092328 ? "ok" : NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(KdErrorCode) entry = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      if (kd_error_code_get_curated (entry))
        {
          assert_complete (entry);
          curated++;
        }
    }
  /* The curated layer, every range spelt out (docs/facts/error-codes.md §8.1). */
  g_assert_cmpuint (curated, >=, 190);
}

static void
test_sdk_layer (void)
{
  KdErrorCatalog *catalog = kd_error_catalog_get_default ();
  KdErrorCode *entry;

  /* An SDK-only constant keeps its verbatim text and symbol. */
  entry = kd_error_catalog_lookup (catalog, 0xC004C022);
  g_assert_nonnull (entry);
  g_assert_cmpstr (kd_error_code_get_symbol (entry), ==, "SL_E_CHPA_REISSUANCE_LIMIT_NOT_FOUND");
  g_assert_cmpstr (kd_error_code_get_message (entry), ==,
                   "The activation server reported that the re-issuance limit was not found.");
  g_assert_false (kd_error_code_get_curated (entry));

  /* The curated layer completes, not replaces, the SDK entry. */
  entry = kd_error_catalog_lookup (catalog, 0xC004F074);
  g_assert_cmpstr (kd_error_code_get_symbol (entry), ==, "SL_E_VL_BINDING_SERVICE_UNAVAILABLE");
  g_assert_true (kd_error_code_get_applies_to (entry) & KD_APPLIES_TO_KMS_CLIENT);
  g_assert_cmpuint (g_list_model_get_n_items (kd_error_code_get_commands (entry)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), >=, 414 + 31);
}

static void
test_related_resolve (void)
{
  KdErrorCatalog *catalog = kd_error_catalog_get_default ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(KdErrorCode) entry = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      const char * const *related = kd_error_code_get_related (entry);

      for (guint r = 0; related[r] != NULL; r++)
        {
          guint32 value;

          g_assert_true (kd_hresult_parse (related[r], &value, NULL));
          g_assert_nonnull (kd_error_catalog_lookup (catalog, value));
        }
    }
}

static void
test_alias_codes (void)
{
  KdErrorCatalog *catalog = kd_error_catalog_get_default ();
  KdErrorCode *entry = kd_error_catalog_lookup (catalog, 0xC004F065);

  /* Microsoft's tables print 0xC004F065; the SDK defines 0x4004F065. */
  g_assert_nonnull (entry);
  g_assert_cmphex (kd_error_code_get_value (entry), ==, 0x4004F065);
  g_assert_true (kd_error_code_get_informational (entry));
}

static guint32
first_result (const char *query)
{
  g_autoptr(GPtrArray) results = kd_error_catalog_search (kd_error_catalog_get_default (), query, 10);

  g_test_message ("query “%s”: %u results", query, results->len);
  if (results->len == 0)
    return 0;
  return kd_error_code_get_value (g_ptr_array_index (results, 0));
}

static gboolean
in_top (const char *query,
        guint32     value,
        guint       n)
{
  g_autoptr(GPtrArray) results = kd_error_catalog_search (kd_error_catalog_get_default (), query, n);

  for (guint i = 0; i < results->len; i++)
    if (kd_error_code_get_value (g_ptr_array_index (results, i)) == value)
      return TRUE;
  return FALSE;
}

static void
test_search (void)
{
  g_autoptr(GPtrArray) prefix = NULL;

  /* Codes and parts of codes, in every spelling */
  g_assert_cmphex (first_result ("0xC004F074"), ==, 0xC004F074);
  g_assert_cmphex (first_result ("f074"), ==, 0xC004F074);
  g_assert_cmphex (first_result ("F074"), ==, 0xC004F074);
  g_assert_cmphex (first_result ("-1073418124"), ==, 0xC004F074);
  g_assert_cmphex (first_result ("3221549172"), ==, 0xC004F074);
  g_assert_cmphex (first_result ("Error: 0xC004F038"), ==, 0xC004F038);
  g_assert_cmphex (first_result ("232b"), ==, 0x8007232B);
  prefix = kd_error_catalog_search (kd_error_catalog_get_default (), "C004F0", 0);
  g_assert_cmpuint (prefix->len, >, 30);
  for (guint i = 0; i < prefix->len; i++)
    {
      KdErrorCode *entry = g_ptr_array_index (prefix, i);
      const char * const *alias_codes = kd_error_code_get_alias_codes (entry);
      gboolean matches = (kd_error_code_get_value (entry) & 0xFFFFFF00) == 0xC004F000;

      /* 0x4004F065 is found through the spelling Microsoft prints, 0xC004F065. */
      for (guint a = 0; alias_codes[a] != NULL; a++)
        matches |= g_str_has_prefix (alias_codes[a], "0xC004F0");
      g_assert_true (matches);
    }

  /* Symbols and words */
  g_assert_true (in_top ("chpa product key blocked", 0xC004C003, 3));
  g_assert_true (in_top ("SL_E_VL_NOT_ENOUGH_COUNT", 0xC004F038, 1));
  g_assert_true (in_top ("count insufficient", 0xC004F038, 3));
  g_assert_true (in_top ("COUNT Insufficient", 0xC004F038, 3));
  /* One typo per word */
  g_assert_true (in_top ("count insuficient", 0xC004F038, 3));
  g_assert_true (in_top ("cuont insufficient", 0xC004F038, 3));
  g_assert_true (in_top ("DNS name does not exist", 0x8007232B, 3));
  g_assert_true (in_top ("time skew", 0xC004F06C, 5) || in_top ("timestamp", 0xC004F06C, 5));

  /* Nothing, and things that are not searches */
  g_assert_cmphex (first_result ("xyzzyplugh"), ==, 0);
  g_assert_cmphex (first_result (""), ==, 0);
  g_assert_cmphex (first_result ("   "), ==, 0);
  g_assert_cmphex (first_result ("\xff\xfe"), ==, 0);
}

static void
test_search_huge (void)
{
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'w');
  g_autoptr(GPtrArray) results = kd_error_catalog_search (kd_error_catalog_get_default (), huge, 10);

  g_assert_cmpuint (results->len, ==, 0);
}

static void
test_fold (void)
{
  g_autofree char *a = kd_search_fold ("PERCHÉ Attivazione");
  g_autofree char *b = kd_search_fold ("gravità");

  g_assert_cmpstr (a, ==, "perche attivazione");
  g_assert_cmpstr (b, ==, "gravita");
  g_assert_true (kd_search_within_one_edit ("count", 5, "cont", 4));
  g_assert_true (kd_search_within_one_edit ("count", 5, "cuont", 5));
  g_assert_true (kd_search_within_one_edit ("count", 5, "coumt", 5));
  g_assert_true (kd_search_within_one_edit ("count", 5, "counts", 6));
  g_assert_false (kd_search_within_one_edit ("count", 5, "cnuot", 5));
  g_assert_false (kd_search_within_one_edit ("count", 5, "co", 2));
}

static void
test_nearest_and_decoded (void)
{
  KdErrorCatalog *catalog = kd_error_catalog_get_default ();
  g_autoptr(GPtrArray) nearest = kd_error_catalog_nearest (catalog, 0xC004F0FF, 5);
  g_autoptr(KdErrorCode) decoded = kd_error_catalog_resolve (catalog, 0x80070020);
  g_autoptr(KdErrorCode) nothing = kd_error_catalog_resolve (catalog, 0x12345678);

  g_assert_cmpuint (nearest->len, ==, 5);
  for (guint i = 0; i < nearest->len; i++)
    g_assert_cmpuint (kd_hresult_get_facility (kd_error_code_get_value (g_ptr_array_index (nearest, i))), ==, 4);

  g_assert_false (kd_error_code_get_known (decoded));
  g_assert_cmpstr (kd_error_code_get_win32_symbol (decoded), ==, "ERROR_SHARING_VIOLATION");
  g_assert_false (kd_error_code_get_known (nothing));
  g_assert_null (kd_error_code_get_win32_symbol (nothing));
}

static void
test_text_and_markdown (void)
{
  KdErrorCode *entry = kd_error_catalog_lookup (kd_error_catalog_get_default (), 0xC004F074);
  g_autofree char *text = kd_error_code_to_text (entry);
  g_autofree char *markdown = kd_error_code_to_markdown (entry);

  g_assert_true (g_str_has_prefix (text, "0xC004F074 — "));
  g_assert_nonnull (strstr (text, "SL_E_VL_BINDING_SERVICE_UNAVAILABLE"));
  g_assert_nonnull (strstr (text, "1. "));
  g_assert_nonnull (strstr (text, "-1073418124"));
  g_assert_true (g_str_has_prefix (markdown, "## 0xC004F074 — "));
  g_assert_nonnull (strstr (markdown, "```"));
}

/* Run with LANGUAGE=it: every curated string has an Italian translation. */
static void
test_italian (void)
{
  g_autoptr(JsonArray) array = load_layer ("curated.json");
  guint missing = 0;

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "it") != 0)
    {
      g_test_skip ("needs LANGUAGE=it");
      return;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      const char *code = json_object_get_string_member (obj, "code");
      const char *fields[] = { "title", "cause" };
      JsonArray *steps = json_object_get_array_member (obj, "steps");

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *en = json_object_get_string_member (obj, fields[f]);
          if (g_dpgettext2 (GETTEXT_PACKAGE, code, en) == en)
            {
              g_test_message ("%s %s not translated", code, fields[f]);
              missing++;
            }
        }
      for (guint s = 0; s < json_array_get_length (steps); s++)
        {
          const char *en = json_array_get_string_element (steps, s);
          if (g_dpgettext2 (GETTEXT_PACKAGE, code, en) == en)
            {
              g_test_message ("%s step %u not translated", code, s + 1);
              missing++;
            }
        }
    }
  g_assert_cmpuint (missing, ==, 0);

  /* The entry objects carry the translation, and search finds Italian words. */
  {
    KdErrorCode *entry = kd_error_catalog_lookup (kd_error_catalog_get_default (), 0xC004F074);
    g_autoptr(GPtrArray) results = NULL;
    g_auto(GStrv) words = g_strsplit (kd_error_code_get_title (entry), " ", -1);
    g_autofree char *query = NULL;

    g_assert_cmpstr (kd_error_code_get_title (entry), !=,
                     "No KMS host could be reached");
    query = g_strjoin (" ", words[0], words[1] ? words[1] : "", NULL);
    results = kd_error_catalog_search (kd_error_catalog_get_default (), query, 20);
    g_assert_cmpuint (results->len, >, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("KMS_DOCTOR_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/layers-valid", test_layers_valid);
  g_test_add_func ("/catalog/seed-and-curated", test_seed_and_curated);
  g_test_add_func ("/catalog/sdk-layer", test_sdk_layer);
  g_test_add_func ("/catalog/related-resolve", test_related_resolve);
  g_test_add_func ("/catalog/alias-codes", test_alias_codes);
  g_test_add_func ("/catalog/search", test_search);
  g_test_add_func ("/catalog/search-huge", test_search_huge);
  g_test_add_func ("/catalog/fold", test_fold);
  g_test_add_func ("/catalog/nearest-and-decoded", test_nearest_and_decoded);
  g_test_add_func ("/catalog/text-and-markdown", test_text_and_markdown);
  g_test_add_func ("/catalog/italian", test_italian);

  return g_test_run ();
}
