// SPDX-License-Identifier: GPL-2.0
/*
 * Bound sockets, per netns, hashed by port: written under hash_lock,
 * looked up under RCU (sockets are SOCK_RCU_FREE).
 */

#include <net/ip.h>

#include "netns.h"
#include "port.h"
#include "sock.h"

static struct hlist_head *asctp_port_bucket(struct asctp_net *an, u16 port)
{
	return &an->port_hash[port & (ASCTP_HASH_SIZE - 1)];
}

/* Two bindings clash on the same port unless both name different
 * specific addresses.
 */
static bool asctp_port_taken(struct asctp_net *an, __be32 addr, u16 port)
{
	struct asctp_sock *as;

	hlist_for_each_entry(as, asctp_port_bucket(an, port), port_node) {
		const struct inet_sock *inet = &as->inet;

		if (inet->inet_num == port &&
		    (!addr || !inet->inet_rcv_saddr ||
		     inet->inet_rcv_saddr == addr))
			return true;
	}
	return false;
}

/* Port 0: a free one from ip_local_port_range, from a random start. */
static int asctp_port_pick(struct net *net, struct asctp_net *an,
			   __be32 addr)
{
	int low, high, n, i;
	u16 port;

	inet_get_local_port_range(net, &low, &high);
	n = high - low + 1;
	port = low + get_random_u32_below(n);
	for (i = 0; i < n; i++, port = port < high ? port + 1 : low)
		if (!inet_is_local_reserved_port(net, port) &&
		    !asctp_port_taken(an, addr, port))
			return port;
	return -EADDRINUSE;
}

int asctp_port_bind(struct sock *sk, __be32 addr, u16 port)
{
	struct asctp_net *an = asctp_net(sock_net(sk));
	struct inet_sock *inet = inet_sk(sk);
	int ret = 0;

	sock_owned_by_me(sk);
	spin_lock_bh(&an->hash_lock);
	if (!port)
		ret = asctp_port_pick(sock_net(sk), an, addr);
	else if (asctp_port_taken(an, addr, port))
		ret = -EADDRINUSE;
	else
		ret = port;
	if (ret > 0) {
		inet->inet_num = ret;
		inet->inet_sport = htons(ret);
		inet->inet_rcv_saddr = addr;
		inet->inet_saddr = addr;
		hlist_add_head_rcu(&asctp_sk(sk)->port_node,
				   asctp_port_bucket(an, ret));
		ret = 0;
	}
	spin_unlock_bh(&an->hash_lock);
	return ret;
}

void asctp_port_unbind(struct sock *sk)
{
	struct asctp_net *an = asctp_net(sock_net(sk));
	struct asctp_sock *as = asctp_sk(sk);

	spin_lock_bh(&an->hash_lock);
	if (!hlist_unhashed(&as->port_node))
		hlist_del_init_rcu(&as->port_node);
	spin_unlock_bh(&an->hash_lock);
}

/* The socket bound to @dport that takes packets for @daddr, with a
 * reference; a specific address beats the wildcard.
 */
struct sock *asctp_port_lookup(struct net *net, __be32 daddr, __be16 dport)
{
	struct asctp_net *an = asctp_net(net);
	u16 port = ntohs(dport);
	struct sock *best = NULL;
	struct asctp_sock *as;

	hlist_for_each_entry_rcu(as, asctp_port_bucket(an, port), port_node) {
		struct inet_sock *inet = &as->inet;

		if (inet->inet_num != port)
			continue;
		if (inet->inet_rcv_saddr == daddr) {
			best = &inet->sk;
			break;
		}
		if (!inet->inet_rcv_saddr)
			best = &inet->sk;
	}
	if (best && !refcount_inc_not_zero(&best->sk_refcnt))
		best = NULL;
	return best;
}
