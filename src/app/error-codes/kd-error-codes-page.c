/* kd-error-codes-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kd-case.h"
#include "kd-error-catalog.h"
#include "kd-error-codes-page.h"
#include "kd-error-detail.h"
#include "kd-hresult.h"
#include "kd-lookup.h"
#include "kd-paced-list.h"
#include "kd-row-slot.h"

/* Longer queries are not searches but pastes gone wrong; only their start is
 * looked at, so a huge paste cannot stall the main loop. */
#define MAX_QUERY_BYTES 256

struct _KdErrorCodesPage
{
  GtkWidget parent_instance;

  /* Template children */
  AdwNavigationSplitView *split_view;
  GtkSearchEntry *search_entry;
  GtkToggleButton *chip_mak;
  GtkToggleButton *chip_kms_client;
  GtkToggleButton *chip_kms_host;
  GtkToggleButton *chip_adba;
  GtkToggleButton *chip_retail;
  GtkToggleButton *chip_office;
  GtkStack *list_stack;
  AdwStatusPage *empty_status;
  GtkLabel *results_heading;
  GtkListView *list_view;
  GtkSingleSelection *selection;
  GtkStack *detail_stack;
  KdErrorDetail *detail;

  GListStore *results;
  GtkFilterListModel *filtered_results;
  GtkCustomFilter *chips_filter;
  GSettings *settings;
  GCancellable *cancellable;
  gboolean updating;
  KdAppliesTo filter;       /* the chips' kinds for the results shown */
  KdErrorCode *always;      /* shown whatever the chips say (unowned: in results) */
  gboolean catalog_ready;

  /* The best match of what is being typed, shown once the list is */
  KdErrorCode *next_entry;
  gint64 next_entry_frame;  /* the frame before the one that shows the list */
  guint next_entry_tick;
};

G_DEFINE_FINAL_TYPE (KdErrorCodesPage, kd_error_codes_page, KD_TYPE_PAGE)

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_CATALOG_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Closures of kd-error-row.ui */
static char *
kd_row_applies_to_text (gpointer    user_data,
                        KdAppliesTo applies_to)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint flag = 1; flag <= KD_APPLIES_TO_LAST; flag <<= 1)
    if (applies_to & flag)
      {
        if (text->len > 0)
          g_string_append (text, " · ");
        g_string_append (text, kd_applies_to_get_label (flag));
      }
  return g_string_free_and_steal (g_steal_pointer (&text));
}

static gboolean
kd_row_has_applies_to (gpointer    user_data,
                       KdAppliesTo applies_to)
{
  return applies_to != 0;
}

static char *
kd_row_title (gpointer     user_data,
              KdErrorCode *entry)
{
  g_autofree char *title = NULL;
  g_auto(GStrv) parts = NULL;

  if (entry == NULL)
    return NULL;

  /* The list has no room for inline code: the backticks just go. */
  title = kd_error_code_dup_display_title (entry);
  parts = g_strsplit (title, "`", -1);
  return g_strjoinv ("", parts);
}

static KdAppliesTo
get_filter (KdErrorCodesPage *self)
{
  KdAppliesTo filter = 0;

  if (gtk_toggle_button_get_active (self->chip_mak))
    filter |= KD_APPLIES_TO_MAK;
  if (gtk_toggle_button_get_active (self->chip_kms_client))
    filter |= KD_APPLIES_TO_KMS_CLIENT;
  if (gtk_toggle_button_get_active (self->chip_kms_host))
    filter |= KD_APPLIES_TO_KMS_HOST;
  if (gtk_toggle_button_get_active (self->chip_adba))
    filter |= KD_APPLIES_TO_ADBA;
  if (gtk_toggle_button_get_active (self->chip_retail))
    filter |= KD_APPLIES_TO_RETAIL | KD_APPLIES_TO_OEM;
  if (gtk_toggle_button_get_active (self->chip_office))
    filter |= KD_APPLIES_TO_OFFICE;

  return filter;
}

static void
forget_next_entry (KdErrorCodesPage *self)
{
  if (self->next_entry_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->next_entry_tick);
  self->next_entry_tick = 0;
  g_clear_object (&self->next_entry);
}

