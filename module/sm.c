// SPDX-License-Identifier: GPL-2.0
/*
 * Chunk dispatch: the [chunk][state] table, verification tags (8.5),
 * out-of-the-blue packets (8.4) and unknown chunk types (3.2).
 */

#include "chunk.h"
#include "sm.h"
#include "sock.h"

/* RFC 9260 8.4 (8): answer with an ABORT reflecting the packet's tag,
 * once per packet, never to an ABORT.
 */
enum asctp_mib_field asctp_sm_ootb(struct asctp_rx *rx)
{
	rx->reply.vtag = rx->vtag;
	asctp_out_abort(rx->net, NULL, &rx->reply, true, 0, NULL, 0);
	asctp_mib_inc(rx->net, ASCTP_MIB_OUT_OOTB_REPLIES);
	return ASCTP_MIB_IN_OUT_OF_BLUE;
}

/* RFC 9260 8.4 (2), (6), (7): silently discard. */
static enum asctp_mib_field asctp_sm_discard(struct asctp_rx *rx)
{
	return ASCTP_MIB_IN_OUT_OF_BLUE;
}

/* RFC 9260 8.4 (5): SHUTDOWN ACK for no association gets a SHUTDOWN
 * COMPLETE with the T bit; also in COOKIE-WAIT/ECHOED (8.5.1 (E)).
 */
static enum asctp_mib_field asctp_sm_shutdown_ack_ootb(struct asctp_rx *rx)
{
	struct sk_buff *skb = asctp_out_new(rx->net, ASCTP_CHUNK_HDR_LEN);

	rx->reply.vtag = rx->vtag;
	if (skb) {
		asctp_out_chunk(skb, ASCTP_CID_SHUTDOWN_COMPLETE,
				ASCTP_FLAG_T, 0);
		asctp_out_xmit(rx->net, NULL, skb, &rx->reply);
		asctp_mib_inc(rx->net, ASCTP_MIB_OUT_OOTB_REPLIES);
	}
	return ASCTP_MIB_IN_OUT_OF_BLUE;
}

/* Valid chunk, nothing to do in this state (e.g. HEARTBEAT ACK). */
static enum asctp_mib_field asctp_sm_ignore(struct asctp_rx *rx)
{
	return ASCTP_MIB_IN_PKTS;
}

/* A chunk this state does not expect: the packet is dropped. */
static enum asctp_mib_field asctp_sm_bad_state(struct asctp_rx *rx)
{
	return ASCTP_MIB_IN_BAD_STATE;
}

#define S(x) ASCTP_S_##x

