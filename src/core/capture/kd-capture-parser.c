/* kd-capture-parser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kd-capture-parser-private.h"
#include "kd-capture-parser.h"
#include "kd-capture-product-private.h"
#include "kd-field-info.h"
#include "kd-hash.h"
#include "kd-hresult.h"
#include "kd-labels.h"
#include "kd-regex.h"
#include "kd-text-decode.h"

/* Reads what slmgr.vbs and ospp.vbs print, however it reached us (see
 * docs/facts/slmgr-output.md): any encoding and line ending, message-box
 * frames, cscript banners, prompts, blank lines, indentation, consoles
 * that wrapped long values, several products and several commands in one
 * paste.  Labels come from data/slmgr-labels.json; a line whose label no
 * table knows is still read by the shape of its value (GUIDs, extended
 * PIDs, partial keys, host:port, codes, minutes and days), and a line that
 * says nothing we understand is kept, in order, in unknown_lines. */

/* No slmgr line is this long: longer ones are kept but not analysed. */
#define MAX_LINE_TO_ANALYSE 4096

/* A console wraps at 80 columns or more, and only a long value can have
 * been wrapped: shorter lines need no character count. */
#define MIN_WRAPPED_LENGTH 40

/* A line the next one may continue.  Its width in characters is counted
 * only when a continuation needs it. */
typedef struct
{
  const char *text;     /* NULL once the width is counted */
  gsize bytes;
  glong chars;
} Width;

/* The parser's copy of a line, which it may change.  Two of them, used in
 * turn: the previous line stays intact for the lazy width count of a
 * wrapped value (Width). */
typedef struct
{
  char *text;
  gsize size;
} LineBuffer;

typedef struct
{
  KdLabels *labels;
  KdCapture *doc;
  GPtrArray *products;            /* KdCaptureProduct, given to doc at the end */
  KdCaptureProduct *product;          /* current block, in products */
  guint votes[KD_LABELS_MAX_LANGUAGES];  /* by language number */
  GPtrArray *command_kinds;       /* kinds named by prompt lines */

  /* continuation of a wrapped value */
  const char *last_key;           /* NULL when the previous line cannot continue */
  gboolean last_in_document;
  Width last_width;               /* of the previous line, before trimming the end */
  glong wrap_width;

  char *pending_name;             /* "<Name>:" before an /xpr line */
  char *held;                     /* an unknown line cut at the console width */
  GHashTable *approximate;        /* label as printed -> key of the field it was read as, or NULL */
  GHashTable *near_labels;        /* unknown label -> the field it is near, or NULL: handle_approximate() */
  gboolean in_error_text;         /* lines after "Error: 0x…" */
  gboolean in_kms_block;          /* indented KMS client/host lines */
  guint interval_by_shape;
  guint lcid;
  guint n_by_shape;
  gboolean saw_xpr, saw_ato, saw_ospp_fields, saw_ospp_act;
  gboolean saw_ato_result;        /* a block was flagged with an activation result */

  LineBuffer buffers[2];          /* see line_copy() */
  guint n_lines;

  /* what the second half of a capture read in two decided without the
   * first half (halves_agree()) */
  gboolean version_by_shape;      /* a service version recognised by its shape */
} Parser;

static Width
width_of (const char *text,
          gsize       bytes)
{
  Width width = { text, bytes, -1 };

  if (bytes < MIN_WRAPPED_LENGTH)
    {
      width.text = NULL;
      width.chars = (glong) bytes;
    }
  return width;
}

static glong
width_chars (Width *width)
{
  if (width->text != NULL)
    {
      width->chars = kd_text_count_chars (width->text, width->bytes);
      width->text = NULL;
    }
  return width->chars;
}

static KdCaptureProduct *
new_product (Parser *p)
{
  KdCaptureProduct *previous = p->products->len > 0 ? g_ptr_array_index (p->products, p->products->len - 1) : NULL;
  KdCaptureProduct *product = kd_capture_product_new (previous);

  g_ptr_array_add (p->products, product);
  p->product = product;
  p->in_kms_block = FALSE;
  p->interval_by_shape = 0;
  return product;
}

static KdCaptureProduct *
ensure_product (Parser *p)
{
  return p->product != NULL ? p->product : new_product (p);
}

static void
vote (Parser  *p,
      guint64  languages)
{
  for (; languages != 0; languages &= languages - 1)
    p->votes[__builtin_ctzll (languages)]++;
}

static void
set_continuation (Parser     *p,
                  const char *key,
                  gboolean    in_document,
                  Width       width)
{
  p->last_key = key;
  p->last_in_document = in_document;
  p->last_width = width;
}

static void
no_continuation (Parser *p)
{
  set_continuation (p, NULL, FALSE, width_of (NULL, 0));
}

static gboolean
is_blank_at (const char *s)
{
  /* U+3000 IDEOGRAPHIC SPACE is E3 80 80 in UTF-8; U+FEFF, EF BB BF, is
   * the byte order mark of a file that was appended to another one. */
  return *s == ' ' || *s == '\t' || ((guchar) s[0] == 0xE3 && (guchar) s[1] == 0x80 && (guchar) s[2] == 0x80) ||
         ((guchar) s[0] == 0xEF && (guchar) s[1] == 0xBB && (guchar) s[2] == 0xBF);
}

static const char *
skip_blanks (const char *s)
{
  while (is_blank_at (s))
    s += *s == ' ' || *s == '\t' ? 1 : 3;
  return s;
}

/* Finds "Label: value" in the line from @line to @end, which ends in a
 * NUL: the label is the first @out_length bytes of @line, the colon ASCII
 * or full-width. */
static gboolean
find_label (const char  *line,
            const char  *end,
            gsize       *out_length,
            const char **out_value)
{
  const char *colon = line;

  /* U+FF1A FULLWIDTH COLON is EF BC 9A in UTF-8 */
  while ((colon = kd_text_find_either (colon, end, ':', '\xEF')) < end && *colon != ':' &&
         !((guchar) colon[1] == 0xBC && (guchar) colon[2] == 0x9A))
    colon++;
  if (colon == end || colon == line)
    return FALSE;

  *out_length = colon - line;
  *out_value = skip_blanks (colon + (*colon == ':' ? 1 : 3));
  return TRUE;
}

/* find_label() with the blanks around the label trimmed: FALSE when there
 * is none left. */
static gboolean
find_trimmed_label (const char  *line,
                    const char **out_label,
                    gsize       *out_length,
                    const char **out_value)
{
  const char *label = skip_blanks (line);
  gsize length;

  if (!find_label (label, label + strlen (label), &length, out_value))
    return FALSE;
  while (length > 0 && g_ascii_isspace (label[length - 1]))
    length--;
  *out_label = label;
  *out_length = length;
  return length > 0;
}

static const char *
kind_from_command (const char *command)
{
  g_autofree char *lower = g_ascii_strdown (command, -1);

  if (strstr (lower, "ospp") != NULL)
    {
      if (strstr (lower, "dstatus") != NULL)
        return "ospp-dstatus";
      if (strstr (lower, "act") != NULL)
        return "ospp-act";
      return NULL;
    }
  if (strstr (lower, "slmgr") == NULL)
    return NULL;
  if (strstr (lower, "dlv") != NULL)
    return "slmgr-dlv";
  if (strstr (lower, "dli") != NULL)
    return "slmgr-dli";
  if (strstr (lower, "xpr") != NULL)
    return "slmgr-xpr";
  if (strstr (lower, "ato") != NULL)
    return "slmgr-ato";
  return NULL;
}

/* The command after a prompt in a plain ASCII line ("C:\Windows\system32>
 * slmgr /dlv", "PS C:\> …", "[root@host ~]# …"), read as the pattern in
 * prompt_command() reads it; NULL if there is no prompt. */
static const char *
scan_prompt (const char *line)
{
  const char *s = line;

  if (s[0] == 'P' && s[1] == 'S' && (s[2] == ' ' || s[2] == '\t'))
    for (s += 2; *s == ' ' || *s == '\t'; s++)
      ;
  if (g_ascii_isalpha (s[0]) && s[1] == ':' && s[2] == '\\')
    {
      if ((s = strchr (s + 3, '>')) == NULL)
        return NULL;
      s++;
    }
  else if (s == line && s[0] == '[')
    {
      const char *close = strchr (s + 1, ']');

      if (close == NULL || close == s + 1 || close[1] == '\0' || strchr ("$#>", close[1]) == NULL)
        return NULL;
      s = close + 2;
    }
  else
    return NULL;
  while (*s == ' ' || *s == '\t')
    s++;
  return s;
}

/* A prompt starts "C:\", "PS C:\" or "[": most lines need no more. */
static inline gboolean
may_be_prompt (const char *line)
{
  return line[0] == '[' || (g_ascii_isalpha (line[0]) && line[1] == ':' && line[2] == '\\') ||
         (line[0] == 'P' && line[1] == 'S');
}

