/* SPDX-License-Identifier: GPL-2.0 */
/* The C library's <netinet/in.h>, and the address tests of the kernel's. */
#ifndef _ASCTP_SHIM_LINUX_IN_H
#define _ASCTP_SHIM_LINUX_IN_H
#include "../net/ip.h"
#endif
