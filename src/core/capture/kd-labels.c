/* kd-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-hash.h"
#include "kd-labels.h"
#include "kd-regex.h"
#include "kd-resources.h"
#include "kd-text-decode.h"

/* Labels, whole lines and values are each found by one hash lookup, as
 * printed and then on their folded text, folded on the stack: a
 * million-line capture costs a million lookups and no allocation.  Only
 * the lines with %FIELD% markers ("Activating %PRODUCTNAME% (%PRODUCTID%)
 * ...") are templates, and a line is tried only against those whose fixed
 * start it shares: plain ASCII lines against the template's pieces, other
 * lines against its regular expression. */

/* Longer than any label or line the tables have. */
#define MAX_FOLDED 512

/* Folded (or printed) text with its hash. */
typedef struct
{
  guint hash;
  gboolean complete;    /* FALSE when the text did not fit in MAX_FOLDED */
  gsize length;
  const char *text;
} Folded;

/* A table of texts: open addressing, linear probing.  Lookups are a few
 * per line of a capture, and GHashTable's callbacks were half of their
 * cost.  Filled while the tables load, then only read. */
typedef struct
{
  guint hash;
  guint length;
  const char *text;     /* in the tables' chunk; NULL for a free slot */
  gconstpointer value;
} Slot;

typedef struct
{
  Slot *slots;
  guint mask;           /* number of slots - 1, a power of two minus one */
  guint n;
} TextTable;

typedef struct
{
  KdLabelLine line;
  char *prefix;         /* folded text before the first %MARKER% */
  gsize prefix_length;
  /* The template in pieces: literals[0], marker 0, literals[1] ...
   * literals[n_markers].  Plain ASCII lines are matched against them. */
  char **literals;
  gsize *literal_lengths;
  int *marker_captures;       /* KdLabelMarker of each marker, or -1 */
  guint n_markers;
  gboolean ends_with_marker;  /* then the line may not end in a colon or full stop */
  /* The same as a regular expression, for all other lines */
  GRegex *regex;
  int groups[KD_N_MARKERS];  /* the group of each capture, or -1 */
} LinePattern;

/* The marker names of the captures, as in the templates, lower case */
static const char * const capture_names[KD_N_MARKERS] = {
  [KD_MARKER_PRODUCT_NAME] = "productname",
  [KD_MARKER_PRODUCT_ID] = "productid",
  [KD_MARKER_ERROR_CODE] = "errcode",
  [KD_MARKER_TEXT] = "text",
  [KD_MARKER_DATE] = "date",
  [KD_MARKER_DESCRIPTION] = "description",
  [KD_MARKER_ACTIVATION_ID] = "activationid",
  [KD_MARKER_INSTALLATION_ID] = "iid",
};

typedef struct
{
  char *tag;
  char *codepage;
  gboolean labels_known;
} Language;

struct _KdLabels
{
  GStringChunk *texts;        /* the texts of the tables' keys */
  GPtrArray *entries;         /* the KdLabelFields and KdLabelLines of the tables */
  TextTable fields;           /* folded label -> KdLabelField */
  TextTable lines;            /* folded line -> KdLabelLine */
  TextTable printed_fields;   /* label as in the table -> KdLabelField */
  TextTable printed_lines;    /* line as in the table -> KdLabelLine */
  GPtrArray *patterns;        /* LinePattern */
  GHashTable *patterns_by_start;  /* first character of the prefix -> GPtrArray of LinePattern */
  GPtrArray *patterns_anywhere;   /* LinePattern without a fixed start */
  GRegex *embedded_error;         /* compile_embedded_error() */
  GHashTable *values;         /* table name -> TextTable: folded or printed value -> canonical value */
  GPtrArray *tags;            /* language number -> tag */
  GHashTable *lcids;          /* lcid -> Language */
  GHashTable *codepages;      /* lcid -> code page, where it differs from its language's */
  GPtrArray *languages;       /* Language */
};

static void
text_table_init (TextTable *table)
{
  table->mask = 63;
  table->n = 0;
  table->slots = g_new0 (Slot, table->mask + 1);
}

static void
text_table_clear (TextTable *table)
{
  g_clear_pointer (&table->slots, g_free);
}

static TextTable *
text_table_new (void)
{
  TextTable *table = g_new (TextTable, 1);

  text_table_init (table);
  return table;
}

static void
text_table_free (gpointer data)
{
  text_table_clear (data);
  g_free (data);
}

static Slot *
text_table_find (const TextTable *table,
                 const Folded    *key)
{
  for (guint i = key->hash & table->mask;; i = (i + 1) & table->mask)
    {
      Slot *slot = &table->slots[i];

      if (slot->text == NULL ||
          (slot->hash == key->hash && slot->length == key->length && memcmp (slot->text, key->text, key->length) == 0))
        return slot;
    }
}

static gconstpointer
text_table_lookup (const TextTable *table,
                   const Folded    *key)
{
  return text_table_find (table, key)->value;
}

