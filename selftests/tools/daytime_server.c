// SPDX-License-Identifier: GPL-2.0
/*
 * One-to-one SCTP daytime server, after the IBM developerWorks sample:
 * for each of -n connections, send the local time on stream 0 and UTC
 * on stream 1, then close (a graceful SHUTDOWN) once the client says
 * "done": unlike the sample's, so that the SHUTDOWN cannot overtake
 * the client's reading of its SCTP_STATUS, which would then not say
 * ESTABLISHED.
 *
 *   daytime_server [-P proto] [-n count] ADDR PORT
 *
 * Prints "port N" once listening (PORT 0 picks one), then a line per
 * connection: "accepted ADDR:PORT assoc id = .. state = .. instrms = ..
 * outstrms = ..", the accepted socket's SCTP_STATUS.
 */
#include "sctp_tool.h"

static void __noreturn usage(void)
{
	fprintf(stderr, "usage: %s [-P proto] [-n count] ADDR PORT\n", prog);
	exit(2);
}

static void wait_done(int conn)
{
	char buf[MSG_MAX];
	ssize_t n;

	n = recv(conn, buf, sizeof(buf) - 1, 0);
	if (n < 0)
		die_errno("recv");
	buf[n] = '\0';
	if (strcmp(buf, DONE))
		die("received '%s' (%zd bytes), expected '%s'", buf, n, DONE);
}

int main(int argc, char **argv)
{
	int proto = IPPROTO_SCTP, count = 1, fd, conn, i, opt;
	struct sockaddr_in sin, peer;
	socklen_t len;

	prog = "daytime_server";
	while ((opt = getopt(argc, argv, "P:n:")) != -1) {
		switch (opt) {
		case 'P':
			proto = parse_int(optarg, "protocol", 1, 255);
			break;
		case 'n':
			count = parse_int(optarg, "count", 1, 1000);
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 2)
		usage();
	parse_addr(&sin, argv[optind], argv[optind + 1]);

	fd = sctp_socket(SOCK_STREAM, proto);
	bind_listen(fd, &sin);

	for (i = 0; i < count; i++) {
		len = sizeof(peer);
		conn = accept(fd, (struct sockaddr *)&peer, &len);
		if (conn < 0)
			die_errno("accept");
		printf("accepted %s ", addr_str(&peer));
		print_status(conn, " ");
		daytime_send(conn, NULL);
		wait_done(conn);
		if (close(conn) < 0)
			die_errno("close");
	}
	close(fd);
	return 0;
}
