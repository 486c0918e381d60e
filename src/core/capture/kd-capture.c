/* kd-capture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-capture.h"
#include "kd-enum-types.h"
#include "kd-capture-product-list.h"

/* What one capture (one file or one paste) said: its kind, language and
 * encoding, its products, and every line the parser did not understand,
 * in order. */
struct _KdCapture
{
  GObject parent_instance;

  KdCaptureKind kind;
  char *language;
  char *encoding;
  char *banner;
  char *service_version;
  KdCaptureProductList *products;
  GPtrArray *unknown_lines;  /* NULL-terminated */
  GPtrArray *notes;          /* NULL-terminated */
  guint n_by_shape;
  gboolean language_known;
};

G_DEFINE_FINAL_TYPE (KdCapture, kd_capture, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_LANGUAGE,
  PROP_ENCODING,
  PROP_PRODUCTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_capture_finalize (GObject *object)
{
  KdCapture *self = (KdCapture *) object;

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->banner, g_free);
  g_clear_pointer (&self->service_version, g_free);
  g_clear_object (&self->products);
  g_clear_pointer (&self->unknown_lines, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (kd_capture_parent_class)->finalize (object);
}

static void
kd_capture_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KdCapture *self = KD_CAPTURE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;
    case PROP_PRODUCTS:
      g_value_set_object (value, self->products);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_capture_class_init (KdCaptureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_capture_finalize;
  object_class->get_property = kd_capture_get_property;

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, KD_TYPE_CAPTURE_KIND, KD_CAPTURE_KIND_UNKNOWN, RO);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, RO);
  properties[PROP_ENCODING] = g_param_spec_string ("encoding", NULL, NULL, NULL, RO);
  properties[PROP_PRODUCTS] = g_param_spec_object ("products", NULL, NULL, G_TYPE_LIST_MODEL, RO);
#undef RO
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_capture_init (KdCapture *self)
{
  self->kind = KD_CAPTURE_KIND_UNKNOWN;
  self->products = kd_capture_product_list_new ();
  self->unknown_lines = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->unknown_lines, NULL);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
}

KdCapture *
kd_capture_new (void)
{
  return g_object_new (KD_TYPE_CAPTURE, NULL);
}

KdCaptureKind
kd_capture_get_kind (KdCapture *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE (self), KD_CAPTURE_KIND_UNKNOWN);
  return self->kind;
}

const char *
kd_capture_get_language (KdCapture *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE (self), NULL);
  return self->language;
}

/**
 * kd_capture_get_language_known:
 * @self: a document
 *
 * Returns: %FALSE when the labels are in a language without a table, and
 *   the fields were recognised by the shape of their values
 */
gboolean
kd_capture_get_language_known (KdCapture *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE (self), FALSE);
  return self->language_known;
}

const char *
kd_capture_get_encoding (KdCapture *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE (self), NULL);
  return self->encoding;
}

const char *
kd_capture_get_banner (KdCapture *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE (self), NULL);
  return self->banner;
}

const char *
kd_capture_get_service_version (KdCapture *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE (self), NULL);
  return self->service_version;
}

/**
 * kd_capture_get_products:
 * @self: a document
 *
 * Returns: (transfer none): the #KdCaptureProduct blocks, in order
 */
GListModel *
kd_capture_get_products (KdCapture *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE (self), NULL);
  return G_LIST_MODEL (self->products);
}

const char * const *
kd_capture_get_unknown_lines (KdCapture *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE (self), NULL);
  return (const char * const *) self->unknown_lines->pdata;
}

/**
 * kd_capture_get_notes:
 * @self: a document
 *
 * Returns: what the parser had to repair or guess, for the user to know
 */
const char * const *
kd_capture_get_notes (KdCapture *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE (self), NULL);
  return (const char * const *) self->notes->pdata;
}

guint
kd_capture_get_n_by_shape (KdCapture *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE (self), 0);
  return self->n_by_shape;
}

