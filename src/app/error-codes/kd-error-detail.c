/* kd-error-detail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kd-code-row.h"
#include "kd-link-row.h"
#include "kd-step-row.h"
#include "kd-command.h"
#include "kd-command-row.h"
#include "kd-error-catalog.h"
#include "kd-error-detail.h"
#include "kd-hresult.h"

/* Everything about one code: what Windows says, what it means, what to do,
 * the commands to copy, the codes next to it and what its bits say. */
struct _KdErrorDetail
{
  GtkWidget parent_instance;

  /* Template children */
  GtkScrolledWindow *scroller;
  AdwWrapBox *badges;
  GtkWidget *steps_box;
  GtkListBox *steps_list;
  GtkWidget *commands_group;
  GtkListBox *commands_list;
  GtkWidget *related_group;
  GtkListBox *related_list;
  GtkWidget *nearest_group;
  GtkListBox *nearest_list;
  GtkWidget *sources_group;
  GtkListBox *sources_list;

  KdErrorCode *entry;
};

G_DEFINE_FINAL_TYPE (KdErrorDetail, kd_error_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Catalog prose marks commands, paths and values with backticks, as in
 * Markdown; on screen they become monospace, everything else is escaped. */
static char *
markup_from_backticks (const char *text)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_auto(GStrv) parts = g_strsplit (text, "`", -1);
  guint n = g_strv_length (parts);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (parts[i], -1);
      /* An odd part is inside backticks, unless the last one is unclosed. */
      gboolean code = (i % 2 == 1) && !(i == n - 1 && n % 2 == 0);

      if (code)
        g_string_append_printf (markup, "<tt>%s</tt>", escaped);
      else
        {
          if (i % 2 == 1)
            g_string_append_c (markup, '`');
          g_string_append (markup, escaped);
        }
    }

  return g_string_free_and_steal (g_steal_pointer (&markup));
}

static char *
describe_unknown (KdErrorCode *entry)
{
  guint32 value = kd_error_code_get_value (entry);
  guint facility = kd_hresult_get_facility (value);
  const char *facility_name = kd_hresult_facility_get_name (facility);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("%s is not an activation error code that KMS Doctor knows. "),
                          kd_error_code_get_code (entry));
  if (kd_error_code_get_win32_symbol (entry) != NULL)
    {
      guint win32 = 0;

      kd_hresult_get_win32 (value, &win32);
      g_string_append_printf (text, _("It carries Win32 error %u, %s: “%s”"), win32,
                              kd_error_code_get_win32_symbol (entry),
                              kd_error_code_get_win32_message (entry));
    }
  else
    g_string_append_printf (text, _("Its bits say: %s, facility %u (%s), code 0x%04X."),
                            kd_hresult_severity_get_label (kd_hresult_get_severity (value)),
                            facility, facility_name != NULL ? facility_name : _("not defined"),
                            kd_hresult_get_code (value));

  return g_string_free_and_steal (g_steal_pointer (&text));
}

/* The title, unless it only repeats the message (an entry without a
 * title of its own), or the code is not in the catalog. */
static char *
dup_title (KdErrorCode *entry)
{
  g_autofree char *title = NULL;

  if (entry == NULL || !kd_error_code_get_known (entry))
    return NULL;
  title = kd_error_code_dup_display_title (entry);
  if (g_strcmp0 (title, kd_error_code_get_message (entry)) == 0)
    return NULL;
  return g_steal_pointer (&title);
}

static char *
kd_error_detail_title_markup (gpointer     user_data,
                              KdErrorCode *entry)
{
  g_autofree char *title = dup_title (entry);

  return title != NULL ? markup_from_backticks (title) : g_strdup ("");
}

static gboolean
kd_error_detail_has_title (gpointer     user_data,
                           KdErrorCode *entry)
{
  g_autofree char *title = dup_title (entry);

  return title != NULL && *title != '\0';
}

static gboolean
kd_error_detail_is_unknown (gpointer     user_data,
                            KdErrorCode *entry)
{
  return entry != NULL && !kd_error_code_get_known (entry);
}

static char *
kd_error_detail_unknown_text (gpointer     user_data,
                              KdErrorCode *entry)
{
  return entry != NULL && !kd_error_code_get_known (entry) ? describe_unknown (entry) : g_strdup ("");
}

/* Windows' own words; a code of the catalog without them says so. */
static char *
kd_error_detail_message_text (gpointer     user_data,
                              KdErrorCode *entry)
{
  if (entry == NULL)
    return g_strdup ("");
  if (kd_error_code_get_message (entry) == NULL && kd_error_code_get_known (entry))
    return g_strdup (_("Windows has no message text for this code."));
  return g_strdup (kd_error_code_get_message (entry) != NULL ? kd_error_code_get_message (entry) : "");
}

