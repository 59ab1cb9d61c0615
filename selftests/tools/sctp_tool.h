/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the association test tools (daytime_*, abort_peer): errors
 * that name their errno, addresses, the socket set-up every tool does,
 * and the daytime message format.
 *
 * A daytime message is "<seconds since the epoch> <human time>", the
 * human part formatted from the same second with "%a %b %e %H:%M:%S %Y"
 * (asctime's layout without the newline), local time on stream 0 and
 * UTC on stream 1.  The receiver re-formats the number and compares
 * byte for byte, so a message that is cut, merged or mixed up fails.
 */
#ifndef SCTP_TOOL_H
#define SCTP_TOOL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef __noreturn
#define __noreturn	__attribute__((noreturn))
#endif
#ifndef __printf
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#endif

#define DAYTIME_STREAMS	5
#define DAYTIME_FMT	"%a %b %e %H:%M:%S %Y"
#define MSG_MAX		256
#define DONE		"done"	/* the one-to-one client has read all */

static const char *prog = "sctp_tool";

static inline void __noreturn __printf(1, 2) die(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* errno by name as well as text: the test scripts match the name. */
static inline const char *errname(int err)
{
	const char *name = strerrorname_np(err);

	return name ? name : "E?";
}

static inline void __noreturn die_errno(const char *what)
{
	int err = errno;

	die("%s: %s (%s)", what, errname(err), strerror(err));
}

static inline int parse_int(const char *s, const char *what,
			    int min, int max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *s == '\0' || *end != '\0' || v < min || v > max)
		die("bad %s '%s' (%d..%d)", what, s, min, max);
	return v;
}

static inline void parse_addr(struct sockaddr_in *sin, const char *addr,
			      const char *port)
{
	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_port = htons(parse_int(port, "port", 0, 65535));
	if (inet_pton(AF_INET, addr, &sin->sin_addr) != 1)
		die("bad IPv4 address '%s'", addr);
}

/* ADDR PORT, IPv4 or (with a ':' in ADDR) IPv6; returns the length. */
static inline socklen_t parse_addr46(struct sockaddr_storage *ss,
				     const char *addr, const char *port)
{
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (!strchr(addr, ':')) {
		parse_addr((struct sockaddr_in *)ss, addr, port);
		return sizeof(struct sockaddr_in);
	}
	sin6->sin6_family = AF_INET6;
	sin6->sin6_port = htons(parse_int(port, "port", 0, 65535));
	if (inet_pton(AF_INET6, addr, &sin6->sin6_addr) != 1)
		die("bad IPv6 address '%s'", addr);
	return sizeof(*sin6);
}

static inline const char *addr_str(const struct sockaddr_in *sin)
{
	static char buf[INET_ADDRSTRLEN + 8];
	char a[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &sin->sin_addr, a, sizeof(a));
	snprintf(buf, sizeof(buf), "%s:%u", a, ntohs(sin->sin_port));
	return buf;
}

/* A socket with 5 streams each way asked for, as the daytime sample does. */
static inline int sctp_socket(int type, int proto)
{
	struct sctp_initmsg im = {
		.sinit_num_ostreams = DAYTIME_STREAMS,
		.sinit_max_instreams = DAYTIME_STREAMS,
		.sinit_max_attempts = 4,
	};
	int fd;

	fd = socket(AF_INET, type, proto);
	if (fd < 0)
		die_errno("socket");
	if (setsockopt(fd, SOL_SCTP, SCTP_INITMSG, &im, sizeof(im)) < 0)
		die_errno("setsockopt SCTP_INITMSG");
	return fd;
}

/*
 * sctp_recvmsg fills in its sctp_sndrcvinfo only with data_io_event on;
 * @assoc_events adds the SCTP_ASSOC_CHANGE notifications.
 */
static inline void subscribe(int fd, int assoc_events)
{
	struct sctp_event_subscribe ev;

	memset(&ev, 0, sizeof(ev));
	ev.sctp_data_io_event = 1;
	ev.sctp_association_event = assoc_events;
	if (setsockopt(fd, SOL_SCTP, SCTP_EVENTS, &ev, sizeof(ev)) < 0)
		die_errno("setsockopt SCTP_EVENTS");
}

static inline void bind_listen(int fd, const struct sockaddr_in *sin)
{
	struct sockaddr_in local;
	socklen_t len = sizeof(local);

	if (bind(fd, (const struct sockaddr *)sin, sizeof(*sin)) < 0)
		die_errno("bind");
	if (listen(fd, 5) < 0)
		die_errno("listen");
	/* Port 0 asks for any: the scripts wait for this line. */
	if (getsockname(fd, (struct sockaddr *)&local, &len) < 0)
		die_errno("getsockname");
	printf("port %u\n", ntohs(local.sin_port));
	fflush(stdout);
}

/*
 * The association's SCTP_STATUS as the daytime sample prints it, one
 * field a line (@sep "\n") or on one line (@sep " ").
 */
static inline void print_status(int fd, const char *sep)
{
	struct sctp_status st;
	socklen_t len = sizeof(st);

	memset(&st, 0, sizeof(st));
	if (getsockopt(fd, SOL_SCTP, SCTP_STATUS, &st, &len) < 0)
		die_errno("getsockopt SCTP_STATUS");
	printf("assoc id = %d%sstate = %d%sinstrms = %d%soutstrms = %d\n",
	       st.sstat_assoc_id, sep, st.sstat_state, sep, st.sstat_instrms,
	       sep, st.sstat_outstrms);
	fflush(stdout);
}

static inline int daytime_format(char *buf, size_t size, time_t t,
				 int utc)
{
	struct tm tm;
	int n;

	if (!(utc ? gmtime_r(&t, &tm) : localtime_r(&t, &tm)))
		die("cannot convert time %lld", (long long)t);
	n = snprintf(buf, size, "%lld ", (long long)t);
	n += strftime(buf + n, size - n, DAYTIME_FMT, &tm);
	return n;
}

/* Send local time on stream 0 and UTC on stream 1, to @to if given. */
static inline void daytime_send(int fd, const struct sockaddr_in *to)
{
	char msg[MSG_MAX];
	time_t now = time(NULL);
	int stream, n;

	for (stream = 0; stream < 2; stream++) {
		n = daytime_format(msg, sizeof(msg), now, stream == 1);
		if (sctp_sendmsg(fd, msg, n, (struct sockaddr *)to,
				 to ? sizeof(*to) : 0, 0, 0, stream, 0, 0) != n)
			die_errno("sctp_sendmsg");
	}
}

/*
 * Receive one whole daytime message, expected on @stream, and check it:
 * one message per call (MSG_EOR), no notification, a well-formed time.
 * Prints it with its label; returns the second it names.
 */
static inline long long daytime_recv(int fd, int stream,
				     sctp_assoc_t *assoc)
{
	struct sctp_sndrcvinfo sinfo;
	char msg[MSG_MAX], want[MSG_MAX];
	int flags = 0;
	long long t;
	ssize_t n;
	char *end;

	memset(&sinfo, 0, sizeof(sinfo));
	n = sctp_recvmsg(fd, msg, sizeof(msg) - 1, NULL, NULL, &sinfo, &flags);
	if (n < 0)
		die_errno("sctp_recvmsg");
	if (n == 0)
		die("message %d: end of file instead of a message", stream);
	msg[n] = '\0';
	if (flags & MSG_NOTIFICATION)
		die("message %d: a notification (flags 0x%x), none subscribed",
		    stream, flags);
	if (!(flags & MSG_EOR))
		die("message %d: MSG_EOR not set (flags 0x%x, %zd bytes '%s')",
		    stream, flags, n, msg);
	if (sinfo.sinfo_stream != stream)
		die("message %d: came on stream %u ('%s')", stream,
		    sinfo.sinfo_stream, msg);
	errno = 0;
	t = strtoll(msg, &end, 10);
	if (errno || end == msg || *end != ' ')
		die("message %d: no seconds in '%s'", stream, msg);
	daytime_format(want, sizeof(want), t, stream == 1);
	if (strcmp(msg, want))
		die("message %d: '%s', expected '%s'", stream, msg, want);
	printf("%s %s\n", stream ? "(GMT)" : "(Local)", msg);
	if (assoc)
		*assoc = sinfo.sinfo_assoc_id;
	return t;
}

#endif
