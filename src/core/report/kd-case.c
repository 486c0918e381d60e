/* kd-case.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "kd-case.h"
#include "kd-redactor.h"

/* The investigation a window works on: the captures the user pasted or
 * opened, the codes looked up, notes.  Every page reads from it and writes
 * into it; it is saved as JSON (docs/case-json.md) off the main thread,
 * written atomically and durably, so that what the user gave the app
 * survives the app being killed.
 *
 * A save reads a snapshot: references to the captures, which never
 * change, and copies of the rest, so the user goes on while it is
 * written.  With an autosave file set, every change saves the case; a
 * change made during a save is written by one more save after it. */

/* The codes looked up: the most recent ones, oldest first */
#define MAX_CODES 100

struct _KdCase
{
  GObject parent_instance;

  GListStore *captures;
  GPtrArray *codes;         /* char *, NULL-terminated */
  GStrv health_inputs;      /* the KMS Health page's files and folders */
  char *notes;
  JsonNode *redaction;      /* the masks of its redacted reports, or NULL */

  GFile *file;              /* the user's file of the case, or NULL */
  guint64 saved_generation; /* the generation that file holds */
  gboolean unsaved;         /* changed since it was opened or saved there */

  GFile *autosave_file;
  GCancellable *autosave_cancellable;
  gboolean modified;        /* changed since it was last loaded or saved */
  guint64 generation;       /* counts the changes */
  gboolean saving;          /* an autosave is being written */
  GError *autosave_error;   /* why the last autosave failed */
  gboolean save_again;      /* and the case changed after it started */
};

G_DEFINE_FINAL_TYPE (KdCase, kd_case, G_TYPE_OBJECT)

G_DEFINE_QUARK (kd-case-error-quark, kd_case_error)

enum {
  PROP_0,
  PROP_CAPTURES,
  PROP_CODES,
  PROP_HEALTH_INPUTS,
  PROP_NOTES,
  PROP_AUTOSAVE_FILE,
  PROP_SAVING,
  PROP_AUTOSAVE_ERROR,
  PROP_MODIFIED,
  PROP_FILE,
  PROP_TITLE,
  PROP_UNSAVED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a save writes and a load reads, apart from the object */
typedef struct
{
  GPtrArray *captures;      /* KdCaseCapture */
  GStrv codes;
  GStrv health_inputs;
  char *notes;
  JsonNode *redaction;
  /* in the session's autosave only: the user's file and whether it has
   * all of this */
  gboolean session;
  char *file_uri;
  gboolean unsaved;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->captures, g_ptr_array_unref);
  g_clear_pointer (&snapshot->codes, g_strfreev);
  g_clear_pointer (&snapshot->health_inputs, g_strfreev);
  g_clear_pointer (&snapshot->notes, g_free);
  g_clear_pointer (&snapshot->redaction, json_node_unref);
  g_clear_pointer (&snapshot->file_uri, g_free);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static Snapshot *
take_snapshot (KdCase *self)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->captures));

  snapshot->captures = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (snapshot->captures, g_list_model_get_item (G_LIST_MODEL (self->captures), i));
  snapshot->codes = g_strdupv ((char **) self->codes->pdata);
  snapshot->health_inputs = g_strdupv (self->health_inputs);
  snapshot->notes = g_strdup (self->notes);
  snapshot->redaction = self->redaction != NULL ? json_node_ref (self->redaction) : NULL;
  return snapshot;
}

