/* kd-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-labels.h"
#include "kd-resources.h"

/* Field labels are found with one hash lookup on the folded label, so
 * that a million-line capture costs a million lookups.  Whole lines
 * without %FIELD% markers are a hash too; only the few lines with
 * markers ("Activating %PRODUCTNAME% (%PRODUCTID%) ...") are regular
 * expressions. */

typedef struct
{
  char *key;
  char *scope;
} FieldEntry;

/* One label text: the field it names, and the languages whose tables
 * have exactly this text (so that "Name" votes for English only). */
typedef struct
{
  KdLabelField view;
  GPtrArray *languages;   /* char *, NULL-terminated */
} LabelEntry;

typedef struct
{
  char *key;
  char *language;
  char *prefix;     /* folded text before the first %MARKER%: checked before the regex */
  GRegex *regex;
} LinePattern;

typedef struct
{
  char *key;
  char *language;
} LineEntry;

typedef struct
{
  char *tag;
  char *codepage;
  gboolean labels_known;
} Language;

struct _KdLabels
{
  GHashTable *fields;         /* folded label -> LabelEntry (owned) */
  GPtrArray *field_list;      /* FieldEntry */
  GHashTable *lines;          /* folded line -> LineEntry */
  GPtrArray *patterns;        /* LinePattern */
  GHashTable *values;         /* "table\x1ffolded text" -> canonical (owned) */
  GHashTable *lcids;          /* lcid -> Language */
  GHashTable *codepages;      /* lcid -> code page, where it differs from its language's */
  GPtrArray *languages;       /* Language */
};

static void
field_entry_free (gpointer data)
{
  FieldEntry *entry = data;

  g_free (entry->key);
  g_free (entry->scope);
  g_free (entry);
}

static void
label_entry_free (gpointer data)
{
  LabelEntry *entry = data;

  g_ptr_array_unref (entry->languages);
  g_free (entry);
}

static void
line_entry_free (gpointer data)
{
  LineEntry *entry = data;

  g_free (entry->key);
  g_free (entry->language);
  g_free (entry);
}

