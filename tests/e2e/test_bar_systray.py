"""The system tray: ctile owns _NET_SYSTEM_TRAY_S0 and shows XEMBED icons in
the primary monitor's bar. A real icon (yad) docks, is drawn and goes with
its process; icons stay docked across reload and dock again after restart;
scripted icons check the protocol's corners; another tray keeps its
selection; quit and a crash hand the icons back to the root."""

import os
import signal

from Xlib import X, error
from Xlib.protocol import event as xevent

import harness
from harness import CLIENT_TIMEOUT

DEFAULT = (harness.REPO / "config" / "config").read_text()
BACKGROUND = (0x2E, 0x34, 0x40)
ANOTHER = "another system tray is running; the systray widget stays empty"
SPACING = 2  # the widget's default, pixels at 96 dpi (Xvfb has no Xft.dpi)
REQUEST_DOCK = 0
XEMBED_MAPPED = 1


def config():
    """The default config with the tray on the right of the bar, before a
    clock whose text never changes: the bar's picture then changes only
    when the tray does."""
    return (DEFAULT + "\n# added by the test\n"
            "bar color background #2e3440\n"
            "bar right systray clock format=CLOCK\n")


# -- the tray as X shows it


def owner(d):
    """The window owning _NET_SYSTEM_TRAY_S0, or 0."""
    r = d.x.d.get_selection_owner(d.x.atom("_NET_SYSTEM_TRAY_S0"))
    return r if isinstance(r, int) else r.id


def wm_class(d, wid):
    v = d.x.text(wid, "WM_CLASS")
    if isinstance(v, str):
        v = v.encode("latin-1")
    return v.split(b"\0")[0].decode() if v else None


def ctile_tray(d):
    """The selection owner, checked to be ctile's tray window."""
    t = owner(d)
    assert t, "nobody owns _NET_SYSTEM_TRAY_S0"
    assert wm_class(d, t) == "ctile-systray", \
        f"_NET_SYSTEM_TRAY_S0 is owned by 0x{t:x}, not by ctile's tray"
    return t


def parent(d, wid):
    try:
        return d.x.win(wid).query_tree().parent.id
    except error.BadWindow:
        return None


def children(d, wid):
    try:
        return [w.id for w in d.x.win(wid).query_tree().children]
    except error.BadWindow:
        return []


def local_geometry(d, wid):
    """(x, y, w, h, border) in the parent."""
    g = d.x.win(wid).get_geometry()
    return (g.x, g.y, g.width, g.height, g.border_width)


def watch_tray(d, tray):
    """Icons docking, mapping and going show as events on our connection,
    so waits for them are event driven."""
    d.x.win(tray).change_attributes(
        event_mask=X.SubstructureNotifyMask | X.StructureNotifyMask)
    d.x.d.sync()


def shown_icons(d, tray):
    return [w for w in children(d, tray) if d.shown(w)]


def wait_docked(d, tray, n=1, proc=None):
    def docked():
        if proc is not None and proc.poll() is not None:
            raise harness.HarnessError(f"the icon's program exited with "
                                       f"{proc.returncode}")
        icons = shown_icons(d, tray)
        return icons if len(icons) == n else None
    icons = d.x.wait_for(docked, f"{n} icon(s) shown in the tray",
                         CLIENT_TIMEOUT)
    d.sync()
    return icons


def the_bar(d):
    bars = d.bars()
    assert len(bars) == 1, f"one bar expected, found {bars}"
    return bars[0]


def picture(d, x, y, w, h):
    """The screen's pixels in a rectangle, as (r, g, b) tuples."""
    data = d.x.root.get_image(x, y, w, h, X.ZPixmap, 0xFFFFFFFF).data
    return [(data[i + 2], data[i + 1], data[i])
            for i in range(0, len(data), 4)]


def bar_picture(d, bar):
    x, y, w, h = d.outer(bar)
    return picture(d, x, y, w, h)


def assert_square_in_bar(d, icon, tray, bar, index=0):
    """The icon is shown inside the tray, which sits in the bar; it is a
    square as tall as the bar, index icons from the tray's left."""
    assert parent(d, icon) == tray, f"icon 0x{icon:x} is not in the tray"
    assert parent(d, tray) == bar, "the tray window is not in the bar"
    assert d.shown(icon) and d.shown(tray)
    bh = d.outer(bar)[3]
    x, y, w, h, b = local_geometry(d, icon)
    assert (w, h, b) == (bh, bh, 0), \
        f"icon 0x{icon:x} is {w}x{h} (border {b}), not {bh}x{bh}"
    assert (x, y) == (index * (bh + SPACING), 0), f"icon at {x},{y}"
    ox, oy, ow, oh = d.outer(icon)
    bx, by, bw, _ = d.outer(bar)
    assert by == oy and bx <= ox and ox + ow <= bx + bw


