// SPDX-License-Identifier: GPL-2.0
/* RTO calculation (RFC 9260 6.3.1). */

#include <linux/math.h>
#include <linux/minmax.h>

#include "rto.h"

/* The clock granularity G of 6.3.1 (C3): one microsecond here. */
enum { ASCTP_RTO_G_US = 1 };

static void asctp_rto_set(struct asctp_rto *r, u64 rto_us)
{
	r->rto_ms = clamp_t(u64, DIV_ROUND_UP_ULL(rto_us, 1000), r->min_ms,
			    r->max_ms);
}

void asctp_rto_init(struct asctp_rto *r, u32 initial_ms, u32 min_ms,
		    u32 max_ms)
{
	r->srtt_us = 0;
	r->rttvar_us = 0;
	r->initial_ms = initial_ms;
	r->min_ms = min_ms;
	r->max_ms = max_ms;
	r->rto_ms = clamp(initial_ms, min_ms, max_ms);
}

/* 6.3.1 (C2), (C3): alpha 1/8, beta 1/4; an RTT of 0 counts as 1 us. */
void asctp_rto_sample(struct asctp_rto *r, u32 rtt_us)
{
	u32 err;

	rtt_us = max(rtt_us, 1U);
	if (!r->srtt_us) {
		r->srtt_us = rtt_us;
		r->rttvar_us = rtt_us / 2;
	} else {
		err = r->srtt_us > rtt_us ? r->srtt_us - rtt_us :
					     rtt_us - r->srtt_us;
		r->rttvar_us = r->rttvar_us - r->rttvar_us / 4 + err / 4;
		r->srtt_us = r->srtt_us - r->srtt_us / 8 + rtt_us / 8;
	}
	asctp_rto_set(r, (u64)r->srtt_us +
			 max_t(u64, ASCTP_RTO_G_US, 4ULL * r->rttvar_us));
}

/* 6.3.3 (E2): back off, up to RTO.Max. */
void asctp_rto_backoff(struct asctp_rto *r)
{
	r->rto_ms = min_t(u64, 2ULL * r->rto_ms, r->max_ms);
}
