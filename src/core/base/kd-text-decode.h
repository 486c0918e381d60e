/* kd-text-decode.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KD_DECODE_NONE              = 0,
  KD_DECODE_DROPPED_NULS      = 1 << 0,  /* NUL bytes in 8-bit text were dropped */
  KD_DECODE_ODD_UTF16         = 1 << 1,  /* UTF-16 with an odd byte count: last byte dropped */
  KD_DECODE_REPLACED_INVALID  = 1 << 2,  /* sequences invalid in the encoding were replaced */
  KD_DECODE_GUESSED_CODEPAGE  = 1 << 3,  /* the code page was inferred from the content */
} KdDecodeFlags;

/* The OEM code page of a Windows locale, or %NULL: the layers that know
 * the languages supply it (kd_labels_codepage_for_lcid_default()). */
typedef const char *(*KdCodepageFunc) (guint lcid);

const char *kd_text_decode_borrow (const guint8   *data,
                                   gsize           length,
                                   gsize          *out_length,
                                   char          **out_owned,
                                   KdCodepageFunc  codepage_for_lcid,
                                   const char    **out_encoding,
                                   KdDecodeFlags  *out_flags);
gboolean kd_text_is_plain (const char *text,
                           gssize      length);
const char *kd_text_find_either (const char *text,
                                 const char *end,
                                 char        a,
                                 char        b);
glong kd_text_count_chars (const char *text,
                           gsize       bytes);
char *kd_text_decode (const guint8   *data,
                      gsize           length,
                      KdCodepageFunc  codepage_for_lcid,
                      const char    **out_encoding,
                      KdDecodeFlags  *out_flags);

G_END_DECLS
