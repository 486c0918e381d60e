/* kd-event-formatlist.c — events as PowerShell lists them:
 * Get-WinEvent | Format-List and Get-EventLog | Format-List
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kd-event-lines.h"
#include "kd-event-readers.h"

/* Format-List prints each object as "Property : value" lines, the names
 * padded to one column, objects apart by a blank line.  A value longer
 * than the console is cut at its width and goes on under the value
 * column, in the middle of a word if need be ("…d6ec3f1605" / "9f;SkuId"),
 * and a message's own lines go on there too: a piece that follows a line
 * as wide as the widest (within two columns) is the same line, one that
 * follows a shorter line is a line of its own.  The names are PowerShell's, never translated. */

typedef enum
{
  PROPERTY_NONE,
  PROPERTY_LOG,
  PROPERTY_SOURCE,
  PROPERTY_EVENT_ID,
  PROPERTY_INSTANCE_ID,
  PROPERTY_TIME,
  PROPERTY_MESSAGE,
  PROPERTY_RECORD_ID,
  PROPERTY_LEVEL,
  PROPERTY_COMPUTER,
  PROPERTY_OTHER,
} Property;

static const struct {
  const char *name;
  Property property;
} properties[] = {
  /* Get-WinEvent */
  { "LogName", PROPERTY_LOG },
  { "ProviderName", PROPERTY_SOURCE },
  { "Id", PROPERTY_EVENT_ID },
  { "TimeCreated", PROPERTY_TIME },
  { "Message", PROPERTY_MESSAGE },
  { "RecordId", PROPERTY_RECORD_ID },
  { "LevelDisplayName", PROPERTY_LEVEL },
  { "MachineName", PROPERTY_COMPUTER },
  /* Get-EventLog */
  { "EventID", PROPERTY_EVENT_ID },
  { "Source", PROPERTY_SOURCE },
  { "TimeGenerated", PROPERTY_TIME },
  { "Index", PROPERTY_RECORD_ID },
  { "EntryType", PROPERTY_LEVEL },
  /* the message's ID, 0x40003001 for 12289: its low word is the event's */
  { "InstanceId", PROPERTY_INSTANCE_ID },
};

/* Any "Name : value" line of PowerShell's: a property name, padded, then
 * " : " */
static Property
property_of (const KdEventLine *line)
{
  if (line->label_length == 0 || line->indent > 8)
    return PROPERTY_NONE;
  for (gsize i = 0; i < line->label_length; i++)
    if (!g_ascii_isalnum (line->start[i]))
      return PROPERTY_NONE;
  /* the colon stands apart: "Id           : 8198" */
  if (line->start[line->label_length] != ' ')
    return PROPERTY_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    if (strlen (properties[i].name) == line->label_length &&
        strncmp (properties[i].name, line->start, line->label_length) == 0)
      return properties[i].property;
  return PROPERTY_OTHER;
}

typedef struct
{
  KdEventRead *read;
  KdKmsEvent *event;
  Property property;        /* whose value the next lines may go on */
  GString *value;
  gsize last_width;         /* of the last line of the value */
  gsize last_blanks;        /* that ended it */
  gsize wrap_width;         /* the width the console cut lines at */
  gboolean any_id;
} Reader;

static void
end_value (Reader *r)
{
  g_autofree char *text = g_strdup (g_strstrip (r->value->str));

  switch (r->property)
    {
    case PROPERTY_LOG:
      kd_kms_event_set_log (r->event, text);
      break;
    case PROPERTY_SOURCE:
      kd_kms_event_set_source (r->event, text);
      break;
    case PROPERTY_EVENT_ID:
      {
        guint64 id;

        if (g_ascii_string_to_unsigned (text, 10, 0, 65535, &id, NULL))
          {
            kd_kms_event_set_event_id (r->event, (int) id);
            r->any_id = TRUE;
          }
      }
      break;
    case PROPERTY_INSTANCE_ID:
      {
        guint64 id;

        if (kd_kms_event_get_event_id (r->event) < 0 &&
            g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &id, NULL))
          {
            kd_kms_event_set_event_id (r->event, (int) (id & 0xFFFF));
            r->any_id = TRUE;
          }
      }
      break;
    case PROPERTY_TIME:
      kd_kms_event_set_time_text (r->event, text, NULL);
      break;
    case PROPERTY_MESSAGE:
      kd_kms_event_set_message (r->event, text);
      break;
    case PROPERTY_RECORD_ID:
      {
        guint64 id;

        if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &id, NULL))
          kd_kms_event_set_record_id (r->event, (gint64) id);
      }
      break;
    case PROPERTY_LEVEL:
      kd_kms_event_set_level_text (r->event, text);
      break;
    case PROPERTY_COMPUTER:
      kd_kms_event_set_computer (r->event, text);
      break;
    case PROPERTY_NONE:
    case PROPERTY_OTHER:
    default:
      break;
    }
  g_string_truncate (r->value, 0);
  r->property = PROPERTY_NONE;
}

