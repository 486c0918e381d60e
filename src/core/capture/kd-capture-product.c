/* kd-capture-product.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <stdlib.h>
#include <string.h>

#include "kd-capture-date.h"
#include "kd-capture-product-private.h"
#include "kd-enum-types.h"
#include "kd-error-catalog.h"
#include "kd-hresult.h"
#include "kd-json.h"
#include "kd-labels.h"
#include "kd-regex.h"

typedef struct
{
  const char *key;
  const char *value;    /* as printed, in the product's Values */
} Field;

/* A /dlv block of a Windows KMS client has up to 25 fields, and a few flags */
#define FIRST_FIELDS 26
#define FIRST_FLAGS 4

/* The values of the products of one capture are kept together: a
 * capture can have millions, and few are ever replaced.  Filled while
 * the capture is read, then only read.  Blocks double from 16 KB to
 * 2 MB, so that a paste of a few lines takes one small block and a
 * capture of 100 MB does not allocate at every value.  (Huge pages for
 * the big blocks were tried: later parses gained a tenth, but the first
 * one in a process waited on the kernel compacting memory.) */
#define VALUES_MIN_BLOCK (16 * 1024)
#define VALUES_MAX_BLOCK (2 * 1024 * 1024)

typedef struct
{
  GPtrArray *blocks;    /* g_free()d */
  char *next;           /* free space in the newest block */
  gsize left;
  gsize block_size;     /* of the next block */

  /* The fields of the block being read, until it is complete (seal()):
   * how many a block has is known only at its end, and the store keeps
   * each list at the size it ends with.  Reused from block to block. */
  Field *open_fields;
  guint open_allocated;
  KdCaptureProduct *open_product;   /* whose fields are open_fields, or NULL */
} Values;

static void
values_clear (gpointer data)
{
  Values *values = data;

  g_ptr_array_unref (values->blocks);
  g_free (values->open_fields);
}

static Values *
values_new (void)
{
  Values *values = g_atomic_rc_box_new0 (Values);

  values->blocks = g_ptr_array_new_with_free_func (g_free);
  values->block_size = VALUES_MIN_BLOCK;
  return values;
}

static void
values_release (Values *values)
{
  g_atomic_rc_box_release_full (values, values_clear);
}

/* @size bytes aligned to @align (a power of two), that live as long as
 * the values */
static gpointer
values_alloc (Values *values,
              gsize   size,
              gsize   align)
{
  gsize pad = (gsize) -(guintptr) values->next & (align - 1);
  gpointer memory;

  if (pad + size > values->left)
    {
      gsize block_size = MAX (values->block_size, size);
      char *block = g_malloc (block_size);

      g_ptr_array_add (values->blocks, block);
      values->next = block;
      values->left = block_size;
      values->block_size = MIN (values->block_size * 2, VALUES_MAX_BLOCK);
      pad = 0;
    }
  memory = values->next + pad;
  values->next += pad + size;
  values->left -= pad + size;
  return memory;
}

/* A copy of @length bytes of @text, NUL-terminated (-1: up to its NUL) */
static const char *
values_insert (Values     *values,
               const char *text,
               gssize      length)
{
  gsize n = length < 0 ? strlen (text) : (gsize) length;
  char *copy = values_alloc (values, n + 1, 1);

  memcpy (copy, text, n);
  copy[n] = '\0';
  return copy;
}

/* Room for one more item in a list kept in the values: a list that is
 * full moves to one twice its size (@first items for the first). */
static gpointer
values_grow (Values   *values,
             gpointer  items,
             guint     n_items,
             guint    *allocated,
             gsize     item_size,
             guint     first)
{
  gpointer grown;

  if (n_items < *allocated)
    return items;
  *allocated = *allocated > 0 ? *allocated * 2 : first;
  grown = values_alloc (values, *allocated * item_size, sizeof (gpointer));
  if (n_items > 0)
    memcpy (grown, items, n_items * item_size);
  return grown;
}

/* One license block of a capture.  Fields are kept as printed, by their
 * canonical key (data/slmgr-labels.json), so nothing is lost; finish()
 * derives the typed values the contract of `parse --json` promises
 * (docs/capture-json.md). */
struct _KdCaptureProduct
{
  GObject parent_instance;

  /* Keys are interned (kd-keys.h): never copied, compared as pointers.
   * A block has a score of fields and a few flags: a list is quicker to
   * fill and to search than a hash table.  Both lists are in the store
   * of values, next to the values themselves: the passes over every
   * product of a big capture after reading it wait on memory, not on
   * instructions. */
  guint64 key_bits;     /* key_bit() of every key in fields: most keys a block is asked for are not there */
  Field *fields;        /* in the order read, room for allocated_fields, in values */
  guint n_fields;
  guint allocated_fields;
  Values *values;       /* where the values are, shared with the other products of the capture */
  const char **flags;   /* line keys seen in this block, room for allocated_flags, in values */
  guint n_flags;
  guint allocated_flags;

  /* Derived in finish() */
  char *channel;
  KdLicenseRole role;
  const char *license_status;
  char *notification_reason;
  gint64 expiration_minutes;
  gint64 expiration_days;
  gboolean has_expiration;
  const char *out_of_range[4];  /* keys whose number no field can hold */
  guint n_out_of_range;
  char *trusted_time;
  char *kms_host;
  gint64 kms_port;
  const char *kms_host_source;
  char *expires;

};

G_DEFINE_FINAL_TYPE (KdCaptureProduct, kd_capture_product, G_TYPE_OBJECT)

/* No count, interval or time left slmgr prints comes near this: a larger
 * number is a garbled or invented value. */
#define MAX_FIELD_NUMBER G_GINT64_CONSTANT (1000000000000)

