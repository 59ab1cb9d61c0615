// SPDX-License-Identifier: GPL-2.0
/*
 * Association set-up, RFC 9260 5.1: INIT, INIT ACK with a State
 * Cookie, COOKIE ECHO, COOKIE ACK, and T1.  Before a COOKIE ECHO with a
 * valid MAC nothing is allocated for a peer: an INIT costs one reply.
 */

#include <linux/slab.h>
#include <net/ip.h>

#include "addr.h"
#include "chunk.h"
#include "cookie.h"
#include "netns.h"
#include "reasm.h"
#include "sm.h"
#include "sock.h"
#include "timer.h"
#include "ulp.h"

enum asctp_handshake_len {
	ASCTP_COOKIE_PARAM_LEN	= ASCTP_PARAM_HDR_LEN +
				  sizeof(struct asctp_cookie),
};

/* RFC 9260 3.3.2.1: Supported Address Types, those @sk can use. */
static unsigned int asctp_sm_addr_types(const struct sock *sk, __be16 *t)
{
	unsigned int n = 0;

	if (sk->sk_family == AF_INET || !sk->sk_ipv6only)
		t[n++] = htons(ASCTP_PID_IPV4);
	if (sk->sk_family == AF_INET6)
		t[n++] = htons(ASCTP_PID_IPV6);
	return ASCTP_PARAM_HDR_LEN + n * sizeof(*t);
}

/* Receive window to advertise: the free receive buffer, scaled by
 * the share of user data in what it is charged for (the last chunk's
 * length over its truesize), so that a peer filling the window does
 * not overflow the buffer with small chunks.
 */
u32 asctp_sm_rwnd(const struct sock *sk)
{
	int room = READ_ONCE(sk->sk_rcvbuf) - atomic_read(&sk->sk_rmem_alloc);

	return room > 0 ? ((u64)room * asctp_sk(sk)->rcv_ratio) >> 8 : 0;
}

/* The current period of the count of associations that send DATA. */
u32 asctp_sm_rx_gen(void)
{
	return jiffies_to_msecs(jiffies) >> 7;
}

/* Associations of @sk that sent DATA in this period or the last one,
 * and one more unless @counted: the one the window is for.
 */
u32 asctp_sm_rx_senders(const struct sock *sk, bool counted)
{
	const struct asctp_sock *as = asctp_sk(sk);
	u32 gen = asctp_sm_rx_gen(), n = 0;

	if (gen == as->rx_gen)
		n = max(as->rx_active, as->rx_prev);
	else if (gen == as->rx_gen + 1)
		n = as->rx_active;
	return n + !counted;
}

/* The window for one association of @sk, @counted if it sent DATA
 * this period.  On a one-to-many socket the associations share the
 * receive buffer: each that sends gets an equal part of what is free,
 * so that together they cannot overrun it.  Granting each the whole
 * of it let 300 senders overfill it many times, and the drops turned
 * into a retransmission storm.  Idle ones take no part.
 */
u32 asctp_sm_rwnd_assoc(const struct asctp_assoc *a)
{
	bool counted = a->rx_gen == asctp_sm_rx_gen();

	return asctp_sm_rwnd(a->sk) /
	       max(asctp_sm_rx_senders(a->sk, counted), 1U);
}

/* The INIT ACK's window: nothing is known of the new association yet,
 * so its share is as if all of the socket's sent.
 */
static u32 asctp_sm_rwnd_new(const struct sock *sk)
{
	return asctp_sm_rwnd(sk) / (asctp_sk(sk)->n_assocs + 1);
}

static void asctp_sm_fill_init(struct asctp_init_hdr *ih, u32 tag, u32 rwnd,
			       u16 os, u16 mis, u32 tsn)
{
	ih->init_tag = htonl(tag);
	ih->a_rwnd = htonl(rwnd);
	ih->os = htons(os);
	ih->mis = htons(mis);
	ih->init_tsn = htonl(tsn);
}

/* RFC 5061 4.2.5: the socket's Adaptation Layer Indication, if set
 * (as the kernel's, only then); its length, 0 if not.
 */
