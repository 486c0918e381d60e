/* kd-health.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kd-capture-date.h"
#include "kd-capture-parser.h"
#include "kd-capture-product.h"
#include "kd-enum-types.h"
#include "kd-finding.h"
#include "kd-health-client-private.h"
#include "kd-health-rules.h"
#include "kd-health-private.h"
#include "kd-health.h"
#include "kd-json.h"
#include "kd-kms-limits.h"
#include "kd-probe.h"
#include "kd-products.h"

/* The health of a KMS deployment, as of a time, from what the user gave:
 * the host's 12290 history, the clients' 12288 and 12289, the captures of
 * the host and its clients.  The count is made again the way the host
 * keeps it (kms-events.md §1.6): the unique machine IDs whose requests it
 * processed in the 30 days up to the time, up to twice the largest
 * N-policy seen.  Whatever is given, the snapshot is made again from all
 * of it when an input or the time changes. */

#define SUCCESS "0x00000000"


/* What the health reads of a capture's product, kept instead of the
 * capture: a folder holds thousands */
typedef struct
{
  char *cmid;               /* a KMS client's, lower case */
  char *activation_id;
  char *kms_host;
  char *path;               /* the capture's file */
  int kms_port;
  gint64 reported;          /* a KMS host's current count, or -1 */
  gint64 trusted;           /* its trusted time, in seconds, or G_MININT64 */
} Product;

static void
product_clear (gpointer data)
{
  Product *product = data;

  g_free (product->cmid);
  g_free (product->activation_id);
  g_free (product->kms_host);
  g_free (product->path);
}

#define SERIES_DAYS 30
/* an activation lasts 180 days: the weeks in which one can expire */
#define EXPIRY_WEEKS (KD_KMS_VALIDITY_DAYS / 7)

static void
publishing_free (gpointer data)
{
  KdHealthPublishing *publishing = data;

  g_free (publishing->host);
  g_free (publishing->domain);
  g_free (publishing->hresult);
  g_free (publishing);
}

/* A host a probe found */
typedef struct
{
  char *name;
  int port;
  gboolean from_srv;
  gboolean answered;
} Probed;

static void
probed_free (gpointer data)
{
  Probed *probed = data;

  g_free (probed->name);
  g_free (probed);
}

/* A machine ID the host counts: its latest request in the window */
typedef struct
{
  GDateTime *last;
  int n_policy;
} Counted;

struct _KdHealth
{
  GObject parent_instance;

  GListStore *inputs;       /* KdHealthInput */
  GPtrArray *events;        /* KdKmsEvent, every log's, in order */
  GArray *products;         /* Product, of every capture */
  GDateTime *as_of_set;

  /* the snapshot */
  gboolean dirty;
  GDateTime *as_of;
  GListStore *clients;
  guint count;
  guint cap;
  guint by_n_policy_25;
  guint by_n_policy_5;
  gint64 reported;
  GDateTime *below_25;
  GDateTime *below_5;
  GPtrArray *failures;
  GPtrArray *hosts;
  KdHealthHost *last_host;  /* the last one add_host() gave */
  gboolean history;
  gboolean responses;
  GDateTime *last_host_request;
  GListStore *findings;
  GStrv approved;
  GPtrArray *probed;        /* Probed: the hosts of the probes run */
  char *counted_host;       /* the host whose count is the count */
  GArray *series;           /* KdHealthDay: the count 30 days back and 30 ahead */
  GArray *requests;         /* KdHealthDay: the requests of the last 30 days */
  GArray *expiries;         /* KdHealthDay: the activations that expire, by week */
  GPtrArray *publishing;    /* KdHealthPublishing: each host's latest, per domain */
};

