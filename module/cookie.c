// SPDX-License-Identifier: GPL-2.0
/*
 * State Cookie (RFC 9260 5.1.3): HMAC-SHA256 (RFC 2104) under a
 * per-netns secret that rotates every ASCTP_SECRET_LIFE_MS.
 */

#include <crypto/algapi.h>
#include <linux/math64.h>
#include <linux/random.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "cookie.h"

/* The MAC covers every byte of the cookie after the MAC itself. */
#define ASCTP_COOKIE_SIGNED_OFF	offsetof(struct asctp_cookie, gen)
#define ASCTP_COOKIE_SIGNED_LEN	(sizeof(struct asctp_cookie) - \
				 ASCTP_COOKIE_SIGNED_OFF)

u64 asctp_cookie_now_ms(void)
{
	return div_u64(ktime_get_boottime_ns(), NSEC_PER_MSEC);
}

/* Absorb one block of key ^ @pad into @st (RFC 2104, steps 2 and 5). */
static void asctp_hmac_pad(struct sha256_state *st, u8 *k, u8 pad)
{
	unsigned int i;

	for (i = 0; i < SHA256_BLOCK_SIZE; i++)
		k[i] ^= pad;
	sha256_init(st);
	sha256_update(st, k, SHA256_BLOCK_SIZE);
	for (i = 0; i < SHA256_BLOCK_SIZE; i++)
		k[i] ^= pad;
}

void asctp_secret_set(struct asctp_secret *s, const u8 *key,
		      unsigned int keylen, u32 gen)
{
	u8 k[SHA256_BLOCK_SIZE] = { 0 };

	/* RFC 2104 2: a key longer than a block is hashed first. */
	if (keylen > SHA256_BLOCK_SIZE)
		sha256(key, keylen, k);
	else
		memcpy(k, key, keylen);
	asctp_hmac_pad(&s->ipad, k, 0x36);
	asctp_hmac_pad(&s->opad, k, 0x5c);
	s->gen = gen;
	memzero_explicit(k, sizeof(k));
}

static void asctp_sha256_update(struct sha256_state *st, const u8 *p,
				size_t len)
{
	while (len) {
		unsigned int n = min_t(size_t, len, UINT_MAX);

		sha256_update(st, p, n);
		p += n;
		len -= n;
	}
}

/* RFC 2104: H(K ^ opad, H(K ^ ipad, data)) from the absorbed pads. */
void asctp_hmac(const struct asctp_secret *key, const void *data,
		size_t len, u8 mac[ASCTP_MAC_LEN])
{
	u8 inner[SHA256_DIGEST_SIZE];
	struct sha256_state st;

	st = key->ipad;
	asctp_sha256_update(&st, data, len);
	sha256_final(&st, inner);
	st = key->opad;
	sha256_update(&st, inner, sizeof(inner));
	sha256_final(&st, mac);
	memzero_explicit(inner, sizeof(inner));
	memzero_explicit(&st, sizeof(st));
}

static void asctp_secret_random(struct asctp_secret *s, u32 gen)
{
	u8 key[ASCTP_SECRET_LEN];

	get_random_bytes(key, sizeof(key));
	asctp_secret_set(s, key, sizeof(key), gen);
	memzero_explicit(key, sizeof(key));
}

/* prev gets generation 0, which no cookie is ever signed with. */
void asctp_secrets_init(struct asctp_secrets *s, u64 now_ms)
{
	spin_lock_init(&s->lock);
	asctp_secret_random(&s->cur, 1);
	asctp_secret_random(&s->prev, 0);
	s->rotated_ms = now_ms;
}

/* Caller holds s->lock. */
static bool asctp_secrets_due(const struct asctp_secrets *s, u64 now_ms)
{
	return now_ms >= s->rotated_ms + ASCTP_SECRET_LIFE_MS;
}

/* The key is made outside the lock; with @force false, the rotation is
 * skipped if another CPU made it meanwhile, so that a race cannot
 * rotate twice and lose the previous secret.
 */
