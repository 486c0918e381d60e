/* kd-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "kd-i18n.h"

/**
 * kd_i18n_init:
 *
 * Sets the locale and binds the translations of the UI and of the catalog
 * prose.  KMS_DOCTOR_LOCALEDIR lets an uninstalled build (build-aux/run,
 * the tests) find the catalogs it has just compiled.
 */
void
kd_i18n_init (void)
{
  const char *localedir = g_getenv ("KMS_DOCTOR_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
