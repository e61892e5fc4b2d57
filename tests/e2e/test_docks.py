"""Docks: bars ctile did not draw (polybar, lemonbar, tint2). A window of
type _NET_WM_WINDOW_TYPE_DOCK is shown where it put itself and is not
managed; the room its _NET_WM_STRUT_PARTIAL (or, failing that,
_NET_WM_STRUT) reserves at an edge is kept free of tiles, as i3, awesome
and dwm's users expect. The room follows the dock: a new strut, the dock
gone, a dock that was there before ctile."""

import signal

import pytest
from Xlib import Xatom

import harness
from harness import CLIENT_TIMEOUT, SCREEN_H, SCREEN_W

FULL = (0, 0, SCREEN_W, SCREEN_H)
PARTIAL = "_NET_WM_STRUT_PARTIAL"
STRUT = "_NET_WM_STRUT"
DOCK = "_NET_WM_WINDOW_TYPE_DOCK"
ADD, REMOVE = 1, 0


# -- struts and docks, as bars write them


def partial(left=0, right=0, top=0, bottom=0, *, left_y=None, right_y=None,
            top_x=None, bottom_x=None):
    """The 12 values of _NET_WM_STRUT_PARTIAL. An edge that reserves room
    covers that whole edge of the screen unless its span is given (ends
    included, root coordinates)."""
    def span(size, given, length):
        if given is not None:
            return list(given)
        return [0, length - 1] if size else [0, 0]
    return ([left, right, top, bottom]
            + span(left, left_y, SCREEN_H) + span(right, right_y, SCREEN_H)
            + span(top, top_x, SCREEN_W) + span(bottom, bottom_x, SCREEN_W))


def set_type(c, w, name):
    c.win(w).change_property(c.atom("_NET_WM_WINDOW_TYPE"), Xatom.ATOM, 32,
                             [c.atom(name)])


def set_raw(c, w, name, fmt, values):
    """A property written as a broken bar might: any format, any length."""
    data = bytes(values) if fmt == 8 else list(values)
    c.win(w).change_property(c.atom(name), Xatom.CARDINAL, fmt, data)
    c.sync()


def delete(c, w, name):
    c.win(w).delete_property(c.atom(name))
    c.sync()


def dock(d, rect, *, strut_partial=None, strut=None, c=None, map=True):
    """A dock as bars make one: its type and struts set, then mapped.
    (client, window); once mapped, ctile has seen it (one sync)."""
    c = c or d.client()
    w = c.create(*rect, title="a-dock", map=False)
    set_type(c, w, DOCK)
    if strut_partial is not None:
        c.set_cardinals(w, PARTIAL, strut_partial)
    if strut is not None:
        c.set_cardinals(w, STRUT, strut)
    c.sync()
    if map:
        c.map(w)
        d.sync()
    return c, w


def window(d, title="tiled", c=None):
    """A normal window, once ctile manages it."""
    c = c or d.client()
    w = c.create(title=title)
    d.wait_managed(w)
    return w


def assert_unmanaged_dock(d, w, rect, desktop=None):
    """Shown where it put itself, without a border, not a client of
    ctile's: not listed, no tags, and the _NET_WM_DESKTOP it set itself
    (desktop; None: it set none)."""
    assert d.shown(w), "the dock is not shown"
    assert d.x.geometry(w) == (*rect, 0), \
        f"the dock was moved or given a border: {d.x.geometry(w)}"
    assert w not in d.managed(), "the dock is in _NET_CLIENT_LIST"
    assert d.x.prop(w, "_CTILE_TAGS") is None, "ctile gave the dock tags"
    assert d.x.cardinal(w, "_NET_WM_DESKTOP") == desktop, \
        "ctile set the dock's _NET_WM_DESKTOP"


def assert_tiled_in(d, wins, area):
    """wins fill area exactly: each inside it, none overlapping, no hole
    (whatever the layout's columns and rows)."""
    rects = [d.outer(w) for w in wins]
    ax, ay, aw, ah = area
    for x, y, w, h in rects:
        assert ax <= x and ay <= y and x + w <= ax + aw and \
            y + h <= ay + ah, f"a tile {(x, y, w, h)} is outside {area}"
    for i, (x, y, w, h) in enumerate(rects):
        for u, v, p, q in rects[i + 1:]:
            assert x + w <= u or u + p <= x or y + h <= v or v + q <= y, \
                f"the tiles {rects} overlap"
    assert sum(w * h for _, _, w, h in rects) == aw * ah, \
        f"the tiles {rects} do not fill {area}"


