/* kd-error-code.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kd-command.h"
#include "kd-enum-types.h"
#include "kd-error-code.h"
#include "kd-hresult.h"
#include "kd-json.h"

/* One entry of the catalog, or a code decoded on the fly.  Entries are
 * immutable once built, so every property is read-only and never notifies. */
struct _KdErrorCode
{
  GObject parent_instance;

  guint32 value;
  char *code;
  char *symbol;
  char *message;
  char *title;
  char *cause;
  GStrv steps;
  GStrv aliases;
  GStrv alias_codes;
  GStrv related;
  GListStore *commands;
  GPtrArray *sources;   /* alternating title, url */
  KdAppliesTo applies_to;
  const char *win32_symbol;
  const char *win32_message;

  guint known : 1;
  guint seed : 1;
  guint informational : 1;
};

G_DEFINE_FINAL_TYPE (KdErrorCode, kd_error_code, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_CODE,
  PROP_DECIMAL,
  PROP_KNOWN,
  PROP_CURATED,
  PROP_SEED,
  PROP_SYMBOL,
  PROP_MESSAGE,
  PROP_TITLE,
  PROP_CAUSE,
  PROP_STEPS,
  PROP_RELATED,
  PROP_COMMANDS,
  PROP_APPLIES_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static const char * const empty_strv[] = { NULL };

/* Catalog prose is translated like the UI: each string carries its code as
 * the gettext context, so the same English sentence may be translated
 * differently for two codes (the pattern iso-codes uses for its JSON). */
static char *
translate (const char *code,
           const char *english)
{
  if (english == NULL || *english == '\0')
    return g_strdup (english);
  return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, code, english));
}

static GStrv
strv_from_member (JsonObject *object,
                  const char *member,
                  const char *translate_ctx)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!json_object_has_member (object, member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, member)))
    return g_strv_builder_end (builder);

  array = json_object_get_array_member (object, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *s = json_array_get_string_element (array, i);

      if (s == NULL)
        continue;
      if (translate_ctx != NULL)
        g_strv_builder_take (builder, translate (translate_ctx, s));
      else
        g_strv_builder_add (builder, s);
    }

  return g_strv_builder_end (builder);
}

static void
kd_error_code_finalize (GObject *object)
{
  KdErrorCode *self = (KdErrorCode *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->symbol, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->cause, g_free);
  g_clear_pointer (&self->steps, g_strfreev);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->alias_codes, g_strfreev);
  g_clear_pointer (&self->related, g_strfreev);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_object (&self->commands);

  G_OBJECT_CLASS (kd_error_code_parent_class)->finalize (object);
}

static void
kd_error_code_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KdErrorCode *self = KD_ERROR_CODE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_uint (value, self->value);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_DECIMAL:
      g_value_set_int (value, kd_error_code_get_decimal (self));
      break;
    case PROP_KNOWN:
      g_value_set_boolean (value, self->known);
      break;
    case PROP_CURATED:
      g_value_set_boolean (value, kd_error_code_get_curated (self));
      break;
    case PROP_SEED:
      g_value_set_boolean (value, self->seed);
      break;
    case PROP_SYMBOL:
      g_value_set_string (value, self->symbol);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CAUSE:
      g_value_set_string (value, self->cause);
      break;
    case PROP_STEPS:
      g_value_set_boxed (value, self->steps);
      break;
    case PROP_RELATED:
      g_value_set_boxed (value, self->related);
      break;
    case PROP_COMMANDS:
      g_value_set_object (value, self->commands);
      break;
    case PROP_APPLIES_TO:
      g_value_set_flags (value, self->applies_to);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_error_code_class_init (KdErrorCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_error_code_finalize;
  object_class->get_property = kd_error_code_get_property;

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_VALUE] = g_param_spec_uint ("value", NULL, NULL, 0, G_MAXUINT32, 0, RO);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, RO);
  properties[PROP_DECIMAL] = g_param_spec_int ("decimal", NULL, NULL, G_MININT32, G_MAXINT32, 0, RO);
  properties[PROP_KNOWN] = g_param_spec_boolean ("known", NULL, NULL, FALSE, RO);
  properties[PROP_CURATED] = g_param_spec_boolean ("curated", NULL, NULL, FALSE, RO);
  properties[PROP_SEED] = g_param_spec_boolean ("seed", NULL, NULL, FALSE, RO);
  properties[PROP_SYMBOL] = g_param_spec_string ("symbol", NULL, NULL, NULL, RO);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, RO);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, RO);
  properties[PROP_CAUSE] = g_param_spec_string ("cause", NULL, NULL, NULL, RO);
  properties[PROP_STEPS] = g_param_spec_boxed ("steps", NULL, NULL, G_TYPE_STRV, RO);
  properties[PROP_RELATED] = g_param_spec_boxed ("related", NULL, NULL, G_TYPE_STRV, RO);
  properties[PROP_COMMANDS] = g_param_spec_object ("commands", NULL, NULL, G_TYPE_LIST_MODEL, RO);
  properties[PROP_APPLIES_TO] = g_param_spec_flags ("applies-to", NULL, NULL, KD_TYPE_APPLIES_TO, KD_APPLIES_TO_NONE, RO);
