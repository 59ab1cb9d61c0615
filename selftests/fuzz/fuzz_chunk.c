// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the bytes are a packet's chunk area (what follows
 * the common header), fed to module/chunk.c as input.c and sm.c feed
 * it.  The input sits in a buffer of exactly its size, so ASan sees
 * any read past the packet.  Besides memory errors, the parsers'
 * contracts are checked (check() aborts):
 *  - asctp_chunk_check() agrees with an independent reference, and
 *    after it passes every walk stays inside the packet and ends at
 *    its end;
 *  - asctp_tlv_check()'s count is what a walk finds, and its limit
 *    holds; asctp_cause_next() walks the same items;
 *  - asctp_init_parse()'s results are consistent and point inside
 *    the chunk; what it says to report fits in a reply;
 *  - asctp_sack_gaps_ok() only passes blocks sack.c can rely on.
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "addr.h"
#include "chunk.h"
#include "cookie.h"

#define check(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "fuzz_chunk: contract broken: %s (%s:%d)\n", \
			#cond, __FILE__, __LINE__);			\
		abort();						\
	}								\
} while (0)

/* Reading every byte makes ASan check each one. */
static volatile u8 sink;

static void touch(const void *p, size_t n)
{
	const u8 *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		sink ^= b[i];
}

static bool inside(const void *p, size_t n, const void *buf, size_t len)
{
	const u8 *b = buf, *q = p;

	return q >= b && q <= b + len && n <= (size_t)(b + len - q);
}

/* RFC 9260 3.3, written again from the RFC: the shortest chunk of
 * each known type, and whether that is its only length.
 */
static bool ref_len_ok(const u8 *ch, unsigned int len)
{
	static const struct { u16 min; bool exact; } r[ASCTP_CID_MAX] = {
		[ASCTP_CID_DATA] = { 16, false },
		[ASCTP_CID_INIT] = { 20, false },
		[ASCTP_CID_INIT_ACK] = { 20, false },
		[ASCTP_CID_SACK] = { 16, false },
		[ASCTP_CID_HEARTBEAT] = { 8, false },
		[ASCTP_CID_HEARTBEAT_ACK] = { 8, false },
		[ASCTP_CID_ABORT] = { 4, false },
		[ASCTP_CID_SHUTDOWN] = { 8, true },
		[ASCTP_CID_SHUTDOWN_ACK] = { 4, true },
		[ASCTP_CID_ERROR] = { 4, false },
		[ASCTP_CID_COOKIE_ECHO] = { 4, false },
		[ASCTP_CID_COOKIE_ACK] = { 4, true },
		[ASCTP_CID_ECNE] = { 8, true },
		[ASCTP_CID_CWR] = { 8, true },
		[ASCTP_CID_SHUTDOWN_COMPLETE] = { 4, true },
	};
	u8 type = ch[0];

	if (type >= ASCTP_CID_MAX)
		return true;
	if (len < r[type].min || (r[type].exact && len != r[type].min))
		return false;
	if (type == ASCTP_CID_SACK)	/* 3.3.4: exactly its blocks */
		return len == 16 + 4u * ((ch[12] << 8 | ch[13]) +
					 (ch[14] << 8 | ch[15]));
	return true;
}

static enum asctp_mib_field ref_chunk_check(const u8 *buf, unsigned int len)
{
	unsigned int off = 0, n = 0, clen;
	bool alone = false;

	if (!len)
		return ASCTP_MIB_IN_BAD_CHUNK;
	while (off < len) {
		if (len - off < 4)
			return ASCTP_MIB_IN_BAD_CHUNK;
		clen = buf[off + 2] << 8 | buf[off + 3];
		if (clen < 4 || ((clen + 3) & ~3u) > len - off ||
		    !ref_len_ok(buf + off, clen))
			return ASCTP_MIB_IN_BAD_CHUNK;
		alone |= buf[off] == ASCTP_CID_INIT ||
			 buf[off] == ASCTP_CID_INIT_ACK ||
			 buf[off] == ASCTP_CID_SHUTDOWN_COMPLETE;
		off += (clen + 3) & ~3u;
		n++;
	}
	return alone && n > 1 ? ASCTP_MIB_IN_BAD_BUNDLE : ASCTP_MIB_IN_PKTS;
}

/* Error causes as error.c walks them: each one whole and inside. */
static unsigned int walk_causes(const u8 *buf, unsigned int len)
{
	const struct asctp_cause_hdr *c;
	unsigned int off = 0, prev = 0, n = 0, clen;

	while ((c = asctp_cause_next(buf, len, &off))) {
		clen = ntohs(c->length);
		check(clen >= ASCTP_CAUSE_HDR_LEN);
		check((const u8 *)c == buf + prev);
		check(inside(c, clen, buf, len));
		check(off == prev + asctp_pad4(clen));
		touch(c, clen);
		prev = off;
		n++;
	}
	check(off == prev);
	return n;
}

