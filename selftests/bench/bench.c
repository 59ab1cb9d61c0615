// SPDX-License-Identifier: GPL-2.0
/*
 * One benchmark figure for one transport, chosen by its IP protocol
 * number, so that asctp (on ipproto=253, say), the kernel's sctp.ko
 * (132) and TCP (6) run side by side in one VM:
 *
 *   bench MODE -p PROTO [-t SECONDS] [-s SIZE] [-S STREAMS] [-d]
 *         [-n COUNT] [-r REPEATS] [-a ADDR] [-C NETNS] [-N NETNS]
 *
 * The server is a child process, in network namespace -N if given (a
 * name under /run/netns, as ip netns makes), the client is this one, in
 * -C; the server listens on ADDR (default 127.0.0.1) port 0 and tells
 * the client the port through a pipe.  -d sets SCTP_NODELAY (TCP_NODELAY
 * for TCP).  SCTP sockets are one-to-one (SOCK_STREAM) but for the
 * server of "many"; SCTP_INITMSG asks for STREAMS streams each way.
 *
 *   bulk   the client sends SIZE-byte messages (default 16K), message i
 *          on stream i % STREAMS, for SECONDS (default 2), then shuts
 *          down; the server counts the bytes to the end of file.  MB/s
 *          from the client's first send to the server's end of file, and
 *          the CPU time of the whole machine (/proc/stat: everything but
 *          idle and iowait, softirq included) per GiB moved.
 *   rr     64-byte request, 64-byte response, one at a time, for
 *          SECONDS: transactions/s.
 *   setup  the client connects, waits for the end of file (the server
 *          accepts and closes at once), closes, and again, for SECONDS:
 *          associations set up and torn down per second.
 *   idle   COUNT (default 1000) established associations, idle: the
 *          growth of Slab in /proc/meminfo (vm.stat_refresh first), in
 *          bytes per association, both ends (client and accepted
 *          socket) counted.
 *   many   a one-to-many server (SOCK_SEQPACKET; TCP: epoll over the
 *          accepted connections) with COUNT one-to-one clients, which
 *          send 64-byte messages round-robin with NODELAY for SECONDS:
 *          ns per message received, and machine CPU ns per message.
 *
 * Each repetition (-r, default 1) prints one line:
 *   result mode=M proto=P k=v... value=V unit=U [cpu=C cpu_unit=CU]
 * Errors name their errno and exit 1; an alarm ends a run that hangs.
 */
#include "../tools/sctp_tool.h"
#include <fcntl.h>
#include <getopt.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

#define RR_SIZE		64
#define RXBUF		(256 << 10)

static struct {
	const char *mode, *addr, *client_ns, *server_ns;
	int proto, size, streams, nodelay, count, repeat;
	double secs;
} opt = { .addr = "127.0.0.1", .proto = -1, .size = 16 << 10,
	  .streams = 1, .count = 1000, .repeat = 1, .secs = 2 };

/* Server to client: the port, then the server's result. */
struct srv_result {
	uint64_t count;		/* bytes (bulk), messages, associations */
	double done;		/* CLOCK_MONOTONIC when the last came in */
};

static int up_pipe[2], ctl_pipe[2];
static char *rxbuf;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int is_tcp(void)
{
	return opt.proto == IPPROTO_TCP;
}

static void on_alarm(int sig)
{
	static const char msg[] = "bench: timed out (alarm)\n";

	(void)sig;
	if (write(2, msg, sizeof(msg) - 1) < 0)
		_exit(3);
	_exit(3);
}

/* Generous: connecting COUNT associations in a slow VM takes a while. */
static void arm_alarm(void)
{
	signal(SIGALRM, on_alarm);
	alarm(120 + (unsigned int)opt.secs * 4 + opt.count / 20);
}

