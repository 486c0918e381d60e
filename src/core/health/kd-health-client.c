/* kd-health-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kd-enum-types.h"
#include "kd-hresult.h"
#include "kd-health-client-private.h"
#include "kd-products.h"

/* One client of a KMS deployment, by its machine ID (CMID): every name it
 * was reported under (as reported: an FQDN and a NetBIOS name are two
 * names, never merged), and what its latest request said.  Requests come
 * from the host's 12290 and the client's own 12288; a 12289 is the answer
 * to the client's 12288 before it. */

struct _KdHealthClient
{
  GObject parent_instance;

  char *cmid;
  GPtrArray *names;           /* sorted, NULL-terminated */
  KdKmsEvent *latest;         /* its latest request: what it says is read from it when asked */
  gint64 latest_seconds;
  KdKmsEvent *response;       /* the 12289 after it, if any */
  char *capture_activation_id;
  char *capture_kms_host;
  char *capture_path;         /* the file of its capture */
  guint n_requests;
  KdHealthSources sources;
  gint64 last_host_request;   /* the latest 12290, or G_MININT64 */
  gboolean unanswered;        /* its latest 12288 has no 12289 after it */
  gint64 skew_minutes;        /* the most its clock was off the host's, or -1 */

  /* made when asked */
  GDateTime *last_request;
  GDateTime *expires;
  GDateTime *last_host_request_time;
  char *search_text;
};