static void asctp_secrets_advance(struct asctp_secrets *s, u64 now_ms,
				  bool force)
{
	struct asctp_secret next;

	asctp_secret_random(&next, 0);
	spin_lock_bh(&s->lock);
	if (force || asctp_secrets_due(s, now_ms)) {
		next.gen = s->cur.gen + 1;
		s->prev = s->cur;
		s->cur = next;
		s->rotated_ms = now_ms;
	}
	spin_unlock_bh(&s->lock);
	memzero_explicit(&next, sizeof(next));
}

void asctp_secrets_rotate(struct asctp_secrets *s, u64 now_ms)
{
	asctp_secrets_advance(s, now_ms, true);
}

/* Copy the current secret to @key; true if it is due for rotation. */
static bool asctp_secrets_cur(struct asctp_secrets *s,
			      struct asctp_secret *key, u64 now_ms)
{
	bool due;

	spin_lock_bh(&s->lock);
	*key = s->cur;
	due = asctp_secrets_due(s, now_ms);
	spin_unlock_bh(&s->lock);
	return due;
}

/* Copy the secret of generation @gen to @key, if we still have it. */
static bool asctp_secrets_find(struct asctp_secrets *s,
			       struct asctp_secret *key, u32 gen)
{
	bool found = true;

	spin_lock_bh(&s->lock);
	if (s->cur.gen == gen)
		*key = s->cur;
	else if (s->prev.gen == gen)
		*key = s->prev;
	else
		found = false;
	spin_unlock_bh(&s->lock);
	return found;
}

static void asctp_cookie_mac(const struct asctp_secret *key,
			     const struct asctp_cookie *c, u8 mac[ASCTP_MAC_LEN])
{
	asctp_hmac(key, (const u8 *)c + ASCTP_COOKIE_SIGNED_OFF,
		   ASCTP_COOKIE_SIGNED_LEN, mac);
}

/* RFC 9260 5.1.3: the MAC that makes the State Cookie unforgeable. */
void asctp_cookie_sign(struct asctp_secrets *s, struct asctp_cookie *c,
		       u64 now_ms)
{
	struct asctp_secret key;

	if (asctp_secrets_cur(s, &key, now_ms)) {
		asctp_secrets_advance(s, now_ms, false);
		asctp_secrets_cur(s, &key, now_ms);
	}
	c->gen = key.gen;
	c->born_ms = now_ms;
	asctp_cookie_mac(&key, c, c->mac);
	memzero_explicit(&key, sizeof(key));
}

/* Measure of Staleness (RFC 9260 3.3.10.3), in microseconds. */
static u32 asctp_cookie_stale_us(u64 late_ms)
{
	if (late_ms > U32_MAX / USEC_PER_MSEC)
		return U32_MAX;
	return late_ms * USEC_PER_MSEC;
}

/* RFC 9260 5.1.5, steps 1 to 3.  The MAC is checked before anything
 * read from the cookie is believed, its age included.
 */
enum asctp_cookie_verdict asctp_cookie_verify(struct asctp_secrets *s,
					      const void *buf,
					      unsigned int len, u64 now_ms,
					      struct asctp_cookie *out,
					      u32 *stale_us)
{
	u8 mac[ASCTP_MAC_LEN];
	struct asctp_secret key;
	struct asctp_cookie c;
	u64 expires_ms;

	if (len != sizeof(c))
		return ASCTP_COOKIE_BAD_LEN;
	memcpy(&c, buf, sizeof(c));
	if (!asctp_secrets_find(s, &key, c.gen))
		return ASCTP_COOKIE_BAD_MAC;
	asctp_cookie_mac(&key, &c, mac);
	memzero_explicit(&key, sizeof(key));
	if (crypto_memneq(mac, c.mac, sizeof(mac)))
		return ASCTP_COOKIE_BAD_MAC;

	/* authentic, stale or not: a Stale Cookie error needs its tag */
	*out = c;
	expires_ms = c.born_ms + c.life_ms;
	if (now_ms > expires_ms) {
		*stale_us = asctp_cookie_stale_us(now_ms - expires_ms);
		return ASCTP_COOKIE_STALE;
	}
	return ASCTP_COOKIE_OK;
}
