"""Hostile clients and unlucky users against minimize/restore, keep-above,
the WM_S0 selection and grabbed urgency rewrites. Each test does the bad
thing, then checks what a user would notice: no window lost, the focus on
a window that is seen, nothing minimized out of reach, keys answered, the
server not left grabbed."""

import signal

import harness

from Xlib import X, Xatom

from harness import SCREEN_H, SCREEN_W
from test_minimize import HIDDEN, ICONIC, NORMAL, minimized, states
from xclient import INPUT_HINT, STATE_HINT, URGENCY_HINT

FULL = (0, 0, SCREEN_W, SCREEN_H)


def iconify(c, w, sync=True):
    """XIconifyWindow: ICCCM's WM_CHANGE_STATE IconicState to the root."""
    c.send_root_message("WM_CHANGE_STATE", [ICONIC], window=w, sync=sync)


def hidden_req(c, w, action, sync=True):
    c.send_root_message("_NET_WM_STATE", [action, c.atom(HIDDEN), 0, 1],
                        window=w, sync=sync)


def activate(c, w, sync=True):
    c.send_root_message("_NET_ACTIVE_WINDOW", [2, 0, 0], window=w, sync=sync)


def focus_seen(wm):
    """The focus is on a managed window that is shown, or on nothing."""
    a = wm.active()
    if a:
        assert a in wm.managed(), f"active 0x{a:x} is not managed"
        assert wm.shown(a), f"the focus is on 0x{a:x}, which is not shown"
    return a


def restorable(wm, w, view=1):
    """The user gets w back with the keys: Mod4+Control+n on its view."""
    wm.key(f"super+{view}")
    for _ in range(10):
        if wm.shown(w):
            break
        wm.key("super+control+n")
    assert wm.shown(w), f"0x{w:x} cannot be brought back with the keys"
    assert wm.wm_state(w) == NORMAL and HIDDEN not in states(wm, w)


def test_a_flood_of_minimize_and_restore_requests_ends_as_the_last_asked(wm):
    """Guard: 300 WM_CHANGE_STATE and _NET_WM_STATE_HIDDEN add, remove and
    toggle requests, unsynced; the window ends as the last one says, its
    WM_STATE, _NET_WM_STATE and map state agreeing."""
    a = wm.xterm("a")
    c = wm.client()
    w = c.create(title="flooded")
    wm.wait_managed(w)
    for i in range(100):
        iconify(c, w, sync=None)
        hidden_req(c, w, 0, sync=None)
        hidden_req(c, w, 2, sync=None)
    c.sync()
    wm.sync()
    assert minimized(wm, w), "toggled last from shown: must be minimized"
    hidden_req(c, w, 2)
    wm.sync()
    assert wm.shown(w) and wm.wm_state(w) == NORMAL
    assert HIDDEN not in states(wm, w)
    focus_seen(wm)
    wm.assert_healthy([a, w])


def test_minimizing_the_only_window_leaves_nothing_focused_and_it_comes_back(
        wm):
    """Guard: the only window minimized: the focus is on nothing, keys
    still work, Mod4+Control+n brings it back with the focus."""
    a = wm.xterm("only")
    wm.key("super+n")
    assert minimized(wm, a)
    assert focus_seen(wm) == 0
    assert wm.x.input_focus() != a, "X input focus stayed on a hidden window"
    wm.key("super+control+n")
    assert wm.shown(a) and wm.active() == a
    wm.assert_healthy([a])


def test_a_minimized_fullscreen_window_comes_back_fullscreen_and_on_top(wm):
    a = wm.xterm("below")
    f = wm.xterm("player")
    wm.key("super+shift+f")
    assert wm.outer(f) == FULL
    wm.key("super+n")
    assert minimized(wm, f)
    assert wm.active() == a and wm.outer(a) == FULL
    st = wm.x.stacking()
    assert st.index(a) > st.index(f) or not wm.shown(f)
    wm.key("super+control+n")
    assert wm.shown(f) and wm.outer(f) == FULL and wm.active() == f
    st = wm.x.stacking()
    assert st.index(f) > st.index(a), "the fullscreen window came back below"
    wm.assert_healthy([a, f])