G_DEFINE_FINAL_TYPE (KdHealth, kd_health, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AS_OF,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
failure_free (gpointer data)
{
  KdHealthFailure *failure = data;

  g_free (failure->hresult);
  g_ptr_array_unref (failure->clients);
  g_free (failure);
}

static void
host_free (gpointer data)
{
  KdHealthHost *host = data;

  g_free (host->name);
  g_hash_table_unref (host->cmids);
  g_hash_table_unref (host->window_cmids);
  g_ptr_array_unref (host->sources);
  g_free (host);
}

static void
counted_free (gpointer data)
{
  Counted *counted = data;

  g_date_time_unref (counted->last);
  g_free (counted);
}

static void
clear_snapshot (KdHealth *self)
{
  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_list_store_remove_all (self->clients);
  g_clear_pointer (&self->below_25, g_date_time_unref);
  g_clear_pointer (&self->below_5, g_date_time_unref);
  g_ptr_array_set_size (self->failures, 0);
  g_ptr_array_set_size (self->hosts, 0);
  self->last_host = NULL;
  g_list_store_remove_all (self->findings);
  g_clear_pointer (&self->counted_host, g_free);
  g_array_set_size (self->series, 0);
  g_array_set_size (self->requests, 0);
  g_array_set_size (self->expiries, 0);
  g_ptr_array_set_size (self->publishing, 0);
  self->history = FALSE;
  self->responses = FALSE;
  g_clear_pointer (&self->last_host_request, g_date_time_unref);
  self->count = 0;
  self->cap = 0;
  self->by_n_policy_25 = 0;
  self->by_n_policy_5 = 0;
  self->reported = -1;
}

static void
kd_health_finalize (GObject *object)
{
  KdHealth *self = (KdHealth *) object;

  clear_snapshot (self);
  g_object_unref (self->inputs);
  g_ptr_array_unref (self->events);
  g_array_unref (self->products);
  g_clear_pointer (&self->as_of_set, g_date_time_unref);
  g_object_unref (self->clients);
  g_ptr_array_unref (self->failures);
  g_ptr_array_unref (self->hosts);
  g_object_unref (self->findings);
  g_strfreev (self->approved);
  g_ptr_array_unref (self->probed);
  g_free (self->counted_host);
  g_array_unref (self->series);
  g_array_unref (self->requests);
  g_array_unref (self->expiries);
  g_ptr_array_unref (self->publishing);

  G_OBJECT_CLASS (kd_health_parent_class)->finalize (object);
}

static void
kd_health_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KdHealth *self = KD_HEALTH (object);

  switch (prop_id)
    {
    case PROP_AS_OF:
      g_value_set_boxed (value, kd_health_get_as_of (self));
      break;
    case PROP_COUNT:
      g_value_set_uint (value, kd_health_get_count (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_health_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KdHealth *self = KD_HEALTH (object);

  switch (prop_id)
    {
    case PROP_AS_OF:
      kd_health_set_as_of (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_health_class_init (KdHealthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_health_finalize;
  object_class->get_property = kd_health_get_property;
  object_class->set_property = kd_health_set_property;

  /**
   * KdHealth:as-of: (nullable)
   *
   * The time the snapshot is of: the one set, or else the newest event's.
   */
  properties[PROP_AS_OF] =
    g_param_spec_boxed ("as-of", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealth:count:
   *
   * The count made again from the host's history, capped.
   */
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_health_init (KdHealth *self)
{
  self->inputs = g_list_store_new (KD_TYPE_HEALTH_INPUT);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->products = g_array_new (FALSE, TRUE, sizeof (Product));
  g_array_set_clear_func (self->products, product_clear);
  self->clients = g_list_store_new (KD_TYPE_HEALTH_CLIENT);
  self->failures = g_ptr_array_new_with_free_func (failure_free);
  self->hosts = g_ptr_array_new_with_free_func (host_free);
  self->findings = g_list_store_new (KD_TYPE_FINDING);
  self->probed = g_ptr_array_new_with_free_func (probed_free);
  self->series = g_array_new (FALSE, TRUE, sizeof (KdHealthDay));
  self->publishing = g_ptr_array_new_with_free_func (publishing_free);
  self->requests = g_array_new (FALSE, TRUE, sizeof (KdHealthDay));
  self->expiries = g_array_new (FALSE, TRUE, sizeof (KdHealthDay));
  self->reported = -1;
  self->dirty = TRUE;
}

KdHealth *
kd_health_new (void)
{
  return g_object_new (KD_TYPE_HEALTH, NULL);
}

/* Inputs ---------------------------------------------------------------- */

static void
add_input (KdHealth          *self,
           const char        *path,
           KdHealthInputKind  kind,
           guint              items,
           const char        *problem)
{
  g_autoptr(KdHealthInput) input = kd_health_input_new (path, kind, items, problem);

  g_list_store_append (self->inputs, input);
  self->dirty = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

/**
 * kd_health_add_events:
 * @path: the file the events came from, as the user named it
 * @log: its events
 */
void
kd_health_add_events (KdHealth   *self,
                      const char *path,
                      KdEventLog *log)
{
  GListModel *events;
  guint n;

  g_return_if_fail (KD_IS_HEALTH (self));
  g_return_if_fail (KD_IS_EVENT_LOG (log));

  events = kd_event_log_get_events (log);
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->events, g_list_model_get_item (events, i));
  add_input (self, path, KD_HEALTH_INPUT_EVENTS, n,
             n == 0 ? kd_event_log_get_notes (log)[0] : NULL);
}

/* What the health reads of each product of @capture */
static GArray *
capture_products (KdCapture *capture)
{
  GListModel *products = kd_capture_get_products (capture);
  GArray *kept = g_array_new (FALSE, TRUE, sizeof (Product));

  g_array_set_clear_func (kept, product_clear);
  for (guint p = 0; p < g_list_model_get_n_items (products); p++)
    {
      g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products, p);
      const char *cmid = kd_capture_product_get_field (product, "cmid");
      const char *activation_id = kd_capture_product_get_field (product, "activation_id");
      Product one = { NULL, NULL, NULL, NULL, -1, -1, G_MININT64 };
      g_autofree char *trusted = NULL;

      /* when the capture was made: its trusted time, local as printed */
      if (kd_capture_product_get_trusted_time (product) != NULL &&
          kd_capture_parse_date (kd_capture_product_get_trusted_time (product), 0, kd_capture_get_language (capture),
                                 &trusted))
        one.trusted = kd_health_time_seconds (trusted);
      if (kd_capture_product_is_kms_host (product))
        one.reported = kd_capture_product_get_int (product, "current_count");
      if (cmid != NULL && kd_capture_product_is_kms_client (product))
        {
          one.cmid = g_ascii_strdown (cmid, -1);
          one.activation_id = activation_id != NULL ? g_ascii_strdown (activation_id, -1) : NULL;
          one.kms_host = g_strdup (kd_capture_product_get_kms_host (product));
          one.kms_port = (int) kd_capture_product_get_kms_port (product);
        }
      if (one.cmid != NULL || one.reported >= 0 || one.trusted != G_MININT64)
        g_array_append_val (kept, one);
    }
  return kept;
}

/* Takes the products of @products */
static void
add_products (KdHealth   *self,
              const char *path,
              GArray     *products,
              guint       n_items)
{
  for (guint i = 0; i < products->len; i++)
    {
      Product *product = &g_array_index (products, Product, i);

      if (product->cmid != NULL)
        product->path = g_strdup (path);
      g_array_append_val (self->products, *product);
    }
  /* moved, not copied */
  g_array_set_clear_func (products, NULL);
  add_input (self, path, KD_HEALTH_INPUT_CAPTURE, n_items,
             products->len == 0
               ? _("Nothing in this capture counts: it shows no client machine ID, no host’s count and no time")
               : NULL);
}

/**
 * kd_health_add_capture:
 * @path: the file the capture came from
 * @capture: what slmgr or ospp printed on the host or a client
 */
void
kd_health_add_capture (KdHealth   *self,
                       const char *path,
                       KdCapture  *capture)
{
  g_autoptr(GArray) products = NULL;

  g_return_if_fail (KD_IS_HEALTH (self));
  g_return_if_fail (KD_IS_CAPTURE (capture));

  products = capture_products (capture);
  add_products (self, path, products, g_list_model_get_n_items (kd_capture_get_products (capture)));
}

/**
 * kd_health_add_problem:
 * @path: a file that gave nothing
 * @kind: %KD_HEALTH_INPUT_UNREADABLE or %KD_HEALTH_INPUT_OTHER
 * @problem: why, in the UI language
 *
 * An input listed with its reason, never left out silently.
 */
void
kd_health_add_problem (KdHealth          *self,
                       const char        *path,
                       KdHealthInputKind  kind,
                       const char        *problem)
{
  g_return_if_fail (KD_IS_HEALTH (self));

  add_input (self, path, kind, 0, problem);
}

/* Reading a file, in any thread ------------------------------------------- */

void
kd_health_item_free (KdHealthItem *item)
{
  g_free (item->path);
  g_clear_object (&item->log);
  g_clear_pointer (&item->products, g_array_unref);
  g_free (item->problem);
  g_free (item);
}

#define PEEK_SIZE (64 * 1024)

/* Whether a capture is one: a product with a name or a licence status
 * (an export of events has a "Description:" too, never these) */
static gboolean
is_capture (KdCapture *capture)
{
  GListModel *products = kd_capture_get_products (capture);

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products, i);

      if (kd_capture_product_get_name (product) != NULL || kd_capture_product_get_license_status (product) != NULL)
        return TRUE;
    }
  return FALSE;
}

static KdCapture *
read_whole_capture (GFile        *file,
                    GCancellable *cancellable)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, NULL);

  return bytes != NULL ? kd_capture_parse_bytes (bytes, KD_CAPTURE_PARSE_NONE) : NULL;
}

/* @file as a capture, or %NULL: its start read first, the whole of it
 * only when the start is a capture; *@strong says whether it shows a
 * machine's licence (else it may be an /ato result, or an export of
 * events the parser took some lines of) */
static KdCapture *
read_capture (GFile        *file,
              gboolean     *strong,
              GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  g_autofree guint8 *start = g_malloc (PEEK_SIZE);
  g_autoptr(KdCapture) capture = NULL;
  gsize length = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), start, PEEK_SIZE, &length, cancellable, NULL) || length == 0)
    return NULL;
  /* an .evtx, or what the capture parser would take for a capture of a
   * single cut line */
  if (length >= 8 && memcmp (start, "ElfFile", 8) == 0)
    return NULL;
  capture = kd_capture_parse (start, length, KD_CAPTURE_PARSE_NONE, cancellable);
  *strong = is_capture (capture);
  if (g_list_model_get_n_items (kd_capture_get_products (capture)) == 0)
    return NULL;
  /* the whole file when it is longer, and a capture for sure: one that
   * may not be is read whole only if nothing else takes it */
  if (length < PEEK_SIZE || !*strong)
    return g_steal_pointer (&capture);
  return read_whole_capture (file, cancellable);
}

/* @item is a capture: what the health reads of it, not the capture */
static KdHealthItem *
take_capture (KdHealthItem *item,
              KdCapture    *capture)
{
  item->kind = KD_HEALTH_INPUT_CAPTURE;
  item->products = capture_products (capture);
  item->n_items = g_list_model_get_n_items (kd_capture_get_products (capture));
  return item;
}

