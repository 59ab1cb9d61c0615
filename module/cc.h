/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Congestion control of one destination (RFC 9260 7.2): slow start,
 * congestion avoidance with partial_bytes_acked, the reactions to fast
 * retransmit and to T3-rtx, and the reset after idle.  Pure; the
 * caller serializes.
 */
#ifndef _ASCTP_CC_H
#define _ASCTP_CC_H

#include <linux/types.h>

struct asctp_cc {
	u32 cwnd;
	u32 ssthresh;
	u32 pba;			/* partial_bytes_acked (7.2.2) */
	u32 mtu;
};

void asctp_cc_init(struct asctp_cc *cc, u32 mtu, u32 peer_rwnd);
void asctp_cc_acked(struct asctp_cc *cc, u32 bytes, u32 flight_before,
		    bool cum_moved);
void asctp_cc_flight_empty(struct asctp_cc *cc);
void asctp_cc_fast_rtx(struct asctp_cc *cc);
void asctp_cc_timeout(struct asctp_cc *cc);
void asctp_cc_idle(struct asctp_cc *cc);

#endif /* _ASCTP_CC_H */
