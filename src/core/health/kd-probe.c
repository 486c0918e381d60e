/* kd-probe.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kd-json.h"
#include "kd-probe.h"

/* Which KMS hosts a domain publishes, and whether they answer on their
 * port: the _vlmcs._tcp SRV records, the addresses of each target, and a
 * TCP connection to each, closed at once.  It sends no KMS request, so
 * nothing it does adds to a host's count.  Names are looked up through
 * the system's resolver (GResolver), or, as nslookup does from a machine
 * outside the domain, through a DNS server the user names, with glibc's
 * resolver (res_nquery) told to ask that server alone. */

#define KMS_PORT 1688

typedef struct
{
  char *address;
  const char *status;       /* open, refused, timeout, unreachable, error */
  char *detail;
} Address;

typedef struct
{
  char *name;
  int port;
  int priority;             /* -1 without an SRV record */
  int weight;
  gint64 ttl;               /* -1 when the resolver does not say */
  char *problem;            /* why it has no address */
  GArray *addresses;
} Target;

struct _KdProbe
{
  GObject parent_instance;

  char *target;
  char *server;
  guint timeout;

  /* the result */
  char *srv_name;           /* the SRV name asked, or NULL for a host */
  gboolean from_srv;
  GPtrArray *targets;
  char *message;
  GMutex lock;              /* of message */
  GMainContext *context;
};

G_DEFINE_FINAL_TYPE (KdProbe, kd_probe, G_TYPE_OBJECT)

G_DEFINE_QUARK (kd-probe-error-quark, kd_probe_error)