/**
 * kd_health_item_read:
 * @file: a file
 * @path: its name as the user gave it
 *
 * Reads @file, an export of event logs or a capture, told apart by their
 * content, never by the file's name; a file that is neither, or that
 * cannot be read, gets the reason.  Touches nothing shared: any thread of
 * an import may call it.
 *
 * Returns: (transfer full): what the file holds
 */
KdHealthItem *
kd_health_item_read (GFile        *file,
                     const char   *path,
                     GCancellable *cancellable)
{
  KdHealthItem *item = g_new0 (KdHealthItem, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KdEventLog) log = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KdCapture) capture = NULL;
  gboolean strong = FALSE;

  item->path = g_strdup (path);

  /* Opened, a pipe would wait for a writer that never comes, with no way
   * to cancel; a folder here is one met again through a link. */
  switch (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable))
    {
    case G_FILE_TYPE_SPECIAL:
      item->kind = KD_HEALTH_INPUT_UNREADABLE;
      item->problem = g_strdup (_("This is not a file but a pipe, a socket or a device"));
      return item;
    case G_FILE_TYPE_DIRECTORY:
      item->kind = KD_HEALTH_INPUT_UNREADABLE;
      item->problem = g_strdup (_("A link to a folder that is read already"));
      return item;
    default:
      break;
    }

  /* captures first, from the start of the file: a folder holds thousands
   * of them, and the event readers would try every kind of export first */
  capture = read_capture (file, &strong, cancellable);
  if (capture != NULL && strong)
    return take_capture (item, capture);

  /* In pieces on every processor, though the import reads files on all of
   * them: only an export of 8 MB or more is cut, and that is the host's
   * history, which the others are done waiting for long before it is
   * read whole (0.50 s to 0.40 s for the benchmark's folder). */
  log = kd_event_log_read_file (file, KD_EVENT_READ_THREADS, cancellable, &error);
  if (log != NULL && kd_event_log_get_format (log) != KD_EVENT_FORMAT_UNKNOWN)
    {
      item->kind = KD_HEALTH_INPUT_EVENTS;
      item->log = g_steal_pointer (&log);
      return item;
    }
  /* a capture of a command's result alone */
  if (capture != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                                     cancellable, NULL);

      if (info != NULL && g_file_info_get_size (info) > PEEK_SIZE)
        {
          g_clear_object (&capture);
          capture = read_whole_capture (file, cancellable);
        }
      if (capture != NULL)
        return take_capture (item, capture);
      item->kind = KD_HEALTH_INPUT_UNREADABLE;
      item->problem = g_strdup (_("The file could not be read to its end"));
      return item;
    }
  /* a file that is not there, an .evtx this build cannot read, a damaged one */
  if (log == NULL && !g_error_matches (error, KD_EVENT_LOG_ERROR, KD_EVENT_LOG_ERROR_EMPTY))
    {
      item->kind = KD_HEALTH_INPUT_UNREADABLE;
      item->problem = g_strdup (error->message);
      return item;
    }

  g_clear_error (&error);
  bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  if (bytes == NULL)
    {
      item->kind = KD_HEALTH_INPUT_UNREADABLE;
      item->problem = g_strdup (error->message);
      return item;
    }
  item->kind = KD_HEALTH_INPUT_OTHER;
  item->problem = g_strdup (g_bytes_get_size (bytes) == 0
                              ? _("The file is empty")
                              : _("This is neither what slmgr.vbs or ospp.vbs printed nor an export of event logs"));
  return item;
}

/* What a file held, added to the inputs */
void
kd_health_add_item (KdHealth     *self,
                    KdHealthItem *item)
{
  switch (item->kind)
    {
    case KD_HEALTH_INPUT_EVENTS:
      kd_health_add_events (self, item->path, item->log);
      break;
    case KD_HEALTH_INPUT_CAPTURE:
      add_products (self, item->path, item->products, item->n_items);
      break;
    case KD_HEALTH_INPUT_UNREADABLE:
    case KD_HEALTH_INPUT_OTHER:
    default:
      kd_health_add_problem (self, item->path, item->kind, item->problem);
      break;
    }
}

/**
 * kd_health_add_file:
 * @file: a file the user gave
 * @path: (nullable): its name as the user gave it, or %NULL for its path
 * @cancellable: (nullable): a #GCancellable
 *
 * Reads @file (see kd_health_item_read()) and adds what it holds.
 *
 * Returns: whether the file gave events or a capture
 */
gboolean
kd_health_add_file (KdHealth     *self,
                    GFile        *file,
                    const char   *path,
                    GCancellable *cancellable)
{
  g_autofree char *own_path = NULL;
  KdHealthItem *item;
  gboolean usable;

  g_return_val_if_fail (KD_IS_HEALTH (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (path == NULL)
    path = own_path = g_file_get_parse_name (file);
  item = kd_health_item_read (file, path, cancellable);
  usable = item->kind == KD_HEALTH_INPUT_EVENTS || item->kind == KD_HEALTH_INPUT_CAPTURE;
  kd_health_add_item (self, item);
  kd_health_item_free (item);
  return usable;
}

typedef struct
{
  char *name;
  GFileType type;
} Child;

static int
compare_children (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (((const Child *) a)->name, ((const Child *) b)->name);
}

static void
child_clear (gpointer data)
{
  g_free (((Child *) data)->name);
}

/* The type of each child comes with its name: a folder of ten thousand
 * files is not asked about each of them again.  A folder met again through
 * a link (@seen holds the identity of each folder read) is listed as a
 * file, which the reader then says it is; followed, a link to a folder
 * above it would list that folder again at every depth. */
static void
list_files (GFile        *file,
            const char   *path,
            GFileType     type,
            GHashTable   *seen,
            GPtrArray    *files,
            GPtrArray    *paths,
            GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GArray) children = NULL;
  g_autoptr(GFileInfo) identity = NULL;
  const char *id = NULL;

  if (type == G_FILE_TYPE_DIRECTORY &&
      (identity = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, cancellable, NULL)) != NULL &&
      (id = g_file_info_get_attribute_string (identity, G_FILE_ATTRIBUTE_ID_FILE)) != NULL &&
      !g_hash_table_add (seen, g_strdup (id)))
    type = G_FILE_TYPE_UNKNOWN;
  if (type != G_FILE_TYPE_DIRECTORY ||
      (enumerator = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                               G_FILE_QUERY_INFO_NONE, cancellable, NULL)) == NULL)
    {
      g_ptr_array_add (files, g_object_ref (file));
      g_ptr_array_add (paths, g_strdup (path));
      return;
    }
  children = g_array_new (FALSE, FALSE, sizeof (Child));
  g_array_set_clear_func (children, child_clear);
  for (;;)
    {
      GFileInfo *info = NULL;
      Child child;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, NULL) || info == NULL)
        break;
      child.name = g_strdup (g_file_info_get_name (info));
      child.type = g_file_info_get_file_type (info);
      g_array_append_val (children, child);
    }
  g_array_sort (children, compare_children);
  for (guint i = 0; i < children->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Child *child = &g_array_index (children, Child, i);
      g_autoptr(GFile) child_file = g_file_get_child (file, child->name);
      g_autofree char *child_path = g_build_filename (path, child->name, NULL);

      list_files (child_file, child_path, child->type, seen, files, paths, cancellable);
    }
}

/**
 * kd_health_list_files:
 * @file: a file or a folder the user gave
 * @path: its name as the user gave it
 * @files: (element-type GFile): where the files go
 * @paths: (element-type utf8): and their names as the user would give them
 *
 * @file, or every file below it, in the order of their names, when it is
 * a folder.
 */
