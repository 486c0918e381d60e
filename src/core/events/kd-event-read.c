/* kd-event-read.c — what a reader found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-event-readers.h"

void
kd_event_read_init (KdEventRead *read)
{
  read->format = KD_EVENT_FORMAT_UNKNOWN;
  read->language = NULL;
  read->records = g_ptr_array_new_with_free_func (g_object_unref);
  read->notes = g_ptr_array_new_with_free_func (g_free);
  read->unknown_lines = g_ptr_array_new_with_free_func (g_free);
}

void
kd_event_read_clear (KdEventRead *read)
{
  g_clear_pointer (&read->records, g_ptr_array_unref);
  g_clear_pointer (&read->notes, g_ptr_array_unref);
  g_clear_pointer (&read->unknown_lines, g_ptr_array_unref);
}
