/* kd-diff-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-diff-dialog.h"
#include "kd-diff-field.h"

/* Two captures compared by their fields, product by product: what
 * changed, what only one of them says, the fields that change by
 * themselves left out and said to be, and the unchanged folded away. */

struct _KdDiffDialog
{
  AdwDialog parent_instance;

  AdwPreferencesPage *page;
  GtkLabel *summary_label;

  KdCaptureDiff *diff;
};

G_DEFINE_FINAL_TYPE (KdDiffDialog, kd_diff_dialog, ADW_TYPE_DIALOG)

enum {
  CHOOSE_OTHER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
other_clicked_cb (KdDiffDialog *self)
{
  g_signal_emit (self, signals[CHOOSE_OTHER], 0);
}

static GtkWidget *
field_row (KdDiffField *field)
{
  GtkWidget *row = adw_action_row_new ();
  /* an ignored field may be in one capture only */
  const char *a = kd_diff_field_get_a (field) != NULL ? kd_diff_field_get_a (field) : "—";
  const char *b = kd_diff_field_get_b (field) != NULL ? kd_diff_field_get_b (field) : "—";
  g_autofree char *subtitle = NULL;
  const char *tag = NULL, *css = NULL;

  switch (kd_diff_field_get_change (field))
    {
    case KD_DIFF_CHANGED:
    case KD_DIFF_IGNORED:
      subtitle = g_strdup_printf ("%s → %s", a, b);
      tag = kd_diff_field_get_change (field) == KD_DIFF_CHANGED ? _("Changed") : _("Changes by itself");
      css = kd_diff_field_get_change (field) == KD_DIFF_CHANGED ? "warning" : "dim-label";
      break;
    case KD_DIFF_ONLY_A:
      subtitle = g_strdup (a);
      tag = _("Only in A");
      css = "error";
      break;
    case KD_DIFF_ONLY_B:
      subtitle = g_strdup (b);
      tag = _("Only in B");
      css = "accent";
      break;
    case KD_DIFF_SAME:
    default:
      subtitle = g_strdup (a);
      break;
    }
  /* values come from the captures: never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kd_diff_field_get_label (field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "property");
  if (tag != NULL)
    {
      GtkWidget *label = gtk_label_new (tag);

      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, css);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static void
add_product (KdDiffDialog *self,
             guint         product)
{
  KdDiffChange in;
  const char *name = kd_capture_diff_get_product (self->diff, product, &in);
  g_autoptr(GListModel) fields = kd_capture_diff_dup_fields (self->diff, product);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GListStore) same = g_list_store_new (KD_TYPE_DIFF_FIELD);
  guint n = g_list_model_get_n_items (fields);

  g_autofree char *escaped = g_markup_escape_text (name != NULL ? name : _("A product without a name"), -1);

  /* the group's title is markup; the name comes from a capture */
  adw_preferences_group_set_title (group, escaped);
  if (in == KD_DIFF_ONLY_A)
    adw_preferences_group_set_description (group, _("Only in A: the second capture does not have this product"));
  else if (in == KD_DIFF_ONLY_B)
    adw_preferences_group_set_description (group, _("Only in B: the first capture does not have this product"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KdDiffField) field = g_list_model_get_item (fields, i);

      if (kd_diff_field_get_change (field) == KD_DIFF_SAME)
        g_list_store_append (same, field);
      else
        adw_preferences_group_add (group, field_row (field));
    }
  /* the unchanged, folded */
  if (g_list_model_get_n_items (G_LIST_MODEL (same)) > 0)
    {
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf (ngettext ("%u field unchanged", "%u fields unchanged",
                                                          g_list_model_get_n_items (G_LIST_MODEL (same))),
                                                g_list_model_get_n_items (G_LIST_MODEL (same)));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (same)); i++)
        {
          g_autoptr(KdDiffField) field = g_list_model_get_item (G_LIST_MODEL (same), i);

          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), field_row (field));
        }
      adw_preferences_group_add (group, expander);
    }
  adw_preferences_page_add (self->page, group);
}

static void
kd_diff_dialog_dispose (GObject *object)
{
  KdDiffDialog *self = KD_DIFF_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_DIFF_DIALOG);
  g_clear_object (&self->diff);

  G_OBJECT_CLASS (kd_diff_dialog_parent_class)->dispose (object);
}

static void
kd_diff_dialog_class_init (KdDiffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kd_diff_dialog_dispose;

  /**
   * KdDiffDialog::choose-other:
   *
   * The user wants to compare with another capture than B.
   */
  signals[CHOOSE_OTHER] = g_signal_new ("choose-other", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-diff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KdDiffDialog, page);
  gtk_widget_class_bind_template_child (widget_class, KdDiffDialog, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, other_clicked_cb);
}

static void
kd_diff_dialog_init (KdDiffDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kd_diff_dialog_new:
 * @diff: two captures compared
 * @name_a: what the first is called (its file, or the capture in Analyze)
 * @name_b: what the second is called
 */
KdDiffDialog *
kd_diff_dialog_new (KdCaptureDiff *diff,
                    const char    *name_a,
                    const char    *name_b)
{
  KdDiffDialog *self;
  g_autofree char *summary = NULL;
  g_autofree char *changes = NULL;

  g_return_val_if_fail (KD_IS_CAPTURE_DIFF (diff), NULL);

  self = g_object_new (KD_TYPE_DIFF_DIALOG, NULL);
  self->diff = g_object_ref (diff);
  changes = kd_capture_diff_is_identical (diff)
              ? g_strdup (_("They say the same, but for the fields that change by themselves."))
              : g_strdup_printf (ngettext ("%u difference.", "%u differences.", kd_capture_diff_get_n_changes (diff)),
                                 kd_capture_diff_get_n_changes (diff));
  /* TRANSLATORS: "A: dlv-before.txt. B: dlv-after.txt. 3 differences." */
  summary = g_strdup_printf (_("A: %s. B: %s. %s"), name_a, name_b, changes);
  gtk_label_set_label (self->summary_label, summary);
  for (guint i = 0; i < kd_capture_diff_get_n_products (diff); i++)
    add_product (self, i);
  return self;
}

KdCaptureDiff *
kd_diff_dialog_get_diff (KdDiffDialog *self)
{
  g_return_val_if_fail (KD_IS_DIFF_DIALOG (self), NULL);
  return self->diff;
}
