/* kd-event-xml.c — events as XML: wevtutil qe /f:xml, Event Viewer's
 * "Save as XML" and the XML view copied from Event Viewer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlversion.h>

#include "kd-event-lines.h"
#include "kd-event-readers.h"

/* wevtutil prints <Event> elements one after the other, without a root;
 * Event Viewer saves them under <Events>, and its XML view puts "- "
 * before the elements that have children.  Wrapped in a root of our own,
 * all three are one XML document, read as it goes by libxml2's SAX
 * parser: no tree is built, the network is never used, no DTD is loaded
 * or read (the prolog is dropped, and inside our root none can stand), so
 * an entity the document defines is an error, not an expansion, and no
 * document can grow in memory beyond its own size. */

#define MAX_DEPTH 32

typedef enum
{
  LEAF_NONE,
  LEAF_EVENT_ID,
  LEAF_LEVEL,
  LEAF_RECORD_ID,
  LEAF_CHANNEL,
  LEAF_COMPUTER,
  LEAF_DATA,
  LEAF_MESSAGE,
} Leaf;

/* The names read, looked up once in the parser's dictionary, where every
 * name it reads is: a name is then one of them by its address */
typedef enum
{
  NAME_EVENT,
  NAME_SYSTEM,
  NAME_PROVIDER,
  NAME_TIME_CREATED,
  NAME_EVENT_ID,
  NAME_LEVEL,
  NAME_EVENT_RECORD_ID,
  NAME_CHANNEL,
  NAME_COMPUTER,
  NAME_EVENT_DATA,
  NAME_DATA,
  NAME_RENDERING_INFO,
  NAME_MESSAGE,
  N_NAMES
} Name;

static const char * const names[N_NAMES] = {
  "Event", "System", "Provider", "TimeCreated", "EventID", "Level", "EventRecordID", "Channel", "Computer",
  "EventData", "Data", "RenderingInfo", "Message",
};

typedef struct
{
  KdEventRead *read;
  const xmlChar *names[N_NAMES];
  xmlParserCtxtPtr context;
  KdKmsEvent *event;        /* the <Event> being read */
  GPtrArray *data;          /* its <Data> values */
  GString *text;            /* the text of the leaf being read */
  Leaf leaf;
  const xmlChar *stack[MAX_DEPTH + 1];   /* the names of the open elements (the parser's) */
  guint depth;
  guint n_events;
  char *error;              /* the first error, as libxml2 words it */
} Reader;

#define is(name, which) ((name) == r->names[which])

/* A value of the attributes SAX gives: names and values, two by two */
static const char *
attribute (const xmlChar **attributes,
           const char     *name)
{
  for (guint i = 0; attributes != NULL && attributes[i] != NULL; i += 2)
    if (strcmp ((const char *) attributes[i], name) == 0)
      return (const char *) attributes[i + 1];
  return NULL;
}

static void
stop (Reader     *r,
      const char *why)
{
  if (r->error == NULL)
    r->error = g_strdup (why);
  xmlStopParser (r->context);
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *element,
                  const xmlChar **attributes)
{
  Reader *r = user_data;
  const xmlChar *parent = r->depth > 0 ? r->stack[r->depth - 1] : NULL;

  if (r->depth >= MAX_DEPTH)
    {
      g_autofree char *why = g_strdup_printf (_("The XML is nested more than %d elements deep"), MAX_DEPTH);
      stop (r, why);
      return;
    }
  r->stack[r->depth++] = element;

  if (is (element, NAME_EVENT))
    {
      g_clear_object (&r->event);
      g_clear_pointer (&r->data, g_ptr_array_unref);
      r->event = kd_kms_event_new ();
      r->data = g_ptr_array_new_with_free_func (g_free);
      return;
    }
  if (r->event == NULL)
    return;

  if (is (parent, NAME_SYSTEM) && is (element, NAME_PROVIDER))
    {
      const char *name = attribute (attributes, "Name");
      const char *source_name = attribute (attributes, "EventSourceName");

      kd_kms_event_set_source (r->event, name != NULL ? name : source_name);
      return;
    }
  if (is (parent, NAME_SYSTEM) && is (element, NAME_TIME_CREATED))
    {
      const char *time = attribute (attributes, "SystemTime");

      if (time != NULL)
        kd_kms_event_set_time_text (r->event, time, NULL);
      return;
    }

  /* the leaves whose text is read */
  r->leaf = LEAF_NONE;
  if (is (parent, NAME_SYSTEM))
    r->leaf = is (element, NAME_EVENT_ID) ? LEAF_EVENT_ID :
              is (element, NAME_LEVEL) ? LEAF_LEVEL :
              is (element, NAME_EVENT_RECORD_ID) ? LEAF_RECORD_ID :
              is (element, NAME_CHANNEL) ? LEAF_CHANNEL :
              is (element, NAME_COMPUTER) ? LEAF_COMPUTER : LEAF_NONE;
  else if (is (parent, NAME_EVENT_DATA) && is (element, NAME_DATA))
    r->leaf = LEAF_DATA;
  else if (is (parent, NAME_RENDERING_INFO) && is (element, NAME_MESSAGE))
    r->leaf = LEAF_MESSAGE;
  g_string_truncate (r->text, 0);
}

