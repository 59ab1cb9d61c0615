// SPDX-License-Identifier: GPL-2.0
/* Per network namespace counters and their /proc/net/asctp/snmp view. */

#include <linux/seq_file.h>
#include <linux/seq_file_net.h>

#include "mib.h"
#include "netns.h"

static const char *const asctp_mib_names[ASCTP_MIB_MAX] = {
	[ASCTP_MIB_IN_PKTS]		= "AsctpInPkts",
	[ASCTP_MIB_IN_SHORT]		= "AsctpInShortPkts",
	[ASCTP_MIB_IN_BAD_PORT]		= "AsctpInBadPorts",
	[ASCTP_MIB_IN_NON_UNICAST]	= "AsctpInNonUnicast",
	[ASCTP_MIB_IN_BAD_CSUM]		= "AsctpInBadCsum",
	[ASCTP_MIB_IN_OUT_OF_BLUE]	= "AsctpInOutOfBlue",
	[ASCTP_MIB_IN_BAD_CHUNK]	= "AsctpInBadChunks",
	[ASCTP_MIB_IN_BAD_BUNDLE]	= "AsctpInBadBundles",
	[ASCTP_MIB_IN_BAD_PARAM]	= "AsctpInBadParams",
	[ASCTP_MIB_IN_UNKNOWN_CHUNK]	= "AsctpInUnknownChunks",
	[ASCTP_MIB_IN_BAD_VTAG]		= "AsctpInBadVtags",
	[ASCTP_MIB_IN_BAD_INIT]		= "AsctpInBadInits",
	[ASCTP_MIB_IN_BAD_COOKIE]	= "AsctpInBadCookies",
	[ASCTP_MIB_IN_STALE_COOKIE]	= "AsctpInStaleCookies",
	[ASCTP_MIB_IN_BAD_STATE]	= "AsctpInBadState",
	[ASCTP_MIB_IN_BACKLOG_FULL]	= "AsctpInBacklogFull",
	[ASCTP_MIB_IN_RCVBUF_FULL]	= "AsctpInRcvbufFull",
	[ASCTP_MIB_IN_MEM_LIMIT]	= "AsctpInMemLimit",
	[ASCTP_MIB_IN_NO_MEM]		= "AsctpInNoMem",
	[ASCTP_MIB_IN_DUP_DATA]		= "AsctpInDupData",
	[ASCTP_MIB_IN_DATA_FAR]		= "AsctpInDataBeyondMap",
	[ASCTP_MIB_IN_DATA_CHUNKS]	= "AsctpInDataChunks",
	[ASCTP_MIB_IN_CTRL_CHUNKS]	= "AsctpInCtrlChunks",
	[ASCTP_MIB_IN_REDIRECTED]	= "AsctpInRedirected",
	[ASCTP_MIB_IN_BAD_HB_ACK]	= "AsctpInBadHbAcks",
	[ASCTP_MIB_OUT_PKTS]		= "AsctpOutPkts",
	[ASCTP_MIB_OUT_DATA_CHUNKS]	= "AsctpOutDataChunks",
	[ASCTP_MIB_OUT_RETRANS]		= "AsctpOutRetrans",
	[ASCTP_MIB_OUT_FAST_RETRANS]	= "AsctpOutFastRetrans",
	[ASCTP_MIB_OUT_SACKS]		= "AsctpOutSacks",
	[ASCTP_MIB_OUT_GAP_SACKS]	= "AsctpOutGapSacks",
	[ASCTP_MIB_OUT_OOTB_REPLIES]	= "AsctpOutOotbReplies",
	[ASCTP_MIB_OUT_NO_ROUTE]	= "AsctpOutNoRoute",
	[ASCTP_MIB_OUT_NO_MEM]		= "AsctpOutNoMem",
	[ASCTP_MIB_OUT_HEARTBEATS]	= "AsctpOutHeartbeats",
	[ASCTP_MIB_ACTIVE_ESTABS]	= "AsctpActiveEstabs",
	[ASCTP_MIB_PASSIVE_ESTABS]	= "AsctpPassiveEstabs",
	[ASCTP_MIB_ABORTEDS]		= "AsctpAborteds",
	[ASCTP_MIB_SHUTDOWNS]		= "AsctpShutdowns",
	[ASCTP_MIB_T1_EXPIREDS]		= "AsctpT1Expireds",
	[ASCTP_MIB_T2_EXPIREDS]		= "AsctpT2Expireds",
	[ASCTP_MIB_T3_EXPIREDS]		= "AsctpT3Expireds",
	[ASCTP_MIB_SACK_EXPIREDS]	= "AsctpSackExpireds",
	[ASCTP_MIB_FAST_RECOVERIES]	= "AsctpFastRecoveries",
	[ASCTP_MIB_HB_EXPIREDS]		= "AsctpHbExpireds",
	[ASCTP_MIB_PATH_FAILURES]	= "AsctpPathFailures",
	[ASCTP_MIB_RESTARTS]		= "AsctpRestarts",
	[ASCTP_MIB_IN_ENCAP_PKTS]	= "AsctpInUdpPkts",
	[ASCTP_MIB_OUT_ENCAP_PKTS]	= "AsctpOutUdpPkts",
	[ASCTP_MIB_ICMP_FRAG_NEEDED]	= "AsctpIcmpFragNeeded",
	[ASCTP_MIB_ICMP_IGNORED]	= "AsctpIcmpIgnored",
};

struct asctp_mib __percpu *asctp_net_mib(const struct net *net)
{
	return asctp_net(net)->mib;
}

static unsigned long asctp_mib_sum(const struct asctp_mib __percpu *mib,
				   enum asctp_mib_field f)
{
	unsigned long sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu_ptr(mib, cpu)->field[f];
	return sum;
}

int asctp_mib_show(struct seq_file *seq, void *v)
{
	struct asctp_mib __percpu *mib = asctp_net_mib(seq_file_single_net(seq));
	int f;

	for (f = 0; f < ASCTP_MIB_MAX; f++)
		seq_printf(seq, "%-32s%lu\n", asctp_mib_names[f],
			   asctp_mib_sum(mib, f));
	return 0;
}
