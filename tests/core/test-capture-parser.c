/* test-capture-parser.c — the capture parser against its fixtures and hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every tests/fixtures/captures/NAME.txt is parsed and compared with the
 * values NAME.expected.json asserts (a subset of docs/capture-json.md).
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "kd-capture-date.h"
#include "kd-capture-parser.h"
#include "kd-capture-parser-private.h"
#include "kd-capture-product.h"
#include "kd-labels.h"
#include "kd-text-decode.h"
#include "kd-test-json.h"

static JsonNode *
parse_to_node (const guint8 *data,
               gsize         length)
{
  g_autoptr(KdCapture) doc = kd_capture_parse (data, length, KD_CAPTURE_PARSE_NONE, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  kd_capture_to_json (doc, builder);
  return json_builder_get_root (builder);
}

static void
test_fixture (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", NULL);
  g_autofree char *txt = g_strdup_printf ("%s/%s.txt", dir, name);
  g_autofree char *exp = g_strdup_printf ("%s/%s.expected.json", dir, name);

  kd_test_json_check_fixture (txt, exp, parse_to_node);
}

static void
test_dates (void)
{
  static const struct {
    const char *text;
    guint lcid;
    const char *language;
    const char *iso;
  } cases[] = {
    { "3/18/2026 12:34:20 PM", 0, "en", "2026-03-18T12:34:20" },
    { "20/03/2026 12:44:15", 0, "en", "2026-03-20T12:44:15" },
    { "7/5/2025 9:13:33 AM", 1033, "en", "2025-07-05T09:13:33" },
    { "7/5/2025 9:13:33", 2057, "en", "2025-05-07T09:13:33" },
    { "7/5/2025 9:13:33 AM", 0, "en", NULL },
    { "2026/3/18 12:34:20", 0, "zh-CN", "2026-03-18T12:34:20" },
    { "2026/3/18 下午 1:05:00", 0, "zh-CN", "2026-03-18T13:05:00" },
    { "18.03.2026 12:34:20", 0, "de", "2026-03-18T12:34:20" },
    { "04.05.2026 08:00:00", 0, NULL, "2026-05-04T08:00:00" },
    { "5/5/2026 8:00:00 AM", 0, NULL, "2026-05-05T08:00:00" },
    { "13/13/2026 10:00:00", 0, NULL, NULL },
    { "2/30/2026 10:00:00 AM", 1033, NULL, NULL },
    { "not a date", 0, NULL, NULL },
    /* read by the scanner */
    { "2026-03-18T12:34:20", 0, NULL, "2026-03-18T12:34:20" },
    { "  2026/3/18 PM 1:05", 0, NULL, "2026-03-18T13:05:00" },
    { "2026/3/18 12:00:00 am", 0, NULL, "2026-03-18T00:00:00" },
    { "3-4-2026 11:00 p.m.", 0, "es", "2026-04-03T23:00:00" },
    { "12/12/2026 0:00:00 a. m.", 0, NULL, "2026-12-12T00:00:00" },
    { "3/18/2026\t12:34:20 PM", 0, NULL, "2026-03-18T12:34:20" },
    { "3/18/2026 12:34:60 PM", 0, NULL, NULL },
    { "3/18/20261 12:34:20", 0, NULL, NULL },
    { "3/18-2026 12:34:20", 0, NULL, NULL },
    /* left to the patterns: Chinese, full-width and oddly run-together forms */
    { "2026年3月18日 下午 12:34:20", 0, NULL, "2026-03-18T12:34:20" },
    { "2026/3/1812:34", 0, NULL, "2026-03-18T12:34:00" },
    { "2026/3/18\xe3\x80\x80" "12:34:20", 0, NULL, "2026-03-18T12:34:20" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL;
      gboolean ok = kd_capture_parse_date (cases[i].text, cases[i].lcid, cases[i].language, &iso);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].iso != NULL);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

