// SPDX-License-Identifier: GPL-2.0
/*
 * The sender's side of a SACK (RFC 9260 6.2.1): chunks the cumulative
 * TSN covers are freed, those in Gap Ack Blocks marked, the missing
 * ones counted towards fast retransmit (7.2.4); an RTT is measured
 * (6.3.1) and cwnd grows (7.2.1, 7.2.2).
 */

#include "chunk.h"
#include "mem.h"
#include "sm.h"
#include "sock.h"
#include "timer.h"
#include "ulp.h"

/* What one SACK acknowledged. */
struct asctp_acked {
	u32 cum;
	u32 bytes;			/* newly acknowledged */
	u32 htna;			/* highest TSN newly acknowledged */
	u32 flight_before;
	bool any;			/* htna is set */
	bool cum_moved;
};

/* 6.3.1 (C5): the timed chunk is acknowledged; Karn's rule already
 * dropped the timing if it was sent again.
 */
static void asctp_sack_rtt(struct asctp_assoc *a, struct asctp_tx_cb *cb)
{
	if (!a->rtt_pending || cb->tsn != a->rtt_tsn)
		return;
	a->rtt_pending = false;
	asctp_rto_sample(&cb->path->rto,
			 ktime_us_delta(ktime_get(), a->rtt_sent));
	asctp_path_rto_seen(a, cb->path);
}

static void asctp_sack_newly(struct asctp_assoc *a, struct sk_buff *skb,
			     struct asctp_acked *ack)
{
	struct asctp_tx_cb *cb = ASCTP_TX_CB(skb);

	if (cb->rtx) {
		cb->rtx = 0;
		a->nrtx--;
	} else {
		a->flight -= cb->len;
	}
	ack->bytes += cb->len;
	ack->htna = cb->tsn;
	ack->any = true;
	asctp_sack_rtt(a, cb);
	/* 8.1, 8.2: the peer and the path it went to are alive */
	asctp_path_alive(a, cb->path, SCTP_RECEIVED_SACK);
}

/* 6.2.1 (D)(ii): free what the cumulative TSN covers. */
static void asctp_sack_cum(struct asctp_assoc *a, struct asctp_acked *ack)
{
	struct sock *sk = a->sk;
	struct sk_buff *skb;

	while ((skb = skb_peek(&a->sentq)) &&
	       !asctp_tsn_after(ASCTP_TX_CB(skb)->tsn, ack->cum)) {
		__skb_unlink(skb, &a->sentq);
		if (!ASCTP_TX_CB(skb)->acked)
			asctp_sack_newly(a, skb, ack);
		asctp_mem_wuncharge(sk, skb);
		consume_skb(skb);
	}
	a->acked_tsn = ack->cum;
}

/* 6.2.1 (D)(iii): mark what the Gap Ack Blocks cover.  A chunk marked
 * once stays marked until the cumulative TSN covers it: a receiver
 * that reneges is caught by T3-rtx (asctp_sm_t3_expire()).
 */
static void asctp_sack_gaps(struct asctp_assoc *a,
			    const struct asctp_sack_gap *g, unsigned int n,
			    struct asctp_acked *ack)
{
	struct sk_buff *skb;
	unsigned int i = 0;
	u32 off;

	skb_queue_walk(&a->sentq, skb) {
		off = ASCTP_TX_CB(skb)->tsn - ack->cum;
		while (i < n && off > ntohs(g[i].end))
			i++;
		if (i == n)
			break;
		if (off < ntohs(g[i].start) || ASCTP_TX_CB(skb)->acked)
			continue;
		ASCTP_TX_CB(skb)->acked = 1;
		asctp_sack_newly(a, skb, ack);
	}
}

/* Mark a chunk to be sent again; it leaves the flight. */
void asctp_sm_mark_rtx(struct asctp_assoc *a, struct sk_buff *skb)
{
	struct asctp_tx_cb *cb = ASCTP_TX_CB(skb);

	cb->rtx = 1;
	a->nrtx++;
	a->flight -= cb->len;
	if (a->rtt_pending && a->rtt_tsn == cb->tsn)
		a->rtt_pending = false;		/* 6.3.1 (C5): Karn */
}

/* 7.2.4: a miss indication for each chunk still missing below the
 * highest TSN this SACK newly acknowledged (HTNA); the third sends it
 * again at once, and the first such enters fast recovery.
 */
