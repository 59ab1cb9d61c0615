// SPDX-License-Identifier: GPL-2.0
/*
 * Delivery to the user: DATA as messages, events as notifications
 * (RFC 6458 6), on the socket's receive queue, and recvmsg.
 */

#include <linux/slab.h>
#include <net/sock.h>

#include "mem.h"
#include "obj.h"
#include "reasm.h"
#include "sm.h"
#include "sock.h"
#include "ulp.h"

static void asctp_ulp_to_reader(struct sock *sk, struct sk_buff *skb)
{
	__skb_queue_tail(&sk->sk_receive_queue, skb);
	sk->sk_data_ready(sk);
}

/* RFC 6458 8.1.20: while a message is in partial delivery, the reader
 * sees nothing else of its association in between, and at level 0
 * nothing else at all.  What is due meanwhile, messages and
 * notifications, waits in arrival order in the association's held
 * queue, or the socket's once the association is gone; reasm.c lets
 * it go when the partial delivery ends.
 */
static void asctp_ulp_enqueue(struct asctp_assoc *a, struct sk_buff *skb)
{
	struct asctp_sock *as = asctp_sk(a->sk);

	if (!asctp_reasm_holding(a))
		asctp_ulp_to_reader(a->sk, skb);
	else if (!a->dead)
		__skb_queue_tail(&a->held, skb);
	else if (!as->closing)
		__skb_queue_tail(&as->held, skb);
	else
		kfree_skb(skb);		/* nobody will read it */
}

/* A notification, charged to the receive buffer like data. */
static void asctp_ulp_queue(struct asctp_assoc *a, struct sk_buff *skb)
{
	asctp_mem_rcharge_event(a->sk, skb);
	asctp_ulp_enqueue(a, skb);
}

/* What @q held back goes to the reader, in its order. */
void asctp_ulp_release(struct sock *sk, struct sk_buff_head *q)
{
	if (skb_queue_empty(q))
		return;
	skb_queue_splice_tail_init(q, &sk->sk_receive_queue);
	sk->sk_data_ready(sk);
}

/* A DATA chunk's user data in an skb of its own, for the caller to
 * charge to the receive buffer.
 */
struct sk_buff *asctp_ulp_data_skb(struct asctp_assoc *a,
				   const struct asctp_data_hdr *dh,
				   unsigned int len, u8 flags)
{
	struct sk_buff *skb;
	struct asctp_rcv_cb *cb;

	BUILD_BUG_ON(sizeof(*cb) > sizeof_field(struct sk_buff, cb));
	skb = asctp_obj_fail(len) ? NULL : alloc_skb(len, GFP_ATOMIC);
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
	asctp_sk(a->sk)->rcv_ratio = clamp_t(u32, (len << 8) / skb->truesize,
					     1, 255);
	return skb;
}

/* A message, or a piece of the one in partial delivery (@piece), for
 * the reader.
 */
void asctp_ulp_deliver(struct asctp_assoc *a, struct sk_buff *skb,
		       bool piece)
{
	ASCTP_RCV_CB(skb)->cum_tsn = a->tsnmap.cum;
	ASCTP_RCV_CB(skb)->offset = 0;		/* was reasm.c's run_len */
	ASCTP_RCV_CB(skb)->context = a->opts.rcv_context;
	if (piece)
		asctp_ulp_to_reader(a->sk, skb);
	else
		asctp_ulp_enqueue(a, skb);
}

static struct sk_buff *asctp_ulp_event(struct asctp_assoc *a, size_t len)
{
	struct sk_buff *skb;
	struct asctp_rcv_cb *cb;

	skb = asctp_obj_fail(len) ? NULL : alloc_skb(len, GFP_ATOMIC);
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

