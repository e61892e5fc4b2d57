"""Keep above (_NET_WM_STATE_ABOVE: mpv --ontop, VLC's "always on top",
`wmctrl -b add,above`, awesome's ontop) and _NET_CLIENT_LIST_STACKING,
which rofi's window switcher and alt-tab tools order windows by.

ctile stacks, bottom to top: tiled windows, floating ones, floating ones
kept above, the focused fullscreen window. The list gives the windows in
the order they were focused, the last one last, as i3 does: what window
switchers need to offer the window used before first."""

import xclient
from conftest import config_without_bar
from harness import ALL_TAGS

ABOVE = "_NET_WM_STATE_ABOVE"
FS = "_NET_WM_STATE_FULLSCREEN"
STICKY = "_NET_WM_STATE_STICKY"
REMOVE, ADD, TOGGLE = 0, 1, 2

# Floating windows that overlap one another, all of them in the top left
# quarter: the pointer (in the middle of the screen when Xvfb starts) is
# on none of them, so focus_follows_mouse cannot move the focus.
R1 = (60, 60, 360, 240)
R2 = (120, 100, 360, 240)
R3 = (180, 140, 360, 240)


def state(wm, w):
    """The atoms in the window's _NET_WM_STATE, by name."""
    p = wm.x.prop(w, "_NET_WM_STATE")
    return [wm.x.atom_name(a) for a in (p[2] if p else [])]


def supported(wm):
    atoms = wm.x.cardinals(wm.x.root.id, "_NET_SUPPORTED") or []
    return {wm.x.atom_name(a) for a in atoms}


def stacking_list(wm):
    """_NET_CLIENT_LIST_STACKING, bottom to top; the test fails if absent."""
    v = wm.x.cardinals(wm.x.root.id, "_NET_CLIENT_LIST_STACKING")
    assert v is not None, \
        "no _NET_CLIENT_LIST_STACKING on the root: rofi's window switcher " \
        "and alt-tab tools have no order to show windows in"
    return v


def names(wm, windows):
    """Window ids as their titles, for messages."""
    out = []
    for w in windows:
        t = wm.x.text(w, "WM_NAME")
        if isinstance(t, bytes):
            t = t.decode("latin-1")
        out.append(t or hex(w))
    return out


def x_order(wm, *windows):
    """The given windows as X stacks them, bottom to top."""
    return [w for w in wm.x.stacking() if w in windows]


def on_top(wm, top, *others):
    """top is above every one of others in the real X stacking."""
    order = wm.x.stacking()
    return all(order.index(top) > order.index(o) for o in others)


def focus(wm, w):
    """Activate w as a pager, rofi or a click in a taskbar does."""
    wm.run("wmctrl", "-i", "-a", hex(w))
    wm.sync()
    assert wm.active() == w, \
        f"wmctrl -a did not focus {names(wm, [w])} (active: 0x{wm.active():x})"


def wmctrl_above(wm, w, how):
    """`wmctrl -i -r ID -b add,above` (or remove, toggle)."""
    wm.run("wmctrl", "-i", "-r", hex(w), "-b", f"{how},above")
    wm.sync()


def ask(wm, c, w, action, first, second=None):
    """The EWMH _NET_WM_STATE client message, states by name (or 0)."""
    def atom(n):
        return c.atom(n) if isinstance(n, str) else n
    c.send_root_message("_NET_WM_STATE",
                        [action, atom(first), atom(second or 0), 1], window=w)
    wm.sync()


def floating(wm, c, title, rect):
    """A window of the test's own, made floating (Mod4+Shift+space) and
    placed at rect."""
    w = c.create(title=title)
    wm.wait_managed(w)
    assert wm.active() == w, f"the new window '{title}' did not get focus"
    wm.key("super+shift+space")
    x, y, width, height = rect
    c.configure(w, x=x, y=y, width=width, height=height)
    wm.sync()
    assert wm.outer(w)[:2] == (x, y), \
        f"floating '{title}' is at {wm.outer(w)}, not at {rect}"
    return w


def fixed(rect):
    """WM_NORMAL_HINTS of a window that cannot be resized: ctile floats it."""
    return xclient.size_hints(min=rect[2:], max=rect[2:], size=rect[2:])


