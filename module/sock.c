// SPDX-License-Identifier: GPL-2.0
/*
 * Socket layer.  Both types, SOCK_SEQPACKET (one-to-many) and
 * SOCK_STREAM (one-to-one), are registered for the module's IP protocol
 * number.  Sockets pin the module through proto.owner and
 * proto_ops.owner, so rmmod is refused while one is open.
 *
 * This slice creates and closes sockets; bind, connect and data
 * transfer arrive with the association handshake.
 */

#include <linux/module.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/protocol.h>
#include <net/sock.h>

#include "obj.h"
#include "sock.h"

static int asctp_sock_create(struct sock *sk)
{
	asctp_obj_get(ASCTP_OBJ_SOCK);
	return 0;
}

/* Called once, from sk_common_release(), even if create failed. */
static void asctp_sock_destroy(struct sock *sk)
{
	asctp_obj_put(ASCTP_OBJ_SOCK);
}

/* Nothing hashes a socket before bind exists. */
static void asctp_sock_unhash(struct sock *sk)
{
}

static void asctp_sock_close(struct sock *sk, long timeout)
{
	sk_common_release(sk);
}

/* SOL_SCTP options arrive with the association; IP level ones work. */
static int asctp_sock_setsockopt(struct sock *sk, int level, int optname,
				 sockptr_t optval, unsigned int optlen)
{
	if (level == SOL_SCTP)
		return -ENOPROTOOPT;
	return ip_setsockopt(sk, level, optname, optval, optlen);
}

static int asctp_sock_getsockopt(struct sock *sk, int level, int optname,
				 char __user *optval, int __user *optlen)
{
	if (level == SOL_SCTP)
		return -ENOPROTOOPT;
	return ip_getsockopt(sk, level, optname, optval, optlen);
}

static struct proto asctp_prot = {
	.name		= "ASCTP",
	.owner		= THIS_MODULE,
	.init		= asctp_sock_create,
	.destroy	= asctp_sock_destroy,
	.close		= asctp_sock_close,
	.unhash		= asctp_sock_unhash,
	.setsockopt	= asctp_sock_setsockopt,
	.getsockopt	= asctp_sock_getsockopt,
	.obj_size	= sizeof(struct asctp_sock),
};

/* One table serves both types until accept() sets them apart. */
static const struct proto_ops asctp_sock_ops = {
	.family		= PF_INET,
	.owner		= THIS_MODULE,
	.release	= inet_release,
	.bind		= sock_no_bind,
	.connect	= sock_no_connect,
	.socketpair	= sock_no_socketpair,
	.accept		= sock_no_accept,
	.getname	= inet_getname,
	.poll		= datagram_poll,
	.ioctl		= sock_no_ioctl,
	.listen		= sock_no_listen,
	.shutdown	= sock_no_shutdown,
	.setsockopt	= sock_common_setsockopt,
	.getsockopt	= sock_common_getsockopt,
	.sendmsg	= sock_no_sendmsg,
	.recvmsg	= sock_no_recvmsg,
	.mmap		= sock_no_mmap,
};

static struct inet_protosw asctp_protosw[] = {
	{ .type = SOCK_SEQPACKET, .prot = &asctp_prot, .ops = &asctp_sock_ops },
	{ .type = SOCK_STREAM,    .prot = &asctp_prot, .ops = &asctp_sock_ops },
};

int asctp_sock_init(u8 ipproto)
{
	int err, i;

	err = proto_register(&asctp_prot, 1);
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(asctp_protosw); i++) {
		asctp_protosw[i].protocol = ipproto;
		inet_register_protosw(&asctp_protosw[i]);
	}
	return 0;
}

void asctp_sock_exit(void)
{
	int i;

	for (i = ARRAY_SIZE(asctp_protosw) - 1; i >= 0; i--)
		inet_unregister_protosw(&asctp_protosw[i]);
	proto_unregister(&asctp_prot);
}
