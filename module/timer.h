/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Association timers.  Each armed timer holds a reference on its
 * association.  A timer that fires while the user owns the socket sets
 * its bit in asctp_assoc.deferred and the work runs from release_cb.
 */
#ifndef _ASCTP_TIMER_H
#define _ASCTP_TIMER_H

#include "assoc.h"

void asctp_timer_setup(struct asctp_assoc *a);
void asctp_timer_start(struct asctp_assoc *a, enum asctp_timer_id t);
void asctp_timer_start_ms(struct asctp_assoc *a, enum asctp_timer_id t,
			  u32 ms);
void asctp_timer_stop(struct asctp_assoc *a, enum asctp_timer_id t);
void asctp_timer_stop_all(struct asctp_assoc *a);
void asctp_timer_release_cb(struct sock *sk);

#endif /* _ASCTP_TIMER_H */
