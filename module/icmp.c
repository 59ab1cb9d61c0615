// SPDX-License-Identifier: GPL-2.0
/*
 * ICMP errors about our packets.  Only Fragmentation Needed acts: it
 * lowers the path MTU (RFC 9260 7.3, RFC 1191); chunks already cut for
 * the old one go IP-fragmented (xmit.c), later ones are cut smaller.
 * RFC 9260 Appendix C: the ICMP must quote a packet of an association
 * of ours, with the peer's tag; an INIT's (tag 0) is not checked, so
 * it is ignored.  Runs in softirq: with the socket held by the user,
 * the new MTU waits in the path for release_cb.
 */

#include <linux/icmp.h>
#include <linux/udp.h>
#include <net/icmp.h>
#include <net/ip.h>
#include <net/ip6_route.h>
#include <net/ipv6.h>
#include <net/route.h>

#include "assoc.h"
#include "icmp.h"
#include "mib.h"
#include "sock.h"
#include "wire.h"

/* The association a quoted packet went on, referenced, if the packet
 * carried the peer's tag (Appendix C); else counted as ignored.
 */
static struct asctp_assoc *asctp_icmp_assoc(struct net *net,
					    const struct in6_addr *saddr,
					    const struct in6_addr *daddr,
					    const struct asctp_hdr *sh)
{
	struct asctp_assoc *a;

	a = asctp_assoc_lookup_tuple(net, saddr, sh->sport, daddr, sh->dport);
	if (a && (!sh->vtag || ntohl(sh->vtag) != a->peer_vtag)) {
		asctp_assoc_put(a);
		a = NULL;
	}
	if (!a)
		asctp_mib_inc(net, ASCTP_MIB_ICMP_IGNORED);
	return a;
}

static struct asctp_assoc *asctp_icmp_assoc4(struct net *net,
					     const struct iphdr *iph,
					     const struct asctp_hdr *sh)
{
	struct in6_addr saddr, daddr;

	asctp_addr_set_v4(&saddr, iph->saddr);
	asctp_addr_set_v4(&daddr, iph->daddr);
	return asctp_icmp_assoc(net, &saddr, &daddr, sh);
}

/* With the socket owned: the path to @daddr takes @mtu if lower. */
static void asctp_icmp_pmtu(struct asctp_assoc *a,
			    const struct in6_addr *daddr, u32 mtu)
{
	struct asctp_path *p = asctp_path_find(a, daddr);

	if (!p || (p->o.flags & SPP_PMTUD_DISABLE))
		return;
	mtu = max_t(u32, mtu, ASCTP_PMTU_MIN);
	if (mtu >= p->pmtu)
		return;
	p->pmtu = mtu;
	asctp_path_sync_pmtu(a);
}

static void asctp_icmp_frag_needed(struct net *net, struct asctp_assoc *a,
				   const struct in6_addr *daddr, u32 mtu)
{
	enum asctp_mib_field what = ASCTP_MIB_ICMP_FRAG_NEEDED;
	struct asctp_path *p;
	struct sock *sk;

	do {
		sk = READ_ONCE(a->sk);
	} while (!refcount_inc_not_zero(&sk->sk_refcnt));
	bh_lock_sock(sk);
	if (a->sk != sk || READ_ONCE(a->dead)) {
		what = ASCTP_MIB_ICMP_IGNORED;	/* peeled off, or over */
	} else if (!sock_owned_by_user(sk)) {
		asctp_icmp_pmtu(a, daddr, mtu);
	} else {
		p = asctp_path_find_rcu(a, daddr);
		if (p && (!p->icmp_mtu || mtu < p->icmp_mtu)) {
			p->icmp_mtu = mtu;
			set_bit(ASCTP_DEFER_PMTU, &asctp_sk(sk)->deferred);
		}
	}
	bh_unlock_sock(sk);
	sock_put(sk);
	asctp_mib_inc(net, what);
}

static bool asctp_icmp_frag(u8 type, u8 code)
{
	return type == ICMP_DEST_UNREACH && code == ICMP_FRAG_NEEDED;
}

int asctp_icmp_err(struct sk_buff *skb, u32 info)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	const struct icmphdr *ih = icmp_hdr(skb);
	struct net *net = dev_net(skb->dev);
	const struct asctp_hdr *sh;
	struct in6_addr daddr;
	struct asctp_assoc *a;

	if (!asctp_icmp_frag(ih->type, ih->code))
		return 0;
	/* icmp.c pulled the IP header and 8 bytes: ports and tag */
	sh = (const struct asctp_hdr *)(skb->data + (iph->ihl << 2));
	a = asctp_icmp_assoc4(net, iph, sh);
	if (!a)
		return 0;
	/* the route learns it only from an ICMP that passed the tag check */
	ipv4_update_pmtu(skb, net, info, 0, asctp_ipproto);
	asctp_addr_set_v4(&daddr, iph->daddr);
	asctp_icmp_frag_needed(net, a, &daddr, info);
	asctp_assoc_put(a);
	return 0;
}

