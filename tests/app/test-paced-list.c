/* test-paced-list.c — a list view's rows, kept and re-labelled a
 * screenful a frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "kd-paced-list.h"
#include "kd-row-slot.h"
#include "kd-test-utils.h"

/* Items are GtkStringObjects: "a0", "a1"… for a list, "b0"… for another */
static void
fill (GListStore *store,
      const char *prefix,
      guint       n)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s%u", prefix, i);

      g_ptr_array_add (items, gtk_string_object_new (text));
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

static const char *
slot_text (KdPacedList *rows,
           guint        position)
{
  g_autoptr(KdRowSlot) slot = g_list_model_get_item (G_LIST_MODEL (rows), position);
  GtkStringObject *item = kd_row_slot_get_item (slot);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Every slot shows its item of the model, and there are no others. */
static void
assert_caught_up (KdPacedList *rows)
{
  GListModel *model = kd_paced_list_get_model (rows);

  g_assert_false (kd_paced_list_get_pending (rows));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(KdRowSlot) slot = g_list_model_get_item (G_LIST_MODEL (rows), i);

      g_assert_true (kd_row_slot_get_item (slot) == item);
    }
}

typedef struct
{
  guint removed;
  guint added;
} Changes;

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Changes    *changes)
{
  changes->removed += removed;
  changes->added += added;
}

/* Without a widget to pace it, every change is made at once, and a slot
 * stays while what it shows changes. */
static void
test_unpaced (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(KdPacedList) rows = NULL;
  g_autoptr(KdRowSlot) first = NULL;
  g_autoptr(KdRowSlot) again = NULL;
  Changes changes = { 0, 0 };

  fill (store, "a", 5);
  rows = kd_paced_list_new (G_LIST_MODEL (store), NULL);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (rows)) == KD_TYPE_ROW_SLOT);
  assert_caught_up (rows);
  first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (rows), 5));

  g_signal_connect (rows, "items-changed", G_CALLBACK (count_changes), &changes);
  fill (store, "b", 3);
  assert_caught_up (rows);
  g_assert_cmpstr (slot_text (rows, 0), ==, "b0");
  again = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (first == again);
  /* the three kept, two gone at the end */
  g_assert_cmpuint (changes.removed, ==, 2);
  g_assert_cmpuint (changes.added, ==, 0);

  g_list_store_remove_all (store);
  assert_caught_up (rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 0);
}

typedef struct
{
  GtkWidget *window;
  GtkListView *view;
  GListStore *store;
  KdPacedList *rows;
} Fixture;

static void
setup_list (GtkListItemFactory *factory,
            GtkListItem        *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
on_slot_item (KdRowSlot  *slot,
              GParamSpec *pspec,
              GtkLabel   *label)
{
  GtkStringObject *item = kd_row_slot_get_item (slot);

  gtk_label_set_text (label, item != NULL ? gtk_string_object_get_string (item) : "");
}

static void
bind_list (GtkListItemFactory *factory,
           GtkListItem        *item)
{
  KdRowSlot *slot = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  on_slot_item (slot, NULL, GTK_LABEL (label));
  g_signal_connect_object (slot, "notify::item", G_CALLBACK (on_slot_item), label, 0);
}

static void
unbind_list (GtkListItemFactory *factory,
             GtkListItem        *item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_slot_item, gtk_list_item_get_child (item));
}

static void
fixture_setup (Fixture *f)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_list), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_list), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_list), NULL);

  f->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  fill (f->store, "a", 200);
  f->rows = kd_paced_list_new (G_LIST_MODEL (f->store), NULL);
  f->view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (f->rows)))),
                                              factory));
  kd_paced_list_set_widget (f->rows, GTK_WIDGET (f->view));
  g_assert_true (kd_paced_list_get_widget (f->rows) == GTK_WIDGET (f->view));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 300);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  gtk_window_present (GTK_WINDOW (f->window));
  kd_test_wait_for_draw (f->window);
  assert_caught_up (f->rows);
}

static void
fixture_teardown (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->rows);
  g_clear_object (&f->store);
}

