// SPDX-License-Identifier: GPL-2.0
/*
 * Sending DATA (RFC 9260 6.1, 6.10, 7.2): chunks marked for
 * retransmission first, then new ones, bundled into packets up to the
 * path MTU, within the peer's window and the congestion window, with a
 * SACK that is due in front.  T3-rtx (6.3.3).
 */

#include "mib.h"
#include "sm.h"
#include "sock.h"
#include "timer.h"

static bool asctp_xmit_allowed(const struct asctp_assoc *a)
{
	return a->state == ASCTP_S_ESTABLISHED ||
	       a->state == ASCTP_S_SHUTDOWN_PENDING ||
	       a->state == ASCTP_S_SHUTDOWN_RECEIVED;
}

/* Gap Ack Blocks at most in a SACK bundled with DATA: with gaps the
 * SACK went at once, on its own, with all of them.
 */
enum { ASCTP_XMIT_SACK_GAPS = 8 };

/* IPv4 over Ethernet: 1500 less IP and SCTP common headers. */
enum { ASCTP_NAGLE_BYTES = 1500 - 20 - 12 };

/* The most room a SACK that is due takes in front of DATA. */
static unsigned int asctp_xmit_sack_len(const struct asctp_assoc *a)
{
	if (!a->sack_pkts)
		return 0;
	return ASCTP_SACK_MIN_LEN +
	       4 * (a->tsnmap.ndups + ASCTP_XMIT_SACK_GAPS);
}

/* A packet to fill, with the SACK that is due in front; *room is what
 * is left for DATA: at least @need bytes, even beyond the path MTU.
 */
static struct sk_buff *asctp_xmit_packet(struct asctp_assoc *a,
					 unsigned int *room, unsigned int need)
{
	unsigned int sack = asctp_xmit_sack_len(a);
	struct sk_buff *pkt;

	*room = asctp_sm_room(a);
	if (need > *room)
		*room = need + sack;
	pkt = asctp_out_new(sock_net(a->sk), *room);
	if (pkt && sack)
		*room -= asctp_sm_sack_put(a, pkt, min(sack, *room));
	return pkt;
}

static void asctp_xmit_sent(struct asctp_assoc *a, struct asctp_path *p,
			    struct sk_buff *skb)
{
	a->flight += ASCTP_TX_CB(skb)->len;
	a->last_xmit = jiffies;
	ASCTP_TX_CB(skb)->path = p;
	p->last_sent = jiffies;
}

/* A chunk cut for a larger path MTU than the path has now (its MTU
 * fell, or it went into UDP): it goes alone, and IP fragments it.
 */
static bool asctp_xmit_oversized(const struct asctp_assoc *a,
				 const struct sk_buff *skb)
{
	return skb->len > asctp_sm_room(a);
}

/* 6.3.3 (E3), 7.2.4 (3): one packet of the chunks marked for
 * retransmission, lowest TSN first.
 */
static bool asctp_xmit_rtx(struct asctp_assoc *a)
{
	struct asctp_path *p = a->rtx_path ?: a->active;
	struct net *net = sock_net(a->sk);
	unsigned int room, len = 0;
	struct asctp_tx_cb *cb;
	struct sk_buff *pkt, *skb;

	skb_queue_walk(&a->sentq, skb)
		if (ASCTP_TX_CB(skb)->rtx)
			break;
	if (skb == (struct sk_buff *)&a->sentq)
		return false;
	pkt = asctp_xmit_packet(a, &room, asctp_xmit_oversized(a, skb) ?
				skb->len : 0);
	if (!pkt)
		return false;
	skb_queue_walk_from(&a->sentq, skb) {
		cb = ASCTP_TX_CB(skb);
		if (!cb->rtx)
			continue;
		if (len + skb->len > room)
			break;
		skb_put_data(pkt, skb->data, skb->len);
		len += skb->len;
		cb->rtx = 0;
		cb->resent = 1;
		cb->miss = 0;
		a->nrtx--;
		asctp_xmit_sent(a, p, skb);
		asctp_mib_inc(net, ASCTP_MIB_OUT_RETRANS);
		a->stats.rtxchunks++;
		if (cb->fast && a->fast_rtx_now)
			asctp_mib_inc(net, ASCTP_MIB_OUT_FAST_RETRANS);
	}
	a->fast_rtx_now = false;
	if (pkt->len == ASCTP_HDR_LEN) {
		kfree_skb(pkt);		/* nothing fits the path any more */
		return false;
	}
	asctp_out_path_xmit(a, p, pkt);
	return true;
}