static void
test_decode (void)
{
  const char *text = "Name: Windows(R), Professional edition\r\nLicense Status: Licensed\r\n";
  g_autofree char *le = NULL, *be = NULL;
  gsize le_len = 0, be_len = 0;
  const char *encoding;

  le = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &le_len, NULL);
  be = g_convert (text, -1, "UTF-16BE", "UTF-8", NULL, &be_len, NULL);

  {
    g_autofree char *out = kd_text_decode ((const guint8 *) le, le_len, kd_labels_codepage_for_lcid_default, &encoding, NULL);
    g_assert_cmpstr (encoding, ==, "UTF-16LE");
    g_assert_cmpstr (out, ==, text);
  }
  {
    g_autofree char *out = kd_text_decode ((const guint8 *) be, be_len, kd_labels_codepage_for_lcid_default, &encoding, NULL);
    g_assert_cmpstr (encoding, ==, "UTF-16BE");
    g_assert_cmpstr (out, ==, text);
  }
  {
    /* An odd byte count: the half character goes, the rest stays. */
    KdDecodeFlags flags;
    g_autofree char *out = kd_text_decode ((const guint8 *) le, le_len - 1, kd_labels_codepage_for_lcid_default, &encoding, &flags);
    g_assert_true (flags & KD_DECODE_ODD_UTF16);
    g_assert_true (g_str_has_prefix (out, "Name: Windows"));
  }
  {
    /* windows-1252 for 8-bit text without an extended PID */
    g_autofree char *out = kd_text_decode ((const guint8 *) "Caf\xe9: ok", 9, kd_labels_codepage_for_lcid_default, &encoding, NULL);
    g_assert_cmpstr (encoding, ==, "WINDOWS-1252");
    g_assert_cmpstr (out, ==, "Café: ok");
  }
}