def assert_same_set(wm, when):
    """_NET_CLIENT_LIST_STACKING lists exactly _NET_CLIENT_LIST's windows."""
    stk = stacking_list(wm)
    cl = wm.managed()
    assert len(stk) == len(set(stk)), \
        f"{when}: _NET_CLIENT_LIST_STACKING has duplicates: {names(wm, stk)}"
    assert sorted(stk) == sorted(cl), \
        f"{when}: _NET_CLIENT_LIST_STACKING {[hex(w) for w in stk]} is not " \
        f"the set of _NET_CLIENT_LIST {[hex(w) for w in cl]}"


def test_supported_says_above_and_the_stacking_list(wm):
    """Tools check _NET_SUPPORTED before they offer "always on top" or
    read the stacking list (wmctrl, rofi, xdotool, Qt, GTK)."""
    have = supported(wm)
    for name in (ABOVE, "_NET_CLIENT_LIST_STACKING"):
        assert name in have, f"{name} is missing from _NET_SUPPORTED"
    kept = {"_NET_WM_STATE", FS, STICKY, "_NET_WM_STATE_DEMANDS_ATTENTION",
            "_NET_CLIENT_LIST"}
    assert kept <= have, \
        f"_NET_SUPPORTED lost {sorted(kept - have)}"


def test_wmctrl_keeps_a_player_above_the_window_in_use(wm):
    """`wmctrl -b add,above` on a floating player: the user then works in
    another floating window, and the player stays in front of it. Taken
    off again (toggle), the window in use covers the player as usual."""
    wm.xterm("tiled terminal")
    c = wm.client()
    player = floating(wm, c, "player", R1)
    notes = floating(wm, c, "notes", R2)
    wmctrl_above(wm, player, "add")
    assert ABOVE in state(wm, player), \
        f"wmctrl -b add,above: _NET_WM_STATE is {state(wm, player)}"
    focus(wm, notes)
    assert on_top(wm, player, notes), \
        "focusing another floating window covered the always-on-top player: " \
        f"{names(wm, x_order(wm, player, notes))}"
    focus(wm, player)
    focus(wm, notes)
    assert on_top(wm, player, notes), \
        "the player lost its place on top after focus went round"
    wmctrl_above(wm, player, "toggle")
    assert ABOVE not in state(wm, player), \
        f"wmctrl -b toggle,above did not take it off: {state(wm, player)}"
    focus(wm, player)
    focus(wm, notes)
    assert on_top(wm, notes, player), \
        "no longer kept above, the player still covers the focused window"


def test_above_either_slot_and_toggle(wm):
    """Qt and GTK send two states in one _NET_WM_STATE message; above may
    be either one. A toggle naming above twice toggles it once."""
    c = wm.client()
    t = floating(wm, c, "tool", R1)
    n = floating(wm, c, "editor", R2)
    ask(wm, c, t, ADD, "_NET_WM_STATE_SKIP_TASKBAR", ABOVE)
    assert ABOVE in state(wm, t), \
        f"above as the second state was not taken: {state(wm, t)}"
    focus(wm, n)
    assert on_top(wm, t, n), "the window asked to be above is covered"
    ask(wm, c, t, TOGGLE, ABOVE, ABOVE)
    assert ABOVE not in state(wm, t), \
        "a toggle naming above twice must toggle it once (off): " \
        f"{state(wm, t)}"
    focus(wm, t)
    focus(wm, n)
    assert on_top(wm, n, t), "no longer above, it still covers the editor"
    ask(wm, c, t, TOGGLE, 0, ABOVE)
    assert ABOVE in state(wm, t), f"toggle in the second slot: {state(wm, t)}"
    assert on_top(wm, t, n), "toggled on, it did not come above the editor"
    ask(wm, c, t, REMOVE, ABOVE)
    assert ABOVE not in state(wm, t), f"remove: {state(wm, t)}"


def test_floats_stack_above_kept_on_top_whoever_is_focused(wm):
    """Three overlapping floating windows, one kept above: focusing either
    of the others brings it to the front of the two, never over the kept
    one; the window focused last is last in _NET_CLIENT_LIST_STACKING."""
    term = wm.xterm("tiled terminal")
    c = wm.client()
    n1 = floating(wm, c, "first float", R1)
    n2 = floating(wm, c, "second float", R2)
    t = floating(wm, c, "kept above", R3)
    ask(wm, c, t, ADD, ABOVE)
    assert state(wm, t) == [ABOVE], f"_NET_WM_STATE is {state(wm, t)}"
    floats = (n1, n2, t)
    for w, want in ((n1, [n2, n1, t]), (n2, [n1, n2, t]), (t, [n1, n2, t]),
                    (term, [n1, n2, t])):
        focus(wm, w)
        seen = x_order(wm, *floats)
        assert seen == want, \
            f"after focusing {names(wm, [w])}, X stacks the floats as " \
            f"{names(wm, seen)}, want {names(wm, want)}"
        assert stacking_list(wm)[-1] == w, \
            f"after focusing {names(wm, [w])} _NET_CLIENT_LIST_STACKING " \
            f"ends with {names(wm, stacking_list(wm)[-1:])}"


