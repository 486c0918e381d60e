/* kd-event-csv.c — events as CSV: Event Viewer's "Save as CSV", and
 * Get-WinEvent or Get-EventLog piped to Export-Csv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kd-event-lines.h"
#include "kd-event-readers.h"

/* RFC 4180: fields apart by a separator, quoted when they hold one, a
 * quote or a line end, a quote inside doubled.  Export-Csv quotes every
 * field, starts with "#TYPE …" in Windows PowerShell, and with -UseCulture
 * separates by the list separator of the locale (";" in much of Europe).
 * Event Viewer's CSV has a header of five columns, in the display
 * language, and a sixth without a name: the message. */

typedef enum
{
  COLUMN_OTHER,
  COLUMN_MESSAGE,
  COLUMN_EVENT_ID,
  COLUMN_INSTANCE_ID,
  COLUMN_SOURCE,
  COLUMN_LOG,
  COLUMN_TIME,
  COLUMN_RECORD_ID,
  COLUMN_LEVEL,
  COLUMN_LEVEL_NUMBER,
  COLUMN_COMPUTER,
} Column;

static const struct {
  const char *name;
  Column column;
} names[] = {
  { "Message", COLUMN_MESSAGE },
  { "Id", COLUMN_EVENT_ID },
  { "EventID", COLUMN_EVENT_ID },
  { "Event ID", COLUMN_EVENT_ID },
  { "InstanceId", COLUMN_INSTANCE_ID },
  { "ProviderName", COLUMN_SOURCE },
  { "Source", COLUMN_SOURCE },
  { "LogName", COLUMN_LOG },
  { "TimeCreated", COLUMN_TIME },
  { "TimeGenerated", COLUMN_TIME },
  { "Date and Time", COLUMN_TIME },
  { "RecordId", COLUMN_RECORD_ID },
  { "Index", COLUMN_RECORD_ID },
  { "LevelDisplayName", COLUMN_LEVEL },
  { "EntryType", COLUMN_LEVEL },
  { "MachineName", COLUMN_COMPUTER },
};

/* Event Viewer's columns, whatever their names */
static const Column event_viewer[] = {
  COLUMN_LEVEL, COLUMN_TIME, COLUMN_SOURCE, COLUMN_EVENT_ID, COLUMN_OTHER, COLUMN_MESSAGE,
};

typedef struct
{
  const char *p;
  const char *end;
  char separator;
  gboolean unterminated;
} Csv;

/* The fields of the next record, or %NULL at the end */
static GPtrArray *
next_record (Csv *csv)
{
  GPtrArray *fields;
  g_autoptr(GString) field = g_string_new (NULL);

  /* blank lines between records */
  while (csv->p < csv->end && (*csv->p == '\r' || *csv->p == '\n'))
    csv->p++;
  if (csv->p >= csv->end)
    return NULL;

  fields = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      if (csv->p < csv->end && *csv->p == '"')
        {
          csv->p++;
          for (;;)
            {
              const char *quote = memchr (csv->p, '"', csv->end - csv->p);

              if (quote == NULL)
                {
                  g_string_append_len (field, csv->p, csv->end - csv->p);
                  csv->p = csv->end;
                  csv->unterminated = TRUE;
                  break;
                }
              g_string_append_len (field, csv->p, quote - csv->p);
              csv->p = quote + 1;
              if (csv->p < csv->end && *csv->p == '"')
                {
                  g_string_append_c (field, '"');
                  csv->p++;
                  continue;
                }
              break;
            }
        }
      while (csv->p < csv->end && *csv->p != csv->separator && *csv->p != '\n' && *csv->p != '\r')
        g_string_append_c (field, *csv->p++);
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (csv->p < csv->end && *csv->p == csv->separator)
        {
          csv->p++;
          continue;
        }
      if (csv->p < csv->end && *csv->p == '\r')
        csv->p++;
      if (csv->p < csv->end && *csv->p == '\n')
        csv->p++;
      return fields;
    }
}

/* The separator is what splits the header: the one that gives most
 * fields of ',' ';' and tab. */
static char
guess_separator (const char *line,
                 const char *end)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint best = 0;
  char separator = ',';

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      guint n = 0;
      gboolean quoted = FALSE;

      for (const char *p = line; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
        if (*p == '"')
          quoted = !quoted;
        else if (!quoted && *p == candidates[c])
          n++;
      if (n > best)
        best = n, separator = candidates[c];
    }
  return separator;
}

static Column
column_named (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (g_strstrip ((char *) name), names[i].name) == 0)
      return names[i].column;
  return COLUMN_OTHER;
}