static char *
snapshot_to_json (Snapshot *snapshot,
                  gsize    *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, KD_CASE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, "KMS Doctor " PACKAGE_VERSION);
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, saved);

  json_builder_set_member_name (builder, "codes");
  json_builder_begin_array (builder);
  for (guint i = 0; snapshot->codes[i] != NULL; i++)
    json_builder_add_string_value (builder, snapshot->codes[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "captures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < snapshot->captures->len; i++)
    {
      KdCaseCapture *capture = g_ptr_array_index (snapshot->captures, i);
      GBytes *text = kd_case_capture_get_text (capture);
      gsize size;
      const char *data = g_bytes_get_data (text, &size);
      g_autofree char *copy = g_strndup (size > 0 ? data : "", size);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source_name");
      if (kd_case_capture_get_source_name (capture) != NULL)
        json_builder_add_string_value (builder, kd_case_capture_get_source_name (capture));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "encoding");
      if (kd_case_capture_get_encoding (capture) != NULL)
        json_builder_add_string_value (builder, kd_case_capture_get_encoding (capture));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "text");
      /* The text is not NUL-terminated. */
      json_builder_add_string_value (builder, copy);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "health_inputs");
  json_builder_begin_array (builder);
  for (guint i = 0; snapshot->health_inputs[i] != NULL; i++)
    json_builder_add_string_value (builder, snapshot->health_inputs[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_add_string_value (builder, snapshot->notes != NULL ? snapshot->notes : "");

  if (snapshot->redaction != NULL)
    {
      json_builder_set_member_name (builder, "redaction");
      json_builder_add_value (builder, json_node_copy (snapshot->redaction));
    }

  if (snapshot->session)
    {
      json_builder_set_member_name (builder, "session");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      if (snapshot->file_uri != NULL)
        json_builder_add_string_value (builder, snapshot->file_uri);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "unsaved");
      json_builder_add_boolean_value (builder, snapshot->unsaved);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, length);
}

static gboolean
write_file (GFile       *file,
            const char  *contents,
            gsize        length,
            GError     **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("A case can only be saved to a local file"));
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot make the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* Written beside the file and renamed over it, after an fsync(): the
   * file is the old case or the new one, never half of either, and the
   * new one is on the disk before we say it is saved. */
  return g_file_set_contents_full (path, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Snapshot *snapshot = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "kd-file");
  g_autofree char *contents = NULL;
  GError *error = NULL;
  gsize length;

  contents = snapshot_to_json (snapshot, &length);
  if (!write_file (file, contents, length, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* A member that must be a string, or null where @nullable */
static gboolean
get_string_member (JsonObject  *object,
                   const char  *name,
                   gboolean     nullable,
                   const char **out)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL)
    return nullable;
  if (JSON_NODE_HOLDS_NULL (node))
    return nullable;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = json_node_get_string (node);
  return TRUE;
}

/* A member that must be an array of strings, empty when missing; %NULL
 * when it is something else */
static GStrv
get_strv_member (JsonObject *object,
                 const char *name)
{
  g_autoptr(GStrvBuilder) strv = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL)
    return g_strv_builder_end (strv);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return NULL;
      g_strv_builder_add (strv, json_node_get_string (element));
    }
  return g_strv_builder_end (strv);
}