/* The fields whose value is a number, checked for numbers beyond that. */
static const char * const numeric_keys[] = {
  "current_count", "listening_port", "activation_interval", "renewal_interval",
  "requests_total", "requests_failed", "requests_unlicensed", "requests_licensed", "requests_initial_grace",
  "requests_expired_or_oot", "requests_non_genuine_grace", "requests_notification",
  "remaining_windows_rearm_count", "remaining_sku_rearm_count",
  "volume_activation_expiration", "timebased_activation_expiration", "avma_activation_expiration",
  "time_remaining", "ospp_remaining_grace", "ospp_kms_port",
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_CHANNEL,
  PROP_ROLE,
  PROP_LICENSE_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_capture_product_finalize (GObject *object)
{
  KdCaptureProduct *self = (KdCaptureProduct *) object;

  if (self->values->open_product == self)
    self->values->open_product = NULL;
  g_clear_pointer (&self->values, values_release);
  g_clear_pointer (&self->channel, g_free);
  g_clear_pointer (&self->notification_reason, g_free);
  g_clear_pointer (&self->trusted_time, g_free);
  g_clear_pointer (&self->kms_host, g_free);
  g_clear_pointer (&self->expires, g_free);

  G_OBJECT_CLASS (kd_capture_product_parent_class)->finalize (object);
}

static void
kd_capture_product_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KdCaptureProduct *self = KD_CAPTURE_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, kd_capture_product_get_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, kd_capture_product_get_description (self));
      break;
    case PROP_CHANNEL:
      g_value_set_string (value, self->channel);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_LICENSE_STATUS:
      g_value_set_string (value, self->license_status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_capture_product_class_init (KdCaptureProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_capture_product_finalize;
  object_class->get_property = kd_capture_product_get_property;

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, RO);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, RO);
  properties[PROP_CHANNEL] = g_param_spec_string ("channel", NULL, NULL, NULL, RO);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, KD_TYPE_LICENSE_ROLE, KD_LICENSE_ROLE_UNKNOWN, RO);
  properties[PROP_LICENSE_STATUS] = g_param_spec_string ("license-status", NULL, NULL, NULL, RO);
#undef RO
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_capture_product_init (KdCaptureProduct *self)
{
  self->expiration_minutes = -1;
  self->expiration_days = -1;
  self->kms_port = -1;
}

/**
 * kd_capture_product_new:
 * @previous: (nullable): the product read before this one in the same
 *   capture, whose store of values the new product shares
 *
 * Returns: (transfer full): a product without fields
 */
KdCaptureProduct *
kd_capture_product_new (KdCaptureProduct *previous)
{
  KdCaptureProduct *self = g_object_new (KD_TYPE_CAPTURE_PRODUCT, NULL);

  g_return_val_if_fail (previous == NULL || KD_IS_CAPTURE_PRODUCT (previous), self);
  self->values = previous != NULL ? g_atomic_rc_box_acquire (previous->values) : values_new ();
  return self;
}

/* One of 64 bits, from an interned key's address. */
static inline guint64
key_bit (const char *key)
{
  return G_GUINT64_CONSTANT (1) << (((guint64) (guintptr) key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 58);
}

/* @key is interned: fields are found by their key's address. */
static Field *
find_field (KdCaptureProduct *self,
            const char   *key)
{
  if ((self->key_bits & key_bit (key)) == 0)
    return NULL;
  for (guint i = 0; i < self->n_fields; i++)
    if (self->fields[i].key == key)
      return &self->fields[i];
  return NULL;
}

/* The interned string equal to @key, or NULL when there is none: then no
 * product can have it.  For callers outside the parser, which pass
 * string literals. */
static const char *
interned_key (const char *key)
{
  GQuark quark = g_quark_try_string (key);

  return quark != 0 ? g_quark_to_string (quark) : NULL;
}

/* The private API takes interned keys only; the sanitizer build makes
 * sure of it. */
static inline void
check_key (const char *key)
{
#ifdef KD_CHECK_KEYS
  g_assert (interned_key (key) == key);
#else
  (void) key;
#endif
}

static Field *
find_field_any (KdCaptureProduct *self,
                const char   *key)
{
  Field *field = find_field (self, key);
  const char *interned;

  if (field == NULL && (interned = interned_key (key)) != NULL && interned != key)
    field = find_field (self, interned);
  return field;
}

static gboolean
has_flag (KdCaptureProduct *self,
          const char   *flag)
{
  for (guint i = 0; i < self->n_flags; i++)
    if (self->flags[i] == flag)
      return TRUE;
  return FALSE;
}

/* The block is complete: its fields move from the open list to one of
 * their number in the store of values.  A field put later grows it. */
static void
seal (KdCaptureProduct *self)
{
  Values *values = self->values;

  if (values->open_product != self)
    return;
  values->open_product = NULL;
  self->allocated_fields = self->n_fields;
  self->fields = values_alloc (values, self->n_fields * sizeof (Field), sizeof (gpointer));
  memcpy (self->fields, values->open_fields, self->n_fields * sizeof (Field));
}

/* Room for one more field.  A block's first field takes the open list,
 * and the block that had it is complete. */
static void
grow_fields (KdCaptureProduct *self)
{
  Values *values = self->values;

  if (self->n_fields == 0 && values->open_product != self)
    {
      if (values->open_product != NULL)
        seal (values->open_product);
      values->open_product = self;
    }
  if (values->open_product != self)
    {
      self->fields = values_grow (values, self->fields, self->n_fields, &self->allocated_fields, sizeof (Field), 1);
      return;
    }
  if (self->n_fields == values->open_allocated)
    {
      values->open_allocated = MAX (values->open_allocated * 2, FIRST_FIELDS);
      values->open_fields = g_renew (Field, values->open_fields, values->open_allocated);
    }
  self->fields = values->open_fields;
  self->allocated_fields = values->open_allocated;
}

/* @value is in the store of values already. */
static void
put_field (KdCaptureProduct *self,
           const char   *key,
           const char   *value)
{
  Field *field = find_field (self, key);

  if (field != NULL)
    field->value = value;
  else
    {
      if (self->n_fields == self->allocated_fields)
        grow_fields (self);
      self->fields[self->n_fields].key = key;
      self->fields[self->n_fields].value = value;
      self->n_fields++;
      self->key_bits |= key_bit (key);
    }
}

const char *
kd_capture_product_lookup (KdCaptureProduct *self,
                       const char   *key)
{
  Field *field;

  check_key (key);
  field = find_field (self, key);
  return field != NULL ? field->value : NULL;
}

gboolean
kd_capture_product_has (KdCaptureProduct *self,
                    const char   *key)
{
  check_key (key);
  return find_field (self, key) != NULL;
}

void
kd_capture_product_put (KdCaptureProduct *self,
                    const char   *key,
                    const char   *value,
                    gssize        length)
{
  check_key (key);
  put_field (self, key, values_insert (self->values, value, length));
}

void
kd_capture_product_append (KdCaptureProduct *self,
                       const char   *key,
                       const char   *text,
                       gboolean      with_space)
{
  const char *old = kd_capture_product_lookup (self, key);
  g_autofree char *joined = NULL;

  joined = g_strconcat (old != NULL ? old : "", with_space && old != NULL && *old ? " " : "", text, NULL);
  put_field (self, key, values_insert (self->values, joined, -1));
}

void
kd_capture_product_flag (KdCaptureProduct *self,
                     const char   *flag)
{
  check_key (flag);
  if (has_flag (self, flag))
    return;
  self->flags = values_grow (self->values, self->flags, self->n_flags, &self->allocated_flags,
                             sizeof (const char *), FIRST_FLAGS);
  self->flags[self->n_flags++] = flag;
}

gboolean
kd_capture_product_flagged (KdCaptureProduct *self,
                        const char   *flag)
{
  check_key (flag);
  return has_flag (self, flag);
}

const char *
kd_capture_product_get_field (KdCaptureProduct *self,
                          const char   *key)
{
  Field *field;

  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  field = find_field_any (self, key);
  return field != NULL ? field->value : NULL;
}

gboolean
kd_capture_product_has_field (KdCaptureProduct *self,
                          const char   *key)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  return find_field_any (self, key) != NULL;
}

