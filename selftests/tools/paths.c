// SPDX-License-Identifier: GPL-2.0
/*
 * Paths, heartbeats and path failure (RFC 9260 8, RFC 6458 8.1.12):
 *
 *   paths spp                        SCTP_PEER_ADDR_PARAMS on 127.0.0.1
 *   paths server PORT [ADDR...]      a one-to-many listener that reads,
 *                                    on the wildcard or sctp_bindx ADDRs
 *   paths pathfail IP PORT DOWN UP   heartbeats, a path lost and back,
 *                                    then the association lost; DOWN
 *                                    and UP are shell commands that cut
 *                                    and restore the link
 *   paths mh IP PORT IP2 DOWN UP DOWN2
 *                                    multi-homed: IP2 confirmed, IP's
 *                                    link cut and back, then both cut
 *   paths bindx IP PORT IP2 L1 L2 DOWN
 *                                    sctp_bindx: errnos; a client bound
 *                                    to L1 and L2 fails over to IP2
 *   paths unconfirmed IP PORT IP2 DEV2 DOWN
 *                                    IP2 never confirmed: with IP's link
 *                                    cut, no DATA leaves through DEV2
 *
 * Prints "# " lines for every check that fails and exits 0 only if all
 * passed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static int sock_new(void)
{
	int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);

	if (fd < 0)
		die("socket");
	return fd;
}

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A counter of /proc/net/asctp/snmp in this namespace. */
static long snmp(const char *name)
{
	FILE *f = fopen("/proc/net/asctp/snmp", "r");
	char key[64];
	long v, r = -1;

	if (!f)
		die("/proc/net/asctp/snmp");
	while (fscanf(f, "%63s %ld", key, &v) == 2)
		if (!strcmp(key, name))
			r = v;
	fclose(f);
	return r;
}

static struct sctp_paddrparams spp_of(const char *ip, int port,
				      sctp_assoc_t id)
{
	struct sctp_paddrparams v;
	struct sockaddr_in a;

	memset(&v, 0, sizeof(v));
	v.spp_assoc_id = id;
	if (ip) {
		a = addr4(ip, port);
		memcpy(&v.spp_address, &a, sizeof(a));
	}
	return v;
}

static struct sctp_paddrinfo paddr_info(int fd, const char *ip, int port)
{
	struct sctp_paddrinfo pi;
	struct sockaddr_in a = addr4(ip, port);

	memset(&pi, 0, sizeof(pi));
	memcpy(&pi.spinfo_address, &a, sizeof(a));
	if (getopt_(fd, SCTP_GET_PEER_ADDR_INFO, &pi, sizeof(pi)))
		pi.spinfo_state = -1;
	return pi;
}

static int connect_to(int fd, const char *ip, int port, sctp_assoc_t *id)
{
	struct sockaddr_in a = addr4(ip, port);

	return sctp_connectx(fd, (struct sockaddr *)&a, 1, id);
}

/* The next notification of @type within @ms; its body in @buf. */
static int wait_event(int fd, int type, void *buf, size_t len, int ms)
{
	long end = now_ms() + ms;
	struct pollfd p = { .fd = fd, .events = POLLIN };
	union sctp_notification *n = buf;
	int flags;

	while (now_ms() < end) {
		if (poll(&p, 1, end - now_ms()) != 1)
			break;
		flags = 0;
		if (sctp_recvmsg(fd, buf, len, NULL, NULL, NULL, &flags) < 0)
			die("sctp_recvmsg");
		if ((flags & MSG_NOTIFICATION) && n->sn_header.sn_type == type)
			return 0;
	}
	return -1;
}

static void subscribe(int fd)
{
	struct sctp_event_subscribe ev = { .sctp_association_event = 1,
					   .sctp_address_event = 1 };

	if (setopt(fd, SCTP_EVENTS, &ev, sizeof(ev)))
		die("SCTP_EVENTS");
}

