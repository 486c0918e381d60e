/* kd-redactor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kd-enum-types.h"
#include "kd-field-info.h"
#include "kd-gvlk.h"
#include "kd-products.h"
#include "kd-redaction.h"
#include "kd-redactor.h"

/* What identifies a machine or a person, masked before a report leaves
 * the building (the sos cleaner's way: every value keeps a readable type
 * and the same mask wherever it appears, in any case).
 *
 * Values come first from the parsers' typed fields (kd_redactor_add(),
 * kd_redactor_add_field()); they are numbered in sorted order, so that a
 * number tells nothing of which came first.  kd_redactor_apply() then
 * replaces every known value in a text, whole words only, and finds by
 * their shape what free text may hold besides: IP addresses (a version
 * such as 10.0.19041.1 is not one), GUIDs that are not a public product's,
 * product keys that are not public setup keys, extended PIDs,
 * installation IDs, e-mail addresses, DOMAIN\user names, and machine
 * names in a known domain.
 *
 * The mapping is kept (kd_redactor_to_json()) in the case file, never in
 * a report, so that the admin can read a support engineer's answer
 * back. */

typedef struct _Mask Mask;

struct _Mask
{
  KdRedactKind kind;
  char *value;              /* lower case */
  char *mask;               /* NULL until numbered */
  Mask *label;              /* a fully qualified name's parts */
  Mask *domain;
  gboolean used;            /* since the counts were reset */
  gboolean shown;           /* met in a text since then */
  gboolean kept;            /* written as it is: the user's choice */
};

struct _KdRedactor
{
  GObject parent_instance;

  GHashTable *masks;        /* lower-case value → Mask */
  GHashTable *keep;         /* lower-case public values */
  GHashTable *kept;         /* lower-case values the user keeps, met or not */
  GPtrArray *pending;       /* Mask, added but not numbered yet */
  guint next[KD_REDACT_N_KINDS];
  guint next_ipv6;          /* next[KD_REDACT_IP_ADDRESS] counts IPv4 */
  guint n_used[KD_REDACT_N_KINDS];
};

G_DEFINE_FINAL_TYPE (KdRedactor, kd_redactor, G_TYPE_OBJECT)

/* Words a machine may be named after that reports use in their own
 * text: a short name among them is masked only in its full form */
static const char * const common_words[] = {
  "kms", "host", "client", "server", "windows", "office", "localhost", "microsoft", "domain", "dns",
  "none", "null", "unknown", "licensed", "unlicensed", "workgroup",
};

/* The application IDs of Windows and Office: public, like the
 * activation IDs of data/activation-ids.json */
static const char * const public_guids[] = {
  "55c92734-d682-4d71-983e-d6ec3f16059f",
  "0ff1ce15-a989-479d-af46-f275c6370663",
  "59a52881-a989-479d-af46-f275c6370663",
};

static void
mask_free (gpointer data)
{
  Mask *mask = data;

  g_free (mask->value);
  g_free (mask->mask);
  g_free (mask);
}

static void
kd_redactor_finalize (GObject *object)
{
  KdRedactor *self = KD_REDACTOR (object);

  g_hash_table_unref (self->masks);
  g_hash_table_unref (self->keep);
  g_hash_table_unref (self->kept);
  g_ptr_array_unref (self->pending);

  G_OBJECT_CLASS (kd_redactor_parent_class)->finalize (object);
}

static void
kd_redactor_class_init (KdRedactorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kd_redactor_finalize;
}

static void
kd_redactor_init (KdRedactor *self)
{
  self->masks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, mask_free);
  self->keep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (public_guids); i++)
    g_hash_table_add (self->keep, g_strdup (public_guids[i]));
}

/* Shapes ----------------------------------------------------------------- */

static gboolean
is_token_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '-' || c == '_' || c == '@';
}

/* 'x' a hex digit, 'a' a letter or digit, '9' a digit, anything else
 * itself */