/**
 * kd_capture_product_set_field:
 * @self: a product
 * @key: a field key
 * @value: (nullable): the value as printed
 */
void
kd_capture_product_set_field (KdCaptureProduct *self,
                          const char   *key,
                          const char   *value)
{
  g_return_if_fail (KD_IS_CAPTURE_PRODUCT (self));
  g_return_if_fail (key != NULL);
  put_field (self, g_intern_string (key), values_insert (self->values, value != NULL ? value : "", -1));
}

/**
 * kd_capture_product_append_field:
 * @self: a product
 * @key: a field key
 * @text: the next piece of a value a console wrapped
 * @with_space: whether a space was lost at the wrap
 */
void
kd_capture_product_append_field (KdCaptureProduct *self,
                             const char   *key,
                             const char   *text,
                             gboolean      with_space)
{
  g_return_if_fail (KD_IS_CAPTURE_PRODUCT (self));
  g_return_if_fail (key != NULL && text != NULL);
  kd_capture_product_append (self, g_intern_string (key), text, with_space);
}

/**
 * kd_capture_product_set_flag:
 * @self: a product
 * @flag: a line key
 */
void
kd_capture_product_set_flag (KdCaptureProduct *self,
                         const char   *flag)
{
  g_return_if_fail (KD_IS_CAPTURE_PRODUCT (self));
  g_return_if_fail (flag != NULL);
  kd_capture_product_flag (self, g_intern_string (flag));
}

gboolean
kd_capture_product_has_flag (KdCaptureProduct *self,
                         const char   *flag)
{
  const char *interned;

  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), FALSE);
  g_return_val_if_fail (flag != NULL, FALSE);
  return has_flag (self, flag) ||
         ((interned = interned_key (flag)) != NULL && interned != flag && has_flag (self, interned));
}

/**
 * kd_capture_product_absorb:
 * @self: a product
 * @other: another block about the same product
 *
 * Takes the fields and flags of @other that @self does not have.
 */
void
kd_capture_product_absorb (KdCaptureProduct *self,
                       KdCaptureProduct *other)
{
  g_return_if_fail (KD_IS_CAPTURE_PRODUCT (self));
  g_return_if_fail (KD_IS_CAPTURE_PRODUCT (other));

  for (guint i = 0; i < other->n_fields; i++)
    {
      Field *field = &other->fields[i];

      if (find_field (self, field->key) == NULL)
        put_field (self, field->key, values_insert (self->values, field->value, -1));
    }
  for (guint i = 0; i < other->n_flags; i++)
    kd_capture_product_flag (self, other->flags[i]);
}

const char *
kd_capture_product_get_name (KdCaptureProduct *self)
{
  const char *name;

  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), NULL);
  name = kd_capture_product_lookup (self, KD_KEY ("name"));
  return name != NULL ? name : kd_capture_product_lookup (self, KD_KEY ("ospp_license_name"));
}

const char *
kd_capture_product_get_description (KdCaptureProduct *self)
{
  const char *description;

  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), NULL);
  description = kd_capture_product_lookup (self, KD_KEY ("description"));
  return description != NULL ? description : kd_capture_product_lookup (self, KD_KEY ("ospp_license_description"));
}

const char *
kd_capture_product_get_channel (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), NULL);
  return self->channel;
}

KdLicenseRole
kd_capture_product_get_role (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), KD_LICENSE_ROLE_UNKNOWN);
  return self->role;
}

const char *
kd_capture_product_get_license_status (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), NULL);
  return self->license_status;
}

const char *
kd_capture_product_get_notification_reason (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), NULL);
  return self->notification_reason;
}

/**
 * kd_capture_product_has_expiration:
 * @self: a finished product
 *
 * Returns: whether the capture gives the time left before the activation
 *   or grace period ends; that time is below zero once it has ended
 */
gboolean
kd_capture_product_has_expiration (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), FALSE);
  return self->has_expiration;
}

