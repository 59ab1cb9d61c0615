/* SPDX-License-Identifier: GPL-2.0 */
/*
 * State Cookie (RFC 9260 5.1.3): everything needed to build the TCB,
 * carried by the peer and authenticated with HMAC-SHA256 under a
 * per-netns secret.  The secret rotates every ASCTP_SECRET_LIFE_MS and
 * the previous one is still accepted, so a cookie is verifiable for at
 * least that long.  Nothing is allocated per peer: an INIT costs one
 * reply.
 */
#ifndef _ASCTP_COOKIE_H
#define _ASCTP_COOKIE_H

#include <linux/in6.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <crypto/sha2.h>

#include "chunk.h"

enum asctp_cookie_const {
	ASCTP_MAC_LEN		= SHA256_DIGEST_SIZE,
	ASCTP_SECRET_LEN	= SHA256_BLOCK_SIZE,
	ASCTP_SECRET_LIFE_MS	= 60 * 1000,
	ASCTP_COOKIE_LIFE_MS	= 60 * 1000,	/* Valid.Cookie.Life, 16 */
};

/* One key, with the HMAC inner and outer pads already absorbed. */
struct asctp_secret {
	u32 gen;
	struct sha256_state ipad;
	struct sha256_state opad;
};

/* Per netns. */
struct asctp_secrets {
	spinlock_t lock;	/* all fields; BH-safe: taken in softirq */
	u64 rotated_ms;		/* when cur was made */
	struct asctp_secret cur;
	struct asctp_secret prev;
};

/* The cookie as it travels, in host byte order: only we read it. */
struct asctp_cookie {
	u8 mac[ASCTP_MAC_LEN];	/* over all that follows */
	u32 gen;		/* secret generation */
	u32 life_ms;
	u64 born_ms;		/* asctp_cookie_now_ms() at signing */
	u32 my_vtag;
	u32 peer_vtag;
	u32 my_tsn;		/* our initial TSN */
	u32 peer_tsn;		/* peer's initial TSN */
	u32 peer_rwnd;
	u16 os;			/* outbound streams, after negotiation */
	u16 mis;		/* inbound streams, after negotiation */
	__be16 lport;
	__be16 pport;
	struct in6_addr laddr;	/* addr.h */
	struct in6_addr paddr;
	u32 peer_cookie_inc_ms;	/* Cookie Preservative asked for */
	u32 peer_adaptation_ind; /* RFC 5061 4.2.5, 0 if none */
	u32 tie_my;		/* 5.2.2 Tie-Tags: the association's tags */
	u32 tie_peer;		/* when the INIT came; 0 if it had none */
	u8 n_paddrs;		/* the INIT's addresses, 5.1.2 */
	struct in6_addr paddrs[ASCTP_MAX_PADDRS];
} __packed;

enum asctp_cookie_verdict {
	ASCTP_COOKIE_OK,
	ASCTP_COOKIE_BAD_LEN,	/* not the size of struct asctp_cookie */
	ASCTP_COOKIE_BAD_MAC,	/* tampered, or signed by an old secret */
	ASCTP_COOKIE_STALE,	/* older than its life (5.1.5, step 3) */
};

/* Milliseconds since boot (never jumps, unlike wall time). */
u64 asctp_cookie_now_ms(void);

/* HMAC-SHA256(@key, @data) into @mac. */
void asctp_hmac(const struct asctp_secret *key, const void *data,
		size_t len, u8 mac[ASCTP_MAC_LEN]);

/* Load @key (RFC 2104: zero-padded to the block size, hashed first if
 * longer) into @s as generation @gen.  Exposed for the KUnit vectors.
 */
void asctp_secret_set(struct asctp_secret *s, const u8 *key,
		      unsigned int keylen, u32 gen);

/* Make a random first secret. */
void asctp_secrets_init(struct asctp_secrets *s, u64 now_ms);

/* cur becomes prev, a new random cur is made. */
void asctp_secrets_rotate(struct asctp_secrets *s, u64 now_ms);

/* Fill gen, born_ms and mac of @c (life_ms is the caller's); rotates
 * the secret first if it is older than ASCTP_SECRET_LIFE_MS.
 */
void asctp_cookie_sign(struct asctp_secrets *s, struct asctp_cookie *c,
		       u64 now_ms);

/* Check a received cookie of @len bytes at @buf; on ASCTP_COOKIE_OK
 * and ASCTP_COOKIE_STALE (its MAC is good) copies it to @out.  On
 * ASCTP_COOKIE_STALE, @stale_us says by how much it is late (for the
 * Stale Cookie error cause, 3.3.10.3, sent with the cookie's tag).
 */
enum asctp_cookie_verdict asctp_cookie_verify(struct asctp_secrets *s,
					      const void *buf,
					      unsigned int len, u64 now_ms,
					      struct asctp_cookie *out,
					      u32 *stale_us);

#endif /* _ASCTP_COOKIE_H */
