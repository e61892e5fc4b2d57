/* x.h: the X connection and what ctile keeps about the server's state. */
#ifndef CTILE_X_H
#define CTILE_X_H

#include <stdbool.h>
#include <stdint.h>
#include <xcb/xcb.h>
#include <xcb/xcb_ewmh.h>
#include <xkbcommon/xkbcommon.h>

#include "model.h"

enum atom_id {
	ATOM_WM_PROTOCOLS,
	ATOM_WM_DELETE_WINDOW,
	ATOM_WM_TAKE_FOCUS,
	ATOM_WM_STATE,
	ATOM_CTILE_SYNC,
	ATOM_CTILE_STATS,
	ATOM_CTILE_TAGS,
	ATOM_CTILE_VIEW,
	ATOM_CTILE_TAG_STATE,
	ATOM_CTILE_ORDER,
	ATOM_WM_WINDOW_ROLE,
	ATOM_COMPOUND_TEXT,
	ATOM_WM_CHANGE_STATE,
	ATOM_MANAGER,
	ATOM_COUNT
};

/* What one outstanding request will tell us about a window. */
/* The _NET_WM_STATE atoms ctile keeps, as bits. */
/* In the order of x_marks.c's table of atoms: bit 1 << i, atom i. */
enum net_state {
	NET_STATE_FULLSCREEN = 1,
	NET_STATE_DEMANDS_ATTENTION = 2,
	NET_STATE_STICKY = 4, /* on every desktop: every tag */
	NET_STATE_ABOVE = 8,
	NET_STATE_HIDDEN = 16, /* minimized */
};

enum fetch_kind {
	FETCH_NAME,
	FETCH_NET_NAME,
	FETCH_CLASS,
	FETCH_HINTS,
	FETCH_HINTS_SEEN, /* WM_HINTS under a grab, to clear urgency */
	FETCH_NORMAL_HINTS,
	FETCH_TRANSIENT,
	FETCH_PROTOCOLS,
	FETCH_TYPE,
	FETCH_CTILE_TAGS, /* {tags, floating} */
	FETCH_NET_DESKTOP,
	FETCH_GEOMETRY,
	FETCH_ROLE,
	FETCH_NET_STATE,     /* _NET_WM_STATE: fullscreen from the start */
	FETCH_STRUT_PARTIAL, /* a dock's (docks.c) */
	FETCH_STRUT,
	FETCH_ROOT_NAME, /* the root's WM_NAME: the status text */
	FETCH_SYNC,	 /* no request: a _CTILE_SYNC waiting its turn */
	FETCH_SYNC_LAST, /* the same, moved behind what came after it */
	FETCH_BARRIER,	 /* GetInputFocus: every MapRequest before it is in */
	FETCH_SHOWN,	 /* GetInputFocus: the server is done with a change */
	FETCH_KIND_COUNT
};

struct fetch {
	unsigned int seq;
	xcb_window_t win;
	uint8_t kind;
	uint32_t serial; /* FETCH_SYNC: the test's serial */
};

/* A window whose properties are on their way; managed when all arrive. */
#define PENDING_EARLY_MAX 4
struct pending {
	xcb_window_t win;
	int outstanding;
	bool dead;  /* destroyed or withdrawn before it was managed */
	bool again; /* withdrawn, then mapped again: its replies are stale */
	bool adopt; /* found at start-up rather than asked to map */
	struct client props;
	uint32_t saved_tags;	 /* _CTILE_TAGS, 0: none */
	int saved_floating;	 /* _CTILE_FLOATING, -1: none */
	struct rect saved_float; /* where it floated (restart); w 0: none */
	uint32_t net_desktop;	 /* _NET_WM_DESKTOP, UINT32_MAX - 1: none */
	bool is_dock, is_dialog;
	unsigned net_state; /* NET_STATE_* in _NET_WM_STATE before mapping */
	int type;	    /* enum window_type, for rules */
	char role[CTILE_CLASS_MAX]; /* WM_WINDOW_ROLE, for rules */
	/* EWMH requests that came before the window was managed, in order. */
	xcb_client_message_event_t early[PENDING_EARLY_MAX];
	int nearly;
	struct pending *next;
};

struct systray;

/* What ctile last wrote to a root property: unchanged values are not sent
 * again (a tag switch would rewrite every desktop name). */
