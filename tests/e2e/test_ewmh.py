"""EWMH as pagers and tools see it: root properties, wmctrl, xdotool."""

import re

import pytest

from harness import ALL_TAGS, SCREEN_H, SCREEN_W, WM_STATE_ICONIC

FULL = (0, 0, SCREEN_W, SCREEN_H)


def wmctrl_list(wm):
    """[(window id, desktop, title)] as `wmctrl -l` prints them."""
    out = []
    for line in wm.run("wmctrl", "-l").stdout.splitlines():
        m = re.match(r"(0x[0-9a-f]+)\s+(-?\d+)\s+\S+\s?(.*)$", line)
        assert m, f"unexpected wmctrl -l line {line!r}"
        out.append((int(m.group(1), 16), int(m.group(2)), m.group(3)))
    return out


def test_supporting_wm_check(wm):
    root = wm.x.root.id
    check = wm.x.cardinal(root, "_NET_SUPPORTING_WM_CHECK")
    assert check, "_NET_SUPPORTING_WM_CHECK missing on the root"
    assert wm.x.cardinal(check, "_NET_SUPPORTING_WM_CHECK") == check
    name = wm.x.prop(check, "_NET_WM_NAME")
    assert name is not None, "_NET_WM_NAME missing on the check window"
    assert name[0] == "UTF8_STRING" and bytes(name[2]) == b"ctile", name
    tree = wm.x.win(check).query_tree()
    assert tree.parent.id == root, "the check window is not a child of the root"
    r = wm.run("wmctrl", "-m")
    assert "Name: ctile" in r.stdout, r.stdout


def test_supported_lists_what_ctile_does(wm):
    atoms = wm.x.cardinals(wm.x.root.id, "_NET_SUPPORTED") or []
    names = {wm.x.atom_name(a) for a in atoms}
    want = {"_NET_SUPPORTED", "_NET_SUPPORTING_WM_CHECK", "_NET_CLIENT_LIST",
            "_NET_ACTIVE_WINDOW", "_NET_NUMBER_OF_DESKTOPS",
            "_NET_DESKTOP_NAMES", "_NET_CURRENT_DESKTOP", "_NET_WM_DESKTOP",
            "_NET_CLOSE_WINDOW", "_NET_WM_NAME", "_NET_FRAME_EXTENTS",
            "_NET_REQUEST_FRAME_EXTENTS", "_NET_WM_MOVERESIZE"}
    assert want <= names, f"missing from _NET_SUPPORTED: {sorted(want - names)}"


def test_desktops_count_and_names(wm):
    root = wm.x.root.id
    assert wm.x.cardinals(root, "_NET_NUMBER_OF_DESKTOPS") == [9]
    names = wm.x.prop(root, "_NET_DESKTOP_NAMES")
    assert names and names[0] == "UTF8_STRING", names
    assert bytes(names[2]).rstrip(b"\0").split(b"\0") == \
        [str(i).encode() for i in range(1, 10)]
    r = wm.run("wmctrl", "-d")
    lines = r.stdout.splitlines()
    assert len(lines) == 9, r.stdout
    assert "*" in lines[0].split()[1], f"desktop 0 is not current: {lines[0]}"


def test_client_list_is_in_managing_order_and_wmctrl_lists_it(wm):
    a = wm.xterm("first")
    b = wm.xterm("second")
    wm.key("super+4")
    c = wm.xterm("third")
    assert wm.managed() == [a, b, c]
    assert wmctrl_list(wm) == [(a, 0, "first"), (b, 0, "second"),
                               (c, 3, "third")]


def test_active_window_follows_focus(wm):
    assert wm.active() == 0
    a = wm.xterm()
    assert wm.active() == a
    b = wm.xterm()
    assert wm.active() == b
    assert wm.x.input_focus() == b
    wm.key("super+2")
    assert wm.active() == 0, "nothing is shown: _NET_ACTIVE_WINDOW should be None"
    wm.key("super+1")
    assert wm.active() == b


