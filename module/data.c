// SPDX-License-Identifier: GPL-2.0
/*
 * The receiver's side of data transfer (RFC 9260 6.2, 6.7): DATA into
 * the TSN map and on to reassembly and ordering (reasm.c), and the
 * SACK that reports it, delayed or at once.
 */

#include <linux/ip.h>

#include "chunk.h"
#include "mib.h"
#include "reasm.h"
#include "sm.h"
#include "sock.h"
#include "timer.h"

/* Gap Ack Blocks reported at most; the lowest ones go first. */
enum { ASCTP_SACK_MAX_GAPS = 64 };

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

/* The TSN is taken.  6.7: a gap opening, moving or closing is
 * reported at once.
 */
static void asctp_sm_data_taken(struct asctp_assoc *a, u32 tsn)
{
	bool gap = a->tsnmap.held;

	asctp_tsnmap_mark(&a->tsnmap, tsn);
	if (gap || a->tsnmap.held)
		a->sack_now = true;
}

/* Why asctp_reasm_data() did not take a chunk. */
static enum asctp_mib_field asctp_data_drop_mib(int err)
{
	switch (err) {
	case -ENOMEM:
		return ASCTP_MIB_IN_NO_MEM;
	case -ENOSPC:
		return ASCTP_MIB_IN_MEM_LIMIT;
	default:
		return ASCTP_MIB_IN_RCVBUF_FULL;
	}
}

/* @a brought DATA for the reader: counted in rx_active (handshake.c). */
static void asctp_sm_data_active(struct asctp_assoc *a)
{
	struct asctp_sock *as = asctp_sk(a->sk);
	u32 gen = asctp_sm_rx_gen();

	as->rx_last = a;
	if (gen != as->rx_gen) {
		as->rx_prev = gen == as->rx_gen + 1 ? as->rx_active : 0;
		as->rx_active = 0;
		as->rx_gen = gen;
	}
	if (a->rx_gen != gen) {
		a->rx_gen = gen;
		as->rx_active++;
	}
}

/* RFC 9260 6.2: a DATA chunk. */
enum asctp_mib_field asctp_sm_data(struct asctp_rx *rx)
{
	const struct asctp_data_hdr *dh = (const void *)(rx->ch + 1);
	unsigned int len = ntohs(rx->ch->length) - ASCTP_DATA_MIN_LEN;
	struct asctp_assoc *a = rx->a;
	u32 tsn = ntohl(dh->tsn);
	int err;

	if (!len) {
		/* 3.3.10.9: the cause carries the TSN */
		asctp_sm_abort_assoc_info(a, ASCTP_CAUSE_NO_USER_DATA, &dh->tsn,
					  sizeof(dh->tsn), ECONNABORTED);
		rx->stop = true;
		return ASCTP_MIB_IN_PKTS;
	}
	a->sack_needed = true;
	a->last_data = jiffies;
	/* 6.4: the SACK goes back where the DATA came from */
	if (a->npaths > 1)
		a->sack_path = asctp_path_find(a, &rx->reply.daddr);
	if (rx->ch->flags & ASCTP_DATA_I)
		a->sack_now = true;
	switch (asctp_tsnmap_check(&a->tsnmap, tsn)) {
	case ASCTP_TSN_DUP:
		asctp_tsnmap_dup(&a->tsnmap, tsn);
		a->sack_now = true;
		a->stats.idupchunks++;
		asctp_mib_inc(rx->net, ASCTP_MIB_IN_DUP_DATA);
		return ASCTP_MIB_IN_PKTS;
	case ASCTP_TSN_FAR:
		asctp_mib_inc(rx->net, ASCTP_MIB_IN_DATA_FAR);
		return ASCTP_MIB_IN_PKTS;
	case ASCTP_TSN_NEW:
		break;
	}
	if (tsn != a->tsnmap.cum + 1)
		a->stats.outofseqtsns++;
	if (rx->ch->flags & ASCTP_DATA_U)
		a->stats.iuodchunks++;
	else
		a->stats.iodchunks++;
	if (ntohs(dh->stream) >= a->mis) {
		/* 6.5: acknowledged, reported, not delivered */
		asctp_sm_invalid_stream(a, dh);
		asctp_sm_data_taken(a, tsn);
		return ASCTP_MIB_IN_PKTS;
	}
	err = asctp_reasm_data(a, dh, len, rx->ch->flags,
			       tsn == a->tsnmap.cum + 1);
	if (err == -EPROTO) {
		asctp_sm_abort_assoc(a, ASCTP_CAUSE_PROTOCOL_VIOLATION,
				     ECONNABORTED);
		rx->stop = true;
		return ASCTP_MIB_IN_PKTS;
	}
	if (err) {
		asctp_mib_inc(rx->net, asctp_data_drop_mib(err));
		return ASCTP_MIB_IN_PKTS;
	}
	asctp_sm_data_taken(a, tsn);
	asctp_sm_data_active(a);
	a->sack_bytes += len;
	asctp_mib_inc(rx->net, ASCTP_MIB_IN_DATA_CHUNKS);
	return ASCTP_MIB_IN_PKTS;
}