#undef RO

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_error_code_init (KdErrorCode *self)
{
  self->commands = g_list_store_new (KD_TYPE_COMMAND);
  self->sources = g_ptr_array_new_with_free_func (g_free);
}

static void
set_win32 (KdErrorCode *self)
{
  guint win32;

  if (kd_hresult_get_win32 (self->value, &win32))
    kd_win32_error_lookup (win32, &self->win32_symbol, &self->win32_message);
}

/**
 * kd_error_code_new_from_json:
 * @object: one entry of a file of data/catalog
 * @error: a #GError
 *
 * Returns: (transfer full): the entry, with its prose in the UI language
 */
KdErrorCode *
kd_error_code_new_from_json (JsonObject  *object,
                             GError     **error)
{
  g_autoptr(KdErrorCode) self = NULL;
  const char *code;
  guint32 value;
  JsonArray *array;

  g_return_val_if_fail (object != NULL, NULL);

  code = json_object_get_string_member_with_default (object, "code", NULL);
  if (code == NULL || !kd_hresult_parse (code, &value, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "catalog entry without a code");
      return NULL;
    }

  self = g_object_new (KD_TYPE_ERROR_CODE, NULL);
  self->value = value;
  self->code = kd_hresult_format (value);
  self->known = TRUE;
  self->symbol = g_strdup (json_object_get_string_member_with_default (object, "symbol", NULL));
  self->message = g_strdup (json_object_get_string_member_with_default (object, "message", NULL));
  self->seed = json_object_get_boolean_member_with_default (object, "seed", FALSE);
  self->informational = json_object_get_boolean_member_with_default (object, "informational",
                                                                     kd_hresult_get_severity (value) == KD_SEVERITY_INFORMATIONAL);
  self->title = translate (self->code, json_object_get_string_member_with_default (object, "title", NULL));
  self->cause = translate (self->code, json_object_get_string_member_with_default (object, "cause", NULL));
  self->steps = strv_from_member (object, "steps", self->code);
  self->aliases = strv_from_member (object, "aliases", NULL);
  self->alias_codes = strv_from_member (object, "alias_codes", NULL);
  self->related = strv_from_member (object, "related", NULL);

  if (json_object_has_member (object, "applies_to"))
    {
      array = json_object_get_array_member (object, "applies_to");
      for (guint i = 0; i < json_array_get_length (array); i++)
        self->applies_to |= kd_applies_to_from_id (json_array_get_string_element (array, i));
    }

  if (json_object_has_member (object, "commands"))
    {
      array = json_object_get_array_member (object, "commands");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *cmd = json_array_get_object_element (array, i);
          g_autofree char *description = NULL;
          g_autoptr(KdCommand) command = NULL;

          description = translate (self->code, json_object_get_string_member_with_default (cmd, "description", NULL));
          command = kd_command_new (json_object_get_string_member (cmd, "command"), description);
          g_list_store_append (self->commands, command);
        }
    }

  if (json_object_has_member (object, "sources"))
    {
      array = json_object_get_array_member (object, "sources");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *src = json_array_get_object_element (array, i);

          g_ptr_array_add (self->sources, g_strdup (json_object_get_string_member_with_default (src, "title", "")));
          g_ptr_array_add (self->sources, g_strdup (json_object_get_string_member_with_default (src, "url", "")));
        }
    }

  set_win32 (self);

  return g_steal_pointer (&self);
}

/**
 * kd_error_code_new_decoded:
 * @value: any 32-bit code
 *
 * Makes an entry for a code the catalog does not know: what can be read from
 * the bits, and the Win32 name and message when the code carries one.
 *
 * Returns: (transfer full): an entry whose #KdErrorCode:known is %FALSE
 */
