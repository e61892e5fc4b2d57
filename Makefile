# Makefile: builds, tests and installs ctile. GNU make and pkg-config only.
#
#   make                 build build/ctile
#   make run             install missing packages, build, try it (scripts/run.sh)
#   make check           install missing packages, build, unit tests, a short
#                        fuzz of each parser, the bench smoke, e2e tests
#   make unit | e2e      one of the two test suites
#   make fuzz            fuzz each parser for FUZZ_SECONDS (60) with libFuzzer
#   make bench           ctile against its peers and the raw X floor
#                        (tests/bench/); QUICK=1 for a reduced run
#   make install         PREFIX=/usr/local DESTDIR= SYSCONFDIR=/etc
#   make format          clang-format every .c/.h; format-check only checks
#
# SANITIZE=1 builds with AddressSanitizer and UndefinedBehaviorSanitizer;
# CI=true turns warnings into errors.

VERSION := 0.1.0

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
XSESSIONSDIR ?= $(DATADIR)/xsessions
SYSCONFDIR ?= /etc
DESTDIR    ?=

PKG_CONFIG ?= pkg-config
PYTHON     ?= /usr/bin/python3
INSTALL    ?= install

include pkgs.mk

B := build

# The version: the release number, plus where in git this build comes from
# (what `git describe --always --dirty` says). Asked without taking git's
# optional locks and whoever owns the tree, so that `sudo make install` after
# `make` computes the same version, rebuilds nothing and writes nothing in .git.
GIT := GIT_OPTIONAL_LOCKS=0 git -c safe.directory='*'
GIT_DESCRIBE := $(shell test -e .git && $(GIT) describe --always 2>/dev/null)
GIT_DIRTY := $(if $(GIT_DESCRIBE),$(shell $(GIT) status --porcelain \
	--untracked-files=no 2>/dev/null | head -n 1))
CTILE_VERSION := $(VERSION)$(if $(GIT_DESCRIBE),-$(GIT_DESCRIBE)$(if \
	$(GIT_DIRTY),-dirty))

# Evaluated once, on first use, so that `make clean` or the deps.sh step of
# `make check` need no pkg-config and nothing calls it per object.
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(shell $(PKG_CONFIG) --cflags $(PKGS)))$(PKG_CFLAGS)
PKG_LIBS = $(eval PKG_LIBS := $$(shell $(PKG_CONFIG) --libs $(PKGS)))$(PKG_LIBS)

CFLAGS ?= -O2 -g
WARNINGS := -Wall -Wextra
ifneq ($(filter true 1 yes,$(CI)),)
WARNINGS += -Werror
endif
SANITIZE_FLAGS :=
ifneq ($(filter-out 0,$(SANITIZE)),)
SANITIZE_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1
endif

ALL_CPPFLAGS = -D_GNU_SOURCE -DCTILE_VERSION=\"$(CTILE_VERSION)\" \
	-Isrc -Ilayouts -Iwidgets -I$(B) $(CPPFLAGS)
ALL_CFLAGS = -std=c11 $(WARNINGS) $(CFLAGS) $(SANITIZE_FLAGS) $(PKG_CFLAGS)
ALL_LDFLAGS = $(SANITIZE_FLAGS) $(LDFLAGS)
LDLIBS_ALL = $(PKG_LIBS) $(LDLIBS) -lm