/* Bytes of new chunks for one packet of @room bytes, and how many:
 * 6.1 (A) the peer's window, but one chunk may always probe it when
 * nothing is in flight.
 */
static unsigned int asctp_xmit_new_len(struct asctp_assoc *a,
				       unsigned int room, u32 *n)
{
	unsigned int len = 0;
	u32 wnd = a->peer_rwnd;
	struct sk_buff *skb;
	u16 clen;

	*n = 0;
	skb_queue_walk(&a->outq, skb) {
		clen = ASCTP_TX_CB(skb)->len;
		if (clen > wnd && (a->flight || *n))
			break;
		if (len + skb->len > room) {
			if (!*n && asctp_xmit_oversized(a, skb)) {
				len = skb->len;
				*n = 1;
			}
			break;
		}
		wnd -= min_t(u32, wnd, clen);
		len += skb->len;
		(*n)++;
	}
	return len;
}

/* A packet short enough for Nagle to hold: less than what an
 * Ethernet MTU carries, or than the path's room.  A 64 KiB loopback
 * MTU must not make every 16 KiB message wait.
 */
static bool asctp_xmit_short(unsigned int len, unsigned int room)
{
	return len < min(room, ASCTP_NAGLE_BYTES) - ASCTP_DATA_MIN_LEN;
}

/* Nagle, Minshall's way: a short packet carrying all that is queued
 * waits while an earlier short one is unacknowledged, unless
 * SCTP_NODELAY.  Bulk transfer never waits on its full packets, and
 * the peer's SACK for every second packet releases the short one.
 */
static bool asctp_xmit_nagle(const struct asctp_assoc *a, unsigned int len,
			     unsigned int room, u32 n)
{
	return !asctp_sk(a->sk)->nodelay && n == skb_queue_len(&a->outq) &&
	       asctp_xmit_short(len, room) && !skb_queue_empty(&a->sentq) &&
	       asctp_tsn_after(a->small_tsn, a->acked_tsn);
}

/* 6.1: one packet of new chunks. */
static bool asctp_xmit_new(struct asctp_assoc *a)
{
	struct net *net = sock_net(a->sk);
	unsigned int room, len;
	struct sk_buff *pkt, *skb;
	u32 n;

	/* (B): no new data with cwnd or more outstanding */
	if (a->flight >= a->active->cc.cwnd)
		return false;
	room = asctp_sm_room(a) - asctp_xmit_sack_len(a);
	len = asctp_xmit_new_len(a, room, &n);
	/* A full-sized chunk does not fit beside the SACK that is due: the
	 * SACK goes first, alone.  Waiting for its timer would stall a
	 * request-response exchange of multi-chunk messages: with nothing
	 * in flight no SACK comes back to send the data.
	 */
	if (!n && asctp_xmit_sack_len(a) && !skb_queue_empty(&a->outq)) {
		asctp_sm_send_sack(a);
		room = asctp_sm_room(a);
		len = asctp_xmit_new_len(a, room, &n);
	}
	if (!n || asctp_xmit_nagle(a, len, room, n))
		return false;
	pkt = asctp_xmit_packet(a, &room, len);
	if (!pkt)
		return false;
	for (; n; n--) {
		skb = __skb_dequeue(&a->outq);
		skb_put_data(pkt, skb->data, skb->len);
		__skb_queue_tail(&a->sentq, skb);
		asctp_xmit_sent(a, a->active, skb);
		a->peer_rwnd -= min_t(u32, a->peer_rwnd, ASCTP_TX_CB(skb)->len);
		asctp_mib_inc(net, ASCTP_MIB_OUT_DATA_CHUNKS);
		if (skb->data[1] & ASCTP_DATA_U)
			a->stats.ouodchunks++;
		else
			a->stats.oodchunks++;
		if (!a->rtt_pending) {
			a->rtt_pending = true;
			a->rtt_tsn = ASCTP_TX_CB(skb)->tsn;
			a->rtt_sent = ktime_get();
		}
	}
	if (asctp_xmit_short(len, room))
		a->small_tsn = ASCTP_TX_CB(skb)->tsn;
	asctp_out_assoc_xmit(a, pkt);
	return true;
}

