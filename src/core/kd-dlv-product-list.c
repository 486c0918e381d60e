/* kd-dlv-product-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-dlv-product-list.h"

/* The products of a capture as a GListModel: an array, filled at once
 * when the capture is read.  A GListStore would keep them in a balanced
 * tree, one node per product, which was 5% of reading a capture of a
 * hundred thousand products. */
struct _KdDlvProductList
{
  GObject parent_instance;

  GPtrArray *products;  /* KdDlvProduct, owned */
};

static GType
kd_dlv_product_list_get_item_type (GListModel *model)
{
  return KD_TYPE_DLV_PRODUCT;
}

static guint
kd_dlv_product_list_get_n_items (GListModel *model)
{
  return KD_DLV_PRODUCT_LIST (model)->products->len;
}

static gpointer
kd_dlv_product_list_get_item (GListModel *model,
                              guint       position)
{
  KdDlvProductList *self = KD_DLV_PRODUCT_LIST (model);

  if (position >= self->products->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->products, position));
}

static void
kd_dlv_product_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kd_dlv_product_list_get_item_type;
  iface->get_n_items = kd_dlv_product_list_get_n_items;
  iface->get_item = kd_dlv_product_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (KdDlvProductList, kd_dlv_product_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kd_dlv_product_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_dlv_product_list_finalize (GObject *object)
{
  KdDlvProductList *self = (KdDlvProductList *) object;

  g_clear_pointer (&self->products, g_ptr_array_unref);

  G_OBJECT_CLASS (kd_dlv_product_list_parent_class)->finalize (object);
}

static void
kd_dlv_product_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KdDlvProductList *self = KD_DLV_PRODUCT_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->products->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_dlv_product_list_class_init (KdDlvProductListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_dlv_product_list_finalize;
  object_class->get_property = kd_dlv_product_list_get_property;

  /* as GListStore has */
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_dlv_product_list_init (KdDlvProductList *self)
{
  self->products = g_ptr_array_new_with_free_func (g_object_unref);
}

KdDlvProductList *
kd_dlv_product_list_new (void)
{
  return g_object_new (KD_TYPE_DLV_PRODUCT_LIST, NULL);
}

/**
 * kd_dlv_product_list_take:
 * @self: a list
 * @products: (transfer full) (element-type KdDlvProduct): the new
 *   products, an array that unrefs them when freed
 *
 * Replaces every product of the list with @products, without a new
 * reference to each.
 */
void
kd_dlv_product_list_take (KdDlvProductList *self,
                          GPtrArray        *products)
{
  g_autoptr(GPtrArray) old = NULL;

  g_return_if_fail (KD_IS_DLV_PRODUCT_LIST (self));
  g_return_if_fail (products != NULL);

  old = g_steal_pointer (&self->products);
  self->products = products;

  if (old->len > 0 || self->products->len > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->products->len);
      if (old->len != self->products->len)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}
