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
int    bench_compare_int64 (gconstpointer        a,
                            gconstpointer        b);