def warnings(d):
    return [line for line in d.log_text().splitlines()
            if line.startswith("ctile: warning:")]


def fullscreen(d, w, action):
    c = d.client()
    c.send_root_message("_NET_WM_STATE",
                        [action, c.atom("_NET_WM_STATE_FULLSCREEN"), 0, 1],
                        window=w)
    d.sync()


# -- the room a dock reserves

EDGES = {
    # name: (strut, where the dock puts itself, where windows tile)
    "top": (partial(top=30), (0, 0, SCREEN_W, 30),
            (0, 30, SCREEN_W, SCREEN_H - 30)),
    "bottom": (partial(bottom=40), (0, SCREEN_H - 40, SCREEN_W, 40),
               (0, 0, SCREEN_W, SCREEN_H - 40)),
    "left": (partial(left=50), (0, 0, 50, SCREEN_H),
             (50, 0, SCREEN_W - 50, SCREEN_H)),
    "right": (partial(right=60), (SCREEN_W - 60, 0, 60, SCREEN_H),
              (0, 0, SCREEN_W - 60, SCREEN_H)),
    # A bar across the left half of the top edge: the monitor it overlaps
    # (the only one) loses that edge's room.
    "top-left-half": (partial(top=30, top_x=(0, SCREEN_W // 2 - 1)),
                      (0, 0, SCREEN_W // 2, 30),
                      (0, 30, SCREEN_W, SCREEN_H - 30)),
}


@pytest.mark.parametrize("edge", list(EDGES))
def test_windows_tile_beside_a_dock(wm, edge):
    """A dock shows up where it put itself, not managed; the window on
    screen moves out of its way at once, and the next one tiles beside it
    in the room that is left."""
    strut, rect, area = EDGES[edge]
    a = window(wm, "a")
    assert wm.outer(a) == FULL
    _, d = dock(wm, rect, strut_partial=strut)
    assert_unmanaged_dock(wm, d, rect)
    assert wm.outer(a) == area, "the window did not move out of the dock's way"
    assert wm.active() == a, "the dock took the focus"
    b = window(wm, "b")
    assert_tiled_in(wm, [a, b], area)
    assert_unmanaged_dock(wm, d, rect)


def test_a_window_mapped_after_the_dock_starts_below_it(wm):
    """The dock first (a bar started by the session), then a window."""
    _, d = dock(wm, (0, 0, SCREEN_W, 30), strut_partial=partial(top=30))
    a = window(wm)
    assert wm.outer(a) == (0, 30, SCREEN_W, SCREEN_H - 30)
    assert_unmanaged_dock(wm, d, (0, 0, SCREEN_W, 30))


def test_net_wm_strut_alone_reserves_its_edge(wm):
    """An older bar sets only _NET_WM_STRUT: its edge is reserved all
    along."""
    _, d = dock(wm, (0, SCREEN_H - 25, SCREEN_W, 25), strut=[0, 0, 0, 25])
    a = window(wm)
    assert wm.outer(a) == (0, 0, SCREEN_W, SCREEN_H - 25)
    assert_unmanaged_dock(wm, d, (0, SCREEN_H - 25, SCREEN_W, 25))


def test_strut_partial_wins_over_net_wm_strut(wm):
    """A bar that sets both: _NET_WM_STRUT_PARTIAL is the one that counts."""
    dock(wm, (0, 0, SCREEN_W, 30), strut_partial=partial(top=30),
         strut=[0, 0, 100, 0])
    a = window(wm)
    assert wm.outer(a) == (0, 30, SCREEN_W, SCREEN_H - 30)


def test_docks_on_two_edges_both_reserve(wm):
    """A bar at the top, a panel at the left: windows fill what is left."""
    c = wm.client()
    dock(wm, (0, 0, SCREEN_W, 30), strut_partial=partial(top=30), c=c)
    dock(wm, (0, 30, 50, SCREEN_H - 30),
         strut_partial=partial(left=50, left_y=(30, SCREEN_H - 1)), c=c)
    a = window(wm, "a")
    b = window(wm, "b")
    assert_tiled_in(wm, [a, b], (50, 30, SCREEN_W - 50, SCREEN_H - 30))


def test_monocle_fills_the_room_the_dock_leaves(wm):
    """In monocle each window fills the monitor less the dock."""
    dock(wm, (0, 0, SCREEN_W, 30), strut_partial=partial(top=30))
    a = window(wm, "a")
    b = window(wm, "b")
    wm.key("super+m")
    area = (0, 30, SCREEN_W, SCREEN_H - 30)
    assert wm.outer(a) == area and wm.outer(b) == area


def test_the_dock_stays_on_every_tag(wm):
    """A dock belongs to no tag: switching the view leaves it shown, and
    the windows of the other tag tile below it too."""
    _, d = dock(wm, (0, 0, SCREEN_W, 30), strut_partial=partial(top=30))
    window(wm, "on-1")
    wm.key("super+2")
    assert wm.shown(d), "the dock was hidden with tag 1"
    b = window(wm, "on-2")
    assert wm.outer(b) == (0, 30, SCREEN_W, SCREEN_H - 30)
    wm.key("super+0")
    assert wm.shown(d)
    wm.key("super+1")
    assert_unmanaged_dock(wm, d, (0, 0, SCREEN_W, 30))


def test_fullscreen_covers_the_dock_and_comes_back_below_it(wm):
    """A fullscreen player takes the whole monitor, the dock's part too;
    back from fullscreen, it tiles below the dock again."""
    dock(wm, (0, 0, SCREEN_W, 30), strut_partial=partial(top=30))
    a = window(wm)
    fullscreen(wm, a, ADD)
    assert wm.outer(a) == FULL
    assert wm.border(a) == 0
    fullscreen(wm, a, REMOVE)
    assert wm.outer(a) == (0, 30, SCREEN_W, SCREEN_H - 30)


def test_a_window_that_starts_fullscreen_covers_the_dock(wm):
    """A game that maps itself fullscreen gets the whole monitor."""
    dock(wm, (0, 0, SCREEN_W, 30), strut_partial=partial(top=30))
    c = wm.client()
    w = c.create(title="player", states=["_NET_WM_STATE_FULLSCREEN"])
    wm.wait_managed(w)
    assert wm.outer(w) == FULL


def test_supported_lists_the_struts(wm):
    """Bars look in _NET_SUPPORTED to know their strut is honoured."""
    atoms = wm.x.cardinals(wm.x.root.id, "_NET_SUPPORTED") or []
    names = {wm.x.atom_name(a) for a in atoms}
    assert {STRUT, PARTIAL} <= names, \
        f"missing from _NET_SUPPORTED: {sorted({STRUT, PARTIAL} - names)}"


# -- the room follows the dock


def test_a_new_strut_moves_the_tiles_at_once(wm):
    """A bar that grows, shrinks, drops its partial strut (the plain one
    then counts) and then every strut: the tiles follow each change."""
    c, d = dock(wm, (0, 0, SCREEN_W, 30), strut_partial=partial(top=30),
                strut=[0, 0, 0, 20])
    a = window(wm, "a")
    b = window(wm, "b")
    assert_tiled_in(wm, [a, b], (0, 30, SCREEN_W, SCREEN_H - 30))
    c.set_cardinals(d, PARTIAL, partial(top=60), sync=True)
    wm.sync()
    assert_tiled_in(wm, [a, b], (0, 60, SCREEN_W, SCREEN_H - 60))
    c.set_cardinals(d, PARTIAL, partial(top=10), sync=True)
    wm.sync()
    assert_tiled_in(wm, [a, b], (0, 10, SCREEN_W, SCREEN_H - 10))
    delete(c, d, PARTIAL)
    wm.sync()
    assert_tiled_in(wm, [a, b], (0, 0, SCREEN_W, SCREEN_H - 20))
    delete(c, d, STRUT)
    wm.sync()
    assert_tiled_in(wm, [a, b], FULL)
    c.set_cardinals(d, STRUT, [40, 0, 0, 0], sync=True)
    wm.sync()
    assert_tiled_in(wm, [a, b], (40, 0, SCREEN_W - 40, SCREEN_H))


def gone_unmap(wm, c, d):
    c.unmap(d)
    wm.sync()


def gone_withdraw(wm, c, d):
    c.withdraw(d)
    wm.sync()


def gone_destroy(wm, c, d):
    c.destroy(d)
    wm.sync()


def gone_killed(wm, c, d):
    # The bar's process dies: the server destroys its window when it
    # notices the closed connection, a moment later.
    c.close_abruptly()
    wm.wait_until(lambda: not wm.x.alive(d), "the dead bar's window to go")
    wm.sync()


GONE = {"unmapped": gone_unmap, "withdrawn": gone_withdraw,
        "destroyed": gone_destroy, "its-client-died": gone_killed}


@pytest.mark.parametrize("how", list(GONE))
def test_the_room_comes_back_when_the_dock_goes(wm, how):
    """However the bar goes away, the windows take the whole screen at
    once; a bar mapped again reserves its room again."""
    c, d = dock(wm, (0, 0, SCREEN_W, 30), strut_partial=partial(top=30))
    a = window(wm, "a")
    b = window(wm, "b")
    assert_tiled_in(wm, [a, b], (0, 30, SCREEN_W, SCREEN_H - 30))
    GONE[how](wm, c, d)
    assert_tiled_in(wm, [a, b], FULL)
    if how in ("unmapped", "withdrawn"):
        c.map(d)
        wm.sync()
        assert_unmanaged_dock(wm, d, (0, 0, SCREEN_W, 30))
        assert_tiled_in(wm, [a, b], (0, 30, SCREEN_W, SCREEN_H - 30))
    wm.assert_healthy([a, b])


def test_a_dock_there_before_ctile_reserves_its_room(xvfb):
    """The session's bar started before ctile (or a ctile started again):
    adopted, the bar is left where it is, unmanaged, and windows tile
    below it."""
    c = xvfb.client()
    _, d = dock(xvfb, (0, 0, SCREEN_W, 30), strut_partial=partial(top=30),
                c=c, map=False)
    c.map(d)
    a = c.create(title="early")
    xvfb.start_ctile()
    assert xvfb.managed() == [a]
    assert_unmanaged_dock(xvfb, d, (0, 0, SCREEN_W, 30))
    assert xvfb.outer(a) == (0, 30, SCREEN_W, SCREEN_H - 30)
    xvfb.assert_healthy([a])


def test_restart_keeps_the_dock_s_room(wm):
    """After `restart`, the dock is still not managed and still reserves
    its room."""
    _, d = dock(wm, (0, SCREEN_H - 30, SCREEN_W, 30),
                strut_partial=partial(bottom=30))
    a = window(wm, "a")
    b = window(wm, "b")
    area = (0, 0, SCREEN_W, SCREEN_H - 30)
    assert_tiled_in(wm, [a, b], area)
    old = wm.watch_wm()
    wm.key("super+control+r", sync=False)
    wm.wait_ready(old_check=old)
    assert sorted(wm.managed()) == sorted([a, b])
    assert_unmanaged_dock(wm, d, (0, SCREEN_H - 30, SCREEN_W, 30))
    assert_tiled_in(wm, [a, b], area)
    c = window(wm, "c")
    assert_tiled_in(wm, [a, b, c], area)


# -- ctile's own bar and a dock


def own_bar_height(d):
    bars = d.bars()
    assert len(bars) == 1, "one monitor, one bar of ctile's"
    x, y, w, h, _ = d.x.geometry(bars[0])
    assert (x, y, w) == (0, 0, SCREEN_W), "the default bar is at the top"
    return h


@pytest.mark.with_bar
@pytest.mark.parametrize("taller", ["dock", "bar"])
def test_own_bar_and_a_dock_at_the_top_take_the_larger_room(wm, taller):
    """ctile's bar and a dock both at the top edge, both from y=0: the
    room is the taller of the two, not their sum. Hiding ctile's bar
    leaves the dock's room."""
    h = own_bar_height(wm)
    size = h + 16 if taller == "dock" else h - 6
    _, d = dock(wm, (0, 0, SCREEN_W, size), strut_partial=partial(top=size))
    a = window(wm)
    top = max(h, size)
    assert wm.outer(a) == (0, top, SCREEN_W, SCREEN_H - top)
    wm.key("super+b")
    assert wm.bars() == []
    assert wm.outer(a) == (0, size, SCREEN_W, SCREEN_H - size), \
        "with ctile's bar hidden, the dock's room is what is left"
    wm.key("super+b")
    assert wm.outer(a) == (0, top, SCREEN_W, SCREEN_H - top)
    assert_unmanaged_dock(wm, d, (0, 0, SCREEN_W, size))


@pytest.mark.with_bar
def test_own_bar_at_the_top_and_a_dock_at_the_bottom_both_reserve(wm):
    """ctile's bar at the top, a dock at the bottom: windows tile between
    the two."""
    h = own_bar_height(wm)
    dock(wm, (0, SCREEN_H - 40, SCREEN_W, 40),
         strut_partial=partial(bottom=40))
    a = window(wm, "a")
    b = window(wm, "b")
    assert_tiled_in(wm, [a, b], (0, h, SCREEN_W, SCREEN_H - h - 40))


# -- bad struts


def strut_top(v):
    return {"strut_partial": partial(top=v)}


BAD_SIZES = {
    # name: (struts, where windows tile)
    "top-100000": (strut_top(100000), FULL),
    "top-700-of-800": (strut_top(700), FULL),
    "top-0xffffffff": (strut_top(0xFFFFFFFF), FULL),
    "left-100000-net-wm-strut": ({"strut": [100000, 0, 0, 0]}, FULL),
    # Only the edge that asks too much is ignored: the bottom's 30 stay.
    "top-700-bottom-30": ({"strut_partial": partial(top=700, bottom=30)},
                          (0, 0, SCREEN_W, SCREEN_H - 30)),
}


@pytest.mark.parametrize("case", list(BAD_SIZES))
def test_a_strut_leaving_less_than_half_the_monitor_is_ignored(wm, case):
    """A bar asking for more than half the monitor at an edge (a bug, a
    wrapped value): that edge is not reserved, so windows stay usable;
    ctile says so in its log and keeps working."""
    struts, area = BAD_SIZES[case]
    a = window(wm, "a")
    before = len(warnings(wm))
    _, d = dock(wm, (0, 0, SCREEN_W, 30), **struts)
    assert_unmanaged_dock(wm, d, (0, 0, SCREEN_W, 30))
    assert wm.outer(a) == area
    new = warnings(wm)[before:]
    assert any("strut" in line.lower() for line in new), \
        f"no warning about the dock's strut in ctile's log: {new}"
    b = window(wm, "b")
    assert_tiled_in(wm, [a, b], area)
    wm.assert_healthy([a, b])


BAD_FORMATS = {
    # name: (property, format, values)
    "partial-16-bit": (PARTIAL, 16, partial(top=30)),
    "partial-8-bit": (PARTIAL, 8, [30] * 12),
    "partial-11-values": (PARTIAL, 32, partial(top=30)[:11]),
    "partial-empty": (PARTIAL, 32, []),
    "strut-16-bit": (STRUT, 16, [0, 0, 30, 0]),
    "strut-3-values": (STRUT, 32, [0, 0, 30]),
}


@pytest.mark.parametrize("case", list(BAD_FORMATS))
def test_a_malformed_strut_reserves_nothing(wm, case):
    """A strut of the wrong format or too few values reserves nothing,
    whether the bar is mapped with it or rewrites a good strut with it;
    the dock itself is still shown, unmanaged, and ctile keeps working."""
    name, fmt, values = BAD_FORMATS[case]
    a = window(wm, "a")
    c, d = dock(wm, (0, 0, SCREEN_W, 30), map=False)
    set_raw(c, d, name, fmt, values)
    c.map(d)
    wm.sync()
    assert_unmanaged_dock(wm, d, (0, 0, SCREEN_W, 30))
    assert wm.outer(a) == FULL
    c.set_cardinals(d, name, partial(top=30) if name == PARTIAL
                    else [0, 0, 30, 0], sync=True)
    wm.sync()
    assert wm.outer(a) == (0, 30, SCREEN_W, SCREEN_H - 30), \
        "a good strut written afterwards is not honoured"
    set_raw(c, d, name, fmt, values)
    wm.sync()
    assert wm.outer(a) == FULL, "the malformed strut still reserves room"
    b = window(wm, "b")
    assert_tiled_in(wm, [a, b], FULL)
    assert_unmanaged_dock(wm, d, (0, 0, SCREEN_W, 30))
    wm.assert_healthy([a, b])


# -- a real bar: polybar

POLYBAR_HEIGHT = 24
ALL_DESKTOPS = 0xFFFFFFFF  # the _NET_WM_DESKTOP polybar sets on itself
POLYBAR_CONFIG = """\
; generated by the ctile e2e tests
[bar/e2e]
width = 100%
height = {height}
bottom = {bottom}
override-redirect = false
background = #222222
foreground = #eeeeee
font-0 = DejaVu Sans:size=10;2
modules-left = hello

[module/hello]
type = custom/text
content = hello from polybar
"""


def start_polybar(d, bottom=False):
    """Start polybar as a session would, with a config of the test's own
    (HOME and the XDG dirs are the test's too); (process, window) once its
    window is shown."""
    cfg = d.tmp / f"polybar-{'bottom' if bottom else 'top'}.ini"
    cfg.write_text(POLYBAR_CONFIG.format(
        height=POLYBAR_HEIGHT, bottom="true" if bottom else "false"))
    p = d.spawn("polybar", f"--config={cfg}", "e2e")

    def shown():
        if p.poll() is not None:
            raise harness.HarnessError(f"polybar exited with {p.returncode}")
        for w in d.x.stacking():
            cls = d.x.text(w, "WM_CLASS")
            if isinstance(cls, str):
                cls = cls.encode("latin-1")
            if cls and cls.split(b"\0")[0] == b"polybar" and d.shown(w):
                return w
        return None
    w = d.wait_until(shown, "polybar's window to be shown")
    return p, w


def stop_polybar(d, p, sig):
    p.send_signal(sig)
    rc = harness.wait_popen(p, CLIENT_TIMEOUT)
    assert rc is not None, f"polybar still runs {CLIENT_TIMEOUT:g}s later"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL],
                         ids=["SIGTERM", "SIGKILL"])
def test_windows_tile_below_polybar_and_get_the_screen_back(wm, sig):
    """polybar at the top: the windows on screen move below it, new ones
    tile there too, polybar is not managed; once polybar is gone (it quit
    or was killed) the windows take the whole screen again."""
    a = wm.xterm("a")
    assert wm.outer(a) == FULL
    p, bar = start_polybar(wm)
    rect = (0, 0, SCREEN_W, POLYBAR_HEIGHT)
    area = (0, POLYBAR_HEIGHT, SCREEN_W, SCREEN_H - POLYBAR_HEIGHT)
    wm.wait_until(lambda: wm.outer(a) == area,
                  f"the xterm to tile below polybar, at {area}")
    assert_unmanaged_dock(wm, bar, rect, desktop=ALL_DESKTOPS)
    b = wm.xterm("b")
    assert_tiled_in(wm, [a, b], area)
    stop_polybar(wm, p, sig)
    wm.wait_until(lambda: wm.outer(a)[1] == 0,
                  "the xterms to take polybar's room")
    assert_tiled_in(wm, [a, b], FULL)
    wm.assert_healthy([a, b])


def test_windows_stop_above_polybar_at_the_bottom(wm):
    """polybar with `bottom = true`, started first as a session does:
    windows tile above it."""
    _, bar = start_polybar(wm, bottom=True)
    a = wm.xterm("a")
    area = (0, 0, SCREEN_W, SCREEN_H - POLYBAR_HEIGHT)
    wm.wait_until(lambda: wm.outer(a) == area,
                  f"the xterm to tile above polybar, at {area}")
    assert_unmanaged_dock(
        wm, bar, (0, SCREEN_H - POLYBAR_HEIGHT, SCREEN_W, POLYBAR_HEIGHT),
        desktop=ALL_DESKTOPS)
    b = wm.xterm("b")
    assert_tiled_in(wm, [a, b], area)


def workarea(d):
    """_NET_WORKAREA: (x, y, w, h) for each desktop."""
    v = d.x.prop(d.x.root.id, "_NET_WORKAREA")[2]
    return [tuple(v[i:i + 4]) for i in range(0, len(v), 4)]


@pytest.mark.with_bar
def test_workarea_tells_gtk_and_qt_where_windows_go(wm):
    """GTK and Qt size new windows and place menus within _NET_WORKAREA:
    it follows ctile's bar and the docks, the same room the tiles get."""
    supported = wm.x.prop(wm.x.root.id, "_NET_SUPPORTED")[2]
    assert wm.client().atom("_NET_WORKAREA") in supported
    h = own_bar_height(wm)
    a = window(wm)
    assert workarea(wm) == [wm.outer(a)] * 9, "one rect per desktop"
    assert wm.outer(a) == (0, h, SCREEN_W, SCREEN_H - h)
    c, d = dock(wm, (0, SCREEN_H - 40, SCREEN_W, 40),
                strut_partial=partial(bottom=40))
    assert workarea(wm) == [(0, h, SCREEN_W, SCREEN_H - h - 40)] * 9
    wm.key("super+b")
    assert workarea(wm) == [(0, 0, SCREEN_W, SCREEN_H - 40)] * 9
    gone_destroy(wm, c, d)
    assert workarea(wm) == [FULL] * 9
    assert wm.outer(a) == FULL
