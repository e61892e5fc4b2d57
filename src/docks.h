/* docks.h: docks (polybar, lemonbar, tint2), windows that place
 * themselves: mapped unmanaged, with the room their struts reserve; and
 * each monitor's work area, its geometry less that room and ctile's bar. */
#ifndef CTILE_DOCKS_H
#define CTILE_DOCKS_H

#include <stdbool.h>
#include <xcb/xcb.h>

#include "strut.h"
#include "x.h"

struct wm;

struct dock {
	xcb_window_t win;
	struct strut strut; /* all zero: reserves nothing */
	bool partial;	    /* strut is _NET_WM_STRUT_PARTIAL's */
	unsigned warned;    /* edges of this strut said to be ignored */
	struct dock *next;
};

/* A dock asked to be shown: map it and follow its struts. */
void docks_add(struct wm *wm, xcb_window_t win);
/* win was unmapped or destroyed: if it was a dock, give its room back. */
bool docks_forget(struct wm *wm, xcb_window_t win);
/* A property of win changed: if it is a dock's strut, read it again. */
bool docks_property(struct wm *wm, xcb_window_t win, xcb_atom_t atom);
/* The reply (NULL: none, or the window is gone) of a strut request. */
void docks_strut_reply(struct wm *wm, xcb_window_t win, enum fetch_kind kind,
		       xcb_get_property_reply_t *r);
/* Free the list (the windows stay as they are). */
void docks_free(struct wm *wm);

/* Set each monitor's work area: its geometry less ctile's shown bar and
 * the docks' struts; arranging is due where one changed. */
void work_area_update(struct wm *wm);

#endif
