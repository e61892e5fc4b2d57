/* bench.h: the load generator's shared types: X connection, window tracker,
 * scenarios. One connection owns every client window of a run. */
#ifndef CTBENCH_H
#define CTBENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <xcb/xcb.h>

enum atom_id {
	A_NET_CURRENT_DESKTOP,
	A_NET_SUPPORTING_WM_CHECK,
	A_NET_CLIENT_LIST,
	A_NET_NUMBER_OF_DESKTOPS,
	A_NET_WM_NAME,
	A_UTF8_STRING,
	A_WM_PROTOCOLS,
	A_WM_DELETE_WINDOW,
	A_CTILE_SYNC,
	A_CTILE_STATS,
	A_COUNT
};

/* Keys the generator presses through XTEST. */
enum key_id { K_SUPER, K_ALT, K_SHIFT, K_B, K_R, K_1, K_2, K_COUNT };

struct bx {
	xcb_connection_t *c;
	xcb_screen_t *screen;
	xcb_window_t root;
	int sw, sh;
	xcb_atom_t atom[A_COUNT];
	xcb_keycode_t key[K_COUNT];
	xcb_window_t own; /* unmapped helper window: sync replies */
	bool have_xtest;
};

/* One X window the tracker knows: ours, or a frame a WM put ours in. */
struct node {
	xcb_window_t id, parent;
	int x, y, w, h, bw;
	bool mapped, destroyed, used;
};

/* One of our client windows. */
struct win {
	xcb_window_t id;
	int group;    /* 0: first tag, 1: second tag */
	bool rest_on; /* on screen while its tag is shown at rest */
	bool alive;
	bool placed;		    /* raw floor: configured once */
	unsigned cn_real, cn_synth; /* ConfigureNotify events received */
	struct rect_s {
		int x, y, w, h;
	} want; /* geometry for the raw floor */
	bool truth_viewable, truth_on;
};

struct track {
	struct bx *bx;
	struct node *nodes; /* open addressing on window id */
	size_t cap, used;
	struct win *wins;
	size_t nwins, capwins;
	xcb_window_t *pend; /* frames to start tracking */
	size_t npend, cappend;
	uint64_t last_rel_ns; /* when the last map/unmap/configure/reparent
				 of a tracked window was read */
	uint32_t sync_seen;   /* serial of the last _CTILE_SYNC answer */
	unsigned stats_seen;  /* changes of the root's _CTILE_STATS seen */
	unsigned long mismatches, polled;
	bool client_list_changed;
};

/* What a wait is for: every window of group `show` shown (or only viewable
 * when only_viewable), every window of group `hide` not shown. -1: none. */
struct pred {
	int show, hide;
	bool only_viewable;
};

/* xconn.c */
bool bx_open(struct bx *bx, const char *display);
void bx_close(struct bx *bx);
uint64_t now_ns(void);
void sleep_ms(double ms);
void bx_key(struct bx *bx, const enum key_id *keys, int n);
void bx_send_desktop(struct bx *bx, uint32_t desk);
void bx_send_sync(struct bx *bx, uint32_t serial);
void bx_send_stats(struct bx *bx, bool redraw);
bool bx_wm_running(struct bx *bx);
bool bx_root_prop_set(struct bx *bx, enum atom_id a);
int bx_root_cardinals(struct bx *bx, enum atom_id a);
uint32_t bx_root_value(struct bx *bx, enum atom_id a);
bool bx_root_text(struct bx *bx, enum atom_id a, char *buf, size_t len);
void bx_delete_root_prop(struct bx *bx, enum atom_id a);
xcb_window_t bx_create(struct bx *bx, int x, int y, int w, int h,
		       const char *instance);

/* proc.c: what /proc and the kernel say about a process. */
struct pstat {
	uint64_t cpu_ns; /* CPU clock of the process, all threads */
	uint64_t ticks;	 /* utime + stime from /proc/PID/stat */
	uint64_t minflt, majflt;
	uint64_t vcsw, nvcsw; /* context switches, summed over threads */
	uint64_t rss_kib;
};
bool pstat_read(pid_t pid, struct pstat *s);
uint64_t cpu_ns(pid_t pid);
pid_t wm_launch(char **argv, const char *log);
void wm_stop(pid_t pid);
bool wm_alive(pid_t pid);

/* record.c */
struct reqcount;
struct reqcount *record_start(const char *display, xcb_window_t resource);
uint64_t record_read(struct reqcount *rc);
void record_stop(struct reqcount *rc);

/* track.c */
void track_init(struct track *t, struct bx *bx);
void track_free(struct track *t);
void track_reset(struct track *t);
struct win *track_new_window(struct track *t, int group, int x, int y, int w,
			     int h);
void track_recreate(struct track *t, struct win *w);
int track_drain(struct track *t);
bool track_eval(struct track *t, const struct pred *p, bool truth);
bool track_verify(struct track *t, const struct pred *p);
int track_wait(struct track *t, const struct pred *p, int quiet_ms,
	       int timeout_ms, uint64_t *done_ns);
void track_calibrate(struct track *t, int group);
int track_count_group(struct track *t, int group);
int track_count_on(struct track *t, int group);
bool track_wait_sync(struct track *t, uint32_t serial, int timeout_ms);
bool track_wait_stats(struct track *t, unsigned seen, int timeout_ms);

/* stats / output (main.c) */
struct series {
	double *v;
	size_t n, cap;
};
void series_add(struct series *s, double v);
void emit(const char *scenario, int n, struct series *s, const char *unit,
	  double x_cpu_ms, double x_minflt, double wm_cpu_ms, const char *note);
void emit_one(const char *scenario, int n, double v, const char *unit,
	      const char *note);
void emit_skip(const char *scenario, int n, const char *why);

/* scenario*.c */
struct opts {
	const char *wm; /* label in the output */
	const char *scenario;
	int n, reps, warmup;
	bool floor;	   /* no WM: the generator does the WM's work */
	bool key_switch;   /* tag switch by keys, not _NET_CURRENT_DESKTOP */
	enum key_id mod;   /* K_SUPER or K_ALT */
	bool place_rule;   /* second tag's windows placed by a WM rule */
	bool hide_bar;	   /* press Mod+b once ready (dwm) */
	int want_desktops; /* wait until _NET_NUMBER_OF_DESKTOPS says so */
	int quiet_ms;	   /* no change for this long: geometry stable */
	int timeout_ms;	   /* a switch not seen by then was ignored */
	double budget_s;   /* stop adding repetitions after this long */
	double idle_s;
	const char *count_log; /* xtrace log: count the WM's requests */
	const char *display;
	pid_t xpid;
	char **wm_argv;
	const char *wm_log;
};
int scenario_run(struct bx *bx, struct opts *o);

#endif
