// SPDX-License-Identifier: GPL-2.0
/*
 * One-to-one SCTP daytime client, after the IBM developerWorks sample.
 *
 *   daytime_client [-P proto] ADDR PORT
 *
 * Connects, prints the association's SCTP_STATUS (assoc id, state,
 * instrms, outstrms, a line each), then the two daytime messages as
 * "(Local) ..." and "(GMT) ...".  Fails unless: each message arrives
 * whole (MSG_EOR), local time on stream 0 then UTC on stream 1, both
 * naming the same second; and, once it has said "done", the next
 * receive is the end of file the server's SHUTDOWN gives.  A failed
 * connect() is reported as "connect: <errno name> (<text>)" on stderr.
 */
#include "sctp_tool.h"

static void __noreturn usage(void)
{
	fprintf(stderr, "usage: %s [-P proto] ADDR PORT\n", prog);
	exit(2);
}

int main(int argc, char **argv)
{
	int proto = IPPROTO_SCTP, fd, opt;
	struct sockaddr_in sin;
	long long local, utc;
	char buf[MSG_MAX];
	ssize_t n;

	prog = "daytime_client";
	while ((opt = getopt(argc, argv, "P:")) != -1) {
		switch (opt) {
		case 'P':
			proto = parse_int(optarg, "protocol", 1, 255);
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 2)
		usage();
	parse_addr(&sin, argv[optind], argv[optind + 1]);

	fd = sctp_socket(SOCK_STREAM, proto);
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		die_errno("connect");
	subscribe(fd, 0);
	print_status(fd, "\n");

	local = daytime_recv(fd, 0, NULL);
	utc = daytime_recv(fd, 1, NULL);
	if (local != utc)
		die("the messages name different seconds: %lld, %lld",
		    local, utc);

	if (send(fd, DONE, strlen(DONE), 0) != strlen(DONE))
		die_errno("send");
	n = recv(fd, buf, sizeof(buf), 0);
	if (n < 0)
		die_errno("recv after the messages");
	if (n > 0)
		die("recv after the messages: %zd more bytes, expected end of file",
		    n);
	close(fd);
	return 0;
}
