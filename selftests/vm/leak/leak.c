// SPDX-License-Identifier: GPL-2.0
/*
 * The harness's own check (selftests/check.sh): a module that loses
 * one allocation on purpose.  A VM run that loads it must fail with
 * "kmemleak reports leaks", or the harness could miss asctp's.
 */
#include <linux/module.h>
#include <linux/slab.h>

static int __init asctp_leak_init(void)
{
	void *p = kmalloc(96, GFP_KERNEL);

	pr_info("asctp_leak: 96 bytes lost on purpose\n");
	return p ? 0 : -ENOMEM;
}
module_init(asctp_leak_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("asctp harness check: one leaked allocation");
