/* test-case.c — the investigation a window works on: saving, loading,
 * autosaving, and files that cannot be trusted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "kd-case.h"
#include "kd-enum-types.h"
#include "kd-error-catalog.h"

static char *dir;

static gboolean
fail_waiting (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

/* Runs the main context until *@flag is set; ten seconds at most. */
#define WAIT_FOR(flag) G_STMT_START {                                          \
    guint timeout_ = g_timeout_add_seconds (10, fail_waiting, (gpointer) #flag); \
    while (!(flag))                                                           \
      g_main_context_iteration (NULL, TRUE);                                  \
    g_source_remove (timeout_);                                               \
  } G_STMT_END

static GFile *
file_in_dir (const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_new_for_path (path);
}

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
save (KdCase  *kase,
      GFile   *file,
      GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kd_case_save_async (kase, file, NULL, got_result, &result);
  WAIT_FOR (result != NULL);
  return kd_case_save_finish (kase, result, error);
}

static gboolean
load (KdCase  *kase,
      GFile   *file,
      GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kd_case_load_async (kase, file, NULL, got_result, &result);
  WAIT_FOR (result != NULL);
  return kd_case_load_finish (kase, result, error);
}

static KdCaseCapture *
capture_new (const char *text,
             const char *source_name,
             const char *encoding)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return kd_case_capture_new (bytes, source_name, encoding);
}

static char *
capture_text (KdCase *kase,
              guint   position)
{
  g_autoptr(KdCaseCapture) capture = g_list_model_get_item (kd_case_get_captures (kase), position);
  GBytes *text = kd_case_capture_get_text (capture);

  return g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text));
}

static KdCase *
filled_case (void)
{
  KdCase *kase = kd_case_new ();
  g_autoptr(KdCaseCapture) pasted = capture_new ("Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n",
                                                 NULL, NULL);
  g_autoptr(KdCaseCapture) opened = capture_new ("Имя: Windows(R), Professional edition \"quoted\"\t\\", "dlv.txt",
                                                 "CP866");

  kd_case_set_capture (kase, 0, pasted);
  kd_case_set_capture (kase, 1, opened);
  kd_case_add_code (kase, "0xC004F074");
  kd_case_add_code (kase, "0xC004F038");
  kd_case_set_health_inputs (kase, (const char *[]) { "/srv/kms/dli.txt", "/srv/kms/clients ü", NULL });
  kd_case_set_notes (kase, "Ticket 4711: the host in Milan.\nSecond line.");
  {
    g_autoptr(KdRedactor) redactor = kd_case_dup_redactor (kase);

    kd_redactor_add (redactor, KD_REDACT_HOST, "kms01.corp.example");
    kd_case_set_redactor (kase, redactor);
  }
  return kase;
}