static unsigned int asctp_sm_adaptation_len(const struct sock *sk)
{
	return asctp_sk(sk)->adaptation_ind ?
	       sizeof(struct asctp_adaptation_param) : 0;
}

static void *asctp_sm_put_adaptation(void *p, const struct sock *sk)
{
	struct asctp_adaptation_param *ap = p;

	if (!asctp_sm_adaptation_len(sk))
		return p;
	ap->hdr.type = htons(ASCTP_PID_ADAPTATION_IND);
	ap->hdr.length = htons(sizeof(*ap));
	ap->ind = htonl(asctp_sk(sk)->adaptation_ind);
	return ap + 1;
}

/* RFC 9260 5.2.6: the Cookie Preservative, once a cookie went stale. */
static unsigned int asctp_sm_preservative_len(const struct asctp_assoc *a)
{
	return a->cookie_inc_ms ? sizeof(struct asctp_cookie_preservative) : 0;
}

static void *asctp_sm_put_preservative(void *p, const struct asctp_assoc *a)
{
	struct asctp_cookie_preservative *cp = p;

	if (!asctp_sm_preservative_len(a))
		return p;
	cp->hdr.type = htons(ASCTP_PID_COOKIE_PRESERVATIVE);
	cp->hdr.length = htons(sizeof(*cp));
	cp->inc_ms = htonl(a->cookie_inc_ms);
	return cp + 1;
}

/* RFC 9260 5.1 A: INIT, with Supported Address Types, our
 * addresses if we have several (3.3.2.1), the Adaptation Layer
 * Indication if the socket has one, and a Cookie Preservative after a
 * Stale Cookie error (5.2.6).
 */
void asctp_sm_send_init(struct asctp_assoc *a)
{
	unsigned int len = sizeof(struct asctp_init_hdr) +
			   asctp_sm_adaptation_len(a->sk) +
			   asctp_sm_preservative_len(a);
	struct in6_addr addrs[ASCTP_MAX_LADDRS];
	unsigned int types_len;
	struct asctp_param_hdr *p;
	struct asctp_route r;
	struct sk_buff *skb;
	__be16 types[2];
	void *body;
	int n;

	n = asctp_addr_to_list(a->sk, &a->paddr, addrs);
	types_len = asctp_sm_addr_types(a->sk, types);
	len += asctp_addr_params_len(addrs, n) + types_len;
	skb = asctp_out_new(sock_net(a->sk), ASCTP_CHUNK_HDR_LEN + len);
	if (!skb)
		return;
	body = asctp_out_chunk(skb, ASCTP_CID_INIT, 0, len);
	a->rwnd_sent = asctp_sm_rwnd_assoc(a);
	/* data queued meanwhile already took TSNs: the first is ours */
	asctp_sm_fill_init(body, a->my_vtag, a->rwnd_sent, a->os,
			   a->mis, a->acked_tsn + 1);
	p = asctp_addr_put_params(body + sizeof(struct asctp_init_hdr),
				  addrs, n);
	p = asctp_sm_put_adaptation(p, a->sk);
	p = asctp_sm_put_preservative(p, a);
	/* last: the chunk's length leaves out its padding (3.2) */
	p->type = htons(ASCTP_PID_SUPPORTED_ADDR_TYPES);
	p->length = htons(types_len);
	memcpy(p + 1, types, types_len - ASCTP_PARAM_HDR_LEN);
	asctp_out_assoc_route(a, &r);
	r.vtag = 0;			/* 8.5.1 (A) */
	a->stats.opackets++;
	a->stats.octrlchunks++;
	asctp_out_xmit(sock_net(a->sk), a->sk, skb, &r);
}

/* The State Cookie for an INIT: what the TCB will need, signed. */
static void asctp_sm_make_cookie(struct asctp_rx *rx,
				 const struct asctp_init_info *in,
				 struct asctp_cookie *c)
{
	const struct sctp_initmsg *im = &asctp_sk(rx->sk)->initmsg;

