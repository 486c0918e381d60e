/* test-redactor.c — masking what identifies a machine or a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "kd-field-info.h"
#include "kd-redaction.h"
#include "kd-redactor.h"

static char *
apply (KdRedactor *redactor,
       const char *text)
{
  return kd_redactor_apply (redactor, text);
}

/* Typed values, then the same values in free text in another case;
 * what only looks like them stays */
static void
test_typed (void)
{
  g_autoptr(KdRedactor) redactor = kd_redactor_new ();
  g_autofree char *out = NULL;

  kd_redactor_add (redactor, KD_REDACT_HOST, "KMS01.Corp.Example:1688");
  kd_redactor_add (redactor, KD_REDACT_HOST, "PC07");
  kd_redactor_add (redactor, KD_REDACT_CMID, "5F3C9A1B-7D2E-4C8A-9B6F-0E1D2C3B4A59");
  kd_redactor_add (redactor, KD_REDACT_IP_ADDRESS, "10.20.30.40");
  kd_redactor_add (redactor, KD_REDACT_PRODUCT_KEY, "7H3QW");
  /* a public setup key's last five (Windows 10 Enterprise) */
  kd_redactor_add (redactor, KD_REDACT_PRODUCT_KEY, "2YT43");

  g_assert_cmpstr (kd_redactor_lookup (redactor, "kms01.corp.example"), ==, "host-1.domain-1.example");
  g_assert_cmpstr (kd_redactor_lookup (redactor, "KMS01"), ==, "host-1");
  g_assert_cmpstr (kd_redactor_lookup (redactor, "pc07"), ==, "host-2");
  g_assert_cmpstr (kd_redactor_lookup (redactor, "corp.example"), ==, "domain-1.example");
  g_assert_cmpstr (kd_redactor_lookup (redactor, "5f3c9a1b-7d2e-4c8a-9b6f-0e1d2c3b4a59"), ==, "cmid-1");
  g_assert_cmpstr (kd_redactor_lookup (redactor, "10.20.30.40"), ==, "192.0.2.1");
  g_assert_cmpstr (kd_redactor_lookup (redactor, "7h3qw"), ==, "KEY01");
  g_assert_null (kd_redactor_lookup (redactor, "2YT43"));

  out = apply (redactor, "kms01.corp.example:1688 (10.20.30.40) answered pc07, cmid "
                         "5f3c9a1b-7d2e-4c8a-9b6f-0e1d2c3b4a59, key 7H3QW; PC07.corp.example too. "
                         "Files: PC07-dlv.txt, pc07.txt. KMS Doctor on Windows 10.0.19041.1, 0xC004F074, "
                         "key 2YT43, C:\\Windows\\System32\\slmgr.vbs.");
  g_assert_cmpstr (out, ==, "host-1.domain-1.example:1688 (192.0.2.1) answered host-2, cmid cmid-1, key KEY01; "
                            "host-2.domain-1.example too. Files: host-2-dlv.txt, host-2.txt. KMS Doctor on Windows "
                            "10.0.19041.1, 0xC004F074, key 2YT43, C:\\Windows\\System32\\slmgr.vbs.");
  g_assert_cmpuint (kd_redactor_get_n_masked (redactor, KD_REDACT_HOST), ==, 2);
  g_assert_cmpuint (kd_redactor_get_n_masked (redactor, KD_REDACT_DOMAIN), ==, 1);
  g_assert_cmpuint (kd_redactor_get_n_masked (redactor, KD_REDACT_CMID), ==, 1);
  g_assert_cmpuint (kd_redactor_get_n_masked (redactor, KD_REDACT_IP_ADDRESS), ==, 1);
  g_assert_cmpuint (kd_redactor_get_n_masked (redactor, KD_REDACT_PRODUCT_KEY), ==, 1);

  kd_redactor_reset_counts (redactor);
  g_assert_cmpuint (kd_redactor_get_n_masked (redactor, KD_REDACT_HOST), ==, 0);
}

