"""More misbehaving clients and odd timing, aimed at the day's new paths:
_NET_WM_MOVERESIZE (header-bar drags), _NET_FRAME_EXTENTS, sticky windows,
the queue of EWMH requests that come before a window is managed, and
fullscreen windows across drags and restarts. Each test does the odd thing,
then checks what a user would notice."""

import pytest

from harness import ALL_TAGS, SCREEN_H, SCREEN_W
from test_bad_input import baseline

FS = "_NET_WM_STATE_FULLSCREEN"
FULL = (0, 0, SCREEN_W, SCREEN_H)
MOVE = 8


def floating_window(wm, c, title="header bar"):
    """A floating window at 300,200, 400x300."""
    w = c.create(title=title)
    wm.wait_managed(w)
    wm.key("super+shift+space")
    c.configure(w, x=300, y=200, width=400, height=300)
    wm.sync()
    return w


def set_fullscreen(wm, c, w, on):
    c.send_root_message("_NET_WM_STATE", [1 if on else 0, c.atom(FS), 0, 1],
                        window=w)
    wm.sync()


def on_screen(rect):
    x, y, w, h = rect
    return x < SCREEN_W and y < SCREEN_H and x + w > 0 and y + h > 0


def test_a_mod4_click_on_a_fullscreen_window_keeps_its_tile(wm):
    """A super+Button1 click (or a small drag) on a film playing fullscreen,
    then the film leaves fullscreen: it must go back to its tile, not float
    over the whole screen (bar included) at the size of the screen."""
    other = wm.xterm("other")
    c = wm.client()
    w = c.create(title="film")
    wm.wait_managed(w)
    tile = wm.outer(w)
    set_fullscreen(wm, c, w, True)
    assert wm.outer(w) == FULL
    wm.run("xdotool", "mousemove", "600", "400", "keydown", "super",
           "mousedown", "1", "mousemove", "610", "410", "mouseup", "1",
           "keyup", "super")
    wm.sync()
    set_fullscreen(wm, c, w, False)
    assert wm.outer(w) == tile, \
        f"out of fullscreen it is {wm.outer(w)}, not back in its tile {tile}"
    wm.assert_healthy([other, w])


def test_a_header_drag_with_a_bogus_pointer_place_keeps_the_window_seen(wm):
    """_NET_WM_MOVERESIZE with root coordinates far from the pointer (a
    stale or garbage event): a small pointer motion must not throw the
    window tens of thousands of pixels away, off every screen."""
    c = wm.client()
    w = floating_window(wm, c)
    x, y, ww, h = wm.outer(w)
    wm.run("xdotool", "mousemove", str(x + 50), str(y + 10), "mousedown", "1")
    c.send_root_message("_NET_WM_MOVERESIZE", [-30000, -30000, MOVE, 1, 1],
                        window=w)
    wm.sync()
    wm.run("xdotool", "mousemove", str(x + 60), str(y + 20), "mouseup", "1")
    wm.sync()
    assert on_screen(wm.outer(w)), \
        f"the window was moved off the screen: {wm.outer(w)}"
    wm.assert_healthy([w])


