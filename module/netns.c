// SPDX-License-Identifier: GPL-2.0
/* Per network namespace state: counters and the /proc/net/asctp files. */

#include <linux/proc_fs.h>
#include <net/netns/generic.h>

#include "mib.h"
#include "netns.h"

static unsigned int asctp_net_id __read_mostly;

struct asctp_net *asctp_net(const struct net *net)
{
	return net_generic(net, asctp_net_id);
}

static int asctp_proc_init(struct net *net, struct asctp_net *an)
{
	/* proc_net_mkdir: the files below find their netns in ->data */
	an->proc_dir = proc_net_mkdir(net, "asctp", net->proc_net);
	if (!an->proc_dir)
		goto err_dir;
	if (!proc_create_net_single("snmp", 0444, an->proc_dir,
				    asctp_mib_show, NULL))
		goto err_snmp;
	return 0;

err_snmp:
	remove_proc_subtree("asctp", net->proc_net);
err_dir:
	return -ENOMEM;
}

static __net_init int asctp_net_init(struct net *net)
{
	struct asctp_net *an = asctp_net(net);
	int err;

	an->mib = alloc_percpu(struct asctp_mib);
	if (!an->mib)
		return -ENOMEM;
	err = asctp_proc_init(net, an);
	if (err)
		goto err_proc;
	return 0;

err_proc:
	free_percpu(an->mib);
	return err;
}

static __net_exit void asctp_net_exit(struct net *net)
{
	struct asctp_net *an = asctp_net(net);

	remove_proc_subtree("asctp", net->proc_net);
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
