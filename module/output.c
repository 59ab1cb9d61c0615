// SPDX-License-Identifier: GPL-2.0
/* Packet building and transmission (RFC 9260 6.10 bundling, 3.1). */

#include <linux/ip.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/ip6_route.h>
#include <net/ipv6.h>
#include <net/route.h>

#include "addr.h"
#include "assoc.h"
#include "chunk.h"
#include "crc.h"
#include "encap.h"
#include "mib.h"
#include "netns.h"
#include "obj.h"
#include "output.h"
#include "sock.h"

struct sk_buff *asctp_out_new(const struct net *net, unsigned int len)
{
	struct sk_buff *skb = NULL;

	if (!asctp_obj_fail(len))
		skb = alloc_skb(ASCTP_OUT_HEADROOM + ASCTP_HDR_LEN + len,
				GFP_ATOMIC);
	if (!skb) {
		asctp_mib_inc(net, ASCTP_MIB_OUT_NO_MEM);
		return NULL;
	}
	skb_reserve(skb, ASCTP_OUT_HEADROOM);
	skb_reset_transport_header(skb);
	skb_put_zero(skb, ASCTP_HDR_LEN);
	return skb;
}

/* Appends a chunk with a zeroed @len-byte body, padded; returns the
 * body.  The caller sized the skb.
 */
void *asctp_out_chunk(struct sk_buff *skb, u8 type, u8 flags,
		      unsigned int len)
{
	struct asctp_chunk_hdr *ch;

	ch = skb_put_zero(skb, asctp_pad4(ASCTP_CHUNK_HDR_LEN + len));
	ch->type = type;
	ch->flags = flags;
	ch->length = htons(ASCTP_CHUNK_HDR_LEN + len);
	return ch + 1;
}

static void asctp_out_xmit4(struct net *net, struct sock *sk,
			    struct sk_buff *skb, const struct asctp_route *r)
{
	__be32 daddr = asctp_addr_v4(&r->daddr);
	struct rtable *rt;
	struct flowi4 fl4;

	rt = ip_route_output_ports(net, &fl4, sk, daddr,
				   asctp_addr_v4(&r->saddr), r->dport,
				   r->sport, asctp_ipproto, 0,
				   sk->sk_bound_dev_if);
	if (IS_ERR(rt)) {
		asctp_mib_inc(net, ASCTP_MIB_OUT_NO_ROUTE);
		kfree_skb(skb);
		return;
	}
	skb_dst_set(skb, &rt->dst);
	/* a chunk cut for a larger MTU than the route's (xmit.c) */
	if (skb->len + sizeof(struct iphdr) +
	    (r->encap ? sizeof(struct udphdr) : 0) > dst_mtu(&rt->dst))
		skb->ignore_df = 1;
	asctp_mib_inc(net, ASCTP_MIB_OUT_PKTS);
	/* RFC 6951: as the kernel's, plain SCTP when UDP is off here */
	if (r->encap && asctp_encap_xmit(net, skb, &fl4, r->encap)) {
		asctp_mib_inc(net, ASCTP_MIB_OUT_ENCAP_PKTS);
		return;
	}
	/* SPP_DSCP, else the socket's IP_TOS, as the kernel's SCTP */
	ip_build_and_send_pkt(skb, sk, fl4.saddr, daddr, NULL,
			      r->qos & SPP_DSCP ? r->dscp :
			      READ_ONCE(inet_sk(sk)->tos));
}

/* ip6_xmit() wants a socket with IPv6 options: an AF_INET6 one. */
static void asctp_out_xmit6(struct net *net, struct sock *sk,
			    struct sk_buff *skb, const struct asctp_route *r)
{
	const struct ipv6_pinfo *np = inet6_sk(sk);
	struct flowi6 fl6 = {
		.flowi6_proto = asctp_ipproto,
		.flowi6_oif = sk->sk_bound_dev_if,
		.flowi6_mark = READ_ONCE(sk->sk_mark),
		.daddr = r->daddr,
		.saddr = r->saddr,
		.fl6_dport = r->dport,
		.fl6_sport = r->sport,
	};
	struct dst_entry *dst;
	int tclass = np ? np->tclass : 0;

	/* SCTP_PEER_ADDR_PARAMS's, else the socket's IPV6_TCLASS */
	if (r->qos & SPP_DSCP)
		tclass = r->dscp;
	if (r->qos & SPP_IPV6_FLOWLABEL)
		fl6.flowlabel = htonl(r->flowlabel);

