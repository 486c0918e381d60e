/* kd-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-page.h"

/* What every view of the window is to the window: it can be narrow (its
 * split view collapses), it works on the window's case, it knows how to
 * go back a step, and it has its page in the help.  The window treats its
 * views alike through this, instead of asking which one is shown. */

typedef struct
{
  gboolean narrow;
  KdCase *case_;
} KdPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KdPage, kd_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NARROW,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
kd_page_real_go_back (KdPage *self)
{
  return FALSE;
}

static void
kd_page_dispose (GObject *object)
{
  KdPage *self = (KdPage *) object;
  KdPagePrivate *priv = kd_page_get_instance_private (self);

  g_clear_object (&priv->case_);

  G_OBJECT_CLASS (kd_page_parent_class)->dispose (object);
}

static void
kd_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KdPage *self = KD_PAGE (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      g_value_set_boolean (value, kd_page_get_narrow (self));
      break;
    case PROP_CASE:
      g_value_set_object (value, kd_page_get_case (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KdPage *self = KD_PAGE (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      kd_page_set_narrow (self, g_value_get_boolean (value));
      break;
    case PROP_CASE:
      kd_page_set_case (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_page_class_init (KdPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kd_page_dispose;
  object_class->get_property = kd_page_get_property;
  object_class->set_property = kd_page_set_property;

  klass->go_back = kd_page_real_go_back;

  /**
   * KdPage:narrow:
   *
   * Whether the window is narrow: the page shows one pane at a time.
   */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KdPage:case:
   *
   * The window's case, which the page reads from and writes into.
   */
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, KD_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kd_page_init (KdPage *self)
{
}

/**
 * kd_page_class_set_help_page:
 * @klass: a page class
 * @help_page: the id of its page in the help, such as `analyze`
 */
void
kd_page_class_set_help_page (KdPageClass *klass,
                             const char  *help_page)
{
  g_return_if_fail (KD_IS_PAGE_CLASS (klass));

  klass->help_page = help_page;
}

gboolean
kd_page_get_narrow (KdPage *self)
{
  KdPagePrivate *priv = kd_page_get_instance_private (self);

  g_return_val_if_fail (KD_IS_PAGE (self), FALSE);

  return priv->narrow;
}

void
kd_page_set_narrow (KdPage   *self,
                    gboolean  narrow)
{
  KdPagePrivate *priv = kd_page_get_instance_private (self);

  g_return_if_fail (KD_IS_PAGE (self));

  narrow = !!narrow;
  if (priv->narrow == narrow)
    return;
  priv->narrow = narrow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

/**
 * kd_page_get_case:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the case the page works on
 */
KdCase *
kd_page_get_case (KdPage *self)
{
  KdPagePrivate *priv = kd_page_get_instance_private (self);

  g_return_val_if_fail (KD_IS_PAGE (self), NULL);

  return priv->case_;
}

void
kd_page_set_case (KdPage *self,
                  KdCase *kase)
{
  KdPagePrivate *priv = kd_page_get_instance_private (self);

  g_return_if_fail (KD_IS_PAGE (self));
  g_return_if_fail (kase == NULL || KD_IS_CASE (kase));

  if (g_set_object (&priv->case_, kase))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/**
 * kd_page_go_back:
 * @self: a page
 *
 * Goes back a step within the page: from a detail to its list on a
 * narrow window, for example.
 *
 * Returns: %TRUE if there was a step to go back
 */
gboolean
kd_page_go_back (KdPage *self)
{
  g_return_val_if_fail (KD_IS_PAGE (self), FALSE);

  return KD_PAGE_GET_CLASS (self)->go_back (self);
}

/**
 * kd_page_get_help_page:
 * @self: a page
 *
 * Returns: the id of the page's page in the help
 */
const char *
kd_page_get_help_page (KdPage *self)
{
  g_return_val_if_fail (KD_IS_PAGE (self), NULL);

  return KD_PAGE_GET_CLASS (self)->help_page != NULL ? KD_PAGE_GET_CLASS (self)->help_page : "index";
}

/**
 * kd_page_split_view_go_back:
 * @split_view: the split view of a page
 *
 * What a page whose panes are a split view does for #KdPageClass.go_back:
 * collapsed on a narrow window, from the content back to the sidebar.
 *
 * Returns: whether it went back
 */
gboolean
kd_page_split_view_go_back (AdwNavigationSplitView *split_view)
{
  g_return_val_if_fail (ADW_IS_NAVIGATION_SPLIT_VIEW (split_view), FALSE);

  if (adw_navigation_split_view_get_collapsed (split_view) && adw_navigation_split_view_get_show_content (split_view))
    {
      adw_navigation_split_view_set_show_content (split_view, FALSE);
      return TRUE;
    }
  return FALSE;
}
