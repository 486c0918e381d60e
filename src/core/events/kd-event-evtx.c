/* kd-event-evtx.c — events from a binary .evtx file, through libevtx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libevtx.h>

#include "kd-event-log.h"
#include "kd-event-readers.h"

/* libevtx reads a file by its name: the bytes go to a file of our own
 * for the time it takes.  Each record gives its XML, which the XML reader
 * reads as it reads an export's: an .evtx and the XML exported from it
 * give the same events.  libevtx renders no message (that takes the
 * message files of the machine that wrote the log), so the message is
 * null; the Info comes from the insertion strings.  Records the file
 * still holds in its free space ("recovered") are read too, and said. */

/* Reads one record into @read; returns whether it could */
static gboolean
read_record (libevtx_record_t *record,
             KdEventRead      *read)
{
  libevtx_error_t *error = NULL;
  size_t size = 0;
  g_autofree uint8_t *xml = NULL;

  if (libevtx_record_get_utf8_xml_string_size (record, &size, &error) != 1 || size == 0 || size > 64 * 1024 * 1024)
    {
      libevtx_error_free (&error);
      return FALSE;
    }
  xml = g_malloc (size);
  if (libevtx_record_get_utf8_xml_string (record, xml, size, &error) != 1)
    {
      libevtx_error_free (&error);
      return FALSE;
    }
  return kd_event_read_xml ((const char *) xml, strnlen ((const char *) xml, size), read);
}

gboolean
kd_event_read_evtx (const guint8  *data,
                    gsize          length,
                    KdEventRead   *read,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  libevtx_file_t *file = NULL;
  libevtx_error_t *evtx_error = NULL;
  int n_records = 0, n_recovered = 0;
  guint n_failed = 0, n_read_recovered = 0, n_failed_recovered = 0;
  int fd;

  fd = g_file_open_tmp ("kms-doctor-XXXXXX.evtx", &path, &local_error);
  if (fd < 0 || !g_file_set_contents (path, (const char *) data, length, &local_error))
    {
      if (fd >= 0)
        {
          close (fd);
          g_unlink (path);
        }
      g_set_error (error, KD_EVENT_LOG_ERROR, KD_EVENT_LOG_ERROR_DAMAGED,
                   _("The .evtx file could not be copied to be read: %s"), local_error->message);
      return FALSE;
    }
  close (fd);

  /* libevtx's reasons are for its developers, and name our copy */
  if (libevtx_file_initialize (&file, &evtx_error) != 1 ||
      libevtx_file_open (file, path, LIBEVTX_OPEN_READ, &evtx_error) != 1)
    {
      libevtx_error_free (&evtx_error);
      libevtx_file_free (&file, NULL);
      g_unlink (path);
      g_set_error_literal (error, KD_EVENT_LOG_ERROR, KD_EVENT_LOG_ERROR_DAMAGED,
                           _("The .evtx file is too damaged to read: its header is missing or cut short"));
      return FALSE;
    }

  if (libevtx_file_get_number_of_records (file, &n_records, NULL) != 1)
    n_records = 0;
  if (libevtx_file_get_number_of_recovered_records (file, &n_recovered, NULL) != 1)
    n_recovered = 0;
  for (int i = 0; i < n_records + n_recovered; i++)
    {
      libevtx_record_t *record = NULL;
      int ok = i < n_records ? libevtx_file_get_record_by_index (file, i, &record, NULL)
                             : libevtx_file_get_recovered_record_by_index (file, i - n_records, &record, NULL);

      if (ok == 1 && read_record (record, read))
        n_read_recovered += i >= n_records;
      else if (i < n_records)
        n_failed++;
      else
        n_failed_recovered++;
      libevtx_record_free (&record, NULL);
    }

  libevtx_file_close (file, NULL);
  libevtx_file_free (&file, NULL);
  g_unlink (path);

  read->format = KD_EVENT_FORMAT_EVTX;
  read->language = NULL;
  if (n_read_recovered > 0)
    g_ptr_array_add (read->notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u record was recovered from the file's free space",
                                                                "%u records were recovered from the file's free space",
                                                                n_read_recovered),
                                                   n_read_recovered));
  if (n_failed_recovered > 0)
    g_ptr_array_add (read->notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u record left in the file's free space could not be read",
                                                                "%u records left in the file's free space could not be read",
                                                                n_failed_recovered),
                                                   n_failed_recovered));
  if (n_records + n_recovered == 0)
    g_ptr_array_add (read->notes, g_strdup (_("The .evtx file holds no record that could be read: it may be cut short.")));
  if (n_failed > 0)
    g_ptr_array_add (read->notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u record could not be read",
                                                                "%u records could not be read", n_failed),
                                                   n_failed));
  return TRUE;
}