/* The edges a resize drags; none: the drag moves the window. */
enum drag_edge {
	DRAG_LEFT = 1,
	DRAG_RIGHT = 2,
	DRAG_TOP = 4,
	DRAG_BOTTOM = 8,
};

struct prop_cache {
	uint32_t *data;
	uint32_t len; /* in 32-bit units */
	bool valid;
};

enum root_prop {
	ROOT_NUMBER_OF_DESKTOPS,
	ROOT_DESKTOP_NAMES,
	ROOT_CURRENT_DESKTOP,
	ROOT_CTILE_VIEW,
	ROOT_CTILE_TAG_STATE,
	ROOT_WORKAREA,
	ROOT_CLIENT_LIST_STACKING,
	ROOT_PROP_COUNT
};

struct key_grab;

struct keyboard {
	struct xkb_context *ctx;
	struct xkb_keymap *keymap;
	int32_t device;
	uint8_t xkb_event_base;
	uint16_t numlock;
	/* The keymap changed: it is read again once per loop turn (or before
	 * a key is looked up), however many changes came. */
	bool stale;
	/* What the current mode's bindings resolved to on this keymap, and
	 * so what is grabbed: key presses are matched against it. */
	struct key_grab *grabs;
	size_t ngrabs, grabs_cap;
	/* The bindings last warned about (keys.c), compared only: the
	 * keymap is read again whenever another keyboard types. */
	const void *warned_bindings;
	size_t warned_n, warned_unbound, warned_first;
};

struct xconn {
	xcb_connection_t *conn;
	xcb_screen_t *screen;
	xcb_window_t root;
	xcb_window_t check; /* _NET_SUPPORTING_WM_CHECK */
	xcb_ewmh_connection_t ewmh;
	xcb_atom_t atoms[ATOM_COUNT];
	struct keyboard kb;
	struct fetch *fetches; /* FIFO: replies arrive in request order */
	size_t fetch_head, fetch_len, fetch_cap;
	struct pending *pending;
	struct winmap pending_by_id;
	uint32_t *syncs; /* answered after this turn's arrange: (win, serial) */
	size_t nsyncs, syncs_cap;
	/* Sequence ranges of our recent requests that move windows: the
	 * EnterNotify events they cause must not move the focus. */
	struct {
		uint16_t from, to;
	} moves[16];
	unsigned nmoves;      /* ranges recorded so far; the ring keeps 16 */
	bool moving;	      /* a range is open in this turn */
	xcb_timestamp_t time; /* of the last user event */
	int screen_num;	      /* the screen ctile manages */
	xcb_atom_t wm_sn;     /* WM_Sn (wm_selection.c) */
	xcb_timestamp_t wm_sn_time; /* when ctile took WM_Sn */
	xcb_window_t focus_sent;    /* last input focus we set */
	xcb_window_t active_sent;   /* last _NET_ACTIVE_WINDOW */
	bool grabs_dirty;
	/* The status text: a request for the root's name is out, and the
	 * name changed again since. */
	bool root_name_fetching, root_name_again;
	/* Arranging is held while windows are half-managed (loop.c). */
	uint64_t held_since; /* CLOCK_MONOTONIC ns, 0: not holding */
	unsigned held_dirty; /* the dirty bits held back */
	bool barrier_wanted; /* windows came since the last barrier */
	bool barrier_out;    /* a FETCH_BARRIER is on its way */
	/* A change of the screen is out; the bars wait for the server to be
	 * done with it (loop.c), these dirty bits with them. */
	bool shown_out;
	unsigned shown_dirty;
	/* x_apply's requests are under way with the root's
	 * SubstructureNotify off, inside a server grab (x.c). */
	bool quiet;
	unsigned grabs; /* server grabs held (x_grab) */
	/* This turn's focus change came from the mouse; from the pointer
	 * only crossing into a window (focus follows mouse). */
	bool focus_by_pointer, focus_by_hover;
	bool raise_clicked; /* the focused window was clicked this turn */
	/* Where, when and on which window the last crossing event ctile
	 * saw was (events.c, pointer_crossed). */
	struct {
		bool known;
		int16_t x, y;
		xcb_timestamp_t time;
		xcb_window_t win;
	} pointer;
	struct {
		bool active;
		bool grabbed;	/* ctile holds a pointer grab on the root
				   (_NET_WM_MOVERESIZE), X does not end it */
		unsigned edges; /* enum drag_edge bits moved; 0: a move */
		xcb_window_t win;
		int px, py;	   /* where the pointer was at the start */
		struct rect start; /* the window's outer rect at the start */
	} drag;
	uint64_t manage_order;	  /* managed so far: _NET_CLIENT_LIST order */
	xcb_window_t adopt_focus; /* focused before a restart */
	struct systray *tray;	  /* systray.c: the tray, or NULL */
	struct prop_cache published[ROOT_PROP_COUNT];
};

