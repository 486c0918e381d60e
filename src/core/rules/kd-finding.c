/* kd-finding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kd-command.h"
#include "kd-error-catalog.h"
#include "kd-hresult.h"
#include "kd-enum-types.h"
#include "kd-finding.h"
#include "kd-json.h"

/* One thing the diagnosis says about a capture.  The rule id is stable (it
 * is part of `diagnose --json`); the texts are in the UI language. */
struct _KdFinding
{
  GObject parent_instance;

  char *rule;
  KdFindingSeverity severity;
  int product;            /* index into the document's products, -1 for the capture */
  char *title;
  char *explanation;
  char *remedy;
  GListStore *commands;   /* KdCommand */
  GPtrArray *related;     /* NULL-terminated */
  GPtrArray *fields;      /* NULL-terminated */
};

G_DEFINE_FINAL_TYPE (KdFinding, kd_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE,
  PROP_SEVERITY,
  PROP_TITLE,
  PROP_EXPLANATION,
  PROP_REMEDY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_finding_finalize (GObject *object)
{
  KdFinding *self = (KdFinding *) object;

  g_clear_pointer (&self->rule, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->remedy, g_free);
  g_clear_object (&self->commands);
  g_clear_pointer (&self->related, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (kd_finding_parent_class)->finalize (object);
}

static void
kd_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KdFinding *self = KD_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    case PROP_REMEDY:
      g_value_set_string (value, self->remedy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_finding_class_init (KdFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_finding_finalize;
  object_class->get_property = kd_finding_get_property;

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_RULE] = g_param_spec_string ("rule", NULL, NULL, NULL, RO);
  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, KD_TYPE_FINDING_SEVERITY, KD_FINDING_INFO, RO);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, RO);
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, RO);
  properties[PROP_REMEDY] = g_param_spec_string ("remedy", NULL, NULL, NULL, RO);
#undef RO
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_finding_init (KdFinding *self)
{
  self->commands = g_list_store_new (KD_TYPE_COMMAND);
  self->related = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->related, NULL);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->fields, NULL);
}

KdFinding *
kd_finding_new (const char        *rule,
                KdFindingSeverity  severity,
                int                product,
                const char        *title,
                const char        *explanation,
                const char        *remedy)
{
  KdFinding *self;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (KD_TYPE_FINDING, NULL);
  self->rule = g_strdup (rule);
  self->severity = severity;
  self->product = product;
  self->title = g_strdup (title);
  self->explanation = g_strdup (explanation);
  self->remedy = g_strdup (remedy);
  return self;
}

const char *
kd_finding_get_rule (KdFinding *self)
{
  g_return_val_if_fail (KD_IS_FINDING (self), NULL);
  return self->rule;
}

KdFindingSeverity
kd_finding_get_severity (KdFinding *self)
{
  g_return_val_if_fail (KD_IS_FINDING (self), KD_FINDING_INFO);
  return self->severity;
}

/**
 * kd_finding_get_product:
 * @self: a finding
 *
 * Returns: the index of the product it is about, or -1 for the capture
 */
int
kd_finding_get_product (KdFinding *self)
{
  g_return_val_if_fail (KD_IS_FINDING (self), -1);
  return self->product;
}

const char *
kd_finding_get_title (KdFinding *self)
{
  g_return_val_if_fail (KD_IS_FINDING (self), NULL);
  return self->title;
}

const char *
kd_finding_get_explanation (KdFinding *self)
{
  g_return_val_if_fail (KD_IS_FINDING (self), NULL);
  return self->explanation;
}

const char *
kd_finding_get_remedy (KdFinding *self)
{
  g_return_val_if_fail (KD_IS_FINDING (self), NULL);
  return self->remedy;
}

/**
 * kd_finding_get_commands:
 * @self: a finding
 *
 * Returns: (transfer none): #KdCommand items, filled in with the capture's values
 */
GListModel *
kd_finding_get_commands (KdFinding *self)
{
  g_return_val_if_fail (KD_IS_FINDING (self), NULL);
  return G_LIST_MODEL (self->commands);
}

const char * const *
kd_finding_get_related (KdFinding *self)
{
  g_return_val_if_fail (KD_IS_FINDING (self), NULL);
  return (const char * const *) self->related->pdata;
}

const char * const *
kd_finding_get_fields (KdFinding *self)
{
  g_return_val_if_fail (KD_IS_FINDING (self), NULL);
  return (const char * const *) self->fields->pdata;
}

void
kd_finding_add_command (KdFinding  *self,
                        const char *command,
                        const char *description)
{
  g_autoptr(KdCommand) cmd = NULL;

  g_return_if_fail (KD_IS_FINDING (self));

  cmd = kd_command_new (command, description);
  g_list_store_append (self->commands, cmd);
}