KdErrorCode *
kd_error_code_new_decoded (guint32 value)
{
  KdErrorCode *self = g_object_new (KD_TYPE_ERROR_CODE, NULL);

  self->value = value;
  self->code = kd_hresult_format (value);
  self->steps = g_strdupv ((GStrv) empty_strv);
  self->aliases = g_strdupv ((GStrv) empty_strv);
  self->alias_codes = g_strdupv ((GStrv) empty_strv);
  self->related = g_strdupv ((GStrv) empty_strv);
  self->informational = kd_hresult_get_severity (value) == KD_SEVERITY_INFORMATIONAL;
  set_win32 (self);

  if (self->win32_symbol != NULL)
    {
      self->symbol = g_strdup (self->win32_symbol);
      self->message = g_strdup (self->win32_message);
    }

  return self;
}

guint32
kd_error_code_get_value (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), 0);
  return self->value;
}

const char *
kd_error_code_get_code (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);
  return self->code;
}

gint32
kd_error_code_get_decimal (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), 0);
  return kd_hresult_to_signed (self->value);
}

gboolean
kd_error_code_get_known (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), FALSE);
  return self->known;
}

/**
 * kd_error_code_get_curated:
 * @self: a #KdErrorCode
 *
 * Returns: %TRUE if the entry has a written cause and remedy, not only the
 *   symbol and message of the SDK header
 */
gboolean
kd_error_code_get_curated (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), FALSE);
  return self->cause != NULL && *self->cause != '\0';
}

gboolean
kd_error_code_get_seed (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), FALSE);
  return self->seed;
}

gboolean
kd_error_code_get_informational (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), FALSE);
  return self->informational;
}

const char *
kd_error_code_get_symbol (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);
  return self->symbol;
}

const char *
kd_error_code_get_message (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);
  return self->message;
}

const char *
kd_error_code_get_title (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);
  return self->title;
}

const char *
kd_error_code_get_cause (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);
  return self->cause;
}

const char * const *
kd_error_code_get_steps (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);
  return (const char * const *) self->steps;
}

const char * const *
kd_error_code_get_aliases (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);
  return (const char * const *) self->aliases;
}

const char * const *
kd_error_code_get_alias_codes (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);
  return (const char * const *) self->alias_codes;
}

const char * const *
kd_error_code_get_related (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);
  return (const char * const *) self->related;
}

/**
 * kd_error_code_get_commands:
 * @self: a #KdErrorCode
 *
 * Returns: (transfer none): a list of #KdCommand
 */
GListModel *
kd_error_code_get_commands (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);
  return G_LIST_MODEL (self->commands);
}

KdAppliesTo
kd_error_code_get_applies_to (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), KD_APPLIES_TO_NONE);
  return self->applies_to;
}

guint
kd_error_code_get_n_sources (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), 0);
  return self->sources->len / 2;
}

void
kd_error_code_get_source (KdErrorCode  *self,
                          guint         index,
                          const char  **out_title,
                          const char  **out_url)
{
  g_return_if_fail (KD_IS_ERROR_CODE (self));
  g_return_if_fail (index < self->sources->len / 2);

  if (out_title != NULL)
    *out_title = g_ptr_array_index (self->sources, index * 2);
  if (out_url != NULL)
    *out_url = g_ptr_array_index (self->sources, index * 2 + 1);
}

const char *
kd_error_code_get_win32_symbol (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);
  return self->win32_symbol;
}

const char *
kd_error_code_get_win32_message (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);
  return self->win32_message;
}

/**
 * kd_error_code_dup_display_title:
 * @self: a #KdErrorCode
 *
 * The one line that names the entry in a list: our title when the entry has
 * one, else the Windows message, else what the bits say.
 *
 * Returns: (transfer full): a translated line
 */
char *
kd_error_code_dup_display_title (KdErrorCode *self)
{
  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);

  if (self->title != NULL && *self->title != '\0')
    return g_strdup (self->title);
  if (self->message != NULL && *self->message != '\0')
    return g_strdup (self->message);
  if (!self->known)
    return g_strdup (_("Not an activation error code"));
  return g_strdup (self->symbol != NULL ? self->symbol : self->code);
}

