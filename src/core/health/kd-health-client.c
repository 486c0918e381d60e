/* kd-health-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kd-health-client-private.h"

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
  char *activation_id;
  char *kms_host;
  GDateTime *last_request;
  KdClientLicenseState license_state;
  int n_policy;
  int is_vm;
  GDateTime *expires;
  char *last_hresult;
  guint n_requests;
  KdHealthSources sources;
  GDateTime *last_host_request;   /* the latest 12290 */
  gboolean unanswered;            /* its latest 12288 has no 12289 after it */
  gint64 skew_minutes;            /* the most its clock was off the host's, or -1 */
};

G_DEFINE_FINAL_TYPE (KdHealthClient, kd_health_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CMID,
  PROP_NAME,
  PROP_LAST_REQUEST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_health_client_finalize (GObject *object)
{
  KdHealthClient *self = (KdHealthClient *) object;

  g_free (self->cmid);
  g_ptr_array_unref (self->names);
  g_free (self->activation_id);
  g_free (self->kms_host);
  g_clear_pointer (&self->last_request, g_date_time_unref);
  g_clear_pointer (&self->expires, g_date_time_unref);
  g_clear_pointer (&self->last_host_request, g_date_time_unref);
  g_free (self->last_hresult);

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
      g_value_set_boxed (value, self->last_request);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_health_client_init (KdHealthClient *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->names, NULL);
  self->license_state = KD_CLIENT_LICENSE_UNKNOWN;
  self->n_policy = -1;
  self->is_vm = -1;
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
}

static void
replace_string (char       **member,
                const char  *value)
{
  if (value == NULL)
    return;
  g_free (*member);
  *member = g_strdup (value);
}

/* The client's clock in an event's Info, taken as UTC */
static GDateTime *
client_clock (KdKmsEvent *event)
{
  const char *client_time = kd_kms_event_get_client_time (event);
  g_autofree char *iso = NULL;

  if (client_time == NULL)
    return NULL;
  iso = g_strconcat (client_time, ":00Z", NULL);
  return g_date_time_new_from_iso8601 (iso, NULL);
}

/* The client's clock plus the minutes its licence has left */
static GDateTime *
expiry_of (KdKmsEvent *event)
{
  gint64 minutes = kd_kms_event_get_minutes_to_expiry (event);
  g_autoptr(GDateTime) time = client_clock (event);

  if (time == NULL || minutes < 0)
    return NULL;
  return g_date_time_add_minutes (time, (int) MIN (minutes, G_MAXINT));
}

/**
 * kd_health_client_add_request:
 * @event: a 12290 the host logged, or a 12288 the client logged
 * @when: (nullable): when it was logged
 *
 * A request of this client: its name is added, and the latest request
 * gives the product, host, licence state and expiry.
 */
void
kd_health_client_add_request (KdHealthClient *self,
                              KdKmsEvent     *event,
                              GDateTime      *when)
{
  int event_id = kd_kms_event_get_event_id (event);
  gboolean latest;

  g_return_if_fail (KD_IS_HEALTH_CLIENT (self));
  g_return_if_fail (event_id == 12288 || event_id == 12290);

  self->n_requests++;
  self->sources |= event_id == 12290 ? KD_HEALTH_SOURCE_12290 : KD_HEALTH_SOURCE_12288;
  if (event_id == 12288)
    self->unanswered = TRUE;
  if (event_id == 12290 && when != NULL)
    {
      g_autoptr(GDateTime) client = client_clock (event);

      if (self->last_host_request == NULL || g_date_time_compare (when, self->last_host_request) > 0)
        {
          g_clear_pointer (&self->last_host_request, g_date_time_unref);
          self->last_host_request = g_date_time_ref (when);
        }
      /* the client's clock as it sent it, against the host's as it logged it */
      if (client != NULL)
        self->skew_minutes = MAX (self->skew_minutes, ABS (g_date_time_difference (when, client)) / G_TIME_SPAN_MINUTE);
    }
  /* a 12290 names the client; a 12288 is logged on the client itself */
  add_name (self, event_id == 12290 ? kd_kms_event_get_client_name (event) : kd_kms_event_get_computer (event));

  latest = self->last_request == NULL || (when != NULL && g_date_time_compare (when, self->last_request) >= 0);
  if (!latest)
    return;
  if (when != NULL)
    {
      g_clear_pointer (&self->last_request, g_date_time_unref);
      self->last_request = g_date_time_ref (when);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REQUEST]);
    }
  replace_string (&self->activation_id, kd_kms_event_get_activation_id (event));
  /* the host: the one that logged a 12290, the one a 12288 asked */
  replace_string (&self->kms_host, event_id == 12290 ? kd_kms_event_get_computer (event)
                                                      : kd_kms_event_get_kms_host (event));
  replace_string (&self->last_hresult, kd_kms_event_get_hresult (event));
  if (kd_kms_event_get_license_state (event) != KD_CLIENT_LICENSE_UNKNOWN)
    self->license_state = kd_kms_event_get_license_state (event);
  if (kd_kms_event_get_n_policy (event) > 0)
    self->n_policy = kd_kms_event_get_n_policy (event);
  if (kd_kms_event_get_is_vm (event) >= 0)
    self->is_vm = kd_kms_event_get_is_vm (event);
  {
    GDateTime *expires = expiry_of (event);

    if (expires != NULL)
      {
        g_clear_pointer (&self->expires, g_date_time_unref);
        self->expires = expires;
      }
  }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * kd_health_client_add_response:
 * @event: a 12289: the host's answer to this client's 12288 before it
 * @when: (nullable): when it was logged
 */
void
kd_health_client_add_response (KdHealthClient *self,
                               KdKmsEvent     *event,
                               GDateTime      *when)
{
  g_return_if_fail (KD_IS_HEALTH_CLIENT (self));

  self->sources |= KD_HEALTH_SOURCE_12289;
  self->unanswered = FALSE;
  if (when != NULL && self->last_request != NULL && g_date_time_compare (when, self->last_request) >= 0)
    replace_string (&self->last_hresult, kd_kms_event_get_hresult (event));
}

/**
 * kd_health_client_add_capture:
 * @activation_id: (nullable): the product the client's capture shows
 * @kms_host: (nullable): the KMS host it names
 *
 * The client's own capture; what its requests said is kept.
 */
void
kd_health_client_add_capture (KdHealthClient *self,
                              const char     *activation_id,
                              const char     *kms_host)
{
  g_return_if_fail (KD_IS_HEALTH_CLIENT (self));

  self->sources |= KD_HEALTH_SOURCE_CAPTURE;
  if (self->activation_id == NULL && activation_id != NULL)
    self->activation_id = g_ascii_strdown (activation_id, -1);
  if (self->kms_host == NULL)
    self->kms_host = g_strdup (kms_host);
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
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);
  return self->activation_id;
}

const char *
kd_health_client_get_kms_host (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);
  return self->kms_host;
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
  return self->last_request;
}

KdClientLicenseState
kd_health_client_get_license_state (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), KD_CLIENT_LICENSE_UNKNOWN);
  return self->license_state;
}

int
kd_health_client_get_n_policy (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), -1);
  return self->n_policy;
}

int
kd_health_client_get_is_vm (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), -1);
  return self->is_vm;
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
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);
  return self->expires;
}

const char *
kd_health_client_get_last_hresult (KdHealthClient *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_CLIENT (self), NULL);
  return self->last_hresult;
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
  return self->last_host_request;
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
