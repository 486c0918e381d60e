/* test-file-loader.c — reading a file off the main thread: its progress,
 * its encodings, and the files it must refuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kd-file-loader.h"

static char *dir;
static GThread *main_thread;

static gboolean
fail_waiting (gpointer data)
{
  g_error ("timed out waiting for the load");
  return G_SOURCE_REMOVE;
}

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the load to its end, and the notifications it leaves, as an
 * application's main loop would. */
static gboolean
load (KdFileLoader  *loader,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  guint timeout = g_timeout_add_seconds (30, fail_waiting, NULL);
  gboolean ok;

  kd_file_loader_load_async (loader, cancellable, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  ok = kd_file_loader_load_finish (loader, result, error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return ok;
}

static GFile *
write_file (const char *name,
            const void *data,
            gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

typedef struct
{
  GArray *fractions;
  GPtrArray *messages;
} Progress;

static void
on_fraction (KdFileLoader *loader,
             GParamSpec   *pspec,
             Progress     *progress)
{
  double fraction = kd_file_loader_get_fraction (loader);

  g_assert_true (g_thread_self () == main_thread);
  g_array_append_val (progress->fractions, fraction);
}

static void
on_message (KdFileLoader *loader,
            GParamSpec   *pspec,
            Progress     *progress)
{
  g_assert_true (g_thread_self () == main_thread);
  g_ptr_array_add (progress->messages, kd_file_loader_dup_message (loader));
}

/* A capture saved by `cscript slmgr.vbs /dlv > file` on a console, as
 * Windows writes it: UTF-16LE with a BOM; many megabytes of it, so that
 * the load takes several chunks.  Progress comes on the main thread,
 * never goes back, ends at 1, and says what it is doing while it runs. */
static void
test_utf16_progress (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", "en-dlv-win10-ent-token-based.txt", NULL);
  g_autofree char *capture = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree gunichar2 *utf16 = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(KdFileLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)), g_ptr_array_new_with_free_func (g_free) };
  glong n_units;
  gboolean saw_reading = FALSE;

  g_file_get_contents (path, &capture, NULL, &error);
  g_assert_no_error (error);
  while (text->len < 6 * 1024 * 1024)
    g_string_append (text, capture);
  utf16 = g_utf8_to_utf16 (text->str, (glong) text->len, NULL, &n_units, &error);
  g_assert_no_error (error);
  g_byte_array_append (data, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (data, (const guint8 *) utf16, (guint) (n_units * 2));
  file = write_file ("big-utf16.txt", data->data, data->len);

  loader = kd_file_loader_new (file);
  g_assert_cmpfloat (kd_file_loader_get_fraction (loader), ==, 0.0);
  g_assert_null (kd_file_loader_get_text (loader));
  g_signal_connect (loader, "notify::fraction", G_CALLBACK (on_fraction), &progress);
  g_signal_connect (loader, "notify::message", G_CALLBACK (on_message), &progress);

  g_assert_true (load (loader, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (kd_file_loader_get_encoding (loader), ==, "UTF-16LE");
  g_assert_cmpuint (g_bytes_get_size (kd_file_loader_get_bytes (loader)), ==, data->len);
  g_assert_cmpstr (kd_file_loader_get_text (loader), ==, text->str);

  g_assert_cmpuint (progress.fractions->len, >=, 1);
  for (guint i = 0; i < progress.fractions->len; i++)
    {
      double fraction = g_array_index (progress.fractions, double, i);

      g_assert_cmpfloat (fraction, >, 0.0);
      g_assert_cmpfloat (fraction, <=, 1.0);
      if (i > 0)
        g_assert_cmpfloat (fraction, >, g_array_index (progress.fractions, double, i - 1));
    }
  g_assert_cmpfloat (g_array_index (progress.fractions, double, progress.fractions->len - 1), ==, 1.0);
  g_assert_cmpfloat (kd_file_loader_get_fraction (loader), ==, 1.0);

  /* Each message told is a change; while running they name the file, and
   * when the load is over there is none. */
  g_assert_cmpuint (progress.messages->len, >=, 2);
  for (guint i = 0; i + 1 < progress.messages->len; i++)
    {
      const char *message = g_ptr_array_index (progress.messages, i);

      g_assert_nonnull (message);
      g_assert_nonnull (strstr (message, "big-utf16.txt"));
      g_assert_cmpstr (message, !=, g_ptr_array_index (progress.messages, i + 1));
      saw_reading |= g_str_has_prefix (message, "Reading");
    }
  g_assert_true (saw_reading);
  g_assert_null (g_ptr_array_index (progress.messages, progress.messages->len - 1));
  g_assert_null (kd_file_loader_dup_message (loader));

  g_array_unref (progress.fractions);
  g_ptr_array_unref (progress.messages);
}

/* A Russian capture redirected to a file on a console with OEM code page
 * 866: read in that code page, not as Latin-1. */
static void
test_codepage (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", "ru-dlv-retail-cp866.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KdFileLoader) loader = kd_file_loader_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (load (loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kd_file_loader_get_encoding (loader), ==, "CP866");
  g_assert_true (g_utf8_validate (kd_file_loader_get_text (loader), -1, NULL));
  g_assert_nonnull (strstr (kd_file_loader_get_text (loader), "Имя:"));
}

static void
test_empty_and_binary (void)
{
  g_autoptr(GFile) empty = write_file ("empty.txt", "", 0);
  g_autoptr(KdFileLoader) loader = kd_file_loader_new (empty);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint8 noise[65536];
  g_autoptr(GFile) binary = NULL;

  g_assert_true (load (loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kd_file_loader_get_text (loader), ==, "");
  g_assert_cmpuint (g_bytes_get_size (kd_file_loader_get_bytes (loader)), ==, 0);
  g_clear_object (&loader);

  /* Not text at all (an image picked by mistake): still read, as valid
   * UTF-8, for the parser to say it holds no capture. */
  for (gsize i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
  binary = write_file ("noise.png", noise, sizeof noise);
  loader = kd_file_loader_new (binary);
  g_assert_true (load (loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (kd_file_loader_get_text (loader), -1, NULL));
  g_assert_cmpuint (g_bytes_get_size (kd_file_loader_get_bytes (loader)), ==, sizeof noise);
}

/* Each refusal says which file and why, with the error code GIO uses for
 * it, and leaves nothing behind. */
static void
test_refused (void)
{
  g_autofree char *missing_path = g_build_filename (dir, "gone.txt", NULL);
  g_autofree char *huge_path = g_build_filename (dir, "huge.log", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) small = write_file ("small.txt", "Name: Windows(R), Enterprise edition\r\n", 38);
  g_autoptr(GFile) huge = g_file_new_for_path (huge_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir_name = g_path_get_basename (dir);
  int fd;

  {
    g_autoptr(KdFileLoader) loader = kd_file_loader_new (missing);

    g_assert_false (load (loader, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_cmpstr (error->message, ==, "“gone.txt” does not exist");
    g_assert_null (kd_file_loader_get_text (loader));
    g_assert_null (kd_file_loader_dup_message (loader));
    g_clear_error (&error);
  }
  {
    g_autoptr(KdFileLoader) loader = kd_file_loader_new (folder);
    g_autofree char *expected = g_strdup_printf ("“%s” is a folder, not a file", dir_name);

    g_assert_false (load (loader, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
  }
  {
    g_autoptr(KdFileLoader) loader = kd_file_loader_new (small);

    kd_file_loader_set_max_size (loader, 20);
    g_assert_false (load (loader, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, "“small.txt” is 38 bytes, more than a capture can be (at most 20 bytes)");
    g_clear_error (&error);

    /* The same loader reads it once the limit allows. */
    kd_file_loader_set_max_size (loader, 38);
    g_assert_true (load (loader, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (kd_file_loader_get_text (loader), ==, "Name: Windows(R), Enterprise edition\r\n");
  }

  /* Three gigabytes (sparse: nothing is written), with no limit set: more
   * than the loader can hold, refused before a byte is read. */
  fd = g_open (huge_path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 3 * 1024 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);
  {
    g_autoptr(KdFileLoader) loader = kd_file_loader_new (huge);
    /* sizes as GLib writes them, with a no-break space before the unit */
    g_autofree char *size = g_format_size ((guint64) 3 * 1024 * 1024 * 1024);
    g_autofree char *max = g_format_size (G_MAXUINT32 / 2);
    g_autofree char *expected = g_strdup_printf ("“huge.log” is %s, more than a capture can be (at most %s)", size, max);

    g_assert_false (load (loader, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
  }
  g_unlink (huge_path);
}

/* A pipe (a shell's process substitution) has no size: the fraction
 * cannot move until the end, the message still tells, and the limit is
 * kept while reading since it cannot be checked before. */
static gpointer
write_pipe (gpointer data)
{
  const char *path = data;
  g_autofree char *chunk = g_strnfill (64 * 1024, 'x');
  int fd = g_open (path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  for (guint i = 0; i < 32; i++)
    if (write (fd, chunk, 64 * 1024) != 64 * 1024)
      break;  /* the reader stopped */
  g_close (fd, NULL);
  return NULL;
}

static void
test_pipe (void)
{
  g_autofree char *path = g_build_filename (dir, "pipe", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  for (guint limit = 0; limit < 2; limit++)
    {
      g_autoptr(KdFileLoader) loader = kd_file_loader_new (file);
      GThread *writer = g_thread_new ("writer", write_pipe, path);
      Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)), g_ptr_array_new_with_free_func (g_free) };

      g_signal_connect (loader, "notify::fraction", G_CALLBACK (on_fraction), &progress);
      if (limit)
        {
          g_autofree char *max = g_format_size (1024 * 1024);
          g_autofree char *expected = g_strdup_printf ("“pipe” is more than a capture can be (at most %s)", max);

          kd_file_loader_set_max_size (loader, 1024 * 1024);
          g_assert_false (load (loader, NULL, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
          g_assert_cmpstr (error->message, ==, expected);
          g_clear_error (&error);
        }
      else
        {
          g_assert_true (load (loader, NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (strlen (kd_file_loader_get_text (loader)), ==, 2 * 1024 * 1024);
          /* nothing before the end of the read, where decoding starts */
          for (guint i = 0; i < progress.fractions->len; i++)
            g_assert_cmpfloat (g_array_index (progress.fractions, double, i), >=, 0.5);
          g_assert_cmpfloat (g_array_index (progress.fractions, double, progress.fractions->len - 1), ==, 1.0);
        }
      g_clear_object (&loader);
      g_thread_join (writer);
      g_array_unref (progress.fractions);
      g_ptr_array_unref (progress.messages);
    }
  g_unlink (path);
}

/* Cancelled, the load reports that and nothing else, and the loader can
 * load again; while one load runs, another is refused. */
static void
test_cancel_and_pending (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", "ru-dlv-retail-cp866.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KdFileLoader) loader = kd_file_loader_new (file);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;

  kd_file_loader_load_async (loader, cancellable, got_result, &first);
  kd_file_loader_load_async (loader, NULL, got_result, &second);
  g_cancellable_cancel (cancellable);
  while (first == NULL || second == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (kd_file_loader_load_finish (loader, second, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);
  g_assert_false (kd_file_loader_load_finish (loader, first, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (kd_file_loader_get_text (loader));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_true (load (loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kd_file_loader_get_encoding (loader), ==, "CP866");
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* the pipe's writer must see EPIPE when the reader stops, not die */
  signal (SIGPIPE, SIG_IGN);
  main_thread = g_thread_self ();
  dir = g_dir_make_tmp ("kd-test-loader-XXXXXX", NULL);
  g_assert_nonnull (dir);

  g_test_add_func ("/file-loader/utf16-progress", test_utf16_progress);
  g_test_add_func ("/file-loader/codepage", test_codepage);
  g_test_add_func ("/file-loader/empty-and-binary", test_empty_and_binary);
  g_test_add_func ("/file-loader/refused", test_refused);
  g_test_add_func ("/file-loader/pipe", test_pipe);
  g_test_add_func ("/file-loader/cancel-and-pending", test_cancel_and_pending);

  status = g_test_run ();
  {
    const char *names[] = { "big-utf16.txt", "empty.txt", "noise.png", "small.txt" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);

        g_unlink (path);
      }
  }
  g_rmdir (dir);
  g_free (dir);
  return status;
}