# Sources: every .c under src/, layouts/ and widgets/, plus the built-in
# default config generated from config/config.
SRCS := $(wildcard src/*.c layouts/*.c widgets/*.c)
GEN_SRCS := $(B)/default_config.c
OBJS := $(SRCS:%.c=$(B)/%.o) $(GEN_SRCS:.c=.o)
MAIN_OBJ := $(B)/src/main.o
LIB_OBJS := $(filter-out $(MAIN_OBJ),$(OBJS))

# Unit tests: each tests/unit/test_*.c is one program, linked with every
# object but main.o (and any other .c in tests/unit, for shared helpers).
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_HELPERS := $(filter-out $(UNIT_SRCS),$(wildcard tests/unit/*.c))
UNIT_HELPER_OBJS := $(UNIT_HELPERS:%.c=$(B)/%.o)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)

FORMAT_FILES = $(wildcard src/*.[ch] layouts/*.[ch] widgets/*.[ch] \
	tests/unit/*.[ch] tests/fuzz/*.[ch] tests/bench/*.[ch] tests/bench/textcost/*.c \
	tests/e2e/*.[ch])

.DELETE_ON_ERROR:
.PHONY: all run check unit e2e fuzz fuzz-build install uninstall clean format \
	format-check bench FORCE

all: $(B)/ctile

$(B)/ctile: $(OBJS)
	$(CC) $(ALL_LDFLAGS) -o $@ $(OBJS) $(LDLIBS_ALL)

# Everything is rebuilt when the compiler, the flags or the version change
# (SANITIZE=1 after a plain build must not test the plain objects).
FLAGS_LINE = $(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(LDLIBS_ALL)
$(B)/flags: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' '$(FLAGS_LINE)' | cmp -s - $@ || \
		printf '%s\n' '$(FLAGS_LINE)' > $@
FORCE:

$(B)/%.o: %.c $(B)/flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/default_config.o: $(B)/default_config.c $(B)/flags
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The built-in default config is config/config itself, so the two never differ.
$(B)/default_config.c: config/config scripts/embed.awk
	@mkdir -p $(@D)
	LC_ALL=C awk -v name=ctile_default_config -v src=config/config \
		-f scripts/embed.awk config/config > $@.tmp
	@mv $@.tmp $@

$(UNIT_BINS): $(B)/tests/%: $(B)/tests/unit/%.o $(UNIT_HELPER_OBJS) $(LIB_OBJS)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS_ALL) -lcmocka -lm

-include $(wildcard $(B)/*.d $(B)/*/*.d $(B)/*/*/*.d)

# Try it: nested in Xephyr when $DISPLAY is set, else headless with a screenshot.
run:
	@bash scripts/deps.sh run
	@$(MAKE) --no-print-directory all
	@bash scripts/run.sh

# The two test runners, as shell commands that exit non-zero on failure.
# unit runs every test program even when one fails.
RUN_UNIT = \
	if [ -z "$(UNIT_BINS)" ]; then \
		echo "unit: no tests/unit/test_*.c: nothing was tested" >&2; \
		exit 1; \
	fi; \
	failed=""; \
	for t in $(UNIT_BINS); do \
		echo "== $$t"; \
		./$$t || failed="$$failed $${t\#\#*/}"; \
	done; \
	if [ -n "$$failed" ]; then \
		echo "unit: FAILED:$$failed" >&2; \
		exit 1; \
	fi

# pytest exits 5 when it found no test: that is a failure, not a pass.
RUN_E2E = \
	LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp) \
	CTILE_BIN=$(abspath $(B)/ctile) $(PYTHON) -m pytest -n 2 \
		-p no:cacheprovider -q tests/e2e; \
	rc=$$?; \
	if [ $$rc -eq 5 ]; then \
		echo "e2e: no tests collected in tests/e2e" >&2; \
	fi; \
	exit $$rc

# The bench smoke: the load generator built and run against ctile (N = 10,
# 3 switches), to keep the harness working; how fast is not checked.
RUN_BENCH_SMOKE = $(MAKE) --no-print-directory -f tests/bench/bench.mk smoke

# Every suite runs even when one before it fails; the runners' own summaries
# end the output, and the exit status says whether anything failed. The
# fuzzers and the bench smoke run between the two, briefly
# (FUZZ_CHECK_SECONDS).
check:
	@bash scripts/deps.sh check
	@$(MAKE) --no-print-directory all $(UNIT_BINS) $(FUZZ_BINS)
	@rc=0; \
	( $(RUN_UNIT) ) || rc=1; \
	( $(call RUN_FUZZ,$(FUZZ_CHECK_SECONDS),$(FUZZ_CHECK_BIG_SECONDS)) ) \
		|| rc=1; \
	( $(RUN_BENCH_SMOKE) ) || rc=1; \
	( $(RUN_E2E) ) || rc=1; \
	exit $$rc

unit: $(UNIT_BINS)
	@$(RUN_UNIT)

e2e: $(B)/ctile
	@$(RUN_E2E)

# The benchmark: packages (peers as root), ctile, then tests/bench/bench.mk.
bench:
	@bash scripts/deps.sh bench
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory -f tests/bench/bench.mk bench

