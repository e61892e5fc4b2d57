"""Misbehaving clients and odd timing that test_bad_input.py does not cover.
Each test does the bad thing, then checks what a user would notice: the
window is managed and shown on its tag, dead windows are gone, the mouse
and the keys still work, ctile still answers a sync."""

from Xlib import X, XK, Xatom
from Xlib.ext import xtest

from harness import SCREEN_H, SCREEN_W
from test_bad_input import baseline
from test_bar_systray import config as tray_config
from test_bar_systray import ctile_tray
from test_bar_systray import dock as tray_dock
from test_docks import partial, set_type


def test_window_withdrawn_and_mapped_again_before_it_is_managed(wm):
    """Qt's and GTK's show(); hide(); show(): a map, an ICCCM withdrawal
    (unmap plus the synthetic UnmapNotify), a map again, all before ctile
    has the window's properties. The client's last word is "mapped": the
    window must end up managed and shown."""
    base = baseline(wm)
    c = wm.client()
    wins = [c.create(title=f"show-hide-show-{i}", map=False)
            for i in range(10)]
    for w in wins:
        c.map(w, sync=False)
        c.withdraw(w, sync=False)
        c.map(w, sync=False)
    c.sync()
    wm.sync()
    lost = [hex(w) for w in wins if w not in wm.managed()]
    assert not lost, f"windows mapped by their client were lost: {lost}"
    for w in wins:
        assert wm.shown(w), f"window 0x{w:x} is not shown"
    wm.assert_healthy(base + wins)


def test_hidden_window_reparented_away_then_destroyed(wm):
    """A client reparents one of its managed windows into another window of
    its own while ctile has it hidden on another tag (no UnmapNotify then),
    and later destroys it. ctile must not keep a dead window: not in
    _NET_CLIENT_LIST, not holding a tile on its tag."""
    base = baseline(wm)
    c = wm.client()
    holder = c.create(title="holder", override_redirect=True, w=40, h=40)
    w = c.create(title="runaway")
    wm.wait_managed(w)
    wm.key("super+shift+2")  # the focused window (w) to tag 2: hidden
    assert wm.hidden(w)
    c.win(w).reparent(c.win(holder), 0, 0)
    c.sync()
    wm.sync()
    c.destroy(w)
    wm.sync()
    assert w not in wm.managed(), \
        "a destroyed window is still listed in _NET_CLIENT_LIST"
    # Tag 2's only other window fills the screen: no hole for a ghost.
    wm.key("super+1")
    wm.key("super+shift+2")  # base[1], now focused, joins tag 2
    wm.key("super+2")
    assert wm.outer(base[1]) == (0, 0, SCREEN_W, SCREEN_H), \
        f"tag 2 keeps a tile for the dead window: {wm.outer(base[1])}"
    wm.key("super+1")
    wm.assert_healthy([base[0]])


