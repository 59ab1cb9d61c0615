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
	unsigned int len = ntohs(rx->ch->length) - ASCTP_CHUNK_HDR_LEN, off = 0;
	const struct asctp_cause_hdr *c;

	while ((c = asctp_cause_next(rx->ch + 1, len, &off)))
		asctp_ulp_remote_error(rx->a, c->code, c + 1,
				       ntohs(c->length) - ASCTP_CAUSE_HDR_LEN);
	return ASCTP_MIB_IN_PKTS;
}
