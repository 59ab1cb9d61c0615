// SPDX-License-Identifier: GPL-2.0
/*
 * Reception from the IP layer.  Runs in softirq with rcu_read_lock held
 * by ip_local_deliver_finish(); never sleeps.  Every packet leaves
 * through one labelled exit, and every drop bumps its named counter.
 */

#include <linux/skbuff.h>
#include <net/ip.h>
#include <net/route.h>

#include "crc.h"
#include "input.h"
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
	const struct rtable *rt = skb_rtable(skb);

	return skb->pkt_type == PACKET_HOST &&
	       !(rt && (rt->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST)));
}

/* RFC 9260 6.8: a packet with a bad CRC32c is silently discarded.
 * A device that already verified the checksum says so in ip_summed.
 */
static bool asctp_input_csum_ok(const struct sk_buff *skb)
{
	const struct asctp_hdr *sh = (const struct asctp_hdr *)skb->data;

	return skb_csum_unnecessary(skb) ||
	       asctp_crc_skb(skb, 0) == sh->checksum;
}

int asctp_input_rcv(struct sk_buff *skb)
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
	asctp_mib_inc(net, ASCTP_MIB_IN_PKTS);

	/* No association exists yet to take the packet: chunk dispatch
	 * and the RFC 9260 8.4 replies arrive with the handshake.
	 */
	drop = ASCTP_MIB_IN_OUT_OF_BLUE;
drop:
	asctp_mib_inc(net, drop);
	kfree_skb(skb);
	return 0;
}
