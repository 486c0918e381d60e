/* kd-event-readers.h — one reader per kind of export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kd-kms-event-private.h"

G_BEGIN_DECLS

/* Each reader (kd-event-FORMAT.c) returns whether @text is its kind of
 * export; if so, it has added to @records the records it read, in order
 * (#KdKmsEvent, of any source, not finished), and to @notes what it has to
 * say of the export (a string each). */
gboolean kd_event_read_xml (const char *text,
                            gsize       length,
                            GPtrArray  *records,
                            GPtrArray  *notes);

G_END_DECLS
