/* kd-text-decode.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "kd-regex.h"
#include "kd-text-decode.h"

/* What slmgr output looks like as bytes depends on how it left Windows
 * (docs/facts/slmgr-output.md §9): a console copy is UTF-16 or UTF-8 on
 * the clipboard; `cscript … > file` is the OEM code page; PowerShell 5.1's
 * `>` writes UTF-16LE with a BOM, PowerShell 7 UTF-8.  The order of the
 * checks follows that: BOMs, UTF-16 by its NUL bytes, strict UTF-8, then
 * the OEM code page of the language the extended PID names, then
 * windows-1252.  Conversions go through iconv (g_convert). */

static gboolean
looks_like_utf16 (const guint8 *data,
                  gsize         length,
                  gboolean     *out_big_endian)
{
  gsize even_nuls = 0, odd_nuls = 0;
  gsize n = MIN (length, 4096) & ~(gsize) 1;

  if (n < 4)
    return FALSE;

  for (gsize i = 0; i < n; i += 2)
    {
      even_nuls += data[i] == 0;
      odd_nuls += data[i + 1] == 0;
    }

  /* ASCII-heavy text: every other byte is NUL.  CJK text has few NULs but
   * then is not valid UTF-8 either and is handled by the code page path. */
  if (odd_nuls > n / 2 * 3 / 10 && even_nuls < n / 2 / 20)
    {
      *out_big_endian = FALSE;
      return TRUE;
    }
  if (even_nuls > n / 2 * 3 / 10 && odd_nuls < n / 2 / 20)
    {
      *out_big_endian = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* Where the first byte that is not ASCII or is NUL is, or @length:
 * sixteen bytes at a time. */
static gsize
ascii_prefix (const guint8 *data,
              gsize         length)
{
  gsize i = 0;

#ifdef __SSE2__
  const __m128i zero = _mm_setzero_si128 ();

  for (; length - i >= 16; i += 16)
    {
      __m128i chunk = _mm_loadu_si128 ((const __m128i *) (gconstpointer) (data + i));
      /* bytes 0x80 and up are negative, and NUL is zero */
      int mask = _mm_movemask_epi8 (_mm_or_si128 (chunk, _mm_cmpeq_epi8 (chunk, zero)));

      if (mask != 0)
        return i + __builtin_ctz (mask);
    }
#endif
  for (; i < length; i++)
    if (data[i] == 0 || data[i] >= 0x80)
      break;
  return i;
}

/* g_utf8_validate_len() over @data, whose runs of ASCII, most of a
 * capture in any language, are checked sixteen bytes at a time.  The
 * rest is GLib's to judge, a few characters at a time: a piece that
 * ends in the middle of a character is taken again from there. */
static gboolean
utf8_validate (const guint8 *data,
               gsize         length)
{
  const gsize piece = 64;
  gsize i = 0;

  while ((i += ascii_prefix (data + i, length - i)) < length)
    {
      gsize n = MIN (piece, length - i);
      const char *end;

      if (!g_utf8_validate_len ((const char *) data + i, n, &end))
        {
          /* only a character cut by the piece's end is given a second look */
          if (i + n == length || (const guint8 *) end + 4 <= data + i + n || (const guint8 *) end == data + i)
            return FALSE;
        }
      i = (const guint8 *) end - data;
    }
  return TRUE;
}

/* The LCID group of an extended PID, read from the raw bytes: digits and
 * dashes are ASCII in every OEM code page. */
static guint
find_epid_lcid (const guint8 *data,
                gsize         length)
{
  static GRegex *epid;
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *head = NULL;
  gsize n = MIN (length, 256 * 1024);

  if (g_once_init_enter_pointer (&epid))
    g_once_init_leave_pointer (&epid,
                               kd_regex_new_shared ("\\d{5}-\\d{5}-\\d{3}-\\d{6}-\\d{2}-(\\d{4,5})-\\d{4,5}\\.\\d{4}-\\d{7}",
                                            G_REGEX_RAW | G_REGEX_OPTIMIZE, 0, NULL));

  /* G_REGEX_RAW matches bytes, but the subject must not contain NULs. */
  head = g_strndup ((const char *) data, n);
  if (g_regex_match (epid, head, 0, &info))
    {
      g_autofree char *lcid = g_match_info_fetch (info, 1);
      return (guint) g_ascii_strtoull (lcid, NULL, 10);
    }
  return 0;
}

static char *
convert (const guint8  *data,
         gsize          length,
         const char    *from,
         KdDecodeFlags *flags)
{
  g_autoptr(GError) error = NULL;
  gsize written = 0;
  char *out;

  out = g_convert ((const char *) data, length, "UTF-8", from, NULL, &written, &error);
  if (out == NULL)
    {
      /* A stray byte the code page does not define: keep the rest. */
      out = g_convert_with_fallback ((const char *) data, length, "UTF-8", from, "\xef\xbf\xbd",
                                     NULL, &written, NULL);
      if (out == NULL)
        return NULL;
      *flags |= KD_DECODE_REPLACED_INVALID;
    }

  /* U+0000 in UTF-16 text: the rest of the parser works on C strings. */
  if (memchr (out, 0, written) != NULL)
    {
      gsize j = 0;

      for (gsize i = 0; i < written; i++)
        if (out[i] != '\0')
          out[j++] = out[i];
      out[j] = '\0';
      *flags |= KD_DECODE_DROPPED_NULS;
    }
  return out;
}

static char *
drop_nuls (const guint8 *data,
           gsize         length,
           gsize        *out_length,
           gboolean     *out_dropped)
{
  char *copy = g_malloc (length + 1);
  gsize j = 0;

  for (gsize i = 0; i < length; i++)
    if (data[i] != 0)
      copy[j++] = data[i];
  copy[j] = '\0';
  *out_length = j;
  *out_dropped = j != length;
  return copy;
}

/**
 * kd_text_decode_borrow:
 * @data: the bytes of a capture
 * @length: their number
 * @out_length: (out): the length of the text
 * @out_owned: (out) (transfer full) (nullable): the text when it had to
 *   be converted, else %NULL
 * @codepage_for_lcid: (nullable): the code page of a locale, for 8-bit
 *   text whose extended PID names its locale; Windows-1252 without it
 * @out_encoding: (out): the name of the encoding used, e.g. "UTF-16LE", "CP850"
 * @out_flags: (out) (optional): what had to be repaired
 *
 * kd_text_decode() without a copy of text that is valid UTF-8 already:
 * a capture can be hundreds of megabytes.
 *
 * Returns: the text as valid UTF-8 without NUL bytes: @out_owned, or a
 *   part of @data that is not NUL-terminated
 */
const char *
kd_text_decode_borrow (const guint8   *data,
                       gsize           length,
                       gsize          *out_length,
                       char          **out_owned,
                       KdCodepageFunc  codepage_for_lcid,
                       const char    **out_encoding,
                       KdDecodeFlags  *out_flags)
{
  KdDecodeFlags flags = KD_DECODE_NONE;
  g_autofree char *clean = NULL;
  gboolean big_endian = FALSE;
  gboolean dropped = FALSE;
  const char *encoding;
  char *text = NULL;
  gsize clean_length;
  guint lcid;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (out_encoding != NULL, NULL);

  *out_owned = NULL;
  if (length == 0)
    {
      *out_encoding = "UTF-8";
      if (out_flags != NULL)
        *out_flags = KD_DECODE_NONE;
      *out_length = 0;
      return "";
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      encoding = "UTF-8";
      data += 3;
      length -= 3;
      goto utf8;
    }
  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      big_endian = data[0] == 0xfe;
      data += 2;
      length -= 2;
      goto utf16;
    }
  if (looks_like_utf16 (data, length, &big_endian))
    goto utf16;

  encoding = "UTF-8";
utf8:
  /* g_utf8_validate_len() refuses NUL bytes too */
  if (length == 0 || utf8_validate (data, length))
    {
      *out_encoding = encoding;
      if (out_flags != NULL)
        *out_flags = flags;
      *out_length = length;
      return length > 0 ? (const char *) data : "";
    }

  clean = drop_nuls (data, length, &clean_length, &dropped);
  if (dropped)
    flags |= KD_DECODE_DROPPED_NULS;
  if (utf8_validate ((const guint8 *) clean, clean_length))
    {
      text = g_strndup (clean, clean_length);
      goto done;
    }

  /* Not UTF-8: the OEM code page the capture's own language uses, when an
   * extended PID names it, else Windows' ANSI code page for the West. */
  lcid = find_epid_lcid ((const guint8 *) clean, clean_length);
  encoding = lcid != 0 && codepage_for_lcid != NULL ? codepage_for_lcid (lcid) : NULL;
  if (encoding != NULL)
    flags |= KD_DECODE_GUESSED_CODEPAGE;
  else
    encoding = "WINDOWS-1252";
  text = convert ((const guint8 *) clean, clean_length, encoding, &flags);
  if (text == NULL)
    {
      encoding = "WINDOWS-1252";
      text = convert ((const guint8 *) clean, clean_length, encoding, &flags);
    }
  if (text == NULL)
    {
      encoding = "UTF-8";
      text = g_utf8_make_valid (clean, clean_length);
      flags |= KD_DECODE_REPLACED_INVALID;
    }
  goto done;

utf16:
  encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
  if (length % 2 != 0)
    {
      flags |= KD_DECODE_ODD_UTF16;
      length--;
    }
  text = convert (data, length, encoding, &flags);
  if (text == NULL)
    {
      text = g_strdup ("");
      flags |= KD_DECODE_REPLACED_INVALID;
    }

done:
  *out_encoding = encoding;
  if (out_flags != NULL)
    *out_flags = flags;
  /* converted text ends at its first NUL, if UTF-16 had one */
  *out_length = strlen (text);
  *out_owned = text;
  return text;
}

/**
 * kd_text_decode:
 * @data: the bytes of a capture
 * @length: their number
 * @codepage_for_lcid: (nullable): as for kd_text_decode_borrow()
 * @out_encoding: (out): the name of the encoding used, e.g. "UTF-16LE", "CP850"
 * @out_flags: (out) (optional): what had to be repaired
 *
 * Returns: (transfer full): the text as valid UTF-8 (never %NULL)
 */
char *
kd_text_decode (const guint8   *data,
                gsize           length,
                KdCodepageFunc  codepage_for_lcid,
                const char    **out_encoding,
                KdDecodeFlags  *out_flags)
{
  char *owned = NULL;
  gsize text_length;
  const char *text = kd_text_decode_borrow (data, length, &text_length, &owned, codepage_for_lcid,
                                            out_encoding, out_flags);

  g_return_val_if_fail (text != NULL, NULL);
  return owned != NULL ? owned : g_strndup (text, text_length);
}

/**
 * kd_text_count_chars:
 * @text: valid UTF-8 without NUL bytes, not necessarily NUL-terminated
 * @bytes: its length, which does not end inside a character
 *
 * g_utf8_strlen() for the parser's lines: the characters are the bytes
 * that do not continue one (0x80 to 0xBF), counted sixteen at a time
 * where SSE2 is there.
 *
 * Returns: the number of characters
 */
glong
kd_text_count_chars (const char *text,
                     gsize       bytes)
{
  glong chars = 0;
  gsize i = 0;

#ifdef __SSE2__
  const __m128i below = _mm_set1_epi8 (-64);   /* 0x80 to 0xBF are below -64 as signed bytes */

  for (; bytes - i >= 16; i += 16)
    {
      __m128i chunk = _mm_loadu_si128 ((const __m128i *) (gconstpointer) (text + i));

      chars += 16 - __builtin_popcount (_mm_movemask_epi8 (_mm_cmplt_epi8 (chunk, below)));
    }
#endif
  for (; i < bytes; i++)
    chars += ((guchar) text[i] & 0xC0) != 0x80;
  return chars;
}

/**
 * kd_text_find_either:
 * @text: text
 * @end: where it ends
 * @a: a byte
 * @b: another byte
 *
 * The first @a or @b in @text, sixteen or eight bytes at a time in place
 * of a call to memchr() for each: a capture has millions of short lines.
 * Never reads at or past @end.
 *
 * Returns: where the first @a or @b is, or @end
 */
const char *
kd_text_find_either (const char *text,
                     const char *end,
                     char        a,
                     char        b)
{
#ifdef __SSE2__
  const __m128i as = _mm_set1_epi8 (a), bs = _mm_set1_epi8 (b);

  for (; end - text >= 16; text += 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) (gconstpointer) text);
      int mask = _mm_movemask_epi8 (_mm_or_si128 (_mm_cmpeq_epi8 (bytes, as), _mm_cmpeq_epi8 (bytes, bs)));

      if (mask != 0)
        return text + __builtin_ctz (mask);
    }
