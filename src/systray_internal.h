/* systray_internal.h: what systray.c (the tray's life, the selection, its
 * place in the bar) and systray_icons.c (dock requests, XEMBED, the icons'
 * events) share. */
#ifndef CTILE_SYSTRAY_INTERNAL_H
#define CTILE_SYSTRAY_INTERNAL_H

#include "systray.h"
#include "x.h"

#define SYSTRAY_MAX_ICONS 64

enum tray_atom {
	TRAY_SELECTION, /* _NET_SYSTEM_TRAY_S<screen> */
	TRAY_OPCODE,
	TRAY_XEMBED,
	TRAY_XEMBED_INFO,
	TRAY_ORIENTATION,
	TRAY_VISUAL,
	TRAY_ATOMS
};

struct tray_icon {
	xcb_window_t win;
	bool want;	   /* it asks to be shown */
	bool has_info;	   /* it has _XEMBED_INFO ... */
	bool info_mapped;  /* ... and XEMBED_MAPPED is set in it */
	bool mapped;	   /* as last sent */
	int ignore_unmaps; /* UnmapNotify events our own unmaps will cause */
	struct rect geom;  /* in the tray window, as last sent; w 0: never */
};

struct systray {
	xcb_atom_t atoms[TRAY_ATOMS];
	xcb_window_t win;     /* owner, icons' parent; NONE: not ours */
	xcb_window_t parent;  /* a bar window or the root */
	struct monitor *host; /* whose bar shows the tray */
	struct rect geom;     /* of win in its parent, as last sent */
	bool shown;	      /* win is mapped */
	uint32_t background;  /* win's background pixel: the bar's */
	bool foreign_said;    /* another tray's selection was reported */
	struct tray_icon icons[SYSTRAY_MAX_ICONS];
	size_t n;
};

/* systray.c: the icons changed: hide those that no longer want to be
 * seen, and have the host bar laid out again. */
void tray_changed(const struct wm *wm, struct systray *t);

/* systray_icons.c */
/* SYSTEM_TRAY_REQUEST_DOCK for win. */
void tray_dock(struct wm *wm, struct systray *t, xcb_window_t win);
/* XEMBED's end of embedding: the icon goes back to the root, unmapped. */
void tray_hand_back(struct xconn *x, struct systray *t, struct tray_icon *ic);
/* An event about an icon; false when it is about none. */
bool tray_icon_event(struct wm *wm, struct systray *t, uint8_t type,
		     xcb_generic_event_t *ev);

#endif
