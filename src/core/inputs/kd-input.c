/* kd-input.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kd-capture-parser.h"
#include "kd-enum-types.h"
#include "kd-hresult.h"
#include "kd-input.h"

/* What a paste holds, decided from the text alone, for every place that
 * takes one: the window's Ctrl+V, and the command line and the folder
 * import to come.  A capture is recognised first, since it may well quote
 * an error code; then a code anywhere in the text; then a short line is
 * taken as words to search for.  Only the start of a big text is read. */

/* Text this long is a capture or a log, not a query. */
#define MAX_SEARCH_BYTES 200

struct _KdInput
{
  GObject parent_instance;

  KdInputKind kind;
  guint32 code;
  char *search;
};

G_DEFINE_FINAL_TYPE (KdInput, kd_input, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_CODE,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_input_finalize (GObject *object)
{
  KdInput *self = (KdInput *) object;

  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (kd_input_parent_class)->finalize (object);
}

static void
kd_input_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KdInput *self = KD_INPUT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_CODE:
      g_value_set_uint (value, self->code);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_input_class_init (KdInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kd_input_finalize;
  object_class->get_property = kd_input_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, KD_TYPE_INPUT_KIND, KD_INPUT_NOTHING, ro);
  properties[PROP_CODE] = g_param_spec_uint ("code", NULL, NULL, 0, G_MAXUINT32, 0, ro);
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_input_init (KdInput *self)
{
}

/**
 * kd_input_new_for_text:
 * @text: pasted text, of any size
 * @length: its length, or -1 when it is NUL-terminated
 *
 * Returns: (transfer full): what @text holds
 */
KdInput *
kd_input_new_for_text (const char *text,
                       gssize      length)
{
  KdInput *self;
  gsize size;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  self = g_object_new (KD_TYPE_INPUT, NULL);
  size = length >= 0 ? (gsize) length : strlen (text);

  if (size == 0)
    self->kind = KD_INPUT_NOTHING;
  else if (kd_capture_looks_like (text, size))
    self->kind = KD_INPUT_CAPTURE;
  else if (kd_hresult_find_in_text (text, size, &self->code))
    self->kind = KD_INPUT_CODE;
  else if (size <= MAX_SEARCH_BYTES && g_utf8_validate_len (text, size, NULL))
    {
      g_autofree char *line = g_strndup (text, size);
      char *newline = strchr (line, '\n');

      if (newline != NULL)
        *newline = '\0';
      self->search = g_strdup (g_strstrip (line));
      self->kind = KD_INPUT_SEARCH;
    }
  else
    self->kind = KD_INPUT_UNKNOWN;

  return self;
}

KdInputKind
kd_input_get_kind (KdInput *self)
{
  g_return_val_if_fail (KD_IS_INPUT (self), KD_INPUT_NOTHING);

  return self->kind;
}

/**
 * kd_input_get_code:
 * @self: a #KdInput
 *
 * Returns: the first error code in the text, for %KD_INPUT_CODE
 */
guint32
kd_input_get_code (KdInput *self)
{
  g_return_val_if_fail (KD_IS_INPUT (self), 0);

  return self->code;
}

/**
 * kd_input_get_search:
 * @self: a #KdInput
 *
 * Returns: (nullable): the first line, trimmed, for %KD_INPUT_SEARCH
 */
const char *
kd_input_get_search (KdInput *self)
{
  g_return_val_if_fail (KD_IS_INPUT (self), NULL);

  return self->search;
}
