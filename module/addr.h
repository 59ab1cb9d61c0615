/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Local addresses of an endpoint (RFC 9260 3.3.2.1, 6.4): the ones it
 * lists in INIT and INIT ACK, and the IPv4 addresses of a namespace.
 */
#ifndef _ASCTP_ADDR_H
#define _ASCTP_ADDR_H

#include <linux/types.h>

struct net;
struct sock;

enum asctp_addr_limit {
	ASCTP_MAX_LADDRS	= 8,	/* listed in an INIT or INIT ACK */
};

/* Every IPv4 address of @net, or with @peer only those that can reach
 * it: loopback ones for a loopback peer, the others for the rest.
 */
int asctp_addr_netns(struct net *net, __be32 peer, __be32 *out, int max);

/* What @sk lists for an association with @peer; at most
 * ASCTP_MAX_LADDRS.  A single address is not listed (returns 0):
 * the packet's source says it.
 */
int asctp_addr_to_list(struct sock *sk, __be32 peer, __be32 *out);

/* IPv4 Address parameters for @n addresses at @p; returns their end. */
void *asctp_addr_put_params(void *p, const __be32 *addrs, int n);

static inline unsigned int asctp_addr_params_len(int n)
{
	return n * 8;
}

#endif /* _ASCTP_ADDR_H */