	memset(c, 0, sizeof(*c));
	c->life_ms = asctp_sk(rx->sk)->cookie_life_ms +
		     min_t(u32, in->cookie_inc_ms, ASCTP_COOKIE_LIFE_MS);
	c->my_vtag = get_random_u32_above(0);
	c->peer_vtag = in->init_tag;
	c->my_tsn = get_random_u32();
	if (rx->a && rx->a->state <= ASCTP_S_COOKIE_ECHOED) {	/* 5.2.1 */
		c->my_vtag = rx->a->my_vtag;
		c->my_tsn = rx->a->acked_tsn + 1;	/* our INIT's */
	}
	c->peer_tsn = in->init_tsn;
	c->peer_rwnd = in->a_rwnd;
	c->os = min(im->sinit_num_ostreams, in->mis);
	c->mis = min(im->sinit_max_instreams, in->os);
	c->lport = rx->reply.sport;
	c->pport = rx->reply.dport;
	c->laddr = rx->reply.saddr;
	c->paddr = rx->reply.daddr;
	c->n_paddrs = in->n_paddrs;
	memcpy(c->paddrs, in->paddrs, sizeof(c->paddrs));
	c->peer_adaptation_ind = in->adaptation_ind;
	if (rx->a) {			/* 5.2.1, 5.2.2 */
		c->tie_my = rx->a->my_vtag;
		c->tie_peer = rx->a->peer_vtag;
	}
	asctp_cookie_sign(&asctp_net(rx->net)->secrets, c,
			  asctp_cookie_now_ms());
}

/* RFC 9260 3.3.3: each reported parameter goes back whole, wrapped
 * in one of type 8 (Unrecognized Parameter): in->unrec_len bytes.
 */
static void *asctp_sm_put_unrec(void *p, const struct asctp_init_info *in)
{
	struct asctp_param_hdr *ph;
	unsigned int i, len;

	for (i = 0; i < in->n_unrec; i++) {
		len = ntohs(in->unrec[i]->length);
		ph = p;
		ph->type = htons(ASCTP_PID_UNRECOGNIZED);
		ph->length = htons(ASCTP_PARAM_HDR_LEN + len);
		memcpy(ph + 1, in->unrec[i], len);
		p += ASCTP_PARAM_HDR_LEN + asctp_pad4(len);
	}
	return p;
}

/* RFC 9260 5.1.2: only addresses of the types the INIT supports. */
static int asctp_sm_peer_types(struct in6_addr *addrs, int n, u8 types)
{
	int i, m = 0;
	u8 t;

	if (!(types & ASCTP_ADDR_TYPES_GIVEN))
		return n;
	for (i = 0; i < n; i++) {
		t = asctp_addr_is_v4(&addrs[i]) ? ASCTP_ADDR_TYPE_V4 :
						  ASCTP_ADDR_TYPE_V6;
		if (types & t)
			addrs[m++] = addrs[i];
	}
	return m;
}

/* RFC 9260 5.1 (B): INIT ACK with the parameters to report, our
 * addresses if we have several, and the State Cookie.
 */
static void asctp_sm_send_init_ack(struct asctp_rx *rx,
				   const struct asctp_init_info *in)
{
	unsigned int len = sizeof(struct asctp_init_hdr) +
			   in->unrec_len +
			   asctp_sm_adaptation_len(rx->sk) +
			   ASCTP_COOKIE_PARAM_LEN;
	struct in6_addr addrs[ASCTP_MAX_LADDRS];
	struct asctp_param_hdr *p;
	struct asctp_cookie *c;
	struct sk_buff *skb;
	void *body;
	int n;

	n = asctp_addr_to_list(rx->sk, &rx->reply.daddr, addrs);
	n = asctp_sm_peer_types(addrs, n, in->addr_types);
	len += asctp_addr_params_len(addrs, n);
	skb = asctp_out_new(rx->net, ASCTP_CHUNK_HDR_LEN + len);
	if (!skb)
		return;
	body = asctp_out_chunk(skb, ASCTP_CID_INIT_ACK, 0, len);
	p = asctp_sm_put_unrec(body + sizeof(struct asctp_init_hdr), in);
	p = asctp_addr_put_params(p, addrs, n);
	p = asctp_sm_put_adaptation(p, rx->sk);
	/* last: the chunk's length leaves out its padding (3.2) */
	p->type = htons(ASCTP_PID_STATE_COOKIE);
	p->length = htons(ASCTP_COOKIE_PARAM_LEN);
	c = (struct asctp_cookie *)(p + 1);
	asctp_sm_make_cookie(rx, in, c);
	asctp_sm_fill_init(body, c->my_vtag,
			   asctp_sm_rwnd_new(rx->sk), c->os, c->mis,
			   c->my_tsn);
	rx->reply.vtag = in->init_tag;
	asctp_out_xmit(rx->net, NULL, skb, &rx->reply);
}

