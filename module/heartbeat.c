// SPDX-License-Identifier: GPL-2.0
/*
 * Heartbeats (RFC 9260 8.3): each idle path is probed every HB.interval
 * plus its RTO, jittered by half an RTO either way; a potentially
 * failed path every RTO (RFC 7829).  One association timer (ASCTP_THB)
 * serves all paths: it fires at the earliest path's due time.
 *
 * The Heartbeat Information is opaque to the peer: the path's address
 * and a random nonce made for this HEARTBEAT.  The send time stays
 * here, so the peer cannot forge an RTT, and a HEARTBEAT ACK that does
 * not carry the nonce of the path's last HEARTBEAT is dropped.
 */

#include <linux/random.h>

#include "chunk.h"
#include "mib.h"
#include "sm.h"
#include "timer.h"

struct asctp_hb_info {
	struct asctp_param_hdr hdr;	/* ASCTP_PID_HEARTBEAT_INFO */
	struct in6_addr addr;		/* addr.h */
	u64 nonce;
} __packed;

static bool asctp_hb_enabled(const struct asctp_path *p)
{
	return (p->o.flags & SPP_HB_ENABLE) || p->state == SCTP_UNCONFIRMED;
}

/* When an idle path is due: now plus interval (none while unconfirmed
 * or potentially failed) plus RTO +/- RTO/2.
 */
static unsigned long asctp_hb_delay(const struct asctp_path *p)
{
	u32 rto = p->rto.rto_ms, ms = rto / 2 + get_random_u32_below(rto + 1);

	if (p->state != SCTP_UNCONFIRMED && p->state != SCTP_PF)
		ms += p->o.hb_interval_ms;
	return msecs_to_jiffies(ms);
}

/* No HEARTBEAT once our SHUTDOWN or SHUTDOWN ACK is out, as Linux:
 * the answer may make the peer delete its TCB, and a HEARTBEAT ACK
 * that comes after ours is gone is out of the blue (8.4: an ABORT).
 * T2-shutdown's retransmissions count the path errors meanwhile.
 */
static bool asctp_hb_quiet(const struct asctp_assoc *a)
{
	return a->state == ASCTP_S_SHUTDOWN_SENT ||
	       a->state == ASCTP_S_SHUTDOWN_ACK_SENT;
}

/* Arm ASCTP_THB for the earliest path that is due, or stop it. */
static void asctp_hb_arm(struct asctp_assoc *a)
{
	unsigned long due = 0, now = jiffies;
	struct asctp_path *p;
	bool any = false;

	list_for_each_entry(p, &a->paths, node) {
		if (!p->hb_pending && !asctp_hb_enabled(p))
			continue;
		if (!any || time_before(p->hb_due, due))
			due = p->hb_due;
		any = true;
	}
	if (!any || asctp_hb_quiet(a)) {
		asctp_timer_stop(a, ASCTP_THB);
		return;
	}
	asctp_timer_start_ms(a, ASCTP_THB, time_after(due, now) ?
			     jiffies_to_msecs(due - now) : 0);
}

static void asctp_hb_send(struct asctp_assoc *a, struct asctp_path *p)
{
	struct asctp_hb_info *hb;
	struct sk_buff *skb;

	skb = asctp_out_new(sock_net(a->sk), ASCTP_CHUNK_HDR_LEN + sizeof(*hb));
	if (!skb)
		return;
	hb = asctp_out_chunk(skb, ASCTP_CID_HEARTBEAT, 0, sizeof(*hb));
	hb->hdr.type = htons(ASCTP_PID_HEARTBEAT_INFO);
	hb->hdr.length = htons(sizeof(*hb));
	hb->addr = p->addr;
	p->hb_nonce = get_random_u64();
	hb->nonce = p->hb_nonce;
	p->hb_sent = ktime_get();
	p->hb_pending = true;
	p->hb_due = jiffies + msecs_to_jiffies(p->rto.rto_ms);
	asctp_mib_inc(sock_net(a->sk), ASCTP_MIB_OUT_HEARTBEATS);
	asctp_out_path_xmit(a, p, skb);
}

/* One path at its due time: an unanswered HEARTBEAT is an error (8.3);
 * a path that sent DATA lately is not idle and waits; others are
 * probed.  Returns false if the association ended.  Linux's timing:
 * after a miss only a potentially failed or unconfirmed path is probed
 * at once, others after the full delay.
 */