	dst = ip6_dst_lookup_flow(net, sk, &fl6, NULL);
	if (IS_ERR(dst)) {
		asctp_mib_inc(net, ASCTP_MIB_OUT_NO_ROUTE);
		kfree_skb(skb);
		return;
	}
	skb_dst_set(skb, dst);
	/* a chunk cut for a larger MTU than the route's (xmit.c) */
	if (skb->len + sizeof(struct ipv6hdr) +
	    (r->encap ? sizeof(struct udphdr) : 0) > dst_mtu(dst))
		skb->ignore_df = 1;
	asctp_mib_inc(net, ASCTP_MIB_OUT_PKTS);
	if (r->encap && asctp_encap_xmit6(net, skb, &fl6, r->encap, tclass,
					  READ_ONCE(sk->sk_priority))) {
		asctp_mib_inc(net, ASCTP_MIB_OUT_ENCAP_PKTS);
		return;
	}
	ip6_xmit(sk, skb, &fl6, fl6.flowi6_mark, NULL, tclass,
		 READ_ONCE(sk->sk_priority));
}

void asctp_out_xmit(struct net *net, struct sock *sk, struct sk_buff *skb,
		    const struct asctp_route *r)
{
	bool v4 = asctp_addr_is_v4(&r->daddr);

	struct asctp_hdr *sh = (struct asctp_hdr *)skb->data;

	sh->sport = r->sport;
	sh->dport = r->dport;
	sh->vtag = htonl(r->vtag);
	sh->checksum = asctp_crc_buf(skb->data, skb->len);
	skb->ip_summed = CHECKSUM_NONE;
	if (!sk)
		sk = v4 ? asctp_net(net)->ctl_sk : asctp_net(net)->ctl_sk6;
	if (v4)
		asctp_out_xmit4(net, sk, skb, r);
	else if (sk && sk->sk_family == AF_INET6)	/* RFC 6951: IPv4 only */
		asctp_out_xmit6(net, sk, skb, r);
	else
		goto no_route;
	return;
no_route:
	asctp_mib_inc(net, ASCTP_MIB_OUT_NO_ROUTE);
	kfree_skb(skb);
}

void asctp_out_path_route(const struct asctp_assoc *a,
			  const struct asctp_path *p, struct asctp_route *r)
{
	r->saddr = asctp_addr_any(&p->saddr) ? a->laddr : p->saddr;
	r->daddr = p->addr;
	r->sport = a->lport;
	r->dport = a->pport;
	r->encap = p->o.encap_port;
	r->vtag = a->peer_vtag;
	r->qos = p->o.flags & (SPP_DSCP | SPP_IPV6_FLOWLABEL);
	r->dscp = p->o.dscp;
	r->flowlabel = p->o.flowlabel;
}

/* To the path new data goes to. */
void asctp_out_assoc_route(const struct asctp_assoc *a,
			   struct asctp_route *r)
{
	asctp_out_path_route(a, a->active, r);
}

/* SCTP_GET_ASSOC_STATS: the control chunks of a packet we built. */
static void asctp_out_count(struct asctp_assoc *a, const struct sk_buff *skb)
{
	const struct asctp_chunk_hdr *ch;
	unsigned int off = ASCTP_HDR_LEN;

	while (off + ASCTP_CHUNK_HDR_LEN <= skb->len) {
		ch = (const void *)(skb->data + off);
		if (ch->type != ASCTP_CID_DATA)
			a->stats.octrlchunks++;
		off += asctp_pad4(max_t(u16, ntohs(ch->length),
					ASCTP_CHUNK_HDR_LEN));
	}
}

void asctp_out_path_xmit(struct asctp_assoc *a, struct asctp_path *p,
			 struct sk_buff *skb)
{
	struct asctp_route r;

	asctp_out_path_route(a, p, &r);
	a->stats.opackets++;
	asctp_out_count(a, skb);
	asctp_out_xmit(sock_net(a->sk), a->sk, skb, &r);
}

void asctp_out_assoc_xmit(struct asctp_assoc *a, struct sk_buff *skb)
{
	asctp_out_path_xmit(a, a->active, skb);
}

void asctp_out_assoc_chunk(struct asctp_assoc *a, u8 type, u8 flags,
			   const void *body, unsigned int len)
{
	struct sk_buff *skb;
	void *p;

	skb = asctp_out_new(sock_net(a->sk), asctp_pad4(ASCTP_CHUNK_HDR_LEN + len));
	if (!skb)
		return;
	p = asctp_out_chunk(skb, type, flags, len);
	if (len)
		memcpy(p, body, len);
	asctp_out_assoc_xmit(a, skb);
}

void asctp_out_abort(struct net *net, struct sock *sk,
		     const struct asctp_route *r, bool t_bit, u16 cause,
		     const void *info, unsigned int len)
{
	struct asctp_cause_hdr *c;
	struct sk_buff *skb;

	len = cause ? ASCTP_CAUSE_HDR_LEN + len : 0;
	skb = asctp_out_new(net, asctp_pad4(ASCTP_CHUNK_HDR_LEN + len));
	if (!skb)
		return;
	c = asctp_out_chunk(skb, ASCTP_CID_ABORT, t_bit ? ASCTP_FLAG_T : 0,
			    len);
	if (cause) {
		c->code = htons(cause);
		c->length = htons(len);
		if (info)
			memcpy(c + 1, info, len - ASCTP_CAUSE_HDR_LEN);
	}
	asctp_out_xmit(net, sk, skb, r);
}
