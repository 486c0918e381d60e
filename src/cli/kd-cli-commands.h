/* kd-cli-commands.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One function per command of kms-doctor-cli, each in a kd-cli-NAME.c of
 * its own.  ARGV[0] is the command's name; the return value is the exit
 * status (EXIT_FOUND, EXIT_NOT_FOUND or EXIT_USAGE, see kd-cli-common.h). */
int kd_cli_lookup   (int    argc,
                     char **argv);
int kd_cli_parse    (int    argc,
                     char **argv);
int kd_cli_diagnose (int    argc,
                     char **argv);
int kd_cli_events   (int    argc,
                     char **argv);
int kd_cli_health   (int    argc,
                     char **argv);
int kd_cli_diff     (int    argc,
                     char **argv);
int kd_cli_report   (int    argc,
                     char **argv);
int kd_cli_probe    (int    argc,
                     char **argv);

G_END_DECLS