static void enter_netns(const char *name)
{
	char path[256];
	int fd;

	if (!name)
		return;
	snprintf(path, sizeof(path), "/run/netns/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die_errno(path);
	if (setns(fd, CLONE_NEWNET) < 0)
		die_errno("setns");
	close(fd);
}

static void raise_nofile(int want)
{
	struct rlimit rl = { .rlim_cur = want, .rlim_max = want };

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur >= (rlim_t)want)
		return;
	rl.rlim_cur = rl.rlim_max = want;
	if (setrlimit(RLIMIT_NOFILE, &rl) < 0)
		die_errno("setrlimit RLIMIT_NOFILE");
}

static void set_nodelay(int fd)
{
	int one = 1;

	if (is_tcp()) {
		if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)))
			die_errno("setsockopt TCP_NODELAY");
	} else if (setsockopt(fd, SOL_SCTP, SCTP_NODELAY, &one, sizeof(one))) {
		die_errno("setsockopt SCTP_NODELAY");
	}
}

static int bench_socket(int type, int nodelay)
{
	struct sctp_initmsg im = {
		.sinit_num_ostreams = opt.streams,
		.sinit_max_instreams = opt.streams,
	};
	int fd;

	fd = socket(AF_INET, type, opt.proto);
	if (fd < 0)
		die_errno("socket");
	if (!is_tcp() &&
	    setsockopt(fd, SOL_SCTP, SCTP_INITMSG, &im, sizeof(im)) < 0)
		die_errno("setsockopt SCTP_INITMSG");
	if (nodelay)
		set_nodelay(fd);
	return fd;
}

static void xwrite(int fd, const void *buf, size_t len, const char *what)
{
	if (write(fd, buf, len) != (ssize_t)len)
		die_errno(what);
}

static void xread(int fd, void *buf, size_t len, const char *what)
{
	ssize_t n = read(fd, buf, len);

	if (n < 0)
		die_errno(what);
	if (n != (ssize_t)len)
		die("%s: the server exited (%zd of %zu bytes)", what, n, len);
}

/* One whole message: sctp_sendmsg on its stream, or all of it on TCP. */
static void send_msg(int fd, const char *buf, size_t len, int stream)
{
	ssize_t n;

	if (!is_tcp()) {
		n = sctp_sendmsg(fd, buf, len, NULL, 0, 0, 0, stream, 0, 0);
		if (n != (ssize_t)len)
			die_errno("sctp_sendmsg");
		return;
	}
	while (len) {
		n = write(fd, buf, len);
		if (n < 0)
			die_errno("write");
		buf += n;
		len -= n;
	}
}

/* Exactly @len bytes (one message on SCTP); 0 at the end of file. */
static size_t recv_full(int fd, char *buf, size_t len)
{
	size_t have = 0;
	ssize_t n;

	while (have < len) {
		n = read(fd, buf + have, len - have);
		if (n < 0)
			die_errno("read");
		if (n == 0)
			return 0;
		have += n;
	}
	return have;
}

/* The machine's busy CPU time so far, in seconds (USER_HZ ticks). */
static double cpu_busy(void)
{
	unsigned long long v[10] = { 0 }, sum = 0;
	FILE *f = fopen("/proc/stat", "r");
	int i;

	if (!f)
		die_errno("/proc/stat");
	if (fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu",
		   &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7],
		   &v[8], &v[9]) < 8)
		die("/proc/stat: no cpu line");
	fclose(f);
	/* guest and guest_nice are in user and nice already */
	for (i = 0; i < 8; i++)
		if (i != 3 && i != 4)
			sum += v[i];
	return (double)sum / sysconf(_SC_CLK_TCK);
}

/* Slab: in /proc/meminfo, in bytes, the per-CPU counts folded in. */
static long long slab_bytes(void)
{
	char line[256];
	long long kb = -1;
	FILE *f;

	f = fopen("/proc/sys/vm/stat_refresh", "w");
	if (f) {
		fputs("1\n", f);
		fclose(f);	/* EINVAL when a counter is negative: no matter */
	}
	f = fopen("/proc/meminfo", "r");
	if (!f)
		die_errno("/proc/meminfo");
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Slab: %lld kB", &kb) == 1)
			break;
	fclose(f);
	if (kb < 0)
		die("/proc/meminfo: no Slab line");
	return kb * 1024;
}

