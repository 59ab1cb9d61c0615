/* SPDX-License-Identifier: GPL-2.0 */
/* sendmsg and recvmsg (RFC 6458 5.2 ancillary data, 9.12 sctp_sendmsg). */
#ifndef _ASCTP_MSG_H
#define _ASCTP_MSG_H

#include <linux/net.h>

struct asctp_assoc;

u32 asctp_msg_frag_point(const struct asctp_assoc *a);
int asctp_msg_send(struct socket *sock, struct msghdr *msg, size_t len);
int asctp_msg_recv(struct socket *sock, struct msghdr *msg, size_t len,
		   int flags);

#endif /* _ASCTP_MSG_H */