/* The command after a prompt, or NULL if @line has none. */
static char *
prompt_command (const char *line)
{
  static GRegex *prompt;
  g_autoptr(GMatchInfo) info = NULL;

  if (kd_text_is_plain (line, -1))
    {
      const char *command = scan_prompt (line);
      return command != NULL ? g_strdup (command) : NULL;
    }

  if (g_once_init_enter_pointer (&prompt))
    g_once_init_leave_pointer (&prompt,
                               kd_regex_new_shared ("^(?:(?:PS\\s+)?[A-Za-z]:\\\\[^>]*>|\\[[^\\]]+\\][$#>])\\s*(.*)$",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (prompt, line, 0, &info))
    return NULL;
  return g_match_info_fetch (info, 1);
}

static gboolean
handle_prompt (Parser     *p,
               const char *line)
{
  const char *kind;

  /* g_autofree would free even the NULL of a line without a prompt */
  if (!may_be_prompt (line))
    return FALSE;

  {
    g_autofree char *command = prompt_command (line);

    if (command == NULL)
      return FALSE;
    if ((kind = kind_from_command (command)) != NULL)
      g_ptr_array_add (p->command_kinds, (gpointer) kind);
  }
  /* A new command: what follows belongs to it, and nothing read before
   * the prompt carries over (the parse of a big capture in two halves
   * relies on it, see parse_in_halves()). */
  p->product = NULL;
  p->in_error_text = FALSE;
  p->in_kms_block = FALSE;
  p->interval_by_shape = 0;
  g_clear_pointer (&p->pending_name, g_free);
  return TRUE;
}

static gboolean
starts_product (Parser     *p,
                const char *key)
{
  if (p->product == NULL)
    return TRUE;
  if (key == KD_KEY ("name") || key == KD_KEY ("ospp_product_id") || key == KD_KEY ("ospp_sku_id"))
    {
      const char *block_fields[] = {
        KD_KEY ("description"), KD_KEY ("ospp_license_name"), KD_KEY ("ospp_license_description"),
        KD_KEY ("partial_product_key"), KD_KEY ("ospp_last5"), KD_KEY ("license_status"),
      };

      /* ospp prints SKU ID after PRODUCT ID in one block */
      if (key == KD_KEY ("ospp_sku_id") && !kd_capture_product_has (p->product, key) &&
          kd_capture_product_has (p->product, KD_KEY ("ospp_product_id")))
        return FALSE;
      if (kd_capture_product_has (p->product, key))
        return TRUE;
      if (key == KD_KEY ("name"))
        for (guint b = 0; b < G_N_ELEMENTS (block_fields); b++)
          if (kd_capture_product_has (p->product, block_fields[b]))
            return TRUE;
      return FALSE;
    }
  /* A second copy of a field a block has once: the next block started
   * without its name (a /dli pasted in part, or /dlv all blocks). */
  if ((key == KD_KEY ("description") || key == KD_KEY ("activation_id") || key == KD_KEY ("license_status")) &&
      kd_capture_product_has (p->product, key))
    return TRUE;
  return FALSE;
}

static void
handle_field (Parser             *p,
              const KdLabelField *field,
              const char         *value,
              gsize               value_length,
              Width               width)
{
  vote (p, field->languages);
  p->in_error_text = FALSE;

  if (field->document)
    {
      if (field->key == KD_KEY ("service_version"))
        {
          kd_capture_set_service_version (p->doc, value);
          /* /dlv prints the version once, before its products */
          p->product = NULL;
        }
      set_continuation (p, field->key, TRUE, width);
      return;
    }

  if (field->key[0] == 'o' && strncmp (field->key, "ospp_", 5) == 0)
    p->saw_ospp_fields = TRUE;

  if (starts_product (p, field->key))
    new_product (p);
  /* A name that /xpr printed alone before its status, or a pending one. */
  if (p->pending_name != NULL)
    {
      if (!kd_capture_product_has (p->product, KD_KEY ("name")) && field->key != KD_KEY ("name"))
        kd_capture_product_put (p->product, KD_KEY ("name"), p->pending_name, -1);
      g_clear_pointer (&p->pending_name, g_free);
    }

  /* German prints one label for both rearm counts: the second is the SKU's. */
  if (field->key == KD_KEY ("remaining_windows_rearm_count") &&
      kd_capture_product_has (p->product, KD_KEY ("remaining_windows_rearm_count")) &&
      !kd_capture_product_has (p->product, KD_KEY ("remaining_sku_rearm_count")))
    {
      kd_capture_product_put (p->product, KD_KEY ("remaining_sku_rearm_count"), value, value_length);
      set_continuation (p, KD_KEY ("remaining_sku_rearm_count"), FALSE, width);
      return;
    }

  kd_capture_product_put (p->product, field->key, value, value_length);
  set_continuation (p, field->key, FALSE, width);
}

static void
put_span (KdCaptureProduct      *product,
          const char        *key,
          const KdLabelSpan *span)
{
  if (span->start != NULL)
    kd_capture_product_put (product, key, span->start, span->length);
}

/* The words of "Error: <words>" ("错误：<words>"): what follows the first
 * colon, ASCII or full-width, near the start of the line. */
static const char *
text_after_prefix (const char *line,
                   gsize       length)
{
  static const char fullwidth_colon[] = "\xef\xbc\x9a";
  const char *end = line + MIN (length, 32);

  for (const char *c = line; c < end; c++)
    {
      if (*c == ':')
        return skip_blanks (c + 1);
      if (end - c >= 3 && memcmp (c, fullwidth_colon, 3) == 0)
        return skip_blanks (c + 3);
    }
  return line;
}

static void
handle_line (Parser                *p,
             const KdLabelLine     *match,
             const KdLabelCaptures *captures,
             const char            *line,
             gsize                  length)
{
  const char *key = match->key;

  no_continuation (p);

  /* The frame around the text says nothing about the labels' language:
   * the title of an Italian message box is still "Windows Script Host",
   * and cmd.exe's own banner is often pasted above the script's. */
  if (key == KD_KEY ("wsh_title") || key == KD_KEY ("ok_button") || key == KD_KEY ("wsh_copyright") ||
      key == KD_KEY ("cmd_banner") ||
      g_str_has_prefix (key, "ospp_separator") || key == KD_KEY ("ospp_exiting"))
    return;
  if (key != KD_KEY ("wsh_banner"))
    vote (p, G_GUINT64_CONSTANT (1) << match->language);

  if (key == KD_KEY ("wsh_banner"))
    {
      if (kd_capture_get_banner (p->doc) == NULL)
        kd_capture_set_banner (p->doc, line);
      return;
    }

  if (key == KD_KEY ("ospp_processing"))
    {
      p->product = NULL;
      return;
    }

  /* /unpkey and /dinstid name the product each of their lines is about */
  if (key == KD_KEY ("ospp_uninstalling_key") || key == KD_KEY ("ospp_installation_id"))
    {
      new_product (p);
      put_span (p->product, KD_KEY ("name"), &captures->spans[KD_MARKER_PRODUCT_NAME]);
      put_span (p->product, KD_KEY ("installation_id"), &captures->spans[KD_MARKER_INSTALLATION_ID]);
      p->saw_ospp_fields = TRUE;
      return;
    }

  /* printed by /act after a failure */
  if (key == KD_KEY ("ospp_history_hint"))
    {
      p->saw_ospp_act = TRUE;
      return;
    }

  /* ospp /act announces each product it tries; its fields follow. */
  if (key == KD_KEY ("ospp_activation_attempt"))
    {
      p->saw_ospp_act = TRUE;
      p->product = NULL;
      return;
    }

  if (key == KD_KEY ("activating"))
    {
      p->saw_ato = TRUE;
      new_product (p);
      put_span (p->product, KD_KEY ("name"), &captures->spans[KD_MARKER_PRODUCT_NAME]);
      put_span (p->product, KD_KEY ("activation_id"), &captures->spans[KD_MARKER_PRODUCT_ID]);
      p->in_error_text = FALSE;
      return;
    }

  if (key == KD_KEY ("activation_success") || key == KD_KEY ("ospp_activation_success"))
    {
      kd_capture_product_flag (ensure_product (p), KD_KEY ("activation_success"));
      p->saw_ato_result = TRUE;
      if (key == KD_KEY ("ospp_activation_success"))
        p->saw_ospp_act = TRUE;
      else
        p->saw_ato = TRUE;
      return;
    }

  if (key == KD_KEY ("error_code") || key == KD_KEY ("error_non_core") ||
      key == KD_KEY ("ospp_activation_failed"))
    {
      KdCaptureProduct *product = ensure_product (p);
      const KdLabelSpan *code = &captures->spans[KD_MARKER_ERROR_CODE];
      const KdLabelSpan *text = &captures->spans[KD_MARKER_TEXT];
      guint32 value;

      kd_capture_product_flag (product, KD_KEY ("activation_failure"));
      p->saw_ato_result = TRUE;
      if (key == KD_KEY ("ospp_activation_failed"))
        p->saw_ospp_act = TRUE;
      if (code->start != NULL && !kd_capture_product_has (product, KD_KEY ("result_error_code")))
        {
          g_autofree char *spelled = g_strdup_printf ("0x%.*s", (int) code->length, code->start);
          if (kd_hresult_parse (spelled, &value, NULL))
            {
              g_autofree char *canonical = kd_hresult_format (value);
              kd_capture_product_put (product, KD_KEY ("result_error_code"), canonical, -1);
            }
        }
      if (text->start != NULL && key == KD_KEY ("error_code"))
        {
          put_span (product, KD_KEY ("result_error_text"), text);
          set_continuation (p, KD_KEY ("result_error_text"), FALSE, width_of (line, length));
        }
      p->in_error_text = key == KD_KEY ("error_code");
      return;
    }

  /* /ato errors slmgr prints in words, without a code. */
  if (key == KD_KEY ("error_non_genuine_grace") || key == KD_KEY ("error_non_genuine_notification") ||
      key == KD_KEY ("activation_failed"))
    {
      KdCaptureProduct *product = ensure_product (p);

      kd_capture_product_flag (product, KD_KEY ("activation_failure"));
      p->saw_ato_result = TRUE;
      if (!kd_capture_product_has (product, KD_KEY ("result_error_text")))
        kd_capture_product_put (product, KD_KEY ("result_error_text"), text_after_prefix (line, length), -1);
      return;
    }

  if (g_str_has_prefix (key, "xpr_"))
    {
      p->saw_xpr = TRUE;
      if (p->pending_name != NULL)
        {
          new_product (p);
          kd_capture_product_put (p->product, KD_KEY ("name"), p->pending_name, -1);
          g_clear_pointer (&p->pending_name, g_free);
        }
      ensure_product (p);
      kd_capture_product_flag (p->product, key);
      kd_capture_product_put (p->product, KD_KEY ("xpr_text"), line, -1);
      put_span (p->product, KD_KEY ("xpr_date"), &captures->spans[KD_MARKER_DATE]);
      return;
    }

  if (key == KD_KEY ("processing_license"))
    {
      new_product (p);
      put_span (p->product, KD_KEY ("description"), &captures->spans[KD_MARKER_DESCRIPTION]);
      put_span (p->product, KD_KEY ("activation_id"), &captures->spans[KD_MARKER_ACTIVATION_ID]);
      return;
    }

  if (key == KD_KEY ("kms_client_header") || key == KD_KEY ("kms_host_enabled_header") ||
      key == KD_KEY ("kms_host_requests_header") || key == KD_KEY ("ad_client_header") ||
      key == KD_KEY ("token_header") || key == KD_KEY ("avma_client_header"))
    p->in_kms_block = TRUE;

  if (g_str_has_prefix (key, "error_product") || key == KD_KEY ("multiple_licenses_warning"))
    {
      kd_capture_add_note (p->doc, line);
      return;
    }

  /* "Successfully applied setting.", "Volume activation type set
   * successfully.": the answer to a command, not a product. */
  if (p->product == NULL && (key == KD_KEY ("ospp_setting_applied") || g_str_has_suffix (key, "_set")))
    return;

  kd_capture_product_flag (ensure_product (p), key);
}

/* What people type over the parts of an ID they hide. */
static inline gboolean
is_mask_char (char c)
{
  return c == '*' || c == 'X' || c == 'x' || c == '@' || c == '#' || c == '?';
}

static gboolean
is_hex_char (char c)
{
  return g_ascii_isxdigit (c);
}

static gboolean
is_digit_or_dot (char c)
{
  return g_ascii_isdigit (c) || c == '.';
}

/* @s split at @separator into @n_groups groups, none empty, each of
 * characters @allowed accepts or masks, with at least one mask: a
 * redacted ID ("****7360-8c5f-417c-9d61-816******e0c", "*-*-*-*-*"),
 * kept as it is printed. */
static gboolean
is_masked (const char  *s,
           char         separator,
           guint        n_groups,
           gboolean   (*allowed) (char))
{
  guint groups = 1, in_group = 0;
  gboolean masked = FALSE;

  for (; *s != '\0'; s++)
    {
      if (*s == separator)
        {
          if (in_group == 0)
            return FALSE;
          groups++;
          in_group = 0;
        }
      else if (is_mask_char (*s))
        {
          masked = TRUE;
          in_group++;
        }
      else if (allowed (*s))
        in_group++;
      else
        return FALSE;
    }
  return masked && in_group > 0 && groups == n_groups;
}

/* A GUID, or one with parts masked */
static gboolean
is_masked_guid (const char *s)
{
  return is_masked (s, '-', 5, is_hex_char);
}

/* An extended PID with parts masked: eight groups, a dot in the seventh
 * ("*-*-*-*-*-*-*.*-*") */
static gboolean
is_masked_epid (const char *s)
{
  const char *dot = strchr (s, '.');

  return dot != NULL && strchr (dot + 1, '.') == NULL && is_masked (s, '-', 8, is_digit_or_dot);
}

static gboolean
is_guid (const char *s)
{
  static GRegex *guid;

  if (g_once_init_enter_pointer (&guid))
    g_once_init_leave_pointer (&guid, kd_regex_new_shared ("^\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                                                   "[0-9a-fA-F]{12}\\}?$", G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (guid, s, 0, NULL);
}

/* Shape patterns are compiled once and shared by every parse, whatever
 * thread it runs in. */
static gboolean
matches (const char  *pattern,
         const char  *s)
{
  static GMutex lock;
  static GHashTable *compiled;
  GRegex *regex;

  g_mutex_lock (&lock);
  if (compiled == NULL)
    compiled = g_hash_table_new (g_str_hash, g_str_equal);
  regex = g_hash_table_lookup (compiled, pattern);
  if (regex == NULL)
    {
      regex = kd_regex_new_shared (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_hash_table_insert (compiled, (gpointer) pattern, regex);
    }
  g_mutex_unlock (&lock);

  return g_regex_match (regex, s, 0, NULL);
}

/* The shapes of values, each as a pattern and as a scanner that reads
 * printable ASCII the way the pattern does; other text goes to the
 * pattern.  A value is tried against a dozen shapes and most are plain
 * ASCII. */
typedef struct
{
  const char *pattern;
  gboolean  (*scan) (const char *value);
} Shape;

static inline gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static inline gboolean
is_hex_or_colon (char c)
{
  return g_ascii_isxdigit (c) || c == ':';
}

/* @min to @max digits at @s (no more are read), or NULL */
static const char *
scan_digits (const char *s,
             int         min,
             int         max)
{
  int n = 0;

  while (n < max && g_ascii_isdigit (s[n]))
    n++;
  return n >= min ? s + n : NULL;
}

static gsize
run_length (const char  *s,
            gboolean   (*in_run) (char c))
{
  gsize n = 0;

  while (s[n] != '\0' && in_run (s[n]))
    n++;
  return n;
}

static gboolean
is_digit_char (char c)
{
  return g_ascii_isdigit (c);
}

static gboolean
is_space_char (char c)
{
  return g_ascii_isspace (c);
}

static gboolean
is_host_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '_' || c == '-';
}

static gboolean
scan_epid (const char *s)
{
  static const struct { int min, max; char after; } groups[] = {
    { 5, 5, '-' }, { 5, 5, '-' }, { 3, 3, '-' }, { 6, 6, '-' }, { 2, 2, '-' },
    { 4, 5, '-' }, { 4, 5, '.' }, { 4, 4, '-' }, { 7, 7, '\0' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if ((s = scan_digits (s, groups[i].min, groups[i].max)) == NULL || *s != groups[i].after)
        return FALSE;
      s++;
    }
  return TRUE;
}

static gboolean
scan_installation_id (const char *s)
{
  gsize n = run_length (s, is_digit_char);

  return s[n] == '\0' && n >= 50 && n <= 70;
}

static gboolean
scan_key_channel (const char *s)
{
  static const char *words[] = { "Volume", "Retail", "OEM" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      if (g_ascii_strncasecmp (s, words[i], n) != 0)
        continue;
      s += n;
      if (*s == '\0')
        return TRUE;
      if (*s++ != ':' || *s == '\0')
        return FALSE;
      for (; *s != '\0'; s++)
        if (!g_ascii_isalpha (*s) && *s != ':')
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
scan_partial_key (const char *s)
{
  gboolean letter = FALSE;

  for (int i = 0; i < 5; i++)
    {
      if (!g_ascii_isalnum (s[i]))
        return FALSE;
      letter |= g_ascii_isalpha (s[i]);
    }
  /* five digits are a number, not a key */
  return s[5] == '\0' && letter;
}

static gboolean
scan_hex_code (const char *s)
{
  gsize n;

  if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
    return FALSE;
  for (n = 0; g_ascii_isxdigit (s[2 + n]); n++)
    ;
  return n >= 1 && n <= 8 && !is_word_char (s[2 + n]);
}

static gboolean
scan_url (const char *s)
{
  if (g_ascii_strncasecmp (s, "http", 4) != 0)
    return FALSE;
  s += 4;
  if (*s == 's' || *s == 'S')
    s++;
  return strncmp (s, "://", 3) == 0;
}

/* "43200 minute(s) (30 day(s))": two numbers, the second after a "(" */
static gboolean
scan_minutes_days (const char *s)
{
  gsize first = run_length (s, is_digit_char);
  const char *between = s + first, *second, *after;

  if (first == 0)
    return FALSE;
  for (second = between; *second != '\0' && !g_ascii_isdigit (*second); second++)
    ;
  if (*second == '\0')
    return FALSE;
  after = second + run_length (second, is_digit_char);
  if (strpbrk (after, "0123456789") != NULL || strchr (after, ')') == NULL)
    return FALSE;
  /* between the numbers: some text, "(", white space */
  while (second > between && g_ascii_isspace (second[-1]))
    second--;
  return second - between >= 2 && second[-1] == '(';
}

static gboolean
scan_version (const char *s)
{
  for (int i = 0; i < 4; i++)
    {
      gsize n = run_length (s, is_digit_char);

      if (n == 0 || s[n] != (i < 3 ? '.' : '\0'))
        return FALSE;
      s += n + 1;
    }
  return TRUE;
}

static gboolean
scan_ip (const char *s)
{
  const char *t = s;
  gsize n;

  for (int i = 0; i < 4; i++)
    {
      if ((t = scan_digits (t, 1, 3)) == NULL || *t != (i < 3 ? '.' : '\0'))
        break;
      if (i == 3)
        return TRUE;
      t++;
    }
  /* IPv6: hex digits and colons, a colon after the first */
  n = run_length (s, is_hex_or_colon);
  return s[n] == '\0' && n >= 2 && strchr (s + 1, ':') != NULL;
}

static gboolean
scan_host_port (const char *s)
{
  gsize n;

  if (s[0] == '[')
    {
      n = run_length (s + 1, is_hex_or_colon);
      if (n == 0 || s[1 + n] != ']')
        return FALSE;
      s += n + 2;
    }
  else
    {
      n = run_length (s, is_host_char);
      if (n == 0)
        return FALSE;
      s += n;
    }
  if (*s++ != ':')
    return FALSE;
  n = run_length (s, is_digit_char);
  return n >= 1 && n <= 5 && s[n] == '\0';
}

/* "120 minutes" */
static gboolean
scan_interval (const char *s)
{
  gsize n = run_length (s, is_digit_char), spaces;

  if (n == 0)
    return FALSE;
  s += n;
  spaces = run_length (s, is_space_char);
  if (spaces == 0)
    return FALSE;
  s += spaces;
  return *s != '\0' && strpbrk (s, " \t\n\v\f\r") == NULL;
}

static const Shape shape_epid = { "^\\d{5}-\\d{5}-\\d{3}-\\d{6}-\\d{2}-\\d{4,5}-\\d{4,5}\\.\\d{4}-\\d{7}$", scan_epid };
static const Shape shape_installation_id = { "^\\d{50,70}$", scan_installation_id };
static const Shape shape_key_channel = { "^(Volume|Retail|OEM)(:[A-Za-z:]+)?$", scan_key_channel };
static const Shape shape_partial_key = { "^(?!\\d{5}$)[A-Z0-9]{5}$", scan_partial_key };
static const Shape shape_hex_code = { "^0x[0-9A-F]{1,8}\\b", scan_hex_code };
static const Shape shape_url = { "^https?://", scan_url };
static const Shape shape_minutes_days = { "^\\d+\\D+\\(\\s*\\d+\\D*\\)\\D*$", scan_minutes_days };
static const Shape shape_version = { "^\\d+\\.\\d+\\.\\d+\\.\\d+$", scan_version };
static const Shape shape_ip = { "^(\\d{1,3}\\.){3}\\d{1,3}$|^[0-9a-f:]+:[0-9a-f:]*$", scan_ip };
static const Shape shape_host_port = { "^(\\[[0-9a-f:]+\\]|[A-Za-z0-9._\\-]+):\\d{1,5}$", scan_host_port };
static const Shape shape_interval = { "^\\d+\\s+\\S+$", scan_interval };

static gboolean
has_shape (const Shape *shape,
           const char  *value,
           gboolean     plain)
{
  return plain ? shape->scan (value) : matches (shape->pattern, value);
}

static gboolean
set_by_shape (Parser     *p,
              const char *key,
              const char *value)
{
  KdCaptureProduct *product = ensure_product (p);

  if (kd_capture_product_has (product, key))
    return FALSE;
  kd_capture_product_put (product, key, value, -1);
  p->n_by_shape++;
  return TRUE;
}

/* A label no table knows (Italian, French…): recognise the value. */
static gboolean
handle_shape (Parser     *p,
              const char *value,
              gboolean    indented,
              gboolean    labelled)
{
  static GRegex *channel;
  KdCaptureProduct *product = p->product;
  gsize n = strlen (value);
  char first = value[0];
  gboolean digit = g_ascii_isdigit (first);
  gboolean plain = kd_text_is_plain (value, -1);

  /* Each shape is tried only on values that can have it: the checks
   * before each pattern are what keeps unknown lines cheap. */
  if (n == 0)
    return FALSE;

  if (g_once_init_enter_pointer (&channel))
    g_once_init_leave_pointer (&channel,
                               kd_regex_new_shared (",\\s*(VOLUME_|RETAIL|OEM_|TIMEBASED_|VIRTUAL_MACHINE_ACTIVATION)[A-Z0-9_\\-]*",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  /* Name and Description are not translated
   * (docs/facts/slmgr-output.md §8); only after a label, since event
   * texts quote descriptions too. */
  if (labelled && strchr (value, ',') != NULL && g_regex_match (channel, value, 0, NULL))
    {
      if (product == NULL || kd_capture_product_has (product, KD_KEY ("description")))
        product = new_product (p);
      if (p->pending_name != NULL)
        {
          kd_capture_product_put (product, KD_KEY ("name"), p->pending_name, -1);
          g_clear_pointer (&p->pending_name, g_free);
        }
      p->n_by_shape++;
      kd_capture_product_put (product, KD_KEY ("description"), value, -1);
      return TRUE;
    }
  if (labelled && (strstr (value, "(R)") != NULL || g_str_has_prefix (value, "Office")) &&
      (product == NULL || kd_capture_product_has (product, KD_KEY ("description"))))
    {
      g_free (p->pending_name);
      p->pending_name = g_strdup (value);
      p->n_by_shape++;
      return TRUE;
    }

  if ((n >= 36 && n <= 38 && is_guid (value)) || is_masked_guid (value))
    {
      if (g_str_has_prefix (value, "55c92734") || g_str_has_prefix (value, "0ff1ce1"))
        return set_by_shape (p, KD_KEY ("application_id"), value);
      if ((indented || p->in_kms_block) && set_by_shape (p, KD_KEY ("cmid"), value))
        return TRUE;
      return set_by_shape (p, KD_KEY ("activation_id"), value);
    }
  if ((digit && n >= 40 && has_shape (&shape_epid, value, plain)) || is_masked_epid (value))
    {
      if (!indented && !p->in_kms_block && set_by_shape (p, KD_KEY ("extended_pid"), value))
        return TRUE;
      return set_by_shape (p, KD_KEY ("kms_extended_pid"), value);
    }
  if (digit && n >= 50 && n <= 70 && has_shape (&shape_installation_id, value, plain))
    return set_by_shape (p, KD_KEY ("installation_id"), value);
  if (strchr ("VvRrOo", first) != NULL && has_shape (&shape_key_channel, value, plain))
    return set_by_shape (p, KD_KEY ("product_key_channel"), value);
  if (n == 5 && has_shape (&shape_partial_key, value, plain))
    return set_by_shape (p, KD_KEY ("partial_product_key"), value);
  if (first == '0' && (value[1] == 'x' || value[1] == 'X') && has_shape (&shape_hex_code, value, plain))
    return set_by_shape (p, KD_KEY ("notification_reason"), value);
  if ((first == 'h' || first == 'H') && has_shape (&shape_url, value, plain))
    {
      if (strstr (value, "SLActivateProduct") != NULL)
        return set_by_shape (p, KD_KEY ("use_license_url"), value);
      if (strstr (value, "slwga") != NULL || strstr (value, "validation") != NULL)
        return set_by_shape (p, KD_KEY ("validation_url"), value);
      return FALSE;
    }
  /* "Time remaining" is printed in a grace period, the expiration when
   * licensed. */
  if (digit && strchr (value, '(') != NULL && has_shape (&shape_minutes_days, value, plain))
    {
      const char *status = product != NULL ? kd_capture_product_lookup (product, KD_KEY ("license_status")) : NULL;

      return set_by_shape (p, status != NULL && g_strcmp0 (kd_labels_lookup_value (p->labels, "license_status", status), "licensed") != 0
                                ? KD_KEY ("time_remaining") : KD_KEY ("volume_activation_expiration"),
                           value);
    }
  if (digit && p->product == NULL && has_shape (&shape_version, value, plain) &&
      kd_capture_get_service_version (p->doc) == NULL)
    {
      kd_capture_set_service_version (p->doc, value);
      p->version_by_shape = TRUE;
      p->n_by_shape++;
      return TRUE;
    }
  if ((indented || p->in_kms_block) && (g_ascii_isxdigit (first) || first == ':') &&
      has_shape (&shape_ip, value, plain))
    return set_by_shape (p, KD_KEY ("kms_machine_ip"), value);
  if ((indented || p->in_kms_block) && strchr (value, ':') != NULL && has_shape (&shape_host_port, value, plain))
    return set_by_shape (p, KD_KEY ("kms_host_by_shape"), value);
  if ((indented || p->in_kms_block) && digit && has_shape (&shape_interval, value, plain))
    {
      /* the activation interval comes first, unless it was read by its label */
      const char *key = p->interval_by_shape++ == 0 &&
                        (p->product == NULL || !kd_capture_product_has (p->product, KD_KEY ("activation_interval")))
                        ? KD_KEY ("activation_interval") : KD_KEY ("renewal_interval");
      return set_by_shape (p, key, value);
    }

  return FALSE;
}

static gboolean handle_approximate (Parser     *p,
                                    const char *label,
                                    gsize       label_length,
                                    const char *value,
                                    Width       width);

static void
handle_unknown (Parser     *p,
                const char *trimmed,
                Width       width,
                gboolean    indented)
{
  /* The rest of an activation error's text. */
  if (p->in_error_text && p->product != NULL)
    {
      gboolean hard_wrap = p->wrap_width > 0 && width_chars (&p->last_width) >= p->wrap_width;

      kd_capture_product_append (p->product, KD_KEY ("result_error_text"), trimmed, !hard_wrap);
      p->last_width = width;
      return;
    }

  /* A value the console wrapped: the continuation has no label of its own. */
  if (p->last_key != NULL && width_chars (&p->last_width) >= MIN_WRAPPED_LENGTH)
    {
      gboolean hard_wrap = p->wrap_width > 0 && width_chars (&p->last_width) >= p->wrap_width;
      const char *label, *value;
      gsize label_length;
      gboolean looks_labelled = find_trimmed_label (trimmed, &label, &label_length, &value) &&
                                g_utf8_strlen (label, label_length) < 48 &&
                                memchr (label, '/', label_length) == NULL && *value != '\0';

      /* a line cut at the console's width, unless it is a label read
       * approximately with the value it always has */
      if (looks_labelled && hard_wrap && handle_approximate (p, label, label_length, value, width))
        return;
      if (hard_wrap || !looks_labelled)
        {
          if (p->last_in_document)
            {
              g_autofree char *joined = g_strconcat (kd_capture_get_service_version (p->doc), trimmed, NULL);
              kd_capture_set_service_version (p->doc, joined);
            }
          else if (p->product != NULL)
            kd_capture_product_append (p->product, p->last_key, trimmed, !hard_wrap);
          p->last_width = width;
          return;
        }
    }

  {
    const char *label, *value;
    gsize label_length;

    /* The KMS sub-blocks are the indented lines (four spaces). */
    indented |= p->in_kms_block;
    if (find_trimmed_label (trimmed, &label, &label_length, &value))
      {
        if (handle_shape (p, value, indented, TRUE))
          {
            no_continuation (p);
            return;
          }
        if (handle_approximate (p, label, label_length, value, width))
          return;
        /* "<Name>:" on its own, as /xpr prints it before the status */
        if (*value == '\0' && (g_strstr_len (label, label_length, "(R)") != NULL ||
                               g_strstr_len (label, label_length, "edition") != NULL ||
                               (label_length >= 6 && strncmp (label, "Office", 6) == 0)))
          {
            g_free (p->pending_name);
            p->pending_name = g_strndup (label, label_length);
            return;
          }
      }
    else if (handle_shape (p, trimmed, indented, FALSE))
      return;
  }

  /* A console line that was cut at the window's width, or an "Activating
   * <name>" whose ID went to the next line: wait for the rest. */
  if (p->held == NULL &&
      ((p->wrap_width > 0 && width_chars (&width) >= p->wrap_width) ||
       kd_labels_starts_line (p->labels, KD_KEY ("activating"), trimmed, strlen (trimmed))))
    {
      p->held = g_strdup (trimmed);
      no_continuation (p);
      return;
    }

  kd_capture_add_unknown_line (p->doc, trimmed);
  no_continuation (p);
}

static gboolean
recognisable (Parser     *p,
              const char *text)
{
  gsize label_length, length;
  const char *value;

  text = skip_blanks (text);
  if (*text == '\0')
    return TRUE;
  length = strlen (text);
  if (find_label (text, text + length, &label_length, &value) && kd_labels_lookup_field (p->labels, text, label_length) != NULL)
    return TRUE;
  return kd_labels_match_line (p->labels, text, length, NULL) != NULL;
}

static void handle_line_inner (Parser *p,
                               char   *line,
                               gsize   length);

/* @line is one NUL-terminated line of the parser's own buffer, which it
 * may change (no copy per line: a capture can have millions).  A held
 * line (cut at the console width) and the next one: together they may be
 * a line the tables know ("Activating … (id" + ") ..."). */
static void
handle_line_text (Parser *p,
                  char   *line,
                  gsize   length)
{
  /* g_autofree would free even the NULL of a line with nothing held */
  if (p->held == NULL)
    {
      handle_line_inner (p, line, length);
      return;
    }

  {
    g_autofree char *held = g_steal_pointer (&p->held);
    g_autofree char *joined = NULL;

    if (recognisable (p, line))
      {
        kd_capture_add_unknown_line (p->doc, held);
        handle_line_inner (p, line, length);
        return;
      }

    joined = g_strconcat (held, line, NULL);
    if (recognisable (p, joined))
      {
        handle_line_inner (p, joined, strlen (joined));
        /* the width of the joined line outlives it */
        width_chars (&p->last_width);
      }
    else
      {
        kd_capture_add_unknown_line (p->doc, held);
        handle_line_inner (p, line, length);
      }
  }
}

/* Whether @value has the shape the field @key always has: what makes a
 * label read approximately believable. */
static gboolean
value_fits (Parser     *p,
            const char *key,
            const char *value)
{
  gboolean plain = kd_text_is_plain (value, -1);
  gsize n = strlen (value);

  if (key == KD_KEY ("activation_id") || key == KD_KEY ("application_id") || key == KD_KEY ("cmid") ||
      key == KD_KEY ("ospp_sku_id"))
    return (n >= 36 && n <= 38 && is_guid (value)) || is_masked_guid (value);
  if (key == KD_KEY ("extended_pid") || key == KD_KEY ("kms_extended_pid"))
    return has_shape (&shape_epid, value, plain) || is_masked_epid (value);
  if (key == KD_KEY ("installation_id"))
    return has_shape (&shape_installation_id, value, plain);
  if (key == KD_KEY ("partial_product_key") || key == KD_KEY ("ospp_last5"))
    return n == 5 && has_shape (&shape_partial_key, value, plain);
  if (key == KD_KEY ("product_key_channel"))
    return has_shape (&shape_key_channel, value, plain);
  if (key == KD_KEY ("use_license_url") || key == KD_KEY ("validation_url"))
    return has_shape (&shape_url, value, plain);
  if (key == KD_KEY ("volume_activation_expiration") || key == KD_KEY ("timebased_activation_expiration") ||
      key == KD_KEY ("time_remaining"))
    return has_shape (&shape_minutes_days, value, plain);
  if (key == KD_KEY ("license_status"))
    return kd_labels_lookup_value (p->labels, "license_status", value) != NULL;
  if (key == KD_KEY ("remaining_windows_rearm_count") || key == KD_KEY ("remaining_sku_rearm_count") ||
      key == KD_KEY ("current_count") || key == KD_KEY ("listening_port"))
    return n > 0 && strspn (value, "0123456789") == n;
  if (key == KD_KEY ("activation_interval") || key == KD_KEY ("renewal_interval"))
    return has_shape (&shape_interval, value, plain);
  if (key == KD_KEY ("kms_machine_ip"))
    return has_shape (&shape_ip, value, plain);
  if (key == KD_KEY ("kms_machine_name_from_dns") || key == KD_KEY ("registered_kms_machine_name"))
    return has_shape (&shape_host_port, value, plain);
  if (key == KD_KEY ("service_version"))
    return has_shape (&shape_version, value, plain);
  if (key == KD_KEY ("trusted_time"))
    return g_ascii_isdigit (value[0]) && strpbrk (value, "/.-") != NULL && strchr (value, ':') != NULL;
  if (key == KD_KEY ("name"))
    return strstr (value, "(R)") != NULL || g_str_has_prefix (value, "Office");
  if (key == KD_KEY ("description"))
    return strstr (value, "channel") != NULL;
  return FALSE;
}

static void
remember_approximate (Parser     *p,
                      const char *label,
                      const char *key)
{
  if (p->approximate == NULL)
    p->approximate = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_contains (p->approximate, label))
    g_hash_table_insert (p->approximate, g_strdup (label), (gpointer) key);
}

/* A label a character or two off, as OCR leaves them ("Remaining SKIJ
 * rearm count: 1001"), whose value has the shape that field always has
 * and no shape of its own says where it goes. */
static gboolean
handle_approximate (Parser     *p,
                    const char *label,
                    gsize       label_length,
                    const char *value,
                    Width       width)
{
  const KdLabelField *field;
  char printed[128];
  gpointer cached;
  guint distance;

  /* Longer ones are no label any table has. */
  if (label_length >= sizeof printed)
    return FALSE;
  memcpy (printed, label, label_length);
  printed[label_length] = '\0';

  /* A big capture repeats its unknown labels: each is looked for once. */
  if (p->near_labels == NULL)
    p->near_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (p->near_labels, printed, NULL, &cached))
    field = cached;
  else
    {
      field = kd_labels_lookup_field_near (p->labels, label, label_length, &distance);
      g_hash_table_insert (p->near_labels, g_strdup (printed), (gpointer) field);
    }
  if (field == NULL || !value_fits (p, field->key, value))
    return FALSE;
  remember_approximate (p, g_strchomp (printed), field->key);
  handle_field (p, field, value, strlen (value), width);
  /* a value found this way is not taken to go on in the next line */
  no_continuation (p);
  return TRUE;
}

/* One note for the labels read approximately, the first few named. */
static void
note_approximate (Parser *p)
{
  g_autoptr(GList) labels = NULL;
  g_autoptr(GString) which = g_string_new (NULL);
  g_autofree char *note = NULL;
  guint n = 0;

  if (p->approximate == NULL)
    return;
  labels = g_list_sort (g_hash_table_get_keys (p->approximate), (GCompareFunc) g_strcmp0);
  for (GList *l = labels; l != NULL; l = l->next, n++)
    {
      const char *key = g_hash_table_lookup (p->approximate, l->data);
      const KdFieldInfo *info = kd_field_info_lookup (key);

      if (n == 3)
        {
          g_string_append (which, ", …");
          break;
        }
      if (n > 0)
        g_string_append (which, ", ");
      /* Translators: “Remaining SKIJ rearm count” as “Remaining SKU rearm count” */
      g_string_append_printf (which, _("“%s” as “%s”"), (const char *) l->data,
                              info != NULL ? kd_field_info_get_label (info) : key);
    }
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "A label was read approximately, as a photo or a scan can garble it: %s",
                                       "Labels were read approximately, as a photo or a scan can garble them: %s",
                                       g_hash_table_size (p->approximate)),
                          which->str);
  kd_capture_add_note (p->doc, note);
}

static void
handle_line_inner (Parser *p,
                   char   *copy,
                   gsize   length)
{
  gsize label_length = 0;
  KdLabelCaptures captures;
  const KdLabelField *field;
  const KdLabelLine *match;
  const char *value;
  char *trimmed;
  Width width;
  gssize split;

  /* The message box's "OK" line keeps trailing spaces; so do tabs. */
  while (length > 0 && g_ascii_isspace (copy[length - 1]))
    length--;
  copy[length] = '\0';
  trimmed = (char *) skip_blanks (copy);
  width = width_of (copy, length);
  length -= trimmed - copy;

  if (length == 0)
    {
      no_continuation (p);
      p->in_error_text = FALSE;
      return;
    }

  if (length > MAX_LINE_TO_ANALYSE)
    {
      kd_capture_add_unknown_line (p->doc, trimmed);
      no_continuation (p);
      return;
    }

  /* The message box frame */
  if (trimmed[0] == '-' && length >= 5 && strspn (trimmed, "-") == length)
    {
      no_continuation (p);
      return;
    }
  if (handle_prompt (p, trimmed))
    {
      no_continuation (p);
      return;
    }

  if (find_label (trimmed, trimmed + length, &label_length, &value) &&
      (field = kd_labels_lookup_field (p->labels, trimmed, label_length)) != NULL)
    {
      /* "Error: 0x…" and the like are lines, not fields named Error. */
      handle_field (p, field, value, trimmed + length - value, width);
      if (p->in_kms_block == FALSE && trimmed != copy)
        p->in_kms_block = TRUE;
      return;
    }

  if ((match = kd_labels_match_line (p->labels, trimmed, length, &captures)) != NULL)
    {
      handle_line (p, match, &captures, trimmed, length);
      return;
    }

  /* Two messages on one line ("正在激活…(<id>)。错误：0xC004F074…"):
   * each is read as the line it was. */
  if ((split = kd_labels_find_glued_error (p->labels, trimmed, length)) > 0)
    {
      g_autofree char *rest = g_strndup (trimmed + split, length - split);

      handle_line_inner (p, trimmed, split);
      handle_line_inner (p, rest, length - split);
      /* the width of the second line outlives it */
      width_chars (&p->last_width);
      return;
    }

  handle_unknown (p, trimmed, width, trimmed != copy);
}

/* Where the line at @line ends: at a CR, an LF or @end. */
static inline const char *
line_end (const char *line,
          const char *end)
{
  return kd_text_find_either (line, end, '\r', '\n');
}

/* Runs @func on @second in a thread of its own while this thread runs it
 * on @first; on @second after @first when no thread can be started. */
static void
run_in_two (GThreadFunc func,
            gpointer    first,
            gpointer    second)
{
  GThread *thread = g_thread_try_new ("kd-capture-parse", func, second, NULL);

  func (first);
  if (thread != NULL)
    g_thread_join (thread);
  else
    func (second);
}

/* The start of the line after the one @line is in. */
static const char *
next_line (const char *line,
           const char *text_end)
{
  line = line_end (line, text_end);
  if (line < text_end && *line == '\r')
    line++;
  if (line < text_end && *line == '\n')
    line++;
  return line;
}

/* A capture of many megabytes is read in two halves at once, one per
 * core: the second half starts at a prompt line, after which nothing read
 * before carries over (handle_prompt()), so that the two halves read as
 * one would.  What the second half cannot know is checked after (see
 * halves_agree()). */
#define MIN_LENGTH_IN_HALVES (4 * 1024 * 1024)

static gboolean
worth_two_threads (gsize length)
{
  return length >= MIN_LENGTH_IN_HALVES && g_get_num_processors () > 1;
}

/* The longest line from @start to @end, in characters */
typedef struct
{
  const char *start, *end;
  glong longest;
} Longest;

static gpointer
find_longest (gpointer data)
{
  Longest *l = data;

  for (const char *line = l->start, *end; line < l->end; line = next_line (end, l->end))
    {
      end = line_end (line, l->end);
      /* A line has at most as many characters as bytes: only lines that
       * could beat the longest so far are counted. */
      if ((glong) (end - line) > l->longest)
        l->longest = MAX (l->longest, kd_text_count_chars (line, end - line));
    }
  return NULL;
}

/* A console wraps every long line at the same column: the longest lines
 * have that length. */
static glong
guess_wrap_width (const char *text,
                  gsize       length,
                  gboolean    threads)
{
  const char *text_end = text + length;
  const char *middle = threads && worth_two_threads (length) ? next_line (text + length / 2, text_end) : text_end;
  Longest halves[2] = { { text, middle, 0 }, { middle, text_end, 0 } };
  glong longest;

  if (middle < text_end)
    run_in_two (find_longest, &halves[0], &halves[1]);
  else
    find_longest (&halves[0]);
  longest = MAX (halves[0].longest, halves[1].longest);
  return longest >= 60 ? longest : 0;
}

/* Whether @p starts ".dddd-ddddddd", the end of every extended PID */
static gboolean
is_epid_end (const char *p,
             const char *end)
{
  static const char shape[] = ".dddd-ddddddd";

  if ((gsize) (end - p) < sizeof shape - 1)
    return FALSE;
  for (gsize i = 0; i < sizeof shape - 1; i++)
    if (shape[i] == 'd' ? !g_ascii_isdigit (p[i]) : p[i] != shape[i])
      return FALSE;
  return TRUE;
}

static guint
find_lcid (const char *text,
           gsize       length)
{
  static GRegex *epid;
  const char *end = text + length;

  if (g_once_init_enter_pointer (&epid))
    g_once_init_leave_pointer (&epid, kd_regex_new_shared ("\\d{5}-\\d{5}-\\d{3}-\\d{6}-\\d{2}-(\\d{4,5})-\\d{4,5}\\.\\d{4}-\\d{7}",
                                                   G_REGEX_OPTIMIZE, 0, NULL));
  /* the pattern only where an extended PID ends: a capture is read in
   * folders of thousands, and the expression over all of it cost more than
   * the rest of the parse */
  for (const char *p = text; (p = memchr (p, '.', end - p)) != NULL; p++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      const char *start = p - MIN ((gsize) (p - text), 48);

      if (!is_epid_end (p, end))
        continue;
      if (g_regex_match_full (epid, start, p + 13 - start, 0, 0, &info, NULL))
        {
          g_autofree char *lcid = g_match_info_fetch (info, 1);
          return (guint) g_ascii_strtoull (lcid, NULL, 10);
        }
    }
  return 0;
}

/* The products from @from to @to, whose values are derived in one
 * thread: they share one store of values (kd_capture_product_new()). */
typedef struct
{
  Parser *p;
  const char *language;
  guint from, to;
  GHashTable *full;     /* activation ID -> first /dlv block, when there were /ato results */
  GArray *atos;         /* index of each block with an /ato result and no /dlv fields */
} Finish;

/* One pass over the products: after a big capture, each pass waits on
 * memory. */
static gpointer
finish_range (gpointer data)
{
  Finish *f = data;

  for (guint i = f->from; i < f->to; i++)
    {
      KdCaptureProduct *product = g_ptr_array_index (f->p->products, i);
      const char *id;

      kd_capture_product_finish (product, f->p->lcid, f->language);
      if (f->full == NULL || (id = kd_capture_product_lookup (product, KD_KEY ("activation_id"))) == NULL)
        continue;
      if (!kd_capture_product_has (product, KD_KEY ("description")))
        {
          if (kd_capture_product_flagged (product, KD_KEY ("activation_success")) ||
              kd_capture_product_flagged (product, KD_KEY ("activation_failure")))
            g_array_append_val (f->atos, i);
        }
      else if (!g_hash_table_contains (f->full, id))
        g_hash_table_insert (f->full, (gpointer) id, product);
    }
  return NULL;
}

/* Derives the values of every product, and makes the result of each /ato
 * one product with the first /dlv block of the same activation ID, pasted
 * before or after it (an /ato line always starts a block of its own, so
 * that no line depends on blocks far before it).  The products before
 * @n_first and the others are finished in two threads. */
static void
finish_products (Parser *p,
                 guint   n_first)
{
  const char *language = kd_capture_get_language (p->doc);
  Finish halves[2] = {
    { p, language, 0, n_first, NULL, NULL },
    { p, language, n_first, p->products->len, NULL, NULL },
  };
  gboolean merged = FALSE;
  guint kept = 0;

  for (guint h = 0; h < G_N_ELEMENTS (halves) && p->saw_ato_result; h++)
    {
      halves[h].full = g_hash_table_new (kd_str_hash, g_str_equal);
      halves[h].atos = g_array_new (FALSE, FALSE, sizeof (guint));
    }

  if (n_first < p->products->len)
    run_in_two (finish_range, &halves[0], &halves[1]);
  else
    finish_range (&halves[0]);

  for (guint h = 0; h < G_N_ELEMENTS (halves) && p->saw_ato_result; h++)
    {
      for (guint a = 0; a < halves[h].atos->len; a++)
        {
          guint i = g_array_index (halves[h].atos, guint, a);
          KdCaptureProduct *ato = g_ptr_array_index (p->products, i);
          const char *id = kd_capture_product_lookup (ato, KD_KEY ("activation_id"));
          KdCaptureProduct *into = g_hash_table_lookup (halves[0].full, id);

          if (into == NULL)
            into = g_hash_table_lookup (halves[1].full, id);
          if (into != NULL)
            {
              kd_capture_product_absorb (into, ato);
              kd_capture_product_finish (into, p->lcid, language);
              g_object_unref (ato);
              p->products->pdata[i] = NULL;
              merged = TRUE;
            }
        }
    }
  for (guint h = 0; h < G_N_ELEMENTS (halves); h++)
    {
      g_clear_pointer (&halves[h].full, g_hash_table_unref);
      g_clear_pointer (&halves[h].atos, g_array_unref);
    }

  if (!merged)
    return;
  for (guint i = 0; i < p->products->len; i++)
    if (p->products->pdata[i] != NULL)
      p->products->pdata[kept++] = p->products->pdata[i];
  p->products->len = kept;
}

/* A number beyond anything its field can hold is left out of the
 * document (null), and said so once for each field, never read as the
 * largest number there is. */
static void
note_out_of_range (Parser *p)
{
  g_autoptr(GHashTable) noted = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < p->products->len; i++)
    {
      KdCaptureProduct *product = g_ptr_array_index (p->products, i);
      guint n;
      const char * const *keys = kd_capture_product_get_out_of_range (product, &n);

      for (guint k = 0; k < n; k++)
        {
          const KdFieldInfo *info = kd_field_info_lookup (keys[k]);
          g_autofree char *note = NULL;

          if (!g_hash_table_add (noted, (gpointer) keys[k]))
            continue;
          /* Translators: “Current count” holds 99999999999999999999999, ... */
          note = g_strdup_printf (_("“%s” holds %s, more than it can ever be: the value is left out"),
                                  info != NULL ? kd_field_info_get_label (info) : keys[k],
                                  kd_capture_product_get_field (product, keys[k]));
          kd_capture_add_note (p->doc, note);
        }
    }
}

/* ospp prints the last activation's outcome as the SKU's ERROR CODE and
 * ERROR DESCRIPTION: in /act, a failure; in /dstatus, a failure too
 * unless the code is not one (0x4004F040 "for information purposes only
 * as the status is licensed").  Either is the product's result. */
static void
fill_ospp_results (Parser *p)
{
  gboolean act = kd_capture_get_kind (p->doc) == KD_CAPTURE_KIND_OSPP_ACT;

  for (guint i = 0; i < p->products->len; i++)
    {
      KdCaptureProduct *product = g_ptr_array_index (p->products, i);
      const char *spelled = kd_capture_product_lookup (product, KD_KEY ("ospp_error_code"));
      gboolean has_code;
      guint32 code = 0;

      if (spelled == NULL || kd_capture_product_flagged (product, KD_KEY ("activation_success")))
        continue;
      has_code = kd_hresult_find_in_text (spelled, -1, &code);
      if (act || !has_code || kd_hresult_is_failure (code))
        kd_capture_product_flag (product, KD_KEY ("activation_failure"));
      else
        kd_capture_product_flag (product, KD_KEY ("activation_success"));
      if (has_code)
        {
          g_autofree char *canonical = kd_hresult_format (code);
          kd_capture_product_put (product, KD_KEY ("result_error_code"), canonical, -1);
        }
      if (kd_capture_product_has (product, KD_KEY ("ospp_error_description")))
        kd_capture_product_put (product, KD_KEY ("result_error_text"),
                                kd_capture_product_lookup (product, KD_KEY ("ospp_error_description")), -1);
    }
}

/* ospp's error lines with nothing before them to name a product: what
 * /act prints for a failure, pasted without its header. */
static gboolean
only_ospp_errors (Parser *p)
{
  gboolean errors = FALSE;

  for (guint i = 0; i < p->products->len; i++)
    {
      KdCaptureProduct *product = g_ptr_array_index (p->products, i);

      if (kd_capture_product_has (product, KD_KEY ("ospp_sku_id")) ||
          kd_capture_product_has (product, KD_KEY ("ospp_license_name")) ||
          kd_capture_product_has (product, KD_KEY ("ospp_license_status")))
        return FALSE;
      errors |= kd_capture_product_has (product, KD_KEY ("ospp_error_code"));
    }
  return errors;
}

static const char *
decide_kind (Parser *p)
{
  static const char *priority[] = { "ospp-dstatus", "slmgr-dlv", "slmgr-dli", "ospp-act", "slmgr-xpr", "slmgr-ato" };
  gboolean dlv_only = kd_capture_get_service_version (p->doc) != NULL;
  gboolean dli = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (priority); i++)
    for (guint j = 0; j < p->command_kinds->len; j++)
      if (g_str_equal (priority[i], g_ptr_array_index (p->command_kinds, j)))
        return priority[i];

  if (p->saw_ospp_act || (p->saw_ospp_fields && only_ospp_errors (p)))
    return "ospp-act";
  if (p->saw_ospp_fields)
    return "ospp-dstatus";

  for (guint i = 0; i < p->products->len && !dlv_only; i++)
    {
      KdCaptureProduct *product = g_ptr_array_index (p->products, i);

      if (kd_capture_product_has (product, KD_KEY ("extended_pid")) || kd_capture_product_has (product, KD_KEY ("installation_id")) ||
          kd_capture_product_has (product, KD_KEY ("application_id")) ||
          kd_capture_product_has (product, KD_KEY ("remaining_windows_rearm_count")))
        dlv_only = TRUE;
      if (kd_capture_product_has (product, KD_KEY ("license_status")) || kd_capture_product_has (product, KD_KEY ("description")))
        dli = TRUE;
    }

  if (dlv_only)
    return "slmgr-dlv";
  if (dli)
    return "slmgr-dli";
  if (p->saw_ospp_act)
    return "ospp-act";
  if (p->saw_xpr)
    return "slmgr-xpr";
  /* An /ato result alone, even its error line without the "Activating"
   * line before it, is still what /ato printed. */
  if (p->saw_ato || p->saw_ato_result)
    return "slmgr-ato";
  return "unknown";
}

static void
decide_language (Parser *p)
{
  const char *best = NULL;
  guint best_votes = 0, english_votes = 0;

  for (guint i = 0; i < kd_labels_n_languages (p->labels); i++)
    {
      const char *key = kd_labels_language_tag (p->labels, i);
      guint n = p->votes[i];

      if (n == 0)
        continue;
      if (g_str_equal (key, "en"))
        english_votes = n;
      /* Ties go to the language that is not English: labels two tables
       * share ("AO DN", "OK") say less than the ones only one has. */
      if (n > best_votes || (n == best_votes && best != NULL && g_str_equal (best, "en")))
        {
          best = key;
          best_votes = n;
        }
    }

  if (best != NULL && !g_str_equal (best, "en") && english_votes > best_votes / 2 && english_votes > 3)
    kd_capture_add_note (p->doc, _("The capture mixes labels of two languages"));

  kd_capture_set_language (p->doc, best, best != NULL);

  if (p->n_by_shape > 0)
    {
      const char *lcid_language = p->lcid != 0 ? kd_labels_language_for_lcid (p->labels, p->lcid) : NULL;
      g_autofree char *note = NULL;

      if (lcid_language != NULL && !kd_labels_language_has_table (p->labels, lcid_language))
        note = g_strdup_printf (_("%u lines have labels in a language KMS Doctor has no table for (the extended "
                                  "PID says “%s”); their values were recognised by their shape"),
                                p->n_by_shape, lcid_language);
      else
        note = g_strdup_printf (_("%u lines have labels KMS Doctor does not know; their values were recognised "
                                  "by their shape"), p->n_by_shape);
      kd_capture_add_note (p->doc, note);
    }
}

static char *
line_copy (LineBuffer *buffer,
           const char *line,
           gsize       length)
{
  if (length + 1 > buffer->size)
    {
      buffer->size = MAX (length + 1, 4096);
      buffer->text = g_realloc (buffer->text, buffer->size);
    }
  memcpy (buffer->text, line, length);
  buffer->text[length] = '\0';
  return buffer->text;
}

static void
parse_lines (Parser       *p,
             const char   *line,
             const char   *text_end,
             GCancellable *cancellable)
{
  while (line < text_end)
    {
      const char *end = line_end (line, text_end);

      handle_line_text (p, line_copy (&p->buffers[p->n_lines & 1], line, end - line), end - line);
      line = next_line (end, text_end);

      if ((++p->n_lines & 0xFFF) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }
}

/* The end of the text: a line held for its continuation has none. */
static void
end_of_text (Parser *p)
{
  if (p->held != NULL)
    kd_capture_add_unknown_line (p->doc, p->held);
  g_clear_pointer (&p->held, g_free);
}

static void
parser_init (Parser *p,
             guint   lcid,
             glong   wrap_width)
{
  p->labels = kd_labels_get_default ();
  p->doc = kd_capture_new ();
  p->products = g_ptr_array_new_with_free_func (g_object_unref);
  p->command_kinds = g_ptr_array_new ();
  p->lcid = lcid;
  p->wrap_width = wrap_width;
}

static void
parser_clear (Parser *p)
{
  g_clear_object (&p->doc);
  g_clear_pointer (&p->products, g_ptr_array_unref);
  g_clear_pointer (&p->command_kinds, g_ptr_array_unref);
  g_clear_pointer (&p->pending_name, g_free);
  g_clear_pointer (&p->held, g_free);
  g_clear_pointer (&p->approximate, g_hash_table_unref);
  g_clear_pointer (&p->near_labels, g_hash_table_unref);
  g_clear_pointer (&p->buffers[0].text, g_free);
  g_clear_pointer (&p->buffers[1].text, g_free);
}

/* The start of the first line after @from that is a prompt, or NULL. */
static const char *
find_prompt_line (const char *from,
                  const char *text_end)
{
  char copy[MAX_LINE_TO_ANALYSE + 1];

  for (const char *line = next_line (from, text_end), *end; line < text_end; line = next_line (end, text_end))
    {
      const char *trimmed;
      gsize length;

      end = line_end (line, text_end);
      /* every prompt has a '>' or a ']' */
      if ((gsize) (end - line) > MAX_LINE_TO_ANALYSE ||
          (memchr (line, '>', end - line) == NULL && memchr (line, ']', end - line) == NULL))
        continue;
      for (length = end - line; length > 0 && g_ascii_isspace (line[length - 1]); length--)
        ;
      memcpy (copy, line, length);
      copy[length] = '\0';
      trimmed = skip_blanks (copy);
      if (may_be_prompt (trimmed))
        {
          g_autofree char *command = prompt_command (trimmed);

          if (command != NULL)
            return line;
        }
    }
  return NULL;
}

/* Whether the second half, read from its prompt line without the first
 * one, read what a parser that went on from the first half would have. */
static gboolean
halves_agree (Parser *first,
              Parser *second)
{
  /* a line cut at the console width, which the prompt line might complete */
  if (first->held != NULL)
    return FALSE;
  /* a version recognised by its shape counts only if none was printed */
  return !(second->version_by_shape && kd_capture_get_service_version (first->doc) != NULL);
}

static void
join_halves (Parser *first,
             Parser *second)
{
  g_ptr_array_extend_and_steal (first->products, g_steal_pointer (&second->products));
  first->product = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (first->votes); i++)
    first->votes[i] += second->votes[i];
  g_ptr_array_extend (first->command_kinds, second->command_kinds, NULL, NULL);
  first->n_by_shape += second->n_by_shape;
  first->saw_xpr |= second->saw_xpr;
  first->saw_ato |= second->saw_ato;
  first->saw_ospp_fields |= second->saw_ospp_fields;
  first->saw_ospp_act |= second->saw_ospp_act;
  first->saw_ato_result |= second->saw_ato_result;
  if (second->approximate != NULL)
    {
      GHashTableIter iter;
      gpointer label, key;

      g_hash_table_iter_init (&iter, second->approximate);
      while (g_hash_table_iter_next (&iter, &label, &key))
        remember_approximate (first, label, key);
    }
  kd_capture_append (first->doc, second->doc);
}

typedef struct
{
  Parser *p;
  const char *start, *end;
  GCancellable *cancellable;
  gboolean last;
} Half;

static gpointer
parse_half (gpointer data)
{
  Half *half = data;

  parse_lines (half->p, half->start, half->end, half->cancellable);
  if (half->last)
    end_of_text (half->p);
  return NULL;
}

/* Reads the lines from @text to @text_end into @p, those from @split on in
 * a second thread; FALSE if the halves did not agree and @p read the
 * second half again.  The first @out_n_first products share one store of
 * values and the others another one (all of them are the first in the
 * second case). */
static gboolean
parse_in_halves (Parser       *p,
                 const char   *text,
                 const char   *split,
                 const char   *text_end,
                 GCancellable *cancellable,
                 guint        *out_n_first)
{
  Parser second = { 0 };
  Half halves[2] = { { p, text, split, cancellable, FALSE }, { &second, split, text_end, cancellable, TRUE } };
  gboolean agree;

  parser_init (&second, p->lcid, p->wrap_width);
  run_in_two (parse_half, &halves[0], &halves[1]);

  if ((agree = halves_agree (p, &second)))
    {
      *out_n_first = p->products->len;
      join_halves (p, &second);
    }
  else
    {
      parse_lines (p, split, text_end, cancellable);
      *out_n_first = p->products->len;
    }
  parser_clear (&second);
  return agree;
}

/**
 * kd_capture_parse:
 * @data: the bytes of a capture, in any encoding
 * @length: their number
 * @flags: whether the parser may start a thread of its own
 * @cancellable: (nullable): a #GCancellable
 *
 * Never fails: bad input gives a document of kind "unknown" whose notes
 * and unknown lines say what was there.  The document is the same with
 * or without %KD_CAPTURE_PARSE_THREADS.
 *
 * Returns: (transfer full): the document
 */
KdCapture *
kd_capture_parse (const guint8        *data,
                  gsize                length,
                  KdCaptureParseFlags  flags,
                  GCancellable        *cancellable)
{
  gssize split_from = (flags & KD_CAPTURE_PARSE_THREADS) ? -1 : G_MAXSSIZE;

  return kd_capture_parse_in_halves (data, length, split_from, NULL, cancellable);
}

/**
 * kd_capture_parse_in_halves:
 * @data: the bytes of a capture, in any encoding
 * @length: their number
 * @split_from: where in the text, as decoded, to look for the prompt line
 *   that starts the second half; -1 for the middle of a capture of
 *   several megabytes on a machine with more than one core, none
 *   otherwise; %G_MAXSSIZE for none, and no thread at all
 * @out_in_halves: (out) (optional): whether the capture was read in two
 *   halves
 * @cancellable: (nullable): a #GCancellable
 *
 * kd_capture_parse(), for the tests that compare a capture read in two halves
 * with the same one read in one.
 *
 * Returns: (transfer full): the document
 */
KdCapture *
kd_capture_parse_in_halves (const guint8 *data,
                        gsize         length,
                        gssize        split_from,
                        gboolean     *out_in_halves,
                        GCancellable *cancellable)
{
  g_autofree char *owned = NULL;
  const char *text, *text_end, *split = NULL;
  const char *encoding = NULL;
  KdDecodeFlags flags = KD_DECODE_NONE;
  Parser p = { 0 };
  gsize text_length;
  guint n_first;
  gboolean in_halves = FALSE;
  KdCapture *doc;

  /* A capture in UTF-8 is read where it is: each line is copied to a
   * buffer of the parser's own (line_copy()). */
  text = kd_text_decode_borrow (data, length, &text_length, &owned, kd_labels_codepage_for_lcid_default,
                                &encoding, &flags);
  text_end = text + text_length;
  parser_init (&p, find_lcid (text, text_length), guess_wrap_width (text, text_length, split_from != G_MAXSSIZE));

  kd_capture_set_encoding (p.doc, encoding);
  if (flags & KD_DECODE_DROPPED_NULS)
    kd_capture_add_note (p.doc, _("NUL bytes in the text were ignored"));
  if (flags & KD_DECODE_ODD_UTF16)
    kd_capture_add_note (p.doc, _("The UTF-16 text ended in half a character, which was ignored"));
  if (flags & KD_DECODE_REPLACED_INVALID)
    kd_capture_add_note (p.doc, _("Some bytes were not valid in the text’s encoding and were replaced"));
  if (flags & KD_DECODE_GUESSED_CODEPAGE)
    {
      g_autofree char *note = g_strdup_printf (_("The text was read as %s, the code page of the language its "
                                                 "extended PID names"), encoding);
      kd_capture_add_note (p.doc, note);
    }

  if (split_from < 0)
    split_from = worth_two_threads (text_length) ? (gssize) text_length / 2 : G_MAXSSIZE;
  if ((gsize) split_from < text_length)
    split = find_prompt_line (text + split_from, text_end);

  if (split != NULL)
    in_halves = parse_in_halves (&p, text, split, text_end, cancellable, &n_first);
  else
    {
      parse_lines (&p, text, text_end, cancellable);
      n_first = p.products->len;
    }
  if (out_in_halves != NULL)
    *out_in_halves = in_halves;
  end_of_text (&p);

  kd_capture_set_n_by_shape (p.doc, p.n_by_shape);
  decide_language (&p);
  finish_products (&p, n_first);
  note_out_of_range (&p);
  note_approximate (&p);
  kd_capture_set_kind (p.doc, kd_capture_kind_from_id (decide_kind (&p)));

  fill_ospp_results (&p);

  if (p.products->len == 0)
    {
      if (text_length == 0)
        kd_capture_add_note (p.doc, _("The capture is empty"));
      else
        kd_capture_add_note (p.doc, _("Nothing in the text looks like the output of slmgr.vbs or ospp.vbs"));
    }

  kd_capture_set_products (p.doc, g_steal_pointer (&p.products));
  doc = g_steal_pointer (&p.doc);
  parser_clear (&p);
  return doc;
}

/**
 * kd_capture_parse_bytes:
 * @bytes: a capture
 * @flags: as for kd_capture_parse()
 *
 * Returns: (transfer full): the document
 */
KdCapture *
kd_capture_parse_bytes (GBytes              *bytes,
                        KdCaptureParseFlags  flags)
{
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return kd_capture_parse (data, length, flags, NULL);
}

struct _KdCaptureParseJob
{
  GBytes *bytes;
  KdCaptureParseFlags flags;
};

/**
 * kd_capture_parse_job_new:
 * @bytes: a capture, in any encoding
 * @flags: as for kd_capture_parse()
 *
 * What a worker needs to parse @bytes: the task data of an _async
 * function that parses.
 *
 * Returns: (transfer full): the job
 */
KdCaptureParseJob *
kd_capture_parse_job_new (GBytes              *bytes,
                          KdCaptureParseFlags  flags)
{
  KdCaptureParseJob *job;

  g_return_val_if_fail (bytes != NULL, NULL);

  job = g_new0 (KdCaptureParseJob, 1);
  job->bytes = g_bytes_ref (bytes);
  job->flags = flags;
  return job;
}

/**
 * kd_capture_parse_job_run:
 * @job: the job
 * @cancellable: (nullable): stops the parse early
 *
 * Returns: (transfer full): the document, complete or not if cancelled
 */
KdCapture *
kd_capture_parse_job_run (KdCaptureParseJob *job,
                          GCancellable      *cancellable)
{
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (job != NULL, NULL);

  data = g_bytes_get_data (job->bytes, &length);
  return kd_capture_parse (data, length, job->flags, cancellable);
}

void
kd_capture_parse_job_free (KdCaptureParseJob *job)
{
  if (job == NULL)
    return;
  g_bytes_unref (job->bytes);
  g_free (job);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(KdCapture) doc = kd_capture_parse_job_run (task_data, cancellable);

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&doc), g_object_unref);
}

