/* kd-result-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-field-info.h"
#include "kd-field-row.h"
#include "kd-finding-row.h"
#include "kd-result-view.h"
#include "kd-text-row.h"

/* What a diagnosis says, one product at a time: the verdict, the
 * product's findings and those about the whole capture, its fields by
 * group, and what the capture itself was (kind, language, encoding, notes,
 * lines not understood).  The Analyze page shows it beside the capture.
 * Setting a diagnosis shows what is about the capture at once; the
 * product's part comes with kd_result_view_show_product(), which the page
 * calls a main loop iteration later: each is short enough for a frame. */

struct _KdResultView
{
  GtkWidget parent_instance;

  /* Template children */
  GtkScrolledWindow *result_scroller;
  GtkImage *verdict_icon;
  GtkLabel *verdict_label;
  GtkLabel *summary_label;
  GtkListBox *findings_list;
  GtkFilterListModel *findings_model;
  GtkCustomFilter *findings_filter;
  GtkBox *fields_box;
  GtkListBox *capture_list;

  KdDiagnosis *diagnosis;
  guint shown_product;      /* whose findings the list shows */
};

G_DEFINE_FINAL_TYPE (KdResultView, kd_result_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DIAGNOSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_finding_row (gpointer item,
                    gpointer user_data)
{
  return kd_finding_row_new (item);
}

static gboolean
finding_is_shown (gpointer item,
                  gpointer user_data)
{
  KdResultView *self = user_data;
  int about = kd_finding_get_product (item);

  /* The product's own findings, and those about the whole capture. */
  return about < 0 || about == (int) self->shown_product;
}

static gboolean
kd_result_view_has_items (gpointer user_data,
                           guint    n_items)
{
  return n_items > 0;
}

static void
show_fields (KdResultView     *self,
             KdCaptureProduct *product)
{
  GtkWidget *child;
  AdwPreferencesGroup *group = NULL;
  int group_shown = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box))) != NULL)
    gtk_box_remove (self->fields_box, child);

  if (product == NULL)
    return;

  for (guint i = 0; i < kd_field_info_get_n (); i++)
    {
      const KdFieldInfo *info = kd_field_info_get_nth (i);
      const char *value = kd_capture_product_get_field (product, kd_field_info_get_key (info));
      GtkWidget *row;

      if (value == NULL || *value == '\0')
        continue;
      if (group == NULL || group_shown != (int) kd_field_info_get_group (info))
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, kd_field_group_get_label (kd_field_info_get_group (info)));
          gtk_box_append (self->fields_box, GTK_WIDGET (group));
          group_shown = kd_field_info_get_group (info);
        }
      row = kd_field_row_new (kd_field_info_get_label (info), value);
      adw_preferences_group_add (group, row);
    }
}

/* The lines not understood go in when their row is first expanded: even
 * hidden, a few hundred labels of binary garbage take GTK a tenth of a
 * second to measure. */
static void
on_unknown_expanded (AdwExpanderRow *expander,
                     GParamSpec     *pspec,
                     KdResultView   *self)
{
  const char * const *unknown;

  if (!adw_expander_row_get_expanded (expander) || self->diagnosis == NULL)
    return;
  g_signal_handlers_disconnect_by_func (expander, on_unknown_expanded, self);

  unknown = kd_capture_get_unknown_lines (kd_diagnosis_get_document (self->diagnosis));
  /* A huge paste of garbage stays readable: the first lines say enough. */
  for (guint i = 0; i < 200 && unknown[i] != NULL; i++)
    {
      g_autofree char *shown = g_utf8_substring (unknown[i], 0, MIN (g_utf8_strlen (unknown[i], -1), 400));
      GtkWidget *line = gtk_label_new (shown);

      gtk_label_set_xalign (GTK_LABEL (line), 0);
      gtk_label_set_wrap (GTK_LABEL (line), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (line), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (line), TRUE);
      gtk_widget_add_css_class (line, "monospace");
      gtk_widget_set_margin_start (line, 12);
      gtk_widget_set_margin_end (line, 12);
      gtk_widget_set_margin_top (line, 6);
      gtk_widget_set_margin_bottom (line, 6);
      adw_expander_row_add_row (expander, line);
    }
}

static void
show_capture (KdResultView *self)
{
  KdCapture *doc = kd_diagnosis_get_document (self->diagnosis);
  const char * const *notes = kd_capture_get_notes (doc);
  const char * const *unknown = kd_capture_get_unknown_lines (doc);
  g_autofree char *kind = NULL;
  GtkWidget *row;

  gtk_list_box_remove_all (self->capture_list);

  kind = g_strdup_printf ("%s · %s · %s", kd_capture_kind_get_id (kd_capture_get_kind (doc)),
                          kd_capture_get_language (doc) != NULL ? kd_capture_get_language (doc)
                                                                     : _("labels in an unknown language"),
                          kd_capture_get_encoding (doc));
  row = kd_text_row_new (_("Kind, language and encoding"), kind);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->capture_list, row);

  for (guint i = 0; notes[i] != NULL; i++)
    gtk_list_box_append (self->capture_list, kd_text_row_new (notes[i], NULL));

  if (unknown[0] != NULL)
    {
      GtkWidget *expander = adw_expander_row_new ();
      guint n = g_strv_length ((GStrv) unknown);
      g_autofree char *title = g_strdup_printf (ngettext ("%u line not understood", "%u lines not understood", n), n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (on_unknown_expanded), self, 0);
      gtk_list_box_append (self->capture_list, expander);
    }
}

