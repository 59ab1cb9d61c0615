// SPDX-License-Identifier: GPL-2.0
/*
 * Reception from the IP layer.  Runs in softirq with rcu_read_lock held
 * by ip_local_deliver_finish(); never sleeps.  Every packet leaves
 * through one labelled exit, and every drop bumps its named counter.
 *
 * A packet is checked whole (header, CRC32c, every chunk's bounds),
 * then finds its socket: through an association (by tag, else by
 * addresses and ports), else the socket bound to its port.  With that
 * socket locked and not owned by the user it is processed at once;
 * otherwise it waits in the socket's backlog, processed by
 * release_sock().  Lock order: socket (nested: a listener), its new
 * child, then hash_lock.
 */

#include <linux/skbuff.h>
#include <net/ip.h>
#include <net/route.h>

#include "addr.h"
#include "assoc.h"
#include "chunk.h"
#include "crc.h"
#include "input.h"
#include "port.h"
#include "sm.h"
#include "sock.h"
#include "wire.h"

/* RFC 9260 3.1: ports are never 0; a packet carries at least one chunk. */
enum asctp_mib_field asctp_input_hdr_check(const struct asctp_hdr *sh,
					   unsigned int len)
{
	if (len < ASCTP_MIN_PKT_LEN)
		return ASCTP_MIB_IN_SHORT;
	if (!sh->sport || !sh->dport)
		return ASCTP_MIB_IN_BAD_PORT;
	return ASCTP_MIB_IN_PKTS;
}

/* RFC 9260 8.4 (1): packets to a broadcast or multicast address are
 * out of the blue and silently discarded.
 */
static bool asctp_input_is_unicast(const struct sk_buff *skb)
{
	const struct rtable *rt;

	if (skb->pkt_type != PACKET_HOST)
		return false;
	if (skb->protocol == htons(ETH_P_IPV6))
		return !ipv6_addr_is_multicast(&ipv6_hdr(skb)->daddr);
	rt = skb_rtable(skb);
	return !(rt && (rt->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST)));
}

/* RFC 9260 6.8: a packet with a bad CRC32c is silently discarded.
 * A device that already verified the checksum says so in ip_summed.
 */
static bool asctp_input_csum_ok(struct sk_buff *skb)
{
	const struct asctp_hdr *sh = (const struct asctp_hdr *)skb->data;

	/* in UDP, what a device or UDP verified was the UDP checksum */
	return (skb_csum_unnecessary(skb) &&
		!asctp_input_cb(skb)->encap_port) ||
	       asctp_crc_skb(skb, 0) == sh->checksum;
}

/* The packet's source and destination addresses (addr.h). */
static void asctp_input_addrs(const struct sk_buff *skb,
			      struct in6_addr *src, struct in6_addr *dst)
{
	const struct iphdr *iph = ip_hdr(skb);

	if (skb->protocol == htons(ETH_P_IPV6)) {
		*src = ipv6_hdr(skb)->saddr;
		*dst = ipv6_hdr(skb)->daddr;
		return;
	}
	asctp_addr_set_v4(src, iph->saddr);
	asctp_addr_set_v4(dst, iph->daddr);
}

static struct asctp_assoc *asctp_input_assoc(struct net *net,
					     const struct sk_buff *skb)
{
	const struct asctp_hdr *sh = (const struct asctp_hdr *)skb->data;
	struct in6_addr src, dst;
	struct asctp_assoc *a;

	asctp_input_addrs(skb, &src, &dst);
	a = asctp_assoc_lookup_vtag(net, ntohl(sh->vtag), sh->dport,
				    sh->sport);
	if (a && asctp_path_find_rcu(a, &src))
		return a;
	if (a)
		asctp_assoc_put(a);
	return asctp_assoc_lookup_tuple(net, &dst, sh->dport, &src, sh->sport);
}

/* The socket to lock for this packet, with a reference, or NULL. */
static struct sock *asctp_input_sk(struct net *net, const struct sk_buff *skb)
{
	const struct asctp_hdr *sh = (const struct asctp_hdr *)skb->data;
	struct asctp_assoc *a = asctp_input_assoc(net, skb);
	struct in6_addr src, dst;
	struct sock *sk;

	if (!a) {
		asctp_input_addrs(skb, &src, &dst);
		return asctp_port_lookup(net, &dst, sh->dport);
	}
	/* a peeled-off association's old owner may be on its way out */
	do {
		sk = READ_ONCE(a->sk);
	} while (!refcount_inc_not_zero(&sk->sk_refcnt));
	asctp_assoc_put(a);
	return sk;
}

/* Run the chunks with @sk (if any) owned by this context. */
static enum asctp_mib_field asctp_input_process(struct net *net,
						struct sock *sk,
						struct sk_buff *skb)
{
	const struct asctp_hdr *sh = (const struct asctp_hdr *)skb->data;
	struct asctp_rx rx = {
		.net = net,
		.skb = skb,
		.sk = sk,
		.vtag = ntohl(sh->vtag),
		.reply = {
			.sport = sh->dport,
			.dport = sh->sport,
			.encap = asctp_input_cb(skb)->encap_port,
		},
	};
	enum asctp_mib_field ret;