/* What free text holds without a typed field saying so */
static void
test_shapes (void)
{
  g_autoptr(KdRedactor) redactor = kd_redactor_new ();
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;

  kd_redactor_add (redactor, KD_REDACT_DOMAIN, "contoso.com");
  out = apply (redactor,
               "Mail jane.doe@contoso.com or CORP\\jdoe. srv9.contoso.com at fd12:3456:789a:1::40 and "
               "192.168.7.9; loopback ::1 and 127.0.0.1 stay. Key W269N-WFGWX-YVC9B-4J6C9-T83GX is public, "
               "ABCDE-FGHIJ-KLMNO-PQRST-UVW12 is not. CMID 3F1C8E2A-1111-4222-8333-000000000001, "
               "activation ID 73111121-5638-40f6-bc11-f1d7b0d64300. ePID 06401-00206-491-338116-03-1033-9200.0000-3452017. "
               "Time 10:00:00, version 6.3.9600.17415, https://go.microsoft.com/fwlink.");
  g_assert_cmpstr (out, ==,
                   "Mail user-1@example.com or CORP\\user-1. host-1.domain-1.com at 2001:db8::1 and "
                   "192.0.2.1; loopback ::1 and 127.0.0.1 stay. Key W269N-WFGWX-YVC9B-4J6C9-T83GX is public, "
                   "XXXXX-XXXXX-XXXXX-XXXXX-KEY01 is not. CMID cmid-1, "
                   "activation ID 73111121-5638-40f6-bc11-f1d7b0d64300. ePID 06401-00206-000-000001-03-1033-9200.0000-3452017. "
                   "Time 10:00:00, version 6.3.9600.17415, https://go.microsoft.com/fwlink.");
  /* the same values, in another case, get the same masks */
  again = apply (redactor, "SRV9.CONTOSO.COM 3f1c8e2a-1111-4222-8333-000000000001 FD12:3456:789A:1::40 "
                           "Jane.Doe@Contoso.com");
  g_assert_cmpstr (again, ==, "host-1.domain-1.com cmid-1 2001:db8::1 user-1@example.com");
}

/* Numbers follow the values' order, not the order they were met in, so
 * that host-1 says nothing of which machine came first */
static void
test_sorted (void)
{
  g_autoptr(KdRedactor) a = kd_redactor_new ();
  g_autoptr(KdRedactor) b = kd_redactor_new ();
  const char *names[] = { "zeta", "alpha", "mike" };

  for (guint i = 0; i < 3; i++)
    {
      kd_redactor_add (a, KD_REDACT_HOST, names[i]);
      kd_redactor_add (b, KD_REDACT_HOST, names[2 - i]);
    }
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (kd_redactor_lookup (a, names[i]), ==, kd_redactor_lookup (b, names[i]));
  g_assert_cmpstr (kd_redactor_lookup (a, "alpha"), ==, "host-1");
  /* words a report uses itself are not taken for a machine's short name */
  kd_redactor_add (a, KD_REDACT_HOST, "kms.corp.example");
  g_assert_null (kd_redactor_lookup (a, "kms"));
  g_assert_nonnull (kd_redactor_lookup (a, "KMS.corp.example"));
}

/* Every field a parser marks sensitive has a rule */
static void
test_fields (void)
{
  g_autoptr(KdRedactor) redactor = kd_redactor_new ();

  for (guint i = 0; i < kd_field_info_get_n (); i++)
    {
      const KdFieldInfo *info = kd_field_info_get_nth (i);

      g_assert_true (kd_redactor_add_field (redactor, kd_field_info_get_key (info), "x"));
    }
}

/* The mapping saved in a case file gives the same masks, and new values
 * numbers after the old ones; a damaged mapping is refused */
