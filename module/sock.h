/* SPDX-License-Identifier: GPL-2.0 */
/* Sockets: struct proto, proto_ops and their protosw registration. */
#ifndef _ASCTP_SOCK_H
#define _ASCTP_SOCK_H

#include <net/inet_sock.h>

struct asctp_sock {
	struct inet_sock inet;	/* must be first: inet_sk() casts */
};

int asctp_sock_init(u8 ipproto);
void asctp_sock_exit(void);

#endif /* _ASCTP_SOCK_H */