	asctp_input_addrs(skb, &rx.reply.daddr, &rx.reply.saddr);
	if (sk) {
		sock_owned_by_me(sk);
		rx.a = asctp_input_assoc(net, skb);
		if (rx.a && rx.a->sk != sk) {
			/* peeled off since the lookup: to the new owner */
			asctp_assoc_put(rx.a);
			return ASCTP_MIB_IN_REDIRECTED;
		}
		if (rx.a)
			rx.a->stats.ipackets++;
	}
	ret = asctp_sm_rx(&rx);
	if (rx.child) {
		asctp_sock_child_unlock(rx.child);
		sock_put(rx.child);
	}
	if (rx.a)
		asctp_assoc_put(rx.a);
	return ret;
}

static void asctp_input_done(struct net *net, struct sk_buff *skb,
			     enum asctp_mib_field ret)
{
	if (ret == ASCTP_MIB_IN_PKTS) {
		consume_skb(skb);
		return;
	}
	asctp_mib_inc(net, ret);
	kfree_skb(skb);
}

static void asctp_input_deliver(struct net *net, struct sk_buff *skb,
				bool again);

/* From the backlog: in process context, the socket owned, BHs off
 * (asctp_sock_backlog_rcv()).
 */
void asctp_input_sk_rcv(struct sock *sk, struct sk_buff *skb)
{
	struct net *net = sock_net(sk);
	enum asctp_mib_field ret;

	lockdep_assert_in_softirq();
	rcu_read_lock();
	ret = asctp_input_process(net, sk, skb);
	if (ret == ASCTP_MIB_IN_REDIRECTED)
		asctp_input_deliver(net, skb, true);
	else
		asctp_input_done(net, skb, ret);
	rcu_read_unlock();
}

/* To the socket now, or to its backlog if the user holds it; a
 * redirected packet is left to the caller.
 */
static enum asctp_mib_field asctp_input_to_sk(struct net *net,
					      struct sock *sk,
					      struct sk_buff *skb)
{
	enum asctp_mib_field ret = ASCTP_MIB_IN_PKTS;

	bh_lock_sock_nested(sk);
	if (!sock_owned_by_user(sk)) {
		ret = asctp_input_process(net, sk, skb);
		bh_unlock_sock(sk);
		if (ret == ASCTP_MIB_IN_REDIRECTED)
			return ret;
		asctp_input_done(net, skb, ret);
		return ASCTP_MIB_IN_PKTS;
	}
	if (sk_add_backlog(sk, skb, READ_ONCE(sk->sk_rcvbuf) +
				    READ_ONCE(sk->sk_sndbuf)))
		ret = ASCTP_MIB_IN_BACKLOG_FULL;
	bh_unlock_sock(sk);
	return ret;
}

/* A checked packet to its socket, or out of the blue.  One that
 * met its association's new owner (peeloff.c) is looked up again,
 * once: an association moves only once.
 */
static void asctp_input_deliver(struct net *net, struct sk_buff *skb,
				bool again)
{
	enum asctp_mib_field ret;
	struct sock *sk;

	for (;; again = true) {
		if (again)
			asctp_mib_inc(net, ASCTP_MIB_IN_REDIRECTED);
		sk = asctp_input_sk(net, skb);
		if (!sk) {
			ret = asctp_input_process(net, NULL, skb);
			break;
		}
		ret = asctp_input_to_sk(net, sk, skb);
		sock_put(sk);
		if (ret != ASCTP_MIB_IN_REDIRECTED || again)
			break;
	}
	if (ret == ASCTP_MIB_IN_REDIRECTED)
		ret = ASCTP_MIB_IN_BAD_STATE;	/* moved twice: cannot be */
	if (ret != ASCTP_MIB_IN_PKTS) {
		asctp_mib_inc(net, ret);
		kfree_skb(skb);
	}
}

static void asctp_input_pkt(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	enum asctp_mib_field drop;

	if (!asctp_input_is_unicast(skb)) {
		drop = ASCTP_MIB_IN_NON_UNICAST;
		goto drop;
	}
	if (!pskb_may_pull(skb, ASCTP_MIN_PKT_LEN)) {
		drop = ASCTP_MIB_IN_SHORT;
		goto drop;
	}
	drop = asctp_input_hdr_check((const struct asctp_hdr *)skb->data,
				     skb->len);
	if (drop != ASCTP_MIB_IN_PKTS)
		goto drop;
	if (!asctp_input_csum_ok(skb)) {
		drop = ASCTP_MIB_IN_BAD_CSUM;
		goto drop;
	}
	if (skb_linearize(skb)) {
		drop = ASCTP_MIB_IN_NO_MEM;
		goto drop;
	}
	drop = asctp_chunk_check(skb->data + ASCTP_HDR_LEN,
				 skb->len - ASCTP_HDR_LEN);
	if (drop != ASCTP_MIB_IN_PKTS)
		goto drop;
	asctp_mib_inc(net, ASCTP_MIB_IN_PKTS);
	asctp_input_deliver(net, skb, false);
	return;
drop:
	asctp_mib_inc(net, drop);
	kfree_skb(skb);
}

int asctp_input_rcv(struct sk_buff *skb)
{
	asctp_input_cb(skb)->encap_port = 0;
	asctp_input_pkt(skb);
	return 0;
}

void asctp_input_encap(struct sk_buff *skb, __be16 port)
{
	asctp_mib_inc(dev_net(skb->dev), ASCTP_MIB_IN_ENCAP_PKTS);
	asctp_input_cb(skb)->encap_port = port;
	asctp_input_pkt(skb);
}