def test_minimizing_a_dialogs_parent(wm):
    """The parent of a transient dialog minimized: the dialog stays
    reachable, the parent comes back below its dialog."""
    c = wm.client()
    other = wm.xterm("other")
    p = c.create(title="parent")
    wm.wait_managed(p)
    d = c.create(title="dialog", transient_for=p, w=120, h=80)
    wm.wait_managed(d)
    iconify(c, p)
    wm.sync()
    assert minimized(wm, p)
    focus_seen(wm)
    activate(c, p)
    wm.sync()
    assert wm.shown(p) and wm.active() == p
    st = wm.x.stacking()
    assert st.index(d) > st.index(p), "the dialog went below its parent"
    wm.assert_healthy([other, p, d])


def test_a_window_on_two_tags_minimized_on_one_is_minimized_on_both(wm):
    a = wm.xterm("a")
    b = wm.xterm("both")
    wm.key("super+control+shift+2")
    assert wm.tags(b) == 0b11
    wm.key("super+n")
    assert minimized(wm, b)
    wm.key("super+2")
    assert minimized(wm, b), "minimized on tag 1, shown on tag 2"
    focus_seen(wm)
    wm.key("super+control+n")
    assert wm.shown(b) and wm.active() == b
    wm.key("super+1")
    assert wm.shown(b)
    wm.assert_healthy([a, b])


def test_a_floating_window_kept_above_minimized_and_back_is_still_above(wm):
    a = wm.xterm("a")
    w = wm.xterm("pip")
    wm.key("super+shift+space")  # float
    wm.run("wmctrl", "-i", "-r", hex(w), "-b", "add,above")
    wm.sync()
    g = wm.outer(w)
    wm.key("super+n")
    assert minimized(wm, w)
    assert wm.active() == a
    wm.key("super+control+n")
    assert wm.shown(w) and wm.outer(w) == g
    assert "_NET_WM_STATE_ABOVE" in states(wm, w)
    wm.key("super+j")  # focus the tiled one: w stays on top
    st = wm.x.stacking()
    assert st.index(w) > st.index(a)
    wm.assert_healthy([a, w])


def test_a_minimized_window_that_withdraws_and_maps_again(wm):
    """Guard: withdrawn while minimized it leaves the list; mapped again
    it is a new window, shown."""
    a = wm.xterm("a")
    c = wm.client()
    w = c.create(title="withdrawn-while-minimized")
    wm.wait_managed(w)
    iconify(c, w)
    wm.sync()
    assert minimized(wm, w)
    c.withdraw(w)
    wm.wait_unmanaged(w)
    focus_seen(wm)
    c.map(w)
    wm.wait_managed(w)
    assert wm.shown(w), "mapped again after a withdrawal, yet not shown"
    assert HIDDEN not in states(wm, w)
    wm.assert_healthy([a, w])


def test_a_minimized_window_destroyed(wm):
    a = wm.xterm("a")
    c = wm.client()
    w = c.create(title="dies-minimized")
    wm.wait_managed(w)
    iconify(c, w)
    wm.sync()
    c.destroy(w)
    wm.wait_unmanaged(w)
    wm.key("super+control+n")  # nothing to restore: no harm
    focus_seen(wm)
    wm.assert_healthy([a])


def test_a_minimized_window_turning_urgent_is_reachable_with_mod4_u(wm):
    a = wm.xterm("a")
    c = wm.client()
    w = c.create(title="urgent-while-minimized")
    wm.wait_managed(w)
    iconify(c, w)
    wm.sync()
    c.set_wm_hints(w, urgent=True, sync=True)
    wm.sync()
    assert minimized(wm, w)
    wm.key("super+u")
    assert wm.shown(w) and wm.active() == w, \
        "Mod4+u did not bring back the urgent minimized window"
    wm.assert_healthy([a, w])


