/* SPDX-License-Identifier: GPL-2.0 */
/* ICMP errors about the packets we sent, plain or in UDP. */
#ifndef _ASCTP_ICMP_H
#define _ASCTP_ICMP_H

#include <linux/types.h>

struct sk_buff;
struct sock;

/* net_protocol.err_handler: @skb's data is the IP header we sent. */
int asctp_icmp_err(struct sk_buff *skb, u32 info);
struct inet6_skb_parm;
/* inet6_protocol.err_handler: @skb's data is the IPv6 header we sent. */
int asctp_icmp6_err(struct sk_buff *skb, struct inet6_skb_parm *opt,
		    u8 type, u8 code, int offset, __be32 info);
/* udp_sock.encap_err_lookup: 0 when the ICMP quotes one of ours. */
int asctp_icmp_encap_err(struct sock *sk, struct sk_buff *skb);
int asctp_icmp6_encap_err(struct sock *sk, struct sk_buff *skb);
/* release_cb: what came while the user held the socket. */
void asctp_icmp_release_cb(struct sock *sk);

#endif /* _ASCTP_ICMP_H */
