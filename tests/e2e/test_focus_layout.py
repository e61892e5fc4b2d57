"""Focus, layouts, floating windows and the ICCCM rules around them."""

import os

import pytest
from Xlib import X

import harness
import xclient
from conftest import config_without_bar
from harness import (COLOR_FOCUS, COLOR_NORMAL, COLOR_URGENT, SCREEN_H,
                     SCREEN_W, tile_rects)

FULL = (0, 0, SCREEN_W, SCREEN_H)


def inside_screen(rect):
    x, y, w, h = rect
    return x >= 0 and y >= 0 and w > 0 and h > 0 and \
        x + w <= SCREEN_W and y + h <= SCREEN_H


def above(wm, top, below):
    order = wm.x.stacking()
    return order.index(top) > order.index(below)


def three(wm):
    """Three xterms; tiling order is newest first: [c, b, a]."""
    a = wm.xterm("a")
    b = wm.xterm("b")
    c = wm.xterm("c")
    return a, b, c


def assert_tiled(wm, order, nmaster=1, mfact=0.55):
    want = tile_rects(len(order), nmaster, mfact)
    got = [wm.outer(w) for w in order]
    assert got == want, f"tiling order {[hex(w) for w in order]}"


# -- focus


def test_new_window_takes_focus(wm):
    a = wm.xterm()
    assert wm.active() == a
    assert wm.x.input_focus() == a
    b = wm.xterm()
    assert wm.active() == b
    assert wm.x.input_focus() == b


def test_border_colours_show_focus(wm):
    a = wm.xterm()
    b = wm.xterm()
    assert wm.border(a) == 2 and wm.border(b) == 2
    assert wm.border_color(b) == COLOR_FOCUS
    assert wm.border_color(a) == COLOR_NORMAL
    wm.key("super+j")
    assert wm.active() == a
    assert wm.border_color(a) == COLOR_FOCUS
    assert wm.border_color(b) == COLOR_NORMAL


def test_urgent_window_gets_the_urgent_border(wm):
    c = wm.client()
    a = c.create(title="will-be-urgent")
    wm.wait_managed(a)
    b = wm.xterm()
    assert wm.active() == b
    c.set_wm_hints(a, urgent=True, sync=True)
    wm.sync()
    assert wm.border_color(a) == COLOR_URGENT
    assert wm.border_color(b) == COLOR_FOCUS
    assert wm.active() == b, "urgency must not steal focus"


def demand_attention(c, w, action):
    """A _NET_WM_STATE request as Qt's QApplication::alert and Chromium
    send it: add (1) or remove (0) _NET_WM_STATE_DEMANDS_ATTENTION."""
    c.send_root_message("_NET_WM_STATE",
                        [action, c.atom("_NET_WM_STATE_DEMANDS_ATTENTION"),
                         0, 1], window=w)


def test_a_window_demanding_attention_is_urgent(wm):
    """_NET_WM_STATE_DEMANDS_ATTENTION is urgency, as WM_HINTS' is: the
    urgent border, no focus stolen; taken back, or the window focused,
    and it is over."""
    c = wm.client()
    a = c.create(title="chat")
    wm.wait_managed(a)
    b = wm.xterm()
    supported = wm.x.prop(wm.x.root.id, "_NET_SUPPORTED")[2]
    assert c.atom("_NET_WM_STATE_DEMANDS_ATTENTION") in supported
    demand_attention(c, a, 1)
    wm.sync()
    assert wm.border_color(a) == COLOR_URGENT
    assert wm.active() == b, "attention must not steal focus"
    demand_attention(c, a, 0)
    wm.sync()
    assert wm.border_color(a) == COLOR_NORMAL
    demand_attention(c, a, 1)
    wm.sync()
    assert wm.border_color(a) == COLOR_URGENT
    wm.key("super+j")
    assert wm.active() == a
    assert wm.border_color(a) == COLOR_FOCUS
    wm.key("super+j")
    assert wm.border_color(a) == COLOR_NORMAL, "still urgent once seen"


def net_states(wm, w):
    p = wm.x.prop(w, "_NET_WM_STATE")
    return [wm.x.atom_name(a) for a in (p[2] if p else [])]


