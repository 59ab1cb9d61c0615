/* SPDX-License-Identifier: GPL-2.0 */
/* RFC 9260 Appendix A: the CRC32c checksum of an SCTP packet. */
#ifndef _ASCTP_CRC_H
#define _ASCTP_CRC_H

#include <linux/types.h>
#include <asm/byteorder.h>

struct sk_buff;

/* Appendix A: the final bit inversion, stored little-endian. */
static inline __le32 asctp_crc_finish(u32 crc)
{
	return cpu_to_le32(~crc);
}

__le32 asctp_crc_buf(const void *pkt, unsigned int len);
__le32 asctp_crc_skb(const struct sk_buff *skb, unsigned int offset);

#endif /* _ASCTP_CRC_H */