static guint
count_rows (GtkWidget *view)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* A new list of the same length: the top at once, the rest in the next
 * frames, and the list view keeps every row it had. */
static void
test_relabel (void)
{
  Fixture f;
  Changes changes = { 0, 0 };
  GtkWidget *first_row;
  g_autofree char *old = NULL;
  guint n_rows;
  guint now = 0;

  fixture_setup (&f);
  first_row = gtk_widget_get_first_child (GTK_WIDGET (f.view));
  n_rows = count_rows (GTK_WIDGET (f.view));
  g_assert_cmpuint (n_rows, >, 10);
  g_signal_connect (f.rows, "items-changed", G_CALLBACK (count_changes), &changes);

  fill (f.store, "b", 200);
  g_assert_true (kd_paced_list_get_pending (f.rows));
  while (now < 200 && g_str_has_prefix (slot_text (f.rows, now), "b"))
    now++;
  /* a screenful (300 px of one-line rows) at least, not all of them */
  g_assert_cmpuint (now, >=, 300 / 40);
  g_assert_cmpuint (now, <, 200);
  old = g_strdup_printf ("a%u", now);
  g_assert_cmpstr (slot_text (f.rows, now), ==, old);

  KD_TEST_WAIT_UNTIL (!kd_paced_list_get_pending (f.rows));
  assert_caught_up (f.rows);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_true (gtk_widget_get_first_child (GTK_WIDGET (f.view)) == first_row);
  g_assert_cmpuint (count_rows (GTK_WIDGET (f.view)), ==, n_rows);

  fixture_teardown (&f);
}

/* A shorter list: the slots past its end are emptied from the top, so
 * nothing stale is on screen, then go from the end. */
static void
test_shrink_and_grow (void)
{
  Fixture f;

  fixture_setup (&f);
  fill (f.store, "b", 2);
  g_assert_true (kd_paced_list_get_pending (f.rows));
  g_assert_cmpstr (slot_text (f.rows, 1), ==, "b1");
  for (guint i = 2; i < 300 / 40; i++)
    g_assert_null (slot_text (f.rows, i));
  KD_TEST_WAIT_UNTIL (!kd_paced_list_get_pending (f.rows));
  assert_caught_up (f.rows);

  fill (f.store, "c", 150);
  g_assert_true (kd_paced_list_get_pending (f.rows));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.rows)), >=, 300 / 40);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.rows)), <, 150);
  KD_TEST_WAIT_UNTIL (!kd_paced_list_get_pending (f.rows));
  assert_caught_up (f.rows);

  fixture_teardown (&f);
}

/* The model changes again before the slots have caught up: they end with
 * the last one; and what is pending can be done at once. */
static void
test_change_while_pending (void)
{
  Fixture f;
  g_autoptr(KdTestNotify) pending = NULL;

  fixture_setup (&f);
  pending = kd_test_notify_watch (f.rows, "pending");
  fill (f.store, "b", 120);
  kd_test_assert_notified (pending);
  fill (f.store, "c", 180);
  g_list_store_remove (f.store, 0);
  KD_TEST_WAIT_UNTIL (!kd_paced_list_get_pending (f.rows));
  assert_caught_up (f.rows);
  g_assert_cmpstr (slot_text (f.rows, 0), ==, "c1");

  fill (f.store, "d", 200);
  g_assert_true (kd_paced_list_get_pending (f.rows));
  kd_paced_list_catch_up (f.rows);
  assert_caught_up (f.rows);

  /* gone with changes pending: nothing runs on a disposed list */
  fill (f.store, "e", 200);
  g_assert_true (kd_paced_list_get_pending (f.rows));
  fixture_teardown (&f);
  kd_test_run_ms (100);
}

int
main (int    argc,
      char **argv)
{
  kd_test_init (&argc, &argv);

  g_test_add_func ("/paced-list/unpaced", test_unpaced);
  g_test_add_func ("/paced-list/relabel", test_relabel);
  g_test_add_func ("/paced-list/shrink-and-grow", test_shrink_and_grow);
  g_test_add_func ("/paced-list/change-while-pending", test_change_while_pending);

  return kd_test_run ();
}
