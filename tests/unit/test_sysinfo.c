/* test_sysinfo.c: the cpu, memory, battery and network widgets' data side
 * against fixture files (tests/unit/fixtures, relative to the repository
 * root, where `make unit` runs), and the widgets' texts built from them. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "sysinfo.h"
#include "text_widget.h"

#define FIX	"tests/unit/fixtures/"
#define STAT(n) FIX "proc/stat." n
#define MEM(n)	FIX "proc/meminfo" n
#define PS(n)	FIX "power_supply/" n
#define NET(n)	FIX "net/" n
#define LEN(a)	(sizeof(a) / sizeof((a)[0]))
#define NOWHERE FIX "no/such/file"

/* ---- reading, units, formats ---- */

static char *tmp_dir(void)
{
	char *d = strdup("/tmp/ctile-sysinfo-XXXXXX");
	assert_non_null(d);
	assert_non_null(mkdtemp(d));
	return d;
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void remove_tree(const char *dir)
{
	char cmd[PATH_MAX + 16];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void test_read_is_bounded(void **state)
{
	(void)state;
	char *dir = tmp_dir(), path[PATH_MAX], buf[64];
	/* 10 lines of 10 bytes: only the 6 whole lines that fit are kept. */
	char text[128] = "";
	for (int i = 0; i < 10; i++)
		strcat(text, "123456789\n");
	write_file(dir, "lines", text);
	snprintf(path, sizeof(path), "%s/lines", dir);
	assert_int_equal(sysinfo_read(path, buf, sizeof(buf)), 60);
	assert_int_equal(strlen(buf), 60);
	/* One line longer than the buffer: nothing trustworthy. */
	char big[200];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	write_file(dir, "big", big);
	snprintf(path, sizeof(path), "%s/big", dir);
	assert_int_equal(sysinfo_read(path, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	/* A FIFO with no writer does not block. */
	snprintf(path, sizeof(path), "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(sysinfo_read(path, buf, sizeof(buf)), 0);
	/* A directory and a missing file cannot be read. */
	assert_int_equal(sysinfo_read(dir, buf, sizeof(buf)), -1);
	assert_int_equal(sysinfo_read(NOWHERE, buf, sizeof(buf)), -1);
	assert_int_equal(errno, ENOENT);
	remove_tree(dir);
	free(dir);
}

static void test_human_units(void **state)
{
	(void)state;
	static const struct {
		uint64_t bytes;
		const char *text;
	} cases[] = {
	    {0, "0B"},
	    {999, "999B"},
	    {1000, "1.0K"},
	    {1024, "1.0K"},
	    {1536, "1.5K"},
	    {102400, "100K"},
	    {1023 * 1024, "1.0M"},
	    {1500000, "1.4M"},
	    {16000000ull * 1024, "15.3G"},
	    {512ull << 30, "512G"},
	    {UINT64_MAX, "16.0E"},
	};
	char buf[16];
	for (size_t i = 0; i < LEN(cases); i++) {
		sysinfo_human(cases[i].bytes, buf, sizeof(buf));
		assert_string_equal(buf, cases[i].text);
	}
}

static void test_format(void **state)
{
	(void)state;
	const char *vals[] = {"eth0", "1.2M", "3K"};
	char out[64], small[8];
	sysinfo_format("%i %d↓ %u↑", "idu", vals, out, sizeof(out));
	assert_string_equal(out, "eth0 1.2M↓ 3K↑");
	sysinfo_format("%u%% of 100%%", "u", vals, out, sizeof(out));
	assert_string_equal(out, "eth0% of 100%");
	/* Cut at the buffer, never past it. */
	sysinfo_format("%i %i %i", "i", vals, small, sizeof(small));
	assert_string_equal(small, "eth0 et");
	char *error = NULL;
	assert_true(sysinfo_format_check("format", "cpu %u%%", "u", &error));
	assert_false(sysinfo_format_check("format", "cpu %q", "u", &error));
	assert_string_equal(error, "format=cpu %q: %q is not one of %u %%");
	free(error);
	assert_false(sysinfo_format_check("format", "cpu %", "u", &error));
	assert_string_equal(error, "format=cpu % ends in a lone %");
	free(error);
}

/* ---- cpu ---- */

static void test_cpu_percent_from_a_pair(void **state)
{
	(void)state;
	struct cpu_sample a, b;
	assert_int_equal(sysinfo_cpu_read(STAT("0"), &a), SYSINFO_OK);
	assert_int_equal(sysinfo_cpu_read(STAT("1"), &b), SYSINFO_OK);
	/* user+nice+system+irq+softirq+steal; idle+iowait; guest is in
	 * user already. */
	assert_int_equal(a.busy, 1000 + 50 + 300 + 20 + 30);
	assert_int_equal(a.idle, 8000 + 100);
	/* busy 300+100+10+15+25 = 450 of 450 + 500+50 = 1000 */
	assert_int_equal(sysinfo_cpu_percent(&a, &b), 45);
	/* Old kernels: four fields. */
	assert_int_equal(sysinfo_cpu_read(STAT("old"), &a), SYSINFO_OK);
	assert_int_equal(a.busy, 60);
	assert_int_equal(a.idle, 40);
}

static void test_cpu_percent_edges(void **state)
{
	(void)state;
	struct cpu_sample a = {100, 100}, b = {101, 107};
	assert_int_equal(sysinfo_cpu_percent(&a, &b), 13); /* 12.5 */
	b = (struct cpu_sample){100, 100};
	assert_int_equal(sysinfo_cpu_percent(&a, &b), -1); /* no time */
	b = (struct cpu_sample){200, 90}; /* iowait stepped back */
	assert_int_equal(sysinfo_cpu_percent(&a, &b), 100);
	b = (struct cpu_sample){50, 50}; /* everything went back */
	assert_int_equal(sysinfo_cpu_percent(&a, &b), -1);
	a = (struct cpu_sample){0, 0};
	b = (struct cpu_sample){UINT64_MAX, UINT64_MAX};
	assert_int_equal(sysinfo_cpu_percent(&a, &b), 50);
	/* Saturated, not wrapped. */
	assert_int_equal(sysinfo_cpu_read(STAT("huge"), &a), SYSINFO_OK);
	assert_true(a.busy == UINT64_MAX);
}

static void test_cpu_errors(void **state)
{
	(void)state;
	static const char *const bad[] = {
	    STAT("nocpu"),    STAT("truncated"), STAT("garbage"),
	    STAT("badfield"), STAT("negative"),	 STAT("overflow"),
	    STAT("empty"),
	};
	struct cpu_sample s;
	for (size_t i = 0; i < LEN(bad); i++)
		if (sysinfo_cpu_read(bad[i], &s) != SYSINFO_BAD)
			fail_msg("%s is not SYSINFO_BAD", bad[i]);
	assert_int_equal(sysinfo_cpu_read(NOWHERE, &s), SYSINFO_MISSING);
	assert_int_equal(sysinfo_cpu_read(FIX "proc", &s), SYSINFO_MISSING);
}

/* ---- memory ---- */

static void test_meminfo(void **state)
{
	(void)state;
	struct mem_info m;
	assert_int_equal(sysinfo_mem_read(MEM(""), &m), SYSINFO_OK);
	assert_true(m.total == 16000000ull * 1024);
	assert_true(m.used == 4000000ull * 1024);
	assert_int_equal(sysinfo_mem_percent(&m), 25);
	/* Without MemAvailable: MemFree + Buffers + Cached is free. */
	assert_int_equal(sysinfo_mem_read(MEM(".old"), &m), SYSINFO_OK);
	assert_true(m.used == 400000ull * 1024);
	assert_int_equal(sysinfo_mem_percent(&m), 40);
	/* More available than total: none used, not a wrap. */
	assert_int_equal(sysinfo_mem_read(MEM(".moreavail"), &m), SYSINFO_OK);
	assert_true(m.used == 0);
	assert_int_equal(sysinfo_mem_percent(&m), 0);
}

static void test_meminfo_errors(void **state)
{
	(void)state;
	static const char *const bad[] = {
	    MEM(".garbage"),  MEM(".truncated"), MEM(".zero"),
	    MEM(".overflow"), MEM(".huge"),	 STAT("0"),
	};
	struct mem_info m;
	for (size_t i = 0; i < LEN(bad); i++)
		if (sysinfo_mem_read(bad[i], &m) != SYSINFO_BAD)
			fail_msg("%s is not SYSINFO_BAD", bad[i]);
	assert_int_equal(sysinfo_mem_read(NOWHERE, &m), SYSINFO_MISSING);
}

/* ---- battery ---- */

static struct battery_info battery(const char *dir)
{
	struct battery_info b;
	assert_int_equal(sysinfo_battery_read(dir, &b), SYSINFO_OK);
	return b;
}

static void test_battery_none(void **state)
{
	(void)state;
	/* Mains and a mouse's battery (scope Device) are no battery. */
	struct battery_info b = battery(PS("none"));
	assert_int_equal(b.count, 0);
	assert_int_equal(b.capacity, -1);
	assert_int_equal(battery(PS("empty_slot")).count, 0);
	assert_int_equal(battery(NOWHERE).count, 0);
}

static void test_battery_one_charging(void **state)
{
	(void)state;
	struct battery_info b = battery(PS("charging"));
	assert_int_equal(b.count, 1);
	assert_int_equal(b.capacity, 57);
	assert_int_equal(b.state, BATTERY_CHARGING);
	assert_string_equal(sysinfo_battery_symbol(b.state), "+");
	b = battery(PS("notrail")); /* no newline at the ends of files */
	assert_int_equal(b.capacity, 12);
	assert_int_equal(b.state, BATTERY_CHARGING);
}

static void test_battery_two(void **state)
{
	(void)state;
	/* 80% of 50 Wh and 40% of 30 Wh: 52 of 80 Wh is 65%. Discharging
	 * wins over not charging. */
	struct battery_info b = battery(PS("two"));
	assert_int_equal(b.count, 2);
	assert_int_equal(b.capacity, 65);
	assert_int_equal(b.state, BATTERY_DISCHARGING);
	assert_string_equal(sysinfo_battery_symbol(b.state), "-");
	/* Energy and charge cannot be added: the plain mean, 60.5. */
	b = battery(PS("charge"));
	assert_int_equal(b.count, 2);
	assert_int_equal(b.capacity, 61);
}

static void test_battery_capacity_sources(void **state)
{
	(void)state;
	struct battery_info b = battery(PS("energy")); /* 30 of 40 Wh */
	assert_int_equal(b.capacity, 75);
	assert_int_equal(b.state, BATTERY_FULL);
	assert_string_equal(sysinfo_battery_symbol(b.state), "=");
	assert_int_equal(battery(PS("over")).capacity, 100);
}

static void test_battery_garbage(void **state)
{
	(void)state;
	struct battery_info b = battery(PS("garbage"));
	assert_int_equal(b.count, 1);
	assert_int_equal(b.capacity, -1);
	assert_int_equal(b.state, BATTERY_UNKNOWN);
	assert_string_equal(sysinfo_battery_symbol(b.state), "?");
	b = battery(PS("huge"));
	assert_int_equal(b.count, 1);
	assert_int_equal(b.capacity, -1);
	assert_int_equal(b.state, BATTERY_FULL);
}

/* ---- network ---- */

static void test_net_default_iface(void **state)
{
	(void)state;
	char name[16];
	/* Not lo, not the down wlan0; eth0 (ifindex 2) before wg0 and
	 * docker0. */
	assert_int_equal(sysinfo_net_default(NET("t0"), name, sizeof(name)),
			 SYSINFO_OK);
	assert_string_equal(name, "eth0");
	/* A tunnel says "unknown" but has a carrier. */
	assert_int_equal(sysinfo_net_default(NET("tun"), name, sizeof(name)),
			 SYSINFO_OK);
	assert_string_equal(name, "wg0");
	assert_int_equal(
	    sysinfo_net_default(NET("alldown"), name, sizeof(name)),
	    SYSINFO_OK);
	assert_string_equal(name, "");
	assert_int_equal(sysinfo_net_default(NOWHERE, name, sizeof(name)),
			 SYSINFO_MISSING);
}

static void test_net_rates_from_two_samples(void **state)
{
	(void)state;
	struct net_sample a, b;
	assert_int_equal(sysinfo_net_read(NET("t0"), "eth0", &a), SYSINFO_OK);
	assert_int_equal(sysinfo_net_read(NET("t1"), "eth0", &b), SYSINFO_OK);
	assert_true(a.up && b.up);
	assert_true(a.rx == 1000000 && a.tx == 50000);
	/* 3000000 and 1000 bytes in 2 s. */
	assert_true(sysinfo_net_rate(a.rx, b.rx, 2000) == 1500000);
	assert_true(sysinfo_net_rate(a.tx, b.tx, 2000) == 500);
	assert_true(sysinfo_net_rate(a.tx, b.tx, 3000) == 333);
	char buf[16];
	sysinfo_human(sysinfo_net_rate(a.rx, b.rx, 2000), buf, sizeof(buf));
	assert_string_equal(buf, "1.4M");
	/* A reset counter and no time passed give 0, not a wrap. */
	assert_true(sysinfo_net_rate(b.rx, a.rx, 2000) == 0);
	assert_true(sysinfo_net_rate(a.rx, b.rx, 0) == 0);
	assert_true(sysinfo_net_rate(a.rx, b.rx, -5) == 0);
	assert_true(sysinfo_net_rate(0, UINT64_MAX, 1) == UINT64_MAX);
}

static void test_net_states_and_errors(void **state)
{
	(void)state;
	struct net_sample s;
	assert_int_equal(sysinfo_net_read(NET("t0"), "wlan0", &s), SYSINFO_OK);
	assert_false(s.up);
	assert_int_equal(sysinfo_net_read(NET("t0"), "eth9", &s),
			 SYSINFO_MISSING);
	assert_int_equal(sysinfo_net_read(NET("t0"), "../t1/eth0", &s),
			 SYSINFO_MISSING);
	assert_int_equal(sysinfo_net_read(NOWHERE, "eth0", &s),
			 SYSINFO_MISSING);
	static const char *const broken[] = {"eth0", "eth1", "eth2"};
	for (size_t i = 0; i < LEN(broken); i++) {
		assert_int_equal(sysinfo_net_read(NET("broken"), broken[i], &s),
				 SYSINFO_BAD);
		assert_true(s.rx == 0 && s.tx == 0);
	}
	assert_true(sysinfo_iface_valid("enp3s0f1"));
	assert_false(sysinfo_iface_valid(""));
	assert_false(sysinfo_iface_valid(".."));
	assert_false(sysinfo_iface_valid("a/b"));
	assert_false(sysinfo_iface_valid("sixteen-bytes-ab"));
}

/* ---- the widgets ---- */

static void *widget_new(const char *type, const char *const *kv, size_t n)
{
	char *keys[8], *values[8];
	for (size_t i = 0; i < n; i++) {
		keys[i] = (char *)kv[2 * i];
		values[i] = (char *)kv[2 * i + 1];
	}
	struct widget_args a = {n, keys, values, NULL};
	char *error = NULL;
	void *self = widget_find(type)->create(&a, &error);
	if (!self)
		fail_msg("%s: %s", type, error ? error : "no error");
	return self;
}

static const char *widget_text(void *self)
{
	/* Every one of the four starts with its text_widget. */
	const char *t = ((struct text_widget *)self)->text.text;
	return t ? t : "";
}

static char *widget_error(const char *type, const char *key, const char *val)
{
	char *keys[] = {(char *)key}, *values[] = {(char *)val};
	struct widget_args a = {1, keys, values, NULL};
	char *error = NULL;
	assert_null(widget_find(type)->create(&a, &error));
	assert_non_null(error);
	return error;
}

static void expect_error(const char *type, const char *key, const char *val,
			 const char *want)
{
	char *error = widget_error(type, key, val);
	assert_string_equal(error, want);
	free(error);
}

/* A widget's next update, asked at now: within one interval (and the few
 * ms of lateness), and on a whole multiple of the interval on the wall
 * clock, so widgets with different intervals wake the bar together. */
static void assert_next_tick(int64_t next, int64_t now, int64_t period)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	int64_t wall = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	assert_true(next > now);
	assert_true(next <= now + period + 5);
	int64_t off = (wall + (next - now) - 5) % period;
	/* The wall clock was read a moment after the widget read it. */
	assert_true(off <= 2 || off >= period - 2);
}

static void test_widget_battery(void **state)
{
	(void)state;
	const struct widget_ops *ops = widget_find("battery");
	struct bar_ctx ctx = {NULL, NULL, 1000};
	struct draw_ctx d = {0};
	static const struct {
		const char *path, *text;
	} cases[] = {
	    {PS("charging"), "bat 57% +"},
	    {PS("two"), "bat 65% -"},
	    {PS("energy"), "bat 75% ="},
	    {PS("garbage"), "bat ?% ?"},
	    {PS("none"), ""},
	    {NOWHERE, ""},
	};
	for (size_t i = 0; i < LEN(cases); i++) {
		const char *kv[] = {"path", cases[i].path};
		void *self = widget_new("battery", kv, 1);
		assert_true(ops->update(self, &ctx));
		assert_string_equal(widget_text(self), cases[i].text);
		assert_false(ops->update(self, &ctx)); /* nothing changed */
		if (!*cases[i].text)		       /* hidden */
			assert_int_equal(ops->measure(self, &d), 0);
		assert_next_tick(ops->next_wakeup_ms(self, 1000), 1000, 30000);
		ops->destroy(self);
	}
	const char *kv[] = {"path",	PS("two"),  "format",
			    "%c|%s|%%", "interval", "60"};
	void *self = widget_new("battery", kv, 3);
	ops->update(self, &ctx);
	assert_string_equal(widget_text(self), "65|-|%");
	assert_next_tick(ops->next_wakeup_ms(self, 0), 0, 60000);
	ops->destroy(self);
}

static void test_widget_network(void **state)
{
	(void)state;
	const struct widget_ops *ops = widget_find("network");
	struct bar_ctx ctx = {NULL, NULL, 1000};
	static const struct {
		const char *path, *iface, *text;
	} cases[] = {
	    {NET("t0"), NULL, "eth0 0B↓ 0B↑"}, /* no rate from one sample */
	    {NET("t0"), "wlan0", "wlan0 down"},
	    {NET("t0"), "eth9", "net: no eth9"},
	    {NET("alldown"), NULL, "net down"},
	    {NET("broken"), "eth1", "eth1: no counters"},
	    {NOWHERE, NULL, "net: no " NOWHERE},
	};
	for (size_t i = 0; i < LEN(cases); i++) {
		const char *kv[] = {"path", cases[i].path, "iface",
				    cases[i].iface};
		void *self = widget_new("network", kv, cases[i].iface ? 2 : 1);
		assert_true(ops->update(self, &ctx));
		assert_string_equal(widget_text(self), cases[i].text);
		assert_next_tick(ops->next_wakeup_ms(self, 1000), 1000, 2000);
		ops->destroy(self);
	}
}

/* Rates from the widget itself, its counters changed between updates. */
static void test_widget_network_rates(void **state)
{
	(void)state;
	const struct widget_ops *ops = widget_find("network");
	char *dir = tmp_dir(), sub[PATH_MAX];
	snprintf(sub, sizeof(sub), "%s/eth0", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(sub, sizeof(sub), "%s/eth0/statistics", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	write_file(dir, "eth0/operstate", "up\n");
	write_file(dir, "eth0/statistics/rx_bytes", "1000000\n");
	write_file(dir, "eth0/statistics/tx_bytes", "50000\n");
	const char *kv[] = {"path", dir, "format", "%d %u"};
	void *self = widget_new("network", kv, 2);
	struct bar_ctx ctx = {NULL, NULL, 10000};
	assert_true(ops->update(self, &ctx));
	assert_string_equal(widget_text(self), "0B 0B");
	write_file(dir, "eth0/statistics/rx_bytes", "4000000\n");
	write_file(dir, "eth0/statistics/tx_bytes", "51000\n");
	ctx.now_ms += 2000;
	assert_true(ops->update(self, &ctx));
	assert_string_equal(widget_text(self), "1.4M 500B");
	/* Reset counters (the interface went down and up): 0, not 16E. */
	write_file(dir, "eth0/statistics/rx_bytes", "10\n");
	ctx.now_ms += 2000;
	assert_true(ops->update(self, &ctx));
	assert_string_equal(widget_text(self), "0B 0B");
	/* With no iface= given, no interface up is the network down. */
	write_file(dir, "eth0/operstate", "down\n");
	assert_true(ops->update(self, &ctx));
	assert_string_equal(widget_text(self), "net down");
	ops->destroy(self);
	remove_tree(dir);
	free(dir);
}

static void test_widget_cpu_and_memory(void **state)
{
	(void)state;
	/* This machine's own /proc: only the shapes can be checked. */
	const struct widget_ops *cpu = widget_find("cpu");
	struct bar_ctx ctx = {NULL, NULL, 0};
	void *self = widget_new("cpu", NULL, 0);
	assert_false(cpu->update(self, &ctx)); /* one sample: no text */
	assert_string_equal(widget_text(self), "");
	assert_next_tick(cpu->next_wakeup_ms(self, 500), 500, 2000);
	usleep(20000);
	cpu->update(self, &ctx);
	cpu->destroy(self);

	const struct widget_ops *mem = widget_find("memory");
	const char *kv[] = {"format", "%u/%t %p%%", "interval", "1"};
	self = widget_new("memory", kv, 2);
	assert_true(mem->update(self, &ctx));
	const char *t = widget_text(self);
	assert_non_null(strchr(t, '/'));
	assert_int_equal(t[strlen(t) - 1], '%');
	assert_next_tick(mem->next_wakeup_ms(self, 500), 500, 1000);
	mem->destroy(self);
	self = widget_new("memory", NULL, 0);
	assert_true(mem->update(self, &ctx));
	assert_memory_equal(widget_text(self), "mem ", 4);
	assert_next_tick(mem->next_wakeup_ms(self, 0), 0, 5000);
	mem->destroy(self);
}

static void test_widget_option_errors(void **state)
{
	(void)state;
	expect_error("cpu", "interval", "0",
		     "interval=0 is not a whole number >= 1");
	expect_error("memory", "interval", "ten",
		     "interval=ten is not a whole number >= 1");
	expect_error("battery", "interval", "100000",
		     "interval= is more than a day (86400)");
	expect_error("cpu", "format", "", "format= is empty");
	expect_error("cpu", "format", "%p",
		     "format=%p: %p is not one of %u %%");
	expect_error("memory", "format", "%c",
		     "format=%c: %c is not one of %u %t %p %%");
	expect_error("battery", "format", "bat %",
		     "format=bat % ends in a lone %");
	expect_error("battery", "path", "", "path= is empty");
	expect_error("network", "path", "", "path= is empty");
	expect_error("network", "iface", "a/b",
		     "iface=a/b is not an interface name");
	expect_error("network", "format_down", "%d",
		     "format_down=%d: %d is not one of %i %%");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_read_is_bounded),
	    cmocka_unit_test(test_human_units),
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_cpu_percent_from_a_pair),
	    cmocka_unit_test(test_cpu_percent_edges),
	    cmocka_unit_test(test_cpu_errors),
	    cmocka_unit_test(test_meminfo),
	    cmocka_unit_test(test_meminfo_errors),
	    cmocka_unit_test(test_battery_none),
	    cmocka_unit_test(test_battery_one_charging),
	    cmocka_unit_test(test_battery_two),
	    cmocka_unit_test(test_battery_capacity_sources),
	    cmocka_unit_test(test_battery_garbage),
	    cmocka_unit_test(test_net_default_iface),
	    cmocka_unit_test(test_net_rates_from_two_samples),
	    cmocka_unit_test(test_net_states_and_errors),
	    cmocka_unit_test(test_widget_battery),
	    cmocka_unit_test(test_widget_network),
	    cmocka_unit_test(test_widget_network_rates),
	    cmocka_unit_test(test_widget_cpu_and_memory),
	    cmocka_unit_test(test_widget_option_errors),
	};
	return cmocka_run_group_tests_name("sysinfo", tests, NULL, NULL);
}
