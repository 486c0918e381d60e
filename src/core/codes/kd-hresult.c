/* kd-hresult.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "kd-hresult.h"
#include "kd-json.h"
#include "kd-regex.h"

/* Nothing a person pastes as "a code" is longer than this; a 10 MB paste is
 * rejected before any regular expression sees it. */
#define MAX_CODE_TEXT 256

G_DEFINE_QUARK (kd-hresult-error-quark, kd_hresult_error)

/* From winerror.h.  Where two names share a number both are shown, because
 * the number alone cannot tell which one produced the code. */
static const struct {
  guint facility;
  const char *name;
} facilities[] = {
  { 0, "FACILITY_NULL" },
  { 1, "FACILITY_RPC" },
  { 2, "FACILITY_DISPATCH" },
  { 3, "FACILITY_STORAGE" },
  { 4, "FACILITY_ITF" },
  { 7, "FACILITY_WIN32" },
  { 8, "FACILITY_WINDOWS" },
  { 9, "FACILITY_SECURITY" },
  { 10, "FACILITY_CONTROL" },
  { 11, "FACILITY_CERT" },
  { 12, "FACILITY_INTERNET" },
  { 13, "FACILITY_MEDIASERVER" },
  { 14, "FACILITY_MSMQ" },
  { 15, "FACILITY_SETUPAPI" },
  { 16, "FACILITY_SCARD" },
  { 17, "FACILITY_COMPLUS" },
  { 18, "FACILITY_AAF" },
  { 19, "FACILITY_URT" },
  { 20, "FACILITY_ACS" },
  { 21, "FACILITY_DPLAY" },
  { 22, "FACILITY_UMI" },
  { 23, "FACILITY_SXS" },
  { 24, "FACILITY_WINDOWS_CE" },
  { 25, "FACILITY_HTTP" },
  { 26, "FACILITY_USERMODE_COMMONLOG" },
  { 27, "FACILITY_WER" },
  { 31, "FACILITY_USERMODE_FILTER_MANAGER" },
  { 32, "FACILITY_BACKGROUNDCOPY" },
  { 33, "FACILITY_CONFIGURATION / FACILITY_WIA" },
  { 34, "FACILITY_STATE_MANAGEMENT" },
  { 35, "FACILITY_METADIRECTORY" },
  { 36, "FACILITY_WINDOWSUPDATE" },
  { 37, "FACILITY_DIRECTORYSERVICE" },
  { 38, "FACILITY_GRAPHICS" },
  { 39, "FACILITY_SHELL / FACILITY_NAP" },
  { 40, "FACILITY_TPM_SERVICES" },
  { 41, "FACILITY_TPM_SOFTWARE" },
  { 42, "FACILITY_UI" },
  { 43, "FACILITY_XAML" },
  { 44, "FACILITY_ACTION_QUEUE" },
  { 48, "FACILITY_PLA / FACILITY_WINDOWS_SETUP" },
  { 49, "FACILITY_FVE" },
  { 50, "FACILITY_FWP" },
  { 51, "FACILITY_WINRM" },
  { 52, "FACILITY_NDIS" },
  { 53, "FACILITY_USERMODE_HYPERVISOR" },
  { 54, "FACILITY_CMI" },
  { 55, "FACILITY_USERMODE_VIRTUALIZATION" },
  { 56, "FACILITY_USERMODE_VOLMGR" },
  { 57, "FACILITY_BCD" },
  { 58, "FACILITY_USERMODE_VHD" },
  { 59, "FACILITY_USERMODE_HNS" },
  { 60, "FACILITY_SDIAG" },
  { 61, "FACILITY_WEBSERVICES / FACILITY_WINPE" },
  { 62, "FACILITY_WPN" },
  { 63, "FACILITY_WINDOWS_STORE" },
  { 64, "FACILITY_INPUT" },
  { 65, "FACILITY_QUIC" },
  { 66, "FACILITY_EAP" },
  { 80, "FACILITY_WINDOWS_DEFENDER" },
  { 81, "FACILITY_OPC" },
  { 82, "FACILITY_XPS" },
  { 83, "FACILITY_RAS" },
  { 84, "FACILITY_MBN / FACILITY_POWERSHELL" },
  { 85, "FACILITY_EAS" },
  { 98, "FACILITY_P2P_INT" },
  { 99, "FACILITY_P2P" },
  { 100, "FACILITY_DAF" },
  { 101, "FACILITY_BLUETOOTH_ATT" },
  { 102, "FACILITY_AUDIO" },
  { 109, "FACILITY_VISUALCPP" },
  { 112, "FACILITY_SCRIPT" },
  { 113, "FACILITY_PARSE" },
  { 120, "FACILITY_BLB" },
  { 121, "FACILITY_BLB_CLI" },
  { 122, "FACILITY_WSBAPP" },
  { 128, "FACILITY_BLBUI" },
  { 129, "FACILITY_USN" },
  { 130, "FACILITY_USERMODE_VOLSNAP" },
  { 131, "FACILITY_TIERING" },
  { 133, "FACILITY_WSB_ONLINE" },
  { 134, "FACILITY_ONLINE_ID" },
  { 153, "FACILITY_DLS" },
  { 160, "FACILITY_SOS" },
  { 176, "FACILITY_DEBUGGERS" },
  { 231, "FACILITY_USERMODE_SPACES" },
  { 256, "FACILITY_SPP / FACILITY_RESTORE / FACILITY_DMSERVER" },
};

