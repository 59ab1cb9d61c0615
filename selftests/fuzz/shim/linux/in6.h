/* SPDX-License-Identifier: GPL-2.0 */
/* struct in6_addr: the C library's, from <netinet/in.h>. */
#ifndef _ASCTP_SHIM_LINUX_IN6_H
#define _ASCTP_SHIM_LINUX_IN6_H
#include "../asctp_shim.h"
#endif
