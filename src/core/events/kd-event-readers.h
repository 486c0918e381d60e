/* kd-event-readers.h — one reader per kind of export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kd-kms-event-private.h"

G_BEGIN_DECLS

/* What a reader found in an export */
typedef struct
{
  KdEventFormat format;
  const char *language;     /* static: the labels' language, or NULL */
  GPtrArray *records;       /* #KdKmsEvent of any source, in order; the licensing ones finished */
  GPtrArray *notes;         /* strings: what the reader has to say of the export */
  GPtrArray *unknown_lines; /* strings: text it could not place */
  gboolean open;            /* records are left unfinished, for a reader that reads inside another */
  const char *give_back;    /* the input from here on is the log's own, and what the reader is done with
                             * may be given back to the system (kd_event_read_give_back()); or NULL */
  const char *give_back_end;
  gboolean threads;         /* the reader may read in threads of its own */
} KdEventRead;

void kd_event_read_init  (KdEventRead *read);
void kd_event_read_clear (KdEventRead *read);
void kd_event_read_add   (KdEventRead *read,
                          KdKmsEvent  *event);
void kd_event_read_give_back (KdEventRead *read,
                              const char  *done);

/* Each reader (kd-event-FORMAT.c) returns whether @text is its kind of
 * export, and if so fills @read. */
gboolean kd_event_read_xml  (const char  *text,
                             gsize        length,
                             KdEventRead *read);
gboolean kd_event_read_csv  (const char  *text,
                             gsize        length,
                             KdEventRead *read);
gboolean kd_event_read_json (const char  *text,
                             gsize        length,
                             KdEventRead *read);
gboolean kd_event_read_formatlist (const char  *text,
                                   gsize        length,
                                   KdEventRead *read);
gboolean kd_event_read_text (const char  *text,
                             gsize        length,
                             KdEventRead *read);

/* A binary .evtx, through libevtx (the evtx feature) */
gboolean kd_event_read_evtx (const guint8  *data,
                             gsize          length,
                             KdEventRead   *read,
                             GError       **error);

G_END_DECLS
