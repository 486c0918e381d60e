/* kd-finding-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-code-row.h"
#include "kd-command-row.h"
#include "kd-error-catalog.h"
#include "kd-finding-row.h"
#include "kd-hresult.h"

/* One finding, bound to it: the template shows its title and
 * explanation; its severity, remedy, commands and related codes are added
 * when it is set (an expander row cannot take rows from a model).  Errors
 * open by themselves. */
struct _KdFindingRow
{
  AdwExpanderRow parent_instance;

  KdFinding *finding;
};

G_DEFINE_FINAL_TYPE (KdFindingRow, kd_finding_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_FINDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_detail_rows (KdFindingRow *self)
{
  static const char *icons[] = { "dialog-information-symbolic", "dialog-warning-symbolic", "dialog-error-symbolic" };
  static const char *styles[] = { "accent", "warning", "error" };
  KdFindingSeverity severity = kd_finding_get_severity (self->finding);
  GListModel *commands = kd_finding_get_commands (self->finding);
  const char * const *related = kd_finding_get_related (self->finding);
  GtkWidget *icon = gtk_image_new_from_icon_name (icons[severity]);
  GtkWidget *remedy = adw_action_row_new ();

  gtk_widget_add_css_class (icon, styles[severity]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kd_finding_severity_get_label (severity), -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), icon);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (remedy), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remedy), _("What to do"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (remedy), kd_finding_get_remedy (self->finding));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (remedy), 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), remedy);

  for (guint i = 0; i < g_list_model_get_n_items (commands); i++)
    {
      g_autoptr(KdCommand) command = g_list_model_get_item (commands, i);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), kd_command_row_new (command));
    }

  for (guint i = 0; related[i] != NULL; i++)
    {
      g_autoptr(KdErrorCode) entry = NULL;
      guint32 value;

      if (!kd_hresult_parse (related[i], &value, NULL))
        continue;
      entry = kd_error_catalog_resolve (kd_error_catalog_get_default (), value);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), kd_code_row_new (entry, NULL));
    }
}

static void
kd_finding_row_dispose (GObject *object)
{
  KdFindingRow *self = (KdFindingRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_FINDING_ROW);
  g_clear_object (&self->finding);

  G_OBJECT_CLASS (kd_finding_row_parent_class)->dispose (object);
}

static void
kd_finding_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KdFindingRow *self = KD_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      g_value_set_object (value, self->finding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_finding_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KdFindingRow *self = KD_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      /* Construct-only: the rows it adds belong to this finding.  The
       * notification reaches the template's bindings once constructed. */
      self->finding = g_value_dup_object (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_finding_row_constructed (GObject *object)
{
  KdFindingRow *self = (KdFindingRow *) object;

  G_OBJECT_CLASS (kd_finding_row_parent_class)->constructed (object);

  g_return_if_fail (KD_IS_FINDING (self->finding));
  add_detail_rows (self);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), kd_finding_get_severity (self->finding) == KD_FINDING_ERROR);
}

static void
kd_finding_row_class_init (KdFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kd_finding_row_constructed;
  object_class->dispose = kd_finding_row_dispose;
  object_class->get_property = kd_finding_row_get_property;
  object_class->set_property = kd_finding_row_set_property;

  properties[PROP_FINDING] =
    g_param_spec_object ("finding", NULL, NULL, KD_TYPE_FINDING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-finding-row.ui");
}

static void
kd_finding_row_init (KdFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kd_finding_row_new (KdFinding *finding)
{
  g_return_val_if_fail (KD_IS_FINDING (finding), NULL);

  return g_object_new (KD_TYPE_FINDING_ROW, "finding", finding, NULL);
}

KdFinding *
kd_finding_row_get_finding (KdFindingRow *self)
{
  g_return_val_if_fail (KD_IS_FINDING_ROW (self), NULL);

  return self->finding;
}
