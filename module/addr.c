// SPDX-License-Identifier: GPL-2.0
/*
 * Addresses (RFC 9260 3.3.2.1, 6.4).  A wildcard endpoint lists every
 * address of its namespace that can reach the peer, so the peer has one
 * path per address; a bound one its own addresses only.  And the
 * socket API's forms of an address, sockaddr_in and sockaddr_in6.
 */

#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <net/addrconf.h>

#include "addr.h"
#include "sock.h"
#include "wire.h"

/* @a may go in @sk's list for @peer (asctp_addr_netns()). */
static bool asctp_addr_listed(const struct sock *sk, const struct in6_addr *a,
			      const struct in6_addr *peer)
{
	if (!asctp_addr_usable(sk, a))
		return false;
	return !peer || asctp_addr_loopback(a) == asctp_addr_loopback(peer);
}

/* One more address in @out, or -ENOMEM when it is full. */
static int asctp_addr_add(struct in6_addr *out, int *n, int max,
			  const struct in6_addr *a)
{
	if (*n == max)
		return -ENOMEM;
	out[(*n)++] = *a;
	return 0;
}

static int asctp_addr_dev4(struct net_device *dev, const struct sock *sk,
			   const struct in6_addr *peer, struct in6_addr *out,
			   int *n, int max)
{
	struct in_device *in = __in_dev_get_rcu(dev);
	struct in_ifaddr *ifa;
	struct in6_addr a;

	if (!in)
		return 0;
	in_dev_for_each_ifa_rcu(ifa, in) {
		asctp_addr_set_v4(&a, ifa->ifa_local);
		if (asctp_addr_listed(sk, &a, peer) &&
		    asctp_addr_add(out, n, max, &a))
			return -ENOMEM;
	}
	return 0;
}

static int asctp_addr_dev6(struct net_device *dev, const struct sock *sk,
			   const struct in6_addr *peer, struct in6_addr *out,
			   int *n, int max)
{
	struct inet6_dev *idev = __in6_dev_get(dev);
	struct inet6_ifaddr *ifa;
	int err = 0;

	if (!idev)
		return 0;
	read_lock_bh(&idev->lock);
	list_for_each_entry(ifa, &idev->addr_list, if_list) {
		if (ifa->flags & (IFA_F_TENTATIVE | IFA_F_DADFAILED) ||
		    ipv6_addr_type(&ifa->addr) & IPV6_ADDR_LINKLOCAL ||
		    !asctp_addr_listed(sk, &ifa->addr, peer))
			continue;
		err = asctp_addr_add(out, n, max, &ifa->addr);
		if (err)
			break;
	}
	read_unlock_bh(&idev->lock);
	return err;
}

int asctp_addr_netns(struct net *net, const struct sock *sk,
		     const struct in6_addr *peer, struct in6_addr *out, int max)
{
	struct net_device *dev;
	int n = 0, err = 0;

	rcu_read_lock();
	for_each_netdev_rcu(net, dev) {
		err = asctp_addr_dev4(dev, sk, peer, out, &n, max);
		if (!err && sk->sk_family == AF_INET6)
			err = asctp_addr_dev6(dev, sk, peer, out, &n, max);
		if (err)
			break;
	}
	rcu_read_unlock();
	return err ?: n;
}

/* A bound socket's addresses in the peer's scope. */
static int asctp_addr_bound(struct sock *sk, const struct in6_addr *peer,
			    struct in6_addr *out)
{
	const struct asctp_sock *as = asctp_sk(sk);
	bool lo = asctp_addr_loopback(peer);
	int i, n = 0;

	if (asctp_addr_loopback(&as->baddr) == lo)
		out[n++] = as->baddr;
	for (i = 0; i < as->n_xaddrs; i++)
		if (asctp_addr_loopback(&as->xaddrs[i]) == lo)
			out[n++] = as->xaddrs[i];
	return n;
}

int asctp_addr_to_list(struct sock *sk, const struct in6_addr *peer,
		       struct in6_addr *out)
{
	int n;