void
kd_health_list_files (GFile        *file,
                      const char   *path,
                      GPtrArray    *files,
                      GPtrArray    *paths,
                      GCancellable *cancellable)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  list_files (file, path, g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable), seen, files, paths,
              cancellable);
}

/**
 * kd_health_add_path:
 * @file: a file or a folder the user gave
 * @path: (nullable): its name as the user gave it, or %NULL for its path
 * @cancellable: (nullable): a #GCancellable
 *
 * kd_health_add_file() for @file, or for every file below it, in the
 * order of their names, when it is a folder, in the caller's thread.  For
 * many files, #KdHealthImport reads them on every processor.
 */
void
kd_health_add_path (KdHealth     *self,
                    GFile        *file,
                    const char   *path,
                    GCancellable *cancellable)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *own_path = NULL;

  g_return_if_fail (KD_IS_HEALTH (self));
  g_return_if_fail (G_IS_FILE (file));

  if (path == NULL)
    path = own_path = g_file_get_parse_name (file);
  kd_health_list_files (file, path, files, paths, cancellable);
  for (guint i = 0; i < files->len && !g_cancellable_is_cancelled (cancellable); i++)
    kd_health_add_file (self, g_ptr_array_index (files, i), g_ptr_array_index (paths, i), cancellable);
}

/**
 * kd_health_add_probe:
 * @probe: a probe that has run
 *
 * The hosts the probe found become hosts of the snapshot: "dns" when an
 * SRV record named them, "probe" when their port answered.
 */
void
kd_health_add_probe (KdHealth *self,
                     KdProbe  *probe)
{
  g_return_if_fail (KD_IS_HEALTH (self));
  g_return_if_fail (KD_IS_PROBE (probe));

  for (guint i = 0; i < kd_probe_get_n_hosts (probe); i++)
    {
      Probed *probed = g_new0 (Probed, 1);

      probed->name = g_strdup (kd_probe_get_host (probe, i, &probed->port, &probed->from_srv, &probed->answered));
      g_ptr_array_add (self->probed, probed);
    }
  self->dirty = TRUE;
}

/**
 * kd_health_set_approved_hosts:
 * @hosts: (nullable) (array zero-terminated=1): the KMS hosts the admin
 *   runs, or %NULL for no list
 *
 * Hosts the inputs name that are not among @hosts are told of.
 */
void
kd_health_set_approved_hosts (KdHealth           *self,
                              const char * const *hosts)
{
  g_return_if_fail (KD_IS_HEALTH (self));

  g_strfreev (self->approved);
  self->approved = g_strdupv ((char **) hosts);
  self->dirty = TRUE;
}

/**
 * kd_health_set_as_of:
 * @as_of: (nullable): the time of the snapshot, or %NULL for the newest
 *   event's
 */
void
kd_health_set_as_of (KdHealth  *self,
                     GDateTime *as_of)
{
  g_return_if_fail (KD_IS_HEALTH (self));

  if (as_of == self->as_of_set ||
      (as_of != NULL && self->as_of_set != NULL && g_date_time_equal (as_of, self->as_of_set)))
    return;
  g_clear_pointer (&self->as_of_set, g_date_time_unref);
  self->as_of_set = as_of != NULL ? g_date_time_ref (as_of) : NULL;
  self->dirty = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

/* The snapshot -------------------------------------------------------------- */

#define UNKNOWN G_MININT64

/* When an event was logged, in seconds since 1970, or UNKNOWN: the
 * record's time (UTC, or the host's local time taken as UTC, the only
 * clock there is), else the client's clock */
static gint64
event_seconds (KdKmsEvent *event)
{
  const char *time = kd_kms_event_get_time (event);

  return kd_health_time_seconds (time != NULL ? time : kd_kms_event_get_client_time (event));
}

static KdHealthClient *
client_for (GHashTable *clients,
            const char *cmid)
{
  KdHealthClient *client = g_hash_table_lookup (clients, cmid);

  if (client == NULL)
    {
      client = kd_health_client_new (cmid);
      g_hash_table_insert (clients, g_strdup (cmid), client);
    }
  return client;
}

/* A name added to a sorted array of unique names */
static void
add_sorted_unique (GPtrArray  *names,
                   const char *name)
{
  guint i;

  if (name == NULL)
    return;
  for (i = 0; i < names->len; i++)
    {
      int order = strcmp (g_ptr_array_index (names, i), name);

      if (order == 0)
        return;
      if (order > 0)
        break;
    }
  g_ptr_array_insert (names, i, g_strdup (name));
}

static void
add_failure (KdHealth   *self,
             const char *hresult,
             const char *client)
{
  KdHealthFailure *failure = NULL;

  for (guint i = 0; i < self->failures->len && failure == NULL; i++)
    if (g_str_equal (((KdHealthFailure *) g_ptr_array_index (self->failures, i))->hresult, hresult))
      failure = g_ptr_array_index (self->failures, i);
  if (failure == NULL)
    {
      failure = g_new0 (KdHealthFailure, 1);
      failure->hresult = g_strdup (hresult);
      failure->clients = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->failures, failure);
    }
  failure->requests++;
  add_sorted_unique (failure->clients, client);
}

/* Whether @name is one of the approved hosts: the same name, or the
 * same host by its short name ("kms01" and "kms01.corp.example") */
static int
is_approved (KdHealth   *self,
             const char *name)
{
  if (self->approved == NULL)
    return -1;
  for (guint i = 0; self->approved[i] != NULL; i++)
    {
      const char *a = self->approved[i];
      gsize n = strlen (a), m = strlen (name);

      if (g_ascii_strcasecmp (a, name) == 0 ||
          (n < m && name[n] == '.' && g_ascii_strncasecmp (a, name, n) == 0) ||
          (m < n && a[m] == '.' && g_ascii_strncasecmp (a, name, m) == 0))
        return 1;
    }
  return 0;
}

static KdHealthHost *
add_host (KdHealth   *self,
          const char *name,
          int         port,
          const char *cmid,
          const char *source)
{
  KdHealthHost *host = NULL;

  if (name == NULL)
    return NULL;
  /* a log names the same host request after request */
  if (self->last_host != NULL && g_str_equal (self->last_host->name, name) && self->last_host->port == port)
    host = self->last_host;
  for (guint i = 0; i < self->hosts->len && host == NULL; i++)
    {
      KdHealthHost *h = g_ptr_array_index (self->hosts, i);

      /* a host named with a port and without is one host */
      if (g_ascii_strcasecmp (h->name, name) == 0 && (h->port == port || h->port < 0 || port < 0))
        host = h;
    }
  if (host == NULL)
    {
      host = g_new0 (KdHealthHost, 1);
      host->name = g_strdup (name);
      host->port = port;
      host->cmids = g_hash_table_new (g_str_hash, g_str_equal);
      host->window_cmids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      host->approved = is_approved (self, name);
      host->sources = g_ptr_array_new ();
      g_ptr_array_add (self->hosts, host);
    }
  if (host->port < 0)
    host->port = port;
  self->last_host = host;
  /* the machine IDs are the inputs' own strings, which outlive the
   * snapshot */
  if (cmid != NULL)
    g_hash_table_add (host->cmids, (gpointer) cmid);
  if (!g_ptr_array_find_with_equal_func (host->sources, source, g_str_equal, NULL))
    g_ptr_array_add (host->sources, (gpointer) source);
  return host;
}