static void asctp_sack_misses(struct asctp_assoc *a,
			      const struct asctp_acked *ack)
{
	struct asctp_tx_cb *cb;
	struct sk_buff *skb;
	bool marked = false;

	if (!ack->any)
		return;
	skb_queue_walk(&a->sentq, skb) {
		cb = ASCTP_TX_CB(skb);
		if (!asctp_tsn_after(ack->htna, cb->tsn))
			break;
		if (cb->acked || cb->rtx || cb->fast ||
		    ++cb->miss < ASCTP_FAST_RTX_MISSES)
			continue;
		cb->fast = 1;
		asctp_sm_mark_rtx(a, skb);
		marked = true;
	}
	if (!marked)
		return;
	a->fast_rtx_now = true;
	if (a->fast_recovery)
		return;
	a->fast_recovery = true;
	a->recover = a->next_tsn - 1;
	asctp_cc_fast_rtx(&a->active->cc);
	asctp_mib_inc(sock_net(a->sk), ASCTP_MIB_FAST_RECOVERIES);
}

/* Cumulative TSN and Gap Ack Blocks; after it the caller sends. */
static void asctp_sack_process(struct asctp_assoc *a, u32 cum,
			       const struct asctp_sack_gap *g, unsigned int n)
{
	struct asctp_acked ack = { .cum = cum, .flight_before = a->flight };

	ack.cum_moved = asctp_tsn_after(cum, a->acked_tsn);
	asctp_sack_cum(a, &ack);
	/* otherwise only the cumulative TSN is used */
	if (n && asctp_sack_gaps_ok(g, n))
		asctp_sack_gaps(a, g, n, &ack);
	if (ack.cum_moved) {
		a->errors = 0;		/* 8.1: the peer is alive */
		if (a->fast_recovery && !asctp_tsn_after(a->recover, cum))
			a->fast_recovery = false;
	}
	/* 7.2.4: cwnd stays as it is during fast recovery */
	if (!a->fast_recovery)
		asctp_cc_acked(&a->active->cc, ack.bytes, ack.flight_before,
			       ack.cum_moved);
	asctp_sack_misses(a, &ack);
	if (!a->flight)
		asctp_cc_flight_empty(&a->active->cc);
	/* 6.3.2 (R2), (R3) */
	if (skb_queue_empty(&a->sentq))
		asctp_timer_stop(a, ASCTP_T3);
	else if (ack.cum_moved || !timer_pending(&a->timer[ASCTP_T3]))
		asctp_timer_start(a, ASCTP_T3);
	if (ack.cum_moved)
		a->sk->sk_write_space(a->sk);
}

/* RFC 9260 6.2.1: a SACK. */
enum asctp_mib_field asctp_sm_sack(struct asctp_rx *rx)
{
	const struct asctp_sack_hdr *sh = (const void *)(rx->ch + 1);
	struct asctp_assoc *a = rx->a;
	u32 cum = ntohl(sh->cum_tsn), rwnd = ntohl(sh->a_rwnd);
	bool had = !skb_queue_empty(&a->sentq);

	a->stats.isacks++;
	if (sh->n_gaps)
		a->stats.gapcnt++;
	/* (D)(i): older than one seen; or acking what was never sent */
	if (asctp_tsn_after(a->acked_tsn, cum) ||
	    asctp_tsn_after(cum, a->next_tsn - 1))
		return ASCTP_MIB_IN_PKTS;
	asctp_sack_process(a, cum, (const void *)(sh + 1), ntohs(sh->n_gaps));
	if (had && skb_queue_empty(&a->sentq) && skb_queue_empty(&a->outq))
		asctp_ulp_sender_dry(a);
	/* (D)(iv) */
	a->peer_rwnd = rwnd > a->flight ? rwnd - a->flight : 0;
	/* 6.1 (A): a peer that answers with a closed window is alive;
	 * unanswered probes are what count towards Max.Retrans.
	 */
	if (!rwnd)
		a->errors = 0;
	asctp_sm_xmit_data(a);
	asctp_sm_shutdown_progress(a);
	return ASCTP_MIB_IN_PKTS;
}

/* 9.2: the cumulative TSN in a SHUTDOWN. */
void asctp_sm_ack_upto(struct asctp_assoc *a, u32 cum)
{
	if (asctp_tsn_after(a->acked_tsn, cum) ||
	    asctp_tsn_after(cum, a->next_tsn - 1))
		return;
	asctp_sack_process(a, cum, NULL, 0);
}