static void
show_product (KdResultView *self,
              guint         index)
{
  static const char *icons[] = { "object-select-symbolic", "dialog-warning-symbolic", "dialog-error-symbolic" };
  static const char *styles[] = { "success", "warning", "error" };
  KdCapture *doc = kd_diagnosis_get_document (self->diagnosis);
  GListModel *products = kd_capture_get_products (doc);
  GListModel *findings = kd_diagnosis_get_findings (self->diagnosis);
  g_autoptr(KdCaptureProduct) product = NULL;
  KdVerdict verdict;

  if (index < g_list_model_get_n_items (products))
    product = g_list_model_get_item (products, index);

  verdict = product != NULL ? kd_diagnosis_get_product_verdict (self->diagnosis, index)
                            : kd_diagnosis_get_verdict (self->diagnosis);
  gtk_image_set_from_icon_name (self->verdict_icon, icons[verdict]);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_icon), styles[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_icon), styles[verdict]);
  gtk_label_set_text (self->verdict_label, kd_verdict_get_label (verdict));

  if (product != NULL)
    {
      const char *name = kd_capture_product_get_name (product);
      const char *status = kd_capture_product_get_field (product, "license_status");
      g_autofree char *summary = g_strdup_printf ("%s · %s%s%s", name != NULL ? name : _("A product without a name"),
                                                  kd_license_role_get_label (kd_capture_product_get_role (product)),
                                                  status != NULL ? " · " : "", status != NULL ? status : "");
      gtk_label_set_text (self->summary_label, summary);
    }
  else
    gtk_label_set_text (self->summary_label, _("Nothing in the text looks like the output of slmgr.vbs or ospp.vbs"));

  self->shown_product = index;
  if (gtk_filter_list_model_get_model (self->findings_model) != findings)
    gtk_filter_list_model_set_model (self->findings_model, findings);
  else
    gtk_filter_changed (GTK_FILTER (self->findings_filter), GTK_FILTER_CHANGE_DIFFERENT);

  show_fields (self, product);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->result_scroller), 0);
}

static void
kd_result_view_dispose (GObject *object)
{
  KdResultView *self = (KdResultView *) object;

  g_clear_object (&self->diagnosis);
  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_RESULT_VIEW);

  G_OBJECT_CLASS (kd_result_view_parent_class)->dispose (object);
}

static void
kd_result_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KdResultView *self = KD_RESULT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DIAGNOSIS:
      g_value_set_object (value, self->diagnosis);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_result_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KdResultView *self = KD_RESULT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DIAGNOSIS:
      kd_result_view_set_diagnosis (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_result_view_class_init (KdResultViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kd_result_view_dispose;
  object_class->get_property = kd_result_view_get_property;
  object_class->set_property = kd_result_view_set_property;

  properties[PROP_DIAGNOSIS] =
    g_param_spec_object ("diagnosis", NULL, NULL, KD_TYPE_DIAGNOSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-result-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KdResultView, result_scroller);
  gtk_widget_class_bind_template_child (widget_class, KdResultView, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, KdResultView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, KdResultView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KdResultView, findings_list);
  gtk_widget_class_bind_template_child (widget_class, KdResultView, findings_model);
  gtk_widget_class_bind_template_child (widget_class, KdResultView, findings_filter);
  gtk_widget_class_bind_template_child (widget_class, KdResultView, fields_box);
  gtk_widget_class_bind_template_child (widget_class, KdResultView, capture_list);
  gtk_widget_class_bind_template_callback (widget_class, kd_result_view_has_items);
}

static void
kd_result_view_init (KdResultView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->findings_filter, finding_is_shown, self, NULL);
  gtk_list_box_bind_model (self->findings_list, G_LIST_MODEL (self->findings_model), create_finding_row, NULL, NULL);
}

/**
 * kd_result_view_get_diagnosis:
 * @self: a #KdResultView
 *
 * Returns: (transfer none) (nullable): the diagnosis shown
 */
KdDiagnosis *
kd_result_view_get_diagnosis (KdResultView *self)
{
  g_return_val_if_fail (KD_IS_RESULT_VIEW (self), NULL);

  return self->diagnosis;
}

/**
 * kd_result_view_set_diagnosis:
 * @self: a #KdResultView
 * @diagnosis: (nullable): what to show
 *
 * Shows what @diagnosis says of the capture as a whole; its products are
 * shown by kd_result_view_show_product().
 */
void
kd_result_view_set_diagnosis (KdResultView *self,
                              KdDiagnosis  *diagnosis)
{
  g_return_if_fail (KD_IS_RESULT_VIEW (self));
  g_return_if_fail (diagnosis == NULL || KD_IS_DIAGNOSIS (diagnosis));

  if (!g_set_object (&self->diagnosis, diagnosis))
    return;
  if (diagnosis != NULL)
    show_capture (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGNOSIS]);
}

/**
 * kd_result_view_show_product:
 * @self: a #KdResultView with a diagnosis
 * @index: a product of the capture, or one past the last for none
 *
 * Shows the verdict, findings and fields of the product at @index.
 */
void
kd_result_view_show_product (KdResultView *self,
                             guint         index)
{
  g_return_if_fail (KD_IS_RESULT_VIEW (self));
  g_return_if_fail (self->diagnosis != NULL);

  show_product (self, index);
}