static gboolean
starts_with_shape (const char *text,
                   const char *shape)
{
  for (; *shape != '\0'; shape++, text++)
    {
      gboolean ok;

      switch (*shape)
        {
        case 'x':
          ok = g_ascii_isxdigit (*text);
          break;
        case 'a':
          ok = g_ascii_isalnum (*text);
          break;
        case '9':
          ok = g_ascii_isdigit (*text);
          break;
        default:
          ok = *text == *shape;
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_shape (const char *text,
           const char *shape)
{
  return starts_with_shape (text, shape) && text[strlen (shape)] == '\0';
}

static gboolean
is_guid (const char *text)
{
  return has_shape (text, "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
}

static gboolean
is_product_key (const char *text)
{
  return has_shape (text, "aaaaa-aaaaa-aaaaa-aaaaa-aaaaa");
}

static gboolean
is_public_key (const char *partial)
{
  return kd_gvlk_lookup (partial) != NULL;
}

/* 06401-00206-491-338116-03-1033-9200.0000-3452017 */
static gboolean
is_extended_pid (const char *text)
{
  return strlen (text) > 22 && starts_with_shape (text, "99999-99999-999-999999-");
}

static gboolean
is_installation_id (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      digits++;
    else if (*p != '-')
      return FALSE;
  return digits >= 45;
}

static gboolean
is_ipv4 (const char *text)
{
  return strchr (text, ':') == NULL && g_hostname_is_ip_address (text);
}

/* Addresses that name no machine in particular */
static gboolean
is_anonymous_ip (const char *text)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (text);

  return address == NULL || g_inet_address_get_is_loopback (address) || g_inet_address_get_is_any (address)
         || g_str_equal (text, "255.255.255.255");
}

static const char *
top_level_domain (const char *domain)
{
  const char *dot = strrchr (domain, '.');
  const char *tld = dot != NULL ? dot + 1 : domain;

  if (strlen (tld) < 2)
    return "example";
  for (const char *p = tld; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return "example";
  return tld;
}

static gboolean
is_common_word (const char *label)
{
  if (strlen (label) < 3)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (common_words); i++)
    if (g_str_equal (label, common_words[i]))
      return TRUE;
  return FALSE;
}

/* Numbering ---------------------------------------------------------------- */

static Mask *
lookup (KdRedactor *self,
        const char *lower)
{
  return g_hash_table_lookup (self->masks, lower);
}

static Mask *
add_one (KdRedactor   *self,
         KdRedactKind  kind,
         const char   *lower)
{
  Mask *mask;

  if (*lower == '\0' || g_hash_table_contains (self->keep, lower))
    return NULL;
  if ((mask = lookup (self, lower)) != NULL)
    return mask;
  mask = g_new0 (Mask, 1);
  mask->kind = kind;
  mask->value = g_strdup (lower);
  mask->kept = g_hash_table_contains (self->kept, lower);
  g_hash_table_insert (self->masks, mask->value, mask);
  g_ptr_array_add (self->pending, mask);
  return mask;
}

/* The order masks are numbered in: domains and short names before the
 * full names made of them, a key's last five before the key */
static int
numbering_rank (const Mask *mask)
{
  static const int by_kind[KD_REDACT_N_KINDS] = {
    [KD_REDACT_DOMAIN] = 0, [KD_REDACT_HOST] = 1, [KD_REDACT_CMID] = 3, [KD_REDACT_IP_ADDRESS] = 4,
    [KD_REDACT_INSTALLATION_ID] = 5, [KD_REDACT_EXTENDED_PID] = 6, [KD_REDACT_PRODUCT_KEY] = 7,
    [KD_REDACT_USER] = 9, [KD_REDACT_EMAIL] = 10,
  };
  int rank = by_kind[mask->kind] * 2;

  if ((mask->kind == KD_REDACT_HOST && strchr (mask->value, '.') != NULL)
      || (mask->kind == KD_REDACT_PRODUCT_KEY && strlen (mask->value) > 5)
      || (mask->kind == KD_REDACT_IP_ADDRESS && strchr (mask->value, ':') != NULL))
    rank++;
  return rank;
}

static guint32
ipv4_number (const char *text)
{
  guint a = 0, b = 0, c = 0, d = 0;

  if (sscanf (text, "%u.%u.%u.%u", &a, &b, &c, &d) != 4)
    return 0;
  return (a << 24) | (b << 16) | (c << 8) | d;
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Mask *x = *(const Mask **) a;
  const Mask *y = *(const Mask **) b;
  int rank = numbering_rank (x) - numbering_rank (y);

  if (rank != 0)
    return rank;
  if (x->kind == KD_REDACT_IP_ADDRESS && is_ipv4 (x->value) && is_ipv4 (y->value))
    {
      guint32 i = ipv4_number (x->value), j = ipv4_number (y->value);

      return i < j ? -1 : i > j;
    }
  return strcmp (x->value, y->value);
}

/* Addresses from the documentation ranges (RFC 5737), then the
 * benchmarking range (RFC 2544) once those are full; in the order of the
 * addresses, so that neighbours stay neighbours */
static char *
fake_ipv4 (guint n)
{
  static const char * const ranges[] = { "192.0.2", "198.51.100", "203.0.113" };
  guint m;

  if (n <= 254 * G_N_ELEMENTS (ranges))
    return g_strdup_printf ("%s.%u", ranges[(n - 1) / 254], (n - 1) % 254 + 1);
  m = n - 254 * G_N_ELEMENTS (ranges) - 1;
  return g_strdup_printf ("198.%u.%u.%u", 18 + (m / 254) / 256 % 2, (m / 254) % 256, m % 254 + 1);
}

static char *
make_mask (KdRedactor *self,
           Mask       *mask)
{
  guint n;

  if (mask->kind == KD_REDACT_HOST && strchr (mask->value, '.') != NULL)
    {
      const char *dot = strchr (mask->value, '.');
      g_autofree char *label = g_strndup (mask->value, dot - mask->value);
      g_autofree char *own_label = NULL;

      mask->label = lookup (self, label);
      mask->domain = lookup (self, dot + 1);
      if (mask->label == NULL)
        own_label = g_strdup_printf ("host-%u", ++self->next[KD_REDACT_HOST]);
      return g_strdup_printf ("%s.%s", mask->label != NULL ? mask->label->mask : own_label,
                              mask->domain != NULL ? mask->domain->mask : "example");
    }
  if (mask->kind == KD_REDACT_PRODUCT_KEY && strlen (mask->value) > 5)
    {
      Mask *partial = lookup (self, mask->value + strlen (mask->value) - 5);

      return g_strdup_printf ("XXXXX-XXXXX-XXXXX-XXXXX-%s", partial != NULL ? partial->mask : "XXXXX");
    }

  if (mask->kind == KD_REDACT_IP_ADDRESS && !is_ipv4 (mask->value))
    return g_strdup_printf ("2001:db8::%x", ++self->next_ipv6);
  n = ++self->next[mask->kind];
  switch (mask->kind)
    {
    case KD_REDACT_CMID:
      return g_strdup_printf ("cmid-%u", n);
    case KD_REDACT_HOST:
      return g_strdup_printf ("host-%u", n);
    case KD_REDACT_DOMAIN:
      return g_strdup_printf ("domain-%u.%s", n, top_level_domain (mask->value));
    case KD_REDACT_IP_ADDRESS:
      return fake_ipv4 (n);
    case KD_REDACT_INSTALLATION_ID:
      return g_strdup_printf ("installation-id-%u", n);
    case KD_REDACT_EXTENDED_PID:
      /* the platform and the product group stay, they are public; the
       * serial the key was made with goes */
      return g_strdup_printf ("%.12s000-%06u%s", mask->value, n, mask->value + 22);
    case KD_REDACT_PRODUCT_KEY:
      return n < 100 ? g_strdup_printf ("KEY%02u", n) : g_strdup_printf ("K%04u", n);
    case KD_REDACT_USER:
      return g_strdup_printf ("user-%u", n);
    case KD_REDACT_EMAIL:
      return g_strdup_printf ("user-%u@example.com", n);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
number_pending (KdRedactor *self)
{
  if (self->pending->len == 0)
    return;
  g_ptr_array_sort (self->pending, compare_pending);
  for (guint i = 0; i < self->pending->len; i++)
    {
      Mask *mask = g_ptr_array_index (self->pending, i);

      mask->mask = make_mask (self, mask);
    }
  g_ptr_array_set_size (self->pending, 0);
}

static void
count (KdRedactor *self,
       Mask       *mask)
{
  if (!mask->used)
    {
      mask->used = TRUE;
      self->n_used[mask->kind]++;
    }
}

/* A fully qualified name counts as its machine and its domain */
static void
mark_used (KdRedactor *self,
           Mask       *mask)
{
  if (mask->domain != NULL)
    count (self, mask->domain);
  count (self, mask->label != NULL ? mask->label : mask);
}

/* A value's mask, or the value as written when the user keeps it */
static void
emit (KdRedactor *self,
      GString    *out,
      Mask       *mask,
      const char *written,
      gsize       length)
{
  if (mask != NULL)
    mask->shown = TRUE;
  if (mask == NULL || mask->kept || mask->mask == NULL)
    {
      g_string_append_len (out, written, length);
      return;
    }
  mark_used (self, mask);
  g_string_append (out, mask->mask);
}

/* Adding values ------------------------------------------------------------ */

/* Without a port, a trailing dot, or the brackets around an IPv6 address */
static char *
bare_host (const char *value)
{
  g_autofree char *lower = g_ascii_strdown (value, -1);
  char *colon;

  g_strstrip (lower);
  if (lower[0] == '[' && (colon = strstr (lower, "]")) != NULL)
    return g_strndup (lower + 1, colon - lower - 1);
  colon = strrchr (lower, ':');
  if (colon != NULL && strchr (lower, ':') == colon && colon[1] != '\0'
      && strspn (colon + 1, "0123456789") == strlen (colon + 1))
    *colon = '\0';
  while (*lower != '\0' && lower[strlen (lower) - 1] == '.')
    lower[strlen (lower) - 1] = '\0';
  return g_steal_pointer (&lower);
}

static void
add_host (KdRedactor *self,
          const char *value)
{
  g_autofree char *host = bare_host (value);
  const char *dot;

  if (g_hostname_is_ip_address (host))
    {
      if (!is_anonymous_ip (host))
        add_one (self, KD_REDACT_IP_ADDRESS, host);
      return;
    }
  /* what a name may hold: letters, digits, hyphens, dots */
  for (const char *p = host; *p != '\0'; p++)
    if (!is_token_char (*p) || *p == '@')
      return;
  dot = strchr (host, '.');
  if (dot == NULL)
    {
      if (!is_common_word (host))
        add_one (self, KD_REDACT_HOST, host);
      return;
    }
  {
    g_autofree char *label = g_strndup (host, dot - host);

    if (!is_common_word (label))
      add_one (self, KD_REDACT_HOST, label);
    add_one (self, KD_REDACT_DOMAIN, dot + 1);
    add_one (self, KD_REDACT_HOST, host);
  }
}

/**
 * kd_redactor_add:
 * @kind: what @value is
 * @value: a value to mask, in any case
 *
 * Masks @value from now on, and the parts it is made of (a fully
 * qualified name's machine and domain, a product key's last five).  A
 * public value (a setup key, a loopback address) is left as it is.
 */
void
kd_redactor_add (KdRedactor   *self,
                 KdRedactKind  kind,
                 const char   *value)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (KD_IS_REDACTOR (self));

  if (value == NULL)
    return;
  if (kind == KD_REDACT_HOST)
    {
      add_host (self, value);
      return;
    }
  lower = g_strstrip (g_ascii_strdown (value, -1));
  switch (kind)
    {
    case KD_REDACT_DOMAIN:
      while (*lower != '\0' && lower[strlen (lower) - 1] == '.')
        lower[strlen (lower) - 1] = '\0';
      add_one (self, kind, lower);
      break;
    case KD_REDACT_IP_ADDRESS:
      if (g_hostname_is_ip_address (lower) && !is_anonymous_ip (lower))
        add_one (self, kind, lower);
      break;
    case KD_REDACT_PRODUCT_KEY:
      {
        const char *partial = strlen (lower) >= 5 ? lower + strlen (lower) - 5 : lower;

        if (is_public_key (partial))
          break;
        add_one (self, kind, partial);
        if (is_product_key (lower))
          add_one (self, kind, lower);
      }
      break;
    case KD_REDACT_EXTENDED_PID:
      if (is_extended_pid (lower))
        add_one (self, kind, lower);
      break;
    case KD_REDACT_CMID:
      /* a GUID; the empty one names nothing */
      if (is_guid (lower) && strspn (lower, "0-") != strlen (lower))
        add_one (self, kind, lower);
      break;
    case KD_REDACT_INSTALLATION_ID:
      if (is_installation_id (lower))
        add_one (self, kind, lower);
      break;
    case KD_REDACT_USER:
    case KD_REDACT_EMAIL:
      if (strlen (lower) >= 2)
        add_one (self, kind, lower);
      break;
    case KD_REDACT_HOST:
    default:
      g_return_if_reached ();
    }
}

/**
 * kd_redactor_add_field:
 * @key: a capture field's key (#KdFieldInfo)
 * @value: its value
 *
 * Masks @value if the field is one that identifies a machine, keeps it
 * as public if it names a product.
 *
 * Returns: whether @key is a field the redactor knows how to treat: a
 *   sensitive field it does not know is a bug
 */
gboolean
kd_redactor_add_field (KdRedactor *self,
                       const char *key,
                       const char *value)
{
  static const struct
  {
    const char *key;
    KdRedactKind kind;
  } kinds[] = {
    { "cmid", KD_REDACT_CMID },
    { "registered_kms_machine_name", KD_REDACT_HOST },
    { "kms_machine_name_from_dns", KD_REDACT_HOST },
    { "kms_machine_ip", KD_REDACT_IP_ADDRESS },
    { "kms_extended_pid", KD_REDACT_EXTENDED_PID },
    { "extended_pid", KD_REDACT_EXTENDED_PID },
    { "installation_id", KD_REDACT_INSTALLATION_ID },
    { "partial_product_key", KD_REDACT_PRODUCT_KEY },
  };
  const KdFieldInfo *info;

  g_return_val_if_fail (KD_IS_REDACTOR (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  info = kd_field_info_lookup (key);
  if (info == NULL || !kd_field_info_is_sensitive (info))
    {
      if (value != NULL && (g_str_equal (key, "activation_id") || g_str_equal (key, "application_id")))
        kd_redactor_keep (self, value);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].key, key))
      {
        kd_redactor_add (self, kinds[i].kind, value);
        return TRUE;
      }
  return FALSE;
}

/**
 * kd_redactor_keep:
 * @value: a public value, such as a product's activation ID
 *
 * Never masks @value, whatever its shape.
 */
void
kd_redactor_keep (KdRedactor *self,
                  const char *value)
{
  g_return_if_fail (KD_IS_REDACTOR (self));

  if (value != NULL && *value != '\0')
    g_hash_table_add (self->keep, g_strstrip (g_ascii_strdown (value, -1)));
}

/* Applying ----------------------------------------------------------------- */

/* A word of free text that no typed field gave: masked by its shape */
static Mask *
add_by_shape (KdRedactor *self,
              const char *lower)
{
  const char *at;

  if (g_hash_table_contains (self->keep, lower))
    return NULL;
  if (is_ipv4 (lower))
    return is_anonymous_ip (lower) ? NULL : add_one (self, KD_REDACT_IP_ADDRESS, lower);
  if (is_guid (lower))
    return kd_product_edition (lower, NULL) != NULL ? NULL : add_one (self, KD_REDACT_CMID, lower);
  if (is_product_key (lower))
    {
      kd_redactor_add (self, KD_REDACT_PRODUCT_KEY, lower);
      return lookup (self, lower);
    }
  if (is_extended_pid (lower))
    return add_one (self, KD_REDACT_EXTENDED_PID, lower);
  if (is_installation_id (lower))
    return add_one (self, KD_REDACT_INSTALLATION_ID, lower);
  if ((at = strchr (lower, '@')) != NULL && at > lower && strchr (at, '.') != NULL)
    return add_one (self, KD_REDACT_EMAIL, lower);
  /* a machine in a known domain */
  for (const char *dot = strchr (lower, '.'); dot != NULL; dot = strchr (dot + 1, '.'))
    {
      Mask *domain = lookup (self, dot + 1);

      if (domain != NULL && domain->kind == KD_REDACT_DOMAIN)
        {
          add_host (self, lower);
          return lookup (self, lower);
        }
    }
  return NULL;
}

static Mask *
match (KdRedactor *self,
       const char *lower)
{
  Mask *mask = lookup (self, lower);

  if (mask == NULL && (mask = add_by_shape (self, lower)) != NULL)
    number_pending (self);
  return mask;
}

/* A word the redactor knows, or that holds one: `pc01.txt`,
 * `pc01-dlv.txt` */
static void
append_word (KdRedactor *self,
             GString    *out,
             const char *word,
             gsize       length)
{
  g_autofree char *lower = g_ascii_strdown (word, length);
  const char *dot;
  Mask *mask;

  if ((mask = match (self, lower)) != NULL)
    {
      emit (self, out, mask, word, length);
      return;
    }
  /* a known machine's name with a file's extension, or a domain that is
   * not known */
  if ((dot = strchr (lower, '.')) != NULL && dot > lower)
    {
      g_autofree char *label = g_strndup (lower, dot - lower);

      if ((mask = lookup (self, label)) != NULL && mask->kind == KD_REDACT_HOST)
        {
          emit (self, out, mask, word, dot - lower);
          g_string_append_len (out, word + (dot - lower), length - (dot - lower));
          return;
        }
    }
  /* pieces joined by hyphens or underscores */
  if (strpbrk (lower, "-_") != NULL)
    {
      gsize start = 0;

      for (gsize i = 0; i <= length; i++)
        {
          g_autofree char *piece = NULL;

          if (i < length && lower[i] != '-' && lower[i] != '_')
            continue;
          piece = g_strndup (lower + start, i - start);
          mask = *piece != '\0' ? lookup (self, piece) : NULL;
          if (mask != NULL && mask->kind != KD_REDACT_HOST && mask->kind != KD_REDACT_CMID)
            mask = NULL;
          emit (self, out, mask, word + start, i - start);
          if (i < length)
            g_string_append_c (out, word[i]);
          start = i + 1;
        }
      return;
    }
  g_string_append_len (out, word, length);
}

/**
 * kd_redactor_apply:
 * @text: (nullable): any text
 *
 * Returns: (transfer full) (nullable): @text with every value the
 *   redactor knows, or finds by its shape, replaced by its mask
 */
char *
kd_redactor_apply (KdRedactor *self,
                   const char *text)
{
  GString *out;
  gsize n;

  g_return_val_if_fail (KD_IS_REDACTOR (self), NULL);

  if (text == NULL)
    return NULL;
  number_pending (self);
  n = strlen (text);
  out = g_string_sized_new (n + 16);
  for (gsize i = 0; i < n;)
    {
      char previous = i > 0 ? text[i - 1] : '\0';
      gsize j;

      /* an IPv6 address: hex digits and colons */
      if ((g_ascii_isxdigit (text[i]) || text[i] == ':') && !is_token_char (previous) && previous != ':')
        {
          g_autofree char *run = NULL;
          guint colons = 0;

          for (j = i; j < n && (g_ascii_isxdigit (text[j]) || text[j] == ':' || text[j] == '.'); j++)
            colons += text[j] == ':';
          while (j > i && text[j - 1] == '.')
            j--;
          if (colons >= 2 && (j == n || !is_token_char (text[j]))
              && g_hostname_is_ip_address (run = g_ascii_strdown (text + i, j - i)))
            {
              Mask *mask = is_anonymous_ip (run) ? NULL : add_one (self, KD_REDACT_IP_ADDRESS, run);

              number_pending (self);
              emit (self, out, mask, text + i, j - i);
              i = j;
              continue;
            }
        }

      if (!is_token_char (text[i]) || is_token_char (previous))
        {
          g_string_append_c (out, text[i++]);
          continue;
        }

      /* a word; the dots at its end end a sentence */
      for (j = i; j < n && is_token_char (text[j]); j++)
        ;
      while (j > i && text[j - 1] == '.')
        j--;
      if (j == i)
        {
          g_string_append_c (out, text[i++]);
          continue;
        }
      append_word (self, out, text + i, j - i);

      /* DOMAIN\user, but not a path's C:\Windows\System32 */
      if (j + 1 < n && text[j] == '\\' && is_token_char (text[j + 1]) && memchr (text + i, '.', j - i) == NULL
          && previous != '\\' && previous != ':' && previous != '/' && previous != '%')
        {
          gsize k;

          for (k = j + 1; k < n && is_token_char (text[k]); k++)
            ;
          while (k > j + 1 && text[k - 1] == '.')
            k--;
          if (k > j + 1 && (k == n || text[k] != '\\'))
            {
              g_autofree char *user = g_ascii_strdown (text + j + 1, k - j - 1);
              Mask *mask = add_one (self, KD_REDACT_USER, user);

              number_pending (self);
              g_string_append_c (out, '\\');
              emit (self, out, mask, text + j + 1, k - j - 1);
              j = k;
            }
        }
      i = j;
    }
  return g_string_free (out, FALSE);
}

/**
 * kd_redactor_get_n_masked:
 * @kind: a kind of value
 *
 * Returns: how many different values of @kind kd_redactor_apply() has
 *   masked since the counts were reset
 */
guint
kd_redactor_get_n_masked (KdRedactor   *self,
                          KdRedactKind  kind)
{
  g_return_val_if_fail (KD_IS_REDACTOR (self), 0);
  g_return_val_if_fail (kind < KD_REDACT_N_KINDS, 0);

  return self->n_used[kind];
}

/**
 * kd_redactor_reset_counts:
 *
 * Starts counting again, for a new report; the masks stay.
 */
void
kd_redactor_reset_counts (KdRedactor *self)
{
  GHashTableIter iter;
  Mask *mask;

  g_return_if_fail (KD_IS_REDACTOR (self));

  g_hash_table_iter_init (&iter, self->masks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &mask))
    mask->used = mask->shown = FALSE;
  memset (self->n_used, 0, sizeof self->n_used);
}

/**
 * kd_redactor_lookup:
 * @value: a value
 *
 * Returns: (nullable): the mask @value gets, in any case, or %NULL if it
 *   is not one the redactor knows
 */
const char *
kd_redactor_lookup (KdRedactor *self,
                    const char *value)
{
  g_autofree char *lower = NULL;
  Mask *mask;

  g_return_val_if_fail (KD_IS_REDACTOR (self), NULL);
  g_return_val_if_fail (value != NULL, NULL);

  number_pending (self);
  lower = g_ascii_strdown (value, -1);
  mask = lookup (self, lower);
  return mask != NULL ? mask->mask : NULL;
}

/* The preview ------------------------------------------------------------- */

static int
compare_shown (gconstpointer a,
               gconstpointer b)
{
  const Mask *x = *(const Mask **) a;
  const Mask *y = *(const Mask **) b;

  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  return strcmp (x->value, y->value);
}

/**
 * kd_redactor_dup_shown:
 *
 * Returns: (transfer full): a #KdRedaction for each value the texts
 *   kd_redactor_apply() was given since the counts were reset held, masked
 *   or kept, by kind and value: what the redaction preview lists
 */
GListModel *
kd_redactor_dup_shown (KdRedactor *self)
{
  GListStore *store = g_list_store_new (KD_TYPE_REDACTION);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  Mask *mask;

  g_return_val_if_fail (KD_IS_REDACTOR (self), NULL);

  g_hash_table_iter_init (&iter, self->masks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &mask))
    if (mask->shown && mask->mask != NULL)
      g_ptr_array_add (shown, mask);
  g_ptr_array_sort (shown, compare_shown);
  for (guint i = 0; i < shown->len; i++)
    {
      mask = g_ptr_array_index (shown, i);
      g_ptr_array_add (items, kd_redaction_new (mask->kind, mask->value, mask->mask, !mask->kept));
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

/**
 * kd_redactor_set_kept:
 * @value: a value the redactor masks
 * @kept: %TRUE to write it as it is from now on, %FALSE to mask it
 *
 * The user's choice in the redaction preview; kept in the case's mapping.
 */
void
kd_redactor_set_kept (KdRedactor *self,
                      const char *value,
                      gboolean    kept)
{
  g_autofree char *lower = NULL;
  Mask *mask;

  g_return_if_fail (KD_IS_REDACTOR (self));
  g_return_if_fail (value != NULL);

  lower = g_ascii_strdown (value, -1);
  if ((mask = lookup (self, lower)) != NULL)
    mask->kept = !!kept;
  /* for a value met later, in this redactor's next report */
  if (kept)
    g_hash_table_add (self->kept, g_steal_pointer (&lower));
  else
    g_hash_table_remove (self->kept, lower);
}

/**
 * kd_redactor_find_masks:
 * @text: a text kd_redactor_apply() wrote
 *
 * Returns: (transfer full) (element-type guint): the byte offsets where
 *   each mask in @text starts and ends, in pairs: what the redaction
 *   preview highlights
 */
GArray *
kd_redactor_find_masks (KdRedactor *self,
                        const char *text)
{
  g_autoptr(GHashTable) masks = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  Mask *mask;
  gsize n;

  g_return_val_if_fail (KD_IS_REDACTOR (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  g_hash_table_iter_init (&iter, self->masks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &mask))
    if (mask->mask != NULL && !mask->kept)
      g_hash_table_add (masks, mask->mask);
  n = strlen (text);
  for (gsize i = 0; i < n;)
    {
      gsize j, end = 0;

      if ((i > 0 && (is_token_char (text[i - 1]) || text[i - 1] == ':')) || (!is_token_char (text[i]) && text[i] != ':'))
        {
          i++;
          continue;
        }
      /* an IPv6 mask, hex digits and colons */
      for (j = i; j < n && (g_ascii_isxdigit (text[j]) || text[j] == ':'); j++)
        ;
      if (j > i && memchr (text + i, ':', j - i) != NULL)
        {
          g_autofree char *run = g_strndup (text + i, j - i);

          if (g_hash_table_contains (masks, run))
            end = j;
        }
      /* a word, whole, or up to its first dot (host-1.txt), or one of
       * its pieces between hyphens */
      if (end == 0)
        {
          for (j = i; j < n && is_token_char (text[j]); j++)
            ;
          while (j > i && text[j - 1] == '.')
            j--;
          for (gsize k = j; k > i && end == 0; k--)
            if (k == j || text[k] == '.' || text[k] == '-' || text[k] == '_')
              {
                g_autofree char *word = g_strndup (text + i, k - i);

                if (g_hash_table_contains (masks, word))
                  end = k;
              }
        }
      if (end > 0)
        {
          guint span[2] = { i, end };

          g_array_append_vals (spans, span, 2);
          i = end;
        }
      else
        i = MAX (j, i + 1);
    }
  return spans;
}

/* The case file's copy ---------------------------------------------------- */

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const Mask *) a)->value, ((const Mask *) b)->value);
}

/**
 * kd_redactor_to_json:
 * @builder: a builder, where a value is expected
 *
 * Writes the mapping (docs/case-json.md): what the case file keeps so
 * that the same values get the same masks next time.
 */
void
kd_redactor_to_json (KdRedactor  *self,
                     JsonBuilder *builder)
{
  g_autoptr(GList) masks = NULL;

  g_return_if_fail (KD_IS_REDACTOR (self));

  number_pending (self);
  masks = g_list_sort (g_hash_table_get_values (self->masks), compare_values);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "next");
  json_builder_begin_object (builder);
  for (KdRedactKind kind = 0; kind < KD_REDACT_N_KINDS; kind++)
    {
      json_builder_set_member_name (builder, kd_enum_get_nick (KD_TYPE_REDACT_KIND, kind));
      json_builder_add_int_value (builder, self->next[kind]);
    }
  json_builder_set_member_name (builder, "ipv6");
  json_builder_add_int_value (builder, self->next_ipv6);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "masks");
  json_builder_begin_array (builder);
  for (GList *l = masks; l != NULL; l = l->next)
    {
      Mask *mask = l->data;

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, kd_enum_get_nick (KD_TYPE_REDACT_KIND, mask->kind));
      json_builder_add_string_value (builder, mask->value);
      json_builder_add_string_value (builder, mask->mask);
      if (mask->kept)
        json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * kd_redactor_new_from_json:
 * @node: what kd_redactor_to_json() wrote
 * @error: where to say what is wrong with it
 *
 * Returns: (transfer full) (nullable): the redactor, or %NULL with
 *   @error set
 */
