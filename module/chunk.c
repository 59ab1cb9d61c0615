// SPDX-License-Identifier: GPL-2.0
/*
 * Bounds checks for chunks and their parameters (RFC 9260 3.2, 3.2.1,
 * 3.3).  Pure functions over a linear buffer: no state, no allocation,
 * safe in softirq.  Every multi-byte field is read through a __packed
 * struct, so no alignment is assumed.
 */

#include <linux/errno.h>
#include <linux/string.h>
#include <net/ip.h>

#include "addr.h"
#include "chunk.h"

/* RFC 9260 3.3: the shortest valid chunk of each type we know. */
struct asctp_chunk_rule {
	u16 len;	/* fixed part, header included */
	bool exact;	/* fixed-size type: length must be exactly @len */
	bool alone;	/* must be the only chunk in its packet */
};

/* COOKIE ECHO may be as short as its header here: an empty cookie
 * fails the cookie's own checks later, like any other bad cookie.
 */
static const struct asctp_chunk_rule asctp_chunk_rules[ASCTP_CID_MAX] = {
	[ASCTP_CID_DATA]	= { .len = ASCTP_DATA_MIN_LEN },
	[ASCTP_CID_INIT]	= { .len = ASCTP_INIT_MIN_LEN, .alone = true },
	[ASCTP_CID_INIT_ACK]	= { .len = ASCTP_INIT_MIN_LEN, .alone = true },
	[ASCTP_CID_SACK]	= { .len = ASCTP_SACK_MIN_LEN },
	[ASCTP_CID_HEARTBEAT]	= { .len = ASCTP_HB_MIN_LEN },
	[ASCTP_CID_HEARTBEAT_ACK] = { .len = ASCTP_HB_MIN_LEN },
	[ASCTP_CID_ABORT]	= { .len = ASCTP_CHUNK_HDR_LEN },
	[ASCTP_CID_SHUTDOWN]	= { .len = ASCTP_SHUTDOWN_LEN, .exact = true },
	[ASCTP_CID_SHUTDOWN_ACK] = { .len = ASCTP_CHUNK_HDR_LEN, .exact = true },
	[ASCTP_CID_ERROR]	= { .len = ASCTP_CHUNK_HDR_LEN },
	[ASCTP_CID_COOKIE_ECHO]	= { .len = ASCTP_CHUNK_HDR_LEN },
	[ASCTP_CID_COOKIE_ACK]	= { .len = ASCTP_CHUNK_HDR_LEN, .exact = true },
	[ASCTP_CID_ECNE]	= { .len = ASCTP_ECNE_LEN, .exact = true },
	[ASCTP_CID_CWR]		= { .len = ASCTP_CWR_LEN, .exact = true },
	[ASCTP_CID_SHUTDOWN_COMPLETE] = {
		.len = ASCTP_CHUNK_HDR_LEN, .exact = true, .alone = true
	},
};

/* RFC 9260 3.3.4: a SACK holds exactly the gap blocks and duplicate
 * TSNs it counts.  @len is at least ASCTP_SACK_MIN_LEN.
 */
static bool asctp_sack_len_ok(const struct asctp_chunk_hdr *ch,
			      unsigned int len)
{
	const struct asctp_sack_hdr *sack = (const void *)(ch + 1);
	unsigned int gaps = ntohs(sack->n_gaps);
	unsigned int dups = ntohs(sack->n_dups);

	return len == ASCTP_SACK_MIN_LEN +
		      gaps * sizeof(struct asctp_sack_gap) +
		      dups * sizeof(__be32);
}

/* RFC 9260 3.2: one chunk's length, against its type and against the
 * @left bytes from its start to the packet's end.  The header is there.
 * Unknown types only need a sane length; the dispatcher acts on them.
 */
static bool asctp_chunk_len_ok(const struct asctp_chunk_hdr *ch,
			       unsigned int left)
{
	unsigned int len = ntohs(ch->length);
	const struct asctp_chunk_rule *rule;

	if (len < ASCTP_CHUNK_HDR_LEN || asctp_pad4(len) > left)
		return false;
	if (ch->type >= ASCTP_CID_MAX)
		return true;
	rule = &asctp_chunk_rules[ch->type];
	if (len < rule->len || (rule->exact && len != rule->len))
		return false;
	return ch->type != ASCTP_CID_SACK || asctp_sack_len_ok(ch, len);
}

static bool asctp_chunk_alone(const struct asctp_chunk_hdr *ch)
{
	return ch->type < ASCTP_CID_MAX && asctp_chunk_rules[ch->type].alone;
}

