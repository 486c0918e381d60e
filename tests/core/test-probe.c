/* test-probe.c — the probe against a real DNS server on loopback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * dnsmasq serves _vlmcs._tcp.corp.example on 127.0.0.1 at a port of its
 * own: kms01 on a port the test listens on, kms02 on a port nothing
 * listens on.  The probe asks that server by name, as nslookup would from
 * a workstation outside the domain.  Only loopback is ever used.
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "kd-health.h"
#include "kd-probe.h"

/* A port of 127.0.0.1 free a moment ago */
static guint16
free_port (GSocketType type)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, type, G_SOCKET_PROTOCOL_DEFAULT, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The probe's JSON, or NULL with @error set */
static JsonObject *
run_probe_keep (const char  *target,
                const char  *server,
                KdProbe    **out,
                GError     **error)
{
  g_autoptr(KdProbe) probe = kd_probe_new (target);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  kd_probe_set_server (probe, server);
  kd_probe_set_timeout (probe, 2);
  kd_probe_run_async (probe, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!kd_probe_run_finish (probe, result, error))
    return NULL;
  kd_probe_to_json (probe, builder);
  root = json_builder_get_root (builder);
  if (out != NULL)
    *out = g_steal_pointer (&probe);
  return json_object_ref (json_node_get_object (root));
}

static JsonObject *
run_probe (const char  *target,
           const char  *server,
           GError     **error)
{
  return run_probe_keep (target, server, NULL, error);
}

/* Listens on loopback of @family at a port of its own: the port, or 0 */
static guint16
listen_on_loopback (GSocketListener *listener,
                    GSocketFamily    family)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (family);
  g_autoptr(GSocketAddress) where = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;

  if (!g_socket_listener_add_address (listener, where, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &effective,
                                      NULL))
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
}

/* dnsmasq on 127.0.0.1 at @port, answering for .example alone (a name
 * it lacks does not exist) with the NULL-terminated @records */