static void
test_round_trip (void)
{
  g_autoptr(KdCase) kase = filled_case ();
  g_autoptr(KdCase) loaded = kd_case_new ();
  g_autoptr(GFile) file = file_in_dir ("round-trip.kmsdoctor");
  g_autoptr(GError) error = NULL;
  g_autoptr(KdCaseCapture) opened = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *path = g_file_get_path (file);
  GStatBuf st;

  g_assert_true (kd_case_get_modified (kase));
  g_assert_true (save (kase, file, &error));
  g_assert_no_error (error);
  g_assert_false (kd_case_get_modified (kase));
  /* private to the user: captures name machines */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (load (loaded, file, &error));
  g_assert_no_error (error);
  g_assert_false (kd_case_get_modified (loaded));
  g_assert_cmpuint (g_list_model_get_n_items (kd_case_get_captures (loaded)), ==, 2);
  first = capture_text (loaded, 0);
  second = capture_text (loaded, 1);
  g_assert_cmpstr (first, ==, "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n");
  g_assert_cmpstr (second, ==, "Имя: Windows(R), Professional edition \"quoted\"\t\\");
  opened = g_list_model_get_item (kd_case_get_captures (loaded), 1);
  g_assert_cmpstr (kd_case_capture_get_source_name (opened), ==, "dlv.txt");
  g_assert_cmpstr (kd_case_capture_get_encoding (opened), ==, "CP866");
  g_assert_cmpstrv (kd_case_get_codes (loaded), ((const char *[]) { "0xC004F074", "0xC004F038", NULL }));
  g_assert_cmpstr (kd_case_get_notes (loaded), ==, "Ticket 4711: the host in Milan.\nSecond line.");
  g_assert_cmpstrv (kd_case_get_health_inputs (loaded), ((const char *[]) { "/srv/kms/dli.txt", "/srv/kms/clients ü", NULL }));
  /* the masks of its redacted reports */
  {
    g_autoptr(KdRedactor) redactor = kd_case_dup_redactor (loaded);

    g_assert_cmpstr (kd_redactor_lookup (redactor, "KMS01.corp.example"), ==, "host-1.domain-1.example");
    /* the same masks again: no change */
    kd_case_set_redactor (loaded, redactor);
    g_assert_false (kd_case_get_modified (loaded));
    kd_redactor_add (redactor, KD_REDACT_CMID, "3f1c8e2a-1111-4222-8333-000000000001");
    kd_case_set_redactor (loaded, redactor);
    g_assert_true (kd_case_get_modified (loaded));
  }

  /* The file is the documented JSON (docs/case-json.md). */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root;

    g_assert_true (json_parser_load_from_file (parser, path, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (root, "format_version"), ==, KD_CASE_FORMAT_VERSION);
    g_assert_true (json_object_get_null_member (json_array_get_object_element (json_object_get_array_member (root, "captures"), 0),
                                                "source_name"));
  }
}

static void on_notify_saving (KdCase     *kase,
                              GParamSpec *pspec,
                              guint      *n_saves);

/* A case saved to the user's file is that file: its title, and whether
 * it has changed since; the session's autosave remembers both, and a
 * restored session has them again */
