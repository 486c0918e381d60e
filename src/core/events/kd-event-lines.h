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

GArray *kd_event_lines_split (const char        *text,
                              gsize              length);
char   *kd_event_lines_join  (GArray            *lines,
                              guint              first,
                              guint              last);
char   *kd_event_line_value  (const KdEventLine *line);

/* g_str_has_prefix() measures the whole string first: on a line of a
 * big export that is the rest of the export, at every line */
static inline gboolean
kd_event_starts_with (const char *text,
                      const char *prefix)
{
  return strncmp (text, prefix, strlen (prefix)) == 0;
}

G_END_DECLS
