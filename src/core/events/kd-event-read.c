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
  read->open = FALSE;
}

/**
 * kd_event_read_add:
 * @event: (transfer full): a record whose fields are all set
 *
 * Adds a record; one of a licensing source is finished now, while its
 * strings are the last ones made: a big export's events then lie in
 * memory one after the other.
 */
void
kd_event_read_add (KdEventRead *read,
                   KdKmsEvent  *event)
{
  const char *source = kd_kms_event_get_source (event);

  if (!read->open && (source == NULL || kd_kms_event_is_licensing_source (source)))
    kd_kms_event_finish (event);
  g_ptr_array_add (read->records, event);
}

void
kd_event_read_clear (KdEventRead *read)
{
  g_clear_pointer (&read->records, g_ptr_array_unref);
  g_clear_pointer (&read->notes, g_ptr_array_unref);
  g_clear_pointer (&read->unknown_lines, g_ptr_array_unref);
}