static GSubprocess *
start_dnsmasq (const char *dnsmasq,
               guint       port,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GSubprocess *server;
  const char *record;
  va_list records;

  g_ptr_array_add (argv, g_strdup (dnsmasq));
  g_ptr_array_add (argv, g_strdup ("--keep-in-foreground"));
  g_ptr_array_add (argv, g_strdup ("--conf-file=/dev/null"));
  g_ptr_array_add (argv, g_strdup ("--no-resolv"));
  g_ptr_array_add (argv, g_strdup ("--no-hosts"));
  g_ptr_array_add (argv, g_strdup ("--bind-interfaces"));
  g_ptr_array_add (argv, g_strdup ("--listen-address=127.0.0.1"));
  g_ptr_array_add (argv, g_strdup ("--pid-file="));
  g_ptr_array_add (argv, g_strdup ("--user=root"));
  g_ptr_array_add (argv, g_strdup ("--local-ttl=300"));
  g_ptr_array_add (argv, g_strdup ("--local=/example/"));
  g_ptr_array_add (argv, g_strdup_printf ("--port=%u", port));
  va_start (records, port);
  while ((record = va_arg (records, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (record));
  va_end (records);
  g_ptr_array_add (argv, NULL);

  server = g_subprocess_newv ((const char *const *) argv->pdata, G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  return server;
}

/* The probe of corp.example through @server once dnsmasq has bound its
 * port and answers with SRV records */
static JsonObject *
wait_for_srv (const char  *server,
              GError     **error)
{
  JsonObject *found = NULL;

  for (guint tries = 0; tries < 50; tries++)
    {
      g_clear_error (error);
      g_clear_pointer (&found, json_object_unref);
      found = run_probe ("corp.example", server, error);
      if (found != NULL && json_object_get_boolean_member (found, "from_srv"))
        break;
      g_usleep (100000);
    }
  return found;
}

static void
test_named_server (void)
{
  g_autofree char *dnsmasq = g_find_program_in_path ("dnsmasq");
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) found = NULL;
  g_autoptr(JsonObject) host = NULL;
  g_autoptr(JsonObject) nothing = NULL;
  g_autofree char *dns = NULL, *srv_open = NULL, *srv_closed = NULL, *host_target = NULL;
  guint16 open_port, closed_port, dns_port;
  JsonArray *hosts;

  if (dnsmasq == NULL)
    {
      g_test_skip ("dnsmasq is not installed");
      return;
    }
  open_port = listen_on_loopback (listener, G_SOCKET_FAMILY_IPV4);
  g_assert_cmpuint (open_port, !=, 0);
  closed_port = free_port (G_SOCKET_TYPE_STREAM);
  dns_port = free_port (G_SOCKET_TYPE_DATAGRAM);

  srv_open = g_strdup_printf ("--srv-host=_vlmcs._tcp.corp.example,kms01.corp.example,%u,0,100", open_port);
  srv_closed = g_strdup_printf ("--srv-host=_vlmcs._tcp.corp.example,kms02.corp.example,%u,10,0", closed_port);
  server = start_dnsmasq (dnsmasq, dns_port, srv_open, srv_closed, "--host-record=kms01.corp.example,127.0.0.1",
                          "--host-record=kms02.corp.example,127.0.0.1", NULL);
  dns = g_strdup_printf ("127.0.0.1:%u", dns_port);

  found = wait_for_srv (dns, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (found, "from_srv"));
  g_assert_cmpstr (json_object_get_string_member (found, "srv_name"), ==, "_vlmcs._tcp.corp.example");
  hosts = json_object_get_array_member (found, "hosts");
  g_assert_cmpuint (json_array_get_length (hosts), ==, 2);
  {
    JsonObject *kms01 = json_array_get_object_element (hosts, 0);
    JsonObject *kms02 = json_array_get_object_element (hosts, 1);
    JsonObject *address01 = json_array_get_object_element (json_object_get_array_member (kms01, "addresses"), 0);
    JsonObject *address02 = json_array_get_object_element (json_object_get_array_member (kms02, "addresses"), 0);

    g_assert_cmpstr (json_object_get_string_member (kms01, "name"), ==, "kms01.corp.example");
    g_assert_cmpint (json_object_get_int_member (kms01, "port"), ==, open_port);
    g_assert_cmpint (json_object_get_int_member (kms01, "priority"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (kms01, "weight"), ==, 100);
    g_assert_cmpint (json_object_get_int_member (kms01, "ttl"), ==, 300);
    g_assert_cmpstr (json_object_get_string_member (address01, "address"), ==, "127.0.0.1");
    g_assert_cmpstr (json_object_get_string_member (address01, "status"), ==, "open");
    g_assert_cmpstr (json_object_get_string_member (kms02, "name"), ==, "kms02.corp.example");
    g_assert_cmpint (json_object_get_int_member (kms02, "priority"), ==, 10);
    g_assert_cmpstr (json_object_get_string_member (address02, "status"), ==, "refused");
  }
  g_assert_true (json_object_get_boolean_member (found, "answered"));

  /* its hosts become the snapshot's: both published, one answering */
  {
    g_autoptr(KdProbe) probe = NULL;
    g_autoptr(JsonObject) again = run_probe_keep ("corp.example", dns, &probe, &error);
    g_autoptr(KdHealth) health = kd_health_new ();
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;
    JsonArray *health_hosts;

    g_assert_no_error (error);
    kd_health_add_probe (health, probe);
    kd_health_to_json (health, builder);
    root = json_builder_get_root (builder);
    health_hosts = json_object_get_array_member (json_node_get_object (root), "hosts");
    g_assert_cmpuint (json_array_get_length (health_hosts), ==, 2);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_array_get_object_element (health_hosts, 0), "sources")), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (
                       json_array_get_object_element (health_hosts, 1), "sources"), 0), ==, "dns");
  }

  /* a host and its port, without SRV */
  host_target = g_strdup_printf ("kms01.corp.example:%u", open_port);
  host = run_probe (host_target, dns, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_get_boolean_member (host, "from_srv"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (host, "hosts")), ==, 1);
  g_assert_true (json_object_get_boolean_member (host, "answered"));

  /* a domain without records: probed as a host, which has no address */
  nothing = run_probe ("nothing.example", dns, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_get_boolean_member (nothing, "from_srv"));
  g_assert_false (json_object_get_boolean_member (nothing, "answered"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_array_get_object_element (json_object_get_array_member (nothing, "hosts"), 0), "addresses")),
                    ==, 0);

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
}

/* In a network namespace of the test's own (tests/core/probe-netns.sh),
 * where /etc/resolv.conf names 127.0.0.1: dnsmasq on port 53 is the
 * system's resolver, and a port's packets are dropped */
