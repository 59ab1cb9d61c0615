// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 9260 Appendix A: CRC32c over the whole packet with the checksum
 * field taken as zero, stored little-endian.  The field is never
 * written here: the skb may be a clone shared with a packet tap.
 */

#include <linux/crc32c.h>
#include <linux/skbuff.h>

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

/* The header at @offset must be in the linear area (pskb_may_pull).
 * The payload is walked in order, so no CRC combine step is needed.
 */
__le32 asctp_crc_skb(const struct sk_buff *skb, unsigned int offset)
{
	u32 crc = asctp_crc_hdr(skb->data + offset);
	struct skb_seq_state st;
	const u8 *data;
	unsigned int pos = 0, len;

	skb_prepare_seq_read((struct sk_buff *)skb, offset + ASCTP_HDR_LEN,
			     skb->len, &st);
	while ((len = skb_seq_read(pos, &data, &st)) != 0) {
		crc = crc32c(crc, data, len);
		pos += len;
	}
	return asctp_crc_finish(crc);
}
