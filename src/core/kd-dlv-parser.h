/* kd-dlv-parser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kd-dlv-document.h"

G_BEGIN_DECLS

KdDlvDocument *kd_dlv_parse              (const guint8        *data,
                                          gsize                length,
                                          GCancellable        *cancellable);
KdDlvDocument *kd_dlv_parse_bytes        (GBytes              *bytes);
gboolean       kd_dlv_looks_like_capture (const char          *text,
                                          gsize                length);

G_END_DECLS
