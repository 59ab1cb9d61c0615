// SPDX-License-Identifier: GPL-2.0
/* Congestion control (RFC 9260 7.2). */

#include <linux/minmax.h>

#include "cc.h"

/* 7.2.1: min(4*MTU, max(2*MTU, 4404)) */
static u32 asctp_cc_initial(const struct asctp_cc *cc)
{
	return min(4 * cc->mtu, max(2 * cc->mtu, 4404U));
}

/* 7.2.3: max(cwnd/2, 4*MTU) */
static u32 asctp_cc_half(const struct asctp_cc *cc)
{
	return max(cc->cwnd / 2, 4 * cc->mtu);
}

void asctp_cc_init(struct asctp_cc *cc, u32 mtu, u32 peer_rwnd)
{
	cc->mtu = mtu;
	cc->cwnd = asctp_cc_initial(cc);
	cc->ssthresh = max(peer_rwnd, cc->cwnd);	/* 7.2.1: arbitrarily high */
	cc->pba = 0;
}

/* A SACK acknowledged @bytes of new data while @flight_before bytes
 * were outstanding.  cwnd grows only when it was in use: within one
 * MTU of full, as messages seldom fill it exactly.
 */
void asctp_cc_acked(struct asctp_cc *cc, u32 bytes, u32 flight_before,
		    bool cum_moved)
{
	bool full = flight_before + cc->mtu > cc->cwnd;

	if (cc->cwnd <= cc->ssthresh) {
		/* 7.2.1: slow start, at most one MTU per SACK */
		if (cum_moved && full)
			cc->cwnd += min(bytes, cc->mtu);
		return;
	}
	/* 7.2.2: congestion avoidance, one MTU per cwnd of bytes acked */
	cc->pba += bytes;
	if (cum_moved && full && cc->pba >= cc->cwnd) {
		cc->pba -= cc->cwnd;
		cc->cwnd += cc->mtu;
	}
}

/* 7.2.2: all outstanding data acknowledged. */
void asctp_cc_flight_empty(struct asctp_cc *cc)
{
	cc->pba = 0;
}

/* 7.2.4 (2): entering fast recovery. */
void asctp_cc_fast_rtx(struct asctp_cc *cc)
{
	cc->ssthresh = asctp_cc_half(cc);
	cc->cwnd = cc->ssthresh;
	cc->pba = 0;
}

/* 7.2.3: T3-rtx expired: back to one MTU. */
void asctp_cc_timeout(struct asctp_cc *cc)
{
	cc->ssthresh = asctp_cc_half(cc);
	cc->cwnd = cc->mtu;
	cc->pba = 0;
}

/* 7.2.1: no data sent for an RTO: halve, not below the initial. */
void asctp_cc_idle(struct asctp_cc *cc)
{
	cc->cwnd = max(cc->cwnd / 2, asctp_cc_initial(cc));
}
