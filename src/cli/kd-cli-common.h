/* kd-cli-common.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-capture.h"

G_BEGIN_DECLS

/* Exit codes are part of the contract scripts rely on (docs/cli.md). */
enum {
  EXIT_FOUND = 0,
  EXIT_NOT_FOUND = 1,
  EXIT_USAGE = 2,
};

/* What one capture command does with each document; returns whether the
 * document counts towards the command's exit status (see kd_cli_run_capture_command). */
typedef gboolean (*KdCliCaptureFunc) (KdCapture   *doc,
                                      const char  *file,
                                      guint        index,
                                      guint        n_files,
                                      JsonBuilder *json);

int        kd_cli_usage_error         (const char        *message);
void       kd_cli_apply_language      (const char        *lang);
GBytes    *kd_cli_read_input          (const char        *path,
                                       GError           **error);
GPtrArray *kd_cli_load_documents      (char             **files,
                                       GError           **error);
void       kd_cli_print_json          (JsonBuilder       *builder);
GDateTime *kd_cli_parse_time          (const char        *text,
                                       char             **message);
int        kd_cli_run_capture_command (int                argc,
                                       char             **argv,
                                       const char        *parameter,
                                       const char        *json_doc,
                                       const char        *no_file,
                                       KdCliCaptureFunc   func,
                                       int                exit_when_any,
                                       int                exit_otherwise);

G_END_DECLS
