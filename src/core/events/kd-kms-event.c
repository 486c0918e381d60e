/* kd-kms-event.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "kd-capture-date.h"
#include "kd-enum-types.h"
#include "kd-event-lines.h"
#include "kd-hresult.h"
#include "kd-json.h"
#include "kd-kms-event-private.h"

/* One event of a licensing source, as an export gave it, and what its
 * Info says.  The KMS events print their fields as one comma-joined
 * insertion string (%1, after "Info:"): 12288 and 12289 join them with
 * ", ", 12290 with "," (kms-events.md §1); the other licensing events
 * have an insertion string per value.  The readers give either the
 * insertion strings (XML, evtx, JSON) or the message (text exports);
 * kd_kms_event_finish() makes the Info values of both, then reads them by
 * event ID.  A value that is not what its place holds is left out (NULL,
 * -1), never guessed: the raw values stay in `info`. */

struct _KdKmsEvent
{
  GObject parent_instance;

  int event_id;
  gint64 record_id;
  char *time;
  char *time_text;
  char *log;
  char *source;
  KdEventLevel level;
  char *computer;
  char *message;
  GPtrArray *data;        /* the insertion strings, when the export has them */
  GStrv info;

  /* decoded */
  char *hresult;
  gint64 status_flags;
  char *kms_host;
  int kms_port;
  char *client_name;
  char *cmid;
  char *client_time;
  char *client_time_text;
  int is_vm;
  KdClientLicenseState license_state;
  gint64 minutes_to_expiry;
  char *activation_id;
  int n_policy;
  int activated;
  gint64 current_count;
  gint64 activation_interval;
  gint64 renewal_interval;
  char *domain;
  char *app_id;
  char *trigger;
};

G_DEFINE_FINAL_TYPE (KdKmsEvent, kd_kms_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EVENT_ID,
  PROP_TIME,
  PROP_SOURCE,
  PROP_COMPUTER,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_decoded (KdKmsEvent *self)
{
  g_clear_pointer (&self->info, g_strfreev);
  g_clear_pointer (&self->hresult, g_free);
  g_clear_pointer (&self->kms_host, g_free);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->cmid, g_free);
  g_clear_pointer (&self->client_time, g_free);
  g_clear_pointer (&self->client_time_text, g_free);
  g_clear_pointer (&self->activation_id, g_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->app_id, g_free);
  g_clear_pointer (&self->trigger, g_free);
  self->status_flags = -1;
  self->kms_port = -1;
  self->is_vm = -1;
  self->license_state = KD_CLIENT_LICENSE_UNKNOWN;
  self->minutes_to_expiry = -1;
  self->n_policy = -1;
  self->activated = -1;
  self->current_count = -1;
  self->activation_interval = -1;
  self->renewal_interval = -1;
}

static void
kd_kms_event_finalize (GObject *object)
{
  KdKmsEvent *self = (KdKmsEvent *) object;

  clear_decoded (self);
  g_free (self->time);
  g_free (self->time_text);
  g_free (self->log);
  g_free (self->source);
  g_free (self->computer);
  g_free (self->message);
  g_clear_pointer (&self->data, g_ptr_array_unref);

  G_OBJECT_CLASS (kd_kms_event_parent_class)->finalize (object);
}