/* A parameter or cause list: asctp_tlv_check() and a walk agree. */
static void walk_tlvs(const u8 *buf, unsigned int len, unsigned int max)
{
	const struct asctp_param_hdr *p;
	unsigned int count = 0, plen, causes;
	int n = asctp_tlv_check(buf, len, max);

	causes = walk_causes(buf, len);
	if (n < 0) {
		/* the cause walk above still had to stay inside */
		check(n == -EINVAL);
		return;
	}
	check((unsigned int)n <= max);
	for (p = (const void *)buf; asctp_tlv_more(p, buf, len);
	     p = asctp_tlv_next(p)) {
		plen = ntohs(p->length);
		check(plen >= ASCTP_PARAM_HDR_LEN);
		check(inside(p, plen, buf, len));
		touch(p, plen);
		count++;
	}
	check(count == (unsigned int)n);
	/* ends at the end, or in the last item's missing padding */
	check((const u8 *)p >= buf + len && (const u8 *)p < buf + len + 4);
	check(causes == count);
	if (n > 0)
		check(asctp_tlv_check(buf, len, n - 1) == -EINVAL);
}

/* What handshake.c adds around the reported parameters in an INIT ACK
 * (chunk and INIT headers, State Cookie parameter, up to 8 addresses of
 * 20 bytes (IPv6), Adaptation Layer Indication), for the size check.
 */
#define INIT_ACK_OWN_LEN	(4 + 16 + 4 + sizeof(struct asctp_cookie) + 3 + \
				 ASCTP_MAX_LADDRS * 20 + 8)

/* A peer address chunk.c may keep (addr.h): an IPv4 unicast destination
 * (class E is let through), or an IPv6 one that is not unspecified,
 * multicast, IPv4-mapped, link-local or site-local.
 */
static bool paddr_ok(const struct in6_addr *a)
{
	const u8 *b = a->s6_addr;
	u32 v4, first;

	if (ipv6_addr_v4mapped(a)) {
		v4 = ntohl(a->s6_addr32[3]);
		first = v4 >> 24;
		return first && (first < 224 || first >= 240) &&
		       v4 != 0xffffffff;
	}
	return !ipv6_addr_any(a) && b[0] != 0xff &&
	       !(b[0] == 0xfe && (b[1] & 0x80));
}

static void check_init(const struct asctp_chunk_hdr *ch)
{
	const struct asctp_init_hdr *ih = (const void *)(ch + 1);
	unsigned int len = ntohs(ch->length), plen = len - ASCTP_INIT_MIN_LEN;
	const u8 *params = (const u8 *)ch + ASCTP_INIT_MIN_LEN;
	struct asctp_init_info info;
	enum asctp_mib_field ret;
	unsigned int i, j, unrec_len = 0, ulen;

	memset(&info, 0xa5, sizeof(info));
	ret = asctp_init_parse(ch, &info);
	check(ret == ASCTP_MIB_IN_PKTS || ret == ASCTP_MIB_IN_BAD_PARAM ||
	      ret == ASCTP_MIB_IN_BAD_INIT);
	check(info.init_tag == ntohl(ih->init_tag));
	check(info.a_rwnd == ntohl(ih->a_rwnd));
	check(info.init_tsn == ntohl(ih->init_tsn));
	check(info.os == ntohs(ih->os) && info.mis == ntohs(ih->mis));
	if (asctp_tlv_check(params, plen, ASCTP_MAX_PARAMS) < 0)
		check(ret == ASCTP_MIB_IN_BAD_PARAM);
	walk_tlvs(params, plen, ASCTP_MAX_PARAMS);
	if (info.abort_cause)
		check(ret == ASCTP_MIB_IN_BAD_INIT);
	if (ret == ASCTP_MIB_IN_PKTS) {
		check(info.init_tag && info.os && info.mis);
		check(!info.abort_cause);
		if (ch->type == ASCTP_CID_INIT_ACK)
			check(info.cookie);
	}
	if (ret == ASCTP_MIB_IN_BAD_PARAM)
		return;		/* the rest is not looked at */
	if (info.cookie) {
		check(info.cookie_len >= 1);
		check(inside(info.cookie, info.cookie_len, params, plen));
		touch(info.cookie, info.cookie_len);
	} else {
		check(!info.cookie_len);
	}
	check(info.n_paddrs <= ASCTP_MAX_PADDRS &&
	      info.n_paddrs <= info.n_addrs);
	for (i = 0; i < info.n_paddrs; i++) {
		check(paddr_ok(&info.paddrs[i]));
		for (j = 0; j < i; j++)
			check(!ipv6_addr_equal(&info.paddrs[i],
					       &info.paddrs[j]));
	}
	check(info.n_unrec <= ASCTP_MAX_UNREC);
	for (i = 0; i < info.n_unrec; i++) {
		ulen = ntohs(info.unrec[i]->length);
		check(ntohs(info.unrec[i]->type) & 0x4000);	/* report */
		check(ulen >= ASCTP_PARAM_HDR_LEN);
		check(inside(info.unrec[i], ulen, params, plen));
		touch(info.unrec[i], ulen);
		/* as handshake.c wraps them, in type 8 */
		unrec_len += ASCTP_PARAM_HDR_LEN + asctp_pad4(ulen);
	}
	check(info.unrec_len == unrec_len);
	check(unrec_len <= ASCTP_MAX_UNREC_LEN);
	/* the INIT ACK that reports them must fit its 16-bit length */
	check(unrec_len + INIT_ACK_OWN_LEN <= 0xffff);
}

