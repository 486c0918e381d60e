/* kd-keys.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Field, line and flag keys are interned strings: the label tables intern
 * theirs, and the parser's own keys go through KD_KEY().  Interned keys
 * compare as pointers, which is what keeps a million-line capture cheap:
 * a product finds its fields without a string comparison. */

static inline const char *
kd_key_from_cache (const char **cache,
                   const char  *literal)
{
  const char *key = g_atomic_pointer_get (cache);

  if (G_UNLIKELY (key == NULL))
    {
      key = g_intern_static_string (literal);
      g_atomic_pointer_set (cache, key);
    }
  return key;
}

/* The interned form of a string literal, looked up once per call site. */
#define KD_KEY(literal) \
  (G_GNUC_EXTENSION ({ static const char *kd_key_cache_; kd_key_from_cache (&kd_key_cache_, "" literal ""); }))

G_END_DECLS
