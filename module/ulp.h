/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Delivery to the user (RFC 9260 10, RFC 6458): messages and
 * notifications queued on the socket's receive queue, read by recvmsg.
 * Called with the socket locked.
 */
#ifndef _ASCTP_ULP_H
#define _ASCTP_ULP_H

#include <linux/skbuff.h>
#include <uapi/linux/sctp.h>

#include "assoc.h"
#include "wire.h"

/* What recvmsg needs about a queued skb (skb->cb). */
struct asctp_rcv_cb {
	s32 assoc_id;
	struct in6_addr paddr;		/* addr.h */
	__be16 pport;
	u16 stream;
	u16 ssn;
	u8 flags;		/* DATA chunk flags; ASCTP_DATA_E ends it */
	bool notification;
	u32 ppid;		/* as on the wire: sinfo_ppid is too */
	u32 tsn;
	union {
		struct {	/* in the reassembly queue (reasm.c) */
			u32 first_tsn;	/* the B of the run this ends */
			u32 run_len;	/* bytes of that run; 0: none */
		};
		struct {	/* from asctp_ulp_deliver() on */
			u32 cum_tsn;
			u32 offset;	/* read by partial recvmsg calls */
		};
	};
	u32 context;		/* SCTP_CONTEXT of the association */
};

#define ASCTP_RCV_CB(skb) ((struct asctp_rcv_cb *)(skb)->cb)

/* A subscription (SCTP_EVENT, SCTP_EVENTS): bit n for notification type
 * SCTP_SN_TYPE_BASE + n, the order of struct sctp_event_subscribe.
 */
static inline bool asctp_event_on(u16 subscribe, u16 type)
{
	return type <= SCTP_SN_TYPE_MAX &&
	       subscribe & BIT(type - SCTP_SN_TYPE_BASE);
}

static inline void asctp_event_set(u16 *subscribe, u16 type, bool on)
{
	if (type > SCTP_SN_TYPE_MAX)
		return;
	if (on)
		*subscribe |= BIT(type - SCTP_SN_TYPE_BASE);
	else
		*subscribe &= ~BIT(type - SCTP_SN_TYPE_BASE);
}

struct sk_buff *asctp_ulp_data_skb(struct asctp_assoc *a,
				   const struct asctp_data_hdr *dh,
				   unsigned int len, u8 flags);
void asctp_ulp_deliver(struct asctp_assoc *a, struct sk_buff *skb,
		       bool piece);
void asctp_ulp_release(struct sock *sk, struct sk_buff_head *q);
void asctp_ulp_assoc_change(struct asctp_assoc *a, u16 state, u16 err);
void asctp_ulp_shutdown_event(struct asctp_assoc *a);
void asctp_ulp_peer_addr_change(struct asctp_assoc *a,
				const struct asctp_path *p, int state, int err);
void asctp_ulp_send_failed(struct asctp_assoc *a, struct sk_buff *chunk,
			   bool sent);
void asctp_ulp_remote_error(struct asctp_assoc *a, __be16 code,
			    const void *body, u32 len);
void asctp_ulp_sender_dry(struct asctp_assoc *a);
void asctp_ulp_adaptation(struct asctp_assoc *a);
void asctp_ulp_pd_aborted(struct asctp_assoc *a);

#endif /* _ASCTP_ULP_H */