def test_activating_a_window_minimized_on_a_hidden_tag_views_it(wm):
    a = wm.xterm("a")
    c = wm.client()
    w = c.create(title="elsewhere")
    wm.wait_managed(w)
    wm.key("super+shift+3")
    iconify(c, w)
    wm.sync()
    activate(c, w)
    wm.sync()
    assert wm.viewed() == 1 << 2 and wm.shown(w) and wm.active() == w
    wm.key("super+1")
    wm.assert_healthy([a, w])


def test_change_state_for_the_root_an_override_redirect_and_unmapped_window(
        wm):
    """Guard: WM_CHANGE_STATE and HIDDEN for windows ctile does not manage
    change nothing; an unmapped window asked iconic and then mapped is
    shown normally."""
    a = wm.xterm("a")
    c = wm.client()
    o = c.create(title="popup", override_redirect=True)
    u = c.create(title="not-yet", map=False)
    for w in (c.root.id, o, u, 0, 0x7ffffff):
        iconify(c, w, sync=None)
        hidden_req(c, w, 1, sync=None)
    c.sync()
    wm.sync()
    assert wm.shown(a) and wm.active() == a
    assert wm.shown(o), "an override-redirect window was hidden"
    c.map(u)
    wm.wait_managed(u)
    assert wm.shown(u)
    wm.assert_healthy([a, u])


def iconic_hints(c, w, urgent=False):
    flags = INPUT_HINT | STATE_HINT | (URGENCY_HINT if urgent else 0)
    c.win(w).change_property(Xatom.WM_HINTS, Xatom.WM_HINTS, 32,
                             [flags, 1, ICONIC, 0, 0, 0, 0, 0, 0])


def test_an_iconic_transient_starts_minimized_and_comes_back(wm):
    a = wm.xterm("parent")
    c = wm.client()
    d = c.create(title="iconic-dialog", transient_for=a, map=False)
    iconic_hints(c, d)
    c.map(d)
    wm.wait_managed(d)
    assert minimized(wm, d)
    assert wm.active() == a
    wm.key("super+control+n")
    assert wm.shown(d) and wm.active() == d
    wm.assert_healthy([a, d])


def test_minimized_while_being_dragged(wm):
    """The window under a Mod4+drag minimizes itself: the drag ends, the
    mouse works, the window comes back."""
    a = wm.xterm("a")
    c = wm.client()
    w = c.create(title="dragged")
    wm.wait_managed(w)
    x, y, ww, hh = wm.outer(w)
    sx, sy = x + ww // 2, y + hh // 2
    wm.run("xdotool", "mousemove", str(sx), str(sy), "keydown", "super",
           "mousedown", "1", "mousemove", str(sx + 20), str(sy + 20))
    wm.sync()
    iconify(c, w)
    wm.sync()
    wm.run("xdotool", "mousemove", str(sx + 60), str(sy + 60), "mouseup",
           "1", "keyup", "super")
    wm.sync()
    assert minimized(wm, w)
    assert wm.x.keyboard_grabbable()
    wm.key("super+control+n")
    assert wm.shown(w) and wm.active() == w
    wm.assert_healthy([a, w])


def setup_states(d):
    """A tiled window, one minimized, a floating one kept above and a
    fullscreen one, on tag 1."""
    c = d.client()
    t = c.create(title="tiled")
    d.wait_managed(t)
    m = c.create(title="minimized")
    d.wait_managed(m)
    iconify(c, m)
    ab = c.create(title="above", w=150, h=100)
    d.wait_managed(ab)
    d.key("super+shift+space")
    c.send_root_message("_NET_WM_STATE",
                        [1, c.atom("_NET_WM_STATE_ABOVE"), 0, 1], window=ab)
    f = c.create(title="fullscreen")
    d.wait_managed(f)
    c.send_root_message("_NET_WM_STATE",
                        [1, c.atom("_NET_WM_STATE_FULLSCREEN"), 0, 1],
                        window=f)
    d.sync()
    assert minimized(d, m)
    assert d.outer(f) == FULL
    assert "_NET_WM_STATE_ABOVE" in states(d, ab)
    return t, m, ab, f


