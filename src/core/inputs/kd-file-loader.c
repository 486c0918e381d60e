/* kd-file-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kd-file-loader.h"
#include "kd-labels.h"
#include "kd-text-decode.h"

/* Reads one file off the main thread and turns it into text, whatever
 * its encoding, the way Sysprof's document loader reads a capture: the
 * work runs in a worker, and what it has got to is published as two
 * properties, "fraction" and "message", notified on the main context of
 * whoever started the load, so that a progress bar can bind to them.  A
 * file on a slow share, or one of hundreds of megabytes, shows how far it
 * has got instead of a window that seems to hang.
 *
 * Reading takes the first half of the fraction, in proportion to the
 * bytes read; decoding takes the second, in one step, as the decoder
 * needs the whole text to tell its encoding. */

/* Read in chunks this large: each is a chance to report and to stop. */
#define CHUNK_SIZE (1024 * 1024)
#define READ_SHARE 0.5
/* A GByteArray holds at most this much, and the decoder needs twice. */
#define HARD_MAX_SIZE ((guint64) G_MAXUINT32 / 2)

struct _KdFileLoader
{
  GObject parent_instance;

  GFile *file;
  guint64 max_size;

  /* Written by the worker, under the mutex. */
  GMutex mutex;
  double fraction;
  char *message;
  GSource *notify_source;

  /* Read on the loader's own context only. */
  double notified_fraction;
  char *notified_message;
  GMainContext *context;
  gboolean loading;

  /* What the load gave, once finished. */
  GBytes *bytes;
  char *text;
  const char *encoding;
};

G_DEFINE_FINAL_TYPE (KdFileLoader, kd_file_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_MAX_SIZE,
  PROP_FRACTION,
  PROP_MESSAGE,
  PROP_BYTES,
  PROP_TEXT,
  PROP_ENCODING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a worker's load holds, handed over to the loader by _finish(). */
typedef struct
{
  GFile *file;
  guint64 max_size;
  GBytes *bytes;
  char *text;
  const char *encoding;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->file);
  g_clear_pointer (&load->bytes, g_bytes_unref);
  g_clear_pointer (&load->text, g_free);
  g_free (load);
}

/* On the loader's context: tell about the progress the worker made since
 * the last time, each property only if it changed. */
static gboolean
notify_progress (gpointer data)
{
  KdFileLoader *self = data;
  g_autofree char *message = NULL;
  double fraction;

  g_mutex_lock (&self->mutex);
  g_clear_pointer (&self->notify_source, g_source_unref);
  fraction = self->fraction;
  message = g_strdup (self->message);
  g_mutex_unlock (&self->mutex);

  g_object_freeze_notify (G_OBJECT (self));
  if (fraction != self->notified_fraction)
    {
      self->notified_fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (g_set_str (&self->notified_message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  g_object_thaw_notify (G_OBJECT (self));

  return G_SOURCE_REMOVE;
}

/* From any thread.  Notifications are coalesced: however often the worker
 * reports, the loader's context hears at most once per iteration. */
static void
set_progress (KdFileLoader *self,
              double        fraction,
              const char   *message)
{
  g_mutex_lock (&self->mutex);
  self->fraction = CLAMP (fraction, 0.0, 1.0);
  g_set_str (&self->message, message);
  if (self->notify_source == NULL)
    {
      self->notify_source = g_idle_source_new ();
      g_source_set_static_name (self->notify_source, "[kd] file loader progress");
      g_source_set_callback (self->notify_source, notify_progress, g_object_ref (self), g_object_unref);
      g_source_attach (self->notify_source, self->context);
    }
  g_mutex_unlock (&self->mutex);
}

static char *
dup_display_name (GFile     *file,
                  GFileInfo *info)
{
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

/* Every error names the file, so that it can be shown as it is. */
static void
set_read_error (GError     **error,
                GError      *cause,
                const char  *name)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” does not exist"), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else
    g_set_error (error, cause->domain, cause->code, _("Could not read “%s”: %s"), name, cause->message);
}

/* @size is the file's size, or 0 when a file without one (a pipe) went
 * over the limit while it was read. */
static void
set_too_large_error (GError     **error,
                     const char  *name,
                     guint64      size,
                     guint64      max_size)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *max_text = g_format_size (max_size);

  if (size != 0)
    /* Translators: “huge.log” is 3.2 GB, more than a capture can be (at most 268.4 MB) */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                 _("“%s” is %s, more than a capture can be (at most %s)"), name, size_text, max_text);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                 _("“%s” is more than a capture can be (at most %s)"), name, max_text);
}