static bool asctp_sm_listening(const struct sock *sk)
{
	return sk && sk->sk_state == TCP_LISTEN;
}

/* Whether an INIT meets no association and no listener. */
static bool asctp_sm_init_ootb(const struct asctp_rx *rx)
{
	return (!rx->a || rx->a->state == ASCTP_S_CLOSED) &&
	       !asctp_sm_listening(rx->sk);
}

/* RFC 9260 5.1 (B): INIT to an endpoint.  8.4 (3): with no listener
 * the ABORT carries the INIT's tag and no T bit.
 * 5.2.1, 5.2.2: an INIT for an association we have.  While ours is
 * being set up (both sides connect at once), an INIT ACK with the tag
 * and TSN of our INIT; once it is up (the peer may have restarted),
 * with new ones.  Either way the association's tags go in the cookie
 * as Tie-Tags, and nothing changes here until a COOKIE ECHO proves the
 * peer got it (5.2.4): T1 keeps running.
 */
enum asctp_mib_field asctp_sm_init(struct asctp_rx *rx)
{
	struct asctp_init_info in;
	enum asctp_mib_field ret;

	rx->stop = true;
	ret = asctp_init_parse(rx->ch, &in);
	rx->reply.vtag = in.init_tag;
	if (ret != ASCTP_MIB_IN_PKTS) {
		if (in.abort_cause)
			asctp_out_abort(rx->net, NULL, &rx->reply, false,
					in.abort_cause, in.abort_info,
					in.abort_info_len);
		return ret;
	}
	if (asctp_sm_init_ootb(rx)) {
		asctp_out_abort(rx->net, NULL, &rx->reply, false, 0, NULL, 0);
		asctp_mib_inc(rx->net, ASCTP_MIB_OUT_OOTB_REPLIES);
		return ASCTP_MIB_IN_OUT_OF_BLUE;
	}
	asctp_sm_send_init_ack(rx, &in);
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 5.1 (C), 3.2.1: COOKIE ECHO, with the INIT ACK's parameters
 * to report in an ERROR chunk behind it (the cause has the parameter's
 * shape: code 8, the parameter whole), unless that would not fit an IP
 * datagram beside a cookie of nearly 64 KiB.
 */
static void asctp_sm_send_cookie_echo(struct asctp_assoc *a,
				      const struct asctp_init_info *in)
{
	unsigned int len = asctp_pad4(ASCTP_CHUNK_HDR_LEN + a->cookie_len);
	unsigned int unrec = in->unrec_len;
	struct sk_buff *skb;
	void *p;

	if (sizeof(struct iphdr) + ASCTP_HDR_LEN + len + ASCTP_CHUNK_HDR_LEN +
	    unrec > IP_MAX_MTU)
		unrec = 0;
	skb = asctp_out_new(sock_net(a->sk),
			    len + (unrec ? ASCTP_CHUNK_HDR_LEN + unrec : 0));
	if (!skb)
		return;
	p = asctp_out_chunk(skb, ASCTP_CID_COOKIE_ECHO, 0, a->cookie_len);
	memcpy(p, a->cookie, a->cookie_len);
	if (unrec)
		asctp_sm_put_unrec(asctp_out_chunk(skb, ASCTP_CID_ERROR, 0,
						   unrec), in);
	asctp_out_assoc_xmit(a, skb);
}

/* RFC 9260 5.1 (C): INIT ACK in COOKIE-WAIT. */
enum asctp_mib_field asctp_sm_init_ack(struct asctp_rx *rx)
{
	struct asctp_assoc *a = rx->a;
	struct asctp_init_info in;
	enum asctp_mib_field ret;
	struct asctp_path *p;