static const asctp_sm_fn asctp_sm_table[ASCTP_CID_MAX][ASCTP_S_MAX] = {
	[ASCTP_CID_DATA] = {
		[S(CLOSED)] = asctp_sm_ootb,
		[S(COOKIE_WAIT)] = asctp_sm_bad_state,
		[S(COOKIE_ECHOED)] = asctp_sm_bad_state,
		[S(ESTABLISHED) ... S(SHUTDOWN_SENT)] = asctp_sm_data,
		/* 9.2: the peer sends no new DATA after SHUTDOWN */
		[S(SHUTDOWN_RECEIVED)] = asctp_sm_ignore,
		[S(SHUTDOWN_ACK_SENT)] = asctp_sm_ignore,
	},
	[ASCTP_CID_INIT] = {
		[S(CLOSED) ... S(SHUTDOWN_RECEIVED)] = asctp_sm_init,
		[S(SHUTDOWN_ACK_SENT)] = asctp_sm_init_shutdown_ack_sent,
	},
	[ASCTP_CID_INIT_ACK] = {
		[S(CLOSED)] = asctp_sm_ootb,
		[S(COOKIE_WAIT)] = asctp_sm_init_ack,
		[S(COOKIE_ECHOED)] = asctp_sm_ignore,	/* 5.2.3 */
		[S(ESTABLISHED) ... S(SHUTDOWN_ACK_SENT)] = asctp_sm_ignore,
	},
	[ASCTP_CID_SACK] = {
		[S(CLOSED)] = asctp_sm_ootb,
		[S(COOKIE_WAIT)] = asctp_sm_bad_state,
		[S(COOKIE_ECHOED)] = asctp_sm_bad_state,
		[S(ESTABLISHED) ... S(SHUTDOWN_ACK_SENT)] = asctp_sm_sack,
	},
	[ASCTP_CID_HEARTBEAT] = {
		[S(CLOSED)] = asctp_sm_ootb,
		[S(COOKIE_WAIT)] = asctp_sm_bad_state,
		[S(COOKIE_ECHOED)] = asctp_sm_bad_state,
		[S(ESTABLISHED) ... S(SHUTDOWN_ACK_SENT)] = asctp_sm_heartbeat,
	},
	[ASCTP_CID_HEARTBEAT_ACK] = {
		[S(CLOSED)] = asctp_sm_ootb,
		[S(COOKIE_WAIT)] = asctp_sm_ignore,
		[S(COOKIE_ECHOED)] = asctp_sm_ignore,
		[S(ESTABLISHED) ... S(SHUTDOWN_ACK_SENT)] = asctp_sm_heartbeat_ack,
	},
	[ASCTP_CID_ABORT] = {
		[S(CLOSED)] = asctp_sm_discard,
		[S(COOKIE_WAIT) ... S(SHUTDOWN_ACK_SENT)] = asctp_sm_abort,
	},
	[ASCTP_CID_SHUTDOWN] = {
		[S(CLOSED)] = asctp_sm_ootb,
		[S(COOKIE_WAIT)] = asctp_sm_bad_state,
		[S(COOKIE_ECHOED)] = asctp_sm_bad_state,
		[S(ESTABLISHED) ... S(SHUTDOWN_ACK_SENT)] = asctp_sm_shutdown,
	},
	[ASCTP_CID_SHUTDOWN_ACK] = {
		[S(CLOSED)] = asctp_sm_shutdown_ack_ootb,
		[S(COOKIE_WAIT)] = asctp_sm_shutdown_ack_ootb,
		[S(COOKIE_ECHOED)] = asctp_sm_shutdown_ack_ootb,
		[S(ESTABLISHED)] = asctp_sm_ignore,
		[S(SHUTDOWN_PENDING)] = asctp_sm_ignore,
		[S(SHUTDOWN_SENT)] = asctp_sm_shutdown_ack,
		[S(SHUTDOWN_RECEIVED)] = asctp_sm_ignore,
		[S(SHUTDOWN_ACK_SENT)] = asctp_sm_shutdown_ack,
	},
	[ASCTP_CID_ERROR] = {
		[S(CLOSED)] = asctp_sm_discard,
		[S(COOKIE_WAIT) ... S(SHUTDOWN_ACK_SENT)] = asctp_sm_error,
	},
	[ASCTP_CID_COOKIE_ECHO] = {
		[S(CLOSED)] = asctp_sm_cookie_echo,
		[S(COOKIE_WAIT) ... S(SHUTDOWN_ACK_SENT)] = asctp_sm_cookie_echo_dup,
	},
	[ASCTP_CID_COOKIE_ACK] = {
		[S(CLOSED)] = asctp_sm_discard,
		[S(COOKIE_WAIT)] = asctp_sm_ignore,
		[S(COOKIE_ECHOED)] = asctp_sm_cookie_ack,
		[S(ESTABLISHED) ... S(SHUTDOWN_ACK_SENT)] = asctp_sm_ignore,
	},
	[ASCTP_CID_ECNE] = {
		[S(CLOSED)] = asctp_sm_ootb,
		[S(COOKIE_WAIT) ... S(SHUTDOWN_ACK_SENT)] = asctp_sm_ignore,
	},
	[ASCTP_CID_CWR] = {
		[S(CLOSED)] = asctp_sm_ootb,
		[S(COOKIE_WAIT) ... S(SHUTDOWN_ACK_SENT)] = asctp_sm_ignore,
	},
	[ASCTP_CID_SHUTDOWN_COMPLETE] = {
		[S(CLOSED)] = asctp_sm_discard,
		[S(COOKIE_WAIT)] = asctp_sm_ignore,
		[S(COOKIE_ECHOED)] = asctp_sm_ignore,
		[S(ESTABLISHED)] = asctp_sm_ignore,
		[S(SHUTDOWN_PENDING)] = asctp_sm_ignore,
		[S(SHUTDOWN_SENT)] = asctp_sm_ignore,
		[S(SHUTDOWN_RECEIVED)] = asctp_sm_ignore,
		[S(SHUTDOWN_ACK_SENT)] = asctp_sm_shutdown_complete,
	},
};

asctp_sm_fn asctp_sm_lookup(u8 type, enum asctp_state state)
{
	if (type >= ASCTP_CID_MAX || state >= ASCTP_S_MAX)
		return NULL;
	return asctp_sm_table[type][state];
}

/* RFC 9260 8.5, 8.5.1: the tag a chunk of @type with @flags must carry
 * to association @a (NULL: none).  With no association only INIT's zero
 * is checked: out-of-the-blue replies reflect whatever tag came, and
 * COOKIE ECHO checks its cookie's.
 */
bool asctp_sm_vtag_ok(u8 type, u8 flags, u32 vtag,
		      const struct asctp_assoc *a)
{
	switch (type) {
	case ASCTP_CID_INIT:
		return vtag == 0;
	case ASCTP_CID_ABORT:
	case ASCTP_CID_SHUTDOWN_COMPLETE:
		if (!a)
			return true;
		/* in COOKIE-WAIT the peer's tag is not known yet (0) */
		if (flags & ASCTP_FLAG_T)
			return a->peer_vtag && vtag == a->peer_vtag;
		return vtag == a->my_vtag;
	case ASCTP_CID_COOKIE_ECHO:
		return true;
	case ASCTP_CID_SHUTDOWN_ACK:
		if (!a || a->state <= ASCTP_S_COOKIE_ECHOED)
			return true;
		fallthrough;
	default:
		return !a || vtag == a->my_vtag;
	}
}

