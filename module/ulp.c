// SPDX-License-Identifier: GPL-2.0
/*
 * Delivery to the user: DATA as messages, events as notifications
 * (RFC 6458 6), on the socket's receive queue, and recvmsg.
 */

#include <linux/slab.h>
#include <net/sock.h>

#include "sm.h"
#include "sock.h"
#include "ulp.h"

static void asctp_ulp_queue(struct sock *sk, struct sk_buff *skb)
{
	skb_set_owner_r(skb, sk);
	__skb_queue_tail(&sk->sk_receive_queue, skb);
	sk->sk_data_ready(sk);
}

/* A DATA chunk's user data in an skb of its own, charged to the
 * receive buffer from now on.
 */
struct sk_buff *asctp_ulp_data_skb(struct asctp_assoc *a,
				   const struct asctp_data_hdr *dh,
				   unsigned int len, u8 flags)
{
	struct sk_buff *skb = alloc_skb(len, GFP_ATOMIC);
	struct asctp_rcv_cb *cb;

	BUILD_BUG_ON(sizeof(*cb) > sizeof_field(struct sk_buff, cb));
	if (!skb)
		return NULL;
	skb_put_data(skb, dh + 1, len);
	cb = ASCTP_RCV_CB(skb);
	memset(cb, 0, sizeof(*cb));
	cb->assoc_id = a->id;
	cb->paddr = a->paddr;
	cb->pport = a->pport;
	cb->stream = ntohs(dh->stream);
	cb->ssn = ntohs(dh->ssn);
	cb->flags = flags;
	cb->ppid = (__force u32)dh->ppid;
	cb->tsn = ntohl(dh->tsn);
	skb_set_owner_r(skb, a->sk);
	asctp_sk(a->sk)->rcv_ratio = clamp_t(u32, (len << 8) / skb->truesize,
					     1, 255);
	return skb;
}

/* A message, or a piece of one in partial delivery, for the reader. */
void asctp_ulp_deliver(struct asctp_assoc *a, struct sk_buff *skb)
{
	struct sock *sk = a->sk;

	ASCTP_RCV_CB(skb)->cum_tsn = a->tsnmap.cum;
	ASCTP_RCV_CB(skb)->context = a->opts.rcv_context;
	__skb_queue_tail(&sk->sk_receive_queue, skb);
	sk->sk_data_ready(sk);
}

static struct sk_buff *asctp_ulp_event(struct asctp_assoc *a, size_t len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_ATOMIC);
	struct asctp_rcv_cb *cb;

	if (!skb)
		return NULL;
	cb = ASCTP_RCV_CB(skb);
	memset(cb, 0, sizeof(*cb));
	cb->assoc_id = a->id;
	cb->paddr = a->paddr;
	cb->pport = a->pport;
	cb->notification = true;
	cb->flags = ASCTP_DATA_E;
	return skb;
}

/* RFC 6458 6.1.1: SCTP_ASSOC_CHANGE, if subscribed. */
void asctp_ulp_assoc_change(struct asctp_assoc *a, u16 state, u16 err)
{
	struct sock *sk = a->sk;
	struct sctp_assoc_change *ac;
	struct sk_buff *skb;

	if (!asctp_sk(sk)->events.sctp_association_event ||
	    sock_flag(sk, SOCK_DEAD))
		return;
	skb = asctp_ulp_event(a, sizeof(*ac));
	if (!skb)
		return;
	ac = skb_put_zero(skb, sizeof(*ac));
	ac->sac_type = SCTP_ASSOC_CHANGE;
	ac->sac_length = sizeof(*ac);
	ac->sac_state = state;
	ac->sac_error = err;
	ac->sac_outbound_streams = a->os;
	ac->sac_inbound_streams = a->mis;
	ac->sac_assoc_id = a->id;
	asctp_ulp_queue(sk, skb);
}

/* RFC 6458 6.1.5: SCTP_SHUTDOWN_EVENT; a one-to-one reader also sees
 * the end of the stream once the queue is drained.
 */
void asctp_ulp_shutdown_event(struct asctp_assoc *a)
{
	struct sock *sk = a->sk;
	struct sctp_shutdown_event *se;
	struct sk_buff *skb;

	if (sk->sk_type == SOCK_STREAM) {
		sk->sk_shutdown |= RCV_SHUTDOWN;
		sk->sk_state_change(sk);
	}
	if (!asctp_sk(sk)->events.sctp_shutdown_event ||
	    sock_flag(sk, SOCK_DEAD))
		return;
	skb = asctp_ulp_event(a, sizeof(*se));
	if (!skb)
		return;
	se = skb_put_zero(skb, sizeof(*se));
	se->sse_type = SCTP_SHUTDOWN_EVENT;
	se->sse_length = sizeof(*se);
	se->sse_assoc_id = a->id;
	asctp_ulp_queue(sk, skb);
}
