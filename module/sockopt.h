/* SPDX-License-Identifier: GPL-2.0 */
/* SOL_SCTP socket options, with the kernel's numbers and structs. */
#ifndef _ASCTP_SOCKOPT_H
#define _ASCTP_SOCKOPT_H

#include <linux/sockptr.h>
#include <net/sock.h>

int asctp_sockopt_set(struct sock *sk, int level, int optname,
		      sockptr_t optval, unsigned int optlen);
int asctp_sockopt_get(struct sock *sk, int level, int optname,
		      char __user *optval, int __user *optlen);

#endif /* _ASCTP_SOCKOPT_H */
