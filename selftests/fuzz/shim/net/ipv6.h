/* SPDX-License-Identifier: GPL-2.0 */
/* The address tests of include/net/ipv6.h that addr.h and chunk.c use. */
#ifndef _ASCTP_SHIM_NET_IPV6_H
#define _ASCTP_SHIM_NET_IPV6_H
#include "ip.h"

enum {
	IPV6_ADDR_ANY		= 0x0000U,
	IPV6_ADDR_UNICAST	= 0x0001U,
	IPV6_ADDR_MULTICAST	= 0x0002U,
	IPV6_ADDR_LOOPBACK	= 0x0010U,
	IPV6_ADDR_LINKLOCAL	= 0x0020U,
	IPV6_ADDR_SITELOCAL	= 0x0040U,
	IPV6_ADDR_MAPPED	= 0x1000U,
};

static inline bool ipv6_addr_equal(const struct in6_addr *a,
				   const struct in6_addr *b)
{
	return !memcmp(a, b, sizeof(*a));
}

static inline bool ipv6_addr_any(const struct in6_addr *a)
{
	return ipv6_addr_equal(a, &in6addr_any);
}

static inline bool ipv6_addr_loopback(const struct in6_addr *a)
{
	return ipv6_addr_equal(a, &in6addr_loopback);
}

static inline bool ipv6_addr_v4mapped(const struct in6_addr *a)
{
	return !a->s6_addr32[0] && !a->s6_addr32[1] &&
	       a->s6_addr32[2] == htonl(0x0000ffff);
}

static inline void ipv6_addr_set_v4mapped(__be32 v4, struct in6_addr *a)
{
	a->s6_addr32[0] = 0;
	a->s6_addr32[1] = 0;
	a->s6_addr32[2] = htonl(0x0000ffff);
	a->s6_addr32[3] = v4;
}

/* The kernel's __ipv6_addr_type(), for the classes chunk.c tests. */
static inline int ipv6_addr_type(const struct in6_addr *a)
{
	if (a->s6_addr[0] == 0xff)
		return IPV6_ADDR_MULTICAST;
	if ((a->s6_addr[0] & 0xe0) == 0x20)
		return IPV6_ADDR_UNICAST;
	if (a->s6_addr[0] == 0xfe && (a->s6_addr[1] & 0xc0) == 0x80)
		return IPV6_ADDR_LINKLOCAL | IPV6_ADDR_UNICAST;
	if (a->s6_addr[0] == 0xfe && (a->s6_addr[1] & 0xc0) == 0xc0)
		return IPV6_ADDR_SITELOCAL | IPV6_ADDR_UNICAST;
	if (ipv6_addr_any(a))
		return IPV6_ADDR_ANY;
	if (ipv6_addr_loopback(a))
		return IPV6_ADDR_LOOPBACK | IPV6_ADDR_UNICAST;
	if (ipv6_addr_v4mapped(a))
		return IPV6_ADDR_MAPPED;
	return IPV6_ADDR_UNICAST;
}
#endif
