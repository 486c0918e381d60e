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

/* Parses @length bytes of @content as what lies inside our root, after
 * @open (the document's own root opened again, for a piece of its middle)
 * and before @close; @line is the line @content starts on */
static void
parse (KdEventRead *read,
       const char  *open,
       const char  *content,
       gsize        length,
       const char  *close,
       guint        line,
       guint       *n_events,
       char       **error)
{
  xmlSAXHandler sax = { 0 };
  Reader r = { read, { NULL }, NULL, NULL, NULL, g_string_new (NULL), LEAF_NONE, { NULL }, 0, 0, NULL };

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

  if (feed (&r, "<kd-events>", strlen ("<kd-events>"), FALSE, FALSE) &&
      (open == NULL || feed (&r, open, strlen (open), FALSE, FALSE)))
    {
      /* the lines of the piece counted as in the whole */
      if (r.context->input != NULL)
        r.context->input->line += line;
      (void) (feed (&r, content, length, TRUE, FALSE) && (close == NULL || feed (&r, close, strlen (close), FALSE, FALSE)) &&
              feed (&r, "</kd-events>", strlen ("</kd-events>"), FALSE, TRUE));
    }
  if (r.error == NULL && !r.context->wellFormed)
    r.error = g_strdup (_("The XML is not well formed"));
  xmlFreeParserCtxt (r.context);

  g_clear_object (&r.event);
  g_clear_pointer (&r.data, g_ptr_array_unref);
  g_string_free (r.text, TRUE);
  *n_events = r.n_events;
  *error = r.error;
}

/* A piece of a big document, read by a thread of its own */
typedef struct
{
  const char *open;
  const char *content;
  gsize length;
  const char *close;
  guint line;
  KdEventRead read;
  guint n_events;
  char *error;
} Piece;

#define PIECE_MIN (4 << 20)

static gpointer
parse_piece (gpointer data)
{
  Piece *piece = data;

  parse (&piece->read, piece->open, piece->content, piece->length, piece->close, piece->line, &piece->n_events,
         &piece->error);
  return NULL;
}

/* The first <Event> tag at @from or after; with @after_end, only one
 * right after the end of another event; or %NULL */
static const char *
find_event_start (const char *start,
                  const char *from,
                  const char *end,
                  gboolean    after_end)
{
  for (const char *p = from; (p = memmem (p, end - p, "<Event", 6)) != NULL; p += 6)
    {
      const char *before = p;

      /* not <Events>, <EventData>, <EventID> */
      if (p + 6 >= end || (p[6] != ' ' && p[6] != '>' && p[6] != '\n' && p[6] != '\r' && p[6] != '\t'))
        continue;
      if (!after_end)
        return p;
      while (before > start && (g_ascii_isspace (before[-1]) || before[-1] == '-'))
        before--;
      if (before - start >= 8 && memcmp (before - 8, "</Event>", 8) == 0)
        return p;
    }
  return NULL;
}

static guint
count_lines (const char *text,
             const char *end)
{
  guint n = 0;

  while ((text = memchr (text, '\n', end - text)) != NULL)
    text++, n++;
  return n;
}

/* A big document of events (wevtutil's, or Event Viewer's with its
 * <Events> root) cut between two events into a piece per processor, each
 * read at once inside the root opened again; what a damaged piece reads
 * ends the whole, as it would have read alone.  FALSE when the document
 * is not of that plain shape. */
static gboolean
parse_pieces (KdEventRead *read,
              const char  *start,
              const char  *end,
              guint       *n_events,
              char       **error)
{
  const char *first = find_event_start (start, start, end, FALSE);
  const char *root = start;
  g_autofree char *open = NULL, *close = NULL;
  guint n = MIN (g_get_num_processors (), MAX ((gsize) (end - start) / PIECE_MIN, 1));
  g_autofree Piece *pieces = NULL;
  g_autofree GThread **threads = NULL;
  const char *cut = start;
  gboolean failed = FALSE;

  /* the first event, after a root of one plain open tag or none */
  while (root < end && (g_ascii_isspace (*root) || *root == '-'))
    root++;
  if (first == NULL || n < 2)
    return FALSE;
  if (root < first)
    {
      const char *name_end = root + 1;
      const char *tag_end = memchr (root, '>', first - root);

      while (name_end < first && g_ascii_isalnum (*name_end))
        name_end++;
      if (*root != '<' || tag_end == NULL || name_end == root + 1 || memchr (root + 1, '<', first - root - 1) != NULL)
        return FALSE;
      open = g_strndup (root, tag_end + 1 - root);
      close = g_strdup_printf ("</%.*s>", (int) (name_end - root - 1), root + 1);
    }

  pieces = g_new0 (Piece, n);
  threads = g_new0 (GThread *, n);
  for (guint k = 0; k < n; k++)
    {
      const char *stop = k + 1 < n ? find_event_start (start, start + (k + 1) * ((end - start) / n), end, TRUE) : end;

      if (stop == NULL || stop < cut)
        stop = end;
      pieces[k].open = k > 0 ? open : NULL;
      pieces[k].content = cut;
      pieces[k].length = stop - cut;
      pieces[k].close = k + 1 < n ? close : NULL;
      pieces[k].line = k > 0 ? pieces[k - 1].line + count_lines (pieces[k - 1].content, cut) : 0;
      kd_event_read_init (&pieces[k].read);
      if (read->give_back != NULL)
        {
          pieces[k].read.give_back = cut;
          pieces[k].read.give_back_end = stop;
        }
      cut = stop;
    }
  for (guint k = 1; k < n; k++)
    if (pieces[k].length > 0)
      threads[k] = g_thread_new ("kd-events", parse_piece, &pieces[k]);
  parse_piece (&pieces[0]);

  *n_events = 0;
  *error = NULL;
  for (guint k = 0; k < n; k++)
    {
      if (threads[k] != NULL)
        g_thread_join (threads[k]);
      if (!failed)
        {
          g_ptr_array_extend_and_steal (read->records, g_steal_pointer (&pieces[k].read.records));
          *n_events += pieces[k].n_events;
          *error = g_steal_pointer (&pieces[k].error);
          failed = *error != NULL;
        }
      g_free (pieces[k].error);
      kd_event_read_clear (&pieces[k].read);
    }
  return TRUE;
}

gboolean
kd_event_read_xml (const char  *text,
                   gsize        length,
                   KdEventRead *read)
{
  const char *start;
  g_autofree char *error = NULL;
  guint n_events = 0;

  start = skip_banner (text, text + length);
  if (!looks_like_xml (start, text + length - start))
    return FALSE;
  start = skip_prolog (start, text + length);

  if (!(read->threads && (gsize) (text + length - start) >= 2 * PIECE_MIN && g_get_num_processors () > 1 &&
        parse_pieces (read, start, text + length, &n_events, &error)))
    parse (read, NULL, start, text + length - start, NULL, 0, &n_events, &error);

  /* XML without events is another kind of document; events' XML that
   * breaks before the first is one whose reason is worth telling */
  if (n_events == 0 && (error == NULL || memmem (text, length, "<Event", strlen ("<Event")) == NULL))
    return FALSE;

  read->format = KD_EVENT_FORMAT_XML;
  if (error != NULL && n_events == 0)
    g_ptr_array_add (read->notes, g_strdup_printf (_("The XML could not be read: %s"), error));
  else if (error != NULL)
    g_ptr_array_add (read->notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "The XML is damaged or cut short after %u event: %s",
                                                                "The XML is damaged or cut short after %u events: %s",
                                                                n_events),
                                                   n_events, error));
  return TRUE;
}
