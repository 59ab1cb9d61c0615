/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RFC 6951: SCTP packets carried in UDP, so that associations cross
 * NATs that translate only TCP, UDP and ICMP.  Per network namespace,
 * two kernel UDP sockets (IPv4, IPv6) on the port net.asctp.udp_port
 * names (0, the default: off) receive them and send ours.
 */
#ifndef _ASCTP_ENCAP_H
#define _ASCTP_ENCAP_H

#include <linux/types.h>

struct ctl_table_header;
struct flowi4;
struct flowi6;
struct net;
struct sk_buff;
struct socket;

/* sock and sock6 are written under the sysctl's mutex (or at netns
 * exit) and read under RCU; the two ports are the sysctls' values.
 */
struct asctp_encap_net {
	struct net *net;
	struct socket __rcu *sock;	/* NULL: encapsulation is off */
	struct socket __rcu *sock6;	/* NULL: off, or no IPv6 here */
	int udp_port;			/* net.asctp.udp_port: ours */
	int encap_port;			/* net.asctp.encap_port: peers' */
	struct ctl_table_header *sysctl;
};

int asctp_encap_net_init(struct net *net, struct asctp_encap_net *en);
void asctp_encap_net_exit(struct asctp_encap_net *en);

/* The remote port new sockets start with (SCTP_REMOTE_UDP_ENCAPS_PORT). */
__be16 asctp_encap_default_port(const struct net *net);

/* Sends @skb (an SCTP packet) in UDP to @dport; false, with @skb
 * untouched, when this namespace has encapsulation off.
 */
bool asctp_encap_xmit(struct net *net, struct sk_buff *skb,
		      const struct flowi4 *fl4, __be16 dport);
/* The same over IPv6, with the traffic class and priority given. */
bool asctp_encap_xmit6(struct net *net, struct sk_buff *skb,
		       struct flowi6 *fl6, __be16 dport, int tclass, u32 prio);

#endif /* _ASCTP_ENCAP_H */
