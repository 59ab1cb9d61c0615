# SPDX-License-Identifier: GPL-2.0
#
# asctp: see README.  The module's objects are listed in module/Kbuild.
#
#   make                  asctp.ko for the debug test kernel (build/debug/module/)
#   make KDIR=<dir>       asctp.ko for a real kernel, built in place (module/)
#   make check            everything, then one line "N passed, N failed"
#   make demo             boot the test VM, load asctp, show it working
#   make stress           the long runs: transfers of 32 MiB under netem,
#                         an INIT flood of 1,000,000
#   make fuzz             libFuzzer on the chunk parsers and the TSN map, in
#                         userspace (selftests/fuzz): FUZZ_TIME=300 seconds
#                         in all, FUZZ_SEED=N repeats a run; fuzz-replay
#                         runs the corpus once, fuzz-merge adds the finds
#   make pktfuzz          500000 fuzzed packets at live associations
#                         (selftests/pktfuzz.sh; PKTFUZZ_SEED=, PKTFUZZ_COUNT=)
#   make bench            asctp against the kernel's sctp.ko and TCP in one VM
#                         with the plain kernel (selftests/bench): the table
#                         at the end and in build/bench/table; BENCH_FIGURES=,
#                         BENCH_REPEATS=, BENCH_TIME=... (see bench.sh)
#   make interop          asctp in one VM against the kernel's sctp.ko in another,
#                         checked packet by packet (selftests/interop.sh)
#   make vm CMD='...'     run a host command in a fresh VM with asctp loaded
#                         FLAVOUR=debug|plain  LOAD=asctp|sctp|none  MODARGS=...
#   make deps             install the Debian packages the above need
#   make kernels          build (or find in the cache) both test kernels

# one build of a kernel at a time: a second would wipe the tree under it
BUILD_KERNEL = flock /tmp/asctp-kernel-$(1).lock selftests/kernel/build.sh $(1)
FLAVOUR ?= debug
LOAD ?= asctp
MODARGS ?=
CMD ?= true
SRCS := Kbuild module uapi

ifdef KDIR
all:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules
else
all: module-debug
endif

# A mirror per kernel keeps the objects of each build apart.
module-%:
	@kdir=$$($(call BUILD_KERNEL,$*) | tail -n 1) && \
	mkdir -p build/$* && cp -ru --preserve=timestamps $(SRCS) build/$*/ && \
	$(MAKE) -C $$kdir M=$(CURDIR)/build/$* $(KBUILD_ARGS) modules

# The selftests' C programs, next to their sources (selftests/tools/).
selftest-tools:
	$(MAKE) -C selftests all

vm: module-$(FLAVOUR) selftest-tools
	selftests/vm/run.sh -f $(FLAVOUR) -l $(LOAD) -a "$(MODARGS)" -- '$(CMD)'

check:
	selftests/check.sh

# Long runs kept out of make check: the transfer suite at 32 MiB a case,
# a million spoofed INITs.
stress: module-debug selftest-tools
	selftests/vm/run.sh -f debug -l asctp -t 3600 -- \
		'cd $(CURDIR)/selftests && ASCTP_XFER_BYTES=32M ./transfer.sh && \
		 ASCTP_FLOOD_INITS=1000000 ./flood.sh'
	$(MAKE) pktfuzz

# No VM, no kernel: module sources compiled for userspace.
FUZZ_TIME ?= 300
fuzz:
	selftests/fuzz/run.sh -t $(FUZZ_TIME) $(if $(FUZZ_SEED),-s $(FUZZ_SEED))

fuzz-replay:
	selftests/fuzz/run.sh -r

fuzz-merge:
	selftests/fuzz/run.sh -m

# The packet fuzzer's long run, in the debug kernel; the seed it prints
# (PKTFUZZ_SEED) replays it, with the same PKTFUZZ_COUNT.
PKTFUZZ_COUNT ?= 500000
PKTFUZZ_PAUSE ?= 4
pktfuzz: module-debug selftest-tools
	selftests/vm/run.sh -f debug -l asctp -t 5400 -- \
		'cd $(CURDIR)/selftests && PKTFUZZ_COUNT=$(PKTFUZZ_COUNT) PKTFUZZ_SEED=$(PKTFUZZ_SEED) PKTFUZZ_PAUSE=$(PKTFUZZ_PAUSE) ./pktfuzz.sh'

demo:
	selftests/demo.sh

# asctp on ipproto=253 next to sctp.ko on 132 and TCP, in the plain
# (non-debug) kernel; bench.sh's settings pass through from the
# environment or the command line.
BENCH_VARS := BENCH_REPEATS BENCH_TIME BENCH_IDLE BENCH_MANY BENCH_BIG_REPEATS BENCH_FULL
bench: module-plain selftest-tools
	selftests/vm/run.sh -f plain -l asctp -a ipproto=253 -t 3600 -o build/bench \
		$(foreach v,$(BENCH_VARS),$(if $($(v)),-e '$(v)=$($(v))')) -- \
		'cd $(CURDIR)/selftests/bench && BENCH_OUT=$$ASCTP_RESULTS/table ./bench.sh $(BENCH_FIGURES)'

# Two VMs: asctp in A, the kernel's sctp.ko in B (selftests/vm/run2.sh);
# the capture is checked on the host.
interop: module-debug selftest-tools
	selftests/interop.sh -o build/interop -t 900

# sockabuse.golden: the kernel's sctp.ko's answers to tools/sockabuse,
# which selftests/sockabuse.sh compares asctp's with; abuse-live runs
# both stacks in one VM (asctp on ipproto=253) and compares them live.
abuse-golden: module-debug selftest-tools
	selftests/vm/run.sh -f debug -l sctp -o build/abuse-golden -- \
		'ASCTP_ABUSE=golden selftests/sockabuse.sh' && \
	cp build/abuse-golden/sockabuse.golden selftests/sockabuse.golden

abuse-live: module-debug selftest-tools
	selftests/vm/run.sh -f debug -l asctp -a ipproto=253 -o build/abuse-live -- \
		'ASCTP_ABUSE=live selftests/sockabuse.sh'

deps:
	selftests/deps.sh

kernels:
	$(call BUILD_KERNEL,debug) && $(call BUILD_KERNEL,plain)

clean:
	rm -rf build
	$(MAKE) -C selftests clean
	find module \( -name '*.o' -o -name '*.ko' -o -name '.*.cmd' -o -name '*.mod' \
		-o -name '*.mod.c' -o -name modules.order -o -name Module.symvers \) -delete

.PHONY: all selftest-tools vm check demo interop stress pktfuzz deps kernels clean bench
.PHONY: fuzz fuzz-replay fuzz-merge abuse-golden abuse-live
