/* SPDX-License-Identifier: GPL-2.0 */
/* Packet reception from the IP layer, in softirq. */
#ifndef _ASCTP_INPUT_H
#define _ASCTP_INPUT_H

#include "mib.h"

struct asctp_hdr;
struct sk_buff;

/* Result of the common header checks: ASCTP_MIB_IN_PKTS when the
 * header is acceptable, else the counter that names the drop.
 */
enum asctp_mib_field asctp_input_hdr_check(const struct asctp_hdr *sh,
					   unsigned int len);
int asctp_input_rcv(struct sk_buff *skb);

struct sock;
/* A packet for a socket the caller owns (the socket's backlog). */
void asctp_input_sk_rcv(struct sock *sk, struct sk_buff *skb);

#endif /* _ASCTP_INPUT_H */