void
kd_capture_set_kind (KdCapture     *self,
                     KdCaptureKind  kind)
{
  g_return_if_fail (KD_IS_CAPTURE (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
kd_capture_set_language (KdCapture *self,
                              const char    *language,
                              gboolean       known)
{
  g_return_if_fail (KD_IS_CAPTURE (self));
  self->language_known = known;
  if (g_set_str (&self->language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

void
kd_capture_set_encoding (KdCapture *self,
                              const char    *encoding)
{
  g_return_if_fail (KD_IS_CAPTURE (self));
  if (g_set_str (&self->encoding, encoding))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
}

void
kd_capture_set_banner (KdCapture *self,
                            const char    *banner)
{
  g_return_if_fail (KD_IS_CAPTURE (self));
  g_set_str (&self->banner, banner);
}

void
kd_capture_set_service_version (KdCapture *self,
                                     const char    *version)
{
  g_return_if_fail (KD_IS_CAPTURE (self));
  g_set_str (&self->service_version, version);
}

/**
 * kd_capture_set_products:
 * @self: a document
 * @products: (transfer full) (element-type KdCaptureProduct): the products of
 *   the capture, in an array that unrefs them
 *
 * Replaces the products at once: a capture can have a hundred thousand.
 */
void
kd_capture_set_products (KdCapture *self,
                              GPtrArray     *products)
{
  g_return_if_fail (KD_IS_CAPTURE (self));
  kd_capture_product_list_take (self->products, products);
}

void
kd_capture_add_unknown_line (KdCapture *self,
                                  const char    *line)
{
  g_return_if_fail (KD_IS_CAPTURE (self));
  g_ptr_array_insert (self->unknown_lines, self->unknown_lines->len - 1, g_strdup (line));
}

void
kd_capture_add_note (KdCapture *self,
                          const char    *note)
{
  g_return_if_fail (KD_IS_CAPTURE (self));
  g_ptr_array_insert (self->notes, self->notes->len - 1, g_strdup (note));
}

/* Moves the lines of @from to the end of @to; both end in NULL. */
static void
move_lines (GPtrArray **to,
            GPtrArray **from)
{
  g_ptr_array_set_size (*to, (*to)->len - 1);
  g_ptr_array_extend_and_steal (*to, g_steal_pointer (from));
  *from = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*from, NULL);
}

/**
 * kd_capture_append:
 * @self: the document of the start of a capture
 * @rest: the document of the rest of the same capture, which this takes
 *   the lines and notes of
 *
 * Makes @self the document of the whole capture, but for its products,
 * kind and language: @rest's unknown lines and notes follow @self's, its
 * banner is taken if @self has none, its service version if it has one.
 */
void
kd_capture_append (KdCapture *self,
                        KdCapture *rest)
{
  g_return_if_fail (KD_IS_CAPTURE (self));
  g_return_if_fail (KD_IS_CAPTURE (rest));

  if (self->banner == NULL)
    g_set_str (&self->banner, rest->banner);
  if (rest->service_version != NULL)
    g_set_str (&self->service_version, rest->service_version);
  move_lines (&self->unknown_lines, &rest->unknown_lines);
  move_lines (&self->notes, &rest->notes);
}

void
kd_capture_set_n_by_shape (KdCapture *self,
                                guint          n)
{
  g_return_if_fail (KD_IS_CAPTURE (self));
  self->n_by_shape = n;
}

/**
 * kd_capture_to_json:
 * @self: a document
 * @builder: a builder where a value goes
 *
 * Writes the object of docs/capture-json.md.
 */
void
kd_capture_to_json (KdCapture *self,
                         JsonBuilder   *builder)
{
  guint n;

  g_return_if_fail (KD_IS_CAPTURE (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kd_capture_kind_get_id (self->kind));
  json_builder_set_member_name (builder, "language");
  if (self->language != NULL)
    json_builder_add_string_value (builder, self->language);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "encoding");
  json_builder_add_string_value (builder, self->encoding != NULL ? self->encoding : "UTF-8");
  json_builder_set_member_name (builder, "banner");
  if (self->banner != NULL)
    json_builder_add_string_value (builder, self->banner);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "service_version");
  if (self->service_version != NULL)
    json_builder_add_string_value (builder, self->service_version);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "products");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->products));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KdCaptureProduct) product = g_list_model_get_item (G_LIST_MODEL (self->products), i);
      kd_capture_product_to_json (product, builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "unknown_lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < self->unknown_lines->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->unknown_lines, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < self->notes->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->notes, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * kd_capture_to_json_string:
 * @self: a document
 *
 * Returns: (transfer full): the document as pretty-printed JSON
 */
char *
kd_capture_to_json_string (KdCapture *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  kd_capture_to_json (self, builder);
  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