static gboolean
read_all (KdFileLoader  *self,
          Load          *load,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reading = NULL;
  guint64 max_size = load->max_size != 0 ? load->max_size : HARD_MAX_SIZE;
  guint64 size = 0;
  gsize length = 0;

  info = g_file_query_info (load->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  name = dup_display_name (load->file, info);
  if (info == NULL)
    {
      set_read_error (error, local_error, name);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("“%s” is a folder, not a file"), name);
      return FALSE;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = (guint64) g_file_info_get_size (info);
  if (size > max_size)
    {
      set_too_large_error (error, name, size, max_size);
      return FALSE;
    }

  reading = g_strdup_printf (_("Reading “%s”…"), name);
  set_progress (self, 0.0, reading);

  stream = g_file_read (load->file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_read_error (error, local_error, name);
      return FALSE;
    }

  /* The size is a hint: a file may grow while it is read, and a pipe
   * has none. */
  buffer = g_byte_array_sized_new ((guint) (size + CHUNK_SIZE));
  for (;;)
    {
      gssize n;

      g_byte_array_set_size (buffer, (guint) (length + CHUNK_SIZE));
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + length, CHUNK_SIZE, cancellable, &local_error);
      if (n < 0)
        {
          set_read_error (error, local_error, name);
          return FALSE;
        }
      if (n == 0)
        break;
      length += (gsize) n;
      if (length > max_size)
        {
          set_too_large_error (error, name, 0, max_size);
          return FALSE;
        }
      if (size > 0)
        set_progress (self, READ_SHARE * MIN (1.0, (double) length / (double) size), reading);
    }
  g_byte_array_set_size (buffer, (guint) length);
  load->bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

  {
    g_autofree char *decoding = g_strdup_printf (_("Decoding “%s”…"), name);

    set_progress (self, READ_SHARE, decoding);
  }
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  KdFileLoader *self = source_object;
  Load *load = task_data;
  GError *error = NULL;
  const guint8 *data;
  gsize length;

  if (!read_all (self, load, cancellable, &error))
    {
      set_progress (self, 1.0, NULL);
      g_task_return_error (task, error);
      return;
    }

  data = g_bytes_get_data (load->bytes, &length);
  load->text = kd_text_decode (data, length, kd_labels_codepage_for_lcid_default, &load->encoding, NULL);
  set_progress (self, 1.0, NULL);
  g_task_return_boolean (task, TRUE);
}

/* Whether or not the caller finishes it, a completed load lets the next
 * one start. */
static void
on_completed (KdFileLoader *self)
{
  self->loading = FALSE;
}

static void
kd_file_loader_finalize (GObject *object)
{
  KdFileLoader *self = (KdFileLoader *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->message, g_free);
  /* left when the loader's context went away before the source ran */
  g_clear_pointer (&self->notify_source, g_source_unref);
  g_clear_pointer (&self->notified_message, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->text, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (kd_file_loader_parent_class)->finalize (object);
}

static void
kd_file_loader_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KdFileLoader *self = KD_FILE_LOADER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, kd_file_loader_get_fraction (self));
      break;
    case PROP_MESSAGE:
      g_value_take_string (value, kd_file_loader_dup_message (self));
      break;
    case PROP_BYTES:
      g_value_set_boxed (value, self->bytes);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_file_loader_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KdFileLoader *self = KD_FILE_LOADER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_MAX_SIZE:
      kd_file_loader_set_max_size (self, g_value_get_uint64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_file_loader_class_init (KdFileLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kd_file_loader_finalize;
  object_class->get_property = kd_file_loader_get_property;
  object_class->set_property = kd_file_loader_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KdFileLoader:max-size:
   *
   * Files larger than this many bytes are refused; 0 takes any size a
   * byte array can hold (2 GiB).
   */
  properties[PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL, 0, HARD_MAX_SIZE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KdFileLoader:fraction:
   *
   * How much of the load is done, from 0 to 1, while it runs.
   */
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, ro);
  /**
   * KdFileLoader:message:
   *
   * What the load is doing, for a person, or %NULL when it is not running.
   */
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);
  properties[PROP_BYTES] = g_param_spec_boxed ("bytes", NULL, NULL, G_TYPE_BYTES, ro);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, ro);
  properties[PROP_ENCODING] = g_param_spec_string ("encoding", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_file_loader_init (KdFileLoader *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * kd_file_loader_new:
 * @file: a file holding text, in any encoding
 *
 * Returns: (transfer full): a loader for @file
 */
KdFileLoader *
kd_file_loader_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (KD_TYPE_FILE_LOADER, "file", file, NULL);
}

/**
 * kd_file_loader_get_file:
 * @self: the loader
 *
 * Returns: (transfer none): the file it reads
 */
GFile *
kd_file_loader_get_file (KdFileLoader *self)
{
  g_return_val_if_fail (KD_IS_FILE_LOADER (self), NULL);
  return self->file;
}

guint64
kd_file_loader_get_max_size (KdFileLoader *self)
{
  g_return_val_if_fail (KD_IS_FILE_LOADER (self), 0);
  return self->max_size;
}

/**
 * kd_file_loader_set_max_size:
 * @self: the loader
 * @max_size: the most bytes to read, or 0 for no limit
 *
 * Takes effect at the next kd_file_loader_load_async().
 */
void
kd_file_loader_set_max_size (KdFileLoader *self,
                             guint64       max_size)
{
  g_return_if_fail (KD_IS_FILE_LOADER (self));
  g_return_if_fail (max_size <= HARD_MAX_SIZE);

  if (self->max_size == max_size)
    return;
  self->max_size = max_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_SIZE]);
}

