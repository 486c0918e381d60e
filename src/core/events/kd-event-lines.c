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
 * when most lines of its start do, the backslashes go. */
static gboolean
is_markdown (const char *text,
             const char *end)
{
  guint n = 0, broken = 0;

  end = MIN (end, text + 64 * 1024);
  while (text < end)
    {
      const char *eol = memchr (text, '\n', end - text);
      const char *stop = eol != NULL ? eol : end;

      while (stop > text && g_ascii_isspace (stop[-1]))
        stop--;
      n += stop > text;
      broken += stop > text && stop[-1] == '\\';
      text = eol != NULL ? eol + 1 : end;
    }
  return broken >= 2 && broken * 2 >= n;
}

void
kd_event_lines_init (KdEventLines *lines,
                     const char   *text,
                     gsize         length)
{
  lines->next = text;
  lines->end = text + length;
  lines->blocks = g_ptr_array_new_with_free_func (g_free);
  lines->spare = NULL;
  lines->first_block = 0;
  lines->n_split = 0;
  lines->markdown = is_markdown (text, text + length);
}

void
kd_event_lines_clear (KdEventLines *lines)
{
  g_clear_pointer (&lines->blocks, g_ptr_array_unref);
  g_clear_pointer (&lines->spare, g_free);
}

/* Splits the next line */
static void
split_next (KdEventLines *lines)
{
  const char *p = lines->next;
  const char *eol = memchr (p, '\n', lines->end - p);
  const char *stop = eol != NULL ? eol : lines->end;
  guint block = lines->n_split / KD_EVENT_LINES_BLOCK - lines->first_block;
  KdEventLine *line;

  if (block >= lines->blocks->len)
    g_ptr_array_add (lines->blocks, lines->spare != NULL ? g_steal_pointer (&lines->spare)
                                                         : g_new (KdEventLine, KD_EVENT_LINES_BLOCK));
  line = (KdEventLine *) g_ptr_array_index (lines->blocks, block) + lines->n_split % KD_EVENT_LINES_BLOCK;
  lines->n_split++;
  lines->next = eol != NULL ? eol + 1 : lines->end;

  line->start = p;
  while (line->start < stop && (*line->start == ' ' || *line->start == '\t'))
    line->start++;
  line->indent = line->start - p;
  line->width = stop - p - (stop > p && stop[-1] == '\r');
  line->length = stop - line->start;
  while (line->length > 0 && g_ascii_isspace (line->start[line->length - 1]))
    line->length--;
  if (lines->markdown && line->length > 0 && line->start[line->length - 1] == '\\')
    {
      line->length--;
      while (line->length > 0 && g_ascii_isspace (line->start[line->length - 1]))
        line->length--;
    }
  split_label (line);
}

/* kd_event_lines_get() for a line not split yet */
const KdEventLine *
kd_event_lines_split_to (KdEventLines *lines,
                         guint         i)
{
  g_return_val_if_fail (i >= lines->first_block * KD_EVENT_LINES_BLOCK, NULL);

  while (i >= lines->n_split && lines->next < lines->end)
    split_next (lines);
  if (i >= lines->n_split)
    return NULL;
  return (const KdEventLine *) g_ptr_array_index (lines->blocks, i / KD_EVENT_LINES_BLOCK - lines->first_block) +
         i % KD_EVENT_LINES_BLOCK;
}

/* The lines before @before are not asked for again */
void
kd_event_lines_forget (KdEventLines *lines,
                       guint         before)
{
  guint n;

  before = MIN (before, lines->n_split);
  if (before / KD_EVENT_LINES_BLOCK <= lines->first_block)
    return;
  n = before / KD_EVENT_LINES_BLOCK - lines->first_block;
  /* one block is kept for the lines to come: blocks freed and made anew
   * would leave the heap in pieces between the events kept */
  if (lines->spare == NULL)
    lines->spare = g_ptr_array_steal_index (lines->blocks, 0), n--, lines->first_block++;
  g_ptr_array_remove_range (lines->blocks, 0, n);
  lines->first_block += n;
}

char *
kd_event_line_value (const KdEventLine *line)
{
  return g_strndup (line->value, line->value_length);
}

/* The message: the lines from @first to @last, blank ones at either end
 * left out */
char *
kd_event_lines_join (KdEventLines *lines,
                     guint         first,
                     guint         last)
{
  g_autoptr(GString) text = g_string_new (NULL);

  while (first < last && kd_event_lines_get (lines, first)->length == 0)
    first++;
  while (last > first && kd_event_lines_get (lines, last - 1)->length == 0)
    last--;
  for (guint i = first; i < last; i++)
    {
      const KdEventLine *line = kd_event_lines_get (lines, i);

      if (i > first)
        g_string_append_c (text, '\n');
      g_string_append_len (text, line->start, line->length);
    }
  return text->len > 0 ? g_string_free_and_steal (g_steal_pointer (&text)) : NULL;
}