	BUILD_BUG_ON(1 + ASCTP_MAX_XADDRS > ASCTP_MAX_LADDRS);
	if (asctp_sock_bound_addr(sk)) {
		n = asctp_addr_bound(sk, peer, out);
		return n > 1 ? n : 0;
	}
	n = asctp_addr_netns(sock_net(sk), sk, peer, out, ASCTP_MAX_LADDRS);
	if (n == -ENOMEM)
		n = ASCTP_MAX_LADDRS;	/* the first ones */
	return n > 1 ? n : 0;
}

void *asctp_addr_put_params(void *p, const struct in6_addr *addrs, int n)
{
	struct asctp_param_hdr *ph;
	__be32 v4;
	int i;

	for (i = 0; i < n; i++) {
		ph = p;
		if (asctp_addr_is_v4(&addrs[i])) {
			ph->type = htons(ASCTP_PID_IPV4);
			ph->length = htons(8);
			v4 = asctp_addr_v4(&addrs[i]);
			memcpy(ph + 1, &v4, sizeof(v4));
		} else {
			ph->type = htons(ASCTP_PID_IPV6);
			ph->length = htons(20);
			memcpy(ph + 1, &addrs[i], sizeof(addrs[i]));
		}
		p += ntohs(ph->length);
	}
	return p;
}

unsigned int asctp_addr_params_len(const struct in6_addr *addrs, int n)
{
	unsigned int len = 0;
	int i;

	for (i = 0; i < n; i++)
		len += asctp_addr_is_v4(&addrs[i]) ? 8 : 20;
	return len;
}

bool asctp_addr_usable(const struct sock *sk, const struct in6_addr *a)
{
	if (asctp_addr_is_v4(a))
		return sk->sk_family == AF_INET || !sk->sk_ipv6only;
	return sk->sk_family == AF_INET6;
}

bool asctp_addr_peer_ok(const struct in6_addr *a)
{
	__be32 v4 = asctp_addr_v4(a);
	int type;

	if (asctp_addr_is_v4(a))
		return !ipv4_is_zeronet(v4) && !ipv4_is_lbcast(v4) &&
		       !ipv4_is_multicast(v4);
	type = ipv6_addr_type(a);
	return (type & IPV6_ADDR_UNICAST) && !(type & IPV6_ADDR_LINKLOCAL);
}

static int asctp_addr_from_sin6(const struct sock *sk,
				const struct sockaddr_in6 *sin6, int len,
				struct asctp_taddr *t)
{
	if (len < (int)sizeof(*sin6))
		return -EINVAL;
	t->addr = sin6->sin6_addr;
	t->port = sin6->sin6_port;
	if (asctp_addr_is_v4(&t->addr) && sk->sk_ipv6only)
		return -EINVAL;
	if (asctp_addr_is_v4(&t->addr) && !asctp_addr_v4(&t->addr))
		t->addr = in6addr_any;		/* ::ffff:0.0.0.0 */
	return sizeof(*sin6);
}

int asctp_addr_from_user(const struct sock *sk, const struct sockaddr *sa,
			 int len, struct asctp_taddr *t)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)sa;
	bool v6 = sk->sk_family == AF_INET6;

	if (len < (int)sizeof(*sin))
		return -EINVAL;
	if (v6 && sa->sa_family == AF_INET6)
		return asctp_addr_from_sin6(sk, (const void *)sa, len, t);
	if (sa->sa_family != AF_INET)
		return v6 ? -EINVAL : -EAFNOSUPPORT;
	if (v6 && sk->sk_ipv6only)
		return -EINVAL;
	asctp_addr_set_v4(&t->addr, sin->sin_addr.s_addr);
	t->port = sin->sin_port;
	return sizeof(*sin);
}

int asctp_addr_to_user(const struct sock *sk, const struct in6_addr *a,
		       __be16 port, struct sockaddr_storage *ss)
{
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

	if (sk->sk_family == AF_INET ||
	    (asctp_addr_is_v4(a) && !asctp_sk(sk)->v4mapped)) {
		asctp_addr_to_sin((struct sockaddr_in *)ss, a, port);
		return sizeof(struct sockaddr_in);
	}
	memset(sin6, 0, sizeof(*sin6));
	sin6->sin6_family = AF_INET6;
	sin6->sin6_port = port;
	sin6->sin6_addr = *a;
	return sizeof(*sin6);
}
