// SPDX-License-Identifier: GPL-2.0
/*
 * Local addresses (RFC 9260 3.3.2.1, 6.4).  A wildcard endpoint lists
 * every IPv4 address of its namespace that can reach the peer, so the
 * peer has one path per address; a bound one its own address only.
 */

#include <linux/inetdevice.h>
#include <linux/netdevice.h>

#include "addr.h"
#include "sock.h"
#include "wire.h"

int asctp_addr_netns(struct net *net, const struct in6_addr *peer,
		     struct in6_addr *out, int max)
{
	struct net_device *dev;
	struct in_ifaddr *ifa;
	struct in_device *in;
	int n = 0;

	rcu_read_lock();
	for_each_netdev_rcu(net, dev) {
		in = __in_dev_get_rcu(dev);
		if (!in)
			continue;
		in_dev_for_each_ifa_rcu(ifa, in) {
			if (peer && ipv4_is_loopback(ifa->ifa_local) !=
				    asctp_addr_loopback(peer))
				continue;
			if (n == max) {
				n = -ENOMEM;
				goto out;
			}
			asctp_addr_set_v4(&out[n++], ifa->ifa_local);
		}
	}
out:
	rcu_read_unlock();
	return n;
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
	n = asctp_addr_netns(sock_net(sk), peer, out, ASCTP_MAX_LADDRS);
	if (n == -ENOMEM)
		n = ASCTP_MAX_LADDRS;	/* the first ones */
	return n > 1 ? n : 0;
}

void *asctp_addr_put_params(void *p, const struct in6_addr *addrs, int n)
{
	struct asctp_param_hdr *ph;
	__be32 v4;
	int i;

	for (i = 0; i < n; i++, p += 8) {
		ph = p;
		ph->type = htons(ASCTP_PID_IPV4);
		ph->length = htons(8);
		v4 = asctp_addr_v4(&addrs[i]);
		memcpy(ph + 1, &v4, sizeof(v4));
	}
	return p;
}
