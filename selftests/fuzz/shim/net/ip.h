/* SPDX-License-Identifier: GPL-2.0 */
/* The address tests of include/linux/in.h that chunk.c uses. */
#ifndef _ASCTP_SHIM_NET_IP_H
#define _ASCTP_SHIM_NET_IP_H
#include "../asctp_shim.h"

static inline bool ipv4_is_lbcast(__be32 addr)
{
	return addr == htonl(INADDR_BROADCAST);
}

static inline bool ipv4_is_loopback(__be32 addr)
{
	return (addr & htonl(0xff000000)) == htonl(0x7f000000);
}

static inline bool ipv4_is_multicast(__be32 addr)
{
	return (addr & htonl(0xf0000000)) == htonl(0xe0000000);
}
#endif