/* SCTP_PEER_ADDR_PARAMS: errnos, then socket, association and path. */
static void spp_errors(int fd, sctp_assoc_t id)
{
	struct sctp_paddrparams v = spp_of(NULL, 0, id);
	socklen_t old = (offsetof(struct sctp_paddrparams,
				  spp_ipv6_flowlabel) + 3) & ~3;

	FAILS(getopt_(fd, SCTP_PEER_ADDR_PARAMS, &v, old - 4), EINVAL);
	FAILS(setopt(fd, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v) - 1), EINVAL);
	v.spp_flags = SPP_HB_ENABLE | SPP_HB_DISABLE;
	FAILS(setopt(fd, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)), EINVAL);
	v.spp_flags = SPP_SACKDELAY_ENABLE;
	v.spp_sackdelay = 501;
	FAILS(setopt(fd, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)), EINVAL);
	v = spp_of(NULL, 0, id);
	v.spp_flags = SPP_PMTUD_DISABLE;
	v.spp_pathmtu = 100;
	FAILS(setopt(fd, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)), EINVAL);
	v = spp_of(NULL, 0, id);
	v.spp_flags = SPP_DSCP;
	FAILS(setopt(fd, SCTP_PEER_ADDR_PARAMS, &v, old), EINVAL);
	v = spp_of("127.0.0.2", 7070, id);
	FAILS(setopt(fd, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)), EINVAL);
	v = spp_of(NULL, 0, id + 100);
	FAILS(setopt(fd, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)), EINVAL);
	v = spp_of(NULL, 0, SCTP_FUTURE_ASSOC);
	v.spp_flags = SPP_HB_DEMAND;
	FAILS(setopt(fd, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)), EINVAL);
	FAILS(getopt_(fd, SCTP_PEER_ADDR_PARAMS, NULL, sizeof(v)), EFAULT);
}

static void thlds(int fd, sctp_assoc_t id)
{
	struct sctp_paddrthlds_v2 t = { .spt_assoc_id = id };
	struct sockaddr_in a = addr4("127.0.0.1", 7070);
	struct sctp_assoc_value x = { id, 3 };
	struct sctp_paddrparams v;

	CHECK(getopt_(fd, SCTP_PEER_ADDR_THLDS_V2, &t, sizeof(t)) == 0 &&
	      t.spt_pathmaxrxt == 3 && t.spt_pathpfthld == 0 &&
	      t.spt_pathcpthld == 0xffff, "thlds %u %u %u", t.spt_pathmaxrxt,
	      t.spt_pathpfthld, t.spt_pathcpthld);
	memcpy(&t.spt_address, &a, sizeof(a));
	t.spt_pathmaxrxt = 7;
	t.spt_pathpfthld = 2;
	t.spt_pathcpthld = 1;
	FAILS(setopt(fd, SCTP_PEER_ADDR_THLDS_V2, &t, sizeof(t)), EINVAL);
	t.spt_pathcpthld = 9;
	CHECK(setopt(fd, SCTP_PEER_ADDR_THLDS_V2, &t, sizeof(t)) == 0,
	      "set path thresholds");
	memset(&t, 0, sizeof(t));
	t.spt_assoc_id = id;
	memcpy(&t.spt_address, &a, sizeof(a));
	CHECK(getopt_(fd, SCTP_PEER_ADDR_THLDS, &t,
		      sizeof(struct sctp_paddrthlds)) == 0 &&
	      t.spt_pathmaxrxt == 7 && t.spt_pathpfthld == 2,
	      "path thlds %u %u", t.spt_pathmaxrxt, t.spt_pathpfthld);
	v = spp_of("127.0.0.1", 7070, id);
	CHECK(getopt_(fd, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)) == 0 &&
	      v.spp_pathmaxrxt == 7, "pathmaxrxt %u by THLDS",
	      v.spp_pathmaxrxt);
	a.sin_port = htons(7071);
	memcpy(&t.spt_address, &a, sizeof(a));
	FAILS(setopt(fd, SCTP_PEER_ADDR_THLDS, &t,
		     sizeof(struct sctp_paddrthlds)), ENOENT);
	FAILS(setopt(fd, SCTP_PEER_ADDR_THLDS, &t, 4), EINVAL);
	FAILS(setopt(fd, SCTP_EXPOSE_POTENTIALLY_FAILED_STATE, &x, sizeof(x)),
	      EINVAL);
	x.assoc_value = 2;
	CHECK(setopt(fd, SCTP_EXPOSE_POTENTIALLY_FAILED_STATE, &x,
		     sizeof(x)) == 0 &&
	      getopt_(fd, SCTP_EXPOSE_POTENTIALLY_FAILED_STATE, &x,
		      sizeof(x)) == 0 && x.assoc_value == 2, "expose PF %u",
	      x.assoc_value);
}

