/* kd-event-lines.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kd-event-lines.h"

/* "Label: value", "Label:value", "Label : value" (French spacing), or
 * "Label:" alone; a label is short and has no colon, bracket or '=' of
 * its own. */
static void
split_label (KdEventLine *line)
{
  const char *colon = memchr (line->start, ':', line->length);
  const char *v;
  gsize n;

  line->label_length = 0;
  if (colon == NULL || colon == line->start || colon - line->start > 40)
    return;
  for (const char *p = line->start; p < colon; p++)
    if (*p == '<' || *p == '=' || *p == '[' || *p == ',' || *p == '(')
      return;
  n = colon - line->start;
  while (n > 0 && line->start[n - 1] == ' ')
    n--;
  if (n == 0)
    return;
  v = colon + 1;
  while (v < line->start + line->length && (*v == ' ' || *v == '\t'))
    v++;
  line->label_length = n;
  line->value = v;
  line->value_length = line->start + line->length - v;
}

/* A copy kept in Markdown may end its lines with "\\", a hard line break:
 * when most lines do, the backslashes go. */
static void
drop_markdown_breaks (GArray *lines)
{
  guint n = 0, broken = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const KdEventLine *line = &g_array_index (lines, KdEventLine, i);

      n += line->length > 0;
      broken += line->length > 0 && line->start[line->length - 1] == '\\';
    }
  if (broken < 2 || broken * 2 < n)
    return;
  for (guint i = 0; i < lines->len; i++)
    {
      KdEventLine *line = &g_array_index (lines, KdEventLine, i);

      if (line->length > 0 && line->start[line->length - 1] == '\\')
        {
          line->length--;
          while (line->length > 0 && g_ascii_isspace (line->start[line->length - 1]))
            line->length--;
          split_label (line);
        }
    }
}

/* The lines of @text, their "Label: value" parts found */
GArray *
kd_event_lines_split (const char *text,
                      gsize       length)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (KdEventLine));
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *stop = eol != NULL ? eol : end;
      KdEventLine line;

      line.start = p;
      while (line.start < stop && (*line.start == ' ' || *line.start == '\t'))
        line.start++;
      line.indent = line.start - p;
      line.width = stop - p - (stop > p && stop[-1] == '\r');
      line.length = stop - line.start;
      while (line.length > 0 && g_ascii_isspace (line.start[line.length - 1]))
        line.length--;
      split_label (&line);
      g_array_append_val (lines, line);
      p = eol != NULL ? eol + 1 : end;
    }
  drop_markdown_breaks (lines);
  return lines;
}

char *
kd_event_line_value (const KdEventLine *line)
{
  return g_strndup (line->value, line->value_length);
}

/* The message: the lines from @first to @last, blank ones at either end
 * left out */
char *
kd_event_lines_join (GArray *lines,
                     guint   first,
                     guint   last)
{
  g_autoptr(GString) text = g_string_new (NULL);

  while (first < last && g_array_index (lines, KdEventLine, first).length == 0)
    first++;
  while (last > first && g_array_index (lines, KdEventLine, last - 1).length == 0)
    last--;
  for (guint i = first; i < last; i++)
    {
      const KdEventLine *line = &g_array_index (lines, KdEventLine, i);

      if (i > first)
        g_string_append_c (text, '\n');
      g_string_append_len (text, line->start, line->length);
    }
  return text->len > 0 ? g_string_free_and_steal (g_steal_pointer (&text)) : NULL;
}
