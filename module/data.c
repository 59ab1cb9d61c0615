// SPDX-License-Identifier: GPL-2.0
/*
 * Data transfer, first slice (RFC 9260 6): DATA accepted in TSN order
 * only and acknowledged by cumulative TSN; DATA sent within the peer's
 * window; T3-rtx resends all that is outstanding.  Gap reports,
 * congestion control and RTT measurement are the transfer engine's.
 */

#include <linux/ip.h>

#include "chunk.h"
#include "mib.h"
#include "sm.h"
#include "sock.h"
#include "timer.h"
#include "ulp.h"

/* RFC 9260 3.3.10.1: Invalid Stream Identifier, in an ERROR. */
static void asctp_sm_invalid_stream(struct asctp_assoc *a,
				    const struct asctp_data_hdr *dh)
{
	struct {
		struct asctp_cause_hdr c;
		__be16 stream;
		__be16 reserved;
	} __packed e = {
		.c.code = htons(ASCTP_CAUSE_INVALID_STREAM),
		.c.length = htons(sizeof(e)),
		.stream = dh->stream,
	};

	asctp_out_assoc_chunk(a, ASCTP_CID_ERROR, 0, &e, sizeof(e));
}

/* RFC 9260 6.2: a DATA chunk.  One out of order is dropped: the peer
 * resends it, and the SACK below tells it where we are.
 */
enum asctp_mib_field asctp_sm_data(struct asctp_rx *rx)
{
	const struct asctp_data_hdr *dh = (const void *)(rx->ch + 1);
	unsigned int len = ntohs(rx->ch->length) - ASCTP_DATA_MIN_LEN;
	struct asctp_assoc *a = rx->a;
	u32 tsn = ntohl(dh->tsn);

	if (!len) {
		asctp_sm_abort_assoc(a, ASCTP_CAUSE_NO_USER_DATA, ECONNABORTED);
		rx->stop = true;
		return ASCTP_MIB_IN_PKTS;
	}
	a->sack_needed = true;
	if (tsn != a->peer_tsn + 1)
		return ASCTP_MIB_IN_PKTS;	/* duplicate or gap */
	if (ntohs(dh->stream) >= a->mis) {
		/* 6.5: acknowledged, reported, not delivered */
		asctp_sm_invalid_stream(a, dh);
		a->peer_tsn = tsn;
		return ASCTP_MIB_IN_PKTS;
	}
	if (asctp_ulp_data(a, dh, len, rx->ch->flags)) {
		asctp_mib_inc(rx->net, ASCTP_MIB_IN_RCVBUF_FULL);
		return ASCTP_MIB_IN_PKTS;
	}
	a->peer_tsn = tsn;
	asctp_mib_inc(rx->net, ASCTP_MIB_IN_DATA_CHUNKS);
	return ASCTP_MIB_IN_PKTS;
}

/* Free what the peer acknowledged up to @cum. */
void asctp_sm_ack_upto(struct asctp_assoc *a, u32 cum)
{
	struct sock *sk = a->sk;
	struct sk_buff *skb;
	bool acked = false;

	if (!asctp_tsn_after(cum, a->acked_tsn) ||
	    asctp_tsn_after(cum, a->next_tsn - 1))
		return;
	while ((skb = skb_peek(&a->outq)) &&
	       !asctp_tsn_after(ASCTP_TX_CB(skb)->tsn, cum)) {
		__skb_unlink(skb, &a->outq);
		if (ASCTP_TX_CB(skb)->sent)
			a->flight -= ASCTP_TX_CB(skb)->len;
		sk->sk_wmem_queued -= skb->truesize;
		consume_skb(skb);
		acked = true;
	}
	a->acked_tsn = cum;
	if (!acked)
		return;
	/* 6.3.3: the back-off ends with new acks; no RTT is measured yet */
	a->rto_ms = ASCTP_RTO_INITIAL_MS;
	asctp_timer_stop(a, ASCTP_T3);
	if (a->flight)
		asctp_timer_start(a, ASCTP_T3);
	sk->sk_write_space(sk);
}

/* RFC 9260 6.2.1: SACK, cumulative TSN and window only. */
enum asctp_mib_field asctp_sm_sack(struct asctp_rx *rx)
{
	const struct asctp_sack_hdr *sh = (const void *)(rx->ch + 1);
	struct asctp_assoc *a = rx->a;
	u32 rwnd = ntohl(sh->a_rwnd);

	asctp_sm_ack_upto(a, ntohl(sh->cum_tsn));
	/* 6.1 (A): a peer that answers with a closed window is alive;
	 * unanswered probes are what count towards Max.Retrans.
	 */
	if (!rwnd)
		a->retries[ASCTP_T3] = 0;
	a->peer_rwnd = rwnd > a->flight ? rwnd - a->flight : 0;
	asctp_sm_xmit_data(a);
	asctp_sm_shutdown_progress(a);
	return ASCTP_MIB_IN_PKTS;
}

