/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bounds checks for chunks and their parameters (RFC 9260 3.2, 3.2.1).
 * Pure functions over a linear buffer: softirq-safe, no allocation, no
 * state, covered by KUnit.  A packet's chunks are all checked before the
 * first is acted on, so the dispatcher may trust every length.
 */
#ifndef _ASCTP_CHUNK_H
#define _ASCTP_CHUNK_H

#include <linux/in6.h>

#include "mib.h"
#include "wire.h"

enum asctp_chunk_limit {
	ASCTP_MAX_PARAMS	= 128,	/* per chunk; more is a drop */
	ASCTP_MAX_UNREC		= 8,	/* unrecognized params reported */
	/* ... taking at most this much, wrapped in type 8 parameters or
	 * causes: the INIT ACK or ERROR that reports them must still fit
	 * its 16-bit length (a 64 KiB INIT could report 64 KiB).
	 */
	ASCTP_MAX_UNREC_LEN	= 1024,
	ASCTP_MAX_PADDRS	= 8,	/* peer addresses used as paths */
};

/* Every chunk of a packet: header present, length at least the fixed
 * part of its type (exact for fixed-size types), padded length inside
 * the packet, and INIT, INIT ACK and SHUTDOWN COMPLETE alone (3.3).
 * @buf: the first chunk; @len: bytes from there to the packet's end.
 * Returns ASCTP_MIB_IN_PKTS if all is well, else the drop counter.
 */
enum asctp_mib_field asctp_chunk_check(const void *buf, unsigned int len);

/* Length of a chunk (or parameter) rounded up to 4 bytes. */
static inline unsigned int asctp_pad4(unsigned int len)
{
	return (len + 3) & ~3U;
}

/* Walking the chunks of a packet already passed by asctp_chunk_check():
 *	for (ch = buf; asctp_chunk_more(ch, buf, len); ch = asctp_chunk_next(ch))
 */
static inline bool asctp_chunk_more(const struct asctp_chunk_hdr *ch,
				    const void *buf, unsigned int len)
{
	return (const u8 *)ch < (const u8 *)buf + len;
}

static inline const struct asctp_chunk_hdr *
asctp_chunk_next(const struct asctp_chunk_hdr *ch)
{
	return (const void *)ch + asctp_pad4(ntohs(ch->length));
}

/* Type-length-value items: parameters and error causes share a shape.
 * Checks each item's length (at least 4, padded inside the buffer; the
 * last item may lack its padding, as 3.2 allows) and that there are at
 * most @max of them.  Returns the number of items or -EINVAL.
 */
int asctp_tlv_check(const void *buf, unsigned int len, unsigned int max);

/* Walking items passed by asctp_tlv_check(), like chunks above. */
static inline bool asctp_tlv_more(const struct asctp_param_hdr *p,
				  const void *buf, unsigned int len)
{
	return (const u8 *)p + ASCTP_PARAM_HDR_LEN <= (const u8 *)buf + len;
}

static inline const struct asctp_param_hdr *
asctp_tlv_next(const struct asctp_param_hdr *p)
{
	return (const void *)p + asctp_pad4(ntohs(p->length));
}

/* RFC 9260 3.3.10: the error cause at *@off of the @len bytes at @buf,
 * or NULL when no whole one is left; *@off moves past it and its
 * padding.  Unlike asctp_tlv_check() a malformed cause only ends the
 * walk: the ones before it are still reported (ERROR).
 */
const struct asctp_cause_hdr *asctp_cause_next(const void *buf,
					       unsigned int len,
					       unsigned int *off);

/* RFC 9260 3.3.4: @n Gap Ack Blocks in ascending order, not
 * overlapping, none starting at 0, as we send them.  The SACK's
 * length was checked by asctp_chunk_check().
 */
bool asctp_sack_gaps_ok(const struct asctp_sack_gap *g, unsigned int n);

/* Supported Address Types (3.3.2.1): without the parameter, all. */
enum asctp_addr_type {
	ASCTP_ADDR_TYPE_V4	= 1,
	ASCTP_ADDR_TYPE_V6	= 2,
	ASCTP_ADDR_TYPES_GIVEN	= 4,	/* the parameter was there */
};

/* What an INIT or INIT ACK says (3.3.2, 3.3.3), in host order. */
struct asctp_init_info {
	u32 init_tag;
	u32 a_rwnd;
	u32 init_tsn;
	u16 os;
	u16 mis;
	/* INIT ACK only: the State Cookie parameter's value */
	const void *cookie;
	u16 cookie_len;
	u32 cookie_inc_ms;	/* Cookie Preservative, 0 if absent */
	u16 n_addrs;		/* IPv4 and IPv6 address parameters */
	/* the usable ones (asctp_init_v4(), _v6()), in order (addr.h) */
	struct in6_addr paddrs[ASCTP_MAX_PADDRS];
	u8 n_paddrs;
	u8 addr_types;		/* enum asctp_addr_type bits */
	bool ecn;		/* ECN Capable */
	u32 adaptation_ind;	/* RFC 5061 4.2.5, 0 if absent */
	/* Parameters whose type says "report" (upper bit 0 set), to be
	 * returned as Unrecognized Parameter; at most ASCTP_MAX_UNREC
	 * and ASCTP_MAX_UNREC_LEN, the others not reported.
	 */
	const struct asctp_param_hdr *unrec[ASCTP_MAX_UNREC];
	u8 n_unrec;
	u16 unrec_len;		/* their lengths, padded, plus 4 each */
	/* If nonzero the caller answers with an ABORT carrying this cause
	 * (enum asctp_cause_code) instead of proceeding, with the cause's
	 * abort_info_len bytes of information at abort_info (3.3.10).
	 */
	u16 abort_cause;
	u16 abort_info_len;
	const void *abort_info;
};

/* Parse an INIT or INIT ACK chunk of @len bytes (its header length,
 * already checked by asctp_chunk_check()).  Returns ASCTP_MIB_IN_PKTS
 * when the chunk may be acted on, ASCTP_MIB_IN_BAD_PARAM for a
 * malformed parameter list, ASCTP_MIB_IN_BAD_INIT for fields the RFC
 * says to discard or abort on (info->abort_cause tells which).
 */
enum asctp_mib_field asctp_init_parse(const struct asctp_chunk_hdr *ch,
				      struct asctp_init_info *info);

#endif /* _ASCTP_CHUNK_H */