def test_a_window_that_maps_kept_above_stays_above_new_windows(wm):
    """mpv --ontop sets _NET_WM_STATE_ABOVE before it maps; a window of
    fixed size (min = max, as mpv's with --no-window-resize, a clock or a
    picture-in-picture window) floats by itself. A floating window opened
    afterwards takes the focus but not the front; and when the player later
    also asks to be sticky, ctile's rewrite of _NET_WM_STATE keeps above."""
    c = wm.client()
    first = floating(wm, c, "browser", R1)
    player = c.create(title="mpv --ontop", states=[ABOVE],
                      hints=fixed(R2))
    wm.wait_managed(player)
    c.configure(player, x=R2[0], y=R2[1])
    later = c.create(title="opened later", hints=fixed(R3))
    wm.wait_managed(later)
    c.configure(later, x=R3[0], y=R3[1])
    wm.sync()
    assert wm.active() == later, "the window opened last did not get focus"
    assert x_order(wm, first, later)[-1] == later, \
        "the window opened last is not above the older float"
    assert on_top(wm, player, first, later), \
        "a window opened later covers the always-on-top player: " \
        f"{names(wm, x_order(wm, first, player, later))}"
    focus(wm, first)
    assert on_top(wm, player, first, later), \
        "focusing another window covered the always-on-top player"
    ask(wm, c, player, ADD, STICKY)
    assert wm.tags(player) == ALL_TAGS, "sticky was not applied"
    assert sorted(state(wm, player)) == sorted([ABOVE, STICKY]), \
        f"adding sticky lost above: _NET_WM_STATE is {state(wm, player)}"
    assert stacking_list(wm)[-1] == first, \
        "the window focused last is not last in _NET_CLIENT_LIST_STACKING"


def test_the_focused_fullscreen_window_covers_windows_kept_above(wm):
    """EWMH stacks the focused fullscreen window over everything: a film
    played fullscreen hides the always-on-top clock; out of fullscreen
    (tiled again) the clock is in front of it again."""
    wm.xterm("tiled terminal")
    c = wm.client()
    clock = floating(wm, c, "clock", R1)
    wmctrl_above(wm, clock, "add")
    assert ABOVE in state(wm, clock), \
        f"wmctrl -b add,above: _NET_WM_STATE is {state(wm, clock)}"
    film = c.create(title="film", states=[FS])
    wm.wait_managed(film)
    assert wm.active() == film, "the fullscreen film did not get focus"
    assert on_top(wm, film, clock), \
        "the window kept above covers the focused fullscreen film"
    assert ABOVE in state(wm, clock), "the clock lost its state"
    ask(wm, c, film, REMOVE, FS)
    assert FS not in state(wm, film)
    assert on_top(wm, clock, film), \
        "out of fullscreen and tiled, the film covers the window kept above"


def test_above_on_a_tiled_window_waits_until_it_floats(wm):
    """`wmctrl -b add,above` on a tiled terminal: it stays in its tile and
    under the floating windows (tiles never cover floats), but says it is
    kept above; made floating with Mod4+Shift+space it is above the other
    floating window even when that one is focused."""
    a = wm.xterm("stack terminal")
    wm.xterm("master terminal")
    c = wm.client()
    f = floating(wm, c, "float", (600, 100, 300, 200))  # over both tiles
    focus(wm, a)
    tile = wm.outer(a)
    wmctrl_above(wm, a, "add")
    assert ABOVE in state(wm, a), \
        f"the state of a tiled window was not kept: {state(wm, a)}"
    assert wm.outer(a) == tile, \
        f"above moved the tiled window from {tile} to {wm.outer(a)}"
    assert on_top(wm, f, a), "a tiled window kept above covers a float"
    focus(wm, f)
    focus(wm, a)
    assert on_top(wm, f, a), \
        "focused, the tiled window kept above covers the float"
    wm.key("super+shift+space")  # a floats
    assert on_top(wm, a, f), \
        "made floating, the window kept above is under the other float"
    focus(wm, f)
    assert on_top(wm, a, f), \
        "floating and kept above, it is covered by the focused float"
    assert ABOVE in state(wm, a)
    assert stacking_list(wm)[-1] == f, \
        "the window focused last is not last in _NET_CLIENT_LIST_STACKING"