static void
test_hostile (void)
{
  static const struct {
    const char *name;
    const char *data;
    gsize length;
  } cases[] = {
    { "empty", "", 0 },
    { "binary", "\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3e\x00", 20 },
    { "nul bytes", "Name: A\0B\nLicense Status: Licensed\n", 34 },
    { "invalid utf-8", "Name: \xc3\x28 edition\nLicense Status: \xff\xfe Licensed\n", 45 },
    { "labels without values", "Name:\nDescription:\nLicense Status:\nPartial Product Key:\n", 55 },
    { "only colons", ":::::\n: : :\n", 12 },
    { "cr only", "Name: Windows(R), Pro\rLicense Status: Licensed\r", 47 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KdCapture) doc = NULL;
      g_autofree char *json = NULL;

      g_test_message ("%s", cases[i].name);
      doc = kd_capture_parse ((const guint8 *) cases[i].data, cases[i].length, KD_CAPTURE_PARSE_NONE, NULL);
      g_assert_nonnull (doc);
      json = kd_capture_to_json_string (doc);
      g_assert_true (g_utf8_validate (json, -1, NULL));
    }

  /* What the fuzz targets once broke (tests/fixtures/hostile/README.md). */
  {
    g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", NULL);
    g_autoptr(GDir) files = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    g_assert_nonnull (files);
    while ((name = g_dir_read_name (files)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autofree char *contents = NULL;
        g_autoptr(KdCapture) doc = NULL;
        gsize length;

        if (!g_str_has_suffix (name, ".bin"))
          continue;
        g_test_message ("%s", name);
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        doc = kd_capture_parse ((const guint8 *) contents, length, KD_CAPTURE_PARSE_NONE, NULL);
        g_assert_nonnull (doc);
        n++;
      }
    g_assert_cmpuint (n, >, 0);
  }

  {
    g_autoptr(KdCapture) doc = kd_capture_parse ((const guint8 *) "", 0, KD_CAPTURE_PARSE_NONE, NULL);
    g_assert_cmpint (kd_capture_get_kind (doc), ==, KD_CAPTURE_KIND_UNKNOWN);
    g_assert_nonnull (kd_capture_get_notes (doc)[0]);
  }
  {
    g_autoptr(KdCapture) doc = kd_capture_parse ((const guint8 *) "Name: Windows(R), Pro\rLicense Status: Licensed\r",
                                                 47, KD_CAPTURE_PARSE_NONE, NULL);
    g_autoptr(KdCaptureProduct) product = g_list_model_get_item (kd_capture_get_products (doc), 0);
    g_assert_cmpstr (kd_capture_product_get_license_status (product), ==, "licensed");
  }
}

static void
test_huge (void)
{
  gsize n = 10 * 1024 * 1024;
  g_autofree char *line = g_malloc (n + 1);
  g_autoptr(GString) many = g_string_new (NULL);

  /* One line of 10 MB: kept as one unknown line, not analysed. */
  memset (line, 'x', n);
  line[n] = '\0';
  {
    g_autoptr(KdCapture) doc = kd_capture_parse ((const guint8 *) line, n, KD_CAPTURE_PARSE_NONE, NULL);
    const char * const *unknown = kd_capture_get_unknown_lines (doc);

    g_assert_nonnull (unknown[0]);
    g_assert_cmpuint (strlen (unknown[0]), ==, n);
    g_assert_null (unknown[1]);
  }

  /* A million lines: every product is read. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (many, "Name: Windows(R), Enterprise edition\nDescription: Windows(R) Operating System, "
                           "VOLUME_KMSCLIENT channel\nPartial Product Key: NPPR9\nLicense Status: Licensed\n"
                           "\n\n\n\n\n\n");
  {
    g_autoptr(KdCapture) doc = kd_capture_parse ((const guint8 *) many->str, many->len, KD_CAPTURE_PARSE_NONE, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (kd_capture_get_products (doc)), ==, 100000);
  }
}

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) many = g_string_new (NULL);

  for (guint i = 0; i < 20000; i++)
    g_string_append (many, "Name: X\nLicense Status: Licensed\n");
  g_cancellable_cancel (cancellable);
  {
    g_autoptr(KdCapture) doc = kd_capture_parse ((const guint8 *) many->str, many->len, KD_CAPTURE_PARSE_NONE, cancellable);
    /* It stopped early, at a line boundary, and still gave a document. */
    g_assert_cmpuint (g_list_model_get_n_items (kd_capture_get_products (doc)), <, 20000);
  }
}

/* Labels are compared case-folded, with white space squeezed: eight
 * characters at a time where they are plain ASCII, one at a time where
 * they are not.  Spaces at every position of an eight-byte window. */
