/* model.h: the pure state of the window manager. Knows nothing of X. */
#ifndef CTILE_MODEL_H
#define CTILE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rect.h"
#include "winmap.h"

#define CTILE_MAX_TAGS	   32
#define CTILE_TAG_NAME_MAX 32
#define CTILE_TITLE_MAX	   256
#define CTILE_CLASS_MAX	   128

typedef uint32_t tagmask; /* bit i = tag i */

/* What a change touched, so the loop redoes only that once per batch. */
enum dirty {
	DIRTY_ARRANGE = 1 << 0, /* geometry, visibility or stacking */
	DIRTY_FOCUS = 1 << 1,	/* input focus and border colours */
	DIRTY_CLIENTS = 1 << 2, /* the list of managed windows */
	DIRTY_VIEW = 1 << 3,	/* a monitor's view or a tag's settings */
	DIRTY_TAGS = 1 << 4,	/* some client's tags (see client.tags_dirty) */
	DIRTY_BAR = 1 << 5,	/* anything a bar shows */
};

/* ICCCM WM_NORMAL_HINTS, sanitised: every field is usable as it is. */
struct size_hints {
	int min_w, min_h; /* 0: none */
	int max_w, max_h; /* 0: none */
	int inc_w, inc_h; /* 0: none */
	int base_w, base_h;
	bool fixed; /* min == max: the window cannot be resized */
};

/* The X side of a client: what x.c last sent. Only x.c writes it. */
struct client_x {
	struct rect geom;
	int border;
	uint32_t border_color;
	bool mapped;
	bool configured;    /* geom is known to match the server */
	int layer;	    /* enum stack_layer it was last stacked in */
	int ignore_unmaps;  /* UnmapNotify events caused by our own unmaps */
	int wm_state;	    /* ICCCM state last written, -1: none */
	unsigned net_state; /* enum net_state bits _NET_WM_STATE holds */
	uint32_t fetching;  /* bit per fetch kind with a request out */
	uint32_t refetch;   /* ...changed again since that request went */
	uint64_t order;	    /* when it was managed: _NET_CLIENT_LIST order */
};

struct client {
	uint32_t id; /* the X window; an opaque id to the model */
	tagmask tags;
	struct monitor *mon;
	struct client *next;  /* tiling order on mon */
	struct client *snext; /* focus history on mon, most recent first */

	bool floating, fullscreen, urgent;
	bool above;		  /* over other floating windows (EWMH ABOVE) */
	bool minimized;		  /* hidden on its tags until restored */
	uint64_t minimized_since; /* m->minimize_count when minimized */
	uint64_t urgent_since; /* m->urgent_count when it last turned urgent */
	uint64_t focused_at;   /* m->focus_count when it last got the focus */
	bool never_focus;      /* WM_HINTS input = False */
	bool hint_urgent;      /* WM_HINTS has the urgency flag */
	bool takes_focus;      /* WM_TAKE_FOCUS in WM_PROTOCOLS */
	bool can_delete;       /* WM_DELETE_WINDOW in WM_PROTOCOLS */
	bool tags_dirty;       /* tags changed since last published */
	bool close_wanted;     /* `close` asked: x.c sends WM_DELETE_WINDOW */
	bool kill_wanted;      /* `kill` asked, or close without WM_DELETE */
	uint32_t transient_for;
	struct rect float_geom; /* outer geometry when floating */
	bool float_placed;	/* float_geom was placed, not only asked for */
	struct size_hints hints;
	char title[CTILE_TITLE_MAX];
	char class_name[CTILE_CLASS_MAX];
	char instance[CTILE_CLASS_MAX];

	/* arrange.c's verdict, read by x.c */
	struct rect want; /* outer rect, border included */
	bool want_visible;
	bool want_tiled; /* want is a tile (not fullscreen, not floating) */
	int want_border; /* border width in pixels */
	struct client_x x;
};

/* What each tag remembers: the view shows those of its lowest tag. */
struct tag_state {
	int layout; /* index in layouts[] */
	int nmaster;
	float mfact;
};

struct monitor {
	int index;
	struct rect geom; /* the whole output */
	struct rect work; /* where windows go: geom less bars and struts */
	tagmask view, prev_view;
	struct tag_state tag[CTILE_MAX_TAGS];
	struct client *clients; /* tiling order */
	struct client *stack;	/* focus history */
	struct client *focus;	/* visible, or NULL */
	struct monitor *next;
	/* x.c: the tile it last raised over the others (monocle), 0: none */
	uint32_t x_raised;
};