static void
test_json (void)
{
  g_autoptr(KdRedactor) redactor = kd_redactor_new ();
  g_autoptr(KdRedactor) loaded = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *damaged[] = {
    "[]", "{}", "{\"next\": {}, \"masks\": [[\"cmid\", \"a\"]]}", "{\"next\": {}, \"masks\": [[\"nothing\", \"a\", \"b\"]]}",
    "{\"next\": {\"cmid\": -1}, \"masks\": []}", "{\"next\": {}, \"masks\": [[\"cmid\", \"\", \"b\"]]}",
    "{\"next\": {}, \"masks\": [[\"cmid\", \"a\", \"b\"], [\"host\", \"A\", \"c\"]]}",
  };

  kd_redactor_add (redactor, KD_REDACT_HOST, "pc01.corp.example");
  kd_redactor_add (redactor, KD_REDACT_IP_ADDRESS, "10.0.0.7");
  g_assert_nonnull (kd_redactor_lookup (redactor, "pc01"));
  kd_redactor_to_json (redactor, builder);
  node = json_builder_get_root (builder);

  loaded = kd_redactor_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kd_redactor_lookup (loaded, "PC01.corp.example"), ==, "host-1.domain-1.example");
  g_assert_cmpstr (kd_redactor_lookup (loaded, "10.0.0.7"), ==, "192.0.2.1");
  kd_redactor_add (loaded, KD_REDACT_HOST, "aaa");
  g_assert_cmpstr (kd_redactor_lookup (loaded, "aaa"), ==, "host-2");
  out = kd_redactor_apply (loaded, "pc01.corp.example");
  g_assert_cmpstr (out, ==, "host-1.domain-1.example");
  g_assert_cmpuint (kd_redactor_get_n_masked (loaded, KD_REDACT_HOST), ==, 1);
  g_assert_cmpuint (kd_redactor_get_n_masked (loaded, KD_REDACT_DOMAIN), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(JsonNode) bad = json_from_string (damaged[i], NULL);
      g_autoptr(KdRedactor) none = NULL;

      g_clear_error (&error);
      none = kd_redactor_new_from_json (bad, &error);
      g_assert_null (none);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

/* Hostile or odd text: nothing read past its end, nothing lost */
static void
test_odd_text (void)
{
  g_autoptr(KdRedactor) redactor = kd_redactor_new ();
  const char *texts[] = { "", ".", "...", "a.", "\\", "x\\", "\\y", "::", ":::::::", "1.2.3.4.", "@", "a@b", "-_-",
                          "é10.1.1.1é", "<script>10.9.8.7</script>" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *out = kd_redactor_apply (redactor, texts[i]);

      g_assert_nonnull (out);
      g_assert_true (g_utf8_validate (out, -1, NULL));
    }
  g_assert_null (kd_redactor_apply (redactor, NULL));
  {
    g_autofree char *out = kd_redactor_apply (redactor, "<script>10.9.8.7</script>");

    g_autofree char *expected = g_strdup_printf ("<script>%s</script>", kd_redactor_lookup (redactor, "10.9.8.7"));

    g_assert_cmpstr (out, ==, expected);
    g_assert_true (g_str_has_prefix (kd_redactor_lookup (redactor, "10.9.8.7"), "192.0.2."));
  }
}

/* What the redaction preview shows: every value met, the masks to
 * highlight, and a value the user keeps written as it is, also after the
 * mapping is saved and read back */
static void
test_preview (void)
{
  g_autoptr(KdRedactor) redactor = kd_redactor_new ();
  g_autoptr(KdRedactor) loaded = NULL;
  g_autoptr(GListModel) shown = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *out = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *again = NULL;
  const char *text = "PC01.corp.example asked, cmid 3f1c8e2a-1111-4222-8333-000000000001; pc01 again, "
                     "from fd12:3456:789a:1::40; pc01-dlv.txt";
  const char *expected[] = { "host-1.domain-1.example", "cmid-1", "host-1", "2001:db8::1", "host-1" };

  kd_redactor_add (redactor, KD_REDACT_HOST, "pc01.corp.example");
  kd_redactor_add (redactor, KD_REDACT_CMID, "3f1c8e2a-1111-4222-8333-000000000001");
  out = kd_redactor_apply (redactor, text);
  g_assert_cmpstr (out, ==, "host-1.domain-1.example asked, cmid cmid-1; host-1 again, from 2001:db8::1; host-1-dlv.txt");

  shown = kd_redactor_dup_shown (redactor);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  {
    g_autoptr(KdRedaction) first = g_list_model_get_item (shown, 0);

    g_assert_cmpint (kd_redaction_get_kind (first), ==, KD_REDACT_CMID);
    g_assert_cmpstr (kd_redaction_get_mask (first), ==, "cmid-1");
    g_assert_true (kd_redaction_get_masked (first));
  }

  spans = kd_redactor_find_masks (redactor, out);
  g_assert_cmpuint (spans->len, ==, 2 * G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint start = g_array_index (spans, guint, 2 * i), end = g_array_index (spans, guint, 2 * i + 1);
      g_autofree char *found = g_strndup (out + start, end - start);

      g_assert_cmpstr (found, ==, expected[i]);
    }

  /* kept: written as given, not counted; the short name alone is another
   * value, still masked */
  kd_redactor_set_kept (redactor, "PC01.CORP.EXAMPLE", TRUE);
  kd_redactor_reset_counts (redactor);
  kept = kd_redactor_apply (redactor, text);
  g_assert_cmpstr (kept, ==, "PC01.corp.example asked, cmid cmid-1; host-1 again, from 2001:db8::1; host-1-dlv.txt");
  g_assert_cmpuint (kd_redactor_get_n_masked (redactor, KD_REDACT_DOMAIN), ==, 0);

  kd_redactor_to_json (redactor, builder);
  node = json_builder_get_root (builder);
  loaded = kd_redactor_new_from_json (node, NULL);
  g_assert_nonnull (loaded);
  again = kd_redactor_apply (loaded, text);
  g_assert_cmpstr (again, ==, kept);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/redactor/typed", test_typed);
  g_test_add_func ("/redactor/shapes", test_shapes);
  g_test_add_func ("/redactor/sorted", test_sorted);
  g_test_add_func ("/redactor/fields", test_fields);
  g_test_add_func ("/redactor/json", test_json);
  g_test_add_func ("/redactor/odd-text", test_odd_text);
  g_test_add_func ("/redactor/preview", test_preview);

  return g_test_run ();
}
