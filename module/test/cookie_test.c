// SPDX-License-Identifier: GPL-2.0
/* KUnit: HMAC-SHA256 (RFC 4231) and the State Cookie (RFC 9260 5.1.3). */

#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../addr.h"
#include "../cookie.h"

struct hmac_vector {
	const char *name;
	u8 key[131];
	unsigned int key_len;
	u8 data[153];
	unsigned int data_len;
	const char *mac;	/* hex */
};

/* RFC 4231 4.2 to 4.8, for HMAC-SHA-256 (4.6 is truncated: left out) */
static const struct hmac_vector rfc4231_vectors[] = {
	{ "test case 1", { [0 ... 19] = 0x0b }, 20, "Hi There", 8,
	  "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
	{ "test case 2", "Jefe", 4, "what do ya want for nothing?", 28,
	  "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
	{ "test case 3", { [0 ... 19] = 0xaa }, 20, { [0 ... 49] = 0xdd }, 50,
	  "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
	{ "test case 4",
	  { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a,
	    0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14,
	    0x15, 0x16, 0x17, 0x18, 0x19 }, 25, { [0 ... 49] = 0xcd }, 50,
	  "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
	{ "test case 6", { [0 ... 130] = 0xaa }, 131,
	  "Test Using Larger Than Block-Size Key - Hash Key First", 54,
	  "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
	{ "test case 7", { [0 ... 130] = 0xaa }, 131,
	  "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
	  152,
	  "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2" },
};

static void hmac_vector_desc(const struct hmac_vector *v, char *desc)
{
	strscpy(desc, v->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rfc4231, rfc4231_vectors, hmac_vector_desc);

static void cookie_hmac_rfc4231_test(struct kunit *test)
{
	const struct hmac_vector *v = test->param_value;
	char hex[2 * ASCTP_MAC_LEN + 1];
	struct asctp_secret key;
	u8 mac[ASCTP_MAC_LEN];

	asctp_secret_set(&key, v->key, v->key_len, 7);
	KUNIT_EXPECT_EQ(test, key.gen, 7U);
	asctp_hmac(&key, v->data, v->data_len, mac);
	*bin2hex(hex, mac, sizeof(mac)) = '\0';
	KUNIT_EXPECT_STREQ(test, hex, v->mac);
}

/* A clock far from zero, so that "before" and "after" are both valid. */
#define T0	1000000ULL

static struct asctp_secrets *secrets_new(struct kunit *test, u64 now_ms)
{
	struct asctp_secrets *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	asctp_secrets_init(s, now_ms);
	return s;
}

static void cookie_fill(struct asctp_cookie *c)
{
	memset(c, 0, sizeof(*c));
	c->life_ms = ASCTP_COOKIE_LIFE_MS;
	c->my_vtag = 0x11223344;
	c->peer_vtag = 0x55667788;
	c->my_tsn = 0x99aabbcc;
	c->peer_tsn = 0xddeeff00;
	c->peer_rwnd = 65536;
	c->os = 10;
	c->mis = 65535;
	c->lport = htons(5000);
	c->pport = htons(7);
	asctp_addr_set_v4(&c->laddr, htonl(0x7f000001));
	asctp_addr_set_v4(&c->paddr, htonl(0xc0000201));
	c->peer_cookie_inc_ms = 1234;
	c->peer_adaptation_ind = 0xa1b2c3d4;
}

/* Verify a whole cookie, for the cases that only want the verdict. */
static enum asctp_cookie_verdict verify_at(struct asctp_secrets *s,
					   const struct asctp_cookie *c,
					   u64 now_ms)
{
	struct asctp_cookie out;
	u32 stale;

	return asctp_cookie_verify(s, c, sizeof(*c), now_ms, &out, &stale);
}

/* Every field comes back as it was signed. */
static void cookie_round_trip_test(struct kunit *test)
{
	struct asctp_secrets *s = secrets_new(test, T0);
	struct asctp_cookie c, out;
	u32 stale = 0;

	cookie_fill(&c);
	asctp_cookie_sign(s, &c, T0 + 5);
	KUNIT_EXPECT_EQ(test, c.gen, 1U);
	KUNIT_EXPECT_EQ(test, c.born_ms, T0 + 5);
	memset(&out, 0, sizeof(out));
	KUNIT_ASSERT_EQ(test, asctp_cookie_verify(s, &c, sizeof(c), T0 + 6,
						  &out, &stale),
			ASCTP_COOKIE_OK);
	KUNIT_EXPECT_EQ(test, memcmp(&out, &c, sizeof(c)), 0);
	KUNIT_EXPECT_EQ(test, out.my_vtag, 0x11223344U);
	KUNIT_EXPECT_EQ(test, out.mis, 65535);
	KUNIT_EXPECT_EQ(test, ntohl(asctp_addr_v4(&out.paddr)), 0xc0000201U);
	KUNIT_EXPECT_EQ(test, out.peer_cookie_inc_ms, 1234U);
	KUNIT_EXPECT_EQ(test, out.peer_adaptation_ind, 0xa1b2c3d4U);
}

/* The cookie arrives inside a chunk: it may sit at any alignment. */
static void cookie_unaligned_test(struct kunit *test)
{
	struct asctp_secrets *s = secrets_new(test, T0);
	u8 buf[sizeof(struct asctp_cookie) + 3] __aligned(8);
	struct asctp_cookie c, out;
	unsigned int off;
	u32 stale = 0;

	cookie_fill(&c);
	asctp_cookie_sign(s, &c, T0);
	for (off = 1; off <= 3; off++) {
		memcpy(buf + off, &c, sizeof(c));
		KUNIT_EXPECT_EQ_MSG(test, asctp_cookie_verify(s, buf + off,
							      sizeof(c), T0,
							      &out, &stale),
				    ASCTP_COOKIE_OK, "offset %u", off);
		KUNIT_EXPECT_EQ(test, out.born_ms, T0);
	}
}

/* Changing any byte, the MAC, gen or born_ms included, is caught. */
static void cookie_flip_test(struct kunit *test)
{
	struct asctp_secrets *s = secrets_new(test, T0);
	u8 buf[sizeof(struct asctp_cookie)];
	struct asctp_cookie c, out;
	unsigned int i;
	u32 stale = 0;

	cookie_fill(&c);
	asctp_cookie_sign(s, &c, T0);
	for (i = 0; i < sizeof(buf); i++) {
		memcpy(buf, &c, sizeof(buf));
		buf[i] ^= 0xff;
		KUNIT_EXPECT_EQ_MSG(test, asctp_cookie_verify(s, buf, sizeof(buf),
							      T0, &out, &stale),
				    ASCTP_COOKIE_BAD_MAC, "byte %u", i);
	}
	KUNIT_EXPECT_EQ(test, verify_at(s, &c, T0), ASCTP_COOKIE_OK);
}

struct len_case {
	const char *name;
	int delta;		/* from sizeof(struct asctp_cookie) */
};

static const struct len_case len_cases[] = {
	{ "one byte short", -1 },
	{ "one byte long", 1 },
	{ "empty", -(int)sizeof(struct asctp_cookie) },
};

static void len_case_desc(const struct len_case *l, char *desc)
{
	strscpy(desc, l->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(len, len_cases, len_case_desc);

static void cookie_bad_len_test(struct kunit *test)
{
	const struct len_case *l = test->param_value;
	struct asctp_secrets *s = secrets_new(test, T0);
	u8 buf[sizeof(struct asctp_cookie) + 1] = { 0 };
	struct asctp_cookie c, out;
	u32 stale = 0;

	cookie_fill(&c);
	asctp_cookie_sign(s, &c, T0);
	memcpy(buf, &c, sizeof(c));
	KUNIT_EXPECT_EQ(test, asctp_cookie_verify(s, buf, sizeof(c) + l->delta,
						  T0, &out, &stale),
			ASCTP_COOKIE_BAD_LEN);
}

struct age_case {
	const char *name;
	u32 life_ms;
	u64 age_ms;		/* now - born */
	enum asctp_cookie_verdict want;
	u32 stale_us;
};

static const struct age_case age_cases[] = {
	{ "fresh", ASCTP_COOKIE_LIFE_MS, 0, ASCTP_COOKIE_OK, 0 },
	{ "exactly at its life", ASCTP_COOKIE_LIFE_MS, ASCTP_COOKIE_LIFE_MS,
	  ASCTP_COOKIE_OK, 0 },
	{ "1 ms late", ASCTP_COOKIE_LIFE_MS, ASCTP_COOKIE_LIFE_MS + 1,
	  ASCTP_COOKIE_STALE, 1000 },
	{ "own life, 2.5 s late", 500, 3000, ASCTP_COOKIE_STALE, 2500000 },
	{ "zero life, 1 ms later", 0, 1, ASCTP_COOKIE_STALE, 1000 },
	{ "largest measurable", 0, U32_MAX / 1000, ASCTP_COOKIE_STALE,
	  U32_MAX / 1000 * 1000 },
	{ "staleness clamped", 0, U32_MAX / 1000 + 1, ASCTP_COOKIE_STALE,
	  U32_MAX },
	{ "a week late", 0, 7ULL * 24 * 3600 * 1000, ASCTP_COOKIE_STALE,
	  U32_MAX },
};

static void age_case_desc(const struct age_case *a, char *desc)
{
	strscpy(desc, a->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(age, age_cases, age_case_desc);

static void cookie_age_test(struct kunit *test)
{
	const struct age_case *a = test->param_value;
	struct asctp_secrets *s = secrets_new(test, T0);
	struct asctp_cookie c, out;
	u32 stale = 0;

	cookie_fill(&c);
	c.life_ms = a->life_ms;
	asctp_cookie_sign(s, &c, T0);
	memset(&out, 0, sizeof(out));
	KUNIT_EXPECT_EQ(test, asctp_cookie_verify(s, &c, sizeof(c),
						  T0 + a->age_ms, &out, &stale),
			a->want);
	KUNIT_EXPECT_EQ(test, stale, a->stale_us);
	/* stale or not, an authentic cookie is copied: its peer's tag
	 * addresses the Stale Cookie error (5.2.6)
	 */
	KUNIT_EXPECT_EQ(test, out.peer_vtag, c.peer_vtag);
}

struct rotate_case {
	const char *name;
	unsigned int rotations;	/* between signing and verifying */
	enum asctp_cookie_verdict want;
};

static const struct rotate_case rotate_cases[] = {
	{ "same secret", 0, ASCTP_COOKIE_OK },
	{ "previous secret", 1, ASCTP_COOKIE_OK },
	{ "two rotations ago", 2, ASCTP_COOKIE_BAD_MAC },
	{ "three rotations ago", 3, ASCTP_COOKIE_BAD_MAC },
};

static void rotate_case_desc(const struct rotate_case *r, char *desc)
{
	strscpy(desc, r->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rotate, rotate_cases, rotate_case_desc);

static void cookie_rotate_test(struct kunit *test)
{
	const struct rotate_case *r = test->param_value;
	struct asctp_secrets *s = secrets_new(test, T0);
	struct asctp_cookie c;
	unsigned int i;

	cookie_fill(&c);
	asctp_cookie_sign(s, &c, T0);
	for (i = 0; i < r->rotations; i++)
		asctp_secrets_rotate(s, T0 + i + 1);
	KUNIT_EXPECT_EQ(test, s->cur.gen, 1 + r->rotations);
	KUNIT_EXPECT_EQ(test, verify_at(s, &c, T0 + 10), r->want);
}

/* Signing with a secret older than its life makes a new one first; the
 * cookies of the old one still verify.  Verifying never rotates.
 */
static void cookie_sign_rotates_test(struct kunit *test)
{
	struct asctp_secrets *s = secrets_new(test, T0);
	u64 later = T0 + ASCTP_SECRET_LIFE_MS;
	struct asctp_cookie c1, c2;

	cookie_fill(&c1);
	c1.life_ms = 2 * ASCTP_SECRET_LIFE_MS;
	c2 = c1;
	KUNIT_EXPECT_EQ(test, verify_at(s, &c1, later + 1), ASCTP_COOKIE_BAD_MAC);
	KUNIT_EXPECT_EQ(test, s->cur.gen, 1U);
	asctp_cookie_sign(s, &c1, later - 1);
	KUNIT_EXPECT_EQ(test, c1.gen, 1U);
	KUNIT_EXPECT_EQ(test, s->rotated_ms, T0);
	asctp_cookie_sign(s, &c2, later);
	KUNIT_EXPECT_EQ(test, c2.gen, 2U);
	KUNIT_EXPECT_EQ(test, s->cur.gen, 2U);
	KUNIT_EXPECT_EQ(test, s->prev.gen, 1U);
	KUNIT_EXPECT_EQ(test, s->rotated_ms, later);
	KUNIT_EXPECT_EQ(test, verify_at(s, &c1, later), ASCTP_COOKIE_OK);
	KUNIT_EXPECT_EQ(test, verify_at(s, &c2, later), ASCTP_COOKIE_OK);
}

/* A fresh set of secrets holds no generation 0 a cookie could name. */
static void cookie_gen0_test(struct kunit *test)
{
	struct asctp_secrets *s = secrets_new(test, T0);
	struct asctp_cookie c;

	cookie_fill(&c);
	asctp_cookie_sign(s, &c, T0);
	c.gen = 0;
	KUNIT_EXPECT_EQ(test, verify_at(s, &c, T0), ASCTP_COOKIE_BAD_MAC);
}

/* Another netns has its own secrets, of the same generation. */
static void cookie_other_netns_test(struct kunit *test)
{
	struct asctp_secrets *a = secrets_new(test, T0);
	struct asctp_secrets *b = secrets_new(test, T0);
	struct asctp_cookie c;

	cookie_fill(&c);
	asctp_cookie_sign(a, &c, T0);
	KUNIT_EXPECT_EQ(test, c.gen, b->cur.gen);
	KUNIT_EXPECT_EQ(test, verify_at(b, &c, T0), ASCTP_COOKIE_BAD_MAC);
	KUNIT_EXPECT_EQ(test, verify_at(a, &c, T0), ASCTP_COOKIE_OK);
}

static void cookie_now_test(struct kunit *test)
{
	u64 t1 = asctp_cookie_now_ms(), t2 = asctp_cookie_now_ms();

	KUNIT_EXPECT_GT(test, t1, 0ULL);
	KUNIT_EXPECT_GE(test, t2, t1);
}

static struct kunit_case asctp_cookie_cases[] = {
	KUNIT_CASE_PARAM(cookie_hmac_rfc4231_test, rfc4231_gen_params),
	KUNIT_CASE(cookie_round_trip_test),
	KUNIT_CASE(cookie_unaligned_test),
	KUNIT_CASE(cookie_flip_test),
	KUNIT_CASE_PARAM(cookie_bad_len_test, len_gen_params),
	KUNIT_CASE_PARAM(cookie_age_test, age_gen_params),
	KUNIT_CASE_PARAM(cookie_rotate_test, rotate_gen_params),
	KUNIT_CASE(cookie_sign_rotates_test),
	KUNIT_CASE(cookie_gen0_test),
	KUNIT_CASE(cookie_other_netns_test),
	KUNIT_CASE(cookie_now_test),
	{}
};

static struct kunit_suite asctp_cookie_suite = {
	.name = "asctp_cookie",
	.test_cases = asctp_cookie_cases,
};

kunit_test_suite(asctp_cookie_suite);
