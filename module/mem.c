// SPDX-License-Identifier: GPL-2.0
/*
 * Memory of all asctp sockets together, counted as the kernel's own
 * transports count theirs (struct proto's memory_allocated; see
 * /proc/net/protocols): what the sockets queue to send and hold
 * received is charged in pages against net.asctp.mem, three numbers
 * of pages as in net.sctp.sctp_mem (no pressure below the first,
 * pressure above the second, nothing more above the third).  Per
 * socket, SO_SNDBUF and SO_RCVBUF still rule.
 *
 * Over the limit, DATA is dropped unacknowledged and counted
 * (AsctpInMemLimit), and the peer sends it again.  Data in TSN order
 * gets in regardless when it fills a gap in front of data waiting for
 * reassembly or order, or when its socket's reader has taken all
 * (reasm.c): else an association could be stuck with memory full of
 * data it cannot deliver, or senders on this host holding the memory
 * would wait forever for a SACK of data that cannot get in.  What gets
 * in so is still bounded by the socket's SO_RCVBUF.  sendmsg waits
 * for its socket's queue to shrink, or fails with ENOBUFS when the
 * socket has nothing queued to wait for.
 *
 * sk_forward_alloc, like the queues it covers, is under the socket
 * lock.
 */

#include <linux/percpu_counter.h>
#include <linux/swap.h>
#include <linux/sysctl.h>
#include <net/net_namespace.h>

#include "compat.h"
#include "mem.h"

static atomic_long_t asctp_mem_allocated;
static DEFINE_PER_CPU(int, asctp_mem_fw_alloc);
static struct percpu_counter asctp_mem_sockets;
static unsigned long asctp_mem_pressure;
static long asctp_sysctl_mem[3];
/* Under pressure, a socket holding less than [0] may still grow. */
static int asctp_sysctl_rmem[3] = { PAGE_SIZE };
static int asctp_sysctl_wmem[3] = { PAGE_SIZE };
static struct ctl_table_header *asctp_mem_sysctl;

static struct ctl_table asctp_mem_table[] = {
	{
		.procname	= "mem",
		.data		= asctp_sysctl_mem,
		.maxlen		= sizeof(asctp_sysctl_mem),
		.mode		= 0644,
		.proc_handler	= proc_doulongvec_minmax,
	},
	ASCTP_SYSCTL_TABLE_END
};

static void asctp_mem_enter_pressure(struct sock *sk)
{
	WRITE_ONCE(asctp_mem_pressure, 1);
}

/* Send queue: @skb joins it, or leaves it to be freed. */
void asctp_mem_wcharge(struct sock *sk, struct sk_buff *skb)
{
	sk_wmem_queued_add(sk, skb->truesize);
	sk_mem_charge(sk, skb->truesize);
}

void asctp_mem_wuncharge(struct sock *sk, struct sk_buff *skb)
{
	sk_wmem_queued_add(sk, -skb->truesize);
	sk_mem_uncharge(sk, skb->truesize);
}

/* Peel-off: @bytes of send queue move from @sk to @nsk, both owned. */
void asctp_mem_wmove(struct sock *sk, struct sock *nsk, u32 bytes)
{
	sk_wmem_queued_add(sk, -bytes);
	sk_mem_uncharge(sk, bytes);
	asctp_mem_wschedule(nsk, bytes);	/* what is queued stays queued */
	sk_wmem_queued_add(nsk, bytes);
	sk_mem_charge(nsk, bytes);
}

/* May @size more bytes join the send queue?  Not over the hard limit,
 * whatever the socket type: the kernel's check lets a SOCK_STREAM
 * socket past it after shrinking its SO_SNDBUF, as TCP wants, which
 * grows it back later; asctp keeps what the user set.
 */
bool asctp_mem_wschedule(struct sock *sk, int size)
{
	int sndbuf = sk->sk_sndbuf;
	bool ok;

	if (size <= sk->sk_forward_alloc)
		return true;
	if (atomic_long_read(&asctp_mem_allocated) >
	    READ_ONCE(asctp_sysctl_mem[2]))
		return false;
	ok = sk_wmem_schedule(sk, size);
	WRITE_ONCE(sk->sk_sndbuf, sndbuf);
	return ok;
}

/* The chunks of one message, @q, all or none. */
bool asctp_mem_wschedule_queue(struct sock *sk, const struct sk_buff_head *q)
{
	const struct sk_buff *skb;
	int size = 0;

	skb_queue_walk(q, skb)
		size += skb->truesize;
	return asctp_mem_wschedule(sk, size);
}

/* Received @skb, charged to @sk unless asctp is over its limit and
 * @force is not set.
 */
bool asctp_mem_rcharge(struct sock *sk, struct sk_buff *skb, bool force)
{
	if (!sk_rmem_schedule(sk, skb, skb->truesize) && !force)
		return false;
	skb_set_owner_r(skb, sk);
	return true;
}

/* A notification is small and must not be lost: charged regardless. */
void asctp_mem_rcharge_event(struct sock *sk, struct sk_buff *skb)
{
	asctp_mem_rcharge(sk, skb, true);
}

/* The defaults of net.sctp.sctp_mem: an eighth of free memory. */
static void asctp_mem_defaults(void)
{
	unsigned long limit = max(nr_free_buffer_pages() / 8, 128UL);

	asctp_sysctl_mem[0] = limit / 4 * 3;
	asctp_sysctl_mem[1] = limit;
	asctp_sysctl_mem[2] = asctp_sysctl_mem[0] * 2;
}

/* @prot's sockets count in asctp's memory (both families share it). */
void asctp_mem_prot(struct proto *prot)
{
	prot->memory_allocated = &asctp_mem_allocated;
	prot->per_cpu_fw_alloc = &asctp_mem_fw_alloc;
	prot->sockets_allocated = &asctp_mem_sockets;
	prot->memory_pressure = &asctp_mem_pressure;
	prot->enter_memory_pressure = asctp_mem_enter_pressure;
	prot->sysctl_mem = asctp_sysctl_mem;
	prot->sysctl_rmem = asctp_sysctl_rmem;
	prot->sysctl_wmem = asctp_sysctl_wmem;
}

int asctp_mem_init(struct proto *prot)
{
	int err;

	err = percpu_counter_init(&asctp_mem_sockets, 0, GFP_KERNEL);
	if (err)
		goto err_counter;
	asctp_mem_defaults();
	asctp_mem_sysctl = register_net_sysctl(&init_net, "net/asctp",
					       asctp_mem_table);
	if (!asctp_mem_sysctl) {
		err = -ENOMEM;
		goto err_sysctl;
	}
	asctp_mem_prot(prot);
	return 0;

err_sysctl:
	percpu_counter_destroy(&asctp_mem_sockets);
err_counter:
	return err;
}

void asctp_mem_exit(void)
{
	unregister_net_sysctl_table(asctp_mem_sysctl);
	percpu_counter_destroy(&asctp_mem_sockets);
}
