/* kd-search-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kd-search-index.h"

/* A small inverted index tuned for a catalog of a few hundred entries that
 * is searched on every keystroke.  Words are folded (case, accents) and
 * interned once; a query first scores every distinct word of the
 * vocabulary against each of its tokens (exact, prefix, one typo), then each
 * document adds up the best word per token.  The vocabulary is a few
 * thousand words, so a query costs a few hundred microseconds. */

typedef struct
{
  guint32 word;
  guint8 weight;
} Posting;

typedef struct
{
  guint32 code;
  char hex[9];
  char sdec[12];
  char udec[11];
  double boost;
  GArray *postings;
} Document;

struct _KdSearchIndex
{
  GHashTable *vocab;    /* folded word -> id + 1 */
  GPtrArray *words;     /* id -> folded word (owned by vocab keys) */
  GArray *lengths;      /* id -> strlen */
  GArray *documents;    /* Document */
};

typedef enum
{
  TOKEN_WORD,
  TOKEN_HEX,
  TOKEN_DECIMAL,
} TokenKind;

typedef struct
{
  char *text;
  gsize len;
  TokenKind kind;
  guint8 *quality;      /* per vocabulary word: 0 none, 1 typo, 2 prefix, 3 exact */
} Token;

static void
document_clear (gpointer data)
{
  Document *doc = data;
  g_clear_pointer (&doc->postings, g_array_unref);
}

KdSearchIndex *
kd_search_index_new (void)
{
  KdSearchIndex *self = g_new0 (KdSearchIndex, 1);

  self->vocab = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->words = g_ptr_array_new ();
  self->lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  self->documents = g_array_new (FALSE, TRUE, sizeof (Document));
  g_array_set_clear_func (self->documents, document_clear);

  return self;
}

void
kd_search_index_free (KdSearchIndex *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->documents, g_array_unref);
  g_clear_pointer (&self->lengths, g_array_unref);
  g_clear_pointer (&self->words, g_ptr_array_unref);
  g_clear_pointer (&self->vocab, g_hash_table_unref);
  g_free (self);
}

/**
 * kd_search_fold:
 * @text: UTF-8 text
 *
 * Folds case and strips accents, so that "perché", "PERCHE" and "perche"
 * are the same word.
 *
 * Returns: (transfer full): the folded text
 */
char *
kd_search_fold (const char *text)
{
  g_autofree char *lower = NULL;
  g_autofree char *nfd = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  lower = g_utf8_casefold (text, -1);
  nfd = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (nfd));
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * kd_search_within_one_edit:
 *
 * Whether @a becomes @b by one insertion, deletion, substitution or swap of
 * two neighbours (the typos people make while typing).
 */
gboolean
kd_search_within_one_edit (const char *a,
                           gsize       la,
                           const char *b,
                           gsize       lb)
{
  gsize i = 0;

  if (la > lb)
    return kd_search_within_one_edit (b, lb, a, la);
  if (lb - la > 1)
    return FALSE;

  while (i < la && a[i] == b[i])
    i++;
  if (i == la)
    return TRUE;  /* equal, or one letter appended */

  if (la == lb)
    {
      /* substitution */
      if (memcmp (a + i + 1, b + i + 1, la - i - 1) == 0)
        return TRUE;
      /* transposition */
      return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
             memcmp (a + i + 2, b + i + 2, la - i - 2) == 0;
    }

  /* insertion into a */
  return memcmp (a + i, b + i + 1, la - i) == 0;
}

static guint32
intern (KdSearchIndex *self,
        const char    *word,
        gsize          len)
{
  g_autofree char *key = g_strndup (word, len);
  gpointer id;

  id = g_hash_table_lookup (self->vocab, key);
  if (id != NULL)
    return GPOINTER_TO_UINT (id) - 1;

  g_ptr_array_add (self->words, key);
  g_array_append_val (self->lengths, len);
  g_hash_table_insert (self->vocab, g_steal_pointer (&key), GUINT_TO_POINTER (self->words->len));
  return self->words->len - 1;
}

