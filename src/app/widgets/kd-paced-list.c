/* kd-paced-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-paced-list.h"
#include "kd-row-slot.h"

/* A model's items, in KdRowSlots, followed a screenful of rows per frame.
 *
 * A GtkListView keeps the widgets of up to 200 rows whatever its height,
 * and never gives a row of an item that left the model to one that came:
 * a search whose results all change builds 200 rows and destroys 200,
 * and lays all of them out, before the frame that shows it.  Through this
 * model the list keeps its rows: a change re-labels the slots in place,
 * in order from the top, at most about a screenful each frame (the first
 * one at once, so the next frame shows the top of the new list), and adds
 * or drops slots at the end a screenful at a time.  Past the end of a
 * shorter list, slots are emptied before they go, so what is on screen is
 * right from the first frame; the rest follows within a few frames.
 *
 * Without a frame clock (the widget not realized), every change is made
 * at once. */

/* Before the list has rows to measure */
#define GUESSED_ROWS_PER_FRAME 16
#define MIN_ROW_HEIGHT 16

struct _KdPacedList
{
  GObject parent_instance;

  GListModel *model;
  GPtrArray *slots;        /* of KdRowSlot */
  GtkWidget *widget;       /* weak: the list view that owns this model */
  guint tick_id;

  guint cursor;            /* the positions before it show what the model has */
  gint64 budget_period;    /* when the budget is for: a frame (2n), or after it (2n + 1) */
  guint budget;            /* rows that period may still change */
  gint64 shown_frame;      /* the last frame before a step made between frames */
  gboolean stepping;
  gboolean pending;
};

static void kd_paced_list_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KdPacedList, kd_paced_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kd_paced_list_list_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_WIDGET,
  PROP_PENDING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
kd_paced_list_get_item_type (GListModel *model)
{
  return KD_TYPE_ROW_SLOT;
}

static guint
kd_paced_list_get_n_items (GListModel *model)
{
  return KD_PACED_LIST (model)->slots->len;
}

