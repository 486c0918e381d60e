/* kd-event-xml.c — events as XML: wevtutil qe /f:xml, Event Viewer's
 * "Save as XML" and the XML view copied from Event Viewer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kd-event-lines.h"
#include "kd-event-readers.h"

/* wevtutil prints <Event> elements one after the other, without a root;
 * Event Viewer saves them under <Events>, and its XML view puts "- "
 * before the elements that have children.  Wrapped in a root of our own,
 * all three are one XML document for GMarkup, which knows no DTD: an
 * entity defined in the document is an error, not an expansion, so no
 * document can grow in memory beyond its own size. */

#define MAX_DEPTH 32

typedef struct
{
  KdEventRead *read;
  KdKmsEvent *event;        /* the <Event> being read */
  GPtrArray *data;          /* its <Data> values */
  GString *text;            /* the text of the element being read */
  gboolean collecting;
  guint n_events;
} Reader;

static const char *
parent_name (GMarkupParseContext *context)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  return stack != NULL && stack->next != NULL ? stack->next->data : NULL;
}

static guint
depth (GMarkupParseContext *context)
{
  return g_slist_length ((GSList *) g_markup_parse_context_get_element_stack (context));
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Reader *r = user_data;
  const char *parent = parent_name (context);

  if (depth (context) > MAX_DEPTH)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   _("The XML is nested more than %d elements deep"), MAX_DEPTH);
      return;
    }

  if (g_str_equal (element, "Event"))
    {
      g_clear_object (&r->event);
      g_clear_pointer (&r->data, g_ptr_array_unref);
      r->event = kd_kms_event_new ();
      r->data = g_ptr_array_new_with_free_func (g_free);
      return;
    }
  if (r->event == NULL)
    return;

  if (g_strcmp0 (parent, "System") == 0 && g_str_equal (element, "Provider"))
    {
      const char *name = NULL, *source_name = NULL;

      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "Name"))
          name = values[i];
        else if (g_str_equal (names[i], "EventSourceName"))
          source_name = values[i];
      kd_kms_event_set_source (r->event, name != NULL ? name : source_name);
      return;
    }
  if (g_strcmp0 (parent, "System") == 0 && g_str_equal (element, "TimeCreated"))
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "SystemTime"))
          {
            g_autofree char *utc = kd_event_utc_time (values[i]);
            kd_kms_event_set_time (r->event, utc, values[i]);
          }
      return;
    }

  /* the leaves whose text is read */
  if ((g_strcmp0 (parent, "System") == 0 &&
       (g_str_equal (element, "EventID") || g_str_equal (element, "Level") || g_str_equal (element, "EventRecordID") ||
        g_str_equal (element, "Channel") || g_str_equal (element, "Computer"))) ||
      (g_strcmp0 (parent, "EventData") == 0 && g_str_equal (element, "Data")) ||
      (g_strcmp0 (parent, "RenderingInfo") == 0 && g_str_equal (element, "Message")))
    {
      g_string_truncate (r->text, 0);
      r->collecting = TRUE;
    }
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Reader *r = user_data;
  const char *parent = parent_name (context);

  if (r->event == NULL)
    return;

  if (g_str_equal (element, "Event"))
    {
      kd_kms_event_take_data (r->event, g_steal_pointer (&r->data));
      kd_event_read_add (r->read, g_steal_pointer (&r->event));
      r->n_events++;
      return;
    }
  if (!r->collecting)
    return;
  r->collecting = FALSE;

  if (g_strcmp0 (parent, "EventData") == 0)
    g_ptr_array_add (r->data, g_strdup (r->text->str));
  else if (g_strcmp0 (parent, "RenderingInfo") == 0)
    kd_kms_event_set_message (r->event, r->text->str);
  else if (g_str_equal (element, "Channel"))
    kd_kms_event_set_log (r->event, r->text->str);
  else if (g_str_equal (element, "Computer"))
    kd_kms_event_set_computer (r->event, r->text->str);
  else
    {
      guint64 value;
      gboolean number = g_ascii_string_to_unsigned (g_strstrip (r->text->str), 10, 0, G_MAXINT64, &value, NULL);

      if (!number)
        return;
      if (g_str_equal (element, "EventID") && value <= 65535)
        kd_kms_event_set_event_id (r->event, (int) value);
      else if (g_str_equal (element, "EventRecordID"))
        kd_kms_event_set_record_id (r->event, (gint64) value);
      else if (g_str_equal (element, "Level"))
        kd_kms_event_set_level_text (r->event, r->text->str);
    }
}

static void
on_text (GMarkupParseContext  *context,
         const char           *chunk,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Reader *r = user_data;

  if (r->collecting)
    g_string_append_len (r->text, chunk, length);
}

static const GMarkupParser parser = { on_start_element, on_end_element, on_text, NULL, NULL };

/* The first element starts the text, after white space, a byte order
 * mark's ghost, or the "- " of Event Viewer's XML view. */
static gboolean
looks_like_xml (const char *text,
                gsize       length)
{
  const char *end = text + length;

  while (text < end && (g_ascii_isspace (*text) || *text == '-'))
    text++;
  return text < end && *text == '<';
}

/* Drops "<?xml …?>" and "<!DOCTYPE …>" from the start: inside our root
 * they could not stand. */
static const char *
skip_prolog (const char *text,
             const char *end)
{
  for (;;)
    {
      const char *p = text;

      while (p < end && (g_ascii_isspace (*p) || *p == '-'))
        p++;
      if (end - p > 2 && (kd_event_has_prefix (p, end, "<?") || kd_event_has_prefix (p, end, "<!")) &&
          !kd_event_has_prefix (p, end, "<!--"))
        {
          const char *close = memchr (p, '>', end - p);

          if (close == NULL)
            return p;
          text = close + 1;
          continue;
        }
      return text;
    }
}

gboolean
kd_event_read_xml (const char  *text,
                   gsize        length,
                   KdEventRead *read)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Reader r = { read, NULL, NULL, g_string_new (NULL), FALSE, 0 };
  const char *start;
  gboolean ok;

  if (!looks_like_xml (text, length))
    {
      g_string_free (r.text, TRUE);
      return FALSE;
    }
  start = skip_prolog (text, text + length);

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &r, NULL);
  ok = g_markup_parse_context_parse (context, "<kd-events>", -1, &error) &&
       g_markup_parse_context_parse (context, start, text + length - start, &error) &&
       g_markup_parse_context_parse (context, "</kd-events>", -1, &error) &&
       g_markup_parse_context_end_parse (context, &error);

  g_clear_object (&r.event);
  g_clear_pointer (&r.data, g_ptr_array_unref);
  g_string_free (r.text, TRUE);

  if (r.n_events == 0)
    return FALSE;

  read->format = KD_EVENT_FORMAT_XML;
  if (!ok)
    {
      /* GMarkup quotes a bad name by its first byte, half a character */
      g_autofree char *why = g_utf8_make_valid (error->message, -1);
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The XML is damaged or cut short after %u event: %s",
                                                            "The XML is damaged or cut short after %u events: %s",
                                                            r.n_events),
                                               r.n_events, why);
      g_ptr_array_add (read->notes, g_steal_pointer (&note));
    }
  return TRUE;
}