static void
add_unique (GPtrArray  *array,
            const char *text)
{
  for (guint i = 0; i + 1 < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), text))
      return;
  g_ptr_array_insert (array, array->len - 1, g_strdup (text));
}

void
kd_finding_add_related (KdFinding  *self,
                        const char *code)
{
  g_return_if_fail (KD_IS_FINDING (self));
  add_unique (self->related, code);
}

void
kd_finding_add_field (KdFinding  *self,
                      const char *key)
{
  g_return_if_fail (KD_IS_FINDING (self));
  add_unique (self->fields, key);
}

/**
 * kd_finding_to_json:
 * @self: a finding
 * @builder: a builder where a value goes
 *
 * Writes the finding object of docs/diagnose-json.md.
 */
void
kd_finding_to_json (KdFinding   *self,
                    JsonBuilder *builder)
{
  guint n;

  g_return_if_fail (KD_IS_FINDING (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder, self->rule);
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, kd_finding_severity_get_id (self->severity));
  json_builder_set_member_name (builder, "product");
  if (self->product >= 0)
    json_builder_add_int_value (builder, self->product);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, self->title);
  json_builder_set_member_name (builder, "explanation");
  json_builder_add_string_value (builder, self->explanation != NULL ? self->explanation : "");
  json_builder_set_member_name (builder, "remedy");
  json_builder_add_string_value (builder, self->remedy != NULL ? self->remedy : "");

  json_builder_set_member_name (builder, "commands");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->commands));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KdCommand) cmd = g_list_model_get_item (G_LIST_MODEL (self->commands), i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "command");
      json_builder_add_string_value (builder, kd_command_get_command (cmd));
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, kd_command_get_description (cmd) != NULL ? kd_command_get_description (cmd) : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  kd_json_add_strv (builder, "related", (const char * const *) self->related->pdata);
  kd_json_add_strv (builder, "fields", (const char * const *) self->fields->pdata);
  json_builder_end_object (builder);
}

/**
 * kd_finding_list_to_json:
 * @findings: a #GListModel of #KdFinding
 * @member: the name of their array
 *
 * Writes the findings as the array @member of the object being built.
 */
void
kd_finding_list_to_json (GListModel  *findings,
                         const char  *member,
                         JsonBuilder *builder)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KdFinding) finding = g_list_model_get_item (findings, i);
      kd_finding_to_json (finding, builder);
    }
  json_builder_end_array (builder);
}

/* The catalog's words for a code ------------------------------------------ */

/**
 * kd_finding_add_code:
 * @code: (nullable): an error code the finding is about, in any spelling
 * @with_commands: whether the catalog's first commands for it go too
 *
 * Relates the finding to @code, and with @with_commands adds the first
 * three commands the catalog gives for it.
 */
void
kd_finding_add_code (KdFinding  *finding,
                     const char *code,
                     gboolean    with_commands)
{
  KdErrorCatalog *catalog = kd_error_catalog_get_default ();
  KdErrorCode *entry;
  guint32 value;

  if (code == NULL || !kd_hresult_parse (code, &value, NULL))
    return;
  kd_finding_add_related (finding, code);
  entry = kd_error_catalog_lookup (catalog, value);
  if (entry == NULL || !with_commands)
    return;

  {
    GListModel *commands = kd_error_code_get_commands (entry);

    for (guint i = 0; i < MIN (g_list_model_get_n_items (commands), 3); i++)
      {
        g_autoptr(KdCommand) cmd = g_list_model_get_item (commands, i);
        kd_finding_add_command (finding, kd_command_get_command (cmd), kd_command_get_description (cmd));
      }
  }
}

/**
 * kd_finding_dup_code_title:
 * @code: (nullable): an error code
 *
 * Returns: (nullable): the catalog's title of @code, without a full stop,
 *   to go inside a sentence; %NULL when the catalog has no entry
 */
char *
kd_finding_dup_code_title (const char *code)
{
  guint32 value;
  KdErrorCode *entry;
  g_autofree char *title = NULL;

  if (code == NULL || !kd_hresult_parse (code, &value, NULL))
    return NULL;
  entry = kd_error_catalog_lookup (kd_error_catalog_get_default (), value);
  if (entry == NULL)
    return NULL;
  title = kd_error_code_dup_display_title (entry);
  /* an entry without a title of ours shows Windows' message, a sentence:
   * it goes inside one of ours */
  if (g_str_has_suffix (title, "."))
    title[strlen (title) - 1] = '\0';
  return g_steal_pointer (&title);
}
