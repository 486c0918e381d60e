/* kd-event-text.c — events as text: Event Viewer's "Copy details as
 * text", wevtutil qe /f:text, and a message pasted alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kd-event-lines.h"
#include "kd-event-readers.h"

/* Event Viewer copies an event as "Label: value" lines in a fixed order,
 * "Description:", the message, and often "Event Xml:" with the XML;
 * wevtutil prints "Event[n]:" then the same kind of lines, indented, and
 * the description at column 0.  The labels are in the display language of
 * the machine (kms-events.md §1.7); those known are in the table below,
 * and a header in another language is still read by the order of its
 * lines, which Event Viewer never changes.  The message may be indented
 * with the rest (a copy quoted in a document), and a header may lack a
 * line (Microsoft's own examples drop "Log Name:" or leave "Date:"
 * empty). */

typedef enum
{
  FIELD_NONE,
  FIELD_LOG,
  FIELD_SOURCE,
  FIELD_DATE,
  FIELD_EVENT_ID,
  FIELD_TASK,
  FIELD_LEVEL,
  FIELD_OPCODE,
  FIELD_KEYWORDS,
  FIELD_USER,
  FIELD_USER_NAME,
  FIELD_COMPUTER,
  FIELD_DESCRIPTION,
  FIELD_EVENT_XML,
} Field;

#define LABEL(text) text, sizeof text - 1

static const struct {
  const char *label;
  gsize length;
  const char *language;
  Field field;
} labels[] = {
  { LABEL ("Log Name"), "en", FIELD_LOG },
  { LABEL ("Source"), "en", FIELD_SOURCE },
  { LABEL ("Date"), "en", FIELD_DATE },
  { LABEL ("Event ID"), "en", FIELD_EVENT_ID },
  { LABEL ("Task Category"), "en", FIELD_TASK },
  { LABEL ("Task"), "en", FIELD_TASK },
  { LABEL ("Level"), "en", FIELD_LEVEL },
  { LABEL ("Opcode"), "en", FIELD_OPCODE },
  { LABEL ("Keywords"), "en", FIELD_KEYWORDS },
  { LABEL ("Keyword"), "en", FIELD_KEYWORDS },
  { LABEL ("User"), "en", FIELD_USER },
  { LABEL ("User Name"), "en", FIELD_USER_NAME },
  { LABEL ("Computer"), "en", FIELD_COMPUTER },
  { LABEL ("Description"), "en", FIELD_DESCRIPTION },
  { LABEL ("Event Xml"), "en", FIELD_EVENT_XML },
  /* a real Czech copy (kms-events.md §1.7) */
  { LABEL ("Název protokolu"), "cs", FIELD_LOG },
  { LABEL ("ID události"), "cs", FIELD_EVENT_ID },
  { LABEL ("Popis"), "cs", FIELD_DESCRIPTION },
  { LABEL ("Kód XML události"), "cs", FIELD_EVENT_XML },
};

/* The order of Event Viewer's lines: what an unknown label stands for */
static const Field order[] = {
  FIELD_LOG, FIELD_SOURCE, FIELD_DATE, FIELD_EVENT_ID, FIELD_TASK, FIELD_LEVEL, FIELD_KEYWORDS, FIELD_USER,
  FIELD_COMPUTER, FIELD_DESCRIPTION,
};



/* g_ascii_strncasecmp() for a label, without a call */
static inline gboolean
label_equal (const char *a,
             const char *b,
             gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (a[i] != b[i] && g_ascii_tolower (a[i]) != g_ascii_tolower (b[i]))
      return FALSE;
  return TRUE;
}

static Field
lookup_label (const KdEventLine  *line,
              const char **language)
{
  if (line == NULL || line->label_length == 0)
    return FIELD_NONE;
  /* the length and the first letter (all labels start with an ASCII
   * letter) rule out nearly all */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i].length == line->label_length && (labels[i].label[0] | 0x20) == (line->start[0] | 0x20) &&
        label_equal (labels[i].label, line->start, line->label_length))
      {
        if (language != NULL)
          *language = labels[i].language;
        return labels[i].field;
      }
  return FIELD_NONE;
}

