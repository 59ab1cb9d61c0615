// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 9260 Appendix A: CRC32c over the whole packet with the checksum
 * field taken as zero, stored little-endian.  The field is never
 * written here: the skb may be a clone shared with a packet tap.
 */

#include <linux/crc32c.h>
#include <linux/skbuff.h>

#include "compat.h"
#include "crc.h"
#include "wire.h"

static const u8 asctp_crc_zero[sizeof(__le32)];

/* The common header up to and including a zeroed checksum field. */
static u32 asctp_crc_hdr(const void *hdr)
{
	u32 crc = crc32c(~0, hdr, ASCTP_CSUM_OFFSET);

	return crc32c(crc, asctp_crc_zero, sizeof(asctp_crc_zero));
}

/* @len must be at least ASCTP_HDR_LEN. */
__le32 asctp_crc_buf(const void *pkt, unsigned int len)
{
	u32 crc = asctp_crc_hdr(pkt);

	crc = crc32c(crc, pkt + ASCTP_HDR_LEN, len - ASCTP_HDR_LEN);
	return asctp_crc_finish(crc);
}

static __wsum asctp_csum_update(const void *buf, int len, __wsum sum)
{
	return (__force __wsum)crc32c((__force u32)sum, buf, len);
}

static __wsum asctp_csum_combine(__wsum csum, __wsum csum2, int offset,
				 int len)
{
	return (__force __wsum)asctp_crc32c_combine((__force u32)csum,
						    (__force u32)csum2, len);
}

static const struct skb_checksum_ops asctp_csum_ops = {
	.update  = asctp_csum_update,
	.combine = asctp_csum_combine,
};

/* The header at @offset must be in the linear area (pskb_may_pull). */
__le32 asctp_crc_skb(const struct sk_buff *skb, unsigned int offset)
{
	u32 crc = asctp_crc_hdr(skb->data + offset);
	__wsum sum;

	offset += ASCTP_HDR_LEN;
	sum = __skb_checksum(skb, offset, skb->len - offset,
			     (__force __wsum)crc, &asctp_csum_ops);
	return asctp_crc_finish((__force u32)sum);
}