enum {
  PROP_0,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
address_clear (gpointer data)
{
  Address *address = data;

  g_free (address->address);
  g_free (address->detail);
}

static void
target_free (gpointer data)
{
  Target *target = data;

  g_free (target->name);
  g_free (target->problem);
  g_array_unref (target->addresses);
  g_free (target);
}

static Target *
target_new (const char *name,
            int         port)
{
  Target *target = g_new0 (Target, 1);

  target->name = g_strdup (name);
  target->port = port;
  target->priority = target->weight = -1;
  target->ttl = -1;
  target->addresses = g_array_new (FALSE, TRUE, sizeof (Address));
  g_array_set_clear_func (target->addresses, address_clear);
  return target;
}

static void
kd_probe_finalize (GObject *object)
{
  KdProbe *self = (KdProbe *) object;

  g_free (self->target);
  g_free (self->server);
  g_free (self->srv_name);
  g_ptr_array_unref (self->targets);
  g_free (self->message);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (kd_probe_parent_class)->finalize (object);
}

static void
kd_probe_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KdProbe *self = KD_PROBE (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_take_string (value, kd_probe_dup_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_probe_class_init (KdProbeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_probe_finalize;
  object_class->get_property = kd_probe_get_property;

  /**
   * KdProbe:message:
   *
   * What the probe is doing, in words.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_probe_init (KdProbe *self)
{
  self->timeout = 5;
  self->targets = g_ptr_array_new_with_free_func (target_free);
  g_mutex_init (&self->lock);
}

/**
 * kd_probe_new:
 * @target: a domain ("corp.example"), or a host with or without a port
 *   ("kms01.corp.example:1688", "[2001:db8::1]:1688")
 */
KdProbe *
kd_probe_new (const char *target)
{
  KdProbe *self = g_object_new (KD_TYPE_PROBE, NULL);

  self->target = g_strdup (target);
  return self;
}

/**
 * kd_probe_set_server:
 * @server: (nullable): a DNS server to ask, "ADDR" or "ADDR:PORT" (IPv4), or
 *   %NULL for the system's resolver
 */
void
kd_probe_set_server (KdProbe    *self,
                     const char *server)
{
  g_return_if_fail (KD_IS_PROBE (self));

  g_free (self->server);
  self->server = g_strdup (server);
}

void
kd_probe_set_timeout (KdProbe *self,
                      guint    seconds)
{
  g_return_if_fail (KD_IS_PROBE (self));

  self->timeout = MAX (seconds, 1);
}

char *
kd_probe_dup_message (KdProbe *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return g_strdup (self->message);
}

static gboolean
publish (gpointer data)
{
  g_object_notify_by_pspec (G_OBJECT (data), properties[PROP_MESSAGE]);
  return G_SOURCE_REMOVE;
}

/* From the probe's thread */
static void
say (KdProbe    *self,
     const char *message)
{
  g_mutex_lock (&self->lock);
  g_free (self->message);
  self->message = g_strdup (message);
  g_mutex_unlock (&self->lock);
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, publish, g_object_ref (self), g_object_unref);
}

/* Number of hosts whose port answered */
guint
kd_probe_get_n_open (KdProbe *self)
{
  guint n = 0;

  g_return_val_if_fail (KD_IS_PROBE (self), 0);

  for (guint i = 0; i < self->targets->len; i++)
    {
      Target *target = g_ptr_array_index (self->targets, i);

      for (guint a = 0; a < target->addresses->len; a++)
        if (g_str_equal (g_array_index (target->addresses, Address, a).status, "open"))
          {
            n++;
            break;
          }
    }
  return n;
}

guint
kd_probe_get_n_hosts (KdProbe *self)
{
  g_return_val_if_fail (KD_IS_PROBE (self), 0);
  return self->targets->len;
}

/**
 * kd_probe_get_host:
 * @i: a host's index, below kd_probe_get_n_hosts()
 * @port: (out): its port
 * @from_srv: (out): whether an SRV record named it
 * @answered: (out): whether one of its addresses answered on the port
 *
 * Returns: the host's name
 */
const char *
kd_probe_get_host (KdProbe  *self,
                   guint     i,
                   int      *port,
                   gboolean *from_srv,
                   gboolean *answered)
{
  Target *target;

  g_return_val_if_fail (KD_IS_PROBE (self), NULL);
  g_return_val_if_fail (i < self->targets->len, NULL);

  target = g_ptr_array_index (self->targets, i);
  *port = target->port;
  *from_srv = self->from_srv;
  *answered = FALSE;
  for (guint a = 0; a < target->addresses->len; a++)
    *answered |= g_str_equal (g_array_index (target->addresses, Address, a).status, "open");
  return target->name;
}

/* A DNS server the user names: glibc's resolver asking it alone ---------- */

typedef struct
{
  struct __res_state state;
} Named;

static gboolean
named_init (Named       *named,
            const char  *server,
            guint        timeout,
            GError     **error)
{
  g_autofree char *host = NULL;
  const char *colon = strrchr (server, ':');
  guint64 port = NS_DEFAULTPORT;
  struct in_addr address;

  host = colon != NULL ? g_strndup (server, colon - server) : g_strdup (server);
  if ((colon != NULL && !g_ascii_string_to_unsigned (colon + 1, 10, 1, 65535, &port, NULL)) ||
      inet_pton (AF_INET, host, &address) != 1)
    {
      g_set_error (error, KD_PROBE_ERROR, KD_PROBE_ERROR_BAD_SERVER,
                   _("“%s” is not the address of a DNS server, such as 10.0.0.1 or 127.0.0.1:5353 (IPv4)"), server);
      return FALSE;
    }
  memset (&named->state, 0, sizeof named->state);
  if (res_ninit (&named->state) != 0)
    {
      g_set_error_literal (error, KD_PROBE_ERROR, KD_PROBE_ERROR_DNS, _("The system’s resolver could not be set up"));
      return FALSE;
    }
  named->state.nscount = 1;
  named->state.nsaddr_list[0].sin_family = AF_INET;
  named->state.nsaddr_list[0].sin_addr = address;
  named->state.nsaddr_list[0].sin_port = htons ((guint16) port);
  named->state.retrans = (int) timeout;
  named->state.retry = 1;
  return TRUE;
}

/* The answers of type @type for @name; -1 with @error set on a failure,
 * 0 when there are none */
static int
named_query (Named          *named,
             const char     *name,
             int             type,
             guchar         *answer,
             gsize           size,
             ns_msg         *msg,
             GError        **error)
{
  int n = res_nquery (&named->state, name, ns_c_in, type, answer, (int) size);

  if (n < 0)
    {
      if (named->state.res_h_errno == HOST_NOT_FOUND || named->state.res_h_errno == NO_DATA)
        return 0;
      g_set_error_literal (error, KD_PROBE_ERROR, KD_PROBE_ERROR_DNS,
                           named->state.res_h_errno == TRY_AGAIN
                             ? _("The DNS server gave no answer: it did not reply, refused, or failed")
                             : _("The DNS server could not answer"));
      return -1;
    }
  if (ns_initparse (answer, n, msg) < 0)
    {
      g_set_error_literal (error, KD_PROBE_ERROR, KD_PROBE_ERROR_DNS, _("The DNS server’s answer is damaged"));
      return -1;
    }
  return ns_msg_count (*msg, ns_s_an);
}

static gboolean
named_srv (Named      *named,
           const char *name,
           GPtrArray  *targets,
           GError    **error)
{
  guchar answer[8192];
  ns_msg msg;
  int n = named_query (named, name, ns_t_srv, answer, sizeof answer, &msg, error);

  for (int i = 0; i < n; i++)
    {
      ns_rr rr;
      char target[NS_MAXDNAME];
      const guchar *rdata;
      Target *t;

      if (ns_parserr (&msg, ns_s_an, i, &rr) < 0 || ns_rr_type (rr) != ns_t_srv || ns_rr_rdlen (rr) < 7)
        continue;
      rdata = ns_rr_rdata (rr);
      if (dn_expand (ns_msg_base (msg), ns_msg_end (msg), rdata + 6, target, sizeof target) < 0)
        continue;
      t = target_new (target, ns_get16 (rdata + 4));
      t->priority = ns_get16 (rdata);
      t->weight = ns_get16 (rdata + 2);
      t->ttl = ns_rr_ttl (rr);
      g_ptr_array_add (targets, t);
    }
  return n >= 0;
}

static void
named_addresses (Named  *named,
                 Target *target)
{
  static const int types[] = { ns_t_a, ns_t_aaaa };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GError) error = NULL;
      guchar answer[4096];
      ns_msg msg;
      int n = named_query (named, target->name, types[t], answer, sizeof answer, &msg, &error);

      if (n < 0 && target->problem == NULL)
        target->problem = g_strdup (error->message);
      for (int i = 0; i < n; i++)
        {
          ns_rr rr;
          char text[INET6_ADDRSTRLEN];
          Address address = { NULL, "error", NULL };

          if (ns_parserr (&msg, ns_s_an, i, &rr) < 0 || (int) ns_rr_type (rr) != types[t] ||
              ns_rr_rdlen (rr) != (types[t] == ns_t_a ? 4 : 16) ||
              inet_ntop (types[t] == ns_t_a ? AF_INET : AF_INET6, ns_rr_rdata (rr), text, sizeof text) == NULL)
            continue;
          address.address = g_strdup (text);
          g_array_append_val (target->addresses, address);
        }
    }
}

/* The system's resolver ------------------------------------------------------ */

static gboolean
system_srv (const char    *name,
            GPtrArray     *targets,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GResolver) resolver = g_resolver_get_default ();
  g_autoptr(GError) local_error = NULL;
  GList *records = g_resolver_lookup_records (resolver, name, G_RESOLVER_RECORD_SRV, cancellable, &local_error);

