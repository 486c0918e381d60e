/* kd-event-log.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kd-event-log.h"
#include "kd-event-readers.h"
#include "kd-json.h"
#include "kd-labels.h"
#include "kd-text-decode.h"

/* What an export of event logs holds for KMS Doctor: the records of the
 * licensing sources, in input order, and a count of the others.  The
 * export is recognised by its content, never by a file name, and read in
 * whatever encoding Windows or a tool wrote it. */

typedef struct
{
  int event_id;           /* -1 when not printed */
  char *source;
  const char *reason;
} Skipped;

struct _KdEventLog
{
  GObject parent_instance;

  KdEventFormat format;
  char *encoding;
  char *language;
  GPtrArray *events;        /* of KdKmsEvent, the list model's items */
  GArray *skipped;
  GPtrArray *unknown_lines;   /* NULL-terminated */
  GPtrArray *notes;           /* NULL-terminated */
};

static void kd_event_log_list_model_init (GListModelInterface *iface);

/* The log is the list of its events: a pointer each, where a GListStore
 * would keep a node of its tree for each of a history's hundred thousand */
G_DEFINE_FINAL_TYPE_WITH_CODE (KdEventLog, kd_event_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kd_event_log_list_model_init))

G_DEFINE_QUARK (kd-event-log-error-quark, kd_event_log_error)

static void
skipped_clear (gpointer data)
{
  Skipped *skipped = data;

  g_free (skipped->source);
}

static void
kd_event_log_finalize (GObject *object)
{
  KdEventLog *self = (KdEventLog *) object;

  g_free (self->encoding);
  g_free (self->language);
  g_ptr_array_unref (self->events);
  g_array_unref (self->skipped);
  g_ptr_array_unref (self->unknown_lines);
  g_ptr_array_unref (self->notes);

  G_OBJECT_CLASS (kd_event_log_parent_class)->finalize (object);
}

static void
kd_event_log_class_init (KdEventLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_event_log_finalize;
}

static GPtrArray *
new_strv_array (void)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (array, NULL);
  return array;
}

static GType
kd_event_log_get_item_type (GListModel *model)
{
  return KD_TYPE_KMS_EVENT;
}

static guint
kd_event_log_get_n_items (GListModel *model)
{
  return KD_EVENT_LOG (model)->events->len;
}

static gpointer
kd_event_log_get_item (GListModel *model,
                       guint       position)
{
  KdEventLog *self = KD_EVENT_LOG (model);

  return position < self->events->len ? g_object_ref (g_ptr_array_index (self->events, position)) : NULL;
}

static void
kd_event_log_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kd_event_log_get_item_type;
  iface->get_n_items = kd_event_log_get_n_items;
  iface->get_item = kd_event_log_get_item;
}

static void
kd_event_log_init (KdEventLog *self)
{
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->skipped = g_array_new (FALSE, FALSE, sizeof (Skipped));
  g_array_set_clear_func (self->skipped, skipped_clear);
  self->unknown_lines = new_strv_array ();
  self->notes = new_strv_array ();
}

/* What the readers found ----------------------------------------------------- */

/* A record whose fields are all set: kept if a licensing source wrote it
 * (or if it has no source but says something), counted as skipped
 * otherwise. */
static void
add_record (KdEventLog *self,
            KdKmsEvent *event)
{
  const char *source = kd_kms_event_get_source (event);
  const char *reason = NULL;

  /* a message pasted alone has no source: its sentence made it an event */
  if (source != NULL && !kd_kms_event_is_licensing_source (source))
    reason = "not a licensing source";
  else if (source == NULL && kd_kms_event_get_event_id (event) < 0 && kd_kms_event_get_message (event) == NULL)
    reason = "empty record";
  if (reason != NULL)
    {
      Skipped skipped = { kd_kms_event_get_event_id (event), g_strdup (source), reason };

      g_array_append_val (self->skipped, skipped);
      return;
    }
  kd_kms_event_finish (event);
  g_ptr_array_add (self->events, g_object_ref (event));
}

static void
append_strv (GPtrArray  *array,
             const char *text)
{
  g_ptr_array_insert (array, array->len - 1, g_strdup (text));
}