/* The value of "Event ID: 12290": the number, or -1 */
static int
event_number (const KdEventLine *line)
{
  int n = 0;

  if (line == NULL || line->value_length == 0 || line->value_length > 9)
    return -1;
  for (gsize i = 0; i < line->value_length; i++)
    {
      if (!g_ascii_isdigit (line->value[i]))
        return -1;
      n = n * 10 + (line->value[i] - '0');
    }
  return n <= 65535 ? n : -1;
}

/* wevtutil's "Event[12]:" */
static gboolean
is_wevtutil_start (const KdEventLine *line)
{
  return line != NULL && line->length > 8 && kd_event_starts_with (line->start, "Event[") && line->start[line->length - 1] == ':' &&
         line->start[line->length - 2] == ']';
}

/* Whether a header starts at @i: a "Log Name:" in a known language, a
 * known label of the first lines followed by "Event ID:", or, in an
 * unknown language, the shape of a header: label lines on and on, the
 * fourth of them a number, up to an empty one, the description's. */
static gboolean
header_starts (KdEventLines *lines,
               guint         i)
{
  const KdEventLine *line = kd_event_lines_get (lines, i);
  Field field = lookup_label (line, NULL);
  guint run = 0;

  if (field == FIELD_LOG)
    return TRUE;
  if (field == FIELD_SOURCE && kd_event_lines_get (lines, i + 2) != NULL &&
      (lookup_label (kd_event_lines_get (lines, i + 2), NULL) == FIELD_EVENT_ID ||
       lookup_label (kd_event_lines_get (lines, i + 1), NULL) == FIELD_EVENT_ID))
    return TRUE;
  if (line == NULL || line->label_length == 0)
    return FALSE;
  while (run < 12 && kd_event_lines_get (lines, i + run) != NULL && kd_event_lines_get (lines, i + run)->label_length > 0)
    run++;
  return run >= 9 && event_number (kd_event_lines_get (lines, i + 3)) >= 0 &&
         kd_event_lines_get (lines, i + run - 1)->value_length == 0;
}

static void
set_field (KdKmsEvent *event,
           Field       field,
           const KdEventLine *line,
           const char *language)
{
  g_autofree char *owned = NULL;
  char buffer[256];
  const char *value;

  if (field == FIELD_EVENT_ID)
    {
      if (event_number (line) >= 0)
        kd_kms_event_set_event_id (event, event_number (line));
      return;
    }
  if (field != FIELD_LOG && field != FIELD_SOURCE && field != FIELD_DATE && field != FIELD_LEVEL &&
      field != FIELD_COMPUTER)
    return;
  /* a value as long as a field's, without an allocation */
  if (line->value_length < sizeof buffer)
    {
      memcpy (buffer, line->value, line->value_length);
      buffer[line->value_length] = '\0';
      value = buffer;
    }
  else
    value = owned = kd_event_line_value (line);
  switch (field)
    {
    case FIELD_LOG:
      kd_kms_event_set_log (event, value);
      break;
    case FIELD_SOURCE:
      kd_kms_event_set_source (event, value);
      break;
    case FIELD_DATE:
      kd_kms_event_set_time_text (event, value, language);
      break;
    case FIELD_LEVEL:
      kd_kms_event_set_level_text (event, value);
      break;
    case FIELD_COMPUTER:
      kd_kms_event_set_computer (event, value);
      break;
    case FIELD_NONE:
    case FIELD_EVENT_ID:
    case FIELD_TASK:
    case FIELD_OPCODE:
    case FIELD_KEYWORDS:
    case FIELD_USER:
    case FIELD_USER_NAME:
    case FIELD_DESCRIPTION:
    case FIELD_EVENT_XML:
    default:
      break;
    }
}

/* The XML after "Event Xml:" says it all better (UTC time, record ID);
 * the message comes from the text when the XML has none. */
static KdKmsEvent *
from_event_xml (KdEventLines *lines,
                guint         first,
                guint         last,
                KdKmsEvent   *event)
{
  g_autofree char *xml = kd_event_lines_join (lines, first, last);
  KdEventRead read;
  KdKmsEvent *result = event;

  if (xml == NULL)
    return event;
  kd_event_read_init (&read);
  /* its message may be the text's */
  read.open = TRUE;
  if (kd_event_read_xml (xml, strlen (xml), &read) && read.records->len == 1)
    {
      result = g_ptr_array_steal_index (read.records, 0);
      if (kd_kms_event_get_message (result) == NULL)
        kd_kms_event_set_message (result, kd_kms_event_get_message (event));
      g_object_unref (event);
    }
  kd_event_read_clear (&read);
  return result;
}