/**
 * kd_file_loader_get_fraction:
 * @self: the loader
 *
 * Returns: how much of the load is done, from 0 to 1.  From any thread;
 *   notifications come on the context that started the load.
 */
double
kd_file_loader_get_fraction (KdFileLoader *self)
{
  double fraction;

  g_return_val_if_fail (KD_IS_FILE_LOADER (self), 0.0);

  g_mutex_lock (&self->mutex);
  fraction = self->fraction;
  g_mutex_unlock (&self->mutex);
  return fraction;
}

/**
 * kd_file_loader_dup_message:
 * @self: the loader
 *
 * Returns: (transfer full) (nullable): what the load is doing, or %NULL
 *   when none is running
 */
char *
kd_file_loader_dup_message (KdFileLoader *self)
{
  char *message;

  g_return_val_if_fail (KD_IS_FILE_LOADER (self), NULL);

  g_mutex_lock (&self->mutex);
  message = g_strdup (self->message);
  g_mutex_unlock (&self->mutex);
  return message;
}

/**
 * kd_file_loader_get_bytes:
 * @self: the loader
 *
 * Returns: (transfer none) (nullable): the file's bytes as read, once a
 *   load has finished
 */
GBytes *
kd_file_loader_get_bytes (KdFileLoader *self)
{
  g_return_val_if_fail (KD_IS_FILE_LOADER (self), NULL);
  return self->bytes;
}

/**
 * kd_file_loader_get_text:
 * @self: the loader
 *
 * Returns: (nullable): the file's text in UTF-8, once a load has finished
 */
const char *
kd_file_loader_get_text (KdFileLoader *self)
{
  g_return_val_if_fail (KD_IS_FILE_LOADER (self), NULL);
  return self->text;
}

/**
 * kd_file_loader_get_encoding:
 * @self: the loader
 *
 * Returns: (nullable): the encoding the file was read in ("UTF-16LE",
 *   "CP866"…), once a load has finished
 */
const char *
kd_file_loader_get_encoding (KdFileLoader *self)
{
  g_return_val_if_fail (KD_IS_FILE_LOADER (self), NULL);
  return self->encoding;
}

/**
 * kd_file_loader_load_async:
 * @self: the loader
 * @cancellable: (nullable): stops the load
 * @callback: called when the file is read, or cannot be
 * @user_data: for @callback
 *
 * Reads and decodes the file in a worker.  "fraction" and "message" are
 * notified on the thread-default main context of the caller while it
 * runs.  One load at a time.
 */
void
kd_file_loader_load_async (KdFileLoader        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (KD_IS_FILE_LOADER (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kd_file_loader_load_async);
  if (self->loading)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "The file is being read already");
      return;
    }

  self->loading = TRUE;
  g_signal_connect_object (task, "notify::completed", G_CALLBACK (on_completed), self, G_CONNECT_SWAPPED);
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  /* From the start again, for a loader that loaded before. */
  set_progress (self, 0.0, NULL);
  load = g_new0 (Load, 1);
  load->file = g_object_ref (self->file);
  load->max_size = self->max_size;
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * kd_file_loader_load_finish:
 * @self: the loader
 * @result: what the callback was given
 * @error: why the file could not be read, with its name in the message
 *
 * On success the loader's "bytes", "text" and "encoding" hold what was
 * read.
 *
 * Returns: whether the file was read
 */
gboolean
kd_file_loader_load_finish (KdFileLoader  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  Load *load;

  g_return_val_if_fail (KD_IS_FILE_LOADER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kd_file_loader_load_async, FALSE);

  load = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = g_steal_pointer (&load->bytes);
  g_clear_pointer (&self->text, g_free);
  self->text = g_steal_pointer (&load->text);
  self->encoding = load->encoding;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}