typedef struct
{
  GHashTable *by_code;   /* guint -> Win32Entry */
  JsonNode *root;        /* owns the strings */
} Win32Table;

typedef struct
{
  const char *symbol;
  const char *message;
} Win32Entry;

static Win32Table *
win32_table_get (void)
{
  static Win32Table *table;

  if (g_once_init_enter_pointer (&table))
    {
      Win32Table *t = g_new0 (Win32Table, 1);
      g_autoptr(GError) error = NULL;

      t->by_code = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      t->root = kd_json_load_resource ("win32-errors.json", &error);
      if (t->root != NULL)
        {
          JsonArray *array;

          array = json_node_get_array (t->root);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonObject *obj = json_array_get_object_element (array, i);
              Win32Entry *entry = g_new0 (Win32Entry, 1);

              entry->symbol = json_object_get_string_member (obj, "symbol");
              entry->message = json_object_get_string_member (obj, "message");
              g_hash_table_insert (t->by_code,
                                   GUINT_TO_POINTER ((guint) json_object_get_int_member (obj, "code")),
                                   entry);
            }
        }
      else
        {
          /* The table is compiled in: failing here is a packaging bug. */
          g_critical ("Cannot load the Win32 error table: %s", error->message);
        }

      g_once_init_leave_pointer (&table, t);
    }

  return table;
}