static void
show_entry (KdErrorCodesPage *self,
            KdErrorCode      *entry)
{
  forget_next_entry (self);
  if (entry == NULL)
    return;

  kd_error_detail_set_entry (self->detail, entry);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (self->detail),
                                                                               ADW_TYPE_NAVIGATION_PAGE)),
                                 kd_error_code_get_code (entry));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-text", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-markdown", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

static void
clear_next_entry_tick (gpointer data)
{
  KdErrorCodesPage *self = data;

  self->next_entry_tick = 0;
}

/* In the update phase of the frame after the one that shows the new list,
 * so that the entry is laid out in that frame. */
static gboolean
show_next_entry (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  KdErrorCodesPage *self = KD_ERROR_CODES_PAGE (widget);
  g_autoptr(KdErrorCode) entry = NULL;

  if (gdk_frame_clock_get_frame_counter (clock) <= self->next_entry_frame + 1)
    return G_SOURCE_CONTINUE;
  entry = g_steal_pointer (&self->next_entry);
  self->next_entry_tick = 0;
  show_entry (self, entry);
  return G_SOURCE_REMOVE;
}

/* While typing, each key press shows its list in the next frame, and the
 * best match's detail, a page of its own to lay out, in the frame after
 * that: one frame for both was the slowest step of typing
 * (meson test --benchmark typing). */
static void
show_entry_after_list (KdErrorCodesPage *self,
                       KdErrorCode      *entry)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (entry == kd_error_detail_get_entry (self->detail))
    {
      forget_next_entry (self);
      return;
    }
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      show_entry (self, entry);
      return;
    }
  g_set_object (&self->next_entry, entry);
  /* the frame that comes next shows the list */
  self->next_entry_frame = gdk_frame_clock_get_frame_counter (clock);
  if (self->next_entry_tick == 0)
    self->next_entry_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_next_entry, self, clear_next_entry_tick);
}

/* The chips keep the entries of the kinds of activation they name; an
 * exact code, or a code's neighbours, are shown whatever the chips say. */
static gboolean
chips_keep (gpointer item,
            gpointer user_data)
{
  KdErrorCodesPage *self = user_data;
  KdAppliesTo filter = self->filter;

  return filter == 0 || item == (gpointer) self->always ||
         (kd_error_code_get_applies_to (item) & filter) != 0;
}

static gboolean
same_item (GListModel *model,
           guint       position,
           gpointer    item)
{
  g_autoptr(GObject) there = g_list_model_get_item (model, position);

  return there == item;
}

static void
set_results (KdErrorCodesPage *self,
             GPtrArray        *entries,
             KdAppliesTo       filter,
             KdErrorCode      *always)
{
  guint n;

  GListModel *results = G_LIST_MODEL (self->results);
  guint old_n = g_list_model_get_n_items (results);
  guint prefix = 0, suffix = 0;

  self->updating = TRUE;
  if (self->filter != filter || self->always != always)
    {
      self->filter = filter;
      self->always = always;
      gtk_filter_changed (GTK_FILTER (self->chips_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }

  /* Only what changed is replaced: the rows of the codes that stay are
   * kept, and making a row is most of what a key press costs. */
  while (prefix < old_n && prefix < entries->len && same_item (results, prefix, entries->pdata[prefix]))
    prefix++;
  while (suffix < old_n - prefix && suffix < entries->len - prefix &&
         same_item (results, old_n - 1 - suffix, entries->pdata[entries->len - 1 - suffix]))
    suffix++;
  if (prefix + suffix < old_n || prefix + suffix < entries->len)
    g_list_store_splice (self->results, prefix, old_n - prefix - suffix,
                         entries->pdata + prefix, entries->len - prefix - suffix);
  self->updating = FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered_results));
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "results" : "empty");
  /* A new list is read from its top, which is also where its rows are
   * re-labelled first (KdPacedList). */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_list_view_scroll_to (self->list_view, 0, GTK_LIST_SCROLL_NONE, NULL);
}