static void
end_event (Reader *r)
{
  end_value (r);
  if (r->event == NULL)
    return;
  if (kd_kms_event_get_event_id (r->event) < 0)
    kd_kms_event_set_event_id (r->event, kd_event_id_from_message (kd_kms_event_get_message (r->event)));
  kd_event_read_add (r->read, g_steal_pointer (&r->event));
}

gboolean
kd_event_read_formatlist (const char  *text,
                          gsize        length,
                          KdEventRead *read)
{
  g_auto(KdEventLines) lines = { 0 };
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  Reader r = { read, NULL, PROPERTY_NONE, value, 0, 0, 0, FALSE };
  guint n_before = read->records->len;
  guint n_known = 0;

  /* A look at the start first: the other exports, big ones too, are
   * not split into lines twice. */
  {
    g_auto(KdEventLines) start = { 0 };
    const KdEventLine *line;

    kd_event_lines_init (&start, text, MIN (length, 64 * 1024));
    for (guint i = 0; (line = kd_event_lines_get (&start, i)) != NULL; i++)
      {
        Property property = property_of (line);

        n_known += property > PROPERTY_NONE && property < PROPERTY_OTHER;
        kd_event_lines_forget (&start, i);
      }
    if (n_known < 3)
      return FALSE;
    n_known = 0;
  }

  /* Format-List's own lines: names it knows, and its cut width */
  {
    g_auto(KdEventLines) all = { 0 };
    const KdEventLine *line;

    kd_event_lines_init (&all, text, length);
    for (guint i = 0; (line = kd_event_lines_get (&all, i)) != NULL; i++)
      {
        n_known += property_of (line) > PROPERTY_NONE && property_of (line) < PROPERTY_OTHER;
        r.wrap_width = MAX (r.wrap_width, line->width);
        kd_event_lines_forget (&all, i);
      }
  }
  if (n_known < 3)
    return FALSE;
  if (r.wrap_width < 79)
    r.wrap_width = G_MAXSIZE;

  kd_event_lines_init (&lines, text, length);
  for (guint i = 0; kd_event_lines_get (&lines, i) != NULL; i++)
    {
      const KdEventLine *line = kd_event_lines_get (&lines, i);
      Property property = property_of (line);

      kd_event_lines_forget (&lines, i);
      /* past the first event, the text is this reader's to the end */
      if (r.any_id)
        kd_event_read_give_back (read, line->start - line->indent);
      if (line->length == 0)
        {
          end_event (&r);
          continue;
        }
      if (property != PROPERTY_NONE)
        {
          end_value (&r);
          if (r.event == NULL)
            r.event = kd_kms_event_new ();
          r.property = property;
          g_string_append_len (r.value, line->value, line->value_length);
          r.last_width = line->width;
          r.last_blanks = line->width - line->indent - line->length;
          continue;
        }
      if (r.event != NULL && r.property != PROPERTY_NONE && line->indent > 0)
        {
          /* cut at the console's width (the blanks it was cut after are
           * the value's), or a line of the value's own; a copy edited
           * since may be a column or two off */
          if (r.last_width + 2 < r.wrap_width)
            g_string_append_c (r.value, '\n');
          else
            for (gsize b = 0; b < r.last_blanks; b++)
              g_string_append_c (r.value, ' ');
          g_string_append_len (r.value, line->start, line->length);
          r.last_width = line->width;
          r.last_blanks = line->width - line->indent - line->length;
          continue;
        }
      end_event (&r);
      g_ptr_array_add (unknown, g_strndup (line->start, line->length));
    }
  end_event (&r);

  if (!r.any_id)
    {
      g_ptr_array_set_size (read->records, n_before);
      return FALSE;
    }
  read->format = KD_EVENT_FORMAT_FORMAT_LIST;
  read->language = "en";
  g_ptr_array_extend_and_steal (read->unknown_lines, g_steal_pointer (&unknown));
  return TRUE;
}