static void
end_leaf (Reader *r)
{
  guint64 value;
  gboolean number;

  switch (r->leaf)
    {
    case LEAF_DATA:
      g_ptr_array_add (r->data, g_strndup (r->text->str, r->text->len));
      return;
    case LEAF_MESSAGE:
      kd_kms_event_set_message (r->event, r->text->str);
      return;
    case LEAF_CHANNEL:
      kd_kms_event_set_log (r->event, r->text->str);
      return;
    case LEAF_COMPUTER:
      kd_kms_event_set_computer (r->event, r->text->str);
      return;
    case LEAF_EVENT_ID:
    case LEAF_RECORD_ID:
    case LEAF_LEVEL:
      number = g_ascii_string_to_unsigned (g_strstrip (r->text->str), 10, 0, G_MAXINT64, &value, NULL);
      if (!number)
        return;
      if (r->leaf == LEAF_EVENT_ID && value <= 65535)
        kd_kms_event_set_event_id (r->event, (int) value);
      else if (r->leaf == LEAF_RECORD_ID)
        kd_kms_event_set_record_id (r->event, (gint64) value);
      else if (r->leaf == LEAF_LEVEL)
        kd_kms_event_set_level_text (r->event, r->text->str);
      return;
    case LEAF_NONE:
    default:
      return;
    }
}

static void
on_end_element (void          *user_data,
                const xmlChar *element)
{
  Reader *r = user_data;

  if (r->depth > 0)
    r->depth--;
  if (r->event == NULL)
    return;

  if (is (element, NAME_EVENT))
    {
      kd_kms_event_take_data (r->event, g_steal_pointer (&r->data));
      kd_event_read_add (r->read, g_steal_pointer (&r->event));
      r->n_events++;
      return;
    }
  if (r->leaf != LEAF_NONE)
    end_leaf (r);
  r->leaf = LEAF_NONE;
}

static void
on_text (void          *user_data,
         const xmlChar *chunk,
         int            length)
{
  Reader *r = user_data;

  if (r->leaf != LEAF_NONE)
    g_string_append_len (r->text, (const char *) chunk, length);
}

static void G_GNUC_PRINTF (2, 3)
on_error (void       *user_data,
          const char *format,
          ...)
{
  Reader *r = user_data;
  va_list args;

  if (r->error != NULL)
    return;
  va_start (args, format);
  r->error = g_strdup_vprintf (format, args);
  va_end (args);
  /* the parser's words in the parser's encoding, UTF-8, but not always whole */
  if (!g_utf8_validate (r->error, -1, NULL))
    {
      char *valid = g_utf8_make_valid (r->error, -1);
      g_free (r->error);
      r->error = valid;
    }
  g_strstrip (r->error);
}