def test_urgency_is_published_for_pagers_and_taskbars(wm):
    """Taskbars (tint2, xfce4-panel, polybar's modules) flash a window whose
    _NET_WM_STATE holds DEMANDS_ATTENTION, whichever way it asked."""
    c = wm.client()
    a = c.create(title="mail")
    wm.wait_managed(a)
    b = wm.xterm()
    c.set_wm_hints(a, urgent=True, sync=True)
    wm.sync()
    assert net_states(wm, a) == ["_NET_WM_STATE_DEMANDS_ATTENTION"]
    c.set_wm_hints(a, urgent=False, sync=True)
    wm.sync()
    assert net_states(wm, a) == []
    demand_attention(c, a, 1)
    wm.sync()
    assert net_states(wm, a) == ["_NET_WM_STATE_DEMANDS_ATTENTION"]
    assert net_states(wm, b) == [], "the focused window is never urgent"
    wm.key("super+j")
    assert wm.active() == a
    assert net_states(wm, a) == [], "seen: no longer demanding attention"


URGENCY_HINT = 256  # XUrgencyHint in WM_HINTS' flags


def urgency_hint(wm, w):
    hints = wm.x.cardinals(w, "WM_HINTS")
    return bool(hints and hints[0] & URGENCY_HINT)


def test_seen_urgency_is_cleared_for_pagers_and_stays_cleared_on_restart(wm):
    """As dwm does, the urgency flag in WM_HINTS goes once the window is
    focused: rofi's window list and pagers read it too, and a restarted
    ctile must not find the window urgent again. A window that flags
    itself while focused (an xterm's bell) is not urgent either."""
    c = wm.client()
    a = c.create(title="chat")
    wm.wait_managed(a)
    b = wm.xterm()
    c.set_wm_hints(a, urgent=True, sync=True)
    wm.sync()
    assert wm.border_color(a) == COLOR_URGENT
    wm.run("wmctrl", "-i", "-a", hex(a))
    wm.sync()
    assert wm.active() == a
    wm.wait_until(lambda: not urgency_hint(wm, a),
                  "the urgency flag in WM_HINTS to be cleared")
    assert net_states(wm, a) == []
    wm.run("wmctrl", "-i", "-a", hex(b))
    wm.sync()
    old = wm.watch_wm()
    wm.key("super+control+r", sync=False)
    wm.wait_ready(old_check=old)
    assert wm.border_color(a) == COLOR_NORMAL, \
        "after a restart the window seen before is urgent again"
    assert net_states(wm, a) == []

    wm.run("wmctrl", "-i", "-a", hex(a))
    wm.sync()
    c.set_wm_hints(a, urgent=True, sync=True)
    wm.wait_until(lambda: not urgency_hint(wm, a),
                  "the focused window's urgency flag to be cleared")
    wm.sync()
    assert wm.border_color(a) == COLOR_FOCUS
    assert net_states(wm, a) == []


def test_focus_passing_over_an_urgent_window_clears_it_for_pagers_too(wm):
    """Mod4+j twice at once over an urgent window: ctile counts it as
    seen, and so must pagers and rofi, which read WM_HINTS, whether ctile
    handled the two keys in one turn (the focus never reached X) or not."""
    c = wm.client()
    a = c.create(title="a")
    wm.wait_managed(a)
    w = c.create(title="urgent one")
    wm.wait_managed(w)
    b = c.create(title="b")
    wm.wait_managed(b)
    c.set_wm_hints(w, urgent=True, sync=True)
    wm.sync()
    assert urgency_hint(wm, w) and wm.border_color(w) == COLOR_URGENT
    assert wm.active() == b  # tiling order b, w, a: Mod4+j passes w
    wm.run("xdotool", "key", "--delay", "0", "super+j", "super+j")
    wm.sync()
    assert wm.active() == a
    wm.wait_until(lambda: not urgency_hint(wm, w),
                  "the urgency flag of the window passed over to go")
    assert wm.border_color(w) != COLOR_URGENT
    assert net_states(wm, w) == []


def test_an_urgent_window_adopted_with_the_focus_is_not_urgent(xvfb):
    """A window that is urgent when ctile starts and gets the focus (the
    only window there) is not shown urgent: it has the user's eyes."""
    d = xvfb
    c = d.client()
    a = c.create(title="chat", urgent=True)
    d.start_ctile()
    d.wait_managed(a)
    assert d.active() == a
    assert d.border_color(a) == COLOR_FOCUS
    assert net_states(d, a) == [], "the focused window is shown urgent"


