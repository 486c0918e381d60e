/* kd-lookup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-enum-types.h"
#include "kd-hresult.h"
#include "kd-lookup.h"

/* What a query means, worked out once for the Error Codes page, the
 * command line and the GNOME Shell search provider: a whole code in any
 * spelling (0xC004F074, C004F074, -1073418124, "Error: 0xC004F074"), text
 * that was meant as a code but is not one and why, or words, a symbol or
 * part of a code to search for.  A code the catalog does not know is still
 * an answer: it is decoded, and what is listed is its neighbours. */

struct _KdLookup
{
  GObject parent_instance;

  KdErrorCatalog *catalog;
  char *query;
  KdLookupKind kind;
  guint32 value;
  KdErrorCode *entry;     /* for a code: the catalog's entry or the decoded code */
  char *reason;           /* for text that is not a code: why */
};

G_DEFINE_FINAL_TYPE (KdLookup, kd_lookup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUERY,
  PROP_KIND,
  PROP_ENTRY,
  PROP_KNOWN,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text that starts like a code ("0x", or a bare number) was meant as one:
 * when it does not parse, saying why helps more than a word search. */
static gboolean
meant_as_code (const char *query)
{
  if (query[0] == '0' && (query[1] == 'x' || query[1] == 'X'))
    return TRUE;
  if (*query == '+' || *query == '-')
    query++;
  if (*query == '\0')
    return FALSE;
  for (; *query != '\0'; query++)
    if (!g_ascii_isdigit (*query))
      return FALSE;
  return TRUE;
}

static void
kd_lookup_finalize (GObject *object)
{
  KdLookup *self = (KdLookup *) object;

  g_clear_object (&self->catalog);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (kd_lookup_parent_class)->finalize (object);
}

static void
kd_lookup_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KdLookup *self = KD_LOOKUP (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    case PROP_KNOWN:
      g_value_set_boolean (value, kd_lookup_get_known (self));
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_lookup_class_init (KdLookupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kd_lookup_finalize;
  object_class->get_property = kd_lookup_get_property;

  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, KD_TYPE_LOOKUP_KIND, KD_LOOKUP_EMPTY, ro);
  properties[PROP_ENTRY] = g_param_spec_object ("entry", NULL, NULL, KD_TYPE_ERROR_CODE, ro);
  properties[PROP_KNOWN] = g_param_spec_boolean ("known", NULL, NULL, FALSE, ro);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_lookup_init (KdLookup *self)
{
}

/**
 * kd_lookup_new:
 * @catalog: the catalog to look in
 * @text: what was typed or pasted, in any state
 *
 * Works out what @text means, made valid UTF-8, with the white space
 * around it dropped.  The caller bounds its length: a query of kilobytes
 * is a paste gone wrong, not a search.
 *
 * Returns: (transfer full): the lookup
 */
KdLookup *
kd_lookup_new (KdErrorCatalog *catalog,
               const char     *text)
{
  KdLookup *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KD_IS_ERROR_CATALOG (catalog), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (KD_TYPE_LOOKUP, NULL);
  self->catalog = g_object_ref (catalog);
  self->query = g_utf8_make_valid (text, -1);
  g_strstrip (self->query);

  if (*self->query == '\0')
    self->kind = KD_LOOKUP_EMPTY;
  else if (kd_hresult_parse (self->query, &self->value, &error))
    {
      self->kind = KD_LOOKUP_CODE;
      self->entry = kd_error_catalog_resolve (catalog, self->value);
    }
  else if (meant_as_code (self->query))
    {
      self->kind = KD_LOOKUP_NOT_A_CODE;
      self->reason = g_strdup (error->message);
    }
  else
    self->kind = KD_LOOKUP_WORDS;

  return self;
}

/**
 * kd_lookup_get_query:
 * @self: a #KdLookup
 *
 * Returns: the text looked up, trimmed and valid
 */
const char *
kd_lookup_get_query (KdLookup *self)
{
  g_return_val_if_fail (KD_IS_LOOKUP (self), NULL);

  return self->query;
}

KdLookupKind
kd_lookup_get_kind (KdLookup *self)
{
  g_return_val_if_fail (KD_IS_LOOKUP (self), KD_LOOKUP_EMPTY);

  return self->kind;
}

/**
 * kd_lookup_get_value:
 * @self: a #KdLookup of a code
 *
 * Returns: the code, or 0 when the query is not one
 */
guint32
kd_lookup_get_value (KdLookup *self)
{
  g_return_val_if_fail (KD_IS_LOOKUP (self), 0);

  return self->value;
}

/**
 * kd_lookup_get_entry:
 * @self: a #KdLookup
 *
 * Returns: (transfer none) (nullable): for a code, the catalog's entry,
 *   or the code decoded when the catalog does not know it
 */
KdErrorCode *
kd_lookup_get_entry (KdLookup *self)
{
  g_return_val_if_fail (KD_IS_LOOKUP (self), NULL);

  return self->entry;
}

/**
 * kd_lookup_get_known:
 * @self: a #KdLookup
 *
 * Returns: whether the query is a code the catalog has
 */
gboolean
kd_lookup_get_known (KdLookup *self)
{
  g_return_val_if_fail (KD_IS_LOOKUP (self), FALSE);

  return self->entry != NULL && kd_error_code_get_known (self->entry);
}

/**
 * kd_lookup_get_reason:
 * @self: a #KdLookup
 *
 * Returns: (nullable): why text meant as a code is not one
 */
const char *
kd_lookup_get_reason (KdLookup *self)
{
  g_return_val_if_fail (KD_IS_LOOKUP (self), NULL);

  return self->reason;
}

/**
 * kd_lookup_get_results:
 * @self: a #KdLookup
 * @max_results: the most entries wanted, or 0 for all
 *
 * What to list for the query: for a code the catalog does not know, the
 * entries nearest to it; for a known code, words or part of a code, the
 * entries that match, the exact code first; nothing for an empty query or
 * text that is not a code.
 *
 * Returns: (transfer container) (element-type KdErrorCode): the entries
 */
GPtrArray *
kd_lookup_get_results (KdLookup *self,
                       guint     max_results)
{
  g_return_val_if_fail (KD_IS_LOOKUP (self), NULL);

  switch (self->kind)
    {
    case KD_LOOKUP_CODE:
      if (!kd_lookup_get_known (self))
        return kd_error_catalog_nearest (self->catalog, self->value, max_results);
      G_GNUC_FALLTHROUGH;
    case KD_LOOKUP_WORDS:
      return kd_error_catalog_search (self->catalog, self->query, max_results);
    case KD_LOOKUP_EMPTY:
    case KD_LOOKUP_NOT_A_CODE:
    default:
      return g_ptr_array_new_with_free_func (g_object_unref);
    }
}