static Snapshot *
snapshot_from_json (const char  *contents,
                    gsize        length,
                    GError     **error)
{
  /* Not an immutable parser: json-glib 1.10 aborts on a file of two
   * values ("true{…}") when its root is asked for (found by fuzz-case). */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(Snapshot) snapshot = g_new0 (Snapshot, 1);
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *version;
  JsonArray *array;
  const char *notes;

  if (!json_parser_load_from_data (parser, contents, length, &parse_error))
    {
      g_set_error (error, KD_CASE_ERROR, KD_CASE_ERROR_DAMAGED,
                   _("The case file is damaged: %s"), parse_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (version = json_object_get_member (object = json_node_get_object (root), "format_version")) == NULL ||
      !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_set_error (error, KD_CASE_ERROR, KD_CASE_ERROR_DAMAGED,
                   _("This is not a KMS Doctor case file"));
      return NULL;
    }
  if (json_node_get_int (version) > KD_CASE_FORMAT_VERSION)
    {
      g_autofree char *newer = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      g_set_error (error, KD_CASE_ERROR, KD_CASE_ERROR_NEWER,
                   _("The case was saved by a newer version of KMS Doctor (format %s); this one reads "
                     "format %d and older"),
                   newer, KD_CASE_FORMAT_VERSION);
      return NULL;
    }
  if (json_node_get_int (version) < 1)
    {
      g_set_error (error, KD_CASE_ERROR, KD_CASE_ERROR_DAMAGED,
                   _("The case file has a format version that never existed"));
      return NULL;
    }

  /* Nothing is half-loaded: any member in a bad state refuses the file. */
  snapshot->captures = g_ptr_array_new_with_free_func (g_object_unref);
  if (json_object_has_member (object, "captures"))
    {
      JsonNode *node = json_object_get_member (object, "captures");

      if (!JSON_NODE_HOLDS_ARRAY (node))
        goto damaged;
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *text, *source_name, *encoding;
          JsonObject *capture;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            goto damaged;
          capture = json_node_get_object (element);
          if (!get_string_member (capture, "text", FALSE, &text) ||
              !get_string_member (capture, "source_name", TRUE, &source_name) ||
              !get_string_member (capture, "encoding", TRUE, &encoding))
            goto damaged;
          {
            g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

            g_ptr_array_add (snapshot->captures, kd_case_capture_new (bytes, source_name, encoding));
          }
        }
    }

  if ((snapshot->codes = get_strv_member (object, "codes")) == NULL ||
      (snapshot->health_inputs = get_strv_member (object, "health_inputs")) == NULL)
    goto damaged;

  if (!get_string_member (object, "notes", TRUE, &notes))
    goto damaged;
  snapshot->notes = g_strdup (notes != NULL ? notes : "");

  if (json_object_has_member (object, "redaction"))
    {
      JsonNode *node = json_object_get_member (object, "redaction");
      g_autoptr(KdRedactor) redactor = kd_redactor_new_from_json (node, NULL);

      if (redactor == NULL)
        goto damaged;
      snapshot->redaction = json_node_copy (node);
      json_node_seal (snapshot->redaction);
    }

  if (json_object_has_member (object, "session"))
    {
      JsonNode *node = json_object_get_member (object, "session");
      JsonObject *session;
      JsonNode *unsaved;
      const char *file_uri;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto damaged;
      session = json_node_get_object (node);
      unsaved = json_object_get_member (session, "unsaved");
      if (!get_string_member (session, "file", TRUE, &file_uri) ||
          (unsaved != NULL && (!JSON_NODE_HOLDS_VALUE (unsaved) || json_node_get_value_type (unsaved) != G_TYPE_BOOLEAN)))
        goto damaged;
      snapshot->session = TRUE;
      snapshot->file_uri = g_strdup (file_uri);
      snapshot->unsaved = unsaved != NULL && json_node_get_boolean (unsaved);
    }

  return g_steal_pointer (&snapshot);

damaged:
  g_set_error (error, KD_CASE_ERROR, KD_CASE_ERROR_DAMAGED,
               _("The case file is damaged: a member has the wrong type"));
  return NULL;
}

/* The checks a file's contents go through before anything is loaded */
static Snapshot *
snapshot_from_data (const char  *contents,
                    gsize        length,
                    GError     **error)
{
  if (memchr (contents, '\0', length) != NULL || !g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error (error, KD_CASE_ERROR, KD_CASE_ERROR_DAMAGED,
                   _("The case file is damaged: it is not UTF-8 text"));
      return NULL;
    }
  return snapshot_from_json (contents, length, error);
}

/**
 * kd_case_check_data:
 * @contents: what a case file holds
 * @length: its length
 * @error: a #GError
 *
 * Reads @contents as kd_case_load_async() would, without loading it
 * anywhere: for the fuzzer, and for whoever must tell a case file apart.
 *
 * Returns: whether @contents is a whole case file this version reads
 */
gboolean
kd_case_check_data (const char  *contents,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(Snapshot) snapshot = NULL;

  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  snapshot = snapshot_from_data (length > 0 ? contents : "", length, error);
  return snapshot != NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *contents = NULL;
  GError *error = NULL;
  Snapshot *snapshot;
  gsize length;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  snapshot = snapshot_from_data (contents, length, &error);
  if (snapshot == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, snapshot, (GDestroyNotify) snapshot_free);
}

static void
set_saving (KdCase   *self,
            gboolean  saving)
{
  if (self->saving == saving)
    return;
  self->saving = saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void
set_autosave_error (KdCase       *self,
                    const GError *error)
{
  if (self->autosave_error == NULL && error == NULL)
    return;
  /* The same failure again is not news. */
  if (self->autosave_error != NULL && error != NULL &&
      g_error_matches (self->autosave_error, error->domain, error->code) &&
      g_str_equal (self->autosave_error->message, error->message))
    return;
  g_clear_error (&self->autosave_error);
  if (error != NULL)
    self->autosave_error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_ERROR]);
}