/* Room for chunks in one packet to the peer. */
unsigned int asctp_sm_room(const struct asctp_assoc *a)
{
	return asctp_path_room(a->active);
}

/* RFC 9260 3.3.4: our SACK appended to @pkt within @room bytes, with
 * as many Gap Ack Blocks and duplicates as fit.  Returns its size.
 */
unsigned int asctp_sm_sack_put(struct asctp_assoc *a, struct sk_buff *pkt,
			       unsigned int room)
{
	struct asctp_sack_gap gaps[ASCTP_SACK_MAX_GAPS];
	struct asctp_tsnmap *m = &a->tsnmap;
	unsigned int max = (room - ASCTP_SACK_MIN_LEN) / 4, ngaps, ndups, i;
	struct asctp_sack_hdr *sh;
	__be32 *p;

	ndups = min_t(unsigned int, m->ndups, max);
	ngaps = asctp_tsnmap_gaps(m, gaps, min_t(unsigned int, max - ndups,
						 ASCTP_SACK_MAX_GAPS));
	sh = asctp_out_chunk(pkt, ASCTP_CID_SACK, 0, sizeof(*sh) +
			     4 * (ngaps + ndups));
	sh->cum_tsn = htonl(m->cum);
	a->rwnd_sent = asctp_sm_rwnd_assoc(a);
	sh->a_rwnd = htonl(a->rwnd_sent);
	sh->n_gaps = htons(ngaps);
	sh->n_dups = htons(ndups);
	memcpy(sh + 1, gaps, 4 * ngaps);
	p = (__be32 *)(sh + 1) + ngaps;
	for (i = 0; i < ndups; i++)
		p[i] = htonl(m->dups[i]);
	m->ndups = 0;
	a->sack_pkts = 0;
	a->sack_bytes = 0;
	a->sack_now = false;
	asctp_timer_stop(a, ASCTP_TSACK);
	asctp_mib_inc(sock_net(a->sk), ASCTP_MIB_OUT_SACKS);
	a->stats.osacks++;
	if (ngaps)
		asctp_mib_inc(sock_net(a->sk), ASCTP_MIB_OUT_GAP_SACKS);
	return ASCTP_SACK_MIN_LEN + 4 * (ngaps + ndups);
}

void asctp_sm_send_sack(struct asctp_assoc *a)
{
	unsigned int room = asctp_sm_room(a);
	struct sk_buff *pkt = asctp_out_new(sock_net(a->sk), room);

	if (!pkt)
		return;
	asctp_sm_sack_put(a, pkt, room);
	asctp_out_path_xmit(a, a->sack_path ?: a->active, pkt);
}

/* RFC 9260 6.2: after a packet with DATA, a SACK at once when 6.7 asks
 * for one, for every second packet, in a shutdown (9.2), or when the
 * peer has used half the window we gave it: it may be waiting for the
 * SACK, and a delay would stall it (large packets, e.g. on loopback).
 * Otherwise within the delay, or sooner with DATA going the other way.
 */
void asctp_sm_data_done(struct asctp_assoc *a)
{
	a->sack_needed = false;
	a->sack_pkts++;
	if (a->sack_now || a->sack_off || a->sack_pkts >= a->sack_freq ||
	    a->sack_bytes >= a->rwnd_sent / 2 ||
	    a->state != ASCTP_S_ESTABLISHED) {
		asctp_sm_send_sack(a);
		return;
	}
	if (!timer_pending(&a->timer[ASCTP_TSACK]))
		asctp_timer_start_ms(a, ASCTP_TSACK, a->sack_delay_ms);
}

void asctp_sm_sack_expire(struct asctp_assoc *a)
{
	asctp_mib_inc(sock_net(a->sk), ASCTP_MIB_SACK_EXPIREDS);
	if (a->sack_pkts)
		asctp_sm_send_sack(a);
}
