/* test-cli.c — kms-doctor-cli as scripts use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run         *run,
         const char  *input,
         const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("KD_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                            (input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0),
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (proc);
}

static JsonObject *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_code_json (void)
{
  static const char *spellings[] = { "0xC004F074", "c004f074", "-1073418124", "3221549172", "Error: 0xC004F074" };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(JsonObject) root = NULL;
      JsonArray *results;
      JsonObject *entry, *decoded;

      run_cli (&run, NULL, (const char *[]) { "lookup", "--json", "--lang", "en", spellings[i], NULL });
      g_assert_cmpint (run.status, ==, 0);
      root = parse_json (run.out);
      g_assert_cmpstr (json_object_get_string_member (root, "query"), ==, spellings[i]);
      results = json_object_get_array_member (root, "results");
      g_assert_cmpuint (json_array_get_length (results), ==, 1);
      entry = json_array_get_object_element (results, 0);
      g_assert_cmpstr (json_object_get_string_member (entry, "code"), ==, "0xC004F074");
      g_assert_cmpint (json_object_get_int_member (entry, "decimal"), ==, -1073418124);
      g_assert_true (json_object_get_boolean_member (entry, "known"));
      g_assert_cmpstr (json_object_get_string_member (entry, "symbol"), ==, "SL_E_VL_BINDING_SERVICE_UNAVAILABLE");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "steps")), >=, 3);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "commands")), >=, 1);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "applies_to")), >=, 1);
      g_assert_true (json_object_has_member (entry, "related"));
      g_assert_nonnull (json_object_get_string_member (entry, "cause"));
      decoded = json_object_get_object_member (entry, "decoded");
      g_assert_cmpstr (json_object_get_string_member (decoded, "severity"), ==, "error");
      g_assert_cmpint (json_object_get_int_member (decoded, "facility"), ==, 4);
      g_assert_cmpstr (json_object_get_string_member (decoded, "facility_name"), ==, "FACILITY_ITF");
      g_assert_cmpint (json_object_get_int_member (decoded, "code"), ==, 0xF074);
    }
}

static void
test_decoded_json (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonObject *entry, *decoded;

  /* ERROR_SHARING_VIOLATION is a Win32 error, not an activation code. */
  run_cli (&run, NULL, (const char *[]) { "lookup", "--json", "0x80070020", NULL });
  g_assert_cmpint (run.status, ==, 1);
  root = parse_json (run.out);
  entry = json_array_get_object_element (json_object_get_array_member (root, "results"), 0);
  g_assert_false (json_object_get_boolean_member (entry, "known"));
  decoded = json_object_get_object_member (entry, "decoded");
  g_assert_cmpstr (json_object_get_string_member (decoded, "facility_name"), ==, "FACILITY_WIN32");
  g_assert_cmpstr (json_object_get_string_member (decoded, "win32_name"), ==, "ERROR_SHARING_VIOLATION");
  g_assert_nonnull (json_object_get_string_member (decoded, "win32_message"));
}

static void
test_words (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) none = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonArray *results;
  gboolean found = FALSE;

  run_cli (&run, NULL, (const char *[]) { "lookup", "--json", "count", "insufficient", NULL });
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  results = json_object_get_array_member (root, "results");
  for (guint i = 0; i < MIN (3, json_array_get_length (results)); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (results, i), "code"), "0xC004F038"))
      found = TRUE;
  g_assert_true (found);

  run_cli (&none, NULL, (const char *[]) { "lookup", "xyzzyplugh", NULL });
  g_assert_cmpint (none.status, ==, 1);
  g_assert_nonnull (strstr (none.err, "xyzzyplugh"));
}

