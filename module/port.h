/* SPDX-License-Identifier: GPL-2.0 */
/* Bound sockets (endpoints), hashed by local port per netns. */
#ifndef _ASCTP_PORT_H
#define _ASCTP_PORT_H

#include <net/sock.h>

int asctp_port_bind(struct sock *sk, const struct in6_addr *addr, u16 port);
void asctp_port_unbind(struct sock *sk);
int asctp_port_listen(struct sock *sk);
int asctp_port_add_addr(struct sock *sk, const struct in6_addr *addr);
int asctp_port_rem_addr(struct sock *sk, const struct in6_addr *addr);
struct sock *asctp_port_lookup(struct net *net, const struct in6_addr *daddr,
			       __be16 dport);

#endif /* _ASCTP_PORT_H */
