/* kd-capture-product-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-capture-product-list.h"

/* The products of a capture as a GListModel: an array, filled at once
 * when the capture is read.  A GListStore would keep them in a balanced
 * tree, one node per product, which was 5% of reading a capture of a
 * hundred thousand products. */
struct _KdCaptureProductList
{
  GObject parent_instance;

  GPtrArray *products;  /* KdCaptureProduct, owned */
};

static GType
kd_capture_product_list_get_item_type (GListModel *model)
{
  return KD_TYPE_CAPTURE_PRODUCT;
}

static guint
kd_capture_product_list_get_n_items (GListModel *model)
{
  return KD_CAPTURE_PRODUCT_LIST (model)->products->len;
}

static gpointer
kd_capture_product_list_get_item (GListModel *model,
                              guint       position)
{
  KdCaptureProductList *self = KD_CAPTURE_PRODUCT_LIST (model);

  if (position >= self->products->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->products, position));
}

static void
kd_capture_product_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kd_capture_product_list_get_item_type;
  iface->get_n_items = kd_capture_product_list_get_n_items;
  iface->get_item = kd_capture_product_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (KdCaptureProductList, kd_capture_product_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kd_capture_product_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_capture_product_list_finalize (GObject *object)
{
  KdCaptureProductList *self = (KdCaptureProductList *) object;

  g_clear_pointer (&self->products, g_ptr_array_unref);

  G_OBJECT_CLASS (kd_capture_product_list_parent_class)->finalize (object);
}

static void
kd_capture_product_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KdCaptureProductList *self = KD_CAPTURE_PRODUCT_LIST (object);

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
kd_capture_product_list_class_init (KdCaptureProductListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_capture_product_list_finalize;
  object_class->get_property = kd_capture_product_list_get_property;

  /* as GListStore has */
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_capture_product_list_init (KdCaptureProductList *self)
{
  self->products = g_ptr_array_new_with_free_func (g_object_unref);
}

KdCaptureProductList *
kd_capture_product_list_new (void)
{
  return g_object_new (KD_TYPE_CAPTURE_PRODUCT_LIST, NULL);
}

/**
 * kd_capture_product_list_take:
 * @self: a list
 * @products: (transfer full) (element-type KdCaptureProduct): the new
 *   products, an array that unrefs them when freed
 *
 * Replaces every product of the list with @products, without a new
 * reference to each.
 */
void
kd_capture_product_list_take (KdCaptureProductList *self,
                          GPtrArray        *products)
{
  g_autoptr(GPtrArray) old = NULL;

  g_return_if_fail (KD_IS_CAPTURE_PRODUCT_LIST (self));
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
