/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Local addresses of an endpoint (RFC 9260 3.3.2.1, 6.4): the ones it
 * lists in INIT and INIT ACK, and the IPv4 addresses of a namespace.
 */
#ifndef _ASCTP_ADDR_H
#define _ASCTP_ADDR_H

#include <linux/in.h>
#include <linux/types.h>
#include <net/ipv6.h>

struct net;
struct sock;

/* The IP part of a transport address, of either family, is held as a
 * struct in6_addr: an IPv4 address IPv4-mapped (::ffff:a.b.c.d), the
 * wildcard (INADDR_ANY or in6addr_any) as all zeros.  One compare and
 * one hash serve both families.
 */
static inline void asctp_addr_set_v4(struct in6_addr *a, __be32 v4)
{
	if (v4)
		ipv6_addr_set_v4mapped(v4, a);
	else
		*a = in6addr_any;
}

static inline __be32 asctp_addr_v4(const struct in6_addr *a)
{
	return a->s6_addr32[3];
}

static inline bool asctp_addr_is_v4(const struct in6_addr *a)
{
	return ipv6_addr_v4mapped(a);
}

static inline bool asctp_addr_any(const struct in6_addr *a)
{
	return ipv6_addr_any(a);
}

static inline bool asctp_addr_eq(const struct in6_addr *a,
				 const struct in6_addr *b)
{
	return ipv6_addr_equal(a, b);
}

/* As an AF_INET socket shows it. */
static inline void asctp_addr_to_sin(struct sockaddr_in *sin,
				     const struct in6_addr *a, __be16 port)
{
	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_port = port;
	sin->sin_addr.s_addr = asctp_addr_v4(a);
}

static inline bool asctp_addr_loopback(const struct in6_addr *a)
{
	return asctp_addr_is_v4(a) ? ipv4_is_loopback(asctp_addr_v4(a)) :
				     ipv6_addr_loopback(a);
}

enum asctp_addr_limit {
	ASCTP_MAX_LADDRS	= 8,	/* listed in an INIT or INIT ACK */
};

/* Every IPv4 address of @net, or with @peer (not NULL) only those that
 * can reach it: loopback ones for a loopback peer, the others for the
 * rest.
 */
int asctp_addr_netns(struct net *net, const struct in6_addr *peer,
		     struct in6_addr *out, int max);

/* What @sk lists for an association with @peer; at most
 * ASCTP_MAX_LADDRS.  A single address is not listed (returns 0):
 * the packet's source says it.
 */
int asctp_addr_to_list(struct sock *sk, const struct in6_addr *peer,
		       struct in6_addr *out);

/* IPv4 Address parameters for @n addresses at @p; returns their end. */
void *asctp_addr_put_params(void *p, const struct in6_addr *addrs, int n);

static inline unsigned int asctp_addr_params_len(int n)
{
	return n * 8;
}

#endif /* _ASCTP_ADDR_H */
