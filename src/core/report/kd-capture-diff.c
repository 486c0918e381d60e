/* kd-capture-diff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kd-capture-diff.h"
#include "kd-capture-product.h"
#include "kd-diff-field.h"
#include "kd-field-info.h"
#include "kd-json.h"

/* Two captures compared by what they say, not by their text: the same
 * machine before and after a fix, or a working machine and a broken one,
 * in any language or encoding each.  Products are paired by activation ID
 * (by name when there is none); each field is changed, only in one, or
 * the same, and the fields that differ between any two captures of one
 * machine minutes apart (the trusted time, the minutes left) are left out
 * and said to be. */

/* Fields that change by themselves from one capture to the next */
static const char * const ignored_fields[] = {
  "trusted_time",
  "time_remaining",
  "volume_activation_expiration",
  "timebased_activation_expiration",
  NULL,
};

typedef struct
{
  const char *key;
  const char *a;            /* the captures' own strings, or NULL */
  const char *b;
} Field;

typedef struct
{
  KdCaptureProduct *a;      /* NULL when only in B */
  KdCaptureProduct *b;      /* NULL when only in A */
  GArray *changed;          /* Field */
  GArray *only_a;
  GArray *only_b;
  guint unchanged;
  GArray *same;             /* Field, the unchanged */
  GPtrArray *ignored;       /* keys that differ, left out */
} Pair;

struct _KdCaptureDiff
{
  GObject parent_instance;

  KdCapture *a;
  KdCapture *b;
  GPtrArray *pairs;         /* Pair */
  guint n_changes;
};

G_DEFINE_FINAL_TYPE (KdCaptureDiff, kd_capture_diff, G_TYPE_OBJECT)

static void
pair_free (gpointer data)
{
  Pair *pair = data;

  g_clear_object (&pair->a);
  g_clear_object (&pair->b);
  g_array_unref (pair->changed);
  g_array_unref (pair->only_a);
  g_array_unref (pair->only_b);
  g_array_unref (pair->same);
  g_ptr_array_unref (pair->ignored);
  g_free (pair);
}

static void
kd_capture_diff_finalize (GObject *object)
{
  KdCaptureDiff *self = (KdCaptureDiff *) object;

  g_clear_object (&self->a);
  g_clear_object (&self->b);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);

  G_OBJECT_CLASS (kd_capture_diff_parent_class)->finalize (object);
}

static void
kd_capture_diff_class_init (KdCaptureDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kd_capture_diff_finalize;
}

static void
kd_capture_diff_init (KdCaptureDiff *self)
{
  self->pairs = g_ptr_array_new_with_free_func (pair_free);
}

/* What pairs a product with its counterpart: its activation ID, or its
 * name; never its position, which another language's capture may not
 * keep */
static char *
product_key (KdCaptureProduct *product)
{
  const char *id = kd_capture_product_get_field (product, "activation_id");
  const char *name = kd_capture_product_get_name (product);

  if (id != NULL)
    return g_strconcat ("id:", id, NULL);
  return g_strconcat ("name:", name != NULL ? name : "", NULL);
}

/* Values that say the same thing: the same text but for case and the
 * spaces around it */
static gboolean
same_value (const char *a,
            const char *b)
{
  g_autofree char *x = g_strstrip (g_utf8_casefold (a, -1));
  g_autofree char *y = g_strstrip (g_utf8_casefold (b, -1));

  return g_str_equal (x, y);
}

static void
compare (KdCaptureDiff *self,
         Pair          *pair)
{
  for (guint i = 0; i < kd_field_info_get_n (); i++)
    {
      const char *key = kd_field_info_get_key (kd_field_info_get_nth (i));
      Field field = {
        key,
        pair->a != NULL ? kd_capture_product_get_field (pair->a, key) : NULL,
        pair->b != NULL ? kd_capture_product_get_field (pair->b, key) : NULL,
      };

      if (field.a == NULL && field.b == NULL)
        continue;
      if (field.a != NULL && field.b != NULL && same_value (field.a, field.b))
        {
          pair->unchanged++;
          g_array_append_val (pair->same, field);
          continue;
        }
      if (kd_capture_diff_is_ignored (key))
        {
          g_ptr_array_add (pair->ignored, (gpointer) key);
          continue;
        }
      if (field.a != NULL && field.b != NULL)
        g_array_append_val (pair->changed, field);
      else if (field.a != NULL)
        g_array_append_val (pair->only_a, field);
      else
        g_array_append_val (pair->only_b, field);
      self->n_changes++;
    }
}

