/* kd-event-lines.h — the lines of a text export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *start;        /* the line, without its indentation */
  gsize indent;             /* of blanks before it */
  gsize length;             /* without its line end and trailing blanks */
  gsize width;              /* of the whole line as printed, blanks included, line end not */
  gsize label_length;       /* of "Label" in "Label: value", 0 when not such a line */
  const char *value;
  gsize value_length;
} KdEventLine;

/* The lines of a text, split as a reader asks for them and forgotten once
 * it is past them: an export of hundreds of megabytes is never split
 * whole.  Lines are numbered from 0; a line stays where it is until it is
 * forgotten. */
typedef struct
{
  const char *next;         /* the first byte not split yet */
  const char *end;
  GPtrArray *blocks;        /* of KdEventLine[KD_EVENT_LINES_BLOCK] */
  KdEventLine *spare;       /* a block forgotten, for the next */
  guint first_block;        /* the number of the first block kept */
  guint n_split;
  gboolean markdown;
} KdEventLines;

#define KD_EVENT_LINES_BLOCK 256

void               kd_event_lines_init   (KdEventLines      *lines,
                                          const char        *text,
                                          gsize              length);
void               kd_event_lines_clear  (KdEventLines      *lines);
const KdEventLine *kd_event_lines_split_to (KdEventLines    *lines,
                                            guint            i);
void               kd_event_lines_forget (KdEventLines      *lines,
                                          guint              before);
char              *kd_event_lines_join   (KdEventLines      *lines,
                                          guint              first,
                                          guint              last);
char              *kd_event_line_value   (const KdEventLine *line);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KdEventLines, kd_event_lines_clear)

/**
 * kd_event_lines_get:
 * @i: a line's number, not forgotten
 *
 * Returns: (nullable): line @i, until it is forgotten; %NULL past the end
 */
static inline const KdEventLine *
kd_event_lines_get (KdEventLines *lines,
                    guint         i)
{
  guint first = lines->first_block * KD_EVENT_LINES_BLOCK;

  /* a line split already: nearly every time */
  if (G_LIKELY (i < lines->n_split && i >= first))
    return (const KdEventLine *) g_ptr_array_index (lines->blocks, i / KD_EVENT_LINES_BLOCK - lines->first_block) +
           i % KD_EVENT_LINES_BLOCK;
  return kd_event_lines_split_to (lines, i);
}

/* g_str_has_prefix() measures the whole string first: on a line of a
 * big export that is the rest of the export, at every line */
static inline gboolean
kd_event_starts_with (const char *text,
                      const char *prefix)
{
  return strncmp (text, prefix, strlen (prefix)) == 0;
}

/* The same for text that does not end in NUL */
static inline gboolean
kd_event_has_prefix (const char *text,
                     const char *end,
                     const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - text) >= n && memcmp (text, prefix, n) == 0;
}

G_END_DECLS
