/* kd-dlv-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kd-dlv-date.h"

/* slmgr prints dates with VBScript in the user's regional format
 * (slmgr-and-events.md §1.1): 3/18/2026 12:34:20 PM, 20/03/2026 12:44:15,
 * 2026/3/18 12:34:20, 18.03.2026 12:34:20.  Day and month are told apart
 * by evidence only: a number above 12, a dotted date (day first wherever
 * dots are used), the install language in the extended PID, the language
 * of the labels.  Without evidence the date is left unresolved. */

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

static int
hour24 (int         hour,
        const char *meridiem)
{
  if (meridiem == NULL)
    return hour;
  if (g_ascii_toupper (meridiem[0]) == 'P' || g_str_has_prefix (meridiem, "下午"))
    return hour % 12 + 12;
  return hour % 12;
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
  if (year < 1980 || year > 2200 || hour > 23 || minute > 59 || second > 59 ||
      month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  *out_iso = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
  return TRUE;
}

/* Where a group of the match starts in the text, or NULL when it matched
 * nothing: no copies of the groups, this runs once per product. */
static const char *
group (GMatchInfo *info,
       int         number,
       const char *text)
{
  int start, end;

  if (!g_match_info_fetch_pos (info, number, &start, &end) || start < 0 || start == end)
    return NULL;
  return text + start;
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

/**
 * kd_dlv_parse_date:
 * @text: a date as slmgr printed it
 * @lcid: the LCID group of the capture's extended PID, or 0
 * @language: the tag of the capture's labels, or %NULL
 * @out_iso: (out): `YYYY-MM-DDTHH:MM:SS`, local time as printed
 *
 * Returns: %TRUE if @text is a date whose day and month are certain
 */
gboolean
kd_dlv_parse_date (const char  *text,
                   guint        lcid,
                   const char  *language,
                   char       **out_iso)
{
  static GRegex *year_first, *year_last;
  g_autoptr(GMatchInfo) info = NULL;
  const char *start;
  gsize digits;

  g_return_val_if_fail (out_iso != NULL, FALSE);
  *out_iso = NULL;
  if (text == NULL || strlen (text) > 64)
    return FALSE;

  if (g_once_init_enter_pointer (&year_first))
    g_once_init_leave_pointer (&year_first,
                               g_regex_new ("^\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
                                            "[\\sT]*(上午|下午|AM|PM)?\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
                                            "\\s*(AM|PM|上午|下午)?\\s*$",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter_pointer (&year_last))
    g_once_init_leave_pointer (&year_last,
                               g_regex_new ("^\\s*(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})\\s+(上午|下午)?\\s*"
                                            "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*"
                                            "(AM|PM|a\\.\\s?m\\.|p\\.\\s?m\\.)?\\s*$",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  /* Four digits first are the year; one or two, the day or the month. */
  start = text;
  while (g_ascii_isspace (*start))
    start++;
  digits = strspn (start, "0123456789");
  if ((digits == 0 || digits == 4) && g_regex_match (year_first, text, 0, &info))
    {
      const char *meridiem;

      meridiem = group (info, 4, text);
      if (meridiem == NULL)
        meridiem = group (info, 8, text);
      return make_iso (group_int (info, 1), group_int (info, 2), group_int (info, 3),
                       hour24 (group_int (info, 5), meridiem), group_int (info, 6),
                       group_int (info, 7), out_iso);
    }

  g_clear_pointer (&info, g_match_info_unref);

  if (digits != 4 && g_regex_match (year_last, text, 0, &info))
    {
      const char *meridiem = group (info, 5, text);
      const char *separator = group (info, 2, text);
      int first = group_int (info, 1), second_num = group_int (info, 3);
      gboolean day_first;

      if (meridiem == NULL)
        meridiem = group (info, 9, text);

      if (first > 12 && second_num <= 12)
        day_first = TRUE;
      else if (second_num > 12 && first <= 12)
        day_first = FALSE;
      else if (first == second_num)
        day_first = TRUE;  /* the same either way */
      else if (separator != NULL && *separator == '.')
        day_first = TRUE;
      else if (lcid != 0 && month_first_lcid (lcid))
        day_first = FALSE;
      else if (lcid != 0 && lcid != 1033)
        day_first = TRUE;
      else if (day_first_language (language))
        day_first = TRUE;
      else
        return FALSE;  /* ambiguous: 3/4/2026 with no evidence */

      return make_iso (group_int (info, 4), day_first ? second_num : first, day_first ? first : second_num,
                       hour24 (group_int (info, 6), meridiem), group_int (info, 7),
                       group_int (info, 8), out_iso);
    }

  return FALSE;
}