static void
kd_kms_event_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KdKmsEvent *self = KD_KMS_EVENT (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      g_value_set_int (value, self->event_id);
      break;
    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_COMPUTER:
      g_value_set_string (value, self->computer);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_kms_event_class_init (KdKmsEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_kms_event_finalize;
  object_class->get_property = kd_kms_event_get_property;

  /**
   * KdKmsEvent:event-id:
   *
   * The event ID (12290…), or -1 when the export did not say.
   */
  properties[PROP_EVENT_ID] =
    g_param_spec_int ("event-id", NULL, NULL, -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdKmsEvent:time: (nullable)
   *
   * When it was logged: UTC (`…Z`) when the export says so, else the
   * local time printed, when it can be read without doubt.
   */
  properties[PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdKmsEvent:source: (nullable)
   *
   * The provider or source, as printed.
   */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdKmsEvent:computer: (nullable)
   *
   * The machine that logged it, as printed.
   */
  properties[PROP_COMPUTER] =
    g_param_spec_string ("computer", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdKmsEvent:message: (nullable)
   *
   * The description, as printed.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_kms_event_init (KdKmsEvent *self)
{
  self->event_id = -1;
  self->record_id = -1;
  clear_decoded (self);
}

KdKmsEvent *
kd_kms_event_new (void)
{
  return g_object_new (KD_TYPE_KMS_EVENT, NULL);
}

/* Setters, for the readers ----------------------------------------------- */

static void
set_string (KdKmsEvent *self,
            char      **member,
            const char *value,
            int         prop)
{
  g_autofree char *stripped = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (*member, stripped) == 0)
    return;
  g_free (*member);
  *member = g_steal_pointer (&stripped);
  if (prop != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
kd_kms_event_set_event_id (KdKmsEvent *self,
                           int         event_id)
{
  g_return_if_fail (KD_IS_KMS_EVENT (self));

  if (self->event_id == event_id)
    return;
  self->event_id = event_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
}

void
kd_kms_event_set_record_id (KdKmsEvent *self,
                            gint64      record_id)
{
  g_return_if_fail (KD_IS_KMS_EVENT (self));

  self->record_id = record_id;
}

void
kd_kms_event_set_time (KdKmsEvent *self,
                       const char *iso,
                       const char *text)
{
  g_return_if_fail (KD_IS_KMS_EVENT (self));

  set_string (self, &self->time, iso, PROP_TIME);
  set_string (self, &self->time_text, text, PROP_0);
}

void
kd_kms_event_set_log (KdKmsEvent *self,
                      const char *log)
{
  g_return_if_fail (KD_IS_KMS_EVENT (self));

  set_string (self, &self->log, log, PROP_0);
}

void
kd_kms_event_set_source (KdKmsEvent *self,
                         const char *source)
{
  g_return_if_fail (KD_IS_KMS_EVENT (self));

  set_string (self, &self->source, source, PROP_SOURCE);
}

void
kd_kms_event_set_level (KdKmsEvent   *self,
                        KdEventLevel  level)
{
  g_return_if_fail (KD_IS_KMS_EVENT (self));

  self->level = level;
}

void
kd_kms_event_set_computer (KdKmsEvent *self,
                           const char *computer)
{
  g_return_if_fail (KD_IS_KMS_EVENT (self));

  set_string (self, &self->computer, computer, PROP_COMPUTER);
}

/* Line ends as Windows writes them (CR LF, or a lone CR from XML's &#13;)
 * become LF; the message keeps its lines. */
void
kd_kms_event_set_message (KdKmsEvent *self,
                          const char *message)
{
  g_autoptr(GString) text = NULL;

  g_return_if_fail (KD_IS_KMS_EVENT (self));

  if (message == NULL)
    {
      set_string (self, &self->message, NULL, PROP_MESSAGE);
      return;
    }
  text = g_string_new (message);
  g_string_replace (text, "\r\n", "\n", 0);
  g_string_replace (text, "\r", "\n", 0);
  set_string (self, &self->message, text->str, PROP_MESSAGE);
}

/**
 * kd_kms_event_take_data:
 * @data: (transfer full): the event's insertion strings, in order
 */
void
kd_kms_event_take_data (KdKmsEvent *self,
                        GPtrArray  *data)
{
  g_return_if_fail (KD_IS_KMS_EVENT (self));

  g_clear_pointer (&self->data, g_ptr_array_unref);
  self->data = data;
}

/* Reading the Info ----------------------------------------------------- */

static gboolean
is_kms_request_event (int event_id)
{
  return event_id == 12288 || event_id == 12289 || event_id == 12290;
}

static GStrv
split_joined (const char *joined)
{
  g_auto(GStrv) parts = g_strsplit (joined, ",", -1);
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    g_strv_builder_add (builder, g_strstrip (parts[i]));
  /* "…, <activation id>, " ends in an empty N-policy: kept, it is a place */
  return g_strv_builder_unref_to_strv (builder);
}

/* The text after the message's "Info:" line, up to its end */
static const char *
find_info_text (const char *message)
{
  const char *p = message;

  while (p != NULL && *p != '\0')
    {
      const char *line = p;
      const char *end = strchr (line, '\n');

      while (*line == ' ' || *line == '\t')
        line++;
      if (kd_event_starts_with (line, "Info:"))
        {
          const char *rest = line + strlen ("Info:");

          /* on the label's line, or on the next line that has text */
          while (g_ascii_isspace (*rest))
            rest++;
          return *rest != '\0' ? rest : NULL;
        }
      p = end != NULL ? end + 1 : NULL;
    }

  /* Microsoft's own examples print the Info line alone: "0x0, 0x0, …" */
  for (p = message; g_ascii_isspace (*p); p++)
    ;
  if (kd_event_starts_with (p, "0x") || kd_event_starts_with (p, "0X"))
    {
      gsize line = strcspn (p, "\n");
      guint commas = 0;

      for (gsize i = 0; i < line; i++)
        commas += p[i] == ',';
      if (commas >= 7)
        return p;
    }
  return NULL;
}

static void
make_info (KdKmsEvent *self)
{
  if (self->data != NULL && self->data->len > 0)
    {
      const char *first = g_ptr_array_index (self->data, 0);

      /* 12290's joined Info, possibly followed by its fields one by one */
      if (is_kms_request_event (self->event_id) && strchr (first, ',') != NULL)
        {
          self->info = split_joined (first);
          return;
        }
      {
        GStrvBuilder *builder = g_strv_builder_new ();

        for (guint i = 0; i < self->data->len; i++)
          {
            g_autofree char *value = g_strstrip (g_strdup (g_ptr_array_index (self->data, i)));
            g_strv_builder_add (builder, value);
          }
        self->info = g_strv_builder_unref_to_strv (builder);
      }
      return;
    }

  if (self->message != NULL && is_kms_request_event (self->event_id))
    {
      const char *text = find_info_text (self->message);

      if (text != NULL)
        {
          g_autofree char *line = g_strndup (text, strcspn (text, "\n"));
          self->info = split_joined (line);
          return;
        }
    }
  self->info = g_new0 (char *, 1);
}

static const char *
info_at (KdKmsEvent *self,
         guint       i)
{
  if (i >= g_strv_length (self->info) || self->info[i][0] == '\0')
    return NULL;
  return self->info[i];
}

static gboolean
read_int64 (const char *text,
            gint64     *out)
{
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = value;
  return TRUE;
}

static char *
read_hresult (const char *text)
{
  guint32 value;

  if (text == NULL || !kd_event_starts_with (text, "0x") || !kd_hresult_parse (text, &value, NULL))
    return NULL;
  return kd_hresult_format (value);
}

static gint64
read_hex (const char *text)
{
  guint64 value;

  if (text == NULL || !(kd_event_starts_with (text, "0x") || kd_event_starts_with (text, "0X")) ||
      !g_ascii_string_to_unsigned (text + 2, 16, 0, G_MAXUINT32, &value, NULL))
    return -1;
  return (gint64) value;
}

static gboolean
is_guid (const char *text)
{
  static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

  if (text == NULL)
    return FALSE;
  if (*text == '{' && strlen (text) == sizeof shape + 1 && text[sizeof shape] == '}')
    text++;
  else if (strlen (text) != sizeof shape - 1)
    return FALSE;
  for (guint i = 0; i < sizeof shape - 1; i++)
    if (shape[i] == '-' ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

static char *
read_guid (const char *text)
{
  if (!is_guid (text))
    return NULL;
  if (*text == '{')
    return g_ascii_strdown (text + 1, 36);
  return g_ascii_strdown (text, -1);
}

/* The client's clock: "2024/3/1 10:15" as every real event prints it,
 * "3/1/2024 10:15" in one of Microsoft's examples (month first). */
static char *
read_client_time (const char *text)
{
  int a, b, c, hour, minute;
  int year, month, day;
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || sscanf (text, "%d/%d/%d %d:%d", &a, &b, &c, &hour, &minute) != 5)
    return NULL;
  if (a > 31)
    year = a, month = b, day = c;
  else if (c > 31 && a <= 12)
    year = c, month = a, day = b;
  else
    return NULL;
  time = g_date_time_new_utc (year, month, day, hour, minute, 0);
  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M") : NULL;
}

/* "kms01.contoso.com:1688", "[2001:db8::1]:1688", or a host alone */
static void
read_host_port (KdKmsEvent *self,
                const char *text)
{
  const char *colon;
  gint64 port;

  if (text == NULL)
    return;
  colon = strrchr (text, ':');
  if (colon != NULL && read_int64 (colon + 1, &port) && port > 0 && port <= 65535 &&
      (text[0] == '[' || strchr (text, ':') == colon))
    {
      gsize end = colon - text;

      if (text[0] == '[' && end > 1 && text[end - 1] == ']')
        self->kms_host = g_strndup (text + 1, end - 2);
      else
        self->kms_host = g_strndup (text, end);
      self->kms_port = (int) port;
    }
  else
    self->kms_host = g_strdup (text);
}

static void
read_flag (const char *text,
           int        *out)
{
  if (g_strcmp0 (text, "0") == 0)
    *out = 0;
  else if (g_strcmp0 (text, "1") == 0)
    *out = 1;
}

static void
read_license_state (KdKmsEvent *self,
                    const char *text)
{
  gint64 state;

  if (read_int64 (text, &state) && state >= KD_CLIENT_LICENSE_UNLICENSED && state <= KD_CLIENT_LICENSE_EXTENDED_GRACE)
    self->license_state = (KdClientLicenseState) state;
}

static void
read_n_policy (KdKmsEvent *self,
               const char *text)
{
  gint64 n;

  if (read_int64 (text, &n) && n > 0 && n <= 1000)
    self->n_policy = (int) n;
}

static void
read_client_fields (KdKmsEvent *self,
                    guint       cmid,
                    guint       time)
{
  gint64 minutes;

  self->cmid = read_guid (info_at (self, cmid));
  self->client_time_text = g_strdup (info_at (self, time));
  self->client_time = read_client_time (self->client_time_text);
  read_flag (info_at (self, time + 1), &self->is_vm);
  read_license_state (self, info_at (self, time + 2));
  if (read_int64 (info_at (self, time + 3), &minutes) && minutes >= 0)
    self->minutes_to_expiry = minutes;
  self->activation_id = read_guid (info_at (self, time + 4));
}

/* "key=value" of a rule string ("…;AppId=55c9…;SkuId=…;Trigger=TimerEvent"),
 * or "Key = value" of a message line */
static char *
find_value (const char *haystack,
            const char *key)
{
  const char *p = haystack;
  gsize key_length = strlen (key);

  while (p != NULL && (p = strstr (p, key)) != NULL)
    {
      const char *v = p + key_length;
      gboolean starts = p == haystack || !g_ascii_isalnum (p[-1]);

      p = v;
      while (*v == ' ')
        v++;
      if (!starts || *v != '=')
        continue;
      v++;
      while (*v == ' ')
        v++;
      return g_strndup (v, strcspn (v, ";,\n\r "));
    }
  return NULL;
}

static void
read_rule_string (KdKmsEvent *self)
{
  g_autoptr(GString) haystack = g_string_new (self->message);
  g_autofree char *hr = NULL;
  g_autofree char *sku = NULL;

  for (guint i = 0; self->info[i] != NULL; i++)
    {
      g_string_append_c (haystack, '\n');
      g_string_append (haystack, self->info[i]);
    }

  hr = find_value (haystack->str, "hr");
  if (hr == NULL)
    {
      /* 8233: "Reason:0x8007007B" */
      const char *reason = strstr (haystack->str, "Reason:");
      if (reason != NULL)
        hr = g_strndup (reason + strlen ("Reason:"), strcspn (reason + strlen ("Reason:"), ",;\n\r "));
    }
  self->hresult = read_hresult (hr);
  sku = find_value (haystack->str, "SkuId");
  if (sku == NULL)
    sku = find_value (haystack->str, "Sku Id");
  self->activation_id = read_guid (sku);
  {
    g_autofree char *app = find_value (haystack->str, "AppId");
    self->app_id = read_guid (app);
  }
  self->trigger = find_value (haystack->str, "Trigger");
}

/* "in the 'contoso.com' domain" */
static char *
domain_from_message (const char *message)
{
  const char *open = message != NULL ? strchr (message, '\'') : NULL;
  const char *close = open != NULL ? strchr (open + 1, '\'') : NULL;

  return close != NULL && close > open + 1 ? g_strndup (open + 1, close - open - 1) : NULL;
}

/**
 * kd_kms_event_finish:
 *
 * Reads the Info of an event whose record is complete.
 */
void
kd_kms_event_finish (KdKmsEvent *self)
{
  gint64 value;

  g_return_if_fail (KD_IS_KMS_EVENT (self));

  clear_decoded (self);
  make_info (self);

  switch (self->event_id)
    {
    case 12288:
      self->hresult = read_hresult (info_at (self, 0));
      self->status_flags = read_hex (info_at (self, 1));
      read_host_port (self, info_at (self, 2));
      read_client_fields (self, 3, 4);
      read_n_policy (self, info_at (self, 9));
      break;

    case 12289:
      self->hresult = read_hresult (info_at (self, 0));
      self->status_flags = read_hex (info_at (self, 1));
      read_flag (info_at (self, 2), &self->activated);
      if (read_int64 (info_at (self, 4), &value) && value >= 0)
        self->current_count = value;
      if (read_int64 (info_at (self, 5), &value) && value >= 0)
        self->activation_interval = value;
      if (read_int64 (info_at (self, 6), &value) && value >= 0)
        self->renewal_interval = value;
      self->client_time_text = g_strdup (info_at (self, 7));
      self->client_time = read_client_time (self->client_time_text);
      break;

    case 12290:
      self->hresult = read_hresult (info_at (self, 0));
      read_n_policy (self, info_at (self, 1));
      self->client_name = g_strdup (info_at (self, 2));
      read_client_fields (self, 3, 4);
      break;

    case 12293:
      /* %1 the HRESULT, %2 the domain */
      self->hresult = read_hresult (info_at (self, 0));
      self->domain = g_strdup (info_at (self, 1));
      if (self->domain == NULL)
        self->domain = domain_from_message (self->message);
      break;

    case 12294:
      self->domain = g_strdup (info_at (self, 0));
      if (self->domain == NULL)
        self->domain = domain_from_message (self->message);
      break;

    case 8198:
    case 8233:
    case 8200:
    case 12308:
    case 8213:
    case 8214:
    case 8215:
      read_rule_string (self);
      break;

    default:
      break;
    }
}

/* "2024-03-01T10:15:30.1234567Z" → "2024-03-01T10:15:30.123Z"; %NULL for
 * a time that is not UTC */
char *
kd_event_utc_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *seconds = NULL;

  if (text == NULL || !g_str_has_suffix (text, "Z"))
    return NULL;
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return NULL;
  seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  if (strchr (text, '.') == NULL)
    return g_strdup_printf ("%sZ", seconds);
  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (time) / 1000);
}

/**
 * kd_kms_event_set_time_text:
 * @text: (nullable): a time as an export printed it
 * @language: (nullable): the language of the export's labels
 *
 * UTC when @text says so ("…Z"), else the local time printed when it can
 * be read without doubt; @text is kept as printed either way.
 */
void
kd_kms_event_set_time_text (KdKmsEvent *self,
                            const char *text,
                            const char *language)
{
  g_autofree char *utc = kd_event_utc_time (text);
  g_autofree char *local = NULL;

  if (utc == NULL && text != NULL)
    kd_capture_parse_date (text, 0, language, &local);
  kd_kms_event_set_time (self, utc != NULL ? utc : local, text);
}

/* The words the exports print for a level, and Get-EventLog's 0 */
static const struct {
  const char *word;
  KdEventLevel level;
} level_words[] = {
  { "Information", KD_EVENT_LEVEL_INFORMATION },
  { "Warning", KD_EVENT_LEVEL_WARNING },
  { "Error", KD_EVENT_LEVEL_ERROR },
  { "Critical", KD_EVENT_LEVEL_CRITICAL },
  { "Verbose", KD_EVENT_LEVEL_VERBOSE },
  { "0", KD_EVENT_LEVEL_INFORMATION },
};

/**
 * kd_kms_event_set_level_text:
 * @text: (nullable): a level as printed: a word, or Windows' number
 *
 * A number is Windows' (0, LogAlways, is information, as Event Viewer
 * shows it); a word is English.  Anything else leaves the level as it is.
 */
void
kd_kms_event_set_level_text (KdKmsEvent *self,
                             const char *text)
{
  guint64 n;

  if (text == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (level_words); i++)
    if (g_ascii_strcasecmp (text, level_words[i].word) == 0)
      {
        kd_kms_event_set_level (self, level_words[i].level);
        return;
      }
  if (g_ascii_string_to_unsigned (text, 10, 0, KD_EVENT_LEVEL_VERBOSE, &n, NULL))
    kd_kms_event_set_level (self, n == 0 ? KD_EVENT_LEVEL_INFORMATION : (KdEventLevel) n);
}

/* The first sentence of each message the licensing services write in
 * English (sppsvc.exe's message table, slmgr-and-events.md §4.2): the
 * event ID of a message pasted without its header. */
static const struct {
  const char *start;
  int event_id;
} messages[] = {
  { "The client has sent an activation request to the key management service machine.", 12288 },
  { "The client has processed an activation response from the key management service machine.", 12289 },
  { "An activation request has been processed.", 12290 },
  { "Key Management Service (KMS) failed to start.", 12291 },
  { "Volume-licensed client was unable to initialize the Key Management Service (KMS) renewal timer.", 12292 },
  { "Active Directory Activation has succeeded.", 12308 },
  { "License Activation (slui.exe) failed with the following error code:", 8198 },
  { "The rules engine reported a failed VL activation attempt.", 8233 },
  { "License acquisition failure details.", 8200 },
  { "The Software Protection service has completed licensing status check.", 1003 },
  { "Activation Object cannot be retrieved from Active Directory.", 8213 },
  { "Active Directory Activation Object is not usable.", 8214 },
  { "Active Directory Activation has failed.", 8215 },
};

/**
 * kd_event_id_from_message:
 * @message: a message as printed
 *
 * Returns: the ID of the event whose message @message is, or -1
 */
int
kd_event_id_from_message (const char *message)
{
  const char *p;

  if (message == NULL)
    return -1;
  for (p = message; g_ascii_isspace (*p); p++)
    ;
  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    if (kd_event_starts_with (p, messages[i].start))
      return messages[i].event_id;
  /* the one whose domain comes first */
  if (kd_event_starts_with (p, "Publishing the Key Management Service (KMS) to DNS in the '"))
    return strstr (p, "' domain failed.") != NULL ? 12293 : strstr (p, "' domain is successful.") != NULL ? 12294 : -1;
  return -1;
}

static gboolean
is_hex_value (const char *text)
{
  return (kd_event_starts_with (text, "0x") || kd_event_starts_with (text, "0X")) && text[2] != '\0' &&
         strspn (text + 2, "0123456789abcdefABCDEF") == strlen (text + 2);
}

/**
 * kd_event_id_from_info_line:
 * @line: one line of text
 *
 * The event whose Info line @line is, by its shape: 9 values with a count
 * second and a CMID fourth (12290), 10 with a host:port third (12288), 8
 * with an activated flag third (12289).
 *
 * Returns: the event ID, or -1
 */
int
kd_event_id_from_info_line (const char *line)
{
  g_auto(GStrv) fields = NULL;
  g_autofree char *first = NULL;
  guint n;

  if (line == NULL)
    return -1;
  first = g_strndup (line, strcspn (line, ","));
  if (!is_hex_value (g_strstrip (first)))
    return -1;
  fields = g_strsplit (line, ",", 12);
  n = g_strv_length (fields);
  for (guint i = 0; i < n; i++)
    g_strstrip (fields[i]);
  if (n == 9 && g_ascii_string_to_unsigned (fields[1], 10, 1, 1000, NULL, NULL) && is_guid (fields[3]))
    return 12290;
  if (n == 10 && is_hex_value (fields[1]) && strchr (fields[2], ':') != NULL && is_guid (fields[3]))
    return 12288;
  if (n == 8 && is_hex_value (fields[1]) && (g_str_equal (fields[2], "0") || g_str_equal (fields[2], "1")))
    return 12289;
  return -1;
}

/* Getters ---------------------------------------------------------------- */

int
kd_kms_event_get_event_id (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), -1);
  return self->event_id;
}

gint64
kd_kms_event_get_record_id (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), -1);
  return self->record_id;
}

const char *
kd_kms_event_get_time (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->time;
}

const char *
kd_kms_event_get_time_text (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->time_text;
}

const char *
kd_kms_event_get_log (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->log;
}

const char *
kd_kms_event_get_source (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->source;
}

KdEventLevel
kd_kms_event_get_level (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), KD_EVENT_LEVEL_UNKNOWN);
  return self->level;
}