/* The message: what follows "Description:" on its line, if anything, and
 * the lines after it up to @end */
static char *
message_text (KdEventLines *lines,
              guint         description,
              guint         end)
{
  const KdEventLine *line = kd_event_lines_get (lines, description);
  g_autofree char *rest = kd_event_lines_join (lines, description + 1, end);

  if (line->value_length == 0)
    return g_steal_pointer (&rest);
  if (rest == NULL)
    return kd_event_line_value (line);
  return g_strdup_printf ("%.*s\n%s", (int) line->value_length, line->value, rest);
}

/* The message as it lies in the text, when its lines are there as they
 * are joined (wevtutil's, at column 0): no copy is made of it first */
static gboolean
set_message_in_place (KdKmsEvent   *event,
                      KdEventLines *lines,
                      guint         description,
                      guint         end)
{
  const KdEventLine *first = NULL, *last = NULL;

  if (lines->markdown || kd_event_lines_get (lines, description)->value_length > 0)
    return FALSE;
  for (guint i = description + 1; i < end; i++)
    {
      const KdEventLine *line = kd_event_lines_get (lines, i);

      if (line->indent > 0 || line->width != line->length)
        return FALSE;
      if (line->length > 0)
        {
          first = first != NULL ? first : line;
          last = line;
        }
    }
  if (first == NULL)
    return FALSE;
  kd_kms_event_set_message_len (event, first->start, last->start + last->length - first->start);
  return TRUE;
}

/* Reads the event whose header starts at line @i; returns the line after
 * it. */
static guint
read_event (KdEventLines *lines,
            guint         i,
            gboolean      wevtutil,
            KdEventRead  *read)
{
  KdKmsEvent *event = kd_kms_event_new ();
  const char *language = NULL;
  gboolean known = FALSE;
  guint position = 0;
  guint description = G_MAXUINT, xml = G_MAXUINT, end;
  gsize header_indent;
  g_autofree char *message = NULL;

  if (wevtutil)
    i++;
  header_indent = kd_event_lines_get (lines, i) != NULL ? kd_event_lines_get (lines, i)->indent : 0;
  /* the header, up to "Description:" */
  for (; kd_event_lines_get (lines, i) != NULL && description == G_MAXUINT; i++)
    {
      const KdEventLine *line = kd_event_lines_get (lines, i);
      const char *line_language = NULL;
      Field field = lookup_label (line, &line_language);

      /* a blank line inside the header, as in some copies */
      if (line->length == 0 && kd_event_lines_get (lines, i + 1) != NULL &&
          kd_event_lines_get (lines, i + 1)->label_length > 0)
        continue;
      if (line->label_length == 0)
        break;
      if (field != FIELD_NONE)
        {
          known = TRUE;
          if (!g_str_equal (line_language, "en"))
            language = line_language;
        }
      else
        field = position < G_N_ELEMENTS (order) ? order[position] : FIELD_NONE;
      for (guint o = 0; o < G_N_ELEMENTS (order); o++)
        if (order[o] == field)
          position = o + 1;
      if (field == FIELD_DESCRIPTION)
        description = i;
      else
        set_field (event, field, line, language != NULL ? language : "en");
    }
  if (language == NULL && known)
    language = "en";
  if (read->language == NULL)
    read->language = language;

  /* the message, up to "Event Xml:" or the next event, or, for a copy
   * indented as a block (quoted in a mail), the first line that is not */
  for (end = i; kd_event_lines_get (lines, end) != NULL; end++)
    {
      const KdEventLine *line = kd_event_lines_get (lines, end);

      if ((wevtutil && is_wevtutil_start (line)) || (!wevtutil && header_starts (lines, end)))
        break;
      if (!wevtutil && header_indent > 0 && line->length > 0 && line->indent < header_indent)
        break;
      if (lookup_label (line, NULL) == FIELD_EVENT_XML && line->value_length == 0)
        {
          xml = end;
          break;
        }
    }
  if (description != G_MAXUINT && !set_message_in_place (event, lines, description, xml != G_MAXUINT ? xml : end))
    {
      message = message_text (lines, description, xml != G_MAXUINT ? xml : end);
      kd_kms_event_set_message (event, message);
    }
  if (xml != G_MAXUINT)
    {
      for (end = xml + 1; kd_event_lines_get (lines, end) != NULL && !header_starts (lines, end); end++)
        ;
      event = from_event_xml (lines, xml + 1, end, event);
    }

  if (kd_kms_event_get_event_id (event) < 0)
    kd_kms_event_set_event_id (event, kd_event_id_from_message (kd_kms_event_get_message (event)));
  kd_event_read_add (read, event);
  return end;
}