	ret = asctp_init_parse(rx->ch, &in);
	if (ret != ASCTP_MIB_IN_PKTS) {
		if (in.abort_cause) {
			/* the peer learns why, under the tag it just gave */
			rx->reply.vtag = in.init_tag;
			asctp_out_abort(rx->net, NULL, &rx->reply, false,
					in.abort_cause, in.abort_info,
					in.abort_info_len);
			asctp_sm_abort_assoc(a, 0, ECONNREFUSED);
			rx->stop = true;
		}
		return ret;
	}
	a->peer_vtag = in.init_tag;
	asctp_tsnmap_init(&a->tsnmap, in.init_tsn);
	a->peer_rwnd = in.a_rwnd;
	a->peer_adaptation_ind = in.adaptation_ind;
	asctp_path_add_peers(a->sk, a, in.paddrs, in.n_paddrs);
	list_for_each_entry(p, &a->paths, node)
		asctp_cc_init(&p->cc, p->pmtu, in.a_rwnd);
	kfree(a->cookie);
	a->cookie = kmemdup(in.cookie, in.cookie_len, GFP_ATOMIC);
	if (!a->cookie ||
	    asctp_assoc_set_streams(a, min(a->os, in.mis), min(a->mis, in.os),
				    GFP_ATOMIC)) {
		asctp_sm_abort_assoc(a, ASCTP_CAUSE_NO_RESOURCES, ENOMEM);
		rx->stop = true;
		return ASCTP_MIB_IN_NO_MEM;
	}
	a->cookie_len = in.cookie_len;
	asctp_timer_stop(a, ASCTP_T1);
	a->state = ASCTP_S_COOKIE_ECHOED;
	asctp_sm_send_cookie_echo(a, &in);
	asctp_timer_start(a, ASCTP_T1);
	return ASCTP_MIB_IN_PKTS;
}

/* The TCB, from a verified cookie, owned by @sk. */
static struct asctp_assoc *asctp_sm_tcb(struct sock *sk,
					const struct asctp_cookie *c,
					__be16 encap)
{
	struct asctp_assoc *a = asctp_assoc_new(sk, GFP_ATOMIC);

	if (!a)
		return NULL;
	/* RFC 6951 5.4: the COOKIE ACK goes back the way the ECHO came */
	a->popts.encap_port = encap;
	a->path0.o.encap_port = encap;
	if (asctp_assoc_set_streams(a, c->os, c->mis, GFP_ATOMIC)) {
		asctp_assoc_delete(a);
		return NULL;
	}
	a->my_vtag = c->my_vtag;
	a->peer_vtag = c->peer_vtag;
	a->next_tsn = c->my_tsn;
	a->acked_tsn = c->my_tsn - 1;
	asctp_tsnmap_init(&a->tsnmap, c->peer_tsn);
	a->rwnd_sent = asctp_sm_rwnd_assoc(a);	/* about what INIT ACK said */
	a->peer_rwnd = c->peer_rwnd;
	a->laddr = c->laddr;
	a->paddr = c->paddr;
	a->lport = c->lport;
	a->pport = c->pport;
	a->primary->addr = c->paddr;
	/* no route: the MTU stays the default, the source is laddr */
	if (asctp_path_route(sk, a, a->primary))
		a->primary->saddr = c->laddr;
	asctp_cc_init(&a->primary->cc, a->primary->pmtu, c->peer_rwnd);
	asctp_path_add_peers(sk, a, c->paddrs,
			     min_t(u8, c->n_paddrs, ASCTP_MAX_PADDRS));
	a->peer_adaptation_ind = c->peer_adaptation_ind;
	a->state = ASCTP_S_ESTABLISHED;
	asctp_sock_assoc_up(a);
	asctp_assoc_hash(a);
	return a;
}

/* RFC 9260 5.2.6: Stale Cookie Error, with how late it was. */
static void asctp_sm_stale_cookie(struct asctp_rx *rx, u32 stale_us)
{
	struct asctp_cause_hdr *c;
	struct sk_buff *skb;

	skb = asctp_out_new(rx->net,
			    ASCTP_CHUNK_HDR_LEN + ASCTP_CAUSE_HDR_LEN + 4);
	if (!skb)
		return;
	c = asctp_out_chunk(skb, ASCTP_CID_ERROR, 0, ASCTP_CAUSE_HDR_LEN + 4);
	c->code = htons(ASCTP_CAUSE_STALE_COOKIE);
	c->length = htons(ASCTP_CAUSE_HDR_LEN + 4);
	*(__be32 *)(c + 1) = htonl(stale_us);
	asctp_out_xmit(rx->net, NULL, skb, &rx->reply);
}

/* RFC 9260 5.1.5: a cookie we made, intact, fresh, for this packet. */
static enum asctp_mib_field asctp_sm_check_cookie(struct asctp_rx *rx,
						  struct asctp_cookie *c)
{
	unsigned int len = ntohs(rx->ch->length) - ASCTP_CHUNK_HDR_LEN;
	enum asctp_cookie_verdict v;
	u32 stale_us;