def test_focus_next_prev_cycles_in_tiling_order(wm):
    wm.key("super+2")
    hidden = wm.xterm("on-2")
    wm.key("super+1")
    a, b, c = three(wm)
    assert wm.hidden(hidden)
    assert wm.active() == c
    seen = []
    for _ in range(3):
        wm.key("super+j")
        seen.append(wm.active())
        assert wm.x.input_focus() == seen[-1]
    assert seen == [b, a, c]
    seen = []
    for _ in range(3):
        wm.key("super+k")
        seen.append(wm.active())
    assert seen == [a, b, c]


def test_closing_the_focused_window_focuses_the_most_recent(wm):
    a, b, c = three(wm)
    wm.key("super+j", "super+j")  # c -> b -> a: history a, b, c
    assert wm.active() == a
    wm.key("super+shift+c")
    wm.wait_unmanaged(a)
    assert wm.active() == b
    assert wm.x.input_focus() == b
    assert_tiled(wm, [c, b])
    wm.key("super+shift+c")
    wm.wait_unmanaged(b)
    assert wm.active() == c
    assert wm.outer(c) == FULL


def test_hiding_the_focused_window_focuses_the_most_recent(wm):
    a, b, c = three(wm)
    wm.key("super+k")  # c -> a: history a, c, b
    assert wm.active() == a
    wm.key("super+shift+2")
    assert wm.hidden(a)
    assert wm.active() == c
    assert wm.x.input_focus() == c


def test_keys_on_an_empty_desktop_do_no_harm(wm):
    wm.key("super+j", "super+k", "super+shift+j", "super+shift+k",
           "super+shift+Return", "super+shift+c", "super+shift+space",
           "super+shift+2", "super+control+shift+3", "super+shift+0",
           "super+h", "super+l", "super+i", "super+d", "super+space",
           "super+m", "super+g", "super+f", "super+t")
    assert wm.managed() == []
    assert wm.active() == 0
    a = wm.xterm()
    assert wm.outer(a) == FULL
    wm.assert_healthy([a])


def test_take_focus_protocol(wm):
    c = wm.client()
    # Globally active (input hint False): asked to take focus, not given it.
    g = c.create(title="globally-active", input_hint=False,
                 protocols=("WM_TAKE_FOCUS", "WM_DELETE_WINDOW"))
    wm.wait_managed(g)
    take = c.atom("WM_TAKE_FOCUS")
    proto = c.atom("WM_PROTOCOLS")

    def asked(w):
        return lambda e: (e.type == X.ClientMessage and e.window.id == w
                          and e.client_type == proto and e.data[1][0] == take)
    assert c.wait_event(asked(g)), "no WM_TAKE_FOCUS for the new window"
    assert wm.active() == g
    # Locally active (input hint True): given focus and told so.
    a = c.create(title="locally-active",
                 protocols=("WM_TAKE_FOCUS", "WM_DELETE_WINDOW"))
    wm.wait_managed(a)
    assert c.wait_event(asked(a)), "no WM_TAKE_FOCUS for the new window"
    assert wm.active() == a
    assert wm.x.input_focus() == a
    c.events.clear()
    wm.key("super+j")
    assert wm.active() == g
    assert c.wait_event(asked(g)), "no WM_TAKE_FOCUS on focus next"


def test_view_switch_restores_focus_per_view(wm):
    a = wm.xterm()
    wm.xterm()  # b: focused first, then a
    wm.key("super+j")
    assert wm.active() == a
    wm.key("super+2")
    c = wm.xterm()
    assert wm.active() == c
    wm.key("super+1")
    assert wm.active() == a, "the most recently focused window of tag 1"
    assert wm.x.input_focus() == a
    wm.key("super+2")
    assert wm.active() == c


def test_focus_follows_mouse(wm):
    a = wm.xterm()
    b = wm.xterm()  # master, left; a is the stack, right
    wm.mousemove(1000, 300)
    assert wm.active() == a
    assert wm.x.input_focus() == a
    assert wm.border_color(a) == COLOR_FOCUS
    wm.mousemove(100, 700)
    assert wm.active() == b
    assert wm.x.input_focus() == b