	if (!asctp_event_on(a->subscribe, SCTP_ASSOC_CHANGE) ||
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
	asctp_ulp_queue(a, skb);
}

/* RFC 6458 6.1.2: SCTP_PEER_ADDR_CHANGE, if subscribed: a path's new
 * state (SCTP_ADDR_AVAILABLE, ...) and why (enum sctp_sn_error).
 */
void asctp_ulp_peer_addr_change(struct asctp_assoc *a,
				const struct asctp_path *p, int state, int err)
{
	struct sock *sk = a->sk;
	struct sctp_paddr_change *pc;
	struct sk_buff *skb;

	if (!asctp_event_on(a->subscribe, SCTP_PEER_ADDR_CHANGE) ||
	    sock_flag(sk, SOCK_DEAD))
		return;
	skb = asctp_ulp_event(a, sizeof(*pc));
	if (!skb)
		return;
	pc = skb_put_zero(skb, sizeof(*pc));
	pc->spc_type = SCTP_PEER_ADDR_CHANGE;
	pc->spc_length = sizeof(*pc);
	asctp_addr_to_user(sk, &p->addr, a->pport, &pc->spc_aaddr);
	pc->spc_state = state;
	pc->spc_error = err;
	pc->spc_assoc_id = a->id;
	asctp_ulp_queue(a, skb);
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
	if (!asctp_event_on(a->subscribe, SCTP_SHUTDOWN_EVENT) ||
	    sock_flag(sk, SOCK_DEAD))
		return;
	skb = asctp_ulp_event(a, sizeof(*se));
	if (!skb)
		return;
	se = skb_put_zero(skb, sizeof(*se));
	se->sse_type = SCTP_SHUTDOWN_EVENT;
	se->sse_length = sizeof(*se);
	se->sse_assoc_id = a->id;
	asctp_ulp_queue(a, skb);
}

/* RFC 6458 6.1.4, 6.1.11: a DATA chunk that never got through, its
 * user data included: SCTP_SEND_FAILED_EVENT, or the older
 * SCTP_SEND_FAILED, whichever the user subscribed to.
 */
void asctp_ulp_send_failed(struct asctp_assoc *a, struct sk_buff *chunk,
			   bool sent)
{
	const struct asctp_data_hdr *dh = (void *)(chunk->data +
						   ASCTP_CHUNK_HDR_LEN);
	bool old = asctp_event_on(a->subscribe, SCTP_SEND_FAILED);
	bool new = asctp_event_on(a->subscribe, SCTP_SEND_FAILED_EVENT);
	u32 len = ASCTP_TX_CB(chunk)->len - ASCTP_DATA_MIN_LEN;
	u16 flags = sent ? SCTP_DATA_SENT : SCTP_DATA_UNSENT;
	struct sctp_send_failed_event *e;
	struct sctp_send_failed *f;
	struct sk_buff *skb;

	if ((!old && !new) || sock_flag(a->sk, SOCK_DEAD))
		return;
	skb = asctp_ulp_event(a, sizeof(*e) + len);
	if (!skb)
		return;
	if (new) {
		e = skb_put_zero(skb, sizeof(*e));
		e->ssf_type = SCTP_SEND_FAILED_EVENT;
		e->ssf_flags = flags;
		e->ssf_length = sizeof(*e) + len;
		e->ssf_error = a->err;
		e->ssfe_info.snd_sid = ntohs(dh->stream);
		e->ssfe_info.snd_flags = chunk->data[1] & ASCTP_DATA_U ?
					 SCTP_UNORDERED : 0;
		e->ssfe_info.snd_ppid = (__force u32)dh->ppid;
		e->ssfe_info.snd_context = ASCTP_TX_CB(chunk)->context;
		e->ssfe_info.snd_assoc_id = a->id;
		e->ssf_assoc_id = a->id;
	} else {
		f = skb_put_zero(skb, sizeof(*f));
		f->ssf_type = SCTP_SEND_FAILED;
		f->ssf_flags = flags;
		f->ssf_length = sizeof(*f) + len;
		f->ssf_error = a->err;
		f->ssf_info.sinfo_stream = ntohs(dh->stream);
		f->ssf_info.sinfo_ssn = ntohs(dh->ssn);
		f->ssf_info.sinfo_flags = chunk->data[1] & ASCTP_DATA_U ?
					  SCTP_UNORDERED : 0;
		f->ssf_info.sinfo_ppid = (__force u32)dh->ppid;
		f->ssf_info.sinfo_context = ASCTP_TX_CB(chunk)->context;
		f->ssf_info.sinfo_assoc_id = a->id;
		f->ssf_assoc_id = a->id;
	}
	skb_put_data(skb, dh + 1, len);
	asctp_ulp_queue(a, skb);
}

/* RFC 6458 6.1.3: SCTP_REMOTE_ERROR, one per cause of an ERROR chunk;
 * sre_error stays in network order, as in the kernel's header.
 */
void asctp_ulp_remote_error(struct asctp_assoc *a, __be16 code,
			    const void *body, u32 len)
{
	struct sctp_remote_error *re;
	struct sk_buff *skb;

	if (!asctp_event_on(a->subscribe, SCTP_REMOTE_ERROR) ||
	    sock_flag(a->sk, SOCK_DEAD))
		return;
	skb = asctp_ulp_event(a, sizeof(*re) + len);
	if (!skb)
		return;
	re = skb_put_zero(skb, sizeof(*re));
	re->sre_type = SCTP_REMOTE_ERROR;
	re->sre_length = sizeof(*re) + len;
	re->sre_error = code;
	re->sre_assoc_id = a->id;
	skb_put_data(skb, body, len);
	asctp_ulp_queue(a, skb);
}

/* RFC 6458 6.1.9: SCTP_SENDER_DRY_EVENT, nothing left to send or ack. */
void asctp_ulp_sender_dry(struct asctp_assoc *a)
{
	struct sctp_sender_dry_event *sd;
	struct sk_buff *skb;

	if (!asctp_event_on(a->subscribe, SCTP_SENDER_DRY_EVENT) ||
	    sock_flag(a->sk, SOCK_DEAD))
		return;
	skb = asctp_ulp_event(a, sizeof(*sd));
	if (!skb)
		return;
	sd = skb_put_zero(skb, sizeof(*sd));
	sd->sender_dry_type = SCTP_SENDER_DRY_EVENT;
	sd->sender_dry_length = sizeof(*sd);
	sd->sender_dry_assoc_id = a->id;
	asctp_ulp_queue(a, skb);
}

/* RFC 6458 6.1.6: SCTP_ADAPTATION_INDICATION, right after COMM_UP,
 * if the peer sent an Adaptation Layer Indication (RFC 5061 4.2.5)
 * other than 0, as the kernel's.
 */
void asctp_ulp_adaptation(struct asctp_assoc *a)
{
	struct sctp_adaptation_event *ae;
	struct sk_buff *skb;

	if (!a->peer_adaptation_ind ||
	    !asctp_event_on(a->subscribe, SCTP_ADAPTATION_INDICATION) ||
	    sock_flag(a->sk, SOCK_DEAD))
		return;
	skb = asctp_ulp_event(a, sizeof(*ae));
	if (!skb)
		return;
	ae = skb_put_zero(skb, sizeof(*ae));
	ae->sai_type = SCTP_ADAPTATION_INDICATION;
	ae->sai_length = sizeof(*ae);
	ae->sai_adaptation_ind = a->peer_adaptation_ind;
	ae->sai_assoc_id = a->id;
	asctp_ulp_queue(a, skb);
}

/* RFC 6458 6.1.7: SCTP_PARTIAL_DELIVERY_EVENT, ABORTED: the
 * association ends while the reader holds part of a message, which
 * will never end.  Queued behind the pieces delivered, before the
 * COMM_LOST that follows, as the kernel's sctp_ulpq_abort_pd() (it
 * gives stream and sequence 0 when not interleaving; RFC 6458 asks
 * for the message's, which we give).
 */
void asctp_ulp_pd_aborted(struct asctp_assoc *a)
{
	struct sctp_pdapi_event *pe;
	struct sk_buff *skb;

	if (!a->pd || !asctp_event_on(a->subscribe, SCTP_PARTIAL_DELIVERY_EVENT) ||
	    sock_flag(a->sk, SOCK_DEAD))
		return;
	skb = asctp_ulp_event(a, sizeof(*pe));
	if (!skb)
		return;
	pe = skb_put_zero(skb, sizeof(*pe));
	pe->pdapi_type = SCTP_PARTIAL_DELIVERY_EVENT;
	pe->pdapi_length = sizeof(*pe);
	pe->pdapi_indication = SCTP_PARTIAL_DELIVERY_ABORTED;
	pe->pdapi_assoc_id = a->id;
	pe->pdapi_stream = a->pd_stream;
	pe->pdapi_seq = a->pd_ssn;
	asctp_mem_rcharge_event(a->sk, skb);
	asctp_ulp_to_reader(a->sk, skb);	/* behind the pieces */
}