	v = asctp_cookie_verify(&asctp_net(rx->net)->secrets, rx->ch + 1, len,
				asctp_cookie_now_ms(), c, &stale_us);
	if (v == ASCTP_COOKIE_STALE) {
		rx->reply.vtag = c->peer_vtag;
		asctp_sm_stale_cookie(rx, stale_us);
		return ASCTP_MIB_IN_STALE_COOKIE;
	}
	if (v != ASCTP_COOKIE_OK)
		return ASCTP_MIB_IN_BAD_COOKIE;
	if (rx->vtag != c->my_vtag)
		return ASCTP_MIB_IN_BAD_VTAG;
	if (c->lport != rx->reply.sport || c->pport != rx->reply.dport ||
	    !asctp_addr_eq(&c->paddr, &rx->reply.daddr))
		return ASCTP_MIB_IN_BAD_COOKIE;
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 5.1 (D): the first moment a peer costs memory. */
enum asctp_mib_field asctp_sm_cookie_echo(struct asctp_rx *rx)
{
	struct asctp_cookie c;
	enum asctp_mib_field ret;
	struct sock *owner;

	ret = asctp_sm_check_cookie(rx, &c);
	if (ret != ASCTP_MIB_IN_PKTS) {
		rx->stop = true;
		return ret;
	}
	if (!asctp_sm_listening(rx->sk))
		return asctp_sm_ootb(rx);	/* 8.4 (4), then (8) */
	owner = rx->sk;
	if (rx->sk->sk_type == SOCK_STREAM) {
		if (sk_acceptq_is_full(rx->sk))
			return ASCTP_MIB_IN_BACKLOG_FULL;
		owner = asctp_sock_clone(rx->sk);
		if (!owner)
			return ASCTP_MIB_IN_NO_MEM;
		rx->child = owner;
	}
	rx->a = asctp_sm_tcb(owner, &c, rx->reply.encap);
	if (!rx->a) {
		if (rx->child)
			asctp_sock_child_drop(rx->child);
		rx->child = NULL;
		return ASCTP_MIB_IN_NO_MEM;
	}
	asctp_assoc_hold(rx->a);	/* the reference rx holds */
	if (rx->child)
		asctp_sock_accept_enqueue(rx->sk, rx->child);
	rx->sk = owner;
	asctp_mib_inc(rx->net, ASCTP_MIB_PASSIVE_ESTABS);
	asctp_out_assoc_chunk(rx->a, ASCTP_CID_COOKIE_ACK, 0, NULL, 0);
	asctp_ulp_assoc_change(rx->a, SCTP_COMM_UP, 0);
	asctp_ulp_adaptation(rx->a);
	asctp_sm_autoclose_start(rx->a);
	asctp_sm_hb_start(rx->a);
	return ASCTP_MIB_IN_PKTS;
}

/* Our side of the handshake is done: the association is up. */
static void asctp_sm_established(struct asctp_assoc *a)
{
	asctp_timer_stop(a, ASCTP_T1);
	kfree(a->cookie);
	a->cookie = NULL;
	/* the back-off ends; no RTT is measured from the handshake */
	asctp_rto_init(&a->primary->rto, a->primary->rto.initial_ms,
		       a->primary->rto.min_ms, a->primary->rto.max_ms);
	a->state = ASCTP_S_ESTABLISHED;
	asctp_mib_inc(sock_net(a->sk), ASCTP_MIB_ACTIVE_ESTABS);
	asctp_sock_assoc_up(a);
	asctp_ulp_assoc_change(a, SCTP_COMM_UP, 0);
	asctp_ulp_adaptation(a);
	asctp_sm_autoclose_start(a);
	asctp_sm_hb_start(a);
	asctp_sm_xmit_data(a);
}

/* RFC 9260 5.2.4 (B): the peer's side of an INIT collision; its tag,
 * TSN, window and streams, from the cookie our INIT ACK gave it.
 */
static int asctp_sm_collision(struct asctp_assoc *a,
			      const struct asctp_cookie *c)
{
	struct asctp_path *p;

	if (asctp_assoc_set_streams(a, c->os, c->mis, GFP_ATOMIC))
		return -ENOMEM;
	a->peer_vtag = c->peer_vtag;
	asctp_tsnmap_init(&a->tsnmap, c->peer_tsn);
	a->peer_rwnd = c->peer_rwnd;
	a->peer_adaptation_ind = c->peer_adaptation_ind;
	asctp_path_add_peers(a->sk, a, c->paddrs,
			     min_t(u8, c->n_paddrs, ASCTP_MAX_PADDRS));
	list_for_each_entry(p, &a->paths, node)
		asctp_cc_init(&p->cc, p->pmtu, c->peer_rwnd);
	return 0;
}

/* RFC 9260 5.2.4 (A): the peer restarted.  Its new side comes from the
 * cookie as in a collision; what was queued or in flight for its old
 * incarnation is lost (SEND_FAILED), what came from it and was not
 * whole is dropped, as the kernel's; tags, TSNs, windows and error
 * counts start over, and the user gets SCTP_RESTART.  Addresses it no
 * longer has stay until they fail (no ASCONF).
 */
static int asctp_sm_restart(struct asctp_assoc *a, const struct asctp_cookie *c)
{
	struct asctp_path *p;

	if (asctp_sm_collision(a, c))
		return -ENOMEM;
	memset(a->ssn, 0, a->os * sizeof(*a->ssn));
	asctp_timer_stop_all(a);
	asctp_ulp_pd_aborted(a);
	asctp_reasm_purge(a);
	asctp_assoc_fail_queue(a, &a->sentq, true);
	asctp_assoc_fail_queue(a, &a->outq, false);
	asctp_assoc_retag(a, c->my_vtag, c->peer_vtag, c->my_tsn,
			  c->peer_tsn);
	a->flight = 0;
	a->nrtx = 0;
	a->fast_recovery = false;
	a->rtt_pending = false;
	a->sack_pkts = 0;
	a->sack_bytes = 0;
	a->errors = 0;
	memset(a->retries, 0, sizeof(a->retries));
	list_for_each_entry(p, &a->paths, node) {
		p->errors = 0;
		p->hb_pending = false;
	}
	a->state = ASCTP_S_ESTABLISHED;
	a->sk->sk_write_space(a->sk);
	return 0;
}

/* RFC 9260 5.2.4: a COOKIE ECHO for an association we have.  (D) both
 * tags ours: our COOKIE ACK was lost, or the INITs crossed and each
 * side answered with its own tag.  (B) our tag, the peer's new: the
 * INITs crossed before we knew its tag.  Either way we are up.  (A)
 * both new and the Tie-Tags ours: the peer restarted.  (C), anything
 * else: dropped.
 */
enum asctp_mib_field asctp_sm_cookie_echo_dup(struct asctp_rx *rx)
{
	struct asctp_assoc *a = rx->a;
	struct asctp_cookie c;
	enum asctp_mib_field ret;

