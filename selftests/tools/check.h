/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the checking tools (sockapi, paths): every check that fails
 * prints a "# FAIL" line with its condition and errno and counts in
 * `failures`, so one run reports them all; the tool exits 0 only if
 * there were none.  Plus the option and address helpers both use.
 */
#ifndef CHECK_H
#define CHECK_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static int failures;

#define CHECK(cond, ...) do {						\
	if (!(cond)) {							\
		failures++;						\
		printf("# FAIL %s:%d: %s: ", __func__, __LINE__, #cond);\
		printf(__VA_ARGS__);					\
		printf(" (errno %s)\n", strerrorname_np(errno) ?: "0");	\
	}								\
} while (0)

/* a call that must fail with @e */
#define FAILS(call, e) do {						\
	errno = 0;							\
	int __r = (call);						\
	CHECK(__r == -1 && errno == (e), "%s gave %d, want errno %s",	\
	      #call, __r, strerrorname_np(e));				\
} while (0)

/* Set-up that fails stops the tool: exit 2, not a check failure. */
static inline void die(const char *what)
{
	printf("# %s: %s\n", what, strerror(errno));
	exit(2);
}

static inline struct sockaddr_in addr4(const char *ip, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(port) };

	inet_pton(AF_INET, ip, &a.sin_addr);
	return a;
}

static inline int setopt(int fd, int opt, const void *v, socklen_t len)
{
	return setsockopt(fd, SOL_SCTP, opt, v, len);
}

static inline int getopt_(int fd, int opt, void *v, socklen_t len)
{
	return getsockopt(fd, SOL_SCTP, opt, v, &len);
}

#endif /* CHECK_H */