static void autosave (KdCase *self);

static void
autosave_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KdCase) self = KD_CASE (object);
  g_autoptr(GError) error = NULL;

  if (!kd_case_save_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("Cannot keep the case for the next start: %s", error->message);
      set_autosave_error (self, error);
    }
  else
    set_autosave_error (self, NULL);
  /* Changes made meanwhile are written by one more save; the case stays
   * saving until the disk has them all. */
  if (self->save_again)
    {
      self->save_again = FALSE;
      kd_case_save_async (self, self->autosave_file, self->autosave_cancellable, autosave_done,
                          g_object_ref (self));
      return;
    }
  set_saving (self, FALSE);
}

static void
autosave (KdCase *self)
{
  if (self->autosave_file == NULL)
    return;
  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }
  self->save_again = FALSE;
  set_saving (self, TRUE);
  kd_case_save_async (self, self->autosave_file, self->autosave_cancellable, autosave_done, g_object_ref (self));
}

static void
update_unsaved (KdCase *self)
{
  gboolean unsaved = self->generation != self->saved_generation;

  if (self->unsaved == unsaved)
    return;
  self->unsaved = unsaved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

/* The user's file of the case, which holds generation @saved */
static void
set_file (KdCase  *self,
          GFile   *file,
          guint64  saved)
{
  self->saved_generation = saved;
  if (self->file != file && (self->file == NULL || file == NULL || !g_file_equal (self->file, file)))
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  update_unsaved (self);
}

static void
changed (KdCase *self)
{
  self->generation++;
  update_unsaved (self);
  if (!self->modified)
    {
      self->modified = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  g_signal_emit (self, signals[CHANGED], 0);
  autosave (self);
}

static void
kd_case_dispose (GObject *object)
{
  KdCase *self = (KdCase *) object;

  g_cancellable_cancel (self->autosave_cancellable);

  G_OBJECT_CLASS (kd_case_parent_class)->dispose (object);
}

static void
kd_case_finalize (GObject *object)
{
  KdCase *self = (KdCase *) object;

  g_clear_object (&self->captures);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->health_inputs, g_strfreev);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->redaction, json_node_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->autosave_file);
  g_clear_object (&self->autosave_cancellable);
  g_clear_error (&self->autosave_error);

  G_OBJECT_CLASS (kd_case_parent_class)->finalize (object);
}

