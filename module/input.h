/* SPDX-License-Identifier: GPL-2.0 */
/* Packet reception from the IP layer, in softirq. */
#ifndef _ASCTP_INPUT_H
#define _ASCTP_INPUT_H

#include <linux/skbuff.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "mib.h"

/* What a packet carries from reception to its socket's backlog. */
struct asctp_input_cb {
	union {				/* the IP layer's, kept */
		struct inet_skb_parm h4;
		struct inet6_skb_parm h6;
	};
	__be16 encap_port;		/* UDP source port; 0: not in UDP */
};

static inline struct asctp_input_cb *asctp_input_cb(struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct asctp_input_cb) > sizeof(skb->cb));
	return (struct asctp_input_cb *)skb->cb;
}

struct asctp_hdr;

/* Result of the common header checks: ASCTP_MIB_IN_PKTS when the
 * header is acceptable, else the counter that names the drop.
 */
enum asctp_mib_field asctp_input_hdr_check(const struct asctp_hdr *sh,
					   unsigned int len);
/* The IPv4 and IPv6 handler: skb->data at the SCTP common header. */
int asctp_input_rcv(struct sk_buff *skb);
/* RFC 6951: an SCTP packet that came in UDP from @port. */
void asctp_input_encap(struct sk_buff *skb, __be16 port);

struct sock;
/* A packet for a socket the caller owns (the socket's backlog). */
void asctp_input_sk_rcv(struct sock *sk, struct sk_buff *skb);

#endif /* _ASCTP_INPUT_H */
