/* bench-common.h — what several benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The UTF-8 capture fixtures (tests/fixtures/captures, through
 * G_TEST_SRCDIR), each followed by @separator: the input the parse and
 * open benchmarks repeat to 100 MB.  A real file of that size has one
 * encoding, so the other fixtures are left out. */
GString *bench_read_utf8_fixtures (const char *separator);

/* Runs the application with a state directory of its own, calls
 * @on_startup once it has started, and quits when @on_startup releases
 * it. */
int      bench_run_app            (void (*on_startup) (GApplication *app));

/* Stalls: the longest gap between two runs of a 5 ms timeout, the longest
 * time the main loop could not draw or answer input.  Started once; each
 * reset begins a new measure from now. */
void     bench_stalls_start       (void);
void     bench_stalls_reset       (void);
gint64   bench_stalls_longest     (gint64 *end);
void     bench_stalls_stop        (void);

G_END_DECLS