static void
test_italian (void)
{
  g_auto(Run) en = { 0 };
  g_auto(Run) it = { 0 };
  g_autoptr(JsonObject) en_root = NULL;
  g_autoptr(JsonObject) it_root = NULL;
  const char *en_cause, *it_cause;

  run_cli (&en, NULL, (const char *[]) { "lookup", "--json", "--lang", "en", "0xC004F038", NULL });
  run_cli (&it, NULL, (const char *[]) { "lookup", "--json", "--lang", "it", "0xC004F038", NULL });
  en_root = parse_json (en.out);
  it_root = parse_json (it.out);
  en_cause = json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (en_root, "results"), 0), "cause");
  it_cause = json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (it_root, "results"), 0), "cause");
  g_assert_cmpstr (en_cause, !=, it_cause);
  /* The verbatim Windows message is never translated. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (en_root, "results"), 0), "message"), ==,
                   json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (it_root, "results"), 0), "message"));
}

static void
test_bad_usage (void)
{
  static const char *cases[][4] = {
    { NULL },
    { "lookup", NULL },
    { "lookup", "", NULL },
    { "lookup", "   ", NULL },
    { "lookup", "0x1234567890", NULL },
    { "lookup", "0xZZ", NULL },
    { "lookup", "--bogus", "x", NULL },
    { "frobnicate", NULL },
    { "lookup", "--limit", "-3", "x" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char *args[5] = { 0 };

      for (guint a = 0; a < 4 && cases[i][a] != NULL; a++)
        args[a] = cases[i][a];
      run_cli (&run, NULL, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpuint (strlen (run.err), >, 10);
    }
}

static void
test_bad_input_stdin (void)
{
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'a');
  g_auto(Run) big = { 0 };
  g_auto(Run) binary = { 0 };
  g_auto(Run) good = { 0 };
  g_auto(Run) arg = { 0 };

  run_cli (&big, huge, (const char *[]) { "lookup", "-", NULL });
  g_assert_cmpint (big.status, ==, 2);
  g_assert_nonnull (strstr (big.err, "1024"));

  /* Bytes that are not UTF-8 (g_subprocess_communicate_utf8 sends them as is). */
  run_cli (&binary, "\x01\x02\x03\x7f garbage", (const char *[]) { "lookup", "-", NULL });
  g_assert_cmpint (binary.status, ==, 2);

  run_cli (&good, "0xC004F074\n", (const char *[]) { "lookup", "-", NULL });
  g_assert_cmpint (good.status, ==, 0);
  g_assert_nonnull (strstr (good.out, "SL_E_VL_BINDING_SERVICE_UNAVAILABLE"));

  /* A long argument (the kernel caps one at 128 KiB). */
  {
    g_autofree char *long_arg = g_strnfill (100000, 'b');
    run_cli (&arg, NULL, (const char *[]) { "lookup", long_arg, NULL });
    g_assert_cmpint (arg.status, ==, 2);
  }
}

static void
test_help_version (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };

  run_cli (&help, NULL, (const char *[]) { "--help", NULL });
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "lookup"));
  run_cli (&version, NULL, (const char *[]) { "--version", NULL });
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "kms-doctor-cli " PACKAGE_VERSION));
}

static char *
fixture (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.txt", name);
  return g_test_build_filename (G_TEST_DIST, "fixtures", "captures", file, NULL);
}

static void
test_parse (void)
{
  g_autofree char *path = fixture ("en-dlv-win11-pro-retail-title-body");
  g_auto(Run) run = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) empty = { 0 };
  g_autoptr(JsonObject) root = NULL;

  run_cli (&run, NULL, (const char *[]) { "parse", "--json", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "slmgr-dlv");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "products")), ==, 1);

  run_cli (&text, NULL, (const char *[]) { "parse", path, NULL });
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Professional"));

  run_cli (&missing, NULL, (const char *[]) { "parse", "/nonexistent/capture.txt", NULL });
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "/nonexistent/capture.txt"));
  g_assert_cmpstr (missing.out, ==, "");

  /* Nothing recognisable: still a JSON object, exit 1. */
  run_cli (&empty, "", (const char *[]) { "parse", "--json", "-", NULL });
  g_assert_cmpint (empty.status, ==, 1);
  g_clear_pointer (&root, json_object_unref);
  root = parse_json (empty.out);
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "unknown");
}

static void
test_parse_several (void)
{
  g_autofree char *a = fixture ("en-dlv-win11-pro-retail-title-body");
  g_autofree char *b = fixture ("zh-CN-dlv-kms-client-utf8");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  run_cli (&run, NULL, (const char *[]) { "parse", "--json", a, b, NULL });
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, NULL);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "language"), ==, "zh-CN");
}

static void
test_diagnose (void)
{
  g_autofree char *bad = fixture ("en-dlv-ws2022-kmshost-count3-dns-disabled-utf8bom");
  g_autofree char *good = fixture ("en-dlv-win11-pro-retail-title-body");
  g_auto(Run) bad_run = { 0 };
  g_auto(Run) good_run = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonObject) root = NULL;

  run_cli (&bad_run, NULL, (const char *[]) { "diagnose", "--json", "--", bad, NULL });
  g_assert_cmpint (bad_run.status, ==, 1);
  root = parse_json (bad_run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "verdict"), ==, "error");

  run_cli (&good_run, NULL, (const char *[]) { "diagnose", "--json", good, NULL });
  g_assert_cmpint (good_run.status, ==, 0);

  run_cli (&text, NULL, (const char *[]) { "diagnose", "--lang", "x", bad, NULL });
  g_assert_cmpint (text.status, ==, 2);
}

