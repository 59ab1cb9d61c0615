// SPDX-License-Identifier: GPL-2.0
/*
 * One side of a one-to-one association ends it with an ABORT (close
 * with SO_LINGER {1, 0}, or with -u close with data unread); the other
 * side's receive must fail with ECONNRESET.
 *
 *   abort_peer [-P proto] [-a [-u]] server|client ADDR PORT
 *
 * The server prints "port N" once listening and accepts one
 * association; the client connects to it.  The side without -a sends
 * "hello" and waits in recv(); the side with -a receives the "hello"
 * (so the association is up and accepted), then aborts.  With -u it
 * waits for the "hello" without reading it, and closes.
 *
 * Prints "sent ABORT" (-a) or "recv: <errno name>"; the waiting side
 * exits 0 only when that is ECONNRESET.
 */
#include "sctp_tool.h"

#include <poll.h>

#define HELLO	"hello"

static void __noreturn usage(void)
{
	fprintf(stderr, "usage: %s [-P proto] [-a [-u]] server|client ADDR PORT\n",
		prog);
	exit(2);
}

/* Close with the "hello" unread: the kernel's SCTP aborts then. */
static void close_unread(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	if (poll(&pfd, 1, 10000) != 1)
		die("no hello within 10 s");
	if (close(fd) < 0)
		die_errno("close");
	printf("sent ABORT\n");
}

static void send_abort(int fd)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	char buf[MSG_MAX];
	ssize_t n;

	n = recv(fd, buf, sizeof(buf) - 1, 0);
	if (n < 0)
		die_errno("recv hello");
	buf[n] = '\0';
	if (strcmp(buf, HELLO))
		die("received '%s', expected '%s'", buf, HELLO);
	if (setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)) < 0)
		die_errno("setsockopt SO_LINGER");
	if (close(fd) < 0)
		die_errno("close");
	printf("sent ABORT\n");
}

static int expect_reset(int fd)
{
	char buf[MSG_MAX];
	ssize_t n;

	if (send(fd, HELLO, strlen(HELLO), 0) != strlen(HELLO))
		die_errno("send hello");
	n = recv(fd, buf, sizeof(buf), 0);
	if (n == 0) {
		printf("recv: end of file\n");
		return 1;
	}
	if (n > 0) {
		printf("recv: %zd bytes\n", n);
		return 1;
	}
	printf("recv: %s\n", errname(errno));
	return errno != ECONNRESET;
}

int main(int argc, char **argv)
{
	int proto = IPPROTO_SCTP, aborter = 0, unread = 0, fd, conn, opt;
	int rc = 0;
	struct sockaddr_in sin;
	const char *mode;

	prog = "abort_peer";
	while ((opt = getopt(argc, argv, "P:au")) != -1) {
		switch (opt) {
		case 'P':
			proto = parse_int(optarg, "protocol", 1, 255);
			break;
		case 'a':
			aborter = 1;
			break;
		case 'u':
			unread = 1;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 3)
		usage();
	mode = argv[optind];
	parse_addr(&sin, argv[optind + 1], argv[optind + 2]);

	fd = sctp_socket(SOCK_STREAM, proto);
	if (!strcmp(mode, "server")) {
		bind_listen(fd, &sin);
		conn = accept(fd, NULL, NULL);
		if (conn < 0)
			die_errno("accept");
	} else if (!strcmp(mode, "client")) {
		if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0)
			die_errno("connect");
		conn = fd;
	} else {
		usage();
	}
	if (aborter && unread)
		close_unread(conn);
	else if (aborter)
		send_abort(conn);
	else
		rc = expect_reset(conn);
	if (conn != fd)
		close(fd);
	if (!aborter)
		close(conn);
	return rc;
}