static gboolean
parse_hex (const char *digits,
           gsize       n_digits,
           guint64    *out)
{
  guint64 v = 0;

  if (n_digits == 0 || n_digits > 16)
    return FALSE;

  for (gsize i = 0; i < n_digits; i++)
    {
      int d = g_ascii_xdigit_value (digits[i]);
      if (d < 0)
        return FALSE;
      v = (v << 4) | (guint64) d;
    }

  *out = v;
  return TRUE;
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* Drops the labels people copy along with a code: "Error: ", "hr=",
 * "Error code:", "HRESULT", and the Italian ones from Windows in Italian. */
static const char *
skip_label (const char *s)
{
  static GRegex *label;

  if (g_once_init_enter_pointer (&label))
    g_once_init_leave_pointer (&label,
                               kd_regex_new_shared ("^(?:error\\s+code|error|errore|codice(?:\\s+(?:di\\s+)?errore)?|"
                                            "hresult|hr|code|status|result)\\s*[:=]?\\s*",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  {
    g_autoptr(GMatchInfo) info = NULL;

    if (g_regex_match (label, s, 0, &info))
      {
        int end;
        g_match_info_fetch_pos (info, 0, NULL, &end);
        return s + end;
      }
  }

  return s;
}

/**
 * kd_hresult_parse:
 * @text: what the user typed or pasted
 * @out_value: (out): the 32-bit code
 * @error: a #GError
 *
 * Reads one error code in any of the spellings that Windows tools, logs and
 * people use: `0xC004F074`, `C004F074`, `c004f074`, `0XC004F074`,
 * `-1073418124` (signed), `3221549172` (unsigned), `80070005`,
 * `Error: 0xC004F074`, `hr=0xC004F074`, `0x80070005L`, and the sign-extended
 * 64-bit form `0xFFFFFFFFC004F038`.
 *
 * Eight digits without a prefix are read as hexadecimal, because that is how
 * codes are written; a decimal code of that length would be a success code
 * nobody pastes.  Anything else is an error rather than a guess.
 *
 * Returns: %TRUE if @text is a code
 */
gboolean
kd_hresult_parse (const char  *text,
                  guint32     *out_value,
                  GError     **error)
{
  g_autofree char *copy = NULL;
  const char *s;
  char *end;
  gsize len;
  guint64 v;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  if (strlen (text) > MAX_CODE_TEXT)
    {
      g_set_error (error, KD_HRESULT_ERROR, KD_HRESULT_ERROR_INVALID,
                   _("The text is too long to be an error code"));
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KD_HRESULT_ERROR, KD_HRESULT_ERROR_INVALID,
                   _("The text is not valid UTF-8"));
      return FALSE;
    }

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    {
      g_set_error (error, KD_HRESULT_ERROR, KD_HRESULT_ERROR_EMPTY,
                   _("No error code was given"));
      return FALSE;
    }

  s = skip_label (copy);
  len = strlen (s);

  /* Trailing punctuation from a sentence: "…failed with 0xC004F074." */
  while (len > 0 && strchr (".,;:)]\"'", s[len - 1]) != NULL)
    len--;
  while (len > 0 && strchr ("([\"'", s[0]) != NULL)
    s++, len--;

  if (len == 0)
    goto invalid;

  if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
    {
      gsize n = len - 2;

      /* The C literal suffix of winerror.h: 0x80070005L */
      if (n > 0 && (s[len - 1] == 'L' || s[len - 1] == 'l'))
        n--;
      if (!parse_hex (s + 2, n, &v))
        goto invalid;
      if (v > G_MAXUINT32)
        {
          /* Sign-extended 64-bit form of a failure code. */
          if ((v >> 32) == 0xFFFFFFFFu && (v & 0x80000000u) != 0)
            v &= 0xFFFFFFFFu;
          else
            goto out_of_range;
        }
      *out_value = (guint32) v;
      return TRUE;
    }

  if (len == 8 && parse_hex (s, 8, &v))
    {
      *out_value = (guint32) v;
      return TRUE;
    }

  if (s[0] == '-' || s[0] == '+' || all_digits (s, len))
    {
      g_autofree char *num = g_strndup (s, len);
      gboolean negative = num[0] == '-';
      const char *digits = (num[0] == '-' || num[0] == '+') ? num + 1 : num;

      if (!all_digits (digits, strlen (digits)))
        goto invalid;

      errno = 0;
      if (negative)
        {
          gint64 sv = g_ascii_strtoll (num, &end, 10);
          if (errno == ERANGE || *end != '\0' || sv < G_MININT32)
            goto out_of_range;
          *out_value = (guint32) (gint32) sv;
        }
      else
        {
          guint64 uv = g_ascii_strtoull (digits, &end, 10);
          if (errno == ERANGE || *end != '\0' || uv > G_MAXUINT32)
            goto out_of_range;
          *out_value = (guint32) uv;
        }
      return TRUE;
    }

invalid:
  g_set_error (error, KD_HRESULT_ERROR, KD_HRESULT_ERROR_INVALID,
               _("“%s” is not an error code"), copy);
  return FALSE;

out_of_range:
  g_set_error (error, KD_HRESULT_ERROR, KD_HRESULT_ERROR_OUT_OF_RANGE,
               _("“%s” does not fit in 32 bits, so it is not an error code"), copy);
  return FALSE;
}

/**
 * kd_hresult_find_in_text:
 * @text: any text, for example a pasted slmgr message box
 * @length: the length of @text, or -1
 * @out_value: (out): the first code found
 *
 * Finds the first error code written as `0x` and eight hexadecimal digits,
 * or the whole of @text when it is a code on its own.  Used to route a paste
 * such as "Error: 0xC004F074 The Software Licensing Service…" to the code.
 *
 * Returns: %TRUE if a code was found
 */
gboolean
kd_hresult_find_in_text (const char *text,
                         gssize      length,
                         guint32    *out_value)
{
  static GRegex *hex;
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *head = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  if (length < 0)
    length = strlen (text);

  if (length <= MAX_CODE_TEXT)
    {
      g_autofree char *whole = g_strndup (text, length);
      if (kd_hresult_parse (whole, out_value, NULL))
        return TRUE;
    }

  if (g_once_init_enter_pointer (&hex))
    g_once_init_leave_pointer (&hex,
                               kd_regex_new_shared ("\\b0[xX]([0-9A-Fa-f]{8})\\b", G_REGEX_OPTIMIZE, 0, NULL));

  /* A code worth opening sits near the top of whatever was copied. */
  head = g_utf8_make_valid (text, MIN (length, 4096));
  if (g_regex_match (hex, head, 0, &info))
    {
      g_autofree char *digits = g_match_info_fetch (info, 1);
      guint64 v;

      if (parse_hex (digits, 8, &v))
        {
          *out_value = (guint32) v;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * kd_hresult_format:
 * @value: a code
 *
 * Returns: (transfer full): the canonical spelling, `0x` and eight upper-case digits
 */
char *
kd_hresult_format (guint32 value)
{
  return g_strdup_printf ("0x%08X", value);
}

gint32
kd_hresult_to_signed (guint32 value)
{
  return (gint32) value;
}

KdSeverity
kd_hresult_get_severity (guint32 value)
{
  return (KdSeverity) (value >> 30);
}

const char *
kd_hresult_severity_get_id (KdSeverity severity)
{
  static const char *ids[] = { "success", "informational", "warning", "error" };
  return ids[severity & 3];
}

const char *
kd_hresult_severity_get_label (KdSeverity severity)
{
  switch (severity)
    {
    case KD_SEVERITY_SUCCESS:
      return C_("severity", "Success");
    case KD_SEVERITY_INFORMATIONAL:
      return C_("severity", "Informational");
    case KD_SEVERITY_WARNING:
      return C_("severity", "Warning");
    case KD_SEVERITY_ERROR:
    default:
      return C_("severity", "Error");
    }
}

/* Bit 31 is the failure flag in both layouts
 * (docs/facts/error-codes.md §1). */
gboolean
kd_hresult_is_failure (guint32 value)
{
  return (value & 0x80000000u) != 0;
}

gboolean
kd_hresult_is_customer (guint32 value)
{
  return (value & 0x20000000u) != 0;
}

gboolean
kd_hresult_is_ntstatus (guint32 value)
{
  return (value & 0x10000000u) != 0;
}

guint
kd_hresult_get_facility (guint32 value)
{
  return (value >> 16) & 0x7FF;
}

guint
kd_hresult_get_code (guint32 value)
{
  return value & 0xFFFF;
}

/**
 * kd_hresult_facility_get_name:
 * @facility: a facility number
 *
 * Returns: (nullable): the winerror.h name, or %NULL if the number is not defined
 */
const char *
kd_hresult_facility_get_name (guint facility)
{
  for (guint i = 0; i < G_N_ELEMENTS (facilities); i++)
    if (facilities[i].facility == facility)
      return facilities[i].name;
  return NULL;
}

/**
 * kd_hresult_get_zone:
 * @value: a code
 *
 * The Software Licensing codes (facility 4) group their 16-bit code by its
 * high nibble; each zone says which component reported the error.
 *
 * Returns: (nullable): the translated zone, or %NULL for other codes
 */
const char *
kd_hresult_get_zone (guint32 value)
{
  if (kd_hresult_get_facility (value) == KD_FACILITY_WINDOWS_STORE &&
      (kd_hresult_get_code (value) & 0xF000) == 0xA000)
    return _("Microsoft licensing back end (digital license)");

  if (kd_hresult_get_facility (value) != KD_FACILITY_ITF)
    return NULL;

  switch (kd_hresult_get_code (value) >> 12)
    {
    case 0xA:
      return _("Microsoft licensing back end (digital license)");
    case 0xB:
      return _("Microsoft activation server");
    case 0xC:
      return _("Activation clearing house and genuine validation");
    case 0xD:
      return _("Security processor of the local licensing service");
    case 0xE:
      return _("Software Protection service internals");
    case 0xF:
      return _("Software Licensing client API (includes the KMS client)");
    default:
      return NULL;
    }
}

/**
 * kd_hresult_get_win32:
 * @value: a code
 * @out_win32: (out): the Win32 error number
 *
 * A Win32 error reaches activation tools either wrapped by
 * `HRESULT_FROM_WIN32` (`0x8007xxxx`) or bare, as slmgr prints `5` for
 * access denied.
 *
 * Returns: %TRUE if @value carries a Win32 error number
 */
gboolean
kd_hresult_get_win32 (guint32  value,
                      guint   *out_win32)
{
  if ((value & 0xFFFF0000u) == 0x80070000u || value < 0x10000u)
    {
      if (out_win32 != NULL)
        *out_win32 = value & 0xFFFF;
      return TRUE;
    }
  return FALSE;
}

/**
 * kd_win32_error_lookup:
 * @win32: a Win32 error number
 * @out_symbol: (out) (optional): the winerror.h symbol
 * @out_message: (out) (optional): the English system message
 *
 * Returns: %TRUE if the table knows @win32
 */
gboolean
kd_win32_error_lookup (guint        win32,
                       const char **out_symbol,
                       const char **out_message)
{
  Win32Table *table = win32_table_get ();
  Win32Entry *entry = g_hash_table_lookup (table->by_code, GUINT_TO_POINTER (win32));

  if (entry == NULL)
    return FALSE;
  if (out_symbol != NULL)
    *out_symbol = entry->symbol;
  if (out_message != NULL)
    *out_message = entry->message;
  return TRUE;
}