def check_states(d, t, m, ab, f):
    assert sorted(d.managed()) == sorted([t, m, ab, f])
    assert minimized(d, m), "the minimized window is no longer minimized"
    assert d.outer(f) == FULL and "_NET_WM_STATE_FULLSCREEN" in states(d, f)
    assert "_NET_WM_STATE_ABOVE" in states(d, ab)
    assert d.shown(t) and d.shown(ab)
    focus_seen(d)
    restorable(d, m)


def test_restart_keeps_minimized_above_and_fullscreen(wm):
    t, m, ab, f = setup_states(wm)
    old = wm.watch_wm()
    wm.key("super+control+r", sync=False)
    wm.wait_ready(old_check=old)
    check_states(wm, t, m, ab, f)
    wm.assert_healthy([t, m, ab, f])


def test_sigkill_and_start_again_keeps_minimized_above_and_fullscreen(xvfb):
    p = xvfb.start_ctile()
    t, m, ab, f = setup_states(xvfb)
    old = xvfb.watch_wm()
    p.send_signal(signal.SIGKILL)
    xvfb.wait_exit(p)
    xvfb.start_ctile(old_check=old)
    check_states(xvfb, t, m, ab, f)
    xvfb.assert_healthy([t, m, ab, f])


def test_a_client_that_takes_wm_s0_and_dies(xvfb):
    """Guard: ctile leaves (ICCCM) leaving every window mapped and the
    server ungrabbed; a ctile started again once the thief is gone manages
    them all, and the one minimized before can be brought back."""
    p = xvfb.start_ctile()
    c = xvfb.client()
    a = c.create(title="a")
    b = c.create(title="b")
    xvfb.wait_managed(b)
    iconify(c, b)
    xvfb.sync()
    thief = xvfb.client()
    tw = thief.create(title="thief", override_redirect=True, map=False)
    thief.win(tw).set_selection_owner(thief.atom("WM_S0"), X.CurrentTime)
    thief.sync()
    assert xvfb.wait_exit(p) == 0
    assert xvfb.shown(a) and xvfb.shown(b)
    assert xvfb.x.keyboard_grabbable()
    thief.close_abruptly()
    xvfb.start_ctile()
    assert sorted(xvfb.managed()) == sorted([a, b])
    assert xvfb.shown(a)
    restorable(xvfb, b)
    focus_seen(xvfb)
    xvfb.assert_healthy([a, b])


def test_quit_with_a_minimized_window_leaves_it_shown_and_not_hidden(xvfb):
    """Quit maps every window: one minimized is on screen afterwards, so it
    must not still claim _NET_WM_STATE_HIDDEN: pagers take it for
    minimized, and a ctile started again (after quit, SIGTERM, or a WM_S0
    thief that went away) adopts it as minimized and hides a window the
    user had on screen."""
    p = xvfb.start_ctile()
    c = xvfb.client()
    c.create(title="a")
    b = c.create(title="b")
    xvfb.wait_managed(b)
    iconify(c, b)
    xvfb.sync()
    xvfb.key("super+shift+q", sync=False, check=False)
    assert xvfb.wait_exit(p) == 0
    assert xvfb.shown(b)
    assert HIDDEN not in states(xvfb, b), \
        "a window left on screen still says _NET_WM_STATE_HIDDEN"