def test_wmctrl_s_switches_the_view(wm):
    a = wm.xterm()
    wm.run("wmctrl", "-s", "2")
    wm.sync()
    assert wm.viewed() == 0b100
    assert wm.current_desktop() == 2
    assert wm.hidden(a)
    wm.run("wmctrl", "-s", "0")
    wm.sync()
    assert wm.viewed() == 1
    assert wm.shown(a)


def test_xdotool_set_desktop(wm):
    a = wm.xterm()
    wm.run("xdotool", "set_desktop", "1")
    wm.sync()
    assert wm.viewed() == 0b10
    assert wm.current_desktop() == 1
    assert wm.hidden(a)
    r = wm.run("xdotool", "get_desktop")
    assert r.stdout.strip() == "1"


def test_wmctrl_a_views_the_hidden_window_and_focuses_it(wm):
    a = wm.xterm("far-away")
    wm.key("super+shift+7")
    assert wm.hidden(a)
    b = wm.xterm("here")
    assert wm.active() == b
    wm.run("wmctrl", "-a", "far-away")
    wm.sync()
    assert wm.viewed() == 1 << 6
    assert wm.current_desktop() == 6
    assert wm.shown(a)
    assert wm.hidden(b)
    assert wm.active() == a
    assert wm.x.input_focus() == a


def test_wmctrl_a_focuses_a_visible_window(wm):
    a = wm.xterm("one")
    b = wm.xterm("two")
    assert wm.active() == b
    wm.run("wmctrl", "-a", "one")
    wm.sync()
    assert wm.viewed() == 1
    assert wm.active() == a
    assert wm.x.input_focus() == a


def test_wmctrl_c_closes_politely(wm):
    a = wm.xterm("doomed")
    b = wm.xterm("stays")
    wm.run("wmctrl", "-c", "doomed")
    wm.wait_unmanaged(a)
    assert not wm.x.alive(a)
    assert wm.managed() == [b]
    assert wm.outer(b) == FULL
    assert wm.active() == b


def test_wmctrl_r_t_moves_the_window_to_that_desktop(wm):
    a = wm.xterm("mover")
    b = wm.xterm("other")
    wm.run("wmctrl", "-r", "mover", "-t", "3")
    wm.sync()
    assert wm.tags(a) == 0b1000
    assert wm.desktop(a) == 3
    assert wm.hidden(a)
    assert wm.x.cardinals(a, "WM_STATE")[0] == WM_STATE_ICONIC
    assert wm.outer(b) == FULL
    wm.key("super+4")
    assert wm.shown(a)
    assert wm.outer(a) == FULL


def test_wm_desktop_all_tags(wm):
    # (wmctrl -t -1 means "the current desktop", so the pager message is
    # sent as EWMH spells it: 0xFFFFFFFF.)
    a = wm.xterm("sticky")
    c = wm.client()
    c.send_root_message("_NET_WM_DESKTOP", [0xFFFFFFFF, 2], window=a)
    wm.sync()
    assert wm.tags(a) == ALL_TAGS
    for n in (2, 5, 9):
        wm.key(f"super+{n}")
        assert wm.shown(a), f"an all-tags window is hidden on tag {n}"
    # Pagers show it on every desktop, wmctrl -l on desktop -1.
    assert wm.desktop(a) == 0xFFFFFFFF
    listed = [line.split()[:2] for line in
              wm.run("wmctrl", "-l").stdout.splitlines()]
    assert any(int(w, 16) == a and d == "-1" for w, d in listed), listed
    wm.key("super+shift+3")  # one tag again
    assert wm.desktop(a) == 2


def test_wm_desktop_is_the_lowest_tag(wm):
    a = wm.xterm()
    wm.key("super+control+shift+5", "super+control+shift+1")
    assert wm.tags(a) == 0b10000
    assert wm.desktop(a) == 4
    wm.key("super+5", "super+control+shift+3")
    assert wm.tags(a) == 0b10100
    assert wm.desktop(a) == 2