/* Adds @key, or gives it @value if @replace; the text is copied. */
static void
text_table_insert (TextTable     *table,
                   GStringChunk  *texts,
                   const Folded  *key,
                   gconstpointer  value,
                   gboolean       replace)
{
  Slot *slot = text_table_find (table, key);

  if (slot->text != NULL)
    {
      if (replace)
        slot->value = value;
      return;
    }

  slot->hash = key->hash;
  slot->length = key->length;
  slot->text = g_string_chunk_insert_len (texts, key->text, key->length);
  slot->value = value;

  /* at most half full: probes stay short */
  if (++table->n * 2 > table->mask)
    {
      Slot *old = table->slots;
      guint old_size = table->mask + 1;

      table->mask = table->mask * 2 + 1;
      table->slots = g_new0 (Slot, table->mask + 1);
      for (guint i = 0; i < old_size; i++)
        if (old[i].text != NULL)
          {
            guint j = old[i].hash & table->mask;

            while (table->slots[j].text != NULL)
              j = (j + 1) & table->mask;
            table->slots[j] = old[i];
          }
      g_free (old);
    }
}

/* Text as printed: the first lookup, which finds what Windows printed
 * without folding it. */
static void
as_printed (const char *text,
            gsize       length,
            Folded     *out)
{
  out->complete = TRUE;
  out->text = text;
  out->length = length;
  out->hash = kd_hash_bytes (text, length);
}

/* Case-folded, with runs of white space made one space, outer white space
 * and one final colon (ASCII or full-width) or full stop (ASCII or
 * ideographic) removed: the form labels are compared in.  Text that does
 * not fit is folded as far as it fits, and marked incomplete. */
static void
fold (const char *text,
      gsize       length,
      char        buffer[MAX_FOLDED],
      Folded     *out)
{
  const guchar *p = (const guchar *) text, *end = p + length;
  gboolean space = FALSE;
  gsize j = 0;

  out->complete = TRUE;
  /* room for a space and the longest character */
  while (p < end && j + 8 < MAX_FOLDED)
    {
      guchar c = *p;

      /* Eight printable ASCII characters at once, single spaces between
       * words included: there is no white space to squeeze, only A-Z to
       * lower.  The slow path below takes the rest. */
      if (end - p >= 8 && j + 17 < MAX_FOLDED)
        {
          const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101), highs = ones * 0x80, lows = ones * 0x7f;
          guint64 word, spaces, x;

          memcpy (&word, p, 8);
          x = word ^ (ones * ' ');
          spaces = ~(((x & lows) + lows) | x) & highs;    /* exactly the bytes that are spaces */
          if ((word & highs) == 0 && ((word - ones * ' ') & ~word & highs) == 0 &&
              (spaces & (spaces >> 8)) == 0 && (spaces & (G_GUINT64_CONSTANT (0x80) | (G_GUINT64_CONSTANT (0x80) << 56))) == 0)
            {
              guint64 upper = (word + ones * (0x80 - 'A')) & ~(word + ones * (0x7f - 'Z')) & highs;

              word |= upper >> 2;
              buffer[j] = ' ';
              j += space;
              space = FALSE;
              memcpy (buffer + j, &word, 8);
              j += 8;
              p += 8;
              continue;
            }
        }

      if (c < 0x80)
        {
          p++;
          if (G_UNLIKELY (c <= ' ') && (c == ' ' || (c >= '\t' && c <= '\r')))
            {
              space = j > 0;
              continue;
            }
          buffer[j] = ' ';
          j += space;
          space = FALSE;
          buffer[j++] = (guchar) (c - 'A') < 26 ? c + ('a' - 'A') : c;
        }
      else if (c >= 0xE3 && c <= 0xE9 && end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
               !(c == 0xE3 && p[1] == 0x80 && p[2] == 0x80))
        {
          /* U+3000 to U+9FFF (kana, CJK) have no case, and none of them
           * but U+3000 is a space: the bytes are the folded text. */
          buffer[j] = ' ';
          j += space;
          space = FALSE;
          memcpy (buffer + j, p, 3);
          j += 3;
          p += 3;
        }
      else
        {
          gunichar u = g_utf8_get_char_validated ((const char *) p, end - p);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            break;  /* not text a table can have */
          p = (const guchar *) g_utf8_next_char (p);
          if (g_unichar_isspace (u))
            {
              space = j > 0;
              continue;
            }
          buffer[j] = ' ';
          j += space;
          space = FALSE;
          j += g_unichar_to_utf8 (g_unichar_tolower (u), buffer + j);
        }
    }
  if (p < end)
    out->complete = FALSE;

  /* "Most recent activation information:" and "…this machine." */
  if (j > 0 && (buffer[j - 1] == ':' || buffer[j - 1] == '.'))
    j--;
  else if (j >= 3 && (memcmp (buffer + j - 3, "\xef\xbc\x9a", 3) == 0 ||   /* ： */
                      memcmp (buffer + j - 3, "\xe3\x80\x82", 3) == 0))    /* 。 */
    j -= 3;
  while (j > 0 && buffer[j - 1] == ' ')
    j--;
  buffer[j] = '\0';

  out->hash = kd_hash_bytes (buffer, j);
  out->length = j;
  out->text = buffer;
}