def test_a_popup_going_away_under_a_still_pointer_keeps_the_focus(wm):
    """A popup (a notification, a tooltip: override-redirect, no grab)
    that appears and goes away under the pointer does not hand the focus
    to the window under the pointer: the pointer did not move. Moving it
    still does."""
    a = wm.xterm()
    b = wm.xterm()  # master, left; a is the stack, right
    wm.mousemove(100, 300)
    assert wm.active() == b
    wm.key("super+j")
    assert wm.active() == a
    c = wm.client()
    popup = c.create(50, 250, 200, 100, title="popup",
                     override_redirect=True)
    c.destroy(popup)
    wm.sync()
    assert wm.active() == a, "the window under the still pointer took it"
    assert wm.x.input_focus() == a
    wm.mousemove(1000, 300)
    wm.mousemove(100, 300)
    assert wm.active() == b, "moving the pointer no longer focuses"


def test_click_focuses(wm):
    a = wm.xterm()
    b = wm.xterm()
    wm.mousemove(1000, 300)
    assert wm.active() == a
    wm.key("super+j")
    assert wm.active() == b, "keyboard focus moves even under the pointer"
    wm.click(1000, 300)
    assert wm.active() == a
    assert wm.x.input_focus() == a


# -- order


def test_swap_moves_the_window_and_keeps_focus(wm):
    a, b, c = three(wm)
    wm.key("super+j")
    assert wm.active() == b
    wm.key("super+shift+k")
    assert_tiled(wm, [b, c, a])
    assert wm.active() == b, "focus stays on the moved window"
    wm.key("super+shift+j")
    assert_tiled(wm, [c, b, a])
    assert wm.active() == b
    wm.key("super+shift+j")
    assert_tiled(wm, [c, a, b])
    assert wm.active() == b


def test_zoom_makes_the_focused_window_master(wm):
    a, b, c = three(wm)
    wm.key("super+k")
    assert wm.active() == a
    wm.key("super+shift+Return")
    assert wm.outer(a) == (0, 0, 704, SCREEN_H)
    assert_tiled(wm, [a, c, b])
    assert wm.active() == a


# -- layouts


def test_tile_geometry(wm):
    a = wm.xterm()
    assert wm.outer(a) == FULL
    b = wm.xterm()
    assert wm.outer(b) == (0, 0, 704, SCREEN_H), "the newest window is master"
    assert wm.outer(a) == (704, 0, 576, SCREEN_H)
    c = wm.xterm()
    assert wm.outer(c) == (0, 0, 704, SCREEN_H)
    assert wm.outer(b) == (704, 0, 576, 400)
    assert wm.outer(a) == (704, 400, 576, 400)