/* Socket defaults reach a new association; a path's MTU fixed and
 * given back; SPP_HB_DEMAND sends one HEARTBEAT and measures an RTT.
 */
static void case_spp(void)
{
	struct sockaddr_in sa = addr4("127.0.0.1", 7070);
	int srv = sock_new(), cli = sock_new();
	struct sctp_paddrparams v;
	struct sctp_paddrinfo pi;
	struct sctp_status st;
	sctp_assoc_t id;
	long hb;

	if (bind(srv, (struct sockaddr *)&sa, sizeof(sa)) || listen(srv, 8))
		die("server");
	v = spp_of(NULL, 0, SCTP_FUTURE_ASSOC);
	v.spp_flags = SPP_HB_ENABLE | SPP_SACKDELAY_DISABLE;
	v.spp_hbinterval = 5000;
	v.spp_pathmaxrxt = 3;
	CHECK(setopt(cli, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)) == 0,
	      "socket defaults");
	if (connect_to(cli, "127.0.0.1", 7070, &id))
		die("sctp_connectx");
	spp_errors(cli, id);

	v = spp_of(NULL, 0, id);
	CHECK(getopt_(cli, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)) == 0 &&
	      v.spp_hbinterval == 5000 && v.spp_pathmaxrxt == 3 &&
	      (v.spp_flags & SPP_HB_ENABLE) &&
	      (v.spp_flags & SPP_SACKDELAY_DISABLE) &&
	      v.spp_pathmtu == 65535, "assoc: hb %u pmr %u flags %#x mtu %u",
	      v.spp_hbinterval, v.spp_pathmaxrxt, v.spp_flags, v.spp_pathmtu);

	/* a fixed MTU on the path: the fragmentation point follows */
	v = spp_of("127.0.0.1", 7070, id);
	v.spp_flags = SPP_PMTUD_DISABLE;
	v.spp_pathmtu = 1200;
	CHECK(setopt(cli, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)) == 0,
	      "path mtu 1200");
	pi = paddr_info(cli, "127.0.0.1", 7070);
	memset(&st, 0, sizeof(st));
	st.sstat_assoc_id = id;
	CHECK(pi.spinfo_mtu == 1200 &&
	      getopt_(cli, SCTP_STATUS, &st, sizeof(st)) == 0 &&
	      st.sstat_fragmentation_point == 1200 - 20 - 12 - 16,
	      "mtu %u frag point %u", pi.spinfo_mtu,
	      st.sstat_fragmentation_point);
	v = spp_of("127.0.0.1", 7070, id);
	CHECK(getopt_(cli, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)) == 0 &&
	      v.spp_pathmtu == 1200 && (v.spp_flags & SPP_PMTUD_DISABLE),
	      "path: mtu %u flags %#x", v.spp_pathmtu, v.spp_flags);
	v.spp_flags = SPP_PMTUD_ENABLE;
	v.spp_pathmtu = 0;
	CHECK(setopt(cli, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)) == 0 &&
	      paddr_info(cli, "127.0.0.1", 7070).spinfo_mtu == 65535,
	      "mtu from the route again");

	/* one HEARTBEAT on demand, answered */
	hb = snmp("AsctpOutHeartbeats");
	v = spp_of("127.0.0.1", 7070, id);
	v.spp_flags = SPP_HB_DEMAND;
	CHECK(setopt(cli, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)) == 0,
	      "SPP_HB_DEMAND");
	usleep(200000);
	CHECK(snmp("AsctpOutHeartbeats") == hb + 1 &&
	      snmp("AsctpInBadHbAcks") == 0,
	      "heartbeats sent %ld", snmp("AsctpOutHeartbeats") - hb);
	/* RFC 7829 thresholds: one path, the association, errnos */
	thlds(cli, id);
	/* the interval as socket default and as path setting */
	v = spp_of("127.0.0.1", 7070, id);
	v.spp_flags = SPP_HB_DISABLE;
	CHECK(setopt(cli, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)) == 0 &&
	      getopt_(cli, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)) == 0 &&
	      (v.spp_flags & SPP_HB_DISABLE) && v.spp_hbinterval == 5000,
	      "hb disabled: flags %#x", v.spp_flags);
	close(cli);
	close(srv);
}

/* Reads and drops whatever comes, until killed; then its associations
 * are aborted (SO_LINGER 0), not shut down over links a test cut.
 */