static int
compare_clients (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  KdHealthClient *x = (KdHealthClient *) a, *y = (KdHealthClient *) b;
  const char *name_x = kd_health_client_get_name (x), *name_y = kd_health_client_get_name (y);

  /* named first, by name; then by machine ID */
  if ((name_x == NULL) != (name_y == NULL))
    return name_x == NULL ? 1 : -1;
  if (name_x != NULL && g_ascii_strcasecmp (name_x, name_y) != 0)
    return g_ascii_strcasecmp (name_x, name_y);
  return strcmp (kd_health_client_get_cmid (x), kd_health_client_get_cmid (y));
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  return g_date_time_compare (*(GDateTime * const *) a, *(GDateTime * const *) b);
}

/* The date the count falls below @threshold if nobody renews: each
 * machine ID leaves it 30 days after its latest request */
static GDateTime *
below_on (GPtrArray *expiries,
          guint      count,
          guint      threshold)
{
  guint leave;

  if (count < threshold || expiries->len < threshold)
    return NULL;
  /* fewer than @threshold are left once this many have gone */
  leave = expiries->len - threshold + 1;
  return g_date_time_ref (g_ptr_array_index (expiries, leave - 1));
}

static void
count_requests (KdHealth     *self,
                const gint64 *seconds)
{
  /* each host counts its own clients: a table of counted CMIDs per host */
  g_autoptr(GHashTable) hosts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_hash_table_unref);
  GHashTable *counted = NULL;
  g_autoptr(GDateTime) since = g_date_time_add_days (self->as_of, -KD_HEALTH_WINDOW_DAYS);
  g_autoptr(GPtrArray) expiries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  GHashTableIter iter;
  Counted *entry;
  int largest = 0;

  /* the requests the host processed in the window: 12290s without error */
  for (guint i = 0; i < self->events->len; i++)
    {
      KdKmsEvent *event = g_ptr_array_index (self->events, i);
      g_autoptr(GDateTime) when = NULL;
      const char *cmid = kd_kms_event_get_cmid (event);
      const char *host = kd_kms_event_get_computer (event) != NULL ? kd_kms_event_get_computer (event) : "";

      if (kd_kms_event_get_event_id (event) != 12290 || cmid == NULL ||
          g_strcmp0 (kd_kms_event_get_hresult (event), SUCCESS) != 0)
        continue;
      if (seconds[i] == UNKNOWN || seconds[i] <= g_date_time_to_unix (since) ||
          seconds[i] > g_date_time_to_unix (self->as_of))
        continue;
      when = g_date_time_new_from_unix_utc (seconds[i]);
      counted = g_hash_table_lookup (hosts, host);
      if (counted == NULL)
        {
          counted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, counted_free);
          g_hash_table_insert (hosts, (gpointer) host, counted);
        }
      entry = g_hash_table_lookup (counted, cmid);
      if (entry == NULL)
        {
          entry = g_new0 (Counted, 1);
          entry->last = g_date_time_ref (when);
          g_hash_table_insert (counted, (gpointer) cmid, entry);
        }
      else if (g_date_time_compare (when, entry->last) >= 0)
        {
          g_date_time_unref (entry->last);
          entry->last = g_date_time_ref (when);
        }
      else
        continue;
      entry->n_policy = kd_kms_event_get_n_policy (event);
    }

  /* the count of the host that counts the most: what one host can
   * activate (hosts that split the clients are a finding of their own) */
  counted = NULL;
  g_hash_table_iter_init (&iter, hosts);
  {
    GHashTable *table;
    const char *name;

    while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &table))
      if (counted == NULL || g_hash_table_size (table) > g_hash_table_size (counted))
        {
          counted = table;
          g_free (self->counted_host);
          self->counted_host = g_strdup (name);
        }
  }
  if (counted == NULL)
    {
      self->cap = 50;
      return;
    }
  g_hash_table_iter_init (&iter, counted);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      largest = MAX (largest, entry->n_policy);
      self->by_n_policy_25 += entry->n_policy == 25;
      self->by_n_policy_5 += entry->n_policy == 5;
      g_ptr_array_add (expiries, g_date_time_add_days (entry->last, KD_HEALTH_WINDOW_DAYS));
    }
  /* twice the largest N-policy seen; the host's 50 before it saw any */
  self->cap = largest > 0 ? 2 * (guint) largest : 50;
  self->count = MIN (g_hash_table_size (counted), self->cap);

  g_ptr_array_sort (expiries, compare_times);
  self->below_25 = below_on (expiries, self->count, 25);
  self->below_5 = below_on (expiries, self->count, 5);
}

/* Each host's clients in the window: the requests it logged (12290) and
 * those its clients sent it (12288) */
static void
count_by_host (KdHealth     *self,
               const gint64 *seconds)
{
  gint64 since = g_date_time_to_unix (self->as_of) - KD_HEALTH_WINDOW_DAYS * 86400;
  gint64 until = g_date_time_to_unix (self->as_of);

  for (guint i = 0; i < self->events->len; i++)
    {
      KdKmsEvent *event = g_ptr_array_index (self->events, i);
      int event_id = kd_kms_event_get_event_id (event);
      const char *cmid = kd_kms_event_get_cmid (event);
      const char *name = event_id == 12290 ? kd_kms_event_get_computer (event) : kd_kms_event_get_kms_host (event);
      int port = event_id == 12290 ? -1 : kd_kms_event_get_kms_port (event);

      if ((event_id != 12290 && event_id != 12288) || cmid == NULL || name == NULL || seconds[i] == UNKNOWN ||
          seconds[i] <= since || seconds[i] > until ||
          (event_id == 12290 && g_strcmp0 (kd_kms_event_get_hresult (event), SUCCESS) != 0))
        continue;
      for (guint h = 0; h < self->hosts->len; h++)
        {
          KdHealthHost *host = g_ptr_array_index (self->hosts, h);

          if (g_ascii_strcasecmp (host->name, name) == 0 && (host->port == port || host->port < 0 || port < 0))
            {
              g_hash_table_add (host->window_cmids, g_strdup (cmid));
              break;
            }
        }
    }
}

/* A 12293 or 12294: the host's latest attempt to publish itself in its
 * domain, kept per host and domain */
static void
note_publishing (KdHealth   *self,
                 KdKmsEvent *event,
                 gint64      when)
{
  const char *host = kd_kms_event_get_computer (event);
  const char *domain = kd_kms_event_get_domain (event);
  KdHealthPublishing *latest = NULL;

  if (domain == NULL)
    return;
  for (guint i = 0; i < self->publishing->len && latest == NULL; i++)
    {
      KdHealthPublishing *p = g_ptr_array_index (self->publishing, i);

      if (g_strcmp0 (p->host, host) == 0 && g_ascii_strcasecmp (p->domain, domain) == 0)
        latest = p;
    }
  if (latest == NULL)
    {
      latest = g_new0 (KdHealthPublishing, 1);
      latest->host = g_strdup (host);
      latest->domain = g_strdup (domain);
      latest->seconds = G_MININT64;
      g_ptr_array_add (self->publishing, latest);
    }
  if (when < latest->seconds)
    return;
  latest->seconds = when;
  g_clear_pointer (&latest->hresult, g_free);
  if (kd_kms_event_get_event_id (event) == 12293)
    latest->hresult = g_strdup (kd_kms_event_get_hresult (event) != NULL ? kd_kms_event_get_hresult (event) : "");
}