/**
 * kd_capture_product_get_out_of_range:
 * @self: a finished product
 * @n: (out): how many keys there are
 *
 * Returns: (array length=n) (transfer none): the keys of the fields
 *   whose number is beyond anything the field can hold, and so left out
 */
const char * const *
kd_capture_product_get_out_of_range (KdCaptureProduct *self,
                                     guint            *n)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), NULL);
  *n = self->n_out_of_range;
  return self->out_of_range;
}

/**
 * kd_capture_product_get_expiration_minutes:
 * @self: a finished product
 *
 * Returns: the minutes left, below zero once past; meaningful only when
 *   kd_capture_product_has_expiration()
 */
gint64
kd_capture_product_get_expiration_minutes (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), -1);
  return self->expiration_minutes;
}

gint64
kd_capture_product_get_expiration_days (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), -1);
  return self->expiration_days;
}

const char *
kd_capture_product_get_trusted_time (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), NULL);
  return self->trusted_time;
}

const char *
kd_capture_product_get_kms_host (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), NULL);
  return self->kms_host;
}

gint64
kd_capture_product_get_kms_port (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), -1);
  return self->kms_port;
}

const char *
kd_capture_product_get_kms_host_source (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), NULL);
  return self->kms_host_source;
}

/* The first integer in a value: "120 minutes", "43200 minute(s) (30 day(s))". */
/* Whether a minus sign at @p starts a number: "-5 minute(s)", not the
 * dash inside "Volume-licensed". */
static gboolean
starts_negative (const char *text,
                 const char *p)
{
  return p[0] == '-' && g_ascii_isdigit (p[1]) && (p == text || !g_ascii_isalnum (p[-1]));
}

/* The first two integers in @text, with their signs: "43200 minute(s)
 * (30 day(s))", "-5 minute(s) (-1 day(s))".  Returns how many there
 * were, or -1 if one of them is beyond what any field can hold
 * (99999999999999999999999): such a value is not read as the largest
 * number there is, it is not read at all. */
static int
read_integers (const char *text,
               gint64     *first,
               gint64     *second)
{
  int found = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p && found < 2; )
    {
      if (g_ascii_isdigit (*p) || starts_negative (text, p))
        {
          char *end;
          gint64 v;

          errno = 0;
          v = g_ascii_strtoll (p, &end, 10);
          if (errno == ERANGE || v > MAX_FIELD_NUMBER || v < -MAX_FIELD_NUMBER)
            return -1;
          if (found == 0)
            *first = v;
          else if (second != NULL)
            *second = v;
          found++;
          p = end;
        }
      else
        p++;
    }

  return found;
}

/**
 * kd_capture_product_get_int:
 * @self: a product
 * @key: a field key whose value starts with a number
 *
 * Returns: the number, or -1 if the field is absent, has none, or has
 *   one beyond any count (see kd_capture_product_get_out_of_range())
 */
gint64
kd_capture_product_get_int (KdCaptureProduct *self,
                        const char   *key)
{
  gint64 v = -1;

  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), -1);
  if (read_integers (kd_capture_product_get_field (self, key), &v, NULL) <= 0)
    return -1;
  return v;
}

gboolean
kd_capture_product_is_kms_client (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), FALSE);
  return self->role == KD_LICENSE_ROLE_KMS_CLIENT ||
         has_flag (self, KD_KEY ("kms_client_header")) ||
         has_flag (self, KD_KEY ("please_use_ato")) ||
         kd_capture_product_has (self, KD_KEY ("cmid"));
}

gboolean
kd_capture_product_is_kms_host (KdCaptureProduct *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_PRODUCT (self), FALSE);
  return has_flag (self, KD_KEY ("kms_host_enabled_header")) ||
         kd_capture_product_has (self, KD_KEY ("current_count"));
}

/* A channel token from @start to @end: VOLUME_KMSCLIENT, RETAIL,
 * OEM_DM, TIMEBASED_EVAL, MAK(B)... */
static gboolean
is_channel_token (const char *start,
                  const char *end)
{
  static const char *prefixes[] = { "VOLUME", "RETAIL", "OEM", "TIMEBASED", "VIRTUAL_MACHINE", "MAK", "TB",
                                    "SUBSCRIPTION" };
  const char *p = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes) && p == NULL; i++)
    {
      gsize n = strlen (prefixes[i]);

      if ((gsize) (end - start) >= n && memcmp (start, prefixes[i], n) == 0)
        p = start + n;
    }
  if (p == NULL)
    return FALSE;

  while (p < end && (g_ascii_isupper (*p) || g_ascii_isdigit (*p) || *p == '_' || *p == '-'))
    p++;
  /* "MAK(B)" */
  if (p < end && *p == '(')
    {
      const char *letters = ++p;

      while (p < end && g_ascii_isalpha (*p))
        p++;
      if (p == letters || p >= end || *p != ')')
        return FALSE;
      p++;
    }
  return p == end;
}

/* The channel is the last word of the description or the one before it
 * ("…, VOLUME_KMSCLIENT channel"), after a space or a comma. */
static char *
find_channel (const char *description)
{
  const char *words[2][2] = { { NULL, NULL }, { NULL, NULL } };  /* the word before the last, the last */
  const char *end;

  if (description == NULL)
    return NULL;

  end = description + strlen (description);
  for (int w = 1; w >= 0; w--)
    {
      while (end > description && g_ascii_isspace (end[-1]))
        end--;
      if (end == description)
        break;
      words[w][1] = end;
      while (end > description && !g_ascii_isspace (end[-1]))
        end--;
      words[w][0] = end;
    }

  for (int w = 0; w < 2; w++)
    for (const char *start = words[w][0]; start != NULL && start < words[w][1]; start++)
      if ((start == words[w][0] || start[-1] == ',') && is_channel_token (start, words[w][1]))
        return g_strndup (start, words[w][1] - start);
  return NULL;
}

