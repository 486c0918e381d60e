/* test-hresult.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kd-hresult.h"

static void
test_spellings (void)
{
  static const char *spellings[] = {
    "0xC004F074", "C004F074", "c004f074", "0XC004F074", "-1073418124", "3221549172",
    "Error: 0xC004F074", "hr=0xC004F074", "HR = 0xC004F074", "  0xc004f074  ", "0xC004F074.",
    "Error code: 0xC004F074", "0xffffffffc004f074", "codice errore 0xC004F074", "(0xC004F074)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autoptr(GError) error = NULL;
      guint32 value = 0;

      g_test_message ("%s", spellings[i]);
      g_assert_true (kd_hresult_parse (spellings[i], &value, &error));
      g_assert_no_error (error);
      g_assert_cmphex (value, ==, 0xC004F074);
    }
}

static void
test_win32_spellings (void)
{
  guint32 value = 0;

  g_assert_true (kd_hresult_parse ("0x8007232b", &value, NULL));
  g_assert_cmphex (value, ==, 0x8007232B);
  g_assert_true (kd_hresult_parse ("80070005", &value, NULL));
  g_assert_cmphex (value, ==, 0x80070005);
  g_assert_true (kd_hresult_parse ("0x80070005L", &value, NULL));
  g_assert_cmphex (value, ==, 0x80070005);
  g_assert_true (kd_hresult_parse ("-2147024891", &value, NULL));
  g_assert_cmphex (value, ==, 0x80070005);
  g_assert_true (kd_hresult_parse ("0x5", &value, NULL));
  g_assert_cmphex (value, ==, 5);
  g_assert_true (kd_hresult_parse ("1074065472", &value, NULL));
  g_assert_cmphex (value, ==, 0x4004F040);
}

static void
test_garbage (void)
{
  static const struct {
    const char *text;
    int code;
  } bad[] = {
    { "", KD_HRESULT_ERROR_EMPTY },
    { "   ", KD_HRESULT_ERROR_EMPTY },
    { "hello", KD_HRESULT_ERROR_INVALID },
    { "0xZZZ", KD_HRESULT_ERROR_INVALID },
    { "0x", KD_HRESULT_ERROR_INVALID },
    { "C004F07", KD_HRESULT_ERROR_INVALID },
    { "f074", KD_HRESULT_ERROR_INVALID },
    { "0x1234567890", KD_HRESULT_ERROR_OUT_OF_RANGE },
    { "-2147483649", KD_HRESULT_ERROR_OUT_OF_RANGE },
    { "4294967296", KD_HRESULT_ERROR_OUT_OF_RANGE },
    { "99999999999999999999999", KD_HRESULT_ERROR_OUT_OF_RANGE },
    { "0xC004F074 0xC004F038", KD_HRESULT_ERROR_INVALID },
    { "--5", KD_HRESULT_ERROR_INVALID },
    { "\xff\xfe", KD_HRESULT_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      guint32 value = 0xDEADBEEF;

      g_assert_false (kd_hresult_parse (bad[i].text, &value, &error));
      g_assert_error (error, KD_HRESULT_ERROR, bad[i].code);
      g_assert_cmphex (value, ==, 0xDEADBEEF);
    }
}

static void
test_huge (void)
{
  g_autofree char *huge = g_malloc (10 * 1024 * 1024 + 1);
  g_autoptr(GError) error = NULL;
  guint32 value;

  memset (huge, '7', 10 * 1024 * 1024);
  huge[10 * 1024 * 1024] = '\0';
  g_assert_false (kd_hresult_parse (huge, &value, &error));
  g_assert_error (error, KD_HRESULT_ERROR, KD_HRESULT_ERROR_INVALID);

  /* No code in 10 MB of text: found quickly to be absent. */
  memset (huge, 'a', 10 * 1024 * 1024);
  g_assert_false (kd_hresult_find_in_text (huge, -1, &value));
}

