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