static void case_server(int port, char **ips, int n)
{
	struct sockaddr_in a[4] = { addr4("0.0.0.0", port) };
	struct linger l = { 1, 0 };
	int fd = sock_new(), i;
	char buf[4096];

	for (i = 0; i < n && i < 4; i++)
		a[i] = addr4(ips[i], port);
	if ((n ? sctp_bindx(fd, (struct sockaddr *)a, n, SCTP_BINDX_ADD_ADDR) :
	     bind(fd, (struct sockaddr *)a, sizeof(a[0]))) || listen(fd, 8) ||
	    setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l)))
		die("server");
	printf("# listening\n");
	fflush(stdout);
	for (;;)
		if (recv(fd, buf, sizeof(buf), 0) < 0)
			die("recv");
}

static void run(const char *cmd)
{
	printf("# %s\n", cmd);
	fflush(stdout);
	if (system(cmd))
		die(cmd);
}

/* Worst case from the settings: the next heartbeat is due after
 * interval + 1.5 RTO, then each is lost after an RTO that doubles up
 * to RTO.Max; the path fails at the (pmr + 1)th loss.
 */
static long predict_ms(int interval, int rto, int rto_max, int pmr)
{
	long t = interval + rto + rto / 2;
	int i;

	for (i = 0; i <= pmr; i++) {
		t += rto;
		rto = rto * 2 < rto_max ? rto * 2 : rto_max;
	}
	return t;
}

static void case_pathfail(const char *ip, int port, const char *down,
			  const char *up)
{
	struct sctp_rtoinfo ri = { .srto_initial = 200, .srto_min = 100,
				   .srto_max = 400 };
	struct sctp_assocparams ap = { .sasoc_asocmaxrxt = 6 };
	struct sctp_sndrcvinfo si = { 0 };
	union sctp_notification *n;
	struct sctp_paddrparams v;
	struct sctp_paddrinfo pi;
	int fd = sock_new(), rto;
	long t0, hb, fails;
	char buf[512];
	sctp_assoc_t id;

	n = (union sctp_notification *)buf;
	subscribe(fd);
	v = spp_of(NULL, 0, SCTP_FUTURE_ASSOC);
	v.spp_flags = SPP_HB_ENABLE;
	v.spp_hbinterval = 300;
	v.spp_pathmaxrxt = 2;
	if (setopt(fd, SCTP_RTOINFO, &ri, sizeof(ri)) ||
	    setopt(fd, SCTP_ASSOCINFO, &ap, sizeof(ap)) ||
	    setopt(fd, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)))
		die("options");
	hb = snmp("AsctpOutHeartbeats");
	fails = snmp("AsctpPathFailures");
	if (connect_to(fd, ip, port, &id) ||
	    wait_event(fd, SCTP_ASSOC_CHANGE, buf, sizeof(buf), 5000))
		die("connect");

	/* idle: heartbeats alone give the RTT (netem adds 20 ms) */
	sleep(2);
	pi = paddr_info(fd, ip, port);
	printf("# idle 2 s: %ld heartbeats, srtt %u ms, rto %u ms\n",
	       snmp("AsctpOutHeartbeats") - hb, pi.spinfo_srtt, pi.spinfo_rto);
	CHECK(snmp("AsctpOutHeartbeats") - hb >= 2 &&
	      pi.spinfo_srtt >= 15 && pi.spinfo_state == SCTP_ACTIVE,
	      "heartbeats %ld srtt %u state %d",
	      snmp("AsctpOutHeartbeats") - hb, pi.spinfo_srtt,
	      pi.spinfo_state);

	rto = pi.spinfo_rto;
	run(down);
	t0 = now_ms();
	CHECK(wait_event(fd, SCTP_PEER_ADDR_CHANGE, buf, sizeof(buf),
			 10000) == 0 &&
	      n->sn_paddr_change.spc_state == SCTP_ADDR_UNREACHABLE &&
	      n->sn_paddr_change.spc_error == SCTP_FAILED_THRESHOLD,
	      "no ADDR_UNREACHABLE");
	printf("# path unreachable after %ld ms; at most %ld ms expected "
	       "(hb interval 300, rto %d..400, pathmaxrxt 2)\n",
	       now_ms() - t0, predict_ms(300, rto, 400, 2), rto);
	pi = paddr_info(fd, ip, port);
	CHECK(pi.spinfo_state == SCTP_INACTIVE &&
	      snmp("AsctpPathFailures") == fails + 1,
	      "state %d failures %ld", pi.spinfo_state,
	      snmp("AsctpPathFailures") - fails);

	run(up);
	t0 = now_ms();
	CHECK(wait_event(fd, SCTP_PEER_ADDR_CHANGE, buf, sizeof(buf),
			 5000) == 0 &&
	      n->sn_paddr_change.spc_state == SCTP_ADDR_AVAILABLE &&
	      n->sn_paddr_change.spc_error == SCTP_HEARTBEAT_SUCCESS,
	      "no ADDR_AVAILABLE");
	printf("# path available again after %ld ms\n", now_ms() - t0);
	CHECK(paddr_info(fd, ip, port).spinfo_state == SCTP_ACTIVE,
	      "state after recovery");
	si.sinfo_assoc_id = id;
	CHECK(sctp_send(fd, "ping", 4, &si, 0) == 4, "send after recovery");

	/* Association.Max.Retrans 6: the association ends */
	run(down);
	t0 = now_ms();
	CHECK(wait_event(fd, SCTP_ASSOC_CHANGE, buf, sizeof(buf), 20000) == 0 &&
	      n->sn_assoc_change.sac_state == SCTP_COMM_LOST,
	      "no COMM_LOST");
	printf("# association lost after %ld ms\n", now_ms() - t0);
	run(up);
	close(fd);
}

