/* kd-row-slot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-row-slot.h"

/* A row's place in a KdPacedList: the item it shows now.  A list view
 * keeps a row's widgets for as long as its item stays in the model, and
 * makes new ones for a new item; a slot stays while what it shows
 * changes, so a new search re-labels the rows it has instead of
 * building others.  An empty slot shows nothing: it is about to go. */

struct _KdRowSlot
{
  GObject parent_instance;

  GObject *item;
};

G_DEFINE_FINAL_TYPE (KdRowSlot, kd_row_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_row_slot_dispose (GObject *object)
{
  KdRowSlot *self = (KdRowSlot *) object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (kd_row_slot_parent_class)->dispose (object);
}

static void
kd_row_slot_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KdRowSlot *self = KD_ROW_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_row_slot_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KdRowSlot *self = KD_ROW_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      kd_row_slot_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_row_slot_class_init (KdRowSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kd_row_slot_dispose;
  object_class->get_property = kd_row_slot_get_property;
  object_class->set_property = kd_row_slot_set_property;

  /**
   * KdRowSlot:item: (nullable)
   *
   * What the row shows, or %NULL while an emptied slot waits to go.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_row_slot_init (KdRowSlot *self)
{
}

KdRowSlot *
kd_row_slot_new (gpointer item)
{
  g_return_val_if_fail (item == NULL || G_IS_OBJECT (item), NULL);

  return g_object_new (KD_TYPE_ROW_SLOT, "item", item, NULL);
}

/**
 * kd_row_slot_get_item:
 *
 * Returns: (transfer none) (nullable) (type GObject): what the row shows
 */
gpointer
kd_row_slot_get_item (KdRowSlot *self)
{
  g_return_val_if_fail (KD_IS_ROW_SLOT (self), NULL);

  return self->item;
}

void
kd_row_slot_set_item (KdRowSlot *self,
                      gpointer   item)
{
  g_return_if_fail (KD_IS_ROW_SLOT (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
