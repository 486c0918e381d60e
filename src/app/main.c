/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-application.h"
#include "kd-i18n.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(KdApplication) app = NULL;
  kd_i18n_init ();

  app = kd_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