static int
compare_seconds (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The count day by day, 30 days back and 30 ahead if nobody asks again,
 * for the host whose count is the count; and the requests each host
 * logged day by day, by result */
static void
make_series (KdHealth     *self,
             const gint64 *seconds)
{
  g_autoptr(GHashTable) times = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  gint64 as_of = g_date_time_to_unix (self->as_of);
  GHashTableIter iter;
  GArray *list;

  for (guint i = 0; i < self->events->len; i++)
    {
      KdKmsEvent *event = g_ptr_array_index (self->events, i);
      const char *cmid = kd_kms_event_get_cmid (event);
      gboolean ok = g_strcmp0 (kd_kms_event_get_hresult (event), SUCCESS) == 0;

      if (kd_kms_event_get_event_id (event) != 12290 || seconds[i] == UNKNOWN || seconds[i] > as_of)
        continue;
      /* the requests of the last 30 days, each in the day it falls in */
      if (seconds[i] > as_of - SERIES_DAYS * 86400)
        {
          guint day = (guint) ((as_of - seconds[i]) / 86400);
          KdHealthDay *d;

          if (self->requests->len == 0)
            {
              g_array_set_size (self->requests, SERIES_DAYS);
              for (guint k = 0; k < SERIES_DAYS; k++)
                g_array_index (self->requests, KdHealthDay, k).time = as_of - (SERIES_DAYS - 1 - k) * 86400;
            }
          d = &g_array_index (self->requests, KdHealthDay, SERIES_DAYS - 1 - day);
          if (ok)
            d->succeeded++;
          else
            d->failed++;
        }
      if (!ok || cmid == NULL || self->counted_host == NULL ||
          g_strcmp0 (kd_kms_event_get_computer (event) != NULL ? kd_kms_event_get_computer (event) : "",
                     self->counted_host) != 0)
        continue;
      list = g_hash_table_lookup (times, cmid);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (times, (gpointer) cmid, list);
        }
      g_array_append_val (list, seconds[i]);
    }
  if (g_hash_table_size (times) == 0)
    return;

  g_hash_table_iter_init (&iter, times);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &list))
    g_array_sort (list, compare_seconds);
  for (int d = -SERIES_DAYS; d <= SERIES_DAYS; d++)
    {
      KdHealthDay day = { as_of + (gint64) d * 86400, 0, 0, 0, d > 0 };
      /* ahead of the time, nobody asks again */
      gint64 upto = MIN (day.time, as_of);
      guint n = 0;

      g_hash_table_iter_init (&iter, times);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &list))
        {
          /* its last request up to then, within 30 days of then */
          guint lo = 0, hi = list->len;

          while (lo < hi)
            {
              guint mid = (lo + hi) / 2;

              if (g_array_index (list, gint64, mid) <= upto)
                lo = mid + 1;
              else
                hi = mid;
            }
          n += lo > 0 && g_array_index (list, gint64, lo - 1) > day.time - KD_HEALTH_WINDOW_DAYS * 86400;
        }
      day.count = MIN (n, self->cap);
      g_array_append_val (self->series, day);
    }
}

/* The clients whose activation expires in each week ahead of the time,
 * for as long as an activation lasts (180 days); none when no client's
 * expiry is known. */
static void
make_expiries (KdHealth  *self,
               GPtrArray *clients)
{
  gint64 as_of = g_date_time_to_unix (self->as_of);

  for (guint i = 0; i < clients->len; i++)
    {
      GDateTime *expires = kd_health_client_get_expires (g_ptr_array_index (clients, i));
      gint64 when;

      if (expires == NULL || (when = g_date_time_to_unix (expires)) < as_of ||
          when >= as_of + EXPIRY_WEEKS * 7 * 86400)
        continue;
      if (self->expiries->len == 0)
        {
          g_array_set_size (self->expiries, EXPIRY_WEEKS);
          for (guint k = 0; k < EXPIRY_WEEKS; k++)
            g_array_index (self->expiries, KdHealthDay, k).time = as_of + (gint64) k * 7 * 86400;
        }
      g_array_index (self->expiries, KdHealthDay, (when - as_of) / (7 * 86400)).count++;
    }
}

/* Makes the snapshot again if an input or the time changed; called by
 * every getter, and by an import in its worker, so that a page shows a
 * snapshot that is ready without the work on its main thread. */
void
kd_health_update (KdHealth *self)
{
  g_autoptr(GHashTable) clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  /* a client's last 12288, for the 12289 that answers it */
  g_autoptr(GHashTable) asked = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 newest = UNKNOWN, last_host_request = UNKNOWN;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autofree gint64 *seconds = NULL;

  if (!self->dirty)
    return;
  self->dirty = FALSE;
  clear_snapshot (self);

  seconds = g_new (gint64, MAX (self->events->len, 1));
  for (guint i = 0; i < self->events->len; i++)
    seconds[i] = event_seconds (g_ptr_array_index (self->events, i));
  for (guint i = 0; i < self->events->len; i++)
    {
      KdKmsEvent *event = g_ptr_array_index (self->events, i);
      gint64 when = seconds[i];
      int event_id = kd_kms_event_get_event_id (event);
      const char *cmid = kd_kms_event_get_cmid (event);
      const char *computer = kd_kms_event_get_computer (event);
      const char *hresult = kd_kms_event_get_hresult (event);
      KdHealthClient *client = NULL;

      newest = MAX (newest, when);
      if (event_id == 12293 || event_id == 12294)
        note_publishing (self, event, when);
      self->history |= event_id == 12290;
      self->responses |= event_id == 12289;
      if (event_id == 12290)
        last_host_request = MAX (last_host_request, when);
      if ((event_id == 12290 || event_id == 12288) && cmid != NULL)
        {
          client = client_for (clients, cmid);
          kd_health_client_add_request (client, event, when);
          if (event_id == 12288 && computer != NULL)
            g_hash_table_insert (asked, (gpointer) computer, client);
          if (event_id == 12290)
            add_host (self, computer, -1, cmid, "12290");
          else
            add_host (self, kd_kms_event_get_kms_host (event), kd_kms_event_get_kms_port (event), cmid, "12288");
        }
      else if (event_id == 12289 && computer != NULL)
        {
          client = g_hash_table_lookup (asked, computer);
          if (client != NULL)
            kd_health_client_add_response (client, event, when);
        }

      if ((event_id == 12288 || event_id == 12289 || event_id == 12290 || event_id == 8198) && hresult != NULL &&
          !g_str_equal (hresult, SUCCESS))
        add_failure (self, hresult, event_id == 12290 ? kd_kms_event_get_client_name (event) : computer);
    }

  for (guint i = 0; i < self->products->len; i++)
    {
      Product *product = &g_array_index (self->products, Product, i);

      newest = MAX (newest, product->trusted == G_MININT64 ? UNKNOWN : product->trusted);
      /* -1, or 4294967295 over WMI: not a host, or no request yet */
      if (product->reported >= 0 && product->reported < G_MAXUINT32)
        self->reported = MAX (self->reported, product->reported);
      if (product->cmid != NULL)
        {
          kd_health_client_add_capture (client_for (clients, product->cmid), product->path, product->activation_id,
                                        product->kms_host);
          add_host (self, product->kms_host, product->kms_port, product->cmid, "client-capture");
        }
    }

  for (guint i = 0; i < self->probed->len; i++)
    {
      Probed *probed = g_ptr_array_index (self->probed, i);

      if (probed->from_srv)
        add_host (self, probed->name, probed->port, NULL, "dns");
      if (probed->answered)
        add_host (self, probed->name, probed->port, NULL, "probe");
    }

  if (last_host_request != UNKNOWN)
    self->last_host_request = g_date_time_new_from_unix_utc (last_host_request);
  self->as_of = self->as_of_set != NULL ? g_date_time_ref (self->as_of_set)
              : newest != UNKNOWN ? g_date_time_new_from_unix_utc (newest)
              : g_date_time_new_now_utc ();
  count_requests (self, seconds);
  count_by_host (self, seconds);
  make_series (self, seconds);

  sorted = g_hash_table_get_values_as_ptr_array (clients);
  g_ptr_array_sort_values_with_data (sorted, compare_clients, NULL);
  g_list_store_splice (self->clients, 0, 0, sorted->pdata, sorted->len);
  make_expiries (self, sorted);
  /* made here, in the import's worker, rather than at a page's first
   * keystroke */
  for (guint i = 0; i < sorted->len; i++)
    kd_health_client_get_search_text (g_ptr_array_index (sorted, i));

  {
    KdHealthFacts facts = {
      self->as_of, self->history, self->count, self->cap, self->by_n_policy_25, self->reported, self->below_25,
      self->below_5, G_LIST_MODEL (self->clients), self->failures, NULL, self->last_host_request, self->responses,
      self->hosts, self->publishing,
    };
    guint most = 0;

    /* the host most clients used, for the commands */
    for (guint i = 0; i < self->hosts->len; i++)
      {
        KdHealthHost *host = g_ptr_array_index (self->hosts, i);

        if (g_hash_table_size (host->cmids) > most)
          {
            most = g_hash_table_size (host->cmids);
            facts.host = host->name;
          }
      }
    kd_health_rules_run (&facts, self->findings);
  }
}

