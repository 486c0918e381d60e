/* kd-capture-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kd-capture-date.h"
#include "kd-regex.h"

/* slmgr prints dates with VBScript in the user's regional format
 * (docs/facts/slmgr-output.md §5.1): 3/18/2026 12:34:20 PM,
 * 20/03/2026 12:44:15, 2026/3/18 12:34:20, 18.03.2026 12:34:20.  Day and
 * month are told apart by evidence only: a number above 12, a dotted date
 * (day first wherever dots are used), the install language in the
 * extended PID, the language of the labels.  Without evidence the date is
 * left unresolved. */

static gboolean
month_first_lcid (guint lcid)
{
  /* en-US is the month-first locale people meet in activation tickets. */
  return lcid == 1033;
}

static gboolean
day_first_language (const char *language)
{
  static const char *day_first[] = { "de", "fr", "it", "es", "pt-BR", "pt", "ru", "nl", "pl", "cs", "tr", "sv", "da",
                                     "nb", "fi", "hu", "el", "uk", "ro", "sk", "sl", "hr", "bg", "en-GB" };

  if (language == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (day_first); i++)
    if (g_str_equal (language, day_first[i]))
      return TRUE;
  return FALSE;
}

/* A date's parts as printed: year, month and day for a year-first date;
 * for a year-last one, the two numbers before the year, in the order
 * printed, which the evidence sorts out. */
typedef struct
{
  int year, first, second;
  char separator;       /* of a year-last date */
  int hour, minute, second_of_minute;
  char meridiem;        /* 'A', 'P', or 0 for a 24-hour time */
} DateParts;

static int
hour24 (int  hour,
        char meridiem)
{
  if (meridiem == 'P')
    return hour % 12 + 12;
  if (meridiem == 'A')
    return hour % 12;
  return hour;
}