  if (records == NULL)
    {
      if (g_error_matches (local_error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (GList *l = records; l != NULL; l = l->next)
    {
      guint16 priority, weight, port;
      const char *target;
      Target *t;

      g_variant_get (l->data, "(qqq&s)", &priority, &weight, &port, &target);
      t = target_new (target, port);
      t->priority = priority;
      t->weight = weight;
      g_ptr_array_add (targets, t);
    }
  g_list_free_full (records, (GDestroyNotify) g_variant_unref);
  return TRUE;
}

static void
system_addresses (Target       *target,
                  GCancellable *cancellable)
{
  g_autoptr(GResolver) resolver = g_resolver_get_default ();
  g_autoptr(GError) error = NULL;
  GList *addresses = g_resolver_lookup_by_name (resolver, target->name, cancellable, &error);

  if (addresses == NULL)
    target->problem = g_strdup (error->message);
  for (GList *l = addresses; l != NULL; l = l->next)
    {
      Address address = { g_inet_address_to_string (l->data), "error", NULL };

      g_array_append_val (target->addresses, address);
    }
  g_resolver_free_addresses (addresses);
}

/* The port ------------------------------------------------------------------------ */

static void
connect_to (Address      *address,
            int           port,
            guint         timeout,
            GCancellable *cancellable)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address->address);
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  if (inet == NULL)
    return;
  socket_address = g_inet_socket_address_new (inet, (guint16) port);
  g_socket_client_set_timeout (client, timeout);
  connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (socket_address), cancellable, &error);
  if (connection != NULL)
    {
      /* closed at once: no request goes to it */
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      address->status = "open";
      return;
    }
  address->status = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ? "refused" :
                    g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ? "timeout" :
                    g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
                    g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ? "unreachable" : "error";
  address->detail = g_strdup (error->message);
}