#endif
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  {
    const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101), highs = ones * 0x80;

    for (; end - text >= 8; text += 8)
      {
        guint64 word, x, y;

        memcpy (&word, text, 8);
        x = word ^ (ones * (guchar) a);
        y = word ^ (ones * (guchar) b);
        /* the lowest byte flagged is @a or @b; higher ones may not be */
        x = (x - ones) & ~x & highs;
        y = (y - ones) & ~y & highs;
        if ((x | y) != 0)
          return text + (__builtin_ctzll (x | y) >> 3);
      }
  }
#endif
  while (text < end && *text != a && *text != b)
    text++;
  return text;
}

/**
 * kd_text_is_plain:
 * @text: text
 * @length: its length in bytes, or -1 if it is NUL-terminated
 *
 * Whether @text is printable ASCII and tabs only: the text that the
 * parser's scanners read the way its regular expressions would, which
 * take everything else.
 *
 * Returns: %TRUE if @text is plain
 */
gboolean
kd_text_is_plain (const char *text,
                  gssize      length)
{
  const char *end;

  if (length < 0)
    length = strlen (text);
  end = text + length;

#ifdef __SSE2__
  {
    /* adding 0x60 takes ' ' to '~' to the signed bytes below -33, and
     * every other byte to -33 or above */
    const __m128i shift = _mm_set1_epi8 (0x60), limit = _mm_set1_epi8 (-33), tabs = _mm_set1_epi8 ('\t');

    for (; end - text >= 16; text += 16)
      {
        __m128i chunk = _mm_loadu_si128 ((const __m128i *) (gconstpointer) text);
        __m128i plain = _mm_or_si128 (_mm_cmplt_epi8 (_mm_add_epi8 (chunk, shift), limit), _mm_cmpeq_epi8 (chunk, tabs));

        if (_mm_movemask_epi8 (plain) != 0xFFFF)
          return FALSE;
      }
  }
#endif
  for (; text < end; text++)
    if (((guchar) *text < ' ' && *text != '\t') || (guchar) *text > '~')
      return FALSE;
  return TRUE;
}