static KdLicenseRole
role_from_channel (const char *channel)
{
  if (channel == NULL)
    return KD_LICENSE_ROLE_UNKNOWN;
  if (g_str_has_prefix (channel, "VOLUME_KMSCLIENT"))
    return KD_LICENSE_ROLE_KMS_CLIENT;
  if (g_str_has_prefix (channel, "VOLUME_KMS"))
    return KD_LICENSE_ROLE_KMS_HOST;
  if (strstr (channel, "MAK") != NULL)
    return KD_LICENSE_ROLE_MAK;
  if (g_str_has_prefix (channel, "VIRTUAL_MACHINE_ACTIVATION"))
    return KD_LICENSE_ROLE_AVMA;
  if (g_str_has_prefix (channel, "TIMEBASED_EVAL") || strstr (channel, "EVAL") != NULL)
    return KD_LICENSE_ROLE_EVALUATION;
  if (g_str_has_prefix (channel, "TIMEBASED_SUB") || g_str_has_prefix (channel, "SUBSCRIPTION"))
    return KD_LICENSE_ROLE_SUBSCRIPTION;
  if (g_str_has_prefix (channel, "RETAIL"))
    return KD_LICENSE_ROLE_RETAIL;
  if (g_str_has_prefix (channel, "OEM"))
    return KD_LICENSE_ROLE_OEM;
  return KD_LICENSE_ROLE_UNKNOWN;
}

static KdLicenseRole
role_from_key_channel (const char *key_channel)
{
  if (key_channel == NULL)
    return KD_LICENSE_ROLE_UNKNOWN;
  if (g_str_has_prefix (key_channel, "Volume:GVLK"))
    return KD_LICENSE_ROLE_KMS_CLIENT;
  if (g_str_has_prefix (key_channel, "Volume:CSVLK"))
    return KD_LICENSE_ROLE_KMS_HOST;
  if (g_str_has_prefix (key_channel, "Volume:MAK"))
    return KD_LICENSE_ROLE_MAK;
  if (strstr (key_channel, "Eval") != NULL)
    return KD_LICENSE_ROLE_EVALUATION;
  if (g_str_has_prefix (key_channel, "Retail"))
    return KD_LICENSE_ROLE_RETAIL;
  if (g_str_has_prefix (key_channel, "OEM"))
    return KD_LICENSE_ROLE_OEM;
  return KD_LICENSE_ROLE_UNKNOWN;
}

/* "kms01.contoso.com:1688", "[fe80::1]:1688", "10.0.0.5" */
static void
split_host_port (const char  *value,
                 char       **out_host,
                 gint64      *out_port)
{
  const char *colon = strrchr (value, ':');

  *out_port = -1;
  if (colon != NULL && colon[1] != '\0' && strspn (colon + 1, "0123456789") == strlen (colon + 1) &&
      (strchr (value, ':') == colon || value[0] == '['))
    {
      *out_host = g_strndup (value, colon - value);
      *out_port = g_ascii_strtoll (colon + 1, NULL, 10);
      if ((*out_host)[0] == '[')
        {
          char *inner = g_strndup (*out_host + 1, strlen (*out_host) - 2);
          g_free (*out_host);
          *out_host = inner;
        }
    }
  else
    *out_host = g_strdup (value);
}

/* Whether @code is an error only a KMS client gets: the catalog says it
 * applies to KMS activation (the client, or the host it asked; Office
 * too), and to no other way of activating. */
static gboolean
is_kms_client_error (const char *code)
{
  const KdAppliesTo others = KD_APPLIES_TO_MAK | KD_APPLIES_TO_RETAIL | KD_APPLIES_TO_OEM | KD_APPLIES_TO_ADBA |
                             KD_APPLIES_TO_AVMA | KD_APPLIES_TO_TOKEN;
  KdErrorCode *entry;
  KdAppliesTo applies;
  guint32 value;

  if (code == NULL || !kd_hresult_parse (code, &value, NULL))
    return FALSE;
  entry = kd_error_catalog_lookup (kd_error_catalog_get_default (), value);
  if (entry == NULL)
    return FALSE;
  applies = kd_error_code_get_applies_to (entry);
  return (applies & KD_APPLIES_TO_KMS_CLIENT) != 0 && (applies & others) == 0;
}

/* The role a product without a channel shows by other means: an
 * evaluation edition by its name ("Windows(R), ServerStandardEval
 * edition", as /xpr prints it), a KMS client by an /ato error that only
 * KMS activation returns (0xC004F074, 0xC004F038…). */
static KdLicenseRole
role_from_name_or_result (KdCaptureProduct *self)
{
  const char *name = kd_capture_product_lookup (self, KD_KEY ("name"));

  if (name != NULL && g_str_has_suffix (name, "Eval edition"))
    return KD_LICENSE_ROLE_EVALUATION;
  if (has_flag (self, KD_KEY ("activation_failure")) &&
      is_kms_client_error (kd_capture_product_lookup (self, KD_KEY ("result_error_code"))))
    return KD_LICENSE_ROLE_KMS_CLIENT;
  return KD_LICENSE_ROLE_UNKNOWN;
}

/**
 * kd_capture_product_finish:
 * @self: a product whose fields are all read
 * @lcid: the LCID group of the document's extended PIDs, or 0
 * @language: the language of the labels, or %NULL
 *
 * Derives the typed values from the fields as printed.
 */