/* Reading ------------------------------------------------------------------- */

static void
take_read (KdEventLog  *self,
           KdEventRead *read)
{
  for (guint i = 0; i < read->records->len; i++)
    add_record (self, g_ptr_array_index (read->records, i));
  for (guint i = 0; i < read->notes->len; i++)
    append_strv (self->notes, g_ptr_array_index (read->notes, i));
  for (guint i = 0; i < read->unknown_lines->len; i++)
    append_strv (self->unknown_lines, g_ptr_array_index (read->unknown_lines, i));
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/* Reads @data; with @own, @data is the log's to give back to the system
 * as it is read */
static KdEventLog *
read_data (const guint8      *data,
           gsize              length,
           gboolean           own,
           KdEventReadFlags   flags,
           GError           **error)
{
  g_autoptr(KdEventLog) self = NULL;
  g_autofree char *owned = NULL;
  const char *text;
  gsize text_length;
  const char *encoding = NULL;
  KdDecodeFlags decode_flags = KD_DECODE_NONE;
  KdEventRead read;

  if (length >= 8 && memcmp (data, "ElfFile", 8) == 0)
    {
#if HAVE_LIBEVTX
      kd_event_read_init (&read);
      if (!kd_event_read_evtx (data, length, &read, error))
        {
          kd_event_read_clear (&read);
          return NULL;
        }
      self = g_object_new (KD_TYPE_EVENT_LOG, NULL);
      self->encoding = g_strdup ("binary");
      self->format = read.format;
      take_read (self, &read);
      kd_event_read_clear (&read);
      return g_steal_pointer (&self);
#else
      g_set_error_literal (error, KD_EVENT_LOG_ERROR, KD_EVENT_LOG_ERROR_UNSUPPORTED,
                           _("This is a binary event log (.evtx), and this build of KMS Doctor was made without "
                             "its evtx feature (libevtx). In Event Viewer, save the events as XML (Save Selected "
                             "Events, then XML) and open that file."));
      return NULL;
#endif
    }

  /* text that is UTF-8 already is read where it is */
  text = kd_text_decode_borrow (data, length, &text_length, &owned, kd_labels_codepage_for_lcid_default, &encoding,
                                &decode_flags);
  if (is_blank (text, text_length))
    {
      g_set_error_literal (error, KD_EVENT_LOG_ERROR, KD_EVENT_LOG_ERROR_EMPTY, _("There is nothing to read"));
      return NULL;
    }

  self = g_object_new (KD_TYPE_EVENT_LOG, NULL);
  self->encoding = g_strdup (encoding);
  if (decode_flags & KD_DECODE_REPLACED_INVALID)
    append_strv (self->notes, _("Some bytes were not valid in the text’s encoding and were replaced"));

  kd_event_read_init (&read);
  if (own && owned != NULL)
    {
      /* the file as it was is not read again: its text is a copy */
      read.give_back = (const char *) data;
      read.give_back_end = (const char *) data + length;
      kd_event_read_give_back (&read, read.give_back_end);
    }
  read.threads = (flags & KD_EVENT_READ_THREADS) != 0;
  read.give_back = own ? text : NULL;
  read.give_back_end = own ? text + text_length : NULL;
  if (kd_event_read_xml (text, text_length, &read) || kd_event_read_json (text, text_length, &read) ||
      kd_event_read_csv (text, text_length, &read) || kd_event_read_formatlist (text, text_length, &read) ||
      kd_event_read_text (text, text_length, &read))
    {
      self->format = read.format;
      self->language = g_strdup (read.language);
    }
  take_read (self, &read);
  kd_event_read_clear (&read);

  return g_steal_pointer (&self);
}

/**
 * kd_event_log_read:
 * @data: (array length=length): the bytes of a file or a paste
 * @length: their length
 * @error: a #GError
 *
 * Reads the licensing events of an event log export.  Text that is no
 * event log gives a log of format %KD_EVENT_FORMAT_UNKNOWN without
 * events: nothing is made up from it.
 *
 * Returns: (transfer full): the events, or %NULL with @error set when
 *   there is nothing to read or the export is of a kind this build
 *   cannot read
 */
KdEventLog *
kd_event_log_read (const guint8  *data,
                   gsize          length,
                   GError       **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return read_data (data, length, FALSE, KD_EVENT_READ_NONE, error);
}

/**
 * kd_event_log_read_file:
 * @file: an export of event logs
 * @flags: how to read it
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * kd_event_log_read() for a file.  The file is read whole, and what the
 * readers are done with is given back to the system as they go: reading
 * an export of hundreds of megabytes takes the memory of its events, not
 * of its events and the file.
 *
 * Returns: (transfer full): the events, or %NULL with @error set, as
 *   kd_event_log_read(), or when the file cannot be read
 */
KdEventLog *
kd_event_log_read_file (GFile             *file,
                        KdEventReadFlags   flags,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* a local file in one read of its size; any other through GIO */
  path = g_file_get_path (file);
  if (path != NULL && !g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (!g_file_get_contents (path, &contents, &length, error))
        return NULL;
    }
  else if (path != NULL || !g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return read_data ((const guint8 *) contents, length, TRUE, flags, error);
}

/* Getters -------------------------------------------------------------------- */

KdEventFormat
kd_event_log_get_format (KdEventLog *self)
{
  g_return_val_if_fail (KD_IS_EVENT_LOG (self), KD_EVENT_FORMAT_UNKNOWN);
  return self->format;
}

const char *
kd_event_log_get_encoding (KdEventLog *self)
{
  g_return_val_if_fail (KD_IS_EVENT_LOG (self), NULL);
  return self->encoding;
}

/**
 * kd_event_log_get_language:
 *
 * Returns: (nullable): the BCP 47 tag of the export's labels, or %NULL
 *   when the export has no labels of a language (XML, JSON)
 */
const char *
kd_event_log_get_language (KdEventLog *self)
{
  g_return_val_if_fail (KD_IS_EVENT_LOG (self), NULL);
  return self->language;
}

/**
 * kd_event_log_get_events:
 *
 * Returns: (transfer none): a #GListModel of #KdKmsEvent, in input order:
 *   the log itself, which is one
 */
GListModel *
kd_event_log_get_events (KdEventLog *self)
{
  g_return_val_if_fail (KD_IS_EVENT_LOG (self), NULL);
  return G_LIST_MODEL (self);
}

guint
kd_event_log_get_n_skipped (KdEventLog *self)
{
  g_return_val_if_fail (KD_IS_EVENT_LOG (self), 0);
  return self->skipped->len;
}

const char * const *
kd_event_log_get_unknown_lines (KdEventLog *self)
{
  g_return_val_if_fail (KD_IS_EVENT_LOG (self), NULL);
  return (const char * const *) self->unknown_lines->pdata;
}

const char * const *
kd_event_log_get_notes (KdEventLog *self)
{
  g_return_val_if_fail (KD_IS_EVENT_LOG (self), NULL);
  return (const char * const *) self->notes->pdata;
}

/**
 * kd_event_log_to_json:
 *
 * Adds the log as an object of docs/events-json.md to @builder.
 */
void
kd_event_log_to_json (KdEventLog  *self,
                      JsonBuilder *builder)
{
  guint n = self->events->len;

  g_return_if_fail (KD_IS_EVENT_LOG (self));

  json_builder_begin_object (builder);
  kd_json_add_string (builder, "format", kd_event_format_get_id (self->format));
  kd_json_add_string (builder, "encoding", self->encoding);
  kd_json_add_string (builder, "language", self->language);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      kd_kms_event_to_json (g_ptr_array_index (self->events, i), builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "skipped");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->skipped->len; i++)
    {
      Skipped *skipped = &g_array_index (self->skipped, Skipped, i);

      json_builder_begin_object (builder);
      kd_json_add_count (builder, "event_id", skipped->event_id);
      kd_json_add_string (builder, "source", skipped->source);
      kd_json_add_string (builder, "reason", skipped->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  kd_json_add_strv (builder, "unknown_lines", kd_event_log_get_unknown_lines (self));
  kd_json_add_strv (builder, "notes", kd_event_log_get_notes (self));
  json_builder_end_object (builder);
}
