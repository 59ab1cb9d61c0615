/* SPDX-License-Identifier: GPL-2.0 */
/* /proc/net/asctp: snmp, eps and assocs, per netns. */
#ifndef _ASCTP_PROC_H
#define _ASCTP_PROC_H

struct asctp_net;
struct net;

int asctp_proc_net_init(struct net *net, struct asctp_net *an);
void asctp_proc_net_exit(struct net *net);

#endif /* _ASCTP_PROC_H */
