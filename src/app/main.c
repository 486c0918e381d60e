/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "kd-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(KdApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Lets an uninstalled build (build-aux/run, the tests) find its catalogs. */
  localedir = g_getenv ("KMS_DOCTOR_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kd_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