static GPtrArray *
all_entries (void)
{
  GListModel *catalog = G_LIST_MODEL (kd_error_catalog_get_default ());
  guint n = g_list_model_get_n_items (catalog);
  GPtrArray *ordered = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) curated = g_ptr_array_new ();
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();

  /* Browsing starts with the codes people paste most (the seed table),
   * then the other entries that explain something, then the bare SDK
   * constants. */
  for (guint i = 0; i < n; i++)
    {
      KdErrorCode *entry = g_list_model_get_item (catalog, i);

      if (kd_error_code_get_seed (entry))
        g_ptr_array_add (ordered, entry);
      else if (kd_error_code_get_curated (entry))
        g_ptr_array_add (curated, entry);
      else
        g_ptr_array_add (rest, entry);
    }
  g_ptr_array_extend_and_steal (ordered, g_steal_pointer (&curated));
  g_ptr_array_extend_and_steal (ordered, g_steal_pointer (&rest));

  return ordered;
}

/* @typing: the search of a key press, whose best match may wait a frame */
static void
refresh (KdErrorCodesPage *self,
         gboolean          typing)
{
  KdAppliesTo filter = get_filter (self);
  g_autoptr(KdLookup) lookup = NULL;
  guint n;

  /* Until the catalog is loaded; its completion runs the search typed so far. */
  if (self->results == NULL || !self->catalog_ready)
    return;

  {
    const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
    g_autofree char *start = g_strndup (text, MAX_QUERY_BYTES);

    lookup = kd_lookup_new (kd_error_catalog_get_default (), start);
  }

  switch (kd_lookup_get_kind (lookup))
    {
    case KD_LOOKUP_EMPTY:
      {
        g_autoptr(GPtrArray) entries = all_entries ();
        g_autofree char *heading = NULL;

        set_results (self, entries, filter, NULL);
        n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered_results));
        heading = g_strdup_printf (ngettext ("%u code", "%u codes", n), n);
        gtk_label_set_text (self->results_heading, heading);
        gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
        return;
      }

    case KD_LOOKUP_CODE:
      if (!kd_lookup_get_known (lookup))
        {
          KdErrorCode *decoded = kd_lookup_get_entry (lookup);
          g_autoptr(GPtrArray) nearest = kd_lookup_get_results (lookup, 8);
          g_autofree char *heading = NULL;

          set_results (self, nearest, 0, NULL);
          heading = g_strdup_printf (_("%s is not in the catalog. Nearest entries:"), kd_error_code_get_code (decoded));
          gtk_label_set_text (self->results_heading, heading);
          gtk_stack_set_visible_child_name (self->list_stack, "results");
          self->updating = TRUE;
          gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
          self->updating = FALSE;
          show_entry (self, decoded);
          return;
        }
      break;

    /* "0x1234567890" or "0xZZ" was meant as a code: say why it is not one
     * rather than listing whatever words match. */
    case KD_LOOKUP_NOT_A_CODE:
      {
        g_autoptr(GPtrArray) none = g_ptr_array_new ();
        /* the description is markup, and the reason quotes what was typed */
        g_autofree char *reason = g_markup_escape_text (kd_lookup_get_reason (lookup), -1);

        set_results (self, none, 0, NULL);
        adw_status_page_set_title (self->empty_status, _("Not an Error Code"));
        adw_status_page_set_description (self->empty_status, reason);
        return;
      }

    case KD_LOOKUP_WORDS:
    default:
      break;
    }

  adw_status_page_set_title (self->empty_status, _("No Matching Codes"));
  adw_status_page_set_description (self->empty_status,
                                   _("Try a code such as C004F074, part of one, or other words from the message"));

  {
    g_autoptr(GPtrArray) found = kd_lookup_get_results (lookup, 200);

    set_results (self, found, filter, kd_lookup_get_entry (lookup));
    n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered_results));
    {
      g_autofree char *heading = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);
      gtk_label_set_text (self->results_heading, heading);
    }

    /* The best match is shown at once: typing is looking up. */
    if (n > 0)
      {
        g_autoptr(KdErrorCode) first = g_list_model_get_item (G_LIST_MODEL (self->filtered_results), 0);

        self->updating = TRUE;
        gtk_single_selection_set_selected (self->selection, 0);
        self->updating = FALSE;
        if (typing)
          show_entry_after_list (self, first);
        else
          show_entry (self, first);
      }
  }
}

static void
load_catalog_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KdErrorCodesPage) self = user_data;
  g_autoptr(KdErrorCatalog) catalog = kd_error_catalog_get_default_finish (result, NULL);

  if (catalog == NULL)
    return;  /* cancelled: the page is gone */

  self->catalog_ready = TRUE;
  refresh (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG_READY]);
}