/* libevtx's evtxexport prints its name and version before the events */
static const char *
skip_banner (const char *text,
             const char *end)
{
  const char *eol;

  while (text < end && g_ascii_isspace (*text))
    text++;
  if (!kd_event_has_prefix (text, end, "evtxexport ") || (eol = memchr (text, '\n', end - text)) == NULL)
    return text;
  for (const char *p = text + strlen ("evtxexport "); p < eol; p++)
    if (!g_ascii_isdigit (*p) && !g_ascii_isspace (*p))
      return text;
  return eol + 1;
}

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

/* Feeds @length bytes to the parser, in pieces an int can count */
static gboolean
feed (Reader     *r,
      const char *text,
      gsize       length,
      gboolean    input,
      gboolean    last)
{
  do
    {
      int piece = (int) MIN (length, 1 << 20);

      if (xmlParseChunk (r->context, text, piece, last && (gsize) piece == length) != XML_ERR_OK ||
          r->context->disableSAX)
        return FALSE;
      text += piece;
      length -= piece;
      /* the parser keeps what it still needs; past the first event the
       * text is this reader's to the end */
      if (input && r->n_events > 0)
        kd_event_read_give_back (r->read, text);
    }
  while (length > 0);
  return TRUE;
}

gboolean
kd_event_read_xml (const char  *text,
                   gsize        length,
                   KdEventRead *read)
{
  xmlSAXHandler sax = { 0 };
  Reader r = { read, { NULL }, NULL, NULL, NULL, g_string_new (NULL), LEAF_NONE, { NULL }, 0, 0, NULL };
  const char *start;

  start = skip_banner (text, text + length);
  if (!looks_like_xml (start, text + length - start))
    {
      g_string_free (r.text, TRUE);
      return FALSE;
    }
  start = skip_prolog (start, text + length);

  /* SAX1: no namespaces are resolved, as none are needed (Windows'
   * schema is the default namespace), which spares the parser a URI per
   * event */
  sax.initialized = 1;
  sax.startElement = on_start_element;
  sax.endElement = on_end_element;
  sax.characters = on_text;
  sax.cdataBlock = on_text;
  sax.error = on_error;
  sax.fatalError = on_error;
  r.context = xmlCreatePushParserCtxt (&sax, &r, NULL, 0, NULL);
  if (r.context == NULL)
    g_error ("libxml2 could not make a parser");
  for (guint i = 0; i < N_NAMES; i++)
    r.names[i] = xmlDictLookup (r.context->dict, (const xmlChar *) names[i], -1);
  /* no network, no DTD, entities left as they are (undefined: an error) */
  xmlCtxtUseOptions (r.context, XML_PARSE_NONET | XML_PARSE_NOWARNING);

  (void) (feed (&r, "<kd-events>", strlen ("<kd-events>"), FALSE, FALSE) &&
          feed (&r, start, text + length - start, TRUE, FALSE) &&
          feed (&r, "</kd-events>", strlen ("</kd-events>"), FALSE, TRUE));
  if (r.error == NULL && !r.context->wellFormed)
    r.error = g_strdup (_("The XML is not well formed"));
  xmlFreeParserCtxt (r.context);

  g_clear_object (&r.event);
  g_clear_pointer (&r.data, g_ptr_array_unref);
  g_string_free (r.text, TRUE);

  /* XML without events is another kind of document; events' XML that
   * breaks before the first is one whose reason is worth telling */
  if (r.n_events == 0 && (r.error == NULL || memmem (text, length, "<Event", strlen ("<Event")) == NULL))
    {
      g_free (r.error);
      return FALSE;
    }

  read->format = KD_EVENT_FORMAT_XML;
  if (r.error != NULL && r.n_events == 0)
    {
      g_ptr_array_add (read->notes, g_strdup_printf (_("The XML could not be read: %s"), r.error));
      g_free (r.error);
    }
  else if (r.error != NULL)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The XML is damaged or cut short after %u event: %s",
                                                            "The XML is damaged or cut short after %u events: %s",
                                                            r.n_events),
                                               r.n_events, r.error);
      g_ptr_array_add (read->notes, g_steal_pointer (&note));
      g_free (r.error);
    }
  return TRUE;
}
