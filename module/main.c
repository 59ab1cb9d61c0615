// SPDX-License-Identifier: GPL-2.0
/*
 * asctp: an alternative SCTP transport (RFC 9260) for Linux.
 * This file holds only the module's init/exit ladder.
 */

#include <linux/module.h>
#include <net/protocol.h>
#include <net/ipv6.h>
#include <linux/asctp.h>

#include "icmp.h"
#include "input.h"
#include "netns.h"
#include "obj.h"
#include "sock.h"

static int ipproto = ASCTP_IPPROTO_DEFAULT;
module_param(ipproto, int, 0444);
MODULE_PARM_DESC(ipproto,
		 "IP protocol number to register (default 132, SCTP's own)");

static struct net_protocol asctp_protocol = {
	.handler	= asctp_input_rcv,
	.err_handler	= asctp_icmp_err,
	.no_policy	= 1,
};

static const struct inet6_protocol asctp6_protocol = {
	.handler	= asctp_input_rcv,
	.err_handler	= asctp_icmp6_err,
	.flags		= INET6_PROTO_NOPOLICY | INET6_PROTO_FINAL,
};

static int __init asctp_proto_check(void)
{
	if (ipproto <= 0 || ipproto >= IPPROTO_RAW) {
		pr_err("asctp: ipproto=%d is not a usable IP protocol number (1 to 254)\n",
		       ipproto);
		return -EINVAL;
	}
	asctp_ipproto = ipproto;
	return 0;
}

static int __init asctp_proto_add(void)
{
	if (inet_add_protocol(&asctp_protocol, ipproto) < 0) {
		pr_err("asctp: IP protocol %d is already registered (the kernel's sctp.ko?): unload it, or load asctp with ipproto=<free number>\n",
		       ipproto);
		return -EBUSY;
	}
	if (inet6_add_protocol(&asctp6_protocol, ipproto) < 0) {
		pr_err("asctp: IPv6 next header %d is already registered: load asctp with ipproto=<free number>\n",
		       ipproto);
		inet_del_protocol(&asctp_protocol, ipproto);
		synchronize_net();
		return -EBUSY;
	}
	return 0;
}

static void asctp_proto_del(void)
{
	inet6_del_protocol(&asctp6_protocol, ipproto);
	inet_del_protocol(&asctp_protocol, ipproto);
	synchronize_net();	/* no handler runs after this */
}

static int __init asctp_init(void)
{
	int err;

	err = asctp_proto_check();
	if (err)
		return err;
	err = asctp_obj_init();
	if (err)
		goto err_obj;
	err = asctp_netns_init();
	if (err)
		goto err_netns;
	err = asctp_proto_add();
	if (err)
		goto err_proto;
	err = asctp_sock_init(ipproto);
	if (err)
		goto err_sock;
	pr_info("asctp: registered IP protocol %d\n", ipproto);
	return 0;

err_sock:
	asctp_proto_del();
err_proto:
	asctp_netns_exit();
err_netns:
	asctp_obj_exit();
err_obj:
	return err;
}

static void __exit asctp_exit(void)
{
	asctp_sock_exit();
	asctp_proto_del();
	asctp_netns_exit();
	rcu_barrier();		/* associations freed by call_rcu() */
	asctp_obj_exit();
}

module_init(asctp_init);
module_exit(asctp_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("asctp: an alternative SCTP transport (RFC 9260)");