/* Getters ---------------------------------------------------------------- */

/**
 * kd_health_get_as_of:
 *
 * Returns: (transfer none): the time of the snapshot
 */
GDateTime *
kd_health_get_as_of (KdHealth *self)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), NULL);

  kd_health_update (self);
  return self->as_of;
}

guint
kd_health_get_count (KdHealth *self)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), 0);

  kd_health_update (self);
  return self->count;
}

guint
kd_health_get_cap (KdHealth *self)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), 0);

  kd_health_update (self);
  return self->cap;
}

/**
 * kd_health_get_reported_count:
 *
 * Returns: the "Current count" of the host's own capture, or -1
 */
gint64
kd_health_get_reported_count (KdHealth *self)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), -1);

  kd_health_update (self);
  return self->reported;
}

/**
 * kd_health_get_below_on:
 * @threshold: 25 or 5
 *
 * Returns: (transfer none) (nullable): when the count falls below
 *   @threshold if no client renews, or %NULL when it is below already
 */
GDateTime *
kd_health_get_below_on (KdHealth *self,
                        guint     threshold)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), NULL);
  g_return_val_if_fail (threshold == 25 || threshold == 5, NULL);

  kd_health_update (self);
  return threshold == 25 ? self->below_25 : self->below_5;
}

/**
 * kd_health_get_clients:
 *
 * Returns: (transfer none): a #GListModel of #KdHealthClient, one per
 *   machine ID, by name
 */
GListModel *
kd_health_get_clients (KdHealth *self)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), NULL);

  kd_health_update (self);
  return G_LIST_MODEL (self->clients);
}

/**
 * kd_health_get_findings:
 *
 * Returns: (transfer none): a #GListModel of #KdFinding: what the health
 *   means, and what to do
 */
GListModel *
kd_health_get_findings (KdHealth *self)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), NULL);

  kd_health_update (self);
  return G_LIST_MODEL (self->findings);
}

/**
 * kd_health_get_inputs:
 *
 * Returns: (transfer none): a #GListModel of #KdHealthInput, in the order
 *   read
 */
GListModel *
kd_health_get_inputs (KdHealth *self)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), NULL);
  return G_LIST_MODEL (self->inputs);
}

/**
 * kd_health_get_count_series:
 * @n_days: (out): how many days
 *
 * The count for each of the 61 days from 30 days before the time of the
 * snapshot to 30 after, at its time of day; after it (`forecast`), if
 * nobody asks again.  Empty without the host's history.
 *
 * Returns: (array length=n_days) (transfer none): the days
 */
const KdHealthDay *
kd_health_get_count_series (KdHealth *self,
                            guint    *n_days)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), NULL);

  kd_health_update (self);
  *n_days = self->series->len;
  return (const KdHealthDay *) (gpointer) self->series->data;
}

/**
 * kd_health_get_request_series:
 * @n_days: (out): how many days
 *
 * The 12290s logged in each of the 30 days up to the time of the
 * snapshot (the 24 hours up to `time`), by result.
 *
 * Returns: (array length=n_days) (transfer none): the days
 */
const KdHealthDay *
kd_health_get_request_series (KdHealth *self,
                              guint    *n_days)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), NULL);

  kd_health_update (self);
  *n_days = self->requests->len;
  return (const KdHealthDay *) (gpointer) self->requests->data;
}

/**
 * kd_health_get_n_hosts:
 *
 * Returns: how many KMS hosts the inputs name
 */
guint
kd_health_get_n_hosts (KdHealth *self)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), 0);

  kd_health_update (self);
  return self->hosts->len;
}

/**
 * kd_health_get_host:
 * @i: which host, from 0
 * @port: (out) (optional): its port, or -1 when not known
 * @n_clients: (out) (optional): how many clients used it
 * @approved: (out) (optional): 1 or 0, or -1 without a list of approved
 *   hosts
 *
 * Returns: the name of host @i, as the inputs wrote it
 */
const char *
kd_health_get_host (KdHealth *self,
                    guint     i,
                    int      *port,
                    guint    *n_clients,
                    int      *approved)
{
  KdHealthHost *host;

  g_return_val_if_fail (KD_IS_HEALTH (self), NULL);

  kd_health_update (self);
  g_return_val_if_fail (i < self->hosts->len, NULL);
  host = g_ptr_array_index (self->hosts, i);
  if (port != NULL)
    *port = host->port;
  if (n_clients != NULL)
    *n_clients = g_hash_table_size (host->cmids);
  if (approved != NULL)
    *approved = host->approved;
  return host->name;
}

/**
 * kd_health_get_n_failed_requests:
 * @n_codes: (out) (optional): how many result codes they failed with
 *
 * Returns: how many requests failed, on the host or on the clients
 */
guint
kd_health_get_n_failed_requests (KdHealth *self,
                                 guint    *n_codes)
{
  guint n = 0;

  g_return_val_if_fail (KD_IS_HEALTH (self), 0);

  kd_health_update (self);
  for (guint i = 0; i < self->failures->len; i++)
    n += ((KdHealthFailure *) g_ptr_array_index (self->failures, i))->requests;
  if (n_codes != NULL)
    *n_codes = self->failures->len;
  return n;
}

/**
 * kd_health_get_last_host_request:
 *
 * Returns: (transfer none) (nullable): when the host last logged a request
 *   (12290), or %NULL without its history
 */
GDateTime *
kd_health_get_last_host_request (KdHealth *self)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), NULL);

  kd_health_update (self);
  return self->last_host_request;
}

/**
 * kd_health_dup_domain:
 *
 * The DNS domain the KMS hosts are in, for a probe: that of the host most
 * clients used, or of the first named with a domain.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL when no host
 *   name has one
 */
char *
kd_health_dup_domain (KdHealth *self)
{
  KdHealthHost *best = NULL;

  g_return_val_if_fail (KD_IS_HEALTH (self), NULL);

  kd_health_update (self);
  for (guint i = 0; i < self->hosts->len; i++)
    {
      KdHealthHost *host = g_ptr_array_index (self->hosts, i);
      const char *dot = strchr (host->name, '.');

      /* a name, not an address */
      if (dot == NULL || dot[1] == '\0' || g_hostname_is_ip_address (host->name))
        continue;
      if (best == NULL || g_hash_table_size (host->cmids) > g_hash_table_size (best->cmids))
        best = host;
    }
  return best != NULL ? g_ascii_strdown (strchr (best->name, '.') + 1, -1) : NULL;
}