def drag(wm, win, dx, dy):
    """super+Button1 drag from the middle of win by (dx, dy)."""
    x, y, w, h = wm.outer(win)
    sx, sy = x + w // 2, y + h // 2
    wm.run("xdotool", "mousemove", str(sx), str(sy), "keydown", "super",
           "mousedown", "1", "mousemove", str(sx + dx // 2),
           str(sy + dy // 2), "mousemove", str(sx + dx), str(sy + dy),
           "mouseup", "1", "keyup", "super")
    wm.sync()


def test_window_destroyed_while_being_dragged(wm):
    """The window under a super+Button1 drag goes away (a dialog closing,
    a crash): X ends the grab, no ButtonRelease reaches ctile. Dragging
    must still work afterwards, and focus must still follow the mouse."""
    base = baseline(wm)
    c = wm.client()
    victim = c.create(title="dragged-then-gone")
    wm.wait_managed(victim)
    x, y, w, h = wm.outer(victim)
    sx, sy = x + w // 2, y + h // 2
    wm.run("xdotool", "mousemove", str(sx), str(sy), "keydown", "super",
           "mousedown", "1", "mousemove", str(sx + 20), str(sy + 20))
    wm.sync()
    c.destroy(victim)
    wm.wait_unmanaged(victim)
    wm.run("xdotool", "mouseup", "1", "keyup", "super")
    wm.sync()

    t = base[1]
    x, y, w, h = wm.outer(t)
    drag(wm, t, 100, 100)
    assert wm.outer(t)[:2] == (x + 100, y + 100), \
        f"super+Button1 drag no longer moves a window: {wm.outer(t)}"
    # The moved window floats above the other one: point at a part of the
    # other that it does not cover.
    other = base[0]
    ox, oy, ow, oh = wm.outer(other)
    tx, ty, tw, th = wm.outer(t)
    assert tx > ox + 10, (wm.outer(other), wm.outer(t))
    wm.mousemove(ox + 5, oy + oh // 2)
    assert wm.active() == other, "focus no longer follows the mouse"
    wm.assert_healthy(base)


def test_tag_switch_while_dragging(wm):
    """super+2 pressed in the middle of a drag hides the dragged window:
    the same lost grab as above, caused by ctile itself."""
    base = baseline(wm)
    t = base[1]
    x, y, w, h = wm.outer(t)
    sx, sy = x + w // 2, y + h // 2
    wm.run("xdotool", "mousemove", str(sx), str(sy), "keydown", "super",
           "mousedown", "1", "mousemove", str(sx + 20), str(sy + 20),
           "key", "super+2", "mouseup", "1", "keyup", "super")
    wm.sync()
    wm.key("super+1")
    x, y, w, h = wm.outer(t)
    drag(wm, t, 100, 100)
    assert wm.outer(t)[:2] == (x + 100, y + 100), \
        f"super+Button1 drag no longer moves a window: {wm.outer(t)}"
    wm.assert_healthy(base)


def test_ewmh_requests_sent_right_after_map(wm):
    """A client maps its window and at once asks (EWMH client messages) for
    desktop 3 and fullscreen, without waiting for the MapNotify. The
    requests come while ctile still waits for the window's properties; they
    must not be lost. (The client holds the server meanwhile so that ctile's
    property requests are answered only after both messages: the order in
    which a slow X server or a busy ctile would see them.)"""
    base = baseline(wm)
    c = wm.client()
    w = c.create(title="eager", map=False)
    fullscreen = c.atom("_NET_WM_STATE_FULLSCREEN")
    c.d.grab_server()
    c.map(w, sync=None)
    c.send_root_message("_NET_WM_DESKTOP", [2, 1], window=w, sync=None)
    c.send_root_message("_NET_WM_STATE", [1, fullscreen, 0, 1], window=w,
                        sync=None)
    c.sync()
    c.d.ungrab_server()
    c.sync()
    wm.wait_managed(w)
    assert wm.desktop(w) == 2 and wm.tags(w) == 1 << 2, \
        f"the _NET_WM_DESKTOP request was lost: tags {wm.tags(w)}"
    wm.key("super+3")
    assert wm.shown(w)
    assert wm.outer(w) == (0, 0, SCREEN_W, SCREEN_H), \
        f"the fullscreen request was lost: {wm.outer(w)}"
    wm.key("super+1")
    wm.assert_healthy(base + [w])


def test_a_dock_docked_in_the_systray_gives_its_room_back_when_it_dies(
        make_wm):
    """A client asks the tray to dock a window that is a dock with a strut
    (a bogus SYSTEM_TRAY_REQUEST_DOCK). Once that window is destroyed the
    room its strut reserved must come back."""
    d = make_wm(tray_config())
    tray = ctile_tray(d)
    c = d.client()
    a = c.create(title="tiled")
    d.wait_managed(a)
    before = d.outer(a)
    dk = c.create(0, SCREEN_H - 30, SCREEN_W, 30, title="a-dock", map=False)
    set_type(c, dk, "_NET_WM_WINDOW_TYPE_DOCK")
    c.win(dk).change_property(c.atom("_NET_WM_STRUT_PARTIAL"),
                              Xatom.CARDINAL, 32, partial(bottom=30))
    c.map(dk)
    d.sync()
    assert d.outer(a)[3] == before[3] - 30, "the dock reserved no room"
    tray_dock(c, tray, dk)
    d.sync()
    c.destroy(dk)
    d.sync()
    assert d.outer(a) == before, \
        f"the dead dock's strut still takes room: {d.outer(a)} != {before}"
    d.assert_healthy([a])


def fake_keys(c, *names):
    """Press and release a key combination through XTEST on c's own
    connection (which may hold the server)."""
    codes = [c.d.keysym_to_keycode(XK.string_to_keysym(n)) for n in names]
    for k in codes:
        xtest.fake_input(c.d, X.KeyPress, k)
    for k in reversed(codes):
        xtest.fake_input(c.d, X.KeyRelease, k)


def test_restart_while_a_window_waits_to_be_managed(wm):
    """A window is mapped and super+control+r pressed at once (the client
    holds the server so that both reach ctile before its property replies):
    the old ctile takes the window on but has not shown it yet when it
    re-executes. The MapRequest went to the old ctile; the window must
    still be managed and shown by the new one."""
    base = baseline(wm)
    c = wm.client()
    w = c.create(title="mapped-at-restart", map=False)
    old = wm.watch_wm()
    c.d.grab_server()
    c.map(w, sync=None)
    fake_keys(c, "Super_L", "Control_L", "r")
    c.sync()
    c.d.ungrab_server()
    c.sync()
    wm.wait_ready(old_check=old)
    assert w in wm.managed(), \
        "the window mapped just before the restart was lost (never mapped)"
    assert wm.shown(w)
    wm.assert_healthy(base + [w])
