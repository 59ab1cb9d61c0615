// SPDX-License-Identifier: GPL-2.0
/*
 * ERROR chunks received in an association (RFC 9260 3.3.10): each
 * cause goes to the user as an SCTP_REMOTE_ERROR notification, but a
 * Stale Cookie in COOKIE-ECHOED, which restarts the handshake (5.2.6).
 */

#include "assoc.h"
#include "chunk.h"
#include "sm.h"
#include "ulp.h"
#include "wire.h"

/* RFC 9260 5.2.6: a Stale Cookie (3.3.10.3) answering our COOKIE
 * ECHO.  Returns whether it was one; the association then went back
 * to COOKIE-WAIT, or ended, and the packet's other chunks are not for
 * it any more.
 */
static bool asctp_sm_error_stale(struct asctp_rx *rx,
				 const struct asctp_cause_hdr *c)
{
	__be32 stale_us;

	if (rx->a->state != ASCTP_S_COOKIE_ECHOED ||
	    c->code != htons(ASCTP_CAUSE_STALE_COOKIE) ||
	    ntohs(c->length) != ASCTP_CAUSE_HDR_LEN + sizeof(stale_us))
		return false;
	memcpy(&stale_us, c + 1, sizeof(stale_us));
	asctp_sm_cookie_stale(rx->a, ntohl(stale_us));
	rx->stop = true;
	return true;
}

/* RFC 9260 3.3.10: an ERROR's causes; a malformed one ends the walk. */
enum asctp_mib_field asctp_sm_error(struct asctp_rx *rx)
{
	unsigned int len = ntohs(rx->ch->length) - ASCTP_CHUNK_HDR_LEN, off = 0;
	const struct asctp_cause_hdr *c;

	while ((c = asctp_cause_next(rx->ch + 1, len, &off))) {
		if (asctp_sm_error_stale(rx, c))
			break;
		asctp_ulp_remote_error(rx->a, c->code, c + 1,
				       ntohs(c->length) - ASCTP_CAUSE_HDR_LEN);
	}
	return ASCTP_MIB_IN_PKTS;
}