static void
test_label_folding (void)
{
  KdLabels *labels = kd_labels_get_default ();
  static const char *same[] = {
    "Remaining Windows rearm count",
    "REMAINING WINDOWS REARM COUNT",
    "remaining windows rearm count",
    "Remaining  Windows rearm count",
    "Remaining Windows  rearm count",
    "Remaining Windows rearm  count",
    "Remaining\tWindows rearm count",
    "  Remaining Windows rearm count",
    "Remaining Windows rearm count :",
    "Remaining Windows rearm count\xef\xbc\x9a",
    "Remaining Windows rearm count.",
    "Remaining Windows rearm count   ",
    "Remaining\xe3\x80\x80Windows rearm count",
  };
  static const char *different[] = {
    "Remaining Windows rearm coun",
    "Remaining Windowsrearm count",
    "Remaining Windows rearm count count",
    "Remaining Windows rearm count:x",
    "Rémaining Windows rearm count",
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      const KdLabelField *field = kd_labels_lookup_field (labels, same[i], -1);

      g_test_message ("%s", same[i]);
      g_assert_nonnull (field);
      g_assert_cmpstr (field->key, ==, "remaining_windows_rearm_count");
    }
  for (guint i = 0; i < G_N_ELEMENTS (different); i++)
    {
      g_test_message ("%s", different[i]);
      g_assert_null (kd_labels_lookup_field (labels, different[i], -1));
    }

  /* Whole lines and values go through the same folding. */
  g_assert_nonnull (kd_labels_match_line (labels, "KEY MANAGEMENT SERVICE CLIENT INFORMATION", 41, NULL));
  g_assert_cmpstr (kd_labels_lookup_value (labels, "license_status", "LICENSED"), ==, "licensed");
  g_assert_cmpstr (kd_labels_lookup_value (labels, "license_status", "Licensed"), ==, "licensed");
  g_assert_cmpstr (kd_labels_lookup_value (labels, "license_status", "Initial  grace period"), ==, "initial-grace");
  g_assert_null (kd_labels_lookup_value (labels, "license_status", "Licensed twice"));

  /* The Korean labels known so far (data/slmgr-labels.json, sources). */
  g_assert_cmpstr (kd_labels_lookup_field (labels, "부분 제품 키", -1)->key, ==, "partial_product_key");
  g_assert_cmpstr (kd_labels_lookup_field (labels, "라이선스 상태", -1)->key, ==, "license_status");
  g_assert_cmpstr (kd_labels_lookup_value (labels, "license_status", "사용 허가됨"), ==, "licensed");
  /* and /ato's success line in Russian and Brazilian Portuguese */
  g_assert_cmpstr (kd_labels_match_line (labels, "Активация выполнена успешно.", strlen ("Активация выполнена успешно."), NULL)->key,
                   ==, "activation_success");
  g_assert_cmpstr (kd_labels_match_line (labels, "Produto ativado com êxito.", strlen ("Produto ativado com êxito."), NULL)->key,
                   ==, "activation_success");

  /* A label a character or two off, as OCR leaves it; not a short one,
   * and not one as near to the labels of two fields. */
  {
    guint distance = 0;
    const KdLabelField *field = kd_labels_lookup_field_near (labels, "Remaining SKIJ rearm count", 26, &distance);

    g_assert_nonnull (field);
    g_assert_cmpstr (field->key, ==, "remaining_sku_rearm_count");
    g_assert_cmpuint (distance, ==, 2);
    g_assert_nonnull (kd_labels_lookup_field_near (labels, "L1cense Status", 14, &distance));
    g_assert_null (kd_labels_lookup_field_near (labels, "Narne", 5, &distance));
    g_assert_null (kd_labels_lookup_field_near (labels, "Remaining rearm count", 21, &distance));
    g_assert_null (kd_labels_lookup_field_near (labels, "Something else entirely", 23, &distance));
  }
}

/* A product keeps any number of fields, in the order set; keys given as
 * any string find the same field. */
static void
test_product_fields (void)
{
  g_autoptr(KdCaptureProduct) product = kd_capture_product_new (NULL);
  g_autoptr(KdCaptureProduct) other = kd_capture_product_new (product);

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *key = g_strdup_printf ("test_field_%u", i);
      g_autofree char *value = g_strdup_printf ("value %u", i);

      kd_capture_product_set_field (product, key, value);
    }
  kd_capture_product_set_field (product, "test_field_7", "changed");
  kd_capture_product_set_flag (product, "test_flag");
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *flag = g_strdup_printf ("test_flag_%u", i);
      kd_capture_product_set_flag (product, flag);
    }

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *key = g_strdup_printf ("test_field_%u", i);
      g_autofree char *value = g_strdup_printf ("value %u", i);

      g_assert_true (kd_capture_product_has_field (product, key));
      g_assert_cmpstr (kd_capture_product_get_field (product, key), ==, i == 7 ? "changed" : value);
    }
  g_assert_false (kd_capture_product_has_field (product, "test_field_60"));
  g_assert_null (kd_capture_product_get_field (product, "no such field ever"));
  g_assert_true (kd_capture_product_has_flag (product, "test_flag"));
  g_assert_true (kd_capture_product_has_flag (product, "test_flag_9"));
  g_assert_false (kd_capture_product_has_flag (product, "no such flag ever"));

  kd_capture_product_set_field (other, "test_field_3", "kept");
  kd_capture_product_absorb (other, product);
  g_assert_cmpstr (kd_capture_product_get_field (other, "test_field_3"), ==, "kept");
  g_assert_cmpstr (kd_capture_product_get_field (other, "test_field_59"), ==, "value 59");
  g_assert_true (kd_capture_product_has_flag (other, "test_flag"));
  g_assert_true (kd_capture_product_has_flag (other, "test_flag_9"));
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *out)
{
  *out += added;
}

