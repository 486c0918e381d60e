/* kd-cli-probe.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-cli-commands.h"
#include "kd-cli-common.h"
#include "kd-probe.h"

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

int
kd_cli_probe (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  g_autofree char *server = NULL;
  int timeout = 5;
  g_auto(GStrv) targets = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KdProbe) probe = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (see docs/probe-json.md)"), NULL },
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("Ask this DNS server instead of the system’s (IPv4, and a port if not 53)"),
      N_("ADDR[:PORT]") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Seconds to wait for each answer (default 5)"), N_("SECONDS") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &targets, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (_("DOMAIN|HOST[:PORT] — the KMS hosts a domain publishes, and their ports"));

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return kd_cli_usage_error (error->message);
  if (targets == NULL || targets[0] == NULL || targets[1] != NULL)
    return kd_cli_usage_error (_("probe needs one domain or one host"));
  if (timeout < 1 || timeout > 600)
    return kd_cli_usage_error (_("The timeout is from 1 to 600 seconds"));

  probe = kd_probe_new (targets[0]);
  kd_probe_set_server (probe, server);
  kd_probe_set_timeout (probe, (guint) timeout);
  g_main_context_push_thread_default (context);
  kd_probe_run_async (probe, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  if (!kd_probe_run_finish (probe, result, &error))
    {
      g_printerr ("kms-doctor-cli: %s\n", error->message);
      return error->domain == KD_PROBE_ERROR &&
             (error->code == KD_PROBE_ERROR_BAD_SERVER || error->code == KD_PROBE_ERROR_BAD_NAME)
               ? EXIT_USAGE
               : EXIT_NOT_FOUND;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      kd_probe_to_json (probe, builder);
      kd_cli_print_json (builder);
    }
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object;
      JsonArray *hosts;

      kd_probe_to_json (probe, builder);
      root = json_builder_get_root (builder);
      object = json_node_get_object (root);
      hosts = json_object_get_array_member (object, "hosts");
      if (!json_object_get_boolean_member (object, "from_srv") && !json_object_get_null_member (object, "srv_name"))
        {
          g_print (_("No _vlmcs._tcp record for %s: probing it as a host"), targets[0]);
          g_print ("\n");
        }
      for (guint i = 0; i < json_array_get_length (hosts); i++)
        {
          JsonObject *host = json_array_get_object_element (hosts, i);
          JsonArray *addresses = json_object_get_array_member (host, "addresses");

          g_print ("%s:%" G_GINT64_FORMAT "\n", json_object_get_string_member (host, "name"),
                   json_object_get_int_member (host, "port"));
          if (!json_object_get_null_member (host, "problem"))
            g_print ("  %s\n", json_object_get_string_member (host, "problem"));
          for (guint a = 0; a < json_array_get_length (addresses); a++)
            {
              JsonObject *address = json_array_get_object_element (addresses, a);

              g_print ("  %s  %s\n", json_object_get_string_member (address, "address"),
                       json_object_get_string_member (address, "status"));
            }
        }
      g_print ("\n%s\n", _("No KMS request was sent: nothing here adds to any count. An open port shows that "
                           "something listens there, not that it activates this product, that its host key "
                           "covers it, or that its count is high enough."));
    }
  return kd_probe_get_n_open (probe) > 0 ? EXIT_FOUND : EXIT_NOT_FOUND;
}