def test_the_above_command_toggles_the_focused_window(make_wm):
    """The `above` command (a user binds it: `bind $mod+a above`) puts the
    focused window on top to stay, and takes it off again."""
    d = make_wm(config_without_bar()
                + "\n# added by the test\nbind $mod+a above\n")
    conf = str(d.config_home / "ctile" / "config")
    assert conf + ":" not in d.log_text(), \
        f"ctile does not take `bind $mod+a above`: {d.log_text()[-500:]}"
    c = d.client()
    t = floating(d, c, "tool", R1)
    n = floating(d, c, "editor", R2)
    focus(d, t)
    d.key("super+a")
    assert ABOVE in state(d, t), \
        f"super+a (above) did not keep the window above: {state(d, t)}"
    focus(d, n)
    assert on_top(d, t, n), "the window kept above with the command is covered"
    focus(d, t)
    d.key("super+a")
    assert ABOVE not in state(d, t), \
        f"a second super+a did not take it off: {state(d, t)}"
    focus(d, n)
    assert on_top(d, n, t), "taken off, it still covers the focused window"


def test_above_survives_a_restart(wm):
    """Mod4+Control+r restarts ctile in place: the player kept above is
    still kept above (its state and its place) afterwards."""
    c = wm.client()
    player = floating(wm, c, "player", R1)
    other = floating(wm, c, "other", R2)
    wmctrl_above(wm, player, "add")
    assert ABOVE in state(wm, player), \
        f"wmctrl -b add,above: _NET_WM_STATE is {state(wm, player)}"
    focus(wm, other)
    old = wm.watch_wm()
    wm.key("super+control+r", sync=False)
    wm.wait_ready(old_check=old)
    assert ABOVE in state(wm, player), \
        f"after restart _NET_WM_STATE is {state(wm, player)}"
    focus(wm, player)
    focus(wm, other)
    assert on_top(wm, player, other), \
        "after restart the player is no longer kept above"
    assert stacking_list(wm)[-1] == other, \
        "after restart the window focused last is not last in " \
        "_NET_CLIENT_LIST_STACKING"


def test_stacking_list_follows_focus(wm):
    """rofi's window switcher and alt-tab order by the stacking list: the
    windows in the order they were focused, the last one last (as i3
    publishes it), floating or not, so Enter in rofi goes back to the
    window used before."""
    a = wm.xterm("a")
    b = wm.xterm("b")
    c = wm.xterm("c")
    assert stacking_list(wm) == [a, b, c], \
        f"focused a, b, c: the list is {names(wm, stacking_list(wm))}"
    focus(wm, a)
    assert stacking_list(wm) == [b, c, a], \
        f"then focused a: the list is {names(wm, stacking_list(wm))}"
    focus(wm, b)
    assert stacking_list(wm)[-1] == b == wm.active()
    wm.key("super+shift+space")  # b floats
    focus(wm, a)
    assert stacking_list(wm) == [c, b, a], \
        "the tiled window focused last must come last, after the floating " \
        f"one: {names(wm, stacking_list(wm))}"
    assert on_top(wm, b, a, c), "the floating window is under a tile"


def test_stacking_list_has_every_managed_window(wm):
    """Every managed window is in the stacking list, those on tags out of
    view too; a window that goes away (unmapped, destroyed, closed) leaves
    it at once, as it leaves _NET_CLIENT_LIST."""
    a = wm.xterm("on tag 1")
    c = wm.client()
    w1 = c.create(title="withdrawn later")
    wm.wait_managed(w1)
    w2 = c.create(title="destroyed later")
    wm.wait_managed(w2)
    assert_same_set(wm, "three windows mapped")
    wm.key("super+2")
    far = wm.xterm("on tag 2")
    assert wm.hidden(a) and wm.hidden(w1)
    assert_same_set(wm, "tag 2 in view, tag 1's windows hidden")
    assert {a, w1, w2} <= set(stacking_list(wm)), \
        "windows on a tag out of view left the stacking list"
    assert stacking_list(wm)[-1] == far, "the window focused last is not last"
    wm.key("super+1")
    assert_same_set(wm, "back on tag 1")
    c.withdraw(w1)
    wm.wait_unmanaged(w1)
    assert w1 not in stacking_list(wm), "a withdrawn window is still listed"
    assert_same_set(wm, "after a window withdrew")
    c.destroy(w2)
    wm.wait_unmanaged(w2)
    assert w2 not in stacking_list(wm), "a destroyed window is still listed"
    assert_same_set(wm, "after a window was destroyed")
    wm.run("wmctrl", "-i", "-c", hex(far))
    wm.wait_unmanaged(far)
    assert_same_set(wm, "after a hidden xterm was closed")
    assert stacking_list(wm) == [a], \
        f"one window left: the list is {names(wm, stacking_list(wm))}"


