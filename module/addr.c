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

int asctp_addr_netns(struct net *net, __be32 peer, __be32 *out, int max)
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
				    ipv4_is_loopback(peer))
				continue;
			if (n == max) {
				n = -ENOMEM;
				goto out;
			}
			out[n++] = ifa->ifa_local;
		}
	}
out:
	rcu_read_unlock();
	return n;
}

/* A bound socket's addresses in the peer's scope. */
static int asctp_addr_bound(struct sock *sk, __be32 peer, __be32 *out)
{
	const struct asctp_sock *as = asctp_sk(sk);
	bool lo = ipv4_is_loopback(peer);
	int i, n = 0;

	if (ipv4_is_loopback(as->inet.inet_rcv_saddr) == lo)
		out[n++] = as->inet.inet_rcv_saddr;
	for (i = 0; i < as->n_xaddrs; i++)
		if (ipv4_is_loopback(as->xaddrs[i]) == lo)
			out[n++] = as->xaddrs[i];
	return n;
}

int asctp_addr_to_list(struct sock *sk, __be32 peer, __be32 *out)
{
	int n;

	BUILD_BUG_ON(1 + ASCTP_MAX_XADDRS > ASCTP_MAX_LADDRS);
	if (inet_sk(sk)->inet_rcv_saddr) {
		n = asctp_addr_bound(sk, peer, out);
		return n > 1 ? n : 0;
	}
	n = asctp_addr_netns(sock_net(sk), peer, out, ASCTP_MAX_LADDRS);
	if (n == -ENOMEM)
		n = ASCTP_MAX_LADDRS;	/* the first ones */
	return n > 1 ? n : 0;
}

void *asctp_addr_put_params(void *p, const __be32 *addrs, int n)
{
	struct asctp_param_hdr *ph;
	int i;

	for (i = 0; i < n; i++, p += 8) {
		ph = p;
		ph->type = htons(ASCTP_PID_IPV4);
		ph->length = htons(8);
		memcpy(ph + 1, &addrs[i], sizeof(addrs[i]));
	}
	return p;
}