G_DEFINE_FINAL_TYPE (KdHealthClient, kd_health_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CMID,
  PROP_NAME,
  PROP_LAST_REQUEST,
  PROP_PRODUCT,
  PROP_KMS_HOST,
  PROP_LICENSE_STATE,
  PROP_EXPIRES,
  PROP_LAST_HRESULT,
  PROP_CLONE,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_health_client_finalize (GObject *object)
{
  KdHealthClient *self = (KdHealthClient *) object;

  g_free (self->cmid);
  g_ptr_array_unref (self->names);
  g_clear_object (&self->latest);
  g_clear_object (&self->response);
  g_free (self->capture_activation_id);
  g_free (self->capture_kms_host);
  g_free (self->capture_path);
  g_free (self->search_text);
  g_clear_pointer (&self->last_request, g_date_time_unref);
  g_clear_pointer (&self->expires, g_date_time_unref);
  g_clear_pointer (&self->last_host_request_time, g_date_time_unref);

  G_OBJECT_CLASS (kd_health_client_parent_class)->finalize (object);
}

static void
kd_health_client_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KdHealthClient *self = KD_HEALTH_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CMID:
      g_value_set_string (value, self->cmid);
      break;
    case PROP_NAME:
      g_value_set_string (value, kd_health_client_get_name (self));
      break;
    case PROP_LAST_REQUEST:
      g_value_set_boxed (value, kd_health_client_get_last_request (self));
      break;
    case PROP_PRODUCT:
      g_value_set_string (value, kd_product_edition (kd_health_client_get_activation_id (self), NULL));
      break;
    case PROP_KMS_HOST:
      g_value_set_string (value, kd_health_client_get_kms_host (self));
      break;
    case PROP_LICENSE_STATE:
      g_value_set_enum (value, kd_health_client_get_license_state (self));
      break;
    case PROP_EXPIRES:
      g_value_set_boxed (value, kd_health_client_get_expires (self));
      break;
    case PROP_LAST_HRESULT:
      g_value_set_string (value, kd_health_client_get_last_hresult (self));
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, kd_health_client_get_search_text (self));
      break;
    case PROP_CLONE:
      g_value_set_boolean (value, self->names->len > 2);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_health_client_class_init (KdHealthClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_health_client_finalize;
  object_class->get_property = kd_health_client_get_property;

  /**
   * KdHealthClient:cmid:
   *
   * The client's machine ID, in lower case.
   */
  properties[PROP_CMID] =
    g_param_spec_string ("cmid", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthClient:name: (nullable)
   *
   * The name of its latest request, or %NULL when only its capture told
   * of it.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthClient:last-request: (nullable)
   *
   * When it last asked, as the host logged it (UTC).
   */
  properties[PROP_LAST_REQUEST] =
    g_param_spec_boxed ("last-request", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthClient:product: (nullable)
   *
   * The edition its activation ID activates, or %NULL when unknown.
   */
  properties[PROP_PRODUCT] =
    g_param_spec_string ("product", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthClient:kms-host: (nullable)
   *
   * The host of its latest request, or the one its capture names.
   */
  properties[PROP_KMS_HOST] =
    g_param_spec_string ("kms-host", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthClient:license-state:
   *
   * The licence state its latest request reported.
   */
  properties[PROP_LICENSE_STATE] =
    g_param_spec_enum ("license-state", NULL, NULL, KD_TYPE_CLIENT_LICENSE_STATE, KD_CLIENT_LICENSE_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthClient:expires: (nullable)
   *
   * When its activation ends if it does not renew.
   */
  properties[PROP_EXPIRES] =
    g_param_spec_boxed ("expires", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthClient:last-hresult: (nullable)
   *
   * The result of its latest request, "0x00000000" for success.
   */
  properties[PROP_LAST_HRESULT] =
    g_param_spec_string ("last-hresult", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthClient:clone:
   *
   * Whether its CMID was reported under more than one name.
   */
  properties[PROP_CLONE] =
    g_param_spec_boolean ("clone", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthClient:search-text:
   *
   * What a search of the client table matches, in lower case.
   */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_health_client_init (KdHealthClient *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->names, NULL);
  self->latest_seconds = G_MININT64;
  self->last_host_request = G_MININT64;
  self->skew_minutes = -1;
}

KdHealthClient *
kd_health_client_new (const char *cmid)
{
  KdHealthClient *self = g_object_new (KD_TYPE_HEALTH_CLIENT, NULL);

  self->cmid = g_strdup (cmid);
  return self;
}

static void
add_name (KdHealthClient *self,
          const char     *name)
{
  guint i;

  if (name == NULL)
    return;
  for (i = 0; i + 1 < self->names->len; i++)
    {
      int order = strcmp (g_ptr_array_index (self->names, i), name);

      if (order == 0)
        return;
      if (order > 0)
        break;
    }
  g_ptr_array_insert (self->names, i, g_strdup (name));
  g_clear_pointer (&self->search_text, g_free);
  if (i == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  /* a second name: a clone */
  if (self->names->len == 3)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLONE]);
}

/**
 * kd_health_time_seconds:
 * @text: (nullable): a time as the event readers give it:
 *   "2026-11-30T08:00:00.000Z", "2026-11-30T08:00:00", or a client's clock
 *   "2026-11-30T08:00"
 *
 * The time in seconds since 1970, UTC (a time without an offset is taken
 * as UTC, the only clock there is), without a #GDateTime: a history holds
 * hundreds of thousands.
 *
 * Returns: the seconds, or %G_MININT64
 */
gint64
kd_health_time_seconds (const char *text)
{
  /* digits at their places in "2026-11-30T08:00:00", and the marks between */
  static const char shape[] = "dddd-dd-ddTdd:dd:dd";
  int y, mo, d, h, mi, se = 0;
  gsize length = text != NULL ? strlen (text) : 0;
  gsize n = length >= 19 && text[16] == ':' ? 19 : 16;
  gboolean plain = length >= 16;
  GDate date;

  for (gsize i = 0; plain && i < n; i++)
    plain = shape[i] == 'd' ? g_ascii_isdigit (text[i]) : text[i] == shape[i];
#define DIGITS2(p) ((text[p] - '0') * 10 + (text[(p) + 1] - '0'))
  if (plain)
    {
      y = DIGITS2 (0) * 100 + DIGITS2 (2);
      mo = DIGITS2 (5);
      d = DIGITS2 (8);
      h = DIGITS2 (11);
      mi = DIGITS2 (14);
      if (n == 19)
        se = DIGITS2 (17);
      /* what may follow: fractions, "Z", nothing */
      plain = (length == n || text[n] == '.' || text[n] == 'Z') && mo >= 1 && mo <= 12 && h <= 23 && mi <= 59 &&
              se <= 59 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) mo, (GDateYear) y);
    }
#undef DIGITS2
  if (!plain)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) time = text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;

      return time != NULL ? g_date_time_to_unix (time) : G_MININT64;
    }
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) mo, (GDateYear) y);
  /* Julian day 719163 is 1970-01-01 */
  return ((gint64) g_date_get_julian (&date) - 719163) * 86400 + h * 3600 + mi * 60 + se;
}

static GDateTime *
time_of (GDateTime **cache,
         gint64      seconds)
{
  if (*cache == NULL && seconds != G_MININT64)
    *cache = g_date_time_new_from_unix_utc (seconds);
  return *cache;
}

/**
 * kd_health_client_add_request:
 * @event: a 12290 the host logged, or a 12288 the client logged
 * @seconds: when it was logged (kd_health_time_seconds()), or
 *   %G_MININT64
 *
 * A request of this client: its name is added, and the latest request
 * gives the product, host, licence state and expiry.
 */
void
kd_health_client_add_request (KdHealthClient *self,
                              KdKmsEvent     *event,
                              gint64          seconds)
{
  int event_id = kd_kms_event_get_event_id (event);

  g_return_if_fail (KD_IS_HEALTH_CLIENT (self));
  g_return_if_fail (event_id == 12288 || event_id == 12290);

  self->n_requests++;
  self->sources |= event_id == 12290 ? KD_HEALTH_SOURCE_12290 : KD_HEALTH_SOURCE_12288;
  if (event_id == 12288)
    self->unanswered = TRUE;
  if (event_id == 12290 && seconds != G_MININT64)
    {
      gint64 client = kd_health_time_seconds (kd_kms_event_get_client_time (event));

      self->last_host_request = MAX (self->last_host_request, seconds);
      g_clear_pointer (&self->last_host_request_time, g_date_time_unref);
      /* the client's clock as it sent it, against the host's as it logged it */
      if (client != G_MININT64)
        self->skew_minutes = MAX (self->skew_minutes, ABS (seconds - client) / 60);
    }
  /* a 12290 names the client; a 12288 is logged on the client itself */
  add_name (self, event_id == 12290 ? kd_kms_event_get_client_name (event) : kd_kms_event_get_computer (event));

  if (self->latest != NULL && (seconds == G_MININT64 || seconds < self->latest_seconds))
    return;
  g_set_object (&self->latest, event);
  g_clear_object (&self->response);
  g_clear_pointer (&self->search_text, g_free);
  self->latest_seconds = seconds;
  g_clear_pointer (&self->last_request, g_date_time_unref);
  g_clear_pointer (&self->expires, g_date_time_unref);
  /* Not frozen: a snapshot adds a hundred thousand requests to clients
   * nobody watches yet, and freezing and thawing each time took an eighth
   * of making it (callgrind, health benchmark). */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REQUEST]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KMS_HOST]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LICENSE_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_HRESULT]);
}