static gboolean
make_iso (int          year,
          int          month,
          int          day,
          int          hour,
          int          minute,
          int          second,
          char       **out_iso)
{
  char iso[] = "YYYY-MM-DDTHH:MM:SS";

  if (year < 1980 || year > 2200 || hour > 23 || minute > 59 || second > 59 ||
      month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  /* g_strdup_printf() was most of the cost of a date */
  iso[0] = '0' + year / 1000;
  iso[1] = '0' + year / 100 % 10;
  iso[2] = '0' + year / 10 % 10;
  iso[3] = '0' + year % 10;
  iso[5] = '0' + month / 10;
  iso[6] = '0' + month % 10;
  iso[8] = '0' + day / 10;
  iso[9] = '0' + day % 10;
  iso[11] = '0' + hour / 10;
  iso[12] = '0' + hour % 10;
  iso[14] = '0' + minute / 10;
  iso[15] = '0' + minute % 10;
  iso[17] = '0' + second / 10;
  iso[18] = '0' + second % 10;
  *out_iso = g_strdup (iso);
  return TRUE;
}

/* The fast path: dates as Windows prints them, in ASCII, in a strict form
 * whose reading by the patterns below is certain.  Whatever it does not
 * take goes to the patterns, so it never changes an answer. */

static const char *
skip_spaces (const char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  return s;
}

/* One or two digits (@max 2) or exactly @max digits (@exact), not followed by another digit. */
static const char *
scan_number (const char *s,
             int         max,
             gboolean    exact,
             int        *out)
{
  int n = 0, value = 0;

  while (n < max && g_ascii_isdigit (s[n]))
    value = value * 10 + (s[n++] - '0');
  if (n == 0 || (exact && n != max) || g_ascii_isdigit (s[n]))
    return NULL;
  *out = value;
  return s + n;
}

static const char *
scan_am_pm (const char *s,
            gboolean    dotted,
            char       *out)
{
  char c = g_ascii_toupper (s[0]);

  if (c != 'A' && c != 'P')
    return s;
  if (g_ascii_toupper (s[1]) == 'M')
    {
      *out = c;
      return s + 2;
    }
  /* "a.m.", "p. m." (Spanish) */
  if (dotted && s[1] == '.')
    {
      const char *m = s[2] == ' ' ? s + 3 : s + 2;

      if (g_ascii_toupper (m[0]) == 'M' && m[1] == '.')
        {
          *out = c;
          return m + 2;
        }
    }
  return s;
}

/* "H:MM[:SS] [AM]" to the end of the text; @parts->meridiem may be set
 * already. */
static gboolean
scan_time (const char *s,
           gboolean    dotted_am_pm,
           DateParts  *parts)
{
  char meridiem = 0;

  if ((s = scan_number (s, 2, FALSE, &parts->hour)) == NULL || *s++ != ':' ||
      (s = scan_number (s, 2, TRUE, &parts->minute)) == NULL)
    return FALSE;
  parts->second_of_minute = 0;
  if (*s == ':' && (s = scan_number (s + 1, 2, TRUE, &parts->second_of_minute)) == NULL)
    return FALSE;
  s = scan_am_pm (skip_spaces (s), dotted_am_pm, &meridiem);
  if (parts->meridiem == 0)
    parts->meridiem = meridiem;
  return *skip_spaces (s) == '\0';
}

static gboolean
is_date_separator (char c)
{
  return c == '-' || c == '/' || c == '.';
}

/* 2026/3/18 12:34:20, 2026-03-18T12:34:20, 2026/3/18 PM 1:00 */
static gboolean
scan_year_first (const char *s,
                 DateParts  *parts)
{
  const char *before;

  s = skip_spaces (s);
  if ((s = scan_number (s, 4, TRUE, &parts->year)) == NULL || !is_date_separator (*(s = skip_spaces (s))) ||
      (s = scan_number (skip_spaces (s + 1), 2, FALSE, &parts->first)) == NULL ||
      !is_date_separator (*(s = skip_spaces (s))) ||
      (s = scan_number (skip_spaces (s + 1), 2, FALSE, &parts->second)) == NULL)
    return FALSE;
  before = s;
  while (*s == ' ' || *s == '\t' || *s == 'T' || *s == 't')
    s++;
  if (s == before)
    return FALSE;
  parts->meridiem = 0;
  s = skip_spaces (scan_am_pm (s, FALSE, &parts->meridiem));
  return scan_time (s, FALSE, parts);
}

/* 3/18/2026 12:34:20 PM, 18.03.2026 12:34:20, 3-4-2026 11:00 p.m. */
static gboolean
scan_year_last (const char *s,
                DateParts  *parts)
{
  s = skip_spaces (s);
  if ((s = scan_number (s, 2, FALSE, &parts->first)) == NULL || !is_date_separator (*s))
    return FALSE;
  parts->separator = *s;
  if ((s = scan_number (s + 1, 2, FALSE, &parts->second)) == NULL || *s != parts->separator ||
      (s = scan_number (s + 1, 4, TRUE, &parts->year)) == NULL || (*s != ' ' && *s != '\t'))
    return FALSE;
  parts->meridiem = 0;
  return scan_time (skip_spaces (s), TRUE, parts);
}

/* The patterns: every other form, in any script. */

static char
meridiem_of (GMatchInfo *info,
             int         number)
{
  int start, end;
  const char *text = g_match_info_get_string (info);

  if (!g_match_info_fetch_pos (info, number, &start, &end) || start < 0 || start == end)
    return 0;
  if (g_ascii_toupper (text[start]) == 'P' || g_str_has_prefix (text + start, "下午"))
    return 'P';
  return 'A';
}

static int
group_int (GMatchInfo *info,
           int         number)
{
  int start, end, value = 0;
  const char *text = g_match_info_get_string (info);

  if (!g_match_info_fetch_pos (info, number, &start, &end))
    return 0;
  for (int i = start; i >= 0 && i < end && g_ascii_isdigit (text[i]); i++)
    value = value * 10 + (text[i] - '0');
  return value;
}

/* Where a pattern has each part: group numbers, 0 for none */
typedef struct
{
  const char *pattern;
  int year, first, second, separator, meridiem, meridiem_after, hour, minute, second_of_minute;
} DatePattern;

static const DatePattern year_first = {
  "^\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
  "[\\sT]*(上午|下午|AM|PM)?\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
  "\\s*(AM|PM|上午|下午)?\\s*$",
  1, 2, 3, 0, 4, 8, 5, 6, 7
};

static const DatePattern year_last = {
  "^\\s*(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})\\s+(上午|下午)?\\s*"
  "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*"
  "(AM|PM|a\\.\\s?m\\.|p\\.\\s?m\\.)?\\s*$",
  4, 1, 3, 2, 5, 9, 6, 7, 8
};

static gboolean
match_date (const DatePattern  *pattern,
            GRegex            **compiled,
            const char         *text,
            DateParts          *parts)
{
  g_autoptr(GMatchInfo) info = NULL;
  int start, end;

  if (g_once_init_enter_pointer (compiled))
    g_once_init_leave_pointer (compiled, kd_regex_new_shared (pattern->pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (*compiled, text, 0, &info))
    return FALSE;

  parts->year = group_int (info, pattern->year);
  parts->first = group_int (info, pattern->first);
  parts->second = group_int (info, pattern->second);
  parts->separator = 0;
  if (pattern->separator != 0 && g_match_info_fetch_pos (info, pattern->separator, &start, &end) && start >= 0)
    parts->separator = text[start];
  parts->meridiem = meridiem_of (info, pattern->meridiem);
  if (parts->meridiem == 0)
    parts->meridiem = meridiem_of (info, pattern->meridiem_after);
  parts->hour = group_int (info, pattern->hour);
  parts->minute = group_int (info, pattern->minute);
  parts->second_of_minute = group_int (info, pattern->second_of_minute);
  return TRUE;
}

/**
 * kd_capture_parse_date:
 * @text: a date as slmgr printed it
 * @lcid: the LCID group of the capture's extended PID, or 0
 * @language: the tag of the capture's labels, or %NULL
 * @out_iso: (out): `YYYY-MM-DDTHH:MM:SS`, local time as printed
 *
 * Returns: %TRUE if @text is a date whose day and month are certain
 */
gboolean
kd_capture_parse_date (const char  *text,
                   guint        lcid,
                   const char  *language,
                   char       **out_iso)
{
  DateParts parts;
  const char *start;
  gsize digits;
  gboolean day_first;
  static GRegex *year_first_regex, *year_last_regex;

  g_return_val_if_fail (out_iso != NULL, FALSE);
  *out_iso = NULL;
  if (text == NULL || strlen (text) > 64)
    return FALSE;

  /* Four digits first are the year; one or two, the day or the month. */
  start = text;
  while (g_ascii_isspace (*start))
    start++;
  digits = strspn (start, "0123456789");
  if ((digits == 0 || digits == 4) &&
      (scan_year_first (text, &parts) || match_date (&year_first, &year_first_regex, text, &parts)))
    return make_iso (parts.year, parts.first, parts.second, hour24 (parts.hour, parts.meridiem), parts.minute,
                     parts.second_of_minute, out_iso);

  if (digits == 4 || !(scan_year_last (text, &parts) || match_date (&year_last, &year_last_regex, text, &parts)))
    return FALSE;

  if (parts.first > 12 && parts.second <= 12)
    day_first = TRUE;
  else if (parts.second > 12 && parts.first <= 12)
    day_first = FALSE;
  else if (parts.first == parts.second)
    day_first = TRUE;  /* the same either way */
  else if (parts.separator == '.')
    day_first = TRUE;
  else if (lcid != 0 && month_first_lcid (lcid))
    day_first = FALSE;
  else if (lcid != 0 && lcid != 1033)
    day_first = TRUE;
  else if (day_first_language (language))
    day_first = TRUE;
  else
    return FALSE;  /* ambiguous: 3/4/2026 with no evidence */

  return make_iso (parts.year, day_first ? parts.second : parts.first, day_first ? parts.first : parts.second,
                   hour24 (parts.hour, parts.meridiem), parts.minute, parts.second_of_minute, out_iso);
}