static void
test_named (void)
{
  g_autoptr(KdCase) kase = kd_case_new ();
  g_autoptr(KdCase) restored = kd_case_new ();
  g_autoptr(KdCase) opened = kd_case_new ();
  g_autoptr(GFile) mine = file_in_dir ("Ticket 4711.kmsdoctor");
  g_autoptr(GFile) session = file_in_dir ("named-session.kmsdoctor");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_saves = 0;

  g_assert_null (kd_case_get_file (kase));
  g_assert_null (kd_case_dup_title (kase));
  g_assert_false (kd_case_get_unsaved (kase));
  kd_case_add_code (kase, "0xC004F074");
  g_assert_true (kd_case_get_unsaved (kase));

  g_assert_true (save (kase, mine, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (kd_case_get_file (kase), mine));
  title = kd_case_dup_title (kase);
  g_assert_cmpstr (title, ==, "Ticket 4711");
  g_assert_false (kd_case_get_unsaved (kase));

  /* the session's autosave does not save it for the user */
  g_signal_connect (kase, "notify::saving", G_CALLBACK (on_notify_saving), &n_saves);
  kd_case_set_autosave_file (kase, session);
  kd_case_set_notes (kase, "after the save");
  g_assert_true (kd_case_get_unsaved (kase));
  WAIT_FOR (n_saves == 1);
  g_assert_true (kd_case_get_unsaved (kase));

  /* restored, the session knows the file and the unsaved notes */
  g_assert_true (load (restored, session, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (kd_case_get_file (restored), mine));
  g_assert_true (kd_case_get_unsaved (restored));
  g_assert_cmpstr (kd_case_get_notes (restored), ==, "after the save");

  /* the user's file opened: the case is that file, unchanged, without
   * what the session added */
  g_assert_true (load (opened, mine, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (kd_case_get_file (opened), mine));
  g_assert_false (kd_case_get_unsaved (opened));
  g_assert_cmpstr (kd_case_get_notes (opened), ==, "");

  /* a session of a case never saved to a file */
  {
    g_autoptr(KdCase) fresh = kd_case_new ();
    g_autoptr(KdCase) back = kd_case_new ();
    g_autoptr(GFile) other = file_in_dir ("fresh-session.kmsdoctor");
    guint saves = 0;

    g_signal_connect (fresh, "notify::saving", G_CALLBACK (on_notify_saving), &saves);
    kd_case_add_code (fresh, "0xC004F038");
    kd_case_set_autosave_file (fresh, other);
    WAIT_FOR (saves == 1);
    g_assert_true (load (back, other, &error));
    g_assert_null (kd_case_get_file (back));
    g_assert_true (kd_case_get_unsaved (back));
  }
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

static void
test_codes (void)
{
  g_autoptr(KdCase) kase = kd_case_new ();
  guint changes = 0;
  const char * const *codes;

  g_signal_connect_swapped (kase, "changed", G_CALLBACK (count_change), &changes);

  kd_case_add_code (kase, "0xC004F074");
  kd_case_add_code (kase, "0xC004F038");
  kd_case_add_code (kase, "0xC004F074");   /* looked up again: the most recent */
  kd_case_add_code (kase, "0xC004F074");   /* and again: no change */
  codes = kd_case_get_codes (kase);
  g_assert_cmpstrv (codes, ((const char *[]) { "0xC004F038", "0xC004F074", NULL }));
  g_assert_cmpuint (changes, ==, 3);

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *code = g_strdup_printf ("0x%08X", 0xC0040000 + i);
      kd_case_add_code (kase, code);
    }
  codes = kd_case_get_codes (kase);
  g_assert_cmpuint (g_strv_length ((char **) codes), ==, 100);
  g_assert_cmpstr (codes[99], ==, "0xC0040095");
}

static void
test_refused (void)
{
  static const struct {
    const char *contents;
    gssize length;
    int code;
  } files[] = {
    { "{\"format_version\": 2, \"captures\": []}", -1, KD_CASE_ERROR_NEWER },
    { "{\"format_version\": 999999999999, \"notes\": \"\"}", -1, KD_CASE_ERROR_NEWER },
    { "not json at all", -1, KD_CASE_ERROR_DAMAGED },
    { "", -1, KD_CASE_ERROR_DAMAGED },
    { "[1, 2]", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"captures\": []}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": \"1\"}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 0}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"captures\": [{\"text\": 42}]}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"captures\": [{\"text\": \"ok\"}, 7]}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"captures\": {}}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"codes\": [\"0xC004F074\", null]}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"notes\": []}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"health_inputs\": \"/srv\"}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"session\": []}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"session\": {\"file\": 3}}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"session\": {\"unsaved\": \"yes\"}}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"health_inputs\": [\"/srv\", 3]}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"redaction\": []}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"redaction\": {\"next\": {}, \"masks\": [[\"host\", \"a\"]]}}", -1,
      KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"captures\": [{\"text\": \"a\"", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1, \"notes\": \"caf\xe9\"}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1,\0 \"notes\": \"\"}", 30, KD_CASE_ERROR_DAMAGED },
    /* two values, which json-glib's immutable parser aborts on (fuzz-case) */
    { "true{\"formatgrcnsion\": 0}", -1, KD_CASE_ERROR_DAMAGED },
    { "{\"format_version\": 1} {\"format_version\": 1}", -1, KD_CASE_ERROR_DAMAGED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(KdCase) kase = filled_case ();
      g_autoptr(GFile) file = file_in_dir ("refused.kmsdoctor");
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_true (g_file_set_contents (path, files[i].contents, files[i].length, NULL));
      g_assert_false (load (kase, file, &error));
      g_assert_error (error, KD_CASE_ERROR, files[i].code);
      {
        g_autoptr(GError) checked = NULL;
        gsize length = files[i].length >= 0 ? (gsize) files[i].length : strlen (files[i].contents);

        g_assert_false (kd_case_check_data (files[i].contents, length, &checked));
        g_assert_error (checked, KD_CASE_ERROR, files[i].code);
      }
      /* Nothing of the file came in: the case is as it was. */
      g_assert_cmpuint (g_list_model_get_n_items (kd_case_get_captures (kase)), ==, 2);
      g_assert_cmpuint (g_strv_length ((char **) kd_case_get_codes (kase)), ==, 2);
      g_assert_cmpstr (kd_case_get_notes (kase), ==, "Ticket 4711: the host in Milan.\nSecond line.");
      g_assert_cmpuint (g_strv_length ((char **) kd_case_get_health_inputs (kase)), ==, 2);
    }

  {
    g_autoptr(KdCase) kase = kd_case_new ();
    g_autoptr(GFile) file = file_in_dir ("no-such-file.kmsdoctor");
    g_autoptr(GError) error = NULL;

    g_assert_false (load (kase, file, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
  {
    /* Members may be missing: empty lists and notes. */
    g_autoptr(KdCase) kase = filled_case ();
    g_autoptr(GFile) file = file_in_dir ("minimal.kmsdoctor");
    g_autofree char *path = g_file_get_path (file);
    g_autoptr(GError) error = NULL;

    g_assert_true (g_file_set_contents (path, "{\"format_version\": 1}", -1, NULL));
    g_assert_true (load (kase, file, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (kd_case_get_captures (kase)), ==, 0);
    g_assert_cmpstr (kd_case_get_notes (kase), ==, "");
    g_assert_cmpstrv (kd_case_get_health_inputs (kase), ((const char *[]) { NULL }));
  }
}

static void
on_notify_saving (KdCase *kase,
                  GParamSpec *pspec,
                  guint  *n_saves)
{
  if (!kd_case_get_saving (kase))
    (*n_saves)++;
}

/* Every change is saved; changes made during a save are saved by one
 * more, and the file ends up with the last state. */
static void
test_autosave (void)
{
  g_autoptr(KdCase) kase = kd_case_new ();
  g_autoptr(KdCase) loaded = kd_case_new ();
  g_autoptr(GFile) file = file_in_dir ("autosave.kmsdoctor");
  g_autoptr(GError) error = NULL;
  guint n_saves = 0;

  g_signal_connect (kase, "notify::saving", G_CALLBACK (on_notify_saving), &n_saves);

  /* Changes before there is a file are saved when it is set. */
  kd_case_set_notes (kase, "before");
  g_assert_false (kd_case_get_saving (kase));
  kd_case_set_autosave_file (kase, file);
  g_assert_true (kd_case_get_saving (kase));
  WAIT_FOR (n_saves == 1);

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *notes = g_strdup_printf ("change %u", i);
      kd_case_set_notes (kase, notes);
    }
  /* one save was under way; the nineteen others are one more */
  WAIT_FOR (n_saves == 2);
  g_assert_false (kd_case_get_saving (kase));
  g_assert_false (kd_case_get_modified (kase));

  g_assert_true (load (loaded, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kd_case_get_notes (loaded), ==, "change 19");
}

static void
on_notify_autosave_error (KdCase     *kase,
                          GParamSpec *pspec,
                          guint      *n_notifies)
{
  (*n_notifies)++;
}

/* An autosave that fails says why, keeps saying it while saves fail, and
 * stops once one succeeds. */
static void
test_autosave_error (void)
{
  g_autoptr(KdCase) kase = kd_case_new ();
  g_autoptr(KdCase) loaded = kd_case_new ();
  g_autofree char *blocker = g_build_filename (dir, "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "autosave.kmsdoctor", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint n_saves = 0;
  guint n_notifies = 0;

  /* A file where the folder should be: refused even to root. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_signal_connect (kase, "notify::saving", G_CALLBACK (on_notify_saving), &n_saves);
  g_signal_connect (kase, "notify::autosave-error", G_CALLBACK (on_notify_autosave_error), &n_notifies);

  g_assert_null (kd_case_get_autosave_error (kase));
  kd_case_set_notes (kase, "first");
  kd_case_set_autosave_file (kase, file);
  WAIT_FOR (n_saves == 1);
  g_assert_nonnull (kd_case_get_autosave_error (kase));
  g_assert_cmpuint (n_notifies, ==, 1);

  /* Failing again is not news. */
  kd_case_set_notes (kase, "second");
  WAIT_FOR (n_saves == 2);
  g_assert_nonnull (kd_case_get_autosave_error (kase));
  g_assert_cmpuint (n_notifies, ==, 1);

  /* Mended, and tried again: the case is on disk, the error gone. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  kd_case_autosave_now (kase);
  WAIT_FOR (n_saves == 3);
  g_assert_null (kd_case_get_autosave_error (kase));
  g_assert_cmpuint (n_notifies, ==, 2);
  g_assert_true (load (loaded, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kd_case_get_notes (loaded), ==, "second");
}

/* A case the user changed while it was being read keeps both. */
static void
test_changed_while_loading (void)
{
  g_autoptr(KdCase) saved = filled_case ();
  g_autoptr(KdCase) kase = kd_case_new ();
  g_autoptr(GFile) file = file_in_dir ("merge.kmsdoctor");
  g_autoptr(KdCaseCapture) pasted = capture_new ("pasted while loading", NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (save (saved, file, &error));
  kd_case_load_async (kase, file, NULL, got_result, &result);
  kd_case_set_capture (kase, 0, pasted);
  kd_case_add_code (kase, "0xC004F042");
  WAIT_FOR (result != NULL);
  g_assert_true (kd_case_load_finish (kase, result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (kd_case_get_captures (kase)), ==, 3);
  first = capture_text (kase, 0);
  second = capture_text (kase, 1);
  g_assert_cmpstr (first, ==, "pasted while loading");
  g_assert_cmpstr (second, ==, "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n");
  g_assert_cmpstrv (kd_case_get_codes (kase), ((const char *[]) { "0xC004F074", "0xC004F038", "0xC004F042", NULL }));
  g_assert_cmpstr (kd_case_get_notes (kase), ==, "Ticket 4711: the host in Milan.\nSecond line.");
  g_assert_true (kd_case_get_modified (kase));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, g_list_model_get_n_items (model));
  (*calls)++;
}

/* The catalog is built in a worker and put in place with one
 * items-changed; reading it never changes it. */
static void
test_catalog_load_async (void)
{
  g_autoptr(KdErrorCatalog) catalog = kd_error_catalog_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint items_changed = 0;
  guint n;

  g_signal_connect (catalog, "items-changed", G_CALLBACK (on_items_changed), &items_changed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 0);
  g_assert_null (kd_error_catalog_lookup (catalog, 0xC004F074));

  kd_error_catalog_load_async (catalog, NULL, got_result, &result);
  g_assert_cmpuint (items_changed, ==, 0);
  WAIT_FOR (result != NULL);
  g_assert_true (kd_error_catalog_load_finish (catalog, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (items_changed, ==, 1);

  n = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (kd_error_catalog_get_default ())));
  g_assert_nonnull (kd_error_catalog_lookup (catalog, 0xC004F074));
  {
    g_autoptr(GPtrArray) found = kd_error_catalog_search (catalog, "count insufficient", 5);
    g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (catalog), n - 1);

    g_assert_cmpuint (found->len, >, 0);
    g_assert_nonnull (item);
  }
  g_assert_cmpuint (items_changed, ==, 1);

  /* Loaded already: nothing more happens. */
  g_clear_object (&result);
  kd_error_catalog_load_async (catalog, NULL, got_result, &result);
  WAIT_FOR (result != NULL);
  g_assert_true (kd_error_catalog_load_finish (catalog, result, NULL));
  g_assert_cmpuint (items_changed, ==, 1);
  /* The result holds its source */
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("kd-test-case-XXXXXX", NULL);
  g_assert_nonnull (dir);

  g_test_add_func ("/case/round-trip", test_round_trip);
  g_test_add_func ("/case/codes", test_codes);
  g_test_add_func ("/case/named", test_named);
  g_test_add_func ("/case/refused", test_refused);
  g_test_add_func ("/case/autosave", test_autosave);
  g_test_add_func ("/case/autosave-error", test_autosave_error);
  g_test_add_func ("/case/changed-while-loading", test_changed_while_loading);
  g_test_add_func ("/catalog/load-async", test_catalog_load_async);

  status = g_test_run ();
  {
    g_autoptr(GFile) tmp = g_file_new_for_path (dir);
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (tmp, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
    GFileInfo *info;

    while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autoptr(GFileInfo) owned = info;
        g_autoptr(GFile) child = g_file_get_child (tmp, g_file_info_get_name (owned));
        g_file_delete (child, NULL, NULL);
      }
    g_file_delete (tmp, NULL, NULL);
  }
  g_free (dir);
  return status;
}
