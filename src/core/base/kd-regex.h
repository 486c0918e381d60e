/* kd-regex.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GRegex *kd_regex_new_shared (const char          *pattern,
                             GRegexCompileFlags   compile_options,
                             GRegexMatchFlags     match_options,
                             GError             **error);

G_END_DECLS