/* events: 0 when events were read, 1 when none, 2 when the input cannot
 * be read; one object per file, an array for several; text by default */
static void
test_events (void)
{
  g_autofree char *host = g_test_build_filename (G_TEST_DIST, "fixtures", "events", "xml-wevtutil-kms-host-12290.xml", NULL);
  g_autofree char *client = g_test_build_filename (G_TEST_DIST, "fixtures", "events", "wevtutil-text-en-kms-client-12288-12289.txt",
                                                   NULL);
  g_auto(Run) json = { 0 };
  g_auto(Run) several = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) empty = { 0 };
  g_auto(Run) missing = { 0 };
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  run_cli (&json, NULL, (const char *[]) { "events", "--json", host, NULL });
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "xml");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "events")), ==, 3);

  run_cli (&several, NULL, (const char *[]) { "events", "--json", host, client, NULL });
  g_assert_cmpint (several.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, several.out, -1, NULL));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 2);

  /* one line per event: time, ID, computer, what it says */
  run_cli (&text, NULL, (const char *[]) { "events", client, NULL });
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "2026-11-30T07:58:40.911Z  12288  LAPTOP-PX31.corp.example.com  0x00000000 → [2001:db8::15]:1688"));

  /* a failure says what it is, from the catalog */
  {
    g_auto(Run) host_text = { 0 };

    run_cli (&host_text, NULL, (const char *[]) { "events", host, NULL });
    g_assert_cmpint (host_text.status, ==, 0);
    g_assert_nonnull (strstr (host_text.out, "0xC004F06C (Client and KMS host clocks differ by more than 4 hours) SQL02"));
  }

  run_cli (&none, "The host is down, please help.\n", (const char *[]) { "events", "-", NULL });
  g_assert_cmpint (none.status, ==, 1);
  g_assert_nonnull (strstr (none.out, "not an export of event logs"));

  run_cli (&empty, "", (const char *[]) { "events", "-", NULL });
  g_assert_cmpint (empty.status, ==, 2);
  g_assert_nonnull (strstr (empty.err, "nothing to read"));

  run_cli (&missing, NULL, (const char *[]) { "events", "/nonexistent/Key Management Service.evtx", NULL });
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpstr (missing.out, ==, "");
}

/* health: the figures of a folder, warnings in the exit status, an input
 * that is not there refused */
static void
test_health (void)
{
  g_autofree char *basic = g_test_build_filename (G_TEST_DIST, "fixtures", "health", "basic", NULL);
  g_autofree char *history = g_test_build_filename (G_TEST_DIST, "fixtures", "health", "basic-xml", NULL);
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) as_of = { 0 };
  g_auto(Run) bad_time = { 0 };
  g_auto(Run) missing = { 0 };
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) later = NULL;

  run_cli (&json, NULL, (const char *[]) { "health", "--json", basic, NULL });
  /* a clone and a refused request: warnings */
  g_assert_cmpint (json.status, ==, 1);
  root = parse_json (json.out);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "count"), "value"), ==, 31);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "inputs")), ==, 5);

  run_cli (&text, NULL, (const char *[]) { "health", basic, NULL });
  g_assert_cmpint (text.status, ==, 1);
  g_assert_nonnull (strstr (text.out, "Count: 31 (at most 50) · the host reports 31"));
  g_assert_nonnull (strstr (text.out, "Clone: CMID aaaaaaaa-0000-4000-8000-000000000001 under CLONE-A, CLONE-B"));

  /* 31 days after the last request nobody is counted any more */
  run_cli (&as_of, NULL, (const char *[]) { "health", "--json", "--as-of", "2026-12-31T00:00:00Z", history, NULL });
  later = parse_json (as_of.out);
  g_assert_cmpstr (json_object_get_string_member (later, "as_of"), ==, "2026-12-31T00:00:00Z");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (later, "count"), "value"), ==, 0);
  g_assert_cmpint (as_of.status, ==, 1);

  run_cli (&bad_time, NULL, (const char *[]) { "health", "--as-of", "yesterday", basic, NULL });
  g_assert_cmpint (bad_time.status, ==, 2);
  g_assert_nonnull (strstr (bad_time.err, "yesterday"));

  run_cli (&missing, NULL, (const char *[]) { "health", "/nonexistent/kms-history", NULL });
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpstr (missing.out, ==, "");

  /* a folder of nothing to count: each file named with its reason, and
   * no figures made of nothing */
  {
    g_autofree char *folder = g_dir_make_tmp ("kd-cli-health-XXXXXX", NULL);
    g_autofree char *empty = g_build_filename (folder, "empty.txt", NULL);
    g_autofree char *bare = g_build_filename (folder, "bare.txt", NULL);
    g_auto(Run) nothing = { 0 };

    g_assert_true (g_file_set_contents (empty, "", 0, NULL));
    g_assert_true (g_file_set_contents (bare, "Name: <b>Windows</b>\n", -1, NULL));
    run_cli (&nothing, NULL, (const char *[]) { "health", folder, NULL });
    g_assert_cmpint (nothing.status, ==, 1);
    g_assert_cmpstr (nothing.out, ==, "");
    g_assert_nonnull (strstr (nothing.err, "empty.txt: The file is empty"));
    g_assert_nonnull (strstr (nothing.err, "bare.txt: Nothing in this capture counts"));
    g_assert_nonnull (strstr (nothing.err, "None of the inputs gave anything to count"));
    g_assert_cmpint (g_remove (empty), ==, 0);
    g_assert_cmpint (g_remove (bare), ==, 0);
    g_assert_cmpint (g_rmdir (folder), ==, 0);
  }
}

