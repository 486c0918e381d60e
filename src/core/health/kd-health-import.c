/* kd-health-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kd-health-import.h"
#include "kd-health-private.h"

/* Files and folders read into a health snapshot, as many at once as there
 * are processors, each file in one thread, in the order of their names
 * in the end whatever order they were read in.  A folder of ten thousand
 * client captures keeps what they hold (the parsed captures and events),
 * never their bytes.  Progress is published as properties on the main
 * context of the caller, a few times a second at most; a cancelled import
 * adds nothing. */

struct _KdHealthImport
{
  GObject parent_instance;

  KdHealth *health;
  GMainContext *context;
  guint max_threads;        /* 0: one per processor */

  /* written by the workers */
  int n_files;
  int n_done;
  int n_failed;
  int update_pending;

  /* as last published */
  guint published_done;
  guint published_failed;
};

G_DEFINE_FINAL_TYPE (KdHealthImport, kd_health_import, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HEALTH,
  PROP_FRACTION,
  PROP_MESSAGE,
  PROP_N_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_health_import_finalize (GObject *object)
{
  KdHealthImport *self = (KdHealthImport *) object;

  g_clear_object (&self->health);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (kd_health_import_parent_class)->finalize (object);
}

static void
kd_health_import_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KdHealthImport *self = KD_HEALTH_IMPORT (object);

  switch (prop_id)
    {
    case PROP_HEALTH:
      g_value_set_object (value, self->health);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, kd_health_import_get_fraction (self));
      break;
    case PROP_MESSAGE:
      g_value_take_string (value, kd_health_import_dup_message (self));
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->published_done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_health_import_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KdHealthImport *self = KD_HEALTH_IMPORT (object);

  switch (prop_id)
    {
    case PROP_HEALTH:
      self->health = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_health_import_class_init (KdHealthImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_health_import_finalize;
  object_class->get_property = kd_health_import_get_property;
  object_class->set_property = kd_health_import_set_property;

  /**
   * KdHealthImport:health:
   *
   * The snapshot the files go into, when the import is done.
   */
  properties[PROP_HEALTH] =
    g_param_spec_object ("health", NULL, NULL, KD_TYPE_HEALTH,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthImport:fraction:
   *
   * How much of the files found is read, from 0 to 1.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthImport:message:
   *
   * Where the import is, in words: the files read and those that failed.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthImport:n-done:
   *
   * The files read so far.
   */
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_health_import_init (KdHealthImport *self)
{
}

KdHealthImport *
kd_health_import_new (KdHealth *health)
{
  g_return_val_if_fail (KD_IS_HEALTH (health), NULL);

  return g_object_new (KD_TYPE_HEALTH_IMPORT, "health", health, NULL);
}

/* Progress ---------------------------------------------------------------- */

static gboolean
publish (gpointer data)
{
  KdHealthImport *self = data;
  guint done, failed;

  g_atomic_int_set (&self->update_pending, 0);
  done = (guint) g_atomic_int_get (&self->n_done);
  failed = (guint) g_atomic_int_get (&self->n_failed);
  if (done == self->published_done && failed == self->published_failed)
    return G_SOURCE_REMOVE;
  self->published_done = done;
  self->published_failed = failed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  return G_SOURCE_REMOVE;
}

/* From any thread: the counts changed; published within 100 ms */
static void
progress (KdHealthImport *self)
{
  GSource *source;

  if (!g_atomic_int_compare_and_exchange (&self->update_pending, 0, 1))
    return;
  source = g_timeout_source_new (100);
  g_source_set_callback (source, publish, g_object_ref (self), g_object_unref);
  g_source_set_static_name (source, "[kms-doctor] health import progress");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

double
kd_health_import_get_fraction (KdHealthImport *self)
{
  guint n_files;

  g_return_val_if_fail (KD_IS_HEALTH_IMPORT (self), 0.0);

  n_files = (guint) g_atomic_int_get (&self->n_files);
  return n_files > 0 ? (double) self->published_done / n_files : 0.0;
}

/**
 * kd_health_import_dup_message:
 *
 * Returns: (transfer full) (nullable): where the import is, in words
 */
char *
kd_health_import_dup_message (KdHealthImport *self)
{
  guint n_files;
  g_autofree char *read = NULL;

  g_return_val_if_fail (KD_IS_HEALTH_IMPORT (self), NULL);

  n_files = (guint) g_atomic_int_get (&self->n_files);
  if (n_files == 0)
    return NULL;
  read = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file read", "%u of %u files read", n_files),
                          self->published_done, n_files);
  if (self->published_failed == 0)
    return g_steal_pointer (&read);
  /* Translators: "12 of 40 files read, 2 not usable" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u not usable", "%s, %u not usable",
                                       self->published_failed),
                          read, self->published_failed);
}

guint
kd_health_import_get_n_files (KdHealthImport *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_IMPORT (self), 0);
  return (guint) g_atomic_int_get (&self->n_files);
}

guint
kd_health_import_get_n_done (KdHealthImport *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_IMPORT (self), 0);
  return self->published_done;
}

guint
kd_health_import_get_n_failed (KdHealthImport *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_IMPORT (self), 0);
  return self->published_failed;
}

KdHealth *
kd_health_import_get_health (KdHealthImport *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_IMPORT (self), NULL);
  return self->health;
}

/* The work ------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *inputs;        /* GFile, as given */
  GPtrArray *input_paths;   /* their names */
  GPtrArray *files;         /* GFile, every file below them */
  GPtrArray *paths;
  KdHealthItem **items;     /* one per file, in order */
} Job;

static void
job_free (Job *job)
{
  for (guint i = 0; job->items != NULL && i < job->files->len; i++)
    g_clear_pointer (&job->items[i], kd_health_item_free);
  g_free (job->items);
  g_ptr_array_unref (job->inputs);
  g_ptr_array_unref (job->input_paths);
  g_ptr_array_unref (job->files);
  g_ptr_array_unref (job->paths);
  g_free (job);
}

typedef struct
{
  KdHealthImport *self;
  Job *job;
  GCancellable *cancellable;
} Worker;

static void
read_one (gpointer data,
          gpointer user_data)
{
  Worker *worker = user_data;
  guint i = GPOINTER_TO_UINT (data) - 1;
  KdHealthItem *item;

  if (g_cancellable_is_cancelled (worker->cancellable))
    return;
  item = kd_health_item_read (g_ptr_array_index (worker->job->files, i), g_ptr_array_index (worker->job->paths, i),
                              worker->cancellable);
  if (item->kind != KD_HEALTH_INPUT_EVENTS && item->kind != KD_HEALTH_INPUT_CAPTURE)
    g_atomic_int_inc (&worker->self->n_failed);
  worker->job->items[i] = item;
  g_atomic_int_inc (&worker->self->n_done);
  progress (worker->self);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  KdHealthImport *self = source_object;
  Job *job = task_data;
  Worker worker = { self, job, cancellable };
  g_autoptr(GError) error = NULL;
  GThreadPool *pool;

  for (guint i = 0; i < job->inputs->len; i++)
    kd_health_list_files (g_ptr_array_index (job->inputs, i), g_ptr_array_index (job->input_paths, i), job->files,
                          job->paths, cancellable);
  job->items = g_new0 (KdHealthItem *, job->files->len);
  g_atomic_int_set (&self->n_files, (int) job->files->len);
  progress (self);

  pool = g_thread_pool_new (read_one, &worker,
                            (int) (self->max_threads > 0 ? self->max_threads : g_get_num_processors ()), FALSE,
                            &error);
  for (guint i = 0; i < job->files->len && pool != NULL; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);
  else
    for (guint i = 0; i < job->files->len; i++)
      read_one (GUINT_TO_POINTER (i + 1), &worker);

  /* Cancelled before this point, nothing is added; after it, the import
   * is done.  The snapshot is made here too, in the worker: for ten
   * thousand clients and a hundred thousand events it takes longer than
   * a frame, and the caller must not touch it until the import is done. */
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < job->files->len; i++)
    if (job->items[i] != NULL)
      kd_health_add_item (self->health, job->items[i]);
  kd_health_update (self->health);
  g_task_return_boolean (task, TRUE);
}

/**
 * kd_health_import_set_max_threads:
 * @max_threads: how many files to read at once, or 0 for one per
 *   processor
 *
 * A window leaves a processor to its main loop: with every processor
 * reading, the main thread of a two-processor machine waited for one
 * 15 ms to 50 ms at a time.
 */
void
kd_health_import_set_max_threads (KdHealthImport *self,
                                  guint           max_threads)
{
  g_return_if_fail (KD_IS_HEALTH_IMPORT (self));

  self->max_threads = max_threads;
}

/**
 * kd_health_import_run_async:
 * @files: (array zero-terminated=1): files and folders
 * @paths: (array zero-terminated=1) (nullable): their names as the user
 *   gave them, or %NULL for their paths
 * @cancellable: (nullable): a #GCancellable
 *
 * Reads @files, and every file below the folders among them, on every
 * processor; when all are read, adds what they hold to the snapshot and
 * makes it, still in a worker.  The snapshot must not be used until the
 * import is finished.
 */
void
kd_health_import_run_async (KdHealthImport       *self,
                            GFile               **files,
                            const char * const   *paths,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (KD_IS_HEALTH_IMPORT (self));
  g_return_if_fail (files != NULL);

  job->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  job->input_paths = g_ptr_array_new_with_free_func (g_free);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  job->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_ptr_array_add (job->inputs, g_object_ref (files[i]));
      g_ptr_array_add (job->input_paths, paths != NULL ? g_strdup (paths[i]) : g_file_get_parse_name (files[i]));
    }

  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  g_atomic_int_set (&self->n_files, 0);
  g_atomic_int_set (&self->n_done, 0);
  g_atomic_int_set (&self->n_failed, 0);
  self->published_done = self->published_failed = 0;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kd_health_import_run_async);
  g_task_set_static_name (task, "[kms-doctor] health import");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* what the worker returned, even if cancelled after it added the files */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * kd_health_import_run_finish:
 *
 * The files' contents are in the snapshot, in the order of their names.
 *
 * Returns: %FALSE with @error set when the import was cancelled (nothing
 *   is added then)
 */
gboolean
kd_health_import_run_finish (KdHealthImport  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (KD_IS_HEALTH_IMPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  publish (self);
  return TRUE;
}

static void
on_run_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/**
 * kd_health_import_run:
 *
 * kd_health_import_run_async() for a caller without a main loop of its
 * own (the command line): it waits, its progress published on a main
 * context of its own.
 *
 * Returns: as kd_health_import_run_finish()
 */
gboolean
kd_health_import_run (KdHealthImport      *self,
                      GFile              **files,
                      const char * const  *paths,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (KD_IS_HEALTH_IMPORT (self), FALSE);

  g_main_context_push_thread_default (context);
  kd_health_import_run_async (self, files, paths, cancellable, on_run_done, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  return kd_health_import_run_finish (self, result, error);
}