static void
test_find_in_text (void)
{
  guint32 value = 0;

  g_assert_true (kd_hresult_find_in_text ("Error: 0xC004F038 The Software Licensing Service reported…", -1, &value));
  g_assert_cmphex (value, ==, 0xC004F038);
  g_assert_true (kd_hresult_find_in_text ("---------------------------\nWindows Script Host\n---------------------------\n"
                                          "Error: 0xC004F074 The Software Licensing Service reported that the product "
                                          "could not be activated.\n", -1, &value));
  g_assert_cmphex (value, ==, 0xC004F074);
  g_assert_true (kd_hresult_find_in_text ("c004f06c", -1, &value));
  g_assert_cmphex (value, ==, 0xC004F06C);
  g_assert_false (kd_hresult_find_in_text ("no code here, only 0x1234", -1, &value));
}

static void
test_decode (void)
{
  const char *symbol = NULL, *message = NULL;
  guint win32 = 0;

  /* The worked example of docs/facts/error-codes.md §3 */
  g_assert_cmpint (kd_hresult_get_severity (0xC004F074), ==, KD_SEVERITY_ERROR);
  g_assert_true (kd_hresult_is_failure (0xC004F074));
  g_assert_false (kd_hresult_is_customer (0xC004F074));
  g_assert_false (kd_hresult_is_ntstatus (0xC004F074));
  g_assert_cmpuint (kd_hresult_get_facility (0xC004F074), ==, 4);
  g_assert_cmpuint (kd_hresult_get_code (0xC004F074), ==, 0xF074);
  g_assert_cmpstr (kd_hresult_facility_get_name (4), ==, "FACILITY_ITF");
  g_assert_cmpint (kd_hresult_to_signed (0xC004F074), ==, -1073418124);
  g_assert_nonnull (kd_hresult_get_zone (0xC004F074));
  g_assert_nonnull (kd_hresult_get_zone (0xC004B100));
  g_assert_null (kd_hresult_get_zone (0x80070005));

  g_assert_cmpint (kd_hresult_get_severity (0x4004F040), ==, KD_SEVERITY_INFORMATIONAL);
  g_assert_false (kd_hresult_is_failure (0x4004F040));
  g_assert_cmpuint (kd_hresult_get_facility (0x803F7001), ==, 63);
  g_assert_cmpstr (kd_hresult_facility_get_name (63), ==, "FACILITY_WINDOWS_STORE");
  g_assert_null (kd_hresult_facility_get_name (1999));

  g_assert_true (kd_hresult_get_win32 (0x8007232B, &win32));
  g_assert_cmpuint (win32, ==, 9003);
  g_assert_true (kd_win32_error_lookup (win32, &symbol, &message));
  g_assert_cmpstr (symbol, ==, "DNS_ERROR_RCODE_NAME_ERROR");
  g_assert_cmpstr (message, ==, "DNS name does not exist.");
  g_assert_true (kd_win32_error_lookup (5, &symbol, &message));
  g_assert_cmpstr (message, ==, "Access is denied.");
  g_assert_true (kd_win32_error_lookup (1722, &symbol, &message));
  g_assert_cmpstr (symbol, ==, "RPC_S_SERVER_UNAVAILABLE");
  g_assert_false (kd_hresult_get_win32 (0xC004F074, NULL));
}

static void
test_format (void)
{
  g_autofree char *a = kd_hresult_format (0xC004F074);
  g_autofree char *b = kd_hresult_format (5);

  g_assert_cmpstr (a, ==, "0xC004F074");
  g_assert_cmpstr (b, ==, "0x00000005");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hresult/spellings", test_spellings);
  g_test_add_func ("/hresult/win32-spellings", test_win32_spellings);
  g_test_add_func ("/hresult/garbage", test_garbage);
  g_test_add_func ("/hresult/huge", test_huge);
  g_test_add_func ("/hresult/find-in-text", test_find_in_text);
  g_test_add_func ("/hresult/decode", test_decode);
  g_test_add_func ("/hresult/format", test_format);

  return g_test_run ();
}
