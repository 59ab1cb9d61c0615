// SPDX-License-Identifier: GPL-2.0
/*
 * Per network namespace state: counters, the /proc/net/asctp files,
 * the hash tables, the cookie secrets, the control socket and the
 * UDP encapsulation socket.
 */

#include <net/inet_common.h>
#include <net/ipv6.h>
#include <net/netns/generic.h>

#include "cookie.h"
#include "mib.h"
#include "netns.h"
#include "proc.h"
#include "sock.h"

static unsigned int asctp_net_id __read_mostly;

struct asctp_net *asctp_net(const struct net *net)
{
	return net_generic(net, asctp_net_id);
}

/* Replies with no socket of their own (8.4, INIT ACK) leave from it. */
static int asctp_ctl_init(struct net *net, struct asctp_net *an)
{
	int err;

	err = inet_ctl_sock_create(&an->ctl_sk, PF_INET, SOCK_RAW,
				   asctp_ipproto, net);
	if (err)
		return err;
	inet_sk(an->ctl_sk)->pmtudisc = IP_PMTUDISC_DO;
	if (!ipv6_mod_enabled())	/* booted with ipv6.disable=1 */
		return 0;
	err = inet_ctl_sock_create(&an->ctl_sk6, PF_INET6, SOCK_RAW,
				   asctp_ipproto, net);
	if (err)
		inet_ctl_sock_destroy(an->ctl_sk);
	return err;
}

static void asctp_ctl_exit(struct asctp_net *an)
{
	if (an->ctl_sk6)
		inet_ctl_sock_destroy(an->ctl_sk6);
	inet_ctl_sock_destroy(an->ctl_sk);
}

static __net_init int asctp_net_init(struct net *net)
{
	struct asctp_net *an = asctp_net(net);
	int err;

	spin_lock_init(&an->hash_lock);
	asctp_secrets_init(&an->secrets, asctp_cookie_now_ms());
	an->mib = alloc_percpu(struct asctp_mib);
	if (!an->mib)
		return -ENOMEM;
	err = asctp_ctl_init(net, an);
	if (err)
		goto err_ctl;
	err = asctp_proc_net_init(net, an);
	if (err)
		goto err_proc;
	err = asctp_encap_net_init(net, &an->encap);
	if (err)
		goto err_encap;
	return 0;

err_encap:
	asctp_proc_net_exit(net);
err_proc:
	asctp_ctl_exit(an);
err_ctl:
	free_percpu(an->mib);
	return err;
}

static __net_exit void asctp_net_exit(struct net *net)
{
	struct asctp_net *an = asctp_net(net);

	asctp_encap_net_exit(&an->encap);
	asctp_proc_net_exit(net);
	asctp_ctl_exit(an);
	free_percpu(an->mib);
}

static struct pernet_operations asctp_net_ops = {
	.init = asctp_net_init,
	.exit = asctp_net_exit,
	.id   = &asctp_net_id,
	.size = sizeof(struct asctp_net),
};

int asctp_netns_init(void)
{
	return register_pernet_subsys(&asctp_net_ops);
}

void asctp_netns_exit(void)
{
	unregister_pernet_subsys(&asctp_net_ops);
}