/* The next SCTP_PEER_ADDR_CHANGE about @ip, within @ms; its state. */
static int wait_paddr(int fd, const char *ip, int ms)
{
	union sctp_notification n;
	struct sockaddr_in *sin;
	long end = now_ms() + ms;
	struct sockaddr_in w = addr4(ip, 0);

	while (now_ms() < end) {
		if (wait_event(fd, SCTP_PEER_ADDR_CHANGE, &n, sizeof(n),
			       end - now_ms()))
			break;
		sin = (struct sockaddr_in *)&n.sn_paddr_change.spc_aaddr;
		printf("# %ld: %s %s\n", now_ms(), inet_ntoa(sin->sin_addr),
		       n.sn_paddr_change.spc_state == SCTP_ADDR_CONFIRMED ?
		       "confirmed" :
		       n.sn_paddr_change.spc_state == SCTP_ADDR_AVAILABLE ?
		       "available" :
		       n.sn_paddr_change.spc_state == SCTP_ADDR_UNREACHABLE ?
		       "unreachable" :
		       n.sn_paddr_change.spc_state ==
		       SCTP_ADDR_POTENTIALLY_FAILED ? "potentially failed" :
		       "other");
		if (sin->sin_addr.s_addr == w.sin_addr.s_addr)
			return n.sn_paddr_change.spc_state;
	}
	return -1;
}

static int bindx(int fd, const char *ip, int flags)
{
	struct sockaddr_in a = addr4(ip, 0);

	return sctp_bindx(fd, (struct sockaddr *)&a, 1, flags);
}

static int n_laddrs(int fd, sctp_assoc_t id)
{
	struct sockaddr *addrs;
	int n = sctp_getladdrs(fd, id, &addrs);

	if (n > 0)
		sctp_freeladdrs(addrs);
	return n;
}

/* A client with quick heartbeats and failure detection. */
static int mh_client(void)
{
	struct sctp_rtoinfo ri = { .srto_initial = 200, .srto_min = 100,
				   .srto_max = 400 };
	struct sctp_assocparams ap = { .sasoc_asocmaxrxt = 6 };
	struct sctp_paddrparams v = spp_of(NULL, 0, SCTP_FUTURE_ASSOC);
	int fd = sock_new();

	subscribe(fd);
	v.spp_flags = SPP_HB_ENABLE;
	v.spp_hbinterval = 300;
	v.spp_pathmaxrxt = 2;
	if (setopt(fd, SCTP_RTOINFO, &ri, sizeof(ri)) ||
	    setopt(fd, SCTP_ASSOCINFO, &ap, sizeof(ap)) ||
	    setopt(fd, SCTP_PEER_ADDR_PARAMS, &v, sizeof(v)))
		die("multi-homed client");
	return fd;
}

static int mh_connect(int fd, const char *ip, int port, sctp_assoc_t *id)
{
	char buf[512];

	if (connect_to(fd, ip, port, id) ||
	    wait_event(fd, SCTP_ASSOC_CHANGE, buf, sizeof(buf), 5000))
		die("multi-homed client");
	return fd;
}

