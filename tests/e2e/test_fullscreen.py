"""Fullscreen as players and games ask for it (_NET_WM_STATE_FULLSCREEN):
the whole monitor, no border, above the bar, and back where it was."""

import harness
from harness import SCREEN_H, SCREEN_W

FULL = (0, 0, SCREEN_W, SCREEN_H)
REMOVE, ADD, TOGGLE = 0, 1, 2


def state(d, w):
    """The atoms in the window's _NET_WM_STATE, by name."""
    p = d.x.prop(w, "_NET_WM_STATE")
    return [d.x.atom_name(a) for a in (p[2] if p else [])]


def ask(d, w, action):
    c = d.client()
    fs = c.atom("_NET_WM_STATE_FULLSCREEN")
    c.send_root_message("_NET_WM_STATE", [action, fs, 0, 1], window=w)
    d.sync()


def test_fullscreen_and_back(make_wm):
    d = make_wm((harness.REPO / "config" / "config").read_text())
    a = d.xterm()
    b = d.xterm()
    tiled = d.outer(a)
    ask(d, a, ADD)
    assert d.outer(a) == FULL, "the whole screen, the bar's part too"
    assert d.x.geometry(a)[4] == 0, "no border"
    assert state(d, a) == ["_NET_WM_STATE_FULLSCREEN"]
    order = d.x.stacking()
    assert all(order.index(a) > order.index(bar) for bar in d.bars()), \
        "above the bar"
    assert d.outer(b) != FULL, "the other window keeps its place"
    ask(d, a, TOGGLE)
    assert d.outer(a) == tiled, "back where it was"
    assert state(d, a) == []
    ask(d, a, TOGGLE)
    assert d.outer(a) == FULL
    ask(d, a, REMOVE)
    assert d.outer(a) == tiled


def test_fullscreen_stays_on_top_when_focus_moves(wm):
    a = wm.xterm("tiled")
    b = wm.xterm("player")
    ask(wm, b, ADD)
    wm.key("super+j")
    assert wm.active() == a
    order = wm.x.stacking()
    assert order.index(b) > order.index(a), \
        "the player still covers the screen, as in dwm and i3"
    assert wm.outer(b) == FULL


def test_fullscreen_from_the_keyboard(wm):
    a = wm.xterm("tiled")
    b = wm.xterm("video")
    tiled = wm.outer(b)
    wm.key("super+shift+f")
    assert wm.outer(b) == FULL
    assert wm.x.geometry(b)[4] == 0, "no border"
    assert state(wm, b) == ["_NET_WM_STATE_FULLSCREEN"], \
        "said so, for the player and for pagers"
    order = wm.x.stacking()
    assert order.index(b) > order.index(a), "on top of the other"
    wm.key("super+shift+f")
    assert wm.outer(b) == tiled, "back where it was"
    assert state(wm, b) == []


def test_a_window_that_starts_fullscreen(wm):
    c = wm.client()
    w = c.create(title="player", states=["_NET_WM_STATE_FULLSCREEN"])
    wm.wait_managed(w)
    assert wm.outer(w) == FULL
    assert state(wm, w) == ["_NET_WM_STATE_FULLSCREEN"]


def test_bad_state_messages_change_nothing(wm):
    a = wm.xterm()
    before = wm.outer(a)
    c = wm.client()
    fs = c.atom("_NET_WM_STATE_FULLSCREEN")
    c.send_root_message("_NET_WM_STATE", [7, fs, 0, 1], window=a)
    c.send_root_message("_NET_WM_STATE", [ADD, 0x7FFFFFF0, 0, 1], window=a)
    c.send_root_message("_NET_WM_STATE", [ADD, fs, 0, 1], window=0x7FFFFFF0)
    c.send_root_message("_NET_WM_STATE", [ADD, fs], fmt=16, window=a)
    wm.sync()
    assert wm.outer(a) == before
    wm.assert_healthy()


def test_a_new_window_opens_behind_the_film_without_the_keyboard(wm):
    """A terminal opened (a key, a script) while a film plays fullscreen:
    as in i3 it opens behind it, and the player keeps the focus; a dialog
    of the player's own comes in front with the focus."""
    c = wm.client()
    player = c.create(title="player", states=["_NET_WM_STATE_FULLSCREEN"])
    wm.wait_managed(player)
    assert wm.active() == player and wm.outer(player) == FULL
    term = wm.xterm("opened meanwhile")
    assert wm.active() == player, "the new window took the keyboard"
    order = wm.x.stacking()
    assert order.index(player) > order.index(term), \
        "the new window covers the film"
    assert wm.outer(player) == FULL
    dialog = c.create(title="player's dialog", transient_for=player)
    wm.wait_managed(dialog)
    assert wm.active() == dialog
    order = wm.x.stacking()
    assert order.index(dialog) > order.index(player), \
        "the player's dialog is hidden behind it"


def test_a_reload_leaves_the_film_above_the_bar(make_wm):
    """A reload makes the bar anew: the new bar must not cover the film
    being watched fullscreen."""
    d = make_wm((harness.REPO / "config" / "config").read_text())
    a = d.xterm()
    ask(d, a, ADD)
    d.key("super+shift+r")  # reload
    d.sync()
    order = d.x.stacking()
    assert d.bars(), "no bar after the reload"
    assert all(order.index(a) > order.index(bar) for bar in d.bars()), \
        "after a reload the bar covers the fullscreen window"
