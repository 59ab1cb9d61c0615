// SPDX-License-Identifier: GPL-2.0
/* Live object counters and their debugfs view; allocation faults. */

#include <linux/debugfs.h>
#include <linux/fault-inject.h>
#include <linux/seq_file.h>

#include "obj.h"

atomic_long_t asctp_obj_live[ASCTP_OBJ_MAX];

static const char *const asctp_obj_names[ASCTP_OBJ_MAX] = {
	[ASCTP_OBJ_SOCK] = "sock",
	[ASCTP_OBJ_ASSOC] = "assoc",
};

static struct dentry *asctp_debugfs_dir;

#ifdef CONFIG_FAULT_INJECTION_DEBUG_FS
static DECLARE_FAULT_ATTR(asctp_fail_alloc);

bool asctp_obj_fail(size_t size)
{
	return should_fail(&asctp_fail_alloc, size);
}

static void asctp_obj_fail_init(void)
{
	fault_create_debugfs_attr("fail_alloc", asctp_debugfs_dir,
				  &asctp_fail_alloc);
}
#else
static void asctp_obj_fail_init(void)
{
}
#endif

static int asctp_obj_show(struct seq_file *seq, void *v)
{
	int t;

	for (t = 0; t < ASCTP_OBJ_MAX; t++)
		seq_printf(seq, "%-16s%ld\n", asctp_obj_names[t],
			   atomic_long_read(&asctp_obj_live[t]));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(asctp_obj);

int asctp_obj_init(void)
{
	/* debugfs is best effort: a kernel without it still runs asctp. */
	asctp_debugfs_dir = debugfs_create_dir("asctp", NULL);
	debugfs_create_file("objects", 0444, asctp_debugfs_dir, NULL,
			    &asctp_obj_fops);
	asctp_obj_fail_init();
	return 0;
}

void asctp_obj_exit(void)
{
	int t;

	debugfs_remove_recursive(asctp_debugfs_dir);
	for (t = 0; t < ASCTP_OBJ_MAX; t++)
		WARN(atomic_long_read(&asctp_obj_live[t]),
		     "asctp: %ld %s objects leaked\n",
		     atomic_long_read(&asctp_obj_live[t]), asctp_obj_names[t]);
}