/* The work ------------------------------------------------------------------------- */

/* "kms01:1688", "[2001:db8::1]:1688", "192.0.2.10": a host and its port;
 * FALSE for a name without a port, which may be a domain */
static gboolean
split_host (const char  *target,
            char       **host,
            int         *port)
{
  const char *colon = strrchr (target, ':');
  gsize length = strlen (target);
  guint64 value;
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (target);

  if (address != NULL)
    {
      *host = g_strdup (target);
      *port = KMS_PORT;
      return TRUE;
    }
  /* "[2001:db8::1]" without a port */
  if (length > 2 && target[0] == '[' && target[length - 1] == ']')
    {
      g_autofree char *inside = g_strndup (target + 1, length - 2);
      g_autoptr(GInetAddress) bracketed = g_inet_address_new_from_string (inside);

      if (bracketed != NULL)
        {
          *host = g_steal_pointer (&inside);
          *port = KMS_PORT;
          return TRUE;
        }
    }
  if (colon == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 1, 65535, &value, NULL))
    return FALSE;
  if (target[0] == '[' && colon > target + 1 && colon[-1] == ']')
    {
      /* brackets hold an IPv6 address, never a name */
      *host = g_strndup (target + 1, colon - target - 2);
      if (!g_hostname_is_ip_address (*host))
        {
          g_clear_pointer (host, g_free);
          return FALSE;
        }
    }
  else if (memchr (target, ':', colon - target) == NULL)
    *host = g_strndup (target, colon - target);
  else
    return FALSE;
  *port = (int) value;
  return TRUE;
}

/* Whether @name can be asked of DNS: labels of letters, digits, hyphens
 * and underscores (as in _vlmcs), at most 63 each and 253 in all, after
 * an international name is put in its ASCII form */
static gboolean
is_dns_name (const char *name)
{
  g_autofree char *ascii = g_hostname_to_ascii (name);
  g_auto(GStrv) labels = NULL;
  gsize length;

  if (ascii == NULL)
    return FALSE;
  length = strlen (ascii);
  /* a name may end with the root's dot */
  if (length > 0 && ascii[length - 1] == '.')
    ascii[--length] = '\0';
  if (length == 0 || length > 253)
    return FALSE;
  labels = g_strsplit (ascii, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      gsize label = strlen (labels[i]);

      if (label == 0 || label > 63)
        return FALSE;
      for (gsize c = 0; c < label; c++)
        if (!g_ascii_isalnum (labels[i][c]) && labels[i][c] != '-' && labels[i][c] != '_')
          return FALSE;
    }
  return TRUE;
}

