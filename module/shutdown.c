// SPDX-License-Identifier: GPL-2.0
/*
 * The end of an association, RFC 9260 9: ABORT both ways (9.1) and the
 * SHUTDOWN, SHUTDOWN ACK, SHUTDOWN COMPLETE exchange with T2 (9.2).
 */

#include <linux/ip.h>

#include "mib.h"
#include "sm.h"
#include "sock.h"
#include "timer.h"
#include "ulp.h"

/* Tell the socket, then delete the TCB.  @err 0: a graceful end. */
void asctp_sm_end(struct asctp_assoc *a, int err)
{
	a->err = err;
	asctp_sock_assoc_down(a, err);
	asctp_assoc_delete(a);
}

/* RFC 9260 9.1: we abort, with an optional cause and its @len bytes
 * of information from @info.
 */
void asctp_sm_abort_assoc_info(struct asctp_assoc *a, u16 cause,
			       const void *info, unsigned int len, int err)
{
	struct asctp_route r;

	asctp_out_assoc_route(a, &r);
	if (a->state != ASCTP_S_COOKIE_WAIT)
		asctp_out_abort(sock_net(a->sk), a->sk, &r, false, cause,
				info, len);
	asctp_mib_inc(sock_net(a->sk), ASCTP_MIB_ABORTEDS);
	asctp_ulp_pd_aborted(a);
	asctp_ulp_assoc_change(a, a->state < ASCTP_S_ESTABLISHED ?
			       SCTP_CANT_STR_ASSOC : SCTP_COMM_LOST, err);
	asctp_sm_end(a, err);
}

/* RFC 9260 9.1: the peer aborted.  Before the association is up that
 * is a refusal (connect() gets ECONNREFUSED), after it a reset.
 */
enum asctp_mib_field asctp_sm_abort(struct asctp_rx *rx)
{
	struct asctp_assoc *a = rx->a;
	bool early = a->state < ASCTP_S_ESTABLISHED;
	int err = early ? ECONNREFUSED : ECONNRESET;

	rx->stop = true;
	asctp_mib_inc(rx->net, ASCTP_MIB_ABORTEDS);
	asctp_ulp_pd_aborted(a);
	asctp_ulp_assoc_change(a, early ? SCTP_CANT_STR_ASSOC :
				      SCTP_COMM_LOST, err);
	asctp_sm_end(a, err);
	return ASCTP_MIB_IN_PKTS;
}

static void asctp_sm_send_shutdown(struct asctp_assoc *a)
{
	__be32 cum = htonl(a->tsnmap.cum);

	asctp_out_assoc_chunk(a, ASCTP_CID_SHUTDOWN, 0, &cum, sizeof(cum));
}

/* RFC 9260 6.4: a reply goes where what it answers came from (the
 * SHUTDOWN's source, kept in sack_path), not to a primary that may be
 * cut without our knowing.
 */
static void asctp_sm_send_shutdown_ack(struct asctp_assoc *a)
{
	struct sk_buff *skb = asctp_out_new(sock_net(a->sk), ASCTP_CHUNK_HDR_LEN);

	if (!skb)
		return;
	asctp_out_chunk(skb, ASCTP_CID_SHUTDOWN_ACK, 0, 0);
	asctp_out_path_xmit(a, a->sack_path ?: a->active, skb);
}

/* RFC 9260 9.2: once all our DATA is acknowledged, the next step of
 * a shutdown in progress.
 */
void asctp_sm_shutdown_progress(struct asctp_assoc *a)
{
	if (a->dead || !skb_queue_empty(&a->outq) ||
	    !skb_queue_empty(&a->sentq))
		return;
	switch (a->state) {
	case ASCTP_S_SHUTDOWN_PENDING:
		a->state = ASCTP_S_SHUTDOWN_SENT;
		asctp_sm_send_shutdown(a);
		break;
	case ASCTP_S_SHUTDOWN_RECEIVED:
		a->state = ASCTP_S_SHUTDOWN_ACK_SENT;
		asctp_sm_send_shutdown_ack(a);
		break;
	default:
		return;
	}
	asctp_timer_stop(a, ASCTP_T3);
	asctp_timer_start(a, ASCTP_T2);
}

/* RFC 9260 9.2: the user closed (or shut down writing). */
void asctp_sm_shutdown_start(struct asctp_assoc *a)
{
	if (a->state != ASCTP_S_ESTABLISHED)
		return;
	a->state = ASCTP_S_SHUTDOWN_PENDING;
	asctp_sm_shutdown_progress(a);
}

/* RFC 9260 9.2: SHUTDOWN received.  Its cumulative TSN acks our DATA;
 * the peer sends no more, so the reader may see the end.
 */