static void
append_decoded_text (KdErrorCode *self,
                     GString     *out,
                     const char  *bullet)
{
  guint facility = kd_hresult_get_facility (self->value);
  const char *facility_name = kd_hresult_facility_get_name (facility);
  const char *zone = kd_hresult_get_zone (self->value);

  g_string_append_printf (out, "%s%s: %s\n", bullet, _("Severity"),
                          kd_hresult_severity_get_label (kd_hresult_get_severity (self->value)));
  g_string_append_printf (out, "%s%s: %u (%s)\n", bullet, _("Facility"), facility,
                          facility_name != NULL ? facility_name : _("not defined"));
  g_string_append_printf (out, "%s%s: 0x%04X (%u)\n", bullet, _("Code"),
                          kd_hresult_get_code (self->value), kd_hresult_get_code (self->value));
  if (zone != NULL)
    g_string_append_printf (out, "%s%s: %s\n", bullet, _("Zone"), zone);
  if (self->win32_symbol != NULL)
    g_string_append_printf (out, "%s%s: %s — %s\n", bullet, _("Win32 error"),
                            self->win32_symbol, self->win32_message);
}

/**
 * kd_error_code_to_text:
 * @self: a #KdErrorCode
 *
 * Returns: (transfer full): the entry as plain text, to paste into a ticket
 */
char *
kd_error_code_to_text (KdErrorCode *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = NULL;
  guint n_commands;

  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);

  title = kd_error_code_dup_display_title (self);
  g_string_append_printf (out, "%s — %s\n", self->code, title);
  if (self->symbol != NULL)
    g_string_append_printf (out, "%s\n", self->symbol);
  g_string_append_printf (out, "%s: %d\n", _("Decimal"), kd_error_code_get_decimal (self));
  if (self->message != NULL)
    g_string_append_printf (out, "\n%s:\n%s\n", _("Windows message"), self->message);
  if (self->cause != NULL && *self->cause != '\0')
    g_string_append_printf (out, "\n%s:\n%s\n", _("Cause"), self->cause);
  if (self->steps[0] != NULL)
    {
      g_string_append_printf (out, "\n%s:\n", _("What to do"));
      for (guint i = 0; self->steps[i] != NULL; i++)
        g_string_append_printf (out, "%u. %s\n", i + 1, self->steps[i]);
    }
  n_commands = g_list_model_get_n_items (G_LIST_MODEL (self->commands));
  if (n_commands > 0)
    {
      g_string_append_printf (out, "\n%s:\n", _("Commands"));
      for (guint i = 0; i < n_commands; i++)
        {
          g_autoptr(KdCommand) cmd = g_list_model_get_item (G_LIST_MODEL (self->commands), i);
          const char *description = kd_command_get_description (cmd);

          if (description != NULL && *description != '\0')
            g_string_append_printf (out, "  %s\n    %s\n", kd_command_get_command (cmd), description);
          else
            g_string_append_printf (out, "  %s\n", kd_command_get_command (cmd));
        }
    }
  g_string_append_printf (out, "\n%s:\n", _("Structure"));
  append_decoded_text (self, out, "  ");
  if (self->related[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", self->related);
      g_string_append_printf (out, "\n%s: %s\n", _("Related codes"), joined);
    }

  return g_string_free_and_steal (g_steal_pointer (&out));
}

/**
 * kd_error_code_to_markdown:
 * @self: a #KdErrorCode
 *
 * Returns: (transfer full): the entry as Markdown, for tickets and wikis
 */