/* Messages pasted alone: each starts with the sentence that says which
 * event it is, and runs to the next one; or, without a sentence, Info
 * lines alone, which say by their shape. */
static gboolean
read_messages (const char  *whole,
               gsize        length,
               KdEventRead *read)
{
  g_auto(KdEventLines) all = { 0 };
  KdEventLines *lines = &all;
  guint first = G_MAXUINT;
  int event_id = -1;
  gboolean any = FALSE;

  kd_event_lines_init (&all, whole, length);
  for (guint i = 0;; i++)
    {
      const KdEventLine *line = kd_event_lines_get (lines, i);
      g_autofree char *text = line != NULL ? g_strndup (line->start, line->length) : NULL;

      kd_event_lines_forget (lines, MIN (first, i));
      int next_id = text != NULL ? kd_event_id_from_message (text) : -1;

      if (line != NULL && next_id < 0)
        {
          if (first == G_MAXUINT && line->length > 0)
            g_ptr_array_add (read->unknown_lines, g_steal_pointer (&text));
          continue;
        }
      if (first != G_MAXUINT)
        {
          KdKmsEvent *event = kd_kms_event_new ();
          g_autofree char *message = kd_event_lines_join (lines, first, i);

          kd_kms_event_set_event_id (event, event_id);
          kd_kms_event_set_message (event, message);
          kd_event_read_add (read, event);
          any = TRUE;
        }
      if (line == NULL)
        break;
      first = i;
      event_id = next_id;
    }
  /* no sentence: Info lines alone, each an event by its shape */
  if (!any)
    {
      /* the lines read again, from the first */
      kd_event_lines_clear (&all);
      kd_event_lines_init (&all, whole, length);
      g_ptr_array_set_size (read->unknown_lines, 0);
      for (guint i = 0; kd_event_lines_get (lines, i) != NULL; i++)
        {
          const KdEventLine *line = kd_event_lines_get (lines, i);

          kd_event_lines_forget (lines, i);
          g_autofree char *text = g_strndup (line->start, line->length);
          int shape_id = kd_event_id_from_info_line (text);
          KdKmsEvent *event;

          if (shape_id < 0)
            {
              if (line->length > 0)
                g_ptr_array_add (read->unknown_lines, g_steal_pointer (&text));
              continue;
            }
          event = kd_kms_event_new ();
          kd_kms_event_set_event_id (event, shape_id);
          kd_kms_event_set_message (event, text);
          kd_event_read_add (read, event);
          any = TRUE;
        }
    }
  if (any)
    read->format = KD_EVENT_FORMAT_MESSAGE_TEXT;
  else
    g_ptr_array_set_size (read->unknown_lines, 0);
  return any;
}

/* The first line of @text from @from on that is wevtutil's "Event[12]:",
 * its indentation included, or %NULL */
static const char *
find_wevtutil_start (const char *text,
                     const char *from,
                     const char *end)
{
  for (const char *p = from; (p = memmem (p, end - p, "Event[", 6)) != NULL; p += 6)
    {
      const char *start = p, *eol = memchr (p, '\n', end - p);
      const char *stop = eol != NULL ? eol : end;

      while (start > text && (start[-1] == ' ' || start[-1] == '\t'))
        start--;
      if (start != text && start[-1] != '\n')
        continue;
      while (stop > p && g_ascii_isspace (stop[-1]))
        stop--;
      if (stop - p > 8 && stop[-1] == ':' && stop[-2] == ']')
        return start;
    }
  return NULL;
}

/* The events whose headers start the text's records, the other lines
 * unknown */
