"""Minimize and restore, as awesome and Qtile users know them: a title
bar's minimize button or a taskbar (XIconifyWindow: ICCCM's
WM_CHANGE_STATE), Mod4+n and Mod4+Control+n, and whatever activates a
window (rofi, wmctrl -a, a taskbar click) to bring it back."""

from harness import SCREEN_H, SCREEN_W, tile_rects

FULL = (0, 0, SCREEN_W, SCREEN_H)
HIDDEN = "_NET_WM_STATE_HIDDEN"
ICONIC, NORMAL = 3, 1


def states(wm, w):
    p = wm.x.prop(w, "_NET_WM_STATE")
    return [wm.x.atom_name(a) for a in (p[2] if p else [])]


def minimized(wm, w):
    """What pagers, taskbars and a restarted ctile read."""
    return not wm.shown(w) and wm.wm_state(w) == ICONIC and \
        HIDDEN in states(wm, w)


def test_a_minimize_button_hides_the_window_and_the_others_take_its_room(wm):
    """xdotool windowminimize does what a title bar's minimize button does
    (XIconifyWindow). The window goes, the others are tiled without it,
    the focus moves on; it stays managed and comes back, focused and
    tiled, when activated (wmctrl -a, rofi, a taskbar)."""
    a = wm.xterm("a")
    b = wm.xterm("b")
    assert wm.active() == b
    wm.run("xdotool", "windowminimize", "--sync", str(b))
    wm.sync()
    assert minimized(wm, b), \
        f"not minimized: shown={wm.shown(b)} WM_STATE={wm.wm_state(b)} " \
        f"_NET_WM_STATE={states(wm, b)}"
    assert wm.outer(a) == FULL, "the other window did not take the room"
    assert wm.active() == a, "the focus stayed on the minimized window"
    assert b in wm.managed(), "a minimized window left the client list"
    assert wm.tags(b) == 1, "minimizing changed the window's tags"

    wm.run("wmctrl", "-i", "-a", hex(b))
    wm.sync()
    assert wm.shown(b) and wm.wm_state(b) == NORMAL
    assert HIDDEN not in states(wm, b)
    assert wm.active() == b
    assert sorted([wm.outer(b), wm.outer(a)]) == sorted(tile_rects(2))


def test_keys_minimize_and_restore_the_last_minimized_first(wm):
    """Mod4+n minimizes the focused window; Mod4+Control+n brings back the
    one minimized last, with the focus, then the one before. With none
    left, the key does no harm."""
    a = wm.xterm("a")
    b = wm.xterm("b")
    c = wm.xterm("c")
    wm.key("super+n")
    assert minimized(wm, c) and wm.active() == b
    wm.key("super+n")
    assert minimized(wm, b) and wm.active() == a
    assert wm.outer(a) == FULL
    wm.key("super+control+n")
    assert wm.shown(b) and wm.active() == b, \
        "Mod4+Control+n did not bring back the window minimized last"
    assert minimized(wm, c)
    wm.key("super+control+n")
    assert wm.shown(c) and wm.active() == c
    wm.key("super+control+n")  # none left
    assert all(wm.shown(w) for w in (a, b, c))
    wm.assert_healthy([a, b, c])


def test_a_minimized_window_stays_minimized_across_tag_switches(wm):
    """Viewing another tag and coming back does not bring it back."""
    a = wm.xterm("a")
    b = wm.xterm("b")
    wm.key("super+n")
    wm.key("super+2", "super+1")
    assert minimized(wm, b), "a tag switch brought the window back"
    assert wm.shown(a) and wm.outer(a) == FULL


def test_a_client_that_maps_its_window_again_restores_it(wm):
    """ICCCM: a client leaves the iconic state by mapping its window (a
    chat window raising itself for a new message). It comes back without
    taking the focus."""
    a = wm.xterm("a")
    c = wm.client()
    w = c.create(title="chat")
    wm.wait_managed(w)
    wm.run("xdotool", "windowminimize", "--sync", str(w))
    wm.sync()
    assert minimized(wm, w)
    c.map(w)
    wm.sync()
    assert wm.shown(w) and HIDDEN not in states(wm, w), \
        "mapping the window again did not restore it"
    assert wm.active() == a, "the restored window took the focus"


def test_a_window_asking_to_start_iconic_starts_minimized(wm):
    """xterm -iconic (WM_HINTS initial_state IconicState): managed, not
    shown, not focused; Mod4+Control+n shows it."""
    a = wm.xterm("a")
    p = wm.spawn("xterm", "-iconic", "-T", "iconic")
    w = wm.x.wait_for(lambda: wm.find("iconic"),
                      "xterm -iconic to be managed")
    wm.sync()
    assert p.poll() is None
    assert minimized(wm, w), "the iconic xterm was shown"
    assert wm.active() == a
    wm.key("super+control+n")
    assert wm.shown(w) and wm.active() == w


def test_minimized_windows_stay_minimized_after_a_restart(wm):
    """Mod4+Control+r: the minimized window is still minimized, and can
    still be restored."""
    a = wm.xterm("a")
    b = wm.xterm("b")
    wm.key("super+n")
    assert minimized(wm, b)
    old = wm.watch_wm()
    wm.key("super+control+r", sync=False)
    wm.wait_ready(old_check=old)
    assert minimized(wm, b), "the restart brought the window back"
    assert wm.outer(a) == FULL
    wm.key("super+control+n")
    assert wm.shown(b) and wm.active() == b
