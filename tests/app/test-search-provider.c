/* test-search-provider.c — GNOME Shell's calls, over a private session bus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include <gio/gio.h>

#define PROVIDER_PATH APP_PATH "/SearchProvider"
#define PROVIDER_IFACE "org.gnome.Shell.SearchProvider2"

static GSubprocess *service;
static GDBusConnection *bus;

static void
name_appeared (GDBusConnection *connection,
               const char      *name,
               const char      *owner,
               gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static GVariant *
call (const char *method,
      GVariant   *args,
      const char *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (bus, APP_ID, PROVIDER_PATH, PROVIDER_IFACE, method, args,
                                       reply_type ? G_VARIANT_TYPE (reply_type) : NULL,
                                       G_DBUS_CALL_FLAGS_NONE, 20000, NULL, &error);
  g_assert_no_error (error);
  return reply;
}

static void
test_initial_results (void)
{
  const char *code_terms[] = { "C004F074", NULL };
  const char *word_terms[] = { "count", "insufficient", NULL };
  g_autoptr(GVariant) by_code = call ("GetInitialResultSet", g_variant_new ("(^as)", code_terms), "(as)");
  g_autoptr(GVariant) by_words = call ("GetInitialResultSet", g_variant_new ("(^as)", word_terms), "(as)");
  g_autofree const char **ids = NULL;
  g_autofree const char **word_ids = NULL;
  gboolean found = FALSE;

  g_variant_get (by_code, "(^a&s)", &ids);
  g_assert_nonnull (ids[0]);
  g_assert_cmpstr (ids[0], ==, "0xC004F074");

  g_variant_get (by_words, "(^a&s)", &word_ids);
  for (guint i = 0; word_ids[i] != NULL && i < 3; i++)
    found |= g_str_equal (word_ids[i], "0xC004F038");
  g_assert_true (found);
}

static void
test_subsearch_and_metas (void)
{
  const char *previous[] = { "0xC004F074", NULL };
  const char *terms[] = { "f038", NULL };
  const char *ids[] = { "0xC004F038", NULL };
  g_autoptr(GVariant) sub = call ("GetSubsearchResultSet", g_variant_new ("(^as^as)", previous, terms), "(as)");
  g_autoptr(GVariant) metas = call ("GetResultMetas", g_variant_new ("(^as)", ids), "(aa{sv})");
  g_autoptr(GVariant) list = g_variant_get_child_value (metas, 0);
  g_autoptr(GVariant) first = NULL;
  g_autoptr(GVariantDict) dict = NULL;
  g_autofree const char **sub_ids = NULL;
  const char *name = NULL;

  g_variant_get (sub, "(^a&s)", &sub_ids);
  g_assert_cmpstr (sub_ids[0], ==, "0xC004F038");

  g_assert_cmpuint (g_variant_n_children (list), ==, 1);
  first = g_variant_get_child_value (list, 0);
  dict = g_variant_dict_new (first);
  g_assert_true (g_variant_dict_lookup (dict, "id", "&s", &name));
  g_assert_cmpstr (name, ==, "0xC004F038");
  g_assert_true (g_variant_dict_lookup (dict, "name", "&s", &name));
  g_assert_true (g_str_has_prefix (name, "0xC004F038 — "));
  g_assert_true (g_variant_dict_contains (dict, "description"));
}

static void
test_activate (void)
{
  const char *terms[] = { "C004F074", NULL };
  g_autoptr(GVariant) r1 = call ("ActivateResult", g_variant_new ("(s^asu)", "0xC004F074", terms, 0), NULL);
  g_autoptr(GVariant) r2 = call ("LaunchSearch", g_variant_new ("(^asu)", terms, 0), NULL);

  /* The service is still there and answering. */
  g_assert_nonnull (r1);
  g_assert_nonnull (r2);
}

/* `kms-doctor CODE` while the app runs: the running instance takes it. */
static void
test_remote_command_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) good = NULL;
  g_autoptr(GSubprocess) bad = NULL;

  good = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_getenv ("KD_APP"), "0xC004F038", NULL);
  g_assert_no_error (error);
  g_subprocess_wait (good, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (good), ==, 0);

  bad = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, g_getenv ("KD_APP"), "\xff\xfe", NULL);
  g_assert_no_error (error);
  g_subprocess_wait (bad, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (bad), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean appeared = FALSE;
  guint watch;
  int status;

  g_test_init (&argc, &argv, NULL);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  service = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_getenv ("KD_APP"), "--gapplication-service", NULL);
  g_assert_no_error (error);

  watch = g_bus_watch_name_on_connection (bus, APP_ID, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          name_appeared, NULL, &appeared, NULL);
  while (!appeared)
    g_main_context_iteration (NULL, TRUE);
  g_bus_unwatch_name (watch);

  g_test_add_func ("/search-provider/initial-results", test_initial_results);
  g_test_add_func ("/search-provider/subsearch-and-metas", test_subsearch_and_metas);
  g_test_add_func ("/search-provider/activate", test_activate);
  g_test_add_func ("/search-provider/remote-command-line", test_remote_command_line);
  status = g_test_run ();

  g_subprocess_send_signal (service, SIGTERM);
  g_subprocess_wait (service, NULL, NULL);
  g_clear_object (&service);
  g_clear_object (&bus);
  return status;
}
