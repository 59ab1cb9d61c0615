/* SPDX-License-Identifier: GPL-2.0 */
/* Bound sockets (endpoints), hashed by local port per netns. */
#ifndef _ASCTP_PORT_H
#define _ASCTP_PORT_H

#include <net/sock.h>

int asctp_port_bind(struct sock *sk, __be32 addr, u16 port);
void asctp_port_unbind(struct sock *sk);
int asctp_port_listen(struct sock *sk);
int asctp_port_add_addr(struct sock *sk, __be32 addr);
int asctp_port_rem_addr(struct sock *sk, __be32 addr);
struct sock *asctp_port_lookup(struct net *net, __be32 daddr, __be16 dport);

#endif /* _ASCTP_PORT_H */
