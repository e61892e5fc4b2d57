/* sysinfo.c: parses /proc/stat, /proc/meminfo, a power_supply directory and
 * /sys/class/net from the paths it is given. Every file may be missing,
 * truncated or garbage: reads are bounded and every number is checked. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sysinfo.h"

/* /proc/meminfo is about 1.5 KiB; the "cpu" line comes first in /proc/stat,
 * and sysfs attributes are a word or a number. */
#define SYSINFO_FILE_MAX 8192
#define SYSINFO_ATTR_MAX 64
/* Bounds on the entries looked at in a directory. */
#define SYSINFO_DIR_MAX 1024

ssize_t sysinfo_read(const char *path, char *buf, size_t cap)
{
	if (!cap) {
		errno = EINVAL;
		return -1;
	}
	buf[0] = '\0';
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return -1;
	size_t n = 0;
	while (n < cap - 1) {
		ssize_t r = read(fd, buf + n, cap - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	if (n == cap - 1) { /* there may be more: keep whole lines only */
		char *nl = memrchr(buf, '\n', n);
		n = nl ? (size_t)(nl - buf) + 1 : 0;
		buf[n] = '\0';
	}
	return (ssize_t)n;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A decimal number after blanks, ending at a blank, a newline or the end:
 * no sign, no overflow, no "12abc". */
static bool parse_u64(const char **s, uint64_t *out)
{
	const char *p = *s;
	while (is_blank(*p))
		p++;
	if (!is_digit(*p))
		return false;
	uint64_t v = 0;
	for (; is_digit(*p); p++) {
		unsigned d = (unsigned)(*p - '0');
		if (v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (*p && !is_blank(*p) && *p != '\n')
		return false;
	*s = p;
	*out = v;
	return true;
}

/* Only blanks from p to the end of the line? */
static bool rest_blank(const char *p)
{
	while (is_blank(*p))
		p++;
	return !*p || *p == '\n';
}

static uint64_t add_sat(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static uint64_t sub_sat(uint64_t a, uint64_t b)
{
	return a > b ? a - b : 0;
}

static int percent(uint64_t part, uint64_t whole)
{
	if (!whole)
		return -1;
	if (part > whole)
		part = whole;
	return (int)((double)part * 100.0 / (double)whole + 0.5);
}

/* The line of buf that starts with key followed by sep, just after sep. */
static const char *find_line(const char *buf, const char *key, char sep)
{
	size_t len = strlen(key);
	for (const char *l = buf; *l;) {
		if (!strncmp(l, key, len) && l[len] == sep)
			return l + len + 1;
		const char *nl = strchr(l, '\n');
		if (!nl)
			break;
		l = nl + 1;
	}
	return NULL;
}

void sysinfo_human(uint64_t bytes, char *buf, size_t cap)
{
	static const char units[] = "BKMGTPE";
	if (bytes < 1000) {
		snprintf(buf, cap, "%uB", (unsigned)bytes);
		return;
	}
	/* Never four digits: 1000..1023 of a unit is 1.0 of the next. */
	double v = (double)bytes;
	size_t u = 0;
	while (v >= 999.5 && u + 2 < sizeof(units))
		v /= 1024, u++;
	snprintf(buf, cap, v < 99.95 ? "%.1f%c" : "%.0f%c", v, units[u]);
}

bool sysinfo_format_check(const char *key, const char *fmt, const char *convs,
			  char **error)
{
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		p++;
		if (*p && (*p == '%' || strchr(convs, *p)))
			continue;
		char known[64] = "";
		for (const char *c = convs; *c && strlen(known) + 4 < 64; c++)
			sprintf(known + strlen(known), "%%%c ", *c);
		int r =
		    *p ? asprintf(error, "%s=%s: %%%c is not one of %s%%%%",
				  key, fmt, *p, known)
		       : asprintf(error, "%s=%s ends in a lone %%", key, fmt);
		if (r < 0)
			*error = NULL;
		return false;
	}
	return true;
}

void sysinfo_format(const char *fmt, const char *convs, const char *const *vals,
		    char *out, size_t cap)
{
	size_t n = 0;
	if (!cap)
		return;
	for (const char *p = fmt; *p && n + 1 < cap; p++) {
		const char *c = NULL;
		if (*p == '%' && p[1] == '%')
			p++; /* a literal % */
		else if (*p == '%' && p[1] && (c = strchr(convs, p[1])))
			p++;
		if (!c) {
			out[n++] = *p;
			continue;
		}
		size_t len = strlen(vals[c - convs]);
		if (len > cap - 1 - n)
			len = cap - 1 - n;
		memcpy(out + n, vals[c - convs], len);
		n += len;
	}
	out[n] = '\0';
}

bool sysinfo_options(const struct widget_args *a, long def_interval,
		     const char *def_format, const char *convs, long *interval,
		     char **format, char **error)
{
	if (!widget_arg_int(a, "interval", def_interval, 1, interval, error))
		return false;
	if (*interval > 86400) {
		*error = strdup("interval= is more than a day (86400)");
		return false;
	}
	const char *f = widget_arg(a, "format");
	if (f && !*f) {
		*error = strdup("format= is empty");
		return false;
	}
	if (!f)
		f = def_format;
	if (!sysinfo_format_check("format", f, convs, error))
		return false;
	*format = strdup(f);
	return *format != NULL;
}

enum sysinfo_status sysinfo_cpu_read(const char *path, struct cpu_sample *out)
{
	char buf[SYSINFO_FILE_MAX];
	if (sysinfo_read(path, buf, sizeof(buf)) < 0)
		return SYSINFO_MISSING;
	const char *p = find_line(buf, "cpu", ' ');
	if (!p)
		return SYSINFO_BAD;
	/* user nice system idle iowait irq softirq steal (guest and
	 * guest_nice are already in user and nice). Old kernels have 4. */
	uint64_t f[8] = {0};
	size_t n = 0;
	while (n < 8 && parse_u64(&p, &f[n]))
		n++;
	if (n < 4 || (n < 8 && !rest_blank(p)))
		return SYSINFO_BAD;
	uint64_t busy = add_sat(add_sat(f[0], f[1]), f[2]);
	busy = add_sat(add_sat(add_sat(busy, f[5]), f[6]), f[7]);
	*out = (struct cpu_sample){busy, add_sat(f[3], f[4])};
	return SYSINFO_OK;
}

int sysinfo_cpu_percent(const struct cpu_sample *a, const struct cpu_sample *b)
{
	/* iowait is known to step back now and then: a counter that went
	 * back counts as nothing rather than as years. */
	uint64_t busy = sub_sat(b->busy, a->busy);
	uint64_t idle = sub_sat(b->idle, a->idle);
	if (busy > UINT64_MAX - idle) /* garbage; keep the ratio */
		busy /= 2, idle /= 2;
	return percent(busy, busy + idle);
}

/* "Key:   1234 kB" in /proc/meminfo, in bytes. */
static bool meminfo_value(const char *buf, const char *key, uint64_t *bytes)
{
	const char *p = find_line(buf, key, ':');
	uint64_t v;
	if (!p || !parse_u64(&p, &v))
		return false;
	while (is_blank(*p))
		p++;
	if (!strncmp(p, "kB", 2) && rest_blank(p + 2)) {
		if (v > UINT64_MAX / 1024)
			return false;
		v *= 1024;
	} else if (!rest_blank(p)) {
		return false;
	}
	*bytes = v;
	return true;
}

enum sysinfo_status sysinfo_mem_read(const char *path, struct mem_info *out)
{
	char buf[SYSINFO_FILE_MAX];
	if (sysinfo_read(path, buf, sizeof(buf)) < 0)
		return SYSINFO_MISSING;
	uint64_t total, avail, free_, buffers = 0, cached = 0;
	if (!meminfo_value(buf, "MemTotal", &total) || !total)
		return SYSINFO_BAD;
	if (!meminfo_value(buf, "MemAvailable", &avail)) {
		/* Before Linux 3.14: what free(1) used to count as free. */
		if (!meminfo_value(buf, "MemFree", &free_))
			return SYSINFO_BAD;
		meminfo_value(buf, "Buffers", &buffers);
		meminfo_value(buf, "Cached", &cached);
		avail = add_sat(add_sat(free_, buffers), cached);
	}
	*out = (struct mem_info){total, sub_sat(total, avail)};
	return SYSINFO_OK;
}

int sysinfo_mem_percent(const struct mem_info *m)
{
	int p = percent(m->used, m->total);
	return p < 0 ? 0 : p;
}

/* dir/name/attr into path; false if it does not fit. */
static bool attr_path(char *path, size_t cap, const char *dir, const char *name,
		      const char *attr)
{
	int r = snprintf(path, cap, "%s/%s/%s", dir, name, attr);
	return r > 0 && (size_t)r < cap;
}

/* A one-line attribute without its trailing whitespace; false if it
 * cannot be read or is empty. */
static bool read_attr(const char *dir, const char *name, const char *attr,
		      char *buf, size_t cap)
{
	char path[4096];
	if (!attr_path(path, sizeof(path), dir, name, attr) ||
	    sysinfo_read(path, buf, cap) < 0)
		return false;
	size_t n = strlen(buf);
	while (n && (is_blank(buf[n - 1]) || buf[n - 1] == '\n'))
		buf[--n] = '\0';
	return n > 0;
}

static bool read_attr_u64(const char *dir, const char *name, const char *attr,
			  uint64_t *v)
{
	char buf[SYSINFO_ATTR_MAX];
	const char *p = buf;
	return read_attr(dir, name, attr, buf, sizeof(buf)) &&
	       parse_u64(&p, v) && rest_blank(p);
}

/* What the batteries seen so far add up to. */
struct battery_sum {
	int count, known;
	double capacity, weighted, weight;
	bool weights_ok; /* every known capacity has a weight of one kind */
	char weight_kind;
	unsigned states; /* bit per enum battery_state seen */
};

static enum battery_state battery_state_of(const char *s)
{
	static const char *const names[] = {
	    [BATTERY_CHARGING] = "Charging",
	    [BATTERY_DISCHARGING] = "Discharging",
	    [BATTERY_NOT_CHARGING] = "Not charging",
	    [BATTERY_FULL] = "Full",
	};
	for (size_t i = 1; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(s, names[i]))
			return (enum battery_state)i;
	return BATTERY_UNKNOWN;
}

/* Percent from capacity, else from energy or charge now / full. */
static int battery_capacity(const char *dir, const char *name)
{
	uint64_t v, now, full;
	if (read_attr_u64(dir, name, "capacity", &v))
		return v > 100 ? 100 : (int)v;
	if ((read_attr_u64(dir, name, "energy_now", &now) &&
	     read_attr_u64(dir, name, "energy_full", &full)) ||
	    (read_attr_u64(dir, name, "charge_now", &now) &&
	     read_attr_u64(dir, name, "charge_full", &full)))
		return percent(now, full);
	return -1;
}

static void battery_add(const char *dir, const char *name,
			struct battery_sum *sum)
{
	char buf[SYSINFO_ATTR_MAX];
	uint64_t full = 0;
	/* Mice and headsets are power supplies of scope Device: not ours. */
	if (!read_attr(dir, name, "type", buf, sizeof(buf)) ||
	    strcmp(buf, "Battery") ||
	    (read_attr(dir, name, "scope", buf, sizeof(buf)) &&
	     !strcmp(buf, "Device")) ||
	    (read_attr(dir, name, "present", buf, sizeof(buf)) &&
	     !strcmp(buf, "0")))
		return;
	sum->count++;
	enum battery_state st = BATTERY_UNKNOWN;
	if (read_attr(dir, name, "status", buf, sizeof(buf)))
		st = battery_state_of(buf);
	sum->states |= 1u << st;
	int cap = battery_capacity(dir, name);
	if (cap < 0)
		return;
	sum->known++;
	sum->capacity += cap;
	char kind = read_attr_u64(dir, name, "energy_full", &full)   ? 'e'
		    : read_attr_u64(dir, name, "charge_full", &full) ? 'c'
								     : 0;
	if (!kind || !full || (sum->weight_kind && kind != sum->weight_kind))
		sum->weights_ok = false;
	sum->weight_kind = kind;
	sum->weighted += (double)cap * (double)full;
	sum->weight += (double)full;
}

/* Charging wins, then discharging: that is what the user acts on. */
static enum battery_state battery_state_all(unsigned states)
{
	static const enum battery_state order[] = {
	    BATTERY_CHARGING, BATTERY_DISCHARGING, BATTERY_UNKNOWN,
	    BATTERY_NOT_CHARGING, BATTERY_FULL};
	for (size_t i = 0; i < sizeof(order) / sizeof(*order); i++)
		if (states & (1u << order[i]))
			return order[i];
	return BATTERY_UNKNOWN;
}

enum sysinfo_status sysinfo_battery_read(const char *dir,
					 struct battery_info *out)
{
	*out = (struct battery_info){0, -1, BATTERY_UNKNOWN};
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT || errno == ENOTDIR ? SYSINFO_OK
							   : SYSINFO_MISSING;
	struct battery_sum sum = {.weights_ok = true};
	struct dirent *e;
	for (int i = 0; i < SYSINFO_DIR_MAX && (e = readdir(d)); i++)
		if (e->d_name[0] != '.')
			battery_add(dir, e->d_name, &sum);
	closedir(d);
	out->count = sum.count;
	out->state = battery_state_all(sum.states);
	/* Several batteries: weighted by what each holds when full, as the
	 * kernel's own capacity of each is a share of a different whole. */
	if (sum.known && sum.weights_ok && sum.weight > 0)
		out->capacity = (int)(sum.weighted / sum.weight + 0.5);
	else if (sum.known)
		out->capacity = (int)(sum.capacity / sum.known + 0.5);
	return SYSINFO_OK;
}

const char *sysinfo_battery_symbol(enum battery_state s)
{
	switch (s) {
	case BATTERY_CHARGING:
		return "+";
	case BATTERY_DISCHARGING:
		return "-";
	case BATTERY_FULL:
	case BATTERY_NOT_CHARGING:
		return "=";
	default:
		return "?";
	}
}

bool sysinfo_iface_valid(const char *name)
{
	size_t n = strlen(name);
	return n >= 1 && n <= 15 && !strchr(name, '/') && strcmp(name, ".") &&
	       strcmp(name, "..");
}

/* Up, or "unknown" with a carrier as tun and wireguard devices say. */
static bool iface_up(const char *dir, const char *name)
{
	char buf[SYSINFO_ATTR_MAX];
	if (!read_attr(dir, name, "operstate", buf, sizeof(buf)))
		return false;
	if (!strcmp(buf, "up"))
		return true;
	return !strcmp(buf, "unknown") &&
	       read_attr(dir, name, "carrier", buf, sizeof(buf)) &&
	       !strcmp(buf, "1");
}

static bool iface_loopback(const char *dir, const char *name)
{
	uint64_t type;
	return !strcmp(name, "lo") ||
	       (read_attr_u64(dir, name, "type", &type) &&
		type == 772 /* ARPHRD_LOOPBACK */);
}

enum sysinfo_status sysinfo_net_default(const char *dir, char *name, size_t cap)
{
	if (cap)
		name[0] = '\0';
	DIR *d = opendir(dir);
	if (!d)
		return SYSINFO_MISSING;
	/* Lowest ifindex first, as i3status's _first_: the built-in
	 * devices come before bridges, containers and tunnels. */
	uint64_t best = UINT64_MAX;
	struct dirent *e;
	for (int i = 0; i < SYSINFO_DIR_MAX && (e = readdir(d)); i++) {
		const char *n = e->d_name;
		uint64_t index;
		if (!sysinfo_iface_valid(n) || n[0] == '.' ||
		    strlen(n) >= cap || iface_loopback(dir, n) ||
		    !iface_up(dir, n))
			continue;
		if (!read_attr_u64(dir, n, "ifindex", &index))
			index = UINT64_MAX;
		if (!name[0] || index < best ||
		    (index == best && strcmp(n, name) < 0)) {
			best = index;
			strcpy(name, n);
		}
	}
	closedir(d);
	return SYSINFO_OK;
}

enum sysinfo_status sysinfo_net_read(const char *dir, const char *iface,
				     struct net_sample *out)
{
	char buf[SYSINFO_ATTR_MAX];
	*out = (struct net_sample){0};
	if (!sysinfo_iface_valid(iface) ||
	    !read_attr(dir, iface, "operstate", buf, sizeof(buf)))
		return SYSINFO_MISSING;
	out->up = iface_up(dir, iface);
	if (!out->up)
		return SYSINFO_OK;
	if (!read_attr_u64(dir, iface, "statistics/rx_bytes", &out->rx) ||
	    !read_attr_u64(dir, iface, "statistics/tx_bytes", &out->tx)) {
		out->rx = out->tx = 0;
		return SYSINFO_BAD;
	}
	return SYSINFO_OK;
}

uint64_t sysinfo_net_rate(uint64_t before, uint64_t after, int64_t ms)
{
	if (ms <= 0 || after < before)
		return 0;
	double r = (double)(after - before) * 1000.0 / (double)ms;
	return r >= 18446744073709551615.0 ? UINT64_MAX : (uint64_t)r;
}