static void check_sack(const struct asctp_chunk_hdr *ch)
{
	const struct asctp_sack_hdr *sh = (const void *)(ch + 1);
	const struct asctp_sack_gap *g = (const void *)(sh + 1);
	unsigned int n = ntohs(sh->n_gaps), i, end = 0;

	check(ntohs(ch->length) == ASCTP_SACK_MIN_LEN +
	      4 * (n + ntohs(sh->n_dups)));
	touch(sh + 1, 4 * (n + ntohs(sh->n_dups)));
	if (!asctp_sack_gaps_ok(g, n))
		return;
	/* sack.c walks its sent queue against these */
	for (i = 0; i < n; i++) {
		check(ntohs(g[i].start) > end);
		check(ntohs(g[i].end) >= ntohs(g[i].start));
		end = ntohs(g[i].end);
	}
}

static void check_chunk(const struct asctp_chunk_hdr *ch, unsigned int n)
{
	unsigned int len = ntohs(ch->length);
	const u8 *body = (const u8 *)(ch + 1);

	touch(ch, len);
	switch (ch->type) {
	case ASCTP_CID_INIT:
	case ASCTP_CID_INIT_ACK:
		check(n == 1);
		check_init(ch);
		break;
	case ASCTP_CID_SHUTDOWN_COMPLETE:
		check(n == 1);
		break;
	case ASCTP_CID_SACK:
		check_sack(ch);
		break;
	case ASCTP_CID_HEARTBEAT:
	case ASCTP_CID_HEARTBEAT_ACK:
		walk_tlvs(body, len - ASCTP_CHUNK_HDR_LEN, ASCTP_MAX_PARAMS);
		break;
	case ASCTP_CID_ABORT:
	case ASCTP_CID_ERROR:
		walk_tlvs(body, len - ASCTP_CHUNK_HDR_LEN, ASCTP_MAX_PARAMS);
		break;
	default:
		if (ch->type >= ASCTP_CID_MAX)
			check(asctp_unknown_action(ch->type) <=
			      ASCTP_UNK_SKIP_REPORT);
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct asctp_chunk_hdr *ch;
	enum asctp_mib_field ret;
	unsigned int len, n = 0;
	u8 *buf;

	/* an IP packet: at most 64 KiB */
	if (size > 0xffff)
		return -1;
	len = size;
	buf = malloc(len ?: 1);
	check(buf);
	memcpy(buf, data, len);

	/* any bytes as parameters or causes, chunk check or not */
	walk_tlvs(buf, len, ASCTP_MAX_PARAMS);

	ret = asctp_chunk_check(buf, len);
	check(ret == ref_chunk_check(buf, len));
	if (ret == ASCTP_MIB_IN_PKTS) {
		for (ch = (const void *)buf; asctp_chunk_more(ch, buf, len);
		     ch = asctp_chunk_next(ch)) {
			check(inside(ch, ASCTP_CHUNK_HDR_LEN, buf, len));
			check(inside(ch, asctp_pad4(ntohs(ch->length)),
				     buf, len));
			n++;
		}
		check((const u8 *)ch == buf + len);
		for (ch = (const void *)buf; asctp_chunk_more(ch, buf, len);
		     ch = asctp_chunk_next(ch))
			check_chunk(ch, n);
	}
	free(buf);
	return 0;
}
