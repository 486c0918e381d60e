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