/* RFC 9260 3.2, 3.3: every chunk inside the packet, padding included;
 * no bytes left over; INIT, INIT ACK and SHUTDOWN COMPLETE alone.
 * A length error wins over a bundling error.
 */
enum asctp_mib_field asctp_chunk_check(const void *buf, unsigned int len)
{
	const struct asctp_chunk_hdr *ch;
	unsigned int off = 0, n = 0;
	bool alone = false;

	if (!len)
		return ASCTP_MIB_IN_BAD_CHUNK;
	while (off < len) {
		ch = (const void *)((const u8 *)buf + off);
		if (len - off < ASCTP_CHUNK_HDR_LEN ||
		    !asctp_chunk_len_ok(ch, len - off))
			return ASCTP_MIB_IN_BAD_CHUNK;
		alone |= asctp_chunk_alone(ch);
		off += asctp_pad4(ntohs(ch->length));
		n++;
	}
	return alone && n > 1 ? ASCTP_MIB_IN_BAD_BUNDLE : ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 3.2.1: type-length-value items (parameters, error causes).
 * Every item but the last is padded inside @len; the last may end at
 * @len without its padding, which then lies in the chunk's padding.
 */
int asctp_tlv_check(const void *buf, unsigned int len, unsigned int max)
{
	const struct asctp_param_hdr *p;
	unsigned int off = 0, n = 0, plen;

	while (off < len) {
		if (len - off < ASCTP_PARAM_HDR_LEN || ++n > max)
			return -EINVAL;
		p = (const void *)((const u8 *)buf + off);
		plen = ntohs(p->length);
		if (plen < ASCTP_PARAM_HDR_LEN || plen > len - off)
			return -EINVAL;
		off += asctp_pad4(plen);
	}
	return n;
}

const struct asctp_cause_hdr *asctp_cause_next(const void *buf,
					       unsigned int len,
					       unsigned int *off)
{
	const struct asctp_cause_hdr *c;
	unsigned int clen;

	if (*off > len || len - *off < ASCTP_CAUSE_HDR_LEN)
		return NULL;
	c = (const void *)((const u8 *)buf + *off);
	clen = ntohs(c->length);
	if (clen < ASCTP_CAUSE_HDR_LEN || clen > len - *off)
		return NULL;
	*off += asctp_pad4(clen);
	return c;
}

bool asctp_sack_gaps_ok(const struct asctp_sack_gap *g, unsigned int n)
{
	unsigned int i, end = 0;

	for (i = 0; i < n; i++) {
		if (ntohs(g[i].start) <= end ||
		    ntohs(g[i].end) < ntohs(g[i].start))
			return false;
		end = ntohs(g[i].end);
	}
	return true;
}

/* RFC 9260 3.2.1: a parameter we do not know, by its two upper bits.
 * Returns whether to go on with the next parameter.
 */
static bool asctp_init_unknown(const struct asctp_param_hdr *p,
			       struct asctp_init_info *info)
{
	u16 type = ntohs(p->type);
	enum asctp_unknown_action act = asctp_unknown_action(type >> 8);
	bool report = act == ASCTP_UNK_STOP_REPORT ||
		      act == ASCTP_UNK_SKIP_REPORT;
	unsigned int len = ASCTP_PARAM_HDR_LEN + asctp_pad4(ntohs(p->length));