static void
kd_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KdCase *self = KD_CASE (object);

  switch (prop_id)
    {
    case PROP_CAPTURES:
      g_value_set_object (value, self->captures);
      break;
    case PROP_CODES:
      g_value_set_boxed (value, self->codes->pdata);
      break;
    case PROP_HEALTH_INPUTS:
      g_value_set_boxed (value, self->health_inputs);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_AUTOSAVE_FILE:
      g_value_set_object (value, self->autosave_file);
      break;
    case PROP_AUTOSAVE_ERROR:
      g_value_set_boxed (value, self->autosave_error);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_take_string (value, kd_case_dup_title (self));
      break;
    case PROP_UNSAVED:
      g_value_set_boolean (value, self->unsaved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KdCase *self = KD_CASE (object);

  switch (prop_id)
    {
    case PROP_NOTES:
      kd_case_set_notes (self, g_value_get_string (value));
      break;
    case PROP_AUTOSAVE_FILE:
      kd_case_set_autosave_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_case_class_init (KdCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kd_case_dispose;
  object_class->finalize = kd_case_finalize;
  object_class->get_property = kd_case_get_property;
  object_class->set_property = kd_case_set_property;

  properties[PROP_CAPTURES] =
    g_param_spec_object ("captures", NULL, NULL, G_TYPE_LIST_MODEL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODES] =
    g_param_spec_boxed ("codes", NULL, NULL, G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KdCase:health-inputs:
   *
   * The files and folders the KMS Health page reads, as paths.
   */
  properties[PROP_HEALTH_INPUTS] =
    g_param_spec_boxed ("health-inputs", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTOSAVE_FILE] =
    g_param_spec_object ("autosave-file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KdCase:autosave-error:
   *
   * Why the last autosave failed, or %NULL when it succeeded: the case is
   * then not on disk as the user sees it.  Cleared by the next autosave that
   * succeeds.
   */
  properties[PROP_AUTOSAVE_ERROR] =
    g_param_spec_boxed ("autosave-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KdCase:file:
   *
   * The file the user saved the case to or opened it from, or %NULL.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KdCase:title:
   *
   * The name of the case: its file's, without `.kmsdoctor`, or %NULL.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KdCase:unsaved:
   *
   * Whether the case changed since it was saved to its file or opened from
   * it (or, without a file, since it was started).  The session's autosave
   * keeps the changes either way.
   */
  properties[PROP_UNSAVED] =
    g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KdCase::changed:
   *
   * The user changed the case: a capture, a code looked up, the notes.
   * Not emitted when a case is loaded.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kd_case_init (KdCase *self)
{
  self->captures = g_list_store_new (KD_TYPE_CASE_CAPTURE);
  self->codes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->codes, NULL);
  self->health_inputs = g_new0 (char *, 1);
  self->notes = g_strdup ("");
  self->autosave_cancellable = g_cancellable_new ();
}

KdCase *
kd_case_new (void)
{
  return g_object_new (KD_TYPE_CASE, NULL);
}

/**
 * kd_case_get_captures:
 * @self: a #KdCase
 *
 * Returns: (transfer none): the #KdCaseCapture list
 */
GListModel *
kd_case_get_captures (KdCase *self)
{
  g_return_val_if_fail (KD_IS_CASE (self), NULL);

  return G_LIST_MODEL (self->captures);
}

/**
 * kd_case_set_capture:
 * @self: a #KdCase
 * @position: a capture's position, or the number of captures to add one
 * @capture: the capture
 *
 * Puts @capture in place of the one at @position, or after the last.
 */
void
kd_case_set_capture (KdCase        *self,
                     guint          position,
                     KdCaseCapture *capture)
{
  guint n;

  g_return_if_fail (KD_IS_CASE (self));
  g_return_if_fail (KD_IS_CASE_CAPTURE (capture));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->captures));
  g_return_if_fail (position <= n);

  g_list_store_splice (self->captures, position, position < n ? 1 : 0, (gpointer *) &capture, 1);
  changed (self);
}

void
kd_case_remove_capture (KdCase *self,
                        guint   position)
{
  g_return_if_fail (KD_IS_CASE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->captures)));

  g_list_store_remove (self->captures, position);
  changed (self);
}

/**
 * kd_case_get_codes:
 * @self: a #KdCase
 *
 * Returns: (transfer none): the codes looked up, the most recent last
 */
const char * const *
kd_case_get_codes (KdCase *self)
{
  g_return_val_if_fail (KD_IS_CASE (self), NULL);

  return (const char * const *) self->codes->pdata;
}

/**
 * kd_case_add_code:
 * @self: a #KdCase
 * @code: a code as the catalog spells it, such as `0xC004F074`
 *
 * Notes that @code was looked up; looked up again, it becomes the most
 * recent.
 */
void
kd_case_add_code (KdCase     *self,
                  const char *code)
{
  guint n;

  g_return_if_fail (KD_IS_CASE (self));
  g_return_if_fail (code != NULL);

  n = self->codes->len - 1;
  if (n > 0 && g_str_equal (g_ptr_array_index (self->codes, n - 1), code))
    return;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (g_ptr_array_index (self->codes, i), code))
      {
        g_ptr_array_remove_index (self->codes, i);
        n--;
        break;
      }
  if (n >= MAX_CODES)
    {
      g_ptr_array_remove_index (self->codes, 0);
      n--;
    }
  g_ptr_array_insert (self->codes, n, g_strdup (code));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODES]);
  changed (self);
}

/**
 * kd_case_get_file:
 * @self: a #KdCase
 *
 * Returns: (transfer none) (nullable): the user's file of the case
 */
