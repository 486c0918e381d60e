/* kd-search-provider.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-application.h"
#include "kd-error-catalog.h"
#include "kd-hresult.h"
#include "kd-lookup.h"
#include "kd-search-provider.h"
#include "kd-shell-search-provider-generated.h"

/* Answers GNOME Shell's overview search with catalog entries: typing
 * C004F074 or "count insufficient" lists codes; activating one opens it. */

#define MAX_RESULTS 10

struct _KdSearchProvider
{
  GObject parent_instance;

  GApplication *application;  /* unowned: the application owns us */
  KdShellSearchProvider2 *skeleton;
};

G_DEFINE_FINAL_TYPE (KdSearchProvider, kd_search_provider, G_TYPE_OBJECT)

/* The overview lists what the Error Codes page would: a code the catalog
 * does not know is still an answer (the app shows it decoded), and text
 * meant as a code that is not one lists nothing. */
static char **
search (const char * const *terms)
{
  g_autofree char *text = g_strjoinv (" ", (char **) terms);
  g_autoptr(KdLookup) lookup = kd_lookup_new (kd_error_catalog_get_default (), text);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  if (kd_lookup_get_kind (lookup) == KD_LOOKUP_CODE && !kd_lookup_get_known (lookup))
    g_strv_builder_add (ids, kd_error_code_get_code (kd_lookup_get_entry (lookup)));
  else
    {
      g_autoptr(GPtrArray) results = kd_lookup_get_results (lookup, MAX_RESULTS);

      for (guint i = 0; i < results->len; i++)
        g_strv_builder_add (ids, kd_error_code_get_code (g_ptr_array_index (results, i)));
    }

  return g_strv_builder_end (ids);
}

static gboolean
handle_get_initial_result_set (KdShellSearchProvider2 *skeleton,
                               GDBusMethodInvocation  *invocation,
                               const char * const     *terms,
                               KdSearchProvider       *self)
{
  g_auto(GStrv) ids = NULL;

  /* Every call is short: the Shell should not keep the app alive. */
  g_application_hold (self->application);
  ids = search (terms);
  kd_shell_search_provider2_complete_get_initial_result_set (skeleton, invocation, (const char * const *) ids);
  g_application_release (self->application);
  return TRUE;
}

static gboolean
handle_get_subsearch_result_set (KdShellSearchProvider2 *skeleton,
                                 GDBusMethodInvocation  *invocation,
                                 const char * const     *previous,
                                 const char * const     *terms,
                                 KdSearchProvider       *self)
{
  g_auto(GStrv) ids = NULL;

  g_application_hold (self->application);
  ids = search (terms);
  kd_shell_search_provider2_complete_get_subsearch_result_set (skeleton, invocation, (const char * const *) ids);
  g_application_release (self->application);
  return TRUE;
}

static gboolean
handle_get_result_metas (KdShellSearchProvider2 *skeleton,
                         GDBusMethodInvocation  *invocation,
                         const char * const     *ids,
                         KdSearchProvider       *self)
{
  KdErrorCatalog *catalog = kd_error_catalog_get_default ();
  GVariantBuilder metas;

  g_application_hold (self->application);
  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(KdErrorCode) entry = NULL;
      g_autofree char *title = NULL;
      g_autofree char *name = NULL;
      guint32 value;

      if (!kd_hresult_parse (ids[i], &value, NULL))
        continue;
      entry = kd_error_catalog_resolve (catalog, value);
      title = kd_error_code_dup_display_title (entry);
      name = g_strdup_printf ("%s — %s", kd_error_code_get_code (entry), title);

      g_variant_builder_open (&metas, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&metas, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&metas, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&metas, "{sv}", "description",
                             g_variant_new_string (kd_error_code_get_message (entry) != NULL
                                                   ? kd_error_code_get_message (entry) : ""));
      g_variant_builder_add (&metas, "{sv}", "gicon", g_variant_new_string (APP_ID));
      g_variant_builder_close (&metas);
    }

  kd_shell_search_provider2_complete_get_result_metas (skeleton, invocation, g_variant_builder_end (&metas));
  g_application_release (self->application);
  return TRUE;
}

static gboolean
handle_activate_result (KdShellSearchProvider2 *skeleton,
                        GDBusMethodInvocation  *invocation,
                        const char             *id,
                        const char * const     *terms,
                        guint                   timestamp,
                        KdSearchProvider       *self)
{
  guint32 value;

  if (kd_hresult_parse (id, &value, NULL))
    kd_application_open_code (KD_APPLICATION (self->application), value);
  kd_shell_search_provider2_complete_activate_result (skeleton, invocation);
  return TRUE;
}

static gboolean
handle_launch_search (KdShellSearchProvider2 *skeleton,
                      GDBusMethodInvocation  *invocation,
                      const char * const     *terms,
                      guint                   timestamp,
                      KdSearchProvider       *self)
{
  g_autofree char *query = g_strjoinv (" ", (char **) terms);

  kd_application_search (KD_APPLICATION (self->application), query);
  kd_shell_search_provider2_complete_launch_search (skeleton, invocation);
  return TRUE;
}

static void
kd_search_provider_dispose (GObject *object)
{
  KdSearchProvider *self = (KdSearchProvider *) object;

  if (self->skeleton != NULL)
    kd_search_provider_unexport (self);
  g_clear_object (&self->skeleton);

  G_OBJECT_CLASS (kd_search_provider_parent_class)->dispose (object);
}

static void
kd_search_provider_class_init (KdSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kd_search_provider_dispose;
}

static void
kd_search_provider_init (KdSearchProvider *self)
{
  self->skeleton = kd_shell_search_provider2_skeleton_new ();

  g_signal_connect_object (self->skeleton, "handle-get-initial-result-set",
                           G_CALLBACK (handle_get_initial_result_set), self, 0);
  g_signal_connect_object (self->skeleton, "handle-get-subsearch-result-set",
                           G_CALLBACK (handle_get_subsearch_result_set), self, 0);
  g_signal_connect_object (self->skeleton, "handle-get-result-metas",
                           G_CALLBACK (handle_get_result_metas), self, 0);
  g_signal_connect_object (self->skeleton, "handle-activate-result",
                           G_CALLBACK (handle_activate_result), self, 0);
  g_signal_connect_object (self->skeleton, "handle-launch-search",
                           G_CALLBACK (handle_launch_search), self, 0);
}

KdSearchProvider *
kd_search_provider_new (GApplication *application)
{
  KdSearchProvider *self = g_object_new (KD_TYPE_SEARCH_PROVIDER, NULL);

  self->application = application;
  return self;
}

gboolean
kd_search_provider_export (KdSearchProvider  *self,
                           GDBusConnection   *connection,
                           const char        *object_path,
                           GError           **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (KD_IS_SEARCH_PROVIDER (self), FALSE);

  path = g_strconcat (object_path, "/SearchProvider", NULL);
  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton), connection, path, error);
}

void
kd_search_provider_unexport (KdSearchProvider *self)
{
  g_return_if_fail (KD_IS_SEARCH_PROVIDER (self));

  if (g_dbus_interface_skeleton_get_object_path (G_DBUS_INTERFACE_SKELETON (self->skeleton)) != NULL)
    g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
}