static void
line_pattern_free (gpointer data)
{
  LinePattern *pattern = data;

  g_free (pattern->key);
  g_free (pattern->language);
  g_free (pattern->prefix);
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

/**
 * kd_labels_fold:
 * @text: a label or a line
 *
 * Case-folded, with runs of white space made one space, outer white space
 * and one trailing colon (ASCII or full-width) or full stop removed: the
 * form labels are compared in.
 *
 * Returns: (transfer full): the folded text
 */
static char *
fold_ascii (const char *text)
{
  gsize n = strlen (text);
  char *out = g_malloc (n + 1);
  gsize j = 0;
  gboolean space = FALSE;

  for (gsize i = 0; i < n; i++)
    {
      char c = text[i];

      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f')
        {
          space = j > 0;
          continue;
        }
      if (space)
        out[j++] = ' ';
      space = FALSE;
      out[j++] = g_ascii_tolower (c);
    }

  /* one trailing colon or full stop, and the spaces before it */
  if (j > 0 && (out[j - 1] == ':' || out[j - 1] == '.'))
    {
      j--;
      while (j > 0 && out[j - 1] == ' ')
        j--;
    }
  out[j] = '\0';
  return out;
}

char *
kd_labels_fold (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  /* Most labels are ASCII: no Unicode case folding needed. */
  {
    const char *p = text;
    while (*p && !(*p & 0x80))
      p++;
    if (*p == '\0')
      return fold_ascii (text);
  }

  folded = g_utf8_casefold (text, -1);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  /* "Most recent activation information:" and "…this machine." */
  while (out->len > 0)
    {
      const char *end = out->str + out->len;
      const char *prev = g_utf8_find_prev_char (out->str, end);
      gunichar c = g_utf8_get_char (prev);

      if (c == ':' || c == 0xFF1A || c == '.' || c == 0x3002)
        g_string_truncate (out, prev - out->str);
      else
        break;
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      break;
    }

  return g_string_free (out, FALSE);
}

static char *
pattern_from_template (const char *template)
{
  g_autoptr(GString) regex = g_string_new ("^");
  const char *p = template;

  while (*p)
    {
      const char *start = strchr (p, '%');
      const char *end = start != NULL ? strchr (start + 1, '%') : NULL;

      if (start == NULL || end == NULL || end == start + 1)
        {
          g_autofree char *literal = g_regex_escape_string (p, -1);
          g_string_append (regex, literal);
          break;
        }

      {
        g_autofree char *literal = g_regex_escape_string (p, start - p);
        g_autofree char *name = g_ascii_strdown (start + 1, end - start - 1);

        g_string_append (regex, literal);
        /* A %FIELD% marker that ends the line takes all of it, full stop
         * included ("Error: 0x%ERRCODE% %TEXT%"). */
        if (end[1] == '\0')
          {
            g_string_append_printf (regex, "(?<%s>.*?)\\s*$", name);
            return g_string_free_and_steal (g_steal_pointer (&regex));
          }
        g_string_append_printf (regex, "(?<%s>.*?)", name);
      }
      p = end + 1;
    }

  /* Whatever spacing and a final colon or full stop, as in the hash. */
  g_string_append (regex, "\\s*[:：.。]?\\s*$");
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
  FieldEntry *field = user_data;
  g_autofree char *folded = kd_labels_fold (text);
  LabelEntry *entry = g_hash_table_lookup (self->fields, folded);

  if (entry == NULL)
    {
      entry = g_new0 (LabelEntry, 1);
      entry->view.key = field->key;
      entry->view.scope = field->scope;
      entry->languages = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (entry->languages, NULL);
      g_hash_table_insert (self->fields, g_steal_pointer (&folded), entry);
    }
  else if (!g_str_equal (entry->view.key, field->key))
    {
      /* Two fields with the same words (ospp's "LICENSE STATUS" and slmgr's
       * "License Status"): the first one read keeps them. */
      g_debug ("Label “%s” means %s and %s", text, entry->view.key, field->key);
      return;
    }

  for (guint i = 0; i + 1 < entry->languages->len; i++)
    if (g_str_equal (g_ptr_array_index (entry->languages, i), language))
      return;
  g_ptr_array_insert (entry->languages, entry->languages->len - 1, g_strdup (language));
  entry->view.languages = (const char * const *) entry->languages->pdata;
}

static void
add_line (KdLabels   *self,
          const char *key,
          const char *language,
          const char *text,
          gpointer    user_data)
{
  if (strchr (text, '%') != NULL)
    {
      g_autofree char *regex = pattern_from_template (text);
      g_autoptr(GError) error = NULL;
      LinePattern *pattern = g_new0 (LinePattern, 1);

      pattern->key = g_strdup (key);
      pattern->language = g_strdup (language);
      {
        g_autofree char *literal = g_strndup (text, strchr (text, '%') - text);
        pattern->prefix = kd_labels_fold (literal);
      }
      pattern->regex = g_regex_new (regex, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
      if (pattern->regex == NULL)
        {
          g_warning ("Bad line template “%s”: %s", text, error->message);
          line_pattern_free (pattern);
          return;
        }
      g_ptr_array_add (self->patterns, pattern);
    }
  else
    {
      LineEntry *entry = g_new0 (LineEntry, 1);

      entry->key = g_strdup (key);
      entry->language = g_strdup (language);
      g_hash_table_insert (self->lines, kd_labels_fold (text), entry);
    }
}

static void
add_value (KdLabels   *self,
           const char *canonical,
           const char *language,
           const char *text,
           gpointer    user_data)
{
  const char *table = user_data;
  g_autofree char *folded = kd_labels_fold (text);

  g_hash_table_insert (self->values, g_strdup_printf ("%s\x1f%s", table, folded), g_strdup (canonical));
}

void
kd_labels_free (KdLabels *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->field_list, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_clear_pointer (&self->patterns, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);
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

  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, label_entry_free);
  self->field_list = g_ptr_array_new_with_free_func (field_entry_free);
  self->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, line_entry_free);
  self->patterns = g_ptr_array_new_with_free_func (line_pattern_free);
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
      FieldEntry *entry = g_new0 (FieldEntry, 1);

      entry->key = g_strdup (json_object_get_string_member (obj, "key"));
      entry->scope = g_strdup (json_object_get_string_member_with_default (obj, "scope", "product"));
      g_ptr_array_add (self->field_list, entry);
      add_strings (json_object_get_object_member (obj, "labels"), add_field_label, self, entry->key, entry);
    }

  array = json_object_get_array_member (root, "lines");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      add_strings (json_object_get_object_member (obj, "text"), add_line, self,
                   json_object_get_string_member (obj, "key"), NULL);
    }

  if (json_object_has_member (root, "values"))
    {
      JsonObjectIter iter;
      const char *table;
      JsonNode *node;

      json_object_iter_init (&iter, json_object_get_object_member (root, "values"));
      while (json_object_iter_next (&iter, &table, &node))
        {
          JsonArray *entries = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (entries); i++)
            {
              JsonObject *obj = json_array_get_object_element (entries, i);
              add_strings (json_object_get_object_member (obj, "text"), add_value, self,
                           json_object_get_string_member (obj, "value"), (gpointer) table);
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
 * kd_labels_lookup_field_range:
 * @self: the tables
 * @label: the start of a label, not necessarily NUL-terminated
 * @length: its length in bytes
 *
 * As kd_labels_lookup_field(), without allocating for the usual short
 * ASCII label: this runs once per line.
 *
 * Returns: (nullable): the field
 */
const KdLabelField *
kd_labels_lookup_field_range (KdLabels   *self,
                              const char *label,
                              gsize       length)
{
  char buffer[256];
  gsize j = 0;
  gboolean space = FALSE;
  LabelEntry *entry;

  for (gsize i = 0; i < length; i++)
    if ((guchar) label[i] >= 0x80)
      {
        g_autofree char *copy = g_strndup (label, length);
        return kd_labels_lookup_field (self, copy);
      }
  if (length >= sizeof buffer)
    return NULL;  /* no label is that long */

  /* The ASCII case of kd_labels_fold(), into the stack. */
  for (gsize i = 0; i < length; i++)
    {
      char c = label[i];

      if (c == ' ' || c == '\t')
        {
          space = j > 0;
          continue;
        }
      if (space)
        buffer[j++] = ' ';
      space = FALSE;
      buffer[j++] = g_ascii_tolower (c);
    }
  if (j > 0 && (buffer[j - 1] == ':' || buffer[j - 1] == '.'))
    {
      j--;
      while (j > 0 && buffer[j - 1] == ' ')
        j--;
    }
  buffer[j] = '\0';

  entry = g_hash_table_lookup (self->fields, buffer);
  return entry != NULL ? &entry->view : NULL;
}

/**
 * kd_labels_lookup_field:
 * @self: the tables
 * @label: the text before the colon
 *
 * Returns: (nullable): the field, or %NULL if no table has @label
 */
const KdLabelField *
kd_labels_lookup_field (KdLabels   *self,
                        const char *label)
{
  g_autofree char *folded = kd_labels_fold (label);
  LabelEntry *entry = g_hash_table_lookup (self->fields, folded);

  return entry != NULL ? &entry->view : NULL;
}

/**
 * kd_labels_match_line:
 * @self: the tables
 * @line: a whole line, trimmed
 * @out_language: (out) (optional): the language of the matching table
 * @out_captures: (out) (optional) (transfer full): marker name -> text
 *
 * Returns: (nullable): the line's key
 */
const char *
kd_labels_match_line (KdLabels     *self,
                      const char   *line,
                      const char  **out_language,
                      GHashTable  **out_captures)
{
  g_autofree char *folded = kd_labels_fold (line);
  LineEntry *entry = g_hash_table_lookup (self->lines, folded);

  if (out_captures != NULL)
    *out_captures = NULL;

  if (entry != NULL)
    {
      if (out_language != NULL)
        *out_language = entry->language;
      return entry->key;
    }

  for (guint i = 0; i < self->patterns->len; i++)
    {
      LinePattern *pattern = g_ptr_array_index (self->patterns, i);
      g_autoptr(GMatchInfo) info = NULL;

      /* Most lines fail on the fixed start of the pattern: no regex then. */
      if (!g_str_has_prefix (folded, pattern->prefix))
        continue;
      if (!g_regex_match (pattern->regex, line, 0, &info))
        continue;

      if (out_language != NULL)
        *out_language = pattern->language;
      if (out_captures != NULL)
        {
          static const char *names[] = { "productname", "productid", "errcode", "text", "date", "host",
                                         "description", "activationid", "version", "enddate" };
          GHashTable *captures = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

          for (guint n = 0; n < G_N_ELEMENTS (names); n++)
            {
              char *value = g_match_info_fetch_named (info, names[n]);

              if (value != NULL && *value != '\0')
                g_hash_table_insert (captures, (gpointer) names[n], g_strstrip (value));
              else
                g_free (value);
            }
          *out_captures = captures;
        }
      return pattern->key;
    }

  return NULL;
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
  g_autofree char *folded = kd_labels_fold (text);
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", table, folded);

  return g_hash_table_lookup (self->values, key);
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