const char *
kd_kms_event_get_computer (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->computer;
}

const char *
kd_kms_event_get_message (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->message;
}

/**
 * kd_kms_event_get_info:
 *
 * Returns: (transfer none): the Info values as printed, trimmed
 */
const char * const *
kd_kms_event_get_info (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return (const char * const *) self->info;
}

const char *
kd_kms_event_get_hresult (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->hresult;
}

gint64
kd_kms_event_get_status_flags (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), -1);
  return self->status_flags;
}

const char *
kd_kms_event_get_kms_host (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->kms_host;
}

int
kd_kms_event_get_kms_port (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), -1);
  return self->kms_port;
}

const char *
kd_kms_event_get_client_name (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->client_name;
}

const char *
kd_kms_event_get_cmid (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->cmid;
}

const char *
kd_kms_event_get_client_time (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->client_time;
}

const char *
kd_kms_event_get_client_time_text (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->client_time_text;
}

/* 1 or 0, or -1 when the event does not say */
int
kd_kms_event_get_is_vm (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), -1);
  return self->is_vm;
}

KdClientLicenseState
kd_kms_event_get_license_state (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), KD_CLIENT_LICENSE_UNKNOWN);
  return self->license_state;
}

gint64
kd_kms_event_get_minutes_to_expiry (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), -1);
  return self->minutes_to_expiry;
}