char *
kd_error_code_to_markdown (KdErrorCode *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = NULL;
  guint n_commands;

  g_return_val_if_fail (KD_IS_ERROR_CODE (self), NULL);

  title = kd_error_code_dup_display_title (self);
  g_string_append_printf (out, "## %s — %s\n\n", self->code, title);
  if (self->symbol != NULL)
    g_string_append_printf (out, "`%s` · %s %d\n\n", self->symbol, _("decimal"),
                            kd_error_code_get_decimal (self));
  if (self->message != NULL)
    g_string_append_printf (out, "> %s\n\n", self->message);
  if (self->cause != NULL && *self->cause != '\0')
    g_string_append_printf (out, "**%s.** %s\n\n", _("Cause"), self->cause);
  if (self->steps[0] != NULL)
    {
      g_string_append_printf (out, "**%s**\n\n", _("What to do"));
      for (guint i = 0; self->steps[i] != NULL; i++)
        g_string_append_printf (out, "%u. %s\n", i + 1, self->steps[i]);
      g_string_append_c (out, '\n');
    }
  n_commands = g_list_model_get_n_items (G_LIST_MODEL (self->commands));
  if (n_commands > 0)
    {
      g_string_append_printf (out, "**%s**\n\n", _("Commands"));
      for (guint i = 0; i < n_commands; i++)
        {
          g_autoptr(KdCommand) cmd = g_list_model_get_item (G_LIST_MODEL (self->commands), i);
          const char *description = kd_command_get_description (cmd);

          if (description != NULL && *description != '\0')
            g_string_append_printf (out, "- %s:\n", description);
          g_string_append_printf (out, "  ```\n  %s\n  ```\n", kd_command_get_command (cmd));
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "**%s**\n\n", _("Structure"));
  append_decoded_text (self, out, "- ");
  if (self->related[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", self->related);
      g_string_append_printf (out, "\n**%s:** %s\n", _("Related codes"), joined);
    }
  for (guint i = 0; i < self->sources->len / 2; i++)
    {
      if (i == 0)
        g_string_append_printf (out, "\n**%s**\n\n", _("Sources"));
      g_string_append_printf (out, "- [%s](%s)\n",
                              (char *) g_ptr_array_index (self->sources, i * 2),
                              (char *) g_ptr_array_index (self->sources, i * 2 + 1));
    }

  return g_string_free_and_steal (g_steal_pointer (&out));
}

/**
 * kd_error_code_to_json:
 * @self: a #KdErrorCode
 * @builder: a builder positioned where a value goes
 *
 * Writes the entry as the object documented in `docs/lookup-json.md`.
 */
void
kd_error_code_to_json (KdErrorCode *self,
                       JsonBuilder *builder)
{
  guint facility;
  guint n;

  g_return_if_fail (KD_IS_ERROR_CODE (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  facility = kd_hresult_get_facility (self->value);

  json_builder_begin_object (builder);
  kd_json_add_string (builder, "code", self->code);
  json_builder_set_member_name (builder, "decimal");
  json_builder_add_int_value (builder, kd_error_code_get_decimal (self));
  json_builder_set_member_name (builder, "unsigned");
  json_builder_add_int_value (builder, self->value);
  json_builder_set_member_name (builder, "known");
  json_builder_add_boolean_value (builder, self->known);
  json_builder_set_member_name (builder, "curated");
  json_builder_add_boolean_value (builder, kd_error_code_get_curated (self));
  json_builder_set_member_name (builder, "informational");
  json_builder_add_boolean_value (builder, self->informational);
  kd_json_add_string (builder, "symbol", self->symbol);
  kd_json_add_string (builder, "title", self->title);
  kd_json_add_string (builder, "message", self->message);
  kd_json_add_strv (builder, "aliases", (const char * const *) self->aliases);

  json_builder_set_member_name (builder, "applies_to");
  json_builder_begin_array (builder);
  for (guint flag = 1; flag <= KD_APPLIES_TO_LAST; flag <<= 1)
    if (self->applies_to & flag)
      json_builder_add_string_value (builder, kd_applies_to_get_id (flag));
  json_builder_end_array (builder);

  kd_json_add_string (builder, "cause", self->cause);
  kd_json_add_strv (builder, "steps", (const char * const *) self->steps);

  json_builder_set_member_name (builder, "commands");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->commands));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KdCommand) cmd = g_list_model_get_item (G_LIST_MODEL (self->commands), i);

      json_builder_begin_object (builder);
      kd_json_add_string (builder, "command", kd_command_get_command (cmd));
      kd_json_add_string (builder, "description", kd_command_get_description (cmd));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  kd_json_add_strv (builder, "related", (const char * const *) self->related);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->sources->len / 2; i++)
    {
      json_builder_begin_object (builder);
      kd_json_add_string (builder, "title", g_ptr_array_index (self->sources, i * 2));
      kd_json_add_string (builder, "url", g_ptr_array_index (self->sources, i * 2 + 1));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "decoded");
  json_builder_begin_object (builder);
  kd_json_add_string (builder, "severity", kd_hresult_severity_get_id (kd_hresult_get_severity (self->value)));
  json_builder_set_member_name (builder, "failure");
  json_builder_add_boolean_value (builder, kd_hresult_is_failure (self->value));
  json_builder_set_member_name (builder, "customer");
  json_builder_add_boolean_value (builder, kd_hresult_is_customer (self->value));
  json_builder_set_member_name (builder, "facility");
  json_builder_add_int_value (builder, facility);
  kd_json_add_string (builder, "facility_name", kd_hresult_facility_get_name (facility));
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, kd_hresult_get_code (self->value));
  kd_json_add_string (builder, "zone", kd_hresult_get_zone (self->value));
  if (self->win32_symbol != NULL)
    {
      guint win32 = 0;

      kd_hresult_get_win32 (self->value, &win32);
      json_builder_set_member_name (builder, "win32");
      json_builder_add_int_value (builder, win32);
      kd_json_add_string (builder, "win32_name", self->win32_symbol);
      kd_json_add_string (builder, "win32_message", self->win32_message);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}