struct model {
	int ntags;
	char tag_names[CTILE_MAX_TAGS][CTILE_TAG_NAME_MAX];
	struct tag_state tag_default; /* for new monitors */
	struct monitor *mons;
	struct monitor *selmon;	 /* never NULL once a monitor exists */
	unsigned dirty;		 /* enum dirty bits */
	bool closes_wanted;	 /* some client's close_wanted or kill_wanted */
	uint64_t urgent_count;	 /* clients that turned urgent, ever */
	uint64_t minimize_count; /* clients minimized, ever */
	uint64_t focus_count;	 /* times a client got the focus */
	struct winmap by_id;	 /* every client, by window id */
};

void model_init(struct model *m, int ntags);
/* Frees every client and monitor. */
void model_finish(struct model *m);

tagmask model_all_tags(const struct model *m);
/* Set how many tags there are (1..32); masks are clipped, never emptied. */
bool model_set_ntags(struct model *m, int ntags);

struct monitor *model_add_monitor(struct model *m, struct rect geom);
struct monitor *model_monitor_at(const struct model *m, int x, int y);

/* Manage id on mon with tags (0: the monitor's view). Inserted first in
 * tiling order and last in focus history; it takes the focus only when the
 * monitor had none (the caller may focus it with model_focus). */
struct client *model_manage(struct model *m, uint32_t id, struct monitor *mon,
			    tagmask tags);
/* Forget c and free it; focus moves to the most recent visible one. */
void model_unmanage(struct model *m, struct client *c);
struct client *model_find(const struct model *m, uint32_t id);
size_t model_count(const struct model *m);

static inline bool client_visible(const struct client *c)
{
	return !c->minimized && (c->tags & c->mon->view) != 0;
}

/* Shown and in the layout's hands (not floating, not fullscreen). */
static inline bool client_tiled(const struct client *c)
{
	return client_visible(c) && !c->floating && !c->fullscreen;
}

struct client *model_focused(const struct model *m);
/* Focus c (NULL: the best visible one on the selected monitor). */
void model_focus(struct model *m, struct client *c);
/* After a view change: keep focus only if still visible. */
void model_refocus(struct model *m, struct monitor *mon);
/* dir > 0: next visible in tiling order, cyclic; dir < 0: previous. */
struct client *model_neighbour(const struct client *c, int dir);
void model_focus_dir(struct model *m, int dir);
void model_swap_dir(struct model *m, int dir);
/* Move the focused window to master (if it is master: swap with next). */
void model_zoom(struct model *m);

void model_view(struct model *m, struct monitor *mon, tagmask view);
bool model_toggleview(struct model *m, struct monitor *mon, tagmask mask);
void model_view_previous(struct model *m, struct monitor *mon);
/* View the tag step places after the lowest one in view, wrapping round:
 * 1 is the next tag, -1 the previous. */
void model_view_step(struct model *m, struct monitor *mon, int step);
/* Refused (false) when tags would be empty. */
bool model_set_tags(struct model *m, struct client *c, tagmask tags);
bool model_toggletag(struct model *m, struct client *c, tagmask mask);
void model_set_floating(struct model *m, struct client *c, bool floating);
/* The focused window is never urgent: it has the user's attention. */
void model_set_urgent(struct model *m, struct client *c, bool urgent);
void model_set_fullscreen(struct model *m, struct client *c, bool on);
/* Keep c above the other floating windows (mpv --ontop, awesome's ontop). */
void model_set_above(struct model *m, struct client *c, bool on);
/* Minimize c (hidden on its tags, out of the layout) or restore it; the
 * focus leaves a window minimized. A restored one is focused only if
 * nothing else was. */
void model_set_minimized(struct model *m, struct client *c, bool on);
/* The window minimized last on mon whose tags are in view, or NULL. */
struct client *model_last_minimized(const struct monitor *mon);
/* The client that turned urgent last, or NULL. */
struct client *model_latest_urgent(const struct model *m);
/* Show c, viewing its lowest tag if it is hidden, and focus it. */
void model_activate(struct model *m, struct client *c);
/* c would open behind a fullscreen window shown on its monitor (not its
 * own parent's): a new window does not take the focus then, as in i3, so a
 * game or a film keeps the keyboard and stays in front. */
bool model_behind_fullscreen(const struct client *c);
/* Ask the window to close (WM_DELETE_WINDOW), or kill its client; x.c does
 * it in the next turn. */
void model_want_close(struct model *m, struct client *c, bool kill);

/* The settings of the view: those of its lowest tag. */
struct tag_state *monitor_tag_state(struct monitor *mon);
int lowest_tag(tagmask mask); /* -1 for 0 */

/* Check every invariant; on failure write why and return false. */
bool model_check(const struct model *m, char *why, size_t len);

#endif