/* Both peer addresses are paths; the second is confirmed by a
 * heartbeat; the first fails and comes back; both fail: COMM_LOST.
 */
static void case_mh(const char *ip, int port, const char *ip2,
		    const char *down, const char *up, const char *down2)
{
	union sctp_notification n;
	struct sockaddr *addrs;
	sctp_assoc_t id;
	int fd = mh_connect(mh_client(), ip, port, &id), cnt;
	struct sctp_assoc_value pfx = { id, 2 };	/* enable */
	long t0;

	cnt = sctp_getpaddrs(fd, id, &addrs);
	CHECK(cnt == 2, "%d peer addresses", cnt);
	if (cnt > 0)
		sctp_freepaddrs(addrs);
	CHECK(wait_paddr(fd, ip2, 3000) == SCTP_ADDR_CONFIRMED,
	      "%s not confirmed", ip2);
	CHECK(setopt(fd, SCTP_EXPOSE_POTENTIALLY_FAILED_STATE, &pfx,
		     sizeof(pfx)) == 0, "expose PF");
	CHECK(paddr_info(fd, ip2, port).spinfo_state == SCTP_ACTIVE &&
	      paddr_info(fd, ip, port).spinfo_state == SCTP_ACTIVE,
	      "both paths active");
	run(down);
	t0 = now_ms();
	CHECK(wait_paddr(fd, ip, 10000) == SCTP_ADDR_POTENTIALLY_FAILED,
	      "%s not potentially failed", ip);
	CHECK(wait_paddr(fd, ip, 10000) == SCTP_ADDR_UNREACHABLE,
	      "%s not unreachable", ip);
	printf("# %s unreachable after %ld ms\n", ip, now_ms() - t0);
	CHECK(paddr_info(fd, ip2, port).spinfo_state == SCTP_ACTIVE,
	      "second path still active");
	run(up);
	CHECK(wait_paddr(fd, ip, 5000) == SCTP_ADDR_AVAILABLE,
	      "%s not available again", ip);
	run(down);
	run(down2);
	t0 = now_ms();
	CHECK(wait_event(fd, SCTP_ASSOC_CHANGE, &n, sizeof(n), 20000) == 0 &&
	      n.sn_assoc_change.sac_state == SCTP_COMM_LOST,
	      "no COMM_LOST with both links cut");
	printf("# association lost after %ld ms\n", now_ms() - t0);
	close(fd);
}

/* RFC 6458 9.1: sctp_bindx() errnos, then a client bound to two
 * addresses whose association fails over to the peer's second one.
 */
static void bindx_errors(const char *l1, const char *l2)
{
	struct sockaddr_in any = addr4("0.0.0.0", 0);
	int s = sock_new(), w = sock_new();

	CHECK(bindx(s, l1, SCTP_BINDX_ADD_ADDR) == 0, "bindx %s", l1);
	FAILS(bindx(s, "0.0.0.0", SCTP_BINDX_ADD_ADDR), EINVAL);
	FAILS(bindx(s, "192.0.2.99", SCTP_BINDX_ADD_ADDR), EADDRNOTAVAIL);
	FAILS(bindx(s, l1, SCTP_BINDX_REM_ADDR), EBUSY);
	FAILS(bindx(s, "192.0.2.99", SCTP_BINDX_REM_ADDR), EINVAL);
	CHECK(bindx(s, l2, SCTP_BINDX_ADD_ADDR) == 0 && n_laddrs(s, 0) == 2,
	      "two addresses: %d", n_laddrs(s, 0));
	CHECK(bindx(s, l1, SCTP_BINDX_REM_ADDR) == 0 && n_laddrs(s, 0) == 1,
	      "one removed: %d", n_laddrs(s, 0));
	if (bind(w, (struct sockaddr *)&any, sizeof(any)))
		die("bind");
	FAILS(bindx(w, l1, SCTP_BINDX_ADD_ADDR), EINVAL);
	close(s);
	close(w);
}