def test_two_replace_at_once(xvfb):
    """Two `ctile --replace` started together: exactly one ctile is left,
    owning WM_S0, managing every window and answering keys."""
    old = xvfb.start_ctile()
    c = xvfb.client()
    a = c.create(title="a")
    b = c.create(title="b")
    xvfb.wait_managed(b)
    check = xvfb.watch_wm()
    p1 = xvfb.start_ctile("--replace", wait=False)
    p2 = xvfb.start_ctile("--replace", wait=False)
    assert xvfb.wait_exit(old) == 0
    xvfb.x.wait_for(lambda: check in xvfb.x.destroyed, "old check to go")
    rcs = {}
    for p in (p1, p2):
        rcs[p.pid] = harness.wait_popen(p, 6)
    alive = [p for p in (p1, p2) if p.poll() is None]
    assert len(alive) == 1, f"ctiles left running: exit statuses {rcs}"
    xvfb.wait_ready()
    owner = xvfb.x.d.get_selection_owner(xvfb.x.atom("WM_S0"))
    owner = owner if isinstance(owner, int) else owner.id
    assert owner == xvfb.x.wm_check(), \
        "the ctile left running does not own WM_S0"
    xvfb.assert_healthy([a, b])


def test_urgency_set_in_a_tight_loop_while_focused_never_holds_the_server(
        wm):
    """Guard: a client rewrites WM_HINTS with the urgency flag hundreds of
    times while focus moves to and from it (each time focused, ctile
    clears the flag under a server grab). Other clients keep working, the
    flag ends cleared, xdotool getactivewindow answers."""
    a = wm.xterm("a")
    c = wm.client()
    w = c.create(title="nagging")
    wm.wait_managed(w)
    for i in range(300):
        c.set_wm_hints(w, urgent=True, sync=None)
        if i % 10 == 0:
            activate(c, a if i % 20 else w, sync=None)
    activate(c, w, sync=None)
    c.set_wm_hints(w, urgent=True, sync=None)
    c.sync()
    wm.sync()
    r = wm.run("xdotool", "getactivewindow", timeout=5)
    assert int(r.stdout.strip()) == w
    assert wm.x.keyboard_grabbable()
    hints = wm.x.cardinals(w, "WM_HINTS")
    assert not hints[0] & URGENCY_HINT, "the focused window is still urgent"
    # A window that dies while its flag is being cleared.
    d = c.create(title="dies-urgent")
    wm.wait_managed(d)
    c.set_wm_hints(d, urgent=True, sync=None)
    c.destroy(d, sync=None)
    c.sync()
    wm.wait_unmanaged(d)
    other = wm.client()
    o = other.create(title="still-works")
    wm.wait_managed(o)
    wm.assert_healthy([a, w, o])


def test_a_keycode_binding_replaces_the_default_for_the_same_key(make_wm):
    """ctile(5): a later bind of the same keys replaces the earlier one;
    #10 is the key that gives 1 on this keymap. `bind Mod4+#10 view 3`
    after the default `bind Mod4+1 view 1` must make Mod4+1 view tag 3."""
    from conftest import config_without_bar
    d = make_wm(config_without_bar() + "bind Mod4+#10 view 3\n")
    code = d.x.d.keysym_to_keycode(ord("1"))
    assert code == 10, f"this keymap gives 1 on keycode {code}"
    d.key("super+2")
    d.key("super+1")
    assert d.viewed() == 1 << 2, \
        f"Mod4+1 still runs the default binding (view {d.viewed():#b})"


def test_odd_keysym_bindings_leave_the_others_working(make_wm):
    """Guard: bindings of keys no key gives, of modifier keys, of the
    Shift level, of VoidSymbol and of keycodes at the ends of the range
    take no key away from the default bindings."""
    from conftest import config_without_bar
    odd = ("bind Mod4+VoidSymbol view 5\n"
           "bind Mod4+Super_L view 5\n"
           "bind Mod4+Multi_key view 5\n"
           "bind Mod4+eacute view 5\n"
           "bind Mod4+exclam view 5\n"
           "bind Mod4+Shift+exclam view 5\n"
           "bind Mod4+U20AC view 5\n"
           "bind Mod4+#8 view 5\n"
           "bind Mod4+#255 view 5\n"
           "bind Mod4+plus view 5\n")
    d = make_wm(config_without_bar() + odd)
    a = d.xterm("a")
    d.key("super+shift+2")
    assert d.tags(a) == 0b10, "Mod4+Shift+1..9 lost to a Shift-level bind"
    d.key("super+2")
    assert d.shown(a)
    d.assert_healthy([], start_view=1)
