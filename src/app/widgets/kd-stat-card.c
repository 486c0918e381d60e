/* kd-stat-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-stat-card.h"

/* A figure of the KMS Health summary.  Its colour says what it means
 * (libadwaita's success, warning and error classes), and screen readers
 * get the title, the figure and the line about it as one label. */

G_DEFINE_ENUM_TYPE (KdStatTone, kd_stat_tone,
                    G_DEFINE_ENUM_VALUE (KD_STAT_TONE_NEUTRAL, "neutral"),
                    G_DEFINE_ENUM_VALUE (KD_STAT_TONE_GOOD, "good"),
                    G_DEFINE_ENUM_VALUE (KD_STAT_TONE_WARNING, "warning"),
                    G_DEFINE_ENUM_VALUE (KD_STAT_TONE_ERROR, "error"))

struct _KdStatCard
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget *box;
  GtkLabel *value_label;
  AdwBin *extra_bin;

  char *title;
  char *value;
  char *detail;
  KdStatTone tone;
};

G_DEFINE_FINAL_TYPE (KdStatCard, kd_stat_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VALUE,
  PROP_DETAIL,
  PROP_TONE,
  PROP_EXTRA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (KdStatCard *self)
{
  g_autofree char *label = g_strjoin (": ", self->title != NULL ? self->title : "",
                                      self->value != NULL ? self->value : "", NULL);
  g_autofree char *full = self->detail != NULL && *self->detail != '\0'
                            ? g_strconcat (label, ". ", self->detail, NULL) : g_strdup (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
}

static void
kd_stat_card_dispose (GObject *object)
{
  KdStatCard *self = (KdStatCard *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_STAT_CARD);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (kd_stat_card_parent_class)->dispose (object);
}

static void
kd_stat_card_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KdStatCard *self = KD_STAT_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_TONE:
      g_value_set_enum (value, self->tone);
      break;
    case PROP_EXTRA:
      g_value_set_object (value, adw_bin_get_child (self->extra_bin));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_stat_card_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KdStatCard *self = KD_STAT_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (g_set_str (&self->title, g_value_get_string (value)))
        {
          update_label (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VALUE:
      kd_stat_card_set_value (self, g_value_get_string (value));
      break;
    case PROP_DETAIL:
      kd_stat_card_set_detail (self, g_value_get_string (value));
      break;
    case PROP_TONE:
      kd_stat_card_set_tone (self, g_value_get_enum (value));
      break;
    case PROP_EXTRA:
      adw_bin_set_child (self->extra_bin, g_value_get_object (value));
      gtk_widget_set_visible (GTK_WIDGET (self->extra_bin), g_value_get_object (value) != NULL);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_stat_card_class_init (KdStatCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kd_stat_card_dispose;
  object_class->get_property = kd_stat_card_get_property;
  object_class->set_property = kd_stat_card_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_TONE] = g_param_spec_enum ("tone", NULL, NULL, KD_TYPE_STAT_TONE, KD_STAT_TONE_NEUTRAL, flags);
  /**
   * KdStatCard:extra:
   *
   * A widget under the figure, such as a gauge.
   */
  properties[PROP_EXTRA] = g_param_spec_object ("extra", NULL, NULL, GTK_TYPE_WIDGET, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-stat-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KdStatCard, box);
  gtk_widget_class_bind_template_child (widget_class, KdStatCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, KdStatCard, extra_bin);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kd_stat_card_init (KdStatCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
kd_stat_card_set_value (KdStatCard *self,
                        const char *value)
{
  g_return_if_fail (KD_IS_STAT_CARD (self));

  if (g_set_str (&self->value, value))
    {
      update_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
}

const char *
kd_stat_card_get_value (KdStatCard *self)
{
  g_return_val_if_fail (KD_IS_STAT_CARD (self), NULL);
  return self->value;
}

void
kd_stat_card_set_detail (KdStatCard *self,
                         const char *detail)
{
  g_return_if_fail (KD_IS_STAT_CARD (self));

  if (g_set_str (&self->detail, detail))
    {
      update_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
    }
}

const char *
kd_stat_card_get_detail (KdStatCard *self)
{
  g_return_val_if_fail (KD_IS_STAT_CARD (self), NULL);
  return self->detail;
}

void
kd_stat_card_set_tone (KdStatCard *self,
                       KdStatTone  tone)
{
  static const char *classes[] = { NULL, "success", "warning", "error" };

  g_return_if_fail (KD_IS_STAT_CARD (self));

  if (self->tone == tone)
    return;
  if (classes[self->tone] != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), classes[self->tone]);
  self->tone = tone;
  if (classes[tone] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), classes[tone]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TONE]);
}

KdStatTone
kd_stat_card_get_tone (KdStatCard *self)
{
  g_return_val_if_fail (KD_IS_STAT_CARD (self), KD_STAT_TONE_NEUTRAL);
  return self->tone;
}