/* The first 8 bytes of our common header, quoted after the UDP header
 * of an encapsulated packet (RFC 6951 5.5); NULL when cut short.
 */
static const struct asctp_hdr *asctp_icmp_encap_hdr(const struct sk_buff *skb,
						    struct asctp_hdr *buf)
{
	return skb_header_pointer(skb, skb_transport_offset(skb) +
				  sizeof(struct udphdr), 8, buf);
}

/* RFC 6951 5.5: about a packet we sent in UDP.  UDP updates the
 * route's MTU itself when we return 0: not for an ICMP that fails the
 * tag check.  The network header is the quoted IP header, the transport
 * header its UDP header.
 */
int asctp_icmp_encap_err(struct sock *sk, struct sk_buff *skb)
{
	const struct icmphdr *ih = (const struct icmphdr *)
		(skb_network_header(skb) - sizeof(struct icmphdr));
	const struct asctp_hdr *sh;
	struct in6_addr daddr;
	struct asctp_assoc *a;
	struct asctp_hdr buf;

	sh = asctp_icmp_encap_hdr(skb, &buf);
	if (!sh)
		return -ENOENT;
	if (!asctp_icmp_frag(ih->type, ih->code))
		return 0;
	a = asctp_icmp_assoc4(sock_net(sk), ip_hdr(skb), sh);
	if (!a)
		return -ENOENT;
	asctp_addr_set_v4(&daddr, ip_hdr(skb)->daddr);
	asctp_icmp_frag_needed(sock_net(sk), a, &daddr,
			       ntohs(ih->un.frag.mtu));
	asctp_assoc_put(a);
	return 0;
}

/* RFC 6951 5.5 over IPv6: a Packet Too Big about a packet we sent in
 * UDP.  The network header is the quoted IPv6 header, the ICMPv6 one
 * just before it, the transport header its UDP header.
 */
int asctp_icmp6_encap_err(struct sock *sk, struct sk_buff *skb)
{
	const struct icmp6hdr *ih = (const struct icmp6hdr *)
		(skb_network_header(skb) - sizeof(struct icmp6hdr));
	const struct ipv6hdr *ip6h = ipv6_hdr(skb);
	const struct asctp_hdr *sh;
	struct asctp_assoc *a;
	struct asctp_hdr buf;

	sh = asctp_icmp_encap_hdr(skb, &buf);
	if (!sh)
		return -ENOENT;
	if (ih->icmp6_type != ICMPV6_PKT_TOOBIG)
		return 0;
	a = asctp_icmp_assoc(sock_net(sk), &ip6h->saddr, &ip6h->daddr, sh);
	if (!a)
		return -ENOENT;
	asctp_icmp_frag_needed(sock_net(sk), a, &ip6h->daddr,
			       ntohl(ih->icmp6_mtu));
	asctp_assoc_put(a);
	return 0;
}

/* inet6_protocol.err_handler: RFC 8201 Packet Too Big, as
 * Fragmentation Needed for IPv4.  @skb's data is the IPv6 header we
 * sent, our common header at @offset.
 */
int asctp_icmp6_err(struct sk_buff *skb, struct inet6_skb_parm *opt,
		    u8 type, u8 code, int offset, __be32 info)
{
	const struct ipv6hdr *ip6h = (const struct ipv6hdr *)skb->data;
	struct net *net = dev_net(skb->dev);
	const struct asctp_hdr *sh;
	struct asctp_assoc *a;
	struct asctp_hdr buf;

	if (type != ICMPV6_PKT_TOOBIG)
		return 0;
	sh = skb_header_pointer(skb, offset, 8, &buf);
	if (!sh)
		return -EINVAL;
	a = asctp_icmp_assoc(net, &ip6h->saddr, &ip6h->daddr, sh);
	if (!a)
		return 0;
	ip6_update_pmtu(skb, net, info, 0, 0, sock_net_uid(net, NULL));
	asctp_icmp_frag_needed(net, a, &ip6h->daddr, ntohl(info));
	asctp_assoc_put(a);
	return 0;
}

/* Called with the socket's spinlock held and BH off. */
void asctp_icmp_release_cb(struct sock *sk)
{
	struct asctp_assoc *a;
	struct asctp_path *p;
	u32 mtu;

	if (!test_and_clear_bit(ASCTP_DEFER_PMTU, &asctp_sk(sk)->deferred))
		return;
	list_for_each_entry(a, &asctp_sk(sk)->assocs, sock_node) {
		list_for_each_entry(p, &a->paths, node) {
			mtu = p->icmp_mtu;
			p->icmp_mtu = 0;
			if (mtu)
				asctp_icmp_pmtu(a, &p->addr, mtu);
		}
	}
}