/* probe: bad usage is refused before anything is asked (the real probe
 * against a DNS server is in tests/core/test-probe.c) */
/* diff: 1 when the captures differ, with the JSON of the contract; 0
 * when they say the same in another encoding; 2 for anything else */
static void
test_diff (void)
{
  g_autofree char *before = g_test_build_filename (G_TEST_DIST, "fixtures", "diff", "before.txt", NULL);
  g_autofree char *after = g_test_build_filename (G_TEST_DIST, "fixtures", "diff", "after.txt", NULL);
  g_autofree char *after16 = g_test_build_filename (G_TEST_DIST, "fixtures", "diff", "after-utf16.txt", NULL);
  g_autofree char *contents = NULL;

  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonObject) root = NULL;

    run_cli (&run, NULL, (const char *[]) { "diff", "--json", before, after, NULL });
    g_assert_cmpint (run.status, ==, 1);
    root = parse_json (run.out);
    g_assert_false (json_object_get_boolean_member (root, "identical"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "products")), ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, (const char *[]) { "diff", after, after16, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    /* one of them from standard input */
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_get_contents (after, &contents, NULL, NULL));
    run_cli (&run, contents, (const char *[]) { "diff", before, "-", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "Licensed"));
  }
  {
    static const char *bad[][4] = {
      { "diff", NULL },
      { "diff", "/nonexistent/a.txt", "/nonexistent/b.txt", NULL },
      { "diff", "-", "-", NULL },
      { "diff", "a", "b", "c" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(Run) run = { 0 };
        const char *args[5] = { bad[i][0], bad[i][1], bad[i][2], bad[i][3], NULL };

        run_cli (&run, NULL, args);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_true (run.err[0] != '\0');
      }
  }
  {
    /* a file that is no capture */
    g_auto(Run) run = { 0 };

    run_cli (&run, "just some words\n", (const char *[]) { "diff", before, "-", NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "slmgr.vbs"));
  }
}

/* report: written whole, 0; any input or output that cannot be used, 2
 * with the reason */
