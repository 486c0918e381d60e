/* bench-app.c — the application, started for a benchmark to drive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-common.h"
#include "kd-application.h"

int
bench_run_app (void (*on_startup) (GApplication *app))
{
  g_autoptr(KdApplication) app = NULL;
  g_autofree char *state = g_dir_make_tmp ("kd-bench-state-XXXXXX", NULL);

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  app = kd_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "startup", G_CALLBACK (on_startup), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (g_application_quit), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

static guint stall_source;
static gint64 last_tick;
static gint64 longest_gap;
static gint64 longest_gap_end;

static gboolean
tick (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick != 0 && now - last_tick > longest_gap)
    {
      longest_gap = now - last_tick;
      longest_gap_end = now;
    }
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

void
bench_stalls_start (void)
{
  g_assert (stall_source == 0);
  stall_source = g_timeout_add (5, tick, NULL);
  bench_stalls_reset ();
}

void
bench_stalls_reset (void)
{
  last_tick = g_get_monotonic_time ();
  longest_gap = 0;
  longest_gap_end = last_tick;
}

/* Returns: the longest stall since the reset, in µs; @end: when it ended */
gint64
bench_stalls_longest (gint64 *end)
{
  if (end != NULL)
    *end = longest_gap_end;
  return longest_gap;
}

void
bench_stalls_stop (void)
{
  g_clear_handle_id (&stall_source, g_source_remove);
}