def test_current_desktop_is_lowest_viewed_tag(wm):
    wm.key("super+6", "super+control+4", "super+control+8")
    assert wm.viewed() == 0b10101000
    assert wm.current_desktop() == 3


def test_net_wm_desktop_message_from_a_client(wm):
    c = wm.client()
    w = c.create(title="pager-target")
    wm.wait_managed(w)
    c.send_root_message("_NET_WM_DESKTOP", [5, 2], window=w)
    wm.sync()
    assert wm.tags(w) == 1 << 5
    assert wm.desktop(w) == 5
    assert wm.hidden(w)


def test_net_current_desktop_message_from_a_client(wm):
    c = wm.client()
    c.send_root_message("_NET_CURRENT_DESKTOP", [8, 0])
    wm.sync()
    assert wm.viewed() == 1 << 8
    assert wm.current_desktop() == 8


def test_close_window_message_kills_a_client_without_delete_window(wm):
    victim = wm.client()
    w = victim.create(title="no-delete", protocols=())
    wm.wait_managed(w)
    other = wm.client()
    other.send_root_message("_NET_CLOSE_WINDOW", [0, 2], window=w)
    assert victim.is_killed(), "the client was not disconnected"
    wm.wait_unmanaged(w)
    assert wm.managed() == []


# -- windows that draw their own title bar (GTK's header bars)