static void
test_report (void)
{
  g_autofree char *before = g_test_build_filename (G_TEST_DIST, "fixtures", "diff", "before.txt", NULL);
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fixtures", "health", "basic", NULL);
  g_autofree char *dir = g_dir_make_tmp ("kd-test-report-XXXXXX", NULL);
  g_autofree char *json_path = g_build_filename (dir, "report.json", NULL);
  g_autofree char *case_path = g_build_filename (dir, "ticket.kmsdoctor", NULL);
  g_autofree char *words_path = g_build_filename (dir, "words.txt", NULL);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, (const char *[]) { "report", "-o", "-", before, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "KMS Doctor Report"));
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *contents = NULL;
    g_autoptr(JsonObject) root = NULL;

    run_cli (&run, NULL, (const char *[]) { "report", "--format", "json", "-o", json_path, before, folder, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_file_get_contents (json_path, &contents, NULL, NULL));
    root = parse_json (contents);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "inputs")), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "sections"), 3), "id"),
                     ==, "health");
  }
  {
    /* a case file: its notes and codes in the report */
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (case_path, "{\"format_version\": 1, \"codes\": [\"0xC004F074\"], "
                                                   "\"notes\": \"Ticket 4711\"}", -1, NULL));
    run_cli (&run, NULL, (const char *[]) { "report", "--format", "md", "-o", "-", case_path, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Ticket 4711"));
    g_assert_nonnull (strstr (run.out, "0xC004F074"));
  }
  {
    /* redacted with the masks the case keeps: the app's host-7 is this
     * report's host-7 too, and a value the user keeps stays */
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (case_path, "{\"format_version\": 1, \"notes\": \"Call pc01.corp.example "
                                                   "and keep.corp.example, jane@corp.example\", \"redaction\": {\"next\": "
                                                   "{\"host\": 7, \"domain\": 2}, \"masks\": [[\"host\", "
                                                   "\"pc01.corp.example\", \"host-7.domain-2.example\"], [\"domain\", "
                                                   "\"corp.example\", \"domain-2.example\"], [\"host\", "
                                                   "\"keep.corp.example\", \"host-8.domain-2.example\", true]]}}",
                                         -1, NULL));
    run_cli (&run, NULL, (const char *[]) { "report", "--redact", "-o", "-", case_path, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Call host-7.domain-2.example and keep.corp.example, user-1@example.com"));
  }
  {
    g_assert_true (g_file_set_contents (words_path, "just some words\n", -1, NULL));
    const char *bad[][7] = {
      { "report", before, NULL },
      { "report", "-o", "-", NULL },
      { "report", "--format", "pdf", "-o", "-", before },
      { "report", "-o", "/etc/passwd/x.txt", before, NULL },
      { "report", "-o", "-", "/nonexistent/dlv.txt", NULL },
      { "report", "-o", "-", words_path, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(Run) run = { 0 };
        const char *args[8] = { 0 };

        memcpy (args, bad[i], sizeof bad[i]);
        run_cli (&run, NULL, args);
        g_test_message ("case %u: %s", i, run.err);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_true (run.err[0] != '\0');
      }
  }
  g_unlink (json_path);
  g_unlink (case_path);
  g_unlink (words_path);
  g_rmdir (dir);
}

static void
test_probe_usage (void)
{
  g_auto(Run) bad_server = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) bad_timeout = { 0 };

  run_cli (&bad_server, NULL, (const char *[]) { "probe", "--server", "dns.example", "corp.example", NULL });
  g_assert_cmpint (bad_server.status, ==, 2);
  g_assert_nonnull (strstr (bad_server.err, "dns.example"));
  run_cli (&none, NULL, (const char *[]) { "probe", NULL });
  g_assert_cmpint (none.status, ==, 2);
  run_cli (&bad_timeout, NULL, (const char *[]) { "probe", "--timeout", "0", "corp.example", NULL });
  g_assert_cmpint (bad_timeout.status, ==, 2);

  /* what no DNS server could be asked: said at once, nothing is looked up */
  for (guint i = 0; i < 3; i++)
    {
      const char *targets[] = { "", "kms01:99999", "<script>alert(1)</script>" };
      g_auto(Run) bad_name = { 0 };

      run_cli (&bad_name, NULL, (const char *[]) { "probe", targets[i], NULL });
      g_assert_cmpint (bad_name.status, ==, 2);
      g_assert_nonnull (strstr (bad_name.err, "is not a domain, a host name or an address"));
      g_assert_cmpstr (bad_name.out, ==, "");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/events", test_events);
  g_test_add_func ("/cli/health", test_health);
  g_test_add_func ("/cli/probe-usage", test_probe_usage);
  g_test_add_func ("/cli/diff", test_diff);
  g_test_add_func ("/cli/report", test_report);

  g_test_add_func ("/cli/parse", test_parse);
  g_test_add_func ("/cli/parse-several", test_parse_several);
  g_test_add_func ("/cli/diagnose", test_diagnose);

  g_test_add_func ("/cli/code-json", test_code_json);
  g_test_add_func ("/cli/decoded-json", test_decoded_json);
  g_test_add_func ("/cli/words", test_words);
  g_test_add_func ("/cli/italian", test_italian);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/bad-input-stdin", test_bad_input_stdin);
  g_test_add_func ("/cli/help-version", test_help_version);

  return g_test_run ();
}