struct wm;

/* The modifiers a binding can ask for; Lock and NumLock never count. */
#define X_BINDING_MODS                                                         \
	(XCB_MOD_MASK_SHIFT | XCB_MOD_MASK_CONTROL | XCB_MOD_MASK_1 |          \
	 XCB_MOD_MASK_2 | XCB_MOD_MASK_3 | XCB_MOD_MASK_4 | XCB_MOD_MASK_5)

/* Connect to display (NULL: $DISPLAY); false with a message on failure. */
bool x_connect(struct xconn *x, const char *display, char *err, size_t len);
/* Take over as the window manager: false when another one runs, unless
 * replace: then it is asked to leave, if it follows ICCCM. */
bool x_become_wm(struct xconn *x, bool replace, char *err, size_t len);
void x_disconnect(struct xconn *x);
/* One round trip: every request sent so far has been handled. */
void x_sync(struct xconn *x);
xcb_atom_t x_atom(const struct xconn *x, enum atom_id id);
/* The window owning selection, or XCB_NONE (one round trip). */
xcb_window_t x_selection_owner(struct xconn *x, xcb_atom_t selection);
/* ICCCM 2.8: tell the clients waiting for a manager of selection (a
 * window manager, a system tray) that owner took it at time. */
void x_announce_manager(struct xconn *x, xcb_atom_t selection,
			xcb_window_t owner, xcb_timestamp_t time);

/* Send every change between what arrange wants and what X has. */
void x_apply(struct wm *wm);
/* The window being dragged went away or was hidden: no release will come
 * for it, and no grab may be left held. */
void x_drag_window_gone(struct xconn *x, xcb_window_t win);
void x_apply_focus(struct wm *wm);
/* Close requests: WM_DELETE_WINDOW or kill. */
void x_close_wanted(struct wm *wm);
void x_send_sync_replies(struct xconn *x);
/* Set the root's _CTILE_STATS to one line of ctile's own timings. */
void x_set_stats(struct xconn *x, const char *line);
/* Did one of our own requests cause the event with this sequence? */
bool x_caused_by_us(const struct xconn *x, uint16_t seq);
/* Close this turn's range of moving requests. */
void x_moves_done(struct xconn *x);
/* Put every window back in its layer at the next x_apply, as if none were
 * stacked yet (windows were created on top of them: new bars). */
void x_restack_all(struct wm *wm);
/* A server grab, counted: the last x_ungrab ends it. */
void x_grab(struct xconn *x);
void x_ungrab(struct xconn *x);
/* Map every managed window, for quit: nothing is left hidden. */
void x_release_all(struct wm *wm);
uint32_t x_pixel(const struct xconn *x, uint32_t rgb);
void x_set_wm_state(struct xconn *x, xcb_window_t win, uint32_t state);
/* x_marks.c: the borders' colours and _NET_WM_STATE of every window,
 * for the focused one and the others. */
void x_update_marks(struct wm *wm, const struct client *focused);
/* The enum net_state bit of a _NET_WM_STATE atom; 0 for one ctile does not
 * know. */
unsigned x_net_state_bit(const xcb_ewmh_connection_t *e, xcb_atom_t state);
/* WM_STATE follows the map state: Normal when shown, Iconic when hidden
 * on another tag. */
void x_update_wm_states(struct wm *wm);

/* keys.c */
bool keys_init(struct wm *wm);
void keys_finish(struct keyboard *kb);
void keys_reload_keymap(struct wm *wm);
void keys_grab(struct wm *wm);
/* The command bound to this key press, or NULL. */
const char *keys_lookup(struct wm *wm, xcb_keycode_t code, uint16_t state);

#endif