static gpointer
kd_paced_list_get_item (GListModel *model,
                        guint       position)
{
  KdPacedList *self = KD_PACED_LIST (model);

  if (position >= self->slots->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
kd_paced_list_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kd_paced_list_get_item_type;
  iface->get_n_items = kd_paced_list_get_n_items;
  iface->get_item = kd_paced_list_get_item;
}

static void
emit_items_changed (KdPacedList *self,
                    guint        position,
                    guint        removed,
                    guint        added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* A screenful and a row: the height of the list over that of its
 * smallest row on screen (the list view's children are its rows). */
static guint
rows_per_frame (KdPacedList *self)
{
  int height = gtk_widget_get_height (self->widget);
  int row = G_MAXINT;
  guint seen = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->widget);
       child != NULL && seen < 8;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && gtk_widget_get_height (child) > 0)
      {
        row = MIN (row, gtk_widget_get_height (child));
        seen++;
      }
  if (height <= 0 || seen == 0)
    return GUESSED_ROWS_PER_FRAME;
  return height / MAX (row, MIN_ROW_HEIGHT) + 2;
}

/* Makes up to @budget changes, from the cursor on; returns how many. */
static guint
make_changes (KdPacedList *self,
              guint        budget)
{
  guint n_items = g_list_model_get_n_items (self->model);
  guint made = 0;

  /* The model's items, slot by slot; new slots at the end in one go */
  while (made < budget && self->cursor < n_items)
    {
      if (self->cursor < self->slots->len)
        {
          KdRowSlot *slot = g_ptr_array_index (self->slots, self->cursor);
          g_autoptr(GObject) item = g_list_model_get_item (self->model, self->cursor);

          if (kd_row_slot_get_item (slot) != item)
            {
              kd_row_slot_set_item (slot, item);
              made++;
            }
          self->cursor++;
        }
      else
        {
          guint first = self->slots->len;

          while (made < budget && self->cursor < n_items)
            {
              g_autoptr(GObject) item = g_list_model_get_item (self->model, self->cursor++);

              g_ptr_array_add (self->slots, kd_row_slot_new (item));
              made++;
            }
          emit_items_changed (self, first, 0, self->slots->len - first);
        }
    }

  /* Past the model's end, slots are emptied first, from the top... */
  while (made < budget && self->cursor < self->slots->len)
    {
      KdRowSlot *slot = g_ptr_array_index (self->slots, self->cursor++);

      if (kd_row_slot_get_item (slot) != NULL)
        {
          kd_row_slot_set_item (slot, NULL);
          made++;
        }
    }

  /* ...and go from the end once none shows anything. */
  if (made < budget && self->cursor >= self->slots->len && self->slots->len > n_items)
    {
      guint drop = MIN (budget - made, self->slots->len - n_items);

      g_ptr_array_remove_range (self->slots, self->slots->len - drop, drop);
      self->cursor = self->slots->len;
      emit_items_changed (self, self->slots->len, drop, 0);
      made += drop;
    }

  return made;
}

static gboolean
is_caught_up (KdPacedList *self)
{
  guint n_items = g_list_model_get_n_items (self->model);

  return self->cursor >= n_items && self->slots->len == n_items;
}

static void
set_pending (KdPacedList *self,
             gboolean     pending)
{
  if (self->pending == pending)
    return;
  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static GdkFrameClock *
get_frame_clock (KdPacedList *self)
{
  if (self->widget == NULL || !gtk_widget_get_realized (self->widget))
    return NULL;
  return gtk_widget_get_frame_clock (self->widget);
}

static void
clear_tick (gpointer data)
{
  KdPacedList *self = data;

  self->tick_id = 0;
}

static gboolean tick_cb (GtkWidget     *widget,
                         GdkFrameClock *clock,
                         gpointer       user_data);

/* A share of the changes still to make: the frame's, in its update phase
 * (@in_frame), or the next one's, between frames. */
static void
step (KdPacedList *self,
      gboolean     in_frame)
{
  GdkFrameClock *clock;

  if (self->stepping)
    return;  /* a handler of our own change changed the model: on the next step */
  self->stepping = TRUE;

  clock = get_frame_clock (self);
  if (clock == NULL)
    {
      make_changes (self, G_MAXUINT);
    }
  else
    {
      gint64 frame = gdk_frame_clock_get_frame_counter (clock);
      gint64 period = 2 * frame + (in_frame ? 0 : 1);

      if (!in_frame)
        self->shown_frame = frame;
      if (period != self->budget_period)
        {
          self->budget_period = period;
          self->budget = rows_per_frame (self);
        }
      self->budget -= make_changes (self, self->budget);
    }

  self->stepping = FALSE;

  if (!is_caught_up (self) && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, clear_tick);
  set_pending (self, !is_caught_up (self));
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  KdPacedList *self = user_data;

  /* The frame that shows a step made between frames has no other. */
  if (gdk_frame_clock_get_frame_counter (clock) > self->shown_frame + 1)
    step (self, TRUE);

  if (!is_caught_up (self))
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
model_items_changed_cb (KdPacedList *self,
                        guint        position,
                        guint        removed,
                        guint        added,
                        GListModel  *model)
{
  self->cursor = MIN (self->cursor, position);
  step (self, FALSE);
}

static void
kd_paced_list_set_model (KdPacedList *self,
                         GListModel  *model)
{
  g_assert (self->model == NULL);

  self->model = g_object_ref (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);
  step (self, FALSE);
}

static void
remove_tick (KdPacedList *self)
{
  if (self->tick_id != 0 && self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
}

static void
kd_paced_list_dispose (GObject *object)
{
  KdPacedList *self = (KdPacedList *) object;

  remove_tick (self);
  g_clear_weak_pointer (&self->widget);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->slots, 0);

  G_OBJECT_CLASS (kd_paced_list_parent_class)->dispose (object);
}

static void
kd_paced_list_finalize (GObject *object)
{
  KdPacedList *self = (KdPacedList *) object;

  g_ptr_array_unref (self->slots);

  G_OBJECT_CLASS (kd_paced_list_parent_class)->finalize (object);
}

static void
kd_paced_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KdPacedList *self = KD_PACED_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_WIDGET:
      g_value_set_object (value, self->widget);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->slots->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_paced_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KdPacedList *self = KD_PACED_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      kd_paced_list_set_model (self, g_value_get_object (value));
      break;
    case PROP_WIDGET:
      kd_paced_list_set_widget (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_paced_list_class_init (KdPacedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kd_paced_list_dispose;
  object_class->finalize = kd_paced_list_finalize;
  object_class->get_property = kd_paced_list_get_property;
  object_class->set_property = kd_paced_list_set_property;

  /**
   * KdPacedList:model:
   *
   * The model whose items the slots show.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * KdPacedList:widget: (nullable)
   *
   * The widget whose frames pace the changes: the list view that shows
   * this model.  Held weakly.
   */
  properties[PROP_WIDGET] =
    g_param_spec_object ("widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdPacedList:pending:
   *
   * Whether some slots do not show the model's items yet.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KdPacedList:n-items:
   *
   * The number of slots.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_paced_list_init (KdPacedList *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
  self->budget_period = G_MININT64;
  self->shown_frame = -1;
}

/**
 * kd_paced_list_new:
 * @model: (transfer none): the model to follow
 * @widget: (nullable): the list view that will show it
 *
 * Returns: (transfer full): a model of a #KdRowSlot for each item of @model
 */
KdPacedList *
kd_paced_list_new (GListModel *model,
                   GtkWidget  *widget)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);

  return g_object_new (KD_TYPE_PACED_LIST, "model", model, "widget", widget, NULL);
}

/**
 * kd_paced_list_get_model:
 *
 * Returns: (transfer none): the model followed
 */
GListModel *
kd_paced_list_get_model (KdPacedList *self)
{
  g_return_val_if_fail (KD_IS_PACED_LIST (self), NULL);

  return self->model;
}

/**
 * kd_paced_list_get_widget:
 *
 * Returns: (transfer none) (nullable): the widget whose frames pace it
 */
GtkWidget *
kd_paced_list_get_widget (KdPacedList *self)
{
  g_return_val_if_fail (KD_IS_PACED_LIST (self), NULL);

  return self->widget;
}

void
kd_paced_list_set_widget (KdPacedList *self,
                          GtkWidget   *widget)
{
  g_return_if_fail (KD_IS_PACED_LIST (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (self->widget == widget)
    return;
  remove_tick (self);
  g_set_weak_pointer (&self->widget, widget);
  if (self->model != NULL)
    step (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDGET]);
}

gboolean
kd_paced_list_get_pending (KdPacedList *self)
{
  g_return_val_if_fail (KD_IS_PACED_LIST (self), FALSE);

  return self->pending;
}

/**
 * kd_paced_list_catch_up:
 *
 * Makes every change still pending now.
 */
void
kd_paced_list_catch_up (KdPacedList *self)
{
  g_return_if_fail (KD_IS_PACED_LIST (self));

  if (self->stepping || self->model == NULL)
    return;
  self->stepping = TRUE;
  make_changes (self, G_MAXUINT);
  self->stepping = FALSE;
  remove_tick (self);
  set_pending (self, FALSE);
}