def test_stack_splits_the_height(wm):
    wins = [wm.xterm() for _ in range(5)]
    stack = [wm.outer(w) for w in reversed(wins[:-1])]  # tiling order
    assert wm.outer(wins[-1]) == (0, 0, 704, SCREEN_H)
    y = 0
    for x, top, w, h in stack:
        assert (x, w) == (704, 576)
        assert top == y, f"stack windows are not contiguous: {stack}"
        assert h in (SCREEN_H // 4, SCREEN_H // 4 + 1)
        y = top + h
    assert y == SCREEN_H


def test_mfact_keys(wm):
    a = wm.xterm()
    b = wm.xterm()
    wm.key("super+l")
    x, y, w, h = wm.outer(b)
    assert (x, y, h) == (0, 0, SCREEN_H) and abs(w - 768) <= 1, wm.outer(b)
    assert wm.outer(a)[0] == w and wm.outer(a)[2] == SCREEN_W - w
    wm.key("super+h", "super+h")
    w = wm.outer(b)[2]
    assert abs(w - 640) <= 1, wm.outer(b)
    assert wm.outer(a) == (w, 0, SCREEN_W - w, SCREEN_H)


def test_mfact_stays_usable_at_the_limits(wm):
    a = wm.xterm()
    b = wm.xterm()
    wm.key(*["super+h"] * 20)
    mb, sa = wm.outer(b), wm.outer(a)
    assert 0 < mb[2] < 704 and mb[0] == 0, mb
    assert sa[0] == mb[2] and sa[0] + sa[2] == SCREEN_W, sa
    wm.key(*["super+l"] * 40)
    mb, sa = wm.outer(b), wm.outer(a)
    assert 704 < mb[2] < SCREEN_W, mb
    assert sa[2] > 0 and sa[0] + sa[2] == SCREEN_W, sa


def test_nmaster_keys(wm):
    a, b, c = three(wm)
    wm.key("super+i")
    assert_tiled(wm, [c, b, a], nmaster=2)
    assert wm.outer(c) == (0, 0, 704, 400)
    assert wm.outer(b) == (0, 400, 704, 400)
    assert wm.outer(a) == (704, 0, 576, SCREEN_H)
    wm.key("super+d")
    assert_tiled(wm, [c, b, a])


def test_monocle(wm):
    a, b, c = three(wm)
    wm.key("super+m")
    for w in (a, b, c):
        assert wm.outer(w) == FULL
    assert wm.active() == c
    assert above(wm, c, a) and above(wm, c, b), "the focused window is on top"
    wm.key("super+j")
    assert wm.active() == b
    assert above(wm, b, a) and above(wm, b, c), "the focused window is on top"
    wm.key("super+t")
    assert_tiled(wm, [c, b, a])


def focus_by_keys(wm, w, tries=4):
    """Mod4+j until w has the focus."""
    for _ in range(tries):
        if wm.active() == w:
            return
        wm.key("super+j")
    assert wm.active() == w, "Mod4+j never focused the window"


def test_monocle_shows_the_focused_window_whatever_came_first(wm):
    """Switching to monocle with the focus on a window that is not the
    newest: the focused window is the one shown, not the one that happens
    to be on top, or what the user types goes to a window they cannot
    see. The same when the layout symbol is clicked instead of the key."""
    a, b, c = three(wm)
    focus_by_keys(wm, b)
    wm.key("super+m")
    assert wm.active() == b
    assert above(wm, b, a) and above(wm, b, c), \
        "monocle shows another window than the focused one"
    wm.key("super+t")
    focus_by_keys(wm, a)
    wm.key("super+space")  # next layout: monocle
    assert above(wm, a, b) and above(wm, a, c), \
        "monocle (layout next) shows another window than the focused one"


def test_monocle_keeps_the_focused_window_in_front_of_unfocused_new_ones(
        make_wm):
    """A window that opens without the focus (a rule says focus=no) in
    monocle does not cover the focused one."""
    d = make_wm(config_without_bar()
                + "\n# added by the test\nrule title=^quiet$ focus=no\n")
    a = d.xterm("a")
    d.key("super+m")
    c = d.client()
    q = c.create(title="quiet")
    d.wait_managed(q)
    assert d.active() == a, "the focus=no window took the focus"
    assert above(d, a, q), "the new unfocused window covers the focused one"


def test_grid_with_four_windows_is_two_by_two(wm):
    wins = [wm.xterm() for _ in range(4)]
    wm.key("super+g")
    rects = sorted(wm.outer(w) for w in wins)
    assert rects == [(0, 0, 640, 400), (0, 400, 640, 400),
                     (640, 0, 640, 400), (640, 400, 640, 400)]


def test_layout_next_cycles_through_the_four_layouts(wm):
    a, b, c = three(wm)
    wm.key("super+space")
    for w in (a, b, c):
        assert wm.outer(w) == FULL, "tile is followed by monocle"
    wm.key("super+space", "super+space", "super+space")
    assert_tiled(wm, [c, b, a])


def test_each_tag_remembers_its_layout(wm):
    a = wm.xterm()
    b = wm.xterm()
    wm.key("super+m")
    assert wm.outer(a) == FULL and wm.outer(b) == FULL
    wm.key("super+2")
    c = wm.xterm()
    d = wm.xterm()
    assert_tiled(wm, [d, c])
    wm.key("super+l")
    wdw = wm.outer(d)[2]
    assert abs(wdw - 768) <= 1
    wm.key("super+1")
    assert wm.outer(a) == FULL and wm.outer(b) == FULL, "tag 1 is still monocle"
    wm.key("super+2", "super+i")
    assert_tiled(wm, [d, c], nmaster=2)
    wm.key("super+1", "super+t")
    assert_tiled(wm, [b, a])
    wm.key("super+2")
    assert_tiled(wm, [d, c], nmaster=2)
    wm.key("super+d")
    assert wm.outer(d) == (0, 0, wdw, SCREEN_H), "tag 2 kept its mfact"


def test_floating_layout_honours_configure_requests(wm):
    c = wm.client()
    w = c.create(title="free")
    wm.wait_managed(w)
    wm.key("super+f")
    c.configure(w, x=100, y=120, width=300, height=200)
    wm.sync()
    assert wm.x.geometry(w)[:4] == (100, 120, 300, 200)


# -- floating windows


def test_toggle_floating(wm):
    a = wm.xterm()
    b = wm.xterm()
    wm.key("super+shift+space")
    assert wm.outer(a) == FULL, "the only tiled window fills the screen"
    assert wm.shown(b)
    assert inside_screen(wm.outer(b))
    assert above(wm, b, a), "a floating window is above the tiled ones"
    assert wm.active() == b
    wm.key("super+shift+space")
    assert_tiled(wm, [b, a])


def test_transient_floats_on_its_parent(wm):
    c = wm.client()
    p = c.create(title="parent")
    wm.wait_managed(p)
    t = c.create(x=200, y=150, w=300, h=200, title="dialog", transient_for=p)
    wm.wait_managed(t)
    assert wm.outer(p) == FULL, "a transient does not take a tile"
    g = wm.x.geometry(t)
    assert g[2:4] == (300, 200), f"the transient was resized: {g}"
    assert inside_screen(wm.outer(t))
    assert above(wm, t, p)
    assert wm.tags(t) == wm.tags(p) == 1
    assert wm.active() == t


def test_transient_takes_its_parents_tags(wm):
    c = wm.client()
    wm.key("super+3")
    p = c.create(title="parent")
    wm.wait_managed(p)
    wm.key("super+control+shift+5")
    assert wm.tags(p) == 0b10100
    wm.key("super+1")
    t = c.create(title="dialog", transient_for=p)
    wm.wait_managed(t)
    assert wm.tags(t) == 0b10100, "a transient takes its parent's tags"
    assert wm.hidden(t), "its parent's tags are not viewed"
    wm.key("super+5")
    assert wm.shown(t) and wm.shown(p)


def test_transient_asking_for_a_place_off_screen_is_kept_on_it(wm):
    c = wm.client()
    p = c.create(title="parent")
    wm.wait_managed(p)
    t = c.create(x=3000, y=2500, w=300, h=200, title="lost-dialog",
                 transient_for=p)
    wm.wait_managed(t)
    assert inside_screen(wm.outer(t)), wm.outer(t)
    assert wm.shown(t)


def test_withdrawn_window_on_a_hidden_tag_stays_withdrawn(wm):
    c = wm.client()
    w = c.create(title="short-lived")
    wm.wait_managed(w)
    wm.key("super+2")
    assert wm.hidden(w)
    # ICCCM 4.1.4: an unmapped window is withdrawn with a synthetic
    # UnmapNotify, since a real one cannot come.
    c.withdraw(w)
    wm.wait_unmanaged(w)
    wm.key("super+1")
    assert wm.hidden(w), "a withdrawn window came back"
    assert wm.managed() == []


def test_fixed_size_window_floats(wm):
    a = wm.xterm()
    c = wm.client()
    w = c.create(w=300, h=200, title="fixed",
                 hints=xclient.size_hints(min=(300, 200), max=(300, 200)))
    wm.wait_managed(w)
    assert wm.outer(a) == FULL
    assert wm.x.geometry(w)[2:4] == (300, 200)
    assert inside_screen(wm.outer(w))
    assert above(wm, w, a)


def test_floating_configure_request_is_honoured_and_clamped(wm):
    c = wm.client()
    p = c.create(title="parent")
    wm.wait_managed(p)
    t = c.create(title="dialog", transient_for=p)
    wm.wait_managed(t)
    c.configure(t, x=50, y=60, width=320, height=240)
    wm.sync()
    assert wm.x.geometry(t)[:4] == (50, 60, 320, 240)
    c.configure(t, x=5000, y=-3000)
    wm.sync()
    assert inside_screen(wm.outer(t)), \
        f"floating window not clamped to the monitor: {wm.outer(t)}"
    assert wm.x.geometry(t)[2:4] == (320, 240)


def test_tiled_configure_request_changes_nothing(wm):
    c = wm.client()
    w = c.create(title="tiled")
    wm.wait_managed(w)
    assert wm.outer(w) == FULL
    c.drain()
    c.events.clear()
    c.configure(w, x=10, y=20, width=100, height=50, border_width=9)
    wm.sync()
    assert wm.outer(w) == FULL
    assert wm.border(w) == 2
    ev = c.wait_event(lambda e: e.type == X.ConfigureNotify and e.send_event
                      and e.window.id == w)
    assert ev is not None, "no synthetic ConfigureNotify for the tiled window"
    assert (ev.x, ev.y, ev.width, ev.height, ev.border_width) == \
        (0, 0, SCREEN_W - 4, SCREEN_H - 4, 2)


def test_override_redirect_windows_are_left_alone(wm):
    a = wm.xterm()
    c = wm.client()
    o = c.create(x=30, y=40, w=120, h=90, title="popup", override_redirect=True)
    wm.sync()
    assert o not in wm.managed()
    assert wm.x.geometry(o) == (30, 40, 120, 90, 0)
    assert wm.shown(o)
    assert wm.active() == a
    assert wm.outer(a) == FULL
    wm.key("super+2")
    assert wm.shown(o), "ctile does not hide windows it does not manage"


# -- closing and spawning


def test_close_sends_wm_delete_window(wm):
    c = wm.client()
    w = c.create(title="polite")
    wm.wait_managed(w)
    wm.key("super+shift+c")
    atom = c.atom("WM_DELETE_WINDOW")
    ev = c.wait_event(lambda e: e.type == X.ClientMessage and e.window.id == w
                      and e.client_type == c.atom("WM_PROTOCOLS"))
    assert ev is not None, "no WM_PROTOCOLS message arrived"
    assert ev.data[1][0] == atom
    assert not c.closed and w in wm.managed(), \
        "a client that supports WM_DELETE_WINDOW is asked, not killed"


def test_close_kills_a_client_without_wm_delete_window(wm):
    a = wm.xterm()
    victim = wm.client()
    w = victim.create(title="deaf", protocols=())
    wm.wait_managed(w)
    assert wm.active() == w
    wm.key("super+shift+c")
    assert victim.is_killed(), "the client was not disconnected"
    wm.wait_unmanaged(w)
    assert wm.managed() == [a]
    assert wm.active() == a


def test_super_return_spawns_xterm(wm):
    wm.key("super+Return")
    w = wm.x.wait_for(lambda: wm.managed(), "a terminal to appear", 10)[0]
    wm.sync()
    cls = wm.x.text(w, "WM_CLASS")
    assert b"XTerm" in bytes(cls), cls
    assert wm.active() == w
    assert wm.outer(w) == FULL


def proc_stat(pid):
    """(state, session id) of a process, None if it is gone (reaped)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return None
    return fields[0], int(fields[3])


def socket_inodes(pid):
    out = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:"):
            out.add(target)
    return out


def test_spawned_terminal_runs_apart_and_is_reaped(wm):
    ctile = wm.ctile_pid()
    wm.key("super+Return")
    w = wm.x.wait_for(lambda: wm.managed(), "a terminal to appear", 10)[0]
    wm.sync()
    pid = wm.x.cardinal(w, "_NET_WM_PID")
    assert pid, "xterm did not set _NET_WM_PID"
    assert proc_stat(pid)[1] != proc_stat(ctile)[1], \
        "the spawned command shares ctile's session"
    leaked = socket_inodes(ctile) & socket_inodes(pid)
    assert not leaked, f"ctile's sockets leaked into the child: {leaked}"
    children = harness.proc_children(ctile)
    wm.key("super+shift+c")
    wm.wait_unmanaged(w)
    for p in [pid] + children:
        assert harness.pidfd_wait(p, 5), f"process {p} did not exit"
    wm.sync()
    wm.sync()
    zombies = [p for p in harness.proc_children(ctile)
               if (proc_stat(p) or ("",))[0] == "Z"]
    assert not zombies, f"ctile left zombies: {zombies}"


@pytest.mark.wm_env(TERMINAL="xterm -T from-TERMINAL")
def test_super_return_spawns_terminal_from_env(wm):
    wm.key("super+Return")
    w = wm.x.wait_for(lambda: wm.find("from-TERMINAL"),
                      "$TERMINAL to appear", 10)
    wm.sync()
    assert wm.managed() == [w]