const char *
kd_kms_event_get_activation_id (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->activation_id;
}

int
kd_kms_event_get_n_policy (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), -1);
  return self->n_policy;
}

int
kd_kms_event_get_activated (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), -1);
  return self->activated;
}

gint64
kd_kms_event_get_current_count (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), -1);
  return self->current_count;
}

const char *
kd_kms_event_get_domain (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return self->domain;
}

/**
 * kd_kms_event_is_licensing_source:
 * @source: (nullable): a provider or source name, as printed
 *
 * Whether @source is one of the licensing services' (Security-SPP,
 * Security-Licensing-SLC, Software Protection Platform Service, Office
 * Software Protection Platform Service, KmsRequests).
 */
gboolean
kd_kms_event_is_licensing_source (const char *source)
{
  static const char * const names[] = {
    "Security-SPP", "Security-Licensing-SLC", "Software Protection Platform Service",
    "Office Software Protection Platform Service", "KmsRequests", "Software Licensing Service",
  };

  if (source == NULL)
    return FALSE;
  if (g_ascii_strncasecmp (source, "Microsoft-Windows-", strlen ("Microsoft-Windows-")) == 0)
    source += strlen ("Microsoft-Windows-");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (source, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* JSON (docs/events-json.md) ---------------------------------------------- */

static void
add_bool_or_null (JsonBuilder *builder,
                  const char  *name,
                  int          value)
{
  json_builder_set_member_name (builder, name);
  if (value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, value != 0);
}

void
kd_kms_event_to_json (KdKmsEvent  *self,
                      JsonBuilder *builder)
{
  gboolean client_state = self->event_id == 12288 || self->event_id == 12290;

  g_return_if_fail (KD_IS_KMS_EVENT (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  kd_json_add_count (builder, "event_id", self->event_id);
  kd_json_add_count (builder, "record_id", self->record_id);
  kd_json_add_string (builder, "time", self->time);
  kd_json_add_string (builder, "time_text", self->time_text);
  kd_json_add_string (builder, "log", self->log);
  kd_json_add_string (builder, "source", self->source);
  kd_json_add_string (builder, "level", kd_event_level_get_id (self->level));
  kd_json_add_string (builder, "computer", self->computer);
  kd_json_add_string (builder, "message", self->message);
  kd_json_add_strv (builder, "info", (const char * const *) self->info);

  kd_json_add_string (builder, "hresult", self->hresult);
  kd_json_add_count (builder, "status_flags", self->status_flags);
  json_builder_set_member_name (builder, "status");
  if (self->status_flags < 0)
    json_builder_add_null_value (builder);
  else
    {
      g_autoptr(GFlagsClass) flags = g_type_class_ref (KD_TYPE_KMS_STATUS_FLAGS);

      json_builder_begin_array (builder);
      for (guint i = 0; i < flags->n_values; i++)
        if (flags->values[i].value != 0 && (self->status_flags & flags->values[i].value) == flags->values[i].value)
          json_builder_add_string_value (builder, flags->values[i].value_nick);
      json_builder_end_array (builder);
    }
  kd_json_add_string (builder, "kms_host", self->kms_host);
  kd_json_add_count (builder, "kms_port", self->kms_port);
  kd_json_add_string (builder, "client_name", self->client_name);
  kd_json_add_string (builder, "cmid", self->cmid);
  kd_json_add_string (builder, "client_time", self->client_time);
  kd_json_add_string (builder, "client_time_text", self->client_time_text);
  add_bool_or_null (builder, "is_vm", self->is_vm);
  kd_json_add_string (builder, "license_state",
                      client_state && (self->info != NULL && g_strv_length (self->info) > 6)
                        ? kd_client_license_state_get_id (self->license_state) : NULL);
  kd_json_add_count (builder, "minutes_to_expiry", self->minutes_to_expiry);
  kd_json_add_string (builder, "activation_id", self->activation_id);
  kd_json_add_string (builder, "app_id", self->app_id);
  kd_json_add_string (builder, "trigger", self->trigger);
  kd_json_add_count (builder, "n_policy", self->n_policy);
  add_bool_or_null (builder, "activated", self->activated);
  kd_json_add_count (builder, "current_count", self->current_count);
  kd_json_add_count (builder, "activation_interval_minutes", self->activation_interval);
  kd_json_add_count (builder, "renewal_interval_minutes", self->renewal_interval);
  kd_json_add_string (builder, "domain", self->domain);
  json_builder_end_object (builder);
}