/* The products of a document are a list model of KdCaptureProducts. */
static void
test_product_list (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures",
                                                 "en-dlvall-win10-office-2016-2019-2021-clients.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(KdCapture) doc = NULL;
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;
  guint n, n_items = 0, added = 0;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  doc = kd_capture_parse ((const guint8 *) contents, length, KD_CAPTURE_PARSE_NONE, NULL);
  model = kd_capture_get_products (doc);

  g_assert_true (g_list_model_get_item_type (model) == KD_TYPE_CAPTURE_PRODUCT);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 1);
  g_object_get (model, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KdCaptureProduct) product = g_list_model_get_item (model, i);
      g_assert_true (KD_IS_CAPTURE_PRODUCT (product));
    }
  g_assert_null (g_list_model_get_item (model, n));

  /* Replacing them says so */
  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), &added);
  g_ptr_array_add (products, kd_capture_product_new (NULL));
  kd_capture_set_products (doc, g_steal_pointer (&products));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpuint (added, ==, 1);
}

/* Characters are counted sixteen bytes at a time: a character of one to
 * four bytes at every offset of the sixteen-byte block, and the tail. */
static void
test_count_chars (void)
{
  static const char *pieces[] = { "a", "\xc3\xa9", "\xe5\xb7\xb2", "\xf0\x9f\x94\x91", " ", "\xe3\x80\x80" };
  GRand *rand = g_rand_new_with_seed (42);

  g_assert_cmpint (kd_text_count_chars ("", 0), ==, 0);

  /* the text the scanners take */
  g_assert_true (kd_text_is_plain ("License Status:\tLicensed ~", -1));
  g_assert_true (kd_text_is_plain ("ab\x01", 2));
  g_assert_false (kd_text_is_plain ("ab\x01", 3));
  g_assert_false (kd_text_is_plain ("Lizenzstatus: lizenziert\xc3\xa9", -1));
  g_assert_false (kd_text_is_plain ("a\x7f", -1));
  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 60);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      g_assert_cmpint (kd_text_count_chars (text->str, text->len), ==, g_utf8_strlen (text->str, text->len));
    }
  g_rand_free (rand);
}

static gboolean
is_plain_bytewise (const char *text,
                   gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (((guchar) text[i] < ' ' && text[i] != '\t') || (guchar) text[i] > '~')
      return FALSE;
  return TRUE;
}

/* Plain ASCII and UTF-8 are checked sixteen bytes at a time, UTF-8 past
 * its runs of ASCII a piece at a time: every kind of byte at every
 * offset of a block, and characters, valid or not, across the pieces. */
