// SPDX-License-Identifier: GPL-2.0
/*
 * ERROR chunks received in an association (RFC 9260 3.3.10): each
 * cause goes to the user as an SCTP_REMOTE_ERROR notification.
 */

#include "assoc.h"
#include "chunk.h"
#include "sm.h"
#include "ulp.h"
#include "wire.h"

/* RFC 9260 3.3.10: an ERROR's causes; a malformed one ends the walk. */
enum asctp_mib_field asctp_sm_error(struct asctp_rx *rx)
{
	const u8 *p = (const u8 *)rx->ch;
	u32 end = ntohs(rx->ch->length), off = ASCTP_CHUNK_HDR_LEN, len;
	const struct asctp_cause_hdr *c;

	while (off + ASCTP_CAUSE_HDR_LEN <= end) {
		c = (const void *)(p + off);
		len = ntohs(c->length);
		if (len < ASCTP_CAUSE_HDR_LEN || off + len > end)
			break;
		asctp_ulp_remote_error(rx->a, c->code, c + 1,
				       len - ASCTP_CAUSE_HDR_LEN);
		off += asctp_pad4(len);
	}
	return ASCTP_MIB_IN_PKTS;
}