static guint
language_number (KdLabels   *self,
                 const char *tag)
{
  for (guint i = 0; i < self->tags->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tags, i), tag))
      return i;
  if (self->tags->len == KD_LABELS_MAX_LANGUAGES)
    {
      g_warning ("More than %d languages have labels; “%s” is ignored", KD_LABELS_MAX_LANGUAGES, tag);
      return G_MAXUINT;
    }
  g_ptr_array_add (self->tags, g_strdup (tag));
  return self->tags->len - 1;
}

static void
line_pattern_free (gpointer data)
{
  LinePattern *pattern = data;

  g_free (pattern->prefix);
  g_strfreev (pattern->literals);
  g_free (pattern->literal_lengths);
  g_free (pattern->marker_captures);
  g_clear_pointer (&pattern->regex, g_regex_unref);
  g_free (pattern);
}

static void
language_free (gpointer data)
{
  Language *language = data;

  g_free (language->tag);
  g_free (language->codepage);
  g_free (language);
}

/* "Activating %PRODUCTNAME% (%PRODUCTID%) ..." in pieces: the literals
 * around the markers, and the markers' names in lower case.  A "%%" or a
 * lone "%" makes the rest of the template literal. */
static void
split_template (LinePattern *pattern,
                const char  *template,
                GPtrArray   *names)
{
  g_autoptr(GPtrArray) literals = g_ptr_array_new ();
  const char *p = template;

  for (;;)
    {
      const char *start = strchr (p, '%');
      const char *end = start != NULL ? strchr (start + 1, '%') : NULL;

      if (start == NULL || end == NULL || end == start + 1)
        {
          g_ptr_array_add (literals, g_strdup (p));
          break;
        }
      g_ptr_array_add (literals, g_strndup (p, start - p));
      g_ptr_array_add (names, g_ascii_strdown (start + 1, end - start - 1));
      /* A marker that ends the line takes all of it, full stop included
       * ("Error: 0x%ERRCODE% %TEXT%"). */
      if (end[1] == '\0')
        {
          g_ptr_array_add (literals, g_strdup (""));
          pattern->ends_with_marker = TRUE;
          break;
        }
      p = end + 1;
    }

  pattern->n_markers = names->len;
  pattern->literal_lengths = g_new (gsize, literals->len);
  for (guint i = 0; i < literals->len; i++)
    pattern->literal_lengths[i] = strlen (g_ptr_array_index (literals, i));
  g_ptr_array_add (literals, NULL);
  pattern->literals = (char **) g_ptr_array_free (g_steal_pointer (&literals), FALSE);
}

/* A literal of a template as a regular expression that takes what
 * consoles and people do to it outside ASCII: spaces left out or doubled,
 * full-width parentheses, colons and commas ("正在激活Windows（R)，…").  A
 * trailing " ..." may be a single full stop or missing, when the next
 * message was glued to it. */
static void
append_loose_literal (GString    *regex,
                      const char *literal,
                      gboolean    at_end)
{
  gsize length = strlen (literal);
  gsize dots = 0;

  /* the run of spaces and dots that ends a template (") ...") */
  while (at_end && dots < length && (literal[length - dots - 1] == '.' || literal[length - dots - 1] == ' '))
    dots++;
  if (dots > 0 && memchr (literal + length - dots, '.', dots) == NULL)
    dots = 0;

  for (const char *c = literal; c < literal + length - dots; c++)
    switch (*c)
      {
      case ' ':
        while (c[1] == ' ')
          c++;
        g_string_append (regex, "\\s*");
        break;
      case '(':
        g_string_append (regex, "[(（]");
        break;
      case ')':
        g_string_append (regex, "[)）]");
        break;
      case ':':
        g_string_append (regex, "[:：]");
        break;
      case ',':
        g_string_append (regex, "[,，]");
        break;
      default:
        if (strchr ("\\^$.|?*+[]{}", *c) != NULL)
          g_string_append_c (regex, '\\');
        g_string_append_c (regex, *c);
      }
  if (dots > 0)
    g_string_append (regex, "(?:\\s*[.。…]+)?");
}

/* What each marker may hold: a code is hex digits, so that the message
 * may follow it without a space ("0xC004F074软件授权服务报告…"); an ID has
 * no parentheses, so that a name with some ("Windows（R)") ends where the
 * ID's begin. */
static const char *
marker_regex (const char *name)
{
  if (g_str_equal (name, capture_names[KD_MARKER_ERROR_CODE]))
    return "[0-9A-Fa-f]{1,8}";
  if (g_str_equal (name, capture_names[KD_MARKER_PRODUCT_ID]) ||
      g_str_equal (name, capture_names[KD_MARKER_ACTIVATION_ID]))
    return "[^()（）]*?";
  return ".*?";
}

static char *
regex_from_pieces (const LinePattern *pattern,
                   GPtrArray         *names)
{
  g_autoptr(GString) regex = g_string_new ("^");

  for (guint i = 0; i <= pattern->n_markers; i++)
    {
      append_loose_literal (regex, pattern->literals[i], i == pattern->n_markers);
      if (i < pattern->n_markers)
        {
          const char *name = g_ptr_array_index (names, i);

          g_string_append_printf (regex, "(?<%s>%s)", name, marker_regex (name));
        }
    }
  /* Whatever spacing and, unless a marker ends the template, a final
   * colon or full stop, as in the hash. */
  g_string_append (regex, pattern->ends_with_marker ? "\\s*$" : "\\s*[:：.。]?\\s*$");
  return g_string_free_and_steal (g_steal_pointer (&regex));
}