static void
test_scan_blocks (void)
{
  static const char *valid[] = { "\xc3\xa9", "\xe5\xb7\xb2", "\xf0\x9f\x94\x91", "\xe3\x80\x80", "\t", "~" };
  static const char *invalid[] = { "\xc3", "\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\x7f", "\x01", "\xff" };
  GRand *rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 12);
      g_autofree char *owned = NULL;
      const char *encoding, *decoded;
      KdDecodeFlags flags;
      gsize length;

      for (guint i = 0; i < n; i++)
        {
          guint ascii = g_rand_int_range (rand, 0, 40);

          for (guint j = 0; j < ascii; j++)
            g_string_append_c (text, (char) g_rand_int_range (rand, ' ', '~' + 1));
          if (g_rand_int_range (rand, 0, 20) == 0)
            g_string_append (text, invalid[g_rand_int_range (rand, 0, G_N_ELEMENTS (invalid))]);
          else
            g_string_append (text, valid[g_rand_int_range (rand, 0, G_N_ELEMENTS (valid))]);
        }

      g_assert_cmpint (kd_text_is_plain (text->str, text->len), ==, is_plain_bytewise (text->str, text->len));
      decoded = kd_text_decode_borrow ((const guint8 *) text->str, text->len, &length, &owned, kd_labels_codepage_for_lcid_default, &encoding, &flags);
      if (text->len > 0 && g_utf8_validate_len (text->str, text->len, NULL))
        {
          /* valid UTF-8 is read where it is */
          g_assert_true (decoded == text->str);
          g_assert_cmpstr (encoding, ==, "UTF-8");
          g_assert_cmpint (flags, ==, KD_DECODE_NONE);
        }
      else if (text->len > 0)
        g_assert_true (decoded != text->str);
    }
  g_rand_free (rand);
}

/* An /ato result joins the /dlv block of its product, pasted before or
 * after it; attempts with no /dlv block are a product each. */
static void
test_ato_joins (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", "en-ticket-ato-then-dlv.txt", NULL);
  g_autofree char *ticket = NULL;
  const char *ato, *dlv;
  static const char *attempt =
    "C:\\>slmgr /ato\n"
    "Activating Windows(R), Enterprise edition (73111121-5638-40f6-bc11-f1d7b0d64300) ...\n";

  g_assert_true (g_file_get_contents (path, &ticket, NULL, NULL));
  ato = strstr (ticket, "C:\\Windows\\system32>cscript //nologo slmgr.vbs /ato");
  dlv = strstr (ticket, "C:\\Windows\\system32>cscript //nologo slmgr.vbs /dlv");
  g_assert_nonnull (ato);
  g_assert_true (dlv > ato);

  for (guint order = 0; order < 2; order++)
    {
      /* as in the ticket, then the /dlv first */
      g_autofree char *ato_only = g_strndup (ato, dlv - ato);
      g_autofree char *text = order == 0 ? g_strdup (ato) : g_strconcat (dlv, "\n", ato_only, NULL);
      g_autoptr(JsonNode) root = parse_to_node ((const guint8 *) text, strlen (text));
      JsonArray *products = json_object_get_array_member (json_node_get_object (root), "products");
      JsonObject *product = json_array_get_object_element (products, 0);
      JsonObject *result = json_object_get_object_member (product, "result");

      g_assert_cmpuint (json_array_get_length (products), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (product, "channel"), ==, "VOLUME_KMSCLIENT");
      g_assert_nonnull (result);
      g_assert_false (json_object_get_boolean_member (result, "success"));
      g_assert_cmpstr (json_object_get_string_member (result, "error_code"), ==, "0xC004F074");
    }

  {
    g_autofree char *text = g_strconcat (attempt, "Error: 0xC004F074 The Software Licensing Service reported that the "
                                         "computer could not be activated.\n", attempt,
                                         "Product activated successfully.\n", NULL);
    g_autoptr(JsonNode) root = parse_to_node ((const guint8 *) text, strlen (text));
    JsonArray *products = json_object_get_array_member (json_node_get_object (root), "products");

    g_assert_cmpuint (json_array_get_length (products), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        JsonObject *result = json_object_get_object_member (json_array_get_object_element (products, i), "result");

        g_assert_nonnull (result);
        g_assert_cmpint (json_object_get_boolean_member (result, "success"), ==, i == 1);
      }
  }
}

static char *
json_in_halves (const char *text,
                gssize      split_from,
                gboolean   *out_in_halves)
{
  g_autoptr(KdCapture) doc = kd_capture_parse_in_halves ((const guint8 *) text, strlen (text), split_from,
                                                         out_in_halves, NULL);

  return kd_capture_to_json_string (doc);
}

