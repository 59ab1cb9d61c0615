// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 6951: SCTP over UDP.  The namespace's UDP socket hands what it
 * receives to asctp_input_encap() without the UDP header; what we
 * send in UDP leaves from it, so the source port is ours (5.3).
 *
 * The socket changes only when net.asctp.udp_port is written, under
 * asctp_encap_mutex; senders find it under RCU.  It is a kernel
 * socket: it holds no reference on its namespace.
 */

#include <linux/mutex.h>
#include <linux/sysctl.h>
#include <net/ip.h>
#include <net/udp.h>
#include <net/udp_tunnel.h>

#include "compat.h"
#include "encap.h"
#include "icmp.h"
#include "input.h"
#include "netns.h"

static DEFINE_MUTEX(asctp_encap_mutex);
static int asctp_encap_port_max = 65535;

/* RFC 6951 5.4: the SCTP packet is the payload; the UDP source port is
 * the peer's encapsulation port for the address it came from.
 */
static int asctp_encap_rcv(struct sock *sk, struct sk_buff *skb)
{
	__be16 port = udp_hdr(skb)->source;

	__skb_pull(skb, sizeof(struct udphdr));
	skb_reset_transport_header(skb);
	asctp_input_encap(skb, port);
	return 0;
}

static int asctp_encap_start(struct asctp_encap_net *en, int port)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET,
		.sin_port = htons(port),
	};
	struct socket *sock;
	int err;

	err = sock_create_kern(en->net, AF_INET, SOCK_DGRAM, IPPROTO_UDP,
			       &sock);
	if (err)
		return err;
	/* set before bind: no datagram reaches the socket's own queue */
	udp_sk(sock->sk)->encap_type = 1;
	WRITE_ONCE(udp_sk(sock->sk)->encap_rcv, asctp_encap_rcv);
	WRITE_ONCE(udp_sk(sock->sk)->encap_err_lookup, asctp_icmp_encap_err);
	udp_tunnel_encap_enable(sock->sk);
	err = kernel_bind(sock, (struct sockaddr *)&sin, sizeof(sin));
	if (err) {
		sock_release(sock);
		return err;
	}
	rcu_assign_pointer(en->sock, sock);
	return 0;
}

/* Senders and receivers may still hold the socket under RCU. */
static void asctp_encap_stop(struct asctp_encap_net *en)
{
	struct socket *sock = rcu_dereference_protected(en->sock, true);

	if (!sock)
		return;
	RCU_INIT_POINTER(en->sock, NULL);
	kernel_sock_shutdown(sock, SHUT_RDWR);
	sock_release(sock);
	synchronize_rcu();
}

/* net.asctp.udp_port: a new value closes the old socket and binds a
 * new one; if that fails, encapsulation is off and the write fails.
 */
static int asctp_encap_udp_port(ASCTP_CTL_TABLE *ctl, int write,
				void *buf, size_t *lenp, loff_t *ppos)
{
	struct asctp_encap_net *en = container_of(ctl->data,
						  struct asctp_encap_net,
						  udp_port);
	struct ctl_table tbl = *ctl;
	int val, err;

	mutex_lock(&asctp_encap_mutex);
	val = en->udp_port;
	tbl.data = &val;
	err = proc_dointvec_minmax(&tbl, write, buf, lenp, ppos);
	if (write && !err && val != en->udp_port) {
		asctp_encap_stop(en);
		WRITE_ONCE(en->udp_port, 0);
		if (val)
			err = asctp_encap_start(en, val);
		if (!err)
			WRITE_ONCE(en->udp_port, val);
	}
	mutex_unlock(&asctp_encap_mutex);
	return err;
}

static const struct ctl_table asctp_encap_table[] = {
	{
		.procname	= "udp_port",
		.maxlen		= sizeof(int),
		.mode		= 0644,
		.proc_handler	= asctp_encap_udp_port,
		.extra1		= SYSCTL_ZERO,
		.extra2		= &asctp_encap_port_max,
	},
	{
		.procname	= "encap_port",
		.maxlen		= sizeof(int),
		.mode		= 0644,
		.proc_handler	= proc_dointvec_minmax,
		.extra1		= SYSCTL_ZERO,
		.extra2		= &asctp_encap_port_max,
	},
	ASCTP_SYSCTL_TABLE_END
};

int asctp_encap_net_init(struct net *net, struct asctp_encap_net *en)
{
	struct ctl_table *tbl;

	en->net = net;
	tbl = kmemdup(asctp_encap_table, sizeof(asctp_encap_table),
		      GFP_KERNEL);
	if (!tbl)
		return -ENOMEM;
	tbl[0].data = &en->udp_port;
	tbl[1].data = &en->encap_port;
	en->sysctl = asctp_register_net_sysctl(net, "net/asctp", tbl,
					       ARRAY_SIZE(asctp_encap_table));
	if (!en->sysctl) {
		kfree(tbl);
		return -ENOMEM;
	}
	return 0;
}

void asctp_encap_net_exit(struct asctp_encap_net *en)
{
	const struct ctl_table *tbl = en->sysctl->ctl_table_arg;

	unregister_net_sysctl_table(en->sysctl);
	kfree(tbl);
	asctp_encap_stop(en);
}

__be16 asctp_encap_default_port(const struct net *net)
{
	return htons(READ_ONCE(asctp_net(net)->encap.encap_port));
}

/* RFC 6951 5.3: UDP from our port to the peer's, checksum included
 * (SHOULD); the SCTP checksum is already in.
 */
bool asctp_encap_xmit(struct net *net, struct sk_buff *skb,
		      const struct flowi4 *fl4, __be16 dport)
{
	struct socket *sock;
	struct udphdr *uh;

	rcu_read_lock();
	sock = rcu_dereference(asctp_net(net)->encap.sock);
	if (!sock) {
		rcu_read_unlock();
		return false;
	}
	uh = skb_push(skb, sizeof(*uh));
	skb_reset_transport_header(skb);
	uh->source = inet_sk(sock->sk)->inet_sport;
	uh->dest = dport;
	uh->len = htons(skb->len);
	uh->check = 0;
	udp_set_csum(false, skb, fl4->saddr, fl4->daddr, skb->len);
	ip_build_and_send_pkt(skb, sock->sk, fl4->saddr, fl4->daddr, NULL, 0);
	rcu_read_unlock();
	return true;
}