/* ---- the server side, in the child ---- */

static int accept_one(int lfd)
{
	int fd = accept(lfd, NULL, NULL);

	if (fd < 0)
		die_errno("accept");
	return fd;
}

static void report(uint64_t count)
{
	struct srv_result r = { .count = count, .done = now() };

	xwrite(up_pipe[1], &r, sizeof(r), "result pipe");
}

/* The client's control pipe is readable: it sent a number or closed. */
static int ctl_ready(int lfd, int wait_ms)
{
	struct pollfd p[2] = {
		{ .fd = ctl_pipe[0], .events = POLLIN },
		{ .fd = lfd, .events = POLLIN },
	};

	if (poll(p, 2, wait_ms) < 0 && errno != EINTR)
		die_errno("poll");
	return p[0].revents != 0;
}

static void serve_bulk(int lfd)
{
	int fd = accept_one(lfd);
	uint64_t bytes = 0;
	ssize_t n;

	while ((n = read(fd, rxbuf, RXBUF)) > 0)
		bytes += n;
	if (n < 0)
		die_errno("read");
	report(bytes);
	close(fd);
}

static void serve_rr(int lfd)
{
	int fd = accept_one(lfd);
	uint64_t count = 0;

	while (recv_full(fd, rxbuf, RR_SIZE)) {
		send_msg(fd, rxbuf, RR_SIZE, 0);
		count++;
	}
	report(count);
	close(fd);
}

/* Accept and close at once, until the client closes the control pipe. */
static void serve_setup(int lfd)
{
	uint64_t count = 0;

	while (!ctl_ready(lfd, -1)) {
		close(accept_one(lfd));
		count++;
	}
	report(count);
}

/* Hold COUNT accepted associations until the client is done with them. */
static void serve_idle(int lfd)
{
	int *fds = calloc(opt.count, sizeof(*fds));
	int i;

	if (!fds)
		die("out of memory");
	for (i = 0; i < opt.count; i++)
		fds[i] = accept_one(lfd);
	report(opt.count);
	ctl_ready(-1, -1);
	for (i = 0; i < opt.count; i++)
		close(fds[i]);
	free(fds);
}

/* Count 64-byte messages until the client's total is in. */
static void serve_many_sctp(int fd)
{
	uint64_t count = 0, total = UINT64_MAX;
	struct iovec iov = { .iov_base = rxbuf, .iov_len = RXBUF };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n;

	while (count < total) {
		if (total == UINT64_MAX && ctl_ready(fd, -1)) {
			xread(ctl_pipe[0], &total, sizeof(total), "control pipe");
			continue;
		}
		n = recvmsg(fd, &mh, MSG_DONTWAIT);
		if (n < 0 && errno == EAGAIN) {
			if (total != UINT64_MAX)
				poll(&(struct pollfd){ .fd = fd, .events = POLLIN },
				     1, 1000);
			continue;
		}
		if (n < 0)
			die_errno("recvmsg");
		if (!(mh.msg_flags & MSG_NOTIFICATION) && (mh.msg_flags & MSG_EOR))
			count++;
	}
	report(count);
	ctl_ready(-1, -1);
}

static void epoll_add(int ep, int fd)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = fd };

	if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0)
		die_errno("epoll_ctl");
}