def test_bad_above_requests_change_nothing(wm):
    """An unknown action (7), a message of the wrong format, one for a
    window that does not exist and one for a window ctile does not manage
    (override-redirect, as menus are) change nothing and leave ctile well;
    the right request afterwards is still acted on."""
    c = wm.client()
    t = floating(wm, c, "tool", R1)
    n = floating(wm, c, "editor", R2)
    menu = c.create(x=700, y=500, w=100, h=100, title="menu",
                    override_redirect=True)
    wm.sync()
    before = (x_order(wm, t, n), wm.outer(t), wm.outer(n), wm.managed())
    above = c.atom(ABOVE)
    c.send_root_message("_NET_WM_STATE", [7, above, 0, 1], window=t)
    c.send_root_message("_NET_WM_STATE", [0xFFFFFFFF, above, above, 1],
                        window=t)
    c.send_root_message("_NET_WM_STATE", [ADD, above], fmt=16, window=t)
    c.send_root_message("_NET_WM_STATE", [ADD, above, 0, 1],
                        window=0x7FFFFFF0)
    c.send_root_message("_NET_WM_STATE", [ADD, above, 0, 1], window=menu)
    c.send_root_message("_NET_WM_STATE", [ADD, above, 0, 1])  # the root
    wm.sync()
    assert state(wm, t) == [], \
        f"a bad request changed the state: {state(wm, t)}"
    after = (x_order(wm, t, n), wm.outer(t), wm.outer(n), wm.managed())
    assert after == before, \
        f"bad requests changed the stacking or the windows: {before} -> " \
        f"{after}"
    assert wm.x.prop(menu, "_NET_WM_STATE") is None, \
        "ctile wrote _NET_WM_STATE on a window it does not manage"
    assert wm.x.prop(wm.x.root.id, "_NET_WM_STATE") is None, \
        "ctile wrote _NET_WM_STATE on the root"
    wm.assert_healthy([t, n])
    ask(wm, c, t, ADD, ABOVE)
    assert state(wm, t) == [ABOVE], \
        f"after the bad requests a good one is not acted on: {state(wm, t)}"
    assert on_top(wm, t, n), "kept above, the tool is under the editor"
    assert menu not in stacking_list(wm), \
        "an override-redirect window is in _NET_CLIENT_LIST_STACKING"


def test_floating_layout_and_a_rule_keep_a_clock_above(make_wm):
    """A rule (`rule class=... above`, awesome's ontop = true) keeps a
    window above from its start, and it stays above in the floating
    layout (Mod4+f), where every window floats and the focused one comes
    to the front."""
    d = make_wm(config_without_bar()
                + "\n# added by the test\nrule title=^clock$ above\n")
    c = d.client()
    clock = c.create(title="clock")
    d.wait_managed(clock)
    assert ABOVE in state(d, clock), \
        f"the rule did not keep the window above: {state(d, clock)}"
    d.key("super+f")  # the floating layout
    a = d.xterm("first")
    b = d.xterm("second")
    for w in (clock, a, b):
        c.configure(w, x=100, y=100, width=400, height=300)
    d.sync()
    for w in (a, b, a):
        focus(d, w)
        assert on_top(d, clock, a, b), \
            f"focused in the floating layout, {names(d, [w])} covers the " \
            "window kept above"
        assert stacking_list(d)[-1] == w, \
            "the window focused last is not last in the stacking list"


def test_the_stacking_list_is_the_order_of_focus_across_tags(wm):
    """A floating window on a hidden tag does not come before the windows
    used since: rofi -show window then Enter goes back to the window used
    before, not to another tag."""
    a = wm.xterm("a")
    b = wm.xterm("b")
    wm.key("super+2")
    d = wm.xterm("d")
    wm.key("super+shift+space")  # d floats, on tag 2
    wm.key("super+1")
    focus(wm, a)
    focus(wm, b)
    assert stacking_list(wm)[-3:] == [d, a, b], \
        f"the list ends {names(wm, stacking_list(wm)[-3:])}: not the " \
        "order the windows were focused in"