void
kd_capture_product_finish (KdCaptureProduct *self,
                       guint         lcid,
                       const char   *language)
{
  KdLabels *labels = kd_labels_get_default ();
  const char *value;
  const char *expiration_keys[] = { KD_KEY ("volume_activation_expiration"), KD_KEY ("timebased_activation_expiration"),
                                    KD_KEY ("avma_activation_expiration"), KD_KEY ("time_remaining") };

  g_return_if_fail (KD_IS_CAPTURE_PRODUCT (self));

  seal (self);
  g_clear_pointer (&self->channel, g_free);
  self->channel = find_channel (kd_capture_product_get_description (self));

  self->role = role_from_channel (self->channel);
  if (self->role == KD_LICENSE_ROLE_UNKNOWN)
    self->role = role_from_key_channel (kd_capture_product_lookup (self, KD_KEY ("product_key_channel")));
  /* Activated by another route than the channel says. */
  if (has_flag (self, KD_KEY ("ad_client_header")) || kd_capture_product_has (self, KD_KEY ("ad_object_name")))
    self->role = KD_LICENSE_ROLE_ADBA;
  else if (has_flag (self, KD_KEY ("token_header")) || kd_capture_product_has (self, KD_KEY ("token_ilid")))
    self->role = KD_LICENSE_ROLE_TOKEN;
  else if (self->role == KD_LICENSE_ROLE_UNKNOWN && kd_capture_product_is_kms_client (self))
    self->role = KD_LICENSE_ROLE_KMS_CLIENT;
  else if (self->role == KD_LICENSE_ROLE_UNKNOWN && kd_capture_product_is_kms_host (self))
    self->role = KD_LICENSE_ROLE_KMS_HOST;
  /* /xpr and /ato print no channel: what they do print may still prove it. */
  if (self->role == KD_LICENSE_ROLE_UNKNOWN)
    self->role = role_from_name_or_result (self);

  value = kd_capture_product_lookup (self, KD_KEY ("license_status"));
  if (value == NULL)
    value = kd_capture_product_lookup (self, KD_KEY ("ospp_license_status"));
  self->license_status = NULL;
  if (value != NULL)
    {
      self->license_status = kd_labels_lookup_value (labels, "license_status", value);
      if (self->license_status == NULL)
        self->license_status = "unknown";
    }

  g_clear_pointer (&self->notification_reason, g_free);
  value = kd_capture_product_lookup (self, KD_KEY ("notification_reason"));
  if (value != NULL)
    {
      guint32 code;

      if (kd_hresult_find_in_text (value, -1, &code))
        self->notification_reason = kd_hresult_format (code);
      else
        {
          /* VBScript's Hex() drops leading zeros: 0x4004F00C stays short only
           * for small codes; read "0x" and the hex digits that follow. */
          static GRegex *hex;
          g_autoptr(GMatchInfo) info = NULL;

          if (g_once_init_enter_pointer (&hex))
            g_once_init_leave_pointer (&hex, kd_regex_new_shared ("0[xX]([0-9A-Fa-f]{1,8})", 0, 0, NULL));
          if (g_regex_match (hex, value, 0, &info))
            {
              g_autofree char *digits = g_match_info_fetch (info, 1);
              self->notification_reason = kd_hresult_format ((guint32) g_ascii_strtoull (digits, NULL, 16));
            }
        }
    }

  /* A time left below zero is printed as such ("-5 minute(s)"): the
   * activation ran out, or the clock is wrong.  It is kept. */
  self->expiration_minutes = self->expiration_days = -1;
  self->has_expiration = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (expiration_keys) && !self->has_expiration; i++)
    self->has_expiration = read_integers (kd_capture_product_lookup (self, expiration_keys[i]),
                                          &self->expiration_minutes, &self->expiration_days) > 0;
  /* ospp: "REMAINING GRACE: 179 days  (258270 minute(s) before expiring)" */
  if (!self->has_expiration)
    self->has_expiration = read_integers (kd_capture_product_lookup (self, KD_KEY ("ospp_remaining_grace")),
                                          &self->expiration_days, &self->expiration_minutes) > 0;
  if (!self->has_expiration)
    self->expiration_minutes = self->expiration_days = -1;

  /* Numbers no field can hold, for the parser to note.  Only numbers too
   * long for a count are looked at closer: a pass over a big capture's
   * products must stay a pass over their fields. */
  self->n_out_of_range = 0;
  for (guint f = 0; f < self->n_fields; f++)
    {
      const char *v = self->fields[f].value;
      gint64 unused;

      if (v == NULL || strspn (v + (*v == '-'), "0123456789") < 13)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (numeric_keys); i++)
        if (g_str_equal (self->fields[f].key, numeric_keys[i]) &&
            read_integers (v, &unused, &unused) < 0 &&
            self->n_out_of_range < G_N_ELEMENTS (self->out_of_range))
          self->out_of_range[self->n_out_of_range++] = numeric_keys[i];
    }

  g_clear_pointer (&self->trusted_time, g_free);
  value = kd_capture_product_lookup (self, KD_KEY ("trusted_time"));
  if (value != NULL)
    kd_capture_parse_date (value, lcid, language, &self->trusted_time);

  g_clear_pointer (&self->kms_host, g_free);
  self->kms_port = -1;
  self->kms_host_source = NULL;
  if ((value = kd_capture_product_lookup (self, KD_KEY ("registered_kms_machine_name"))) != NULL &&
      kd_labels_lookup_value (labels, "not_available", value) == NULL)
    {
      split_host_port (value, &self->kms_host, &self->kms_port);
      self->kms_host_source = "registered";
    }
  else if ((value = kd_capture_product_lookup (self, KD_KEY ("kms_machine_name_from_dns"))) != NULL &&
           kd_labels_lookup_value (labels, "not_available", value) == NULL)
    {
      split_host_port (value, &self->kms_host, &self->kms_port);
      self->kms_host_source = "dns";
    }
  else if ((value = kd_capture_product_lookup (self, KD_KEY ("kms_host_by_shape"))) != NULL)
    split_host_port (value, &self->kms_host, &self->kms_port);
  else if ((value = kd_capture_product_lookup (self, KD_KEY ("ospp_kms_registry_override"))) != NULL)
    {
      /* ospp /sethst, like slmgr /skms: whatever the name holds */
      split_host_port (value, &self->kms_host, &self->kms_port);
      self->kms_host_source = "registered";
    }
  else if ((value = kd_capture_product_lookup (self, KD_KEY ("ospp_kms_machine_name_from_dns"))) != NULL)
    {
      split_host_port (value, &self->kms_host, &self->kms_port);
      self->kms_host_source = "dns";
    }
  /* slmgr prints the port it will use; 0 is shown as 1688. */
  if (self->kms_port < 0 && kd_capture_product_has (self, KD_KEY ("ospp_kms_port")))
    self->kms_port = kd_capture_product_get_int (self, "ospp_kms_port");
}