/* A capture read in two halves, from a prompt line on in a second
 * thread, reads as the same capture read in one: each fixture followed
 * by the next one, split at every prompt line. */
static void
test_halves (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_halves = 0, n_splits = 0;
  const char *file;

  g_assert_nonnull (listing);
  while ((file = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (file, ".txt"))
      {
        g_autofree char *path = g_build_filename (dir, file, NULL);
        g_autofree char *contents = NULL;
        const char *encoding;
        gsize length;

        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_ptr_array_add (texts, kd_text_decode ((const guint8 *) contents, length, kd_labels_codepage_for_lcid_default, &encoding, NULL));
      }
  g_assert_cmpuint (texts->len, >=, 40);

  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *text = g_strconcat (g_ptr_array_index (texts, i), "\r\nC:\\Windows\\system32>cscript slmgr.vbs /dlv\r\n",
                                           g_ptr_array_index (texts, (i + 1) % texts->len), NULL);
      g_autofree char *whole = json_in_halves (text, G_MAXSSIZE, NULL);

      for (const char *from = strchr (text, '\n'); from != NULL; from = strchr (from + 1, '\n'))
        {
          gboolean in_halves = FALSE;
          g_autofree char *json = json_in_halves (text, from - text, &in_halves);

          g_assert_cmpstr (json, ==, whole);
          n_splits++;
          n_halves += in_halves;
        }
    }
  /* every text has at least the prompt line between the two fixtures */
  g_test_message ("%u of %u splits read in halves", n_halves, n_splits);
  g_assert_cmpuint (n_halves, >=, texts->len);

  {
    /* What the second half keeps for the document; a prompt that closes
     * the KMS block before it, whose host:port shape would otherwise
     * carry over.  Then halves that disagree, read again in one: a line
     * cut at the console's width just before the prompt, which the first
     * half holds for its continuation, and a version the second half
     * recognised by its shape when the first one printed the service
     * version. */
    static const struct { const char *text; gboolean in_halves; } cases[] = {
      { "Name: Windows(R), Enterprise edition\n"
        "C:\\>slmgr /dli\n"
        "Error: product not found.\n"
        "Unknown words here\n", TRUE },
      { "Name: Windows(R), Enterprise edition\n"
        "Key Management Service client information\n"
        "    Client Machine ID (CMID): 2e1f5a4b-3c6d-4e7f-8a9b-0c1d2e3f4a5b\n"
        "C:\\>slmgr /dli\n"
        "Macchina KMS: kms.example.com:1688\n", TRUE },
      { "Name: Windows(R), Enterprise edition\n"
        "Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n"
        "\n"
        "0123456789 123456789 123456789 123456789 123456789 123456789 123456789 123456789\n"
        "C:\\>slmgr /xpr\n"
        "Windows(R), Enterprise edition:\n"
        "    The machine is permanently activated.\n", FALSE },
      { "Software licensing service version: 10.0.19041.1\n"
        "\n"
        "Name: Windows(R), Enterprise edition\n"
        "C:\\>slmgr /dlv\n"
        "Versione del servizio di gestione licenze software: 10.0.22631.4460\n"
        "Name: Windows(R), Enterprise edition\n", FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *whole = json_in_halves (cases[i].text, G_MAXSSIZE, NULL);
        g_autofree char *json = NULL;
        gboolean in_halves = !cases[i].in_halves;

        json = json_in_halves (cases[i].text, 0, &in_halves);
        g_assert_cmpint (in_halves, ==, cases[i].in_halves);
        g_assert_cmpstr (json, ==, whole);
      }
  }
}

/* The parser starts a thread only when asked: a worker pool parsing many
 * files must not get two threads per file.  Asked or not, the document is
 * the same. */
static void
test_threads (void)
{
  g_autoptr(GString) tickets = g_string_new (NULL);
  g_autoptr(KdCapture) alone = NULL;
  g_autoptr(KdCapture) threaded = NULL;
  g_autofree char *alone_json = NULL;
  g_autofree char *threaded_json = NULL;
  g_autofree char *halves_json = NULL;
  gboolean in_halves = FALSE;
  guint n = 0;

  for (; tickets->len < 5 * 1024 * 1024; n++)
    g_string_append_printf (tickets, "C:\\Windows\\system32>cscript slmgr.vbs /dlv\r\n"
                                     "Name: Windows(R), Enterprise edition\r\n"
                                     "Partial Product Key: %05u\r\n"
                                     "License Status: Licensed\r\n\r\n", n % 100000);

  alone = kd_capture_parse ((const guint8 *) tickets->str, tickets->len, KD_CAPTURE_PARSE_NONE, NULL);
  threaded = kd_capture_parse ((const guint8 *) tickets->str, tickets->len, KD_CAPTURE_PARSE_THREADS, NULL);
  alone_json = kd_capture_to_json_string (alone);
  threaded_json = kd_capture_to_json_string (threaded);
  g_assert_cmpstr (alone_json, ==, threaded_json);
  g_assert_cmpuint (g_list_model_get_n_items (kd_capture_get_products (alone)), ==, n);

  /* What THREADS lets the parser do on a machine of several cores */
  halves_json = json_in_halves (tickets->str, -1, &in_halves);
  g_assert_cmpint (in_halves, ==, g_get_num_processors () > 1);
  g_assert_cmpstr (halves_json, ==, alone_json);
}

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* kd_capture_parse() in a worker: the same document, and cancelled when
 * asked. */
static void
test_parse_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures",
                                                 "en-dlv-win10-ent-kmsclient-dns-banner-prompt.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KdCapture) direct = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  direct = kd_capture_parse_bytes (bytes, KD_CAPTURE_PARSE_NONE);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(KdCapture) doc = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    kd_capture_parse_async (bytes, KD_CAPTURE_PARSE_THREADS, NULL, got_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    doc = kd_capture_parse_finish (result, &error);
    g_assert_no_error (error);
    a = kd_capture_to_json_string (direct);
    b = kd_capture_to_json_string (doc);
    g_assert_cmpstr (a, ==, b);
  }
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(KdCapture) doc = NULL;
    g_autoptr(GError) error = NULL;

    g_cancellable_cancel (cancellable);
    kd_capture_parse_async (bytes, KD_CAPTURE_PARSE_NONE, cancellable, got_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    doc = kd_capture_parse_finish (result, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (doc);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) fixtures = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dlv/dates", test_dates);
  g_test_add_func ("/dlv/label-folding", test_label_folding);
  g_test_add_func ("/dlv/product-fields", test_product_fields);
  g_test_add_func ("/dlv/product-list", test_product_list);
  g_test_add_func ("/dlv/decode", test_decode);
  g_test_add_func ("/dlv/count-chars", test_count_chars);
  g_test_add_func ("/dlv/scan-blocks", test_scan_blocks);
  g_test_add_func ("/dlv/hostile", test_hostile);
  g_test_add_func ("/dlv/huge", test_huge);
  g_test_add_func ("/dlv/cancel", test_cancel);
  g_test_add_func ("/dlv/halves", test_halves);
  g_test_add_func ("/dlv/threads", test_threads);
  g_test_add_func ("/dlv/parse-async", test_parse_async);
  g_test_add_func ("/dlv/ato-joins", test_ato_joins);

  dir = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", NULL);
  fixtures = g_dir_open (dir, 0, NULL);
  if (fixtures != NULL)
    {
      const char *file;

      while ((file = g_dir_read_name (fixtures)) != NULL)
        if (g_str_has_suffix (file, ".expected.json"))
          g_ptr_array_add (names, g_strndup (file, strlen (file) - strlen (".expected.json")));
      g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_strdup_printf ("/dlv/fixture/%s", (char *) g_ptr_array_index (names, i));
          g_test_add_data_func (path, g_ptr_array_index (names, i), test_fixture);
        }
    }

  return g_test_run ();
}