/**
 * kd_capture_parse_async:
 * @bytes: a capture, in any encoding
 * @flags: as for kd_capture_parse()
 * @cancellable: (nullable): a #GCancellable, which stops the parse early
 * @callback: called with the document
 * @user_data: for @callback
 *
 * kd_capture_parse() in a worker thread: a paste of megabytes takes longer
 * than a frame.
 */
void
kd_capture_parse_async (GBytes              *bytes,
                        KdCaptureParseFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (bytes != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kd_capture_parse_async);
  g_task_set_task_data (task, kd_capture_parse_job_new (bytes, flags), (GDestroyNotify) kd_capture_parse_job_free);
  g_task_run_in_thread (task, parse_thread);
}

/**
 * kd_capture_parse_finish:
 * @result: the result given to the callback
 * @error: a #GError, set when the parse was cancelled
 *
 * Returns: (transfer full) (nullable): the document
 */
KdCapture *
kd_capture_parse_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kd_capture_parse_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * kd_capture_looks_like:
 * @text: pasted text
 * @length: its length
 *
 * Whether @text is slmgr or ospp output rather than an error code or a
 * search.  Only its start is read, so a huge paste answers quickly.
 *
 * Returns: %TRUE if the start of @text has an slmgr or ospp product block
 */
gboolean
kd_capture_looks_like (const char *text,
                           gsize       length)
{
  g_autoptr(KdCapture) doc = NULL;
  GListModel *products;

  g_return_val_if_fail (text != NULL, FALSE);

  doc = kd_capture_parse ((const guint8 *) text, MIN (length, 64 * 1024), KD_CAPTURE_PARSE_NONE, NULL);
  products = kd_capture_get_products (doc);
  if (g_list_model_get_n_items (products) == 0)
    return FALSE;

  /* "Error: 0xC004F074 …" alone is an /ato result, better read in Error Codes. */
  if (g_list_model_get_n_items (products) == 1)
    {
      g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products, 0);
      if (kd_capture_product_get_name (product) == NULL && kd_capture_product_get_description (product) == NULL &&
          kd_capture_product_lookup (product, KD_KEY ("license_status")) == NULL)
        return FALSE;
    }
  return TRUE;
}