static void
set_column (KdKmsEvent *event,
            Column      column,
            const char *value)
{
  guint64 n;

  switch (column)
    {
    case COLUMN_MESSAGE:
      kd_kms_event_set_message (event, value);
      break;
    case COLUMN_EVENT_ID:
      if (g_ascii_string_to_unsigned (value, 10, 0, 65535, &n, NULL))
        kd_kms_event_set_event_id (event, (int) n);
      break;
    case COLUMN_INSTANCE_ID:
      if (kd_kms_event_get_event_id (event) < 0 && g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &n, NULL))
        kd_kms_event_set_event_id (event, (int) (n & 0xFFFF));
      break;
    case COLUMN_SOURCE:
      kd_kms_event_set_source (event, value);
      break;
    case COLUMN_LOG:
      kd_kms_event_set_log (event, value);
      break;
    case COLUMN_TIME:
      kd_kms_event_set_time_text (event, value, NULL);
      break;
    case COLUMN_RECORD_ID:
      if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &n, NULL))
        kd_kms_event_set_record_id (event, (gint64) n);
      break;
    case COLUMN_LEVEL:
      kd_kms_event_set_level_text (event, value);
      break;
    case COLUMN_COMPUTER:
      kd_kms_event_set_computer (event, value);
      break;
    case COLUMN_LEVEL_NUMBER:
      /* LevelDisplayName, in the display language, says it better when known */
      if (kd_kms_event_get_level (event) == KD_EVENT_LEVEL_UNKNOWN)
        kd_kms_event_set_level_text (event, value);
      break;
    case COLUMN_OTHER:
    default:
      break;
    }
}

gboolean
kd_event_read_csv (const char  *text,
                   gsize        length,
                   KdEventRead *read)
{
  Csv csv = { text, text + length, ',', FALSE };
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  gboolean by_place = FALSE;
  guint n_named = 0, n_before = read->records->len;
  GPtrArray *fields;

  /* Windows PowerShell's "#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord" */
  while (csv.p < csv.end && g_ascii_isspace (*csv.p))
    csv.p++;
  if (kd_event_has_prefix (csv.p, csv.end, "#TYPE"))
    {
      const char *eol = memchr (csv.p, '\n', csv.end - csv.p);
      csv.p = eol != NULL ? eol + 1 : csv.end;
    }
  csv.separator = guess_separator (csv.p, csv.end);
  header = next_record (&csv);
  if (header == NULL || header->len < 5)
    return FALSE;

  for (guint i = 0; i < header->len; i++)
    {
      Column column = column_named (g_ptr_array_index (header, i));

      n_named += column != COLUMN_OTHER;
      /* Get-WinEvent's Level is a number; its words are LevelDisplayName */
      if (column == COLUMN_OTHER && g_ascii_strcasecmp (g_ptr_array_index (header, i), "Level") == 0)
        column = header->len == 5 ? COLUMN_LEVEL : COLUMN_LEVEL_NUMBER;
      g_array_append_val (columns, column);
    }
  /* Event Viewer's five columns, in whatever language, and the message
   * without a name */
  if (header->len == 5)
    by_place = TRUE;
  else if (n_named < 3)
    return FALSE;

  while ((fields = next_record (&csv)) != NULL)
    {
      g_autoptr(GPtrArray) owned = fields;
      KdKmsEvent *event;

      if (by_place && (fields->len != 6 ||
                       !g_ascii_string_to_unsigned (g_ptr_array_index (fields, 3), 10, 0, 65535, NULL, NULL)))
        {
          g_autoptr(GString) line = g_string_new (NULL);

          for (guint i = 0; i < fields->len; i++)
            {
              if (i > 0)
                g_string_append_c (line, csv.separator);
              g_string_append (line, g_ptr_array_index (fields, i));
            }
          if (strspn (line->str, (char[]) { csv.separator, ' ', 0 }) < line->len)
            g_ptr_array_add (read->unknown_lines, g_string_free_and_steal (g_steal_pointer (&line)));
          continue;
        }
      event = kd_kms_event_new ();
      for (guint i = 0; i < fields->len; i++)
        set_column (event, by_place ? (i < G_N_ELEMENTS (event_viewer) ? event_viewer[i] : COLUMN_OTHER)
                                    : (i < columns->len ? g_array_index (columns, Column, i) : COLUMN_OTHER),
                    g_ptr_array_index (fields, i));
      if (kd_kms_event_get_event_id (event) < 0)
        kd_kms_event_set_event_id (event, kd_event_id_from_message (kd_kms_event_get_message (event)));
      kd_event_read_add (read, event);
      /* past the first event, the text is this reader's to the end */
      kd_event_read_give_back (read, csv.p);
    }

  if (read->records->len == n_before)
    return FALSE;
  if (csv.unterminated)
    g_ptr_array_add (read->notes, g_strdup (_("The CSV ends inside a quoted field: the last event may be cut short.")));
  read->format = KD_EVENT_FORMAT_CSV;
  /* PowerShell's names are English wherever it runs; Event Viewer's
   * are in the display language */
  read->language = !by_place || n_named >= 3 ? "en" : NULL;
  return TRUE;
}