static gboolean
kd_error_detail_has_message (gpointer     user_data,
                             KdErrorCode *entry)
{
  return entry != NULL && ((kd_error_code_get_message (entry) != NULL && *kd_error_code_get_message (entry) != '\0') ||
                           kd_error_code_get_known (entry));
}

static gboolean
kd_error_detail_has_text (gpointer    user_data,
                          const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
kd_error_detail_prose_markup (gpointer    user_data,
                              const char *text)
{
  return text != NULL ? markup_from_backticks (text) : g_strdup ("");
}

/* The rows of the code's structure, each from the entry's number. */
static char *
kd_error_detail_decimal_text (gpointer user_data,
                              int      decimal)
{
  return g_strdup_printf ("%d", decimal);
}

static char *
kd_error_detail_unsigned_text (gpointer user_data,
                               guint    value)
{
  return g_strdup_printf ("%u", value);
}

static char *
kd_error_detail_severity_text (gpointer user_data,
                               guint    value)
{
  return g_strdup (kd_hresult_severity_get_label (kd_hresult_get_severity (value)));
}

static char *
kd_error_detail_facility_text (gpointer user_data,
                               guint    value)
{
  guint facility = kd_hresult_get_facility (value);
  const char *name = kd_hresult_facility_get_name (facility);

  return g_strdup_printf ("%u — %s", facility, name != NULL ? name : _("not defined"));
}

static char *
kd_error_detail_code_text (gpointer user_data,
                           guint    value)
{
  return g_strdup_printf ("0x%04X (%u)", kd_hresult_get_code (value), kd_hresult_get_code (value));
}

/* "" for a code of no known zone: the row hides. */
static char *
kd_error_detail_zone_text (gpointer user_data,
                           guint    value)
{
  return g_strdup (kd_hresult_get_zone (value) != NULL ? kd_hresult_get_zone (value) : "");
}

/* "" unless the code carries a Win32 error: the row hides. */
static char *
kd_error_detail_win32_text (gpointer     user_data,
                            KdErrorCode *entry)
{
  guint win32 = 0;

  if (entry == NULL || kd_error_code_get_win32_symbol (entry) == NULL)
    return g_strdup ("");
  kd_hresult_get_win32 (kd_error_code_get_value (entry), &win32);
  return g_strdup_printf ("%u — %s — %s", win32, kd_error_code_get_win32_symbol (entry),
                          kd_error_code_get_win32_message (entry));
}

static void
update_steps (KdErrorDetail *self)
{
  const char * const *steps = kd_error_code_get_steps (self->entry);

  gtk_list_box_remove_all (self->steps_list);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *markup = markup_from_backticks (steps[i]);

      gtk_list_box_append (self->steps_list, kd_step_row_new (i + 1, markup));
    }
  gtk_widget_set_visible (self->steps_box, steps[0] != NULL);
}

static GtkWidget *
create_command_row (gpointer item,
                    gpointer user_data)
{
  return kd_command_row_new (item);
}

static void
update_commands (KdErrorDetail *self)
{
  GListModel *commands = kd_error_code_get_commands (self->entry);

  gtk_list_box_bind_model (self->commands_list, commands, create_command_row, NULL, NULL);
  gtk_widget_set_visible (self->commands_group, g_list_model_get_n_items (commands) > 0);
}

static GtkWidget *
create_code_row (gpointer item,
                 gpointer user_data)
{
  return kd_code_row_new (item, "page.open-code");
}

/* A list of codes, each opened in this view; the group is hidden when the
 * list is empty. */
static void
show_codes (GtkListBox *list,
            GtkWidget  *group,
            GListStore *codes)
{
  gtk_list_box_bind_model (list, G_LIST_MODEL (codes), create_code_row, NULL, NULL);
  gtk_widget_set_visible (group, g_list_model_get_n_items (G_LIST_MODEL (codes)) > 0);
}

static void
update_related (KdErrorDetail *self)
{
  KdErrorCatalog *catalog = kd_error_catalog_get_default ();
  const char * const *related = kd_error_code_get_related (self->entry);
  g_autoptr(GListStore) codes = g_list_store_new (KD_TYPE_ERROR_CODE);

  for (guint i = 0; related[i] != NULL; i++)
    {
      guint32 value;
      g_autoptr(KdErrorCode) other = NULL;

      if (!kd_hresult_parse (related[i], &value, NULL))
        continue;
      other = kd_error_catalog_resolve (catalog, value);
      g_list_store_append (codes, other);
    }
  show_codes (self->related_list, self->related_group, codes);
}