static void
read_headers (const char  *text,
              gsize        length,
              gboolean     wevtutil,
              gboolean     markdown,
              KdEventRead *read)
{
  g_auto(KdEventLines) lines = { 0 };
  guint n_before = read->records->len;
  guint i = 0;

  kd_event_lines_init (&lines, text, length);
  lines.markdown = markdown;
  while (kd_event_lines_get (&lines, i) != NULL)
    {
      const KdEventLine *line = kd_event_lines_get (&lines, i);

      kd_event_lines_forget (&lines, i);
      /* past the first event, the text is this reader's to the end */
      if (read->records->len > n_before)
        kd_event_read_give_back (read, line->start - line->indent);
      if (wevtutil ? is_wevtutil_start (line) : header_starts (&lines, i))
        {
          i = read_event (&lines, i, wevtutil, read);
          continue;
        }
      if (line->length > 0)
        g_ptr_array_add (read->unknown_lines, g_strndup (line->start, line->length));
      i++;
    }
}

/* A part of a big wevtutil export, read by a thread of its own */
typedef struct
{
  const char *text;
  gsize length;
  gboolean markdown;
  KdEventRead read;
} Piece;

#define PIECE_MIN (4 << 20)

static gpointer
read_piece (gpointer data)
{
  Piece *piece = data;

  read_headers (piece->text, piece->length, TRUE, piece->markdown, &piece->read);
  return NULL;
}

/* wevtutil's records stand alone: a big export is cut at "Event[n]:" lines
 * into a piece per processor, read at once, and put together in order */
static void
read_wevtutil_pieces (const char  *text,
                      gsize        length,
                      gboolean     markdown,
                      KdEventRead *read)
{
  guint n = MIN (g_get_num_processors (), MAX (length / PIECE_MIN, 1));
  g_autofree Piece *pieces = g_new0 (Piece, n);
  g_autofree GThread **threads = g_new0 (GThread *, n);
  const char *end = text + length;
  const char *start = text;

  for (guint k = 0; k < n; k++)
    {
      const char *stop = k + 1 < n ? find_wevtutil_start (text, text + (k + 1) * (length / n), end) : end;

      if (stop == NULL || stop < start)
        stop = end;
      pieces[k].text = start;
      pieces[k].length = stop - start;
      pieces[k].markdown = markdown;
      kd_event_read_init (&pieces[k].read);
      if (read->give_back != NULL)
        {
          pieces[k].read.give_back = start;
          pieces[k].read.give_back_end = stop;
        }
      start = stop;
    }
  for (guint k = 1; k < n; k++)
    if (pieces[k].length > 0)
      threads[k] = g_thread_new ("kd-events", read_piece, &pieces[k]);
  read_piece (&pieces[0]);
  for (guint k = 0; k < n; k++)
    {
      if (threads[k] != NULL)
        g_thread_join (threads[k]);
      g_ptr_array_extend_and_steal (read->records, g_steal_pointer (&pieces[k].read.records));
      g_ptr_array_extend_and_steal (read->unknown_lines, g_steal_pointer (&pieces[k].read.unknown_lines));
      g_ptr_array_extend_and_steal (read->notes, g_steal_pointer (&pieces[k].read.notes));
      if (read->language == NULL)
        read->language = pieces[k].read.language;
      kd_event_read_clear (&pieces[k].read);
    }
}

gboolean
kd_event_read_text (const char  *text,
                    gsize        length,
                    KdEventRead *read)
{
  gboolean wevtutil = find_wevtutil_start (text, text, text + length) != NULL;
  guint n_before = read->records->len;
  gboolean markdown;

  {
    g_auto(KdEventLines) lines = { 0 };

    kd_event_lines_init (&lines, text, length);
    markdown = lines.markdown;
  }
  if (read->threads && wevtutil && length >= 2 * PIECE_MIN && g_get_num_processors () > 1)
    read_wevtutil_pieces (text, length, markdown, read);
  else
    read_headers (text, length, wevtutil, markdown, read);

  if (read->records->len > n_before)
    {
      read->format = wevtutil ? KD_EVENT_FORMAT_WEVTUTIL_TEXT : KD_EVENT_FORMAT_EVENT_VIEWER_TEXT;
      return TRUE;
    }
  g_ptr_array_set_size (read->unknown_lines, 0);
  return read_messages (text, length, read);
}