# -- a scripted icon, as a toolkit's tray icon behaves


def make_icon(c, flags=XEMBED_MAPPED, info=True, w=30, h=20):
    screen = c.d.screen()
    win = c.root.create_window(
        0, 0, w, h, 0, screen.root_depth, X.InputOutput, X.CopyFromParent,
        background_pixel=screen.white_pixel,
        event_mask=X.StructureNotifyMask)
    if info:
        set_info(c, win.id, flags, sync=False)
    c.sync()
    return win.id


def set_info(c, icon, flags, sync=True):
    a = c.atom("_XEMBED_INFO")
    c.win(icon).change_property(a, a, 32, [0, flags])
    c._done(sync)


def tray_message(c, tray, data, fmt=32, type_name="_NET_SYSTEM_TRAY_OPCODE"):
    n = {32: 5, 8: 20}[fmt]
    data = [int(v) & (0xFFFFFFFF if fmt == 32 else 0xFF) for v in data]
    data += [0] * (n - len(data))
    ev = xevent.ClientMessage(window=c.win(tray),
                              client_type=c.atom(type_name), data=(fmt, data))
    c.win(tray).send_event(ev, event_mask=X.NoEventMask)
    c.sync()


def dock(c, tray, icon):
    tray_message(c, tray, [X.CurrentTime, REQUEST_DOCK, icon])


def embedded_notify(c, icon):
    """The XEMBED_EMBEDDED_NOTIFY the icon received: its embedder."""
    xembed = c.atom("_XEMBED")
    ev = c.wait_event(lambda e: e.type == X.ClientMessage
                      and e.window.id == icon and e.client_type == xembed
                      and e.data[1][1] == 0)
    return ev.data[1][3] if ev else None


# -- a real icon


def test_yad_icon_docks_in_the_bar_is_drawn_and_goes_with_its_process(
        make_wm):
    d = make_wm(config())
    tray = ctile_tray(d)
    assert d.x.cardinal(tray, "_NET_SYSTEM_TRAY_ORIENTATION") == 0, \
        "the tray is not horizontal"
    visual = d.x.prop(tray, "_NET_SYSTEM_TRAY_VISUAL")
    assert visual and visual[0] == "VISUALID" \
        and list(visual[2]) == [d.x.screen.root_visual]
    bar = the_bar(d)
    before = bar_picture(d, bar)
    watch_tray(d, tray)

    p = d.spawn("yad", "--notification", "--image=dialog-information")
    [icon] = wait_docked(d, tray, proc=p)
    assert wm_class(d, icon) == "yad"
    assert_square_in_bar(d, icon, tray, bar)

    # Drawn on the bar's background (no blank or black first icon).
    x, y, w, h = d.outer(icon)

    def drawn():
        px = picture(d, x, y, w, h)
        return len(set(px)) > 8 and px[0] == BACKGROUND
    d.wait_until(drawn, "yad's icon to be drawn on the bar's background")
    assert bar_picture(d, bar) != before, "the bar did not make room"

    p.terminate()
    d.x.wait_for(lambda: icon not in children(d, tray),
                 "the icon to go with its process")
    d.sync()
    assert not d.shown(tray), "the tray still shows with no icon in it"
    assert bar_picture(d, bar) == before, \
        "the bar did not shrink back when the icon went"


def test_icon_stays_docked_across_reload_and_docks_again_after_restart(
        make_wm):
    d = make_wm(config())
    tray = ctile_tray(d)
    watch_tray(d, tray)
    p = d.spawn("yad", "--notification", "--image=dialog-information")
    [icon] = wait_docked(d, tray, proc=p)
    d.x.watch(icon)

    d.key("super+shift+r")
    assert "reloaded" in d.log_text()
    assert ctile_tray(d) == tray, "reload gave up the tray"
    assert_square_in_bar(d, icon, tray, the_bar(d))
    assert icon not in d.x.unmaps and icon not in d.x.destroyed, \
        "the icon was unmapped or destroyed by the reload"

    old = d.watch_wm()
    d.key("super+control+r", sync=False)
    d.wait_ready(old_check=old)
    tray = ctile_tray(d)
    watch_tray(d, tray)
    [icon] = wait_docked(d, tray, proc=p)
    assert_square_in_bar(d, icon, tray, the_bar(d))
    assert d.managed() == [], "a tray icon was managed as a window"


# -- the protocol's corners, with scripted icons


