/* kd-test-utils.c — what the widget tests and the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kd-test-utils.h"

/* Waiting for a condition */

/* The main context is woken this often while a test waits: a condition
 * may change in a worker thread (a reference dropped there), which does
 * not wake it by itself. */
#define WAKE_INTERVAL_MS 50

static gboolean
keep_waking (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
kd_test_waiter_start (KdTestWaiter *waiter,
                      guint         timeout_ms)
{
  waiter->timeout_ms = timeout_ms;
  waiter->deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  waiter->wake_id = g_timeout_add (WAKE_INTERVAL_MS, keep_waking, NULL);
}

void
kd_test_waiter_check (KdTestWaiter *waiter,
                      const char   *file,
                      int           line,
                      const char   *func,
                      const char   *what)
{
  if (g_get_monotonic_time () > waiter->deadline)
    {
      g_autofree char *message = g_strdup_printf ("waited %u ms in vain for: %s", waiter->timeout_ms, what);

      kd_test_waiter_finish (waiter);
      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
      g_abort ();
    }
}

void
kd_test_waiter_iterate (KdTestWaiter *waiter,
                        const char   *file,
                        int           line,
                        const char   *func,
                        const char   *what)
{
  kd_test_waiter_check (waiter, file, line, func, what);
  g_main_context_iteration (NULL, TRUE);
}

void
kd_test_waiter_finish (KdTestWaiter *waiter)
{
  g_clear_handle_id (&waiter->wake_id, g_source_remove);
}

void
kd_test_wait_for_full (KdTestCondition condition,
                       gpointer        user_data,
                       guint           timeout_ms,
                       const char     *file,
                       int             line,
                       const char     *func,
                       const char     *what)
{
  KdTestWaiter waiter;

  kd_test_waiter_start (&waiter, timeout_ms);
  while (!condition (user_data))
    kd_test_waiter_iterate (&waiter, file, line, func, what);
  kd_test_waiter_finish (&waiter);
}

static gboolean
frame_ticked (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
kd_test_wait_for_draw (GtkWidget *widget)
{
  gboolean ticked = FALSE;

  g_assert_true (gtk_widget_get_mapped (widget));
  /* A tick callback runs at the start of a frame; the frame's layout and
   * drawing follow in the same main loop iteration, before the wait
   * looks at @ticked again. */
  gtk_widget_queue_draw (widget);
  gtk_widget_add_tick_callback (widget, frame_ticked, &ticked, NULL);
  KD_TEST_WAIT_UNTIL (ticked);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
kd_test_run_ms (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop, loop);
  g_main_loop_run (loop);
}

/* Notifications */

struct _KdTestNotify
{
  GObject *object;
  char *type_name;
  char *property;
  gulong handler;
  guint count;
};

static void
on_notify (KdTestNotify *self)
{
  self->count++;
}

/**
 * kd_test_notify_watch:
 * @object: a #GObject
 * @property: one of its properties
 *
 * Returns: (transfer full): counts the notifications of @property from now
 * on; free it with kd_test_notify_free()
 */
KdTestNotify *
kd_test_notify_watch (gpointer    object,
                      const char *property)
{
  KdTestNotify *self = g_new0 (KdTestNotify, 1);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_assert_true (G_IS_OBJECT (object));
  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (object), property));

  self->type_name = g_strdup (G_OBJECT_TYPE_NAME (object));
  self->property = g_strdup (property);
  self->handler = g_signal_connect_swapped (object, signal, G_CALLBACK (on_notify), self);
  g_set_weak_pointer (&self->object, object);
  return self;
}

guint
kd_test_notify_count (KdTestNotify *self)
{
  return self->count;
}

void
kd_test_notify_reset (KdTestNotify *self)
{
  self->count = 0;
}

void
kd_test_notify_free (KdTestNotify *self)
{
  if (self->object != NULL)
    g_clear_signal_handler (&self->handler, self->object);
  g_clear_weak_pointer (&self->object);
  g_free (self->type_name);
  g_free (self->property);
  g_free (self);
}

