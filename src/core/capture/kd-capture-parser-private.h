/* kd-capture-parser-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kd-capture-parser.h"

G_BEGIN_DECLS

KdCapture *kd_capture_parse_in_halves (const guint8 *data,
                                       gsize         length,
                                       gssize        split_from,
                                       gboolean     *out_in_halves,
                                       GCancellable *cancellable);

G_END_DECLS
