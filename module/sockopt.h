/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SOL_SCTP socket options, with the kernel's numbers and structs.
 * sockopt.c dispatches and holds the socket-wide options,
 * sockopt_assoc.c the per-association ones, sockopt_path.c the
 * per-path ones, sockopt_addr.c addresses.
 * All run under lock_sock().
 */
#ifndef _ASCTP_SOCKOPT_H
#define _ASCTP_SOCKOPT_H

#include <linux/sockptr.h>
#include <net/sock.h>

struct asctp_assoc;
struct asctp_path;
struct sctp_paddrinfo;

int asctp_sockopt_set(struct sock *sk, int level, int optname,
		      sockptr_t optval, unsigned int optlen);
int asctp_sockopt_get(struct sock *sk, int level, int optname,
		      char __user *optval, int __user *optlen);

/* helpers of the three files */
struct asctp_assoc *asctp_opt_assoc(struct sock *sk, s32 id, int *err);
typedef void (*asctp_opt_fn)(struct sock *sk, struct asctp_assoc *a,
			     const void *arg);
int asctp_opt_apply(struct sock *sk, s32 id, asctp_opt_fn fn,
		    const void *arg);
int asctp_opt_put(char __user *optval, int __user *optlen, int len,
		  const void *v, int size);
void asctp_opt_fill_paddr(const struct asctp_assoc *a,
			  const struct asctp_path *p,
			  struct sctp_paddrinfo *pi);

int asctp_set_events(struct sock *sk, sockptr_t optval, unsigned int optlen);
int asctp_get_events(struct sock *sk, char __user *optval,
		     int __user *optlen, int len);
int asctp_set_event(struct sock *sk, sockptr_t optval, unsigned int optlen);
int asctp_get_event(struct sock *sk, char __user *optval,
		    int __user *optlen, int len);
int asctp_sockopt_assoc_set(struct sock *sk, int optname, sockptr_t optval,
			    unsigned int optlen);
int asctp_sockopt_assoc_get(struct sock *sk, int optname,
			    char __user *optval, int __user *optlen, int len);
int asctp_sockopt_path_set(struct sock *sk, int optname, sockptr_t optval,
			   unsigned int optlen);
int asctp_sockopt_path_get(struct sock *sk, int optname, char __user *optval,
			   int __user *optlen, int len);
int asctp_sockopt_addr_set(struct sock *sk, int optname, sockptr_t optval,
			   unsigned int optlen);
int asctp_sockopt_addr_get(struct sock *sk, int optname, char __user *optval,
			   int __user *optlen, int len);

#endif /* _ASCTP_SOCKOPT_H */
