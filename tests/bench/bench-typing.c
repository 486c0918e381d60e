/* bench-typing.c — typing in Error Codes, from a key press to the frame
 * that shows what it found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a user feels while typing a query is not the search (a twentieth
 * of a millisecond, bench-search) but everything between the key press
 * and the frame that shows the new list: the entry's search delay, the
 * filter and the list models, the rows made or reused, layout and paint.
 * The window runs under Xvfb; xdotool types real X key events into it,
 * one every 120 ms, query after query.  Each key press is timed when GTK
 * receives it (a key controller in the capture phase) to the end of the
 * first frame painted after the page has run the search for the new text
 * (the frame clock's "after-paint").  Goal: p95 under 16.7 ms, one frame
 * at 60 Hz.  With KD_BENCH_DEBUG set, each key's time is printed with the
 * text it gave, to find the slow ones.
 */

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>

#include "bench-common.h"
#include "kd-application.h"
#include "kd-test-utils.h"
#include "kd-window.h"

static const char * const queries[] = {
  "0xC004F074", "count insufficient", "kms host", "dns name does not exist", "-1073418124", "insuficient cuont",
};

typedef struct
{
  GQueue pressed;         /* monotonic times of the key presses not yet shown, oldest first */
  gint64 searched;        /* when the page last ran the search, 0 if not since the last frame */
  GArray *latencies;      /* µs, one per key press */
  GPtrArray *steps;       /* argv of each xdotool to run, in turn */
  GtkEditable *entry;
  guint next_step;
  gboolean done;
} Bench;

/* Only the keys that change the query are timed, not Ctrl+A. */
static gboolean
on_key_pressed (GtkEventControllerKey *keys,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Bench                 *bench)
{
  gint64 *now;

  if ((state & GDK_CONTROL_MASK) != 0 || (gdk_keyval_to_unicode (keyval) == 0 && keyval != GDK_KEY_BackSpace))
    return GDK_EVENT_PROPAGATE;
  now = g_new (gint64, 1);
  *now = g_get_monotonic_time ();
  g_queue_push_tail (&bench->pressed, now);
  return GDK_EVENT_PROPAGATE;
}

static void
on_search_changed (Bench *bench)
{
  bench->searched = g_get_monotonic_time ();
}

/* Every key pressed before the search just shown is now on screen. */
static void
on_after_paint (Bench *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->searched == 0)
    return;
  while (!g_queue_is_empty (&bench->pressed) && *(gint64 *) g_queue_peek_head (&bench->pressed) <= bench->searched)
    {
      g_autofree gint64 *pressed = g_queue_pop_head (&bench->pressed);
      gint64 latency = now - *pressed;

      g_array_append_val (bench->latencies, latency);
      if (g_getenv ("KD_BENCH_DEBUG"))
        g_printerr ("shown after %.1f ms: “%s”\n", latency / 1e3, gtk_editable_get_text (bench->entry));
    }
  bench->searched = 0;
}

static void run_next_step (Bench *bench);

static void
step_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Bench *bench = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error))
    g_error ("xdotool: %s", error->message);
  run_next_step (bench);
}

static void
run_next_step (Bench *bench)
{
  g_autoptr(GSubprocess) xdotool = NULL;
  g_autoptr(GError) error = NULL;

  if (bench->next_step == bench->steps->len)
    {
      bench->done = TRUE;
      return;
    }
  xdotool = g_subprocess_newv (g_ptr_array_index (bench->steps, bench->next_step++), G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (xdotool, NULL, step_done_cb, bench);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
on_startup (GApplication *app)
{
  Bench bench = { G_QUEUE_INIT, 0, g_array_new (FALSE, FALSE, sizeof (gint64)), NULL, 0, FALSE };
  GtkEventController *keys = gtk_event_controller_key_new ();
  KdWindow *window;
  GtkSearchEntry *entry;
  GdkFrameClock *clock;
  guint n_keys = 0;
  gint64 *l;

  g_application_hold (app);
  window = kd_test_window_new (1100, 720);
  entry = kd_error_codes_page_get_search_entry (kd_window_get_error_codes_page (window));
  bench.entry = GTK_EDITABLE (entry);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  kd_test_wait_for_draw (GTK_WIDGET (window));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), &bench);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (on_search_changed), &bench);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_after_paint), &bench);

  /* The window gets the focus, then each query is typed into the emptied
   * entry, a key every 120 ms, as a quick typist goes.  One xdotool per
   * step: "type" takes every argument after it as text. */
  bench.steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  {
    const char *focus[] = { "xdotool", "search", "--sync", "--onlyvisible", "--name", "^KMS Doctor$",
                            "windowfocus", "--sync", NULL };

    g_ptr_array_add (bench.steps, g_strdupv ((char **) focus));
  }
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      /* "--" so that "-1073418124" is text, not an option */
      const char *type[] = { "xdotool", "type", "--delay", "120", "--", queries[q], NULL };

      g_ptr_array_add (bench.steps, g_strsplit ("xdotool key --delay 200 ctrl+a BackSpace", " ", -1));
      g_ptr_array_add (bench.steps, g_strdupv ((char **) type));
      n_keys += strlen (queries[q]) + 1;
    }
  run_next_step (&bench);

  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);
  kd_test_run_ms (300);

  g_array_sort (bench.latencies, compare_int64);
  l = (gint64 *) (gpointer) bench.latencies->data;
  g_print ("keys typed: %u, timed: %u\n", n_keys, bench.latencies->len);
  if (bench.latencies->len > 0)
    g_print ("key press to the frame showing its search: median %.1f ms, p95 %.1f ms, max %.1f ms (goal: p95 under 16.7 ms)\n",
             l[bench.latencies->len / 2] / 1e3, l[bench.latencies->len * 95 / 100] / 1e3,
             l[bench.latencies->len - 1] / 1e3);

  g_array_unref (bench.latencies);
  g_ptr_array_unref (bench.steps);
  g_queue_clear_full (&bench.pressed, g_free);
  kd_test_window_destroy (window);
  g_application_release (app);
}

int
main (int    argc,
      char **argv)
{
  return bench_run_app (on_startup);
}
