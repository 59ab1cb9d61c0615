// SPDX-License-Identifier: GPL-2.0
/*
 * One-to-many (SOCK_SEQPACKET) SCTP daytime: one server socket serves
 * several associations at once.
 *
 *   daytime_1tom [-P proto] [-n count] server ADDR PORT
 *   daytime_1tom [-P proto] [-i] client ADDR PORT
 *
 * The server prints "port N" once listening, then takes -n requests
 * ("time?") before it answers any, so that the -n associations are all
 * up at once on its one socket: a line "request from ADDR:PORT" each.
 * It then answers each at its sender's address with the local time on
 * stream 0 and UTC on stream 1 ("replied to ADDR:PORT"), and waits for
 * the clients to shut their associations down before it closes: the
 * clients start the SHUTDOWNs, never both sides at once, so that the
 * counters of either side are the same every run.  It follows the
 * associations with SCTP_ASSOC_CHANGE notifications: "association up,
 * streams I in, O out" at SCTP_COMM_UP, "association shut down" at
 * SCTP_SHUTDOWN_COMP; any other change fails it.
 *
 * The client sets the association up with connect(), or with -i
 * implicitly by sending the request, and checks the answer as the
 * one-to-one client does: "(Local) ..." and "(GMT) ...", whole
 * messages on streams 0 then 1, naming the same second, on one
 * association.  Then it closes, which shuts the association down.
 */
#include "sctp_tool.h"

#define REQUEST		"time?"
#define MAX_CLIENTS	64

static void __noreturn usage(void)
{
	fprintf(stderr,
		"usage: %s [-P proto] [-n count] server ADDR PORT\n"
		"       %s [-P proto] [-i] client ADDR PORT\n", prog, prog);
	exit(2);
}

struct assocs {
	int count;		/* associations expected */
	int up;			/* SCTP_COMM_UP seen */
	int down;		/* SCTP_SHUTDOWN_COMP seen */
	sctp_assoc_t id[MAX_CLIENTS];
};

static int known(const struct assocs *a, sctp_assoc_t id)
{
	int i;

	for (i = 0; i < a->up; i++)
		if (a->id[i] == id)
			return 1;
	return 0;
}

static void notification(struct assocs *a, const char *buf, ssize_t n)
{
	const union sctp_notification *sn = (const void *)buf;
	const struct sctp_assoc_change *sac = &sn->sn_assoc_change;

	if (n < (ssize_t)sizeof(sn->sn_header) ||
	    sn->sn_header.sn_type != SCTP_ASSOC_CHANGE)
		die("notification of type %u (%zd bytes), only SCTP_ASSOC_CHANGE subscribed",
		    n >= 2 ? sn->sn_header.sn_type : 0, n);
	if (n < (ssize_t)sizeof(*sac))
		die("SCTP_ASSOC_CHANGE of %zd bytes", n);
	switch (sac->sac_state) {
	case SCTP_COMM_UP:
		if (a->up == a->count)
			die("association %d up: more than %d", sac->sac_assoc_id,
			    a->count);
		if (known(a, sac->sac_assoc_id))
			die("association %d up twice", sac->sac_assoc_id);
		a->id[a->up++] = sac->sac_assoc_id;
		printf("association up, streams %u in, %u out\n",
		       sac->sac_inbound_streams, sac->sac_outbound_streams);
		break;
	case SCTP_SHUTDOWN_COMP:
		if (!known(a, sac->sac_assoc_id))
			die("association %d shut down, never up",
			    sac->sac_assoc_id);
		a->down++;
		printf("association shut down\n");
		break;
	default:
		die("association %d: change %u (error %u), not COMM_UP or SHUTDOWN_COMP",
		    sac->sac_assoc_id, sac->sac_state, sac->sac_error);
	}
	fflush(stdout);
}