def test_xembed_mapped_flag_sizes_and_removal(make_wm):
    d = make_wm(config())
    tray = ctile_tray(d)
    bar = the_bar(d)
    bh = d.outer(bar)[3]
    c = d.client()

    # Docked while XEMBED_MAPPED is clear: embedded, not shown.
    a = make_icon(c, flags=0)
    dock(c, tray, a)
    d.sync()
    assert parent(d, a) == tray
    assert embedded_notify(c, a) == tray, "no XEMBED_EMBEDDED_NOTIFY"
    assert d.hidden(a) and not d.shown(tray)

    set_info(c, a, XEMBED_MAPPED)
    d.sync()
    assert_square_in_bar(d, a, tray, bar)

    # It asks for another size: it keeps the bar's, and is told so.
    c.drain()
    c.configure(a, width=100, height=10)
    d.sync()
    assert local_geometry(d, a)[2:4] == (bh, bh)
    told = [e for e in c.drain() if e.type == X.ConfigureNotify]
    assert told and (told[-1].width, told[-1].height) == (bh, bh)

    # A second icon (no _XEMBED_INFO at all: shown) goes to its right.
    b = make_icon(c, info=False)
    dock(c, tray, b)
    d.sync()
    assert_square_in_bar(d, a, tray, bar, 0)
    assert_square_in_bar(d, b, tray, bar, 1)
    assert local_geometry(d, tray)[2] == 2 * bh + SPACING

    # Hidden by its flag, then by unmapping itself: the other moves left.
    set_info(c, a, 0)
    d.sync()
    assert d.hidden(a) and parent(d, a) == tray
    assert_square_in_bar(d, b, tray, bar, 0)
    set_info(c, a, XEMBED_MAPPED)
    d.sync()
    assert_square_in_bar(d, b, tray, bar, 1)
    c.unmap(a)
    d.sync()
    assert d.hidden(a)
    assert_square_in_bar(d, b, tray, bar, 0)
    assert local_geometry(d, tray)[2] == bh

    # Destroyed: gone from the tray; the tray hides when nothing is shown.
    c.destroy(b)
    d.sync()
    assert children(d, tray) == [a] and not d.shown(tray)
    set_info(c, a, XEMBED_MAPPED)
    d.sync()
    assert_square_in_bar(d, a, tray, bar, 0)

    # The client dies: its icon goes with it.
    c.close_abruptly()
    d.sync()
    assert children(d, tray) == [] and not d.shown(tray)
    d.assert_healthy()


def test_docking_twice_leaving_and_bad_messages(make_wm):
    d = make_wm(config())
    tray = ctile_tray(d)
    bar = the_bar(d)
    c = d.client()
    a = make_icon(c)
    dock(c, tray, a)
    dock(c, tray, a)
    d.sync()
    assert children(d, tray) == [a], "an icon docked twice shows twice"
    assert_square_in_bar(d, a, tray, bar)

    # It leaves for the root by itself, then docks again.
    c.win(a).reparent(c.root, 0, 0)
    c.sync()
    d.sync()
    assert children(d, tray) == [] and parent(d, a) == d.x.root.id
    dock(c, tray, a)
    d.sync()
    assert_square_in_bar(d, a, tray, bar)

    # Nonsense: no window, ctile's own windows, unknown opcodes, balloon
    # messages, the wrong format, an _XEMBED_INFO of the wrong shape.
    for w in (0, 0x7FFFFFF0, d.x.root.id, bar, tray,
              d.x.wm_check()):
        dock(c, tray, w)
    tray_message(c, tray, [X.CurrentTime, 1, 1000, 12, 7])  # begin message
    tray_message(c, tray, [X.CurrentTime, 2, 7])  # cancel message
    tray_message(c, tray, [X.CurrentTime, 99, a])
    tray_message(c, tray, [1, 0, a & 0xFF], fmt=8)
    tray_message(c, tray, [0] * 5, type_name="_NET_SYSTEM_TRAY_MESSAGE_DATA")
    bad = make_icon(c, info=False)
    c.win(bad).change_property(c.atom("_XEMBED_INFO"),
                               c.atom("_XEMBED_INFO"), 8, b"\x01\x02\x03")
    dock(c, tray, bad)
    d.sync()
    assert children(d, tray) == [a, bad]
    assert_square_in_bar(d, bad, tray, bar, 1)
    assert d.shown(bar) and d.outer(bar)[2] == harness.SCREEN_W
    d.assert_healthy()
    assert_square_in_bar(d, a, tray, bar, 0)


def tray_manager_message(c):
    """The MANAGER message of a new tray (ctile also announces WM_S0)."""
    return c.wait_event(
        lambda e: e.type == X.ClientMessage
        and e.client_type == c.atom("MANAGER")
        and e.data[1][1] == c.atom("_NET_SYSTEM_TRAY_S0"))


