/* loop.c: poll() over X and signals; arrange once per batch of events. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "loop.h"

#include "activate.h"
#include "arrange.h"
#include "bar.h"
#include "events.h"
#include "ewmh.h"
#include "fetch.h"
#include "log.h"
#include "spawn.h"
#include "wm.h"
#include "x.h"

/* Longest a burst of new windows holds back arranging and focus. */
#define HOLD_MAX_NS (100 * 1000000ull)

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Windows whose properties are still on their way will be managed in a
 * moment (a reply always comes): tile them all at once, so a burst costs
 * one ConfigureNotify per window, not one per batch. When they are all in,
 * one round trip more lets the server pass on MapRequests of the same burst
 * it had not yet generated. A client mapping windows forever holds the
 * rest back for HOLD_MAX_NS at most. True: arrange and focus wait. */
static bool hold_arrange(struct wm *wm)
{
	struct xconn *x = wm->x;
	struct model *m = &wm->model;
	const unsigned held = DIRTY_ARRANGE | DIRTY_FOCUS;
	if (!(m->dirty & held) && !x->held_dirty)
		return false;
	if (!x->pending && !x->barrier_out && x->barrier_wanted) {
		x->barrier_wanted = false;
		fetch_barrier(x);
	}
	if (x->pending || x->barrier_out) {
		uint64_t now = now_ns();
		if (!x->held_since)
			x->held_since = now;
		if (now - x->held_since < HOLD_MAX_NS) {
			x->held_dirty |= m->dirty & held;
			m->dirty &= ~held;
			return true;
		}
	}
	m->dirty |= x->held_dirty;
	x->held_dirty = 0;
	x->held_since = 0;
	return false;
}

/* WM_STATE and the EWMH properties pagers, taskbars and a restarted ctile
 * read. */
static void publish_states(struct wm *wm, unsigned dirty)
{
	if (dirty & DIRTY_ARRANGE)
		x_update_wm_states(wm);
	ewmh_publish(wm, dirty);
}

static void drain_events(struct wm *wm)
{
	xcb_generic_event_t *ev;
	while ((ev = xcb_poll_for_event(wm->x->conn))) {
		events_handle(wm, ev);
		free(ev);
	}
}

/* Before a restart or quit: windows still waiting for their replies are
 * managed and shown, or the next ctile would not adopt them (it adopts
 * windows that are viewable or iconic) and on quit they would be left
 * unmapped; and what a restart reads back is written. */
static void settle(struct wm *wm)
{
	struct xconn *x = wm->x;
	/* A window mapped meanwhile is taken in too: its MapRequest would
	 * be lost with ctile's connection. */
	for (int i = 0; i < 4; i++) {
		x_sync(x);
		drain_events(wm);
		fetch_process(wm);
		if (!x->pending && !x->fetch_len)
			break;
	}
	wm->model.dirty |= x->held_dirty;
	x->held_dirty = 0;
	x->held_since = 0;
	if (wm->model.dirty) {
		arrange(&wm->model, &wm->cfg.settings);
		x_apply(wm);
		x_apply_focus(wm);
		x->shown_dirty |= wm->model.dirty;
		wm->model.dirty = 0;
	}
	if (x->shown_dirty)
		publish_states(wm, x->shown_dirty);
	x->shown_dirty = 0;
}

void loop_refresh(struct wm *wm)
{
	struct xconn *x = wm->x;
	struct model *m = &wm->model;
	if (wm->reload_wanted)
		activate_reload(wm);
	if (wm->bars_outdated) {
		bar_rebuild(wm); /* may change the work area: before arrange */
		/* New bar windows are on top: put fullscreen and floating
		 * windows back above them. */
		x_restack_all(wm);
	}
	if (x->kb.stale)
		keys_reload_keymap(wm);
	if (wm->bindings_dirty || x->grabs_dirty)
		keys_grab(wm);
	x_close_wanted(wm);
	bool holding = hold_arrange(wm);
	unsigned dirty = m->dirty;
	m->dirty = 0;
	if (dirty & DIRTY_ARRANGE) {
		uint64_t t0 = stats_begin();
		arrange(m, &wm->cfg.settings);
		x_apply(wm);
		stats_end(&wm->stats.arrange, t0);
	}
	if (dirty & (DIRTY_ARRANGE | DIRTY_FOCUS))
		x_apply_focus(wm);
	x_moves_done(x);
	/* What the user waits for goes out now. The bars and the properties
	 * pagers read are sent once the server is done with it: requests that
	 * came in meanwhile would be handled in the same turn, before the
	 * server sends the switch's events, Expose included, to the windows
	 * waiting for them. */
	if (dirty & (DIRTY_ARRANGE | DIRTY_FOCUS) && !x->shown_out)
		fetch_shown(x);
	xcb_flush(x->conn);
	x->shown_dirty |= dirty;
	if (x->shown_out)
		return; /* sync replies too: they say the bar is drawn */
	publish_states(wm, x->shown_dirty);
	bar_refresh(wm, x->shown_dirty);
	x->shown_dirty = 0;
	stats_publish(wm);
	if (!holding)
		x_send_sync_replies(x);
	xcb_flush(x->conn);
}

static int signals_open(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	return signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

static void signals_read(struct wm *wm, int fd)
{
	struct signalfd_siginfo si;
	while (read(fd, &si, sizeof(si)) == sizeof(si)) {
		switch (si.ssi_signo) {
		case SIGCHLD:
			spawn_reap();
			break;
		case SIGTERM:
		case SIGINT:
			wm->exit = WM_QUIT;
			break;
		case SIGHUP:
			wm->reload_wanted = true;
			break;
		default:
			log_info("signal %u ignored", si.ssi_signo);
		}
	}
}

bool loop_run(struct wm *wm)
{
	struct xconn *x = wm->x;
	int sfd = signals_open();
	/* X and signals, then the bars' timer and widgets' pipes. */
	struct pollfd fds[2 + 64] = {
	    {.fd = xcb_get_file_descriptor(x->conn), .events = POLLIN},
	    {.fd = sfd, .events = POLLIN},
	};
	bool ok = true;
	while (wm->exit == WM_RUN) {
		drain_events(wm);
		fetch_process(wm);
		loop_refresh(wm);
		if (xcb_connection_has_error(x->conn)) {
			log_error("lost the connection to the X server");
			ok = false;
			break;
		}
		if (wm->exit != WM_RUN)
			break;
		/* Replies and events xcb read while sending would not wake
		 * poll(): the bar and the _CTILE_SYNC answers may be waiting
		 * for a reply (FETCH_SHOWN) that is already in, with nothing
		 * else to come. */
		if (fetch_process(wm))
			continue;
		xcb_generic_event_t *queued =
		    xcb_poll_for_queued_event(x->conn);
		if (queued) {
			events_handle(wm, queued);
			free(queued);
			continue;
		}
		size_t nbar =
		    bar_pollfds(wm, fds + 2, sizeof(fds) / sizeof(*fds) - 2);
		if (poll(fds, 2 + nbar, -1) < 0 && errno != EINTR)
			break;
		if (sfd >= 0 && (fds[1].revents & POLLIN))
			signals_read(wm, sfd);
		bar_poll_ready(wm, fds + 2, nbar);
	}
	if (sfd >= 0)
		close(sfd);
	if (ok)
		settle(wm);
	return ok;
}
