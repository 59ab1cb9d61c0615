// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 6951: SCTP over UDP.  The namespace's UDP sockets (one IPv4,
 * one IPv6-only, on the same port) hand what they receive to
 * asctp_input_encap() without the UDP header; what we send in UDP
 * leaves from them, so the source port is ours (5.3).
 *
 * The sockets change only when net.asctp.udp_port is written, under
 * asctp_encap_mutex; senders find them under RCU.  They are kernel
 * sockets: they hold no reference on their namespace.
 */

#include <linux/mutex.h>
#include <linux/sysctl.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>
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

/* A UDP socket of @family on @port whose datagrams come to us. */
static struct socket *asctp_encap_sock(struct net *net, int family, int port)
{
	struct sockaddr_in6 sin6 = {
		.sin6_family = AF_INET6,
		.sin6_port = htons(port),
	};
	struct sockaddr_in sin = {
		.sin_family = AF_INET,
		.sin_port = htons(port),
	};
	bool v6 = family == AF_INET6;
	struct socket *sock;
	int err;

	err = sock_create_kern(net, family, SOCK_DGRAM, IPPROTO_UDP, &sock);
	if (err)
		return ERR_PTR(err);
	/* IPv4 has its own socket on the port */
	err = v6 ? ip6_sock_set_v6only(sock->sk) : 0;
	if (err)
		goto err_sock;
	/* set before bind: no datagram reaches the socket's own queue */
	udp_sk(sock->sk)->encap_type = 1;
	WRITE_ONCE(udp_sk(sock->sk)->encap_rcv, asctp_encap_rcv);
	WRITE_ONCE(udp_sk(sock->sk)->encap_err_lookup,
		   v6 ? asctp_icmp6_encap_err : asctp_icmp_encap_err);
	udp_tunnel_encap_enable(sock->sk);
	err = kernel_bind(sock, v6 ? (struct sockaddr *)&sin6 :
			  (struct sockaddr *)&sin,
			  v6 ? sizeof(sin6) : sizeof(sin));
	if (err)
		goto err_sock;
	return sock;

err_sock:
	sock_release(sock);
	return ERR_PTR(err);
}

/* Senders and receivers may still hold the socket under RCU. */
static void asctp_encap_close(struct socket __rcu **slot)
{
	struct socket *sock = rcu_dereference_protected(*slot, true);

	if (!sock)
		return;
	RCU_INIT_POINTER(*slot, NULL);
	kernel_sock_shutdown(sock, SHUT_RDWR);
	synchronize_rcu();
	sock_release(sock);
}

static void asctp_encap_stop(struct asctp_encap_net *en)
{
	asctp_encap_close(&en->sock6);
	asctp_encap_close(&en->sock);
}

/* Both sockets, or none; IPv4 alone where IPv6 is disabled. */
static int asctp_encap_start(struct asctp_encap_net *en, int port)
{
	struct socket *sock;

	sock = asctp_encap_sock(en->net, AF_INET, port);
	if (IS_ERR(sock))
		return PTR_ERR(sock);
	rcu_assign_pointer(en->sock, sock);
	sock = asctp_encap_sock(en->net, AF_INET6, port);
	if (IS_ERR(sock) && PTR_ERR(sock) != -EAFNOSUPPORT) {
		asctp_encap_stop(en);
		return PTR_ERR(sock);
	}
	if (!IS_ERR(sock))
		rcu_assign_pointer(en->sock6, sock);
	return 0;
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

/* The UDP header in front of the SCTP packet; its checksum is the
 * caller's.  @sock is the caller's rcu_dereference() of the encap socket,
 * under rcu_read_lock() (asctp_encap_close() waits for it).
 */
static void asctp_encap_push(struct sk_buff *skb, struct socket *sock,
			     __be16 dport)
{
	struct udphdr *uh = skb_push(skb, sizeof(*uh));

	skb_reset_transport_header(skb);
	uh->source = inet_sk(sock->sk)->inet_sport;
	uh->dest = dport;
	uh->len = htons(skb->len);
	uh->check = 0;
}

/* RFC 6951 5.3: UDP from our port to the peer's, checksum included
 * (SHOULD); the SCTP checksum is already in.
 */
bool asctp_encap_xmit(struct net *net, struct sk_buff *skb,
		      const struct flowi4 *fl4, __be16 dport)
{
	struct socket *sock;

	rcu_read_lock();
	sock = rcu_dereference(asctp_net(net)->encap.sock);
	if (!sock) {
		rcu_read_unlock();
		return false;
	}
	asctp_encap_push(skb, sock, dport);
	udp_set_csum(false, skb, fl4->saddr, fl4->daddr, skb->len);
	ip_build_and_send_pkt(skb, sock->sk, fl4->saddr, fl4->daddr, NULL, 0);
	rcu_read_unlock();
	return true;
}

/* The same over IPv6, where the UDP checksum is a MUST (RFC 8200 8.1). */
bool asctp_encap_xmit6(struct net *net, struct sk_buff *skb,
		       struct flowi6 *fl6, __be16 dport, int tclass, u32 prio)
{
	struct socket *sock;

	rcu_read_lock();
	sock = rcu_dereference(asctp_net(net)->encap.sock6);
	if (!sock) {
		rcu_read_unlock();
		return false;
	}
	asctp_encap_push(skb, sock, dport);
	udp6_set_csum(false, skb, &fl6->saddr, &fl6->daddr, skb->len);
	fl6->flowi6_proto = IPPROTO_UDP;
	ip6_xmit(sock->sk, skb, fl6, fl6->flowi6_mark, NULL, tclass, prio);
	rcu_read_unlock();
	return true;
}
