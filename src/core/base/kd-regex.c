/* kd-regex.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-regex.h"

/**
 * kd_regex_new_shared:
 *
 * g_regex_new() for a pattern that threads will match at once (the
 * parsers' patterns, compiled once and kept).  GLib makes a pattern's JIT
 * code at its first match, and two threads that match a new pattern at the
 * same moment both make it: one copy is leaked (LeakSanitizer saw it in
 * about one run of 300 of the health import, which parses captures on
 * every processor).  The code is made here, before the pattern is shared.
 *
 * Returns: (transfer full) (nullable): the pattern, or %NULL with @error set
 */
GRegex *
kd_regex_new_shared (const char          *pattern,
                     GRegexCompileFlags   compile_options,
                     GRegexMatchFlags     match_options,
                     GError             **error)
{
  GRegex *regex = g_regex_new (pattern, compile_options, match_options, error);

  if (regex != NULL)
    g_regex_match (regex, "", 0, NULL);
  return regex;
}
