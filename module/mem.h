/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory charged to asctp as a whole, beside each socket's SO_SNDBUF
 * and SO_RCVBUF: see mem.c.
 */
#ifndef _ASCTP_MEM_H
#define _ASCTP_MEM_H

#include <net/sock.h>

void asctp_mem_wcharge(struct sock *sk, struct sk_buff *skb);
void asctp_mem_wuncharge(struct sock *sk, struct sk_buff *skb);
void asctp_mem_wmove(struct sock *sk, struct sock *nsk, u32 bytes);
bool asctp_mem_wschedule(struct sock *sk, int size);
bool asctp_mem_wschedule_queue(struct sock *sk, const struct sk_buff_head *q);
bool asctp_mem_rcharge(struct sock *sk, struct sk_buff *skb, bool force);
void asctp_mem_rcharge_event(struct sock *sk, struct sk_buff *skb);

int asctp_mem_init(struct proto *prot);
void asctp_mem_prot(struct proto *prot);
void asctp_mem_exit(void);

#endif /* _ASCTP_MEM_H */
