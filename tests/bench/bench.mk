# bench.mk: builds the load generator and runs `make bench` (tests/bench/run.sh).
# Called by the root Makefile's bench target, which builds ctile first.
#
#   make bench            the full run (about 20 minutes on 2 cores)
#   make bench QUICK=1    a reduced run (under 2 minutes)
#   make -f tests/bench/bench.mk smoke
#                         the generator against ctile, N = 10, 3 repetitions:
#                         checks that the detector sees the switch, and
#                         that each textcost build draws and prints its RSS

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

.PHONY: bench smoke ctbench textcost
.DELETE_ON_ERROR:

# textcost (tests/bench/textcost/): the bar's text drawn with each text stack
# ctile could use, one build per stack, each linked with ctile's other
# libraries (loaded whether used or not, as in ctile): pkgs.mk's PKGS.
include pkgs.mk
TEXTCOST_BASE = $(filter-out cairo cairo-xcb pangocairo,$(PKGS))
# Per stack: the define that selects it, then its pkg-config modules.
TEXTCOST_pango := TEXT_PANGO cairo-xcb pangocairo
TEXTCOST_harfbuzz := TEXT_HARFBUZZ cairo-xcb cairo-ft harfbuzz freetype2 \
	fontconfig
TEXTCOST_cairo := TEXT_CAIRO cairo-xcb
TEXTCOST := $(addprefix $(B)/bench/textcost-,pango harfbuzz cairo)

bench: $(CTBENCH) $(TEXTCOST)
	@QUICK=$(QUICK) CTBENCH=$(CTBENCH) TEXTCOST="$(TEXTCOST)" \
		bash tests/bench/run.sh

smoke: $(CTBENCH) $(TEXTCOST)
	@CTBENCH=$(CTBENCH) TEXTCOST="$(TEXTCOST)" bash tests/bench/smoke.sh

textcost: $(TEXTCOST)

ctbench: $(CTBENCH)

$(CTBENCH): $(BENCH_OBJS)
	$(CC) -o $@ $^ $$($(PKG_CONFIG) --libs $(BENCH_PKGS)) -lm

$(B)/bench/%.o: tests/bench/%.c $(wildcard tests/bench/*.h) tests/bench/bench.mk
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARNINGS) $(CFLAGS) \
		$$($(PKG_CONFIG) --cflags $(BENCH_PKGS)) -c -o $@ $<

$(B)/bench/textcost-%: tests/bench/textcost/textcost.c tests/bench/bench.mk pkgs.mk
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARNINGS) $(CFLAGS) -D$(firstword $(TEXTCOST_$*)) \
		$$($(PKG_CONFIG) --cflags $(wordlist 2,9,$(TEXTCOST_$*))) \
		-o $@ $< -Wl,--no-as-needed $$($(PKG_CONFIG) --libs \
		$(TEXTCOST_BASE) $(wordlist 2,9,$(TEXTCOST_$*)))
