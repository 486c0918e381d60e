/* bench-history.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

void   bench_write_history (const char          *text_path,
                            const char          *xml_path,
                            guint                n);
gint64 bench_run_timed     (const char * const  *argv,
                            char               **out);
void   bench_write_health_folder (const char *dir,
                                  guint       n_captures,
                                  guint       n_events);
gboolean bench_remove_tree       (const char *path);
int    bench_compare_int64 (gconstpointer        a,
                            gconstpointer        b);