KdRedactor *
kd_redactor_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(KdRedactor) self = kd_redactor_new ();
  JsonObject *object, *next;
  JsonArray *masks;
  GHashTableIter iter;
  Mask *mask;

  if (!JSON_NODE_HOLDS_OBJECT (node) || (object = json_node_get_object (node)) == NULL
      || !json_object_has_member (object, "masks") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "masks"))
      || !json_object_has_member (object, "next") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "next")))
    goto bad;
  next = json_object_get_object_member (object, "next");
  for (guint kind = 0; kind <= KD_REDACT_N_KINDS; kind++)
    {
      /* one past the kinds: the IPv6 addresses' */
      const char *nick = kind < KD_REDACT_N_KINDS ? kd_enum_get_nick (KD_TYPE_REDACT_KIND, kind) : "ipv6";
      JsonNode *value = json_object_get_member (next, nick);

      if (value != NULL && (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64
                            || json_node_get_int (value) < 0 || json_node_get_int (value) > G_MAXUINT / 2))
        goto bad;
      *(kind < KD_REDACT_N_KINDS ? &self->next[kind] : &self->next_ipv6) = value != NULL ? (guint) json_node_get_int (value) : 0;
    }
  masks = json_object_get_array_member (object, "masks");
  for (guint i = 0; i < json_array_get_length (masks); i++)
    {
      JsonNode *element = json_array_get_element (masks, i);
      JsonArray *row;
      const char *fields[3];
      g_autofree char *lower = NULL;
      int kind;

      if (!JSON_NODE_HOLDS_ARRAY (element) || json_array_get_length (row = json_node_get_array (element)) < 3
          || json_array_get_length (row) > 4)
        goto bad;
      if (json_array_get_length (row) == 4)
        {
          JsonNode *kept = json_array_get_element (row, 3);

          if (!JSON_NODE_HOLDS_VALUE (kept) || json_node_get_value_type (kept) != G_TYPE_BOOLEAN)
            goto bad;
        }
      for (guint f = 0; f < 3; f++)
        {
          JsonNode *field = json_array_get_element (row, f);

          if (!JSON_NODE_HOLDS_VALUE (field) || json_node_get_value_type (field) != G_TYPE_STRING
              || *(fields[f] = json_node_get_string (field)) == '\0')
            goto bad;
        }
      kind = kd_enum_from_nick (KD_TYPE_REDACT_KIND, fields[0], -1);
      lower = g_ascii_strdown (fields[1], -1);
      if (kind < 0 || lookup (self, lower) != NULL)
        goto bad;
      mask = g_new0 (Mask, 1);
      mask->kind = kind;
      mask->value = g_steal_pointer (&lower);
      mask->mask = g_strdup (fields[2]);
      mask->kept = json_array_get_length (row) == 4 && json_array_get_boolean_element (row, 3);
      g_hash_table_insert (self->masks, mask->value, mask);
    }
  /* a full name's parts, for the counts */
  g_hash_table_iter_init (&iter, self->masks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &mask))
    if (mask->kind == KD_REDACT_HOST && strchr (mask->value, '.') != NULL)
      {
        const char *dot = strchr (mask->value, '.');
        g_autofree char *label = g_strndup (mask->value, dot - mask->value);

        mask->label = lookup (self, label);
        mask->domain = lookup (self, dot + 1);
      }
  return g_steal_pointer (&self);

bad:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The redaction mapping is damaged"));
  return NULL;
}

KdRedactor *
kd_redactor_new (void)
{
  return g_object_new (KD_TYPE_REDACTOR, NULL);
}