static int
compare_targets (gconstpointer a,
                 gconstpointer b)
{
  const Target *x = *(Target * const *) a, *y = *(Target * const *) b;

  if (x->priority != y->priority)
    return x->priority - y->priority;
  if (x->weight != y->weight)
    return y->weight - x->weight;
  return g_strcmp0 (x->name, y->name);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  KdProbe *self = source_object;
  Named named;
  gboolean use_named = self->server != NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *host = NULL;
  int port = KMS_PORT;

  if (!split_host (self->target, &host, &port) ? !is_dns_name (self->target)
      : !g_hostname_is_ip_address (host) && !is_dns_name (host))
    {
      g_task_return_new_error (task, KD_PROBE_ERROR, KD_PROBE_ERROR_BAD_NAME,
                               _("“%s” is not a domain, a host name or an address"), self->target);
      return;
    }
  if (use_named && !named_init (&named, self->server, self->timeout, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (host == NULL)
    {
      g_autofree char *message = NULL;
      gboolean ok;

      self->srv_name = g_strdup_printf ("_vlmcs._tcp.%s", self->target);
      message = g_strdup_printf (_("Looking up %s…"), self->srv_name);
      say (self, message);
      ok = use_named ? named_srv (&named, self->srv_name, self->targets, &error)
                     : system_srv (self->srv_name, self->targets, cancellable, &error);
      if (!ok)
        {
          if (use_named)
            res_nclose (&named.state);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      self->from_srv = self->targets->len > 0;
      /* the order clients try them in: priority, then the heavier first */
      g_ptr_array_sort (self->targets, compare_targets);
      /* no records: the name is probed as a host */
      if (self->targets->len == 0)
        host = g_strdup (self->target);
    }
  if (host != NULL)
    g_ptr_array_add (self->targets, target_new (host, port));

  for (guint i = 0; i < self->targets->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Target *target = g_ptr_array_index (self->targets, i);
      g_autoptr(GInetAddress) literal = g_inet_address_new_from_string (target->name);

      if (literal != NULL)
        {
          Address address = { g_strdup (target->name), "error", NULL };
          g_array_append_val (target->addresses, address);
        }
      else if (use_named)
        named_addresses (&named, target);
      else
        system_addresses (target, cancellable);
      for (guint a = 0; a < target->addresses->len; a++)
        {
          Address *address = &g_array_index (target->addresses, Address, a);
          g_autofree char *message = g_strdup_printf (_("Connecting to %s on port %d…"), address->address, target->port);

          say (self, message);
          connect_to (address, target->port, self->timeout, cancellable);
        }
    }
  if (use_named)
    res_nclose (&named.state);

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * kd_probe_run_async:
 * @cancellable: (nullable): a #GCancellable
 *
 * Looks the target up and connects to each host found, in a thread; the
 * message says what it does meanwhile.
 */
void
kd_probe_run_async (KdProbe             *self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KD_IS_PROBE (self));

  g_ptr_array_set_size (self->targets, 0);
  g_clear_pointer (&self->srv_name, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kd_probe_run_async);
  g_task_set_static_name (task, "[kms-doctor] probe");
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
kd_probe_run_finish (KdProbe       *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (KD_IS_PROBE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * kd_probe_to_json:
 *
 * Adds the probe's result as an object of docs/probe-json.md.
 */
void
kd_probe_to_json (KdProbe     *self,
                  JsonBuilder *builder)
{
  g_return_if_fail (KD_IS_PROBE (self));

  json_builder_begin_object (builder);
  kd_json_add_string (builder, "target", self->target);
  kd_json_add_string (builder, "server", self->server);
  kd_json_add_string (builder, "srv_name", self->srv_name);
  kd_json_add_boolean (builder, "from_srv", self->from_srv);
  json_builder_set_member_name (builder, "hosts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->targets->len; i++)
    {
      Target *target = g_ptr_array_index (self->targets, i);

      json_builder_begin_object (builder);
      kd_json_add_string (builder, "name", target->name);
      kd_json_add_count (builder, "port", target->port);
      kd_json_add_count (builder, "priority", target->priority);
      kd_json_add_count (builder, "weight", target->weight);
      kd_json_add_count (builder, "ttl", target->ttl);
      kd_json_add_string (builder, "problem", target->problem);
      json_builder_set_member_name (builder, "addresses");
      json_builder_begin_array (builder);
      for (guint a = 0; a < target->addresses->len; a++)
        {
          Address *address = &g_array_index (target->addresses, Address, a);

          json_builder_begin_object (builder);
          kd_json_add_string (builder, "address", address->address);
          kd_json_add_string (builder, "status", address->status);
          kd_json_add_string (builder, "detail", address->detail);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  kd_json_add_boolean (builder, "answered", kd_probe_get_n_open (self) > 0);
  json_builder_end_object (builder);
}
