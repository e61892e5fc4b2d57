# bench.mk: builds the load generator and runs `make bench` (tests/bench/run.sh).
# Called by the root Makefile's bench target, which builds ctile first.
#
#   make bench            the full run (about 20 minutes on 2 cores)
#   make bench QUICK=1    a reduced run (under 2 minutes)
#   make -f tests/bench/bench.mk smoke
#                         the generator against ctile, N = 10, 3 repetitions:
#                         checks that the detector sees the switch

B := build
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
WARNINGS := -Wall -Wextra
ifneq ($(filter true 1 yes,$(CI)),)
WARNINGS += -Werror
endif
BENCH_PKGS := xcb xcb-xtest xcb-record
BENCH_SRCS := $(wildcard tests/bench/*.c)
BENCH_OBJS := $(BENCH_SRCS:tests/bench/%.c=$(B)/bench/%.o)
CTBENCH := $(B)/bench/ctbench

.PHONY: bench smoke ctbench
.DELETE_ON_ERROR:

bench: $(CTBENCH)
	@QUICK=$(QUICK) CTBENCH=$(CTBENCH) bash tests/bench/run.sh

smoke: $(CTBENCH)
	@CTBENCH=$(CTBENCH) bash tests/bench/smoke.sh

ctbench: $(CTBENCH)

$(CTBENCH): $(BENCH_OBJS)
	$(CC) -o $@ $^ $$($(PKG_CONFIG) --libs $(BENCH_PKGS)) -lm

$(B)/bench/%.o: tests/bench/%.c $(wildcard tests/bench/*.h) tests/bench/bench.mk
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARNINGS) $(CFLAGS) \
		$$($(PKG_CONFIG) --cflags $(BENCH_PKGS)) -c -o $@ $<
