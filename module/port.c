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

/* SO_REUSEADDR or SCTP_REUSE_PORT. */
static bool asctp_port_reuse(const struct sock *sk)
{
	return sk->sk_reuse || asctp_sk(sk)->reuse;
}

/* Whether the wildcard of @sk takes an address @sk2 has: IPv4 ones
 * for AF_INET, IPv6 ones for AF_INET6 and, unless IPV6_V6ONLY, IPv4
 * ones too (so an AF_INET and an IPv6-only wildcard share a port).
 */
static bool asctp_port_any_overlap(const struct sock *sk,
				   const struct sock *sk2)
{
	const struct asctp_sock *as2 = asctp_sk(sk2);
	/* pairs with asctp_port_add_addr()'s release */
	int i, n = min_t(int, smp_load_acquire(&as2->n_xaddrs),
			  ASCTP_MAX_XADDRS);
	struct in6_addr v4;

	if (!asctp_sock_bound_addr(sk2)) {
		/* two wildcards: a family both take */
		asctp_addr_set_v4(&v4, htonl(INADDR_ANY));
		return (asctp_addr_usable(sk, &v4) &&
			asctp_addr_usable(sk2, &v4)) ||
		       (asctp_addr_usable(sk, &in6addr_any) &&
			asctp_addr_usable(sk2, &in6addr_any));
	}
	if (asctp_addr_usable(sk, &as2->baddr))
		return true;
	for (i = 0; i < n; i++)
		if (asctp_addr_usable(sk, &as2->xaddrs[i]))
			return true;
	return false;
}

/* Two bindings of a port (@sk2's, and @addr for @sk: NULL for a port
 * to pick) overlap unless both name different specific addresses, or
 * one names an address of a family the other socket does not take.
 */
static bool asctp_port_overlap(const struct sock *sk, const struct sock *sk2,
			       const struct in6_addr *addr)
{
	if (asctp_addr_any(addr))
		return !sk || asctp_port_any_overlap(sk, sk2);
	if (!asctp_addr_usable(sk2, addr))
		return false;
	return !asctp_sock_bound_addr(sk2) || asctp_sock_has_addr(sk2, addr);
}

/* Whether @sk (NULL: a port for autobind) may not have @addr:@port.
 * As the kernel's sctp_get_port_local(): a socket with reuse may share
 * the port with those that have it too and are not listening; a port
 * to pick is one nobody else has.
 */
static bool asctp_port_taken(struct asctp_net *an, const struct sock *sk,
			     const struct in6_addr *addr, u16 port)
{
	bool reuse = sk && asctp_port_reuse(sk);
	struct asctp_sock *as;

	hlist_for_each_entry(as, asctp_port_bucket(an, port), port_node) {
		const struct sock *sk2 = &as->inet.sk;

		if (as->inet.inet_num != port || sk2 == sk)
			continue;
		if (reuse && asctp_port_reuse(sk2) &&
		    READ_ONCE(sk2->sk_state) != TCP_LISTEN)
			continue;
		if (asctp_port_overlap(sk, sk2, addr))
			return true;
	}
	return false;
}

/* Whether any of @sk's addresses is taken on @port. */
static bool asctp_port_taken_all(struct asctp_net *an, const struct sock *sk,
				 u16 port)
{
	const struct asctp_sock *as = asctp_sk(sk);
	int i;

	if (asctp_port_taken(an, sk, &as->baddr, port))
		return true;
	for (i = 0; i < as->n_xaddrs; i++)
		if (asctp_port_taken(an, sk, &as->xaddrs[i], port))
			return true;
	return false;
}

/* Port 0: a free one from ip_local_port_range, from a random start. */
static int asctp_port_pick(struct net *net, struct asctp_net *an,
			   const struct in6_addr *addr)
{
	int low, high, n, i;
	u16 port;

	inet_get_local_port_range(net, &low, &high);
	n = high - low + 1;
	port = low + get_random_u32_below(n);
	for (i = 0; i < n; i++, port = port < high ? port + 1 : low)
		if (!inet_is_local_reserved_port(net, port) &&
		    !asctp_port_taken(an, NULL, addr, port))
			return port;
	return -EADDRINUSE;
}