static void
add_strings (JsonObject *by_language,
             void      (*add) (KdLabels *, const char *, const char *, const char *, gpointer),
             KdLabels   *self,
             const char *key,
             gpointer    user_data)
{
  JsonObjectIter iter;
  const char *language;
  JsonNode *node;

  json_object_iter_init (&iter, by_language);
  while (json_object_iter_next (&iter, &language, &node))
    {
      JsonArray *texts;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        continue;
      texts = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (texts); i++)
        {
          const char *text = json_array_get_string_element (texts, i);
          if (text != NULL && *text != '\0')
            add (self, key, language, text, user_data);
        }
    }
}

static void
add_field_label (KdLabels   *self,
                 const char *key,
                 const char *language,
                 const char *text,
                 gpointer    user_data)
{
  const KdLabelField *field = user_data;
  char buffer[MAX_FOLDED];
  Folded folded;
  KdLabelField *entry;
  guint number = language_number (self, language);

  fold (text, strlen (text), buffer, &folded);
  entry = (KdLabelField *) text_table_lookup (&self->fields, &folded);
  if (entry == NULL)
    {
      entry = g_memdup2 (field, sizeof *field);
      g_ptr_array_add (self->entries, entry);
      text_table_insert (&self->fields, self->texts, &folded, entry, FALSE);
    }
  else if (entry->key != field->key)
    {
      /* Two fields with the same words (ospp's "LICENSE STATUS" and slmgr's
       * "License Status"): the first one read keeps them. */
      g_debug ("Label “%s” means %s and %s", text, entry->key, field->key);
      return;
    }

  if (number != G_MAXUINT)
    entry->languages |= G_GUINT64_CONSTANT (1) << number;
  as_printed (text, strlen (text), &folded);
  text_table_insert (&self->printed_fields, self->texts, &folded, entry, TRUE);
}

/* The bytes of @text before its first space or punctuation mark, ASCII
 * or full-width. */
static gsize
first_word_length (const char *text,
                   gsize       length)
{
  static const char * const fullwidth[] = { "：", "（", "，", "。" };

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == ' ' || text[i] == ':' || text[i] == '(' || text[i] == ',')
        return i;
      for (guint f = 0; f < G_N_ELEMENTS (fullwidth); f++)
        if (length - i >= 3 && memcmp (text + i, fullwidth[f], 3) == 0)
          return i;
    }
  return length;
}

/* The start of an /ato error line in every language ("Error: 0x",
 * "错误: 0x"), as one expression, to find such a line glued to the end of
 * another: CJK consoles and chat tools join them ("…(<id>)。错误：0x…"). */
static void
compile_embedded_error (KdLabels *self)
{
  g_autoptr(GString) regex = g_string_new ("(?:");
  g_autoptr(GError) error = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < self->patterns->len; i++)
    {
      LinePattern *pattern = g_ptr_array_index (self->patterns, i);

      if (pattern->line.key != g_intern_static_string ("error_code") || pattern->n_markers == 0 ||
          pattern->marker_captures[0] != KD_MARKER_ERROR_CODE || pattern->literal_lengths[0] == 0)
        continue;
      if (any)
        g_string_append_c (regex, '|');
      append_loose_literal (regex, pattern->literals[0], FALSE);
      any = TRUE;
    }
  g_string_append (regex, ")[0-9A-Fa-f]");
  if (any)
    self->embedded_error = kd_regex_new_shared (regex->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
  if (any && self->embedded_error == NULL)
    g_warning ("Bad expression for glued error lines: %s", error->message);
}