@pytest.mark.with_bar
def test_a_header_drag_does_not_put_the_window_over_the_bar(wm):
    """A header bar dragged up to the top edge: ctile keeps floating
    windows out of the bar everywhere else (placing them, their own
    configure requests); a drag must not slide one over it either."""
    c = wm.client()
    w = floating_window(wm, c)
    wx, wy, ww_, wh = wm.work_area()
    x, y, ww, h = wm.outer(w)
    wm.run("xdotool", "mousemove", str(x + 50), str(y + 10), "mousedown", "1")
    c.send_root_message("_NET_WM_MOVERESIZE", [x + 50, y + 10, MOVE, 1, 1],
                        window=w)
    wm.sync()
    wm.run("xdotool", "mousemove", str(x + 50), str(wy // 2), "mouseup", "1")
    wm.sync()
    assert wm.outer(w)[1] >= wy, \
        f"the dragged window covers the bar: {wm.outer(w)}, work area y {wy}"


def test_a_moveresize_without_a_button_down_does_not_glue_the_window(wm):
    """A _NET_WM_MOVERESIZE that comes when no button is down (the user let
    go before it arrived, or the client sent it late): the window must not
    follow the pointer around until the next click."""
    c = wm.client()
    w = floating_window(wm, c)
    x, y, ww, h = wm.outer(w)
    wm.mousemove(x + 50, y + 10)
    c.send_root_message("_NET_WM_MOVERESIZE", [x + 50, y + 10, MOVE, 1, 1],
                        window=w)
    wm.sync()
    wm.mousemove(900, 700)
    assert wm.outer(w) == (x, y, ww, h), \
        f"with no button down the window follows the pointer: {wm.outer(w)}"
    assert wm.x.keyboard_grabbable(), "the pointer stays grabbed"


def test_frame_extents_asked_by_a_managed_window_say_its_border(wm):
    """_NET_REQUEST_FRAME_EXTENTS from a window ctile already manages (a
    player that asks again while fullscreen): the answer must be the border
    it has (none: fullscreen), not the configured one, and it must not stay
    wrong."""
    c = wm.client()
    w = c.create(title="player", states=[FS])
    wm.wait_managed(w)
    assert wm.outer(w) == FULL and wm.border(w) == 0
    assert wm.x.cardinals(w, "_NET_FRAME_EXTENTS") == [0] * 4
    c.send_root_message("_NET_REQUEST_FRAME_EXTENTS", [], window=w)
    wm.sync()
    assert wm.x.cardinals(w, "_NET_FRAME_EXTENTS") == [wm.border(w)] * 4, \
        "_NET_FRAME_EXTENTS no longer says the window's border"


def test_a_sticky_window_is_on_the_tags_a_reload_adds(make_wm):
    """A picture-in-picture window is sticky (every tag); the user adds
    tags to the config and reloads: it must be on the new tags too, and
    still say sticky."""
    from conftest import config_without_bar
    text = config_without_bar()
    d = make_wm(text)
    c = d.client()
    pip = c.create(title="pip", states=["_NET_WM_STATE_STICKY"])
    d.wait_managed(pip)
    assert d.tags(pip) == ALL_TAGS
    d.write_config(text.replace("tags 1 2 3 4 5 6 7 8 9",
                                "tags 1 2 3 4 5 6 7 8 9 10 11 12"))
    d.key("super+shift+r")
    d.x.wait_for(lambda: d.x.cardinal(d.x.root.id,
                                      "_NET_NUMBER_OF_DESKTOPS") == 12,
                 "the reload to give 12 desktops")
    c.send_root_message("_NET_CURRENT_DESKTOP", [11, 0])
    d.sync()
    assert d.viewed() == 1 << 11
    assert d.shown(pip), "the sticky window is not on the tag the reload added"
    names = [d.x.atom_name(a) for a in d.x.prop(pip, "_NET_WM_STATE")[2]]
    assert "_NET_WM_STATE_STICKY" in names


def test_fullscreen_asked_after_four_other_early_requests_is_kept(wm):
    """A client maps its window and at once sets four states (Qt window
    flags: above, which ctile knows, and skip taskbar, skip pager and
    maximized, which it does not), then asks for fullscreen, all before
    ctile has the window's properties. The ignored states must not use up
    the room of the one that matters."""
    base = baseline(wm)
    c = wm.client()
    w = c.create(title="eager", map=False)
    c.d.grab_server()  # the order a slow server or a busy ctile would see
    c.map(w, sync=None)
    for name in ("_NET_WM_STATE_ABOVE", "_NET_WM_STATE_SKIP_TASKBAR",
                 "_NET_WM_STATE_SKIP_PAGER", "_NET_WM_STATE_MAXIMIZED_VERT"):
        c.send_root_message("_NET_WM_STATE", [1, c.atom(name), 0, 1],
                            window=w, sync=None)
    c.send_root_message("_NET_WM_STATE", [1, c.atom(FS), 0, 1], window=w,
                        sync=None)
    c.sync()
    c.d.ungrab_server()
    c.sync()
    wm.wait_managed(w)
    assert wm.outer(w) == FULL, \
        f"the fullscreen request was lost: {wm.outer(w)}"
    wm.assert_healthy(base + [w])


def test_a_floating_fullscreen_window_floats_where_it_was_after_restart(wm):
    """A floating window is fullscreen when ctile restarts; leaving
    fullscreen afterwards it must float where it floated before, not cover
    the whole screen at the screen's size."""
    other = wm.xterm("other")
    c = wm.client()
    w = floating_window(wm, c)
    before = wm.outer(w)
    set_fullscreen(wm, c, w, True)
    assert wm.outer(w) == FULL
    old = wm.watch_wm()
    wm.key("super+control+r", sync=False)
    wm.wait_ready(old_check=old)
    assert wm.outer(w) == FULL
    set_fullscreen(wm, c, w, False)
    assert wm.outer(w) == before, \
        f"out of fullscreen it is {wm.outer(w)}, it floated at {before}"
    wm.assert_healthy([other, w])