GFile *
kd_case_get_file (KdCase *self)
{
  g_return_val_if_fail (KD_IS_CASE (self), NULL);
  return self->file;
}

/**
 * kd_case_dup_title:
 * @self: a #KdCase
 *
 * Returns: (transfer full) (nullable): the name of the case's file
 *   without its `.kmsdoctor`, or %NULL without a file
 */
char *
kd_case_dup_title (KdCase *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (KD_IS_CASE (self), NULL);

  if (self->file == NULL)
    return NULL;
  name = g_file_get_basename (self->file);
  if (g_str_has_suffix (name, KD_CASE_SUFFIX) && strlen (name) > strlen (KD_CASE_SUFFIX))
    name[strlen (name) - strlen (KD_CASE_SUFFIX)] = '\0';
  return g_steal_pointer (&name);
}

gboolean
kd_case_get_unsaved (KdCase *self)
{
  g_return_val_if_fail (KD_IS_CASE (self), FALSE);
  return self->unsaved;
}

/**
 * kd_case_get_health_inputs:
 * @self: a #KdCase
 *
 * Returns: (transfer none): the paths of the files and folders the KMS
 *   Health page reads, in the order given
 */
const char * const *
kd_case_get_health_inputs (KdCase *self)
{
  g_return_val_if_fail (KD_IS_CASE (self), NULL);

  return (const char * const *) self->health_inputs;
}

/**
 * kd_case_set_health_inputs:
 * @self: a #KdCase
 * @paths: (nullable): paths of files and folders
 */
void
kd_case_set_health_inputs (KdCase             *self,
                           const char * const *paths)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (KD_IS_CASE (self));

  if (paths == NULL)
    paths = none;
  if (g_strv_equal ((const char * const *) self->health_inputs, paths))
    return;
  g_strfreev (self->health_inputs);
  self->health_inputs = g_strdupv ((char **) paths);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEALTH_INPUTS]);
  changed (self);
}

const char *
kd_case_get_notes (KdCase *self)
{
  g_return_val_if_fail (KD_IS_CASE (self), NULL);

  return self->notes;
}

void
kd_case_set_notes (KdCase     *self,
                   const char *notes)
{
  g_return_if_fail (KD_IS_CASE (self));

  if (g_set_str (&self->notes, notes != NULL ? notes : ""))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
      changed (self);
    }
}

/**
 * kd_case_dup_redactor:
 * @self: a #KdCase
 *
 * The masks of the case's redacted reports go on with every new one, so
 * that a value is masked the same way in all of them (and the admin can
 * read the masks back from the case).
 *
 * Returns: (transfer full): a redactor with the case's masks, for one
 *   report; kd_case_set_redactor() keeps what it learned
 */
KdRedactor *
kd_case_dup_redactor (KdCase *self)
{
  KdRedactor *redactor = NULL;

  g_return_val_if_fail (KD_IS_CASE (self), NULL);

  if (self->redaction != NULL)
    redactor = kd_redactor_new_from_json (self->redaction, NULL);
  return redactor != NULL ? redactor : kd_redactor_new ();
}

/**
 * kd_case_set_redactor:
 * @self: a #KdCase
 * @redactor: a redactor from kd_case_dup_redactor(), after a report
 *
 * Keeps @redactor's masks in the case: a change when it learned new ones.
 */
void
kd_case_set_redactor (KdCase     *self,
                      KdRedactor *redactor)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (KD_IS_CASE (self));
  g_return_if_fail (KD_IS_REDACTOR (redactor));

  kd_redactor_to_json (redactor, builder);
  node = json_builder_get_root (builder);
  if (self->redaction != NULL && json_node_equal (self->redaction, node))
    return;
  g_clear_pointer (&self->redaction, json_node_unref);
  self->redaction = g_steal_pointer (&node);
  changed (self);
}

/**
 * kd_case_get_autosave_file:
 * @self: a #KdCase
 *
 * Returns: (transfer none) (nullable): where every change is saved
 */
GFile *
kd_case_get_autosave_file (KdCase *self)
{
  g_return_val_if_fail (KD_IS_CASE (self), NULL);

  return self->autosave_file;
}