static void
add_line (KdLabels   *self,
          const char *key,
          const char *language,
          const char *text,
          gpointer    user_data)
{
  char buffer[MAX_FOLDED];
  Folded folded;
  KdLabelLine line = { g_intern_string (key), language_number (self, language) };

  if (line.language == G_MAXUINT)
    return;

  if (strchr (text, '%') != NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *regex = NULL;
      g_autoptr(GError) error = NULL;
      LinePattern *pattern = g_new0 (LinePattern, 1);

      pattern->line = line;
      split_template (pattern, text, names);
      pattern->marker_captures = g_new (int, names->len + 1);
      for (guint m = 0; m < names->len; m++)
        {
          pattern->marker_captures[m] = -1;
          for (guint c = 0; c < KD_N_MARKERS; c++)
            if (g_str_equal (g_ptr_array_index (names, m), capture_names[c]))
              pattern->marker_captures[m] = c;
        }
      regex = regex_from_pieces (pattern, names);
      fold (text, strchr (text, '%') - text, buffer, &folded);
      /* Outside ASCII, only the first word must be there as such: the
       * spacing and punctuation after it vary (append_loose_literal ()).
       * ASCII lines are matched exactly, from a longer start. */
      pattern->prefix_length = kd_text_is_plain (text, -1) ? folded.length
                                                           : first_word_length (folded.text, folded.length);
      pattern->prefix = g_strndup (folded.text, pattern->prefix_length);
      pattern->regex = kd_regex_new_shared (regex, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
      if (pattern->regex == NULL)
        {
          g_warning ("Bad line template “%s”: %s", text, error->message);
          line_pattern_free (pattern);
          return;
        }
      for (guint c = 0; c < KD_N_MARKERS; c++)
        pattern->groups[c] = g_regex_get_string_number (pattern->regex, capture_names[c]);
      g_ptr_array_add (self->patterns, pattern);
      if (pattern->prefix_length == 0)
        g_ptr_array_add (self->patterns_anywhere, pattern);
      else
        {
          gpointer start = GUINT_TO_POINTER (g_utf8_get_char (pattern->prefix));
          GPtrArray *bucket = g_hash_table_lookup (self->patterns_by_start, start);

          if (bucket == NULL)
            {
              bucket = g_ptr_array_new ();
              g_hash_table_insert (self->patterns_by_start, start, bucket);
            }
          g_ptr_array_add (bucket, pattern);
        }
    }
  else
    {
      KdLabelLine *entry = g_memdup2 (&line, sizeof line);

      g_ptr_array_add (self->entries, entry);
      fold (text, strlen (text), buffer, &folded);
      text_table_insert (&self->lines, self->texts, &folded, entry, TRUE);
      as_printed (text, strlen (text), &folded);
      text_table_insert (&self->printed_lines, self->texts, &folded, entry, TRUE);
    }
}

static void
add_value (KdLabels   *self,
           const char *canonical,
           const char *language,
           const char *text,
           gpointer    user_data)
{
  TextTable *table = user_data;
  const char *value = g_intern_string (canonical);
  char buffer[MAX_FOLDED];
  Folded folded;

  /* as printed first, then folded */
  as_printed (text, strlen (text), &folded);
  text_table_insert (table, self->texts, &folded, value, TRUE);
  fold (text, strlen (text), buffer, &folded);
  text_table_insert (table, self->texts, &folded, value, TRUE);
}

void
kd_labels_free (KdLabels *self)
{
  if (self == NULL)
    return;

  text_table_clear (&self->printed_fields);
  text_table_clear (&self->printed_lines);
  text_table_clear (&self->fields);
  text_table_clear (&self->lines);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_string_chunk_free);
  g_clear_pointer (&self->patterns_by_start, g_hash_table_unref);
  g_clear_pointer (&self->patterns_anywhere, g_ptr_array_unref);
  g_clear_pointer (&self->embedded_error, g_regex_unref);
  g_clear_pointer (&self->patterns, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->lcids, g_hash_table_unref);
  g_clear_pointer (&self->codepages, g_hash_table_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_free (self);
}

/**
 * kd_labels_new_from_data:
 * @json: the contents of slmgr-labels.json
 * @length: its length
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the tables
 */
KdLabels *
kd_labels_new_from_data (const char  *json,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(KdLabels) self = g_new0 (KdLabels, 1);
  JsonObject *root;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, json, length, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "slmgr-labels.json is not an object");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  self->texts = g_string_chunk_new (16 * 1024);
  self->entries = g_ptr_array_new_with_free_func (g_free);
  text_table_init (&self->fields);
  text_table_init (&self->lines);
  text_table_init (&self->printed_fields);
  text_table_init (&self->printed_lines);
  self->patterns = g_ptr_array_new_with_free_func (line_pattern_free);
  self->patterns_by_start = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->patterns_anywhere = g_ptr_array_new ();
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, text_table_free);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->lcids = g_hash_table_new (NULL, NULL);
  self->codepages = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->languages = g_ptr_array_new_with_free_func (language_free);

  array = json_object_get_array_member (root, "languages");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      Language *language = g_new0 (Language, 1);
      JsonArray *lcids = json_object_get_array_member (obj, "lcids");

      language->tag = g_strdup (json_object_get_string_member (obj, "tag"));
      language->codepage = g_strdup (json_object_get_string_member_with_default (obj, "oem_codepage", NULL));
      language->labels_known = json_object_get_boolean_member_with_default (obj, "labels_known", TRUE);
      g_ptr_array_add (self->languages, language);
      language_number (self, language->tag);
      for (guint j = 0; lcids != NULL && j < json_array_get_length (lcids); j++)
        g_hash_table_insert (self->lcids, GUINT_TO_POINTER ((guint) json_array_get_int_element (lcids, j)), language);

      /* en-GB and en-US share a table but not a code page (CP850 / CP437). */
      if (json_object_has_member (obj, "oem_codepage_by_lcid"))
        {
          JsonObjectIter iter;
          const char *lcid;
          JsonNode *node;

          json_object_iter_init (&iter, json_object_get_object_member (obj, "oem_codepage_by_lcid"));
          while (json_object_iter_next (&iter, &lcid, &node))
            if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
              g_hash_table_insert (self->codepages, GUINT_TO_POINTER ((guint) g_ascii_strtoull (lcid, NULL, 10)),
                                   g_strdup (json_node_get_string (node)));
        }
    }

  array = json_object_get_array_member (root, "fields");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      KdLabelField field = { 0 };

      field.key = g_intern_string (json_object_get_string_member (obj, "key"));
      field.document = g_strcmp0 (json_object_get_string_member_with_default (obj, "scope", NULL), "document") == 0;
      add_strings (json_object_get_object_member (obj, "labels"), add_field_label, self, field.key, &field);
    }

  array = json_object_get_array_member (root, "lines");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      add_strings (json_object_get_object_member (obj, "text"), add_line, self,
                   json_object_get_string_member (obj, "key"), NULL);
    }
  compile_embedded_error (self);

  if (json_object_has_member (root, "values"))
    {
      JsonObjectIter iter;
      const char *table;
      JsonNode *node;

      json_object_iter_init (&iter, json_object_get_object_member (root, "values"));
      while (json_object_iter_next (&iter, &table, &node))
        {
          JsonArray *entries = json_node_get_array (node);
          TextTable *values = text_table_new ();

          g_hash_table_insert (self->values, g_strdup (table), values);
          for (guint i = 0; i < json_array_get_length (entries); i++)
            {
              JsonObject *obj = json_array_get_object_element (entries, i);
              add_strings (json_object_get_object_member (obj, "text"), add_value, self,
                           json_object_get_string_member (obj, "value"), values);
            }
        }
    }

  return g_steal_pointer (&self);
}

