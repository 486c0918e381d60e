/* kd-case-capture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-case-capture.h"

/* One capture of a case: the text as the user gave it, decoded to UTF-8,
 * with the name of the file it came from (none for a paste) and the
 * encoding that file was in.  Immutable, so that a save in a worker
 * thread can read it while the user goes on: a change is a new capture. */
struct _KdCaseCapture
{
  GObject parent_instance;

  GBytes *text;
  char *source_name;
  char *encoding;
};

G_DEFINE_FINAL_TYPE (KdCaseCapture, kd_case_capture, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_SOURCE_NAME,
  PROP_ENCODING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_case_capture_finalize (GObject *object)
{
  KdCaseCapture *self = (KdCaseCapture *) object;

  g_clear_pointer (&self->text, g_bytes_unref);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->encoding, g_free);

  G_OBJECT_CLASS (kd_case_capture_parent_class)->finalize (object);
}

static void
kd_case_capture_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KdCaseCapture *self = KD_CASE_CAPTURE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_boxed (value, self->text);
      break;
    case PROP_SOURCE_NAME:
      g_value_set_string (value, self->source_name);
      break;
    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_case_capture_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KdCaseCapture *self = KD_CASE_CAPTURE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      self->text = g_value_dup_boxed (value);
      break;
    case PROP_SOURCE_NAME:
      self->source_name = g_value_dup_string (value);
      break;
    case PROP_ENCODING:
      self->encoding = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_case_capture_class_init (KdCaseCaptureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kd_case_capture_finalize;
  object_class->get_property = kd_case_capture_get_property;
  object_class->set_property = kd_case_capture_set_property;

  properties[PROP_TEXT] = g_param_spec_boxed ("text", NULL, NULL, G_TYPE_BYTES, flags);
  properties[PROP_SOURCE_NAME] = g_param_spec_string ("source-name", NULL, NULL, NULL, flags);
  properties[PROP_ENCODING] = g_param_spec_string ("encoding", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_case_capture_init (KdCaseCapture *self)
{
}

/**
 * kd_case_capture_new:
 * @text: the capture as UTF-8 text
 * @source_name: (nullable): the name of the file it was read from, or
 *   %NULL when it was pasted
 * @encoding: (nullable): the encoding that file was in
 *
 * Returns: (transfer full): the capture
 */
KdCaseCapture *
kd_case_capture_new (GBytes     *text,
                     const char *source_name,
                     const char *encoding)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_object_new (KD_TYPE_CASE_CAPTURE,
                       "text", text,
                       "source-name", source_name,
                       "encoding", encoding,
                       NULL);
}

/**
 * kd_case_capture_get_text:
 * @self: a #KdCaseCapture
 *
 * Returns: (transfer none): the text, valid UTF-8, not NUL-terminated
 */
GBytes *
kd_case_capture_get_text (KdCaseCapture *self)
{
  g_return_val_if_fail (KD_IS_CASE_CAPTURE (self), NULL);

  return self->text;
}

const char *
kd_case_capture_get_source_name (KdCaseCapture *self)
{
  g_return_val_if_fail (KD_IS_CASE_CAPTURE (self), NULL);

  return self->source_name;
}

const char *
kd_case_capture_get_encoding (KdCaseCapture *self)
{
  g_return_val_if_fail (KD_IS_CASE_CAPTURE (self), NULL);

  return self->encoding;
}