def moveresize(wm, c, w, direction, start, to):
    """What GTK does when its header bar (or a corner) is dragged: the
    button goes down on the window, the client sends _NET_WM_MOVERESIZE
    with the pointer's place, and the pointer moves to `to` and lets go."""
    wm.run("xdotool", "mousemove", str(start[0]), str(start[1]),
           "mousedown", "1")
    c.send_root_message("_NET_WM_MOVERESIZE",
                        [start[0], start[1], direction, 1, 1], window=w)
    wm.sync()
    mid = ((start[0] + to[0]) // 2, (start[1] + to[1]) // 2)
    wm.run("xdotool", "mousemove", str(mid[0]), str(mid[1]),
           "mousemove", str(to[0]), str(to[1]), "mouseup", "1")
    wm.sync()


def floating_window(wm, c):
    w = c.create(title="header bar")
    wm.wait_managed(w)
    wm.key("super+shift+space")
    c.configure(w, x=300, y=200, width=400, height=300)
    wm.sync()
    return w


def test_a_header_bar_drag_moves_a_floating_window(wm):
    c = wm.client()
    w = floating_window(wm, c)
    x, y, ww, h = wm.outer(w)
    moveresize(wm, c, w, 8, (x + 50, y + 10), (x + 150, y + 60))
    assert wm.outer(w) == (x + 100, y + 50, ww, h)
    # The drag is over: moving the pointer moves nothing.
    wm.mousemove(20, 20)
    assert wm.outer(w) == (x + 100, y + 50, ww, h)


def test_a_corner_drag_resizes_from_that_corner(wm):
    c = wm.client()
    w = floating_window(wm, c)
    x, y, ww, h = wm.outer(w)
    moveresize(wm, c, w, 0, (x + 1, y + 1), (x - 49, y - 39))  # top left
    assert wm.outer(w) == (x - 50, y - 40, ww + 50, h + 40), \
        "the bottom right corner must stay where it was"
    x, y, ww, h = wm.outer(w)
    moveresize(wm, c, w, 4, (x + ww - 2, y + h - 2),
               (x + ww - 102, y + h - 52))  # bottom right
    assert wm.outer(w) == (x, y, ww - 100, h - 50)


def test_a_tiled_window_keeps_its_tile_when_its_header_is_dragged(wm):
    a = wm.xterm("other")
    c = wm.client()
    w = c.create(title="tiled header bar")
    wm.wait_managed(w)
    before = {v: wm.outer(v) for v in (a, w)}
    x, y, ww, h = before[w]
    moveresize(wm, c, w, 8, (x + 50, y + 10), (x + 250, y + 110))
    assert {v: wm.outer(v) for v in (a, w)} == before
    wm.assert_healthy([a, w])


def test_frame_extents_say_the_border(wm):
    """GTK and Qt read _NET_FRAME_EXTENTS (and ask for it before mapping
    with _NET_REQUEST_FRAME_EXTENTS) to size and place windows."""
    c = wm.client()
    early = c.create(title="asks first", map=False)
    c.send_root_message("_NET_REQUEST_FRAME_EXTENTS", [], window=early)
    wm.sync()
    bw = wm.x.cardinals(early, "_NET_FRAME_EXTENTS")
    assert bw and len(bw) == 4 and bw[0] > 0 and len(set(bw)) == 1
    a = wm.xterm("alone")  # alone: no border (smart borders)
    assert wm.x.cardinals(a, "_NET_FRAME_EXTENTS") == [wm.border(a)] * 4
    b = wm.xterm("second")
    for v in (a, b):
        assert wm.border(v) == bw[0]
        assert wm.x.cardinals(v, "_NET_FRAME_EXTENTS") == [bw[0]] * 4, \
            "the extents did not follow the border"


def test_sticky_is_every_tag(wm):
    """mpv --on-all-workspaces and picture-in-picture windows ask to be
    sticky: on every tag, said so in _NET_WM_STATE; unstuck, the window
    stays on the tag in view."""
    c = wm.client()
    pip = c.create(title="picture in picture", states=["_NET_WM_STATE_STICKY"])
    wm.wait_managed(pip)
    assert wm.tags(pip) == ALL_TAGS
    w = c.create(title="player")
    wm.wait_managed(w)
    sticky = c.atom("_NET_WM_STATE_STICKY")
    c.send_root_message("_NET_WM_STATE", [1, sticky, 0, 1], window=w)
    wm.sync()
    assert wm.tags(w) == ALL_TAGS
    names = [wm.x.atom_name(a) for a in wm.x.prop(w, "_NET_WM_STATE")[2]]
    assert "_NET_WM_STATE_STICKY" in names
    wm.key("super+4")
    assert wm.shown(w) and wm.shown(pip)
    c.send_root_message("_NET_WM_STATE", [0, sticky, 0, 1], window=w)
    wm.sync()
    assert wm.tags(w) == 1 << 3, "unstuck, it stays on the tag in view"
    assert list(wm.x.prop(w, "_NET_WM_STATE")[2]) == []
    wm.key("super+1")
    assert wm.hidden(w) and wm.shown(pip)


def start_header_drag(wm, c, w, start):
    wm.run("xdotool", "mousemove", str(start[0]), str(start[1]),
           "mousedown", "1")
    c.send_root_message("_NET_WM_MOVERESIZE", [start[0], start[1], 8, 1, 1],
                        window=w)
    wm.sync()


@pytest.mark.parametrize("how", ["destroyed", "unmapped", "tag switch"])
def test_the_mouse_is_free_when_the_dragged_window_goes(wm, how):
    """The window whose header bar is being dragged closes, hides itself
    or is sent away by a tag switch: the mouse must work for every program
    afterwards (ctile's grab must not stay held)."""
    c = wm.client()
    w = floating_window(wm, c)
    x, y, ww, h = wm.outer(w)
    start_header_drag(wm, c, w, (x + 50, y + 10))
    assert not wm.x.keyboard_grabbable(), "the drag holds the pointer"
    if how == "destroyed":
        c.destroy(w)
    elif how == "unmapped":
        c.unmap(w)
    else:
        wm.key("super+2")
    wm.sync()
    wm.run("xdotool", "mousemove", "500", "500", "mouseup", "1")
    wm.sync()
    assert wm.x.keyboard_grabbable(), "the pointer stays grabbed"


def test_a_header_bar_drag_in_the_floating_layout(wm):
    wm.key("super+f")
    c = wm.client()
    w = c.create(x=300, y=200, w=400, h=300, title="header bar")
    wm.wait_managed(w)
    x, y, ww, h = wm.outer(w)
    moveresize(wm, c, w, 8, (x + 50, y + 10), (x + 150, y + 60))
    assert wm.outer(w) == (x + 100, y + 50, ww, h)