/**
 * kd_health_client_add_response:
 * @event: a 12289: the host's answer to this client's 12288 before it
 * @seconds: when it was logged, or %G_MININT64
 */
void
kd_health_client_add_response (KdHealthClient *self,
                               KdKmsEvent     *event,
                               gint64          seconds)
{
  g_return_if_fail (KD_IS_HEALTH_CLIENT (self));

  self->sources |= KD_HEALTH_SOURCE_12289;
  self->unanswered = FALSE;
  if (seconds != G_MININT64 && self->latest != NULL && seconds >= self->latest_seconds &&
      g_set_object (&self->response, event))
    {
      g_clear_pointer (&self->search_text, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_HRESULT]);
    }
}

/**
 * kd_health_client_add_capture:
 * @path: (nullable): the file of the capture
 * @activation_id: (nullable): the product the client's capture shows
 * @kms_host: (nullable): the KMS host it names
 *
 * The client's own capture; what its requests said is kept.
 */
void
kd_health_client_add_capture (KdHealthClient *self,
                              const char     *path,
                              const char     *activation_id,
                              const char     *kms_host)
{
  g_return_if_fail (KD_IS_HEALTH_CLIENT (self));

  if (self->capture_path == NULL)
    self->capture_path = g_strdup (path);
  g_clear_pointer (&self->search_text, g_free);
  self->sources |= KD_HEALTH_SOURCE_CAPTURE;
  if (self->capture_activation_id == NULL && activation_id != NULL)
    {
      self->capture_activation_id = g_ascii_strdown (activation_id, -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
    }
  if (self->capture_kms_host == NULL && kms_host != NULL)
    {
      self->capture_kms_host = g_strdup (kms_host);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KMS_HOST]);
    }
}

/* Getters ---------------------------------------------------------------- */

const char *
kd_health_client_get_cmid (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);
  return self->cmid;
}

/**
 * kd_health_client_get_name:
 *
 * Returns: (nullable): the first of its names in order, or %NULL when no
 *   event named it
 */
const char *
kd_health_client_get_name (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);
  return g_ptr_array_index (self->names, 0);
}

/**
 * kd_health_client_get_names:
 *
 * Returns: (transfer none): every name it was reported under, sorted
 */
const char * const *
kd_health_client_get_names (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);
  return (const char * const *) self->names->pdata;
}

const char *
kd_health_client_get_activation_id (KdHealthClient *self)
{
  const char *latest;

  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);

  latest = self->latest != NULL ? kd_kms_event_get_activation_id (self->latest) : NULL;
  return latest != NULL ? latest : self->capture_activation_id;
}