enum asctp_mib_field asctp_sm_shutdown(struct asctp_rx *rx)
{
	struct asctp_assoc *a = rx->a;

	asctp_sm_ack_upto(a, ntohl(*(const __be32 *)(rx->ch + 1)));
	if (a->npaths > 1)
		a->sack_path = asctp_path_find(a, &rx->reply.daddr);
	switch (a->state) {
	case ASCTP_S_ESTABLISHED:
	case ASCTP_S_SHUTDOWN_PENDING:
		a->state = ASCTP_S_SHUTDOWN_RECEIVED;
		asctp_ulp_shutdown_event(a);
		break;
	case ASCTP_S_SHUTDOWN_SENT:
		/* both sides closed at once: answer it too */
		a->state = ASCTP_S_SHUTDOWN_RECEIVED;
		asctp_timer_stop(a, ASCTP_T2);
		asctp_ulp_shutdown_event(a);
		break;
	default:
		break;
	}
	asctp_sm_shutdown_progress(a);
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 9.2: SHUTDOWN ACK in SHUTDOWN-SENT or SHUTDOWN-ACK-SENT. */
enum asctp_mib_field asctp_sm_shutdown_ack(struct asctp_rx *rx)
{
	struct asctp_assoc *a = rx->a;

	rx->stop = true;
	asctp_out_assoc_chunk(a, ASCTP_CID_SHUTDOWN_COMPLETE, 0, NULL, 0);
	asctp_mib_inc(rx->net, ASCTP_MIB_SHUTDOWNS);
	asctp_ulp_assoc_change(a, SCTP_SHUTDOWN_COMP, 0);
	asctp_sm_end(a, 0);
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 9.2: SHUTDOWN COMPLETE in SHUTDOWN-ACK-SENT. */
enum asctp_mib_field asctp_sm_shutdown_complete(struct asctp_rx *rx)
{
	rx->stop = true;
	asctp_mib_inc(rx->net, ASCTP_MIB_SHUTDOWNS);
	asctp_ulp_assoc_change(rx->a, SCTP_SHUTDOWN_COMP, 0);
	asctp_sm_end(rx->a, 0);
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 9.2: T2-shutdown resends SHUTDOWN or SHUTDOWN ACK, to
 * another path if this one has failed (8.2, as T3-rtx does).  The
 * error is charged to the path the last one went to: a SHUTDOWN ACK
 * went to the SHUTDOWN's source, and its resend goes where 8.2 says.
 */
void asctp_sm_t2_expire(struct asctp_assoc *a)
{
	struct asctp_path *p = a->active;

	asctp_mib_inc(sock_net(a->sk), ASCTP_MIB_T2_EXPIREDS);
	if (a->state == ASCTP_S_SHUTDOWN_ACK_SENT && a->sack_path) {
		p = a->sack_path;
		a->sack_path = NULL;
	}
	asctp_path_error(a, p);
	if (a->errors > a->max_retrans) {
		asctp_sm_abort_assoc(a, 0, ETIMEDOUT);
		return;
	}
	if (a->state == ASCTP_S_SHUTDOWN_SENT)
		asctp_sm_send_shutdown(a);
	else
		asctp_sm_send_shutdown_ack(a);
	asctp_timer_start(a, ASCTP_T2);
}

/* RFC 9260 9.2: an INIT in SHUTDOWN-ACK-SENT (our SHUTDOWN COMPLETE
 * may have been lost on its way): discard it, send SHUTDOWN ACK again.
 */
enum asctp_mib_field asctp_sm_init_shutdown_ack_sent(struct asctp_rx *rx)
{
	rx->stop = true;
	asctp_out_assoc_chunk(rx->a, ASCTP_CID_SHUTDOWN_ACK, 0, NULL, 0);
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 6458 8.1.8: a one-to-many socket's SCTP_AUTOCLOSE, taken when
 * the association comes up, shuts it down after that long without
 * user data either way.
 */
void asctp_sm_autoclose_start(struct asctp_assoc *a)
{
	u32 secs = asctp_sk(a->sk)->autoclose;

	if (!secs || a->sk->sk_type != SOCK_SEQPACKET)
		return;
	a->autoclose_s = secs;
	a->last_data = jiffies;
	asctp_timer_start_ms(a, ASCTP_TAUTOCLOSE, secs * MSEC_PER_SEC);
}

void asctp_sm_autoclose_expire(struct asctp_assoc *a)
{
	unsigned long end = a->last_data + a->autoclose_s * HZ;

	if (a->state != ASCTP_S_ESTABLISHED)
		return;
	if (time_before(jiffies, end)) {
		asctp_timer_start_ms(a, ASCTP_TAUTOCLOSE,
				     jiffies_to_msecs(end - jiffies));
		return;
	}
	asctp_sm_shutdown_start(a);
}
