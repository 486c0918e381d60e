/* kd-capture-date.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean kd_capture_parse_date (const char  *text,
                            guint        lcid,
                            const char  *language,
                            char       **out_iso);

G_END_DECLS