static Pair *
pair_new (KdCaptureProduct *a,
          KdCaptureProduct *b)
{
  Pair *pair = g_new0 (Pair, 1);

  pair->a = a != NULL ? g_object_ref (a) : NULL;
  pair->b = b != NULL ? g_object_ref (b) : NULL;
  pair->changed = g_array_new (FALSE, FALSE, sizeof (Field));
  pair->only_a = g_array_new (FALSE, FALSE, sizeof (Field));
  pair->only_b = g_array_new (FALSE, FALSE, sizeof (Field));
  pair->same = g_array_new (FALSE, FALSE, sizeof (Field));
  pair->ignored = g_ptr_array_new ();
  return pair;
}

/**
 * kd_capture_diff_new:
 * @a: the first capture (before, or the working machine)
 * @b: the second
 *
 * Returns: (transfer full): what differs between them, product by product
 */
KdCaptureDiff *
kd_capture_diff_new (KdCapture *a,
                     KdCapture *b)
{
  KdCaptureDiff *self;
  GListModel *products_a, *products_b;
  g_autoptr(GHashTable) in_b = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) paired = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (KD_IS_CAPTURE (a), NULL);
  g_return_val_if_fail (KD_IS_CAPTURE (b), NULL);

  self = g_object_new (KD_TYPE_CAPTURE_DIFF, NULL);
  self->a = g_object_ref (a);
  self->b = g_object_ref (b);
  products_a = kd_capture_get_products (a);
  products_b = kd_capture_get_products (b);

  /* the first of each key in B, for the products of A */
  for (guint i = 0; i < g_list_model_get_n_items (products_b); i++)
    {
      g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products_b, i);
      char *key = product_key (product);

      if (!g_hash_table_contains (in_b, key))
        g_hash_table_insert (in_b, key, GUINT_TO_POINTER (i + 1));
      else
        g_free (key);
    }
  for (guint i = 0; i < g_list_model_get_n_items (products_a); i++)
    {
      g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products_a, i);
      g_autofree char *key = product_key (product);
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (in_b, key));
      g_autoptr(KdCaptureProduct) other = NULL;
      Pair *pair;

      if (at > 0 && !g_hash_table_contains (paired, GUINT_TO_POINTER (at)))
        {
          other = g_list_model_get_item (products_b, at - 1);
          g_hash_table_add (paired, GUINT_TO_POINTER (at));
        }
      pair = pair_new (product, other);
      /* a product in one capture only is one difference, not one per field */
      if (other != NULL)
        compare (self, pair);
      else
        self->n_changes++;
      g_ptr_array_add (self->pairs, pair);
    }
  for (guint i = 0; i < g_list_model_get_n_items (products_b); i++)
    if (!g_hash_table_contains (paired, GUINT_TO_POINTER (i + 1)))
      {
        g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products_b, i);
        Pair *pair = pair_new (NULL, product);

        self->n_changes++;
        g_ptr_array_add (self->pairs, pair);
      }
  return self;
}

/**
 * kd_capture_diff_is_identical:
 *
 * Returns: whether the captures say the same, but for the fields left out
 */
gboolean
kd_capture_diff_is_identical (KdCaptureDiff *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_DIFF (self), FALSE);
  return self->n_changes == 0;
}

/**
 * kd_capture_diff_get_n_changes:
 *
 * Returns: the fields changed, only in one capture, and the products only
 *   in one
 */
guint
kd_capture_diff_get_n_changes (KdCaptureDiff *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_DIFF (self), 0);
  return self->n_changes;
}

/**
 * kd_capture_diff_is_ignored:
 * @key: a field's key
 *
 * Returns: whether a difference in @key is left out: it changes by itself
 *   between two captures of one machine
 */
gboolean
kd_capture_diff_is_ignored (const char *key)
{
  return key != NULL && g_strv_contains (ignored_fields, key);
}

static const char *
pair_in (Pair *pair)
{
  return pair->a != NULL && pair->b != NULL ? "both" : pair->a != NULL ? "a" : "b";
}

