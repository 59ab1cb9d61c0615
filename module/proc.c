// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/net/asctp: snmp (the counters, mib.c), eps (bound sockets) and
 * assocs (associations), in the columns of the kernel's /proc/net/sctp
 * files less the kernel pointers.  The tables are walked one hash bucket
 * per seq_file record under RCU, as lookups do: fields that the socket
 * lock guards are read once and may be a moment old.
 */

#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <net/net_namespace.h>

#include "assoc.h"
#include "mib.h"
#include "netns.h"
#include "proc.h"
#include "sock.h"

/* The hash table a file walks: its offset in struct asctp_net. */
static struct hlist_head *asctp_proc_bucket(struct seq_file *seq, loff_t pos)
{
	struct asctp_net *an = asctp_net(seq_file_net(seq));
	size_t off = (size_t)pde_data(file_inode(seq->file));

	return (struct hlist_head *)((u8 *)an + off) + pos;
}

/* Record 0 is the header; record n is bucket n - 1. */
static void *asctp_proc_start(struct seq_file *seq, loff_t *pos)
	__acquires(RCU)
{
	rcu_read_lock();
	if (*pos > ASCTP_HASH_SIZE)
		return NULL;
	return *pos ? asctp_proc_bucket(seq, *pos - 1) : SEQ_START_TOKEN;
}

static void *asctp_proc_next(struct seq_file *seq, void *v, loff_t *pos)
{
	++*pos;
	if (*pos > ASCTP_HASH_SIZE)
		return NULL;
	return asctp_proc_bucket(seq, *pos - 1);
}

static void asctp_proc_stop(struct seq_file *seq, void *v)
	__releases(RCU)
{
	rcu_read_unlock();
}

/* @v: the bucket being shown */
static void asctp_proc_sock(struct seq_file *seq, void *v, struct sock *sk)
{
	int bkt = (struct hlist_head *)v - asctp_proc_bucket(seq, 0);

	seq_printf(seq, "%3d %3d %4d %5u %5lu ", sk->sk_type,
		   READ_ONCE(sk->sk_state), bkt,
		   from_kuid_munged(seq_user_ns(seq), sock_i_uid(sk)),
		   sock_i_ino(sk));
}

/* " ADDR": dotted for IPv4 (the wildcard too), else IPv6's form. */
static void asctp_proc_addr(struct seq_file *seq, const char *mark,
			    const struct in6_addr *a)
{
	if (asctp_addr_is_v4(a) || asctp_addr_any(a))
		seq_printf(seq, " %s%pI4", mark, &a->s6_addr32[3]);
	else
		seq_printf(seq, " %s%pI6c", mark, a);
}

static void asctp_proc_laddrs(struct seq_file *seq, struct asctp_sock *as)
{
	/* pairs with asctp_port_add_addr()'s release */
	int i, n = min_t(int, smp_load_acquire(&as->n_xaddrs),
			 ASCTP_MAX_XADDRS);

	asctp_proc_addr(seq, "", &as->baddr);
	for (i = 0; i < n; i++)
		asctp_proc_addr(seq, "", &as->xaddrs[i]);
}

static int asctp_eps_show(struct seq_file *seq, void *v)
{
	struct asctp_sock *as;

	if (v == SEQ_START_TOKEN) {
		seq_puts(seq, "STY SST HBKT   UID INODE LPORT LADDRS\n");
		return 0;
	}
	hlist_for_each_entry_rcu(as, (struct hlist_head *)v, port_node) {
		asctp_proc_sock(seq, v, &as->inet.sk);
		seq_printf(seq, "%5u", as->inet.inet_num);
		asctp_proc_laddrs(seq, as);
		seq_putc(seq, '\n');
	}
	return 0;
}

/* Each path: its address, '*' before the primary's (as the kernel). */
static void asctp_proc_raddrs(struct seq_file *seq, struct asctp_assoc *a)
{
	struct asctp_path *primary = READ_ONCE(a->primary);
	struct asctp_path *p;

	list_for_each_entry_rcu(p, &a->paths, node)
		asctp_proc_addr(seq, p == primary ? "*" : "", &p->addr);
}

static void asctp_proc_assoc(struct seq_file *seq, void *v,
			     struct asctp_assoc *a)
{
	asctp_proc_sock(seq, v, READ_ONCE(a->sk));
	seq_printf(seq, "%2d %8d %08x %08x %8u %8u %5u %5u ",
		   READ_ONCE(a->state), READ_ONCE(a->id),
		   READ_ONCE(a->my_vtag), READ_ONCE(a->peer_vtag),
		   skb_queue_len_lockless(&a->outq) +
		   skb_queue_len_lockless(&a->sentq),
		   skb_queue_len_lockless(&a->reasm) +
		   skb_queue_len_lockless(&a->lobby),
		   ntohs(a->lport), ntohs(a->pport));
	asctp_proc_addr(seq, "", &a->laddr);
	seq_puts(seq, " <->");
	asctp_proc_raddrs(seq, a);
	seq_printf(seq, "\t%5u %5u %5u %5u %5u %8llu\n",
		   READ_ONCE(a->mis), READ_ONCE(a->os),
		   READ_ONCE(a->max_retrans), READ_ONCE(a->retries[ASCTP_T1]),
		   READ_ONCE(a->retries[ASCTP_T2]),
		   READ_ONCE(a->stats.rtxchunks));
}

static int asctp_assocs_show(struct seq_file *seq, void *v)
{
	struct asctp_assoc *a;

	if (v == SEQ_START_TOKEN) {
		seq_puts(seq, "STY SST HBKT   UID INODE ST ASSOC-ID  MY-VTAG PEERVTAG TX_CHUNK RX_CHUNK LPORT RPORT  LADDR <-> RADDRS\t  INS  OUTS MAXRT   T1X   T2X     RTXC\n");
		return 0;
	}
	hlist_for_each_entry_rcu(a, (struct hlist_head *)v, vtag_node)
		asctp_proc_assoc(seq, v, a);
	return 0;
}

static const struct seq_operations asctp_eps_ops = {
	.start = asctp_proc_start,
	.next = asctp_proc_next,
	.stop = asctp_proc_stop,
	.show = asctp_eps_show,
};

static const struct seq_operations asctp_assocs_ops = {
	.start = asctp_proc_start,
	.next = asctp_proc_next,
	.stop = asctp_proc_stop,
	.show = asctp_assocs_show,
};

static bool asctp_proc_table(struct proc_dir_entry *dir, const char *name,
			     const struct seq_operations *ops, size_t off)
{
	return proc_create_net_data(name, 0444, dir, ops,
				    sizeof(struct seq_net_private),
				    (void *)off);
}

int asctp_proc_net_init(struct net *net, struct asctp_net *an)
{
	/* proc_net_mkdir: the files below find their netns in ->data */
	an->proc_dir = proc_net_mkdir(net, "asctp", net->proc_net);
	if (!an->proc_dir)
		goto err;
	if (!proc_create_net_single("snmp", 0444, an->proc_dir,
				    asctp_mib_show, NULL))
		goto err;
	if (!asctp_proc_table(an->proc_dir, "eps", &asctp_eps_ops,
			      offsetof(struct asctp_net, port_hash)))
		goto err;
	if (!asctp_proc_table(an->proc_dir, "assocs", &asctp_assocs_ops,
			      offsetof(struct asctp_net, vtag_hash)))
		goto err;
	return 0;

err:
	asctp_proc_net_exit(net);
	return -ENOMEM;
}

void asctp_proc_net_exit(struct net *net)
{
	remove_proc_subtree("asctp", net->proc_net);
}
