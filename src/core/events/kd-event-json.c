/* kd-event-json.c — events as JSON: Get-WinEvent | ConvertTo-Json, and
 * what tools that read .evtx print (evtx_dump, Chainsaw, Hayabusa, log
 * shippers)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include <json-glib/json-glib.h>

#include "kd-event-lines.h"
#include "kd-event-readers.h"

/* Every tool names the same things its own way and nests them as it
 * likes: "Id" and "TimeCreated" at the top for PowerShell,
 * Event.System.EventID and a TimeCreated whose SystemTime is an attribute
 * for evtx_dump, system.event_id for others, data.win.system.eventID for
 * a log shipper.  A record is an object in which an event ID is found,
 * under any of its names, at most a few objects deep; its other values
 * are looked for the same way.  The input is one JSON value (an object, or
 * an array of them), or one value per line (JSON Lines), or evtx_dump's
 * values each after a "Record N" line. */

#define MAX_DEPTH 5
/* a value longer than this is not tried until a "Record" line */
#define MAX_VALUE (4 * 1024 * 1024)

static const char * const event_id_names[] = { "EventID", "Id", "event_id", "event.id", NULL };
static const char * const source_names[] = { "ProviderName", "Provider", "SourceName", "Source", "event.provider.name",
                                             NULL };
static const char * const time_names[] = { "TimeCreated", "time_created", "SystemTime", "EventTime", "TimeGenerated",
                                           NULL };
static const char * const record_names[] = { "EventRecordID", "RecordId", "event_record_id", "RecordNumber", "Index",
                                             "event.record.id", NULL };
static const char * const log_names[] = { "Channel", "LogName", "ContainerLog", NULL };
static const char * const computer_names[] = { "Computer", "MachineName", "Hostname", "host.name", NULL };
static const char * const message_names[] = { "Message", NULL };
static const char * const level_names[] = { "Level", NULL };
static const char * const level_word_names[] = { "LevelDisplayName", "EntryType", NULL };
static const char * const data_names[] = { "Data", "Properties", "ReplacementStrings", NULL };

static gboolean
name_is (const char         *member,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (member, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static char *text_of (JsonNode *node);

/* An event ID, not a shipper's own "id" */
static gboolean
is_event_id (JsonNode *node)
{
  g_autofree char *text = text_of (node);

  return text != NULL && g_ascii_string_to_unsigned (text, 10, 0, 65535, NULL, NULL);
}

/* The first member named one of @names (and that @valid takes, if given),
 * breadth first, in @object and the objects it holds */
static JsonNode *
find_valid (JsonObject         *object,
            const char * const *names,
            gboolean          (*valid) (JsonNode *node),
            guint               depth)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    if (name_is (member, names) && (valid == NULL || valid (node)))
      return node;
  if (depth >= MAX_DEPTH)
    return NULL;
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    if (JSON_NODE_HOLDS_OBJECT (node))
      {
        JsonNode *found = find_valid (json_node_get_object (node), names, valid, depth + 1);

        if (found != NULL)
          return found;
      }
  return NULL;
}

static JsonNode *
find (JsonObject         *object,
      const char * const *names,
      guint               depth)
{
  return find_valid (object, names, NULL, depth);
}

/* The first of @names that is anywhere (a tool's "EventID" deep inside
 * wins over an agent's "id" near the top) */
static JsonNode *
find_by_name (JsonObject         *object,
              const char * const *names,
              gboolean          (*valid) (JsonNode *node))
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char * const one[] = { names[i], NULL };
      JsonNode *found = find_valid (object, one, valid, 0);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A value as text: a string or a number, or the text of an object that
 * wraps one ({"#text": …}, {"Name": …}, {"Value": …}, evtx_dump's
 * {"#attributes": {"SystemTime": …}}) */
static char *
text_of (JsonNode *node)
{
  static const char * const wrapped[] = { "#text", "Value", "Name", "SystemTime", "value", NULL };

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_DOUBLE)
        return g_strdup_printf ("%.0f", json_node_get_double (node));
      return NULL;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    return text_of (find (json_node_get_object (node), wrapped, MAX_DEPTH - 1));
  return NULL;
}

static char *
find_text (JsonObject         *object,
           const char * const *names)
{
  return text_of (find (object, names, 0));
}

/* "/Date(1777071358851)/" of Windows PowerShell; ISO 8601 with an offset
 * or Z; else the local time printed */
static void
set_time (KdKmsEvent *event,
          const char *text)
{
  gint64 ms;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *iso = NULL;

  if (text == NULL)
    return;
  if (sscanf (text, "/Date(%" G_GINT64_FORMAT ")/", &ms) == 1)
    time = g_date_time_new_from_unix_utc (ms / 1000);
  else
    time = g_date_time_new_from_iso8601 (text, NULL);
  if (time != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
      g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

      if (strchr (text, '.') != NULL)
        iso = g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
      else if (kd_event_starts_with (text, "/Date("))
        iso = g_strdup_printf ("%s.%03dZ", seconds, (int) (ms % 1000));
      else
        iso = g_strdup_printf ("%sZ", seconds);
    }
  else
    {
      kd_kms_event_set_time_text (event, text, NULL);
      return;
    }
  kd_kms_event_set_time (event, iso, text);
}

/* The insertion strings: EventData.Data (strings, or objects of a
 * "#text"), PowerShell's Properties ([{"Value": …}]), or a string */