static void
test_system_resolver (void)
{
  g_autofree char *dnsmasq = g_find_program_in_path ("dnsmasq");
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) found = NULL;
  g_autofree char *srv_open = NULL, *srv_dropped = NULL, *drop = NULL;
  guint16 open_port, dropped_port;
  JsonArray *hosts;
  int status;

  if (g_getenv ("KD_PROBE_NETNS") == NULL)
    {
      g_test_skip ("needs a network namespace of its own (run by probe-netns.sh)");
      return;
    }
  g_assert_nonnull (dnsmasq);
  open_port = listen_on_loopback (listener, G_SOCKET_FAMILY_IPV4);
  g_assert_cmpuint (open_port, !=, 0);
  dropped_port = free_port (G_SOCKET_TYPE_STREAM);

  /* the dropped port: a host that does not answer at all */
  drop = g_strdup_printf ("add table inet kd; add chain inet kd out { type filter hook output priority 0 ; } ; "
                          "add rule inet kd out tcp dport %u drop", dropped_port);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { "nft", drop, NULL }, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  srv_open = g_strdup_printf ("--srv-host=_vlmcs._tcp.corp.example,kms01.corp.example,%u,0,100", open_port);
  srv_dropped = g_strdup_printf ("--srv-host=_vlmcs._tcp.corp.example,kms03.corp.example,%u,20,0", dropped_port);
  server = start_dnsmasq (dnsmasq, 53, srv_open, srv_dropped, "--host-record=kms01.corp.example,127.0.0.1",
                          "--host-record=kms03.corp.example,127.0.0.1", NULL);

  found = wait_for_srv (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (found, "from_srv"));
  g_assert_true (json_object_get_null_member (found, "server"));
  hosts = json_object_get_array_member (found, "hosts");
  g_assert_cmpuint (json_array_get_length (hosts), ==, 2);
  {
    JsonObject *kms01 = json_array_get_object_element (hosts, 0);
    JsonObject *kms03 = json_array_get_object_element (hosts, 1);
    JsonObject *address03 = json_array_get_object_element (json_object_get_array_member (kms03, "addresses"), 0);

    g_assert_cmpstr (json_object_get_string_member (kms01, "name"), ==, "kms01.corp.example");
    /* the system's resolver does not say */
    g_assert_true (json_object_get_null_member (kms01, "ttl"));
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                       json_object_get_array_member (kms01, "addresses"), 0), "status"), ==, "open");
    g_assert_cmpstr (json_object_get_string_member (kms03, "name"), ==, "kms03.corp.example");
    g_assert_cmpstr (json_object_get_string_member (address03, "status"), ==, "timeout");
  }

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
}

/* Addresses as admins write them: IPv6 in brackets, with a port and
 * without; no DNS is asked */
static void
test_addresses (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  guint16 port = listen_on_loopback (listener, G_SOCKET_FAMILY_IPV6);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) with_port = NULL;
  g_autoptr(JsonObject) without_port = NULL;
  g_autofree char *target = NULL;
  JsonObject *host;

  if (port == 0)
    {
      g_test_skip ("no IPv6 loopback here");
      return;
    }
  target = g_strdup_printf ("[::1]:%u", port);
  with_port = run_probe (target, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_null_member (with_port, "srv_name"));
  host = json_array_get_object_element (json_object_get_array_member (with_port, "hosts"), 0);
  g_assert_cmpstr (json_object_get_string_member (host, "name"), ==, "::1");
  g_assert_true (json_object_get_boolean_member (with_port, "answered"));

  /* without a port: KMS's own, 1688, which nothing here listens on */
  without_port = run_probe ("[::1]", NULL, &error);
  g_assert_no_error (error);
  host = json_array_get_object_element (json_object_get_array_member (without_port, "hosts"), 0);
  g_assert_cmpstr (json_object_get_string_member (host, "name"), ==, "::1");
  g_assert_cmpint (json_object_get_int_member (host, "port"), ==, 1688);
  g_assert_true (json_object_get_null_member (without_port, "srv_name"));
}

static void
test_bad_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) result = run_probe ("corp.example", "not-an-address", &error);

  g_assert_null (result);
  g_assert_error (error, KD_PROBE_ERROR, KD_PROBE_ERROR_BAD_SERVER);
}

/* Names DNS cannot be asked, refused before anything is sent; an
 * international name and a name with the root's dot are fine */
static void
test_bad_names (void)
{
  g_autofree char *long_label = g_strnfill (64, 'a');
  g_autofree char *long_name = g_strjoin (".", "kms", long_label, "example", NULL);
  const char *bad[] = { "", ".", "a..b", "kms01:99999", "kms01:0", "[::1", "[kms01]:1688", "<b>kms</b>", "kms 01",
                        long_name };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) result = run_probe (bad[i], "127.0.0.1:9", &error);

      g_assert_null (result);
      g_assert_error (error, KD_PROBE_ERROR, KD_PROBE_ERROR_BAD_NAME);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/probe/named-server", test_named_server);
  g_test_add_func ("/probe/bad-server", test_bad_server);
  g_test_add_func ("/probe/bad-names", test_bad_names);
  g_test_add_func ("/probe/addresses", test_addresses);
  g_test_add_func ("/probe/system-resolver", test_system_resolver);

  return g_test_run ();
}