# Fuzzing: each tests/fuzz/fuzz_NAME.c is a libFuzzer target, built with
# clang, AddressSanitizer (leak checks included) and UndefinedBehavior-
# Sanitizer, linked with every object but main.o. Those objects are built
# apart in build/fuzz/, so a plain build is untouched. tests/fuzz/run.sh
# runs them from seed corpora copied into build/fuzz/corpus_NAME/, and
# fails on any crash, leak, sanitizer report or timeout (the input is kept
# in build/fuzz/artifacts/NAME/). FUZZ_SECONDS=0 only replays the corpora.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
# ...and the config target once more with inputs up to 1.1 MB (1 MB lines).
FUZZ_BIG_SECONDS ?= 10
FB := $(B)/fuzz
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
# Any other .c in tests/fuzz is linked into every target (shared helpers).
FUZZ_HELPERS := $(filter-out $(FUZZ_SRCS),$(wildcard tests/fuzz/*.c))
FUZZ_NAMES := $(FUZZ_SRCS:tests/fuzz/fuzz_%.c=%)
FUZZ_BINS := $(FUZZ_NAMES:%=$(FB)/fuzz_%)
FUZZ_OBJS := $(LIB_OBJS:$(B)/%=$(FB)/%)
FUZZ_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c11 $(WARNINGS) -O1 -g $(FUZZ_SANITIZE) $(PKG_CFLAGS)
FUZZ_LDFLAGS = -fsanitize=fuzzer $(FUZZ_SANITIZE) $(LDFLAGS)
# make check fuzzes briefly, unless FUZZ_SECONDS is given to it.
given = $(filter command line environment,$(origin $(1)))
FUZZ_CHECK_SECONDS = $(if $(call given,FUZZ_SECONDS),$(FUZZ_SECONDS),10)
FUZZ_CHECK_BIG_SECONDS = $(if $(call given,FUZZ_BIG_SECONDS), \
	$(FUZZ_BIG_SECONDS),3)
RUN_FUZZ = bash tests/fuzz/run.sh $(FB) $(1) $(2) $(FUZZ_NAMES)

fuzz-build: $(FUZZ_BINS)

fuzz: $(FUZZ_BINS)
	@$(call RUN_FUZZ,$(FUZZ_SECONDS),$(FUZZ_BIG_SECONDS))

FUZZ_FLAGS_LINE = $(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_LDFLAGS) \
	$(LDLIBS_ALL)
$(FB)/flags: FORCE
	@mkdir -p $(@D)
	@command -v $(FUZZ_CC) >/dev/null || { echo "make fuzz needs" \
		"$(FUZZ_CC) and its libFuzzer runtime (Debian 12: clang" \
		"libclang-rt-14-dev; scripts/deps.sh check installs them)" >&2; \
		exit 1; }
	@printf '%s\n' '$(FUZZ_FLAGS_LINE)' | cmp -s - $@ || \
		printf '%s\n' '$(FUZZ_FLAGS_LINE)' > $@

# The library objects take coverage hooks; only the targets pull in
# libFuzzer's main.
$(FB)/%.o: %.c $(FB)/flags
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
		-MMD -MP -c -o $@ $<

$(FB)/default_config.o: $(B)/default_config.c $(FB)/flags
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
		-MMD -MP -c -o $@ $<

$(FUZZ_BINS): $(FB)/fuzz_%: $(FB)/tests/fuzz/fuzz_%.o \
		$(FUZZ_HELPERS:%.c=$(FB)/%.o) $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_LDFLAGS) -o $@ $^ $(LDLIBS_ALL) -lm

-include $(wildcard $(FB)/*.d $(FB)/*/*.d $(FB)/*/*/*.d)

install: $(B)/ctile
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(SYSCONFDIR)/xdg/ctile $(DESTDIR)$(XSESSIONSDIR)
	$(INSTALL) -m 755 $(B)/ctile $(DESTDIR)$(BINDIR)/ctile
	$(INSTALL) -m 644 doc/ctile.1 $(DESTDIR)$(MANDIR)/man1/ctile.1
	$(INSTALL) -m 644 doc/ctile.5 $(DESTDIR)$(MANDIR)/man5/ctile.5
	$(INSTALL) -m 644 config/config $(DESTDIR)$(SYSCONFDIR)/xdg/ctile/config
	$(INSTALL) -m 644 config/ctile.desktop \
		$(DESTDIR)$(XSESSIONSDIR)/ctile.desktop

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ctile $(DESTDIR)$(MANDIR)/man1/ctile.1 \
		$(DESTDIR)$(MANDIR)/man5/ctile.5 \
		$(DESTDIR)$(SYSCONFDIR)/xdg/ctile/config \
		$(DESTDIR)$(XSESSIONSDIR)/ctile.desktop
	rmdir $(DESTDIR)$(SYSCONFDIR)/xdg/ctile 2>/dev/null || true

clean:
	rm -rf $(B)

format:
	$(if $(FORMAT_FILES),clang-format -i $(FORMAT_FILES),@:)

format-check:
	$(if $(FORMAT_FILES),clang-format --dry-run --Werror $(FORMAT_FILES),@:)