static GPtrArray *
data_of (JsonNode *node)
{
  GPtrArray *data;

  if (node == NULL)
    return NULL;
  /* evtx_dump's {"#text": [ … ]} */
  if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "#text") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (node), "#text")))
    node = json_object_get_member (json_node_get_object (node), "#text");
  data = g_ptr_array_new_with_free_func (g_free);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          char *text = text_of (json_array_get_element (array, i));
          g_ptr_array_add (data, text != NULL ? text : g_strdup (""));
        }
    }
  else
    {
      char *text = text_of (node);

      if (text != NULL)
        g_ptr_array_add (data, text);
    }
  if (data->len == 0)
    g_clear_pointer (&data, g_ptr_array_unref);
  return data;
}

static KdKmsEvent *
read_record (JsonObject *object)
{
  g_autofree char *id = text_of (find_by_name (object, event_id_names, is_event_id));
  g_autofree char *source = NULL, *time = NULL, *record = NULL, *log = NULL, *computer = NULL;
  g_autofree char *message = NULL, *level = NULL, *level_word = NULL;
  KdKmsEvent *event;
  guint64 n;

  if (id == NULL || !g_ascii_string_to_unsigned (id, 10, 0, 65535, &n, NULL))
    return NULL;
  event = kd_kms_event_new ();
  kd_kms_event_set_event_id (event, (int) n);

  source = find_text (object, source_names);
  kd_kms_event_set_source (event, source);
  time = find_text (object, time_names);
  set_time (event, time);
  record = find_text (object, record_names);
  if (record != NULL && g_ascii_string_to_unsigned (record, 10, 0, G_MAXINT64, &n, NULL))
    kd_kms_event_set_record_id (event, (gint64) n);
  log = find_text (object, log_names);
  kd_kms_event_set_log (event, log);
  computer = find_text (object, computer_names);
  kd_kms_event_set_computer (event, computer);
  message = find_text (object, message_names);
  /* a shipper that kept the quotes around it */
  if (message != NULL && strlen (message) >= 2 && message[0] == '"' && message[strlen (message) - 1] == '"')
    {
      message[strlen (message) - 1] = '\0';
      memmove (message, message + 1, strlen (message));
    }
  kd_kms_event_set_message (event, message);

  level_word = find_text (object, level_word_names);
  kd_kms_event_set_level_text (event, level_word);
  level = find_text (object, level_names);
  if (kd_kms_event_get_level (event) == KD_EVENT_LEVEL_UNKNOWN)
    kd_kms_event_set_level_text (event, level);

  kd_kms_event_take_data (event, data_of (find (object, data_names, 0)));
  return event;
}

static guint
read_value (JsonNode    *root,
            KdEventRead *read)
{
  guint n = 0;

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      KdKmsEvent *event = read_record (json_node_get_object (root));

      if (event != NULL)
        {
          kd_event_read_add (read, event);
          n++;
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
          n += read_value (json_array_get_element (array, i), read);
    }
  return n;
}

/* Text that is JSON, whole or one value per line or per "Record N" */
gboolean
kd_event_read_json (const char  *text,
                    gsize        length,
                    KdEventRead *read)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *p = text;
  const char *end = text + length;
  guint n = 0, bad = 0;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end || (*p != '{' && *p != '[' && !kd_event_has_prefix (p, end, "Record ")))
    return FALSE;

  if (json_parser_load_from_data (parser, p, end - p, NULL))
    n = read_value (json_parser_get_root (parser), read);
  else
    {
      /* one value per line, or across lines after evtx_dump's "Record N":
       * a value ends on a line that closes it and makes it whole */
      g_autoptr(GString) value = g_string_new (NULL);

      while (p < end)
        {
          const char *eol = memchr (p, '\n', end - p);
          const char *stop = eol != NULL ? eol : end;
          const char *last = stop;

          while (last > p && g_ascii_isspace (last[-1]))
            last--;
          if (kd_event_has_prefix (p, end, "Record "))
            {
              bad += value->len > 0;
              g_string_truncate (value, 0);
            }
          else if (value->len > 0 && (*p == '{' || *p == '[') && last > p && (last[-1] == '}' || last[-1] == ']') &&
                   json_parser_load_from_data (parser, p, last - p, NULL))
            {
              /* a whole value on its line, after one that was not */
              bad++;
              g_string_truncate (value, 0);
              n += read_value (json_parser_get_root (parser), read);
            }
          else
            {
              g_string_append_len (value, p, stop - p);
              g_string_append_c (value, '\n');
              if (last > p && (last[-1] == '}' || last[-1] == ']') && value->len <= MAX_VALUE &&
                  json_parser_load_from_data (parser, value->str, value->len, NULL))
                {
                  n += read_value (json_parser_get_root (parser), read);
                  g_string_truncate (value, 0);
                }
            }
          p = eol != NULL ? eol + 1 : end;
        }
      for (const char *c = value->str; *c != '\0'; c++)
        if (!g_ascii_isspace (*c))
          {
            bad++;
            break;
          }
    }

  if (n == 0)
    return FALSE;
  if (bad > 0)
    g_ptr_array_add (read->notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value was not JSON and was left out",
                                                                "%u values were not JSON and were left out", bad),
                                                   bad));
  read->format = KD_EVENT_FORMAT_JSON;
  read->language = NULL;
  return TRUE;
}