static void
on_search_changed (KdErrorCodesPage *self)
{
  refresh (self, TRUE);
}

/* The entry shown was asked for, not just passed while typing: the case
 * notes it among the codes looked up. */
static void
note_looked_up (KdErrorCodesPage *self)
{
  KdErrorCode *entry = kd_error_detail_get_entry (self->detail);

  KdCase *kase = kd_page_get_case (KD_PAGE (self));

  if (kase != NULL && entry != NULL)
    kd_case_add_code (kase, kd_error_code_get_code (entry));
}

static void
on_search_activate (KdErrorCodesPage *self)
{
  if (kd_error_detail_get_entry (self->detail) != NULL)
    {
      note_looked_up (self);
      adw_navigation_split_view_set_show_content (self->split_view, TRUE);
    }
}

static void
on_stop_search (KdErrorCodesPage *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    kd_page_go_back (KD_PAGE (self));
}

static void
on_chip_toggled (KdErrorCodesPage *self)
{
  refresh (self, FALSE);
}

static void
on_selected_item_changed (KdErrorCodesPage *self)
{
  KdRowSlot *slot = gtk_single_selection_get_selected_item (self->selection);
  KdErrorCode *entry = slot != NULL ? kd_row_slot_get_item (slot) : NULL;

  if (!self->updating && entry != NULL)
    {
      show_entry (self, entry);
      note_looked_up (self);
    }
}

static void
on_list_activate (KdErrorCodesPage *self,
                  guint             position)
{
  g_autoptr(KdRowSlot) slot = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  KdErrorCode *entry = slot != NULL ? kd_row_slot_get_item (slot) : NULL;

  /* the row activated, as shown: an emptied one is about to go */
  if (entry == NULL)
    return;
  show_entry (self, entry);
  note_looked_up (self);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
copy_entry (KdErrorCodesPage *self,
            gboolean          markdown)
{
  KdErrorCode *entry = kd_error_detail_get_entry (self->detail);
  g_autofree char *text = NULL;

  if (entry == NULL)
    return;

  text = markdown ? kd_error_code_to_markdown (entry) : kd_error_code_to_text (entry);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s",
                              markdown ? _("Entry copied as Markdown") : _("Entry copied as text"));
}

static void
copy_text_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  copy_entry (KD_ERROR_CODES_PAGE (widget), FALSE);
}

static void
copy_markdown_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  copy_entry (KD_ERROR_CODES_PAGE (widget), TRUE);
}

static void
open_code_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  guint32 value;

  if (kd_hresult_parse (g_variant_get_string (parameter, NULL), &value, NULL))
    kd_error_codes_page_open_code (KD_ERROR_CODES_PAGE (widget), value);
}

static void
kd_error_codes_page_dispose (GObject *object)
{
  KdErrorCodesPage *self = (KdErrorCodesPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  forget_next_entry (self);

  /* Other windows share the key: a change must not reach a disposed page. */
  if (self->search_entry != NULL)
    g_settings_unbind (self->search_entry, "text");
  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_ERROR_CODES_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kd_error_codes_page_parent_class)->dispose (object);
}

static void
kd_error_codes_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KdErrorCodesPage *self = KD_ERROR_CODES_PAGE (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, kd_error_codes_page_get_entry (self));
      break;
    case PROP_CATALOG_READY:
      g_value_set_boolean (value, self->catalog_ready);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean kd_error_codes_page_go_back (KdPage *page);