int asctp_port_bind(struct sock *sk, const struct in6_addr *addr, u16 port)
{
	struct asctp_net *an = asctp_net(sock_net(sk));
	struct inet_sock *inet = inet_sk(sk);
	int ret = 0;

	sock_owned_by_me(sk);
	spin_lock_bh(&an->hash_lock);
	if (!port)
		ret = asctp_port_pick(sock_net(sk), an, addr);
	else if (asctp_port_taken(an, sk, addr, port))
		ret = -EADDRINUSE;
	else
		ret = port;
	if (ret > 0) {
		inet->inet_num = ret;
		inet->inet_sport = htons(ret);
		asctp_sock_set_baddr(asctp_sk(sk), addr);
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

/* A bound socket starts listening: -EADDRINUSE if another one listens
 * on an overlapping address of its port (the kernel's
 * sctp_listen_start() checks the port again).  The check and the
 * state change are one step under hash_lock, so of two sockets that
 * race only one listens.
 */
int asctp_port_listen(struct sock *sk)
{
	struct asctp_net *an = asctp_net(sock_net(sk));
	const struct inet_sock *inet = inet_sk(sk);
	int ret = -EADDRINUSE;

	sock_owned_by_me(sk);
	spin_lock_bh(&an->hash_lock);
	if (!asctp_port_taken_all(an, sk, inet->inet_num)) {
		WRITE_ONCE(sk->sk_state, TCP_LISTEN);
		ret = 0;
	}
	spin_unlock_bh(&an->hash_lock);
	return ret;
}

/* sctp_bindx(): one more address on the bound port (RFC 6458 9.1). */
int asctp_port_add_addr(struct sock *sk, const struct in6_addr *addr)
{
	struct asctp_net *an = asctp_net(sock_net(sk));
	struct asctp_sock *as = asctp_sk(sk);
	int ret = 0;

	sock_owned_by_me(sk);
	if (asctp_sock_has_addr(sk, addr))
		return 0;
	if (as->n_xaddrs == ASCTP_MAX_XADDRS)
		return -ENOSPC;
	spin_lock_bh(&an->hash_lock);
	if (asctp_port_taken(an, sk, addr, as->inet.inet_num)) {
		ret = -EADDRINUSE;
	} else {
		as->xaddrs[as->n_xaddrs] = *addr;
		/* the address before the count: lockless readers (sock.h) */
		smp_store_release(&as->n_xaddrs, as->n_xaddrs + 1);
	}
	spin_unlock_bh(&an->hash_lock);
	return ret;
}

/* sctp_bindx() removal: the last bound address stays (-EBUSY). */
int asctp_port_rem_addr(struct sock *sk, const struct in6_addr *addr)
{
	struct asctp_net *an = asctp_net(sock_net(sk));
	struct asctp_sock *as = asctp_sk(sk);
	int i, n = as->n_xaddrs;

	sock_owned_by_me(sk);
	if (asctp_addr_any(addr) || !asctp_sock_has_addr(sk, addr))
		return -EINVAL;
	if (!n)
		return -EBUSY;
	spin_lock_bh(&an->hash_lock);
	if (asctp_addr_eq(&as->baddr, addr)) {
		asctp_sock_set_baddr(as, &as->xaddrs[0]);
		addr = &as->xaddrs[0];
	}
	for (i = 0; i < n && !asctp_addr_eq(&as->xaddrs[i], addr); i++)
		;
	as->xaddrs[i] = as->xaddrs[n - 1];
	WRITE_ONCE(as->n_xaddrs, n - 1);
	spin_unlock_bh(&an->hash_lock);
	return 0;
}

/* How well a socket bound to the port fits a packet for @daddr:
 * -1 not at all; a listener beats a socket that does not listen (it
 * shares the port by SCTP_REUSE_PORT or SO_REUSEADDR and takes no
 * new associations), then a specific address beats the wildcard.
 */
static int asctp_port_rank(const struct inet_sock *inet,
			   const struct in6_addr *daddr)
{
	int rank;

	if (!asctp_addr_usable(&inet->sk, daddr))
		return -1;	/* AF_INET for IPv6, or IPV6_V6ONLY */
	if (asctp_sock_has_addr(&inet->sk, daddr))
		rank = 1;
	else if (!asctp_sock_bound_addr(&inet->sk))
		rank = 0;
	else
		return -1;
	if (READ_ONCE(inet->sk.sk_state) == TCP_LISTEN)
		rank += 2;
	return rank;
}

/* The socket bound to @dport that takes packets for @daddr that have
 * no association (INIT, out of the blue), with a reference.
 */
struct sock *asctp_port_lookup(struct net *net, const struct in6_addr *daddr,
			       __be16 dport)
{
	struct asctp_net *an = asctp_net(net);
	u16 port = ntohs(dport);
	struct sock *best = NULL;
	struct asctp_sock *as;
	int rank, best_rank = -1;

	hlist_for_each_entry_rcu(as, asctp_port_bucket(an, port), port_node) {
		if (as->inet.inet_num != port)
			continue;
		rank = asctp_port_rank(&as->inet, daddr);
		if (rank > best_rank) {
			best = &as->inet.sk;
			best_rank = rank;
		}
	}
	if (best && !refcount_inc_not_zero(&best->sk_refcnt))
		best = NULL;
	return best;
}