static void
fields_to_json (JsonBuilder *builder,
                const char  *member,
                GArray      *fields,
                gboolean     both)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < fields->len; i++)
    {
      Field *field = &g_array_index (fields, Field, i);

      json_builder_begin_object (builder);
      kd_json_add_string (builder, "field", field->key);
      kd_json_add_string (builder, "label", kd_field_info_get_label (kd_field_info_lookup (field->key)));
      if (both)
        {
          kd_json_add_string (builder, "a", field->a);
          kd_json_add_string (builder, "b", field->b);
        }
      else
        kd_json_add_string (builder, "value", field->a != NULL ? field->a : field->b);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * kd_capture_diff_to_json:
 * @builder: a builder in an object, to which the diff's members are added
 *   (docs/diff-json.md)
 */
void
kd_capture_diff_to_json (KdCaptureDiff *self,
                         JsonBuilder   *builder)
{
  g_return_if_fail (KD_IS_CAPTURE_DIFF (self));

  json_builder_set_member_name (builder, "identical");
  json_builder_add_boolean_value (builder, self->n_changes == 0);
  json_builder_set_member_name (builder, "ignored_fields");
  json_builder_begin_array (builder);
  for (guint i = 0; ignored_fields[i] != NULL; i++)
    json_builder_add_string_value (builder, ignored_fields[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "products");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->pairs->len; i++)
    {
      Pair *pair = g_ptr_array_index (self->pairs, i);
      KdCaptureProduct *any = pair->a != NULL ? pair->a : pair->b;

      json_builder_begin_object (builder);
      kd_json_add_string (builder, "name", kd_capture_product_get_name (any));
      kd_json_add_string (builder, "activation_id", kd_capture_product_get_field (any, "activation_id"));
      kd_json_add_string (builder, "in", pair_in (pair));
      fields_to_json (builder, "changed", pair->changed, TRUE);
      fields_to_json (builder, "only_in_a", pair->only_a, FALSE);
      fields_to_json (builder, "only_in_b", pair->only_b, FALSE);
      json_builder_set_member_name (builder, "unchanged");
      json_builder_add_int_value (builder, pair->unchanged);
      json_builder_set_member_name (builder, "ignored");
      json_builder_begin_array (builder);
      for (guint k = 0; k < pair->ignored->len; k++)
        json_builder_add_string_value (builder, g_ptr_array_index (pair->ignored, k));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
fields_to_text (GString    *text,
                const char *title,
                GArray     *fields,
                gboolean    both)
{
  if (fields->len == 0)
    return;
  g_string_append_printf (text, "  %s\n", title);
  for (guint i = 0; i < fields->len; i++)
    {
      Field *field = &g_array_index (fields, Field, i);
      const char *label = kd_field_info_get_label (kd_field_info_lookup (field->key));

      if (both)
        g_string_append_printf (text, "    %s: %s → %s\n", label, field->a, field->b);
      else
        g_string_append_printf (text, "    %s: %s\n", label, field->a != NULL ? field->a : field->b);
    }
}

/**
 * kd_capture_diff_to_text:
 * @text: where to append the diff, in the UI language
 */
void
kd_capture_diff_to_text (KdCaptureDiff *self,
                         GString       *text)
{
  g_return_if_fail (KD_IS_CAPTURE_DIFF (self));

  for (guint i = 0; i < self->pairs->len; i++)
    {
      Pair *pair = g_ptr_array_index (self->pairs, i);
      KdCaptureProduct *any = pair->a != NULL ? pair->a : pair->b;
      const char *name = kd_capture_product_get_name (any);

      if (i > 0)
        g_string_append_c (text, '\n');
      if (name == NULL)
        name = _("(a product without a name)");
      if (pair->a == NULL)
        g_string_append_printf (text, _("Only in B: %s\n"), name);
      else if (pair->b == NULL)
        g_string_append_printf (text, _("Only in A: %s\n"), name);
      else
        g_string_append_printf (text, "%s\n", name);
      if (pair->a != NULL && pair->b != NULL)
        {
          fields_to_text (text, _("Changed (A → B):"), pair->changed, TRUE);
          fields_to_text (text, _("Only in A:"), pair->only_a, FALSE);
          fields_to_text (text, _("Only in B:"), pair->only_b, FALSE);
          g_string_append_printf (text, "  ");
          g_string_append_printf (text, ngettext ("%u field the same", "%u fields the same", pair->unchanged),
                                  pair->unchanged);
          if (pair->ignored->len > 0)
            {
              g_string_append (text, _("; left out, as they change by themselves: "));
              for (guint k = 0; k < pair->ignored->len; k++)
                g_string_append_printf (text, "%s%s", k > 0 ? ", " : "",
                                        kd_field_info_get_label (kd_field_info_lookup (g_ptr_array_index (pair->ignored, k))));
            }
          g_string_append_c (text, '\n');
        }
    }
  if (self->pairs->len == 0)
    g_string_append_printf (text, "%s\n", _("Neither capture shows a product"));
}

/**
 * kd_capture_diff_get_n_products:
 *
 * Returns: the products of both captures, paired: those of the first in
 *   their order, then those only in the second
 */
guint
kd_capture_diff_get_n_products (KdCaptureDiff *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_DIFF (self), 0);
  return self->pairs->len;
}

/**
 * kd_capture_diff_get_product:
 * @product: less than kd_capture_diff_get_n_products()
 * @in: (out) (optional): %KD_DIFF_SAME when both captures have it,
 *   %KD_DIFF_ONLY_A or %KD_DIFF_ONLY_B
 *
 * Returns: (nullable): the product's name
 */
const char *
kd_capture_diff_get_product (KdCaptureDiff *self,
                             guint          product,
                             KdDiffChange  *in)
{
  Pair *pair;

  g_return_val_if_fail (KD_IS_CAPTURE_DIFF (self), NULL);
  g_return_val_if_fail (product < self->pairs->len, NULL);

  pair = g_ptr_array_index (self->pairs, product);
  if (in != NULL)
    *in = pair->a != NULL && pair->b != NULL ? KD_DIFF_SAME : pair->a != NULL ? KD_DIFF_ONLY_A : KD_DIFF_ONLY_B;
  return kd_capture_product_get_name (pair->a != NULL ? pair->a : pair->b);
}

static void
append_fields (GPtrArray    *items,
               GArray       *fields,
               KdDiffChange  change)
{
  for (guint i = 0; i < fields->len; i++)
    {
      Field *field = &g_array_index (fields, Field, i);

      g_ptr_array_add (items, kd_diff_field_new (field->key, change, field->a, field->b));
    }
}

/**
 * kd_capture_diff_dup_fields:
 * @product: less than kd_capture_diff_get_n_products()
 *
 * Returns: (transfer full): a #KdDiffField for each field of the product
 *   in either capture: the changed, those only in the first, only in the
 *   second, the ignored, then the unchanged, each in the fields' order
 */
GListModel *
kd_capture_diff_dup_fields (KdCaptureDiff *self,
                            guint          product)
{
  GListStore *store = g_list_store_new (KD_TYPE_DIFF_FIELD);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  Pair *pair;

  g_return_val_if_fail (KD_IS_CAPTURE_DIFF (self), NULL);
  g_return_val_if_fail (product < self->pairs->len, NULL);

  pair = g_ptr_array_index (self->pairs, product);
  append_fields (items, pair->changed, KD_DIFF_CHANGED);
  append_fields (items, pair->only_a, KD_DIFF_ONLY_A);
  append_fields (items, pair->only_b, KD_DIFF_ONLY_B);
  for (guint i = 0; i < pair->ignored->len; i++)
    {
      const char *key = g_ptr_array_index (pair->ignored, i);

      g_ptr_array_add (items, kd_diff_field_new (key, KD_DIFF_IGNORED,
                                                 kd_capture_product_get_field (pair->a, key),
                                                 kd_capture_product_get_field (pair->b, key)));
    }
  append_fields (items, pair->same, KD_DIFF_SAME);
  /* a product in one capture: each of its fields is in that one only */
  if (pair->a == NULL || pair->b == NULL)
    {
      KdCaptureProduct *only = pair->a != NULL ? pair->a : pair->b;

      for (guint i = 0; i < kd_field_info_get_n (); i++)
        {
          const char *key = kd_field_info_get_key (kd_field_info_get_nth (i));
          const char *value = kd_capture_product_get_field (only, key);

          if (value != NULL)
            g_ptr_array_add (items, kd_diff_field_new (key, pair->a != NULL ? KD_DIFF_ONLY_A : KD_DIFF_ONLY_B,
                                                       pair->a != NULL ? value : NULL, pair->b != NULL ? value : NULL));
        }
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}
