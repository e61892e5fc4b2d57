/* sysinfo.h: the data side of the cpu, memory, battery and network widgets:
 * /proc and /sys files parsed from the paths given, so that tests can point
 * them at fixtures. Nothing here draws or keeps state. */
#ifndef CTILE_SYSINFO_H
#define CTILE_SYSINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "widget.h"

enum sysinfo_status {
	SYSINFO_OK,
	SYSINFO_MISSING, /* the file or directory cannot be read */
	SYSINFO_BAD,	 /* it was read but makes no sense */
};

/* Read at most cap - 1 bytes of path into buf and NUL-terminate it. A file
 * that does not fit is cut after its last whole line. -1 (errno set) when
 * it cannot be read. Never blocks on a FIFO or a terminal. */
ssize_t sysinfo_read(const char *path, char *buf, size_t cap);

/* Bytes in short human units: "512B", "1.2K", "15.6M", "512G". */
void sysinfo_human(uint64_t bytes, char *buf, size_t cap);

/* A widget's format: each %c with c in convs becomes vals[its index in
 * convs], %% becomes %. check says what is wrong with the format given as
 * key= (malloc'd *error) before it is used; expanding cuts at cap, never
 * overflows. */
bool sysinfo_format_check(const char *key, const char *fmt, const char *convs,
			  char **error);
void sysinfo_format(const char *fmt, const char *convs, const char *const *vals,
		    char *out, size_t cap);

/* interval= (1..86400 seconds) and format= with its conversions, as the
 * four widgets take them; *format is malloc'd. */
bool sysinfo_options(const struct widget_args *a, long def_interval,
		     const char *def_format, const char *convs, long *interval,
		     char **format, char **error);

/* /proc/stat's "cpu" line: jiffies busy (user, nice, system, irq, softirq,
 * steal) and idle (idle, iowait) over all CPUs since boot. */
struct cpu_sample {
	uint64_t busy, idle;
};
enum sysinfo_status sysinfo_cpu_read(const char *path, struct cpu_sample *out);
/* The busy share from a to b, 0..100 rounded; -1 when no time passed. */
int sysinfo_cpu_percent(const struct cpu_sample *a, const struct cpu_sample *b);

/* /proc/meminfo, in bytes: used is MemTotal - MemAvailable. */
struct mem_info {
	uint64_t total, used;
};
enum sysinfo_status sysinfo_mem_read(const char *path, struct mem_info *out);
int sysinfo_mem_percent(const struct mem_info *m); /* 0..100 rounded */

enum battery_state {
	BATTERY_UNKNOWN,
	BATTERY_CHARGING,
	BATTERY_DISCHARGING,
	BATTERY_NOT_CHARGING,
	BATTERY_FULL,
};

/* Every system battery in a power_supply directory, taken together. */
struct battery_info {
	int count;    /* 0: no battery (also when the directory is absent) */
	int capacity; /* percent, 0..100; -1 when no battery says */
	enum battery_state state;
};
/* SYSINFO_MISSING only when the directory exists and cannot be read. */
enum sysinfo_status sysinfo_battery_read(const char *dir,
					 struct battery_info *out);
/* "+" charging, "-" discharging, "=" full or not charging, "?" unknown. */
const char *sysinfo_battery_symbol(enum battery_state s);

/* One interface of a /sys/class/net directory. */
struct net_sample {
	bool up;
	uint64_t rx, tx; /* bytes since the interface came up; 0 when down */
};
/* Could name be an interface's name (1..15 bytes, no '/', not . or ..)? */
bool sysinfo_iface_valid(const char *name);
/* The first interface (lowest ifindex) that is up and not loopback, or ""
 * when none is; SYSINFO_MISSING when dir cannot be listed. */
enum sysinfo_status sysinfo_net_default(const char *dir, char *name,
					size_t cap);
/* MISSING: no such interface; BAD: up but its counters are unreadable. */
enum sysinfo_status sysinfo_net_read(const char *dir, const char *iface,
				     struct net_sample *out);
/* Bytes per second from two counter values ms apart; 0 when the counter
 * went back (the interface was reset) or no time passed. */
uint64_t sysinfo_net_rate(uint64_t before, uint64_t after, int64_t ms);

#endif