	ret = asctp_sm_check_cookie(rx, &c);
	if (ret != ASCTP_MIB_IN_PKTS)
		return ret;
	if (c.my_vtag == a->my_vtag && c.peer_vtag != a->peer_vtag &&
	    asctp_sm_collision(a, &c))
		return ASCTP_MIB_IN_NO_MEM;
	if (c.my_vtag == a->my_vtag) {
		if (a->state < ASCTP_S_ESTABLISHED)
			asctp_sm_established(a);
		goto ack;
	}
	if (c.peer_vtag == a->peer_vtag ||
	    c.tie_my != a->my_vtag || c.tie_peer != a->peer_vtag ||
	    a->state < ASCTP_S_ESTABLISHED ||
	    a->state == ASCTP_S_SHUTDOWN_ACK_SENT)
		return ASCTP_MIB_IN_BAD_STATE;
	if (asctp_sm_restart(a, &c))
		return ASCTP_MIB_IN_NO_MEM;
	asctp_mib_inc(rx->net, ASCTP_MIB_RESTARTS);
	asctp_ulp_assoc_change(a, SCTP_RESTART, 0);
	asctp_sm_hb_start(a);
	asctp_sm_autoclose_start(a);
ack:
	asctp_out_assoc_chunk(a, ASCTP_CID_COOKIE_ACK, 0, NULL, 0);
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 5.1 (E): COOKIE ACK in COOKIE-ECHOED. */
enum asctp_mib_field asctp_sm_cookie_ack(struct asctp_rx *rx)
{
	asctp_sm_established(rx->a);
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 5.2.6: the peer found our State Cookie stale.  Option 3:
 * back to COOKIE-WAIT with a new INIT whose Cookie Preservative asks
 * for twice the Measure of Staleness (us) in ms, as the kernel's SCTP
 * asks (the peer caps it), and T1-init restarted.  Each such error
 * counts as one retransmission against Max.Init.Retransmits, beside
 * T1's own; unlike those, they are not forgotten at the next INIT ACK,
 * so that a peer always finding us late cannot keep us trying forever.
 */
void asctp_sm_cookie_stale(struct asctp_assoc *a, u32 stale_us)
{
	bool over = ++a->cookie_stales + a->retries[ASCTP_T1] > a->max_init;

	asctp_timer_stop(a, ASCTP_T1);		/* zeroes retries[] */
	if (over) {
		asctp_ulp_assoc_change(a, SCTP_CANT_STR_ASSOC, ETIMEDOUT);
		asctp_sm_end(a, ETIMEDOUT);
		return;
	}
	a->cookie_inc_ms = max_t(u32, stale_us / (USEC_PER_MSEC / 2), 1);
	kfree(a->cookie);
	a->cookie = NULL;
	a->cookie_len = 0;
	a->peer_vtag = 0;	/* the next INIT ACK brings it again */
	a->state = ASCTP_S_COOKIE_WAIT;
	asctp_sm_send_init(a);
	asctp_timer_start(a, ASCTP_T1);
}

/* RFC 9260 5.1 (A), (C): T1-init and T1-cookie resend with back-off. */
void asctp_sm_t1_expire(struct asctp_assoc *a)
{
	asctp_mib_inc(sock_net(a->sk), ASCTP_MIB_T1_EXPIREDS);
	if (++a->retries[ASCTP_T1] > a->max_init) {
		asctp_ulp_assoc_change(a, SCTP_CANT_STR_ASSOC, ETIMEDOUT);
		asctp_sm_end(a, ETIMEDOUT);
		return;
	}
	a->primary->rto.rto_ms = min(a->primary->rto.rto_ms * 2,
				     a->max_init_rto_ms);
	if (a->state == ASCTP_S_COOKIE_WAIT)
		asctp_sm_send_init(a);
	else
		asctp_out_assoc_chunk(a, ASCTP_CID_COOKIE_ECHO, 0, a->cookie,
				      a->cookie_len);
	/* mod_timer on an expired timer: a new reference */
	asctp_timer_start(a, ASCTP_T1);
}