/* For a code the catalog does not have, the known codes closest to it */
static void
update_nearest (KdErrorDetail *self)
{
  g_autoptr(GListStore) codes = g_list_store_new (KD_TYPE_ERROR_CODE);

  if (!kd_error_code_get_known (self->entry))
    {
      g_autoptr(GPtrArray) nearest = kd_error_catalog_nearest (kd_error_catalog_get_default (),
                                                               kd_error_code_get_value (self->entry), 5);

      g_list_store_splice (codes, 0, 0, nearest->pdata, nearest->len);
    }
  show_codes (self->nearest_list, self->nearest_group, codes);
}

static void
update_sources (KdErrorDetail *self)
{
  guint n = kd_error_code_get_n_sources (self->entry);

  gtk_list_box_remove_all (self->sources_list);
  for (guint i = 0; i < n; i++)
    {
      const char *title, *url;

      kd_error_code_get_source (self->entry, i, &title, &url);
      gtk_list_box_append (self->sources_list, kd_link_row_new (title, url));
    }
  gtk_widget_set_visible (self->sources_group, n > 0);
}

static void
update_badges (KdErrorDetail *self)
{
  KdAppliesTo applies_to = kd_error_code_get_applies_to (self->entry);
  GtkWidget *child;

  /* (adw_wrap_box_remove_all() is newer than libadwaita 1.7) */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->badges))) != NULL)
    adw_wrap_box_remove (self->badges, child);
  for (guint flag = 1; flag <= KD_APPLIES_TO_LAST; flag <<= 1)
    if (applies_to & flag)
      {
        GtkWidget *badge = gtk_label_new (kd_applies_to_get_label (flag));
        gtk_widget_add_css_class (badge, "badge");
        gtk_widget_add_css_class (badge, "caption");
        adw_wrap_box_append (self->badges, badge);
      }
  gtk_widget_set_visible (GTK_WIDGET (self->badges), applies_to != 0);
}

static void
update (KdErrorDetail *self)
{
  if (self->entry == NULL)
    return;

  /* The code, symbol, title, cause, message, the code's structure and the
   * card of a code the catalog does not have are bound to the entry in
   * the template; the lists are bound to models made here. */
  update_badges (self);
  update_steps (self);
  update_commands (self);
  update_related (self);
  update_nearest (self);
  update_sources (self);

  /* A new entry is read from the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
kd_error_detail_dispose (GObject *object)
{
  KdErrorDetail *self = (KdErrorDetail *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_ERROR_DETAIL);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (kd_error_detail_parent_class)->dispose (object);
}

static void
kd_error_detail_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KdErrorDetail *self = KD_ERROR_DETAIL (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_error_detail_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KdErrorDetail *self = KD_ERROR_DETAIL (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      kd_error_detail_set_entry (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_error_detail_class_init (KdErrorDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kd_error_detail_dispose;
  object_class->get_property = kd_error_detail_get_property;
  object_class->set_property = kd_error_detail_set_property;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, KD_TYPE_ERROR_CODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-error-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, KdErrorDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, KdErrorDetail, badges);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_has_text);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_title_markup);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_has_title);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_is_unknown);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_unknown_text);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_message_text);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_has_message);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_prose_markup);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_decimal_text);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_unsigned_text);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_severity_text);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_facility_text);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_code_text);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_zone_text);
  gtk_widget_class_bind_template_callback (widget_class, kd_error_detail_win32_text);
  gtk_widget_class_bind_template_child (widget_class, KdErrorDetail, steps_box);
  gtk_widget_class_bind_template_child (widget_class, KdErrorDetail, steps_list);
  gtk_widget_class_bind_template_child (widget_class, KdErrorDetail, commands_group);
  gtk_widget_class_bind_template_child (widget_class, KdErrorDetail, commands_list);
  gtk_widget_class_bind_template_child (widget_class, KdErrorDetail, related_group);
  gtk_widget_class_bind_template_child (widget_class, KdErrorDetail, related_list);
  gtk_widget_class_bind_template_child (widget_class, KdErrorDetail, nearest_group);
  gtk_widget_class_bind_template_child (widget_class, KdErrorDetail, nearest_list);
  gtk_widget_class_bind_template_child (widget_class, KdErrorDetail, sources_group);
  gtk_widget_class_bind_template_child (widget_class, KdErrorDetail, sources_list);
}

static void
kd_error_detail_init (KdErrorDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kd_error_detail_get_entry:
 * @self: a #KdErrorDetail
 *
 * Returns: (transfer none) (nullable): the entry shown
 */
KdErrorCode *
kd_error_detail_get_entry (KdErrorDetail *self)
{
  g_return_val_if_fail (KD_IS_ERROR_DETAIL (self), NULL);
  return self->entry;
}

void
kd_error_detail_set_entry (KdErrorDetail *self,
                           KdErrorCode   *entry)
{
  g_return_if_fail (KD_IS_ERROR_DETAIL (self));
  g_return_if_fail (entry == NULL || KD_IS_ERROR_CODE (entry));

  if (g_set_object (&self->entry, entry))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
    }
}