	if (report && info->n_unrec < ASCTP_MAX_UNREC &&
	    info->unrec_len + len <= ASCTP_MAX_UNREC_LEN) {
		info->unrec[info->n_unrec++] = p;
		info->unrec_len += len;
	}
	return act == ASCTP_UNK_SKIP || act == ASCTP_UNK_SKIP_REPORT;
}

/* RFC 9260 3.3.3.1: the State Cookie, opaque, at least one byte. */
static enum asctp_mib_field
asctp_init_cookie(const struct asctp_param_hdr *p, struct asctp_init_info *info)
{
	unsigned int len = ntohs(p->length);

	if (len <= ASCTP_PARAM_HDR_LEN)
		return ASCTP_MIB_IN_BAD_PARAM;
	info->cookie = p + 1;
	info->cookie_len = len - ASCTP_PARAM_HDR_LEN;
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 3.3.2.1: Cookie Preservative, 32 bits of milliseconds. */
static enum asctp_mib_field
asctp_init_preservative(const struct asctp_param_hdr *p,
			struct asctp_init_info *info)
{
	const struct asctp_cookie_preservative *cp = (const void *)p;

	if (ntohs(p->length) != sizeof(*cp))
		return ASCTP_MIB_IN_BAD_PARAM;
	info->cookie_inc_ms = ntohl(cp->inc_ms);
	return ASCTP_MIB_IN_PKTS;
}

/* A peer's address that can be a path, not listed before; beyond
 * ASCTP_MAX_PADDRS unused.
 */
static void asctp_init_paddr(const struct in6_addr *addr,
			     struct asctp_init_info *info)
{
	unsigned int i;

	if (info->n_paddrs == ASCTP_MAX_PADDRS)
		return;
	for (i = 0; i < info->n_paddrs; i++)
		if (asctp_addr_eq(&info->paddrs[i], addr))
			return;
	info->paddrs[info->n_paddrs++] = *addr;
}

/* IPv4: unicast, not the wildcard */
static void asctp_init_v4(__be32 v4, struct asctp_init_info *info)
{
	struct in6_addr addr;

	/* 0.0.0.0/8 is "this network": a source, never a destination */
	if (!(v4 & htonl(0xff000000)) || ipv4_is_lbcast(v4) ||
	    ipv4_is_multicast(v4))
		return;
	asctp_addr_set_v4(&addr, v4);
	asctp_init_paddr(&addr, info);
}

/* IPv6: unicast, not the unspecified address, not IPv4-mapped (an IPv4
 * address has its own parameter); link-local and site-local not yet
 * (no scope to route them by).
 */
static void asctp_init_v6(const struct in6_addr *addr,
			  struct asctp_init_info *info)
{
	int type = ipv6_addr_type(addr);

	if (type & (IPV6_ADDR_MULTICAST | IPV6_ADDR_MAPPED |
		    IPV6_ADDR_LINKLOCAL | IPV6_ADDR_SITELOCAL) ||
	    type == IPV6_ADDR_ANY)
		return;
	asctp_init_paddr(addr, info);
}

/* RFC 5061 4.2.5: Adaptation Layer Indication, 32 bits for the user. */
static enum asctp_mib_field
asctp_init_adaptation(const struct asctp_param_hdr *p,
		      struct asctp_init_info *info)
{
	const struct asctp_adaptation_param *ap = (const void *)p;

	if (ntohs(p->length) != sizeof(*ap))
		return ASCTP_MIB_IN_BAD_PARAM;
	info->adaptation_ind = ntohl(ap->ind);
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 3.3.2.1: IPv4 and IPv6 Address parameters, fixed size. */
static enum asctp_mib_field
asctp_init_addr(const struct asctp_param_hdr *p, struct asctp_init_info *info)
{
	unsigned int want = ntohs(p->type) == ASCTP_PID_IPV4 ? 8 : 20;
	struct in6_addr v6;
	__be32 v4;

	if (ntohs(p->length) != want)
		return ASCTP_MIB_IN_BAD_PARAM;
	info->n_addrs++;
	if (want == 8) {
		memcpy(&v4, p + 1, sizeof(v4));
		asctp_init_v4(v4, info);
	} else {
		memcpy(&v6, p + 1, sizeof(v6));
		asctp_init_v6(&v6, info);
	}
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 3.3.2.1: Supported Address Types, one or more 16-bit types. */
static enum asctp_mib_field
asctp_init_addr_types(const struct asctp_param_hdr *p,
		      struct asctp_init_info *info)
{
	unsigned int len = ntohs(p->length), i;
	const __be16 *t = (const void *)(p + 1);

	if (len < ASCTP_PARAM_HDR_LEN + sizeof(__be16) || len % 2)
		return ASCTP_MIB_IN_BAD_PARAM;
	for (i = 0; i < (len - ASCTP_PARAM_HDR_LEN) / 2; i++) {
		if (t[i] == htons(ASCTP_PID_IPV4))
			info->addr_types |= ASCTP_ADDR_TYPE_V4;
		else if (t[i] == htons(ASCTP_PID_IPV6))
			info->addr_types |= ASCTP_ADDR_TYPE_V6;
	}
	info->addr_types |= ASCTP_ADDR_TYPES_GIVEN;
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 3.3.2.1, 3.3.3.1: one parameter of an INIT or INIT ACK.
 * Sets *@stop when an unknown type says to process no further ones.
 */
static enum asctp_mib_field
asctp_init_param(const struct asctp_param_hdr *p, struct asctp_init_info *info,
		 bool ack, bool *stop)
{
	switch (ntohs(p->type)) {
	case ASCTP_PID_UNRECOGNIZED:
		/* 3.3.3: in an INIT ACK, what the peer did not know in
		 * our INIT; nothing to act on, wherever it is (asctp puts
		 * it before the State Cookie).  An INIT has no such one.
		 */
		if (!ack)
			break;
		return ASCTP_MIB_IN_PKTS;
	case ASCTP_PID_IPV4:
	case ASCTP_PID_IPV6:
		return asctp_init_addr(p, info);
	case ASCTP_PID_STATE_COOKIE:
		return asctp_init_cookie(p, info);
	case ASCTP_PID_COOKIE_PRESERVATIVE:
		return asctp_init_preservative(p, info);
	case ASCTP_PID_SUPPORTED_ADDR_TYPES:
		return asctp_init_addr_types(p, info);
	case ASCTP_PID_ECN_CAPABLE:
		info->ecn = true;
		return ASCTP_MIB_IN_PKTS;
	case ASCTP_PID_ADAPTATION_IND:
		return asctp_init_adaptation(p, info);
	case ASCTP_PID_HOST_NAME:
		/* 3.3.10.5: the parameter goes back whole, if it fits */
		info->abort_cause = ASCTP_CAUSE_UNRESOLVABLE_ADDR;
		if (ntohs(p->length) <= ASCTP_MAX_CAUSE_INFO) {
			info->abort_info = p;
			info->abort_info_len = ntohs(p->length);
		}
		return ASCTP_MIB_IN_BAD_INIT;
	}
	*stop = !asctp_init_unknown(p, info);
	return ASCTP_MIB_IN_PKTS;
}

/* The parameter list, already passed by asctp_tlv_check(). */
static enum asctp_mib_field asctp_init_params(const void *buf,
					      unsigned int len, bool ack,
					      struct asctp_init_info *info)
{
	const struct asctp_param_hdr *p;
	enum asctp_mib_field ret;
	bool stop = false;

	for (p = buf; asctp_tlv_more(p, buf, len); p = asctp_tlv_next(p)) {
		ret = asctp_init_param(p, info, ack, &stop);
		if (ret != ASCTP_MIB_IN_PKTS || stop)
			return ret;
	}
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 3.3.2, 3.3.3: no inbound or outbound streams is an
 * Invalid Mandatory Parameter.
 */
static enum asctp_mib_field asctp_init_streams(struct asctp_init_info *info)
{
	if (!info->os || !info->mis) {
		info->abort_cause = ASCTP_CAUSE_INVALID_PARAM;
		return ASCTP_MIB_IN_BAD_INIT;
	}
	return ASCTP_MIB_IN_PKTS;
}

static void asctp_init_fixed(const struct asctp_init_hdr *ih,
			     struct asctp_init_info *info)
{
	memset(info, 0, sizeof(*info));
	info->init_tag = ntohl(ih->init_tag);
	info->a_rwnd = ntohl(ih->a_rwnd);
	info->init_tsn = ntohl(ih->init_tsn);
	info->os = ntohs(ih->os);
	info->mis = ntohs(ih->mis);
}

/* RFC 9260 3.3.2, 3.3.3.  Silent drops come before aborts: a malformed
 * parameter list, then Initiate Tag 0, then each parameter in turn
 * (a Host Name aborts), then the stream counts, then the State Cookie
 * an INIT ACK must carry (3.3.3).
 */
enum asctp_mib_field asctp_init_parse(const struct asctp_chunk_hdr *ch,
				      struct asctp_init_info *info)
{
	const struct asctp_init_hdr *ih = (const void *)(ch + 1);
	unsigned int len = ntohs(ch->length);
	enum asctp_mib_field ret;

	asctp_init_fixed(ih, info);
	if (len < ASCTP_INIT_MIN_LEN)
		return ASCTP_MIB_IN_BAD_CHUNK;
	len -= ASCTP_INIT_MIN_LEN;
	if (asctp_tlv_check(ih + 1, len, ASCTP_MAX_PARAMS) < 0)
		return ASCTP_MIB_IN_BAD_PARAM;
	if (!info->init_tag)	/* 3.3.2: silently discarded */
		return ASCTP_MIB_IN_BAD_INIT;
	ret = asctp_init_params(ih + 1, len, ch->type == ASCTP_CID_INIT_ACK,
				info);
	if (ret == ASCTP_MIB_IN_PKTS)
		ret = asctp_init_streams(info);
	if (ret == ASCTP_MIB_IN_PKTS && ch->type == ASCTP_CID_INIT_ACK &&
	    !info->cookie) {
		/* 3.3.10.2: one missing, the State Cookie */
		static const u8 no_cookie[] = { 0, 0, 0, 1,
						0, ASCTP_PID_STATE_COOKIE };

		info->abort_cause = ASCTP_CAUSE_MISSING_PARAM;
		info->abort_info = no_cookie;
		info->abort_info_len = sizeof(no_cookie);
		ret = ASCTP_MIB_IN_BAD_INIT;
	}
	return ret;
}