/* TCP: the accepted connections under epoll; bytes / 64 messages. */
static void serve_many_tcp(int lfd)
{
	uint64_t bytes = 0, total = UINT64_MAX;
	struct epoll_event evs[64];
	int ep = epoll_create1(0), i, n, fd;
	ssize_t r;

	if (ep < 0)
		die_errno("epoll_create1");
	epoll_add(ep, lfd);
	epoll_add(ep, ctl_pipe[0]);
	while (bytes < total * RR_SIZE || total == UINT64_MAX) {
		n = epoll_wait(ep, evs, 64, -1);
		if (n < 0 && errno != EINTR)
			die_errno("epoll_wait");
		for (i = 0; i < n; i++) {
			fd = evs[i].data.fd;
			if (fd == lfd) {
				epoll_add(ep, accept_one(lfd));
			} else if (fd == ctl_pipe[0]) {
				xread(fd, &total, sizeof(total), "control pipe");
				epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
			} else {
				r = read(fd, rxbuf, RXBUF);
				if (r < 0)
					die_errno("read");
				if (r == 0)
					close(fd);	/* leaves the epoll set */
				bytes += r;
			}
		}
	}
	report(bytes / RR_SIZE);
	ctl_ready(-1, -1);	/* the rest close with the process */
}

static void server(void)
{
	int many = !strcmp(opt.mode, "many");
	struct sockaddr_in sin, local;
	socklen_t len = sizeof(local);
	uint16_t port;
	int lfd;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	prog = "bench server";
	enter_netns(opt.server_ns);
	parse_addr(&sin, opt.addr, "0");
	lfd = bench_socket(many && !is_tcp() ? SOCK_SEQPACKET : SOCK_STREAM, 0);
	if (bind(lfd, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		die_errno("bind");
	if (listen(lfd, 4096) < 0)
		die_errno("listen");
	if (getsockname(lfd, (struct sockaddr *)&local, &len) < 0)
		die_errno("getsockname");
	port = local.sin_port;
	xwrite(up_pipe[1], &port, sizeof(port), "port pipe");
	if (!strcmp(opt.mode, "bulk"))
		serve_bulk(lfd);
	else if (!strcmp(opt.mode, "rr"))
		serve_rr(lfd);
	else if (!strcmp(opt.mode, "setup"))
		serve_setup(lfd);
	else if (!strcmp(opt.mode, "idle"))
		serve_idle(lfd);
	else if (is_tcp())
		serve_many_tcp(lfd);
	else
		serve_many_sctp(lfd);
	close(lfd);
	exit(0);
}

/* ---- the client side ---- */

static struct sockaddr_in srv;

static int connect_one(int nodelay)
{
	int fd = bench_socket(SOCK_STREAM, nodelay);

	if (connect(fd, (struct sockaddr *)&srv, sizeof(srv)) < 0)
		die_errno("connect");
	return fd;
}

/* No more from the client: the server's cue to finish. */
static void close_ctl(void)
{
	if (ctl_pipe[1] >= 0)
		close(ctl_pipe[1]);
	ctl_pipe[1] = -1;
}

static struct srv_result wait_server(void)
{
	struct srv_result r;

	xread(up_pipe[0], &r, sizeof(r), "result pipe");
	return r;
}

/* The client's half of a figure: its value, and CPU where it applies. */
struct figure {
	double value, cpu;
};

static struct figure run_bulk(void)
{
	char *buf = calloc(1, opt.size);
	int fd = connect_one(opt.nodelay);
	double t0, c0, end;
	struct srv_result r;
	uint64_t i;

	if (!buf)
		die("out of memory");
	t0 = now();
	c0 = cpu_busy();
	end = t0 + opt.secs;
	for (i = 0; now() < end; i++)
		send_msg(fd, buf, opt.size, i % opt.streams);
	if (shutdown(fd, SHUT_WR) < 0)
		die_errno("shutdown");
	r = wait_server();
	close(fd);
	free(buf);
	if (r.count != i * opt.size)
		die("bulk: %llu bytes sent, the server counted %llu",
		    (unsigned long long)(i * opt.size),
		    (unsigned long long)r.count);
	return (struct figure){
		.value = r.count / 1e6 / (r.done - t0),
		.cpu = (cpu_busy() - c0) / (r.count / (double)(1 << 30)),
	};
}

static struct figure run_rr(void)
{
	char buf[RR_SIZE] = { 0 };
	int fd = connect_one(opt.nodelay);
	double t0 = now(), t;
	struct srv_result r;
	uint64_t n = 0;

	do {
		send_msg(fd, buf, RR_SIZE, 0);
		if (!recv_full(fd, buf, RR_SIZE))
			die("rr: the server closed");
		n++;
		t = now();
	} while (t < t0 + opt.secs);
	if (shutdown(fd, SHUT_WR) < 0)
		die_errno("shutdown");
	r = wait_server();
	close(fd);
	if (r.count != n)
		die("rr: %llu requests, the server answered %llu",
		    (unsigned long long)n, (unsigned long long)r.count);
	return (struct figure){ .value = n / (t - t0) };
}

static struct figure run_setup(void)
{
	double t0 = now(), t;
	uint64_t n = 0;
	ssize_t r;
	char c;
	int fd;

	do {
		fd = bench_socket(SOCK_STREAM, opt.nodelay);
		if (connect(fd, (struct sockaddr *)&srv, sizeof(srv)) < 0)
			die("setup: connect after %llu associations: %s (%s)",
			    (unsigned long long)n, errname(errno),
			    strerror(errno));
		/* sctp.ko: ENOTCONN once the association has gone */
		r = read(fd, &c, 1);
		if (r > 0)
			die("setup: data instead of the end of file");
		if (r < 0 && errno != ENOTCONN)
			die_errno("setup: read for the end of file");
		close(fd);
		n++;
		t = now();
	} while (t < t0 + opt.secs);
	close_ctl();
	if (wait_server().count != n)
		die("setup: %llu connects, the server accepted another number",
		    (unsigned long long)n);
	return (struct figure){ .value = n / (t - t0) };
}

static int *connect_many(void)
{
	int *fds = calloc(opt.count, sizeof(*fds));
	int i;

	if (!fds)
		die("out of memory");
	for (i = 0; i < opt.count; i++)
		fds[i] = connect_one(!strcmp(opt.mode, "many"));
	return fds;
}

static void close_many(int *fds)
{
	int i;

	for (i = 0; i < opt.count; i++)
		close(fds[i]);
	free(fds);
}

static struct figure run_idle(void)
{
	long long s0 = slab_bytes(), s1;
	int *fds = connect_many();

	wait_server();
	s1 = slab_bytes();
	close_many(fds);
	close_ctl();
	return (struct figure){ .value = (double)(s1 - s0) / opt.count };
}

static struct figure run_many(void)
{
	char buf[RR_SIZE] = { 0 };
	int *fds = connect_many();
	double t0 = now(), c0 = cpu_busy(), end = t0 + opt.secs;
	struct srv_result r;
	uint64_t n = 0;
	int i = 0;

	while (now() < end) {
		send_msg(fds[i], buf, RR_SIZE, 0);
		n++;
		if (++i == opt.count)
			i = 0;
	}
	xwrite(ctl_pipe[1], &n, sizeof(n), "control pipe");
	r = wait_server();
	if (r.count != n)
		die("many: %llu messages sent, %llu received",
		    (unsigned long long)n, (unsigned long long)r.count);
	close_many(fds);
	close_ctl();
	return (struct figure){
		.value = (r.done - t0) * 1e9 / n,
		.cpu = (cpu_busy() - c0) * 1e9 / n,
	};
}

static void print_result(struct figure f)
{
	static const char *const units[][3] = {
		{ "bulk", "MB/s", "cpu_s/GiB" },
		{ "rr", "trans/s", NULL },
		{ "setup", "assocs/s", NULL },
		{ "idle", "bytes/assoc", NULL },
		{ "many", "ns/msg", "cpu_ns/msg" },
	};
	size_t i;

	for (i = 0; strcmp(units[i][0], opt.mode); i++)
		;
	printf("result mode=%s proto=%d size=%d streams=%d nodelay=%d secs=%g count=%d value=%.6g unit=%s",
	       opt.mode, opt.proto, !strcmp(opt.mode, "bulk") ? opt.size :
	       RR_SIZE, opt.streams, opt.nodelay, opt.secs, opt.count, f.value,
	       units[i][1]);
	if (units[i][2])
		printf(" cpu=%.6g cpu_unit=%s", f.cpu, units[i][2]);
	printf("\n");
	fflush(stdout);
}

/* One repetition: a fresh server, the client's half, the server reaped. */
static void run_once(void)
{
	struct figure f;
	uint16_t port;
	int status;
	pid_t pid;

	if (pipe(up_pipe) < 0 || pipe(ctl_pipe) < 0)
		die_errno("pipe");
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die_errno("fork");
	if (!pid) {
		close(up_pipe[0]);
		close(ctl_pipe[1]);
		server();
	}
	close(up_pipe[1]);
	close(ctl_pipe[0]);
	xread(up_pipe[0], &port, sizeof(port), "port pipe");
	parse_addr(&srv, opt.addr, "0");
	srv.sin_port = port;
	if (!strcmp(opt.mode, "bulk"))
		f = run_bulk();
	else if (!strcmp(opt.mode, "rr"))
		f = run_rr();
	else if (!strcmp(opt.mode, "setup"))
		f = run_setup();
	else if (!strcmp(opt.mode, "idle"))
		f = run_idle();
	else
		f = run_many();
	close_ctl();
	if (waitpid(pid, &status, 0) < 0)
		die_errno("waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		die("the server failed (status 0x%x)", status);
	close(up_pipe[0]);
	print_result(f);
}

static void __noreturn usage(void)
{
	fprintf(stderr,
		"usage: bench bulk|rr|setup|idle|many -p PROTO [-t SECONDS] [-s SIZE]\n"
		"       [-S STREAMS] [-d] [-n COUNT] [-r REPEATS] [-a ADDR]\n"
		"       [-C CLIENT_NETNS] [-N SERVER_NETNS]\n");
	exit(2);
}

static void parse_args(int argc, char **argv)
{
	static const char *const modes[] = { "bulk", "rr", "setup", "idle",
					     "many" };
	size_t i;
	int c;

	while ((c = getopt(argc, argv, "p:t:s:S:dn:r:a:C:N:")) != -1) {
		switch (c) {
		case 'p':
			opt.proto = parse_int(optarg, "protocol", 0, 255);
			break;
		case 't':
			opt.secs = parse_int(optarg, "seconds", 1, 3600);
			break;
		case 's':
			opt.size = parse_int(optarg, "message size", 1, 1 << 20);
			break;
		case 'S':
			opt.streams = parse_int(optarg, "streams", 1, 1024);
			break;
		case 'd':
			opt.nodelay = 1;
			break;
		case 'n':
			opt.count = parse_int(optarg, "count", 1, 100000);
			break;
		case 'r':
			opt.repeat = parse_int(optarg, "repeats", 1, 1000);
			break;
		case 'a':
			opt.addr = optarg;
			break;
		case 'C':
			opt.client_ns = optarg;
			break;
		case 'N':
			opt.server_ns = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1 || opt.proto < 0)
		usage();
	opt.mode = argv[optind];
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (!strcmp(opt.mode, modes[i]))
			return;
	usage();
}

int main(int argc, char **argv)
{
	int i;

	prog = "bench";
	parse_args(argc, argv);
	rxbuf = malloc(RXBUF);
	if (!rxbuf)
		die("out of memory");
	signal(SIGPIPE, SIG_IGN);	/* a dead peer is EPIPE, said aloud */
	raise_nofile(opt.count + 64);
	enter_netns(opt.client_ns);
	for (i = 0; i < opt.repeat; i++) {
		arm_alarm();
		run_once();
	}
	return 0;
}
