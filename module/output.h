/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Building and sending packets.  A packet is built in a linear skb:
 * asctp_out_new(), then chunks with asctp_out_chunk(), then
 * asctp_out_xmit(), which writes the common header and CRC32c and
 * routes it.  Softirq or process context.
 */
#ifndef _ASCTP_OUTPUT_H
#define _ASCTP_OUTPUT_H

#include <linux/in6.h>
#include <linux/skbuff.h>

#include "wire.h"

struct asctp_assoc;
struct asctp_path;
struct net;
struct sock;

/* Where a packet goes, and its verification tag. */
struct asctp_route {
	struct in6_addr saddr;		/* addr.h; all zeros: the route's */
	struct in6_addr daddr;
	__be16 sport;
	__be16 dport;
	__be16 encap;			/* the peer's UDP port; 0: not in UDP */
	u32 vtag;
	u32 qos;			/* SPP_DSCP, SPP_IPV6_FLOWLABEL: set */
	u8 dscp;			/* the TOS or traffic class, if set */
	u32 flowlabel;			/* IPv6, if set */
};

struct sk_buff *asctp_out_new(const struct net *net, unsigned int len);
void *asctp_out_chunk(struct sk_buff *skb, u8 type, u8 flags,
		      unsigned int len);
void asctp_out_xmit(struct net *net, struct sock *sk, struct sk_buff *skb,
		    const struct asctp_route *r);

/* For an association: its addresses, ports and the peer's tag; to
 * one path, or to the one new data goes to.
 */
void asctp_out_path_route(const struct asctp_assoc *a,
			  const struct asctp_path *p, struct asctp_route *r);
void asctp_out_path_xmit(struct asctp_assoc *a, struct asctp_path *p,
			 struct sk_buff *skb);
void asctp_out_assoc_route(const struct asctp_assoc *a,
			   struct asctp_route *r);
void asctp_out_assoc_xmit(struct asctp_assoc *a, struct sk_buff *skb);

/* One packet holding one chunk with @len bytes of body from @body. */
void asctp_out_assoc_chunk(struct asctp_assoc *a, u8 type, u8 flags,
			   const void *body, unsigned int len);

/* RFC 9260 3.3.7: ABORT, optionally with one error cause and its
 * @len bytes of information from @info (3.3.10).
 */
void asctp_out_abort(struct net *net, struct sock *sk,
		     const struct asctp_route *r, bool t_bit, u16 cause,
		     const void *info, unsigned int len);

/* Room left in front of a packet for the IP and link headers. */
enum { ASCTP_OUT_HEADROOM = MAX_HEADER + 60 };

#endif /* _ASCTP_OUTPUT_H */
