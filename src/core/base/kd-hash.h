/* kd-hash.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* Eight bytes at a time: labels are hashed on every line of a capture,
 * activation IDs once per product. */
static inline guint
kd_hash_bytes (const char *text,
               gsize       length)
{
  const guint64 multiplier = G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  guint64 hash = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ length;
  guint64 word = 0;
  gsize rest = length;

  for (; rest >= 8; text += 8, rest -= 8)
    {
      memcpy (&word, text, 8);
      hash = (hash ^ word) * multiplier;
      hash ^= hash >> 32;
    }
  if (rest > 0)
    {
      if (length >= 8)
        memcpy (&word, text + rest - 8, 8);   /* the last eight bytes */
      else if (rest >= 4)
        {
          guint32 low, high;

          memcpy (&low, text, 4);
          memcpy (&high, text + rest - 4, 4);
          word = (guint64) high << 32 | low;
        }
      else
        word = (guint64) (guchar) text[0] << 16 | (guint64) (guchar) text[rest / 2] << 8 | (guchar) text[rest - 1];
      hash = (hash ^ word) * multiplier;
      hash ^= hash >> 32;
    }
  return (guint) (hash ^ (hash >> 29));
}

/* A GHashFunc for strings, for tables a big capture fills */
static inline guint
kd_str_hash (gconstpointer key)
{
  return kd_hash_bytes (key, strlen (key));
}

G_END_DECLS