static void server(int fd, int count)
{
	struct assocs a = { .count = count };
	struct sockaddr_in peer, from[MAX_CLIENTS];
	sctp_assoc_t req_assoc[MAX_CLIENTS];
	struct sctp_sndrcvinfo sinfo;
	char msg[MSG_MAX];
	int reqs = 0, i, flags;
	socklen_t len;
	ssize_t n;

	while (reqs < count || a.down < count) {
		len = sizeof(peer);
		flags = 0;
		memset(&sinfo, 0, sizeof(sinfo));
		n = sctp_recvmsg(fd, msg, sizeof(msg) - 1,
				 (struct sockaddr *)&peer, &len, &sinfo, &flags);
		if (n < 0)
			die_errno("sctp_recvmsg");
		if (!(flags & MSG_EOR))
			die("a message without MSG_EOR (flags 0x%x, %zd bytes)",
			    flags, n);
		if (flags & MSG_NOTIFICATION) {
			notification(&a, msg, n);
			continue;
		}
		msg[n] = '\0';
		if (reqs == count)
			die("a message after the %d requests: '%s'", count, msg);
		if (strcmp(msg, REQUEST))
			die("request %d: '%s', expected '%s'", reqs, msg, REQUEST);
		if (len != sizeof(peer) || peer.sin_family != AF_INET)
			die("request %d: sender address of length %u, family %u",
			    reqs, len, peer.sin_family);
		if (!known(&a, sinfo.sinfo_assoc_id))
			die("request %d on association %d, not up", reqs,
			    sinfo.sinfo_assoc_id);
		for (i = 0; i < reqs; i++)
			if (req_assoc[i] == sinfo.sinfo_assoc_id)
				die("requests %d and %d on one association (%d)",
				    i, reqs, sinfo.sinfo_assoc_id);
		req_assoc[reqs] = sinfo.sinfo_assoc_id;
		from[reqs] = peer;
		printf("request from %s\n", addr_str(&peer));
		fflush(stdout);
		if (++reqs < count)
			continue;
		/* All the associations are up: answer them all. */
		for (i = 0; i < count; i++) {
			daytime_send(fd, &from[i]);
			printf("replied to %s\n", addr_str(&from[i]));
		}
		fflush(stdout);
	}
}

static void client(int fd, const struct sockaddr_in *sin, int implicit)
{
	sctp_assoc_t a0, a1;
	long long local, utc;

	if (!implicit && connect(fd, (const struct sockaddr *)sin,
				 sizeof(*sin)) < 0)
		die_errno("connect");
	if (sctp_sendmsg(fd, REQUEST, strlen(REQUEST), (struct sockaddr *)sin,
			 sizeof(*sin), 0, 0, 0, 0, 0) != strlen(REQUEST))
		die_errno("sctp_sendmsg");
	local = daytime_recv(fd, 0, &a0);
	utc = daytime_recv(fd, 1, &a1);
	if (local != utc)
		die("the messages name different seconds: %lld, %lld",
		    local, utc);
	if (a0 != a1)
		die("the messages came on associations %d and %d", a0, a1);
}

int main(int argc, char **argv)
{
	int proto = IPPROTO_SCTP, count = 1, implicit = 0, fd, opt;
	struct sockaddr_in sin;
	const char *mode;

	prog = "daytime_1tom";
	while ((opt = getopt(argc, argv, "P:n:i")) != -1) {
		switch (opt) {
		case 'P':
			proto = parse_int(optarg, "protocol", 1, 255);
			break;
		case 'n':
			count = parse_int(optarg, "count", 1, MAX_CLIENTS);
			break;
		case 'i':
			implicit = 1;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 3)
		usage();
	mode = argv[optind];
	parse_addr(&sin, argv[optind + 1], argv[optind + 2]);

	fd = sctp_socket(SOCK_SEQPACKET, proto);
	if (!strcmp(mode, "server")) {
		subscribe(fd, 1);
		bind_listen(fd, &sin);
		server(fd, count);
	} else if (!strcmp(mode, "client")) {
		subscribe(fd, 0);
		client(fd, &sin, implicit);
	} else {
		usage();
	}
	if (close(fd) < 0)
		die_errno("close");
	return 0;
}
