/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Retransmission timeout (RFC 9260 6.3.1): SRTT and RTTVAR from RTT
 * samples, RTO clamped to [RTO.Min, RTO.Max], doubled on expiry.
 * Pure; the caller serializes.
 */
#ifndef _ASCTP_RTO_H
#define _ASCTP_RTO_H

#include <linux/types.h>

/* RFC 9260 16 defaults; SCTP_RTOINFO sets them per association. */
enum asctp_rto_default {
	ASCTP_RTO_INITIAL_MS	= 1000,
	ASCTP_RTO_MIN_MS	= 1000,
	ASCTP_RTO_MAX_MS	= 60000,
	ASCTP_RTO_LIMIT_MS	= 86400000,	/* SCTP_RTOINFO: a day */
};

struct asctp_rto {
	u32 srtt_us;			/* 0: no sample yet */
	u32 rttvar_us;
	u32 rto_ms;
	u32 initial_ms;
	u32 min_ms;
	u32 max_ms;
};

void asctp_rto_init(struct asctp_rto *r, u32 initial_ms, u32 min_ms,
		    u32 max_ms);
void asctp_rto_sample(struct asctp_rto *r, u32 rtt_us);
void asctp_rto_backoff(struct asctp_rto *r);

#endif /* _ASCTP_RTO_H */