/* The host: the one that logged its latest 12290, the one its latest
 * 12288 asked, or the one its capture names */
const char *
kd_health_client_get_kms_host (KdHealthClient *self)
{
  const char *latest = NULL;

  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);

  if (self->latest != NULL)
    latest = kd_kms_event_get_event_id (self->latest) == 12290 ? kd_kms_event_get_computer (self->latest)
                                                               : kd_kms_event_get_kms_host (self->latest);
  return latest != NULL ? latest : self->capture_kms_host;
}

/**
 * kd_health_client_get_last_request:
 *
 * Returns: (transfer none) (nullable): when it last asked
 */
GDateTime *
kd_health_client_get_last_request (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);
  return time_of (&self->last_request, self->latest_seconds);
}

KdClientLicenseState
kd_health_client_get_license_state (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), KD_CLIENT_LICENSE_UNKNOWN);
  return self->latest != NULL ? kd_kms_event_get_license_state (self->latest) : KD_CLIENT_LICENSE_UNKNOWN;
}

int
kd_health_client_get_n_policy (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), -1);
  return self->latest != NULL ? kd_kms_event_get_n_policy (self->latest) : -1;
}

int
kd_health_client_get_is_vm (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), -1);
  return self->latest != NULL ? kd_kms_event_get_is_vm (self->latest) : -1;
}

/**
 * kd_health_client_get_expires:
 *
 * Returns: (transfer none) (nullable): when its activation expires if it
 *   does not renew: its clock at the latest request plus the minutes left
 */
GDateTime *
kd_health_client_get_expires (KdHealthClient *self)
{
  gint64 clock, minutes;

  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);

  if (self->expires != NULL || self->latest == NULL)
    return self->expires;
  clock = kd_health_time_seconds (kd_kms_event_get_client_time (self->latest));
  minutes = kd_kms_event_get_minutes_to_expiry (self->latest);
  if (clock != G_MININT64 && minutes >= 0)
    self->expires = g_date_time_new_from_unix_utc (clock + MIN (minutes, G_MAXINT32) * 60);
  return self->expires;
}

/* The result of its latest request, or of the 12289 that answered it */
const char *
kd_health_client_get_last_hresult (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);

  if (self->response != NULL && kd_kms_event_get_hresult (self->response) != NULL)
    return kd_kms_event_get_hresult (self->response);
  return self->latest != NULL ? kd_kms_event_get_hresult (self->latest) : NULL;
}

/**
 * kd_health_client_get_capture_path:
 *
 * Returns: (nullable): the file of the client's own capture, when one was
 *   given
 */
const char *
kd_health_client_get_capture_path (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);
  return self->capture_path;
}

/**
 * kd_health_client_get_search_text:
 *
 * What a search of the client table matches, in lower case: its names,
 * machine ID, product, host and last result.
 *
 * Returns: the text
 */
const char *
kd_health_client_get_search_text (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);

  if (self->search_text == NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *names = g_strjoinv (" ", (char **) self->names->pdata);
      const char *parts[] = {
        names, self->cmid, kd_product_edition (kd_health_client_get_activation_id (self), NULL), kd_health_client_get_kms_host (self),
        kd_health_client_get_last_hresult (self),
      };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (parts[i] != NULL)
          g_string_append_printf (text, "%s\n", parts[i]);
      self->search_text = g_utf8_strdown (text->str, (gssize) text->len);
    }
  return self->search_text;
}

guint
kd_health_client_get_n_requests (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), 0);
  return self->n_requests;
}

KdHealthSources
kd_health_client_get_sources (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), KD_HEALTH_SOURCE_NONE);
  return self->sources;
}

/**
 * kd_health_client_get_last_host_request:
 *
 * Returns: (transfer none) (nullable): when the host last logged a request
 *   of it (12290)
 */
GDateTime *
kd_health_client_get_last_host_request (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);
  return time_of (&self->last_host_request_time, self->last_host_request);
}

/* Whether its latest 12288 had no 12289 after it: no answer came */
gboolean
kd_health_client_get_unanswered (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), FALSE);
  return self->unanswered;
}

/**
 * kd_health_client_get_skew_minutes:
 *
 * Returns: the most its clock, as it sent it in a request, was off the
 *   host's, in minutes; -1 when no 12290 tells
 */
gint64
kd_health_client_get_skew_minutes (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), -1);
  return self->skew_minutes;
}

/**
 * kd_health_client_matches:
 * @filter: a kind of client
 * @as_of: the time of the snapshot
 *
 * Returns: whether the client is of the kind @filter names, as of @as_of
 */