static void
kd_error_codes_page_class_init (KdErrorCodesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KdPageClass *page_class = KD_PAGE_CLASS (klass);

  page_class->go_back = kd_error_codes_page_go_back;
  kd_page_class_set_help_page (page_class, "error-codes");

  object_class->dispose = kd_error_codes_page_dispose;
  object_class->get_property = kd_error_codes_page_get_property;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, KD_TYPE_ERROR_CODE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * KdErrorCodesPage:catalog-ready:
   *
   * The catalog is loaded (in a worker, at start) and the list shows what
   * the search typed so far finds.
   */
  properties[PROP_CATALOG_READY] =
    g_param_spec_boolean ("catalog-ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KD_TYPE_ERROR_DETAIL);
  g_type_ensure (KD_TYPE_ERROR_CODE);
  g_type_ensure (KD_TYPE_PACED_LIST);
  g_type_ensure (KD_TYPE_ROW_SLOT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-error-codes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, chip_mak);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, chip_kms_client);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, chip_kms_host);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, chip_adba);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, chip_retail);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, chip_office);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, results_heading);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, results);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, filtered_results);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, chips_filter);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KdErrorCodesPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_chip_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "page.copy-text", NULL, copy_text_cb);
  gtk_widget_class_install_action (widget_class, "page.copy-markdown", NULL, copy_markdown_cb);
  gtk_widget_class_install_action (widget_class, "page.open-code", "s", open_code_cb);
}

static void
kd_error_codes_page_init (KdErrorCodesPage *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* gtk/menus.ui, loaded by GtkApplication from the resources */
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), kd_row_applies_to_text);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), kd_row_has_applies_to);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), kd_row_title);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, "/io/github/kmsdoctor/KmsDoctor/kd-error-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_custom_filter_set_filter_func (self->chips_filter, chips_keep, self, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-text", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-markdown", FALSE);

  /* GtkText would hold a 10 MB paste and lay it out on every frame. */
  gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry))),
                           MAX_QUERY_BYTES);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "last-search", self->search_entry, "text", G_SETTINGS_BIND_DEFAULT);

  /* Parsing, translating and indexing the catalog takes tens of
   * milliseconds: not on the main thread, not before the first frame. */
  self->cancellable = g_cancellable_new ();
  kd_error_catalog_get_default_async (self->cancellable, load_catalog_done, g_object_ref (self));
}

/**
 * kd_error_codes_page_get_entry:
 * @self: a #KdErrorCodesPage
 *
 * Returns: (transfer none) (nullable): the entry in the detail pane
 */
KdErrorCode *
kd_error_codes_page_get_entry (KdErrorCodesPage *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODES_PAGE (self), NULL);
  return kd_error_detail_get_entry (self->detail);
}

/**
 * kd_error_codes_page_get_search_entry:
 * @self: a #KdErrorCodesPage
 *
 * Returns: (transfer none): the search entry, for key capture by the window
 */
GtkSearchEntry *
kd_error_codes_page_get_search_entry (KdErrorCodesPage *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODES_PAGE (self), NULL);
  return self->search_entry;
}

gboolean
kd_error_codes_page_get_catalog_ready (KdErrorCodesPage *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODES_PAGE (self), FALSE);
  return self->catalog_ready;
}

/**
 * kd_error_codes_page_get_results:
 * @self: a #KdErrorCodesPage
 *
 * Returns: (transfer none): the #KdErrorCode entries the last search
 *   found, before the chips' filter; each search fills it anew
 */
GListModel *
kd_error_codes_page_get_results (KdErrorCodesPage *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODES_PAGE (self), NULL);
  return G_LIST_MODEL (self->results);
}

void
kd_error_codes_page_search (KdErrorCodesPage *self,
                            const char       *text)
{
  g_return_if_fail (KD_IS_ERROR_CODES_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Not waiting for the entry's search delay: the caller wants the result. */
  refresh (self, FALSE);
}

/**
 * kd_error_codes_page_open_code:
 * @self: a #KdErrorCodesPage
 * @value: a code
 *
 * Shows @value as if it had been typed, and its detail even on a narrow
 * window (a pasted or linked code is a request to read it).
 */
void
kd_error_codes_page_open_code (KdErrorCodesPage *self,
                               guint32           value)
{
  g_autofree char *code = NULL;

  g_return_if_fail (KD_IS_ERROR_CODES_PAGE (self));

  code = kd_hresult_format (value);
  kd_error_codes_page_search (self, code);
  note_looked_up (self);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

void
kd_error_codes_page_focus_search (KdErrorCodesPage *self)
{
  g_return_if_fail (KD_IS_ERROR_CODES_PAGE (self));

  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* On a narrow window, from the detail back to the list. */
static gboolean
kd_error_codes_page_go_back (KdPage *page)
{
  KdErrorCodesPage *self = KD_ERROR_CODES_PAGE (page);

  return kd_page_split_view_go_back (self->split_view);
}