/* A number that may be below zero, or null when there is none. */
static void
add_signed (JsonBuilder *builder,
            const char  *member,
            gboolean     present,
            gint64       value)
{
  json_builder_set_member_name (builder, member);
  if (present)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_field (JsonBuilder  *builder,
           KdCaptureProduct *self,
           const char   *member,
           const char   *key)
{
  kd_json_add_string (builder, member, kd_capture_product_get_field (self, key));
}

static void
add_value (JsonBuilder  *builder,
           KdCaptureProduct *self,
           const char   *member,
           const char   *table,
           const char   *key)
{
  const char *value = kd_capture_product_get_field (self, key);

  kd_json_add_string (builder, member, value != NULL ? kd_labels_lookup_value (kd_labels_get_default (), table, value) : NULL);
}

static gboolean
has_any_field (KdCaptureProduct       *self,
               const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (kd_capture_product_has_field (self, keys[i]))
      return TRUE;
  return FALSE;
}

static gboolean
has_kms_client_block (KdCaptureProduct *self)
{
  static const char * const keys[] = {
    "cmid", "registered_kms_machine_name", "kms_machine_name_from_dns", "kms_machine_ip", "kms_extended_pid",
    "activation_interval", "renewal_interval", "dns_auto_discovery", "registered_kms_srv_domain",
    "kms_host_by_shape", "ospp_kms_machine_name_from_dns", "ospp_kms_registry_override", "ospp_kms_host_caching", NULL
  };

  return has_any_field (self, keys) || has_flag (self, KD_KEY ("kms_client_header")) ||
         has_flag (self, KD_KEY ("host_caching_enabled")) || has_flag (self, KD_KEY ("host_caching_disabled"));
}

static void
add_kms_client (KdCaptureProduct *self,
                JsonBuilder  *builder)
{
  const char *ip = kd_capture_product_lookup (self, KD_KEY ("kms_machine_ip"));
  KdLabels *labels = kd_labels_get_default ();
  const char *caching;

  /* An object only when the capture printed the client's KMS block; "Please
   * use slmgr.vbs /ato" alone says there is none yet. */
  json_builder_set_member_name (builder, "kms_client");
  if (!has_kms_client_block (self))
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  add_field (builder, self, "cmid", "cmid");
  kd_json_add_string (builder, "kms_host", self->kms_host);
  kd_json_add_string (builder, "kms_ip", ip != NULL && kd_labels_lookup_value (labels, "not_available", ip) == NULL ? ip : NULL);
  add_field (builder, self, "kms_extended_pid", "kms_extended_pid");
  kd_json_add_count (builder, "kms_port", self->kms_port);
  kd_json_add_string (builder, "kms_host_source", self->kms_host_source);
  kd_json_add_count (builder, "activation_interval_minutes", kd_capture_product_get_int (self, "activation_interval"));
  kd_json_add_count (builder, "renewal_interval_minutes", kd_capture_product_get_int (self, "renewal_interval"));
  json_builder_set_member_name (builder, "host_caching");
  caching = kd_capture_product_lookup (self, KD_KEY ("ospp_kms_host_caching"));
  caching = caching != NULL ? kd_labels_lookup_value (labels, "kms_host_caching", caching) : NULL;
  if (has_flag (self, KD_KEY ("host_caching_enabled")) || g_strcmp0 (caching, "enabled") == 0)
    json_builder_add_boolean_value (builder, TRUE);
  else if (has_flag (self, KD_KEY ("host_caching_disabled")) || g_strcmp0 (caching, "disabled") == 0)
    json_builder_add_boolean_value (builder, FALSE);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
add_kms_host (KdCaptureProduct *self,
              JsonBuilder  *builder)
{
  static const char * const request_keys[] = {
    "requests_total", "requests_failed", "requests_unlicensed", "requests_licensed", "requests_initial_grace",
    "requests_expired_or_oot", "requests_non_genuine_grace", "requests_notification", NULL
  };
  static const char * const request_members[] = {
    "total", "failed", "unlicensed", "licensed", "initial_grace",
    "expired_or_hardware_out_of_tolerance", "non_genuine_grace", "notification", NULL
  };

  json_builder_set_member_name (builder, "kms_host");
  if (!kd_capture_product_is_kms_host (self))
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  kd_json_add_count (builder, "current_count", kd_capture_product_get_int (self, "current_count"));
  kd_json_add_count (builder, "port", kd_capture_product_get_int (self, "listening_port"));
  json_builder_set_member_name (builder, "dns_publishing");
  if (has_flag (self, KD_KEY ("dns_publishing_enabled")))
    json_builder_add_boolean_value (builder, TRUE);
  else if (has_flag (self, KD_KEY ("dns_publishing_disabled")))
    json_builder_add_boolean_value (builder, FALSE);
  else
    json_builder_add_null_value (builder);
  add_value (builder, self, "priority", "kms_priority", "kms_priority");

  json_builder_set_member_name (builder, "requests");
  if (!has_any_field (self, request_keys))
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      for (guint i = 0; request_keys[i] != NULL; i++)
        kd_json_add_count (builder, request_members[i], kd_capture_product_get_int (self, request_keys[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_expiry (KdCaptureProduct *self,
            JsonBuilder  *builder)
{
  static const struct {
    const char *flag;
    const char *state;
  } xpr[] = {
    { "xpr_permanent", "permanent" },
    { "xpr_volume", "volume" },
    { "xpr_avma", "volume" },
    { "xpr_timebased", "timebased" },
    { "xpr_initial_grace", "grace" },
    { "xpr_additional_grace", "grace" },
    { "xpr_non_genuine_grace", "grace" },
    { "xpr_extended_grace", "grace" },
    { "xpr_notification", "notification" },
  };
  const char *state = NULL;
  const char *text = NULL;
  const char *date = kd_capture_product_lookup (self, KD_KEY ("xpr_date"));
  /* ospp: a subscription's "EXPIRATION: 10/11/2013 4:59:59 PM" */
  const char *subscription = kd_capture_product_lookup (self, KD_KEY ("ospp_expiration"));
  g_autofree char *expires = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (xpr) && state == NULL; i++)
    if (kd_capture_product_has_flag (self, xpr[i].flag))
      {
        state = xpr[i].state;
        /* The date itself when the line had one, else the line. */
        text = date != NULL ? date : kd_capture_product_lookup (self, KD_KEY ("xpr_text"));
      }

  if (state == NULL && self->license_status != NULL)
    {
      if (g_str_equal (self->license_status, "licensed"))
        {
          if ((text = kd_capture_product_lookup (self, KD_KEY ("timebased_activation_expiration"))) != NULL)
            state = "timebased";
          else if ((text = subscription) != NULL)
            state = "timebased";
          /* ospp prints a licensed KMS client's time left as its REMAINING GRACE */
          else if ((text = kd_capture_product_lookup (self, KD_KEY ("volume_activation_expiration"))) != NULL ||
                   (text = kd_capture_product_lookup (self, KD_KEY ("avma_activation_expiration"))) != NULL ||
                   (text = kd_capture_product_lookup (self, KD_KEY ("ospp_remaining_grace"))) != NULL)
            state = "volume";
          else
            state = "permanent";
        }
      else if (g_str_has_suffix (self->license_status, "grace"))
        {
          state = "grace";
          text = kd_capture_product_lookup (self, KD_KEY ("time_remaining"));
        }
      else if (g_str_equal (self->license_status, "notification"))
        state = "notification";
    }
  /* whatever the state, a subscription ends on its date */
  if (state != NULL && subscription != NULL)
    text = date = subscription;

  json_builder_set_member_name (builder, "expiry");
  if (state == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  if (date != NULL)
    kd_capture_parse_date (date, 0, NULL, &expires);

  json_builder_begin_object (builder);
  kd_json_add_string (builder, "state", state);
  kd_json_add_string (builder, "expires", expires);
  kd_json_add_string (builder, "expires_text", text);
  json_builder_end_object (builder);
}

static void
add_result (KdCaptureProduct *self,
            JsonBuilder  *builder)
{
  const char *code = kd_capture_product_lookup (self, KD_KEY ("result_error_code"));

  json_builder_set_member_name (builder, "result");
  if (!has_flag (self, KD_KEY ("activation_success")) && !has_flag (self, KD_KEY ("activation_failure")))
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "success");
  json_builder_add_boolean_value (builder, has_flag (self, KD_KEY ("activation_success")) &&
                                  !has_flag (self, KD_KEY ("activation_failure")));
  kd_json_add_string (builder, "error_code", code);
  add_field (builder, self, "error_text", "result_error_text");
  json_builder_end_object (builder);
}

/**
 * kd_capture_product_to_json:
 * @self: a finished product
 * @builder: a builder where a value goes
 *
 * Writes the product object of docs/capture-json.md.
 */
void
kd_capture_product_to_json (KdCaptureProduct *self,
                        JsonBuilder  *builder)
{
  const char *partial;

  g_return_if_fail (KD_IS_CAPTURE_PRODUCT (self));

  json_builder_begin_object (builder);
  kd_json_add_string (builder, "name", kd_capture_product_get_name (self));
  kd_json_add_string (builder, "description", kd_capture_product_get_description (self));
  kd_json_add_string (builder, "channel", self->channel);
  kd_json_add_string (builder, "role", kd_license_role_get_id (self->role));
  /* ospp calls the activation ID "SKU ID" */
  kd_json_add_string (builder, "activation_id", kd_capture_product_has (self, KD_KEY ("activation_id"))
                                          ? kd_capture_product_lookup (self, KD_KEY ("activation_id"))
                                          : kd_capture_product_lookup (self, KD_KEY ("ospp_sku_id")));
  add_field (builder, self, "application_id", "application_id");
  add_field (builder, self, "extended_pid", "extended_pid");
  add_field (builder, self, "product_key_channel", "product_key_channel");
  add_field (builder, self, "installation_id", "installation_id");
  add_field (builder, self, "use_license_url", "use_license_url");
  add_field (builder, self, "validation_url", "validation_url");
  partial = kd_capture_product_lookup (self, KD_KEY ("partial_product_key"));
  kd_json_add_string (builder, "partial_product_key", partial != NULL ? partial : kd_capture_product_lookup (self, KD_KEY ("ospp_last5")));
  kd_json_add_string (builder, "license_status", self->license_status);
  partial = kd_capture_product_lookup (self, KD_KEY ("license_status"));
  kd_json_add_string (builder, "license_status_text", partial != NULL ? partial : kd_capture_product_lookup (self, KD_KEY ("ospp_license_status")));
  kd_json_add_string (builder, "notification_reason", self->notification_reason);
  add_signed (builder, "expiration_minutes", self->has_expiration, self->expiration_minutes);
  add_signed (builder, "expiration_days", self->has_expiration, self->expiration_days);
  kd_json_add_count (builder, "remaining_windows_rearm_count", kd_capture_product_get_int (self, "remaining_windows_rearm_count"));
  kd_json_add_count (builder, "remaining_sku_rearm_count", kd_capture_product_get_int (self, "remaining_sku_rearm_count"));
  kd_json_add_string (builder, "trusted_time", self->trusted_time);
  add_field (builder, self, "trusted_time_text", "trusted_time");
  add_value (builder, self, "configured_activation_type", "configured_activation_type",
             kd_capture_product_has (self, KD_KEY ("configured_activation_type")) ? "configured_activation_type"
                                                                           : "ospp_activation_type_configuration");
  json_builder_set_member_name (builder, "license_in_use");
  json_builder_add_boolean_value (builder, !has_flag (self, KD_KEY ("license_not_in_use")));
  add_kms_client (self, builder);
  add_kms_host (self, builder);
  add_expiry (self, builder);
  add_result (self, builder);
  json_builder_end_object (builder);
}
