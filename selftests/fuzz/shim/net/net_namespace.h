/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASCTP_SHIM_NET_NAMESPACE_H
#define _ASCTP_SHIM_NET_NAMESPACE_H
#include "../asctp_shim.h"

struct net;
#endif