void
kd_test_notify_assert (KdTestNotify *self,
                       guint         min,
                       guint         max,
                       const char   *file,
                       int           line,
                       const char   *func)
{
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;

  if (self->count >= min && self->count <= max)
    return;

  if (min == max)
    expected = min == 0 ? g_strdup ("none") : g_strdup_printf ("exactly %u", min);
  else if (max == G_MAXUINT)
    expected = g_strdup_printf ("at least %u", min);
  else
    expected = g_strdup_printf ("%u to %u", min, max);
  message = g_strdup_printf ("%s:%s notified %u times, expected %s",
                             self->type_name, self->property, self->count, expected);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

/* Widgets */

/**
 * kd_test_find_widget:
 * @widget: a widget
 * @match: says whether a widget is the one wanted
 * @data: for @match
 *
 * Returns: (transfer none) (nullable): @widget or its first descendant
 * that @match accepts, depth first
 */
GtkWidget *
kd_test_find_widget (GtkWidget        *widget,
                     KdTestWidgetFunc  match,
                     gconstpointer     data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kd_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/**
 * kd_test_find_descendant:
 * @widget: a widget
 * @type: a widget type
 *
 * Returns: (transfer none) (nullable): @widget or its first descendant of
 * @type, depth first
 */
GtkWidget *
kd_test_find_descendant (GtkWidget *widget,
                         GType      type)
{
  return kd_test_find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean italian;

/* @widget as it was last drawn, rendered by its renderer */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  /* The paintable takes its image of the widget when it is made. */
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static gboolean
same_picture (GdkTexture *a,
              GdkTexture *b)
{
  gsize stride_a, stride_b;
  g_autoptr(GdkTextureDownloader) downloader = NULL;
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;

  if (a == NULL || b == NULL ||
      gdk_texture_get_width (a) != gdk_texture_get_width (b) ||
      gdk_texture_get_height (a) != gdk_texture_get_height (b))
    return FALSE;
  downloader = gdk_texture_downloader_new (a);
  bytes_a = gdk_texture_downloader_download_bytes (downloader, &stride_a);
  gdk_texture_downloader_set_texture (downloader, b);
  bytes_b = gdk_texture_downloader_download_bytes (downloader, &stride_b);
  return stride_a == stride_b && g_bytes_equal (bytes_a, bytes_b);
}

/**
 * kd_test_save_screenshot:
 * @widget: a widget in a window
 * @name: the file's name, without .png
 *
 * Saves @widget once what the test changed is laid out and drawn.  One
 * frame is not always enough: some widgets lay their content out only in
 * the frame after they got their size (a dialog's breakpoints), so frames
 * are drawn until two in a row give the same picture.
 */
static void
save_texture (GdkTexture *texture,
              const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("MESON_BUILD_ROOT") ? g_getenv ("MESON_BUILD_ROOT") : ".",
                                           "tests", "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s%s.png", name, italian ? "-it" : "");
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
kd_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) previous = NULL;
  KdTestWaiter waiter;

  kd_test_waiter_start (&waiter, KD_TEST_TIMEOUT_MS);
  do
    {
      kd_test_waiter_check (&waiter, __FILE__, __LINE__, G_STRFUNC, "two frames in a row alike");
      g_clear_object (&previous);
      previous = g_steal_pointer (&texture);
      kd_test_wait_for_draw (widget);
      texture = render_widget (widget);
    }
  while (!same_picture (previous, texture));
  kd_test_waiter_finish (&waiter);
  save_texture (texture, name);
}

/**
 * kd_test_save_screenshot_moving:
 * @widget: a widget in a window
 * @name: the file's name, without .png
 *
 * Like kd_test_save_screenshot(), for a window in which something never
 * stops moving (a spinner, a progress bar): two frames give it time to
 * lay out, the third is saved.
 */
void
kd_test_save_screenshot_moving (GtkWidget  *widget,
                                const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  KdTestWaiter waiter;

  for (guint i = 0; i < 3; i++)
    kd_test_wait_for_draw (widget);
  /* a window whose content was just replaced may have drawn nothing yet */
  kd_test_waiter_start (&waiter, KD_TEST_TIMEOUT_MS);
  while ((texture = render_widget (widget)) == NULL)
    {
      kd_test_waiter_check (&waiter, __FILE__, __LINE__, G_STRFUNC, "a frame with something in it");
      kd_test_wait_for_draw (widget);
    }
  kd_test_waiter_finish (&waiter);
  save_texture (texture, name);
}

/* The application and its windows */

static KdApplication *app;
static int status;

/**
 * kd_test_init:
 *
 * Sets up the translations, GTest and a state directory of the program's
 * own; then add the tests and return kd_test_run().
 */
void
kd_test_init (int    *argc,
              char ***argv)
{
  const char *localedir = g_getenv ("KMS_DOCTOR_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  italian = g_strcmp0 (g_getenv ("LANGUAGE"), "it") == 0;

  g_test_init (argc, argv, NULL);

  /* The Analyze page keeps its text in the state directory: a fresh one
   * per run, so that runs do not see each other's captures. */
  {
    g_autofree char *state = g_dir_make_tmp ("kd-test-state-XXXXXX", NULL);
    g_autofree char *data = g_dir_make_tmp ("kd-test-data-XXXXXX", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
    /* and the recent files the case files saved go to */
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
}

static void
on_startup (GApplication *application)
{
  /* Transitions end at once: a screenshot shows where a change leads
   * rather than a frame of its animation, and nothing has to wait for
   * one to finish.  KD_TEST_ANIMATIONS=1 keeps them, to run the same
   * paths with animations on (under valgrind, for instance). */
  if (g_getenv ("KD_TEST_ANIMATIONS") == NULL)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  status = g_test_run ();
}

/**
 * kd_test_run:
 *
 * Runs the tests inside the application's startup, so that windows have an
 * application, its resources, accelerators and style sheet.
 *
 * Returns: the status of g_test_run()
 */
int
kd_test_run (void)
{
  app = kd_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_signal_connect_after (app, "startup", G_CALLBACK (on_startup), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (g_application_quit), NULL);
  g_application_run (G_APPLICATION (app), 0, NULL);
  g_clear_object (&app);
  return status;
}

KdApplication *
kd_test_get_application (void)
{
  return app;
}

gboolean
kd_test_in_italian (void)
{
  return italian;
}

/**
 * kd_test_read_fixture:
 * @name: a capture in tests/fixtures/captures/, without its .txt
 *
 * Returns: (transfer full): its contents
 */
char *
kd_test_read_fixture (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.txt", name);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "captures", file, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
count (guint *counter)
{
  (*counter)++;
}

/* The text of a page put back in pieces is all in the view.  (A line too
 * long to show is cut there: such a text is not compared.) */
static gboolean
restored_in_view (GtkTextBuffer *buffer,
                  const char    *restored)
{
  g_auto(GStrv) lines = g_strsplit_set (restored, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strlen (lines[i]) > 10000)
      return TRUE;
  return (glong) gtk_text_buffer_get_char_count (buffer) == g_utf8_strlen (restored, -1);
}

/**
 * kd_test_window_new:
 * @width: default width
 * @height: default height
 *
 * A window of the application, presented, that has drawn a frame and done
 * what a window starts doing by itself: the Error Codes page has its
 * catalog (loaded in a worker) and has run the search kept in the
 * settings; the Analyze page has analysed the text kept from the previous
 * window, if any.  What the test does next is not mixed up with those.
 *
 * Returns: (transfer full): the window; give it to kd_test_window_destroy()
 */
KdWindow *
kd_test_window_new (int width,
                    int height)
{
  KdWindow *window = g_object_ref (kd_window_new (ADW_APPLICATION (g_application_get_default ())));
  KdErrorCodesPage *codes = kd_window_get_error_codes_page (window);
  KdAnalyzePage *analyze = kd_window_get_analyze_page (window);
  GtkSearchEntry *entry = kd_error_codes_page_get_search_entry (codes);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (kd_test_find_descendant (GTK_WIDGET (analyze),
                                                                                             GTK_TYPE_TEXT_VIEW)));
  g_autoptr(KdTestNotify) diagnosed = kd_test_notify_watch (analyze, "diagnosis");
  g_autofree char *restored = kd_analyze_page_dup_text (analyze);
  gboolean searching = *gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0';
  guint searched = 0;
  gulong searched_id;

  /* Nothing of the window's own work has run yet: it all goes through the
   * main loop, which has not run since kd_window_new(). */
  searched_id = g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (count), &searched);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  KD_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  kd_test_wait_for_draw (GTK_WIDGET (window));

  /* The loaded catalog runs the search typed so far. */
  KD_TEST_WAIT_UNTIL (kd_error_codes_page_get_catalog_ready (codes));
  /* The search kept in the settings runs again after the entry's delay. */
  if (searching)
    KD_TEST_WAIT_UNTIL (searched > 0);
  /* The text kept by the previous window is analysed once it is all in the
   * view (each piece put in delays the analysis). */
  if (*restored != '\0')
    KD_TEST_WAIT_UNTIL (kd_test_notify_count (diagnosed) > 0 && restored_in_view (buffer, restored));

  g_signal_handler_disconnect (entry, searched_id);
  return window;
}

/* Drops the last reference to @object once whatever else held it for a
 * while has let go (a clipboard read, a launcher), and asserts that it is
 * finalized. */
#define assert_finalized(object) \
  G_STMT_START { \
    KD_TEST_WAIT_UNTIL (G_OBJECT (object)->ref_count == 1); \
    g_assert_finalize_object (object); \
  } G_STMT_END

/**
 * kd_test_window_destroy:
 * @window: (transfer full): a window from kd_test_window_new()
 *
 * Destroys @window and asserts that it, its views and its case are
 * finalized: nothing a window made outlives it.
 */
void
kd_test_window_destroy (KdWindow *window)
{
  KdErrorCodesPage *codes = g_object_ref (kd_window_get_error_codes_page (window));
  KdAnalyzePage *analyze = g_object_ref (kd_window_get_analyze_page (window));
  KdHealthPage *health = g_object_ref (kd_window_get_health_page (window));
  KdCase *kase = g_object_ref (kd_window_get_case (window));

  gtk_window_destroy (GTK_WINDOW (window));
  assert_finalized (window);
  /* The window lets its views go once the main loop has dispatched what
   * libadwaita left pending (kd_window_dispose()). */
  assert_finalized (codes);
  assert_finalized (analyze);
  assert_finalized (health);
  assert_finalized (kase);
}