gboolean
kd_health_client_matches (KdHealthClient       *self,
                          KdHealthClientFilter  filter,
                          GDateTime            *as_of)
{
  const char *hresult;
  GDateTime *time;
  guint32 code;

  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), FALSE);
  g_return_val_if_fail (as_of != NULL, FALSE);

  switch (filter)
    {
    case KD_HEALTH_CLIENT_ALL:
      return TRUE;
    case KD_HEALTH_CLIENT_CLONES:
      return self->names->len > 2;
    case KD_HEALTH_CLIENT_FAILING:
      hresult = kd_health_client_get_last_hresult (self);
      return hresult != NULL && kd_hresult_parse (hresult, &code, NULL) && (code & 0x80000000) != 0;
    case KD_HEALTH_CLIENT_EXPIRING:
      time = kd_health_client_get_expires (self);
      return time != NULL && g_date_time_difference (time, as_of) <= (GTimeSpan) KD_HEALTH_EXPIRING_DAYS * G_TIME_SPAN_DAY;
    case KD_HEALTH_CLIENT_SILENT:
      time = kd_health_client_get_last_request (self);
      return time != NULL && g_date_time_difference (as_of, time) > (GTimeSpan) KD_HEALTH_SILENT_DAYS * G_TIME_SPAN_DAY;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* CSV ------------------------------------------------------------------- */

/* A cell of RFC 4180, safe to open in a spreadsheet: a value that starts
 * like a formula gets an apostrophe before it, so that a client named
 * "=HYPERLINK(…)" in a host's log stays text (OWASP's advice on CSV
 * injection). */
static void
append_cell (GString    *csv,
             const char *value,
             gboolean    last)
{
  if (value == NULL)
    value = "";
  if (strchr ("=+-@\t\r", *value) != NULL && *value != '\0')
    {
      g_autofree char *quoted = g_strconcat ("'", value, NULL);

      append_cell (csv, quoted, last);
      return;
    }
  if (strpbrk (value, ",\"\r\n") != NULL || g_ascii_isspace (*value))
    {
      g_string_append_c (csv, '"');
      for (const char *c = value; *c != '\0'; c++)
        {
          if (*c == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *c);
        }
      g_string_append_c (csv, '"');
    }
  else
    g_string_append (csv, value);
  g_string_append (csv, last ? "\r\n" : ",");
}

/**
 * kd_health_clients_to_csv:
 * @clients: a #GListModel of #KdHealthClient, as shown
 * @csv: where to append
 *
 * Writes @clients as CSV (RFC 4180, CRLF line ends), one row each in
 * their order, under a row of column titles in the UI language.
 */
void
kd_health_clients_to_csv (GListModel *clients,
                          GString    *csv)
{
  const char *titles[] = {
    _("Name"), _("Machine ID (CMID)"), _("Product"), _("KMS host"), _("Last request (UTC)"), _("State"),
    _("Expires (UTC)"), _("Last result"), _("Clone"), _("All names"),
  };

  g_return_if_fail (G_IS_LIST_MODEL (clients));
  g_return_if_fail (csv != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    append_cell (csv, titles[i], i + 1 == G_N_ELEMENTS (titles));
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KdHealthClient) client = g_list_model_get_item (clients, i);
      GDateTime *last = kd_health_client_get_last_request (client);
      GDateTime *expires = kd_health_client_get_expires (client);
      g_autofree char *last_text = last != NULL ? g_date_time_format (last, "%Y-%m-%d %H:%M") : NULL;
      g_autofree char *expires_text = expires != NULL ? g_date_time_format (expires, "%Y-%m-%d") : NULL;
      g_autofree char *names = g_strjoinv (" ", (char **) kd_health_client_get_names (client));
      gboolean clone = g_strv_length ((char **) kd_health_client_get_names (client)) > 1;

      append_cell (csv, kd_health_client_get_name (client), FALSE);
      append_cell (csv, kd_health_client_get_cmid (client), FALSE);
      append_cell (csv, kd_product_edition (kd_health_client_get_activation_id (client), NULL), FALSE);
      append_cell (csv, kd_health_client_get_kms_host (client), FALSE);
      append_cell (csv, last_text, FALSE);
      append_cell (csv, kd_client_license_state_get_label (kd_health_client_get_license_state (client)), FALSE);
      append_cell (csv, expires_text, FALSE);
      append_cell (csv, kd_health_client_get_last_hresult (client), FALSE);
      append_cell (csv, clone ? _("Yes") : "", FALSE);
      append_cell (csv, names, TRUE);
    }
}