/* RFC 9260 3.2: the two upper bits of an unknown chunk type.  The
 * report (an ERROR with Unrecognized Chunk Type) goes only to a peer
 * we have an association with.
 */
static enum asctp_mib_field asctp_sm_unknown(struct asctp_rx *rx)
{
	enum asctp_unknown_action act = asctp_unknown_action(rx->ch->type);
	unsigned int len = ntohs(rx->ch->length);
	struct asctp_cause_hdr *c;
	struct sk_buff *skb;

	if ((act == ASCTP_UNK_STOP_REPORT || act == ASCTP_UNK_SKIP_REPORT) &&
	    rx->a) {
		skb = asctp_out_new(rx->net, ASCTP_CHUNK_HDR_LEN + ASCTP_CAUSE_HDR_LEN +
				    asctp_pad4(len));
		if (skb) {
			c = asctp_out_chunk(skb, ASCTP_CID_ERROR, 0,
					    ASCTP_CAUSE_HDR_LEN + len);
			c->code = htons(ASCTP_CAUSE_UNRECOGNIZED_CHUNK);
			c->length = htons(ASCTP_CAUSE_HDR_LEN + len);
			memcpy(c + 1, rx->ch, len);
			asctp_out_assoc_xmit(rx->a, skb);
		}
	}
	if (act == ASCTP_UNK_STOP || act == ASCTP_UNK_STOP_REPORT)
		return ASCTP_MIB_IN_UNKNOWN_CHUNK;
	return ASCTP_MIB_IN_PKTS;
}

static enum asctp_mib_field asctp_sm_chunk(struct asctp_rx *rx)
{
	enum asctp_state state = rx->a ? rx->a->state : ASCTP_S_CLOSED;
	asctp_sm_fn fn;

	/* 8.5 first: a packet with a wrong tag gets no report either */
	if (!asctp_sm_vtag_ok(rx->ch->type, rx->ch->flags, rx->vtag, rx->a))
		return ASCTP_MIB_IN_BAD_VTAG;
	if (rx->ch->type >= ASCTP_CID_MAX)
		return rx->a || rx->sk ? asctp_sm_unknown(rx) :
					 asctp_sm_ootb(rx);
	fn = asctp_sm_table[rx->ch->type][state];
	if (rx->ch->type != ASCTP_CID_DATA) {
		asctp_mib_inc(rx->net, ASCTP_MIB_IN_CTRL_CHUNKS);
		if (rx->a)
			rx->a->stats.ictrlchunks++;
	}
	return fn(rx);
}

enum asctp_mib_field asctp_sm_rx(struct asctp_rx *rx)
{
	const void *chunks = rx->skb->data + ASCTP_HDR_LEN;
	unsigned int len = rx->skb->len - ASCTP_HDR_LEN;
	enum asctp_mib_field ret = ASCTP_MIB_IN_PKTS;

	for (rx->ch = chunks; asctp_chunk_more(rx->ch, chunks, len);
	     rx->ch = asctp_chunk_next(rx->ch)) {
		ret = asctp_sm_chunk(rx);
		if (ret != ASCTP_MIB_IN_PKTS || rx->stop)
			break;
		/* 8.4: without an association one reply is enough */
		if (!rx->a && rx->ch->type != ASCTP_CID_COOKIE_ECHO)
			break;
	}
	if (!rx->a || rx->a->dead)
		return ret;
	/* RFC 6951 5.4: after the tag check, the peer's UDP port or none */
	if (ret == ASCTP_MIB_IN_PKTS && rx->vtag == rx->a->my_vtag)
		asctp_path_encap_seen(rx->a, &rx->reply.daddr, rx->reply.encap);
	if (rx->a->sack_needed)
		asctp_sm_data_done(rx->a);
	return ret;
}

void asctp_sm_timeout(struct asctp_assoc *a, enum asctp_timer_id t)
{
	switch (t) {
	case ASCTP_T1:
		asctp_sm_t1_expire(a);
		break;
	case ASCTP_T2:
		asctp_sm_t2_expire(a);
		break;
	case ASCTP_T3:
		asctp_sm_t3_expire(a);
		break;
	case ASCTP_TAUTOCLOSE:
		asctp_sm_autoclose_expire(a);
		break;
	case ASCTP_THB:
		asctp_sm_hb_expire(a);
		break;
	default:
		asctp_sm_sack_expire(a);
		break;
	}
}
