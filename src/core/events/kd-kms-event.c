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


/* Every string of an event lives in one block, `text`, one after the
 * other, each ending in NUL; a field holds the offset of its string, 0
 * for none (the block starts with an empty string).  A host's history
 * holds hundreds of thousands of events: one allocation each, cut to size
 * by kd_kms_event_finish(), which also puts the pointers of the Info
 * values at the block's end.  A decoded value that is an Info value as
 * printed shares its string. */

struct _KdKmsEvent
{
  GObject parent_instance;

  char *text;
  gsize text_length;
  gsize text_size;
  GPtrArray *data;        /* the insertion strings, when the export has them, until finished */
  char **info;            /* into text, once finished */
  guint n_info;
  gboolean finished;

  int event_id;
  gint64 record_id;
  guint32 time;
  guint32 time_text;
  char *log;              /* interned: an export's events share them */
  char *source;
  char *computer;
  KdEventLevel level;
  guint32 message;

  /* decoded */
  guint32 hresult;
  gint64 status_flags;
  guint32 kms_host;
  int kms_port;
  guint32 client_name;
  guint32 cmid;
  guint32 client_time;
  guint32 client_time_text;
  int is_vm;
  KdClientLicenseState license_state;
  gint64 minutes_to_expiry;
  guint32 activation_id;
  int n_policy;
  int activated;
  gint64 current_count;
  gint64 activation_interval;
  gint64 renewal_interval;
  guint32 domain;
  guint32 app_id;
  guint32 trigger;
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


static inline const char *
str (KdKmsEvent *self,
     guint32     offset)
{
  return offset != 0 ? self->text + offset : NULL;
}

static void
kd_kms_event_finalize (GObject *object)
{
  KdKmsEvent *self = (KdKmsEvent *) object;

  g_free (self->text);
  g_clear_pointer (&self->data, g_ptr_array_unref);
  g_clear_pointer (&self->log, g_ref_string_release);
  g_clear_pointer (&self->source, g_ref_string_release);
  g_clear_pointer (&self->computer, g_ref_string_release);

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
      g_value_set_string (value, str (self, self->time));
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_COMPUTER:
      g_value_set_string (value, self->computer);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, str (self, self->message));
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

KdKmsEvent *
kd_kms_event_new (void)
{
  return g_object_new (KD_TYPE_KMS_EVENT, NULL);
}

/* The block of strings ------------------------------------------------------ */

/* A block is built in a scratch buffer of the thread's, and copied to one
 * of its size when finished: the events of a big export lie one after
 * the other, without the gaps that growing each in place would leave. */
#define N_RECENT 4

typedef struct
{
  char *text;
  gsize size;
  char *recent[N_RECENT];   /* the names interned last, newest first */
} Scratch;

static void
scratch_free (gpointer data)
{
  Scratch *scratch = data;

  g_free (scratch->text);
  for (guint i = 0; i < N_RECENT; i++)
    g_clear_pointer (&scratch->recent[i], g_ref_string_release);
  g_free (scratch);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

static Scratch *
get_scratch (void)
{
  Scratch *scratch = g_private_get (&scratch_key);

  if (scratch == NULL)
    {
      scratch = g_new0 (Scratch, 1);
      g_private_set (&scratch_key, scratch);
    }
  return scratch;
}

/* @name interned: the names of an export repeat from event to event, and
 * those of the thread's last events are found without GLib's lock of its
 * interned strings, which the threads reading at once would share */
static char *
intern (const char *name)
{
  Scratch *scratch = get_scratch ();
  char *interned;

  for (guint i = 0; i < N_RECENT; i++)
    if (scratch->recent[i] != NULL && strcmp (scratch->recent[i], name) == 0)
      return g_ref_string_acquire (scratch->recent[i]);
  interned = g_ref_string_new_intern (name);
  if (scratch->recent[N_RECENT - 1] != NULL)
    g_ref_string_release (scratch->recent[N_RECENT - 1]);
  memmove (scratch->recent + 1, scratch->recent, (N_RECENT - 1) * sizeof (char *));
  scratch->recent[0] = g_ref_string_acquire (interned);
  return interned;
}

static char *
take_scratch (gsize *size)
{
  Scratch *scratch = g_private_get (&scratch_key);
  char *text;

  if (scratch == NULL || scratch->text == NULL)
    return NULL;
  text = g_steal_pointer (&scratch->text);
  *size = scratch->size;
  return text;
}

static void
give_scratch (char  *text,
              gsize  size)
{
  Scratch *scratch = g_private_get (&scratch_key);

  /* a block grown for a huge event is not kept */
  if (size > 64 * 1024)
    {
      g_free (text);
      return;
    }
  if (scratch == NULL)
    {
      scratch = g_new0 (Scratch, 1);
      g_private_set (&scratch_key, scratch);
    }
  if (scratch->text != NULL && scratch->size >= size)
    {
      g_free (text);
      return;
    }
  g_free (scratch->text);
  scratch->text = text;
  scratch->size = size;
}

/* Room for @extra more bytes; returns FALSE for an event past 4 GiB of
 * text, whose strings are then left out */
static gboolean
reserve (KdKmsEvent *self,
         gsize       extra)
{
  gsize size = self->text_size;

  if (extra > G_MAXUINT32 - self->text_length - 1)
    return FALSE;
  if (self->text == NULL)
    {
      self->text = take_scratch (&size);
      if (self->text == NULL)
        {
          size = MAX (256, extra + 1);
          self->text = g_malloc (size);
        }
      self->text[0] = '\0';
      self->text_length = 1;
      self->text_size = size;
    }
  if (self->text_length + extra <= self->text_size)
    return TRUE;
  while (size < self->text_length + extra)
    size *= 2;
  self->text = g_realloc (self->text, size);
  self->text_size = size;
  return TRUE;
}

/* Appends @length bytes of @value, which may lie in the block itself,
 * trimmed of white space at both ends, and, with @lines, CR LF and lone
 * CRs as LF.  Returns the string's offset, 0 when nothing is left. */
static guint32
add_text (KdKmsEvent *self,
          const char *value,
          gsize       length,
          gboolean    lines)
{
  gsize inside = self->text != NULL && value >= self->text && value < self->text + self->text_length
                   ? (gsize) (value - self->text) : 0;
  guint32 offset;
  char *out;

  while (length > 0 && g_ascii_isspace (value[0]))
    value++, length--;
  while (length > 0 && g_ascii_isspace (value[length - 1]))
    length--;
  if (length == 0)
    return 0;
  if (inside > 0)
    inside += value - (self->text + inside);
  if (!reserve (self, length + 1))
    return 0;
  if (inside > 0)
    value = self->text + inside;

  offset = self->text_length;
  out = self->text + offset;
  if (lines && memchr (value, '\r', length) != NULL)
    {
      for (gsize i = 0; i < length; i++)
        if (value[i] != '\r')
          *out++ = value[i];
        else if (i + 1 >= length || value[i + 1] != '\n')
          *out++ = '\n';
    }
  else
    {
      memcpy (out, value, length);
      out += length;
    }
  *out = '\0';
  self->text_length = out + 1 - self->text;
  return offset;
}

/* Sets a string field; the property is notified when it changes */
static void
set_text (KdKmsEvent *self,
          guint32    *member,
          const char *value,
          gsize       length,
          gboolean    lines,
          int         prop)
{
  gsize mark = self->text_length;
  guint32 offset;

  g_return_if_fail (!self->finished);

  offset = value != NULL ? add_text (self, value, length, lines) : 0;
  if (g_strcmp0 (str (self, *member), str (self, offset)) == 0)
    {
      self->text_length = MAX (mark, 1);
      return;
    }
  *member = offset;
  if (prop != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_string (KdKmsEvent *self,
            guint32    *member,
            const char *value,
            int         prop)
{
  set_text (self, member, value, value != NULL ? strlen (value) : 0, FALSE, prop);
}

/* A name that the events of an export repeat: one string for all */
static void
set_interned (KdKmsEvent  *self,
              char       **member,
              const char  *value,
              int          prop)
{
  g_autofree char *stripped = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  g_return_if_fail (!self->finished);

  if (g_strcmp0 (*member, stripped != NULL && *stripped != '\0' ? stripped : NULL) == 0)
    return;
  g_clear_pointer (member, g_ref_string_release);
  if (stripped != NULL && *stripped != '\0')
    *member = intern (stripped);
  if (prop != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Setters, for the readers ----------------------------------------------- */

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

  set_interned (self, &self->log, log, PROP_0);
}

void
kd_kms_event_set_source (KdKmsEvent *self,
                         const char *source)
{
  g_return_if_fail (KD_IS_KMS_EVENT (self));

  set_interned (self, &self->source, source, PROP_SOURCE);
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

  set_interned (self, &self->computer, computer, PROP_COMPUTER);
}

/* Line ends as Windows writes them (CR LF, or a lone CR from XML's &#13;)
 * become LF; the message keeps its lines. */
void
kd_kms_event_set_message (KdKmsEvent *self,
                          const char *message)
{
  g_return_if_fail (KD_IS_KMS_EVENT (self));

  set_text (self, &self->message, message, message != NULL ? strlen (message) : 0, TRUE, PROP_MESSAGE);
}

/**
 * kd_kms_event_set_message_len:
 * @message: (array length=length): the message's bytes
 *
 * kd_kms_event_set_message() for a message that is a part of a longer
 * text.
 */
void
kd_kms_event_set_message_len (KdKmsEvent *self,
                              const char *message,
                              gsize       length)
{
  g_return_if_fail (KD_IS_KMS_EVENT (self));

  set_text (self, &self->message, message, length, TRUE, PROP_MESSAGE);
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

/* Appends the comma-separated values of @length bytes at @joined (which
 * may lie in the block) to @info, trimmed.  "…, <activation id>, " ends
 * in an empty N-policy: kept, it is a place. */
static void
split_joined (KdKmsEvent *self,
              const char *joined,
              gsize       length,
              GArray     *info)
{
  gsize inside = self->text != NULL && joined >= self->text && joined < self->text + self->text_length
                   ? (gsize) (joined - self->text) : 0;
  const char *end;

  /* no value moves the block: each is at most its part and a NUL */
  if (length > G_MAXUINT32 / 2 || !reserve (self, 2 * length + 2))
    return;
  if (inside > 0)
    joined = self->text + inside;
  end = joined + length;
  for (const char *p = joined;;)
    {
      const char *comma = memchr (p, ',', end - p);
      guint32 offset = add_text (self, p, (comma != NULL ? comma : end) - p, FALSE);

      g_array_append_val (info, offset);
      if (comma == NULL)
        break;
      p = comma + 1;
    }
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

/* The Info values' offsets: the insertion strings, or the message's Info
 * line split */
static void
make_info (KdKmsEvent *self,
           GArray     *info)
{
  if (self->data != NULL && self->data->len > 0)
    {
      const char *first = g_ptr_array_index (self->data, 0);

      /* 12290's joined Info, possibly followed by its fields one by one */
      if (is_kms_request_event (self->event_id) && strchr (first, ',') != NULL)
        {
          split_joined (self, first, strlen (first), info);
          return;
        }
      for (guint i = 0; i < self->data->len; i++)
        {
          const char *value = g_ptr_array_index (self->data, i);
          guint32 offset = add_text (self, value, strlen (value), FALSE);

          g_array_append_val (info, offset);
        }
      return;
    }

  if (self->message != 0 && is_kms_request_event (self->event_id))
    {
      const char *text = find_info_text (str (self, self->message));

      if (text != NULL)
        split_joined (self, text, strcspn (text, "\n"), info);
    }
}

/* The offset of Info value @i, 0 when it is not there or empty */
static guint32
info_at (KdKmsEvent *self,
         GArray     *info,
         guint       i)
{
  guint32 offset = i < info->len ? g_array_index (info, guint32, i) : 0;

  return offset != 0 && self->text[offset] != '\0' ? offset : 0;
}

/* @value's offset: that of @printed when it reads the same, else a new
 * string's */
static guint32
share_or_add (KdKmsEvent *self,
              guint32     printed,
              const char *value)
{
  if (printed != 0 && strcmp (self->text + printed, value) == 0)
    return printed;
  return add_text (self, value, strlen (value), FALSE);
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

/* "0x" and up to 8 hex digits, the form every event prints */
static gboolean
read_hex32 (const char *text,
            guint32    *out)
{
  guint32 value = 0;
  guint n = 0;

  if (text == NULL || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
    return FALSE;
  for (text += 2; g_ascii_isxdigit (*text) && n < 8; text++, n++)
    value = value << 4 | g_ascii_xdigit_value (*text);
  *out = value;
  return n > 0 && *text == '\0';
}

/* "0x0" → "0x00000000"; other spellings through the catalog's parser */
static guint32
read_hresult (KdKmsEvent *self,
              const char *text,
              guint32     printed)
{
  static const char digits[] = "0123456789ABCDEF";
  char formatted[sizeof "0x00000000"] = "0x";
  guint32 value;

  if (text == NULL || !kd_event_starts_with (text, "0x"))
    return 0;
  if (!read_hex32 (text, &value) && !kd_hresult_parse (text, &value, NULL))
    return 0;
  for (guint i = 0; i < 8; i++)
    formatted[2 + i] = digits[(value >> (28 - 4 * i)) & 0xf];
  formatted[10] = '\0';
  return share_or_add (self, printed, formatted);
}

static gint64
read_hex (const char *text)
{
  guint64 value;
  guint32 value32;

  if (read_hex32 (text, &value32))
    return value32;
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

/* A GUID in lower case, without braces */
static guint32
read_guid (KdKmsEvent *self,
           const char *text,
           guint32     printed)
{
  char guid[37];

  if (!is_guid (text))
    return 0;
  if (*text == '{')
    text++;
  /* hex digits: A to F made lower case */
  for (guint i = 0; i < 36; i++)
    guid[i] = text[i] >= 'A' && text[i] <= 'F' ? text[i] + ('a' - 'A') : text[i];
  guid[36] = '\0';
  return share_or_add (self, printed, guid);
}

/* Decimal digits at *@p, moved past them */
static gboolean
read_number (const char **p,
             int         *out)
{
  int value = 0;
  guint n = 0;

  for (; g_ascii_isdigit (**p) && n < 9; (*p)++, n++)
    value = value * 10 + (**p - '0');
  *out = value;
  return n > 0;
}

static void
put_digits (char *out,
            int   value,
            guint width)
{
  while (width-- > 0)
    {
      out[width] = '0' + value % 10;
      value /= 10;
    }
}

/* The client's clock: "2024/3/1 10:15" as every real event prints it,
 * "3/1/2024 10:15" in one of Microsoft's examples (month first), into
 * @out as "2024-03-01T10:15". */
static gboolean
read_client_time (const char *text,
                  char        out[sizeof "2024-03-01T10:15"])
{
  int a, b, c, hour, minute;
  int year, month, day;
  const char *p = text;

  if (p == NULL)
    return FALSE;
  if (!read_number (&p, &a) || *p++ != '/' || !read_number (&p, &b) || *p++ != '/' || !read_number (&p, &c) ||
      *p != ' ')
    return FALSE;
  while (*p == ' ')
    p++;
  if (!read_number (&p, &hour) || *p++ != ':' || !read_number (&p, &minute))
    return FALSE;
  if (a > 31)
    year = a, month = b, day = c;
  else if (c > 31 && a <= 12)
    year = c, month = a, day = b;
  else
    return FALSE;
  if (year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) || hour > 23 || minute > 59)
    return FALSE;
  put_digits (out, year, 4);
  out[4] = '-';
  put_digits (out + 5, month, 2);
  out[7] = '-';
  put_digits (out + 8, day, 2);
  out[10] = 'T';
  put_digits (out + 11, hour, 2);
  out[13] = ':';
  put_digits (out + 14, minute, 2);
  out[16] = '\0';
  return TRUE;
}

/* "kms01.contoso.com:1688", "[2001:db8::1]:1688", or a host alone */
static void
read_host_port (KdKmsEvent *self,
                guint32     printed)
{
  const char *text = str (self, printed);
  const char *colon;
  gint64 port;

  if (text == NULL)
    return;
  colon = strrchr (text, ':');
  if (colon != NULL && read_int64 (colon + 1, &port) && port > 0 && port <= 65535 &&
      (text[0] == '[' || strchr (text, ':') == colon))
    {
      gsize end = colon - text;

      self->kms_port = (int) port;
      if (text[0] == '[' && end > 1 && text[end - 1] == ']')
        self->kms_host = add_text (self, text + 1, end - 2, FALSE);
      else
        self->kms_host = add_text (self, text, end, FALSE);
    }
  else
    self->kms_host = printed;
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
read_time_field (KdKmsEvent *self,
                 guint32     printed)
{
  char time[sizeof "2024-03-01T10:15"];

  self->client_time_text = printed;
  if (read_client_time (str (self, printed), time))
    self->client_time = add_text (self, time, strlen (time), FALSE);
}

static void
read_client_fields (KdKmsEvent *self,
                    GArray     *info,
                    guint       cmid,
                    guint       time)
{
  gint64 minutes;
  guint32 at;

  at = info_at (self, info, cmid);
  self->cmid = read_guid (self, str (self, at), at);
  read_time_field (self, info_at (self, info, time));
  read_flag (str (self, info_at (self, info, time + 1)), &self->is_vm);
  read_license_state (self, str (self, info_at (self, info, time + 2)));
  if (read_int64 (str (self, info_at (self, info, time + 3)), &minutes) && minutes >= 0)
    self->minutes_to_expiry = minutes;
  at = info_at (self, info, time + 4);
  self->activation_id = read_guid (self, str (self, at), at);
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
read_rule_string (KdKmsEvent *self,
                  GArray     *info)
{
  g_autoptr(GString) haystack = g_string_new (str (self, self->message));
  g_autofree char *hr = NULL;
  g_autofree char *sku = NULL;
  g_autofree char *app = NULL;
  g_autofree char *trigger = NULL;

  for (guint i = 0; i < info->len; i++)
    {
      g_string_append_c (haystack, '\n');
      g_string_append (haystack, self->text + g_array_index (info, guint32, i));
    }

  hr = find_value (haystack->str, "hr");
  if (hr == NULL)
    {
      /* 8233: "Reason:0x8007007B" */
      const char *reason = strstr (haystack->str, "Reason:");
      if (reason != NULL)
        hr = g_strndup (reason + strlen ("Reason:"), strcspn (reason + strlen ("Reason:"), ",;\n\r "));
    }
  sku = find_value (haystack->str, "SkuId");
  if (sku == NULL)
    sku = find_value (haystack->str, "Sku Id");
  app = find_value (haystack->str, "AppId");
  trigger = find_value (haystack->str, "Trigger");

  self->hresult = read_hresult (self, hr, 0);
  self->activation_id = read_guid (self, sku, 0);
  self->app_id = read_guid (self, app, 0);
  if (trigger != NULL)
    self->trigger = add_text (self, trigger, strlen (trigger), FALSE);
}

/* "in the 'contoso.com' domain" */
static guint32
domain_from_message (KdKmsEvent *self)
{
  const char *message = str (self, self->message);
  const char *open = message != NULL ? strchr (message, '\'') : NULL;
  const char *close = open != NULL ? strchr (open + 1, '\'') : NULL;

  return close != NULL && close > open + 1 ? add_text (self, open + 1, close - open - 1, FALSE) : 0;
}

/* The block cut to size, the Info's pointers at its end */
static void
seal (KdKmsEvent *self,
      GArray     *info)
{
  gsize head;

  char *scratch;

  reserve (self, 0);
  head = (self->text_length + sizeof (char *) - 1) / sizeof (char *) * sizeof (char *);
  scratch = self->text;
  self->text = g_malloc (head + (info->len + 1) * sizeof (char *));
  memcpy (self->text, scratch, self->text_length);
  give_scratch (scratch, self->text_size);
  self->text_size = head + (info->len + 1) * sizeof (char *);
  self->info = (char **) (gpointer) (self->text + head);
  for (guint i = 0; i < info->len; i++)
    self->info[i] = self->text + g_array_index (info, guint32, i);
  self->info[info->len] = NULL;
  self->n_info = info->len;
}

/**
 * kd_kms_event_finish:
 *
 * Reads the Info of an event whose record is complete, once.  The event
 * is not changed afterwards.
 */
void
kd_kms_event_finish (KdKmsEvent *self)
{
  g_autoptr(GArray) info = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 12);
  gint64 value;
  guint32 at;

  g_return_if_fail (KD_IS_KMS_EVENT (self));

  if (self->finished)
    return;
  make_info (self, info);
  g_clear_pointer (&self->data, g_ptr_array_unref);

  switch (self->event_id)
    {
    case 12288:
      at = info_at (self, info, 0);
      self->hresult = read_hresult (self, str (self, at), at);
      self->status_flags = read_hex (str (self, info_at (self, info, 1)));
      read_host_port (self, info_at (self, info, 2));
      read_client_fields (self, info, 3, 4);
      read_n_policy (self, str (self, info_at (self, info, 9)));
      break;

    case 12289:
      at = info_at (self, info, 0);
      self->hresult = read_hresult (self, str (self, at), at);
      self->status_flags = read_hex (str (self, info_at (self, info, 1)));
      read_flag (str (self, info_at (self, info, 2)), &self->activated);
      if (read_int64 (str (self, info_at (self, info, 4)), &value) && value >= 0)
        self->current_count = value;
      if (read_int64 (str (self, info_at (self, info, 5)), &value) && value >= 0)
        self->activation_interval = value;
      if (read_int64 (str (self, info_at (self, info, 6)), &value) && value >= 0)
        self->renewal_interval = value;
      read_time_field (self, info_at (self, info, 7));
      break;

    case 12290:
      at = info_at (self, info, 0);
      self->hresult = read_hresult (self, str (self, at), at);
      read_n_policy (self, str (self, info_at (self, info, 1)));
      self->client_name = info_at (self, info, 2);
      read_client_fields (self, info, 3, 4);
      break;

    case 12293:
      /* %1 the HRESULT, %2 the domain */
      at = info_at (self, info, 0);
      self->hresult = read_hresult (self, str (self, at), at);
      self->domain = info_at (self, info, 1);
      if (self->domain == 0)
        self->domain = domain_from_message (self);
      break;

    case 12294:
      self->domain = info_at (self, info, 0);
      if (self->domain == 0)
        self->domain = domain_from_message (self);
      break;

    case 8198:
    case 8233:
    case 8200:
    case 12308:
    case 8213:
    case 8214:
    case 8215:
      read_rule_string (self, info);
      break;

    default:
      break;
    }

  seal (self, info);
  self->finished = TRUE;
}

/* "2024-03-01T10:15:30.1234567Z" → "2024-03-01T10:15:30.123Z" into @out,
 * the form every export prints read here, any other through GDateTime */
static gboolean
format_utc_time (const char *text,
                 char        out[sizeof "2024-03-01T10:15:30.123Z"])
{
  g_autoptr(GDateTime) time = NULL;
  int year, month, day, hour, minute, second, milli = -1;
  const char *p = text;

  if (text == NULL)
    return FALSE;
  if (read_number (&p, &year) && p - text == 4 && *p++ == '-' && read_number (&p, &month) && *p++ == '-' &&
      read_number (&p, &day) && *p++ == 'T' && read_number (&p, &hour) && *p++ == ':' &&
      read_number (&p, &minute) && *p++ == ':' && read_number (&p, &second) && p - text == 19)
    {
      if (*p == '.' && g_ascii_isdigit (p[1]))
        {
          milli = 0;
          for (guint i = 0, scale = 100; g_ascii_isdigit (*++p); i++, scale /= 10)
            milli += i < 3 ? (*p - '0') * scale : 0;
        }
      if (p[0] == 'Z' && p[1] == '\0' && year > 0 && month >= 1 && month <= 12 && day >= 1 &&
          g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) && hour < 24 && minute < 60 &&
          second < 60)
        {
          memcpy (out, text, 19);
          if (milli >= 0)
            {
              out[19] = '.';
              put_digits (out + 20, milli, 3);
            }
          strcpy (out + (milli >= 0 ? 23 : 19), "Z");
          return TRUE;
        }
    }

  if (!g_str_has_suffix (text, "Z"))
    return FALSE;
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return FALSE;
  g_snprintf (out, sizeof "2024-03-01T10:15:30.123Z", "%04d-%02d-%02dT%02d:%02d:%02d", g_date_time_get_year (time),
              g_date_time_get_month (time), g_date_time_get_day_of_month (time), g_date_time_get_hour (time),
              g_date_time_get_minute (time), g_date_time_get_second (time));
  if (strchr (text, '.') != NULL)
    g_snprintf (out + 19, 6, ".%03dZ", g_date_time_get_microsecond (time) / 1000);
  else
    strcpy (out + 19, "Z");
  return TRUE;
}

/* "2024-03-01T10:15:30.1234567Z" → "2024-03-01T10:15:30.123Z"; %NULL for
 * a time that is not UTC */
char *
kd_event_utc_time (const char *text)
{
  char out[sizeof "2024-03-01T10:15:30.123Z"];

  return format_utc_time (text, out) ? g_strdup (out) : NULL;
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
  char utc[sizeof "2024-03-01T10:15:30.123Z"];
  g_autofree char *local = NULL;

  if (format_utc_time (text, utc))
    {
      kd_kms_event_set_time (self, utc, text);
      return;
    }
  if (text != NULL)
    kd_capture_parse_date (text, 0, language, &local);
  kd_kms_event_set_time (self, local, text);
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
  return str (self, self->time);
}

const char *
kd_kms_event_get_time_text (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return str (self, self->time_text);
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
  return str (self, self->message);
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
  return str (self, self->hresult);
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
  return str (self, self->kms_host);
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
  return str (self, self->client_name);
}

const char *
kd_kms_event_get_cmid (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return str (self, self->cmid);
}

const char *
kd_kms_event_get_client_time (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return str (self, self->client_time);
}

const char *
kd_kms_event_get_client_time_text (KdKmsEvent *self)
{
  g_return_val_if_fail (KD_IS_KMS_EVENT (self), NULL);
  return str (self, self->client_time_text);
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
  return str (self, self->activation_id);
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
  return str (self, self->domain);
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
  /* as nearly every event spells it */
  if (strcmp (source, "Microsoft-Windows-Security-SPP") == 0)
    return TRUE;
  if (g_ascii_strncasecmp (source, "Microsoft-Windows-", strlen ("Microsoft-Windows-")) == 0)
    source += strlen ("Microsoft-Windows-");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (source, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* JSON (docs/events-json.md) ---------------------------------------------- */

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
  kd_json_add_string (builder, "time", str (self, self->time));
  kd_json_add_string (builder, "time_text", str (self, self->time_text));
  kd_json_add_string (builder, "log", self->log);
  kd_json_add_string (builder, "source", self->source);
  kd_json_add_string (builder, "level", kd_event_level_get_id (self->level));
  kd_json_add_string (builder, "computer", self->computer);
  kd_json_add_string (builder, "message", str (self, self->message));
  kd_json_add_strv (builder, "info", (const char * const *) self->info);

  kd_json_add_string (builder, "hresult", str (self, self->hresult));
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
  kd_json_add_string (builder, "kms_host", str (self, self->kms_host));
  kd_json_add_count (builder, "kms_port", self->kms_port);
  kd_json_add_string (builder, "client_name", str (self, self->client_name));
  kd_json_add_string (builder, "cmid", str (self, self->cmid));
  kd_json_add_string (builder, "client_time", str (self, self->client_time));
  kd_json_add_string (builder, "client_time_text", str (self, self->client_time_text));
  kd_json_add_boolean (builder, "is_vm", self->is_vm);
  kd_json_add_string (builder, "license_state",
                      client_state && self->n_info > 6
                        ? kd_client_license_state_get_id (self->license_state) : NULL);
  kd_json_add_count (builder, "minutes_to_expiry", self->minutes_to_expiry);
  kd_json_add_string (builder, "activation_id", str (self, self->activation_id));
  kd_json_add_string (builder, "app_id", str (self, self->app_id));
  kd_json_add_string (builder, "trigger", str (self, self->trigger));
  kd_json_add_count (builder, "n_policy", self->n_policy);
  kd_json_add_boolean (builder, "activated", self->activated);
  kd_json_add_count (builder, "current_count", self->current_count);
  kd_json_add_count (builder, "activation_interval_minutes", self->activation_interval);
  kd_json_add_count (builder, "renewal_interval_minutes", self->renewal_interval);
  kd_json_add_string (builder, "domain", str (self, self->domain));
  json_builder_end_object (builder);
}