void asctp_sm_xmit_data(struct asctp_assoc *a)
{
	struct asctp_path *p = a->active;
	u32 burst;

	sock_owned_by_me(a->sk);
	if (a->dead || !asctp_xmit_allowed(a))
		return;
	/* 7.2.1: idle for an RTO, cwnd shrinks */
	if (!a->flight && a->last_xmit &&
	    time_after(jiffies, a->last_xmit +
			       msecs_to_jiffies(p->rto.rto_ms))) {
		asctp_cc_idle(&p->cc);
		a->last_xmit = jiffies;
	}
	while (a->nrtx && (a->fast_rtx_now || a->flight < p->cc.cwnd))
		if (!asctp_xmit_rtx(a))
			break;
	if (!a->nrtx)
		a->rtx_path = NULL;
	/* 6.1 (D): at most Max.Burst packets of new data at a time */
	burst = a->opts.max_burst ?: U32_MAX;
	if (!a->nrtx)
		while (burst-- && asctp_xmit_new(a))
			;
	if (!skb_queue_empty(&a->sentq) &&
	    !timer_pending(&a->timer[ASCTP_T3]))
		asctp_timer_start(a, ASCTP_T3);
}

/* The path of the oldest chunk outstanding: the one T3-rtx timed. */
static struct asctp_path *asctp_xmit_t3_path(struct asctp_assoc *a)
{
	struct sk_buff *skb;

	skb_queue_walk(&a->sentq, skb)
		if (!ASCTP_TX_CB(skb)->acked && ASCTP_TX_CB(skb)->path)
			return ASCTP_TX_CB(skb)->path;
	return a->active;
}

/* RFC 9260 6.3.3: T3-rtx.  The path counts an error and backs off (8.2,
 * E2), cwnd shrinks to one MTU, and everything outstanding is marked
 * for retransmission, to another active path if there is one.
 * With all of it in Gap Ack Blocks, the receiver reneged: the lowest
 * goes again.
 */
void asctp_sm_t3_expire(struct asctp_assoc *a)
{
	struct asctp_path *p = asctp_xmit_t3_path(a);
	struct sk_buff *skb;

	asctp_mib_inc(sock_net(a->sk), ASCTP_MIB_T3_EXPIREDS);
	asctp_path_error(a, p);
	if (a->errors > a->max_retrans) {
		asctp_sm_abort_assoc(a, 0, ETIMEDOUT);
		return;
	}
	/* 6.4.1: what timed out goes again to another active path */
	a->rtx_path = asctp_path_other(a, p);
	asctp_cc_timeout(&p->cc);
	a->fast_recovery = false;
	skb_queue_walk(&a->sentq, skb)
		if (!ASCTP_TX_CB(skb)->rtx && !ASCTP_TX_CB(skb)->acked)
			asctp_sm_mark_rtx(a, skb);
	skb = skb_peek(&a->sentq);
	if (!a->nrtx && skb) {
		ASCTP_TX_CB(skb)->acked = 0;
		a->flight += ASCTP_TX_CB(skb)->len;
		asctp_sm_mark_rtx(a, skb);
	}
	asctp_sm_xmit_data(a);
}