/**
 * kd_labels_get_default:
 *
 * Returns: (transfer none): the tables compiled into the program
 */
KdLabels *
kd_labels_get_default (void)
{
  static KdLabels *labels;

  if (g_once_init_enter_pointer (&labels))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resource_lookup_data (kd_core_get_resource (),
                                                        "/io/github/kmsdoctor/KmsDoctor/slmgr-labels.json",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      KdLabels *self = NULL;

      if (bytes != NULL)
        self = kd_labels_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      if (self == NULL)
        g_error ("Cannot load the slmgr label tables: %s", error->message);

      g_once_init_leave_pointer (&labels, self);
    }

  return labels;
}

/**
 * kd_labels_lookup_field:
 * @self: the tables
 * @label: the text before the colon, not necessarily NUL-terminated
 * @length: its length in bytes, or -1 if it is NUL-terminated
 *
 * Returns: (nullable): the field, or %NULL if no table has @label
 */
const KdLabelField *
kd_labels_lookup_field (KdLabels   *self,
                        const char *label,
                        gssize      length)
{
  char buffer[MAX_FOLDED];
  Folded folded;
  const KdLabelField *found;
  gsize n = length < 0 ? strlen (label) : (gsize) length;

  /* "Nom :" */
  while (n > 0 && label[n - 1] == ' ')
    n--;
  as_printed (label, n, &folded);
  if ((found = text_table_lookup (&self->printed_fields, &folded)) != NULL)
    return found;
  fold (label, n, buffer, &folded);
  return folded.complete ? text_table_lookup (&self->fields, &folded) : NULL;
}

/* Levenshtein distance between @a and @b, or @bound + 1 once it is
 * certain to be above @bound. */
static guint
distance_within (const char *a,
                 gsize       na,
                 const char *b,
                 gsize       nb,
                 guint       bound)
{
  guint row[MAX_FOLDED + 1];

  if (na > MAX_FOLDED || nb > MAX_FOLDED || (na > nb ? na - nb : nb - na) > bound)
    return bound + 1;
  for (gsize j = 0; j <= nb; j++)
    row[j] = j;
  for (gsize i = 1; i <= na; i++)
    {
      guint diagonal = row[0], smallest;

      row[0] = i;
      smallest = row[0];
      for (gsize j = 1; j <= nb; j++)
        {
          guint above = row[j];
          guint cost = diagonal + (a[i - 1] != b[j - 1]);

          cost = MIN (cost, above + 1);
          cost = MIN (cost, row[j - 1] + 1);
          row[j] = cost;
          diagonal = above;
          smallest = MIN (smallest, cost);
        }
      if (smallest > bound)
        return bound + 1;
    }
  return row[nb];
}

/**
 * kd_labels_lookup_field_near:
 * @self: the tables
 * @label: a label that no table has as such, ASCII
 * @length: its length in bytes
 * @out_distance: (out): how many characters differ
 *
 * A label read from a photo or a scan may have a character or two
 * misread ("Remaining SKIJ rearm count", "Partial Product Kev", l for
 * I, 0 for O, rn for m).  Only labels of eight characters or more are
 * tried, within two edits (one below twelve characters), and only a
 * label that is nearer than any label of another field is taken.
 *
 * Returns: (nullable): the field whose label @label most likely is
 */
const KdLabelField *
kd_labels_lookup_field_near (KdLabels   *self,
                             const char *label,
                             gsize       length,
                             guint      *out_distance)
{
  char buffer[MAX_FOLDED];
  Folded folded;
  const KdLabelField *best = NULL;
  guint best_distance, bound;
  gboolean tied = FALSE;

  while (length > 0 && label[length - 1] == ' ')
    length--;
  fold (label, length, buffer, &folded);
  if (!folded.complete || folded.length < 8 || !kd_text_is_plain (folded.text, folded.length))
    return NULL;
  bound = folded.length < 12 ? 1 : 2;
  best_distance = bound + 1;

  for (guint i = 0; i <= self->fields.mask; i++)
    {
      const Slot *slot = &self->fields.slots[i];
      guint d;

      if (slot->text == NULL)
        continue;
      d = distance_within (folded.text, folded.length, slot->text, slot->length, best_distance);
      if (d > bound)
        continue;
      if (d < best_distance)
        {
          best = slot->value;
          best_distance = d;
          tied = FALSE;
        }
      else if (d == best_distance && ((const KdLabelField *) slot->value)->key != best->key)
        tied = TRUE;
    }

  if (best == NULL || tied || best_distance == 0)
    return NULL;
  *out_distance = best_distance;
  return best;
}