guint
kd_search_index_add_document (KdSearchIndex *self,
                              guint32        code,
                              double         boost)
{
  Document doc = { 0 };

  doc.code = code;
  doc.boost = boost;
  g_snprintf (doc.hex, sizeof doc.hex, "%08x", code);
  g_snprintf (doc.sdec, sizeof doc.sdec, "%d", (gint32) code);
  g_snprintf (doc.udec, sizeof doc.udec, "%u", code);
  doc.postings = g_array_new (FALSE, FALSE, sizeof (Posting));
  g_array_append_val (self->documents, doc);

  return self->documents->len - 1;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

void
kd_search_index_add_text (KdSearchIndex  *self,
                          guint           document,
                          const char     *text,
                          KdSearchWeight  weight)
{
  g_autofree char *folded = NULL;
  Document *doc;
  const char *p;

  g_return_if_fail (document < self->documents->len);

  if (text == NULL)
    return;

  doc = &g_array_index (self->documents, Document, document);
  folded = kd_search_fold (text);

  p = folded;
  while (*p)
    {
      const char *start;

      while (*p && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          Posting posting = { intern (self, start, p - start), weight };
          g_array_append_val (doc->postings, posting);
        }
    }
}

static int
compare_postings (gconstpointer a,
                  gconstpointer b)
{
  const Posting *pa = a, *pb = b;

  if (pa->word != pb->word)
    return pa->word < pb->word ? -1 : 1;
  return (int) pb->weight - (int) pa->weight;
}

/* Keeps one posting per word, with the best weight it was seen with. */
void
kd_search_index_finish (KdSearchIndex *self)
{
  for (guint d = 0; d < self->documents->len; d++)
    {
      Document *doc = &g_array_index (self->documents, Document, d);
      guint out = 0;

      g_array_sort (doc->postings, compare_postings);
      for (guint i = 0; i < doc->postings->len; i++)
        {
          Posting *p = &g_array_index (doc->postings, Posting, i);

          if (out > 0 && g_array_index (doc->postings, Posting, out - 1).word == p->word)
            continue;
          g_array_index (doc->postings, Posting, out++) = *p;
        }
      g_array_set_size (doc->postings, out);
    }
}

static gboolean
all_hex (const char *s,
         gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return len > 0;
}

static gboolean
has_digit (const char *s,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (g_ascii_isdigit (s[i]))
      return TRUE;
  return FALSE;
}

static void
token_clear (gpointer data)
{
  Token *t = data;
  g_clear_pointer (&t->text, g_free);
  g_clear_pointer (&t->quality, g_free);
}

static GArray *
tokenize (const char *folded)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = folded;

  g_array_set_clear_func (tokens, token_clear);

  while (*p)
    {
      const char *start;
      gboolean negative = FALSE;
      Token t = { 0 };

      while (*p && !is_word_char (g_utf8_get_char (p)))
        {
          negative = (*p == '-');
          p = g_utf8_next_char (p);
        }
      start = p;
      while (*p && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;

      t.len = p - start;
      if (t.len > 2 && start[0] == '0' && start[1] == 'x' && all_hex (start + 2, t.len - 2))
        {
          t.kind = TOKEN_HEX;
          t.text = g_strndup (start + 2, t.len - 2);
          t.len -= 2;
        }
      else if (negative && has_digit (start, t.len) && strspn (start, "0123456789") == t.len)
        {
          t.kind = TOKEN_DECIMAL;
          t.text = g_strdup_printf ("-%.*s", (int) t.len, start);
          t.len += 1;
        }
      else
        {
          t.kind = (has_digit (start, t.len) && all_hex (start, t.len) && t.len >= 2) ? TOKEN_HEX : TOKEN_WORD;
          t.text = g_strndup (start, t.len);
        }
      g_array_append_val (tokens, t);

      /* A pathological query cannot make the index do unbounded work. */
      if (tokens->len >= 16)
        break;
    }

  return tokens;
}

static void
score_vocabulary (KdSearchIndex *self,
                  Token         *t)
{
  /* Code fragments are matched against the codes, not corrected. */
  gboolean allow_typo = t->kind == TOKEN_WORD && t->len >= 4;
  gboolean allow_prefix = t->len >= 2;

  t->quality = g_new0 (guint8, self->words->len);
  for (guint w = 0; w < self->words->len; w++)
    {
      const char *word = g_ptr_array_index (self->words, w);
      gsize wl = g_array_index (self->lengths, guint, w);

      if (wl == t->len && memcmp (word, t->text, wl) == 0)
        t->quality[w] = 3;
      else if (allow_prefix && wl > t->len && memcmp (word, t->text, t->len) == 0)
        t->quality[w] = 2;
      else if (allow_typo && (wl + 1 >= t->len && wl <= t->len + 1) &&
               kd_search_within_one_edit (word, wl, t->text, t->len))
        t->quality[w] = 1;
    }
}

static double
score_code (const Document *doc,
            const Token    *t)
{
  if (t->kind == TOKEN_HEX && t->len <= 8)
    {
      const char *hit = strstr (doc->hex, t->text);

      if (hit == NULL)
        return 0;
      if (t->len == 8)
        return 100;
      if (hit == doc->hex)
        return 60;
      if (hit + t->len == doc->hex + 8)
        return 50;
      return t->len >= 3 ? 30 : 0;
    }

  if (t->kind == TOKEN_DECIMAL || (t->kind == TOKEN_HEX && strspn (t->text, "0123456789") == t->len))
    {
      if (g_str_equal (doc->sdec, t->text) || g_str_equal (doc->udec, t->text))
        return 100;
      if (t->len >= 4 && (g_str_has_prefix (doc->sdec, t->text) || g_str_has_prefix (doc->udec, t->text)))
        return 40;
    }

  return 0;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const KdSearchHit *ha = a, *hb = b;

  if (ha->score != hb->score)
    return ha->score > hb->score ? -1 : 1;
  return ha->document < hb->document ? -1 : (ha->document > hb->document);
}

/**
 * kd_search_index_query:
 * @self: a finished index
 * @query: what the user typed
 *
 * Every token of @query must match (a word, a word prefix, a word with one
 * typo, or part of the code in hexadecimal or decimal).
 *
 * Returns: (transfer full) (element-type KdSearchHit): hits, best first
 */
GArray *
kd_search_index_query (KdSearchIndex *self,
                       const char    *query)
{
  g_autofree char *folded = NULL;
  g_autoptr(GArray) tokens = NULL;
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (KdSearchHit));

  g_return_val_if_fail (self != NULL, hits);

  folded = kd_search_fold (query);
  tokens = tokenize (folded);
  if (tokens->len == 0)
    return hits;

  for (guint i = 0; i < tokens->len; i++)
    score_vocabulary (self, &g_array_index (tokens, Token, i));

  for (guint d = 0; d < self->documents->len; d++)
    {
      const Document *doc = &g_array_index (self->documents, Document, d);
      double total = 0;
      gboolean matched_all = TRUE;

      for (guint i = 0; i < tokens->len && matched_all; i++)
        {
          const Token *t = &g_array_index (tokens, Token, i);
          double best = score_code (doc, t);

          for (guint p = 0; p < doc->postings->len; p++)
            {
              const Posting *posting = &g_array_index (doc->postings, Posting, p);
              double s = (double) t->quality[posting->word] * posting->weight;

              if (s > best)
                best = s;
            }

          if (best <= 0)
            matched_all = FALSE;
          total += best;
        }

      if (matched_all)
        {
          KdSearchHit hit = { d, total * doc->boost };
          g_array_append_val (hits, hit);
        }
    }

  g_array_sort (hits, compare_hits);
  return hits;
}