static bool asctp_sm_may_send(const struct asctp_assoc *a)
{
	return a->state == ASCTP_S_ESTABLISHED ||
	       a->state == ASCTP_S_SHUTDOWN_PENDING ||
	       a->state == ASCTP_S_SHUTDOWN_RECEIVED;
}

/* Bytes of the next packet: unsent chunks from @skb on, as many as fit
 * the path MTU and the peer's window (one may always be in flight).
 */
static unsigned int asctp_sm_bundle_len(struct asctp_assoc *a,
					struct sk_buff *skb, u32 *n)
{
	unsigned int room = a->pmtu - sizeof(struct iphdr) - ASCTP_HDR_LEN;
	unsigned int len = 0;
	u32 wnd = a->peer_rwnd;

	for (*n = 0; skb != (struct sk_buff *)&a->outq; skb = skb->next) {
		if (len + skb->len > room)
			break;
		if ((a->flight || *n) && ASCTP_TX_CB(skb)->len > wnd)
			break;
		wnd -= min(wnd, (u32)ASCTP_TX_CB(skb)->len);
		len += skb->len;
		(*n)++;
	}
	return len;
}

static struct sk_buff *asctp_sm_first_unsent(struct asctp_assoc *a)
{
	struct sk_buff *skb;

	skb_queue_walk(&a->outq, skb)
		if (!ASCTP_TX_CB(skb)->sent)
			return skb;
	return NULL;
}

/* Send one packet of DATA; false when nothing more may go. */
static bool asctp_sm_xmit_one(struct asctp_assoc *a)
{
	struct sk_buff *skb = asctp_sm_first_unsent(a), *pkt;
	struct net *net = sock_net(a->sk);
	unsigned int len;
	u32 n;

	if (!skb)
		return false;
	len = asctp_sm_bundle_len(a, skb, &n);
	if (!n)
		return false;
	pkt = asctp_out_new(len);
	if (!pkt)
		return false;
	for (; n; n--, skb = skb->next) {
		skb_put_data(pkt, skb->data, skb->len);
		ASCTP_TX_CB(skb)->sent = true;
		a->flight += ASCTP_TX_CB(skb)->len;
		a->peer_rwnd -= min(a->peer_rwnd, (u32)ASCTP_TX_CB(skb)->len);
		asctp_mib_inc(net, ASCTP_MIB_OUT_DATA_CHUNKS);
	}
	asctp_out_assoc_xmit(a, pkt);
	return true;
}

void asctp_sm_xmit_data(struct asctp_assoc *a)
{
	sock_owned_by_me(a->sk);
	if (a->dead || !asctp_sm_may_send(a))
		return;
	while (asctp_sm_xmit_one(a))
		;
	if (a->flight && !timer_pending(&a->timer[ASCTP_T3]))
		asctp_timer_start(a, ASCTP_T3);
}

/* RFC 9260 3.3.4: cumulative TSN and window, no gaps yet. */
void asctp_sm_send_sack(struct asctp_assoc *a)
{
	struct asctp_sack_hdr sh = {
		.cum_tsn = htonl(a->peer_tsn),
		.a_rwnd = htonl(asctp_sm_rwnd(a->sk)),
	};

	a->sack_needed = false;
	a->rwnd_sent = ntohl(sh.a_rwnd);
	asctp_out_assoc_chunk(a, ASCTP_CID_SACK, 0, &sh, sizeof(sh));
}

/* RFC 9260 6.3.3: T3-rtx.  Back off, then everything outstanding is
 * sent again, as the window allows.
 */
void asctp_sm_t3_expire(struct asctp_assoc *a)
{
	struct net *net = sock_net(a->sk);
	struct sk_buff *skb;

	asctp_mib_inc(net, ASCTP_MIB_T3_EXPIREDS);
	if (++a->retries[ASCTP_T3] > ASCTP_MAX_ASSOC_RETRANS) {
		asctp_sm_abort_assoc(a, 0, ETIMEDOUT);
		return;
	}
	a->rto_ms = min(a->rto_ms * 2, (u32)ASCTP_RTO_MAX_MS);
	skb_queue_walk(&a->outq, skb) {
		if (!ASCTP_TX_CB(skb)->sent)
			break;
		ASCTP_TX_CB(skb)->sent = false;
		asctp_mib_inc(net, ASCTP_MIB_OUT_RETRANS);
	}
	a->flight = 0;
	asctp_sm_xmit_data(a);
}