/**
 * kd_case_set_autosave_file:
 * @self: a #KdCase
 * @file: (nullable): where to save every change, or %NULL for nowhere
 *
 * From now on each change is saved to @file, off the main thread; a change
 * not saved yet is saved at once.
 */
void
kd_case_set_autosave_file (KdCase *self,
                           GFile  *file)
{
  g_return_if_fail (KD_IS_CASE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (g_set_object (&self->autosave_file, file))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_FILE]);
      if (self->modified)
        autosave (self);
    }
}

/**
 * kd_case_get_modified:
 * @self: a #KdCase
 *
 * Returns: whether the case changed since it was last loaded or saved
 */
gboolean
kd_case_get_modified (KdCase *self)
{
  g_return_val_if_fail (KD_IS_CASE (self), FALSE);

  return self->modified;
}

static void
set_modified (KdCase   *self,
              gboolean  modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * kd_case_get_autosave_error:
 * @self: a #KdCase
 *
 * Returns: (nullable) (transfer none): why the last autosave failed, or
 *   %NULL
 */
const GError *
kd_case_get_autosave_error (KdCase *self)
{
  g_return_val_if_fail (KD_IS_CASE (self), NULL);

  return self->autosave_error;
}

/**
 * kd_case_autosave_now:
 * @self: a #KdCase
 *
 * Writes the case to its autosave file again, as after a change: for
 * trying again once the reason of #KdCase:autosave-error is mended.
 * Does nothing without an autosave file.
 */
void
kd_case_autosave_now (KdCase *self)
{
  g_return_if_fail (KD_IS_CASE (self));

  autosave (self);
}

/**
 * kd_case_get_saving:
 * @self: a #KdCase
 *
 * Returns: whether an autosave is being written
 */
gboolean
kd_case_get_saving (KdCase *self)
{
  g_return_val_if_fail (KD_IS_CASE (self), FALSE);

  return self->saving;
}

/**
 * kd_case_save_async:
 * @self: a #KdCase
 * @file: a local file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the case is on the disk
 * @user_data: for @callback
 *
 * Writes the case as it is now to @file as JSON, in a worker thread:
 * atomically (the file is the old case or the new one, never a mix) and
 * durably (on the disk when @callback is told it worked).
 */
void
kd_case_save_async (KdCase              *self,
                    GFile               *file,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KD_IS_CASE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kd_case_save_async);
  {
    Snapshot *snapshot = take_snapshot (self);

    /* the session's autosave remembers the user's file, and whether the
     * case has changed since it was saved there */
    if (self->autosave_file != NULL && g_file_equal (file, self->autosave_file))
      {
        snapshot->session = TRUE;
        snapshot->file_uri = self->file != NULL ? g_file_get_uri (self->file) : NULL;
        snapshot->unsaved = self->unsaved;
      }
    g_task_set_task_data (task, snapshot, (GDestroyNotify) snapshot_free);
  }
  g_object_set_data_full (G_OBJECT (task), "kd-file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "kd-generation", g_memdup2 (&self->generation, sizeof self->generation),
                          g_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
kd_case_save_finish (KdCase        *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kd_case_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  /* Nothing changed while it was written: what is on the disk is the case. */
  if (*(guint64 *) g_object_get_data (G_OBJECT (result), "kd-generation") == self->generation)
    set_modified (self, FALSE);
  /* Saved by the user: the case is that file now. */
  if (!((Snapshot *) g_task_get_task_data (G_TASK (result)))->session)
    set_file (self, g_object_get_data (G_OBJECT (result), "kd-file"),
              *(guint64 *) g_object_get_data (G_OBJECT (result), "kd-generation"));
  return TRUE;
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KdCase *self = g_task_get_source_object (task);
  g_autoptr(Snapshot) snapshot = NULL;
  GError *error = NULL;

  snapshot = g_task_propagate_pointer (G_TASK (result), &error);
  if (snapshot == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->generation != GPOINTER_TO_SIZE (g_task_get_task_data (task)))
    {
      /* The user changed the case while it was being read: what they gave
       * wins, and what the file held is kept beside it rather than lost.
       * Its captures come after theirs, its codes before, its notes when
       * they wrote none.  The whole is saved as a change. */
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->captures));
      g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

      g_list_store_splice (self->captures, n, 0, snapshot->captures->pdata, snapshot->captures->len);
      for (guint i = 0; snapshot->codes[i] != NULL; i++)
        if (!g_strv_contains ((const char * const *) self->codes->pdata, snapshot->codes[i]))
          g_ptr_array_add (codes, g_strdup (snapshot->codes[i]));
      g_ptr_array_remove_index (self->codes, self->codes->len - 1);
      g_ptr_array_extend_and_steal (codes, g_steal_pointer (&self->codes));
      self->codes = g_steal_pointer (&codes);
      while (self->codes->len > MAX_CODES)
        g_ptr_array_remove_index (self->codes, 0);
      g_ptr_array_add (self->codes, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODES]);
      if (self->health_inputs[0] == NULL && snapshot->health_inputs[0] != NULL)
        {
          g_strfreev (self->health_inputs);
          self->health_inputs = g_steal_pointer (&snapshot->health_inputs);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEALTH_INPUTS]);
        }
      if (*self->notes == '\0' && g_set_str (&self->notes, snapshot->notes))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
      if (self->redaction == NULL)
        self->redaction = g_steal_pointer (&snapshot->redaction);
      changed (self);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Loading is not a change the user made: no autosave, no ::changed. */
  g_list_store_splice (self->captures, 0, g_list_model_get_n_items (G_LIST_MODEL (self->captures)),
                       snapshot->captures->pdata, snapshot->captures->len);
  g_ptr_array_set_size (self->codes, 0);
  for (guint i = 0; snapshot->codes[i] != NULL; i++)
    g_ptr_array_add (self->codes, g_strdup (snapshot->codes[i]));
  g_ptr_array_add (self->codes, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODES]);
  if (!g_strv_equal ((const char * const *) self->health_inputs, (const char * const *) snapshot->health_inputs))
    {
      g_strfreev (self->health_inputs);
      self->health_inputs = g_steal_pointer (&snapshot->health_inputs);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEALTH_INPUTS]);
    }
  if (g_set_str (&self->notes, snapshot->notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
  g_clear_pointer (&self->redaction, json_node_unref);
  self->redaction = g_steal_pointer (&snapshot->redaction);
  self->generation++;
  set_modified (self, FALSE);
  /* The session's autosave says which file the user had and whether it
   * has all of this; any other file is the case's file now. */
  if (snapshot->session)
    {
      g_autoptr(GFile) file = snapshot->file_uri != NULL ? g_file_new_for_uri (snapshot->file_uri) : NULL;

      set_file (self, file, snapshot->unsaved ? 0 : self->generation);
    }
  else
    set_file (self, g_object_get_data (G_OBJECT (task), "kd-file"), self->generation);

  g_task_return_boolean (task, TRUE);
}

/**
 * kd_case_load_async:
 * @self: a #KdCase
 * @file: a case file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the case is loaded
 * @user_data: for @callback
 *
 * Reads @file in a worker thread and, if it is a whole case file of this
 * version or an older one, replaces what @self holds with it, in the
 * thread-default main context of the caller.  A damaged file or one from
 * a newer version leaves @self as it was.  When @self changed while the
 * file was read, nothing of either is lost: the file's captures follow the
 * new ones, its codes come before, and the result is a change.
 */
void
kd_case_load_async (KdCase              *self,
                    GFile               *file,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (KD_IS_CASE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kd_case_load_async);
  /* To tell, when the file is read, whether the user changed the case
   * meanwhile. */
  g_task_set_task_data (task, GSIZE_TO_POINTER (self->generation), NULL);
  g_object_set_data_full (G_OBJECT (task), "kd-file", g_object_ref (file), g_object_unref);

  worker = g_task_new (NULL, cancellable, load_done, g_steal_pointer (&task));
  g_task_set_source_tag (worker, load_thread);
  g_task_set_task_data (worker, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (worker, load_thread);
}

gboolean
kd_case_load_finish (KdCase        *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kd_case_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