static void case_bindx(const char *ip, int port, const char *ip2,
		       const char *l1, const char *l2, const char *down)
{
	struct sctp_sndrcvinfo si = { 0 };
	struct sctp_status st;
	struct sockaddr *addrs;
	int fd = mh_client(), n, i;
	sctp_assoc_t id;

	bindx_errors(l1, l2);
	CHECK(bindx(fd, l1, SCTP_BINDX_ADD_ADDR) == 0 &&
	      bindx(fd, l2, SCTP_BINDX_ADD_ADDR) == 0, "bindx both");
	mh_connect(fd, ip, port, &id);
	n = sctp_getpaddrs(fd, id, &addrs);
	CHECK(n == 2, "%d peer addresses", n);
	if (n > 0)
		sctp_freepaddrs(addrs);
	CHECK(n_laddrs(fd, 0) == 2, "%d local addresses", n_laddrs(fd, 0));
	CHECK(wait_paddr(fd, ip2, 3000) == SCTP_ADDR_CONFIRMED,
	      "%s not confirmed", ip2);
	run(down);
	si.sinfo_assoc_id = id;
	CHECK(sctp_send(fd, "failover", 8, &si, 0) == 8, "send");
	for (i = 0; i < 50; i++) {
		memset(&st, 0, sizeof(st));
		st.sstat_assoc_id = id;
		if (getopt_(fd, SCTP_STATUS, &st, sizeof(st)) ||
		    !st.sstat_unackdata)
			break;
		usleep(100000);
	}
	CHECK(!st.sstat_unackdata, "still %u unacknowledged after 5 s",
	      st.sstat_unackdata);
	close(fd);
}

static long dev_stat(const char *dev, const char *what)
{
	char path[128];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/net/%s/statistics/%s",
		 dev, what);
	f = fopen(path, "r");
	if (!f)
		die(path);
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

/* RFC 9260 5.4: data never goes to an unconfirmed address, not even
 * when the only confirmed path has failed.
 */
static void case_unconfirmed(const char *ip, int port, const char *ip2,
			     const char *dev2, const char *down)
{
	struct sctp_sndrcvinfo si = { 0 };
	char msg[1000] = { 'x' };
	long bytes, pkts;
	sctp_assoc_t id;
	int fd = mh_connect(mh_client(), ip, port, &id), i;

	usleep(1500000);
	CHECK(paddr_info(fd, ip2, port).spinfo_state == SCTP_UNCONFIRMED,
	      "%s state %d", ip2, paddr_info(fd, ip2, port).spinfo_state);
	run(down);
	bytes = dev_stat(dev2, "tx_bytes");
	pkts = dev_stat(dev2, "tx_packets");
	si.sinfo_assoc_id = id;
	for (i = 0; i < 10; i++)
		CHECK(sctp_send(fd, msg, sizeof(msg), &si, 0) == sizeof(msg),
		      "send %d", i);
	/* T3-rtx fires at 0.1, 0.3, 0.7 s: the association lives on */
	usleep(1000000);
	bytes = dev_stat(dev2, "tx_bytes") - bytes;
	pkts = dev_stat(dev2, "tx_packets") - pkts;
	printf("# %s: %ld packets, %ld bytes while the primary was cut\n",
	       dev2, pkts, bytes);
	/* heartbeats are 66 bytes on the wire; any DATA here is 1 KB */
	CHECK(pkts >= 2 && bytes < pkts * 120,
	      "%ld bytes in %ld packets: DATA went to %s", bytes, pkts, ip2);
	CHECK(paddr_info(fd, ip2, port).spinfo_state == SCTP_UNCONFIRMED,
	      "%s state %d", ip2, paddr_info(fd, ip2, port).spinfo_state);
	close(fd);
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "spp"))
		case_spp();
	else if (argc >= 3 && !strcmp(argv[1], "server"))
		case_server(atoi(argv[2]), argv + 3, argc - 3);
	else if (argc == 8 && !strcmp(argv[1], "bindx"))
		case_bindx(argv[2], atoi(argv[3]), argv[4], argv[5], argv[6],
			   argv[7]);
	else if (argc == 6 && !strcmp(argv[1], "pathfail"))
		case_pathfail(argv[2], atoi(argv[3]), argv[4], argv[5]);
	else if (argc == 8 && !strcmp(argv[1], "mh"))
		case_mh(argv[2], atoi(argv[3]), argv[4], argv[5], argv[6],
			argv[7]);
	else if (argc == 7 && !strcmp(argv[1], "unconfirmed"))
		case_unconfirmed(argv[2], atoi(argv[3]), argv[4], argv[5],
				 argv[6]);
	else
		return fprintf(stderr, "usage: see the top of paths.c\n"), 2;
	printf("# %d failures\n", failures);
	return failures ? 1 : 0;
}
