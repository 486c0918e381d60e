/* kd-test-wait.h — lets a window run for a while, for the UI tests and
 * benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

static inline gboolean
kd_test_quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Lets the window lay out, draw and run its timeouts (search delay,
 * animations).  Not a timing assertion: just enough frames. */
static inline void
wait_ms (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, kd_test_quit_loop, loop);
  g_main_loop_run (loop);
}