static bool asctp_hb_path_due(struct asctp_assoc *a, struct asctp_path *p)
{
	unsigned long idle;

	if (p->hb_pending) {
		p->hb_pending = false;
		asctp_mib_inc(sock_net(a->sk), ASCTP_MIB_HB_EXPIREDS);
		asctp_path_error(a, p);
		if (a->errors > a->max_retrans) {
			asctp_sm_abort_assoc(a, 0, ETIMEDOUT);
			return false;
		}
		/* only the doubtful are probed again at once (RFC 7829) */
		if (p->state != SCTP_PF && p->state != SCTP_UNCONFIRMED) {
			p->hb_due = jiffies + asctp_hb_delay(p);
			return true;
		}
	} else {
		idle = p->last_sent + asctp_hb_delay(p);
		if (time_before(jiffies, idle)) {
			p->hb_due = idle;
			return true;
		}
	}
	if (asctp_hb_enabled(p))
		asctp_hb_send(a, p);
	return true;
}

/* ASCTP_THB fired. */
void asctp_sm_hb_expire(struct asctp_assoc *a)
{
	struct asctp_path *p;

	if (asctp_hb_quiet(a)) {
		asctp_timer_stop(a, ASCTP_THB);
		return;
	}
	list_for_each_entry(p, &a->paths, node)
		if (!time_before(jiffies, p->hb_due) &&
		    !asctp_hb_path_due(a, p))
			return;
	asctp_hb_arm(a);
}

/* The association is up, or a path's settings changed: (re)plan. */
void asctp_sm_hb_start(struct asctp_assoc *a)
{
	struct asctp_path *p;

	list_for_each_entry(p, &a->paths, node)
		if (!p->hb_pending)
			p->hb_due = jiffies + asctp_hb_delay(p);
	asctp_hb_arm(a);
}

/* SPP_HB_DEMAND: a HEARTBEAT now (RFC 6458 8.1.12). */
void asctp_sm_hb_demand(struct asctp_assoc *a, struct asctp_path *p)
{
	if (a->state < ASCTP_S_ESTABLISHED || asctp_hb_quiet(a))
		return;
	asctp_hb_send(a, p);
	asctp_hb_arm(a);
}

/* RFC 9260 8.3: echo the Heartbeat Information back, from the address
 * the HEARTBEAT came to, to the one it came from.
 */
enum asctp_mib_field asctp_sm_heartbeat(struct asctp_rx *rx)
{
	unsigned int len = ntohs(rx->ch->length) - ASCTP_CHUNK_HDR_LEN;
	struct asctp_route r = rx->reply;
	struct sk_buff *skb;

	skb = asctp_out_new(rx->net, ASCTP_CHUNK_HDR_LEN + asctp_pad4(len));
	if (!skb)
		return ASCTP_MIB_IN_NO_MEM;
	memcpy(asctp_out_chunk(skb, ASCTP_CID_HEARTBEAT_ACK, 0, len),
	       rx->ch + 1, len);
	r.vtag = rx->a->peer_vtag;
	rx->a->stats.opackets++;
	rx->a->stats.octrlchunks++;
	asctp_out_xmit(rx->net, rx->sk, skb, &r);
	return ASCTP_MIB_IN_PKTS;
}

/* The path whose last HEARTBEAT this HEARTBEAT ACK answers, or NULL. */
static struct asctp_path *asctp_hb_ack_path(struct asctp_rx *rx)
{
	const struct asctp_hb_info *hb = (const void *)(rx->ch + 1);
	struct in6_addr addr;
	struct asctp_path *p;

	if (ntohs(rx->ch->length) != ASCTP_CHUNK_HDR_LEN + sizeof(*hb) ||
	    hb->hdr.type != htons(ASCTP_PID_HEARTBEAT_INFO) ||
	    hb->hdr.length != htons(sizeof(*hb)))
		return NULL;
	memcpy(&addr, &hb->addr, sizeof(addr));
	p = asctp_path_find(rx->a, &addr);
	if (!p || !p->hb_nonce || hb->nonce != p->hb_nonce)
		return NULL;
	return p;
}

/* RFC 9260 8.3: a HEARTBEAT ACK for the path's last HEARTBEAT: an RTT
 * sample, and the path and the peer are alive (8.1, 8.2).  Any other
 * is counted and ignored; the chunks bundled with it still count.
 */
enum asctp_mib_field asctp_sm_heartbeat_ack(struct asctp_rx *rx)
{
	struct asctp_path *p = asctp_hb_ack_path(rx);
	struct asctp_assoc *a = rx->a;

	if (!p) {
		asctp_mib_inc(rx->net, ASCTP_MIB_IN_BAD_HB_ACK);
		return ASCTP_MIB_IN_PKTS;
	}
	p->hb_nonce = 0;	/* answered: a replay will not match */
	asctp_rto_sample(&p->rto, ktime_us_delta(ktime_get(), p->hb_sent));
	asctp_path_rto_seen(a, p);
	p->hb_pending = false;
	asctp_path_alive(a, p, SCTP_HEARTBEAT_SUCCESS);
	p->hb_due = jiffies + asctp_hb_delay(p);
	asctp_hb_arm(a);
	return ASCTP_MIB_IN_PKTS;
}