static void
set_capture (KdLabelCaptures *out,
             int              capture,
             const char      *start,
             const char      *end)
{
  if (capture < 0 || end <= start)
    return;
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  out->spans[capture].start = start;
  out->spans[capture].length = end - start;
}

static gboolean
is_tab_or_space (char c)
{
  return c == ' ' || c == '\t';
}

/* Where the end of the line that the end of a template matches (white
 * space, and a colon or full stop unless a marker ends it) starts: the
 * first position from @s on. */
static const char *
tail_start (const LinePattern *pattern,
            const char        *s,
            const char        *end)
{
  const char *t = end;

  while (t > s && is_tab_or_space (t[-1]))
    t--;
  if (!pattern->ends_with_marker && t > s && (t[-1] == ':' || t[-1] == '.'))
    for (t--; t > s && is_tab_or_space (t[-1]); t--)
      ;
  return t;
}

/* g_ascii_tolower() is not inline, and this runs for every character a
 * template is tried at. */
static inline char
lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static gboolean
literal_at (const char *s,
            const char *literal,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (lower (s[i]) != lower (literal[i]))
      return FALSE;
  return TRUE;
}

/* The pieces from @piece on match @s to @end.  Each marker takes as
 * little as it can, as the regular expression's lazy groups do. */
static gboolean
match_pieces (const LinePattern *pattern,
              guint              piece,
              const char        *s,
              const char        *end,
              KdLabelCaptures   *out)
{
  gsize n = pattern->literal_lengths[piece];
  const char *next;
  gsize next_length;

  if ((gsize) (end - s) < n || !literal_at (s, pattern->literals[piece], n))
    return FALSE;
  s += n;

  if (piece == pattern->n_markers)
    return tail_start (pattern, s, end) == s;

  next = pattern->literals[piece + 1];
  next_length = pattern->literal_lengths[piece + 1];
  if (piece + 1 == pattern->n_markers && next_length == 0)
    {
      /* the last marker, and nothing after it but the end */
      if (out != NULL)
        set_capture (out, pattern->marker_captures[piece], s, tail_start (pattern, s, end));
      return TRUE;
    }

  for (const char *stop = s; stop <= end; stop++)
    if ((next_length == 0 || (stop < end && lower (*stop) == lower (next[0]))) &&
        match_pieces (pattern, piece + 1, stop, end, out))
      {
        if (out != NULL)
          set_capture (out, pattern->marker_captures[piece], s, stop);
        return TRUE;
      }
  return FALSE;
}

static gboolean
match_regex (const LinePattern *pattern,
             const char        *line,
             gsize              length,
             KdLabelCaptures   *out)
{
  g_autoptr(GMatchInfo) info = NULL;

  if (!g_regex_match_full (pattern->regex, line, length, 0, 0, &info, NULL))
    return FALSE;
  for (guint c = 0; out != NULL && c < KD_N_MARKERS; c++)
    {
      int start, end;

      if (pattern->groups[c] >= 0 && g_match_info_fetch_pos (info, pattern->groups[c], &start, &end) && start >= 0)
        set_capture (out, c, line + start, line + end);
    }
  return TRUE;
}

static const KdLabelLine *
match_patterns (GPtrArray       *patterns,
                const Folded    *folded,
                const char      *line,
                gsize            length,
                KdLabelCaptures *out_captures)
{
  int plain = -1;   /* not known yet */

  for (guint i = 0; patterns != NULL && i < patterns->len; i++)
    {
      LinePattern *pattern = g_ptr_array_index (patterns, i);

      if (folded->length < pattern->prefix_length ||
          memcmp (folded->text, pattern->prefix, pattern->prefix_length) != 0)
        continue;
      if (plain < 0)
        plain = kd_text_is_plain (line, length);
      if (plain ? match_pieces (pattern, 0, line, line + length, out_captures)
                : match_regex (pattern, line, length, out_captures))
        return &pattern->line;
    }
  return NULL;
}
/**
 * kd_labels_match_line:
 * @self: the tables
 * @line: a whole line, trimmed, not necessarily NUL-terminated
 * @length: its length in bytes
 * @out_captures: (out) (optional): what the markers of the line's
 *   template matched
 *
 * Returns: (nullable): the line's key and language
 */
const KdLabelLine *
kd_labels_match_line (KdLabels        *self,
                      const char      *line,
                      gsize            length,
                      KdLabelCaptures *out_captures)
{
  char buffer[MAX_FOLDED];
  Folded folded;
  const KdLabelLine *found;

  if (out_captures != NULL)
    memset (out_captures, 0, sizeof *out_captures);

  as_printed (line, length, &folded);
  if ((found = text_table_lookup (&self->printed_lines, &folded)) != NULL)
    return found;
  fold (line, length, buffer, &folded);
  if (folded.complete && (found = text_table_lookup (&self->lines, &folded)) != NULL)
    return found;
  if (folded.length == 0)
    return NULL;

  found = match_patterns (g_hash_table_lookup (self->patterns_by_start, GUINT_TO_POINTER (g_utf8_get_char (folded.text))),
                          &folded, line, length, out_captures);
  if (found == NULL)
    found = match_patterns (self->patterns_anywhere, &folded, line, length, out_captures);
  return found;
}

