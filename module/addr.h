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

/* The IPv4 address, or INADDR_ANY for an IPv6 one (inet_sock fields). */
static inline __be32 asctp_addr_v4_or_any(const struct in6_addr *a)
{
	return asctp_addr_is_v4(a) ? asctp_addr_v4(a) : 0;
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

/* A transport address as the socket API passes it. */
struct asctp_taddr {
	struct in6_addr addr;
	__be16 port;
};

/* An address from the user for @sk: sockaddr_in, or on an AF_INET6
 * socket sockaddr_in6 (IPv4-mapped ones are IPv4) and sockaddr_in
 * unless IPV6_V6ONLY.  Returns the bytes it took, -EINVAL if @len is
 * short or the family is not for this socket (-EAFNOSUPPORT on an
 * AF_INET socket, as before IPv6).
 */
int asctp_addr_from_user(const struct sock *sk, const struct sockaddr *sa,
			 int len, struct asctp_taddr *t);

/* The form @sk shows an address in: sockaddr_in on an AF_INET socket;
 * on an AF_INET6 one sockaddr_in6, an IPv4 address IPv4-mapped unless
 * SCTP_I_WANT_MAPPED_V4_ADDR is off (then sockaddr_in).  Returns the
 * length.
 */
int asctp_addr_to_user(const struct sock *sk, const struct in6_addr *a,
		       __be16 port, struct sockaddr_storage *ss);

/* @a is of a family @sk can use (asctp_addr_from_user()'s rule). */
bool asctp_addr_usable(const struct sock *sk, const struct in6_addr *a);

/* A unicast address an association can have as its peer's: not the
 * wildcard, broadcast or multicast; IPv6 link-local not yet (no scope).
 */
bool asctp_addr_peer_ok(const struct in6_addr *a);

/* Every address of @net that @sk can use (asctp_addr_usable()), or
 * with @peer (not NULL) only those that can reach it: loopback ones for
 * a loopback peer, the others for the rest; no IPv6 link-local one.
 */
int asctp_addr_netns(struct net *net, const struct sock *sk,
		     const struct in6_addr *peer, struct in6_addr *out, int max);

/* What @sk lists for an association with @peer; at most
 * ASCTP_MAX_LADDRS.  A single address is not listed (returns 0):
 * the packet's source says it.
 */
int asctp_addr_to_list(struct sock *sk, const struct in6_addr *peer,
		       struct in6_addr *out);

/* IPv4 and IPv6 Address parameters for @n addresses at @p; returns
 * their end.
 */
void *asctp_addr_put_params(void *p, const struct in6_addr *addrs, int n);
unsigned int asctp_addr_params_len(const struct in6_addr *addrs, int n);

#endif /* _ASCTP_ADDR_H */
