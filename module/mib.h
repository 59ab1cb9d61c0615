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
	ASCTP_MIB_IN_BAD_CHUNK,		/* drop: chunk length or padding */
	ASCTP_MIB_IN_BAD_BUNDLE,	/* drop: INIT etc. not alone (3.3) */
	ASCTP_MIB_IN_BAD_PARAM,		/* drop: parameter length or count */
	ASCTP_MIB_IN_UNKNOWN_CHUNK,	/* drop: unknown type, upper bits 0x */
	ASCTP_MIB_IN_BAD_VTAG,		/* drop: verification tag (8.5) */
	ASCTP_MIB_IN_BAD_INIT,		/* drop: INIT with tag 0 and like */
	ASCTP_MIB_IN_BAD_COOKIE,	/* drop: State Cookie MAC */
	ASCTP_MIB_IN_STALE_COOKIE,	/* drop: State Cookie expired */
	ASCTP_MIB_IN_BAD_STATE,		/* drop: chunk not valid in state */
	ASCTP_MIB_IN_BACKLOG_FULL,	/* drop: socket backlog full */
	ASCTP_MIB_IN_RCVBUF_FULL,	/* drop: DATA beyond receive buffer */
	ASCTP_MIB_IN_MEM_LIMIT,		/* drop: DATA beyond net.asctp.mem */
	ASCTP_MIB_IN_NO_MEM,		/* drop: allocation failed */
	ASCTP_MIB_IN_DUP_DATA,		/* drop: DATA received already */
	ASCTP_MIB_IN_DATA_FAR,		/* drop: DATA beyond the TSN map */
	ASCTP_MIB_IN_DATA_CHUNKS,	/* DATA chunks accepted */
	ASCTP_MIB_IN_CTRL_CHUNKS,	/* control chunks handled */
	ASCTP_MIB_IN_REDIRECTED,	/* to a peeled-off owner */
	ASCTP_MIB_IN_BAD_HB_ACK,	/* HEARTBEAT ACK not ours, ignored (8.3) */
	ASCTP_MIB_OUT_PKTS,		/* packets sent */
	ASCTP_MIB_OUT_DATA_CHUNKS,	/* DATA chunks sent, first time */
	ASCTP_MIB_OUT_RETRANS,		/* chunks retransmitted */
	ASCTP_MIB_OUT_FAST_RETRANS,	/* ... of them by fast retransmit */
	ASCTP_MIB_OUT_SACKS,		/* SACK chunks sent */
	ASCTP_MIB_OUT_GAP_SACKS,	/* ... of them with Gap Ack Blocks */
	ASCTP_MIB_OUT_OOTB_REPLIES,	/* ABORT / SHUTDOWN COMPLETE for 8.4 */
	ASCTP_MIB_OUT_NO_ROUTE,		/* packets lost for want of a route */
	ASCTP_MIB_OUT_NO_MEM,		/* packets not made: allocation failed */
	ASCTP_MIB_OUT_HEARTBEATS,	/* HEARTBEAT chunks sent (8.3) */
	ASCTP_MIB_ACTIVE_ESTABS,	/* associations we started */
	ASCTP_MIB_PASSIVE_ESTABS,	/* associations a peer started */
	ASCTP_MIB_ABORTEDS,		/* associations ended by ABORT */
	ASCTP_MIB_SHUTDOWNS,		/* associations ended by SHUTDOWN */
	ASCTP_MIB_T1_EXPIREDS,		/* T1-init and T1-cookie timeouts */
	ASCTP_MIB_T2_EXPIREDS,		/* T2-shutdown timeouts */
	ASCTP_MIB_T3_EXPIREDS,		/* T3-rtx timeouts */
	ASCTP_MIB_SACK_EXPIREDS,	/* delayed SACK timeouts */
	ASCTP_MIB_FAST_RECOVERIES,	/* fast recovery entered (7.2.4) */
	ASCTP_MIB_HB_EXPIREDS,		/* HEARTBEATs unanswered for an RTO */
	ASCTP_MIB_PATH_FAILURES,	/* paths made inactive (8.2) */
	ASCTP_MIB_RESTARTS,		/* peers restarted (5.2.4 A) */
	ASCTP_MIB_IN_ENCAP_PKTS,	/* packets that came in UDP (RFC 6951) */
	ASCTP_MIB_OUT_ENCAP_PKTS,	/* ... and that left in UDP */
	ASCTP_MIB_ICMP_FRAG_NEEDED,	/* ICMP Fragmentation Needed taken */
	ASCTP_MIB_ICMP_IGNORED,		/* ... quoting no association of ours */
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
