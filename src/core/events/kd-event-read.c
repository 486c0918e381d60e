/* kd-event-read.c — what a reader found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/mman.h>
#include <unistd.h>

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
  read->give_back = NULL;
  read->give_back_end = NULL;
  read->threads = FALSE;
}

/**
 * kd_event_read_give_back:
 * @done: the input before it will not be read again, by this reader or
 *   any other
 *
 * Gives the pages of the input that a reader is done with back to the
 * system, a megabyte or more at a time, when the input is the log's own
 * copy of a file: the peak memory of reading a big export is then its
 * events, not its events and the whole file.  What is given back reads as
 * zeros afterwards, so a reader calls this only once it knows the input is
 * its kind (it has read an event), and only behind the point it reads.
 */
void
kd_event_read_give_back (KdEventRead *read,
                         const char  *done)
{
#ifdef MADV_DONTNEED
  static gsize page = 0;
  guintptr start, stop;

  if (read->give_back == NULL || done > read->give_back_end || done < read->give_back + (1 << 20))
    return;
  if (page == 0)
    page = (gsize) sysconf (_SC_PAGESIZE);
  start = ((guintptr) read->give_back + page - 1) / page * page;
  stop = (guintptr) done / page * page;
  if (stop > start)
    madvise ((void *) start, stop - start, MADV_DONTNEED);
  read->give_back = done;
#endif
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