def test_reload_without_the_widget_lets_the_tray_go_and_with_it_back(make_wm):
    d = make_wm(config())
    tray = ctile_tray(d)
    c = d.client()
    icon = make_icon(c)
    dock(c, tray, icon)
    d.sync()
    c.root.change_attributes(event_mask=X.StructureNotifyMask)
    c.sync()

    d.write_config(DEFAULT + "\nbar right clock format=CLOCK\n")
    d.key("super+shift+r")
    assert owner(d) == 0, "the tray stayed without a systray widget"
    assert parent(d, icon) == d.x.root.id and d.hidden(icon)
    assert d.x.alive(icon) and icon not in d.managed()

    d.write_config(config())
    d.key("super+shift+r")
    tray = ctile_tray(d)
    manager = tray_manager_message(c)
    assert manager and manager.data[1][2] == tray
    dock(c, tray, icon)
    d.sync()
    assert_square_in_bar(d, icon, tray, the_bar(d))


# -- another tray, quit, a crash


def test_another_tray_keeps_its_selection_and_ctile_keeps_working(xvfb):
    other = xvfb.client()
    mine = other.create(title="another-tray", map=False,
                        override_redirect=True, protocols=None)
    other.win(mine).set_selection_owner(
        other.atom("_NET_SYSTEM_TRAY_S0"), X.CurrentTime)
    other.sync()
    xvfb.write_config(config())
    xvfb.start_ctile()

    assert owner(xvfb) == mine, "ctile took another tray's selection"
    assert xvfb.log_text().count(ANOTHER) == 1, xvfb.log_text()
    xvfb.assert_healthy()
    xvfb.key("super+shift+r")
    assert owner(xvfb) == mine
    assert xvfb.log_text().count(ANOTHER) == 1, "said more than once"
    assert len(xvfb.bars()) == 1

    # Once the other tray is gone, a reload makes ctile the tray.
    xvfb.x.watch_destroy(mine)
    other.close()
    xvfb.x.wait_for(lambda: mine in xvfb.x.destroyed,
                    "the other tray's window to go")
    xvfb.key("super+shift+r")
    tray = ctile_tray(xvfb)
    assert xvfb.log_text().count(ANOTHER) == 1

    # A tray that takes the selection over gets the icons: ctile hands
    # them back to the root and steps aside.
    c = xvfb.client()
    icon = make_icon(c)
    dock(c, tray, icon)
    xvfb.sync()
    assert_square_in_bar(xvfb, icon, tray, the_bar(xvfb))
    newer = c.create(title="newer-tray", map=False, override_redirect=True,
                     protocols=None)
    c.win(newer).set_selection_owner(c.atom("_NET_SYSTEM_TRAY_S0"),
                                     X.CurrentTime)
    xvfb.sync()
    assert owner(xvfb) == newer
    assert "another system tray took over" in xvfb.log_text()
    assert parent(xvfb, icon) == xvfb.x.root.id and xvfb.hidden(icon)
    assert not xvfb.x.alive(tray), "ctile's tray window is left behind"
    xvfb.assert_healthy()


def test_quit_hands_icons_back_to_the_root_unmapped(xvfb):
    xvfb.write_config(config())
    p = xvfb.start_ctile()
    tray = ctile_tray(xvfb)
    c = xvfb.client()
    icon = make_icon(c)
    dock(c, tray, icon)
    xvfb.sync()
    assert_square_in_bar(xvfb, icon, tray, the_bar(xvfb))

    xvfb.key("super+shift+q", sync=False)
    assert xvfb.wait_exit(p) == 0
    c.sync()
    assert xvfb.x.alive(icon), "quit destroyed a tray icon"
    assert parent(xvfb, icon) == xvfb.x.root.id
    assert xvfb.hidden(icon), "a tray icon was left mapped on the root"
    assert owner(xvfb) == 0


def test_a_crash_hands_icons_to_the_root_and_they_dock_again(xvfb):
    xvfb.write_config(config())
    p = xvfb.start_ctile()
    tray = ctile_tray(xvfb)
    c = xvfb.client()
    icon = make_icon(c)
    dock(c, tray, icon)
    xvfb.sync()
    assert xvfb.shown(icon)

    old = xvfb.watch_wm()
    xvfb.x.watch(icon)
    # The icon listens for a new tray on the root, as toolkits do.
    c.root.change_attributes(event_mask=X.StructureNotifyMask)
    c.sync()
    os.kill(p.pid, signal.SIGKILL)
    xvfb.wait_exit(p)
    c.sync()
    assert xvfb.x.alive(icon), "the icon died with ctile (not in its save-set)"
    assert parent(xvfb, icon) == xvfb.x.root.id

    xvfb.start_ctile(old_check=old)
    manager = tray_manager_message(c)
    assert manager, "the new tray sent no MANAGER message"
    tray = ctile_tray(xvfb)
    assert list(manager.data[1][1:3]) == [c.atom("_NET_SYSTEM_TRAY_S0"), tray]
    dock(c, tray, icon)
    xvfb.sync()
    assert_square_in_bar(xvfb, icon, tray, the_bar(xvfb))
    assert icon not in xvfb.managed(), "the docked icon is still managed"

