/* kd-redaction-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-redaction-dialog.h"
#include "kd-redaction.h"

/* What a redacted report will say, before it is written: the report as
 * text with every mask highlighted, and each value masked in a list where
 * the user may keep it as it is.  The window writes the preview again
 * when a choice changes (the dialog is busy meanwhile), and the report
 * when Export is pressed. */

struct _KdRedactionDialog
{
  AdwDialog parent_instance;

  GtkListBox *list;
  GtkLabel *summary_label;
  GtkTextView *preview;

  GListModel *redactions;   /* KdRedaction */
  char *text;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (KdRedactionDialog, kd_redaction_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  EXPORT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_summary (KdRedactionDialog *self)
{
  guint n = self->redactions != NULL ? g_list_model_get_n_items (self->redactions) : 0;
  guint masked = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KdRedaction) redaction = g_list_model_get_item (self->redactions, i);

      masked += kd_redaction_get_masked (redaction);
    }
  if (n == 0)
    text = g_strdup (_("Nothing in this report looks like a value to mask. Read it before you send it all the same."));
  else
    text = g_strdup_printf (ngettext ("%u of %u value is masked: highlighted in the report. Switch one off to write "
                                      "it as it is.",
                                      "%u of %u values are masked: highlighted in the report. Switch one off to "
                                      "write it as it is.",
                                      n),
                            masked, n);
  gtk_label_set_label (self->summary_label, text);
}

static void
masked_changed_cb (KdRedactionDialog *self)
{
  update_summary (self);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KdRedactionDialog *self = user_data;
  KdRedaction *redaction = item;
  GtkWidget *row = adw_switch_row_new ();
  g_autofree char *subtitle = g_strdup_printf ("%s → %s", kd_redact_kind_get_label (kd_redaction_get_kind (redaction)),
                                               kd_redaction_get_mask (redaction));

  /* values come from the captures: never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kd_redaction_get_value (redaction));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  g_object_bind_property (redaction, "masked", row, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (redaction, "notify::masked", G_CALLBACK (masked_changed_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static void
cancel_clicked_cb (KdRedactionDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
export_clicked_cb (KdRedactionDialog *self)
{
  g_signal_emit (self, signals[EXPORT], 0);
}

static void
kd_redaction_dialog_dispose (GObject *object)
{
  KdRedactionDialog *self = KD_REDACTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_REDACTION_DIALOG);
  g_clear_object (&self->redactions);

  G_OBJECT_CLASS (kd_redaction_dialog_parent_class)->dispose (object);
}

static void
kd_redaction_dialog_finalize (GObject *object)
{
  KdRedactionDialog *self = KD_REDACTION_DIALOG (object);

  g_free (self->text);

  G_OBJECT_CLASS (kd_redaction_dialog_parent_class)->finalize (object);
}

static void
kd_redaction_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KdRedactionDialog *self = KD_REDACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_redaction_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KdRedactionDialog *self = KD_REDACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      kd_redaction_dialog_set_busy (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_redaction_dialog_class_init (KdRedactionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kd_redaction_dialog_dispose;
  object_class->finalize = kd_redaction_dialog_finalize;
  object_class->get_property = kd_redaction_dialog_get_property;
  object_class->set_property = kd_redaction_dialog_set_property;

  /**
   * KdRedactionDialog:busy:
   *
   * Whether the preview is being written again: Export waits for it.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KdRedactionDialog::export:
   *
   * The user checked the redaction and wants the report written.
   */
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-redaction-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KdRedactionDialog, list);
  gtk_widget_class_bind_template_child (widget_class, KdRedactionDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KdRedactionDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static void
kd_redaction_dialog_init (KdRedactionDialog *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->preview);
  /* the masks, readable in light and dark style */
  gtk_text_buffer_create_tag (buffer, "mask", "background-rgba", &(GdkRGBA) { 0.96, 0.76, 0.07, 0.35 },
                              "weight", PANGO_WEIGHT_BOLD, NULL);
  update_summary (self);
}

KdRedactionDialog *
kd_redaction_dialog_new (void)
{
  return g_object_new (KD_TYPE_REDACTION_DIALOG, NULL);
}

/**
 * kd_redaction_dialog_set_preview:
 * @text: the report as text, redacted
 * @spans: (element-type guint): where its masks start and end, in bytes,
 *   in pairs (kd_redactor_find_masks())
 * @redactions: (nullable): the values masked (#KdRedaction), to list;
 *   %NULL keeps the list shown
 */
void
kd_redaction_dialog_set_preview (KdRedactionDialog *self,
                                 const char        *text,
                                 GArray            *spans,
                                 GListModel        *redactions)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter start, end;

  g_return_if_fail (KD_IS_REDACTION_DIALOG (self));
  g_return_if_fail (text != NULL);

  g_free (self->text);
  self->text = g_strdup (text);
  buffer = gtk_text_view_get_buffer (self->preview);
  gtk_text_buffer_set_text (buffer, text, -1);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "mask");
  /* the spans are in order: the characters before each are counted from
   * the one before, not from the start (a report of 10,000 clients has
   * that many masks) */
  gtk_text_buffer_get_start_iter (buffer, &start);
  for (guint i = 0, at = 0; spans != NULL && i + 1 < spans->len; i += 2)
    {
      guint from = g_array_index (spans, guint, i), to = g_array_index (spans, guint, i + 1);

      gtk_text_iter_forward_chars (&start, g_utf8_strlen (text + at, from - at));
      end = start;
      gtk_text_iter_forward_chars (&end, g_utf8_strlen (text + from, to - from));
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
      start = end;
      at = to;
    }
  if (redactions != NULL && g_set_object (&self->redactions, redactions))
    gtk_list_box_bind_model (self->list, redactions, create_row, self, NULL);
  update_summary (self);
}

/**
 * kd_redaction_dialog_get_redactions:
 *
 * Returns: (transfer none) (nullable): the values listed, with the user's
 *   choices
 */
GListModel *
kd_redaction_dialog_get_redactions (KdRedactionDialog *self)
{
  g_return_val_if_fail (KD_IS_REDACTION_DIALOG (self), NULL);

  return self->redactions;
}

const char *
kd_redaction_dialog_get_text (KdRedactionDialog *self)
{
  g_return_val_if_fail (KD_IS_REDACTION_DIALOG (self), NULL);

  return self->text;
}

gboolean
kd_redaction_dialog_get_busy (KdRedactionDialog *self)
{
  g_return_val_if_fail (KD_IS_REDACTION_DIALOG (self), FALSE);

  return self->busy;
}

void
kd_redaction_dialog_set_busy (KdRedactionDialog *self,
                              gboolean           busy)
{
  g_return_if_fail (KD_IS_REDACTION_DIALOG (self));

  busy = !!busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}
