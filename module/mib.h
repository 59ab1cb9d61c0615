/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per network namespace counters, like the kernel's SNMP MIBs: every
 * dropped packet and every protocol event has a named counter, read
 * from /proc/net/asctp/snmp.
 */
#ifndef _ASCTP_MIB_H
#define _ASCTP_MIB_H

#include <linux/percpu.h>
#include <net/net_namespace.h>

enum asctp_mib_field {
	ASCTP_MIB_IN_PKTS,		/* packets that passed header checks */
	ASCTP_MIB_IN_SHORT,		/* drop: shorter than header + chunk */
	ASCTP_MIB_IN_BAD_PORT,		/* drop: source or dest port 0 */
	ASCTP_MIB_IN_NON_UNICAST,	/* drop: to broadcast or multicast */
	ASCTP_MIB_IN_BAD_CSUM,		/* drop: CRC32c mismatch */
	ASCTP_MIB_IN_OUT_OF_BLUE,	/* drop: matches no association */
	ASCTP_MIB_MAX
};

struct asctp_mib {
	unsigned long field[ASCTP_MIB_MAX];
};

struct seq_file;

struct asctp_mib __percpu *asctp_net_mib(const struct net *net);
int asctp_mib_show(struct seq_file *seq, void *v);

/* Softirq or process context; per-CPU so no lock is needed. */
static inline void asctp_mib_inc(const struct net *net,
				 enum asctp_mib_field f)
{
	this_cpu_inc(asctp_net_mib(net)->field[f]);
}

#endif /* _ASCTP_MIB_H */