/**
 * kd_health_get_expiry_series:
 * @n_weeks: (out): how many weeks
 *
 * The clients whose activation expires in each of the 26 weeks from the
 * time of the snapshot (`count`), if they do not renew.  Empty when no
 * client's expiry is known, or none falls in them.
 *
 * Returns: (array length=n_weeks) (transfer none): the weeks
 */
const KdHealthDay *
kd_health_get_expiry_series (KdHealth *self,
                             guint    *n_weeks)
{
  g_return_val_if_fail (KD_IS_HEALTH (self), NULL);

  kd_health_update (self);
  *n_weeks = self->expiries->len;
  return (const KdHealthDay *) (gpointer) self->expiries->data;
}

/* JSON (docs/health-json.md) --------------------------------------------- */

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *time,
          const char  *format)
{
  g_autofree char *text = time != NULL ? g_date_time_format (time, format) : NULL;

  kd_json_add_string (builder, name, text);
}

static void
add_sources (JsonBuilder     *builder,
             KdHealthSources  sources)
{
  g_autoptr(GFlagsClass) flags = g_type_class_ref (KD_TYPE_HEALTH_SOURCES);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < flags->n_values; i++)
    if (flags->values[i].value != 0 && (sources & flags->values[i].value))
      json_builder_add_string_value (builder, flags->values[i].value_nick);
  json_builder_end_array (builder);
}

static void
client_to_json (KdHealthClient *client,
                JsonBuilder    *builder)
{
  json_builder_begin_object (builder);
  kd_json_add_string (builder, "name", kd_health_client_get_name (client));
  kd_json_add_strv (builder, "names", kd_health_client_get_names (client));
  kd_json_add_string (builder, "cmid", kd_health_client_get_cmid (client));
  kd_json_add_string (builder, "activation_id", kd_health_client_get_activation_id (client));
  kd_json_add_string (builder, "product", kd_product_edition (kd_health_client_get_activation_id (client), NULL));
  kd_json_add_string (builder, "kms_host", kd_health_client_get_kms_host (client));
  add_time (builder, "last_request", kd_health_client_get_last_request (client), "%Y-%m-%dT%H:%M");
  kd_json_add_string (builder, "license_state",
                      kd_health_client_get_license_state (client) != KD_CLIENT_LICENSE_UNKNOWN
                        ? kd_client_license_state_get_id (kd_health_client_get_license_state (client)) : NULL);
  kd_json_add_count (builder, "n_policy", kd_health_client_get_n_policy (client));
  kd_json_add_boolean (builder, "is_vm", kd_health_client_get_is_vm (client));
  add_time (builder, "expires", kd_health_client_get_expires (client), "%Y-%m-%d");
  kd_json_add_string (builder, "last_hresult", kd_health_client_get_last_hresult (client));
  kd_json_add_count (builder, "requests", kd_health_client_get_n_requests (client));
  add_sources (builder, kd_health_client_get_sources (client));
  json_builder_end_object (builder);
}

/**
 * kd_health_to_json:
 *
 * Adds the snapshot as an object of docs/health-json.md to @builder.
 */
void
kd_health_to_json (KdHealth    *self,
                   JsonBuilder *builder)
{
  GListModel *clients;

  g_return_if_fail (KD_IS_HEALTH (self));

  kd_health_update (self);
  clients = G_LIST_MODEL (self->clients);
  json_builder_begin_object (builder);
  add_time (builder, "as_of", self->as_of, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_set_member_name (builder, "inputs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->inputs)); i++)
    {
      g_autoptr(KdHealthInput) input = g_list_model_get_item (G_LIST_MODEL (self->inputs), i);

      json_builder_begin_object (builder);
      kd_json_add_string (builder, "path", kd_health_input_get_path (input));
      kd_json_add_string (builder, "kind", kd_enum_get_nick (KD_TYPE_HEALTH_INPUT_KIND, kd_health_input_get_kind (input)));
      kd_json_add_count (builder, "items", kd_health_input_get_items (input));
      kd_json_add_string (builder, "problem", kd_health_input_get_problem (input));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "count");
  json_builder_begin_object (builder);
  kd_json_add_count (builder, "value", self->count);
  kd_json_add_count (builder, "cap", self->cap);
  json_builder_set_member_name (builder, "by_n_policy");
  json_builder_begin_object (builder);
  kd_json_add_count (builder, "25", self->by_n_policy_25);
  kd_json_add_count (builder, "5", self->by_n_policy_5);
  json_builder_end_object (builder);
  kd_json_add_count (builder, "reported", self->reported);
  json_builder_set_member_name (builder, "can_activate");
  json_builder_begin_object (builder);
  kd_json_add_boolean (builder, "windows_client", self->count >= 25);
  kd_json_add_boolean (builder, "server_and_office", self->count >= 5);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "forecast");
  json_builder_begin_object (builder);
  add_time (builder, "below_25_on", self->below_25, "%Y-%m-%d");
  add_time (builder, "below_5_on", self->below_5, "%Y-%m-%d");
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "series");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "count");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->series->len; i++)
    {
      KdHealthDay *day = &g_array_index (self->series, KdHealthDay, i);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (day->time);

      json_builder_begin_object (builder);
      add_time (builder, "date", time, "%Y-%m-%d");
      kd_json_add_count (builder, "value", day->count);
      kd_json_add_boolean (builder, "forecast", day->forecast);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->requests->len; i++)
    {
      KdHealthDay *day = &g_array_index (self->requests, KdHealthDay, i);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (day->time);

      json_builder_begin_object (builder);
      add_time (builder, "date", time, "%Y-%m-%d");
      kd_json_add_count (builder, "succeeded", day->succeeded);
      kd_json_add_count (builder, "failed", day->failed);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "duplicate_cmids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KdHealthClient) client = g_list_model_get_item (clients, i);
      const char * const *names = kd_health_client_get_names (client);

      if (names[0] == NULL || names[1] == NULL)
        continue;
      json_builder_begin_object (builder);
      kd_json_add_string (builder, "cmid", kd_health_client_get_cmid (client));
      kd_json_add_strv (builder, "names", names);
      kd_json_add_count (builder, "requests", kd_health_client_get_n_requests (client));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "failures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->failures->len; i++)
    {
      KdHealthFailure *failure = g_ptr_array_index (self->failures, i);

      g_ptr_array_add (failure->clients, NULL);
      json_builder_begin_object (builder);
      kd_json_add_string (builder, "hresult", failure->hresult);
      kd_json_add_count (builder, "requests", failure->requests);
      kd_json_add_strv (builder, "clients", (const char * const *) failure->clients->pdata);
      json_builder_end_object (builder);
      g_ptr_array_set_size (failure->clients, failure->clients->len - 1);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "clients");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KdHealthClient) client = g_list_model_get_item (clients, i);
      client_to_json (client, builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "hosts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->hosts->len; i++)
    {
      KdHealthHost *host = g_ptr_array_index (self->hosts, i);

      json_builder_begin_object (builder);
      kd_json_add_string (builder, "name", host->name);
      kd_json_add_count (builder, "port", host->port);
      kd_json_add_count (builder, "clients", g_hash_table_size (host->cmids));
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
      for (guint s = 0; s < host->sources->len; s++)
        json_builder_add_string_value (builder, g_ptr_array_index (host->sources, s));
      json_builder_end_array (builder);
      kd_json_add_boolean (builder, "approved", host->approved);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  kd_finding_list_to_json (G_LIST_MODEL (self->findings), "findings", builder);
  json_builder_end_object (builder);
}
