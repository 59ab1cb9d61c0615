/* SPDX-License-Identifier: GPL-2.0 */
/* sctp_peeloff(): an association to a socket of its own. */
#ifndef _ASCTP_PEELOFF_H
#define _ASCTP_PEELOFF_H

#include <net/sock.h>

int asctp_peeloff_get(struct sock *sk, int optname, char __user *optval,
		      int __user *optlen, int len);

#endif /* _ASCTP_PEELOFF_H */