/**
 * kd_labels_starts_line:
 * @self: the tables
 * @key: the key of a line template ("activating")
 * @line: a line
 * @length: its length in bytes
 *
 * Returns: whether @line begins as a template of @key does, in any
 *   language: the start of a line the rest of which may follow on the
 *   next one
 */
gboolean
kd_labels_starts_line (KdLabels   *self,
                       const char *key,
                       const char *line,
                       gsize       length)
{
  char buffer[MAX_FOLDED];
  Folded folded;

  GPtrArray *bucket;

  if (length == 0)
    return FALSE;
  /* only the templates that start with the line's first character */
  bucket = g_hash_table_lookup (self->patterns_by_start, GUINT_TO_POINTER (g_unichar_tolower (g_utf8_get_char_validated (line, length))));
  if (bucket == NULL)
    return FALSE;
  fold (line, MIN (length, (gsize) MAX_FOLDED / 2), buffer, &folded);
  for (guint i = 0; i < bucket->len; i++)
    {
      LinePattern *pattern = g_ptr_array_index (bucket, i);

      if (pattern->line.key == key && folded.length >= pattern->prefix_length &&
          memcmp (folded.text, pattern->prefix, pattern->prefix_length) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * kd_labels_find_glued_error:
 * @self: the tables
 * @line: a line that matched nothing whole
 * @length: its length in bytes
 *
 * Returns: where an /ato error line ("错误：0xC004F074…") starts inside
 *   @line, after something else, or -1
 */
gssize
kd_labels_find_glued_error (KdLabels   *self,
                            const char *line,
                            gsize       length)
{
  g_autoptr(GMatchInfo) info = NULL;
  int start, end;

  /* every error it looks for has a code: "0x" first, cheaply */
  if (self->embedded_error == NULL || length < 2 ||
      (g_strstr_len (line, length, "0x") == NULL && g_strstr_len (line, length, "0X") == NULL) ||
      !g_regex_match_full (self->embedded_error, line, length, 1, 0, &info, NULL) ||
      !g_match_info_fetch_pos (info, 0, &start, &end) || start <= 0)
    return -1;
  return start;
}

/**
 * kd_labels_lookup_value:
 * @self: the tables
 * @table: "license_status", "kms_priority", …
 * @text: a value as printed
 *
 * Returns: (nullable): the canonical value
 */
const char *
kd_labels_lookup_value (KdLabels   *self,
                        const char *table,
                        const char *text)
{
  TextTable *values = g_hash_table_lookup (self->values, table);
  char buffer[MAX_FOLDED];
  Folded folded;
  const char *found;
  gsize length = strlen (text);

  if (values == NULL)
    return NULL;
  as_printed (text, length, &folded);
  if ((found = text_table_lookup (values, &folded)) != NULL)
    return found;
  fold (text, length, buffer, &folded);
  return folded.complete ? text_table_lookup (values, &folded) : NULL;
}

/**
 * kd_labels_language_tag:
 * @self: the tables
 * @language: a language number, as in #KdLabelField and #KdLabelLine
 *
 * Returns: the BCP 47 tag of the language
 */
const char *
kd_labels_language_tag (KdLabels *self,
                        guint     language)
{
  g_return_val_if_fail (language < self->tags->len, NULL);
  return g_ptr_array_index (self->tags, language);
}

guint
kd_labels_n_languages (KdLabels *self)
{
  return self->tags->len;
}

const char *
kd_labels_language_for_lcid (KdLabels *self,
                             guint     lcid)
{
  Language *language = g_hash_table_lookup (self->lcids, GUINT_TO_POINTER (lcid));

  return language != NULL ? language->tag : NULL;
}

const char *
kd_labels_codepage_for_lcid (KdLabels *self,
                             guint     lcid)
{
  Language *language = g_hash_table_lookup (self->lcids, GUINT_TO_POINTER (lcid));
  const char *codepage = g_hash_table_lookup (self->codepages, GUINT_TO_POINTER (lcid));

  if (codepage != NULL)
    return codepage;
  return language != NULL ? language->codepage : NULL;
}

/**
 * kd_labels_codepage_for_lcid_default:
 * @lcid: a Windows locale
 *
 * kd_labels_codepage_for_lcid() on the default tables, in the shape
 * kd_text_decode() takes.
 *
 * Returns: (nullable): the OEM code page of @lcid
 */
const char *
kd_labels_codepage_for_lcid_default (guint lcid)
{
  return kd_labels_codepage_for_lcid (kd_labels_get_default (), lcid);
}

gboolean
kd_labels_language_has_table (KdLabels   *self,
                              const char *tag)
{
  for (guint i = 0; i < self->languages->len; i++)
    {
      Language *language = g_ptr_array_index (self->languages, i);

      if (g_str_equal (language->tag, tag))
        return language->labels_known;
    }
  return FALSE;
}
